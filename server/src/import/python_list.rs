//! Lists written as Python literals inside a CSV cell: `['Age', 'Sex']`.

/// The strings of a Python-style list, or `None` when the cell is not one.
///
/// Handles single and double quotes and backslash escapes (`\'`, `\\`, `\n`).
/// An empty cell is an empty list.
pub fn parse(cell: &str) -> Option<Vec<String>> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Some(Vec::new());
    }
    let inner = cell.strip_prefix('[')?.strip_suffix(']')?;
    let mut items = Vec::new();
    let mut chars = inner.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace() || *c == ',').is_some() {}
        let Some(quote) = chars.next() else {
            return Some(items);
        };
        if quote != '\'' && quote != '"' {
            return None;
        }
        let mut item = String::new();
        loop {
            match chars.next()? {
                '\\' => match chars.next()? {
                    'n' => item.push('\n'),
                    't' => item.push('\t'),
                    other => item.push(other),
                },
                c if c == quote => break,
                c => item.push(c),
            }
        }
        items.push(item);
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn reads_python_lists() {
        assert_eq!(parse("[]"), Some(vec![]));
        assert_eq!(parse(""), Some(vec![]));
        assert_eq!(
            parse("['b) Sex', 'c) Age']"),
            Some(vec!["b) Sex".into(), "c) Age".into()])
        );
        assert_eq!(
            parse("[\"it's\", 'a \\'quote\\'']"),
            Some(vec!["it's".into(), "a 'quote'".into()])
        );
        assert_eq!(
            parse("['General solicitations of \\ncomments']"),
            Some(vec!["General solicitations of \ncomments".into()])
        );
    }

    #[test]
    fn refuses_what_is_not_a_list() {
        assert_eq!(parse("Age, Sex"), None);
        assert_eq!(parse("['unterminated]"), None);
        assert_eq!(parse("[Age]"), None);
    }
}

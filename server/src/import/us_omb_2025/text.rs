//! Cells as the register's texts: one-line fields, shortened names, markdown
//! parts and lists, links and dates as agencies wrote them.

use super::Row;
use crate::publishing::check;

/// A one-line field as the register keeps it: line breaks, tabs and runs of
/// spaces become one space; other control characters and characters that
/// reverse the direction of text are dropped.
pub(super) fn one_line(text: &str) -> String {
    let kept = |c: &char| !c.is_control() && !check::is_bidi_control(*c);
    text.split_whitespace()
        .map(|word| word.chars().filter(kept).collect::<String>())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A column's value as one line, cut to the register's longest line, or
/// `None` when blank.
pub(super) fn line(row: &Row, column: &str) -> Option<String> {
    Some(shorten(&one_line(row.get(column)), check::MAX_LINE)).filter(|text| !text.is_empty())
}

/// The public contact in a `contact_email` cell: the first email address or
/// https address in it. Cells often name two people ("a@x.gov, cc: b@x.gov")
/// or a person without an address; a cell with neither leaves the record
/// without a contact rather than a link that goes nowhere (or somewhere else:
/// `javascript:` and `data:` are never links).
pub(super) fn contact(cell: &str) -> Option<String> {
    cell.split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .map(|word| word.trim_matches(['<', '>', '(', ')', '"', '\'']))
        .find(|word| {
            crate::accounts::is_email(word) || (word.starts_with("https://") && check::is_url(word))
        })
        .map(str::to_string)
}

/// Cuts text to at most `limit` characters at a word boundary, marking the cut with "…".
pub(super) fn shorten(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let cut: String = text.chars().take(limit - 1).collect();
    let at_word = match cut.rfind(' ') {
        Some(space) if space > limit / 2 => &cut[..space],
        _ => &cut,
    };
    format!("{}…", at_word.trim_end_matches([' ', ',', ';', ':']))
}

pub(super) fn push_part(markdown: &mut String, heading: &str, text: &str) {
    if !text.is_empty() {
        markdown.push_str(&format!("**{heading}**\n\n{text}\n\n"));
    }
}

/// The links a cell lists, separated by spaces, commas or semicolons, each
/// once; `None` when the cell is empty or holds anything but links.
pub(super) fn links(cell: &str) -> Option<Vec<String>> {
    let mut urls: Vec<String> = Vec::new();
    for word in cell.split(|c: char| c.is_whitespace() || c == ',' || c == ';') {
        if word.is_empty() {
            continue;
        }
        if !check::is_url(word) {
            return None;
        }
        if !urls.iter().any(|url| url == word) {
            urls.push(word.to_string());
        }
    }
    (!urls.is_empty()).then_some(urls)
}

pub(super) fn fact(label: &str, value: &str) -> Vec<String> {
    let mut facts = Vec::new();
    push_fact(&mut facts, label, value);
    facts
}

pub(super) fn push_fact(facts: &mut Vec<String>, label: &str, value: &str) {
    if !value.is_empty() {
        facts.push(format!(
            "{label}: {}",
            value.split_whitespace().collect::<Vec<_>>().join(" ")
        ));
    }
}

pub(super) fn push_list(markdown: &mut String, facts: &[String]) {
    for fact in facts {
        markdown.push_str(&format!("- {fact}\n"));
    }
    if !facts.is_empty() {
        markdown.push('\n');
    }
}

/// A date in one of the shapes agencies wrote, as `YYYY-MM-DD`.
///
/// Seen in the 2025 file: `2024-10-01 00:00:00`, `01/2024`, `1/15/2024`,
/// `01/15/2024 00:00:00`, `1/15/2024 9:30`, `Jan-24`, `2024`.
pub fn parse_date(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let date_part = raw.split_whitespace().next()?;
    let valid = |y: u32, m: u32, d: u32| {
        ((1950..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then(|| format!("{y:04}-{m:02}-{d:02}"))
    };
    let numbers = |parts: &[&str]| {
        parts
            .iter()
            .map(|p| p.parse::<u32>().ok())
            .collect::<Option<Vec<u32>>>()
    };
    if let Some(parts) = numbers(&date_part.split('-').collect::<Vec<_>>()) {
        return match parts.as_slice() {
            [y, m, d] if date_part.len() == 10 => valid(*y, *m, *d),
            [y] if date_part.len() == 4 => valid(*y, 1, 1),
            _ => None,
        };
    }
    if let Some(parts) = numbers(&date_part.split('/').collect::<Vec<_>>()) {
        return match parts.as_slice() {
            [m, y] => valid(*y, *m, 1),
            [m, d, y] => valid(*y, *m, *d),
            _ => None,
        };
    }
    // "Jan-24": a month and a two-digit year.
    let (month, year) = date_part.split_once('-')?;
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let m = MONTHS
        .iter()
        .position(|name| month.eq_ignore_ascii_case(name))? as u32
        + 1;
    let y: u32 = year.parse().ok().filter(|_| year.len() == 2)?;
    valid(2000 + y, m, 1)
}

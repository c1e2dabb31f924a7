//! The rules every text of the register meets, whichever way it came in
//! (form, API, import, feedback): one-line texts, texts of several lines,
//! dates and web addresses.

pub use app::record::normalised;

/// Characters that reorder the text around them (bidirectional embeddings,
/// overrides and isolates): in a one-line field they can make a name read
/// differently from what it is, so they are refused there.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// What is wrong with a one-line text (a name, a unit, an agency's name), if
/// anything: a line break or other control character, or a character that
/// reverses the direction of text. Answers the catalogue's key of the
/// problem, for `t_in(language, key)`.
pub fn one_line_problem(text: &str) -> Option<&'static str> {
    if text.chars().any(char::is_control) {
        return Some("check-one-line");
    }
    if text.chars().any(is_bidi_control) {
        return Some("check-bidi");
    }
    None
}

/// What is wrong with a text of several lines (markdown, a summary), if
/// anything: control characters other than line breaks and tabs. Answers
/// the catalogue's key of the problem.
pub fn text_problem(text: &str) -> Option<&'static str> {
    let allowed = |c: char| !c.is_control() || matches!(c, '\n' | '\r' | '\t');
    (!text.chars().all(allowed)).then_some("check-control")
}

/// Whether `text` is a `YYYY-MM-DD` date that exists on the calendar.
pub fn is_date(text: &str) -> bool {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    text.len() == 10 && time::Date::parse(text, &format).is_ok()
}

/// Whether `text` is an http(s) address with a host and no spaces.
pub fn is_url(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        !host.is_empty() && !text.chars().any(char::is_whitespace)
    })
}

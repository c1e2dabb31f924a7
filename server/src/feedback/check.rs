//! The checks on what a citizen sends: kind, body, name and email, the
//! honeypot, the link limit, and the scan for personal data in the body.
//! Every problem is named by its field; nothing is stored when there is one.

use app::feedback::FeedbackInput;
use app::i18n::{Language, t_in, t_with_in};
use app::record::FeedbackKind;
use std::collections::BTreeMap;

/// The longest body, in characters.
pub const MAX_BODY: usize = 2_000;
/// The longest display name, in characters.
pub const MAX_NAME: usize = 80;
/// The longest email address (RFC 5321).
pub const MAX_EMAIL: usize = 254;
/// The most links a body may hold.
pub const MAX_LINKS: usize = 2;
/// The longest official answer, in characters.
pub const MAX_ANSWER: usize = 5_000;
/// The longest moderator's note.
pub const MAX_NOTE: usize = 500;

/// A submission that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedComment {
    pub kind: FeedbackKind,
    pub body: String,
    pub name: Option<String>,
    pub email: Option<String>,
    /// The body seems to hold an email address or a phone number.
    pub personal_data_found: bool,
}

/// Problems by field.
pub type Problems = BTreeMap<String, Vec<String>>;

/// Checks a submission; the problems by field, in `language`, when it is wrong.
pub fn comment(input: &FeedbackInput, language: Language) -> Result<CheckedComment, Problems> {
    let mut problems = Problems::new();
    let mut add = |field: &str, message: app::i18n::Text| {
        problems
            .entry(field.to_string())
            .or_default()
            .push(message.into_owned())
    };
    if !input.website.is_empty() {
        add("website", t_in(language, "feedback-check-honeypot"));
    }
    let kind = FeedbackKind::parse(input.kind.trim());
    if kind.is_none() {
        add(
            "kind",
            if input.kind.trim().is_empty() {
                t_in(language, "feedback-check-kind")
            } else {
                t_with_in(
                    language,
                    "feedback-check-kind-unknown",
                    &[
                        ("kind", input.kind.trim().into()),
                        ("kinds", FeedbackKind::names().into()),
                    ],
                )
            },
        );
    }
    let body = crate::publishing::check::normalised(&input.body);
    let body = body.as_str();
    let body_length = body.chars().count();
    if body.is_empty() {
        add("body", t_in(language, "feedback-check-body"));
    } else if body_length > MAX_BODY {
        add(
            "body",
            t_with_in(
                language,
                "feedback-check-body-long",
                &[("length", body_length.into()), ("most", MAX_BODY.into())],
            ),
        );
    } else if has_control_characters(body, true) {
        add("body", t_in(language, "feedback-check-body-control"));
    } else if link_count(body) > MAX_LINKS {
        add(
            "body",
            t_with_in(
                language,
                "feedback-check-links",
                &[
                    ("count", link_count(body).into()),
                    ("most", MAX_LINKS.into()),
                ],
            ),
        );
    }
    let name = input.name.trim();
    if name.chars().count() > MAX_NAME {
        add(
            "name",
            t_with_in(
                language,
                "feedback-check-name-long",
                &[("most", MAX_NAME.into())],
            ),
        );
    } else if crate::publishing::check::one_line_problem(name).is_some() {
        add("name", t_in(language, "feedback-check-name-line"));
    }
    let email = input.email.trim();
    if !email.is_empty() && !is_email(email) {
        add("email", t_in(language, "feedback-check-email"));
    }
    match (kind, problems.is_empty()) {
        (Some(kind), true) => Ok(CheckedComment {
            kind,
            body: body.to_string(),
            name: (!name.is_empty()).then(|| name.to_string()),
            email: (!email.is_empty()).then(|| email.to_string()),
            personal_data_found: holds_personal_data(body),
        }),
        _ => Err(problems),
    }
}

/// Checks an agency's answer: one to 5,000 characters of plain text.
pub fn answer(text: &str, language: Language) -> Result<String, String> {
    let text = crate::publishing::check::normalised(text);
    let text = text.as_str();
    let length = text.chars().count();
    if text.is_empty() {
        Err(t_in(language, "answers-check-empty").into_owned())
    } else if length > MAX_ANSWER {
        let args = [("length", length.into()), ("most", MAX_ANSWER.into())];
        Err(t_with_in(language, "answers-check-long", &args).into_owned())
    } else if has_control_characters(text, true) {
        Err(t_in(language, "answers-check-control").into_owned())
    } else {
        Ok(text.to_string())
    }
}

/// Checks a moderator's note: optional, one line, up to 500 characters.
pub fn note(text: &str, language: Language) -> Result<Option<String>, String> {
    let text = text.trim();
    if text.chars().count() > MAX_NOTE {
        let args = [("most", MAX_NOTE.into())];
        Err(t_with_in(language, "moderation-check-note-long", &args).into_owned())
    } else if has_control_characters(text, false) {
        Err(t_in(language, "moderation-check-note-line").into_owned())
    } else {
        Ok((!text.is_empty()).then(|| text.to_string()))
    }
}

/// The body as the duplicate check compares it: lower case, runs of
/// whitespace as one space.
pub fn body_key(body: &str) -> String {
    body.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn has_control_characters(text: &str, lines_allowed: bool) -> bool {
    text.chars()
        .any(|c| c.is_control() && !(lines_allowed && matches!(c, '\n' | '\r' | '\t')))
}

/// How many links a text holds: `http://`, `https://` and `www.` each count.
fn link_count(text: &str) -> usize {
    let lower = text.to_lowercase();
    lower.matches("http://").count()
        + lower.matches("https://").count()
        + lower
            .split(|c: char| c.is_whitespace() || c == '/' || c == '(')
            .filter(|word| word.starts_with("www."))
            .count()
}

/// An address that looks deliverable: one `@`, something before it, a domain
/// with a dot after it, no spaces, and one the mail server can be given.
pub fn is_email(text: &str) -> bool {
    if text.chars().count() > MAX_EMAIL || text.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return false;
    }
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && text.parse::<lettre::Address>().is_ok()
}

/// Whether a text seems to hold an email address or a phone number: the
/// moderator is warned, and post-moderation holds it back for them.
pub fn holds_personal_data(text: &str) -> bool {
    text.split_whitespace().any(|word| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        word.contains('@') && is_email(word)
    }) || has_phone_number(text)
}

/// Seven or more digits in a row, allowing the spaces, dashes, dots,
/// brackets and leading `+` people write phone numbers with.
fn has_phone_number(text: &str) -> bool {
    let mut digits = 0;
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits += 1;
            if digits >= 7 {
                return true;
            }
        } else if !matches!(c, ' ' | '-' | '.' | '(' | ')' | '+') {
            digits = 0;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(kind: &str, body: &str) -> FeedbackInput {
        FeedbackInput {
            kind: kind.into(),
            body: body.into(),
            ..FeedbackInput::default()
        }
    }

    fn check(input: &FeedbackInput) -> Result<CheckedComment, Problems> {
        comment(input, Language::SOURCE)
    }

    #[test]
    fn a_plain_question_passes() {
        let checked = check(&FeedbackInput {
            name: "  Ann ".into(),
            email: "ann@example.org".into(),
            ..input("question", "  Who checks the results?  ")
        })
        .unwrap();
        assert_eq!(checked.kind, FeedbackKind::Question);
        assert_eq!(checked.body, "Who checks the results?");
        assert_eq!(checked.name.as_deref(), Some("Ann"));
        assert_eq!(checked.email.as_deref(), Some("ann@example.org"));
        assert!(!checked.personal_data_found);
    }

    #[test]
    fn every_wrong_field_is_named() {
        let problems = check(&FeedbackInput {
            kind: "complaint".into(),
            body: " ".into(),
            name: "x".repeat(81),
            email: "not an email".into(),
            website: "http://spam.example".into(),
        })
        .unwrap_err();
        let fields: Vec<&str> = problems.keys().map(String::as_str).collect();
        assert_eq!(fields, ["body", "email", "kind", "name", "website"]);
        assert!(problems["kind"][0].contains("question, error, feedback"));
    }

    #[test]
    fn bodies_have_limits() {
        assert!(check(&input("question", &"a".repeat(MAX_BODY))).is_ok());
        let long = check(&input("question", &"a".repeat(MAX_BODY + 1))).unwrap_err();
        assert!(long["body"][0].contains("2,001 characters"));
        let links = check(&input(
            "error",
            "see https://a.example and http://b.example and www.c.example",
        ))
        .unwrap_err();
        assert!(links["body"][0].contains("3 links"));
        assert!(check(&input("error", "see https://a.example and www.b.example")).is_ok());
        assert!(check(&input("error", "bell \u{7}")).is_err());
        assert!(check(&input("error", "two\nlines\tand a tab")).is_ok());
    }

    #[test]
    fn personal_data_is_noticed() {
        assert!(holds_personal_data(
            "write to me at jan.jansen@example.nl please"
        ));
        assert!(holds_personal_data("call +31 (0)20 123 4567"));
        assert!(holds_personal_data("my number is 06-12345678"));
        assert!(!holds_personal_data(
            "the 2024 report, page 12, section 3.4"
        ));
        assert!(!holds_personal_data("email the agency @ their office"));
    }

    #[test]
    fn the_duplicate_key_ignores_case_and_spacing() {
        assert_eq!(body_key("  Why  IS\nthis used? "), "why is this used?");
    }
}

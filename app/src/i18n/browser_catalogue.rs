//! The browser's copy of a catalogue: `app/build.rs` writes it for the wasm
//! build, leaving out the messages only pages rendered on the server use (by
//! their key's prefix). The islands (live search, markdown preview, the
//! system form's advice) never
//! show them, and every message is bytes each reader of `/systems`
//! downloads. Shared with the tests (`i18n/tests.rs`), which check that what
//! is left parses and holds every key the islands name.

/// Key prefixes of messages no island shows: the staff pages, the forms and
/// their checks, the open-data page, feeds and the record page.
const SERVER_ONLY: &[&str] = &[
    "manage-",
    "form-",
    "check-",
    "steps-",
    "moderation-",
    "answers-",
    "settings-",
    "tokens-",
    "admin-",
    "accounts-",
    "import-",
    "dictionary-",
    "feed-",
    "feedback-",
    "open-data-",
    "sign-in-",
    "record-",
    "history-",
    "home-",
    "agency-",
    "agencies-",
    "error-",
    "role-",
    "hide_reason-",
    "comment_state-",
    "feedback_kind-",
    "draft_state-",
    "token_scope-",
    "write_state-",
    "duration-",
    "mail-",
    "email-",
    "follow-",
];

/// Messages with a server-only prefix that an island shows all the same:
/// the markdown preview's label, and the system form's advice.
const ISLANDS_TOO: &[&str] = &[
    "manage-form-preview",
    "record-completeness-all",
    "record-completeness-missing",
    "record-completeness-why",
];

/// Prefixes of messages, among the server-only ones, that an island shows.
const ISLAND_PREFIXES: &[&str] = &["form-advice-"];

/// Whether the browser's copy keeps the message `key`.
pub fn in_browser(key: &str) -> bool {
    ISLANDS_TOO.contains(&key)
        || ISLAND_PREFIXES.iter().any(|prefix| key.starts_with(prefix))
        || !SERVER_ONLY.iter().any(|prefix| key.starts_with(prefix))
}

/// A catalogue without the messages the browser does not need: a message
/// is its `key = …` line and the indented lines after it (its attributes,
/// variants and continued text); comments and blank lines go too.
pub fn for_browser(catalogue: &str) -> String {
    let mut kept = String::with_capacity(catalogue.len());
    let mut keeping = false;
    for line in catalogue.lines() {
        // Indented lines, and the `}` that closes a message's variants, belong to it.
        if line.starts_with([' ', '\t', '}']) {
            if keeping {
                kept.push_str(line);
                kept.push('\n');
            }
            continue;
        }
        keeping = match line.split_once(" =") {
            Some((key, _)) if !key.starts_with('#') && !key.is_empty() => in_browser(key.trim()),
            _ => false,
        };
        if keeping {
            kept.push_str(line);
            kept.push('\n');
        }
    }
    kept
}

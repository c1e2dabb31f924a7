//! Lists the message catalogues in `locales/` for `i18n`, so a language is
//! added by adding its file (`locales/fr.ftl`) and naming it in
//! `LANTERN_LANGUAGES`, with no code to change.
//!
//! The browser's copy (the wasm build) leaves out the messages only pages
//! rendered on the server use, by their key's prefix ([`SERVER_ONLY`]): the
//! islands (live search, markdown preview) never show them, and every
//! message is bytes every reader of `/systems` downloads.

use std::fmt::Write;

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
];

/// Messages with a server-only prefix that an island shows all the same.
const ISLANDS_TOO: &[&str] = &["manage-form-preview"];

/// Whether the browser's copy keeps the message `key`.
fn in_browser(key: &str) -> bool {
    ISLANDS_TOO.contains(&key) || !SERVER_ONLY.iter().any(|prefix| key.starts_with(prefix))
}

/// A catalogue without the messages the browser does not need: a message
/// is its `key = …` line and the indented lines after it (its attributes,
/// variants and continued text); comments and blank lines go too.
fn for_browser(catalogue: &str) -> String {
    let mut kept = String::with_capacity(catalogue.len());
    let mut keeping = false;
    for line in catalogue.lines() {
        if line.starts_with([' ', '\t']) {
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

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let browser = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut codes: Vec<String> = std::fs::read_dir(&dir)
        .expect("app/locales holds the message catalogues")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            let code = name.strip_suffix(".ftl")?;
            code.bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'-')
                .then(|| code.to_string())
        })
        .collect();
    codes.sort();
    // English is the source every other catalogue translates: always first.
    codes.sort_by_key(|code| code != "en");
    let mut list = String::from("&[\n");
    for code in &codes {
        let mut path = dir.join(format!("{code}.ftl"));
        println!("cargo::rerun-if-changed={}", path.display());
        if browser {
            let catalogue = std::fs::read_to_string(&path).unwrap();
            path = out.join(format!("{code}.browser.ftl"));
            std::fs::write(&path, for_browser(&catalogue)).unwrap();
        }
        writeln!(
            list,
            "    ({code:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    list.push(']');
    std::fs::write(out.join("catalogues.rs"), list).unwrap();
}

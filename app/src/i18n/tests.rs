use super::*;

fn dutch() -> Language {
    Language::parse("nl").expect("Lantern ships Dutch")
}

#[test]
fn every_catalogue_parses_and_has_every_english_key() {
    let english = keys(Language::SOURCE);
    assert!(english.len() > 20, "the English catalogue is the source");
    for language in Language::shipped() {
        let code = language.code();
        let (_, text) = CATALOGUES[language.0];
        if let Err((_, errors)) = FluentResource::try_new(text.to_string()) {
            panic!("locales/{code}.ftl does not parse: {errors:?}");
        }
        let theirs = keys(language);
        let missing: Vec<_> = english.iter().filter(|k| !theirs.contains(k)).collect();
        let extra: Vec<_> = theirs.iter().filter(|k| !english.contains(k)).collect();
        assert!(missing.is_empty(), "locales/{code}.ftl lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "locales/{code}.ftl has keys English lacks: {extra:?}"
        );
        // Building the bundle catches a message defined twice.
        let _ = format::bundle(code, text);
    }
}

/// Words that are the same in Dutch and English: names, abbreviations and
/// loanwords. Anything else the same in both is a message left untranslated.
const SAME_IN_DUTCH: &[&str] = &[
    "Lantern",
    "API",
    "CSV",
    "JSON",
    "ndjson",
    "Atom",
    "Open",
    "data",
    "Audit",
    "Website",
    "Type",
    "Spam",
    "Moderator",
    "Contact",
    "Accounts",
];

/// The words of a formatted message, without its variables (`{$count}`).
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(['{', '}'])
        .step_by(2)
        .flat_map(|part| part.split(|c: char| !c.is_alphanumeric()))
        .filter(|word| word.chars().any(char::is_alphabetic))
}

#[test]
fn the_dutch_catalogue_is_translated() {
    let untranslated: Vec<_> = keys(Language::SOURCE)
        .into_iter()
        .filter(|key| {
            let english = message(Language::SOURCE, key, None);
            english == message(dutch(), key, None)
                && words(&english).any(|word| !SAME_IN_DUTCH.contains(&word))
        })
        .collect();
    assert!(
        untranslated.is_empty(),
        "the same in Dutch as in English: {untranslated:?}"
    );
}

/// The message keys the code under `root` names, with the file naming each.
fn keys_named_under(root: std::path::PathBuf) -> Vec<(String, String)> {
    let mut named = Vec::new();
    let mut files = vec![root];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let code = std::fs::read_to_string(&path).unwrap();
        for call in [
            "t(\"",
            "t_with(\"",
            "t_in(language, \"",
            "t_with_in(language, \"",
        ] {
            for (at, _) in code.match_indices(call) {
                // A call whose name only ends in `t` (`split`) is not a message.
                let before = code[..at].chars().next_back().unwrap_or(' ');
                if before.is_alphanumeric() || before == '_' {
                    continue;
                }
                let rest = &code[at + call.len()..];
                let key = &rest[..rest.find('"').unwrap()];
                named.push((path.display().to_string(), key.to_string()));
            }
        }
    }
    named
}

#[test]
fn every_key_the_code_names_is_in_the_catalogue() {
    let english = keys(Language::SOURCE);
    let app = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let missing: Vec<String> = [app.join("src"), app.join("../server/src")]
        .into_iter()
        .flat_map(keys_named_under)
        .filter(|(_, key)| !english.iter().any(|k| k == key))
        .map(|(file, key)| format!("{file}: {key}"))
        .collect();
    assert!(
        missing.is_empty(),
        "keys not in locales/en.ftl: {missing:?}"
    );
}

/// What the wasm carries: each catalogue without the server's messages
/// (`browser_catalogue`). It must parse, and keep every message the
/// islands show: the live search's, the markdown preview's and the form's advice.
#[test]
fn the_browser_catalogues_parse_and_keep_what_the_islands_say() {
    use super::browser_catalogue::{for_browser, in_browser};
    for (code, text) in CATALOGUES {
        let browser = for_browser(text);
        assert!(
            browser.len() * 2 < text.len(),
            "{code}: most messages are the server's"
        );
        let resource = FluentResource::try_new(browser)
            .unwrap_or_else(|(_, errors)| panic!("{code} in the browser: {errors:?}"));
        let mut bundle = fluent_bundle::FluentBundle::new(vec![code.parse().unwrap()]);
        bundle.add_resource(resource).unwrap();
        assert!(bundle.has_message("search-none-found") && bundle.has_message("count-systems"));
        assert!(!bundle.has_message("manage-heading"), "{code}");
    }
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let islands = [
        src.join("search"),
        src.join("systems/list.rs"),
        src.join("manage/form_advice.rs"),
    ];
    let mut named: Vec<String> = islands
        .into_iter()
        .flat_map(keys_named_under)
        .map(|(_, key)| key)
        .collect();
    // Keys the islands build (`facet-…`, labels of closed sets, dates) and the preview's.
    named.extend(
        [
            "facet-stage",
            "field-name",
            "stage-in_use",
            "month-1",
            "date",
            "number-thousands",
        ]
        .map(String::from),
    );
    named.extend(["language-nl", "page-title", "manage-form-preview"].map(String::from));
    let dropped: Vec<&String> = named.iter().filter(|key| !in_browser(key)).collect();
    assert!(
        dropped.is_empty(),
        "island messages the browser would lack: {dropped:?}"
    );
}

#[test]
fn messages_take_their_variables_and_plurals() {
    let args = |n: i64| {
        let mut args = FluentArgs::new();
        args.set("count", n);
        args
    };
    let systems = |language, n| message(language, "count-systems", Some(&args(n)));
    assert_eq!(systems(Language::SOURCE, 1), "1 system");
    assert_eq!(systems(Language::SOURCE, 12345), "12,345 systems");
    assert_eq!(systems(dutch(), 1), "1 systeem");
    assert_eq!(systems(dutch(), 12345), "12.345 systemen");
}

#[test]
fn a_missing_translation_falls_back_to_english() {
    // Every shipped catalogue is complete (above); the fallback is for a
    // catalogue added without every message yet.
    assert_eq!(message(dutch(), "language-name", None), "Nederlands");
    assert_eq!(Language::SOURCE.name(), "English");
    assert_eq!(dutch().name_in(Language::SOURCE), "Dutch");
    assert_eq!(Language::SOURCE.name_in(dutch()), "Engels");
}

#[test]
fn numbers_and_dates_read_as_each_language_writes_them() {
    // Outside a page, the source language.
    assert_eq!(number(1_234_567), "1,234,567");
    assert_eq!(number(-1000), "-1,000");
    assert_eq!(number(999), "999");
    assert_eq!(date_words("2025-06-10"), "10 June 2025");
    assert_eq!(date_words("2026-12-01T09:30:00Z"), "1 December 2026");
    assert_eq!(date_words("2026-13-01"), "2026-13-01");
    assert_eq!(date_words("soon"), "soon");
    let owner = leptos::prelude::Owner::new();
    owner.set();
    leptos::prelude::provide_context(PageLanguage {
        language: dutch(),
        in_address: true,
    });
    assert_eq!(number(1_234_567), "1.234.567");
    assert_eq!(date_words("2025-06-10"), "10 juni 2025");
    assert_eq!(t("language-name"), "Nederlands");
    assert_eq!(href("/systems/x"), "/nl/systems/x");
}

#[test]
fn the_register_s_languages_are_checked_when_it_starts() {
    let languages = Languages::parse("nl, en").unwrap();
    assert_eq!(languages.default_language(), dutch());
    assert_eq!(languages.all(), &[dutch(), Language::SOURCE]);
    assert_eq!(languages.get("en"), Some(Language::SOURCE));
    assert_eq!(Languages::parse("en").unwrap().get("nl"), None);
    assert!(Languages::parse("en,xx").unwrap_err().contains("`xx`"));
    assert!(Languages::parse("en,en").unwrap_err().contains("twice"));
    assert!(Languages::parse(" , ").is_err());
}

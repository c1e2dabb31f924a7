//! Building the catalogues, and the numbers and dates of a language.

use super::{Language, PageLanguage, language, message};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The catalogue `text` of the language `code`, ready to format messages.
/// The catalogues are compiled in, and a unit test reads each: one that
/// does not parse never gets this far.
pub(super) fn bundle(code: &str, text: &str) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = code
        .parse()
        .unwrap_or_else(|e| panic!("`{code}` is not a language code: {e}"));
    let resource = FluentResource::try_new(text.to_string())
        .unwrap_or_else(|(_, errors)| panic!("locales/{code}.ftl does not parse: {errors:?}"));
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No invisible Unicode isolation marks around variables: they would end
    // up in titles, attributes and copied text.
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .unwrap_or_else(|errors| panic!("locales/{code}.ftl: {errors:?}"));
    let written = bundle
        .get_message("number-thousands")
        .and_then(|message| message.value())
        .map(|pattern| bundle.format_pattern(pattern, None, &mut Vec::new()));
    bundle.set_formatter(match written.as_deref().and_then(separator) {
        Some('.') => Some(grouped::<'.', _>),
        Some(',') => Some(grouped::<',', _>),
        Some('\u{202F}') => Some(grouped::<'\u{202F}', _>),
        _ => None,
    });
    bundle
}

/// What groups the digits of a large number, as a catalogue's
/// `number-thousands` writes it: `,`, `.`, or a space (a narrow no-break
/// space on the page, so a number never breaks across lines).
fn separator(written: &str) -> Option<char> {
    match written.chars().next() {
        Some(' ') => Some('\u{202F}'),
        other => other,
    }
}

/// Whole numbers in a message (`{ $count }`) with their digits grouped.
fn grouped<const SEPARATOR: char, M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(number) if number.value.fract() == 0.0 && number.value.abs() < 1e15 => {
            Some(group_digits(number.value as i64, SEPARATOR))
        }
        _ => None,
    }
}

fn group_digits(number: i64, separator: char) -> String {
    let digits = number.unsigned_abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if number < 0 {
        grouped.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    grouped
}

/// A whole number as the page's language writes it: `12,345` or `12.345`.
pub fn number(number: i64) -> String {
    Numbers::of_page().format(number)
}

/// How the page's language groups a number's digits, looked up once: for a
/// page that writes hundreds of numbers ([`number`] looks it up each time).
#[derive(Clone, Copy, Debug)]
pub struct Numbers(Option<char>);

impl Numbers {
    pub fn of_page() -> Numbers {
        Numbers(separator(&message(language(), "number-thousands", None)))
    }

    /// `number` as [`number`] writes it.
    pub fn format(self, number: i64) -> String {
        match self.0 {
            Some(separator) => group_digits(number, separator),
            None => number.to_string(),
        }
    }
}

/// A date (`2026-11-28`, or the date of a timestamp) as the page's language
/// writes it: `28 November 2026`, `28 november 2026`; anything else as it is.
pub fn date_words(date_or_timestamp: &str) -> String {
    date_words_in(language(), date_or_timestamp)
}

/// The same in `language`: for words written outside a page (a form's problem).
pub fn date_words_in(language: Language, date_or_timestamp: &str) -> String {
    let date = crate::record::date_of(date_or_timestamp);
    let mut parts = date.splitn(3, '-').map(|part| part.parse::<i64>().ok());
    match (parts.next(), parts.next(), parts.next()) {
        (Some(Some(year)), Some(Some(month @ 1..=12)), Some(Some(day @ 1..=31)))
            if date.len() == 10 =>
        {
            let mut args = FluentArgs::new();
            args.set("day", day);
            args.set("month", message(language, &format!("month-{month}"), None));
            // The year as written, never grouped: 2026, not 2,026.
            args.set("year", year.to_string());
            message(language, "date", Some(&args)).into_owned()
        }
        _ => date_or_timestamp.to_string(),
    }
}

/// The language of a page outside a page's context. In the browser, an
/// island reads what the server wrote (`<html lang>`, and whether the
/// address has its prefix), once per page. On the server, outside any
/// page: the source language.
pub(super) fn browser_page_language() -> PageLanguage {
    #[cfg(feature = "hydrate")]
    {
        thread_local! {
            static PAGE: std::cell::OnceCell<PageLanguage> = const { std::cell::OnceCell::new() };
        }
        PAGE.with(|page| *page.get_or_init(read_page_language))
    }
    #[cfg(not(feature = "hydrate"))]
    PageLanguage {
        language: Language::SOURCE,
        in_address: false,
    }
}

/// The register's default language outside a page's context: in the
/// browser, what the server wrote in `<html data-register-lang>`.
pub(super) fn browser_register_language() -> Language {
    #[cfg(feature = "hydrate")]
    {
        leptos::prelude::document()
            .document_element()
            .and_then(|html| html.get_attribute("data-register-lang"))
            .and_then(|code| Language::parse(&code))
            .unwrap_or(Language::SOURCE)
    }
    #[cfg(not(feature = "hydrate"))]
    Language::SOURCE
}

#[cfg(feature = "hydrate")]
fn read_page_language() -> PageLanguage {
    let language = leptos::prelude::document()
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|code| Language::parse(&code))
        .unwrap_or(Language::SOURCE);
    let path = leptos::prelude::window()
        .location()
        .pathname()
        .unwrap_or_default();
    let prefix = format!("/{}", language.code());
    let in_address = path == prefix || path.starts_with(&format!("{prefix}/"));
    PageLanguage {
        language,
        in_address,
    }
}

/// Every message id and `id.attribute` of a catalogue's text.
pub(super) fn keys(text: &str) -> Vec<String> {
    use fluent_syntax::ast::Entry;
    let resource = fluent_syntax::parser::parse(text).unwrap_or_else(|(resource, _)| resource);
    let mut keys = Vec::new();
    for entry in resource.body {
        if let Entry::Message(message) = entry {
            if message.value.is_some() {
                keys.push(message.id.name.to_string());
            }
            for attribute in message.attributes {
                keys.push(format!("{}.{}", message.id.name, attribute.id.name));
            }
        }
    }
    keys
}

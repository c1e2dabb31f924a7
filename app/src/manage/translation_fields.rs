//! The system form's languages: the language the record is written in, and
//! one group of fields per other language of the register for its
//! translation (collapsed until opened; translated markdown has its live
//! preview like the original's). A text left empty is not translated:
//! readers of that language read the original there.

use super::fields::{Values, area, line, select};
use super::system_form::markdown;
use crate::i18n::{Language, Languages, t, t_with};
use crate::record::fields::Kind;
use crate::record::{SystemContent, translatable};
use leptos::prelude::*;

/// The form fields of a record's language and translations (names as the
/// server reads them: `language`, `translations.nl.summary`).
pub fn content_fields(content: &SystemContent) -> Vec<(String, String)> {
    let mut fields = Vec::new();
    if let Some(language) = &content.language {
        fields.push(("language".to_string(), language.clone()));
    }
    for (code, translation) in &content.translations {
        for (name, text) in translation {
            fields.push((format!("translations.{code}.{name}"), text.clone()));
        }
    }
    fields
}

/// The register's languages as the form's choices, each named in the page's language.
fn language_options(languages: &Languages) -> Vec<(&'static str, crate::i18n::Text)> {
    let reader = crate::i18n::language();
    languages
        .all()
        .iter()
        .map(|language| (language.code(), language.name_in(reader)))
        .collect()
}

/// The record's language, then a group of translation fields per other language.
pub fn language_fields(v: &Values) -> AnyView {
    let languages = use_context::<Languages>().unwrap_or_default();
    if languages.all().len() < 2 {
        return ().into_any();
    }
    let default = languages.default_language();
    // A new record is in the language of the page it is written on; one
    // that names none is in the register's default.
    let written_in = match languages.get(&v.get("language")) {
        Some(language) => language,
        None if v.fields.is_empty() => languages
            .get(crate::i18n::language().code())
            .unwrap_or(default),
        None => default,
    };
    let mut v = v.clone();
    if v.get("language").is_empty() {
        v.fields.push(("language".into(), written_in.code().into()));
    }
    let v = &v;
    let others: Vec<Language> = languages
        .all()
        .iter()
        .copied()
        .filter(|language| *language != written_in)
        .collect();
    view! {
        <fieldset>
            <legend>{t("manage-form-languages")}</legend>
            {select(v, "language", &t("manage-form-language"), &t("manage-form-language-hint"), language_options(&languages), false)}
            {others.into_iter().map(|language| translation(v, language)).collect_view()}
        </fieldset>
    }
    .into_any()
}

/// The translatable fields in one other language, named `translations.{code}.{field}`.
fn translation(v: &Values, language: Language) -> AnyView {
    let prefix = format!("translations.{}.", language.code());
    let written = v
        .fields
        .iter()
        .any(|(name, text)| name.starts_with(&prefix) && !text.trim().is_empty());
    let wrong = v.problems.keys().any(|path| path.starts_with(&prefix));
    let name = language.name_in(crate::i18n::language()).into_owned();
    let summary = t_with("manage-form-translation", &[("language", name.into())]);
    view! {
        <details class="translation" open=written || wrong>
            <summary>{summary}</summary>
            <p class="hint">{t("manage-form-translation-hint")}</p>
            {translatable().map(|field| {
                    let input = format!("{prefix}{}", field.name);
                    let label = field.label();
                    match field.kind {
                        Kind::Markdown => markdown(v, &input, &label, ""),
                        Kind::Paragraph => area(v, &input, &label, "", 4),
                        _ => line(v, &input, &label, ""),
                    }
            }).collect_view()}
        </details>
    }
    .into_any()
}

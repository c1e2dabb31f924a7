//! The system form's advice, beside its save button: how complete the
//! record will be, and how easy its summary and sections are to read
//! against the register's plain-language target (see `plain_language.rs`).
//! It is advice, never a block: the form saves whatever it says.
//!
//! The server writes it for the form as loaded, so it is there without
//! JavaScript; with it, the island works it out again in the browser a
//! moment after each change to the form.

use super::plain_language::{Readability, readability, sentence_limit};
use crate::i18n::{href, t, t_with};
use crate::record::Completeness;
use crate::record::fields::{self, Kind};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The id of the system form, which the island reads.
pub const FORM_ID: &str = "system-form";

/// What the advice says about the form as it stands.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Advice {
    pub filled: usize,
    pub expected: usize,
    /// The expected fields left empty, by name.
    pub missing: Vec<String>,
    /// Each text long enough to score, in form order.
    pub texts: Vec<TextAdvice>,
}

/// One text of the form and how easy it is to read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TextAdvice {
    /// The form field's name (`summary`, `translations.nl.purpose`).
    pub field: String,
    /// The language it is read in.
    pub language: String,
    pub readability: Readability,
}

impl Advice {
    /// The advice for the form's `fields`; texts not in another language
    /// are read in the form's `language` field, else in `default_language`.
    pub fn of_form(fields: &[(String, String)], default_language: &str) -> Advice {
        let completeness = Completeness::of_form(fields);
        let written_in = fields
            .iter()
            .find(|(name, value)| name == "language" && !value.is_empty())
            .map_or(default_language, |(_, value)| value.as_str());
        let texts = fields
            .iter()
            .filter_map(|(name, text)| {
                let (language, field) = match name.strip_prefix("translations.") {
                    Some(rest) => rest.split_once('.')?,
                    None => (written_in, name.as_str()),
                };
                let kind = fields::field(field)?.kind;
                if !matches!(kind, Kind::Paragraph | Kind::Markdown) {
                    return None;
                }
                Some(TextAdvice {
                    field: name.clone(),
                    language: language.to_string(),
                    readability: readability(text, language)?,
                })
            })
            .collect();
        Advice {
            filled: completeness.filled(),
            expected: completeness.expected.len(),
            missing: completeness.missing.iter().map(|m| m.to_string()).collect(),
            texts,
        }
    }
}

/// The advice, worked out again as the editor types.
#[island]
pub fn FormAdvice(initial: Advice, target: i64, default_language: String) -> impl IntoView {
    let advice = RwSignal::new(initial);
    let typing = StoredValue::new(None::<crate::browser::Timer>);
    Effect::new(move |_| {
        let default_language = default_language.clone();
        let again = move || {
            if let Some(timer) = typing.get_value() {
                timer.cancel();
            }
            let language = default_language.clone();
            typing.set_value(crate::browser::after_pause(move || {
                let fields = crate::browser::form_fields(FORM_ID);
                advice.set(Advice::of_form(&fields, &language));
            }));
        };
        let again_too = again.clone();
        let typed = window_event_listener(leptos::ev::input, move |_| again());
        let changed = window_event_listener(leptos::ev::change, move |_| again_too());
        on_cleanup(move || {
            typed.remove();
            changed.remove();
        });
    });
    view! {
        <section class="form-advice" aria-labelledby="form-advice-heading">
            <h2 id="form-advice-heading">{t("form-advice-heading")}</h2>
            {move || advice.with(|advice| advice_view(advice, target))}
        </section>
    }
}

fn advice_view(advice: &Advice, target: i64) -> AnyView {
    let completeness = if advice.missing.is_empty() {
        t_with(
            "record-completeness-all",
            &[("expected", advice.expected.into())],
        )
    } else {
        let missing: Vec<String> = advice
            .missing
            .iter()
            .filter_map(|name| fields::field(name))
            .map(|field| field.label().to_lowercase())
            .collect();
        t_with(
            "record-completeness-missing",
            &[
                ("filled", advice.filled.into()),
                ("expected", advice.expected.into()),
                ("missing", missing.join(", ").into()),
            ],
        )
    };
    let hard: Vec<&TextAdvice> = advice
        .texts
        .iter()
        .filter(|text| text.readability.score < target || text.readability.long_sentences > 0)
        .collect();
    let summary = if advice.texts.is_empty() {
        t("form-advice-no-texts")
    } else {
        t_with(
            "form-advice-texts",
            &[
                ("texts", advice.texts.len().into()),
                ("hard", hard.len().into()),
            ],
        )
    };
    view! {
        <p class="form-advice-completeness">
            <span aria-live="polite">{completeness.into_owned()}</span>" "
            <a href=href("/open-data#completeness")>{t("record-completeness-why")}</a>
        </p>
        <h3>{t("form-advice-plain")}</h3>
        <p class="hint">{t_with("form-advice-plain-what", &[("target", target.into())])}</p>
        <p aria-live="polite">{summary.into_owned()}</p>
        <ul class="form-advice-texts">
            {hard.into_iter().map(|text| text_view(text, target)).collect_view()}
        </ul>
    }
    .into_any()
}

fn text_view(text: &TextAdvice, target: i64) -> impl IntoView {
    let found = &text.readability;
    let anchor = format!("#{}", super::fields::input_id(&text.field));
    let mut advice = vec![if found.score < target {
        t_with(
            "form-advice-ease-low",
            &[("score", found.score.into()), ("target", target.into())],
        )
    } else {
        t_with("form-advice-ease", &[("score", found.score.into())])
    }];
    if found.long_sentences > 0 {
        advice.push(t_with(
            "form-advice-long-sentences",
            &[
                ("count", found.long_sentences.into()),
                ("limit", sentence_limit(&text.language).into()),
                ("start", found.long_sentence_starts[0].clone().into()),
            ],
        ));
    }
    if !found.long_words.is_empty() {
        advice.push(t_with(
            "form-advice-long-words",
            &[("words", found.long_words.join(", ").into())],
        ));
    }
    let advice: Vec<String> = advice.into_iter().map(|a| a.into_owned()).collect();
    view! {
        <li>
            <a href=anchor>{super::fields::field_label(&text.field)}</a>": "
            {advice.join("; ")}"."
        </li>
    }
}

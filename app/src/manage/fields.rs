//! The fields of `/manage` forms, in the GOV.UK way: a label, a hint, the
//! problem when there is one (linked from the error summary), then the input,
//! wired together with `aria-describedby` and `aria-invalid`.

use super::FormAttempt;
use crate::i18n::{has_message, t, t_with};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The error summary of a form sent back with problems: each problem links
/// to its field, in the order of the fields on the page.
#[component]
pub fn ErrorSummary(values: Values) -> impl IntoView {
    let mut wrong: Vec<(&String, &Vec<String>)> = values.problems.iter().collect();
    wrong.sort_by_key(|(field, _)| values.position(field));
    let problems: Vec<(String, String)> = wrong
        .into_iter()
        .flat_map(|(field, messages)| messages.iter().map(move |m| (field.clone(), m.clone())))
        .collect();
    (!problems.is_empty()).then(|| {
        view! {
            <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
                <h2 id="error-summary-title">{t("form-problem")}</h2>
                <ul>
                    {problems.into_iter().map(|(field, message)| {
                        let href = format!("#{}", input_id(&field));
                        view! { <li><a href=href>{format!("{}: {message}", field_label(&field))}</a></li> }
                    }).collect_view()}
                </ul>
            </div>
        }
    })
}

/// The values and problems a form shows: what was typed when it comes back
/// with problems, else its starting values.
#[derive(Clone, Debug, Default)]
pub struct Values {
    pub fields: Vec<(String, String)>,
    pub problems: BTreeMap<String, Vec<String>>,
    pub add_row: Option<String>,
}

impl Values {
    /// The form sent back in this request, if any; else empty.
    pub fn from_context() -> Values {
        use_context::<FormAttempt>()
            .map(Values::from)
            .unwrap_or_default()
    }

    pub fn get(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    pub fn all(&self, name: &str) -> Vec<String> {
        self.fields
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// Where the field at `path` (or the first of its rows: `data` for
    /// `data[0].name`) came in the form as sent; fields it did not send
    /// (boxes left unticked) come last.
    fn position(&self, path: &str) -> usize {
        let belongs = |name: &str| {
            name == path
                || name
                    .strip_prefix(path)
                    .is_some_and(|rest| rest.starts_with(['[', '.']))
        };
        self.fields
            .iter()
            .position(|(name, _)| belongs(name))
            .unwrap_or(usize::MAX)
    }

    pub fn problem(&self, name: &str) -> Option<String> {
        self.problems.get(name).map(|m| m.join(". "))
    }

    /// How many rows a list shows: its rows, one empty row, and one more if asked.
    pub fn rows(&self, list: &str) -> usize {
        let prefix = format!("{list}[");
        let filled = self
            .fields
            .iter()
            .filter_map(|(k, _)| {
                k.strip_prefix(&prefix)?
                    .split(']')
                    .next()?
                    .parse::<usize>()
                    .ok()
            })
            .map(|i| i + 1)
            .max()
            .unwrap_or(0);
        let extra = usize::from(self.add_row.as_deref() == Some(list));
        filled + 1 + extra
    }
}

/// The id of a field's input: its name with brackets and dots as hyphens.
pub fn input_id(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect::<String>()
        .trim_end_matches('-')
        .to_string()
}

impl From<FormAttempt> for Values {
    fn from(attempt: FormAttempt) -> Values {
        Values {
            fields: attempt.fields,
            problems: attempt.problems.into_iter().collect(),
            add_row: attempt.add_row,
        }
    }
}

/// A person's label for a field path, for the error summary.
pub fn field_label(path: &str) -> String {
    // A translated text: `translations.nl.summary` → `Summary (Dutch)`.
    if let Some(rest) = path.strip_prefix("translations.")
        && let Some((code, name)) = rest.split_once('.')
        && let Some(field) = crate::record::fields::field(name)
    {
        let language = crate::i18n::language_name(code);
        return format!("{} ({language})", field.label());
    }
    let (base, rest) = match path.split_once('[') {
        Some((base, rest)) => (base, Some(rest)),
        None => (path, None),
    };
    // Fields of one comment in a queue: `note-4`, `confirm-4`, `answer-4`.
    if let Some((field, comment)) = base.rsplit_once('-')
        && comment.parse::<u64>().is_ok()
        && matches!(field, "note" | "confirm" | "answer")
    {
        let key = format!("form-field-comment-{field}");
        return t_with(&key, &[("comment", comment.to_string().into())]).into_owned();
    }
    let own_key = format!("form-field-{base}");
    let label = match crate::record::fields::field(base) {
        // A row of a list is named by its entry: `data[1].name` → `Data set 2 name`.
        Some(field) if rest.is_some() && !field.entry().is_empty() => capitalised(&field.entry()),
        Some(field) => field.label().to_string(),
        None if has_message(&own_key) => t(&own_key).into_owned(),
        None => return humanised(base, rest),
    };
    match rest.and_then(|r| r.split_once(']')) {
        Some((index, field)) => {
            let n = index.parse::<usize>().map_or(0, |i| i + 1);
            let field = field.trim_start_matches('.');
            format!("{label} {n} {}", row_field_label(field).to_lowercase())
        }
        None => label,
    }
}

/// The label of a field in a list's row (`name`, `personal_data`, `reason`):
/// the same words the form's row shows.
pub fn row_field_label(name: &str) -> String {
    let key = format!("form-row-{name}");
    if has_message(&key) {
        t(&key).into_owned()
    } else {
        name.replace('_', " ")
    }
}

/// `data set` → `Data set`.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => format!("{}{}", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

/// A field name as words: `report_url` → `Report url`.
fn humanised(name: &str, rest: Option<&str>) -> String {
    format!(
        "{}{}",
        capitalised(&name.replace('_', " ")),
        rest.map(|r| format!("[{r}")).unwrap_or_default()
    )
}

/// The hint, error message and ARIA wiring of one field.
pub fn described(v: &Values, name: &str, hint: &str) -> (String, Option<String>, String, bool) {
    let id = input_id(name);
    let error = v.problem(name);
    let mut describedby = Vec::new();
    if !hint.is_empty() {
        describedby.push(format!("{id}-hint"));
    }
    if error.is_some() {
        describedby.push(format!("{id}-error"));
    }
    let wrong = error.is_some();
    (id, error, describedby.join(" "), wrong)
}

pub fn hint_and_error(id: &str, hint: &str, error: Option<String>) -> impl IntoView + use<> {
    let hint = (!hint.is_empty()).then(|| {
        let hint = hint.to_string();
        view! { <p class="hint" id=format!("{id}-hint")>{hint}</p> }
    });
    let error = error.map(|e| view! { <p class="error-message" id=format!("{id}-error")>{e}</p> });
    (hint, error)
}

/// A one-line text field.
pub fn line(v: &Values, name: &str, label: &str, hint: &str) -> AnyView {
    input(v, name, label, hint, "text")
}

/// A one-line field of an input type (`text`, `email`, `url`, `password`).
pub fn input(v: &Values, name: &str, label: &str, hint: &str, kind: &'static str) -> AnyView {
    let (id, error, describedby, wrong) = described(v, name, hint);
    let value = v.get(name);
    view! {
        <div class="field" class:field-error=wrong>
            <label for=id.clone()>{label.to_string()}</label>
            {hint_and_error(&id, hint, error)}
            <input type=kind id=id name=name.to_string() value=value
                aria-describedby=(!describedby.is_empty()).then_some(describedby)
                aria-invalid=wrong.then_some("true")/>
        </div>
    }
    .into_any()
}

/// A date field: the browser's date picker, sent as `YYYY-MM-DD`. Browsers
/// show a date field in the reader's own way (31/03/2025, 03/31/2025, or a
/// calendar), so its hint gives a date, never a format.
pub fn date(v: &Values, name: &str, label: &str) -> AnyView {
    let hint = t("form-date-hint");
    let (id, error, describedby, wrong) = described(v, name, &hint);
    let value = v.get(name);
    view! {
        <div class="field" class:field-error=wrong>
            <label for=id.clone()>{label.to_string()}</label>
            {hint_and_error(&id, &hint, error)}
            <input type="date" id=id name=name.to_string() value=value class="date"
                aria-describedby=describedby aria-invalid=wrong.then_some("true")/>
        </div>
    }
    .into_any()
}

/// A text area.
pub fn area(v: &Values, name: &str, label: &str, hint: &str, rows: u32) -> AnyView {
    let (id, error, describedby, wrong) = described(v, name, hint);
    let value = v.get(name);
    view! {
        <div class="field" class:field-error=wrong>
            <label for=id.clone()>{label.to_string()}</label>
            {hint_and_error(&id, hint, error)}
            <textarea id=id name=name.to_string() rows=rows
                aria-describedby=describedby aria-invalid=wrong.then_some("true")
                inner_html=crate::html::textarea_html(&value)></textarea>
        </div>
    }
    .into_any()
}

/// A choice from a list; `optional` adds an empty first choice.
pub fn select(
    v: &Values,
    name: &str,
    label: &str,
    hint: &str,
    options: Vec<(&'static str, crate::i18n::Text)>,
    optional: bool,
) -> AnyView {
    let (id, error, describedby, wrong) = described(v, name, hint);
    let chosen = v.get(name);
    let blank = (optional || chosen.is_empty()).then(|| {
        let text = if optional {
            t("form-not-stated")
        } else {
            t("form-choose")
        };
        view! { <option value="">{text}</option> }
    });
    view! {
        <div class="field" class:field-error=wrong>
            <label for=id.clone()>{label.to_string()}</label>
            {hint_and_error(&id, hint, error)}
            <select id=id name=name.to_string()
                aria-describedby=(!describedby.is_empty()).then_some(describedby)
                aria-invalid=wrong.then_some("true")>
                {blank}
                {options.into_iter().map(|(value, text)| {
                    view! { <option value=value selected=chosen == value>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
    .into_any()
}

/// One box to tick, sent as `yes`: a confirmation the server asks for.
pub fn checkbox(v: &Values, name: &str, label: String) -> AnyView {
    let (id, error, describedby, wrong) = described(v, name, "");
    let ticked = v.get(name) == "yes";
    view! {
        <div class="field" class:field-error=wrong>
            {hint_and_error(&id, "", error)}
            <div class="checkbox">
                <input type="checkbox" id=id.clone() name=name.to_string() value="yes" checked=ticked
                    aria-describedby=(!describedby.is_empty()).then_some(describedby)
                    aria-invalid=wrong.then_some("true")/>
                <label for=id>{label}</label>
            </div>
        </div>
    }
    .into_any()
}

//! Checking a system's record as an agency sends it, from the write API's JSON
//! or a `/manage` form (turned into the same JSON first).
//!
//! Each field is checked by its entry in the field table
//! ([`app::record::fields::FIELDS`]): its kind, whether it is required, its
//! longest text. Every wrong field is named, with its path (`data[1].name`),
//! and what is allowed; nothing is written unless every field is right.

mod entries;
mod text;
mod translations;

use app::error::AppError;
use app::i18n::{FluentValue, Language, Languages, t_with_in};
use app::record::SystemContent;
use app::record::fields::{self, ClosedSet, FIELDS, Field, Kind};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
pub use text::{is_bidi_control, is_date, is_url, normalised, one_line_problem, text_problem};

/// The longest one-line text field (unit, supplier, a data set's name…).
pub const MAX_LINE: usize = fields::MAX_LINE;
/// The longest change summary, in characters.
pub const MAX_CHANGE_SUMMARY: usize = 300;
/// The most entries in a list (tags, data sets, assessments, withheld fields).
pub const MAX_ITEMS: usize = 50;

/// The longest text of the record's field `name` (of each entry, for lists).
pub fn max_chars(name: &str) -> usize {
    fields::field(name).map_or(MAX_LINE, |field| field.max_chars)
}

/// A system's record as sent: its content, and what surrounds it.
#[derive(Clone, Debug, PartialEq)]
pub struct SystemInput {
    /// The owning agency's slug, when the sender named one.
    pub agency: Option<String>,
    /// One line for the public history; a default is used when left out.
    pub change_summary: Option<String>,
    pub content: SystemContent,
}

/// Field path → what is wrong with it.
type Problems = BTreeMap<String, Vec<String>>;

/// The fields a system's JSON may have besides the field table's: what
/// surrounds the record, and its language and translations.
const AROUND_THE_RECORD: [&str; 4] = ["agency", "change_summary", "language", "translations"];

/// Checks a record sent as a JSON object, naming every wrong field, with
/// what is wrong written in `language`. `languages` are the register's: a
/// record is written in one of them, and translated into the others.
pub fn system_input(
    body: &Value,
    language: Language,
    languages: &Languages,
) -> Result<SystemInput, AppError> {
    let mut check = Check {
        problems: Problems::new(),
        language,
    };
    let Some(object) = body.as_object() else {
        let message = check.words("check-json-object", &[]);
        return Err(problem("body", &message));
    };
    for key in object.keys() {
        if fields::field(key).is_none() && !AROUND_THE_RECORD.contains(&key.as_str()) {
            let message = check.words("check-not-a-field", &[("key", key.as_str().into())]);
            check.problem(key, message);
        }
    }
    let f = Fields { object, prefix: "" };
    let mut checked: Map<String, Value> = FIELDS
        .iter()
        .map(|field| (field.name.to_string(), check.field(&f, field)))
        .collect();
    let written_in = check.record_language(&f, languages);
    let translations = check.translations(&f, languages, written_in.as_deref());
    checked.insert("language".into(), Value::from(written_in));
    checked.insert("translations".into(), Value::Object(translations));
    check.dates_in_order(&checked);
    check.withheld_once(&checked);
    let agency = check.line(&f, "agency", 64);
    if let Some(slug) = &agency
        && !app::record::is_slug(slug)
    {
        let message = check.words("check-agency-slug", &[]);
        check.problem("agency", message);
    }
    let change_summary = check.line(&f, "change_summary", MAX_CHANGE_SUMMARY);
    if !check.problems.is_empty() {
        return Err(AppError::Validation(check.problems));
    }
    let content = serde_json::from_value(Value::Object(checked))
        .map_err(|error| AppError::Internal(format!("a checked record as content: {error}")))?;
    Ok(SystemInput {
        agency,
        change_summary,
        content,
    })
}

/// Checks a record that an importer built (from a CSV row, say) exactly as
/// the write API checks what it is sent: every write path meets the same
/// rules. Answers the content as it will be stored; problems are written in
/// `language`, as the importer's reasons are. (Any language Lantern ships is
/// taken here: the register's own list is checked where the import starts.)
pub fn content(content: &SystemContent, language: Language) -> Result<SystemContent, AppError> {
    let body = serde_json::to_value(content)
        .map_err(|error| AppError::Internal(format!("a record as JSON: {error}")))?;
    system_input(&body, language, &Languages::every_shipped()).map(|input| input.content)
}

/// One validation problem as an error.
pub fn problem(field: &str, message: &str) -> AppError {
    AppError::invalid(field, message)
}

/// The fields of one JSON object, and the path that leads to it.
struct Fields<'a> {
    object: &'a Map<String, Value>,
    prefix: &'a str,
}

impl<'a> Fields<'a> {
    fn path(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    /// The value of a field; `null` counts as left out.
    fn get(&self, name: &str) -> Option<&'a Value> {
        self.object.get(name).filter(|v| !v.is_null())
    }
}

/// Collects problems while the fields are read, so that all are reported at once.
struct Check {
    problems: Problems,
    /// The language problems are written in.
    language: Language,
}

impl Check {
    /// The message `key` in the check's language.
    fn words(&self, key: &str, args: &[(&str, FluentValue)]) -> String {
        t_with_in(self.language, key, args).into_owned()
    }

    fn problem(&mut self, path: &str, message: impl Into<String>) {
        self.problems
            .entry(path.to_string())
            .or_default()
            .push(message.into());
    }

    /// One field of the record, checked by its kind: its value as stored
    /// (texts trimmed and normalised, lists without repeats), or what
    /// stands for "not stated" (`null`, `""` or `[]`, as the content has it).
    fn field(&mut self, f: &Fields, field: &Field) -> Value {
        let (name, max) = (field.name, field.max_chars);
        let path = f.path(name);
        let had_problem = self.problems.contains_key(&path);
        let list = |items: Vec<Value>| Some(Value::Array(items));
        let checked = match field.kind {
            Kind::Line => self.line(f, name, max).map(Value::from),
            Kind::Paragraph | Kind::Markdown => self.text(f, name, max, false).map(Value::from),
            Kind::Contact => self.contact(f, name, max).map(Value::from),
            Kind::Date => self.date(f, name).map(Value::from),
            Kind::Choice(set) => self.choice(f, name, set).map(Value::from),
            Kind::Texts => list(
                self.texts(f, name, max)
                    .into_iter()
                    .map(Value::from)
                    .collect(),
            ),
            Kind::Choices(set) => list(self.choices(f, name, set)),
            Kind::DataSets => list(self.list(f, name, Check::data_set)),
            Kind::Assessments => list(self.list(f, name, Check::assessment)),
            Kind::Withheld => list(self.list(f, name, Check::withheld)),
        };
        if let Some(value) = checked {
            return value;
        }
        let wrong = had_problem || self.problems.contains_key(&path);
        if field.required && !wrong {
            let message = match field.kind {
                Kind::Choice(set) => {
                    self.words("check-choose-one-of", &[("names", set.names().into())])
                }
                _ => self.words("check-not-empty", &[]),
            };
            self.problem(&path, message);
        }
        match field.kind {
            Kind::Paragraph | Kind::Markdown => Value::from(""),
            Kind::Choice(_) if !field.default.is_empty() => Value::from(field.default),
            _ => Value::Null,
        }
    }

    /// A text field, trimmed; empty counts as left out.
    fn text(&mut self, f: &Fields, name: &str, max: usize, one_line: bool) -> Option<String> {
        let value = f.get(name)?;
        self.text_value(value, &f.path(name), max, one_line)
    }

    fn text_value(
        &mut self,
        value: &Value,
        path: &str,
        max: usize,
        one_line: bool,
    ) -> Option<String> {
        let Some(text) = value.as_str() else {
            let message = self.words("check-text", &[]);
            self.problem(path, message);
            return None;
        };
        let text = if one_line {
            text.trim().to_string()
        } else {
            normalised(text)
        };
        let chars = text.chars().count();
        if chars > max {
            let args = [("max", max.into()), ("chars", chars.into())];
            let message = self.words("check-too-long-has", &args);
            self.problem(path, message);
            return None;
        }
        let problem = if one_line {
            one_line_problem(&text)
        } else {
            text_problem(&text)
        };
        if let Some(problem) = problem {
            let message = self.words(problem, &[]);
            self.problem(path, message);
            return None;
        }
        (!text.is_empty()).then_some(text)
    }

    fn line(&mut self, f: &Fields, name: &str, max: usize) -> Option<String> {
        self.text(f, name, max, true)
    }

    /// A text that must be there: one line, or several.
    fn required(&mut self, f: &Fields, name: &str, max: usize, one_line: bool) -> String {
        let path = f.path(name);
        let text = self.text(f, name, max, one_line);
        if text.is_none() && !self.problems.contains_key(&path) {
            let message = self.words("check-not-empty", &[]);
            self.problem(&path, message);
        }
        text.unwrap_or_default()
    }

    /// A public contact: an email address or an https URL (it becomes a
    /// link on every record page, so nothing else may be).
    fn contact(&mut self, f: &Fields, name: &str, max: usize) -> Option<String> {
        let contact = self.line(f, name, max)?;
        if (contact.starts_with("https://") && is_url(&contact))
            || crate::accounts::is_email(&contact)
        {
            Some(contact)
        } else {
            let message = self.words("check-contact", &[]);
            self.problem(&f.path(name), message);
            None
        }
    }

    fn url(&mut self, f: &Fields, name: &str) -> Option<String> {
        let url = self.line(f, name, 2000)?;
        if is_url(&url) {
            Some(url)
        } else {
            let message = self.words("check-url", &[]);
            self.problem(&f.path(name), message);
            None
        }
    }

    /// A calendar date, `YYYY-MM-DD`.
    fn date(&mut self, f: &Fields, name: &str) -> Option<String> {
        let date = self.line(f, name, 10)?;
        if is_date(&date) {
            Some(date)
        } else {
            let message = self.words("check-date", &[]);
            self.problem(&f.path(name), message);
            None
        }
    }

    /// One stable name of a closed set.
    fn choice(&mut self, f: &Fields, name: &str, set: ClosedSet) -> Option<&'static str> {
        let text = self.line(f, name, 100)?;
        let found = set.find(&text);
        if found.is_none() {
            let message = self.not_one_of(&text, set.names());
            self.problem(&f.path(name), message);
        }
        found
    }

    /// Stable names of a closed set, without repeats.
    fn choices(&mut self, f: &Fields, name: &str, set: ClosedSet) -> Vec<Value> {
        let mut found = Vec::new();
        for (i, text) in self.texts(f, name, 100).into_iter().enumerate() {
            match set.find(&text) {
                Some(stable_name) => found.push(Value::from(stable_name)),
                None => {
                    let message = self.not_one_of(&text, set.names());
                    self.problem(&format!("{}[{i}]", f.path(name)), message);
                }
            }
        }
        found
    }

    /// A closed value of a data set or an assessment, by its parse function.
    fn closed<T>(
        &mut self,
        f: &Fields,
        name: &str,
        parse: fn(&str) -> Option<T>,
        names: fn() -> String,
    ) -> Option<T> {
        let text = self.line(f, name, 100)?;
        let value = parse(&text);
        if value.is_none() {
            let message = self.not_one_of(&text, names());
            self.problem(&f.path(name), message);
        }
        value
    }

    /// "“x” is not one of: a, b, c".
    fn not_one_of(&self, text: &str, names: String) -> String {
        self.words(
            "check-not-one-of",
            &[("text", text.into()), ("names", names.into())],
        )
    }

    /// The entries of a list field, at most [`MAX_ITEMS`]; `None` when left out or wrong.
    fn array<'a>(&mut self, f: &Fields<'a>, name: &str) -> Option<&'a [Value]> {
        let items = f.get(name)?.as_array();
        let message = match items {
            None => self.words("check-list", &[]),
            Some(items) if items.len() > MAX_ITEMS => {
                self.words("check-list-too-long", &[("max", MAX_ITEMS.into())])
            }
            Some(items) => return Some(items),
        };
        self.problem(&f.path(name), message);
        None
    }

    /// A list of JSON objects, each read by `item` and written back as JSON;
    /// left out is empty.
    fn list<T: serde::Serialize>(
        &mut self,
        f: &Fields,
        name: &str,
        item: fn(&mut Check, &Value, &str) -> Option<T>,
    ) -> Vec<Value> {
        self.array(f, name)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .filter_map(|(i, value)| item(self, value, &format!("{}[{i}]", f.path(name))))
            .filter_map(|entry| serde_json::to_value(entry).ok())
            .collect()
    }

    /// A list of one-line texts, each at most `max` characters, without repeats.
    fn texts(&mut self, f: &Fields, name: &str, max: usize) -> Vec<String> {
        let items = self.array(f, name).unwrap_or_default();
        let mut texts: Vec<String> = Vec::new();
        for (i, value) in items.iter().enumerate() {
            let path = format!("{}[{i}]", f.path(name));
            if let Some(text) = self.text_value(value, &path, max, true)
                && !texts.contains(&text)
            {
                texts.push(text);
            }
        }
        texts
    }
}

#[cfg(test)]
mod tests;

//! Checking a system's record as an agency sends it, from the write API's JSON
//! or a `/manage` form (turned into the same JSON first).
//!
//! Every wrong field is named, with its path (`data[1].name`), and what is
//! allowed; nothing is written unless every field is right.

use app::error::AppError;
use app::record::{
    Assessment, AssessmentKind, DataSet, DecisionRole, PersonalData, RiskLevel, Stage,
    SystemContent, Technique, Topic, WITHHOLDABLE, Withheld,
};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The longest name, in characters (as the database checks).
pub const MAX_NAME: usize = 200;
/// The longest summary, in characters (as the database checks).
pub const MAX_SUMMARY: usize = 500;
/// The longest one-line text field (unit, supplier, a data set's name…).
pub const MAX_LINE: usize = 300;
/// The longest markdown field, in characters.
pub const MAX_MARKDOWN: usize = 20_000;
/// The longest change summary, in characters.
pub const MAX_CHANGE_SUMMARY: usize = 300;
/// The longest tag, in characters.
pub const MAX_TAG: usize = 60;
/// The most entries in a list (tags, data sets, assessments, withheld fields).
pub const MAX_ITEMS: usize = 50;

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

/// Checks a record sent as a JSON object, naming every wrong field.
pub fn system_input(body: &Value) -> Result<SystemInput, AppError> {
    let Some(object) = body.as_object() else {
        return Err(problem("body", "Send the system as a JSON object"));
    };
    let mut check = Check {
        problems: Problems::new(),
    };
    for key in object.keys() {
        if !KNOWN_FIELDS.contains(&key.as_str()) {
            check.problem(key, format!("“{key}” is not a field of a system"));
        }
    }
    let f = Fields { object, prefix: "" };
    let content = SystemContent {
        agency_ref: check.line(&f, "agency_ref", 100),
        name: check.required_line(&f, "name", MAX_NAME),
        summary: check.required_text(&f, "summary", MAX_SUMMARY),
        unit: check.line(&f, "unit", MAX_LINE),
        contact: check.contact(&f, "contact"),
        purpose: check.markdown(&f, "purpose"),
        how_it_works: check.markdown(&f, "how_it_works"),
        stage: check.required_closed(&f, "stage", Stage::parse, Stage::names, Stage::Planned),
        in_use_since: check.date(&f, "in_use_since"),
        retired_on: check.date(&f, "retired_on"),
        topic: check.required_closed(&f, "topic", Topic::parse, Topic::names, Topic::Other),
        tags: check.tags(&f),
        technique: check.techniques(&f),
        risk_level: check
            .closed(&f, "risk_level", RiskLevel::parse, RiskLevel::names)
            .unwrap_or(RiskLevel::Unassessed),
        decision_role: check.closed(
            &f,
            "decision_role",
            DecisionRole::parse,
            DecisionRole::names,
        ),
        human_oversight: check.markdown(&f, "human_oversight"),
        contest: check.markdown(&f, "contest"),
        data: check.list(&f, "data", Check::data_set),
        explainability: check.markdown(&f, "explainability"),
        fairness: check.markdown(&f, "fairness"),
        risks: check.markdown(&f, "risks"),
        assessments: check.list(&f, "assessments", Check::assessment),
        legal_basis: check.markdown(&f, "legal_basis"),
        supplier: check.line(&f, "supplier", MAX_LINE),
        withheld: check.list(&f, "withheld", Check::withheld),
    };
    check.dates_in_order(&content);
    check.withheld_once(&content);
    let agency = check.line(&f, "agency", 64);
    if let Some(slug) = &agency
        && !app::record::is_slug(slug)
    {
        check.problem(
            "agency",
            "Use the agency's slug: lower-case letters, digits and hyphens",
        );
    }
    let change_summary = check.line(&f, "change_summary", MAX_CHANGE_SUMMARY);
    if check.problems.is_empty() {
        Ok(SystemInput {
            agency,
            change_summary,
            content,
        })
    } else {
        Err(AppError::Validation(check.problems))
    }
}

/// Checks a record that an importer built (from a CSV row, say) exactly as
/// the write API checks what it is sent: every write path meets the same
/// rules. Answers the content as it will be stored.
pub fn content(content: &SystemContent) -> Result<SystemContent, AppError> {
    let body = serde_json::to_value(content)
        .map_err(|error| AppError::Internal(format!("a record as JSON: {error}")))?;
    system_input(&body).map(|input| input.content)
}

/// Characters that reorder the text around them (bidirectional embeddings,
/// overrides and isolates): in a one-line field they can make a name read
/// differently from what it is, so they are refused there.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// What is wrong with a one-line text (a name, a unit, an agency's name), if
/// anything: a line break or other control character, or a character that
/// reverses the direction of text.
pub fn one_line_problem(text: &str) -> Option<&'static str> {
    if text.chars().any(char::is_control) {
        return Some("Must be one line without control characters");
    }
    if text.chars().any(is_bidi_control) {
        return Some(
            "Must not contain characters that reverse the direction of text (U+202A–U+202E, U+2066–U+2069)",
        );
    }
    None
}

/// A text of several lines as it is stored, whichever way it came: line
/// breaks as `\n` (browsers send `\r\n`, old spreadsheets `\r`), no spaces
/// or tabs at the end of a line, none around the whole. Every write path
/// (form, API, import, feedback) stores texts this way, and the history
/// compares texts this way, so a version differs only where its words do.
pub fn normalised(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.split('\n').map(str::trim_end).collect();
    lines.join("\n").trim().to_string()
}

/// What is wrong with a text of several lines (markdown, a summary), if
/// anything: control characters other than line breaks and tabs.
pub fn text_problem(text: &str) -> Option<&'static str> {
    let allowed = |c: char| !c.is_control() || matches!(c, '\n' | '\r' | '\t');
    (!text.chars().all(allowed)).then_some("Must not contain control characters")
}

/// The fields a system's JSON may have.
const KNOWN_FIELDS: &[&str] = &[
    "agency",
    "change_summary",
    "agency_ref",
    "name",
    "summary",
    "unit",
    "contact",
    "purpose",
    "how_it_works",
    "stage",
    "in_use_since",
    "retired_on",
    "topic",
    "tags",
    "technique",
    "risk_level",
    "decision_role",
    "human_oversight",
    "contest",
    "data",
    "explainability",
    "fairness",
    "risks",
    "assessments",
    "legal_basis",
    "supplier",
    "withheld",
];

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
}

impl Check {
    fn problem(&mut self, path: &str, message: impl Into<String>) {
        self.problems
            .entry(path.to_string())
            .or_default()
            .push(message.into());
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
            self.problem(path, "Must be text");
            return None;
        };
        let text = if one_line {
            text.trim().to_string()
        } else {
            normalised(text)
        };
        let chars = text.chars().count();
        if chars > max {
            self.problem(
                path,
                format!("Must be at most {max} characters (it has {chars})"),
            );
            return None;
        }
        let problem = if one_line {
            one_line_problem(&text)
        } else {
            text_problem(&text)
        };
        if let Some(problem) = problem {
            self.problem(path, problem);
            return None;
        }
        (!text.is_empty()).then_some(text)
    }

    fn line(&mut self, f: &Fields, name: &str, max: usize) -> Option<String> {
        self.text(f, name, max, true)
    }

    fn required_line(&mut self, f: &Fields, name: &str, max: usize) -> String {
        self.required(f, name, |check| check.line(f, name, max))
    }

    fn required_text(&mut self, f: &Fields, name: &str, max: usize) -> String {
        self.required(f, name, |check| check.text(f, name, max, false))
    }

    fn required(
        &mut self,
        f: &Fields,
        name: &str,
        read: impl FnOnce(&mut Check) -> Option<String>,
    ) -> String {
        let path = f.path(name);
        let had_problem = self.problems.contains_key(&path);
        match read(self) {
            Some(text) => text,
            None => {
                if !had_problem && !self.problems.contains_key(&path) {
                    self.problem(&path, "Must not be empty");
                }
                String::new()
            }
        }
    }

    /// Markdown, stored as written (trimmed); empty when left out.
    fn markdown(&mut self, f: &Fields, name: &str) -> String {
        self.text(f, name, MAX_MARKDOWN, false).unwrap_or_default()
    }

    /// A public contact: an email address or an https URL (it becomes a
    /// link on every record page, so nothing else may be).
    fn contact(&mut self, f: &Fields, name: &str) -> Option<String> {
        let contact = self.line(f, name, MAX_LINE)?;
        if (contact.starts_with("https://") && is_url(&contact))
            || crate::accounts::is_email(&contact)
        {
            Some(contact)
        } else {
            self.problem(
                &f.path(name),
                "Must be an email address or a web address starting with https://",
            );
            None
        }
    }

    fn url(&mut self, f: &Fields, name: &str) -> Option<String> {
        let url = self.line(f, name, 2000)?;
        if is_url(&url) {
            Some(url)
        } else {
            self.problem(
                &f.path(name),
                "Must be a web address starting with https:// or http://",
            );
            None
        }
    }

    /// A calendar date, `YYYY-MM-DD`.
    fn date(&mut self, f: &Fields, name: &str) -> Option<String> {
        let date = self.line(f, name, 10)?;
        if is_date(&date) {
            Some(date)
        } else {
            self.problem(
                &f.path(name),
                "Must be a date written YYYY-MM-DD, like 2025-03-31",
            );
            None
        }
    }

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
            self.problem(
                &f.path(name),
                format!("“{text}” is not one of: {}", names()),
            );
        }
        value
    }

    /// A required closed value; `fallback` stands in while the field is
    /// wrong (and the whole record is refused).
    fn required_closed<T>(
        &mut self,
        f: &Fields,
        name: &str,
        parse: fn(&str) -> Option<T>,
        names: fn() -> String,
        fallback: T,
    ) -> T {
        let path = f.path(name);
        let had_problem = self.problems.contains_key(&path);
        match self.closed(f, name, parse, names) {
            Some(value) => value,
            None => {
                if !had_problem && !self.problems.contains_key(&path) {
                    self.problem(&path, format!("Choose one of: {}", names()));
                }
                fallback
            }
        }
    }

    /// The entries of a list field, at most [`MAX_ITEMS`]; `None` when left out or wrong.
    fn array<'a>(&mut self, f: &Fields<'a>, name: &str) -> Option<&'a [Value]> {
        let items = f.get(name)?.as_array();
        match items {
            None => self.problem(&f.path(name), "Must be a list"),
            Some(items) if items.len() > MAX_ITEMS => self.problem(
                &f.path(name),
                format!("Must have at most {MAX_ITEMS} entries"),
            ),
            Some(items) => return Some(items),
        }
        None
    }

    /// A list of JSON values, each read by `item`; left out is empty.
    fn list<T>(
        &mut self,
        f: &Fields,
        name: &str,
        item: fn(&mut Check, &Value, &str) -> Option<T>,
    ) -> Vec<T> {
        self.array(f, name)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .filter_map(|(i, value)| item(self, value, &format!("{}[{i}]", f.path(name))))
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

    fn tags(&mut self, f: &Fields) -> Vec<String> {
        self.texts(f, "tags", MAX_TAG)
    }

    fn techniques(&mut self, f: &Fields) -> Vec<Technique> {
        let mut techniques = Vec::new();
        for (i, name) in self.texts(f, "technique", 100).into_iter().enumerate() {
            match Technique::parse(&name) {
                Some(technique) => techniques.push(technique),
                None => self.problem(
                    &format!("technique[{i}]"),
                    format!("“{name}” is not one of: {}", Technique::names()),
                ),
            }
        }
        techniques
    }

    fn object<'a>(&mut self, value: &'a Value, path: &str) -> Option<&'a Map<String, Value>> {
        let object = value.as_object();
        if object.is_none() {
            self.problem(path, "Must be an object");
        }
        object
    }

    fn unknown_fields(&mut self, object: &Map<String, Value>, path: &str, known: &[&str]) {
        for key in object.keys() {
            if !known.contains(&key.as_str()) {
                self.problem(
                    &format!("{path}.{key}"),
                    format!("“{key}” is not a field here"),
                );
            }
        }
    }

    fn data_set(&mut self, value: &Value, path: &str) -> Option<DataSet> {
        let object = self.object(value, path)?;
        self.unknown_fields(
            object,
            path,
            &[
                "name",
                "description",
                "source",
                "personal_data",
                "sensitive_attributes",
            ],
        );
        let prefix = format!("{path}.");
        let f = Fields {
            object,
            prefix: &prefix,
        };
        Some(DataSet {
            name: self.required_line(&f, "name", MAX_LINE),
            description: self
                .text(&f, "description", 5_000, false)
                .unwrap_or_default(),
            source: self.line(&f, "source", MAX_LINE).unwrap_or_default(),
            personal_data: self.closed(
                &f,
                "personal_data",
                PersonalData::parse,
                PersonalData::names,
            ),
            sensitive_attributes: self.texts(&f, "sensitive_attributes", 100),
        })
    }

    fn assessment(&mut self, value: &Value, path: &str) -> Option<Assessment> {
        let object = self.object(value, path)?;
        self.unknown_fields(object, path, &["kind", "date", "url"]);
        let prefix = format!("{path}.");
        let f = Fields {
            object,
            prefix: &prefix,
        };
        let kind = self.required_closed(
            &f,
            "kind",
            AssessmentKind::parse,
            AssessmentKind::names,
            AssessmentKind::Other,
        );
        Some(Assessment {
            kind,
            date: self.date(&f, "date"),
            url: self.url(&f, "url"),
        })
    }

    fn withheld(&mut self, value: &Value, path: &str) -> Option<Withheld> {
        let object = self.object(value, path)?;
        self.unknown_fields(object, path, &["field", "reason"]);
        let prefix = format!("{path}.");
        let f = Fields {
            object,
            prefix: &prefix,
        };
        let field = self.required_line(&f, "field", 100);
        if !field.is_empty() && !WITHHOLDABLE.iter().any(|(name, _)| *name == field) {
            let names: Vec<&str> = WITHHOLDABLE.iter().map(|(name, _)| *name).collect();
            self.problem(
                &f.path("field"),
                format!(
                    "“{field}” cannot be withheld; these can: {}",
                    names.join(", ")
                ),
            );
        }
        let reason = self.required_text(&f, "reason", 1_000);
        Some(Withheld { field, reason })
    }

    fn dates_in_order(&mut self, content: &SystemContent) {
        if let (Some(since), Some(retired)) = (&content.in_use_since, &content.retired_on)
            && retired < since
        {
            self.problem("retired_on", "Must not be before the date it came into use");
        }
    }

    fn withheld_once(&mut self, content: &SystemContent) {
        for (i, withheld) in content.withheld.iter().enumerate() {
            if content.withheld[..i]
                .iter()
                .any(|w| w.field == withheld.field)
            {
                self.problem(
                    &format!("withheld[{i}].field"),
                    format!("“{}” is already withheld above", withheld.field),
                );
            }
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn minimal() -> Value {
        json!({"name": "Fraud risk scoring", "summary": "Scores claims.", "stage": "in_use", "topic": "benefits"})
    }

    fn problems(body: Value) -> Problems {
        match system_input(&body) {
            Err(AppError::Validation(problems)) => problems,
            other => panic!("expected problems, got {other:?}"),
        }
    }

    #[test]
    fn a_minimal_record_is_accepted_with_defaults() {
        let input = system_input(&minimal()).unwrap();
        assert_eq!(input.content.name, "Fraud risk scoring");
        assert_eq!(input.content.risk_level, RiskLevel::Unassessed);
        assert!(input.content.data.is_empty());
        assert_eq!(input.agency, None);
    }

    #[test]
    fn every_wrong_field_is_named() {
        let found = problems(json!({
            "name": "",
            "summary": "x".repeat(501),
            "stage": "live",
            "contact": "call us",
            "in_use_since": "2025-02-30",
            "technique": ["nlp", "magic"],
            "data": [{"name": "Claims", "personal_data": "some"}, {"description": "no name"}],
            "assessments": [{"kind": "dpia", "url": "ftp://x"}],
            "withheld": [{"field": "name", "reason": "secret"}, {"field": "data"}],
            "colour": "blue"
        }));
        let fields: Vec<&str> = found.keys().map(String::as_str).collect();
        assert_eq!(
            fields,
            [
                "assessments[0].url",
                "colour",
                "contact",
                "data[0].personal_data",
                "data[1].name",
                "in_use_since",
                "name",
                "stage",
                "summary",
                "technique[1]",
                "topic",
                "withheld[0].field",
                "withheld[1].reason",
            ]
        );
        assert!(found["summary"][0].contains("500"));
        assert!(found["stage"][0].contains("planned"));
    }

    #[test]
    fn withholding_needs_a_reason_and_a_public_field_cannot_be_withheld() {
        let mut body = minimal();
        body["withheld"] = json!([{"field": "data", "reason": "Law enforcement exemption, s. 31"}]);
        let input = system_input(&body).unwrap();
        assert_eq!(
            input.content.withheld_reason("data"),
            Some("Law enforcement exemption, s. 31")
        );
        body["withheld"] = json!([{"field": "summary", "reason": "x"}]);
        assert!(problems(body).contains_key("withheld[0].field"));
    }

    #[test]
    fn control_characters_and_wrong_types_are_refused() {
        let mut body = minimal();
        body["name"] = json!("Bad\u{0007}name");
        body["tags"] = json!("not a list");
        body["purpose"] = json!(42);
        let found = problems(body);
        assert!(found.contains_key("name"));
        assert!(found.contains_key("tags"));
        assert!(found.contains_key("purpose"));
        assert!(matches!(
            system_input(&json!([1, 2])),
            Err(AppError::Validation(_))
        ));
    }

    #[test]
    fn retirement_cannot_come_before_use() {
        let mut body = minimal();
        body["in_use_since"] = json!("2024-05-01");
        body["retired_on"] = json!("2023-01-01");
        assert!(problems(body).contains_key("retired_on"));
    }

    #[test]
    fn texts_are_stored_with_unix_line_endings_and_no_trailing_spaces() {
        assert_eq!(
            normalised("  One. \r\n\r\nTwo.\t\rThree\r\n"),
            "One.\n\nTwo.\nThree"
        );
        let mut body = minimal();
        body["purpose"] = json!("Finds errors.  \r\n\r\n- in returns\r\n- in claims \r\n");
        body["summary"] = json!("Scores claims.\r\nFor review.");
        let content = system_input(&body).unwrap().content;
        assert_eq!(
            content.purpose,
            "Finds errors.\n\n- in returns\n- in claims"
        );
        assert_eq!(content.summary, "Scores claims.\nFor review.");
        body["name"] = json!("Two\r\nlines");
        assert!(problems(body).contains_key("name"));
    }
}

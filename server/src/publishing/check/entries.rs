//! The entries of the record's lists (data sets, assessments, withheld
//! fields), and the rules that look across fields.

use super::{Check, Fields, MAX_LINE, max_chars};
use app::record::fields;
use app::record::{Assessment, AssessmentKind, DataSet, PersonalData, Withheld};
use serde_json::{Map, Value};

impl Check {
    pub(super) fn object<'a>(
        &mut self,
        value: &'a Value,
        path: &str,
    ) -> Option<&'a Map<String, Value>> {
        let object = value.as_object();
        if object.is_none() {
            let message = self.words("check-object", &[]);
            self.problem(path, message);
        }
        object
    }

    pub(super) fn unknown_fields(
        &mut self,
        object: &Map<String, Value>,
        path: &str,
        known: &[&str],
    ) {
        for key in object.keys() {
            if !known.contains(&key.as_str()) {
                let message = self.words("check-not-a-field-here", &[("key", key.as_str().into())]);
                self.problem(&format!("{path}.{key}"), message);
            }
        }
    }

    pub(super) fn data_set(&mut self, value: &Value, path: &str) -> Option<DataSet> {
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
            name: self.required(&f, "name", MAX_LINE, true),
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

    pub(super) fn assessment(&mut self, value: &Value, path: &str) -> Option<Assessment> {
        let object = self.object(value, path)?;
        self.unknown_fields(object, path, &["kind", "date", "url"]);
        let prefix = format!("{path}.");
        let f = Fields {
            object,
            prefix: &prefix,
        };
        let kind_path = f.path("kind");
        let kind = self.closed(&f, "kind", AssessmentKind::parse, AssessmentKind::names);
        if kind.is_none() && !self.problems.contains_key(&kind_path) {
            let names = AssessmentKind::names();
            let message = self.words("check-choose-one-of", &[("names", names.into())]);
            self.problem(&kind_path, message);
        }
        Some(Assessment {
            kind: kind.unwrap_or(AssessmentKind::Other),
            date: self.date(&f, "date"),
            url: self.url(&f, "url"),
        })
    }

    pub(super) fn withheld(&mut self, value: &Value, path: &str) -> Option<Withheld> {
        let object = self.object(value, path)?;
        self.unknown_fields(object, path, &["field", "reason"]);
        let prefix = format!("{path}.");
        let f = Fields {
            object,
            prefix: &prefix,
        };
        let field = self.required(&f, "field", 100, true);
        let may_be_withheld = fields::field(&field).is_some_and(|f| f.withholdable);
        if !field.is_empty() && !may_be_withheld {
            let names: Vec<&str> = fields::withholdable().map(|f| f.name).collect();
            let args = [
                ("field", field.as_str().into()),
                ("names", names.join(", ").into()),
            ];
            let message = self.words("check-cannot-withhold", &args);
            self.problem(&f.path("field"), message);
        }
        let reason = self.required(&f, "reason", max_chars("withheld"), false);
        Some(Withheld { field, reason })
    }

    pub(super) fn dates_in_order(&mut self, checked: &Map<String, Value>) {
        let date = |name: &str| checked.get(name).and_then(Value::as_str);
        if let (Some(since), Some(retired)) = (date("in_use_since"), date("retired_on"))
            && retired < since
        {
            let message = self.words("check-retired-before", &[]);
            self.problem("retired_on", message);
        }
    }

    pub(super) fn withheld_once(&mut self, checked: &Map<String, Value>) {
        let withheld: Vec<&str> = checked
            .get("withheld")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|w| w["field"].as_str().unwrap_or_default())
            .collect();
        for (i, field) in withheld.iter().enumerate() {
            if withheld[..i].contains(field) {
                let message = self.words("check-withheld-twice", &[("field", (*field).into())]);
                self.problem(&format!("withheld[{i}].field"), message);
            }
        }
    }
}

//! The system form as sent, turned into the write API's JSON, so one check
//! ([`crate::publishing::check::system_input`]) serves both.
//!
//! Names follow the JSON paths: `name`, `technique` (one per ticked box),
//! `tags` (comma-separated), `data[0].name`, `assessments[1].kind`,
//! `withheld[0].reason`. A list row left wholly empty is no entry.

use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Fields never shown again or stored: the form's controls, and passwords.
const NOT_KEPT: &[&str] = &[
    "csrf_token",
    "add",
    "password",
    "current_password",
    "password_again",
];

/// The lists whose rows are objects.
const ROW_LISTS: &[&str] = &["data", "assessments", "withheld"];

/// What the person typed, without the form's controls and passwords: shown
/// again when the form comes back with problems.
pub fn typed_fields(fields: &[(String, String)]) -> Vec<(String, String)> {
    fields
        .iter()
        .filter(|(name, _)| !NOT_KEPT.contains(&name.as_str()))
        .cloned()
        .collect()
}

/// Splits a comma-separated list, dropping empty entries.
fn comma_list(text: &str) -> Value {
    Value::Array(
        text.split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(|t| Value::String(t.to_string()))
            .collect(),
    )
}

/// `data[2].name` → (`data`, 2, `name`).
fn row_field(name: &str) -> Option<(&str, usize, &str)> {
    let (list, rest) = name.split_once('[')?;
    let (index, rest) = rest.split_once("].")?;
    Some((list, index.parse().ok()?, rest))
}

/// The form's fields as a system's JSON object.
pub fn system_json(fields: &[(String, String)]) -> Value {
    let mut object = Map::new();
    let mut techniques = Vec::new();
    let mut rows: BTreeMap<(String, usize), Map<String, Value>> = BTreeMap::new();
    for (name, value) in typed_fields(fields) {
        if name == "technique" {
            techniques.push(Value::String(value));
        } else if name == "tags" {
            object.insert(name, comma_list(&value));
        } else if let Some((list, index, field)) = row_field(&name)
            && ROW_LISTS.contains(&list)
        {
            let value = if field == "sensitive_attributes" {
                comma_list(&value)
            } else {
                Value::String(value)
            };
            rows.entry((list.to_string(), index))
                .or_default()
                .insert(field.to_string(), value);
        } else {
            object.insert(name, Value::String(value));
        }
    }
    object.insert("technique".into(), Value::Array(techniques));
    for list in ROW_LISTS {
        let entries: Vec<Value> = rows
            .iter()
            .filter(|((name, _), _)| name == list)
            .map(|(_, row)| row)
            .filter(|row| !row.values().all(is_blank))
            .map(|row| Value::Object(row.clone()))
            .collect();
        object.insert(list.to_string(), Value::Array(entries));
    }
    Value::Object(object)
}

fn is_blank(value: &Value) -> bool {
    match value {
        Value::String(text) => text.trim().is_empty(),
        Value::Array(items) => items.is_empty(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn the_form_becomes_the_api_shape() {
        let body = system_json(&fields(&[
            ("csrf_token", "x"),
            ("name", "Chatbot"),
            ("tags", "advice, , help "),
            ("technique", "nlp"),
            ("technique", "generative_ai"),
            ("data[0].name", "Questions"),
            ("data[0].personal_data", "none"),
            ("data[0].sensitive_attributes", "age, health"),
            ("data[1].name", ""),
            ("data[1].personal_data", ""),
            ("withheld[0].field", "supplier"),
            ("withheld[0].reason", "Commercial confidence"),
        ]));
        assert_eq!(body["name"], "Chatbot");
        assert_eq!(body["tags"], json!(["advice", "help"]));
        assert_eq!(body["technique"], json!(["nlp", "generative_ai"]));
        assert_eq!(
            body["data"],
            json!([{"name": "Questions", "personal_data": "none", "sensitive_attributes": ["age", "health"]}]),
            "the empty second row is no entry"
        );
        assert_eq!(body["withheld"][0]["reason"], "Commercial confidence");
        assert_eq!(body["assessments"], json!([]));
        assert!(body.get("csrf_token").is_none());
    }
}

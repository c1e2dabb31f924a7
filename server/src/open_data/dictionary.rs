//! The data dictionary of `/open-data`, read from the JSON Schema the API
//! serves: every field of a system with its type and description, in the
//! order the JSON has them, and the CSV's columns.

use super::csv_row;
use super::openapi::openapi_components;
use app::open_data::{DataDictionary, DictionaryField};
use serde_json::Value;
use utoipa::openapi::schema::Schema;
use utoipa::openapi::{RefOr, schema::Object};

/// The dictionary, built from the schema.
pub fn data_dictionary() -> DataDictionary {
    let components = openapi_components();
    let defs = serde_json::to_value(&components).unwrap_or_default();
    let mut fields = Vec::new();
    if let Some(system) = components.get("PublishedSystem") {
        collect(system, &components, &defs, &mut fields);
    }
    DataDictionary {
        fields,
        csv_columns: csv_row::columns()
            .into_iter()
            .map(|(name, what)| (name.to_string(), what))
            .collect(),
        csv_separator: csv_row::SEPARATOR.to_string(),
    }
}

type Components = std::collections::BTreeMap<String, RefOr<Schema>>;

/// The properties of an object schema (following `allOf` and references), in order.
fn collect(
    schema: &RefOr<Schema>,
    components: &Components,
    defs: &Value,
    out: &mut Vec<DictionaryField>,
) {
    match schema {
        RefOr::Ref(reference) => {
            let name = reference
                .ref_location
                .rsplit('/')
                .next()
                .unwrap_or_default();
            if let Some(schema) = components.get(name) {
                collect(schema, components, defs, out);
            }
        }
        RefOr::T(Schema::AllOf(all)) => {
            // The system's own fields first, then its content's.
            for item in all.items.iter().rev() {
                collect(item, components, defs, out);
            }
        }
        RefOr::T(Schema::Object(object)) => fields_of(object, defs, out),
        RefOr::T(_) => {}
    }
}

fn fields_of(object: &Object, defs: &Value, out: &mut Vec<DictionaryField>) {
    for (name, property) in &object.properties {
        let value = serde_json::to_value(property).unwrap_or_default();
        out.push(DictionaryField {
            name: name.clone(),
            kind: kind(&value, defs),
            description: description(&value, defs),
            always: object.required.contains(name),
        });
    }
}

/// A type for people: `text`, `text or null`, `one of: a, b`, `list of DataSet`.
fn kind(value: &Value, defs: &Value) -> String {
    if let Some(reference) = value["$ref"].as_str() {
        let name = reference.rsplit('/').next().unwrap_or_default();
        let def = &defs[name];
        return match def["enum"].as_array() {
            Some(names) => one_of(names),
            None if def["type"] == "string" => "text".into(),
            None => name.to_string(),
        };
    }
    if let Some(options) = value["oneOf"].as_array() {
        let kinds: Vec<String> = options
            .iter()
            .filter(|o| o["type"] != "null")
            .map(|o| kind(o, defs))
            .collect();
        return format!("{}, or null", kinds.join(" or "));
    }
    if let Some(names) = value["enum"].as_array() {
        return one_of(names);
    }
    let types: Vec<&str> = match &value["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let nullable = types.contains(&"null");
    let base = match types.iter().find(|t| **t != "null").copied() {
        Some("string") => "text".to_string(),
        Some("integer") => "whole number".to_string(),
        Some("boolean") => "true or false".to_string(),
        Some("array") => format!("list of {}", kind(&value["items"], defs)),
        Some(other) => other.to_string(),
        None => "any".to_string(),
    };
    if nullable {
        format!("{base}, or null")
    } else {
        base
    }
}

fn one_of(names: &[Value]) -> String {
    let names: Vec<&str> = names.iter().filter_map(Value::as_str).collect();
    format!("one of: {}", names.join(", "))
}

fn description(value: &Value, defs: &Value) -> String {
    let own = value["description"]
        .as_str()
        .or_else(|| {
            value["oneOf"]
                .as_array()
                .and_then(|o| o.iter().find_map(|x| x["description"].as_str()))
        })
        .map(str::to_string);
    own.or_else(|| {
        let reference = value["$ref"].as_str()?;
        let name = reference.rsplit('/').next()?;
        defs[name]["description"].as_str().map(str::to_string)
    })
    .unwrap_or_default()
    .replace('\n', " ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_field_of_a_system_is_described_in_order() {
        let dictionary = super::data_dictionary();
        let names: Vec<&str> = dictionary.fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(&names[..3], ["id", "url", "agency"], "{names:?}");
        for field in ["name", "stage", "withheld", "audit", "data", "supplier"] {
            assert!(names.contains(&field), "{field}: {names:?}");
        }
        let stage = dictionary
            .fields
            .iter()
            .find(|f| f.name == "stage")
            .unwrap();
        assert_eq!(
            stage.kind,
            "one of: planned, development, pilot, in_use, retired"
        );
        assert!(stage.always);
        let supplier = dictionary
            .fields
            .iter()
            .find(|f| f.name == "supplier")
            .unwrap();
        assert!(!supplier.always, "a withheld field may be absent");
        let undescribed: Vec<&str> = dictionary
            .fields
            .iter()
            .filter(|f| f.description.is_empty())
            .map(|f| f.name.as_str())
            .collect();
        assert!(undescribed.is_empty(), "{undescribed:?}");
        // The record's fields are described by the field table, once.
        for field in app::record::fields::FIELDS {
            let described = dictionary
                .fields
                .iter()
                .find(|f| f.name == field.name)
                .unwrap_or_else(|| panic!("{} is in the dictionary", field.name));
            assert_eq!(
                described.description,
                field.description_in_english(),
                "{}",
                field.name
            );
        }
    }
}

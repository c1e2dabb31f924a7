use super::*;
use crate::record::Withheld;

#[test]
fn every_field_of_the_content_is_in_the_table_once_and_in_order() {
    let json = serde_json::to_value(filled_content()).unwrap();
    let mut in_content: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut in_table: Vec<&str> = FIELDS.iter().map(|f| f.name).collect();
    let content = filled_content();
    let in_values: Vec<&str> = content.values().iter().map(|(name, _)| *name).collect();
    assert_eq!(
        in_values, in_table,
        "values() lists the fields in table order"
    );
    in_content.sort_unstable();
    in_table.sort_unstable();
    assert_eq!(
        in_content, in_table,
        "a field of SystemContent is missing from FIELDS"
    );
}

#[test]
fn every_field_has_a_label_and_a_description_and_lists_name_their_entries() {
    for field in FIELDS {
        assert!(!field.label().is_empty(), "{}", field.name);
        assert!(!field.description().is_empty(), "{}", field.name);
        let is_list = matches!(
            field.kind,
            Kind::Texts | Kind::DataSets | Kind::Assessments | Kind::Withheld
        );
        assert_eq!(is_list, !field.entry().is_empty(), "{}", field.name);
    }
}

#[test]
fn a_filled_record_has_every_field_filled() {
    let content = filled_content();
    for (name, value) in content.values() {
        assert!(!value.is_empty(), "{name}");
    }
}

#[test]
fn every_withholdable_field_can_be_emptied_and_no_other() {
    for field in FIELDS {
        let mut content = filled_content();
        content.withheld = vec![Withheld {
            field: field.name.into(),
            reason: "Reason.".into(),
        }];
        let public = content.clone().without_withheld();
        let emptied = public.value(field.name).unwrap().is_empty();
        assert_eq!(emptied, field.withholdable, "{}", field.name);
    }
}

#[test]
fn values_read_as_people_write_them() {
    let content = filled_content();
    assert_eq!(content.value("risk_level").unwrap().words(), "High risk");
    assert_eq!(
        content.value("withheld").unwrap().words(),
        "Supplier: Commercial."
    );
    assert_eq!(
        content.value("data").unwrap().words(),
        "Data: personal data not stated"
    );
}

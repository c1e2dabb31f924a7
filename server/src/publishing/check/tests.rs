use super::*;
use app::record::RiskLevel;
use serde_json::json;

fn minimal() -> Value {
    json!({"name": "Fraud risk scoring", "summary": "Scores claims.", "stage": "in_use", "topic": "benefits"})
}

fn problems(body: Value) -> Problems {
    match system_input(
        &body,
        app::i18n::Language::SOURCE,
        &app::i18n::Languages::default(),
    ) {
        Err(AppError::Validation(problems)) => problems,
        other => panic!("expected problems, got {other:?}"),
    }
}

#[test]
fn a_minimal_record_is_accepted_with_defaults() {
    let input = system_input(
        &minimal(),
        app::i18n::Language::SOURCE,
        &app::i18n::Languages::default(),
    )
    .unwrap();
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
    let input = system_input(
        &body,
        app::i18n::Language::SOURCE,
        &app::i18n::Languages::default(),
    )
    .unwrap();
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
        system_input(
            &json!([1, 2]),
            app::i18n::Language::SOURCE,
            &app::i18n::Languages::default()
        ),
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
    let content = system_input(
        &body,
        app::i18n::Language::SOURCE,
        &app::i18n::Languages::default(),
    )
    .unwrap()
    .content;
    assert_eq!(
        content.purpose,
        "Finds errors.\n\n- in returns\n- in claims"
    );
    assert_eq!(content.summary, "Scores claims.\nFor review.");
    body["name"] = json!("Two\r\nlines");
    assert!(problems(body).contains_key("name"));
}

#[test]
fn the_default_language_is_no_language_and_empty_translations_are_none() {
    let languages = app::i18n::Languages::parse("en,nl").unwrap();
    let mut body = minimal();
    body["language"] = json!("en");
    body["translations"] = json!({"nl": {"name": " ", "summary": "Samenvatting.\r\n"}});
    let content = system_input(&body, app::i18n::Language::SOURCE, &languages)
        .unwrap()
        .content;
    assert_eq!(content.language, None);
    let dutch = &content.translations["nl"];
    assert_eq!(dutch.len(), 1, "{dutch:?}");
    assert_eq!(dutch["summary"], "Samenvatting.");
    body["language"] = json!("nl");
    body["translations"] = json!({"en": {}});
    let content = system_input(&body, app::i18n::Language::SOURCE, &languages)
        .unwrap()
        .content;
    assert_eq!(content.language.as_deref(), Some("nl"));
    assert!(content.translations.is_empty());
}

//! How complete a record is: counted from the field table by its risk level
//! and its part in decisions, said in words on its page (in each language),
//! given in the API and the exports (JSON and CSV), and searched by on the
//! systems page and in the API, on both databases.

use crate::support::databases::TestDatabase;
use crate::support::manage::{Auth, agency_token, exported_systems, found_ids, get, send_json};
use crate::support::site::{ONE_AT_A_TIME, demo_site};
use app::record::TokenScope;
use axum::http::StatusCode;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};

#[tokio::test]
async fn a_record_says_which_expected_fields_it_leaves_empty() {
    let _turn = ONE_AT_A_TIME.lock().await;
    for database in TestDatabase::both().await {
        let (search, site) = demo_site(&database.storage).await;
        let token = agency_token(&database.storage, "tax-office", TokenScope::Publish).await;
        // High risk and deciding about people: 13 fields expected. It fills
        // its purpose, contest and techniques, gives its part in decisions,
        // and withholds its assessments with a reason.
        let body = json!({
            "agency_ref": "COMPLETE-1",
            "name": "Benefit eligibility check",
            "summary": "Checks applications for benefits against the rules.",
            "stage": "in_use",
            "topic": "benefits",
            "risk_level": "high",
            "decision_role": "decides_with_review",
            "technique": ["rules"],
            "purpose": "To decide applications sooner.",
            "contest": "Object within six weeks.",
            "fairness": "   ",
            "withheld": [{"field": "assessments", "reason": "Under review by the auditor."}],
        });
        let filed = send_json(&site, "POST", "/api/v1/systems", &token, &body).await;
        assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.text);
        let id = serde_json::from_str::<Value>(&filed.text).unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string();

        let api = get(&site, &format!("/api/v1/systems/{id}"), &Auth::Anonymous).await;
        let completeness =
            serde_json::from_str::<Value>(&api.text).unwrap()["completeness"].clone();
        assert_eq!(
            completeness["expected"].as_array().unwrap().len(),
            13,
            "{completeness}"
        );
        assert_eq!(
            completeness["missing"],
            json!([
                "contact",
                "how_it_works",
                "human_oversight",
                "explainability",
                "fairness",
                "risks",
                "legal_basis",
                "data"
            ]),
            "{}",
            database.name
        );
        assert_eq!(completeness["score"], 38, "5 of 13, rounded down");

        let page = get(&site, &format!("/systems/{id}"), &Auth::Anonymous).await;
        assert!(
            page.text
                .contains("5 of 13 expected fields filled; missing: Contact, How it works,"),
            "{}",
            page.text
        );
        let dutch = get(&site, &format!("/nl/systems/{id}"), &Auth::Anonymous).await;
        assert!(
            dutch
                .text
                .contains("5 van de 13 verwachte velden ingevuld; ontbreekt: Contact,"),
            "{}",
            dutch.text
        );

        // The export carries the same, from the JSON stored when it was published.
        let exported = exported_systems(&site).await;
        assert_eq!(exported[&id]["completeness"], completeness);

        // The CSV's last two columns say the same.
        let csv = get(
            &site,
            &format!("/api/v1/export.csv?id={id}"),
            &Auth::Anonymous,
        )
        .await;
        assert_eq!(csv.status, StatusCode::OK, "{}", csv.text);
        let mut reader =
            csv::Reader::from_reader(csv.text.trim_start_matches('\u{feff}').as_bytes());
        let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        let row = reader.records().next().unwrap().unwrap();
        let cells: Vec<(&str, &str)> = headers.iter().map(String::as_str).zip(&row).collect();
        let last = &cells[cells.len() - 4..cells.len() - 2];
        assert_eq!(
            last,
            [
                ("completeness", "38"),
                (
                    "completeness_missing",
                    "contact | how_it_works | human_oversight | explainability | fairness | risks | legal_basis | data"
                ),
            ]
        );

        // A demo record that fills everything expected of it says so.
        let demo = exported
            .values()
            .find(|system| system["completeness"]["missing"] == json!([]))
            .expect("a demo record complete for its kind");
        let id = demo["id"].as_str().unwrap();
        let page = get(&site, &format!("/systems/{id}"), &Auth::Anonymous).await;
        assert!(
            page.text.contains(
                "expected fields filled. <a href=\"/open-data#completeness\">What is expected?</a>"
            ),
            "{}",
            page.text
        );

        search.catch_up(&database.storage).await;
        searched_by_completeness(&site, &exported, &id_of_incomplete(&exported)).await;

        // What is expected of which system, listed from the field table, in each language.
        let open_data = get(&site, "/open-data", &Auth::Anonymous).await;
        assert!(
            open_data
                .text
                .contains("<li>Every record: Contact, Techniques, "),
            "{}",
            open_data.text
        );
        let dutch = get(&site, "/nl/open-data", &Auth::Anonymous).await;
        assert!(
            dutch
                .text
                .contains(r#"<h2 id="completeness">Hoe volledig een registratie is</h2>"#)
        );
        database.remove().await;
    }
}

/// The record filed above: the only one with the agency reference COMPLETE-1.
fn id_of_incomplete(exported: &BTreeMap<String, Value>) -> String {
    exported
        .values()
        .find(|system| system["agency_ref"] == "COMPLETE-1")
        .and_then(|system| system["id"].as_str())
        .expect("the record filed by the test")
        .to_string()
}

/// Search finds by completeness exactly the records the export says are
/// (two independent paths: the search index, and the stored open data),
/// the page lists them with the filter named, and a wrong value is a 400.
async fn searched_by_completeness(
    site: &axum::Router,
    exported: &BTreeMap<String, Value>,
    incomplete: &str,
) {
    let expected = |keep: Keep| -> BTreeSet<String> {
        exported
            .iter()
            .filter(|(_, system)| keep(system))
            .map(|(id, _)| id.clone())
            .collect()
    };
    let cases: [(&str, Keep); 4] = [
        ("missing=fairness", |s| leaves_empty(s, "fairness")),
        ("missing=contact&missing=data", |s| {
            leaves_empty(s, "contact") || leaves_empty(s, "data")
        }),
        ("completeness=incomplete", |s| {
            s["completeness"]["score"] != 100
        }),
        ("completeness=complete&risk_level=high", |s| {
            s["completeness"]["score"] == 100 && s["risk_level"] == "high"
        }),
    ];
    for (params, keep) in cases {
        let wanted = expected(keep);
        assert!(!wanted.is_empty(), "{params}");
        assert_eq!(found_ids(site, params).await, wanted, "{params}");
    }
    assert!(
        found_ids(site, "missing=fairness")
            .await
            .contains(incomplete)
    );

    // Least complete first: the record filed above, at 38.
    let first = get(
        site,
        "/api/v1/systems?sort=completeness&limit=1",
        &Auth::Anonymous,
    )
    .await;
    let first: Value = serde_json::from_str(&first.text).unwrap();
    assert_eq!(first["hits"][0]["id"], incomplete, "{first}");

    // The page: the filter named, the record listed, the facet counted.
    let page = get(site, "/systems?missing=fairness", &Auth::Anonymous).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.text
            .contains("Missing from the record: Fairness and bias testing"),
        "{}",
        page.text
    );
    assert!(page.text.contains("Benefit eligibility check"));
    assert!(page.text.contains(r#"id="facet-completeness-incomplete""#));

    for (params, named) in [
        ("missing=colour", "missing"),
        ("completeness=half", "completeness"),
        ("review=late", "review"),
        ("sort=complete", "sort"),
    ] {
        let wrong = get(site, &format!("/api/v1/systems?{params}"), &Auth::Anonymous).await;
        assert_eq!(
            wrong.status,
            StatusCode::BAD_REQUEST,
            "{params}: {}",
            wrong.text
        );
        assert!(wrong.text.contains(named), "{params}: {}", wrong.text);
    }
}

/// Which exported records a search should find.
type Keep = fn(&Value) -> bool;

/// Whether an exported record lists `field` among its missing ones.
fn leaves_empty(system: &Value, field: &str) -> bool {
    system["completeness"]["missing"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m == field)
}

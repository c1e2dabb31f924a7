//! The register's statistics (`/statistics`, `/api/v1/statistics` and its
//! CSV): every number equals a count made straight from the tables (and
//! from the records themselves) by the test's own code, on both databases;
//! the page shows the same numbers beside charts drawn without scripts, in
//! each language; and a change is counted at once.

use crate::support::databases::TestDatabase;
use crate::support::manage::{Auth, agency_token, exported_systems, get, send_json};
use crate::support::site::{ONE_AT_A_TIME, demo_site};
use app::record::{Agency, AgencySlug, TokenScope};
use axum::http::StatusCode;
use serde_json::{Value, json};
use sqlx::{AnyConnection, Row};
use std::collections::BTreeMap;

#[tokio::test]
async fn every_number_equals_a_count_straight_from_the_tables() {
    let _turn = ONE_AT_A_TIME.lock().await;
    for database in TestDatabase::both().await {
        let name = database.name;
        let storage = &database.storage;
        let (search, site) = demo_site(storage).await;
        let mut conn = database.connect().await;
        vary_the_register(&database, &site, &mut conn).await;

        let api = get(&site, "/api/v1/statistics", &Auth::Anonymous).await;
        assert_eq!(api.status, StatusCode::OK, "{name}: {}", api.text);
        let mut counted: Value = serde_json::from_str(&api.text).unwrap();
        let counted_at = counted.as_object_mut().unwrap().remove("counted_at");
        assert!(
            counted_at.unwrap().as_str().unwrap().ends_with('Z'),
            "{name}"
        );
        let direct = direct_statistics(&site, &mut conn).await;
        for (key, value) in direct.as_object().unwrap() {
            assert_eq!(&counted[key], value, "{name}: {key}");
        }
        assert_eq!(counted, direct, "{name}: nothing else");
        assert!(direct["reviews"]["overdue"].as_i64().unwrap() > 0, "{name}");
        assert!(
            direct["answers"]["answered"].as_i64().unwrap() > 0,
            "{name}"
        );
        assert!(
            direct["completeness"]["incomplete"].as_i64().unwrap() > 0,
            "{name}"
        );

        the_page_shows_the_same_numbers(&site, &counted).await;
        the_csv_holds_the_same_numbers(&site, &counted).await;
        search.catch_up(storage).await;
        an_agencys_statistics_equal_its_search(&site, &counted, name).await;

        // A change is counted at once, not after the minute numbers are kept.
        let token = agency_token(storage, "police", TokenScope::Publish).await;
        let body = json!({"agency_ref": "STAT-2", "name": "Patrol planner",
            "summary": "Plans patrols.", "stage": "pilot", "topic": "law_enforcement"});
        let filed = send_json(&site, "POST", "/api/v1/systems", &token, &body).await;
        assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.text);
        let again = get(&site, "/api/v1/statistics", &Auth::Anonymous).await;
        let again: Value = serde_json::from_str(&again.text).unwrap();
        assert_eq!(
            again["systems"],
            counted["systems"].as_i64().unwrap() + 1,
            "{name}"
        );
        search.remove().await;
        database.remove().await;
    }
}

/// One agency's statistics (`?agency=`, and its page): each count equals
/// the search index's count for the agency (a path of its own, through
/// tantivy), its row equals the register's row for it, and its audits equal
/// what its exported records say.
async fn an_agencys_statistics_equal_its_search(site: &axum::Router, register: &Value, name: &str) {
    let answer = get(
        site,
        "/api/v1/statistics?agency=tax-office",
        &Auth::Anonymous,
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{name}: {}", answer.text);
    let own: Value = serde_json::from_str(&answer.text).unwrap();
    let found = get(
        site,
        "/api/v1/systems?agency=tax-office&limit=1",
        &Auth::Anonymous,
    )
    .await;
    let found: Value = serde_json::from_str(&found.text).unwrap();
    assert_eq!(own["systems"], found["total"], "{name}");
    let searched = |facet: &str, value: &str| found["facets"][facet][value].as_i64().unwrap_or(0);
    for (subject, facet) in [
        ("by_stage", "stage"),
        ("by_risk_level", "risk_level"),
        ("by_technique", "technique"),
        ("by_topic", "topic"),
        ("by_audit", "audit"),
    ] {
        for count in own[subject].as_array().unwrap() {
            let value = count["value"].as_str().unwrap();
            assert_eq!(
                count["systems"].as_i64().unwrap(),
                searched(facet, value),
                "{name}: {subject} {count}"
            );
        }
    }
    for count in own["completeness"]["missing"].as_array().unwrap() {
        let value = count["value"].as_str().unwrap();
        assert_eq!(
            count["systems"].as_i64().unwrap(),
            searched("missing", value),
            "{name}: {count}"
        );
    }
    for (subject, facet, value) in [
        ("completeness", "completeness", "complete"),
        ("completeness", "completeness", "incomplete"),
        ("reviews", "review", "overdue"),
        ("reviews", "review", "current"),
    ] {
        assert_eq!(
            own[subject][value].as_i64().unwrap(),
            searched(facet, value),
            "{name}: {value}"
        );
    }
    let row = register["by_agency"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["agency"] == "tax-office")
        .unwrap();
    assert_eq!(own["by_agency"], json!([row]), "{name}");
    assert_eq!(own["answers"], row["answers"], "{name}");
    assert_eq!(
        own["completeness"]["average"], row["average_completeness"],
        "{name}"
    );
    let months: i64 = own["published_by_month"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["systems"].as_i64().unwrap())
        .sum();
    assert_eq!(json!(months), own["systems"], "{name}");
    let high_risk = exported_systems(site)
        .await
        .values()
        .filter(|r| r["agency"] == "tax-office" && r["stage"] != "retired")
        .filter(|r| r["risk_level"] == "high" || r["risk_level"] == "prohibited")
        .count();
    assert_eq!(own["audits"]["high_risk"], json!(high_risk), "{name}");

    // The page: every count links to the agency's search; the JSON and CSV are its own.
    let page = get(site, "/agencies/tax-office/statistics", &Auth::Anonymous).await;
    assert_eq!(page.status, StatusCode::OK, "{name}");
    let systems = format!("<strong>{}</strong> systems published.", own["systems"]);
    assert!(page.text.contains(&systems), "{name}: {}", page.text);
    assert!(
        page.text
            .contains("records are overdue for their agency's review."),
        "{name}"
    );
    assert!(
        page.text
            .contains("<h1>Statistics of Northvale Tax Office</h1>"),
        "{name}: {}",
        page.text
    );
    assert!(
        page.text
            .contains(r#"href="/systems?agency=tax-office&amp;stage=in_use""#),
        "{name}"
    );
    assert!(
        page.text
            .contains(r#"href="/api/v1/statistics.csv?agency=tax-office""#),
        "{name}"
    );
    assert!(
        !page.text.contains("agency-statistics"),
        "{name}: no agency table"
    );
    let agency_page = get(site, "/agencies/tax-office", &Auth::Anonymous).await;
    assert!(
        agency_page
            .text
            .contains(r#"href="/agencies/tax-office/statistics""#),
        "{name}"
    );
    let csv = get(
        site,
        "/api/v1/statistics.csv?agency=tax-office",
        &Auth::Anonymous,
    )
    .await;
    assert!(
        csv.text
            .contains(&format!("register,systems,{}", own["systems"])),
        "{name}"
    );

    // Wrong questions are named; an unknown agency has no statistics.
    let unknown = get(site, "/api/v1/statistics?agency=nobody", &Auth::Anonymous).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND, "{name}");
    let wrong = get(site, "/api/v1/statistics?colour=red", &Auth::Anonymous).await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST, "{name}");
    assert!(wrong.text.contains("colour"), "{name}: {}", wrong.text);
    let missing = get(site, "/agencies/nobody/statistics", &Auth::Anonymous).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND, "{name}");
}

/// Writes of the kinds the statistics count: an incomplete record, an
/// agency with nothing published, reviews past their date, and questions
/// answered and not.
async fn vary_the_register(database: &TestDatabase, site: &axum::Router, conn: &mut AnyConnection) {
    let storage = &database.storage;
    let token = agency_token(storage, "tax-office", TokenScope::Publish).await;
    let body = json!({"agency_ref": "STAT-1", "name": "Refund checker",
        "summary": "Checks refunds.", "stage": "in_use", "topic": "tax",
        "risk_level": "high", "decision_role": "recommends"});
    let filed = send_json(site, "POST", "/api/v1/systems", &token, &body).await;
    assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.text);
    let mut tx = storage.begin().await.unwrap();
    let harbour = Agency {
        slug: AgencySlug("harbour-authority".into()),
        name: "Harbour Authority".into(),
        jurisdiction: String::new(),
        website: None,
        contact: None,
        description: String::new(),
    };
    lantern::storage::Storage::ensure_agency(&mut tx, &harbour, "2026-11-01T00:00:00Z")
        .await
        .unwrap();
    tx.commit().await.unwrap();
    // Seven months on, the high-risk records are past their review dates.
    let later = lantern::clock::format_timestamp(
        time::OffsetDateTime::now_utc() + time::Duration::days(212),
    );
    assert!(storage.mark_overdue_reviews(&later).await.unwrap() > 0);
    let systems: Vec<(String,)> = sqlx::query_as("SELECT id FROM systems ORDER BY id LIMIT 3")
        .fetch_all(&mut *conn)
        .await
        .unwrap();
    for (n, (system,)) in systems.iter().enumerate() {
        let answered = (n < 2).then(|| format!("2026-10-0{}T10:00:00Z", n + 2));
        let sql = lantern::storage::sql_for(
            conn,
            "INSERT INTO comments (system_id, kind, body, body_key, state, created_at, \
             published_at, answer, answered_at) VALUES ($1, 'question', $2, $2, 'published', \
             $3::timestamptz, $3::timestamptz, $4, $5::timestamptz)",
        );
        sqlx::query(&sql)
            .bind(system.clone())
            .bind(format!("Question {n}"))
            .bind("2026-10-01T09:00:00Z")
            .bind(answered.as_ref().map(|_| "An answer".to_string()))
            .bind(answered)
            .execute(&mut *conn)
            .await
            .unwrap();
    }
}

/// Every statistic, made by the test: counts by SQL of its own over the
/// tables, completeness from each record as the export gives it.
async fn direct_statistics(site: &axum::Router, conn: &mut AnyConnection) -> Value {
    const CURRENT: &str = "systems s JOIN system_versions v \
        ON v.system_id = s.id AND v.version = s.current_version";
    let records = exported_systems(site).await;
    let group = async |conn: &mut AnyConnection, sql: String| -> BTreeMap<String, i64> {
        sqlx::query_as::<_, (String, i64)>(&sql)
            .fetch_all(conn)
            .await
            .unwrap()
            .into_iter()
            .collect()
    };
    let listed = |counted: &BTreeMap<String, i64>, values: Vec<&str>| -> Value {
        values
            .into_iter()
            .map(|value| json!({"value": value, "systems": counted.get(value).copied().unwrap_or(0)}))
            .collect()
    };
    let names = |values: Vec<(&'static str, app::i18n::Text)>| {
        values.into_iter().map(|(v, _)| v).collect::<Vec<_>>()
    };
    use app::search::Facet;
    let by_stage = group(
        &mut *conn,
        format!("SELECT v.stage, count(*) FROM {CURRENT} GROUP BY v.stage"),
    )
    .await;
    let by_risk = group(
        &mut *conn,
        format!("SELECT v.risk_level, count(*) FROM {CURRENT} GROUP BY v.risk_level"),
    )
    .await;
    let by_topic = group(
        &mut *conn,
        format!("SELECT v.topic, count(*) FROM {CURRENT} GROUP BY v.topic"),
    )
    .await;
    let by_technique = group(&mut *conn, format!(
        "SELECT t.technique, count(*) FROM {CURRENT} JOIN system_techniques t ON t.system_id = s.id GROUP BY t.technique"
    )).await;
    let by_audit = group(&mut *conn, format!(
        "SELECT coalesce(s.audit_outcome, 'none'), count(*) FROM {CURRENT} GROUP BY coalesce(s.audit_outcome, 'none')"
    )).await;
    let reviews = group(
        &mut *conn,
        format!("SELECT s.review, count(*) FROM {CURRENT} GROUP BY s.review"),
    )
    .await;

    // Completeness, from each record.
    let score = |r: &Value| r["completeness"]["score"].as_i64().unwrap();
    let mut missing: BTreeMap<String, i64> = BTreeMap::new();
    for record in records.values() {
        for field in record["completeness"]["missing"].as_array().unwrap() {
            *missing
                .entry(field.as_str().unwrap().to_string())
                .or_default() += 1;
        }
    }
    let mut missing_listed: Vec<(String, i64)> = names(Facet::Missing.known_values())
        .into_iter()
        .map(|f| (f.to_string(), missing.get(f).copied().unwrap_or(0)))
        .collect();
    missing_listed.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    let average = |scores: &[i64]| -> Value {
        if scores.is_empty() {
            Value::Null
        } else {
            json!((scores.iter().sum::<i64>() as f64 * 10.0 / scores.len() as f64).round() / 10.0)
        }
    };
    let all_scores: Vec<i64> = records.values().map(score).collect();

    // Months of first publication.
    let created: Vec<String> = sqlx::query_scalar(&lantern::storage::sql_for(
        conn,
        "SELECT rfc3339(created_at) FROM systems WHERE current_version IS NOT NULL",
    ))
    .fetch_all(&mut *conn)
    .await
    .unwrap();
    let mut months: BTreeMap<String, i64> = BTreeMap::new();
    for at in &created {
        *months.entry(at[..7].to_string()).or_default() += 1;
    }
    let first = months.keys().next().unwrap().clone();
    let last = months.keys().last().unwrap().clone();
    let mut by_month = Vec::new();
    let (mut year, mut month): (i32, i32) =
        (first[..4].parse().unwrap(), first[5..].parse().unwrap());
    loop {
        let key = format!("{year:04}-{month:02}");
        by_month.push(json!({"value": key, "systems": months.get(&key).copied().unwrap_or(0)}));
        if key == last {
            break;
        }
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
    }

    // Audits, from each system's latest audit.
    let today = lantern::clock::today();
    let audited = sqlx::query(&format!(
        "SELECT v.risk_level, v.stage, au.outcome, au.next_due FROM {CURRENT} \
         LEFT JOIN audits au ON au.id = s.latest_audit"
    ))
    .fetch_all(&mut *conn)
    .await
    .unwrap();
    let (mut high_risk, mut covered, mut overdue) = (0, 0, 0);
    for row in &audited {
        let risk: String = row.get(0);
        let stage: String = row.get(1);
        let outcome: Option<String> = row.get(2);
        let next_due: Option<String> = row.get(3);
        let late = next_due
            .as_ref()
            .is_some_and(|due| due.as_str() < today.as_str());
        overdue += i64::from(late);
        if ["high", "prohibited"].contains(&risk.as_str()) && stage != "retired" {
            high_risk += 1;
            let passed = matches!(outcome.as_deref(), Some("passed" | "passed_with_findings"));
            covered += i64::from(passed && !late);
        }
    }

    // Answers, from the comments.
    let asked = sqlx::query(&lantern::storage::sql_for(
        conn,
        "SELECT s.agency, rfc3339(c.published_at), rfc3339(c.answered_at) FROM comments c \
         JOIN systems s ON s.id = c.system_id \
         WHERE c.state = 'published' AND c.kind IN ('question', 'error')",
    ))
    .fetch_all(&mut *conn)
    .await
    .unwrap();
    let answers = |agency: Option<&str>| -> Value {
        let mut waited: Vec<i64> = Vec::new();
        let mut count = 0;
        for row in &asked {
            if agency.is_some_and(|a| a != row.get::<String, _>(0)) {
                continue;
            }
            count += 1;
            if let Some(answered) = row.get::<Option<String>, _>(2) {
                waited.push(lantern::clock::seconds_between(
                    &row.get::<String, _>(1),
                    &answered,
                ));
            }
        }
        waited.sort_unstable();
        let median = match waited.len() {
            0 => Value::Null,
            n if n % 2 == 1 => json!(waited[n / 2]),
            n => json!((waited[n / 2 - 1] + waited[n / 2]) / 2),
        };
        json!({"asked": count, "answered": waited.len(), "median_seconds": median})
    };

    // Agencies, most systems first, then by name.
    let agencies: Vec<(String, String)> = sqlx::query_as("SELECT slug, name FROM agencies")
        .fetch_all(&mut *conn)
        .await
        .unwrap();
    let mut by_agency: Vec<Value> = agencies
        .iter()
        .map(|(slug, name)| {
            let own: Vec<&Value> = records.values().filter(|r| r["agency"] == *slug).collect();
            let scores: Vec<i64> = own.iter().map(|r| score(r)).collect();
            let overdue_reviews = own.iter().filter(|r| r["review_overdue"] == true).count();
            let last = own
                .iter()
                .map(|r| r["published_at"].as_str().unwrap())
                .max();
            json!({"agency": slug, "name": name, "systems": own.len(),
                "average_completeness": average(&scores), "reviews_overdue": overdue_reviews,
                "last_published": last, "answers": answers(Some(slug))})
        })
        .collect();
    by_agency.sort_by(|a, b| {
        b["systems"]
            .as_i64()
            .cmp(&a["systems"].as_i64())
            .then(a["name"].as_str().cmp(&b["name"].as_str()))
    });
    let coverage = if high_risk == 0 {
        Value::Null
    } else {
        json!((covered as f64 * 1000.0 / high_risk as f64).round() / 10.0)
    };
    json!({
        "systems": records.len(),
        "agencies": agencies.len(),
        "by_stage": listed(&by_stage, app::record::Stage::ALL.iter().map(|v| v.as_str()).collect()),
        "by_risk_level": listed(&by_risk, app::record::RiskLevel::ALL.iter().map(|v| v.as_str()).collect()),
        "by_technique": listed(&by_technique, app::record::Technique::ALL.iter().map(|v| v.as_str()).collect()),
        "by_topic": listed(&by_topic, app::record::Topic::ALL.iter().map(|v| v.as_str()).collect()),
        "by_audit": listed(&by_audit, names(Facet::Audit.known_values())),
        "published_by_month": by_month,
        "completeness": {
            "complete": all_scores.iter().filter(|s| **s == 100).count(),
            "incomplete": all_scores.iter().filter(|s| **s != 100).count(),
            "average": average(&all_scores),
            "missing": missing_listed.iter().map(|(v, n)| json!({"value": v, "systems": n})).collect::<Vec<_>>(),
        },
        "reviews": {
            "overdue": reviews.get("overdue").copied().unwrap_or(0),
            "current": reviews.get("current").copied().unwrap_or(0),
        },
        "audits": {"high_risk": high_risk, "high_risk_covered": covered, "coverage": coverage, "overdue": overdue},
        "answers": answers(None),
        "by_agency": by_agency,
    })
}

/// The page's tables link each count to its search; its charts are SVG
/// with a title and a description; the agency without systems is listed.
async fn the_page_shows_the_same_numbers(site: &axum::Router, counted: &Value) {
    let page = get(site, "/statistics", &Auth::Anonymous).await;
    assert_eq!(page.status, StatusCode::OK);
    for (facet, key) in [
        ("stage", "by_stage"),
        ("risk_level", "by_risk_level"),
        ("technique", "by_technique"),
        ("topic", "by_topic"),
        ("audit", "by_audit"),
        ("missing", "completeness"),
    ] {
        let counts = if key == "completeness" {
            &counted[key]["missing"]
        } else {
            &counted[key]
        };
        for count in counts.as_array().unwrap() {
            let link = format!(
                r#"<a href="/systems?{facet}={}">{}</a>"#,
                count["value"].as_str().unwrap(),
                count["systems"]
            );
            assert!(page.text.contains(&link), "{link}");
        }
    }
    assert_eq!(page.text.matches(r#"<svg class="chart""#).count(), 8);
    assert!(
        page.text
            .contains(r#"<title id="stage-title">Systems by stage</title>"#)
    );
    assert!(
        page.text
            .contains(r#"<a href="/agencies/harbour-authority">Harbour Authority</a>"#)
    );
    assert!(page.text.contains("One agency has published nothing yet."));
    let overdue = counted["reviews"]["overdue"].as_i64().unwrap();
    assert!(page.text.contains(&format!(
        r#"<strong><a href="/systems?review=overdue">{overdue}</a></strong>"#
    )));
    // /agencies says the same of coverage: who published nothing, and when
    // each last published.
    let agencies = get(site, "/agencies", &Auth::Anonymous).await;
    assert!(
        agencies
            .text
            .contains("One agency has published nothing yet.")
    );
    assert!(
        agencies.text.contains("<td>Never</td>"),
        "{}",
        agencies.text
    );
    let dutch = get(site, "/nl/statistics", &Auth::Anonymous).await;
    assert!(dutch.text.contains("Systemen per fase"));
    assert!(dutch.text.contains(r#"href="/nl/systems?stage=in_use""#));
}

/// The CSV: one number per row, the same as the JSON's.
async fn the_csv_holds_the_same_numbers(site: &axum::Router, counted: &Value) {
    let csv = get(site, "/api/v1/statistics.csv", &Auth::Anonymous).await;
    assert_eq!(csv.status, StatusCode::OK);
    let mut reader = csv::Reader::from_reader(csv.text.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec!["subject", "value", "number"]
    );
    let rows: BTreeMap<(String, String), String> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            ((r[0].to_string(), r[1].to_string()), r[2].to_string())
        })
        .collect();
    let number =
        |subject: &str, value: &str| rows[&(subject.to_string(), value.to_string())].clone();
    assert_eq!(
        number("register", "systems"),
        counted["systems"].to_string()
    );
    for count in counted["by_stage"].as_array().unwrap() {
        assert_eq!(
            number("stage", count["value"].as_str().unwrap()),
            count["systems"].to_string()
        );
    }
    assert_eq!(
        number("review", "overdue"),
        counted["reviews"]["overdue"].to_string()
    );
    assert_eq!(number("agency_systems", "harbour-authority"), "0");
    assert_eq!(number("agency_last_published", "harbour-authority"), "");
}

//! The register's counts are kept by the writes, not counted per request:
//! after publishes, retirements, audits, an import and a write that was
//! rolled back, what the home page, `/agencies`, an agency page and
//! `/healthz` show equals a count made straight from the tables, on both
//! databases; and recounting from scratch (migration 0012) gives the same.

use crate::support::ENGLISH;
use crate::support::databases::TestDatabase;
use app::record::{Agency, AgencySlug, Audit, AuditOutcome, RiskLevel, Stage, SystemId};
use app::register::Register;
use lantern::import::{self, lantern_json};
use lantern::storage::{NewAudit, PublishOutcome, PublishedCounts, Storage};
use serde_json::json;
use sqlx::AnyConnection;
use std::collections::BTreeMap;

/// Every count the register keeps, made from the tables by SQL of the test's own.
pub(crate) async fn counted_directly(conn: &mut AnyConnection) -> PublishedCounts {
    const CURRENT: &str = "systems s JOIN system_versions v \
        ON v.system_id = s.id AND v.version = s.current_version";
    let queries = [
        ("all", format!("SELECT '', count(*) FROM {CURRENT}")),
        (
            "agency",
            format!("SELECT s.agency, count(*) FROM {CURRENT} GROUP BY s.agency"),
        ),
        (
            "stage",
            format!("SELECT v.stage, count(*) FROM {CURRENT} GROUP BY v.stage"),
        ),
        (
            "risk_level",
            format!("SELECT v.risk_level, count(*) FROM {CURRENT} GROUP BY v.risk_level"),
        ),
        (
            "topic",
            format!("SELECT v.topic, count(*) FROM {CURRENT} GROUP BY v.topic"),
        ),
        (
            "technique",
            format!(
                "SELECT t.technique, count(*) FROM {CURRENT} \
                 JOIN system_techniques t ON t.system_id = s.id GROUP BY t.technique"
            ),
        ),
        (
            "audit",
            format!(
                "SELECT coalesce(s.audit_outcome, 'none'), count(*) FROM {CURRENT} \
                 GROUP BY coalesce(s.audit_outcome, 'none')"
            ),
        ),
        (
            "personal_data",
            format!("SELECT s.personal_data, count(*) FROM {CURRENT} GROUP BY s.personal_data"),
        ),
        (
            "completeness",
            format!(
                "SELECT CASE WHEN s.completeness = 100 THEN 'complete' ELSE 'incomplete' END, \
                 count(*) FROM {CURRENT} WHERE s.completeness IS NOT NULL \
                 GROUP BY CASE WHEN s.completeness = 100 THEN 'complete' ELSE 'incomplete' END"
            ),
        ),
        (
            "missing",
            format!(
                "SELECT m.field, count(*) FROM {CURRENT} \
                 JOIN system_missing_fields m ON m.system_id = s.id GROUP BY m.field"
            ),
        ),
        (
            "review",
            format!(
                "SELECT s.review, count(*) FROM {CURRENT} WHERE s.review IS NOT NULL \
                 GROUP BY s.review"
            ),
        ),
    ];
    let mut counts = PublishedCounts::default();
    for (facet, sql) in queries {
        let rows: Vec<(String, i64)> = sqlx::query_as(&sql).fetch_all(&mut *conn).await.unwrap();
        let values: &mut BTreeMap<String, i64> = counts.0.entry(facet.to_string()).or_default();
        values.extend(rows);
    }
    counts
}

/// The kept counts without the values no system has any more.
pub(crate) async fn kept(storage: &Storage) -> PublishedCounts {
    let mut counts = storage.published_counts().await.unwrap();
    for values in counts.0.values_mut() {
        values.retain(|value, n| *n != 0 || value.is_empty());
    }
    counts
}

fn audit(system: &SystemId, audited_on: &str, outcome: AuditOutcome) -> NewAudit {
    NewAudit {
        system: system.clone(),
        audit: Audit {
            auditor: "Counting Oversight Board".into(),
            audited_on: audited_on.into(),
            outcome,
            findings: "Findings.".into(),
            report_url: None,
            next_due: None,
        },
    }
}

/// A file of three new systems, two of them for an agency the register does
/// not have yet.
fn import_file() -> lantern::import::ParsedFile {
    let file = json!({"systems": [
        {"agency_ref": "HB-1", "agency": "harbour-authority", "name": "Berth planner",
         "summary": "Plans berths.", "stage": "in_use", "topic": "transport",
         "risk_level": "minimal", "technique": ["rules"]},
        {"agency_ref": "HB-2", "agency": "harbour-authority", "name": "Cargo risk",
         "summary": "Scores containers.", "stage": "pilot", "topic": "transport",
         "risk_level": "high", "technique": ["classical_ml", "computer_vision"]},
        {"agency_ref": "TX-9", "name": "Letter sorter", "summary": "Sorts letters.",
         "stage": "in_use", "topic": "tax"},
    ]});
    let agency_of = |slug: &AgencySlug| {
        ["harbour-authority", "tax-office"]
            .contains(&slug.0.as_str())
            .then(|| Agency {
                slug: slug.clone(),
                name: format!("The {}", slug.0),
                jurisdiction: String::new(),
                website: None,
                contact: None,
                description: String::new(),
            })
    };
    let parsed = lantern_json::parse(
        file.to_string().as_bytes(),
        &AgencySlug("tax-office".into()),
        &agency_of,
        ENGLISH,
    )
    .unwrap();
    assert_eq!(parsed.records.len(), 3, "{:?}", parsed.rejected);
    parsed
}

/// Publishes a new version of a demo system with `change` applied.
async fn publish_change(
    storage: &Storage,
    id: &SystemId,
    change: impl FnOnce(&mut app::record::SystemContent),
) {
    let system = storage.system(id).await.unwrap().unwrap();
    let mut content = system.content.clone();
    change(&mut content);
    let mut tx = storage.begin().await.unwrap();
    let outcome = Storage::publish(
        &mut tx,
        id,
        &system.agency,
        &content,
        "Changed for the count test",
        "2030-01-01T00:00:00Z",
    )
    .await
    .unwrap();
    assert!(matches!(outcome, PublishOutcome::Updated(_)), "{outcome:?}");
    tx.commit().await.unwrap();
}

/// What the pages show, checked against the direct count.
async fn assert_pages_show(storage: &Storage, direct: &PublishedCounts, db: &str) {
    let overview = storage.overview().await.unwrap();
    assert_eq!(overview.systems, direct.systems(), "{db}: home page total");
    for (stage, n) in &overview.by_stage {
        assert_eq!(*n, direct.get("stage", stage.as_str()), "{db}: {stage:?}");
    }
    for (risk, n) in &overview.by_risk_level {
        assert_eq!(
            *n,
            direct.get("risk_level", risk.as_str()),
            "{db}: {risk:?}"
        );
    }
    for (audit, n) in &overview.by_audit {
        assert_eq!(*n, direct.get("audit", audit.as_str()), "{db}: {audit:?}");
    }
    let agencies = storage.agencies().await.unwrap();
    assert_eq!(overview.agencies, agencies.len() as i64, "{db}");
    for listed in &agencies {
        let slug = &listed.agency.slug;
        assert_eq!(
            listed.systems,
            direct.get("agency", &slug.0),
            "{db}: /agencies {slug}"
        );
        let page = storage.agency(slug).await.unwrap().unwrap();
        assert_eq!(page.systems, listed.systems, "{db}: agency page {slug}");
    }
    assert_eq!(
        storage.health().await.unwrap().systems,
        direct.systems(),
        "{db}: /healthz"
    );
}

#[tokio::test]
async fn the_kept_counts_equal_a_direct_count_after_every_kind_of_write() {
    TestDatabase::on_both(async |db| {
        let storage = &db.storage;
        let name = db.name;
        lantern::demo::seed_if_empty(storage).await.unwrap();
        let demo = lantern::demo::register();
        let ids: Vec<SystemId> = demo
            .systems
            .iter()
            .map(|s| import::stable_id("demo", &s.key))
            .collect();

        // A new version that moves stage, risk level and topic.
        publish_change(storage, &ids[0], |c| {
            c.stage = Stage::Pilot;
            c.risk_level = RiskLevel::High;
            c.topic = app::record::Topic::Education;
        })
        .await;
        // A retirement, and a second version of a retired system.
        publish_change(storage, &ids[1], |c| {
            c.stage = Stage::Retired;
            c.retired_on = Some("2029-12-31".into());
        })
        .await;
        publish_change(storage, &ids[1], |c| {
            c.summary = "Retired, and said so.".into()
        })
        .await;
        // Its techniques withheld: it no longer counts under any technique.
        publish_change(storage, &ids[2], |c| {
            c.withheld.push(app::record::Withheld {
                field: "technique".into(),
                reason: "Security.".into(),
            });
        })
        .await;
        // Audits: a first one, a later one that changes the outcome, and an
        // older one recorded afterwards that changes nothing.
        let mut tx = storage.begin().await.unwrap();
        for (system, date, outcome) in [
            (&ids[3], "2029-01-01", AuditOutcome::InProgress),
            (&ids[3], "2029-06-01", AuditOutcome::Failed),
            (&ids[3], "2020-01-01", AuditOutcome::Passed),
            (&ids[4], "2029-02-01", AuditOutcome::PassedWithFindings),
        ] {
            Storage::record_audit(
                &mut tx,
                &audit(system, date, outcome),
                "2030-01-02T00:00:00Z",
            )
            .await
            .unwrap();
        }
        tx.commit().await.unwrap();
        // An import with a new agency, twice (the second changes nothing).
        let parsed = import_file();
        let first = import::write(storage, &parsed, "counts.json", false)
            .await
            .unwrap();
        assert_eq!((first.new, first.agencies_created), (3, 1), "{name}");
        import::write(storage, &parsed, "counts.json", false)
            .await
            .unwrap();
        // A write that was rolled back leaves no count behind.
        let before_rollback = kept(storage).await;
        let mut tx = storage.begin().await.unwrap();
        Storage::record_audit(
            &mut tx,
            &audit(&ids[5], "2029-03-01", AuditOutcome::Failed),
            "2030-01-03T00:00:00Z",
        )
        .await
        .unwrap();
        tx.rollback().await.unwrap();
        assert_eq!(kept(storage).await, before_rollback, "{name}");

        let mut conn = db.connect().await;
        let direct = counted_directly(&mut conn).await;
        assert_eq!(kept(storage).await, direct, "{name}: kept counts");
        assert!(direct.get("missing", "contact") > 0, "{name}");
        assert!(direct.get("completeness", "complete") > 0, "{name}");

        // Oversight as an upgrade finds it (migration 0020 leaves it NULL,
        // 0021 counts nothing), then worked out by the fill.
        for sql in [
            "UPDATE systems SET completeness = NULL, review_by = NULL, review = NULL",
            "DELETE FROM system_missing_fields",
            "DELETE FROM published_counts WHERE facet IN ('completeness', 'missing', 'review')",
        ] {
            sqlx::query(sql).execute(&mut conn).await.unwrap();
        }
        assert_eq!(
            storage.fill_oversight().await.unwrap() as i64,
            direct.systems(),
            "{name}"
        );
        assert_eq!(kept(storage).await, direct, "{name}: after the fill");

        // Years later, every record but the retired ones is overdue for review.
        let marked = storage
            .mark_overdue_reviews("2032-01-01T00:00:00Z")
            .await
            .unwrap();
        let direct = counted_directly(&mut conn).await;
        assert_eq!(
            kept(storage).await,
            direct,
            "{name}: after the review check"
        );
        assert_eq!(marked as i64, direct.get("review", "overdue"), "{name}");
        assert_eq!(
            direct.get("review", "overdue") + direct.get("stage", "retired"),
            direct.systems(),
            "{name}"
        );
        assert!(direct.get("stage", "retired") > 0, "{name}");
        assert_eq!(direct.get("agency", "harbour-authority"), 2, "{name}");
        assert!(direct.get("technique", "computer_vision") > 0, "{name}");
        assert_pages_show(storage, &direct, name).await;

        // Recounting from scratch, as the migration does, agrees.
        let recount = if name == "sqlite" {
            [
                include_str!("../../../migrations/sqlite/0012_published_counts.sql"),
                include_str!("../../../migrations/sqlite/0021_oversight_counts.sql"),
            ]
        } else {
            [
                include_str!("../../../migrations/postgres/0012_published_counts.sql"),
                include_str!("../../../migrations/postgres/0021_oversight_counts.sql"),
            ]
        };
        sqlx::query("UPDATE published_counts SET systems = systems + 5")
            .execute(&mut conn)
            .await
            .unwrap();
        for recount in recount {
            sqlx::raw_sql(recount).execute(&mut conn).await.unwrap();
        }
        assert_eq!(kept(storage).await, direct, "{name}: recounted");
        db.remove().await;
    })
    .await;
}

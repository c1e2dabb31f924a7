//! The storage layer behaves the same on SQLite and PostgreSQL.

use crate::support::ENGLISH;
use crate::support::databases;
use crate::support::shared_data;

use app::error::AppError;
use app::record::{AgencySlug, Audit, AuditOutcome, SystemId};
use app::register::Register;
use app::search::query::PER_PAGE;
use app::search::{Facet, Sort, SystemQuery};
use databases::TestDatabase;
use lantern::import::{self, us_omb_2025};
use lantern::storage::{NewAudit, PublishOutcome, Storage};
use std::collections::HashSet;

fn query() -> SystemQuery {
    SystemQuery::default()
}

/// A query from URL parameters, which must all be valid.
fn parse(params: &str) -> SystemQuery {
    let (query, problems) = SystemQuery::from_query_string(params);
    assert!(problems.is_empty(), "{problems:?}");
    query
}

/// Whether a query's filter on `facet` lets one of `values` through.
fn lets_through(query: &SystemQuery, facet: Facet, values: &[&str]) -> bool {
    query
        .filters
        .get(&facet)
        .is_none_or(|chosen| chosen.iter().any(|c| values.contains(&c.as_str())))
}

/// Every row a query matches, walking all its pages.
async fn all_pages(
    storage: &Storage,
    query: &SystemQuery,
) -> (i64, Vec<app::record::SystemSummary>) {
    let mut rows = Vec::new();
    let mut page = 1;
    loop {
        let list = storage.list_systems(&query.with_page(page)).await.unwrap();
        if list.systems.is_empty() {
            return (list.total, rows);
        }
        assert_eq!(
            list.total,
            storage.list_systems(query).await.unwrap().total,
            "the total is the same on every page"
        );
        rows.extend(list.systems);
        page += 1;
    }
}

#[tokio::test]
async fn demo_seed_fills_an_empty_register_once() {
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        let seeded = lantern::demo::seed_if_empty(storage).await.unwrap();
        let demo = lantern::demo::register();
        assert_eq!(seeded, Some(demo.systems.len()), "{}", db.name);
        assert_eq!(
            lantern::demo::seed_if_empty(storage).await.unwrap(),
            None,
            "{}: seeding twice adds nothing",
            db.name
        );
        let health = storage.health().await.unwrap();
        assert_eq!(health.systems as usize, demo.systems.len());
        assert_eq!(health.agencies as usize, demo.agencies.len());

        let overview = storage.overview().await.unwrap();
        assert_eq!(
            overview.by_stage.iter().map(|(_, n)| n).sum::<i64>(),
            health.systems
        );
        assert_eq!(
            overview.by_risk_level.iter().map(|(_, n)| n).sum::<i64>(),
            health.systems
        );
        assert_eq!(
            overview.by_audit.iter().map(|(_, n)| n).sum::<i64>(),
            health.systems
        );
        assert!(
            overview.by_stage.iter().all(|(_, n)| *n > 0),
            "{}: every stage is represented",
            db.name
        );
        assert!(
            overview.by_audit.iter().all(|(_, n)| *n > 0),
            "{}: every audit outcome is represented",
            db.name
        );
        assert_eq!(overview.recently_updated.len(), 6);
        db.remove().await;
    }
}

#[tokio::test]
async fn filters_combine_and_totals_match_the_rows_listed() {
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        lantern::demo::seed_if_empty(storage).await.unwrap();
        let demo = lantern::demo::register();

        let (total, rows) = all_pages(storage, &query()).await;
        assert_eq!(total as usize, demo.systems.len());
        assert_eq!(rows.len(), demo.systems.len());
        let ids: HashSet<_> = rows.iter().map(|r| r.id.clone()).collect();
        assert_eq!(ids.len(), rows.len(), "{}: no system on two pages", db.name);

        let first_agency = demo.agencies[0].slug.clone();
        let combos = [
            parse("stage=in_use"),
            parse("stage=in_use&stage=pilot"),
            parse("stage=in_use&risk_level=high"),
            parse(&format!("agency={first_agency}&sort=name")),
            parse("technique=classical_ml&technique=nlp"),
            parse("audit=none"),
            parse("audit=passed&stage=in_use"),
            parse("personal_data=yes&topic=benefits&topic=health"),
            parse("personal_data=no"),
        ];
        for q in combos {
            let expected: Vec<_> = demo
                .systems
                .iter()
                .filter(|s| lets_through(&q, Facet::Stage, &[s.content.stage.as_str()]))
                .filter(|s| lets_through(&q, Facet::RiskLevel, &[s.content.risk_level.as_str()]))
                .filter(|s| lets_through(&q, Facet::Topic, &[s.content.topic.as_str()]))
                .filter(|s| lets_through(&q, Facet::Agency, &[s.agency.as_str()]))
                .filter(|s| {
                    let techniques: Vec<&str> =
                        s.content.technique.iter().map(|t| t.as_str()).collect();
                    lets_through(&q, Facet::Technique, &techniques)
                })
                .filter(|s| {
                    let latest = s
                        .audits
                        .iter()
                        .max_by(|a, b| a.audited_on.cmp(&b.audited_on))
                        .map_or("none", |a| a.outcome.as_str());
                    lets_through(&q, Facet::Audit, &[latest])
                })
                .filter(|s| {
                    let personal = if lantern::storage::uses_personal_data(&s.content) {
                        "yes"
                    } else {
                        "no"
                    };
                    lets_through(&q, Facet::PersonalData, &[personal])
                })
                .collect();
            assert!(!expected.is_empty(), "{q:?} should match some demo systems");
            let (total, rows) = all_pages(storage, &q).await;
            assert_eq!(total as usize, expected.len(), "{}: {q:?}", db.name);
            assert_eq!(rows.len(), expected.len(), "{}: {q:?}", db.name);
            for row in &rows {
                assert!(lets_through(&q, Facet::Stage, &[row.stage.as_str()]));
                assert!(lets_through(
                    &q,
                    Facet::RiskLevel,
                    &[row.risk_level.as_str()]
                ));
            }
            if q.sort == Sort::Name {
                let names: Vec<String> = rows.iter().map(|r| r.name.to_lowercase()).collect();
                let mut sorted = names.clone();
                sorted.sort();
                assert_eq!(names, sorted, "{}: sorted by name", db.name);
            }
        }

        let beyond = storage
            .list_systems(&query().with_page(99_999))
            .await
            .unwrap();
        assert!(beyond.systems.is_empty());
        assert_eq!(
            beyond.total as usize,
            demo.systems.len(),
            "{}: past the last page the total is still known",
            db.name
        );
        let none = storage
            .list_systems(&parse("agency=no-such-agency"))
            .await
            .unwrap();
        assert_eq!((none.total, none.systems.len()), (0, 0));
        db.remove().await;
    }
}

#[tokio::test]
async fn a_change_is_a_new_version_and_the_same_content_is_not() {
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        lantern::demo::seed_if_empty(storage).await.unwrap();
        let demo = lantern::demo::register();
        let system = &demo.systems[0];
        let id = import::stable_id("demo", &system.key);
        let agency = AgencySlug(system.agency.clone());
        let before = storage.system(&id).await.unwrap().expect("seeded");

        let mut tx = storage.begin().await.unwrap();
        let same = Storage::publish(
            &mut tx,
            &id,
            &agency,
            &before.content,
            "again",
            "2030-01-01T00:00:00Z",
        )
        .await
        .unwrap();
        assert_eq!(same, PublishOutcome::Unchanged, "{}", db.name);
        let mut changed = before.content.clone();
        changed.summary = "A new summary.".into();
        let outcome = Storage::publish(
            &mut tx,
            &id,
            &agency,
            &changed,
            "New summary",
            "2030-01-01T00:00:00Z",
        )
        .await
        .unwrap();
        assert_eq!(
            outcome,
            PublishOutcome::Updated(before.version + 1),
            "{}",
            db.name
        );
        tx.commit().await.unwrap();

        let after = storage.system(&id).await.unwrap().unwrap();
        assert_eq!(after.version, before.version + 1);
        assert_eq!(after.content.summary, "A new summary.");
        assert_eq!(after.published_at.as_str(), "2030-01-01T00:00:00Z");
        let versions = storage.versions(&id).await.unwrap();
        assert_eq!(
            versions.len() as i64,
            after.version,
            "{}: older versions are kept",
            db.name
        );

        // Another agency can never publish over this system.
        let mut tx = storage.begin().await.unwrap();
        let other = AgencySlug(
            demo.agencies
                .iter()
                .find(|a| a.slug != agency)
                .unwrap()
                .slug
                .0
                .clone(),
        );
        let err = Storage::publish(
            &mut tx,
            &id,
            &other,
            &changed,
            "hijack",
            "2030-01-02T00:00:00Z",
        )
        .await
        .unwrap_err();
        assert!(matches!(err, AppError::Forbidden), "{}: {err:?}", db.name);
        tx.rollback().await.unwrap();
        db.remove().await;
    }
}

#[tokio::test]
async fn every_field_of_a_record_is_stored_and_read_back_as_written() {
    // A field added to the table but not to the storage's columns fails here.
    let content = app::record::fields::filled_content();
    let checked = lantern::publishing::check::content(&content, ENGLISH).unwrap();
    assert_eq!(
        checked, content,
        "the example record passes the write check as it is"
    );
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        lantern::demo::seed_if_empty(storage).await.unwrap();
        let agency = AgencySlug(lantern::demo::register().agencies[0].slug.0.clone());
        let id = SystemId("every-field".into());
        let mut tx = storage.begin().await.unwrap();
        let published = Storage::publish(
            &mut tx,
            &id,
            &agency,
            &content,
            "First",
            "2030-01-01T00:00:00Z",
        )
        .await
        .unwrap();
        assert_eq!(published, PublishOutcome::New, "{}", db.name);
        tx.commit().await.unwrap();
        let read = storage.system(&id).await.unwrap().expect("published");
        assert_eq!(read.content, content, "{}: the current version", db.name);
        let (_, version, _) = storage.version(&id, 1).await.unwrap().expect("version 1");
        assert_eq!(version, content, "{}: version 1", db.name);
        db.remove().await;
    }
}

#[tokio::test]
async fn the_latest_audit_is_the_one_with_the_latest_date() {
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        lantern::demo::seed_if_empty(storage).await.unwrap();
        let demo = lantern::demo::register();
        let system = demo
            .systems
            .iter()
            .find(|s| s.audits.is_empty())
            .expect("a never-audited demo system");
        let id = import::stable_id("demo", &system.key);
        let audit = |date: &str, outcome| NewAudit {
            system: id.clone(),
            audit: Audit {
                auditor: "Test Oversight Board".into(),
                audited_on: date.into(),
                outcome,
                findings: "Findings.".into(),
                report_url: None,
                next_due: None,
            },
        };
        let mut tx = storage.begin().await.unwrap();
        Storage::record_audit(
            &mut tx,
            &audit("2026-05-01", AuditOutcome::Failed),
            "2026-05-02T00:00:00Z",
        )
        .await
        .unwrap();
        Storage::record_audit(
            &mut tx,
            &audit("2025-01-01", AuditOutcome::Passed),
            "2026-05-03T00:00:00Z",
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        let shown = storage.system(&id).await.unwrap().unwrap().audit.unwrap();
        assert_eq!(
            (shown.audited_on.as_str(), shown.outcome),
            ("2026-05-01", AuditOutcome::Failed),
            "{}",
            db.name
        );
        let failed = parse("audit=failed");
        let (_, rows) = all_pages(storage, &failed).await;
        assert!(
            rows.iter().any(|r| r.id == id),
            "{}: lists filter on the latest audit",
            db.name
        );
        db.remove().await;
    }
}

#[tokio::test]
async fn unknown_ids_and_slugs_are_none() {
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        lantern::demo::seed_if_empty(storage).await.unwrap();
        assert!(
            storage
                .system(&SystemId("nope".into()))
                .await
                .unwrap()
                .is_none()
        );
        assert!(
            storage
                .system(&SystemId("'; DROP TABLE systems; --".into()))
                .await
                .unwrap()
                .is_none()
        );
        assert!(
            storage
                .agency(&AgencySlug("nope".into()))
                .await
                .unwrap()
                .is_none()
        );
        assert!(
            storage.health().await.unwrap().systems > 0,
            "{}: still there",
            db.name
        );
        db.remove().await;
    }
}

#[tokio::test]
async fn the_real_us_inventory_imports_once_and_reimports_as_unchanged() {
    let parsed = us_omb_2025::parse(
        &std::fs::read(shared_data::us_omb_2025_use_cases()).unwrap(),
        ENGLISH,
    )
    .unwrap();
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        let first = import::write(storage, &parsed, "the test file", false)
            .await
            .unwrap();
        assert_eq!(first.new + parsed.rejected.len(), 3611, "{}", db.name);
        assert_eq!(first.agencies_created, 41);
        let second = import::write(storage, &parsed, "the test file", false)
            .await
            .unwrap();
        assert_eq!(
            (second.new, second.updated, second.agencies_created),
            (0, 0, 0),
            "{}",
            db.name
        );
        assert_eq!(second.unchanged, first.new);
        // A row changed at the source becomes a new version of the same system.
        let mut changed = parsed.clone();
        changed.records[0].content.summary = "Changed at the source.".into();
        let third = import::write(storage, &changed, "the test file", false)
            .await
            .unwrap();
        assert_eq!(
            (third.new, third.updated, third.unchanged),
            (0, 1, first.new - 1),
            "{}",
            db.name
        );
        let system = storage
            .system(&changed.records[0].id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (system.version, system.content.summary.as_str()),
            (2, "Changed at the source.")
        );
        let health = storage.health().await.unwrap();
        assert_eq!(health.systems as usize, first.new);
        assert_eq!(health.agencies, 41);
        let agencies = storage.agencies().await.unwrap();
        assert_eq!(
            agencies.iter().map(|a| a.systems).sum::<i64>() as usize,
            first.new
        );
        // Filters on imported data: deployed, high-impact systems.
        let q = parse("stage=in_use&risk_level=high");
        let (total, rows) = all_pages(storage, &q).await;
        assert_eq!(total as usize, rows.len());
        assert!(
            total > PER_PAGE as i64,
            "{}: more than a page of deployed high-impact systems",
            db.name
        );
        db.remove().await;
    }
}

#[tokio::test]
async fn agency_names_follow_a_new_agency_at_once() {
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        lantern::demo::seed_if_empty(storage).await.unwrap();
        let before = storage.agency_names().await.unwrap();
        assert!(!before.is_empty(), "{}: the demo agencies", db.name);
        let agency = app::record::Agency {
            slug: AgencySlug("aardvark-office".into()),
            name: "Aardvark Office".into(),
            jurisdiction: String::new(),
            website: None,
            contact: None,
            description: String::new(),
        };
        let mut tx = storage.begin().await.unwrap();
        Storage::ensure_agency(&mut tx, &agency, "2026-11-28T00:00:00Z")
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let after = storage.agency_names().await.unwrap();
        assert_eq!(after.len(), before.len() + 1, "{}", db.name);
        assert_eq!(
            after[0],
            (agency.slug.clone(), agency.name.clone()),
            "{}: the names are read again after a write, in name order",
            db.name
        );
        db.remove().await;
    }
}

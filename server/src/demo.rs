//! The demo register: fictional agencies of the Republic of Northvale and the
//! City of Riverton, written by the team to show every part of a record.
//!
//! `lantern serve --demo` seeds it into an empty register, in one transaction.

use crate::import::stable_id;
use crate::storage::{NewAudit, Storage};
use anyhow::Context;
use app::record::{Agency, Audit, Stage, SystemContent};
use serde::Deserialize;
use time::{Duration, OffsetDateTime};

/// The demo data, in the shape of `server/src/demo/register.json`.
#[derive(Debug, Deserialize)]
pub struct DemoRegister {
    pub agencies: Vec<Agency>,
    pub systems: Vec<DemoSystem>,
}

/// A demo system: its record, its audits, and optionally an earlier version.
#[derive(Debug, Deserialize)]
pub struct DemoSystem {
    /// Stable and unique; the public id is derived from it.
    pub key: String,
    pub agency: String,
    #[serde(flatten)]
    pub content: SystemContent,
    pub audits: Vec<Audit>,
    pub previous: Option<PreviousVersion>,
}

/// How an earlier published version differed from the current one.
#[derive(Debug, Deserialize)]
pub struct PreviousVersion {
    pub summary: String,
    pub stage: Stage,
    pub change_summary: String,
}

/// The demo register shipped in the binary.
pub fn register() -> DemoRegister {
    serde_json::from_str(include_str!("demo/register.json"))
        .expect("the demo register is checked by the tests")
}

/// Seeds the demo register when the register has no systems yet.
///
/// Returns how many systems were seeded, or `None` when the register was not
/// empty (so seeding twice adds nothing).
pub async fn seed_if_empty(storage: &Storage) -> anyhow::Result<Option<usize>> {
    if storage.health().await?.systems > 0 {
        return Ok(None);
    }
    let demo = register();
    let now = OffsetDateTime::now_utc();
    let timestamp = crate::clock::format_timestamp;
    let mut tx = storage.begin().await?;
    for agency in &demo.agencies {
        Storage::ensure_agency(&mut tx, agency, &timestamp(now - Duration::days(400))).await?;
    }
    for (i, system) in demo.systems.iter().enumerate() {
        let id = stable_id("demo", &system.key);
        let agency = app::record::AgencySlug(system.agency.clone());
        // Spread publication times over the past weeks, so "recently updated"
        // has an order to show.
        let published = now - Duration::hours(7 * i as i64 + 1);
        if let Some(previous) = &system.previous {
            let earlier = SystemContent {
                summary: previous.summary.clone(),
                stage: previous.stage,
                ..system.content.clone()
            };
            Storage::publish(
                &mut tx,
                &id,
                &agency,
                &earlier,
                "First published.",
                &timestamp(published - Duration::days(180)),
            )
            .await
            .with_context(|| format!("demo system {}", system.key))?;
            Storage::publish(
                &mut tx,
                &id,
                &agency,
                &system.content,
                &previous.change_summary,
                &timestamp(published),
            )
            .await
            .with_context(|| format!("demo system {}", system.key))?;
        } else {
            Storage::publish(
                &mut tx,
                &id,
                &agency,
                &system.content,
                "First published.",
                &timestamp(published),
            )
            .await
            .with_context(|| format!("demo system {}", system.key))?;
        }
        for audit in &system.audits {
            let new = NewAudit {
                system: id.clone(),
                audit: audit.clone(),
            };
            Storage::record_audit(&mut tx, &new, &timestamp(published)).await?;
        }
    }
    tx.commit()
        .await
        .context("could not commit the demo register")?;
    Ok(Some(demo.systems.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::record::{AuditOutcome, RiskLevel, Topic};
    use std::collections::HashSet;

    #[test]
    fn the_demo_register_covers_every_value_and_is_consistent() {
        let demo = register();
        assert!(demo.agencies.len() >= 8);
        assert!(demo.systems.len() >= 40);
        let agencies: HashSet<&str> = demo.agencies.iter().map(|a| a.slug.0.as_str()).collect();
        let keys: HashSet<&str> = demo.systems.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys.len(), demo.systems.len(), "keys are unique");
        for system in &demo.systems {
            assert!(
                agencies.contains(system.agency.as_str()),
                "{} names an unknown agency",
                system.key
            );
            assert!(system.content.name.chars().count() <= 200);
            assert!(system.content.summary.chars().count() <= 500);
        }
        let stages: HashSet<Stage> = demo.systems.iter().map(|s| s.content.stage).collect();
        assert_eq!(stages.len(), Stage::ALL.len());
        let risks: HashSet<RiskLevel> = demo.systems.iter().map(|s| s.content.risk_level).collect();
        assert_eq!(risks.len(), RiskLevel::ALL.len());
        let topics: HashSet<Topic> = demo.systems.iter().map(|s| s.content.topic).collect();
        assert!(topics.len() >= 12);
        let outcomes: HashSet<AuditOutcome> = demo
            .systems
            .iter()
            .filter_map(|s| {
                s.audits
                    .iter()
                    .max_by(|a, b| a.audited_on.cmp(&b.audited_on))
            })
            .map(|a| a.outcome)
            .collect();
        assert_eq!(
            outcomes.len(),
            AuditOutcome::ALL.len(),
            "every latest-audit outcome appears"
        );
        assert!(demo.systems.iter().any(|s| s.audits.is_empty()));
        assert!(
            demo.systems
                .iter()
                .filter(|s| !s.content.withheld.is_empty())
                .count()
                >= 3
        );
        use app::record::fields::{FIELDS, Kind};
        let markdown: Vec<String> = demo
            .systems
            .iter()
            .flat_map(|s| {
                FIELDS
                    .iter()
                    .filter(|field| field.kind == Kind::Markdown)
                    .filter_map(|field| s.content.value(field.name))
                    .map(|value| value.words())
            })
            .collect();
        assert!(
            markdown.iter().any(|m| m.contains("](https://")),
            "markdown links"
        );
        assert!(
            markdown
                .iter()
                .any(|m| m.starts_with("- ") || m.contains("\n- ")),
            "markdown lists"
        );
        assert!(
            markdown.iter().any(|m| m.contains("**")),
            "markdown emphasis"
        );
    }
}

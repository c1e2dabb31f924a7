//! `lantern seed --synthetic N [--seed S]`: a register of made-up but
//! realistic systems, for benchmarks. The same N and S always give the same
//! systems (same ids, names and facets), so anyone can rebuild the benchmark
//! data; seeding again with the same arguments changes nothing.

mod vocabulary;

use crate::config::DataConfig;
use crate::import::{self, ImportRecord, ParsedFile, stable_id};
use crate::storage::{CountMoves, NewAudit, Storage};
use anyhow::Context;
use app::record::{
    Agency, Audit, AuditOutcome, DataSet, DecisionRole, PersonalData, RiskLevel, Stage,
    SystemContent, Technique, Topic,
};
use vocabulary::{SUPPLIERS, TASKS, agencies, subjects};

/// A small, fast, deterministic random number generator (SplitMix64): the
/// same seed gives the same sequence on every machine.
struct SeededRandom(u64);

impl SeededRandom {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number from 0 to `n - 1`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// True with probability `percent` in 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// `count` synthetic systems from `seed`, as an import would read them.
pub fn generate(count: usize, seed: u64) -> ParsedFile {
    let agencies = agencies();
    let mut dice = SeededRandom(seed);
    let mut records = Vec::with_capacity(count);
    for n in 0..count {
        let (agency, home_topic) = dice.pick(&agencies).clone();
        let traits = Traits::roll(&mut dice, home_topic);
        let content = traits.content(&mut dice, &agency, n);
        records.push(ImportRecord {
            row: n + 1,
            id: stable_id("synthetic", &format!("{seed}/{n}")),
            agency,
            content,
        });
    }
    ParsedFile {
        records,
        rejected: Vec::new(),
    }
}

/// What the dice decide about a system before its words are written.
struct Traits {
    topic: Topic,
    subject: &'static str,
    task: &'static str,
    technique: Technique,
    techniques: Vec<Technique>,
    stage: Stage,
    risk_level: RiskLevel,
    personal: PersonalData,
}

impl Traits {
    fn roll(dice: &mut SeededRandom, home_topic: Topic) -> Traits {
        // Most systems serve their agency's own field; some are back-office.
        let topic = if dice.chance(80) {
            home_topic
        } else {
            *dice.pick(&[
                Topic::Administration,
                Topic::ServiceDelivery,
                Topic::Other,
                Topic::Science,
            ])
        };
        let subject = *dice.pick(subjects(topic));
        let (task, technique) = *dice.pick(&TASKS);
        let mut techniques = vec![technique];
        if dice.chance(20) {
            techniques.push(*dice.pick(Technique::ALL));
        }
        techniques.sort();
        techniques.dedup();
        let stage = *dice.pick(&[
            Stage::InUse,
            Stage::InUse,
            Stage::InUse,
            Stage::Pilot,
            Stage::Development,
            Stage::Planned,
            Stage::Retired,
        ]);
        let risk_level = *dice.pick(&[
            RiskLevel::Minimal,
            RiskLevel::Limited,
            RiskLevel::Limited,
            RiskLevel::High,
            RiskLevel::Unassessed,
        ]);
        let personal = if dice.chance(60) {
            *dice.pick(&[PersonalData::Identified, PersonalData::Pseudonymised])
        } else {
            PersonalData::None
        };
        Traits {
            topic,
            subject,
            task,
            technique,
            techniques,
            stage,
            risk_level,
            personal,
        }
    }

    /// The record of system number `n`. The dice are read in the order the
    /// fields are written, so the same seed gives the same words.
    fn content(self, dice: &mut SeededRandom, agency: &Agency, n: usize) -> SystemContent {
        let Traits {
            topic,
            subject,
            task,
            technique,
            techniques,
            stage,
            risk_level,
            personal,
        } = self;
        let name = format!("{} {task}", capitalise(subject));
        let unit = format!(
            "{} {} team",
            capitalise(subject),
            dice.pick(&["operations", "analytics", "digital", "casework"])
        );
        SystemContent {
            agency_ref: Some(format!("{}-{:05}", agency.slug.0.to_uppercase(), n)),
            name: format!("{name} {}", n % 97),
            summary: format!(
                "{} for {subject}s at the {}, so staff can handle the {subject}s that need attention first.",
                capitalise(task),
                agency.name
            ),
            unit: Some(unit),
            contact: None,
            purpose: format!(
                "The {} receives many {subject}s every week. This {task} helps staff decide which to look at first, \
                 reduces waiting times for citizens and makes decisions more consistent across offices.",
                agency.name
            ),
            how_it_works: format!(
                "The system reads each new {subject} and the history held about it, applies a {} model, \
                 and shows the result to a case officer with the reasons that weighed most. \
                 Officers can override every result; overrides are reviewed monthly.",
                technique.label().to_lowercase()
            ),
            stage,
            in_use_since: (stage == Stage::InUse)
                .then(|| format!("20{:02}-{:02}-01", 18 + dice.below(8), 1 + dice.below(12))),
            retired_on: (stage == Stage::Retired)
                .then(|| format!("2025-{:02}-15", 1 + dice.below(12))),
            topic,
            tags: vec![subject.to_string(), task.to_string()],
            technique: techniques,
            risk_level,
            decision_role: Some(*dice.pick(DecisionRole::ALL)),
            human_oversight:
                "A case officer reviews every result before anything happens to a citizen.".into(),
            contest: format!(
                "Write to {} and ask for a review by a person.",
                agency.contact.clone().unwrap_or_default()
            ),
            data: vec![DataSet {
                name: format!("{} records", capitalise(subject)),
                description: format!("The {subject}s the agency holds."),
                source: agency.name.clone(),
                personal_data: Some(personal),
                sensitive_attributes: Vec::new(),
            }],
            explainability: "Each result lists the factors that weighed most.".into(),
            fairness: "Error rates are compared across age groups and regions every quarter."
                .into(),
            risks:
                "Results may be wrong for unusual cases; officers are told to check those by hand."
                    .into(),
            assessments: Vec::new(),
            legal_basis: format!(
                "The {} Act, section {}.",
                capitalise(subject),
                1 + dice.below(40)
            ),
            supplier: dice.chance(50).then(|| dice.pick(&SUPPLIERS).to_string()),
            withheld: Vec::new(),
            language: None,
            translations: Default::default(),
        }
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The audits of a generated register: about a third of the systems have one.
fn audits(parsed: &ParsedFile, seed: u64) -> Vec<NewAudit> {
    let mut dice = SeededRandom(seed ^ 0xA0D1_7000);
    let mut audits = Vec::new();
    for record in &parsed.records {
        if dice.chance(33) {
            audits.push(NewAudit {
                system: record.id.clone(),
                audit: Audit {
                    auditor: "Office of the Algorithm Auditor (synthetic)".into(),
                    audited_on: format!("2026-{:02}-{:02}", 1 + dice.below(10), 1 + dice.below(28)),
                    outcome: *dice.pick(AuditOutcome::ALL),
                    findings: "Synthetic findings.".into(),
                    report_url: None,
                    next_due: None,
                },
            });
        }
    }
    audits
}

/// `lantern seed --synthetic N --seed S`: writes the systems, then their
/// audits, each in one transaction. Audits are added only with new systems,
/// so seeding twice records nothing twice.
pub async fn run(data: &DataConfig, count: usize, seed: u64) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let parsed = generate(count, seed);
    let storage = data.open().await?;
    let summary = import::write(
        &storage,
        &parsed,
        &format!("{count} synthetic systems (seed {seed})"),
        true,
    )
    .await?;
    if summary.new > 0 {
        write_audits(&storage, &audits(&parsed, seed)).await?;
        storage.refresh_statistics().await?;
    }
    println!(
        "Seeded {count} synthetic systems (seed {seed}): {} new, {} unchanged ({:.1} s). \
         The search index catches up in the background, or run `lantern reindex`.",
        summary.new,
        summary.unchanged,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

async fn write_audits(storage: &Storage, audits: &[NewAudit]) -> anyhow::Result<()> {
    let now = crate::clock::now();
    let mut tx = storage.begin().await?;
    let mut counts = CountMoves::default();
    for audit in audits {
        Storage::record_audit_in_bulk(&mut tx, &mut counts, audit, &now).await?;
    }
    Storage::apply_count_moves(&mut tx, counts).await?;
    tx.commit().await.context("could not commit the audits")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_register() {
        let a = generate(200, 7);
        let b = generate(200, 7);
        assert_eq!(a, b);
        assert_ne!(a, generate(200, 8));
        let ids: std::collections::HashSet<_> = a.records.iter().map(|r| &r.id).collect();
        assert_eq!(ids.len(), 200, "ids are distinct");
    }

    #[test]
    fn every_facet_value_occurs() {
        let parsed = generate(2_000, 1);
        for stage in Stage::ALL {
            assert!(
                parsed.records.iter().any(|r| r.content.stage == *stage),
                "{stage:?}"
            );
        }
        assert!(
            parsed
                .records
                .iter()
                .any(|r| r.content.technique.contains(&Technique::Agentic))
        );
        let audited = audits(&parsed, 1).len();
        assert!(
            (500..800).contains(&audited),
            "about a third are audited: {audited}"
        );
    }
}

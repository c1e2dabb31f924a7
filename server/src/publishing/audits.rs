//! Audits: only auditors (oversight bodies) record them, on any agency's
//! published system. The auditor's name is their account's name.

use super::{Actor, check};
use crate::storage::{NewAudit, Storage};
use app::error::AppError;
use app::i18n::{FluentValue, Language, t_with_in};
use app::record::{Audit, AuditOutcome, Role, SystemId};
use std::collections::{BTreeMap, HashMap};

/// The longest findings text, in characters.
pub const MAX_FINDINGS: usize = 20_000;

/// Checks an audit as typed in the form (field name → text), naming every
/// wrong field in `language`. `auditor` is the recording account's name.
pub fn audit_input(
    fields: &HashMap<String, String>,
    auditor: &str,
    language: Language,
) -> Result<Audit, AppError> {
    let mut problems: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut problem = |field: &str, key: &str, args: &[(&str, FluentValue)]| {
        let message = t_with_in(language, key, args).into_owned();
        problems.entry(field.to_string()).or_default().push(message);
    };
    let text = |name: &str| {
        fields
            .get(name)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let audited_on = text("audited_on");
    match &audited_on {
        None => problem("audited_on", "check-audit-date", &[]),
        Some(date) if !check::is_date(date) => problem("audited_on", "check-real-date", &[]),
        _ => {}
    }
    let outcome = text("outcome").and_then(|o| AuditOutcome::parse(&o));
    if outcome.is_none() {
        let labels = AuditOutcome::labels_in(language);
        problem(
            "outcome",
            "check-choose-one-of",
            &[("names", labels.into())],
        );
    }
    let findings = text("findings").unwrap_or_default();
    if findings.chars().count() > MAX_FINDINGS {
        problem(
            "findings",
            "check-too-long",
            &[("max", MAX_FINDINGS.into())],
        );
    } else if let Some(wrong) = check::text_problem(&findings) {
        problem("findings", wrong, &[]);
    }
    let report_url = text("report_url");
    if let Some(url) = &report_url
        && !check::is_url(url)
    {
        problem("report_url", "check-url", &[]);
    }
    let next_due = text("next_due");
    if let Some(due) = &next_due {
        if !check::is_date(due) {
            problem("next_due", "check-real-date", &[]);
        } else if audited_on.as_deref().is_some_and(|on| due.as_str() <= on) {
            problem("next_due", "check-audit-next-due", &[]);
        }
    }
    match (audited_on, outcome) {
        (Some(audited_on), Some(outcome)) if problems.is_empty() => Ok(Audit {
            auditor: auditor.to_string(),
            audited_on,
            outcome,
            findings,
            report_url,
            next_due,
        }),
        _ => Err(AppError::Validation(problems)),
    }
}

/// Records an audit of a published system. Only auditors may.
pub async fn record_audit(
    storage: &Storage,
    actor: &Actor,
    id: &SystemId,
    fields: &HashMap<String, String>,
) -> Result<(), AppError> {
    let Actor::Account(person) = actor else {
        return Err(AppError::Forbidden);
    };
    if person.role != Role::Auditor {
        return Err(AppError::Forbidden);
    }
    let audit = audit_input(fields, &person.name, person.language)?;
    let mut tx = storage.begin().await?;
    let published = Storage::current_version(&mut tx, id)
        .await?
        .filter(|current| current.version.is_some());
    let Some(current) = published else {
        return Err(AppError::NotFound);
    };
    let now = crate::clock::now();
    let detail = format!(
        "Recorded an audit of {}: {}",
        audit.audited_on,
        audit.outcome.label()
    );
    Storage::record_audit(
        &mut tx,
        &NewAudit {
            system: id.clone(),
            audit,
        },
        &now,
    )
    .await?;
    let entry = actor.log("record_audit", Some(&current.agency), Some(id), detail);
    Storage::log_write(&mut tx, &entry).await?;
    tx.commit().await
}

//! Turning database rows into the record's types.
//!
//! Enumerations are stored by their stable names and lists as JSON text; a value
//! that does not parse means the database was written by something other than
//! this layer, and is reported as an internal error rather than guessed at.

use app::error::AppError;
use app::record::{
    AgencySlug, Audit, AuditOutcome, DecisionRole, RiskLevel, Stage, SystemContent, SystemId,
    SystemSummary, Topic,
};
use serde::de::DeserializeOwned;
use sqlx::Row;
use sqlx::any::AnyRow;

/// The columns of a version that make up [`SystemContent`], prefixed `v.`.
pub const CONTENT_COLUMNS: &str = "v.agency_ref, v.name, v.summary, v.unit, v.contact, \
    v.purpose, v.how_it_works, v.stage, v.in_use_since, v.retired_on, v.topic, \
    v.tags::text AS tags, v.technique::text AS technique, v.risk_level, v.decision_role, \
    v.human_oversight, v.contest, v.data::text AS data, v.explainability, v.fairness, v.risks, \
    v.assessments::text AS assessments, v.legal_basis, v.supplier, v.withheld::text AS withheld, \
    v.language, v.translations::text AS translations";

/// The columns of a [`SystemSummary`], for queries joining `systems s`, the
/// current `system_versions v` and `agencies a`.
pub const SUMMARY_COLUMNS: &str = "s.id, v.name, v.summary, s.agency, a.name AS agency_name, \
    v.stage, v.risk_level, v.topic, s.audit_outcome, rfc3339(v.published_at) AS published_at, \
    v.language, v.translations::text AS translations, s.review";

/// The joins that give every published system with its current version and agency.
pub const PUBLISHED: &str = "systems s \
    JOIN system_versions v ON v.system_id = s.id AND v.version = s.current_version \
    JOIN agencies a ON a.slug = s.agency";

pub fn text(row: &AnyRow, column: &str) -> Result<String, AppError> {
    row.try_get::<String, _>(column).map_err(decode_error)
}

pub fn optional_text(row: &AnyRow, column: &str) -> Result<Option<String>, AppError> {
    row.try_get::<Option<String>, _>(column)
        .map_err(decode_error)
}

pub fn integer(row: &AnyRow, column: &str) -> Result<i64, AppError> {
    row.try_get::<i64, _>(column).map_err(decode_error)
}

pub fn optional_integer(row: &AnyRow, column: &str) -> Result<Option<i64>, AppError> {
    row.try_get::<Option<i64>, _>(column).map_err(decode_error)
}

/// A flag: `boolean` in PostgreSQL, 0 or 1 in SQLite.
pub fn flag(row: &AnyRow, column: &str) -> Result<bool, AppError> {
    match row.try_get::<bool, _>(column) {
        Ok(flag) => Ok(flag),
        Err(_) => Ok(integer(row, column)? != 0),
    }
}

/// A stored stable name, parsed back into its enumeration.
pub fn closed<T>(row: &AnyRow, column: &str, parse: fn(&str) -> Option<T>) -> Result<T, AppError> {
    let name = text(row, column)?;
    parse(&name).ok_or_else(|| corrupt(column, &name))
}

pub fn optional_closed<T>(
    row: &AnyRow,
    column: &str,
    parse: fn(&str) -> Option<T>,
) -> Result<Option<T>, AppError> {
    match optional_text(row, column)? {
        None => Ok(None),
        Some(name) => parse(&name).map(Some).ok_or_else(|| corrupt(column, &name)),
    }
}

/// A list stored as JSON (`jsonb` read as `::text` in PostgreSQL).
pub fn json<T: DeserializeOwned>(row: &AnyRow, column: &str) -> Result<T, AppError> {
    let raw = text(row, column)?;
    serde_json::from_str(&raw).map_err(|_| corrupt(column, &raw))
}

pub fn content(row: &AnyRow) -> Result<SystemContent, AppError> {
    Ok(SystemContent {
        agency_ref: optional_text(row, "agency_ref")?,
        name: text(row, "name")?,
        summary: text(row, "summary")?,
        unit: optional_text(row, "unit")?,
        contact: optional_text(row, "contact")?,
        purpose: text(row, "purpose")?,
        how_it_works: text(row, "how_it_works")?,
        stage: closed(row, "stage", Stage::parse)?,
        in_use_since: optional_text(row, "in_use_since")?,
        retired_on: optional_text(row, "retired_on")?,
        topic: closed(row, "topic", Topic::parse)?,
        tags: json(row, "tags")?,
        technique: json(row, "technique")?,
        risk_level: closed(row, "risk_level", RiskLevel::parse)?,
        decision_role: optional_closed(row, "decision_role", DecisionRole::parse)?,
        human_oversight: text(row, "human_oversight")?,
        contest: text(row, "contest")?,
        data: json(row, "data")?,
        explainability: text(row, "explainability")?,
        fairness: text(row, "fairness")?,
        risks: text(row, "risks")?,
        assessments: json(row, "assessments")?,
        legal_basis: text(row, "legal_basis")?,
        supplier: optional_text(row, "supplier")?,
        withheld: json(row, "withheld")?,
        language: optional_text(row, "language")?,
        translations: json(row, "translations")?,
    })
}

/// The audit columns of a row (`auditor`, `audited_on`, `outcome`, …),
/// when the row has an audit.
pub fn audit(row: &AnyRow) -> Result<Option<Audit>, AppError> {
    let Some(outcome) = optional_closed(row, "outcome", AuditOutcome::parse)? else {
        return Ok(None);
    };
    Ok(Some(Audit {
        auditor: text(row, "auditor")?,
        audited_on: text(row, "audited_on")?,
        outcome,
        findings: text(row, "findings")?,
        report_url: optional_text(row, "report_url")?,
        next_due: optional_text(row, "next_due")?,
    }))
}

pub fn summary(row: &AnyRow) -> Result<SystemSummary, AppError> {
    Ok(SystemSummary {
        id: SystemId(text(row, "id")?),
        name: text(row, "name")?,
        summary: text(row, "summary")?,
        agency: AgencySlug(text(row, "agency")?),
        agency_name: text(row, "agency_name")?,
        stage: closed(row, "stage", Stage::parse)?,
        risk_level: closed(row, "risk_level", RiskLevel::parse)?,
        topic: closed(row, "topic", Topic::parse)?,
        audit: optional_closed(row, "audit_outcome", AuditOutcome::parse)?,
        published_at: text(row, "published_at")?.into(),
        review_overdue: optional_text(row, "review")?.as_deref()
            == Some(app::search::REVIEW_OVERDUE),
        language: optional_text(row, "language")?,
        translated: SystemSummary::list_texts(&json(row, "translations")?),
    })
}

fn decode_error(error: sqlx::Error) -> AppError {
    tracing::error!(%error, "could not read a database row");
    AppError::Internal(error.to_string())
}

fn corrupt(column: &str, value: &str) -> AppError {
    tracing::error!(column, value, "unexpected value in the database");
    AppError::Internal(format!("unexpected value in column {column}"))
}

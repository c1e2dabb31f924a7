//! Writing to the register: agencies, published versions and audits.
//!
//! Every function here takes an open transaction, so a caller that writes many
//! things (an import, the demo seed) commits all of them or none.

use super::changes::ChangeKind;
use super::rows;
use super::{Storage, database_error};
use app::error::AppError;
use app::record::{Agency, AgencySlug, Audit, PersonalData, Stage, SystemContent, SystemId};
use app::search::{PERSONAL_DATA_NO, PERSONAL_DATA_YES};
use sha2::{Digest, Sha256};
use sqlx::AnyConnection;
use sqlx::any::AnyRow;
use std::collections::HashMap;

/// What publishing a version did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PublishOutcome {
    /// A new system, published as version 1.
    New,
    /// A changed system, published as this new version.
    Updated(i64),
    /// The content equals the current version; nothing was written.
    Unchanged,
}

/// What the register holds for a system now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurrentVersion {
    pub agency: AgencySlug,
    /// `None` while the system has no published version.
    pub version: Option<i64>,
    pub content_hash: Option<String>,
}

const CURRENT_VERSION: &str = "SELECT s.id, s.agency, s.current_version, v.content_hash FROM systems s \
     LEFT JOIN system_versions v ON v.system_id = s.id AND v.version = s.current_version";

fn current_version(row: &AnyRow) -> Result<CurrentVersion, AppError> {
    Ok(CurrentVersion {
        agency: AgencySlug(rows::text(row, "agency")?),
        version: rows::optional_integer(row, "current_version")?,
        content_hash: rows::optional_text(row, "content_hash")?,
    })
}

/// An audit to record against a system.
#[derive(Clone, Debug, PartialEq)]
pub struct NewAudit {
    pub system: SystemId,
    pub audit: Audit,
}

/// A fingerprint of a version's content: equal content, equal hash.
pub fn content_hash(content: &SystemContent) -> String {
    // Serialising a struct writes its fields in declaration order, so the JSON,
    // and with it the hash, is the same every time for the same content.
    let json = serde_json::to_vec(content).expect("serialising plain data cannot fail");
    super::hex(&Sha256::digest(&json))
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("serialising plain data cannot fail")
}

impl Storage {
    /// Starts a transaction; everything written through it lands together or not at all.
    pub async fn begin(&self) -> Result<super::WriteTransaction, AppError> {
        // A write may add or rename agencies.
        self.agency_names.forget();
        self.write_transaction().await
    }

    /// Creates an agency if no agency has its slug yet; an existing one is left as it is.
    pub async fn ensure_agency(
        conn: &mut AnyConnection,
        agency: &Agency,
        now: &str,
    ) -> Result<bool, AppError> {
        let result = sqlx::query(
            "INSERT INTO agencies (slug, name, jurisdiction, website, contact, description, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (slug) DO NOTHING",
        )
        .bind(agency.slug.0.clone())
        .bind(agency.name.clone())
        .bind(agency.jurisdiction.clone())
        .bind(agency.website.clone())
        .bind(agency.contact.clone())
        .bind(agency.description.clone())
        .bind(now.to_string())
        .execute(&mut *conn)
        .await
        .map_err(database_error)?;
        Ok(result.rows_affected() == 1)
    }

    /// What the register holds for every system now: for imports, which compare
    /// many records at once instead of asking about each.
    pub async fn current_versions(
        conn: &mut AnyConnection,
    ) -> Result<HashMap<SystemId, CurrentVersion>, AppError> {
        let rows = sqlx::query(CURRENT_VERSION)
            .fetch_all(&mut *conn)
            .await
            .map_err(database_error)?;
        rows.iter()
            .map(|row| Ok((SystemId(rows::text(row, "id")?), current_version(row)?)))
            .collect()
    }

    /// [`Storage::current_versions`] outside a transaction: for a preview.
    pub async fn read_current_versions(
        &self,
    ) -> Result<HashMap<SystemId, CurrentVersion>, AppError> {
        let mut conn = self.pool.acquire().await.map_err(database_error)?;
        Self::current_versions(&mut conn).await
    }

    /// What the register holds for one system now, if it knows the system.
    pub async fn current_version(
        conn: &mut AnyConnection,
        id: &SystemId,
    ) -> Result<Option<CurrentVersion>, AppError> {
        let row = sqlx::query(&format!("{CURRENT_VERSION} WHERE s.id = $1"))
            .bind(id.0.clone())
            .fetch_optional(&mut *conn)
            .await
            .map_err(database_error)?;
        row.as_ref().map(current_version).transpose()
    }

    /// The content of a system's current published version, if it has one.
    pub async fn published_content(
        conn: &mut AnyConnection,
        id: &SystemId,
    ) -> Result<Option<SystemContent>, AppError> {
        let sql = format!(
            "SELECT {} FROM systems s JOIN system_versions v ON v.system_id = s.id \
             AND v.version = s.current_version WHERE s.id = $1",
            rows::CONTENT_COLUMNS
        );
        let row = sqlx::query(&sql)
            .bind(id.0.clone())
            .fetch_optional(&mut *conn)
            .await
            .map_err(database_error)?;
        row.as_ref().map(rows::content).transpose()
    }

    /// Publishes `content` as the next version of system `id`, owned by `agency`.
    ///
    /// Content equal to the current version writes nothing, so publishing the
    /// same record twice yields one version.
    pub async fn publish(
        conn: &mut AnyConnection,
        id: &SystemId,
        agency: &AgencySlug,
        content: &SystemContent,
        change_summary: &str,
        now: &str,
    ) -> Result<PublishOutcome, AppError> {
        let current = Self::current_version(conn, id).await?;
        Self::publish_over(
            conn,
            current.as_ref(),
            id,
            agency,
            content,
            change_summary,
            now,
        )
        .await
    }

    /// [`Storage::publish`] when the caller already knows what the register
    /// holds for the system (`None`: nothing yet).
    pub async fn publish_over(
        conn: &mut AnyConnection,
        current: Option<&CurrentVersion>,
        id: &SystemId,
        agency: &AgencySlug,
        content: &SystemContent,
        change_summary: &str,
        now: &str,
    ) -> Result<PublishOutcome, AppError> {
        let hash = content_hash(content);
        let version = match current {
            None => {
                sqlx::query(
                    "INSERT INTO systems (id, agency, current_version, audit_outcome, personal_data, \
                     created_at, updated_at) VALUES ($1, $2, 1, NULL, $3, $4, $4)",
                )
                .bind(id.0.clone())
                .bind(agency.0.clone())
                .bind(personal_data_value(content))
                .bind(now.to_string())
                .execute(&mut *conn)
                .await
                .map_err(database_error)?;
                1
            }
            Some(current) => {
                if current.agency != *agency {
                    return Err(AppError::Forbidden);
                }
                if current.content_hash.as_deref() == Some(hash.as_str()) {
                    return Ok(PublishOutcome::Unchanged);
                }
                // Migration 0010 repaired the line endings of stored texts
                // but left their hashes: when the hash differs, the content
                // itself decides, and the hash is mended.
                if let Some(version) = current.version
                    && Self::published_content(conn, id).await?.as_ref() == Some(content)
                {
                    sqlx::query(
                        "UPDATE system_versions SET content_hash = $1 \
                         WHERE system_id = $2 AND version = $3",
                    )
                    .bind(hash)
                    .bind(id.0.clone())
                    .bind(version)
                    .execute(&mut *conn)
                    .await
                    .map_err(database_error)?;
                    return Ok(PublishOutcome::Unchanged);
                }
                current.version.unwrap_or(0) + 1
            }
        };

        sqlx::query(
            "INSERT INTO system_versions (system_id, version, agency_ref, name, summary, unit, \
             contact, purpose, how_it_works, stage, in_use_since, retired_on, topic, tags, \
             technique, risk_level, decision_role, human_oversight, contest, data, \
             explainability, fairness, risks, assessments, legal_basis, supplier, withheld, \
             content_hash, change_summary, published_at, reviewed_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, \
             $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $30)",
        )
        .bind(id.0.clone())
        .bind(version)
        .bind(content.agency_ref.clone())
        .bind(content.name.clone())
        .bind(content.summary.clone())
        .bind(content.unit.clone())
        .bind(content.contact.clone())
        .bind(content.purpose.clone())
        .bind(content.how_it_works.clone())
        .bind(content.stage.as_str())
        .bind(content.in_use_since.clone())
        .bind(content.retired_on.clone())
        .bind(content.topic.as_str())
        .bind(to_json(&content.tags))
        .bind(to_json(&content.technique))
        .bind(content.risk_level.as_str())
        .bind(content.decision_role.map(|d| d.as_str()))
        .bind(content.human_oversight.clone())
        .bind(content.contest.clone())
        .bind(to_json(&content.data))
        .bind(content.explainability.clone())
        .bind(content.fairness.clone())
        .bind(content.risks.clone())
        .bind(to_json(&content.assessments))
        .bind(content.legal_basis.clone())
        .bind(content.supplier.clone())
        .bind(to_json(&content.withheld))
        .bind(hash)
        .bind(change_summary.to_string())
        .bind(now.to_string())
        .execute(&mut *conn)
        .await
        .map_err(database_error)?;

        if current.is_some() {
            sqlx::query(
                "UPDATE systems SET current_version = $1, personal_data = $2, updated_at = $3 \
                 WHERE id = $4",
            )
            .bind(version)
            .bind(personal_data_value(content))
            .bind(now.to_string())
            .bind(id.0.clone())
            .execute(&mut *conn)
            .await
            .map_err(database_error)?;
            sqlx::query("DELETE FROM system_techniques WHERE system_id = $1")
                .bind(id.0.clone())
                .execute(&mut *conn)
                .await
                .map_err(database_error)?;
        }
        // A withheld field is no filter either: filtering would tell it.
        let mut techniques = match content.withheld_reason("technique") {
            Some(_) => Vec::new(),
            None => content.technique.clone(),
        };
        techniques.sort();
        techniques.dedup();
        for technique in techniques {
            sqlx::query("INSERT INTO system_techniques (system_id, technique) VALUES ($1, $2)")
                .bind(id.0.clone())
                .bind(technique.as_str())
                .execute(&mut *conn)
                .await
                .map_err(database_error)?;
        }
        let kind = if version == 1 {
            ChangeKind::Published
        } else if content.stage == Stage::Retired
            && !Self::was_retired(conn, id, version - 1).await?
        {
            ChangeKind::Retired
        } else {
            ChangeKind::Updated
        };
        Self::record_change(conn, kind, id, version, None).await?;
        Self::queue_for_search(conn, id, now).await?;
        Ok(if version == 1 {
            PublishOutcome::New
        } else {
            PublishOutcome::Updated(version)
        })
    }

    /// Whether a system's version `version` has the stage `retired`.
    async fn was_retired(
        conn: &mut AnyConnection,
        id: &SystemId,
        version: i64,
    ) -> Result<bool, AppError> {
        let stage: Option<(String,)> = sqlx::query_as(
            "SELECT stage FROM system_versions WHERE system_id = $1 AND version = $2",
        )
        .bind(id.0.clone())
        .bind(version)
        .fetch_optional(&mut *conn)
        .await
        .map_err(database_error)?;
        Ok(stage.is_some_and(|(stage,)| stage == Stage::Retired.as_str()))
    }

    /// Records an audit and makes it the system's latest if it is the most recent.
    pub async fn record_audit(
        conn: &mut AnyConnection,
        new: &NewAudit,
        now: &str,
    ) -> Result<(), AppError> {
        let audit = &new.audit;
        let (audit_id,): (i64,) = sqlx::query_as(
            "INSERT INTO audits (system_id, auditor, audited_on, outcome, findings, report_url, \
             next_due, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(new.system.0.clone())
        .bind(audit.auditor.clone())
        .bind(audit.audited_on.clone())
        .bind(audit.outcome.as_str())
        .bind(audit.findings.clone())
        .bind(audit.report_url.clone())
        .bind(audit.next_due.clone())
        .bind(now.to_string())
        .fetch_one(&mut *conn)
        .await
        .map_err(database_error)?;
        // The latest audit is the one with the latest date, whatever order they
        // were recorded in.
        sqlx::query(
            "UPDATE systems SET audit_outcome = (SELECT outcome FROM audits \
             WHERE system_id = $1 ORDER BY audited_on DESC, id DESC LIMIT 1) WHERE id = $1",
        )
        .bind(new.system.0.clone())
        .execute(&mut *conn)
        .await
        .map_err(database_error)?;
        let (version,): (i64,) =
            sqlx::query_as("SELECT current_version FROM systems WHERE id = $1")
                .bind(new.system.0.clone())
                .fetch_one(&mut *conn)
                .await
                .map_err(database_error)?;
        Self::record_change(
            conn,
            ChangeKind::Audited,
            &new.system,
            version,
            Some(audit_id),
        )
        .await?;
        Self::queue_for_search(conn, &new.system, now).await
    }

    /// Tells the search index that a system changed, in the caller's transaction:
    /// the change and its outbox row are committed together or not at all.
    pub async fn queue_for_search(
        conn: &mut AnyConnection,
        id: &SystemId,
        now: &str,
    ) -> Result<(), AppError> {
        sqlx::query("INSERT INTO search_outbox (system_id, queued_at) VALUES ($1, $2)")
            .bind(id.0.clone())
            .bind(now.to_string())
            .execute(&mut *conn)
            .await
            .map_err(database_error)?;
        Ok(())
    }
}

/// The `personal_data` facet value of a version (see [`app::search::PERSONAL_DATA_YES`]).
fn personal_data_value(content: &SystemContent) -> &'static str {
    if uses_personal_data(content) {
        PERSONAL_DATA_YES
    } else {
        PERSONAL_DATA_NO
    }
}

/// Whether a version declares a data set holding personal data, pseudonymised
/// or not. Withheld data sets say nothing, here as on the page.
pub fn uses_personal_data(content: &SystemContent) -> bool {
    content.withheld_reason("data").is_none()
        && content.data.iter().any(|set| {
            matches!(
                set.personal_data,
                Some(PersonalData::Identified | PersonalData::Pseudonymised)
            )
        })
}

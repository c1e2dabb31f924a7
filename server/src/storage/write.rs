//! Writing to the register: agencies, what is current, audits and the search
//! outbox (publishing a version is in `publish.rs`).
//!
//! Every function here takes an open transaction, so a caller that writes many
//! things (an import, the demo seed) commits all of them or none.

use super::changes::ChangeKind;
use super::counts::CountMoves;
use super::rows;
use super::{DatabaseKind, Storage, database_error};
use app::error::AppError;
use app::record::{Agency, AgencySlug, Audit, SystemContent, SystemId};
use sqlx::AnyConnection;
use sqlx::any::AnyRow;
use std::collections::HashMap;

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

impl Storage {
    /// Starts a transaction; everything written through it lands together or not at all.
    pub async fn begin(&self) -> Result<super::WriteTransaction, AppError> {
        self.write_transaction().await
    }

    /// Creates an agency if no agency has its slug yet; an existing one is left as it is.
    pub async fn ensure_agency(
        conn: &mut AnyConnection,
        agency: &Agency,
        now: &str,
    ) -> Result<bool, AppError> {
        let result = sqlx::query(&DatabaseKind::of(conn).sql(
            "INSERT INTO agencies (slug, name, jurisdiction, website, contact, description, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz) ON CONFLICT (slug) DO NOTHING",
        ))
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
        let row = sqlx::query(&DatabaseKind::of(conn).sql(&sql))
            .bind(id.0.clone())
            .fetch_optional(&mut *conn)
            .await
            .map_err(database_error)?;
        row.as_ref().map(rows::content).transpose()
    }

    /// Records an audit and makes it the system's latest if it is the most recent.
    pub async fn record_audit(
        conn: &mut AnyConnection,
        new: &NewAudit,
        now: &str,
    ) -> Result<(), AppError> {
        let mut counts = CountMoves::default();
        Self::record_audit_in_bulk(conn, &mut counts, new, now).await?;
        Self::apply_count_moves(conn, counts).await
    }

    /// [`Storage::record_audit`] for writes of many audits in one
    /// transaction: the counts' moves gather in `counts`, for the caller to
    /// apply before it commits.
    pub async fn record_audit_in_bulk(
        conn: &mut AnyConnection,
        counts: &mut CountMoves,
        new: &NewAudit,
        now: &str,
    ) -> Result<(), AppError> {
        let audit = &new.audit;
        let (audit_id,): (i64,) = sqlx::query_as(&DatabaseKind::of(conn).sql(
            "INSERT INTO audits (system_id, auditor, audited_on, outcome, findings, report_url, \
             next_due, recorded_at, public_json) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz, $9) RETURNING id",
        ))
        .bind(new.system.0.clone())
        .bind(audit.auditor.clone())
        .bind(audit.audited_on.clone())
        .bind(audit.outcome.as_str())
        .bind(audit.findings.clone())
        .bind(audit.report_url.clone())
        .bind(audit.next_due.clone())
        .bind(now.to_string())
        .bind(super::public_json::of_audit(audit))
        .fetch_one(&mut *conn)
        .await
        .map_err(database_error)?;
        let counted_before = Self::counted(conn, &new.system).await?;
        // The latest audit is the one with the latest date, whatever order they
        // were recorded in; the system keeps its id and outcome.
        sqlx::query(
            "UPDATE systems SET (latest_audit, audit_outcome) = (SELECT id, outcome FROM audits \
             WHERE system_id = $1 ORDER BY audited_on DESC, id DESC LIMIT 1) WHERE id = $1",
        )
        .bind(new.system.0.clone())
        .execute(&mut *conn)
        .await
        .map_err(database_error)?;
        counts.add(counted_before, Self::counted(conn, &new.system).await?);
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
        let sql = "INSERT INTO search_outbox (system_id, queued_at) VALUES ($1, $2::timestamptz)";
        sqlx::query(&DatabaseKind::of(conn).sql(sql))
            .bind(id.0.clone())
            .bind(now.to_string())
            .execute(&mut *conn)
            .await
            .map_err(database_error)?;
        Ok(())
    }
}

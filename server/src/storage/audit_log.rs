//! The audit log: one row per write to the register, read by admins.

use super::rows;
use super::{DatabaseKind, Storage, database_error};
use app::error::AppError;
use sqlx::AnyConnection;

/// How many entries a page of the audit log shows.
pub const LOG_PAGE: i64 = 100;

/// One write: who, acting as what, when, what, on which agency and system.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogEntry {
    pub id: i64,
    /// RFC 3339, UTC.
    pub at: String,
    /// An account's email, `token 12`, or `terminal`.
    pub actor: String,
    /// A role (`editor`), or a token's scope (`token:publish`).
    pub acting_as: String,
    pub agency: Option<String>,
    /// What was done, e.g. `publish`, `save_draft`, `record_audit`.
    pub action: String,
    pub system_id: Option<String>,
    /// One line for people: what changed.
    pub detail: String,
}

impl Storage {
    /// Records a write, in the writer's transaction (so it lands with the write, or not at all).
    pub async fn log_write(conn: &mut AnyConnection, entry: &LogEntry) -> Result<(), AppError> {
        sqlx::query(&DatabaseKind::of(conn).sql(
            "INSERT INTO audit_log (at, actor, acting_as, agency, action, system_id, detail) \
             VALUES ($1::timestamptz, $2, $3, $4, $5, $6, $7)",
        ))
        .bind(entry.at.clone())
        .bind(entry.actor.clone())
        .bind(entry.acting_as.clone())
        .bind(entry.agency.clone())
        .bind(entry.action.clone())
        .bind(entry.system_id.clone())
        .bind(entry.detail.clone())
        .execute(&mut *conn)
        .await
        .map_err(database_error)?;
        Ok(())
    }

    /// The latest writes, newest first; `before` pages back from an entry's id.
    pub async fn audit_log(
        &self,
        limit: i64,
        before: Option<i64>,
    ) -> Result<Vec<LogEntry>, AppError> {
        let rows = sqlx::query(&self.kind.sql(
            "SELECT id, rfc3339(at) AS at, actor, acting_as, agency, action, system_id, detail \
             FROM audit_log WHERE id < $1 ORDER BY id DESC LIMIT $2",
        ))
        .bind(before.unwrap_or(i64::MAX))
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .map_err(database_error)?;
        rows.iter()
            .map(|row| {
                Ok(LogEntry {
                    id: rows::integer(row, "id")?,
                    at: rows::text(row, "at")?,
                    actor: rows::text(row, "actor")?,
                    acting_as: rows::text(row, "acting_as")?,
                    agency: rows::optional_text(row, "agency")?,
                    action: rows::text(row, "action")?,
                    system_id: rows::optional_text(row, "system_id")?,
                    detail: rows::text(row, "detail")?,
                })
            })
            .collect()
    }
}

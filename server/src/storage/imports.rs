//! Imports waiting for their editor's confirmation.

use super::rows;
use super::{DatabaseKind, Storage, database_error};
use app::error::AppError;
use app::record::AgencySlug;
use sqlx::AnyConnection;

/// An uploaded import, checked and waiting to be confirmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingImport {
    pub id: String,
    pub agency: AgencySlug,
    pub account_id: i64,
    pub file_name: String,
    /// The records to write, as JSON.
    pub records: String,
    /// RFC 3339, UTC.
    pub created_at: String,
}

impl Storage {
    /// Keeps an import until it is confirmed, and forgets imports older than `stale_before`.
    pub async fn save_pending_import(
        &self,
        pending: &PendingImport,
        stale_before: &str,
    ) -> Result<(), AppError> {
        let mut tx = self.write_transaction().await?;
        sqlx::query(
            &self
                .kind
                .sql("DELETE FROM pending_imports WHERE created_at < $1::timestamptz"),
        )
        .bind(stale_before.to_string())
        .execute(&mut *tx)
        .await
        .map_err(database_error)?;
        sqlx::query(&self.kind.sql(
            "INSERT INTO pending_imports (id, agency, account_id, file_name, records, created_at) \
             VALUES ($1, $2, $3, $4, $5::jsonb, $6::timestamptz)",
        ))
        .bind(pending.id.clone())
        .bind(pending.agency.0.clone())
        .bind(pending.account_id)
        .bind(pending.file_name.clone())
        .bind(pending.records.clone())
        .bind(pending.created_at.clone())
        .execute(&mut *tx)
        .await
        .map_err(database_error)?;
        tx.commit().await
    }

    /// A waiting import, taken out of the waiting list in the caller's
    /// transaction (so it is written once, whoever confirms twice).
    pub async fn take_pending_import(
        conn: &mut AnyConnection,
        id: &str,
    ) -> Result<Option<PendingImport>, AppError> {
        let row = sqlx::query(&DatabaseKind::of(conn).sql(
            "DELETE FROM pending_imports WHERE id = $1 RETURNING id, agency, account_id, \
             file_name, records::text AS records, rfc3339(created_at) AS created_at",
        ))
        .bind(id.to_string())
        .fetch_optional(&mut *conn)
        .await
        .map_err(database_error)?;
        row.map(|row| {
            Ok(PendingImport {
                id: rows::text(&row, "id")?,
                agency: AgencySlug(rows::text(&row, "agency")?),
                account_id: rows::integer(&row, "account_id")?,
                file_name: rows::text(&row, "file_name")?,
                records: rows::text(&row, "records")?,
                created_at: rows::text(&row, "created_at")?,
            })
        })
        .transpose()
    }
}

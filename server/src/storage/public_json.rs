//! Each version's content and each audit as the open data publishes them,
//! kept as JSON text beside their columns (`system_versions.public_members`,
//! `audits.public_json`).
//!
//! A published version and a recorded audit never change, so their JSON is
//! written once, in the transaction that publishes them, and the export
//! streams it instead of building every record again (see
//! `docs/performance.md`). The text is what `PublicContent` and `Audit`
//! serialise to, so a line of the export is byte for byte the answer of
//! `GET /api/v1/systems/{id}` (a test holds them to it).
//!
//! When the open data's shape changes (a field added, renamed or moved, an
//! enum value changed), the stored text is out of date: the shape it was
//! written in is kept in `public_json_shape`, and when Lantern opens the
//! database with another shape, it forgets the stored text.
//! [`Storage::fill_public_json`] writes what is missing (forgotten, written
//! by an older Lantern, or set to NULL by a migration): `lantern serve`
//! starts it in the background, and an export that meets a gap runs it
//! before going on (at 100,000 systems, about 25 s on a 2-core machine).

use super::{DatabaseKind, Storage, database_error, rows};
use app::error::AppError;
use app::record::{Audit, PublicContent, SystemContent};
use sha2::{Digest, Sha256};
use sqlx::Row;
use std::sync::LazyLock;

/// Rows written again per transaction while filling.
const FILL_BATCH: i64 = 500;

/// A version's content as the open data publishes it, withheld fields left
/// out: the members of its JSON object, without the braces (a record puts
/// them between the system's members and the audit's).
pub fn of_content(content: &SystemContent) -> String {
    let object = serde_json::to_string(&PublicContent::new(content.clone()))
        .expect("plain data always serialises");
    object
        .strip_prefix('{')
        .and_then(|rest| rest.strip_suffix('}'))
        .expect("a struct serialises as an object")
        .to_string()
}

/// An audit as the open data publishes it.
pub fn of_audit(audit: &Audit) -> String {
    serde_json::to_string(audit).expect("plain data always serialises")
}

/// A fingerprint of the stored JSON's shape: the JSON Schema of a version's
/// content and of an audit and everything in them, which names every field
/// in order, its type, whether it may be absent and every enum value.
fn shape() -> &'static str {
    static SHAPE: LazyLock<String> = LazyLock::new(|| {
        use utoipa::OpenApi;
        #[derive(OpenApi)]
        #[openapi(components(schemas(PublicContent, Audit)))]
        struct Shape;
        let schemas = Shape::openapi().components.map(|c| c.schemas);
        let text = serde_json::to_string(&schemas).expect("a schema always serialises");
        hex(&Sha256::digest(text.as_bytes()))
    });
    &SHAPE
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Storage {
    /// Forgets the stored JSON if it was written in another shape than this
    /// build's (run when Lantern opens the database, before anything reads
    /// it): [`Self::fill_public_json`] writes it again.
    pub(super) async fn forget_outdated_public_json(&self) -> Result<(), AppError> {
        let shape_now = "SELECT shape FROM public_json_shape";
        // Most starts find the shape unchanged: they need not wait for the
        // write lock (which a running server or import may hold) to see it.
        let stored: Option<(String,)> = sqlx::query_as(shape_now)
            .fetch_optional(&self.pool)
            .await
            .map_err(database_error)?;
        if stored.as_ref().map(|(shape,)| shape.as_str()) == Some(shape()) {
            return Ok(());
        }
        let mut tx = self.write_transaction().await?;
        let stored: Option<(String,)> = sqlx::query_as(shape_now)
            .fetch_optional(&mut *tx)
            .await
            .map_err(database_error)?;
        if stored.as_ref().map(|(shape,)| shape.as_str()) != Some(shape()) {
            for sql in [
                "UPDATE system_versions SET public_members = NULL WHERE public_members IS NOT NULL",
                "UPDATE audits SET public_json = NULL WHERE public_json IS NOT NULL",
                "DELETE FROM public_json_shape",
            ] {
                sqlx::query(sql)
                    .execute(&mut *tx)
                    .await
                    .map_err(database_error)?;
            }
            sqlx::query("INSERT INTO public_json_shape (shape) VALUES ($1)")
                .bind(shape().to_string())
                .execute(&mut *tx)
                .await
                .map_err(database_error)?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Writes the JSON of every version and audit that has none (`lantern
    /// serve` starts it in the background; an export that meets a gap runs
    /// it first). Returns how many were written.
    pub async fn fill_public_json(&self) -> Result<u64, AppError> {
        Ok(self.fill_versions().await? + self.fill_audits().await?)
    }

    /// Writes the JSON of every version that has none, a batch at a time in
    /// key order (so that two instances filling at once lock rows alike).
    async fn fill_versions(&self) -> Result<u64, AppError> {
        let sql = format!(
            "SELECT v.system_id, v.version, {} FROM system_versions v \
             WHERE v.public_members IS NULL AND (v.system_id > $1 OR (v.system_id = $1 AND v.version > $2)) \
             ORDER BY v.system_id, v.version LIMIT $3",
            rows::CONTENT_COLUMNS
        );
        let (mut after, mut written) = ((String::new(), 0_i64), 0);
        loop {
            let mut tx = self.write_transaction().await?;
            let missing = sqlx::query(&self.kind.sql(&sql))
                .bind(after.0.clone())
                .bind(after.1)
                .bind(FILL_BATCH)
                .fetch_all(&mut *tx)
                .await
                .map_err(database_error)?;
            let Some(last) = missing.last() else {
                return Ok(written);
            };
            after = (
                last.try_get("system_id").map_err(database_error)?,
                last.try_get("version").map_err(database_error)?,
            );
            for row in &missing {
                let id: String = row.try_get("system_id").map_err(database_error)?;
                let version: i64 = row.try_get("version").map_err(database_error)?;
                sqlx::query(
                    "UPDATE system_versions SET public_members = $1 WHERE system_id = $2 AND version = $3",
                )
                .bind(of_content(&rows::content(row)?))
                .bind(id)
                .bind(version)
                .execute(&mut *tx)
                .await
                .map_err(database_error)?;
            }
            written += missing.len() as u64;
            tx.commit().await?;
        }
    }

    /// Writes the JSON of every audit that has none, as [`Self::fill_versions`].
    async fn fill_audits(&self) -> Result<u64, AppError> {
        let (mut after, mut written) = (0_i64, 0);
        loop {
            let mut tx = self.write_transaction().await?;
            let missing = sqlx::query(
                "SELECT id, auditor, audited_on, outcome, findings, report_url, next_due \
                 FROM audits WHERE public_json IS NULL AND id > $1 ORDER BY id LIMIT $2",
            )
            .bind(after)
            .bind(FILL_BATCH)
            .fetch_all(&mut *tx)
            .await
            .map_err(database_error)?;
            let Some(last) = missing.last() else {
                return Ok(written);
            };
            after = last.try_get("id").map_err(database_error)?;
            for row in &missing {
                let id: i64 = row.try_get("id").map_err(database_error)?;
                let audit = rows::audit(row)?
                    .ok_or_else(|| AppError::Internal(format!("audit {id} has no outcome")))?;
                sqlx::query("UPDATE audits SET public_json = $1 WHERE id = $2")
                    .bind(of_audit(&audit))
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .map_err(database_error)?;
            }
            written += missing.len() as u64;
            tx.commit().await?;
        }
    }
}

/// The SQL that writes a text as a JSON string (`null` for NULL) in a
/// database's dialect: both escape as `serde_json` does.
pub(super) fn quote(kind: DatabaseKind, expression: &str) -> String {
    match kind {
        DatabaseKind::Sqlite => format!("json_quote({expression})"),
        DatabaseKind::Postgres => format!("coalesce(to_json({expression})::text, 'null')"),
    }
}

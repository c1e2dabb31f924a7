//! The search outbox: changes the search index has not taken in yet, the
//! documents it indexes, and the lease that lets one instance apply them.

use super::rows::{self, CONTENT_COLUMNS, PUBLISHED};
use super::{Storage, database_error};
use app::error::AppError;
use app::record::{SystemContent, SystemId, SystemSummary};

/// A change waiting for the search index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutboxEntry {
    pub id: i64,
    pub system: SystemId,
}

/// `$1, $2, …, $n`: the parameters of an `IN (…)` list.
fn placeholders(n: usize) -> String {
    (1..=n)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A published system as the search index takes it in: what a result
/// shows, and the content its searched words come from.
#[derive(Clone, Debug, PartialEq)]
pub struct IndexedSystem {
    pub summary: SystemSummary,
    pub content: SystemContent,
}

/// The columns of an [`IndexedSystem`]'s summary (its content's are `CONTENT_COLUMNS`).
const DOCUMENT_COLUMNS: &str = "s.id, s.agency, a.name AS agency_name, s.audit_outcome, \
    rfc3339(v.published_at) AS published_at, s.review";

impl Storage {
    /// The oldest changes waiting for the search index, at most `limit`.
    pub async fn pending_search_changes(&self, limit: i64) -> Result<Vec<OutboxEntry>, AppError> {
        let rows = sqlx::query("SELECT id, system_id FROM search_outbox ORDER BY id LIMIT $1")
            .bind(limit)
            .fetch_all(&self.pool)
            .await
            .map_err(database_error)?;
        rows.iter()
            .map(|row| {
                Ok(OutboxEntry {
                    id: rows::integer(row, "id")?,
                    system: SystemId(rows::text(row, "system_id")?),
                })
            })
            .collect()
    }

    /// How many changes are waiting for the search index.
    pub async fn pending_search_count(&self) -> Result<i64, AppError> {
        let (count,): (i64,) = sqlx::query_as("SELECT count(*) FROM search_outbox")
            .fetch_one(&self.pool)
            .await
            .map_err(database_error)?;
        Ok(count)
    }

    /// Forgets changes the search index now holds. Exactly these rows go:
    /// a change committed meanwhile keeps its row, whatever its id.
    pub async fn clear_search_changes(&self, ids: &[i64]) -> Result<(), AppError> {
        let mut tx = self.write_transaction().await?;
        for chunk in ids.chunks(500) {
            let sql = format!(
                "DELETE FROM search_outbox WHERE id IN ({})",
                placeholders(chunk.len())
            );
            let mut query = sqlx::query(&sql);
            for id in chunk {
                query = query.bind(*id);
            }
            query.execute(&mut *tx).await.map_err(database_error)?;
        }
        tx.commit().await
    }

    /// Those of `ids` that are published, as the index takes them in; an
    /// id without one has nothing to show and belongs out of the index.
    pub async fn indexed_systems(&self, ids: &[SystemId]) -> Result<Vec<IndexedSystem>, AppError> {
        let mut documents = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(500) {
            let sql = format!(
                "SELECT {DOCUMENT_COLUMNS}, {CONTENT_COLUMNS} FROM {PUBLISHED} WHERE s.id IN ({})",
                placeholders(chunk.len())
            );
            let sql = self.kind.sql(&sql);
            let mut query = sqlx::query(&sql);
            for id in chunk {
                query = query.bind(id.0.clone());
            }
            let rows = query.fetch_all(&self.pool).await.map_err(database_error)?;
            for row in &rows {
                documents.push(indexed_system(row)?);
            }
        }
        Ok(documents)
    }

    /// Up to `limit` published systems in id order, after `after`, as the
    /// index takes them in: the pages a rebuild walks through.
    pub async fn indexed_systems_after(
        &self,
        after: Option<&SystemId>,
        limit: i64,
    ) -> Result<Vec<IndexedSystem>, AppError> {
        let sql = format!(
            "SELECT {DOCUMENT_COLUMNS}, {CONTENT_COLUMNS} FROM {PUBLISHED} \
             WHERE s.id > $1 ORDER BY s.id LIMIT $2"
        );
        let rows = sqlx::query(&self.kind.sql(&sql))
            .bind(after.map(|id| id.0.clone()).unwrap_or_default())
            .bind(limit)
            .fetch_all(&self.pool)
            .await
            .map_err(database_error)?;
        rows.iter().map(indexed_system).collect()
    }

    /// Takes or renews the lease `name` for `holder` until `until`, if no other
    /// holder has it or theirs expired before `now`. Says whether it is held.
    pub async fn take_lease(
        &self,
        name: &str,
        holder: &str,
        now: &str,
        until: &str,
    ) -> Result<bool, AppError> {
        let mut tx = self.write_transaction().await?;
        let result = sqlx::query(&self.kind.sql(
            "INSERT INTO search_leases (name, holder, expires_at) \
             VALUES ($1, $2, $3::timestamptz) \
             ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at \
             WHERE search_leases.holder = excluded.holder \
             OR search_leases.expires_at < $4::timestamptz",
        ))
        .bind(name.to_string())
        .bind(holder.to_string())
        .bind(until.to_string())
        .bind(now.to_string())
        .execute(&mut *tx)
        .await
        .map_err(database_error)?;
        tx.commit().await?;
        Ok(result.rows_affected() == 1)
    }

    /// Gives the lease `name` up, if `holder` has it.
    pub async fn release_lease(&self, name: &str, holder: &str) -> Result<(), AppError> {
        let mut tx = self.write_transaction().await?;
        sqlx::query("DELETE FROM search_leases WHERE name = $1 AND holder = $2")
            .bind(name.to_string())
            .bind(holder.to_string())
            .execute(&mut *tx)
            .await
            .map_err(database_error)?;
        tx.commit().await
    }
}

fn indexed_system(row: &sqlx::any::AnyRow) -> Result<IndexedSystem, AppError> {
    Ok(IndexedSystem {
        summary: rows::summary(row)?,
        content: rows::content(row)?,
    })
}

//! What the register keeps on each system's row for oversight (migration
//! 0020): its completeness, the expected fields it leaves empty, its
//! review-by date (none once it is retired; see `review_dates.rs`) and whether that date has passed. Publishing writes them;
//! [`Storage::fill_oversight`] works them out for systems published before
//! they existed; [`Storage::mark_overdue_reviews`] turns a record overdue
//! when its date passes. Each moves the register's counts and queues the
//! system for the search index in its own transaction.

use super::counts::CountMoves;
use super::rows::{self, CONTENT_COLUMNS, PUBLISHED};
use super::{DatabaseKind, Storage, database_error};
use app::error::AppError;
use app::record::{OversightSettings, Stage, SystemContent, SystemId};
use app::search::{REVIEW_CURRENT, REVIEW_OVERDUE};
use sqlx::AnyConnection;

/// Systems worked out or marked per transaction.
const BATCH: i64 = 500;

impl Storage {
    /// Writes a system's completeness, missing fields, review-by date and
    /// review state from `content`, last reviewed at `reviewed_at`, as they
    /// stand at `now` under the register's `settings`. The caller moves the
    /// counts.
    pub(super) async fn set_oversight(
        conn: &mut AnyConnection,
        id: &SystemId,
        content: &SystemContent,
        reviewed_at: &str,
        now: &str,
        settings: &OversightSettings,
    ) -> Result<(), AppError> {
        let completeness = content.completeness();
        // A retired system is no longer reviewed: its record stays as it was.
        let review_by = match content.stage {
            Stage::Retired => None,
            _ => {
                let agency_date = Self::agency_review_by(conn, id).await?;
                Some(super::review_dates::review_by(
                    reviewed_at,
                    content.risk_level,
                    settings,
                    agency_date.as_deref(),
                )?)
            }
        };
        let review = match &review_by {
            Some(date) if date.as_str() < now => REVIEW_OVERDUE,
            _ => REVIEW_CURRENT,
        };
        sqlx::query(&DatabaseKind::of(conn).sql(
            "UPDATE systems SET completeness = $1, review_by = $2::timestamptz, review = $3 \
             WHERE id = $4",
        ))
        .bind(i64::from(completeness.score))
        .bind(review_by)
        .bind(review)
        .bind(id.0.clone())
        .execute(&mut *conn)
        .await
        .map_err(database_error)?;
        sqlx::query("DELETE FROM system_missing_fields WHERE system_id = $1")
            .bind(id.0.clone())
            .execute(&mut *conn)
            .await
            .map_err(database_error)?;
        for field in completeness.missing {
            sqlx::query("INSERT INTO system_missing_fields (system_id, field) VALUES ($1, $2)")
                .bind(id.0.clone())
                .bind(field)
                .execute(&mut *conn)
                .await
                .map_err(database_error)?;
        }
        Ok(())
    }

    /// Records that the agency reviewed system `id` at `now` and found its
    /// record still right ("reviewed, no change"): the current version's
    /// `reviewed_at` moves to `now`, the review period starts again, and
    /// the changes feed says so. `false` when the system has no published
    /// version. The caller checks who may, and commits.
    pub async fn record_review(
        conn: &mut AnyConnection,
        id: &SystemId,
        now: &str,
    ) -> Result<bool, AppError> {
        let Some(version) = Self::current_version(conn, id)
            .await?
            .and_then(|current| current.version)
        else {
            return Ok(false);
        };
        let Some(content) = Self::published_content(conn, id).await? else {
            return Ok(false);
        };
        sqlx::query(&DatabaseKind::of(conn).sql(
            "UPDATE system_versions SET reviewed_at = $1::timestamptz \
             WHERE system_id = $2 AND version = $3",
        ))
        .bind(now.to_string())
        .bind(id.0.clone())
        .bind(version)
        .execute(&mut *conn)
        .await
        .map_err(database_error)?;
        let mut counts = CountMoves::default();
        let before = Self::counted(conn, id).await?;
        let settings = Self::read_oversight_settings(conn).await?;
        Self::set_oversight(conn, id, &content, now, now, &settings).await?;
        counts.add(before, Self::counted(conn, id).await?);
        Self::apply_count_moves(conn, counts).await?;
        Self::record_change(conn, super::ChangeKind::Reviewed, id, version, None).await?;
        Self::queue_for_search(conn, id, now).await?;
        Ok(true)
    }

    /// Runs `claim`, an UPDATE of system `$1`'s row (with `$2` when given)
    /// that changes nothing but locks the row where its condition still
    /// holds: whether it did.
    pub(super) async fn claimed(
        conn: &mut AnyConnection,
        claim: &str,
        id: &SystemId,
        second: Option<&str>,
    ) -> Result<bool, AppError> {
        let sql = DatabaseKind::of(conn).sql(claim).into_owned();
        let mut query = sqlx::query(&sql).bind(id.0.clone());
        if let Some(second) = second {
            query = query.bind(second.to_string());
        }
        let done = query.execute(&mut *conn).await.map_err(database_error)?;
        Ok(done.rows_affected() == 1)
    }

    /// Works out the oversight of published systems that have none yet
    /// (published before migration 0020), a batch per transaction. Returns
    /// how many systems it worked out.
    pub async fn fill_oversight(&self) -> Result<u64, AppError> {
        let sql = format!(
            "SELECT s.id, rfc3339(coalesce(v.reviewed_at, v.published_at)) AS reviewed_at, \
             {CONTENT_COLUMNS} FROM {PUBLISHED} WHERE s.completeness IS NULL \
             ORDER BY s.id LIMIT {BATCH}"
        );
        let mut filled = 0;
        loop {
            let now = crate::clock::now();
            let mut tx = self.write_transaction().await?;
            let conn = &mut *tx;
            let found = sqlx::query(&self.kind.sql(&sql))
                .fetch_all(&mut *conn)
                .await
                .map_err(database_error)?;
            if found.is_empty() {
                return Ok(filled);
            }
            let settings = Self::read_oversight_settings(conn).await?;
            let mut counts = CountMoves::default();
            for row in &found {
                let id = SystemId(rows::text(row, "id")?);
                let reviewed_at = rows::text(row, "reviewed_at")?;
                // Another instance (or a publish) may have worked it out
                // since it was read: only a row still without it is taken,
                // and taking it holds the row until the commit, so its
                // counts move once.
                let claim = "UPDATE systems SET completeness = completeness \
                     WHERE id = $1 AND completeness IS NULL";
                if !Self::claimed(conn, claim, &id, None).await? {
                    continue;
                }
                let before = Self::counted(conn, &id).await?;
                filled += 1;
                let content = rows::content(row)?;
                Self::set_oversight(conn, &id, &content, &reviewed_at, &now, &settings).await?;
                counts.add(before, Self::counted(conn, &id).await?);
                Self::queue_for_search(conn, &id, &now).await?;
            }
            Self::apply_count_moves(conn, counts).await?;
            tx.commit().await?;
        }
    }

    /// Marks every record whose review-by date is before `now` as overdue,
    /// a batch per transaction. Returns how many it marked.
    pub async fn mark_overdue_reviews(&self, now: &str) -> Result<u64, AppError> {
        let mut marked = 0;
        loop {
            let mut tx = self.write_transaction().await?;
            let conn = &mut *tx;
            let due: Vec<(String,)> = sqlx::query_as(&self.kind.sql(&format!(
                "SELECT id FROM systems WHERE review = 'current' AND review_by < $1::timestamptz \
                 ORDER BY review_by, id LIMIT {BATCH}"
            )))
            .bind(now.to_string())
            .fetch_all(&mut *conn)
            .await
            .map_err(database_error)?;
            if due.is_empty() {
                return Ok(marked);
            }
            let mut counts = CountMoves::default();
            for (id,) in &due {
                let id = SystemId(id.clone());
                // As in the fill: only a record still due is taken (another
                // instance may have marked it, or a publish renewed it).
                let claim = "UPDATE systems SET review = review \
                     WHERE id = $1 AND review = 'current' AND review_by < $2::timestamptz";
                if !Self::claimed(conn, claim, &id, Some(now)).await? {
                    continue;
                }
                let before = Self::counted(conn, &id).await?;
                marked += 1;
                sqlx::query("UPDATE systems SET review = 'overdue' WHERE id = $1")
                    .bind(id.0.clone())
                    .execute(&mut *conn)
                    .await
                    .map_err(database_error)?;
                counts.add(before, Self::counted(conn, &id).await?);
                Self::queue_for_search(conn, &id, now).await?;
            }
            Self::apply_count_moves(conn, counts).await?;
            tx.commit().await?;
        }
    }
}

//! Drafts: unpublished work on a system, one per system, never public.

use super::rows;
use super::{DatabaseKind, Storage, database_error};
use app::error::AppError;
use app::record::{AgencySlug, Author, DraftState, SystemContent, SystemId};
use sqlx::AnyConnection;
use sqlx::any::AnyRow;

/// A draft of a system's next version (or of a new system's first).
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub system_id: SystemId,
    pub agency: AgencySlug,
    pub content: SystemContent,
    pub change_summary: String,
    pub state: DraftState,
    /// Who wrote it last: `account:ID` or `token:ID`.
    pub author: Author,
    pub author_name: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// RFC 3339, UTC.
    pub updated_at: String,
}

const DRAFT_COLUMNS: &str = "system_id, agency, content::text AS content, change_summary, \
    state, author, author_name, rfc3339(created_at) AS created_at, \
    rfc3339(updated_at) AS updated_at";

fn draft(row: &AnyRow) -> Result<Draft, AppError> {
    Ok(Draft {
        system_id: SystemId(rows::text(row, "system_id")?),
        agency: AgencySlug(rows::text(row, "agency")?),
        content: rows::json(row, "content")?,
        change_summary: rows::text(row, "change_summary")?,
        state: rows::closed(row, "state", DraftState::parse)?,
        author: rows::closed(row, "author", Author::parse)?,
        author_name: rows::text(row, "author_name")?,
        created_at: rows::text(row, "created_at")?,
        updated_at: rows::text(row, "updated_at")?,
    })
}

impl Storage {
    /// The draft of a system, if it has one.
    pub async fn draft(conn: &mut AnyConnection, id: &SystemId) -> Result<Option<Draft>, AppError> {
        let sql = format!("SELECT {DRAFT_COLUMNS} FROM drafts WHERE system_id = $1");
        let row = sqlx::query(&DatabaseKind::of(conn).sql(&sql))
            .bind(id.0.clone())
            .fetch_optional(&mut *conn)
            .await
            .map_err(database_error)?;
        row.as_ref().map(draft).transpose()
    }

    /// The draft of a system, read outside a transaction (for pages).
    pub async fn read_draft(&self, id: &SystemId) -> Result<Option<Draft>, AppError> {
        let mut conn = self.pool.acquire().await.map_err(database_error)?;
        Self::draft(&mut conn, id).await
    }

    /// Writes a draft, replacing the system's previous draft if it had one.
    pub async fn save_draft(conn: &mut AnyConnection, draft: &Draft) -> Result<(), AppError> {
        let content =
            serde_json::to_string(&draft.content).expect("serialising plain data cannot fail");
        let sql = DatabaseKind::of(conn).sql(
            "INSERT INTO drafts (system_id, agency, content, change_summary, state, author, \
             author_name, created_at, updated_at) \
             VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8::timestamptz, $9::timestamptz) \
             ON CONFLICT (system_id) DO UPDATE SET content = excluded.content, \
             change_summary = excluded.change_summary, state = excluded.state, \
             author = excluded.author, author_name = excluded.author_name, \
             updated_at = excluded.updated_at",
        );
        sqlx::query(&sql)
            .bind(draft.system_id.0.clone())
            .bind(draft.agency.0.clone())
            .bind(content)
            .bind(draft.change_summary.clone())
            .bind(draft.state.as_str())
            .bind(draft.author.to_string())
            .bind(draft.author_name.clone())
            .bind(draft.created_at.clone())
            .bind(draft.updated_at.clone())
            .execute(&mut *conn)
            .await
            .map_err(database_error)?;
        Ok(())
    }

    /// Moves a draft to another state.
    pub async fn set_draft_state(
        conn: &mut AnyConnection,
        id: &SystemId,
        state: DraftState,
        now: &str,
    ) -> Result<(), AppError> {
        let sql = "UPDATE drafts SET state = $1, updated_at = $2::timestamptz WHERE system_id = $3";
        sqlx::query(&DatabaseKind::of(conn).sql(sql))
            .bind(state.as_str())
            .bind(now.to_string())
            .bind(id.0.clone())
            .execute(&mut *conn)
            .await
            .map_err(database_error)?;
        Ok(())
    }

    /// Removes a draft once it is published.
    pub async fn delete_draft(conn: &mut AnyConnection, id: &SystemId) -> Result<(), AppError> {
        sqlx::query("DELETE FROM drafts WHERE system_id = $1")
            .bind(id.0.clone())
            .execute(&mut *conn)
            .await
            .map_err(database_error)?;
        Ok(())
    }

    /// The drafts of an agency, most recently changed first.
    pub async fn drafts_of(&self, agency: &AgencySlug) -> Result<Vec<Draft>, AppError> {
        let sql = format!(
            "SELECT {DRAFT_COLUMNS} FROM drafts WHERE agency = $1 ORDER BY updated_at DESC, system_id"
        );
        let rows = sqlx::query(&self.kind.sql(&sql))
            .bind(agency.0.clone())
            .fetch_all(&self.pool)
            .await
            .map_err(database_error)?;
        rows.iter().map(draft).collect()
    }

    /// Whether an agency publishes only what an approver approved.
    pub async fn requires_approval(
        conn: &mut AnyConnection,
        agency: &AgencySlug,
    ) -> Result<bool, AppError> {
        let row = sqlx::query("SELECT requires_approval FROM agencies WHERE slug = $1")
            .bind(agency.0.clone())
            .fetch_optional(&mut *conn)
            .await
            .map_err(database_error)?;
        match row {
            Some(row) => rows::flag(&row, "requires_approval"),
            None => Ok(false),
        }
    }

    /// Turns an agency's two-person rule on or off.
    pub async fn set_requires_approval(
        conn: &mut AnyConnection,
        agency: &AgencySlug,
        on: bool,
    ) -> Result<(), AppError> {
        let result = sqlx::query("UPDATE agencies SET requires_approval = $1 WHERE slug = $2")
            .bind(on)
            .bind(agency.0.clone())
            .execute(&mut *conn)
            .await
            .map_err(database_error)?;
        if result.rows_affected() == 0 {
            return Err(AppError::NotFound);
        }
        Ok(())
    }
}

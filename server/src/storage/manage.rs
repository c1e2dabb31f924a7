//! What the pages of `/manage` read: drafts, tokens, accounts, agencies and
//! the audit log, in the shapes the pages show.

use super::rows;
use super::{Storage, database_error};
use app::error::AppError;
use app::manage::{
    AccountLine, AgencyLine, DraftLine, DraftView, LogLine, ManageRegister, TokenLine,
};
use app::record::{AgencySlug, SystemContent, SystemId, Timestamp};

#[async_trait::async_trait]
impl ManageRegister for Storage {
    async fn mail_queue(&self) -> Result<app::mail::MailQueue, AppError> {
        Storage::mail_queue(self).await
    }

    async fn reviews_due(
        &self,
        agency: &AgencySlug,
        days: i64,
    ) -> Result<Vec<app::manage::ReviewDue>, AppError> {
        let until =
            crate::clock::format_timestamp(crate::clock::moment() + time::Duration::days(days));
        Ok(self.reviews_due_before(agency, &until, 200).await?.1)
    }

    async fn mail_turned_off(&self, account: i64) -> Result<Vec<app::mail::AccountMail>, AppError> {
        Storage::mail_turned_off(self, account).await
    }

    async fn drafts_of(&self, agency: &AgencySlug) -> Result<Vec<DraftLine>, AppError> {
        Ok(Storage::drafts_of(self, agency)
            .await?
            .into_iter()
            .map(|d| DraftLine {
                id: d.system_id,
                name: d.content.name,
                state: d.state,
                author_name: d.author_name,
                updated_at: d.updated_at.into(),
            })
            .collect())
    }

    async fn draft_view(&self, id: &SystemId) -> Result<Option<DraftView>, AppError> {
        Ok(self.read_draft(id).await?.map(|d| DraftView {
            id: d.system_id,
            agency: d.agency,
            state: d.state,
            author: d.author,
            author_name: d.author_name,
            change_summary: d.change_summary,
            content: d.content,
            updated_at: d.updated_at.into(),
        }))
    }

    async fn published(
        &self,
        id: &SystemId,
    ) -> Result<Option<(AgencySlug, SystemContent)>, AppError> {
        let mut conn = self.pool.acquire().await.map_err(database_error)?;
        let Some(current) = Storage::current_version(&mut conn, id).await? else {
            return Ok(None);
        };
        let content = Storage::published_content(&mut conn, id).await?;
        Ok(content.map(|content| (current.agency, content)))
    }

    async fn agency_requires_approval(&self, agency: &AgencySlug) -> Result<bool, AppError> {
        let mut conn = self.pool.acquire().await.map_err(database_error)?;
        Storage::requires_approval(&mut conn, agency).await
    }

    async fn token_lines(&self, agency: &AgencySlug) -> Result<Vec<TokenLine>, AppError> {
        let now = crate::clock::now();
        Ok(self
            .tokens_of(agency)
            .await?
            .into_iter()
            .map(|t| TokenLine {
                expired: t.expires_at.as_deref().is_some_and(|at| at <= now.as_str()),
                expires_at: t.expires_at.map(Timestamp::from),
                id: t.id,
                label: t.label,
                scope: t.scope,
                created_by: t.created_by,
                created_at: t.created_at.into(),
                revoked_at: t.revoked_at.map(Timestamp::from),
                last_used_at: t.last_used_at.map(Timestamp::from),
            })
            .collect())
    }

    async fn log_lines(&self, before: Option<i64>) -> Result<Vec<LogLine>, AppError> {
        Ok(self
            .audit_log(super::LOG_PAGE, before)
            .await?
            .into_iter()
            .map(|e| LogLine {
                id: e.id,
                at: e.at.into(),
                actor: e.actor,
                acting_as: e.acting_as,
                agency: e.agency,
                action: e.action,
                system_id: e.system_id,
                detail: e.detail,
            })
            .collect())
    }

    async fn account_lines(&self) -> Result<Vec<AccountLine>, AppError> {
        let sessions = self.session_counts(&crate::clock::now()).await?;
        Ok(self
            .accounts()
            .await?
            .into_iter()
            .map(|a| AccountLine {
                sessions: sessions.get(&a.id).copied().unwrap_or(0),
                id: a.id,
                email: a.email,
                name: a.name,
                role: a.role,
                agency: a.agency.map(|agency| agency.0),
                created_at: a.created_at.into(),
                disabled_at: a.disabled_at.map(Timestamp::from),
            })
            .collect())
    }

    async fn agency_lines(&self) -> Result<Vec<AgencyLine>, AppError> {
        let rows = sqlx::query(
            "SELECT slug, name, requires_approval FROM agencies ORDER BY lower(name), slug",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(database_error)?;
        rows.iter()
            .map(|row| {
                Ok(AgencyLine {
                    slug: rows::text(row, "slug")?,
                    name: rows::text(row, "name")?,
                    requires_approval: rows::flag(row, "requires_approval")?,
                })
            })
            .collect()
    }
}

impl Storage {
    /// How many of `agency`'s records are overdue for review or due before
    /// `until`, and the first `limit` of them, soonest first.
    pub async fn reviews_due_before(
        &self,
        agency: &AgencySlug,
        until: &str,
        limit: i64,
    ) -> Result<(i64, Vec<app::manage::ReviewDue>), AppError> {
        let sql = "SELECT s.id, v.name, rfc3339(s.review_by) AS review_by, s.review, \
             count(*) OVER () AS total FROM systems s \
             JOIN system_versions v ON v.system_id = s.id AND v.version = s.current_version \
             WHERE s.agency = $1 AND (s.review = 'overdue' OR s.review_by < $2::timestamptz) \
             ORDER BY s.review_by, s.id LIMIT $3";
        let found = sqlx::query(&self.kind.sql(sql))
            .bind(agency.0.clone())
            .bind(until.to_string())
            .bind(limit)
            .fetch_all(&self.pool)
            .await
            .map_err(database_error)?;
        let total = match found.first() {
            Some(row) => rows::integer(row, "total")?,
            None => 0,
        };
        let listed = found
            .iter()
            .map(|row| {
                Ok(app::manage::ReviewDue {
                    id: SystemId(rows::text(row, "id")?),
                    name: rows::text(row, "name")?,
                    review_by: rows::text(row, "review_by")?.into(),
                    overdue: rows::optional_text(row, "review")?.as_deref()
                        == Some(app::search::REVIEW_OVERDUE),
                })
            })
            .collect::<Result<_, AppError>>()?;
        Ok((total, listed))
    }
}

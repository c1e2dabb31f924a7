//! Mail to the people who keep the register: the weekly reminder to each
//! editor and approver of what waits in their agency, the weekly summary
//! to each admin, and the kinds of it each account turned off.
//!
//! An account is taken for its reminder (or summary) by moving its
//! `reminded_at` (`summarised_at`) from a time over a week old to now, in
//! one `UPDATE`: an account another instance took meanwhile no longer
//! matches, so two instances queue one message.

use super::rows;
use super::{Storage, database_error};
use crate::storage::{MailKind, NewMail};
use app::error::AppError;
use app::mail::AccountMail;
use app::record::{AgencySlug, Role, SystemId};
use sqlx::AnyConnection;

/// What a reminder or summary needs to know of its account when it is
/// written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailAccount {
    pub role: Role,
    pub agency: Option<AgencySlug>,
    pub disabled: bool,
    pub turned_off: Vec<AccountMail>,
}

/// A published question its agency has not answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WaitingQuestion {
    pub system: SystemId,
    pub system_name: String,
    pub published_at: String,
}

/// What happened in the register in a week, and what waits at its end.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WeekSummary {
    pub new_systems: i64,
    pub new_versions: i64,
    pub retired: i64,
    pub audits: i64,
    pub comments_received: i64,
    pub comments_published: i64,
    pub answers: i64,
    pub comments_waiting: i64,
    pub questions_waiting: i64,
    pub drafts_waiting: i64,
    pub reviews_overdue: i64,
}

/// "Not turned off `kind`", for account `a`.
fn on(kind: AccountMail) -> String {
    format!(
        "NOT EXISTS (SELECT 1 FROM account_mail_off o WHERE o.account_id = a.id AND o.kind = '{}')",
        kind.as_str()
    )
}

impl Storage {
    /// The kinds of mail `account` turned off.
    pub async fn mail_turned_off(&self, account: i64) -> Result<Vec<AccountMail>, AppError> {
        let kinds: Vec<(String,)> =
            sqlx::query_as("SELECT kind FROM account_mail_off WHERE account_id = $1 ORDER BY kind")
                .bind(account)
                .fetch_all(&self.pool)
                .await
                .map_err(database_error)?;
        Ok(kinds
            .iter()
            .filter_map(|(kind,)| AccountMail::parse(kind))
            .collect())
    }

    /// Turns `off` off for `account`, and every other kind on.
    pub async fn set_mail_turned_off(
        conn: &mut AnyConnection,
        account: i64,
        off: &[AccountMail],
    ) -> Result<(), AppError> {
        sqlx::query("DELETE FROM account_mail_off WHERE account_id = $1")
            .bind(account)
            .execute(&mut *conn)
            .await
            .map_err(database_error)?;
        for kind in off {
            sqlx::query("INSERT INTO account_mail_off (account_id, kind) VALUES ($1, $2)")
                .bind(account)
                .bind(kind.as_str())
                .execute(&mut *conn)
                .await
                .map_err(database_error)?;
        }
        Ok(())
    }

    /// Queues a reminder, in `language`, to every editor and approver not
    /// reminded since `a_week_ago` whose agency has something waiting that
    /// they did not turn off: a draft submitted for approval, a question
    /// published before `questions_before` and not answered, a record due
    /// for review before `reviews_until`. Returns how many it queued.
    pub async fn queue_reminders(
        &self,
        now: &str,
        a_week_ago: &str,
        questions_before: &str,
        reviews_until: &str,
        language: &str,
    ) -> Result<u64, AppError> {
        let sql = format!(
            "UPDATE accounts SET reminded_at = $1::timestamptz WHERE id IN (\
             SELECT a.id FROM accounts a WHERE a.role IN ('editor', 'approver') \
             AND a.disabled_at IS NULL \
             AND (a.reminded_at IS NULL OR a.reminded_at <= $2::timestamptz) AND (\
             ({drafts} AND EXISTS (SELECT 1 FROM drafts d WHERE d.agency = a.agency \
             AND d.state = 'submitted')) \
             OR ({questions} AND EXISTS (SELECT 1 FROM comments c JOIN systems s \
             ON s.id = c.system_id WHERE s.agency = a.agency AND c.kind = 'question' \
             AND c.state = 'published' AND c.answer IS NULL \
             AND c.published_at <= $3::timestamptz)) \
             OR ({reviews} AND EXISTS (SELECT 1 FROM systems s WHERE s.agency = a.agency \
             AND (s.review = 'overdue' OR s.review_by < $4::timestamptz))))) \
             AND (reminded_at IS NULL OR reminded_at <= $2::timestamptz)",
            drafts = on(AccountMail::Drafts),
            questions = on(AccountMail::Questions),
            reviews = on(AccountMail::Reviews),
        );
        let mut tx = self.write_transaction().await?;
        sqlx::query(&self.kind.sql(&sql))
            .bind(now.to_string())
            .bind(a_week_ago.to_string())
            .bind(questions_before.to_string())
            .bind(reviews_until.to_string())
            .execute(&mut *tx)
            .await
            .map_err(database_error)?;
        let about = serde_json::json!({ "until": now });
        let queued = Self::queue_to_taken(
            &mut tx,
            "reminded_at",
            now,
            MailKind::AgencyReminder,
            &about,
            language,
        )
        .await?;
        tx.commit_unseen().await?;
        Ok(queued)
    }

    /// Queues the week's summary, in `language`, to every admin who did
    /// not turn it off and was last sent one by `a_week_ago`. An admin
    /// seen for the first time gets their first a week on. Returns how
    /// many it queued.
    pub async fn queue_summaries(
        &self,
        now: &str,
        a_week_ago: &str,
        language: &str,
    ) -> Result<u64, AppError> {
        let sql = format!(
            "UPDATE accounts SET summarised_at = $1::timestamptz WHERE id IN (\
             SELECT a.id FROM accounts a WHERE a.role = 'admin' AND a.disabled_at IS NULL \
             AND a.summarised_at <= $2::timestamptz AND {summary}) \
             AND summarised_at <= $2::timestamptz",
            summary = on(AccountMail::Summary),
        );
        let mut tx = self.write_transaction().await?;
        sqlx::query(&self.kind.sql(&sql))
            .bind(now.to_string())
            .bind(a_week_ago.to_string())
            .execute(&mut *tx)
            .await
            .map_err(database_error)?;
        let about = serde_json::json!({ "from": a_week_ago, "until": now });
        let queued = Self::queue_to_taken(
            &mut tx,
            "summarised_at",
            now,
            MailKind::AdminSummary,
            &about,
            language,
        )
        .await?;
        // Admins seen for the first time: their week starts now.
        sqlx::query(&self.kind.sql(
            "UPDATE accounts SET summarised_at = $1::timestamptz \
             WHERE role = 'admin' AND summarised_at IS NULL",
        ))
        .bind(now.to_string())
        .execute(&mut *tx)
        .await
        .map_err(database_error)?;
        tx.commit_unseen().await?;
        Ok(queued)
    }

    /// Queues `kind` to every account whose `column` is `now`: the ones
    /// this run took.
    async fn queue_to_taken(
        conn: &mut AnyConnection,
        column: &str,
        now: &str,
        kind: MailKind,
        about: &serde_json::Value,
        language: &str,
    ) -> Result<u64, AppError> {
        let sql = format!("SELECT id, email FROM accounts WHERE {column} = $1::timestamptz");
        let taken: Vec<(i64, String)> = sqlx::query_as(&super::DatabaseKind::of(conn).sql(&sql))
            .bind(now.to_string())
            .fetch_all(&mut *conn)
            .await
            .map_err(database_error)?;
        for (id, email) in &taken {
            let mut about = about.clone();
            about["account"] = (*id).into();
            let mail = NewMail {
                recipient: email.clone(),
                language: language.to_string(),
                kind,
                about: about.to_string(),
            };
            Self::queue_mail(conn, &mail, now).await?;
        }
        Ok(taken.len() as u64)
    }
}

/// What reminders and summaries read when they are written.
impl Storage {
    /// Account `id` as its mail needs it, if it exists.
    pub async fn mail_account(&self, id: i64) -> Result<Option<MailAccount>, AppError> {
        let row = sqlx::query(
            "SELECT role, agency, disabled_at IS NOT NULL AS disabled FROM accounts WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .map_err(database_error)?;
        let Some(row) = row else {
            return Ok(None);
        };
        Ok(Some(MailAccount {
            role: rows::closed(&row, "role", Role::parse)?,
            agency: rows::optional_text(&row, "agency")?.map(AgencySlug),
            disabled: rows::flag(&row, "disabled")?,
            turned_off: self.mail_turned_off(id).await?,
        }))
    }

    /// The names of `agency`'s drafts submitted for approval, oldest first.
    pub async fn drafts_waiting(
        &self,
        agency: &AgencySlug,
    ) -> Result<Vec<(SystemId, String)>, AppError> {
        Ok(self
            .drafts_of(agency)
            .await?
            .into_iter()
            .rev()
            .filter(|draft| draft.state == app::record::DraftState::Submitted)
            .map(|draft| (draft.system_id, draft.content.name))
            .collect())
    }

    /// How many of `agency`'s published questions, published before
    /// `before`, are not answered, and the first `limit` of them, oldest
    /// first.
    pub async fn questions_waiting(
        &self,
        agency: &AgencySlug,
        before: &str,
        limit: i64,
    ) -> Result<(i64, Vec<WaitingQuestion>), AppError> {
        let found = sqlx::query(&self.kind.sql(
            "SELECT s.id, v.name, rfc3339(c.published_at) AS published_at, \
             count(*) OVER () AS total \
             FROM comments c JOIN systems s ON s.id = c.system_id \
             JOIN system_versions v ON v.system_id = s.id AND v.version = s.current_version \
             WHERE s.agency = $1 AND c.kind = 'question' AND c.state = 'published' \
             AND c.answer IS NULL AND c.published_at <= $2::timestamptz \
             ORDER BY c.published_at, c.id LIMIT $3",
        ))
        .bind(agency.0.clone())
        .bind(before.to_string())
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
                Ok(WaitingQuestion {
                    system: SystemId(rows::text(row, "id")?),
                    system_name: rows::text(row, "name")?,
                    published_at: rows::text(row, "published_at")?,
                })
            })
            .collect::<Result<_, AppError>>()?;
        Ok((total, listed))
    }

    /// The week from `from` to `until`; questions count as waiting when
    /// published before `questions_before`.
    pub async fn week_summary(
        &self,
        from: &str,
        until: &str,
        questions_before: &str,
    ) -> Result<WeekSummary, AppError> {
        let within =
            |column: &str| format!("{column} > $1::timestamptz AND {column} <= $2::timestamptz");
        let changes = |kind: &str| {
            format!(
                "(SELECT count(*) FROM changes WHERE kind = '{kind}' AND {})",
                within("changed_at")
            )
        };
        let sql = format!(
            "SELECT {published} AS new_systems, {updated} AS new_versions, \
             {retired} AS retired, {audited} AS audits, \
             (SELECT count(*) FROM comments WHERE {created}) AS comments_received, \
             (SELECT count(*) FROM comments WHERE {published_at}) AS comments_published, \
             (SELECT count(*) FROM comments WHERE {answered_at}) AS answers, \
             (SELECT count(*) FROM comments WHERE state = 'pending') AS comments_waiting, \
             (SELECT count(*) FROM comments WHERE kind = 'question' AND state = 'published' \
              AND answer IS NULL AND published_at <= $3::timestamptz) AS questions_waiting, \
             (SELECT count(*) FROM drafts WHERE state = 'submitted') AS drafts_waiting, \
             (SELECT count(*) FROM systems WHERE review = 'overdue') AS reviews_overdue",
            published = changes("published"),
            updated = changes("updated"),
            retired = changes("retired"),
            audited = changes("audited"),
            created = within("created_at"),
            published_at = within("published_at"),
            answered_at = within("answered_at"),
        );
        let row = sqlx::query(&self.kind.sql(&sql))
            .bind(from.to_string())
            .bind(until.to_string())
            .bind(questions_before.to_string())
            .fetch_one(&self.pool)
            .await
            .map_err(database_error)?;
        let count = |name: &str| rows::integer(&row, name);
        Ok(WeekSummary {
            new_systems: count("new_systems")?,
            new_versions: count("new_versions")?,
            retired: count("retired")?,
            audits: count("audits")?,
            comments_received: count("comments_received")?,
            comments_published: count("comments_published")?,
            answers: count("answers")?,
            comments_waiting: count("comments_waiting")?,
            questions_waiting: count("questions_waiting")?,
            drafts_waiting: count("drafts_waiting")?,
            reviews_overdue: count("reviews_overdue")?,
        })
    }
}

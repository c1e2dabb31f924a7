//! The mail queue: messages waiting for the mail server, the claims that
//! let one instance send each, and what the admin pages say about it.
//!
//! A message is queued in the transaction of the event that causes it, so
//! it exists exactly when the event does. A sent message's row is deleted,
//! its address with it.

use super::rows;
use super::{DatabaseKind, Storage, database_error};
use app::error::AppError;
use app::mail::MailQueue;
use sqlx::AnyConnection;

/// What a message tells its recipient.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MailKind {
    /// A citizen's question or error report was published.
    CommentPublished,
    /// A moderator declined it (or took it down), with the reason.
    CommentDeclined,
    /// The agency answered it.
    CommentAnswered,
    /// Someone asked to follow something with this address: confirm it.
    SubscriptionConfirm,
    /// Someone asked again for a subscription this address confirmed.
    SubscriptionKnown,
    /// Something it follows changed (a change of the feed, or an answer).
    SubscriptionChange,
    /// What happened in a day to what it follows.
    SubscriptionDigest,
    /// To an editor or approver: what waits in their agency.
    AgencyReminder,
    /// To an admin: the register's week.
    AdminSummary,
}

impl MailKind {
    pub const ALL: [MailKind; 9] = [
        MailKind::CommentPublished,
        MailKind::CommentDeclined,
        MailKind::CommentAnswered,
        MailKind::SubscriptionConfirm,
        MailKind::SubscriptionKnown,
        MailKind::SubscriptionChange,
        MailKind::SubscriptionDigest,
        MailKind::AgencyReminder,
        MailKind::AdminSummary,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MailKind::CommentPublished => "comment_published",
            MailKind::CommentDeclined => "comment_declined",
            MailKind::CommentAnswered => "comment_answered",
            MailKind::SubscriptionConfirm => "subscription_confirm",
            MailKind::SubscriptionKnown => "subscription_known",
            MailKind::SubscriptionChange => "subscription_change",
            MailKind::SubscriptionDigest => "subscription_digest",
            MailKind::AgencyReminder => "agency_reminder",
            MailKind::AdminSummary => "admin_summary",
        }
    }

    pub fn parse(name: &str) -> Option<MailKind> {
        MailKind::ALL.into_iter().find(|kind| kind.as_str() == name)
    }
}

/// A message to queue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewMail {
    pub recipient: String,
    /// A language code of the register.
    pub language: String,
    pub kind: MailKind,
    /// What it is about, as JSON (`{"comment": 12}`).
    pub about: String,
}

/// A message this instance claimed, to send now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueuedMail {
    pub id: i64,
    pub recipient: String,
    pub language: String,
    pub kind: MailKind,
    pub about: String,
    /// Failed attempts so far.
    pub attempts: i64,
}

impl Storage {
    /// Queues `mail` in the transaction of the event that causes it.
    pub async fn queue_mail(
        conn: &mut AnyConnection,
        mail: &NewMail,
        now: &str,
    ) -> Result<(), AppError> {
        sqlx::query(&DatabaseKind::of(conn).sql(
            "INSERT INTO mail_queue (recipient, language, kind, about, queued_at, send_after) \
             VALUES ($1, $2, $3, $4, $5::timestamptz, $5::timestamptz)",
        ))
        .bind(mail.recipient.clone())
        .bind(mail.language.clone())
        .bind(mail.kind.as_str())
        .bind(mail.about.clone())
        .bind(now.to_string())
        .execute(&mut *conn)
        .await
        .map_err(database_error)?;
        Ok(())
    }

    /// Claims up to `limit` messages due at `now` for `holder` until
    /// `until`: those no instance holds, or whose claim ran out. A row
    /// another instance claimed first is left to it, so each is sent once.
    pub async fn claim_mail(
        &self,
        holder: &str,
        now: &str,
        until: &str,
        limit: i64,
    ) -> Result<Vec<QueuedMail>, AppError> {
        let free = "given_up_at IS NULL AND send_after <= $3::timestamptz \
                    AND (claimed_until IS NULL OR claimed_until < $3::timestamptz)";
        let mut tx = self.write_transaction().await?;
        sqlx::query(&self.kind.sql(&format!(
            "UPDATE mail_queue SET claimed_by = $1, claimed_until = $2::timestamptz \
             WHERE {free} AND id IN (SELECT id FROM mail_queue WHERE {free} ORDER BY id LIMIT $4)"
        )))
        .bind(holder.to_string())
        .bind(until.to_string())
        .bind(now.to_string())
        .bind(limit)
        .execute(&mut *tx)
        .await
        .map_err(database_error)?;
        let rows = sqlx::query(&self.kind.sql(
            "SELECT id, recipient, language, kind, about, attempts FROM mail_queue \
             WHERE claimed_by = $1 AND claimed_until = $2::timestamptz AND given_up_at IS NULL \
             ORDER BY id",
        ))
        .bind(holder.to_string())
        .bind(until.to_string())
        .fetch_all(&mut *tx)
        .await
        .map_err(database_error)?;
        tx.commit_unseen().await?;
        rows.iter()
            .map(|row| {
                Ok(QueuedMail {
                    id: rows::integer(row, "id")?,
                    recipient: rows::text(row, "recipient")?,
                    language: rows::text(row, "language")?,
                    kind: rows::closed(row, "kind", MailKind::parse)?,
                    about: rows::text(row, "about")?,
                    attempts: rows::integer(row, "attempts")?,
                })
            })
            .collect()
    }

    /// The messages `ids` were sent: their rows (and addresses) go, in
    /// one transaction.
    pub async fn mail_sent(&self, ids: &[i64], holder: &str) -> Result<(), AppError> {
        if ids.is_empty() {
            return Ok(());
        }
        let list = (0..ids.len())
            .map(|n| format!("${}", n + 2))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!("DELETE FROM mail_queue WHERE claimed_by = $1 AND id IN ({list})");
        let mut query = sqlx::query(&sql).bind(holder.to_string());
        for id in ids {
            query = query.bind(*id);
        }
        let mut tx = self.write_transaction().await?;
        query.execute(&mut *tx).await.map_err(database_error)?;
        tx.commit_unseen().await
    }

    /// The message `id` failed (`error` says why, without its address). It
    /// is tried again after `retry_at`; or, when `retry_at` is `None`, given
    /// up at `now` and its address emptied.
    pub async fn mail_failed(
        &self,
        id: i64,
        holder: &str,
        error: &str,
        now: &str,
        retry_at: Option<&str>,
    ) -> Result<(), AppError> {
        let sql = match retry_at {
            Some(_) => {
                "UPDATE mail_queue SET attempts = attempts + 1, last_error = $3, \
                 send_after = $4::timestamptz, claimed_by = NULL, claimed_until = NULL \
                 WHERE id = $1 AND claimed_by = $2"
            }
            None => {
                "UPDATE mail_queue SET attempts = attempts + 1, last_error = $3, \
                 given_up_at = $4::timestamptz, recipient = '', claimed_by = NULL, \
                 claimed_until = NULL WHERE id = $1 AND claimed_by = $2"
            }
        };
        let mut tx = self.write_transaction().await?;
        sqlx::query(&self.kind.sql(sql))
            .bind(id)
            .bind(holder.to_string())
            .bind(error.to_string())
            .bind(retry_at.unwrap_or(now).to_string())
            .execute(&mut *tx)
            .await
            .map_err(database_error)?;
        tx.commit_unseen().await
    }

    /// Gives `holder`'s claims back, to be tried from `retry_at` without
    /// counting an attempt: the mail server did not answer, which is no
    /// fault of the messages.
    pub async fn release_mail(
        &self,
        ids: &[i64],
        holder: &str,
        error: &str,
        retry_at: &str,
    ) -> Result<(), AppError> {
        let mut tx = self.write_transaction().await?;
        for id in ids {
            sqlx::query(&self.kind.sql(
                "UPDATE mail_queue SET claimed_by = NULL, claimed_until = NULL, last_error = $3, \
                 send_after = $4::timestamptz WHERE id = $1 AND claimed_by = $2",
            ))
            .bind(*id)
            .bind(holder.to_string())
            .bind(error.to_string())
            .bind(retry_at.to_string())
            .execute(&mut *tx)
            .await
            .map_err(database_error)?;
        }
        tx.commit_unseen().await
    }

    /// How the queue stands.
    pub async fn mail_queue(&self) -> Result<MailQueue, AppError> {
        let row = sqlx::query(&self.kind.sql(
            "SELECT count(*) FILTER (WHERE given_up_at IS NULL) AS waiting, \
             count(*) FILTER (WHERE given_up_at IS NULL AND last_error IS NOT NULL) AS retrying, \
             count(*) FILTER (WHERE given_up_at IS NOT NULL) AS given_up, \
             rfc3339(min(queued_at) FILTER (WHERE given_up_at IS NULL)) AS oldest, \
             (SELECT last_error FROM mail_queue WHERE last_error IS NOT NULL \
              ORDER BY coalesce(given_up_at, send_after) DESC LIMIT 1) AS last_error \
             FROM mail_queue",
        ))
        .fetch_one(&self.pool)
        .await
        .map_err(database_error)?;
        Ok(MailQueue {
            waiting: rows::integer(&row, "waiting")?,
            retrying: rows::integer(&row, "retrying")?,
            oldest: rows::optional_text(&row, "oldest")?,
            given_up: rows::integer(&row, "given_up")?,
            last_error: rows::optional_text(&row, "last_error")?,
        })
    }

    /// Deletes messages given up before `cutoff`, and citizens' messages
    /// still waiting from before `retention_cutoff` (their address is kept
    /// no longer than the comment's). Returns how many went.
    pub async fn forget_old_mail(
        conn: &mut AnyConnection,
        cutoff: &str,
        retention_cutoff: &str,
    ) -> Result<u64, AppError> {
        let done = sqlx::query(&DatabaseKind::of(conn).sql(
            "DELETE FROM mail_queue WHERE given_up_at < $1::timestamptz \
             OR (kind LIKE 'comment_%' AND queued_at < $2::timestamptz)",
        ))
        .bind(cutoff.to_string())
        .bind(retention_cutoff.to_string())
        .execute(&mut *conn)
        .await
        .map_err(database_error)?;
        Ok(done.rows_affected())
    }

    /// The register's secret for signing links in mail, made on first use
    /// (from `candidate`, random) and shared by every instance.
    pub async fn mail_secret(&self, candidate: &str) -> Result<String, AppError> {
        let read = "SELECT value FROM register_settings WHERE name = 'mail_link_secret'";
        let found: Option<(String,)> = sqlx::query_as(read)
            .fetch_optional(&self.pool)
            .await
            .map_err(database_error)?;
        if let Some((secret,)) = found {
            return Ok(secret);
        }
        let mut tx = self.write_transaction().await?;
        sqlx::query(
            "INSERT INTO register_settings (name, value) VALUES ('mail_link_secret', $1) \
             ON CONFLICT (name) DO NOTHING",
        )
        .bind(candidate.to_string())
        .execute(&mut *tx)
        .await
        .map_err(database_error)?;
        // Another instance may have made it first: theirs is the one.
        let (secret,): (String,) = sqlx::query_as(read)
            .fetch_one(&mut *tx)
            .await
            .map_err(database_error)?;
        tx.commit_unseen().await?;
        Ok(secret)
    }
}

//! Subscriptions that follow a search: which are due for a look, and
//! taking one for its message. What a search finds is the search engine's
//! to say, not the database's: `crate::mail::searches` asks it, then comes
//! back here with the systems found.

use super::{MailKind, NewMail, Storage, database_error};
use app::error::AppError;

/// A confirmed subscription to a search, due for a look.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchFollow {
    pub id: i64,
    pub email: String,
    pub language: String,
    /// The search, as the search page writes it (`q=fraud&risk_level=high`).
    pub target: String,
    /// What its last message (or the confirmation) covered up to.
    pub from: String,
}

impl Storage {
    /// Confirmed subscriptions to a search that are due: those for each
    /// change every time, daily ones whose last message covered up to
    /// `a_day_ago`. At most 10,000 a run, sorted by search.
    pub async fn search_follows_due(&self, a_day_ago: &str) -> Result<Vec<SearchFollow>, AppError> {
        let due: Vec<(i64, String, String, String, String)> = sqlx::query_as(&self.kind.sql(
            "SELECT id, email, language, target, rfc3339_precise(digest_from) AS digest_from \
             FROM subscriptions WHERE follows = 'search' AND confirmed_at IS NOT NULL \
             AND (frequency = 'immediate' OR digest_from <= $1::timestamptz) \
             ORDER BY target, id LIMIT 10000",
        ))
        .bind(a_day_ago.to_string())
        .fetch_all(&self.pool)
        .await
        .map_err(database_error)?;
        Ok(due
            .into_iter()
            .map(|(id, email, language, target, from)| SearchFollow {
                id,
                email,
                language,
                target,
                from,
            })
            .collect())
    }

    /// Moves `follow` on to `now`, only while it is where it was read (two
    /// instances take it once); with `found` (the systems its search found,
    /// some of which changed), queues its message about them. Returns
    /// whether it queued one.
    pub async fn take_search_follow(
        &self,
        follow: &SearchFollow,
        now: &str,
        found: Option<&[String]>,
    ) -> Result<bool, AppError> {
        let mut tx = self.write_transaction().await?;
        let taken = sqlx::query(&self.kind.sql(
            "UPDATE subscriptions SET digest_from = $2::timestamptz \
             WHERE id = $1 AND digest_from = $3::timestamptz",
        ))
        .bind(follow.id)
        .bind(now.to_string())
        .bind(follow.from.clone())
        .execute(&mut *tx)
        .await
        .map_err(database_error)?;
        let queue = taken.rows_affected() == 1 && found.is_some();
        if let (true, Some(systems)) = (queue, found) {
            let about = serde_json::json!({
                "from": follow.from,
                "until": now,
                "subscription": follow.id,
                "systems": systems,
            });
            let mail = NewMail {
                recipient: follow.email.clone(),
                language: follow.language.clone(),
                kind: MailKind::SubscriptionDigest,
                about: about.to_string(),
            };
            Self::queue_mail(&mut tx, &mail, now).await?;
        }
        tx.commit_unseen().await?;
        Ok(queue)
    }
}

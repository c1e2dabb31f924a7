//! Subscriptions: addresses that follow an agency, a topic or a system,
//! the mail their changes queue for them, and the changes a digest tells.

use super::mail::MailKind;
use super::rows;
use super::{DatabaseKind, Storage, database_error};
use app::error::AppError;
use app::mail::{Follows, Frequency};
use sqlx::AnyConnection;

/// One subscription, as its mail and pages need it (its address only for
/// the mail queue).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subscription {
    pub id: i64,
    pub email: String,
    pub follows: Follows,
    pub target: String,
    pub frequency: Frequency,
    pub language: String,
    pub confirmed: bool,
}

/// What subscribing did: nothing the person at the form is told apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subscribed {
    /// A new subscription, or one still unconfirmed: a confirmation is queued.
    ToConfirm(i64),
    /// Already confirmed: a reminder that it is (with its unsubscribe link).
    AlreadyConfirmed(i64),
}

/// One change a digest or a message tells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowedChange {
    /// `published`, `updated`, `retired`, `audited`, or `answered`.
    pub kind: String,
    pub system: String,
    pub system_name: String,
    pub agency_name: String,
    /// The version's change summary, or the answer.
    pub summary: String,
    pub tags: Vec<String>,
    pub at: String,
}

const COLUMNS: &str =
    "id, email, follows, target, frequency, language, rfc3339(confirmed_at) AS confirmed_at";

fn subscription(row: &sqlx::any::AnyRow) -> Result<Subscription, AppError> {
    Ok(Subscription {
        id: rows::integer(row, "id")?,
        email: rows::text(row, "email")?,
        follows: rows::closed(row, "follows", Follows::parse)?,
        target: rows::text(row, "target")?,
        frequency: rows::closed(row, "frequency", Frequency::parse)?,
        language: rows::text(row, "language")?,
        confirmed: rows::optional_text(row, "confirmed_at")?.is_some(),
    })
}

impl Storage {
    /// Subscribes `email` (or finds its subscription to the same thing,
    /// whose frequency and language the new choice replaces while it is
    /// unconfirmed), and queues the message that follows in the same
    /// transaction.
    #[allow(clippy::too_many_arguments)]
    pub async fn subscribe(
        conn: &mut AnyConnection,
        email: &str,
        follows: Follows,
        target: &str,
        frequency: Frequency,
        language: &str,
        now: &str,
    ) -> Result<Subscribed, AppError> {
        let kind = DatabaseKind::of(conn);
        sqlx::query(&kind.sql(
            "INSERT INTO subscriptions (email, follows, target, frequency, language, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6::timestamptz) \
             ON CONFLICT (email, follows, target) DO UPDATE SET frequency = excluded.frequency, \
             language = excluded.language WHERE subscriptions.confirmed_at IS NULL",
        ))
        .bind(email.to_string())
        .bind(follows.as_str())
        .bind(target.to_string())
        .bind(frequency.as_str())
        .bind(language.to_string())
        .bind(now.to_string())
        .execute(&mut *conn)
        .await
        .map_err(database_error)?;
        let row = sqlx::query(&kind.sql(&format!(
            "SELECT {COLUMNS} FROM subscriptions WHERE email = $1 AND follows = $2 AND target = $3"
        )))
        .bind(email.to_string())
        .bind(follows.as_str())
        .bind(target.to_string())
        .fetch_one(&mut *conn)
        .await
        .map_err(database_error)?;
        let found = subscription(&row)?;
        let (outcome, mail) = if found.confirmed {
            (
                Subscribed::AlreadyConfirmed(found.id),
                MailKind::SubscriptionKnown,
            )
        } else {
            (
                Subscribed::ToConfirm(found.id),
                MailKind::SubscriptionConfirm,
            )
        };
        let mail = super::NewMail {
            recipient: found.email,
            language: found.language,
            kind: mail,
            about: format!("{{\"subscription\":{}}}", found.id),
        };
        Self::queue_mail(conn, &mail, now).await?;
        Ok(outcome)
    }

    /// Subscription `id`, if it still exists.
    pub async fn subscription(&self, id: i64) -> Result<Option<Subscription>, AppError> {
        let row = sqlx::query(&self.kind.sql(&format!(
            "SELECT {COLUMNS} FROM subscriptions WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .map_err(database_error)?;
        row.as_ref().map(subscription).transpose()
    }

    /// Confirms subscription `id` (a second time changes nothing); a
    /// digest starts from now. Says whether it exists.
    pub async fn confirm_subscription(&self, id: i64, now: &str) -> Result<bool, AppError> {
        let mut tx = self.write_transaction().await?;
        let done = sqlx::query(&self.kind.sql(
            "UPDATE subscriptions SET confirmed_at = coalesce(confirmed_at, $2::timestamptz), \
             digest_from = coalesce(digest_from, $2::timestamptz) WHERE id = $1",
        ))
        .bind(id)
        .bind(now.to_string())
        .execute(&mut *tx)
        .await
        .map_err(database_error)?;
        tx.commit_unseen().await?;
        Ok(done.rows_affected() == 1)
    }

    /// Deletes subscription `id`, its address with it, and the mail still
    /// waiting for it. Says whether it existed.
    pub async fn unsubscribe(&self, id: i64) -> Result<bool, AppError> {
        let mut tx = self.write_transaction().await?;
        let done = sqlx::query("DELETE FROM subscriptions WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(database_error)?;
        sqlx::query(
            "DELETE FROM mail_queue WHERE kind LIKE 'subscription_%' \
             AND about LIKE $1 AND claimed_by IS NULL",
        )
        .bind(format!("%\"subscription\":{id}}}"))
        .execute(&mut *tx)
        .await
        .map_err(database_error)?;
        tx.commit_unseen().await?;
        Ok(done.rows_affected() == 1)
    }

    /// Queues mail about system `system`'s change (`about` is its JSON
    /// without the closing `"subscription":…}`: `{"change":12,`) to every
    /// confirmed, immediate subscription that follows the system, its
    /// agency or one of its current version's topics: one statement,
    /// however many follow it.
    pub async fn queue_to_followers(
        conn: &mut AnyConnection,
        system: &str,
        about: &str,
        now: &str,
    ) -> Result<u64, AppError> {
        let row = sqlx::query(&DatabaseKind::of(conn).sql(
            "SELECT v.tags::text AS tags FROM systems s JOIN system_versions v \
             ON v.system_id = s.id AND v.version = s.current_version WHERE s.id = $1",
        ))
        .bind(system.to_string())
        .fetch_optional(&mut *conn)
        .await
        .map_err(database_error)?;
        let tags: Vec<String> = match &row {
            Some(row) => rows::json(row, "tags")?,
            None => Vec::new(),
        };
        let topics = (0..tags.len())
            .map(|n| format!("${}", n + 5))
            .collect::<Vec<_>>()
            .join(", ");
        let topic_match = if tags.is_empty() {
            String::new()
        } else {
            format!(" OR (s.follows = 'topic' AND s.target IN ({topics}))")
        };
        let sql = format!(
            "INSERT INTO mail_queue (recipient, language, kind, about, queued_at, send_after) \
             SELECT s.email, s.language, $1, $2 || CAST(s.id AS TEXT) || '}}', \
             $3::timestamptz, $3::timestamptz FROM subscriptions s \
             WHERE s.confirmed_at IS NOT NULL AND s.frequency = 'immediate' AND \
             ((s.follows = 'system' AND s.target = $4) OR (s.follows = 'agency' AND s.target = \
             (SELECT agency FROM systems WHERE id = $4)){topic_match})"
        );
        let sql = DatabaseKind::of(conn).sql(&sql).into_owned();
        let mut query = sqlx::query(&sql)
            .bind(MailKind::SubscriptionChange.as_str())
            .bind(format!("{about}\"subscription\":"))
            .bind(now.to_string())
            .bind(system.to_string());
        for tag in &tags {
            query = query.bind(tag.clone());
        }
        let done = query.execute(&mut *conn).await.map_err(database_error)?;
        Ok(done.rows_affected())
    }

    /// Queues a digest for every confirmed daily subscription whose last
    /// digest covered up to a day before `now`, a batch per transaction;
    /// each subscription is taken only while its `digest_from` is as read,
    /// so two instances queue one digest. Returns how many it queued.
    pub async fn queue_digests(&self, now: &str, a_day_ago: &str) -> Result<u64, AppError> {
        let mut queued = 0;
        loop {
            let mut tx = self.write_transaction().await?;
            let due: Vec<(i64, String, String, String)> = sqlx::query_as(&self.kind.sql(
                "SELECT id, email, language, rfc3339_precise(digest_from) AS digest_from \
                 FROM subscriptions \
                 WHERE frequency = 'daily' AND confirmed_at IS NOT NULL \
                 AND digest_from <= $1::timestamptz ORDER BY id LIMIT 500",
            ))
            .bind(a_day_ago.to_string())
            .fetch_all(&mut *tx)
            .await
            .map_err(database_error)?;
            if due.is_empty() {
                return Ok(queued);
            }
            for (id, email, language, from) in due {
                let taken = sqlx::query(&self.kind.sql(
                    "UPDATE subscriptions SET digest_from = $2::timestamptz \
                     WHERE id = $1 AND digest_from = $3::timestamptz",
                ))
                .bind(id)
                .bind(now.to_string())
                .bind(from.clone())
                .execute(&mut *tx)
                .await
                .map_err(database_error)?;
                if taken.rows_affected() != 1 {
                    continue;
                }
                let mail = super::NewMail {
                    recipient: email,
                    language,
                    kind: MailKind::SubscriptionDigest,
                    about: format!(
                        "{{\"from\":\"{from}\",\"until\":\"{now}\",\"subscription\":{id}}}"
                    ),
                };
                Self::queue_mail(&mut tx, &mail, now).await?;
                queued += 1;
            }
            tx.commit_unseen().await?;
        }
    }

    /// What happened after `from` until `until` (at most 200 things, oldest
    /// first) that `follows` `target` covers: changes and official answers.
    /// A search covers `systems`, the ones it found.
    pub async fn followed_changes(
        &self,
        follows: Follows,
        target: &str,
        systems: &[String],
        from: &str,
        until: &str,
    ) -> Result<Vec<FollowedChange>, AppError> {
        let found = (0..systems.len())
            .map(|n| format!("${}", n + 4))
            .collect::<Vec<_>>()
            .join(", ");
        let filter = match follows {
            Follows::Agency => "s.agency = $3".to_string(),
            Follows::System => "s.id = $3".to_string(),
            // Topics are matched below, on each version's tags.
            Follows::Topic => "$3 = $3".to_string(),
            Follows::Search if systems.is_empty() => return Ok(Vec::new()),
            Follows::Search => format!("$3 = $3 AND s.id IN ({found})"),
        };
        let sql = format!(
            "SELECT kind, system, system_name, agency_name, summary, tags, at FROM (\
             SELECT c.seq AS n, c.kind, s.id AS system, v.name AS system_name, a.name AS agency_name, \
             v.change_summary AS summary, v.tags::text AS tags, rfc3339(c.changed_at) AS at \
             FROM changes c JOIN systems s ON s.id = c.system_id \
             JOIN system_versions v ON v.system_id = c.system_id AND v.version = c.version \
             JOIN agencies a ON a.slug = s.agency \
             WHERE c.kind <> 'reviewed' AND c.changed_at > $1::timestamptz \
             AND c.changed_at <= $2::timestamptz AND {filter} \
             UNION ALL \
             SELECT cm.id AS n, 'answered' AS kind, s.id AS system, v.name AS system_name, \
             a.name AS agency_name, cm.answer AS summary, v.tags::text AS tags, \
             rfc3339(cm.answered_at) AS at FROM comments cm JOIN systems s ON s.id = cm.system_id \
             JOIN system_versions v ON v.system_id = s.id AND v.version = s.current_version \
             JOIN agencies a ON a.slug = s.agency \
             WHERE cm.state = 'published' AND cm.answer IS NOT NULL \
             AND cm.answered_at > $1::timestamptz AND cm.answered_at <= $2::timestamptz AND {filter}\
             ) AS happened ORDER BY at, n LIMIT 1000"
        );
        let sql = self.kind.sql(&sql);
        let rows = sqlx::query(&sql)
            .bind(from.to_string())
            .bind(until.to_string())
            .bind(target.to_string());
        let rows = systems
            .iter()
            .fold(rows, |query, id| query.bind(id.clone()))
            .fetch_all(&self.pool)
            .await
            .map_err(database_error)?;
        let mut changes = Vec::new();
        for row in &rows {
            let change = FollowedChange {
                kind: rows::text(row, "kind")?,
                system: rows::text(row, "system")?,
                system_name: rows::text(row, "system_name")?,
                agency_name: rows::text(row, "agency_name")?,
                summary: rows::optional_text(row, "summary")?.unwrap_or_default(),
                tags: rows::json(row, "tags")?,
                at: rows::text(row, "at")?,
            };
            if follows != Follows::Topic || change.tags.iter().any(|tag| tag == target) {
                changes.push(change);
            }
        }
        changes.truncate(200);
        Ok(changes)
    }

    /// Change `seq` of the feed, as a follower's message tells it.
    pub async fn change_for_mail(&self, seq: i64) -> Result<Option<FollowedChange>, AppError> {
        let row = sqlx::query(&self.kind.sql(
            "SELECT c.kind, s.id AS system, v.name AS system_name, a.name AS agency_name, \
             v.change_summary AS summary, v.tags::text AS tags, rfc3339(c.changed_at) AS at \
             FROM changes c JOIN systems s ON s.id = c.system_id \
             JOIN system_versions v ON v.system_id = c.system_id AND v.version = c.version \
             JOIN agencies a ON a.slug = s.agency WHERE c.seq = $1",
        ))
        .bind(seq)
        .fetch_optional(&self.pool)
        .await
        .map_err(database_error)?;
        row.map(|row| {
            Ok(FollowedChange {
                kind: rows::text(&row, "kind")?,
                system: rows::text(&row, "system")?,
                system_name: rows::text(&row, "system_name")?,
                agency_name: rows::text(&row, "agency_name")?,
                summary: rows::optional_text(&row, "summary")?.unwrap_or_default(),
                tags: rows::json(&row, "tags")?,
                at: rows::text(&row, "at")?,
            })
        })
        .transpose()
    }

    /// The name of what `follows` `target` is (the agency's or system's
    /// name, the topic itself), if it exists.
    pub async fn followed_name(
        &self,
        follows: Follows,
        target: &str,
    ) -> Result<Option<String>, AppError> {
        let sql = match follows {
            Follows::Agency => "SELECT name FROM agencies WHERE slug = $1",
            Follows::System => {
                "SELECT v.name FROM systems s JOIN system_versions v \
                 ON v.system_id = s.id AND v.version = s.current_version WHERE s.id = $1"
            }
            Follows::Topic => return Ok(Some(target.to_string())),
            // A search is named by its words and filters; one that names
            // nothing, or that the search page would refuse, is no search.
            Follows::Search => {
                let (query, problems) = app::search::SystemQuery::from_query_string(target);
                let named = problems.is_empty() && !query.searched().is_empty();
                return Ok(named.then(|| query.in_words()));
            }
        };
        let name: Option<(String,)> = sqlx::query_as(sql)
            .bind(target.to_string())
            .fetch_optional(&self.pool)
            .await
            .map_err(database_error)?;
        Ok(name.map(|(name,)| name))
    }

    /// Deletes subscriptions left unconfirmed since before `cutoff`, with
    /// their addresses.
    pub async fn forget_unconfirmed(
        conn: &mut AnyConnection,
        cutoff: &str,
    ) -> Result<u64, AppError> {
        let done = sqlx::query(&DatabaseKind::of(conn).sql(
            "DELETE FROM subscriptions WHERE confirmed_at IS NULL AND created_at < $1::timestamptz",
        ))
        .bind(cutoff.to_string())
        .execute(&mut *conn)
        .await
        .map_err(database_error)?;
        Ok(done.rows_affected())
    }
}

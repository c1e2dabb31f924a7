//! Citizen feedback: comments, flags, the rate limit's counts, the day's
//! salt for client hashes, and the register's feedback settings.
//!
//! No query here returns a comment's email: only whether there is one.

use super::rows;
use super::{Storage, database_error};
use app::error::AppError;
use app::feedback::{
    AgencyItem, FeedbackSettings, Moderation, ModerationItem, OfficialAnswer, PublicComment,
    QueueCounts, QueueFilter,
};
use app::record::{AgencySlug, CommentState, FeedbackKind, HideReason, SystemId};
use sqlx::AnyConnection;
use sqlx::any::AnyRow;

/// A comment to store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewComment {
    pub system: SystemId,
    pub kind: FeedbackKind,
    pub body: String,
    pub body_key: String,
    pub name: Option<String>,
    pub email: Option<String>,
    pub state: CommentState,
    pub personal_data_found: bool,
    pub now: String,
}

/// What the workflow needs to know of a stored comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredComment {
    pub id: i64,
    pub system: SystemId,
    /// The agency that owns the system.
    pub agency: AgencySlug,
    pub kind: FeedbackKind,
    pub state: CommentState,
    /// The system's name, for telling a moderator what was done.
    pub system_name: String,
    /// The body seemed to hold an email address or a phone number.
    pub personal_data_found: bool,
}

fn public_comment(row: &AnyRow) -> Result<PublicComment, AppError> {
    let answer = match rows::optional_text(row, "answer")? {
        Some(body) => Some(OfficialAnswer {
            agency: AgencySlug(rows::text(row, "agency")?),
            body,
            answered_at: rows::optional_text(row, "answered_at")?.unwrap_or_default(),
            updated_at: rows::optional_text(row, "answer_updated_at")?,
        }),
        None => None,
    };
    Ok(PublicComment {
        id: rows::integer(row, "id")?,
        kind: rows::closed(row, "kind", FeedbackKind::parse)?,
        body: rows::text(row, "body")?,
        name: rows::optional_text(row, "name")?,
        published_at: rows::optional_text(row, "published_at")?.unwrap_or_default(),
        answer,
    })
}

/// The columns of [`public_comment`], for queries joining `comments c` and `systems s`.
const PUBLIC_COLUMNS: &str = "c.id, c.kind, c.body, c.name, c.published_at, c.answer, \
    c.answered_at, c.answer_updated_at, s.agency";

/// The comments a filter of the moderation queue shows, as SQL on `comments c`.
fn queue_condition(filter: QueueFilter) -> &'static str {
    match filter {
        QueueFilter::Pending => "c.state = 'pending'",
        QueueFilter::Flagged => {
            "c.flags > 0 AND (c.state = 'published' OR c.hidden_reason = 'flagged')"
        }
        QueueFilter::Hidden => "c.state = 'hidden'",
        QueueFilter::Published => "c.state = 'published'",
    }
}

impl Storage {
    /// The register's feedback settings (the defaults for any not stored).
    pub async fn feedback_settings(&self) -> Result<FeedbackSettings, AppError> {
        let stored: Vec<(String, String)> =
            sqlx::query_as("SELECT name, value FROM register_settings")
                .fetch_all(&self.pool)
                .await
                .map_err(database_error)?;
        let mut settings = FeedbackSettings::default();
        for (name, value) in stored {
            let number = value.parse::<i64>().ok();
            match (name.as_str(), number) {
                ("moderation", _) => {
                    settings.moderation = Moderation::parse(&value).unwrap_or_default()
                }
                ("flags_to_hide", Some(n)) => settings.flags_to_hide = n,
                ("email_retention_days", Some(n)) => settings.email_retention_days = n,
                ("submissions_per_hour", Some(n)) => settings.submissions_per_hour = n,
                _ => {}
            }
        }
        Ok(settings)
    }

    pub async fn save_feedback_settings(
        conn: &mut AnyConnection,
        settings: &FeedbackSettings,
    ) -> Result<(), AppError> {
        let values = [
            ("moderation", settings.moderation.as_str().to_string()),
            ("flags_to_hide", settings.flags_to_hide.to_string()),
            (
                "email_retention_days",
                settings.email_retention_days.to_string(),
            ),
            (
                "submissions_per_hour",
                settings.submissions_per_hour.to_string(),
            ),
        ];
        for (name, value) in values {
            sqlx::query(
                "INSERT INTO register_settings (name, value) VALUES ($1, $2) \
                 ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            )
            .bind(name)
            .bind(value)
            .execute(&mut *conn)
            .await
            .map_err(database_error)?;
        }
        Ok(())
    }

    /// The salt of `day` (`YYYY-MM-DD`): the stored one, or `candidate`
    /// stored now if the day has none yet. Every instance gets the same.
    pub async fn day_salt(&self, day: &str, candidate: &str) -> Result<String, AppError> {
        let select = "SELECT salt FROM client_salts WHERE day = $1";
        let known: Option<(String,)> = sqlx::query_as(select)
            .bind(day.to_string())
            .fetch_optional(&self.pool)
            .await
            .map_err(database_error)?;
        if let Some((salt,)) = known {
            return Ok(salt);
        }
        let mut tx = self.write_transaction().await?;
        sqlx::query(
            "INSERT INTO client_salts (day, salt) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING",
        )
        .bind(day.to_string())
        .bind(candidate.to_string())
        .execute(&mut *tx)
        .await
        .map_err(database_error)?;
        let (salt,): (String,) = sqlx::query_as(select)
            .bind(day.to_string())
            .fetch_one(&mut *tx)
            .await
            .map_err(database_error)?;
        tx.commit().await?;
        Ok(salt)
    }

    /// Counts one action of `client` in `hour`; the count so far, this one included.
    pub async fn count_submission(
        conn: &mut AnyConnection,
        client: &str,
        hour: &str,
    ) -> Result<i64, AppError> {
        let (count,): (i64,) = sqlx::query_as(
            "INSERT INTO feedback_rate (client, hour, count) VALUES ($1, $2, 1) \
             ON CONFLICT (client, hour) DO UPDATE SET count = feedback_rate.count + 1 \
             RETURNING count",
        )
        .bind(client.to_string())
        .bind(hour.to_string())
        .fetch_one(&mut *conn)
        .await
        .map_err(database_error)?;
        Ok(count)
    }

    /// Whether the same text (folded) was sent about `system` since `since`.
    pub async fn recent_duplicate(
        conn: &mut AnyConnection,
        system: &SystemId,
        body_key: &str,
        since: &str,
    ) -> Result<bool, AppError> {
        let found: Option<(i64,)> = sqlx::query_as(
            "SELECT id FROM comments WHERE system_id = $1 AND body_key = $2 AND created_at >= $3 LIMIT 1",
        )
        .bind(system.0.clone())
        .bind(body_key.to_string())
        .bind(since.to_string())
        .fetch_optional(&mut *conn)
        .await
        .map_err(database_error)?;
        Ok(found.is_some())
    }

    /// Stores a comment; its id.
    pub async fn insert_comment(
        conn: &mut AnyConnection,
        comment: &NewComment,
    ) -> Result<i64, AppError> {
        let published_at = (comment.state == CommentState::Published).then(|| comment.now.clone());
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO comments (system_id, kind, body, body_key, name, email, state, \
             personal_data_found, created_at, published_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(comment.system.0.clone())
        .bind(comment.kind.as_str())
        .bind(comment.body.clone())
        .bind(comment.body_key.clone())
        .bind(comment.name.clone())
        .bind(comment.email.clone())
        .bind(comment.state.as_str())
        .bind(i64::from(comment.personal_data_found))
        .bind(comment.now.clone())
        .bind(published_at)
        .fetch_one(&mut *conn)
        .await
        .map_err(database_error)?;
        Ok(id)
    }

    /// A comment with its system's owner.
    pub async fn comment(
        conn: &mut AnyConnection,
        id: i64,
    ) -> Result<Option<StoredComment>, AppError> {
        let row = sqlx::query(
            "SELECT c.id, c.system_id, s.agency, coalesce(v.name, s.id) AS name, c.kind, c.state, \
             c.personal_data_found FROM comments c JOIN systems s ON s.id = c.system_id \
             LEFT JOIN system_versions v ON v.system_id = s.id AND v.version = s.current_version \
             WHERE c.id = $1",
        )
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
        .map_err(database_error)?;
        row.map(|row| {
            Ok(StoredComment {
                id: rows::integer(&row, "id")?,
                system: SystemId(rows::text(&row, "system_id")?),
                agency: AgencySlug(rows::text(&row, "agency")?),
                kind: rows::closed(&row, "kind", FeedbackKind::parse)?,
                state: rows::closed(&row, "state", CommentState::parse)?,
                system_name: rows::text(&row, "name")?,
                personal_data_found: rows::integer(&row, "personal_data_found")? == 1,
            })
        })
        .transpose()
    }

    /// Records `client`'s flag; false if it had flagged this comment before.
    pub async fn add_flag(
        conn: &mut AnyConnection,
        comment: i64,
        client: &str,
        reason: HideReason,
        now: &str,
    ) -> Result<bool, AppError> {
        let done = sqlx::query(
            "INSERT INTO comment_flags (comment_id, client, reason, created_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (comment_id, client) DO NOTHING",
        )
        .bind(comment)
        .bind(client.to_string())
        .bind(reason.as_str())
        .bind(now.to_string())
        .execute(&mut *conn)
        .await
        .map_err(database_error)?;
        Ok(done.rows_affected() == 1)
    }

    /// Counts a flag; at `threshold` flags a published comment is hidden
    /// (reason `flagged`) until a moderator looks.
    pub async fn count_flag(
        conn: &mut AnyConnection,
        comment: i64,
        threshold: i64,
    ) -> Result<(), AppError> {
        sqlx::query(
            "UPDATE comments SET flags = flags + 1, \
             hidden_reason = CASE WHEN state = 'published' AND flags + 1 >= $2 THEN 'flagged' ELSE hidden_reason END, \
             state = CASE WHEN state = 'published' AND flags + 1 >= $3 THEN 'hidden' ELSE state END \
             WHERE id = $1",
        )
        .bind(comment)
        .bind(threshold)
        .bind(threshold)
        .execute(&mut *conn)
        .await
        .map_err(database_error)?;
        Ok(())
    }

    /// A moderator's decision: published (flags cleared), or hidden with a reason.
    pub async fn moderate_comment(
        conn: &mut AnyConnection,
        comment: i64,
        state: CommentState,
        reason: Option<HideReason>,
        note: Option<&str>,
        moderator: &str,
        now: &str,
    ) -> Result<(), AppError> {
        let query = if state == CommentState::Published {
            sqlx::query(
                "UPDATE comments SET state = 'published', published_at = COALESCE(published_at, $2), \
                 hidden_reason = NULL, moderator_note = NULL, flags = 0, \
                 moderated_by = $3, moderated_at = $4 WHERE id = $1",
            )
            .bind(comment)
            .bind(now.to_string())
            .bind(moderator.to_string())
            .bind(now.to_string())
        } else {
            sqlx::query(
                "UPDATE comments SET state = 'hidden', hidden_reason = $2, moderator_note = $3, \
                 moderated_by = $4, moderated_at = $5 WHERE id = $1",
            )
            .bind(comment)
            .bind(reason.map(|r| r.as_str()))
            .bind(note.map(str::to_string))
            .bind(moderator.to_string())
            .bind(now.to_string())
        };
        query.execute(&mut *conn).await.map_err(database_error)?;
        Ok(())
    }

    /// The agency's answer: the first sets `answered_at`, later ones `answer_updated_at`.
    pub async fn answer_comment(
        conn: &mut AnyConnection,
        comment: i64,
        text: &str,
        by: &str,
        now: &str,
    ) -> Result<(), AppError> {
        sqlx::query(
            "UPDATE comments SET answer = $2, answered_by = $3, \
             answer_updated_at = CASE WHEN answered_at IS NULL THEN NULL ELSE $4 END, \
             answered_at = COALESCE(answered_at, $5) WHERE id = $1",
        )
        .bind(comment)
        .bind(text.to_string())
        .bind(by.to_string())
        .bind(now.to_string())
        .bind(now.to_string())
        .execute(&mut *conn)
        .await
        .map_err(database_error)?;
        Ok(())
    }

    /// The published comments of a system, oldest first.
    pub async fn published_comments(
        &self,
        system: &SystemId,
    ) -> Result<Vec<PublicComment>, AppError> {
        let sql = format!(
            "SELECT {PUBLIC_COLUMNS} FROM comments c JOIN systems s ON s.id = c.system_id \
             WHERE c.system_id = $1 AND c.state = 'published' ORDER BY c.published_at, c.id"
        );
        let rows = sqlx::query(&sql)
            .bind(system.0.clone())
            .fetch_all(&self.pool)
            .await
            .map_err(database_error)?;
        rows.iter().map(public_comment).collect()
    }

    /// The moderation queue under a filter, newest first (at most 200).
    pub async fn moderation_queue(
        &self,
        filter: QueueFilter,
    ) -> Result<Vec<ModerationItem>, AppError> {
        let condition = queue_condition(filter);
        let sql = format!(
            "SELECT c.id, c.system_id, s.agency, a.name AS agency_name, v.name AS system_name, c.kind, c.body, c.name, \
             c.state, c.hidden_reason, c.moderator_note, c.personal_data_found, c.flags, \
             CAST(CASE WHEN c.email IS NULL THEN 0 ELSE 1 END AS BIGINT) AS wants_reply, c.created_at, c.published_at \
             FROM comments c JOIN systems s ON s.id = c.system_id \
             JOIN system_versions v ON v.system_id = s.id AND v.version = s.current_version \
             JOIN agencies a ON a.slug = s.agency \
             WHERE {condition} ORDER BY c.id DESC LIMIT 200"
        );
        let rows = sqlx::query(&sql)
            .fetch_all(&self.pool)
            .await
            .map_err(database_error)?;
        let mut items = rows
            .iter()
            .map(|row| {
                Ok(ModerationItem {
                    id: rows::integer(row, "id")?,
                    system_id: SystemId(rows::text(row, "system_id")?),
                    system_name: rows::text(row, "system_name")?,
                    agency: AgencySlug(rows::text(row, "agency")?),
                    agency_name: rows::text(row, "agency_name")?,
                    kind: rows::closed(row, "kind", FeedbackKind::parse)?,
                    body: rows::text(row, "body")?,
                    name: rows::optional_text(row, "name")?,
                    state: rows::closed(row, "state", CommentState::parse)?,
                    hidden_reason: rows::optional_text(row, "hidden_reason")?,
                    moderator_note: rows::optional_text(row, "moderator_note")?,
                    personal_data_found: rows::integer(row, "personal_data_found")? == 1,
                    flags: rows::integer(row, "flags")?,
                    flag_reasons: Vec::new(),
                    wants_reply: rows::integer(row, "wants_reply")? == 1,
                    created_at: rows::text(row, "created_at")?,
                    published_at: rows::optional_text(row, "published_at")?,
                })
            })
            .collect::<Result<Vec<_>, AppError>>()?;
        if !items.is_empty() {
            // Ids are integers read from the database: safe to list in the SQL.
            let ids = items
                .iter()
                .map(|i| i.id.to_string())
                .collect::<Vec<_>>()
                .join(", ");
            let flags: Vec<(i64, String)> = sqlx::query_as(&format!(
                "SELECT comment_id, reason FROM comment_flags WHERE comment_id IN ({ids}) \
                 ORDER BY created_at"
            ))
            .fetch_all(&self.pool)
            .await
            .map_err(database_error)?;
            for (id, reason) in flags {
                if let Some(item) = items.iter_mut().find(|i| i.id == id) {
                    item.flag_reasons.push(reason);
                }
            }
        }
        Ok(items)
    }

    /// How many comments each filter of the moderation queue holds.
    pub async fn queue_counts(&self) -> Result<QueueCounts, AppError> {
        let count = |condition: &str| {
            format!("CAST(COALESCE(SUM(CASE WHEN {condition} THEN 1 ELSE 0 END), 0) AS BIGINT)")
        };
        let sql = format!(
            "SELECT {} AS pending, {} AS flagged, {} AS hidden, {} AS published FROM comments c",
            count(queue_condition(QueueFilter::Pending)),
            count(queue_condition(QueueFilter::Flagged)),
            count(queue_condition(QueueFilter::Hidden)),
            count(queue_condition(QueueFilter::Published)),
        );
        let row = sqlx::query(&sql)
            .fetch_one(&self.pool)
            .await
            .map_err(database_error)?;
        Ok(QueueCounts {
            pending: rows::integer(&row, "pending")?,
            flagged: rows::integer(&row, "flagged")?,
            hidden: rows::integer(&row, "hidden")?,
            published: rows::integer(&row, "published")?,
        })
    }

    /// An agency's published questions and error reports with their systems'
    /// names: unanswered ones first, longest waiting first, then the 100
    /// latest answered.
    pub async fn agency_items(
        &self,
        agency: &AgencySlug,
        now: &str,
    ) -> Result<Vec<AgencyItem>, AppError> {
        let sql = format!(
            "SELECT {PUBLIC_COLUMNS}, c.system_id, v.name AS system_name \
             FROM comments c JOIN systems s ON s.id = c.system_id \
             JOIN system_versions v ON v.system_id = s.id AND v.version = s.current_version \
             WHERE s.agency = $1 AND c.state = 'published' AND c.kind IN ('question', 'error') \
             ORDER BY c.published_at, c.id"
        );
        let rows = sqlx::query(&sql)
            .bind(agency.0.clone())
            .fetch_all(&self.pool)
            .await
            .map_err(database_error)?;
        let all = rows
            .iter()
            .map(|row| {
                let comment = public_comment(row)?;
                Ok(AgencyItem {
                    waiting_seconds: crate::clock::seconds_between(&comment.published_at, now),
                    comment,
                    system_id: SystemId(rows::text(row, "system_id")?),
                    system_name: rows::text(row, "system_name")?,
                })
            })
            .collect::<Result<Vec<_>, AppError>>()?;
        let (mut open, mut answered): (Vec<_>, Vec<_>) =
            all.into_iter().partition(|i| i.comment.answer.is_none());
        answered.sort_by(|a, b| {
            let at = |i: &AgencyItem| i.comment.answer.as_ref().map(|a| a.answered_at.clone());
            at(b).cmp(&at(a))
        });
        answered.truncate(100);
        open.extend(answered);
        Ok(open)
    }

    /// Every published question and error report (of one agency, or all):
    /// its agency, when it was published, and when it was answered.
    pub async fn answer_times(
        &self,
        agency: Option<&AgencySlug>,
    ) -> Result<Vec<(AgencySlug, String, Option<String>)>, AppError> {
        let sql = "SELECT s.agency, c.published_at, c.answered_at FROM comments c \
                   JOIN systems s ON s.id = c.system_id \
                   WHERE c.state = 'published' AND c.kind IN ('question', 'error') \
                   AND ($1 = '' OR s.agency = $2)";
        let slug = agency.map(|a| a.0.clone()).unwrap_or_default();
        let rows: Vec<(String, String, Option<String>)> = sqlx::query_as(sql)
            .bind(slug.clone())
            .bind(slug)
            .fetch_all(&self.pool)
            .await
            .map_err(database_error)?;
        Ok(rows
            .into_iter()
            .map(|(agency, published, answered)| (AgencySlug(agency), published, answered))
            .collect())
    }

    /// Deletes the reply emails of comments sent before `cutoff`; how many.
    pub async fn forget_emails(
        conn: &mut AnyConnection,
        cutoff: &str,
        now: &str,
    ) -> Result<u64, AppError> {
        let done = sqlx::query(
            "UPDATE comments SET email = NULL, email_deleted_at = $2 \
             WHERE email IS NOT NULL AND created_at < $1",
        )
        .bind(cutoff.to_string())
        .bind(now.to_string())
        .execute(&mut *conn)
        .await
        .map_err(database_error)?;
        Ok(done.rows_affected())
    }

    /// Deletes rate-limit counts of hours before `hour` and salts of days before `day`.
    pub async fn tidy_client_traces(
        conn: &mut AnyConnection,
        hour: &str,
        day: &str,
    ) -> Result<(), AppError> {
        sqlx::query("DELETE FROM feedback_rate WHERE hour < $1")
            .bind(hour.to_string())
            .execute(&mut *conn)
            .await
            .map_err(database_error)?;
        sqlx::query("DELETE FROM client_salts WHERE day < $1")
            .bind(day.to_string())
            .execute(&mut *conn)
            .await
            .map_err(database_error)?;
        Ok(())
    }
}

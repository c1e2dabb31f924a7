//! Citizen feedback: comments, flags and answers (here), the moderators'
//! queue and the agencies' desk (`desk`), and the settings, the rate limit's
//! counts, the day's salt for client hashes and what is forgotten (`limits`).
//!
//! No query here returns a comment's email: only whether there is one.

mod answers;
pub use answers::median;
mod desk;
mod limits;

use super::rows;
use super::{DatabaseKind, Storage, database_error};
use app::error::AppError;
use app::feedback::{
    AgencyItem, FeedbackSettings, Moderation, ModerationItem, OfficialAnswer, PublicComment,
    QueueCounts, QueueFilter,
};
use app::record::{AgencySlug, CommentState, FeedbackKind, HideReason, SystemId, Timestamp};
use sqlx::AnyConnection;
use sqlx::any::AnyRow;

/// A published question's or error report's agency, publication time and
/// answer time (if answered).
pub type AnswerTime = (AgencySlug, String, Option<String>);

/// A comment to store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewComment {
    pub system: SystemId,
    pub kind: FeedbackKind,
    pub body: String,
    pub body_key: String,
    pub name: Option<String>,
    pub email: Option<String>,
    /// The code of the language the citizen wrote in, for mail to them.
    pub language: String,
    pub state: CommentState,
    pub personal_data_found: bool,
    pub now: String,
}

/// What mail about a comment tells the citizen who wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommentForMail {
    pub system: SystemId,
    pub system_name: String,
    pub agency_name: String,
    pub kind: FeedbackKind,
    pub body: String,
    pub state: CommentState,
    /// Why it is hidden: a moderator's reason, or `flagged`.
    pub hidden_reason: Option<String>,
    pub answer: Option<String>,
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
            answered_at: rows::optional_text(row, "answered_at")?
                .unwrap_or_default()
                .into(),
            updated_at: rows::optional_text(row, "answer_updated_at")?.map(Timestamp::from),
        }),
        None => None,
    };
    Ok(PublicComment {
        id: rows::integer(row, "id")?,
        kind: rows::closed(row, "kind", FeedbackKind::parse)?,
        body: rows::text(row, "body")?,
        name: rows::optional_text(row, "name")?,
        published_at: rows::optional_text(row, "published_at")?
            .unwrap_or_default()
            .into(),
        answer,
    })
}

/// The columns of [`public_comment`], for queries joining `comments c` and `systems s`.
const PUBLIC_COLUMNS: &str = "c.id, c.kind, c.body, c.name, \
    rfc3339(c.published_at) AS published_at, c.answer, rfc3339(c.answered_at) AS answered_at, \
    rfc3339(c.answer_updated_at) AS answer_updated_at, s.agency";

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
    /// Stores a comment; its id.
    pub async fn insert_comment(
        conn: &mut AnyConnection,
        comment: &NewComment,
    ) -> Result<i64, AppError> {
        let published_at = (comment.state == CommentState::Published).then(|| comment.now.clone());
        let (id,): (i64,) = sqlx::query_as(&DatabaseKind::of(conn).sql(
            "INSERT INTO comments (system_id, kind, body, body_key, name, email, state, \
             personal_data_found, created_at, published_at, language) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz, $10::timestamptz, $11) \
             RETURNING id",
        ))
        .bind(comment.system.0.clone())
        .bind(comment.kind.as_str())
        .bind(comment.body.clone())
        .bind(comment.body_key.clone())
        .bind(comment.name.clone())
        .bind(comment.email.clone())
        .bind(comment.state.as_str())
        .bind(comment.personal_data_found)
        .bind(comment.now.clone())
        .bind(published_at)
        .bind(comment.language.clone())
        .fetch_one(&mut *conn)
        .await
        .map_err(database_error)?;
        Ok(id)
    }

    /// The address a citizen left on comment `id` for a reply, with the
    /// code of the language they wrote in (`None`: written before languages
    /// were kept): for queueing mail to them, and nothing else.
    pub async fn reply_address(
        conn: &mut AnyConnection,
        id: i64,
    ) -> Result<Option<(String, Option<String>)>, AppError> {
        let row: Option<(Option<String>, Option<String>)> =
            sqlx::query_as("SELECT email, language FROM comments WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *conn)
                .await
                .map_err(database_error)?;
        Ok(row.and_then(|(email, language)| email.map(|email| (email, language))))
    }

    /// Comment `id` as mail about it tells it (never the moderator's note).
    pub async fn comment_for_mail(&self, id: i64) -> Result<Option<CommentForMail>, AppError> {
        let row = sqlx::query(
            "SELECT c.system_id, coalesce(v.name, s.id) AS name, a.name AS agency_name, c.kind, \
             c.body, c.state, c.hidden_reason, c.answer FROM comments c \
             JOIN systems s ON s.id = c.system_id JOIN agencies a ON a.slug = s.agency \
             LEFT JOIN system_versions v ON v.system_id = s.id AND v.version = s.current_version \
             WHERE c.id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .map_err(database_error)?;
        row.map(|row| {
            Ok(CommentForMail {
                system: SystemId(rows::text(&row, "system_id")?),
                system_name: rows::text(&row, "name")?,
                agency_name: rows::text(&row, "agency_name")?,
                kind: rows::closed(&row, "kind", FeedbackKind::parse)?,
                body: rows::text(&row, "body")?,
                state: rows::closed(&row, "state", CommentState::parse)?,
                hidden_reason: rows::optional_text(&row, "hidden_reason")?,
                answer: rows::optional_text(&row, "answer")?,
            })
        })
        .transpose()
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
                personal_data_found: rows::flag(&row, "personal_data_found")?,
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
        let done = sqlx::query(&DatabaseKind::of(conn).sql(
            "INSERT INTO comment_flags (comment_id, client, reason, created_at) \
             VALUES ($1, $2, $3, $4::timestamptz) ON CONFLICT (comment_id, client) DO NOTHING",
        ))
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
        let kind = DatabaseKind::of(conn);
        let publish = kind.sql(
            "UPDATE comments SET state = 'published', \
             published_at = COALESCE(published_at, $2::timestamptz), \
             hidden_reason = NULL, moderator_note = NULL, flags = 0, \
             moderated_by = $3, moderated_at = $4::timestamptz WHERE id = $1",
        );
        let hide = kind.sql(
            "UPDATE comments SET state = 'hidden', hidden_reason = $2, moderator_note = $3, \
             moderated_by = $4, moderated_at = $5::timestamptz WHERE id = $1",
        );
        let query = if state == CommentState::Published {
            sqlx::query(&publish)
                .bind(comment)
                .bind(now.to_string())
                .bind(moderator.to_string())
                .bind(now.to_string())
        } else {
            sqlx::query(&hide)
                .bind(comment)
                .bind(reason.map(|r| r.as_str()))
                .bind(note.map(str::to_string))
                .bind(moderator.to_string())
                .bind(now.to_string())
        };
        query.execute(&mut *conn).await.map_err(database_error)?;
        Ok(())
    }

    /// The agency's answer: the first sets `answered_at`, later ones
    /// `answer_updated_at`. Says whether it was the first.
    pub async fn answer_comment(
        conn: &mut AnyConnection,
        comment: i64,
        text: &str,
        by: &str,
        now: &str,
    ) -> Result<bool, AppError> {
        let (first,): (i64,) = sqlx::query_as(&DatabaseKind::of(conn).sql(
            "UPDATE comments SET answer = $2, answered_by = $3, \
             answer_updated_at = CASE WHEN answered_at IS NULL THEN NULL ELSE $4::timestamptz END, \
             answered_at = COALESCE(answered_at, $5::timestamptz) WHERE id = $1 \
             RETURNING CAST(CASE WHEN answer_updated_at IS NULL THEN 1 ELSE 0 END AS BIGINT)",
        ))
        .bind(comment)
        .bind(text.to_string())
        .bind(by.to_string())
        .bind(now.to_string())
        .bind(now.to_string())
        .fetch_one(&mut *conn)
        .await
        .map_err(database_error)?;
        Ok(first == 1)
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
        let rows = sqlx::query(&self.kind.sql(&sql))
            .bind(system.0.clone())
            .fetch_all(&self.pool)
            .await
            .map_err(database_error)?;
        rows.iter().map(public_comment).collect()
    }
}

//! What the moderators' queue and the agencies' answer desk read.

use super::*;

impl Storage {
    /// The moderation queue under a filter, newest first (at most 200).
    pub async fn moderation_queue(
        &self,
        filter: QueueFilter,
    ) -> Result<Vec<ModerationItem>, AppError> {
        let condition = queue_condition(filter);
        let sql = format!(
            "SELECT c.id, c.system_id, s.agency, a.name AS agency_name, v.name AS system_name, c.kind, c.body, c.name, \
             c.state, c.hidden_reason, c.moderator_note, c.personal_data_found, c.flags, \
             CAST(CASE WHEN c.email IS NULL THEN 0 ELSE 1 END AS BIGINT) AS wants_reply, \
             rfc3339(c.created_at) AS created_at, rfc3339(c.published_at) AS published_at \
             FROM comments c JOIN systems s ON s.id = c.system_id \
             JOIN system_versions v ON v.system_id = s.id AND v.version = s.current_version \
             JOIN agencies a ON a.slug = s.agency \
             WHERE {condition} ORDER BY c.id DESC LIMIT 200"
        );
        let rows = sqlx::query(&self.kind.sql(&sql))
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
                    personal_data_found: rows::flag(row, "personal_data_found")?,
                    flags: rows::integer(row, "flags")?,
                    flag_reasons: Vec::new(),
                    wants_reply: rows::integer(row, "wants_reply")? == 1,
                    created_at: rows::text(row, "created_at")?.into(),
                    published_at: rows::optional_text(row, "published_at")?.map(Timestamp::from),
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
        let rows = sqlx::query(&self.kind.sql(&sql))
            .bind(agency.0.clone())
            .fetch_all(&self.pool)
            .await
            .map_err(database_error)?;
        let all = rows
            .iter()
            .map(|row| {
                let comment = public_comment(row)?;
                Ok(AgencyItem {
                    waiting_seconds: crate::clock::seconds_between(
                        comment.published_at.as_str(),
                        now,
                    ),
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
}

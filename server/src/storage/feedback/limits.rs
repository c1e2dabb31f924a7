//! The feedback settings, the rate limit's counts and the day's salt for
//! client hashes, and forgetting what is kept only for a while.

use super::*;

impl Storage {
    /// The register's feedback settings (the defaults for any not stored).
    /// Kept for a moment (see `kept.rs`): every record page asks for them.
    pub async fn feedback_settings(&self) -> Result<FeedbackSettings, AppError> {
        self.feedback_settings
            .get_or_read(self.read_feedback_settings())
            .await
    }

    async fn read_feedback_settings(&self) -> Result<FeedbackSettings, AppError> {
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
                ("answer_reminder_days", Some(n)) => settings.answer_reminder_days = n,
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
            (
                "answer_reminder_days",
                settings.answer_reminder_days.to_string(),
            ),
        ];
        for (name, value) in values {
            Self::save_setting(conn, name, &value).await?;
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
        let found: Option<(i64,)> = sqlx::query_as(&DatabaseKind::of(conn).sql(
            "SELECT id FROM comments WHERE system_id = $1 AND body_key = $2 \
             AND created_at >= $3::timestamptz LIMIT 1",
        ))
        .bind(system.0.clone())
        .bind(body_key.to_string())
        .bind(since.to_string())
        .fetch_optional(&mut *conn)
        .await
        .map_err(database_error)?;
        Ok(found.is_some())
    }

    /// Deletes the reply emails of comments sent before `cutoff`; how many.
    pub async fn forget_emails(
        conn: &mut AnyConnection,
        cutoff: &str,
        now: &str,
    ) -> Result<u64, AppError> {
        let done = sqlx::query(&DatabaseKind::of(conn).sql(
            "UPDATE comments SET email = NULL, email_deleted_at = $2::timestamptz \
             WHERE email IS NOT NULL AND created_at < $1::timestamptz",
        ))
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

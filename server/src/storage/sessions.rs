//! Sessions of signed-in accounts, and the failed sign-ins that lock an email.

use super::{Storage, database_error};
use crate::accounts::Account;
use app::error::AppError;

/// What counting a sign-in attempt allowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignInClaim {
    /// Check the password: this is attempt number `attempt` in the window.
    Counted { attempt: i64 },
    /// Refused without checking: the email is locked until then.
    Locked { until: String },
}

impl Storage {
    /// Starts a session for an account; `token_hash` is the SHA-256 of the cookie's token.
    pub async fn create_session(
        &self,
        account: i64,
        token_hash: &str,
        csrf_token: &str,
        now: &str,
        expires_at: &str,
    ) -> Result<(), AppError> {
        sqlx::query(&self.kind.sql(
            "INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, expires_at) \
             VALUES ($1, $2, $3, $4::timestamptz, $5::timestamptz)",
        ))
        .bind(token_hash.to_string())
        .bind(account)
        .bind(csrf_token.to_string())
        .bind(now.to_string())
        .bind(expires_at.to_string())
        .execute(&self.pool)
        .await
        .map_err(database_error)?;
        Ok(())
    }

    /// The account of an unexpired session, with the session's CSRF token.
    pub async fn session(
        &self,
        token_hash: &str,
        now: &str,
    ) -> Result<Option<(Account, String)>, AppError> {
        let sql = format!(
            "SELECT {}, s.csrf_token FROM sessions s JOIN accounts a ON a.id = s.account_id \
             WHERE s.token_hash = $1 AND s.expires_at > $2::timestamptz \
             AND a.disabled_at IS NULL",
            super::accounts::ACCOUNT_COLUMNS_OF_A
        );
        let row = sqlx::query(&self.kind.sql(&sql))
            .bind(token_hash.to_string())
            .bind(now.to_string())
            .fetch_optional(&self.pool)
            .await
            .map_err(database_error)?;
        row.map(|row| {
            Ok((
                super::accounts::account(&row)?,
                super::rows::text(&row, "csrf_token")?,
            ))
        })
        .transpose()
    }

    /// Ends a session (signing out); an unknown token is no error.
    pub async fn delete_session(&self, token_hash: &str) -> Result<(), AppError> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash.to_string())
            .execute(&self.pool)
            .await
            .map_err(database_error)?;
        Ok(())
    }

    /// Counts a sign-in attempt for an email before its password is checked,
    /// in one write transaction whose statements lock the email's row, so
    /// attempts made at once (by several instances, or 40 parallel requests)
    /// are each counted before any is checked.
    ///
    /// Failures older than `window_start`, or from before a lock that has
    /// ended, are forgotten. With `limit` attempts already counted, the email
    /// is locked until `lock_until` and this attempt is refused.
    pub async fn claim_sign_in(
        &self,
        email: &str,
        now: &str,
        window_start: &str,
        limit: i64,
        lock_until: &str,
    ) -> Result<SignInClaim, AppError> {
        let mut tx = self.write_transaction().await?;
        // A lock that has ended, or failures older than the window, are
        // forgotten first (the row stays locked for this transaction).
        sqlx::query(&self.kind.sql(
            "UPDATE sign_in_failures SET failures = 0, first_at = $2::timestamptz, \
             locked_until = NULL WHERE email = $1 AND (locked_until <= $2::timestamptz \
             OR (locked_until IS NULL AND first_at < $3::timestamptz))",
        ))
        .bind(email.to_string())
        .bind(now.to_string())
        .bind(window_start.to_string())
        .execute(&mut *tx)
        .await
        .map_err(database_error)?;
        // Then the attempt is counted, unless the email is locked or at the
        // limit, which locks it now.
        let (failures, locked_until): (i64, Option<String>) = sqlx::query_as(&self.kind.sql(
            "INSERT INTO sign_in_failures (email, failures, first_at) \
             VALUES ($1, 1, $2::timestamptz) \
             ON CONFLICT (email) DO UPDATE SET \
               failures = CASE \
                 WHEN sign_in_failures.locked_until IS NOT NULL \
                   OR sign_in_failures.failures >= $3 THEN sign_in_failures.failures \
                 ELSE sign_in_failures.failures + 1 END, \
               locked_until = CASE \
                 WHEN sign_in_failures.locked_until IS NULL AND sign_in_failures.failures >= $3 \
                   THEN $4::timestamptz \
                 ELSE sign_in_failures.locked_until END \
             RETURNING failures, rfc3339(locked_until)",
        ))
        .bind(email.to_string())
        .bind(now.to_string())
        .bind(limit)
        .bind(lock_until.to_string())
        .fetch_one(&mut *tx)
        .await
        .map_err(database_error)?;
        tx.commit().await?;
        Ok(match locked_until {
            Some(until) if until.as_str() > now => SignInClaim::Locked { until },
            _ => SignInClaim::Counted { attempt: failures },
        })
    }

    /// A counted attempt had the wrong password: at `limit` failures the
    /// email is locked until `lock_until`.
    pub async fn sign_in_failed(
        &self,
        email: &str,
        limit: i64,
        lock_until: &str,
    ) -> Result<(), AppError> {
        let mut tx = self.write_transaction().await?;
        sqlx::query(&self.kind.sql(
            "UPDATE sign_in_failures SET locked_until = $2::timestamptz \
             WHERE email = $1 AND failures >= $3 AND locked_until IS NULL",
        ))
        .bind(email.to_string())
        .bind(lock_until.to_string())
        .bind(limit)
        .execute(&mut *tx)
        .await
        .map_err(database_error)?;
        tx.commit().await?;
        Ok(())
    }

    /// A counted attempt had the right password: it was no failure. When no
    /// attempt was counted after it and the email is not locked, earlier
    /// failures are forgotten too; otherwise only this attempt is uncounted,
    /// so a right password inside a burst of guesses lifts nothing.
    pub async fn sign_in_succeeded(
        &self,
        email: &str,
        attempt: i64,
        now: &str,
    ) -> Result<(), AppError> {
        let mut tx = self.write_transaction().await?;
        let forgotten = sqlx::query(&self.kind.sql(
            "DELETE FROM sign_in_failures WHERE email = $1 AND failures <= $2 \
             AND (locked_until IS NULL OR locked_until <= $3::timestamptz)",
        ))
        .bind(email.to_string())
        .bind(attempt)
        .bind(now.to_string())
        .execute(&mut *tx)
        .await
        .map_err(database_error)?;
        if forgotten.rows_affected() == 0 {
            sqlx::query(
                "UPDATE sign_in_failures SET failures = failures - 1 \
                 WHERE email = $1 AND failures > 0",
            )
            .bind(email.to_string())
            .execute(&mut *tx)
            .await
            .map_err(database_error)?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Counts a sign-in attempt of a client (a hashed address) in a period
    /// (a timestamp's prefix) and answers how many it has made in it.
    pub async fn count_sign_in_attempt(&self, client: &str, period: &str) -> Result<i64, AppError> {
        let mut tx = self.write_transaction().await?;
        let (count,): (i64,) = sqlx::query_as(
            "INSERT INTO sign_in_rate (client, period, count) VALUES ($1, $2, 1) \
             ON CONFLICT (client, period) DO UPDATE SET count = sign_in_rate.count + 1 \
             RETURNING count",
        )
        .bind(client.to_string())
        .bind(period.to_string())
        .fetch_one(&mut *tx)
        .await
        .map_err(database_error)?;
        tx.commit().await?;
        Ok(count)
    }

    /// Deletes sessions that expired before `now` and failed sign-ins that no
    /// longer count or lock (older than `window_start`): what sign-in leaves
    /// behind. Returns how many rows went.
    pub async fn prune_sign_ins(&self, now: &str, window_start: &str) -> Result<u64, AppError> {
        let sessions = sqlx::query(
            &self
                .kind
                .sql("DELETE FROM sessions WHERE expires_at <= $1::timestamptz"),
        )
        .bind(now.to_string())
        .execute(&self.pool)
        .await
        .map_err(database_error)?;
        let failures = sqlx::query(&self.kind.sql(
            "DELETE FROM sign_in_failures WHERE first_at < $1::timestamptz \
             AND (locked_until IS NULL OR locked_until <= $2::timestamptz)",
        ))
        .bind(window_start.to_string())
        .bind(now.to_string())
        .execute(&self.pool)
        .await
        .map_err(database_error)?;
        // Periods are timestamps' prefixes, so an older one sorts before.
        let rates = sqlx::query("DELETE FROM sign_in_rate WHERE period < $1")
            .bind(window_start.to_string())
            .execute(&self.pool)
            .await
            .map_err(database_error)?;
        Ok(sessions.rows_affected() + failures.rows_affected() + rates.rows_affected())
    }
}

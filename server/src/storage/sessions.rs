//! Sessions of signed-in accounts, and the failed sign-ins that lock an email.

use super::{Storage, database_error};
use crate::accounts::Account;
use app::error::AppError;

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
        sqlx::query(
            "INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
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
             WHERE s.token_hash = $1 AND s.expires_at > $2",
            super::accounts::ACCOUNT_COLUMNS_OF_A
        );
        let row = sqlx::query(&sql)
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

    /// Until when sign-ins for this email are refused, if they are at `now`.
    pub async fn sign_in_locked_until(
        &self,
        email: &str,
        now: &str,
    ) -> Result<Option<String>, AppError> {
        let row: Option<(Option<String>,)> = sqlx::query_as(
            "SELECT locked_until FROM sign_in_failures WHERE email = $1 AND locked_until > $2",
        )
        .bind(email.to_string())
        .bind(now.to_string())
        .fetch_optional(&self.pool)
        .await
        .map_err(database_error)?;
        Ok(row.and_then(|(until,)| until))
    }

    /// Counts a failed sign-in. Failures older than `window_start` are
    /// forgotten; at `limit` failures the email is locked until `lock_until`.
    pub async fn record_sign_in_failure(
        &self,
        email: &str,
        now: &str,
        window_start: &str,
        limit: i64,
        lock_until: &str,
    ) -> Result<(), AppError> {
        let mut tx = self.write_transaction().await?;
        // One statement, so failures counted at once by several instances all count.
        sqlx::query(
            "INSERT INTO sign_in_failures (email, failures, first_at) VALUES ($1, 1, $2) \
             ON CONFLICT (email) DO UPDATE SET \
               failures = CASE WHEN sign_in_failures.first_at < $3 THEN 1 \
                               ELSE sign_in_failures.failures + 1 END, \
               first_at = CASE WHEN sign_in_failures.first_at < $3 THEN $2 \
                               ELSE sign_in_failures.first_at END",
        )
        .bind(email.to_string())
        .bind(now.to_string())
        .bind(window_start.to_string())
        .execute(&mut *tx)
        .await
        .map_err(database_error)?;
        sqlx::query(
            "UPDATE sign_in_failures SET locked_until = $2 WHERE email = $1 AND failures >= $3",
        )
        .bind(email.to_string())
        .bind(lock_until.to_string())
        .bind(limit)
        .execute(&mut *tx)
        .await
        .map_err(database_error)?;
        tx.commit().await.map_err(database_error)?;
        Ok(())
    }

    /// Forgets the failed sign-ins of an email, after one that succeeded.
    pub async fn clear_sign_in_failures(&self, email: &str) -> Result<(), AppError> {
        sqlx::query("DELETE FROM sign_in_failures WHERE email = $1")
            .bind(email.to_string())
            .execute(&self.pool)
            .await
            .map_err(database_error)?;
        Ok(())
    }

    /// Deletes sessions that expired before `now` and failed sign-ins that no
    /// longer count or lock (older than `window_start`): what sign-in leaves
    /// behind. Returns how many rows went.
    pub async fn prune_sign_ins(&self, now: &str, window_start: &str) -> Result<u64, AppError> {
        let sessions = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(now.to_string())
            .execute(&self.pool)
            .await
            .map_err(database_error)?;
        let failures = sqlx::query(
            "DELETE FROM sign_in_failures WHERE first_at < $1 \
             AND (locked_until IS NULL OR locked_until <= $2)",
        )
        .bind(window_start.to_string())
        .bind(now.to_string())
        .execute(&self.pool)
        .await
        .map_err(database_error)?;
        Ok(sessions.rows_affected() + failures.rows_affected())
    }
}

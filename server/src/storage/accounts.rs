//! Accounts: creating them, finding them, and what an operator does to them
//! (disable, enable, a new password, ending their sessions).

use super::rows;
use super::{DatabaseKind, Storage, database_error};
use crate::accounts::{Account, NewAccount, normalise_email};
use app::error::AppError;
use app::record::{AgencySlug, Role};
use sqlx::AnyConnection;
use sqlx::any::AnyRow;
use std::collections::BTreeMap;

const ACCOUNT_COLUMNS: &str = "id, email, name, role, agency, \
    rfc3339(created_at) AS created_at, rfc3339(disabled_at) AS disabled_at";
/// The same columns of `accounts a`, for joins.
pub(super) const ACCOUNT_COLUMNS_OF_A: &str = "a.id, a.email, a.name, a.role, a.agency, \
    rfc3339(a.created_at) AS created_at, rfc3339(a.disabled_at) AS disabled_at";

pub(super) fn account(row: &AnyRow) -> Result<Account, AppError> {
    Ok(Account {
        id: rows::integer(row, "id")?,
        email: rows::text(row, "email")?,
        name: rows::text(row, "name")?,
        role: rows::closed(row, "role", Role::parse)?,
        agency: rows::optional_text(row, "agency")?.map(AgencySlug),
        created_at: rows::text(row, "created_at")?,
        disabled_at: rows::optional_text(row, "disabled_at")?,
    })
}

impl Storage {
    /// Creates an account with an already hashed password.
    ///
    /// An agency that does not exist is a validation error on `agency`; an
    /// email that already has an account is a conflict.
    pub async fn create_account(
        conn: &mut AnyConnection,
        new: &NewAccount,
        password_hash: &str,
        now: &str,
    ) -> Result<Account, AppError> {
        if let Some(agency) = &new.agency {
            let known: Option<(String,)> =
                sqlx::query_as("SELECT slug FROM agencies WHERE slug = $1")
                    .bind(agency.0.clone())
                    .fetch_optional(&mut *conn)
                    .await
                    .map_err(database_error)?;
            if known.is_none() {
                return Err(AppError::Validation(BTreeMap::from([(
                    "agency".to_string(),
                    vec![format!("No agency has the slug “{agency}”")],
                )])));
            }
        }
        let sql = format!(
            "INSERT INTO accounts (email, name, role, agency, password_hash, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6::timestamptz) RETURNING {ACCOUNT_COLUMNS}"
        );
        let row = sqlx::query(&DatabaseKind::of(conn).sql(&sql))
            .bind(normalise_email(&new.email))
            .bind(new.name.trim().to_string())
            .bind(new.role.as_str())
            .bind(new.agency.as_ref().map(|a| a.0.clone()))
            .bind(password_hash.to_string())
            .bind(now.to_string())
            .fetch_one(&mut *conn)
            .await
            .map_err(|error| match database_error(error) {
                AppError::Conflict(_) => AppError::Conflict(format!(
                    "An account with the email {} already exists",
                    normalise_email(&new.email)
                )),
                other => other,
            })?;
        account(&row)
    }

    /// The account with this email (in any case) and its password hash, if there is one.
    pub async fn account_by_email(
        &self,
        email: &str,
    ) -> Result<Option<(Account, String)>, AppError> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS}, password_hash FROM accounts WHERE email = $1");
        let row = sqlx::query(&self.kind.sql(&sql))
            .bind(normalise_email(email))
            .fetch_optional(&self.pool)
            .await
            .map_err(database_error)?;
        row.map(|row| Ok((account(&row)?, rows::text(&row, "password_hash")?)))
            .transpose()
    }

    /// Every account, by email.
    pub async fn accounts(&self) -> Result<Vec<Account>, AppError> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts ORDER BY email");
        let rows = sqlx::query(&self.kind.sql(&sql))
            .fetch_all(&self.pool)
            .await
            .map_err(database_error)?;
        rows.iter().map(account).collect()
    }

    /// The account with this id, in a write's transaction.
    pub async fn account_by_id(
        conn: &mut AnyConnection,
        id: i64,
    ) -> Result<Option<Account>, AppError> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = $1");
        let row = sqlx::query(&DatabaseKind::of(conn).sql(&sql))
            .bind(id)
            .fetch_optional(&mut *conn)
            .await
            .map_err(database_error)?;
        row.as_ref().map(account).transpose()
    }

    /// Disables an account from `at`, or (with `None`) enables it again.
    pub async fn set_account_disabled(
        conn: &mut AnyConnection,
        id: i64,
        at: Option<&str>,
    ) -> Result<(), AppError> {
        let sql = "UPDATE accounts SET disabled_at = $2::timestamptz WHERE id = $1";
        sqlx::query(&DatabaseKind::of(conn).sql(sql))
            .bind(id)
            .bind(at.map(str::to_string))
            .execute(&mut *conn)
            .await
            .map_err(database_error)?;
        Ok(())
    }

    /// Replaces an account's password hash.
    pub async fn set_password_hash(
        conn: &mut AnyConnection,
        id: i64,
        password_hash: &str,
    ) -> Result<(), AppError> {
        sqlx::query("UPDATE accounts SET password_hash = $2 WHERE id = $1")
            .bind(id)
            .bind(password_hash.to_string())
            .execute(&mut *conn)
            .await
            .map_err(database_error)?;
        Ok(())
    }

    /// The password hash of an account.
    pub async fn password_hash(&self, id: i64) -> Result<Option<String>, AppError> {
        let row: Option<(String,)> =
            sqlx::query_as("SELECT password_hash FROM accounts WHERE id = $1")
                .bind(id)
                .fetch_optional(&self.pool)
                .await
                .map_err(database_error)?;
        Ok(row.map(|(hash,)| hash))
    }

    /// Ends every session of an account but the one whose token hash is
    /// `keep`; answers how many ended.
    pub async fn end_sessions(
        conn: &mut AnyConnection,
        account: i64,
        keep: Option<&str>,
    ) -> Result<u64, AppError> {
        let ended = sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2")
            .bind(account)
            // No token hash is empty: with nothing to keep, every session ends.
            .bind(keep.unwrap_or_default().to_string())
            .execute(&mut *conn)
            .await
            .map_err(database_error)?;
        Ok(ended.rows_affected())
    }

    /// How many live sessions each account has at `now`, by account id.
    pub async fn session_counts(&self, now: &str) -> Result<BTreeMap<i64, i64>, AppError> {
        let rows: Vec<(i64, i64)> = sqlx::query_as(&self.kind.sql(
            "SELECT account_id, count(*) FROM sessions WHERE expires_at > $1::timestamptz \
             GROUP BY account_id",
        ))
        .bind(now.to_string())
        .fetch_all(&self.pool)
        .await
        .map_err(database_error)?;
        Ok(rows.into_iter().collect())
    }
}

//! API tokens of agencies: kept as SHA-256 hashes, revocable, never reissued.

use super::rows;
use super::{DatabaseKind, Storage, database_error};
use app::error::AppError;
use app::record::{AgencySlug, TokenScope};
use sqlx::AnyConnection;
use sqlx::any::AnyRow;

/// An API token as stored (its hash stays in the database).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiToken {
    pub id: i64,
    pub agency: AgencySlug,
    pub scope: TokenScope,
    /// What the agency uses it for, e.g. "inventory sync".
    pub label: String,
    /// Who created it: an account's email, or `terminal`.
    pub created_by: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    pub revoked_at: Option<String>,
    pub last_used_at: Option<String>,
    /// When it stops working, if it was given an expiry (RFC 3339, UTC).
    pub expires_at: Option<String>,
}

const TOKEN_COLUMNS: &str = "id, agency, scope, label, created_by, \
    rfc3339(created_at) AS created_at, rfc3339(revoked_at) AS revoked_at, \
    rfc3339(last_used_at) AS last_used_at, rfc3339(expires_at) AS expires_at";

fn token(row: &AnyRow) -> Result<ApiToken, AppError> {
    Ok(ApiToken {
        id: rows::integer(row, "id")?,
        agency: AgencySlug(rows::text(row, "agency")?),
        scope: rows::closed(row, "scope", TokenScope::parse)?,
        label: rows::text(row, "label")?,
        created_by: rows::text(row, "created_by")?,
        created_at: rows::text(row, "created_at")?,
        revoked_at: rows::optional_text(row, "revoked_at")?,
        last_used_at: rows::optional_text(row, "last_used_at")?,
        expires_at: rows::optional_text(row, "expires_at")?,
    })
}

/// A token to store: everything but its id, which the database gives.
#[derive(Clone, Copy, Debug)]
pub struct NewApiToken<'a> {
    pub agency: &'a AgencySlug,
    pub scope: TokenScope,
    pub label: &'a str,
    /// SHA-256 of the secret, which is kept nowhere.
    pub token_hash: &'a str,
    pub created_by: &'a str,
    pub now: &'a str,
    pub expires_at: Option<&'a str>,
}

impl Storage {
    /// Stores a new token's hash; an unknown agency is a validation error.
    pub async fn create_token(
        conn: &mut AnyConnection,
        new: &NewApiToken<'_>,
    ) -> Result<ApiToken, AppError> {
        let NewApiToken {
            agency,
            scope,
            label,
            token_hash,
            created_by,
            now,
            expires_at,
        } = *new;
        let known: Option<(String,)> = sqlx::query_as("SELECT slug FROM agencies WHERE slug = $1")
            .bind(agency.0.clone())
            .fetch_optional(&mut *conn)
            .await
            .map_err(database_error)?;
        if known.is_none() {
            return Err(AppError::invalid(
                "agency",
                format!("No agency has the slug “{agency}”"),
            ));
        }
        let sql = format!(
            "INSERT INTO api_tokens \
             (agency, scope, label, token_hash, created_by, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $7::timestamptz) \
             RETURNING {TOKEN_COLUMNS}"
        );
        let row = sqlx::query(&DatabaseKind::of(conn).sql(&sql))
            .bind(agency.0.clone())
            .bind(scope.as_str())
            .bind(label.to_string())
            .bind(token_hash.to_string())
            .bind(created_by.to_string())
            .bind(now.to_string())
            .bind(expires_at.map(str::to_string))
            .fetch_one(&mut *conn)
            .await
            .map_err(database_error)?;
        token(&row)
    }

    /// The unrevoked, unexpired token with this hash. Its `last_used_at` is brought up
    /// to date when it is older than `stale_before`: a tool sending many
    /// requests does not write once per request.
    pub async fn use_token(
        &self,
        token_hash: &str,
        now: &str,
        stale_before: &str,
    ) -> Result<Option<ApiToken>, AppError> {
        let sql = format!(
            "SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL \
             AND (expires_at IS NULL OR expires_at > $2::timestamptz)"
        );
        let row = sqlx::query(&self.kind.sql(&sql))
            .bind(token_hash.to_string())
            .bind(now.to_string())
            .fetch_optional(&self.pool)
            .await
            .map_err(database_error)?;
        let Some(mut found) = row.as_ref().map(token).transpose()? else {
            return Ok(None);
        };
        if found
            .last_used_at
            .as_deref()
            .is_none_or(|at| at < stale_before)
        {
            let mut tx = self.write_transaction().await?;
            sqlx::query(
                &self
                    .kind
                    .sql("UPDATE api_tokens SET last_used_at = $1::timestamptz WHERE id = $2"),
            )
            .bind(now.to_string())
            .bind(found.id)
            .execute(&mut *tx)
            .await
            .map_err(database_error)?;
            tx.commit().await?;
            found.last_used_at = Some(now.to_string());
        }
        Ok(Some(found))
    }

    /// A token by its id, revoked or not.
    pub async fn token(conn: &mut AnyConnection, id: i64) -> Result<Option<ApiToken>, AppError> {
        let sql = format!("SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE id = $1");
        let row = sqlx::query(&DatabaseKind::of(conn).sql(&sql))
            .bind(id)
            .fetch_optional(&mut *conn)
            .await
            .map_err(database_error)?;
        row.as_ref().map(token).transpose()
    }

    /// Revokes a token for good; revoking it again changes nothing.
    pub async fn revoke_token(
        conn: &mut AnyConnection,
        id: i64,
        now: &str,
    ) -> Result<(), AppError> {
        let sql = "UPDATE api_tokens SET revoked_at = $1::timestamptz \
                   WHERE id = $2 AND revoked_at IS NULL";
        sqlx::query(&DatabaseKind::of(conn).sql(sql))
            .bind(now.to_string())
            .bind(id)
            .execute(&mut *conn)
            .await
            .map_err(database_error)?;
        Ok(())
    }

    /// An agency's tokens, newest first.
    pub async fn tokens_of(&self, agency: &AgencySlug) -> Result<Vec<ApiToken>, AppError> {
        let sql =
            format!("SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE agency = $1 ORDER BY id DESC");
        let rows = sqlx::query(&self.kind.sql(&sql))
            .bind(agency.0.clone())
            .fetch_all(&self.pool)
            .await
            .map_err(database_error)?;
        rows.iter().map(token).collect()
    }
}

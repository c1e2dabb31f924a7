//! Writes through the API kept under the client's `Idempotency-Key`, so that
//! a client that lost an answer can send the same request again safely.

use super::{DatabaseKind, Storage, database_error};
use app::error::AppError;
use app::record::{SystemId, WriteState};
use sqlx::AnyConnection;

/// A client's `Idempotency-Key` and a hash of the request it came with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdempotencyKey {
    pub key: String,
    pub request_hash: String,
}

/// What a write left: the system, where it stands, its public version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WriteOutcome {
    pub id: SystemId,
    pub state: WriteState,
    /// The published version, when the system has one.
    pub version: Option<i64>,
}

/// A write kept under a key, and the request it answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdempotentWrite {
    pub request_hash: String,
    pub outcome: WriteOutcome,
}

impl Storage {
    /// The write a token made under `key`, if it made one.
    pub async fn idempotent_write(
        conn: &mut AnyConnection,
        token: i64,
        key: &str,
    ) -> Result<Option<IdempotentWrite>, AppError> {
        let row: Option<(String, String, String, Option<i64>)> = sqlx::query_as(
            "SELECT request_hash, system_id, state, version FROM idempotency_keys \
             WHERE token_id = $1 AND client_key = $2",
        )
        .bind(token)
        .bind(key.to_string())
        .fetch_optional(&mut *conn)
        .await
        .map_err(database_error)?;
        row.map(|(request_hash, system_id, state, version)| {
            let state = WriteState::parse(&state)
                .ok_or_else(|| AppError::Internal(format!("unknown write state {state}")))?;
            Ok(IdempotentWrite {
                request_hash,
                outcome: WriteOutcome {
                    id: SystemId(system_id),
                    state,
                    version,
                },
            })
        })
        .transpose()
    }

    /// Keeps what a write did under its key, in the write's transaction. Two
    /// requests with one key at once: the second waits for the first and
    /// fails on the key, with nothing written (a conflict).
    pub async fn remember_idempotent_write(
        conn: &mut AnyConnection,
        token: i64,
        key: &IdempotencyKey,
        outcome: &WriteOutcome,
        now: &str,
    ) -> Result<(), AppError> {
        sqlx::query(&DatabaseKind::of(conn).sql(
            "INSERT INTO idempotency_keys \
             (token_id, client_key, request_hash, system_id, state, version, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz)",
        ))
        .bind(token)
        .bind(key.key.clone())
        .bind(key.request_hash.clone())
        .bind(outcome.id.0.clone())
        .bind(outcome.state.as_str())
        .bind(outcome.version)
        .bind(now.to_string())
        .execute(&mut *conn)
        .await
        .map_err(database_error)?;
        Ok(())
    }

    /// Forgets keys kept since before `before`; answers how many went.
    pub async fn prune_idempotency_keys(&self, before: &str) -> Result<u64, AppError> {
        let mut tx = self.write_transaction().await?;
        let pruned = sqlx::query(
            &self
                .kind
                .sql("DELETE FROM idempotency_keys WHERE created_at < $1::timestamptz"),
        )
        .bind(before.to_string())
        .execute(&mut *tx)
        .await
        .map_err(database_error)?;
        tx.commit().await?;
        Ok(pruned.rows_affected())
    }
}

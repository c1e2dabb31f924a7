//! One SQL for two databases that keep times, lists and flags differently.
//!
//! PostgreSQL keeps times as `timestamptz`, lists and data sets as `jsonb`
//! and flags as `boolean` (migration 0017); SQLite keeps RFC 3339 text, JSON
//! text and 0 or 1. Statements are written once, in PostgreSQL's types, with
//! a few marks that [`DatabaseKind::sql`] takes out for SQLite:
//!
//! - `$1::timestamptz`, `$1::jsonb`: a parameter (sqlx sends text as `text`)
//!   turned into the column's type, to write or compare it.
//! - `rfc3339(t) AS t`, `rfc3339_precise(t) AS t`: a time read back as the
//!   text the rest of Lantern uses (`2026-11-28T07:00:00Z`; with microseconds
//!   for the changes feed). Migration 0017 makes these functions in
//!   PostgreSQL; SQLite reads `(t)`, which it already holds in that form.
//! - `list::text AS list`: a `jsonb` value read back as JSON text (which
//!   [`super::rows::json`] parses, so its spacing does not matter).
//!
//! Flags are bound as `bool` (SQLite stores 1 or 0), compared as `WHERE
//! flag`/`NOT flag`, written as `TRUE`/`FALSE`, and read with
//! [`super::rows::flag`]. The statements that are not the same SQL on both
//! (the export's batch, `json_quote`) are written per database and say so.

use super::DatabaseKind;
use sqlx::AnyConnection;
use std::borrow::Cow;

/// The marks that only PostgreSQL reads, and what SQLite reads instead.
const POSTGRESQL_MARKS: [(&str, &str); 5] = [
    ("::timestamptz", ""),
    ("::jsonb", ""),
    ("::text", ""),
    ("rfc3339_precise(", "("),
    ("rfc3339(", "("),
];

impl DatabaseKind {
    /// The database a connection talks to.
    pub(super) fn of(connection: &AnyConnection) -> DatabaseKind {
        match connection.backend_name() {
            "PostgreSQL" => DatabaseKind::Postgres,
            _ => DatabaseKind::Sqlite,
        }
    }

    /// `sql`, written in PostgreSQL's types, as this database reads it.
    pub(super) fn sql(self, sql: &str) -> Cow<'_, str> {
        if self == DatabaseKind::Postgres
            || !POSTGRESQL_MARKS.iter().any(|(mark, _)| sql.contains(mark))
        {
            return Cow::Borrowed(sql);
        }
        let mut sqlite = sql.to_string();
        for (mark, instead) in POSTGRESQL_MARKS {
            sqlite = sqlite.replace(mark, instead);
        }
        Cow::Owned(sqlite)
    }
}

/// `sql`, written in PostgreSQL's types, as `connection`'s database reads
/// it: for tests and tools that check the storage layer with SQL of their own.
pub fn sql_for<'a>(connection: &AnyConnection, sql: &'a str) -> Cow<'a, str> {
    DatabaseKind::of(connection).sql(sql)
}

#[cfg(test)]
mod tests {
    use super::DatabaseKind;

    #[test]
    fn sqlite_reads_the_same_statement_without_postgresql_types() {
        let sql = "SELECT rfc3339(created_at) AS created_at, tags::text AS tags, \
                   rfc3339_precise(changed_at) AS changed_at FROM t \
                   WHERE expires_at > $1::timestamptz AND content = $2::jsonb AND described";
        assert_eq!(DatabaseKind::Postgres.sql(sql), sql);
        assert_eq!(
            DatabaseKind::Sqlite.sql(sql),
            "SELECT (created_at) AS created_at, tags AS tags, \
             (changed_at) AS changed_at FROM t \
             WHERE expires_at > $1 AND content = $2 AND described"
        );
        assert!(matches!(
            DatabaseKind::Sqlite.sql("SELECT id FROM systems"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}

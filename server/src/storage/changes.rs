//! The changes feed: every publication, update, retirement, audit and
//! review, in the order they were committed, numbered by `seq` (the feed's
//! cursor).

use super::rows;
use super::{DatabaseKind, Storage, database_error};
use app::error::AppError;
use app::record::{Audit, SystemId, Timestamp};
use serde::Serialize;
use sqlx::AnyConnection;
use sqlx::any::AnyRow;
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// What happened to a system.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Version 1 was published.
    Published,
    /// A new version was published.
    Updated,
    /// A new version with the stage `retired` was published.
    Retired,
    /// An oversight body recorded an audit.
    Audited,
    /// The agency confirmed the record is still right, without a new
    /// version ("reviewed, no change"): its review period starts again.
    Reviewed,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Published => "published",
            ChangeKind::Updated => "updated",
            ChangeKind::Retired => "retired",
            ChangeKind::Audited => "audited",
            ChangeKind::Reviewed => "reviewed",
        }
    }

    fn parse(name: &str) -> Option<ChangeKind> {
        [
            ChangeKind::Published,
            ChangeKind::Updated,
            ChangeKind::Retired,
            ChangeKind::Audited,
            ChangeKind::Reviewed,
        ]
        .into_iter()
        .find(|kind| kind.as_str() == name)
    }
}

/// One entry of the changes feed.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct Change {
    /// Where this change is in the feed: pass it as `since` to get what came after.
    pub cursor: String,
    pub kind: ChangeKind,
    /// The system's stable id.
    pub system: String,
    /// The owning agency's slug.
    pub agency: String,
    /// The system's name in `version`.
    pub name: String,
    /// The version current after the change.
    pub version: i64,
    /// When the change entered the register (to the microsecond).
    pub changed_at: Timestamp,
    /// The agency's note on what changed (not for audits).
    pub change_summary: Option<String>,
    /// The audit recorded (only for `audited`).
    pub audit: Option<Audit>,
    /// The version in full, as JSON.
    pub url: String,
    /// The system's name in other languages, where its agency translated it
    /// (language → name): for [`Change::name_in`].
    #[serde(skip)]
    pub translated_names: BTreeMap<String, String>,
}

impl Change {
    /// Writes `name` in `language` where the agency translated it.
    pub fn name_in(&mut self, language: &str) {
        if let Some(name) = self.translated_names.get(language) {
            self.name = name.clone();
        }
    }
}

/// Where a read of the feed starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangesFrom {
    /// After the change with this `seq` (0: from the beginning).
    After(i64),
    /// At this moment or later (fixed-width RFC 3339, see [`crate::clock::parse_precise`]).
    Since(String),
}

/// The feed's position now: the last change and when it was made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedPosition {
    pub last_seq: i64,
    pub last_changed_at: Option<String>,
}

/// Whose changes [`Storage::latest_changes`] reads.
#[derive(Clone, Copy, Debug)]
pub enum ChangesOf<'a> {
    Register,
    /// One agency's systems, by its slug.
    Agency(&'a str),
    /// These systems (a search's).
    Systems(&'a [SystemId]),
    /// The systems whose version at the change had this tag (a topic).
    Tag(&'a str),
}

const CHANGE_COLUMNS: &str = "SELECT c.seq, c.kind, c.system_id, s.agency, v.name, c.version, \
    rfc3339_precise(c.changed_at) AS changed_at, v.change_summary, au.auditor, au.audited_on, \
    au.outcome, au.findings, au.report_url, au.next_due, v.translations::text AS translations \
    FROM changes c JOIN systems s ON s.id = c.system_id \
    JOIN system_versions v ON v.system_id = c.system_id AND v.version = c.version \
    LEFT JOIN audits au ON au.id = c.audit_id";

fn change(row: &AnyRow) -> Result<Change, AppError> {
    let seq = rows::integer(row, "seq")?;
    let kind = rows::closed(row, "kind", ChangeKind::parse)?;
    let system = rows::text(row, "system_id")?;
    let version = rows::integer(row, "version")?;
    // Only an `audited` change points at an audit.
    let audit = match kind {
        ChangeKind::Audited => rows::audit(row)?,
        _ => None,
    };
    Ok(Change {
        cursor: seq.to_string(),
        kind,
        url: format!("/api/v1/systems/{system}/versions/{version}"),
        system,
        agency: rows::text(row, "agency")?,
        name: rows::text(row, "name")?,
        translated_names: rows::json::<BTreeMap<String, app::record::Translation>>(
            row,
            "translations",
        )?
        .into_iter()
        .filter_map(|(language, mut texts)| Some((language, texts.remove("name")?)))
        .collect(),
        version,
        changed_at: rows::text(row, "changed_at")?.into(),
        // The version's note on what changed, for the changes that made it.
        change_summary: matches!(
            kind,
            ChangeKind::Published | ChangeKind::Updated | ChangeKind::Retired
        )
        .then(|| rows::text(row, "change_summary"))
        .transpose()?,
        audit,
    })
}

impl Storage {
    /// Writes a change in the caller's transaction, after every change
    /// committed before it: on PostgreSQL, change writers take turns through
    /// an advisory lock held until their transaction ends, so `seq` order is
    /// commit order. `changed_at` never goes back, whatever the clocks of
    /// several instances say.
    pub async fn record_change(
        conn: &mut AnyConnection,
        kind: ChangeKind,
        system: &SystemId,
        version: i64,
        audit_id: Option<i64>,
    ) -> Result<(), AppError> {
        let database = DatabaseKind::of(conn);
        if database == DatabaseKind::Postgres {
            // Any constant will do, as long as only this uses it: "lantern" in ASCII.
            sqlx::query("SELECT pg_advisory_xact_lock(108971110116101114)")
                .execute(&mut *conn)
                .await
                .map_err(database_error)?;
        }
        let last: (Option<String>,) =
            sqlx::query_as(&database.sql("SELECT rfc3339_precise(max(changed_at)) FROM changes"))
                .fetch_one(&mut *conn)
                .await
                .map_err(database_error)?;
        let now = crate::clock::now_precise();
        let changed_at = match last.0 {
            Some(last) if last > now => last,
            _ => now,
        };
        let (seq,): (i64,) = sqlx::query_as(&database.sql(
            "INSERT INTO changes (kind, system_id, version, audit_id, changed_at) \
             VALUES ($1, $2, $3, $4, $5::timestamptz) RETURNING seq",
        ))
        .bind(kind.as_str())
        .bind(system.0.clone())
        .bind(version)
        .bind(audit_id)
        .bind(changed_at)
        .fetch_one(&mut *conn)
        .await
        .map_err(database_error)?;
        // Followers hear of everything but a review that changed nothing.
        if kind != ChangeKind::Reviewed {
            let about = format!("{{\"change\":{seq},");
            Self::queue_to_followers(conn, &system.0, &about, &crate::clock::now()).await?;
        }
        Ok(())
    }

    /// Up to `limit` changes from `from`, oldest first, of one agency or all.
    pub async fn changes(
        &self,
        from: &ChangesFrom,
        agency: Option<&str>,
        limit: i64,
    ) -> Result<Vec<Change>, AppError> {
        let (condition, start) = match from {
            ChangesFrom::After(seq) => ("c.seq > $1", seq.to_string()),
            ChangesFrom::Since(moment) => ("c.changed_at >= $1::timestamptz", moment.clone()),
        };
        let agency_condition = if agency.is_some() {
            "AND s.agency = $3"
        } else {
            ""
        };
        let sql = format!(
            "{CHANGE_COLUMNS} WHERE {condition} {agency_condition} ORDER BY c.seq LIMIT $2"
        );
        let sql = self.kind.sql(&sql);
        let mut query = sqlx::query(&sql);
        query = match from {
            ChangesFrom::After(seq) => query.bind(*seq),
            ChangesFrom::Since(_) => query.bind(start),
        };
        query = query.bind(limit);
        if let Some(agency) = agency {
            query = query.bind(agency.to_string());
        }
        let rows = query.fetch_all(&self.pool).await.map_err(database_error)?;
        rows.iter().map(change).collect()
    }

    /// The newest `limit` changes of `of`, newest first.
    pub async fn latest_changes(
        &self,
        of: ChangesOf<'_>,
        limit: i64,
    ) -> Result<Vec<Change>, AppError> {
        let mut values = Vec::new();
        let condition = match of {
            ChangesOf::Register => String::new(),
            ChangesOf::Agency(agency) => {
                values.push(agency.to_string());
                "WHERE s.agency = $2".to_string()
            }
            // No system: no change (`IN ()` is no SQL).
            ChangesOf::Systems([]) => return Ok(Vec::new()),
            ChangesOf::Tag(tag) => {
                // The tag as an element of the version's JSON list of tags,
                // quotes included (inside a longer tag, quotes are escaped).
                let quoted = serde_json::Value::from(tag).to_string();
                let pattern = quoted
                    .replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_");
                values.push(format!("%{pattern}%"));
                "WHERE v.tags::text LIKE $2 ESCAPE '\\'".to_string()
            }
            ChangesOf::Systems(ids) => {
                values.extend(ids.iter().map(|id| id.0.clone()));
                let list = (0..ids.len())
                    .map(|n| format!("${}", n + 2))
                    .collect::<Vec<_>>()
                    .join(", ");
                format!("WHERE c.system_id IN ({list})")
            }
        };
        let sql = format!("{CHANGE_COLUMNS} {condition} ORDER BY c.seq DESC LIMIT $1");
        let sql = self.kind.sql(&sql);
        let mut query = sqlx::query(&sql).bind(limit);
        for value in values {
            query = query.bind(value);
        }
        let rows = query.fetch_all(&self.pool).await.map_err(database_error)?;
        rows.iter().map(change).collect()
    }

    /// The last change of the register, which names its state for caches.
    pub async fn feed_position(&self) -> Result<FeedPosition, AppError> {
        let row: (Option<i64>, Option<String>) = sqlx::query_as(
            &self
                .kind
                .sql("SELECT max(seq), rfc3339_precise(max(changed_at)) FROM changes"),
        )
        .fetch_one(&self.pool)
        .await
        .map_err(database_error)?;
        Ok(FeedPosition {
            last_seq: row.0.unwrap_or(0),
            last_changed_at: row.1,
        })
    }
}

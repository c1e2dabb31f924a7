//! Reading the whole published register for the export, a batch at a time.
//!
//! The database writes each batch as the text of one JSON array, one object
//! per system.
//! Reading a thousand systems as one value instead of a thousand rows of
//! forty columns each is what lets the export stream at over 100 MB/s:
//! through sqlx, every row and column costs an allocation and, on SQLite, a
//! hand-over between threads (see `bench/export.sh`). This is the one place
//! where the SQL differs by database: the JSON functions have other names.

use super::read::Filters;
use super::rows::CONTENT_COLUMNS;
use super::{DatabaseKind, Storage, database_error};
use app::error::AppError;
use app::record::{AgencySlug, Audit, System, SystemContent, SystemId, Timestamp};
use app::search::SystemQuery;
use serde::Deserialize;
use std::sync::LazyLock;

/// A system as the batch's JSON holds it.
#[derive(Deserialize)]
struct BatchSystem {
    id: String,
    agency: String,
    agency_name: String,
    agency_contact: Option<String>,
    version: i64,
    published_at: Timestamp,
    reviewed_at: Option<Timestamp>,
    content: SystemContent,
    audit: Option<Audit>,
}

/// The content's lists, stored as JSON text; every other content column is a
/// plain value.
const LISTS: &[&str] = &["tags", "technique", "data", "assessments", "withheld"];

const AUDIT: &[&str] = &[
    "auditor",
    "audited_on",
    "outcome",
    "findings",
    "report_url",
    "next_due",
];

/// The batch query in a database's dialect: `object` builds a JSON object,
/// `json_text` reads a column of JSON text as JSON, and `join` joins the
/// records' text with commas. (Joining them as text, not as a JSON array,
/// spares SQLite parsing every record again; building the objects by
/// concatenating quoted text was slower still, measured.)
fn batch_sql(object: &str, json_text: fn(&str) -> String, join: &str, only: &str) -> String {
    let pairs = |fields: &mut dyn Iterator<Item = (String, String)>| {
        fields
            .map(|(key, value)| format!("'{key}', {value}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    // The same columns every other read of a version takes.
    let content = pairs(&mut CONTENT_COLUMNS.split(", ").map(|column| {
        let field = column.trim_start_matches("v.");
        let value = if LISTS.contains(&field) {
            json_text(column)
        } else {
            column.to_string()
        };
        (field.to_string(), value)
    }));
    let audit = pairs(&mut AUDIT.iter().map(|f| (f.to_string(), format!("au.{f}"))));
    format!(
        "SELECT '[' || coalesce({join}, '') || ']' AS batch FROM (SELECT {object}('id', s.id, \
         'agency', s.agency, 'agency_name', a.name, 'agency_contact', a.contact, \
         'version', v.version, 'published_at', v.published_at, 'reviewed_at', v.reviewed_at, \
         'content', {object}({content}), \
         'audit', CASE WHEN au.id IS NULL THEN NULL ELSE {object}({audit}) END) AS record \
         FROM systems s \
         JOIN system_versions v ON v.system_id = s.id AND v.version = s.current_version \
         JOIN agencies a ON a.slug = s.agency \
         LEFT JOIN audits au ON au.id = (SELECT id FROM audits WHERE system_id = s.id \
         ORDER BY audited_on DESC, id DESC LIMIT 1) \
         WHERE s.id > $1 {only} ORDER BY s.id LIMIT $2) AS batch_rows"
    )
}

/// The batch query in `kind`'s dialect, with `only` (`AND …`) narrowing it.
fn dialect_sql(kind: DatabaseKind, only: &str) -> String {
    match kind {
        DatabaseKind::Sqlite => batch_sql(
            "json_object",
            |column| format!("json({column})"),
            "group_concat(record, ',')",
            only,
        ),
        DatabaseKind::Postgres => batch_sql(
            "json_build_object",
            |column| format!("{column}::json"),
            "string_agg(record::text, ',')",
            only,
        ),
    }
}

static SQLITE_BATCH: LazyLock<String> = LazyLock::new(|| dialect_sql(DatabaseKind::Sqlite, ""));
static POSTGRES_BATCH: LazyLock<String> = LazyLock::new(|| dialect_sql(DatabaseKind::Postgres, ""));

/// Which published systems an export holds.
#[derive(Clone, Debug)]
pub enum Selection {
    /// The whole register.
    All,
    /// Those the facet filters of a search match (its words are not used).
    Filtered(SystemQuery),
    /// These systems (what the search engine found for words).
    Listed(Vec<SystemId>),
}

impl Storage {
    /// Published systems in id order, the next `limit` after `after`, with
    /// their agency and latest audit; `today` decides whether an audit is overdue.
    /// Only those of `selection` (a [`Selection::Listed`] of at most
    /// `limit` ids: the caller reads a long list a part at a time).
    pub async fn published_systems_after(
        &self,
        after: Option<&SystemId>,
        limit: i64,
        today: &str,
        selection: &Selection,
    ) -> Result<Vec<System>, AppError> {
        let (only, params): (Option<String>, Vec<String>) = match selection {
            Selection::All => (None, Vec::new()),
            Selection::Filtered(query) => {
                let filters = Filters::numbered_after(query, 2);
                let only = filters
                    .clauses
                    .iter()
                    .map(|clause| format!("AND {clause}"))
                    .collect::<Vec<_>>()
                    .join(" ");
                (Some(only), filters.params)
            }
            Selection::Listed(ids) => {
                if ids.is_empty() {
                    return Ok(Vec::new());
                }
                let placeholders: Vec<String> =
                    (3..3 + ids.len()).map(|n| format!("${n}")).collect();
                let only = format!("AND s.id IN ({})", placeholders.join(", "));
                (Some(only), ids.iter().map(|id| id.0.clone()).collect())
            }
        };
        let owned;
        let sql = match (&only, self.kind) {
            (None, DatabaseKind::Sqlite) => &*SQLITE_BATCH,
            (None, DatabaseKind::Postgres) => &*POSTGRES_BATCH,
            (Some(only), kind) => {
                owned = dialect_sql(kind, only);
                &owned
            }
        };
        let mut query = sqlx::query_as(sql)
            .bind(after.map_or(String::new(), |id| id.0.clone()))
            .bind(limit);
        for param in params {
            query = query.bind(param);
        }
        let (batch,): (String,) = query.fetch_one(&self.pool).await.map_err(database_error)?;
        let mut systems: Vec<BatchSystem> = serde_json::from_str(&batch).map_err(|error| {
            tracing::error!(%error, "the database's export batch did not parse");
            AppError::Internal(format!("an export batch did not parse: {error}"))
        })?;
        // Aggregates promise no order: put the batch back in id order.
        systems.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        Ok(systems
            .into_iter()
            .map(|s| {
                let audit_overdue = s
                    .audit
                    .as_ref()
                    .and_then(|a| a.next_due.as_deref())
                    .is_some_and(|due| due < today);
                System {
                    id: SystemId(s.id),
                    agency: AgencySlug(s.agency),
                    agency_name: s.agency_name,
                    agency_contact: s.agency_contact,
                    content: s.content,
                    version: s.version,
                    published_at: s.published_at,
                    reviewed_at: s.reviewed_at,
                    audit: s.audit,
                    audit_overdue,
                }
            })
            .collect())
    }
}

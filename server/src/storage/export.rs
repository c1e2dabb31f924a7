//! Reading the whole published register for the export, a batch at a time.
//!
//! The database joins each batch's records from the JSON stored when they
//! were published ([`Storage::published_lines_after`]): every format reads
//! the same text, and the CSV reads its rows back from it
//! ([`Lines::systems`]). Reading a thousand systems as one value instead of
//! a thousand rows of forty columns each is what lets the export stream at
//! over 100 MB/s: through sqlx, every row and column costs an allocation
//! and, on SQLite, a hand-over between threads (see `bench/export.sh`).
//!
//! The batch query says `v.system_id > $1` as well as `s.id > $1` (the
//! same, through the join): without it, PostgreSQL merge-joins the systems
//! from the cursor with `system_versions` read from its first row, so every
//! batch read all the versions before it (an export of 100,000 systems read
//! the table 50 times over: 26 MB/s, against SQLite's 163).

use super::read::Filters;
use super::{DatabaseKind, Storage, database_error};
use app::error::AppError;
use app::record::{
    AgencySlug, Assessment, Audit, DataSet, DecisionRole, RiskLevel, Stage, System, SystemContent,
    SystemId, Technique, Timestamp, Topic, Withheld,
};
use app::search::SystemQuery;
use serde::Deserialize;
use std::sync::LazyLock;

/// A record as the export's JSON holds it, read back for the CSV: a field
/// the agency withholds is absent, and read as empty (the CSV leaves a
/// withheld field's cells empty whatever the value). Not [`System`]'s own
/// `Deserialize`: that one requires the content whole, as every other
/// reader of it should; the conversion below names every field, so a field
/// added to [`SystemContent`] does not compile until it is read here too.
#[derive(Deserialize)]
struct PublishedRecord {
    id: String,
    agency: String,
    agency_name: String,
    agency_contact: Option<String>,
    version: i64,
    published_at: Timestamp,
    reviewed_at: Option<Timestamp>,
    #[serde(default)]
    agency_ref: Option<String>,
    name: String,
    summary: String,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    contact: Option<String>,
    #[serde(default)]
    purpose: String,
    #[serde(default)]
    how_it_works: String,
    stage: Stage,
    #[serde(default)]
    in_use_since: Option<String>,
    #[serde(default)]
    retired_on: Option<String>,
    topic: Topic,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    technique: Vec<Technique>,
    risk_level: RiskLevel,
    #[serde(default)]
    decision_role: Option<DecisionRole>,
    #[serde(default)]
    human_oversight: String,
    #[serde(default)]
    contest: String,
    #[serde(default)]
    data: Vec<DataSet>,
    #[serde(default)]
    explainability: String,
    #[serde(default)]
    fairness: String,
    #[serde(default)]
    risks: String,
    #[serde(default)]
    assessments: Vec<Assessment>,
    #[serde(default)]
    legal_basis: String,
    #[serde(default)]
    supplier: Option<String>,
    withheld: Vec<Withheld>,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    translations: std::collections::BTreeMap<String, app::record::Translation>,
    audit: Option<Audit>,
    audit_overdue: bool,
    review_by: Option<Timestamp>,
    review_overdue: bool,
}

impl From<PublishedRecord> for System {
    fn from(r: PublishedRecord) -> System {
        System {
            id: SystemId(r.id),
            agency: AgencySlug(r.agency),
            agency_name: r.agency_name,
            agency_contact: r.agency_contact,
            content: SystemContent {
                agency_ref: r.agency_ref,
                name: r.name,
                summary: r.summary,
                unit: r.unit,
                contact: r.contact,
                purpose: r.purpose,
                how_it_works: r.how_it_works,
                stage: r.stage,
                in_use_since: r.in_use_since,
                retired_on: r.retired_on,
                topic: r.topic,
                tags: r.tags,
                technique: r.technique,
                risk_level: r.risk_level,
                decision_role: r.decision_role,
                human_oversight: r.human_oversight,
                contest: r.contest,
                data: r.data,
                explainability: r.explainability,
                fairness: r.fairness,
                risks: r.risks,
                assessments: r.assessments,
                legal_basis: r.legal_basis,
                supplier: r.supplier,
                withheld: r.withheld,
                language: r.language,
                translations: r.translations,
            },
            version: r.version,
            published_at: r.published_at,
            reviewed_at: r.reviewed_at,
            audit: r.audit,
            audit_overdue: r.audit_overdue,
            review_by: r.review_by,
            review_overdue: r.review_overdue,
        }
    }
}

/// Which published systems an export holds.
#[derive(Clone, Debug)]
pub enum Selection {
    /// The whole register.
    All,
    /// Those the facet filters of a search match (its words are not used).
    Filtered(SystemQuery),
    /// These systems (what the search engine found for words).
    Listed(Vec<SystemId>),
    /// The whole register up to this id, this one included: a batch whose
    /// end is known before it is read (see [`Storage::export_batch_ends`]).
    UpTo(SystemId),
}

/// The next published systems of an export as the open data's JSON.
pub struct Lines {
    /// The records as the database joined them, one per line (a JSON text
    /// written without whitespace holds no line break).
    text: String,
    /// Where each record is in `text`, in id order.
    records: Vec<std::ops::Range<usize>>,
}

impl Lines {
    /// The batch from the database's text, put in id order (an aggregate
    /// promises no order; each record starts with its id).
    fn new(text: String) -> Result<Lines, AppError> {
        let mut records = Vec::new();
        let mut start = 0;
        for line in text.split('\n') {
            records.push(start..start + line.len());
            start += line.len() + 1;
        }
        if text.is_empty() {
            records.clear();
        }
        let id_of = |range: &std::ops::Range<usize>| record_id(&text[range.clone()]);
        if records.iter().any(|range| id_of(range).is_none()) {
            return Err(AppError::Internal(
                "an export batch holds a record without its id".into(),
            ));
        }
        if !records.is_sorted_by_key(id_of) {
            records.sort_unstable_by_key(|range| id_of(range).map(str::to_string));
        }
        Ok(Lines { text, records })
    }

    /// The records, in id order.
    pub fn records(&self) -> impl Iterator<Item = &str> {
        self.records.iter().map(|range| &self.text[range.clone()])
    }

    /// How many systems the batch holds.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The last system's id.
    pub fn last(&self) -> Option<SystemId> {
        let last = self.records.last()?;
        record_id(&self.text[last.clone()]).map(|id| SystemId(id.to_string()))
    }

    /// The records read back as systems, in id order (for the CSV).
    pub fn systems(&self) -> impl Iterator<Item = Result<System, AppError>> + '_ {
        self.records().map(|record| {
            serde_json::from_str::<PublishedRecord>(record)
                .map(System::from)
                .map_err(|error| {
                    tracing::error!(%error, "an exported record did not parse");
                    AppError::Internal(format!("an exported record did not parse: {error}"))
                })
        })
    }
}

/// The id a record starts with: `{"id":"…"` (ids need no escaping).
fn record_id(record: &str) -> Option<&str> {
    let rest = record.strip_prefix("{\"id\":\"")?;
    rest.split_once('"').map(|(id, _)| id)
}

/// The SQL of [`Storage::published_lines_after`]: each record is written by
/// joining stored text (see [`super::public_json`]): the agency's name and
/// contact and whether the audit is overdue may change after publishing,
/// so they are read as they are now. A version or audit whose JSON is
/// missing makes its whole record NULL, which the count of `written` tells.
/// (Ordering inside the aggregate made SQLite sort every record's text
/// again, a third of the time: the order is restored in [`Lines::new`].
/// The brackets join the short texts before and after the version's JSON
/// first, so the long text is copied twice instead of once per `||`.)
fn lines_sql(kind: DatabaseKind, only: &str) -> String {
    let quote = |expression: &str| super::public_json::quote(kind, expression);
    let join = match kind {
        DatabaseKind::Sqlite => "group_concat(line, $4)",
        DatabaseKind::Postgres => "string_agg(line, $4)",
    };
    let sql = format!(
        "SELECT {join} AS lines, count(*) AS systems, count(line) AS written \
         FROM (SELECT ('{{\"id\":' || {id} || ',\"url\":' || {url} \
         || ',\"agency\":' || {agency} || ',\"agency_name\":' || {agency_name} \
         || ',\"agency_contact\":' || {agency_contact} \
         || ',\"version\":' || CAST(v.version AS TEXT) \
         || ',\"published_at\":' || {published_at} || ',\"reviewed_at\":' || {reviewed_at} \
         || ',') || v.public_members \
         || (',\"audit\":' || CASE WHEN au.id IS NULL THEN 'null' ELSE au.public_json END \
         || ',\"audit_overdue\":' || CASE WHEN au.next_due < $3 THEN 'true' ELSE 'false' END \
         || ',\"review_by\":' || {review_by} \
         || ',\"review_overdue\":' || CASE WHEN s.review = 'overdue' THEN 'true' ELSE 'false' END \
         || '}}') AS line \
         FROM systems s \
         JOIN system_versions v ON v.system_id = s.id AND v.version = s.current_version \
         JOIN agencies a ON a.slug = s.agency \
         LEFT JOIN audits au ON au.id = s.latest_audit \
         WHERE s.id > $1 AND v.system_id > $1 {only} ORDER BY s.id LIMIT $2) AS batch_rows",
        id = quote("s.id"),
        url = quote("'/systems/' || s.id"),
        agency = quote("s.agency"),
        agency_name = quote("a.name"),
        agency_contact = quote("a.contact"),
        published_at = quote("rfc3339(v.published_at)"),
        reviewed_at = quote("rfc3339(v.reviewed_at)"),
        review_by = quote("rfc3339(s.review_by)"),
    );
    kind.sql(&sql).into_owned()
}

static SQLITE_LINES: LazyLock<String> = LazyLock::new(|| lines_sql(DatabaseKind::Sqlite, ""));
static POSTGRES_LINES: LazyLock<String> = LazyLock::new(|| lines_sql(DatabaseKind::Postgres, ""));

/// The `AND …` narrowing a batch to `selection` with the parameters it
/// takes, numbered after the `taken` ones; `None` when nothing can match.
fn narrowing(selection: &Selection, taken: usize) -> Option<(Option<String>, Vec<String>)> {
    Some(match selection {
        Selection::All => (None, Vec::new()),
        Selection::Filtered(query) => {
            let filters = Filters::numbered_after(query, taken);
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
                return None;
            }
            let placeholders: Vec<String> = (taken + 1..=taken + ids.len())
                .map(|n| format!("${n}"))
                .collect();
            let only = format!("AND s.id IN ({})", placeholders.join(", "));
            (Some(only), ids.iter().map(|id| id.0.clone()).collect())
        }
        Selection::UpTo(id) => (
            Some(format!("AND s.id <= ${}", taken + 1)),
            vec![id.0.clone()],
        ),
    })
}

impl Storage {
    /// The id of every `every`-th published system, in id order: where the
    /// batches of an export of the whole register end, so that several can
    /// be read at once (systems published meanwhile fall into a batch
    /// between these ends, or after the last).
    pub async fn export_batch_ends(&self, every: i64) -> Result<Vec<SystemId>, AppError> {
        let ends: Vec<(String,)> = sqlx::query_as(
            "SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM systems \
             WHERE current_version IS NOT NULL) AS numbered WHERE n % $1 = 0 ORDER BY id",
        )
        .bind(every)
        .fetch_all(&self.pool)
        .await
        .map_err(database_error)?;
        Ok(ends.into_iter().map(|(id,)| SystemId(id)).collect())
    }

    /// The next `limit` published systems after `after` in id order, of
    /// `selection` (a [`Selection::Listed`] of at most `limit` ids), as the
    /// open data's JSON; `today` decides whether an audit is overdue.
    /// Stored JSON found missing is filled first.
    pub async fn published_lines_after(
        &self,
        after: Option<&SystemId>,
        limit: i64,
        today: &str,
        selection: &Selection,
    ) -> Result<Lines, AppError> {
        let Some((only, params)) = narrowing(selection, 4) else {
            return Lines::new(String::new());
        };
        let owned;
        let sql = match (&only, self.kind) {
            (None, DatabaseKind::Sqlite) => &*SQLITE_LINES,
            (None, DatabaseKind::Postgres) => &*POSTGRES_LINES,
            (Some(only), kind) => {
                owned = lines_sql(kind, only);
                &owned
            }
        };
        let mut filled = false;
        loop {
            let mut query = sqlx::query_as(sql)
                .bind(after.map_or(String::new(), |id| id.0.clone()))
                .bind(limit)
                .bind(today.to_string())
                .bind("\n".to_string());
            for param in &params {
                query = query.bind(param.clone());
            }
            let (text, systems, written): (Option<String>, i64, i64) =
                query.fetch_one(&self.pool).await.map_err(database_error)?;
            if written < systems && !filled {
                tracing::warn!(
                    missing = systems - written,
                    "the export met versions or audits without their stored JSON; filling it"
                );
                self.fill_public_json().await?;
                filled = true;
                continue;
            }
            if written < systems {
                return Err(AppError::Internal(
                    "an export batch is missing stored JSON even after filling it".into(),
                ));
            }
            return Lines::new(text.unwrap_or_default());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_comes_out_in_id_order_whatever_order_the_database_joined_it() {
        let joined = "{\"id\":\"b-2\",\"text\":\"a\\nb\"}\n{\"id\":\"a-1\"}\n{\"id\":\"c-3\"}";
        let lines = Lines::new(joined.to_string()).unwrap();
        let records: Vec<&str> = lines.records().collect();
        assert_eq!(
            records,
            [
                "{\"id\":\"a-1\"}",
                "{\"id\":\"b-2\",\"text\":\"a\\nb\"}",
                "{\"id\":\"c-3\"}"
            ]
        );
        assert_eq!(lines.len(), 3);
        assert_eq!(lines.last(), Some(SystemId("c-3".into())));
        let none = Lines::new(String::new()).unwrap();
        assert!(none.is_empty());
        assert_eq!(none.last(), None);
        assert!(Lines::new("{\"name\":\"no id\"}".to_string()).is_err());
    }
}

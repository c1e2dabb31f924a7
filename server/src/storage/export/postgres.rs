//! The export's JSON lines on PostgreSQL: the batch comes as rows, and each
//! record is joined here from its stored JSON (SQLite joins them itself).
//!
//! Joining a batch's records into one text inside PostgreSQL, as SQLite
//! does, kept PostgreSQL's one process for the query busy writing text
//! (quoting with `to_json` and concatenating 2 MB a batch, about two thirds
//! of its time): 44 MB/s against SQLite's 155 on the same machine. Read as
//! rows, a batch costs PostgreSQL the join and the stored JSON, and the
//! writing is plain string pushes here (see docs/performance.md).

use super::Lines;
use crate::storage::rows;
use app::error::AppError;
use sqlx::any::AnyRow;

/// The rows of a batch: `$1` the id it comes after, `$2` how many, `$3`
/// today (an audit due before it is overdue), then `only`'s parameters.
pub(super) fn rows_sql(only: &str) -> String {
    format!(
        "SELECT s.id, s.agency, a.name AS agency_name, a.contact AS agency_contact, \
         v.version, rfc3339(v.published_at) AS published_at, \
         rfc3339(v.reviewed_at) AS reviewed_at, v.public_members, au.id AS audit_id, \
         au.public_json AS audit_json, \
         CAST(CASE WHEN au.next_due < $3 THEN 1 ELSE 0 END AS BIGINT) AS audit_overdue \
         FROM systems s \
         JOIN system_versions v ON v.system_id = s.id AND v.version = s.current_version \
         JOIN agencies a ON a.slug = s.agency \
         LEFT JOIN audits au ON au.id = (SELECT id FROM audits WHERE system_id = s.id \
         ORDER BY audited_on DESC, id DESC LIMIT 1) \
         WHERE s.id > $1 AND v.system_id > $1 {only} ORDER BY s.id LIMIT $2"
    )
}

/// A batch's rows as the export's lines, and how many of its systems lack
/// their version's or audit's stored JSON (left out of the lines).
pub(super) fn lines(batch: &[AnyRow]) -> Result<(Lines, usize), AppError> {
    let mut text = String::with_capacity(batch.len() * 2_400);
    let mut missing = 0;
    for row in batch {
        let members = rows::optional_text(row, "public_members")?;
        let audit = match rows::optional_integer(row, "audit_id")? {
            None => Some("null".to_string()),
            Some(_) => rows::optional_text(row, "audit_json")?,
        };
        let (Some(members), Some(audit)) = (members, audit) else {
            missing += 1;
            continue;
        };
        if !text.is_empty() {
            text.push('\n');
        }
        let id = rows::text(row, "id")?;
        text.push_str("{\"id\":");
        push_string(&mut text, Some(&id));
        text.push_str(",\"url\":");
        push_string(&mut text, Some(&format!("/systems/{id}")));
        for field in ["agency", "agency_name", "agency_contact"] {
            text.push_str(&format!(",\"{field}\":"));
            push_string(&mut text, rows::optional_text(row, field)?.as_deref());
        }
        text.push_str(&format!(",\"version\":{}", rows::integer(row, "version")?));
        for field in ["published_at", "reviewed_at"] {
            text.push_str(&format!(",\"{field}\":"));
            push_string(&mut text, rows::optional_text(row, field)?.as_deref());
        }
        text.push(',');
        text.push_str(&members);
        text.push_str(",\"audit\":");
        text.push_str(&audit);
        text.push_str(if rows::integer(row, "audit_overdue")? == 1 {
            ",\"audit_overdue\":true}"
        } else {
            ",\"audit_overdue\":false}"
        });
    }
    Ok((Lines::new(text)?, missing))
}

/// A text as a JSON string, escaped as everything else Lantern writes
/// (`null` for none).
fn push_string(out: &mut String, value: Option<&str>) {
    match value {
        Some(value) => out.push_str(&serde_json::to_string(value).expect("a text serialises")),
        None => out.push_str("null"),
    }
}

//! How many published systems each facet value has, kept current by the
//! writes (migration 0012 explains the table). A write reads what a system
//! counts under before and after its change, and moves the difference, in
//! its own transaction: the counts are never stale and never need a scan.

use super::{Storage, database_error, rows};
use app::error::AppError;
use app::record::{AgencySlug, SystemId};
use app::search::Facet;
use sqlx::AnyConnection;
use std::collections::BTreeMap;

/// The pseudo-facet every published system counts under once.
pub const ALL: &str = "all";

/// What one system counts under: (facet, value) pairs, sorted, no repeats.
/// A system that is not published counts under nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counted(Vec<(String, String)>);

/// How the counts move by a transaction's writes, gathered as they happen
/// and applied once by [`Storage::apply_count_moves`] before the commit.
///
/// Once, not per write: on PostgreSQL every update of a row in one
/// transaction adds a version of the row that the next update must step
/// over, so moving `all` once per system made an import of 100,000 systems
/// quadratic (over 15 minutes in one `INSERT … ON CONFLICT`).
#[derive(Debug, Default)]
#[must_use = "count moves do nothing until applied with Storage::apply_count_moves"]
pub struct CountMoves(BTreeMap<(String, String), i64>);

impl CountMoves {
    /// A system that counted under `before` now counts under `after`.
    pub(super) fn add(&mut self, before: Counted, after: Counted) {
        for pair in before.0 {
            *self.0.entry(pair).or_default() -= 1;
        }
        for pair in after.0 {
            *self.0.entry(pair).or_default() += 1;
        }
    }
}

/// The counts of the whole register: facet name, then value, then systems.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PublishedCounts(pub BTreeMap<String, BTreeMap<String, i64>>);

impl PublishedCounts {
    /// The number of published systems with this facet value (0 when none).
    pub fn get(&self, facet: &str, value: &str) -> i64 {
        self.0
            .get(facet)
            .and_then(|values| values.get(value))
            .copied()
            .unwrap_or(0)
    }

    /// The number of published systems.
    pub fn systems(&self) -> i64 {
        self.get(ALL, "")
    }
}

impl Storage {
    /// What system `id` counts under now, in a write's transaction.
    pub(super) async fn counted(
        conn: &mut AnyConnection,
        id: &SystemId,
    ) -> Result<Counted, AppError> {
        let sql = format!(
            "SELECT s.agency, v.stage, v.risk_level, v.topic, \
             coalesce(s.audit_outcome, 'none') AS audit, s.personal_data, \
             {} AS completeness, s.review \
             FROM systems s JOIN system_versions v \
             ON v.system_id = s.id AND v.version = s.current_version WHERE s.id = $1",
            super::read::COMPLETENESS_VALUE
        );
        let row = sqlx::query(&sql)
            .bind(id.0.clone())
            .fetch_optional(&mut *conn)
            .await
            .map_err(database_error)?;
        let Some(row) = row else {
            return Ok(Counted::default());
        };
        let mut pairs = vec![(ALL.to_string(), String::new())];
        for facet in [
            Facet::Agency,
            Facet::Stage,
            Facet::RiskLevel,
            Facet::Topic,
            Facet::Audit,
            Facet::PersonalData,
        ] {
            pairs.push((facet.name().to_string(), rows::text(&row, facet.name())?));
        }
        // Oversight not worked out yet (NULL) counts under nothing.
        for facet in [Facet::Completeness, Facet::Review] {
            if let Some(value) = rows::optional_text(&row, facet.name())? {
                pairs.push((facet.name().to_string(), value));
            }
        }
        for (facet, table, column) in [
            (Facet::Technique, "system_techniques", "technique"),
            (Facet::Missing, "system_missing_fields", "field"),
        ] {
            let values: Vec<(String,)> = sqlx::query_as(&format!(
                "SELECT {column} FROM {table} WHERE system_id = $1"
            ))
            .bind(id.0.clone())
            .fetch_all(&mut *conn)
            .await
            .map_err(database_error)?;
            pairs.extend(
                values
                    .into_iter()
                    .map(|(value,)| (facet.name().to_string(), value)),
            );
        }
        pairs.sort();
        pairs.dedup();
        Ok(Counted(pairs))
    }

    /// Moves the counts by what a transaction's writes gathered in
    /// `moves`: call it once, before the commit.
    pub async fn apply_count_moves(
        conn: &mut AnyConnection,
        moves: CountMoves,
    ) -> Result<(), AppError> {
        // In (facet, value) order, so that two transactions on PostgreSQL
        // take the rows' locks in the same order and never wait on each other
        // in a circle.
        for ((facet, value), by) in moves.0.into_iter().filter(|(_, by)| *by != 0) {
            sqlx::query(
                "INSERT INTO published_counts (facet, value, systems) VALUES ($1, $2, $3) \
                 ON CONFLICT (facet, value) \
                 DO UPDATE SET systems = published_counts.systems + excluded.systems",
            )
            .bind(facet.clone())
            .bind(value.clone())
            .bind(by)
            .execute(&mut *conn)
            .await
            .map_err(database_error)?;
        }
        Ok(())
    }

    /// Every count of the register, read from the kept counts.
    pub async fn published_counts(&self) -> Result<PublishedCounts, AppError> {
        let rows: Vec<(String, String, i64)> =
            sqlx::query_as("SELECT facet, value, systems FROM published_counts")
                .fetch_all(&self.pool)
                .await
                .map_err(database_error)?;
        let mut counts = PublishedCounts::default();
        for (facet, value, systems) in rows {
            counts.0.entry(facet).or_default().insert(value, systems);
        }
        Ok(counts)
    }

    /// The same counts for one agency's published systems, counted from
    /// their rows by the expressions [`Storage::counted`] reads (for the
    /// agency's statistics, which keep them).
    pub async fn agency_counts(&self, agency: &AgencySlug) -> Result<PublishedCounts, AppError> {
        const CURRENT: &str = "systems s JOIN system_versions v \
            ON v.system_id = s.id AND v.version = s.current_version";
        let mut queries = vec![(
            ALL,
            format!("SELECT '' AS value, count(*) AS systems FROM {CURRENT} WHERE s.agency = $1"),
        )];
        for (facet, value) in [
            (Facet::Stage, "v.stage"),
            (Facet::RiskLevel, "v.risk_level"),
            (Facet::Topic, "v.topic"),
            (Facet::Audit, "coalesce(s.audit_outcome, 'none')"),
            (Facet::Completeness, super::read::COMPLETENESS_VALUE),
            (Facet::Review, "s.review"),
        ] {
            queries.push((
                facet.name(),
                format!(
                    "SELECT {value} AS value, count(*) AS systems FROM {CURRENT} \
                     WHERE s.agency = $1 AND {value} IS NOT NULL GROUP BY {value}"
                ),
            ));
        }
        for (facet, table, column) in [
            (Facet::Technique, "system_techniques", "technique"),
            (Facet::Missing, "system_missing_fields", "field"),
        ] {
            queries.push((
                facet.name(),
                format!(
                    "SELECT x.{column} AS value, count(*) AS systems FROM {table} x \
                     JOIN systems s ON s.id = x.system_id \
                     WHERE s.agency = $1 AND s.current_version IS NOT NULL GROUP BY x.{column}"
                ),
            ));
        }
        let mut counts = PublishedCounts::default();
        for (facet, sql) in queries {
            let rows: Vec<(String, i64)> = sqlx::query_as(&sql)
                .bind(agency.0.clone())
                .fetch_all(&self.pool)
                .await
                .map_err(database_error)?;
            counts.0.entry(facet.to_string()).or_default().extend(rows);
        }
        Ok(counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_count_is_zero() {
        let mut counts = PublishedCounts::default();
        counts
            .0
            .entry("stage".to_string())
            .or_default()
            .insert("in_use".to_string(), 3);
        assert_eq!(counts.get("stage", "in_use"), 3);
        assert_eq!(counts.get("stage", "retired"), 0);
        assert_eq!(counts.get("topic", "tax"), 0);
        assert_eq!(counts.systems(), 0);
    }
}

//! Counting the register's statistics (`/statistics`, `/api/v1/statistics`).
//!
//! Most numbers are the counts the writes keep (`published_counts`); the
//! rest take a few aggregate queries over the systems' rows: per agency,
//! per month, and the audits of high-risk systems. At 100,000 systems those
//! take a moment, so the result is kept for up to [`KEPT_FOR`] (less after
//! a change through this process) and counted by one request at a time:
//! the others wait for it rather than count again (`docs/performance.md`).
//!
//! One agency's statistics (`/agencies/{slug}/statistics`) are counted
//! from its systems' rows: a few grouped queries over one agency's
//! systems, by the same expressions the kept counts use; each agency's are
//! kept as the register's are.

use super::counts::PublishedCounts;
use super::{Storage, database_error, rows};
use app::error::AppError;
use app::feedback::AnswerStats;
use app::record::{AgencySlug, AgencyWithCount, AuditFilter, RiskLevel, Stage, Technique, Topic};
use app::register::Register;
use app::search::{Facet, REVIEW_CURRENT, REVIEW_OVERDUE};
use app::statistics::{
    AgencyStatistics, AnswerStatistics, AuditStatistics, CompletenessStatistics, Count,
    ReviewStatistics, Statistics, mean, percentage,
};
use std::collections::BTreeMap;
use std::time::Duration;

/// How long counted statistics are kept when nothing changes.
pub const KEPT_FOR: Duration = Duration::from_secs(60);

/// One agency's counts from its systems' rows.
#[derive(Default)]
struct AgencyRows {
    completeness_sum: i64,
    counted: i64,
    reviews_overdue: i64,
    last_published: Option<String>,
}

impl Storage {
    /// The statistics, kept (see the module's documentation).
    pub async fn statistics(&self) -> Result<Statistics, AppError> {
        if let Some(kept) = self.statistics.fresh() {
            return Ok(kept);
        }
        let _turn = self.statistics_turn.lock().await;
        self.statistics.get_or_read(self.count_statistics()).await
    }

    /// Counts the register's statistics now.
    pub async fn count_statistics(&self) -> Result<Statistics, AppError> {
        self.count(None).await
    }

    /// One agency's statistics, kept like the register's; `None` for an
    /// unknown agency.
    pub async fn agency_statistics(
        &self,
        slug: &AgencySlug,
    ) -> Result<Option<Statistics>, AppError> {
        if let Some(kept) = self.agency_statistics.fresh(slug) {
            return Ok(Some(kept));
        }
        let _turn = self.statistics_turn.lock().await;
        let count = async {
            match self.agency(slug).await? {
                None => Ok(None),
                Some(listed) => self.count(Some(listed)).await.map(Some),
            }
        };
        self.agency_statistics.get_or_read(slug, count).await
    }

    /// Counts the statistics of the register, or of one agency's systems.
    async fn count(&self, one: Option<AgencyWithCount>) -> Result<Statistics, AppError> {
        let counted_at = crate::clock::now();
        let (counts, agencies) = match &one {
            Some(listed) => (
                self.agency_counts(&listed.agency.slug).await?,
                vec![listed.clone()],
            ),
            None => (self.published_counts().await?, self.agencies().await?),
        };
        let agency = one.as_ref().map(|listed| &listed.agency.slug);
        let per_agency = self.agency_rows(agency).await?;
        let answers = self.answer_stats(agency).await?;
        let times = self.answer_times(agency).await?;
        let mut by_agency: Vec<AgencyStatistics> = agencies
            .iter()
            .map(|listed| {
                let slug = &listed.agency.slug;
                let rows = per_agency.get(&slug.0);
                let answered = answers.iter().find(|a| &a.agency == slug);
                AgencyStatistics {
                    agency: slug.0.clone(),
                    name: listed.agency.name.clone(),
                    systems: listed.systems,
                    average_completeness: rows.and_then(|r| mean(r.completeness_sum, r.counted)),
                    reviews_overdue: rows.map_or(0, |r| r.reviews_overdue),
                    last_published: rows.and_then(|r| r.last_published.clone()),
                    answers: answered.map(answer_statistics).unwrap_or_default(),
                }
            })
            .collect();
        by_agency.sort_by(|a, b| b.systems.cmp(&a.systems).then(a.name.cmp(&b.name)));
        let (sum, counted) = per_agency.values().fold((0, 0), |(sum, n), r| {
            (sum + r.completeness_sum, n + r.counted)
        });
        let every_answer: Vec<i64> = times
            .iter()
            .filter_map(|(_, published, answered)| {
                let answered = answered.as_ref()?;
                Some(crate::clock::seconds_between(published, answered).max(0))
            })
            .collect();
        Ok(Statistics {
            counted_at,
            systems: counts.systems(),
            agencies: agencies.len() as i64,
            by_stage: closed(&counts, Facet::Stage, Stage::ALL.iter().map(|v| v.as_str())),
            by_risk_level: closed(
                &counts,
                Facet::RiskLevel,
                RiskLevel::ALL.iter().map(|v| v.as_str()),
            ),
            by_technique: closed(
                &counts,
                Facet::Technique,
                Technique::ALL.iter().map(|v| v.as_str()),
            ),
            by_topic: closed(&counts, Facet::Topic, Topic::ALL.iter().map(|v| v.as_str())),
            by_audit: closed(
                &counts,
                Facet::Audit,
                AuditFilter::all().into_iter().map(|v| v.as_str()),
            ),
            published_by_month: self.published_by_month(agency).await?,
            completeness: CompletenessStatistics {
                complete: counts.get(Facet::Completeness.name(), app::search::COMPLETE),
                incomplete: counts.get(Facet::Completeness.name(), app::search::INCOMPLETE),
                average: mean(sum, counted),
                missing: missing_fields(&counts),
            },
            reviews: ReviewStatistics {
                overdue: counts.get(Facet::Review.name(), REVIEW_OVERDUE),
                current: counts.get(Facet::Review.name(), REVIEW_CURRENT),
            },
            audits: self.audit_statistics(agency).await?,
            answers: AnswerStatistics {
                asked: times.len() as i64,
                answered: every_answer.len() as i64,
                median_seconds: super::feedback::median(every_answer),
            },
            by_agency,
        })
    }

    /// Per agency: the sum and number of completeness scores, records
    /// overdue for review, and when it last published.
    async fn agency_rows(
        &self,
        agency: Option<&AgencySlug>,
    ) -> Result<BTreeMap<String, AgencyRows>, AppError> {
        let sql = format!(
            "SELECT s.agency, coalesce(sum(s.completeness), 0) AS completeness_sum, \
             count(s.completeness) AS counted, \
             sum(CASE WHEN s.review = 'overdue' THEN 1 ELSE 0 END) AS reviews_overdue, \
             rfc3339(max(s.updated_at)) AS last_published \
             FROM systems s WHERE s.current_version IS NOT NULL {} GROUP BY s.agency",
            of_agency(agency, 1)
        );
        let sql = self.kind.sql(&sql);
        let found = bound(sqlx::query(&sql), agency)
            .fetch_all(&self.pool)
            .await
            .map_err(database_error)?;
        let mut by_agency = BTreeMap::new();
        for row in &found {
            by_agency.insert(
                rows::text(row, "agency")?,
                AgencyRows {
                    completeness_sum: rows::integer(row, "completeness_sum")?,
                    counted: rows::integer(row, "counted")?,
                    reviews_overdue: rows::integer(row, "reviews_overdue")?,
                    last_published: rows::optional_text(row, "last_published")?,
                },
            );
        }
        Ok(by_agency)
    }

    /// Systems first published per month, every month from the first to
    /// the last (those without any as 0).
    async fn published_by_month(
        &self,
        agency: Option<&AgencySlug>,
    ) -> Result<Vec<Count>, AppError> {
        let sql = format!(
            "SELECT substr(rfc3339(s.created_at), 1, 7) AS month, count(*) AS systems \
             FROM systems s WHERE s.current_version IS NOT NULL {} \
             GROUP BY substr(rfc3339(s.created_at), 1, 7)",
            of_agency(agency, 1)
        );
        let sql = self.kind.sql(&sql);
        let found = bound(sqlx::query(&sql), agency)
            .fetch_all(&self.pool)
            .await
            .map_err(database_error)?;
        let mut by_month: BTreeMap<String, i64> = BTreeMap::new();
        for row in &found {
            by_month.insert(rows::text(row, "month")?, rows::integer(row, "systems")?);
        }
        let (Some(first), Some(last)) = (by_month.keys().next(), by_month.keys().last()) else {
            return Ok(Vec::new());
        };
        Ok(months_between(first, last)
            .into_iter()
            .map(|month| Count {
                systems: by_month.get(&month).copied().unwrap_or(0),
                value: month,
            })
            .collect())
    }

    /// The audits of high-risk systems that are not retired, and every
    /// system whose next audit is overdue.
    async fn audit_statistics(
        &self,
        agency: Option<&AgencySlug>,
    ) -> Result<AuditStatistics, AppError> {
        let sql = format!(
            "SELECT \
             coalesce(sum(CASE WHEN v.risk_level IN ('high', 'prohibited') AND v.stage <> 'retired' \
                 THEN 1 ELSE 0 END), 0) AS high_risk, \
             coalesce(sum(CASE WHEN v.risk_level IN ('high', 'prohibited') AND v.stage <> 'retired' \
                 AND au.outcome IN ('passed', 'passed_with_findings') \
                 AND (au.next_due IS NULL OR au.next_due >= $1) THEN 1 ELSE 0 END), 0) AS covered, \
             coalesce(sum(CASE WHEN au.next_due < $1 THEN 1 ELSE 0 END), 0) AS overdue \
             FROM systems s \
             JOIN system_versions v ON v.system_id = s.id AND v.version = s.current_version \
             LEFT JOIN audits au ON au.id = s.latest_audit WHERE true {}",
            of_agency(agency, 2)
        );
        let query = sqlx::query(&sql).bind(crate::clock::today());
        let row = bound(query, agency)
            .fetch_one(&self.pool)
            .await
            .map_err(database_error)?;
        let high_risk = rows::integer(&row, "high_risk")?;
        let high_risk_covered = rows::integer(&row, "covered")?;
        let overdue = rows::integer(&row, "overdue")?;
        Ok(AuditStatistics {
            high_risk,
            high_risk_covered,
            coverage: percentage(high_risk_covered, high_risk),
            overdue,
        })
    }
}

/// `AND s.agency = $n` where the statistics are one agency's.
fn of_agency(agency: Option<&AgencySlug>, n: usize) -> String {
    agency.map_or_else(String::new, |_| format!("AND s.agency = ${n}"))
}

/// `query` with the agency bound last, where there is one.
fn bound<'q>(
    query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    agency: Option<&AgencySlug>,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    match agency {
        Some(slug) => query.bind(slug.0.clone()),
        None => query,
    }
}

/// The counts of a closed facet's values, in their order, zeros included.
fn closed<'a>(
    counts: &PublishedCounts,
    facet: Facet,
    values: impl Iterator<Item = &'a str>,
) -> Vec<Count> {
    values
        .map(|value| Count {
            value: value.to_string(),
            systems: counts.get(facet.name(), value),
        })
        .collect()
}

/// The expected fields records leave empty, most often left empty first.
fn missing_fields(counts: &PublishedCounts) -> Vec<Count> {
    let mut missing = closed(
        counts,
        Facet::Missing,
        Facet::Missing
            .known_values()
            .into_iter()
            .map(|(value, _)| value),
    );
    missing.sort_by_key(|count| std::cmp::Reverse(count.systems));
    missing
}

fn answer_statistics(stats: &AnswerStats) -> AnswerStatistics {
    AnswerStatistics {
        asked: stats.items,
        answered: stats.answered,
        median_seconds: stats.median_seconds,
    }
}

/// Every month (`2025-11`) from `first` to `last`, both included.
fn months_between(first: &str, last: &str) -> Vec<String> {
    let parse = |month: &str| -> Option<i32> {
        let year: i32 = month.get(..4)?.parse().ok()?;
        let month: i32 = month.get(5..7)?.parse().ok()?;
        Some(year * 12 + month - 1)
    };
    let (Some(first), Some(last)) = (parse(first), parse(last)) else {
        return Vec::new();
    };
    (first..=last)
        .map(|n| format!("{:04}-{:02}", n / 12, n % 12 + 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_month_between_two_is_listed() {
        assert_eq!(
            months_between("2025-11", "2026-02"),
            ["2025-11", "2025-12", "2026-01", "2026-02"]
        );
        assert_eq!(months_between("2026-03", "2026-03"), ["2026-03"]);
        assert!(months_between("soon", "2026-03").is_empty());
    }
}

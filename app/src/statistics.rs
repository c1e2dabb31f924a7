//! `/statistics`: the state of the register at a glance. What it holds (by
//! stage, risk level, technique, topic and agency, and when it was
//! published), how well it is kept (completeness, reviews, audits) and how
//! agencies answer the public. The same numbers are the open data's
//! `/api/v1/statistics`.

mod agency;
mod chart;
mod page;

use serde::{Deserialize, Serialize};

pub use agency::AgencyStatisticsPage;
pub use page::StatisticsPage;

/// The register's numbers, counted together.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Statistics {
    /// When these numbers were counted (RFC 3339, UTC): they are kept for
    /// up to a minute, and counted again sooner after a change.
    pub counted_at: String,
    /// Published systems.
    pub systems: i64,
    /// Agencies, with or without published systems.
    pub agencies: i64,
    pub by_stage: Vec<Count>,
    pub by_risk_level: Vec<Count>,
    /// A system counts once under each technique it uses.
    pub by_technique: Vec<Count>,
    pub by_topic: Vec<Count>,
    /// The latest audit's outcome, `none` for never audited.
    pub by_audit: Vec<Count>,
    /// Systems first published in each month (`2026-11`), every month from
    /// the first to the last, oldest first.
    pub published_by_month: Vec<Count>,
    pub completeness: CompletenessStatistics,
    pub reviews: ReviewStatistics,
    pub audits: AuditStatistics,
    pub answers: AnswerStatistics,
    /// Every agency, most systems first; those with none are listed too.
    pub by_agency: Vec<AgencyStatistics>,
}

/// How many systems have a value.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Count {
    /// The value's stable name, as search filters by it (or a month).
    pub value: String,
    pub systems: i64,
}

/// How complete the records are (see `/open-data#completeness`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CompletenessStatistics {
    /// Records that fill every field expected of their kind of system.
    pub complete: i64,
    pub incomplete: i64,
    /// The mean score, 0 to 100, one decimal; `null` without systems.
    pub average: Option<f64>,
    /// Per expected field, the records that leave it empty, most first.
    pub missing: Vec<Count>,
}

/// Records past their review-by date (see `/open-data#review`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReviewStatistics {
    pub overdue: i64,
    pub current: i64,
}

/// Independent audits of the systems that need them most.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AuditStatistics {
    /// High-risk (or prohibited) systems that are not retired.
    pub high_risk: i64,
    /// Of those, the ones whose latest audit passed (with or without
    /// findings) and whose next audit is not overdue.
    pub high_risk_covered: i64,
    /// `high_risk_covered` as a share of `high_risk`, 0 to 100, one
    /// decimal; `null` without high-risk systems.
    pub coverage: Option<f64>,
    /// Systems whose latest audit's next due date has passed.
    pub overdue: i64,
}

/// How agencies answer published questions and error reports.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AnswerStatistics {
    /// Published questions and error reports.
    pub asked: i64,
    pub answered: i64,
    /// Seconds from publication to answer, the median of the answered ones.
    pub median_seconds: Option<i64>,
}

/// One agency's part of the register.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AgencyStatistics {
    /// The agency's slug.
    pub agency: String,
    pub name: String,
    /// Its published systems.
    pub systems: i64,
    /// Their mean completeness, 0 to 100, one decimal; `null` without systems.
    pub average_completeness: Option<f64>,
    /// Its records past their review-by date.
    pub reviews_overdue: i64,
    /// When it last published a version (RFC 3339); `null` if never.
    pub last_published: Option<String>,
    pub answers: AnswerStatistics,
}

/// A share as a percentage with one decimal: `None` when there is nothing
/// to share.
pub fn percentage(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 * 1000.0 / whole as f64).round() / 10.0)
}

/// The mean of a sum over `count` items, one decimal: `None` for none.
pub fn mean(sum: i64, count: i64) -> Option<f64> {
    (count > 0).then(|| (sum as f64 * 10.0 / count as f64).round() / 10.0)
}

/// The register's statistics (kept for a moment by the server).
#[leptos::server]
pub async fn get_statistics() -> Result<Statistics, leptos::prelude::ServerFnError> {
    let register = crate::register::register()?;
    Ok(register.statistics().await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_and_means_have_one_decimal_and_none_of_nothing() {
        assert_eq!(percentage(1, 3), Some(33.3));
        assert_eq!(percentage(2, 3), Some(66.7));
        assert_eq!(percentage(0, 5), Some(0.0));
        assert_eq!(percentage(0, 0), None);
        assert_eq!(mean(250, 3), Some(83.3));
        assert_eq!(mean(0, 0), None);
    }
}

//! How agencies answer: per agency, how many questions and error reports
//! were published, how many answered, and the median time to answer.

use crate::storage::Storage;
use app::error::AppError;
use app::feedback::AnswerStats;
use app::record::AgencySlug;

/// The median of some durations: the middle one, or the mean of the middle two.
pub fn median(mut seconds: Vec<i64>) -> Option<i64> {
    if seconds.is_empty() {
        return None;
    }
    seconds.sort_unstable();
    let middle = seconds.len() / 2;
    Some(if seconds.len() % 2 == 1 {
        seconds[middle]
    } else {
        (seconds[middle - 1] + seconds[middle]) / 2
    })
}

/// Answer statistics per agency, from each published question's and error
/// report's publication and answer times.
pub async fn answer_stats(
    storage: &Storage,
    agency: Option<&AgencySlug>,
) -> Result<Vec<AnswerStats>, AppError> {
    let rows = storage.answer_times(agency).await?;
    let mut by_agency: std::collections::BTreeMap<AgencySlug, (i64, Vec<i64>)> =
        std::collections::BTreeMap::new();
    for (agency, published_at, answered_at) in rows {
        let entry = by_agency.entry(agency).or_default();
        entry.0 += 1;
        if let Some(answered_at) = answered_at {
            entry
                .1
                .push(crate::clock::seconds_between(&published_at, &answered_at).max(0));
        }
    }
    Ok(by_agency
        .into_iter()
        .map(|(agency, (items, answered))| AnswerStats {
            agency,
            items,
            answered: answered.len() as i64,
            median_seconds: median(answered),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_is_the_middle() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![5]), Some(5));
        assert_eq!(median(vec![9, 1, 5]), Some(5));
        assert_eq!(median(vec![4, 1, 10, 2]), Some(3));
    }
}

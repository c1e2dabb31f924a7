//! How agencies answer: when each published question and error report was
//! published and answered, and per agency how many were asked, how many
//! answered, and the median time to answer.

use super::*;

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

impl Storage {
    /// Answer statistics per agency (of one agency, or all), from each
    /// published question's and error report's publication and answer times.
    pub async fn answer_stats(
        &self,
        agency: Option<&AgencySlug>,
    ) -> Result<Vec<app::feedback::AnswerStats>, AppError> {
        let rows = self.answer_times(agency).await?;
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
            .map(|(agency, (items, answered))| app::feedback::AnswerStats {
                agency,
                items,
                answered: answered.len() as i64,
                median_seconds: median(answered),
            })
            .collect())
    }

    /// Every published question and error report (of one agency, or all):
    /// its agency, when it was published, and when it was answered.
    /// Those of every agency are kept for a moment (see `kept.rs`): `/agencies`.
    pub async fn answer_times(
        &self,
        agency: Option<&AgencySlug>,
    ) -> Result<Vec<AnswerTime>, AppError> {
        match agency {
            None => {
                self.answer_times
                    .get_or_read(self.read_answer_times(None))
                    .await
            }
            Some(_) => self.read_answer_times(agency).await,
        }
    }

    async fn read_answer_times(
        &self,
        agency: Option<&AgencySlug>,
    ) -> Result<Vec<AnswerTime>, AppError> {
        let sql = "SELECT s.agency, rfc3339(c.published_at), rfc3339(c.answered_at) FROM comments c \
                   JOIN systems s ON s.id = c.system_id \
                   WHERE c.state = 'published' AND c.kind IN ('question', 'error') \
                   AND ($1 = '' OR s.agency = $2)";
        let slug = agency.map(|a| a.0.clone()).unwrap_or_default();
        let rows: Vec<(String, String, Option<String>)> = sqlx::query_as(&self.kind.sql(sql))
            .bind(slug.clone())
            .bind(slug)
            .fetch_all(&self.pool)
            .await
            .map_err(database_error)?;
        Ok(rows
            .into_iter()
            .map(|(agency, published, answered)| (AgencySlug(agency), published, answered))
            .collect())
    }
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

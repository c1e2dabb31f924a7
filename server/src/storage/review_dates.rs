//! When each record is due for review: its last version or review plus the
//! review period an admin sets (`OversightSettings`, kept in
//! `register_settings`), or earlier where its agency set an earlier date
//! (`systems.agency_review_by`, migration 0023).
//!
//! When an admin changes the periods, [`Storage::apply_review_periods`]
//! works every record's date out again, a batch per transaction, moving the
//! counts and queueing the changed systems for search; the periods it last
//! applied are kept as the setting `review_periods_applied`, so a server
//! that stopped half-way finishes the work when it starts again.

use super::counts::CountMoves;
use super::rows::{self, PUBLISHED};
use super::{DatabaseKind, Storage, database_error};
use app::error::AppError;
use app::record::{OversightSettings, RiskLevel, SystemContent, SystemId};
use app::search::{REVIEW_CURRENT, REVIEW_OVERDUE};
use sqlx::AnyConnection;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// Systems worked out again per transaction.
const BATCH: i64 = 500;

/// When a record last reviewed at `reviewed_at` (RFC 3339) is due for review
/// under `settings`, or at `agency_date` where the agency set that earlier
/// date and no review or version has passed it yet.
pub fn review_by(
    reviewed_at: &str,
    risk_level: RiskLevel,
    settings: &OversightSettings,
    agency_date: Option<&str>,
) -> Result<String, AppError> {
    let reviewed = OffsetDateTime::parse(reviewed_at, &Rfc3339)
        .map_err(|error| AppError::Internal(format!("a stored time “{reviewed_at}”: {error}")))?;
    let months = settings.review_months(risk_level);
    let by_period = crate::clock::format_timestamp(months_after(reviewed, months));
    Ok(match agency_date {
        Some(date) if date > reviewed_at && date < by_period.as_str() => date.to_string(),
        _ => by_period,
    })
}

/// The same moment `months` later; a day the month lacks (31 August plus six
/// months) becomes its last day.
pub fn months_after(moment: OffsetDateTime, months: i64) -> OffsetDateTime {
    let months = i32::try_from(months).unwrap_or(i32::MAX / 24);
    let counted = moment.year() * 12 + i32::from(u8::from(moment.month())) - 1 + months;
    let year = counted.div_euclid(12);
    let month = time::Month::try_from((counted.rem_euclid(12) + 1) as u8)
        .expect("a month number from 1 to 12");
    let day = moment.day().min(month.length(year));
    let date = time::Date::from_calendar_date(year, month, day).expect("a day the month has");
    moment.replace_date(date)
}

/// The periods as the setting `review_periods_applied` keeps them.
fn periods(settings: &OversightSettings) -> String {
    format!(
        "{}/{}",
        settings.review_months, settings.high_risk_review_months
    )
}

impl Storage {
    /// The register's oversight settings (the defaults for any not stored).
    pub async fn oversight_settings(&self) -> Result<OversightSettings, AppError> {
        let mut conn = self.pool.acquire().await.map_err(database_error)?;
        Self::read_oversight_settings(&mut conn).await
    }

    /// The same, read inside a transaction.
    pub(super) async fn read_oversight_settings(
        conn: &mut AnyConnection,
    ) -> Result<OversightSettings, AppError> {
        let stored: Vec<(String, String)> =
            sqlx::query_as("SELECT name, value FROM register_settings")
                .fetch_all(&mut *conn)
                .await
                .map_err(database_error)?;
        let mut settings = OversightSettings::default();
        for (name, value) in stored {
            let Ok(number) = value.parse::<i64>() else {
                continue;
            };
            match name.as_str() {
                "review_months" => settings.review_months = number,
                "high_risk_review_months" => settings.high_risk_review_months = number,
                "reading_ease" => settings.reading_ease = number,
                _ => {}
            }
        }
        Ok(settings)
    }

    /// Stores `settings`. Changed review periods take effect through
    /// [`Storage::apply_review_periods`], which the caller starts after the commit.
    pub async fn save_oversight_settings(
        conn: &mut AnyConnection,
        settings: &OversightSettings,
    ) -> Result<(), AppError> {
        let values = [
            ("review_months", settings.review_months),
            ("high_risk_review_months", settings.high_risk_review_months),
            ("reading_ease", settings.reading_ease),
        ];
        for (name, value) in values {
            Self::save_setting(conn, name, &value.to_string()).await?;
        }
        Ok(())
    }

    /// Stores one register setting, replacing its value.
    pub(super) async fn save_setting(
        conn: &mut AnyConnection,
        name: &str,
        value: &str,
    ) -> Result<(), AppError> {
        sqlx::query(
            "INSERT INTO register_settings (name, value) VALUES ($1, $2) \
             ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        )
        .bind(name.to_string())
        .bind(value.to_string())
        .execute(&mut *conn)
        .await
        .map_err(database_error)?;
        Ok(())
    }

    /// Sets (or with `None` clears) the review date system `id`'s agency
    /// asks for, and works its review-by date out again from its published
    /// `content` as of `now`. The caller checks who may, that the date is in
    /// the future, and commits.
    pub async fn set_agency_review_by(
        conn: &mut AnyConnection,
        id: &SystemId,
        content: &SystemContent,
        date: Option<&str>,
        now: &str,
    ) -> Result<(), AppError> {
        sqlx::query(
            &DatabaseKind::of(conn)
                .sql("UPDATE systems SET agency_review_by = $1::timestamptz WHERE id = $2"),
        )
        .bind(date.map(str::to_string))
        .bind(id.0.clone())
        .execute(&mut *conn)
        .await
        .map_err(database_error)?;
        let mut counts = CountMoves::default();
        let before = Self::counted(conn, id).await?;
        let reviewed_at = Self::last_reviewed_at(conn, id).await?;
        let settings = Self::read_oversight_settings(conn).await?;
        Self::set_oversight(conn, id, content, &reviewed_at, now, &settings).await?;
        counts.add(before, Self::counted(conn, id).await?);
        Self::apply_count_moves(conn, counts).await?;
        Self::queue_for_search(conn, id, now).await
    }

    /// System `id`'s review-by date from the register's period alone,
    /// whatever date its agency chose.
    pub async fn period_review_by(
        conn: &mut AnyConnection,
        id: &SystemId,
        content: &SystemContent,
    ) -> Result<String, AppError> {
        let settings = Self::read_oversight_settings(conn).await?;
        let reviewed_at = Self::last_reviewed_at(conn, id).await?;
        review_by(&reviewed_at, content.risk_level, &settings, None)
    }

    /// When system `id`'s current version was last reviewed (or published).
    async fn last_reviewed_at(conn: &mut AnyConnection, id: &SystemId) -> Result<String, AppError> {
        let (reviewed_at,): (String,) = sqlx::query_as(&DatabaseKind::of(conn).sql(&format!(
            "SELECT rfc3339(coalesce(v.reviewed_at, v.published_at)) AS reviewed_at FROM {PUBLISHED} \
             WHERE s.id = $1"
        )))
        .bind(id.0.clone())
        .fetch_one(&mut *conn)
        .await
        .map_err(database_error)?;
        Ok(reviewed_at)
    }

    /// The review date system `id`'s agency set, if any (RFC 3339).
    pub(super) async fn agency_review_by(
        conn: &mut AnyConnection,
        id: &SystemId,
    ) -> Result<Option<String>, AppError> {
        let sql = "SELECT rfc3339(agency_review_by) AS agency_review_by FROM systems WHERE id = $1";
        let found: Option<(Option<String>,)> = sqlx::query_as(&DatabaseKind::of(conn).sql(sql))
            .bind(id.0.clone())
            .fetch_optional(&mut *conn)
            .await
            .map_err(database_error)?;
        Ok(found.and_then(|(date,)| date))
    }

    /// Works every record's review-by date out again when the review
    /// periods differ from those last applied (see the module's
    /// documentation). Returns how many dates it moved.
    pub async fn apply_review_periods(&self) -> Result<u64, AppError> {
        let mut conn = self.pool.acquire().await.map_err(database_error)?;
        let settings = Self::read_oversight_settings(&mut conn).await?;
        let applied: Option<(String,)> = sqlx::query_as(
            "SELECT value FROM register_settings WHERE name = 'review_periods_applied'",
        )
        .fetch_optional(&mut *conn)
        .await
        .map_err(database_error)?;
        drop(conn);
        // A register that never changed them has its dates from the defaults.
        let applied = applied.map_or_else(|| periods(&OversightSettings::default()), |(p,)| p);
        if applied == periods(&settings) {
            return Ok(0);
        }
        let sql = format!(
            "SELECT s.id, rfc3339(coalesce(v.reviewed_at, v.published_at)) AS reviewed_at, \
             v.risk_level, rfc3339(s.review_by) AS review_by, \
             rfc3339(s.agency_review_by) AS agency_review_by \
             FROM {PUBLISHED} WHERE s.review_by IS NOT NULL AND s.id > $1 \
             ORDER BY s.id LIMIT {BATCH}"
        );
        let sql = self.kind.sql(&sql);
        let (mut after, mut moved) = (String::new(), 0);
        loop {
            let now = crate::clock::now();
            let mut tx = self.write_transaction().await?;
            let conn = &mut *tx;
            let found = sqlx::query(&sql)
                .bind(after.clone())
                .fetch_all(&mut *conn)
                .await
                .map_err(database_error)?;
            let Some(last) = found.last() else {
                Self::save_setting(conn, "review_periods_applied", &periods(&settings)).await?;
                tx.commit().await?;
                return Ok(moved);
            };
            after = rows::text(last, "id")?;
            let mut counts = CountMoves::default();
            for row in &found {
                let id = SystemId(rows::text(row, "id")?);
                let old = rows::text(row, "review_by")?;
                let risk = RiskLevel::parse(&rows::text(row, "risk_level")?)
                    .ok_or_else(|| AppError::Internal(format!("{id:?} has no risk level")))?;
                let agency_date = rows::optional_text(row, "agency_review_by")?;
                let new = review_by(
                    &rows::text(row, "reviewed_at")?,
                    risk,
                    &settings,
                    agency_date.as_deref(),
                )?;
                // Only a date still as read is moved: a publish or a review
                // since then has worked it out already.
                let claim = "UPDATE systems SET review_by = review_by \
                     WHERE id = $1 AND rfc3339(review_by) = $2";
                if new == old || !Self::claimed(conn, claim, &id, Some(&old)).await? {
                    continue;
                }
                let before = Self::counted(conn, &id).await?;
                let review = if new < now {
                    REVIEW_OVERDUE
                } else {
                    REVIEW_CURRENT
                };
                sqlx::query(&self.kind.sql(
                    "UPDATE systems SET review_by = $1::timestamptz, review = $2 WHERE id = $3",
                ))
                .bind(new)
                .bind(review)
                .bind(id.0.clone())
                .execute(&mut *conn)
                .await
                .map_err(database_error)?;
                moved += 1;
                counts.add(before, Self::counted(conn, &id).await?);
                Self::queue_for_search(conn, &id, &now).await?;
            }
            Self::apply_count_moves(conn, counts).await?;
            tx.commit().await?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_is_due_a_year_after_its_review_or_half_a_year_when_high_risk() {
        let settings = OversightSettings::default();
        let due = |at: &str, risk| review_by(at, risk, &settings, None).unwrap();
        assert_eq!(
            due("2026-03-15T10:00:00Z", RiskLevel::Minimal),
            "2027-03-15T10:00:00Z"
        );
        assert_eq!(
            due("2026-08-31T23:59:59Z", RiskLevel::High),
            "2027-02-28T23:59:59Z"
        );
        assert_eq!(
            due("2027-08-31T00:00:00Z", RiskLevel::Prohibited),
            "2028-02-29T00:00:00Z"
        );
        assert_eq!(
            due("2026-12-04T08:00:00Z", RiskLevel::Limited),
            "2027-12-04T08:00:00Z"
        );
        assert!(review_by("yesterday", RiskLevel::Minimal, &settings, None).is_err());
    }

    #[test]
    fn the_periods_are_the_admins_and_an_agencys_earlier_date_comes_first() {
        let settings = OversightSettings {
            review_months: 3,
            high_risk_review_months: 1,
            reading_ease: 60,
        };
        let at = "2026-01-31T09:00:00Z";
        let due = |risk, agency| review_by(at, risk, &settings, agency).unwrap();
        assert_eq!(due(RiskLevel::Minimal, None), "2026-04-30T09:00:00Z");
        assert_eq!(due(RiskLevel::High, None), "2026-02-28T09:00:00Z");
        // Earlier than the period: the agency's date.
        let early = "2026-03-01T00:00:00Z";
        assert_eq!(due(RiskLevel::Minimal, Some(early)), early);
        // Later than the period, or already passed by the review: the period's.
        assert_eq!(due(RiskLevel::High, Some(early)), "2026-02-28T09:00:00Z");
        assert_eq!(
            due(RiskLevel::Minimal, Some("2026-01-01T00:00:00Z")),
            "2026-04-30T09:00:00Z"
        );
    }
}

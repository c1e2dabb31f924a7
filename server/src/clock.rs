//! Timestamps as the register stores them: RFC 3339, UTC, whole seconds.
//!
//! The clock is the system's, except inside [`with_clock`]: a test that
//! needs times on either side of a moment sets them instead of sleeping.

use std::sync::{Arc, Mutex};
use time::OffsetDateTime;
use time::macros::format_description;

/// A clock a test moves by hand.
#[derive(Clone, Debug)]
pub struct ManualClock(Arc<Mutex<OffsetDateTime>>);

impl ManualClock {
    pub fn starting_at(moment: OffsetDateTime) -> ManualClock {
        ManualClock(Arc::new(Mutex::new(moment)))
    }

    /// Moves the clock on by `by`.
    pub fn advance(&self, by: time::Duration) {
        let mut now = self.0.lock().expect("the clock's lock");
        *now += by;
    }

    fn now(&self) -> OffsetDateTime {
        *self.0.lock().expect("the clock's lock")
    }
}

tokio::task_local! {
    /// The clock of the current task, where one is set.
    static CLOCK: ManualClock;
}

/// Runs `work` with `clock` as the clock of everything it calls in this task.
pub async fn with_clock<F: std::future::Future>(clock: ManualClock, work: F) -> F::Output {
    CLOCK.scope(clock, work).await
}

/// The moment now: the task's clock if it has one, else the system's.
pub fn moment() -> OffsetDateTime {
    CLOCK
        .try_with(ManualClock::now)
        .unwrap_or_else(|_| OffsetDateTime::now_utc())
}

/// Now, as `2026-11-28T07:00:00Z`.
pub fn now() -> String {
    format_timestamp(moment())
}

/// Today's date in UTC, as `2026-11-28`.
pub fn today() -> String {
    now()[..10].to_string()
}

/// Now with microseconds, as `2026-11-28T07:00:00.123456Z`: the changes
/// feed's clock. Fixed width, so it sorts as text.
pub fn now_precise() -> String {
    format_precise(moment())
}

/// A moment with microseconds, as `2026-11-28T07:00:00.123456Z`.
pub fn format_precise(moment: OffsetDateTime) -> String {
    let format =
        format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z");
    moment
        .to_offset(time::UtcOffset::UTC)
        .format(&format)
        .expect("a fixed format always applies to a valid date")
}

/// An RFC 3339 timestamp from outside (any offset, any precision), as the
/// changes feed's clock writes it; `None` if it is not RFC 3339.
pub fn parse_precise(text: &str) -> Option<String> {
    let moment =
        OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339).ok()?;
    // Years before 0 or past 9999 have no fixed-width form.
    (0..=9999)
        .contains(&moment.to_offset(time::UtcOffset::UTC).year())
        .then(|| format_precise(moment))
}

/// A moment as `2026-11-28T07:00:00Z`.
pub fn format_timestamp(moment: OffsetDateTime) -> String {
    let format = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    moment
        .to_offset(time::UtcOffset::UTC)
        .format(&format)
        .expect("a fixed format always applies to a valid date")
}

/// Seconds from one RFC 3339 timestamp to another (0 when either is unreadable).
pub fn seconds_between(from: &str, to: &str) -> i64 {
    use time::format_description::well_known::Rfc3339;
    match (
        OffsetDateTime::parse(from, &Rfc3339),
        OffsetDateTime::parse(to, &Rfc3339),
    ) {
        (Ok(from), Ok(to)) => (to - from).whole_seconds(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn timestamps_are_utc_and_fixed_width() {
        assert_eq!(
            format_timestamp(datetime!(2026-11-28 07:05:09 UTC)),
            "2026-11-28T07:05:09Z"
        );
        assert_eq!(
            format_timestamp(datetime!(2026-11-28 09:05:09 +02:00)),
            "2026-11-28T07:05:09Z"
        );
        assert_eq!(now().len(), 20);
        assert_eq!(now_precise().len(), 27);
    }

    #[test]
    fn times_from_outside_become_fixed_width_utc() {
        assert_eq!(
            parse_precise("2026-11-28T09:05:09.5+02:00").as_deref(),
            Some("2026-11-28T07:05:09.500000Z")
        );
        assert_eq!(
            parse_precise("2026-11-28T07:05:09Z").as_deref(),
            Some("2026-11-28T07:05:09.000000Z")
        );
        assert_eq!(parse_precise("2026-11-28"), None);
        assert_eq!(parse_precise("yesterday"), None);
    }
}

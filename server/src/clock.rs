//! Timestamps as the register stores them: RFC 3339, UTC, whole seconds.

use time::OffsetDateTime;
use time::macros::format_description;

/// Now, as `2026-11-28T07:00:00Z`.
pub fn now() -> String {
    format_timestamp(OffsetDateTime::now_utc())
}

/// Today's date in UTC, as `2026-11-28`.
pub fn today() -> String {
    now()[..10].to_string()
}

/// A moment as `2026-11-28T07:00:00Z`.
pub fn format_timestamp(moment: OffsetDateTime) -> String {
    let format = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    moment
        .to_offset(time::UtcOffset::UTC)
        .format(&format)
        .expect("a fixed format always applies to a valid date")
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
    }
}

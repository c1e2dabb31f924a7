//! The register's oversight settings, which an admin changes on
//! `/manage/settings`: how long a record stays current before its agency is
//! due to review it, and the plain-language target the system form advises
//! editors against.

use super::RiskLevel;
use serde::{Deserialize, Serialize};

/// See the module's documentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OversightSettings {
    /// Months from a record's last version or review to its review-by date.
    pub review_months: i64,
    /// The same for a high-risk (or prohibited) system.
    pub high_risk_review_months: i64,
    /// The reading ease a text should reach, 0 to 100 (Flesch reading
    /// ease for English, Flesch–Douma for Dutch; see `plain_language.rs`).
    pub reading_ease: i64,
}

impl Default for OversightSettings {
    fn default() -> Self {
        OversightSettings {
            review_months: 12,
            high_risk_review_months: 6,
            reading_ease: 60,
        }
    }
}

impl OversightSettings {
    /// The longest review period an admin may set, in months.
    pub const MAX_REVIEW_MONTHS: i64 = 60;

    /// Months from a system's last version or review to its review-by date.
    pub fn review_months(&self, risk_level: RiskLevel) -> i64 {
        match risk_level {
            RiskLevel::High | RiskLevel::Prohibited => self.high_risk_review_months,
            _ => self.review_months,
        }
    }
}

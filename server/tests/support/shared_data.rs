//! The real register data in `../shared/data/`, beside the repository.

use std::path::PathBuf;

/// A file of the US federal AI use case inventory 2025.
pub fn us_omb_2025(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data/us-omb-2025")
        .join(file)
}

/// The 36-column inventory of individually reported use cases.
pub fn us_omb_2025_use_cases() -> PathBuf {
    us_omb_2025("2025_individually_reported_AI_use_cases.csv")
}

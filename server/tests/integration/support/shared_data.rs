//! The real register data in `../shared/data/`, beside the repository, or
//! where `LANTERN_SHARED_DATA` says (`scripts/test` sets it for a clone made
//! elsewhere).

use std::path::PathBuf;

/// The shared data folder.
pub fn shared_data() -> PathBuf {
    std::env::var_os("LANTERN_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data"))
}

/// A file of the US federal AI use case inventory 2025.
pub fn us_omb_2025(file: &str) -> PathBuf {
    shared_data().join("us-omb-2025").join(file)
}

/// The 36-column inventory of individually reported use cases.
pub fn us_omb_2025_use_cases() -> PathBuf {
    us_omb_2025("2025_individually_reported_AI_use_cases.csv")
}

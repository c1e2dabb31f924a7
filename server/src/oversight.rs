//! Keeping each record's oversight current while the server runs: working
//! it out for records published before Lantern kept it, applying review
//! periods an admin changed, and marking records whose review-by date has
//! passed as overdue (see `storage/oversight.rs` and `storage/review_dates.rs`).

use crate::storage::Storage;

/// Works out what older records lack, then checks review periods and dates
/// now and every hour, for as long as the server runs.
pub async fn keep_current(storage: Storage) {
    match storage.fill_oversight().await {
        Ok(0) => {}
        Ok(filled) => tracing::info!(
            filled,
            "worked out the completeness and review dates of older records"
        ),
        Err(error) => {
            tracing::error!(%error, "could not work out the completeness and review dates of older records")
        }
    }
    loop {
        // A change of the periods that a stopped server left half done.
        apply_review_periods(storage.clone()).await;
        match storage.mark_overdue_reviews(&crate::clock::now()).await {
            Ok(0) => {}
            Ok(marked) => tracing::info!(marked, "records are now overdue for review"),
            Err(error) => tracing::warn!(%error, "could not check the records' review dates"),
        }
        tokio::time::sleep(std::time::Duration::from_secs(3_600)).await;
    }
}

/// Works every record's review date out again if an admin changed the
/// review periods since they were last applied.
pub async fn apply_review_periods(storage: Storage) {
    match storage.apply_review_periods().await {
        Ok(0) => {}
        Ok(moved) => tracing::info!(moved, "review dates moved to the new review periods"),
        Err(error) => tracing::warn!(%error, "could not apply the new review periods"),
    }
}

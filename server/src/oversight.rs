//! Keeping each record's oversight current while the server runs: working
//! it out for records published before Lantern kept it, and marking records
//! whose review-by date has passed as overdue (see `storage/oversight.rs`).

use crate::storage::Storage;

/// Works out what older records lack, then checks review dates now and
/// every hour, for as long as the server runs.
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
        match storage.mark_overdue_reviews(&crate::clock::now()).await {
            Ok(0) => {}
            Ok(marked) => tracing::info!(marked, "records are now overdue for review"),
            Err(error) => tracing::warn!(%error, "could not check the records' review dates"),
        }
        tokio::time::sleep(std::time::Duration::from_secs(3_600)).await;
    }
}

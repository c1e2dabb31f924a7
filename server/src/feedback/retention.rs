//! Forgetting on time: reply emails after the retention period (also in
//! mail still waiting for them), mail given up after 30 days, subscriptions
//! left unconfirmed after 7 days, rate-limit
//! counts after two hours, the day's salt after two days.

use crate::storage::Storage;
use app::error::AppError;
use time::OffsetDateTime;

/// Deletes reply emails older than the retention period, rate-limit counts
/// of past hours and salts of past days. Returns how many emails went.
pub async fn tidy(storage: &Storage, now: OffsetDateTime) -> Result<u64, AppError> {
    let settings = storage.feedback_settings().await?;
    let stamp = crate::clock::format_timestamp(now);
    let cutoff =
        crate::clock::format_timestamp(now - time::Duration::days(settings.email_retention_days));
    let two_hours_ago = crate::clock::format_timestamp(now - time::Duration::hours(2));
    let two_days_ago = crate::clock::format_timestamp(now - time::Duration::days(2));
    let mut tx = storage.begin().await?;
    let forgotten = Storage::forget_emails(&mut tx, &cutoff, &stamp).await?;
    let a_month_ago = crate::clock::format_timestamp(now - time::Duration::days(30));
    Storage::forget_old_mail(&mut tx, &a_month_ago, &cutoff).await?;
    let a_week_ago = crate::clock::format_timestamp(now - time::Duration::days(7));
    Storage::forget_unconfirmed(&mut tx, &a_week_ago).await?;
    Storage::tidy_client_traces(&mut tx, &two_hours_ago[..13], &two_days_ago[..10]).await?;
    tx.commit().await?;
    Ok(forgotten)
}

/// Runs [`tidy`] now and every hour, for as long as the server runs.
pub async fn tidy_hourly(storage: Storage) {
    loop {
        match tidy(&storage, OffsetDateTime::now_utc()).await {
            Ok(0) => {}
            Ok(count) => tracing::info!(count, "deleted reply emails past their retention period"),
            Err(error) => tracing::warn!(%error, "could not tidy citizen feedback"),
        }
        tokio::time::sleep(std::time::Duration::from_secs(3_600)).await;
    }
}

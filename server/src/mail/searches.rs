//! Following a search by email: every ten minutes each instance looks at
//! the confirmed subscriptions to a search that are due (each time for
//! those who want each change, a day after the last message for daily
//! ones), asks the search engine which systems the search finds (its
//! [`crate::search::FOLLOWED`] most recently updated, as the search's Atom
//! feed does), and
//! queues a message when any of them changed or was answered since the
//! subscription's last look. Each search is asked once a run, however many
//! follow it; two instances queue one message (`take_search_follow`).

use crate::search::SharedEngine;
use crate::storage::Storage;
use app::error::AppError;
use app::mail::Follows;
use app::search::SystemQuery;
use std::collections::HashMap;
use time::{Duration, OffsetDateTime};

/// Queues the messages of the subscriptions to a search due at `moment`.
/// Returns how many it queued. A search engine that does not answer
/// leaves every subscription as it was, for the next run.
pub async fn queue_due(
    storage: &Storage,
    search: &SharedEngine,
    moment: OffsetDateTime,
) -> Result<u64, AppError> {
    let now = crate::clock::format_precise(moment);
    let a_day_ago = crate::clock::format_precise(moment - Duration::days(1));
    let mut found: HashMap<String, Vec<String>> = HashMap::new();
    let mut queued = 0;
    for follow in storage.search_follows_due(&a_day_ago).await? {
        if !found.contains_key(&follow.target) {
            let (query, _) = SystemQuery::from_query_string(&follow.target);
            let systems = crate::search::followed_systems(search.as_ref(), &query).await?;
            let ids = systems.into_iter().map(|id| id.0).collect();
            found.insert(follow.target.clone(), ids);
        }
        let systems = &found[&follow.target];
        let changes = storage
            .followed_changes(Follows::Search, &follow.target, systems, &follow.from, &now)
            .await?;
        let about = (!changes.is_empty()).then_some(systems.as_slice());
        if storage.take_search_follow(&follow, &now, about).await? {
            queued += 1;
        }
    }
    Ok(queued)
}

/// Runs [`queue_due`] now and every ten minutes, for as long as the server runs.
pub async fn queue_regularly(storage: Storage, search: SharedEngine) {
    loop {
        match queue_due(&storage, &search, OffsetDateTime::now_utc()).await {
            Ok(0) => {}
            Ok(count) => tracing::info!(count, "queued mail to followers of searches"),
            Err(error) => tracing::warn!(%error, "could not look at the followed searches"),
        }
        tokio::time::sleep(std::time::Duration::from_secs(600)).await;
    }
}

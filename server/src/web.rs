//! `lantern serve`: opens the register, starts the background work (the
//! search indexer, hourly tidying) and serves the site's router
//! ([`crate::router::app`]) until Ctrl-C.

use crate::config::{DataConfig, ServeConfig};
use crate::router::app;
use crate::search::indexer::Indexer;
use crate::state::AppState;

/// Opens the register, seeds the demo if asked, makes sure the search index
/// exists, starts the indexer and serves until Ctrl-C.
pub async fn serve(data: &DataConfig, serve: &ServeConfig) -> anyhow::Result<()> {
    let mailer = serve.mailer()?;
    let storage = data.open().await?;
    if serve.demo {
        let seeded = crate::demo::seed_if_empty(&storage).await?;
        match seeded {
            Some(count) => tracing::info!(systems = count, "seeded the demo register"),
            None => tracing::info!("the register is not empty: demo data not seeded"),
        }
    }
    let search = data.open_search().await?;
    let built = match crate::search::ensure_built(&storage, search.as_ref()).await {
        Ok(_) => true,
        // A search server that is down must not keep the register offline:
        // pages say search is unavailable, and the indexer builds the
        // index when it answers. Anything else is a fault to fix first.
        Err(error) if !search.is_available().await => {
            tracing::warn!(
                engine = search.name(),
                error = format!("{error:#}"),
                "the search engine does not answer: serving without search until it does"
            );
            false
        }
        Err(error) => return Err(error.context("could not build the search index")),
    };
    tokio::spawn(Indexer::new(storage.clone(), search.clone()).run(built));
    tokio::spawn(crate::accounts::prune_sign_ins_hourly(storage.clone()));
    tokio::spawn(crate::feedback::tidy_hourly(storage.clone()));
    tokio::spawn(fill_public_json(storage.clone()));
    tokio::spawn(crate::oversight::keep_current(storage.clone()));
    tokio::spawn(crate::mail::queue_digests_regularly(storage.clone()));
    tokio::spawn(crate::mail::searches::queue_regularly(
        storage.clone(),
        search.clone(),
    ));
    let state = AppState::new(serve, storage.clone(), search.clone());
    match mailer {
        Some(mailer) => {
            let links = crate::mail::letters::Links {
                origin: serve.public_url().origin,
                languages: serve.languages.clone(),
            };
            let postman = crate::mail::worker::Postman::new(storage.clone(), mailer, links)
                .yielding_to(state.serving.clone());
            tokio::spawn(postman.run());
            let language = serve.languages.default_language();
            tokio::spawn(crate::mail::reminders::queue_regularly(
                storage.clone(),
                language,
            ));
        }
        None => tracing::info!("no mail server (LANTERN_SMTP_URL): mail waits in the queue"),
    }
    if !std::path::Path::new(&serve.site_root).join("pkg").exists() {
        tracing::warn!(
            site_root = %serve.site_root,
            "no built site here: pages will lack styles and scripts (run `cargo leptos build --release` from the repository root)"
        );
    }
    let listener = crate::connections::listen(serve.addr)
        .map_err(|e| anyhow::anyhow!("could not listen on {}: {e}", serve.addr))?;
    println!("Lantern is serving http://{}", serve.addr);
    let mut router = app(state);
    if serve.trust_forwarded_for {
        router = router.layer(axum::middleware::from_fn(crate::client::from_forwarded_for));
    }
    crate::connections::serve(listener, router, serve.limits(), async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await;
    Ok(())
}

/// Writes the open data's JSON of versions and audits that have none (after
/// an upgrade that changed its shape, all of them), while the site serves.
async fn fill_public_json(storage: crate::storage::Storage) {
    match storage.fill_public_json().await {
        Ok(0) => {}
        Ok(filled) => tracing::info!(filled, "wrote the open data's JSON of versions and audits"),
        Err(error) => tracing::error!(%error, "could not write the open data's JSON; exports will"),
    }
}

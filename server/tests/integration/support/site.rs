//! The site as a router for tests, requests without a socket, and the lock
//! that makes rendering tests take turns.

// Each test crate uses a different part of this module.
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use clap::Parser;
use http_body_util::BodyExt;
use lantern::config::ServeConfig;
use lantern::router::app;
use lantern::state::AppState;
use lantern::storage::Storage;
use tower::ServiceExt;

/// Rendering tests take turns. Leptos keeps process-wide rendering state, and
/// two test runtimes rendering at once occasionally left a page render waiting
/// forever (seen about one run in three). A server has one runtime, so this is
/// a test-harness matter only.
pub static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The whole site over a register and a search engine.
pub fn router(storage: &Storage, search: lantern::search::SharedEngine) -> Router {
    router_with(storage, search, &[])
}

/// The whole site, served with these flags of `lantern serve` (`--languages en,nl`).
pub fn router_with(
    storage: &Storage,
    search: lantern::search::SharedEngine,
    flags: &[&str],
) -> Router {
    let serve = ServeConfig::parse_from(["serve"].iter().chain(flags));
    app(AppState::new(&serve, storage.clone(), search))
}

/// The demo register on `storage`, indexed by the embedded engine, behind
/// the whole site: what most page tests start from. Keep the search: its
/// index lives as long as it does.
pub async fn demo_site(storage: &Storage) -> (super::search::TestSearch, Router) {
    demo_site_with(storage, &[]).await
}

/// The same, served with these flags of `lantern serve`.
pub async fn demo_site_with(
    storage: &Storage,
    flags: &[&str],
) -> (super::search::TestSearch, Router) {
    lantern::demo::seed_if_empty(storage).await.unwrap();
    let search = super::search::TestSearch::embedded(storage).await;
    let site = router_with(storage, search.engine.clone(), flags);
    (search, site)
}

/// The status and text of a response, without leptos's empty text-boundary comments.
pub async fn read(response: axum::response::Response) -> (StatusCode, String) {
    let status = response.status();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&body).replace("<!>", ""))
}

/// `GET uri`: its status and text.
pub async fn get(router: &Router, uri: &str) -> (StatusCode, String) {
    let response = router
        .clone()
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    read(response).await
}

//! What every request handler can reach: the register's storage, the search
//! engine, the leptos options and the server's settings. Handlers depend on
//! this module, never on the router that mounts them.

use crate::config::ServeConfig;
use crate::search::SharedEngine;
use crate::storage::Storage;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use std::sync::Arc;

/// What every request handler can reach: one shared [`Shared`], so the
/// clone every extractor and middleware makes of it is one reference count,
/// not one for each part (measured at ~5% of a cached API answer).
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// The parts of [`AppState`].
pub struct Shared {
    pub leptos_options: LeptosOptions,
    pub storage: Storage,
    pub search: SharedEngine,
    /// API requests per client per minute, counted in this instance.
    pub api_limit: Arc<crate::api::protocol::RateLimit>,
    /// Where the register is on the web, for absolute links.
    pub public_url: Arc<crate::config::PublicUrl>,
    /// How long a request may take until its answer starts.
    pub request_timeout: std::time::Duration,
    /// Sign-in attempts per client per ten minutes (0: no limit).
    pub sign_ins_per_client: i64,
    /// The register's languages, its default first.
    pub languages: app::i18n::Languages,
    /// A mail server is configured: the feedback form takes an address
    /// for a reply. (Lantern checks the configuration when it starts.)
    pub sends_mail: bool,
    /// The requests being answered now, which the postman yields to.
    pub serving: crate::guards::Serving,
}

impl AppState {
    pub fn new(serve: &ServeConfig, storage: Storage, search: SharedEngine) -> AppState {
        AppState(Arc::new(Shared {
            leptos_options: leptos_options(serve),
            storage,
            search,
            api_limit: Arc::new(crate::api::protocol::RateLimit::new(
                serve.api_requests_per_minute,
            )),
            public_url: Arc::new(serve.public_url()),
            request_timeout: std::time::Duration::from_secs(serve.request_timeout.max(1)),
            sign_ins_per_client: serve.sign_ins_per_client,
            languages: serve.languages.clone(),
            sends_mail: serve
                .smtp_url
                .as_deref()
                .is_some_and(|url| !url.trim().is_empty()),
            serving: crate::guards::Serving::default(),
        }))
    }
}

impl FromRef<AppState> for app::i18n::Languages {
    fn from_ref(state: &AppState) -> Self {
        state.languages.clone()
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The leptos options for a site built into `site_root` (`target/site` after a build).
pub fn leptos_options(serve: &ServeConfig) -> LeptosOptions {
    // Development mode would inject a live-reload script that expects
    // `cargo leptos watch`; served on its own, Lantern is always in production mode.
    let env = match std::env::var("LEPTOS_ENV").as_deref() {
        Ok("DEV") | Ok("dev") => leptos::config::Env::DEV,
        _ => leptos::config::Env::PROD,
    };
    LeptosOptions::builder()
        .output_name("lantern")
        .site_root(serve.site_root.as_str())
        .site_pkg_dir("pkg")
        .site_addr(serve.addr)
        .env(env)
        .build()
}

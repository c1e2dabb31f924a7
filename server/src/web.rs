//! The HTTP server: leptos pages, the JSON API, `/healthz`, static files and
//! security headers.

use crate::config::{DataConfig, ServeConfig};
use crate::search::SharedEngine;
use crate::search::indexer::Indexer;
use crate::storage::Storage;
use app::feedback::SharedFeedback;
use app::manage::SharedManage;
use app::register::SharedRegister;
use app::search::SharedSearch;
use app::{App, shell};
use axum::Router;
use axum::body::Body;
use axum::extract::{FromRef, State};
use axum::handler::Handler;
use axum::http::{HeaderName, HeaderValue, Request, StatusCode, header};
use axum::response::{IntoResponse, Json, Response};
use axum::routing::{get, post};
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, generate_route_list};
use std::sync::Arc;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

/// What every request handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub storage: Storage,
    pub search: SharedEngine,
    /// API requests per client per minute, counted in this instance.
    pub api_limit: Arc<crate::open_data::manners::RateLimit>,
    /// Where the register is on the web, for absolute links.
    pub public_url: Arc<crate::config::PublicUrl>,
    /// How long a request may take until its answer starts.
    pub request_timeout: std::time::Duration,
    /// Sign-in attempts per client per ten minutes (0: no limit).
    pub sign_ins_per_client: i64,
}

impl AppState {
    pub fn new(serve: &ServeConfig, storage: Storage, search: SharedEngine) -> AppState {
        AppState {
            leptos_options: leptos_options(serve),
            storage,
            search,
            api_limit: Arc::new(crate::open_data::manners::RateLimit::new(
                serve.api_requests_per_minute,
            )),
            public_url: Arc::new(serve.public_url()),
            request_timeout: std::time::Duration::from_secs(serve.request_timeout.max(1)),
            sign_ins_per_client: serve.sign_ins_per_client,
        }
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

/// The open data's dictionary, built once from the JSON Schema.
static DICTIONARY: std::sync::LazyLock<app::open_data::SharedDictionary> =
    std::sync::LazyLock::new(|| Arc::new(crate::open_data::dictionary::data_dictionary()));

/// What every page reads, put in its context: the register, what `/manage`
/// reads, search and citizen feedback.
fn page_context(state: &AppState) -> impl Fn() + Clone + Send + Sync + 'static {
    let register: SharedRegister = Arc::new(state.storage.clone());
    let manage: SharedManage = Arc::new(state.storage.clone());
    let search: SharedSearch = state.search.clone();
    let feedback: SharedFeedback = Arc::new(state.storage.clone());
    let dictionary: app::open_data::SharedDictionary = DICTIONARY.clone();
    let public_url = app::open_data::PublicUrl(state.public_url.origin.clone());
    move || {
        provide_context(dictionary.clone());
        provide_context(public_url.clone());
        provide_context(register.clone());
        provide_context(manage.clone());
        provide_context(search.clone());
        provide_context(feedback.clone());
    }
}

/// The whole site as one router: testable without a socket.
pub fn app(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let provide_register = page_context(&state);
    let options = state.leptos_options.clone();
    Router::new()
        .route("/healthz", get(healthz))
        .route("/login", post(crate::sign_in::login))
        .route("/logout", post(crate::sign_in::logout))
        .merge(crate::api::routes(&state))
        // Same paths as the pages the forms are on: added route by route,
        // so each path's GET (the page) and POST (the form) share it.
        .route("/manage/systems/new", post(crate::manage::create_system))
        .route(
            "/manage/systems/{id}/edit",
            post(crate::manage::save_system),
        )
        .route("/manage/tokens", post(crate::manage::create_token))
        .route(
            "/manage/settings",
            post(crate::feedback::forms::change_settings),
        )
        .route("/manage/agencies", post(crate::manage::create_agency))
        .route("/manage/accounts", post(crate::manage::create_account))
        .route("/manage/password", post(crate::manage::change_password))
        .route(
            "/manage/import",
            post(crate::manage::upload_import).layer(axum::extract::DefaultBodyLimit::max(
                crate::publishing::imports::MAX_FILE_BYTES + 64 * 1024,
            )),
        )
        .merge(crate::manage::routes())
        .merge(crate::feedback::forms::routes())
        .leptos_routes_with_context(&state, routes, provide_register.clone(), move || {
            shell(options.clone())
        })
        // Built files (CSS, JavaScript, wasm, public/) straight from the site
        // directory; anything else is the leptos "page not found".
        .fallback_service(
            ServeDir::new(&*state.leptos_options.site_root).fallback(
                leptos_axum::file_and_error_handler_with_context::<AppState, _>(
                    provide_register,
                    shell,
                )
                .with_state(state.clone()),
            ),
        )
        .layer(axum::middleware::map_response(argument_errors_are_400))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::sign_in::load_session,
        ))
        .layer(axum::middleware::from_fn(crate::client::remember))
        .layer(axum::middleware::from_fn_with_state(
            state.request_timeout,
            crate::guards::request_timeout,
        ))
        .layer(axum::middleware::from_fn(crate::guards::uri_length))
        .layer(axum::middleware::from_fn(
            crate::guards::api_errors_in_envelope,
        ))
        .layer(axum::middleware::from_fn(crate::guards::private_and_secure))
        // Pages, CSS, JavaScript and wasm go out gzipped to clients that accept it.
        .layer(CompressionLayer::new())
        .layer(security_header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(security_header(
            header::REFERRER_POLICY,
            "strict-origin-when-cross-origin",
        ))
        .layer(security_header(header::X_FRAME_OPTIONS, "DENY"))
        .layer(security_header(
            header::CONTENT_SECURITY_POLICY,
            "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
        ))
        .with_state(state)
}

/// Renders the page at the request's path, with `extra` in the pages'
/// context: how a form handler shows its form again with what was wrong.
pub async fn render_page<T>(state: &AppState, request: Request<Body>, extra: T) -> Response
where
    T: Clone + Send + Sync + 'static,
{
    let provide_page_context = page_context(state);
    let options = state.leptos_options.clone();
    let render = leptos_axum::render_app_async_with_context(
        move || {
            provide_page_context();
            provide_context(extra.clone());
        },
        move || shell(options.clone()),
    );
    render(request).await.into_response()
}

/// Server functions answer arguments they cannot decode with a 500, but those
/// are the caller's mistake: answer 400, with the same message.
async fn argument_errors_are_400(response: Response) -> Response {
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    // Error responses are a few kilobytes; one over 64 KiB loses its body here.
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if bytes.starts_with(b"Args|") || bytes.starts_with(b"Deserialization|") {
        parts.status = StatusCode::BAD_REQUEST;
    }
    Response::from_parts(parts, Body::from(bytes))
}

fn security_header(name: HeaderName, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
}

/// `GET /healthz`: whether the database answers, what the register holds,
/// and how many changes the search index has yet to take in.
async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    let health = state.storage.health().await;
    let pending = state.storage.pending_search_count().await;
    match (health, pending) {
        (Ok(health), Ok(pending)) => (
            StatusCode::OK,
            Json(serde_json::json!({
                "status": "ok",
                "database": "ok",
                "systems": health.systems,
                "agencies": health.agencies,
                "search": state.search.name(),
                "search_pending": pending,
            })),
        ),
        _ => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(serde_json::json!({
                "status": "unavailable",
                "database": "unreachable",
            })),
        ),
    }
}

/// Opens the register, seeds the demo if asked, makes sure the search index
/// exists, starts the indexer and serves until Ctrl-C.
pub async fn serve(data: &DataConfig, serve: &ServeConfig) -> anyhow::Result<()> {
    let storage = data.open().await?;
    if serve.demo {
        let seeded = crate::demo::seed_if_empty(&storage).await?;
        match seeded {
            Some(count) => tracing::info!(systems = count, "seeded the demo register"),
            None => tracing::info!("the register is not empty: demo data not seeded"),
        }
    }
    let search = data.open_search().await?;
    crate::search::ensure_built(&storage, search.as_ref()).await?;
    tokio::spawn(Indexer::new(storage.clone(), search.clone()).run());
    tokio::spawn(crate::accounts::prune_sign_ins_hourly(storage.clone()));
    tokio::spawn(crate::feedback::tidy_hourly(storage.clone()));
    let state = AppState::new(serve, storage, search);
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

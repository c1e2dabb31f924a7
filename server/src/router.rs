//! The whole site as one router: leptos pages, the forms they post, the JSON
//! API and open data, `/healthz`, static files, and the layers every answer
//! goes through (sessions, guards, compression, security headers).

use crate::pages::page_context;
use crate::state::AppState;
use app::{App, shell};
use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::handler::Handler;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Json, Response};
use axum::routing::{get, post};
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

/// The whole site as one router: testable without a socket.
///
/// The language layer goes around the routed site, not inside it: it
/// rewrites `/nl/systems` to `/systems` before anything is routed.
pub fn app(state: AppState) -> Router {
    let language = axum::middleware::from_fn_with_state(
        state.languages.clone(),
        crate::languages::choose_language,
    );
    Router::new().fallback_service(tower::Layer::layer(&language, site(state)))
}

/// Every route of the site, each address without its language prefix.
fn site(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let provide_register = page_context(&state);
    let options = state.leptos_options.clone();
    Router::new()
        .route("/healthz", get(healthz))
        .route("/login", post(crate::sign_in::login))
        .route("/logout", post(crate::sign_in::logout))
        .merge(
            crate::open_data::openapi::documented_routes()
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    crate::api::protocol::api_protocol,
                ))
                .layer(crate::api::protocol::cors()),
        )
        .merge(crate::manage::routes())
        .merge(crate::feedback::forms::routes())
        .merge(crate::mail::follow::routes())
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
        .layer(axum::middleware::map_response(
            server_fn_errors_keep_their_status,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::sign_in::load_session,
        ))
        .layer(axum::middleware::from_fn(crate::client::remember))
        .layer(axum::middleware::from_fn_with_state(
            state.serving.clone(),
            crate::guards::count_serving,
        ))
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

/// Server functions answer every error with a 500. Arguments they cannot
/// decode are the caller's mistake: 400. An error of the register's
/// (`ServerError|forbidden`) keeps the status it has everywhere else (403).
/// The message stays as it was.
async fn server_fn_errors_keep_their_status(response: Response) -> Response {
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
    } else if let Some(message) = bytes.strip_prefix(b"ServerError|")
        && let Some(status) =
            app::error::AppError::status_of_message(&String::from_utf8_lossy(message))
    {
        parts.status = status;
    }
    Response::from_parts(parts, Body::from(bytes))
}

fn security_header(name: HeaderName, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
}

/// `GET /healthz`: whether the database and the search engine answer, what
/// the register holds, how many changes the search index has yet to take
/// in, and how many messages wait for the mail server and why.
///
/// 200 while this instance can serve the register: `"status": "ok"`, or
/// `"degraded"` when search does not answer (every instance shares the
/// search engine, so a load balancer taking them out would turn a search
/// outage into a whole one). 503 when the database does not answer.
async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    let health = state.storage.health().await;
    let pending = state.storage.pending_search_count().await;
    let mail = state.storage.mail_queue().await;
    let search_answers = state.search.is_available().await;
    match (health, pending, mail) {
        (Ok(health), Ok(pending), Ok(mail)) => (
            StatusCode::OK,
            Json(serde_json::json!({
                "status": if search_answers { "ok" } else { "degraded" },
                "database": "ok",
                "systems": health.systems,
                "agencies": health.agencies,
                "search": state.search.name(),
                "search_status": if search_answers { "ok" } else { "unavailable" },
                "search_pending": pending,
                "mail": crate::mail::health(app::mail::MailReport {
                    configured: state.sends_mail,
                    queue: mail,
                }),
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

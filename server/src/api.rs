//! The public JSON API under `/api/v1/`: plain axum handlers, stable field
//! names, and one error envelope for every failure:
//! `{"errors": [{"code": "...", "detail": "...", "field": "..."}]}`.

pub mod error;
pub mod feedback;
pub mod protocol;
pub mod record;
pub mod systems;
pub mod versions;
pub mod write;

use crate::state::AppState;
use axum::Router;
use axum::routing::{get, put};

/// The routes of the JSON API (the router adds the open data's beside them,
/// and the protocol layer both share: CORS for reading, caching, the rate limit).
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/systems", get(systems::search).post(write::create))
        .route(
            "/api/v1/systems/{id}",
            put(write::update).get(versions::system),
        )
        .route("/api/v1/systems/{id}/versions", get(versions::versions))
        .route(
            "/api/v1/systems/{id}/feedback",
            get(feedback::list).post(feedback::send),
        )
        .route(
            "/api/v1/systems/{id}/versions/{version}",
            get(versions::version),
        )
}

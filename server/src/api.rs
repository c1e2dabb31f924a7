//! The public JSON API under `/api/v1/`: plain axum handlers, stable field
//! names, and one error envelope for every failure:
//! `{"errors": [{"code": "...", "detail": "...", "field": "..."}]}`.

pub mod error;
pub mod feedback;
pub mod protocol;
pub mod record;
pub mod reviews;
pub mod systems;
pub mod versions;
pub mod write;

use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The routes of the JSON API (the router adds the open data's beside them,
/// and the protocol layer both share: CORS for reading, caching, the rate limit).
///
/// Each handler is registered once: `routes!` takes its path and method from
/// its `#[utoipa::path]`, and adds it to the router and the OpenAPI document
/// together.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(systems::search, write::create))
        .routes(routes!(versions::system, write::update))
        .routes(routes!(versions::versions))
        .routes(routes!(feedback::list, feedback::send))
        .routes(routes!(versions::version))
        .routes(routes!(reviews::reviewed))
        .routes(routes!(reviews::review_by))
}

//! The public JSON API under `/api/v1/`: plain axum handlers, stable field
//! names, and one error envelope for every failure:
//! `{"errors": [{"code": "...", "detail": "...", "field": "..."}]}`.

pub mod feedback;
pub mod systems;
pub mod versions;
pub mod write;

use crate::web::AppState;
use app::error::AppError;
use axum::Router;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Json, Response};
use axum::routing::{get, put};
use serde::Serialize;

/// Every route of the JSON API and the open data, with their manners
/// (CORS for reading, ETags, caching, the rate limit).
pub fn routes(state: &AppState) -> Router<AppState> {
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
        .merge(crate::open_data::routes())
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::open_data::manners::api_manners,
        ))
        .layer(crate::open_data::manners::cors())
}

/// One problem with a request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ApiProblem {
    /// A stable machine code: `invalid_parameter`, `invalid_field`,
    /// `invalid_json`, `not_found`, `unauthorized`, `forbidden`, `conflict`,
    /// `too_large`, `rate_limited`, `too_many_requests`, `method_not_allowed`,
    /// `uri_too_long`, `timeout`, `bad_request` or `internal`.
    #[schema(value_type = String)]
    pub code: &'static str,
    /// What is wrong, for people.
    pub detail: String,
    /// The parameter or field at fault, when one is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// An API error: a status and the problems, answered in the error envelope.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub problems: Vec<ApiProblem>,
}

impl ApiError {
    /// Bad query parameters: 400, one problem each.
    pub fn bad_parameters(problems: Vec<app::search::QueryProblem>) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            problems: problems
                .into_iter()
                .map(|p| ApiProblem {
                    code: "invalid_parameter",
                    detail: p.message,
                    field: Some(p.field),
                })
                .collect(),
        }
    }
}

impl ApiError {
    /// One problem with no field at fault.
    pub fn new(status: StatusCode, code: &'static str, detail: String) -> ApiError {
        ApiError {
            status,
            problems: vec![ApiProblem {
                code,
                detail,
                field: None,
            }],
        }
    }

    /// One bad parameter: 400.
    pub fn invalid_parameter(field: &str, detail: String) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            problems: vec![ApiProblem {
                code: "invalid_parameter",
                detail,
                field: Some(field.to_string()),
            }],
        }
    }

    /// No credentials, or credentials that are not valid: 401.
    pub fn unauthorized(detail: &str) -> ApiError {
        ApiError {
            status: StatusCode::UNAUTHORIZED,
            problems: vec![ApiProblem {
                code: "unauthorized",
                detail: detail.to_string(),
                field: None,
            }],
        }
    }
}

impl From<AppError> for ApiError {
    fn from(error: AppError) -> ApiError {
        let status = error.status();
        let problem = |code, detail: String| {
            vec![ApiProblem {
                code,
                detail,
                field: None,
            }]
        };
        let problems = match error {
            AppError::NotFound => problem("not_found", "nothing exists at this address".into()),
            AppError::Forbidden => problem(
                "forbidden",
                "you may not do this (a system of another agency, or beyond your role or token's scope)"
                    .into(),
            ),
            AppError::Unauthorized => problem("unauthorized", "sign in or send a token".into()),
            AppError::Validation(fields) => fields
                .into_iter()
                .flat_map(|(field, messages)| {
                    messages.into_iter().map(move |detail| ApiProblem {
                        code: "invalid_field",
                        detail,
                        field: Some(field.clone()),
                    })
                })
                .collect(),
            AppError::Conflict(detail) => problem("conflict", detail),
            AppError::TooMany => {
                problem("too_many_requests", "too many requests; slow down".into())
            }
            // Logged where it happened; the detail stays on our side.
            AppError::Internal(_) => problem(
                "internal",
                "something went wrong on our side; please try again later".into(),
            ),
        };
        ApiError { status, problems }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (
            self.status,
            Json(serde_json::json!({ "errors": self.problems })),
        )
            .into_response();
        // RFC 9110: a 401 names the scheme that would be accepted.
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer realm=\"Lantern API\""),
            );
        }
        response
    }
}

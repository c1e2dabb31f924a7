//! The API's errors: every failure under `/api/` answers with one envelope,
//! `{"errors": [{"code": "...", "detail": "...", "field": "..."}]}`, whose
//! codes are stable. The API and open-data handlers both use these; neither
//! defines its own.

use app::error::AppError;
use app::i18n::Language;
use app::search::query::shorten;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Json, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// The largest `limit` a list of the API takes.
pub const MAX_LIMIT: i64 = 500;

/// One problem with a request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct ApiProblem {
    /// A stable machine code: `invalid_parameter`, `invalid_field`,
    /// `invalid_json`, `not_found`, `unauthorized`, `forbidden`, `conflict`,
    /// `too_large`, `rate_limited`, `too_many_requests`, `method_not_allowed`,
    /// `uri_too_long`, `timeout`, `bad_request`, `search_unavailable` or
    /// `internal`.
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
        let code = error.code();
        let problems = match error {
            AppError::Validation(fields) => fields
                .into_iter()
                .flat_map(|(field, messages)| {
                    messages.into_iter().map(move |detail| ApiProblem {
                        code,
                        detail,
                        field: Some(field.clone()),
                    })
                })
                .collect(),
            // The same words a page shows; an internal error's own detail
            // was logged where it happened and stays on our side.
            other => vec![ApiProblem {
                code,
                detail: other.explanation(Language::SOURCE),
                field: None,
            }],
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
        // Search that is down is retried by the indexer every half minute at most.
        if self.status == StatusCode::SERVICE_UNAVAILABLE {
            response.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from_static("30"),
            );
        }
        response
    }
}

/// The error envelope every API error answers with.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorEnvelope {
    /// One entry per problem.
    pub errors: Vec<ApiProblem>,
}

/// `limit`: a whole number from 1 to [`MAX_LIMIT`].
pub fn parse_limit(value: &str) -> Option<i64> {
    value
        .parse::<i64>()
        .ok()
        .filter(|n| (1..=MAX_LIMIT).contains(n))
}

pub fn limit_problem(value: &str) -> String {
    format!(
        "limit “{}” is not a whole number from 1 to {MAX_LIMIT}",
        shorten(value)
    )
}

/// 400 with one problem per bad parameter.
pub fn invalid_parameters<F: Into<String>>(problems: Vec<(F, String)>) -> ApiError {
    ApiError {
        status: StatusCode::BAD_REQUEST,
        problems: problems
            .into_iter()
            .map(|(field, detail)| ApiProblem {
                code: "invalid_parameter",
                detail,
                field: Some(field.into()),
            })
            .collect(),
    }
}

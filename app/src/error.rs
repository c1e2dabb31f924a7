//! The errors users can act on, and how they reach them.

use std::collections::BTreeMap;

/// Everything that can go wrong in a request, in the kinds a user can act on.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("sign in required")]
    Unauthorized,
    /// Field name → what is wrong with it.
    #[error("invalid input")]
    Validation(BTreeMap<String, Vec<String>>),
    #[error("conflict: {0}")]
    Conflict(String),
    #[error("too many requests")]
    TooMany,
    /// Logged once where it happens; users see no detail (the message is not displayed).
    #[error("something went wrong on our side")]
    Internal(String),
}

impl AppError {
    /// The HTTP status this error is answered with.
    pub fn status(&self) -> http::StatusCode {
        use http::StatusCode;
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::TooMany => StatusCode::TOO_MANY_REQUESTS,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

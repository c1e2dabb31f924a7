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
    /// The search engine does not answer; the rest of the register still works.
    /// (Its text is [`crate::search::SEARCH_UNAVAILABLE`], which the page matches.)
    #[error("search unavailable")]
    SearchUnavailable,
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
            AppError::SearchUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable code the API's error envelope gives it (`not_found`…).
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "not_found",
            AppError::Forbidden => "forbidden",
            AppError::Unauthorized => "unauthorized",
            AppError::Validation(_) => "invalid_field",
            AppError::Conflict(_) => "conflict",
            AppError::TooMany => "too_many_requests",
            AppError::SearchUnavailable => "search_unavailable",
            AppError::Internal(_) => "internal",
        }
    }

    /// What the person is told, in `language`, in the same words on a page
    /// and in the API. A validation error's words are its fields' own
    /// messages; a conflict's are its own, written in the actor's language.
    pub fn explanation(&self, language: crate::i18n::Language) -> String {
        match self {
            AppError::Conflict(message) => message.clone(),
            other => crate::i18n::t_in(language, &format!("error-{}", other.code())).into_owned(),
        }
    }

    /// One wrong field: `field` and what is wrong with it.
    pub fn invalid(field: &str, message: impl Into<String>) -> AppError {
        AppError::Validation(BTreeMap::from([(field.to_string(), vec![message.into()])]))
    }

    /// The status of the error a message came from, if it came from one:
    /// a server function sends an error as its message only (`?` turns an
    /// `AppError` into a `ServerFnError` of its text), always with 500, so
    /// the server gives the answer its status back from the message.
    pub fn status_of_message(message: &str) -> Option<http::StatusCode> {
        let fixed = [
            AppError::NotFound,
            AppError::Forbidden,
            AppError::Unauthorized,
            AppError::Validation(BTreeMap::new()),
            AppError::TooMany,
            AppError::SearchUnavailable,
        ];
        if let Some(error) = fixed.iter().find(|e| e.to_string() == message) {
            return Some(error.status());
        }
        message
            .starts_with("conflict: ")
            .then_some(http::StatusCode::CONFLICT)
    }
}

#[cfg(test)]
mod tests {
    use super::AppError;

    #[test]
    fn the_search_page_knows_search_unavailable_by_its_text() {
        assert_eq!(
            AppError::SearchUnavailable.to_string(),
            crate::search::SEARCH_UNAVAILABLE
        );
        assert_eq!(
            AppError::status_of_message(crate::search::SEARCH_UNAVAILABLE),
            Some(http::StatusCode::SERVICE_UNAVAILABLE)
        );
    }
}

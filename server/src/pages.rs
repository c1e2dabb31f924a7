//! Rendering leptos pages on the server: what every page finds in its
//! context, and rendering a page again with a form's problems or outcome.

use crate::state::AppState;
use app::feedback::SharedFeedback;
use app::manage::SharedManage;
use app::register::SharedRegister;
use app::search::SharedSearch;
use app::shell;
use axum::body::Body;
use axum::http::Request;
use axum::response::{IntoResponse, Response};
use leptos::prelude::provide_context;
use std::sync::Arc;

/// The open data's dictionary, built once from the JSON Schema.
static DICTIONARY: std::sync::LazyLock<app::open_data::SharedDictionary> =
    std::sync::LazyLock::new(|| Arc::new(crate::open_data::dictionary::data_dictionary()));

/// What every page reads, put in its context: the register's languages, the
/// register, what `/manage` reads, search, citizen feedback and whether the
/// register sends mail.
pub fn page_context(state: &AppState) -> impl Fn() + Clone + Send + Sync + 'static {
    let register: SharedRegister = Arc::new(state.storage.clone());
    let manage: SharedManage = Arc::new(state.storage.clone());
    let search: SharedSearch = state.search.clone();
    let feedback: SharedFeedback = Arc::new(state.storage.clone());
    let dictionary: app::open_data::SharedDictionary = DICTIONARY.clone();
    let public_url = app::open_data::PublicUrl(state.public_url.origin.clone());
    let languages = state.languages.clone();
    let sends_mail = app::mail::SendsMail(state.sends_mail);
    let following: app::follow::SharedFollowing =
        Arc::new(crate::mail::follow::Desk(state.storage.clone()));
    move || {
        provide_context(sends_mail);
        provide_context(following.clone());
        provide_context(languages.clone());
        provide_context(dictionary.clone());
        provide_context(public_url.clone());
        provide_context(register.clone());
        provide_context(manage.clone());
        provide_context(search.clone());
        provide_context(feedback.clone());
    }
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

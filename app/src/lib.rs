//! Lantern's pages and the record they show, shared by the server and the browser.
//!
//! Pages are rendered on the server and work without JavaScript. Only the few
//! interactive parts are islands that the browser wakes up (see DESIGN.md:
//! islands ship far less wasm to a citizen's phone than hydrating whole pages).

#![recursion_limit = "256"]

pub mod accounts;
pub mod agencies;
mod browser;
#[cfg(feature = "ssr")]
pub mod error;
pub mod feedback;
pub mod follow;
pub mod home;
pub mod html;
pub mod i18n;
pub mod layout;
pub mod mail;
pub mod manage;
pub mod open_data;
pub mod record;
pub mod register;
pub mod search;
pub mod statistics;
pub mod systems;

use leptos::prelude::*;
use leptos_meta::{MetaTags, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

/// The HTML document around every page.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let page = i18n::provide_page_language();
    let register_language = use_context::<i18n::Languages>()
        .unwrap_or_default()
        .default_language();
    view! {
        <!DOCTYPE html>
        // The register's own language, for islands: records are written in it.
        <html lang=page.language.code() data-register-lang=register_language.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light dark"/>
                <link rel="stylesheet" id="leptos" href="/pkg/lantern.css"/>
                <link rel="icon" href="/favicon.ico" sizes="any"/>
                <AutoReload options=options.clone()/>
                <ContentSecurityPolicy/>
                {if has_islands() {
                    view! { <HydrationScripts options=options.clone() islands=true/> }.into_any()
                } else {
                    // What HydrationScripts does in islands mode, without the scripts:
                    // data for the browser is only ever serialised inside islands.
                    if let Some(context) = Owner::current_shared_context() {
                        context.set_is_hydrating(false);
                    }
                    ().into_any()
                }}
                <i18n::LanguageAlternates/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Whether the page being rendered has islands, and so needs the browser bundle.
///
/// The search page and the system form have islands. Every other page is
/// complete as HTML and CSS and downloads no wasm at all (a record's feedback
/// form sends in place with a few lines of script, `public/feedback.js`).
/// A test renders every route of the route table and fails when a page's
/// islands and its bundle disagree (`a_page_loads_the_browser_bundle_exactly_when_it_has_islands`).
fn has_islands() -> bool {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>().is_some_and(|request| {
            let path = request.uri.path();
            path == "/systems"
                || path == "/manage/systems/new"
                || (path.starts_with("/manage/systems/") && path.ends_with("/edit"))
        })
    }
    #[cfg(not(feature = "ssr"))]
    {
        true
    }
}

/// Sends a Content-Security-Policy that lets only this page's own scripts run:
/// the hydration script carries the request's nonce, and what it loads is
/// trusted through it (`strict-dynamic`). No inline script without the nonce,
/// no framing, no plugins.
#[component]
fn ContentSecurityPolicy() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) {
        let policy = format!(
            "default-src 'self'; script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'; \
             style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; \
             base-uri 'self'; form-action 'self'; object-src 'none'"
        );
        if let Ok(value) = http::HeaderValue::from_str(&policy) {
            response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
        }
    }
}

/// Every page of the public register.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Async rendering waits for the data of a page before sending it, so every
    // page is complete HTML without JavaScript and can set its status code.
    view! {
        <Router>
            <layout::Page>
                <Routes fallback=layout::NotFound>
                    <Route path=path!("/") view=home::HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/systems") view=search::page::SystemsPage ssr=SsrMode::Async/>
                    <Route path=path!("/systems/:id") view=systems::page::SystemPage ssr=SsrMode::Async/>
                    <Route path=path!("/systems/:id/history") view=systems::history::HistoryPage ssr=SsrMode::Async/>
                    <Route path=path!("/agencies") view=agencies::AgenciesPage ssr=SsrMode::Async/>
                    <Route path=path!("/agencies/:slug") view=agencies::AgencyPage ssr=SsrMode::Async/>
                    <Route path=path!("/agencies/:slug/statistics") view=statistics::AgencyStatisticsPage ssr=SsrMode::Async/>
                    <Route path=path!("/open-data") view=open_data::OpenDataPage ssr=SsrMode::Async/>
                    <Route path=path!("/statistics") view=statistics::StatisticsPage ssr=SsrMode::Async/>
                    <Route path=path!("/follow") view=follow::FollowPage ssr=SsrMode::Async/>
                    <Route path=path!("/follow/confirm") view=|| view! { <follow::FollowLinkPage purpose=follow::LinkPurpose::Confirm/> } ssr=SsrMode::Async/>
                    <Route path=path!("/follow/unsubscribe") view=|| view! { <follow::FollowLinkPage purpose=follow::LinkPurpose::Unsubscribe/> } ssr=SsrMode::Async/>
                    <Route path=path!("/login") view=accounts::LoginPage ssr=SsrMode::Async/>
                    <Route path=path!("/manage") view=manage::dashboard::ManagePage ssr=SsrMode::Async/>
                    <Route path=path!("/manage/systems/new") view=manage::system_form::SystemFormPage ssr=SsrMode::Async/>
                    <Route path=path!("/manage/systems/:id") view=manage::system_desk::SystemDeskPage ssr=SsrMode::Async/>
                    <Route path=path!("/manage/systems/:id/edit") view=manage::system_form::SystemFormPage ssr=SsrMode::Async/>
                    <Route path=path!("/manage/tokens") view=manage::admin::TokensPage ssr=SsrMode::Async/>
                    <Route path=path!("/manage/import") view=manage::import::ImportPage ssr=SsrMode::Async/>
                    <Route path=path!("/manage/agencies") view=manage::admin::AgenciesAdminPage ssr=SsrMode::Async/>
                    <Route path=path!("/manage/accounts") view=manage::accounts::AccountsPage ssr=SsrMode::Async/>
                    <Route path=path!("/manage/password") view=manage::accounts::PasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/manage/email") view=manage::email::EmailPage ssr=SsrMode::Async/>
                    <Route path=path!("/manage/log") view=manage::admin::LogPage ssr=SsrMode::Async/>
                    <Route path=path!("/manage/feedback") view=feedback::moderation::ModerationPage ssr=SsrMode::Async/>
                    <Route path=path!("/manage/answers") view=feedback::answers::AnswersPage ssr=SsrMode::Async/>
                    <Route path=path!("/manage/settings") view=manage::settings::SettingsPage ssr=SsrMode::Async/>
                </Routes>
            </layout::Page>
        </Router>
    }
}

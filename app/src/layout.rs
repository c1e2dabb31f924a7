//! What every page shares: header, navigation, footer, and the error pages.

use crate::html::PageTitle;
use crate::i18n::{LanguageSwitcher, href, t, title};
use leptos::prelude::*;

/// The frame of every page: a skip link, the header with navigation and
/// the language switcher, main content, footer.
#[component]
pub fn Page(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">{t("skip-to-main")}</a>
        <header class="site-header">
            <div class="wrap">
                <a class="site-name" href=href("/")>{t("site-name")}</a>
                <span class="site-tagline">{t("site-tagline")}</span>
                <nav aria-label=t("nav-main")>
                    <ul>
                        <li><a href=href("/systems")>{t("nav-systems")}</a></li>
                        <li><a href=href("/agencies")>{t("nav-agencies")}</a></li>
                        <li><a href=href("/statistics")>{t("nav-statistics")}</a></li>
                        <li><a href=href("/open-data")>{t("nav-open-data")}</a></li>
                        {if crate::accounts::signed_in().is_some() {
                            view! { <li><a href=href("/manage")>{t("nav-manage")}</a></li> }.into_any()
                        } else {
                            view! { <li><a href=href("/login")>{t("nav-sign-in")}</a></li> }.into_any()
                        }}
                    </ul>
                </nav>
                <LanguageSwitcher/>
            </div>
        </header>
        <main id="main" class="wrap" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <div class="wrap">
                <p>{t("footer-about")}</p>
            </div>
        </footer>
    }
}

/// A public contact as a link: a web address as it is, an email address as a
/// `mailto:` link. Anything else (a `javascript:` or `data:` address stored
/// before contacts were checked) is shown as text, never as a link.
#[component]
pub fn ContactLink(contact: String) -> impl IntoView {
    let href = if contact.starts_with("https://") || contact.starts_with("http://") {
        Some(contact.clone())
    } else if contact.contains('@') && !contact.contains(':') {
        Some(format!("mailto:{contact}"))
    } else {
        None
    };
    match href {
        Some(href) => view! { <a href=href>{contact}</a> }.into_any(),
        None => view! { <span>{contact}</span> }.into_any(),
    }
}

/// Sets the HTTP status of the page being rendered (on the server; a no-op in the browser).
pub fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(response), Ok(status)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::StatusCode::from_u16(code),
    ) {
        response.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}

/// A wide table in a region of its own that scrolls sideways on a narrow
/// screen (keyboard-reachable, named for screen readers), so the page never does.
#[component]
pub fn TableScroll(#[prop(into)] label: crate::i18n::Text, children: Children) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
            {children()}
        </div>
    }
}

/// The page for an address that names nothing in the register. Status 404.
#[component]
pub fn NotFound() -> impl IntoView {
    set_status(404);
    view! {
        <PageTitle text=title(&t("not-found-title"))/>
        <h1>{t("not-found-title")}</h1>
        <p>{t("not-found-text")}</p>
        <p>
            <a href=href("/systems")>{t("not-found-browse")}</a>" "{t("not-found-or")}" "
            <a href=href("/agencies")>{t("not-found-agencies")}</a>"."
        </p>
    }
}

/// The page shown when the register could not be read. Status 500.
#[component]
pub fn Unavailable() -> impl IntoView {
    set_status(500);
    view! {
        <PageTitle text=title(&t("unavailable-title"))/>
        <h1>{t("unavailable-heading")}</h1>
        <p>{t("unavailable-text")}</p>
    }
}

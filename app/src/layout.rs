//! What every page shares: header, navigation, footer, and the error pages.

use crate::html::PageTitle;
use leptos::prelude::*;

/// The frame of every page: a skip link, the header with navigation, main content, footer.
#[component]
pub fn Page(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to main content"</a>
        <header class="site-header">
            <div class="wrap">
                <a class="site-name" href="/">"Lantern"</a>
                <span class="site-tagline">"The public register of government AI systems"</span>
                <nav aria-label="Main">
                    <ul>
                        <li><a href="/systems">"AI systems"</a></li>
                        <li><a href="/agencies">"Agencies"</a></li>
                        <li><a href="/open-data">"Open data"</a></li>
                        {if crate::accounts::signed_in().is_some() {
                            view! { <li><a href="/manage">"Manage"</a></li> }.into_any()
                        } else {
                            view! { <li><a href="/login">"Sign in"</a></li> }.into_any()
                        }}
                    </ul>
                </nav>
            </div>
        </header>
        <main id="main" class="wrap" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <div class="wrap">
                <p>
                    "Lantern publishes what government agencies report about the AI and algorithmic systems they use. "
                    "Agencies are responsible for their records; audits are recorded by independent oversight bodies."
                </p>
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
pub fn TableScroll(label: &'static str, children: Children) -> impl IntoView {
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
        <PageTitle text="Page not found – Lantern"/>
        <h1>"Page not found"</h1>
        <p>"There is nothing at this address. If you typed it, check it is right; if you followed a link, the record may have a new address."</p>
        <p><a href="/systems">"Browse all AI systems"</a>" or "<a href="/agencies">"see the agencies"</a>"."</p>
    }
}

/// The page shown when the register could not be read. Status 500.
#[component]
pub fn Unavailable() -> impl IntoView {
    set_status(500);
    view! {
        <PageTitle text="Something went wrong – Lantern"/>
        <h1>"Sorry, something went wrong"</h1>
        <p>"We could not read the register just now. Please try again in a few minutes."</p>
    }
}

//! Which language a page is in, what the browser and search engines are
//! told about it, and the switcher that shows the same page in another.

use super::{Language, Languages, PageLanguage, t};
use leptos::prelude::*;

/// The address of the page being rendered, without a language prefix:
/// `/systems?q=benefits` for `/nl/systems?q=benefits`.
#[derive(Clone, Debug, Default)]
pub struct PageAddress(pub String);

/// Puts the page's language and address in its context, from what the
/// server's language layer put in the request; returns the language.
pub fn provide_page_language() -> PageLanguage {
    let languages = use_context::<Languages>().unwrap_or_default();
    #[cfg(feature = "ssr")]
    let request = use_context::<http::request::Parts>();
    #[cfg(feature = "ssr")]
    let (page, address) = (
        request
            .as_ref()
            .and_then(|parts| parts.extensions.get::<PageLanguage>().copied()),
        request
            .as_ref()
            .and_then(|parts| parts.uri.path_and_query())
            .map(|address| address.as_str().to_string()),
    );
    #[cfg(not(feature = "ssr"))]
    let (page, address) = (None::<PageLanguage>, None::<String>);
    let page = page.unwrap_or(PageLanguage {
        language: languages.default_language(),
        in_address: false,
    });
    provide_context(page);
    provide_context(PageAddress(address.unwrap_or_else(|| "/".into())));
    page
}

/// This page's address in `language`: always with its prefix, so that
/// following it is a choice the server remembers.
fn address_in(language: Language) -> String {
    let address = use_context::<PageAddress>().unwrap_or_default().0;
    match address.as_str() {
        "/" | "" => format!("/{}/", language.code()),
        _ => format!("/{}{address}", language.code()),
    }
}

/// `<link rel="alternate" hreflang>` for every language of the register,
/// and `x-default` for the address without a prefix: for search engines
/// and browsers that offer a page in the reader's language.
#[component]
pub fn LanguageAlternates() -> impl IntoView {
    let languages = use_context::<Languages>().unwrap_or_default();
    let origin = use_context::<crate::open_data::PublicUrl>()
        .map(|url| url.0)
        .unwrap_or_default();
    let address = use_context::<PageAddress>().unwrap_or_default().0;
    (languages.all().len() > 1).then(|| {
        let alternates = languages
            .all()
            .iter()
            .map(|language| {
                let href = format!("{origin}{}", address_in(*language));
                view! { <link rel="alternate" hreflang=language.code() href=href/> }
            })
            .collect_view();
        view! {
            {alternates}
            <link rel="alternate" hreflang="x-default" href=format!("{origin}{address}")/>
        }
    })
}

/// Links to this page in each of the register's languages, each name in
/// its own language (and marked so, for screen readers). Plain links: no
/// JavaScript needed, and the server remembers the choice.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let languages = use_context::<Languages>().unwrap_or_default();
    let current = super::language();
    (languages.all().len() > 1).then(|| {
        let links = languages
            .all()
            .iter()
            .map(|language| {
                let code = language.code();
                let name = language.name();
                if *language == current {
                    view! { <li><a href=address_in(*language) lang=code hreflang=code aria-current="true">{name}</a></li> }
                        .into_any()
                } else {
                    view! { <li><a href=address_in(*language) lang=code hreflang=code>{name}</a></li> }
                        .into_any()
                }
            })
            .collect_view();
        view! {
            <nav class="language-switcher" aria-label=t("language-switcher")>
                <ul>{links}</ul>
            </nav>
        }
    })
}

//! The language of each page. The address says it (`/nl/systems/…`): this
//! layer takes the prefix off, so the rest of the site routes the address as
//! it always has, and puts a [`PageLanguage`] in the request for the pages.
//! Addresses without a prefix are in the register's default language, as
//! they always were; only `/` chooses, from the language the reader chose
//! before (a cookie) or their browser's `Accept-Language`.

use app::i18n::{Language, Languages, PageLanguage};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

/// The cookie that remembers the language a reader chose.
pub const COOKIE: &str = "lantern_language";

/// Takes a language prefix off the address, or chooses the language of `/`;
/// see the module's documentation.
pub async fn choose_language(
    State(languages): State<Languages>,
    mut request: Request,
    next: Next,
) -> Response {
    if let Some((language, rest)) = prefixed(&languages, request.uri()) {
        *request.uri_mut() = rest;
        request.extensions_mut().insert(PageLanguage {
            language,
            in_address: true,
        });
        let remembered = cookie(&request) == Some(language.code());
        let mut response = next.run(request).await;
        say_language(&mut response, language);
        if !remembered {
            let choice = format!(
                "{COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
                language.code()
            );
            if let Ok(value) = HeaderValue::from_str(&choice) {
                response.headers_mut().append(header::SET_COOKIE, value);
            }
        }
        return response;
    }
    let default = languages.default_language();
    let is_home =
        request.uri().path() == "/" && matches!(*request.method(), Method::GET | Method::HEAD);
    if is_home {
        let chosen = cookie(&request)
            .and_then(|code| languages.get(code))
            .or_else(|| accepted(&languages, &request));
        if let Some(chosen) = chosen
            && chosen != default
        {
            let mut response = Redirect::to(&format!("/{}/", chosen.code())).into_response();
            response.headers_mut().insert(
                header::VARY,
                HeaderValue::from_static("Accept-Language, Cookie"),
            );
            return response;
        }
    }
    request.extensions_mut().insert(PageLanguage {
        language: default,
        in_address: false,
    });
    let mut response = next.run(request).await;
    say_language(&mut response, default);
    if is_home {
        response.headers_mut().append(
            header::VARY,
            HeaderValue::from_static("Accept-Language, Cookie"),
        );
    }
    response
}

/// `Content-Language` on a page: the language it is written in.
fn say_language(response: &mut Response, language: Language) {
    let is_page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"));
    if is_page && let Ok(value) = HeaderValue::from_str(language.code()) {
        response
            .headers_mut()
            .insert(header::CONTENT_LANGUAGE, value);
    }
}

/// The language of a request, as this layer put it there: for form handlers,
/// whose problems and redirects follow the page they were sent from.
pub fn of(parts: &axum::http::request::Parts) -> PageLanguage {
    parts
        .extensions
        .get::<PageLanguage>()
        .copied()
        .unwrap_or(PageLanguage {
            language: Language::SOURCE,
            in_address: false,
        })
}

/// The language an API request asks for: its `lang` parameter, which must
/// be one of the register's (refused with the parameter named otherwise),
/// else the one its `Accept-Language` prefers, else the default. It decides
/// the language of the API's messages for people (a comment's problems).
pub fn of_api_request(
    languages: &Languages,
    request: &Request,
) -> Result<PageLanguage, crate::api::error::ApiProblem> {
    let asked = request.uri().query().and_then(|query| {
        form_urlencoded::parse(query.as_bytes())
            .find(|(name, _)| name == "lang")
            .map(|(_, value)| value.into_owned())
    });
    let language = match asked {
        Some(code) => languages.get(code.trim()).ok_or_else(|| {
            let known: Vec<_> = languages.all().iter().map(|l| l.code()).collect();
            let shown: String = code.chars().take(20).collect();
            crate::api::error::ApiProblem {
                code: "invalid_parameter",
                detail: format!(
                    "lang “{shown}” is not a language of this register: use one of {}",
                    known.join(", ")
                ),
                field: Some("lang".into()),
            }
        })?,
        None => accepted(languages, request).unwrap_or(languages.default_language()),
    };
    Ok(PageLanguage {
        language,
        in_address: false,
    })
}

/// The register's language an address starts with, and the address without
/// it: `/nl/systems?q=x` is Dutch `/systems?q=x`; `/nl` and `/nl/` are `/`.
fn prefixed(languages: &Languages, uri: &Uri) -> Option<(Language, Uri)> {
    let path = uri.path().strip_prefix('/')?;
    let (code, rest) = match path.split_once('/') {
        Some((code, rest)) => (code, rest),
        None => (path, ""),
    };
    let language = languages.get(code)?;
    // `/nl//systems` is `/systems`: never `//systems`, which reads as a host.
    let rest = rest.trim_start_matches('/');
    let address = match uri.query() {
        Some(query) => format!("/{rest}?{query}"),
        None => format!("/{rest}"),
    };
    Some((language, address.parse().ok()?))
}

/// The language the reader chose before, as the cookie says.
fn cookie(request: &Request) -> Option<&str> {
    crate::sign_in::read_cookie(request.headers(), COOKIE)
}

/// The register's language the reader's browser prefers most
/// (`Accept-Language: nl-NL,nl;q=0.9,en;q=0.8`), by its main subtag.
fn accepted(languages: &Languages, request: &Request) -> Option<Language> {
    let header = request
        .headers()
        .get(header::ACCEPT_LANGUAGE)?
        .to_str()
        .ok()?;
    let mut wanted: Vec<(f32, Language)> = header
        .split(',')
        .filter_map(|entry| {
            let mut parts = entry.split(';').map(str::trim);
            let tag = parts.next()?.to_ascii_lowercase();
            let quality = parts
                .find_map(|p| p.strip_prefix("q="))
                .map_or(Some(1.0), |q| q.parse::<f32>().ok())?;
            let main = tag.split('-').next()?;
            let language = languages.get(main)?;
            (quality > 0.0).then_some((quality, language))
        })
        .collect();
    // Stable: of equal preference, the one the browser named first.
    wanted.sort_by(|a, b| b.0.total_cmp(&a.0));
    wanted.first().map(|(_, language)| *language)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;

    fn request(accept: &str) -> Request {
        Request::get("/")
            .header(header::ACCEPT_LANGUAGE, accept)
            .body(Body::empty())
            .unwrap()
    }

    #[test]
    fn the_browser_s_most_wanted_language_of_the_register_is_chosen() {
        let languages = Languages::parse("en,nl").unwrap();
        let nl = Language::parse("nl");
        let en = Some(Language::SOURCE);
        assert_eq!(
            accepted(&languages, &request("nl-NL,nl;q=0.9,en;q=0.8")),
            nl
        );
        assert_eq!(accepted(&languages, &request("fr, en;q=0.5, nl;q=0.7")), nl);
        assert_eq!(accepted(&languages, &request("en-GB, nl")), en);
        assert_eq!(accepted(&languages, &request("nl;q=0, en;q=0.1")), en);
        assert_eq!(accepted(&languages, &request("fr, de")), None);
        assert_eq!(accepted(&languages, &request("nl;q=banana")), None);
        assert_eq!(accepted(&languages, &request("")), None);
    }

    #[test]
    fn a_prefix_of_the_register_s_languages_comes_off_the_address() {
        let languages = Languages::parse("en,nl").unwrap();
        let strip = |address: &str| {
            prefixed(&languages, &address.parse().unwrap())
                .map(|(language, rest)| (language.code(), rest.to_string()))
        };
        assert_eq!(
            strip("/nl/systems?q=x"),
            Some(("nl", "/systems?q=x".into()))
        );
        assert_eq!(strip("/nl"), Some(("nl", "/".into())));
        assert_eq!(strip("/nl/"), Some(("nl", "/".into())));
        assert_eq!(strip("/en/agencies"), Some(("en", "/agencies".into())));
        assert_eq!(strip("/nl//systems"), Some(("nl", "/systems".into())));
        assert_eq!(
            strip("/nl///evil.example/x"),
            Some(("nl", "/evil.example/x".into()))
        );
        assert_eq!(strip("/fr/systems"), None);
        assert_eq!(strip("/nlx/systems"), None);
        assert_eq!(strip("/systems/nl"), None);
        let english_only = Languages::parse("en").unwrap();
        assert!(prefixed(&english_only, &"/nl/systems".parse().unwrap()).is_none());
    }
}

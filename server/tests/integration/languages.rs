//! The register in several languages: the language in the address, the
//! choice at `/`, `<html lang>`, alternates and the switcher, and no English
//! left on a Dutch page.

use crate::support::databases::TestDatabase;
use crate::support::search::TestSearch;
use crate::support::site::{ONE_AT_A_TIME, read, router_with};
use app::i18n::{Language, keys, message};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use tower::ServiceExt;

pub(crate) async fn bilingual_site(database: &TestDatabase) -> (TestSearch, Router) {
    lantern::demo::seed_if_empty(&database.storage)
        .await
        .unwrap();
    let search = TestSearch::embedded(&database.storage).await;
    let site = router_with(
        &database.storage,
        search.engine.clone(),
        &["--languages", "en,nl"],
    );
    (search, site)
}

async fn send(site: &Router, request: Request<Body>) -> axum::response::Response {
    site.clone().oneshot(request).await.unwrap()
}

async fn get(site: &Router, uri: &str) -> (StatusCode, String) {
    read(send(site, Request::get(uri).body(Body::empty()).unwrap()).await).await
}

/// The text a reader sees: the document without its tags, scripts and styles.
fn visible_text(html: &str) -> String {
    let body = html.split("<body").nth(1).unwrap_or(html);
    let mut text = String::with_capacity(body.len());
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// English messages (of three words or more, so that no word of a record's
/// own English text matches) found on a page that should be all Dutch.
pub(crate) fn english_on(html: &str) -> Vec<String> {
    let text = visible_text(html);
    let dutch = Language::parse("nl").unwrap();
    keys(Language::SOURCE)
        .iter()
        .map(|key| message(Language::SOURCE, key, None).into_owned())
        .filter(|english| english.split_whitespace().count() >= 3 && !english.contains('{'))
        .filter(|english| {
            keys(dutch)
                .iter()
                .all(|key| message(dutch, key, None) != *english)
        })
        .filter(|english| text.contains(english.as_str()))
        .collect()
}

#[tokio::test]
async fn the_language_is_in_the_address_and_every_page_says_it() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let database = TestDatabase::sqlite().await;
    let (_search, site) = bilingual_site(&database).await;

    let (status, dutch) = get(&site, "/nl/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(dutch.contains(r#"<html lang="nl""#), "{dutch}");
    assert!(dutch.contains("Welke AI-systemen gebruikt uw overheid?"));
    assert!(
        dutch.contains(r#"href="/nl/systems""#),
        "links keep the prefix"
    );
    assert_eq!(english_on(&dutch), Vec::<String>::new());
    for alternate in [
        r#"hreflang="en" href="http://127.0.0.1:3000/en/""#,
        r#"hreflang="nl" href="http://127.0.0.1:3000/nl/""#,
        r#"hreflang="x-default" href="http://127.0.0.1:3000/""#,
    ] {
        assert!(dutch.contains(alternate), "{alternate}");
    }
    // The switcher: each language by its own name, marked as that language.
    assert!(dutch.contains(r#"href="/en/" lang="en" hreflang="en">English</a>"#));
    assert!(
        dutch.contains(r#"href="/nl/" lang="nl" hreflang="nl" aria-current="true">Nederlands</a>"#)
    );

    let (status, english) = get(&site, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(english.contains(r#"<html lang="en""#));
    assert!(english.contains("Which AI systems does your government use?"));
    assert!(
        english.contains(r#"href="/systems""#),
        "no prefix where the address has none"
    );

    // Any page, in either language, with its query.
    let (status, page) = get(&site, "/nl/agencies").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(r#"<html lang="nl""#));
    assert!(page.contains(r#"href="/en/agencies""#));
    let (status, page) = get(&site, "/en/systems?risk_level=high").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains(r#"hreflang="nl" href="http://127.0.0.1:3000/nl/systems?risk_level=high""#)
    );

    // A record on a Dutch page: the page's words in Dutch, the record's own
    // text marked as the register's language (English), for screen readers.
    let (_, list) = get(&site, "/nl/systems").await;
    let id = list
        .split(r#"href="/nl/systems/"#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_string();
    let (status, record) = get(&site, &format!("/nl/systems/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(record.contains(r#"<h1 lang="en">"#), "{record}");
    assert!(record.contains(r#"<p lang="en" class="lede">"#), "{record}");
    assert!(record.contains("In het kort"));
    assert!(
        list.contains(r#"<h3 lang="en" class="system-name">"#),
        "{list}"
    );
    let (_, english_record) = get(&site, &format!("/systems/{id}")).await;
    assert!(
        english_record.contains("<h1>"),
        "no lang where the page is in it"
    );

    // A language the register does not have is an address that names nothing.
    let (status, page) = get(&site, "/fr/systems").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(page.contains("Page not found"));
    let (status, page) = get(&site, "/nl/systems/no-such-system").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(page.contains("Pagina niet gevonden"), "{page}");
    assert_eq!(english_on(&page), Vec::<String>::new());
    database.remove().await;
}

#[tokio::test]
async fn the_home_page_follows_the_reader_s_choice_then_their_browser() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let database = TestDatabase::sqlite().await;
    let (_search, site) = bilingual_site(&database).await;
    let home = |accept: &str, cookie: Option<&str>| {
        let mut request = Request::get("/").header(header::ACCEPT_LANGUAGE, accept);
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        request.body(Body::empty()).unwrap()
    };

    let response = send(&site, home("nl-NL,nl;q=0.9,en;q=0.5", None)).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()[header::LOCATION], "/nl/");
    assert_eq!(response.headers()[header::VARY], "Accept-Language, Cookie");

    let response = send(&site, home("en-GB,en", None)).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_LANGUAGE], "en");
    let vary: Vec<_> = response.headers().get_all(header::VARY).iter().collect();
    assert!(
        vary.contains(&&header::HeaderValue::from_static(
            "Accept-Language, Cookie"
        )),
        "{vary:?}"
    );

    // A choice made in the switcher is remembered, and wins over the browser.
    let response = send(
        &site,
        Request::get("/en/systems").body(Body::empty()).unwrap(),
    )
    .await;
    let choice = response.headers()[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .to_string();
    assert!(choice.starts_with("lantern_language=en;"), "{choice}");
    assert!(choice.contains("SameSite=Lax") && choice.contains("Path=/"));
    let response = send(&site, home("nl", Some("lantern_language=en"))).await;
    assert_eq!(response.status(), StatusCode::OK);
    let response = send(&site, home("en", Some("other=1; lantern_language=nl"))).await;
    assert_eq!(response.headers()[header::LOCATION], "/nl/");
    // A remembered language is not set again; a made-up one is ignored.
    let request = Request::get("/nl/")
        .header(header::COOKIE, "lantern_language=nl")
        .body(Body::empty())
        .unwrap();
    let response = send(&site, request).await;
    assert!(response.headers().get(header::SET_COOKIE).is_none());
    assert_eq!(response.headers()[header::CONTENT_LANGUAGE], "nl");
    // Only pages say a language.
    let health = send(&site, Request::get("/healthz").body(Body::empty()).unwrap()).await;
    assert!(health.headers().get(header::CONTENT_LANGUAGE).is_none());
    let response = send(&site, home("en", Some("lantern_language=<script>"))).await;
    assert_eq!(response.status(), StatusCode::OK);
    database.remove().await;
}

#[tokio::test]
async fn a_register_in_one_language_has_no_prefixes_and_no_switcher() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let database = TestDatabase::sqlite().await;
    lantern::demo::seed_if_empty(&database.storage)
        .await
        .unwrap();
    let search = TestSearch::embedded(&database.storage).await;
    let site = router_with(
        &database.storage,
        search.engine.clone(),
        &["--languages", "en"],
    );
    let (status, page) = get(&site, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!page.contains("hreflang"), "no alternates, no switcher");
    let response = send(
        &site,
        Request::get("/")
            .header(header::ACCEPT_LANGUAGE, "nl")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(get(&site, "/nl/").await.0, StatusCode::NOT_FOUND);
    // A Dutch-only register: its addresses without a prefix are Dutch.
    let site = router_with(
        &database.storage,
        search.engine.clone(),
        &["--languages", "nl"],
    );
    let (_, page) = get(&site, "/").await;
    assert!(page.contains(r#"<html lang="nl""#));
    assert!(page.contains(r#"href="/systems""#));
    database.remove().await;
}

#[tokio::test]
async fn signing_in_from_a_dutch_page_goes_on_in_dutch_on_manage() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let database = TestDatabase::sqlite().await;
    let (_search, site) = bilingual_site(&database).await;
    crate::support::accounts::create(
        &database.storage,
        "mod@languages.example",
        "Mo",
        app::record::Role::Moderator,
        "a long enough password 1",
    )
    .await;
    let login = |password: &str| {
        let form = crate::support::manage::form_body(&[
            ("email", "mod@languages.example"),
            ("password", password),
        ]);
        Request::post("/nl/login")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "same-origin")
            .body(Body::from(form))
            .unwrap()
    };
    let (status, page) = read(send(&site, login("wrong")).await).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(
        page.contains("Het e-mailadres of wachtwoord klopt niet"),
        "{page}"
    );
    assert_eq!(english_on(&page), Vec::<String>::new());

    let response = send(&site, login("a long enough password 1")).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()[header::LOCATION], "/nl/manage");
    let cookie = response.headers()[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let request = Request::get("/nl/manage")
        .header(header::COOKIE, cookie)
        .body(Body::empty())
        .unwrap();
    let (status, page) = read(send(&site, request).await).await;
    assert_eq!(status, StatusCode::OK);
    // /manage is Dutch too, frame and content, with no English sentence.
    assert!(page.contains(r#"<html lang="nl""#));
    assert!(page.contains("Het register beheren"), "{page}");
    assert_eq!(english_on(&page), Vec::<String>::new());
    database.remove().await;
}

#[tokio::test]
async fn the_api_takes_a_language_and_refuses_one_the_register_lacks() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let database = TestDatabase::sqlite().await;
    let (_search, site) = bilingual_site(&database).await;

    let (status, body) = get(&site, "/api/v1/systems?lang=fr").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let error: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(error["errors"][0]["code"], "invalid_parameter");
    assert_eq!(error["errors"][0]["field"], "lang");
    let detail = error["errors"][0]["detail"].as_str().unwrap();
    assert!(
        detail.contains("“fr”") && detail.contains("en, nl"),
        "{detail}"
    );
    assert_eq!(
        get(&site, "/api/v1/changes?lang=fr").await.0,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        get(&site, "/api/v1/changes?lang=nl").await.0,
        StatusCode::OK
    );
    let (status, body) = get(&site, "/api/v1/systems?lang=nl&limit=1").await;
    assert_eq!(status, StatusCode::OK);
    let found: serde_json::Value = serde_json::from_str(&body).unwrap();
    let id = found["hits"][0]["id"].as_str().unwrap().to_string();

    // What the API says to people follows `lang`, then `Accept-Language`.
    let ask = |query: &str, accept: Option<&str>| {
        let mut request = Request::post(format!("/api/v1/systems/{id}/feedback{query}"))
            .header(header::CONTENT_TYPE, "application/json");
        if let Some(accept) = accept {
            request = request.header(header::ACCEPT_LANGUAGE, accept);
        }
        request
            .body(Body::from(r#"{"kind": "question", "body": " "}"#))
            .unwrap()
    };
    for (query, accept, said) in [
        ("?lang=nl", None, "Schrijf uw bericht"),
        ("", Some("nl-NL,nl;q=0.9"), "Schrijf uw bericht"),
        ("?lang=en", Some("nl"), "Write your message"),
        ("", None, "Write your message"),
    ] {
        let (status, body) = read(send(&site, ask(query, accept)).await).await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{query} {accept:?}"
        );
        assert!(body.contains(said), "{query} {accept:?}: {body}");
    }

    // A register in English alone has no Dutch to give.
    let english_only = router_with(
        &database.storage,
        _search.engine.clone(),
        &["--languages", "en"],
    );
    let (status, _) = get(&english_only, "/api/v1/systems?lang=nl").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    database.remove().await;
}

/// The page's own address goes into its alternates and its language
/// switcher: markup in its path or query stays text there.
#[tokio::test]
async fn markup_in_the_address_is_inert_in_alternates_and_switcher() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let database = TestDatabase::sqlite().await;
    let (_search, site) = bilingual_site(&database).await;
    let breakout = form_urlencoded::byte_serialize(
        br#""></title><meta http-equiv="refresh" data-hostile="address"><a href="javascript:alert(1)" data-hostile="link">"#,
    )
    .collect::<String>();
    for address in [
        format!("/nl/systems?q={breakout}"),
        format!("/systems?q={breakout}&stage={breakout}"),
        format!("/nl/no-such-page/{breakout}"),
    ] {
        let (_, page) = get(&site, &address).await;
        assert!(page.contains(r#"hreflang="x-default""#), "{address}");
        let injected = crate::support::html_scan::injected(&page);
        assert!(injected.is_empty(), "{address}: {injected:?}");
    }
    database.remove().await;
}

//! Signing in and out through the router: the cookie, the session, the
//! form shown again with what was wrong, and forms from other sites refused.

use crate::support::accounts as support_accounts;
use crate::support::databases;
use crate::support::search;
use crate::support::site;

use app::record::Role;
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use databases::TestDatabase;
use search::TestSearch;
use site::{ONE_AT_A_TIME, get, read, router};
use tower::ServiceExt;

/// `POST uri` with a form body and extra headers: status, headers and text.
async fn post(
    router: &Router,
    uri: &str,
    form: &str,
    headers: &[(&str, &str)],
) -> (StatusCode, axum::http::HeaderMap, String) {
    let mut request =
        Request::post(uri).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = router
        .clone()
        .oneshot(request.body(Body::from(form.to_string())).unwrap())
        .await
        .unwrap();
    let headers = response.headers().clone();
    let (status, text) = read(response).await;
    (status, headers, text)
}

/// `GET uri` with a cookie.
async fn get_with_cookie(router: &Router, uri: &str, cookie: &str) -> (StatusCode, String) {
    let response = router
        .clone()
        .oneshot(
            Request::get(uri)
                .header(header::COOKIE, cookie)
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    read(response).await
}

#[tokio::test]
async fn an_auditor_signs_in_sees_manage_and_signs_out() {
    let _turn = ONE_AT_A_TIME.lock().await;
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        support_accounts::create(
            storage,
            "audit@oversight.example",
            "Office of Algorithm Oversight",
            Role::Auditor,
            "a long enough password",
        )
        .await;
        let search = TestSearch::embedded(storage).await;
        let site = router(storage, search.engine.clone());

        let (status, page) = get(&site, "/login").await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains(r#"<a href="/login">Sign in</a>"#), "{page}");
        assert!(
            page.contains(r#"<form method="post" action="/login""#),
            "{page}"
        );

        let (status, _) = get(&site, "/manage").await;
        assert_eq!(
            status,
            StatusCode::SEE_OTHER,
            "signed out, /manage sends to /login"
        );

        // A wrong password: the form again, with the email as typed and the problem named.
        let (status, _, page) = post(
            &site,
            "/login",
            "email=audit%40oversight.example&password=wrong+password+here",
            &[],
        )
        .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert!(page.contains("There is a problem"), "{page}");
        assert!(
            page.contains("The email or password is not right"),
            "{page}"
        );
        assert!(
            page.contains(r#"value="audit@oversight.example""#),
            "{page}"
        );

        let (status, _, page) = post(&site, "/login", "email=&password=x", &[]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("Enter your email address"), "{page}");

        // From another site's page: refused, and nobody is signed in.
        let (status, headers, _) = post(
            &site,
            "/login",
            "email=audit%40oversight.example&password=a+long+enough+password",
            &[("sec-fetch-site", "cross-site")],
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert!(headers.get(header::SET_COOKIE).is_none());

        let (status, headers, _) = post(
            &site,
            "/login",
            "email=AUDIT%40oversight.example&password=a+long+enough+password",
            &[("sec-fetch-site", "same-origin")],
        )
        .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(headers[header::LOCATION], "/manage");
        let set_cookie = headers[header::SET_COOKIE].to_str().unwrap().to_string();
        for flag in ["HttpOnly", "SameSite=Lax", "Path=/"] {
            assert!(set_cookie.contains(flag), "{set_cookie}");
        }
        let cookie = set_cookie.split(';').next().unwrap().to_string();

        let (status, page) = get_with_cookie(&site, "/manage", &cookie).await;
        assert_eq!(status, StatusCode::OK, "{}", db.name);
        assert!(page.contains("Office of Algorithm Oversight"), "{page}");
        assert!(
            page.contains(r#"<a href="/manage">Manage</a>"#),
            "the header says so: {page}"
        );
        let csrf = page
            .split(r#"name="csrf_token" value=""#)
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("the sign-out form carries the CSRF token")
            .to_string();

        // Signing out needs the session's CSRF token.
        let (status, _, _) = post(
            &site,
            "/logout",
            "csrf_token=forged",
            &[("cookie", &cookie)],
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _) = get_with_cookie(&site, "/manage", &cookie).await;
        assert_eq!(status, StatusCode::OK, "{}: still signed in", db.name);

        let (status, headers, _) = post(
            &site,
            "/logout",
            &format!("csrf_token={csrf}"),
            &[("cookie", &cookie)],
        )
        .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert!(
            headers[header::SET_COOKIE]
                .to_str()
                .unwrap()
                .contains("Max-Age=0")
        );
        let (status, _) = get_with_cookie(&site, "/manage", &cookie).await;
        assert_eq!(
            status,
            StatusCode::SEE_OTHER,
            "the old cookie no longer signs in"
        );
        db.remove().await;
    }
}

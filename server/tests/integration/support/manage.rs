//! Signing in through the router and sending `/manage` forms and API calls as
//! each kind of actor.

// Each test crate uses a different part of this module.
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use serde_json::Value;
use tower::ServiceExt;

/// How a request proves who sends it.
#[derive(Clone, Debug)]
pub enum Auth {
    Anonymous,
    /// A signed-in session: its cookie and the CSRF token its forms carry.
    Session {
        cookie: String,
        csrf: String,
    },
    /// An API token.
    Bearer(String),
}

/// What came back: status, headers and text.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub text: String,
}

impl Answer {
    /// Where a redirect goes, if it is one.
    pub fn location(&self) -> Option<&str> {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
    }
}

async fn send(router: &Router, request: Request<Body>) -> Answer {
    let response = router.clone().oneshot(request).await.unwrap();
    let headers = response.headers().clone();
    let (status, text) = super::site::read(response).await;
    Answer {
        status,
        headers,
        text,
    }
}

fn with_auth(
    mut request: axum::http::request::Builder,
    auth: &Auth,
) -> axum::http::request::Builder {
    match auth {
        Auth::Anonymous => {}
        Auth::Session { cookie, .. } => request = request.header(header::COOKIE, cookie),
        Auth::Bearer(secret) => {
            request = request.header(header::AUTHORIZATION, format!("Bearer {secret}"))
        }
    }
    request.header("sec-fetch-site", "same-origin")
}

/// Signs in through `POST /login` and reads the session's CSRF token off `/manage`.
pub async fn sign_in(router: &Router, email: &str, password: &str) -> Auth {
    let form = form_body(&[("email", email), ("password", password)]);
    let answer = send(
        router,
        Request::post("/login")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "same-origin")
            .body(Body::from(form))
            .unwrap(),
    )
    .await;
    assert_eq!(
        answer.status,
        StatusCode::SEE_OTHER,
        "sign-in of {email}: {}",
        answer.text
    );
    let cookie = answer.headers[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let session = Auth::Session {
        cookie,
        csrf: String::new(),
    };
    let page = get(router, "/manage", &session).await.text;
    let csrf = page
        .split(r#"name="csrf_token" value=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("/manage has a form with the CSRF token")
        .to_string();
    match session {
        Auth::Session { cookie, .. } => Auth::Session { cookie, csrf },
        _ => unreachable!("built as a session above"),
    }
}

/// A URL-encoded form body.
pub fn form_body(fields: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish()
}

/// `POST uri` with a form; a session's CSRF token is added.
pub async fn post_form(router: &Router, uri: &str, auth: &Auth, fields: &[(&str, &str)]) -> Answer {
    let mut fields: Vec<(&str, &str)> = fields.to_vec();
    if let Auth::Session { csrf, .. } = auth {
        fields.push(("csrf_token", csrf));
    }
    let request = with_auth(Request::post(uri), auth)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form_body(&fields)))
        .unwrap();
    send(router, request).await
}

/// `POST uri` with `body` (a URL-encoded form, [`form_body`]) as a public
/// form (feedback, following) sends it: no session, from the client
/// address `client`.
pub async fn post_public(router: &Router, uri: &str, body: String, client: &str) -> Answer {
    let mut request = Request::post(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    request
        .extensions_mut()
        .insert(app::feedback::ClientAddress(client.into()));
    send(router, request).await
}

/// `GET uri`.
pub async fn get(router: &Router, uri: &str, auth: &Auth) -> Answer {
    send(
        router,
        with_auth(Request::get(uri), auth)
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

/// Every system of `GET /api/v1/export.json`, by id.
pub async fn exported_systems(router: &Router) -> std::collections::BTreeMap<String, Value> {
    let export = get(router, "/api/v1/export.json", &Auth::Anonymous).await;
    assert_eq!(export.status, StatusCode::OK, "{}", export.text);
    let mut export: Value = serde_json::from_str(&export.text).expect("the export is JSON");
    let Value::Array(systems) = export["systems"].take() else {
        panic!("the export has a list of systems");
    };
    systems
        .into_iter()
        .map(|system| (system["id"].as_str().unwrap().to_string(), system))
        .collect()
}

/// The ids `GET /api/v1/systems` finds for `params` (up to 500), after
/// checking the answer is a 200.
pub async fn found_ids(router: &Router, params: &str) -> std::collections::BTreeSet<String> {
    let uri = format!("/api/v1/systems?limit=500&{params}");
    let found = get(router, &uri, &Auth::Anonymous).await;
    assert_eq!(found.status, StatusCode::OK, "{params}: {}", found.text);
    let found: Value = serde_json::from_str(&found.text).expect("the answer is JSON");
    found["hits"]
        .as_array()
        .expect("a list of hits")
        .iter()
        .map(|hit| hit["id"].as_str().unwrap().to_string())
        .collect()
}

/// A JSON request (`POST` or `PUT`) to the API.
pub async fn send_json(
    router: &Router,
    method: &str,
    uri: &str,
    auth: &Auth,
    body: &serde_json::Value,
) -> Answer {
    let request = with_auth(Request::builder().method(method).uri(uri), auth)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    send(router, request).await
}

/// `POST uri` as a file upload (`multipart/form-data`): text fields, then one file.
pub async fn post_file(
    router: &Router,
    uri: &str,
    auth: &Auth,
    fields: &[(&str, &str)],
    file: (&str, &[u8]),
) -> Answer {
    const BOUNDARY: &str = "lantern-test-boundary-7d0f";
    let mut body: Vec<u8> = Vec::new();
    let mut fields: Vec<(&str, &str)> = fields.to_vec();
    if let Auth::Session { csrf, .. } = auth {
        fields.push(("csrf_token", csrf));
    }
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{}\"\r\nContent-Type: application/octet-stream\r\n\r\n",
            file.0
        )
        .as_bytes(),
    );
    body.extend_from_slice(file.1);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    let request = with_auth(Request::post(uri), auth)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(Body::from(body))
        .unwrap();
    send(router, request).await
}

/// A new API token of `agency`, as the `Authorization` it goes in.
pub async fn agency_token(
    storage: &lantern::storage::Storage,
    agency: &str,
    scope: app::record::TokenScope,
) -> Auth {
    let created = lantern::publishing::admin::create_token(
        storage,
        &lantern::publishing::Actor::Terminal,
        &app::record::AgencySlug(agency.into()),
        scope,
        "test",
        None,
    )
    .await
    .unwrap();
    Auth::Bearer(created.secret)
}

/// The id of the first published system of `agency`.
pub async fn first_system_of(storage: &lantern::storage::Storage, agency: &str) -> String {
    use app::register::Register;
    let query = app::search::SystemQuery::default().toggled(app::search::Facet::Agency, agency);
    storage.list_systems(&query).await.unwrap().systems[0]
        .id
        .0
        .clone()
}

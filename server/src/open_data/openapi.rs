//! `/api/v1/openapi.json` (OpenAPI 3.1) and `/api/v1/schema/system.json`
//! (JSON Schema 2020-12), both generated from the Rust types and handlers,
//! so they say what the code does.

use crate::api;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use std::sync::LazyLock;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Lantern API",
        version = "1",
        description = "The public register of government AI systems, as open data. \
            Reading needs no key. Every error is `{\"errors\": [{\"code\", \"detail\", \"field\"}]}`. \
            See /open-data for a guide.",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later"),
    ),
    components(schemas(crate::api::record::PublishedSystem, crate::api::error::ErrorEnvelope)),
    modifiers(&AgencyToken),
    tags(
        (name = "systems", description = "Published AI systems and their versions"),
        (name = "agencies", description = "The agencies that publish them"),
        (name = "changes", description = "What changed, since a time or a cursor"),
        (name = "export", description = "The whole register in one download"),
        (name = "feedback", description = "Citizens' questions and agencies' answers"),
        (name = "statistics", description = "The numbers of the /statistics page"),
        (name = "documents", description = "This document and the JSON Schema"),
    )
)]
struct ApiDoc;

/// The write API's authentication: an agency's token as `Authorization: Bearer lantern_…`.
struct AgencyToken;

impl utoipa::Modify for AgencyToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "agency_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("An agency's API token, made in /manage/tokens or with `lantern token create`"))
                    .build(),
            ),
        );
    }
}

/// The record's fields are described in the field table, once: their
/// descriptions in the schema come from there.
struct FieldDescriptions;

impl utoipa::Modify for FieldDescriptions {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::RefOr;
        use utoipa::openapi::schema::Schema;
        let Some(components) = openapi.components.as_mut() else {
            return;
        };
        let Some(RefOr::T(Schema::Object(content))) = components.schemas.get_mut("PublicContent")
        else {
            return;
        };
        for field in app::record::fields::FIELDS {
            let Some(property) = content.properties.get_mut(field.name) else {
                continue;
            };
            let description = field.description_in_english().to_string();
            match property {
                RefOr::Ref(reference) => reference.description = description,
                RefOr::T(Schema::Object(object)) => object.description = Some(description),
                RefOr::T(Schema::Array(array)) => array.description = Some(description),
                RefOr::T(Schema::OneOf(one_of)) => one_of.description = Some(description),
                RefOr::T(Schema::AllOf(all_of)) => all_of.description = Some(description),
                RefOr::T(Schema::AnyOf(any_of)) => any_of.description = Some(description),
                RefOr::T(_) => {}
            }
        }
    }
}

/// The routes of the JSON API and the open data, with the OpenAPI document
/// they make: each handler's path and method are written once, in its
/// `#[utoipa::path]`.
fn api_routes() -> utoipa_axum::router::OpenApiRouter<crate::state::AppState> {
    utoipa_axum::router::OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(api::routes())
        .merge(super::routes())
}

/// The routes of the JSON API and the open data, for the router.
pub fn documented_routes() -> axum::Router<crate::state::AppState> {
    api_routes().split_for_parts().0
}

/// The OpenAPI document of those routes, complete.
fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::Modify;
    let mut document = api_routes().split_for_parts().1;
    FieldDescriptions.modify(&mut document);
    document
}

/// The OpenAPI document, built once.
static DOCUMENT: LazyLock<Value> =
    LazyLock::new(|| serde_json::to_value(openapi()).expect("the OpenAPI document serialises"));

/// The JSON Schema of a published system, built once from the document's
/// components: the `System` schema at the top, the rest under `$defs`.
static SYSTEM_SCHEMA: LazyLock<Value> = LazyLock::new(|| {
    let components = DOCUMENT["components"]["schemas"].clone();
    let text = components
        .to_string()
        .replace("#/components/schemas/", "#/$defs/");
    let defs: serde_json::Map<String, Value> =
        serde_json::from_str(&text).expect("the components are a JSON object");
    let mut schema = defs["PublishedSystem"].clone();
    schema["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
    schema["$id"] = json!("/api/v1/schema/system.json");
    schema["title"] = json!("System");
    schema["$defs"] = Value::Object(defs);
    schema
});

/// The named schemas of the document, typed: for the data dictionary.
pub fn openapi_components()
-> std::collections::BTreeMap<String, utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>> {
    openapi()
        .components
        .map(|c| c.schemas.into_iter().collect())
        .unwrap_or_default()
}

fn json_response(value: &Value, content_type: &'static str) -> Response {
    (
        [(header::CONTENT_TYPE, content_type)],
        serde_json::to_string_pretty(value).expect("JSON values serialise"),
    )
        .into_response()
}

/// This OpenAPI 3.1 document.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "documents",
    responses((status = 200, description = "OpenAPI 3.1", content_type = "application/json")))]
pub async fn document() -> Response {
    json_response(&DOCUMENT, "application/json")
}

/// The JSON Schema (2020-12) of a system as the API and the exports give it.
#[utoipa::path(get, path = "/api/v1/schema/system.json", tag = "documents",
    responses((status = 200, description = "JSON Schema 2020-12", content_type = "application/schema+json")))]
pub async fn system_schema() -> Response {
    json_response(&SYSTEM_SCHEMA, "application/schema+json")
}

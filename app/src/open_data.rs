//! `/open-data`: how journalists and researchers take the register, with
//! copy-paste `curl` examples and the data dictionary.
//!
//! The dictionary comes from the server (put in the page's context), which
//! builds it from the same JSON Schema that `/api/v1/schema/system.json`
//! serves, so the page cannot drift from the data.

use crate::html::PageTitle;
use crate::i18n::{Language, has_message, t, t_with, title, with_code};
use crate::layout::TableScroll;
use leptos::prelude::*;
use std::sync::Arc;

/// One field of a published system.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DictionaryField {
    /// The public JSON name.
    pub name: String,
    /// `string`, `string or null`, `one of: a, b`, `list of DataSet`…
    pub kind: String,
    pub description: String,
    /// Whether the field is always there (others may be withheld or absent).
    pub always: bool,
}

/// The data dictionary: every field of a system, and the CSV's columns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DataDictionary {
    pub fields: Vec<DictionaryField>,
    pub csv_columns: Vec<(String, String)>,
    /// What joins the items of a list in one CSV cell.
    pub csv_separator: String,
}

pub type SharedDictionary = Arc<DataDictionary>;

/// The register's public address (`https://register.example.gov`), from the
/// server's configuration, for the examples' absolute URLs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicUrl(pub String);

/// A command, shown so it can be copied.
#[component]
fn Command(#[prop(into)] text: String) -> impl IntoView {
    view! { <pre class="command" tabindex="0"><code>{text}</code></pre> }
}

#[component]
pub fn OpenDataPage() -> impl IntoView {
    let dictionary = use_context::<SharedDictionary>().unwrap_or_default();
    let origin =
        use_context::<PublicUrl>().map_or_else(|| "https://this-register".into(), |url| url.0);
    view! {
        <PageTitle text=title(&t("nav-open-data"))/>
        <h1>{t("nav-open-data")}</h1>
        <p>{t("open-data-lede")}</p>
        <nav aria-label=t("open-data-on-this-page")>
            <ul>
                <li><a href="#download">{t("open-data-download")}</a></li>
                <li><a href="#changes">{t("open-data-changes")}</a></li>
                <li><a href="#api">{t("open-data-api")}</a></li>
                <li><a href="#manners">{t("open-data-manners")}</a></li>
                <li><a href="#completeness">{t("open-data-completeness")}</a></li>
                <li><a href="#review">{t("open-data-review")}</a></li>
                <li><a href="#dictionary">{t("open-data-dictionary")}</a></li>
            </ul>
        </nav>

        <DownloadSection origin=origin.clone() separator=dictionary.csv_separator.clone()/>
        <ChangesSection origin=origin.clone()/>
        <ApiSection origin=origin.clone()/>
        <MannersSection origin/>
        <CompletenessSection/>
        <DictionarySection dictionary/>
    }
}

/// The whole register in one download.
#[component]
fn DownloadSection(origin: String, separator: String) -> impl IntoView {
    view! {
        <h2 id="download">{t("open-data-download")}</h2>
        <p>{with_code(&t("open-data-download-what"))}</p>
        <ul>
            <li><a href="/api/v1/export.json">"export.json"</a>": "{with_code(&t("open-data-export-json"))}</li>
            <li><a href="/api/v1/export.ndjson">"export.ndjson"</a>": "{t("open-data-export-ndjson")}</li>
            <li><a href="/api/v1/export.csv">"export.csv"</a>": "{t_with("open-data-export-csv", &[("separator", separator.into())])}</li>
        </ul>
        <Command text=format!("curl --compressed -o register.ndjson {origin}/api/v1/export.ndjson")/>
        <p>{t("open-data-command-line")}</p>
        <Command text="lantern export --format ndjson --output register.ndjson"/>
    }
}

/// Following the changes: the feed API and Atom.
#[component]
fn ChangesSection(origin: String) -> impl IntoView {
    view! {
        <h2 id="changes">{t("open-data-changes")}</h2>
        <p>{t("open-data-changes-what")}</p>
        <Command text=format!("curl '{origin}/api/v1/changes?since=2026-11-01T00:00:00Z'")/>
        <p>{with_code(&t("open-data-changes-next"))}</p>
        <Command text=format!("curl '{origin}/api/v1/changes?since=1234&limit=500'")/>
        <p>
            {t("open-data-feed-reader")}" " <a href="/feeds/changes.atom">{t("open-data-feed-all")}</a>
            {with_code(&t("open-data-feed-agency"))}
        </p>
    }
}

/// The API's reads, with an example.
#[component]
fn ApiSection(origin: String) -> impl IntoView {
    view! {
        <h2 id="api">{t("open-data-api")}</h2>
        <ul>
            <li><code>"GET /api/v1/systems"</code>": "{with_code(&t("open-data-api-systems"))}</li>
            <li><code>"GET /api/v1/systems/{id}"</code>", " <code>"…/versions"</code>", " <code>"…/versions/{n}"</code>": "{t("open-data-api-system")}</li>
            <li><code>"GET /api/v1/systems/{id}/feedback"</code>": "{t("open-data-api-feedback")}</li>
            <li><code>"GET /api/v1/agencies"</code>", " <code>"GET /api/v1/agencies/{slug}"</code>": "{t("open-data-api-agencies")}</li>
        </ul>
        <Command text=format!("curl '{origin}/api/v1/systems?stage=in_use&risk_level=high&limit=100'")/>
        <p>
            {t("open-data-api-openapi")}" " <a href="/api/v1/openapi.json">"OpenAPI 3.1"</a>
            {t("open-data-api-schema")}" " <a href="/api/v1/schema/system.json">"JSON Schema"</a>
            ". "{t("open-data-api-stable")}
        </p>
    }
}

/// What each kind of system is expected to fill, from the field table.
#[component]
fn CompletenessSection() -> impl IntoView {
    use crate::record::Expected;
    use crate::record::fields::FIELDS;
    let periods = Resource::new(|| (), |_| crate::manage::settings::get_oversight_settings());
    let labels = |expected: Expected| {
        FIELDS
            .iter()
            .filter(|field| field.expected == expected)
            .map(|field| field.label().into_owned())
            .collect::<Vec<_>>()
            .join(", ")
    };
    view! {
        <h2 id="completeness">{t("open-data-completeness")}</h2>
        <p>{with_code(&t("open-data-completeness-what"))}</p>
        <ul>
            <li>{t("open-data-completeness-always")}" "{labels(Expected::Always)}</li>
            <li>{t("open-data-completeness-decides")}" "{labels(Expected::WhenItDecides)}</li>
            <li>{t("open-data-completeness-high-risk")}" "{labels(Expected::WhenHighRisk)}</li>
        </ul>
        <p>{with_code(&t("open-data-completeness-search"))}</p>
        <h2 id="review">{t("open-data-review")}</h2>
        <p>
            <Suspense>
                {move || Suspend::new(async move {
                    // The register's own periods, as an admin set them.
                    let settings = periods.await.unwrap_or_default();
                    t_with(
                        "open-data-review-when",
                        &[
                            ("months", settings.review_months.into()),
                            ("high_risk_months", settings.high_risk_review_months.into()),
                        ],
                    )
                    .into_owned()
                })}
            </Suspense>
        </p>
        <p>{with_code(&t("open-data-review-data"))}</p>
    }
}

/// Caching, rate limits and the error envelope.
#[component]
fn MannersSection(origin: String) -> impl IntoView {
    view! {
        <h2 id="manners">{t("open-data-manners")}</h2>
        <ul>
            <li>{with_code(&t("open-data-etag"))}</li>
            <li>{with_code(&t("open-data-gzip"))}</li>
            <li>{t("open-data-cors")}</li>
            <li>{with_code(&t("open-data-rate-limit"))}</li>
            <li>{t("open-data-errors")}" " <code>"{\"errors\": [{\"code\": …, \"detail\": …, \"field\": …}]}"</code> ": "{t("open-data-errors-what")}</li>
        </ul>
        <Command text=format!("curl -i -H 'If-None-Match: W/\"…\"' {origin}/api/v1/export.ndjson")/>
    }
}

/// What a field of the schema holds, in the reader's language: a record's
/// field by the field table, the others by the catalogue
/// (`dictionary-field-…`); where the catalogue has no words for it, the
/// schema's English, marked as English. English pages show the schema's own
/// words (`english`), which the catalogue's English repeats.
fn field_description(name: &str, english: &str) -> (String, Option<&'static str>) {
    let key = format!("dictionary-field-{name}");
    if crate::i18n::language() == Language::SOURCE {
        return (english.to_string(), None);
    }
    match crate::record::fields::field(name) {
        Some(field) => (field.description().into_owned(), None),
        None if has_message(&key) => (t(&key).into_owned(), None),
        None => (english.to_string(), english_lang()),
    }
}

/// What a CSV column holds, in the reader's language: a translation's
/// (`summary@nl`) and the others' by the catalogue (`dictionary-column-…`),
/// a record field's by the field table, else the English, marked as English.
fn column_description(name: &str, english: &str) -> (String, Option<&'static str>) {
    let key = format!("dictionary-column-{name}");
    if crate::i18n::language() == Language::SOURCE {
        return (english.to_string(), None);
    }
    if let Some((field, code)) = name.split_once('@')
        && let (Some(field), Some(language)) =
            (crate::record::fields::field(field), Language::parse(code))
    {
        let args = [
            ("field", field.label().into_owned().into()),
            (
                "language",
                language
                    .name_in(crate::i18n::language())
                    .into_owned()
                    .into(),
            ),
        ];
        return (
            t_with("dictionary-column-translation", &args).into_owned(),
            None,
        );
    }
    match crate::record::fields::field(name) {
        _ if has_message(&key) => (t(&key).into_owned(), None),
        Some(field) => (field.description().into_owned(), None),
        None => (english.to_string(), english_lang()),
    }
}

/// `lang="en"` where the page is in another language.
fn english_lang() -> Option<&'static str> {
    (crate::i18n::language() != Language::SOURCE).then_some("en")
}

/// Every field of a system and every column of the CSV.
#[component]
fn DictionarySection(dictionary: SharedDictionary) -> impl IntoView {
    let fields = dictionary
        .fields
        .iter()
        .map(|field| {
            let (description, lang) = field_description(&field.name, &field.description);
            view! {
                <tr>
                    <th scope="row"><code>{field.name.clone()}</code></th>
                    <td>{field.kind.clone()}{(!field.always).then(|| view! { <br/><span class="hint">{t("open-data-may-be-absent")}</span> })}</td>
                    <td lang=lang>{description}</td>
                </tr>
            }
        })
        .collect_view();
    let columns = dictionary
        .csv_columns
        .iter()
        .map(|(name, english)| {
            let (description, lang) = column_description(name, english);
            view! {
                <tr>
                    <th scope="row"><code>{name.clone()}</code></th>
                    <td lang=lang>{description}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2 id="dictionary">{t("open-data-dictionary")}</h2>
        <p>{with_code(&t("open-data-dictionary-what"))}</p>
        <TableScroll label=t("open-data-fields")>
            <table>
                <caption>{t("open-data-fields")}</caption>
                <thead><tr><th scope="col">{t("open-data-field")}</th><th scope="col">{t("open-data-type")}</th><th scope="col">{t("open-data-holds")}</th></tr></thead>
                <tbody>{fields}</tbody>
            </table>
        </TableScroll>
        <h3>{t("open-data-csv-columns")}</h3>
        <TableScroll label=t("open-data-csv-caption")>
            <table>
                <caption>{t("open-data-csv-caption")}</caption>
                <thead><tr><th scope="col">{t("open-data-column")}</th><th scope="col">{t("open-data-holds")}</th></tr></thead>
                <tbody>{columns}</tbody>
            </table>
        </TableScroll>
    }
}

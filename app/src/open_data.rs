//! `/open-data`: how journalists and researchers take the register, with
//! copy-paste `curl` examples and the data dictionary.
//!
//! The dictionary comes from the server (put in the page's context), which
//! builds it from the same JSON Schema that `/api/v1/schema/system.json`
//! serves, so the page cannot drift from the data.

use crate::html::PageTitle;
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
        <PageTitle text="Open data — Lantern"/>
        <h1>"Open data"</h1>
        <p>
            "Everything this register publishes is open data: take the whole register in one download, "
            "follow what changes, and cite any record by its stable id and version. No key, no sign-up."
        </p>
        <nav aria-label="On this page">
            <ul>
                <li><a href="#download">"Download the whole register"</a></li>
                <li><a href="#changes">"Follow the changes"</a></li>
                <li><a href="#api">"Ask the API"</a></li>
                <li><a href="#manners">"Caching, limits and errors"</a></li>
                <li><a href="#dictionary">"Data dictionary"</a></li>
            </ul>
        </nav>

        <DownloadSection origin=origin.clone() separator=dictionary.csv_separator.clone()/>
        <ChangesSection origin=origin.clone()/>
        <ApiSection origin=origin.clone()/>
        <MannersSection origin/>
        <DictionarySection dictionary/>
    }
}

/// The whole register in one download.
#[component]
fn DownloadSection(origin: String, separator: String) -> impl IntoView {
    let separator = format!("“{separator}”");
    view! {
        <h2 id="download">"Download the whole register"</h2>
        <p>"Every published system, its current version, its agency and its latest audit, in id order. Drafts never appear, and a field an agency withholds is left out, with the reason in " <code>"withheld"</code> "."</p>
        <ul>
            <li><a href="/api/v1/export.json">"export.json"</a>": one JSON document, " <code>"{\"exported_at\": …, \"systems\": […]}"</code></li>
            <li><a href="/api/v1/export.ndjson">"export.ndjson"</a>": one system per line, easy to stream and to keep in git"</li>
            <li><a href="/api/v1/export.csv">"export.csv"</a>": one row per system for spreadsheets; lists are joined with "{separator.clone()}"; cells that a spreadsheet would run as a formula start with an apostrophe"</li>
        </ul>
        <Command text=format!("curl --compressed -o register.ndjson {origin}/api/v1/export.ndjson")/>
        <p>"From a copy of Lantern on your own machine, the same files come from the command line:"</p>
        <Command text="lantern export --format ndjson --output register.ndjson"/>
    }
}

/// Following the changes: the feed API and Atom.
#[component]
fn ChangesSection(origin: String) -> impl IntoView {
    view! {
        <h2 id="changes">"Follow the changes"</h2>
        <p>"Every publication, update, retirement and audit, oldest first, since a time or since the last change you saw:"</p>
        <Command text=format!("curl '{origin}/api/v1/changes?since=2026-11-01T00:00:00Z'")/>
        <p>"Each answer has a " <code>"next"</code> " link. Keep it, and ask it again tomorrow: you get exactly what came after, never a change twice and never one missed. " <code>"has_more"</code> " says whether to ask again at once."</p>
        <Command text=format!("curl '{origin}/api/v1/changes?since=1234&limit=500'")/>
        <p>"In a feed reader: " <a href="/feeds/changes.atom">"changes to the whole register"</a> ", or one agency’s feed, linked from its page (" <code>"/agencies/{slug}/feed.atom"</code> ")."</p>
    }
}

/// The API's reads, with an example.
#[component]
fn ApiSection(origin: String) -> impl IntoView {
    view! {
        <h2 id="api">"Ask the API"</h2>
        <ul>
            <li><code>"GET /api/v1/systems"</code>": search and filter as on the systems page (" <code>"q"</code> ", " <code>"agency"</code> ", " <code>"stage"</code> ", " <code>"risk_level"</code> ", " <code>"topic"</code> ", " <code>"technique"</code> ", " <code>"audit"</code> ", " <code>"personal_data"</code> ", " <code>"sort"</code> "), " <code>"limit"</code> " up to 500, and a " <code>"next"</code> " link"</li>
            <li><code>"GET /api/v1/systems/{id}"</code>", " <code>"…/versions"</code>", " <code>"…/versions/{n}"</code>": a record, its history, and any version as it was published"</li>
            <li><code>"GET /api/v1/systems/{id}/feedback"</code>": the public questions and the agency’s answers"</li>
            <li><code>"GET /api/v1/agencies"</code>", " <code>"GET /api/v1/agencies/{slug}"</code>": who publishes, how many systems, how they answer"</li>
        </ul>
        <Command text=format!("curl '{origin}/api/v1/systems?stage=in_use&risk_level=high&limit=100'")/>
        <p>
            "The API is described for machines in " <a href="/api/v1/openapi.json">"OpenAPI 3.1"</a>
            ", and a system’s shape in " <a href="/api/v1/schema/system.json">"JSON Schema"</a>
            ". Field names and the values of closed lists never change; new values are announced before they appear."
        </p>
    }
}

/// Caching, rate limits and the error envelope.
#[component]
fn MannersSection(origin: String) -> impl IntoView {
    view! {
        <h2 id="manners">"Caching, limits and errors"</h2>
        <ul>
            <li>"Every answer has an " <code>"ETag"</code> ". Send it back as " <code>"If-None-Match"</code> " and an unchanged answer is a short " <code>"304 Not Modified"</code> ". Exports also give " <code>"Last-Modified"</code> "."</li>
            <li>"Ask with " <code>"Accept-Encoding: gzip"</code> " (curl’s " <code>"--compressed"</code> ") to download far less."</li>
            <li>"Scripts in any web page may read the API (CORS is open for reading)."</li>
            <li>"Each client may make a number of requests a minute; the " <code>"RateLimit"</code> " header says how many are left, and a " <code>"429"</code> " answer says in " <code>"Retry-After"</code> " how long to wait. For everything, download an export once instead of asking system by system."</li>
            <li>"Every error is " <code>"{\"errors\": [{\"code\": …, \"detail\": …, \"field\": …}]}"</code> ": a stable code for programs, a sentence for people, and the parameter at fault."</li>
        </ul>
        <Command text=format!("curl -i -H 'If-None-Match: W/\"…\"' {origin}/api/v1/export.ndjson")/>
    }
}

/// Every field of a system and every column of the CSV.
#[component]
fn DictionarySection(dictionary: SharedDictionary) -> impl IntoView {
    let fields = dictionary
        .fields
        .iter()
        .map(|field| {
            view! {
                <tr>
                    <th scope="row"><code>{field.name.clone()}</code></th>
                    <td>{field.kind.clone()}{(!field.always).then_some(view! { <br/><span class="hint">"may be absent"</span> })}</td>
                    <td>{field.description.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let columns = dictionary
        .csv_columns
        .iter()
        .map(|(name, description)| {
            view! {
                <tr>
                    <th scope="row"><code>{name.clone()}</code></th>
                    <td>{description.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2 id="dictionary">"Data dictionary"</h2>
        <p>"A system in the API and the JSON exports. Dates are " <code>"YYYY-MM-DD"</code> "; times are RFC 3339 in UTC; markdown fields are as the agency wrote them."</p>
        <TableScroll label="Fields of a system">
            <table>
                <caption>"Fields of a system"</caption>
                <thead><tr><th scope="col">"Field"</th><th scope="col">"Type"</th><th scope="col">"What it holds"</th></tr></thead>
                <tbody>{fields}</tbody>
            </table>
        </TableScroll>
        <h3>"The CSV’s columns"</h3>
        <TableScroll label="Columns of export.csv">
            <table>
                <caption>"Columns of export.csv"</caption>
                <thead><tr><th scope="col">"Column"</th><th scope="col">"What it holds"</th></tr></thead>
                <tbody>{columns}</tbody>
            </table>
        </TableScroll>
    }
}

//! The register's record: agencies, AI systems, their published versions and audits.
//!
//! These are the public shapes, shared by the server and the browser. Field names
//! are the public JSON names of DESIGN.md; enumerations keep stable snake_case
//! names in storage, JSON and URLs, and carry a human label for pages.

mod completeness;
mod enums;
pub mod fields;
mod oversight;
#[cfg(feature = "ssr")]
mod public;
mod translations;

pub use completeness::{Completeness, Expected};
pub use enums::*;
pub use oversight::OversightSettings;
#[cfg(feature = "ssr")]
pub use public::PublicContent;
use serde::{Deserialize, Serialize};
pub use translations::{ShownIn, Translation, translatable};

/// The stable public id of a system: never reused, survives renames.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SystemId(pub String);

/// An instant as the register keeps and publishes it: RFC 3339 in UTC
/// (`2026-11-28T09:30:00Z`). Dates without a time (`2025-03-31`) stay text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(pub String);

impl Timestamp {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Timestamp {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<String> for Timestamp {
    fn from(text: String) -> Timestamp {
        Timestamp(text)
    }
}

impl From<&str> for Timestamp {
    fn from(text: &str) -> Timestamp {
        Timestamp(text.to_string())
    }
}

impl From<Timestamp> for String {
    fn from(timestamp: Timestamp) -> String {
        timestamp.0
    }
}

/// In the JSON Schema and OpenAPI document: a string in RFC 3339 date-time form.
#[cfg(feature = "ssr")]
impl utoipa::PartialSchema for Timestamp {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .format(Some(utoipa::openapi::schema::SchemaFormat::KnownFormat(
                utoipa::openapi::schema::KnownFormat::DateTime,
            )))
            .into()
    }
}

#[cfg(feature = "ssr")]
impl utoipa::ToSchema for Timestamp {}

/// The slug that names an agency in URLs and JSON (`dhs`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AgencySlug(pub String);

impl std::fmt::Display for SystemId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Display for AgencySlug {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A government body that owns systems in the register.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Agency {
    pub slug: AgencySlug,
    pub name: String,
    /// Country or government the agency belongs to, e.g. "United States (federal)".
    pub jurisdiction: String,
    pub website: Option<String>,
    /// Public contact for questions about the agency's systems.
    pub contact: Option<String>,
    pub description: String,
}

/// An agency with the number of published systems it owns.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgencyWithCount {
    pub agency: Agency,
    pub systems: i64,
}

/// One data set a system uses.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DataSet {
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub source: String,
    pub personal_data: Option<PersonalData>,
    #[serde(default)]
    pub sensitive_attributes: Vec<String>,
}

/// An impact assessment done for a system.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Assessment {
    pub kind: AssessmentKind,
    /// `YYYY-MM-DD`, when known.
    pub date: Option<String>,
    pub url: Option<String>,
}

/// A field the agency does not publish, with the stated legal ground.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Withheld {
    /// The public JSON name of the withheld field, e.g. `data`.
    pub field: String,
    pub reason: String,
}

/// What an agency writes about a system: everything that is versioned.
/// Each field is described in [`fields::FIELDS`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SystemContent {
    pub agency_ref: Option<String>,
    pub name: String,
    pub summary: String,
    pub unit: Option<String>,
    pub contact: Option<String>,
    pub purpose: String,
    pub how_it_works: String,
    pub stage: Stage,
    pub in_use_since: Option<String>,
    pub retired_on: Option<String>,
    pub topic: Topic,
    pub tags: Vec<String>,
    pub technique: Vec<Technique>,
    pub risk_level: RiskLevel,
    pub decision_role: Option<DecisionRole>,
    pub human_oversight: String,
    pub contest: String,
    pub data: Vec<DataSet>,
    pub explainability: String,
    pub fairness: String,
    pub risks: String,
    pub assessments: Vec<Assessment>,
    pub legal_basis: String,
    pub supplier: Option<String>,
    pub withheld: Vec<Withheld>,
    /// The language the agency wrote the record in (`nl`); absent: the
    /// register's default language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The record's texts in other languages, by language code, as the
    /// agency gave them: field name → text (see [`translatable`]).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub translations: std::collections::BTreeMap<String, Translation>,
}

/// An independent audit of a system, recorded by an oversight body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Audit {
    pub auditor: String,
    /// `YYYY-MM-DD`
    pub audited_on: String,
    pub outcome: AuditOutcome,
    pub findings: String,
    pub report_url: Option<String>,
    /// `YYYY-MM-DD`
    pub next_due: Option<String>,
}

/// A system as the public sees it: its latest published version.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct System {
    pub id: SystemId,
    pub agency: AgencySlug,
    pub agency_name: String,
    /// The owning agency's public contact.
    pub agency_contact: Option<String>,
    #[serde(flatten)]
    pub content: SystemContent,
    pub version: i64,
    pub published_at: Timestamp,
    pub reviewed_at: Option<Timestamp>,
    pub audit: Option<Audit>,
    /// Whether the latest audit's next due date has passed.
    #[serde(default)]
    pub audit_overdue: bool,
    /// When the agency is due to review the record again (RFC 3339, UTC);
    /// `None` until Lantern has worked it out for a record published before
    /// review dates existed.
    #[serde(default)]
    pub review_by: Option<Timestamp>,
    /// Whether that date has passed without a new version or a review.
    #[serde(default)]
    pub review_overdue: bool,
}

/// The few fields a list of systems shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SystemSummary {
    pub id: SystemId,
    pub name: String,
    pub summary: String,
    pub agency: AgencySlug,
    pub agency_name: String,
    pub stage: Stage,
    pub risk_level: RiskLevel,
    pub topic: Topic,
    pub audit: Option<AuditOutcome>,
    pub published_at: Timestamp,
    /// Whether the record is past its review-by date.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub review_overdue: bool,
    /// The language the record is written in; absent: the register's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Its name and summary in other languages, where its agency translated
    /// them: language → `name`/`summary` → text.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub translated: std::collections::BTreeMap<String, Translation>,
}

/// A text of several lines as it is stored, whichever way it came: line
/// breaks as `\n` (browsers send `\r\n`, old spreadsheets `\r`), no spaces
/// or tabs at the end of a line, none around the whole. Every write path
/// (form, API, import, feedback) stores texts this way, and the history
/// compares texts this way, so a version differs only where its words do.
pub fn normalised(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.split('\n').map(str::trim_end).collect();
    lines.join("\n").trim().to_string()
}

/// What a system's id may be, said to whoever sends one.
pub const SYSTEM_ID_RULE: &str =
    "Must be 1 to 64 lower-case letters, digits and hyphens, like 7k2m9x4q1b3c";

/// Whether `text` can be a system's id: 1 to 64 lower-case ASCII letters,
/// digits and hyphens. Ids Lantern makes are 12 of them (see `stable_id`);
/// the wider pattern admits ids of records exported by another register.
pub fn is_system_id(text: &str) -> bool {
    is_slug(text)
}

/// Whether `text` is an agency slug: lower-case ASCII letters, digits and hyphens.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 64
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The date part of an RFC 3339 timestamp (`2026-11-28`): the machine date,
/// for `<time datetime>` and the API.
pub fn date_of<T: AsRef<str> + ?Sized>(timestamp: &T) -> &str {
    let timestamp = timestamp.as_ref();
    timestamp.get(..10).unwrap_or(timestamp)
}

/// A date as the page's language writes it: see [`crate::i18n::date_words`].
pub fn date_words<T: AsRef<str> + ?Sized>(date_or_timestamp: &T) -> String {
    crate::i18n::date_words(date_or_timestamp.as_ref())
}

/// A date as people write it, with the machine date for programs and
/// screen readers: `<time datetime="2026-11-28">28 November 2026</time>`.
#[leptos::component]
pub fn DateText(
    /// A date or an RFC 3339 timestamp.
    #[prop(into)]
    date: String,
) -> impl leptos::IntoView {
    use leptos::prelude::*;
    view! { <time datetime=date_of(&date).to_string()>{date_words(&date)}</time> }
}

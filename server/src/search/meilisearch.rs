//! The scale-out search engine: Meilisearch, through `meilisearch-sdk`.
//!
//! Used when `MEILISEARCH_URL` is set. Several `lantern` instances may share
//! one Meilisearch; the indexer's lease in the database lets one of them
//! write at a time. The index is `lantern_systems_v<schema>`; a rebuild fills
//! `…_building` and swaps the two, so searches keep working meanwhile.
//!
//! Where it differs from the embedded engine: Meilisearch ranks by its own
//! rules (words, typos, proximity, attribute, exactness) and then recency,
//! where the embedded engine uses BM25 weighted by field then recency; both
//! require every word, allow the same typos and match the last word as a
//! prefix. Snippets are cropped by Meilisearch's own rules.

mod searching;

use super::{INDEX_SCHEMA, Rebuild, SearchEngine, SystemDocument};
use anyhow::Context;
use app::record::{AuditOutcome, SystemId, SystemSummary};
use app::search::{Facet, SEARCHED_FIELDS};
use meilisearch_sdk::client::{Client, SwapIndexes};
use meilisearch_sdk::errors::{Error as MeiliError, ErrorCode};
use meilisearch_sdk::settings::{
    MinWordSizeForTypos, PaginationSetting, Settings as IndexSettings, TypoToleranceSettings,
};
use meilisearch_sdk::task_info::TaskInfo;
use meilisearch_sdk::tasks::Task;
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// Where Meilisearch is (`MEILISEARCH_URL`, `MEILISEARCH_API_KEY`).
#[derive(Clone, Debug)]
pub struct Settings {
    pub url: String,
    pub api_key: Option<String>,
}

/// Marks Meilisearch puts around matched words: private-use characters that
/// never occur in records, so they cannot be confused with the text.
const MARK_START: &str = "\u{E000}";
const MARK_END: &str = "\u{E001}";
/// Words a cropped excerpt keeps.
const CROP_WORDS: usize = 24;
/// How long to wait for Meilisearch to finish a task.
const TASK_TIMEOUT: Duration = Duration::from_secs(120);
/// How long a search may take before the page says search is unavailable.
const SEARCH_TIMEOUT: Duration = Duration::from_secs(10);
/// How long `/healthz` waits for Meilisearch's own health check.
const HEALTH_TIMEOUT: Duration = Duration::from_secs(2);

/// A system as Meilisearch stores it. Facet fields carry the facet names;
/// the searched topic is its label.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct MeiliDocument {
    id: String,
    name: String,
    summary: String,
    agency_ref: String,
    purpose: String,
    how_it_works: String,
    agency_name: String,
    unit: String,
    topic_label: String,
    tags: Vec<String>,
    data: Vec<String>,
    supplier: String,
    #[serde(default)]
    translations: String,
    /// Shown, not searched: the record's language, and its translated name and summary.
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    translated: std::collections::BTreeMap<String, app::record::Translation>,
    agency: String,
    stage: String,
    risk_level: String,
    topic: String,
    technique: Vec<String>,
    audit: String,
    personal_data: String,
    completeness: String,
    missing: Vec<String>,
    review: String,
    published_at: String,
    updated: i64,
    name_sort: String,
    /// The record's completeness, 0 to 100, for "least complete first".
    completeness_score: u8,
}

impl MeiliDocument {
    fn new(document: &SystemDocument) -> MeiliDocument {
        let facet = |facet: Facet| document.facet_values(facet).pop().unwrap_or_default();
        MeiliDocument {
            id: document.summary.id.0.clone(),
            name: document.summary.name.clone(),
            summary: document.summary.summary.clone(),
            agency_ref: document.agency_ref.clone(),
            purpose: document.purpose.clone(),
            how_it_works: document.how_it_works.clone(),
            agency_name: document.summary.agency_name.clone(),
            unit: document.unit.clone(),
            topic_label: document.summary.topic.label().to_string(),
            tags: document.tags.clone(),
            data: document.data.clone(),
            supplier: document.supplier.clone(),
            translations: document.translations.clone(),
            language: document.summary.language.clone(),
            translated: document.summary.translated.clone(),
            agency: facet(Facet::Agency),
            stage: facet(Facet::Stage),
            risk_level: facet(Facet::RiskLevel),
            topic: facet(Facet::Topic),
            technique: document.facet_values(Facet::Technique),
            audit: facet(Facet::Audit),
            personal_data: facet(Facet::PersonalData),
            completeness: facet(Facet::Completeness),
            missing: document.facet_values(Facet::Missing),
            review: facet(Facet::Review),
            published_at: document.summary.published_at.to_string(),
            updated: document.updated(),
            name_sort: document.summary.name.to_lowercase(),
            completeness_score: document.completeness,
        }
    }

    fn summary(&self) -> anyhow::Result<SystemSummary> {
        let closed =
            |what: &str, value: &str| anyhow::anyhow!("unexpected {what} “{value}” in Meilisearch");
        Ok(SystemSummary {
            id: SystemId(self.id.clone()),
            name: self.name.clone(),
            summary: self.summary.clone(),
            agency: app::record::AgencySlug(self.agency.clone()),
            agency_name: self.agency_name.clone(),
            stage: app::record::Stage::parse(&self.stage)
                .ok_or_else(|| closed("stage", &self.stage))?,
            risk_level: app::record::RiskLevel::parse(&self.risk_level)
                .ok_or_else(|| closed("risk level", &self.risk_level))?,
            topic: app::record::Topic::parse(&self.topic)
                .ok_or_else(|| closed("topic", &self.topic))?,
            audit: AuditOutcome::parse(&self.audit),
            published_at: self.published_at.clone().into(),
            review_overdue: self.review == app::search::REVIEW_OVERDUE,
            language: self.language.clone(),
            translated: self.translated.clone(),
        })
    }
}

/// The Meilisearch field a searched field is stored in.
fn meili_field(field: &str) -> &str {
    if field == "topic" {
        "topic_label"
    } else {
        field
    }
}

/// The settings Lantern gives its index.
fn index_settings() -> IndexSettings {
    IndexSettings::new()
        .with_searchable_attributes(SEARCHED_FIELDS.map(meili_field))
        .with_stop_words(app::search::STOP_WORDS)
        .with_filterable_attributes(Facet::ALL.map(Facet::name))
        .with_sortable_attributes(["updated", "name_sort", "completeness_score"])
        .with_ranking_rules([
            "sort",
            "words",
            "typo",
            "proximity",
            "attribute",
            "exactness",
            "updated:desc",
        ])
        .with_typo_tolerance(TypoToleranceSettings {
            enabled: Some(true),
            disable_on_attributes: Some(Vec::new()),
            disable_on_words: Some(Vec::new()),
            min_word_size_for_typos: Some(MinWordSizeForTypos {
                one_typo: Some(5),
                two_typos: Some(9),
            }),
            ..Default::default()
        })
        .with_pagination(PaginationSetting {
            max_total_hits: app::search::query::MAX_RESULT_WINDOW as usize,
        })
        .with_max_values_per_facet(1_000)
}

/// Settings Meilisearch keeps as sets, and reports back in its own order.
const SET_SETTINGS: [&str; 3] = ["stopWords", "filterableAttributes", "sortableAttributes"];

/// Whether the settings Meilisearch reports (`actual`) hold every value of
/// `wanted`: objects key by key (Meilisearch adds keys of its own), lists in
/// order, except the [`SET_SETTINGS`], compared as sets.
fn covers(actual: &serde_json::Value, wanted: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (actual, wanted) {
        (Value::Object(actual), Value::Object(wanted)) => wanted.iter().all(|(key, wanted)| {
            let Some(actual) = actual.get(key) else {
                return false;
            };
            match (actual, wanted) {
                (Value::Array(a), Value::Array(w)) if SET_SETTINGS.contains(&key.as_str()) => {
                    a.len() == w.len() && w.iter().all(|value| a.contains(value))
                }
                _ => covers(actual, wanted),
            }
        }),
        (Value::Array(actual), Value::Array(wanted)) => {
            actual.len() == wanted.len() && actual.iter().zip(wanted).all(|(a, w)| covers(a, w))
        }
        _ => actual == wanted,
    }
}

/// The Meilisearch engine.
pub struct Meilisearch {
    client: Client,
    uid: String,
}

impl Meilisearch {
    /// A client of the Meilisearch at `settings`. It need not be answering
    /// yet: `lantern serve` starts without it, says search is unavailable,
    /// and builds the index when it answers.
    pub fn new(settings: &Settings) -> anyhow::Result<Meilisearch> {
        let url = settings.url.trim_end_matches('/');
        let client = Client::new(url, settings.api_key.clone())
            .with_context(|| format!("MEILISEARCH_URL “{url}” is not usable"))?;
        Ok(Meilisearch {
            client,
            uid: format!("lantern_systems_v{INDEX_SCHEMA}"),
        })
    }

    /// Connects and checks Meilisearch answers.
    pub async fn connect(settings: &Settings) -> anyhow::Result<Meilisearch> {
        let engine = Meilisearch::new(settings)?;
        engine
            .client
            .health()
            .await
            .with_context(|| format!("Meilisearch does not answer at {}", settings.url))?;
        Ok(engine)
    }

    /// Connects to an index of another name: for tests, which must not touch a real one.
    pub async fn connect_to(settings: &Settings, uid: &str) -> anyhow::Result<Meilisearch> {
        let mut engine = Meilisearch::connect(settings).await?;
        engine.uid = uid.to_string();
        Ok(engine)
    }

    /// The Meilisearch client, for tests that change an index behind Lantern's back.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The live index's name.
    pub fn uid(&self) -> &str {
        &self.uid
    }

    /// Deletes the index (and a half-made rebuild of it): for tests.
    pub async fn delete(&self) -> anyhow::Result<()> {
        for uid in [self.uid.clone(), format!("{}_building", self.uid)] {
            if let Ok(task) = self.client.delete_index(&uid).await {
                task.wait_for_completion(&self.client, None, Some(TASK_TIMEOUT))
                    .await?;
            }
        }
        Ok(())
    }

    /// Waits for a task to finish; an error if it failed.
    pub async fn wait(&self, task: TaskInfo) -> anyhow::Result<()> {
        match task
            .wait_for_completion(&self.client, None, Some(TASK_TIMEOUT))
            .await?
        {
            Task::Failed { content } => anyhow::bail!(
                "Meilisearch task failed: {} ({:?})",
                content.error.error_message,
                content.error.error_code
            ),
            _ => Ok(()),
        }
    }

    async fn index_exists(&self, uid: &str) -> anyhow::Result<bool> {
        match self.client.get_index(uid).await {
            Ok(_) => Ok(true),
            Err(MeiliError::Meilisearch(error)) if error.error_code == ErrorCode::IndexNotFound => {
                Ok(false)
            }
            Err(error) => Err(error.into()),
        }
    }

    /// Creates an index with Lantern's settings.
    async fn create(&self, uid: &str) -> anyhow::Result<()> {
        self.wait(self.client.create_index(uid, Some("id")).await?)
            .await?;
        let index = self.client.index(uid);
        self.wait(index.set_settings(&index_settings()).await?)
            .await
    }

    /// Whether the index has every setting Lantern gives it, as Meilisearch
    /// reports them back (so one changed by hand, or by an older version of
    /// Lantern, is rebuilt at start).
    async fn has_lantern_settings(&self, uid: &str) -> anyhow::Result<bool> {
        let actual = self.client.index(uid).get_settings().await?;
        Ok(covers(
            &serde_json::to_value(actual)?,
            &serde_json::to_value(index_settings())?,
        ))
    }

    async fn add(&self, uid: &str, documents: &[SystemDocument]) -> anyhow::Result<()> {
        if documents.is_empty() {
            return Ok(());
        }
        let documents: Vec<MeiliDocument> = documents.iter().map(MeiliDocument::new).collect();
        let index = self.client.index(uid);
        self.wait(index.add_or_replace(&documents, Some("id")).await?)
            .await
    }
}

#[async_trait::async_trait]
impl SearchEngine for Meilisearch {
    fn name(&self) -> &'static str {
        "meilisearch"
    }

    async fn is_built(&self) -> anyhow::Result<bool> {
        Ok(self.index_exists(&self.uid).await? && self.has_lantern_settings(&self.uid).await?)
    }

    async fn is_available(&self) -> bool {
        let health = tokio::time::timeout(HEALTH_TIMEOUT, self.client.is_healthy()).await;
        health.unwrap_or(false)
    }

    async fn apply(
        &self,
        documents: Vec<SystemDocument>,
        removed: Vec<SystemId>,
    ) -> anyhow::Result<()> {
        self.add(&self.uid, &documents).await?;
        if !removed.is_empty() {
            let ids: Vec<String> = removed.into_iter().map(|id| id.0).collect();
            let index = self.client.index(&self.uid);
            self.wait(index.delete_documents(&ids).await?).await?;
        }
        Ok(())
    }

    async fn start_rebuild(&self) -> anyhow::Result<Box<dyn Rebuild + '_>> {
        let building = format!("{}_building", self.uid);
        if self.index_exists(&building).await? {
            self.wait(self.client.delete_index(&building).await?)
                .await?;
        }
        self.create(&building).await?;
        Ok(Box::new(MeiliRebuild {
            engine: self,
            building,
        }))
    }
}

/// A new index being filled beside the live one.
struct MeiliRebuild<'a> {
    engine: &'a Meilisearch,
    building: String,
}

#[async_trait::async_trait]
impl Rebuild for MeiliRebuild<'_> {
    async fn add(&mut self, documents: Vec<SystemDocument>) -> anyhow::Result<()> {
        self.engine.add(&self.building, &documents).await
    }

    async fn finish(self: Box<Self>) -> anyhow::Result<()> {
        let engine = self.engine;
        if !engine.index_exists(&engine.uid).await? {
            engine.create(&engine.uid).await?;
        }
        let swap = SwapIndexes {
            indexes: (engine.uid.clone(), self.building.clone()),
            rename: None,
        };
        engine
            .wait(engine.client.swap_indexes([&swap]).await?)
            .await?;
        // The old index now has the building name.
        engine
            .wait(engine.client.delete_index(&self.building).await?)
            .await
    }
}

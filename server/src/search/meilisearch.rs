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
    agency: String,
    stage: String,
    risk_level: String,
    topic: String,
    technique: Vec<String>,
    audit: String,
    personal_data: String,
    published_at: String,
    updated: i64,
    name_sort: String,
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
            agency: facet(Facet::Agency),
            stage: facet(Facet::Stage),
            risk_level: facet(Facet::RiskLevel),
            topic: facet(Facet::Topic),
            technique: document.facet_values(Facet::Technique),
            audit: facet(Facet::Audit),
            personal_data: facet(Facet::PersonalData),
            published_at: document.summary.published_at.to_string(),
            updated: document.updated(),
            name_sort: document.summary.name.to_lowercase(),
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

/// The Meilisearch engine.
pub struct Meilisearch {
    client: Client,
    uid: String,
}

impl Meilisearch {
    /// Connects and checks Meilisearch answers.
    pub async fn connect(settings: &Settings) -> anyhow::Result<Meilisearch> {
        let url = settings.url.trim_end_matches('/');
        let client = Client::new(url, settings.api_key.clone())
            .with_context(|| format!("MEILISEARCH_URL “{url}” is not usable"))?;
        client
            .health()
            .await
            .with_context(|| format!("Meilisearch does not answer at {url}"))?;
        Ok(Meilisearch {
            client,
            uid: format!("lantern_systems_v{INDEX_SCHEMA}"),
        })
    }

    /// Connects to an index of another name: for tests, which must not touch a real one.
    pub async fn connect_to(settings: &Settings, uid: &str) -> anyhow::Result<Meilisearch> {
        let mut engine = Meilisearch::connect(settings).await?;
        engine.uid = uid.to_string();
        Ok(engine)
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

    async fn wait(&self, task: TaskInfo) -> anyhow::Result<()> {
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
        let settings = IndexSettings::new()
            .with_searchable_attributes(SEARCHED_FIELDS.map(meili_field))
            .with_stop_words(app::search::STOP_WORDS)
            .with_filterable_attributes(Facet::ALL.map(Facet::name))
            .with_sortable_attributes(["updated", "name_sort"])
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
            .with_max_values_per_facet(1_000);
        self.wait(index.set_settings(&settings).await?).await
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
        self.index_exists(&self.uid).await
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

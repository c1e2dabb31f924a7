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

use super::{INDEX_SCHEMA, Rebuild, SearchEngine, SystemDocument};
use anyhow::Context;
use app::error::AppError;
use app::record::{AuditOutcome, SystemId, SystemSummary};
use app::search::{
    Facet, FacetCounts, Fragment, Hit, SEARCHED_FIELDS, Search, SearchResults, Snippet, Sort,
    SystemQuery,
};
use meilisearch_sdk::client::{Client, SwapIndexes};
use meilisearch_sdk::errors::{Error as MeiliError, ErrorCode};
use meilisearch_sdk::search::{
    MatchingStrategies, SearchQuery, SearchResults as MeiliResults, Selectors,
};
use meilisearch_sdk::settings::{
    MinWordSizeForTypos, PaginationSetting, Settings as IndexSettings, TypoToleranceSettings,
};
use meilisearch_sdk::task_info::TaskInfo;
use meilisearch_sdk::tasks::Task;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
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

/// A Meilisearch filter: values of a facet are alternatives, facets combine.
fn filter(query: &SystemQuery, except: Option<Facet>) -> String {
    query
        .filters
        .iter()
        .filter(|(facet, _)| Some(**facet) != except)
        .map(|(facet, values)| {
            let values: Vec<String> = values.iter().map(|v| quoted(v)).collect();
            format!("{} IN [{}]", facet.name(), values.join(", "))
        })
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// A value as a Meilisearch filter string: quoted, with quotes and backslashes escaped.
fn quoted(value: &str) -> String {
    format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Marked text from Meilisearch (`…<E000>word<E001>…`) as a snippet, or
/// `None` when nothing in it is marked.
fn snippet(formatted: &str) -> Option<Snippet> {
    if !formatted.contains(MARK_START) {
        return None;
    }
    let mut snippet = Snippet::new();
    for (at, part) in formatted.split(MARK_START).enumerate() {
        let (marked, rest) = match part.split_once(MARK_END) {
            Some((marked, rest)) if at > 0 => (marked, rest),
            _ => ("", part),
        };
        if !marked.is_empty() {
            snippet.push(Fragment {
                text: marked.to_string(),
                marked: true,
            });
        }
        if !rest.is_empty() {
            snippet.push(Fragment {
                text: rest.to_string(),
                marked: false,
            });
        }
    }
    Some(snippet)
}

/// The text of a formatted field: a string, or a list joined as the embedded engine joins it.
fn formatted_text(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(text) => Some(text.clone()),
        serde_json::Value::Array(items) => Some(
            items
                .iter()
                .filter_map(|i| i.as_str())
                .collect::<Vec<_>>()
                .join(" · "),
        ),
        _ => None,
    }
}

#[async_trait::async_trait]
impl Search for Meilisearch {
    async fn search(&self, query: &SystemQuery) -> Result<Arc<SearchResults>, AppError> {
        self.run(query).await.map(Arc::new).map_err(|error| {
            tracing::error!(error = format!("{error:#}"), "Meilisearch search failed");
            AppError::Internal(error.to_string())
        })
    }
}

impl Meilisearch {
    /// One search: the page of results with the counts of every facet, in
    /// one multi-search of Meilisearch.
    async fn run(&self, query: &SystemQuery) -> anyhow::Result<SearchResults> {
        let filtered: Vec<Facet> = query.filters.keys().copied().collect();
        let mut answers = self.search_and_count(query, &filtered).await?.into_iter();
        let main = answers
            .next()
            .context("Meilisearch answered no results for the search")?;
        let (facets, total) = facet_counts(&main, &filtered, answers);
        Ok(SearchResults {
            hits: hits(main.hits, query)?,
            total,
            facets,
            fewer_words: Vec::new(),
            instead_for: None,
        })
    }

    /// The page of results with counts for the facets that are not
    /// filtered, then for each filtered facet its counts without its own
    /// filter: one answer each, in that order.
    async fn search_and_count(
        &self,
        query: &SystemQuery,
        filtered: &[Facet],
    ) -> anyhow::Result<Vec<MeiliResults<MeiliDocument>>> {
        let index = self.client.index(&self.uid);
        let facet_names: Vec<&str> = Facet::ALL.iter().map(|f| f.name()).collect();
        let main_filter = filter(query, None);
        let sort: &[&str] = match query.sort {
            Sort::Relevance if !query.q.is_empty() => &[],
            Sort::Relevance | Sort::Updated => &["updated:desc"],
            Sort::Name => &["name_sort:asc"],
        };
        let crop: Vec<(&str, Option<usize>)> = SEARCHED_FIELDS[2..]
            .iter()
            .map(|f| (meili_field(f), Some(CROP_WORDS)))
            .collect();
        let mut main = SearchQuery::new(&index);
        main.with_query(&query.q)
            .with_matching_strategy(MatchingStrategies::ALL)
            .with_facets(Selectors::Some(&facet_names))
            .with_offset(query.offset() as usize)
            .with_limit(query.per_page as usize)
            .with_attributes_to_highlight(Selectors::All)
            .with_attributes_to_crop(Selectors::Some(&crop))
            .with_crop_marker("…")
            .with_highlight_pre_tag(MARK_START)
            .with_highlight_post_tag(MARK_END);
        if !main_filter.is_empty() {
            main.with_filter(&main_filter);
        }
        if !sort.is_empty() {
            main.with_sort(sort);
        }
        let other_filters: Vec<String> = filtered.iter().map(|f| filter(query, Some(*f))).collect();
        let facet_lists: Vec<[&str; 1]> = filtered.iter().map(|f| [f.name()]).collect();
        let mut searches = self.client.multi_search();
        searches.with_search_query(main.build());
        for (at, _) in filtered.iter().enumerate() {
            let mut counts = SearchQuery::new(&index);
            counts
                .with_query(&query.q)
                .with_matching_strategy(MatchingStrategies::ALL)
                .with_facets(Selectors::Some(&facet_lists[at]))
                .with_limit(0);
            if !other_filters[at].is_empty() {
                counts.with_filter(&other_filters[at]);
            }
            searches.with_search_query(counts.build());
        }
        Ok(searches.execute::<MeiliDocument>().await?.results)
    }
}

/// Every facet's counts, and the exact total: the main answer's counts for
/// the facets not filtered, each filtered facet's from its own answer.
fn facet_counts(
    main: &MeiliResults<MeiliDocument>,
    filtered: &[Facet],
    answers: impl Iterator<Item = MeiliResults<MeiliDocument>>,
) -> (FacetCounts, u64) {
    let mut facets = FacetCounts::new();
    let distribution = main.facet_distribution.clone().unwrap_or_default();
    for facet in Facet::ALL {
        let counts = distribution.get(facet.name()).cloned().unwrap_or_default();
        facets.insert(
            facet,
            counts.into_iter().map(|(v, n)| (v, n as u64)).collect(),
        );
    }
    // Every system has one stage, so the stage counts of the fully filtered
    // search add up to the exact total (the hit estimate stops at the
    // pagination limit).
    let total: u64 = distribution
        .get(Facet::Stage.name())
        .map_or(0, |counts| counts.values().map(|n| *n as u64).sum());
    for (facet, answer) in filtered.iter().zip(answers) {
        let counts = answer
            .facet_distribution
            .and_then(|d| d.get(facet.name()).cloned())
            .unwrap_or_default();
        facets.insert(
            *facet,
            counts.into_iter().map(|(v, n)| (v, n as u64)).collect(),
        );
    }
    (facets, total)
}

/// The page's hits, each with its marked snippets when words were searched.
fn hits(
    found: Vec<meilisearch_sdk::search::SearchResult<MeiliDocument>>,
    query: &SystemQuery,
) -> anyhow::Result<Vec<Hit>> {
    let mut hits = Vec::new();
    for found in found {
        let highlights = match (&found.formatted_result, query.q.is_empty()) {
            // Meilisearch crops the other fields itself (see `search_and_count`).
            (Some(formatted), false) => super::words::highlights(|field, _| {
                formatted
                    .get(meili_field(field))
                    .and_then(formatted_text)
                    .and_then(|text| snippet(&text))
            }),
            _ => Vec::new(),
        };
        hits.push(Hit {
            system: found.result.summary()?,
            highlights,
        });
    }
    Ok(hits)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_quote_every_value() {
        let (query, _) =
            SystemQuery::from_query_string("stage=pilot&stage=in_use&agency=a%22%20OR%20x");
        assert_eq!(
            filter(&query, None),
            r#"agency IN ["a\" OR x"] AND stage IN ["in_use", "pilot"]"#
        );
        assert_eq!(
            filter(&query, Some(Facet::Agency)),
            r#"stage IN ["in_use", "pilot"]"#
        );
    }

    #[test]
    fn marks_become_snippets() {
        let text = format!("Flags {MARK_START}benefit{MARK_END} claims");
        let snippet = snippet(&text).unwrap();
        assert_eq!(
            app::search::snippet_html(&snippet),
            "Flags <mark>benefit</mark> claims"
        );
        assert_eq!(super::snippet("nothing marked"), None);
    }
}

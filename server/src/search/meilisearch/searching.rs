//! Searching Meilisearch: the filters, one multi-search for the page and
//! the facet counts, and the hits with their snippets.

use super::{
    CROP_WORDS, MARK_END, MARK_START, MeiliDocument, Meilisearch, SEARCH_TIMEOUT, meili_field,
};
use anyhow::Context;
use app::error::AppError;
use app::search::{
    Facet, FacetCounts, Fragment, Hit, SEARCHED_FIELDS, Search, SearchResults, Snippet, Sort,
    SystemQuery,
};
use meilisearch_sdk::search::{
    MatchingStrategies, SearchQuery, SearchResults as MeiliResults, Selectors,
};
use std::sync::Arc;

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
///
/// Meilisearch marks only as much of a word as the search matched
/// (`recognitio` of `recognition` for the typo'd `recogntion`); the rest of
/// the word is marked too, as the embedded engine marks whole words.
fn snippet(formatted: &str) -> Option<Snippet> {
    if !formatted.contains(MARK_START) {
        return None;
    }
    let mut snippet = Snippet::new();
    for (at, part) in formatted.split(MARK_START).enumerate() {
        let (marked, rest) = match part.split_once(MARK_END) {
            Some((marked, rest)) if at > 0 => {
                let word_end = rest
                    .find(|c: char| !c.is_alphanumeric())
                    .unwrap_or(rest.len());
                let (end_of_word, rest) = rest.split_at(word_end);
                (format!("{marked}{end_of_word}"), rest)
            }
            _ => (String::new(), part),
        };
        if !marked.is_empty() {
            snippet.push(Fragment {
                text: marked,
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
    /// A search Meilisearch does not answer in time, or answers with an
    /// error, is search being unavailable: the page and the API say so (503).
    async fn search(&self, query: &SystemQuery) -> Result<Arc<SearchResults>, AppError> {
        let answer = tokio::time::timeout(SEARCH_TIMEOUT, self.run(query))
            .await
            .unwrap_or_else(|_| Err(anyhow::anyhow!("no answer within {SEARCH_TIMEOUT:?}")));
        answer.map(Arc::new).map_err(|error| {
            log_failure(&error);
            AppError::SearchUnavailable
        })
    }
}

/// Logs a failed search, at most once a minute: while Meilisearch is down,
/// every search fails, and one line says so as well as thousands.
fn log_failure(error: &anyhow::Error) {
    use std::sync::atomic::{AtomicU64, Ordering};
    static LAST_LOGGED: AtomicU64 = AtomicU64::new(0);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    let last = LAST_LOGGED.load(Ordering::Relaxed);
    if now >= last + 60
        && LAST_LOGGED
            .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
            .is_ok()
    {
        tracing::error!(
            error = format!("{error:#}"),
            "Meilisearch search failed (further failures this minute are not logged)"
        );
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
            Sort::Completeness => &["completeness_score:asc", "updated:desc"],
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
            (Some(formatted), false) => crate::search::words::highlights(|field, _| {
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

        let text =
            format!("Facial {MARK_START}recognitio{MARK_END}n, {MARK_START}ben{MARK_END}efits");
        assert_eq!(
            app::search::snippet_html(&super::snippet(&text).unwrap()),
            "Facial <mark>recognition</mark>, <mark>benefits</mark>"
        );
    }
}

//! Recent results, so a search asked again (the browse page, a popular word,
//! a link someone shared) costs a lookup instead of a pass over the index.
//!
//! The cache is exact: its entries belong to one generation of the index,
//! and every change to the index (a publication, an audit, a rebuild) starts
//! a new generation, which empties it.

use super::oldest_out::OldestOut;
use app::search::SearchResults;
use std::sync::{Arc, Mutex};

/// How many results the cache keeps, and how many hits in all: a page of 25
/// hits plus facet counts is a few tens of kilobytes, so this bounds it to
/// about 10 MB however large the pages asked for (the API's `limit` goes to
/// 500, and an export of a word search reads its hits 500 at a time).
const CAPACITY: usize = 400;
const HITS: usize = 10_000;

/// Results by query, for one index generation.
pub struct ResultCache {
    inner: Mutex<Entries>,
}

struct Entries {
    generation: u64,
    /// Results by query, weighed by their hits.
    by_query: OldestOut<String, Arc<SearchResults>>,
}

impl Default for ResultCache {
    fn default() -> ResultCache {
        ResultCache {
            inner: Mutex::new(Entries {
                generation: 0,
                by_query: OldestOut::new(CAPACITY, HITS),
            }),
        }
    }
}

impl Entries {
    /// Forgets everything if the index has moved on to another generation.
    fn follow(&mut self, generation: u64) {
        if self.generation != generation {
            self.generation = generation;
            self.by_query.clear();
        }
    }
}

impl ResultCache {
    /// The results of `query` (its URL form) in this generation of the index, if kept.
    pub fn get(&self, generation: u64, query: &str) -> Option<Arc<SearchResults>> {
        let mut entries = self.inner.lock().ok()?;
        entries.follow(generation);
        entries.by_query.get(query).cloned()
    }

    /// Keeps the results of `query` found in this generation of the index.
    pub fn put(&self, generation: u64, query: String, results: &Arc<SearchResults>) {
        let Ok(mut entries) = self.inner.lock() else {
            return;
        };
        entries.follow(generation);
        let hits = results.hits.len();
        entries.by_query.put(query, results.clone(), hits);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn results(total: u64) -> Arc<SearchResults> {
        Arc::new(SearchResults {
            total,
            ..SearchResults::default()
        })
    }

    #[test]
    fn keeps_results_within_a_generation_only() {
        let cache = ResultCache::default();
        cache.put(1, "q=benefits".into(), &results(7));
        assert_eq!(cache.get(1, "q=benefits").map(|r| r.total), Some(7));
        assert!(cache.get(1, "q=housing").is_none());
        // A change to the index: what was kept no longer holds.
        assert!(cache.get(2, "q=benefits").is_none());
        assert!(cache.get(1, "q=benefits").is_none());
    }

    #[test]
    fn large_pages_count_by_their_hits() {
        let cache = ResultCache::default();
        let hit: app::search::Hit = serde_json::from_value(serde_json::json!({
            "system": {"id": "x", "name": "X", "summary": "S", "agency": "a",
                "agency_name": "A", "stage": "pilot", "risk_level": "high", "topic": "tax",
                "audit": null, "published_at": "2026-01-01T00:00:00Z"},
            "highlights": []
        }))
        .unwrap();
        let page = |n: usize| {
            Arc::new(SearchResults {
                hits: vec![hit.clone(); n],
                ..SearchResults::default()
            })
        };
        for n in 0..30 {
            cache.put(1, format!("limit=500&cursor={n}"), &page(500));
        }
        let kept = (0..30)
            .filter(|n| cache.get(1, &format!("limit=500&cursor={n}")).is_some())
            .count();
        assert_eq!(kept, HITS / 500);
        assert!(
            cache.get(1, "limit=500&cursor=29").is_some(),
            "the newest stay"
        );
        cache.put(1, "too big".into(), &page(HITS + 1));
        assert!(cache.get(1, "too big").is_none());
    }

    #[test]
    fn forgets_the_oldest_when_full() {
        let cache = ResultCache::default();
        for n in 0..=CAPACITY {
            cache.put(1, format!("page={n}"), &results(n as u64));
        }
        assert!(cache.get(1, "page=0").is_none());
        assert!(cache.get(1, "page=1").is_some());
        assert_eq!(
            cache.get(1, &format!("page={CAPACITY}")).map(|r| r.total),
            Some(CAPACITY as u64)
        );
    }
}

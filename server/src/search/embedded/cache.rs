//! Recent results, so a search asked again (the browse page, a popular word,
//! a link someone shared) costs a lookup instead of a pass over the index.
//!
//! The cache is exact: its entries belong to one generation of the index,
//! and every change to the index (a publication, an audit, a rebuild) starts
//! a new generation, which empties it.

use app::search::SearchResults;
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

/// How many results the cache keeps. One entry is a page of hits plus facet
/// counts, a few tens of kilobytes at most, so this bounds it to about 10 MB.
const CAPACITY: usize = 400;

/// Results by query, for one index generation.
#[derive(Default)]
pub struct ResultCache {
    inner: Mutex<Entries>,
}

#[derive(Default)]
struct Entries {
    generation: u64,
    by_query: HashMap<String, Arc<SearchResults>>,
    /// Queries in the order they were added: the oldest goes first when full.
    order: VecDeque<String>,
}

impl Entries {
    /// Forgets everything if the index has moved on to another generation.
    fn follow(&mut self, generation: u64) {
        if self.generation != generation {
            self.generation = generation;
            self.by_query.clear();
            self.order.clear();
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
        if entries.by_query.contains_key(&query) {
            return;
        }
        if entries.order.len() >= CAPACITY
            && let Some(oldest) = entries.order.pop_front()
        {
            entries.by_query.remove(&oldest);
        }
        entries.order.push_back(query.clone());
        entries.by_query.insert(query, results.clone());
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

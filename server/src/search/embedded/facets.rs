//! One pass over the systems that match the words: facet counts, the total,
//! and the best-ranked results.
//!
//! The counts of a facet follow the words and every *other* facet's filter
//! (so ticking a second stage does not make the first disappear). One pass
//! gives them all: a system that passes every filter is a result, counts for
//! every facet and competes for the page; one that fails exactly one facet's
//! filter counts only for that facet; one that fails two or more counts for
//! none. Running the (fuzzy, costly) word query once for all of this is what
//! keeps a search within a few milliseconds.

use super::columns::{ColumnCache, FacetColumn, SegmentColumns};
use app::search::Facet;
use std::cmp::{Ordering, Reverse};
use std::collections::{BTreeMap, BinaryHeap};
use std::sync::Arc;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

/// Documents collected together: scored documents come one at a time and
/// wait in a block, so each column is read in one tight loop per block.
const BLOCK: usize = 64;

/// A document's standing against the filters: it passes them all, fails
/// exactly the one in that slot (and counts only for that facet), or fails
/// several (and counts for nothing).
const PASSES: u8 = u8::MAX;
const FAILS_SEVERAL: u8 = u8::MAX - 1;

/// What a pass collects, for a query's filters.
pub struct Pass<'a> {
    /// The filtered facets (as indexes into [`Facet::ALL`]) and their chosen values.
    pub filters: Vec<(usize, Vec<String>)>,
    /// How many of the best results to keep (offset + page size); 0 for none.
    pub keep: usize,
    /// Whether results rank by score before recency (a search with words).
    pub by_score: bool,
    /// Whether results rank by completeness, least complete first, before
    /// recency (and then `by_score` is false).
    pub by_completeness: bool,
    /// Where each segment's decoded columns are kept.
    pub columns: &'a ColumnCache,
}

/// How a result ranks: higher is better.
#[derive(Clone, Copy, Debug)]
pub struct Rank {
    pub score: Score,
    pub updated: i64,
    pub address: DocAddress,
}

impl Ord for Rank {
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then(self.updated.cmp(&other.updated))
            // Among equals, the earlier document ranks higher, for a stable order.
            .then(other.address.cmp(&self.address))
    }
}

impl PartialOrd for Rank {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Rank {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Rank {}

/// What a pass finds.
#[derive(Default)]
pub struct Found {
    pub total: u64,
    /// In [`Facet::ALL`] order.
    pub counts: Vec<BTreeMap<String, u64>>,
    /// The best results, best first.
    pub best: Vec<Rank>,
}

pub struct SegmentPass {
    segment: SegmentOrdinal,
    columns: Arc<SegmentColumns>,
    /// Per filtered facet: its slot and, per ordinal of this segment, whether
    /// the value is chosen.
    filters: Vec<(usize, Vec<bool>)>,
    total: u64,
    /// Per facet, per ordinal of this segment.
    counts: Vec<Vec<u64>>,
    keep: usize,
    by_completeness: bool,
    best: BinaryHeap<Reverse<Rank>>,
    /// Scored documents waiting to be processed as a block.
    waiting: Vec<DocId>,
    waiting_scores: Vec<Score>,
}

impl<'a> Collector for Pass<'a> {
    type Fruit = Found;
    type Child = SegmentPass;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentPass> {
        let columns = self.columns.get(reader)?;
        let values = |slot: usize| columns.facets[slot].as_ref().map_or(0, |c| c.values());
        let mut filters = Vec::new();
        for (slot, chosen_values) in &self.filters {
            let mut chosen = vec![false; values(*slot)];
            if let Some(column) = &columns.facets[*slot] {
                for value in chosen_values {
                    if let Some(ordinal) = column.ordinal(value)? {
                        chosen[ordinal as usize] = true;
                    }
                }
            }
            filters.push((*slot, chosen));
        }
        let counts = (0..columns.facets.len())
            .map(|slot| vec![0; values(slot)])
            .collect();
        Ok(SegmentPass {
            segment,
            columns,
            filters,
            total: 0,
            counts,
            keep: self.keep,
            by_completeness: self.by_completeness,
            best: BinaryHeap::with_capacity(self.keep.min(1_024) + 1),
            waiting: Vec::with_capacity(BLOCK),
            waiting_scores: Vec::with_capacity(BLOCK),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.by_score
    }

    fn merge_fruits(&self, fruits: Vec<Found>) -> tantivy::Result<Found> {
        let mut merged = Found {
            total: 0,
            counts: vec![BTreeMap::new(); Facet::ALL.len()],
            best: Vec::new(),
        };
        let mut best = Vec::new();
        for fruit in fruits {
            merged.total += fruit.total;
            for (slot, counts) in fruit.counts.into_iter().enumerate() {
                for (value, n) in counts {
                    *merged.counts[slot].entry(value).or_default() += n;
                }
            }
            best.extend(fruit.best);
        }
        best.sort_by(|a, b| b.cmp(a));
        best.truncate(self.keep);
        merged.best = best;
        Ok(merged)
    }
}

impl SegmentPass {
    /// Collects a block of documents (with their scores, when ranked by score).
    fn process(&mut self, docs: &[DocId], scores: Option<&[Score]>) {
        let columns = self.columns.clone();
        let mut standing = [PASSES; BLOCK];
        for (slot, chosen) in &self.filters {
            let own = *slot as u8;
            let mut fails = |at: usize| {
                standing[at] = if standing[at] == PASSES {
                    own
                } else {
                    FAILS_SEVERAL
                };
            };
            match &columns.facets[*slot] {
                None => (0..docs.len()).for_each(&mut fails),
                Some(FacetColumn::Single { ordinals, .. }) => {
                    for (at, &doc) in docs.iter().enumerate() {
                        if !chosen[ordinals[doc as usize] as usize] {
                            fails(at);
                        }
                    }
                }
                Some(column) => {
                    for (at, &doc) in docs.iter().enumerate() {
                        let mut passes = false;
                        column.ordinals(doc, |o| passes |= chosen[o]);
                        if !passes {
                            fails(at);
                        }
                    }
                }
            }
        }
        // Column by column: a facet counts the documents that pass every
        // filter, and those that fail only its own.
        for (slot, column) in columns.facets.iter().enumerate() {
            let counts = &mut self.counts[slot];
            let own = slot as u8;
            let counted = |at: usize| standing[at] == PASSES || standing[at] == own;
            match column {
                None => {}
                Some(FacetColumn::Single { ordinals, .. }) => {
                    for (at, &doc) in docs.iter().enumerate() {
                        if counted(at) {
                            counts[ordinals[doc as usize] as usize] += 1;
                        }
                    }
                }
                Some(column) => {
                    for (at, &doc) in docs.iter().enumerate() {
                        if counted(at) {
                            column.ordinals(doc, |o| counts[o] += 1);
                        }
                    }
                }
            }
        }
        for (at, &doc) in docs.iter().enumerate() {
            if standing[at] == PASSES {
                self.total += 1;
                let score = if self.by_completeness {
                    f32::from(100 - columns.completeness[doc as usize].min(100))
                } else {
                    scores.map_or(0.0, |s| s[at])
                };
                self.consider(doc, score, columns.updated[doc as usize]);
            }
        }
    }

    /// Processes the scored documents waiting in [`SegmentPass::waiting`].
    fn flush(&mut self) {
        // Taken out and put back (emptied) so `process` may borrow `self`.
        let docs = std::mem::take(&mut self.waiting);
        let scores = std::mem::take(&mut self.waiting_scores);
        self.process(&docs, Some(&scores));
        self.waiting = docs;
        self.waiting.clear();
        self.waiting_scores = scores;
        self.waiting_scores.clear();
    }

    fn consider(&mut self, doc: DocId, score: Score, updated: i64) {
        if self.keep == 0 {
            return;
        }
        let rank = Rank {
            score,
            updated,
            address: DocAddress::new(self.segment, doc),
        };
        if self.best.len() < self.keep {
            self.best.push(Reverse(rank));
        } else if self.best.peek().is_some_and(|worst| rank > worst.0) {
            self.best.pop();
            self.best.push(Reverse(rank));
        }
    }
}

impl SegmentCollector for SegmentPass {
    type Fruit = Found;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.waiting.push(doc);
        self.waiting_scores.push(score);
        if self.waiting.len() == BLOCK {
            self.flush();
        }
    }

    /// Without scores (browsing, or ordering by date) documents come in blocks.
    fn collect_block(&mut self, docs: &[DocId]) {
        for block in docs.chunks(BLOCK) {
            self.process(block, None);
        }
    }

    fn harvest(mut self) -> Found {
        if !self.waiting.is_empty() {
            self.flush();
        }
        let mut counts = vec![BTreeMap::new(); self.columns.facets.len()];
        let mut value = String::new();
        for (slot, by_ordinal) in self.counts.iter().enumerate() {
            let Some(column) = &self.columns.facets[slot] else {
                continue;
            };
            for (ordinal, n) in by_ordinal.iter().enumerate() {
                if *n > 0 && column.value(ordinal as u64, &mut value) {
                    counts[slot].insert(value.clone(), *n);
                }
            }
        }
        Found {
            total: self.total,
            counts,
            best: self.best.into_iter().map(|r| r.0).collect(),
        }
    }
}

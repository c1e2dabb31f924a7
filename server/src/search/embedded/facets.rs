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

use app::record::Technique;
use app::search::Facet;
use std::cmp::{Ordering, Reverse};
use std::collections::{BTreeMap, BinaryHeap};
use std::sync::Arc;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Cardinality, Column, ColumnValues, StrColumn};

/// Documents tantivy hands over at most at once.
const BLOCK: usize = 64;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

/// What a pass collects, for a query's filters.
pub struct Pass {
    /// The filtered facets (as indexes into [`Facet::ALL`]) and their chosen values.
    pub filters: Vec<(usize, Vec<String>)>,
    /// How many of the best results to keep (offset + page size); 0 for none.
    pub keep: usize,
    /// Whether results rank by score before recency (a search with words).
    pub by_score: bool,
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

/// A facet's values in one segment.
enum FacetColumn {
    /// One term ordinal per document: read a block at a time.
    Single(StrColumn, Arc<dyn ColumnValues<u64>>),
    /// Techniques as bits (bit `n` is `Technique::ALL[n]`): read a block at a time.
    Bits(Arc<dyn ColumnValues<u64>>),
    /// Any number of term ordinals per document.
    Terms(StrColumn),
}

impl FacetColumn {
    fn open(reader: &SegmentReader, facet: Facet) -> tantivy::Result<Option<FacetColumn>> {
        if facet == Facet::Technique {
            return Ok(reader
                .fast_fields()
                .column_opt::<u64>(super::schema::TECHNIQUE_BITS)?
                .filter(|c| c.get_cardinality() == Cardinality::Full)
                .map(|c| FacetColumn::Bits(c.values)));
        }
        Ok(reader.fast_fields().str(facet.name())?.map(|column| {
            let ords = column.ords();
            if ords.get_cardinality() == Cardinality::Full {
                let values = ords.values.clone();
                FacetColumn::Single(column, values)
            } else {
                FacetColumn::Terms(column)
            }
        }))
    }

    /// How many distinct values (ordinals) the column can have.
    fn values(&self) -> usize {
        match self {
            FacetColumn::Single(column, _) | FacetColumn::Terms(column) => column.num_terms(),
            FacetColumn::Bits(_) => Technique::ALL.len(),
        }
    }

    /// The ordinal of a value in this segment, if it occurs.
    fn ordinal(&self, value: &str) -> tantivy::Result<Option<u64>> {
        Ok(match self {
            FacetColumn::Single(column, _) | FacetColumn::Terms(column) => {
                column.dictionary().term_ord(value)?
            }
            FacetColumn::Bits(_) => Technique::ALL
                .iter()
                .position(|t| t.as_str() == value)
                .map(|n| n as u64),
        })
    }

    /// The value of an ordinal.
    fn value(&self, ordinal: u64, out: &mut String) -> bool {
        match self {
            FacetColumn::Single(column, _) | FacetColumn::Terms(column) => {
                column.ord_to_str(ordinal, out).unwrap_or(false)
            }
            FacetColumn::Bits(_) => match Technique::ALL.get(ordinal as usize) {
                Some(technique) => {
                    out.clear();
                    out.push_str(technique.as_str());
                    true
                }
                None => false,
            },
        }
    }

    /// Reads the block's raw values where the column allows it.
    fn read(&self, docs: &[DocId], raw: &mut [u64; BLOCK]) {
        match self {
            FacetColumn::Single(_, values) | FacetColumn::Bits(values) => {
                values.get_vals(docs, &mut raw[..docs.len()])
            }
            FacetColumn::Terms(_) => {}
        }
    }

    /// Calls `each` with every ordinal of a document (`raw`: its value from [`FacetColumn::read`]).
    fn ordinals(&self, doc: DocId, raw: u64, mut each: impl FnMut(u64)) {
        match self {
            FacetColumn::Single(..) => each(raw),
            FacetColumn::Bits(_) => {
                let mut bits = raw;
                while bits != 0 {
                    each(u64::from(bits.trailing_zeros()));
                    bits &= bits - 1;
                }
            }
            FacetColumn::Terms(column) => column.term_ords(doc).for_each(each),
        }
    }
}

pub struct SegmentPass {
    segment: SegmentOrdinal,
    columns: Vec<Option<FacetColumn>>,
    /// Per filtered facet: its slot and, per ordinal of this segment, whether
    /// the value is chosen.
    filters: Vec<(usize, Vec<bool>)>,
    total: u64,
    /// Per facet, per ordinal of this segment.
    counts: Vec<Vec<u64>>,
    updated: Option<Column<i64>>,
    keep: usize,
    best: BinaryHeap<Reverse<Rank>>,
    /// Per facet, the raw values of the block being collected.
    raw: Vec<[u64; BLOCK]>,
}

impl Collector for Pass {
    type Fruit = Found;
    type Child = SegmentPass;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentPass> {
        let columns = Facet::ALL
            .into_iter()
            .map(|facet| FacetColumn::open(reader, facet))
            .collect::<tantivy::Result<Vec<_>>>()?;
        let values = |slot: usize| columns[slot].as_ref().map_or(0, FacetColumn::values);
        let mut filters = Vec::new();
        for (slot, chosen_values) in &self.filters {
            let mut chosen = vec![false; values(*slot)];
            if let Some(column) = &columns[*slot] {
                for value in chosen_values {
                    if let Some(ordinal) = column.ordinal(value)? {
                        chosen[ordinal as usize] = true;
                    }
                }
            }
            filters.push((*slot, chosen));
        }
        let counts = (0..columns.len())
            .map(|slot| vec![0; values(slot)])
            .collect();
        Ok(SegmentPass {
            segment,
            raw: vec![[0; BLOCK]; columns.len()],
            columns,
            filters,
            total: 0,
            counts,
            updated: reader.fast_fields().column_opt::<i64>("updated")?,
            keep: self.keep,
            best: BinaryHeap::with_capacity(self.keep.min(1_024) + 1),
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
        for (slot, column) in self.columns.iter().enumerate() {
            if let Some(column) = column {
                column.read(docs, &mut self.raw[slot]);
            }
        }
        let mut updated = [0i64; BLOCK];
        if let Some(column) = &self.updated {
            if column.get_cardinality() == Cardinality::Full {
                column.values.get_vals(docs, &mut updated[..docs.len()]);
            } else {
                for (at, doc) in docs.iter().enumerate() {
                    updated[at] = column.first(*doc).unwrap_or(0);
                }
            }
        }
        for (at, &doc) in docs.iter().enumerate() {
            // Which filters the document fails: counting stops at two.
            let mut failed = None;
            let mut failures = 0;
            for (slot, chosen) in &self.filters {
                let mut passes = false;
                if let Some(column) = &self.columns[*slot] {
                    column.ordinals(doc, self.raw[*slot][at], |o| passes |= chosen[o as usize]);
                }
                if !passes {
                    failures += 1;
                    failed = Some(*slot);
                }
            }
            match failures {
                0 => {
                    self.total += 1;
                    for slot in 0..self.columns.len() {
                        self.count(slot, doc, at);
                    }
                    let score = scores.map_or(0.0, |s| s[at]);
                    self.consider(doc, score, updated[at]);
                }
                1 => {
                    if let Some(slot) = failed {
                        self.count(slot, doc, at);
                    }
                }
                _ => {}
            }
        }
    }

    fn count(&mut self, slot: usize, doc: DocId, at: usize) {
        if let Some(column) = &self.columns[slot] {
            let counts = &mut self.counts[slot];
            column.ordinals(doc, self.raw[slot][at], |o| counts[o as usize] += 1);
        }
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
        self.process(&[doc], Some(&[score]));
    }

    /// Without scores (browsing, or ordering by date) documents come in
    /// blocks, and columns are read a block at a time: that is what makes
    /// counting every system of a large register fast.
    fn collect_block(&mut self, docs: &[DocId]) {
        for block in docs.chunks(BLOCK) {
            self.process(block, None);
        }
    }

    fn harvest(self) -> Found {
        let mut counts = vec![BTreeMap::new(); self.columns.len()];
        let mut value = String::new();
        for (slot, by_ordinal) in self.counts.iter().enumerate() {
            let Some(column) = &self.columns[slot] else {
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

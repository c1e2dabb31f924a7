//! Facet counts in one pass over the systems that match the words.
//!
//! The counts of a facet follow the words and every *other* facet's filter
//! (so ticking a second stage does not make the first disappear). One pass
//! gives them all: a system that passes every filter is a result and counts
//! for every facet; one that fails exactly one facet's filter counts only for
//! that facet; one that fails two or more counts for none.

use app::search::Facet;
use std::collections::BTreeMap;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Counts facet values and results for a query's filters.
pub struct FacetCounter {
    /// The filtered facets (as indexes into [`Facet::ALL`]) and their chosen values.
    pub filters: Vec<(usize, Vec<String>)>,
}

/// What a pass finds: the number of results and the counts per facet.
#[derive(Default)]
pub struct Counted {
    pub total: u64,
    /// In [`Facet::ALL`] order.
    pub counts: Vec<BTreeMap<String, u64>>,
}

pub struct SegmentCounter {
    columns: Vec<Option<StrColumn>>,
    /// Per filtered facet: its slot and, per term ordinal of this segment,
    /// whether the value is chosen.
    filters: Vec<(usize, Vec<bool>)>,
    total: u64,
    /// Per facet, per term ordinal of this segment.
    counts: Vec<Vec<u64>>,
}

impl Collector for FacetCounter {
    type Fruit = Counted;
    type Child = SegmentCounter;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentCounter> {
        let columns = Facet::ALL
            .iter()
            .map(|facet| reader.fast_fields().str(facet.name()))
            .collect::<tantivy::Result<Vec<_>>>()?;
        let terms = |slot: usize| columns[slot].as_ref().map_or(0, |c| c.num_terms());
        let mut filters = Vec::new();
        for (slot, values) in &self.filters {
            let mut chosen = vec![false; terms(*slot)];
            if let Some(column) = &columns[*slot] {
                for value in values {
                    if let Some(ord) = column.dictionary().term_ord(value)? {
                        chosen[ord as usize] = true;
                    }
                }
            }
            filters.push((*slot, chosen));
        }
        let counts = (0..columns.len())
            .map(|slot| vec![0; terms(slot)])
            .collect();
        Ok(SegmentCounter {
            columns,
            filters,
            total: 0,
            counts,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Counted>) -> tantivy::Result<Counted> {
        let mut merged = Counted {
            total: 0,
            counts: vec![BTreeMap::new(); Facet::ALL.len()],
        };
        for fruit in fruits {
            merged.total += fruit.total;
            for (slot, counts) in fruit.counts.into_iter().enumerate() {
                for (value, n) in counts {
                    *merged.counts[slot].entry(value).or_default() += n;
                }
            }
        }
        Ok(merged)
    }
}

impl SegmentCounter {
    fn count(&mut self, slot: usize, doc: DocId) {
        if let Some(column) = &self.columns[slot] {
            for ord in column.term_ords(doc) {
                self.counts[slot][ord as usize] += 1;
            }
        }
    }
}

impl SegmentCollector for SegmentCounter {
    type Fruit = Counted;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let mut failed = None;
        for (slot, chosen) in &self.filters {
            let passes = self.columns[*slot]
                .as_ref()
                .is_some_and(|column| column.term_ords(doc).any(|ord| chosen[ord as usize]));
            if !passes {
                if failed.is_some() {
                    return;
                }
                failed = Some(*slot);
            }
        }
        match failed {
            None => {
                self.total += 1;
                for slot in 0..self.columns.len() {
                    self.count(slot, doc);
                }
            }
            Some(slot) => self.count(slot, doc),
        }
    }

    fn harvest(self) -> Counted {
        let mut counts = vec![BTreeMap::new(); self.columns.len()];
        let mut value = String::new();
        for (slot, by_ord) in self.counts.iter().enumerate() {
            let Some(column) = &self.columns[slot] else {
                continue;
            };
            for (ord, n) in by_ord.iter().enumerate() {
                if *n > 0 && column.ord_to_str(ord as u64, &mut value).unwrap_or(false) {
                    counts[slot].insert(value.clone(), *n);
                }
            }
        }
        Counted {
            total: self.total,
            counts,
        }
    }
}

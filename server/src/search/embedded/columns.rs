//! Each segment's facet values and dates, decoded once into plain arrays and
//! kept while the segment lives.
//!
//! Counting facets touches every matching system: all of them when browsing.
//! Reading tantivy's compressed columns costs a call per value; a plain
//! array costs a memory read, which makes counting a large register several
//! times faster. A segment never changes once written (deletions only hide
//! documents, which searches skip), so its arrays stay right for its life.
//! They take about 32 bytes per system: 3 MB for 100,000.

use app::record::Technique;
use app::search::Facet;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tantivy::columnar::{Cardinality, StrColumn};
use tantivy::index::SegmentId;
use tantivy::{DocId, Searcher, SegmentReader};

/// A facet's values in one segment.
pub enum FacetColumn {
    /// One value per system: each document's ordinal, and the dictionary
    /// that names the ordinals.
    Single {
        ordinals: Vec<u32>,
        names: StrColumn,
    },
    /// Techniques as bits per document (bit `n` is `Technique::ALL[n]`).
    Bits(Vec<u32>),
    /// Any number of values per document, read from the index when needed.
    Terms(StrColumn),
}

impl FacetColumn {
    fn decode(reader: &SegmentReader, facet: Facet) -> tantivy::Result<Option<FacetColumn>> {
        let documents = reader.max_doc() as usize;
        if facet == Facet::Technique {
            const { assert!(Technique::ALL.len() <= 32, "techniques fit in 32 bits") };
            let Some(column) = reader
                .fast_fields()
                .column_opt::<u64>(super::schema::TECHNIQUE_BITS)?
                .filter(|c| c.get_cardinality() == Cardinality::Full)
            else {
                return Ok(None);
            };
            let bits = (0..documents as DocId)
                .map(|doc| column.values.get_val(doc) as u32)
                .collect();
            return Ok(Some(FacetColumn::Bits(bits)));
        }
        let Some(names) = reader.fast_fields().str(facet.name())? else {
            return Ok(None);
        };
        let column = names.ords();
        Ok(Some(if column.get_cardinality() == Cardinality::Full {
            let mut ordinals = vec![0u64; documents];
            column.values.get_range(0, &mut ordinals);
            FacetColumn::Single {
                ordinals: ordinals.into_iter().map(|o| o as u32).collect(),
                names,
            }
        } else {
            FacetColumn::Terms(names)
        }))
    }

    /// How many distinct values (ordinals) the column can have.
    pub fn values(&self) -> usize {
        match self {
            FacetColumn::Single { names, .. } | FacetColumn::Terms(names) => names.num_terms(),
            FacetColumn::Bits(_) => Technique::ALL.len(),
        }
    }

    /// The ordinal of a value in this segment, if it occurs.
    pub fn ordinal(&self, value: &str) -> tantivy::Result<Option<u64>> {
        Ok(match self {
            FacetColumn::Single { names, .. } | FacetColumn::Terms(names) => {
                names.dictionary().term_ord(value)?
            }
            FacetColumn::Bits(_) => Technique::ALL
                .iter()
                .position(|t| t.as_str() == value)
                .map(|n| n as u64),
        })
    }

    /// The value of an ordinal.
    pub fn value(&self, ordinal: u64, out: &mut String) -> bool {
        match self {
            FacetColumn::Single { names, .. } | FacetColumn::Terms(names) => {
                names.ord_to_str(ordinal, out).unwrap_or(false)
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

    /// Calls `each` with every ordinal of a document.
    #[inline]
    pub fn ordinals(&self, doc: DocId, mut each: impl FnMut(usize)) {
        match self {
            FacetColumn::Single { ordinals, .. } => each(ordinals[doc as usize] as usize),
            FacetColumn::Bits(bits) => {
                let mut bits = bits[doc as usize];
                while bits != 0 {
                    each(bits.trailing_zeros() as usize);
                    bits &= bits - 1;
                }
            }
            FacetColumn::Terms(names) => names.term_ords(doc).for_each(|o| each(o as usize)),
        }
    }
}

/// One segment's decoded columns.
pub struct SegmentColumns {
    /// In [`Facet::ALL`] order; `None` where the segment has no such column.
    pub facets: Vec<Option<FacetColumn>>,
    /// Unix seconds of each system's current version.
    pub updated: Vec<i64>,
    /// Each system's completeness, 0 to 100.
    pub completeness: Vec<u8>,
}

impl SegmentColumns {
    fn decode(reader: &SegmentReader) -> tantivy::Result<SegmentColumns> {
        let facets = Facet::ALL
            .into_iter()
            .map(|facet| FacetColumn::decode(reader, facet))
            .collect::<tantivy::Result<Vec<_>>>()?;
        let updated = match reader.fast_fields().column_opt::<i64>("updated")? {
            Some(column) => (0..reader.max_doc())
                .map(|doc| column.first(doc).unwrap_or(0))
                .collect(),
            None => vec![0; reader.max_doc() as usize],
        };
        let completeness = match reader
            .fast_fields()
            .column_opt::<u64>("completeness_score")?
        {
            Some(column) => (0..reader.max_doc())
                .map(|doc| column.first(doc).unwrap_or(100).min(100) as u8)
                .collect(),
            None => vec![100; reader.max_doc() as usize],
        };
        Ok(SegmentColumns {
            facets,
            updated,
            completeness,
        })
    }
}

/// The decoded columns of the live segments.
#[derive(Default)]
pub struct ColumnCache {
    segments: Mutex<HashMap<SegmentId, Arc<SegmentColumns>>>,
}

impl ColumnCache {
    /// The columns of a segment, decoded now if this is the first time.
    pub fn get(&self, reader: &SegmentReader) -> tantivy::Result<Arc<SegmentColumns>> {
        let id = reader.segment_id();
        if let Some(columns) = self.segments.lock().ok().and_then(|s| s.get(&id).cloned()) {
            return Ok(columns);
        }
        // Decoded outside the lock: two searches may both decode a new
        // segment, which costs a little work but never blocks a search.
        let columns = Arc::new(SegmentColumns::decode(reader)?);
        if let Ok(mut segments) = self.segments.lock() {
            segments.insert(id, columns.clone());
        }
        Ok(columns)
    }

    /// Forgets the segments a searcher no longer has (merged away or replaced).
    pub fn keep_only(&self, searcher: &Searcher) {
        let live: Vec<SegmentId> = searcher
            .segment_readers()
            .iter()
            .map(|r| r.segment_id())
            .collect();
        if let Ok(mut segments) = self.segments.lock() {
            segments.retain(|id, _| live.contains(id));
        }
    }
}

//! Typo and prefix matches of a word, kept per word and segment.
//!
//! A word that may have typos, or that matches as the start of longer words,
//! matches every term of a field within its edit distance. Finding them walks
//! the field's term dictionary with a Levenshtein automaton and gathers the
//! documents of every term found from its postings: most of a search's time
//! at 100,000 systems. What it finds depends only on the word and the
//! segment, not on the rest of the search, and words repeat across searches
//! far more than whole searches do, so the documents found are kept.
//!
//! A segment never changes once written (a deletion is filtered out by
//! tantivy when results are collected), so what is kept for it stays right
//! until the segment itself goes away in a merge or a rebuild.

use super::oldest_out::OldestOut;
use std::collections::HashSet;
use std::fmt;
use std::sync::{Arc, Mutex};
use tantivy::index::SegmentId;
use tantivy::query::{
    ConstScorer, EnableScoring, Explanation, FuzzyTermQuery, Query, Scorer, Weight,
};
use tantivy::schema::Field;
use tantivy::{DocId, DocSet, Score, Searcher, SegmentReader, TERMINATED, Term};

/// How many document ids the kept matches may hold in all (4 bytes each):
/// at 100,000 systems a common word's matches are a few hundred kilobytes.
const KEPT_DOCUMENTS: usize = 8_000_000;

/// The terms of `field` within `typos` edits of `word` (or of a start of
/// them, when `prefix`): tantivy's fuzzy query, with its documents kept.
#[derive(Clone)]
pub struct NearQuery {
    pub field: Field,
    pub word: String,
    pub typos: u8,
    pub prefix: bool,
    pub kept: Arc<KeptMatches>,
}

impl fmt::Debug for NearQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NearQuery")
            .field("field", &self.field)
            .field("word", &self.word)
            .field("typos", &self.typos)
            .field("prefix", &self.prefix)
            .finish()
    }
}

impl NearQuery {
    /// The documents of one segment that have a matching term, ascending.
    fn documents(&self, reader: &SegmentReader) -> tantivy::Result<Arc<[DocId]>> {
        let key = Key {
            segment: reader.segment_id(),
            field: self.field,
            word: self.word.clone(),
            typos: self.typos,
            prefix: self.prefix,
        };
        if let Some(documents) = self.kept.get(&key) {
            return Ok(documents);
        }
        let term = Term::from_field_text(self.field, &self.word);
        let fuzzy = if self.prefix {
            FuzzyTermQuery::new_prefix(term, self.typos, true)
        } else {
            FuzzyTermQuery::new(term, self.typos, true)
        };
        let schema = reader.schema();
        let mut scorer = fuzzy
            .weight(EnableScoring::disabled_from_schema(schema))?
            .scorer(reader, 1.0)?;
        let mut documents = Vec::new();
        let mut doc = scorer.doc();
        while doc != TERMINATED {
            documents.push(doc);
            doc = scorer.advance();
        }
        let documents: Arc<[DocId]> = documents.into();
        self.kept.put(key, documents.clone());
        Ok(documents)
    }
}

impl Query for NearQuery {
    fn weight(&self, _scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl Weight for NearQuery {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let documents = Documents::new(self.documents(reader)?);
        Ok(Box::new(ConstScorer::new(documents, boost)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut documents = Documents::new(self.documents(reader)?);
        if documents.seek(doc) == doc {
            Ok(Explanation::new("NearQuery", 1.0))
        } else {
            Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match {:?}",
                self.word
            )))
        }
    }
}

/// Kept documents, read in order.
struct Documents {
    ids: Arc<[DocId]>,
    at: usize,
}

impl Documents {
    fn new(ids: Arc<[DocId]>) -> Documents {
        Documents { ids, at: 0 }
    }
}

impl DocSet for Documents {
    fn advance(&mut self) -> DocId {
        self.at = (self.at + 1).min(self.ids.len());
        self.doc()
    }

    /// Targets only grow, and are often near: gallop ahead from where the
    /// last seek ended, then search the last stretch.
    fn seek(&mut self, target: DocId) -> DocId {
        let rest = &self.ids[self.at..];
        let mut step = 1;
        while step < rest.len() && rest[step] < target {
            step *= 2;
        }
        let stretch = step / 2..(step + 1).min(rest.len());
        self.at += stretch.start + rest[stretch].partition_point(|&doc| doc < target);
        self.doc()
    }

    fn doc(&self) -> DocId {
        self.ids.get(self.at).copied().unwrap_or(TERMINATED)
    }

    fn size_hint(&self) -> u32 {
        (self.ids.len() - self.at) as u32
    }
}

/// What a kept match is for.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Key {
    segment: SegmentId,
    field: Field,
    word: String,
    typos: u8,
    prefix: bool,
}

/// The documents of words' typo and prefix matches, per segment; the oldest
/// go first when [`KEPT_DOCUMENTS`] would be passed.
pub struct KeptMatches {
    inner: Mutex<OldestOut<Key, Arc<[DocId]>>>,
}

impl Default for KeptMatches {
    fn default() -> KeptMatches {
        KeptMatches {
            inner: Mutex::new(OldestOut::new(usize::MAX, KEPT_DOCUMENTS)),
        }
    }
}

impl KeptMatches {
    fn get(&self, key: &Key) -> Option<Arc<[DocId]>> {
        self.inner.lock().ok()?.get(key).cloned()
    }

    fn put(&self, key: Key, documents: Arc<[DocId]>) {
        if let Ok(mut kept) = self.inner.lock() {
            let weight = documents.len();
            kept.put(key, documents, weight);
        }
    }

    /// Forgets the matches of segments the searcher no longer has.
    pub fn keep_only(&self, searcher: &Searcher) {
        let live: HashSet<SegmentId> = searcher
            .segment_readers()
            .iter()
            .map(|reader| reader.segment_id())
            .collect();
        if let Ok(mut kept) = self.inner.lock() {
            kept.retain(|key| live.contains(&key.segment));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_documents_seek_and_advance_like_a_posting_list() {
        let mut documents = Documents::new(vec![2, 5, 9, 30].into());
        assert_eq!(documents.doc(), 2);
        assert_eq!(documents.seek(2), 2);
        assert_eq!(documents.seek(6), 9);
        assert_eq!(documents.advance(), 30);
        assert_eq!(documents.seek(31), TERMINATED);
        assert_eq!(documents.advance(), TERMINATED);
        assert_eq!(documents.size_hint(), 0);
        let many: Vec<DocId> = (0..1000).map(|n| n * 3).collect();
        let mut far = Documents::new(many.into());
        for target in [0u32, 1, 2, 3, 299, 300, 301, 1500, 2997] {
            let expected = target.div_ceil(3) * 3;
            assert_eq!(far.seek(target), expected, "seek({target})");
        }
        assert_eq!(far.seek(2998), TERMINATED);
        let mut none = Documents::new(Vec::new().into());
        assert_eq!(none.doc(), TERMINATED);
        assert_eq!(none.seek(4), TERMINATED);
    }
}

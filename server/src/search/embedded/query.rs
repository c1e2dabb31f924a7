//! Running a search on the embedded index: words to a tantivy query, then
//! facet counts, one page of results and their highlights.

use super::columns::ColumnCache;
use super::facets::{Found, Pass};
use super::near::{KeptMatches, NearQuery};
use super::schema::{Fields, analyzer};
use crate::search::SystemDocument;
use crate::search::words::{self, Matcher, Token, Word};
use app::search::{Facet, FacetCounts, Hit, SearchResults, Sort, SystemQuery};
use std::sync::Arc;
use tantivy::collector::TopDocs;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, TermQuery,
};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use tantivy::{DocAddress, Order, Searcher, TantivyDocument, Term};

/// Tokens a cropped excerpt keeps around the first match.
const CROP_TOKENS: usize = 24;

/// Runs `query` against one generation of the index.
pub fn run(
    searcher: &Searcher,
    fields: &Fields,
    columns: &ColumnCache,
    kept: &Arc<KeptMatches>,
    query: &SystemQuery,
) -> anyhow::Result<SearchResults> {
    let words = words::words(normalise(&query.q));
    let text = text_query(fields, kept, &words);

    let filters: Vec<(usize, Vec<String>)> = Facet::ALL
        .iter()
        .enumerate()
        .filter_map(|(slot, facet)| query.filters.get(facet).map(|v| (slot, v.clone())))
        .collect();
    // Alphabetical order needs the names, which one pass does not compare
    // across segments: that page comes from a second, filtered query.
    let by_name = query.sort == Sort::Name;
    let keep = (query.offset() + query.per_page) as usize;
    let pass = Pass {
        filters,
        keep: if by_name { 0 } else { keep },
        by_score: query.sort == Sort::Relevance && !words.is_empty(),
        by_completeness: query.sort == Sort::Completeness,
        columns,
    };
    let found: Found = searcher.search(&text, &pass)?;
    let addresses: Vec<DocAddress> = if by_name {
        if found.total > u64::from(query.offset()) {
            let filtered = with_filters(fields, text, query);
            let page = TopDocs::with_limit(query.per_page.max(1) as usize)
                .and_offset(query.offset() as usize)
                .order_by_string_fast_field("name_sort", Order::Asc);
            searcher
                .search(&filtered, &page)?
                .into_iter()
                .map(|(_, address)| address)
                .collect()
        } else {
            Vec::new()
        }
    } else {
        found
            .best
            .iter()
            .skip(query.offset() as usize)
            .map(|rank| rank.address)
            .collect()
    };
    let mut hits = Vec::with_capacity(addresses.len());
    let mut marker = Marker {
        analyzer: analyzer(),
        words: Matcher::new(&words),
    };
    for address in addresses {
        let stored: TantivyDocument = searcher.doc(address)?;
        let json = stored
            .get_first(fields.document)
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        let document: SystemDocument = serde_json::from_str(json)?;
        hits.push(hit(document, &mut marker));
    }

    let facets: FacetCounts = Facet::ALL.into_iter().zip(found.counts).collect();
    Ok(SearchResults {
        hits,
        total: found.total,
        facets,
        fewer_words: Vec::new(),
        instead_for: None,
    })
}

/// The normalised tokens of a text, as the index has them.
fn normalise(text: &str) -> Vec<String> {
    let mut analyzer = analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut tokens = Vec::new();
    while let Some(token) = stream.next() {
        tokens.push(token.text.clone());
    }
    tokens
}

/// Marks the words of a search in results' text, tokenising it as the index
/// does: one analyzer and one memory of matched tokens for a whole page.
struct Marker<'a> {
    analyzer: TextAnalyzer,
    words: Matcher<'a>,
}

impl Marker<'_> {
    /// The tokens of a text with their byte offsets and whether each matches.
    fn tokens(&mut self, text: &str) -> Vec<Token> {
        let mut stream = self.analyzer.token_stream(text);
        let mut tokens = Vec::new();
        while let Some(token) = stream.next() {
            tokens.push(Token {
                from: token.offset_from,
                to: token.offset_to,
                matched: self.words.matches(&token.text),
            });
        }
        tokens
    }
}

/// Every word must be found, exactly, with its typos, or (the last) as a
/// prefix, in some searched field. Without words, every system matches.
fn text_query(fields: &Fields, kept: &Arc<KeptMatches>, words: &[Word]) -> Box<dyn Query> {
    if words.is_empty() {
        return Box::new(AllQuery);
    }
    let clauses = words
        .iter()
        .map(|word| (Occur::Must, word_query(fields, kept, word)))
        .collect();
    Box::new(BooleanQuery::new(clauses))
}

/// The systems that have one word. `all` holds every searched field's text,
/// so its matches are the word's matches; the other fields only rank them:
/// matches in the name score most, then the summary, then the rest, and
/// exact matches score above typo and prefix ones, which score a constant
/// each (one in the name more, so a near match in a name beats one deep in
/// a description).
///
/// Each scoring clause gets a level of its own: tantivy merges the optional
/// clauses of one query into a buffered union, which scores every document
/// of a 4,096-document window around each match (most of a search's time
/// when a word is common). One per level, each is looked up only at the
/// documents that match.
fn word_query(fields: &Fields, kept: &Arc<KeptMatches>, word: &Word) -> Box<dyn Query> {
    let exact = |field, boost| -> Box<dyn Query> {
        let term = Term::from_field_text(field, &word.text);
        Box::new(BoostQuery::new(
            Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
            boost,
        ))
    };
    // A prefix match allows the word's typos too, which covers its typo
    // matches (a word is a prefix of itself).
    let near = |field, boost| -> Box<dyn Query> {
        let near = NearQuery {
            field,
            word: word.text.clone(),
            typos: word.typos,
            prefix: word.prefix,
            kept: kept.clone(),
        };
        Box::new(BoostQuery::new(Box::new(near), boost))
    };
    let tolerant = word.typos > 0 || word.prefix;
    let found = if tolerant {
        near(fields.all, 0.5)
    } else {
        exact(fields.all, 1.0)
    };
    let mut scores = vec![exact(fields.name, 3.0), exact(fields.summary, 2.0)];
    if tolerant {
        scores.push(exact(fields.all, 1.0));
        scores.push(near(fields.name, 1.5));
    }
    scores.into_iter().fold(found, |query, score| {
        Box::new(BooleanQuery::new(vec![
            (Occur::Must, query),
            (Occur::Should, score),
        ]))
    })
}

/// The text query narrowed by the query's filters (which add nothing to scores).
fn with_filters(fields: &Fields, text: Box<dyn Query>, query: &SystemQuery) -> Box<dyn Query> {
    if query.filters.is_empty() {
        return text;
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text)];
    for (facet, values) in &query.filters {
        let any: Vec<(Occur, Box<dyn Query>)> = values
            .iter()
            .map(|value| {
                let term = Term::from_field_text(fields.facet(*facet), value);
                let query: Box<dyn Query> =
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                (Occur::Should, query)
            })
            .collect();
        clauses.push((
            Occur::Must,
            Box::new(ConstScoreQuery::new(Box::new(BooleanQuery::new(any)), 0.0)),
        ));
    }
    Box::new(BooleanQuery::new(clauses))
}

/// A result with its highlights: name and summary when the words are found
/// there, and the first other field where they are, cropped.
fn hit(document: SystemDocument, marker: &mut Marker) -> Hit {
    let highlights = if marker.words.is_empty() {
        Vec::new()
    } else {
        words::highlights(|field, excerpt| {
            let text = document.text(field);
            words::mark(&text, &marker.tokens(&text), excerpt.then_some(CROP_TOKENS))
        })
    };
    Hit {
        system: document.summary,
        highlights,
    }
}

//! Search: finding systems by words, narrowing them by facets.
//!
//! The types here are what a search asks and answers, shared by the server
//! (which runs it on tantivy or Meilisearch) and the `/systems` page. The
//! engines live in the server crate behind the [`Search`] trait.

pub mod page;
pub mod query;

use crate::record::{AuditFilter, RiskLevel, Stage, SystemSummary, Technique, Topic};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use query::{QueryProblem, Sort, SystemQuery};

/// A property systems can be filtered and counted by.
///
/// Its name is the URL parameter, the JSON key of the facet counts and the
/// field name in the search index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Facet {
    Agency,
    Stage,
    RiskLevel,
    Topic,
    Technique,
    Audit,
    PersonalData,
    /// Whether the record fills every field expected of its kind of system.
    Completeness,
    /// The expected fields a record leaves empty (any number per system).
    Missing,
    /// Whether the record is past its review-by date.
    Review,
}

impl Facet {
    /// Every facet, in the order pages show them.
    pub const ALL: [Facet; 10] = [
        Facet::Agency,
        Facet::Stage,
        Facet::RiskLevel,
        Facet::Topic,
        Facet::Technique,
        Facet::Audit,
        Facet::PersonalData,
        Facet::Completeness,
        Facet::Missing,
        Facet::Review,
    ];

    /// The stable name in URLs, JSON and the index.
    pub fn name(self) -> &'static str {
        match self {
            Facet::Agency => "agency",
            Facet::Stage => "stage",
            Facet::RiskLevel => "risk_level",
            Facet::Topic => "topic",
            Facet::Technique => "technique",
            Facet::Audit => "audit",
            Facet::PersonalData => "personal_data",
            Facet::Completeness => "completeness",
            Facet::Missing => "missing",
            Facet::Review => "review",
        }
    }

    /// The facet with this stable name, if there is one.
    pub fn parse(name: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The heading a page shows over the facet's choices.
    pub fn label(self) -> crate::i18n::Text {
        match self {
            Facet::Agency => crate::i18n::t("facet-agency"),
            Facet::Stage => crate::i18n::t("facet-stage"),
            Facet::RiskLevel => crate::i18n::t("facet-risk_level"),
            Facet::Topic => crate::i18n::t("facet-topic"),
            Facet::Technique => crate::i18n::t("facet-technique"),
            Facet::Audit => crate::i18n::t("facet-audit"),
            Facet::PersonalData => crate::i18n::t("facet-personal_data"),
            Facet::Completeness => crate::i18n::t("facet-completeness"),
            Facet::Missing => crate::i18n::t("facet-missing"),
            Facet::Review => crate::i18n::t("facet-review"),
        }
    }

    /// The values of a closed facet with their labels, in the order pages list
    /// them; empty for agencies, whose values are the register's agencies.
    pub fn known_values(self) -> Vec<(&'static str, crate::i18n::Text)> {
        match self {
            Facet::Agency => Vec::new(),
            Facet::Stage => Stage::ALL.iter().map(|v| (v.as_str(), v.label())).collect(),
            Facet::RiskLevel => RiskLevel::ALL
                .iter()
                .map(|v| (v.as_str(), v.label()))
                .collect(),
            Facet::Topic => Topic::ALL.iter().map(|v| (v.as_str(), v.label())).collect(),
            Facet::Technique => Technique::ALL
                .iter()
                .map(|v| (v.as_str(), v.label()))
                .collect(),
            Facet::Audit => AuditFilter::all()
                .into_iter()
                .map(|v| (v.as_str(), v.label()))
                .collect(),
            Facet::PersonalData => vec![
                (PERSONAL_DATA_YES, crate::i18n::t("facet-personal-data-yes")),
                (PERSONAL_DATA_NO, crate::i18n::t("facet-personal-data-no")),
            ],
            Facet::Completeness => vec![
                (COMPLETE, crate::i18n::t("facet-completeness-complete")),
                (INCOMPLETE, crate::i18n::t("facet-completeness-incomplete")),
            ],
            Facet::Missing => crate::record::fields::FIELDS
                .iter()
                .filter(|field| field.expected != crate::record::Expected::No)
                .map(|field| (field.name, field.label()))
                .collect(),
            Facet::Review => vec![
                (REVIEW_OVERDUE, crate::i18n::t("facet-review-overdue")),
                (REVIEW_CURRENT, crate::i18n::t("facet-review-current")),
            ],
        }
    }

    /// Whether a system has exactly one value of this facet (all but
    /// technique and missing), so the counts of its values add up to the
    /// systems they describe.
    pub fn is_single_valued(self) -> bool {
        !matches!(self, Facet::Technique | Facet::Missing)
    }
}

/// The `completeness` facet value of a record that fills every expected field.
pub const COMPLETE: &str = "complete";
/// The `completeness` facet value of a record that leaves some empty.
pub const INCOMPLETE: &str = "incomplete";
/// The `review` facet value of a record past its review-by date.
pub const REVIEW_OVERDUE: &str = "overdue";
/// The `review` facet value of every other record.
pub const REVIEW_CURRENT: &str = "current";

/// The `personal_data` facet value of a system with a data set holding personal data.
pub const PERSONAL_DATA_YES: &str = "yes";
/// The `personal_data` facet value of every other system.
pub const PERSONAL_DATA_NO: &str = "no";

/// Chosen values per facet. Values of one facet are alternatives (any may
/// match); facets combine (all must match). Values are kept sorted, so equal
/// filters compare equal.
pub type Filters = BTreeMap<Facet, Vec<String>>;

/// Facet → value → number of systems, as Meilisearch's facet distribution has it.
///
/// The counts of a facet take the words and every *other* facet's filter into
/// account, so they say how many systems each further choice would show.
pub type FacetCounts = BTreeMap<Facet, BTreeMap<String, u64>>;

/// A piece of a highlighted text: matched words are `marked`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fragment {
    pub text: String,
    pub marked: bool,
}

/// A field's text, or an excerpt of it, with the searched words marked.
pub type Snippet = Vec<Fragment>;

/// A text field where the searched words were found, with an excerpt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Highlight {
    /// The public field name, e.g. `purpose`.
    pub field: String,
    pub snippet: Snippet,
}

/// One system found by a search.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub system: SystemSummary,
    /// Name and summary first when they match, then at most one other field.
    pub highlights: Vec<Highlight>,
}

impl Hit {
    /// The highlight of one field, if the words were found there.
    pub fn highlight(&self, field: &str) -> Option<&Snippet> {
        self.highlights
            .iter()
            .find(|h| h.field == field)
            .map(|h| &h.snippet)
    }
}

/// The register's agencies (slug and name, in name order): the agency facet's
/// labels. Shared, never copied: a register has hundreds.
pub type AgencyNames = std::sync::Arc<[(crate::record::AgencySlug, String)]>;

/// One page of search results, with the total and the facet counts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    pub hits: Vec<Hit>,
    /// Every system the words and filters match, on all pages.
    pub total: u64,
    pub facets: FacetCounts,
    /// When several words found nothing: the same search with one word left
    /// out, for those that find systems, most results first.
    pub fewer_words: Vec<Suggestion>,
    /// On the page, when all the words together found nothing: the words of
    /// the best of [`SearchResults::fewer_words`], whose systems these are.
    #[serde(default)]
    pub instead_for: Option<String>,
}

/// Other words to search for, and how many systems they find.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    pub q: String,
    pub total: u64,
}

/// Text fields that are searched, by their public names. Name and summary
/// weigh most; the order is the order in which other matches are shown.
/// `translations` holds the agency's translations of the record's texts, in
/// every language, so a reader finds a record by the words of their own.
pub const SEARCHED_FIELDS: [&str; 12] = [
    "name",
    "summary",
    "agency_ref",
    "purpose",
    "how_it_works",
    "agency_name",
    "unit",
    "topic",
    "tags",
    "data",
    "supplier",
    "translations",
];

/// Words left out of a search, on both engines: question words and the small
/// words of a sentence, so that `how is my tax return checked` searches for
/// `tax return checked`. Lower case, as the index normalises words. A search
/// of these words alone searches for them all the same.
pub const STOP_WORDS: &[&str] = &[
    "a", "about", "am", "an", "and", "are", "as", "at", "be", "by", "can", "could", "did", "do",
    "does", "for", "from", "has", "have", "how", "i", "if", "in", "is", "it", "its", "me", "my",
    "of", "on", "or", "our", "should", "that", "the", "their", "them", "there", "they", "this",
    "to", "was", "we", "what", "when", "where", "which", "who", "whom", "why", "will", "with",
    "would", "you", "your",
];

/// The words of a search worth searching for: without [`STOP_WORDS`],
/// unless nothing else is left.
pub fn searched_words<S: AsRef<str>>(words: Vec<S>) -> Vec<S> {
    let stop = |word: &S| {
        STOP_WORDS
            .iter()
            .any(|stop| stop.eq_ignore_ascii_case(word.as_ref()))
    };
    if words.iter().all(stop) {
        return words;
    }
    words.into_iter().filter(|word| !stop(word)).collect()
}

/// The longest search text accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 500;

/// What a search that could not run says, as the page receives it from its
/// server function: the text of `AppError::SearchUnavailable`.
pub const SEARCH_UNAVAILABLE: &str = "search unavailable";

/// Marks around matched words in the text of a snippet, as HTML: the text is
/// escaped, so the result is safe to place in a page as it is.
pub fn snippet_html(snippet: &Snippet) -> String {
    let length: usize = snippet.iter().map(|f| f.text.len() + 13).sum();
    let mut html = String::with_capacity(length);
    for fragment in snippet {
        if fragment.marked {
            html.push_str("<mark>");
        }
        crate::html::escape_into(&mut html, &fragment.text);
        if fragment.marked {
            html.push_str("</mark>");
        }
    }
    html
}

#[cfg(feature = "ssr")]
pub use server_side::*;

#[cfg(feature = "ssr")]
mod server_side {
    use super::*;
    use crate::error::AppError;
    use std::sync::Arc;

    /// Finds published systems: the search engine as the pages see it.
    #[async_trait::async_trait]
    pub trait Search: Send + Sync {
        /// One page of systems matching the query's words and filters, with
        /// the total and the facet counts.
        /// Results are shared: a search asked again answers from a cache.
        async fn search(&self, query: &SystemQuery) -> Result<Arc<SearchResults>, AppError>;
    }

    /// The handle pages and server functions find in their context.
    pub type SharedSearch = Arc<dyn Search>;

    /// The search engine of the current request.
    pub fn search() -> Result<SharedSearch, AppError> {
        leptos::prelude::use_context::<SharedSearch>()
            .ok_or_else(|| AppError::Internal("no search engine in the request context".into()))
    }

    /// The most words a search may have for leaving each out to be tried.
    const MOST_WORDS_TRIED: usize = 6;

    /// Runs a search; when its words together find nothing, also tries each
    /// with one word left out, so the page can offer what does find systems.
    pub async fn search_with_suggestions(
        engine: &dyn Search,
        query: &SystemQuery,
    ) -> Result<Arc<SearchResults>, AppError> {
        let mut results = engine.search(query).await?;
        let words = searched_words(query.q.split(' ').filter(|w| !w.is_empty()).collect());
        if results.total > 0 || !(2..=MOST_WORDS_TRIED).contains(&words.len()) {
            return Ok(results);
        }
        for left_out in 0..words.len() {
            let fewer: Vec<&str> = words
                .iter()
                .enumerate()
                .filter(|(at, _)| *at != left_out)
                .map(|(_, w)| *w)
                .collect();
            let mut attempt = query.with_words(&fewer.join(" "));
            attempt.per_page = 1;
            let total = engine.search(&attempt).await?.total;
            if total > 0 {
                Arc::make_mut(&mut results).fewer_words.push(Suggestion {
                    q: attempt.q,
                    total,
                });
            }
        }
        Arc::make_mut(&mut results)
            .fewer_words
            .sort_by(|a, b| b.total.cmp(&a.total).then(a.q.cmp(&b.q)));
        Ok(results)
    }

    /// [`search_with_suggestions`], and when all the words together find
    /// nothing, the systems of the best suggestion instead, saying so: a
    /// citizen's sentence finds its closest matches, not an empty page.
    pub async fn search_or_closest(
        engine: &dyn Search,
        query: &SystemQuery,
    ) -> Result<Arc<SearchResults>, AppError> {
        let results = search_with_suggestions(engine, query).await?;
        let Some(best) = results.fewer_words.first() else {
            return Ok(results);
        };
        let mut closest = engine.search(&query.with_words(&best.q)).await?;
        let shown = Arc::make_mut(&mut closest);
        shown.instead_for = Some(best.q.clone());
        shown.fewer_words = results.fewer_words.clone();
        Ok(closest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facet_names_round_trip() {
        for facet in Facet::ALL {
            assert_eq!(Facet::parse(facet.name()), Some(facet));
            let json = serde_json::to_string(&facet).unwrap();
            assert_eq!(json, format!("\"{}\"", facet.name()));
        }
    }

    #[test]
    fn snippets_escape_everything_but_their_marks() {
        let snippet = vec![
            Fragment {
                text: "<script>".into(),
                marked: false,
            },
            Fragment {
                text: "benefit & \"tax\"".into(),
                marked: true,
            },
        ];
        assert_eq!(
            snippet_html(&snippet),
            "&lt;script&gt;<mark>benefit &amp; &quot;tax&quot;</mark>"
        );
    }
}

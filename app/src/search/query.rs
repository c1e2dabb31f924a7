//! A search as it travels in a URL: the words, the facet filters, the order
//! and the page (`/systems?q=benefits&stage=in_use&stage=pilot&page=2`).

use super::{Facet, Filters, MAX_QUERY_CHARS};
use crate::i18n::{href, t, t_with};
use serde::{Deserialize, Serialize};

/// Systems shown on one page of results unless `per_page` says otherwise.
pub const PER_PAGE: u32 = 25;
/// The most results one page may hold (`per_page`).
pub const MAX_PER_PAGE: u32 = 100;
/// How deep paging may go: results beyond this many are never listed (narrow
/// the search instead, or take the whole register from the export).
pub const MAX_RESULT_WINDOW: u32 = 10_000;
/// The most filter values one query may carry.
const MAX_FILTER_VALUES: usize = 64;
/// The longest filter value accepted, in characters.
const MAX_VALUE_CHARS: usize = 100;

/// The order of results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sort {
    /// Best match first, then most recently updated; without words, simply
    /// most recently updated.
    #[default]
    Relevance,
    /// Most recently published version first.
    Updated,
    /// Alphabetical by name.
    Name,
    /// Least complete first (see `SystemContent::completeness`), then most
    /// recently updated.
    Completeness,
}

impl Sort {
    /// Every order, as the sort menu lists them.
    pub const ALL: [Sort; 4] = [
        Sort::Relevance,
        Sort::Updated,
        Sort::Name,
        Sort::Completeness,
    ];

    /// The stable name used in URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Updated => "updated",
            Sort::Name => "name",
            Sort::Completeness => "completeness",
        }
    }

    /// The label of the sort menu.
    pub fn label(self) -> crate::i18n::Text {
        match self {
            Sort::Relevance => t("sort-relevance"),
            Sort::Updated => t("sort-updated"),
            Sort::Name => t("sort-name"),
            Sort::Completeness => t("sort-completeness"),
        }
    }
}

/// What to find: words, filters that combine, an order and a page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SystemQuery {
    /// The words searched for, cleaned of control characters; empty lists everything.
    pub q: String,
    pub filters: Filters,
    pub sort: Sort,
    /// 1-based.
    pub page: u32,
    pub per_page: u32,
    /// Results to skip, when the API's cursor says where to go on from;
    /// pages go by `page` and leave this `None`.
    #[serde(default)]
    pub skip: Option<u32>,
}

impl Default for SystemQuery {
    fn default() -> Self {
        SystemQuery {
            q: String::new(),
            filters: Filters::new(),
            sort: Sort::Relevance,
            page: 1,
            per_page: PER_PAGE,
            skip: None,
        }
    }
}

/// A query parameter that could not be understood, with a message naming it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryProblem {
    pub field: String,
    pub message: String,
}

impl SystemQuery {
    /// Reads a query from decoded URL parameters, collecting a problem for each
    /// bad one. A facet may be given several times (`stage=pilot&stage=in_use`).
    ///
    /// Unknown parameters are ignored, empty ones mean "no filter", and a facet
    /// value that names nothing is kept: it simply matches no system.
    pub fn from_pairs<K: AsRef<str>, V: AsRef<str>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> (SystemQuery, Vec<QueryProblem>) {
        let mut problems = Vec::new();
        let mut query = SystemQuery::default();
        let mut values = 0;
        for (key, value) in pairs {
            let (key, value) = (key.as_ref(), value.as_ref().trim());
            if value.is_empty() {
                continue;
            }
            if Facet::parse(key).is_some() {
                values += 1;
            }
            if let Err(problem) = query.take(key, value) {
                problems.push(problem);
            }
        }
        if values > MAX_FILTER_VALUES {
            problems.push(problem(
                "filters",
                t_with(
                    "query-too-many-filters",
                    &[("count", values.into()), ("most", MAX_FILTER_VALUES.into())],
                ),
            ));
        }
        if u64::from(query.page) * u64::from(query.per_page) > u64::from(MAX_RESULT_WINDOW) {
            problems.push(problem(
                "page",
                t_with(
                    "query-page-beyond",
                    &[
                        ("page", query.page.into()),
                        ("most", MAX_RESULT_WINDOW.into()),
                    ],
                ),
            ));
        }
        for chosen in query.filters.values_mut() {
            chosen.sort();
            chosen.dedup();
        }
        (query, problems)
    }

    /// Takes one parameter into the query, or says what is wrong with it.
    /// Unknown parameters are ignored.
    fn take(&mut self, key: &str, value: &str) -> Result<(), QueryProblem> {
        match key {
            "q" => {
                self.q = clean_words(value);
                let length = self.q.chars().count();
                if length > MAX_QUERY_CHARS {
                    return Err(problem(
                        "q",
                        t_with(
                            "query-words-too-long",
                            &[("length", length.into()), ("most", MAX_QUERY_CHARS.into())],
                        ),
                    ));
                }
            }
            "sort" => match Sort::ALL.into_iter().find(|s| s.as_str() == value) {
                Some(sort) => self.sort = sort,
                None => {
                    return Err(problem(
                        "sort",
                        t_with("query-sort-unknown", &[("value", shorten(value).into())]),
                    ));
                }
            },
            "page" => match value.parse::<u32>() {
                Ok(n) if n >= 1 => self.page = n,
                _ => {
                    return Err(problem(
                        "page",
                        t_with(
                            "query-page-not-a-number",
                            &[("value", shorten(value).into())],
                        ),
                    ));
                }
            },
            "per_page" => match value.parse::<u32>() {
                Ok(n) if (1..=MAX_PER_PAGE).contains(&n) => self.per_page = n,
                _ => {
                    return Err(problem(
                        "per_page",
                        t_with(
                            "query-per-page-wrong",
                            &[
                                ("value", shorten(value).into()),
                                ("most", MAX_PER_PAGE.into()),
                            ],
                        ),
                    ));
                }
            },
            _ => {
                let Some(facet) = Facet::parse(key) else {
                    return Ok(());
                };
                if value.chars().count() > MAX_VALUE_CHARS {
                    return Err(problem(
                        key,
                        t_with(
                            "query-value-too-long",
                            &[
                                ("name", key.into()),
                                ("value", shorten(value).into()),
                                ("most", MAX_VALUE_CHARS.into()),
                            ],
                        ),
                    ));
                }
                self.filters
                    .entry(facet)
                    .or_default()
                    .push(value.to_string());
            }
        }
        Ok(())
    }

    /// Reads a query from a URL query string (`?q=tax%20fraud&stage=pilot`, `?` optional).
    pub fn from_query_string(search: &str) -> (SystemQuery, Vec<QueryProblem>) {
        SystemQuery::from_pairs(form_urlencoded::parse(
            search.trim_start_matches('?').as_bytes(),
        ))
    }

    /// The words and filters as URL parameters: what is searched for,
    /// without its order or page.
    fn searched_params(&self) -> form_urlencoded::Serializer<'static, String> {
        let mut params = form_urlencoded::Serializer::new(String::new());
        if !self.q.is_empty() {
            params.append_pair("q", &self.q);
        }
        for (facet, values) in &self.filters {
            for value in values {
                params.append_pair(facet.name(), value);
            }
        }
        params
    }

    /// The words and filters as an encoded URL query string, without the
    /// order or page: what a search feed or a followed search keeps.
    pub fn searched(&self) -> String {
        self.searched_params().finish()
    }

    /// What is searched for, briefly, in the stable names of the filters:
    /// `benefit fraud; risk_level: high; stage: pilot, in_use`.
    pub fn in_words(&self) -> String {
        let mut parts = Vec::new();
        if !self.q.is_empty() {
            parts.push(self.q.clone());
        }
        for (facet, values) in &self.filters {
            parts.push(format!("{}: {}", facet.name(), values.join(", ")));
        }
        parts.join("; ")
    }

    /// The query as an encoded URL query string, leaving out defaults.
    pub fn to_params(&self) -> String {
        let mut params = self.searched_params();
        if self.sort != Sort::Relevance {
            params.append_pair("sort", self.sort.as_str());
        }
        if self.page > 1 {
            params.append_pair("page", &self.page.to_string());
        }
        if self.per_page != PER_PAGE {
            params.append_pair("per_page", &self.per_page.to_string());
        }
        if let Some(skip) = self.skip {
            params.append_pair("skip", &skip.to_string());
        }
        params.finish()
    }

    /// Every system of this search (all pages) as open data:
    /// `/api/v1/export.csv?q=…&topic=…` for `csv`.
    pub fn export_url(&self, extension: &str) -> String {
        let params = self.searched_params().finish();
        let separator = if params.is_empty() { "" } else { "?" };
        format!("/api/v1/export.{extension}{separator}{params}")
    }

    /// The Atom feed of the changes of this search's systems:
    /// `/feeds/changes.atom?q=…&topic=…`.
    pub fn feed_url(&self) -> String {
        let params = self.searched();
        let separator = if params.is_empty() { "" } else { "?" };
        format!("/feeds/changes.atom{separator}{params}")
    }

    /// The page to follow this search by email: `/follow?search=…`, in
    /// the page's language.
    pub fn follow_url(&self) -> String {
        let mut params = form_urlencoded::Serializer::new(String::new());
        params.append_pair("search", &self.searched());
        href(format!("/follow?{}", params.finish()))
    }

    /// The `/systems` URL of this query, in the page's language.
    pub fn url(&self) -> String {
        let params = self.to_params();
        if params.is_empty() {
            href("/systems")
        } else {
            href(format!("/systems?{params}"))
        }
    }

    /// Whether `value` of `facet` is chosen.
    pub fn has(&self, facet: Facet, value: &str) -> bool {
        self.filters
            .get(&facet)
            .is_some_and(|values| values.iter().any(|v| v == value))
    }

    /// The same query with `value` of `facet` chosen or unchosen, back on page one.
    pub fn toggled(&self, facet: Facet, value: &str) -> SystemQuery {
        let mut next = self.with_page(1);
        let values = next.filters.entry(facet).or_default();
        if let Some(at) = values.iter().position(|v| v == value) {
            values.remove(at);
        } else {
            values.push(value.to_string());
            values.sort();
        }
        if values.is_empty() {
            next.filters.remove(&facet);
        }
        next
    }

    /// The same query without any filter on `facet`, back on page one.
    pub fn without(&self, facet: Facet) -> SystemQuery {
        let mut next = self.with_page(1);
        next.filters.remove(&facet);
        next
    }

    /// The same query with other words, back on page one.
    pub fn with_words(&self, q: &str) -> SystemQuery {
        SystemQuery {
            q: clean_words(q),
            ..self.with_page(1)
        }
    }

    /// The same query in another order, back on page one.
    pub fn with_sort(&self, sort: Sort) -> SystemQuery {
        SystemQuery {
            sort,
            ..self.with_page(1)
        }
    }

    /// The same query on another page.
    pub fn with_page(&self, page: u32) -> SystemQuery {
        SystemQuery {
            page,
            ..self.clone()
        }
    }

    /// Results to skip before this page.
    pub fn offset(&self) -> u32 {
        self.skip
            .unwrap_or_else(|| (self.page.max(1) - 1).saturating_mul(self.per_page))
    }

    /// The last page that may be shown for `total` results.
    pub fn last_page(&self, total: u64) -> u32 {
        let shown = total.min(u64::from(MAX_RESULT_WINDOW));
        let per_page = u64::from(self.per_page.max(1));
        u32::try_from(shown.div_ceil(per_page)).unwrap_or(u32::MAX)
    }
}

/// Search words as the engines get them: control characters become spaces and
/// runs of white space one space. Everything else (quotes, brackets, `AND`,
/// `*`, emoji, right-to-left text) is kept and searched as words.
pub fn clean_words(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn problem(field: &str, message: impl Into<String>) -> QueryProblem {
    QueryProblem {
        field: field.to_string(),
        message: message.into(),
    }
}

/// Cuts an echoed value so a long parameter cannot flood the page.
/// A value quoted in a message, cut to 40 characters.
pub fn shorten(text: &str) -> String {
    let mut short: String = text.chars().take(40).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> (SystemQuery, Vec<QueryProblem>) {
        SystemQuery::from_pairs(pairs.iter().copied())
    }

    #[test]
    fn words_and_filters_round_trip_through_the_url() {
        let (query, problems) = parse(&[
            ("q", "  facial   recognition "),
            ("agency", "dhs"),
            ("stage", "pilot"),
            ("stage", "in_use"),
            ("risk_level", "high"),
            ("audit", "none"),
            ("sort", "name"),
            ("page", "3"),
        ]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(query.q, "facial recognition");
        assert_eq!(query.filters[&Facet::Stage], ["in_use", "pilot"]);
        assert_eq!(query.offset(), 50);
        let url = query.url();
        assert_eq!(
            url,
            "/systems?q=facial+recognition&agency=dhs&stage=in_use&stage=pilot&risk_level=high&audit=none&sort=name&page=3"
        );
        let (again, _) = SystemQuery::from_query_string(url.trim_start_matches("/systems"));
        assert_eq!(again, query);
    }

    #[test]
    fn bad_parameters_are_named_not_fatal() {
        let (query, problems) = parse(&[("page", "-1"), ("sort", ";drop"), ("per_page", "1000")]);
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["page", "sort", "per_page"]);
        assert!(problems[1].message.contains(";drop"));
        assert_eq!(query.page, 1);
    }

    #[test]
    fn unknown_facet_values_are_kept_to_match_nothing() {
        let (query, problems) = parse(&[("risk_level", "banana"), ("agency", "DROP TABLE")]);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(query.has(Facet::RiskLevel, "banana"));
        assert!(query.has(Facet::Agency, "DROP TABLE"));
    }

    #[test]
    fn overlong_words_and_deep_pages_are_refused() {
        let long = "a".repeat(MAX_QUERY_CHARS + 1);
        let (_, problems) = parse(&[("q", long.as_str())]);
        assert_eq!(problems[0].field, "q");
        assert!(problems[0].message.contains("501"), "{problems:?}");
        let (_, problems) = parse(&[("page", "401")]);
        assert_eq!(problems[0].field, "page");
        let (_, problems) = parse(&[("page", "400")]);
        assert!(problems.is_empty());
    }

    #[test]
    fn query_syntax_and_control_characters_are_only_words() {
        let (query, problems) = parse(&[("q", "\"tax\" AND (fraud*)\u{0}\u{7}:ميزان 🤖")]);
        assert!(problems.is_empty());
        assert_eq!(query.q, "\"tax\" AND (fraud*) :ميزان 🤖");
    }

    #[test]
    fn toggling_a_value_keeps_the_others_and_goes_back_to_page_one() {
        let (query, _) = SystemQuery::from_query_string("?stage=pilot&topic=health&page=4");
        let more = query.toggled(Facet::Stage, "in_use");
        assert_eq!(more.url(), "/systems?stage=in_use&stage=pilot&topic=health");
        let fewer = more
            .toggled(Facet::Stage, "in_use")
            .toggled(Facet::Stage, "pilot");
        assert_eq!(fewer.url(), "/systems?topic=health");
        assert_eq!(fewer.without(Facet::Topic).url(), "/systems");
    }

    #[test]
    fn empty_parameters_mean_no_filter() {
        let (query, problems) = parse(&[("stage", ""), ("page", ""), ("q", "   ")]);
        assert!(problems.is_empty());
        assert_eq!(query, SystemQuery::default());
        assert_eq!(query.url(), "/systems");
    }

    #[test]
    fn the_last_page_stops_at_the_result_window() {
        let query = SystemQuery::default();
        assert_eq!(query.last_page(0), 0);
        assert_eq!(query.last_page(26), 2);
        assert_eq!(query.last_page(100_000), MAX_RESULT_WINDOW / PER_PAGE);
    }
}

//! The filters, sort and page of a list of systems, as they travel in a URL.

use crate::record::{AgencySlug, AuditFilter, RiskLevel, Stage, Technique, Topic};
use serde::{Deserialize, Serialize};

/// Systems shown on one page of a list.
pub const PER_PAGE: u32 = 25;

/// The order of a list of systems.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sort {
    /// Most recently published version first.
    #[default]
    Updated,
    /// Alphabetical by name.
    Name,
}

impl Sort {
    /// The stable name used in URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Updated => "updated",
            Sort::Name => "name",
        }
    }
}

/// Which systems to list: filters that combine, a sort and a page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SystemQuery {
    pub agency: Option<AgencySlug>,
    pub stage: Option<Stage>,
    pub risk_level: Option<RiskLevel>,
    pub topic: Option<Topic>,
    pub technique: Option<Technique>,
    pub audit: Option<AuditFilter>,
    pub sort: Sort,
    /// 1-based.
    pub page: u32,
}

/// A query parameter that could not be understood, with a message naming it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryProblem {
    pub field: String,
    pub message: String,
}

impl SystemQuery {
    /// Reads a query from URL parameters, collecting a problem for each bad one.
    ///
    /// Unknown parameters are ignored; empty ones mean "no filter".
    pub fn from_params<'a>(
        get: impl Fn(&str) -> Option<&'a str>,
    ) -> (SystemQuery, Vec<QueryProblem>) {
        let mut problems = Vec::new();
        let mut query = SystemQuery {
            page: 1,
            ..SystemQuery::default()
        };
        let value = |key: &str| get(key).map(str::trim).filter(|v| !v.is_empty());

        if let Some(agency) = value("agency") {
            if is_slug(agency) {
                query.agency = Some(AgencySlug(agency.to_string()));
            } else {
                problems.push(problem("agency", format!("agency “{}” is not an agency slug (lower-case letters, digits and hyphens)", shorten(agency))));
            }
        }
        query.stage = parse_enum(
            value("stage"),
            "stage",
            Stage::parse,
            Stage::names,
            &mut problems,
        );
        query.risk_level = parse_enum(
            value("risk_level"),
            "risk_level",
            RiskLevel::parse,
            RiskLevel::names,
            &mut problems,
        );
        query.topic = parse_enum(
            value("topic"),
            "topic",
            Topic::parse,
            Topic::names,
            &mut problems,
        );
        query.technique = parse_enum(
            value("technique"),
            "technique",
            Technique::parse,
            Technique::names,
            &mut problems,
        );
        query.audit = parse_enum(
            value("audit"),
            "audit",
            AuditFilter::parse,
            AuditFilter::names,
            &mut problems,
        );
        match value("sort") {
            None | Some("updated") => {}
            Some("name") => query.sort = Sort::Name,
            Some(other) => problems.push(problem(
                "sort",
                format!("sort “{}” is not one of: updated, name", shorten(other)),
            )),
        }
        if let Some(page) = value("page") {
            match page.parse::<u32>() {
                Ok(n) if n >= 1 => query.page = n,
                _ => problems.push(problem(
                    "page",
                    format!(
                        "page “{}” is not a page number (a whole number from 1)",
                        shorten(page)
                    ),
                )),
            }
        }
        (query, problems)
    }

    /// Reads a query from a URL query string (`?stage=pilot&page=2` or without `?`).
    ///
    /// Every value Lantern writes is a slug or a stable name, so values are taken
    /// as they stand; anything percent-encoded is simply not a valid value.
    pub fn from_query_string(search: &str) -> (SystemQuery, Vec<QueryProblem>) {
        let pairs: Vec<(&str, &str)> = search
            .trim_start_matches('?')
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .collect();
        SystemQuery::from_params(|key| pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| *v))
    }

    /// The same query with one parameter changed (an empty value removes it),
    /// back on the first page.
    pub fn with_param(&self, name: &str, value: &str) -> SystemQuery {
        let mut pairs: Vec<(&str, String)> = self
            .pairs()
            .into_iter()
            .filter(|(k, _)| *k != name && *k != "page")
            .collect();
        if !value.is_empty() {
            pairs.push((name, value.to_string()));
        }
        let (query, _) = SystemQuery::from_params(|key| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.as_str())
        });
        query
    }

    /// The query as URL parameters (`stage=pilot&page=2`), leaving out defaults.
    pub fn to_params(&self) -> String {
        // Every value is a slug or a stable name, so nothing needs escaping.
        self.pairs()
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    }

    fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs: Vec<(&'static str, String)> = Vec::new();
        if let Some(agency) = &self.agency {
            pairs.push(("agency", agency.0.clone()));
        }
        if let Some(stage) = self.stage {
            pairs.push(("stage", stage.as_str().into()));
        }
        if let Some(risk) = self.risk_level {
            pairs.push(("risk_level", risk.as_str().into()));
        }
        if let Some(topic) = self.topic {
            pairs.push(("topic", topic.as_str().into()));
        }
        if let Some(technique) = self.technique {
            pairs.push(("technique", technique.as_str().into()));
        }
        if let Some(audit) = self.audit {
            pairs.push(("audit", audit.as_str().into()));
        }
        if self.sort != Sort::Updated {
            pairs.push(("sort", self.sort.as_str().into()));
        }
        if self.page > 1 {
            pairs.push(("page", self.page.to_string()));
        }
        pairs
    }

    /// The `/systems` URL of this query.
    pub fn url(&self) -> String {
        let params = self.to_params();
        if params.is_empty() {
            "/systems".to_string()
        } else {
            format!("/systems?{params}")
        }
    }

    /// The same query on another page.
    pub fn with_page(&self, page: u32) -> SystemQuery {
        SystemQuery {
            page,
            ..self.clone()
        }
    }

    /// Rows to skip before this page.
    pub fn offset(&self) -> i64 {
        i64::from(self.page.max(1) - 1) * i64::from(PER_PAGE)
    }
}

/// Whether `text` is an agency slug: lower-case ASCII letters, digits and hyphens.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 64
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn parse_enum<T>(
    raw: Option<&str>,
    field: &str,
    parse: impl Fn(&str) -> Option<T>,
    names: impl Fn() -> String,
    problems: &mut Vec<QueryProblem>,
) -> Option<T> {
    let raw = raw?;
    let parsed = parse(raw);
    if parsed.is_none() {
        problems.push(problem(
            field,
            format!("{field} “{}” is not one of: {}", shorten(raw), names()),
        ));
    }
    parsed
}

fn problem(field: &str, message: String) -> QueryProblem {
    QueryProblem {
        field: field.to_string(),
        message,
    }
}

/// Cuts an echoed value so a long parameter cannot flood the page.
fn shorten(text: &str) -> String {
    let mut short: String = text.chars().take(40).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(pairs: &[(&str, &str)]) -> (SystemQuery, Vec<QueryProblem>) {
        let map: HashMap<&str, &str> = pairs.iter().copied().collect();
        SystemQuery::from_params(|k| map.get(k).copied())
    }

    #[test]
    fn filters_combine_and_round_trip_through_the_url() {
        let (query, problems) = parse(&[
            ("agency", "dhs"),
            ("stage", "pilot"),
            ("risk_level", "high"),
            ("audit", "none"),
            ("sort", "name"),
            ("page", "3"),
        ]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(query.stage, Some(Stage::Pilot));
        assert_eq!(query.audit, Some(AuditFilter::Never));
        assert_eq!(query.offset(), 50);
        assert_eq!(
            query.url(),
            "/systems?agency=dhs&stage=pilot&risk_level=high&audit=none&sort=name&page=3"
        );
    }

    #[test]
    fn bad_parameters_are_named_not_fatal() {
        let (query, problems) = parse(&[
            ("risk_level", "banana"),
            ("page", "-1"),
            ("sort", ";drop"),
            ("agency", "DROP TABLE"),
        ]);
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["agency", "risk_level", "sort", "page"]);
        assert!(problems[1].message.contains("banana"));
        assert!(problems[1].message.contains("minimal"));
        assert_eq!(query.page, 1);
        assert_eq!(query.risk_level, None);
    }

    #[test]
    fn changing_a_filter_keeps_the_others_and_goes_back_to_page_one() {
        let (query, _) = SystemQuery::from_query_string("?stage=pilot&topic=health&page=4");
        let changed = query.with_param("stage", "in_use");
        assert_eq!(changed.url(), "/systems?stage=in_use&topic=health");
        let cleared = changed.with_param("topic", "");
        assert_eq!(cleared.url(), "/systems?stage=in_use");
    }

    #[test]
    fn empty_parameters_mean_no_filter() {
        let (query, problems) = parse(&[("stage", ""), ("page", "")]);
        assert!(problems.is_empty());
        assert_eq!(
            query,
            SystemQuery {
                page: 1,
                ..SystemQuery::default()
            }
        );
        assert_eq!(query.url(), "/systems");
    }
}

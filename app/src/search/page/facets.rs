//! The filters: a fieldset of checkboxes per facet, and the chosen filters
//! as links above the results.

use crate::html::escaped;
use crate::i18n::t;
use crate::record::AgencySlug;
use crate::search::query::SystemQuery;
use crate::search::{Facet, SearchResults};
use leptos::prelude::*;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write;

/// The chosen filters as links that remove each, above the results.
pub(super) fn chosen_filters(
    query: &SystemQuery,
    agencies: &[(AgencySlug, String)],
) -> Option<AnyView> {
    if query.filters.is_empty() {
        return None;
    }
    let links = query
        .filters
        .iter()
        .flat_map(|(facet, values)| values.iter().map(move |value| (*facet, value)))
        .map(|(facet, value)| {
            let label = value_label(facet, value, agencies).unwrap_or_else(|| value.clone());
            view! {
                <li>
                    <a class="chosen-filter" href=query.toggled(facet, value).url()>
                        <span class="visually-hidden">{t("facet-remove")}" "</span>
                        {format!("{}: {label}", facet.label())}
                        <span aria-hidden="true">" ×"</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    Some(
        view! {
            <nav class="chosen-filters" aria-label=t("facet-chosen")>
                <ul>{links}</ul>
            </nav>
        }
        .into_any(),
    )
}

/// The label of a facet value: the agency's name, or the closed value's label.
pub(super) fn value_label(
    facet: Facet,
    value: &str,
    agencies: &[(AgencySlug, String)],
) -> Option<String> {
    match facet {
        Facet::Agency => agencies
            .iter()
            .find(|(slug, _)| slug.0 == value)
            .map(|(_, name)| name.clone()),
        _ => facet
            .known_values()
            .into_iter()
            .find(|(v, _)| *v == value)
            .map(|(_, label)| label.to_string()),
    }
}

/// How many agencies the agency facet shows as checkboxes (those with the
/// most systems, and any chosen); the others are in a list.
const AGENCIES_AS_BOXES: usize = 10;

/// One facet: a fieldset of checkboxes, each with the number of systems it
/// would show. Values without systems are left out unless chosen.
pub(super) fn facet_choices(
    facet: Facet,
    query: &SystemQuery,
    results: &SearchResults,
    agencies: &[(AgencySlug, String)],
) -> impl IntoView + use<> {
    let no_counts = BTreeMap::new();
    let counts = results.facets.get(&facet).unwrap_or(&no_counts);
    let chosen: &[String] = query.filters.get(&facet).map_or(&[], |v| v.as_slice());
    let mut values = counted_values(facet, counts, chosen, agencies);
    // Chosen values without systems still show, to be unticked.
    let labels: Vec<(&str, String)> = chosen
        .iter()
        .filter(|value| !values.iter().any(|(v, _, _)| v == value))
        .map(|value| {
            let label = value_label(facet, value, agencies).unwrap_or_else(|| value.clone());
            (value.as_str(), label)
        })
        .collect();
    for (value, label) in &labels {
        values.push((value, Cow::Borrowed(label.as_str()), 0));
    }
    // Agencies beyond the first few go in a list to choose from: a register
    // has hundreds, too many to tick through (and to send with every page).
    let listed = if facet == Facet::Agency {
        let first = values.len().min(AGENCIES_AS_BOXES);
        let (boxes, rest): (Vec<_>, Vec<_>) = values
            .into_iter()
            .enumerate()
            .partition(|(at, (value, _, _))| *at < first || query.has(facet, value));
        values = boxes.into_iter().map(|(_, v)| v).collect();
        rest.into_iter().map(|(_, v)| v).collect::<Vec<_>>()
    } else {
        Vec::new()
    };
    let items = checkboxes(facet, query, &values);
    let more = (!listed.is_empty()).then(|| {
        let options = agency_list(&listed);
        view! {
            <div class="filter facet-more">
                <label for="facet-agency-more">{t("facet-another-agency")}</label>
                <select id="facet-agency-more" name=facet.name() form="search-form" inner_html=options></select>
            </div>
        }
    });
    view! {
        <fieldset class="facet">
            <legend>{facet.label()}</legend>
            <ul inner_html=items></ul>
            {more}
        </fieldset>
    }
}

/// A facet's values with systems, as (value, label, count), borrowed: this
/// runs for every facet of every page. Agencies come with the most systems
/// first; other facets in their own order, with chosen values kept.
fn counted_values<'a>(
    facet: Facet,
    counts: &'a BTreeMap<String, u64>,
    chosen: &[String],
    agencies: &'a [(AgencySlug, String)],
) -> Vec<(&'a str, Cow<'a, str>, u64)> {
    let mut values: Vec<(&str, Cow<str>, u64)> = Vec::new();
    if facet != Facet::Agency {
        for (value, label) in facet.known_values() {
            let count = counts.get(value).copied().unwrap_or(0);
            if count > 0 || chosen.iter().any(|c| c == value) {
                values.push((value, label, count));
            }
        }
        return values;
    }
    // A register has hundreds of agencies: one pass over the names, each
    // count looked up by slug.
    for (slug, name) in agencies {
        if let Some(count) = counts.get(&slug.0).filter(|c| **c > 0) {
            values.push((&slug.0, Cow::Borrowed(name), *count));
        }
    }
    if values.len() < counts.len() {
        // An agency too new for the names read a moment ago: its slug will do.
        for (slug, count) in counts {
            if !values.iter().any(|(v, _, _)| v == slug) {
                values.push((slug, Cow::Borrowed(slug), *count));
            }
        }
    }
    values.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
    values
}

/// The checkboxes of a facet as one string of HTML rather than a view per
/// box: every search page shows dozens. Values and labels are escaped.
fn checkboxes(facet: Facet, query: &SystemQuery, values: &[(&str, Cow<str>, u64)]) -> String {
    let mut items = String::with_capacity(values.len() * 200);
    // Ids by value, not by place: after a choice the boxes may reorder, and
    // the island gives the focus back to the box of the same value.
    for (value, label, count) in values {
        let checked = if query.has(facet, value) {
            " checked"
        } else {
            ""
        };
        let _ = write!(
            items,
            r#"<li><input type="checkbox" id="facet-{name}-{value}" name="{name}" value="{value}" form="search-form"{checked}><label for="facet-{name}-{value}">{label} <span class="count">({count})</span></label></li>"#,
            name = facet.name(),
            value = escaped(value),
            label = escaped(label),
        );
    }
    items
}

/// The options of the "Another agency" list, escaped, as HTML.
fn agency_list(listed: &[(&str, Cow<str>, u64)]) -> String {
    let mut options = String::with_capacity(listed.len() * 80);
    let _ = write!(
        options,
        r#"<option value="">{}</option>"#,
        escaped(&t("facet-choose-agency"))
    );
    for (value, label, count) in listed {
        let _ = write!(
            options,
            r#"<option value="{}">{} ({count})</option>"#,
            escaped(value),
            escaped(label)
        );
    }
    options
}

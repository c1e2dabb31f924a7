//! A list of systems, as the home and agency pages show them.

use crate::html::escaped;
use crate::i18n::{href, language, register_language, t};
use crate::record::{SystemSummary, date_of, date_words};
use leptos::prelude::*;

/// A list of systems, each with its name, owner, stage, risk and audit status.
///
/// Names are third-level headings: every list sits under a second-level one.
#[component]
pub fn SystemRows(systems: Vec<SystemSummary>) -> impl IntoView {
    let (reader, default) = (language().code(), register_language().code());
    view! {
        <ol class="system-list">
            {systems
                .into_iter()
                .map(|system| {
                    // In the reader's language where the agency translated it.
                    let (system, shown) = system.for_reader(reader, default);
                    view! {
                        <li class="system-item">
                            <h3 class="system-name" lang=shown.lang_of("name")>
                                <a href=href(format!("/systems/{}", system.id))>{system.name.clone()}</a>
                            </h3>
                            <p class="system-owner">
                                <a href=href(format!("/agencies/{}", system.agency))>{system.agency_name.clone()}</a>
                            </p>
                            <p class="system-summary" lang=shown.lang_of("summary")>{system.summary.clone()}</p>
                            {key_facts(&system)}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

/// A system's stage, risk level, topic, audit status and last update, as
/// tags, and a tag saying its review is overdue when it is.
///
/// One string of HTML rather than a view per tag, from a borrowed system:
/// search pages show 25 of these. Every value is escaped, the catalogue's
/// labels too.
pub fn key_facts(system: &SystemSummary) -> impl IntoView + use<> {
    let audit = system
        .audit
        .map_or(t("audit_outcome-none"), |outcome| outcome.label());
    let mut tags = format!(
        r#"<li class="tag stage-{}">{}</li><li class="tag risk-{}">{}</li><li class="tag">{}</li><li class="tag">{}</li><li class="tag updated">{} <time datetime="{}">{}</time></li>"#,
        system.stage,
        escaped(&system.stage.label()),
        system.risk_level,
        escaped(&system.risk_level.label()),
        escaped(&system.topic.label()),
        escaped(&audit),
        escaped(&t("list-updated")),
        escaped(date_of(&system.published_at)),
        escaped(&date_words(&system.published_at)),
    );
    if system.review_overdue {
        tags.push_str(r#"<li class="tag review-overdue">"#);
        tags.push_str(&escaped(&t("facet-review-overdue")));
        tags.push_str("</li>");
    }
    view! { <ul class="tags" aria-label=t("list-key-facts") inner_html=tags></ul> }
}

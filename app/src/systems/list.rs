//! A list of systems, as the home and agency pages show them.

use crate::record::{SystemSummary, date_of};
use leptos::prelude::*;

/// A list of systems, each with its name, owner, stage, risk and audit status.
///
/// Names are third-level headings: every list sits under a second-level one.
#[component]
pub fn SystemRows(systems: Vec<SystemSummary>) -> impl IntoView {
    view! {
        <ol class="system-list">
            {systems
                .into_iter()
                .map(|system| {
                    view! {
                        <li class="system-item">
                            <h3 class="system-name">
                                <a href=format!("/systems/{}", system.id)>{system.name.clone()}</a>
                            </h3>
                            <p class="system-owner">
                                <a href=format!("/agencies/{}", system.agency)>{system.agency_name.clone()}</a>
                            </p>
                            <p class="system-summary">{system.summary.clone()}</p>
                            <KeyFacts system=system.clone()/>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

/// A system's stage, risk level, topic, audit status and last update, as tags.
#[component]
pub fn KeyFacts(system: SystemSummary) -> impl IntoView {
    let audit = system
        .audit
        .map_or("Never audited", |outcome| outcome.label());
    view! {
        <ul class="tags" aria-label="Key facts">
            <li class=format!("tag stage-{}", system.stage)>{system.stage.label()}</li>
            <li class=format!("tag risk-{}", system.risk_level)>{system.risk_level.label()}</li>
            <li class="tag">{system.topic.label()}</li>
            <li class="tag">{audit}</li>
            <li class="tag updated">"Updated "{date_of(&system.published_at).to_string()}</li>
        </ul>
    }
}

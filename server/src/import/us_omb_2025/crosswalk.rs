//! The 2025 inventory's values as the register's closed sets: its stages,
//! topic areas, classifications and high-impact answers (the crosswalk
//! tables of `docs/import-us-omb-2025.md`).

use super::Row;
use super::text::{one_line, shorten};
use crate::publishing::check;
use app::i18n::{Language, t_with_in};
use app::record::{RiskLevel, Stage, Technique, Topic};

/// The stage, or why the reported one is none of the format's (in `language`).
pub(super) fn stage(row: &Row, language: Language) -> Result<Stage, String> {
    match row.get("development_stage").to_ascii_lowercase().as_str() {
        "deployed" => Ok(Stage::InUse),
        "pilot" => Ok(Stage::Pilot),
        "pre-deployment" => Ok(Stage::Development),
        "retired" => Ok(Stage::Retired),
        // Not reported: tagged "stage not reported" by the caller.
        "" => Ok(Stage::Development),
        _ => {
            let args = [("value", row.get("development_stage").into())];
            Err(t_with_in(language, "import-row-stage", &args).into_owned())
        }
    }
}

/// The topic, and the reported topic area as a tag when it says more.
pub(super) fn topic(area: &str) -> (Topic, Option<String>) {
    let topic = match area {
        "Science" | "Other - Applied Mathematical Sciences" => Topic::Science,
        "Admin Functions"
        | "Administrative functions"
        | "IT"
        | "Procurement and Finance Mgmt"
        | "Cybersecurity"
        | "HR" => Topic::Administration,
        "Law Enforcement" => Topic::LawEnforcement,
        "Health and Medical" => Topic::Health,
        "Service Delivery" => Topic::ServiceDelivery,
        "Energy and Environment" => Topic::Environment,
        "Transportation" => Topic::Transport,
        "Benefits Processing" => Topic::Benefits,
        _ => Topic::Other,
    };
    let tag = if area.is_empty() {
        Some("topic not reported".to_string())
    } else {
        Some(shorten(&one_line(area), check::max_chars("tags")))
    };
    (topic, tag)
}

/// The techniques, and a tag when the classification is finer than ours.
pub(super) fn technique(classification: &str) -> (Vec<Technique>, Option<String>) {
    match classification {
        "" => (Vec::new(), None),
        "Classical ML" => (vec![Technique::ClassicalMl], None),
        "Generative AI" => (vec![Technique::GenerativeAi], None),
        "NLP" => (vec![Technique::Nlp], None),
        "Computer Vision" => (vec![Technique::ComputerVision], None),
        "Agentic AI" => (vec![Technique::Agentic], None),
        "Other" => (vec![Technique::Other], None),
        other => (
            vec![Technique::Other],
            Some(shorten(&one_line(other), check::max_chars("tags")).to_lowercase()),
        ),
    }
}

/// The risk level, and the agency's own classification as a tag. OMB's
/// "high-impact" (the output is a principal basis for decisions with a legal
/// or similarly significant effect on people's rights or safety) is taken as
/// high risk. "Not high-impact" says only that it is not that, so the risk
/// level stays "not assessed" rather than claiming EU AI Act categories
/// (minimal, limited) the source never used; the tag keeps what it said.
pub(super) fn risk_level(
    is_high_impact: &str,
    language: Language,
) -> Result<(RiskLevel, Option<String>), String> {
    let tagged = |level, tag: &str| Ok((level, Some(format!("{tag} (US OMB)"))));
    match is_high_impact {
        "High-impact" => tagged(RiskLevel::High, "high-impact"),
        "Presumed High-Impact, but Not High-impact" => {
            tagged(RiskLevel::Unassessed, "presumed high-impact, found not")
        }
        "Not High-impact" => tagged(RiskLevel::Unassessed, "not high-impact"),
        "" => Ok((RiskLevel::Unassessed, None)),
        other => {
            let args = [("value", other.into())];
            Err(t_with_in(language, "import-row-high-impact", &args).into_owned())
        }
    }
}

//! One row of the 2025 inventory as an agency and a record: each part of
//! the record from the columns `docs/import-us-omb-2025.md` names for it.

use super::Row;
use super::crosswalk::{risk_level, stage, technique, topic};
use super::text::{
    contact, fact, line, links, one_line, parse_date, push_fact, push_list, push_part, shorten,
};
use super::{NAME_LIMIT, SUMMARY_LIMIT};
use crate::import::python_list;
use crate::publishing::check;
use app::i18n::{Language, t_in, t_with_in};
use app::record::{
    Agency, AgencySlug, Assessment, AssessmentKind, DataSet, PersonalData, SystemContent, Withheld,
};

/// Maps one row to its agency and record, or says why it cannot be imported.
/// The reasons are said in `language`; the record is the row's own words.
pub(super) fn map_row(row: &Row, language: Language) -> Result<(Agency, SystemContent), String> {
    let agency_code = row.get("agency");
    if agency_code.is_empty() {
        return Err(t_in(language, "import-row-no-agency").into_owned());
    }
    let slug = agency_slug(agency_code).ok_or_else(|| {
        let args = [("agency", agency_code.into())];
        t_with_in(language, "import-row-agency-slug", &args).into_owned()
    })?;
    let full_name = one_line(row.get("use_case_name"));
    if full_name.is_empty() {
        return Err(t_in(language, "import-row-no-name").into_owned());
    }
    let stage = stage(row, language)?;
    let mut tags = Vec::new();
    if row.get("development_stage").is_empty() {
        tags.push("stage not reported".to_string());
    }
    let (topic, topic_tag) = topic(row.get("topic_area"));
    tags.extend(topic_tag);
    let (technique, technique_tag) = technique(row.get("classification"));
    tags.extend(technique_tag);
    let (risk_level, risk_tag) = risk_level(row.get("is_high_impact"), language)?;
    tags.extend(risk_tag);

    let name = shorten(&full_name, NAME_LIMIT);
    let in_use_since = parse_date(row.get("operational_date"));
    let demographic = python_list::parse(row.get("demographic_features"))
        .ok_or_else(|| "demographic_features is not a list like ['a', 'b']".to_string())?;
    let (sensitive_attributes, statements) = sensitive_attributes(&demographic);
    let mut risks = risks(row);
    let assessments = assessments(row, &mut risks);

    let mut content = SystemContent {
        // The agency's own reference is never cut: one too long is reported.
        agency_ref: Some(one_line(row.get("id"))).filter(|id| !id.is_empty()),
        purpose: purpose(row, &full_name, &name),
        name,
        summary: summary(row),
        unit: line(row, "agency_bureau"),
        contact: contact(row.get("contact_email")),
        how_it_works: how_it_works(row, in_use_since.is_none()),
        stage,
        in_use_since,
        retired_on: None,
        topic,
        tags,
        technique,
        risk_level,
        decision_role: None,
        human_oversight: human_oversight(row)?,
        contest: markdown_list(&fact("Appeal process", row.get("hi_appeal_process"))),
        data: data(row, sensitive_attributes),
        explainability: String::new(),
        fairness: fairness(row, &statements),
        risks: risks.trim_end().into(),
        assessments,
        legal_basis: String::new(),
        supplier: supplier(row),
        withheld: Vec::new(),
        language: None,
        translations: Default::default(),
    };
    content.withheld = withheld(row.get("is_withheld"), &content);
    if !content.withheld.is_empty() || row.get("is_withheld").starts_with("Yes") {
        content.tags.push("withholding requested".into());
    }
    Ok((agency(row, slug, agency_code), content))
}

/// The owning agency, as the row names it.
fn agency(row: &Row, slug: AgencySlug, agency_code: &str) -> Agency {
    Agency {
        slug,
        name: shorten(
            &line(row, "agency_name").unwrap_or_else(|| one_line(agency_code)),
            200,
        ),
        jurisdiction: "United States (federal)".into(),
        website: None,
        contact: None,
        description: format!(
            "A US federal agency. Its records were imported from the 2025 federal AI use case inventory, where it reports as {agency_code}."
        ),
    }
}

/// A list of facts as markdown, trimmed.
fn markdown_list(facts: &[String]) -> String {
    let mut markdown = String::new();
    push_list(&mut markdown, facts);
    markdown.trim_end().into()
}

/// The problem it solves and its benefits, after the name as reported when
/// the register's had to be shortened.
fn purpose(row: &Row, full_name: &str, name: &str) -> String {
    let mut purpose = String::new();
    if name != full_name {
        purpose.push_str(&format!("**Name as reported:** {full_name}\n\n"));
    }
    push_part(&mut purpose, "Problem to solve", row.get("problem_solved"));
    push_part(&mut purpose, "Expected benefits", row.get("benefits"));
    purpose.trim_end().into()
}

/// Its outputs, then how it was built and authorised.
fn how_it_works(row: &Row, date_unread: bool) -> String {
    let mut how_it_works = String::new();
    push_part(&mut how_it_works, "Outputs", row.get("system_outputs"));
    let mut facts = Vec::new();
    push_fact(&mut facts, "Developed", row.get("contracting_usage"));
    push_fact(&mut facts, "Custom code", row.get("has_custom_code"));
    push_fact(&mut facts, "Code", row.get("code_url"));
    push_fact(&mut facts, "Authority to operate", row.get("have_ato"));
    push_fact(
        &mut facts,
        "System with the authority to operate",
        row.get("system_name_ato"),
    );
    if date_unread {
        push_fact(
            &mut facts,
            "Operational date as reported",
            row.get("operational_date"),
        );
    }
    push_list(&mut how_it_works, &facts);
    how_it_works.trim_end().into()
}

/// The high-impact practices: monitoring, review, training, fail-safe and
/// public consultation.
fn human_oversight(row: &Row) -> Result<String, String> {
    let mut oversight = Vec::new();
    push_fact(
        &mut oversight,
        "Ongoing monitoring",
        row.get("hi_ongoing_monitoring"),
    );
    push_fact(
        &mut oversight,
        "Independent review",
        row.get("hi_independent_review"),
    );
    push_fact(
        &mut oversight,
        "Training of operators",
        row.get("hi_training_established"),
    );
    push_fact(&mut oversight, "Fail-safe", row.get("hi_failsafe_presence"));
    let consultation = python_list::parse(row.get("hi_public_consultation"))
        .ok_or_else(|| "hi_public_consultation is not a list like ['a', 'b']".to_string())?;
    push_fact(
        &mut oversight,
        "Public consultation",
        &consultation.join("; "),
    );
    Ok(markdown_list(&oversight))
}

/// Testing before deployment, and what the demographic features say.
fn fairness(row: &Row, statements: &[String]) -> String {
    let mut fairness = String::new();
    push_list(
        &mut fairness,
        &fact("Testing before deployment", row.get("hi_testing_conducted")),
    );
    for statement in statements {
        fairness.push_str(&format!("{statement}\n\n"));
    }
    fairness.trim_end().into()
}

/// Why it is classed as it is, its potential impacts, and whether its
/// impact assessment is done.
fn risks(row: &Row) -> String {
    let mut risks = String::new();
    push_part(
        &mut risks,
        "Why the agency classed it this way",
        row.get("HI_justification"),
    );
    push_part(
        &mut risks,
        "Potential impacts",
        row.get("hi_potential_impacts"),
    );
    push_list(
        &mut risks,
        &fact(
            "Impact assessment completed",
            row.get("hi_assessment_completed"),
        ),
    );
    risks
}

/// One data set, "Data used by this use case", when any data column is filled.
fn data(row: &Row, sensitive_attributes: Vec<String>) -> Vec<DataSet> {
    let personal_data = match row.get("has_pii") {
        "Yes" => Some(PersonalData::Identified),
        "No" => Some(PersonalData::None),
        _ => None,
    };
    let described = !row.get("data_description").is_empty()
        || !row.get("link_to_data").is_empty()
        || personal_data.is_some()
        || !sensitive_attributes.is_empty();
    if !described {
        return Vec::new();
    }
    vec![DataSet {
        name: "Data used by this use case".into(),
        description: row.get("data_description").into(),
        source: shorten(&one_line(row.get("link_to_data")), check::MAX_LINE),
        personal_data,
        sensitive_attributes,
    }]
}

/// The assessments: a privacy impact assessment cell holds one link,
/// several (each becomes an assessment of its own), or words, which are
/// kept as written in `risks`; and the algorithmic impact assessment when
/// the agency says it is done.
fn assessments(row: &Row, risks: &mut String) -> Vec<Assessment> {
    let mut assessments = Vec::new();
    let pia = row.get("pia_url");
    match links(pia) {
        Some(urls) => assessments.extend(urls.into_iter().map(|url| Assessment {
            kind: AssessmentKind::Dpia,
            date: None,
            url: Some(url),
        })),
        None => push_list(risks, &fact("Privacy impact assessment", pia)),
    }
    if row.get("hi_assessment_completed") == "Yes" {
        assessments.push(Assessment {
            kind: AssessmentKind::AlgorithmImpact,
            date: None,
            url: None,
        });
    }
    assessments
}

/// The vendor, or "Built in-house" for in-house development.
fn supplier(row: &Row) -> Option<String> {
    match (line(row, "vendor_name"), row.get("contracting_usage")) {
        (Some(vendor), _) => Some(vendor),
        (None, "In-house Development") => Some("Built in-house".to_string()),
        _ => None,
    }
}

fn agency_slug(code: &str) -> Option<AgencySlug> {
    let slug: String = code
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    app::record::is_slug(&slug).then_some(AgencySlug(slug))
}

/// Sensitive attributes from the demographic features list; statements that
/// are not attributes ("None of the above", compliance notes) come back apart.
fn sensitive_attributes(features: &[String]) -> (Vec<String>, Vec<String>) {
    let mut attributes = Vec::new();
    let mut statements = Vec::new();
    for feature in features {
        let feature = feature.trim();
        // OMB's choices carry a letter: "c) Age".
        let text = match feature.split_once(") ") {
            Some((letter, rest)) if letter.len() == 1 => rest,
            _ => feature,
        };
        let lower = text.to_lowercase();
        if lower.starts_with("none") || lower.starts_with("not applicable") || lower == "unknown" {
            continue;
        }
        if text.len() > 80 {
            statements.push(text.to_string());
        } else {
            attributes.push(one_line(text));
        }
    }
    (attributes, statements)
}

/// Fields the agency left blank while asking for the use case to be withheld.
fn withheld(is_withheld: &str, content: &SystemContent) -> Vec<Withheld> {
    let reason = match is_withheld {
        "Yes - Disclosure Risk" => {
            "The agency determined that disclosure poses a risk, such as harm to an interest protected by a FOIA exemption."
        }
        "Yes - Prohibited by Law" => "The agency reports that disclosure is prohibited by law.",
        "Other" => "The agency asked for this to be withheld for another reason it did not state.",
        _ => return Vec::new(),
    };
    let blank_fields = [
        ("purpose", content.purpose.is_empty()),
        ("how_it_works", content.how_it_works.is_empty()),
        ("data", content.data.is_empty()),
        ("supplier", content.supplier.is_none()),
    ];
    blank_fields
        .iter()
        .filter(|(_, blank)| *blank)
        .map(|(field, _)| Withheld {
            field: field.to_string(),
            reason: reason.into(),
        })
        .collect()
}

/// One plain paragraph for citizens, from the first of the descriptive columns that is filled.
fn summary(row: &Row) -> String {
    let source = ["problem_solved", "system_outputs", "benefits"]
        .iter()
        .map(|c| row.get(c))
        .find(|v| !v.is_empty());
    match source {
        Some(text) => shorten(
            &text.split_whitespace().collect::<Vec<_>>().join(" "),
            SUMMARY_LIMIT,
        ),
        None => format!(
            "{} reported this AI use case in the 2025 US federal inventory without describing it.",
            row.some("agency_name")
                .unwrap_or_else(|| row.get("agency").to_string())
        ),
    }
}

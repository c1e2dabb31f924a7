//! The words synthetic systems are made of: jurisdictions, the bodies every
//! jurisdiction has, what systems work on and do, and suppliers.

use app::record::{Agency, AgencySlug, Technique, Topic};

pub(super) const JURISDICTIONS: [(&str, &str); 10] = [
    ("nv", "Republic of Northvale"),
    ("rv", "City of Riverton"),
    ("em", "State of Eastmarch"),
    ("wf", "County of Westfold"),
    ("sb", "City of Saltbridge"),
    ("hl", "Highland Province"),
    ("ph", "Port Harrow"),
    ("lm", "Lowmoor District"),
    ("ac", "Ashcombe Borough"),
    ("ks", "Kingsreach Region"),
];

/// Bodies every jurisdiction has, with the topic most of their systems serve.
pub(super) const BODIES: [(&str, &str, Topic); 12] = [
    ("health", "Department of Health", Topic::Health),
    ("tax", "Tax Office", Topic::Tax),
    ("police", "Police Service", Topic::LawEnforcement),
    ("benefits", "Benefits Agency", Topic::Benefits),
    ("transport", "Transport Authority", Topic::Transport),
    ("housing", "Housing Office", Topic::Housing),
    ("education", "Education Department", Topic::Education),
    ("immigration", "Immigration Service", Topic::Immigration),
    ("environment", "Environment Agency", Topic::Environment),
    ("courts", "Courts Service", Topic::Justice),
    ("employment", "Employment Service", Topic::Employment),
    (
        "services",
        "Citizen Services Office",
        Topic::ServiceDelivery,
    ),
];

/// What a system works on, by topic.
pub(super) fn subjects(topic: Topic) -> &'static [&'static str] {
    match topic {
        Topic::Health => &[
            "patient referral",
            "hospital bed",
            "vaccination appointment",
            "cancer screening",
            "emergency call",
            "prescription",
        ],
        Topic::Tax => &[
            "tax return",
            "VAT declaration",
            "customs declaration",
            "property valuation",
            "tax debt",
            "payroll filing",
        ],
        Topic::LawEnforcement => &[
            "crime report",
            "licence plate",
            "CCTV footage",
            "emergency call",
            "firearms licence",
            "missing person case",
        ],
        Topic::Benefits => &[
            "benefit claim",
            "housing allowance",
            "child benefit",
            "disability payment",
            "unemployment claim",
            "pension application",
        ],
        Topic::Transport => &[
            "traffic signal",
            "road defect",
            "bus timetable",
            "parking permit",
            "driving test",
            "rail incident",
        ],
        Topic::Housing => &[
            "social housing application",
            "repair request",
            "tenancy",
            "homelessness case",
            "building permit",
            "rent arrears case",
        ],
        Topic::Education => &[
            "school admission",
            "student loan",
            "exam script",
            "special needs assessment",
            "school inspection",
            "truancy case",
        ],
        Topic::Immigration => &[
            "visa application",
            "asylum claim",
            "passport photo",
            "residence permit",
            "border crossing",
            "citizenship application",
        ],
        Topic::Environment => &[
            "air quality reading",
            "flood warning",
            "waste collection",
            "water sample",
            "wildfire report",
            "noise complaint",
        ],
        Topic::Justice => &[
            "court hearing",
            "probation case",
            "legal aid application",
            "sentencing record",
            "prison transfer",
            "fine payment",
        ],
        Topic::Employment => &[
            "job seeker profile",
            "vacancy",
            "work permit",
            "training voucher",
            "workplace inspection",
            "redundancy notice",
        ],
        _ => &[
            "citizen enquiry",
            "complaint",
            "form submission",
            "appointment booking",
            "freedom of information request",
            "document scan",
        ],
    }
}

/// What a system does, with the technique it mostly uses.
pub(super) const TASKS: [(&str, Technique); 14] = [
    ("risk scoring", Technique::ClassicalMl),
    ("fraud detection", Technique::ClassicalMl),
    ("triage", Technique::ClassicalMl),
    ("eligibility check", Technique::Rules),
    ("prioritisation", Technique::Rules),
    ("demand forecasting", Technique::ClassicalMl),
    ("document classification", Technique::Nlp),
    ("chatbot", Technique::GenerativeAi),
    ("summarisation assistant", Technique::GenerativeAi),
    ("translation service", Technique::Nlp),
    ("facial recognition", Technique::ComputerVision),
    ("image analysis", Technique::ComputerVision),
    ("anomaly detection", Technique::ClassicalMl),
    ("case routing agent", Technique::Agentic),
];

pub(super) const SUPPLIERS: [&str; 8] = [
    "Northwind Analytics",
    "Clearwater Systems",
    "Meridian Data",
    "Brightline Software",
    "Harbour AI",
    "Oakridge Consulting",
    "Polaris Labs",
    "Greyfield Technologies",
];

/// The agencies: every body in every jurisdiction.
pub(super) fn agencies() -> Vec<(Agency, Topic)> {
    let mut all = Vec::new();
    for (code, jurisdiction) in JURISDICTIONS {
        for (body, name, topic) in BODIES {
            all.push((
                Agency {
                    slug: AgencySlug(format!("{code}-{body}")),
                    name: format!("{jurisdiction} {name}"),
                    jurisdiction: jurisdiction.to_string(),
                    website: None,
                    contact: Some(format!("ai@{body}.{code}.example")),
                    description: format!("The {name} of the {jurisdiction} (synthetic data)."),
                },
                topic,
            ));
        }
    }
    all
}

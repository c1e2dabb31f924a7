//! The closed sets of the record. Stable names never change; add a value only
//! with a migration and a note.

use serde::{Deserialize, Serialize};

/// Declares a closed enumeration with its stable name per value; its labels
/// are messages of the catalogue, keyed by the set's key and the value.
macro_rules! closed_set {
    ($(#[$doc:meta])* $name:ident $key:literal { $($variant:ident = $value:literal;)+ }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $value)] $variant,)+
        }

        impl $name {
            /// Every value, in the order pages list them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable name used in storage, JSON and URLs.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $value),+ }
            }

            /// The label a page shows, in the page's language: the
            /// catalogue's message `key-value` (`stage-in_use`).
            pub fn label(self) -> crate::i18n::Text {
                crate::i18n::t(self.message_key())
            }

            /// The catalogue's key of its label: `stage-in_use`.
            pub fn message_key(self) -> &'static str {
                match self { $($name::$variant => concat!($key, "-", $value)),+ }
            }

            /// The value with this stable name, if there is one.
            pub fn parse(name: &str) -> Option<Self> {
                match name { $($value => Some($name::$variant),)+ _ => None }
            }

            /// The stable names, for the API's error messages: `a, b, c`.
            pub fn names() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }

            /// Every value as (stable name, label), for a form's choices.
            pub fn options() -> Vec<(&'static str, crate::i18n::Text)> {
                Self::ALL.iter().map(|v| (v.as_str(), v.label())).collect()
            }

            /// The labels in `language`, for the error messages of forms,
            /// which show labels: `A, B, C`.
            pub fn labels_in(language: crate::i18n::Language) -> String {
                Self::ALL
                    .iter()
                    .map(|v| crate::i18n::t_in(language, v.message_key()))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        }

        /// In the JSON Schema and OpenAPI document: a string, one of the stable names.
        #[cfg(feature = "ssr")]
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some([$($value),+]))
                    .into()
            }
        }

        #[cfg(feature = "ssr")]
        impl utoipa::ToSchema for $name {}

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

closed_set! {
    /// Where a system is in its life.
    Stage "stage" {
        Planned = "planned";
        Development = "development";
        Pilot = "pilot";
        InUse = "in_use";
        Retired = "retired";
    }
}

closed_set! {
    /// Risk class in the sense of the EU AI Act.
    RiskLevel "risk_level" {
        Minimal = "minimal";
        Limited = "limited";
        High = "high";
        Prohibited = "prohibited";
        Unassessed = "unassessed";
    }
}

closed_set! {
    /// How far the system's output goes in a decision about a person.
    DecisionRole "decision_role" {
        InformsHuman = "informs_human";
        Recommends = "recommends";
        DecidesWithReview = "decides_with_review";
        DecidesAlone = "decides_alone";
    }
}

closed_set! {
    /// The kind of technique a system uses.
    Technique "technique" {
        Rules = "rules";
        ClassicalMl = "classical_ml";
        Nlp = "nlp";
        ComputerVision = "computer_vision";
        GenerativeAi = "generative_ai";
        Agentic = "agentic";
        Other = "other";
    }
}

closed_set! {
    /// The area of government a system works in.
    Topic "topic" {
        Benefits = "benefits";
        Health = "health";
        Tax = "tax";
        LawEnforcement = "law_enforcement";
        Justice = "justice";
        Immigration = "immigration";
        Education = "education";
        Transport = "transport";
        Environment = "environment";
        Housing = "housing";
        Employment = "employment";
        Defence = "defence";
        Science = "science";
        Administration = "administration";
        ServiceDelivery = "service_delivery";
        Other = "other";
    }
}

closed_set! {
    /// How much a data set says about individual people.
    PersonalData "personal_data" {
        None = "none";
        Pseudonymised = "pseudonymised";
        Identified = "identified";
    }
}

closed_set! {
    /// The kind of an impact assessment.
    AssessmentKind "assessment_kind" {
        Dpia = "dpia";
        Fria = "fria";
        Aia = "aia";
        AlgorithmImpact = "algorithm_impact";
        Other = "other";
    }
}

closed_set! {
    /// What an audit concluded.
    AuditOutcome "audit_outcome" {
        Passed = "passed";
        PassedWithFindings = "passed_with_findings";
        Failed = "failed";
        InProgress = "in_progress";
    }
}

/// The audit filter of lists: an outcome of the latest audit, or never audited.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuditFilter {
    Outcome(AuditOutcome),
    Never,
}

impl AuditFilter {
    /// Every filter value, in the order pages list them.
    pub fn all() -> Vec<AuditFilter> {
        AuditOutcome::ALL
            .iter()
            .map(|o| AuditFilter::Outcome(*o))
            .chain([AuditFilter::Never])
            .collect()
    }

    /// The stable name used in URLs (`passed`, …, `none`).
    pub fn as_str(self) -> &'static str {
        match self {
            AuditFilter::Outcome(outcome) => outcome.as_str(),
            AuditFilter::Never => "none",
        }
    }

    /// The label a page shows.
    pub fn label(self) -> crate::i18n::Text {
        match self {
            AuditFilter::Outcome(outcome) => outcome.label(),
            AuditFilter::Never => crate::i18n::t("audit_outcome-none"),
        }
    }

    /// The filter with this stable name, if there is one.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "none" => Some(AuditFilter::Never),
            other => AuditOutcome::parse(other).map(AuditFilter::Outcome),
        }
    }

    /// The stable names, for error messages.
    pub fn names() -> String {
        format!("{}, none", AuditOutcome::names())
    }
}

closed_set! {
    /// What a citizen's comment on a record is.
    FeedbackKind "feedback_kind" {
        Question = "question";
        Error = "error";
        Feedback = "feedback";
    }
}

impl FeedbackKind {
    /// Whether the owning agency answers it: questions and error reports.
    pub fn wants_answer(self) -> bool {
        matches!(self, FeedbackKind::Question | FeedbackKind::Error)
    }
}

closed_set! {
    /// Where a comment is: waiting for a moderator, public, or hidden.
    CommentState "comment_state" {
        Pending = "pending";
        Published = "published";
        Hidden = "hidden";
    }
}

closed_set! {
    /// Why a moderator hides a comment, or why someone flags one.
    HideReason "hide_reason" {
        Spam = "spam";
        Offensive = "offensive";
        PersonalData = "personal_data";
        OffTopic = "off_topic";
    }
}

closed_set! {
    /// What an account may do in `/manage`.
    Role "role" {
        Admin = "admin";
        Editor = "editor";
        Approver = "approver";
        Auditor = "auditor";
        Moderator = "moderator";
    }
}

closed_set! {
    /// Where a draft stands.
    DraftState "draft_state" {
        Editing = "editing";
        Submitted = "submitted";
    }
}

closed_set! {
    /// Where a system stands after a write through the API or a form.
    WriteState "write_state" {
        Draft = "draft";
        Submitted = "submitted";
        Published = "published";
    }
}

closed_set! {
    /// What an agency's API token lets its holder do.
    TokenScope "token_scope" {
        Draft = "draft";
        Publish = "publish";
    }
}

/// Who wrote a draft: an account, an agency's API token, or the terminal
/// (`lantern import`). Stored and sent as `account:ID`, `token:ID` or `terminal`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Author {
    Account(i64),
    Token(i64),
    Terminal,
}

impl Author {
    /// The author a stored `account:ID` or `token:ID` names.
    pub fn parse(text: &str) -> Option<Author> {
        if text == "terminal" {
            return Some(Author::Terminal);
        }
        let (kind, id) = text.split_once(':')?;
        let id = id.parse().ok()?;
        match kind {
            "account" => Some(Author::Account(id)),
            "token" => Some(Author::Token(id)),
            _ => None,
        }
    }
}

impl std::fmt::Display for Author {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Author::Account(id) => write!(f, "account:{id}"),
            Author::Token(id) => write!(f, "token:{id}"),
            Author::Terminal => f.write_str("terminal"),
        }
    }
}

impl Serialize for Author {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Author {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Author, D::Error> {
        let text = String::deserialize(deserializer)?;
        Author::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not an author: {text}")))
    }
}

impl Role {
    /// Whether accounts with this role belong to one agency (and touch only its systems).
    pub fn belongs_to_agency(self) -> bool {
        matches!(self, Role::Editor | Role::Approver)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_names_round_trip_through_parse_and_json() {
        for stage in Stage::ALL {
            assert_eq!(Stage::parse(stage.as_str()), Some(*stage));
            let json = serde_json::to_string(stage).unwrap();
            assert_eq!(json, format!("\"{}\"", stage.as_str()));
            assert_eq!(serde_json::from_str::<Stage>(&json).unwrap(), *stage);
        }
        assert_eq!(Topic::parse("law_enforcement"), Some(Topic::LawEnforcement));
        for author in [Author::Account(7), Author::Token(12), Author::Terminal] {
            assert_eq!(Author::parse(&author.to_string()), Some(author));
            let json = serde_json::to_string(&author).unwrap();
            assert_eq!(serde_json::from_str::<Author>(&json).unwrap(), author);
        }
        assert_eq!(Author::parse("account:x"), None);
        assert_eq!(Author::parse("someone:1"), None);
        assert_eq!(RiskLevel::parse("banana"), None);
        assert_eq!(AuditFilter::parse("none"), Some(AuditFilter::Never));
        assert_eq!(
            AuditFilter::parse("passed_with_findings"),
            Some(AuditFilter::Outcome(AuditOutcome::PassedWithFindings))
        );
        assert_eq!(AuditFilter::all().len(), AuditOutcome::ALL.len() + 1);
    }

    #[test]
    fn labels_need_no_escaping() {
        // Pages put these labels in HTML strings as they are (search results,
        // facets), in every language.
        for language in crate::i18n::Language::shipped() {
            let labels = Stage::ALL
                .iter()
                .map(|v| v.message_key())
                .chain(RiskLevel::ALL.iter().map(|v| v.message_key()))
                .chain(Topic::ALL.iter().map(|v| v.message_key()))
                .chain(Technique::ALL.iter().map(|v| v.message_key()))
                .chain(AuditOutcome::ALL.iter().map(|v| v.message_key()))
                .map(|key| crate::i18n::message(language, key, None));
            for label in labels {
                assert_eq!(crate::html::escaped(&label), label);
            }
        }
        for name in Stage::ALL.iter().map(|v| v.as_str()) {
            assert_eq!(crate::html::escaped(name), name);
        }
    }
}

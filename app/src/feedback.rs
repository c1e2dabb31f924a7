//! Citizen feedback on a record: a question, an error report or feedback,
//! read by a moderator, answered in public by the agency that owns the system.
//!
//! The public part is on every system page ([`section`]); moderators work in
//! `/manage/feedback` ([`moderation`]), agencies answer in `/manage/answers`
//! ([`answers`]). Every write is checked and done on the server
//! (`server/src/feedback.rs`); the email a citizen leaves for a reply never
//! leaves the database.

pub mod answers;
pub mod moderation;
pub mod section;

use crate::record::{AgencySlug, CommentState, FeedbackKind, SystemId, Timestamp};
use serde::{Deserialize, Serialize};

/// A published comment, as the public sees it (no email, nothing about the sender).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PublicComment {
    pub id: i64,
    pub kind: FeedbackKind,
    pub body: String,
    /// The name the citizen chose to show, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub published_at: Timestamp,
    /// The owning agency's official answer, once there is one.
    pub answer: Option<OfficialAnswer>,
}

/// An agency's answer to a question or error report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OfficialAnswer {
    pub agency: AgencySlug,
    pub body: String,
    /// When it was first answered.
    pub answered_at: Timestamp,
    /// When the answer was last changed, if it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
}

/// How an agency answers the public: its published questions and error
/// reports, how many have an answer, and the median time to the answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerStats {
    pub agency: AgencySlug,
    pub items: i64,
    pub answered: i64,
    /// Seconds from publication to answer, the median over answered items.
    pub median_seconds: Option<i64>,
}

/// What a citizen sent, as typed: every field is checked on the server.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackInput {
    pub kind: String,
    pub body: String,
    pub name: String,
    pub email: String,
    /// The form's honeypot: hidden from people, filled in by naive bots.
    pub website: String,
}

/// What became of a submission.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FeedbackOutcome {
    /// Stored: published at once, or waiting for a moderator.
    Sent { id: i64, state: CommentState },
    /// Nothing stored: every problem by field (`kind`, `body`, `name`, `email`, `website`).
    Problems(Vec<(String, Vec<String>)>),
    /// Nothing stored: this client sent too many; it may try again after this many seconds.
    TooMany { retry_after: u64 },
}

/// What the public page says after a submission.
pub fn sent_message(state: CommentState, language: crate::i18n::Language) -> crate::i18n::Text {
    match state {
        CommentState::Published => crate::i18n::t_in(language, "feedback-sent-published"),
        _ => crate::i18n::t_in(language, "feedback-sent-pending"),
    }
}

/// What a refused submission is told when one client sent too many.
pub fn too_many_message(retry_after: u64, language: crate::i18n::Language) -> String {
    let minutes = retry_after.div_ceil(60).max(1);
    crate::i18n::t_with_in(
        language,
        "feedback-too-many",
        &[("minutes", minutes.into())],
    )
    .into_owned()
}

/// Whether comments appear before or after a moderator reads them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Moderation {
    /// Nothing appears before a moderator approves it.
    #[default]
    Pre,
    /// Comments appear at once; moderators review them afterwards.
    Post,
}

impl Moderation {
    pub fn as_str(self) -> &'static str {
        match self {
            Moderation::Pre => "pre",
            Moderation::Post => "post",
        }
    }

    pub fn parse(name: &str) -> Option<Moderation> {
        match name {
            "pre" => Some(Moderation::Pre),
            "post" => Some(Moderation::Post),
            _ => None,
        }
    }
}

/// The register's feedback settings (admins change them in `/manage/settings`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackSettings {
    pub moderation: Moderation,
    /// Flags from this many clients hide a published comment until a moderator looks.
    pub flags_to_hide: i64,
    /// Days a reply email is kept.
    pub email_retention_days: i64,
    /// Submissions and flags one client may send in an hour.
    pub submissions_per_hour: i64,
    /// Days a published question waits for its agency's answer before the
    /// agency's weekly reminder lists it.
    pub answer_reminder_days: i64,
}

impl Default for FeedbackSettings {
    fn default() -> Self {
        FeedbackSettings {
            moderation: Moderation::Pre,
            flags_to_hide: 3,
            email_retention_days: 90,
            submissions_per_hour: 10,
            answer_reminder_days: 14,
        }
    }
}

/// Which comments the moderation queue shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum QueueFilter {
    /// Waiting for a moderator.
    #[default]
    Pending,
    /// Flagged by readers: published with flags, or hidden by them.
    Flagged,
    /// Hidden, with the reason.
    Hidden,
    /// Published.
    Published,
}

impl QueueFilter {
    pub const ALL: [QueueFilter; 4] = [
        QueueFilter::Pending,
        QueueFilter::Flagged,
        QueueFilter::Hidden,
        QueueFilter::Published,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            QueueFilter::Pending => "pending",
            QueueFilter::Flagged => "flagged",
            QueueFilter::Hidden => "hidden",
            QueueFilter::Published => "published",
        }
    }

    /// The filter's name on the queue's tabs, in the page's language.
    pub fn label(self) -> crate::i18n::Text {
        use crate::i18n::t;
        match self {
            QueueFilter::Pending => t("moderation-filter-pending"),
            QueueFilter::Flagged => t("moderation-filter-flagged"),
            QueueFilter::Hidden => t("moderation-filter-hidden"),
            QueueFilter::Published => t("moderation-filter-published"),
        }
    }

    /// What the queue says when the filter holds no comment.
    pub fn empty_message(self) -> crate::i18n::Text {
        use crate::i18n::t;
        match self {
            QueueFilter::Pending => t("moderation-empty-pending"),
            QueueFilter::Flagged => t("moderation-empty-flagged"),
            QueueFilter::Hidden => t("moderation-empty-hidden"),
            QueueFilter::Published => t("moderation-empty-published"),
        }
    }

    pub fn parse(name: &str) -> Option<QueueFilter> {
        QueueFilter::ALL.into_iter().find(|f| f.as_str() == name)
    }
}

/// How many comments each filter of the moderation queue holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueCounts {
    pub pending: i64,
    pub flagged: i64,
    pub hidden: i64,
    pub published: i64,
}

impl QueueCounts {
    pub fn of(&self, filter: QueueFilter) -> i64 {
        match filter {
            QueueFilter::Pending => self.pending,
            QueueFilter::Flagged => self.flagged,
            QueueFilter::Hidden => self.hidden,
            QueueFilter::Published => self.published,
        }
    }
}

/// A comment as a moderator sees it (still never the email: only whether
/// the citizen left one).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModerationItem {
    pub id: i64,
    pub system_id: SystemId,
    pub system_name: String,
    pub agency: AgencySlug,
    pub agency_name: String,
    pub kind: FeedbackKind,
    pub body: String,
    pub name: Option<String>,
    pub state: CommentState,
    /// A [`crate::record::HideReason`] name, or `flagged`.
    pub hidden_reason: Option<String>,
    pub moderator_note: Option<String>,
    /// The body seems to hold an email address or a phone number.
    pub personal_data_found: bool,
    pub flags: i64,
    /// The reasons readers gave, one per flag.
    pub flag_reasons: Vec<String>,
    pub wants_reply: bool,
    pub created_at: Timestamp,
    pub published_at: Option<Timestamp>,
}

/// A published question or error report of an agency's system, for the agency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencyItem {
    pub comment: PublicComment,
    pub system_id: SystemId,
    pub system_name: String,
    /// Seconds since it was published: how long it has waited, if unanswered.
    pub waiting_seconds: i64,
}

/// "3 days", "5 hours", "a few minutes": a duration for people.
pub fn duration_words(seconds: i64) -> String {
    use crate::i18n::{t, t_with};
    let count = |key, n: i64| t_with(key, &[("count", n.into())]).into_owned();
    match seconds {
        s if s >= 2 * 86_400 => count("duration-days", s / 86_400),
        s if s >= 3_600 => count("duration-hours", s / 3_600),
        s if s >= 120 => count("duration-minutes", s / 60),
        _ => t("duration-moment").into_owned(),
    }
}

/// The label of a stored hidden reason.
pub fn hidden_reason_label(reason: &str) -> crate::i18n::Text {
    match crate::record::HideReason::parse(reason) {
        Some(reason) => reason.label(),
        None if reason == "flagged" => crate::i18n::t("hidden-flagged"),
        None => crate::i18n::t("comment_state-hidden"),
    }
}

#[cfg(feature = "ssr")]
pub use server_side::*;

#[cfg(feature = "ssr")]
mod server_side {
    use super::*;
    use crate::error::AppError;
    use std::sync::Arc;

    /// The address a request came from, put in its extensions by the server.
    /// Only ever hashed with the day's salt: never stored as it is.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct ClientAddress(pub String);

    /// What the feedback pages read and send.
    #[async_trait::async_trait]
    pub trait FeedbackDesk: Send + Sync {
        /// The published comments of a published system, oldest first.
        async fn published_feedback(
            &self,
            system: &SystemId,
        ) -> Result<Vec<PublicComment>, AppError>;
        /// Answer statistics of every agency with published systems, or of one.
        async fn answer_stats(
            &self,
            agency: Option<&AgencySlug>,
        ) -> Result<Vec<AnswerStats>, AppError>;
        /// The moderation queue, newest first.
        async fn moderation_queue(
            &self,
            filter: QueueFilter,
        ) -> Result<Vec<ModerationItem>, AppError>;
        /// How many comments each filter of the moderation queue holds.
        async fn queue_counts(&self) -> Result<QueueCounts, AppError>;
        /// An agency's published questions and error reports: unanswered
        /// first (longest waiting first), then the latest answered.
        async fn agency_items(&self, agency: &AgencySlug) -> Result<Vec<AgencyItem>, AppError>;
        async fn feedback_settings(&self) -> Result<FeedbackSettings, AppError>;
    }

    /// The handle the feedback pages find in their context.
    pub type SharedFeedback = Arc<dyn FeedbackDesk>;

    /// The feedback desk of the current request.
    pub fn feedback_desk() -> Result<SharedFeedback, AppError> {
        leptos::prelude::use_context::<SharedFeedback>()
            .ok_or_else(|| AppError::Internal("no feedback desk in the request context".into()))
    }

    /// The address of the request being served.
    pub fn client_address() -> ClientAddress {
        leptos::prelude::use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<ClientAddress>().cloned())
            .unwrap_or_else(|| ClientAddress("unknown".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_words() {
        assert_eq!(duration_words(30), "a minute or two");
        assert_eq!(duration_words(600), "10 minutes");
        assert_eq!(duration_words(3_600), "1 hour");
        assert_eq!(duration_words(30 * 3_600), "30 hours");
        assert_eq!(duration_words(3 * 86_400 + 5), "3 days");
    }

    #[test]
    fn the_wait_is_in_whole_minutes() {
        let english = crate::i18n::Language::SOURCE;
        assert!(too_many_message(61, english).contains("2 minutes"));
        assert!(too_many_message(1, english).contains("wait 1 minute and"));
        let dutch = crate::i18n::Language::parse("nl").unwrap();
        assert!(too_many_message(61, dutch).contains("Wacht 2 minuten en"));
    }
}

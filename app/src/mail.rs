//! What pages know of Lantern's mail: whether a mail server is configured
//! (the feedback form offers a reply by email only then), and how the mail
//! queue stands, for admins and `/healthz`. The sending itself is the
//! server's (`server/src/mail.rs`).

use crate::i18n::{t, t_with};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What a subscription follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Follows {
    /// An agency: everything about its systems.
    Agency,
    /// A topic: the systems tagged with it.
    Topic,
    /// One system.
    System,
    /// A search of `/systems`: the systems its words and filters find.
    Search,
}

impl Follows {
    pub const ALL: [Follows; 4] = [
        Follows::Agency,
        Follows::Topic,
        Follows::System,
        Follows::Search,
    ];

    /// Its stable name, in storage and in the follow form's query (`?agency=…`).
    pub fn as_str(self) -> &'static str {
        match self {
            Follows::Agency => "agency",
            Follows::Topic => "topic",
            Follows::System => "system",
            Follows::Search => "search",
        }
    }

    pub fn parse(name: &str) -> Option<Follows> {
        Follows::ALL.into_iter().find(|f| f.as_str() == name)
    }
}

/// How often a subscription's mail comes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Frequency {
    /// A message for each change, as it happens.
    #[default]
    Immediate,
    /// One message a day with what happened, when something did.
    Daily,
}

impl Frequency {
    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Immediate => "immediate",
            Frequency::Daily => "daily",
        }
    }

    pub fn parse(name: &str) -> Option<Frequency> {
        [Frequency::Immediate, Frequency::Daily]
            .into_iter()
            .find(|f| f.as_str() == name)
    }
}

/// The mail Lantern sends to the people who keep the register, each of
/// which an account can turn off (`/manage/email`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AccountMail {
    /// Editors and approvers: their agency's drafts waiting for approval.
    Drafts,
    /// Editors and approvers: published questions unanswered for longer
    /// than the register's setting.
    Questions,
    /// Editors and approvers: records whose review date is near or past.
    Reviews,
    /// Admins: a summary of the register's week.
    Summary,
}

impl AccountMail {
    pub const ALL: [AccountMail; 4] = [
        AccountMail::Drafts,
        AccountMail::Questions,
        AccountMail::Reviews,
        AccountMail::Summary,
    ];

    /// Its stable name, in storage and in the form (`off=drafts`).
    pub fn as_str(self) -> &'static str {
        match self {
            AccountMail::Drafts => "drafts",
            AccountMail::Questions => "questions",
            AccountMail::Reviews => "reviews",
            AccountMail::Summary => "summary",
        }
    }

    pub fn parse(name: &str) -> Option<AccountMail> {
        AccountMail::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The kinds an account of `role` gets: an agency's people get its
    /// reminders, admins the summary, others nothing.
    pub fn for_role(role: crate::record::Role) -> &'static [AccountMail] {
        use crate::record::Role;
        match role {
            Role::Editor | Role::Approver => &[
                AccountMail::Drafts,
                AccountMail::Questions,
                AccountMail::Reviews,
            ],
            Role::Admin => &[AccountMail::Summary],
            _ => &[],
        }
    }
}

/// The mail an account gets and which of it they turned off.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailChoices {
    /// Each kind the account's role gets, and whether it is on.
    pub kinds: Vec<(AccountMail, bool)>,
    /// Whether the register has a mail server at all.
    pub sends_mail: bool,
}

/// Whether the register has a mail server to send through, in the pages'
/// context.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SendsMail(pub bool);

/// Whether the page being rendered may offer to send mail.
pub fn sends_mail() -> bool {
    use_context::<SendsMail>().is_some_and(|sends| sends.0)
}

/// The mail queue: what waits, since when, and why the last attempt failed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailQueue {
    /// Messages not yet sent (and not given up).
    pub waiting: i64,
    /// Of those, the ones an attempt failed for (the mail server refused
    /// them for now, or did not answer).
    pub retrying: i64,
    /// When the oldest waiting message was queued.
    pub oldest: Option<String>,
    /// Messages given up in the last 30 days: refused for good, or failed too often.
    pub given_up: i64,
    /// Why the most recent failed attempt failed (never an address).
    pub last_error: Option<String>,
}

/// The queue with whether a mail server is configured: what admins read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailReport {
    pub configured: bool,
    pub queue: MailQueue,
}

impl MailReport {
    /// `ok`: nothing waits for long; `waiting`: messages wait for a mail
    /// server or a retry; `off`: no mail server and nothing waits.
    pub fn status(&self) -> &'static str {
        match (self.configured, self.queue.waiting) {
            (false, 0) => "off",
            (false, _) => "waiting",
            (true, _) if self.queue.retrying > 0 => "waiting",
            (true, _) => "ok",
        }
    }

    /// Why messages wait, in words for operators (`/healthz`, which is
    /// English like the logs).
    pub fn reason(&self) -> Option<String> {
        if !self.configured {
            return (self.queue.waiting > 0)
                .then(|| "no mail server is configured (LANTERN_SMTP_URL)".to_string());
        }
        if self.queue.retrying > 0 || self.queue.given_up > 0 {
            return self.queue.last_error.clone();
        }
        None
    }
}

/// Mail as the admin's `/manage` tells it.
#[server]
pub async fn get_mail_report() -> Result<MailReport, ServerFnError> {
    use crate::error::AppError;
    let account = crate::manage::account()?;
    if account.role != crate::record::Role::Admin {
        return Err(AppError::Forbidden.into());
    }
    let queue = crate::manage::manage_register()?.mail_queue().await?;
    Ok(MailReport {
        configured: sends_mail(),
        queue,
    })
}

/// "Mail: 3 messages wait: no mail server is configured."
#[component]
pub fn MailWaiting() -> impl IntoView {
    let report = Resource::new(|| (), |_| get_mail_report());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                report.await.ok().map(|report| {
                    let count = [("count", report.queue.waiting.into())];
                    let state = match (report.configured, report.queue.retrying) {
                        (false, _) => t("mail-report-no-server"),
                        (true, 0) => t("mail-report-sending"),
                        (true, retrying) => t_with("mail-report-retrying", &[("count", retrying.into())]),
                    };
                    let error = report.queue.last_error.clone().filter(|_| report.configured && (report.queue.retrying > 0 || report.queue.given_up > 0));
                    let given_up = (report.queue.given_up > 0)
                        .then(|| t_with("mail-report-given-up", &[("count", report.queue.given_up.into())]));
                    view! {
                        <p class="mail-report">
                            <strong>{t("mail-report-heading")}</strong>" "
                            {t_with("mail-report-waiting", &count)}" "{state}
                            {given_up.map(|given_up| view! { " "{given_up} })}
                            {error.map(|error| view! { " "{t_with("mail-report-last-error", &[("error", error.into())])} })}
                        </p>
                    }
                })
            })}
        </Suspense>
    }
}

//! Mail: what Lantern sends, and how it gets to the mail server.
//!
//! An event that causes mail queues it in its own transaction
//! ([`Storage::queue_mail`]): the message exists exactly when the event
//! does. A [`worker::Postman`] on each instance claims due messages, writes
//! them ([`letters`]) in the recipient's language and hands them to the
//! mail server (`LANTERN_SMTP_URL`). Without a mail server the queue waits,
//! `/healthz` and `/manage` say how many messages wait and why, and the
//! feedback form does not offer a reply by email.
//!
//! | message | to | when |
//! |---|---|---|
//! | `comment_published` | the citizen who asked | a moderator publishes their question or error report |
//! | `comment_declined` | the citizen who asked | a moderator declines it or takes it down (the reason, never the note) |
//! | `comment_answered` | the citizen who asked | the agency first answers it |
//! | `subscription_confirm` | an address asked to follow something | at once: the link to confirm |
//! | `subscription_known` | an address that already follows it | someone asked again |
//! | `subscription_change` | confirmed followers, each change | a change of the feed (not a review), an official answer |
//! | `subscription_digest` | confirmed followers, once a day | a day passed since the last digest, and something happened |
//! | `subscription_digest` | confirmed followers of a search | what it finds changed: within ten minutes, or once a day ([`searches`]) |
//! | `agency_reminder` | an agency's editors and approvers | a week passed since the last, and something waits ([`reminders`]; with a mail server only) |
//! | `admin_summary` | admins | a week passed since the last (with a mail server only) |
//!
//! Addresses go to the mail server and nowhere else: never in pages, the
//! API, exports or logs. A sent message's row is deleted with its address.

pub mod follow;
pub mod letters;
pub mod reminders;
pub mod searches;
pub mod tokens;
pub mod worker;

use crate::storage::{MailKind, NewMail, Storage};
use app::error::AppError;
use app::i18n::Language;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, Tokio1Executor};
use sqlx::AnyConnection;
use std::time::Duration;

/// How long one conversation with the mail server may take.
const SMTP_TIMEOUT: Duration = Duration::from_secs(15);

/// The mail server and the sender, when a mail server is configured.
#[derive(Clone)]
pub struct Mailer {
    pub(crate) transport: AsyncSmtpTransport<Tokio1Executor>,
    pub(crate) from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    // The transport's URL may hold a password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer").field("from", &self.from).finish()
    }
}

impl Mailer {
    /// The mailer for `smtp_url` (`smtp://host:port`, `smtps://user:pass@host`,
    /// `smtp://host?tls=required` for STARTTLS) sending as `from`
    /// (`Register <register@example.gov>`); `None` without a URL. A wrong
    /// URL or sender is refused with what is wrong, when Lantern starts.
    pub fn configure(smtp_url: Option<&str>, from: &str) -> anyhow::Result<Option<Mailer>> {
        let Some(url) = smtp_url.map(str::trim).filter(|url| !url.is_empty()) else {
            return Ok(None);
        };
        if !(url.starts_with("smtp://") || url.starts_with("smtps://")) {
            anyhow::bail!("LANTERN_SMTP_URL must start with smtp:// or smtps://");
        }
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|_| {
                anyhow::anyhow!(
                    "LANTERN_SMTP_URL is not a mail server's address like smtp://127.0.0.1:1025"
                )
            })?
            .timeout(Some(SMTP_TIMEOUT))
            .build();
        let from = from.trim().parse::<Mailbox>().map_err(|_| {
            anyhow::anyhow!(
                "LANTERN_MAIL_FROM must be an address like register@example.gov or `Register <register@example.gov>`, not “{from}”"
            )
        })?;
        Ok(Some(Mailer { transport, from }))
    }
}

/// The sender when `LANTERN_MAIL_FROM` is not set: `Lantern <lantern@host>`
/// at the register's public host.
pub fn default_from(public_host: &str) -> String {
    let host = public_host.trim_matches(['[', ']']);
    let host = if host.contains('.') && !host.chars().all(|c| c.is_ascii_digit() || c == '.') {
        host
    } else {
        "localhost"
    };
    format!("Lantern <lantern@{host}>")
}

/// Queues `kind` about comment `comment` to the citizen who left an address
/// on it, if they did (and it is still kept), in the language they wrote in.
pub async fn queue_to_asker(
    conn: &mut AnyConnection,
    comment: i64,
    kind: MailKind,
    taken_down: bool,
    register_language: Language,
    now: &str,
) -> Result<(), AppError> {
    let Some((recipient, language)) = Storage::reply_address(conn, comment).await? else {
        return Ok(());
    };
    let language = language
        .as_deref()
        .and_then(Language::parse)
        .unwrap_or(register_language);
    let mail = NewMail {
        recipient,
        language: language.code().to_string(),
        kind,
        about: serde_json::json!({ "comment": comment, "taken_down": taken_down }).to_string(),
    };
    Storage::queue_mail(conn, &mail, now).await
}

/// Queues the daily digests that are due, now and every ten minutes, for
/// as long as the server runs (each instance; a digest is queued once).
pub async fn queue_digests_regularly(storage: Storage) {
    loop {
        let now = time::OffsetDateTime::now_utc();
        let stamp = crate::clock::format_precise(now);
        let a_day_ago = crate::clock::format_timestamp(now - time::Duration::days(1));
        match storage.queue_digests(&stamp, &a_day_ago).await {
            Ok(0) => {}
            Ok(count) => tracing::info!(count, "queued daily digests"),
            Err(error) => tracing::warn!(%error, "could not queue the daily digests"),
        }
        tokio::time::sleep(Duration::from_secs(600)).await;
    }
}

/// The mail queue as `/healthz` tells it: `status` (`ok`, `waiting`,
/// `off`), whether a mail server is configured, the counts, and why
/// messages wait.
pub fn health(report: app::mail::MailReport) -> serde_json::Value {
    serde_json::json!({
        "status": report.status(),
        "server": if report.configured { "configured" } else { "not configured" },
        "waiting": report.queue.waiting,
        "retrying": report.queue.retrying,
        "given_up": report.queue.given_up,
        "oldest_waiting": report.queue.oldest,
        "reason": report.reason(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_sender_is_at_the_public_host() {
        assert_eq!(
            default_from("register.example.gov"),
            "Lantern <lantern@register.example.gov>"
        );
        assert_eq!(default_from("127.0.0.1"), "Lantern <lantern@localhost>");
        assert_eq!(default_from("[::1]"), "Lantern <lantern@localhost>");
        assert!(
            default_from("register.example.gov")
                .parse::<Mailbox>()
                .is_ok()
        );
    }

    // The pool of connections starts a task: it needs a runtime.
    #[tokio::test]
    async fn a_wrong_configuration_is_refused_with_what_is_wrong() {
        assert!(Mailer::configure(None, "x").unwrap().is_none());
        assert!(Mailer::configure(Some("  "), "x").unwrap().is_none());
        let wrong = Mailer::configure(Some("http://mail"), "a@b.example").unwrap_err();
        assert!(wrong.to_string().contains("smtp://"), "{wrong}");
        let wrong = Mailer::configure(Some("smtp://127.0.0.1:1025"), "not an address").unwrap_err();
        assert!(wrong.to_string().contains("LANTERN_MAIL_FROM"), "{wrong}");
        let mailer = Mailer::configure(Some("smtp://127.0.0.1:1025"), "Register <r@example.gov>")
            .unwrap()
            .unwrap();
        assert_eq!(mailer.from.email.to_string(), "r@example.gov");
    }
}

//! The postman: claims due messages from the queue, writes them and hands
//! them to the mail server, on every instance at once.
//!
//! Each message is claimed before it is sent ([`Storage::claim_mail`]), so
//! two instances never send one message; a claim lasts long enough for a
//! batch at the slowest the mail server may answer ([`CLAIM`]), and runs out
//! if its instance stops, so another sends it then.
//!
//! - Sent: the row goes, with its address. A batch is sent [`IN_FLIGHT`]
//!   messages at a time (one at a time, each after [`PAGES_FIRST`], while
//!   the instance answers requests) and recorded at its end, in one commit: an
//!   instance that dies mid-batch sends that batch's sent messages again
//!   once its claims run out.
//! - The mail server does not answer (down, timed out, refused the
//!   connection): the batch is given back, no attempt counted, and the
//!   postman waits longer each time ([`PAUSES`]) until it answers again.
//! - The mail server asks to try later (4xx): tried again after a growing
//!   backoff ([`retry_after`]); given up after [`MAX_ATTEMPTS`].
//! - The mail server refuses it for good (5xx), or the address cannot be
//!   written: given up at once, its address emptied.

use super::Mailer;
use super::letters::{Letter, Links, Memo, write};
use crate::storage::{QueuedMail, Storage};
use app::error::AppError;
use futures_util::StreamExt;
use lettre::AsyncTransport;
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use std::time::Duration;
use time::OffsetDateTime;

/// Messages claimed at once.
const BATCH: i64 = 50;
/// Messages sent at once, each on a connection of the pool.
const IN_FLIGHT: usize = 8;
/// How long a claim holds: a batch at the mail server's slowest.
const CLAIM: Duration = Duration::from_secs(30 * 60);
/// How often an idle postman looks for due messages.
const POLL: Duration = Duration::from_secs(1);
/// Waits after the mail server did not answer, one longer each time in a row.
const PAUSES: [u64; 7] = [1, 2, 5, 10, 30, 60, 300];
/// Attempts before a message the mail server keeps deferring is given up.
pub const MAX_ATTEMPTS: i64 = 10;
/// While pages are being answered: one message at a time, and this pause
/// before each, so the pages keep the processor.
const PAGES_FIRST: Duration = Duration::from_millis(25);

/// What one round of delivery did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Round {
    pub sent: usize,
    /// Deferred or given up.
    pub failed: usize,
    /// The mail server did not answer: the round's messages wait.
    pub unreachable: bool,
}

/// One instance's sender of queued mail.
pub struct Postman {
    storage: Storage,
    mailer: Mailer,
    links: Links,
    /// This instance's name on its claims.
    holder: String,
    /// The requests this instance is answering, which come first.
    serving: Option<crate::guards::Serving>,
}

impl Postman {
    pub fn new(storage: Storage, mailer: Mailer, links: Links) -> Postman {
        Postman {
            storage,
            mailer,
            links,
            holder: format!("postman-{}", &crate::accounts::random_token()[..16]),
            serving: None,
        }
    }

    /// Sends slower while this instance answers requests: one message at a
    /// time after a short pause, so mail to 10,000 followers does not slow
    /// the pages people are reading.
    pub fn yielding_to(self, serving: crate::guards::Serving) -> Postman {
        Postman {
            serving: Some(serving),
            ..self
        }
    }

    /// Whether requests are being answered now.
    fn pages_busy(&self) -> bool {
        self.serving.as_ref().is_some_and(|serving| serving.busy())
    }

    /// Sends due messages for as long as the server runs.
    pub async fn run(self) {
        let mut unanswered = 0;
        loop {
            match self.deliver_due().await {
                Ok(round) if round.unreachable => {
                    let pause = PAUSES[unanswered.min(PAUSES.len() - 1)];
                    unanswered += 1;
                    tracing::warn!(
                        pause_seconds = pause,
                        "the mail server does not answer: mail waits"
                    );
                    tokio::time::sleep(Duration::from_secs(pause)).await;
                }
                Ok(round) if round.sent + round.failed > 0 => unanswered = 0,
                Ok(_) => tokio::time::sleep(POLL).await,
                Err(error) => {
                    tracing::error!(%error, "could not deliver mail");
                    tokio::time::sleep(Duration::from_secs(PAUSES[3])).await;
                }
            }
        }
    }

    /// Claims the due messages (a batch) and sends them.
    pub async fn deliver_due(&self) -> Result<Round, AppError> {
        let now = OffsetDateTime::now_utc();
        let stamp = crate::clock::format_timestamp(now);
        let until = crate::clock::format_timestamp(now + CLAIM);
        let claimed = self
            .storage
            .claim_mail(&self.holder, &stamp, &until, BATCH)
            .await?;
        let mut round = Round::default();
        if claimed.is_empty() {
            return Ok(round);
        }
        let secret = self
            .storage
            .mail_secret(&crate::accounts::random_token())
            .await?;
        // Several at once: each waits on the mail server's replies (and
        // TCP's delayed acknowledgements), not on this processor.
        let memo = Memo::default();
        let sends: Vec<_> = claimed
            .iter()
            .map(|mail| Box::pin(self.send(mail, &secret, &memo)))
            .collect();
        let in_flight = if self.pages_busy() { 1 } else { IN_FLIGHT };
        let outcomes: Vec<Result<Sent, AppError>> = futures_util::stream::iter(sends)
            .buffered(in_flight)
            .collect()
            .await;
        let mut sent = Vec::new();
        let mut unanswered = Vec::new();
        let mut why = String::new();
        let mut problem = None;
        for (mail, outcome) in claimed.iter().zip(outcomes) {
            match outcome {
                Ok(Sent::Yes) => sent.push(mail.id),
                Ok(Sent::Failed) => round.failed += 1,
                Ok(Sent::Unreachable(error)) => {
                    unanswered.push(mail.id);
                    why = error;
                }
                Err(error) => problem = Some(error),
            }
        }
        round.sent = sent.len();
        self.storage.mail_sent(&sent, &self.holder).await?;
        if !unanswered.is_empty() {
            let pause = time::Duration::seconds(PAUSES[0] as i64);
            let retry = crate::clock::format_timestamp(now + pause);
            self.storage
                .release_mail(&unanswered, &self.holder, &why, &retry)
                .await?;
            round.unreachable = true;
        }
        match problem {
            Some(error) => Err(error),
            None => Ok(round),
        }
    }

    /// Writes and sends one message, and records what became of it.
    async fn send(&self, mail: &QueuedMail, secret: &str, memo: &Memo) -> Result<Sent, AppError> {
        if self.pages_busy() {
            tokio::time::sleep(PAGES_FIRST).await;
        }
        let now = crate::clock::format_timestamp(OffsetDateTime::now_utc());
        let Some(letter) = write(&self.storage, &self.links, secret, memo, mail).await? else {
            // What it was about is gone: nothing to tell, and it goes.
            return Ok(Sent::Yes);
        };
        let Some(message) = self.message(mail, letter) else {
            let error = "the address or the message could not be written";
            self.storage
                .mail_failed(mail.id, &self.holder, error, &now, None)
                .await?;
            return Ok(Sent::Failed);
        };
        match self.mailer.transport.send(message).await {
            Ok(_) => Ok(Sent::Yes),
            Err(error) if error.is_permanent() => {
                let why = format!("the mail server refused it ({})", code(&error));
                tracing::warn!(mail = mail.id, kind = mail.kind.as_str(), %why, "mail given up");
                self.storage
                    .mail_failed(mail.id, &self.holder, &why, &now, None)
                    .await?;
                Ok(Sent::Failed)
            }
            Err(error) if error.is_transient() => {
                let why = format!("the mail server asked to try later ({})", code(&error));
                let attempts = mail.attempts + 1;
                let retry = (attempts < MAX_ATTEMPTS).then(|| {
                    crate::clock::format_timestamp(
                        OffsetDateTime::now_utc() + retry_after(attempts),
                    )
                });
                self.storage
                    .mail_failed(mail.id, &self.holder, &why, &now, retry.as_deref())
                    .await?;
                Ok(Sent::Failed)
            }
            // Not the message's fault: the server is down, slow or unreachable.
            Err(error) => Ok(Sent::Unreachable(format!(
                "the mail server did not answer: {error}"
            ))),
        }
    }

    /// The message as the mail server takes it, or `None` when the
    /// recipient is not an address it could take.
    fn message(&self, mail: &QueuedMail, letter: Letter) -> Option<lettre::Message> {
        let to = mail.recipient.parse::<Mailbox>().ok()?;
        let header = |name: &'static str, value: String| {
            HeaderValue::new(HeaderName::new_from_ascii_str(name), value)
        };
        let mut message = lettre::Message::builder()
            .from(self.mailer.from.clone())
            .to(to)
            .subject(letter.subject)
            .raw_header(header("Auto-Submitted", "auto-generated".into()));
        // One-click unsubscribe (RFC 8058): the link answers a POST.
        if let Some(url) = &letter.unsubscribe {
            message = message
                .raw_header(header("List-Unsubscribe", format!("<{url}>")))
                .raw_header(header(
                    "List-Unsubscribe-Post",
                    "List-Unsubscribe=One-Click".into(),
                ));
        }
        message
            .multipart(MultiPart::alternative_plain_html(letter.text, letter.html))
            .ok()
    }
}

/// What became of one message.
enum Sent {
    Yes,
    Failed,
    /// The mail server did not answer; why.
    Unreachable(String),
}

/// The mail server's reply code, for the admin pages (never its text,
/// which may repeat the address).
fn code(error: &lettre::transport::smtp::Error) -> String {
    error
        .status()
        .map_or_else(|| "no code".into(), |code| code.to_string())
}

/// How long a deferred message waits after its `attempts`-th failure:
/// a minute, doubling, at most six hours.
pub fn retry_after(attempts: i64) -> time::Duration {
    let minutes = 1i64 << attempts.clamp(1, 10).saturating_sub(1);
    time::Duration::minutes(minutes.min(6 * 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deferred_mail_waits_longer_each_time() {
        assert_eq!(retry_after(1), time::Duration::minutes(1));
        assert_eq!(retry_after(2), time::Duration::minutes(2));
        assert_eq!(retry_after(5), time::Duration::minutes(16));
        assert_eq!(retry_after(MAX_ATTEMPTS), time::Duration::minutes(360));
        assert_eq!(retry_after(40), time::Duration::minutes(360));
    }
}

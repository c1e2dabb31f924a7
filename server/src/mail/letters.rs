//! The words of each message: a subject, a plain-text part and an HTML
//! part, in the recipient's language, written when the message is sent
//! from what is true then. Every text that came from outside (a citizen's
//! question, an agency's answer, a system's name) is escaped in the HTML.
//!
//! - [`asker`]: to a citizen about their question or error report;
//! - [`followers`]: to subscribers: the confirmation, each change, digests;
//! - [`agency`]: to the people who keep the register: reminders, summaries.

mod agency;
mod asker;
mod followers;

use crate::storage::{FollowedChange, MailKind, QueuedMail, Storage};
use app::error::AppError;
use app::html::escaped;
use app::i18n::{Language, Languages, PageLanguage, t_in};
use app::mail::Follows;
use std::collections::HashMap;
use std::sync::Mutex;

/// A message ready to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Letter {
    pub subject: String,
    pub text: String,
    pub html: String,
    /// The one-click unsubscribe link (`List-Unsubscribe`), for subscribers.
    pub unsubscribe: Option<String>,
}

/// Where the register is, for links, and its languages.
#[derive(Clone, Debug)]
pub struct Links {
    /// `https://register.example.gov`.
    pub origin: String,
    pub languages: Languages,
}

impl Links {
    /// The absolute address of `path` in `language` (`/nl/systems/…` for
    /// a language other than the register's default).
    pub fn to(&self, language: Language, path: &str) -> String {
        let page = PageLanguage {
            language,
            in_address: language != self.languages.default_language(),
        };
        format!("{}{}", self.origin, page.href(path))
    }

    /// The register's language with code `code`, or its default.
    pub fn language(&self, code: &str) -> Language {
        self.languages
            .get(code)
            .unwrap_or(self.languages.default_language())
    }
}

/// What a message is about, as queued: the fields its kind uses.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub(super) struct About {
    #[serde(default)]
    pub comment: Option<i64>,
    #[serde(default)]
    pub taken_down: bool,
    #[serde(default)]
    pub subscription: Option<i64>,
    #[serde(default)]
    pub change: Option<i64>,
    #[serde(default)]
    pub answer: Option<i64>,
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub until: Option<String>,
    #[serde(default)]
    pub account: Option<i64>,
    /// The systems a followed search found when its message was queued.
    #[serde(default)]
    pub systems: Vec<String>,
}

/// What the messages of one batch read alike, read once: 10,000
/// followers of one agency get 10,000 messages about one change.
#[derive(Debug, Default)]
pub struct Memo {
    changes: Mutex<HashMap<i64, Option<FollowedChange>>>,
    names: Mutex<HashMap<(Follows, String), Option<String>>>,
}

impl Memo {
    /// [`Storage::change_for_mail`], read once a batch.
    pub(super) async fn change(
        &self,
        storage: &Storage,
        seq: i64,
    ) -> Result<Option<FollowedChange>, AppError> {
        if let Some(known) = self.changes.lock().expect("the memo's lock").get(&seq) {
            return Ok(known.clone());
        }
        let found = storage.change_for_mail(seq).await?;
        let mut changes = self.changes.lock().expect("the memo's lock");
        changes.insert(seq, found.clone());
        Ok(found)
    }

    /// [`Storage::followed_name`], read once a batch.
    pub(super) async fn name(
        &self,
        storage: &Storage,
        follows: Follows,
        target: &str,
    ) -> Result<Option<String>, AppError> {
        let key = (follows, target.to_string());
        if let Some(known) = self.names.lock().expect("the memo's lock").get(&key) {
            return Ok(known.clone());
        }
        let found = storage.followed_name(follows, target).await?;
        let mut names = self.names.lock().expect("the memo's lock");
        names.insert(key, found.clone());
        Ok(found)
    }
}

/// Writes `mail`, or `None` when what it is about is gone (nothing to
/// say). Links in subscribers' mail are signed with `secret`; what
/// messages of a batch read alike is kept in `memo`.
pub async fn write(
    storage: &Storage,
    links: &Links,
    secret: &str,
    memo: &Memo,
    mail: &QueuedMail,
) -> Result<Option<Letter>, AppError> {
    let language = links.language(&mail.language);
    let about: About = serde_json::from_str(&mail.about).map_err(|e| {
        AppError::Internal(format!(
            "mail {} is about something unreadable: {e}",
            mail.id
        ))
    })?;
    match mail.kind {
        MailKind::CommentPublished | MailKind::CommentDeclined | MailKind::CommentAnswered => {
            asker::write(storage, links, mail.kind, &about, language).await
        }
        MailKind::SubscriptionConfirm
        | MailKind::SubscriptionKnown
        | MailKind::SubscriptionChange
        | MailKind::SubscriptionDigest => {
            let writer = followers::Writer {
                storage,
                memo,
                links,
                secret,
                language,
            };
            writer.write(mail.kind, &about).await
        }
        MailKind::AgencyReminder => agency::reminder(storage, links, &about, language).await,
        MailKind::AdminSummary => agency::summary(storage, links, &about, language).await,
    }
}

/// One part of a message's body: a heading, a quoted text, a list of
/// things each with its link, a link.
#[derive(Clone, Debug, Default)]
pub(super) struct Section {
    pub heading: String,
    pub quoted: Option<String>,
    /// Each thing's words, and its address if it has one.
    pub items: Vec<(String, Option<String>)>,
    pub link: Option<(String, String)>,
}

/// The parts of a message: an opening, its sections, why the recipient
/// gets it, and (for subscribers) the way out, with the register's name.
pub(super) fn compose(
    language: Language,
    links: &Links,
    subject: String,
    opening: &str,
    sections: &[Section],
    why: &str,
    unsubscribe: Option<String>,
) -> Letter {
    let register = t_in(language, "site-name");
    let tagline = t_in(language, "site-tagline");
    let home = links.to(language, "/");
    let mut text = format!("{opening}\n\n");
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head>\
         <body style=\"font-family: sans-serif; line-height: 1.5; max-width: 40em\"><p>{}</p>",
        language.code(),
        escaped(&subject),
        escaped(opening)
    );
    for section in sections {
        add_section(section, &mut text, &mut html);
    }
    text.push_str(&format!("-- \n{why}\n"));
    html.push_str(&format!(
        "<hr><p style=\"font-size: 0.9em\">{}",
        escaped(why)
    ));
    if let Some(url) = &unsubscribe {
        let label = t_in(language, "mail-unsubscribe");
        text.push_str(&format!("{label} {url}\n"));
        html.push_str(&format!(
            "<br><a href=\"{}\">{}</a>",
            escaped(url),
            escaped(label.trim_end().trim_end_matches(':'))
        ));
    }
    text.push_str(&format!("{register}: {tagline}\n{home}\n"));
    html.push_str(&format!(
        "<br><a href=\"{}\">{}</a>: {}</p></body></html>\n",
        escaped(&home),
        escaped(&register),
        escaped(&tagline)
    ));
    Letter {
        subject: subject.replace(['\r', '\n'], " "),
        text,
        html,
        unsubscribe,
    }
}

/// Adds `section` to both parts of a message.
fn add_section(section: &Section, text: &mut String, html: &mut String) {
    if !section.heading.is_empty() {
        text.push_str(&format!("{}\n\n", section.heading));
        html.push_str(&format!(
            "<p><strong>{}</strong></p>",
            escaped(&section.heading)
        ));
    }
    if let Some(quoted) = &section.quoted {
        let quoted = quoted.replace("\r\n", "\n");
        for line in quoted.lines() {
            text.push_str(&format!("> {line}\n"));
        }
        text.push('\n');
        let paragraphs: String = quoted
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| format!("<p>{}</p>", escaped(p).replace('\n', "<br>")))
            .collect();
        html.push_str(&format!(
            "<blockquote style=\"border-left: 4px solid #888; margin-left: 0; padding-left: 1em\">{paragraphs}</blockquote>"
        ));
    }
    if !section.items.is_empty() {
        html.push_str("<ul>");
        for (words, url) in &section.items {
            text.push_str(&format!("- {words}\n"));
            match url {
                Some(url) => {
                    text.push_str(&format!("  {url}\n"));
                    html.push_str(&format!(
                        "<li><a href=\"{}\">{}</a></li>",
                        escaped(url),
                        escaped(words)
                    ));
                }
                None => html.push_str(&format!("<li>{}</li>", escaped(words))),
            }
        }
        html.push_str("</ul>");
        text.push('\n');
    }
    if let Some((label, url)) = &section.link {
        text.push_str(&format!("{label} {url}\n\n"));
        // A link reads as its words, without the colon the text puts
        // before the address.
        html.push_str(&format!(
            "<p><a href=\"{}\">{}</a></p>",
            escaped(url),
            escaped(label.trim_end().trim_end_matches(':'))
        ));
    }
}

#[cfg(test)]
pub(super) fn test_links() -> Links {
    Links {
        origin: "https://register.example.gov".into(),
        languages: Languages::parse("en,nl").unwrap(),
    }
}

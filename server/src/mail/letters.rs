//! The words of each message: a subject, a plain-text part and an HTML
//! part, in the recipient's language, written when the message is sent
//! from what is true then. Every text that came from outside (a citizen's
//! question, an agency's answer, a system's name) is escaped in the HTML.

use crate::storage::{CommentForMail, MailKind, QueuedMail, Storage};
use app::error::AppError;
use app::html::escaped;
use app::i18n::{Language, Languages, PageLanguage, t_in, t_with_in};
use app::record::CommentState;

/// A message ready to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Letter {
    pub subject: String,
    pub text: String,
    pub html: String,
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
}

/// What a message is about, as queued.
#[derive(Clone, Copy, Debug, serde::Deserialize)]
struct About {
    comment: i64,
    #[serde(default)]
    taken_down: bool,
}

/// Writes `mail`, or `None` when what it is about is gone (nothing to say).
pub async fn write(
    storage: &Storage,
    links: &Links,
    mail: &QueuedMail,
) -> Result<Option<Letter>, AppError> {
    let language = links
        .languages
        .get(&mail.language)
        .unwrap_or(links.languages.default_language());
    let about: About = serde_json::from_str(&mail.about).map_err(|e| {
        AppError::Internal(format!(
            "mail {} is about something unreadable: {e}",
            mail.id
        ))
    })?;
    let Some(comment) = storage.comment_for_mail(about.comment).await? else {
        return Ok(None);
    };
    let days = storage.feedback_settings().await?.email_retention_days;
    Ok(Some(to_asker(
        mail.kind,
        &comment,
        about.taken_down,
        days,
        links,
        language,
    )))
}

/// A message to the citizen who wrote `comment`.
fn to_asker(
    kind: MailKind,
    comment: &CommentForMail,
    taken_down: bool,
    retention_days: i64,
    links: &Links,
    language: Language,
) -> Letter {
    let args = [
        ("kind", comment.kind.as_str().into()),
        ("system", comment.system_name.clone().into()),
        ("agency", comment.agency_name.clone().into()),
    ];
    let say = |key: &str| t_with_in(language, key, &args).into_owned();
    let (subject, opening, quoted_label, quoted) = match kind {
        MailKind::CommentPublished => (
            say("mail-asker-published-subject"),
            say("mail-asker-published"),
            say("mail-asker-you-wrote"),
            comment.body.clone(),
        ),
        MailKind::CommentDeclined => {
            let reason = comment
                .hidden_reason
                .as_deref()
                .map(|reason| t_in(language, &format!("hide_reason-{reason}")).into_owned())
                .unwrap_or_default();
            let mut args = args.to_vec();
            args.push(("reason", reason.into()));
            let key = if taken_down {
                "mail-asker-taken-down"
            } else {
                "mail-asker-declined"
            };
            (
                say("mail-asker-declined-subject"),
                t_with_in(language, key, &args).into_owned(),
                say("mail-asker-you-wrote"),
                comment.body.clone(),
            )
        }
        MailKind::CommentAnswered => (
            say("mail-asker-answered-subject"),
            say("mail-asker-answered"),
            say("mail-asker-the-answer"),
            comment.answer.clone().unwrap_or_default(),
        ),
    };
    // A declined comment is not on the page; the page still says who to ask.
    let link = if comment.state == CommentState::Published {
        links.to(language, &format!("/systems/{}#feedback", comment.system.0))
    } else {
        links.to(language, &format!("/systems/{}", comment.system.0))
    };
    let why = t_with_in(
        language,
        "mail-asker-why",
        &[("days", retention_days.into())],
    )
    .into_owned();
    compose(
        language,
        links,
        subject,
        &opening,
        &quoted_label,
        &quoted,
        &link,
        &why,
    )
}

/// The parts of a message: an opening, a quoted text, a link to the page,
/// and why the recipient gets it, with the register's name.
#[allow(clippy::too_many_arguments)]
fn compose(
    language: Language,
    links: &Links,
    subject: String,
    opening: &str,
    quoted_label: &str,
    quoted: &str,
    link: &str,
    why: &str,
) -> Letter {
    let register = t_in(language, "site-name");
    let tagline = t_in(language, "site-tagline");
    let home = links.to(language, "/");
    let read = t_in(language, "mail-read-online");
    let quoted = quoted.replace("\r\n", "\n");
    let quoted_text: String = quoted.lines().map(|line| format!("> {line}\n")).collect();
    let text = format!(
        "{opening}\n\n{quoted_label}\n\n{quoted_text}\n{read} {link}\n\n-- \n{why}\n{register}: {tagline}\n{home}\n"
    );
    let quoted_html: String = quoted
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{}</p>", escaped(p).replace('\n', "<br>")))
        .collect();
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\
         <body style=\"font-family: sans-serif; line-height: 1.5; max-width: 40em\">\
         <p>{opening}</p><p>{quoted_label}</p><blockquote style=\"border-left: 4px solid #888; margin-left: 0; padding-left: 1em\">{quoted_html}</blockquote>\
         <p><a href=\"{link}\">{read}</a></p>\
         <hr><p style=\"font-size: 0.9em\">{why}<br><a href=\"{home}\">{register}</a>: {tagline}</p></body></html>\n",
        lang = language.code(),
        title = escaped(&subject),
        opening = escaped(opening),
        quoted_label = escaped(quoted_label),
        link = escaped(link),
        read = escaped(&read),
        why = escaped(why),
        home = escaped(&home),
        register = escaped(&register),
        tagline = escaped(&tagline),
    );
    Letter {
        subject: subject.replace(['\r', '\n'], " "),
        text,
        html,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::record::{FeedbackKind, SystemId};

    fn links() -> Links {
        Links {
            origin: "https://register.example.gov".into(),
            languages: Languages::parse("en,nl").unwrap(),
        }
    }

    fn hostile_comment() -> CommentForMail {
        CommentForMail {
            system: SystemId("benefit-fraud-risk".into()),
            system_name: "<script>alert(1)</script> Risk".into(),
            agency_name: "Tax & Customs".into(),
            kind: FeedbackKind::Question,
            body: "Why <b>me</b>?\r\nSecond line.\r\n\r\nNew paragraph.".into(),
            state: CommentState::Published,
            hidden_reason: None,
            answer: Some("Because </blockquote><a href=x>".into()),
        }
    }

    #[test]
    fn an_answer_quotes_the_answer_and_links_to_the_page() {
        let letter = to_asker(
            MailKind::CommentAnswered,
            &hostile_comment(),
            false,
            90,
            &links(),
            Language::SOURCE,
        );
        assert!(
            letter.subject.contains("answered your question"),
            "{}",
            letter.subject
        );
        assert!(
            letter.text.contains("> Because </blockquote><a href=x>"),
            "{}",
            letter.text
        );
        assert!(
            letter
                .text
                .contains("https://register.example.gov/systems/benefit-fraud-risk#feedback")
        );
        assert!(
            letter
                .html
                .contains("Because &lt;/blockquote&gt;&lt;a href=x&gt;"),
            "{}",
            letter.html
        );
        assert!(!letter.html.contains("<script>"), "{}", letter.html);
        assert!(!letter.html.contains("<b>"), "{}", letter.html);
    }

    #[test]
    fn a_declined_question_gives_the_reason_in_the_askers_language() {
        let mut comment = hostile_comment();
        comment.state = CommentState::Hidden;
        comment.hidden_reason = Some("off_topic".into());
        let dutch = Language::parse("nl").unwrap();
        let letter = to_asker(
            MailKind::CommentDeclined,
            &comment,
            false,
            90,
            &links(),
            dutch,
        );
        assert!(letter.text.contains("Niet ter zake"), "{}", letter.text);
        assert!(
            letter
                .text
                .contains("https://register.example.gov/nl/systems/benefit-fraud-risk\n")
        );
        assert!(
            letter
                .html
                .starts_with("<!DOCTYPE html>\n<html lang=\"nl\">")
        );
        // Windows line endings are quoted line by line.
        assert!(
            letter.text.contains("> Why <b>me</b>?\n> Second line.\n"),
            "{}",
            letter.text
        );
        assert!(!letter.text.contains('\r'));
    }
}

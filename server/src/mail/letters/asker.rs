//! Mail to the citizen who left an address with a question or error
//! report: published, declined (with the reason, never the moderator's
//! note) or taken down, and answered.

use super::{About, Letter, Links, Section, compose};
use crate::storage::{CommentForMail, MailKind, Storage};
use app::error::AppError;
use app::i18n::{Language, t_in, t_with_in};
use app::record::CommentState;

pub(super) async fn write(
    storage: &Storage,
    links: &Links,
    kind: MailKind,
    about: &About,
    language: Language,
) -> Result<Option<Letter>, AppError> {
    let Some(id) = about.comment else {
        return Ok(None);
    };
    let Some(comment) = storage.comment_for_mail(id).await? else {
        return Ok(None);
    };
    let days = storage.feedback_settings().await?.email_retention_days;
    Ok(Some(to_asker(
        kind,
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
    let mut args = vec![
        ("kind", comment.kind.as_str().into()),
        ("system", comment.system_name.clone().into()),
        ("agency", comment.agency_name.clone().into()),
    ];
    if let Some(reason) = &comment.hidden_reason {
        let reason = t_in(language, &format!("hide_reason-{reason}")).into_owned();
        args.push(("reason", reason.into()));
    }
    let say = |key: &str| t_with_in(language, key, &args).into_owned();
    let (subject, opening, heading, quoted) = match kind {
        MailKind::CommentDeclined if taken_down => (
            say("mail-asker-declined-subject"),
            say("mail-asker-taken-down"),
            say("mail-asker-you-wrote"),
            comment.body.clone(),
        ),
        MailKind::CommentDeclined => (
            say("mail-asker-declined-subject"),
            say("mail-asker-declined"),
            say("mail-asker-you-wrote"),
            comment.body.clone(),
        ),
        MailKind::CommentAnswered => (
            say("mail-asker-answered-subject"),
            say("mail-asker-answered"),
            say("mail-asker-the-answer"),
            comment.answer.clone().unwrap_or_default(),
        ),
        _ => (
            say("mail-asker-published-subject"),
            say("mail-asker-published"),
            say("mail-asker-you-wrote"),
            comment.body.clone(),
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
    let section = Section {
        heading,
        quoted: Some(quoted),
        items: Vec::new(),
        link: Some((t_in(language, "mail-read-online").into_owned(), link)),
    };
    compose(language, links, subject, &opening, &[section], &why, None)
}

#[cfg(test)]
mod tests {
    use super::super::test_links as links;
    use super::*;
    use app::record::{FeedbackKind, SystemId};

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
        assert_eq!(letter.unsubscribe, None);
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

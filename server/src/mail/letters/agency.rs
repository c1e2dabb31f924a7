//! Mail to the people who keep the register: the weekly reminder to an
//! agency's editors and approvers, and the weekly summary to admins.
//!
//! Both are written when they are sent, from what is true then: a draft
//! approved or a question answered meanwhile is not listed, a kind the
//! account turned off is left out, and a reminder with nothing left to
//! tell (or to an account disabled meanwhile) is not sent.

use super::{About, Letter, Links, Section, compose};
use crate::mail::reminders::ReminderClock;
use crate::storage::{MailAccount, Storage, WaitingQuestion, WeekSummary};
use app::error::AppError;
use app::i18n::{FluentValue, Language, date_words_in, t_in, t_with_in};
use app::mail::{AccountMail, Follows};
use app::manage::ReviewDue;
use app::record::{Role, SystemId};

/// A message's arguments.
type Args<'a> = [(&'a str, FluentValue<'a>)];

/// The things of each kind a reminder lists; the rest it counts, with a
/// link to the page that lists them all.
const LISTED: usize = 10;

/// What waits in an agency, as one reminder tells it.
#[derive(Clone, Debug, Default)]
pub(super) struct Waiting {
    pub agency_name: String,
    pub drafts: Vec<(SystemId, String)>,
    /// The first [`LISTED`] questions, and how many there are.
    pub questions: Vec<WaitingQuestion>,
    pub questions_total: i64,
    pub answer_reminder_days: i64,
    /// The first [`LISTED`] records due for review, and how many there are.
    pub reviews: Vec<ReviewDue>,
    pub reviews_total: i64,
}

/// The account the message is for, if it still gets this kind of mail.
async fn account_for(
    storage: &Storage,
    about: &About,
    role_fits: fn(Role) -> bool,
) -> Result<Option<MailAccount>, AppError> {
    let Some(id) = about.account else {
        return Ok(None);
    };
    Ok(storage
        .mail_account(id)
        .await?
        .filter(|account| !account.disabled && role_fits(account.role)))
}

pub(super) async fn reminder(
    storage: &Storage,
    links: &Links,
    about: &About,
    language: Language,
) -> Result<Option<Letter>, AppError> {
    let Some(account) = account_for(storage, about, Role::belongs_to_agency).await? else {
        return Ok(None);
    };
    let Some(agency) = &account.agency else {
        return Ok(None);
    };
    let days = storage.feedback_settings().await?.answer_reminder_days;
    let Some(clock) = about
        .until
        .as_deref()
        .and_then(|until| ReminderClock::of_run(until, days))
    else {
        return Ok(None);
    };
    let on = |kind| !account.turned_off.contains(&kind);
    let mut waiting = Waiting {
        agency_name: storage
            .followed_name(Follows::Agency, &agency.0)
            .await?
            .unwrap_or_else(|| agency.0.clone()),
        answer_reminder_days: days,
        ..Waiting::default()
    };
    if on(AccountMail::Drafts) {
        waiting.drafts = storage.drafts_waiting(agency).await?;
    }
    if on(AccountMail::Questions) {
        (waiting.questions_total, waiting.questions) = storage
            .questions_waiting(agency, &clock.questions_before, LISTED as i64)
            .await?;
    }
    if on(AccountMail::Reviews) {
        (waiting.reviews_total, waiting.reviews) = storage
            .reviews_due_before(agency, &clock.reviews_until, LISTED as i64)
            .await?;
    }
    Ok(remind(&waiting, links, language))
}

/// The reminder of `waiting`, or `None` when nothing waits.
pub(super) fn remind(waiting: &Waiting, links: &Links, language: Language) -> Option<Letter> {
    let count = waiting.drafts.len() as i64 + waiting.questions_total + waiting.reviews_total;
    if count == 0 {
        return None;
    }
    let say = |key: &str, args: &Args| t_with_in(language, key, args).into_owned();
    let agency = || FluentValue::from(waiting.agency_name.clone());
    let lister = Lister { links, language };
    let mut sections = Vec::new();
    if !waiting.drafts.is_empty() {
        let items = waiting
            .drafts
            .iter()
            .take(LISTED)
            .map(|(id, name)| (name.clone(), lister.manage(id)));
        sections.push(Section {
            heading: say(
                "mail-reminder-drafts",
                &[("count", waiting.drafts.len().into())],
            ),
            items: lister.counted(items, waiting.drafts.len() as i64, "/manage#drafts"),
            ..Section::default()
        });
    }
    if !waiting.questions.is_empty() {
        sections.push(lister.questions(waiting));
    }
    if !waiting.reviews.is_empty() {
        let items = waiting.reviews.iter().map(|review| {
            let key = if review.overdue {
                "mail-reminder-overdue"
            } else {
                "mail-reminder-due"
            };
            let date = date_words_in(language, review.review_by.as_str());
            let words = say(
                key,
                &[("name", review.name.clone().into()), ("date", date.into())],
            );
            (words, lister.manage(&review.id))
        });
        sections.push(Section {
            heading: say(
                "mail-reminder-reviews",
                &[("count", waiting.reviews_total.into())],
            ),
            items: lister.counted(items, waiting.reviews_total, "/manage#reviews"),
            ..Section::default()
        });
    }
    sections.push(choose_link(links, language));
    Some(compose(
        language,
        links,
        say(
            "mail-reminder-subject",
            &[("count", count.into()), ("agency", agency())],
        ),
        &say("mail-reminder-opening", &[("agency", agency())]),
        &sections,
        &say("mail-reminder-why", &[("agency", agency())]),
        None,
    ))
}

/// Lists what waits, with links, in one language.
struct Lister<'a> {
    links: &'a Links,
    language: Language,
}

impl Lister<'_> {
    /// A system's page in `/manage`.
    fn manage(&self, id: &SystemId) -> Option<String> {
        Some(
            self.links
                .to(self.language, &format!("/manage/systems/{id}")),
        )
    }

    /// `items`, and when `total` is more, "…and 12 more" leading to `path`,
    /// the page that lists them all.
    fn counted(
        &self,
        items: impl Iterator<Item = (String, Option<String>)>,
        total: i64,
        path: &str,
    ) -> Vec<(String, Option<String>)> {
        let mut items: Vec<_> = items.collect();
        let rest = total - items.len() as i64;
        if rest > 0 {
            let words = t_with_in(
                self.language,
                "mail-reminder-more",
                &[("count", rest.into())],
            );
            items.push((words.into_owned(), Some(self.links.to(self.language, path))));
        }
        items
    }

    /// The questions waiting too long, with the way to answer them.
    fn questions(&self, waiting: &Waiting) -> Section {
        let language = self.language;
        let items = waiting.questions.iter().map(|question| {
            let words = t_with_in(
                language,
                "mail-reminder-question",
                &[
                    ("system", question.system_name.clone().into()),
                    (
                        "date",
                        date_words_in(language, &question.published_at).into(),
                    ),
                ],
            );
            let page = format!("/systems/{}#feedback", question.system);
            (words.into_owned(), Some(self.links.to(language, &page)))
        });
        Section {
            heading: t_with_in(
                language,
                "mail-reminder-questions",
                &[
                    ("count", waiting.questions_total.into()),
                    ("days", waiting.answer_reminder_days.into()),
                ],
            )
            .into_owned(),
            items: self.counted(items, waiting.questions_total, "/manage/answers"),
            link: Some((
                t_in(language, "mail-reminder-answer").into_owned(),
                self.links.to(language, "/manage/answers"),
            )),
            ..Section::default()
        }
    }
}

/// "Choose the email you get": the account's `/manage/email`.
fn choose_link(links: &Links, language: Language) -> Section {
    Section {
        link: Some((
            t_in(language, "mail-choose").into_owned(),
            links.to(language, "/manage/email"),
        )),
        ..Section::default()
    }
}

pub(super) async fn summary(
    storage: &Storage,
    links: &Links,
    about: &About,
    language: Language,
) -> Result<Option<Letter>, AppError> {
    let Some(account) = account_for(storage, about, |role| role == Role::Admin).await? else {
        return Ok(None);
    };
    let (Some(from), Some(until)) = (&about.from, &about.until) else {
        return Ok(None);
    };
    if account.turned_off.contains(&AccountMail::Summary) {
        return Ok(None);
    }
    let days = storage.feedback_settings().await?.answer_reminder_days;
    let Some(clock) = ReminderClock::of_run(until, days) else {
        return Ok(None);
    };
    let week = storage
        .week_summary(from, until, &clock.questions_before)
        .await?;
    Ok(Some(summarise(&week, from, until, days, links, language)))
}

/// The summary of `week`, from `from` to `until`.
pub(super) fn summarise(
    week: &WeekSummary,
    from: &str,
    until: &str,
    answer_reminder_days: i64,
    links: &Links,
    language: Language,
) -> Letter {
    let say = |key: &str, count: i64| {
        t_with_in(
            language,
            key,
            &[
                ("count", count.into()),
                ("days", answer_reminder_days.into()),
            ],
        )
        .into_owned()
    };
    let line = |key: &str, count: i64| (say(key, count), None);
    let to = |key: &str, count: i64, path: &str| (say(key, count), Some(links.to(language, path)));
    let happened = Section {
        heading: t_in(language, "mail-summary-happened").into_owned(),
        items: vec![
            line("mail-summary-new-systems", week.new_systems),
            line("mail-summary-new-versions", week.new_versions),
            line("mail-summary-retired", week.retired),
            line("mail-summary-audits", week.audits),
            line("mail-summary-comments", week.comments_received),
            line("mail-summary-published", week.comments_published),
            line("mail-summary-answers", week.answers),
        ],
        ..Section::default()
    };
    let waiting = Section {
        heading: t_in(language, "mail-summary-waiting").into_owned(),
        items: vec![
            to(
                "mail-summary-comments-waiting",
                week.comments_waiting,
                "/manage/feedback",
            ),
            line("mail-summary-questions-waiting", week.questions_waiting),
            line("mail-summary-drafts-waiting", week.drafts_waiting),
            line("mail-summary-reviews-overdue", week.reviews_overdue),
        ],
        link: Some((
            t_in(language, "mail-summary-manage").into_owned(),
            links.to(language, "/manage"),
        )),
        ..Section::default()
    };
    let dates = [
        ("from", FluentValue::from(date_words_in(language, from))),
        ("until", FluentValue::from(date_words_in(language, until))),
    ];
    compose(
        language,
        links,
        t_with_in(language, "mail-summary-subject", &dates).into_owned(),
        &t_with_in(language, "mail-summary-opening", &dates),
        &[happened, waiting, choose_link(links, language)],
        &t_in(language, "mail-summary-why"),
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mail::letters::test_links;

    const HOSTILE: &str = "<script>alert(1)</script> & \"Tax\"";

    #[test]
    fn a_reminder_lists_what_waits_with_outside_text_escaped() {
        let en = Language::parse("en").unwrap();
        let waiting = Waiting {
            agency_name: HOSTILE.into(),
            drafts: vec![(SystemId("tax-1".into()), HOSTILE.into())],
            questions: vec![WaitingQuestion {
                system: SystemId("tax-2".into()),
                system_name: HOSTILE.into(),
                published_at: "2026-11-02T10:00:00Z".into(),
            }],
            questions_total: 1,
            answer_reminder_days: 14,
            reviews: vec![ReviewDue {
                id: SystemId("tax-3".into()),
                name: "Risk model".into(),
                review_by: app::record::Timestamp("2026-11-30T00:00:00Z".into()),
                overdue: true,
            }],
            reviews_total: 1,
        };
        let letter = remind(&waiting, &test_links(), en).unwrap();
        assert!(
            letter.subject.starts_with("3 things wait"),
            "{}",
            letter.subject
        );
        assert!(!letter.html.contains("<script>"), "{}", letter.html);
        assert!(letter.html.contains("&lt;script&gt;"));
        assert!(
            letter
                .text
                .contains("https://register.example.gov/manage/systems/tax-1")
        );
        assert!(
            letter
                .text
                .contains("Risk model: overdue since 30 November 2026")
        );
        assert!(letter.text.contains("/manage/email"));
        assert!(letter.unsubscribe.is_none());
        // Past ten of a kind, the rest are counted and linked.
        let many = Waiting {
            reviews_total: 25,
            ..waiting.clone()
        };
        let letter = remind(&many, &test_links(), en).unwrap();
        assert!(
            letter.subject.starts_with("27 things wait"),
            "{}",
            letter.subject
        );
        assert!(letter.text.contains("25 records are due for review:"));
        assert!(
            letter
                .text
                .contains("- …and 24 more\n  https://register.example.gov/manage#reviews"),
            "{}",
            letter.text
        );
        let nothing = Waiting {
            agency_name: "Tax Office".into(),
            ..Waiting::default()
        };
        assert!(remind(&nothing, &test_links(), en).is_none());
    }

    #[test]
    fn a_summary_counts_the_week_in_the_recipients_language() {
        let nl = Language::parse("nl").unwrap();
        let week = WeekSummary {
            new_systems: 2,
            comments_waiting: 1,
            ..WeekSummary::default()
        };
        let letter = summarise(
            &week,
            "2026-11-27T10:00:00.000000Z",
            "2026-12-04T10:00:00.000000Z",
            14,
            &test_links(),
            nl,
        );
        assert!(
            letter.subject.contains("4 december 2026"),
            "{}",
            letter.subject
        );
        assert!(
            letter
                .text
                .contains("https://register.example.gov/nl/manage/feedback")
        );
        assert!(letter.html.contains("<li>"));
        assert!(
            letter
                .text
                .contains("- 2 nieuwe systemen\n- Geen nieuwe versies\n"),
            "{}",
            letter.text
        );
    }
}

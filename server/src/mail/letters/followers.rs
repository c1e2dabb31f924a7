//! Mail to subscribers: the confirmation a subscription starts with, the
//! reminder when someone asks again for one already confirmed, a message
//! for each change, and the daily digest. Every message after the
//! confirmation carries a signed one-click unsubscribe link.

use super::{About, Letter, Links, Section, compose};
use crate::mail::tokens::{Purpose, sign};
use crate::storage::{FollowedChange, MailKind, Storage, Subscription};
use app::error::AppError;
use app::i18n::{FluentValue, Language, t_in, t_with_in};
use app::mail::{Follows, Frequency};

/// A message's arguments.
type Args = Vec<(&'static str, FluentValue<'static>)>;

/// Writes subscribers' mail in one language.
pub(super) struct Writer<'a> {
    pub storage: &'a Storage,
    pub memo: &'a super::Memo,
    pub links: &'a Links,
    pub secret: &'a str,
    pub language: Language,
}

impl Writer<'_> {
    pub async fn write(&self, kind: MailKind, about: &About) -> Result<Option<Letter>, AppError> {
        let Some(id) = about.subscription else {
            return Ok(None);
        };
        let Some(subscription) = self.storage.subscription(id).await? else {
            // Unsubscribed meanwhile: nothing more to say.
            return Ok(None);
        };
        let Some(name) = self
            .memo
            .name(self.storage, subscription.follows, &subscription.target)
            .await?
        else {
            return Ok(None);
        };
        let what = self.what(subscription.follows, &name);
        match kind {
            MailKind::SubscriptionConfirm if !subscription.confirmed => {
                Ok(Some(self.confirm(&subscription, &what)))
            }
            MailKind::SubscriptionKnown if subscription.confirmed => {
                Ok(Some(self.known(&subscription, &what)))
            }
            MailKind::SubscriptionChange if subscription.confirmed => {
                self.change(&subscription, &what, about).await
            }
            MailKind::SubscriptionDigest if subscription.confirmed => {
                self.digest(&subscription, &what, about).await
            }
            _ => Ok(None),
        }
    }

    fn say(&self, key: &str, args: &Args) -> String {
        t_with_in(self.language, key, args).into_owned()
    }

    /// "the agency Tax Office", "the topic “benefits”", "the system …".
    fn what(&self, follows: Follows, name: &str) -> String {
        let key = format!("mail-follow-what-{}", follows.as_str());
        self.say(&key, &vec![("name", name.to_string().into())])
    }

    fn link(&self, purpose: Purpose, subscription: &Subscription, path: &str) -> String {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let token = sign(self.secret, subscription.id, purpose, now);
        self.links
            .to(self.language, &format!("{path}?token={token}"))
    }

    fn unsubscribe(&self, subscription: &Subscription) -> String {
        self.link(Purpose::Unsubscribe, subscription, "/follow/unsubscribe")
    }

    fn confirm(&self, subscription: &Subscription, what: &str) -> Letter {
        let frequency = match subscription.frequency {
            Frequency::Immediate => "immediate",
            Frequency::Daily => "daily",
        };
        let args: Args = vec![
            ("what", what.to_string().into()),
            ("frequency", frequency.into()),
        ];
        let link = self.link(Purpose::Confirm, subscription, "/follow/confirm");
        let section = Section {
            heading: String::new(),
            quoted: None,
            items: Vec::new(),
            link: Some((self.say("mail-follow-confirm-link", &args), link)),
        };
        compose(
            self.language,
            self.links,
            self.say("mail-follow-confirm-subject", &args),
            &self.say("mail-follow-confirm", &args),
            &[section],
            &self.say("mail-follow-confirm-why", &args),
            None,
        )
    }

    fn known(&self, subscription: &Subscription, what: &str) -> Letter {
        let args: Args = vec![("what", what.to_string().into())];
        compose(
            self.language,
            self.links,
            self.say("mail-follow-known-subject", &args),
            &self.say("mail-follow-known", &args),
            &[],
            &self.say("mail-follow-why", &args),
            Some(self.unsubscribe(subscription)),
        )
    }

    async fn change(
        &self,
        subscription: &Subscription,
        what: &str,
        about: &About,
    ) -> Result<Option<Letter>, AppError> {
        let change = match (about.change, about.answer) {
            (Some(seq), _) => self.memo.change(self.storage, seq).await?,
            (None, Some(comment)) => self.answer(comment).await?,
            (None, None) => None,
        };
        let Some(change) = change else {
            return Ok(None);
        };
        let section = self.section(&change);
        let args: Args = vec![
            ("what", what.to_string().into()),
            ("system", change.system_name.clone().into()),
            ("agency", change.agency_name.clone().into()),
        ];
        let subject = format!(
            "{}: {}",
            t_in(self.language, &format!("mail-change-{}", change.kind)),
            change.system_name
        );
        Ok(Some(compose(
            self.language,
            self.links,
            subject,
            &self.say("mail-change-opening", &args),
            &[section],
            &self.say("mail-follow-why", &args),
            Some(self.unsubscribe(subscription)),
        )))
    }

    /// An official answer, as a change a follower hears of.
    async fn answer(&self, comment: i64) -> Result<Option<FollowedChange>, AppError> {
        let Some(found) = self.storage.comment_for_mail(comment).await? else {
            return Ok(None);
        };
        Ok(found.answer.map(|answer| FollowedChange {
            kind: "answered".into(),
            system: found.system.0,
            system_name: found.system_name,
            agency_name: found.agency_name,
            summary: answer,
            tags: Vec::new(),
            at: String::new(),
        }))
    }

    async fn digest(
        &self,
        subscription: &Subscription,
        what: &str,
        about: &About,
    ) -> Result<Option<Letter>, AppError> {
        let (Some(from), Some(until)) = (&about.from, &about.until) else {
            return Ok(None);
        };
        let changes = self
            .storage
            .followed_changes(
                subscription.follows,
                &subscription.target,
                &about.systems,
                from,
                until,
            )
            .await?;
        if changes.is_empty() {
            return Ok(None);
        }
        let sections: Vec<Section> = changes.iter().map(|c| self.section(c)).collect();
        let args: Args = vec![
            ("what", what.to_string().into()),
            ("count", (changes.len() as i64).into()),
        ];
        Ok(Some(compose(
            self.language,
            self.links,
            self.say("mail-digest-subject", &args),
            &self.say("mail-digest-opening", &args),
            &sections,
            &self.say("mail-follow-why", &args),
            Some(self.unsubscribe(subscription)),
        )))
    }

    /// One change: what happened to which system, its summary, its page.
    fn section(&self, change: &FollowedChange) -> Section {
        let heading = format!(
            "{}: {} ({})",
            t_in(self.language, &format!("mail-change-{}", change.kind)),
            change.system_name,
            change.agency_name
        );
        let path = match change.kind.as_str() {
            "answered" => format!("/systems/{}#feedback", change.system),
            "updated" | "retired" => format!("/systems/{}/history", change.system),
            _ => format!("/systems/{}", change.system),
        };
        Section {
            heading,
            quoted: (!change.summary.trim().is_empty()).then(|| change.summary.clone()),
            items: Vec::new(),
            link: Some((
                t_in(self.language, "mail-read-online").into_owned(),
                self.links.to(self.language, &path),
            )),
        }
    }
}

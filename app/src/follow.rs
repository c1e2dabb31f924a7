//! Following by email: `/follow?agency=…` (or `topic=`, `system=`, or
//! `search=` with a search's encoded words and filters) asks for
//! an address and how often; `/follow/confirm?token=…` and
//! `/follow/unsubscribe?token=…` are the pages of the links in the mail,
//! each a button that posts (a link alone changes nothing: mail scanners
//! open links). The server's forms are in `server/src/mail/follow.rs`.
//!
//! Whatever an address's state, asking to follow answers the same page:
//! nobody learns from it whether an address already follows something.

use crate::html::PageTitle;
use crate::i18n::{href, t, t_with, title};
use crate::layout::Unavailable;
use crate::mail::{Follows, Frequency};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};
use serde::{Deserialize, Serialize};

/// What can be followed, by name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowTarget {
    pub follows: Follows,
    pub target: String,
    /// The agency's or system's name, or the topic.
    pub name: String,
    /// The register sends mail: the form is offered.
    pub sends_mail: bool,
}

/// A link from a message, read: what its subscription follows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowLink {
    pub follows: Follows,
    pub name: String,
    pub frequency: Frequency,
    pub confirmed: bool,
}

/// What a link from a message leads to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkOutcome {
    Found(FollowLink),
    /// The link does not work (not ours, expired, or its subscription is
    /// gone): the status to answer and why, in the page's language.
    Refused {
        status: u16,
        message: String,
    },
}

/// A link's purpose, as the pages name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkPurpose {
    Confirm,
    Unsubscribe,
}

/// The follow form sent back with its problems (never the address).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FollowAttempt {
    pub frequency: String,
    pub problems: Vec<(String, String)>,
}

#[cfg(feature = "ssr")]
pub use server_side::*;

#[cfg(feature = "ssr")]
mod server_side {
    use super::*;
    use crate::error::AppError;
    use std::sync::Arc;

    /// What the follow pages read.
    #[async_trait::async_trait]
    pub trait Following: Send + Sync {
        /// The name of what `follows` `target` is, if it exists.
        async fn follow_target(
            &self,
            follows: Follows,
            target: &str,
        ) -> Result<Option<String>, AppError>;
        /// The subscription a link's token names for `purpose`, or why
        /// the link does not work, in `language`.
        async fn follow_link(
            &self,
            token: &str,
            purpose: LinkPurpose,
            language: crate::i18n::Language,
        ) -> Result<LinkOutcome, AppError>;
    }

    /// The handle the follow pages find in their context.
    pub type SharedFollowing = Arc<dyn Following>;

    pub fn following() -> Result<SharedFollowing, AppError> {
        use_context::<SharedFollowing>()
            .ok_or_else(|| AppError::Internal("no following desk in the request context".into()))
    }
}

/// What `/follow?{follows}={target}` offers to follow.
#[server]
pub async fn get_follow_target(
    follows: String,
    target: String,
) -> Result<FollowTarget, ServerFnError> {
    use crate::error::AppError;
    let Some(follows) = Follows::parse(&follows) else {
        crate::layout::set_status(404);
        return Err(AppError::NotFound.into());
    };
    // A search is kept as the search page writes it, whatever its order.
    let target = match follows {
        Follows::Search => crate::search::SystemQuery::from_query_string(&target)
            .0
            .searched(),
        _ => target,
    };
    let Some(name) = following()?.follow_target(follows, &target).await? else {
        crate::layout::set_status(404);
        return Err(AppError::NotFound.into());
    };
    Ok(FollowTarget {
        follows,
        target,
        name,
        sends_mail: crate::mail::sends_mail(),
    })
}

/// What the link with `token` is for.
#[server]
pub async fn get_follow_link(
    token: String,
    purpose: LinkPurpose,
) -> Result<LinkOutcome, ServerFnError> {
    let outcome = following()?
        .follow_link(&token, purpose, crate::i18n::language())
        .await?;
    if let LinkOutcome::Refused { status, .. } = &outcome {
        crate::layout::set_status(*status);
    }
    Ok(outcome)
}

/// "the agency Tax Office", "the topic benefits", "the system …".
fn what(follows: Follows, name: &str) -> String {
    t_with(
        &format!("mail-follow-what-{}", follows.as_str()),
        &[("name", name.to_string().into())],
    )
    .into_owned()
}

/// `/follow`: the form to follow an agency, a topic or a system.
#[component]
pub fn FollowPage() -> impl IntoView {
    // The address's own query string, decoded once here: a followed
    // search is itself an encoded query string (`?search=q%3DR%2526D`),
    // which the router's query map would decode a second time.
    let search = use_location().search.get_untracked();
    let params: Vec<(String, String)> = form_urlencoded::parse(search.as_bytes())
        .into_owned()
        .collect();
    let param = |name: &str| {
        params
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
    };
    let (follows, target) = Follows::ALL
        .into_iter()
        .find_map(|f| param(f.as_str()).map(|target| (f, target)))
        .map_or((String::new(), String::new()), |(f, target)| {
            (f.as_str().to_string(), target)
        });
    let sent = param("sent").is_some();
    let found = Resource::new(
        move || (follows.clone(), target.clone()),
        |(follows, target)| get_follow_target(follows, target),
    );
    let attempt = use_context::<FollowAttempt>().unwrap_or_default();
    // A form sent back with problems says so first in the tab's title.
    let page_title = if attempt.problems.is_empty() {
        title(&t("follow-title"))
    } else {
        t("follow-title-error").into_owned()
    };
    view! {
        <PageTitle text=page_title/>
        <Suspense fallback=|| view! { <p>{t("feedback-loading")}</p> }>
            {move || {
                let attempt = attempt.clone();
                Suspend::new(async move {
                    match found.await {
                        Ok(found) if sent => view! { <FollowSent found/> }.into_any(),
                        Ok(found) => view! { <FollowForm found attempt/> }.into_any(),
                        Err(_) => view! {
                            <h1>{t("follow-title")}</h1>
                            <p>{t("follow-unknown")}</p>
                        }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn FollowSent(found: FollowTarget) -> impl IntoView {
    let what = what(found.follows, &found.name);
    view! {
        <h1>{t("follow-sent-heading")}</h1>
        <p role="status">{t_with("follow-sent", &[("what", what.into())])}</p>
        <p>{t("follow-sent-not-you")}</p>
    }
}

#[component]
fn FollowForm(found: FollowTarget, attempt: FollowAttempt) -> impl IntoView {
    let what = what(found.follows, &found.name);
    let heading = t_with("follow-heading", &[("what", what.clone().into())]);
    let feed = match found.follows {
        Follows::Agency => Some((
            format!("/agencies/{}/feed.atom", found.target),
            t("agency-atom"),
        )),
        Follows::Search => Some((
            format!("/feeds/changes.atom?{}", found.target),
            t("search-feed"),
        )),
        Follows::System => Some((
            format!("/systems/{}/feed.atom", found.target),
            t("follow-feed-system"),
        )),
        Follows::Topic => {
            let mut params = form_urlencoded::Serializer::new(String::new());
            params.append_pair("topic", &found.target);
            Some((
                format!("/feeds/topic.atom?{}", params.finish()),
                t("follow-feed-topic"),
            ))
        }
    };
    let feed_note = feed.map(|(feed, label)| {
        view! { <p>{t("follow-feed")}" "<a href=feed>{label}</a></p> }
    });
    if !found.sends_mail {
        return view! {
            <h1>{heading}</h1>
            <p>{t("follow-no-mail")}</p>
            {feed_note}
        }
        .into_any();
    }
    let problem = |field: &str| {
        attempt
            .problems
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, message)| message.clone())
    };
    let email_problem = problem("email");
    let frequency_problem = problem("frequency");
    let summary = (!attempt.problems.is_empty()).then(|| {
        view! {
            <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
                <h2 id="error-summary-title">{t("form-problem")}</h2>
                <ul>
                    {attempt.problems.iter().map(|(field, message)| {
                        let anchor = format!("#follow-{field}");
                        view! { <li><a href=anchor>{message.clone()}</a></li> }
                    }).collect_view()}
                </ul>
            </div>
        }
    });
    let daily = attempt.frequency == "daily";
    let email_invalid = email_problem.is_some();
    let frequency_invalid = frequency_problem.is_some();
    view! {
        <h1>{heading}</h1>
        {summary}
        <p>{t_with("follow-what-you-get", &[("what", what.into())])}</p>
        <form method="post" action=href("/follow") class="follow-form">
            <input type="hidden" name="follows" value=found.follows.as_str()/>
            <input type="hidden" name="target" value=found.target.clone()/>
            <div class="field" class:field-error=email_invalid>
                <label for="follow-email">{t("follow-email")}</label>
                <p class="hint" id="follow-email-hint">{t("follow-email-hint")}</p>
                {email_problem.map(|m| view! { <p class="error-message" id="follow-email-error">{m}</p> })}
                <input type="email" id="follow-email" name="email" required maxlength="254" autocomplete="email" spellcheck="false"
                    aria-describedby=if email_invalid { "follow-email-hint follow-email-error" } else { "follow-email-hint" }
                    aria-invalid=email_invalid.then_some("true")/>
            </div>
            <fieldset class="field" class:field-error=frequency_invalid id="follow-frequency">
                <legend>{t("follow-frequency")}</legend>
                {frequency_problem.map(|m| view! { <p class="error-message">{m}</p> })}
                <div class="radio">
                    <input type="radio" id="follow-immediate" name="frequency" value="immediate" checked=!daily/>
                    <label for="follow-immediate">{t("follow-immediate")}</label>
                </div>
                <div class="radio">
                    <input type="radio" id="follow-daily" name="frequency" value="daily" checked=daily/>
                    <label for="follow-daily">{t("follow-daily")}</label>
                </div>
            </fieldset>
            // The honeypot: people never see or reach it; naive bots fill it in.
            <div class="honeypot" aria-hidden="true">
                <label for="follow-website">{t("feedback-honeypot")}</label>
                <input type="text" id="follow-website" name="website" tabindex="-1" autocomplete="off"/>
            </div>
            <p>{t("follow-privacy")}</p>
            <button type="submit">{t("follow-send")}</button>
        </form>
        {feed_note}
    }
    .into_any()
}

/// `/follow/confirm?token=…` and `/follow/unsubscribe?token=…`.
#[component]
pub fn FollowLinkPage(purpose: LinkPurpose) -> impl IntoView {
    let query = use_query_map();
    let token = query.with_untracked(|q| q.get("token").unwrap_or_default());
    let done = query.with_untracked(|q| q.get("done").is_some());
    let link = Resource::new(
        {
            let token = token.clone();
            move || token.clone()
        },
        move |token| get_follow_link(token, purpose),
    );
    let heading = match purpose {
        LinkPurpose::Confirm => t("follow-confirm-title"),
        LinkPurpose::Unsubscribe => t("follow-unsubscribe-title"),
    };
    view! {
        <PageTitle text=title(&heading)/>
        <Suspense fallback=|| view! { <p>{t("feedback-loading")}</p> }>
            {move || {
                let token = token.clone();
                let heading = heading.clone();
                Suspend::new(async move {
                    let refused = |message: String| view! {
                        <h1>{heading.clone()}</h1>
                        <p>{message}</p>
                    }.into_any();
                    match (link.await, purpose) {
                        (Ok(LinkOutcome::Found(link)), LinkPurpose::Confirm) => view! { <ConfirmView link token/> }.into_any(),
                        (Ok(LinkOutcome::Found(link)), LinkPurpose::Unsubscribe) => view! { <UnsubscribeView link token/> }.into_any(),
                        (Ok(LinkOutcome::Refused { .. }), LinkPurpose::Unsubscribe) if done => view! {
                            <h1>{t("follow-unsubscribed-title")}</h1>
                            <p role="status">{t("follow-unsubscribed")}</p>
                        }.into_any(),
                        (Ok(LinkOutcome::Refused { message, .. }), _) => refused(message),
                        (Err(_), _) => view! { <h1>{heading.clone()}</h1><Unavailable/> }.into_any(),
                    }
                })
            }}
        </Suspense>
        <p><a href=href("/")>{t("follow-back")}</a></p>
    }
}

#[component]
fn ConfirmView(link: FollowLink, token: String) -> impl IntoView {
    let what = what(link.follows, &link.name);
    let how = match link.frequency {
        Frequency::Immediate => t("follow-how-immediate"),
        Frequency::Daily => t("follow-how-daily"),
    };
    let args = [("what", what.into()), ("how", how.into())];
    if link.confirmed {
        return view! {
            <h1>{t("follow-confirmed-title")}</h1>
            <p role="status">{t_with("follow-confirmed", &args)}</p>
        }
        .into_any();
    }
    view! {
        <h1>{t("follow-confirm-title")}</h1>
        <p>{t_with("follow-confirm-ask", &args)}</p>
        <form method="post" action=href("/follow/confirm")>
            <input type="hidden" name="token" value=token/>
            <button type="submit">{t("follow-confirm-button")}</button>
        </form>
    }
    .into_any()
}

#[component]
fn UnsubscribeView(link: FollowLink, token: String) -> impl IntoView {
    let what = what(link.follows, &link.name);
    view! {
        <h1>{t("follow-unsubscribe-title")}</h1>
        <p>{t_with("follow-unsubscribe-ask", &[("what", what.into())])}</p>
        <form method="post" action=href("/follow/unsubscribe")>
            <input type="hidden" name="token" value=token/>
            <button type="submit">{t("follow-unsubscribe-button")}</button>
        </form>
    }
}

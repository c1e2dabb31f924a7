//! The forms of following by email (the pages are `app::follow`):
//!
//! | form | does |
//! |---|---|
//! | `POST /follow` | subscribes an address (unconfirmed) and queues the confirmation |
//! | `POST /follow/confirm` | confirms the subscription a signed link names |
//! | `POST /follow/unsubscribe` | deletes it, with its address; also RFC 8058's one-click POST from mail programs |
//!
//! Asking to follow answers the same whatever the address's state: a new
//! or unconfirmed subscription gets (again) a confirmation, a confirmed one
//! a reminder with its unsubscribe link, and the page says "check your
//! inbox" for all. Rate limits: per client (as many an hour as the
//! feedback limit, counted apart from comments), and per address
//! ([`PER_ADDRESS_PER_HOUR`]).

use super::tokens::{Purpose, Refused, check};
use crate::feedback::check::{MAX_EMAIL, is_email};
use crate::forms::{field, public_form, render_at, see_other, show_problem};
use crate::state::AppState;
use crate::storage::Storage;
use app::error::AppError;
use app::follow::{FollowAttempt, FollowLink, LinkOutcome, LinkPurpose};
use app::i18n::{Language, t_in};
use app::mail::{Follows, Frequency};
use axum::Router;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use time::OffsetDateTime;

/// Confirmations and reminders one address may be sent in an hour.
pub const PER_ADDRESS_PER_HOUR: i64 = 3;
/// The longest topic one may follow.
const MAX_TOPIC: usize = 100;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/follow", post(subscribe))
        .route("/follow/confirm", post(confirm))
        .route("/follow/unsubscribe", post(unsubscribe))
}

/// The follow pages' reading of subscriptions and links.
pub struct Desk(pub Storage);

#[async_trait::async_trait]
impl app::follow::Following for Desk {
    async fn follow_target(
        &self,
        follows: Follows,
        target: &str,
    ) -> Result<Option<String>, AppError> {
        if follows == Follows::Topic && !is_topic(target) {
            return Ok(None);
        }
        self.0.followed_name(follows, target).await
    }

    async fn follow_link(
        &self,
        token: &str,
        purpose: LinkPurpose,
        language: Language,
    ) -> Result<LinkOutcome, AppError> {
        let id = match subscription_of(&self.0, token, purpose).await? {
            Ok(id) => id,
            Err(refused) => return Ok(refused_outcome(refused, language)),
        };
        let Some(subscription) = self.0.subscription(id).await? else {
            return Ok(gone(language));
        };
        let name = self
            .0
            .followed_name(subscription.follows, &subscription.target)
            .await?
            .unwrap_or(subscription.target);
        Ok(LinkOutcome::Found(FollowLink {
            follows: subscription.follows,
            name,
            frequency: subscription.frequency,
            confirmed: subscription.confirmed,
        }))
    }
}

/// A topic one may follow: one line of at most [`MAX_TOPIC`] characters.
fn is_topic(topic: &str) -> bool {
    !topic.trim().is_empty()
        && topic.chars().count() <= MAX_TOPIC
        && crate::publishing::check::one_line_problem(topic).is_none()
}

fn gone(language: Language) -> LinkOutcome {
    LinkOutcome::Refused {
        status: 410,
        message: t_in(language, "follow-link-gone").into_owned(),
    }
}

fn refused_outcome(refused: Refused, language: Language) -> LinkOutcome {
    match refused {
        Refused::NotOurs => LinkOutcome::Refused {
            status: 400,
            message: t_in(language, "follow-link-wrong").into_owned(),
        },
        Refused::Expired => LinkOutcome::Refused {
            status: 410,
            message: t_in(language, "follow-link-expired").into_owned(),
        },
    }
}

/// The subscription `token` names for `purpose`, or why not.
async fn subscription_of(
    storage: &Storage,
    token: &str,
    purpose: LinkPurpose,
) -> Result<Result<i64, Refused>, AppError> {
    let secret = storage
        .mail_secret(&crate::accounts::random_token())
        .await?;
    let purpose = match purpose {
        LinkPurpose::Confirm => Purpose::Confirm,
        LinkPurpose::Unsubscribe => Purpose::Unsubscribe,
    };
    let now = OffsetDateTime::now_utc().unix_timestamp();
    Ok(check(&secret, token, purpose, now))
}

/// What is followed, as kept: a search as the search page writes it,
/// whatever the order of its parameters.
fn target_of(follows: Option<Follows>, target: String) -> String {
    match follows {
        Some(Follows::Search) => app::search::SystemQuery::from_query_string(&target)
            .0
            .searched(),
        _ => target,
    }
}

/// `POST /follow`.
async fn subscribe(State(state): State<AppState>, request: Request) -> Response {
    let (parts, fields) = match public_form(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let page = crate::languages::of(&parts);
    let language = page.language;
    let follows = Follows::parse(&field(&fields, "follows"));
    let target = target_of(follows, field(&fields, "target"));
    let back = match follows {
        Some(follows) => format!("/follow?{}={}", follows.as_str(), encode(&target)),
        None => "/follow".to_string(),
    };
    let desk = Desk(state.storage.clone());
    let name = match follows {
        Some(follows) => app::follow::Following::follow_target(&desk, follows, &target).await,
        None => Ok(None),
    };
    let (follows, _name) = match (follows, name) {
        (Some(follows), Ok(Some(name))) => (follows, name),
        (_, Err(error)) => return show_problem(&state, parts, &back, error, &[]).await,
        _ => return render_at(&state, parts, &back, StatusCode::NOT_FOUND, ()).await,
    };
    if !state.sends_mail {
        return render_at(&state, parts, &back, StatusCode::CONFLICT, ()).await;
    }
    let email = field(&fields, "email").trim().to_string();
    let frequency_field = field(&fields, "frequency");
    let mut problems = Vec::new();
    if email.is_empty() || email.chars().count() > MAX_EMAIL || !is_email(&email) {
        problems.push((
            "email".to_string(),
            t_in(language, "follow-check-email").into_owned(),
        ));
    }
    let frequency = Frequency::parse(&frequency_field);
    if frequency.is_none() {
        problems.push((
            "frequency".to_string(),
            t_in(language, "follow-check-frequency").into_owned(),
        ));
    }
    let sent = format!("{back}&sent=1");
    let (false, Some(frequency)) = (!problems.is_empty(), frequency) else {
        let attempt = FollowAttempt {
            frequency: frequency_field,
            problems,
        };
        return render_at(
            &state,
            parts,
            &back,
            StatusCode::UNPROCESSABLE_ENTITY,
            attempt,
        )
        .await;
    };
    // A bot filled the hidden field: it is told what a person would be.
    if !field(&fields, "website").is_empty() {
        return see_other(page.href(&sent));
    }
    let client = crate::client::of(&parts);
    match subscribe_within_limits(
        &state.storage,
        &email,
        follows,
        &target,
        frequency,
        language,
        &client,
    )
    .await
    {
        Ok(true) => see_other(page.href(&sent)),
        Ok(false) => {
            let attempt = FollowAttempt {
                frequency: frequency_field,
                problems: vec![(
                    "email".into(),
                    t_in(language, "follow-too-many").into_owned(),
                )],
            };
            let mut response =
                render_at(&state, parts, &back, StatusCode::TOO_MANY_REQUESTS, attempt).await;
            response.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from_static("3600"),
            );
            response
        }
        Err(error) => show_problem(&state, parts, &back, error, &[]).await,
    }
}

/// Subscribes within the rate limits, in one transaction; `false` when
/// over one (nothing written).
async fn subscribe_within_limits(
    storage: &Storage,
    email: &str,
    follows: Follows,
    target: &str,
    frequency: Frequency,
    language: Language,
    client: &app::feedback::ClientAddress,
) -> Result<bool, AppError> {
    let now = OffsetDateTime::now_utc();
    let settings = storage.feedback_settings().await?;
    // Its own count, beside the client's comments and flags.
    let client = format!(
        "follow:{}",
        crate::feedback::client_key(storage, client, now).await?
    );
    // The address is counted as a client is, by a hash with the day's salt:
    // the count outlives the confirmation, which goes once it is sent.
    let address = app::feedback::ClientAddress(email.to_lowercase());
    let address = format!(
        "follow-address:{}",
        crate::feedback::client_key(storage, &address, now).await?
    );
    let per_address = app::feedback::FeedbackSettings {
        submissions_per_hour: PER_ADDRESS_PER_HOUR,
        ..settings.clone()
    };
    let stamp = crate::clock::format_timestamp(now);
    let mut tx = storage.begin().await?;
    if crate::feedback::over_limit(&mut tx, &client, &settings, now)
        .await?
        .is_some()
        || crate::feedback::over_limit(&mut tx, &address, &per_address, now)
            .await?
            .is_some()
    {
        return Ok(false);
    }
    Storage::subscribe(
        &mut tx,
        email,
        follows,
        target,
        frequency,
        language.code(),
        &stamp,
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// `text` for a URL's query.
fn encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// `POST /follow/confirm`: the token from the form.
async fn confirm(State(state): State<AppState>, request: Request) -> Response {
    let (parts, fields) = match public_form(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let page = crate::languages::of(&parts);
    let token = field(&fields, "token");
    let back = format!("/follow/confirm?token={}", encode(&token));
    let id = match subscription_of(&state.storage, &token, LinkPurpose::Confirm).await {
        Ok(Ok(id)) => id,
        Ok(Err(refused)) => return refused_page(&state, parts, &back, refused).await,
        Err(error) => return show_problem(&state, parts, &back, error, &[]).await,
    };
    // To the microsecond, as the changes feed: a digest tells what came after.
    let now = crate::clock::format_precise(OffsetDateTime::now_utc());
    match state.storage.confirm_subscription(id, &now).await {
        Ok(true) => see_other(page.href(&back)),
        Ok(false) => render_at(&state, parts, &back, StatusCode::GONE, ()).await,
        Err(error) => show_problem(&state, parts, &back, error, &[]).await,
    }
}

/// `POST /follow/unsubscribe`: the token from the form, or (one click
/// from a mail program, RFC 8058) from the address.
async fn unsubscribe(State(state): State<AppState>, request: Request) -> Response {
    let (parts, fields) = match public_form(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let page = crate::languages::of(&parts);
    let from_query = parts.uri.query().and_then(|query| {
        form_urlencoded::parse(query.as_bytes())
            .find(|(key, _)| key == "token")
            .map(|(_, value)| value.into_owned())
    });
    let one_click = field(&fields, "List-Unsubscribe") == "One-Click";
    let token = from_query.unwrap_or_else(|| field(&fields, "token"));
    let back = format!("/follow/unsubscribe?token={}", encode(&token));
    let id = match subscription_of(&state.storage, &token, LinkPurpose::Unsubscribe).await {
        Ok(Ok(id)) => id,
        Ok(Err(refused)) => return refused_page(&state, parts, &back, refused).await,
        Err(error) => return show_problem(&state, parts, &back, error, &[]).await,
    };
    match state.storage.unsubscribe(id).await {
        Ok(_) if one_click => (
            StatusCode::OK,
            t_in(page.language, "follow-unsubscribed").into_owned(),
        )
            .into_response(),
        Ok(_) => see_other(page.href(&format!("{back}&done=1"))),
        Err(error) => show_problem(&state, parts, &back, error, &[]).await,
    }
}

/// The link's page, which says why it does not work, with its status.
async fn refused_page(state: &AppState, parts: Parts, back: &str, refused: Refused) -> Response {
    let status = match refused {
        Refused::NotOurs => StatusCode::BAD_REQUEST,
        Refused::Expired => StatusCode::GONE,
    };
    render_at(state, parts, back, status, ()).await
}

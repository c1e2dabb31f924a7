//! The admin pages of `/manage` (agencies, the audit log) and an agency's
//! API tokens. Accounts are in `accounts.rs`.

use super::fields::{Values, area, input, line};
use super::{
    AgencyLine, CsrfField, LogLine, NewTokenShown, NotForYou, ProblemSummary, TokenLine,
    require_sign_in,
};
use crate::html::PageTitle;
use crate::layout::{TableScroll, Unavailable};
use crate::record::{Role, date_words};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The signed-in editor's or approver's agency's tokens.
#[server]
pub async fn get_tokens() -> Result<Vec<TokenLine>, ServerFnError> {
    use crate::error::AppError;
    let account = super::account()?;
    let Some(agency) = account.own_agency() else {
        return Err(AppError::Forbidden.into());
    };
    Ok(super::manage_register()?.token_lines(&agency).await?)
}

/// `/manage/tokens`: an agency's API tokens: create, list, revoke.
#[component]
pub fn TokensPage() -> impl IntoView {
    let Some(account) = require_sign_in() else {
        return ().into_any();
    };
    if !account.role.belongs_to_agency() {
        return view! { <NotForYou/> }.into_any();
    }
    let shown = use_context::<NewTokenShown>();
    let values = Values::from_context();
    let tokens = Resource::new(|| (), |_| get_tokens());
    let list_account = account.clone();
    view! {
        <PageTitle text="API tokens – Manage – Lantern"/>
        <ProblemSummary/>
        <h1>"API tokens"</h1>
        <p class="lede">"Tokens let your agency’s own tools write to the register through the API, as "
            <code>"Authorization: Bearer …"</code>". A draft token writes drafts only; a publish token publishes (or submits for approval, where your agency requires it)."</p>
        {shown.map(|shown| view! {
            <div class="notice" role="status">
                <h2>{format!("Token {} created", shown.id)}</h2>
                <p>"Copy it now: it is shown only this once, and Lantern keeps only a fingerprint of it."</p>
                <p><code class="token">{shown.secret}</code></p>
            </div>
        })}
        <h2>"Create a token"</h2>
        <form method="post" action="/manage/tokens">
            <CsrfField account=account.clone()/>
            {line(&values, "label", "What it is for", "For example “Inventory sync”.")}
            <fieldset class="field">
                <legend>"Scope"</legend>
                <div class="radio"><input type="radio" id="scope-draft" name="scope" value="draft" checked/><label for="scope-draft">"Draft: writes drafts only"</label></div>
                <div class="radio"><input type="radio" id="scope-publish" name="scope" value="publish"/><label for="scope-publish">"Publish: publishes what it writes"</label></div>
            </fieldset>
            <fieldset class="field">
                <legend>"Stops working"</legend>
                <div class="radio"><input type="radio" id="expires-never" name="expires_in_days" value="" checked/><label for="expires-never">"When it is revoked"</label></div>
                <div class="radio"><input type="radio" id="expires-30" name="expires_in_days" value="30"/><label for="expires-30">"After 30 days"</label></div>
                <div class="radio"><input type="radio" id="expires-90" name="expires_in_days" value="90"/><label for="expires-90">"After 90 days"</label></div>
                <div class="radio"><input type="radio" id="expires-365" name="expires_in_days" value="365"/><label for="expires-365">"After a year"</label></div>
            </fieldset>
            <button type="submit">"Create token"</button>
        </form>
        <h2>"Your agency’s tokens"</h2>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || {
                let account = list_account.clone();
                Suspend::new(async move {
                    match tokens.await {
                        Ok(tokens) if tokens.is_empty() => view! { <p>"None yet."</p> }.into_any(),
                        Ok(tokens) => view! { <TokenTable tokens account/> }.into_any(),
                        Err(_) => view! { <Unavailable/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}

/// An agency's tokens, each with its state or a button to revoke it.
#[component]
fn TokenTable(tokens: Vec<TokenLine>, account: crate::accounts::SignedInAccount) -> impl IntoView {
    view! {
        <TableScroll label="API tokens">
            <table>
                <thead><tr><th scope="col">"Id"</th><th scope="col">"For"</th><th scope="col">"Scope"</th><th scope="col">"Created"</th><th scope="col">"Last used"</th><th scope="col">"Expires"</th><th scope="col">"State"</th></tr></thead>
                <tbody>
                    {tokens.into_iter().map(|t| {
                        let account = account.clone();
                        view! {
                            <tr>
                                <td>{t.id}</td>
                                <td>{t.label}</td>
                                <td>{t.scope.as_str()}</td>
                                <td>{format!("{} by {}", date_words(&t.created_at), t.created_by)}</td>
                                <td>{t.last_used_at.as_ref().map(|at| used_at(at.as_str())).unwrap_or_else(|| "never".to_string())}</td>
                                <td>{t.expires_at.as_ref().map_or("never".to_string(), date_words)}</td>
                                <td>{match (t.revoked_at, t.expired) {
                                    (Some(at), _) => format!("Revoked {}", date_words(&at)).into_any(),
                                    (None, true) => "Expired".into_any(),
                                    (None, false) => view! {
                                        <form method="post" action=format!("/manage/tokens/{}/revoke", t.id)>
                                            <CsrfField account/>
                                            <button type="submit" class="secondary">{format!("Revoke token {}", t.id)}</button>
                                        </form>
                                    }.into_any(),
                                }}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </TableScroll>
    }
}

/// When a token was last used, to the minute: `2026-12-01 18:55 UTC`.
fn used_at(at: &str) -> String {
    let minute = at.get(..16).unwrap_or(at).replace('T', " ");
    format!("{minute} UTC")
}

/// Every agency with its two-person rule: admins only.
#[server]
pub async fn get_agency_lines() -> Result<Vec<AgencyLine>, ServerFnError> {
    use crate::error::AppError;
    if super::account()?.role != Role::Admin {
        return Err(AppError::Forbidden.into());
    }
    Ok(super::manage_register()?.agency_lines().await?)
}

/// `/manage/agencies`: admins create agencies and set their two-person rule.
#[component]
pub fn AgenciesAdminPage() -> impl IntoView {
    let Some(account) = require_sign_in() else {
        return ().into_any();
    };
    if account.role != Role::Admin {
        return view! { <NotForYou/> }.into_any();
    }
    let agencies = Resource::new(|| (), |_| get_agency_lines());
    let values = Values::from_context();
    let list_account = account.clone();
    view! {
        <PageTitle text="Agencies – Manage – Lantern"/>
        <ProblemSummary/>
        <h1>"Agencies"</h1>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || {
                let account = list_account.clone();
                Suspend::new(async move {
                    match agencies.await {
                        Ok(agencies) => view! {
                            <TableScroll label="Agencies">
                                <table>
                                    <thead><tr><th scope="col">"Agency"</th><th scope="col">"Slug"</th><th scope="col">"Approval"</th></tr></thead>
                                    <tbody>
                                        {agencies.into_iter().map(|a| {
                                            let account = account.clone();
                                            let (label, next) = if a.requires_approval {
                                                ("Required", "off")
                                            } else {
                                                ("Not required", "on")
                                            };
                                            let button = if a.requires_approval { "Stop requiring approval" } else { "Require approval" };
                                            view! {
                                                <tr>
                                                    <td><a href=format!("/agencies/{}", a.slug)>{a.name}</a></td>
                                                    <td><code>{a.slug.clone()}</code></td>
                                                    <td>
                                                        {label}
                                                        <form method="post" action=format!("/manage/agencies/{}/approval", a.slug) class="inline">
                                                            <CsrfField account/>
                                                            <input type="hidden" name="requires_approval" value=next/>
                                                            <button type="submit" class="secondary">{format!("{button} ({})", a.slug)}</button>
                                                        </form>
                                                    </td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </TableScroll>
                        }.into_any(),
                        Err(_) => view! { <Unavailable/> }.into_any(),
                    }
                })
            }}
        </Suspense>
        <h2>"Create an agency"</h2>
        <form method="post" action="/manage/agencies">
            <CsrfField account=account.clone()/>
            {line(&values, "slug", "Slug", "Lower-case letters, digits and hyphens; used in addresses. It never changes.")}
            {line(&values, "name", "Name", "")}
            {line(&values, "jurisdiction", "Jurisdiction", "For example “Republic of Northvale”.")}
            {input(&values, "website", "Website", "", "url")}
            {line(&values, "contact", "Public contact", "An email address or web address.")}
            {area(&values, "description", "Description", "", 3)}
            <div class="checkbox"><input type="checkbox" id="requires_approval" name="requires_approval" value="on"/><label for="requires_approval">"Drafts need an approver’s approval"</label></div>
            <button type="submit">"Create agency"</button>
        </form>
    }
    .into_any()
}

/// A page of the audit log (before an entry's id): admins only.
#[server]
pub async fn get_log(before: Option<String>) -> Result<Vec<LogLine>, ServerFnError> {
    use crate::error::AppError;
    if super::account()?.role != Role::Admin {
        return Err(AppError::Forbidden.into());
    }
    let before = before.and_then(|b| b.parse::<i64>().ok());
    Ok(super::manage_register()?.log_lines(before).await?)
}

/// `/manage/log`: every write to the register, newest first.
#[component]
pub fn LogPage() -> impl IntoView {
    let Some(account) = require_sign_in() else {
        return ().into_any();
    };
    if account.role != Role::Admin {
        return view! { <NotForYou/> }.into_any();
    }
    let query = use_query_map();
    let log = Resource::new(move || query.with(|q| q.get("before")), get_log);
    view! {
        <PageTitle text="Audit log – Manage – Lantern"/>
        <h1>"Audit log"</h1>
        <p class="lede">"Every write to the register: who, acting as what, when, and what they did."</p>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match log.await {
                    Ok(lines) => {
                        let older = (lines.len() as i64 >= 100)
                            .then(|| lines.last().map(|l| l.id))
                            .flatten();
                        view! {
                            <TableScroll label="Audit log">
                                <table class="log">
                                    <thead><tr><th scope="col">"When (UTC)"</th><th scope="col">"Who"</th><th scope="col">"As"</th><th scope="col">"Agency"</th><th scope="col">"What"</th></tr></thead>
                                    <tbody>
                                        {lines.into_iter().map(|l| view! {
                                            <tr>
                                                <td>{l.at.as_str().replace('T', " ").trim_end_matches('Z').to_string()}</td>
                                                <td>{l.actor}</td>
                                                <td>{l.acting_as}</td>
                                                <td>{l.agency.unwrap_or_default()}</td>
                                                <td>
                                                    {l.detail}
                                                    {l.system_id.map(|id| view! { " " <a href=format!("/manage/systems/{id}")>{format!("({id})")}</a> })}
                                                </td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </TableScroll>
                            {older.map(|id| view! { <p><a href=format!("/manage/log?before={id}")>"Older entries"</a></p> })}
                        }.into_any()
                    }
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

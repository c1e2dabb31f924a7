//! The admin pages of `/manage` (agencies, the audit log) and an agency's
//! API tokens. Accounts are in `accounts.rs`.

use super::accounts::manage_title;
use super::fields::{Values, area, input, line};
use super::{
    AgencyLine, CsrfField, LogLine, NewTokenShown, NotForYou, ProblemSummary, TokenLine,
    require_sign_in,
};
use crate::html::PageTitle;
use crate::i18n::{Language, href, language, t, t_with, with_code};
use crate::layout::{TableScroll, Unavailable};
use crate::record::{Role, TokenScope, date_words};
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
        <PageTitle text=manage_title(&t("manage-tokens-link"))/>
        <ProblemSummary/>
        <h1>{t("manage-tokens-link")}</h1>
        <p class="lede">{with_code(&t("tokens-lede"))}</p>
        {shown.map(|shown| view! {
            <div class="notice" role="status">
                <h2>{t_with("tokens-created", &[("id", shown.id.to_string().into())])}</h2>
                <p>{t("tokens-copy-now")}</p>
                <p><code class="token">{shown.secret}</code></p>
            </div>
        })}
        <h2>{t("tokens-create-heading")}</h2>
        <form method="post" action=href("/manage/tokens")>
            <CsrfField account=account.clone()/>
            {line(&values, "label", &t("form-field-label"), &t("tokens-label-hint"))}
            <fieldset class="field">
                <legend>{t("form-field-scope")}</legend>
                <div class="radio"><input type="radio" id="scope-draft" name="scope" value="draft" checked/><label for="scope-draft">{TokenScope::Draft.label()}</label></div>
                <div class="radio"><input type="radio" id="scope-publish" name="scope" value="publish"/><label for="scope-publish">{TokenScope::Publish.label()}</label></div>
            </fieldset>
            <fieldset class="field">
                <legend>{t("form-field-expires_in_days")}</legend>
                <div class="radio"><input type="radio" id="expires-never" name="expires_in_days" value="" checked/><label for="expires-never">{t("tokens-expires-never")}</label></div>
                <div class="radio"><input type="radio" id="expires-30" name="expires_in_days" value="30"/><label for="expires-30">{t("tokens-expires-30")}</label></div>
                <div class="radio"><input type="radio" id="expires-90" name="expires_in_days" value="90"/><label for="expires-90">{t("tokens-expires-90")}</label></div>
                <div class="radio"><input type="radio" id="expires-365" name="expires_in_days" value="365"/><label for="expires-365">{t("tokens-expires-365")}</label></div>
            </fieldset>
            <button type="submit">{t("tokens-create")}</button>
        </form>
        <h2>{t("tokens-yours")}</h2>
        <Suspense fallback=|| view! { <p>{t("tokens-loading")}</p> }>
            {move || {
                let account = list_account.clone();
                Suspend::new(async move {
                    match tokens.await {
                        Ok(tokens) if tokens.is_empty() => view! { <p>{t("tokens-none")}</p> }.into_any(),
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
        <TableScroll label=t("manage-tokens-link")>
            <table>
                <thead><tr>
                    <th scope="col">{t("tokens-id")}</th>
                    <th scope="col">{t("tokens-for")}</th>
                    <th scope="col">{t("form-field-scope")}</th>
                    <th scope="col">{t("tokens-created-column")}</th>
                    <th scope="col">{t("tokens-last-used")}</th>
                    <th scope="col">{t("tokens-expires")}</th>
                    <th scope="col">{t("tokens-state")}</th>
                </tr></thead>
                <tbody>
                    {tokens.into_iter().map(|token| {
                        let account = account.clone();
                        let id = token.id.to_string();
                        let created = t_with("tokens-created-by", &[
                            ("date", date_words(&token.created_at).into()),
                            ("email", who(&token.created_by).into()),
                        ]);
                        let never = || t("tokens-never").into_owned();
                        view! {
                            <tr>
                                <td>{id.clone()}</td>
                                <td>{token.label}</td>
                                <td>{t_with("tokens-scope-short", &[("scope", token.scope.as_str().into())])}</td>
                                <td>{created}</td>
                                <td>{token.last_used_at.as_ref().map(|at| used_at(at.as_str())).unwrap_or_else(never)}</td>
                                <td>{token.expires_at.as_ref().map_or_else(never, date_words)}</td>
                                <td>{match (token.revoked_at, token.expired) {
                                    (Some(at), _) => t_with("tokens-revoked", &[("date", date_words(&at).into())]).into_owned().into_any(),
                                    (None, true) => t("tokens-expired").into_owned().into_any(),
                                    (None, false) => view! {
                                        <form method="post" action=href(format!("/manage/tokens/{id}/revoke"))>
                                            <CsrfField account/>
                                            <button type="submit" class="secondary">{t_with("tokens-revoke", &[("id", id.clone().into())])}</button>
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
        <PageTitle text=manage_title(&t("manage-admin-agencies"))/>
        <ProblemSummary/>
        <h1>{t("manage-admin-agencies")}</h1>
        <Suspense fallback=|| view! { <p>{t("agencies-loading")}</p> }>
            {move || {
                let account = list_account.clone();
                Suspend::new(async move {
                    match agencies.await {
                        Ok(agencies) => view! {
                            <TableScroll label=t("manage-admin-agencies")>
                                <table>
                                    <thead><tr>
                                        <th scope="col">{t("facet-agency")}</th>
                                        <th scope="col">{t("form-field-slug")}</th>
                                        <th scope="col">{t("admin-agencies-approval")}</th>
                                    </tr></thead>
                                    <tbody>
                                        {agencies.into_iter().map(|a| {
                                            let account = account.clone();
                                            let (label, next, button) = if a.requires_approval {
                                                ("admin-agencies-required", "off", "admin-agencies-stop-requiring")
                                            } else {
                                                ("admin-agencies-not-required", "on", "admin-agencies-require")
                                            };
                                            let button = t_with(button, &[("slug", a.slug.as_str().into())]);
                                            view! {
                                                <tr>
                                                    <td><a href=href(format!("/agencies/{}", a.slug))>{a.name}</a></td>
                                                    <td><code>{a.slug.clone()}</code></td>
                                                    <td>
                                                        {t(label)}
                                                        <form method="post" action=href(format!("/manage/agencies/{}/approval", a.slug)) class="inline">
                                                            <CsrfField account/>
                                                            <input type="hidden" name="requires_approval" value=next/>
                                                            <button type="submit" class="secondary">{button}</button>
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
        <h2>{t("admin-agencies-create-heading")}</h2>
        <form method="post" action=href("/manage/agencies")>
            <CsrfField account=account.clone()/>
            {line(&values, "slug", &t("form-field-slug"), &t("admin-agencies-slug-hint"))}
            {line(&values, "name", &t("admin-agencies-name"), "")}
            {line(&values, "jurisdiction", &t("agency-jurisdiction"), &t("admin-agencies-jurisdiction-hint"))}
            {input(&values, "website", &t("agency-website"), "", "url")}
            {line(&values, "contact", &t("agency-contact"), &t("admin-agencies-contact-hint"))}
            {area(&values, "description", &t("admin-agencies-description"), "", 3)}
            <div class="checkbox"><input type="checkbox" id="requires_approval" name="requires_approval" value="on"/><label for="requires_approval">{t("admin-agencies-requires-approval")}</label></div>
            <button type="submit">{t("admin-agencies-create")}</button>
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
        <PageTitle text=manage_title(&t("manage-admin-log"))/>
        <h1>{t("manage-admin-log")}</h1>
        <p class="lede">{t("admin-log-lede")}</p>
        <Suspense fallback=|| view! { <p>{t("admin-log-loading")}</p> }>
            {move || Suspend::new(async move {
                match log.await {
                    Ok(lines) => {
                        let older = (lines.len() as i64 >= 100)
                            .then(|| lines.last().map(|l| l.id))
                            .flatten();
                        // The details are written once, in English.
                        let detail_lang = (language() != Language::SOURCE).then(|| Language::SOURCE.code());
                        view! {
                            <TableScroll label=t("manage-admin-log")>
                                <table class="log">
                                    <thead><tr>
                                        <th scope="col">{t("admin-log-when")}</th>
                                        <th scope="col">{t("admin-log-who")}</th>
                                        <th scope="col">{t("admin-log-as")}</th>
                                        <th scope="col">{t("facet-agency")}</th>
                                        <th scope="col">{t("admin-log-what")}</th>
                                    </tr></thead>
                                    <tbody>
                                        {lines.into_iter().map(|l| view! {
                                            <tr>
                                                <td>{l.at.as_str().replace('T', " ").trim_end_matches('Z').to_string()}</td>
                                                <td>{who(&l.actor)}</td>
                                                <td>{acting_as(&l.acting_as)}</td>
                                                <td>{l.agency.unwrap_or_default()}</td>
                                                <td>
                                                    <span lang=detail_lang>{l.detail}</span>
                                                    {l.system_id.map(|id| view! { " " <a href=href(format!("/manage/systems/{id}"))>{format!("({id})")}</a> })}
                                                </td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </TableScroll>
                            {older.map(|id| view! { <p><a href=href(format!("/manage/log?before={id}"))>{t("admin-log-older")}</a></p> })}
                        }.into_any()
                    }
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

/// Who wrote, as the audit log keeps it: an email address, `token 12` or
/// `terminal`; the last two in the page's words.
fn who(actor: &str) -> String {
    match actor.strip_prefix("token ") {
        Some(id) => t_with("admin-log-token", &[("id", id.into())]).into_owned(),
        None if actor == "terminal" => t("admin-log-terminal").into_owned(),
        None => actor.to_string(),
    }
}

/// What they wrote as, as the audit log keeps it (a role's stable name,
/// `token:draft` or `terminal`), in the page's words.
fn acting_as(stored: &str) -> String {
    if let Some(role) = Role::parse(stored) {
        return role.label().into_owned();
    }
    match stored.strip_prefix("token:") {
        Some(scope) => t_with("admin-log-as-token", &[("scope", scope.into())]).into_owned(),
        None if stored == "terminal" => t("admin-log-terminal").into_owned(),
        None => stored.to_string(),
    }
}

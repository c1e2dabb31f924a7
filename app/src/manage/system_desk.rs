//! `/manage/systems/{id}`: a system's workflow. Its agency sees the draft,
//! a preview exactly as the public page will show it, and the buttons to
//! publish, submit, approve or retire; auditors record audits here.

use super::fields::{Values, area, checkbox, date, input, select};
use super::{CsrfField, DraftView, ProblemSummary, SignInFirst, require_sign_in};
use crate::accounts::SignedInAccount;
use crate::html::PageTitle;
use crate::i18n::{href, record_lang, t, t_with};
use crate::layout::{NotFound, Unavailable};
use crate::manage::NotForYou;
use crate::record::{AuditOutcome, Role, date_words};
use crate::systems::page::{RecordView, SystemRecord};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};

/// What the workflow page knows of a system.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SystemDesk {
    pub id: String,
    pub name: String,
    pub agency_name: String,
    /// The current published version, if any.
    pub published_version: Option<i64>,
    pub retired: bool,
    pub requires_approval: bool,
    pub draft: Option<DraftView>,
    /// The draft as the public page will show it.
    pub preview: Option<SystemRecord>,
    /// Whether the signed-in account writes this system's records.
    pub own_agency: bool,
    /// Whether the signed-in account wrote the draft (and so cannot approve it).
    pub wrote_draft: bool,
    /// When the published record is due for review (none once retired).
    #[serde(default)]
    pub review_by: Option<crate::record::Timestamp>,
}

/// What the page can answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum DeskAnswer {
    Found(Box<SystemDesk>),
    NotFound,
    NotYours,
}

/// The workflow page of system `id`, as the signed-in account may see it;
/// its preview as a reader of `lang` will read it.
#[server]
pub async fn get_system_desk(id: String, lang: String) -> Result<DeskAnswer, ServerFnError> {
    use crate::record::{System, SystemId};
    use crate::systems::page::{for_reader, record_of, sections_of};

    let account = super::account()?;
    let register = crate::register::register()?;
    let manage = super::manage_register()?;
    let id = SystemId(id);
    let published = register.system(&id).await?;
    let draft = manage.draft_view(&id).await?;
    let writes_for = |agency: &crate::record::AgencySlug| {
        account.role.belongs_to_agency() && account.agency.as_ref() == Some(agency)
    };
    let owner = match (&published, &draft) {
        (Some(system), _) => system.agency.clone(),
        (None, Some(draft)) if writes_for(&draft.agency) => draft.agency.clone(),
        _ => return Ok(DeskAnswer::NotFound),
    };
    let own_agency = writes_for(&owner);
    if !own_agency && account.role != Role::Auditor {
        return Ok(DeskAnswer::NotYours);
    }
    // Only the owning agency sees its draft.
    let draft = draft.filter(|_| own_agency);
    let agency = register.agency(&owner).await?;
    let (agency_name, agency_contact) = agency
        .map(|a| (a.agency.name, a.agency.contact))
        .unwrap_or_else(|| (owner.0.clone(), None));
    let preview = draft.as_ref().map(|draft| {
        let system = System {
            id: id.clone(),
            agency: owner.clone(),
            agency_name: agency_name.clone(),
            agency_contact: agency_contact.clone(),
            content: draft.content.clone(),
            version: published.as_ref().map_or(1, |s| s.version + 1),
            published_at: draft.updated_at.clone(),
            reviewed_at: None,
            audit: published.as_ref().and_then(|s| s.audit.clone()),
            audit_overdue: published.as_ref().is_some_and(|s| s.audit_overdue),
            // A new version starts the review period again.
            review_by: None,
            review_overdue: false,
        };
        let (system, shown) = for_reader(system, &lang);
        let sections = sections_of(&system.content);
        record_of(system, sections, shown)
    });
    let name = draft
        .as_ref()
        .map(|d| d.content.name.clone())
        .or_else(|| published.as_ref().map(|s| s.content.name.clone()))
        .unwrap_or_default();
    Ok(DeskAnswer::Found(Box::new(SystemDesk {
        id: id.0.clone(),
        name,
        agency_name,
        published_version: published.as_ref().map(|s| s.version),
        review_by: published.as_ref().and_then(|s| s.review_by.clone()),
        retired: published
            .as_ref()
            .is_some_and(|s| s.content.stage == crate::record::Stage::Retired),
        requires_approval: manage.agency_requires_approval(&owner).await?,
        wrote_draft: draft
            .as_ref()
            .is_some_and(|d| d.author == crate::record::Author::Account(account.id)),
        draft,
        preview,
        own_agency,
    })))
}

/// The `/manage/systems/{id}` page.
#[component]
pub fn SystemDeskPage() -> impl IntoView {
    let Some(account) = require_sign_in() else {
        return view! { <SignInFirst/> }.into_any();
    };
    let params = use_params_map();
    let desk = Resource::new(
        move || params.with(|p| p.get("id").unwrap_or_default()),
        |id| get_system_desk(id, crate::i18n::language().code().to_string()),
    );
    view! {
        <Suspense fallback=|| view! { <p>{t("manage-form-loading")}</p> }>
            {
                let account = account.clone();
                move || {
                    let account = account.clone();
                    Suspend::new(async move {
                        match desk.await {
                            Ok(DeskAnswer::Found(desk)) => view! { <DeskView desk=*desk account/> }.into_any(),
                            Ok(DeskAnswer::NotFound) => view! { <NotFound/> }.into_any(),
                            Ok(DeskAnswer::NotYours) => view! { <NotForYou/> }.into_any(),
                            Err(_) => view! { <Unavailable/> }.into_any(),
                        }
                    })
                }
            }
        </Suspense>
    }
    .into_any()
}

#[component]
fn DeskView(desk: SystemDesk, account: SignedInAccount) -> impl IntoView {
    let SystemDesk {
        id,
        name,
        agency_name,
        published_version,
        retired,
        requires_approval,
        draft,
        preview,
        own_agency,
        wrote_draft,
        review_by,
    } = desk;
    let published_line = match published_version {
        Some(n) => view! {
            <p>{t_with("manage-desk-published", &[("version", n.into())])}" "
                <a href=href(format!("/systems/{id}"))>{t("manage-desk-public-page")}</a>" · "
                <a href=href(format!("/systems/{id}/history"))>{t("manage-desk-history")}</a></p>
        }
        .into_any(),
        None => view! { <p>{t("manage-desk-not-published")}</p> }.into_any(),
    };
    let draft_line = draft.as_ref().map(|d| {
        let state = if d.state == crate::record::DraftState::Submitted {
            t("manage-desk-draft-submitted")
        } else {
            t("manage-desk-draft-writing")
        };
        let written = t_with(
            "manage-desk-draft-written",
            &[
                ("author", d.author_name.clone().into()),
                ("date", date_words(&d.updated_at).into()),
            ],
        );
        view! {
            <p class="draft-state">
                <strong>{state}</strong>{written}
                {(!d.change_summary.is_empty()).then(|| view! {
                    " "{t("manage-desk-what-changed")}" "<span lang=record_lang()>{d.change_summary.clone()}</span>
                })}
            </p>
        }
    });
    let submitted = draft
        .as_ref()
        .is_some_and(|d| d.state == crate::record::DraftState::Submitted);
    let choices = WorkflowChoices {
        has_draft: draft.is_some(),
        submitted,
        requires_approval,
        wrote_draft,
        retirable: published_version.is_some() && !retired,
    };
    let actions = own_agency.then(|| {
        view! { <WorkflowActions id=id.clone() name=name.clone() account=account.clone() choices review_by/> }
    });
    let audit_form = (account.role == Role::Auditor && published_version.is_some())
        .then(|| view! { <AuditForm id=id.clone() account=account.clone()/> });
    view! {
        <PageTitle text=t_with("manage-page-title", &[("page", name.clone().into())]).into_owned()/>
        <ProblemSummary/>
        <p class="record-owner" lang=record_lang()>{agency_name}</p>
        <h1 lang=record_lang()>{name}</h1>
        {published_line}
        {draft_line}
        {actions}
        {audit_form}
        {preview.map(|record| view! {
            <section aria-labelledby="preview-heading" class="preview">
                <h2 id="preview-heading">{t("manage-desk-preview")}</h2>
                <p class="hint">{t("manage-desk-preview-what")}</p>
                <div class="preview-frame"><RecordView record/></div>
            </section>
        })}
    }
}

/// What the workflow section offers, from the draft's state and the agency's rule.
#[derive(Clone, Copy)]
struct WorkflowChoices {
    has_draft: bool,
    /// The draft waits for an approver.
    submitted: bool,
    requires_approval: bool,
    /// The signed-in account wrote the draft (and may not approve it).
    wrote_draft: bool,
    /// Published and not retired.
    retirable: bool,
}

/// "What you can do": edit, publish or submit the draft, approve it,
/// discard it, retire the system.
#[component]
fn WorkflowActions(
    id: String,
    name: String,
    account: SignedInAccount,
    choices: WorkflowChoices,
    review_by: Option<crate::record::Timestamp>,
) -> impl IntoView {
    let WorkflowChoices {
        has_draft,
        submitted,
        requires_approval,
        wrote_draft,
        retirable,
    } = choices;
    let is_approver = account.role == Role::Approver;
    let edit_label = if has_draft {
        t("manage-desk-edit-draft")
    } else {
        t("manage-desk-edit-record")
    };
    view! {
        <section aria-labelledby="workflow-heading" class="workflow">
            <h2 id="workflow-heading">{t("manage-desk-actions")}</h2>
            <p><a class="button" href=href(format!("/manage/systems/{id}/edit"))>{edit_label}</a></p>
            {(has_draft && !requires_approval).then(|| view! {
                <form method="post" action=href(format!("/manage/systems/{id}/publish"))>
                    <CsrfField account=account.clone()/>
                    <button type="submit">{t("manage-desk-publish")}</button>
                </form>
            })}
            {(has_draft && requires_approval && !submitted).then(|| view! {
                <form method="post" action=href(format!("/manage/systems/{id}/submit"))>
                    <CsrfField account=account.clone()/>
                    <p class="hint">{t("manage-desk-submit-why")}</p>
                    <button type="submit">{t("manage-desk-submit")}</button>
                </form>
            })}
            {(submitted && is_approver && !wrote_draft).then(|| view! {
                <form method="post" action=href(format!("/manage/systems/{id}/approve"))>
                    <CsrfField account=account.clone()/>
                    <button type="submit">{t("manage-desk-approve")}</button>
                </form>
            })}
            {(submitted && is_approver && wrote_draft).then(|| view! {
                <p class="hint">{t("manage-desk-own-draft")}</p>
            })}
            {has_draft.then(|| view! {
                <form method="post" action=href(format!("/manage/systems/{id}/discard"))>
                    <CsrfField account=account.clone()/>
                    <button type="submit" class="secondary">{t("manage-desk-discard")}</button>
                </form>
            })}
            {retirable.then(|| view! { <ReviewForms id=id.clone() account=account.clone() review_by/> })}
            {retirable.then(|| view! { <RetireForm id=id.clone() name=name.clone() account=account.clone()/> })}
        </section>
    }
}

/// Confirming the published record is still right, without a new version
/// (its review period starts again), and choosing an earlier review date.
#[component]
fn ReviewForms(
    id: String,
    account: SignedInAccount,
    review_by: Option<crate::record::Timestamp>,
) -> impl IntoView {
    let values = Values::from_context();
    let due = review_by.map(|date| {
        view! { <p>{t_with("manage-desk-review-due", &[("date", date_words(&date.0).into())])}</p> }
    });
    view! {
        <form method="post" action=href(format!("/manage/systems/{id}/reviewed")) class="review">
            <h3>{t("manage-desk-review")}</h3>
            {due}
            <p class="hint">{t("manage-desk-review-what")}</p>
            <CsrfField account=account.clone()/>
            <button type="submit" class="secondary">{t("manage-desk-review-button")}</button>
        </form>
        <form method="post" action=href(format!("/manage/systems/{id}/review-date")) class="review">
            <h3>{t("manage-desk-review-date")}</h3>
            <p class="hint">{t("manage-desk-review-date-what")}</p>
            <CsrfField account/>
            {date(&values, "review_by", &t("form-field-review_by"))}
            <button type="submit" class="secondary">{t("manage-desk-review-date-button")}</button>
        </form>
    }
}

/// Retiring a published system: a date and a tick that says what it means.
#[component]
fn RetireForm(id: String, name: String, account: SignedInAccount) -> impl IntoView {
    let values = Values::from_context();
    let confirm = t_with("manage-desk-retire-confirm", &[("name", name.into())]).into_owned();
    view! {
        <form method="post" action=href(format!("/manage/systems/{id}/retire")) class="retire">
            <h3>{t("manage-desk-retire")}</h3>
            <CsrfField account/>
            {date(&values, "retired_on", &t("form-field-retired_on"))}
            {checkbox(&values, "confirm_retire", confirm)}
            <button type="submit" class="secondary">{t("manage-desk-retire")}</button>
        </form>
    }
}

#[component]
fn AuditForm(id: String, account: SignedInAccount) -> impl IntoView {
    let v = Values::from_context();
    view! {
        <section aria-labelledby="audit-heading">
            <h2 id="audit-heading">{t("manage-auditor-heading")}</h2>
            <p class="hint">{t_with("manage-audit-recorded-as", &[("name", account.name.clone().into())])}</p>
            <form method="post" action=href(format!("/manage/systems/{id}/audits")) novalidate>
                <CsrfField account/>
                {date(&v, "audited_on", &t("form-field-audited_on"))}
                {select(&v, "outcome", &t("form-field-outcome"), "", AuditOutcome::options(), false)}
                {area(&v, "findings", &t("form-field-findings"), &t("manage-audit-markdown"), 6)}
                {input(&v, "report_url", &t("form-field-report_url"), "", "url")}
                {date(&v, "next_due", &t("form-field-next_due"))}
                <button type="submit">{t("manage-audit-record")}</button>
            </form>
        </section>
    }
}

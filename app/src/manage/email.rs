//! `/manage/email`: the mail Lantern sends the signed-in account (an
//! agency's weekly reminders to its editors and approvers, the weekly
//! summary to admins), each kind of which they can turn off.

use super::accounts::{DoneNotice, manage_title};
use super::{CsrfField, ProblemSummary, require_sign_in};
use crate::accounts::SignedInAccount;
use crate::html::PageTitle;
use crate::i18n::{href, t, t_with};
use crate::layout::Unavailable;
use crate::mail::MailChoices;
use leptos::prelude::*;

/// The mail the signed-in account gets, and which of it is on.
#[server]
pub async fn get_mail_choices() -> Result<MailChoices, ServerFnError> {
    let account = super::account()?;
    let off = super::manage_register()?
        .mail_turned_off(account.id)
        .await?;
    Ok(MailChoices {
        kinds: crate::mail::AccountMail::for_role(account.role)
            .iter()
            .map(|kind| (*kind, !off.contains(kind)))
            .collect(),
        sends_mail: crate::mail::sends_mail(),
    })
}

/// `/manage/email`.
#[component]
pub fn EmailPage() -> impl IntoView {
    let Some(account) = require_sign_in() else {
        return ().into_any();
    };
    let choices = Resource::new(|| (), |_| get_mail_choices());
    view! {
        <PageTitle text=manage_title(&t("email-heading"))/>
        <ProblemSummary/>
        <DoneNotice/>
        <p class="breadcrumbs"><a href=href("/manage")>{t("manage-breadcrumb")}</a></p>
        <h1>{t("email-heading")}</h1>
        <Suspense fallback=|| view! { <p>{t("email-loading")}</p> }>
            {move || {
                let account = account.clone();
                Suspend::new(async move {
                    match choices.await {
                        Ok(choices) => view! { <EmailChoices choices account/> }.into_any(),
                        Err(_) => view! { <Unavailable/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}

/// One checkbox for each kind of mail the account's role gets: ticked is on.
#[component]
fn EmailChoices(choices: MailChoices, account: SignedInAccount) -> impl IntoView {
    if choices.kinds.is_empty() {
        return view! { <p class="lede">{t("email-none-for-role")}</p> }.into_any();
    }
    let no_server = (!choices.sends_mail).then(|| {
        view! { <div class="notice"><p>{t("email-no-server")}</p></div> }
    });
    let lede = t_with("email-lede", &[("email", account.email.clone().into())]);
    view! {
        <p class="lede">{lede}</p>
        {no_server}
        <form method="post" action=href("/manage/email")>
            <CsrfField account/>
            <fieldset class="checkboxes">
                <legend>{t("email-legend")}</legend>
                {choices.kinds.into_iter().map(|(kind, on)| {
                    let id = format!("mail-{}", kind.as_str());
                    view! {
                        <div class="checkbox">
                            <input type="checkbox" id=id.clone() name="on" value=kind.as_str() checked=on/>
                            <label for=id>{t(&format!("email-kind-{}", kind.as_str()))}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <button type="submit">{t("email-save")}</button>
        </form>
    }
    .into_any()
}

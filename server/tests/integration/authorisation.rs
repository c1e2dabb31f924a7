//! The authorisation matrix: every role, anonymous and a revoked token ×
//! every write action × the actor's own agency and another, through HTTP.
//! Each cell is asserted allowed or refused; a refused write must leave the
//! audit log (and so the register) untouched.

use crate::support::accounts as support_accounts;
use crate::support::databases;
use crate::support::manage;
use crate::support::search;
use crate::support::site;

use app::record::TokenScope;
use app::record::{AgencySlug, Role, SystemId};
use app::register::Register;
use axum::Router;
use axum::http::StatusCode;
use databases::TestDatabase;
use lantern::publishing::{self, Actor, Person, Target, admin, check};
use lantern::storage::Storage;
use manage::{Answer, Auth, get, post_form, send_json, sign_in};
use search::TestSearch;
use serde_json::json;
use site::{ONE_AT_A_TIME, router};

const OWN: &str = "tax-office";
const OTHER: &str = "police";
const PASSWORD: &str = "a long enough password";

/// Who acts in the matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Anonymous,
    Admin,
    Editor,
    Approver,
    Auditor,
    Moderator,
    DraftToken,
    PublishToken,
    RevokedToken,
}

const EVERYONE: [Who; 9] = [
    Who::Anonymous,
    Who::Admin,
    Who::Editor,
    Who::Approver,
    Who::Auditor,
    Who::Moderator,
    Who::DraftToken,
    Who::PublishToken,
    Who::RevokedToken,
];

/// Every write action, and reading the audit log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    CreateSystemForm,
    CreateSystemApi,
    EditForm,
    EditApi,
    PublishForm,
    PublishApi,
    Submit,
    Approve,
    DiscardDraft,
    Retire,
    ConfirmReviewForm,
    ConfirmReviewApi,
    SetReviewDate,
    SetReviewDateApi,
    RecordAudit,
    CreateToken,
    RevokeToken,
    CreateAgency,
    SetApproval,
    CreateAccount,
    DisableAccount,
    SetAccountPassword,
    ChangeSettings,
    ReadAuditLog,
}

const ACTIONS: [Action; 24] = [
    Action::CreateSystemForm,
    Action::CreateSystemApi,
    Action::EditForm,
    Action::EditApi,
    Action::PublishForm,
    Action::PublishApi,
    Action::Submit,
    Action::Approve,
    Action::DiscardDraft,
    Action::Retire,
    Action::ConfirmReviewForm,
    Action::ConfirmReviewApi,
    Action::SetReviewDate,
    Action::SetReviewDateApi,
    Action::RecordAudit,
    Action::CreateToken,
    Action::RevokeToken,
    Action::CreateAgency,
    Action::SetApproval,
    Action::CreateAccount,
    Action::DisableAccount,
    Action::SetAccountPassword,
    Action::ChangeSettings,
    Action::ReadAuditLog,
];

/// The cells that are allowed; every other cell must be refused.
/// `own` is the agency of the editor, approver and tokens (`tax-office`).
fn allowed(who: Who, action: Action, own: bool) -> bool {
    use Action::*;
    use Who::*;
    match action {
        CreateSystemForm | EditForm | PublishForm | Submit | DiscardDraft | Retire
        | ConfirmReviewForm | SetReviewDate | CreateToken | RevokeToken => {
            own && matches!(who, Editor | Approver)
        }
        CreateSystemApi | EditApi => own && matches!(who, DraftToken | PublishToken),
        PublishApi | ConfirmReviewApi | SetReviewDateApi => own && who == PublishToken,
        Approve => own && who == Approver,
        RecordAudit => who == Auditor,
        CreateAgency | SetApproval | CreateAccount | DisableAccount | SetAccountPassword
        | ChangeSettings | ReadAuditLog => who == Admin,
    }
}

/// A record to write, valid in every field.
fn record(name: &str) -> serde_json::Value {
    json!({
        "name": name,
        "summary": "Sorts incoming letters by topic so they reach the right team sooner.",
        "stage": "in_use",
        "topic": "administration",
        "risk_level": "minimal",
        "technique": ["nlp"],
    })
}

/// The register around the matrix: two agencies' authors, a fresh system per
/// cell, and the actors.
struct World {
    storage: Storage,
    site: Router,
    auths: Vec<(Who, Auth)>,
    cell: usize,
}

impl World {
    fn auth(&self, who: Who) -> &Auth {
        &self.auths.iter().find(|(w, _)| *w == who).unwrap().1
    }

    /// The author of drafts in an agency (not one of the actors).
    async fn author(&self, agency: &str) -> Actor {
        let email = format!("author@{agency}.example");
        let (account, _) = self
            .storage
            .account_by_email(&email)
            .await
            .unwrap()
            .unwrap();
        Actor::Account(Person {
            id: account.id,
            email: account.email,
            name: account.name,
            role: account.role,
            agency: account.agency,
            language: app::i18n::Language::SOURCE,
        })
    }

    /// A published system of `agency` with a submitted draft by its author.
    async fn system(&mut self, agency: &str) -> SystemId {
        let id = self.published_system(agency).await;
        let author = self.author(agency).await;
        let mut next = check::system_input(
            &record(&format!("Letter sorter {}", self.cell)),
            app::i18n::Language::SOURCE,
            &app::i18n::Languages::default(),
        )
        .unwrap();
        next.content.summary = "Sorts letters by topic and urgency.".into();
        publishing::save_draft(&self.storage, &author, &Target::Existing(id.clone()), &next)
            .await
            .unwrap();
        publishing::submit(&self.storage, &author, &id)
            .await
            .unwrap();
        id
    }

    /// A published system of `agency` without a draft.
    async fn published_system(&mut self, agency: &str) -> SystemId {
        self.cell += 1;
        let author = self.author(agency).await;
        let first = check::system_input(
            &record(&format!("Letter sorter {}", self.cell)),
            app::i18n::Language::SOURCE,
            &app::i18n::Languages::default(),
        )
        .unwrap();
        let saved = publishing::save_draft(&self.storage, &author, &Target::New, &first)
            .await
            .unwrap();
        publishing::publish(&self.storage, &author, &saved.id)
            .await
            .unwrap();
        saved.id
    }

    async fn log_length(&self) -> usize {
        let mut total = 0;
        let mut before = None;
        loop {
            let page = self.storage.audit_log(1000, before).await.unwrap();
            total += page.len();
            match page.last() {
                Some(last) if page.len() == 1000 => before = Some(last.id),
                _ => return total,
            }
        }
    }

    /// What `action` needs to exist before it is tried: a system's id, a
    /// token's id, or a fresh name.
    async fn prepare(&mut self, action: Action, agency: &str) -> String {
        match action {
            Action::EditForm
            | Action::EditApi
            | Action::PublishApi
            | Action::PublishForm
            | Action::Submit
            | Action::Approve
            | Action::DiscardDraft
            | Action::RecordAudit => self.system(agency).await.0,
            Action::Retire
            | Action::ConfirmReviewForm
            | Action::ConfirmReviewApi
            | Action::SetReviewDate
            | Action::SetReviewDateApi => self.published_system(agency).await.0,
            Action::RevokeToken => {
                let agency = AgencySlug(agency.into());
                let token = admin::create_token(
                    &self.storage,
                    &Actor::Terminal,
                    &agency,
                    TokenScope::Draft,
                    "spare",
                    None,
                )
                .await
                .unwrap();
                token.token.id.to_string()
            }
            Action::DisableAccount | Action::SetAccountPassword => {
                self.cell += 1;
                let email = format!("person{}@{agency}.example", self.cell);
                let id = support_accounts::create_in(
                    &self.storage,
                    &email,
                    "A person",
                    Role::Editor,
                    Some(agency),
                    PASSWORD,
                )
                .await;
                id.to_string()
            }
            _ => {
                self.cell += 1;
                self.cell.to_string()
            }
        }
    }

    /// Does `action` as `who` on `agency`'s thing `it` (from [`World::prepare`]).
    async fn act(&self, who: Who, action: Action, agency: &str, it: &str) -> Answer {
        let auth = self.auth(who);
        let site = &self.site;
        match action {
            Action::CreateSystemForm => {
                post_form(
                    site,
                    "/manage/systems/new",
                    auth,
                    &[
                        ("name", "New letter sorter"),
                        ("summary", "Sorts letters."),
                        ("stage", "pilot"),
                        ("topic", "administration"),
                        ("agency", agency),
                    ],
                )
                .await
            }
            Action::CreateSystemApi => {
                let mut body = record("New letter sorter");
                body["agency"] = json!(agency);
                send_json(site, "POST", "/api/v1/systems", auth, &body).await
            }
            Action::EditForm => {
                post_form(
                    site,
                    &format!("/manage/systems/{it}/edit"),
                    auth,
                    &[
                        ("name", "Letter sorter, renamed"),
                        ("summary", "Sorts letters."),
                        ("stage", "in_use"),
                        ("topic", "administration"),
                    ],
                )
                .await
            }
            Action::EditApi | Action::PublishApi => {
                let body = record("Letter sorter, renamed by a tool");
                let answer =
                    send_json(site, "PUT", &format!("/api/v1/systems/{it}"), auth, &body).await;
                let versions = self.storage.versions(&SystemId(it.into())).await.unwrap();
                if action == Action::PublishApi
                    && answer.status == StatusCode::OK
                    && versions.len() < 2
                {
                    // Publishing is the effect that counts: a draft token only drafts.
                    return Answer {
                        status: StatusCode::FORBIDDEN,
                        headers: answer.headers,
                        text: format!("saved as a draft, not published: {}", answer.text),
                    };
                }
                answer
            }
            Action::PublishForm => {
                post_form(site, &format!("/manage/systems/{it}/publish"), auth, &[]).await
            }
            Action::Submit => {
                post_form(site, &format!("/manage/systems/{it}/submit"), auth, &[]).await
            }
            Action::Approve => {
                post_form(site, &format!("/manage/systems/{it}/approve"), auth, &[]).await
            }
            Action::DiscardDraft => {
                post_form(site, &format!("/manage/systems/{it}/discard"), auth, &[]).await
            }
            Action::Retire => {
                post_form(
                    site,
                    &format!("/manage/systems/{it}/retire"),
                    auth,
                    &[("retired_on", "2026-11-30"), ("confirm_retire", "yes")],
                )
                .await
            }
            Action::ConfirmReviewForm => {
                post_form(site, &format!("/manage/systems/{it}/reviewed"), auth, &[]).await
            }
            Action::ConfirmReviewApi => {
                let uri = format!("/api/v1/systems/{it}/reviewed");
                send_json(site, "POST", &uri, auth, &json!({})).await
            }
            Action::SetReviewDate => {
                // A month from now: before the register's own date, at least six months on.
                let date = (time::OffsetDateTime::now_utc() + time::Duration::days(30)).date();
                let uri = format!("/manage/systems/{it}/review-date");
                post_form(site, &uri, auth, &[("review_by", &date.to_string())]).await
            }
            Action::SetReviewDateApi => {
                let date = (time::OffsetDateTime::now_utc() + time::Duration::days(30)).date();
                let uri = format!("/api/v1/systems/{it}/review-by");
                let body = json!({"review_by": date.to_string()});
                send_json(site, "PUT", &uri, auth, &body).await
            }
            Action::RecordAudit => {
                post_form(
                    site,
                    &format!("/manage/systems/{it}/audits"),
                    auth,
                    &[
                        ("audited_on", "2026-11-01"),
                        ("outcome", "passed_with_findings"),
                        ("findings", "Bias testing was thin."),
                        ("next_due", "2027-11-01"),
                    ],
                )
                .await
            }
            Action::CreateToken => {
                post_form(
                    site,
                    "/manage/tokens",
                    auth,
                    &[("scope", "draft"), ("label", "sync"), ("agency", agency)],
                )
                .await
            }
            Action::RevokeToken => {
                post_form(site, &format!("/manage/tokens/{it}/revoke"), auth, &[]).await
            }
            Action::CreateAgency => {
                let slug = format!("new-agency-{it}");
                post_form(
                    site,
                    "/manage/agencies",
                    auth,
                    &[("slug", &slug), ("name", "New agency")],
                )
                .await
            }
            Action::SetApproval => {
                post_form(
                    site,
                    &format!("/manage/agencies/{agency}/approval"),
                    auth,
                    &[("requires_approval", "off")],
                )
                .await
            }
            Action::CreateAccount => {
                let email = format!("new{it}@{agency}.example");
                post_form(
                    site,
                    "/manage/accounts",
                    auth,
                    &[
                        ("email", &email),
                        ("name", "New person"),
                        ("role", "editor"),
                        ("agency", agency),
                        ("password", PASSWORD),
                    ],
                )
                .await
            }
            Action::DisableAccount => {
                post_form(site, &format!("/manage/accounts/{it}/disable"), auth, &[]).await
            }
            Action::SetAccountPassword => {
                post_form(
                    site,
                    &format!("/manage/accounts/{it}/password"),
                    auth,
                    &[("password", "a brand new password")],
                )
                .await
            }
            Action::ChangeSettings => {
                let fields = [
                    ("moderation", "pre"),
                    ("flags_to_hide", "3"),
                    ("email_retention_days", "90"),
                    ("submissions_per_hour", "10"),
                    ("answer_reminder_days", "14"),
                    ("review_months", "12"),
                    ("high_risk_review_months", "6"),
                    ("reading_ease", "60"),
                ];
                post_form(site, "/manage/settings", auth, &fields).await
            }
            Action::ReadAuditLog => get(site, "/manage/log", auth).await,
        }
    }
}

/// Whether an answer did what was asked.
fn succeeded(answer: &Answer) -> bool {
    match answer.status {
        StatusCode::SEE_OTHER => answer.location() != Some("/login"),
        status => status.is_success(),
    }
}

/// Whether an answer refused clearly: 401, 403, 404, or off to sign in.
fn refused(answer: &Answer) -> bool {
    matches!(
        answer.status,
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN | StatusCode::NOT_FOUND
    ) || (answer.status == StatusCode::SEE_OTHER && answer.location() == Some("/login"))
}

async fn world(storage: &Storage, site: Router) -> World {
    lantern::demo::seed_if_empty(storage).await.unwrap();
    for agency in [OWN, OTHER] {
        support_accounts::create_in(
            storage,
            &format!("author@{agency}.example"),
            &format!("Author at {agency}"),
            Role::Editor,
            Some(agency),
            PASSWORD,
        )
        .await;
    }
    let people = [
        (Who::Admin, "admin@register.example", Role::Admin, None),
        (Who::Editor, "editor@tax.example", Role::Editor, Some(OWN)),
        (
            Who::Approver,
            "approver@tax.example",
            Role::Approver,
            Some(OWN),
        ),
        (
            Who::Auditor,
            "auditor@oversight.example",
            Role::Auditor,
            None,
        ),
        (
            Who::Moderator,
            "moderator@register.example",
            Role::Moderator,
            None,
        ),
    ];
    let mut auths = vec![(Who::Anonymous, Auth::Anonymous)];
    for (who, email, role, agency) in people {
        support_accounts::create_in(storage, email, &format!("{who:?}"), role, agency, PASSWORD)
            .await;
        auths.push((who, sign_in(&site, email, PASSWORD).await));
    }
    let own = AgencySlug(OWN.into());
    for (who, scope) in [
        (Who::DraftToken, TokenScope::Draft),
        (Who::PublishToken, TokenScope::Publish),
        (Who::RevokedToken, TokenScope::Publish),
    ] {
        let created = admin::create_token(
            storage,
            &Actor::Terminal,
            &own,
            scope,
            &format!("{who:?}"),
            None,
        )
        .await
        .unwrap();
        if who == Who::RevokedToken {
            admin::revoke_token(storage, &Actor::Terminal, created.token.id)
                .await
                .unwrap();
        }
        auths.push((who, Auth::Bearer(created.secret)));
    }
    World {
        storage: storage.clone(),
        site,
        auths,
        cell: 0,
    }
}

#[tokio::test]
async fn every_role_and_token_is_allowed_exactly_its_own_writes() {
    let _turn = ONE_AT_A_TIME.lock().await;
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        let search = TestSearch::embedded(storage).await;
        let mut world = world(storage, router(storage, search.engine.clone())).await;
        let mut cells = 0;
        let mut wrong = Vec::new();
        for action in ACTIONS {
            for who in EVERYONE {
                for (agency, own) in [(OWN, true), (OTHER, false)] {
                    let it = world.prepare(action, agency).await;
                    let before = world.log_length().await;
                    let answer = world.act(who, action, agency, &it).await;
                    let after = world.log_length().await;
                    let expected = allowed(who, action, own);
                    // A draft token's PUT writes a draft (and logs it) but publishes nothing.
                    let drafted_only = action == Action::PublishApi && who == Who::DraftToken;
                    let ok = if expected {
                        succeeded(&answer) && (action == Action::ReadAuditLog || after > before)
                    } else {
                        refused(&answer) && (after == before || drafted_only)
                    };
                    cells += 1;
                    if !ok {
                        let text: String = answer.text.chars().take(300).collect();
                        wrong.push(format!(
                            "{who:?} × {action:?} × {agency}: expected {}, got {} {:?} (log {before}→{after}) {text}",
                            if expected { "allowed" } else { "refused" },
                            answer.status,
                            answer.location()
                        ));
                    }
                }
            }
        }
        assert!(
            wrong.is_empty(),
            "{}: {} of {cells} cells wrong:\n{}",
            db.name,
            wrong.len(),
            wrong.join("\n")
        );
        search.remove().await;
        db.remove().await;
    }
}

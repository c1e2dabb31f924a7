//! Mail to the people who keep the register, through the real mail server
//! of `scripts/test`: an agency's editors and approvers are reminded at
//! most once a week of what waits there (drafts for approval, questions
//! unanswered too long, records due for review), admins get the week's
//! summary, and each account turns each kind off at `/manage/email`.

use crate::support::databases::TestDatabase;
use crate::support::mail::{MailSink, Received, deliver_all, make_all_due, postman};
use crate::support::{accounts, manage, site};
use app::i18n::Language;
use app::manage::ManageRegister;
use app::record::{Role, SystemId};
use axum::http::StatusCode;
use lantern::publishing::{self, Actor, Person, Target, check::SystemInput};
use lantern::storage::Storage;
use site::ONE_AT_A_TIME;
use time::{Duration, OffsetDateTime};

const PASSWORD: &str = "a long test password";

/// Runs `sql` with `binds` on the test database.
async fn run(db: &TestDatabase, sql: &str, binds: &[&str]) {
    let mut conn = db.connect().await;
    let sql = lantern::storage::sql_for(&conn, sql);
    let mut query = sqlx::query(&sql);
    for bind in binds {
        query = query.bind(bind.to_string());
    }
    query.execute(&mut conn).await.unwrap();
}

/// Queues what is due `days` from now; returns (reminders, summaries).
async fn queue_at(storage: &Storage, days: i64) -> (u64, u64) {
    let moment = OffsetDateTime::now_utc() + Duration::days(days);
    lantern::mail::reminders::queue_due(storage, moment, "en")
        .await
        .unwrap()
}

/// What `address` received since `seen` messages.
fn new_mail(sink: &MailSink, address: &str, seen: usize) -> Vec<Received> {
    sink.received_by(address).into_iter().skip(seen).collect()
}

/// A submitted draft of `system` by an editor of `agency`.
async fn submit_draft(storage: &Storage, agency: &str, system: &SystemId) {
    let author = Actor::Account(Person {
        id: 0,
        email: "author@example.gov".into(),
        name: "Author".into(),
        role: Role::Editor,
        agency: Some(app::record::AgencySlug(agency.into())),
        language: Language::SOURCE,
    });
    let (_, mut content) = storage.published(system).await.unwrap().unwrap();
    content.summary = format!("{} Now also reads letters.", content.summary);
    let input = SystemInput {
        agency: None,
        change_summary: Some("Reads letters too.".into()),
        content,
    };
    let target = Target::Existing(system.clone());
    publishing::save_draft(storage, &author, &target, &input)
        .await
        .unwrap();
    publishing::submit(storage, &author, system).await.unwrap();
}

#[tokio::test]
async fn an_agency_is_reminded_weekly_of_what_waits_and_each_account_chooses() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let sink = MailSink::shared().await;
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        let (_search, site) = site::demo_site_with(storage, &["--smtp-url", &sink.url]).await;
        let postman = postman(storage, &sink);
        let tag = &lantern::accounts::random_token()[..8];
        let at = |who: &str| format!("{who}-{}-{tag}@example.gov", db.name);
        let (editor, approver, elsewhere, admin) =
            (at("editor"), at("approver"), at("elsewhere"), at("admin"));
        for (email, role, agency) in [
            (&editor, Role::Editor, Some("tax-office")),
            (&approver, Role::Approver, Some("tax-office")),
            (&elsewhere, Role::Editor, Some("police")),
            (&admin, Role::Admin, None),
        ] {
            accounts::create_in(storage, email, "Someone", role, agency, PASSWORD).await;
        }
        // A quiet register: nothing waits anywhere.
        let now = lantern::clock::now();
        run(
            &db,
            "UPDATE systems SET review = 'current', review_by = '2099-01-01T00:00:00Z'",
            &[],
        )
        .await;
        run(
            &db,
            "UPDATE comments SET published_at = $1::timestamptz WHERE published_at IS NOT NULL",
            &[&now],
        )
        .await;
        run(&db, "DELETE FROM drafts", &[]).await;
        assert_eq!(
            queue_at(storage, 0).await,
            (0, 0),
            "{}: nothing waits, and an admin's first week starts",
            db.name
        );

        // Three things wait in the tax office.
        let systems = manage::first_system_of(storage, "tax-office").await;
        let drafted = SystemId(systems.clone());
        submit_draft(storage, "tax-office", &drafted).await;
        let old = lantern::clock::format_timestamp(OffsetDateTime::now_utc() - Duration::days(20));
        run(
            &db,
            "INSERT INTO comments (system_id, kind, body, body_key, state, created_at, published_at) \
             VALUES ($1, 'question', 'Who checks it?', 'who checks it?', 'published', $2::timestamptz, $2::timestamptz)",
            &[&systems, &old],
        )
        .await;
        let yesterday =
            lantern::clock::format_timestamp(OffsetDateTime::now_utc() - Duration::days(1));
        run(
            &db,
            "UPDATE systems SET review = 'overdue', review_by = $2::timestamptz WHERE id = $1",
            &[&systems, &yesterday],
        )
        .await;
        let name = storage.published(&drafted).await.unwrap().unwrap().1.name;

        // Its editor and approver are reminded; the police's editor and the
        // admin (whose week has not passed) are not; and only once a week.
        assert_eq!(queue_at(storage, 0).await, (2, 0), "{}", db.name);
        assert_eq!(
            queue_at(storage, 1).await,
            (0, 0),
            "{}: a week has not passed",
            db.name
        );
        // Queued to the microsecond, due in the postman's next second.
        make_all_due(&mut db.connect().await).await;
        deliver_all(&postman).await;
        assert!(sink.received_by(&elsewhere).is_empty());
        assert!(sink.received_by(&admin).is_empty());
        let reminder = &sink.received_by(&editor)[0];
        assert_eq!(
            reminder.subject, "3 things wait for Northvale Tax Office on the register",
            "{}",
            db.name
        );
        let text = reminder.text();
        assert!(text.contains(&format!("1 draft waits for an approver:\n\n- {name}\n  https://register.example.gov/manage/systems/{systems}")), "{text}");
        assert!(text.contains(&format!("1 question has waited more than 14 days for an answer:\n\n- A question about {name}")), "{text}");
        assert!(
            text.contains(&format!(
                "1 record is due for review:\n\n- {name}: overdue since"
            )),
            "{text}"
        );
        assert!(text.contains("https://register.example.gov/manage/email"));
        assert!(reminder.header("List-Unsubscribe").is_none());
        assert_eq!(sink.received_by(&approver).len(), 1);

        // The editor keeps only the drafts; a kind their role does not get,
        // or no kind at all, is refused and changes nothing.
        let editor_auth = manage::sign_in(&site, &editor, PASSWORD).await;
        for wrong in ["summary", "<script>alert(1)</script>"] {
            let refused =
                manage::post_form(&site, "/manage/email", &editor_auth, &[("on", wrong)]).await;
            assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{wrong}");
            assert!(
                refused
                    .text
                    .contains("Choose from the kinds of email listed")
            );
            assert!(!refused.text.contains("<script>alert(1)"));
        }
        let editor_id = {
            let lines = storage.account_lines().await.unwrap();
            lines.iter().find(|a| a.email == editor).unwrap().id
        };
        // A hostile site's post, without the session's CSRF token, changes nothing.
        let forged = manage::Auth::Session {
            cookie: match &editor_auth {
                manage::Auth::Session { cookie, .. } => cookie.clone(),
                _ => unreachable!(),
            },
            csrf: "forged".into(),
        };
        let refused = manage::post_form(&site, "/manage/email", &forged, &[]).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        assert!(storage.mail_turned_off(editor_id).await.unwrap().is_empty());
        let saved =
            manage::post_form(&site, "/manage/email", &editor_auth, &[("on", "drafts")]).await;
        assert_eq!(saved.status, StatusCode::OK);
        assert!(saved.text.contains("Your email choices are saved."));
        let page = manage::get(&site, "/manage/email", &editor_auth).await.text;
        assert!(
            page.contains(r#"id="mail-drafts" name="on" value="drafts" checked"#),
            "{page}"
        );
        assert!(
            page.contains(r#"id="mail-reviews" name="on" value="reviews">"#),
            "{page}"
        );
        assert!(
            !page.contains("summary"),
            "an editor gets no summary to choose"
        );

        // A week on, the draft is approved before the reminders go: the
        // editor, who wants only drafts, gets nothing; the approver the rest.
        // The admin gets the week's summary.
        assert_eq!(queue_at(storage, 8).await, (2, 1), "{}", db.name);
        run(&db, "DELETE FROM drafts", &[]).await;
        make_all_due(&mut db.connect().await).await;
        deliver_all(&postman).await;
        assert!(
            new_mail(&sink, &editor, 1).is_empty(),
            "{}: nothing left to tell",
            db.name
        );
        let second = &new_mail(&sink, &approver, 1)[0];
        assert_eq!(
            second.subject,
            "2 things wait for Northvale Tax Office on the register"
        );
        assert!(!second.text().contains("draft"));
        let summary = &sink.received_by(&admin)[0];
        assert!(
            summary.subject.starts_with("The register's week, "),
            "{}",
            summary.subject
        );
        let text = summary.text();
        assert!(
            text.contains("- 1 question has waited more than 14 days for an answer"),
            "{text}"
        );
        assert!(text.contains("- 1 record is overdue for review"), "{text}");
        assert!(
            text.contains("https://register.example.gov/manage/feedback"),
            "{text}"
        );

        // The admin turns the summary off; a disabled approver is not reminded.
        let admin_auth = manage::sign_in(&site, &admin, PASSWORD).await;
        let page = manage::get(&site, "/manage/email", &admin_auth).await.text;
        assert!(page.contains(r#"value="summary" checked"#), "{page}");
        let saved = manage::post_form(&site, "/manage/email", &admin_auth, &[]).await;
        assert_eq!(saved.status, StatusCode::OK);
        run(
            &db,
            "UPDATE accounts SET disabled_at = $2::timestamptz WHERE email = $1",
            &[&approver, &now],
        )
        .await;
        assert_eq!(queue_at(storage, 16).await, (0, 0), "{}", db.name);
        db.remove().await;
    }
}

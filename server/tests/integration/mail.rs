//! Mail through a real mail server (`scripts/smtp-sink.py`): what a citizen
//! who left an address receives, what waits without a mail server, and a
//! mail server that stops while two instances deliver.

use crate::support::databases::TestDatabase;
use crate::support::mail::{MailSink, ORIGIN, Received, deliver_all, postman};
use crate::support::processes::{Lantern, wait_until};
use crate::support::{manage, site};
use app::feedback::{ClientAddress, FeedbackInput, FeedbackOutcome};
use app::i18n::Language;
use app::record::{AgencySlug, HideReason, Role};
use axum::http::StatusCode;
use lantern::feedback::Decision;
use lantern::publishing::Person;
use lantern::storage::Storage;
use site::ONE_AT_A_TIME;
use std::time::Duration;

/// Addresses no other test (or run) uses.
fn address(what: &str, db: &TestDatabase) -> String {
    let run = &lantern::accounts::random_token()[..8];
    format!("{what}-{}-{run}@example.org", db.name)
}

fn person(role: Role, agency: Option<&str>) -> Person {
    Person {
        id: 0,
        email: format!("{}@example.gov", role.as_str()),
        name: "Someone".into(),
        role,
        agency: agency.map(|a| AgencySlug(a.into())),
        language: Language::SOURCE,
    }
}

/// A citizen's question (or another kind) with an address for a reply,
/// written in `language`, sent from client `n`: its id.
async fn ask(
    storage: &Storage,
    system: &str,
    kind: &str,
    body: &str,
    email: &str,
    language: Language,
    n: usize,
) -> i64 {
    let input = FeedbackInput {
        kind: kind.into(),
        body: body.into(),
        email: email.into(),
        ..FeedbackInput::default()
    };
    let client = ClientAddress(format!("10.9.{}.{}", n / 200, n % 200));
    let system = app::record::SystemId(system.into());
    match lantern::feedback::submit(storage, &system, &input, &client, language, true)
        .await
        .unwrap()
    {
        FeedbackOutcome::Sent { id, .. } => id,
        other => panic!("{other:?}"),
    }
}

/// The feedback form of `system`, sent without JavaScript from `client`.
async fn send_form(
    site: &axum::Router,
    system: &str,
    fields: &[(&str, &str)],
    client: &str,
) -> (StatusCode, String) {
    let uri = format!("/systems/{system}/feedback");
    let answer = manage::post_public(site, &uri, manage::form_body(fields), client).await;
    (answer.status, answer.text)
}

async fn publish(storage: &Storage, comment: i64) {
    let decision = Decision::Publish {
        personal_data_checked: true,
    };
    let moderator = person(Role::Moderator, None);
    lantern::feedback::moderate(storage, &moderator, comment, &decision, Language::SOURCE)
        .await
        .unwrap();
}

async fn demo_system(storage: &Storage) -> String {
    let query =
        app::search::SystemQuery::default().toggled(app::search::Facet::Agency, "tax-office");
    use app::register::Register;
    storage.list_systems(&query).await.unwrap().systems[0]
        .id
        .0
        .clone()
}

fn one(mut received: Vec<Received>, to: &str) -> Received {
    assert_eq!(received.len(), 1, "one message to {to}: {received:#?}");
    received.remove(0)
}

#[tokio::test]
async fn the_citizen_who_asked_hears_of_publication_refusal_and_the_answer() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let sink = MailSink::shared().await;
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        let smtp = ["--smtp-url", sink.url.as_str()];
        let (_search, site) = site::demo_site_with(storage, &smtp).await;
        let system = demo_system(storage).await;
        let postman = postman(storage, &sink);
        let asker = address("asker", &db);
        let reporter = address("reporter", &db);
        let commenter = address("commenter", &db);

        // A question through the form, as a citizen sends it.
        let fields = [
            ("kind", "question"),
            ("body", "Who reads the scores before an audit starts?"),
            ("email", asker.as_str()),
            ("website", ""),
        ];
        let (status, _) = send_form(&site, &system, &fields, "10.8.0.1").await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{}", db.name);
        let question: i64 = sqlx::query_scalar("SELECT max(id) FROM comments")
            .fetch_one(&mut db.connect().await)
            .await
            .unwrap();
        // An error report written on the Dutch pages, and feedback (which wants no reply).
        let dutch = Language::parse("nl").unwrap();
        let report = ask(
            storage,
            &system,
            "error",
            "Het adres van de helpdesk klopt niet.",
            &reporter,
            dutch,
            1,
        )
        .await;
        let feedback = ask(
            storage,
            &system,
            "feedback",
            "Clear record, thank you.",
            &commenter,
            Language::SOURCE,
            2,
        )
        .await;
        deliver_all(&postman).await;
        assert!(
            sink.received_by(&asker).is_empty(),
            "{}: nothing before a moderator decides",
            db.name
        );

        // Published: the asker hears of it, with their question and a link.
        publish(storage, question).await;
        publish(storage, feedback).await;
        deliver_all(&postman).await;
        let published = one(sink.received_by(&asker), &asker);
        assert!(
            published.subject.contains("Your question about")
                && published.subject.ends_with("is published"),
            "{}",
            published.subject
        );
        let text = published.text();
        assert!(
            text.contains("> Who reads the scores before an audit starts?"),
            "{text}"
        );
        assert!(
            text.contains(&format!("{ORIGIN}/systems/{system}#feedback")),
            "{text}"
        );
        assert!(
            published
                .html()
                .contains(&format!("href=\"{ORIGIN}/systems/{system}#feedback\""))
        );
        assert_eq!(published.header("Auto-Submitted"), Some("auto-generated"));
        assert!(
            published
                .header("From")
                .unwrap()
                .contains("register@example.gov")
        );
        assert!(
            sink.received_by(&commenter).is_empty(),
            "{}: feedback wants no reply",
            db.name
        );

        // Declined: the reason, in the reporter's language, never the moderator's note.
        let hide = Decision::Hide {
            reason: HideReason::OffTopic,
            note: "internal note 4471".into(),
        };
        let moderator = person(Role::Moderator, None);
        lantern::feedback::moderate(storage, &moderator, report, &hide, Language::SOURCE)
            .await
            .unwrap();
        deliver_all(&postman).await;
        let declined = one(sink.received_by(&reporter), &reporter);
        assert!(
            declined.subject.contains("niet gepubliceerd"),
            "{}",
            declined.subject
        );
        assert!(
            declined.text().contains("De reden: Niet ter zake."),
            "{}",
            declined.text()
        );
        assert!(
            declined
                .text()
                .contains(&format!("{ORIGIN}/nl/systems/{system}"))
        );
        for part in [declined.text(), declined.html()] {
            assert!(
                !part.contains("4471"),
                "{}: the note stays with the moderators",
                db.name
            );
        }

        // Answered: the answer and the link. A changed answer sends nothing more.
        let editor = person(Role::Editor, Some("tax-office"));
        let answer = "A tax inspector reads every score <before> an audit starts.";
        lantern::feedback::answer(storage, &editor, question, answer, Language::SOURCE)
            .await
            .unwrap();
        lantern::feedback::answer(storage, &editor, question, "Changed.", Language::SOURCE)
            .await
            .unwrap();
        deliver_all(&postman).await;
        let both = sink.received_by(&asker);
        assert_eq!(both.len(), 2, "{}: published, then answered once", db.name);
        let answered = &both[1];
        assert!(
            answered.subject.contains("answered your question"),
            "{}",
            answered.subject
        );
        assert!(
            answered.text().contains("> Changed."),
            "the answer as it is when sent"
        );
        assert!(
            answered
                .html()
                .contains(&format!("{ORIGIN}/systems/{system}#feedback"))
        );
        assert_eq!(storage.mail_queue().await.unwrap().waiting, 0);

        // The addresses went to the mail server and nowhere else.
        for path in [
            format!("/systems/{system}"),
            format!("/api/v1/systems/{system}/feedback"),
            "/healthz".to_string(),
            "/api/v1/systems.csv".to_string(),
        ] {
            let (_, body) = site::get(&site, &path).await;
            for private in [&asker, &reporter, &commenter] {
                assert!(
                    !body.contains(private.as_str()),
                    "{}: {path} shows an address",
                    db.name
                );
            }
        }
        db.remove().await;
    }
}

#[tokio::test]
async fn without_a_mail_server_no_address_is_taken_and_mail_waits_saying_why() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let db = TestDatabase::sqlite().await;
    let storage = &db.storage;
    let (_search, site) = site::demo_site(storage).await;
    let system = demo_system(storage).await;

    // The form asks for no address, and one sent anyway is refused, naming why.
    let (_, page) = site::get(&site, &format!("/systems/{system}")).await;
    assert!(page.contains("name=\"body\"") && !page.contains("name=\"email\""));
    let fields = [
        ("kind", "question"),
        ("body", "Is there a person in the loop?"),
        ("email", "someone@example.org"),
    ];
    let (status, text) = send_form(&site, &system, &fields, "10.8.1.1").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text.contains("does not send email"), "{text}");
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM comments")
        .fetch_one(&mut db.connect().await)
        .await
        .unwrap();
    assert_eq!(stored, 0, "nothing written");
    let (_, health) = site::get(&site, "/healthz").await;
    let health: serde_json::Value = serde_json::from_str(&health).unwrap();
    assert_eq!(health["mail"]["status"], "off");

    // A question left with an address while the register still sent mail:
    // its mail waits, and /healthz says how many and why.
    let waiting = address("waiting", &db);
    let question = ask(
        storage,
        &system,
        "question",
        "Who checks it?",
        &waiting,
        Language::SOURCE,
        3,
    )
    .await;
    publish(storage, question).await;
    let (_, health) = site::get(&site, "/healthz").await;
    let health: serde_json::Value = serde_json::from_str(&health).unwrap();
    assert_eq!(health["mail"]["status"], "waiting", "{health}");
    assert_eq!(health["mail"]["waiting"], 1);
    assert_eq!(health["mail"]["server"], "not configured");
    assert!(
        health["mail"]["reason"]
            .as_str()
            .unwrap()
            .contains("LANTERN_SMTP_URL")
    );
    assert!(!health.to_string().contains(&waiting));

    // A mail server at last: it goes, once.
    let sink = MailSink::shared().await;
    deliver_all(&postman(storage, &sink)).await;
    one(sink.received_by(&waiting), &waiting);
    assert_eq!(storage.mail_queue().await.unwrap().waiting, 0);
    db.remove().await;
}

#[tokio::test]
async fn a_stopped_mail_server_loses_nothing_and_two_instances_send_each_message_once() {
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        lantern::demo::seed_if_empty(storage).await.unwrap();
        let system = demo_system(storage).await;
        let mut sink = MailSink::own(&[]).await;
        let smtp = ["--smtp-url", sink.url.as_str()];
        let a = Lantern::start(&db.url, None, &smtp).await;
        let b = Lantern::start(&db.url, None, &smtp).await;
        let mut addresses = Vec::new();
        let mut n = 0;
        let mut publish_questions = async |count: usize, addresses: &mut Vec<String>| {
            for _ in 0..count {
                n += 1;
                let to = address(&format!("fault{n}"), &db);
                let body = format!("Question number {n} about the scores?");
                let id = ask(
                    storage,
                    &system,
                    "question",
                    &body,
                    &to,
                    Language::SOURCE,
                    100 + n,
                )
                .await;
                publish(storage, id).await;
                addresses.push(to);
            }
        };

        // While the mail server answers, mail goes.
        publish_questions(10, &mut addresses).await;
        wait_until("10 messages", Duration::from_secs(30), async || {
            sink.received().len() >= 10
        })
        .await;

        // It stops while changes happen: nothing is lost, and the instances say so.
        sink.kill();
        publish_questions(20, &mut addresses).await;
        wait_until(
            "the instances see the mail server down",
            Duration::from_secs(30),
            async || {
                let health = a.get("/healthz").await;
                health.text.contains("did not answer")
            },
        )
        .await;
        let health: serde_json::Value =
            serde_json::from_str(&a.get("/healthz").await.text).unwrap();
        assert_eq!(health["mail"]["waiting"], 20, "{}: {health}", db.name);
        assert_eq!(health["mail"]["status"], "waiting");

        // It returns: every message is delivered, each exactly once.
        sink.start_again().await;
        wait_until("30 messages", Duration::from_secs(90), async || {
            sink.received().len() >= 30
        })
        .await;
        tokio::time::sleep(Duration::from_secs(3)).await;
        let received = sink.received();
        assert_eq!(received.len(), 30, "{}: exactly once each", db.name);
        for to in &addresses {
            assert_eq!(
                sink.received_by(to).len(),
                1,
                "{}: one message to {to}",
                db.name
            );
        }
        assert_eq!(storage.mail_queue().await.unwrap().waiting, 0);
        drop((a, b));
        db.remove().await;
    }
}

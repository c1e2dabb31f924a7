//! Agencies writing in several languages: the `/manage` forms and the write
//! API answering in Dutch, and a record written in Dutch with an English
//! translation, read on the Dutch and the English page, through the API's
//! `lang` and in the export.

use crate::languages::{bilingual_site, english_on};
use crate::support::databases::TestDatabase;
use crate::support::manage::{
    Auth, agency_token, exported_systems, get, post_form, send_json, sign_in,
};
use crate::support::site::ONE_AT_A_TIME;
use app::record::TokenScope;
use axum::Router;
use axum::http::StatusCode;
use serde_json::{Value, json};

/// An editor works in Dutch: the system form's problems, the workflow's
/// refusals and redirects, and the write API's checks with `lang=nl`.
#[tokio::test]
async fn an_editor_files_a_record_in_dutch_and_is_answered_in_dutch() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let database = TestDatabase::sqlite().await;
    let (_search, site) = bilingual_site(&database).await;
    let editor = tax_office_editor(&site, &database, "editor@languages.example").await;

    let empty = post_form(&site, "/nl/manage/systems/new", &editor, &[("name", " ")]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.text.contains(r#"<html lang="nl""#));
    for said in [
        "Naam: Mag niet leeg zijn",
        "Fase: Kies een van: Gepland",
        "Er is een probleem",
    ] {
        assert!(empty.text.contains(said), "{said}: {}", empty.text);
    }
    assert_eq!(english_on(&empty.text), Vec::<String>::new());

    let record = [
        ("name", "Routeplanner"),
        ("summary", "Plant routes voor de inzameling van afval."),
        ("stage", "pilot"),
        ("topic", "tax"),
    ];
    let saved = post_form(&site, "/nl/manage/systems/new", &editor, &record).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text);
    let desk = saved.location().unwrap().to_string();
    assert!(desk.starts_with("/nl/manage/systems/"), "{desk}");
    let id = desk.trim_start_matches("/nl/manage/systems/").to_string();
    let published = post_form(
        &site,
        &format!("/nl/manage/systems/{id}/publish"),
        &editor,
        &[],
    )
    .await;
    assert_eq!(published.location(), Some(desk.as_str()));
    // A step that cannot be taken says why, in Dutch.
    let again = post_form(
        &site,
        &format!("/nl/manage/systems/{id}/submit"),
        &editor,
        &[],
    )
    .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert!(
        again
            .text
            .contains("Dit systeem heeft geen concept om aan te bieden"),
        "{}",
        again.text
    );
    assert_eq!(english_on(&again.text), Vec::<String>::new());

    // The write API answers in the language it is asked in.
    let token = agency_token(
        &database.storage,
        "tax-office",
        app::record::TokenScope::Draft,
    )
    .await;
    let body = serde_json::json!({"name": "", "stage": "soon"});
    for (query, said) in [
        ("?lang=nl", "Mag niet leeg zijn"),
        ("", "Must not be empty"),
    ] {
        let uri = format!("/api/v1/systems{query}");
        let answer = send_json(&site, "POST", &uri, &token, &body).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(answer.text.contains(said), "{query}: {}", answer.text);
    }
    database.remove().await;
}

/// An editor of the tax office, signed in.
async fn tax_office_editor(site: &Router, database: &TestDatabase, email: &str) -> Auth {
    let password = "a long enough password 1";
    let role = app::record::Role::Editor;
    crate::support::accounts::create_in(
        &database.storage,
        email,
        "Eef",
        role,
        Some("tax-office"),
        password,
    )
    .await;
    sign_in(site, email, password).await
}

/// A record of the tax office written in Dutch (`extra` added to it), filed
/// and published with an API token; answers its id.
async fn dutch_record(site: &Router, token: &Auth, extra: Value) -> String {
    let mut body = json!({
        "name": "Routeplanner afvalinzameling",
        "summary": "Plant de routes van de vuilniswagens op basis van sensoren in de containers.",
        "stage": "in_use",
        "topic": "environment",
        "language": "nl",
        "purpose": "Minder kilometers rijden en **volle containers** eerder legen.",
        "how_it_works": "Een model voorspelt wanneer een container vol is.",
    });
    for (key, value) in extra.as_object().unwrap() {
        body[key] = value.clone();
    }
    let filed = send_json(site, "POST", "/api/v1/systems", token, &body).await;
    assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.text);
    let filed: Value = serde_json::from_str(&filed.text).unwrap();
    assert_eq!(filed["state"], "published");
    filed["id"].as_str().unwrap().to_string()
}

/// The English translation the tests give: its name, summary and purpose.
fn english() -> Value {
    json!({"translations": {"en": {
        "name": "Waste collection route planner",
        "summary": "Plans the routes of the refuse lorries from sensors in the containers. <script>alert('x')</script>",
        "purpose": "Drive fewer kilometres and empty **full containers** sooner.",
    }}})
}

#[tokio::test]
async fn a_dutch_record_with_an_english_translation_is_read_in_each_language() {
    let _turn = ONE_AT_A_TIME.lock().await;
    for database in TestDatabase::both().await {
        read_in_each_language(&database).await;
        database.remove().await;
    }
}

async fn read_in_each_language(database: &TestDatabase) {
    let (search, site) = bilingual_site(database).await;
    let token = agency_token(&database.storage, "tax-office", TokenScope::Publish).await;
    let id = dutch_record(&site, &token, english()).await;
    let page = |path: String| {
        let site = site.clone();
        async move { get(&site, &path, &Auth::Anonymous).await }
    };

    // The Dutch page: the record as written, with no lang of its own and no note.
    let dutch = page(format!("/nl/systems/{id}")).await;
    assert_eq!(dutch.status, StatusCode::OK);
    assert!(
        dutch.text.contains("<h1>Routeplanner afvalinzameling</h1>"),
        "{}",
        dutch.text
    );
    assert!(!dutch.text.contains("Waste collection"));
    assert!(!dutch.text.contains("language-note"));
    assert_eq!(english_on(&dutch.text), Vec::<String>::new());

    // The English page: the translation where there is one, the Dutch
    // original marked as Dutch where there is none; markup stays text.
    let english_page = page(format!("/systems/{id}")).await;
    let text = &english_page.text;
    assert!(
        text.contains("<h1>Waste collection route planner</h1>"),
        "{text}"
    );
    assert!(text.contains("<strong>full containers</strong>"), "{text}");
    assert!(
        text.contains(r#"lang="nl""#) && text.contains("Een model voorspelt"),
        "{text}"
    );
    assert!(!text.contains("<script>alert"), "{text}");
    assert!(text.contains("&lt;script&gt;"), "{text}");
    assert!(!text.contains("language-note"));

    // Lists too: the agency's page and search results, each in the reader's language.
    search.catch_up(&database.storage).await;
    let agency = page("/agencies/tax-office".to_string()).await;
    assert!(
        agency.text.contains(">Waste collection route planner<"),
        "{}",
        agency.text
    );
    let found = page("/systems?q=routeplanner".to_string()).await;
    assert!(
        found.text.contains(">Waste collection route planner<"),
        "{}",
        found.text
    );
    let gevonden = page("/nl/systems?q=routeplanner".to_string()).await;
    assert!(
        gevonden.text.contains("afvalinzameling"),
        "{}",
        gevonden.text
    );
    assert!(!gevonden.text.contains("Waste collection"));

    // The API: the asked language's texts, the original's language, and every translation.
    let api = |query: &'static str| {
        let site = site.clone();
        let id = id.clone();
        async move {
            let answer = get(
                &site,
                &format!("/api/v1/systems/{id}{query}"),
                &Auth::Anonymous,
            )
            .await;
            assert_eq!(answer.status, StatusCode::OK, "{query}: {}", answer.text);
            serde_json::from_str::<Value>(&answer.text).unwrap()
        }
    };
    let in_english = api("?lang=en").await;
    assert_eq!(in_english["name"], "Waste collection route planner");
    assert_eq!(in_english["translated_into"], "en");
    assert_eq!(in_english["language"], "nl");
    assert_eq!(
        in_english["how_it_works"],
        "Een model voorspelt wanneer een container vol is."
    );
    let in_dutch = api("?lang=nl").await;
    assert_eq!(in_dutch["name"], "Routeplanner afvalinzameling");
    assert!(in_dutch.get("translated_into").is_none());
    assert_eq!(
        in_dutch["translations"]["en"]["name"],
        "Waste collection route planner"
    );

    // The search API gives each hit's name and summary in the asked language.
    let hits = |lang: &'static str| {
        let site = site.clone();
        async move {
            let answer = get(
                &site,
                &format!("/api/v1/systems?q=routeplanner&lang={lang}"),
                &Auth::Anonymous,
            )
            .await;
            assert_eq!(answer.status, StatusCode::OK, "{lang}: {}", answer.text);
            serde_json::from_str::<Value>(&answer.text).unwrap()["hits"][0].clone()
        }
    };
    let hit = hits("en").await;
    assert_eq!(hit["name"], "Waste collection route planner");
    assert_eq!(hit["translated_into"], "en");
    let hit = hits("nl").await;
    assert_eq!(hit["name"], "Routeplanner afvalinzameling");
    assert!(hit.get("translated_into").is_none());

    // The export carries the record as written, with every translation.
    let exported = exported_systems(&site).await;
    let record = &exported[&id];
    assert_eq!(record["name"], "Routeplanner afvalinzameling");
    assert_eq!(record["language"], "nl");
    assert_eq!(
        record["translations"]["en"]["purpose"],
        "Drive fewer kilometres and empty **full containers** sooner."
    );
    assert!(record.get("translated_into").is_none());
}

#[tokio::test]
async fn without_a_translation_the_page_says_so_and_marks_the_language() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let database = TestDatabase::sqlite().await;
    let (_search, site) = bilingual_site(&database).await;
    let token = agency_token(&database.storage, "tax-office", TokenScope::Publish).await;
    let id = dutch_record(&site, &token, json!({})).await;
    let english_page = get(&site, &format!("/systems/{id}"), &Auth::Anonymous).await;
    let text = &english_page.text;
    assert!(
        text.contains("Not available in English; shown in Dutch."),
        "{text}"
    );
    assert!(
        text.contains(r#"<h1 lang="nl">Routeplanner afvalinzameling</h1>"#),
        "{text}"
    );
    let dutch = get(&site, &format!("/nl/systems/{id}"), &Auth::Anonymous).await;
    assert!(!dutch.text.contains("Niet beschikbaar"));
    database.remove().await;
}

#[tokio::test]
async fn translations_are_checked_like_the_original_and_name_the_field() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let database = TestDatabase::sqlite().await;
    let (_search, site) = bilingual_site(&database).await;
    let token = agency_token(&database.storage, "tax-office", TokenScope::Publish).await;
    let record = |extra: Value| {
        let mut body = json!({"name": "Sorteerhulp", "summary": "Sorteert post.", "stage": "pilot", "topic": "tax"});
        for (key, value) in extra.as_object().unwrap() {
            body[key] = value.clone();
        }
        body
    };
    let long_name = "x".repeat(201);
    for (extra, field) in [
        (json!({"language": "fr"}), "language"),
        (
            json!({"translations": {"fr": {"name": "Trieur"}}}),
            "translations.fr",
        ),
        (
            json!({"language": "nl", "translations": {"nl": {"name": "Sorteerhulp"}}}),
            "translations.nl",
        ),
        (
            json!({"translations": {"nl": {"stage": "pilot"}}}),
            "translations.nl.stage",
        ),
        (
            json!({"translations": {"nl": {"name": long_name}}}),
            "translations.nl.name",
        ),
        (
            json!({"translations": {"nl": {"name": "Twee\nregels"}}}),
            "translations.nl.name",
        ),
        (
            json!({"translations": {"nl": "Sorteerhulp"}}),
            "translations.nl",
        ),
        (json!({"translations": ["nl"]}), "translations"),
    ] {
        let sent = send_json(
            &site,
            "POST",
            "/api/v1/systems",
            &token,
            &record(extra.clone()),
        )
        .await;
        assert_eq!(
            sent.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{extra}: {}",
            sent.text
        );
        let errors: Value = serde_json::from_str(&sent.text).unwrap();
        let fields: Vec<&str> = errors["errors"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e["field"].as_str())
            .collect();
        assert_eq!(fields, [field], "{extra}: {}", sent.text);
    }
    // Nothing of those was written.
    let listed = get(&site, "/api/v1/systems?q=Sorteerhulp", &Auth::Anonymous).await;
    assert!(listed.text.contains(r#""total":0"#), "{}", listed.text);
    database.remove().await;
}

#[tokio::test]
async fn an_editor_writes_a_translation_in_the_form_and_previews_it() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let database = TestDatabase::sqlite().await;
    let (_search, site) = bilingual_site(&database).await;
    let editor = tax_office_editor(&site, &database, "vertaler@languages.example").await;
    let form = get(&site, "/manage/systems/new", &editor).await;
    assert!(
        form.text.contains("Translation into Dutch"),
        "{}",
        form.text
    );
    assert!(form.text.contains(r#"name="translations.nl.summary""#));

    let fields = [
        ("name", "Parcel scanner"),
        ("summary", "Flags parcels to open."),
        ("stage", "pilot"),
        ("topic", "tax"),
        ("language", "en"),
        ("translations.nl.name", "Pakketscanner"),
        (
            "translations.nl.summary",
            "Wijst pakketten aan om te openen.\r\n",
        ),
        ("translations.nl.risks", ""),
    ];
    let saved = post_form(&site, "/manage/systems/new", &editor, &fields).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text);
    let desk = saved.location().unwrap().to_string();
    // The preview in each language; the form again keeps the translation.
    let english_preview = get(&site, &desk, &editor).await;
    assert!(english_preview.text.contains("Parcel scanner"));
    let dutch_preview = get(&site, &format!("/nl{desk}"), &editor).await;
    assert!(
        dutch_preview.text.contains("<h1>Pakketscanner</h1>"),
        "{}",
        dutch_preview.text
    );
    let again = get(&site, &format!("{desk}/edit"), &editor).await;
    assert!(
        again.text.contains(r#"value="Pakketscanner""#),
        "{}",
        again.text
    );

    // A translation too long is named in the error summary by field and language.
    let long = "x".repeat(301);
    let mut wrong = fields.to_vec();
    wrong.push(("translations.nl.unit", &long));
    let refused = post_form(&site, "/manage/systems/new", &editor, &wrong).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .text
            .contains("Unit (Dutch): Must be at most 300 characters"),
        "{}",
        refused.text
    );
    database.remove().await;
}

#[tokio::test]
async fn feeds_the_csv_export_and_its_dictionary_follow_the_languages() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let database = TestDatabase::sqlite().await;
    let (_search, site) = bilingual_site(&database).await;
    let token = agency_token(&database.storage, "tax-office", TokenScope::Publish).await;
    let id = dutch_record(&site, &token, english()).await;

    // The Atom feeds speak the asked language and link to its pages.
    let dutch = get(&site, "/feeds/changes.atom?lang=nl", &Auth::Anonymous).await;
    assert_eq!(dutch.status, StatusCode::OK);
    assert!(dutch.text.contains(r#"xml:lang="nl""#), "{}", dutch.text);
    assert!(dutch.text.contains("Lantern: wijzigingen in het register"));
    assert!(
        dutch
            .text
            .contains("Routeplanner afvalinzameling: gepubliceerd")
    );
    assert!(
        dutch.text.contains(&format!("/nl/systems/{id}\"")),
        "{}",
        dutch.text
    );
    let agency = get(
        &site,
        "/agencies/tax-office/feed.atom?lang=nl",
        &Auth::Anonymous,
    )
    .await;
    assert!(
        agency
            .text
            .contains("Lantern: wijzigingen in de systemen van"),
        "{}",
        agency.text
    );
    let english_feed = get(&site, "/feeds/changes.atom", &Auth::Anonymous).await;
    assert!(english_feed.text.contains(": published</title>"));
    assert!(english_feed.text.contains(&format!("/systems/{id}\"")));
    let unknown = get(&site, "/feeds/changes.atom?lang=fr", &Auth::Anonymous).await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);

    // The JSON changes feed names the system in the asked language, and its
    // next page keeps asking in it.
    let changes = get(
        &site,
        "/api/v1/changes?since=0&limit=500&lang=en",
        &Auth::Anonymous,
    )
    .await;
    let changes: Value = serde_json::from_str(&changes.text).unwrap();
    let change = changes["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["system"] == id.as_str())
        .unwrap();
    assert_eq!(change["name"], "Waste collection route planner");
    assert!(
        changes["next"].as_str().unwrap().ends_with("&lang=en"),
        "{changes}"
    );
    let in_dutch = get(
        &site,
        "/api/v1/changes?since=0&lang=nl&limit=500",
        &Auth::Anonymous,
    )
    .await;
    assert!(
        in_dutch
            .text
            .contains(r#""name":"Routeplanner afvalinzameling""#)
    );
    let english_feed_name = get(&site, "/feeds/changes.atom?lang=en", &Auth::Anonymous).await;
    assert!(
        english_feed_name
            .text
            .contains("Waste collection route planner: published")
    );

    // The CSV: the record as written, its language, and a column per translation.
    let csv = get(
        &site,
        &format!("/api/v1/export.csv?id={id}"),
        &Auth::Anonymous,
    )
    .await;
    assert_eq!(csv.status, StatusCode::OK, "{}", csv.text);
    let mut reader = csv::Reader::from_reader(csv.text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    let cell = |column: &str| {
        let at = headers
            .iter()
            .position(|h| h == column)
            .unwrap_or_else(|| panic!("{column}"));
        row[at].to_string()
    };
    assert_eq!(cell("name"), "Routeplanner afvalinzameling");
    assert_eq!(cell("language"), "nl");
    assert_eq!(cell("name@en"), "Waste collection route planner");
    assert_eq!(cell("name@nl"), "");

    // The data dictionary in Dutch: every field and column in Dutch, none marked English.
    let dictionary = get(&site, "/nl/open-data", &Auth::Anonymous).await;
    let dictionary = dictionary.text.split(r#"id="dictionary""#).nth(1).unwrap();
    assert!(!dictionary.contains(r#"lang="en""#), "{dictionary}");
    assert!(
        dictionary.contains("De vertaling van Samenvatting in het Engels door de organisatie"),
        "{dictionary}"
    );
    assert_eq!(english_on(dictionary), Vec::<String>::new());
    database.remove().await;
}

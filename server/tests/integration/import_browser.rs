//! Bulk import in the browser: an editor uploads the real US 2025 inventory,
//! sees new, changed, unchanged and rejected rows, confirms, and the whole
//! import lands at once; uploading again changes nothing; bad files are
//! refused with a clear message and nothing written.

use crate::support::accounts as support_accounts;
use crate::support::databases;
use crate::support::manage;
use crate::support::search;
use crate::support::shared_data;
use crate::support::site;

use app::record::{Agency, AgencySlug, Role};
use axum::http::StatusCode;
use databases::TestDatabase;
use lantern::storage::Storage;
use manage::{post_file, post_form, sign_in};
use search::TestSearch;
use site::{ONE_AT_A_TIME, router};

const PASSWORD: &str = "a long enough password";

/// The number in a preview's table row, e.g. `New systems` → 12.
fn count(page: &str, label: &str) -> usize {
    let row = page
        .split(&format!("<th scope=\"row\">{label}</th>"))
        .nth(1)
        .unwrap_or_else(|| panic!("no row {label}: {page}"));
    let cell = row.split("<td class=\"number\">").nth(1).unwrap();
    cell.split('<').next().unwrap().trim().parse().unwrap()
}

#[tokio::test]
async fn an_editor_previews_then_imports_their_agencys_rows_of_the_us_inventory() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let file = std::fs::read(shared_data::us_omb_2025_use_cases())
        .expect("the US 2025 inventory in ../shared/data");
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        let mut tx = storage.begin().await.unwrap();
        let dhs = Agency {
            slug: AgencySlug("dhs".into()),
            name: "Department of Homeland Security".into(),
            jurisdiction: "United States (federal)".into(),
            website: None,
            contact: None,
            description: String::new(),
        };
        Storage::ensure_agency(&mut tx, &dhs, "2026-11-28T12:00:00Z")
            .await
            .unwrap();
        tx.commit().await.unwrap();
        support_accounts::create_in(
            storage,
            "editor@dhs.example",
            "DHS editor",
            Role::Editor,
            Some("dhs"),
            PASSWORD,
        )
        .await;
        let search = TestSearch::embedded(storage).await;
        let site = router(storage, search.engine.clone());
        let editor = sign_in(&site, "editor@dhs.example", PASSWORD).await;

        let preview = post_file(
            &site,
            "/manage/import",
            &editor,
            &[("format", "us-omb-2025")],
            ("use_cases.csv", &file),
        )
        .await;
        assert_eq!(preview.status, StatusCode::OK, "{}", preview.text);
        let new = count(&preview.text, "New systems");
        let problems = count(&preview.text, "Rows with problems (not imported)");
        let elsewhere = count(&preview.text, "Rows of other agencies (not imported)");
        assert!(new > 50, "DHS reports many use cases: {new}");
        assert!(elsewhere > 1000, "{elsewhere}");
        // Grouped by reason with counts: each other agency once, after the
        // rows with problems to fix.
        let agencies = preview.text.matches("not your agency").count();
        assert!(
            (2..100).contains(&agencies),
            "one line per other agency, not per row: {agencies}"
        );
        assert!(
            preview
                .text
                .contains("Department of Veterans Affairs (va), not your agency</strong> – "),
            "{}",
            preview.text
        );
        assert!(problems > 0, "the file has rows that cannot be read");
        let to_fix = preview
            .text
            .find("<h3>Rows with problems</h3>")
            .expect("problems listed");
        let others = preview
            .text
            .find("<summary>Rows of other agencies (")
            .expect("others folded");
        assert!(to_fix < others, "problems to fix come first");
        assert_eq!(
            storage.health().await.unwrap().systems,
            0,
            "nothing written before confirming"
        );

        let confirm = preview
            .text
            .split("action=\"/manage/import/")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("a confirm form")
            .to_string();
        let done = post_form(&site, &format!("/manage/import/{confirm}"), &editor, &[]).await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.text);
        assert!(
            done.text.contains(&format!("{new} systems published")),
            "{}",
            done.text
        );
        assert_eq!(
            storage.health().await.unwrap().systems as usize,
            new,
            "{}",
            db.name
        );

        // Confirming twice writes once.
        let again = post_form(&site, &format!("/manage/import/{confirm}"), &editor, &[]).await;
        assert_eq!(again.status, StatusCode::NOT_FOUND);

        // The same file again: every DHS row unchanged, nothing to confirm.
        let second = post_file(
            &site,
            "/manage/import",
            &editor,
            &[("format", "us-omb-2025")],
            ("use_cases.csv", &file),
        )
        .await;
        assert_eq!(count(&second.text, "Unchanged"), new);
        assert_eq!(count(&second.text, "New systems"), 0);
        assert!(second.text.contains("Nothing to import"), "{}", second.text);

        // Bad files: refused whole, with what is wrong.
        for (format, bytes, expected) in [
            (
                "us-omb-2025",
                &b"name,summary\nx,y\n"[..],
                "cannot be imported",
            ),
            (
                "lantern-json",
                &b"{\"systems\": 5}"[..],
                "cannot be imported",
            ),
            ("lantern-json", &b""[..], "Choose a file"),
            (
                "spreadsheet",
                &b"a"[..],
                "Choose us-omb-2025 or lantern-json",
            ),
        ] {
            let answer = post_file(
                &site,
                "/manage/import",
                &editor,
                &[("format", format)],
                ("bad", bytes),
            )
            .await;
            assert_eq!(
                answer.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{format}: {}",
                answer.text
            );
            assert!(answer.text.contains(expected), "{format}: {}", answer.text);
        }
        assert_eq!(storage.health().await.unwrap().systems as usize, new);

        // Working in Dutch: what is wrong with a file, and with each row, in Dutch.
        let columns = post_file(
            &site,
            "/nl/manage/import",
            &editor,
            &[("format", "us-omb-2025")],
            ("bad.csv", &b"name,summary\nx,y\n"[..]),
        )
        .await;
        assert_eq!(columns.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            columns.text.contains("Dit bestand kan niet worden geïmporteerd: het bestand is geen us-omb-2025-CSV-bestand: ontbrekende kolommen: “agency”"),
            "{}",
            columns.text
        );
        let rows = br#"{"systems": [{"name": "Zonder referentie", "summary": "x", "stage": "pilot", "topic": "immigration"}, 7]}"#;
        let preview = post_file(
            &site,
            "/nl/manage/import",
            &editor,
            &[("format", "lantern-json")],
            ("rows.json", &rows[..]),
        )
        .await;
        assert_eq!(preview.status, StatusCode::OK, "{}", preview.text);
        for reason in ["een nieuw systeem heeft een", "geen JSON-object"] {
            assert!(preview.text.contains(reason), "{reason}: {}", preview.text);
        }
        assert_eq!(storage.health().await.unwrap().systems as usize, new);

        // Someone else's preview cannot be confirmed by another account.
        support_accounts::create_in(
            storage,
            "other@dhs.example",
            "Other DHS editor",
            Role::Editor,
            Some("dhs"),
            PASSWORD,
        )
        .await;
        let other = sign_in(&site, "other@dhs.example", PASSWORD).await;
        let json = br#"{"systems": [{"agency_ref": "J-1", "name": "Border queue forecaster", "summary": "Forecasts queues.", "stage": "pilot", "topic": "immigration"}]}"#;
        let mine = post_file(
            &site,
            "/manage/import",
            &editor,
            &[("format", "lantern-json")],
            ("mine.json", json),
        )
        .await;
        assert_eq!(count(&mine.text, "New systems"), 1, "{}", mine.text);
        let id = mine
            .text
            .split("action=\"/manage/import/")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_string();
        let stolen = post_form(&site, &format!("/manage/import/{id}"), &other, &[]).await;
        assert_eq!(stolen.status, StatusCode::FORBIDDEN);
        search.remove().await;
        db.remove().await;
    }
}

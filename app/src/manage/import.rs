//! `/manage/import`: an agency's inventory uploaded in the browser, previewed
//! row by row, then confirmed (or not).

use super::{CsrfField, ProblemSummary, require_sign_in};
use crate::html::PageTitle;
use crate::layout::TableScroll;
use crate::manage::NotForYou;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One row of an import that would be written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportLine {
    /// The row in the file (spreadsheet rows count the header as row 1).
    pub row: usize,
    pub id: String,
    pub name: String,
}

/// What importing an uploaded file would do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPreview {
    /// Confirms the import; empty when there is nothing to write.
    pub id: String,
    pub file_name: String,
    pub new: Vec<ImportLine>,
    pub changed: Vec<ImportLine>,
    pub unchanged: usize,
    /// The rows not imported, grouped by reason: problems to fix first (the
    /// most rows first), then the rows of other agencies.
    pub rejected: Vec<RejectedRows>,
}

/// Rows not imported for one reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectedRows {
    pub reason: String,
    /// Row numbers, in file order.
    pub rows: Vec<usize>,
    /// Rows of another agency: nothing to fix, only not this agency's to import.
    pub other_agency: bool,
}

impl ImportPreview {
    /// How many rows were not imported, problems and other agencies' rows apart.
    pub fn rejected_counts(&self) -> (usize, usize) {
        let count = |other: bool| {
            self.rejected
                .iter()
                .filter(|group| group.other_agency == other)
                .map(|group| group.rows.len())
                .sum()
        };
        (count(false), count(true))
    }
}

/// Row numbers as ranges, the first 30 of them: `2–15, 17, 20–31 and 40 more rows`.
pub fn row_ranges(rows: &[usize]) -> String {
    const SHOWN: usize = 30;
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for &row in rows {
        match ranges.last_mut() {
            Some((_, last)) if *last + 1 == row => *last = row,
            _ => ranges.push((row, row)),
        }
    }
    let mut text = ranges
        .iter()
        .take(SHOWN)
        .map(|&(first, last)| match last - first {
            0 => first.to_string(),
            1 => format!("{first}, {last}"),
            _ => format!("{first}–{last}"),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let left: usize = ranges.iter().skip(SHOWN).map(|(f, l)| l - f + 1).sum();
    if left > 0 {
        text.push_str(&format!(" and {left} more"));
    }
    text
}

/// What a confirmed import did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportDone {
    pub file_name: String,
    pub published: usize,
    pub submitted: usize,
}

/// `/manage/import`: the upload form, a preview, or what was imported.
#[component]
pub fn ImportPage() -> impl IntoView {
    let Some(account) = require_sign_in() else {
        return ().into_any();
    };
    if !account.role.belongs_to_agency() {
        return view! { <NotForYou/> }.into_any();
    }
    let preview = use_context::<ImportPreview>();
    let done = use_context::<ImportDone>();
    view! {
        <PageTitle text="Import – Manage – Lantern"/>
        <ProblemSummary/>
        <h1>"Import your inventory"</h1>
        {done.map(|done| view! {
            <div class="notice" role="status">
                <h2>{format!("Imported {}", done.file_name)}</h2>
                <p>{format!("{} systems published, {} submitted for approval.", done.published, done.submitted)}</p>
                <p><a href="/manage">"Back to your agency’s records"</a></p>
            </div>
        })}
        {match preview {
            Some(preview) => view! { <PreviewView preview account=account.clone()/> }.into_any(),
            None => view! {
                <p class="lede">"Upload the inventory you already keep. You see what it would change before anything is written; then the whole file is written at once, or nothing."</p>
                <form method="post" action="/manage/import" enctype="multipart/form-data">
                    <CsrfField account=account.clone()/>
                    <fieldset class="field">
                        <legend>"Format"</legend>
                        <div class="radio"><input type="radio" id="format-us" name="format" value="us-omb-2025" checked/><label for="format-us">"US federal AI use case inventory 2025 (CSV, 36 columns)"</label></div>
                        <div class="radio"><input type="radio" id="format-json" name="format" value="lantern-json"/><label for="format-json">"Lantern JSON: "<code>"{\"systems\": […]}"</code>", each system as the API takes it"</label></div>
                    </fieldset>
                    <div class="field">
                        <label for="file">"File"</label>
                        <p class="hint" id="file-hint">"Rows of other agencies are reported, not imported. At most 32 MB."</p>
                        <input type="file" id="file" name="file" accept=".csv,.json,text/csv,application/json" aria-describedby="file-hint" required/>
                    </div>
                    <button type="submit">"Preview the import"</button>
                </form>
            }.into_any(),
        }}
    }
    .into_any()
}

#[component]
fn PreviewView(preview: ImportPreview, account: crate::accounts::SignedInAccount) -> impl IntoView {
    let (problems, elsewhere) = preview.rejected_counts();
    let ImportPreview {
        id,
        file_name,
        new,
        changed,
        unchanged,
        rejected,
    } = preview;
    let (to_fix, other_agencies): (Vec<RejectedRows>, Vec<RejectedRows>) =
        rejected.into_iter().partition(|group| !group.other_agency);
    let lines = |lines: Vec<ImportLine>| {
        lines
            .into_iter()
            .map(|l| view! { <li>{format!("Row {}: {}", l.row, l.name)}</li> })
            .collect_view()
    };
    let (new_count, changed_count) = (new.len(), changed.len());
    let writes = new_count + changed_count;
    let groups = |groups: Vec<RejectedRows>| {
        groups
            .into_iter()
            .map(|group| {
                let rows = if group.rows.len() == 1 { "row" } else { "rows" };
                view! {
                    <li>
                        <strong>{group.reason}</strong>
                        {format!(" – {} {rows}: {}", group.rows.len(), row_ranges(&group.rows))}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <h2>{format!("Preview of {file_name}")}</h2>
        <TableScroll label="What importing would do">
            <table>
                <caption>"What importing would do"</caption>
                <tbody>
                    <tr><th scope="row">"New systems"</th><td class="number">{new_count}</td></tr>
                    <tr><th scope="row">"Changed systems (a new version each)"</th><td class="number">{changed_count}</td></tr>
                    <tr><th scope="row">"Unchanged"</th><td class="number">{unchanged}</td></tr>
                    <tr><th scope="row">"Rows with problems (not imported)"</th><td class="number">{problems}</td></tr>
                    <tr><th scope="row">"Rows of other agencies (not imported)"</th><td class="number">{elsewhere}</td></tr>
                </tbody>
            </table>
        </TableScroll>
        {(writes > 0).then(|| view! {
            <form method="post" action=format!("/manage/import/{id}/confirm")>
                <CsrfField account/>
                <button type="submit">{format!("Import {writes} systems")}</button>
                " " <a href="/manage/import">"Cancel"</a>
            </form>
        })}
        {(writes == 0).then(|| view! { <p>"Nothing to import: every row is unchanged or rejected. " <a href="/manage/import">"Upload another file"</a></p> })}
        {(!new.is_empty()).then(|| view! { <h3>"New"</h3><ul>{lines(new.clone())}</ul> })}
        {(!changed.is_empty()).then(|| view! { <h3>"Changed"</h3><ul>{lines(changed.clone())}</ul> })}
        {(!to_fix.is_empty()).then(|| view! {
            <h3>"Rows with problems"</h3>
            <p>"Fix these in the file and upload it again; the other rows can be imported now."</p>
            <ul class="rejected-rows">{groups(to_fix)}</ul>
        })}
        {(!other_agencies.is_empty()).then(|| view! {
            <details class="other-agencies">
                <summary>{format!("Rows of other agencies ({elsewhere})")}</summary>
                <p>"Only your agency’s rows are imported; these belong to others."</p>
                <ul class="rejected-rows">{groups(other_agencies)}</ul>
            </details>
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::row_ranges;

    #[test]
    fn rows_read_as_ranges() {
        assert_eq!(row_ranges(&[2, 3, 4, 5, 7, 9, 10, 20]), "2–5, 7, 9, 10, 20");
        let many: Vec<usize> = (1..=100).map(|i| i * 2).collect();
        assert!(
            row_ranges(&many).ends_with("60 and 70 more"),
            "{}",
            row_ranges(&many)
        );
    }
}

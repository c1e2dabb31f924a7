//! `/manage/import`: an agency's inventory uploaded in the browser, previewed
//! row by row, then confirmed (or not).

use super::accounts::manage_title;
use super::{CsrfField, ProblemSummary, require_sign_in};
use crate::html::PageTitle;
use crate::i18n::{href, t, t_with, with_code};
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
    let text = ranges
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
        return t_with(
            "import-rows-more",
            &[("rows", text.as_str().into()), ("count", left.into())],
        )
        .into_owned();
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
        <PageTitle text=manage_title(&t("import-title"))/>
        <ProblemSummary/>
        <h1>{t("manage-import-link")}</h1>
        {done.map(|done| view! {
            <div class="notice" role="status">
                <h2>{t_with("import-done-heading", &[("file", done.file_name.into())])}</h2>
                <p>{t_with("import-done", &[("published", done.published.into()), ("submitted", done.submitted.into())])}</p>
                <p><a href=href("/manage")>{t("import-back")}</a></p>
            </div>
        })}
        {match preview {
            Some(preview) => view! { <PreviewView preview account=account.clone()/> }.into_any(),
            None => view! {
                <p class="lede">{t("import-lede")}</p>
                <form method="post" action=href("/manage/import") enctype="multipart/form-data">
                    <CsrfField account=account.clone()/>
                    <fieldset class="field">
                        <legend>{t("import-format")}</legend>
                        <div class="radio"><input type="radio" id="format-us" name="format" value="us-omb-2025" checked/><label for="format-us">{t("import-format-us")}</label></div>
                        <div class="radio"><input type="radio" id="format-json" name="format" value="lantern-json"/><label for="format-json">{with_code(&t("import-format-json"))}</label></div>
                    </fieldset>
                    <div class="field">
                        <label for="file">{t("import-file")}</label>
                        <p class="hint" id="file-hint">{t("import-file-hint")}</p>
                        <input type="file" id="file" name="file" accept=".csv,.json,text/csv,application/json" aria-describedby="file-hint" required/>
                    </div>
                    <button type="submit">{t("import-preview-button")}</button>
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
            .map(|l| {
                let row = t_with(
                    "import-row",
                    &[("row", l.row.to_string().into()), ("name", l.name.into())],
                );
                view! { <li>{row}</li> }
            })
            .collect_view()
    };
    let (new_count, changed_count) = (new.len(), changed.len());
    let writes = new_count + changed_count;
    let groups = |groups: Vec<RejectedRows>| {
        groups
            .into_iter()
            .map(|group| {
                let rows = t_with(
                    "import-rows",
                    &[
                        ("count", group.rows.len().into()),
                        ("rows", row_ranges(&group.rows).into()),
                    ],
                );
                view! {
                    <li>
                        <strong>{group.reason}</strong>
                        {format!(" – {rows}")}
                    </li>
                }
            })
            .collect_view()
    };
    // The counts stay plain digits (no grouping): tests and scripts read them.
    view! {
        <h2>{t_with("import-preview-heading", &[("file", file_name.into())])}</h2>
        <TableScroll label=t("import-would-do")>
            <table>
                <caption>{t("import-would-do")}</caption>
                <tbody>
                    <tr><th scope="row">{t("import-new-systems")}</th><td class="number">{new_count}</td></tr>
                    <tr><th scope="row">{t("import-changed-systems")}</th><td class="number">{changed_count}</td></tr>
                    <tr><th scope="row">{t("import-unchanged")}</th><td class="number">{unchanged}</td></tr>
                    <tr><th scope="row">{t("import-with-problems")}</th><td class="number">{problems}</td></tr>
                    <tr><th scope="row">{t("import-other-agencies")}</th><td class="number">{elsewhere}</td></tr>
                </tbody>
            </table>
        </TableScroll>
        {(writes > 0).then(|| view! {
            <form method="post" action=href(format!("/manage/import/{id}/confirm"))>
                <CsrfField account/>
                <button type="submit">{t_with("import-confirm", &[("count", writes.into())])}</button>
                " " <a href=href("/manage/import")>{t("import-cancel")}</a>
            </form>
        })}
        {(writes == 0).then(|| view! { <p>{t("import-nothing")}" "<a href=href("/manage/import")>{t("import-upload-another")}</a></p> })}
        {(!new.is_empty()).then(|| view! { <h3>{t("import-new")}</h3><ul>{lines(new.clone())}</ul> })}
        {(!changed.is_empty()).then(|| view! { <h3>{t("import-changed")}</h3><ul>{lines(changed.clone())}</ul> })}
        {(!to_fix.is_empty()).then(|| view! {
            <h3>{t("import-problems")}</h3>
            <p>{t("import-problems-fix")}</p>
            <ul class="rejected-rows">{groups(to_fix)}</ul>
        })}
        {(!other_agencies.is_empty()).then(|| view! {
            <details class="other-agencies">
                <summary>{t_with("import-other-agencies-count", &[("count", elsewhere.into())])}</summary>
                <p>{t("import-other-agencies-why")}</p>
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

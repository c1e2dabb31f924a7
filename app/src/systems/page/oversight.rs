//! What oversight knows of a record, said in words on its page: how
//! complete it is ("7 of 9 expected fields filled; missing: Fairness
//! testing, Assessments", with a link to what is expected of which system,
//! on the open-data page), and whether its review is overdue.

use crate::i18n::{href, t, t_with};
use crate::record::fields::label;
use crate::record::{Completeness, Timestamp, date_words};
use leptos::prelude::*;

#[component]
pub(super) fn CompletenessNote(completeness: Completeness) -> impl IntoView {
    let expected = completeness.expected.len();
    let text = if completeness.missing.is_empty() {
        t_with("record-completeness-all", &[("expected", expected.into())])
    } else {
        let missing: Vec<String> = completeness
            .missing
            .iter()
            .filter_map(|name| label(name))
            .map(|label| label.into_owned())
            .collect();
        let args = [
            ("filled", completeness.filled().into()),
            ("expected", expected.into()),
            ("missing", missing.join(", ").into()),
        ];
        t_with("record-completeness-missing", &args)
    };
    view! {
        <p class="completeness">
            {text.into_owned()}" "
            <a href=href("/open-data#completeness")>{t("record-completeness-why")}</a>
        </p>
    }
}

/// Said only when the record is past its review-by date: the agency has
/// neither published a new version nor confirmed that nothing changed.
#[component]
pub(super) fn ReviewNote(review_by: Option<Timestamp>, overdue: bool) -> impl IntoView {
    let review_by = review_by.filter(|_| overdue)?;
    let text = t_with(
        "record-review-overdue",
        &[("date", date_words(review_by.as_str()).into())],
    );
    Some(view! {
        <p class="review-overdue-note">
            <strong>{text.into_owned()}</strong>" "
            <a href=href("/open-data#review")>{t("record-review-why")}</a>
        </p>
    })
}

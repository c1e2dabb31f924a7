//! How complete a record is, said in words on its page: "7 of 9 expected
//! fields filled; missing: Fairness testing, Assessments", with a link to
//! what is expected of which system (on the open-data page).

use crate::i18n::{href, t, t_with};
use crate::record::Completeness;
use crate::record::fields::label;
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

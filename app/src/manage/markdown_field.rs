//! A markdown text area with a live preview: the one island of `/manage`.
//!
//! Without JavaScript it is a plain text area (the preview stays hidden); with
//! it, the text is rendered and sanitised on the server, exactly as the public
//! page will render it, a moment after the typing stops.

use crate::browser;
use leptos::prelude::*;

/// Markdown as the public page will show it: for signed-in staff only.
#[server]
pub async fn preview_markdown(markdown: String) -> Result<String, ServerFnError> {
    use crate::error::AppError;
    super::account()?;
    if markdown.chars().count() > 20_000 {
        return Err(AppError::Validation(
            [(
                "markdown".to_string(),
                vec![crate::i18n::t_with("check-too-long", &[("max", 20_000.into())]).into_owned()],
            )]
            .into(),
        )
        .into());
    }
    Ok(crate::systems::markdown::to_safe_html(&markdown))
}

/// A text area named `name` (with its id, hint and error wiring) and, once the
/// browser runs the island, a live preview below it.
#[island]
pub fn MarkdownField(
    id: String,
    name: String,
    value: String,
    rows: u32,
    describedby: String,
    invalid: bool,
) -> impl IntoView {
    let html = RwSignal::new(String::new());
    let hydrated = RwSignal::new(false);
    let latest = StoredValue::new(0u64);
    let typing = StoredValue::new(None::<browser::Timer>);
    let render = move |markdown: String| {
        let ticket = latest.get_value() + 1;
        latest.set_value(ticket);
        leptos::task::spawn_local(async move {
            let rendered = preview_markdown(markdown).await;
            // Only the latest answer is shown; a failed preview keeps the last one.
            if latest.get_value() == ticket
                && let Ok(rendered) = rendered
            {
                html.set(rendered);
            }
        });
    };
    let initial = value.clone();
    Effect::new(move |_| {
        hydrated.set(true);
        if !initial.trim().is_empty() {
            render(initial.clone());
        }
    });
    let on_input = move |event: leptos::ev::Event| {
        let markdown = event_target_value(&event);
        if let Some(timer) = typing.get_value() {
            timer.cancel();
        }
        typing.set_value(browser::after_pause(move || render(markdown)));
    };
    let preview_id = format!("{id}-preview");
    view! {
        <textarea id=id name=name rows=rows on:input=on_input
            aria-describedby=(!describedby.is_empty()).then_some(describedby)
            aria-invalid=invalid.then_some("true")
            inner_html=crate::html::textarea_html(&value)></textarea>
        <div class="markdown-preview" id=preview_id hidden=move || !hydrated.get()
            data-hydrated=move || hydrated.get().to_string()>
            <p class="preview-label">{crate::i18n::t("manage-form-preview")}</p>
            <div class="markdown" aria-live="polite" inner_html=move || html.get()></div>
        </div>
    }
}

//! The few browser calls the islands need; on the server they do nothing.

/// A pending call that can be called off.
#[derive(Clone, Copy)]
pub struct Timer {
    #[cfg(feature = "hydrate")]
    handle: leptos::prelude::TimeoutHandle,
}

impl Timer {
    pub fn cancel(self) {
        #[cfg(feature = "hydrate")]
        self.handle.clear();
    }
}

/// Calls `f` once the user has stopped typing for a moment.
pub fn after_pause(f: impl FnOnce() + 'static) -> Option<Timer> {
    #[cfg(feature = "hydrate")]
    {
        leptos::prelude::set_timeout_with_handle(f, std::time::Duration::from_millis(250))
            .ok()
            .map(|handle| Timer { handle })
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = f;
        None
    }
}

/// The current value of the text input with this id.
pub fn input_value(id: &str) -> String {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        leptos::prelude::document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|input| input.value())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = id;
        String::new()
    }
}

/// The names and values the form with this id would send now (files left out).
pub fn form_fields(id: &str) -> Vec<(String, String)> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let Some(form) = leptos::prelude::document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlFormElement>().ok())
        else {
            return Vec::new();
        };
        let Ok(data) = web_sys::FormData::new_with_form(&form) else {
            return Vec::new();
        };
        let Ok(Some(entries)) = js_sys::try_iter(&data) else {
            return Vec::new();
        };
        entries
            .filter_map(|entry| {
                let pair: js_sys::Array = entry.ok()?.dyn_into().ok()?;
                Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
            })
            .collect()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = id;
        Vec::new()
    }
}

/// Puts `url` in the address bar as a new history entry, without loading it.
pub fn push_url(url: &str) {
    #[cfg(feature = "hydrate")]
    if let Ok(history) = leptos::prelude::window().history() {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = url;
}

/// Puts `url` in the address bar in place of the current entry.
pub fn replace_url(url: &str) {
    #[cfg(feature = "hydrate")]
    if let Ok(history) = leptos::prelude::window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = url;
}

/// Loads `url` as a full page.
pub fn go_to(url: &str) {
    #[cfg(feature = "hydrate")]
    let _ = leptos::prelude::window().location().set_href(url);
    #[cfg(not(feature = "hydrate"))]
    let _ = url;
}

/// Calls `reload` with the new query string when the user goes back or forward.
pub fn on_back_forward(reload: impl Fn(String) + 'static) {
    #[cfg(feature = "hydrate")]
    {
        let handle = leptos::prelude::window_event_listener(leptos::ev::popstate, move |_| {
            reload(
                leptos::prelude::window()
                    .location()
                    .search()
                    .unwrap_or_default(),
            )
        });
        leptos::prelude::on_cleanup(move || handle.remove());
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = reload;
}

/// The name and value of the form control (input or select) an event came from.
pub fn control_of(event: &leptos::ev::Event) -> Option<(String, String)> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let target = event.target()?;
        if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
            return Some((input.name(), input.value()));
        }
        target
            .dyn_ref::<web_sys::HtmlSelectElement>()
            .map(|select| (select.name(), select.value()))
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = event;
        None
    }
}

/// Takes an element out of the page for good.
pub fn remove(node: leptos::prelude::NodeRef<leptos::html::Div>) {
    #[cfg(feature = "hydrate")]
    if let Some(element) = leptos::prelude::GetUntracked::get_untracked(&node) {
        element.remove();
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = node;
}

/// Moves keyboard focus to the element with this id once the page has
/// drawn what just changed (an error summary, a confirmation).
pub fn focus_soon(id: impl Into<String>) {
    let id: String = id.into();
    #[cfg(feature = "hydrate")]
    leptos::prelude::request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        if let Some(element) = leptos::prelude::document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = id;
}

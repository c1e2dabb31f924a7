//! The browser entry point: wakes up the interactive islands of a server-rendered page.

use wasm_bindgen::prelude::wasm_bindgen;

/// Called by the hydration script once the wasm has loaded.
#[wasm_bindgen]
pub fn hydrate() {
    // Islands are registered by the `app` crate; this only has to find them in the page.
    #[expect(
        unused_imports,
        reason = "links the islands of the app crate into this bundle"
    )]
    use app::*;
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}

//! Lists the message catalogues in `locales/` for `i18n`, so a language is
//! added by adding its file (`locales/fr.ftl`) and naming it in
//! `LANTERN_LANGUAGES`, with no code to change.
//!
//! The browser's copy (the wasm build) leaves out the messages only pages
//! rendered on the server use: see `src/i18n/browser_catalogue.rs`.

use std::fmt::Write;

#[path = "src/i18n/browser_catalogue.rs"]
mod browser_catalogue;

fn main() {
    // Read when the script runs, not when it was compiled: a build cache
    // shared by several clones reuses the compiled script for each of them.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap();
    let dir = std::path::Path::new(&manifest).join("locales");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let browser = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut codes: Vec<String> = std::fs::read_dir(&dir)
        .expect("app/locales holds the message catalogues")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            let code = name.strip_suffix(".ftl")?;
            code.bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'-')
                .then(|| code.to_string())
        })
        .collect();
    codes.sort();
    // English is the source every other catalogue translates: always first.
    codes.sort_by_key(|code| code != "en");
    let mut list = String::from("&[\n");
    for code in &codes {
        let mut path = dir.join(format!("{code}.ftl"));
        println!("cargo::rerun-if-changed={}", path.display());
        if browser {
            let catalogue = std::fs::read_to_string(&path).unwrap();
            path = out.join(format!("{code}.browser.ftl"));
            std::fs::write(&path, browser_catalogue::for_browser(&catalogue)).unwrap();
        }
        writeln!(
            list,
            "    ({code:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    list.push(']');
    std::fs::write(out.join("catalogues.rs"), list).unwrap();
}

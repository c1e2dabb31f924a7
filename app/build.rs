//! Lists the message catalogues in `locales/` for `i18n`, so a language is
//! added by adding its file (`locales/fr.ftl`) and naming it in
//! `LANTERN_LANGUAGES`, with no code to change.

use std::fmt::Write;

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
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
        let path = dir.join(format!("{code}.ftl"));
        println!("cargo::rerun-if-changed={}", path.display());
        writeln!(
            list,
            "    ({code:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    list.push(']');
    let out = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("catalogues.rs");
    std::fs::write(out, list).unwrap();
}

//! The module map of `server/src` (docs/architecture.md), checked: a module
//! that names one it may not use fails here, with the file and the name.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, with its path from `server/src`.
fn sources(dir: &Path, root: &Path, found: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).expect("server/src can be read") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            sources(&path, root, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .to_string();
            let text = std::fs::read_to_string(&path).expect("a source file");
            found.push((relative, text));
        }
    }
}

/// The top-level modules a file's code names as `crate::name` (comments,
/// which may point anywhere, are left out).
fn named_modules(text: &str) -> BTreeSet<String> {
    let code: String = text
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    code.match_indices("crate::")
        .map(|(at, _)| {
            code[at + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// The top-level module a file belongs to: `api` for `api.rs` and `api/x.rs`.
fn module_of(file: &str) -> &str {
    let first = file.split('/').next().unwrap();
    first.strip_suffix(".rs").unwrap_or(first)
}

fn server_sources() -> Vec<(String, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    sources(&root, &root, &mut found);
    found.sort();
    assert!(found.len() > 50, "the sources were found: {}", found.len());
    found
}

/// Who may name a module, for the modules only some may name.
const ONLY: &[(&str, &[&str])] = &[
    // Starting the server is the command line's business.
    ("web", &["cli"]),
    // The router mounts handlers; handlers never reach back for it: they
    // take `crate::state::AppState` and render through `crate::pages`.
    ("router", &["web"]),
];

/// Storage is the bottom layer: it names none of these.
const ABOVE_STORAGE: &[&str] = &[
    "publishing",
    "feedback",
    "search",
    "web",
    "router",
    "pages",
    "api",
    "open_data",
    "manage",
    "sign_in",
    "import",
];

/// Where storage still reaches up today (issue 16, part 3 removes these).
/// A new reach fails the test; so does one that has gone, so the list
/// shrinks with the code.
const STORAGE_REACHES_UP: &[(&str, &str)] = &[];

#[test]
fn modules_name_only_what_the_map_allows() {
    let mut wrong = Vec::new();
    for (file, text) in server_sources() {
        let module = module_of(&file);
        for name in named_modules(&text) {
            if let Some((_, allowed)) = ONLY.iter().find(|(only, _)| *only == name)
                && module != name
                && !allowed.contains(&module)
            {
                wrong.push(format!("{file} names crate::{name}"));
            }
            // The API never uses the open data (the open data may use the
            // API's errors, protocol, query and record shapes).
            if module == "api" && name == "open_data" {
                wrong.push(format!("{file} names crate::open_data"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn storage_names_nothing_above_it_but_the_known_reaches() {
    let mut reaches = Vec::new();
    for (file, text) in server_sources() {
        if module_of(&file) != "storage" {
            continue;
        }
        for name in named_modules(&text) {
            if ABOVE_STORAGE.contains(&name.as_str()) {
                reaches.push((file.clone(), name));
            }
        }
    }
    let known: Vec<(String, String)> = STORAGE_REACHES_UP
        .iter()
        .map(|(file, name)| (file.to_string(), name.to_string()))
        .collect();
    assert_eq!(
        reaches, known,
        "storage reaches up into other modules: remove the reach, or (only if the map changes) update docs/architecture.md and this list"
    );
}

#[test]
fn the_check_sees_a_forbidden_name() {
    // The scanner itself: a handler naming the router is caught.
    let text =
        "/// See [`crate::web`].\nuse crate::router::app;\nfn f() { crate::state::AppState::new }";
    assert_eq!(
        named_modules(text),
        BTreeSet::from(["router".to_string(), "state".to_string()])
    );
    assert_eq!(module_of("api/systems.rs"), "api");
    assert_eq!(module_of("api.rs"), "api");
}

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
    "mail",
];

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
fn storage_names_nothing_above_it() {
    let mut reaches = Vec::new();
    for (file, text) in server_sources() {
        if module_of(&file) != "storage" {
            continue;
        }
        for name in named_modules(&text) {
            if ABOVE_STORAGE.contains(&name.as_str()) {
                reaches.push(format!("{file} names crate::{name}"));
            }
        }
    }
    assert!(
        reaches.is_empty(),
        "storage reaches up into other modules: move the logic up, or (only if the map changes) update docs/architecture.md\n{}",
        reaches.join("\n")
    );
}

/// The most lines a production file may have (its code before
/// `#[cfg(test)]`) and a function may have. Past these a file or a function
/// does more than one thing; docs/architecture.md, "Sizes".
const MOST_LINES_IN_A_FILE: usize = 450;
const MOST_LINES_IN_A_FUNCTION: usize = 100;

/// The production code of every crate: its files, each cut at its tests.
fn production_sources() -> Vec<(String, String)> {
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut found = Vec::new();
    for krate in ["server", "app", "frontend"] {
        let root = workspace.join(krate).join("src");
        let mut files = Vec::new();
        sources(&root, &root, &mut files);
        for (file, text) in files {
            let code = match text.find("\n#[cfg(test)]") {
                Some(at) => text[..at].to_string(),
                None => text,
            };
            found.push((format!("{krate}/src/{file}"), code));
        }
    }
    found.sort();
    found
}

/// Each function of `code` (a line `fn name(`, maybe `pub`, `async`…) with
/// its length in lines, from its `fn` line to the `}` at its indentation.
/// Declarations without a body (in traits) are left out.
fn function_lengths(code: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = code.lines().collect();
    let mut found = Vec::new();
    for (at, line) in lines.iter().enumerate() {
        let indent = &line[..line.len() - line.trim_start().len()];
        let mut rest = line.trim_start();
        for prefix in [
            "pub(crate) ",
            "pub(super) ",
            "pub ",
            "const ",
            "async ",
            "unsafe ",
        ] {
            rest = rest.strip_prefix(prefix).unwrap_or(rest);
        }
        let Some(signature) = rest.strip_prefix("fn ") else {
            continue;
        };
        let name: String = signature
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let opens = lines[at..]
            .iter()
            .find(|l| l.trim_end().ends_with('{') || l.trim_end().ends_with(';'));
        if opens.is_none_or(|l| l.trim_end().ends_with(';')) {
            continue;
        }
        let end = format!("{indent}}}");
        if let Some(length) = lines[at..].iter().position(|l| *l == end) {
            found.push((name, length + 1));
        }
    }
    found
}

#[test]
fn no_file_or_function_is_too_long_to_read() {
    let mut long = Vec::new();
    let sources = production_sources();
    assert!(
        sources.len() > 100,
        "the sources were found: {}",
        sources.len()
    );
    for (file, code) in sources {
        let lines = code.lines().count();
        if lines > MOST_LINES_IN_A_FILE {
            long.push(format!("{file}: {lines} lines"));
        }
        for (name, length) in function_lengths(&code) {
            if length > MOST_LINES_IN_A_FUNCTION {
                long.push(format!("{file}: fn {name} is {length} lines"));
            }
        }
    }
    assert!(
        long.is_empty(),
        "split these into parts with names of their own (at most {MOST_LINES_IN_A_FILE} lines a file, {MOST_LINES_IN_A_FUNCTION} a function):\n{}",
        long.join("\n")
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

#[test]
fn the_check_measures_functions() {
    let code = "trait T {\n    fn declared(\n        &self,\n    ) -> u8;\n}\n\npub async fn three() {\n    1;\n}\n\nimpl X {\n    pub(crate) fn two() {\n    }\n}\n";
    assert_eq!(
        function_lengths(code),
        vec![("three".to_string(), 3), ("two".to_string(), 2)]
    );
}

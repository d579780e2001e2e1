//! Checks that read the app's sources (`../src`) against the core: every UI text key the app
//! names exists, the texts that travel with the content are those the library's first view does
//! not use, and the plan file's draft keys match the inputs' ids. They read another crate's
//! files, so they run as an integration test, not among the core's unit tests.

use ioa_core::catalog::Catalog;
use ioa_core::Lang;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// The catalog from the sources, made once for this test binary.
fn cat() -> &'static Catalog {
    static MADE: OnceLock<Catalog> = OnceLock::new();
    MADE.get_or_init(|| ioa_core::catalog::from_sources().unwrap_or_else(|e| panic!("catalog from the sources: {e}")))
}

#[test]
fn every_key_used_by_the_app_exists() {
    // Any string literal shaped like a key whose first part is a locale namespace counts as a
    // lookup, wherever it is written (a `txt(..)` call, a match arm, an error mapping). A key
    // given to `tn` (or the UI's `trn`) names a text in plural forms: `key.one` and `key.other`.
    let literal = regex::Regex::new(r#""([a-z_]+)\.([a-z0-9_.]+)""#).unwrap();
    let plural_call = regex::Regex::new(r#"\btr?n\(\s*[^,"()]+(?:\(\))?,\s*"([a-z0-9_.]+)""#).unwrap();
    let namespaces: BTreeSet<&str> = cat().texts().keys(Lang::Nb).filter_map(|k| k.split('.').next()).collect();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut used = BTreeSet::new();
    let mut plural = BTreeSet::new();
    for dir in [root.join("../src"), root.join("src")] {
        let mut stack = vec![dir];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let src = std::fs::read_to_string(&path).unwrap();
                    for c in plural_call.captures_iter(&src) {
                        plural.insert(c[1].to_string());
                    }
                    for c in literal.captures_iter(&src) {
                        let rest = &c[2];
                        if namespaces.contains(&c[1]) && !rest.ends_with("rs") && !rest.ends_with("json") {
                            used.insert(format!("{}.{}", &c[1], rest));
                        }
                    }
                }
            }
        }
    }
    assert!(used.len() > 100, "found only {} keys: is the scan broken?", used.len());
    assert!(plural.len() >= 8, "found only {} plural lookups: is the scan broken?", plural.len());
    let known: BTreeSet<_> = cat().texts().keys(Lang::Nb).collect();
    let has_forms =
        |k: &str| known.contains(format!("{k}.one").as_str()) && known.contains(format!("{k}.other").as_str());
    let unknown: Vec<_> = used.iter().filter(|k| !plural.contains(*k) && !known.contains(k.as_str())).collect();
    assert!(unknown.is_empty(), "keys used in code but missing in locales: {unknown:?}");
    let no_forms: Vec<_> = plural.iter().filter(|k| !has_forms(k)).collect();
    assert!(no_forms.is_empty(), "keys used with `tn` but without `.one` and `.other` in locales: {no_forms:?}");
}

/// The first load's sources: the crate's entry files, `src/library.rs` and its folder (the library's
/// views) and every module of ours they name, followed by their `crate::…` paths, except pages
/// (the other views, which come in parts). scripts/purge-css.mjs walks the same way.
fn library_sources(root: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found: Vec<std::path::PathBuf> =
        ["src/app.rs", "src/lib.rs", "src/library.rs"].iter().map(|f| root.join(f)).collect();
    let mut folders = vec![root.join("src/library")];
    while let Some(d) = folders.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }
    let path = regex::Regex::new(r"crate::((?:[a-z_]+::)*[a-z_]+)").unwrap();
    let mut i = 0;
    while i < found.len() {
        let src = std::fs::read_to_string(&found[i]).unwrap();
        for c in path.captures_iter(&src) {
            let parts: Vec<&str> = c[1].split("::").collect();
            if parts[0] == "pages" {
                continue;
            }
            for n in (1..=parts.len()).rev() {
                let file = root.join(format!("src/{}.rs", parts[..n].join("/")));
                if file.is_file() {
                    if !found.contains(&file) {
                        found.push(file);
                    }
                    break;
                }
            }
        }
        i += 1;
    }
    found
}

/// `PART_TEXTS` (the namespaces that travel with the content, not in the first load's
/// `.ui.json`) is exactly the locale namespaces the first load's sources do not name, so a new
/// view's namespace is either in the list or named here as missing from it, and the library
/// never shows a text that is not there yet.
#[test]
fn part_texts_are_the_namespaces_the_library_does_not_use() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let locale: std::collections::BTreeMap<String, String> =
        serde_json::from_str(&std::fs::read_to_string(root.join("locales/nb.json")).unwrap()).unwrap();
    let namespaces: BTreeSet<&str> = locale.keys().filter_map(|k| k.split('.').next()).collect();
    let found = library_sources(&root);
    let key = regex::Regex::new(r#""([a-z_]+)\.[a-z0-9_.]+""#).unwrap();
    let mut used = BTreeSet::new();
    for file in &found {
        for c in key.captures_iter(&std::fs::read_to_string(file).unwrap()) {
            if namespaces.contains(&c[1]) {
                used.insert(c[1].to_string());
            }
        }
    }
    // The library shows these only after the plan reader or writer ran, which needs the content
    // first (see PART_TEXTS): the import's conflict dialog and what an import or export did.
    let after_content = ["import_conflict", "import_result", "export_result"];
    // The first load's texts the library's sources do not name: the core's names for a plan it
    // cannot read (`LoadError::message_key`, shown by the recovery view), and boot.js's own
    // texts, which are in neither bundle (scripts/boot-texts.mjs).
    let first_load_otherwise = ["load_error", "boot"];
    let expected: BTreeSet<&str> = namespaces
        .iter()
        .copied()
        .filter(|n| !used.contains(*n) && !first_load_otherwise.contains(n))
        .chain(after_content)
        .collect();
    let listed: BTreeSet<&str> = ioa_core::bundle::PART_TEXTS.into_iter().collect();
    assert!(found.len() > 20, "found only {} library files: is the scan broken?", found.len());
    assert!(used.len() > 10, "found only {} namespaces in the library: is the scan broken?", used.len());
    let missing: Vec<_> = expected.difference(&listed).collect();
    let extra: Vec<_> = listed.difference(&expected).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "PART_TEXTS (core/src/bundle.rs) must list exactly the namespaces the first load's sources \
         do not use: add {missing:?} (only the parts use them), remove {extra:?} (the library uses \
         them, or they are no namespace of locales/nb.json)"
    );
}

/// The plan file keeps drafts under the ids the UI gave the inputs (see `plan_file` and
/// `Plan::draft`): keep these places and the plan file's validator in step.
#[test]
fn draft_keys_follow_the_inputs_ids_in_the_app() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let source = |path: &str| std::fs::read_to_string(root.join(path)).unwrap();
    assert!(source("src/worksheet/field.rs")
        .contains(r#"format!("f-{}", answer_key(tool, step, &field.id).replace('/', "-"))"#));
    assert!(source("src/worksheet/simple.rs").contains("draft_key=ids.key.clone()"));
    assert!(source("src/pages/decision.rs").contains("draft_key=VALUE_KEY.to_string()"));
}

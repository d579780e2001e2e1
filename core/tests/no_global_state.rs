//! No process-wide mutable state in the core.
//!
//! The core is given what it reads (a catalog, a plan, a storage) as arguments; a `static` that
//! can change would bring back what the catalog replaced: results that depend on what ran
//! before, and tests that pass only in some order. This reads the core's production sources and
//! fails on a `static mut`, a `thread_local!` or `lazy_static!`, and a `static` whose type can
//! change behind a shared reference (cells, locks, once-cells, lazies, atomics). Test code is left
//! out: a test binary may cache the catalog it reads.

mod sources;

use regex::Regex;

/// Statics allowed, as (file under `src`, name): the thresholds compiled into the wasm, read
/// from an embedded file once. Compile-time data, the same in every run.
const ALLOWED: [(&str, &str); 1] = [("thresholds.rs", "ALL")];

/// Every mutable static in `code`, as `name: type` or the macro's name.
fn mutable_statics(code: &str) -> Vec<(String, String)> {
    let interior = Regex::new(
        r"\b(Cell|RefCell|UnsafeCell|OnceCell|OnceLock|LazyCell|LazyLock|Lazy|Mutex|RwLock|Atomic[A-Za-z0-9]*)\b",
    )
    .unwrap();
    let item = Regex::new(r"\bstatic\s+(mut\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*:\s*([^=;]+)").unwrap();
    let mut found = Vec::new();
    for m in item.captures_iter(code) {
        let (name, ty) = (m[2].to_string(), m[3].trim().to_string());
        if m.get(1).is_some() || interior.is_match(&ty) {
            found.push((name, ty));
        }
    }
    for mac in ["thread_local!", "lazy_static!"] {
        if code.contains(mac) {
            found.push((mac.to_string(), String::new()));
        }
    }
    found
}

#[test]
fn no_static_in_the_core_can_change() {
    let src = sources::src();
    let files = sources::production_files(&src);
    assert!(files.len() > 20, "the reader found the sources: {}", files.len());
    let mut problems = Vec::new();
    for (file, text) in &files {
        let rel = file.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        for (name, ty) in mutable_statics(&sources::production_code(text)) {
            if !ALLOWED.contains(&(rel.as_str(), name.as_str())) {
                problems.push(format!("src/{rel}: static {name}: {ty}"));
            }
        }
    }
    assert!(problems.is_empty(), "process-wide mutable state in the core:\n{}", problems.join("\n"));
}

#[test]
fn the_reader_finds_each_kind_of_mutable_static() {
    let code = "static A: Mutex<u8> = Mutex::new(0);\nstatic B: std::sync::OnceLock<X> = OnceLock::new();\n\
                static mut C: u8 = 0;\nstatic D: AtomicU32 = AtomicU32::new(0);\nthread_local!(static E: u8 = 0);\n\
                static F: &str = \"fixed\";\nfn f() -> &'static str { \"\" }\nstatic G: [u8; 2] = [0; 2];\n";
    let names: Vec<String> = mutable_statics(code).into_iter().map(|(name, _)| name).collect();
    assert_eq!(names, ["A", "B", "C", "D", "thread_local!"]);

    let code = sources::production_code(
        "#[cfg(test)]\npub(crate) fn cached() -> X {\n    static M: OnceLock<X> = OnceLock::new();\n}\nstatic N: Cell<u8> = Cell::new(0);\n",
    );
    let names: Vec<String> = mutable_statics(&code).into_iter().map(|(name, _)| name).collect();
    assert_eq!(names, ["N"], "test-only code is left out, the rest is read");
}

//! Reading the core's own sources, for the tests that check their shape (no import cycle, no
//! process-wide mutable state). Production code only: the tests' own code may do what it likes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// `core/src`.
pub fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every production source file under `src` (binaries aside) with its text, and without the
/// files that hold only test code (`tests.rs`, and files declared by `#[cfg(test)] mod x;`).
pub fn production_files(src: &Path) -> BTreeMap<PathBuf, String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let texts: BTreeMap<PathBuf, String> =
        files.into_iter().map(|f| (f.clone(), std::fs::read_to_string(&f).unwrap())).collect();
    let tests: BTreeSet<PathBuf> = texts.iter().flat_map(|(file, text)| test_files(file, text)).collect();
    texts
        .into_iter()
        .filter(|(file, _)| !tests.contains(file) && file.file_name().is_some_and(|n| n != "tests.rs"))
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("core/src is readable") {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "bin" && n != "tests") {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The source without comments and without its `#[cfg(test)]` items: an item with a body is
/// skipped to its closing brace at the item's indentation (rustfmt's layout), a one-line item
/// (`use`, `mod x;`) is skipped, and the file of a `mod x;` is one [`test_files`] names.
pub fn production_code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed == "#[cfg(test)]" {
            let Some(item) = lines.next() else { break };
            if item.trim_end().ends_with('{') {
                let close = format!("{}}}", &item[..item.len() - item.trim_start().len()]);
                lines.by_ref().find(|l| l.starts_with(&close));
            }
            continue;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        let code = line.split(" // ").next().unwrap();
        out.push_str(code);
        out.push('\n');
    }
    out
}

/// The files declared by `#[cfg(test)] mod x;` in `file`: `src/a.rs` declares `src/a/x.rs`.
pub fn test_files(file: &Path, text: &str) -> Vec<PathBuf> {
    let dir = match file.file_name().and_then(|n| n.to_str()) {
        Some("lib.rs" | "mod.rs") => file.parent().unwrap().to_path_buf(),
        _ => file.with_extension(""),
    };
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    lines
        .windows(2)
        .filter(|w| w[0] == "#[cfg(test)]")
        .filter_map(|w| w[1].trim_start_matches("pub(crate) ").strip_prefix("mod "))
        .filter_map(|rest| rest.strip_suffix(';'))
        .map(|name| dir.join(format!("{name}.rs")))
        .collect()
}

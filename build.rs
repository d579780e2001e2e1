//! The stylesheets only the parts' views use are the files of style/parts/: this lists them for
//! src/part_styles.rs (`$OUT_DIR/part_sheets.rs`), so adding a sheet is adding a file. Their
//! names in the build: index.html copies the folder to style/ and Designsystemet's rules only
//! the parts use to ds-parts.css (scripts/purge-css.mjs), which comes first; print.css comes
//! last, so its rules win when printing. scripts/parts-map.mjs gives boot.js the same files to
//! preload on a deep link.

use std::path::Path;

fn main() {
    let folder = Path::new("style/parts");
    println!("cargo:rerun-if-changed={}", folder.display());
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .expect("style/parts/")
        .map(|e| e.expect("style/parts/").file_name().into_string().expect("a UTF-8 file name"))
        .filter(|n| n.ends_with(".css"))
        .collect();
    names.sort_by_key(|n| (n == "print.css", n.clone()));
    let sheets: Vec<String> =
        std::iter::once("ds-parts.css".to_string()).chain(names.iter().map(|n| format!("style/{n}"))).collect();
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("part_sheets.rs");
    let item = format!("const SHEETS: [&str; {}] = {sheets:?};", sheets.len());
    std::fs::write(out, item).expect("part_sheets.rs");
}

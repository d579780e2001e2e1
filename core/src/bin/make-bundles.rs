//! Writes the per-language files into a build folder: the content bundle `<dir>/content/<lang>.json`
//! and the UI texts `<dir>/content/<lang>.ui.json`.
//! Run by scripts/post-build.sh (Trunk's post_build hook) with the staging folder.

use ioa_core::bundle::{make, make_ui, ui_url, url};
use ioa_core::Lang;

/// A source file, from the folder this runs in (the checkout's root: scripts/post-build.sh runs it
/// there), not from the path compiled in (`bundle::read_source`): checkouts that share one target
/// folder share this binary, and Cargo does not rebuild it for another checkout, so the compiled-in
/// path read another checkout's locales and content.
fn read_source(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

fn main() {
    let dir = std::env::args().nth(1).or_else(|| std::env::var("TRUNK_STAGING_DIR").ok());
    let Some(dir) = dir else {
        eprintln!("usage: make-bundles <build folder> (or TRUNK_STAGING_DIR)");
        std::process::exit(2);
    };
    let dir = std::path::Path::new(&dir);
    for lang in Lang::ALL {
        let files = [(url(lang), make(lang, &read_source)), (ui_url(lang), make_ui(lang, &read_source))];
        for (file, json) in files {
            let path = dir.join(file);
            let json = json.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("create the content folder");
            std::fs::write(&path, &json).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            println!("bundle {}: {} bytes", path.display(), json.len());
        }
    }
}

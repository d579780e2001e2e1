//! Writes the per-language files into a build folder: the content bundle `<dir>/content/<lang>.json`
//! and the UI texts `<dir>/content/<lang>.ui.json`.
//! Run by Trunk's post_build hook (see Trunk.toml) with the staging folder.

use ioa_core::bundle::{make, make_ui, read_source, ui_url, url};
use ioa_core::Lang;

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

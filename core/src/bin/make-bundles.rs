//! Writes the per-language content bundles into a build folder: `<dir>/content/<lang>.json`.
//! Run by Trunk's post_build hook (see Trunk.toml) with the staging folder.

use ioa_core::bundle::{make, read_source, url};
use ioa_core::Lang;

fn main() {
    let dir = std::env::args().nth(1).or_else(|| std::env::var("TRUNK_STAGING_DIR").ok());
    let Some(dir) = dir else {
        eprintln!("usage: make-bundles <build folder> (or TRUNK_STAGING_DIR)");
        std::process::exit(2);
    };
    let dir = std::path::Path::new(&dir);
    for lang in Lang::ALL {
        let path = dir.join(url(lang));
        let json = make(lang, &read_source).unwrap_or_else(|e| panic!("bundle {}: {e}", lang.code()));
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("create the content folder");
        std::fs::write(&path, &json).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        println!("bundle {}: {} bytes", path.display(), json.len());
    }
}

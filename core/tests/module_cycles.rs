//! No import cycle among the core's top-level modules, nor among the files of a folder module.
//!
//! A cycle means two modules can only be understood, tested and moved together. This reads every
//! `core/src/**/*.rs` (the binaries aside), collects each file's `crate::x` references (in `use`
//! lines and in paths) to other top-level modules, leaves out test code (`tests.rs` files and the
//! `#[cfg(test)]` module at a file's end), and fails naming the first cycle it finds. Inside a
//! folder module (`storage.rs` with `storage/*.rs`) it does the same one level down, with the
//! `super::` and `crate::storage::` references between the folder's files. A source reader, not
//! `cargo-modules`, so that it costs nothing to install.

mod sources;

use sources::{production_code, production_files, test_files};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Graph = BTreeMap<String, BTreeSet<String>>;

/// The top-level module a file belongs to: `src/content/validate.rs` → `content`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel.components().next().unwrap().as_os_str().to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

fn ident_at(s: &str) -> &str {
    let end = s.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(s.len());
    &s[..end]
}

/// The first path segments inside a `{…}` group: `{a, b::c, d::{e, f}}` → a, b, d.
fn group_heads(s: &str) -> Vec<&str> {
    let mut heads = Vec::new();
    let (mut depth, mut at_item) = (0, true);
    for (i, c) in s.char_indices() {
        match c {
            '{' => {
                depth += 1;
                if depth == 1 {
                    at_item = true;
                    continue;
                }
            }
            '}' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            ',' if depth == 1 => {
                at_item = true;
                continue;
            }
            _ => {}
        }
        if depth == 1 && at_item && !c.is_whitespace() {
            heads.push(ident_at(&s[i..]));
            at_item = false;
        }
    }
    heads
}

/// Every top-level module a piece of code names through `crate::`.
fn references(code: &str, aliases: &BTreeMap<String, String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        let heads = if rest.starts_with('{') { group_heads(rest) } else { vec![ident_at(rest)] };
        for head in heads {
            let module = aliases.get(head).cloned().unwrap_or_else(|| head.to_string());
            found.insert(module);
        }
    }
    found
}

/// The module graph of a source tree: module → the other modules it names.
fn graph(src: &Path) -> Graph {
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let mut modules = BTreeSet::new();
    let mut aliases = BTreeMap::new();
    for line in lib.lines().map(str::trim) {
        let line = line.trim_start_matches("pub ");
        if let Some(name) = line.strip_prefix("mod ") {
            modules.insert(name.trim_end_matches(';').to_string());
        } else if let Some(path) = line.strip_prefix("use ") {
            // `pub use lang::Lang;` and `pub use plan::{Answer, Plan};`
            let (module, rest) = path.split_once("::").unwrap();
            let names = rest.trim_end_matches(';').trim_matches(|c| c == '{' || c == '}');
            for name in names.split(',') {
                aliases.insert(name.trim().to_string(), module.to_string());
            }
        }
    }
    let mut graph = Graph::new();
    for (file, text) in &production_files(src) {
        let module = module_of(src, file);
        if module == "lib" {
            continue;
        }
        let code = production_code(text);
        let edges = graph.entry(module.clone()).or_default();
        for target in references(&code, &aliases) {
            if target != module && modules.contains(&target) {
                edges.insert(target);
            }
        }
    }
    graph
}

/// Statement texts (`use …;`, `mod …;`) and the code around them, apart: a `use` may span lines.
fn split_statements(code: &str) -> (Vec<String>, String) {
    let (mut statements, mut rest) = (Vec::new(), String::new());
    let mut lines = code.lines();
    while let Some(line) = lines.next() {
        let item = line.trim().trim_start_matches("pub(crate) ").trim_start_matches("pub ");
        if item.starts_with("use ") || item.starts_with("mod ") {
            let mut statement = item.to_string();
            while !statement.ends_with(';') {
                let Some(next) = lines.next() else { break };
                statement.push_str(next.trim());
            }
            statements.push(statement);
        } else {
            rest.push_str(line);
            rest.push('\n');
        }
    }
    (statements, rest)
}

/// The graph inside folder module `module`: its files' modules, and the folder's own file under
/// the module's name (it holds the types its files share). A file's edge goes to the file it
/// names through `super::` or `crate::module::`, or to the one a name the folder's file
/// re-exports comes from; a name defined in the folder's own file is an edge to it. The folder's
/// file has an edge where its code (not its `mod` list and re-exports) names a file or a
/// re-exported name.
fn folder_graph(src: &Path, module: &str) -> Graph {
    let parent = src.join(format!("{module}.rs"));
    let (statements, parent_code) = split_statements(&production_code(&std::fs::read_to_string(&parent).unwrap()));
    let children: BTreeSet<String> = statements
        .iter()
        .filter_map(|s| s.strip_prefix("mod "))
        .map(|name| name.trim_end_matches(';').to_string())
        .collect();
    let mut aliases = BTreeMap::new();
    for path in statements.iter().filter_map(|s| s.strip_prefix("use ")) {
        let Some((head, rest)) = path.trim_start_matches("self::").split_once("::") else { continue };
        if children.contains(head) {
            for item in rest.trim_end_matches(';').replace(['{', '}'], "").split(',') {
                let name = item.rsplit("::").next().unwrap().trim();
                aliases.insert(name.to_string(), head.to_string());
            }
        }
    }
    let resolve = |head: &str| match aliases.get(head) {
        Some(child) => child.clone(),
        None if children.contains(head) => head.to_string(),
        None => module.to_string(),
    };

    let mut graph: Graph = children.iter().map(|c| (c.clone(), BTreeSet::new())).collect();
    let mut words = BTreeSet::new();
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    for (i, _) in parent_code.match_indices(is_ident) {
        if parent_code[..i].ends_with(is_ident) {
            continue;
        }
        let word = ident_at(&parent_code[i..]);
        let after = parent_code[i + word.len()..].trim_start();
        let path = after.starts_with("::");
        // A field's name (`stored_revision: u64`) is not the function of that name.
        if (aliases.contains_key(word) && (path || !after.starts_with(':'))) || (children.contains(word) && path) {
            words.insert(resolve(word));
        }
    }
    graph.insert(module.to_string(), words);

    let folder = src.join(module);
    for (file, text) in &production_files(src) {
        let Ok(rel) = file.strip_prefix(&folder) else { continue };
        let child = rel.components().next().unwrap().as_os_str().to_string_lossy().trim_end_matches(".rs").to_string();
        let code = production_code(text);
        // `super::` is the folder's file only from a file directly in the folder.
        let mut prefixes = vec![format!("crate::{module}::")];
        if rel.components().count() == 1 {
            prefixes.push("super::".to_string());
        }
        let edges = graph.entry(child.clone()).or_default();
        for prefix in &prefixes {
            for (i, _) in code.match_indices(prefix.as_str()) {
                let rest = &code[i + prefix.len()..];
                let heads = if rest.starts_with('{') { group_heads(rest) } else { vec![ident_at(rest)] };
                for target in heads.into_iter().map(resolve) {
                    if target != child {
                        edges.insert(target);
                    }
                }
            }
        }
    }
    graph
}

/// The top-level modules that are folders: `x.rs` beside `x/`.
fn folder_modules(src: &Path) -> Vec<String> {
    let mut found: Vec<String> = std::fs::read_dir(src)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() && p.with_extension("rs").is_file())
        .map(|p| p.file_name().unwrap().to_string_lossy().to_string())
        .collect();
    found.sort();
    found
}

/// A cycle in the graph as the path `a → b → … → a`, if there is one.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(node: &str, graph: &Graph, path: &mut Vec<String>, done: &mut BTreeSet<String>) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_import_cycle_among_the_core_modules() {
    let graph = graph(&sources::src());
    assert!(graph.len() > 10, "the reader found the modules: {graph:?}");
    if let Some(cycle) = find_cycle(&graph) {
        let edges: Vec<String> = cycle.iter().map(|m| format!("{m} → {:?}", graph[m])).collect();
        panic!("import cycle among core modules: {}\n{}", cycle.join(" → "), edges.join("\n"));
    }
}

#[test]
fn the_reader_sees_grouped_and_aliased_references_and_finds_a_cycle() {
    let aliases = BTreeMap::from([("Lang".to_string(), "lang".to_string())]);
    let code = "use crate::{plan::Plan, storage::{kv, x}, Lang};\nfn f() { crate::route::go(); }";
    let found: Vec<_> = references(code, &aliases).into_iter().collect();
    assert_eq!(found, ["lang", "plan", "route", "storage"]);

    let code =
        production_code("use crate::a;\n// crate::b\n#[cfg(test)]\nmod tests {\n    use crate::c;\n}\nuse crate::d;\n");
    assert_eq!(references(&code, &BTreeMap::new()).into_iter().collect::<Vec<_>>(), ["a", "d"]);
    let text = "#[cfg(test)]\nmod lint;\nmod roadmap;\n#[cfg(test)]\npub(crate) mod testing;\n";
    let declared = test_files(Path::new("src/content.rs"), text);
    assert_eq!(declared, [Path::new("src/content/lint.rs"), Path::new("src/content/testing.rs")]);

    let edge = |a: &str, b: &[&str]| (a.to_string(), b.iter().map(|s| s.to_string()).collect());
    let acyclic: Graph = [edge("a", &["b", "c"]), edge("b", &["c"]), edge("c", &[])].into();
    assert_eq!(find_cycle(&acyclic), None);
    let cyclic: Graph = [edge("a", &["b"]), edge("b", &["c"]), edge("c", &["a"])].into();
    assert_eq!(find_cycle(&cyclic).unwrap(), ["a", "b", "c", "a"]);
}

/// Folder modules whose own file and one of its files need each other, with why; each must still
/// have its cycle (so the entry goes when the cycle does), and no other may have one.
const FOLDER_CYCLES_KNOWN: [(&str, &str); 1] =
    [("content", "content.rs's Content holds roadmap's Roadmap, whose phases are content.rs's Tools")];

#[test]
fn no_import_cycle_among_the_files_of_a_folder_module() {
    let src = sources::src();
    let folders = folder_modules(&src);
    assert!(folders.contains(&"storage".to_string()), "the reader found the folder modules: {folders:?}");
    let storage = folder_graph(&src, "storage");
    assert!(
        storage.len() > 10 && storage["save"].contains("revision"),
        "the reader found storage's files: {storage:?}"
    );
    for folder in folders {
        let graph = folder_graph(&src, &folder);
        let cycle = find_cycle(&graph);
        if FOLDER_CYCLES_KNOWN.iter().any(|(known, _)| *known == folder) {
            assert!(cycle.is_some(), "{folder}/ has no cycle any more: take it out of FOLDER_CYCLES_KNOWN");
        } else if let Some(cycle) = cycle {
            let edges: Vec<String> = cycle.iter().map(|m| format!("{m} → {:?}", graph[m])).collect();
            panic!("import cycle inside {folder}/: {}\n{}", cycle.join(" → "), edges.join("\n"));
        }
    }
}

#[test]
fn the_folder_reader_sees_siblings_re_exports_and_shared_types_and_finds_a_cycle() {
    let src = std::env::temp_dir().join(format!("ioa-module-cycles-{}", std::process::id()));
    let write = |file: &str, text: &str| {
        let path = src.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(
        "store.rs",
        "mod a;\nmod b;\nmod c;\n#[cfg(test)]\nmod testing;\n\npub use a::{\n    Alpha,\n    alpha_fn,\n};\n\
         pub use c::Gamma;\n\npub struct Shared {\n    alpha_fn: u8,\n}\nimpl From<Gamma> for Shared {}\n",
    );
    write(
        "store/a.rs",
        "use super::b::beta;\npub struct Alpha;\n#[cfg(test)]\nmod tests {\n    use super::super::c;\n}\n",
    );
    write("store/b.rs", "use super::Shared;\npub fn beta() {}\n");
    write("store/c.rs", "pub struct Gamma;\nfn f() { crate::store::alpha_fn(); }\n");
    write("store/testing.rs", "use super::c::Gamma;\n");
    let graph = folder_graph(&src, "store");
    let edge = |a: &str, b: &[&str]| (a.to_string(), b.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>());
    let expected: Graph = [edge("a", &["b"]), edge("b", &["store"]), edge("c", &["a"]), edge("store", &["c"])].into();
    assert_eq!(graph, expected);
    assert_eq!(find_cycle(&graph).unwrap(), ["a", "b", "store", "c", "a"]);
    write("store/c.rs", "pub struct Gamma;\n");
    assert_eq!(find_cycle(&folder_graph(&src, "store")), None);
    std::fs::remove_dir_all(&src).unwrap();
}

//! No import cycle among the core's top-level modules.
//!
//! A cycle means two modules can only be understood, tested and moved together. This reads every
//! `core/src/**/*.rs` (the binaries aside), collects each file's `crate::x` references (in `use`
//! lines and in paths) to other top-level modules, leaves out test code (`tests.rs` files and the
//! `#[cfg(test)]` module at a file's end), and fails naming the first cycle it finds. A source
//! reader, not `cargo-modules`, so that it costs nothing to install.

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

//! No import cycle among the core's top-level modules.
//!
//! A cycle means two modules can only be understood, tested and moved together. This reads every
//! `core/src/**/*.rs` (the binaries aside), collects each file's `crate::x` references (in `use`
//! lines and in paths) to other top-level modules, leaves out test code (`tests.rs` files and the
//! `#[cfg(test)]` module at a file's end), and fails naming the first cycle it finds. A source
//! reader, not `cargo-modules`, so that it costs nothing to install.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Graph = BTreeMap<String, BTreeSet<String>>;

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

/// The top-level module a file belongs to: `src/content/validate.rs` → `content`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel.components().next().unwrap().as_os_str().to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

/// The source without comments and without its `#[cfg(test)]` items: an inline module is
/// skipped to its closing brace at the start of a line (rustfmt's layout), a `mod x;` is a file
/// [`test_files`] leaves out.
fn production_code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        let next = lines.peek().map(|l| l.trim_start().trim_start_matches("pub(crate) ")).unwrap_or("");
        if trimmed == "#[cfg(test)]" && next.starts_with("mod ") && next.ends_with('{') {
            lines.by_ref().find(|l| l.starts_with('}'));
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

/// The files declared by `#[cfg(test)] mod x;` in `file`: `src/a.rs` declares `src/a/x.rs`.
fn test_files(file: &Path, text: &str) -> Vec<PathBuf> {
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
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let texts: BTreeMap<PathBuf, String> =
        files.into_iter().map(|f| (f.clone(), std::fs::read_to_string(&f).unwrap())).collect();
    let tests: BTreeSet<PathBuf> = texts.iter().flat_map(|(file, text)| test_files(file, text)).collect();
    let mut graph = Graph::new();
    for (file, text) in &texts {
        let module = module_of(src, file);
        if module == "lib" || tests.contains(file) || file.file_name().is_some_and(|n| n == "tests.rs") {
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
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = graph(&src);
    assert!(graph.len() > 10, "the reader found the modules: {graph:?}");
    if let Some(cycle) = find_cycle(&graph) {
        let edges: Vec<String> =
            cycle.iter().map(|m| format!("{m} → {:?}", graph[m])).collect();
        panic!("import cycle among core modules: {}\n{}", cycle.join(" → "), edges.join("\n"));
    }
}

#[test]
fn the_reader_sees_grouped_and_aliased_references_and_finds_a_cycle() {
    let aliases = BTreeMap::from([("Lang".to_string(), "lang".to_string())]);
    let code = "use crate::{plan::Plan, storage::{kv, x}, Lang};\nfn f() { crate::route::go(); }";
    let found: Vec<_> = references(code, &aliases).into_iter().collect();
    assert_eq!(found, ["lang", "plan", "route", "storage"]);

    let code = production_code("use crate::a;\n// crate::b\n#[cfg(test)]\nmod tests {\n    use crate::c;\n}\nuse crate::d;\n");
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

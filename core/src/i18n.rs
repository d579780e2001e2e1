//! UI texts from `locales/{nb,nn,en}.json`: flat maps from key to text.
//!
//! Keys are looked up at run time; the tests prove that every locale has every key and that every
//! key the app's source uses exists. Texts may hold `{name}` placeholders filled by [`tf`].

use crate::Lang;
use std::collections::BTreeMap;
use std::sync::OnceLock;

type Table = BTreeMap<String, String>;

/// Per language: the library's texts (from the `.ui.json` file) and the parts' views' texts
/// (from the content bundle, see [`crate::bundle::PART_TEXTS`]).
static TABLES: [[OnceLock<Table>; 2]; 3] = [const { [OnceLock::new(), OnceLock::new()] }; 3];

/// Takes a language's library texts (see [`crate::bundle`]).
pub(crate) fn install(lang: Lang, table: Table) {
    let _ = TABLES[lang.index()][0].set(table);
}

/// Takes a language's texts for the parts' views, which come with its content.
pub(crate) fn install_parts(lang: Lang, table: Table) {
    let _ = TABLES[lang.index()][1].set(table);
}

fn tables(lang: Lang) -> impl Iterator<Item = &'static Table> {
    crate::bundle::ensure_for_tests();
    TABLES[lang.index()].iter().filter_map(OnceLock::get)
}

/// The text for `key`. A missing key shows the key itself, which the tests keep from shipping.
pub fn t(lang: Lang, key: &str) -> &'static str {
    match tables(lang).find_map(|table| table.get(key)) {
        Some(text) => text.as_str(),
        None => leak_key(key),
    }
}

fn leak_key(key: &str) -> &'static str {
    // Only reached by a defect the tests catch; leaking a few bytes beats a blank label.
    Box::leak(key.to_string().into_boxed_str())
}

/// The text for `key` with each `{name}` replaced by its value.
pub fn tf(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let mut out = t(lang, key).to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// All keys of a locale (for the tests and for tooling).
pub fn keys(lang: Lang) -> impl Iterator<Item = &'static str> {
    tables(lang).flat_map(|table| table.keys().map(String::as_str))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_locale_has_the_same_non_empty_keys() {
        let nb: BTreeSet<_> = keys(Lang::Nb).collect();
        assert!(nb.len() > 50, "locale looks empty");
        for lang in Lang::ALL {
            let these: BTreeSet<_> = keys(lang).collect();
            let missing: Vec<_> = nb.difference(&these).collect();
            let extra: Vec<_> = these.difference(&nb).collect();
            assert!(missing.is_empty(), "{lang:?} is missing {missing:?}");
            assert!(extra.is_empty(), "{lang:?} has keys nb lacks: {extra:?}");
            for key in &these {
                assert!(!t(lang, key).trim().is_empty(), "{lang:?}:{key} is blank");
            }
        }
    }

    #[test]
    fn placeholders_match_across_locales() {
        let names = |s: &str| -> BTreeSet<String> {
            s.split('{').skip(1).filter_map(|p| p.split_once('}')).map(|(n, _)| n.to_string()).collect()
        };
        for key in keys(Lang::Nb) {
            let expected = names(t(Lang::Nb, key));
            for lang in [Lang::Nn, Lang::En] {
                assert_eq!(names(t(lang, key)), expected, "{lang:?}:{key} placeholders differ");
            }
        }
    }

    #[test]
    fn every_key_used_by_the_app_exists() {
        // Any string literal shaped like a key whose first part is a locale namespace counts as a
        // lookup, wherever it is written (a `txt(..)` call, a match arm, an error mapping).
        let literal = regex::Regex::new(r#""([a-z_]+)\.([a-z0-9_.]+)""#).unwrap();
        let namespaces: BTreeSet<&str> = keys(Lang::Nb).filter_map(|k| k.split('.').next()).collect();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut used = BTreeSet::new();
        for dir in [root.join("../src"), root.join("src")] {
            let mut stack = vec![dir];
            while let Some(d) = stack.pop() {
                for entry in std::fs::read_dir(&d).unwrap() {
                    let path = entry.unwrap().path();
                    if path.is_dir() {
                        stack.push(path);
                    } else if path.extension().is_some_and(|e| e == "rs") {
                        let src = std::fs::read_to_string(&path).unwrap();
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
        let known: BTreeSet<_> = keys(Lang::Nb).collect();
        let unknown: Vec<_> = used.iter().filter(|k| !known.contains(k.as_str())).collect();
        assert!(unknown.is_empty(), "keys used in code but missing in locales: {unknown:?}");
    }

    #[test]
    fn fills_placeholders() {
        let text = tf(Lang::En, "library.updated", &[("time", "2027-01-01 10:00")]);
        assert!(text.contains("2027-01-01 10:00"), "{text}");
    }
}

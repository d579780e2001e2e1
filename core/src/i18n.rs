//! UI texts from `locales/{nb,nn,en}.json`: flat maps from key to text.
//!
//! Keys are looked up at run time; the tests prove that every locale has every key and that every
//! key the app's source uses exists. Texts may hold `{name}` placeholders filled by [`tf`].
//!
//! A text that holds a number (`{count}`) comes in plural forms, `key.one` and `key.other`, and is
//! looked up with [`tn`]: "1 plan" and "3 plans" need different words in all three languages.

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

/// The plural form of `key` for `count`, with `{count}` and the other placeholders filled.
///
/// Bokmål, nynorsk and English all have two forms: `key.one` for exactly 1, `key.other` for every
/// other number, 0 included.
pub fn tn(lang: Lang, key: &str, count: usize, args: &[(&str, &str)]) -> String {
    let form = if count == 1 { "one" } else { "other" };
    let count = count.to_string();
    let mut all = vec![("count", count.as_str())];
    all.extend_from_slice(args);
    tf(lang, &format!("{key}.{form}"), &all)
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
        // lookup, wherever it is written (a `txt(..)` call, a match arm, an error mapping). A key
        // given to `tn` (or the UI's `trn`) names a text in plural forms: `key.one` and `key.other`.
        let literal = regex::Regex::new(r#""([a-z_]+)\.([a-z0-9_.]+)""#).unwrap();
        let plural_call = regex::Regex::new(r#"\btr?n\(\s*[^,"()]+(?:\(\))?,\s*"([a-z0-9_.]+)""#).unwrap();
        let namespaces: BTreeSet<&str> = keys(Lang::Nb).filter_map(|k| k.split('.').next()).collect();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut used = BTreeSet::new();
        let mut plural = BTreeSet::new();
        for dir in [root.join("../src"), root.join("src")] {
            let mut stack = vec![dir];
            while let Some(d) = stack.pop() {
                for entry in std::fs::read_dir(&d).unwrap() {
                    let path = entry.unwrap().path();
                    if path.is_dir() {
                        stack.push(path);
                    } else if path.extension().is_some_and(|e| e == "rs") {
                        let src = std::fs::read_to_string(&path).unwrap();
                        for c in plural_call.captures_iter(&src) {
                            plural.insert(c[1].to_string());
                        }
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
        assert!(plural.len() >= 8, "found only {} plural lookups: is the scan broken?", plural.len());
        let known: BTreeSet<_> = keys(Lang::Nb).collect();
        let has_forms = |k: &str| known.contains(format!("{k}.one").as_str()) && known.contains(format!("{k}.other").as_str());
        let unknown: Vec<_> = used.iter().filter(|k| !plural.contains(*k) && !known.contains(k.as_str())).collect();
        assert!(unknown.is_empty(), "keys used in code but missing in locales: {unknown:?}");
        let no_forms: Vec<_> = plural.iter().filter(|k| !has_forms(k)).collect();
        assert!(no_forms.is_empty(), "keys used with `tn` but without `.one` and `.other` in locales: {no_forms:?}");
    }

    #[test]
    fn every_count_is_in_plural_forms() {
        // "{count} stored plan could not be read" is wrong for every count but 1: a text with a
        // number must come as `key.one` and `key.other`, and [`tn`] picks the form.
        for lang in Lang::ALL {
            let all: BTreeSet<_> = keys(lang).collect();
            for key in &all {
                if !t(lang, key).contains("{count}") {
                    continue;
                }
                let base = key.strip_suffix(".one").or_else(|| key.strip_suffix(".other"));
                let Some(base) = base else {
                    panic!("{lang:?}:{key} holds {{count}} but is not a plural form (`.one`, `.other`)");
                };
                for form in ["one", "other"] {
                    let sibling = format!("{base}.{form}");
                    assert!(all.contains(sibling.as_str()), "{lang:?}:{key} has no sibling {sibling}");
                }
                let other = t(lang, &format!("{base}.other"));
                assert!(other.contains("{count}"), "{lang:?}:{base}.other must show the number");
            }
        }
    }

    #[test]
    fn picks_the_plural_form() {
        for lang in Lang::ALL {
            let one = tn(lang, "export.reminder", 1, &[]);
            let other = tn(lang, "export.reminder", 3, &[]);
            assert_eq!(one, tf(lang, "export.reminder.one", &[("count", "1")]));
            assert_eq!(other, tf(lang, "export.reminder.other", &[("count", "3")]));
            assert_ne!(one.replace('1', "3"), other, "{lang:?}: the forms for 1 and 3 should differ in more than the number");
            assert_eq!(tn(lang, "export.reminder", 0, &[]), tf(lang, "export.reminder.other", &[("count", "0")]), "0 takes the other form");
        }
        let file = tn(Lang::En, "compare.file_ok", 2, &[("file", "a.json")]);
        assert_eq!(file, "a.json: 2 plans read.");
    }

    #[test]
    fn fills_placeholders() {
        let text = tf(Lang::En, "library.updated", &[("time", "2027-01-01 10:00")]);
        assert!(text.contains("2027-01-01 10:00"), "{text}");
    }
}

//! UI texts from `locales/{nb,nn,en}.json`: flat maps from key to text, read into a
//! [`crate::catalog::Texts`]. The tests here prove that every locale has every key and that every
//! key the app's source uses exists. Texts may hold `{name}` placeholders filled by
//! [`crate::catalog::Texts::tf`].
//!
//! A text that holds a number (`{count}`) comes in plural forms, `key.one` and `key.other`, and is
//! looked up with [`crate::catalog::Texts::tn`]: "1 plan" and "3 plans" need different words in
//! all three languages.

#[cfg(test)]
mod tests {
    use crate::Lang;
    use std::collections::BTreeSet;

    fn t(lang: Lang, key: &str) -> &'static str {
        crate::catalog::test_catalog().t(lang, key)
    }
    fn tf(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
        crate::catalog::test_catalog().tf(lang, key, args)
    }
    fn tn(lang: Lang, key: &str, count: usize, args: &[(&str, &str)]) -> String {
        crate::catalog::test_catalog().tn(lang, key, count, args)
    }
    fn keys(lang: Lang) -> impl Iterator<Item = &'static str> {
        crate::catalog::test_catalog().texts().keys(lang)
    }

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
            assert_ne!(
                one.replace('1', "3"),
                other,
                "{lang:?}: the forms for 1 and 3 should differ in more than the number"
            );
            assert_eq!(
                tn(lang, "export.reminder", 0, &[]),
                tf(lang, "export.reminder.other", &[("count", "0")]),
                "0 takes the other form"
            );
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

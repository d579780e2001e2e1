//! Checks on every user-facing text in `content/` and `locales/`: no legal amount written into a
//! sentence (amounts come from `content/thresholds.json` through placeholders), no bokmål forms
//! in nynorsk or nynorsk forms in bokmål, and no sentence so long it stops being plain language.

#[allow(unused_imports)]
use crate::catalog::testing::*;
use regex::Regex;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// One text to check: where it is, its language code, and the text.
struct Entry {
    place: String,
    lang: &'static str,
    text: String,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// A link's label names someone else's page, in that page's language: it is not our prose.
fn is_link(object: &serde_json::Map<String, Value>) -> bool {
    object.contains_key("url") && object.contains_key("label")
}

fn walk(value: &Value, place: &str, lang: Option<&'static str>, skip_links: bool, out: &mut Vec<Entry>) {
    match value {
        Value::String(s) => {
            if let Some(lang) = lang {
                out.push(Entry { place: place.to_string(), lang, text: s.clone() });
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                walk(v, &format!("{place}/{i}"), lang, skip_links, out);
            }
        }
        Value::Object(map) => {
            if skip_links && is_link(map) {
                return;
            }
            for (k, v) in map {
                let lang = match k.as_str() {
                    "nb" => Some("nb"),
                    "nn" => Some("nn"),
                    "en" => Some("en"),
                    _ => lang,
                };
                walk(v, &format!("{place}/{k}"), lang, skip_links, out);
            }
        }
        _ => {}
    }
}

/// Every text of the content files (all but the figures themselves) and of the locales.
fn texts(skip_links: bool) -> Vec<Entry> {
    let mut files = Vec::new();
    json_files(&root().join("content"), &mut files);
    let mut out = Vec::new();
    for file in files {
        let name = file.strip_prefix(root()).unwrap().display().to_string();
        if name.ends_with("thresholds.json") {
            continue;
        }
        let value: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        // A whole-plan example file is in one language, named in the file name.
        let lang = ["nb", "nn", "en"].into_iter().find(|l| name.ends_with(&format!(".{l}.json")));
        walk(&value, &name, lang, skip_links, &mut out);
    }
    for lang in ["nb", "nn", "en"] {
        let name = format!("locales/{lang}.json");
        let value: Value = serde_json::from_str(&std::fs::read_to_string(root().join(&name)).unwrap()).unwrap();
        walk(&value, &name, Some(lang), skip_links, &mut out);
    }
    assert!(out.len() > 3000, "found only {} texts: is the walk broken?", out.len());
    out
}

/// A pattern matching `amount` as people write it: `1 300 000`, `1.300.000`, `1,3 millioner`,
/// `NOK 1.3 million`, `100 000`, `100,000`.
fn amount_pattern(amount: u64) -> String {
    let digits = amount.to_string();
    let mut groups = Vec::new();
    let mut end = digits.len();
    while end > 0 {
        let start = end.saturating_sub(3);
        groups.insert(0, &digits[start..end]);
        end = start;
    }
    let mut alternatives = vec![format!(r"\b{}\b", groups.join(r"[ \u{a0}.,]?"))];
    if amount >= 1_000_000 {
        let millions = amount as f64 / 1_000_000.0;
        let text = format!("{millions}");
        let decimal = text.replace('.', "[.,]");
        alternatives.push(format!(r"\b{decimal}\s*(mill|million|millionar|millioner|mnok|m\b)"));
    }
    alternatives.join("|")
}

#[test]
fn no_text_hard_codes_a_threshold_or_limit() {
    let mut amounts: Vec<u64> = crate::thresholds::figures().figures.iter().filter_map(|f| f.amount).collect();
    // Figures from the history of the rules that texts still tend to repeat.
    amounts.extend([300_000, 1_100_000]);
    let pattern =
        Regex::new(&format!("(?i){}", amounts.iter().map(|a| amount_pattern(*a)).collect::<Vec<_>>().join("|")))
            .unwrap();
    // The pattern itself must catch the ways the amounts used to be written.
    for sample in [
        "Kjøp under 100 000 kroner",
        "over NOK 100,000",
        "1,3 millioner",
        "NOK 2.3 million",
        "57,8 mill.",
        "1\u{a0}300\u{a0}000 kr",
    ] {
        assert!(pattern.is_match(sample), "the check misses {sample:?}");
    }
    assert!(!pattern.is_match("3 400 000 kr"), "the example's own budget is not a threshold");
    let found: Vec<String> = texts(false)
        .iter()
        .filter_map(|e| pattern.find(&e.text).map(|m| format!("{} [{}]: {:?}", e.place, e.lang, m.as_str())))
        .collect();
    assert!(found.is_empty(), "legal amounts must come from thresholds.json placeholders:\n{}", found.join("\n"));
}

/// Bokmål forms that are not nynorsk, and nynorsk forms that are not bokmål.
///
/// In nynorsk the verb is «brukar» (vi brukar) and so is the noun (ein brukar), so «bruker» is
/// always a slip; the road is «veg», so the map is «vegkart», «vegkartet». KS's method keeps its
/// bokmål name, «Veikart for tjenesteinnovasjon», which [`without_names`] leaves out.
const BOKMAL_ONLY: &str = r"ikke|hva|hvordan|hvorfor|hvis|hvem|hvilke|hvilken|hvor|bare|noen|fra|mye|ennå|sammen|samme|sier|gjøre|gjør|ble|uten|dere|deres|løsning|løsningen|løsninger|løsningene|tjeneste|tjenesten|tjenester|tjenestene|bruker|brukere|brukeren|brukerne|behovene|svarene|kommer|ledere|lederne|ledelsen|mulig|egen|eget|egne|gjaldt|tiden|følge|beskrive|beskrivelse|beskrivelsen|veikart\w*";
const NYNORSK_ONLY: &str = r"ikkje|kva|korleis|kvifor|kven|berre|nokon|nokre|frå|mykje|enno|saman|seier|gjere|dykk|dykkar|løysing|løysinga|løysingar|teneste|tenesta|tenester|brukar|brukaren|brukarar|brukarane|kjem|leiar|leiarar|leiinga|mogleg|eigen|eige|eigne|eit|ein|dei|høgare|skildre|galdt|vere|utan";

/// The text without what keeps its own language: names, quoted titles and web addresses.
fn without_names(text: &str) -> String {
    let names = Regex::new(r"«[^»]*»|Veikart for tjenesteinnovasjon|Kom i gang: Avklare|https?://\S+").unwrap();
    names.replace_all(text, "").into_owned()
}

fn language_slips(lang: &str, forbidden: &str) -> Vec<String> {
    let words = Regex::new(&format!(r"(?i)\b(?:{forbidden})\b")).unwrap();
    texts(true)
        .iter()
        .filter(|e| e.lang == lang)
        .filter_map(|e| {
            let text = without_names(&e.text);
            let hits: Vec<&str> = words.find_iter(&text).map(|m| m.as_str()).collect();
            (!hits.is_empty()).then(|| format!("{}: {hits:?}", e.place))
        })
        .collect()
}

#[test]
fn nynorsk_texts_have_no_bokmal_forms() {
    let slips = language_slips("nn", BOKMAL_ONLY);
    assert!(slips.is_empty(), "bokmål forms in nynorsk:\n{}", slips.join("\n"));
}

#[test]
fn bokmal_texts_have_no_nynorsk_forms() {
    let slips = language_slips("nb", NYNORSK_ONLY);
    assert!(slips.is_empty(), "nynorsk forms in bokmål:\n{}", slips.join("\n"));
}

#[test]
fn the_language_checks_catch_known_slips() {
    let bm = Regex::new(&format!(r"(?i)\b(?:{BOKMAL_ONLY})\b")).unwrap();
    let nn = Regex::new(&format!(r"(?i)\b(?:{NYNORSK_ONLY})\b")).unwrap();
    assert!(bm.is_match("Terskelverdien gjaldt for ein periode"));
    assert!(bm.is_match("Ein bruker som treng hjelp"));
    assert!(bm.is_match("Når bruker vi kva?"), "the nynorsk verb is «brukar»");
    assert!(bm.is_match("Ein bruker som treng hjelp"), "the nynorsk noun is «brukar»");
    assert!(!bm.is_match("Når brukar vi kva?"));
    assert!(bm.is_match("Den eldre versjonen av veikartet"));
    assert!(bm.is_match("Veikartet til KS"));
    assert!(!bm.is_match("Vegkartet til KS"));
    let name = without_names(
        "Metoden «Veikart for tjenesteinnovasjon» og Veikart for tjenesteinnovasjon, sjå https://www.ks.no/veikart",
    );
    assert!(!bm.is_match(&name), "KS's name for the method and web addresses keep their form: {name}");
    assert!(nn.is_match("Dette er berre eit døme"));
    assert!(!nn.is_match("Dette er bare et eksempel"));
}

/// Plain language: no sentence over this many words.
const MAX_WORDS: usize = 30;

/// Where a sentence ends. A colon or semicolon does not end one: a list after a colon is still
/// part of the sentence the reader must hold in mind (the language review counted it so).
const SENTENCE_END: &str = r"[.!?]\s+|\n";

#[test]
fn no_sentence_is_over_thirty_words() {
    let sentence_end = Regex::new(SENTENCE_END).unwrap();
    let long: Vec<String> = texts(false)
        .iter()
        .flat_map(|e| {
            sentence_end
                .split(&e.text)
                .filter(|s| s.split_whitespace().count() > MAX_WORDS)
                .map(|s| format!("{} [{}] {} words: {}", e.place, e.lang, s.split_whitespace().count(), s))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(long.is_empty(), "sentences over {MAX_WORDS} words:\n{}", long.join("\n"));
}

/// The product has one name in every language: IOA-planleggeren (IOA-planleggaren in nynorsk).
/// English texts used to call it «IOA Planner» as well, and readers took it for two things.
#[test]
fn english_texts_use_the_products_name() {
    let other_name = Regex::new(r"(?i)\bIOA[ -]?planner\b").unwrap();
    let mut found: Vec<String> = texts(false)
        .iter()
        .filter(|e| e.lang == "en" && other_name.is_match(&e.text))
        .map(|e| format!("{}: {}", e.place, e.text))
        .collect();
    // The page the app starts in, and the installed app's name.
    for file in ["index.html", "public/manifest.webmanifest"] {
        let text = std::fs::read_to_string(root().join(file)).unwrap();
        found.extend(text.lines().filter(|l| other_name.is_match(l)).map(|l| format!("{file}: {}", l.trim())));
    }
    assert!(found.is_empty(), "the product is «IOA-planleggeren» in English too:\n{}", found.join("\n"));
}

#[test]
fn a_list_after_a_colon_counts_with_its_sentence() {
    let sentence_end = Regex::new(SENTENCE_END).unwrap();
    let text = "Borrow three things from KS: the current service journey and interviews to find the needs, benefit realisation for goals and follow-up, and the new service journey to show suppliers the context.";
    let longest = sentence_end.split(text).map(|s| s.split_whitespace().count()).max().unwrap();
    assert!(longest > MAX_WORDS, "the check would miss a long sentence split by its colon ({longest} words)");
}

/// Notes to ourselves ("[vår plassering]", "[our reading]") read as unfinished text: a method
/// placed by us carries the "our proposal" tag instead (`"proposal": true`).
#[test]
fn no_text_leaves_a_bracketed_note_to_ourselves() {
    let note = Regex::new(r"(?i)\[(vår|our)\b[^\]]*\]").unwrap();
    let found: Vec<String> =
        texts(false).iter().filter(|e| note.is_match(&e.text)).map(|e| format!("{} [{}]", e.place, e.lang)).collect();
    assert!(found.is_empty(), "bracketed notes:\n{}", found.join("\n"));
    let proposed = content().roadmap.phases.iter().flat_map(|p| &p.methods).filter(|m| m.proposal).count();
    assert!(proposed >= 10, "the methods we placed are marked as our proposal ({proposed})");
}

/// Nynorsk calls the procurement «anskaffinga» in every tool; «innkjøpet» in one tool read as
/// another thing.
#[test]
fn nynorsk_names_the_procurement_one_way() {
    let word = Regex::new(r"(?i)\binnkjøpet\b").unwrap();
    let found: Vec<String> =
        texts(true).iter().filter(|e| e.lang == "nn" && word.is_match(&e.text)).map(|e| e.place.clone()).collect();
    assert!(found.is_empty(), "«innkjøpet» in nynorsk (use «anskaffinga»):\n{}", found.join("\n"));
}

/// The guidance on writing needs names the kinds of need as the register's "type" column
/// offers them (it said «organisasjonsbehov» where the choice is «Virksomhetsbehov»).
#[test]
fn the_needs_guidance_names_the_types_the_register_offers() {
    let content = content();
    let step = content.tool("needs").and_then(|t| t.steps.iter().find(|s| s.id == "needs-list")).expect("needs-list");
    let kinds = content.register("needs").and_then(|r| r.column("type")).expect("type column");
    for lang in crate::Lang::ALL {
        let guidance = step.guidance.get(lang).to_lowercase();
        for option in &kinds.options {
            let label = option.label.get(lang).to_lowercase();
            assert!(guidance.contains(&label), "{lang:?}: the guidance does not name «{label}»");
        }
    }
}

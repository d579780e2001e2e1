//! Export and import: what the app writes reads back exactly; every bad file gets its own error.

mod strategies;

use super::validate::validate;
use super::*;
#[allow(unused_imports)]
use crate::catalog::testing::*;
use crate::migrate::plan_from_json;
use crate::plan::{NewPlan, RegisterRow, SCHEMA_VERSION};
use crate::{Answer, Lang};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::sync::OnceLock;

fn meta() -> ExportMeta<'static> {
    ExportMeta { app_version: "0.1.0", exported_at_ms: 1_796_120_100_000, language: Lang::Nb }
}

/// The worked example in `lang`, as a user gets it (loaded once: many tests start from it).
fn example(lang: Lang) -> Plan {
    static PLANS: OnceLock<Vec<Plan>> = OnceLock::new();
    let plans = PLANS.get_or_init(|| {
        let sources = [
            include_str!("../../../content/examples/elvebyen.nb.json"),
            include_str!("../../../content/examples/elvebyen.nn.json"),
            include_str!("../../../content/examples/elvebyen.en.json"),
        ];
        let ids = Lang::ALL.map(|l| format!("p-example-{}", l.code()));
        sources
            .iter()
            .zip(ids)
            .map(|(json, id)| crate::examples::example_plan(json, id, 1_796_120_000_000).expect("example loads"))
            .collect()
    });
    plans[Lang::ALL.iter().position(|l| *l == lang).unwrap()].clone()
}

/// The bokmål example's export.
fn exported() -> String {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| export_plan(cat(), &example(Lang::Nb), &meta()).expect("the example exports")).clone()
}

/// A part path inside the plan of a single-plan file (written so, not as one literal, because
/// the locale test reads a quoted literal shaped like plan.x as a text key).
fn at(rest: &str) -> String {
    format!("plan{}{rest}", if rest.starts_with('[') { "" } else { "." })
}

fn read(bytes: impl AsRef<[u8]>) -> Result<PlanFile, FileError> {
    read_file(cat(), bytes.as_ref())
}

/// The example's export with its plan changed by `edit`, as bytes.
fn edited(edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut file: Value = serde_json::from_str(&exported()).unwrap();
    edit(&mut file["plan"]);
    serde_json::to_vec_pretty(&file).unwrap()
}

fn invalid(part: impl Into<String>, detail: &str) -> Result<PlanFile, FileError> {
    Err(FileError::InvalidPart { part: part.into(), detail: detail.into() })
}

/// The part a file is refused for, when only the place matters to a test.
fn invalid_part(bytes: impl AsRef<[u8]>) -> String {
    match read(bytes) {
        Err(FileError::InvalidPart { part, .. }) => part,
        other => panic!("expected an invalid part, got {other:?}"),
    }
}

fn utf16(text: &str, bom: &[u8], unit: fn(u16) -> [u8; 2]) -> Vec<u8> {
    bom.iter().copied().chain(text.encode_utf16().flat_map(unit)).collect()
}

// --- What the app writes reads back ---

/// A named edit of a plan file that the reader must refuse.
type Case = (&'static str, fn(&mut Value));

#[test]
fn the_envelope_has_the_documented_shape() {
    let text = exported();
    let file: Value = serde_json::from_str(&text).unwrap();
    let keys: Vec<&str> = file.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["appVersion", "exportedAt", "formatVersion", "language", "plan", "schemaVersion", "type"]);
    assert_eq!(file["type"], FILE_TYPE);
    assert_eq!(file["formatVersion"], 1);
    assert_eq!(file["schemaVersion"], SCHEMA_VERSION);
    assert_eq!(file["appVersion"], "0.1.0");
    assert_eq!(file["exportedAt"], "2026-12-01T10:15:00Z");
    assert_eq!(file["language"], "nb");
    assert_eq!(file["plan"], serde_json::to_value(example(Lang::Nb)).unwrap(), "the plan exactly as it is stored");
    assert!(text.starts_with("{\n  \"type\""), "pretty-printed, type first:\n{}", &text[..40]);
    let back = read(&text).unwrap();
    assert_eq!(back.kind, FileKind::Single);
    assert_eq!(back.plans, [example(Lang::Nb)]);
    assert_eq!(back.app_version.as_deref(), Some("0.1.0"));
    assert_eq!(back.exported_at_ms, Some(1_796_120_100_000));
}

#[test]
fn everything_the_app_holds_exports_and_reads_back() {
    let fresh = Plan::new("p-m3x9k2a-4f7q1z", NewPlan { title: "Nattilsyn".into(), ..Default::default() }, 1).unwrap();
    let mut plans: Vec<Plan> = Lang::ALL.into_iter().map(example).collect();
    plans.push(fresh);
    for plan in &plans {
        let text = export_plan(cat(), plan, &meta()).unwrap_or_else(|e| panic!("{}: {e:?}", plan.id));
        assert_eq!(read(text).unwrap().plans, std::slice::from_ref(plan));
    }
    let all = export_all(cat(), &plans, &meta()).unwrap();
    let back = read(&all).unwrap();
    assert_eq!((back.kind, back.plans), (FileKind::All, plans));
    assert!(all.starts_with("{\n  \"type\": \"ioa-planleggeren/plans\""));
}

#[test]
fn an_empty_library_exports_as_an_empty_list() {
    let back = read(export_all(cat(), &[], &meta()).unwrap()).unwrap();
    assert_eq!((back.kind, back.plans), (FileKind::All, vec![]));
}

#[test]
fn a_bare_plan_reads_as_one() {
    let plan = example(Lang::En);
    for text in [serde_json::to_string(&plan).unwrap(), serde_json::to_string_pretty(&plan).unwrap()] {
        let back = read(text).unwrap();
        assert_eq!(
            back,
            PlanFile { kind: FileKind::BarePlan, plans: vec![plan.clone()], app_version: None, exported_at_ms: None }
        );
    }
}

/// Every fixture reads the same bare and in an envelope as `plan_from_json` loads it, and then
/// meets the same checks. Only `plan-v1.json` is refused: it stores a list where the field has
/// always been a checklist (hand-written, never what the app wrote); being golden, it is kept
/// unchanged.
#[test]
fn fixtures_read_the_same_bare_and_in_an_envelope() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut refused = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let loaded = plan_from_json(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let expected = validate(cat(), &loaded, "plan").map(|()| vec![loaded.clone()]);
        let value: Value = serde_json::from_str(&text).unwrap();
        let envelope =
            json!({ "type": FILE_TYPE, "formatVersion": 1, "schemaVersion": value["schema_version"], "plan": value });
        let bare = read(&text).map(|f| (f.kind, f.plans));
        let wrapped = read(envelope.to_string()).map(|f| (f.kind, f.plans));
        assert_eq!(bare, expected.clone().map(|p| (FileKind::BarePlan, p)), "{name} bare");
        assert_eq!(wrapped, expected.clone().map(|p| (FileKind::Single, p)), "{name} in an envelope");
        if let Err(e) = expected {
            refused.push((name, e));
        }
    }
    let list_for_checklist = FileError::InvalidPart {
        part: at(r#"answers["dialogue/purpose/learn"]"#),
        detail: "list answer for a field of kind checklist".into(),
    };
    assert_eq!(refused, [("plan-v1.json".to_string(), list_for_checklist)]);
}

// --- One test per bad input ---

#[test]
fn a_zero_byte_file_is_empty() {
    assert_eq!(read(b""), Err(FileError::Empty));
    assert_eq!(check_size(0), Err(FileError::Empty));
}

#[test]
fn a_file_of_whitespace_is_empty() {
    assert_eq!(read(b" \n\t\r\n  "), Err(FileError::Empty));
    assert_eq!(read(b"\xEF\xBB\xBF\n"), Err(FileError::Empty), "a byte order mark and a line break");
}

#[test]
fn fifty_megabytes_is_refused_before_reading() {
    let bytes = 50 * 1024 * 1024;
    assert_eq!(check_size(bytes), Err(FileError::TooLarge { bytes, limit: MAX_FILE_BYTES }));
    assert_eq!(check_size(MAX_FILE_BYTES), Ok(()));
    let over = vec![b' '; MAX_FILE_BYTES as usize + 1];
    assert_eq!(read(&over), Err(FileError::TooLarge { bytes: MAX_FILE_BYTES + 1, limit: MAX_FILE_BYTES }));
    assert_eq!(FileError::TooLarge { bytes, limit: MAX_FILE_BYTES }.args(), [("limit", "3 MB".to_string())]);
}

#[test]
fn a_png_renamed_to_json_is_an_image() {
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01";
    assert_eq!(read(png), Err(FileError::Image));
    let mut bmp = b"BM\x46\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00\x00\x00".to_vec();
    bmp.extend([0; 8]);
    let heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic";
    for other in [&b"\xFF\xD8\xFF\xE0\x00\x10JFIF"[..], b"GIF89a\x01\x00", b"RIFF\x24\x00\x00\x00WEBPVP8 ", &bmp, heic]
    {
        assert_eq!(read(other), Err(FileError::Image), "{:?}", &other[..4]);
    }
    assert_eq!(read(b"BMW"), Err(FileError::Damaged { line: 1, column: 1 }), "text starting with BM is not a bitmap");
    let mut photo = png.to_vec();
    photo.resize(MAX_FILE_BYTES as usize + 1, 0);
    assert_eq!(read(&photo), Err(FileError::Image), "a big photo is still named as a photo");
}

#[test]
fn a_docx_is_a_word_document() {
    let docx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml";
    assert_eq!(read(docx), Err(FileError::WordDocument));
    assert_eq!(read(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00"), Err(FileError::WordDocument), "an old .doc");
}

#[test]
fn a_pdf_is_a_pdf() {
    assert_eq!(read(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj"), Err(FileError::Pdf));
}

#[test]
fn an_empty_array_is_not_a_plan_file() {
    assert_eq!(read(b"[]"), Err(FileError::NotAPlanFile));
}

#[test]
fn null_is_not_a_plan_file() {
    assert_eq!(read(b"null"), Err(FileError::NotAPlanFile));
}

#[test]
fn an_empty_object_is_not_a_plan_file() {
    assert_eq!(read(b"{}"), Err(FileError::NotAPlanFile));
}

#[test]
fn an_envelope_without_a_format_version_says_so() {
    assert_eq!(
        read(br#"{"type":"ioa-planleggeren/plan"}"#),
        Err(FileError::MissingPart { part: "formatVersion".into() })
    );
    let text = br#"{"type":"ioa-planleggeren/plan","formatVersion":"1","schemaVersion":2}"#;
    assert_eq!(read(text), invalid("formatVersion", "not a version number (1, 2, …)"));
    let text = br#"{"type":"ioa-planleggeren/plan","formatVersion":1,"schemaVersion":2}"#;
    assert_eq!(read(text), Err(FileError::MissingPart { part: "plan".into() }));
}

#[test]
fn format_version_999_is_a_newer_format() {
    let text = exported().replacen("\"formatVersion\": 1", "\"formatVersion\": 999", 1);
    assert_eq!(read(text), Err(FileError::NewerFormat { found: 999 }));
}

#[test]
fn schema_version_99_is_a_newer_schema() {
    let newer = FileError::NewerSchema { found: 99, supported: SCHEMA_VERSION };
    let text = exported().replace(&format!("chemaVersion\": {SCHEMA_VERSION}"), "chemaVersion\": 99");
    let text = text.replacen(&format!("\"schema_version\": {SCHEMA_VERSION}"), "\"schema_version\": 99", 1);
    assert_eq!(read(&text), Err(newer.clone()));
    let mut bare = serde_json::to_value(example(Lang::Nb)).unwrap();
    bare["schema_version"] = json!(99);
    assert_eq!(read(bare.to_string()), Err(newer), "a bare plan too");
}

#[test]
fn an_envelope_that_disagrees_with_its_plan_is_refused() {
    let text = edited(|plan| plan["schema_version"] = json!(1));
    assert_eq!(
        read(text),
        invalid("schemaVersion", &format!("is {SCHEMA_VERSION}, but {} is 1", at("schema_version")))
    );
}

#[test]
fn a_path_as_id_is_refused() {
    let rule = "must be 1–64 of A–Z, a–z, 0–9, '-' and '_'";
    assert_eq!(read(edited(|plan| plan["id"] = json!("../../index"))), invalid(at("id"), rule));
    assert_eq!(invalid_part(edited(|plan| plan["id"] = json!(""))), at("id"));
    assert_eq!(invalid_part(edited(|plan| plan["id"] = json!("x".repeat(65)))), at("id"));
}

#[test]
fn a_title_of_100_000_characters_is_refused() {
    assert_eq!(
        read(edited(|plan| plan["title"] = json!("a".repeat(100_000)))),
        invalid(at("title"), "over 10000 characters")
    );
    assert_eq!(read(edited(|plan| plan["title"] = json!("  "))), invalid(at("title"), "empty"));
    let organisation = edited(|plan| plan["organisation"] = json!("o".repeat(MAX_DETAIL_CHARS + 1)));
    assert_eq!(read(organisation), invalid(at("organisation"), "over 10000 characters"));
}

#[test]
fn a_script_title_is_data_and_kept_byte_for_byte() {
    let title = "<script>alert(1)</script>";
    let back = read(edited(|plan| plan["title"] = json!(title))).unwrap();
    assert_eq!(back.plans[0].title.as_bytes(), title.as_bytes());
}

#[test]
fn an_unknown_answer_key_is_refused() {
    let text = edited(|plan| plan["answers"]["startup/nowhere/field"] = json!({ "text": "x" }));
    assert_eq!(read(text), invalid(at(r#"answers["startup/nowhere/field"]"#), "no field stores its answer here"));
    // A shared field's own key is never written: its answer lives with the field it points to.
    let text = edited(|plan| plan["answers"]["leadership/resources/planning-budget"] = json!({ "amount": 1 }));
    assert_eq!(invalid_part(text), at(r#"answers["leadership/resources/planning-budget"]"#));
}

#[test]
fn an_answer_of_the_wrong_kind_is_refused() {
    let text = edited(|plan| plan["answers"]["startup/framework/estimated-value"] = json!({ "text": "3 mill" }));
    let part = at(r#"answers["startup/framework/estimated-value"]"#);
    assert_eq!(read(text), invalid(part, "text answer for a field of kind amount"));
}

#[test]
fn answers_with_unknown_options_columns_or_dates_are_refused() {
    let cases = [
        ("startup/framework/contract-type", json!({ "choice": "rental" })),
        ("startup/trigger/triggers", json!({ "checks": ["new-user-needs", "boredom"] })),
        ("startup/resources/milestones", json!({ "table": [{ "milestone": "Start", "colour": "red" }] })),
        ("dialogue/market-research/suppliers", json!({ "table": [{ "name": "Firma", "type": "giant" }] })),
        ("startup/framework/deadline", json!({ "date": "2027-02-30" })),
        ("startup/framework/deadline", json!({ "date": "1. mars 2027" })),
    ];
    for (key, answer) in cases {
        let text = edited(|plan| plan["answers"][key] = answer.clone());
        assert_eq!(invalid_part(text), at(&format!("answers[\"{key}\"]")), "{answer}");
    }
    // Empty values mean "no answer", as the app reads them.
    for (key, answer) in [
        ("startup/framework/contract-type", json!({ "choice": "" })),
        ("startup/framework/deadline", json!({ "date": "" })),
    ] {
        assert!(read(edited(|plan| plan["answers"][key] = answer)).is_ok());
    }
}

#[test]
fn a_register_row_id_twice_is_refused() {
    let text = edited(|plan| {
        let rows = plan["registers"]["needs"].as_array_mut().unwrap();
        let first = rows[0].clone();
        rows.push(first);
    });
    let needs = example(Lang::Nb).register("needs").to_vec();
    let part = at(&format!(r#"registers["needs"][{}]"#, needs.len()));
    assert_eq!(read(text), invalid(part, &format!("row id {} appears twice", needs[0].id)));
}

#[test]
fn unknown_registers_columns_and_options_are_refused() {
    let text = edited(|plan| plan["registers"]["risks"] = json!([{ "id": 1, "cells": {} }]));
    assert_eq!(invalid_part(text), at(r#"registers["risks"]"#));
    let text = edited(|plan| plan["registers"]["needs"][0]["cells"]["colour"] = json!("red"));
    assert_eq!(invalid_part(text), at(r#"registers["needs"][0]"#));
    let text = edited(|plan| plan["registers"]["needs"][0]["cells"]["priority"] = json!("whenever"));
    assert_eq!(invalid_part(text), at(r#"registers["needs"][0]"#));
}

#[test]
fn unknown_steps_languages_drafts_and_decisions_are_refused() {
    let cases: [Case; 13] = [
        (r#"steps["startup/nowhere"]"#, |p| p["steps"] = json!({ "startup/nowhere": { "status": "done" } })),
        (r#"steps["startup/goals"]"#, |p| p["steps"] = json!({ "startup/goals": { "status": "finished" } })),
        ("spine", |p| p["spine"] = json!("sideways")),
        (r#"steps["insight/interviews"].due"#, |p| {
            p["steps"] = json!({ "insight/interviews": { "due": "next week" } })
        }),
        (r#"registers["goals"][0]"#, |p| {
            p["registers"]["goals"] = json!([{ "id": 1, "cells": { "per_task": "12 kr" } }])
        }),
        (r#"document_languages["roadmap"]"#, |p| p["document_languages"] = json!({ "roadmap": "nn" })),
        (r#"document_languages["budget"]"#, |p| p["document_languages"] = json!({ "budget": "nn" })),
        (r#"drafts["f-startup-nowhere-x"]"#, |p| p["drafts"] = json!({ "f-startup-nowhere-x": "12 abc" })),
        (r#"decision.answers["colour"]"#, |p| p["decision"]["answers"]["colour"] = json!("red")),
        (r#"decision.answers["market"]"#, |p| p["decision"]["answers"]["market"] = json!("huge")),
        (r#"decision.answers["risk-appetite"]"#, |p| p["decision"]["answers"]["risk-appetite"] = json!("high")),
        (concat!("decision", ".chosen_route"), |p| p["decision"]["chosen_route"] = json!("shortcut")),
        (concat!("decision", ".chosen_route"), |p| p["decision"]["chosen_route"] = json!("")),
    ];
    for (part, edit) in cases {
        assert_eq!(invalid_part(edited(edit)), at(part));
    }
}

#[test]
fn drafts_are_keyed_by_the_answers_storage_keys_and_earlier_files_by_the_inputs_ids() {
    let drafts = json!({
        "startup/framework/estimated-value": "to millioner",
        "f-startup-resources-planning-budget": "ca. 2 mill", "f-leadership-resources-planning-budget": "x", "q-value": "3,4 mill + mva",
    });
    let back = read(edited(|plan| plan["drafts"] = drafts)).unwrap();
    assert_eq!(back.plans[0].drafts.len(), 4);
    assert_eq!(back.plans[0].invalid_draft(crate::decision::VALUE_KEY), Some("to millioner"));
    // The keys come from the UI: core/tests/app_sources.rs checks the inputs' ids.
}

#[test]
fn a_missing_part_is_named_where_it_is() {
    let cases: [Case; 4] = [
        ("title", |p| drop(p.as_object_mut().unwrap().remove("title"))),
        ("schema_version", |p| drop(p.as_object_mut().unwrap().remove("schema_version"))),
        (r#"registers["needs"][0].id"#, |p| drop(p["registers"]["needs"][0].as_object_mut().unwrap().remove("id"))),
        ("merge_notes[0].value", |p| p["merge_notes"] = json!([{ "key": "a", "from": "b" }])),
    ];
    for (part, edit) in cases {
        assert_eq!(read(edited(edit)), Err(FileError::MissingPart { part: at(part) }));
    }
    let all = export_all(cat(), &[example(Lang::Nb), example(Lang::En)], &meta()).unwrap();
    let mut file: Value = serde_json::from_str(&all).unwrap();
    file["plans"][1].as_object_mut().unwrap().remove("id");
    assert_eq!(read(file.to_string()), Err(FileError::MissingPart { part: "plans[1].id".into() }));
}

/// Removing any part of a plan either leaves a plan (the part has a default) or names it.
#[test]
fn every_required_part_is_named_when_missing() {
    let plan: Value = serde_json::from_str::<Value>(&exported()).unwrap()["plan"].clone();
    for key in plan.as_object().unwrap().keys() {
        let text = edited(|p| drop(p.as_object_mut().unwrap().remove(key)));
        match read(text) {
            Ok(_) => {}
            Err(FileError::MissingPart { part }) => assert_eq!(part, at(key)),
            other => panic!("{key}: {other:?}"),
        }
    }
}

#[test]
fn a_part_of_the_wrong_type_is_named_where_it_is() {
    let cases: [Case; 6] = [
        ("revision", |p| p["revision"] = json!("3")),
        ("language", |p| p["language"] = json!("de")),
        (r#"answers["startup/trigger/situation"]"#, |p| {
            p["answers"]["startup/trigger/situation"] = json!({ "essay": "x" })
        }),
        (r#"registers["needs"][1]"#, |p| p["registers"]["needs"][1]["cells"]["name"] = json!(5)),
        (concat!("decision", ".chosen_reason"), |p| p["decision"]["chosen_reason"] = json!(null)),
        ("answers", |p| p["answers"] = json!([])),
    ];
    for (part, edit) in cases {
        assert_eq!(invalid_part(edited(edit)), at(part));
    }
}

#[test]
fn two_plans_with_one_id_are_refused() {
    let plan = example(Lang::Nb);
    let all = export_all(cat(), &[plan.clone(), plan.clone()], &meta());
    assert!(matches!(all, Err(ExportError::NotRoundTrip(_))), "{all:?}");
    let text =
        json!({ "type": FILE_TYPE_ALL, "formatVersion": 1, "schemaVersion": SCHEMA_VERSION, "plans": [plan, plan] });
    assert_eq!(invalid_part(text.to_string()), "plans[1].id");
    let text = json!({ "type": FILE_TYPE_ALL, "formatVersion": 1, "schemaVersion": SCHEMA_VERSION, "plans": {} });
    assert_eq!(invalid_part(text.to_string()), "plans");
}

#[test]
fn a_key_twice_is_refused_anywhere() {
    let text = exported();
    let top = text.replacen(
        "\"type\": \"ioa-planleggeren/plan\",",
        "\"type\": \"ioa-planleggeren/plan\",\n  \"type\": \"other\",",
        1,
    );
    assert_eq!(read(top), Err(FileError::DuplicateKey { key: "type".into() }));
    let nested = text.replacen("\"revision\": 0,", "\"revision\": 0,\n    \"revision\": 7,", 1);
    assert_ne!(nested, text);
    assert_eq!(read(nested), Err(FileError::DuplicateKey { key: "revision".into() }));
    let deep = text.replacen("\"name\": ", "\"name\": \"x\", \"name\": ", 1);
    assert_eq!(read(deep), Err(FileError::DuplicateKey { key: "name".into() }));
    let long = format!("{{\"{0}\": 1, \"{0}\": 2}}", "k".repeat(1000));
    assert!(
        matches!(read(long), Err(FileError::DuplicateKey { key }) if key.chars().count() == 61),
        "a long key is cut for the message"
    );
}

#[test]
fn a_hundred_thousand_nested_arrays_are_too_deep() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(read(&deep), Err(FileError::TooDeep));
    let objects = format!("{}1{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    assert_eq!(read(&objects), Err(FileError::TooDeep));
    let in_a_plan = exported().replacen(
        "\"answers\": {",
        &format!("\"x\": {}{},\n    \"answers\": {{", "[".repeat(100_000), "]".repeat(100_000)),
        1,
    );
    assert_eq!(read(&in_a_plan), Err(FileError::TooDeep));
}

#[test]
fn invalid_utf8_is_an_encoding_error() {
    assert_eq!(read(b"{\"title\": \"\xC3\x28\"}"), Err(FileError::Encoding));
    let latin1 = b"{\"title\": \"L\xF8sning\"}";
    assert_eq!(read(latin1), Err(FileError::Encoding), "Latin-1 ø");
    assert_eq!(read(b"\xFF\xFE\x00\xD8\x41\x00"), Err(FileError::Encoding), "UTF-16 with a lone surrogate");
    assert_eq!(read(b"\xFF\xFE{\x00\x22"), Err(FileError::Encoding), "UTF-16 with an odd byte count");
}

#[test]
fn utf16_without_a_byte_order_mark_is_not_text() {
    assert_eq!(read(utf16(&exported(), b"", u16::to_le_bytes)), Err(FileError::NotText));
    assert_eq!(read(utf16(&exported(), b"", u16::to_be_bytes)), Err(FileError::NotText));
    assert_eq!(read(b"{\"a\": \x00}"), Err(FileError::NotText));
}

#[test]
fn utf16_with_a_byte_order_mark_reads() {
    let expected = vec![example(Lang::Nb)];
    assert_eq!(read(utf16(&exported(), b"\xFF\xFE", u16::to_le_bytes)).unwrap().plans, expected);
    assert_eq!(read(utf16(&exported(), b"\xFE\xFF", u16::to_be_bytes)).unwrap().plans, expected);
}

#[test]
fn a_utf8_byte_order_mark_is_skipped() {
    let bytes = [&b"\xEF\xBB\xBF"[..], exported().as_bytes()].concat();
    assert_eq!(read(bytes).unwrap().plans, [example(Lang::Nb)]);
}

#[test]
fn a_truncated_export_is_truncated() {
    let text = exported();
    for end in [1, text.len() / 3, text.len() / 2, text.len() - 2] {
        // Cut at a character boundary, else it is an encoding error first.
        let end = (0..=end).rev().find(|i| text.is_char_boundary(*i)).unwrap();
        assert_eq!(read(&text[..end]), Err(FileError::Truncated), "cut at {end}");
    }
}

#[test]
fn a_stray_byte_is_damage_with_its_place() {
    let text = exported().replacen("\n  \"formatVersion\"", "\n  #\"formatVersion\"", 1);
    assert_eq!(read(&text), Err(FileError::Damaged { line: 3, column: 3 }));
    let trailing = format!("{}\nx", exported());
    assert!(matches!(read(trailing), Err(FileError::Damaged { .. })), "text after the end");
    let args = FileError::Damaged { line: 3, column: 3 }.args();
    assert_eq!(args, [("line", "3".to_string()), ("column", "3".to_string())]);
}

#[test]
fn another_apps_json_is_not_a_plan_file() {
    assert_eq!(read(br#"{"name":"x","version":"1.0"}"#), Err(FileError::NotAPlanFile));
    assert_eq!(read(br#"{"name":"x","dependencies":{"a":"1"}}"#), Err(FileError::NotAPlanFile));
}

#[test]
fn another_apps_type_is_not_a_plan_file() {
    assert_eq!(read(br#"{"type":"com.example/plan","formatVersion":1}"#), Err(FileError::NotAPlanFile));
    assert_eq!(read(br#"{"type":"FeatureCollection","features":[]}"#), Err(FileError::NotAPlanFile));
}

// --- Export refusals ---

#[test]
fn an_export_over_the_limit_is_refused() {
    let mut plan = example(Lang::Nb);
    plan.answers.insert("startup/trigger/situation".into(), Answer::Text("x".repeat(MAX_FILE_BYTES as usize)));
    assert!(matches!(export_plan(cat(), &plan, &meta()), Err(ExportError::TooLarge { limit: MAX_FILE_BYTES, .. })));
}

#[test]
fn an_export_that_would_not_import_is_refused() {
    let mut plan = example(Lang::Nb);
    plan.answers.insert("startup/nowhere/field".into(), Answer::Text("x".into()));
    match export_plan(cat(), &plan, &meta()) {
        Err(ExportError::NotRoundTrip(detail)) => assert!(detail.contains("startup/nowhere/field"), "{detail}"),
        other => panic!("{other:?}"),
    }
    let mut old = example(Lang::Nb);
    old.schema_version = 1;
    assert!(
        matches!(export_plan(cat(), &old, &meta()), Err(ExportError::NotRoundTrip(_))),
        "an upgrade would change it"
    );
}

// --- Messages ---

#[test]
fn every_error_has_a_message_with_its_placeholders() {
    let errors = [
        FileError::Empty,
        FileError::TooLarge { bytes: 1, limit: MAX_FILE_BYTES },
        FileError::Image,
        FileError::WordDocument,
        FileError::Pdf,
        FileError::NotText,
        FileError::Encoding,
        FileError::Truncated,
        FileError::Damaged { line: 1, column: 2 },
        FileError::TooDeep,
        FileError::DuplicateKey { key: "k".into() },
        FileError::NotAPlanFile,
        FileError::NewerFormat { found: 2 },
        FileError::NewerSchema { found: 3, supported: 2 },
        FileError::CannotUpgrade { from: 1 },
        FileError::MissingPart { part: "p".into() },
        FileError::InvalidPart { part: "p".into(), detail: "d".into() },
    ];
    let messages = errors.iter().map(|e| (e.message_key(), e.args()));
    let exports = [ExportError::NotRoundTrip("d".into()), ExportError::TooLarge { bytes: 1, limit: 2 }];
    for (key, args) in messages.chain(exports.iter().map(|e| (e.message_key(), e.args()))) {
        for lang in Lang::ALL {
            let text = t(lang, key);
            assert_ne!(text, key, "{lang:?} has no {key}");
            let args: Vec<(&str, &str)> = args.iter().map(|(n, v)| (*n, v.as_str())).collect();
            let filled = tf(lang, key, &args);
            assert!(!filled.contains('{'), "{lang:?} {key}: a placeholder without a value: {filled}");
        }
    }
    let keys: std::collections::BTreeSet<_> = errors.iter().map(FileError::message_key).collect();
    assert_eq!(keys.len(), errors.len(), "one message per error");
}

// --- Size and speed ---

/// About 1 MB: the example with long texts and a big needs register. Release timings are
/// measured in the browser; this bound only catches a pathological regression.
#[test]
fn a_megabyte_plan_exports_and_reads_back_in_time() {
    let mut plan = example(Lang::Nb);
    let rows = (1..=2500).map(|id| {
        let cells = BTreeMap::from([
            ("name".to_string(), format!("Behov {id}: trygg natt for brukeren")),
            ("why".to_string(), "Brukeren skal sove trygt uten å bli vekket av tilsyn som ikke trengs. ".repeat(5)),
            ("priority".to_string(), "should".to_string()),
        ]);
        RegisterRow { id, cells }
    });
    plan.registers.insert("needs".into(), rows.collect());
    let started = std::time::Instant::now();
    let text = export_plan(cat(), &plan, &meta()).unwrap();
    let elapsed = started.elapsed();
    assert!(text.len() > 900_000, "{} bytes", text.len());
    eprintln!("export (with read-back) of {} KB: {} ms (debug build)", text.len() / 1024, elapsed.as_millis());
    assert!(elapsed.as_secs() < 5, "{elapsed:?}");
    let started = std::time::Instant::now();
    assert_eq!(read(&text).unwrap().plans, [plan]);
    eprintln!("read of {} KB: {} ms (debug build)", text.len() / 1024, started.elapsed().as_millis());
}

// --- Properties ---

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any plan the app could hold exports and reads back identical.
    #[test]
    fn exported_plans_read_back_identically(plan in strategies::plan()) {
        let text = export_plan(cat(), &plan, &meta()).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(read(&text).map(|f| f.plans), Ok(vec![plan]));
    }

    /// Several plans in one file read back identical and in order.
    #[test]
    fn exported_libraries_read_back_identically(plans in proptest::collection::vec(strategies::plan(), 0..4)) {
        let plans: Vec<Plan> = plans.into_iter().enumerate().map(|(i, p)| Plan { id: format!("{}-{i}", p.id), ..p }).collect();
        let text = export_all(cat(), &plans, &meta()).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(read(&text).map(|f| f.plans), Ok(plans));
    }

    /// A plan with a shape serde accepts but the content does not is always refused with a
    /// part path, never accepted or panicking.
    #[test]
    fn texts_in_keys_are_refused_with_a_part(key in strategies::text()) {
        let mut plan = Plan::new("p-1", NewPlan { title: "Nattilsyn".into(), ..Default::default() }, 1).unwrap();
        plan.answers.insert(key.clone(), Answer::Text("x".into()));
        prop_assume!(!strategies::answer_slots().iter().any(|(k, _)| *k == key));
        let text = serde_json::to_string(&plan).unwrap();
        let refused = matches!(read(&text), Err(FileError::InvalidPart { part, .. }) if part.starts_with(&at("answers[")));
        prop_assert!(refused);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Whatever the bytes, an answer and no panic.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = read(&bytes);
    }

    /// Text made of JSON's own characters reaches deeper into the parser than random bytes.
    #[test]
    fn arbitrary_json_like_text_never_panics(text in "[\\[\\]{}\":,0-9a-z_ \\\\.\\-]{0,300}") {
        let _ = read(text.as_bytes());
    }

    /// A valid export cut, flipped or added to: an answer and no panic.
    #[test]
    fn mutated_exports_never_panic(
        plan in strategies::plan(),
        edits in proptest::collection::vec((0u8..3, any::<proptest::sample::Index>(), any::<u8>()), 1..4),
    ) {
        let mut bytes = export_plan(cat(), &plan, &meta()).map_err(|e| TestCaseError::fail(format!("{e:?}")))?.into_bytes();
        for (kind, at, byte) in edits {
            let i = at.index(bytes.len() + 1);
            match kind {
                0 => bytes.truncate(i),
                1 if i < bytes.len() => bytes[i] ^= byte | 1,
                _ => bytes.insert(i, byte),
            }
        }
        let _ = read(&bytes);
    }
}

/// Every golden fixture, upgraded, is a plan the importer accepts: the step records, spine,
/// roadmap answers and benefit numbers of schema 3 are all things the app itself writes.
#[test]
fn every_golden_fixture_is_a_valid_plan_once_upgraded() {
    for (name, text) in [
        ("plan-v1.json", include_str!("../../tests/fixtures/plan-v1.json")),
        ("plan-v2.json", include_str!("../../tests/fixtures/plan-v2.json")),
        ("plan-v3.json", include_str!("../../tests/fixtures/plan-v3.json")),
    ] {
        let plan = plan_from_json(text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        match validate(cat(), &plan, "plan") {
            Ok(()) => {}
            // Kept byte-identical since it shipped: its checklist answer was stored as a list.
            Err(FileError::InvalidPart { part, .. })
                if name == "plan-v1.json" && part.contains("dialogue/purpose/learn") => {}
            Err(e) => panic!("{name}: {e:?}"),
        }
    }
    let v3 = plan_from_json(include_str!("../../tests/fixtures/plan-v3.json")).unwrap();
    assert_eq!(v3.spine, Some(crate::plan::Spine::Roadmap));
    assert!(
        v3.steps.values().any(|r| r.status == Some(crate::plan::StepMark::NotRelevant) && !r.reason.is_empty()),
        "a skipped step with its reason"
    );
    assert!(v3.steps.keys().any(|k| k.starts_with("piloting/")), "roadmap steps are recorded");
}

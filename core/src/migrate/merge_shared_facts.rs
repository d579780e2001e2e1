//! Schema 1 → 2, "merge shared facts": every fact stored once.
//!
//! Self-contained: the keys it moves are copies of what schema 1 and 2 used, not the decision
//! helper's or the content's live constants, so a later schema cannot change what this step
//! does to a schema 1 file.

use super::merge_note::note;
use serde_json::Value;

/// The decision helper's questions that schema 1 also stored with a worksheet: (decision
/// question, plan answer key), as schema 2 stored them (was `decision::SHARED`).
const SHARED: [(&str, &str); 3] = [
    ("risk-appetite", "leadership/risk/risk-appetite"),
    ("leadership-backing", "leadership/risk/backing"),
    ("first-view", "startup/route/first-view"),
];
/// Where schema 2 keeps the estimated value and the contract type (were `decision::VALUE_KEY`
/// and `decision::CONTRACT_TYPE_KEY`).
const VALUE_KEY: &str = "startup/framework/estimated-value";
const CONTRACT_TYPE_KEY: &str = "startup/framework/contract-type";

/// Facts schema 1 stored twice, and the one place schema 2 keeps each: (old key, new key).
/// Leadership step 4 and start-up step 5 asked the same "people, time and money"; the leader
/// who owns the procurement is the start-up tool's project owner.
const MERGED_ANSWERS: [(&str, &str); 8] = [
    ("leadership/resources/people", "startup/resources/people"),
    ("leadership/resources/dialogue-date", "startup/resources/dialogue-date"),
    ("leadership/resources/contract-date", "startup/resources/contract-date"),
    ("leadership/resources/operations-date", "startup/framework/deadline"),
    ("leadership/resources/planning-budget", "startup/resources/planning-budget"),
    ("leadership/resources/purchase-budget", "startup/resources/purchase-budget"),
    ("leadership/resources/operations-budget", "startup/resources/operations-budget"),
    ("leadership/leaders/sponsor", "startup/team/project-owner"),
];

/// Schema 2 stores every fact once. Schema 1 kept copies that could drift: the decision
/// helper's own answers to questions a worksheet asks (risk appetite, backing, first view,
/// estimated value, contract type), and the two resource steps. Each pair becomes one value.
/// When both copies hold different values, the app cannot tell which is newer (schema 1 kept
/// no time per answer), so it keeps the one the user saw last as deciding: the decision
/// helper's answer (it overrode the worksheet on the decision page and in the start-up memo),
/// and the start-up tool's resources (the leadership copy was the later, shorter one). The
/// other value is kept as a merge note on the plan, never dropped.
pub(super) fn up(plan: &mut Value) -> Result<(), String> {
    let obj = plan.as_object_mut().ok_or("a plan is an object")?;
    let mut notes: Vec<Value> = Vec::new();
    let mut answers = match obj.get("answers") {
        Some(Value::Object(a)) => a.clone(),
        None | Some(Value::Null) => Default::default(),
        Some(_) => return Err("answers is not an object".into()),
    };
    let mut decision = obj.get("decision").cloned().unwrap_or(Value::Null);

    // Decision helper copies → the worksheet's field.
    let mut helper_values: Vec<(String, Value)> = Vec::new();
    if let Some(own) = decision.get_mut("answers").and_then(Value::as_object_mut) {
        for (question, key) in SHARED {
            if let Some(Value::String(option)) = own.remove(question) {
                helper_values.push((key.to_string(), serde_json::json!({ "choice": option })));
            }
        }
    }
    if let Some(d) = decision.as_object_mut() {
        if let Some(v) = d.remove("estimated_value").filter(|v| !v.is_null()) {
            helper_values.push((VALUE_KEY.into(), serde_json::json!({ "amount": v })));
        }
        if let Some(Value::String(ct)) = d.remove("contract_type") {
            helper_values.push((CONTRACT_TYPE_KEY.into(), serde_json::json!({ "choice": ct })));
        }
    }
    for (key, value) in helper_values {
        // The worksheet's differing value is the one set aside.
        if let Some(old) = answers.insert(key.clone(), value.clone()).filter(|old| *old != value) {
            notes.push(note(&key, &key, &old));
        }
    }

    // Leadership copies → the start-up tool's field.
    for (old_key, new_key) in MERGED_ANSWERS {
        let Some(mut old) = answers.remove(old_key) else { continue };
        if old_key == "leadership/resources/people" {
            rename_column(&mut old, "hours-per-month", "hours");
        }
        match answers.get(new_key) {
            None => {
                answers.insert(new_key.to_string(), old);
            }
            Some(kept) if *kept == old => {}
            Some(_) => notes.push(note(new_key, old_key, &old)),
        }
    }

    let obj = plan.as_object_mut().ok_or("a plan is an object")?;
    obj.insert("answers".into(), Value::Object(answers));
    if !decision.is_null() {
        obj.insert("decision".into(), decision);
    }
    obj.insert("merge_notes".into(), Value::Array(notes));
    Ok(())
}

fn rename_column(answer: &mut Value, from: &str, to: &str) {
    if let Some(rows) = answer.get_mut("table").and_then(Value::as_array_mut) {
        for row in rows.iter_mut().filter_map(Value::as_object_mut) {
            if let Some(v) = row.remove(from) {
                row.insert(to.to_string(), v);
            }
        }
    }
}

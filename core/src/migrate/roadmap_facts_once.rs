//! Schema 3 → 4, "roadmap facts once": what the roadmap's phases asked again is stored with the
//! LUP tool's field, and the roadmap's goals list becomes rows of the goals register.
//! Self-contained: the keys are copies as schema 3 and 4 used them.

use super::merge_note::note;
use serde_json::Value;

/// Facts the roadmap's phases asked again, and the LUP tool's field schema 4 keeps each in:
/// (old key, new key). The problem is the needs tool's "what goes wrong, how often, and at what
/// cost"; the strategies are the leadership tool's "goals, plans and strategies the procurement
/// supports"; the insight phase's quotes are the needs tool's quotes.
pub(super) const ROADMAP_SHARED: [(&str, &str); 3] = [
    ("anchoring/problem-goals/problem", "needs/problem/what-goes-wrong"),
    ("anchoring/problem-goals/strategies", "leadership/strategic-link/plans"),
    ("insight/interviews/quotes", "needs/insight/quotes"),
];
/// The step's goals, a list in schema 3, are rows of the goals register in schema 4: the goals
/// the start-up tool and the benefits step show.
pub(super) const ROADMAP_GOALS: &str = "anchoring/problem-goals/goals";

/// Schema 4 stores once what the roadmap's phases asked again. A roadmap answer
/// moves to the LUP field when that is empty; when both hold the same, one is kept; when they
/// differ, the LUP tool's value stays and the roadmap's is kept as a merge note (the team sees
/// both on the overview, nothing is dropped). Each goal in the roadmap's list becomes a row of
/// the goals register unless a row already has that name.
pub(super) fn up(plan: &mut Value) -> Result<(), String> {
    let obj = plan.as_object_mut().ok_or("a plan is an object")?;
    let mut answers = match obj.get("answers") {
        Some(Value::Object(a)) => a.clone(),
        None | Some(Value::Null) => Default::default(),
        Some(_) => return Err("answers is not an object".into()),
    };
    let mut notes = match obj.get("merge_notes") {
        Some(Value::Array(n)) => n.clone(),
        None | Some(Value::Null) => Vec::new(),
        Some(_) => return Err("merge_notes is not a list".into()),
    };
    for (old_key, new_key) in ROADMAP_SHARED {
        let Some(old) = answers.remove(old_key) else { continue };
        match answers.get(new_key) {
            None => {
                answers.insert(new_key.to_string(), old);
            }
            Some(kept) if *kept == old => {}
            Some(_) => notes.push(note(new_key, old_key, &old)),
        }
    }
    let goals: Vec<String> = match answers.remove(ROADMAP_GOALS) {
        None => Vec::new(),
        Some(answer) => match answer.get("list") {
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(Value::as_str)
                .map(str::trim)
                .filter(|g| !g.is_empty())
                .map(str::to_string)
                .collect(),
            // Not a list: nothing the register can hold, so it is kept as a note.
            _ => {
                notes.push(note(ROADMAP_GOALS, ROADMAP_GOALS, &answer));
                Vec::new()
            }
        },
    };
    let registers = obj.entry("registers").or_insert_with(|| Value::Object(Default::default()));
    if registers.is_null() {
        *registers = Value::Object(Default::default());
    }
    let registers = registers.as_object_mut().ok_or("registers is not an object")?;
    let rows = registers.entry("goals").or_insert_with(|| Value::Array(Vec::new()));
    let rows = rows.as_array_mut().ok_or("the goals register is not a list")?;
    for goal in goals {
        let named = |row: &Value| row.pointer("/cells/name").and_then(Value::as_str).is_some_and(|n| n.trim() == goal);
        if rows.iter().any(named) {
            continue;
        }
        let id = rows.iter().filter_map(|r| r.get("id").and_then(Value::as_u64)).max().unwrap_or(0) + 1;
        rows.push(serde_json::json!({ "id": id, "cells": { "name": goal } }));
    }
    obj.insert("answers".into(), Value::Object(answers));
    obj.insert("merge_notes".into(), Value::Array(notes));
    Ok(())
}

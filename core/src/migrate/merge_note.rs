//! The merge note an upgrade leaves when two copies of a fact differed: `{key, from, value}`,
//! the shape every schema since 2 reads (`Plan::merge_notes`). Shared by the steps that merge
//! copies; a schema that changes the note's shape needs a new function here, not a change to
//! this one, so that older steps keep writing what the schema after them reads.

use serde_json::Value;

/// A set-aside value as readable text: the answer's text, list items, table cells or amount.
pub(super) fn note(key: &str, from: &str, answer: &Value) -> Value {
    serde_json::json!({ "key": key, "from": from, "value": readable(answer) })
}

fn readable(answer: &Value) -> String {
    let inner = answer.as_object().and_then(|o| o.values().next()).unwrap_or(answer);
    match inner {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items
            .iter()
            .map(|i| match i {
                Value::Object(row) => row.values().filter_map(Value::as_str).collect::<Vec<_>>().join(", "),
                other => other.as_str().map(str::to_string).unwrap_or_else(|| other.to_string()),
            })
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

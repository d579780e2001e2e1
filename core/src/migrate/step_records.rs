//! Schema 2 → 3, "step records": a step's status, reason, owner, date and note instead of a
//! list of done steps. Self-contained: it reads nothing outside this file.

use serde_json::Value;

/// Schema 3 records more than "done" about a step (status, reason, owner, target date, note)
/// and covers the roadmap's steps too: each key of schema 2's `done_steps` becomes a step record
/// with status done. The benefits register is the old goals register with more columns, so its
/// rows need no change.
pub(super) fn up(plan: &mut Value) -> Result<(), String> {
    let obj = plan.as_object_mut().ok_or("a plan is an object")?;
    let done = match obj.remove("done_steps") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items,
        Some(_) => return Err("done_steps is not a list".into()),
    };
    let mut steps = serde_json::Map::new();
    for key in done {
        let Value::String(key) = key else { return Err("a done step is not a text".into()) };
        steps.insert(key, serde_json::json!({ "status": "done" }));
    }
    obj.insert("steps".into(), Value::Object(steps));
    Ok(())
}

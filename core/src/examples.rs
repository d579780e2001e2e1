//! The worked example plan (Elvebyen kommune, digital night-time supervision in home care), one
//! file per language. The files are served next to the app (`examples/elvebyen.<lang>.json`) and
//! fetched only when a user opens the example, so they do not weigh on the first load.

use crate::migrate::{plan_from_json, LoadError};
use crate::plan::Plan;
use crate::Lang;

/// Where the example for `lang` is served, relative to the app.
pub fn example_url(lang: Lang) -> String {
    format!("examples/elvebyen.{}.json", lang.code())
}

/// A fresh copy of the example plan under a new id.
pub fn example_plan(json: &str, id: impl Into<String>, now: u64) -> Result<Plan, LoadError> {
    let mut plan = plan_from_json(json)?;
    plan.id = id.into();
    plan.revision = 0;
    plan.created_at = now;
    plan.updated_at = now;
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{content, FieldKind};
    use crate::progress::{tool_progress, Status};

    fn example_plan(lang: Lang, id: &str, now: u64) -> Plan {
        let json = match lang {
            Lang::Nb => include_str!("../../content/examples/elvebyen.nb.json"),
            Lang::Nn => include_str!("../../content/examples/elvebyen.nn.json"),
            Lang::En => include_str!("../../content/examples/elvebyen.en.json"),
        };
        super::example_plan(json, id, now).expect("example loads")
    }

    #[test]
    fn example_fills_every_field_of_every_tool_in_every_language() {
        let content = content();
        for lang in Lang::ALL {
            let plan = example_plan(lang, "x", 5);
            assert_eq!((plan.id.as_str(), plan.created_at, plan.language), ("x", 5, lang));
            for tool in &content.tools {
                assert_eq!(tool_progress(tool, &plan).status, Status::Done, "{lang:?} {}", tool.id);
                for step in &tool.steps {
                    for field in &step.fields {
                        let filled = match &field.kind {
                            FieldKind::Register { register, .. } => !plan.register(register).is_empty(),
                            _ => plan.answer(&field.storage_key(&tool.id, &step.id)).is_some_and(|a| !a.is_empty()),
                        };
                        assert!(filled, "{lang:?}: {}/{}/{} is empty in the example", tool.id, step.id, field.id);
                    }
                }
            }
        }
    }

    #[test]
    fn example_answers_match_the_content() {
        let content = content();
        let plan = example_plan(Lang::En, "x", 0);
        for (key, answer) in &plan.answers {
            let field = content.field(key).unwrap_or_else(|| panic!("example answers unknown field {key}"));
            if let crate::plan::Answer::Choice(id) = answer {
                assert!(field.options().iter().any(|o| &o.id == id), "{key}: unknown option {id}");
            }
            if let crate::plan::Answer::Checks(ids) = answer {
                for id in ids {
                    assert!(field.options().iter().any(|o| &o.id == id), "{key}: unknown option {id}");
                }
            }
        }
        for (register, rows) in &plan.registers {
            let reg = content.register(register).unwrap_or_else(|| panic!("unknown register {register}"));
            for row in rows {
                for (col, value) in &row.cells {
                    let column = reg.column(col).unwrap_or_else(|| panic!("{register} has no column {col}"));
                    if !column.options.is_empty() {
                        assert!(column.options.iter().any(|o| &o.id == value), "{register}.{col}: unknown option {value}");
                    }
                }
            }
        }
    }

    #[test]
    fn example_decision_follows_the_story() {
        let plan = example_plan(Lang::Nb, "x", 0);
        let eff = crate::decision::effective(&plan);
        assert_eq!(eff.value, Some(3_400_000), "estimated value comes from the start-up tool");
        let out = crate::decision::outcome(&plan, "2026-12-01");
        let rec = out.recommendation;
        assert_eq!(rec.route, crate::decision::Route::InnovationFriendlyNegotiated);
        assert_eq!(rec.regime, crate::thresholds::Regime::Eea, "3.4 million is above the last confirmed EEA figure");
        assert_eq!(plan.decision.chosen_route.as_deref(), Some(rec.route.id()));
    }
}

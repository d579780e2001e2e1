//! The learning network's view: several plans side by side, one column per plan. [`overview`]
//! gives the rows a facilitator compares first (route, value, progress, needs, questions to the
//! market); [`step`] puts one step of every plan next to each other. Cells are the document
//! model's items, so they read exactly as in the plans' documents.

use crate::catalog::Catalog;
use crate::content::{FieldKind, Tool};
use crate::decision::outcome;
use crate::documents::tool::{self, Item, Ref};
use crate::format::format_nok;
use crate::plan::Plan;
use crate::progress::{tool_progress, Status};
use crate::Lang;

/// How many needs the overview lists per plan ("the top needs"), most important first.
pub const TOP_NEEDS: usize = 3;

/// One line of the comparison: what it is, then one cell per plan in the order given.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub label: String,
    pub cells: Vec<Item>,
}

fn text(label: &str, value: String) -> Item {
    if value.trim().is_empty() {
        Item::Missing { label: label.into() }
    } else {
        Item::Text { label: label.into(), text: value }
    }
}

fn list(label: &str, items: Vec<String>) -> Item {
    if items.is_empty() {
        Item::Missing { label: label.into() }
    } else {
        Item::List { label: label.into(), items }
    }
}

/// The overview rows for `plans` on `today`, in `lang`.
pub fn overview(cat: &Catalog, plans: &[&Plan], today: &str, lang: Lang) -> Vec<Row> {
    let dt = cat.decision();
    let row = |key: &str, cell: &dyn Fn(&Plan, &str) -> Item| {
        let label = cat.t(lang, key);
        Row { label: label.into(), cells: plans.iter().map(|p| cell(p, label)).collect() }
    };
    let mut rows = vec![
        row("compare.row.title", &|p, l| text(l, p.title.clone())),
        row("compare.row.organisation", &|p, l| text(l, p.organisation.clone())),
        row("compare.row.chosen", &|p, l| {
            text(
                l,
                p.decision.chosen_route.as_deref().map(|r| cat.route_title(r, lang).to_string()).unwrap_or_default(),
            )
        }),
        row("compare.row.recommended", &|p, l| {
            text(
                l,
                dt.headline(outcome(p, today).headline)
                    .map(|h| cat.text(&h.title, lang).to_string())
                    .unwrap_or_default(),
            )
        }),
        row("compare.row.value", &|p, l| {
            let out = outcome(p, today);
            let regime = cat.t(lang, &format!("compare.regime.{}", out.assessment.regime.id()));
            match out.effective.value {
                Some(v) => text(l, format!("{}\n\n{regime}", format_nok(v, lang))),
                None => text(l, regime.to_string()),
            }
        }),
    ];
    for tool in &cat.content().tools {
        let label = cat.tf(lang, "compare.row.progress", &[("tool", cat.text(&tool.title, lang))]);
        rows.push(Row {
            label: label.clone(),
            cells: plans.iter().map(|p| text(&label, progress(cat, tool, p, lang))).collect(),
        });
    }
    rows.push(row("compare.row.roadmap", &|p, l| {
        let phases = &cat.content().roadmap.phases;
        let done = phases.iter().filter(|ph| tool_progress(&ph.worksheet, p).status.is_settled()).count();
        let started = phases.iter().filter(|ph| tool_progress(&ph.worksheet, p).status != Status::NotStarted).count();
        text(
            l,
            cat.tf(
                lang,
                "compare.roadmap_progress",
                &[("done", &done.to_string()), ("started", &started.to_string()), ("total", &phases.len().to_string())],
            ),
        )
    }));
    rows.push(row("compare.row.needs_count", &|p, l| text(l, filled(p, "needs").len().to_string())));
    rows.push(row("compare.row.top_needs", &|p, l| list(l, top_needs(p))));
    rows.push(row("compare.row.questions", &|p, l| {
        list(
            l,
            filled(p, "questions")
                .iter()
                .map(|r| r.cell("name").trim().to_string())
                .filter(|q| !q.is_empty())
                .collect(),
        )
    }));
    rows
}

fn progress(cat: &Catalog, tool: &Tool, plan: &Plan, lang: Lang) -> String {
    let p = tool_progress(tool, plan);
    format!("{}: {}", cat.t(lang, p.status.label_key()), crate::documents::plan::steps_done(cat, &p, lang))
}

fn filled<'a>(plan: &'a Plan, register: &str) -> Vec<&'a crate::plan::RegisterRow> {
    plan.register(register).iter().filter(|r| !r.is_empty()).collect()
}

/// The needs marked "must" first, then "should", then the rest, each in the plan's order.
fn top_needs(plan: &Plan) -> Vec<String> {
    let needs = filled(plan, "needs");
    let named = |r: &&crate::plan::RegisterRow| !r.cell("name").trim().is_empty();
    let rank =
        |r: &&crate::plan::RegisterRow| ["must", "should"].iter().position(|p| *p == r.cell("priority")).unwrap_or(2);
    // Three passes instead of a sort: a stable sort's code costs more wasm than these lists need.
    (0..3)
        .flat_map(|level| needs.iter().filter(move |r| named(r) && rank(r) == level))
        .take(TOP_NEEDS)
        .map(|r| r.cell("name").trim().to_string())
        .collect()
}

/// One step of `tool` in every plan: a row per field (its answer in each plan), then the step's
/// status with who is responsible and by when.
pub fn step(cat: &Catalog, tool: &Tool, step_id: &str, plans: &[&Plan], lang: Lang) -> Vec<Row> {
    let Some(step) = tool.step(step_id) else { return Vec::new() };
    let mut rows: Vec<Row> = step
        .fields
        .iter()
        .map(|field| {
            let columns = match &field.kind {
                FieldKind::Register { columns, .. } => Some(columns.join(",")),
                _ => None,
            };
            let reference = match (&field.kind, &columns) {
                (FieldKind::Register { register, .. }, Some(cols)) => cat
                    .content()
                    .register(register)
                    .map(|register| Ref::Register { register, columns: Some(cols.as_str()) }),
                _ => Some(Ref::Field { key_tool: &tool.id, step: &step.id, field }),
            };
            let cells = plans
                .iter()
                .map(|p| match reference {
                    Some(r) => tool::item(cat, r, p, lang),
                    None => Item::Missing { label: cat.text(&field.label, lang).into() },
                })
                .collect();
            Row { label: cat.text(&field.label, lang).into(), cells }
        })
        .collect();
    let status_label = cat.t(lang, "document.progress.status");
    rows.push(Row {
        label: status_label.into(),
        cells: plans
            .iter()
            .map(|p| {
                // "status · owner · date", and the note below.
                let r = tool::step_record(cat, tool, step, p, lang);
                let head = [r.status, r.owner, r.due]
                    .into_iter()
                    .filter(|v| !v.trim().is_empty())
                    .collect::<Vec<_>>()
                    .join(" · ");
                let line = if r.note.trim().is_empty() { head } else { format!("{head}\n\n{}", r.note.trim()) };
                text(status_label, line)
            })
            .collect(),
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::catalog::testing::*;
    use crate::plan::NewPlan;

    fn example(lang: Lang) -> Plan {
        crate::documents::plan::tests::example(lang)
    }

    #[test]
    fn the_overview_has_one_cell_per_plan_in_order() {
        let _c = content();
        let empty = Plan::new("e", NewPlan { title: "Tom".into(), ..Default::default() }, 0).unwrap();
        let nb = example(Lang::Nb);
        let rows = overview(cat(), &[&nb, &empty], "2026-12-01", Lang::Nb);
        assert!(rows.iter().all(|r| r.cells.len() == 2));
        let find = |label: &str| rows.iter().find(|r| r.label == label).unwrap_or_else(|| panic!("no row {label}"));
        assert_eq!(find("Tittel").cells[0], Item::Text { label: "Tittel".into(), text: nb.title.clone() });
        assert_eq!(find("Tittel").cells[1], Item::Text { label: "Tittel".into(), text: "Tom".into() });
        assert!(matches!(find("Virksomhet").cells[1], Item::Missing { .. }), "an empty part is named, not blank");
        let needs = nb.register("needs").iter().filter(|r| !r.is_empty()).count();
        assert!(needs > TOP_NEEDS);
        assert_eq!(find("Antall behov").cells[0], Item::Text { label: "Antall behov".into(), text: needs.to_string() });
        let Item::List { items: top, .. } = &find("De viktigste behovene").cells[0] else { panic!() };
        assert_eq!(top.len(), TOP_NEEDS);
        let must: Vec<&str> =
            nb.register("needs").iter().filter(|r| r.cell("priority") == "must").map(|r| r.cell("name")).collect();
        assert_eq!(top[0], must[0], "a must-have need comes first");
        let Item::List { items: questions, .. } = &find("Spørsmål til markedet").cells[0] else { panic!() };
        assert!(!questions.is_empty());
        let Item::Text { text: value, .. } = &find("Anslått verdi og regelverk").cells[0] else { panic!() };
        assert!(value.contains("kr") && value.contains("Del"), "{value}");
        let Item::Text { text: value, .. } = &find("Anslått verdi og regelverk").cells[1] else { panic!() };
        assert_eq!(value, "Verdien er ikke anslått");
    }

    #[test]
    fn a_step_side_by_side_carries_each_plans_answers() {
        let c = content();
        let tool = c.tool("needs").unwrap();
        let (nb, en) = (example(Lang::Nb), example(Lang::En));
        for step in &tool.steps {
            let rows = self::step(cat(), tool, &step.id, &[&nb, &en], Lang::Nb);
            assert_eq!(rows.len(), step.fields.len() + 1, "{}: a row per field and the status", step.id);
            assert!(rows.iter().all(|r| r.cells.len() == 2));
            // The example answers every field of the needs tool, in both languages.
            for row in &rows {
                assert!(
                    row.cells.iter().all(|c| !matches!(c, Item::Missing { .. })),
                    "{}: {} missing",
                    step.id,
                    row.label
                );
            }
        }
        assert!(self::step(cat(), tool, "no-such-step", &[&nb], Lang::Nb).is_empty());
    }
}

//! The benefits register's calculation aid: a yearly figure from "per task" × "tasks per year"
//! for the two benefit types that have one (KS's gevinstrealisering: cost per task today ×
//! tasks avoided; time per task × tasks). Quality has no formula: its indicator, baseline and
//! target say it.

use crate::catalog::Catalog;
use crate::format::{format_nok, format_number};
use crate::Lang;
use std::collections::BTreeMap;

pub const REGISTER: &str = "goals";

/// A yearly estimate for one benefit row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Estimate {
    /// Avoided cost: kroner per task × tasks per year.
    Kroner { per_task: u64, tasks: u64, per_year: u64 },
    /// Saved time: minutes per task × tasks per year, in whole hours (rounded).
    Hours { minutes: u64, tasks: u64, per_year: u64 },
}

fn number(cells: &BTreeMap<String, String>, column: &str) -> Option<u64> {
    cells.get(column)?.trim().parse().ok()
}

/// The estimate for a row (its cells) whose type has a formula and whose two numbers are filled
/// in. `None` when a number is missing or the product would not fit (a typing slip, not a
/// benefit).
pub fn estimate(cells: &BTreeMap<String, String>) -> Option<Estimate> {
    let (per_task, tasks) = (number(cells, "per_task")?, number(cells, "tasks_per_year")?);
    let product = per_task.checked_mul(tasks)?;
    match cells.get("kind").map(String::as_str).unwrap_or_default() {
        "avoided-cost" => Some(Estimate::Kroner { per_task, tasks, per_year: product }),
        "saved-time" => {
            Some(Estimate::Hours { minutes: per_task, tasks, per_year: product / 60 + u64::from(product % 60 >= 30) })
        }
        _ => None,
    }
}

/// The calculation written out: `NOK 350 per task × 4,000 tasks = NOK 1,400,000 per year`.
pub fn describe(cat: &Catalog, estimate: Estimate, lang: Lang) -> String {
    let n = |v| format_number(v, lang);
    match estimate {
        Estimate::Kroner { per_task, tasks, per_year } => cat.tf(
            lang,
            "benefit.estimate_kroner",
            &[
                ("per_task", &format_nok(per_task, lang)),
                ("tasks", &n(tasks)),
                ("per_year", &format_nok(per_year, lang)),
            ],
        ),
        Estimate::Hours { minutes, tasks, per_year } => cat.tf(
            lang,
            "benefit.estimate_hours",
            &[("minutes", &n(minutes)), ("tasks", &n(tasks)), ("per_year", &n(per_year))],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[(&str, &str)]) -> BTreeMap<String, String> {
        cells.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn avoided_cost_is_cost_per_task_times_tasks() {
        let r = row(&[("kind", "avoided-cost"), ("per_task", "350"), ("tasks_per_year", "4000")]);
        assert_eq!(estimate(&r), Some(Estimate::Kroner { per_task: 350, tasks: 4000, per_year: 1_400_000 }));
        assert_eq!(
            describe(&crate::catalog::test_catalog(), estimate(&r).unwrap(), Lang::En),
            "NOK 350 per task × 4,000 tasks = NOK 1,400,000 per year"
        );
        assert_eq!(
            describe(&crate::catalog::test_catalog(), estimate(&r).unwrap(), Lang::Nb),
            "350\u{a0}kr per oppgave × 4\u{a0}000 oppgaver = 1\u{a0}400\u{a0}000\u{a0}kr per år"
        );
    }

    #[test]
    fn saved_time_is_minutes_times_tasks_in_hours() {
        let r = row(&[("kind", "saved-time"), ("per_task", "20"), ("tasks_per_year", "4000")]);
        assert_eq!(estimate(&r), Some(Estimate::Hours { minutes: 20, tasks: 4000, per_year: 1333 }));
        assert_eq!(
            describe(&crate::catalog::test_catalog(), estimate(&r).unwrap(), Lang::Nn),
            "20 minutt × 4\u{a0}000 oppgåver = 1\u{a0}333 timar per år"
        );
        let half = row(&[("kind", "saved-time"), ("per_task", "1"), ("tasks_per_year", "30")]);
        assert_eq!(
            estimate(&half),
            Some(Estimate::Hours { minutes: 1, tasks: 30, per_year: 1 }),
            "half an hour rounds up"
        );
    }

    #[test]
    fn no_estimate_without_a_formula_or_both_numbers() {
        assert_eq!(estimate(&row(&[("kind", "quality"), ("per_task", "1"), ("tasks_per_year", "2")])), None);
        assert_eq!(estimate(&row(&[("kind", "avoided-cost"), ("per_task", "350")])), None);
        assert_eq!(estimate(&row(&[("kind", "avoided-cost"), ("per_task", "x"), ("tasks_per_year", "2")])), None);
        let huge = u64::MAX.to_string();
        assert_eq!(
            estimate(&row(&[("kind", "avoided-cost"), ("per_task", &huge), ("tasks_per_year", "2")])),
            None,
            "overflow is no figure"
        );
        // A product at the very top of the range still rounds without overflowing.
        let top = row(&[("kind", "saved-time"), ("per_task", "65535"), ("tasks_per_year", "281479271743489")]);
        assert_eq!(
            estimate(&top).map(|e| matches!(e, Estimate::Hours { per_year, .. } if per_year == u64::MAX / 60)),
            Some(true)
        );
    }
}

//! The plan library's index: what the home view lists without opening every plan.

use crate::plan::Plan;
use serde::{Deserialize, Serialize};

/// One line in the plan library.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanSummary {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub case_number: String,
    pub created_at: u64,
    pub updated_at: u64,
    /// Saves so far: with the last export's revision, how many changes an export would miss.
    #[serde(default)]
    pub revision: u64,
    /// The schema the stored text is written in, and its length in UTF-16 units (as the browser
    /// counts it): with these the library is listed from the index alone, and a stored plan that
    /// an older app, another tool or a damaged disk changed is told apart from what the index
    /// says without reading it (`storage::list_library`). 0 in indexes from before they existed.
    #[serde(default)]
    pub schema: u32,
    #[serde(default)]
    pub units: u64,
}

impl From<&Plan> for PlanSummary {
    fn from(plan: &Plan) -> Self {
        PlanSummary {
            id: plan.id.clone(),
            title: plan.title.clone(),
            organisation: plan.organisation.clone(),
            case_number: plan.case_number.clone(),
            created_at: plan.created_at,
            updated_at: plan.updated_at,
            revision: plan.revision,
            schema: plan.schema_version,
            units: 0,
        }
    }
}

/// Newest change first; ties broken by title so the order is stable.
pub fn sort_for_display(plans: &mut [PlanSummary]) {
    plans.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then_with(|| a.title.cmp(&b.title)));
}

/// Replaces or appends one summary.
pub fn upsert(plans: &mut Vec<PlanSummary>, summary: PlanSummary) {
    match plans.iter_mut().find(|p| p.id == summary.id) {
        Some(existing) => *existing = summary,
        None => plans.push(summary),
    }
}

/// "Kopi av X" in the user's language, unless that would exceed the title limit.
pub fn copy_title(prefix: &str, title: &str) -> String {
    let candidate = format!("{prefix} {title}");
    if crate::plan::validate_title(&candidate).is_ok() {
        candidate
    } else {
        title.to_string()
    }
}

/// "X (imported copy)" in the user's language; a title at the length limit is shortened to
/// make room, so the copy is always marked.
pub fn copy_title_suffix(title: &str, suffix: &str) -> String {
    let marker = format!(" ({suffix})");
    let room = crate::plan::MAX_TITLE_CHARS.saturating_sub(marker.chars().count() + 1);
    let kept: String = title.chars().take(room).collect();
    let ellipsis = if kept.len() < title.len() { "…" } else { "" };
    format!("{kept}{ellipsis}{marker}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(id: &str, title: &str, updated_at: u64) -> PlanSummary {
        PlanSummary {
            id: id.into(),
            title: title.into(),
            organisation: String::new(),
            case_number: String::new(),
            created_at: 0,
            updated_at,
            ..PlanSummary::default()
        }
    }

    #[test]
    fn sorts_newest_first_then_by_title() {
        let mut plans = vec![summary("a", "B", 1), summary("b", "A", 5), summary("c", "A", 1)];
        sort_for_display(&mut plans);
        let ids: Vec<_> = plans.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["b", "c", "a"]);
    }

    #[test]
    fn upsert_replaces_by_id() {
        let mut plans = vec![summary("a", "A", 1)];
        upsert(&mut plans, summary("a", "A2", 2));
        upsert(&mut plans, summary("b", "B", 2));
        assert_eq!(plans.len(), 2);
        assert_eq!(plans[0].title, "A2");
    }

    #[test]
    fn copy_title_respects_the_limit() {
        assert_eq!(copy_title("Kopi av", "Plan"), "Kopi av Plan");
        let long = "x".repeat(crate::plan::MAX_TITLE_CHARS);
        assert_eq!(copy_title("Kopi av", &long), long);
        assert_eq!(copy_title_suffix("Plan", "importert kopi"), "Plan (importert kopi)");
        let marked = copy_title_suffix(&long, "importert kopi");
        assert!(
            marked.ends_with("… (importert kopi)") && crate::plan::validate_title(&marked).is_ok(),
            "{}",
            marked.len()
        );
    }
}

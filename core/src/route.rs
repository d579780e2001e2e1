//! The app's views and their URL fragments. Hash routing works on any static host under any
//! sub-path with no server rules, and keeps deep links loadable offline.

/// A view of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Plan {
        plan: String,
    },
    Step {
        plan: String,
        tool: String,
        step: String,
    },
    /// A tool or phase without a step (`#/plan/<id>/needs`): the app opens the tool at its next
    /// step, and a phase at its page.
    Tool {
        plan: String,
        tool: String,
    },
    Document {
        plan: String,
        tool: String,
    },
    /// The whole plan as one document: print/PDF, Markdown, Word.
    PlanDocument {
        plan: String,
    },
    Decision {
        plan: String,
    },
    /// Earlier versions of a plan (snapshots), to look at and restore.
    Versions {
        plan: String,
    },
    /// KS's roadmap in this plan: the six phases and their progress.
    Roadmap {
        plan: String,
    },
    /// One phase of the roadmap: purpose, methods, questions, outputs, steps.
    Phase {
        plan: String,
        phase: String,
    },
    /// "When do we use what?": LUP's tools and KS's phases on one time line.
    Crosswalk {
        plan: String,
    },
    /// Every legal figure and rule the app uses, with sources and dates.
    Facts,
    /// About the app and privacy: what is stored where, for how long, how to delete it.
    About,
    /// The learning network's view: plan files side by side, read-only, never stored.
    Compare,
    NotFound,
}

impl Route {
    /// Parses `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let valid = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !parts.iter().all(|p| valid(p)) {
            return Route::NotFound;
        }
        let own = |s: &str| s.to_string();
        match parts.as_slice() {
            [] => Route::Home,
            ["facts"] => Route::Facts,
            ["about"] => Route::About,
            ["compare"] => Route::Compare,
            ["plan", plan] => Route::Plan { plan: own(plan) },
            ["plan", plan, "decision"] => Route::Decision { plan: own(plan) },
            ["plan", plan, "versions"] => Route::Versions { plan: own(plan) },
            ["plan", plan, "roadmap"] => Route::Roadmap { plan: own(plan) },
            ["plan", plan, "roadmap", phase] => Route::Phase { plan: own(plan), phase: own(phase) },
            ["plan", plan, "crosswalk"] => Route::Crosswalk { plan: own(plan) },
            ["plan", plan, "document"] => Route::PlanDocument { plan: own(plan) },
            ["plan", plan, tool] => Route::Tool { plan: own(plan), tool: own(tool) },
            ["plan", plan, tool, "document"] => Route::Document { plan: own(plan), tool: own(tool) },
            ["plan", plan, tool, step] => Route::Step { plan: own(plan), tool: own(tool), step: own(step) },
            _ => Route::NotFound,
        }
    }

    /// The fragment for a link, starting with `#`.
    pub fn href(&self) -> String {
        match self {
            Route::Home | Route::NotFound => "#/".into(),
            Route::Plan { plan } => format!("#/plan/{plan}"),
            Route::Step { plan, tool, step } => format!("#/plan/{plan}/{tool}/{step}"),
            Route::Tool { plan, tool } => format!("#/plan/{plan}/{tool}"),
            Route::Document { plan, tool } => format!("#/plan/{plan}/{tool}/document"),
            Route::PlanDocument { plan } => format!("#/plan/{plan}/document"),
            Route::Decision { plan } => format!("#/plan/{plan}/decision"),
            Route::Versions { plan } => format!("#/plan/{plan}/versions"),
            Route::Roadmap { plan } => format!("#/plan/{plan}/roadmap"),
            Route::Phase { plan, phase } => format!("#/plan/{plan}/roadmap/{phase}"),
            Route::Crosswalk { plan } => format!("#/plan/{plan}/crosswalk"),
            Route::Facts => "#/facts".into(),
            Route::About => "#/about".into(),
            Route::Compare => "#/compare".into(),
        }
    }

    /// The plan this view belongs to, if any.
    pub fn plan_id(&self) -> Option<&str> {
        match self {
            Route::Plan { plan }
            | Route::Step { plan, .. }
            | Route::Tool { plan, .. }
            | Route::Document { plan, .. }
            | Route::PlanDocument { plan }
            | Route::Decision { plan }
            | Route::Versions { plan }
            | Route::Roadmap { plan }
            | Route::Phase { plan, .. }
            | Route::Crosswalk { plan } => Some(plan),
            Route::Home | Route::Facts | Route::About | Route::Compare | Route::NotFound => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_view() {
        let plan = "p-abc123".to_string();
        for route in [
            Route::Home,
            Route::Plan { plan: plan.clone() },
            Route::Step { plan: plan.clone(), tool: "needs".into(), step: "needs-list".into() },
            Route::Tool { plan: plan.clone(), tool: "needs".into() },
            Route::Document { plan: plan.clone(), tool: "dialogue".into() },
            Route::PlanDocument { plan: plan.clone() },
            Route::Decision { plan: plan.clone() },
            Route::Versions { plan: plan.clone() },
            Route::Roadmap { plan: plan.clone() },
            Route::Phase { plan: plan.clone(), phase: "insight".into() },
            Route::Crosswalk { plan: plan.clone() },
            Route::Step { plan: plan.clone(), tool: "insight".into(), step: "interviews".into() },
            Route::Facts,
            Route::About,
            Route::Compare,
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }

    #[test]
    fn tolerates_empty_and_rejects_odd_fragments() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#main"), Route::NotFound);
        assert_eq!(Route::parse("#/plan/<script>"), Route::NotFound);
        assert_eq!(Route::parse("#/plan/a/b/c/d"), Route::NotFound);
        assert_eq!(Route::parse("#/plan/x").plan_id(), Some("x"));
    }
}

use super::*;
#[allow(unused_imports)]
use crate::catalog::testing::*;
use crate::content::step_key;
use crate::plan::{Answer, NewPlan, StepMark};

const TODAY: &str = "2026-12-01";

fn plan() -> Plan {
    Plan::new("p", NewPlan { title: "T".into(), ..Default::default() }, 0).unwrap()
}

/// Marks every step of a worksheet done.
fn finish(plan: &mut Plan, id: &str) {
    let tool = content().tool(id).unwrap();
    for step in &tool.steps {
        plan.set_step_status(&step_key(id, &step.id), Some(StepMark::Done), 1);
    }
}

fn choose(plan: &mut Plan, key: &str, option: &str) {
    plan.set_answer(key, Answer::Choice(option.into()), 1);
}

/// (waypoint id, step id, reason) of the suggestion, for compact expectations.
fn next(plan: &Plan, spine: Spine) -> Option<(&'static str, Option<String>, NextReason)> {
    next_suggestion(content(), plan, spine, TODAY).map(|s| (s.waypoint.id(), s.step.map(|st| st.id.clone()), s.reason))
}

fn w(id: &str) -> Waypoint {
    waypoint(content(), id)
}

#[test]
fn every_sequence_and_stage_reference_resolves() {
    for spine in [Spine::Lup, Spine::Roadmap] {
        for innovation in [false, true] {
            let ids = sequence(spine, innovation);
            for id in &ids {
                assert!(*id == "decision" || content().tool(id).is_some(), "{id}");
            }
            let unique: std::collections::BTreeSet<_> = ids.iter().collect();
            assert_eq!(unique.len(), ids.len(), "no stop twice");
            assert_eq!(
                stages(content(), spine, innovation).len(),
                content().crosswalk.stages.len(),
                "every stage, once"
            );
        }
    }
    for id in crate::content::TOOL_IDS.iter().chain(&crate::content::PHASE_IDS) {
        assert!(sequence(Spine::Roadmap, false).contains(id), "the roadmap spine passes {id}");
    }
    for stage in &content().crosswalk.stages {
        for reference in stage.lup.iter().chain(&stage.ks) {
            assert!(place(content(), reference).is_some(), "{}: {reference}", stage.id);
        }
        for register in &stage.shared {
            assert!(content().register(register).is_some(), "{}: register {register}", stage.id);
        }
        assert!(!stage.lup.is_empty() || !stage.ks.is_empty(), "{}", stage.id);
    }
    assert_eq!(place(content(), "needs:nowhere"), None);
    assert_eq!(place(content(), "nowhere"), None);
}

#[test]
fn the_spine_follows_change_or_buy_and_the_route() {
    let mut p = plan();
    assert_eq!(suggested_spine(&p, TODAY), (Spine::Lup, SpineReason::NotAnswered));
    choose(&mut p, CHANGE_OR_BUY_KEY, "buy");
    assert_eq!(suggested_spine(&p, TODAY), (Spine::Lup, SpineReason::ClearPurchase));
    choose(&mut p, "startup/route/first-view", "innovation-procurement");
    assert_eq!(suggested_spine(&p, TODAY), (Spine::Roadmap, SpineReason::UnknownSolution), "the first view counts");
    p.decision.chosen_route = Some("innovation-friendly-open".into());
    assert_eq!(
        suggested_spine(&p, TODAY),
        (Spine::Lup, SpineReason::ClearPurchase),
        "the team's route wins over the first view"
    );
    choose(&mut p, CHANGE_OR_BUY_KEY, "both");
    assert_eq!(suggested_spine(&p, TODAY), (Spine::Roadmap, SpineReason::ChangeAndPurchase));
    choose(&mut p, CHANGE_OR_BUY_KEY, "own-change");
    assert_eq!(suggested_spine(&p, TODAY), (Spine::Roadmap, SpineReason::ServiceChange));
    assert_eq!(spine(&p, TODAY), Spine::Roadmap);
    p.set_spine(Some(Spine::Lup), 2);
    assert_eq!(spine(&p, TODAY), Spine::Lup, "the team can switch");
    assert_eq!(suggested_spine(&p, TODAY).0, Spine::Roadmap, "and still see the suggestion");
}

/// The named situations of issue 10, along both spines.
#[test]
fn the_next_step_in_named_situations() {
    // Nothing done: each spine starts at its first stop, at the first step.
    let p = plan();
    assert_eq!(next(&p, Spine::Lup), Some(("leadership", Some("strategic-link".into()), NextReason::Start)));
    assert_eq!(next(&p, Spine::Roadmap), Some(("anchoring", Some("problem-goals".into()), NextReason::Start)));

    // Anchoring done (the roadmap's phase 1, or LUP's leadership and start-up tools).
    let mut p = plan();
    finish(&mut p, "leadership");
    assert_eq!(next(&p, Spine::Roadmap).map(|n| n.2), Some(NextReason::FirstStop), "not “nothing is done”");
    let mut p = plan();
    finish(&mut p, "anchoring");
    assert_eq!(
        next(&p, Spine::Roadmap),
        Some((
            "startup",
            Some("trigger".into()),
            NextReason::AfterPrevious { previous: w("anchoring"), previous_skipped: false }
        ))
    );
    let mut p = plan();
    finish(&mut p, "leadership");
    finish(&mut p, "startup");
    assert_eq!(
        next(&p, Spine::Lup),
        Some((
            "needs",
            Some("problem".into()),
            NextReason::AfterPrevious { previous: w("startup"), previous_skipped: false }
        ))
    );

    // The needs description done and no market dialogue: the dialogue is next.
    let mut p = plan();
    for id in ["leadership", "startup", "needs"] {
        finish(&mut p, id);
    }
    let (id, step, reason) = next(&p, Spine::Lup).unwrap();
    assert_eq!((id, step.as_deref()), ("dialogue", Some("purpose")));
    assert_eq!(reason, NextReason::AfterPrevious { previous: w("needs"), previous_skipped: false });
    // On the roadmap, with the new service already being shaped, the reason says why it is urgent.
    for id in ["anchoring", "insight"] {
        finish(&mut p, id);
    }
    p.set_step_status("development/ideas", Some(StepMark::InProgress), 2);
    assert_eq!(next(&p, Spine::Roadmap).unwrap().2, NextReason::DialogueBeforeSolution { previous: w("leadership") });

    // Procurement of innovation chosen: on the roadmap the procedure is chosen before development,
    // because development happens with the supplier under contract.
    let mut p = plan();
    p.decision.chosen_route = Some("procurement-of-innovation".into());
    for id in ["anchoring", "startup", "insight", "needs", "leadership", "dialogue"] {
        finish(&mut p, id);
    }
    p.decision.chosen_route = None;
    choose(&mut p, "startup/route/first-view", "innovation-procurement");
    assert_eq!(next(&p, Spine::Roadmap).map(|n| n.0), Some("decision"), "decide before developing");
    choose(&mut p, "startup/route/first-view", "innovation-friendly");
    assert_eq!(
        next(&p, Spine::Roadmap).map(|n| n.0),
        Some("development"),
        "otherwise develop first, buy in transition"
    );
    p.decision.chosen_route = Some("procurement-of-innovation".into());
    assert_eq!(next(&p, Spine::Roadmap).map(|n| n.0), Some("development"), "once chosen, the decision is done");

    // Everything done or skipped: nothing to suggest.
    let mut p = plan();
    for id in crate::content::TOOL_IDS.iter().chain(&crate::content::PHASE_IDS) {
        finish(&mut p, id);
    }
    assert_eq!(next(&p, Spine::Lup).map(|n| n.0), Some("decision"), "the route is still open");
    p.decision.chosen_route = Some("innovation-friendly-open".into());
    assert_eq!(next(&p, Spine::Lup), None);
    assert_eq!(next(&p, Spine::Roadmap), None);
}

#[test]
fn a_skipped_stop_is_passed_and_named_as_skipped() {
    let mut p = plan();
    let tool = content().tool("leadership").unwrap();
    for step in &tool.steps {
        p.set_step_status(&step_key("leadership", &step.id), Some(StepMark::NotRelevant), 1);
    }
    assert_eq!(
        next(&p, Spine::Lup).unwrap().2,
        NextReason::AfterPrevious { previous: w("leadership"), previous_skipped: true }
    );
}

#[test]
fn the_roadmap_orders_the_decision_by_route() {
    let ids =
        |spine, innovation| stages(content(), spine, innovation).iter().map(|s| s.id.as_str()).collect::<Vec<_>>();
    assert_eq!(ids(Spine::Lup, false), ["anchor", "insight", "dialogue", "decide", "develop", "operate"]);
    assert_eq!(ids(Spine::Roadmap, false), ["anchor", "insight", "dialogue", "develop", "decide", "operate"]);
    assert_eq!(ids(Spine::Roadmap, true), ["anchor", "insight", "dialogue", "decide", "develop", "operate"]);
}

#[test]
fn every_reason_comes_out_of_reason_key_with_a_text_in_every_language() {
    let key = |p: &Plan, spine| next_suggestion(content(), p, spine, TODAY).unwrap().reason_key(p).0;
    let mut keys = std::collections::BTreeSet::new();
    let mut p = plan();
    keys.insert(key(&p, Spine::Lup));
    finish(&mut p, "anchoring");
    keys.insert(key(&p, Spine::Lup)); // leadership is LUP's first stop: not "nothing is done"
    keys.insert(key(&p, Spine::Roadmap)); // start-up after anchoring, not started
    p.set_answer("startup/trigger/situation", Answer::Text("Vi har startet".into()), 2);
    keys.insert(key(&p, Spine::Roadmap)); // start-up after anchoring, started
    let skip = |p: &mut Plan, id: &str| {
        for step in &content().tool(id).unwrap().steps {
            p.set_step_status(&step_key(id, &step.id), Some(StepMark::NotRelevant), 3);
        }
    };
    let mut q = plan();
    skip(&mut q, "leadership");
    keys.insert(key(&q, Spine::Lup)); // start-up, not started
    q.set_answer("startup/trigger/situation", Answer::Text("Vi har startet".into()), 4);
    keys.insert(key(&q, Spine::Lup)); // start-up, started
    let mut r = plan();
    for id in ["anchoring", "startup", "insight", "needs", "leadership"] {
        finish(&mut r, id);
    }
    r.set_step_status("piloting/plan", Some(StepMark::InProgress), 5);
    keys.insert(key(&r, Spine::Roadmap));
    assert_eq!(
        keys.iter().copied().collect::<Vec<_>>(),
        [
            "guide.reason.dialogue_before_solution",
            "guide.reason.done_not_finished",
            "guide.reason.done_not_started",
            "guide.reason.first_stop",
            "guide.reason.skipped_not_finished",
            "guide.reason.skipped_not_started",
            "guide.reason.start",
        ]
    );
    for lang in crate::Lang::ALL {
        let known: std::collections::BTreeSet<&str> = cat().texts().keys(lang).collect();
        for key in keys.iter().chain(&["guide.all_done"]) {
            assert!(known.contains(key), "{key} has no {lang:?} text");
        }
    }
}

#[test]
fn a_dialogue_already_under_way_is_not_urged_again() {
    let mut p = plan();
    for id in ["anchoring", "startup", "insight", "needs", "leadership"] {
        finish(&mut p, id);
    }
    p.set_step_status("development/ideas", Some(StepMark::InProgress), 1);
    p.set_step_status("dialogue/purpose", Some(StepMark::InProgress), 2);
    let (id, _, reason) = next(&p, Spine::Roadmap).unwrap();
    assert_eq!(id, "dialogue");
    assert_eq!(reason, NextReason::AfterPrevious { previous: w("leadership"), previous_skipped: false });
    // With nothing shaped yet, the ordinary reason too.
    let mut q = plan();
    for id in ["anchoring", "startup", "insight", "needs", "leadership"] {
        finish(&mut q, id);
    }
    assert!(matches!(next(&q, Spine::Roadmap).unwrap().2, NextReason::AfterPrevious { .. }));
}

//! The estimated value and what follows from it, wherever the value is shown or used: which part
//! of the regulations applies (under the value in the start-up tool, as in the decision helper),
//! and, while the text typed for the value cannot be read, that what is worked out rests on the
//! last valid value.

use crate::clock::today_iso;
use crate::components::source_link::SourceLink;
use crate::i18n::{tr, trf, txt};
use crate::session::use_session;
use crate::state::use_app;
use ioa_core::decision::{outcome, VALUE_KEY};
use ioa_core::decision_text::RegimeNote;
use ioa_core::format::format_nok;
use ioa_core::plan::Answer;
use ioa_core::route::Route;
use leptos::prelude::*;

/// While the text typed for the value is not an amount: what was typed, and that results rest
/// on the last valid value (or on no value). Nothing otherwise.
#[component]
pub fn StaleValueNote() -> impl IntoView {
    let app = use_app();
    let session = use_session();
    let stale = Memo::new(move |_| {
        session.plan.with(|p| {
            let typed = p.invalid_draft(VALUE_KEY)?.to_string();
            let last = match p.answer(VALUE_KEY) {
                Some(Answer::Amount(v)) => Some(*v),
                _ => None,
            };
            Some((typed, last))
        })
    });
    move || {
        stale.get().map(|(typed, last)| {
            let lang = app.lang.get();
            let text = match last {
                Some(v) => trf(lang, "value.stale", &[("typed", &typed), ("value", &format_nok(v, lang))]),
                None => trf(lang, "value.stale_none", &[("typed", &typed)]),
            };
            view! {
                <div class="ds-alert stale-value" data-color="warning">
                    <p class="ds-paragraph" data-size="sm">{text}</p>
                </div>
            }
        })
    }
}

/// A caveat beside the regime; uncertain figures are warnings, with where to check them.
#[component]
pub fn RegimeNoteView(note: RegimeNote) -> impl IntoView {
    let warning = note.id != "at-threshold";
    view! {
        <div class=if warning { "ds-alert regime-note" } else { "regime-note" } data-color=warning.then_some("warning") data-note=note.id>
            <p class="ds-paragraph" data-size="sm">
                {note.text}
                {note.source.map(|s| view! { " " <SourceLink source=s/> })}
            </p>
        </div>
    }
}

/// Under the value in the start-up tool: which part of the regulations applies at the value (the
/// decision helper's own words), its caveats, and the way to the decision helper.
#[component]
pub fn ValueRegime() -> impl IntoView {
    let cat = crate::catalog::use_catalog();
    let app = use_app();
    let session = use_session();
    let today = StoredValue::new(today_iso());
    let result = Memo::new(move |_| {
        session.plan.with(|p| {
            let o = today.with_value(|today| outcome(p, today));
            (o.assessment, o.effective.value)
        })
    });
    let decision_href = session.plan.with_untracked(|p| Route::Decision { plan: p.id.clone() }.href());
    view! {
        <section class="value-regime" aria-labelledby="value-regime-heading">
            <h3 id="value-regime-heading" class="ds-heading" data-size="2xs">{txt("decision.regulations")}</h3>
            // Only what changes with the value is a live region, so a change reads out just that.
            <div class="value-regime__live" aria-live="polite">
                <StaleValueNote/>
                {move || {
                    let lang = app.lang.get();
                    let (assessment, value) = result.get();
                    view! {
                        <p class="ds-paragraph regime-text" data-size="sm">{today.with_value(|today| cat.get().regime_text(&assessment, value, today, lang))}</p>
                        {cat.get().regime_notes(&assessment, lang).into_iter().map(|n| view! { <RegimeNoteView note=n/> }).collect_view()}
                    }
                }}
            </div>
            <p class="ds-paragraph" data-size="sm">
                <a class="ds-link" href=decision_href>{move || tr(app.lang.get(), "value.to_decision")}</a>
            </p>
        </section>
    }
}

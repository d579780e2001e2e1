//! What the team records about a step, below its fields on every worksheet (LUP's tools and
//! the roadmap's phases alike): status, why it is not relevant, who is responsible, by when,
//! and a note.

use crate::clock::today_iso;
use crate::i18n::{tr, txt};
use crate::session::{plan_value, use_session};
use crate::state::use_app;
use ioa_core::plan::{StepMark, StepPart, StepRecord};
use ioa_core::plan_file::MAX_DETAIL_CHARS;
use ioa_core::progress::{is_overdue, Status};
use leptos::prelude::*;

#[component]
pub fn StepRecordEditor(
    /// `tool/step` or `phase/step`.
    key: String,
    /// The step's status now.
    #[prop(into)]
    shown: Signal<Status>,
    /// The status it has by itself (from what is written): choosing it clears the team's own,
    /// so a step marked "not started" and then filled in shows "in progress" again.
    #[prop(into)]
    automatic: Signal<Status>,
) -> impl IntoView {
    let app = use_app();
    let session = use_session();
    let key = StoredValue::new(key);
    let record = plan_value(session, move |p| key.with_value(|k| p.step(k)));
    let part = move |read: fn(&StepRecord) -> &String| {
        move || record.with(|r| r.as_ref().map(|r| read(r).clone()).unwrap_or_default())
    };
    let set_part = move |which: StepPart, value: String| {
        let k = key.get_value();
        session.edit(move |plan, now| plan.set_step_part(&k, which, value, now));
    };
    let set_status = move |mark: StepMark| {
        let k = key.get_value();
        // What was just typed decides the automatic status: let its memo see it first.
        session.catch_up();
        let own = (Status::from(mark) != automatic.get_untracked()).then_some(mark);
        session.edit(move |plan, now| plan.set_step_status(&k, own, now));
    };
    let not_relevant = move || shown.get() == Status::NotRelevant;
    let overdue = move || record.with(|r| r.as_ref().is_some_and(|r| is_overdue(&r.due, shown.get(), &today_iso())));
    view! {
        <section class="ds-card step-record" aria-labelledby="step-record-heading">
            <h2 id="step-record-heading" class="ds-heading" data-size="xs">{txt("step_record.title")}</h2>
            <fieldset class="ds-fieldset step-record__status">
                <legend class="ds-label">{txt("step_record.status")}</legend>
                <div class="choice-list choice-list--inline">
                    {StepMark::ALL
                        .into_iter()
                        .map(|mark| {
                            let id = format!("step-status-{}", mark.id());
                            view! {
                                <div class="ds-field choice">
                                    <input class="ds-input" type="radio" id=id.clone() name="step-status"
                                        prop:checked=move || StepMark::from(shown.get()) == mark
                                        on:change=move |_| set_status(mark)/>
                                    <label class="ds-label" data-weight="regular" for=id>
                                        {move || tr(app.lang.get(), Status::from(mark).label_key())}
                                    </label>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <Show when=not_relevant>
                <div class="ds-field">
                    <label class="ds-label" for="step-reason">{txt("step_record.reason")}</label>
                    <input id="step-reason" class="ds-input" type="text" maxlength=MAX_DETAIL_CHARS prop:value=part(|r| &r.reason)
                        on:input:target=move |ev| set_part(StepPart::Reason, ev.target().value())/>
                </div>
            </Show>
            <div class="step-record__row">
                <div class="ds-field">
                    <label class="ds-label" for="step-owner">{txt("step_record.owner")}</label>
                    <input id="step-owner" class="ds-input" type="text" autocomplete="off" maxlength=MAX_DETAIL_CHARS prop:value=part(|r| &r.owner)
                        on:input:target=move |ev| set_part(StepPart::Owner, ev.target().value())/>
                </div>
                <div class="ds-field">
                    <label class="ds-label" for="step-due">{txt("step_record.due")}</label>
                    <input id="step-due" class="ds-input input--date" type="date" autocomplete="off" prop:value=part(|r| &r.due)
                        aria-describedby=move || overdue().then_some("step-due-late")
                        on:input:target=move |ev| set_part(StepPart::Due, ev.target().value())/>
                    <Show when=overdue>
                        <p id="step-due-late" class="ds-validation-message" data-color="warning">{txt("step_record.overdue")}</p>
                    </Show>
                </div>
            </div>
            <div class="ds-field">
                <label class="ds-label" for="step-note">{txt("step_record.note")}</label>
                <textarea id="step-note" class="ds-input" autocomplete="off" rows="3" prop:value=part(|r| &r.note)
                    on:input:target=move |ev| set_part(StepPart::Note, ev.target().value())></textarea>
            </div>
        </section>
    }
}

//! A plan from a file has the id of a plan already here: both side by side, and the user
//! chooses to keep both, replace (the plan here is kept as a snapshot first), or skip it.

use crate::clock::format_timestamp;
use crate::i18n::{tr, trf, txt};
use crate::state::use_app;
use crate::transfer::{self, Conflict};
use ioa_core::plan::Plan;
use leptos::prelude::*;

#[component]
pub fn ConflictDialog(
    conflicts: RwSignal<Vec<Conflict>>,
    /// Called with the file's name and what was done with its plan, once it is off the list.
    report_done: Callback<(String, String)>,
) -> impl IntoView {
    let app = use_app();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let error: RwSignal<Option<&'static str>> = RwSignal::new(None);
    let current = Memo::new(move |_| conflicts.with(|c| c.first().cloned()));

    // Open while a conflict waits; closed when none is left.
    Effect::new(move |_| {
        let waiting = current.with(Option::is_some);
        if let Some(d) = dialog.get() {
            if waiting && !d.open() {
                let _ = d.show_modal();
            } else if !waiting && d.open() {
                d.close();
            }
        }
    });

    // Inside the modal the page's live regions are inert: the dialog says what just happened
    // itself, and the page announces it once the dialog is closed.
    let last_done: RwSignal<Option<String>> = RwSignal::new(None);
    let next = move |message: String| {
        error.set(None);
        let mut file = String::new();
        conflicts.update(|c| {
            if !c.is_empty() {
                file = c.remove(0).file_name;
            }
        });
        report_done.run((file, message.clone()));
        if conflicts.with_untracked(Vec::is_empty) {
            last_done.set(None);
            app.announcement.set(message);
        } else {
            last_done.set(Some(message));
        }
    };
    // Keep both or replace: store the plan (the code that stores plans may still have to be
    // fetched: a second click meanwhile does nothing), then say so with `done_key`.
    let busy = StoredValue::new(false);
    let resolve = move |replace: bool, done_key: &'static str| {
        let Some(conflict) = current.get_untracked() else { return };
        if busy.get_value() {
            return;
        }
        busy.set_value(true);
        leptos::task::spawn_local(async move {
            let lang = app.lang.get_untracked();
            let stored =
                if replace { transfer::replace(app, conflict).await } else { transfer::keep_both(app, conflict).await };
            busy.set_value(false);
            match stored {
                Ok(summary) => next(trf(lang, done_key, &[("title", &summary.title)])),
                Err(_) => error.set(Some("import_conflict.error")),
            }
        });
    };
    let keep_both = move |_| resolve(false, "import_conflict.kept_both");
    let replace = move |_| resolve(true, "import_conflict.replaced");
    let skip = move || {
        let Some(conflict) = current.get_untracked() else { return };
        let lang = app.lang.get_untracked();
        next(trf(lang, "import_conflict.skipped", &[("title", &conflict.incoming.title)]));
    };
    // Escape closes the dialog: that is "skip" for this plan (nothing is stored).
    let on_cancel = move |ev: leptos::ev::Event| {
        ev.prevent_default();
        skip();
    };

    view! {
        <dialog class="ds-dialog conflict-dialog" node_ref=dialog aria-labelledby="conflict-title" on:cancel=on_cancel>
            <p role="status" class="ds-paragraph conflict-dialog__done" data-size="sm">{move || last_done.get()}</p>
            {move || current.get().map(|c| {
                let lang = app.lang.get();
                view! {
                    <h2 id="conflict-title" class="ds-heading" data-size="sm">{tr(lang, "import_conflict.title")}</h2>
                    <p class="ds-paragraph">{trf(lang, "import_conflict.intro", &[("file", &c.file_name)])}</p>
                    <div class="conflict-compare">
                        {comparison(&c.existing, &c.incoming, "import_conflict.here", lang)}
                        {comparison(&c.incoming, &c.existing, "import_conflict.in_file", lang)}
                    </div>
                    <p class="ds-paragraph" data-size="sm">{tr(lang, "import_conflict.replace_note")}</p>
                }
            })}
            {move || error.get().map(|key| view! {
                <p class="ds-validation-message" data-color="danger" role="alert">{move || tr(app.lang.get(), key)}</p>
            })}
            <div class="button-row">
                <button type="button" class="ds-button" data-variant="primary" on:click=keep_both>{txt("import_conflict.keep_both")}</button>
                <button type="button" class="ds-button" data-variant="secondary" on:click=replace>{txt("import_conflict.replace")}</button>
                <button type="button" class="ds-button" data-variant="tertiary" on:click=move |_| skip()>{txt("import_conflict.skip")}</button>
            </div>
        </dialog>
    }
}

/// One side of the comparison: `plan`, described against `other`.
fn comparison(plan: &Plan, other: &Plan, heading: &'static str, lang: ioa_core::Lang) -> impl IntoView {
    let key = (plan.updated_at, plan.revision);
    let other_key = (other.updated_at, other.revision);
    let newer = if key == other_key {
        tr(lang, "import_conflict.same")
    } else if key > other_key {
        tr(lang, "import_conflict.newer")
    } else {
        tr(lang, "import_conflict.older")
    };
    let rows: [(&str, String); 4] = [
        ("import_conflict.row.title", plan.title.clone()),
        ("import_conflict.row.changed", format_timestamp(plan.updated_at, lang)),
        ("import_conflict.row.revision", plan.revision.to_string()),
        ("import_conflict.row.newer", newer.to_string()),
    ];
    view! {
        <section class="conflict-side">
            <h3 class="ds-heading" data-size="2xs">{tr(lang, heading)}</h3>
            <dl>
                {rows.into_iter().map(|(label, value)| view! { <dt>{tr(lang, label)}</dt><dd>{value}</dd> }).collect_view()}
            </dl>
        </section>
    }
}

//! A plan from a file has the id of a plan already here: both side by side, and the user
//! chooses to keep both, replace (the plan here is kept as a snapshot first), or skip it.

use crate::clock::format_timestamp;
use crate::i18n::{tr, trf, txt};
use crate::state::use_app;
use crate::transfer::{self, Conflict};
use ioa_core::plan::Plan;
use leptos::prelude::*;

#[component]
pub fn ConflictDialog(conflicts: RwSignal<Vec<Conflict>>, report_done: Callback<String>) -> impl IntoView {
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
        report_done.run(message.clone());
        conflicts.update(|c| {
            if !c.is_empty() {
                c.remove(0);
            }
        });
        if conflicts.with_untracked(Vec::is_empty) {
            last_done.set(None);
            app.announcement.set(message);
        } else {
            last_done.set(Some(message));
        }
    };
    let keep_both = move |_| {
        let Some(conflict) = current.get_untracked() else { return };
        let lang = app.lang.get_untracked();
        match transfer::keep_both(app, &conflict) {
            Ok(summary) => next(trf(lang, "import_conflict.kept_both", &[("title", &summary.title)])),
            Err(_) => error.set(Some("import_conflict.error")),
        }
    };
    let replace = move |_| {
        let Some(conflict) = current.get_untracked() else { return };
        let lang = app.lang.get_untracked();
        match transfer::replace(app, &conflict) {
            Ok(summary) => next(trf(lang, "import_conflict.replaced", &[("title", &summary.title)])),
            Err(_) => error.set(Some("import_conflict.error")),
        }
    };
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
                    <table class="ds-table conflict-table" data-size="sm">
                        <thead>
                            <tr>
                                <td></td>
                                <th scope="col">{tr(lang, "import_conflict.here")}</th>
                                <th scope="col">{tr(lang, "import_conflict.in_file")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {comparison_rows(&c.existing, &c.incoming, lang)}
                        </tbody>
                    </table>
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

fn comparison_rows(here: &Plan, file: &Plan, lang: ioa_core::Lang) -> impl IntoView {
    let newer = |a: &Plan, b: &Plan| (a.updated_at, a.revision) > (b.updated_at, b.revision);
    let same = (here.updated_at, here.revision) == (file.updated_at, file.revision);
    let newer_text = |is_newer: bool| match (same, is_newer) {
        (true, _) => tr(lang, "import_conflict.same"),
        (false, true) => tr(lang, "import_conflict.newer"),
        (false, false) => "",
    };
    let rows: [(&str, String, String); 4] = [
        ("import_conflict.row.title", here.title.clone(), file.title.clone()),
        ("import_conflict.row.changed", format_timestamp(here.updated_at, lang), format_timestamp(file.updated_at, lang)),
        ("import_conflict.row.revision", here.revision.to_string(), file.revision.to_string()),
        ("import_conflict.row.newer", newer_text(newer(here, file)).to_string(), newer_text(newer(file, here)).to_string()),
    ];
    rows.into_iter()
        .map(|(label, a, b)| view! {
            <tr>
                <th scope="row">{tr(lang, label)}</th>
                <td>{a}</td>
                <td>{b}</td>
            </tr>
        })
        .collect_view()
}

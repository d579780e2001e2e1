//! "Export as file" for the open plan: in every plan page's header, and in the overview's "keep a
//! copy" part. What is on screen is saved first, so the file and storage agree.

use crate::i18n::{trf, txt};
use crate::session::use_session;
use crate::state::use_app;
use leptos::prelude::*;

/// The button, with what came of the last export under it (said to screen readers too).
#[component]
pub fn ExportButton(
    /// `primary` where exporting is the point of the part, `secondary` in the header.
    #[prop(default = "primary")]
    variant: &'static str,
    /// `sm` in the header.
    #[prop(optional)]
    size: Option<&'static str>,
) -> impl IntoView {
    let app = use_app();
    let session = use_session();
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let done: RwSignal<Option<String>> = RwSignal::new(None);
    let export = move |_| {
        // If saving fails the file still holds what is on screen.
        session.flush();
        let lang = app.lang.get_untracked();
        let plan = session.plan.get_untracked();
        leptos::task::spawn_local(async move {
            let title = plan.title.clone();
            match crate::transfer::export_plan(app, plan).await {
                Ok(()) => {
                    error.set(None);
                    done.set(Some(trf(lang, "export_result.done", &[("title", &title)])));
                }
                Err(failure) => {
                    done.set(None);
                    error.set(Some(failure.message(lang)));
                }
            }
        });
    };
    view! {
        <div class="export-action">
            <button type="button" class="ds-button export-button" data-variant=variant data-size=size on:click=export>{txt("export.one")}</button>
            <p role="status" class="ds-paragraph export-action__status" data-size="sm">{move || done.get()}</p>
            {move || error.get().map(|text| view! { <p class="ds-validation-message" data-color="danger" role="alert">{text}</p> })}
        </div>
    }
}

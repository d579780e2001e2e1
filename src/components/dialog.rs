//! A modal `<dialog>` driven by a signal: shown with `showModal()` while `open` holds and closed
//! when it no longer does; Escape asks `on_dismiss` (which must end `open`, or keep it for a
//! dialog that stays, as the import conflicts do), and closing gives the focus back to whatever
//! had it when the dialog opened. `ConfirmDialog` is the yes-or-cancel question built on it.

use crate::components::button::{Button, Variant};
use crate::i18n::txt;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component(transparent)]
pub fn Modal(
    #[prop(into)] open: Signal<bool>,
    on_dismiss: Callback<()>,
    /// The id of the dialog's heading.
    labelled_by: String,
    #[prop(default = "ds-dialog")] class: &'static str,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let opener: StoredValue<Option<web_sys::HtmlElement>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        let wanted = open.get();
        let Some(d) = dialog.get() else { return };
        if wanted && !d.open() {
            let focused = document().active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            opener.set_value(focused);
            let _ = d.show_modal();
        } else if !wanted && d.open() {
            d.close();
        }
    });
    // Escape: the owner decides (the dialog closes when `open` ends).
    let on_cancel = move |ev: leptos::ev::Event| {
        ev.prevent_default();
        on_dismiss.run(());
    };
    let on_close = move |_| {
        // Closed by the browser itself (a second Escape cannot be refused): say so.
        if open.get_untracked() {
            on_dismiss.run(());
        }
        if let Some(element) = opener.try_update_value(Option::take).flatten() {
            if element.is_connected() {
                let _ = element.focus();
            }
        }
    };
    view! {
        <dialog class=class node_ref=dialog aria-labelledby=labelled_by on:cancel=on_cancel on:close=on_close>
            {children()}
        </dialog>
    }
}

/// Asks before something that cannot be undone: a heading, what it does, and the danger
/// button (`confirm`) beside "Cancel", which has the focus.
#[component(transparent)]
pub fn ConfirmDialog(
    open: RwSignal<bool>,
    /// The heading's id.
    id: String,
    title: &'static str,
    confirm: &'static str,
    on_confirm: Callback<()>,
    children: Children,
) -> impl IntoView {
    let close = Callback::new(move |()| open.set(false));
    view! {
        <Modal open on_dismiss=close labelled_by=id.clone()>
            <h2 class="ds-heading" data-size="sm" id=id>{txt(title)}</h2>
            <p class="ds-paragraph">{children()}</p>
            <div class="button-row">
                <Button variant=Variant::Primary danger=true on_click=move |_| {
                    open.set(false);
                    on_confirm.run(());
                } label=confirm/>
                <Button autofocus=true on_click=move |_| close.run(()) label="common.cancel"/>
            </div>
        </Modal>
    }
}

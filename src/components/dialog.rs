//! A modal `<dialog>` and the yes-or-cancel question built on it. The owner holds a [`Modal`]
//! and opens or closes it where the user asks (or, for a dialog that follows a signal, from its
//! own effect): a handle, not a signal the dialog watches, so no effect is built per dialog.

use crate::components::button::{Button, Variant};
use crate::i18n::txt;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A `<dialog>`'s node and the element that had the focus when it opened.
#[derive(Clone, Copy)]
pub struct Modal {
    node: NodeRef<html::Dialog>,
    opener: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
}

impl Modal {
    pub fn new() -> Self {
        Modal { node: NodeRef::new(), opener: StoredValue::new_local(None) }
    }

    /// For the `<dialog>`'s `node_ref`.
    pub fn node(self) -> NodeRef<html::Dialog> {
        self.node
    }

    /// `showModal()`, unless it is open; remembers what had the focus.
    pub fn open(self) {
        let Some(dialog) = self.node.get_untracked() else { return };
        if !dialog.open() {
            let focused = document().active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            self.opener.set_value(focused);
            let _ = dialog.show_modal();
        }
    }

    pub fn close(self) {
        if let Some(dialog) = self.node.get_untracked() {
            dialog.close();
        }
    }

    /// On `close` (a button, or Escape): the focus goes back to what opened it, if still there.
    fn give_focus_back(self) {
        if let Some(element) = self.opener.try_update_value(Option::take).flatten() {
            if element.is_connected() {
                let _ = element.focus();
            }
        }
    }
}

impl Default for Modal {
    fn default() -> Self {
        Modal::new()
    }
}

/// Asks before something that cannot be undone: a heading (`title`, a locale key, at `id`),
/// what it does (the children), and the danger button (`confirm`) beside "Cancel", which has
/// the focus. Escape is "Cancel".
#[component(transparent)]
pub fn ConfirmDialog(
    modal: Modal,
    id: String,
    title: &'static str,
    confirm: &'static str,
    on_confirm: Callback<()>,
    children: Children,
) -> impl IntoView {
    let labelled_by = id.clone();
    view! {
        <dialog class="ds-dialog" node_ref=modal.node aria-labelledby=labelled_by on:close=move |_| modal.give_focus_back()>
            <h2 class="ds-heading" data-size="sm" id=id>{txt(title)}</h2>
            <p class="ds-paragraph">{children()}</p>
            <div class="button-row">
                <Button label=confirm variant=Variant::Primary danger=true on_click=move |_| {
                    modal.close();
                    on_confirm.run(());
                }/>
                <Button label="common.cancel" autofocus=true on_click=move |_| modal.close()/>
            </div>
        </dialog>
    }
}

//! Designsystemet's button, as a `<button>` and as a link that looks like one: the class and the
//! data attributes its stylesheet selects on are written here once.

use crate::i18n::txt;
use leptos::ev::MouseEvent;
use leptos::prelude::*;

/// `data-variant`: how much the button stands out.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Variant {
    Primary,
    #[default]
    Secondary,
    Tertiary,
}

impl Variant {
    fn id(self) -> &'static str {
        match self {
            Variant::Primary => "primary",
            Variant::Secondary => "secondary",
            Variant::Tertiary => "tertiary",
        }
    }
}

/// A `type="button"` (or, with `submit`, `type="submit"`) Designsystemet button. Its
/// attributes are props, not `attr:`/`on:` spread onto the component, and its text is a locale
/// key (`label`), not children: spreading and children build code once per call site
/// (measured: spreading cost the main wasm 5.8 KB brotli for 30 buttons). A button with more
/// in it than a text (or a text made at the call site) is written out.
#[component(transparent)]
pub fn Button(
    /// Its text: a locale key.
    label: &'static str,
    #[prop(optional)] variant: Variant,
    /// `data-size="sm"`.
    #[prop(optional)]
    small: bool,
    /// `data-color="danger"`: it deletes or discards.
    #[prop(optional)]
    danger: bool,
    #[prop(optional)] submit: bool,
    #[prop(optional, into)] id: Option<String>,
    /// `aria-describedby`.
    #[prop(optional, into)]
    described_by: Option<String>,
    #[prop(optional)] autofocus: bool,
    #[prop(optional, into)] on_click: Option<Callback<MouseEvent>>,
) -> impl IntoView {
    view! {
        <button
            type=if submit { "submit" } else { "button" }
            class="ds-button"
            data-variant=variant.id()
            data-color=danger.then_some("danger")
            data-size=small.then_some("sm")
            id=id
            aria-describedby=described_by
            autofocus=autofocus
            on:click=move |ev| {
                if let Some(on_click) = on_click {
                    on_click.run(ev);
                }
            }
        >
            {txt(label)}
        </button>
    }
}

/// A link that looks like a Designsystemet button.
#[component(transparent)]
pub fn ButtonLink(
    href: String,
    #[prop(optional)] variant: Variant,
    #[prop(optional)] small: bool,
    #[prop(default = None)] rel: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    view! {
        <a class="ds-button" data-variant=variant.id() data-size=small.then_some("sm") href=href rel=rel>
            {children()}
        </a>
    }
}

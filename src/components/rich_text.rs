//! Shows a content text as paragraphs and bullet lists, always as text (never as HTML).

use ioa_core::text::{blocks, Block};
use leptos::prelude::*;

#[component]
pub fn RichText(#[prop(into)] text: Signal<&'static str>, #[prop(optional)] class: &'static str) -> impl IntoView {
    view! {
        <div class=format!("rich-text {class}")>
            {move || {
                blocks(text.get())
                    .into_iter()
                    .map(|block| match block {
                        Block::Paragraph(p) => view! { <p class="ds-paragraph">{p}</p> }.into_any(),
                        Block::Bullets(items) => {
                            view! {
                                <ul class="ds-list">
                                    {items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}

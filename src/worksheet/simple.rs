//! Editors for single-value and option fields.

use super::field::FieldIds;
use ioa_core::document::format_nok;
use crate::i18n::{content_text, tr, trf, txt};
use crate::session::{plan_value, use_session};
use crate::state::use_app;
use ioa_core::content::ChoiceOption;
use ioa_core::plan::Answer;
use ioa_core::text::Text;
use leptos::prelude::*;

fn answer(key: String) -> Memo<Option<Answer>> {
    plan_value(use_session(), move |p| p.answer(&key))
}

fn set(key: &str, value: Answer) {
    let key = key.to_string();
    use_session().edit(move |plan, now| plan.set_answer(&key, value, now));
}

#[component]
pub fn TextInput(ids: FieldIds, multiline: bool) -> impl IntoView {
    let session = use_session();
    let current = answer(ids.key.clone());
    let value = move || current.with(|a| match a {
        Some(Answer::Text(s)) => s.clone(),
        _ => String::new(),
    });
    let key = StoredValue::new(ids.key.clone());
    let on_input = move |text: String| {
        let k = key.get_value();
        session.edit(move |plan, now| plan.set_answer(&k, Answer::Text(text), now));
    };
    if multiline {
        view! {
            <textarea
                id=ids.dom
                class="ds-input"
                rows="5"
                aria-describedby=ids.help
                prop:value=value
                on:input:target=move |ev| on_input(ev.target().value())
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=ids.dom
                class="ds-input"
                type="text"
                aria-describedby=ids.help
                prop:value=value
                on:input:target=move |ev| on_input(ev.target().value())
            />
        }
        .into_any()
    }
}

#[component]
pub fn DateInput(ids: FieldIds) -> impl IntoView {
    let current = answer(ids.key.clone());
    let key = StoredValue::new(ids.key);
    view! {
        <input
            id=ids.dom
            class="ds-input input--date"
            type="date"
            aria-describedby=ids.help
            prop:value=move || match current.get() {
                Some(Answer::Date(d)) => d,
                _ => String::new(),
            }
            on:input:target=move |ev| key.with_value(|k| set(k, Answer::Date(ev.target().value())))
        />
    }
}

/// Whole kroner. What the user types is kept as typed; only a valid number is stored.
#[component]
pub fn AmountInput(ids: FieldIds) -> impl IntoView {
    let app = use_app();
    let current = answer(ids.key.clone());
    let initial = match current.get_untracked() {
        Some(Answer::Amount(n)) => n.to_string(),
        _ => String::new(),
    };
    let typed = RwSignal::new(initial);
    let invalid = RwSignal::new(false);
    let key = StoredValue::new(ids.key.clone());
    let error_id = format!("{}-error", ids.dom);
    let preview_id = format!("{}-preview", ids.dom);
    let on_input = move |text: String| {
        typed.set(text.clone());
        let digits: String = text.chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '.').collect();
        if digits.is_empty() {
            invalid.set(false);
            key.with_value(|k| {
                let k = k.clone();
                use_session().edit(move |plan, now| {
                    plan.answers.remove(&k);
                    plan.touch(now);
                })
            });
        } else if let Ok(n) = digits.parse::<u64>() {
            invalid.set(false);
            key.with_value(|k| set(k, Answer::Amount(n)));
        } else {
            invalid.set(true);
        }
    };
    let described = {
        let (help, error_id, preview_id) = (ids.help.clone(), error_id.clone(), preview_id.clone());
        move || if invalid.get() { format!("{help} {error_id}") } else { format!("{help} {preview_id}") }
    };
    view! {
        <div class="amount">
            <input
                id=ids.dom
                class="ds-input input--amount"
                type="text"
                inputmode="numeric"
                autocomplete="off"
                aria-describedby=described
                aria-invalid=move || invalid.get().to_string()
                prop:value=move || typed.get()
                on:input:target=move |ev| on_input(ev.target().value())
            />
            <span class="amount__unit" aria-hidden="true">{txt("field.amount_unit")}</span>
        </div>
        <Show when=move || invalid.get()>
            <p class="ds-validation-message" data-color="danger" id=error_id.clone()>{txt("field.amount_invalid")}</p>
        </Show>
        <p class="ds-paragraph field-help" data-size="sm" id=preview_id aria-live="polite">
            {move || match current.get() {
                Some(Answer::Amount(n)) if !invalid.get() => format_nok(n, app.lang.get()),
                _ => String::new(),
            }}
        </p>
    }
}

#[component]
pub fn ChoiceInput(ids: FieldIds, options: &'static [ChoiceOption]) -> impl IntoView {
    let current = answer(ids.key.clone());
    let key = StoredValue::new(ids.key.clone());
    let app = use_app();
    view! {
        <div class="choice-list">
            {options
                .iter()
                .map(|option| {
                    let id = format!("{}-{}", ids.dom, option.id);
                    let option_id = option.id.as_str();
                    view! {
                        <div class="ds-field choice">
                            <input
                                class="ds-input"
                                type="radio"
                                id=id.clone()
                                name=ids.dom.clone()
                                prop:checked=move || current.get() == Some(Answer::Choice(option_id.to_string()))
                                on:change=move |_| key.with_value(|k| set(k, Answer::Choice(option_id.to_string())))
                            />
                            <label class="ds-label" data-weight="regular" for=id>{content_text(&option.label)}</label>
                        </div>
                    }
                })
                .collect_view()}
            <Show when=move || current.get().is_some()>
                <button
                    type="button"
                    class="ds-button"
                    data-variant="tertiary"
                    data-size="sm"
                    on:click=move |_| key.with_value(|k| set(k, Answer::Choice(String::new())))
                >
                    {move || tr(app.lang.get(), "field.clear_choice")}
                </button>
            </Show>
        </div>
    }
}

#[component]
pub fn ChecklistInput(ids: FieldIds, options: &'static [ChoiceOption]) -> impl IntoView {
    let current = answer(ids.key.clone());
    let key = StoredValue::new(ids.key.clone());
    let checked = move |id: &str| matches!(current.get(), Some(Answer::Checks(c)) if c.iter().any(|x| x == id));
    let toggle = move |id: &'static str, on: bool| {
        let mut list = match current.get_untracked() {
            Some(Answer::Checks(c)) => c,
            _ => vec![],
        };
        list.retain(|x| x != id);
        if on {
            list.push(id.to_string());
            // Keep the content's order, so documents list options as the worksheet does.
            list.sort_by_key(|x| options.iter().position(|o| o.id == *x));
        }
        key.with_value(|k| set(k, Answer::Checks(list)));
    };
    view! {
        <div class="choice-list">
            {options
                .iter()
                .map(|option| {
                    let id = format!("{}-{}", ids.dom, option.id);
                    let option_id = option.id.as_str();
                    view! {
                        <div class="ds-field choice">
                            <input
                                class="ds-input"
                                type="checkbox"
                                id=id.clone()
                                prop:checked=move || checked(option_id)
                                on:change:target=move |ev| toggle(option_id, ev.target().checked())
                            />
                            <label class="ds-label" data-weight="regular" for=id>{content_text(&option.label)}</label>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// A list of short items with add and remove.
#[component]
pub fn ListInput(ids: FieldIds, label: Text) -> impl IntoView {
    let app = use_app();
    let current = answer(ids.key.clone());
    let items = Signal::derive(move || current.with(|a| match a {
        Some(Answer::List(items)) => items.clone(),
        _ => vec![],
    }));
    let key = StoredValue::new(ids.key.clone());
    let label = StoredValue::new(label);
    let update = move |change: Box<dyn FnOnce(&mut Vec<String>)>| {
        let mut list = items.get_untracked();
        change(&mut list);
        key.with_value(|k| set(k, Answer::List(list)));
    };
    let dom = StoredValue::new(ids.dom.clone());
    let add = move |_| {
        update(Box::new(|l| l.push(String::new())));
        let index = items.with_untracked(Vec::len);
        let target = dom.with_value(|d| format!("{d}-{}", index.saturating_sub(1)));
        request_animation_frame(move || focus(&target));
    };
    view! {
        <ol class="list-editor">
            <For
                each=move || 0..current.with(|a| match a { Some(Answer::List(l)) => l.len(), _ => 0 })
                key=|i| *i
                children=move |i| {
                    let id = dom.with_value(|d| format!("{d}-{i}"));
                    let item_label = move || {
                        let lang = app.lang.get();
                        trf(lang, "field.list_item", &[("label", label.with_value(|l| l.get(lang).to_string()).as_str()), ("n", &(i + 1).to_string())])
                    };
                    view! {
                        <li class="list-editor__item">
                            <label class="visually-hidden" for=id.clone()>{item_label}</label>
                            <input
                                id=id
                                class="ds-input"
                                type="text"
                                prop:value=move || current.with(|a| match a {
                                    Some(Answer::List(l)) => l.get(i).cloned().unwrap_or_default(),
                                    _ => String::new(),
                                })
                                on:input:target=move |ev| {
                                    let text = ev.target().value();
                                    update(Box::new(move |l| if let Some(slot) = l.get_mut(i) { *slot = text }))
                                }
                            />
                            <button
                                type="button"
                                class="ds-button"
                                data-variant="tertiary"
                                data-size="sm"
                                on:click=move |_| update(Box::new(move |l| if i < l.len() { l.remove(i); }))
                            >
                                {txt("field.remove")}
                                <span class="visually-hidden">" " {item_label}</span>
                            </button>
                        </li>
                    }
                }
            />
        </ol>
        <button type="button" class="ds-button" data-variant="secondary" data-size="sm" on:click=add>
            {txt("field.add_item")}
        </button>
    }
}

/// Moves focus to an element by id (after it is rendered).
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

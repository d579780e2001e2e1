//! Editors for single-value and option fields.

use super::field::FieldIds;
use crate::catalog::TextIn;
use crate::components::amount_input::AmountInput as AmountField;
use crate::components::choices::Choices;
use crate::i18n::{trf, txt};
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
    let value = move || {
        current.with(|a| match a {
            Some(Answer::Text(s)) => s.clone(),
            _ => String::new(),
        })
    };
    let key = StoredValue::new(ids.key.clone());
    let on_input = move |text: String| {
        let k = key.get_value();
        // The field shows what is typed; the rest of the page catches up when typing pauses.
        session.edit_typing(move |plan, now| plan.set_answer(&k, Answer::Text(text), now));
    };
    if multiline {
        view! {
            <textarea
                id=ids.dom
                class="ds-input"
                autocomplete="off"
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
                autocomplete="off"
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
            autocomplete="off"
            aria-describedby=ids.help
            prop:value=move || match current.get() {
                Some(Answer::Date(d)) => d,
                _ => String::new(),
            }
            on:input:target=move |ev| key.with_value(|k| set(k, Answer::Date(ev.target().value())))
        />
    }
}

#[component]
pub fn AmountInput(ids: FieldIds) -> impl IntoView {
    let session = use_session();
    let current = answer(ids.key.clone());
    let value = Signal::derive(move || match current.get() {
        Some(Answer::Amount(n)) => Some(n),
        _ => None,
    });
    let key = StoredValue::new(ids.key.clone());
    let on_change = Callback::new(move |amount: Option<u64>| {
        let k = key.get_value();
        session.edit(move |plan, now| match amount {
            Some(n) => plan.set_answer(&k, Answer::Amount(n), now),
            None => plan.set_answer(&k, Answer::Text(String::new()), now),
        });
    });
    view! { <AmountField id=ids.dom described_by=ids.help draft_key=ids.key.clone() value on_change/> }
}

fn option_list(options: &'static [ChoiceOption]) -> Vec<(&'static str, &'static Text)> {
    options.iter().map(|o| (o.id.as_str(), &o.label)).collect()
}

#[component]
pub fn ChoiceInput(ids: FieldIds, options: &'static [ChoiceOption]) -> impl IntoView {
    let session = use_session();
    let current = answer(ids.key.clone());
    let key = StoredValue::new(ids.key.clone());
    let choose = move |option: String| {
        let k = key.get_value();
        session.edit(move |plan, now| plan.set_answer(&k, Answer::Choice(option), now));
    };
    let selected = Signal::derive(move || match current.get() {
        Some(Answer::Choice(c)) if !c.is_empty() => vec![c],
        _ => vec![],
    });
    let on_change = Callback::new(move |(option, _): (&'static str, bool)| choose(option.to_string()));
    view! {
        <Choices name=ids.dom options=option_list(options) selected on_change/>
        <Show when=move || selected.with(|s| !s.is_empty())>
            <button type="button" class="ds-button" data-variant="tertiary" data-size="sm" on:click=move |_| choose(String::new())>
                {txt("field.clear_choice")}
            </button>
        </Show>
    }
}

#[component]
pub fn ChecklistInput(ids: FieldIds, options: &'static [ChoiceOption]) -> impl IntoView {
    let session = use_session();
    let current = answer(ids.key.clone());
    let key = StoredValue::new(ids.key.clone());
    let selected = Signal::derive(move || match current.get() {
        Some(Answer::Checks(c)) => c,
        _ => vec![],
    });
    let on_change = Callback::new(move |(id, on): (&'static str, bool)| {
        let mut list = selected.get_untracked();
        list.retain(|x| x != id);
        if on {
            list.push(id.to_string());
            // Keep the content's order, so documents list options as the worksheet does.
            list.sort_by_key(|x| options.iter().position(|o| o.id == *x));
        }
        let k = key.get_value();
        session.edit(move |plan, now| plan.set_answer(&k, Answer::Checks(list), now));
    });
    view! { <Choices name=ids.dom multiple=true options=option_list(options) selected on_change/> }
}

/// An edit of a list field's items, applied to the current list and saved.
type ListEdit = Box<dyn FnOnce(&mut Vec<String>)>;

/// A list of short items with add and remove.
#[component]
pub fn ListInput(ids: FieldIds, label: Text) -> impl IntoView {
    let app = use_app();
    let current = answer(ids.key.clone());
    let items = Signal::derive(move || {
        current.with(|a| match a {
            Some(Answer::List(items)) => items.clone(),
            _ => vec![],
        })
    });
    let key = StoredValue::new(ids.key.clone());
    let label = StoredValue::new(label);
    let update = move |change: ListEdit| {
        let mut list = items.get_untracked();
        change(&mut list);
        key.with_value(|k| set(k, Answer::List(list)));
    };
    let dom = StoredValue::new(ids.dom.clone());
    let add = move |_| {
        update(Box::new(|l| l.push(String::new())));
        let index = items.with_untracked(Vec::len);
        let target = dom.with_value(|d| format!("{d}-{}", index.saturating_sub(1)));
        crate::focus::focus_id_next_frame(target);
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
                                autocomplete="off"
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

//! A field with its label, help text and example, and the editor its kind needs.

use super::rows::{RegisterEditor, TableEditor};
use super::simple::{AmountInput, ChecklistInput, ChoiceInput, DateInput, ListInput, TextInput};
use crate::components::decision_link::DecisionLink;
use crate::components::rich_text::RichText;
use crate::components::shared_note::SharedNote;
use crate::components::value_regime::ValueRegime;
use crate::i18n::{content_text, txt};
use ioa_core::content::{answer_key, Field, FieldKind};
use ioa_core::decision::{shared_key, VALUE_KEY};
use leptos::prelude::*;

/// Ids and texts every editor needs.
#[derive(Clone)]
pub struct FieldIds {
    /// The plan answer key `tool/step/field`.
    pub key: String,
    /// DOM id of the input (or of the group).
    pub dom: String,
    /// DOM id of the help text, for `aria-describedby`.
    pub help: String,
}

#[component]
pub fn FieldEditor(tool: &'static str, step: &'static str, field: &'static Field) -> impl IntoView {
    // The DOM id names this field; the key is where its answer is stored (maybe elsewhere).
    let dom = format!("f-{}", answer_key(tool, step, &field.id).replace('/', "-"));
    let key = field.storage_key(tool, step);
    let ids = FieldIds { help: format!("{dom}-help"), key, dom };
    let label = content_text(&field.label);
    let help = content_text(&field.help);
    // Inputs with one control use <label for>; groups use <fieldset><legend>.
    let grouped =
        !matches!(field.kind, FieldKind::ShortText | FieldKind::LongText | FieldKind::Date | FieldKind::Amount);
    let example = field.example.as_ref().map(|example| {
        view! {
            <details class="ds-details example">
                <summary>{txt("field.example")}</summary>
                <div><RichText text=Signal::derive(content_text(example))/></div>
            </details>
        }
    });
    let editor = {
        let ids = ids.clone();
        match &field.kind {
            FieldKind::ShortText => view! { <TextInput ids multiline=false/> }.into_any(),
            FieldKind::LongText => view! { <TextInput ids multiline=true/> }.into_any(),
            FieldKind::Date => view! { <DateInput ids/> }.into_any(),
            FieldKind::Amount => view! { <AmountInput ids/> }.into_any(),
            FieldKind::List => view! { <ListInput ids label=field.label/> }.into_any(),
            FieldKind::Checklist { options } => view! { <ChecklistInput ids options/> }.into_any(),
            FieldKind::Choice { options } => view! { <ChoiceInput ids options/> }.into_any(),
            FieldKind::Table { columns } => view! { <TableEditor ids columns/> }.into_any(),
            FieldKind::Register { register, columns, readonly } => {
                view! { <RegisterEditor ids register columns readonly/> }.into_any()
            }
        }
    };
    // A shared field says where its one value lives (unless this is that place).
    let shared = field.stored_at.as_ref().map(|_| view! { <SharedNote key=ids.key.clone()/> });
    // Under the estimated value: which part of the regulations applies at it, as the decision
    // helper says, and whether that rests on the last valid value.
    // Under the start-up tool's first view of the route: the decision helper's view, and the way
    // to it.
    let regime = if ids.key == VALUE_KEY {
        Some(view! { <ValueRegime/> }.into_any())
    } else if Some(ids.key.as_str()) == shared_key("first-view") {
        Some(view! { <DecisionLink/> }.into_any())
    } else {
        None
    };
    let help_id = ids.help.clone();
    let help_ref = ids.help.clone();
    if grouped {
        view! {
            <fieldset class="ds-fieldset worksheet-field" aria-describedby=help_ref>
                <legend class="ds-label">{label}</legend>
                <p class="ds-paragraph field-help" data-size="sm" id=help_id>{help}</p>
                {shared}
                {example}
                {editor}
                {regime}
            </fieldset>
        }
        .into_any()
    } else {
        view! {
            <div class="ds-field worksheet-field">
                <label class="ds-label" for=ids.dom.clone()>{label}</label>
                <p class="ds-paragraph field-help" data-size="sm" id=help_id>{help}</p>
                {shared}
                {example}
                {editor}
                {regime}
            </div>
        }
        .into_any()
    }
}

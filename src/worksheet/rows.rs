//! Editors for rows of typed columns: table fields (rows stored in the answer) and shared
//! registers (rows stored once in the plan and shown by every tool that uses them).

use super::field::FieldIds;
use crate::catalog::TextIn;
use crate::components::button::Button;
use crate::i18n::{content_text, tr, trf, txt};
use crate::session::{plan_value, use_session};
use crate::state::use_app;
use ioa_core::benefit;
use ioa_core::content::{Column, ColumnKind, Register};
use ioa_core::plan::Answer;
use ioa_core::plan_file::MAX_NUMBER_DIGITS;
use leptos::prelude::*;
use std::collections::{BTreeMap, HashMap};

/// A register row's cells, column id → value.
type Cells = BTreeMap<String, String>;

/// A change to a table field's rows.
type TableChange = Box<dyn FnOnce(&mut Vec<Cells>)>;

/// One cell, with a visible label, in the control its column kind needs.
#[component]
fn CellInput(
    id: String,
    column: &'static Column,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
    #[prop(default = false)] readonly: bool,
) -> impl IntoView {
    let cat = crate::catalog::use_catalog();
    let app = use_app();
    let label = content_text(&column.label);
    if readonly {
        return view! {
            <div class="cell cell--readonly">
                <span class="cell__label">{label}</span>
                 <span class="cell__value">
                    {move || ioa_core::documents::tool::cell_text(&cat.get(), column, &value.get(), app.lang.get())}
                </span>
            </div>
        }
        .into_any();
    }
    // Every control says autocomplete="off": otherwise Chromium's autofill reads all the
    // page's controls outside a form (3,600 in a register of 600 rows) when one is focused or
    // changed, 80 ms at a time on a slow laptop; and suggestions of text typed earlier are no
    // help in a plan, and on a shared laptop would show another person's words.
    let control = match column.kind {
        // One line of text that grows to show all of it (names in the worked example run long).
        // `field-sizing: content` sizes it where supported; `rows` is the fallback, and follows
        // the text when typing pauses. A line break is never stored: Enter does nothing and
        // pasted breaks become spaces.
        ColumnKind::Text => view! {
            <textarea id=id.clone() class="ds-input cell__text" autocomplete="off" rows=move || text_rows(&value.get()) prop:value=move || value.get()
                on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); }
                on:input:target=move |ev| on_change.run(ev.target().value().replace(['\r', '\n'], " "))></textarea>
        }
        .into_any(),
        ColumnKind::LongText => view! {
            <textarea id=id.clone() class="ds-input" autocomplete="off" rows="3" prop:value=move || value.get()
                on:input:target=move |ev| on_change.run(ev.target().value())></textarea>
        }
        .into_any(),
        ColumnKind::Date => view! {
            <input id=id.clone() class="ds-input input--date" type="date" autocomplete="off" prop:value=move || value.get()
                on:input:target=move |ev| on_change.run(ev.target().value())/>
        }
        .into_any(),
        // Digits only; a number column keeps at most the 15 digits the file reader accepts.
        ColumnKind::Amount | ColumnKind::Number => view! {
            <input id=id.clone() class="ds-input input--amount" type="text" inputmode="numeric" autocomplete="off" prop:value=move || value.get()
                on:input:target=move |ev| {
                    let limit = if column.kind == ColumnKind::Number { MAX_NUMBER_DIGITS } else { usize::MAX };
                    on_change.run(ev.target().value().chars().filter(char::is_ascii_digit).take(limit).collect())
                }/>
        }
        .into_any(),
        ColumnKind::Choice | ColumnKind::YesNo => {
            let options: Vec<(String, &'static str, &'static str)> = if column.kind == ColumnKind::YesNo {
                vec![("yes".into(), "common.yes", ""), ("no".into(), "common.no", "")]
            } else {
                column.options.iter().map(|o| (o.id.clone(), "", "")).collect()
            };
            view! {
                <select id=id.clone() class="ds-input" autocomplete="off" prop:value=move || value.get()
                    on:change:target=move |ev| on_change.run(ev.target().value())>
                    <option value="">{txt("field.choose")}</option>
                    {options
                        .into_iter()
                        .map(|(opt, key, _)| {
                            let selected = { let opt = opt.clone(); move || value.get() == opt };
                            let option_value = opt.clone();
                            let text = move || {
                                let lang = app.lang.get();
                                if key.is_empty() {
                                    ioa_core::documents::tool::cell_text(&cat.get(), column, &opt, lang)
                                } else {
                                    tr(lang, key).to_string()
                                }
                            };
                            view! { <option value=option_value selected=selected>{text}</option> }
                        })
                        .collect_view()}
                </select>
            }
            .into_any()
        }
    };
    view! {
        <div class="ds-field cell" data-kind=format!("{:?}", column.kind).to_lowercase()>
            <label class="ds-label" data-size="sm" for=id>{label}</label>
            {control}
        </div>
    }
    .into_any()
}

/// One row of a table or register: its cells under a legend, with an optional remove button.
#[component]
fn RowCard(legend: Signal<String>, cells: AnyView, on_remove: Option<Callback<()>>) -> impl IntoView {
    view! {
        <li class="row-card">
            <fieldset class="ds-fieldset">
                <legend class="row-card__legend">{move || legend.get()}</legend>
                <div class="row-card__cells">{cells}</div>
                {on_remove.map(|remove| view! {
                    <button type="button" class="ds-button row-card__remove" data-variant="tertiary" data-size="sm"
                        on:click=move |_| remove.run(())>
                        {txt("field.remove")}<span class="visually-hidden">" " {move || legend.get()}</span>
                    </button>
                })}
            </fieldset>
        </li>
    }
}

/// What the rows of one register editor share.
#[derive(Clone, Copy)]
struct RegisterView {
    register: &'static str,
    reg: &'static Register,
    columns: &'static [String],
    readonly: &'static [String],
    /// The columns shown, in order (the first is the row's name).
    shown: StoredValue<Vec<&'static Column>>,
    /// The field's DOM id: a cell's id is `{dom}-{row}-{column}`.
    dom: StoredValue<String>,
    row_ids: Memo<Vec<u32>>,
    /// Each shown row's cells, in a signal of its own (see `RegisterEditor`).
    row_cells: StoredValue<HashMap<u32, RwSignal<Cells>>>,
}

impl RegisterView {
    /// Focuses the row's first cell once it is drawn.
    fn focus_row(self, row_id: u32) {
        let first = self.shown.with_value(|s| s[0].id.clone());
        let target = self.dom.with_value(|d| format!("{d}-{row_id}-{first}"));
        crate::focus::focus_id_next_frame(target);
    }

    /// "Need 2", or "Need 2: Name" once the row has a name.
    fn legend(self, position: usize, name: &str, lang: ioa_core::Lang) -> String {
        let base = format!("{} {}", capitalised(self.reg.item_name.get(lang)), position);
        if name.trim().is_empty() {
            base
        } else {
            format!("{base}: {name}")
        }
    }
}

/// A view of a shared register.
#[component]
pub fn RegisterEditor(
    ids: FieldIds,
    register: &'static str,
    columns: &'static [String],
    readonly: &'static [String],
) -> impl IntoView {
    let content = crate::catalog::use_content();
    let app = use_app();
    let session = use_session();
    let reg = content.register(register).expect("content tests check register ids");
    let shown: Vec<&'static Column> = columns.iter().filter_map(|c| reg.column(c)).collect();
    let row_ids =
        Memo::new(move |_| session.plan.with(|p| p.register(register).iter().map(|r| r.id).collect::<Vec<_>>()));
    // Each shown row's cells, in a signal of its own. One watcher compares every row with its
    // signal after each change and sets only the rows that differ: a keystroke wakes one row's
    // cells, and the reactive graph does not grow with the register (a memo per row on the
    // whole plan cost about 8 ms per keystroke at 200 rows).
    let row_cells: StoredValue<HashMap<u32, RwSignal<Cells>>> = StoredValue::new(HashMap::new());
    let view = RegisterView {
        register,
        reg,
        columns,
        readonly,
        shown: StoredValue::new(shown),
        dom: StoredValue::new(ids.dom.clone()),
        row_ids,
        row_cells,
    };
    Effect::new(move |_| {
        let changed: Vec<(RwSignal<Cells>, Cells)> = session.plan.with(|p| {
            row_cells.with_value(|signals| {
                p.register(register)
                    .iter()
                    .filter_map(|row| {
                        let signal = signals.get(&row.id)?;
                        signal.with_untracked(|cells| *cells != row.cells).then(|| (*signal, row.cells.clone()))
                    })
                    .collect()
            })
        });
        for (signal, cells) in changed {
            signal.set(cells);
        }
    });
    let can_add = readonly.is_empty();
    let item_name = content_text(&reg.item_name);
    // The row just removed, offered back for UNDO_MS. A new row would take its id, so adding
    // one ends the offer.
    let removed: RwSignal<Option<Removed>> = RwSignal::new(None);
    // Each removal's offer has its own number, so an earlier removal's timer (the same row
    // removed, undone and removed again) cannot end a later offer early.
    let offers = StoredValue::new(0u32);
    let undo_id = StoredValue::new(format!("{}-undo", ids.dom));
    let add = move |_| {
        removed.set(None);
        let mut new_id = 0;
        session.edit(|plan, now| new_id = plan.add_register_row(register, now));
        view.focus_row(new_id);
    };
    let remove = can_add.then(|| {
        Callback::new(move |(row_id, label): (u32, String)| {
            let mut row = None;
            session.edit(|plan, now| row = plan.remove_register_row(register, row_id, now));
            let Some(row) = row else { return };
            offers.update_value(|n| *n += 1);
            let offer = offers.get_value();
            removed.set(Some(Removed { row, label, offer }));
            set_timeout(
                move || {
                    if removed.try_with_untracked(|r| r.as_ref().is_some_and(|r| r.offer == offer)) == Some(true) {
                        removed.set(None);
                    }
                },
                std::time::Duration::from_millis(UNDO_MS),
            );
            // The button is gone with its row: focus goes to "Undo", next to the message.
            crate::focus::focus_id_next_frame(undo_id.get_value());
        })
    });

    view! {
        <Show when=move || !row_ids.with(Vec::is_empty)
            fallback=move || view! {
                <p class="ds-paragraph empty-register" data-size="sm">
                    {move || if can_add { tr(app.lang.get(), "register.empty") } else { tr(app.lang.get(), "register.empty_readonly") }}
                </p>
            }
        >
            <ol class="row-list row-list--register">
                <For each=move || row_ids.get() key=|id| *id children=move |row_id| view! { <RegisterRow view row_id on_remove=remove/> }/>
            </ol>
        </Show>
        <UndoRemoved view removed undo_id=undo_id.get_value()/>
        <Show when=move || can_add>
            <button type="button" class="ds-button" data-variant="secondary" data-size="sm" on:click=add>
                {move || trf(app.lang.get(), "register.add", &[("item", item_name())])}
            </button>
        </Show>
        <p class="ds-paragraph register-note" data-size="sm">
            {move || trf(app.lang.get(), "register.shared_note", &[("register", reg.title.get(app.lang.get()))])}
        </p>
    }
}

/// One row of a register: its cells (a read-only name is the legend, not repeated), the benefits
/// register's estimate, and "Remove" when rows can be removed (`on_remove` gets the row's id and
/// its legend as typed).
#[component]
fn RegisterRow(view: RegisterView, row_id: u32, on_remove: Option<Callback<(u32, String)>>) -> impl IntoView {
    let cat = crate::catalog::use_catalog();
    let app = use_app();
    let session = use_session();
    let RegisterView { register, reg, columns, readonly, .. } = view;
    let initial = session.plan.with_untracked(|p| {
        p.register(register).iter().find(|r| r.id == row_id).map(|r| r.cells.clone()).unwrap_or_default()
    });
    let row_signal = RwSignal::new(initial);
    view.row_cells.update_value(|signals| {
        signals.insert(row_id, row_signal);
    });
    // `try_`: the whole editor may be going away at the same time.
    on_cleanup(move || {
        view.row_cells.try_update_value(|signals| signals.remove(&row_id));
    });
    let cell = move |column: &'static str| Memo::new(move |_| row_signal.with(|c| c.get(column).cloned()));
    let name = cell(&reg.columns[0].id);
    let position = Memo::new(move |_| view.row_ids.with(|ids| ids.iter().position(|i| *i == row_id).unwrap_or(0) + 1));
    let legend = move || view.legend(position.get(), &name.get().unwrap_or_default(), app.lang.get());
    let cells = view
        .shown
        .get_value()
        .into_iter()
        .filter(|column| !(column.id == reg.columns[0].id && readonly.contains(&column.id)))
        .map(|column| {
            let value = cell(&column.id);
            let value = Signal::derive(move || value.get().unwrap_or_default());
            // A keystroke changes nothing on the page but the control typed in: the row's
            // legend, its other cells' values and its estimate follow when typing pauses (the
            // watcher in `RegisterEditor`, see `Session::edit_typing`). Any other change would
            // make the browser lay out the whole register.
            let on_change = Callback::new(move |v: String| {
                session.edit_typing(|plan, now| plan.set_register_cell(register, row_id, &column.id, v, now));
            });
            let id = view.dom.with_value(|d| format!("{d}-{row_id}-{}", column.id));
            view! { <CellInput id column value on_change readonly=readonly.contains(&column.id)/> }
        })
        .collect_view();
    // The benefits register's calculation aid, under the numbers it uses.
    let estimate = (register == benefit::REGISTER && columns.iter().any(|c| c == "per_task")).then(|| {
        let figure = Memo::new(move |_| row_signal.with(benefit::estimate));
        view! {
            <p class="ds-paragraph benefit-estimate" data-size="sm" aria-live="polite">
                {move || figure.get().map(|e| {
                    let lang = app.lang.get();
                    trf(lang, "benefit.estimate_line", &[("estimate", &benefit::describe(&cat.get(), e, lang))])
                })}
            </p>
        }
    });
    let cells = view! { {cells} {estimate} }.into_any();
    let on_remove = on_remove.map(|remove| {
        Callback::new(move |()| {
            // The name as typed: the row's signal lags until typing pauses.
            let typed = session.plan.with_untracked(|p| {
                p.register(register)
                    .iter()
                    .find(|r| r.id == row_id)
                    .and_then(|r| r.cells.get(&reg.columns[0].id).cloned())
                    .unwrap_or_default()
            });
            remove.run((row_id, view.legend(position.get_untracked(), &typed, app.lang.get_untracked())));
        })
    });
    view! { <RowCard legend=Signal::derive(legend) cells on_remove/> }
}

/// "Row removed" with "Undo" while the removal is offered back; undone, the row's first cell
/// has the focus.
#[component]
fn UndoRemoved(view: RegisterView, removed: RwSignal<Option<Removed>>, undo_id: String) -> impl IntoView {
    let app = use_app();
    let session = use_session();
    let undo = move |_| {
        let Some(r) = removed.get_untracked() else { return };
        let row_id = r.row.id;
        let mut restored = false;
        session.edit(|plan, now| restored = plan.restore_register_row(view.register, r.row, now));
        removed.set(None);
        if restored {
            view.focus_row(row_id);
        }
    };
    view! {
        <div class="register-undo" role="status">
            {move || removed.get().map(|r| view! {
                <div class="ds-alert undo" data-color="info">
                    <p class="ds-paragraph">{move || trf(app.lang.get(), "register.removed", &[("row", &r.label)])}</p>
                    <Button small=true id=undo_id.clone() on_click=undo label="register.undo"/>
                </div>
            })}
        </div>
    }
}

/// How long "Undo" stays offered after a register row is removed.
const UNDO_MS: u64 = 10_000;

/// A removed register row and the legend it had, while "Undo" is offered.
#[derive(Clone, Debug, PartialEq)]
struct Removed {
    row: ioa_core::plan::RegisterRow,
    label: String,
    /// Which removal this is (see `offers`).
    offer: u32,
}

/// Visible lines for a text cell where `field-sizing` is not supported: about 40 characters a line.
fn text_rows(text: &str) -> String {
    (text.chars().count() / 40 + 1).min(8).to_string()
}

/// A table field: rows of typed columns stored in the answer itself.
#[component]
pub fn TableEditor(ids: FieldIds, columns: &'static [Column]) -> impl IntoView {
    let app = use_app();
    let session = use_session();
    let key = StoredValue::new(ids.key.clone());
    let answer_key = ids.key.clone();
    let answer = plan_value(session, move |p| p.answer(&answer_key));
    // A memo, so each change copies the table once, not once per cell that reads it.
    let rows = Memo::new(move |_| {
        answer.with(|a| match a {
            Some(Answer::Table(rows)) => rows.clone(),
            _ => vec![],
        })
    });
    // Reads the table from the plan itself: after a keystroke the memos above have not been told
    // yet (`Session::edit_typing`), and building on them would drop the keystroke before.
    let change_table = move |plan: &mut ioa_core::plan::Plan, now: u64, change: TableChange| {
        let k = key.get_value();
        let mut table = match plan.answer(&k) {
            Some(Answer::Table(rows)) => rows.clone(),
            _ => vec![],
        };
        change(&mut table);
        plan.set_answer(&k, Answer::Table(table), now);
    };
    let update = move |change: TableChange| {
        session.edit(move |plan, now| change_table(plan, now, change));
    };
    let type_in = move |change: TableChange| {
        session.edit_typing(move |plan, now| change_table(plan, now, change));
    };
    let dom = StoredValue::new(ids.dom.clone());
    let add = move |_| {
        update(Box::new(|t| t.push(BTreeMap::new())));
        let index = rows.with_untracked(Vec::len).saturating_sub(1);
        let target = dom.with_value(|d| format!("{d}-{index}-{}", columns[0].id));
        crate::focus::focus_id_next_frame(target);
    };
    view! {
        <Show when=move || !rows.with(Vec::is_empty)>
            <ol class="row-list">
                <For
                    each=move || 0..rows.with(Vec::len)
                    key=|i| *i
                    children=move |i| {
                        let legend = move || trf(app.lang.get(), "field.row", &[("n", &(i + 1).to_string())]);
                        let cells = columns.iter().map(|column| {
                            let value = Signal::derive(move || rows.with(|r| r.get(i).and_then(|row| row.get(&column.id)).cloned().unwrap_or_default()));
                            let on_change = Callback::new(move |v: String| {
                                type_in(Box::new(move |t| {
                                    if let Some(row) = t.get_mut(i) {
                                        if v.is_empty() { row.remove(&column.id); } else { row.insert(column.id.clone(), v); }
                                    }
                                }));
                            });
                            let id = dom.with_value(|d| format!("{d}-{i}-{}", column.id));
                            view! { <CellInput id column value on_change/> }
                        }).collect_view().into_any();
                        let on_remove = Some(Callback::new(move |()| update(Box::new(move |t| if i < t.len() { t.remove(i); }))));
                        view! { <RowCard legend=Signal::derive(legend) cells on_remove/> }
                    }
                />
            </ol>
        </Show>
        <Button small=true on_click=add label="field.add_row"/>
    }
}

/// "need" → "Need", for a row's legend (item names are written to fit inside sentences).
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

//! A plan's front page: the dashboard, the task list of tools, the roadmap and the innovation
//! route.

mod dashboard;
mod details;

use crate::catalog::TextIn;
use crate::clock::today_iso;
use crate::components::export_button::ExportButton;
use crate::components::keep_storage_note::KeepStorageNote;
use crate::components::last_export::LastExport;
use crate::components::place_link::worksheet_href;
use crate::components::plan_header::PlanHeader;
use crate::components::status_tag::{progress_text, StatusTag};
use crate::components::value_regime::StaleValueNote;
use crate::i18n::{content_text, tr, trf, txt};
use crate::session::use_session;
use crate::state::use_app;
use crate::title::set_title;
use ioa_core::content::{Content, Tool};
use ioa_core::decision::{outcome, Route as RouteChoice};
use ioa_core::progress::tool_progress;
use ioa_core::route::Route;
use leptos::prelude::*;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let content = crate::catalog::use_content();
    let app = use_app();
    let session = use_session();
    Effect::new(move |_| set_title(&session.plan.with(|p| p.title.clone()), app.lang.get()));
    view! {
        <PlanHeader/>
        <h1 class="ds-heading plan-title" data-size="xl" tabindex="-1">{move || session.plan.with(|p| p.title.clone())}</h1>
        <details::PlanDetails/>
        <MergeNotes/>
        <dashboard::Dashboard/>

        <section class="overview-section" aria-labelledby="tools-heading">
            <h2 id="tools-heading" class="ds-heading" data-size="md">{txt("overview.tools.title")}</h2>
            <p class="ds-paragraph">{txt("overview.tools.intro")}</p>
            <ol class="task-list">
                {content.tools.iter().map(|tool| view! { <ToolTask tool/> }).collect_view()}
            </ol>
            <p class="ds-paragraph whole-plan-link">
                <a class="ds-link" href=session.plan.with_untracked(|p| Route::PlanDocument { plan: p.id.clone() }.href())>{txt("plan_document.link")}</a>
            </p>
        </section>

        <RouteSummary/>
        <KeepACopy/>
    }
}

/// Export this plan as a file, when it was last exported, and its earlier versions.
#[component]
fn KeepACopy() -> impl IntoView {
    let session = use_session();
    let plan_id = session.plan.with_untracked(|p| p.id.clone());
    let revision = Signal::derive(move || session.plan.with(|p| p.revision));
    let versions_href = Route::Versions { plan: plan_id.clone() }.href();
    view! {
        <section class="overview-section ds-card keep-copy" aria-labelledby="keep-copy-heading">
            <h2 id="keep-copy-heading" class="ds-heading" data-size="md">{txt("overview.keep.title")}</h2>
            <p class="ds-paragraph">{txt("overview.keep.intro")}</p>
            <LastExport plan_id=plan_id revision/>
            <KeepStorageNote/>
            <div class="button-row">
                <ExportButton/>
                <a class="ds-button" data-variant="secondary" href=versions_href>{txt("overview.keep.versions")}</a>
            </div>
        </section>
    }
}

#[component]
fn ToolTask(tool: &'static Tool) -> impl IntoView {
    let content = crate::catalog::use_content();
    let app = use_app();
    let session = use_session();
    let plan_id = session.plan.with_untracked(|p| p.id.clone());
    let progress = Memo::new(move |_| session.plan.with(|p| tool_progress(tool, p)));
    let next_href = move || session.plan.with(|p| worksheet_href(content, p, tool));
    let doc_href = Route::Document { plan: plan_id, tool: tool.id.clone() }.href();
    let status_id = format!("status-{}", tool.id);
    view! {
        <li class="task-list__item">
            <div class="task-list__main">
                <h3 class="ds-heading" data-size="sm">
                    <a class="ds-link" href=next_href aria-describedby=status_id.clone()>{content_text(&tool.title)}</a>
                </h3>
                <p class="ds-paragraph" data-size="sm">{content_text(&tool.summary)}</p>
                <p class="ds-paragraph task-list__progress" data-size="sm">{move || progress_text(progress.get(), app.lang.get())}</p>
                <a class="ds-link" href=doc_href>
                    {move || trf(app.lang.get(), "overview.read_document", &[("document", tool.document.title.get(app.lang.get()))])}
                </a>
            </div>
            <StatusTag status=Signal::derive(move || progress.get().status) id=status_id class="task-list__status"/>
        </li>
    }
}

/// The decision helper's current recommendation, and the team's own choice.
#[component]
fn RouteSummary() -> impl IntoView {
    let cat = crate::catalog::use_catalog();
    let app = use_app();
    let session = use_session();
    let text = cat.get_untracked().decision();
    let recommended = Memo::new(move |_| session.plan.with(|p| outcome(p, &today_iso()).headline));
    let chosen = Memo::new(move |_| session.plan.with(|p| p.decision.chosen_route.clone()));
    let href = session.plan.with_untracked(|p| Route::Decision { plan: p.id.clone() }.href());
    let route_title = move |id: &str| cat.get().route_title(id, app.lang.get()).to_string();
    view! {
        <section class="overview-section ds-card route-summary" data-variant="tinted" aria-labelledby="route-heading">
            <h2 id="route-heading" class="ds-heading" data-size="md">{txt("overview.route.title")}</h2>
            <p class="ds-paragraph">
                <strong>{txt("overview.route.recommended")}</strong>
                " "
                {move || text.headline(recommended.get()).map(|h| h.title.get(app.lang.get()).to_string())}
            </p>
            <StaleValueNote/>
            {move || {
                chosen
                    .get()
                    .filter(|c| RouteChoice::from_id(c).is_some())
                    .map(|c| {
                        view! {
                            <p class="ds-paragraph">
                                <strong>{txt("overview.route.chosen")}</strong>
                                " "
                                {route_title(&c)}
                            </p>
                        }
                    })
            }}
            <a class="ds-button" data-variant="secondary" href=href>{txt("overview.route.open")}</a>
        </section>
    }
}

/// Values an upgrade set aside when two places held different answers for one fact: shown
/// until the user has read them, so nothing typed is lost without a word.
#[component]
fn MergeNotes() -> impl IntoView {
    let content = crate::catalog::use_content();
    let app = use_app();
    let session = use_session();
    let notes = Memo::new(move |_| session.plan.with(|p| p.merge_notes.clone()));
    let clear = move |_| {
        session.edit(|plan, now| {
            plan.merge_notes.clear();
            plan.touch(now);
        })
    };
    move || {
        let notes = notes.get();
        (!notes.is_empty()).then(|| {
            let lang = app.lang.get();
            view! {
                <section class="ds-alert merge-notes" data-color="warning" aria-labelledby="merge-heading">
                    <h2 id="merge-heading" class="ds-heading" data-size="xs">{tr(lang, "overview.merge.title")}</h2>
                    <p class="ds-paragraph">{tr(lang, "overview.merge.intro")}</p>
                    <ul class="ds-list">
                        {notes.iter().map(|n| {
                            // The same key: the decision helper's copy won over this field's own.
                            let key = if n.from == n.key { "overview.merge.item_helper" } else { "overview.merge.item" };
                            let line = trf(lang, key, &[
                                ("field", &field_name(content, &n.key, lang)),
                                ("from", &field_name(content, &n.from, lang)),
                                ("value", &value_text(content, &n.from, &n.value, lang)),
                            ]);
                            view! { <li>{line}</li> }
                        }).collect_view()}
                    </ul>
                    <button type="button" class="ds-button" data-variant="secondary" on:click=clear>{tr(lang, "overview.merge.clear")}</button>
                </section>
            }
        })
    }
}

/// "Budget for planning (Start-up)" for a plan key.
fn field_name(content: &Content, key: &str, lang: ioa_core::Lang) -> String {
    let tool = key.split('/').next().and_then(|t| content.tool(t));
    match (content.field(key), tool) {
        (Some(f), Some(t)) => format!("{} ({})", f.label.get(lang), t.title.get(lang)),
        _ => key.to_string(),
    }
}

/// A set-aside value as a reader sees it: an option's label, an amount in kroner.
fn value_text(content: &Content, key: &str, value: &str, lang: ioa_core::Lang) -> String {
    let field = content.field(key);
    if let Some(option) = field.and_then(|f| f.options().iter().find(|o| o.id == value)) {
        return option.label.get(lang).to_string();
    }
    match (field.map(|f| &f.kind), value.parse::<u64>()) {
        (Some(ioa_core::content::FieldKind::Amount), Ok(n)) => ioa_core::format::format_nok(n, lang),
        (Some(ioa_core::content::FieldKind::Date), _) => ioa_core::format::format_date(value, lang),
        _ => value.to_string(),
    }
}

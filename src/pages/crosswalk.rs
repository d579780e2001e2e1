//! "When do we use what, and how do the tools overlap?": LUP's tools and KS's six phases on one
//! time line, in the order of the plan's spine, every cell linking into this plan with its
//! status. A real table for screen readers; a list of blocks on a phone; it prints.

use crate::catalog::TextIn;
use crate::clock::today_iso;
use crate::components::place_link::PlaceLink;
use crate::components::plan_header::PlanHeader;
use crate::components::rich_text::RichText;
use crate::i18n::{content_text, tr, trf, txt};
use crate::session::use_session;
use crate::state::use_app;
use crate::title::set_title;
use ioa_core::content::Stage;
use ioa_core::guide::{innovation_route, place, spine, stages, suggested_spine};
use ioa_core::plan::Spine;
use leptos::prelude::*;

#[component]
pub fn CrosswalkPage() -> impl IntoView {
    let content = crate::catalog::use_content();
    let app = use_app();
    let session = use_session();
    let cw = &content.crosswalk;
    Effect::new(move |_| set_title(cw.title.get(app.lang.get()), app.lang.get()));
    let current = Memo::new(move |_| session.plan.with(|p| spine(p, &today_iso())));
    let suggestion = Memo::new(move |_| session.plan.with(|p| suggested_spine(p, &today_iso())));
    let chosen = Memo::new(move |_| session.plan.with(|p| p.spine));
    let innovation = Memo::new(move |_| session.plan.with(|p| innovation_route(p, &today_iso())));
    let rows = move || stages(content, current.get(), innovation.get());
    let spine_text = move |s: Spine| match s {
        Spine::Roadmap => &cw.spines.roadmap,
        Spine::Lup => &cw.spines.lup,
    };
    let choose = move |value: Option<Spine>| session.edit(move |plan, now| plan.set_spine(value, now));
    view! {
        <PlanHeader/>
        <h1 class="ds-heading" data-size="xl" tabindex="-1">{content_text(&cw.title)}</h1>
        <RichText text=Signal::derive(content_text(&cw.intro)) class="lead"/>

        <section class="ds-card spine-choice" data-variant="tinted" aria-labelledby="spine-heading">
            <h2 id="spine-heading" class="ds-heading" data-size="sm">{txt("crosswalk.spine_title")}</h2>
            <p class="ds-paragraph" id="spine-suggestion">
                <strong>{move || {
                    let lang = app.lang.get();
                    trf(lang, "crosswalk.suggested", &[("spine", spine_text(suggestion.get().0).title.get(lang))])
                }}</strong>
                " "
                {move || tr(app.lang.get(), suggestion.get().1.message_key())}
            </p>
            <fieldset class="ds-fieldset">
                <legend class="ds-label">{txt("crosswalk.follow")}</legend>
                <div class="choice-list">
                    {[(None, "crosswalk.follow_suggestion"), (Some(Spine::Roadmap), ""), (Some(Spine::Lup), "")]
                        .into_iter()
                        .map(|(value, key)| {
                            let id = format!("spine-{}", value.map_or("suggested", |s| s.id()));
                            let label = move || {
                                let lang = app.lang.get();
                                match value {
                                    None => tr(lang, key).to_string(),
                                    Some(s) => spine_text(s).title.get(lang).to_string(),
                                }
                            };
                            view! {
                                <div class="ds-field choice">
                                    <input class="ds-input" type="radio" name="spine" id=id.clone()
                                        prop:checked=move || chosen.get() == value
                                        on:change=move |_| choose(value)/>
                                    <label class="ds-label" data-weight="regular" for=id>{label}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <dl class="spine-texts">
                <dt>{txt("crosswalk.when")}</dt>
                <dd>{move || spine_text(current.get()).when.get(app.lang.get()).to_string()}</dd>
                <dt>{txt("crosswalk.why")}</dt>
                <dd>{move || spine_text(current.get()).why.get(app.lang.get()).to_string()}</dd>
            </dl>
        </section>

        <div class="crosswalk-wrap">
            // Explicit roles: the phone layout displays the cells as blocks, which some screen
            // readers (Safari's) take as no longer a table.
            <table class="crosswalk" role="table">
                <caption>{move || {
                    let lang = app.lang.get();
                    trf(lang, "crosswalk.caption", &[("title", cw.title.get(lang)), ("spine", spine_text(current.get()).title.get(lang))])
                }}</caption>
                <thead role="rowgroup">
                    <tr role="row">
                        <th scope="col" role="columnheader">{txt("crosswalk.col.stage")}</th>
                        <th scope="col" role="columnheader">{txt("crosswalk.col.lup")}</th>
                        <th scope="col" role="columnheader">{txt("crosswalk.col.ks")}</th>
                        <th scope="col" role="columnheader">{txt("crosswalk.col.relation")}</th>
                        <th scope="col" role="columnheader">{txt("crosswalk.col.advice")}</th>
                    </tr>
                </thead>
                <tbody role="rowgroup">
                    {move || {
                        let spine = current.get();
                        rows().into_iter().map(|stage| view! { <StageRow stage spine/> }).collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn StageRow(stage: &'static Stage, spine: Spine) -> impl IntoView {
    let content = crate::catalog::use_content();
    let app = use_app();
    let prefix = format!("{}-", stage.id);
    let cell = move |refs: &'static [String]| {
        let prefix = prefix.clone();
        view! {
             <ul class="crosswalk__places">
                {refs.iter().filter_map(|r| place(content, r)).map(|p| view! { <li><PlaceLink place=p id_prefix=prefix.clone()/></li> }).collect_view()}
            </ul>
        }
    };
    let shared = stage.shared.iter().filter_map(|id| content.register(id)).collect::<Vec<_>>();
    let advice = match spine {
        Spine::Roadmap => &stage.advice.roadmap,
        Spine::Lup => &stage.advice.lup,
    };
    let relation_key = stage.relation.label_key();
    view! {
        <tr role="row" data-stage=stage.id.clone()>
            <th scope="row" role="rowheader">{content_text(&stage.title)}</th>
            <td role="cell" data-label=move || tr(app.lang.get(), "crosswalk.col.lup")>{cell(&stage.lup)}</td>
            <td role="cell" data-label=move || tr(app.lang.get(), "crosswalk.col.ks")>{cell(&stage.ks)}</td>
            <td role="cell" data-label=move || tr(app.lang.get(), "crosswalk.col.relation")>
                <p class="ds-paragraph"><span class="ds-tag" data-color="neutral">{move || tr(app.lang.get(), relation_key)}</span></p>
                <p class="ds-paragraph" data-size="sm">{content_text(&stage.note)}</p>
                {(!shared.is_empty()).then(|| view! {
                    <p class="ds-paragraph" data-size="sm">
                        {txt("crosswalk.shared")}" "
                        {move || shared.iter().map(|r| r.title.get(app.lang.get())).collect::<Vec<_>>().join(", ")}
                    </p>
                })}
            </td>
            <td role="cell" data-label=move || tr(app.lang.get(), "crosswalk.col.advice")>
                <p class="ds-paragraph" data-size="sm">{content_text(advice)}</p>
            </td>
        </tr>
    }
}

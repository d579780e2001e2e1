use super::*;
#[allow(unused_imports)]
use crate::catalog::testing::*;
use crate::content::FieldKind;
use crate::documents::tool::Item;
use crate::plan::{Answer, NewPlan, RegisterRow};
use std::collections::BTreeMap;

const MADE: Made = Made { today: "2026-12-01", app_version: "0.1.0", utc_offset_minutes: 60 };

fn empty_plan() -> Plan {
    Plan::new("p", NewPlan { title: "Tom plan".into(), ..Default::default() }, 0).unwrap()
}

pub(crate) fn example(lang: Lang) -> Plan {
    let json = match lang {
        Lang::Nb => include_str!("../../../../content/examples/elvebyen.nb.json"),
        Lang::Nn => include_str!("../../../../content/examples/elvebyen.nn.json"),
        Lang::En => include_str!("../../../../content/examples/elvebyen.en.json"),
    };
    crate::examples::example_plan(json, "elvebyen", 1_796_648_700_000).expect("the example loads")
}

fn items(doc: &PlanDocument) -> impl Iterator<Item = &Item> {
    doc.chapters.iter().flat_map(|c| &c.sections).flat_map(|s| &s.items)
}

fn labels_of(chapter: &Chapter) -> Vec<&str> {
    chapter
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .map(|i| match i {
            Item::Text { label, .. }
            | Item::List { label, .. }
            | Item::Table { label, .. }
            | Item::Missing { label } => label.as_str(),
        })
        .collect()
}

#[test]
fn the_chapters_come_in_order_summary_tools_decision_roadmap_phases() {
    let doc = build(cat(), &empty_plan(), Lang::Nb, MADE);
    let ids: Vec<&str> = doc.chapters.iter().map(|c| c.id.as_str()).collect();
    let mut expected = vec!["summary"];
    expected.extend(content().tools.iter().map(|t| t.id.as_str()));
    expected.extend(["decision", "roadmap"]);
    expected.extend(content().roadmap.phases.iter().map(|p| p.worksheet.id.as_str()));
    assert_eq!(ids, expected);
    assert!(doc.chapters.iter().all(|c| !c.heading.is_empty() && !c.intro.is_empty() && !c.sections.is_empty()));
}

#[test]
fn an_empty_plan_names_every_part_not_filled_in() {
    let plan = empty_plan();
    let doc = build(cat(), &plan, Lang::Nb, MADE);
    // Every part of every tool's document is named as missing, and the summary counts them.
    for tool in &content().tools {
        let alone = crate::documents::tool::build(cat(), tool, &plan, Lang::Nb);
        let chapter = doc.chapters.iter().find(|c| c.id == tool.id).unwrap();
        let missing =
            chapter.sections.iter().flat_map(|s| &s.items).filter(|i| matches!(i, Item::Missing { .. })).count();
        assert_eq!(missing, alone.missing, "{}", tool.id);
        assert!(missing > 0, "{}", tool.id);
    }
    let summary = &doc.chapters[0];
    let Some(Item::List { items: open, .. }) = summary.sections[1].items.get(1) else {
        panic!("no open list: {summary:?}")
    };
    assert_eq!(open[0], "Dere har ikke valgt innovasjonsvei ennå.");
    assert_eq!(open.len(), 1 + content().tools.len(), "{open:?}");
    // No chosen route is said, not left out.
    assert!(matches!(summary.sections[0].items[0], Item::Missing { .. }));
    // The title block has the version but no empty organisation line.
    let labels: Vec<&str> = doc.meta.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Planen sist endret", "Lagringsnummer", "Dokumentet laget", "Laget med", "Språk", "Interne opplysninger"]
    );
    assert_eq!(doc.meta[2].value, "01.12.2026");
    // Roadmap: the phase table only, no phase started.
    let roadmap = doc.chapters.iter().find(|c| c.id == "roadmap").unwrap();
    assert_eq!(roadmap.sections.len(), 1);
    let Item::Table { rows, .. } = &roadmap.sections[0].items[0] else { panic!() };
    assert_eq!(rows.len(), 6);
    assert!(rows.iter().all(|r| r[1] == "Ikke startet" && r[2].starts_with("0 av ")), "{rows:?}");
}

#[test]
fn the_worked_example_reads_as_a_finished_document() {
    for lang in Lang::ALL {
        let plan = example(lang);
        let doc = build(cat(), &plan, lang, MADE);
        assert_eq!(doc.title, plan.title);
        assert_eq!(doc.organisation, plan.organisation);
        assert!(doc.meta.iter().any(|m| m.value == plan.case_number), "{lang:?}: case number in the title block");
        // The decision names the amounts it used with source and date.
        let decision = doc.chapters.iter().find(|c| c.id == "decision").unwrap();
        let figures = decision.sections[0].items.iter().find_map(|i| match i {
            Item::List { label, items } if label == t(lang, "document.route.figures") => Some(items),
            _ => None,
        });
        let figures = figures.unwrap_or_else(|| panic!("{lang:?}: no figures in {:?}", labels_of(decision)));
        assert!(figures.iter().all(|f| f.contains("https://") && f.contains("2026")), "{figures:?}");
        // The example chose a route and its procedures are listed.
        let Item::Text { text, .. } = &doc.chapters[0].sections[0].items[0] else {
            panic!("{lang:?}: no chosen route")
        };
        assert!(text.contains(plan.decision.chosen_reason.trim()), "{lang:?}");
        assert!(!decision.sections[1].items.is_empty(), "{lang:?}: {:?}", decision.sections[1]);
        // Most of the LUP tools' chapters are answered (the example has not reached every phase).
        let tool_items: Vec<&Item> = doc
            .chapters
            .iter()
            .filter(|c| content().tool(&c.id).is_some_and(|t| content().tools.contains(t)))
            .flat_map(|c| &c.sections)
            .flat_map(|s| &s.items)
            .collect();
        let missing = tool_items.iter().filter(|i| matches!(i, Item::Missing { .. })).count();
        assert!(missing * 5 < tool_items.len(), "{lang:?}: {missing} of {} missing", tool_items.len());
    }
}

/// A plan with an answer in every field of every tool (each of its kind) and a row in every
/// register: nothing of it is missing and every value appears, formatted, in the document.
#[test]
fn every_field_kind_is_carried_into_the_document() {
    let c = content();
    let mut plan = empty_plan();
    let mut kinds = std::collections::BTreeSet::new();
    for tool in c.worksheets() {
        for step in &tool.steps {
            for field in &step.fields {
                let key = field.storage_key(&tool.id, &step.id);
                let answer = match &field.kind {
                    FieldKind::Register { .. } => continue,
                    FieldKind::ShortText | FieldKind::LongText => Answer::Text(format!("Svar {key}")),
                    FieldKind::Choice { options } => Answer::Choice(options[0].id.clone()),
                    FieldKind::Checklist { options } => Answer::Checks(vec![options[0].id.clone()]),
                    FieldKind::Date => Answer::Date("2027-03-01".into()),
                    FieldKind::Amount => Answer::Amount(1_250_000),
                    FieldKind::List => Answer::List(vec![format!("Punkt {key}")]),
                    FieldKind::Table { columns } => {
                        let row: BTreeMap<String, String> =
                            columns.iter().map(|col| (col.id.clone(), "2027-03-01".to_string())).collect();
                        Answer::Table(vec![row])
                    }
                };
                kinds.insert(format!("{:?}", std::mem::discriminant(&field.kind)));
                plan.set_answer(&key, answer, 1);
            }
        }
    }
    for register in &c.registers {
        let row = RegisterRow {
            id: 1,
            cells: register.columns.iter().map(|col| (col.id.clone(), "Rad".to_string())).collect(),
        };
        plan.registers.insert(register.id.clone(), vec![row]);
    }
    assert!(kinds.len() >= 7, "the tools use {} field kinds", kinds.len());
    let doc = build(cat(), &plan, Lang::Nb, MADE);
    for chapter in doc.chapters.iter().filter(|ch| c.worksheets().any(|t| t.id == ch.id)) {
        let missing: Vec<&str> = chapter
            .sections
            .iter()
            .flat_map(|s| &s.items)
            .filter_map(|i| match i {
                Item::Missing { label } => Some(label.as_str()),
                _ => None,
            })
            .collect();
        assert!(missing.is_empty(), "{}: missing {missing:?}", chapter.id);
    }
    let md = crate::documents::markdown::render(&doc);
    // Every answer is in the document, the roadmap's phases and what no document shows included.
    for (key, answer) in &plan.answers {
        if let Answer::Text(text) = answer {
            assert!(md.contains(&crate::documents::markdown::inline(text)), "{key} is not in the whole plan");
        }
    }
    for register in &c.registers {
        let Some(Item::Table { headers, .. }) =
            tool::item_with(cat(), Ref::Register { register, columns: None }, &plan, Lang::Nb, Internal::Mark)
        else {
            panic!()
        };
        for header in headers {
            assert!(
                md.contains(&format!(" {} |", crate::documents::markdown::inline(&header))),
                "{}: column {header} is not in the whole plan",
                register.id
            );
        }
    }
    assert!(md.contains("Svar startup/"), "typed text");
    assert!(md.contains("Punkt "), "list items");
    assert!(md.contains("01.03.2027"), "dates formatted");
    assert!(md.contains("1\u{a0}250\u{a0}000\u{a0}kr"), "amounts formatted");
    let summary = &doc.chapters[0];
    let Some(Item::List { items: open, .. }) = summary.sections[1].items.get(1) else { panic!() };
    assert_eq!(open.len(), 1, "only the route is open: {open:?}");
}

fn expected_path(lang: Lang) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/expected/elvebyen.{}.md", lang.code()))
}

/// The worked example's Markdown is committed: a change to a document shows in review as a diff
/// of what a reader gets. `UPDATE_EXPECTED=1 cargo test -p ioa-core` rewrites the files.
#[test]
fn the_worked_example_markdown_matches_the_committed_file() {
    for lang in Lang::ALL {
        let md = crate::documents::markdown::render(&build(cat(), &example(lang), lang, MADE));
        let path = expected_path(lang);
        if std::env::var_os("UPDATE_EXPECTED").is_some() {
            std::fs::write(&path, &md).unwrap();
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if md != expected {
            let line = md.lines().zip(expected.lines()).position(|(a, b)| a != b).unwrap_or(0);
            panic!(
                "{lang:?}: Markdown differs from {} at line {}:\n  got:      {:?}\n  expected: {:?}",
                path.display(),
                line + 1,
                md.lines().nth(line),
                expected.lines().nth(line)
            );
        }
    }
}

#[test]
fn the_markdown_is_well_formed() {
    for lang in Lang::ALL {
        let md = crate::documents::markdown::render(&build(cat(), &example(lang), lang, MADE));
        let lines: Vec<&str> = md.lines().collect();
        assert_eq!(lines.iter().filter(|l| l.starts_with("# ")).count(), 1, "one title");
        assert_eq!(
            lines.iter().filter(|l| l.starts_with("## ")).count(),
            content().tools.len() + 3 + content().roadmap.phases.len()
        );
        // Every table row has as many cells as its header.
        let mut columns = None;
        for line in &lines {
            if line.starts_with('|') {
                let cells = line.replace("\\|", "").matches('|').count();
                let expected = *columns.get_or_insert(cells);
                assert_eq!(cells, expected, "{lang:?}: {line}");
            } else {
                columns = None;
            }
        }
        // Headings and list markers start lines; nothing else starts a block by accident.
        assert!(!md.contains("\n\n\n"), "{lang:?}: no double blank lines");
        assert!(!md.contains('<') || md.matches('<').count() == md.matches("\\<").count(), "{lang:?}: no raw HTML");
    }
}

/// Read back by a CommonMark parser with GitHub's tables, the example renders as the model says:
/// the title and chapters as headings at their levels, every table as a table with its rows, no
/// HTML, no links, no emphasis that was not meant; and typed markup in a plan stays text.
#[test]
fn the_markdown_renders_as_the_document_model_says() {
    use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
    let mut plan = example(Lang::Nb);
    plan.title = "<b>Fet</b> [lenke](https://x.example) *stjerne* # 1. punkt | rør".into();
    plan.set_answer(
        "startup/trigger/situation",
        crate::Answer::Text("- punkt\n> sitat\n<script>alert(1)</script>\n1) nummer".into()),
        1,
    );
    let doc = build(cat(), &plan, Lang::Nb, MADE);
    let md = crate::documents::markdown::render(&doc);
    let mut headings: Vec<(HeadingLevel, String)> = Vec::new();
    let (mut tables, mut rows, mut in_heading, mut text) = (0, 0, None, String::new());
    for event in Parser::new_ext(&md, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                in_heading = Some(level);
                text.clear();
            }
            Event::End(TagEnd::Heading(_)) => headings.push((in_heading.take().unwrap(), std::mem::take(&mut text))),
            Event::Text(t) | Event::Code(t) if in_heading.is_some() => text.push_str(&t),
            Event::Start(Tag::Table(_)) => tables += 1,
            Event::Start(Tag::TableRow) => rows += 1,
            Event::Html(h) | Event::InlineHtml(h) => panic!("HTML in the Markdown: {h}"),
            Event::Start(Tag::Link { dest_url, .. }) => panic!("a link: {dest_url}"),
            Event::Start(Tag::Emphasis | Tag::Strong) if in_heading.is_some() => {
                panic!("emphasis in a heading: {text}")
            }
            Event::Start(Tag::BlockQuote(_)) => panic!("a quote"),
            _ => {}
        }
    }
    assert_eq!(headings[0], (HeadingLevel::H1, plan.title.clone()), "the title reads as typed");
    let chapters: Vec<&str> =
        headings.iter().filter(|(l, _)| *l == HeadingLevel::H2).map(|(_, t)| t.as_str()).collect();
    assert_eq!(chapters, doc.chapters.iter().map(|c| c.heading.as_str()).collect::<Vec<_>>());
    let model_tables: Vec<usize> = items(&doc)
        .filter_map(|i| match i {
            Item::Table { rows, .. } => Some(rows.len()),
            _ => None,
        })
        .collect();
    assert_eq!(tables, model_tables.len());
    assert_eq!(rows, model_tables.iter().sum::<usize>(), "body rows (the header row is not a TableRow)");
    assert!(md.contains("\\<script>alert(1)\\</script>"), "typed markup is escaped");
}

/// What a team writes in a roadmap step is in the whole plan, in the phase's own chapter, and
/// in the Markdown made from it; so is an answer no tool's or phase's document shows.
#[test]
fn a_phrase_written_in_a_roadmap_step_is_in_the_whole_plan() {
    let mut plan = empty_plan();
    let phrase = "Nattbesøkene vekker brukerne tre ganger hver natt";
    // The step's problem is kept with the needs tool's, and its goals are the goals register.
    plan.set_answer("needs/problem/what-goes-wrong", Answer::Text(phrase.into()), 1);
    let goal = plan.add_register_row("goals", 1);
    plan.set_register_cell("goals", goal, "name", "Færre vekkede brukere".into(), 1);
    plan.set_answer("needs/stakeholders/missing-voices", Answer::Text("Nattevaktene i Fjellvik".into()), 1);
    let row = plan.add_register_row("needs", 1);
    plan.set_register_cell("needs", row, "name", "Sove hele natten".into(), 1);
    plan.set_register_cell("needs", row, "type", "user".into(), 1);
    let doc = build(cat(), &plan, Lang::Nb, MADE);
    let anchoring = doc.chapters.iter().find(|c| c.id == "anchoring").expect("the first phase has a chapter");
    assert_eq!(anchoring.heading, "Fase 1, Forankring: Forankringsnotat");
    let texts: Vec<&str> = anchoring
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(texts.contains(&phrase), "{texts:?}");
    let md = crate::documents::markdown::render(&doc);
    assert!(md.contains(phrase) && md.contains("Færre vekkede brukere"), "the phrase is in the Markdown");
    // Not in the needs description (it is written for suppliers), so added to its chapter.
    let needs = doc.chapters.iter().find(|c| c.id == "needs").unwrap();
    let also =
        needs.sections.iter().find(|s| s.heading == "Dette har dere også skrevet").expect("an 'also written' section");
    assert!(matches!(&also.items[0], Item::Text { text, .. } if text == "Nattevaktene i Fjellvik"), "{also:?}");
    let kind = content().register("needs").unwrap().column("type").unwrap();
    assert!(also.items.iter().any(|i| matches!(i, Item::Table { headers, rows, .. } if headers.contains(&kind.label.get(Lang::Nb).to_string()) && rows[0][0] == "Sove hele natten")), "{also:?}");
    assert_eq!(needs.sections.last().unwrap().heading, "Status for stegene", "the steps' status stays last");
    // Each answer once: what a document shows gets no second copy.
    assert_eq!(md.matches("Nattevaktene i Fjellvik").count(), 1);
}

/// The title block gives a version a case officer can cite: when the plan was last changed (local
/// time), its save number, and the app's version.
#[test]
fn the_title_block_gives_the_plans_version() {
    let mut plan = empty_plan();
    plan.revision = 26;
    plan.updated_at = 1_796_648_700_000; // 2026-12-07 13:05 UTC
    let meta = |lang: Lang, offset: i32| {
        let doc = build(cat(), &plan, lang, Made { utc_offset_minutes: offset, ..MADE });
        doc.meta.into_iter().map(|m| (m.label, m.value)).collect::<Vec<_>>()
    };
    let nb = meta(Lang::Nb, 60);
    assert_eq!(nb[0], ("Planen sist endret".to_string(), "07.12.2026 14:05".to_string()));
    assert_eq!(nb[1], ("Lagringsnummer".to_string(), "26".to_string()));
    assert_eq!(nb[3], ("Laget med".to_string(), "IOA-planleggeren, versjon 0.1.0".to_string()));
    assert_eq!(meta(Lang::Nn, 60)[3].1, "IOA-planleggaren, versjon 0.1.0");
    assert_eq!(meta(Lang::En, 120)[0].1, "7\u{a0}December\u{a0}2026 15:05", "summer time and English dates");
    assert_eq!(meta(Lang::Nb, 660)[0].1, "08.12.2026 00:05", "past midnight local time is the next day");
    assert!(meta(Lang::Nb, 60).iter().all(|(l, _)| !l.contains("Versjon (lagringer)")));
}

#[test]
fn moments_read_as_local_dates_and_times() {
    use crate::format::format_moment;
    assert_eq!(format_moment(0, 0, Lang::Nb), "01.01.1970 00:00");
    assert_eq!(format_moment(951_782_400_000, 0, Lang::Nb), "29.02.2000 00:00", "a leap day");
    assert_eq!(
        format_moment(1_798_761_540_000, 60, Lang::Nb),
        "01.01.2027 00:59",
        "the new year in Norway, not yet in UTC"
    );
    assert_eq!(format_moment(1_782_900_000_000, 120, Lang::Nb), "01.07.2026 12:00");
}

fn stakeholder_plan() -> Plan {
    let mut plan = empty_plan();
    let row = plan.add_register_row("stakeholders", 1);
    for (col, value) in [
        ("name", "Kari Nordmann, IT-sjef"),
        ("role", "Eier systemene"),
        ("interest", "high"),
        ("influence", "high"),
        ("attitude", "sceptical"),
    ] {
        plan.set_register_cell("stakeholders", row, col, value.into(), 1);
    }
    plan.set_answer("leadership/leaders/concerns", Answer::Text("IT-sjefen frykter en ny integrasjon".into()), 1);
    plan
}

/// A case file is open to public access: what the content marks as internal (a stakeholder's
/// attitude, what worries the leaders) is marked, or left out when the team chooses, and the
/// document says which.
#[test]
fn internal_columns_and_notes_are_marked_or_left_out() {
    let c = content();
    let attitude = c.register("stakeholders").unwrap().column("attitude").unwrap();
    assert!(attitude.internal, "the content marks a stakeholder's attitude as internal");
    assert!(c.field("leadership/leaders/concerns").unwrap().internal);
    let mut plan = stakeholder_plan();
    let md = crate::documents::markdown::render(&build(cat(), &plan, Lang::Nb, MADE));
    assert!(md.contains("| Holdning (intern) |") && md.contains("Skeptisk"), "marked when included");
    assert!(
        md.contains("#### Hva bekymrer lederne, og hvordan møter du det? (intern)") && md.contains("IT-sjefen frykter")
    );
    assert!(md.contains("**Interne opplysninger:** Tatt med og merket «(intern)»."), "the title block says so");

    plan.set_whole_document(crate::plan::WholeDocument { leave_out_internal: true, ..Default::default() }, 2);
    let doc = build(cat(), &plan, Lang::Nb, MADE);
    let md = crate::documents::markdown::render(&doc);
    let body = md.split_once("\n## ").unwrap().1; // the chapters, after the title block
    for gone in [
        "Holdning",
        "Skeptisk",
        "Påvirkning",
        "IT-sjefen frykter",
        "Hva bekymrer lederne, og hvordan møter du det? (intern)\n",
    ] {
        assert!(!body.contains(gone), "{gone} is left out");
    }
    assert!(md.contains("Kari Nordmann, IT-sjef") && md.contains("Eier systemene"), "who they are and their role stay");
    let said =
        doc.meta.iter().find(|m| m.label == "Interne opplysninger").expect("the title block says what is left out");
    assert_eq!(said.value, "Utelatt fra dette dokumentet: Interessenter: Interesse, Påvirkning, Holdning; Ledelsesforankring: «Hva bekymrer lederne, og hvordan møter du det?».");
    // A left-out field is not "not answered" either.
    assert!(!body.contains("Hva bekymrer lederne"), "{body}");
    // The tool's own document, read by the team, is unchanged.
    let own = crate::documents::tool::build(cat(), c.tool("leadership").unwrap(), &plan, Lang::Nb);
    assert!(own
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .any(|i| matches!(i, Item::Table { headers, .. } if headers.iter().any(|h| h == "Holdning"))));
}

/// With unanswered parts left out, no part says "Not answered yet" one by one: each chapter ends
/// with one short list of them by section, and the title block says so.
#[test]
fn unanswered_parts_can_be_left_out_and_listed_at_each_chapters_end() {
    let mut plan = empty_plan();
    plan.set_answer("needs/problem/what-goes-wrong", Answer::Text("Nattbesøk vekker brukerne".into()), 1);
    let all = build(cat(), &plan, Lang::Nb, MADE);
    assert!(all.missing() > 100, "{}", all.missing());
    plan.set_whole_document(crate::plan::WholeDocument { leave_out_unanswered: true, ..Default::default() }, 2);
    let doc = build(cat(), &plan, Lang::Nb, MADE);
    assert_eq!(doc.missing(), 0);
    let md = crate::documents::markdown::render(&doc);
    assert!(!md.contains(&all.missing_text), "no part says it is not answered");
    assert!(md.contains("Nattbesøk vekker brukerne"), "answers stay");
    let anchoring = doc.chapters.iter().find(|c| c.id == "anchoring").unwrap();
    let last = anchoring.sections.last().unwrap();
    assert_eq!(last.heading, "Ikke besvart ennå");
    let Item::List { items: lines, .. } = &last.items[0] else { panic!("{last:?}") };
    // (The step's goals are the goals register, which the start-up tool's chapter shows.)
    assert_eq!(
        lines[0], "Problem og mål: Strategier og planer som målene støtter, Prosjektpresentasjon",
        "answered parts are not listed"
    );
    // Every chapter names exactly the parts the full document shows as not answered.
    for (full, short) in all.chapters.iter().zip(&doc.chapters) {
        let expected: Vec<String> = full
            .sections
            .iter()
            .filter_map(|s| {
                let labels: Vec<&str> = s
                    .items
                    .iter()
                    .filter_map(|i| match i {
                        Item::Missing { label } => Some(label.as_str()),
                        _ => None,
                    })
                    .collect();
                (!labels.is_empty()).then(|| format!("{}: {}", s.heading, labels.join(", ")))
            })
            .collect();
        let listed = match short.sections.last() {
            Some(Section { heading, items, .. }) if heading == "Ikke besvart ennå" => match &items[0] {
                Item::List { items, .. } => items.clone(),
                _ => panic!(),
            },
            _ => Vec::new(),
        };
        assert_eq!(listed, expected, "{}", full.id);
    }
    assert!(doc.chapters.iter().all(|c| c.sections.iter().all(|s| !s.items.is_empty())), "no empty section is left");
    assert!(doc.meta.iter().any(|m| m.label == "Deler uten svar" && m.value.starts_with("Ikke vist én for én")));
    // Remembered with the plan, and only when chosen.
    let json = serde_json::to_string(&plan).unwrap();
    assert!(json.contains(r#""whole_document":{"leave_out_unanswered":true}"#), "{json}");
    let back: Plan = serde_json::from_str(&json).unwrap();
    assert!(back.whole_document.leave_out_unanswered);
    assert!(
        !serde_json::to_string(&empty_plan()).unwrap().contains("whole_document"),
        "a plan with no choice keeps its old shape"
    );
}

/// The text shown for every item whose label is `label`, across the document.
fn texts_labelled<'a>(doc: &'a PlanDocument, label: &str) -> Vec<(&'a str, &'a str)> {
    let mut found = Vec::new();
    for chapter in &doc.chapters {
        for item in chapter.sections.iter().flat_map(|s| &s.items) {
            if let Item::Text { label: l, text } = item {
                if l == label {
                    found.push((chapter.id.as_str(), text.as_str()));
                }
            }
        }
    }
    found
}

#[test]
fn a_value_typed_wrong_shows_with_its_error_wherever_the_documents_show_or_use_the_value() {
    use crate::decision::VALUE_KEY;
    let mut plan = empty_plan();
    plan.set_answer(VALUE_KEY, Answer::Amount(2_000_000), 1);
    for lang in [Lang::Nb, Lang::Nn, Lang::En] {
        let label = content().field(VALUE_KEY).unwrap().label.get(lang);
        // While the value is as typed, nothing is said about it but the amount.
        let doc = build(cat(), &plan, lang, MADE);
        assert_eq!(
            texts_labelled(&doc, label),
            vec![("startup", crate::format::format_nok(2_000_000, lang).as_str())],
            "{lang:?}"
        );
        assert!(crate::documents::tool::stale_value_item(cat(), &plan, lang).is_none());
    }
    plan.set_draft(VALUE_KEY, Some("to millioner".into()), 2);
    for lang in [Lang::Nb, Lang::Nn, Lang::En] {
        let label = content().field(VALUE_KEY).unwrap().label.get(lang);
        let value = crate::format::format_nok(2_000_000, lang);
        let note = tf(lang, "document.stale_value", &[("typed", "to millioner"), ("value", &value)]);
        let expected = format!("{value}\n\n{note}");
        assert!(note.contains("to millioner") && note.contains(&value), "{note}");
        // The whole plan: at the value in the start-up chapter, and where the summary and the
        // decision chapter use it, each before the results that rest on it.
        let doc = build(cat(), &plan, lang, MADE);
        let found = texts_labelled(&doc, label);
        assert_eq!(
            found,
            vec![("summary", expected.as_str()), ("startup", expected.as_str()), ("decision", expected.as_str())],
            "{lang:?}"
        );
        let decision = doc.chapters.iter().find(|c| c.id == "decision").unwrap();
        assert!(
            matches!(&decision.sections[0].items[0], Item::Text { label: l, .. } if l == label),
            "first in the decision"
        );
        // The start-up tool's own document (the memo) and its decision part.
        let startup = content().tool("startup").unwrap();
        let memo = crate::documents::tool::build(cat(), startup, &plan, lang);
        let memo_items: Vec<&Item> = memo.sections.iter().flat_map(|s| &s.items).collect();
        assert!(
            memo_items.iter().any(|i| matches!(i, Item::Text { label: l, text } if l == label && *text == expected)),
            "{lang:?}"
        );
        let route = crate::documents::decision::route_section(cat(), &plan, MADE.today, lang);
        assert_eq!(route.items[0], Item::Text { label: label.to_string(), text: expected.clone() });
        // Every renderer gets it from the model: the Markdown has the typed text and the note.
        let markdown = crate::documents::markdown::render(&doc);
        assert_eq!(markdown.matches("to millioner").count(), 3, "{lang:?}");
    }
    // No valid value before it: the documents say it is not given, and what was typed.
    let mut fresh = empty_plan();
    fresh.set_draft(VALUE_KEY, Some("tre mill kanskje".into()), 1);
    let doc = build(cat(), &fresh, Lang::Nb, MADE);
    let label = content().field(VALUE_KEY).unwrap().label.get(Lang::Nb);
    let found = texts_labelled(&doc, label);
    assert_eq!(found.len(), 3);
    assert!(found.iter().all(|(_, t)| t.starts_with("Ikke oppgitt.") && t.contains("«tre mill kanskje»")), "{found:?}");
    // A readable draft is no error: nothing is added.
    fresh.set_draft(VALUE_KEY, Some("3 mill".into()), 2);
    assert!(crate::documents::tool::stale_value_item(cat(), &fresh, Lang::Nb).is_none());
}

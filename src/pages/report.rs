//! The state report to the municipal council (`?view=report&region=3403`,
//! `rapport/3403/`, a shared service by its id): the draft
//! `innsyn_core::report` builds from the figures, shown as a document —
//! cover, contents, the seven chapters, the sources — that prints on A4
//! (`style.css`, `@media print`), with the Word documents the site
//! publishes as plain downloads. A tool: in the tools module only.

use std::sync::Arc;

use innsyn_core::catalog::Catalog;
use innsyn_core::head::DEFAULT_MUNICIPALITY;
use innsyn_core::i18n::{format_number, T};
use innsyn_core::query::View;
use innsyn_core::registry::Registry;
use innsyn_core::report::{self, Block, Figure, Report, Subject, Theme};
use leptos::prelude::*;

use crate::charts::{self, Chart};
use crate::components::table::data_table;
use crate::io;
use crate::load::{self, ReportFiles};
use crate::nav::{href, Nav};

#[component]
pub fn ReportPage() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    let id = nav
        .query
        .with_untracked(|q| q.region.clone())
        .unwrap_or_else(|| DEFAULT_MUNICIPALITY.to_string());
    let Some(subject) = Subject::find(&registry, &id) else {
        let lang = nav.lang();
        let title = T::ReportTitle.get(lang);
        let msg = T::UnknownMunicipality.fill(lang, &id);
        return view! { <h1>{title}</h1><p class="error" role="alert">{msg}</p> }.into_any();
    };
    load::with_report(move |files| {
        let (catalog, registry) = (
            expect_context::<Arc<Catalog>>(),
            expect_context::<Arc<Registry>>(),
        );
        let files2 = files.clone();
        let report = Memo::new(move |_| {
            report::build(
                &files2.template,
                &catalog,
                &registry,
                &files2.data,
                subject,
                nav.lang(),
            )
        });
        view! { {move || document(nav, &report.get(), subject, &files)} }.into_any()
    })
    .into_any()
}

/// The report as a document.
fn document(nav: Nav, r: &Report, subject: Subject, files: &ReportFiles) -> impl IntoView {
    let lang = r.lang;
    let problems = (!files.problems.is_empty()).then(|| {
        let items = files
            .problems
            .iter()
            .map(|(id, e)| view! { <li>{format!("{id}: {}", e.text(lang))}</li> })
            .collect_view();
        view! {
            <div class="error" role="alert">
                <p>{T::ReportUnreadable.get(lang)}</p>
                <ul>{items}</ul>
            </div>
        }
    });
    let chapters = r.chapters.iter().map(|c| chapter(nav, c)).collect_view();
    let sources = r
        .sources
        .iter()
        .map(|s| {
            let lines = s
                .lines
                .iter()
                .map(|l| view! { <li>{l.clone()}</li> })
                .collect_view();
            view! { <h3>{s.title.clone()}</h3><ul class="source-lines">{lines}</ul> }
        })
        .collect_view();
    let sources_title = T::ReportSources.get(lang);
    view! {
        <article class="report">
            <header class="report-cover">
                <h1>{r.title.clone()}<span class="report-subject">{r.subject.clone()}</span></h1>
                {r.year.clone().map(|y| view! { <p class="report-year">{y}</p> })}
                <p class="summary">{r.subtitle.clone()}</p>
                {actions(nav, r, subject, files)}
            </header>
            {problems}
            {contents(nav, r)}
            {chapters}
            <section class="report-sources" aria-labelledby="kilder">
                <h2 id="kilder" tabindex="-1">{sources_title}</h2>
                {sources}
            </section>
        </article>
    }
}

/// Print, and the Word documents of this report the site publishes.
fn actions(nav: Nav, r: &Report, subject: Subject, files: &ReportFiles) -> impl IntoView {
    let lang = r.lang;
    let registry = expect_context::<Arc<Registry>>();
    let docs: Vec<_> = files
        .published
        .iter()
        .filter(|p| p.id == subject.id(&registry))
        .map(|p| {
            let url = format!("rapport/{}", p.file);
            let text = format!(
                "{} ({}, {} kB)",
                T::ReportWord.get(lang),
                p.lang.own_name(),
                format_number((p.bytes as f64 / 1000.0).round(), 0, lang)
            );
            view! { <li><a href=url download=p.file.clone()>{text}</a></li> }
        })
        .collect();
    let none = docs.is_empty().then(|| {
        view! { <p class="hint">{T::ReportWordLater.get(lang)}</p> }
    });
    let back = match subject {
        Subject::Municipality(_) => Some(nav.to(View::Municipality, r.id.clone())),
        Subject::Service(_) => None,
    };
    view! {
        <div class="report-actions no-print">
            <ul class="downloads">{docs}</ul>
            {none}
            <button type="button" class="print" on:click=|_| io::print()>{T::ReportPrint.get(lang)}</button>
            {back.map(|q| view! { <p><a href=href(&q)>{T::ReportBack.get(lang)}</a></p> })}
        </div>
    }
}

/// The table of contents: the chapters and themes, linked.
fn contents(nav: Nav, r: &Report) -> impl IntoView {
    let lang = r.lang;
    let page = nav.query.with_untracked(|q| href(q));
    let link = move |id: String, text: String| {
        let to = id.clone();
        view! { <a href=format!("{page}#{id}") on:click=move |ev| { ev.prevent_default(); io::go_to(&to); }>{text}</a> }
    };
    let items = r
        .chapters
        .iter()
        .map(|c| {
            let themes = c.blocks.iter().filter_map(|b| match b {
                Block::Theme(th) => Some(view! { <li>{link(format!("tema-{}", th.id), format!("{} {}", th.number, th.title))}</li> }),
                _ => None,
            });
            let themes: Vec<_> = themes.collect();
            let sub = (!themes.is_empty()).then(|| view! { <ol>{themes}</ol> });
            view! { <li>{link(format!("kap-{}", c.number), format!("{} {}", c.number, c.title))}{sub}</li> }
        })
        .collect_view();
    let title = T::ReportContents.get(lang);
    view! {
        <nav class="report-contents" aria-labelledby="innhold">
            <h2 id="innhold">{title}</h2>
            <ol>{items}<li>{link("kilder".into(), T::ReportSources.get(lang).into())}</li></ol>
        </nav>
    }
}

fn chapter(nav: Nav, c: &report::Chapter) -> impl IntoView {
    let id = format!("kap-{}", c.number);
    let blocks = c.blocks.iter().map(|b| block(nav, b)).collect_view();
    view! {
        <section class="report-chapter" aria-labelledby=id.clone()>
            <h2 id=id.clone() tabindex="-1">{format!("{} {}", c.number, c.title)}</h2>
            {blocks}
        </section>
    }
}

fn block(nav: Nav, b: &Block) -> AnyView {
    match b {
        Block::Text(t) => view! { <p>{t.clone()}</p> }.into_any(),
        Block::Guidance { heading, items } => {
            let items = items
                .iter()
                .map(|i| view! { <p>{i.clone()}</p> })
                .collect_view();
            view! { <div class="guidance" role="note" aria-label=heading.clone()><p class="guidance-head">{heading.clone()}</p>{items}</div> }.into_any()
        }
        Block::Facts(items) => {
            let items = items
                .iter()
                .map(|i| view! { <li>{i.clone()}</li> })
                .collect_view();
            view! { <ul class="facts-list">{items}</ul> }.into_any()
        }
        Block::Terms(terms) => {
            let items = terms
                .iter()
                .map(|(t, d)| view! { <dt>{t.clone()}</dt><dd>{d.clone()}</dd> })
                .collect_view();
            view! { <dl class="facts">{items}</dl> }.into_any()
        }
        Block::Questions { heading, items } => questions(heading, items).into_any(),
        Block::WriteHere(t) => view! { <p class="write-here">{t.clone()}</p> }.into_any(),
        Block::Theme(th) => theme(nav, th).into_any(),
    }
}

fn questions(heading: &str, items: &[String]) -> impl IntoView {
    let items = items
        .iter()
        .map(|i| view! { <li>{i.clone()}</li> })
        .collect_view();
    view! { <div class="questions"><p class="questions-head">{heading.to_string()}</p><ul>{items}</ul></div> }
}

fn theme(nav: Nav, th: &Theme) -> impl IntoView {
    let lang = nav.lang();
    let id = format!("tema-{}", th.id);
    let figures = th.figures.iter().map(|f| figure(nav, f)).collect_view();
    let missing = th.missing.as_ref().map(|m| {
        let titles = m
            .titles
            .iter()
            .map(|t| view! { <li>{t.clone()}</li> })
            .collect_view();
        view! {
            <div class="missing">
                <ul>{titles}</ul>
                <p>{m.text.clone()}</p>
                <p class="write-here">"…"</p>
            </div>
        }
    });
    let asks = (!th.questions.is_empty()).then(|| {
        let heading = T::ReportQuestions.get(lang);
        questions(heading, &th.questions)
    });
    view! {
        <section class="report-theme" aria-labelledby=id.clone()>
            <h3 id=id.clone() tabindex="-1">{format!("{} {}", th.number, th.title)}</h3>
            {(!th.intro.is_empty()).then(|| view! { <p>{th.intro.clone()}</p> })}
            {figures}
            {missing}
            {asks}
        </section>
    }
}

fn figure(nav: Nav, f: &Figure) -> impl IntoView {
    let lang = nav.lang();
    let svg = f.chart.as_ref().and_then(|c| {
        let lines: Vec<(&str, &[(String, Option<f64>)])> = c
            .lines
            .iter()
            .map(|(n, p)| (n.as_str(), p.as_slice()))
            .collect();
        charts::lines(&lines, &c.breaks, 640.0, 280.0, true)
            .ok()
            .map(|d| d.in_lang(lang))
    });
    let chart = svg.map(|svg| {
        let caption = format!("{} {}: {} ({})", T::ReportFigure.get(lang), f.number, f.title, f.unit);
        view! {
            <figure class="report-figure">
                <Chart svg=Signal::stored(svg) label=Signal::stored(f.summary.clone()) hidden=Signal::stored(false) line=true/>
                <figcaption>{caption}</figcaption>
            </figure>
        }
    });
    let table = f.table.clone();
    let number = f.number;
    let caption = format!("{} {number}: {}", T::ReportTable.get(lang), f.table.caption);
    let table_label = caption.clone();
    let table_view = data_table(
        Arc::new(move |_| {
            let mut t = table.clone();
            t.caption = caption.clone();
            t
        }),
        "report-table",
    );
    let explained = (!f.explained.is_empty()).then(|| {
        let items = f
            .explained
            .iter()
            .map(|e| view! { <li>{e.clone()}</li> })
            .collect_view();
        view! { <ul class="events">{items}</ul> }
    });
    view! {
        <div class="report-indicator">
            <h4>{f.title.clone()}</h4>
            {f.own.clone().map(|o| view! { <p class="own-label">{o}</p> })}
            {f.demo.then(|| view! { <p class="demo-label">{T::DemoLabel.get(lang)}</p> })}
            <p>{f.paragraph.clone()}</p>
            {chart}
            <div class="table-wrap" tabindex="0" role="region" aria-label=table_label>{table_view}</div>
            <p class="source">{f.source.clone()}</p>
            {explained}
        </div>
    }
}

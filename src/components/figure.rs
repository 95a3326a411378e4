//! The figure shell every chart is shown in: its heading (given by the
//! figure), the demo label, the chart and its table (one shown at a time,
//! a button switches), the text summary, the source line, and the
//! downloads (its table as CSV, the chart as SVG and PNG, the source file).

use innsyn_core::export;
use innsyn_core::i18n::T;
use innsyn_core::model::IndicatorMeta;
use leptos::prelude::*;

use crate::charts::{line_style, Chart};
use crate::components::cards::demo_label;
use crate::components::downloads::{download_label, downloads, Offer, TableOf, Text};
use crate::components::table::data_table;
use crate::io;
use crate::nav::{self, Nav};

/// What a figure is, beside its heading and table.
pub struct Figure {
    /// The table's element id (the toggle's `aria-controls`).
    pub id: String,
    /// The element that names the figure (`aria-labelledby`), when it has one.
    pub labelledby: Option<String>,
    pub meta: IndicatorMeta,
    /// Where its figures come from (file or request), for the source line.
    pub file: String,
    /// Whether the figure shows the demo label itself (a card that has
    /// one already says so once).
    pub demo: bool,
    pub svg: Signal<String>,
    /// The names of a line chart's lines, said beside it.
    pub legend: Option<Signal<Vec<String>>>,
    /// The chart as a file (with its legend drawn in), in a language.
    pub image: Text,
    /// The text summary: under the figure, and the chart's text alternative.
    pub summary: Signal<String>,
    /// The accessible name of the table's scrolling region.
    pub table_label: Signal<String>,
    /// A line chart (else bars).
    pub line: bool,
    /// No chart (a figure of one year): the table alone.
    pub table_only: bool,
    /// The figure's title, as its downloaded image carries it.
    pub title: Text,
    /// Its downloads' name before the extension.
    pub name: Text,
    pub table: TableOf,
}

/// The shell: `head`, the demo label, the chart ⇄ table, the summary
/// and what follows it (`after`), the source line, the toggle and the
/// downloads.
pub fn figure(f: Figure, head: impl IntoView, after: impl IntoView) -> impl IntoView {
    let Figure {
        id,
        labelledby,
        meta,
        file,
        demo,
        svg,
        legend,
        image,
        summary,
        table_label,
        line,
        table_only,
        title,
        name,
        table,
    } = f;
    nav::part(move || {
        let offer = Offer::figure(
            meta.clone(),
            file.clone(),
            table.clone(),
            name,
            (!table_only).then_some((image, title)),
        );
        let (show_table, set_show_table) = signal(table_only);
        view! {
            <figure class=if line { "figure trend" } else { "figure" } aria-labelledby=labelledby>
                {head}
                {(demo && meta.demo).then(|| demo_label(true))}
                {legend.map(|names| line_legend(names, show_table))}
                {(!table_only).then(|| view! { <Chart svg=svg label=summary hidden=Signal::derive(move || show_table.get()) line=line/> })}
                <div class="table-wrap" id=id.clone() hidden=move || !show_table.get() tabindex="0" role="region" aria-label=move || table_label.get()>
                    {nav::part_while(show_table.into(), || data_table(table, "").into_any())}
                </div>
                <figcaption>
                    <p class="summary">{move || summary.get()}</p>
                    {after}
                    {source_and_toggle(&meta, file, id, (!table_only).then_some((show_table, set_show_table)))}
                    {downloads(offer, download_label(), None)}
                </figcaption>
            </figure>
        }
        .into_any()
    })
}

/// A line chart's legend, in words beside it (hidden with the chart): each
/// line's name after a key drawn as the line is, colour and dash. Built
/// again when lines come or go; a language switch rewrites the names.
fn line_legend(names: Signal<Vec<String>>, hidden: ReadSignal<bool>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let names = Memo::new(move |_| names.get());
    let count = Memo::new(move |_| names.with(Vec::len));
    let keys = move || {
        (0..count.get())
            .map(|k| {
                let (colour, dash) = line_style(k);
                let name = move || names.with(|n| n.get(k).cloned().unwrap_or_default());
                view! {
                    <li><svg class="key" width="28" height="10" aria-hidden="true"><line x1="0" y1="5" x2="28" y2="5" stroke=colour stroke-width="2.5" stroke-dasharray=dash/></svg>{name}</li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="legend lines" role="group" aria-label=nav.t(T::Legend) hidden=move || hidden.get() || count.get() < 2>
            <ul>{keys}</ul>
        </div>
    }
}

/// A figure's provenance — source, table (linked), the file it came from,
/// when the publisher last updated the figures, when Innsyn's snapshot
/// was fetched and which KOSTRA release they are, the price index of
/// fixed prices, the site its files are on when that is not this one, and
/// every note of the file — and, given its state, the button that switches
/// between the chart and its table.
fn source_and_toggle(
    meta: &IndicatorMeta,
    file: String,
    table_id: String,
    toggle: Option<(ReadSignal<bool>, WriteSignal<bool>)>,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let source = meta.source.clone().unwrap_or_else(|| "–".into());
    // Each table named, linked to its page: SSB's tables by their number.
    let tables: Vec<String> = meta
        .table
        .iter()
        .flat_map(|t| t.split(", "))
        .map(str::to_string)
        .collect();
    let from_ssb = meta
        .source
        .as_deref()
        .is_some_and(|s| s.contains("Statistisk sentralbyrå"));
    let only_link = meta
        .source_url
        .clone()
        .filter(|u| innsyn_core::limits::safe_link(u) && tables.len() == 1);
    let table = (!tables.is_empty()).then(|| {
        let items = tables
            .into_iter()
            .enumerate()
            .map(|(i, t)| {
                let href = if from_ssb && t.bytes().all(|b| b.is_ascii_digit()) {
                    Some(innsyn_core::ssb::table_page(&t))
                } else {
                    only_link.clone()
                };
                let sep = if i == 0 { "" } else { ", " };
                match href {
                    Some(href) => {
                        view! { {sep}<a href=href rel="noopener noreferrer">{t}</a> }.into_any()
                    }
                    None => view! { {sep}{t} }.into_any(),
                }
            })
            .collect_view();
        view! { ", "{nav.t(T::TableNo)}" "{items} }
    });
    let licence = meta.licence.clone().map(|l| format!(" ({l})"));
    // A file on another origin than the page's says where it is.
    let from = innsyn_core::site::file_origins(&file, &io::origin());
    let m = meta.clone();
    let dated = meta.updated.is_some()
        || meta.fetched.is_some()
        || meta.release.is_some()
        || meta.fixed.is_some();
    let dates = (dated || from.is_some()).then(|| {
        view! {
            <p class="dates">{move || {
                let lang = nav.lang();
                let mut parts = export::dates(&m, lang);
                if let Some(o) = &from {
                    parts.push(format!("{} {o}", T::FileFrom.get(lang)));
                }
                parts.join(" · ")
            }}</p>
        }
    });
    let notes = (!meta.notes.is_empty()).then(|| {
        let items = meta
            .notes
            .iter()
            .map(|n| view! { <li>{n.clone()}</li> })
            .collect_view();
        view! { <div class="notes"><p>{nav.t(T::Notes)}":"</p><ul>{items}</ul></div> }
    });
    let toggle = toggle.map(|(show_table, set_show_table)| {
        view! {
            <button
                type="button"
                class="toggle"
                aria-controls=table_id
                aria-expanded=move || if show_table.get() { "true" } else { "false" }
                on:click=move |_| set_show_table.update(|v| *v = !*v)
            >
                {move || if show_table.get() { T::ShowChart.get(nav.lang()) } else { T::ShowTable.get(nav.lang()) }}
            </button>
        }
    });
    view! {
        <p class="source">{nav.t(T::Source)}": "{source}{table}{licence}" · "{file}</p>
        {dates}
        {notes}
        {toggle}
    }
}

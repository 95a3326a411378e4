//! A figure's provenance line and its chart ⇄ table toggle.

use innsyn_core::i18n::{format_timestamp, T};
use innsyn_core::model::IndicatorMeta;
use leptos::prelude::*;

use crate::nav::Nav;

/// A figure's provenance — source, table (linked), the file it came from,
/// when the publisher last updated the figures and when Innsyn's snapshot
/// was fetched, and every note of the file — and the button that switches
/// between the chart and its table.
pub fn source_and_toggle(
    meta: &IndicatorMeta,
    file: String,
    table_id: String,
    show_table: ReadSignal<bool>,
    set_show_table: WriteSignal<bool>,
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
        .filter(|u| innsyn_core::simple::safe_link(u) && tables.len() == 1);
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
    let (updated, fetched) = (meta.updated.clone(), meta.fetched.clone());
    let dates = (updated.is_some() || fetched.is_some()).then(|| {
        view! {
            <p class="dates">{move || {
                let lang = nav.lang();
                let mut parts = Vec::new();
                if let Some(u) = updated.as_deref().and_then(|u| format_timestamp(u, lang)) {
                    parts.push(format!("{} {u}", T::Updated.get(lang)));
                }
                if let Some(f) = fetched.as_deref().and_then(|f| format_timestamp(f, lang)) {
                    parts.push(format!("{} {f}", T::FetchedFromSsb.get(lang)));
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
    view! {
        <p class="source">{nav.t(T::Source)}": "{source}{table}{licence}" · "{file}</p>
        {dates}
        {notes}
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
}

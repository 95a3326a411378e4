//! The printout's key figures: every indicator in one table, with notes and sources.

use std::sync::Arc;

use innsyn_core::aggregate::{computed_label, Rule};
use innsyn_core::catalog::IndicatorDef;
use innsyn_core::cooperation::{self as coop, RowKind};
use innsyn_core::i18n::T;
use innsyn_core::model::Dataset;
use innsyn_core::present;
use innsyn_core::registry::Registry;
use leptos::prelude::*;

use crate::components::cards::value_cell;
use crate::load::{self, Loading};
use crate::nav::Nav;

/// The key figures of every indicator in one table, with coverage notes and
/// sources: what goes on paper (print only), so that the printout of any
/// scenario fits on one page.
#[component]
pub(super) fn PrintSummary(
    cards: Vec<(IndicatorDef, Loading<Arc<Dataset>>)>,
    members: Memo<Vec<usize>>,
    comparisons: Vec<String>,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    let table = move || {
        let lang = nav.lang();
        let members = members.get();
        let loaded: Vec<(IndicatorDef, Arc<Dataset>, coop::Figures)> = cards
            .iter()
            .filter_map(|(ind, ld)| {
                let ds = ld.get()?.ok()?;
                let f = coop::figures(&ds, &registry, &members, &comparisons, None, lang)?;
                Some((ind.clone(), ds, f))
            })
            .collect();
        // One row per area (the combined service, its coverage, each member,
        // then every county and region any indicator has), one column per
        // indicator: a scenario of any size stays on one page.
        let combined = format!("{} ({})", coop::combined_name(lang), computed_label(lang));
        let mut areas: Vec<String> = vec![combined.clone()];
        for (_, _, f) in &loaded {
            for r in f.rows.iter().filter(|r| r.kind != RowKind::Combined) {
                if !areas.contains(&r.name) {
                    areas.push(r.name.clone());
                }
            }
        }
        let head = loaded
            .iter()
            .map(|(_, ds, f)| {
                let m = ds.meta.clone().unwrap_or_default();
                let label = format!("{} ({}), {}", m.title.get(lang), m.unit.get(lang), f.period);
                view! { <th scope="col" class="num">{label}</th> }
            })
            .collect_view();
        let mut notes: Vec<String> = Vec::new();
        for (ind, ds, f) in &loaded {
            let title = ds
                .meta
                .as_ref()
                .map(|m| m.title.get(lang).to_string())
                .unwrap_or_default();
            let coverage = if f.rule == Rule::NotCombinable {
                T::NotCombinable.get(lang).to_string()
            } else {
                format!("{}: {}", T::Coverage.get(lang), f.combined.coverage(lang))
            };
            notes.push(format!("{title}: {coverage}"));
            for l in present::left_out_lines(&f.combined, &registry, lang) {
                notes.push(format!("{title}: {l}"));
            }
            let source = ds
                .meta
                .as_ref()
                .and_then(|m| m.source.clone())
                .unwrap_or_default();
            notes.push(format!(
                "{}: {source} · {}",
                T::Source.get(lang),
                load::file_of(&ind)
            ));
        }
        let rows = areas
            .into_iter()
            .map(|area| {
                let cells = loaded
                    .iter()
                    .map(|(_, ds, f)| {
                        let decimals = ds.meta.as_ref().map_or(0, |m| m.decimals);
                        let value = if area == combined {
                            f.combined.value
                        } else {
                            f.rows.iter().find(|r| r.name == area).and_then(|r| r.value)
                        };
                        value_cell(value, decimals, lang, "–")
                    })
                    .collect_view();
                let class = if area == combined { "combined" } else { "" };
                view! { <tr class=class><th scope="row">{area}</th>{cells}</tr> }
            })
            .collect_view();
        let demo = loaded
            .iter()
            .any(|(_, ds, _)| ds.meta.as_ref().is_some_and(|m| m.demo));
        view! {
            {demo.then(|| view! { <p class="demo-label"><strong>{T::DemoLabel.get(lang)}</strong></p> })}
            <table>
                <thead><tr>
                    <th scope="col">{T::Area.get(lang)}</th>
                    {head}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <ul class="notes">{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
        }
    };
    view! { <section class="print-only key-figures">{table}</section> }
}

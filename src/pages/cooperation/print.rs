//! The printout's key figures: every indicator in one table, with notes and sources.

use std::sync::Arc;

use innsyn_core::catalog::IndicatorDef;
use innsyn_core::cooperation as coop;
use innsyn_core::i18n::T;
use innsyn_core::model::Dataset;
use innsyn_core::present::{self, PrintColumn};
use innsyn_core::registry::Registry;
use leptos::prelude::*;

use crate::components::cards::demo_label;
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
        let columns: Vec<PrintColumn> = loaded
            .iter()
            .filter_map(|(ind, ds, f)| {
                Some(PrintColumn {
                    meta: ds.meta.as_ref()?,
                    file: load::file_of(ind),
                    figures: f.clone(),
                })
            })
            .collect();
        let t = present::print_table(&columns, &registry, lang);
        let head = t
            .head
            .into_iter()
            .map(|h| view! { <th scope="col" class="num">{h}</th> })
            .collect_view();
        let decimals = t.decimals;
        let rows = t.rows.into_iter().map(|row| {
            let cells = row.cells.into_iter().zip(&decimals).map(|(v, d)| value_cell(v, *d, lang, "–")).collect_view();
            view! { <tr class=if row.combined { "combined" } else { "" }><th scope="row">{row.area}</th>{cells}</tr> }
        }).collect_view();
        view! {
            {t.demo.then(|| demo_label(false))}
            <table>
                <thead><tr>
                    <th scope="col">{T::Area.get(lang)}</th>
                    {head}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <ul class="notes">{t.notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
        }
    };
    view! { <section class="print-only key-figures">{table}</section> }
}

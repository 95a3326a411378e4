//! The one renderer of a figure's table: an `innsyn_core::export::Table`
//! (the same model the CSV download is written from, so what a reader
//! downloads is what the table shows) as a `<table>` with its caption,
//! column heads, row heads (a region's code beside its name) and numeric
//! cells carrying the raw number in `data-value`.

use innsyn_core::export::Cell;
use leptos::prelude::*;

use crate::components::cards::value_cell;
use crate::components::downloads::TableOf;
use crate::nav::Nav;

/// The table `table` gives in the page's language, redrawn when what it
/// reads changes.
pub fn data_table(table: TableOf, class: &'static str) -> impl IntoView {
    let nav = expect_context::<Nav>();
    move || {
        let lang = nav.lang();
        let t = table(lang);
        let head = t
            .head
            .iter()
            .map(|(h, num)| view! { <th scope="col" class=num.then_some("num")>{h.clone()}</th> })
            .collect_view();
        let rows = t.rows
                .iter()
                .map(|row| {
                    let cells = row
                        .cells
                        .iter()
                        .map(|c| match c {
                            Cell::Head(name, code) => view! {
                                <th scope="row">{name.clone()}{code.clone().map(|c| view! { " "<span class="code">{c}</span> })}</th>
                            }
                            .into_any(),
                            Cell::Text(s) => view! { <td>{s.clone()}</td> }.into_any(),
                            Cell::Num(v, dec, missing) => value_cell(*v, *dec, lang, missing).into_any(),
                        })
                        .collect_view();
                    view! { <tr class=(!row.class.is_empty()).then_some(row.class)>{cells}</tr> }
                })
                .collect_view();
        view! {
            <table class=(!class.is_empty()).then_some(class)>
                <caption>{t.caption}</caption>
                <thead><tr>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
    }
}

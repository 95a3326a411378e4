//! The ranking of the municipalities: a charts-rs bar chart with its text
//! summary, demo label and source, and the same figures as a real table,
//! in the figure shell.

use std::sync::Arc;

use innsyn_core::chart::chart_width;
use innsyn_core::i18n::T;
use innsyn_core::present::{self, Ranking};
use leptos::prelude::*;

use crate::charts;
use crate::components::cards::value_cell;
use crate::components::figure::{figure, Figure};
use crate::nav::Nav;

/// The ranking in the figure shell. `nested`: inside a card that has its
/// own heading and demo label, so the figure's heading is an h3 and the
/// label is not repeated.
#[component]
pub fn RankingFigure(
    ranking: Ranking,
    file: String,
    #[prop(optional)] nested: bool,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let r = Arc::new(ranking);
    let id = format!("fig-{}{}", r.meta.id, if nested { "-members" } else { "" });
    let heading_id = format!("{id}-h");
    let (r1, r2, r3, r4, r5) = (r.clone(), r.clone(), r.clone(), r.clone(), r.clone());
    let svg = Memo::new(move |_| {
        charts::ranking_svg(&r1, nav.lang(), chart_width(nav.viewport.get())).unwrap_or_default()
    });
    let title = move || format!("{} {}", r2.meta.title.get(nav.lang()), r2.period);
    let heading = if nested {
        let period = r.period.clone();
        view! { <h3 id=heading_id.clone()>{move || format!("{} {period}", T::MembersIn.get(nav.lang()))}</h3> }.into_any()
    } else {
        let title = title.clone();
        view! { <h2 id=heading_id.clone()>{title}</h2> }.into_any()
    };
    let head = view! {
        {heading}
        <p class="unit">{move || format!("{}: {}", T::Unit.get(nav.lang()), r3.meta.unit.get(nav.lang()))}</p>
    };
    figure(
        Figure {
            id: format!("{id}-table"),
            labelledby: Some(heading_id),
            meta: r.meta.clone(),
            file,
            demo: !nested,
            svg: svg.into(),
            summary: Signal::derive(move || r4.summary(nav.lang())),
            table_label: Signal::derive(move || {
                format!("{} – {}", title(), T::Table.get(nav.lang()))
            }),
            line: false,
        },
        head,
        view! {
            <table>
                <caption>{move || format!("{} {} ({})", r5.meta.title.get(nav.lang()), r5.period, r5.meta.unit.get(nav.lang()))}</caption>
                <thead>
                    <tr>
                        <th scope="col">{nav.t(T::Municipality)}</th>
                        <th scope="col" class="num">{nav.t(T::Value)}</th>
                        <th scope="col">{nav.t(T::Status)}</th>
                    </tr>
                </thead>
                <tbody>{move || rows(&r, nav)}</tbody>
            </table>
        },
    )
}

/// The ranking's rows; value cells carry the raw number in `data-value`.
fn rows(r: &Ranking, nav: Nav) -> impl IntoView {
    let lang = nav.lang();
    r.rows
        .iter()
        .map(|row| {
            let note = match (&row.value, &row.status) {
                (Some(_), None) => String::new(),
                (Some(_), Some(s)) => s.meaning(lang),
                (None, s) => present::reason(s.as_ref(), lang),
            };
            let symbol = row.status.as_ref().map(|s| s.symbol().to_string());
            view! {
                <tr>
                    <th scope="row">{row.name.clone()}" "<span class="code">{row.code.clone()}</span></th>
                    {value_cell(row.value, r.meta.decimals, lang, symbol.as_deref().unwrap_or("–"))}
                    <td>{note}</td>
                </tr>
            }
        })
        .collect_view()
}

//! The ranking of the municipalities: a charts-rs bar chart with its text
//! summary, demo label and source, and the same figures as a real table.

use std::sync::Arc;

use innsyn_core::i18n::T;
use innsyn_core::present::{self, Ranking};
use leptos::prelude::*;

use crate::charts::{self, chart_width, Chart};
use crate::components::cards::value_cell;
use crate::components::figure::source_and_toggle;
use crate::nav::Nav;

/// The chart, its text summary, the demo label, the source line and the table toggle.
/// `nested`: inside a card that has its own heading and demo label, so the
/// figure's heading is an h3 and the label is not repeated.
#[component]
pub fn RankingFigure(
    ranking: Ranking,
    file: String,
    #[prop(optional)] nested: bool,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let (show_table, set_show_table) = signal(false);
    let r = Arc::new(ranking);
    let id = format!("fig-{}{}", r.meta.id, if nested { "-members" } else { "" });
    let heading_id = format!("{id}-h");
    let table_id = format!("{id}-table");
    let (r1, r2, r3, r4) = (r.clone(), r.clone(), r.clone(), r.clone());
    let svg = Memo::new(move |_| {
        charts::ranking_svg(&r1, nav.lang(), chart_width(nav.viewport.get())).unwrap_or_default()
    });
    view! {
        <figure class="figure" aria-labelledby=heading_id.clone()>
            {if nested {
                view! { <h3 id=heading_id.clone()>{move || format!("{} {}", T::MembersIn.get(nav.lang()), r2.period)}</h3> }.into_any()
            } else {
                view! { <h2 id=heading_id.clone()>{move || format!("{} {}", r2.meta.title.get(nav.lang()), r2.period)}</h2> }.into_any()
            }}
            <p class="unit">{move || format!("{}: {}", T::Unit.get(nav.lang()), r3.meta.unit.get(nav.lang()))}</p>
            {(r.meta.demo && !nested).then(|| view! {
                <p class="demo-label"><strong>{nav.t(T::DemoLabel)}</strong>" "{nav.t(T::DemoExplained)}</p>
            })}
            <Chart
                svg=Signal::derive(move || svg.get())
                label=Signal::derive(move || r4.summary(nav.lang()))
                hidden=Signal::derive(move || show_table.get())
            />
            <RankingTable ranking=r.clone() id=table_id.clone() hidden=show_table/>
            <figcaption>
                <p class="summary">{ let r = r.clone(); move || r.summary(nav.lang()) }</p>
                {source_and_toggle(&r.meta, file, table_id, show_table, set_show_table)}
            </figcaption>
        </figure>
    }
}

/// The ranking as a real table; value cells carry the raw number in `data-value`.
#[component]
fn RankingTable(ranking: Arc<Ranking>, id: String, hidden: ReadSignal<bool>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let (r1, r2) = (ranking.clone(), ranking.clone());
    view! {
        <div
            class="table-wrap"
            hidden=move || !hidden.get()
            id=id
            tabindex="0"
            role="region"
            aria-label=move || format!("{} {} – {}", r1.meta.title.get(nav.lang()), r1.period, T::Table.get(nav.lang()))
        >
            <table>
                <caption>{move || format!("{} {} ({})", r2.meta.title.get(nav.lang()), r2.period, r2.meta.unit.get(nav.lang()))}</caption>
                <thead>
                    <tr>
                        <th scope="col">{nav.t(T::Municipality)}</th>
                        <th scope="col" class="num">{nav.t(T::Value)}</th>
                        <th scope="col">{nav.t(T::Status)}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let lang = nav.lang();
                        ranking
                            .rows
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
                                        {value_cell(row.value, ranking.meta.decimals, lang, symbol.as_deref().unwrap_or("–"))}
                                        <td>{note}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}

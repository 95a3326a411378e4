//! A computed figure over time: a line chart of the region's (or combined
//! service's) figure against its comparison lines, with its text summary,
//! its table (period, value, coverage, comparisons) and its source line.
//! Shared by the region dashboard and the cooperation simulator.

use innsyn_core::aggregate::Combined;
use innsyn_core::i18n::{format_number, Lang, T};
use innsyn_core::model::IndicatorMeta;
use innsyn_core::present::{self, Line};
use leptos::prelude::*;

use crate::charts::{self, chart_width, Chart};
use crate::components::cards::value_cell;
use crate::components::figure::source_and_toggle;
use crate::nav::Nav;

#[component]
pub fn TrendFigure(
    /// The table's element id.
    id: String,
    meta: IndicatorMeta,
    file: String,
    /// The name of the computed line, e.g. "Hedmark (beregnet)".
    own_name: Signal<String>,
    series: Signal<Vec<(String, Combined)>>,
    others: Signal<Vec<Line>>,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let points = move || present::values(&series.get());
    let line = move || {
        let lang = nav.lang();
        let w = chart_width(nav.viewport.get()).min(640.0);
        let own_name = own_name.get();
        let own = points();
        let others = others.get();
        let mut lines: Vec<(&str, &[(String, Option<f64>)])> =
            vec![(own_name.as_str(), own.as_slice())];
        lines.extend(others.iter().map(|(n, p)| (n.as_str(), p.as_slice())));
        charts::lines_svg(&lines, lang, w, 240.0).unwrap_or_default()
    };
    let m = meta.clone();
    let summary = Memo::new(move |_| {
        let lang = nav.lang();
        let pts: Vec<(String, f64)> = points()
            .into_iter()
            .filter_map(|(p, v)| v.map(|v| (p, v)))
            .collect();
        let text = match (pts.first(), pts.last()) {
            (Some((p0, v0)), Some((p1, v1))) => {
                let (v0, v1) = (
                    format_number(*v0, m.decimals, lang),
                    format_number(*v1, m.decimals, lang),
                );
                let unit = m.unit.get(lang);
                match lang {
                    Lang::Nb => format!(
                        "Linjediagram, {p0}–{p1}: fra {v0} til {v1} {unit}. Tabellen viser alle år."
                    ),
                    Lang::Nn => format!(
                        "Linjediagram, {p0}–{p1}: frå {v0} til {v1} {unit}. Tabellen viser alle år."
                    ),
                    Lang::En => format!(
                        "Line chart, {p0}–{p1}: from {v0} to {v1} {unit}. The table shows every year."
                    ),
                }
            }
            _ => T::NoFigure.get(lang).to_string(),
        };
        let names: Vec<String> = others.get().into_iter().map(|(n, _)| n).collect();
        if names.is_empty() {
            text
        } else {
            let with = match lang {
                Lang::En => "Compared with",
                Lang::Nn => "Samanlikna med",
                Lang::Nb => "Sammenlignet med",
            };
            format!("{text} {with}: {}.", names.join(", "))
        }
    });
    let (show_table, set_show_table) = signal(false);
    let decimals = meta.decimals;
    view! {
        <figure class="figure trend">
            <Chart svg=Signal::derive(line) label=Signal::derive(move || summary.get()) hidden=Signal::derive(move || show_table.get()) line=true/>
            <div class="table-wrap" id=id.clone() hidden=move || !show_table.get() tabindex="0" role="region" aria-label=move || format!("{} – {}", T::Development.get(nav.lang()), T::Table.get(nav.lang()))>
                <table>
                    <caption>{let m = meta.clone(); move || format!("{} ({})", m.title.get(nav.lang()), m.unit.get(nav.lang()))}</caption>
                    <thead><tr>
                        <th scope="col">{nav.t(T::Period)}</th>
                        <th scope="col" class="num">{move || own_name.get()}</th>
                        <th scope="col">{nav.t(T::Coverage)}</th>
                        {move || others.get().into_iter().map(|(name, _)| view! { <th scope="col" class="num">{name}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {move || {
                            let lang = nav.lang();
                            let others = others.get();
                            series.get().into_iter().enumerate().map(|(i, (p, c))| {
                                let cells: Vec<Option<f64>> = others.iter().map(|(_, s)| s.get(i).and_then(|x| x.1)).collect();
                                view! {
                                    <tr>
                                        <th scope="row">{p}</th>
                                        {value_cell(c.value, decimals, lang, "–")}
                                        <td>{c.coverage(lang)}</td>
                                        {cells.into_iter().map(|v| value_cell(v, decimals, lang, "–")).collect_view()}
                                    </tr>
                                }
                            }).collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            <figcaption>
                <p class="summary">{summary}</p>
                {source_and_toggle(&meta, file, id, show_table, set_show_table)}
            </figcaption>
        </figure>
    }
}

//! The region dashboard (`?view=region&region=04`): for a county or regional
//! council, one card per indicator in the catalog with the region's figure
//! computed from its municipalities (sum/sum, labelled, with coverage), the
//! changes over one and five years, a trend line with its table, and the
//! members ranked.

use std::sync::Arc;

use innsyn_core::aggregate::{computed_label, Rule};
use innsyn_core::catalog::{Catalog, IndicatorRef};
use innsyn_core::i18n::{format_number, Lang, T};
use innsyn_core::model::{Dataset, Direction};
use innsyn_core::present::{self, format_change, trend};
use innsyn_core::query::{Query, View};
use innsyn_core::registry::Registry;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::{chart_width, source_and_toggle, value_cell, Nav, RankingFigure};
use crate::charts::{self, Chart};
use crate::load::with_dataset;

/// The region shown when the link names none: Hedmark.
pub const DEFAULT_REGION: &str = "04";

#[component]
pub fn RegionPage() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    let region = Memo::new(move |_| {
        nav.query
            .get()
            .region
            .unwrap_or_else(|| DEFAULT_REGION.to_string())
    });
    let reg = registry.clone();
    let name = Memo::new(move |_| reg.group_name(&region.get()).map(str::to_string));
    view! {
        <h1>{move || name.get().unwrap_or_else(|| region.get())}</h1>
        <RegionPicker region=region/>
        {let cat = expect_context::<Arc<Catalog>>(); move || {
            if name.get().is_none() {
                let msg = match nav.lang() {
                    Lang::En => format!("Innsyn knows no county or regional council «{}».", region.get()),
                    _ => format!("Innsyn kjenner ikke noe fylke eller regionråd «{}».", region.get()),
                };
                return view! { <p class="error" role="alert">{msg}</p> }.into_any();
            }
            cat.region_dashboard
                .iter()
                .filter_map(|id| cat.indicator(id).cloned())
                .map(|ind| view! { <RegionCard indicator=ind region=region comparisons=cat.comparisons.clone()/> })
                .collect_view()
                .into_any()
        }}
    }
}

/// Choose a county or regional council; the choice goes into the URL.
#[component]
fn RegionPicker(region: Memo<String>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    let counties: Vec<(String, String)> = ["04", "05", "34"]
        .iter()
        .filter_map(|id| {
            registry
                .county_name(id)
                .map(|n| (id.to_string(), n.to_string()))
        })
        .collect();
    let councils: Vec<(String, String)> = registry
        .councils
        .iter()
        .map(|c| (c.id.clone(), c.name.clone()))
        .collect();
    let option = move |(id, name): (String, String)| {
        let selected = {
            let id = id.clone();
            move || region.get() == id
        };
        view! { <option value=id selected=selected>{name}</option> }
    };
    view! {
        <div class="picker">
            <label for="region-select">{nav.t(T::ChooseRegion)}</label>
            <select
                id="region-select"
                on:change=move |ev| {
                    let value = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value());
                    if let Some(v) = value {
                        nav.go(Query { view: View::Region, region: Some(v), ..nav.query.get() });
                    }
                }
            >
                <optgroup label=nav.t(T::Counties)>{counties.into_iter().map(option).collect_view()}</optgroup>
                <optgroup label=nav.t(T::Councils)>{councils.into_iter().map(option).collect_view()}</optgroup>
            </select>
        </div>
    }
}

/// One indicator for the region.
#[component]
fn RegionCard(
    indicator: IndicatorRef,
    region: Memo<String>,
    comparisons: Vec<String>,
) -> impl IntoView {
    let registry = expect_context::<Arc<Registry>>();
    let (url, file) = (indicator.url.clone(), indicator.url);
    view! {
        <section class="panel card">
            {with_dataset(move || url.clone(), move |ds| card_body(ds, region, registry.clone(), file.clone(), comparisons.clone()))}
        </section>
    }
}

/// The lines a region's chart compares with: for a council, its county
/// (computed the same way); then the catalog's comparison regions as the file
/// publishes them. Counts are not compared: a region's årsverk next to the
/// country's would say nothing.
fn comparison_lines(
    ds: &Dataset,
    registry: &Registry,
    region: &str,
    comparisons: &[String],
    lang: Lang,
) -> Vec<(String, Vec<(String, Option<f64>)>)> {
    let rule = ds.meta.as_ref().map(|m| m.rule());
    if !matches!(rule, Some(Rule::Ratio { .. })) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let council_county = registry
        .councils
        .iter()
        .find(|c| c.id == region)
        .and_then(|c| c.members.first())
        .and_then(|m| registry.municipality(m))
        .map(|m| m.old_county().to_string());
    if let (Some(county), Some(rule)) = (council_county, rule) {
        let series =
            present::group_series(ds, registry, rule, &|y| registry.county_members(&county, y));
        let name = format!(
            "{} ({})",
            registry.county_name(&county).unwrap_or_default(),
            computed_label(lang)
        );
        out.push((
            name,
            series.into_iter().map(|(p, c)| (p, c.value)).collect(),
        ));
    }
    for code in comparisons {
        if let Some(series) = present::published_series(ds, code) {
            out.push((present::comparison_name(code, registry, lang), series));
        }
    }
    out
}

fn card_body(
    ds: Arc<Dataset>,
    region: Memo<String>,
    registry: Arc<Registry>,
    file: String,
    comparisons: Vec<String>,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let meta = ds.meta.clone().unwrap_or_default();
    let id = format!("card-{}", meta.id);
    let rule = meta.rule();
    // The region's figure in every period, recomputed when the region changes.
    let (ds2, reg2) = (ds.clone(), registry.clone());
    let series = Memo::new(move |_| {
        let id = region.get();
        present::group_series(&ds2, &reg2, rule, &|year| {
            reg2.group_members(&id, year).unwrap_or_default()
        })
    });
    let points = move || {
        series
            .get()
            .iter()
            .map(|(p, c)| (p.clone(), c.value))
            .collect::<Vec<_>>()
    };
    let (m1, reg3, ds3) = (meta.clone(), registry.clone(), ds.clone());
    let headline = move || {
        let lang = nav.lang();
        let s = series.get();
        let Some(t) = trend(&points()) else {
            let text = if rule == Rule::NotCombinable {
                T::NotCombinable
            } else {
                T::NoFigure
            };
            return view! { <p class="no-figure">{text.get(lang)}</p> }.into_any();
        };
        // Only a council is ranked (among the councils); a county has no peers here.
        let rank = present::council_rank(&ds3, &reg3, rule, &region.get(), &t.period);
        let latest = s
            .iter()
            .find(|(p, _)| *p == t.period)
            .map(|(_, c)| c.clone());
        let coverage = latest
            .as_ref()
            .map(|c| c.coverage(lang))
            .unwrap_or_default();
        let left_out: Vec<String> = latest
            .as_ref()
            .map(|c| {
                c.left_out
                    .iter()
                    .map(|(code, why)| {
                        format!(
                            "{}: {}",
                            reg3.municipality(code)
                                .map_or(code.as_str(), |m| m.name.as_str()),
                            why.text(lang)
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let change = |c: &Option<(String, f64)>| {
            c.as_ref().map(|(p, d)| {
                format!(
                    "{} {p}: {}",
                    T::ChangeFrom.get(lang),
                    format_change(*d, m1.decimals, lang)
                )
            })
        };
        let changes: Vec<String> = [change(&t.change_1), change(&t.change_5)]
            .into_iter()
            .flatten()
            .collect();
        let n_left = left_out.len();
        view! {
            <p class="big">
                <span class="value">{format_number(t.value, m1.decimals, lang)}</span>" "
                <span class="unit">{m1.unit.get(lang).to_string()}</span>
            </p>
            <p class="computed">{format!("{} · {} · {}: {coverage}", t.period, computed_label(lang), T::Coverage.get(lang))}</p>
            <ul class="changes">{changes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
            {rank.map(|(r, n)| view! { <p class="rank">{format!("{} {r} / {n}", T::RankOf.get(lang))}<span class="hint">{format!(" ({})", T::RankCouncilsExplained.get(lang))}</span></p> })}
            {(n_left > 0).then(|| view! {
                <details class="left-out">
                    <summary>{format!("{} ({n_left})", T::LeftOut.get(lang))}</summary>
                    <ul>{left_out.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                </details>
            })}
        }
        .into_any()
    };
    let m2 = meta.clone();
    let direction = move || {
        match m2.direction {
            Direction::HigherIsBetter => T::HigherBetter,
            Direction::HigherIsWorse => T::HigherWorse,
            Direction::Neither => T::HigherNeither,
        }
        .get(nav.lang())
    };
    let (m4, m5) = (meta.clone(), meta.clone());
    let others = {
        let (ds, registry) = (ds.clone(), registry.clone());
        Memo::new(move |_| {
            comparison_lines(&ds, &registry, &region.get(), &comparisons, nav.lang())
        })
    };
    let reg4 = registry.clone();
    let line = move || {
        let lang = nav.lang();
        let w = chart_width(nav.viewport.get()).min(640.0);
        let own_name = format!(
            "{} ({})",
            reg4.group_name(&region.get()).unwrap_or_default(),
            computed_label(lang)
        );
        let own = points();
        let others = others.get();
        let mut lines: Vec<(&str, &[(String, Option<f64>)])> =
            vec![(own_name.as_str(), own.as_slice())];
        lines.extend(others.iter().map(|(n, p)| (n.as_str(), p.as_slice())));
        charts::lines_svg(&lines, lang, w, 240.0).unwrap_or_default()
    };
    let line_summary = Memo::new(move |_| {
        let lang = nav.lang();
        let pts: Vec<(String, f64)> = points()
            .into_iter()
            .filter_map(|(p, v)| v.map(|v| (p, v)))
            .collect();
        let text = match (pts.first(), pts.last()) {
            (Some((p0, v0)), Some((p1, v1))) => {
                let (v0, v1) = (
                    format_number(*v0, m4.decimals, lang),
                    format_number(*v1, m4.decimals, lang),
                );
                match lang {
                    Lang::Nb => format!(
                        "Linjediagram, {p0}–{p1}: fra {v0} til {v1} {}. Tabellen viser alle år.",
                        m4.unit.get(lang)
                    ),
                    Lang::Nn => format!(
                        "Linjediagram, {p0}–{p1}: frå {v0} til {v1} {}. Tabellen viser alle år.",
                        m4.unit.get(lang)
                    ),
                    Lang::En => format!(
                        "Line chart, {p0}–{p1}: from {v0} to {v1} {}. The table shows every year.",
                        m4.unit.get(lang)
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
    let table_id = format!("{id}-series");
    let members_ranking = {
        let (ds, registry) = (ds.clone(), registry.clone());
        move || {
            let members = registry
                .group_members(&region.get(), 2024)
                .unwrap_or_default();
            present::ranking_of(&ds, &registry, None, &members)
        }
    };
    let ranking_file = file.clone();
    view! {
        <h2 id=format!("{id}-h")>{move || m5.title.get(nav.lang()).to_string()}</h2>
        {meta.demo.then(|| view! { <p class="demo-label"><strong>{nav.t(T::DemoLabel)}</strong></p> })}
        {headline}
        <p class="direction">{direction}</p>
        <figure class="figure">
            <Chart svg=Signal::derive(line) label=Signal::derive(move || line_summary.get()) hidden=Signal::derive(move || show_table.get()) line=true/>
            <div class="table-wrap" id=table_id.clone() hidden=move || !show_table.get() tabindex="0" role="region" aria-label=move || format!("{} – {}", T::Development.get(nav.lang()), T::Table.get(nav.lang()))>
                <table>
                    <caption>{let m = meta.clone(); move || format!("{} ({})", m.title.get(nav.lang()), m.unit.get(nav.lang()))}</caption>
                    <thead><tr>
                        <th scope="col">{nav.t(T::Period)}</th>
                        <th scope="col" class="num">{nav.t(T::Value)}</th>
                        <th scope="col">{nav.t(T::Coverage)}</th>
                        {move || others.get().into_iter().map(|(name, _)| view! { <th scope="col" class="num">{name}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {let m = meta.clone(); move || {
                            let lang = nav.lang();
                            let others = others.get();
                            series.get().into_iter().enumerate().map(|(i, (p, c))| {
                                let cells: Vec<Option<f64>> = others.iter().map(|(_, s)| s.get(i).and_then(|x| x.1)).collect();
                                view! {
                                    <tr>
                                        <th scope="row">{p}</th>
                                        {value_cell(c.value, m.decimals, lang, "–")}
                                        <td>{c.coverage(lang)}</td>
                                        {cells.into_iter().map(|v| value_cell(v, m.decimals, lang, "–")).collect_view()}
                                    </tr>
                                }
                            }).collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            <figcaption>
                <p class="summary">{line_summary}</p>
                {source_and_toggle(meta.source.clone().unwrap_or_default(), file, table_id, show_table, set_show_table)}
            </figcaption>
        </figure>
        {move || members_ranking().map(|r| view! { <RankingFigure ranking=r file=ranking_file.clone() nested=true/> })}
    }
}

//! One indicator for the combined service: its figure, the latest-year table, the trend.

use std::sync::Arc;

use innsyn_core::aggregate::{computed_label, Rule};
use innsyn_core::catalog::IndicatorDef;
use innsyn_core::cooperation::{self as coop, RowKind};
use innsyn_core::i18n::{count_decimals, format_number, T};
use innsyn_core::model::Dataset;
use innsyn_core::present;
use innsyn_core::registry::Registry;
use leptos::prelude::*;

use crate::components::cards::{big_value, demo_label, left_out_list, value_cell};
use crate::components::trend::TrendFigure;
use crate::load::{self, panel, Head, Level, Loading};
use crate::nav::Nav;

/// One indicator for the combined service.
#[component]
pub(super) fn CooperationCard(
    indicator: IndicatorDef,
    load: Loading<Arc<Dataset>>,
    members: Memo<Vec<usize>>,
    comparisons: Vec<String>,
) -> impl IntoView {
    let file = load::file_of(&indicator);
    view! {
        <section class="panel card">
            {panel(load, move || Head::of(Some(&indicator), Level::Panel), move |ds| card_body(ds, members, comparisons.clone(), file.clone()))}
        </section>
    }
}

fn card_body(
    ds: Arc<Dataset>,
    members: Memo<Vec<usize>>,
    comparisons: Vec<String>,
    file: String,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    let meta = ds.meta.clone().unwrap_or_default();
    let id = format!("coop-{}", meta.id);
    let (d, r, c) = (ds.clone(), registry.clone(), comparisons.clone());
    let figures = Memo::new(move |_| coop::figures(&d, &r, &members.get(), &c, None, nav.lang()));
    let (d, r) = (ds.clone(), registry.clone());
    let series = Memo::new(move |_| coop::series(&d, &r, &members.get()));
    let (d, r) = (ds.clone(), registry.clone());
    let others = Memo::new(move |_| {
        present::comparison_lines(
            &d,
            &r,
            &coop::counties(&r, &members.get()),
            &comparisons,
            nav.lang(),
        )
    });
    let rows = Memo::new(move |_| present::computed_rows(&series.get(), &others.get(), nav.lang()));
    let m = meta.clone();
    let headline = move || {
        let lang = nav.lang();
        let Some(f) = figures.get() else {
            return view! { <p class="no-figure">{T::NoFigure.get(lang)}</p> }.into_any();
        };
        let left_out = present::left_out_lines(&f.combined, &registry, lang);
        let value = match (f.rule, f.combined.value) {
            (Rule::NotCombinable, _) => {
                view! { <p class="no-figure">{T::NotCombinable.get(lang)}</p> }.into_any()
            }
            (_, None) => view! { <p class="no-figure">{T::NoFigure.get(lang)}</p> }.into_any(),
            (_, Some(v)) => {
                let parts = m
                    .rate
                    .as_ref()
                    .zip(f.combined.numerator.zip(f.combined.denominator))
                    .map(|(rate, (n, d))| {
                        format!(
                            "= {} {} / {} {}",
                            format_number(n, count_decimals(n), lang),
                            rate.numerator.get(lang).to_lowercase(),
                            format_number(d, count_decimals(d), lang),
                            rate.denominator.get(lang).to_lowercase()
                        )
                    });
                view! {
                    {big_value(v, m.decimals, m.unit.get(lang), lang)}
                    {parts.map(|p| view! { <p class="parts">{p}</p> })}
                    <p class="computed">{format!("{} · {} · {}: {}", f.period, computed_label(lang), T::Coverage.get(lang), f.combined.coverage(lang))}</p>
                }
                .into_any()
            }
        };
        view! {
            {value}
            {left_out_list(left_out, lang)}
        }
        .into_any()
    };
    let m = meta.clone();
    let latest = move || {
        let lang = nav.lang();
        let f = figures.get()?;
        let rate = m.rate.clone();
        let head = rate.as_ref().map(|r| {
            view! {
                <th scope="col" class="num">{r.numerator.get(lang).to_string()}</th>
                <th scope="col" class="num">{r.denominator.get(lang).to_string()}</th>
            }
        });
        // One number of decimals per column, the most any of its counts needs.
        let col = |get: fn(&coop::Row) -> Option<f64>| {
            f.rows
                .iter()
                .filter_map(get)
                .map(count_decimals)
                .max()
                .unwrap_or(0)
        };
        let (nd, dd) = (col(|r| r.numerator), col(|r| r.denominator));
        let rows = f
            .rows
            .into_iter()
            .map(|row| {
                let class = match row.kind {
                    RowKind::Combined => "combined",
                    RowKind::Member => "member",
                    RowKind::County | RowKind::Published => "comparison",
                };
                let parts = rate.as_ref().map(|_| {
                    view! {
                        {value_cell(row.numerator, nd, lang, "–")}
                        {value_cell(row.denominator, dd, lang, "–")}
                    }
                });
                view! {
                    <tr class=class>
                        <th scope="row">{row.name}</th>
                        {value_cell(row.value, m.decimals, lang, "–")}
                        {parts}
                        <td>{row.note}</td>
                    </tr>
                }
            })
            .collect_view();
        let label = format!(
            "{} {}: {} ({})",
            T::LatestFigures.get(lang),
            f.period,
            m.title.get(lang),
            m.unit.get(lang)
        );
        let caption = label.clone();
        Some(view! {
            <div class="table-wrap" tabindex="0" role="region" aria-label=label>
                <table class="latest">
                    <caption>{caption}</caption>
                    <thead><tr>
                        <th scope="col">{T::Area.get(lang)}</th>
                        <th scope="col" class="num">{T::Value.get(lang)}</th>
                        {head}
                        <th scope="col">{T::Note.get(lang)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })
    };
    let title = meta.clone();
    view! {
        <h2 id=format!("{id}-h")>{move || title.title.get(nav.lang()).to_string()}</h2>
        {meta.demo.then(|| demo_label(false))}
        {headline}
        {latest}
        <TrendFigure
            id=format!("{id}-series")
            meta=meta
            file=file
            own_name=Signal::derive(move || format!("{} ({})", coop::combined_name(nav.lang()), computed_label(nav.lang())))
            rows=rows.into()
            others=others.into()
            note=T::Coverage
        />
    }
}

//! One indicator for the combined service: its figure, the latest-year table, the trend.

use std::sync::Arc;

use innsyn_core::aggregate::{computed_label, Rule};
use innsyn_core::catalog::IndicatorDef;
use innsyn_core::cooperation::{self as coop, RowKind};
use innsyn_core::export::long::{self, Block};
use innsyn_core::export::{Cell, Row, Table};
use innsyn_core::i18n::{count_decimals, format_number, Lang, T};
use innsyn_core::model::{Dataset, IndicatorMeta};
use innsyn_core::present;
use innsyn_core::registry::Registry;
use leptos::prelude::*;

use crate::components::cards::{big_value, demo_label, left_out_list};
use crate::components::downloads::{download_label, downloads, Offer, PageFile, TableOf};
use crate::components::table::data_table;
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
        <section class="panel card coop-card">
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
    let (m, registry2) = (meta.clone(), registry.clone());
    let headline = move || {
        let lang = nav.lang();
        let Some(f) = figures.get() else {
            return view! { <p class="no-figure">{T::NoFigure.get(lang)}</p> }.into_any();
        };
        let left_out = present::left_out_lines(&f.combined, &registry2, lang);
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
    let block = {
        let (meta, file, d, r) = (meta.clone(), file.clone(), ds.clone(), registry.clone());
        Arc::new(move |lang: Lang| {
            let own = format!("{} ({})", coop::combined_name(lang), computed_label(lang));
            let mut list = vec![long::computed(own, &series.get_untracked(), lang)];
            list.extend(long::members(&d, &r, &members.get_untracked(), lang));
            others.with_untracked(|o| list.extend(o.iter().map(long::line)));
            Block {
                meta: meta.clone(),
                file: file.clone(),
                series: list,
            }
        })
    };
    PageFile::add(block, meta.id.clone());
    let m = meta.clone();
    let table: TableOf = Arc::new(move |lang| {
        figures.with(|f| {
            f.as_ref()
                .map(|f| latest_table(f, &m, lang))
                .unwrap_or_default()
        })
    });
    let (m, f) = (meta.clone(), file.clone());
    let latest = move || {
        let t = figures.with(|f| f.is_some()).then(|| table(nav.lang()))?;
        let period = figures.with(|f| f.as_ref().map(|f| f.period.clone()).unwrap_or_default());
        let m2 = m.clone();
        let name = Arc::new(move |lang| {
            format!(
                "{} {} {period}",
                m2.title.get(lang),
                coop::combined_name(lang)
            )
        });
        let offer = Offer::figure(m.clone(), f.clone(), table.clone(), name, None);
        Some(view! {
            <div class="table-wrap" tabindex="0" role="region" aria-label=t.caption>
                {data_table(table.clone(), "latest")}
            </div>
            {downloads(offer, download_label(), None)}
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

/// The latest year's table: the combined service, each member, their
/// counties and the comparison regions, with the parts of a rate.
fn latest_table(f: &coop::Figures, m: &IndicatorMeta, lang: Lang) -> Table {
    let rate = m.rate.as_ref();
    let mut head = vec![
        (T::Area.get(lang).to_string(), false),
        (T::Value.get(lang).to_string(), true),
    ];
    if let Some(r) = rate {
        head.push((r.numerator.get(lang).to_string(), true));
        head.push((r.denominator.get(lang).to_string(), true));
    }
    head.push((T::Note.get(lang).to_string(), false));
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
        .iter()
        .map(|row| {
            let class = match row.kind {
                RowKind::Combined => "combined",
                RowKind::Member => "member",
                RowKind::County | RowKind::Published => "comparison",
            };
            let mut cells = vec![
                Cell::Head(row.name.clone(), None),
                Cell::Num(row.value, m.decimals, "–".into()),
            ];
            if rate.is_some() {
                cells.push(Cell::Num(row.numerator, nd, "–".into()));
                cells.push(Cell::Num(row.denominator, dd, "–".into()));
            }
            cells.push(Cell::Text(row.note.clone()));
            Row { class, cells }
        })
        .collect();
    Table {
        caption: format!(
            "{} {}: {} ({})",
            T::LatestFigures.get(lang),
            f.period,
            m.title.get(lang),
            m.unit.get(lang)
        ),
        head,
        rows,
    }
}

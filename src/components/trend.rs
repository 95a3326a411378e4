//! A figure over time in the figure shell: a line chart of its own line
//! (a region's computed figure, a combined service's, a municipality's)
//! against its comparison lines, the catalog's breaks marked where the
//! line crosses them, the sentence that says what it shows, and its table
//! (period, value, a note, the comparisons). A figure of one year is no
//! line: its table, and the sentence with the comparisons' values. Shared
//! by the start page, the region dashboard, the municipality profile and
//! the cooperation simulator; the sentence and rows are
//! `innsyn_core::present` view models, the events `innsyn_core::events`.

use std::sync::Arc;

use innsyn_core::catalog::Catalog;
use innsyn_core::chart::chart_width;
use innsyn_core::events::{self, Event};
use innsyn_core::export;
use innsyn_core::i18n::{Lang, T};
use innsyn_core::model::IndicatorMeta;
use innsyn_core::present::{self, Line, SeriesRow};
use leptos::prelude::*;

use crate::charts;
use crate::components::downloads::Text;
use crate::components::figure::{figure, Figure};
use crate::nav::Nav;

#[component]
pub fn TrendFigure(
    /// The table's element id.
    id: String,
    meta: IndicatorMeta,
    file: String,
    /// The name of the own line, e.g. "Hedmark (beregnet)" or "Lunner".
    own_name: Signal<String>,
    /// One row per period (`present::computed_rows`, `municipality_rows`).
    rows: Signal<Vec<SeriesRow>>,
    others: Signal<Vec<Line>>,
    /// The heading of the note column: coverage, or why a number is missing.
    note: T,
    /// The municipality the own line is (its own notes apply), or none
    /// for a figure computed from several.
    #[prop(optional)]
    region: Option<String>,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let catalog = expect_context::<Arc<Catalog>>();
    let points = move || {
        rows.with(|r| {
            r.iter()
                .map(|r| (r.period.clone(), r.value))
                .collect::<Vec<_>>()
        })
    };
    let all = catalog
        .indicator(&meta.id)
        .map(|d| events::events_for(&catalog.events, d))
        .unwrap_or_default();
    // The catalog's events this line shows, breaks numbered as on the chart.
    let shown = Memo::new(move |_| {
        events::shown(&all, &points(), region.as_deref())
            .into_iter()
            .cloned()
            .collect::<Vec<Event>>()
    });
    let single = rows.with_untracked(|r| r.iter().filter(|r| r.value.is_some()).count() <= 1);
    let svg = move || {
        if single {
            return String::new();
        }
        let w = chart_width(nav.viewport.get()).min(640.0);
        let (own_name, own, others) = (own_name.get(), points(), others.get());
        let mut lines: Vec<(&str, &[(String, Option<f64>)])> = vec![(&own_name, &own)];
        lines.extend(others.iter().map(|(n, p)| (n.as_str(), p.as_slice())));
        let breaks = shown.with(|s| events::break_positions(&s.iter().collect::<Vec<_>>(), &own));
        charts::lines_svg(&lines, &breaks, nav.lang(), w, 240.0).unwrap_or_default()
    };
    let (decimals, unit) = (meta.decimals, meta.unit.clone());
    let summary = Memo::new(move |_| {
        let lang = nav.lang();
        let s =
            others.with(|o| present::trend_sentence(&points(), o, decimals, unit.get(lang), lang));
        match shown.with(|s| events::breaks_key(&s.iter().collect::<Vec<_>>(), lang)) {
            Some(key) => format!("{s} {key}"),
            None => s,
        }
    });
    let m = meta.clone();
    let table = move |lang: Lang| {
        shown.with(|s| {
            let shown: Vec<&Event> = s.iter().collect();
            rows.with(|rows| {
                others.with(|o| {
                    export::series_table(
                        format!("{} ({})", m.title.get(lang), m.unit.get(lang)),
                        &own_name.get(),
                        note.get(lang),
                        rows,
                        o,
                        &shown,
                        decimals,
                        lang,
                    )
                })
            })
        })
    };
    let m = meta.clone();
    let title: Text =
        Arc::new(move |lang| format!("{} – {}", m.title.get(lang), own_name.get_untracked()));
    let t = title.clone();
    let name: Text = Arc::new(move |lang| {
        let span = rows.with_untracked(|r| match (r.first(), r.last()) {
            (Some(a), Some(b)) => format!("{} {}", a.period, b.period),
            _ => String::new(),
        });
        format!("{} {span}", t(lang))
    });
    // What each event shown is: the breaks by their number on the chart.
    let explained = move || {
        let items = shown.with(|s| events::explained(&s.iter().collect::<Vec<_>>(), nav.lang()));
        (!items.is_empty()).then(|| {
            let items = items
                .into_iter()
                .map(|t| view! { <li>{t}</li> })
                .collect_view();
            view! { <ul class="events">{items}</ul> }
        })
    };
    let label = meta.clone();
    figure(
        Figure {
            id,
            labelledby: None,
            meta,
            file,
            demo: false,
            svg: Signal::derive(svg),
            summary: summary.into(),
            // Named by its indicator: a card of one year shows its table at once.
            table_label: Signal::derive(move || {
                let lang = nav.lang();
                format!(
                    "{} – {} – {}",
                    label.title.get(lang),
                    T::Development.get(lang),
                    T::Table.get(lang)
                )
            }),
            line: true,
            table_only: single,
            title,
            name,
            table: Arc::new(table),
        },
        (),
        explained,
    )
}

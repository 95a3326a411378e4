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

use crate::charts::{self, Drawn};
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
    // What the chart draws: numbers and breaks, no names (they are said
    // beside it), so that a language switch does not draw it again.
    let numbers = Memo::new(move |_| {
        let own = points();
        let lines: Vec<Line> = others.with(|o| {
            std::iter::once(own.clone())
                .chain(o.iter().map(|(_, p)| p.clone()))
                .map(|p| (String::new(), p))
                .collect()
        });
        let breaks = shown.with(|s| events::break_positions(&s.iter().collect::<Vec<_>>(), &own));
        (lines, breaks, chart_width(nav.viewport.get()))
    });
    let drawn = Memo::new(move |_| {
        if single {
            return Drawn::default();
        }
        numbers.with(|(lines, breaks, width)| draw(lines, breaks, *width, false))
    });
    let names = move || {
        std::iter::once(own_name.get())
            .chain(others.with(|o| o.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>()))
            .collect::<Vec<_>>()
    };
    // The chart as a file (read when downloaded): its lines named on it.
    let image: Text = Arc::new(move |lang| {
        numbers.with_untracked(|(lines, breaks, width)| {
            let named: Vec<Line> = lines
                .iter()
                .zip(names())
                .map(|((_, p), n)| (n, p.clone()))
                .collect();
            draw(&named, breaks, *width, true).in_lang(lang)
        })
    });
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
            svg: Signal::derive(move || drawn.with(|d| d.in_lang(nav.lang()))),
            legend: Some(Signal::derive(names)),
            image,
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

/// The figure's line chart at `width` (at most 640 px), its lines' names
/// drawn on it with `legend`.
fn draw(lines: &[Line], breaks: &[usize], width: f32, legend: bool) -> Drawn {
    let lines: Vec<(&str, &[(String, Option<f64>)])> = lines
        .iter()
        .map(|(n, p)| (n.as_str(), p.as_slice()))
        .collect();
    charts::lines(&lines, breaks, width.min(640.0), 240.0, legend).unwrap_or_default()
}

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
use innsyn_core::events::{self, Event, Kind};
use innsyn_core::export::{Cell, Row, Table};
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
        let breaks: Vec<usize> = shown.with(|s| {
            breaks(s)
                .filter_map(|e| own.iter().position(|(p, _)| *p == e.period))
                .collect()
        });
        charts::lines_svg(&lines, &breaks, nav.lang(), w, 240.0).unwrap_or_default()
    };
    let (decimals, unit) = (meta.decimals, meta.unit.clone());
    let summary = Memo::new(move |_| {
        let lang = nav.lang();
        let s =
            others.with(|o| present::trend_sentence(&points(), o, decimals, unit.get(lang), lang));
        let keyed: Vec<String> = shown.with(|s| {
            breaks(s)
                .enumerate()
                .map(|(i, e)| format!("{} = {} {}", i + 1, e.period, e.label.get(lang)))
                .collect()
        });
        match keyed.is_empty() {
            true => s,
            false => format!("{s} {}: {}.", T::BreaksMarked.get(lang), keyed.join(", ")),
        }
    });
    let m = meta.clone();
    let table = move |lang: Lang| {
        let mut head = vec![
            (T::Period.get(lang).to_string(), false),
            (own_name.get(), true),
            (note.get(lang).to_string(), false),
        ];
        others.with(|o| head.extend(o.iter().map(|(n, _)| (n.clone(), true))));
        let rows = rows.with(|rows| {
            rows.iter()
                .map(|r| {
                    let marks = shown
                        .with(|s| events::row_note(&s.iter().collect::<Vec<_>>(), &r.period, lang));
                    let note = match marks {
                        Some(m) if r.note.is_empty() => m,
                        Some(m) => format!("{} · {m}", r.note),
                        None => r.note.clone(),
                    };
                    let mut cells = vec![
                        Cell::Head(r.period.clone(), None),
                        Cell::Num(r.value, decimals, r.symbol.clone()),
                        Cell::Text(note),
                    ];
                    cells.extend(r.others.iter().map(|v| Cell::Num(*v, decimals, "–".into())));
                    Row { class: "", cells }
                })
                .collect()
        });
        Table {
            caption: format!("{} ({})", m.title.get(lang), m.unit.get(lang)),
            head,
            rows,
        }
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
        let lang = nav.lang();
        let items = shown.with(|s| {
            let mut n = 0;
            s.iter()
                .map(|e| {
                    let key = (e.kind == Kind::Break).then(|| {
                        n += 1;
                        format!("{n} = ")
                    });
                    let text = format!("{}{}", key.unwrap_or_default(), e.sentence(lang));
                    view! { <li>{text}</li> }
                })
                .collect_view()
        });
        shown
            .with(|s| !s.is_empty())
            .then(|| view! { <ul class="events">{items}</ul> })
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

/// The breaks among the events shown, in order: the ones marked on the chart.
fn breaks(shown: &[Event]) -> impl Iterator<Item = &Event> {
    shown.iter().filter(|e| e.kind == Kind::Break)
}

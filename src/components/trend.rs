//! A figure over time in the figure shell: a line chart of its own line
//! (a region's computed figure, a combined service's, a municipality's)
//! against its comparison lines, the sentence that says what it shows, and
//! its table (period, value, a note, the comparisons). Shared by the region
//! dashboard, the municipality profile and the cooperation simulator; the
//! sentence and rows are `innsyn_core::present` view models.

use std::sync::Arc;

use innsyn_core::chart::chart_width;
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
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let points = move || {
        rows.with(|r| {
            r.iter()
                .map(|r| (r.period.clone(), r.value))
                .collect::<Vec<_>>()
        })
    };
    let svg = move || {
        let w = chart_width(nav.viewport.get()).min(640.0);
        let (own_name, own, others) = (own_name.get(), points(), others.get());
        let mut lines: Vec<(&str, &[(String, Option<f64>)])> = vec![(&own_name, &own)];
        lines.extend(others.iter().map(|(n, p)| (n.as_str(), p.as_slice())));
        charts::lines_svg(&lines, nav.lang(), w, 240.0).unwrap_or_default()
    };
    let (decimals, unit) = (meta.decimals, meta.unit.clone());
    let summary = Memo::new(move |_| {
        let lang = nav.lang();
        let names: Vec<String> = others.with(|o| o.iter().map(|(n, _)| n.clone()).collect());
        present::trend_sentence(&points(), &names, decimals, unit.get(lang), lang)
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
                    let mut cells = vec![
                        Cell::Head(r.period.clone(), None),
                        Cell::Num(r.value, decimals, r.symbol.clone()),
                        Cell::Text(r.note.clone()),
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
    figure(
        Figure {
            id,
            labelledby: None,
            meta,
            file,
            demo: false,
            svg: Signal::derive(svg),
            summary: summary.into(),
            table_label: Signal::derive(move || {
                format!(
                    "{} – {}",
                    T::Development.get(nav.lang()),
                    T::Table.get(nav.lang())
                )
            }),
            line: true,
            title,
            name,
            table: Arc::new(table),
        },
        (),
    )
}

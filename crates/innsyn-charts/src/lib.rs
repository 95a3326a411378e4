//! The only module that calls charts-rs. It turns view models into SVG
//! text: the web app sets it as a chart's inner HTML (the only markup it
//! ever sets), the CLI's report turns it into images. Every label that goes
//! into it comes from the registry or a data file, so it is escaped here
//! before charts-rs writes it into the SVG. Its numbers are then written in
//! the page's language by `innsyn_core::chart`, which also gives the width
//! charts are drawn at. No web crate: it builds natively and for wasm.

use charts_rs::{Color, HorizontalBarChart, LineChart, Series};
use innsyn_core::chart::{localize, localize_numbers, mark_breaks};
use innsyn_core::export::svg::esc;
use innsyn_core::i18n::Lang;
use innsyn_core::present::Ranking;

/// Colour of bars: dark blue, 7:1 against white (WCAG AAA for large shapes).
const BAR: Color = Color {
    r: 0x1f,
    g: 0x4e,
    b: 0x8c,
    a: 255,
};

/// charts-rs measures text with its embedded Roboto; the SVG names fallbacks
/// so that viewers without Roboto still get a sans-serif face of similar width.
const FONT: &str = "Roboto, Arial, Helvetica, sans-serif";

/// A horizontal bar chart of a ranking: one bar per municipality, highest at
/// the top; a municipality without a number gets no bar and its status symbol
/// after its name (the table explains it).
pub fn ranking_svg(r: &Ranking, lang: Lang, width: f32) -> Result<String, String> {
    // charts-rs draws the first category at the bottom: reverse so the highest is on top.
    let rows: Vec<_> = r.rows.iter().rev().collect();
    let labels: Vec<String> = rows
        .iter()
        .map(|row| match (&row.value, &row.status) {
            (None, Some(s)) => esc(&format!("{} ({})", row.name, s.symbol())),
            (None, None) => esc(&format!("{} (–)", row.name)),
            _ => esc(&row.name),
        })
        .collect();
    let data: Vec<Option<f32>> = rows.iter().map(|row| row.value.map(|v| v as f32)).collect();
    let mut series = Series::new_nullable(esc(r.meta.title.get(lang)), data);
    series.label_show = true;
    let mut chart = HorizontalBarChart::new(vec![series], labels);
    chart.width = width;
    chart.height = 50.0 + 20.0 * rows.len() as f32;
    chart.font_family = FONT.into();
    chart.compact = true;
    chart.legend.show = Some(false);
    chart.series.colors = vec![BAR];
    // The figure's decimals; charts-rs then drops trailing zeros, which
    // `localize` puts back.
    chart.series.label.formatter = format!("{{:.{}}}", r.meta.decimals);
    chart.margin.right = 40.0;
    chart
        .svg()
        .map(|svg| localize(&svg, lang, Some(r.meta.decimals)))
        .map_err(|e| e.to_string())
}

/// Colours of further lines, from the Okabe–Ito colour-blind-safe set,
/// darkened to 3:1 or more against white: dark orange, bluish green, black.
const OTHERS: [Color; 3] = [
    Color {
        r: 0xa8,
        g: 0x4a,
        b: 0x00,
        a: 255,
    },
    Color {
        r: 0x00,
        g: 0x7a,
        b: 0x5a,
        a: 255,
    },
    Color {
        r: 0x1b,
        g: 0x1f,
        b: 0x24,
        a: 255,
    },
];
/// Dash patterns of further lines, so that lines differ by more than colour.
const DASHES: [&str; 3] = ["6 3", "2 3", "10 3 2 3"];

/// A line chart of named series over the same periods (a period without a
/// value is a gap in the line, never a dip to zero), with a legend when
/// there is more than one series, and a numbered dashed line before each
/// period of `breaks` (positions in the periods).
pub fn lines_svg(
    series: &[(&str, &[(String, Option<f64>)])],
    breaks: &[usize],
    lang: Lang,
    width: f32,
    height: f32,
) -> Result<String, String> {
    // No number at all: no empty axes from 0 to 1 (the summary says why).
    if series
        .iter()
        .all(|(_, p)| p.iter().all(|(_, v)| v.is_none()))
    {
        return Err("no values".into());
    }
    let labels: Vec<String> = series
        .first()
        .map(|(_, p)| p.iter().map(|(p, _)| esc(p)).collect())
        .unwrap_or_default();
    let list = series
        .iter()
        .enumerate()
        .map(|(k, (name, points))| {
            let mut s = Series::new_nullable(
                esc(name),
                points.iter().map(|(_, v)| v.map(|v| v as f32)).collect(),
            );
            if k > 0 {
                s.stroke_dash_array = Some(DASHES[(k - 1) % DASHES.len()].to_string());
            }
            s
        })
        .collect();
    let periods = labels.len();
    let mut chart = LineChart::new(list, labels);
    chart.width = width;
    chart.height = height;
    chart.compact = true;
    chart.font_family = FONT.into();
    chart.legend.show = Some(series.len() > 1);
    chart.series.colors = std::iter::once(BAR).chain(OTHERS).collect();
    let marks: Vec<(usize, usize)> = breaks
        .iter()
        .enumerate()
        .map(|(n, &i)| (i, n + 1))
        .collect();
    chart
        .svg()
        .map(|svg| mark_breaks(&localize_numbers(&svg, lang), periods, &marks))
        .map_err(|e| e.to_string())
}

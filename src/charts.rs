//! The only module that calls charts-rs. It turns view models into SVG text;
//! that SVG is the only markup the app ever sets as inner HTML. Every label
//! that goes into it comes from the registry or a data file, so it is escaped
//! here before charts-rs writes it into the SVG.

use charts_rs::{Color, HorizontalBarChart, LineChart, Series};
use innsyn_core::i18n::{format_number, Lang};
use innsyn_core::present::Ranking;
use leptos::prelude::*;

/// Colour of bars: dark blue, 7:1 against white (WCAG AAA for large shapes).
const BAR: Color = Color {
    r: 0x1f,
    g: 0x4e,
    b: 0x8c,
    a: 255,
};

/// A chart on the page: the charts-rs SVG (the only markup Innsyn ever sets
/// as inner HTML, and only here), as an image whose text alternative is
/// `label`; hidden while its table is shown.
#[component]
pub fn Chart(
    svg: Signal<String>,
    label: Signal<String>,
    hidden: Signal<bool>,
    #[prop(optional)] line: bool,
) -> impl IntoView {
    view! {
        <div class=if line { "chart line" } else { "chart" } role="img" aria-label=move || label.get() hidden=move || hidden.get() inner_html=move || svg.get()></div>
    }
}

/// The width a chart is drawn at: the panel's inner width (page and panel
/// padding taken off), so its text keeps its size on phones and desktops.
pub fn chart_width(viewport: f64) -> f32 {
    let padding = if viewport >= 768.0 {
        2.0 * 16.0 + 2.0 * 24.0
    } else {
        4.0 * 16.0
    };
    (viewport.min(72.0 * 16.0) - padding).clamp(256.0, 1088.0) as f32
}

/// charts-rs measures text with its embedded Roboto; the SVG names fallbacks
/// so that viewers without Roboto still get a sans-serif face of similar width.
const FONT: &str = "Roboto, Arial, Helvetica, sans-serif";

/// Escapes text for an SVG text node.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

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

/// Rewrites every SVG text node that is only a number (axis ticks, value
/// labels) the way `lang` writes numbers: `28,1` and `20 730` in Norwegian.
/// Integers of up to four digits stay as written, so years read `2017`
/// (Norwegian typography allows `2073` without a space).
pub fn localize_numbers(svg: &str, lang: Lang) -> String {
    localize(svg, lang, None)
}

/// The same, and the value labels (the `<text>`s with a `dx`, which axis
/// ticks have not) with `labels` decimals: charts-rs drops trailing zeros
/// ("56"), the figure keeps its decimals ("56,0").
pub fn localize(svg: &str, lang: Lang, labels: Option<u8>) -> String {
    let mut out = String::with_capacity(svg.len() + 64);
    let mut rest = svg;
    while let Some(gt) = rest.find('>') {
        let label = labels.filter(|_| rest[..gt].contains(" dx="));
        out.push_str(&rest[..=gt]);
        rest = &rest[gt + 1..];
        let end = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..end];
        let t = text.trim();
        // charts-rs writes large ticks in thousands: "2.1k".
        if let Some(n) = t
            .strip_suffix('k')
            .filter(|n| n.contains('.') && n.parse::<f64>().is_ok())
        {
            let decimals = n.split_once('.').map_or(0, |(_, f)| f.len()) as u8;
            out.push_str(&format_number(
                n.parse().unwrap_or_default(),
                decimals,
                lang,
            ));
            out.push('k');
            rest = &rest[end..];
            continue;
        }
        match t.parse::<f64>() {
            Ok(v) if label.is_some() => out.push_str(&format_number(v, label.unwrap_or(0), lang)),
            Ok(_) if t.trim_start_matches('-').len() <= 4 && !t.contains('.') => out.push_str(text),
            Ok(v)
                if !t.is_empty()
                    && t.bytes()
                        .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-') =>
            {
                let decimals = t.split_once('.').map_or(0, |(_, f)| f.len()) as u8;
                out.push_str(&format_number(v, decimals, lang));
            }
            _ => out.push_str(text),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
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

/// A line chart of one series over periods. A period without a value is a
/// gap in the line, never a dip to zero.
pub fn line_svg(
    title: &str,
    points: &[(String, Option<f64>)],
    lang: Lang,
    width: f32,
    height: f32,
) -> Result<String, String> {
    lines_svg(&[(title, points)], lang, width, height)
}

/// A line chart of several named series over the same periods, with a legend
/// when there is more than one.
pub fn lines_svg(
    series: &[(&str, &[(String, Option<f64>)])],
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
    let mut chart = LineChart::new(list, labels);
    chart.width = width;
    chart.height = height;
    chart.compact = true;
    chart.font_family = FONT.into();
    chart.legend.show = Some(series.len() > 1);
    chart.series.colors = std::iter::once(BAR).chain(OTHERS).collect();
    chart
        .svg()
        .map(|svg| localize_numbers(&svg, lang))
        .map_err(|e| e.to_string())
}

//! The only module that calls charts-rs. It turns view models into SVG
//! text: the web app sets it as a chart's inner HTML (the only markup it
//! ever sets), the CLI's report turns it into images. Labels come from the
//! registry or a data file: charts-rs escapes every text it writes, so they
//! go in as they are (tests/charts.rs holds it to that). A chart is drawn
//! once with no word of any language in it ([`Drawn`]); its numbers are
//! then written in the page's language by `innsyn_core::chart`, which also
//! gives the width charts are drawn at, so a language switch never draws
//! it again. No web crate: it builds natively and for wasm.

use charts_rs::{Color, HorizontalBarChart, LineChart, Series};
use innsyn_core::chart::{localize, mark_breaks};
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

/// A chart as charts-rs drew it, its numbers not yet written in a language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drawn {
    svg: String,
    /// The decimals of its value labels (bars), which charts-rs drops.
    labels: Option<u8>,
}

impl Drawn {
    /// The chart's SVG with its numbers written as `lang` writes them.
    pub fn in_lang(&self, lang: Lang) -> String {
        localize(&self.svg, lang, self.labels)
    }
}

/// A horizontal bar chart of a ranking: one bar per municipality, highest at
/// the top; a municipality without a number gets no bar and its status symbol
/// after its name (the table explains it). Its names are the places' own:
/// the same in every language.
pub fn ranking(r: &Ranking, width: f32) -> Result<Drawn, String> {
    // charts-rs draws the first category at the bottom: reverse so the highest is on top.
    let rows: Vec<_> = r.rows.iter().rev().collect();
    let labels: Vec<String> = rows
        .iter()
        .map(|row| match (&row.value, &row.status) {
            (None, Some(s)) => format!("{} ({})", row.name, s.symbol()),
            (None, None) => format!("{} (–)", row.name),
            _ => row.name.clone(),
        })
        .collect();
    let data: Vec<Option<f32>> = rows.iter().map(|row| row.value.map(|v| v as f32)).collect();
    // Unnamed: no legend, and charts-rs writes a series' name nowhere else.
    let mut series = Series::new_nullable(String::new(), data);
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
        .map(|svg| Drawn {
            svg,
            labels: Some(r.meta.decimals),
        })
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

/// How the `k`th line of a chart is drawn, for a legend beside it: its
/// colour (`#rrggbb`) and its dash pattern (none for the first, solid).
pub fn line_style(k: usize) -> (String, Option<&'static str>) {
    let c = if k == 0 {
        BAR
    } else {
        OTHERS[(k - 1) % OTHERS.len()]
    };
    let dash = (k > 0).then(|| DASHES[(k - 1) % DASHES.len()]);
    (format!("#{:02x}{:02x}{:02x}", c.r, c.g, c.b), dash)
}

/// A line chart of named series over the same periods (a period without a
/// value is a gap in the line, never a dip to zero), with a numbered dashed
/// line before each period of `breaks` (positions in the periods). With
/// `legend`, the series' names are drawn above the lines when there is more
/// than one (a file or an image); without, the page says them in words
/// beside the chart ([`line_style`]) and the SVG has no word in it.
pub fn lines(
    series: &[(&str, &[(String, Option<f64>)])],
    breaks: &[usize],
    width: f32,
    height: f32,
    legend: bool,
) -> Result<Drawn, String> {
    // No number at all: no empty axes from 0 to 1 (the summary says why).
    if series
        .iter()
        .all(|(_, p)| p.iter().all(|(_, v)| v.is_none()))
    {
        return Err("no values".into());
    }
    let labels: Vec<String> = series
        .first()
        .map(|(_, p)| p.iter().map(|(p, _)| p.clone()).collect())
        .unwrap_or_default();
    let list = series
        .iter()
        .enumerate()
        .map(|(k, (name, points))| {
            let mut s = Series::new_nullable(
                name.to_string(),
                points.iter().map(|(_, v)| v.map(|v| v as f32)).collect(),
            );
            s.stroke_dash_array = line_style(k).1.map(str::to_string);
            s
        })
        .collect();
    let periods = labels.len();
    let mut chart = LineChart::new(list, labels);
    chart.width = width;
    chart.height = height;
    chart.compact = true;
    chart.font_family = FONT.into();
    chart.legend.show = Some(legend && series.len() > 1);
    chart.series.colors = std::iter::once(BAR).chain(OTHERS).collect();
    let marks: Vec<(usize, usize)> = breaks
        .iter()
        .enumerate()
        .map(|(n, &i)| (i, n + 1))
        .collect();
    chart
        .svg()
        .map(|svg| Drawn {
            svg: mark_breaks(&svg, periods, &marks),
            labels: None,
        })
        .map_err(|e| e.to_string())
}

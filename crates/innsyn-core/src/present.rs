//! View models: what a panel shows, computed from a dataset without a browser,
//! so that every number and sentence on the page is tested natively.
//! `series` (a line chart's sentence and table), `compare` (the county a
//! region is drawn against) and `print` (the printout's key-figure table)
//! are in `present/`.

mod compare;
mod gross;
mod map;
mod print;
mod series;
mod start;

pub use compare::{
    comparison_groups, comparison_lines, comparison_name, kostra_cut, published_series,
    region_groups, Line,
};
pub use gross::gross_notes;
pub use map::{abbreviations, class_breaks, class_of, tile_map, Tile};
pub use print::{print_table, PrintColumn, PrintRow, PrintTable};
pub use series::{
    computed_rows, direction, municipality_rows, part_note, trend_sentence, SeriesRow,
};
pub use start::{growth_sentence, kroner, spending, Spending};

use crate::aggregate::{combine, Combined, Part, Rule};
use crate::i18n::{format_number, Lang};
use crate::model::{Dataset, IndicatorMeta};
use crate::registry::Registry;
use crate::status::{missing_without_reason, Status};

/// One municipality's value in a ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct RankRow {
    /// Stable municipality id (2024 number).
    pub id: String,
    pub name: String,
    /// The number the file used for this period.
    pub code: String,
    pub value: Option<f64>,
    pub status: Option<Status>,
}

/// The municipalities of a file for one period, highest value first, then the
/// municipalities without a number (in registry order).
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    pub period: String,
    pub rows: Vec<RankRow>,
    pub meta: IndicatorMeta,
}

impl Ranking {
    pub fn with_value(&self) -> impl Iterator<Item = (&RankRow, f64)> {
        self.rows.iter().filter_map(|r| r.value.map(|v| (r, v)))
    }

    pub fn missing(&self) -> usize {
        self.rows.iter().filter(|r| r.value.is_none()).count()
    }

    pub fn format(&self, v: f64, lang: Lang) -> String {
        format_number(v, self.meta.decimals, lang)
    }

    /// A text alternative for the chart: what it shows, the extremes and the gaps.
    pub fn summary(&self, lang: Lang) -> String {
        let unit = self.meta.unit.get(lang);
        let n = self.rows.len();
        let shown: Vec<(&RankRow, f64)> = self.with_value().collect();
        let mut s = match lang {
            Lang::Nb => format!(
                "Liggende søylediagram over {n} kommuner i {}, {unit}.",
                self.period
            ),
            Lang::Nn => format!(
                "Liggjande søylediagram over {n} kommunar i {}, {unit}.",
                self.period
            ),
            Lang::En => format!(
                "Horizontal bar chart of {n} municipalities in {}, {unit}.",
                self.period
            ),
        };
        if let (Some((hi, hv)), Some((lo, lv))) = (shown.first(), shown.last()) {
            let (hv, lv) = (self.format(*hv, lang), self.format(*lv, lang));
            s.push(' ');
            s.push_str(&match lang {
                Lang::Nb => format!("Høyest: {} ({hv}). Lavest: {} ({lv}).", hi.name, lo.name),
                Lang::Nn => format!("Høgast: {} ({hv}). Lågast: {} ({lv}).", hi.name, lo.name),
                Lang::En => format!("Highest: {} ({hv}). Lowest: {} ({lv}).", hi.name, lo.name),
            });
        }
        let missing = self.missing();
        if missing > 0 {
            s.push(' ');
            s.push_str(&match lang {
                Lang::Nb => {
                    format!("{missing} av {n} kommuner har ikke tall; tabellen viser hvorfor.")
                }
                Lang::Nn => {
                    format!("{missing} av {n} kommunar har ikkje tal; tabellen viser kvifor.")
                }
                Lang::En => {
                    format!("{missing} of {n} municipalities have no figure; the table shows why.")
                }
            });
        }
        s
    }
}

/// Why a cell has no number, in words.
pub fn reason(status: Option<&Status>, lang: Lang) -> String {
    match status {
        Some(s) => s.meaning(lang),
        None => missing_without_reason(lang).to_string(),
    }
}

/// The ranking of the 48 municipalities in `period` (default: the latest with values).
pub fn ranking(ds: &Dataset, registry: &Registry, period: Option<&str>) -> Option<Ranking> {
    ranking_of(
        ds,
        registry,
        period,
        &(0..registry.municipalities.len()).collect::<Vec<_>>(),
    )
}

/// The ranking of some municipalities (indices into the registry).
pub fn ranking_of(
    ds: &Dataset,
    registry: &Registry,
    period: Option<&str>,
    members: &[usize],
) -> Option<Ranking> {
    ranking_measure(ds, registry, period, members, None)
}

/// The ranking of one of a rate's counts (`numerator` or `denominator`), or of
/// the value when `measure` is `None`. A count is shown with its own name as
/// unit and no decimals.
pub fn ranking_measure(
    ds: &Dataset,
    registry: &Registry,
    period: Option<&str>,
    members: &[usize],
    measure: Option<&str>,
) -> Option<Ranking> {
    let mut meta = ds.meta.clone().unwrap_or_default();
    let mi = match (measure, ds.metric_dim()) {
        (None, _) => 0,
        (Some(name), Some(m)) => {
            let rate = meta.rate.clone()?;
            let label = if name == "numerator" {
                rate.numerator
            } else {
                rate.denominator
            };
            meta.unit = label.clone();
            meta.title = label;
            meta.decimals = 0;
            meta.rate = None;
            ds.dims[m].position(name)?
        }
        (Some(_), None) => return None,
    };
    let (t, r) = (ds.time_dim()?, ds.region_dim()?);
    let period = match period {
        Some(p) => p.to_string(),
        None => ds.periods_with_values().pop()?,
    };
    let ti = ds.dims[t].position(&period)?;
    let m = ds.metric_dim();
    let year: u16 = period.get(..4).and_then(|y| y.parse().ok()).unwrap_or(2024);
    let mut rows = Vec::new();
    for mu in members
        .iter()
        .filter_map(|&i| registry.municipalities.get(i))
    {
        let found = municipality_column(ds, mu, ti, year).map(|(ri, code)| {
            let mut coords = vec![0; ds.dims.len()];
            coords[t] = ti;
            coords[r] = ri;
            if let Some(m) = m {
                coords[m] = mi;
            }
            let cell = ds.index_of(&coords).map(|i| ds.cell(i));
            let value = cell.as_ref().and_then(|c| c.value);
            // A count behind a rate has no status of its own: its gap has the
            // reason given for the rate's cell.
            let status = cell.and_then(|c| c.status.cloned()).or_else(|| {
                let m = m.filter(|_| value.is_none() && mi != 0)?;
                coords[m] = 0;
                ds.cell(ds.index_of(&coords)?).status.cloned()
            });
            (value, status, code)
        });
        let (value, status, code) =
            found.unwrap_or((None, Some(Status::NotAvailable), mu.code_in(year)));
        rows.push(RankRow {
            id: mu.id.clone(),
            name: mu.name.clone(),
            code: code.to_string(),
            value,
            status,
        });
    }
    if rows.iter().all(|r| r.value.is_none()) {
        return None;
    }
    rows.sort_by(|a, b| match (a.value, b.value) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    Some(Ranking { period, rows, meta })
}

/// The cell positions of the value, numerator and denominator measures.
fn measure_positions(ds: &Dataset) -> [Option<usize>; 3] {
    match ds.metric_dim() {
        None => [Some(0), None, None],
        Some(m) => {
            let d = &ds.dims[m];
            [
                Some(d.position("value").unwrap_or(0)),
                d.position("numerator"),
                d.position("denominator"),
            ]
        }
    }
}

/// The region column holding a municipality's figures in period `ti`, and
/// the number it is under. A file may use any of the municipality's numbers:
/// the one valid that year is tried first, then the others, and the first
/// whose (first-measure) cell says anything wins; else the first that exists.
fn municipality_column<'a>(
    ds: &Dataset,
    mu: &'a crate::registry::Municipality,
    ti: usize,
    year: u16,
) -> Option<(usize, &'a str)> {
    let (t, r, m) = (ds.time_dim()?, ds.region_dim()?, ds.metric_dim());
    let candidates = std::iter::once(mu.code_in(year))
        .chain(std::iter::once(mu.id.as_str()))
        .chain(mu.numbers.iter().map(|n| n.code.as_str()));
    let mut first = None;
    for code in candidates {
        let Some(ri) = ds.dims[r].position(code) else {
            continue;
        };
        first.get_or_insert((ri, code));
        let mut coords = vec![0; ds.dims.len()];
        coords[t] = ti;
        coords[r] = ri;
        if let Some(m) = m {
            coords[m] = 0;
        }
        let cell = ds.index_of(&coords).map(|i| ds.cell(i));
        if cell.is_some_and(|c| c.value.is_some() || c.status.is_some()) {
            return Some((ri, code));
        }
    }
    first
}

/// One municipality's figures in `period`, found under whichever of its
/// numbers the file uses (the one valid that year first).
pub fn municipality_part(ds: &Dataset, registry: &Registry, muni: usize, period: &str) -> Part {
    let mu = &registry.municipalities[muni];
    let mut part = Part {
        region: mu.id.clone(),
        status: Some(Status::NotAvailable),
        ..Default::default()
    };
    let (Some(t), Some(r)) = (ds.time_dim(), ds.region_dim()) else {
        return part;
    };
    let Some(ti) = ds.dims[t].position(period) else {
        return part;
    };
    let year: u16 = period.get(..4).and_then(|y| y.parse().ok()).unwrap_or(2024);
    let [value, num, den] = measure_positions(ds);
    let m = ds.metric_dim();
    let at = |ri: usize, measure: Option<usize>| -> Option<usize> {
        let mut coords = vec![0; ds.dims.len()];
        coords[t] = ti;
        coords[r] = ri;
        if let Some(m) = m {
            coords[m] = measure?;
        }
        ds.index_of(&coords)
    };
    if let Some((ri, _)) = municipality_column(ds, mu, ti, year) {
        if let Some(cell) = at(ri, value).map(|i| ds.cell(i)) {
            part.value = cell.value;
            part.status = cell.status.cloned();
        }
        part.numerator = at(ri, num).and_then(|i| ds.values.get(i));
        part.denominator = at(ri, den).and_then(|i| ds.values.get(i));
    }
    part
}

/// A figure for a group of municipalities in each period of the dataset,
/// computed by the indicator's rule. `members(year)` gives the group's
/// members that year (a county's membership changes with the reforms).
pub fn group_series(
    ds: &Dataset,
    registry: &Registry,
    rule: Rule,
    members: &dyn Fn(u16) -> Vec<usize>,
) -> Vec<(String, Combined)> {
    let Some(t) = ds.time_dim() else {
        return Vec::new();
    };
    ds.dims[t]
        .categories
        .iter()
        .map(|c| {
            let year = crate::model::period_year(&c.id);
            (
                c.id.clone(),
                group_figure(ds, registry, rule, &members(year), &c.id),
            )
        })
        .collect()
}

/// The values of a computed series, per period (for charts and trends).
pub fn values(series: &[(String, Combined)]) -> Vec<(String, Option<f64>)> {
    series.iter().map(|(p, c)| (p.clone(), c.value)).collect()
}

/// A group's figure in one period, computed by the indicator's rule.
pub fn group_figure(
    ds: &Dataset,
    registry: &Registry,
    rule: Rule,
    members: &[usize],
    period: &str,
) -> Combined {
    let parts: Vec<Part> = members
        .iter()
        .map(|&m| municipality_part(ds, registry, m, period))
        .collect();
    combine(rule, &parts)
}

/// A regional council's rank among the councils in `period` by their
/// computed figures: 1 for the highest, ties share a rank;
/// `(rank, councils ranked)`. Only councils whose figure covers every member
/// are ranked; `None` when this council's does not.
pub fn council_rank(
    ds: &Dataset,
    registry: &Registry,
    rule: Rule,
    council: &str,
    period: &str,
) -> Option<(usize, usize)> {
    let year = crate::model::period_year(period);
    let figures: Vec<(&str, f64)> = registry
        .councils
        .iter()
        .filter_map(|c| {
            let f = group_figure(
                ds,
                registry,
                rule,
                &registry.group_members(&c.id, year)?,
                period,
            );
            Some((c.id.as_str(), f.value.filter(|_| f.is_complete())?))
        })
        .collect();
    let own = figures.iter().find(|(id, _)| *id == council)?.1;
    Some((
        1 + figures.iter().filter(|(_, v)| *v > own).count(),
        figures.len(),
    ))
}

/// The members left out of a computed figure, by name, each with its reason.
pub fn left_out_lines(c: &Combined, registry: &Registry, lang: Lang) -> Vec<String> {
    c.left_out
        .iter()
        .map(|(code, why)| {
            let name = registry
                .municipality(code)
                .map_or(code.as_str(), |m| m.name.as_str());
            format!("{name}: {}", why.text(lang))
        })
        .collect()
}

/// A card's figures: the latest value and its changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    pub period: String,
    pub value: f64,
    /// Change since the period before, when both have a value.
    pub change_1: Option<(String, f64)>,
    /// Change over five periods, when both have a value.
    pub change_5: Option<(String, f64)>,
}

/// The latest period with a value, and the changes since one and five periods before.
pub fn trend(series: &[(String, Option<f64>)]) -> Option<Trend> {
    let last = series.iter().rposition(|(_, v)| v.is_some())?;
    let (period, value) = (series[last].0.clone(), series[last].1?);
    let back = |k: usize| {
        last.checked_sub(k)
            .and_then(|i| series[i].1.map(|v| (series[i].0.clone(), value - v)))
    };
    Some(Trend {
        period,
        value,
        change_1: back(1),
        change_5: back(5),
    })
}

/// A municipality's rank in `period`: 1 for the highest value, ties share a
/// rank; `(rank, municipalities with a value)`. `None` when it has no value,
/// and for a count, which mostly measures the municipality's size: only
/// rates, shares and kroner per person are ranked ([`comparable`]).
pub fn rank(
    ds: &Dataset,
    registry: &Registry,
    muni: usize,
    period: &str,
) -> Option<(usize, usize)> {
    if !comparable(ds.meta.as_ref()?) {
        return None;
    }
    let r = ranking(ds, registry, Some(period))?;
    let id = &registry.municipalities.get(muni)?.id;
    let own = r.rows.iter().find(|row| &row.id == id)?.value?;
    let values: Vec<f64> = r.with_value().map(|(_, v)| v).collect();
    Some((
        1 + values.iter().filter(|v| **v > own).count(),
        values.len(),
    ))
}

/// Whether areas of different size can be ranked by the figure: a rate,
/// a share or kroner per person, not a count (which may be summed).
pub fn comparable(meta: &IndicatorMeta) -> bool {
    !meta.summable
}

/// A municipality's own figures in every period of the dataset.
pub fn municipality_series(ds: &Dataset, registry: &Registry, muni: usize) -> Vec<(String, Part)> {
    let Some(t) = ds.time_dim() else {
        return Vec::new();
    };
    ds.dims[t]
        .categories
        .iter()
        .map(|c| (c.id.clone(), municipality_part(ds, registry, muni, &c.id)))
        .collect()
}

//! The one data model every reader produces: a cube of cells over dimensions,
//! as JSON-stat defines it, plus indicator metadata where a file carries it.

use std::collections::HashMap;

use crate::i18n::{Lang, T};
use crate::status::Status;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Time,
    Geo,
    Metric,
}

/// A unit as JSON-stat describes it (per category of the metric dimension).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Unit {
    pub label: Option<String>,
    pub decimals: Option<u8>,
    pub symbol: Option<String>,
    /// `start` or `end`: where the symbol goes.
    pub position: Option<String>,
}

/// A link a file points to. Only http(s) links are kept: readers drop others
/// with a warning, so the interface never renders a `javascript:` link.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub href: String,
    pub label: Option<String>,
    pub rel: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Category {
    pub id: String,
    pub label: String,
    pub unit: Option<Unit>,
    /// Index of the parent category (from JSON-stat `child`).
    pub parent: Option<usize>,
    pub note: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dimension {
    pub id: String,
    pub label: String,
    pub role: Option<Role>,
    pub categories: Vec<Category>,
    pub note: Vec<String>,
    pub links: Vec<Link>,
    index: HashMap<String, usize>,
}

impl Dimension {
    pub fn new(
        id: impl Into<String>,
        label: impl Into<String>,
        role: Option<Role>,
        categories: Vec<Category>,
    ) -> Self {
        let index = categories
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
        Dimension {
            id: id.into(),
            label: label.into(),
            role,
            categories,
            note: Vec::new(),
            links: Vec::new(),
            index,
        }
    }
    pub fn len(&self) -> usize {
        self.categories.len()
    }
    pub fn is_empty(&self) -> bool {
        self.categories.is_empty()
    }
    pub fn position(&self, category_id: &str) -> Option<usize> {
        self.index.get(category_id).copied()
    }
    /// Whether this dimension holds regions: the `geo` role, or SSB's region
    /// dimension names, which SSB publishes without a role.
    pub fn is_region(&self) -> bool {
        self.role == Some(Role::Geo) || is_ssb_region_dimension(&self.id)
    }
}

/// SSB names its region dimensions `Region`, `KOKkommuneregion0000`,
/// `KOKfylkesregion0000` and the like.
pub fn is_ssb_region_dimension(id: &str) -> bool {
    id == "Region"
        || id.eq_ignore_ascii_case("region")
        || (id.starts_with("KOK") && id.contains("region"))
}

/// A cell: a number, or no number and the reason why.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell<'a> {
    pub value: Option<f64>,
    pub status: Option<&'a Status>,
}

/// Text in the three interface languages; nn and en fall back to nb.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct I18nText {
    pub nb: String,
    pub nn: Option<String>,
    pub en: Option<String>,
}

impl I18nText {
    pub fn plain(s: impl Into<String>) -> Self {
        I18nText {
            nb: s.into(),
            nn: None,
            en: None,
        }
    }
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nb => &self.nb,
            Lang::Nn => self.nn.as_deref().unwrap_or(&self.nb),
            Lang::En => self.en.as_deref().unwrap_or(&self.nb),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    HigherIsBetter,
    HigherIsWorse,
    #[default]
    Neither,
}

/// A rate is numerator / denominator × `per`.
#[derive(Debug, Clone, PartialEq)]
pub struct Rate {
    pub per: f64,
    pub numerator: I18nText,
    pub denominator: I18nText,
}

/// What an indicator file says about itself (our simple format carries all of it).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IndicatorMeta {
    pub id: String,
    pub title: I18nText,
    pub description: I18nText,
    pub unit: I18nText,
    pub decimals: u8,
    pub rate: Option<Rate>,
    pub direction: Direction,
    pub source: Option<String>,
    pub source_url: Option<String>,
    pub table: Option<String>,
    pub licence: Option<String>,
    /// Demonstration figures made up by Innsyn, to be labelled as such.
    pub demo: bool,
    /// A count that may be summed across regions (`"aggregation": "sum"`).
    pub summable: bool,
    /// When the figures were last updated by their publisher (JSON-stat
    /// `updated`, ISO 8601), as the file says.
    pub updated: Option<String>,
    /// When Innsyn's snapshot of the figures was fetched (`innsyn fetch`).
    pub fetched: Option<String>,
    /// Notes of the file, its dimensions and the categories chosen: shown
    /// in full wherever the figures are (SSB marks some as mandatory).
    pub notes: Vec<String>,
    /// Unrevised or revised KOSTRA figures, where the catalog says so.
    pub release: Option<Release>,
    /// Kroner in current prices (the catalog's `"prices": "current"`; a
    /// rate of kroner per person too), which may be shown in fixed prices.
    pub money: bool,
    /// Shown in fixed prices: by which index, in kroner of which year.
    pub fixed: Option<FixedPrices>,
    /// Who republished the snapshot's figures, when Innsyn did not fetch
    /// them from the publisher itself (the catalog's `snapshot.via`).
    pub via: Option<String>,
}

pub fn period_year(period: &str) -> u16 {
    period.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0)
}

/// SSB publishes a year's KOSTRA figures twice: unrevised on 15 March,
/// revised on 15 June. Ordered so that a rate of two parts is as
/// unrevised as its least revised part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Release {
    Unrevised,
    Revised,
}

impl Release {
    pub fn text(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            Release::Unrevised => T::KostraUnrevised.get(lang),
            Release::Revised => T::KostraRevised.get(lang),
        }
    }
}

/// How a cube's kroner are shown in fixed prices: the index and the base
/// year, for the unit and the source line.
#[derive(Debug, Clone, PartialEq)]
pub struct FixedPrices {
    /// The index's id in the catalog.
    pub id: String,
    pub index: I18nText,
    pub source: String,
    pub base: u16,
}

impl FixedPrices {
    /// «faste 2025-kroner (kommunal deflator)».
    pub fn label(&self, lang: Lang) -> String {
        format!(
            "{} ({})",
            T::FixedKroner.fill(lang, &self.base.to_string()),
            self.index.get(lang)
        )
    }
}

impl IndicatorMeta {
    /// How this indicator combines across regions: rates by their parts,
    /// counts by summing, anything else not at all.
    pub fn rule(&self) -> crate::aggregate::Rule {
        match (&self.rate, self.summable) {
            (Some(r), _) => crate::aggregate::Rule::Ratio { per: r.per },
            (None, true) => crate::aggregate::Rule::Sum,
            (None, false) => crate::aggregate::Rule::NotCombinable,
        }
    }
}

/// Cell values in row-major order, 8 bytes a cell so that large SSB cubes
/// stay small. "No number" is stored as NaN internally and is only ever read
/// back as `None` through [`Values::get`]: no NaN leaves this type.
#[derive(Debug, Clone, Default)]
pub struct Values(Vec<f64>);

impl Values {
    /// `n` cells, all without a number.
    pub fn missing(n: usize) -> Values {
        Values(vec![f64::NAN; n])
    }
    /// Takes a buffer where NaN marks a missing number (as `json::JVal::NumArr`).
    pub fn from_nan_encoded(v: Vec<f64>) -> Values {
        Values(v)
    }
    pub fn get(&self, i: usize) -> Option<f64> {
        self.0.get(i).copied().filter(|v| !v.is_nan())
    }
    pub fn set(&mut self, i: usize, v: Option<f64>) {
        if let Some(slot) = self.0.get_mut(i) {
            *slot = v.filter(|x| x.is_finite()).unwrap_or(f64::NAN);
        }
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn iter(&self) -> impl Iterator<Item = Option<f64>> + '_ {
        self.0
            .iter()
            .map(|v| if v.is_nan() { None } else { Some(*v) })
    }
    /// Pads with missing cells or cuts to `n`.
    pub fn resize(&mut self, n: usize) {
        self.0.resize(n, f64::NAN);
    }
}

impl PartialEq for Values {
    fn eq(&self, other: &Values) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl FromIterator<Option<f64>> for Values {
    fn from_iter<I: IntoIterator<Item = Option<f64>>>(iter: I) -> Values {
        Values(
            iter.into_iter()
                .map(|v| v.filter(|x| x.is_finite()).unwrap_or(f64::NAN))
                .collect(),
        )
    }
}

/// Status by cell, compact for SSB's thousands of status cells: sorted
/// (cell, id) pairs, 8 bytes each, and a small table of the distinct statuses.
/// Built from pairs in any order; a later pair for the same cell wins.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StatusMap {
    cells: Vec<(u32, u8)>,
    table: Vec<Status>,
    /// A status for every one of `.1` cells not listed (JSON-stat's status string).
    all: Option<(u8, u32)>,
}

impl StatusMap {
    pub fn from_pairs(pairs: impl IntoIterator<Item = (usize, Status)>) -> StatusMap {
        let mut b = StatusBuilder::default();
        for (cell, status) in pairs {
            b.push(cell, status);
        }
        b.finish()
    }
    /// The same status for all `n` cells.
    pub fn all(status: Status, n: usize) -> StatusMap {
        StatusMap {
            cells: Vec::new(),
            table: vec![status],
            all: u32::try_from(n).ok().map(|n| (0, n)),
        }
    }
    pub fn get(&self, cell: usize) -> Option<&Status> {
        let cell = u32::try_from(cell).ok()?;
        let id = match self.cells.binary_search_by_key(&cell, |&(c, _)| c) {
            Ok(i) => self.cells[i].1,
            Err(_) => self.all.filter(|&(_, n)| cell < n)?.0,
        };
        self.table.get(id as usize)
    }
    pub fn len(&self) -> usize {
        self.all.map_or(self.cells.len(), |(_, n)| n as usize)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// (cell, status) in cell order.
    pub fn iter(&self) -> Box<dyn Iterator<Item = (usize, &Status)> + '_> {
        match self.all {
            Some((_, n)) => {
                Box::new((0..n as usize).filter_map(move |c| self.get(c).map(|s| (c, s))))
            }
            None => Box::new(
                self.cells
                    .iter()
                    .map(|&(c, id)| (c as usize, &self.table[id as usize])),
            ),
        }
    }
}

/// Builds a [`StatusMap`] one cell at a time, at 8 bytes a cell.
#[derive(Debug, Default)]
pub struct StatusBuilder {
    map: StatusMap,
    unsorted: bool,
}

impl StatusBuilder {
    pub fn push(&mut self, cell: usize, status: Status) {
        let Ok(cell) = u32::try_from(cell) else {
            return;
        };
        let table = &mut self.map.table;
        let id = match table.iter().position(|s| *s == status) {
            Some(id) => id,
            None if table.len() < 255 => {
                table.push(status);
                table.len() - 1
            }
            // More than 255 distinct statuses: keep the first 255.
            None => return,
        };
        self.unsorted |= self.map.cells.last().is_some_and(|&(last, _)| last >= cell);
        self.map.cells.push((cell, id as u8));
    }

    pub fn finish(mut self) -> StatusMap {
        if self.unsorted {
            // A stable sort keeps file order among equal cells; the last wins.
            self.map.cells.sort_by_key(|&(c, _)| c);
            let mut dedup: Vec<(u32, u8)> = Vec::with_capacity(self.map.cells.len());
            for p in self.map.cells.drain(..) {
                match dedup.last_mut() {
                    Some(last) if last.0 == p.0 => *last = p,
                    _ => dedup.push(p),
                }
            }
            self.map.cells = dedup;
        }
        self.map.cells.shrink_to_fit();
        self.map
    }
}

/// A cube of cells. Values are stored row-major: the last dimension varies fastest.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dataset {
    pub label: Option<String>,
    pub source: Option<String>,
    pub updated: Option<String>,
    /// The publisher's table id (SSB's `extension.px.tableid`).
    pub table: Option<String>,
    pub note: Vec<String>,
    pub links: Vec<Link>,
    pub dims: Vec<Dimension>,
    pub values: Values,
    /// The value text as written in the file, when the reader was asked to keep it.
    pub raw_values: Option<Vec<Option<Box<str>>>>,
    /// Status by cell index; only cells that have one.
    pub status: StatusMap,
    pub meta: Option<IndicatorMeta>,
}

impl Dataset {
    /// Periods of the dataset that have at least one region value (first measure).
    pub fn periods_with_values(&self) -> Vec<String> {
        let Some(t) = self.time_dim() else {
            return Vec::new();
        };
        let m = self.metric_dim();
        let mut has = vec![false; self.dims[t].len()];
        for (i, v) in self.values.iter().enumerate() {
            if v.is_some() {
                let c = self.coords_of(i);
                if m.is_none_or(|m| c[m] == 0) {
                    has[c[t]] = true;
                }
            }
        }
        self.dims[t]
            .categories
            .iter()
            .zip(has)
            .filter(|(_, h)| *h)
            .map(|(c, _)| c.id.clone())
            .collect()
    }

    pub fn cell_count(&self) -> usize {
        self.dims.iter().map(Dimension::len).product()
    }

    /// Row-major index of the cell at category positions `coords`.
    pub fn index_of(&self, coords: &[usize]) -> Option<usize> {
        if coords.len() != self.dims.len() {
            return None;
        }
        let mut idx = 0usize;
        for (d, &c) in self.dims.iter().zip(coords) {
            if c >= d.len() {
                return None;
            }
            idx = idx * d.len() + c;
        }
        Some(idx)
    }

    /// Category positions of the cell at row-major `index`.
    pub fn coords_of(&self, mut index: usize) -> Vec<usize> {
        let mut coords = vec![0; self.dims.len()];
        for (k, d) in self.dims.iter().enumerate().rev() {
            let n = d.len().max(1);
            coords[k] = index % n;
            index /= n;
        }
        coords
    }

    pub fn cell(&self, index: usize) -> Cell<'_> {
        Cell {
            value: self.values.get(index),
            status: self.status.get(index),
        }
    }

    /// The cell at the given category ids, one per dimension, in dimension order.
    pub fn cell_at(&self, ids: &[&str]) -> Option<Cell<'_>> {
        let coords: Option<Vec<usize>> = self
            .dims
            .iter()
            .zip(ids)
            .map(|(d, id)| d.position(id))
            .collect();
        let coords = coords?;
        self.index_of(&coords).map(|i| self.cell(i))
    }

    pub fn region_dim(&self) -> Option<usize> {
        self.dims.iter().position(Dimension::is_region)
    }

    pub fn time_dim(&self) -> Option<usize> {
        self.dims
            .iter()
            .position(|d| d.role == Some(Role::Time))
            .or_else(|| {
                self.dims.iter().position(|d| {
                    matches!(d.id.as_str(), "Tid" | "time" | "Time" | "period" | "year")
                })
            })
    }

    pub fn metric_dim(&self) -> Option<usize> {
        self.dims
            .iter()
            .position(|d| d.role == Some(Role::Metric))
            .or_else(|| self.dims.iter().position(|d| d.id == "ContentsCode"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cat(id: &str) -> Category {
        Category {
            id: id.into(),
            label: id.into(),
            ..Default::default()
        }
    }

    #[test]
    fn row_major_addressing_round_trips() {
        let ds = Dataset {
            dims: vec![
                Dimension::new("a", "a", None, vec![cat("a0"), cat("a1")]),
                Dimension::new("b", "b", None, vec![cat("b0"), cat("b1"), cat("b2")]),
            ],
            values: (0..6).map(|v| Some(v as f64)).collect(),
            ..Default::default()
        };
        assert_eq!(ds.index_of(&[1, 2]), Some(5));
        assert_eq!(ds.index_of(&[0, 3]), None);
        assert_eq!(ds.coords_of(4), vec![1, 1]);
        for i in 0..6 {
            assert_eq!(ds.index_of(&ds.coords_of(i)), Some(i));
        }
        assert_eq!(ds.cell_at(&["a1", "b0"]).unwrap().value, Some(3.0));
    }

    #[test]
    fn status_map_is_sorted_deduplicated_and_compact() {
        let m = StatusMap::from_pairs([
            (9, Status::Confidential),
            (2, Status::NotAvailable),
            (9, Status::Provisional),
            (5, Status::Confidential),
        ]);
        assert_eq!(m.len(), 3);
        assert_eq!(m.get(9), Some(&Status::Provisional), "the later pair wins");
        assert_eq!(m.get(2), Some(&Status::NotAvailable));
        assert_eq!(m.get(3), None);
        assert_eq!(m.iter().map(|(c, _)| c).collect::<Vec<_>>(), vec![2, 5, 9]);
        assert_eq!(m.table.len(), 3);
        let all = StatusMap::all(Status::Provisional, 4);
        assert_eq!(
            (all.get(3), all.get(4), all.len()),
            (Some(&Status::Provisional), None, 4)
        );
    }
}

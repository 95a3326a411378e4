//! The one data model every reader produces: a cube of cells over dimensions,
//! as JSON-stat defines it, plus indicator metadata where a file carries it.

use std::collections::HashMap;

use crate::i18n::Lang;
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
    pub fn new(id: impl Into<String>, label: impl Into<String>, role: Option<Role>, categories: Vec<Category>) -> Self {
        let index = categories.iter().enumerate().map(|(i, c)| (c.id.clone(), i)).collect();
        Dimension { id: id.into(), label: label.into(), role, categories, note: Vec::new(), links: Vec::new(), index }
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
    id == "Region" || id.eq_ignore_ascii_case("region") || (id.starts_with("KOK") && id.contains("region"))
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
        I18nText { nb: s.into(), nn: None, en: None }
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
        self.0.iter().map(|v| if v.is_nan() { None } else { Some(*v) })
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
        Values(iter.into_iter().map(|v| v.filter(|x| x.is_finite()).unwrap_or(f64::NAN)).collect())
    }
}

/// A cube of cells. Values are stored row-major: the last dimension varies fastest.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dataset {
    pub label: Option<String>,
    pub source: Option<String>,
    pub updated: Option<String>,
    pub note: Vec<String>,
    pub links: Vec<Link>,
    pub dims: Vec<Dimension>,
    pub values: Values,
    /// The value text as written in the file, when the reader was asked to keep it.
    pub raw_values: Option<Vec<Option<Box<str>>>>,
    /// Status by cell index; only cells that have one.
    pub status: HashMap<usize, Status>,
    pub meta: Option<IndicatorMeta>,
}

impl Dataset {
    pub fn size(&self) -> Vec<usize> {
        self.dims.iter().map(Dimension::len).collect()
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
        Cell { value: self.values.get(index), status: self.status.get(&index) }
    }

    /// The cell at the given category ids, one per dimension, in dimension order.
    pub fn cell_at(&self, ids: &[&str]) -> Option<Cell<'_>> {
        let coords: Option<Vec<usize>> = self.dims.iter().zip(ids).map(|(d, id)| d.position(id)).collect();
        let coords = coords?;
        self.index_of(&coords).map(|i| self.cell(i))
    }

    pub fn dim(&self, id: &str) -> Option<&Dimension> {
        self.dims.iter().find(|d| d.id == id)
    }

    pub fn region_dim(&self) -> Option<usize> {
        self.dims.iter().position(Dimension::is_region)
    }

    pub fn time_dim(&self) -> Option<usize> {
        self.dims.iter().position(|d| d.role == Some(Role::Time)).or_else(|| {
            self.dims.iter().position(|d| matches!(d.id.as_str(), "Tid" | "time" | "Time" | "period" | "year"))
        })
    }

    pub fn metric_dim(&self) -> Option<usize> {
        self.dims.iter().position(|d| d.role == Some(Role::Metric)).or_else(|| {
            self.dims.iter().position(|d| d.id == "ContentsCode")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cat(id: &str) -> Category {
        Category { id: id.into(), label: id.into(), ..Default::default() }
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
}

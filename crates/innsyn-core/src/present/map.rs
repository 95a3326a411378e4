//! The map's view model: the 48 in up to five quantile classes, with the
//! short names the tile map shows.

use crate::registry::Registry;
use crate::status::Status;

use super::Ranking;

/// Class breaks for a choropleth: `classes - 1` upper bounds splitting the
/// values into groups of about equal size (quantiles), rounded to `decimals`
/// and strictly increasing (fewer classes when values repeat).
pub fn class_breaks(values: &[f64], classes: usize, decimals: u8) -> Vec<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    v.sort_by(f64::total_cmp);
    let f = 10f64.powi(decimals as i32);
    let mut out: Vec<f64> = Vec::new();
    for k in 1..classes {
        if v.is_empty() {
            break;
        }
        let b = (v[(k * v.len() / classes).min(v.len() - 1)] * f).round() / f;
        if out.last().is_none_or(|l| b > *l) && b < v[v.len() - 1] {
            out.push(b);
        }
    }
    out
}

/// The class (0-based) of a value: the first break it is below.
pub fn class_of(v: f64, breaks: &[f64]) -> usize {
    breaks.iter().position(|b| v < *b).unwrap_or(breaks.len())
}

/// Short unique labels for the tile map: "HAM", "SEL", "STE" (Stor-Elvdal).
/// Single-word names choose first: they have the fewest candidates.
pub fn abbreviations(names: &[&str]) -> Vec<String> {
    let words_of = |name: &str| -> Vec<Vec<char>> {
        name.split([' ', '-'])
            .filter(|w| !w.is_empty())
            .map(|w| w.to_uppercase().chars().collect())
            .collect()
    };
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by_key(|&i| words_of(names[i]).len());
    let mut out = vec![String::new(); names.len()];
    let mut taken: Vec<String> = Vec::new();
    for i in order {
        let words = words_of(names[i]);
        let first = words.first().cloned().unwrap_or_default();
        let mut cands: Vec<String> = Vec::new();
        if let Some(second) = words.get(1) {
            cands.push(first.iter().take(1).chain(second.iter().take(2)).collect());
            cands.push(first.iter().take(2).chain(second.iter().take(1)).collect());
        }
        cands.push(first.iter().take(3).collect());
        for k in 3..first.len() {
            cands.push(first.iter().take(2).chain(first.get(k)).collect());
        }
        let pick = cands
            .into_iter()
            .find(|c| !taken.contains(c))
            .unwrap_or_else(|| {
                format!(
                    "{}{}",
                    first.iter().take(2).collect::<String>(),
                    taken.len()
                )
            });
        taken.push(pick.clone());
        out[i] = pick;
    }
    out
}

/// One municipality on the tile map.
#[derive(Debug, Clone, PartialEq)]
pub struct Tile {
    pub id: String,
    pub name: String,
    pub abbr: String,
    pub col: u8,
    pub row: u8,
    pub value: Option<f64>,
    pub status: Option<Status>,
    /// Colour class, `None` without a value.
    pub class: Option<usize>,
}

/// The 48 on the tile map for one period, coloured in up to five classes.
pub fn tile_map(ranking: &Ranking, registry: &Registry) -> (Vec<Tile>, Vec<f64>) {
    let values: Vec<f64> = ranking.with_value().map(|(_, v)| v).collect();
    let breaks = class_breaks(&values, 5, ranking.meta.decimals);
    let names: Vec<&str> = registry
        .municipalities
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    let abbrs = abbreviations(&names);
    let tiles = registry
        .municipalities
        .iter()
        .zip(abbrs)
        .filter_map(|(m, abbr)| {
            let (col, row) = m.tile?;
            let r = ranking.rows.iter().find(|r| r.id == m.id)?;
            Some(Tile {
                id: m.id.clone(),
                name: m.name.clone(),
                abbr,
                col,
                row,
                value: r.value,
                status: r.status.clone(),
                class: r.value.map(|v| class_of(v, &breaks)),
            })
        })
        .collect();
    (tiles, breaks)
}

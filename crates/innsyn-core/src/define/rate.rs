//! A rate computed cell by cell from two indicator cubes.

use std::collections::HashMap;

use crate::model::{
    Category, Dataset, Dimension, I18nText, IndicatorMeta, Rate, Role, StatusMap, Values,
};
use crate::registry::{RegionRef, Registry};
use crate::status::Status;

use super::derive::apply;
use super::{DenominatorPeriod, IndicatorDef, RateDef};

/// The cell of region position `r` and period position `t` (first measure).
fn cell(
    ds: &Dataset,
    r: usize,
    rdim: usize,
    t: usize,
    tdim: usize,
) -> Option<crate::model::Cell<'_>> {
    let mut coords = vec![0; ds.dims.len()];
    coords[rdim] = r;
    coords[tdim] = t;
    ds.index_of(&coords).map(|i| ds.cell(i))
}

/// The period after `p` ("2018" → "2019"); periods that are not years have none.
fn next_period(p: &str) -> Option<String> {
    let y: u16 = p.parse().ok()?;
    Some((y + 1).to_string())
}

/// A rate computed cell by cell: numerator ÷ denominator × per, from two
/// indicator cubes. Numerator and denominator are kept, so regions combine
/// sum/sum. A cell missing in either part is missing with that part's
/// reason. A municipality is found in the denominator under any number it
/// has had (the next year may be after a renumbering).
pub fn rate(
    def: &IndicatorDef,
    rd: &RateDef,
    num: &Dataset,
    den: &Dataset,
    registry: &Registry,
) -> Dataset {
    let (nm, dm) = (
        num.meta.clone().unwrap_or_default(),
        den.meta.clone().unwrap_or_default(),
    );
    let empty = Dataset::default;
    let (Some(nr), Some(nt), Some(dr), Some(dt)) = (
        num.region_dim(),
        num.time_dim(),
        den.region_dim(),
        den.time_dim(),
    ) else {
        return empty();
    };
    let regions = &num.dims[nr].categories;
    let periods = &num.dims[nt].categories;
    let den_region: HashMap<&str, usize> = den.dims[dr]
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let (n_r, n_p) = (regions.len(), periods.len());
    let mut values = Values::missing(3 * n_r * n_p);
    let mut status = Vec::new();
    for (ri, rc) in regions.iter().enumerate() {
        // The denominator's region: the same code, or for a municipality any of its numbers.
        let candidates: Vec<usize> = match registry.resolve(&rc.id) {
            Some(RegionRef::Municipality(m)) => {
                let mu = &registry.municipalities[m];
                std::iter::once(rc.id.as_str())
                    .chain(std::iter::once(mu.id.as_str()))
                    .chain(mu.numbers.iter().map(|n| n.code.as_str()))
                    .filter_map(|c| den_region.get(c).copied())
                    .collect()
            }
            _ => den_region
                .get(rc.id.as_str())
                .copied()
                .into_iter()
                .collect(),
        };
        for (ti, pc) in periods.iter().enumerate() {
            let at = |m: usize| (m * n_r + ri) * n_p + ti;
            let n = cell(num, ri, nr, ti, nt);
            let dp = match rd.denominator_period {
                DenominatorPeriod::Same => Some(pc.id.clone()),
                DenominatorPeriod::Next => next_period(&pc.id),
            };
            let dti = dp.as_deref().and_then(|p| den.dims[dt].position(p));
            let dcell = dti.and_then(|dti| {
                let cells: Vec<_> = candidates
                    .iter()
                    .filter_map(|&c| cell(den, c, dr, dti, dt))
                    .collect();
                cells
                    .iter()
                    .find(|c| c.value.is_some())
                    .or(cells.first())
                    .cloned()
            });
            let nv = n.as_ref().and_then(|c| c.value);
            let dv = dcell.as_ref().and_then(|c| c.value);
            values.set(at(1), nv);
            values.set(at(2), dv);
            match (nv, dv) {
                (Some(a), Some(b)) if b > 0.0 => {
                    values.set(at(0), Some(a / b * rd.per));
                    let s = n
                        .and_then(|c| c.status.cloned())
                        .or_else(|| dcell.and_then(|c| c.status.cloned()));
                    if let Some(s) = s {
                        status.push((at(0), s));
                    }
                }
                (None, _) => status.push((
                    at(0),
                    n.and_then(|c| c.status.cloned())
                        .unwrap_or(Status::NotAvailable),
                )),
                (_, None) => status.push((
                    at(0),
                    dcell
                        .and_then(|c| c.status.cloned())
                        .unwrap_or(Status::NotAvailable),
                )),
                // A zero (or negative) denominator: no rate can be formed.
                _ => status.push((at(0), Status::NotApplicable)),
            }
        }
    }
    let join = |a: &Option<String>, b: &Option<String>| match (a, b) {
        (Some(a), Some(b)) if a != b => Some(format!("{a}, {b}")),
        (a, b) => a.clone().or(b.clone()),
    };
    let mut meta = IndicatorMeta {
        id: def.id.clone(),
        title: I18nText {
            nb: format!(
                "{} per {} {}",
                nm.title.nb,
                crate::i18n::format_number(rd.per, 0, crate::i18n::Lang::Nb),
                dm.title.nb.to_lowercase()
            ),
            nn: None,
            en: None,
        },
        unit: I18nText::plain(format!(
            "per {} {}",
            crate::i18n::format_number(rd.per, 0, crate::i18n::Lang::Nb),
            dm.unit.nb
        )),
        decimals: 1,
        rate: Some(Rate {
            per: rd.per,
            numerator: nm.title.clone(),
            denominator: dm.title.clone(),
        }),
        source: join(&nm.source, &dm.source),
        source_url: nm.source_url.clone().or(dm.source_url.clone()),
        table: join(&nm.table, &dm.table),
        licence: join(&nm.licence, &dm.licence),
        demo: def.demo || nm.demo || dm.demo,
        updated: nm.updated.clone().max(dm.updated.clone()),
        fetched: nm.fetched.clone().max(dm.fetched.clone()),
        via: join(&nm.via, &dm.via),
        // Kroner per person are kroner; kroner per kroner (a share) are not.
        money: nm.money && !dm.money,
        release: match (nm.release, dm.release) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        },
        notes: nm.notes.iter().chain(&dm.notes).cloned().collect(),
        ..Default::default()
    };
    apply(&mut meta, &def.overrides);
    let measure = vec![
        Category {
            id: "value".into(),
            label: meta.title.nb.clone(),
            ..Default::default()
        },
        Category {
            id: "numerator".into(),
            label: nm.title.nb.clone(),
            ..Default::default()
        },
        Category {
            id: "denominator".into(),
            label: dm.title.nb.clone(),
            ..Default::default()
        },
    ];
    Dataset {
        label: Some(meta.title.nb.clone()),
        source: meta.source.clone(),
        updated: meta.updated.clone(),
        table: meta.table.clone(),
        dims: vec![
            Dimension::new("measure", "measure", Some(Role::Metric), measure),
            Dimension::new("region", "region", Some(Role::Geo), regions.clone()),
            Dimension::new("period", "period", Some(Role::Time), periods.clone()),
        ],
        values,
        status: StatusMap::from_pairs(status),
        meta: Some(meta),
        ..Default::default()
    }
}

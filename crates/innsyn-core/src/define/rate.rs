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
    let (Some(nr), Some(nt), Some(dr), Some(dt)) = (
        num.region_dim(),
        num.time_dim(),
        den.region_dim(),
        den.time_dim(),
    ) else {
        return Dataset::default();
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
        let candidates = denominator_regions(&rc.id, &den_region, registry);
        for (ti, pc) in periods.iter().enumerate() {
            let at = |m: usize| (m * n_r + ri) * n_p + ti;
            let n = cell(num, ri, nr, ti, nt);
            let dp = match rd.denominator_period {
                DenominatorPeriod::Same => Some(pc.id.clone()),
                DenominatorPeriod::Next => next_period(&pc.id),
            };
            let dti = dp.as_deref().and_then(|p| den.dims[dt].position(p));
            let d = dti.and_then(|dti| {
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
            let part = |c: &Option<crate::model::Cell>| {
                c.as_ref()
                    .map_or((None, None), |c| (c.value, c.status.cloned()))
            };
            let ((nv, ns), (dv, ds)) = (part(&n), part(&d));
            values.set(at(1), nv);
            values.set(at(2), dv);
            let (v, s) = divide((nv, ns), (dv, ds), rd.per);
            values.set(at(0), v);
            if let Some(s) = s {
                status.push((at(0), s));
            }
        }
    }
    let meta = rate_meta(def, rd, &nm, &dm);
    let measure = [
        ("value", &meta.title.nb),
        ("numerator", &nm.title.nb),
        ("denominator", &dm.title.nb),
    ]
    .into_iter()
    .map(|(id, label)| Category {
        id: id.into(),
        label: label.clone(),
        ..Default::default()
    })
    .collect();
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

/// The denominator's regions for a numerator's region: the same code, or
/// for a municipality any number it has had.
fn denominator_regions(
    code: &str,
    den_region: &HashMap<&str, usize>,
    registry: &Registry,
) -> Vec<usize> {
    match registry.resolve(code) {
        Some(RegionRef::Municipality(m)) => {
            let mu = &registry.municipalities[m];
            std::iter::once(code)
                .chain(std::iter::once(mu.id.as_str()))
                .chain(mu.numbers.iter().map(|n| n.code.as_str()))
                .filter_map(|c| den_region.get(c).copied())
                .collect()
        }
        _ => den_region.get(code).copied().into_iter().collect(),
    }
}

/// One cell of a rate from its parts (value and status each): a ÷ b × per
/// with the numerator's status (else the denominator's); a missing part
/// gives no number and that part's reason (or «..»); a zero or negative
/// denominator gives no number and «.» — never ∞, NaN or 0.
pub(crate) fn divide(
    (a, a_status): (Option<f64>, Option<Status>),
    (b, b_status): (Option<f64>, Option<Status>),
    per: f64,
) -> (Option<f64>, Option<Status>) {
    match (a, b) {
        (Some(a), Some(b)) if b > 0.0 => (Some(a / b * per), a_status.or(b_status)),
        (None, _) => (None, Some(a_status.unwrap_or(Status::NotAvailable))),
        (_, None) => (None, Some(b_status.unwrap_or(Status::NotAvailable))),
        _ => (None, Some(Status::NotApplicable)),
    }
}

/// A rate's metadata from its parts': named «X per 1 000 y», with both
/// parts' sources, tables, licences and notes (each once), the later of
/// their dates, demonstration figures if either part is, kroner if the
/// numerator is kroner and the denominator is not (a share of kroner is
/// not), as unrevised as its least revised part; the catalog's overrides
/// over all that.
pub(crate) fn rate_meta(
    def: &IndicatorDef,
    rd: &RateDef,
    nm: &IndicatorMeta,
    dm: &IndicatorMeta,
) -> IndicatorMeta {
    let join = |a: &Option<String>, b: &Option<String>| match (a, b) {
        (Some(a), Some(b)) if a != b => Some(format!("{a}, {b}")),
        (a, b) => a.clone().or(b.clone()),
    };
    let per = crate::i18n::format_number(rd.per, 0, crate::i18n::Lang::Nb);
    let mut meta = IndicatorMeta {
        id: def.id.clone(),
        title: I18nText::plain(format!(
            "{} per {per} {}",
            nm.title.nb,
            dm.title.nb.to_lowercase()
        )),
        unit: I18nText::plain(format!("per {per} {}", dm.unit.nb)),
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
        ..Default::default()
    };
    for n in nm.notes.iter().chain(&dm.notes) {
        if !meta.notes.contains(n) {
            meta.notes.push(n.clone());
        }
    }
    apply(&mut meta, &def.overrides);
    meta
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::define::{Overrides, Release, Source};

    fn def(demo: bool) -> IndicatorDef {
        IndicatorDef {
            id: "per-barn".into(),
            source: Source::Rate(rd()),
            select: Vec::new(),
            overrides: Overrides::default(),
            demo,
            fetched: None,
            via: None,
            gross: None,
            theme: None,
            path: "$.indicators[2]".into(),
        }
    }

    fn rd() -> RateDef {
        RateDef {
            numerator: "n".into(),
            denominator: "d".into(),
            per: 1000.0,
            denominator_period: DenominatorPeriod::Next,
        }
    }

    #[test]
    fn a_cell_is_numerator_over_denominator_or_missing_with_its_reason() {
        let (s, c) = (Some(Status::Provisional), Some(Status::Confidential));
        assert_eq!(
            divide((Some(5.0), None), (Some(200.0), None), 1000.0),
            (Some(25.0), None)
        );
        // The numerator's status first, else the denominator's.
        assert_eq!(
            divide((Some(5.0), s.clone()), (Some(200.0), None), 1.0).1,
            s
        );
        assert_eq!(
            divide((Some(5.0), None), (Some(200.0), s.clone()), 1.0).1,
            s
        );
        // A missing part: no number, that part's reason or «..».
        assert_eq!(
            divide((None, c.clone()), (Some(200.0), None), 1.0),
            (None, c.clone())
        );
        assert_eq!(divide((Some(5.0), None), (None, c.clone()), 1.0), (None, c));
        assert_eq!(
            divide((None, None), (Some(1.0), None), 1.0),
            (None, Some(Status::NotAvailable))
        );
        assert_eq!(
            divide((Some(1.0), None), (None, None), 1.0),
            (None, Some(Status::NotAvailable))
        );
        // A zero or negative denominator: «.», never ∞, NaN or 0.
        for b in [0.0, -0.0, -3.0] {
            assert_eq!(
                divide((Some(5.0), None), (Some(b), None), 1000.0),
                (None, Some(Status::NotApplicable)),
                "{b}"
            );
        }
    }

    fn part(title: &str, unit: &str) -> IndicatorMeta {
        IndicatorMeta {
            title: I18nText::plain(title),
            unit: I18nText::plain(unit),
            source: Some("Statistisk sentralbyrå".into()),
            licence: Some("NLOD".into()),
            ..Default::default()
        }
    }

    #[test]
    fn a_rate_carries_both_parts_provenance() {
        let mut nm = part("Netto driftsutgifter", "1 000 kr");
        let mut dm = part("Innbyggere 0–17 år", "personer");
        nm.table = Some("12362".into());
        dm.table = Some("07459".into());
        nm.source_url = Some("https://www.ssb.no/statbank/table/12362".into());
        nm.updated = Some("2026-06-15".into());
        dm.updated = Some("2026-02-20".into());
        dm.fetched = Some("2026-09-14".into());
        nm.via = Some("Lippen".into());
        nm.release = Some(Release::Revised);
        dm.release = Some(Release::Unrevised);
        nm.notes = vec!["a".into(), "b".into()];
        dm.notes = vec!["b".into(), "c".into()];
        nm.money = true;
        let m = rate_meta(&def(false), &rd(), &nm, &dm);
        assert_eq!(m.id, "per-barn");
        assert_eq!(
            m.title.nb,
            "Netto driftsutgifter per 1\u{a0}000 innbyggere 0–17 år"
        );
        assert_eq!(m.unit.nb, "per 1\u{a0}000 personer");
        assert_eq!(m.decimals, 1);
        let r = m.rate.as_ref().unwrap();
        assert_eq!(
            (r.per, r.numerator.nb.as_str(), r.denominator.nb.as_str()),
            (1000.0, "Netto driftsutgifter", "Innbyggere 0–17 år")
        );
        // The same source and licence once; two tables both.
        assert_eq!(m.source.as_deref(), Some("Statistisk sentralbyrå"));
        assert_eq!(m.licence.as_deref(), Some("NLOD"));
        assert_eq!(m.table.as_deref(), Some("12362, 07459"));
        assert_eq!(
            m.source_url.as_deref(),
            Some("https://www.ssb.no/statbank/table/12362")
        );
        // The later dates, the republisher, the least revised release, every note once.
        assert_eq!(
            (m.updated.as_deref(), m.fetched.as_deref()),
            (Some("2026-06-15"), Some("2026-09-14"))
        );
        assert_eq!(m.via.as_deref(), Some("Lippen"));
        assert_eq!(m.release, Some(Release::Unrevised));
        assert_eq!(m.notes, ["a", "b", "c"]);
        assert!(m.money && !m.demo && !m.summable);
        // Kroner per kroner (a share) are not kroner; a count per person neither.
        dm.money = true;
        assert!(!rate_meta(&def(false), &rd(), &nm, &dm).money);
        nm.money = false;
        dm.money = false;
        assert!(!rate_meta(&def(false), &rd(), &nm, &dm).money);
        // The denominator's own source when the numerator has none.
        nm.source = None;
        nm.source_url = None;
        dm.source_url = Some("https://d".into());
        let m = rate_meta(&def(false), &rd(), &nm, &dm);
        assert_eq!(
            (m.source.as_deref(), m.source_url.as_deref()),
            (Some("Statistisk sentralbyrå"), Some("https://d"))
        );
    }

    /// A simple-format file of one measure read into its cube.
    fn cube(id: &str, updated: &str, table: &str, values: &[(&str, &str, Option<f64>)]) -> Dataset {
        let obs: Vec<String> = values
            .iter()
            .map(|(r, p, v)| match v {
                Some(v) => format!(r#"{{"region": "{r}", "period": "{p}", "value": {v}}}"#),
                None => {
                    format!(r#"{{"region": "{r}", "period": "{p}", "value": null, "status": ":"}}"#)
                }
            })
            .collect();
        let src = format!(
            r#"{{"format": "innsyn-indicator/1", "id": "{id}", "title": "{id}", "description": "d", "unit": "u",
            "updated": "{updated}", "source": {{"name": "SSB", "table": "{table}"}}, "values": [{}]}}"#,
            obs.join(",")
        );
        let out = crate::read::read_str(&src, &Registry::bundled()).unwrap();
        assert!(!out.has_errors(), "{:?}", out.diagnostics);
        out.datasets.into_iter().next().unwrap()
    }

    #[test]
    fn a_rate_cube_keeps_its_parts_and_says_what_it_is() {
        let reg = Registry::bundled();
        // Hamar: 0403 in 2019, 3403 from 2020; the denominator is the next year's.
        let num = cube(
            "n",
            "2026-06-15T06:00:00Z",
            "12362",
            &[("0403", "2019", Some(50.0)), ("3403", "2020", None)],
        );
        let den = cube(
            "d",
            "2026-02-20T06:00:00Z",
            "07459",
            &[
                ("3403", "2020", Some(5000.0)),
                ("3403", "2021", Some(4000.0)),
            ],
        );
        let ds = rate(&def(false), &rd(), &num, &den, &reg);
        let at = |m: &str, r: &str, p: &str| {
            ds.cell_at(&[m, r, p]).map(|c| (c.value, c.status.cloned()))
        };
        assert_eq!(
            at("value", "0403", "2019"),
            Some((Some(10.0), None)),
            "50 ÷ 5 000 (1.1.2020, under 3403) × 1 000"
        );
        assert_eq!(at("numerator", "0403", "2019"), Some((Some(50.0), None)));
        assert_eq!(
            at("denominator", "0403", "2019"),
            Some((Some(5000.0), None))
        );
        assert_eq!(
            at("value", "3403", "2020"),
            Some((None, Some(Status::Confidential)))
        );
        assert_eq!(
            at("denominator", "3403", "2020"),
            Some((Some(4000.0), None))
        );
        let meta = ds.meta.as_ref().unwrap();
        assert_eq!(ds.label.as_deref(), Some(meta.title.nb.as_str()));
        assert_eq!(ds.table.as_deref(), Some("12362, 07459"));
        assert_eq!(ds.source.as_deref(), Some("SSB"));
        assert_eq!(ds.updated.as_deref(), Some("2026-06-15T06:00:00Z"));
        assert_eq!(meta.updated, ds.updated);
        // Each measure is named: the rate, and its two parts by their titles.
        let m = ds.metric_dim().unwrap();
        let labels: Vec<&str> = ds.dims[m]
            .categories
            .iter()
            .map(|c| c.label.as_str())
            .collect();
        assert_eq!(labels, [meta.title.nb.as_str(), "n", "d"]);
    }

    #[test]
    fn demonstration_figures_stay_labelled_through_a_rate() {
        let plain = part("n", "u");
        let demo = IndicatorMeta {
            demo: true,
            ..part("d", "u")
        };
        for (d, n, den, want) in [
            (false, &plain, &plain, false),
            (true, &plain, &plain, true),
            (false, &demo, &plain, true),
            (false, &plain, &demo, true),
        ] {
            assert_eq!(
                rate_meta(&def(d), &rd(), n, den).demo,
                want,
                "{d} {} {}",
                n.demo,
                den.demo
            );
        }
    }
}

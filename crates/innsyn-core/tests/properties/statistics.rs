//! The statistics core's laws, on generated figures: a region's count is
//! the sum of its members'; a region's rate is the sum of the numerators
//! over the sum of the denominators of the members with both; a zero or
//! missing denominator gives no number, with its reason, never ∞, NaN or 0;
//! a computed figure keeps its parts' provenance and demonstration label,
//! in fixed prices too.

use innsyn_core::aggregate::{combine, LeftOut, Part, Rule};
use innsyn_core::catalog;
use innsyn_core::define;
use innsyn_core::model::{Dataset, I18nText};
use innsyn_core::present;
use innsyn_core::prices::{self, PriceIndex};
use innsyn_core::read;
use innsyn_core::status::Status;
use proptest::prelude::*;

use super::{config, registry};

/// A figure: a number (zero often), or none with a status or without one.
fn figure() -> impl Strategy<Value = (Option<f64>, Option<Status>)> {
    prop_oneof![
        3 => (0.0..5000.0f64).prop_map(|v| (Some(v.round()), None)),
        1 => Just((Some(0.0), None)),
        1 => Just((None, Some(Status::Confidential))),
        1 => Just((None, Some(Status::NotAvailable))),
        1 => Just((None, None)),
    ]
}

fn parts(rate: bool) -> impl Strategy<Value = Vec<Part>> {
    prop::collection::vec((figure(), figure(), figure()), 0..12).prop_map(move |v| {
        v.into_iter()
            .enumerate()
            .map(|(i, ((value, status), (n, _), (d, _)))| Part {
                region: format!("m{i}"),
                value,
                numerator: n.filter(|_| rate),
                denominator: d.filter(|_| rate),
                status,
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_regions_count_is_the_sum_of_its_members(parts in parts(false)) {
        let c = combine(Rule::Sum, &parts);
        let with: Vec<f64> = parts.iter().filter_map(|p| p.value).collect();
        prop_assert_eq!(c.used, with.len());
        prop_assert_eq!(c.total, parts.len());
        prop_assert_eq!(c.left_out.len(), parts.len() - with.len());
        prop_assert_eq!(c.value, (!with.is_empty()).then(|| with.iter().sum::<f64>()));
        // Each member left out is named, with the reason its status gives.
        for (p, (region, why)) in parts.iter().filter(|p| p.value.is_none()).zip(&c.left_out) {
            prop_assert_eq!(&p.region, region);
            let want = match &p.status {
                Some(s) if !s.has_value() => LeftOut::Status(s.clone()),
                _ => LeftOut::Missing,
            };
            prop_assert_eq!(why, &want);
        }
    }

    #[test]
    fn a_regions_rate_is_the_sum_of_numerators_over_the_sum_of_denominators(parts in parts(true)) {
        let c = combine(Rule::Ratio { per: 1000.0 }, &parts);
        let used: Vec<&Part> = parts
            .iter()
            .filter(|p| p.numerator.is_some() && p.denominator.is_some())
            .filter(|p| p.value.is_some() || p.status.as_ref().is_none_or(Status::has_value))
            .collect();
        let n: f64 = used.iter().filter_map(|p| p.numerator).sum();
        let d: f64 = used.iter().filter_map(|p| p.denominator).sum();
        prop_assert_eq!(c.used, used.len());
        prop_assert_eq!(c.numerator, (!used.is_empty()).then_some(n));
        prop_assert_eq!(c.denominator, (!used.is_empty()).then_some(d));
        match c.value {
            Some(v) => prop_assert!(d > 0.0 && v == n / d * 1000.0 && v.is_finite()),
            None => prop_assert!(used.is_empty() || d <= 0.0),
        }
    }
}

/// A simple-format file of one figure for some of Hedmark's municipalities
/// (under their 2024 numbers) in 2018–2021.
fn file(id: &str, demo: bool, values: &[(Option<f64>, Option<Status>)]) -> Dataset {
    const REGIONS: [&str; 4] = ["3401", "3403", "3411", "3412"];
    let obs: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(i, (v, s))| {
            let (r, p) = (REGIONS[i % 4], 2018 + i / 4);
            let v = v.map_or("null".to_string(), |v| v.to_string());
            let s = s.as_ref().map_or(String::new(), |s| {
                format!(r#", "status": "{}""#, s.symbol())
            });
            format!(r#"{{"region": "{r}", "period": "{p}", "value": {v}{s}}}"#)
        })
        .collect();
    let src = format!(
        r#"{{"format": "innsyn-indicator/1", "id": "{id}", "title": "{id}", "description": "d", "unit": "u",
        "aggregation": "sum", "demo": {demo}, "source": {{"name": "Kilde {id}", "table": "T{id}"}}, "values": [{}]}}"#,
        obs.join(",")
    );
    let out = read::read_str(&src, registry()).unwrap();
    assert!(!out.has_errors(), "{:?}", out.diagnostics);
    out.datasets.into_iter().next().unwrap()
}

fn rate_def(per: f64) -> define::IndicatorDef {
    let src = format!(
        r#"{{"format": "innsyn-catalog/1", "indicators": [{{"id": "n", "url": "n.json"}}, {{"id": "d", "url": "d.json"}},
        {{"id": "r", "rate": {{"numerator": "n", "denominator": "d", "per": {per}}}}}]}}"#
    );
    catalog::parse(&src, "k/catalog.json").unwrap().0.indicators[2].clone()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_zero_or_missing_denominator_gives_no_number_and_says_why(
        num in prop::collection::vec(figure(), 16),
        den in prop::collection::vec(figure(), 16),
        per in prop_oneof![Just(1.0), Just(100.0), Just(1000.0)],
    ) {
        let def = rate_def(per);
        let rd = def.rate().unwrap().clone();
        let ds = define::rate(&def, &rd, &file("n", false, &num), &file("d", false, &den), registry());
        for (i, ((n, ns), (d, ds_status))) in num.iter().zip(&den).enumerate() {
            let (r, p) = (["3401", "3403", "3411", "3412"][i % 4], (2018 + i / 4).to_string());
            let cell = ds.cell_at(&["value", r, &p]).unwrap();
            match (n, d) {
                (Some(n), Some(d)) if *d > 0.0 => {
                    prop_assert_eq!(cell.value, Some(n / d * per));
                }
                (None, _) => {
                    prop_assert_eq!(cell.value, None);
                    prop_assert_eq!(cell.status, Some(ns.as_ref().unwrap_or(&Status::NotAvailable)));
                }
                (_, None) => {
                    prop_assert_eq!(cell.value, None);
                    prop_assert_eq!(cell.status, Some(ds_status.as_ref().unwrap_or(&Status::NotAvailable)));
                }
                _ => {
                    prop_assert_eq!(cell.value, None, "a zero denominator");
                    prop_assert_eq!(cell.status, Some(&Status::NotApplicable));
                }
            }
            prop_assert!(ds.values.iter().flatten().all(f64::is_finite));
        }
        // And a region of them: sum over sum of the members with both, or none.
        let members: Vec<usize> = ["3401", "3403", "3411", "3412"]
            .iter()
            .map(|id| registry().municipalities.iter().position(|m| m.id == *id).unwrap())
            .collect();
        let rule = ds.meta.as_ref().unwrap().rule();
        for y in 2018..2022 {
            let c = present::group_figure(&ds, registry(), rule, &members, &y.to_string());
            prop_assert!(c.value.is_none_or(f64::is_finite));
            if let (Some(v), Some(n), Some(d)) = (c.value, c.numerator, c.denominator) {
                prop_assert_eq!(v, n / d * per);
            }
        }
    }

    #[test]
    fn provenance_and_the_demonstration_label_survive_every_computed_figure(
        demo_n in any::<bool>(),
        demo_d in any::<bool>(),
        values in prop::collection::vec(figure(), 16),
    ) {
        let def = rate_def(1000.0);
        let rd = def.rate().unwrap().clone();
        let (n, d) = (file("n", demo_n, &values), file("d", demo_d, &values));
        let ds = define::rate(&def, &rd, &n, &d, registry());
        let meta = ds.meta.clone().unwrap();
        prop_assert_eq!(meta.demo, demo_n || demo_d);
        prop_assert_eq!(meta.source.as_deref(), Some("Kilde n, Kilde d"));
        prop_assert_eq!(meta.table.as_deref(), Some("Tn, Td"));
        // In fixed prices (kroner per person): the same label, sources, parts.
        let mut money = ds.clone();
        money.meta.as_mut().unwrap().money = true;
        let index = PriceIndex::from_growth("d", I18nText::plain("deflator"), "FIN", &[(2019, 3.0), (2020, 1.0), (2021, 4.0)]);
        let fixed = prices::fixed(&money, &index, 2021);
        let fm = fixed.meta.as_ref().unwrap();
        prop_assert_eq!(fm.demo, meta.demo);
        prop_assert_eq!(&fm.source, &meta.source);
        prop_assert_eq!(&fm.table, &meta.table);
        prop_assert_eq!(&fm.rate, &meta.rate);
        prop_assert!(fm.unit.nb.ends_with("faste 2021-kroner (deflator)"), "{}", fm.unit.nb);
        prop_assert_eq!(fm.fixed.as_ref().map(|f| f.base), Some(2021));
        // The denominator is people, not kroner: never deflated; the rest by the index.
        for (i, cell) in ds.values.iter().enumerate() {
            let c = ds.coords_of(i);
            let year = 2018 + c[2] as u16;
            let f = fixed.values.get(i);
            match (c[0], cell) {
                (2, v) => prop_assert_eq!(f, v),
                (_, Some(v)) => prop_assert_eq!(f, Some(v * index.factor(year, 2021).unwrap())),
                (_, None) => prop_assert_eq!(f, None),
            }
        }
        // A region's count keeps the label: it is read from the same meta.
        prop_assert_eq!(ds.meta.as_ref().map(|m| m.demo), Some(demo_n || demo_d));
    }
}

#[test]
fn a_year_the_index_does_not_cover_has_no_fixed_price_figure() {
    let ds = file("n", false, &vec![(Some(10.0), None); 8]);
    let mut money = ds.clone();
    money.meta.as_mut().unwrap().money = true;
    // An index of 2019 only: 2018 has no figure in 2019 kroner, and says why.
    let index = PriceIndex::from_levels("k", I18nText::plain("k"), "S", vec![(2019, 100.0)]);
    let fixed = prices::fixed(&money, &index, 2019);
    let at = |p: &str| {
        fixed
            .cell_at(&["value", "3401", p])
            .map(|c| (c.value, c.status.cloned()))
    };
    assert_eq!(at("2018"), Some((None, Some(Status::NoPriceIndex))));
    assert_eq!(at("2019"), Some((Some(10.0), None)));
    // Figures that are not kroner are never converted.
    assert_eq!(prices::fixed(&ds, &index, 2019).values, ds.values);
}

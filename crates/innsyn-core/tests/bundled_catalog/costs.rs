//! What child welfare costs: the bundled snapshot of SSB table 12362 and
//! the population 0–17 (07459) hold exactly the figures of the CSVs in
//! tests/data they were made from; a region's spending is the sum of its
//! members'; and per child 0–17 and fixed prices, for three municipalities
//! and Innlandet, are computed here by hand from those CSVs and the price
//! indexes' own CSVs — not from the code under test.

use std::collections::HashMap;

use innsyn_core::aggregate::Rule;
use innsyn_core::i18n::Lang;
use innsyn_core::present;
use innsyn_core::prices::{self, PriceIndex};
use innsyn_core::read;
use innsyn_core::registry::Registry;
use innsyn_core::status::Status;

use super::{catalog, load, PUBLIC, TEST_DATA};

/// The rows of a CSV in tests/data, by column name.
fn csv(name: &str) -> Vec<HashMap<String, String>> {
    let text = std::fs::read_to_string(format!("{TEST_DATA}{name}")).unwrap();
    let mut lines = text.lines();
    let head: Vec<String> = lines
        .next()
        .unwrap()
        .split(',')
        .map(str::to_string)
        .collect();
    lines
        .map(|l| {
            head.iter()
                .cloned()
                .zip(l.split(',').map(str::to_string))
                .collect()
        })
        .collect()
}

fn num(r: &HashMap<String, String>, k: &str) -> f64 {
    r[k].parse().unwrap_or_else(|_| panic!("{k}: {}", r[k]))
}

/// Net expenditure (1 000 kr) by (2024 number, year), and the population
/// 0–17 on 1 January by (2024 number, year), from the CSVs.
fn by_hand() -> (HashMap<(String, u16), f64>, HashMap<(String, u16), f64>) {
    let mut net = HashMap::new();
    let mut today = HashMap::new(); // any number -> 2024 number
    for r in csv("ssb/kostra_12362_barnevern_fgk13_2015-2025.csv") {
        let year: u16 = r["aar"].parse().unwrap();
        net.insert(
            (r["kommunenr_2024"].clone(), year),
            num(&r, "netto_driftsutgifter_1000kr"),
        );
        today.insert(r["kommunenr"].clone(), r["kommunenr_2024"].clone());
    }
    let mut pop = HashMap::new();
    for r in csv("ssb/population_0_17_1jan_2015-2026.csv") {
        let id = today[&r["kommunenr"]].clone();
        pop.insert((id, r["aar"].parse().unwrap()), num(&r, "pop_0_17"));
    }
    (net, pop)
}

#[test]
fn every_expenditure_figure_is_the_csv() {
    let reg = Registry::bundled();
    let text = std::fs::read_to_string(format!("{PUBLIC}data/ssb/12362-barnevern.json")).unwrap();
    let out = read::read_str(&text, &reg).unwrap();
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    let file = &out.datasets[0];
    assert_eq!(file.table.as_deref(), Some("12362"));
    let rows = csv("ssb/kostra_12362_barnevern_fgk13_2015-2025.csv");
    assert_eq!(rows.len(), 48 * 11, "48 municipalities, 2015–2025");
    for r in &rows {
        for (art, col) in [
            ("AGD2", "netto_driftsutgifter_1000kr"),
            ("AGD10", "brutto_driftsutgifter_1000kr"),
        ] {
            let cell = file
                .cell_at(&[&r["kommunenr"], "FGK13", art, "KOSbelop0000", &r["aar"]])
                .unwrap();
            assert_eq!(
                cell.value,
                Some(num(r, col)),
                "{} {} {art}",
                r["navn"],
                r["aar"]
            );
        }
    }
    // Every other cell is a number not in use that year: «.», never 0.
    let values = file.values.iter().filter(Option::is_some).count();
    assert_eq!(values, 2 * rows.len());
    assert_eq!(file.status.len(), file.values.len() - values);
    assert!(file.status.iter().all(|(_, s)| *s == Status::NotApplicable));
    // The catalog reads it as the net and gross indicators, 1 000 kr in
    // current prices, with its provenance.
    let cat = catalog();
    let net = load(&cat, &reg, "netto-driftsutgifter");
    let meta = net.meta.as_ref().unwrap();
    assert!(meta.money && meta.summable);
    assert_eq!(
        meta.via.as_deref(),
        Some("Lippen1995/Project_statsbudsjett")
    );
    assert!(meta
        .notes
        .iter()
        .any(|n| n.contains("Ikke hentet av Innsyn")));
    let dates = innsyn_core::export::dates(meta, Lang::Nb).join(" · ");
    assert_eq!(
        dates,
        "Hentet fra SSB 14.09.2026 via Lippen1995/Project_statsbudsjett · Siste år: reviderte KOSTRA-tall (publisert 15. juni)"
    );
}

#[test]
fn the_population_snapshot_is_the_csv_to_2026() {
    let (cat, reg) = (catalog(), Registry::bundled());
    let pop = load(&cat, &reg, "innbyggere-0-17");
    let rows = csv("ssb/population_0_17_1jan_2015-2026.csv");
    assert!(rows.iter().any(|r| r["aar"] == "2026"));
    for r in &rows {
        let cell = pop.cell_at(&["value", &r["kommunenr"], &r["aar"]]).unwrap();
        assert_eq!(
            cell.value,
            Some(num(r, "pop_0_17")),
            "{} {}",
            r["navn"],
            r["aar"]
        );
    }
}

#[test]
fn a_region_spends_the_sum_of_its_members() {
    let (cat, reg) = (catalog(), Registry::bundled());
    let net = load(&cat, &reg, "netto-driftsutgifter");
    let (csv_net, _) = by_hand();
    // By hand: Hedmark is the 22 municipalities numbered 04xx to 2019 (3401
    // Kongsvinger … 3430 Os today); Innlandet every 34xx; Hadeland three.
    let hedmark: Vec<String> = csv("ssb/kostra_12362_barnevern_fgk13_2015-2025.csv")
        .into_iter()
        .filter(|r| r["aar"] == "2015" && r["kommunenr"].starts_with("04"))
        .map(|r| r["kommunenr_2024"].clone())
        .collect();
    assert_eq!(hedmark.len(), 22);
    let ids_of = |f: &dyn Fn(&str) -> bool| -> Vec<String> {
        let mut v: Vec<String> = csv_net
            .keys()
            .map(|k| k.0.clone())
            .filter(|k| f(k))
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let groups: Vec<(&str, Vec<String>)> = vec![
        ("04", ids_of(&|m| hedmark.iter().any(|h| h == m))),
        ("34", ids_of(&|m| m.starts_with("34"))),
        (
            "hadeland",
            vec!["3234".into(), "3236".into(), "3446".into()],
        ),
    ];
    assert_eq!(groups[1].1.len(), 46);
    for year in 2015..=2025u16 {
        for (id, members) in &groups {
            let expected: f64 = members.iter().map(|m| csv_net[&(m.clone(), year)]).sum();
            let c = present::group_figure(
                &net,
                &reg,
                Rule::Sum,
                &reg.group_members(id, year).unwrap(),
                &year.to_string(),
            );
            assert_eq!(
                (c.value, c.used, c.total),
                (Some(expected), members.len(), members.len()),
                "{id} {year}"
            );
        }
    }
    // The reform year: the 48's net total rose a quarter from 2021 to 2022.
    let all = |y: u16| -> f64 {
        csv_net
            .iter()
            .filter(|(k, _)| k.1 == y)
            .map(|(_, v)| v)
            .sum()
    };
    assert_eq!((all(2021), all(2022)), (900_429.0, 1_124_006.0));
}

/// The municipal deflator's level in `year` relative to 2025, chained by
/// hand from the yearly growth in the CSV; the KPI's from its levels.
fn deflator_to_2025(year: u16) -> f64 {
    let growth: HashMap<u16, f64> = csv("prices/deflatorer_vekst_prosent.csv")
        .iter()
        .map(|r| {
            (
                r["aar"].parse().unwrap(),
                num(r, "kommunal_deflator_prosent"),
            )
        })
        .collect();
    ((year + 1)..=2025)
        .map(|y| 1.0 + growth[&y] / 100.0)
        .product()
}

fn kpi_to_2025(year: u16) -> f64 {
    let kpi: HashMap<u16, f64> = csv("prices/kpi_2015-100_aarsgjennomsnitt.csv")
        .iter()
        .map(|r| (r["aar"].parse().unwrap(), num(r, "kpi_2015_100")))
        .collect();
    kpi[&2025] / kpi[&year]
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

#[test]
fn per_child_and_fixed_prices_by_hand() {
    let (cat, reg) = (catalog(), Registry::bundled());
    let per_child = load(&cat, &reg, "netto-per-innbygger-0-17");
    let meta = per_child.meta.as_ref().unwrap();
    assert!(meta.money, "kroner per child are kroner");
    // The cube says what it is, as its meta does.
    assert_eq!(per_child.label.as_deref(), Some(meta.title.nb.as_str()));
    assert_eq!(per_child.table.as_deref(), Some("12362, 07459"));
    assert_eq!(per_child.source.as_deref(), Some("Statistisk sentralbyrå"));
    assert_eq!(per_child.updated, meta.updated);
    assert_eq!(prices::base_year(&per_child), Some(2025));
    let (deflator, kpi): (&PriceIndex, &PriceIndex) = (
        cat.prices.index("kommunal-deflator").unwrap(),
        cat.prices.index("kpi").unwrap(),
    );
    assert_eq!(cat.prices.default_index(), Some(deflator));
    let fixed = prices::fixed(&per_child, deflator, 2025);
    let by_kpi = prices::fixed(&per_child, kpi, 2025);
    let unit = fixed.meta.as_ref().unwrap().unit.get(Lang::Nb).to_string();
    assert_eq!(
        unit,
        "kr per innbygger 0–17 år, faste 2025-kroner (kommunal deflator)"
    );
    let (net, pop) = by_hand();
    // Net expenditure of year Y × 1 000 ÷ children 0–17 on 1 January Y+1.
    for id in ["3403", "3407", "3450"] {
        let i = reg.municipalities.iter().position(|m| m.id == id).unwrap();
        for y in 2015..=2025u16 {
            let want = net[&(id.to_string(), y)] * 1000.0 / pop[&(id.to_string(), y + 1)];
            let p = y.to_string();
            let got = |ds| present::municipality_part(ds, &reg, i, &p).value.unwrap();
            assert!(close(got(&per_child), want), "{id} {y}");
            assert!(
                close(got(&fixed), want * deflator_to_2025(y)),
                "{id} {y} deflator"
            );
            assert!(close(got(&by_kpi), want * kpi_to_2025(y)), "{id} {y} KPI");
        }
    }
    // Innlandet: the 46's net summed over the 46's children, never a mean.
    let members: Vec<String> = net
        .keys()
        .map(|k| k.0.clone())
        .filter(|m| m.starts_with("34"))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let rule = fixed.meta.as_ref().unwrap().rule();
    for y in 2015..=2025u16 {
        let n: f64 = members.iter().map(|m| net[&(m.clone(), y)]).sum();
        let d: f64 = members.iter().map(|m| pop[&(m.clone(), y + 1)]).sum();
        let c = present::group_figure(
            &fixed,
            &reg,
            rule,
            &reg.county_members("34", y),
            &y.to_string(),
        );
        assert!(
            close(c.value.unwrap(), n * 1000.0 / d * deflator_to_2025(y)),
            "Innlandet {y}"
        );
    }
    // Growth since 2015 for Innlandet per child, in fixed prices.
    let series = present::group_series(&per_child, &reg, rule, &|y| reg.county_members("34", y));
    let g = prices::growth(&present::values(&series), deflator, false).unwrap();
    let at = |y: u16| {
        series
            .iter()
            .find(|(p, _)| *p == y.to_string())
            .unwrap()
            .1
            .value
            .unwrap()
    };
    assert!(close(
        g.fixed.unwrap(),
        (at(2025) / (at(2015) * deflator_to_2025(2015)) - 1.0) * 100.0
    ));
}

#[test]
fn the_start_page_says_what_the_48_spent() {
    let (cat, reg) = (catalog(), Registry::bundled());
    let (net, pop) = by_hand();
    let total = load(&cat, &reg, cat.start.spending.as_deref().unwrap());
    let per_child = load(&cat, &reg, cat.start.per_child.as_deref().unwrap());
    let deflator = cat.prices.default_index();
    let s = present::spending(&total, Some(&per_child), &reg, deflator).unwrap();
    let sum = |y: u16| -> f64 { net.iter().filter(|(k, _)| k.1 == y).map(|(_, v)| v).sum() };
    let children: f64 = pop
        .iter()
        .filter(|(k, _)| k.1 == 2026)
        .map(|(_, v)| v)
        .sum();
    assert_eq!((s.period.as_str(), s.used, s.members), ("2025", 48, 48));
    assert_eq!(s.total, sum(2025) * 1000.0);
    assert!(close(s.per_child.unwrap(), sum(2025) * 1000.0 / children));
    let g = s.growth.as_ref().unwrap();
    assert!(close(g.current, (sum(2025) / sum(2015) - 1.0) * 100.0));
    assert!(close(
        g.fixed.unwrap(),
        (sum(2025) / (sum(2015) * deflator_to_2025(2015)) - 1.0) * 100.0
    ));
    let text = s.sentence(deflator, Lang::Nb);
    assert!(
        text.starts_with("I 2025 brukte de 48 kommunene 1,36 milliarder kroner netto på barnevern"),
        "{text}"
    );
}

#[test]
fn gross_says_why_it_parts_ways_with_net() {
    let (cat, reg) = (catalog(), Registry::bundled());
    let gross = load(&cat, &reg, "brutto-driftsutgifter");
    let net = load(&cat, &reg, "netto-driftsutgifter");
    let g = cat
        .indicator("brutto-driftsutgifter")
        .unwrap()
        .gross
        .clone()
        .unwrap();
    assert_eq!(
        (g.net.as_str(), g.note_above),
        ("netto-driftsutgifter", 1.5)
    );
    let notes = |id: &str| {
        let i = reg.municipalities.iter().position(|m| m.id == id).unwrap();
        present::gross_notes(&gross, &net, &reg, i, g.note_above, Lang::Nb)
    };
    // Gjøvik, host of the service with the two Lands: gross 1.5–2.4 × net 2015–2020.
    let gjovik = notes("3407");
    assert_eq!(gjovik.len(), 1);
    assert!(gjovik[0].starts_with("2015, 2016, 2017, 2018, 2019 og 2020: brutto er mer enn 1,5 ganger netto. Gjøvik deler barnevernstjeneste med Søndre Land, Nordre Land"), "{gjovik:?}");
    // Lillehammer has no shared service in the registry: income, such as refunds.
    assert!(notes("3405")[0].contains("store inntekter"));
    // Eidskog: net above gross, as published.
    assert_eq!(notes("3416"), ["2023 og 2024: netto er høyere enn brutto. Slik er tallene publisert av SSB; Innsyn retter dem ikke."]);
    // Hamar's gross is near its net in every year but 2016.
    assert_eq!(notes("3403").len(), 1);
}

#[test]
fn only_comparable_figures_are_ranked() {
    let (cat, reg) = (catalog(), Registry::bundled());
    let hamar = reg
        .municipalities
        .iter()
        .position(|m| m.id == "3403")
        .unwrap();
    // Kroner in total mostly measure a municipality's size: no «Plass 1 / 48».
    let total = load(&cat, &reg, "netto-driftsutgifter");
    assert_eq!(present::rank(&total, &reg, hamar, "2025"), None);
    // Kroner per child compare municipalities of any size.
    let per_child = load(&cat, &reg, "netto-per-innbygger-0-17");
    let (r, n) = present::rank(&per_child, &reg, hamar, "2025").unwrap();
    assert!(r >= 1 && r <= n && n == 48, "{r} / {n}");
}

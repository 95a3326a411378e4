//! The bundled catalog (public/data/catalog.json) is the real one: SSB's
//! tables by name, live where no snapshot exists, and the real figures the
//! project holds as snapshots. These tests read it, derive every indicator
//! that has a snapshot, and check the computed figures against the numbers
//! SSB itself publishes. `costs`: the expenditure snapshot against the
//! CSVs it was made from, and per child and fixed prices by hand.

mod costs;

use std::sync::Arc;

use innsyn_core::aggregate::Rule;
use innsyn_core::catalog::{self, Catalog};
use innsyn_core::define::{self, Source};
use innsyn_core::model::Dataset;
use innsyn_core::present;
use innsyn_core::read;
use innsyn_core::registry::Registry;
use innsyn_core::ssb;

const PUBLIC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/");
const TEST_DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/");

fn catalog() -> Catalog {
    let src = std::fs::read_to_string(format!("{PUBLIC}data/catalog.json")).unwrap();
    let (cat, diags) = catalog::parse(&src, "data/catalog.json").unwrap();
    assert!(diags.is_empty(), "{diags:#?}");
    cat
}

/// An indicator of the catalog as a page shows it: its file read and
/// derived, or both parts of a rate.
fn load(cat: &Catalog, reg: &Registry, id: &str) -> Arc<Dataset> {
    let def = cat
        .indicator(id)
        .unwrap_or_else(|| panic!("{id} is in the catalog"));
    match &def.source {
        Source::Rate(r) => {
            let (n, d) = (load(cat, reg, &r.numerator), load(cat, reg, &r.denominator));
            Arc::new(define::rate(def, r, &n, &d, reg))
        }
        Source::File { .. } => {
            let url = def.url().unwrap_or_else(|| panic!("{id} has a snapshot"));
            let path = format!("{PUBLIC}{url}");
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            let out = read::read_str(&text, reg).unwrap();
            assert!(!out.has_errors(), "{:?}", out.diagnostics);
            let (ds, diags) = define::derive(def, &out.datasets[0]);
            assert!(diags.is_empty(), "{id}: {diags:#?}");
            Arc::new(ds)
        }
    }
}

/// Whether an indicator needs SSB live (no snapshot in any of its parts).
fn is_live(cat: &Catalog, id: &str) -> bool {
    cat.is_live(cat.indicator(id).unwrap())
}

#[test]
fn the_bundled_catalog_is_real_complete_and_clean() {
    let cat = catalog();
    assert!(cat.title.nb.contains("tall fra SSB"));
    assert!(
        cat.indicators.iter().all(|i| !i.demo),
        "no demonstration figures"
    );
    for def in &cat.indicators {
        let o = &def.overrides;
        for (what, text) in [
            ("title", &o.title),
            ("description", &o.description),
            ("unit", &o.unit),
        ] {
            let t = text
                .as_ref()
                .unwrap_or_else(|| panic!("{}: {what}", def.id));
            assert!(
                t.nn.is_some() && t.en.is_some(),
                "{} {what} in nb, nn and en",
                def.id
            );
        }
        if let Some(s) = def.ssb() {
            assert!(s.live || def.url().is_some(), "{}", def.id);
            assert!(!def.select.is_empty(), "{} selects its category", def.id);
        }
    }
    // Counts combine by summing, rates by their parts.
    let reg = Registry::bundled();
    let pop = load(&cat, &reg, "innbyggere-0-17");
    assert_eq!(pop.meta.as_ref().unwrap().rule(), Rule::Sum);
    let per = load(&cat, &reg, "hedmark-2018-aarsverk-per-1000");
    assert!(matches!(
        per.meta.as_ref().unwrap().rule(),
        Rule::Ratio { .. }
    ));
    // Every SSB table is asked once, with every definition's codes.
    let reqs = ssb::table_requests(&cat, &reg, "no");
    let tables: Vec<&str> = reqs.iter().map(|r| r.table.as_str()).collect();
    assert_eq!(
        tables,
        ["07459", "12275", "12286", "12305", "12362", "12615"]
    );
    let costs = reqs.iter().find(|r| r.table == "12362").unwrap();
    assert!(costs
        .codes
        .iter()
        .any(|(d, c)| d == "KOKfunksjon0000" && c == &["FGK13", "244", "251", "252"]));
    assert!(costs
        .codes
        .iter()
        .any(|(d, c)| d == "KOKart0000" && c == &["AGD2", "AGD10"]));
    for r in &reqs {
        assert!(
            r.url(ssb::API).len() <= ssb::MAX_URL,
            "{}: one request",
            r.table
        );
    }
    let pop_req = reqs.iter().find(|r| r.table == "07459").unwrap();
    assert!(pop_req
        .url(ssb::API)
        .ends_with("&codelist[Alder]=agg_TodeltGrupperingB"));
    // Offline, the real snapshots still give figures.
    assert!(!is_live(&cat, "innbyggere-0-17") && !is_live(&cat, "hedmark-2018-barn-per-aarsverk"));
    for id in [
        "netto-driftsutgifter",
        "brutto-driftsutgifter",
        "netto-per-innbygger-0-17",
    ] {
        assert!(!is_live(&cat, id), "{id}: real figures without SSB");
    }
    assert!(is_live(&cat, "tiltak-per-1000"));
}

#[test]
fn the_real_figures_compute_what_ssb_publishes() {
    let cat = catalog();
    let reg = Registry::bundled();
    let hedmark = |y| reg.county_members("04", y);
    // Children with measures and årsverk: counts summed to SSB's county lines.
    let tiltak = load(&cat, &reg, "hedmark-2018-tiltak");
    let c = present::group_figure(&tiltak, &reg, Rule::Sum, &hedmark(2018), "2018");
    assert_eq!((c.value, c.used, c.total), (Some(2073.0), 22, 22));
    let aarsverk = load(&cat, &reg, "hedmark-2018-aarsverk");
    let c = present::group_figure(&aarsverk, &reg, Rule::Sum, &hedmark(2018), "2018");
    assert!((c.value.unwrap() - 207.7).abs() < 1e-9);
    // Staff per 1 000 children: årsverk 31.12.2018 ÷ inhabitants 0–17 on
    // 1.1.2019, summed over the members, = SSB's 5,6 for Hedmark; and each
    // municipality's = SSB's own figure (Kongsvinger 7,1; Hamar 4,8).
    let per = load(&cat, &reg, "hedmark-2018-aarsverk-per-1000");
    let rule = per.meta.as_ref().unwrap().rule();
    let c = present::group_figure(&per, &reg, rule, &hedmark(2018), "2018");
    assert_eq!(format!("{:.1}", c.value.unwrap()), "5.6");
    assert_eq!(c.used, 22);
    let kongsvinger = reg
        .municipalities
        .iter()
        .position(|m| m.id == "3401")
        .unwrap();
    let part = present::municipality_part(&per, &reg, kongsvinger, "2018");
    assert_eq!(format!("{:.1}", part.value.unwrap()), "7.1");
    assert_eq!(
        (part.numerator, part.denominator),
        (Some(23.0), Some(3258.0))
    );
    let src =
        std::fs::read_to_string(format!("{PUBLIC}data/ssb/barnevern-2018-hedmark.json")).unwrap();
    let file = read::read_str(&src, &reg).unwrap().datasets.remove(0);
    for (i, m) in reg
        .municipalities
        .iter()
        .enumerate()
        .filter(|(_, m)| m.old_county() == "04")
    {
        let ours = present::municipality_part(&per, &reg, i, "2018")
            .value
            .unwrap();
        let code = m.code_in(2018);
        let ssb = file
            .cell_at(&[code, "tilsette_per_1000_0_17", "2018"])
            .unwrap()
            .value
            .unwrap();
        assert!(
            (ours - ssb).abs() <= 0.05 + 1e-9,
            "{}: {ours:.2} vs SSB {ssb}",
            m.name
        );
    }
    // A suppressed cell keeps its reason through a computed rate.
    let ratio = load(&cat, &reg, "hedmark-2018-barn-per-aarsverk");
    let c = present::group_figure(
        &ratio,
        &reg,
        ratio.meta.as_ref().unwrap().rule(),
        &hedmark(2018),
        "2018",
    );
    assert!(
        (c.value.unwrap() - 2073.0 / 207.7).abs() < 1e-9,
        "sum/sum, not a mean"
    );
    // The notes of both files travel with a computed rate.
    assert!(per
        .meta
        .as_ref()
        .unwrap()
        .notes
        .iter()
        .any(|n| n.contains("07459")));
}

#[test]
fn population_snapshot_follows_a_municipality_across_renumbering() {
    let cat = catalog();
    let reg = Registry::bundled();
    let pop = load(&cat, &reg, "innbyggere-0-17");
    let meta = pop.meta.as_ref().unwrap();
    assert_eq!(meta.table.as_deref(), Some("07459"));
    assert_eq!(meta.source.as_deref(), Some("Statistisk sentralbyrå"));
    assert_eq!(
        meta.source_url.as_deref(),
        Some("https://www.ssb.no/statbank/table/07459")
    );
    let series = present::municipality_series(
        &pop,
        &reg,
        reg.municipalities
            .iter()
            .position(|m| m.id == "3401")
            .unwrap(),
    );
    let years: Vec<(&str, Option<f64>)> = series
        .iter()
        .map(|(p, part)| (p.as_str(), part.value))
        .collect();
    assert_eq!(years[0], ("2015", Some(3428.0)), "under 0402");
    assert!(
        years.iter().all(|(_, v)| v.is_some()),
        "every year 2015–2024, under 0402 and 3401: {years:?}"
    );
    // Innlandet 2024 summed over its 46 members (Lunner and Jevnaker moved).
    let c = present::group_figure(
        &pop,
        &reg,
        Rule::Sum,
        &reg.county_members("34", 2024),
        "2024",
    );
    assert_eq!(c.used, c.total);
}

//! Indicator definitions on SSB's real answers (tests/data/jsonstat/ssb):
//! a select fixes every dimension but region and time; what the file says
//! (label, unit, source, updated) makes the card; a select that does not
//! fit the file is a diagnostic naming the dimension and the category.

use innsyn_core::catalog;
use innsyn_core::define::{self, Source};
use innsyn_core::model::Dataset;
use innsyn_core::read;
use innsyn_core::registry::Registry;
use innsyn_core::status::Status;

fn ssb_file(name: &str) -> Dataset {
    let path = format!(
        "{}/../../tests/data/jsonstat/ssb/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).unwrap();
    read::read_str(&text, &Registry::bundled())
        .unwrap()
        .datasets
        .remove(0)
}

fn def(entry: &str) -> define::IndicatorDef {
    let src = format!(r#"{{"format": "innsyn-catalog/1", "indicators": [{entry}]}}"#);
    let (cat, diags) = catalog::parse(&src, "k/catalog.json").unwrap();
    assert!(diags.is_empty(), "{diags:?}");
    cat.indicators[0].clone()
}

#[test]
fn an_ssb_table_as_published_makes_a_complete_indicator() {
    let ds = ssb_file("12367_kostra_regnskap.json");
    let d = def(
        r#"{"id": "netto-grunnskole", "url": "12367.json", "aggregation": "sum",
            "ssb": {"table": "12367"},
            "select": {"KOKregnskapsomfa0000": "A", "KOKfunksjon0000": "FGK8b", "KOKart0000": "AGD2"}}"#,
    );
    let (cube, diags) = define::derive(&d, &ds);
    assert!(diags.is_empty(), "{diags:?}");
    let m = cube.meta.as_ref().unwrap();
    assert_eq!(
        m.title.nb,
        "Beløp (1000 kr) (Kommuner/fylkeskommuner, Grunnskole, Netto driftsutgifter på funksjon/tjenesteområde)"
    );
    assert_eq!(m.unit.nb, "1000 kr", "SSB's unit base");
    assert_eq!(m.source.as_deref(), Some("Statistisk sentralbyrå"));
    assert_eq!(m.updated.as_deref(), Some("2021-06-13T22:00:00Z"));
    assert_eq!(m.table.as_deref(), Some("12367"));
    assert_eq!(
        m.source_url.as_deref(),
        Some("https://www.ssb.no/statbank/table/12367")
    );
    assert!(m.summable);
    // The cube: measure × region × period, every cell as in the file.
    assert_eq!(
        cube.dims.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(),
        ["measure", "region", "period"]
    );
    let regions: Vec<&str> = cube.dims[1]
        .categories
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(regions, ["EAK", "EAKUO", "3001", "EKG16", "EKG17"]);
    for r in &regions {
        for t in &cube.dims[2].categories {
            let ours = cube.cell_at(&["value", r, &t.id]).unwrap();
            let theirs = ds
                .cell_at(&[r, "A", "FGK8b", "AGD2", "KOSbelop0000", &t.id])
                .unwrap();
            assert_eq!(
                (ours.value, ours.status),
                (theirs.value, theirs.status),
                "{r} {}",
                t.id
            );
        }
    }
    // Overrides win over the file's texts.
    let d2 = def(
        r#"{"id": "x", "url": "12367.json", "title": {"nb": "Netto", "nn": "Netto", "en": "Net"},
            "unit": "kr", "decimals": 1,
            "select": {"KOKregnskapsomfa0000": "A", "KOKfunksjon0000": "100", "KOKart0000": "AGD2"}}"#,
    );
    let (cube, _) = define::derive(&d2, &ds);
    let m = cube.meta.unwrap();
    assert_eq!(
        (m.title.en.as_deref(), m.unit.nb.as_str(), m.decimals),
        (Some("Net"), "kr", 1)
    );
}

#[test]
fn a_select_that_does_not_fit_names_the_dimension_and_the_category() {
    let ds = ssb_file("12367_kostra_regnskap.json");
    let d = def(r#"{"id": "feil", "url": "12367.json",
            "select": {"KOKalder0000": "F000-017", "KOKfunksjon0000": "252", "KOKart0000": "AGD2"}}"#);
    let (cube, diags) = define::derive(&d, &ds);
    assert!(cube.meta.is_none());
    let codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        [
            "SELECT_UNKNOWN_DIMENSION",
            "SELECT_MISSING",
            "SELECT_UNKNOWN_CATEGORY"
        ]
    );
    let text: Vec<String> = diags.iter().map(|d| d.message.en.clone()).collect();
    assert!(
        text[0].contains("\"KOKalder0000\"") && text[0].contains("KOKkommuneregion0000"),
        "{}",
        text[0]
    );
    assert!(
        text[1].contains("\"KOKregnskapsomfa0000\" has 2 categories (A, B)"),
        "{}",
        text[1]
    );
    assert!(
        text[2].contains("\"252\"") && text[2].contains("\"KOKfunksjon0000\""),
        "{}",
        text[2]
    );
    assert_eq!(diags[2].path, "$.indicators[0].select.KOKfunksjon0000");
    // Several categories are summed only for counts.
    let d = def(r#"{"id": "sum", "url": "12367.json",
            "select": {"KOKregnskapsomfa0000": "A", "KOKfunksjon0000": ["100", "110"], "KOKart0000": "AGD2"}}"#);
    let (_, diags) = define::derive(&d, &ds);
    assert_eq!(diags[0].code, "SELECT_SUM_NOT_COUNT");
}

#[test]
fn summed_categories_and_computed_rates_keep_the_reason_of_a_missing_cell() {
    let ds = ssb_file("12367_kostra_regnskap.json");
    let sum = def(r#"{"id": "sum", "url": "12367.json", "aggregation": "sum",
            "select": {"KOKregnskapsomfa0000": "A", "KOKfunksjon0000": ["100", "110", "120"], "KOKart0000": "AGD2"}}"#);
    let (cube, diags) = define::derive(&sum, &ds);
    assert!(diags.is_empty());
    for t in &cube.dims[2].categories {
        let parts: Vec<_> = ["100", "110", "120"]
            .iter()
            .map(|f| {
                ds.cell_at(&["3001", "A", f, "AGD2", "KOSbelop0000", &t.id])
                    .unwrap()
            })
            .collect();
        let ours = cube.cell_at(&["value", "3001", &t.id]).unwrap();
        match parts.iter().find(|c| c.value.is_none()) {
            Some(gap) => assert_eq!((ours.value, ours.status), (None, gap.status)),
            None => assert_eq!(
                ours.value,
                Some(parts.iter().map(|c| c.value.unwrap()).sum())
            ),
        }
    }
    // A rate of two selections of the same table, cell by cell.
    let src = r#"{"format": "innsyn-catalog/1", "indicators": [
        {"id": "a", "url": "t.json", "aggregation": "sum", "select": {"KOKregnskapsomfa0000": "A", "KOKfunksjon0000": "100", "KOKart0000": "AGD2"}},
        {"id": "b", "url": "t.json", "aggregation": "sum", "select": {"KOKregnskapsomfa0000": "A", "KOKfunksjon0000": "120", "KOKart0000": "AGD2"}},
        {"id": "r", "rate": {"numerator": "a", "denominator": "b", "per": 100}, "title": "Andel", "unit": "prosent"}]}"#;
    let (cat, diags) = catalog::parse(src, "k/catalog.json").unwrap();
    assert!(diags.is_empty(), "{diags:?}");
    let reg = Registry::bundled();
    let (a, _) = define::derive(cat.indicator("a").unwrap(), &ds);
    let (b, _) = define::derive(cat.indicator("b").unwrap(), &ds);
    let r = cat.indicator("r").unwrap();
    let Source::Rate(rd) = &r.source else {
        panic!()
    };
    let rate = define::rate(r, rd, &a, &b, &reg);
    for reg_id in ["EAK", "3001"] {
        for t in &rate.dims[2].categories {
            let (n, d) = (
                a.cell_at(&["value", reg_id, &t.id]).unwrap(),
                b.cell_at(&["value", reg_id, &t.id]).unwrap(),
            );
            let v = rate.cell_at(&["value", reg_id, &t.id]).unwrap();
            match (n.value, d.value) {
                (Some(x), Some(y)) if y > 0.0 => {
                    assert!((v.value.unwrap() - x / y * 100.0).abs() < 1e-9)
                }
                (None, _) => assert_eq!(
                    v.status,
                    Some(n.status.cloned().unwrap_or(Status::NotAvailable)).as_ref()
                ),
                (_, None) => assert_eq!(
                    v.status,
                    Some(d.status.cloned().unwrap_or(Status::NotAvailable)).as_ref()
                ),
                _ => assert_eq!(v.status, Some(&Status::NotApplicable)),
            }
            assert_eq!(
                rate.cell_at(&["numerator", reg_id, &t.id]).unwrap().value,
                n.value
            );
            assert_eq!(
                rate.cell_at(&["denominator", reg_id, &t.id]).unwrap().value,
                d.value
            );
        }
    }
    assert_eq!(rate.meta.unwrap().title.nb, "Andel");
}

#[test]
fn catalog_definitions_are_checked() {
    let src = r#"{"format": "innsyn-catalog/1", "indicators": [
        {"id": "a", "url": "a.json"},
        {"id": "b", "ssb": {"table": "12275"}},
        {"id": "c", "rate": {"numerator": "a", "denominator": "nope"}},
        {"id": "d", "rate": {"numerator": "c", "denominator": "a", "denominator_period": "later"}},
        {"id": "a", "url": "x.json"}]}"#;
    let (_, diags) = catalog::parse(src, "k/catalog.json").unwrap();
    let got: Vec<(&str, &str)> = diags.iter().map(|d| (d.code, d.path.as_str())).collect();
    assert_eq!(
        got,
        [
            ("MISSING_FIELD", "$.indicators[1]"),
            ("BAD_FIELD", "$.indicators[3].rate.denominator_period"),
            ("DUPLICATE_INDICATOR", "$.indicators[4]"),
            ("UNKNOWN_INDICATOR", "$.indicators[2].rate.denominator"),
            ("RATE_OF_RATE", "$.indicators[3].rate.numerator"),
        ]
    );
    // Demonstration and real figures never share a catalog.
    let mixed = r#"{"format": "innsyn-catalog/1", "indicators": [
        {"id": "a", "url": "a.json", "demo": true}, {"id": "b", "url": "b.json"}]}"#;
    let (_, diags) = catalog::parse(mixed, "k/catalog.json").unwrap();
    assert_eq!(diags[0].code, "MIXED_DEMO");
}

#[test]
fn the_catalog_says_which_kostra_release_a_table_is_and_a_rate_is_as_unrevised_as_its_parts() {
    use innsyn_core::define::Release;
    let ds = ssb_file("12367_kostra_regnskap.json");
    let src = r#"{"format": "innsyn-catalog/1", "indicators": [
        {"id": "a", "url": "t.json", "aggregation": "sum", "kostra": "revised", "select": {"KOKregnskapsomfa0000": "A", "KOKfunksjon0000": "100", "KOKart0000": "AGD2"}},
        {"id": "b", "url": "t.json", "aggregation": "sum", "kostra": "unrevised", "select": {"KOKregnskapsomfa0000": "A", "KOKfunksjon0000": "120", "KOKart0000": "AGD2"}},
        {"id": "r", "rate": {"numerator": "a", "denominator": "b", "per": 100}, "title": "Andel", "unit": "prosent"},
        {"id": "bad", "url": "t.json", "kostra": "final"}]}"#;
    let (cat, diags) = catalog::parse(src, "k/catalog.json").unwrap();
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(
        (diags[0].code, &*diags[0].path),
        ("BAD_FIELD", "$.indicators[3].kostra")
    );
    let reg = Registry::bundled();
    let (a, _) = define::derive(cat.indicator("a").unwrap(), &ds);
    let (b, _) = define::derive(cat.indicator("b").unwrap(), &ds);
    assert_eq!(a.meta.as_ref().unwrap().release, Some(Release::Revised));
    let r = cat.indicator("r").unwrap();
    let Source::Rate(rd) = &r.source else {
        panic!()
    };
    let rate = define::rate(r, rd, &a, &b, &reg);
    assert_eq!(
        rate.meta.as_ref().unwrap().release,
        Some(Release::Unrevised)
    );
    assert_eq!(cat.indicator("bad").unwrap().overrides.release, None);
}

//! Fields of the wrong JSON type are reported, never silently ignored:
//! `WRONG_TYPE` at the field's path, a warning for an optional field (its
//! value is not used), an error for a required one; a required field that
//! is missing is `MISSING_FIELD`. The same in every format.

use innsyn_core::diag::{Diagnostic, Severity};
use innsyn_core::registry::Registry;
use innsyn_core::{catalog, geo, read};

fn got(diags: &[Diagnostic]) -> Vec<(char, &'static str, &str)> {
    diags
        .iter()
        .map(|d| {
            let s = if d.severity == Severity::Error {
                'E'
            } else {
                'W'
            };
            (s, d.code, d.path.as_str())
        })
        .collect()
}

#[test]
fn catalog() {
    let src = r#"{"format": "innsyn-catalog/1", "title": 5, "comparisons": "EAK",
        "indicators": [
            {"id": "a", "url": "a.json", "demo": "yes", "title": {"nb": "A", "en": 1},
             "select": "KOSbelop0000", "decimals": "1"},
            {"id": "b", "ssb": {"table": "12275", "live": "true", "codelist": {"Alder": 17}}, "url": "b.json"},
            {"url": "c.json"},
            "d",
            {"id": "e", "rate": {"numerator": "a"}}],
        "dashboards": {"region": ["a", 3]},
        "cooperation": {"threshold": "5", "scenarios": [{"id": "s", "name": 7, "members": ["3403"]}]}}"#;
    let (cat, diags) = catalog::parse(src, "k/catalog.json").unwrap();
    assert_eq!(
        got(&diags),
        [
            ('W', "WRONG_TYPE", "$.title"),
            ('W', "WRONG_TYPE", "$.indicators[3]"),
            ('W', "WRONG_TYPE", "$.indicators[0].title.en"),
            ('W', "WRONG_TYPE", "$.indicators[0].decimals"),
            ('W', "WRONG_TYPE", "$.indicators[0].select"),
            ('W', "WRONG_TYPE", "$.indicators[0].demo"),
            ('W', "WRONG_TYPE", "$.indicators[1].ssb.codelist.Alder"),
            ('W', "WRONG_TYPE", "$.indicators[1].ssb.live"),
            ('E', "MISSING_FIELD", "$.indicators[2].id"),
            ('E', "MISSING_FIELD", "$.indicators[4].rate.denominator"),
            ('W', "WRONG_TYPE", "$.dashboards.region[1]"),
            ('W', "WRONG_TYPE", "$.comparisons"),
            ('W', "WRONG_TYPE", "$.cooperation.threshold"),
            ('W', "WRONG_TYPE", "$.cooperation.scenarios[0].name"),
        ]
    );
    // What was of the right type is still read.
    assert_eq!(cat.indicators.len(), 2);
    assert_eq!(cat.indicators[0].overrides.title.as_ref().unwrap().nb, "A");
    assert_eq!(cat.region_dashboard, ["a"]);
    assert_eq!(cat.cooperation.scenarios[0].members, ["3403"]);
    let msg = &diags[0].message;
    assert_eq!(
        (msg.nb.as_str(), msg.en.as_str()),
        (
            "Skal være tekst, er et tall; blir ikke brukt",
            "Should be text, is a number; not used"
        )
    );
}

#[test]
fn registry() {
    let src = r#"{"format": "innsyn-regions/1",
        "municipalities": [
            {"id": "3403", "name": "Hamar", "tile": "4,5", "council_unverified": "ja",
             "codes": [{"code": "3403", "from": "2020", "county": "34"}, {"code": "0403", "from": 2017, "to": 2019, "county": "04"}]},
            {"id": 3412, "name": "Løten", "codes": [{"code": "3412", "from": 2020, "county": "34"}]}],
        "counties": [{"id": "34", "name": "Innlandet"}],
        "councils": [{"id": "h", "members": ["3403", 3412]}],
        "kostra_groups": {"from": 2024, "name": {"nb": "Grupper"}}}"#;
    let (reg, diags) = Registry::parse(src).unwrap();
    assert_eq!(
        got(&diags),
        [
            ('E', "WRONG_TYPE", "$.municipalities[0].codes[0].from"),
            ('W', "WRONG_TYPE", "$.municipalities[0].tile"),
            ('W', "WRONG_TYPE", "$.municipalities[0].council_unverified"),
            ('E', "WRONG_TYPE", "$.municipalities[1].id"),
            ('E', "MISSING_FIELD", "$.counties[0].from"),
            ('W', "WRONG_TYPE", "$.councils[0].members[1]"),
            ('W', "MISSING_TRANSLATION", "$.kostra_groups.name"),
        ]
    );
    assert_eq!(reg.municipalities.len(), 1);
    assert_eq!(reg.municipalities[0].numbers.len(), 1);
    assert_eq!(reg.councils[0].members, ["3403"]);
    assert_eq!(reg.kostra_groups.unwrap().0, 2024);
}

#[test]
fn geojson() {
    let (_, diags) = geo::parse(r#"{"features": {"type": "Feature"}}"#, "k").unwrap();
    assert_eq!(
        got(&diags),
        [
            ('W', "WRONG_TYPE", "$.features"),
            ('E', "NO_FEATURES", "$.features")
        ]
    );
    let src = r#"{"features": [
        {"properties": "0402", "geometry": null},
        {"properties": {"k": "0403"}, "geometry": {"type": 7, "coordinates": []}}]}"#;
    let (shapes, diags) = geo::parse(src, "k").unwrap();
    assert!(shapes.is_empty());
    assert_eq!(
        got(&diags),
        [
            ('W', "WRONG_TYPE", "$.features[0].properties"),
            ('W', "NO_JOIN_CODE", "$.features[0]"),
            ('W', "WRONG_TYPE", "$.features[1].geometry.type"),
            ('W', "BAD_GEOMETRY", "$.features[1]"),
        ]
    );
}

#[test]
fn simple_format() {
    let src = r#"{"format": "innsyn-indicator/1", "id": "x",
        "title": {"nb": "T", "nn": 2, "en": "T"}, "description": "D", "unit": ["u"],
        "higher_is": 1, "demo": "true", "licence": 5, "source": 3, "updated": 2024,
        "rate": {"per": "1000", "numerator": "N", "denominator": "D"},
        "values": [{"region": "0402", "period": true, "value": 1}, {"region": "0402", "period": "2018", "value": 1, "numerator": 1, "denominator": 2, "status": 1}]}"#;
    let out = read::read_str(src, &Registry::bundled()).unwrap();
    assert_eq!(
        got(&out.diagnostics),
        [
            ('W', "WRONG_TYPE", "$.title.nn"),
            ('W', "MISSING_TRANSLATION", "$.title"),
            ('E', "WRONG_TYPE", "$.unit"),
            ('W', "WRONG_TYPE", "$.rate.per"),
            ('W', "WRONG_TYPE", "$.higher_is"),
            ('W', "WRONG_TYPE", "$.source"),
            ('W', "WRONG_TYPE", "$.licence"),
            ('W', "WRONG_TYPE", "$.demo"),
            ('W', "WRONG_TYPE", "$.updated"),
            ('E', "WRONG_TYPE", "$.values[0].period"),
            ('W', "WRONG_TYPE", "$.values[1].status"),
        ]
    );
    let meta = out.datasets[0].meta.as_ref().unwrap();
    assert_eq!((meta.title.nn.as_deref(), meta.demo), (None, false));
}

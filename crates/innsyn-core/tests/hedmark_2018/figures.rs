//! SSB's Hedmark 2018 extracts (tests/data/ssb) as tables, aggregation
//! parts and indicator files made the way a publisher makes them.

use std::collections::HashMap;

use innsyn_core::aggregate::Part;
use innsyn_core::registry::Registry;
use innsyn_core::status::Status;

pub(crate) fn ssb(rel: &str) -> String {
    let path = format!("{}/../../tests/data/ssb/{rel}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// (region, variable) → (value, status) from one of SSB's CSV extracts.
pub(crate) fn table(file: &str) -> HashMap<(String, String), (Option<f64>, Option<Status>)> {
    ssb(file)
        .lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            let status = Some(f[4].trim())
                .filter(|s| !s.is_empty())
                .map(Status::parse);
            (
                (f[0].to_string(), f[2].to_string()),
                (f[3].parse().ok(), status),
            )
        })
        .collect()
}

pub(crate) fn hedmark_codes() -> Vec<String> {
    let reg = Registry::bundled();
    reg.county_members("04", 2018)
        .into_iter()
        .map(|i| reg.municipalities[i].code_in(2018).to_string())
        .collect()
}

pub(crate) fn parts(
    t: &HashMap<(String, String), (Option<f64>, Option<Status>)>,
    var: &str,
    codes: &[String],
) -> Vec<Part> {
    codes
        .iter()
        .map(|c| {
            let (value, status) = t
                .get(&(c.clone(), var.to_string()))
                .cloned()
                .unwrap_or_else(|| panic!("{c} {var}"));
            Part {
                region: c.clone(),
                value,
                status,
                ..Default::default()
            }
        })
        .collect()
}

/// One SSB variable as an indicator file, made the way a publisher makes it
/// (`innsyn convert`) and read back by the app's reader.
pub(crate) fn dataset(file: &str, var: &str) -> innsyn_core::model::Dataset {
    let mut csv = String::from("region;period;value;status\n");
    for l in ssb(file).lines().skip(1) {
        let f: Vec<&str> = l.split(',').collect();
        if f[2] == var && f[0].len() == 4 {
            csv.push_str(&format!("{};2018;{};{}\n", f[0], f[3], f[4]));
        }
    }
    convert(&csv, var, Some("sum"), None)
}

/// SSB's figures as a publisher turns them into a file: the CSV read by
/// `convert::read_csv` (as `innsyn convert` reads it), written in the simple
/// format and read back by the reader `validate` uses.
pub(crate) fn convert(
    csv: &str,
    id: &str,
    aggregation: Option<&str>,
    rate: Option<(f64, String, String)>,
) -> innsyn_core::model::Dataset {
    let (rows, diags) = innsyn_core::convert::read_csv(csv);
    assert!(diags.is_empty(), "{diags:?}");
    let num = |v: Option<f64>| v.map_or("null".to_string(), |v| v.to_string());
    let values: Vec<String> = rows
        .unwrap()
        .iter()
        .map(|r| {
            let status = r
                .status
                .as_ref()
                .map_or(String::new(), |s| format!(r#", "status": "{s}""#));
            format!(
                r#"{{"region": "{}", "period": "{}", "value": {}, "numerator": {}, "denominator": {}{status}}}"#,
                r.region,
                r.period,
                num(r.value),
                num(r.numerator),
                num(r.denominator)
            )
        })
        .collect();
    let aggregation = aggregation.map_or(String::new(), |a| format!(r#""aggregation": "{a}","#));
    let rate = rate.map_or(String::new(), |(per, n, d)| {
        format!(r#""rate": {{"per": {per}, "numerator": "{n}", "denominator": "{d}"}},"#)
    });
    let json = format!(
        r#"{{"format": "innsyn-indicator/1", "id": "{id}", "title": {{"nb": "{id}"}},
        "description": {{"nb": "{id}"}}, "unit": {{"nb": "barn"}}, "decimals": 1, {aggregation} {rate}
        "values": [{}]}}"#,
        values.join(",\n")
    );
    let mut out = innsyn_core::read::read_str(&json, &Registry::bundled()).unwrap();
    assert!(
        out.diagnostics
            .iter()
            .all(|d| d.code == "MISSING_TRANSLATION" || d.code == "RATE_WITHOUT_DENOMINATOR"),
        "{:?}",
        out.diagnostics
    );
    out.datasets.remove(0)
}

/// Children with measures during the year per årsverk, a caseload rate built
/// from SSB's two published counts (numerator and denominator kept).
pub(crate) fn caseload() -> innsyn_core::model::Dataset {
    let children = table("hedmark_2018_barn_med_tiltak.csv");
    let staff = table("hedmark_2018_aarsverk.csv");
    let mut csv = String::from("region;period;value;status;numerator;denominator\n");
    for code in hedmark_codes() {
        let n = children[&(code.clone(), "barn_tiltak_aaret_i_alt".into())]
            .0
            .unwrap();
        let d = staff[&(code.clone(), "aarsverk_i_alt".into())].0.unwrap();
        csv.push_str(&format!("{code};2018;{};;{n};{d}\n", n / d));
    }
    convert(
        &csv,
        "barn-per-aarsverk",
        None,
        Some((1.0, "Barn med tiltak".into(), "Årsverk".into())),
    )
}

//! Aggregation checked against SSB's real figures for Hedmark 2018
//! (../shared/data/ssb): the 22 municipalities sum exactly to the county line.

use std::collections::HashMap;

use innsyn_core::aggregate::{combine, LeftOut, Part, Rule};
use innsyn_core::i18n::{format_number, Lang};
use innsyn_core::registry::Registry;
use innsyn_core::status::Status;

fn shared(rel: &str) -> String {
    let path = format!(
        "{}/../../../shared/data/ssb/{rel}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// (region, variable) → (value, status) from one of SSB's CSV extracts.
fn table(file: &str) -> HashMap<(String, String), (Option<f64>, Option<Status>)> {
    shared(file)
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

fn hedmark_codes() -> Vec<String> {
    let reg = Registry::bundled();
    reg.county_members("04", 2018)
        .into_iter()
        .map(|i| reg.municipalities[i].code_in(2018).to_string())
        .collect()
}

fn parts(
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

#[test]
fn hedmark_children_with_measures_is_ssbs_2073() {
    let t = table("hedmark_2018_barn_med_tiltak.csv");
    let codes = hedmark_codes();
    assert_eq!(codes.len(), 22);
    let c = combine(Rule::Sum, &parts(&t, "barn_tiltak_aaret_i_alt", &codes));
    assert!(c.is_complete());
    assert_eq!(
        c.value,
        t[&("Hedmark i alt".into(), "barn_tiltak_aaret_i_alt".into())].0
    );
    assert_eq!(format_number(c.value.unwrap(), 0, Lang::Nb), "2\u{a0}073");
    // Every count without suppression sums exactly to the county line.
    for var in [
        "barn_tiltak_aaret_omsorg",
        "barn_tiltak_aaret_hjelpe",
        "barn_tiltak_3112_i_alt",
    ] {
        let c = combine(Rule::Sum, &parts(&t, var, &codes));
        let county = t[&("Hedmark i alt".into(), var.into())].0;
        if c.is_complete() {
            assert_eq!(c.value, county, "{var}");
        }
    }
}

#[test]
fn suppressed_cells_give_coverage_not_a_silent_total() {
    let t = table("hedmark_2018_barn_med_tiltak.csv");
    let c = combine(
        Rule::Sum,
        &parts(&t, "barn_tiltak_3112_omsorg", &hedmark_codes()),
    );
    // Rendalen, Folldal and Os are ':' for care measures at 31 Dec.
    assert_eq!(c.coverage(Lang::Nb), "19 av 22 kommuner");
    let named: Vec<&str> = c.left_out.iter().map(|(r, _)| r.as_str()).collect();
    assert_eq!(named, ["0432", "0439", "0441"]);
    assert!(c
        .left_out
        .iter()
        .all(|(_, why)| *why == LeftOut::Status(Status::Confidential)));
    assert!(
        c.value.unwrap() < 372.0,
        "the partial sum is below SSB's county figure"
    );
}

#[test]
fn hedmark_staff_is_ssbs_207_7_and_per_1000_children_is_sum_over_sum() {
    let t = table("hedmark_2018_aarsverk.csv");
    let codes = hedmark_codes();
    let staff = combine(Rule::Sum, &parts(&t, "aarsverk_i_alt", &codes));
    assert_eq!(format_number(staff.value.unwrap(), 1, Lang::Nb), "207,7");
    assert_eq!(
        format_number(
            t[&("Hedmark".into(), "aarsverk_i_alt".into())].0.unwrap(),
            1,
            Lang::Nb
        ),
        "207,7"
    );

    // Staff per 1000 inhabitants 0–17: årsverk / population at 31 Dec 2018
    // (= 1 Jan 2019, SSB table 07459).
    let pop: HashMap<String, f64> = shared("population_0_17_1jan_2015-2022.csv")
        .lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            Some((f[0].to_string(), f.get(6)?.parse().ok()?))
        })
        .collect();
    let rate_parts: Vec<Part> = codes
        .iter()
        .map(|c| Part {
            region: c.clone(),
            value: t[&(c.clone(), "tilsette_per_1000_0_17".into())].0,
            numerator: t[&(c.clone(), "aarsverk_i_alt".into())].0,
            denominator: Some(pop[c]),
            status: None,
        })
        .collect();
    let c = combine(Rule::Ratio { per: 1000.0 }, &rate_parts);
    let published = t[&("Hedmark".into(), "tilsette_per_1000_0_17".into())]
        .0
        .unwrap();
    assert_eq!(
        format_number(c.value.unwrap(), 1, Lang::Nb),
        format_number(published, 1, Lang::Nb),
        "SSB's 5,6"
    );
    let mean: f64 = rate_parts.iter().map(|p| p.value.unwrap()).sum::<f64>() / 22.0;
    assert_eq!(
        format_number(mean, 1, Lang::Nb),
        "6,4",
        "a mean of rates would have been wrong"
    );

    // Published rates alone (no numerator/denominator) cannot be combined.
    let bare = combine(
        Rule::Ratio { per: 1000.0 },
        &parts(&t, "tilsette_per_1000_0_17", &codes),
    );
    assert_eq!((bare.value, bare.left_out.len()), (None, 22));
}

#[test]
fn grue_asnes_valer_combined() {
    let t = table("hedmark_2018_barn_med_tiltak.csv");
    let trio = ["0423".to_string(), "0425".to_string(), "0426".to_string()];
    let c = combine(Rule::Sum, &parts(&t, "barn_tiltak_aaret_i_alt", &trio));
    assert_eq!(c.value, Some(62.0 + 99.0 + 58.0));
    let staff = combine(
        Rule::Sum,
        &parts(&table("hedmark_2018_aarsverk.csv"), "aarsverk_i_alt", &trio),
    );
    assert_eq!(format_number(staff.value.unwrap(), 1, Lang::Nb), "18,2");
}

/// One SSB variable as an indicator file, made the way a publisher makes it
/// (`innsyn convert`) and read back by the app's reader.
fn dataset(file: &str, var: &str) -> innsyn_core::model::Dataset {
    let mut csv = String::from("region;period;value;status\n");
    for l in shared(file).lines().skip(1) {
        let f: Vec<&str> = l.split(',').collect();
        if f[2] == var && f[0].len() == 4 {
            csv.push_str(&format!("{};2018;{};{}\n", f[0], f[3], f[4]));
        }
    }
    let meta = innsyn_core::convert::Meta {
        id: var.to_string(),
        title: [Some(var.to_string()), None, None],
        description: [Some(var.to_string()), None, None],
        unit: [Some("barn".into()), None, None],
        aggregation: Some("sum".into()),
        ..Default::default()
    };
    let (json, diags) = innsyn_core::convert::csv_to_simple(&csv, &meta);
    assert!(diags.is_empty(), "{diags:?}");
    let mut out = innsyn_core::read::read_str(&json, &Registry::bundled()).unwrap();
    assert!(
        out.diagnostics
            .iter()
            .all(|d| d.code == "MISSING_TRANSLATION"),
        "{:?}",
        out.diagnostics
    );
    out.datasets.remove(0)
}

#[test]
fn councils_are_ranked_on_their_computed_figures() {
    let ds = dataset(
        "hedmark_2018_barn_med_tiltak.csv",
        "barn_tiltak_aaret_i_alt",
    );
    let reg = Registry::bundled();
    // Computed by hand from SSB's municipal lines: Hamarregionen 257 + 376 +
    // 93 + 151 = 877, Kongsvingerregionen 706, Sør-Østerdal 352,
    // Fjellregionen 138. Oppland's councils have no figures in this file.
    let rank = |id| innsyn_core::present::council_rank(&ds, &reg, Rule::Sum, id, "2018");
    assert_eq!(rank("hamarregionen"), Some((1, 4)));
    assert_eq!(rank("kongsvingerregionen"), Some((2, 4)));
    assert_eq!(rank("sor-osterdal"), Some((3, 4)));
    assert_eq!(rank("fjellregionen"), Some((4, 4)));
    assert_eq!(rank("valdres"), None);
    // Care measures at 31 Dec: Rendalen, Folldal and Os (all Fjellregionen)
    // are suppressed, so Fjellregionen has no complete figure and is not
    // ranked: Hamarregionen 170, Kongsvingerregionen 121, Sør-Østerdal 57.
    let care = dataset(
        "hedmark_2018_barn_med_tiltak.csv",
        "barn_tiltak_3112_omsorg",
    );
    let rank = |id| innsyn_core::present::council_rank(&care, &reg, Rule::Sum, id, "2018");
    assert_eq!(rank("fjellregionen"), None);
    assert_eq!(rank("hamarregionen"), Some((1, 3)));
    assert_eq!(rank("sor-osterdal"), Some((3, 3)));
}

//! Aggregation checked against SSB's real figures for Hedmark 2018
//! (tests/data/ssb): the 22 municipalities sum exactly to the county line.

use std::collections::HashMap;

use innsyn_core::aggregate::{combine, LeftOut, Part, Rule};
use innsyn_core::i18n::{format_number, Lang};
use innsyn_core::registry::Registry;
use innsyn_core::status::Status;

fn ssb(rel: &str) -> String {
    let path = format!("{}/../../tests/data/ssb/{rel}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// (region, variable) → (value, status) from one of SSB's CSV extracts.
fn table(file: &str) -> HashMap<(String, String), (Option<f64>, Option<Status>)> {
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
    let pop: HashMap<String, f64> = ssb("population_0_17_1jan_2015-2022.csv")
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
fn convert(
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
fn caseload() -> innsyn_core::model::Dataset {
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

mod cooperation {
    use super::*;
    use innsyn_core::cooperation::{self, figures, robustness, RowKind};

    fn ids(reg: &Registry, codes: &[&str]) -> Vec<usize> {
        let codes: Vec<String> = codes.iter().map(|c| c.to_string()).collect();
        let (found, unknown) = cooperation::members(reg, &codes);
        assert!(unknown.is_empty(), "{unknown:?}");
        found
    }

    #[test]
    fn grue_asnes_valer_as_one_service() {
        let reg = Registry::bundled();
        // Old and new numbers name the same municipalities.
        let trio = ids(&reg, &["0423", "3418", "0426"]);
        let ds = dataset(
            "hedmark_2018_barn_med_tiltak.csv",
            "barn_tiltak_aaret_i_alt",
        );
        let f = figures(&ds, &reg, &trio, &[], None, Lang::Nb).unwrap();
        assert_eq!(f.period, "2018");
        // By hand from SSB's lines: 62 + 99 + 58.
        assert_eq!(f.combined.value, Some(219.0));
        assert!(f.combined.is_complete());
        let rows: Vec<(RowKind, &str, Option<f64>)> = f
            .rows
            .iter()
            .map(|r| (r.kind, r.name.as_str(), r.value))
            .collect();
        assert_eq!(
            rows,
            [
                (RowKind::Combined, "Samlet tjeneste (beregnet)", Some(219.0)),
                (RowKind::Member, "Grue", Some(62.0)),
                (RowKind::Member, "Åsnes", Some(99.0)),
                (RowKind::Member, "Våler", Some(58.0)),
                // The county beside it, computed the same way: SSB's 2 073.
                (RowKind::County, "Hedmark (beregnet)", Some(2073.0)),
            ]
        );
        assert_eq!(f.rows[0].note, "3 av 3 kommuner");

        // Staff summed: 5,3 + 8,6 + 4,3 årsverk.
        let staff = dataset("hedmark_2018_aarsverk.csv", "aarsverk_i_alt");
        let s = figures(&staff, &reg, &trio, &[], None, Lang::Nb).unwrap();
        assert_eq!(
            format_number(s.combined.value.unwrap(), 1, Lang::Nb),
            "18,2"
        );

        // Children per årsverk: 219 / 18,2, not the mean of 11,7, 11,5 and 13,5.
        let load = caseload();
        let c = figures(&load, &reg, &trio, &[], None, Lang::Nb).unwrap();
        assert_eq!(
            (c.combined.numerator, c.combined.denominator),
            (Some(219.0), Some(18.2))
        );
        assert_eq!(
            format_number(c.combined.value.unwrap(), 2, Lang::Nb),
            "12,03"
        );
        let mean = c.rows[1..4].iter().map(|r| r.value.unwrap()).sum::<f64>() / 3.0;
        assert_eq!(format_number(mean, 2, Lang::Nb), "12,23");
    }

    #[test]
    fn the_whole_county_as_one_service_reproduces_ssbs_county_line() {
        let reg = Registry::bundled();
        let all = reg.county_members("04", 2018);
        let ds = dataset(
            "hedmark_2018_barn_med_tiltak.csv",
            "barn_tiltak_aaret_i_alt",
        );
        let f = figures(&ds, &reg, &all, &[], None, Lang::Nb).unwrap();
        assert_eq!(f.combined.value, Some(2073.0));
        assert_eq!(f.rows.last().unwrap().value, Some(2073.0));
        let staff = dataset("hedmark_2018_aarsverk.csv", "aarsverk_i_alt");
        let r = robustness(Some(&staff), Some(&caseload()), &reg, &all, 5.0);
        let total = r.total_staff.as_ref().unwrap();
        assert_eq!(format_number(total.value.unwrap(), 1, Lang::Nb), "207,7");
        assert_eq!(total.coverage(Lang::Nb), "22 av 22 kommuner");
        // SSB: 2 073 children / 207,7 årsverk.
        let after = r.caseload_after.as_ref().unwrap();
        assert_eq!(after.numerator, Some(2073.0));
        assert_eq!(
            format_number(after.denominator.unwrap(), 1, Lang::Nb),
            "207,7"
        );
        // Nine of the 22 had fewer than five årsverk in 2018 (Tynset had 5,0).
        let small: Vec<&str> = r
            .below()
            .map(|m| reg.municipalities[m.muni].name.as_str())
            .collect();
        assert_eq!(
            small,
            [
                "Nord-Odal",
                "Våler",
                "Stor-Elvdal",
                "Rendalen",
                "Engerdal",
                "Tolga",
                "Alvdal",
                "Folldal",
                "Os"
            ]
        );
    }

    #[test]
    fn suppressed_members_are_listed_with_their_reason_and_coverage() {
        let reg = Registry::bundled();
        // The Nord-Østerdal service of 2021: Rendalen, Tolga, Tynset, Alvdal, Folldal.
        let service = reg
            .group_members("bv-rendalen-tolga-tynset-alvdal-folldal", 2018)
            .unwrap();
        let care = dataset(
            "hedmark_2018_barn_med_tiltak.csv",
            "barn_tiltak_3112_omsorg",
        );
        let f = figures(&care, &reg, &service, &[], None, Lang::Nb).unwrap();
        // Rendalen and Folldal are ':' (suppressed): 3 of 5, never counted as 0.
        assert_eq!(f.combined.coverage(Lang::Nb), "3 av 5 kommuner");
        assert!(!f.combined.is_complete());
        let left: Vec<&str> = f
            .combined
            .left_out
            .iter()
            .map(|(r, _)| r.as_str())
            .collect();
        assert_eq!(left, ["3424", "3429"]);
        let rendalen = f.rows.iter().find(|r| r.name == "Rendalen").unwrap();
        assert_eq!(rendalen.value, None);
        assert_eq!(rendalen.note, Status::Confidential.meaning(Lang::Nb));
        // The county has its own suppressed cells: its coverage says so too.
        let county = f.rows.iter().find(|r| r.kind == RowKind::County).unwrap();
        assert_eq!(county.note, "19 av 22 kommuner");
    }

    #[test]
    fn robustness_in_plain_language() {
        let reg = Registry::bundled();
        let trio = ids(&reg, &["3417", "3418", "3419"]);
        let staff = dataset("hedmark_2018_aarsverk.csv", "aarsverk_i_alt");
        let r = robustness(Some(&staff), Some(&caseload()), &reg, &trio, 5.0);
        let (lo, hi) = r.caseload_range().unwrap();
        assert_eq!(
            (
                format_number(lo, 1, Lang::Nb),
                format_number(hi, 1, Lang::Nb)
            ),
            ("11,5".into(), "13,5".into()),
            "Åsnes 99/8,6 and Våler 58/4,3"
        );
        assert_eq!(
            r.sentences(&reg, Lang::Nb),
            [
                "Den samlede tjenesten ville hatt 18,2 årsverk (2018, beregnet for 3 av 3 kommuner).",
                "1 av 3 kommuner har under 5 årsverk hver for seg: Våler (4,3).",
                "Barn per årsverk (2018): fra 11,5 til 13,5 i kommunene hver for seg; 12,0 i den samlede tjenesten.",
            ]
        );
        let r = robustness(Some(&staff), None, &reg, &trio, 9.0);
        assert_eq!(r.below().count(), 3);
        assert!(
            r.sentences(&reg, Lang::En)[1].starts_with("3 of 3 municipalities have fewer than 9 ")
        );
        // Oppland has no figures in these files: said, not shown as 0.
        let oppland = ids(&reg, &["3407", "3447"]);
        let r = robustness(Some(&staff), None, &reg, &oppland, 5.0);
        assert_eq!(
            r.sentences(&reg, Lang::Nb),
            ["Det finnes ingen tall for årsverk for disse kommunene."]
        );
    }

    #[test]
    fn what_cannot_be_combined_is_said() {
        let reg = Registry::bundled();
        let trio = ids(&reg, &["3417", "3418", "3419"]);
        // A published rate without its numerator and denominator.
        let mut csv = String::from("region;period;value;status\n");
        for l in ssb("hedmark_2018_aarsverk.csv").lines().skip(1) {
            let f: Vec<&str> = l.split(',').collect();
            if f[2] == "tilsette_per_1000_0_17" && f[0].len() == 4 {
                csv.push_str(&format!("{};2018;{};\n", f[0], f[3]));
            }
        }
        let rate = convert(
            &csv,
            "per-1000",
            None,
            Some((1000.0, "Årsverk".into(), "Barn 0–17".into())),
        );
        let f = figures(&rate, &reg, &trio, &[], None, Lang::Nb).unwrap();
        assert_eq!(f.combined.value, None);
        assert_eq!(f.combined.coverage(Lang::Nb), "0 av 3 kommuner");
        assert!(f.rows[1..4]
            .iter()
            .all(|r| r.value.is_some() && r.note.contains("uten teller og nevner")));
        // A figure that is neither a count nor a rate (a median, an index).
        let median = convert(&csv, "median", None, None);
        let f = figures(&median, &reg, &trio, &[], None, Lang::Nb).unwrap();
        assert_eq!(f.combined.value, None);
        assert_eq!(
            f.rows[0].note,
            innsyn_core::i18n::T::NotCombinable.get(Lang::Nb)
        );
    }

    #[test]
    fn presets_are_the_services_the_councils_and_the_catalogs_scenarios() {
        let reg = Registry::bundled();
        let (cat, diags) = innsyn_core::catalog::parse(
            include_str!("../../../public/data/catalog.json"),
            "data/catalog.json",
        )
        .unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        let presets = cooperation::presets(&reg, &cat, Lang::Nb);
        use cooperation::PresetKind::*;
        let count = |k| presets.iter().filter(|p| p.kind == k).count();
        assert_eq!((count(Service), count(Council)), (10, 10));
        assert!(count(Scenario) >= 1);
        let os = presets
            .iter()
            .find(|p| p.id == "bv-os-roros-holtalen")
            .unwrap();
        assert_eq!(
            (os.members.as_slice(), os.external.as_slice()),
            (
                &["3430".to_string()][..],
                &["Røros".to_string(), "Holtålen".to_string()][..]
            )
        );
        let land = ids(&reg, &["0502", "0536", "0538"]);
        let found = cooperation::matching_preset(&presets, &reg, &land).unwrap();
        assert_eq!(presets[found].id, "bv-gjovik-sondre-land-nordre-land");
        let (found, unknown) =
            cooperation::members(&reg, &["9999".into(), "3403".into(), "0403".into()]);
        assert_eq!((found.len(), unknown), (1, vec!["9999".to_string()]));
    }
}

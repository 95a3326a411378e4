//! A shared child welfare service simulated on SSB's Hedmark 2018 figures.

use innsyn_core::i18n::{format_number, Lang};
use innsyn_core::registry::Registry;
use innsyn_core::status::Status;

use crate::figures::{caseload, convert, dataset, ssb};
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
    assert!(r.sentences(&reg, Lang::En)[1].starts_with("3 of 3 municipalities have fewer than 9 "));
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
        include_str!("../../../../public/data/catalog.json"),
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

#[test]
fn every_row_of_a_scenario_says_what_it_is() {
    let reg = Registry::bundled();
    let trio = ids(&reg, &["3417", "3418", "3419"]);
    // The country as SSB publishes it, beside the computed figures.
    let mut csv = String::from("region;period;value;status\nEAK;2018;55623;\n");
    for l in ssb("hedmark_2018_barn_med_tiltak.csv").lines().skip(1) {
        let f: Vec<&str> = l.split(',').collect();
        if f[2] == "barn_tiltak_aaret_i_alt" && f[0].len() == 4 {
            csv.push_str(&format!("{};2018;{};{}\n", f[0], f[3], f[4]));
        }
    }
    let ds = convert(&csv, "barn", Some("sum"), None);
    let f = figures(&ds, &reg, &trio, &["EAK".into()], None, Lang::Nb).unwrap();
    let country = f.rows.last().unwrap();
    assert_eq!(
        (
            country.kind,
            country.name.as_str(),
            country.value,
            country.note.as_str()
        ),
        (
            RowKind::Published,
            "Landet",
            Some(55623.0),
            "som publisert av kilden"
        )
    );
    // Members with a figure have no note; the series is the combined figure per year.
    assert!(
        f.rows[1..4]
            .iter()
            .all(|r| r.value.is_some() && r.note.is_empty()),
        "{:?}",
        f.rows
    );
    let series = cooperation::series(&ds, &reg, &trio);
    assert_eq!(series.len(), 1);
    assert_eq!(
        (series[0].0.as_str(), series[0].1.value),
        ("2018", Some(219.0))
    );

    // Only the members left out carry the reason; the others none.
    let service = reg
        .group_members("bv-rendalen-tolga-tynset-alvdal-folldal", 2018)
        .unwrap();
    let care = dataset(
        "hedmark_2018_barn_med_tiltak.csv",
        "barn_tiltak_3112_omsorg",
    );
    let f = figures(&care, &reg, &service, &[], None, Lang::Nb).unwrap();
    let tolga = f.rows.iter().find(|r| r.name == "Tolga").unwrap();
    assert_eq!((tolga.value.is_some(), tolga.note.as_str()), (true, ""));

    // A figure that cannot be combined: a member without one says why.
    let mut csv =
        String::from("region;period;value;status\n3417;2018;;:\n3418;2018;3;\n3419;2018;4;\n");
    csv.push_str("3401;2018;5;\n");
    let median = convert(&csv, "median", None, None);
    let f = figures(&median, &reg, &trio, &[], None, Lang::Nb).unwrap();
    assert!(f.combined.left_out.is_empty());
    assert_eq!(f.rows[1].note, Status::Confidential.meaning(Lang::Nb));
    assert_eq!(f.rows[2].note, "");
}

#[test]
fn robustness_names_members_without_staff_figures_and_sums_only_a_count() {
    let reg = Registry::bundled();
    // Grue has årsverk in these files, Gjøvik (Oppland) none.
    let pair = ids(&reg, &["3417", "3407"]);
    let staff = dataset("hedmark_2018_aarsverk.csv", "aarsverk_i_alt");
    let r = robustness(Some(&staff), None, &reg, &pair, 5.0);
    assert_eq!(
        r.sentences(&reg, Lang::Nb).last().unwrap(),
        &format!(
            "Uten tall for årsverk: Gjøvik ({}).",
            Status::NotAvailable.meaning(Lang::Nb)
        )
    );
    // Staff given as a rate is not summed.
    let r = robustness(Some(&caseload()), None, &reg, &pair, 5.0);
    assert_eq!(r.total_staff, None);
}

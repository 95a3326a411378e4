//! Aggregation checked against SSB's real figures for Hedmark 2018
//! (tests/data/ssb): the 22 municipalities sum exactly to the county line.

mod cooperation;
mod figures;

use std::collections::HashMap;

use innsyn_core::aggregate::{combine, LeftOut, Part, Rule};
use innsyn_core::i18n::{format_number, Lang};
use innsyn_core::registry::Registry;
use innsyn_core::status::Status;

use figures::{dataset, hedmark_codes, parts, ssb, table};

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

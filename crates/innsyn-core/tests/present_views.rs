//! The view models the app renders beside its charts, on the bundled
//! demonstration files and small files written here: a line chart's
//! sentence and table, the county a region is drawn against, a ranking's
//! summary and the counts behind a rate, the number a municipality's
//! figure is read under, a card's changes, and the cooperation printout's
//! key figures.

use innsyn_core::cooperation as coop;
use innsyn_core::i18n::Lang;
use innsyn_core::model::Dataset;
use innsyn_core::present::{self, PrintColumn};
use innsyn_core::read;
use innsyn_core::registry::Registry;
use innsyn_core::status::Status;

fn demo(name: &str, reg: &Registry) -> Dataset {
    let path = format!(
        "{}/../../public/data/demo/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).unwrap();
    read::read_str(&text, reg).unwrap().datasets.remove(0)
}

#[test]
fn a_councils_trend_is_drawn_against_its_county_and_said_in_words() {
    let reg = Registry::bundled();
    let ds = demo("barn-med-tiltak.json", &reg);
    let rule = ds.meta.as_ref().unwrap().rule();
    let series = present::group_series(&ds, &reg, rule, &|y| {
        reg.group_members("hadeland", y).unwrap_or_default()
    });
    let groups = present::comparison_groups(&reg, "hadeland");
    assert_eq!(groups, ["05", "34"]);
    let others = present::comparison_lines(&ds, &reg, &groups, &["EAKUO".into()], Lang::Nb);
    assert_eq!(others[0].0, "Oppland (beregnet)");
    assert_eq!(others[1].0, "Innlandet (beregnet)");
    let rows = present::computed_rows(&series, &others, Lang::Nb);
    assert_eq!(rows.len(), 8, "2017–2024");
    assert!(
        rows.iter().all(|r| r.note.ends_with("av 3 kommuner")),
        "{rows:?}"
    );
    // Each row's comparison cells are the lines' values in that period.
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(r.others.len(), 3);
        assert_eq!(r.others[0], others[0].1[i].1);
        assert_eq!(r.period, others[0].1[i].0);
    }
    let points = present::values(&series);
    let unit = ds.meta.as_ref().unwrap().unit.get(Lang::Nb).to_string();
    let s = present::trend_sentence(&points, &others, 1, &unit, Lang::Nb);
    let first = innsyn_core::i18n::format_number(points[0].1.unwrap(), 1, Lang::Nb);
    assert!(
        s.starts_with(&format!("Linjediagram, 2017–2024: fra {first} til ")),
        "{s}"
    );
    assert!(
        s.ends_with(
            "Sammenlignet med: Oppland (beregnet), Innlandet (beregnet), Landet uten Oslo."
        ),
        "{s}"
    );
}

#[test]
fn a_municipalitys_rows_say_why_a_year_has_no_number() {
    let reg = Registry::bundled();
    let ds = demo("barn-med-tiltak.json", &reg);
    for i in 0..reg.municipalities.len() {
        let parts = present::municipality_series(&ds, &reg, i);
        let rows = present::municipality_rows(&parts, &[], Lang::En);
        for (r, (p, part)) in rows.iter().zip(&parts) {
            assert_eq!((&r.period, r.value), (p, part.value));
            assert_eq!(r.note.is_empty(), part.value.is_some(), "{p}: {r:?}");
        }
    }
}

#[test]
fn the_printout_has_one_row_per_area_and_one_column_per_indicator() {
    let reg = Registry::bundled();
    let members: Vec<usize> = ["3407", "3447", "3448"]
        .iter()
        .map(|id| reg.municipalities.iter().position(|m| m.id == *id).unwrap())
        .collect();
    let comparisons = vec!["EAKUO".to_string(), "EAK".to_string()];
    let files = ["barn-med-tiltak.json", "aarsverk.json"];
    let sets: Vec<Dataset> = files.iter().map(|f| demo(f, &reg)).collect();
    let columns: Vec<PrintColumn> = sets
        .iter()
        .zip(files)
        .map(|(ds, f)| PrintColumn {
            meta: ds.meta.as_ref().unwrap(),
            file: format!("data/demo/{f}"),
            figures: coop::figures(ds, &reg, &members, &comparisons, None, Lang::Nb).unwrap(),
        })
        .collect();
    let t = present::print_table(&columns, &reg, Lang::Nb);
    assert_eq!(t.head.len(), 2);
    assert!(t.head[0].ends_with(", 2024"), "{:?}", t.head);
    assert_eq!(t.decimals, [1, 1]);
    assert!(t.demo);
    // The combined service first, then each member, then county and regions once each.
    assert!(t.rows[0].combined && t.rows[0].area.contains("(beregnet)"));
    for (k, c) in columns.iter().enumerate() {
        assert_eq!(t.rows[0].cells[k], c.figures.combined.value);
    }
    let areas: Vec<&str> = t.rows.iter().map(|r| r.area.as_str()).collect();
    for name in ["Gjøvik", "Søndre Land", "Nordre Land", "Oppland (beregnet)"] {
        assert_eq!(
            areas.iter().filter(|a| **a == name).count(),
            1,
            "{name} in {areas:?}"
        );
    }
    assert!(t.rows.iter().all(|r| r.cells.len() == 2));
    // Every member's cell is its own figure of that indicator.
    let gjovik = t.rows.iter().find(|r| r.area == "Gjøvik").unwrap();
    let own = present::municipality_part(&sets[1], &reg, members[0], "2024").value;
    assert_eq!(gjovik.cells[1], own);
    // Notes: coverage and source for each indicator.
    assert!(
        t.notes
            .iter()
            .any(|n| n.contains("Kommuner med tall: 3 av 3 kommuner")),
        "{:?}",
        t.notes
    );
    assert_eq!(
        t.notes.iter().filter(|n| n.starts_with("Kilde: ")).count(),
        2
    );
    assert!(t
        .notes
        .iter()
        .any(|n| n.ends_with("· data/demo/aarsverk.json")));
}

/// A simple-format file of Hedmark's municipalities' figures, as written.
fn file(rate: bool, values: &str) -> Dataset {
    let rate = if rate {
        r#""rate": {"per": 1000, "numerator": "Barn", "denominator": "Innbyggere"},"#
    } else {
        ""
    };
    let src = format!(
        r#"{{"format": "innsyn-indicator/1", "id": "f", "title": "T", "description": "d", "unit": "u", "decimals": 1,
        "source": "S", {rate} "values": [{values}]}}"#
    );
    let out = read::read_str(&src, &Registry::bundled()).unwrap();
    assert!(!out.has_errors(), "{:?}", out.diagnostics);
    out.datasets.into_iter().next().unwrap()
}

fn muni(reg: &Registry, id: &str) -> usize {
    reg.municipalities.iter().position(|m| m.id == id).unwrap()
}

#[test]
fn a_ranking_says_its_extremes_and_its_gaps() {
    let reg = Registry::bundled();
    let ds = file(
        false,
        r#"{"region": "3401", "period": "2024", "value": 12.25}, {"region": "3403", "period": "2024", "value": 3},
           {"region": "3411", "period": "2024", "value": null, "status": ":"}"#,
    );
    let members: Vec<usize> = ["3401", "3403", "3411"]
        .iter()
        .map(|id| muni(&reg, id))
        .collect();
    let r = present::ranking_of(&ds, &reg, None, &members).unwrap();
    assert_eq!(r.missing(), 1);
    assert_eq!(r.format(12.25, Lang::Nb), "12,3");
    assert_eq!(
        r.summary(Lang::Nb),
        "Liggende søylediagram over 3 kommuner i 2024, u. Høyest: Kongsvinger (12,3). Lavest: Hamar (3,0). 1 av 3 kommuner har ikke tall; tabellen viser hvorfor."
    );
    // No gaps: nothing said about them.
    let two = present::ranking_of(&ds, &reg, None, &members[..2]).unwrap();
    assert_eq!(two.missing(), 0);
    assert!(
        two.summary(Lang::En).ends_with("Lowest: Hamar (3.0)."),
        "{}",
        two.summary(Lang::En)
    );
}

#[test]
fn the_counts_behind_a_rate_are_ranked_with_the_rates_reasons() {
    let reg = Registry::bundled();
    let ds = file(
        true,
        r#"{"region": "3401", "period": "2024", "value": 5, "numerator": 10, "denominator": 2000, "status": "*"},
           {"region": "3403", "period": "2024", "value": null, "status": ":"}"#,
    );
    let members = [muni(&reg, "3401"), muni(&reg, "3403")];
    let den = present::ranking_measure(&ds, &reg, None, &members, Some("denominator")).unwrap();
    assert_eq!(
        (den.meta.title.nb.as_str(), den.meta.decimals),
        ("Innbyggere", 0)
    );
    assert_eq!(den.rows[0].value, Some(2000.0));
    let num = present::ranking_measure(&ds, &reg, None, &members, Some("numerator")).unwrap();
    assert_eq!(num.meta.title.nb, "Barn");
    // A count has no status of its own; its gap has the rate cell's reason.
    assert_eq!(
        (num.rows[0].value, num.rows[0].status.clone()),
        (Some(10.0), None)
    );
    assert_eq!(num.rows[1].status, Some(Status::Confidential));
}

#[test]
fn a_municipalitys_figure_is_read_under_the_number_that_says_something() {
    let reg = Registry::bundled();
    // Hamar in 2020 under 3403, suppressed; a stray figure under its old number
    // must not stand in for it.
    let ds = file(
        false,
        r#"{"region": "3403", "period": "2020", "value": null, "status": ":"},
           {"region": "0403", "period": "2020", "value": 5}, {"region": "0403", "period": "2019", "value": 4}"#,
    );
    let hamar = muni(&reg, "3403");
    let p = present::municipality_part(&ds, &reg, hamar, "2020");
    assert_eq!((p.value, p.status), (None, Some(Status::Confidential)));
    assert_eq!(
        present::municipality_part(&ds, &reg, hamar, "2019").value,
        Some(4.0)
    );
    // A plain number under the year's own number is read, though another
    // number has one with a status.
    let ds2 = file(
        false,
        r#"{"region": "3403", "period": "2021", "value": 7},
           {"region": "0403", "period": "2021", "value": 9, "status": "*"}"#,
    );
    assert_eq!(
        present::municipality_part(&ds2, &reg, hamar, "2021").value,
        Some(7.0)
    );
    // Not in the file at all: no number, and why.
    let p = present::municipality_part(&ds, &reg, muni(&reg, "3401"), "2020");
    assert_eq!((p.value, p.status), (None, Some(Status::NotAvailable)));
}

#[test]
fn the_members_left_out_are_named_with_their_reason() {
    let reg = Registry::bundled();
    let c = innsyn_core::aggregate::Combined {
        value: Some(1.0),
        numerator: None,
        denominator: None,
        used: 1,
        total: 2,
        left_out: vec![(
            "3403".into(),
            innsyn_core::aggregate::LeftOut::Status(Status::Confidential),
        )],
    };
    assert_eq!(
        present::left_out_lines(&c, &reg, Lang::Nb),
        ["Hamar: Tall kan ikke offentliggjøres (skjult av personvernhensyn)"]
    );
}

#[test]
fn a_cards_changes_are_the_latest_value_minus_the_earlier() {
    let s: Vec<(String, Option<f64>)> = (2015..=2021)
        .map(|y| (y.to_string(), Some(f64::from(y - 2000))))
        .collect();
    let t = present::trend(&s).unwrap();
    assert_eq!((t.period.as_str(), t.value), ("2021", 21.0));
    assert_eq!(t.change_1, Some(("2020".into(), 1.0)));
    assert_eq!(t.change_5, Some(("2016".into(), 5.0)));
    assert_eq!(innsyn_core::i18n::format_change(-0.04, 1, Lang::Nb), "±0,0");
    assert_eq!(innsyn_core::i18n::format_change(2.0, 0, Lang::En), "+2");
    assert_eq!(innsyn_core::i18n::format_change(-2.0, 0, Lang::En), "-2");
}

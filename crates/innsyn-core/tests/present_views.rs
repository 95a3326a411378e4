//! The view models the app renders beside its charts, on the bundled
//! demonstration files: a line chart's sentence and table, the county a
//! region is drawn against, and the cooperation printout's key figures.

use innsyn_core::cooperation as coop;
use innsyn_core::i18n::Lang;
use innsyn_core::model::Dataset;
use innsyn_core::present::{self, PrintColumn};
use innsyn_core::read;
use innsyn_core::registry::Registry;

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

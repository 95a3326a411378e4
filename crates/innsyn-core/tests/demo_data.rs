//! The bundled demonstration file reads clean and ranks all 48 municipalities.

use innsyn_core::i18n::Lang;
use innsyn_core::present;
use innsyn_core::read;
use innsyn_core::registry::Registry;

const DEMO: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../public/data/demo/barn-med-tiltak.json"
);

#[test]
fn demo_file_reads_clean_and_ranks_48() {
    let reg = Registry::bundled();
    let text = std::fs::read_to_string(DEMO).unwrap();
    let out = read::read_str(&text, &reg).unwrap();
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
    let ds = &out.datasets[0];
    assert!(ds.meta.as_ref().unwrap().demo, "demo files must say so");
    assert_eq!(ds.periods_with_values().len(), 8);
    let r = present::ranking(ds, &reg, None).expect("a ranking");
    assert_eq!(r.period, "2024");
    assert_eq!(r.rows.len(), 48);
    // Highest first; every shown value is what the file says for that number.
    let vals: Vec<f64> = r.with_value().map(|(_, v)| v).collect();
    assert!(vals.windows(2).all(|w| w[0] >= w[1]));
    for row in &r.rows {
        let c = ds.cell_at(&["value", &row.code, "2024"]).unwrap();
        assert_eq!(c.value, row.value, "{}", row.name);
    }
    // Lunner is 3234 in 2024 and 0533 in 2018: one series across renumbering.
    let r18 = present::ranking(ds, &reg, Some("2018")).unwrap();
    let lunner = r18.rows.iter().find(|x| x.name == "Lunner").unwrap();
    assert_eq!((lunner.id.as_str(), lunner.code.as_str()), ("3234", "0533"));
    assert!(r
        .summary(Lang::Nb)
        .starts_with("Liggende søylediagram over 48 kommuner i 2024"));
}

/// Hedmark's figure computed by the app equals sum(numerators)/sum(denominators)
/// taken straight from the file's observations, and names suppressed members.
#[test]
fn county_figures_are_sum_over_sum_of_the_file() {
    use innsyn_core::json::{self, Json};
    let reg = Registry::bundled();
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../public/data/demo/barn-med-tiltak.json"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let ds = read::read_str(&text, &reg).unwrap().datasets.remove(0);
    let rule = ds.meta.as_ref().unwrap().rule();
    let hedmark = |year: u16| reg.county_members("04", year);
    let series = present::group_series(&ds, &reg, rule, &hedmark);
    let raw = json::parse(&text).unwrap();
    let hedmark_codes: Vec<String> = reg
        .county_members("04", 2024)
        .iter()
        .map(|&i| reg.municipalities[i].code_in(2024).to_string())
        .collect();
    let (mut num, mut den, mut suppressed) = (0.0, 0.0, 0);
    for o in raw.get("values").and_then(Json::as_arr).unwrap() {
        let region = o.get("region").and_then(Json::as_str).unwrap();
        if o.get("period").and_then(Json::as_str) != Some("2024")
            || !hedmark_codes.iter().any(|c| c == region)
        {
            continue;
        }
        match (
            o.get("numerator").and_then(Json::as_f64),
            o.get("denominator").and_then(Json::as_f64),
        ) {
            (Some(n), Some(d)) => {
                num += n;
                den += d;
            }
            _ => suppressed += 1,
        }
    }
    let (period, c) = series.last().unwrap();
    assert_eq!(period, "2024");
    assert_eq!(c.value, Some(num / den * 1000.0));
    assert_eq!(
        (c.used, c.total, c.left_out.len()),
        (22 - suppressed, 22, suppressed)
    );
    // Innlandet did not exist before 2020: computed in its 2020 borders.
    let innlandet = present::group_series(&ds, &reg, rule, &|y| reg.county_members("34", y));
    assert_eq!(innlandet[0].1.total, 46);
    assert!(innlandet[0].1.value.is_some());
    assert!(innlandet.last().unwrap().1.value.is_some());
    // Trends: latest value and changes.
    let vals: Vec<(String, Option<f64>)> =
        series.iter().map(|(p, c)| (p.clone(), c.value)).collect();
    let t = present::trend(&vals).unwrap();
    assert_eq!(t.change_1.as_ref().unwrap().0, "2023");
    assert_eq!(t.change_5.as_ref().unwrap().0, "2019");
    assert_eq!(innsyn_core::i18n::format_change(1.25, 1, Lang::Nb), "+1,3");
    assert_eq!(innsyn_core::i18n::format_change(-0.04, 1, Lang::Nb), "±0,0");
}

#[test]
fn a_municipality_has_its_own_series_and_a_rank_among_those_with_figures() {
    let reg = Registry::bundled();
    let text = std::fs::read_to_string(DEMO).unwrap();
    let ds = read::read_str(&text, &reg).unwrap().datasets.remove(0);
    let lunner = reg
        .municipalities
        .iter()
        .position(|m| m.name == "Lunner")
        .unwrap();
    let series = present::municipality_series(&ds, &reg, lunner);
    assert_eq!(series.len(), 8);
    // 2018 under 0533, 2021 under 3054, 2024 under 3234: one unbroken series.
    for (period, part) in &series {
        assert!(part.value.is_some() || part.status.is_some(), "{period}");
    }
    let r = present::ranking(&ds, &reg, Some("2024")).unwrap();
    let top = reg
        .municipalities
        .iter()
        .position(|m| m.id == r.rows[0].id)
        .unwrap();
    assert_eq!(
        present::rank(&ds, &reg, top, "2024"),
        Some((1, r.with_value().count()))
    );
    let last = r.with_value().last().unwrap().0;
    let bottom = reg
        .municipalities
        .iter()
        .position(|m| m.id == last.id)
        .unwrap();
    assert_eq!(
        present::rank(&ds, &reg, bottom, "2024").unwrap().0,
        r.with_value().count()
    );
}

#[test]
fn tile_map_classes_and_labels() {
    let reg = Registry::bundled();
    let names: Vec<&str> = reg.municipalities.iter().map(|m| m.name.as_str()).collect();
    let abbrs = present::abbreviations(&names);
    let mut unique = abbrs.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 48, "{abbrs:?}");
    let abbr = |name: &str| abbrs[names.iter().position(|n| *n == name).unwrap()].clone();
    assert_eq!(
        (abbr("Hamar"), abbr("Sel"), abbr("Stor-Elvdal")),
        ("HAM".into(), "SEL".into(), "STE".into())
    );
    assert_eq!(abbr("Os"), "OS");
    assert!(
        abbrs
            .iter()
            .all(|a| (2..=3).contains(&a.chars().count()) && a.chars().all(char::is_alphabetic)),
        "{abbrs:?}"
    );
    assert_eq!(
        present::class_breaks(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0], 5, 0),
        vec![3.0, 5.0, 7.0, 9.0]
    );
    assert_eq!(
        present::class_breaks(&[2.0; 10], 5, 0),
        Vec::<f64>::new(),
        "one value, one class"
    );
    assert_eq!(present::class_of(2.9, &[3.0, 5.0]), 0);
    assert_eq!(present::class_of(5.0, &[3.0, 5.0]), 2);
    let text = std::fs::read_to_string(DEMO).unwrap();
    let ds = read::read_str(&text, &reg).unwrap().datasets.remove(0);
    let r = present::ranking(&ds, &reg, None).unwrap();
    let (tiles, breaks) = present::tile_map(&r, &reg);
    assert_eq!(tiles.len(), 48);
    assert!(breaks.len() <= 4);
    for t in &tiles {
        assert_eq!(t.class.is_some(), t.value.is_some(), "{}", t.name);
    }
}

//! The bundled demonstration file reads clean and ranks all 48 municipalities.

use innsyn_core::i18n::Lang;
use innsyn_core::present;
use innsyn_core::read;
use innsyn_core::registry::Registry;

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/demo/barn-med-tiltak.json");

#[test]
fn demo_file_reads_clean_and_ranks_48() {
    let reg = Registry::bundled();
    let text = std::fs::read_to_string(DEMO).unwrap();
    let out = read::read_str(&text, &reg).unwrap();
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
    let ds = &out.datasets[0];
    assert!(ds.meta.as_ref().unwrap().demo, "demo files must say so");
    assert_eq!(present::periods_with_values(ds).len(), 8);
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
    assert!(r.summary(Lang::Nb).starts_with("Liggende søylediagram over 48 kommuner i 2024"));
}

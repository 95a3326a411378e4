//! Data-driven tests over the JSON-stat corpus in tests/data/jsonstat:
//! every real file reads without errors, and every labelled validator case
//! gives exactly the verdict and codes it is labelled with. (Cell-by-cell
//! agreement with jsonstat-toolkit is pinned in tests/conformance/.)

use innsyn_core::diag::Severity;
use innsyn_core::json::{self, Json};
use innsyn_core::model::Role;
use innsyn_core::read::{self, Format};
use innsyn_core::registry::{RegionRef, Registry};
use innsyn_core::status::Status;

fn dir() -> std::path::PathBuf {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/jsonstat").into()
}

fn corpus() -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for sub in ["json-stat.org", "ssb"] {
        for e in std::fs::read_dir(dir().join(sub))
            .expect("tests/data/jsonstat is part of the repository")
        {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "json") {
                files.push(p);
            }
        }
    }
    files.sort();
    assert!(files.len() >= 13, "corpus incomplete: {files:?}");
    files
}

#[test]
fn every_corpus_file_reads_without_errors() {
    let reg = Registry::bundled();
    for f in corpus() {
        let out = read::read_bytes(&std::fs::read(&f).unwrap(), &reg, Default::default()).unwrap();
        assert_eq!(out.format, Format::JsonStat, "{f:?}");
        let errors: Vec<_> = out
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{f:?}: {errors:#?}");
        for ds in &out.datasets {
            assert_eq!(ds.values.len(), ds.cell_count(), "{f:?}");
        }
        let name = f.file_name().unwrap().to_str().unwrap();
        let expect_datasets = match name {
            "collection.json" | "datasets_index.json" | "index.json" | "dimensions_age5.json" => 0,
            _ => 1,
        };
        assert_eq!(out.datasets.len(), expect_datasets, "{name}");
        if name == "dimensions_age5.json" {
            assert_eq!(out.dimensions.len(), 1);
        }
    }
}

#[test]
fn ssb_kostra_file_regions_roles_and_suppression() {
    let reg = Registry::bundled();
    let text = std::fs::read_to_string(dir().join("ssb/12367_kostra_regnskap.json")).unwrap();
    let out = read::read_str(&text, &reg).unwrap();
    let ds = &out.datasets[0];
    // No geo role in SSB's file, yet the region dimension is recognised.
    let r = ds.region_dim().expect("region dimension");
    assert_eq!(ds.dims[r].id, "KOKkommuneregion0000");
    assert_eq!(ds.dims[ds.time_dim().unwrap()].role, Some(Role::Time));
    for code in &ds.dims[r].categories {
        assert!(
            reg.resolve(&code.id).is_some(),
            "region code {} understood",
            code.id
        );
    }
    assert_eq!(reg.resolve("EAK"), Some(RegionRef::Country));
    // Every ':' cell has no number, and they are the ones the file marks.
    let raw = json::parse(&text).unwrap();
    let marked = raw.get("status").and_then(Json::as_obj).unwrap();
    let suppressed: Vec<usize> = marked
        .iter()
        .filter(|m| m.value.as_str() == Some(":"))
        .map(|m| m.key.parse().unwrap())
        .collect();
    assert!(!suppressed.is_empty());
    for i in suppressed {
        assert_eq!(ds.cell(i).status, Some(&Status::Confidential));
        assert_eq!(ds.cell(i).value, None, "a suppressed cell is never 0");
    }
}

#[test]
fn validator_cases_give_their_labelled_verdicts_and_codes() {
    let text = std::fs::read_to_string(dir().join("validator-cases/cases.json")).unwrap();
    let cases = json::parse(&text).unwrap();
    let reg = Registry::bundled();
    let mut n = 0;
    for case in cases.as_arr().unwrap() {
        let id = case.get("id").and_then(Json::as_str).unwrap();
        let expected = case.get("expected").unwrap();
        let input = case.get("input").unwrap().raw(&text);
        let out = read::read_str(input, &reg).unwrap();
        let codes: Vec<&str> = out.diagnostics.iter().map(|d| d.code).collect();
        let error_codes: Vec<&str> = out
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.code)
            .collect();
        if let Some(valid) = expected.get("valid").map(|v| v.v == json::JVal::Bool(true)) {
            assert_eq!(
                error_codes.is_empty(),
                valid,
                "{id}: {:#?}",
                out.diagnostics
            );
        }
        let want: Vec<&str> = expected
            .get("codes")
            .and_then(Json::as_arr)
            .unwrap_or(&[])
            .iter()
            .filter_map(Json::as_str)
            .collect();
        for w in &want {
            assert!(codes.contains(w), "{id}: expected {w}, got {codes:?}");
        }
        if expected
            .get("noOtherErrors")
            .is_some_and(|v| v.v == json::JVal::Bool(true))
        {
            for c in &error_codes {
                assert!(want.contains(c), "{id}: unexpected error {c}");
            }
        }
        // Every diagnostic names a place inside the input.
        for d in &out.diagnostics {
            assert!(
                d.path.starts_with('$') && d.line >= 1 && d.col >= 1,
                "{id}: {d:?}"
            );
        }
        n += 1;
    }
    assert_eq!(n, 20);
}

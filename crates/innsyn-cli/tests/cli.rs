//! The `innsyn` binary as publishers use it.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_innsyn");
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(BIN).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

fn tmp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("innsyn-cli-test-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn committed_demo_files_are_exactly_what_the_generator_writes() {
    let dir = tmp("demo");
    let (code, out) = run(&["demo", "--out", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let committed = std::fs::read_to_string(format!("{ROOT}/public/data/demo/{name}")).unwrap();
        assert!(committed == std::fs::read_to_string(&path).unwrap(), "public/data/demo/{name} is stale: run `cargo run -p innsyn-cli -- demo --out public/data/demo`");
    }
}

#[test]
fn validate_exit_codes() {
    let dir = tmp("validate");
    let good = format!("{ROOT}/public/data/demo/barn-med-tiltak.json");
    let (code, out) = run(&["validate", &good]);
    assert_eq!((code, out.contains("gyldig (0 feil")), (0, true), "{out}");

    let bad = dir.join("bad.json");
    let text = std::fs::read_to_string(&good).unwrap().replacen(
        "\"value\":",
        "\"value\":\"12,5\",\"was\":",
        1,
    );
    std::fs::write(&bad, text).unwrap();
    let (code, out) = run(&["validate", "--lang", "en", bad.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("error[VALUE_NOT_NUMBER] $.values[0].value"),
        "{out}"
    );
    assert!(out.contains("decimal point: 12.5"), "{out}");

    let binary = dir.join("random.json");
    std::fs::write(&binary, [0x50u8, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x9c]).unwrap();
    let (code, out) = run(&["validate", binary.to_str().unwrap()]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("ikke UTF-8"), "{out}");

    let (code, _) = run(&[
        "validate",
        dir.join("does-not-exist.json").to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
}

#[test]
fn convert_a_spreadsheet_csv_and_validate_the_result() {
    let dir = tmp("convert");
    let csv = dir.join("tall.csv");
    std::fs::write(
        &csv,
        "Region;Periode;Verdi;Status;Teller;Nevner\n0402;2018;42,2;;181;4289\n0432;2018;;:;;1149\n",
    )
    .unwrap();
    let out = dir.join("tall.json");
    let (code, msg) = run(&[
        "convert",
        csv.to_str().unwrap(),
        "--id",
        "tiltak",
        "--title",
        "Barn med tiltak",
        "--title-nn",
        "Barn med tiltak",
        "--title-en",
        "Children with measures",
        "--description",
        "d",
        "--description-nn",
        "d",
        "--description-en",
        "d",
        "--unit",
        "per 1000",
        "--unit-nn",
        "per 1000",
        "--unit-en",
        "per 1,000",
        "--decimals",
        "1",
        "--rate-per",
        "1000",
        "--numerator",
        "Barn med tiltak",
        "--denominator",
        "Barn 0–22 år",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{msg}");
    let (code, msg) = run(&["validate", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{msg}");
    let (code, cells) = run(&["cells", out.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(cells.contains("value,0402,2018,42.2,\n"), "{cells}");
    assert!(cells.contains("value,0432,2018,,:\n"), "{cells}");
    assert!(cells.contains("denominator,0432,2018,1149,\n"), "{cells}");

    std::fs::write(&csv, "region,period,value\n0402,2018,abc\n").unwrap();
    let (code, msg) = run(&[
        "convert",
        csv.to_str().unwrap(),
        "--id",
        "x",
        "--title",
        "t",
        "--description",
        "d",
        "--unit",
        "u",
    ]);
    assert_eq!(code, 1);
    assert!(
        msg.contains("VALUE_NOT_NUMBER] value (linje 2, kol 11)"),
        "{msg}"
    );
}

#[test]
fn cells_dumps_row_major_with_raw_values_and_status() {
    let dir = tmp("cells");
    let f = dir.join("d.json");
    std::fs::write(
        &f,
        r#"{"version":"2.0","class":"dataset","id":["a","b"],"size":[2,2],
        "dimension":{"a":{"category":{"index":{"y":1,"x":0}}},"b":{"category":{"index":["p","q"]}}},
        "value":{"0":1.50,"3":2e3},"status":{"1":":"}}"#,
    )
    .unwrap();
    let (code, out) = run(&["cells", f.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "# dataset 0\na,b,value,status\nx,p,1.50,\nx,q,,:\ny,p,,\ny,q,2e3,\n"
    );
}

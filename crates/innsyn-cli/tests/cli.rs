//! The `innsyn` binary as publishers use it.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_innsyn");
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(BIN).args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr))
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
    let text = std::fs::read_to_string(&good).unwrap().replacen("\"value\":", "\"value\":\"12,5\",\"was\":", 1);
    std::fs::write(&bad, text).unwrap();
    let (code, out) = run(&["validate", "--lang", "en", bad.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("error[VALUE_NOT_NUMBER] $.values[0].value"), "{out}");
    assert!(out.contains("decimal point: 12.5"), "{out}");

    let binary = dir.join("random.json");
    std::fs::write(&binary, [0x50u8, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x9c]).unwrap();
    let (code, out) = run(&["validate", binary.to_str().unwrap()]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("ikke UTF-8"), "{out}");

    let (code, _) = run(&["validate", dir.join("does-not-exist.json").to_str().unwrap()]);
    assert_eq!(code, 2);
}

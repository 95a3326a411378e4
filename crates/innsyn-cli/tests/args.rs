//! Usage errors: a bad flag or a missing argument exits 2 with a message
//! saying what is wrong, in bokmål or English (`--lang`), then the usage.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_innsyn");

/// (exit code, standard output, standard error)
fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_bad_flag_exits_2_with_a_message() {
    for (args, says) in [
        (
            &["validate", "--frob", "x.json"][..],
            "innsyn validate: ukjent valg --frob",
        ),
        (
            &["convert", "t.csv", "--id", "x", "--titel", "T"],
            "innsyn convert: ukjent valg --titel",
        ),
        (
            &[
                "convert",
                "t.csv",
                "--id",
                "x",
                "--higher-is",
                "up",
                "--lang",
                "en",
            ],
            "innsyn convert: --higher-is must be better|worse|neither, not \"up\"",
        ),
        (
            &["convert", "t.csv", "--id", "x", "--decimals", "many"],
            "innsyn convert: --decimals skal være et heltall fra 0 til 6",
        ),
        (
            &["validate", "--lang", "de", "x.json"],
            "innsyn validate: --lang skal være nb eller en",
        ),
        (
            &["demo", "--out", "d", "--force"],
            "innsyn demo: ukjent valg --force",
        ),
        (&["frobnicate"], "innsyn: ukjent kommando «frobnicate»"),
    ] {
        let (code, out, err) = run(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.starts_with(says), "{args:?}: {err}");
        assert!(err.contains("BRUK / USAGE"), "the usage follows: {err}");
        assert!(out.is_empty(), "{args:?}: {out}");
    }
}

#[test]
fn a_missing_argument_exits_2_with_a_message() {
    for (args, says) in [
        (&["validate"][..], "innsyn validate: FILE mangler"),
        (
            &["validate", "--lang", "en"],
            "innsyn validate: FILE is missing",
        ),
        (&["cells"], "innsyn cells: FILE mangler"),
        (
            &["cells", "a.json", "b.json"],
            "innsyn cells: bare én fil, ikke også «b.json»",
        ),
        (&["convert", "t.csv"], "innsyn convert: --id ID mangler"),
        (
            &["convert", "--id", "x"],
            "innsyn convert: FILE.csv mangler",
        ),
        (
            &["convert", "t.csv", "--id"],
            "innsyn convert: --id trenger en verdi",
        ),
        (
            &["convert", "--lang", "en", "t.csv", "--id", "x", "--out"],
            "innsyn convert: --out needs a value",
        ),
        (&["demo"], "innsyn demo: --out DIR mangler"),
        (
            &["demo", "--lang", "en", "--out"],
            "innsyn demo: --out needs a value",
        ),
    ] {
        let (code, _, err) = run(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.starts_with(says), "{args:?}: {err}");
    }
    // No command at all: the usage, exit 2.
    let (code, _, err) = run(&[]);
    assert_eq!(code, 2);
    assert!(err.contains("BRUK / USAGE"), "{err}");
}

#[test]
fn help_after_any_command_prints_the_usage() {
    for args in [
        &["--help"][..],
        &["-h"],
        &["help"],
        &["convert", "--help"],
        &["fetch", "-h"],
    ] {
        let (code, out, _) = run(args);
        assert_eq!(code, 0, "{args:?}");
        assert!(
            out.contains("innsyn convert FILE.csv --id ID"),
            "{args:?}: {out}"
        );
    }
}

#[test]
fn options_may_come_as_name_equals_value() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let good = format!("{root}/public/data/demo/aarsverk.json");
    let (code, out, _) = run(&["validate", "--lang=en", &good]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("valid (0 errors"), "{out}");
}

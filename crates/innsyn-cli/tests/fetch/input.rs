//! What `innsyn fetch` refuses before it asks SSB anything.

use std::process::Command;

use crate::mock::{ok, Mock};
use crate::site::{Site, CATALOG};
use crate::{kostra, BIN};

#[test]
fn unusable_input_exits_2_without_asking_ssb() {
    let site = Site::new("unusable", CATALOG);
    let mock = Mock::start(|_, _| ok(kostra()));
    let run = |args: &[&str]| {
        let out = Command::new(BIN).arg("fetch").args(args).output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let cat = site.catalog();
    let out = site.out.to_string_lossy().into_owned();
    let api = mock.api();
    for (args, says) in [
        (vec![], "katalogen mangler"),
        (vec![cat.as_str()], "--out DIR mangler"),
        (vec![cat.as_str(), "--out"], "--out trenger en verdi"),
        (
            vec![cat.as_str(), "--out", &out, "--per-minute", "0"],
            "--per-minute skal være et heltall fra 1",
        ),
        (
            vec![cat.as_str(), "--out", &out, "--ssb-lang", "nb"],
            "--ssb-lang skal være no eller en",
        ),
        (
            vec![cat.as_str(), "--out", &out, "--frobnicate", "1"],
            "ukjent valg --frobnicate",
        ),
        (
            vec![
                cat.as_str(),
                "--out",
                &out,
                "--lang",
                "en",
                "--timeout",
                "x",
            ],
            "--timeout must be a whole number",
        ),
        (
            vec!["/nonexistent/catalog.json", "--out", &out, "--api", &api],
            "/nonexistent/catalog.json",
        ),
    ] {
        let (code, err) = run(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    // A catalog with errors, and one without SSB sources.
    let broken = site.src.join("broken.json");
    std::fs::write(
        &broken,
        CATALOG.replace("innsyn-catalog/1", "innsyn-catalog/9"),
    )
    .unwrap();
    let (code, err) = run(&[broken.to_str().unwrap(), "--out", &out, "--api", &api]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("katalogen har feil; ingenting er hentet"),
        "{err}"
    );
    let files_only = site.src.join("files.json");
    std::fs::write(
        &files_only,
        r#"{"format": "innsyn-catalog/1", "indicators": [{"id": "bygg", "url": "filer/bygg.json"}]}"#,
    )
    .unwrap();
    let (code, err) = run(&[
        files_only.to_str().unwrap(),
        "--out",
        &out,
        "--api",
        &api,
        "--lang",
        "en",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("the catalog has no indicator with \"ssb\"; nothing to fetch"),
        "{err}"
    );
    assert!(mock.requests().is_empty(), "{:?}", mock.requests());
    assert!(!site.out.join("catalog.json").exists());
}

#[test]
fn help_lists_fetch() {
    let out = Command::new(BIN).arg("--help").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("innsyn fetch CATALOG --out DIR"), "{text}");
    assert!(text.contains("--per-minute N"), "{text}");
}

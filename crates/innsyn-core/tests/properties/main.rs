//! Property tests of the readers: on any bytes, on generated JSON, and on
//! the real files of `tests/data` and `public/data/demo` cut, flipped,
//! bracketed and nested, the JSON parser, the JSON-stat reader and the
//! simple-format reader never panic and stay within the bounds the `read`
//! module documents (64 MB, depth 128, 200 diagnostics, cells bounded by
//! the file's size).
//!
//! `json` holds the parser's properties and a small JSON value generator,
//! `mutate` the changes made to real files, `readers` the readers'
//! properties, `statistics` the laws of the statistics core (sums, sum/sum
//! rates, no number from a zero denominator, provenance kept). Every run is the same: a fixed seed, a modest number of
//! cases, and no failure files written into the repository.

mod json;
mod mutate;
mod readers;
mod statistics;

use std::sync::OnceLock;

use innsyn_core::diag::MAX_DIAGNOSTICS;
use innsyn_core::json::{decode, line_col, ParseErrorKind};
use innsyn_core::limits::MAX_CELLS;
use innsyn_core::read::{self, ReadOutput};
use innsyn_core::registry::Registry;
use proptest::test_runner::{Config, RngSeed};
use proptest::{prop_assert, prop_assert_eq, test_runner::TestCaseError};

/// Keys and texts the generated files are made of: JSON-stat's and the
/// simple format's names, region codes, years, statuses.
pub(crate) const WORDS: &[&str] = &[
    "class",
    "dataset",
    "collection",
    "dimension",
    "bundle",
    "version",
    "2.0",
    "id",
    "size",
    "role",
    "time",
    "geo",
    "metric",
    "value",
    "status",
    "category",
    "index",
    "label",
    "unit",
    "decimals",
    "link",
    "item",
    "href",
    "extension",
    "px",
    "tableid",
    "updated",
    "source",
    "note",
    "error",
    "child",
    "format",
    "innsyn-indicator/1",
    "values",
    "region",
    "period",
    "numerator",
    "denominator",
    "rate",
    "per",
    "higher_is",
    "aggregation",
    "sum",
    "nb",
    "en",
    "0402",
    "3401",
    "04",
    "EAK",
    "2018",
    "..",
    ":",
    ".",
    "",
];

/// 256 cases from a fixed seed; a failure is shrunk and printed, not saved.
pub(crate) fn config() -> Config {
    Config {
        cases: 256,
        failure_persistence: None,
        rng_seed: RngSeed::Fixed(0x1d5e_2018),
        ..Config::default()
    }
}

pub(crate) fn registry() -> &'static Registry {
    static R: OnceLock<Registry> = OnceLock::new();
    R.get_or_init(Registry::bundled)
}

/// The real files the mutations start from: SSB's and json-stat.org's
/// JSON-stat, the validator's cases, the simple-format demonstration files.
pub(crate) fn real_files() -> &'static [Vec<u8>] {
    static F: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    F.get_or_init(|| {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
        let mut files = Vec::new();
        for dir in [
            "tests/data/jsonstat/ssb",
            "tests/data/jsonstat/json-stat.org",
            "tests/data/jsonstat/validator-cases",
            "public/data/demo",
        ] {
            let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect();
            paths.sort();
            files.extend(paths.iter().map(|p| std::fs::read(p).unwrap()));
        }
        assert!(files.len() >= 15, "{} files", files.len());
        files
    })
}

/// The most cells a file of `len` bytes may give (`jsonstat`'s cap).
pub(crate) fn cell_limit(len: usize) -> usize {
    MAX_CELLS.min((4 * len).max(1_000_000))
}

/// `read::read_bytes` on `bytes`, checked against what `read` promises:
/// `Err` exactly when the bytes are not JSON (with a place inside them);
/// otherwise at most 200 diagnostics (plus the one saying more were left
/// out and the first error), each with a JSON path and a line and column
/// inside the file, and every dataset a consistent cube of bounded size
/// whose numbers are finite.
pub(crate) fn check_read(bytes: &[u8]) -> Result<Option<ReadOutput>, TestCaseError> {
    let out = read::read_bytes(bytes, registry(), read::Options { keep_raw: true });
    let text = match decode(bytes) {
        Ok(t) => t,
        Err(e) => {
            prop_assert_eq!(out.unwrap_err().kind, e.kind);
            return Ok(None);
        }
    };
    let parsed = innsyn_core::json::parse(text);
    let out = match out {
        Err(e) => {
            let p = parsed.expect_err("read failed where the parser did not");
            prop_assert_eq!(&e, &p);
            prop_assert!(e.offset <= text.len(), "{e:?}");
            if !matches!(e.kind, ParseErrorKind::TooLarge { .. }) {
                prop_assert_eq!((e.line, e.col), line_col(text, e.offset));
            }
            return Ok(None);
        }
        Ok(out) => out,
    };
    prop_assert!(parsed.is_ok(), "read accepted what the parser refused");
    prop_assert!(
        out.diagnostics.len() <= MAX_DIAGNOSTICS + 2,
        "{} diagnostics",
        out.diagnostics.len()
    );
    let lines = text.split('\n').count() as u32;
    for d in &out.diagnostics {
        prop_assert!(d.path.starts_with('$'), "{d:?}");
        prop_assert!(!d.code.is_empty() && !d.message.nb.is_empty() && !d.message.en.is_empty());
        prop_assert!(d.line >= 1 && d.line <= lines && d.col >= 1, "{d:?}");
    }
    if out.diagnostics.len() > MAX_DIAGNOSTICS {
        prop_assert!(out
            .diagnostics
            .iter()
            .any(|d| d.code == "TOO_MANY_DIAGNOSTICS"));
    }
    if out.format == read::Format::Unknown {
        prop_assert!(out.datasets.is_empty() && out.has_errors());
    }
    for ds in &out.datasets {
        let n = ds.cell_count();
        prop_assert!(
            n <= cell_limit(text.len()),
            "{n} cells from {} bytes",
            text.len()
        );
        prop_assert_eq!(ds.values.len(), n);
        prop_assert!(ds.values.iter().flatten().all(f64::is_finite));
        prop_assert!(ds.status.iter().all(|(i, _)| i < n));
        if let Some(raw) = &ds.raw_values {
            prop_assert_eq!(raw.len(), n);
        }
    }
    Ok(Some(out))
}

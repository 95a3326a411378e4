//! The readers on arbitrary bytes, on real files changed, and on generated
//! JSON-stat and simple-format files: `check_read` holds for all of them,
//! a well-formed file is read in its own format, and an observation of the
//! simple format is in the cube where it says.

use std::collections::HashMap;

use innsyn_core::diag::{Severity, MAX_DIAGNOSTICS};
use innsyn_core::read::Format;
use innsyn_core::status::Status;
use proptest::prelude::*;

use crate::json::{number, text_of, value, V};
use crate::mutate::{apply, changed_file, edit, edits, tree};
use crate::{check_read, config, real_files, WORDS};

const REGIONS: &[&str] = &[
    "0402", "0403", "3401", "3403", "04", "34", "EAK", "EAKUO", "9999",
];
const STATUSES: &[&str] = &["..", ":", ".", "...", "-", "*", "x"];

fn s(x: &str) -> V {
    V::Str(x.to_string())
}
fn member(k: &str, v: V) -> (String, V) {
    (k.to_string(), v)
}

/// Categories of a dimension: regions, years or plain codes.
fn codes(dim: &str, n: usize) -> Vec<String> {
    (0..n)
        .map(|i| match dim {
            "Region" => REGIONS[i % REGIONS.len()].to_string(),
            "Tid" => (2015 + i).to_string(),
            _ => format!("c{i}"),
        })
        .collect()
}

/// A JSON-stat 2.0 dataset, mostly well formed: dimensions with their
/// categories, `size` (sometimes off by one), dense or sparse values
/// (sometimes too few or too many), a status in any of its forms, and up to
/// two members replaced by anything.
fn jsonstat_dataset() -> impl Strategy<Value = V> {
    let dim = (
        prop::sample::select(&["Region", "Tid", "ContentsCode", "Kjonn", "x"][..]),
        0usize..5,
        any::<bool>(),
    );
    (
        prop::collection::vec(dim, 1..4),
        -1i64..=1,
        -2i64..=2,
        any::<bool>(),
        0u8..4,
        prop::collection::vec(prop::option::of(number()), 0..64),
        prop::collection::vec((prop::sample::select(WORDS), value(WORDS)), 0..3),
    )
        .prop_map(|(dims, size_off, len_off, dense, status, numbers, extra)| {
            let n: usize = dims.iter().map(|d| d.1).product();
            let mut size: Vec<i64> = dims.iter().map(|d| d.1 as i64).collect();
            size[0] = (size[0] + size_off).max(0);
            let mut dimension = Vec::new();
            for (name, len, as_array) in &dims {
                let c = codes(name, *len);
                let index = if *as_array {
                    V::Arr(c.iter().map(|c| s(c)).collect())
                } else {
                    V::Obj(
                        c.iter()
                            .enumerate()
                            .map(|(i, c)| member(c, V::Num(i as f64)))
                            .collect(),
                    )
                };
                let label = V::Obj(c.iter().map(|c| member(c, s(&format!("L {c}")))).collect());
                let category = V::Obj(vec![member("index", index), member("label", label)]);
                dimension.push(member(
                    name,
                    V::Obj(vec![member("label", s(name)), member("category", category)]),
                ));
            }
            let len = (n as i64 + len_off).max(0) as usize;
            let cell = |i: usize| {
                numbers
                    .get(i % numbers.len().max(1))
                    .copied()
                    .flatten()
                    .map_or(V::Null, V::Num)
            };
            let value = if dense {
                V::Arr((0..len).map(cell).collect())
            } else {
                V::Obj(
                    (0..len)
                        .step_by(2)
                        .map(|i| member(&i.to_string(), cell(i)))
                        .collect(),
                )
            };
            let status = match status {
                0 => None,
                1 => Some(s("..")),
                2 => Some(V::Arr(
                    (0..len).map(|i| s(STATUSES[i % STATUSES.len()])).collect(),
                )),
                _ => Some(V::Obj(
                    (0..len)
                        .step_by(3)
                        .map(|i| member(&i.to_string(), s(":")))
                        .collect(),
                )),
            };
            let mut doc = vec![
                member("version", s("2.0")),
                member("class", s("dataset")),
                member("label", s("Test")),
                member("id", V::Arr(dims.iter().map(|d| s(d.0)).collect())),
                member(
                    "size",
                    V::Arr(size.into_iter().map(|n| V::Num(n as f64)).collect()),
                ),
                member(
                    "role",
                    V::Obj(vec![
                        member("geo", V::Arr(vec![s("Region")])),
                        member("time", V::Arr(vec![s("Tid")])),
                    ]),
                ),
                member("dimension", V::Obj(dimension)),
                member("value", value),
            ];
            doc.extend(status.map(|st| member("status", st)));
            // Anything may be replaced but what makes it JSON-stat.
            let extra = extra
                .into_iter()
                .filter(|(k, _)| !matches!(*k, "version" | "class"));
            doc.extend(extra.map(|(k, v)| member(k, v)));
            V::Obj(doc)
        })
}

/// One observation: (region, period, value, status) as generated.
type Obs = (String, String, V, Option<&'static str>);

/// A simple-format file: its metadata (a rate or not) and observations of
/// known and unknown regions, numbers, nulls, text and statuses.
fn simple_file() -> impl Strategy<Value = (V, Vec<Obs>)> {
    let obs = (
        prop::sample::select(REGIONS),
        2015u32..2020,
        prop_oneof![4 => number().prop_map(V::Num), 1 => Just(V::Null), 1 => Just(s("1,5"))],
        prop::option::of(prop::sample::select(STATUSES)),
        prop::option::of((number(), number())),
    );
    (
        prop::collection::vec(obs, 0..40),
        any::<bool>(),
        prop::collection::vec((prop::sample::select(WORDS), value(WORDS)), 0..2),
    )
        .prop_map(|(obs, rate, extra)| {
            let mut values = Vec::new();
            let mut seen = Vec::new();
            for (region, year, v, status, parts) in obs {
                let mut o = vec![
                    member("region", s(region)),
                    member("period", s(&year.to_string())),
                    member("value", v.clone()),
                ];
                o.extend(status.map(|st| member("status", s(st))));
                if let Some((n, d)) = parts {
                    o.extend([
                        member("numerator", V::Num(n)),
                        member("denominator", V::Num(d)),
                    ]);
                }
                values.push(V::Obj(o));
                seen.push((region.to_string(), year.to_string(), v, status));
            }
            let mut doc = vec![
                member("format", s("innsyn-indicator/1")),
                member("id", s("x")),
                member("title", s("T")),
                member("description", s("D")),
                member("unit", s("U")),
            ];
            if rate {
                doc.push(member(
                    "rate",
                    V::Obj(vec![
                        member("per", V::Num(1000.0)),
                        member("numerator", s("N")),
                        member("denominator", s("D")),
                    ]),
                ));
            }
            doc.push(member("values", V::Arr(values)));
            // Any metadata may be replaced, but not the format or the observations.
            let extra = extra
                .into_iter()
                .filter(|(k, _)| !matches!(*k, "format" | "values"));
            doc.extend(extra.map(|(k, v)| member(k, v)));
            (V::Obj(doc), seen)
        })
}

/// A simple-format file with `meta` (members ending in a comma) and the
/// observations `values`.
fn simple_doc(meta: &str, values: &[String]) -> String {
    format!(
        r#"{{"format":"innsyn-indicator/1","id":"x","title":"T","description":"D","unit":"U",{meta}"values":[{}]}}"#,
        values.join(",")
    )
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_bytes_are_read_or_refused_within_bounds(bytes in prop::collection::vec(any::<u8>(), 0..2_048)) {
        check_read(&bytes)?;
    }

    #[test]
    fn real_files_changed_are_read_or_refused_within_bounds((file, changes) in changed_file()) {
        check_read(&apply(&real_files()[file], &changes))?;
    }

    #[test]
    fn real_files_with_values_changed_are_read_within_bounds(file in 0..real_files().len(), edits in edits()) {
        let text = std::str::from_utf8(&real_files()[file]).unwrap();
        let v = edit(tree(&innsyn_core::json::parse(text).unwrap()), &edits);
        check_read(text_of(&v).as_bytes())?.expect("an edited tree is JSON");
    }

    #[test]
    fn generated_jsonstat_is_read_as_jsonstat_within_bounds(
        doc in prop_oneof![
            3 => jsonstat_dataset(),
            1 => prop::collection::vec(jsonstat_dataset(), 0..3).prop_map(|items| V::Obj(vec![
                member("version", s("2.0")),
                member("class", s("collection")),
                member("link", V::Obj(vec![member("item", V::Arr(items))])),
            ])),
        ]
    ) {
        let out = check_read(text_of(&doc).as_bytes())?.expect("generated JSON parses");
        prop_assert_eq!(out.format, Format::JsonStat);
    }

    #[test]
    fn generated_simple_files_put_every_observation_in_its_cell((doc, obs) in simple_file()) {
        let out = check_read(text_of(&doc).as_bytes())?.expect("generated JSON parses");
        prop_assert_eq!(out.format, Format::Simple);
        let Some(ds) = out.datasets.first() else {
            prop_assert!(obs.is_empty() || out.has_errors());
            return Ok(());
        };
        // The first of two observations of one region and period is kept.
        let mut first: HashMap<(&str, &str), Option<f64>> = HashMap::new();
        for (region, period, v, status) in &obs {
            let value = match (v, status.map(Status::parse)) {
                (_, Some(st)) if !st.has_value() => None,
                (V::Num(n), _) => Some(*n),
                _ => None,
            };
            first.entry((region, period)).or_insert(value);
        }
        for ((region, period), value) in first {
            let cell = ds.cell_at(&["value", region, period]);
            prop_assert!(cell.is_some(), "{region} {period} is not in the cube");
            prop_assert_eq!(cell.unwrap().value, value, "{} {}", region, period);
        }
    }
}

// Files of hundreds of lines, each with a diagnostic (whose line and column
// are counted from the start): a few cases are enough.
proptest! {
    #![proptest_config(proptest::test_runner::Config { cases: 16, ..config() })]

    /// Warnings past the cap, then errors: at most 200 are listed, the
    /// list says the rest were left out, and the first error is on top.
    #[test]
    fn diagnostics_are_capped_and_an_error_still_shows(
        warnings in 200usize..260,
        errors in 1usize..4,
        rate in any::<bool>(),
    ) {
        // Each an unknown region without a value or a reason: two warnings.
        let mut values: Vec<String> = (0..warnings)
            .map(|i| format!(r#"{{"region":"X{i}","period":"2018","value":null}}"#))
            .collect();
        values.extend((0..errors).map(|_| r#"{"region":"X0","period":"2018","value":1}"#.to_string()));
        let rate = if rate { r#""rate":{"numerator":"N","denominator":"D"},"# } else { "" };
        let out = check_read(simple_doc(rate, &values).as_bytes())?.expect("the file is JSON");
        let d = &out.diagnostics;
        prop_assert!(d.len() > MAX_DIAGNOSTICS, "{} diagnostics", d.len());
        prop_assert!(d.iter().any(|d| d.code == "TOO_MANY_DIAGNOSTICS"));
        prop_assert_eq!(d[0].code, "DUPLICATE_OBSERVATION");
        prop_assert_eq!(d[0].severity, Severity::Error);
    }
}

proptest! {
    #![proptest_config(proptest::test_runner::Config { cases: 4, ..config() })]

    /// Every observation of its own region and period: the cube is regions
    /// × periods, so a file of n lines could claim n² cells.
    #[test]
    fn a_simple_file_cannot_claim_a_cube_larger_than_its_size(n in 1_001usize..1_100) {
        let values: Vec<String> = (0..n)
            .map(|i| format!(r#"{{"region":"R{i}","period":"{}","value":1}}"#, 1000 + i))
            .collect();
        let out = check_read(simple_doc("", &values).as_bytes())?.expect("the file is JSON");
        prop_assert!(out.diagnostics.iter().any(|d| d.code == "TOO_MANY_CELLS"));
    }
}

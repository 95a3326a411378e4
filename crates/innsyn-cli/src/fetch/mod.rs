//! `innsyn fetch CATALOG --out DIR`: the publishing step. Asks SSB's
//! PxWebApi 2.0 for every table the catalog names (the requests of
//! `innsyn_core::ssb::table_requests`, nothing else), checks every answer with
//! the reader `innsyn validate` uses, writes `DIR/ssb-{table}.json` atomically
//! and `DIR/catalog.json` pointing at the snapshots with their provenance.
//! A table that fails keeps its last good snapshot. Documented in
//! `docs/fetch.md`.

mod answer;
mod args;
pub mod files;
mod http;
mod merge;
mod report;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::SystemTime;

use crate::args::tr;
use innsyn_core::catalog;
use innsyn_core::diag::has_errors;
use innsyn_core::i18n::Lang;
use innsyn_core::registry::Registry;
use innsyn_core::snapshot;
use innsyn_core::ssb::{self, TableRequest};
use serde_json::{Map, Value};

use answer::{check_answer, diagnose};
use args::{parse_args, Args};
use files::{is_relative, previous, rfc3339, write_atomic};
use http::Http;
use merge::merge;
use report::{rewrite, summary, Outcome, TableReport};

const USAGE: &str = fetch_usage!();

pub fn run(p: lexopt::Parser, lang: Lang) -> ExitCode {
    let a = match parse_args(p, lang) {
        Ok(a) => a,
        Err(e) => return usage_error(lang, &e),
    };
    let lang = a.lang;
    let fail = |msg: String| {
        eprintln!("innsyn fetch: {msg}");
        ExitCode::from(2)
    };
    let mut input = match load(&a) {
        Ok(i) => i,
        Err(e) => return fail(e),
    };
    let reports = fetch_all(&a, &input);
    let left_as_is = rewrite(&mut input.root, &reports, &input.from, &input.to, lang);
    let mut text = match serde_json::to_string_pretty(&input.root) {
        Ok(t) => t,
        Err(e) => return fail(e.to_string()),
    };
    text.push('\n');
    // What is written is what the app will read.
    let out_path = input.to.join("catalog.json");
    match catalog::parse(&text, &out_path.to_string_lossy()) {
        Ok((_, d)) if !has_errors(&d) => {}
        Ok((_, d)) => {
            for d in &d {
                eprintln!("{}: {}", out_path.display(), d.to_line(lang));
            }
            return fail(tr(
                lang,
                "den nye katalogen har feil; ikke skrevet",
                "the new catalog has errors; not written",
            ));
        }
        Err(e) => return fail(e.message_en()),
    }
    if let Err(e) = write_atomic(&input.to, "catalog.json", text.as_bytes()) {
        return fail(format!("{}: {e}", out_path.display()));
    }
    let all_fresh = summary(&reports, &left_as_is, lang);
    println!("{}", out_path.display());
    ExitCode::from(if all_fresh { 0 } else { 1 })
}

/// Each table in turn; a failure is reported and the last good snapshot
/// (from DIR's previous catalog) kept.
fn fetch_all(a: &Args, input: &Input) -> Vec<TableReport> {
    let old = previous(&input.to);
    let mut tables: Vec<(String, Vec<&TableRequest>)> = Vec::new();
    for r in &input.requests {
        match tables.iter_mut().find(|(t, _)| *t == r.table) {
            Some((_, v)) => v.push(r),
            None => tables.push((r.table.clone(), vec![r])),
        }
    }
    println!(
        "{}",
        tr(
            a.lang,
            format!("innsyn fetch: {} tabell(er) fra {}", tables.len(), a.api),
            format!("innsyn fetch: {} table(s) from {}", tables.len(), a.api),
        )
    );
    let mut http = Http::new(a);
    let mut reports = Vec::new();
    for (table, reqs) in &tables {
        let before = http.sent;
        let mut report = TableReport {
            table: table.clone(),
            requests: 0,
            cells: 0,
            bytes: 0,
            outcome: Outcome::Failed { kept: None },
        };
        let result = fetch_table(
            &mut http,
            a,
            &input.to,
            table,
            reqs,
            &input.registry,
            &mut report,
        );
        report.outcome = match result {
            Ok(snapshot) => Outcome::Fresh {
                file: snapshot::file_name(table),
                snapshot,
            },
            Err(why) => {
                eprintln!(
                    "{}",
                    tr(
                        a.lang,
                        format!("innsyn fetch: tabell {table}: {why}"),
                        format!("innsyn fetch: table {table}: {why}"),
                    )
                );
                Outcome::Failed {
                    kept: old.get(table).cloned(),
                }
            }
        };
        report.requests = http.sent - before;
        reports.push(report);
    }
    reports
}

/// Fetches one table's requests, checks them, merges split answers and
/// writes the snapshot. `Err` is the reason it failed (already worded).
fn fetch_table(
    http: &mut Http,
    a: &Args,
    dir: &Path,
    table: &str,
    reqs: &[&TableRequest],
    registry: &Registry,
    report: &mut TableReport,
) -> Result<Value, String> {
    let lang = a.lang;
    let mut bodies = Vec::new();
    let mut updated = None;
    let mut cells = 0;
    for r in reqs {
        let url = r.url(&a.api);
        let answer = http.get(&url).map_err(|e| format!("{e}\n    {url}"))?;
        report.bytes += answer.body.len();
        if answer.status != 200 {
            let problem = snapshot::problem(&answer.body);
            let refused = matches!(answer.status, 400 | 404)
                || problem
                    .as_ref()
                    .is_some_and(|p| matches!(p.status, Some(400 | 404)));
            let why = if refused {
                diagnose(http, &a.api, table, reqs, &answer)
            } else {
                let said = problem
                    .map(|p| format!(" «{}»", p.text()))
                    .unwrap_or_default();
                tr(
                    lang,
                    format!("SSB svarte HTTP {}{said}", answer.status),
                    format!("SSB answered HTTP {}{said}", answer.status),
                )
            };
            return Err(format!("{why}\n    {url}"));
        }
        let info = check_answer(table, &answer.body, registry, r, lang)
            .map_err(|e| format!("{e}\n    {url}"))?;
        cells = info.cells;
        updated = updated.max(info.updated);
        bodies.push(answer.body);
    }
    let bytes = if bodies.len() == 1 {
        bodies.pop().unwrap_or_default()
    } else {
        let parts: Vec<Value> = bodies
            .iter()
            .map(|b| serde_json::from_slice(b))
            .collect::<Result<_, _>>()
            .map_err(|e| e.to_string())?;
        let merged = merge(&parts).and_then(|m| serde_json::to_vec(&m).map_err(|e| e.to_string()));
        let merged = merged.map_err(|e| {
            tr(
                lang,
                format!("de {} delsvarene kan ikke slås sammen: {e}", parts.len()),
                format!("the {} partial answers cannot be merged: {e}", parts.len()),
            )
        })?;
        let info = check_answer(table, &merged, registry, reqs[0], lang).map_err(|e| {
            tr(
                lang,
                format!("de sammenslåtte delsvarene: {e}"),
                format!("the merged partial answers: {e}"),
            )
        })?;
        cells = info.cells;
        merged
    };
    let file = snapshot::file_name(table);
    write_atomic(dir, &file, &bytes).map_err(|e| format!("{}: {e}", dir.join(&file).display()))?;
    report.cells = cells;
    let mut snap = Map::new();
    snap.insert("table".into(), Value::from(table));
    snap.insert("fetched".into(), Value::from(rfc3339(SystemTime::now())));
    snap.insert(
        "requests".into(),
        Value::Array(reqs.iter().map(|r| Value::from(r.url(&a.api))).collect()),
    );
    if let Some(u) = updated {
        snap.insert("updated".into(), Value::from(u));
    }
    Ok(Value::Object(snap))
}

fn usage_error(lang: Lang, msg: &str) -> ExitCode {
    eprintln!("innsyn fetch: {msg}");
    eprint!("{}", tr(lang, "BRUK:\n", "USAGE:\n"));
    eprint!("{USAGE}");
    ExitCode::from(2)
}

/// The input, read and checked before anything is asked or written.
struct Input {
    root: Value,
    requests: Vec<TableRequest>,
    /// The catalog's folder and DIR, absolute.
    from: PathBuf,
    to: PathBuf,
    registry: Registry,
}

/// Reads the catalog as the app reads it (addresses relative to the file),
/// its registry when that is a local file, makes the requests and DIR.
/// `Err` is the message for exit code 2.
fn load(a: &Args) -> Result<Input, String> {
    let lang = a.lang;
    let text = crate::read_file(&a.catalog)
        .and_then(|b| {
            String::from_utf8(b).map_err(|_| tr(lang, "ikke UTF-8-tekst", "not UTF-8 text"))
        })
        .map_err(|e| format!("{}: {e}", a.catalog))?;
    let (cat, diags) = catalog::parse(&text, &a.catalog).map_err(|e| {
        tr(
            lang,
            format!(
                "{}: linje {}, kolonne {}: {}",
                a.catalog,
                e.line,
                e.col,
                e.message_nb()
            ),
            format!(
                "{}: line {}, column {}: {}",
                a.catalog,
                e.line,
                e.col,
                e.message_en()
            ),
        )
    })?;
    for d in &diags {
        eprintln!("{}: {}", a.catalog, d.to_line(lang));
    }
    if has_errors(&diags) {
        return Err(tr(
            lang,
            format!("{}: katalogen har feil; ingenting er hentet", a.catalog),
            format!("{}: the catalog has errors; nothing was fetched", a.catalog),
        ));
    }
    let root: Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", a.catalog))?;
    let catalog_dir = Path::new(&a.catalog)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let registry = match root["regions"].as_str().filter(|h| is_relative(h)) {
        Some(href) => {
            let path = catalog_dir.join(href.split(['?', '#']).next().unwrap_or(href));
            let shown = path.display();
            let (reg, d) = crate::read_file(&path.to_string_lossy())
                .and_then(|b| {
                    let t = String::from_utf8(b).map_err(|_| "not UTF-8".to_string())?;
                    Registry::parse(&t).map_err(|e| e.message_en())
                })
                .map_err(|e| format!("{shown}: {e}"))?;
            for d in &d {
                eprintln!("{shown}: {}", d.to_line(lang));
            }
            if has_errors(&d) {
                return Err(format!(
                    "{shown}: {}",
                    tr(lang, "registeret har feil", "the registry has errors")
                ));
            }
            reg
        }
        None => Registry::bundled(),
    };
    let requests = ssb::table_requests(&cat, &registry, &a.ssb_lang);
    if requests.is_empty() {
        return Err(tr(
            lang,
            format!(
                "{}: katalogen har ingen indikator med «ssb»; ingenting å hente",
                a.catalog
            ),
            format!(
                "{}: the catalog has no indicator with \"ssb\"; nothing to fetch",
                a.catalog
            ),
        ));
    }
    std::fs::create_dir_all(&a.out).map_err(|e| format!("{}: {e}", a.out.display()))?;
    let from = catalog_dir
        .canonicalize()
        .map_err(|e| format!("{}: {e}", catalog_dir.display()))?;
    let to = a
        .out
        .canonicalize()
        .map_err(|e| format!("{}: {e}", a.out.display()))?;
    Ok(Input {
        root,
        requests,
        from,
        to,
        registry,
    })
}

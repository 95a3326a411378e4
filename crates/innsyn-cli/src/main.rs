//! `innsyn`: the command-line tool for data publishers and scripts.
//! Usage is in the README and in `innsyn --help`.

/// The usage of `innsyn fetch`, in `--help` and after a bad argument.
macro_rules! fetch_usage {
    () => {
        "  innsyn fetch CATALOG --out DIR [OPTIONS]
                                           Hent SSB-tabellene i katalogen / fetch the catalog's SSB tables
                                           to DIR/ssb-TABLE.json and DIR/catalog.json (docs/fetch.md);
                                           exit 0 alle nye/all fresh, 1 noen beholdt eller mangler/some kept
                                           or missing, 2 ubrukelig/unusable input
      --api URL (default https://data.ssb.no/api/pxwebapi/v2)  --ssb-lang no|en (SSB's labels)
      --lang nb|en (meldinger/messages)  --per-minute N (default 30)  --timeout SECS (default 60)
      --retries N (after 429/503, default 3)
"
    };
}

mod args;
mod convert;
mod demo;
mod fetch;
mod file;
mod report;

use std::ffi::OsString;
use std::process::ExitCode;

use args::{lang_value, missing, tr, usage_error};
use innsyn_core::diag::Severity;
use innsyn_core::i18n::Lang;
use innsyn_core::read;
use innsyn_core::registry::Registry;
use lexopt::prelude::*;

const HELP: &str = concat!("innsyn – verktøy for indikatorfiler til Innsyn / tools for Innsyn indicator files

BRUK / USAGE:
  innsyn validate [--lang nb|en] FILE...   Sjekk filer / check files
                                           exit 0 gyldig/valid, 1 ugyldig/invalid, 2 uleselig/unreadable
  innsyn cells FILE                        Alle celler som CSV / every cell as CSV, row-major:
                                           \"# dataset N\" (from 0), header: dimension ids,value,status
  innsyn convert FILE.csv --id ID --title T --description D --unit U [OPTIONS]
                                           CSV (region,period,value[,status,numerator,denominator];
                                           ; or , as separator) til/to innsyn-indicator/1
      --title-nn --title-en --description-nn --description-en --unit-nn --unit-en TEXT
      --decimals N  --rate-per N --numerator TEXT --denominator TEXT
      --higher-is better|worse|neither  --aggregation sum|none
      --source NAME --source-url URL --table ID
      --licence ID  --out FILE (default: standard output)
  innsyn demo --out DIR                    Skriv demonstrasjonsdata / write the demonstration data
  innsyn report --out DIR [OPTIONS]        Tilstandsrapport om barnevernet som Word / the report to the
                                           council as Word documents (.docx), one per municipality and
                                           shared service in each of its languages, and DIR/reports.json
      --catalog FILE (default public/data/catalog.json)  --template FILE (default: report.json beside it)
      --subject ID (municipality number or service id; repeat; default all)  --in nb|nn|en (repeat)
      --date YYYY-MM-DD (the date the reports say they were made; default today)
", fetch_usage!(), "  innsyn --help
  --lang nb|en: meldinger på bokmål eller engelsk / messages in bokmål or English (every command)
");

fn main() -> ExitCode {
    let mut args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let lang = args::lang_hint(&args);
    if args.is_empty() {
        eprint!("{HELP}");
        return ExitCode::from(2);
    }
    let cmd = args.remove(0).to_string_lossy().into_owned();
    let p = lexopt::Parser::from_args(args);
    let done = match cmd.as_str() {
        "validate" => validate_args(p, lang).map(validate),
        "cells" => cells_args(p, lang).map(cells),
        "convert" => convert::parse_args(p, lang).map(convert::run),
        "demo" => demo_args(p, lang).map(|dir| demo_cmd(&dir)),
        "fetch" => return fetch::run(p, lang),
        "report" => report::parse_args(p, lang).map(report::run),
        "--help" | "-h" | "help" => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        other => {
            let msg = tr(
                lang,
                format!("ukjent kommando «{other}»"),
                format!("unknown command \"{other}\""),
            );
            return usage_error("", &msg, HELP);
        }
    };
    match done {
        Ok(code) => code,
        Err(msg) => usage_error(&cmd, &msg, HELP),
    }
}

/// `--help` or `-h` after a command: the usage, exit 0.
pub fn help(usage: &str) -> ! {
    use std::io::Write;
    print!("{usage}");
    let _ = std::io::stdout().flush();
    std::process::exit(0)
}

/// The arguments of `validate` and `cells`.
struct Files {
    lang: Lang,
    files: Vec<String>,
}

fn validate_args(mut p: lexopt::Parser, lang: Lang) -> Result<Files, String> {
    let mut a = Files {
        lang,
        files: Vec::new(),
    };
    while let Some(arg) = p.next().map_err(|e| args::message(e, lang))? {
        match arg {
            Long("lang") => a.lang = lang_value(&mut p, lang)?,
            Long("help") | Short('h') => help(HELP),
            Value(v) => a.files.push(args::text(v, lang)?),
            other => return Err(args::message(other.unexpected(), lang)),
        }
    }
    if a.files.is_empty() {
        return Err(missing(lang, "FILE"));
    }
    Ok(a)
}

fn cells_args(p: lexopt::Parser, lang: Lang) -> Result<Files, String> {
    let a = validate_args(p, lang)?;
    if let Some(more) = a.files.get(1) {
        return Err(tr(
            lang,
            format!("bare én fil, ikke også «{more}»"),
            format!("one file only, not also \"{more}\""),
        ));
    }
    Ok(a)
}

fn demo_args(mut p: lexopt::Parser, lang: Lang) -> Result<String, String> {
    let mut out = None;
    while let Some(arg) = p.next().map_err(|e| args::message(e, lang))? {
        match arg {
            Long("out") => out = Some(args::value(&mut p, lang)?),
            Long("lang") => {
                lang_value(&mut p, lang)?;
            }
            Long("help") | Short('h') => help(HELP),
            other => return Err(args::message(other.unexpected(), lang)),
        }
    }
    out.ok_or_else(|| missing(lang, "--out DIR"))
}

/// Reads a file, refusing huge ones before loading them into memory.
fn read_file(path: &str) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if meta.len() as usize > read::MAX_FILE_BYTES {
        return Err(format!(
            "larger than {} MB",
            read::MAX_FILE_BYTES / 1_000_000
        ));
    }
    std::fs::read(path).map_err(|e| e.to_string())
}

fn validate(a: Files) -> ExitCode {
    let (lang, files) = (a.lang, a.files);
    let registry = Registry::bundled();
    let (mut invalid, mut unreadable) = (false, false);
    for f in &files {
        let out = read_file(f).map_err(|e| e.to_string()).and_then(|bytes| {
            read::read_bytes(&bytes, &registry, read::Options::default()).map_err(|e| match lang {
                Lang::En => format!("line {}, column {}: {}", e.line, e.col, e.message_en()),
                _ => format!("linje {}, kolonne {}: {}", e.line, e.col, e.message_nb()),
            })
        });
        match out {
            Err(e) => {
                unreadable = true;
                println!(
                    "{f}: {} {e}",
                    if lang == Lang::En {
                        "cannot be read:"
                    } else {
                        "kan ikke leses:"
                    }
                );
            }
            Ok(out) => {
                let errors = out
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                    .count();
                let warnings = out.diagnostics.len() - errors;
                invalid |= errors > 0;
                let verdict = match (errors > 0, lang) {
                    (false, Lang::En) => "valid",
                    (true, Lang::En) => "invalid",
                    (false, _) => "gyldig",
                    (true, _) => "ugyldig",
                };
                let counts = match lang {
                    Lang::En => format!("{errors} errors, {warnings} warnings"),
                    _ => format!("{errors} feil, {warnings} advarsler"),
                };
                println!("{f}: {verdict} ({counts})");
                for d in &out.diagnostics {
                    println!("  {}", d.to_line(lang));
                }
            }
        }
    }
    ExitCode::from(if unreadable {
        2
    } else if invalid {
        1
    } else {
        0
    })
}

/// Quotes a CSV field when it needs it.
fn csv(field: &str) -> std::borrow::Cow<'_, str> {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\"")).into()
    } else {
        field.into()
    }
}

/// The canonical dump: every cell of every dataset in row-major order, with
/// its category ids, its value as written in the file and its status.
fn cells(a: Files) -> ExitCode {
    let file = &a.files[0];
    let registry = Registry::bundled();
    let out = match read_file(file).and_then(|b| {
        read::read_bytes(&b, &registry, read::Options { keep_raw: true }).map_err(|e| e.to_string())
    }) {
        Ok(out) => out,
        Err(e) => {
            eprintln!("{file}: {e}");
            return ExitCode::from(2);
        }
    };
    let mut w = std::io::BufWriter::new(std::io::stdout().lock());
    use std::io::Write;
    let mut write = || -> std::io::Result<()> {
        for (n, ds) in out.datasets.iter().enumerate() {
            writeln!(w, "# dataset {n}")?;
            let head: Vec<_> = ds
                .dims
                .iter()
                .map(|d| csv(&d.id).into_owned())
                .chain(["value".into(), "status".into()])
                .collect();
            writeln!(w, "{}", head.join(","))?;
            let mut coords = vec![0usize; ds.dims.len()];
            for i in 0..ds.cell_count() {
                for (k, d) in ds.dims.iter().enumerate() {
                    write!(w, "{},", csv(&d.categories[coords[k]].id))?;
                }
                let raw = ds
                    .raw_values
                    .as_ref()
                    .and_then(|r| r.get(i))
                    .and_then(|r| r.as_deref());
                let value = match raw {
                    Some(r) => csv(r).into_owned(),
                    None => ds.values.get(i).map(|v| v.to_string()).unwrap_or_default(),
                };
                writeln!(
                    w,
                    "{value},{}",
                    ds.status
                        .get(i)
                        .map(|s| csv(s.symbol()).into_owned())
                        .unwrap_or_default()
                )?;
                // Next coordinates: the last dimension varies fastest.
                for k in (0..coords.len()).rev() {
                    coords[k] += 1;
                    if coords[k] < ds.dims[k].len() {
                        break;
                    }
                    coords[k] = 0;
                }
            }
        }
        w.flush()
    };
    match write() {
        Ok(()) => ExitCode::from(if out.has_errors() { 1 } else { 0 }),
        Err(_) => ExitCode::from(2),
    }
}

fn demo_cmd(dir: &str) -> ExitCode {
    let registry = Registry::bundled();
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("{dir}: {e}");
        return ExitCode::from(2);
    }
    for (name, text) in demo::files(&registry) {
        let path = std::path::Path::new(dir).join(name);
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("{}: {e}", path.display());
            return ExitCode::from(2);
        }
        println!("{}", path.display());
    }
    ExitCode::SUCCESS
}

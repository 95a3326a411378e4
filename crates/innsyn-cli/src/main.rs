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

mod demo;
mod fetch;

use std::process::ExitCode;

use innsyn_core::diag::Severity;
use innsyn_core::i18n::Lang;
use innsyn_core::read;
use innsyn_core::registry::Registry;

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
", fetch_usage!(), "  innsyn --help
");

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("validate") => validate(&args[1..]),
        Some("cells") => cells(&args[1..]),
        Some("convert") => convert(&args[1..]),
        Some("demo") => demo_cmd(&args[1..]),
        Some("fetch") => fetch::run(&args[1..]),
        Some("--help" | "-h" | "help") => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        _ => {
            eprint!("{HELP}");
            ExitCode::from(2)
        }
    }
}

/// Splits `--lang xx` out of the arguments.
fn lang_arg(args: &[String]) -> (Lang, Vec<&String>) {
    let mut lang = Lang::Nb;
    let mut rest = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--lang" {
            lang = it
                .next()
                .and_then(|l| Lang::from_code(l))
                .unwrap_or(Lang::Nb);
        } else {
            rest.push(a);
        }
    }
    (lang, rest)
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

fn validate(args: &[String]) -> ExitCode {
    let (lang, files) = lang_arg(args);
    if files.is_empty() {
        eprint!("{HELP}");
        return ExitCode::from(2);
    }
    let registry = Registry::bundled();
    let (mut invalid, mut unreadable) = (false, false);
    for f in files {
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
fn cells(args: &[String]) -> ExitCode {
    let [file] = args else {
        eprint!("{HELP}");
        return ExitCode::from(2);
    };
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

fn convert(args: &[String]) -> ExitCode {
    use innsyn_core::convert::{csv_to_simple, Meta};
    let (lang, rest) = lang_arg(args);
    let mut file = None;
    let mut flags: std::collections::HashMap<&str, &str> = Default::default();
    let mut it = rest.into_iter();
    while let Some(a) = it.next() {
        match (a.strip_prefix("--"), it.as_slice().first()) {
            (Some(k), Some(_)) => {
                flags.insert(k, it.next().map(String::as_str).unwrap_or_default());
            }
            (None, _) if file.is_none() => file = Some(a.as_str()),
            _ => {
                eprint!("{HELP}");
                return ExitCode::from(2);
            }
        }
    }
    let (Some(file), Some(id)) = (file, flags.get("id")) else {
        eprint!("{HELP}");
        return ExitCode::from(2);
    };
    let text = |k: &str| flags.get(k).map(|s| s.to_string());
    let three = |k: &str| [text(k), text(&format!("{k}-nn")), text(&format!("{k}-en"))];
    let meta = Meta {
        id: id.to_string(),
        title: three("title"),
        description: three("description"),
        unit: three("unit"),
        decimals: flags.get("decimals").and_then(|d| d.parse().ok()),
        rate: flags.get("rate-per").and_then(|p| p.parse().ok()).map(|p| {
            (
                p,
                text("numerator").unwrap_or_default(),
                text("denominator").unwrap_or_default(),
            )
        }),
        higher_is: text("higher-is"),
        aggregation: text("aggregation"),
        source_name: text("source"),
        source_url: text("source-url"),
        source_table: text("table"),
        licence: text("licence"),
    };
    let csv = match read_file(file).and_then(|b| {
        String::from_utf8(b).map_err(|_| "not UTF-8 text (save the CSV as UTF-8)".to_string())
    }) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{file}: {e}");
            return ExitCode::from(2);
        }
    };
    let (json, csv_diags) = csv_to_simple(&csv, &meta);
    // The written file is checked by the same reader as `validate`.
    let json_diags = read::read_str(&json, &Registry::bundled())
        .map(|o| o.diagnostics)
        .unwrap_or_default();
    let output = flags.get("out").copied().unwrap_or(if lang == Lang::En {
        "(output)"
    } else {
        "(utdata)"
    });
    for d in &csv_diags {
        eprintln!("{file}: {}", d.to_line(lang));
    }
    for d in &json_diags {
        eprintln!("{output}: {}", d.to_line(lang));
    }
    let diags: Vec<_> = csv_diags.iter().chain(&json_diags).collect();
    if let Some(out) = flags.get("out") {
        if let Err(e) = std::fs::write(out, &json) {
            eprintln!("{out}: {e}");
            return ExitCode::from(2);
        }
    } else {
        print!("{json}");
    }
    ExitCode::from(if diags.iter().any(|d| d.severity == Severity::Error) {
        1
    } else {
        0
    })
}

fn demo_cmd(args: &[String]) -> ExitCode {
    let Some(dir) = args
        .iter()
        .position(|a| a == "--out")
        .and_then(|i| args.get(i + 1))
    else {
        eprint!("{HELP}");
        return ExitCode::from(2);
    };
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

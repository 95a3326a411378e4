//! `innsyn convert FILE.csv --id ID --title T …`: a spreadsheet's tidy CSV
//! (read by `innsyn_core::convert`) and the metadata given as flags, written
//! in the simple format (`crate::file`), then checked by the reader that
//! `validate` uses.

use std::process::ExitCode;

use innsyn_core::convert::read_csv;
use innsyn_core::diag::Severity;
use innsyn_core::i18n::Lang;
use innsyn_core::read;
use innsyn_core::registry::Registry;
use lexopt::prelude::*;

use crate::args::{self, lang_value, missing, tr};
use crate::file::{Indicator, Num, Observation, Rate, Source, Text};

/// What the command line says.
#[derive(Debug, Default)]
pub struct Args {
    pub lang: Lang,
    pub file: String,
    pub id: String,
    /// nb, nn, en.
    pub title: [Option<String>; 3],
    pub description: [Option<String>; 3],
    pub unit: [Option<String>; 3],
    pub decimals: Option<u8>,
    pub rate_per: Option<f64>,
    pub numerator: Option<String>,
    pub denominator: Option<String>,
    pub higher_is: Option<String>,
    pub aggregation: Option<String>,
    pub source: Option<String>,
    pub source_url: Option<String>,
    pub table: Option<String>,
    pub licence: Option<String>,
    pub out: Option<String>,
}

pub fn parse_args(mut p: lexopt::Parser, lang: Lang) -> Result<Args, String> {
    let mut a = Args {
        lang,
        ..Default::default()
    };
    let mut file = None;
    let mut id = None;
    while let Some(arg) = p.next().map_err(|e| args::message(e, lang))? {
        let name = match arg {
            Long("help") | Short('h') => crate::help(crate::HELP),
            Value(v) if file.is_none() => {
                file = Some(args::text(v, lang)?);
                continue;
            }
            Long("lang") => {
                a.lang = lang_value(&mut p, lang)?;
                continue;
            }
            Long(name) => name.to_string(),
            other => return Err(args::message(other.unexpected(), lang)),
        };
        let slot = match name.as_str() {
            "id" => &mut id,
            "title" => &mut a.title[0],
            "title-nn" => &mut a.title[1],
            "title-en" => &mut a.title[2],
            "description" => &mut a.description[0],
            "description-nn" => &mut a.description[1],
            "description-en" => &mut a.description[2],
            "unit" => &mut a.unit[0],
            "unit-nn" => &mut a.unit[1],
            "unit-en" => &mut a.unit[2],
            "numerator" => &mut a.numerator,
            "denominator" => &mut a.denominator,
            "source" => &mut a.source,
            "source-url" => &mut a.source_url,
            "table" => &mut a.table,
            "licence" => &mut a.licence,
            "out" => &mut a.out,
            "decimals" => {
                let v = args::value(&mut p, lang)?;
                a.decimals = Some(v.parse().ok().filter(|d| *d <= 6).ok_or_else(|| {
                    tr(
                        lang,
                        "--decimals skal være et heltall fra 0 til 6",
                        "--decimals must be a whole number from 0 to 6",
                    )
                })?);
                continue;
            }
            "rate-per" => {
                let v = args::value(&mut p, lang)?;
                let per = v.parse::<f64>().ok().filter(|n| *n > 0.0 && n.is_finite());
                a.rate_per = Some(per.ok_or_else(|| {
                    tr(
                        lang,
                        "--rate-per skal være et positivt tall, for eksempel 1000",
                        "--rate-per must be a positive number, e.g. 1000",
                    )
                })?);
                continue;
            }
            "higher-is" => {
                a.higher_is = Some(word(
                    &mut p,
                    lang,
                    "higher-is",
                    &["better", "worse", "neither"],
                )?);
                continue;
            }
            "aggregation" => {
                a.aggregation = Some(word(&mut p, lang, "aggregation", &["sum", "none"])?);
                continue;
            }
            _ => {
                return Err(args::message(
                    lexopt::Error::UnexpectedOption(format!("--{name}")),
                    lang,
                ))
            }
        };
        *slot = Some(args::value(&mut p, lang)?);
    }
    a.file = file.ok_or_else(|| missing(lang, "FILE.csv"))?;
    a.id = id.ok_or_else(|| missing(lang, "--id ID"))?;
    Ok(a)
}

/// The value of `--{flag}`, one of `words`.
fn word(p: &mut lexopt::Parser, lang: Lang, flag: &str, words: &[&str]) -> Result<String, String> {
    let v = args::value(p, lang)?;
    if words.contains(&v.as_str()) {
        return Ok(v);
    }
    let list = words.join("|");
    Err(tr(
        lang,
        format!("--{flag} skal være {list}, ikke «{v}»"),
        format!("--{flag} must be {list}, not \"{v}\""),
    ))
}

/// A text given in up to three languages; nothing without bokmål.
fn text(t: &[Option<String>; 3]) -> Option<Text> {
    Some(Text::Langs {
        en: t[2].clone(),
        nb: t[0].clone()?,
        nn: t[1].clone(),
    })
}

/// The file `innsyn convert` writes for these arguments and rows.
pub fn indicator(a: &Args, rows: Vec<innsyn_core::convert::Row>) -> Indicator<Num> {
    let values = rows
        .into_iter()
        .map(|r| Observation {
            denominator: r.denominator.map(Num),
            numerator: r.numerator.map(Num),
            period: r.period,
            region: r.region,
            status: r.status,
            value: r.value.map(Num),
        })
        .collect();
    let mut doc = Indicator::new(&a.id, values);
    doc.title = text(&a.title);
    doc.description = text(&a.description);
    doc.unit = text(&a.unit);
    doc.decimals = a.decimals;
    doc.rate = a.rate_per.map(|per| Rate {
        denominator: Text::Plain(a.denominator.clone().unwrap_or_default()),
        numerator: Text::Plain(a.numerator.clone().unwrap_or_default()),
        per: Num(per),
    });
    doc.higher_is = a.higher_is.clone();
    doc.aggregation = a.aggregation.clone();
    let source = Source {
        name: a.source.clone(),
        table: a.table.clone(),
        url: a.source_url.clone(),
    };
    if source.name.is_some() || source.table.is_some() || source.url.is_some() {
        doc.source = Some(source);
    }
    doc.licence = a.licence.clone();
    doc
}

pub fn run(a: Args) -> ExitCode {
    let (lang, file) = (a.lang, a.file.as_str());
    let csv = match crate::read_file(file).and_then(|b| {
        String::from_utf8(b).map_err(|_| {
            tr(
                lang,
                "ikke UTF-8-tekst (lagre CSV-fila som UTF-8)",
                "not UTF-8 text (save the CSV as UTF-8)",
            )
        })
    }) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{file}: {e}");
            return ExitCode::from(2);
        }
    };
    let (rows, csv_diags) = read_csv(&csv);
    for d in &csv_diags {
        eprintln!("{file}: {}", d.to_line(lang));
    }
    let Some(rows) = rows else {
        // No region, period and value columns: nothing to write.
        return ExitCode::from(1);
    };
    let json = crate::file::to_text(&indicator(&a, rows));
    // The written file is checked by the same reader as `validate`.
    let json_diags = read::read_str(&json, &Registry::bundled())
        .map(|o| o.diagnostics)
        .unwrap_or_default();
    let output = a.out.as_deref().unwrap_or(if lang == Lang::En {
        "(output)"
    } else {
        "(utdata)"
    });
    for d in &json_diags {
        eprintln!("{output}: {}", d.to_line(lang));
    }
    if let Some(out) = &a.out {
        if let Err(e) = std::fs::write(out, &json) {
            eprintln!("{out}: {e}");
            return ExitCode::from(2);
        }
    } else {
        print!("{json}");
    }
    let errors = csv_diags
        .iter()
        .chain(&json_diags)
        .any(|d| d.severity == Severity::Error);
    ExitCode::from(if errors { 1 } else { 0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(argv: &[&str]) -> Result<Args, String> {
        parse_args(lexopt::Parser::from_args(argv.iter().copied()), Lang::Nb)
    }

    #[test]
    fn flags_become_the_file_and_it_reads_clean() {
        let a = parse(&[
            "t.csv",
            "--id",
            "barn-med-tiltak",
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
            "barn",
            "--unit-nn",
            "barn",
            "--unit-en",
            "children",
            "--source",
            "SSB",
            "--table",
            "12275",
            "--aggregation",
            "sum",
            "--decimals",
            "0",
        ])
        .unwrap();
        let (rows, diags) = read_csv("Region;Periode;Verdi;Status\n0402;2018;295;\n0432;2018;;:\n");
        assert!(diags.is_empty());
        let json = crate::file::to_text(&indicator(&a, rows.unwrap()));
        assert!(
            json.contains("{\"period\":\"2018\",\"region\":\"0402\",\"value\":295}"),
            "{json}"
        );
        let out = read::read_str(&json, &Registry::bundled()).unwrap();
        assert!(out.diagnostics.is_empty(), "{:?}\n{json}", out.diagnostics);
        let meta = out.datasets[0].meta.as_ref().unwrap();
        assert_eq!(
            (
                meta.title.get(Lang::En),
                meta.table.as_deref(),
                meta.summable
            ),
            ("Children with measures", Some("12275"), true)
        );
    }

    #[test]
    fn bad_flags_are_named_in_the_language_asked_for() {
        let err = |argv: &[&str]| parse(argv).unwrap_err();
        assert_eq!(
            err(&["t.csv", "--id", "x", "--frob", "1"]),
            "ukjent valg --frob"
        );
        assert_eq!(err(&["t.csv", "--id"]), "--id trenger en verdi");
        assert_eq!(err(&["t.csv"]), "--id ID mangler");
        assert_eq!(err(&["--id", "x"]), "FILE.csv mangler");
        assert_eq!(
            err(&["t.csv", "--id", "x", "--higher-is", "up"]),
            "--higher-is skal være better|worse|neither, ikke «up»"
        );
        assert_eq!(
            err(&["t.csv", "--id", "x", "--decimals", "1,5"]),
            "--decimals skal være et heltall fra 0 til 6"
        );
        let en = parse_args(
            lexopt::Parser::from_args(["t.csv", "--id", "x", "--rate-per", "-1"]),
            Lang::En,
        );
        assert_eq!(
            en.unwrap_err(),
            "--rate-per must be a positive number, e.g. 1000"
        );
    }
}

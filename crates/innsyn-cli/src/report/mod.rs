//! `innsyn report`: the state report to the municipal council as Word
//! documents, one per municipality and shared service in each of its
//! languages (`innsyn_core::report`), from a catalog's files on disk; and
//! `reports.json`, the list the report page links to.

mod docx;
mod png;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use innsyn_core::catalog;
use innsyn_core::i18n::Lang;
use innsyn_core::read::MAX_FILE_BYTES;
use innsyn_core::registry::Registry;
use innsyn_core::report::{self, Report, Subject};
use lexopt::prelude::*;
use serde::Serialize;

use crate::args::{self, missing, tr};

pub struct Args {
    lang: Lang,
    catalog: String,
    template: Option<String>,
    out: String,
    subjects: Vec<String>,
    langs: Vec<Lang>,
    date: Option<String>,
}

pub fn parse_args(mut p: lexopt::Parser, lang: Lang) -> Result<Args, String> {
    let mut a = Args {
        lang,
        catalog: "public/data/catalog.json".into(),
        template: None,
        out: String::new(),
        subjects: Vec::new(),
        langs: Vec::new(),
        date: None,
    };
    while let Some(arg) = p.next().map_err(|e| args::message(e, lang))? {
        match arg {
            Long("lang") => a.lang = args::lang_value(&mut p, lang)?,
            Long("catalog") => a.catalog = args::value(&mut p, lang)?,
            Long("template") => a.template = Some(args::value(&mut p, lang)?),
            Long("out") => a.out = args::value(&mut p, lang)?,
            Long("subject") => a.subjects.push(args::value(&mut p, lang)?),
            Long("in") => {
                let v = args::value(&mut p, lang)?;
                let l = Lang::from_code(&v).ok_or_else(|| {
                    tr(
                        lang,
                        format!("--in skal være nb, nn eller en, ikke «{v}»"),
                        format!("--in must be nb, nn or en, not \"{v}\""),
                    )
                })?;
                a.langs.push(l);
            }
            Long("date") => {
                let v = args::value(&mut p, lang)?;
                let ok = v.len() == 10 && v.as_bytes()[4] == b'-' && v.as_bytes()[7] == b'-';
                if !ok {
                    return Err(tr(
                        lang,
                        "--date skal være ÅÅÅÅ-MM-DD",
                        "--date must be YYYY-MM-DD",
                    ));
                }
                a.date = Some(v);
            }
            Long("help") | Short('h') => crate::help(crate::HELP),
            other => return Err(args::message(other.unexpected(), lang)),
        }
    }
    if a.out.is_empty() {
        return Err(missing(lang, "--out DIR"));
    }
    Ok(a)
}

/// One file of `reports.json`.
#[derive(Serialize)]
struct Written {
    id: String,
    lang: &'static str,
    file: String,
    bytes: usize,
}

#[derive(Serialize)]
struct Manifest {
    format: &'static str,
    made: String,
    reports: Vec<Written>,
}

fn read_text(path: &Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    if meta.len() as usize > MAX_FILE_BYTES {
        return None;
    }
    std::fs::read_to_string(path).ok()
}

pub fn run(a: Args) -> ExitCode {
    match write_all(&a) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("innsyn report: {e}");
            ExitCode::from(2)
        }
    }
}

fn write_all(a: &Args) -> Result<(), String> {
    let lang = a.lang;
    let cat_path = PathBuf::from(&a.catalog);
    let src = read_text(&cat_path).ok_or_else(|| {
        tr(
            lang,
            format!("kan ikke lese {}", a.catalog),
            format!("cannot read {}", a.catalog),
        )
    })?;
    let (cat, _) = catalog::parse(&src, &a.catalog)
        .map_err(|e| format!("{}: {}", a.catalog, e.message_en()))?;
    let dir = cat_path.parent().unwrap_or(Path::new("."));
    let registry = match &cat.regions {
        Some(url) => {
            let text = read_text(Path::new(url)).ok_or_else(|| {
                tr(
                    lang,
                    format!("kan ikke lese {url}"),
                    format!("cannot read {url}"),
                )
            })?;
            Registry::parse(&text)
                .map_err(|e| format!("{url}: {}", e.message_en()))?
                .0
        }
        None => Registry::bundled(),
    };
    let template_path = a
        .template
        .clone()
        .unwrap_or_else(|| dir.join("report.json").to_string_lossy().into_owned());
    let text = read_text(Path::new(&template_path)).ok_or_else(|| {
        tr(
            lang,
            format!("kan ikke lese {template_path}"),
            format!("cannot read {template_path}"),
        )
    })?;
    let (template, diags) =
        report::parse(&text).map_err(|e| format!("{template_path}: {}", e.message_en()))?;
    for d in &diags {
        eprintln!("{template_path}: {} {}", d.path, d.message.get(lang));
    }
    let ids = report::indicators(&template, &cat);
    let (data, problems) = report::load(&cat, &registry, &ids, &|url| read_text(Path::new(url)));
    for (id, why) in &problems {
        eprintln!("{id}: {why}");
    }
    let subjects: Vec<Subject> = if a.subjects.is_empty() {
        Subject::all(&registry)
    } else {
        a.subjects
            .iter()
            .map(|id| {
                Subject::find(&registry, id).ok_or_else(|| {
                    tr(
                        lang,
                        format!("ingen kommune eller tjeneste «{id}»"),
                        format!("no municipality or service \"{id}\""),
                    )
                })
            })
            .collect::<Result<_, _>>()?
    };
    let date = a.date.clone().unwrap_or_else(|| {
        crate::fetch::files::rfc3339(std::time::SystemTime::now())[..10].to_string()
    });
    std::fs::create_dir_all(&a.out).map_err(|e| format!("{}: {e}", a.out))?;
    let mut written = Vec::new();
    for s in subjects {
        for l in s.languages(&registry) {
            if !a.langs.is_empty() && !a.langs.contains(&l) {
                continue;
            }
            let r = report::build(&template, &cat, &registry, &data, s, l);
            let bytes = docx::write(&r, &charts(&r)?, &date)?;
            let file = s.file_name(&registry, l);
            let path = Path::new(&a.out).join(&file);
            std::fs::write(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
            println!("{} ({} KB)", path.display(), bytes.len() / 1000);
            written.push(Written {
                id: r.id.clone(),
                lang: l.code(),
                file,
                bytes: bytes.len(),
            });
        }
    }
    let manifest = Manifest {
        format: "innsyn-reports/1",
        made: date,
        reports: written,
    };
    let path = Path::new(&a.out).join("reports.json");
    std::fs::write(&path, crate::file::to_text(&manifest))
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// The charts of a report's figures as images, in order (none for a
/// figure of one year).
fn charts(r: &Report) -> Result<Vec<Option<docx::Image>>, String> {
    let mut out = Vec::new();
    for ch in r.chapters.iter().flat_map(|c| &c.blocks) {
        let innsyn_core::report::Block::Theme(th) = ch else {
            continue;
        };
        for f in &th.figures {
            let Some(c) = &f.chart else {
                out.push(None);
                continue;
            };
            let lines: Vec<(&str, &[(String, Option<f64>)])> = c
                .lines
                .iter()
                .map(|(n, p)| (n.as_str(), p.as_slice()))
                .collect();
            let svg = innsyn_charts::lines(&lines, &c.breaks, 600.0, 300.0, true)?.in_lang(r.lang);
            out.push(Some(png::image(&svg, 2.0)?));
        }
    }
    Ok(out)
}

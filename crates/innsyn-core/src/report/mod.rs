//! The state report to the municipal council (tilstandsrapport,
//! barnevernsloven § 15-3): a draft of the report the chief executive
//! gives the council each year, for one municipality or one shared child
//! welfare service, in Bufdir's seven chapters. Innsyn fills in what the
//! figures say — the key facts (1), the service and its organisation (3),
//! a part per theme with chart, table, comparison and a generated
//! paragraph (4) — and gives the chapters the municipality writes itself
//! guidance and questions (1, 2, 5, 6, 7).
//!
//! [`build`] makes a [`Report`]: plain text and tables, no markup, which
//! the app's report page and the CLI's Word writer both render. The prose
//! is the template's (`template`, `data/report.json`); the paragraphs are
//! generated (`figure`).

mod figure;
mod organisation;
mod published;
mod subject;
mod template;

use std::collections::HashMap;
use std::sync::Arc;

use crate::catalog::Catalog;
use crate::i18n::{and_list, format_number, Lang};
use crate::model::Dataset;
use crate::registry::Registry;

pub use figure::{Chart, Figure};
pub use published::{published, Published, PUBLISHED};
pub use subject::Subject;
pub use template::{parse, Fill, Section, Template, ThemeDef, FORMAT};

/// Where the app reads the template, beside the bundled catalog.
pub const FILE: &str = "data/report.json";

/// A word in the report's language.
pub(crate) fn w(lang: Lang, nb: &str, nn: &str, en: &str) -> String {
    match lang {
        Lang::Nb => nb,
        Lang::Nn => nn,
        Lang::En => en,
    }
    .to_string()
}

/// The report, ready to render.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub lang: Lang,
    /// The subject's id (`3403`, `bv-dovre-lesja`).
    pub id: String,
    pub title: String,
    /// «Hamar kommune».
    pub subject: String,
    pub subtitle: String,
    /// The latest year with figures, for the cover.
    pub year: Option<String>,
    pub chapters: Vec<Chapter>,
    /// Every figure's sources, on the last page.
    pub sources: Vec<Source>,
}

impl Report {
    /// The whole report as plain text, every word and number in reading
    /// order (for checks of its language and figures).
    pub fn plain(&self) -> String {
        let mut out = vec![
            self.title.clone(),
            self.subject.clone(),
            self.subtitle.clone(),
        ];
        let table = |t: &crate::export::Table, out: &mut Vec<String>| {
            out.push(t.caption.clone());
            out.push(
                t.head
                    .iter()
                    .map(|(h, _)| h.as_str())
                    .collect::<Vec<_>>()
                    .join(" | "),
            );
            for r in &t.rows {
                let cells: Vec<String> = r
                    .cells
                    .iter()
                    .map(|c| match c {
                        crate::export::Cell::Head(s, _) | crate::export::Cell::Text(s) => s.clone(),
                        crate::export::Cell::Num(Some(v), d, _) => format_number(*v, *d, self.lang),
                        crate::export::Cell::Num(None, _, sym) => sym.clone(),
                    })
                    .collect();
                out.push(cells.join(" | "));
            }
        };
        for c in &self.chapters {
            out.push(format!("{} {}", c.number, c.title));
            for b in &c.blocks {
                match b {
                    Block::Text(t) | Block::WriteHere(t) => out.push(t.clone()),
                    Block::Guidance { heading, items } | Block::Questions { heading, items } => {
                        out.push(heading.clone());
                        out.extend(items.iter().cloned());
                    }
                    Block::Facts(items) => out.extend(items.iter().cloned()),
                    Block::Terms(terms) => {
                        out.extend(terms.iter().map(|(t, d)| format!("{t}: {d}")))
                    }
                    Block::Theme(th) => {
                        out.push(format!("{} {}", th.number, th.title));
                        out.push(th.intro.clone());
                        for f in &th.figures {
                            out.push(f.title.clone());
                            out.extend(f.own.clone());
                            out.push(f.paragraph.clone());
                            out.push(f.summary.clone());
                            table(&f.table, &mut out);
                            out.extend(f.explained.iter().cloned());
                        }
                        if let Some(m) = &th.missing {
                            out.extend(m.titles.iter().cloned());
                            out.push(m.text.clone());
                        }
                        out.extend(th.questions.iter().cloned());
                    }
                }
            }
        }
        for s in &self.sources {
            out.push(s.title.clone());
            out.extend(s.lines.iter().cloned());
        }
        out.retain(|l| !l.is_empty());
        out.join("\n")
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chapter {
    pub number: u8,
    pub id: String,
    pub title: String,
    pub blocks: Vec<Block>,
}

/// What a chapter holds, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph.
    Text(String),
    /// What belongs in the chapter, for the writer (to delete).
    Guidance {
        heading: String,
        items: Vec<String>,
    },
    /// Key facts from the figures, a bulleted list.
    Facts(Vec<String>),
    /// Terms and what they are (the organisation).
    Terms(Vec<(String, String)>),
    /// Questions: to answer in the chapter, or for councillors to ask.
    Questions {
        heading: String,
        items: Vec<String>,
    },
    /// Room for the municipality's own text.
    WriteHere(String),
    Theme(Theme),
}

/// A theme of chapter 4.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// «4.2».
    pub number: String,
    pub id: String,
    pub title: String,
    pub intro: String,
    pub figures: Vec<Figure>,
    /// The indicators the site does not hold (by title), where SSB
    /// publishes them and that there is room to fill them in.
    pub missing: Option<Missing>,
    pub questions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Missing {
    pub titles: Vec<String>,
    pub text: String,
}

/// One figure's sources.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub title: String,
    pub lines: Vec<String>,
}

/// The figures a report is made from: indicator id → its cube in current
/// prices, for those the site holds (a file or a snapshot). An indicator
/// not here is one the report says the site does not hold.
pub type Data = HashMap<String, Arc<Dataset>>;

/// The indicators a report needs (the catalog's ids): each theme's, and
/// those the catalog places in a theme (`"theme"`: a publisher's own).
pub fn indicators(t: &Template, catalog: &Catalog) -> Vec<String> {
    let mut out: Vec<String> = t
        .themes
        .iter()
        .flat_map(|th| th.indicators.iter().cloned())
        .collect();
    for def in &catalog.indicators {
        if def.theme.is_some() && !out.contains(&def.id) {
            out.push(def.id.clone());
        }
    }
    // A gross figure's notes need its net counterpart.
    let nets: Vec<String> = out
        .iter()
        .filter_map(|id| catalog.indicator(id)?.gross.as_ref().map(|g| g.net.clone()))
        .collect();
    for n in nets {
        if !out.contains(&n) {
            out.push(n);
        }
    }
    out.retain(|id| catalog.indicator(id).is_some());
    out
}

/// Whether the site holds an indicator's figures in files (a rate: both
/// its parts), so that a report can use them without SSB's live API.
pub fn in_files(catalog: &Catalog, id: &str) -> bool {
    match catalog.indicator(id).map(|d| &d.source) {
        Some(crate::define::Source::File { url, .. }) => url.is_some(),
        Some(crate::define::Source::Rate(r)) => {
            in_files(catalog, &r.numerator) && in_files(catalog, &r.denominator)
        }
        None => false,
    }
}

/// The figures of `ids` as [`build`] needs them: each file read by `read`
/// (a resolved URL → its text) and derived, a rate from its two parts.
/// Indicators without a file (SSB's live API only) are left out, as are
/// those whose file cannot be used, each with why.
pub fn load(
    catalog: &Catalog,
    registry: &Registry,
    ids: &[String],
    read: &dyn Fn(&str) -> Option<String>,
) -> (Data, Vec<(String, String)>) {
    fn one(
        catalog: &Catalog,
        registry: &Registry,
        id: &str,
        read: &dyn Fn(&str) -> Option<String>,
        data: &mut Data,
    ) -> Result<Option<Arc<Dataset>>, String> {
        if let Some(ds) = data.get(id) {
            return Ok(Some(ds.clone()));
        }
        let def = catalog
            .indicator(id)
            .ok_or_else(|| format!("{id}: not in the catalog"))?;
        let ds = match &def.source {
            crate::define::Source::Rate(r) => {
                let n = one(catalog, registry, &r.numerator, read, data)?;
                let d = one(catalog, registry, &r.denominator, read, data)?;
                match (n, d) {
                    (Some(n), Some(d)) => crate::define::rate(def, r, &n, &d, registry),
                    _ => return Ok(None),
                }
            }
            crate::define::Source::File { .. } => {
                let Some(url) = def.url() else {
                    return Ok(None);
                };
                let text = read(url).ok_or_else(|| format!("{url}: cannot be read"))?;
                let out = crate::read::read_str(&text, registry)
                    .map_err(|e| format!("{url}: {}", e.message_en()))?;
                let first = out
                    .diagnostics
                    .iter()
                    .find(|d| d.severity == crate::diag::Severity::Error);
                if let Some(e) = first {
                    return Err(format!("{url}: {} {}", e.path, e.message.en));
                }
                let Some(ds) = out.datasets.first() else {
                    return Err(format!("{url}: no dataset"));
                };
                let (cube, diags) = crate::define::derive(def, ds);
                if let Some(e) = diags
                    .iter()
                    .find(|d| d.severity == crate::diag::Severity::Error)
                {
                    return Err(format!("{url}: {} {}", e.path, e.message.en));
                }
                cube
            }
        };
        let ds = Arc::new(ds);
        data.insert(id.to_string(), ds.clone());
        Ok(Some(ds))
    }
    let mut data = Data::new();
    let mut problems = Vec::new();
    for id in ids {
        if let Err(e) = one(catalog, registry, id, read, &mut data) {
            problems.push((id.clone(), e));
        }
    }
    data.retain(|id, _| ids.contains(id));
    (data, problems)
}

/// The report for `subject` in `lang`.
pub fn build(
    t: &Template,
    catalog: &Catalog,
    registry: &Registry,
    data: &Data,
    subject: Subject,
    lang: Lang,
) -> Report {
    let themes = themes(t, catalog, registry, data, subject, lang);
    let year = themes
        .iter()
        .flat_map(|th| &th.figures)
        .filter_map(|f| {
            f.table.rows.iter().rev().find_map(|r| match &r.cells[..] {
                [crate::export::Cell::Head(p, _), crate::export::Cell::Num(Some(_), ..), ..] => {
                    Some(p.clone())
                }
                _ => None,
            })
        })
        .max();
    let mut chapters = Vec::new();
    let guidance_word = w(lang, "Veiledning", "Rettleiing", "Guidance");
    for s in &t.sections {
        let mut blocks = Vec::new();
        if !s.guidance.is_empty() {
            blocks.push(Block::Guidance {
                heading: guidance_word.clone(),
                items: s.guidance.iter().map(|g| g.get(lang).to_string()).collect(),
            });
        }
        match s.fill {
            Fill::Facts => {
                blocks.push(Block::Text(t.law.get(lang).to_string()));
                blocks.push(Block::Facts(facts(&themes, lang)));
            }
            Fill::Organisation => {
                blocks.extend(organisation::chapter(registry, data, subject, lang))
            }
            Fill::Themes => {
                blocks.push(Block::Text(comparisons_note(
                    &themes, subject, registry, lang,
                )));
                blocks.extend(themes.iter().cloned().map(Block::Theme));
            }
            Fill::Nothing => {}
        }
        if !s.questions.is_empty() {
            blocks.push(Block::Questions {
                heading: w(
                    lang,
                    "Spørsmål å svare på",
                    "Spørsmål å svare på",
                    "Questions to answer",
                ),
                items: s
                    .questions
                    .iter()
                    .map(|q| q.get(lang).to_string())
                    .collect(),
            });
        }
        if s.fill != Fill::Themes {
            blocks.push(Block::WriteHere(t.write_here.get(lang).to_string()));
        }
        chapters.push(Chapter {
            number: s.number,
            id: s.id.clone(),
            title: s.title.get(lang).to_string(),
            blocks,
        });
    }
    let mut sources: Vec<Source> = Vec::new();
    for f in themes.iter().flat_map(|th| &th.figures) {
        match sources.iter_mut().find(|s| s.lines == f.about) {
            Some(s) => s.title = format!("{}; {}", s.title, f.title),
            None => sources.push(Source {
                title: f.title.clone(),
                lines: f.about.clone(),
            }),
        }
    }
    Report {
        lang,
        id: subject.id(registry).to_string(),
        title: t.title.get(lang).to_string(),
        subject: subject.name(registry, lang),
        subtitle: t.subtitle.get(lang).to_string(),
        year,
        chapters,
        sources,
    }
}

/// The themes of chapter 4 with their figures, numbered 4.1, 4.2 …; the
/// catalog's own indicators of a theme after its SSB figures.
fn themes(
    t: &Template,
    catalog: &Catalog,
    registry: &Registry,
    data: &Data,
    subject: Subject,
    lang: Lang,
) -> Vec<Theme> {
    let chapter = t
        .sections
        .iter()
        .find(|s| s.fill == Fill::Themes)
        .map_or(4, |s| s.number);
    let mut number = 0;
    let mut out = Vec::new();
    for (n, th) in t.themes.iter().enumerate() {
        let own = catalog
            .indicators
            .iter()
            .filter(|d| {
                d.theme.as_deref() == Some(th.id.as_str()) && !th.indicators.contains(&d.id)
            })
            .map(|d| d.id.clone());
        let mut figures = Vec::new();
        let mut missing = Vec::new();
        for id in th.indicators.iter().cloned().chain(own) {
            let Some(def) = catalog.indicator(&id) else {
                continue;
            };
            let Some(ds) = data.get(&id) else {
                if def.theme.is_none() {
                    missing.push(
                        def.overrides
                            .title
                            .as_ref()
                            .map_or(id.clone(), |t| t.get(lang).to_string()),
                    );
                }
                continue;
            };
            // Placed by the catalog and not SSB's: the publisher's own.
            let mine = (def.theme.is_some() && def.ssb().is_none() && !from_ssb(ds))
                .then(|| t.own_figures.get(lang).to_string());
            let net = def
                .gross
                .as_ref()
                .and_then(|g| data.get(&g.net))
                .map(|d| &**d);
            if let Some(f) = figure::figure(
                def,
                ds,
                net,
                catalog,
                registry,
                &subject,
                mine,
                number + 1,
                lang,
            ) {
                number += 1;
                figures.push(f);
            }
        }
        let missing = (!missing.is_empty()).then(|| Missing {
            text: format!(
                "{} {}",
                match (figures.is_empty(), lang) {
                    (true, Lang::Nb) => "Innsyn har ikke tallene for dette temaet i filene sine.",
                    (true, Lang::Nn) => "Innsyn har ikkje tala for dette temaet i filene sine.",
                    (true, Lang::En) => "Innsyn does not hold the figures for this theme in its files.",
                    (false, Lang::Nb) => "Innsyn har ikke alle tallene for dette temaet i filene sine.",
                    (false, Lang::Nn) => "Innsyn har ikkje alle tala for dette temaet i filene sine.",
                    (false, Lang::En) => "Innsyn does not hold all the figures for this theme in its files.",
                },
                th.where_.get(lang),
            ) + " "
                + &w(
                    lang,
                    "Fyll inn tallene her, eller hent dem med innsyn fetch før rapporten lages på nytt.",
                    "Fyll inn tala her, eller hent dei med innsyn fetch før rapporten blir laga på nytt.",
                    "Fill in the figures here, or fetch them with innsyn fetch before the report is made again.",
                ),
            titles: missing,
        });
        out.push(Theme {
            number: format!("{chapter}.{}", n + 1),
            id: th.id.clone(),
            title: th.title.get(lang).to_string(),
            intro: th.intro.get(lang).to_string(),
            figures,
            missing,
            questions: th
                .questions
                .iter()
                .map(|q| q.get(lang).to_string())
                .collect(),
        });
    }
    out
}

/// Whether a file says its figures are Statistics Norway's.
fn from_ssb(ds: &Dataset) -> bool {
    let source = ds
        .meta
        .as_ref()
        .and_then(|m| m.source.as_deref())
        .unwrap_or("");
    ["Statistisk sentralbyrå", "Statistics Norway", "SSB"]
        .iter()
        .any(|s| source.contains(s))
}

/// The summary's key facts: the first figure of each theme in one or two
/// sentences, and the themes without figures.
fn facts(themes: &[Theme], lang: Lang) -> Vec<String> {
    themes
        .iter()
        .map(|th| match th.figures.first() {
            Some(f) => {
                // The level and the change since the first year.
                let mut sentences = f.paragraph.split_inclusive(". ");
                let first = sentences.next().unwrap_or_default().trim();
                let growth = f
                    .paragraph
                    .split_inclusive(". ")
                    .find(|s| s.starts_with("Det er") || s.starts_with("That is"))
                    .map(str::trim);
                let s = match growth {
                    Some(g) => format!("{first} {g}"),
                    None => first.to_string(),
                };
                format!("{} ({}, {}): {s}", th.title, f.title, th.number)
            }
            None => match lang {
                Lang::Nb => format!(
                    "{}: ingen tall i filene Innsyn har (se {}).",
                    th.title, th.number
                ),
                Lang::Nn => format!(
                    "{}: ingen tal i filene Innsyn har (sjå {}).",
                    th.title, th.number
                ),
                Lang::En => format!(
                    "{}: no figures in the files Innsyn holds (see {}).",
                    th.title, th.number
                ),
            },
        })
        .collect()
}

/// What the figures are compared with, and what is not there.
fn comparisons_note(themes: &[Theme], subject: Subject, registry: &Registry, lang: Lang) -> String {
    let published = themes
        .iter()
        .flat_map(|th| &th.figures)
        .filter_map(|f| f.chart.as_ref())
        .flat_map(|c| c.lines.iter().skip(1))
        .any(|(n, _)| !n.contains(crate::aggregate::computed_label(lang)));
    let mut s = match (subject, lang) {
        (Subject::Municipality(_), Lang::Nb) => "Satsene er sammenlignet med fylket kommunen lå i før 2020, Innlandet og regionrådet, regnet ut av Innsyn som summen av kommunenes tellere delt på summen av nevnerne. Antall (personer, kroner) er ikke sammenlignet: de måler mest hvor stor kommunen er.".to_string(),
        (Subject::Municipality(_), Lang::Nn) => "Satsane er samanlikna med fylket kommunen låg i før 2020, Innlandet og regionrådet, rekna ut av Innsyn som summen av teljarane til kommunane delt på summen av nemnarane. Tal på personar og kroner er ikkje samanlikna: dei måler mest kor stor kommunen er.".to_string(),
        (Subject::Municipality(_), Lang::En) => "Rates are compared with the county the municipality belonged to before 2020, Innlandet and the regional council, computed by Innsyn as the sum of the municipalities' numerators divided by the sum of their denominators. Counts (persons, kroner) are not compared: they mostly measure the municipality's size.".to_string(),
        (Subject::Service(i), _) => {
            let names: Vec<String> = subject
                .members(registry)
                .iter()
                .map(|&m| registry.municipalities[m].name.clone())
                .collect();
            let external: Vec<String> = registry.services[i].external.iter().map(|(_, n)| n.clone()).collect();
            let (names, ext) = (and_list(&names, lang), and_list(&external, lang));
            let mut s = match lang {
                Lang::Nb => format!("Tjenestens tall er regnet av Innsyn fra tallene til {names}, slik simulatoren for samarbeid regner dem: antall lagt sammen, satser som summen av tellerne delt på summen av nevnerne. Satsene er sammenlignet med fylket og Innlandet, regnet ut på samme måte."),
                Lang::Nn => format!("Tala til tenesta er rekna ut av Innsyn frå tala til {names}, slik simulatoren for samarbeid reknar dei: tal lagde saman, satsar som summen av teljarane delt på summen av nemnarane. Satsane er samanlikna med fylket og Innlandet, rekna ut på same måte."),
                Lang::En => format!("The service's figures are computed by Innsyn from those of {names}, as the cooperation simulator computes them: counts added up, rates as the sum of numerators divided by the sum of denominators. Rates are compared with the county and Innlandet, computed the same way."),
            };
            if !external.is_empty() {
                s.push(' ');
                s.push_str(&match lang {
                    Lang::Nb => format!("{ext} er også med i tjenesten, men ligger utenfor Hedmark og Oppland; tallene deres er ikke med her."),
                    Lang::Nn => format!("{ext} er òg med i tenesta, men ligg utanfor Hedmark og Oppland; tala deira er ikkje med her."),
                    Lang::En => format!("{ext} are also part of the service but lie outside Hedmark and Oppland; their figures are not included here."),
                });
            }
            s
        }
    };
    if !published {
        s.push(' ');
        s.push_str(&w(
            lang,
            "Landet og KOSTRA-gruppen er ikke med: filene Innsyn har, har ikke SSBs tall for dem.",
            "Landet og KOSTRA-gruppa er ikkje med: filene Innsyn har, har ikkje tala til SSB for dei.",
            "The country and the KOSTRA group are not included: the files Innsyn holds do not have SSB's figures for them.",
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_is_written_in_the_subjects_written_standard() {
        let reg = Registry::bundled();
        let langs = |id: &str| Subject::find(&reg, id).unwrap().languages(&reg);
        use Lang::*;
        assert_eq!(langs("3433"), [Nn, En], "Skjåk: nynorsk");
        assert_eq!(langs("3401"), [Nb, En], "Kongsvinger: bokmål");
        assert_eq!(langs("3403"), [Nb, Nn, En], "Hamar: neutral");
        assert_eq!(langs("0403"), [Nb, Nn, En], "by its number before 2020 too");
        // Skjåk, Lom, Vågå (nynorsk) and Sel (neutral).
        assert_eq!(langs("bv-skjak-lom-vaga-sel"), [Nn, Nb, En]);
        // Vestre Slidre and Vang, both nynorsk.
        assert_eq!(langs("bv-vestre-slidre-vang"), [Nn, En]);
        // Gjøvik, Søndre Land and Nordre Land, all bokmål.
        assert_eq!(langs("bv-gjovik-sondre-land-nordre-land"), [Nb, En]);
        assert_eq!(Subject::find(&reg, "04"), None, "a county has no report");
        assert_eq!(Subject::all(&reg).len(), 48 + 10);
    }

    #[test]
    fn the_published_documents_are_plain_file_names() {
        let src = r#"{"format": "innsyn-reports/1", "made": "2026-12-06", "reports": [
            {"id": "3403", "lang": "nb", "file": "tilstandsrapport-hamar-nb.docx", "bytes": 181000},
            {"id": "3403", "lang": "xx", "file": "a.docx"},
            {"id": "3403", "lang": "nn", "file": "../../etc/passwd.docx"},
            {"id": "3403", "lang": "en", "file": "javascript:alert(1)"}]}"#;
        let p = published(src);
        assert_eq!(p.len(), 1);
        assert_eq!(
            (p[0].lang, p[0].file.as_str(), p[0].bytes),
            (Lang::Nb, "tilstandsrapport-hamar-nb.docx", 181000)
        );
        assert!(published("{}").is_empty());
        assert!(published("<html>").is_empty());
    }

    #[test]
    fn a_service_is_named_by_all_its_members() {
        let reg = Registry::bundled();
        let os = Subject::find(&reg, "bv-os-roros-holtalen").unwrap();
        assert_eq!(
            os.name(&reg, Lang::Nn),
            "Barnevernstenesta for Os, Røros og Holtålen"
        );
        assert_eq!(os.members(&reg).len(), 1, "only Os has figures here");
        let hamar = Subject::find(&reg, "3403").unwrap();
        assert_eq!(hamar.name(&reg, Lang::En), "Hamar municipality");
        assert_eq!(hamar.id(&reg), "3403");
        assert_eq!(
            hamar.file_name(&reg, Lang::Nn),
            "tilstandsrapport-hamar-nn.docx"
        );
        assert_eq!(
            os.file_name(&reg, Lang::Nb),
            "tilstandsrapport-bv-os-roros-holtalen-nb.docx"
        );
    }
}

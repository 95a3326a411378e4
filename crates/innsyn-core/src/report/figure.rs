//! One figure of the report: an indicator for the report's municipality or
//! service, with its comparison lines, chart marks, table, sources and the
//! paragraph that says what it shows — level, change since the first year
//! and the year before, kroner in fixed prices, the comparison, and the
//! caveats that apply. Only what the figures carry: no judgement.

use crate::aggregate::{Combined, Rule};
use crate::catalog::{Catalog, IndicatorDef};
use crate::events::{self, Event, Kind};
use crate::export::{self, Table};
use crate::i18n::{and_list, format_number, Lang, T};
use crate::model::{Dataset, IndicatorMeta};
use crate::present::{self, Line, SeriesRow};
use crate::prices::{self, PriceIndex};
use crate::registry::Registry;

use super::{w, Subject};

/// A figure as the report shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Numbered through the report: «Figur 3», «Tabell 3».
    pub number: usize,
    pub indicator: String,
    pub title: String,
    /// With the prices the kroner are in: «1 000 kr, faste 2025-kroner (…)».
    pub unit: String,
    pub decimals: u8,
    /// The label of a publisher's own figures, when they are.
    pub own: Option<String>,
    /// Demonstration figures, labelled as such.
    pub demo: bool,
    /// What the figures show, in plain words.
    pub paragraph: String,
    /// The lines of the chart (the subject's first) and where the breaks
    /// are; `None` for a figure of one year, which is its table only.
    pub chart: Option<Chart>,
    /// The chart's text alternative.
    pub summary: String,
    pub table: Table,
    /// The events shown, breaks by their number on the chart.
    pub explained: Vec<String>,
    /// Where the figures come from: unit, source, file, dates, notes.
    pub about: Vec<String>,
    /// The source line under the figure: «Kilde: …, tabell … (NLOD)».
    pub source: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub lines: Vec<Line>,
    pub breaks: Vec<usize>,
}

/// What the paragraph and the summary are made from.
struct Series<'a> {
    name: String,
    rows: Vec<SeriesRow>,
    /// For a service: the computed figure per period (its coverage).
    combined: Vec<(String, Combined)>,
    others: Vec<Line>,
    shown: Vec<&'a Event>,
    meta: IndicatorMeta,
}

impl Series<'_> {
    fn points(&self) -> Vec<(String, Option<f64>)> {
        self.rows
            .iter()
            .map(|r| (r.period.clone(), r.value))
            .collect()
    }
}

/// The figure of `def` for `subject`, from its cube in current prices
/// (`ds`); kroner are shown in the catalog's default prices.
#[allow(clippy::too_many_arguments)]
pub fn figure(
    def: &IndicatorDef,
    ds: &Dataset,
    net: Option<&Dataset>,
    catalog: &Catalog,
    registry: &Registry,
    subject: &Subject,
    own: Option<String>,
    number: usize,
    lang: Lang,
) -> Option<Figure> {
    let fixed = prices::shown(ds, &catalog.prices, None);
    let ds = fixed.as_ref().unwrap_or(ds);
    let meta = ds.meta.clone()?;
    let all = events::events_for(&catalog.events, def);
    let (name, rows, combined, others, region) = match subject {
        Subject::Municipality(i) => {
            let m = &registry.municipalities[*i];
            let others = present::comparison_lines(
                ds,
                registry,
                &present::comparison_groups(registry, &m.id),
                &m.comparisons(&catalog.comparisons),
                lang,
            );
            let parts = present::municipality_series(ds, registry, *i);
            let rows = present::municipality_rows(&parts, &others, lang);
            (m.name.clone(), rows, Vec::new(), others, Some(m.id.clone()))
        }
        Subject::Service(_) => {
            let members = subject.members(registry);
            let mut groups = crate::cooperation::counties(registry, &members);
            groups.push("34".into());
            groups.retain(|g| registry.group_name(g).is_some());
            let others =
                present::comparison_lines(ds, registry, &groups, &catalog.comparisons, lang);
            let series = crate::cooperation::series(ds, registry, &members);
            let rows = present::computed_rows(&series, &others, lang);
            let name = format!(
                "{} ({})",
                crate::cooperation::combined_name(lang),
                crate::aggregate::computed_label(lang)
            );
            (name, rows, series, others, None)
        }
    };
    if rows.iter().all(|r| r.value.is_none()) && own.is_some() {
        // A publisher's own file without figures for this subject.
        return None;
    }
    let points: Vec<(String, Option<f64>)> =
        rows.iter().map(|r| (r.period.clone(), r.value)).collect();
    let shown = events::shown(&all, &points, region.as_deref());
    let s = Series {
        name,
        rows,
        combined,
        others,
        shown,
        meta,
    };
    let unit = s.meta.unit.get(lang).to_string();
    let mut summary = present::trend_sentence(&points, &s.others, s.meta.decimals, &unit, lang);
    if let Some(key) = events::breaks_key(&s.shown, lang) {
        summary = format!("{summary} {key}");
    }
    let chart = (points.iter().filter(|(_, v)| v.is_some()).count() > 1).then(|| {
        let mut lines = vec![(s.name.clone(), points.clone())];
        lines.extend(s.others.iter().cloned());
        Chart {
            breaks: events::break_positions(&s.shown, &points),
            lines,
        }
    });
    let title = s.meta.title.get(lang).to_string();
    let note = match subject {
        Subject::Municipality(_) => T::Status,
        Subject::Service(_) => T::Coverage,
    };
    let table = export::series_table(
        format!("{title} ({unit})"),
        &s.name,
        note.get(lang),
        &s.rows,
        &s.others,
        &s.shown,
        s.meta.decimals,
        lang,
    );
    let gross = match (subject, def.gross.as_ref(), net) {
        (Subject::Municipality(i), Some(g), Some(net)) => {
            present::gross_notes(ds, net, registry, *i, g.note_above, lang)
        }
        _ => Vec::new(),
    };
    let index = s
        .meta
        .fixed
        .as_ref()
        .and_then(|f| catalog.prices.index(&f.id))
        .or_else(|| catalog.prices.default_index().filter(|_| s.meta.money));
    let paragraph = paragraph(&s, subject, index, &gross, lang);
    Some(Figure {
        number,
        indicator: def.id.clone(),
        title,
        unit,
        decimals: s.meta.decimals,
        own,
        demo: s.meta.demo,
        paragraph,
        chart,
        summary,
        table,
        explained: events::explained(&s.shown, lang),
        about: export::about(&s.meta, &catalog.file_label(def), lang),
        source: export::source_line(&s.meta, lang),
    })
}

/// How a change reads: a count has more or less, a rate is higher or
/// lower, a share (per 100) moves by percentage points.
#[derive(Clone, Copy, PartialEq)]
enum Measure {
    Count,
    Rate,
    Share,
}

fn measure(meta: &IndicatorMeta) -> Measure {
    match meta.rule() {
        Rule::Ratio { per } if per == 100.0 => Measure::Share,
        Rule::Ratio { .. } => Measure::Rate,
        _ if meta.summable => Measure::Count,
        _ => Measure::Rate,
    }
}

/// «12 % mer», «3,2 prosentpoeng høyere», «om lag det samme».
fn change(from: f64, to: f64, m: Measure, lang: Lang) -> Option<String> {
    let (size, up) = match m {
        Measure::Share => {
            let d = to - from;
            let n = format_number(d.abs(), 1, lang);
            if n == format_number(0.0, 1, lang) {
                return Some(w(
                    lang,
                    "om lag det samme",
                    "om lag det same",
                    "about the same",
                ));
            }
            (
                format!(
                    "{n} {}",
                    w(lang, "prosentpoeng", "prosentpoeng", "percentage points")
                ),
                d > 0.0,
            )
        }
        _ => {
            if from <= 0.0 {
                return None;
            }
            let pct = (to / from - 1.0) * 100.0;
            let n = format_number(pct.abs(), 0, lang);
            if n == "0" {
                return Some(w(
                    lang,
                    "om lag det samme",
                    "om lag det same",
                    "about the same",
                ));
            }
            (format!("{n} %"), pct > 0.0)
        }
    };
    let word = match (m, up) {
        (Measure::Count, true) => w(lang, "mer", "meir", "more"),
        (Measure::Count, false) => w(lang, "mindre", "mindre", "less"),
        (_, true) => w(lang, "høyere", "høgare", "higher"),
        (_, false) => w(lang, "lavere", "lågare", "lower"),
    };
    Some(format!("{size} {word}"))
}

/// The generated paragraph: what the figures show, then what to keep in
/// mind when reading them.
fn paragraph(
    s: &Series,
    subject: &Subject,
    index: Option<&PriceIndex>,
    gross: &[String],
    lang: Lang,
) -> String {
    let dec = s.meta.decimals;
    let num = |v: f64| format_number(v, dec, lang);
    // «5 638 personer», but «105 639 (1 000 kr, …)».
    let unit = s.meta.unit.get(lang);
    let unit = match unit.starts_with(|c: char| c.is_ascii_digit()) {
        true => format!("({unit})"),
        false => unit.to_string(),
    };
    let points = s.points();
    let with: Vec<(&String, f64)> = points
        .iter()
        .filter_map(|(p, v)| v.map(|v| (p, v)))
        .collect();
    let mut out: Vec<String> = Vec::new();
    let m = measure(&s.meta);
    match (with.first(), with.last()) {
        (Some(&(p0, v0)), Some(&(p1, v1))) => {
            let name = &s.name;
            out.push(match lang {
                Lang::Nb => format!("I {p1} var tallet for {name} {} {unit}.", num(v1)),
                Lang::Nn => format!("I {p1} var talet for {name} {} {unit}.", num(v1)),
                Lang::En => format!("In {p1} the figure for {name} was {} {unit}.", num(v1)),
            });
            if let Some(&(pp, vp)) = with.len().checked_sub(2).and_then(|i| with.get(i)) {
                if pp != p0 {
                    out.push(match lang {
                        Lang::Nb => format!("Året før, i {pp}, var det {}.", num(vp)),
                        Lang::Nn => format!("Året før, i {pp}, var det {}.", num(vp)),
                        Lang::En => format!("The year before, in {pp}, it was {}.", num(vp)),
                    });
                }
            }
            if p0 != p1 {
                let growth = index
                    .filter(|_| s.meta.money)
                    .and_then(|i| Some((prices::growth(&points, i, s.meta.fixed.is_some())?, i)));
                match growth {
                    Some((g, i)) => out.push(present::growth_sentence(&g, i, lang)),
                    None => {
                        if let Some(c) = change(v0, v1, m, lang) {
                            out.push(match lang {
                                Lang::Nb => {
                                    format!("Det er {c} enn i {p0}, da det var {}.", num(v0))
                                }
                                Lang::Nn => {
                                    format!("Det er {c} enn i {p0}, då det var {}.", num(v0))
                                }
                                Lang::En => {
                                    format!("That is {c} than in {p0}, when it was {}.", num(v0))
                                }
                            });
                        }
                    }
                }
            }
            out.extend(comparison(s, p1, v1, m, lang));
        }
        // No number at all: the caveats say why, year by year.
        _ if !s.rows.is_empty() => {}
        _ => out.push(match lang {
            Lang::Nb => format!("Filene Innsyn har, har ingen tall for {}.", s.name),
            Lang::Nn => format!("Filene Innsyn har, har ingen tal for {}.", s.name),
            Lang::En => format!("The files Innsyn holds have no figures for {}.", s.name),
        }),
    }
    out.extend(caveats(s, subject, lang));
    out.extend(gross.iter().cloned());
    out.join(" ")
}

/// The comparisons' values in the latest year, and where the subject lies
/// against Innlandet (or the first comparison with a value).
fn comparison(s: &Series, period: &str, value: f64, m: Measure, lang: Lang) -> Vec<String> {
    let at: Vec<(&str, f64)> = s
        .others
        .iter()
        .filter_map(|(n, line)| {
            let v = line.iter().find(|(p, _)| p == period)?.1?;
            Some((n.as_str(), v))
        })
        .collect();
    if at.is_empty() {
        return Vec::new();
    }
    let list: Vec<String> = at
        .iter()
        .map(|(n, v)| format!("{n} {}", format_number(*v, s.meta.decimals, lang)))
        .collect();
    let mut out = vec![match lang {
        Lang::Nb => format!("Samme år: {}.", list.join(", ")),
        Lang::Nn => format!("Same år: {}.", list.join(", ")),
        Lang::En => format!("The same year: {}.", list.join(", ")),
    }];
    let (against, v) = at
        .iter()
        .find(|(n, _)| n.starts_with("Innlandet"))
        .unwrap_or(&at[0]);
    let rel = match m {
        Measure::Share => {
            let d = value - v;
            let n = format_number(d.abs(), 1, lang);
            (n != format_number(0.0, 1, lang)).then(|| {
                let pp = w(lang, "prosentpoeng", "prosentpoeng", "percentage points");
                (format!("{n} {pp}"), d > 0.0)
            })
        }
        _ if *v > 0.0 => {
            let pct = (value / v - 1.0) * 100.0;
            let n = format_number(pct.abs(), 0, lang);
            (n != "0").then(|| (format!("{n} %"), pct > 0.0))
        }
        _ => return out,
    };
    let name = &s.name;
    out.push(match (rel, lang) {
        (None, Lang::Nb) => format!("{name} lå på nivå med {against}."),
        (None, Lang::Nn) => format!("{name} låg på nivå med {against}."),
        (None, Lang::En) => format!("{name} was level with {against}."),
        (Some((d, up)), _) => {
            let side = match (up, lang) {
                (true, Lang::En) => "above",
                (false, Lang::En) => "below",
                (true, _) => "over",
                (false, _) => "under",
            };
            match lang {
                Lang::Nb => format!("{name} lå {d} {side} {against}."),
                Lang::Nn => format!("{name} låg {d} {side} {against}."),
                Lang::En => format!("{name} was {d} {side} {against}."),
            }
        }
    });
    out
}

/// What to keep in mind: breaks and notes, years without a number and
/// why, a service's years without all members, an unrevised latest year,
/// demonstration figures.
fn caveats(s: &Series, subject: &Subject, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    // Breaks and notes by name; what each is stands under the table.
    let named = |kind: Kind| -> Vec<String> {
        s.shown
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| format!("{} ({})", e.period, e.label.get(lang)))
            .collect()
    };
    let (breaks, notes) = (named(Kind::Break), named(Kind::Note));
    if !breaks.is_empty() {
        let b = and_list(&breaks, lang);
        out.push(match lang {
            Lang::Nb => format!("Serien har brudd i {b}; se under tabellen."),
            Lang::Nn => format!("Serien har brot i {b}; sjå under tabellen."),
            Lang::En => format!("The series breaks in {b}; see below the table."),
        });
    }
    if !notes.is_empty() {
        let n = and_list(&notes, lang);
        out.push(match lang {
            Lang::Nb => format!("Merk {n}; se under tabellen."),
            Lang::Nn => format!("Merk {n}; sjå under tabellen."),
            Lang::En => format!("Note {n}; see below the table."),
        });
    }
    // Years without a number, grouped by why: after the first with one,
    // or every year when none has.
    let first = s.rows.iter().position(|r| r.value.is_some());
    let mut missing: Vec<(String, Vec<String>)> = Vec::new();
    if matches!(subject, Subject::Municipality(_)) {
        for r in s.rows.iter().skip(first.unwrap_or(0)) {
            if r.value.is_none() {
                match missing.iter_mut().find(|(why, _)| *why == r.note) {
                    Some((_, ps)) => ps.push(r.period.clone()),
                    None => missing.push((r.note.clone(), vec![r.period.clone()])),
                }
            }
        }
    }
    for (why, periods) in missing {
        let ps = and_list(&periods, lang);
        out.push(match lang {
            Lang::Nb => format!("Ingen tall for {ps}: {why}."),
            Lang::Nn => format!("Ingen tal for {ps}: {why}."),
            Lang::En => format!("No figures for {ps}: {why}."),
        });
    }
    let partial: Vec<String> = s
        .combined
        .iter()
        .filter(|(_, c)| c.value.is_some() && !c.is_complete())
        .map(|(p, c)| format!("{p} ({})", c.coverage(lang)))
        .collect();
    if !partial.is_empty() {
        let ps = partial.join(", ");
        out.push(match lang {
            Lang::Nb => format!("Ikke alle kommunene har tall for {ps}; tallet er regnet av dem som har."),
            Lang::Nn => format!("Ikkje alle kommunane har tal for {ps}; talet er rekna av dei som har."),
            Lang::En => format!("Not every municipality has figures for {ps}; the figure is computed from those that do."),
        });
    }
    if s.meta.release == Some(crate::model::Release::Unrevised) {
        out.push(format!("{}.", s.meta.release.unwrap().text(lang)));
    }
    if s.meta.demo {
        out.push(format!("{}.", T::DemoLabel.get(lang)));
    }
    out
}

//! The printout of a cooperation scenario: every indicator's key figure in
//! one table — one row per area (the combined service, each member, then
//! every county and region any indicator has), one column per indicator —
//! with coverage, the members left out and the sources as notes, so that a
//! scenario of any size fits on one page.

use crate::aggregate::{computed_label, Rule};
use crate::cooperation::{combined_name, Figures, RowKind};
use crate::i18n::{Lang, T};
use crate::model::IndicatorMeta;
use crate::registry::Registry;

use super::left_out_lines;

/// One indicator of the printout: its metadata, where its figures come
/// from, and the scenario's figures.
pub struct PrintColumn<'a> {
    pub meta: &'a IndicatorMeta,
    /// The file or request (the source line's last part).
    pub file: String,
    pub figures: Figures,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PrintTable {
    /// One heading per indicator: "Title (unit), period".
    pub head: Vec<String>,
    pub rows: Vec<PrintRow>,
    /// The decimals of each column.
    pub decimals: Vec<u8>,
    pub notes: Vec<String>,
    /// Whether any column holds demonstration figures.
    pub demo: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PrintRow {
    pub area: String,
    /// The combined service's row (computed).
    pub combined: bool,
    pub cells: Vec<Option<f64>>,
}

pub fn print_table(columns: &[PrintColumn], registry: &Registry, lang: Lang) -> PrintTable {
    let combined = format!("{} ({})", combined_name(lang), computed_label(lang));
    let mut areas: Vec<String> = vec![combined.clone()];
    for c in columns {
        for r in c
            .figures
            .rows
            .iter()
            .filter(|r| r.kind != RowKind::Combined)
        {
            if !areas.contains(&r.name) {
                areas.push(r.name.clone());
            }
        }
    }
    let mut notes = Vec::new();
    for c in columns {
        let (title, f) = (c.meta.title.get(lang), &c.figures);
        let coverage = if f.rule == Rule::NotCombinable {
            T::NotCombinable.get(lang).to_string()
        } else {
            format!("{}: {}", T::Coverage.get(lang), f.combined.coverage(lang))
        };
        notes.push(format!("{title}: {coverage}"));
        for l in left_out_lines(&f.combined, registry, lang) {
            notes.push(format!("{title}: {l}"));
        }
        notes.push(format!(
            "{}: {} · {}",
            T::Source.get(lang),
            c.meta.source.as_deref().unwrap_or_default(),
            c.file
        ));
    }
    let rows = areas
        .into_iter()
        .map(|area| {
            let is_combined = area == combined;
            let cells = columns
                .iter()
                .map(|c| match is_combined {
                    true => c.figures.combined.value,
                    false => c
                        .figures
                        .rows
                        .iter()
                        .find(|r| r.name == area)
                        .and_then(|r| r.value),
                })
                .collect();
            PrintRow {
                area,
                combined: is_combined,
                cells,
            }
        })
        .collect();
    PrintTable {
        head: columns
            .iter()
            .map(|c| {
                format!(
                    "{} ({}), {}",
                    c.meta.title.get(lang),
                    c.meta.unit.get(lang),
                    c.figures.period
                )
            })
            .collect(),
        rows,
        decimals: columns.iter().map(|c| c.meta.decimals).collect(),
        notes,
        demo: columns.iter().any(|c| c.meta.demo),
    }
}

//! A whole page's figures as one file: every indicator × area × period the
//! page draws on (a region dashboard: the region computed, its members,
//! its comparison lines; a profile: the municipality and its comparisons;
//! a scenario: the combined service, its members, their counties), one
//! row each, in long ("tidy") form.

use crate::aggregate::{Combined, Part};
use crate::i18n::{Lang, T};
use crate::model::Dataset;
use crate::model::IndicatorMeta;
use crate::present::{municipality_series, part_note, Line};
use crate::registry::Registry;

use super::{about, symbol_meaning, text, Csv, Dialect};

/// One area's figures over time.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub area: String,
    /// The region code (municipality number, county), or "" for a computed area.
    pub code: String,
    pub points: Vec<Point>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub period: String,
    pub value: Option<f64>,
    /// Without a number: SSB's symbol, or "–".
    pub symbol: String,
    /// Coverage of a computed figure, or why there is no number.
    pub note: String,
}

/// One indicator of the page with every area it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub meta: IndicatorMeta,
    pub file: String,
    pub series: Vec<Series>,
}

/// A computed figure (a region, a combined service) with its coverage.
pub fn computed(area: String, series: &[(String, Combined)], lang: Lang) -> Series {
    Series {
        area,
        code: String::new(),
        points: series
            .iter()
            .map(|(p, c)| Point {
                period: p.clone(),
                value: c.value,
                symbol: "–".into(),
                note: c.coverage(lang),
            })
            .collect(),
    }
}

/// A municipality's own figures; a period without a number says why.
pub fn municipality(area: String, code: String, parts: &[(String, Part)], lang: Lang) -> Series {
    Series {
        area,
        code,
        points: parts
            .iter()
            .map(|(p, part)| Point {
                period: p.clone(),
                value: part.value,
                symbol: part.status.as_ref().map_or("–", |s| s.symbol()).into(),
                note: part_note(part, lang),
            })
            .collect(),
    }
}

/// Each of `members` (registry indices) with its own figures.
pub fn members(ds: &Dataset, registry: &Registry, members: &[usize], lang: Lang) -> Vec<Series> {
    members
        .iter()
        .map(|&i| {
            let m = &registry.municipalities[i];
            let parts = municipality_series(ds, registry, i);
            municipality(m.name.clone(), m.id.clone(), &parts, lang)
        })
        .collect()
}

/// A comparison line as drawn.
pub fn line((name, points): &Line) -> Series {
    Series {
        area: name.clone(),
        code: String::new(),
        points: points
            .iter()
            .map(|(p, v)| Point {
                period: p.clone(),
                value: *v,
                symbol: "–".into(),
                note: String::new(),
            })
            .collect(),
    }
}

/// The page's file: what it is (`title`), the demonstration label when
/// any figure is made up, each indicator's unit, source, file, dates and
/// notes, what the symbols mean; then one row per indicator × area ×
/// period: indicator, area, code, period, value, note, unit.
pub fn page_csv(title: &str, blocks: &[Block], d: Dialect, lang: Lang) -> String {
    let mut w = Csv::new(d);
    w.about(title);
    if blocks.iter().any(|b| b.meta.demo) {
        w.about(T::DemoLabel.get(lang));
    }
    let mut symbols: Vec<&str> = Vec::new();
    for b in blocks {
        let name = b.meta.title.get(lang);
        for line in about(&b.meta, &b.file, lang) {
            if line != T::DemoLabel.get(lang) {
                w.about(&format!("{name} – {line}"));
            }
        }
        for p in b.series.iter().flat_map(|s| &s.points) {
            if p.value.is_none() && !symbols.contains(&p.symbol.as_str()) {
                symbols.push(&p.symbol);
            }
        }
    }
    for s in symbols {
        w.about(&symbol_meaning(s, lang));
    }
    w.blank();
    let head = [
        T::Indicator,
        T::Area,
        T::Code,
        T::Period,
        T::Value,
        T::Note,
        T::Unit,
    ];
    w.row(&head.map(|t| t.get(lang).to_string()));
    for b in blocks {
        let (name, unit) = (text(b.meta.title.get(lang)), text(b.meta.unit.get(lang)));
        for s in &b.series {
            for p in &s.points {
                let value = match p.value {
                    Some(v) => w.number(v, b.meta.decimals),
                    None => text(&p.symbol),
                };
                w.row(&[
                    name.clone(),
                    text(&s.area),
                    text(&s.code),
                    text(&p.period),
                    value,
                    text(&p.note),
                    unit.clone(),
                ]);
            }
        }
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::I18nText;

    #[test]
    fn each_member_with_its_own_figures() {
        let reg = Registry::bundled();
        let src = r#"{"format": "innsyn-indicator/1", "id": "b", "title": "B", "description": "d", "unit": "u", "source": "S",
            "values": [{"region": "0403", "period": "2019", "value": 4}, {"region": "3403", "period": "2020", "value": null, "status": ":"},
                       {"region": "3401", "period": "2020", "value": 7}]}"#;
        let ds = crate::read::read_str(src, &reg).unwrap().datasets.remove(0);
        let at = |id: &str| reg.municipalities.iter().position(|m| m.id == id).unwrap();
        let list = members(&ds, &reg, &[at("3403"), at("3401")], Lang::Nb);
        let got: Vec<(&str, &str, Vec<(&str, Option<f64>, &str)>)> = list
            .iter()
            .map(|s| {
                let pts = s
                    .points
                    .iter()
                    .map(|p| (p.period.as_str(), p.value, p.symbol.as_str()))
                    .collect();
                (s.area.as_str(), s.code.as_str(), pts)
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Hamar",
                    "3403",
                    vec![("2019", Some(4.0), "–"), ("2020", None, ":")]
                ),
                (
                    "Kongsvinger",
                    "3401",
                    vec![("2019", None, "–"), ("2020", Some(7.0), "–")]
                ),
            ]
        );
    }

    #[test]
    fn one_row_per_indicator_area_and_period() {
        let meta = IndicatorMeta {
            title: I18nText::plain("Barn med tiltak"),
            unit: I18nText::plain("per 1000 barn"),
            decimals: 1,
            demo: true,
            ..Default::default()
        };
        let block = Block {
            meta,
            file: "data/demo/x.json".into(),
            series: vec![
                line(&(
                    "Hedmark (beregnet)".into(),
                    vec![("2023".into(), Some(40.04)), ("2024".into(), None)],
                )),
                Series {
                    area: "Våler".into(),
                    code: "3419".into(),
                    points: vec![Point {
                        period: "2024".into(),
                        value: None,
                        symbol: ":".into(),
                        note: "skjult".into(),
                    }],
                },
            ],
        };
        let s = page_csv("Hedmark", &[block], Dialect::Excel, Lang::Nb);
        let lines: Vec<&str> = s.split("\r\n").collect();
        assert_eq!(lines[0], "\u{feff}Hedmark");
        assert_eq!(lines[1], "Fiktive tall – kun til demonstrasjon");
        assert!(
            lines.contains(&"Barn med tiltak – Enhet: per 1000 barn"),
            "{lines:?}"
        );
        // Each symbol shown instead of a number explained once; a number
        // has none.
        let meanings: Vec<&str> = lines
            .iter()
            .filter(|l| l.contains(" = "))
            .copied()
            .collect();
        assert_eq!(meanings.len(), 2, "{meanings:?}");
        assert!(meanings[0].starts_with("– = "), "{meanings:?}");
        assert!(meanings[1].starts_with(": = Tall kan ikke offentliggjøres"));
        let head = lines
            .iter()
            .position(|l| *l == "Indikator;Område;Kode;Periode;Verdi;Merknad;Enhet")
            .unwrap();
        assert_eq!(
            &lines[head + 1..head + 4],
            [
                "Barn med tiltak;Hedmark (beregnet);;2023;40,0;;per 1000 barn",
                "Barn med tiltak;Hedmark (beregnet);;2024;–;;per 1000 barn",
                "Barn med tiltak;Våler;3419;2024;:;skjult;per 1000 barn",
            ]
        );
    }
}

//! A figure over time as the reader sees it beside its line chart: the
//! sentence that says what the chart shows (its text alternative), and the
//! table with one row per period. The same for a computed figure (a region,
//! a combined service: the note is its coverage) and for one municipality
//! (the note says why a period has no number).

use crate::aggregate::{Combined, Part};
use crate::i18n::{format_number, Lang, T};
use crate::model::Direction;

use super::{reason, Line};

/// One period of a figure's table.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesRow {
    pub period: String,
    pub value: Option<f64>,
    /// What the value cell shows when there is no number: SSB's symbol, or "–".
    pub symbol: String,
    /// Coverage ("21 av 22 kommuner") or why there is no number.
    pub note: String,
    /// The comparison lines' values in this period, in their order.
    pub others: Vec<Option<f64>>,
}

fn others_at(others: &[Line], i: usize) -> Vec<Option<f64>> {
    others
        .iter()
        .map(|(_, s)| s.get(i).and_then(|x| x.1))
        .collect()
}

/// The rows of a computed figure (a region, a combined service): the note
/// is its coverage in that period.
pub fn computed_rows(series: &[(String, Combined)], others: &[Line], lang: Lang) -> Vec<SeriesRow> {
    series
        .iter()
        .enumerate()
        .map(|(i, (p, c))| SeriesRow {
            period: p.clone(),
            value: c.value,
            symbol: "–".into(),
            note: c.coverage(lang),
            others: others_at(others, i),
        })
        .collect()
}

/// The rows of one municipality's own figures: a period without a number
/// shows SSB's symbol and says why.
pub fn municipality_rows(parts: &[(String, Part)], others: &[Line], lang: Lang) -> Vec<SeriesRow> {
    parts
        .iter()
        .enumerate()
        .map(|(i, (p, part))| SeriesRow {
            period: p.clone(),
            value: part.value,
            symbol: part.status.as_ref().map_or("–", |s| s.symbol()).to_string(),
            note: part_note(part, lang),
            others: others_at(others, i),
        })
        .collect()
}

/// What a municipality's period says beside its number: why it has none,
/// or what its status means (a provisional figure), or nothing.
pub fn part_note(part: &Part, lang: Lang) -> String {
    match (part.value, &part.status) {
        (None, s) => reason(s.as_ref(), lang),
        (Some(_), Some(s)) => s.meaning(lang),
        (Some(_), None) => String::new(),
    }
}

/// The text alternative of a line chart: its span, first and last value,
/// and what it is compared with. "Linjediagram, 2017–2024: fra 48,2 til
/// 52,0 per 1000 barn. Tabellen viser alle år. Sammenlignet med: …". A
/// figure with one year only is no line: its value and the comparisons'
/// values that year, "2018: 376 barn. Sammenlignet med: Hedmark 2 073.".
pub fn trend_sentence(
    points: &[(String, Option<f64>)],
    others: &[Line],
    decimals: u8,
    unit: &str,
    lang: Lang,
) -> String {
    let mut with = points.iter().filter_map(|(p, v)| v.map(|v| (p, v)));
    let first = with.next();
    let last = with.last();
    let num = |v| format_number(v, decimals, lang);
    let mut s = match (first, last) {
        (Some((p0, v0)), Some((p1, v1))) => {
            let (v0, v1) = (num(v0), num(v1));
            match lang {
                Lang::Nb => format!(
                    "Linjediagram, {p0}–{p1}: fra {v0} til {v1} {unit}. Tabellen viser alle år."
                ),
                Lang::Nn => format!(
                    "Linjediagram, {p0}–{p1}: frå {v0} til {v1} {unit}. Tabellen viser alle år."
                ),
                Lang::En => format!(
                    "Line chart, {p0}–{p1}: from {v0} to {v1} {unit}. The table shows every year."
                ),
            }
        }
        (Some((p, v)), None) => format!("{p}: {} {unit}.", num(v)),
        _ => T::NoFigure.get(lang).to_string(),
    };
    let single = first.filter(|_| points.iter().filter(|p| p.1.is_some()).count() == 1);
    let names: Vec<String> = others
        .iter()
        .map(|(n, line)| {
            let at = single.and_then(|(p, _)| line.iter().find(|(q, _)| q == p)?.1);
            match at {
                Some(v) => format!("{n} {}", num(v)),
                None => n.clone(),
            }
        })
        .collect();
    if !names.is_empty() {
        s = format!("{s} {}: {}.", T::ComparedWith.get(lang), names.join(", "));
    }
    s
}

/// What a higher value means, in words.
pub fn direction(d: Direction) -> T {
    match d {
        Direction::HigherIsBetter => T::HigherBetter,
        Direction::HigherIsWorse => T::HigherWorse,
        Direction::Neither => T::HigherNeither,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::Status;

    fn pts(v: &[Option<f64>]) -> Vec<(String, Option<f64>)> {
        v.iter()
            .enumerate()
            .map(|(i, v)| ((2017 + i).to_string(), *v))
            .collect()
    }

    #[test]
    fn the_sentence_spans_the_first_and_last_value() {
        let p = pts(&[None, Some(48.25), None, Some(52.0), None]);
        assert_eq!(
            trend_sentence(&p, &[], 1, "per 1000 barn", Lang::Nb),
            "Linjediagram, 2018–2020: fra 48,3 til 52,0 per 1000 barn. Tabellen viser alle år."
        );
        let lines: Vec<Line> = vec![
            ("Hedmark (beregnet)".into(), pts(&[Some(1.0); 5])),
            ("Landet".into(), Vec::new()),
        ];
        assert_eq!(
            trend_sentence(&p, &lines, 1, "per 1000 barn", Lang::Nn),
            "Linjediagram, 2018–2020: frå 48,3 til 52,0 per 1000 barn. Tabellen viser alle år. Samanlikna med: Hedmark (beregnet), Landet."
        );
        assert!(trend_sentence(&p, &[], 0, "x", Lang::En)
            .starts_with("Line chart, 2018–2020: from 48 to 52 x."));
        // One year: a value with its comparisons that year, no line.
        let one = pts(&[None, Some(376.0)]);
        let county: Vec<Line> = vec![("Hedmark".into(), pts(&[None, Some(2073.0)]))];
        assert_eq!(
            trend_sentence(&one, &county, 0, "barn", Lang::Nb),
            "2018: 376 barn. Sammenlignet med: Hedmark 2\u{a0}073."
        );
        assert_eq!(
            trend_sentence(&pts(&[None]), &[], 0, "x", Lang::Nb),
            T::NoFigure.get(Lang::Nb)
        );
    }

    #[test]
    fn rows_carry_the_note_and_the_comparisons() {
        let others: Vec<Line> = vec![("Landet".into(), pts(&[Some(1.0), None]))];
        let parts = vec![
            (
                "2017".to_string(),
                Part {
                    value: Some(5.0),
                    ..Default::default()
                },
            ),
            (
                "2018".to_string(),
                Part {
                    status: Some(Status::Confidential),
                    ..Default::default()
                },
            ),
        ];
        let rows = municipality_rows(&parts, &others, Lang::Nb);
        assert_eq!(rows[0].others, vec![Some(1.0)]);
        assert_eq!((rows[0].value, rows[0].note.as_str()), (Some(5.0), ""));
        assert_eq!(rows[1].symbol, ":");
        assert_eq!(rows[1].note, Status::Confidential.meaning(Lang::Nb));
        assert_eq!(rows[1].others, vec![None]);
        let series = vec![(
            "2017".to_string(),
            Combined {
                value: Some(2.0),
                numerator: None,
                denominator: None,
                used: 3,
                total: 4,
                left_out: Vec::new(),
            },
        )];
        let rows = computed_rows(&series, &[], Lang::En);
        assert_eq!(
            (rows[0].note.as_str(), rows[0].symbol.as_str()),
            ("3 of 4 municipalities", "–")
        );
    }

    #[test]
    fn directions_in_words() {
        assert_eq!(
            direction(Direction::HigherIsWorse).get(Lang::Nb),
            "Lavere er bedre."
        );
    }
}

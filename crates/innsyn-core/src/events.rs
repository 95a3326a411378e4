//! What happened, as catalog data (`"events"`): a reform or a renumbering
//! that breaks a series, or a note on one municipality's figures. A chart
//! marks a break where its series crosses it; the figure's text and table
//! say what it was.
//!
//! An event names the period it starts in (a break lies between that
//! period and the one before), the indicators it concerns (none: all) and
//! the municipalities (none: every figure). A computed rate has the events
//! of its numerator in the same period, and those of its denominator in
//! the period that divides by it.

use crate::define::{DenominatorPeriod, IndicatorDef};
use crate::diag::Diags;
use crate::fields::{Need::*, Obj};
use crate::i18n::{Lang, T};
use crate::model::period_year;
use crate::model::I18nText;

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: String,
    /// The period it starts in ("2022").
    pub period: String,
    /// A break in the series (marked on charts), or a note on the figures.
    pub kind: Kind,
    /// Indicator ids it concerns; empty: all.
    pub indicators: Vec<String>,
    /// Municipality ids it concerns; empty: every figure.
    pub regions: Vec<String>,
    /// Short, for the chart's key: «Barnevernsreformen».
    pub label: I18nText,
    /// What happened and what it does to the figures.
    pub text: I18nText,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Break,
    Note,
}

impl Event {
    /// «2022 Barnevernsreformen: …».
    pub fn sentence(&self, lang: Lang) -> String {
        format!(
            "{} {}: {}",
            self.period,
            self.label.get(lang),
            self.text.get(lang)
        )
    }

    /// Whether it concerns figures of `region` (a municipality id), or —
    /// `None` — a computed figure of several.
    pub fn concerns(&self, region: Option<&str>) -> bool {
        match region {
            None => self.regions.is_empty(),
            Some(r) => self.regions.is_empty() || self.regions.iter().any(|x| x == r),
        }
    }
}

/// Reads the catalog's `"events": […]`.
pub fn parse(root: &Obj, d: &mut Diags) -> Vec<Event> {
    let mut out = Vec::new();
    for o in root.objs("events", Optional, d) {
        let id = o.string("id", Required, d);
        let period = o
            .string("period", Required, d)
            .filter(|p| period_year(p) > 0);
        if o.get("period").is_some() && period.is_none() {
            o.bad(
                "BAD_FIELD",
                "period",
                "et år, for eksempel \"2022\"",
                "a year, for example \"2022\"",
                d,
            );
        }
        let kind = match o.str("kind", Optional, d) {
            None | Some("break") => Kind::Break,
            Some("note") => Kind::Note,
            Some(_) => {
                o.bad(
                    "BAD_FIELD",
                    "kind",
                    "\"break\" eller \"note\"",
                    "\"break\" or \"note\"",
                    d,
                );
                Kind::Break
            }
        };
        let label = o.text("label", Required, d);
        let text = o.text("text", Required, d);
        if let (Some(id), Some(period), Some(label), Some(text)) = (id, period, label, text) {
            out.push(Event {
                id,
                period,
                kind,
                indicators: o.strs("indicators", Optional, d),
                regions: o.strs("regions", Optional, d),
                label,
                text,
            });
        }
    }
    out
}

/// The events of an indicator, each in the indicator's own periods: its
/// own, and for a computed rate its parts' (a denominator of the next
/// period moves them a year back). Once each, in period order.
pub fn events_for(events: &[Event], def: &IndicatorDef) -> Vec<Event> {
    let of = |id: &str| -> Vec<&Event> {
        events
            .iter()
            .filter(|e| e.indicators.is_empty() || e.indicators.iter().any(|i| i == id))
            .collect()
    };
    let mut out: Vec<Event> = of(&def.id).into_iter().cloned().collect();
    if let Some(r) = def.rate() {
        out.extend(of(&r.numerator).into_iter().cloned());
        let back = u16::from(r.denominator_period == DenominatorPeriod::Next);
        out.extend(of(&r.denominator).into_iter().map(|e| Event {
            period: (period_year(&e.period) - back).to_string(),
            ..e.clone()
        }));
    }
    let mut seen = Vec::new();
    out.retain(|e| {
        let new = !seen.contains(&e.id);
        seen.push(e.id.clone());
        new
    });
    out.sort_by(|a, b| a.period.cmp(&b.period));
    out
}

/// The events a series shows: those of `region` (or of a computed figure)
/// whose period is in the series, and — for a break — with a number on
/// both sides of it, so that the series crosses it.
pub fn shown<'a>(
    events: &'a [Event],
    points: &[(String, Option<f64>)],
    region: Option<&str>,
) -> Vec<&'a Event> {
    events
        .iter()
        .filter(|e| e.concerns(region))
        .filter(|e| {
            let at = points.iter().position(|(p, _)| *p == e.period);
            match (at, e.kind) {
                (None, _) => false,
                (Some(i), Kind::Break) => {
                    points[..i].iter().any(|p| p.1.is_some())
                        && points[i..].iter().any(|p| p.1.is_some())
                }
                (Some(i), Kind::Note) => points[i].1.is_some(),
            }
        })
        .collect()
}

/// The breaks among the events shown, in order: those a chart marks,
/// numbered from 1.
pub fn breaks<'a, 'b>(shown: &'b [&'a Event]) -> impl Iterator<Item = &'a Event> + 'b {
    shown.iter().copied().filter(|e| e.kind == Kind::Break)
}

/// Where on a series of `points` the breaks shown are (index of the
/// period each starts in), for the chart's marks.
pub fn break_positions(shown: &[&Event], points: &[(String, Option<f64>)]) -> Vec<usize> {
    breaks(shown)
        .filter_map(|e| points.iter().position(|(p, _)| *p == e.period))
        .collect()
}

/// The key to the chart's marks, for its text alternative: «Loddrette
/// streker: 1 = 2022 Barnevernsreformen.», or nothing without breaks.
pub fn breaks_key(shown: &[&Event], lang: Lang) -> Option<String> {
    let keyed: Vec<String> = breaks(shown)
        .enumerate()
        .map(|(i, e)| format!("{} = {} {}", i + 1, e.period, e.label.get(lang)))
        .collect();
    (!keyed.is_empty()).then(|| format!("{}: {}.", T::BreaksMarked.get(lang), keyed.join(", ")))
}

/// What each event shown is, under the chart: a break by its number on
/// it («1 = 2022 Barnevernsreformen: …»), a note as it is.
pub fn explained(shown: &[&Event], lang: Lang) -> Vec<String> {
    let mut n = 0;
    shown
        .iter()
        .map(|e| {
            let key = (e.kind == Kind::Break).then(|| {
                n += 1;
                format!("{n} = ")
            });
            format!("{}{}", key.unwrap_or_default(), e.sentence(lang))
        })
        .collect()
}

/// The note a table row of `period` carries for the events shown: their
/// labels, «Brudd: Barnevernsreformen».
pub fn row_note(events: &[&Event], period: &str, lang: Lang) -> Option<String> {
    let labels: Vec<&str> = events
        .iter()
        .filter(|e| e.period == period)
        .map(|e| e.label.get(lang))
        .collect();
    (!labels.is_empty()).then(|| labels.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> crate::catalog::Catalog {
        let src = r#"{"format": "innsyn-catalog/1",
            "indicators": [
                {"id": "kr", "url": "a.json"},
                {"id": "pop", "url": "b.json"},
                {"id": "per", "rate": {"numerator": "kr", "denominator": "pop", "per": 1000, "denominator_period": "next"}}
            ],
            "events": [
                {"id": "reform", "period": "2022", "indicators": ["kr"], "label": "Reform", "text": "Mer ansvar."},
                {"id": "nr", "period": "2020", "label": "Nye numre", "text": "Alle fikk nye numre."},
                {"id": "etnedal", "period": "2026", "kind": "note", "indicators": ["pop"], "regions": ["3450"], "label": "Flere innbyggere", "text": "Et mottak."},
                {"id": "bad", "period": "snart", "label": "x", "text": "y"}
            ]}"#;
        let (cat, diags) = crate::catalog::parse(src, "k/catalog.json").unwrap();
        let codes: Vec<(&str, &str)> = diags.iter().map(|d| (d.code, d.path.as_str())).collect();
        assert_eq!(codes, [("BAD_FIELD", "$.events[3].period")]);
        cat
    }

    #[test]
    fn a_rate_has_its_parts_events_in_its_own_periods() {
        let cat = catalog();
        let ids = |id: &str| -> Vec<(String, String)> {
            events_for(&cat.events, cat.indicator(id).unwrap())
                .into_iter()
                .map(|e| (e.id, e.period))
                .collect()
        };
        let s = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(ids("kr"), [s("nr", "2020"), s("reform", "2022")]);
        assert_eq!(ids("pop"), [s("nr", "2020"), s("etnedal", "2026")]);
        // Kroner of 2025 per inhabitant on 1 January 2026; the renumbering
        // once, from the numerator.
        assert_eq!(
            ids("per"),
            [s("nr", "2020"), s("reform", "2022"), s("etnedal", "2025")]
        );
    }

    #[test]
    fn a_break_is_shown_where_the_series_crosses_it() {
        let cat = catalog();
        let ev = events_for(&cat.events, cat.indicator("per").unwrap());
        let pts = |v: &[Option<f64>]| -> Vec<(String, Option<f64>)> {
            v.iter()
                .enumerate()
                .map(|(i, v)| ((2019 + i).to_string(), *v))
                .collect()
        };
        let ids = |shown: Vec<&Event>| shown.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        let all = pts(&[Some(1.0); 7]);
        assert_eq!(ids(shown(&ev, &all, None)), ["nr", "reform"]);
        assert_eq!(
            ids(shown(&ev, &all, Some("3450"))),
            ["nr", "reform", "etnedal"]
        );
        assert_eq!(ids(shown(&ev, &all, Some("3401"))), ["nr", "reform"]);
        // Nothing before 2022: the series does not cross the reform.
        let late = pts(&[None, None, None, Some(1.0), Some(1.0)]);
        assert!(shown(&ev, &late, None).is_empty());
        let shown_all = shown(&ev, &all, None);
        assert_eq!(
            row_note(&shown_all, "2022", Lang::Nb).as_deref(),
            Some("Reform")
        );
        assert_eq!(row_note(&shown_all, "2021", Lang::Nb), None);
        // The chart marks the breaks by number; its text says which is which.
        assert_eq!(break_positions(&shown_all, &all), [1, 3]);
        assert_eq!(
            breaks_key(&shown_all, Lang::Nb).as_deref(),
            Some("Loddrette streker: 1 = 2020 Nye numre, 2 = 2022 Reform.")
        );
        let with_note = shown(&ev, &all, Some("3450"));
        assert_eq!(
            explained(&with_note, Lang::Nb),
            [
                "1 = 2020 Nye numre: Alle fikk nye numre.",
                "2 = 2022 Reform: Mer ansvar.",
                "2025 Flere innbyggere: Et mottak."
            ]
        );
        assert_eq!(breaks_key(&shown(&ev, &late, None), Lang::Nb), None);
    }

    #[test]
    fn an_event_is_told_with_its_period_label_and_text() {
        let cat = catalog();
        let reform = cat.events.iter().find(|e| e.id == "reform").unwrap();
        assert_eq!(reform.sentence(Lang::Nb), "2022 Reform: Mer ansvar.");
    }
}

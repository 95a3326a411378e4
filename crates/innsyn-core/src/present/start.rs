//! The start page's sentence: what the municipalities spent in the latest
//! year, per child, and how that changed since the first year in fixed
//! prices — one sentence a councillor can repeat, computed from the
//! members (a sum, and sum/sum per child), never averaged.

use crate::aggregate::Rule;
use crate::i18n::{format_number, Lang};
use crate::model::Dataset;
use crate::prices::{growth, Growth, PriceIndex};
use crate::registry::Registry;

use super::{group_series, values};

/// What the municipalities of the registry spent: the latest year's total
/// (kroner), per child, and the growth since the first year.
#[derive(Debug, Clone, PartialEq)]
pub struct Spending {
    pub period: String,
    /// Kroner (the spending indicator's 1 000 kr × 1 000).
    pub total: f64,
    /// Municipalities in the total, and all of them.
    pub used: usize,
    pub members: usize,
    /// Kroner per child in the same year, when the per-child figure has it.
    pub per_child: Option<f64>,
    pub growth: Option<Growth>,
}

/// The spending of every municipality of the registry, from the spending
/// indicator (1 000 kr, summed) and the per-child indicator (kroner per
/// child, sum/sum), with the growth by `index` — the index the spending
/// cube is in when it is in fixed prices ([`crate::prices::fixed`]), else
/// the one to state fixed-price growth by.
pub fn spending(
    total: &Dataset,
    per_child: Option<&Dataset>,
    registry: &Registry,
    index: Option<&PriceIndex>,
) -> Option<Spending> {
    let all: Vec<usize> = (0..registry.municipalities.len()).collect();
    let series = group_series(total, registry, Rule::Sum, &|_| all.clone());
    let (period, latest) = series.iter().rev().find(|(_, c)| c.value.is_some())?;
    let per_child = per_child.and_then(|ds| {
        let rule = ds.meta.as_ref()?.rule();
        let s = group_series(ds, registry, rule, &|_| all.clone());
        s.into_iter().find(|(p, _)| p == period)?.1.value
    });
    Some(Spending {
        period: period.clone(),
        total: latest.value? * 1000.0,
        used: latest.used,
        members: latest.total,
        per_child,
        growth: index.and_then(|i| {
            let fixed = total.meta.as_ref().is_some_and(|m| m.fixed.is_some());
            growth(&values(&series), i, fixed)
        }),
    })
}

/// An amount of kroner in words: «1,36 milliarder kroner», «215,4
/// millioner kroner», «19 600 kroner» (three significant figures, at most
/// to the hundred).
pub fn kroner(v: f64, lang: Lang) -> String {
    let (scale, nb, nn, en) = if v >= 1e9 {
        (
            1e9,
            "milliarder kroner",
            "milliardar kroner",
            "billion kroner",
        )
    } else if v >= 1e6 {
        (
            1e6,
            "millioner kroner",
            "millionar kroner",
            "million kroner",
        )
    } else {
        (1.0, "kroner", "kroner", "kroner")
    };
    let x = v / scale;
    let text = if scale > 1.0 {
        let decimals = if x >= 100.0 {
            0
        } else if x >= 10.0 {
            1
        } else {
            2
        };
        format_number(x, decimals, lang)
    } else {
        format_number((x / 100.0).round() * 100.0, 0, lang)
    };
    let unit = match lang {
        Lang::Nb => nb,
        Lang::Nn => nn,
        Lang::En => en,
    };
    format!("{text} {unit}")
}

/// «29 % mer», «29 % meir», «4 % less».
fn more(v: f64, lang: Lang) -> &'static str {
    match (v >= 0.0, lang) {
        (true, Lang::Nb) => "% mer",
        (true, Lang::Nn) => "% meir",
        (true, Lang::En) => "% more",
        (false, Lang::En) => "% less",
        (false, _) => "% mindre",
    }
}

impl Spending {
    /// «I 2025 brukte de 48 kommunene 1,36 milliarder kroner netto på
    /// barnevern, 19 600 kroner per barn 0–17 år. Det er 29 % mer enn i 2015
    /// i faste kroner (kommunal deflator), 85 % mer i løpende kroner.»
    pub fn sentence(&self, index: Option<&PriceIndex>, lang: Lang) -> String {
        let (p, n, total) = (&self.period, self.members, kroner(self.total, lang));
        let mut s = match lang {
            Lang::Nb => format!("I {p} brukte de {n} kommunene {total} netto på barnevern"),
            Lang::Nn => format!("I {p} brukte dei {n} kommunane {total} netto på barnevern"),
            Lang::En => format!("In {p} the {n} municipalities spent {total} net on child welfare"),
        };
        if self.used < self.members {
            s.push_str(&match lang {
                Lang::Nb => format!(" (tall for {} av dem)", self.used),
                Lang::Nn => format!(" (tal for {} av dei)", self.used),
                Lang::En => format!(" (figures for {} of them)", self.used),
            });
        }
        if let Some(c) = self.per_child {
            let c = kroner(c, lang);
            s.push_str(&match lang {
                Lang::Nb => format!(", {c} per barn 0–17 år"),
                Lang::Nn => format!(", {c} per barn 0–17 år"),
                Lang::En => format!(", {c} per child aged 0–17"),
            });
        }
        s.push('.');
        if let (Some(g), Some(i)) = (&self.growth, index) {
            s.push(' ');
            s.push_str(&growth_sentence(g, i, lang));
        }
        s
    }
}

/// Growth in words, fixed prices first: «Det er 29 % mer enn i 2015 i
/// faste kroner (kommunal deflator), 85 % mer i løpende kroner.»
pub fn growth_sentence(g: &Growth, index: &PriceIndex, lang: Lang) -> String {
    let pct = |v: f64| format!("{} {}", format_number(v.abs(), 0, lang), more(v, lang));
    let (from, cur) = (&g.from, pct(g.current));
    let name = index.name.get(lang);
    match (g.fixed.map(pct), lang) {
        (Some(f), Lang::Nb) => {
            format!("Det er {f} enn i {from} i faste kroner ({name}), {cur} i løpende kroner.")
        }
        (Some(f), Lang::Nn) => {
            format!("Det er {f} enn i {from} i faste kroner ({name}), {cur} i løpande kroner.")
        }
        (Some(f), Lang::En) => {
            format!("That is {f} than in {from} in fixed kroner ({name}), {cur} in current kroner.")
        }
        (None, Lang::Nb) => format!("Det er {cur} enn i {from} i løpende kroner."),
        (None, Lang::Nn) => format!("Det er {cur} enn i {from} i løpande kroner."),
        (None, Lang::En) => format!("That is {cur} than in {from} in current kroner."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::I18nText;

    #[test]
    fn amounts_in_words() {
        assert_eq!(kroner(1_363_443_000.0, Lang::Nb), "1,36 milliarder kroner");
        assert_eq!(kroner(215_400_000.0, Lang::Nn), "215 millionar kroner");
        assert_eq!(kroner(19_649.0, Lang::Nb), "19\u{a0}600 kroner");
        assert_eq!(kroner(19_650.0, Lang::En), "19,700 kroner");
    }

    #[test]
    fn the_sentence_says_total_per_child_and_growth() {
        let index = PriceIndex::from_levels(
            "d",
            I18nText::plain("kommunal deflator"),
            "FIN",
            vec![(2015, 72.6), (2016, 80.0), (2025, 104.7)],
        );
        let s = Spending {
            period: "2025".into(),
            total: 1_363_443_000.0,
            used: 48,
            members: 48,
            per_child: Some(19_649.0),
            growth: Some(Growth {
                from: "2015".into(),
                to: "2025".into(),
                current: 85.4,
                fixed: Some(28.6),
            }),
        };
        assert_eq!(
            s.sentence(Some(&index), Lang::Nb),
            "I 2025 brukte de 48 kommunene 1,36 milliarder kroner netto på barnevern, 19\u{a0}600 kroner per barn 0–17 år. \
             Det er 29 % mer enn i 2015 i faste kroner (kommunal deflator), 85 % mer i løpende kroner."
        );
        let partial = Spending {
            used: 47,
            per_child: None,
            growth: None,
            ..s
        };
        assert_eq!(
            partial.sentence(None, Lang::En),
            "In 2025 the 48 municipalities spent 1.36 billion kroner net on child welfare (figures for 47 of them)."
        );
    }
}

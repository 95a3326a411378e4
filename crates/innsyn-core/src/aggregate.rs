//! Combining regions honestly: counts are summed, rates are
//! sum(numerators) / sum(denominators), and nothing is ever a mean of member
//! rates. A member without a usable figure is left out *and named*, with its
//! reason, so every combined figure carries its coverage ("21 av 22").

use crate::i18n::Lang;
use crate::status::Status;

/// How an indicator combines across regions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rule {
    /// Counts: the sum of the members' values.
    Sum,
    /// Rates: sum(numerators) / sum(denominators) × `per`.
    Ratio { per: f64 },
    /// Cannot be combined (a median, an index, a rate without its parts).
    NotCombinable,
}

/// One member's figures for one period.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Part {
    pub region: String,
    pub value: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub status: Option<Status>,
}

/// Why a member is not in a combined figure.
#[derive(Debug, Clone, PartialEq)]
pub enum LeftOut {
    /// The cell has no number; the status says why (e.g. `:` suppressed).
    Status(Status),
    /// The cell has no number and the file gives no reason.
    Missing,
    /// A rate published without the numerator and denominator behind it.
    NoParts,
}

impl LeftOut {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            LeftOut::Status(s) => s.meaning(lang),
            LeftOut::Missing => crate::status::missing_without_reason(lang).to_string(),
            LeftOut::NoParts => match lang {
                Lang::Nb => "andelen er publisert uten teller og nevner".into(),
                Lang::Nn => "delen er publisert utan teljar og nemnar".into(),
                Lang::En => "the rate is published without numerator and denominator".into(),
            },
        }
    }
}

/// A figure computed from members.
#[derive(Debug, Clone, PartialEq)]
pub struct Combined {
    /// `None` when no member could be used, or the indicator cannot be combined.
    pub value: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    /// Members whose figures are in the value.
    pub used: usize,
    /// All members.
    pub total: usize,
    pub left_out: Vec<(String, LeftOut)>,
}

impl Combined {
    pub fn is_complete(&self) -> bool {
        self.value.is_some() && self.used == self.total
    }

    /// "21 av 22 kommuner", "21 of 22 municipalities".
    pub fn coverage(&self, lang: Lang) -> String {
        let (used, total) = (self.used, self.total);
        match lang {
            Lang::Nb => format!("{used} av {total} kommuner"),
            Lang::Nn => format!("{used} av {total} kommunar"),
            Lang::En => format!("{used} of {total} municipalities"),
        }
    }
}

/// The label every computed figure carries.
pub fn computed_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "beregnet",
        Lang::Nn => "berekna",
        Lang::En => "computed",
    }
}

fn reason(p: &Part) -> LeftOut {
    match &p.status {
        Some(s) if !s.has_value() => LeftOut::Status(s.clone()),
        _ => LeftOut::Missing,
    }
}

pub fn combine(rule: Rule, parts: &[Part]) -> Combined {
    let mut c = Combined {
        value: None,
        numerator: None,
        denominator: None,
        used: 0,
        total: parts.len(),
        left_out: Vec::new(),
    };
    match rule {
        Rule::NotCombinable => {}
        Rule::Sum => {
            let mut sum = 0.0;
            for p in parts {
                match p.value {
                    Some(v) => {
                        sum += v;
                        c.used += 1;
                    }
                    None => c.left_out.push((p.region.clone(), reason(p))),
                }
            }
            c.value = (c.used > 0).then_some(sum);
        }
        Rule::Ratio { per } => {
            let (mut num, mut den) = (0.0, 0.0);
            for p in parts {
                match (p.numerator, p.denominator) {
                    (Some(n), Some(d))
                        if p.value.is_some() || p.status.as_ref().is_none_or(Status::has_value) =>
                    {
                        num += n;
                        den += d;
                        c.used += 1;
                    }
                    _ if p.value.is_some() => c.left_out.push((p.region.clone(), LeftOut::NoParts)),
                    _ => c.left_out.push((p.region.clone(), reason(p))),
                }
            }
            if c.used > 0 {
                c.numerator = Some(num);
                c.denominator = Some(den);
                c.value = (den > 0.0).then(|| num / den * per);
            }
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(
        region: &str,
        value: Option<f64>,
        num: Option<f64>,
        den: Option<f64>,
        status: Option<Status>,
    ) -> Part {
        Part {
            region: region.into(),
            value,
            numerator: num,
            denominator: den,
            status,
        }
    }

    #[test]
    fn rates_are_sum_over_sum_never_a_mean_of_rates() {
        // A small and a large municipality: the mean of rates would be 30.
        let parts = [
            part("a", Some(50.0), Some(5.0), Some(100.0), None),
            part("b", Some(10.0), Some(10.0), Some(1000.0), None),
        ];
        let c = combine(Rule::Ratio { per: 1000.0 }, &parts);
        assert_eq!(c.value, Some(15.0 / 1100.0 * 1000.0));
        assert!(c.is_complete());
    }

    #[test]
    fn suppressed_members_are_named_not_dropped_silently() {
        let parts = [
            part("a", Some(5.0), None, None, None),
            part("b", None, None, None, Some(Status::Confidential)),
            part("c", None, None, None, None),
        ];
        let c = combine(Rule::Sum, &parts);
        assert_eq!((c.value, c.used, c.total), (Some(5.0), 1, 3));
        assert_eq!(
            c.left_out,
            vec![
                ("b".into(), LeftOut::Status(Status::Confidential)),
                ("c".into(), LeftOut::Missing)
            ]
        );
        assert_eq!(c.coverage(Lang::Nb), "1 av 3 kommuner");
        assert!(!c.is_complete());
    }

    #[test]
    fn a_member_is_left_out_with_the_reason_its_status_gives() {
        // A status that still carries a number (provisional) gives no
        // reason for a gap: the gap has none.
        let parts = [
            part("a", None, None, None, Some(Status::Provisional)),
            part("b", None, None, None, Some(Status::NotAvailable)),
        ];
        let c = combine(Rule::Sum, &parts);
        assert_eq!(
            c.left_out,
            vec![
                ("a".into(), LeftOut::Missing),
                ("b".into(), LeftOut::Status(Status::NotAvailable))
            ]
        );
        assert_eq!((c.value, c.used), (None, 0));
    }

    #[test]
    fn a_rate_combines_the_members_with_both_parts() {
        let per = Rule::Ratio { per: 100.0 };
        // Parts without the rate's own cell count, unless a status says
        // the cell may not be used (suppressed).
        let c = combine(
            per,
            &[
                part("a", None, Some(1.0), Some(10.0), None),
                part("b", None, Some(2.0), Some(10.0), Some(Status::Confidential)),
                part(
                    "c",
                    Some(30.0),
                    Some(3.0),
                    Some(10.0),
                    Some(Status::Confidential),
                ),
                part("d", None, None, None, Some(Status::Confidential)),
            ],
        );
        assert_eq!(
            (c.numerator, c.denominator, c.used, c.total),
            (Some(4.0), Some(20.0), 2, 4)
        );
        assert_eq!(c.value, Some(20.0));
        assert_eq!(
            c.left_out,
            vec![
                ("b".into(), LeftOut::Status(Status::Confidential)),
                ("d".into(), LeftOut::Status(Status::Confidential))
            ]
        );
        // No member used: no parts either, never 0 / 0.
        let none = combine(per, &[part("d", None, None, None, None)]);
        assert_eq!(
            (none.value, none.numerator, none.denominator),
            (None, None, None)
        );
        // Members whose denominators add up to 0: the parts, but no rate.
        let zero = combine(per, &[part("e", None, Some(0.0), Some(0.0), None)]);
        assert_eq!(
            (zero.value, zero.numerator, zero.denominator),
            (None, Some(0.0), Some(0.0))
        );
    }

    #[test]
    fn a_rate_without_its_parts_cannot_be_combined() {
        let parts = [
            part("a", Some(26.1), None, None, None),
            part("b", Some(31.0), None, None, None),
        ];
        let c = combine(Rule::Ratio { per: 1000.0 }, &parts);
        assert_eq!((c.value, c.used), (None, 0));
        assert!(c.left_out.iter().all(|(_, r)| *r == LeftOut::NoParts));
        assert_eq!(combine(Rule::NotCombinable, &parts).value, None);
    }
}

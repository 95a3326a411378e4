//! Demonstration series for the bundled catalog. Real KOSTRA figures for all
//! 48 municipalities and years are not in the project, so the bundled
//! dashboards show made-up but plausible numbers, marked `"demo": true` in
//! every file; the app labels every view that shows them.
//!
//! Deterministic: the same command writes the same bytes (a test checks that
//! the committed files are exactly what this writes).

use crate::file::{to_text, Indicator, Num, Observation, Rate, Source, Text};
use innsyn_core::registry::Registry;

pub const YEARS: std::ops::RangeInclusive<u16> = 2017..=2024;

/// A small deterministic hash → [0, 1).
fn noise(a: &str, b: u64) -> f64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ b.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    for byte in a.bytes() {
        h ^= byte as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    (h >> 11) as f64 / (1u64 << 53) as f64
}

/// One made-up municipality-year: the figures all demo indicators share.
struct Year {
    code: String,
    period: String,
    /// Not reported that year (status `..`).
    unreported: bool,
    children: f64,
    with_measures: f64,
    staff: f64,
}

fn model(reg: &Registry) -> Vec<Year> {
    let mut out = Vec::new();
    for m in &reg.municipalities {
        let size = 250.0 + 6500.0 * noise(&m.id, 1).powi(2);
        let level = 22.0 + 30.0 * noise(&m.id, 2);
        let trend = -1.5 + 3.5 * noise(&m.id, 3);
        let children_per_staff = 160.0 + 120.0 * noise(&m.id, 4);
        for (k, year) in YEARS.enumerate() {
            let children = (size * (1.0 - 0.008 * k as f64)).round();
            let rate =
                (level + trend * k as f64 + 6.0 * (noise(&m.id, 10 + k as u64) - 0.5)).max(5.0);
            let staff = ((children / children_per_staff * (1.0 + 0.02 * k as f64)) * 10.0)
                .round()
                .max(5.0)
                / 10.0;
            out.push(Year {
                code: m.code_in(year).to_string(),
                period: year.to_string(),
                unreported: noise(&m.id, 99) < 0.03 && year == 2019,
                children,
                with_measures: (children * rate / 1000.0).round(),
                staff,
            });
        }
    }
    out
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// An observation written as the demonstration files have it (`262.0`).
type Obs = Observation<f64>;

fn obs(y: &Year) -> Obs {
    Observation {
        denominator: None,
        numerator: None,
        period: y.period.clone(),
        region: y.code.clone(),
        status: None,
        value: None,
    }
}

/// The metadata every demonstration file shares.
fn indicator(
    id: &str,
    title: Text,
    description: Text,
    unit: Text,
    values: Vec<Obs>,
) -> Indicator<f64> {
    let mut doc = Indicator::new(id, values);
    doc.demo = true;
    doc.decimals = Some(1);
    doc.higher_is = Some("neither".into());
    doc.source = Some(Source {
        name: Some("Innsyn (fiktive demonstrasjonstall)".into()),
        ..Default::default()
    });
    doc.licence = Some("CC0-1.0".into());
    doc.title = Some(title);
    doc.description = Some(description);
    doc.unit = Some(unit);
    doc
}

fn rate(per: f64, numerator: Text, denominator: Text) -> Option<Rate> {
    Some(Rate {
        denominator,
        numerator,
        per: Num(per),
    })
}

/// A rate observation: suppressed when the count is below 5, as SSB does.
fn rate_obs(y: &Year, num: f64, den: f64, per: f64) -> Obs {
    let mut o = obs(y);
    if y.unreported {
        o.status = Some("..".into());
    } else if y.with_measures < 5.0 {
        o.status = Some(":".into());
        o.denominator = Some(den);
    } else {
        o.value = Some(round1(num / den * per));
        o.numerator = Some(num);
        o.denominator = Some(den);
    }
    o
}

/// Made-up national comparison rows (SSB codes EAK, Landet, and EAKUO,
/// Landet uten Oslo) for a rate: numerator and denominator at national scale.
fn national(num_per_den: f64, per: f64, den_scale: f64) -> Vec<Obs> {
    let mut out = Vec::new();
    for (code, level) in [("EAK", 1.0), ("EAKUO", 1.04)] {
        for (k, year) in YEARS.enumerate() {
            let den = (den_scale * (1.0 - 0.004 * k as f64)).round();
            let num =
                (den * num_per_den * level * (1.0 + 0.01 * (noise(code, k as u64) - 0.5))).round();
            out.push(Observation {
                denominator: Some(den),
                numerator: Some(num),
                period: year.to_string(),
                region: code.to_string(),
                status: None,
                value: Some(round1(num / den * per)),
            });
        }
    }
    out
}

/// Every demonstration file: (file name, contents).
pub fn files(reg: &Registry) -> Vec<(&'static str, String)> {
    let years = model(reg);
    let mut tiltak = indicator(
        "barn-med-tiltak",
        Text::new(
            "Barn med barnevernstiltak per 1000 barn",
            "Barn med barnevernstiltak per 1000 barn",
            "Children with child welfare measures per 1,000 children",
        ),
        Text::new(
            "Barn med tiltak fra barnevernet i løpet av året, per 1000 innbyggere 0–17 år. Verken høyt eller lavt er godt i seg selv: et høyt tall kan bety store behov eller et barnevern som fanger opp mange. Små kommuner får store utslag av få barn. Fiktive tall laget av Innsyn.",
            "Barn med tiltak frå barnevernet i løpet av året, per 1000 innbyggjarar 0–17 år. Verken høgt eller lågt er godt i seg sjølv: eit høgt tal kan tyde på store behov eller eit barnevern som fangar opp mange. Små kommunar får store utslag av få barn. Fiktive tal laga av Innsyn.",
            "Children receiving child welfare measures during the year, per 1,000 inhabitants aged 0–17. Neither high nor low is good in itself: a high figure can mean great needs or a service that reaches many. A few children make large swings in small municipalities. Fictitious figures made by Innsyn.",
        ),
        Text::new(
            "per 1000 barn 0–17 år",
            "per 1000 barn 0–17 år",
            "per 1,000 children aged 0–17",
        ),
        years
            .iter()
            .map(|y| rate_obs(y, y.with_measures, y.children, 1000.0))
            .chain(national(0.034, 1000.0, 1_120_000.0))
            .collect(),
    );
    tiltak.rate = rate(
        1000.0,
        Text::new(
            "Barn med tiltak",
            "Barn med tiltak",
            "Children with measures",
        ),
        Text::new(
            "Innbyggere 0–17 år",
            "Innbyggjarar 0–17 år",
            "Inhabitants aged 0–17",
        ),
    );
    let mut staff = indicator(
        "aarsverk",
        Text::new(
            "Årsverk i barnevernstjenesten",
            "Årsverk i barnevernstenesta",
            "Child welfare staff (full-time equivalents)",
        ),
        Text::new(
            "Årsverk i barnevernstjenesten per 31. desember. Et lite barnevern med få årsverk er sårbart for sykdom og vakanser. Fiktive tall laget av Innsyn.",
            "Årsverk i barnevernstenesta per 31. desember. Eit lite barnevern med få årsverk er sårbart for sjukdom og vakansar. Fiktive tal laga av Innsyn.",
            "Full-time equivalents in the child welfare service at 31 December. A small service with few staff is vulnerable to illness and vacancies. Fictitious figures made by Innsyn.",
        ),
        Text::new(
            "årsverk",
            "årsverk",
            "full-time equivalents",
        ),
        years
            .iter()
            .map(|y| {
                let mut o = obs(y);
                if y.unreported {
                    o.status = Some("..".into());
                } else {
                    o.value = Some(y.staff);
                }
                o
            })
            .collect(),
    );
    staff.aggregation = Some("sum".into());
    let mut per_staff = indicator(
        "barn-per-aarsverk",
        Text::new(
            "Barn med tiltak per årsverk",
            "Barn med tiltak per årsverk",
            "Children with measures per full-time equivalent",
        ),
        Text::new(
            "Barn med tiltak i løpet av året delt på årsverk i barnevernstjenesten: et mål på arbeidsmengde. Lavere er som regel bedre for oppfølgingen av hvert barn. Fiktive tall laget av Innsyn.",
            "Barn med tiltak i løpet av året delt på årsverk i barnevernstenesta: eit mål på arbeidsmengd. Lågare er som regel betre for oppfølginga av kvart barn. Fiktive tal laga av Innsyn.",
            "Children with measures during the year divided by child welfare staff: a measure of caseload. Lower is usually better for the follow-up of each child. Fictitious figures made by Innsyn.",
        ),
        Text::new(
            "barn per årsverk",
            "barn per årsverk",
            "children per full-time equivalent",
        ),
        years
            .iter()
            .map(|y| rate_obs(y, y.with_measures, y.staff, 1.0))
            .chain(national(6.9, 1.0, 5_600.0))
            .collect(),
    );
    per_staff.rate = rate(
        1.0,
        Text::new(
            "Barn med tiltak",
            "Barn med tiltak",
            "Children with measures",
        ),
        Text::new("Årsverk", "Årsverk", "Full-time equivalents"),
    );
    per_staff.higher_is = Some("worse".into());
    vec![
        ("barn-med-tiltak.json", to_text(&tiltak)),
        ("aarsverk.json", to_text(&staff)),
        ("barn-per-aarsverk.json", to_text(&per_staff)),
    ]
}

//! Indicator definitions: what the catalog says an indicator is, and the one
//! step that turns a file (or two) into the indicator cube every page shows.
//!
//! A JSON-stat table as SSB publishes it has more dimensions than region and
//! time (content code, age, function …). A definition fixes a category of
//! each of them (`select`), may override the file's texts, says whether the
//! figures are counts that may be summed, or computes a rate cell by cell
//! from two other indicators. [`derive`] and [`rate`] produce the same cube
//! the simple format gives: dimensions `measure` (`value`, and for rates
//! `numerator` and `denominator`), `region` and `period`, with
//! [`IndicatorMeta`] filled from the file and the definition.

mod derive;
mod rate;

pub use derive::derive;
pub use rate::rate;

use crate::diag::{Diags, Msg};
use crate::fields::{Kind, Need::*, Obj};
use crate::json::JVal;
pub use crate::model::Release;
use crate::model::{Direction, I18nText};

/// Texts and rules the catalog sets over what the file says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overrides {
    pub title: Option<I18nText>,
    pub description: Option<I18nText>,
    pub unit: Option<I18nText>,
    pub decimals: Option<u8>,
    pub direction: Option<Direction>,
    /// `aggregation: "sum"`: a count that may be added up across regions.
    pub summable: Option<bool>,
    /// `kostra: "unrevised" | "revised"`: which KOSTRA release the latest
    /// year's figures are.
    pub release: Option<Release>,
    /// `prices: "current"`: kroner in current prices, which may be shown
    /// in fixed prices.
    pub money: Option<bool>,
}

/// Which period of the denominator a computed rate divides by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DenominatorPeriod {
    /// The same period as the numerator.
    #[default]
    Same,
    /// The next period: KOSTRA divides by the population at 31 December,
    /// which SSB publishes as 1 January of the next year.
    Next,
}

/// A rate computed from two other indicators of the catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct RateDef {
    pub numerator: String,
    pub denominator: String,
    pub per: f64,
    pub denominator_period: DenominatorPeriod,
}

/// An SSB table named as the source (`"ssb": {"table": "12275", …}`).
#[derive(Debug, Clone, PartialEq)]
pub struct SsbSource {
    pub table: String,
    /// The region dimension of the table: `KOKkommuneregion0000` in KOSTRA
    /// tables (the default), `Region` in population tables such as 07459.
    pub region_dim: String,
    /// The time dimension (default `Tid`).
    pub time_dim: String,
    /// SSB code lists to read a dimension's codes in (`"codelist":
    /// {"Alder": "agg_TodeltGrupperingB"}`, where `H17` is 0–17 years).
    pub codelists: Vec<(String, String)>,
    /// Ask SSB from the browser when there is no snapshot.
    pub live: bool,
}

impl SsbSource {
    /// Whether the table uses KOSTRA's region codes (`EKAnn` for the
    /// municipalities of county nn, plain `nn` for the county authority).
    pub fn is_kostra(&self) -> bool {
        self.region_dim.starts_with("KOK")
    }
}

/// Where an indicator's figures come from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// A file (JSON-stat or the simple format), and for SSB tables the table
    /// it is a snapshot of. `url` is `None` for an SSB table without a
    /// snapshot, which is asked live.
    File {
        url: Option<String>,
        ssb: Option<SsbSource>,
    },
    Rate(RateDef),
}

/// One category, or several that are summed (only for counts).
pub type Selection = Vec<(String, Vec<String>)>;

/// An indicator of the catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorDef {
    pub id: String,
    pub source: Source,
    /// Per dimension other than region and time: the category (or the
    /// categories summed) this indicator is.
    pub select: Selection,
    pub overrides: Overrides,
    /// Made-up demonstration figures.
    pub demo: bool,
    /// When `innsyn fetch` made the snapshot `url` points at (its
    /// `snapshot.fetched`), or when the republisher named by `via` took
    /// the figures from the publisher.
    pub fetched: Option<String>,
    /// Who republished the snapshot's figures (`snapshot.via`), when
    /// Innsyn did not fetch them from the publisher itself.
    pub via: Option<String>,
    /// A gross figure whose net counterpart is another indicator
    /// (`"gross": {"net": id, "note_above": ratio}`).
    pub gross: Option<Gross>,
    /// The theme of the council report it belongs in (`"theme"`, a theme
    /// id of `data/report.json`): how a publisher's own figures reach it.
    pub theme: Option<String>,
    /// Where in the catalog it is defined (`$.indicators[2]`), for diagnostics.
    pub path: String,
}

impl IndicatorDef {
    /// The file the figures are read from, when there is one.
    pub fn url(&self) -> Option<&str> {
        match &self.source {
            Source::File { url, .. } => url.as_deref(),
            Source::Rate(_) => None,
        }
    }
    pub fn ssb(&self) -> Option<&SsbSource> {
        match &self.source {
            Source::File { ssb, .. } => ssb.as_ref(),
            Source::Rate(_) => None,
        }
    }
    pub fn rate(&self) -> Option<&RateDef> {
        match &self.source {
            Source::Rate(r) => Some(r),
            Source::File { .. } => None,
        }
    }
    /// What a reader is told the figures come from: the file, or the SSB
    /// table asked live (a computed rate: [`Catalog::file_label`]).
    ///
    /// [`Catalog::file_label`]: crate::catalog::Catalog::file_label
    pub fn file_label(&self) -> String {
        match (&self.source, self.ssb()) {
            (Source::File { url: Some(u), .. }, _) => u.clone(),
            (_, Some(s)) => format!("SSB {}", s.table),
            (Source::Rate(r), _) => format!("{} / {}", r.numerator, r.denominator),
            _ => String::new(),
        }
    }
}

/// Gross expenditure beside its net: where gross is more than `note_above`
/// times net, a municipality's figure says why (host-municipality
/// accounting in a shared service, refunds).
#[derive(Debug, Clone, PartialEq)]
pub struct Gross {
    pub net: String,
    pub note_above: f64,
}

/// Reads the definition parts of one `indicators[]` entry: `select`, `ssb`,
/// `rate` and the overrides. `url` has been resolved by the caller.
pub fn parse_def(o: &Obj, id: &str, url: Option<String>, d: &mut Diags) -> Option<IndicatorDef> {
    let mut ov = Overrides {
        title: o.text("title", Optional, d),
        description: o.text("description", Optional, d),
        unit: o.text("unit", Optional, d),
        ..Default::default()
    };
    if let Some(x) = o.f64("decimals", Optional, d) {
        if (0.0..=6.0).contains(&x) && x.fract() == 0.0 {
            ov.decimals = Some(x as u8);
        } else {
            o.bad(
                "BAD_FIELD",
                "decimals",
                "et heltall fra 0 til 6",
                "a whole number from 0 to 6",
                d,
            );
        }
    }
    match o.str("higher_is", Optional, d) {
        None => {}
        Some("better") => ov.direction = Some(Direction::HigherIsBetter),
        Some("worse") => ov.direction = Some(Direction::HigherIsWorse),
        Some("neither") => ov.direction = Some(Direction::Neither),
        Some(_) => o.bad(
            "BAD_FIELD",
            "higher_is",
            "better, worse eller neither",
            "better, worse or neither",
            d,
        ),
    }
    match o.str("aggregation", Optional, d) {
        None => {}
        Some("sum") => ov.summable = Some(true),
        Some("none") => ov.summable = Some(false),
        Some(_) => o.bad(
            "BAD_FIELD",
            "aggregation",
            "\"sum\" eller \"none\"",
            "\"sum\" or \"none\"",
            d,
        ),
    }
    match o.str("kostra", Optional, d) {
        None => {}
        Some("unrevised") => ov.release = Some(Release::Unrevised),
        Some("revised") => ov.release = Some(Release::Revised),
        Some(_) => o.bad(
            "BAD_FIELD",
            "kostra",
            "\"unrevised\" eller \"revised\"",
            "\"unrevised\" or \"revised\"",
            d,
        ),
    }
    match o.str("prices", Optional, d) {
        None => {}
        Some("current") => ov.money = Some(true),
        Some(_) => o.bad(
            "BAD_FIELD",
            "prices",
            "\"current\" (kroner i løpende priser)",
            "\"current\" (kroner in current prices)",
            d,
        ),
    }
    let gross = o.obj("gross", Optional, d).and_then(|g| {
        let net = g.string("net", Required, d)?;
        let note_above = match g.f64("note_above", Optional, d) {
            Some(r) if r > 1.0 && r.is_finite() => r,
            None => 1.5,
            Some(_) => {
                g.bad(
                    "BAD_FIELD",
                    "note_above",
                    "et tall større enn 1",
                    "a number above 1",
                    d,
                );
                1.5
            }
        };
        Some(Gross { net, note_above })
    });
    let select = match o.obj("select", Optional, d) {
        Some(s) => selection(&s, d),
        None => Vec::new(),
    };
    let ssb = match o.obj("ssb", Optional, d) {
        Some(s) => ssb_source(&s, d),
        None => None,
    };
    let source = match o.obj("rate", Optional, d) {
        Some(r) => Source::Rate(rate_def(&r, d)?),
        None => {
            if url.is_none() && !ssb.as_ref().is_some_and(|s| s.live) {
                d.error("MISSING_FIELD", &o.path, o.start(), Msg::new(
                    format!("Indikatoren «{id}» trenger «url» (en fil eller et øyeblikksbilde fra innsyn fetch), «ssb» med \"live\": true, eller «rate»"),
                    format!("The indicator \"{id}\" needs \"url\" (a file, or a snapshot made by innsyn fetch), \"ssb\" with \"live\": true, or \"rate\""),
                ));
                return None;
            }
            Source::File { url, ssb }
        }
    };
    let (fetched, via) = match o.obj("snapshot", Optional, d) {
        Some(s) => (
            s.string("fetched", Optional, d),
            s.string("via", Optional, d),
        ),
        None => (None, None),
    };
    Some(IndicatorDef {
        id: id.to_string(),
        source,
        select,
        overrides: ov,
        demo: o.flag("demo", d),
        fetched,
        via,
        gross,
        theme: o.string("theme", Optional, d),
        path: o.path.to_string(),
    })
}

/// `"ssb": {"table": …, "region": …, "time": …, "codelist": {…}, "live": …}`.
fn ssb_source(s: &Obj, d: &mut Diags) -> Option<SsbSource> {
    let table = s.str("table", Required, d)?;
    if !valid_table(table) {
        d.error(
            "MISSING_FIELD",
            &s.key_path("table"),
            s.get("table").map_or(s.start(), |j| j.start),
            Msg::new(
                "«ssb» trenger «table»: SSBs tabellnummer, for eksempel \"12275\"",
                "\"ssb\" needs \"table\": SSB's table number, for example \"12275\"",
            ),
        );
        return None;
    }
    let mut codelists = Vec::new();
    if let Some(c) = s.obj("codelist", Optional, d) {
        for m in c.json.as_obj().unwrap_or(&[]) {
            match m.value.as_str() {
                Some(list) => codelists.push((m.key.to_string(), list.to_string())),
                None => c.wrong(&m.key, &m.value, Optional, Kind::Text, d),
            }
        }
    }
    Some(SsbSource {
        table: table.to_string(),
        region_dim: s
            .string("region", Optional, d)
            .unwrap_or_else(|| "KOKkommuneregion0000".into()),
        time_dim: s
            .string("time", Optional, d)
            .unwrap_or_else(|| "Tid".into()),
        codelists,
        live: s.flag("live", d),
    })
}

/// `"rate": {"numerator": id, "denominator": id, "per": …, "denominator_period": …}`.
fn rate_def(r: &Obj, d: &mut Diags) -> Option<RateDef> {
    let numerator = r.string("numerator", Required, d);
    let denominator = r.string("denominator", Required, d);
    let per = match r.f64("per", Optional, d) {
        None => 1.0,
        Some(v) if v > 0.0 && v.is_finite() => v,
        Some(_) => {
            r.bad(
                "BAD_FIELD",
                "per",
                "et positivt tall (1000 for «per 1000»)",
                "a positive number (1000 for \"per 1,000\")",
                d,
            );
            1.0
        }
    };
    let denominator_period = match r.str("denominator_period", Optional, d) {
        None | Some("same") => DenominatorPeriod::Same,
        Some("next") => DenominatorPeriod::Next,
        Some(_) => {
            r.bad(
                "BAD_FIELD",
                "denominator_period",
                "\"same\" eller \"next\"",
                "\"same\" or \"next\"",
                d,
            );
            DenominatorPeriod::Same
        }
    };
    Some(RateDef {
        numerator: numerator?,
        denominator: denominator?,
        per,
        denominator_period,
    })
}

/// SSB's table ids are five digits; anything else would be sent to SSB as is.
pub fn valid_table(t: &str) -> bool {
    (4..=6).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// `"select": {"dimension": "category"}` or a list of categories to sum.
fn selection(o: &Obj, d: &mut Diags) -> Selection {
    let mut out = Vec::new();
    for m in o.json.as_obj().unwrap_or(&[]) {
        let codes: Option<Vec<String>> = match &m.value.v {
            JVal::Str(s) => Some(vec![s.to_string()]),
            JVal::Arr(a) => a.iter().map(|c| c.as_str().map(str::to_string)).collect(),
            _ => None,
        };
        match codes.filter(|c| !c.is_empty()) {
            Some(c) => out.push((m.key.to_string(), c)),
            None => d.error(
                "WRONG_TYPE",
                &o.key_path(&m.key),
                m.value.start,
                Msg::new(
                    "Et utvalg er en kategori-id (tekst) eller en liste av id-er som summeres",
                    "A selection is a category id (text) or a list of ids to be summed",
                ),
            ),
        }
    }
    out
}

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

use std::collections::HashMap;

use crate::diag::{path_key, Diagnostic, Diags, Msg};
use crate::fields::{Kind, Need::*, Obj};
use crate::json::JVal;
use crate::model::{
    Category, Dataset, Dimension, Direction, I18nText, IndicatorMeta, Rate, Role, StatusMap, Values,
};
use crate::registry::{RegionRef, Registry};
use crate::status::Status;

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
    /// `snapshot.fetched`).
    pub fetched: Option<String>,
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
    let fetched = match o.obj("snapshot", Optional, d) {
        Some(s) => s.string("fetched", Optional, d),
        None => None,
    };
    Some(IndicatorDef {
        id: id.to_string(),
        source,
        select,
        overrides: ov,
        demo: o.flag("demo", d),
        fetched,
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

/// Which categories of `dim` the definition takes, by position.
enum Choice {
    Take(Vec<usize>),
    /// The diagnostic has been given.
    Failed,
}

fn choose(def: &IndicatorDef, dim: &Dimension, d: &mut Diags) -> Choice {
    let path = path_key(&path_key(&def.path, "select"), &dim.id);
    let available = || {
        let ids: Vec<&str> = dim
            .categories
            .iter()
            .take(12)
            .map(|c| c.id.as_str())
            .collect();
        format!(
            "{}{}",
            ids.join(", "),
            if dim.len() > 12 { " …" } else { "" }
        )
    };
    match def.select.iter().find(|(k, _)| *k == dim.id) {
        Some((_, codes)) => {
            let mut take = Vec::new();
            for c in codes {
                match dim.position(c) {
                    Some(i) => take.push(i),
                    None => {
                        d.error("SELECT_UNKNOWN_CATEGORY", &path, 0, Msg::new(
                            format!("Indikatoren «{}» velger «{c}» i dimensjonen «{}», men fila har ingen slik kategori (den har {})", def.id, dim.id, available()),
                            format!("The indicator \"{}\" selects \"{c}\" in the dimension \"{}\", but the file has no such category (it has {})", def.id, dim.id, available()),
                        ));
                        return Choice::Failed;
                    }
                }
            }
            Choice::Take(take)
        }
        None if dim.len() == 1 => Choice::Take(vec![0]),
        None => {
            d.error("SELECT_MISSING", &path, 0, Msg::new(
                format!("Dimensjonen «{}» har {} kategorier ({}); indikatoren «{}» må velge én i «select»", dim.id, dim.len(), available(), def.id),
                format!("The dimension \"{}\" has {} categories ({}); the indicator \"{}\" must choose one in \"select\"", dim.id, dim.len(), available(), def.id),
            ));
            Choice::Failed
        }
    }
}

/// The indicator cube of `def` from the file's dataset, with diagnostics
/// (paths into the catalog) when the definition does not fit the file. A
/// file in the simple format already is an indicator: only the catalog's
/// overrides apply.
pub fn derive(def: &IndicatorDef, ds: &Dataset) -> (Dataset, Vec<Diagnostic>) {
    let fetched = def.fetched.as_deref();
    let mut d = Diags::new("");
    if let Some(meta) = &ds.meta {
        let mut out = ds.clone();
        let mut meta = meta.clone();
        meta.id = def.id.clone();
        meta.demo |= def.demo;
        meta.fetched = meta.fetched.or(def.fetched.clone());
        apply(&mut meta, &def.overrides);
        out.meta = Some(meta);
        return (out, d.list);
    }
    let (Some(r), Some(t)) = (ds.region_dim(), ds.time_dim()) else {
        d.error(
            "NO_REGION_OR_TIME",
            &def.path,
            0,
            Msg::new(
                format!(
                    "Fila til «{}» har ingen regiondimensjon eller ingen tidsdimensjon",
                    def.id
                ),
                format!(
                    "The file of \"{}\" has no region or no time dimension",
                    def.id
                ),
            ),
        );
        return (Dataset::default(), d.list);
    };
    for (k, _) in &def.select {
        if !ds.dims.iter().any(|x| x.id == *k) {
            let dims: Vec<&str> = ds.dims.iter().map(|x| x.id.as_str()).collect();
            d.error("SELECT_UNKNOWN_DIMENSION", &path_key(&path_key(&def.path, "select"), k), 0, Msg::new(
                format!("Indikatoren «{}» velger i dimensjonen «{k}», men fila har ingen slik dimensjon (den har {})", def.id, dims.join(", ")),
                format!("The indicator \"{}\" selects in the dimension \"{k}\", but the file has no such dimension (it has {})", def.id, dims.join(", ")),
            ));
        }
    }
    let mut chosen: Vec<Vec<usize>> = Vec::with_capacity(ds.dims.len());
    for (k, dim) in ds.dims.iter().enumerate() {
        if k == r || k == t {
            chosen.push(Vec::new());
            continue;
        }
        match choose(def, dim, &mut d) {
            Choice::Take(v) => chosen.push(v),
            Choice::Failed => chosen.push(Vec::new()),
        }
    }
    let summable = def.overrides.summable.unwrap_or(false);
    if chosen.iter().any(|c| c.len() > 1) && !summable {
        d.error("SELECT_SUM_NOT_COUNT", &path_key(&def.path, "select"), 0, Msg::new(
            format!("Indikatoren «{}» velger flere kategorier som skal summeres, men er ikke en telling («aggregation»: \"sum\")", def.id),
            format!("The indicator \"{}\" selects several categories to be summed, but is not a count (\"aggregation\": \"sum\")", def.id),
        ));
    }
    if crate::diag::has_errors(&d.list) {
        return (Dataset::default(), d.list);
    }
    // KOSTRA's region codes: `EKAnn` (the municipalities of county nn added
    // up) is the county; plain `nn` is the county authority, left out.
    let kostra = ds.dims[r].id.starts_with("KOK") || def.ssb().is_some_and(SsbSource::is_kostra);
    let regions: Vec<(usize, String, String)> = ds.dims[r]
        .categories
        .iter()
        .enumerate()
        .filter_map(|(i, c)| match kostra_county(&c.id) {
            Some(county) if kostra => Some((i, county.to_string(), c.label.clone())),
            _ if kostra && is_county_code(&c.id) => None,
            _ => Some((i, c.id.clone(), c.label.clone())),
        })
        .collect();
    let periods = &ds.dims[t].categories;
    let (nr, np) = (regions.len(), periods.len());
    let mut values = Values::missing(nr * np);
    let mut status = Vec::new();
    let mut coords = vec![0usize; ds.dims.len()];
    for (ri, (src_r, _, _)) in regions.iter().enumerate() {
        for ti in 0..np {
            coords[r] = *src_r;
            coords[t] = ti;
            let (v, s) = sum_cells(ds, &chosen, &mut coords, 0);
            let at = ri * np + ti;
            values.set(at, v);
            if let Some(s) = s {
                status.push((at, s));
            }
        }
    }
    let meta = meta_from_file(def, ds, &chosen, fetched, &mut d);
    let cats = |v: Vec<(String, String)>| -> Vec<Category> {
        v.into_iter()
            .map(|(id, label)| Category {
                id,
                label,
                ..Default::default()
            })
            .collect()
    };
    let out = Dataset {
        label: Some(meta.title.nb.clone()),
        source: meta.source.clone(),
        updated: ds.updated.clone(),
        table: meta.table.clone(),
        dims: vec![
            Dimension::new(
                "measure",
                "measure",
                Some(Role::Metric),
                cats(vec![("value".into(), meta.title.nb.clone())]),
            ),
            Dimension::new(
                "region",
                ds.dims[r].label.clone(),
                Some(Role::Geo),
                cats(regions.into_iter().map(|(_, id, l)| (id, l)).collect()),
            ),
            Dimension::new(
                "period",
                ds.dims[t].label.clone(),
                Some(Role::Time),
                cats(
                    periods
                        .iter()
                        .map(|c| (c.id.clone(), c.label.clone()))
                        .collect(),
                ),
            ),
        ],
        values,
        status: StatusMap::from_pairs(status),
        meta: Some(meta),
        ..Default::default()
    };
    (out, d.list)
}

/// `EKA34` → `34`.
fn kostra_county(code: &str) -> Option<&str> {
    code.strip_prefix("EKA").filter(|c| is_county_code(c))
}

fn is_county_code(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_digit())
}

/// The sum over the chosen categories of every dimension from `k` on (one
/// category: that cell). A missing cell makes the sum missing, with its reason.
fn sum_cells(
    ds: &Dataset,
    chosen: &[Vec<usize>],
    coords: &mut [usize],
    k: usize,
) -> (Option<f64>, Option<Status>) {
    if k == chosen.len() {
        let cell = ds.index_of(coords).map(|i| ds.cell(i));
        return cell.map_or((None, Some(Status::NotAvailable)), |c| {
            (c.value, c.status.cloned())
        });
    }
    if chosen[k].is_empty() {
        return sum_cells(ds, chosen, coords, k + 1);
    }
    if chosen[k].len() == 1 {
        coords[k] = chosen[k][0];
        return sum_cells(ds, chosen, coords, k + 1);
    }
    let mut total = 0.0;
    let mut kept_status = None;
    for &c in &chosen[k] {
        coords[k] = c;
        match sum_cells(ds, chosen, coords, k + 1) {
            (Some(v), s) => {
                total += v;
                kept_status = kept_status.or(s);
            }
            (None, s) => return (None, s),
        }
    }
    (Some(total), kept_status)
}

fn meta_from_file(
    def: &IndicatorDef,
    ds: &Dataset,
    chosen: &[Vec<usize>],
    fetched: Option<&str>,
    d: &mut Diags,
) -> IndicatorMeta {
    let metric = ds
        .metric_dim()
        .and_then(|m| chosen[m].first().map(|&c| &ds.dims[m].categories[c]));
    // Categories chosen among several (age group, function …) name the figure.
    let qualifiers: Vec<&str> = ds
        .dims
        .iter()
        .enumerate()
        .filter(|(k, dim)| Some(*k) != ds.metric_dim() && chosen[*k].len() == 1 && dim.len() > 1)
        .map(|(k, dim)| dim.categories[chosen[k][0]].label.as_str())
        .collect();
    let title = match (metric, ds.label.as_deref()) {
        (Some(m), _) if qualifiers.is_empty() => m.label.clone(),
        (Some(m), _) => format!("{} ({})", m.label, qualifiers.join(", ")),
        (None, Some(l)) => l.to_string(),
        (None, None) => def.id.clone(),
    };
    let unit = metric.and_then(|m| m.unit.as_ref());
    let unit_text = unit.and_then(|u| {
        let label = u.label.clone().filter(|l| !l.trim().is_empty());
        match (&label, &u.symbol) {
            (Some(l), Some(s)) => Some(format!("{l} ({s})")),
            (None, Some(s)) => Some(s.clone()),
            _ => label,
        }
    });
    let ssb = def.ssb();
    let table = ssb.map(|s| s.table.clone()).or_else(|| ds.table.clone());
    let source = ds
        .source
        .clone()
        .or_else(|| ssb.map(|_| "Statistisk sentralbyrå".to_string()));
    if unit_text.is_none() && def.overrides.unit.is_none() {
        d.warn(
            "NO_UNIT",
            &def.path,
            0,
            Msg::new(
                format!(
                    "Fila til «{}» oppgir ingen enhet; gi «unit» i katalogen",
                    def.id
                ),
                format!(
                    "The file of \"{}\" gives no unit; give \"unit\" in the catalog",
                    def.id
                ),
            ),
        );
    }
    if source.is_none() {
        d.warn(
            "NO_SOURCE",
            &def.path,
            0,
            Msg::new(
                format!("Fila til «{}» oppgir ingen kilde («source»)", def.id),
                format!("The file of \"{}\" names no source (\"source\")", def.id),
            ),
        );
    }
    let mut notes: Vec<String> = ds.note.clone();
    for (k, dim) in ds.dims.iter().enumerate() {
        notes.extend(dim.note.iter().cloned());
        for &c in &chosen[k] {
            notes.extend(dim.categories[c].note.iter().cloned());
        }
    }
    let mut seen = std::collections::HashSet::new();
    notes.retain(|n| seen.insert(n.clone()));
    let mut meta = IndicatorMeta {
        id: def.id.clone(),
        title: I18nText::plain(title),
        unit: I18nText::plain(unit_text.unwrap_or_else(|| "–".into())),
        decimals: unit.and_then(|u| u.decimals).unwrap_or(0),
        source,
        source_url: table
            .as_ref()
            .filter(|_| ssb.is_some() || ds.source.as_deref() == Some("Statistisk sentralbyrå"))
            .map(|t| format!("https://www.ssb.no/statbank/table/{t}"))
            .or_else(|| ds.links.first().map(|l| l.href.clone())),
        table,
        licence: ssb.map(|_| "NLOD".to_string()),
        demo: def.demo,
        updated: ds.updated.clone(),
        fetched: fetched.map(str::to_string),
        notes,
        ..Default::default()
    };
    apply(&mut meta, &def.overrides);
    meta
}

fn apply(meta: &mut IndicatorMeta, o: &Overrides) {
    let set = |slot: &mut I18nText, v: &Option<I18nText>| {
        if let Some(v) = v {
            *slot = v.clone();
        }
    };
    set(&mut meta.title, &o.title);
    set(&mut meta.description, &o.description);
    set(&mut meta.unit, &o.unit);
    if let Some(x) = o.decimals {
        meta.decimals = x;
    }
    if let Some(x) = o.direction {
        meta.direction = x;
    }
    if let Some(x) = o.summable {
        meta.summable = x && meta.rate.is_none();
    }
}

/// The cell of region position `r` and period position `t` (first measure).
fn cell(
    ds: &Dataset,
    r: usize,
    rdim: usize,
    t: usize,
    tdim: usize,
) -> Option<crate::model::Cell<'_>> {
    let mut coords = vec![0; ds.dims.len()];
    coords[rdim] = r;
    coords[tdim] = t;
    ds.index_of(&coords).map(|i| ds.cell(i))
}

/// The period after `p` ("2018" → "2019"); periods that are not years have none.
fn next_period(p: &str) -> Option<String> {
    let y: u16 = p.parse().ok()?;
    Some((y + 1).to_string())
}

/// A rate computed cell by cell: numerator ÷ denominator × per, from two
/// indicator cubes. Numerator and denominator are kept, so regions combine
/// sum/sum. A cell missing in either part is missing with that part's
/// reason. A municipality is found in the denominator under any number it
/// has had (the next year may be after a renumbering).
pub fn rate(
    def: &IndicatorDef,
    rd: &RateDef,
    num: &Dataset,
    den: &Dataset,
    registry: &Registry,
) -> Dataset {
    let (nm, dm) = (
        num.meta.clone().unwrap_or_default(),
        den.meta.clone().unwrap_or_default(),
    );
    let empty = Dataset::default;
    let (Some(nr), Some(nt), Some(dr), Some(dt)) = (
        num.region_dim(),
        num.time_dim(),
        den.region_dim(),
        den.time_dim(),
    ) else {
        return empty();
    };
    let regions = &num.dims[nr].categories;
    let periods = &num.dims[nt].categories;
    let den_region: HashMap<&str, usize> = den.dims[dr]
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let (n_r, n_p) = (regions.len(), periods.len());
    let mut values = Values::missing(3 * n_r * n_p);
    let mut status = Vec::new();
    for (ri, rc) in regions.iter().enumerate() {
        // The denominator's region: the same code, or for a municipality any of its numbers.
        let candidates: Vec<usize> = match registry.resolve(&rc.id) {
            Some(RegionRef::Municipality(m)) => {
                let mu = &registry.municipalities[m];
                std::iter::once(rc.id.as_str())
                    .chain(std::iter::once(mu.id.as_str()))
                    .chain(mu.numbers.iter().map(|n| n.code.as_str()))
                    .filter_map(|c| den_region.get(c).copied())
                    .collect()
            }
            _ => den_region
                .get(rc.id.as_str())
                .copied()
                .into_iter()
                .collect(),
        };
        for (ti, pc) in periods.iter().enumerate() {
            let at = |m: usize| (m * n_r + ri) * n_p + ti;
            let n = cell(num, ri, nr, ti, nt);
            let dp = match rd.denominator_period {
                DenominatorPeriod::Same => Some(pc.id.clone()),
                DenominatorPeriod::Next => next_period(&pc.id),
            };
            let dti = dp.as_deref().and_then(|p| den.dims[dt].position(p));
            let dcell = dti.and_then(|dti| {
                let cells: Vec<_> = candidates
                    .iter()
                    .filter_map(|&c| cell(den, c, dr, dti, dt))
                    .collect();
                cells
                    .iter()
                    .find(|c| c.value.is_some())
                    .or(cells.first())
                    .cloned()
            });
            let nv = n.as_ref().and_then(|c| c.value);
            let dv = dcell.as_ref().and_then(|c| c.value);
            values.set(at(1), nv);
            values.set(at(2), dv);
            match (nv, dv) {
                (Some(a), Some(b)) if b > 0.0 => {
                    values.set(at(0), Some(a / b * rd.per));
                    let s = n
                        .and_then(|c| c.status.cloned())
                        .or_else(|| dcell.and_then(|c| c.status.cloned()));
                    if let Some(s) = s {
                        status.push((at(0), s));
                    }
                }
                (None, _) => status.push((
                    at(0),
                    n.and_then(|c| c.status.cloned())
                        .unwrap_or(Status::NotAvailable),
                )),
                (_, None) => status.push((
                    at(0),
                    dcell
                        .and_then(|c| c.status.cloned())
                        .unwrap_or(Status::NotAvailable),
                )),
                // A zero (or negative) denominator: no rate can be formed.
                _ => status.push((at(0), Status::NotApplicable)),
            }
        }
    }
    let join = |a: &Option<String>, b: &Option<String>| match (a, b) {
        (Some(a), Some(b)) if a != b => Some(format!("{a}, {b}")),
        (a, b) => a.clone().or(b.clone()),
    };
    let mut meta = IndicatorMeta {
        id: def.id.clone(),
        title: I18nText {
            nb: format!(
                "{} per {} {}",
                nm.title.nb,
                crate::i18n::format_number(rd.per, 0, crate::i18n::Lang::Nb),
                dm.title.nb.to_lowercase()
            ),
            nn: None,
            en: None,
        },
        unit: I18nText::plain(format!(
            "per {} {}",
            crate::i18n::format_number(rd.per, 0, crate::i18n::Lang::Nb),
            dm.unit.nb
        )),
        decimals: 1,
        rate: Some(Rate {
            per: rd.per,
            numerator: nm.title.clone(),
            denominator: dm.title.clone(),
        }),
        source: join(&nm.source, &dm.source),
        source_url: nm.source_url.clone().or(dm.source_url.clone()),
        table: join(&nm.table, &dm.table),
        licence: join(&nm.licence, &dm.licence),
        demo: def.demo || nm.demo || dm.demo,
        updated: nm.updated.clone().max(dm.updated.clone()),
        fetched: nm.fetched.clone().max(dm.fetched.clone()),
        notes: nm.notes.iter().chain(&dm.notes).cloned().collect(),
        ..Default::default()
    };
    apply(&mut meta, &def.overrides);
    let measure = vec![
        Category {
            id: "value".into(),
            label: meta.title.nb.clone(),
            ..Default::default()
        },
        Category {
            id: "numerator".into(),
            label: nm.title.nb.clone(),
            ..Default::default()
        },
        Category {
            id: "denominator".into(),
            label: dm.title.nb.clone(),
            ..Default::default()
        },
    ];
    Dataset {
        label: Some(meta.title.nb.clone()),
        source: meta.source.clone(),
        updated: meta.updated.clone(),
        table: meta.table.clone(),
        dims: vec![
            Dimension::new("measure", "measure", Some(Role::Metric), measure),
            Dimension::new("region", "region", Some(Role::Geo), regions.clone()),
            Dimension::new("period", "period", Some(Role::Time), periods.clone()),
        ],
        values,
        status: StatusMap::from_pairs(status),
        meta: Some(meta),
        ..Default::default()
    }
}

//! A file's dataset to the indicator cube by its definition: `select`,
//! the file's texts and the catalog's overrides.

use crate::diag::{path_key, Diagnostic, Diags, Msg};
use crate::model::{
    Category, Dataset, Dimension, I18nText, IndicatorMeta, Role, StatusMap, Values,
};
use crate::status::Status;

use super::{IndicatorDef, Overrides, SsbSource};

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
        meta.via = meta.via.or(def.via.clone());
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
        via: def.via.clone(),
        notes,
        ..Default::default()
    };
    apply(&mut meta, &def.overrides);
    meta
}

pub(super) fn apply(meta: &mut IndicatorMeta, o: &Overrides) {
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
    if o.release.is_some() {
        meta.release = o.release;
    }
    if let Some(x) = o.money {
        meta.money = x;
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::define::{Source, SsbSource};
    use crate::registry::Registry;

    fn def(ssb: Option<SsbSource>, demo: bool) -> IndicatorDef {
        IndicatorDef {
            id: "x".into(),
            source: Source::File {
                url: Some("x.json".into()),
                ssb,
            },
            select: Vec::new(),
            overrides: Overrides::default(),
            demo,
            fetched: Some("2026-09-14T06:34:00Z".into()),
            via: Some("republisher".into()),
            gross: None,
            theme: None,
            path: "$.indicators[0]".into(),
        }
    }

    fn kostra_table() -> SsbSource {
        SsbSource {
            table: "12362".into(),
            region_dim: "KOKkommuneregion0000".into(),
            time_dim: "Tid".into(),
            codelists: Vec::new(),
            live: false,
        }
    }

    /// A JSON-stat answer with the region dimension `rdim`: a municipality,
    /// a county as KOSTRA adds its municipalities up (`EKA34`), the county
    /// authority (`34`) and the country.
    fn answer(rdim: &str) -> Dataset {
        let src = format!(
            r#"{{"version": "2.0", "class": "dataset", "label": "12362: Utgifter", "source": "Statistisk sentralbyrå",
            "updated": "2026-06-15T06:00:00Z", "id": ["{rdim}", "ContentsCode", "Tid"], "size": [4, 1, 1],
            "role": {{"time": ["Tid"], "metric": ["ContentsCode"], "geo": ["{rdim}"]}},
            "dimension": {{"{rdim}": {{"label": "region", "category": {{"index": {{"3401": 0, "EKA34": 1, "34": 2, "EAK": 3}}}}}},
              "ContentsCode": {{"label": "statistikkvariabel", "category": {{"index": {{"KOSbelop0000": 0}}, "label": {{"KOSbelop0000": "Beløp"}},
                "unit": {{"KOSbelop0000": {{"base": "1000 kr", "decimals": 0}}}}}}}},
              "Tid": {{"label": "år", "category": {{"index": {{"2024": 0}}}}}}}},
            "extension": {{"px": {{"tableid": "12362"}}}},
            "value": [10, 100, 7, 1000]}}"#
        );
        let out = crate::read::read_str(&src, &Registry::bundled()).unwrap();
        assert!(!out.has_errors(), "{:?}", out.diagnostics);
        out.datasets.into_iter().next().unwrap()
    }

    fn regions(ds: &Dataset) -> Vec<(String, Option<f64>)> {
        ds.dims[1]
            .categories
            .iter()
            .map(|c| {
                (
                    c.id.clone(),
                    ds.cell_at(&["value", &c.id, "2024"]).and_then(|c| c.value),
                )
            })
            .collect()
    }

    #[test]
    fn kostras_county_is_its_municipalities_added_up_not_the_county_authority() {
        let want = |v: &[(&str, f64)]| -> Vec<(String, Option<f64>)> {
            v.iter().map(|(c, x)| (c.to_string(), Some(*x))).collect()
        };
        // A KOSTRA table, by its dimension or by its definition.
        for (rdim, ssb) in [
            ("KOKkommuneregion0000", None),
            ("region", Some(kostra_table())),
        ] {
            let (cube, diags) = derive(&def(ssb, false), &answer(rdim));
            assert!(diags.is_empty(), "{diags:?}");
            assert_eq!(
                regions(&cube),
                want(&[("3401", 10.0), ("34", 100.0), ("EAK", 1000.0)]),
                "{rdim}"
            );
        }
        // Another table: «34» is the county as it stands, EKA34 a code of its own.
        let (cube, _) = derive(&def(None, false), &answer("region"));
        assert_eq!(
            regions(&cube),
            want(&[
                ("3401", 10.0),
                ("EKA34", 100.0),
                ("34", 7.0),
                ("EAK", 1000.0)
            ])
        );
    }

    #[test]
    fn the_cube_says_what_it_is_and_where_it_comes_from() {
        let (cube, _) = derive(
            &def(Some(kostra_table()), true),
            &answer("KOKkommuneregion0000"),
        );
        let meta = cube.meta.as_ref().unwrap();
        assert_eq!(cube.label.as_deref(), Some("Beløp"));
        assert_eq!(cube.dims[0].categories[0].label, "Beløp");
        assert_eq!(cube.source.as_deref(), Some("Statistisk sentralbyrå"));
        assert_eq!(cube.updated.as_deref(), Some("2026-06-15T06:00:00Z"));
        assert_eq!(cube.table.as_deref(), Some("12362"));
        assert_eq!((meta.unit.nb.as_str(), meta.decimals), ("1000 kr", 0));
        assert_eq!(meta.fetched.as_deref(), Some("2026-09-14T06:34:00Z"));
        assert_eq!(meta.via.as_deref(), Some("republisher"));
        assert_eq!(
            (meta.id.as_str(), meta.licence.as_deref()),
            ("x", Some("NLOD"))
        );
        assert!(meta.demo, "the definition's demonstration flag");
    }

    /// A JSON-stat file of two municipalities' figures by function and
    /// art, with the unit, source and link `extra` gives.
    fn by_art(unit: &str, extra: &str) -> Dataset {
        let src = format!(
            r#"{{"version": "2.0", "class": "dataset", "label": "Utgifter", {extra}
            "id": ["KOKkommuneregion0000", "KOKfunksjon0000", "KOKart0000", "ContentsCode", "Tid"], "size": [2, 1, 2, 1, 1],
            "role": {{"time": ["Tid"], "metric": ["ContentsCode"]}},
            "dimension": {{"KOKkommuneregion0000": {{"label": "region", "category": {{"index": ["3401", "3403"]}}}},
              "KOKfunksjon0000": {{"label": "funksjon", "category": {{"index": ["FGK13"], "label": {{"FGK13": "Barnevern"}}}}}},
              "KOKart0000": {{"label": "art", "category": {{"index": ["AGD2", "AGD10"], "label": {{"AGD2": "Netto", "AGD10": "Brutto"}}}}}},
              "ContentsCode": {{"label": "statistikkvariabel", "category": {{"index": ["B"], "label": {{"B": "Beløp"}}, "unit": {{"B": {unit}}}}}}},
              "Tid": {{"label": "år", "category": {{"index": ["2024"]}}}}}},
            "value": [1, 2, 3, 4]}}"#
        );
        let out = crate::read::read_str(&src, &Registry::bundled()).unwrap();
        out.datasets.into_iter().next().unwrap()
    }

    #[test]
    fn the_file_names_the_figure_its_unit_and_its_page() {
        let mut d = def(None, false);
        d.select = vec![("KOKart0000".into(), vec!["AGD10".into()])];
        // A category chosen among several names it; one that is all there is does not.
        let ds = by_art(
            r#"{"label": "kroner", "symbol": "kr", "decimals": 1}"#,
            r#""source": "Statistisk sentralbyrå", "extension": {"px": {"tableid": "12362"}},"#,
        );
        let (cube, diags) = derive(&d, &ds);
        assert!(diags.is_empty(), "{diags:?}");
        let m = cube.meta.as_ref().unwrap();
        assert_eq!(
            (m.id.as_str(), m.title.nb.as_str()),
            ("x", "Beløp (Brutto)")
        );
        assert_eq!((m.unit.nb.as_str(), m.decimals), ("kroner (kr)", 1));
        assert_eq!(
            cube.cell_at(&["value", "3403", "2024"]).unwrap().value,
            Some(4.0)
        );
        // SSB's figures without an `ssb` definition: its table's page, no licence assumed.
        assert_eq!(
            m.source_url.as_deref(),
            Some("https://www.ssb.no/statbank/table/12362")
        );
        assert_eq!(m.licence, None);
        // With an `ssb` definition: the table's page and NLOD.
        let mut with_ssb = def(Some(kostra_table()), false);
        with_ssb.select = d.select.clone();
        let m = derive(&with_ssb, &ds).0.meta.unwrap();
        assert_eq!(
            (m.source_url.as_deref(), m.licence.as_deref()),
            (
                Some("https://www.ssb.no/statbank/table/12362"),
                Some("NLOD")
            )
        );
        // Another publisher: its own link, and a unit given by its symbol alone.
        let other = by_art(
            r#"{"symbol": "kr"}"#,
            r#""source": "Kommunen", "link": {"alternate": [{"href": "https://kommune.no/tall"}]}, "extension": {"px": {"tableid": "12362"}},"#,
        );
        let m = derive(&d, &other).0.meta.unwrap();
        assert_eq!((m.unit.nb.as_str(), m.decimals), ("kr", 0));
        assert_eq!(m.source_url.as_deref(), Some("https://kommune.no/tall"));
    }

    #[test]
    fn a_rate_is_never_summed_whatever_the_catalog_says() {
        let src = r#"{"format": "innsyn-indicator/1", "id": "r", "title": "T", "description": "d", "unit": "u", "source": "S",
            "rate": {"per": 1000, "numerator": "n", "denominator": "d"},
            "values": [{"region": "3401", "period": "2024", "value": 5, "numerator": 5, "denominator": 1000}]}"#;
        let ds = crate::read::read_str(src, &Registry::bundled())
            .unwrap()
            .datasets
            .remove(0);
        let mut d = def(None, false);
        d.overrides.summable = Some(true);
        assert!(!derive(&d, &ds).0.meta.unwrap().summable);
    }

    #[test]
    fn a_simple_file_keeps_its_own_and_takes_the_catalogs_flags() {
        let src = r#"{"format": "innsyn-indicator/1", "id": "f", "title": "T", "description": "d", "unit": "u",
            "source": "Innsyn", "values": [{"region": "3401", "period": "2024", "value": 1}]}"#;
        let ds = crate::read::read_str(src, &Registry::bundled())
            .unwrap()
            .datasets
            .remove(0);
        for demo in [false, true] {
            let (cube, _) = derive(&def(None, demo), &ds);
            let meta = cube.meta.unwrap();
            assert_eq!((meta.id.as_str(), meta.demo), ("x", demo));
            assert_eq!(meta.fetched.as_deref(), Some("2026-09-14T06:34:00Z"));
            assert_eq!(meta.via.as_deref(), Some("republisher"));
        }
    }
}

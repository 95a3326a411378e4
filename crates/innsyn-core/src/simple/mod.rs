//! Innsyn's own simple indicator format (`"format": "innsyn-indicator/1"`),
//! documented in `docs/data-format.md`. One file per indicator: metadata, then
//! one observation per region and period. It maps onto the same [`Dataset`] as
//! JSON-stat: dimensions `measure` (metric), `region` (geo) and `period` (time).

mod meta;

use std::collections::{BTreeSet, HashMap};

use crate::diag::{path_index, path_key, Diags, Msg};
use crate::fields::{missing, wrong_type, Kind, Need::*, Obj};
use crate::json::{JVal, Json};
use crate::model::{Category, Dataset, Dimension, Role, StatusMap, Values};
use crate::registry::Registry;
use crate::status::Status;
use meta::metadata;

pub const FORMAT: &str = "innsyn-indicator/1";

/// Is this parsed document in our format (rather than JSON-stat)?
pub fn is_simple(root: &Json) -> bool {
    root.get("format")
        .and_then(Json::as_str)
        .is_some_and(|f| f.starts_with("innsyn-indicator/"))
}

/// A number cell: a JSON number, or a diagnostic that explains what is wrong.
pub(crate) fn number_or_diag(j: &Json, path: &str, d: &mut Diags) -> Option<f64> {
    match &j.v {
        JVal::Num(n) => Some(*n),
        JVal::Null => None,
        JVal::Str(s) => {
            let fixed = s.trim().replace(['\u{a0}', ' '], "").replace(',', ".");
            let hint = if fixed.parse::<f64>().is_ok() {
                Msg::new(
                    format!("Skriv tallet uten anførselstegn og med desimalpunktum: {fixed}"),
                    format!("Write the number without quotes and with a decimal point: {fixed}"),
                )
            } else {
                Msg::new(
                    "Bruk null for en manglende verdi og oppgi årsaken i «status» (for eksempel \"..\" eller \":\")",
                    "Use null for a missing value and give the reason in \"status\" (for example \"..\" or \":\")",
                )
            };
            d.error_hint(
                "VALUE_NOT_NUMBER",
                path,
                j.start,
                Msg::new(
                    format!("Verdien «{s}» er tekst, ikke et tall"),
                    format!("The value \"{s}\" is text, not a number"),
                ),
                hint,
            );
            None
        }
        _ => {
            d.error(
                "VALUE_NOT_NUMBER",
                path,
                j.start,
                Msg::new(
                    format!("Verdien skal være et tall eller null, er {}", j.type_name()),
                    format!("The value should be a number or null, is {}", j.type_name()),
                ),
            );
            None
        }
    }
}

/// An observation's `region` or `period`: text, or a number written as text.
fn code(o: &Json, path: &str, key: &str, d: &mut Diags) -> Option<String> {
    match o.get(key) {
        Some(Json {
            v: JVal::Str(s), ..
        }) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(Json {
            v: JVal::Num(n), ..
        }) => Some(format!("{n}")),
        Some(j) if !j.is_null() && !matches!(j.v, JVal::Str(_)) => {
            wrong_type(d, &path_key(path, key), j, Required, Kind::Text);
            None
        }
        _ => {
            missing(d, path, key, o.start);
            None
        }
    }
}

struct Obs {
    region: String,
    period: String,
    value: Option<f64>,
    raw: Option<Box<str>>,
    numerator: Option<f64>,
    denominator: Option<f64>,
    status: Option<Status>,
}

pub fn read(json: &Json, src: &str, registry: &Registry, d: &mut Diags) -> Option<Dataset> {
    let meta = metadata(&Obj::root(json), d);
    let items = Obj::root(json).arr("values", Required, d)?;
    let mut obs = Vec::with_capacity(items.len());
    // Region and period, joined by a separator no code contains.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, o) in items.iter().enumerate() {
        let p = path_index("$.values", i);
        if o.as_obj().is_none() {
            wrong_type(d, &p, o, Required, Kind::Object);
            continue;
        }
        let (Some(region), Some(period)) = (code(o, &p, "region", d), code(o, &p, "period", d))
        else {
            continue;
        };
        if registry.resolve(&region).is_none() {
            d.warn_hint(
                "UNKNOWN_REGION",
                &path_key(&p, "region"),
                o.get("region").map_or(o.start, |j| j.start),
                Msg::new(format!("Ukjent regionkode «{region}»"), format!("Unknown region code \"{region}\"")),
                Msg::new("Bruk kommunenummer (0402, 3401 …), fylkesnummer (04, 34) eller SSB-koder (EAK, EAKUO, EKG13)", "Use municipality numbers (0402, 3401 …), county numbers (04, 34) or SSB codes (EAK, EAKUO, EKG13)"),
            );
        } else if let Some(crate::registry::RegionRef::Municipality(m)) = registry.resolve(&region)
        {
            if let Ok(year) = period.get(..4).unwrap_or("").parse::<u16>() {
                let mu = &registry.municipalities[m];
                let expected = mu.code_in(year);
                if region != mu.id && region != expected {
                    d.warn(
                        "NUMBER_NOT_IN_USE",
                        &path_key(&p, "region"),
                        o.get("region").map_or(o.start, |j| j.start),
                        Msg::new(
                            format!(
                                "{} hadde nummer {expected} i {year}, ikke {region}",
                                mu.name
                            ),
                            format!("{} had number {expected} in {year}, not {region}", mu.name),
                        ),
                    );
                }
            }
        }
        let value_j = o.get("value");
        let value = value_j.and_then(|v| number_or_diag(v, &path_key(&p, "value"), d));
        let num = |k: &str, d: &mut Diags| {
            o.get(k)
                .and_then(|v| number_or_diag(v, &path_key(&p, k), d))
        };
        let numerator = num("numerator", d);
        let denominator = num("denominator", d);
        let status = match o.get("status") {
            None | Some(Json { v: JVal::Null, .. }) => None,
            Some(Json {
                v: JVal::Str(s), ..
            }) => Some(Status::parse(s)),
            Some(j) => {
                wrong_type(d, &path_key(&p, "status"), j, Optional, Kind::Text);
                None
            }
        };
        if value.is_none() && status.is_none() && value_j.is_none_or(Json::is_null) {
            d.warn_hint(
                "MISSING_WITHOUT_STATUS",
                &p,
                o.start,
                Msg::new("Verdien mangler uten at årsaken er oppgitt", "The value is missing and no reason is given"),
                Msg::new("Oppgi «status»: \"..\" (mangler), \":\" (skjult av personvernhensyn) eller \".\" (kan ikke forekomme)", "Give \"status\": \"..\" (not available), \":\" (confidential) or \".\" (not applicable)"),
            );
        }
        if let (Some(_), Some(s)) = (value, &status) {
            if !s.has_value() {
                d.warn(
                    "VALUE_WITH_MISSING_STATUS",
                    &p,
                    o.start,
                    Msg::new(
                        format!(
                            "Cellen har både et tall og status «{}»; tallet vises ikke",
                            s.symbol()
                        ),
                        format!(
                            "The cell has both a number and status \"{}\"; the number is not shown",
                            s.symbol()
                        ),
                    ),
                );
            }
        }
        if meta.rate.is_some() && value.is_some() && (numerator.is_none() || denominator.is_none())
        {
            d.warn_hint(
                "RATE_WITHOUT_DENOMINATOR",
                &p,
                o.start,
                Msg::new("Andelen mangler teller eller nevner; den kan ikke tas med når regioner slås sammen", "The rate lacks its numerator or denominator; it cannot be included when regions are combined"),
                Msg::new("Oppgi «numerator» og «denominator» for hver andel", "Give \"numerator\" and \"denominator\" for every rate"),
            );
        }
        let key = format!("{region}\u{1f}{period}");
        if let Some(&first) = seen.get(&key) {
            d.error_hint(
                "DUPLICATE_OBSERVATION",
                &p,
                o.start,
                Msg::new(
                    format!("{region} {period} står to ganger (også i values[{first}])"),
                    format!("{region} {period} appears twice (also at values[{first}])"),
                ),
                Msg::new("Fjern den ene raden", "Remove one of the rows"),
            );
            continue;
        }
        seen.insert(key, i);
        let value = match &status {
            Some(s) if !s.has_value() => None,
            _ => value,
        };
        let raw = value_j
            .filter(|j| matches!(j.v, JVal::Num(_)))
            .map(|j| j.raw(src).into());
        obs.push(Obs {
            region,
            period,
            value,
            raw,
            numerator,
            denominator,
            status,
        });
    }
    if obs.is_empty() && !items.is_empty() {
        return None;
    }

    let mut regions: Vec<String> = Vec::new();
    let mut region_pos: HashMap<&str, usize> = HashMap::new();
    for o in &obs {
        if !region_pos.contains_key(o.region.as_str()) {
            region_pos.insert(&o.region, regions.len());
            regions.push(o.region.clone());
        }
    }
    let periods: Vec<String> = obs
        .iter()
        .map(|o| o.period.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut measures = vec!["value"];
    if meta.rate.is_some() {
        measures.extend(["numerator", "denominator"]);
    }
    // The cube is regions × periods: a file of n observations, each of its
    // own region and period, would claim n² cells.
    let (nr, np) = (regions.len(), periods.len());
    let n = crate::limits::cube_cells(
        &[measures.len(), nr, np],
        src.len(),
        d,
        "$.values",
        json.get("values").map_or(json.start, |j| j.start),
        Msg::new(
            format!("En kube på {nr} regioner × {np} perioder"),
            format!("A cube of {nr} regions × {np} periods"),
        ),
        Msg::new(
            "Sjekk «region» og «period» i observasjonene",
            "Check \"region\" and \"period\" in the observations",
        ),
    )?;
    let label_of = |id: &str| match id {
        "numerator" => meta
            .rate
            .as_ref()
            .map_or(id.to_string(), |r| r.numerator.nb.clone()),
        "denominator" => meta
            .rate
            .as_ref()
            .map_or(id.to_string(), |r| r.denominator.nb.clone()),
        _ => meta.title.nb.clone(),
    };
    let cats = |ids: &[String], label: &dyn Fn(&str) -> String| -> Vec<Category> {
        ids.iter()
            .map(|id| Category {
                id: id.clone(),
                label: label(id),
                ..Default::default()
            })
            .collect()
    };
    let region_label = |id: &str| match registry.resolve(id) {
        Some(crate::registry::RegionRef::Municipality(i)) => {
            registry.municipalities[i].name.clone()
        }
        Some(crate::registry::RegionRef::County(c)) => {
            registry.county_name(&c).unwrap_or(id).to_string()
        }
        _ => id.to_string(),
    };
    let measure_ids: Vec<String> = measures.iter().map(|s| s.to_string()).collect();
    let dims = vec![
        Dimension::new(
            "measure",
            "measure",
            Some(Role::Metric),
            cats(&measure_ids, &label_of),
        ),
        Dimension::new(
            "region",
            "region",
            Some(Role::Geo),
            cats(&regions, &region_label),
        ),
        Dimension::new(
            "period",
            "period",
            Some(Role::Time),
            cats(&periods, &|s: &str| s.to_string()),
        ),
    ];
    let mut ds = Dataset {
        label: Some(meta.title.nb.clone()),
        source: meta.source.clone(),
        values: Values::missing(n),
        raw_values: Some(vec![None; n]),
        dims,
        ..Default::default()
    };
    let period_pos: HashMap<&str, usize> = periods
        .iter()
        .enumerate()
        .map(|(i, p)| (p.as_str(), i))
        .collect();
    let mut status = Vec::new();
    for o in &obs {
        let (r, t) = (region_pos[o.region.as_str()], period_pos[o.period.as_str()]);
        let at = |m: usize| (m * nr + r) * np + t;
        ds.values.set(at(0), o.value);
        if let Some(raw) = ds.raw_values.as_mut() {
            raw[at(0)] = o.raw.clone();
        }
        if let Some(s) = &o.status {
            status.push((at(0), s.clone()));
        }
        if measures.len() == 3 {
            ds.values.set(at(1), o.numerator);
            ds.values.set(at(2), o.denominator);
        }
    }
    ds.status = StatusMap::from_pairs(status);
    ds.meta = Some(meta);
    Some(ds)
}

#[cfg(test)]
mod tests {
    use crate::read::read_str;
    use crate::registry::Registry;

    #[test]
    fn the_same_region_and_period_twice_is_an_error() {
        let src = r#"{"format": "innsyn-indicator/1", "id": "x", "title": "T", "description": "D", "unit": "U",
            "values": [{"region": "0402", "period": "2018", "value": 1},
                       {"region": "04", "period": "022018", "value": 2},
                       {"region": "0402", "period": 2018, "value": 3}]}"#;
        let out = read_str(src, &Registry::bundled()).unwrap();
        let dup: Vec<_> = out
            .diagnostics
            .iter()
            .filter(|d| d.code == "DUPLICATE_OBSERVATION")
            .map(|d| (d.path.as_str(), d.message.en.as_str()))
            .collect();
        assert_eq!(
            dup,
            [("$.values[2]", "0402 2018 appears twice (also at values[0])")]
        );
        let ds = &out.datasets[0];
        assert_eq!(
            ds.cell_at(&["value", "0402", "2018"]).unwrap().value,
            Some(1.0),
            "the first is kept"
        );
    }

    #[test]
    fn a_cube_larger_than_the_file_can_describe_is_refused() {
        let values: Vec<String> = (0..1_001)
            .map(|i| {
                format!(
                    r#"{{"region": "R{i}", "period": "{}", "value": 1}}"#,
                    1000 + i
                )
            })
            .collect();
        let src = format!(
            r#"{{"format": "innsyn-indicator/1", "id": "x", "title": "T", "description": "D", "unit": "U", "values": [{}]}}"#,
            values.join(",")
        );
        let out = read_str(&src, &Registry::bundled()).unwrap();
        assert!(out.datasets.is_empty());
        let too_many: Vec<_> = out
            .diagnostics
            .iter()
            .filter(|d| d.code == "TOO_MANY_CELLS")
            .collect();
        assert_eq!(too_many.len(), 1, "{:?}", out.diagnostics);
        assert_eq!(too_many[0].path, "$.values");
        assert!(too_many[0]
            .message
            .en
            .starts_with("A cube of 1001 regions × 1001 periods gives more than 1000000 cells"));
    }
}

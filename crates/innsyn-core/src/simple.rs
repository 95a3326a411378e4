//! Innsyn's own simple indicator format (`"format": "innsyn-indicator/1"`),
//! documented in `docs/data-format.md`. One file per indicator: metadata, then
//! one observation per region and period. It maps onto the same [`Dataset`] as
//! JSON-stat: dimensions `measure` (metric), `region` (geo) and `period` (time).

use std::collections::{BTreeSet, HashMap};

use crate::diag::{path_index, path_key, Diags, Msg};
use crate::json::{JVal, Json};
use crate::model::{
    Category, Dataset, Dimension, Direction, I18nText, IndicatorMeta, Rate, Role, StatusMap, Values,
};
use crate::registry::Registry;
use crate::status::Status;

pub const FORMAT: &str = "innsyn-indicator/1";

/// Is this parsed document in our format (rather than JSON-stat)?
pub fn is_simple(root: &Json) -> bool {
    root.get("format")
        .and_then(Json::as_str)
        .is_some_and(|f| f.starts_with("innsyn-indicator/"))
}

/// Text that may be a plain string (bokmål) or `{"nb": …, "nn": …, "en": …}`.
pub(crate) fn i18n(
    j: Option<&Json>,
    path: &str,
    d: &mut Diags,
    required: bool,
    what: (&str, &str),
) -> Option<I18nText> {
    let Some(j) = j else {
        if required {
            d.error_hint(
                "MISSING_FIELD",
                path,
                0,
                Msg::new(format!("Mangler {}", what.0), format!("Missing {}", what.1)),
                Msg::new(
                    format!("Legg til «{}» i fila", last_key(path)),
                    format!("Add \"{}\" to the file", last_key(path)),
                ),
            );
        }
        return None;
    };
    match &j.v {
        JVal::Str(s) => Some(I18nText::plain(s.to_string())),
        JVal::Obj(_) => {
            let get = |k: &str| j.get(k).and_then(Json::as_str).map(str::to_string);
            let Some(nb) = get("nb").or_else(|| get("no")) else {
                d.error(
                    "MISSING_FIELD",
                    &path_key(path, "nb"),
                    j.start,
                    Msg::new(
                        "Mangler bokmålstekst («nb»)",
                        "Missing the bokmål text (\"nb\")",
                    ),
                );
                return None;
            };
            let t = I18nText {
                nb,
                nn: get("nn"),
                en: get("en"),
            };
            if required && (t.nn.is_none() || t.en.is_none()) {
                d.warn(
                    "MISSING_TRANSLATION",
                    path,
                    j.start,
                    Msg::new(
                        "Mangler nynorsk eller engelsk tekst; bokmål vises i stedet",
                        "Missing nynorsk or English text; bokmål is shown instead",
                    ),
                );
            }
            Some(t)
        }
        _ => {
            d.error(
                "WRONG_TYPE",
                path,
                j.start,
                Msg::new(
                    format!("Skal være tekst, er {}", j.type_name()),
                    format!("Should be text, is {}", j.type_name()),
                ),
            );
            None
        }
    }
}

fn last_key(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path)
}

/// Keeps http(s) links only.
pub fn safe_link(url: &str) -> bool {
    let u = url.trim_start().to_ascii_lowercase();
    (u.starts_with("https://") || u.starts_with("http://")) && u.len() > "https://".len()
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

struct Obs {
    region: String,
    period: String,
    value: Option<f64>,
    raw: Option<Box<str>>,
    numerator: Option<f64>,
    denominator: Option<f64>,
    status: Option<Status>,
}

pub fn read(root: &Json, src: &str, registry: &Registry, d: &mut Diags) -> Option<Dataset> {
    if let Some(f) = root.get("format").and_then(Json::as_str) {
        if f != FORMAT {
            d.warn(
                "FORMAT_VERSION",
                "$.format",
                root.get("format").map_or(0, |j| j.start),
                Msg::new(
                    format!("Ukjent versjon «{f}»; leser som {FORMAT}"),
                    format!("Unknown version \"{f}\"; reading as {FORMAT}"),
                ),
            );
        }
    }
    let id = match root.get("id").and_then(Json::as_str) {
        Some(id) if !id.trim().is_empty() => id.to_string(),
        _ => {
            d.error_hint(
                "MISSING_FIELD",
                "$.id",
                root.start,
                Msg::new("Mangler «id»", "Missing \"id\""),
                Msg::new(
                    "Gi indikatoren en kort id, for eksempel \"barn-med-tiltak\"",
                    "Give the indicator a short id, e.g. \"barn-med-tiltak\"",
                ),
            );
            String::new()
        }
    };
    let title = i18n(
        root.get("title"),
        "$.title",
        d,
        true,
        ("tittel («title»)", "a title (\"title\")"),
    )
    .unwrap_or_default();
    let description = i18n(
        root.get("description"),
        "$.description",
        d,
        true,
        (
            "beskrivelse («description»)",
            "a description (\"description\")",
        ),
    )
    .unwrap_or_default();
    let unit = i18n(
        root.get("unit"),
        "$.unit",
        d,
        true,
        ("enhet («unit»)", "a unit (\"unit\")"),
    )
    .unwrap_or_default();
    let decimals = match root.get("decimals") {
        None => 0,
        Some(j) => match j.as_f64() {
            Some(n) if n >= 0.0 && n <= 6.0 && n.fract() == 0.0 => n as u8,
            _ => {
                d.warn(
                    "BAD_DECIMALS",
                    "$.decimals",
                    j.start,
                    Msg::new(
                        "«decimals» skal være et heltall fra 0 til 6; bruker 0",
                        "\"decimals\" should be a whole number from 0 to 6; using 0",
                    ),
                );
                0
            }
        },
    };
    let rate = root.get("rate").and_then(|r| {
        let per = r.get("per").and_then(Json::as_f64).unwrap_or(1.0);
        let numerator = i18n(
            r.get("numerator"),
            "$.rate.numerator",
            d,
            true,
            ("teller («numerator»)", "a numerator (\"numerator\")"),
        )?;
        let denominator = i18n(
            r.get("denominator"),
            "$.rate.denominator",
            d,
            true,
            ("nevner («denominator»)", "a denominator (\"denominator\")"),
        )?;
        Some(Rate {
            per,
            numerator,
            denominator,
        })
    });
    let direction = match root.get("higher_is").and_then(Json::as_str) {
        Some("better") => Direction::HigherIsBetter,
        Some("worse") => Direction::HigherIsWorse,
        Some("neither") | None => Direction::Neither,
        Some(other) => {
            d.warn(
                "BAD_FIELD",
                "$.higher_is",
                root.get("higher_is").map_or(0, |j| j.start),
                Msg::new(
                    format!("«higher_is» er «{other}»; bruk better, worse eller neither"),
                    format!("\"higher_is\" is \"{other}\"; use better, worse or neither"),
                ),
            );
            Direction::Neither
        }
    };
    let source = root.get("source");
    let source_url = source
        .and_then(|s| s.get("url"))
        .and_then(Json::as_str)
        .and_then(|u| {
            if safe_link(u) {
                Some(u.to_string())
            } else {
                d.warn(
                    "UNSAFE_LINK",
                    "$.source.url",
                    source.and_then(|s| s.get("url")).map_or(0, |j| j.start),
                    Msg::new(
                        "Lenken er ikke http(s) og vises ikke",
                        "The link is not http(s) and is not shown",
                    ),
                );
                None
            }
        });
    let meta = IndicatorMeta {
        id,
        title,
        description,
        unit,
        decimals,
        rate,
        direction,
        source: source
            .and_then(|s| s.get("name").or(Some(s)))
            .and_then(Json::as_str)
            .map(str::to_string),
        source_url,
        table: source
            .and_then(|s| s.get("table"))
            .and_then(Json::as_str)
            .map(str::to_string),
        licence: root
            .get("licence")
            .and_then(Json::as_str)
            .map(str::to_string),
        demo: root.get("demo").is_some_and(|v| v.v == JVal::Bool(true)),
        summable: match root.get("aggregation").map(|j| (j, j.as_str())) {
            None | Some((_, Some("none"))) => false,
            Some((_, Some("sum"))) => true,
            Some((j, _)) => {
                d.warn(
                    "BAD_FIELD",
                    "$.aggregation",
                    j.start,
                    Msg::new(
                        "«aggregation» skal være \"sum\" eller \"none\"",
                        "\"aggregation\" should be \"sum\" or \"none\"",
                    ),
                );
                false
            }
        },
        updated: root
            .get("updated")
            .and_then(Json::as_str)
            .map(str::to_string),
        ..Default::default()
    };
    if meta.summable && meta.rate.is_some() {
        d.warn("BAD_FIELD", "$.aggregation", root.get("aggregation").map_or(0, |j| j.start), Msg::new("En andel slås sammen med teller og nevner, ikke ved å summere; «aggregation» blir ikke brukt", "A rate is combined by its numerator and denominator, not summed; \"aggregation\" is not used"));
    }

    let Some(values) = root.get("values") else {
        d.error(
            "MISSING_FIELD",
            "$.values",
            root.start,
            Msg::new("Mangler «values»", "Missing \"values\""),
        );
        return None;
    };
    let Some(items) = values.as_arr() else {
        d.error(
            "WRONG_TYPE",
            "$.values",
            values.start,
            Msg::new(
                "«values» skal være en liste",
                "\"values\" should be an array",
            ),
        );
        return None;
    };
    let mut obs = Vec::with_capacity(items.len());
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for (i, o) in items.iter().enumerate() {
        let p = path_index("$.values", i);
        if o.as_obj().is_none() {
            d.error(
                "WRONG_TYPE",
                &p,
                o.start,
                Msg::new(
                    "Hver observasjon skal være et objekt",
                    "Each observation should be an object",
                ),
            );
            continue;
        }
        let text = |k: &str, d: &mut Diags| -> Option<String> {
            match o.get(k).map(|j| &j.v) {
                Some(JVal::Str(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
                Some(JVal::Num(n)) => Some(format!("{n}")),
                _ => {
                    d.error(
                        "MISSING_FIELD",
                        &path_key(&p, k),
                        o.start,
                        Msg::new(format!("Mangler «{k}»"), format!("Missing \"{k}\"")),
                    );
                    None
                }
            }
        };
        let (Some(region), Some(period)) = (text("region", d), text("period", d)) else {
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
                d.warn(
                    "WRONG_TYPE",
                    &path_key(&p, "status"),
                    j.start,
                    Msg::new(
                        "«status» skal være tekst, for eksempel \":\"",
                        "\"status\" should be text, e.g. \":\"",
                    ),
                );
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
        if let Some(&first) = seen.get(&(region.clone(), period.clone())) {
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
        seen.insert((region.clone(), period.clone()), i);
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
    let (nr, np) = (regions.len(), periods.len());
    let n = measures.len() * nr * np;
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

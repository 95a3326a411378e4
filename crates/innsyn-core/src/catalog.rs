//! The catalog (`innsyn-catalog/1`): which indicator files exist and which
//! dashboards show them. KS edits the catalog, not the code; another catalog
//! is opened with `?catalog=URL`. Documented in `docs/data-format.md`.

use crate::define::{self, Source};
use crate::diag::{path_index, Diagnostic, Diags, Msg};
use crate::json::{self, Json, ParseError};
use crate::model::I18nText;
use crate::simple::safe_link;

pub const FORMAT: &str = "innsyn-catalog/1";

pub use crate::define::IndicatorDef;

/// A boundaries file for the choropleth map.
#[derive(Debug, Clone, PartialEq)]
pub struct Boundaries {
    pub url: String,
    /// Shown under the map, e.g. "© Kartverket".
    pub attribution: String,
    /// The feature property that holds the municipality number.
    pub join: String,
}

/// A ready-made set of municipalities for the cooperation simulator.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    pub id: String,
    pub name: I18nText,
    /// Municipality ids (any number a municipality has had).
    pub members: Vec<String>,
}

/// What the cooperation simulator needs beyond the indicator files.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cooperation {
    /// Indicator ids shown for a scenario, in order (default: the region
    /// dashboard's).
    pub indicators: Vec<String>,
    /// The indicator with the staff (årsverk) of each service, a count.
    pub staff: Option<String>,
    /// The indicator with caseload per årsverk, a rate.
    pub caseload: Option<String>,
    /// The size, in årsverk, below which a service is counted as small, and
    /// where that number comes from. Without a source it is an assumption.
    pub threshold: Option<f64>,
    pub threshold_source: Option<I18nText>,
    pub scenarios: Vec<Scenario>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Catalog {
    /// The region registry's URL; without one, the app's own `data/regions.json`.
    pub regions: Option<String>,
    /// Without one, the map is a tile map.
    pub boundaries: Option<Boundaries>,
    pub title: I18nText,
    pub indicators: Vec<IndicatorDef>,
    /// Indicator ids shown on the region dashboards, in order.
    pub region_dashboard: Vec<String>,
    /// Comparison region codes (county, Landet uten Oslo, KOSTRA group …).
    pub comparisons: Vec<String>,
    pub cooperation: Cooperation,
}

impl Catalog {
    pub fn indicator(&self, id: &str) -> Option<&IndicatorDef> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// Where an indicator's figures come from, as readers are told: its
    /// file, the SSB table asked live, or for a computed rate where each of
    /// its two parts comes from.
    pub fn file_label(&self, def: &IndicatorDef) -> String {
        match def.rate() {
            Some(r) => {
                let part = |id: &str| match self.indicator(id) {
                    Some(p) if p.rate().is_none() => p.file_label(),
                    _ => id.to_string(),
                };
                format!("{} ÷ {}", part(&r.numerator), part(&r.denominator))
            }
            None => def.file_label(),
        }
    }
}

/// Resolves `href` against the URL of the document that names it: absolute
/// http(s) URLs stay, `/path` goes to the same origin, others are relative.
pub fn resolve_url(base: &str, href: &str) -> Option<String> {
    if safe_link(href) {
        return Some(href.to_string());
    }
    // Another scheme (javascript:, data:, file: …) is never followed.
    if let Some((scheme, _)) = href.split_once(':') {
        if !scheme.is_empty()
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
        {
            return None;
        }
    }
    if let Some(path) = href.strip_prefix('/') {
        let origin_end = base
            .find("://")
            .map(|i| i + 3)
            .and_then(|s| base[s..].find('/').map(|p| s + p))
            .unwrap_or(base.len());
        return Some(format!("{}/{path}", &base[..origin_end]));
    }
    let dir = base.split(['?', '#']).next().unwrap_or(base);
    let dir = &dir[..dir.rfind('/').map_or(0, |i| i + 1)];
    Some(format!("{dir}{href}"))
}

pub fn parse(src: &str, base_url: &str) -> Result<(Catalog, Vec<Diagnostic>), ParseError> {
    let root = json::parse(src)?;
    let mut d = Diags::new(src);
    if root.get("format").and_then(Json::as_str) != Some(FORMAT) {
        d.error(
            "UNKNOWN_FORMAT",
            "$.format",
            root.start,
            Msg::new(
                format!("En katalog skal ha \"format\": \"{FORMAT}\""),
                format!("A catalog needs \"format\": \"{FORMAT}\""),
            ),
        );
    }
    let mut cat = Catalog {
        title: text(root.get("title")),
        ..Default::default()
    };
    for (i, ind) in root
        .get("indicators")
        .and_then(Json::as_arr)
        .unwrap_or(&[])
        .iter()
        .enumerate()
    {
        let path = path_index("$.indicators", i);
        let Some(id) = ind.get("id").and_then(Json::as_str) else {
            d.error(
                "MISSING_FIELD",
                &path,
                ind.start,
                Msg::new("Indikatoren mangler «id»", "The indicator lacks \"id\""),
            );
            continue;
        };
        if cat.indicator(id).is_some() {
            d.error(
                "DUPLICATE_INDICATOR",
                &path,
                ind.start,
                Msg::new(
                    format!("Indikatoren «{id}» står to ganger i «indicators»"),
                    format!("The indicator \"{id}\" is twice in \"indicators\""),
                ),
            );
            continue;
        }
        let url = match ind.get("url").and_then(Json::as_str) {
            None => None,
            Some(href) => match resolve_url(base_url, href) {
                Some(url) => Some(url),
                None => {
                    d.error(
                        "UNSAFE_LINK",
                        &path,
                        ind.start,
                        Msg::new(
                            format!("«{href}» er verken http(s) eller en relativ adresse"),
                            format!("\"{href}\" is neither http(s) nor a relative address"),
                        ),
                    );
                    continue;
                }
            },
        };
        if let Some(def) = define::parse_def(ind, id, url, &path, &mut d) {
            cat.indicators.push(def);
        }
    }
    check_definitions(&cat, root.start, &mut d);
    let ids = |j: Option<&Json>| -> Vec<String> {
        j.and_then(Json::as_arr)
            .unwrap_or(&[])
            .iter()
            .filter_map(|x| x.as_str().map(str::to_string))
            .collect()
    };
    cat.region_dashboard = ids(root.get("dashboards").and_then(|d| d.get("region")));
    for id in &cat.region_dashboard {
        known_indicator(&cat, id, "$.dashboards.region", root.start, &mut d);
    }
    cat.comparisons = ids(root.get("comparisons"));
    cat.cooperation = cooperation(&root, &cat, &mut d);
    cat.cooperation.indicators = ids(root.get("dashboards").and_then(|d| d.get("cooperation")));
    if cat.cooperation.indicators.is_empty() {
        cat.cooperation.indicators = cat.region_dashboard.clone();
    }
    if let Some(r) = root.get("regions") {
        match r
            .as_str()
            .and_then(|href| resolve_url(base_url, href).filter(|_| !href.is_empty()))
        {
            Some(url) => cat.regions = Some(url),
            None => d.error(
                "UNSAFE_LINK",
                "$.regions",
                r.start,
                Msg::new(
                    "«regions» skal være en http(s)- eller relativ adresse",
                    "\"regions\" must be an http(s) or relative address",
                ),
            ),
        }
    }
    if let Some(b) = root.get("boundaries").filter(|b| !b.is_null()) {
        let href = b.get("url").and_then(Json::as_str).unwrap_or_default();
        match (resolve_url(base_url, href).filter(|_| !href.is_empty()), b.get("attribution").and_then(Json::as_str)) {
            (Some(url), Some(attribution)) => {
                let join = b.get("join").and_then(Json::as_str).unwrap_or("kommunenummer").to_string();
                cat.boundaries = Some(Boundaries { url, attribution: attribution.to_string(), join });
            }
            _ => d.error(
                "MISSING_FIELD",
                "$.boundaries",
                b.start,
                Msg::new("«boundaries» trenger «url» (http(s) eller relativ) og «attribution» (kreditering av kartdataene)", "\"boundaries\" needs \"url\" (http(s) or relative) and \"attribution\" (credit for the map data)"),
            ),
        }
    }
    for id in ids(root.get("dashboards").and_then(|d| d.get("cooperation"))) {
        known_indicator(&cat, &id, "$.dashboards.cooperation", root.start, &mut d);
    }
    Ok((cat, d.list))
}

/// Rates name two indicators of the catalog that are not rates themselves;
/// demonstration figures and real figures never share a catalog (a page
/// would mix them).
fn check_definitions(cat: &Catalog, at: u32, d: &mut Diags) {
    for def in &cat.indicators {
        let Source::Rate(r) = &def.source else {
            continue;
        };
        for (part, key) in [(&r.numerator, "numerator"), (&r.denominator, "denominator")] {
            let path = format!("{}.rate.{key}", def.path);
            match cat.indicator(part) {
                None => {
                    known_indicator(cat, part, &path, at, d);
                }
                Some(p) if p.rate().is_some() => d.error(
                    "RATE_OF_RATE",
                    &path,
                    at,
                    Msg::new(
                        format!("«{part}» er selv en beregnet andel; teller og nevner må være tellinger"),
                        format!("\"{part}\" is itself a computed rate; numerator and denominator must be counts"),
                    ),
                ),
                Some(_) => {}
            }
        }
    }
    let demo = cat.indicators.iter().filter(|i| i.demo).count();
    if demo > 0 && demo < cat.indicators.len() {
        d.error(
            "MIXED_DEMO",
            "$.indicators",
            at,
            Msg::new(
                "Katalogen blander fiktive demonstrasjonstall og ekte tall; legg dem i hver sin katalog",
                "The catalog mixes made-up demonstration figures with real ones; put them in separate catalogs",
            ),
        );
    }
}

fn known_indicator(cat: &Catalog, id: &str, path: &str, at: u32, d: &mut Diags) -> bool {
    let known = cat.indicator(id).is_some();
    if !known {
        d.error(
            "UNKNOWN_INDICATOR",
            path,
            at,
            Msg::new(
                format!("Indikatoren «{id}» står ikke i «indicators»"),
                format!("The indicator \"{id}\" is not in \"indicators\""),
            ),
        );
    }
    known
}

/// The `cooperation` object: the staff and caseload indicators, the size
/// threshold and its source, and the ready-made scenarios.
fn cooperation(root: &Json, cat: &Catalog, d: &mut Diags) -> Cooperation {
    let mut c = Cooperation::default();
    let Some(o) = root.get("cooperation").filter(|o| !o.is_null()) else {
        return c;
    };
    for (key, slot) in [("staff", &mut c.staff), ("caseload", &mut c.caseload)] {
        if let Some(id) = o.get(key).and_then(Json::as_str) {
            let path = format!("$.cooperation.{key}");
            if known_indicator(cat, id, &path, o.start, d) {
                *slot = Some(id.to_string());
            }
        }
    }
    if let Some(t) = o.get("threshold") {
        match t.as_f64().filter(|v| *v > 0.0 && v.is_finite()) {
            Some(v) => c.threshold = Some(v),
            None => d.warn(
                "BAD_FIELD",
                "$.cooperation.threshold",
                t.start,
                Msg::new(
                    "«threshold» skal være et positivt tall (årsverk)",
                    "\"threshold\" must be a positive number (full-time equivalents)",
                ),
            ),
        }
    }
    c.threshold_source = o.get("threshold_source").map(|j| text(Some(j)));
    for (i, s) in o
        .get("scenarios")
        .and_then(Json::as_arr)
        .unwrap_or(&[])
        .iter()
        .enumerate()
    {
        let members: Vec<String> = s
            .get("members")
            .and_then(Json::as_arr)
            .unwrap_or(&[])
            .iter()
            .filter_map(|m| m.as_str().map(str::to_string))
            .collect();
        match s.get("id").and_then(Json::as_str) {
            Some(id) if !members.is_empty() => c.scenarios.push(Scenario {
                id: id.to_string(),
                name: text(s.get("name")),
                members,
            }),
            _ => d.error(
                "MISSING_FIELD",
                &path_index("$.cooperation.scenarios", i),
                s.start,
                Msg::new(
                    "Scenarioet mangler «id» eller «members»",
                    "The scenario lacks \"id\" or \"members\"",
                ),
            ),
        }
    }
    c
}

/// A text in one language (a string) or several (`{"nb": …, "nn": …, "en": …}`).
fn text(j: Option<&Json>) -> I18nText {
    match j {
        Some(Json {
            v: json::JVal::Str(s),
            ..
        }) => I18nText::plain(s.to_string()),
        Some(o) => I18nText {
            nb: o
                .get("nb")
                .and_then(Json::as_str)
                .unwrap_or_default()
                .to_string(),
            nn: o.get("nn").and_then(Json::as_str).map(str::to_string),
            en: o.get("en").and_then(Json::as_str).map(str::to_string),
        },
        None => I18nText::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_resolve_against_the_catalog() {
        let base = "https://ks.no/innsyn/data/catalog.json?v=2";
        assert_eq!(
            resolve_url(base, "demo/a.json").unwrap(),
            "https://ks.no/innsyn/data/demo/a.json"
        );
        assert_eq!(
            resolve_url(base, "/x/b.json").unwrap(),
            "https://ks.no/x/b.json"
        );
        assert_eq!(
            resolve_url(base, "https://data.ssb.no/t.json").unwrap(),
            "https://data.ssb.no/t.json"
        );
        assert_eq!(
            resolve_url("data/catalog.json", "demo/a.json").unwrap(),
            "data/demo/a.json"
        );
        assert_eq!(resolve_url(base, "javascript:alert(1)"), None);
        assert_eq!(resolve_url(base, "data:application/json,{}"), None);
    }

    #[test]
    fn demonstration_catalog_reads_clean() {
        // The real catalog is checked in tests/bundled_catalog.rs.
        let src = include_str!("../../../public/data/demo/catalog.json");
        let (cat, diags) = parse(src, "data/demo/catalog.json").unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        assert!(!cat.region_dashboard.is_empty());
        assert_eq!(cat.regions.as_deref(), Some("data/demo/../regions.json"));
        for i in &cat.indicators {
            assert!(
                i.url().is_some_and(|u| u.starts_with("data/demo/")),
                "{:?}",
                i.url()
            );
            assert!(i.demo, "demonstration figures are marked");
        }
    }

    #[test]
    fn the_cooperation_settings_are_read_and_checked() {
        let src = r#"{"format": "innsyn-catalog/1",
            "indicators": [{"id": "a", "url": "a.json"}, {"id": "b", "url": "b.json"}],
            "dashboards": {"region": ["a", "b"]},
            "cooperation": {"staff": "a", "caseload": "nope", "threshold": -2,
                "threshold_source": {"nb": "Rapport", "en": "Report"},
                "scenarios": [{"id": "s", "name": "S", "members": ["0502", "3447"]}, {"id": "t"}]}}"#;
        let (cat, diags) = parse(src, "k/catalog.json").unwrap();
        let codes: Vec<(&str, &str)> = diags.iter().map(|d| (d.code, d.path.as_str())).collect();
        assert_eq!(
            codes,
            [
                ("UNKNOWN_INDICATOR", "$.cooperation.caseload"),
                ("BAD_FIELD", "$.cooperation.threshold"),
                ("MISSING_FIELD", "$.cooperation.scenarios[1]"),
            ]
        );
        let co = &cat.cooperation;
        assert_eq!(
            (co.staff.as_deref(), co.caseload.as_deref()),
            (Some("a"), None)
        );
        assert_eq!(co.threshold, None);
        assert_eq!(
            co.threshold_source
                .as_ref()
                .unwrap()
                .get(crate::i18n::Lang::En),
            "Report"
        );
        assert_eq!(co.scenarios.len(), 1);
        assert_eq!(
            co.indicators,
            ["a", "b"],
            "the region dashboard's by default"
        );
    }
}

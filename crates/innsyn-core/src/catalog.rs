//! The catalog (`innsyn-catalog/1`): which indicator files exist and which
//! dashboards show them. KS edits the catalog, not the code; another catalog
//! is opened with `?catalog=URL`. Documented in `docs/data-format.md`.

use crate::define::{self, Source};
use crate::diag::{Diagnostic, Diags, Msg};
use crate::fields::{self, Need::*, Obj};
use crate::json::{self, ParseError};
use crate::limits::safe_link;
use crate::model::I18nText;

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
    /// Whom to contact about accessibility (the statement's contact).
    pub contact: Option<crate::statement::Contact>,
    /// Price indexes for showing kroner in fixed prices.
    pub prices: crate::prices::Prices,
    /// Breaks and notes: what happened, shown where a series crosses it.
    pub events: Vec<crate::events::Event>,
    /// What the start page leads with.
    pub start: Start,
}

/// The start page's figures (`"start"`): the sentence of what the
/// municipalities spent (`spending`, kroner; `per_child`, kroner per
/// child), and the indicator its map and ranking show first (`indicator`;
/// default the first of the catalog).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Start {
    pub spending: Option<String>,
    pub per_child: Option<String>,
    pub indicator: Option<String>,
}

impl Catalog {
    pub fn indicator(&self, id: &str) -> Option<&IndicatorDef> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// Whether an indicator's figures are asked from SSB's live API: a
    /// definition without a file, or a rate with such a part.
    pub fn is_live(&self, def: &IndicatorDef) -> bool {
        match def.rate() {
            Some(r) => [&r.numerator, &r.denominator].iter().any(|p| {
                self.indicator(p)
                    .is_some_and(|p| p.rate().is_none() && p.url().is_none())
            }),
            None => def.url().is_none(),
        }
    }

    /// The indicators of a dashboard in the order they are shown: those
    /// with figures in files first (they show at once, offline too), then
    /// those only SSB's live API has, each group in the catalog's order.
    pub fn dashboard(&self, ids: &[String]) -> Vec<IndicatorDef> {
        let defs = ids.iter().filter_map(|id| self.indicator(id));
        let (live, files): (Vec<_>, Vec<_>) = defs.cloned().partition(|d| self.is_live(d));
        files.into_iter().chain(live).collect()
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
    let json = json::parse(src)?;
    let mut d = Diags::new(src);
    let d = &mut d;
    let root = Obj::root(&json);
    fields::format(&root, FORMAT, "En katalog", "A catalog", d);
    let mut cat = Catalog {
        title: root.text("title", Optional, d).unwrap_or_default(),
        ..Default::default()
    };
    for ind in root.objs("indicators", Optional, d) {
        let Some(id) = ind.str("id", Required, d) else {
            continue;
        };
        if cat.indicator(id).is_some() {
            d.error(
                "DUPLICATE_INDICATOR",
                &ind.path,
                ind.start(),
                Msg::new(
                    format!("Indikatoren «{id}» står to ganger i «indicators»"),
                    format!("The indicator \"{id}\" is twice in \"indicators\""),
                ),
            );
            continue;
        }
        let url = match ind.str("url", Optional, d) {
            None => None,
            Some(href) => match resolve_url(base_url, href) {
                Some(url) => Some(url),
                None => {
                    let at = ind.get("url").map_or(0, |j| j.start);
                    unsafe_link(d, &ind.key_path("url"), at, href);
                    continue;
                }
            },
        };
        if let Some(def) = define::parse_def(&ind, id, url, d) {
            cat.indicators.push(def);
        }
    }
    check_definitions(&cat, json.start, d);
    let (region, cooperation_ids) = match root.obj("dashboards", Optional, d) {
        Some(o) => (
            o.strs("region", Optional, d),
            o.strs("cooperation", Optional, d),
        ),
        None => (Vec::new(), Vec::new()),
    };
    cat.region_dashboard = region;
    for id in &cat.region_dashboard {
        known_indicator(&cat, id, "$.dashboards.region", json.start, d);
    }
    cat.comparisons = root.strs("comparisons", Optional, d);
    cat.cooperation = cooperation(&root, &cat, d);
    cat.contact = crate::statement::contact(&root, d);
    if let Some(p) = root.obj("prices", Optional, d) {
        cat.prices = crate::prices::Prices::parse(&p, d);
    }
    cat.events = crate::events::parse(&root, d);
    for (i, e) in cat.events.iter().enumerate() {
        for id in &e.indicators {
            known_indicator(
                &cat,
                id,
                &format!("$.events[{i}].indicators"),
                json.start,
                d,
            );
        }
    }
    for def in &cat.indicators {
        if let Some(g) = &def.gross {
            known_indicator(
                &cat,
                &g.net,
                &format!("{}.gross.net", def.path),
                json.start,
                d,
            );
        }
    }
    if let Some(o) = root.obj("start", Optional, d) {
        let mut id = |key: &str| {
            let id = o.string(key, Optional, d)?;
            known_indicator(&cat, &id, &o.key_path(key), o.start(), d).then_some(id)
        };
        cat.start = Start {
            spending: id("spending"),
            per_child: id("per_child"),
            indicator: id("indicator"),
        };
    }
    for id in &cooperation_ids {
        known_indicator(&cat, id, "$.dashboards.cooperation", json.start, d);
    }
    cat.cooperation.indicators = cooperation_ids;
    if cat.cooperation.indicators.is_empty() {
        cat.cooperation.indicators = cat.region_dashboard.clone();
    }
    if let Some(href) = root.str("regions", Optional, d) {
        match resolve_url(base_url, href).filter(|_| !href.is_empty()) {
            Some(url) => cat.regions = Some(url),
            None => unsafe_link(
                d,
                "$.regions",
                root.get("regions").map_or(0, |j| j.start),
                href,
            ),
        }
    }
    if let Some(b) = root.obj("boundaries", Optional, d) {
        let href = b.str("url", Required, d);
        let url = href.and_then(|h| resolve_url(base_url, h).filter(|_| !h.is_empty()));
        if let (Some(h), None) = (href, &url) {
            let at = b.get("url").map_or(0, |j| j.start);
            unsafe_link(d, &b.key_path("url"), at, h);
        }
        let attribution = b.string("attribution", Required, d);
        let join = b.str("join", Optional, d).unwrap_or("kommunenummer");
        if let (Some(url), Some(attribution)) = (url, attribution) {
            cat.boundaries = Some(Boundaries {
                url,
                attribution,
                join: join.to_string(),
            });
        }
    }
    let list = std::mem::take(&mut d.list);
    Ok((cat, list))
}

/// `UNSAFE_LINK` for an address the catalog would not follow.
fn unsafe_link(d: &mut Diags, path: &str, at: u32, href: &str) {
    d.error(
        "UNSAFE_LINK",
        path,
        at,
        Msg::new(
            format!("«{href}» er verken http(s) eller en relativ adresse"),
            format!("\"{href}\" is neither http(s) nor a relative address"),
        ),
    );
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
fn cooperation(root: &Obj, cat: &Catalog, d: &mut Diags) -> Cooperation {
    let mut c = Cooperation::default();
    let Some(o) = root.obj("cooperation", Optional, d) else {
        return c;
    };
    for (key, slot) in [("staff", &mut c.staff), ("caseload", &mut c.caseload)] {
        if let Some(id) = o.str(key, Optional, d) {
            if known_indicator(cat, id, &o.key_path(key), o.start(), d) {
                *slot = Some(id.to_string());
            }
        }
    }
    match o.f64("threshold", Optional, d) {
        Some(t) if t > 0.0 && t.is_finite() => c.threshold = Some(t),
        Some(_) => o.bad(
            "BAD_FIELD",
            "threshold",
            "et positivt tall (årsverk)",
            "a positive number (full-time equivalents)",
            d,
        ),
        None => {}
    }
    c.threshold_source = o.text("threshold_source", Optional, d);
    for s in o.objs("scenarios", Optional, d) {
        let id = s.string("id", Optional, d);
        let name = s.text("name", Optional, d).unwrap_or_default();
        let members = s.strs("members", Optional, d);
        match id {
            Some(id) if !members.is_empty() => c.scenarios.push(Scenario { id, name, members }),
            _ => d.error(
                "MISSING_FIELD",
                &s.path,
                s.start(),
                Msg::new(
                    "Scenarioet mangler «id» eller «members»",
                    "The scenario lacks \"id\" or \"members\"",
                ),
            ),
        }
    }
    c
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
    fn dashboards_lead_with_the_figures_in_files() {
        let src = r#"{"format": "innsyn-catalog/1", "indicators": [
            {"id": "live", "ssb": {"table": "12275", "live": true}},
            {"id": "pop", "url": "pop.json"},
            {"id": "rate-live", "rate": {"numerator": "live", "denominator": "pop"}},
            {"id": "rate-file", "rate": {"numerator": "pop", "denominator": "pop"}}]}"#;
        let (cat, _) = parse(src, "k/catalog.json").unwrap();
        let ids: Vec<String> = ["live", "rate-live", "rate-file", "pop", "nope"]
            .map(String::from)
            .to_vec();
        let order: Vec<String> = cat.dashboard(&ids).into_iter().map(|d| d.id).collect();
        assert_eq!(order, ["rate-file", "pop", "live", "rate-live"]);
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

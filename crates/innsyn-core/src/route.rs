//! Stable paths: the pages rendered when a site is published
//! (`kommune/3407/`, `nn/region/04/`, `en/embed/municipality/3407/`), which
//! any static host serves and which work without JavaScript. A path names a
//! page — its view, region or indicator, language and embed mode; every
//! other choice (year, comparisons, `catalog` …) stays in the query string
//! after it, so `kommune/3407/?year=2018` is the page with a year chosen.
//! The query string alone (`?view=municipality&region=3407`) keeps working:
//! it is the same [`Query`], and old links never break.
//!
//! Paths are relative to the site's root (the rendered pages carry a
//! `<base>` pointing at it). Documented in `docs/url.md`;
//! `from_href(to_href(q)) == q` for every query (tests below).

use crate::catalog::Catalog;
use crate::i18n::Lang;
use crate::present;
use crate::query::{Query, View};
use crate::registry::Registry;

/// The path segment of a page view in a language.
fn slug(view: View, lang: Lang) -> Option<&'static str> {
    Some(match (view, lang) {
        (View::Municipality, Lang::En) => "municipality",
        (View::Municipality, _) => "kommune",
        (View::Region, _) => "region",
        (View::Indicator, Lang::En) => "indicator",
        (View::Indicator, _) => "indikator",
        (View::Accessibility, Lang::Nb) => "tilgjengelighet",
        (View::Accessibility, Lang::Nn) => "tilgjenge",
        (View::Accessibility, Lang::En) => "accessibility",
        (View::Report, Lang::En) => "report",
        (View::Report, _) => "rapport",
        (View::Validate, Lang::En) => "check-data-file",
        (View::Validate, Lang::Nb) => "sjekk-en-datafil",
        (View::Validate, Lang::Nn) => "sjekk-ei-datafil",
        (View::Cooperation, Lang::En) => "cooperation",
        (View::Cooperation, _) => "samarbeid",
        (View::Overview, _) => return None,
    })
}

/// A page view whose path names a region or an indicator.
fn has_subject(view: View) -> bool {
    matches!(
        view,
        View::Municipality | View::Region | View::Indicator | View::Report
    )
}

/// An id that can stand in a path as it is (no escaping, no `/`).
fn path_safe(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The page a query shows (what a path names) and the rest of it.
fn split(q: &Query) -> (Query, Query) {
    let subject = match q.view {
        View::Region | View::Municipality | View::Report => q.region.clone(),
        View::Indicator => q.indicator.clone(),
        _ => None,
    };
    let page = Query {
        view: q.view,
        lang: q.lang,
        embed: q.embed,
        region: subject.clone().filter(|_| q.view != View::Indicator),
        indicator: subject.filter(|_| q.view == View::Indicator),
        ..Default::default()
    };
    let rest = Query {
        view: View::Overview,
        lang: Lang::Nb,
        embed: false,
        region: q.region.clone().filter(|_| page.region.is_none()),
        indicator: q.indicator.clone().filter(|_| page.indicator.is_none()),
        ..q.clone()
    };
    (page, rest)
}

/// The stable path of a page query (one that [`to_href`] puts in a path):
/// "" for the start page in bokmål, else segments each ending in `/`.
pub fn to_path(page: &Query) -> Option<String> {
    let mut path = String::new();
    if page.lang != Lang::Nb {
        path.push_str(page.lang.code());
        path.push('/');
    }
    if page.embed {
        path.push_str("embed/");
    }
    let subject = page.region.as_deref().or(page.indicator.as_deref());
    match (page.view, subject) {
        (View::Overview, None) => {}
        (view, None) if !has_subject(view) => {
            path.push_str(slug(view, page.lang)?);
            path.push('/');
        }
        (view, Some(id)) if path_safe(id) && has_subject(view) => {
            path.push_str(slug(view, page.lang)?);
            path.push('/');
            path.push_str(id);
            path.push('/');
        }
        _ => return None,
    }
    Some(path)
}

/// The page a stable path names, or `None` for any other path (a data
/// file, `index.html`, a typo), which is then no page of the app.
pub fn from_path(path: &str) -> Option<Query> {
    let mut parts: Vec<&str> = path.split('/').collect();
    // A path to a page ends in `/` (or is empty): its last part is "".
    if parts.pop() != Some("") {
        return None;
    }
    let mut parts = parts.into_iter().peekable();
    let mut q = Query::default();
    if let Some(lang) = parts.peek().and_then(|p| {
        Lang::ALL
            .into_iter()
            .find(|l| *l != Lang::Nb && l.code() == *p)
    }) {
        q.lang = lang;
        parts.next();
    }
    if parts.peek() == Some(&"embed") {
        q.embed = true;
        parts.next();
    }
    match (parts.next(), parts.next(), parts.next()) {
        (None, _, _) => {}
        (Some(s), None, _) => {
            q.view = [View::Accessibility, View::Validate, View::Cooperation]
                .into_iter()
                .find(|v| slug(*v, q.lang) == Some(s))?;
        }
        (Some(s), Some(id), None) if path_safe(id) => {
            q.view = View::ALL
                .into_iter()
                .filter(|v| has_subject(*v))
                .find(|v| slug(*v, q.lang) == Some(s))?;
            if q.view == View::Indicator {
                q.indicator = Some(id.to_string());
            } else {
                q.region = Some(id.to_string());
            }
        }
        _ => return None,
    }
    Some(q)
}

/// The `href` of a link to `q` on a site of stable paths: the page's path
/// and, after it, the query string of what the path does not say. A query
/// whose page has no path (the validator, the simulator, an id that cannot
/// stand in a path) is the start page with its whole query string.
pub fn to_href(q: &Query) -> String {
    let (page, rest) = split(q);
    let (path, qs) = match to_path(&page) {
        Some(path) => (path, rest.to_query_string()),
        None => (String::new(), q.to_query_string()),
    };
    if path.is_empty() {
        format!("./{qs}")
    } else {
        format!("{path}{qs}")
    }
}

/// The query of an address on a site of stable paths: `path` relative to
/// the site's root, then the query string `qs` over it. A path that names
/// no page is read as the start page (the query string alone decides).
pub fn from_href(path: &str, qs: &str) -> Query {
    let path = path.trim_start_matches("./");
    from_path(path).unwrap_or_default().with_params(qs)
}

/// How a site writes its addresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Addresses {
    /// One page, every view in its query string (a build whose pages are
    /// not rendered, `trunk serve`).
    #[default]
    QueryString,
    /// Rendered pages at stable paths below the site's root.
    Paths,
}

impl Addresses {
    /// The `href` of a link to `q`: relative to the page (a query string;
    /// "?" for the start page, so the link stays on this page) or to the
    /// site's root (a path).
    pub fn href(self, q: &Query) -> String {
        match self {
            Addresses::QueryString => {
                let s = q.to_query_string();
                if s.is_empty() {
                    "?".to_string()
                } else {
                    s
                }
            }
            Addresses::Paths => to_href(q),
        }
    }

    /// The full address of `q`, where `app` is the page's address without
    /// its query string (query strings) or the site's root (paths).
    pub fn url(self, app: &str, q: &Query) -> String {
        match self {
            Addresses::QueryString => format!("{app}{}", q.to_query_string()),
            Addresses::Paths => format!("{app}{}", to_href(q).trim_start_matches("./")),
        }
    }
}

/// Every page a site publishes as static HTML: the start page, each region
/// dashboard, each municipality profile, each indicator, the accessibility
/// statement, the data file validator, the cooperation simulator and the
/// report to the council of each municipality and shared service, in
/// every language, and the embeddable ones
/// (start page, dashboards, profiles) in embed mode too.
pub fn published_pages(catalog: &Catalog, registry: &Registry) -> Vec<Query> {
    let (mut regions, councils) = present::region_groups(registry);
    regions.extend(councils);
    let mut pages = Vec::new();
    for embed in [false, true] {
        for lang in Lang::ALL {
            let page = |view, region: Option<&str>, indicator: Option<&str>| Query {
                view,
                lang,
                embed,
                region: region.map(str::to_string),
                indicator: indicator.map(str::to_string),
                ..Default::default()
            };
            pages.push(page(View::Overview, None, None));
            pages.extend(
                regions
                    .iter()
                    .map(|(id, _)| page(View::Region, Some(id), None)),
            );
            pages.extend(
                registry
                    .municipalities
                    .iter()
                    .map(|m| page(View::Municipality, Some(&m.id), None)),
            );
            if !embed {
                pages.extend(
                    [View::Accessibility, View::Validate, View::Cooperation]
                        .map(|v| page(v, None, None)),
                );
                pages.extend(
                    crate::report::Subject::all(registry)
                        .into_iter()
                        .map(|s| page(View::Report, Some(s.id(registry)), None)),
                );
                pages.extend(
                    catalog
                        .indicators
                        .iter()
                        .map(|i| page(View::Indicator, None, Some(&i.id))),
                );
            }
        }
    }
    pages.retain(|q| to_path(q).is_some());
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(view: View, region: Option<&str>, lang: Lang, embed: bool) -> Query {
        Query {
            view,
            region: region.map(str::to_string),
            lang,
            embed,
            ..Default::default()
        }
    }

    #[test]
    fn pages_have_the_paths_the_docs_name() {
        let cases = [
            (q(View::Overview, None, Lang::Nb, false), "./"),
            (q(View::Overview, None, Lang::Nn, false), "nn/"),
            (q(View::Overview, None, Lang::En, true), "en/embed/"),
            (
                q(View::Municipality, Some("3407"), Lang::Nb, false),
                "kommune/3407/",
            ),
            (
                q(View::Municipality, Some("3407"), Lang::En, true),
                "en/embed/municipality/3407/",
            ),
            (
                q(View::Region, Some("04"), Lang::Nn, false),
                "nn/region/04/",
            ),
            (
                Query {
                    view: View::Indicator,
                    indicator: Some("barn-med-tiltak".into()),
                    ..Default::default()
                },
                "indikator/barn-med-tiltak/",
            ),
            (
                Query {
                    year: Some(2018),
                    compare: vec!["EAKUO".into()],
                    ..q(View::Municipality, Some("3407"), Lang::Nb, false)
                },
                "kommune/3407/?year=2018&compare=EAKUO",
            ),
            (
                Query {
                    indicator: Some("x".into()),
                    ..Default::default()
                },
                "./?indicator=x",
            ),
            (
                Query {
                    view: View::Validate,
                    lang: Lang::En,
                    ..Default::default()
                },
                "en/check-data-file/",
            ),
            (
                Query {
                    view: View::Validate,
                    lang: Lang::Nn,
                    ..Default::default()
                },
                "nn/sjekk-ei-datafil/",
            ),
            // The simulator's page, its scenario in the query string.
            (
                Query {
                    view: View::Cooperation,
                    members: vec!["3407".into(), "3447".into()],
                    threshold: Some(4.0),
                    ..Default::default()
                },
                "samarbeid/?members=3407,3447&threshold=4",
            ),
            // A page with a subject but none named keeps the query string.
            (q(View::Report, None, Lang::Nb, false), "./?view=report"),
            // An id that cannot stand in a path keeps the query string.
            (
                q(View::Municipality, Some("K 0412/x"), Lang::Nb, false),
                "./?view=municipality&region=K%200412/x",
            ),
            (
                q(View::Accessibility, None, Lang::Nb, false),
                "tilgjengelighet/",
            ),
            (
                q(View::Accessibility, None, Lang::Nn, false),
                "nn/tilgjenge/",
            ),
            (
                Query {
                    catalog: Some("k.json".into()),
                    ..q(View::Accessibility, None, Lang::En, false)
                },
                "en/accessibility/?catalog=k.json",
            ),
            (
                q(View::Report, Some("3407"), Lang::Nb, false),
                "rapport/3407/",
            ),
            (
                q(View::Report, Some("bv-dovre-lesja"), Lang::Nn, false),
                "nn/rapport/bv-dovre-lesja/",
            ),
            (
                q(View::Report, Some("3407"), Lang::En, false),
                "en/report/3407/",
            ),
            // A region dashboard with no region named has no path of its own.
            (q(View::Region, None, Lang::Nb, false), "./?view=region"),
        ];
        for (query, href) in cases {
            assert_eq!(to_href(&query), href);
        }
    }

    #[test]
    fn every_href_reads_back_as_its_query() {
        let reg = Registry::bundled();
        let mut queries = vec![
            Query {
                view: View::Cooperation,
                members: vec!["3407".into(), "3447".into()],
                threshold: Some(7.5),
                embed: true,
                lang: Lang::Nn,
                ..Default::default()
            },
            Query {
                view: View::Indicator,
                indicator: Some("netto-driftsutgifter".into()),
                year: Some(2019),
                measure: Some("numerator".into()),
                region: Some("04".into()),
                prices: Some("kpi".into()),
                lang: Lang::En,
                catalog: Some("https://example.org/k.json?v=2".into()),
                ..Default::default()
            },
            Query {
                view: View::Region,
                region: Some("hadeland".into()),
                indicator: Some("x".into()),
                ..Default::default()
            },
        ];
        for lang in Lang::ALL {
            for embed in [false, true] {
                queries.push(q(View::Overview, None, lang, embed));
                queries.push(q(View::Accessibility, None, lang, embed));
                queries.push(Query {
                    region: Some("3407".into()),
                    year: Some(2019),
                    ..q(View::Accessibility, None, lang, embed)
                });
                for m in &reg.municipalities {
                    queries.push(q(View::Municipality, Some(&m.id), lang, embed));
                }
                for s in crate::report::Subject::all(&reg) {
                    queries.push(q(View::Report, Some(s.id(&reg)), lang, embed));
                }
            }
        }
        for query in queries {
            let href = to_href(&query);
            let (path, qs) = href.split_once('?').unwrap_or((&href, ""));
            assert_eq!(from_href(path, qs), query, "{href}");
        }
    }

    #[test]
    fn other_paths_are_no_page() {
        for path in [
            "data/catalog.json",
            "index.html",
            "kommune/3407",
            "kommune/",
            "municipality/3407/",
            "en/kommune/3407/",
            "nb/",
            "embed/embed/",
            "kommune/3407/x/",
            "kommune/34%2007/",
            "en/tilgjengelighet/",
            "nn/tilgjengelighet/",
            "accessibility/",
            "tilgjengelighet/x/",
            "rapport/",
            "en/rapport/3407/",
            "report/3407/",
        ] {
            assert_eq!(from_path(path), None, "{path}");
        }
        // An address that is no page is the start page plus its query.
        assert_eq!(
            from_href("index.html", "?view=region&region=04"),
            q(View::Region, Some("04"), Lang::Nb, false)
        );
    }

    #[test]
    fn the_bundled_site_publishes_every_page_once() {
        let reg = Registry::bundled();
        let (cat, _) = crate::catalog::parse(
            include_str!("../../../public/data/catalog.json"),
            "data/catalog.json",
        )
        .unwrap();
        let pages = published_pages(&cat, &reg);
        let paths: std::collections::BTreeSet<_> = pages.iter().filter_map(to_path).collect();
        assert_eq!(paths.len(), pages.len(), "no two pages share a path");
        let per_lang = 1 + 3 + reg.councils.len() + reg.municipalities.len();
        let reports = reg.municipalities.len() + reg.services.len();
        assert_eq!(
            pages.len(),
            3 * (2 * per_lang + cat.indicators.len() + 3 + reports),
            "start, dashboards, profiles (also embedded), indicators, the statement, the validator, the simulator and the reports in 3 languages"
        );
        assert!(paths.contains("kommune/3407/"));
        assert!(paths.contains("en/embed/region/04/"));
        assert!(paths.contains("nn/indikator/barn-med-tiltak/"));
        assert!(paths.contains("tilgjengelighet/"));
        assert!(paths.contains("nn/tilgjenge/"));
        assert!(paths.contains("en/accessibility/"));
        assert!(paths.contains("rapport/3407/"));
        assert!(paths.contains("nn/rapport/bv-skjak-lom-vaga-sel/"));
    }
}

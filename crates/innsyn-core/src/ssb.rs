//! Requests to SSB's PxWebApi 2.0, written from the catalog: one request per
//! table, asking for exactly the categories the catalog's definitions
//! select, every number each municipality of the registry has had, the
//! counties, the country and the comparison regions, and every year.
//! The app (`"live": true`) and `innsyn fetch` both send these requests.

use crate::catalog::Catalog;
use crate::define::{Selection, SsbSource};
use crate::registry::Registry;

/// SSB's PxWebApi 2.0.
pub const API: &str = "https://data.ssb.no/api/pxwebapi/v2";
/// SSB answers at most this many cells per request.
pub const MAX_CELLS: usize = 800_000;
/// Longer URLs are split: some proxies and servers refuse longer ones.
pub const MAX_URL: usize = 2_000;
/// Years assumed when estimating the size of an answer with every year.
const YEARS_ESTIMATE: usize = 30;

/// One request for the data of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRequest {
    pub table: String,
    /// `no` or `en`: the language of SSB's labels.
    pub lang: String,
    /// Per dimension the codes asked for, in the order given; `*` is every code.
    pub codes: Vec<(String, Vec<String>)>,
    /// Per dimension a code list of SSB's to read the codes in (e.g. `Alder`
    /// in `agg_TodeltGrupperingB`, where `H17` is 0–17 years).
    pub codelists: Vec<(String, String)>,
}

impl TableRequest {
    /// The URL of this request at `api` (normally [`API`]).
    pub fn url(&self, api: &str) -> String {
        let mut u = format!(
            "{}/tables/{}/data?lang={}&outputFormat=json-stat2",
            api.trim_end_matches('/'),
            encode(&self.table),
            encode(&self.lang)
        );
        for (dim, codes) in &self.codes {
            let list: Vec<String> = codes
                .iter()
                .map(|c| match c.as_str() {
                    "*" => c.clone(),
                    // PxWebApi splits a list at commas outside brackets.
                    c if c.contains(',') => encode(&format!("[{c}]")),
                    c => encode(c),
                })
                .collect();
            u.push_str(&format!("&valueCodes[{}]={}", encode(dim), list.join(",")));
        }
        for (dim, list) in &self.codelists {
            u.push_str(&format!("&codelist[{}]={}", encode(dim), encode(list)));
        }
        u
    }

    /// Cells the answer will have at most (every year counted as 30).
    pub fn cells(&self) -> usize {
        self.codes
            .iter()
            .map(|(_, c)| {
                if c.iter().any(|c| c == "*") {
                    YEARS_ESTIMATE
                } else {
                    c.len().max(1)
                }
            })
            .product()
    }

    /// This request, or several that together ask for the same cells when
    /// one would pass SSB's cell limit or the URL length: the longest code
    /// list is cut in halves until every part fits.
    pub fn split(self, api: &str) -> Vec<TableRequest> {
        if self.url(api).len() <= MAX_URL && self.cells() <= MAX_CELLS {
            return vec![self];
        }
        let Some(k) = (0..self.codes.len())
            .filter(|&k| self.codes[k].1.len() > 1)
            .max_by_key(|&k| self.codes[k].1.len())
        else {
            return vec![self];
        };
        let (mut a, mut b) = (self.clone(), self);
        let list = std::mem::take(&mut b.codes[k].1);
        let (first, second) = list.split_at(list.len() / 2);
        a.codes[k].1 = first.to_vec();
        b.codes[k].1 = second.to_vec();
        let mut out = a.split(api);
        out.extend(b.split(api));
        out
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The region codes to ask a table for: every number of every municipality
/// (04xx/05xx, 34xx, 30xx, 32xx), the counties, and for KOSTRA tables the
/// country (`EAK`, `EAKUO`), the counties as KOSTRA writes them (`EKA04` —
/// the municipalities of county 04 added up; plain `04` is the county
/// authority), the municipalities' KOSTRA groups and the catalog's
/// comparison regions.
pub fn region_codes(registry: &Registry, catalog: &Catalog, kostra: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |c: String| {
        if !out.contains(&c) {
            out.push(c);
        }
    };
    for m in &registry.municipalities {
        for n in &m.numbers {
            add(n.code.clone());
        }
    }
    for c in &registry.counties {
        add(if kostra {
            format!("EKA{}", c.id)
        } else {
            c.id.clone()
        });
    }
    if kostra {
        add("EAK".into());
        add("EAKUO".into());
        for g in registry
            .municipalities
            .iter()
            .filter_map(|m| m.kostra_group.clone())
        {
            add(g);
        }
        for c in &catalog.comparisons {
            add(c.clone());
        }
    }
    out
}

/// One request per SSB table the catalog names (split where too large),
/// the categories of all definitions on that table merged; tables in
/// number order.
pub fn table_requests(catalog: &Catalog, registry: &Registry, lang: &str) -> Vec<TableRequest> {
    let mut tables: Vec<&str> = catalog
        .indicators
        .iter()
        .filter_map(|d| d.ssb().map(|s| s.table.as_str()))
        .collect();
    tables.sort_unstable();
    tables.dedup();
    tables
        .into_iter()
        .flat_map(|t| requests_for(catalog, registry, t, lang))
        .collect()
}

/// The request (or the parts of a split one) for one table: what the app
/// asks when a definition on it is live.
pub fn requests_for(
    catalog: &Catalog,
    registry: &Registry,
    table: &str,
    lang: &str,
) -> Vec<TableRequest> {
    let defs: Vec<(&SsbSource, &Selection)> = catalog
        .indicators
        .iter()
        .filter_map(|d| d.ssb().filter(|s| s.table == table).map(|s| (s, &d.select)))
        .collect();
    let Some(&(ssb, _)) = defs.first() else {
        return Vec::new();
    };
    let mut codes = vec![(
        ssb.region_dim.clone(),
        region_codes(registry, catalog, ssb.is_kostra()),
    )];
    for (dim, chosen) in defs.iter().flat_map(|(_, sel)| sel.iter()) {
        if *dim == ssb.region_dim || *dim == ssb.time_dim {
            continue;
        }
        let i = match codes.iter().position(|(d, _)| d == dim) {
            Some(i) => i,
            None => {
                codes.push((dim.clone(), Vec::new()));
                codes.len() - 1
            }
        };
        for c in chosen {
            if !codes[i].1.contains(c) {
                codes[i].1.push(c.clone());
            }
        }
    }
    codes.push((ssb.time_dim.clone(), vec!["*".to_string()]));
    TableRequest {
        table: table.to_string(),
        lang: lang.to_string(),
        codes,
        codelists: ssb.codelists.clone(),
    }
    .split(API)
}

/// SSB's page for a table, for readers.
pub fn table_page(table: &str) -> String {
    format!("https://www.ssb.no/statbank/table/{}", encode(table))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(src: &str) -> Catalog {
        let (cat, diags) = crate::catalog::parse(src, "https://ks.no/innsyn/catalog.json").unwrap();
        assert!(!crate::diag::has_errors(&diags), "{diags:?}");
        cat
    }

    #[test]
    fn a_request_is_written_exactly() {
        let r = TableRequest {
            table: "12275".into(),
            lang: "no".into(),
            codes: vec![
                (
                    "KOKkommuneregion0000".into(),
                    vec!["3401".into(), "EKA34".into()],
                ),
                ("KOKalder0000".into(), vec!["F000-017".into()]),
                ("ContentsCode".into(), vec!["KOSbvbarntiltaka0000".into()]),
                ("Tid".into(), vec!["*".into()]),
            ],
            codelists: Vec::new(),
        };
        assert_eq!(
            r.url(API),
            "https://data.ssb.no/api/pxwebapi/v2/tables/12275/data?lang=no&outputFormat=json-stat2\
             &valueCodes[KOKkommuneregion0000]=3401,EKA34&valueCodes[KOKalder0000]=F000-017\
             &valueCodes[ContentsCode]=KOSbvbarntiltaka0000&valueCodes[Tid]=*"
        );
        assert_eq!(r.cells(), 2 * 30);
    }

    #[test]
    fn codes_are_percent_encoded() {
        let r = TableRequest {
            table: "07459".into(),
            lang: "en".into(),
            codes: vec![(
                "Alder".into(),
                vec!["0-17 år".into(), "a&b=c".into(), "x,y".into()],
            )],
            codelists: vec![("Alder".into(), "agg_TodeltGrupperingB".into())],
        };
        assert_eq!(
            r.url("http://127.0.0.1:9/api/"),
            "http://127.0.0.1:9/api/tables/07459/data?lang=en&outputFormat=json-stat2\
             &valueCodes[Alder]=0-17%20%C3%A5r,a%26b%3Dc,%5Bx%2Cy%5D&codelist[Alder]=agg_TodeltGrupperingB"
        );
    }

    #[test]
    fn too_long_or_too_large_requests_are_split_without_losing_a_code() {
        let many: Vec<String> = (0..600).map(|i| format!("{:04}", 1000 + i)).collect();
        let r = TableRequest {
            table: "12275".into(),
            lang: "no".into(),
            codes: vec![
                ("KOKkommuneregion0000".into(), many.clone()),
                ("Tid".into(), vec!["*".into()]),
            ],
            codelists: Vec::new(),
        };
        let parts = r.split(API);
        assert!(parts.len() > 1);
        let mut back: Vec<String> = Vec::new();
        for p in &parts {
            assert!(p.url(API).len() <= MAX_URL, "{}", p.url(API).len());
            assert!(p.cells() <= MAX_CELLS);
            back.extend(p.codes[0].1.iter().cloned());
            assert_eq!(p.codes[1].1, ["*"]);
        }
        assert_eq!(back, many);
        // Over the cell limit with a short URL: 2 × 500 × 900 × 30 cells.
        let big = TableRequest {
            table: "1".into(),
            lang: "no".into(),
            codes: vec![
                ("A".into(), vec!["a".into(), "b".into()]),
                ("B".into(), (0..500).map(|i| i.to_string()).collect()),
                ("C".into(), (0..900).map(|i| (i % 10).to_string()).collect()),
                ("Tid".into(), vec!["*".into()]),
            ],
            codelists: Vec::new(),
        };
        let parts = big.split(API);
        assert!(parts.iter().all(|p| p.cells() <= MAX_CELLS));
        assert_eq!(
            parts.iter().map(TableRequest::cells).sum::<usize>(),
            2 * 500 * 900 * 30
        );
    }

    #[test]
    fn one_request_per_table_with_the_selections_merged() {
        let cat = catalog(
            r#"{"format": "innsyn-catalog/1", "comparisons": ["EKG13"], "indicators": [
            {"id": "a", "ssb": {"table": "12275", "live": true},
             "select": {"ContentsCode": "KOSbvbarntiltaka0000", "KOKalder0000": "F000-017", "KOKbvfunksjon0000": "0"}},
            {"id": "b", "ssb": {"table": "12275", "live": true},
             "select": {"ContentsCode": "KOSbvbarntiltaka0000", "KOKalder0000": "F000-017", "KOKbvfunksjon0000": "2"}},
            {"id": "p", "ssb": {"table": "07459", "region": "Region", "live": true},
             "select": {"Alder": ["000", "001"], "ContentsCode": "Personer1"}, "aggregation": "sum"}]}"#,
        );
        let reg = Registry::bundled();
        let reqs = table_requests(&cat, &reg, "no");
        assert_eq!(
            reqs.iter().map(|r| r.table.as_str()).collect::<Vec<_>>(),
            ["07459", "12275"]
        );
        let k = &reqs[1];
        let dims: Vec<&str> = k.codes.iter().map(|(d, _)| d.as_str()).collect();
        assert_eq!(
            dims,
            [
                "KOKkommuneregion0000",
                "ContentsCode",
                "KOKalder0000",
                "KOKbvfunksjon0000",
                "Tid"
            ]
        );
        assert_eq!(k.codes[3].1, ["0", "2"]);
        let regions = &k.codes[0].1;
        for code in [
            "0402", "3401", "0501", "3405", "3053", "3236", "EKA04", "EKA05", "EKA34", "EAK",
            "EAKUO", "EKG13",
        ] {
            assert!(regions.contains(&code.to_string()), "{code} is asked for");
        }
        assert!(
            !regions.contains(&"34".to_string()),
            "the county authority is not asked for"
        );
        let p = &reqs[0];
        assert_eq!(p.codes[0].0, "Region");
        assert!(
            p.codes[0].1.contains(&"34".to_string())
                && !p.codes[0].1.iter().any(|c| c.starts_with('E'))
        );
        assert!(k.url(API).len() <= MAX_URL);
    }
}

//! The query string is Innsyn's public API: every view and every choice lives
//! in it, so any static host serves every deep link and back/forward work.
//! Documented in `docs/url.md`. Parsing is lenient (an unknown or malformed
//! parameter falls back to its default); writing is canonical (defaults
//! omitted, fixed order), so `parse(write(q)) == q` for every query.

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Overview,
    Region,
    Municipality,
    Indicator,
    Cooperation,
    Validate,
    /// The accessibility statement (tilgjengelighetserklæring).
    Accessibility,
    /// The state report to the council of a municipality or shared
    /// service (`region`: its number or the service's id).
    Report,
}

impl View {
    pub const ALL: [View; 8] = [
        View::Overview,
        View::Region,
        View::Municipality,
        View::Indicator,
        View::Cooperation,
        View::Validate,
        View::Accessibility,
        View::Report,
    ];
    pub fn code(self) -> &'static str {
        match self {
            View::Overview => "overview",
            View::Region => "region",
            View::Municipality => "municipality",
            View::Indicator => "indicator",
            View::Cooperation => "cooperation",
            View::Validate => "validate",
            View::Accessibility => "accessibility",
            View::Report => "report",
        }
    }
    pub fn from_code(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.code() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Query {
    pub view: View,
    pub region: Option<String>,
    pub indicator: Option<String>,
    pub year: Option<u16>,
    /// Comparison regions, in the order chosen.
    pub compare: Vec<String>,
    /// Members of a cooperation scenario.
    pub members: Vec<String>,
    /// The size (årsverk) below which a member counts as small in a scenario.
    pub threshold: Option<f64>,
    /// Which figure of a rate indicator: `numerator` or `denominator` for the
    /// counts behind it; `None` for the rate itself.
    pub measure: Option<String>,
    /// How kroner are shown: `current`, a price index of the catalog by id,
    /// or `None` for the catalog's default (fixed prices). Kept across
    /// pages, like the language.
    pub prices: Option<String>,
    pub lang: Lang,
    pub embed: bool,
    /// Another catalog to open instead of the bundled one.
    pub catalog: Option<String>,
}

impl Query {
    /// A link to another page of the same site: the view, with the language,
    /// prices, embed mode and catalog kept and every page choice reset.
    pub fn page(&self, view: View) -> Query {
        Query {
            view,
            lang: self.lang,
            prices: self.prices.clone(),
            embed: self.embed,
            catalog: self.catalog.clone(),
            ..Default::default()
        }
    }

    /// Reads a query string, with or without the leading `?`.
    pub fn parse(qs: &str) -> Query {
        Query::default().with_params(qs)
    }

    /// This query with the parameters of `qs` put over it (a stable path's
    /// page, then what the query string adds: see [`crate::route`]).
    pub fn with_params(self, qs: &str) -> Query {
        let mut q = self;
        for pair in qs
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
        {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = decode(v);
            let list = |v: &str| -> Vec<String> {
                v.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            };
            match decode(k).as_str() {
                "view" => q.view = View::from_code(&v).unwrap_or_default(),
                "region" => q.region = Some(v).filter(|s| !s.is_empty()),
                "indicator" => q.indicator = Some(v).filter(|s| !s.is_empty()),
                "year" => q.year = v.parse().ok().filter(|y| (1900..=2100).contains(y)),
                "compare" => q.compare = list(&v),
                "members" => q.members = list(&v),
                "threshold" => q.threshold = parse_threshold(&v),
                "measure" => q.measure = Some(v).filter(|m| m == "numerator" || m == "denominator"),
                "prices" => q.prices = Some(v).filter(|p| !p.is_empty() && p.len() <= 64),
                "lang" => q.lang = Lang::from_code(&v).unwrap_or_default(),
                "embed" => q.embed = matches!(v.as_str(), "1" | "true" | "yes"),
                "catalog" => q.catalog = Some(v).filter(|s| !s.is_empty()),
                _ => {}
            }
        }
        q
    }

    /// The canonical query string, `?` included, or "" for the default page.
    pub fn to_query_string(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut put = |k: &str, v: &str| parts.push(format!("{k}={}", encode(v)));
        if self.view != View::Overview {
            put("view", self.view.code());
        }
        if let Some(r) = &self.region {
            put("region", r);
        }
        if let Some(i) = &self.indicator {
            put("indicator", i);
        }
        if let Some(y) = self.year {
            put("year", &y.to_string());
        }
        if !self.compare.is_empty() {
            put("compare", &self.compare.join(","));
        }
        if !self.members.is_empty() {
            put("members", &self.members.join(","));
        }
        if let Some(t) = self.threshold {
            put("threshold", &t.to_string());
        }
        if let Some(m) = &self.measure {
            put("measure", m);
        }
        if let Some(p) = &self.prices {
            put("prices", p);
        }
        if self.lang != Lang::Nb {
            put("lang", self.lang.code());
        }
        if self.embed {
            put("embed", "1");
        }
        if let Some(c) = &self.catalog {
            put("catalog", c);
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

/// A size threshold in årsverk as a reader types it (`7.5` or `7,5`):
/// a positive number up to 10 000, else `None`.
pub fn parse_threshold(s: &str) -> Option<f64> {
    s.trim()
        .replace(',', ".")
        .parse()
        .ok()
        .filter(|t: &f64| *t > 0.0 && *t <= 10_000.0)
}

/// Percent-encodes everything but RFC 3986 unreserved characters and `,` `/` `:`.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~,/:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes percent-escapes and `+` as space; malformed escapes stay as written.
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                match std::str::from_utf8(&b[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_page_has_empty_query() {
        assert_eq!(Query::default().to_query_string(), "");
        assert_eq!(Query::parse(""), Query::default());
    }

    #[test]
    fn round_trips() {
        let cases = [
            Query {
                view: View::Region,
                region: Some("04".into()),
                indicator: Some("barn-med-tiltak".into()),
                year: Some(2018),
                compare: vec!["EAKUO".into(), "EKG13".into()],
                lang: Lang::Nn,
                ..Default::default()
            },
            Query {
                view: View::Cooperation,
                members: vec!["3407".into(), "3447".into(), "3448".into()],
                threshold: Some(7.5),
                embed: true,
                lang: Lang::En,
                ..Default::default()
            },
            Query {
                catalog: Some("https://example.org/data/katalog.json?v=2&x=æ ø".into()),
                ..Default::default()
            },
            Query {
                view: View::Municipality,
                region: Some("K-0412 &=?".into()),
                ..Default::default()
            },
            Query {
                view: View::Indicator,
                indicator: Some("barn-med-tiltak".into()),
                year: Some(2019),
                measure: Some("numerator".into()),
                ..Default::default()
            },
            Query {
                view: View::Municipality,
                region: Some("3407".into()),
                prices: Some("current".into()),
                ..Default::default()
            },
        ];
        for q in cases {
            let s = q.to_query_string();
            assert_eq!(Query::parse(&s), q, "{s}");
            assert_eq!(Query::parse(&s).to_query_string(), s);
        }
    }

    #[test]
    fn writes_the_documented_form() {
        let q = Query {
            view: View::Region,
            region: Some("04".into()),
            year: Some(2018),
            compare: vec!["EAKUO".into(), "04".into()],
            ..Default::default()
        };
        assert_eq!(
            q.to_query_string(),
            "?view=region&region=04&year=2018&compare=EAKUO,04"
        );
    }

    #[test]
    fn a_page_link_keeps_the_site_and_drops_the_choices() {
        let q = Query::parse(
            "?view=indicator&indicator=x&year=2019&prices=kpi&lang=nn&embed=1&catalog=k.json",
        );
        assert_eq!(
            q.page(View::Region).to_query_string(),
            "?view=region&prices=kpi&lang=nn&embed=1&catalog=k.json"
        );
    }

    #[test]
    fn lenient_parsing() {
        let q = Query::parse(
            "?view=nope&year=abc&lang=de&embed=1&foo=bar&region=&compare=,a,,b&measure=evil&threshold=-1",
        );
        assert_eq!(
            q,
            Query {
                embed: true,
                compare: vec!["a".into(), "b".into()],
                ..Default::default()
            }
        );
        assert_eq!(Query::parse("threshold=7,5").threshold, Some(7.5));
        assert_eq!(Query::parse("threshold=NaN").threshold, None);
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("a+b%20c%C3%A6"), "a b cæ");
    }
}

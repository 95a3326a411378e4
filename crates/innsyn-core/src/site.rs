//! The site configuration (`innsyn-site/1`, the build's `data/site.json`)
//! and the one decision about whose figures a page shows: a catalog on the
//! page's own origin or on an origin the publisher trusts is the
//! publisher's; any other is foreign, and is refused (the default) or
//! shown under a notice that names where it comes from. Documented in
//! `docs/security.md`.
//!
//! Origins are compared as a browser fetches ([`origin_of`]), and the
//! reading is conservative: an address it cannot place is foreign, never
//! the page's own.

use crate::diag::{path_index, Diagnostic, Diags, Msg};
use crate::fields::{self, Need::*, Obj};
use crate::json::{self, ParseError};
use crate::model::I18nText;

pub const FORMAT: &str = "innsyn-site/1";
/// Where the app reads it, beside the bundled catalog.
pub const FILE: &str = "data/site.json";

/// What the site does with a `?catalog=` on an origin it does not trust.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Foreign {
    /// Not fetched at all; the page says why.
    #[default]
    Refuse,
    /// Shown, under a notice on every view, embed and printout.
    Mark,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    /// Who publishes the site, as the notices name it.
    pub publisher: I18nText,
    /// Origins (`https://host[:port]`, normalised) whose catalogs are the publisher's.
    pub trusted: Vec<String>,
    pub foreign: Foreign,
}

impl Default for Site {
    /// No `site.json`: Innsyn's own name, nothing trusted but the page's
    /// origin, foreign catalogs refused.
    fn default() -> Site {
        Site {
            publisher: I18nText::plain("Innsyn"),
            trusted: Vec::new(),
            foreign: Foreign::Refuse,
        }
    }
}

/// Whose catalog a page is asked to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trust {
    /// The page's own origin or one the site trusts.
    Trusted,
    /// Foreign, not to be fetched: its origin as [`shown`].
    Refused(String),
    /// Foreign, shown under the notice: its origin as [`shown`].
    Marked(String),
}

/// Reads a site configuration. Unknown origins and words are warnings and
/// not used, so a mistake never trusts more than was meant.
pub fn parse(src: &str) -> Result<(Site, Vec<Diagnostic>), ParseError> {
    let json = json::parse(src)?;
    let mut d = Diags::new(src);
    let d = &mut d;
    let root = Obj::root(&json);
    fields::format(
        &root,
        FORMAT,
        "Et nettstedsoppsett",
        "A site configuration",
        d,
    );
    let mut site = Site::default();
    if let Some(p) = root.text("publisher", Required, d) {
        site.publisher = p;
    }
    let key = "trusted_catalog_origins";
    if let Some(items) = root.arr(key, Optional, d) {
        for (i, item) in items.iter().enumerate() {
            match item.as_str().and_then(normalise) {
                Some(o) => site.trusted.push(o),
                None => d.warn(
                    "BAD_ORIGIN",
                    &path_index(&root.key_path(key), i),
                    item.start,
                    Msg::new(
                        "Skal være https://vert[:port], uten sti; blir ikke brukt",
                        "Should be https://host[:port], no path; not used",
                    ),
                ),
            }
        }
    }
    match root.str("foreign_catalogs", Optional, d) {
        None | Some("refuse") => {}
        Some("mark") => site.foreign = Foreign::Mark,
        Some(_) => root.bad(
            "BAD_FIELD",
            "foreign_catalogs",
            "«refuse» eller «mark»",
            "\"refuse\" or \"mark\"",
            d,
        ),
    }
    let list = std::mem::take(&mut d.list);
    Ok((site, list))
}

/// The decision for a catalog at `catalog_url` on a page whose origin is
/// `page` (`location.origin`).
pub fn trust(page: &str, catalog_url: &str, site: &Site) -> Trust {
    let origin = origin_of(catalog_url, page);
    if origin == page || site.trusted.contains(&origin) {
        Trust::Trusted
    } else if site.foreign == Foreign::Mark {
        Trust::Marked(shown(&origin).to_string())
    } else {
        Trust::Refused(shown(&origin).to_string())
    }
}

/// The origins, as [`shown`], of the addresses in a source line's file
/// label (`https://a.example/x.json ÷ b.json`) that are not the page's own;
/// `None` when every file is the page's own.
pub fn file_origins(label: &str, page: &str) -> Option<String> {
    let mut out: Vec<String> = Vec::new();
    for word in label.split(' ') {
        let o = origin_of(word, page);
        if word.starts_with("http") && o != page && !out.contains(&o) {
            out.push(o);
        }
    }
    let out: Vec<&str> = out.iter().map(|o| shown(o)).collect();
    (!out.is_empty()).then(|| out.join(", "))
}

/// An origin as a reader is shown it: the host (and port) for https, the
/// whole origin otherwise (`http://…` says it is not encrypted).
pub fn shown(origin: &str) -> &str {
    origin.strip_prefix("https://").unwrap_or(origin)
}

/// Non-ASCII letters `%`-encoded, so a look-alike host is seen for what it is.
fn ascii(host: &str) -> String {
    let mut out = String::with_capacity(host.len());
    for b in host.bytes() {
        if b.is_ascii() {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The origin (`scheme://host[:port]`, lower case, default port left out)
/// of `url` as a page at origin `page` would fetch it. A relative address
/// is the page's; `//host/…` takes the page's scheme; another scheme than
/// http(s) is that scheme alone (`data:`), which is never an origin the
/// site trusts.
pub fn origin_of(url: &str, page: &str) -> String {
    // As a browser reads an address: tabs and newlines go, a backslash is a
    // slash, and spaces and control characters at the ends go. (Lower case
    // throughout: only the scheme and host are kept.)
    let bytes: Vec<u8> = url
        .bytes()
        .filter(|c| !matches!(c, b'\t' | b'\n' | b'\r'))
        .map(|c| {
            if c == b'\\' {
                b'/'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    let url = String::from_utf8(bytes).unwrap_or_default();
    let url = url.trim_matches(|c: char| c <= ' ');
    let (scheme, rest) = match url.find(':') {
        Some(i) if is_scheme(&url[..i]) => (&url[..i], &url[i + 1..]),
        _ if url.starts_with("//") => (page.split(':').next().unwrap_or("https"), url),
        _ => return page.to_string(),
    };
    if scheme != "http" && scheme != "https" {
        return format!("{scheme}:");
    }
    let rest = rest.trim_start_matches('/');
    let host = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    // user:password@host: the host is after the last @.
    let host = &host[host.bytes().rposition(|c| c == b'@').map_or(0, |i| i + 1)..];
    let default = if scheme == "http" { ":80" } else { ":443" };
    format!(
        "{scheme}://{}",
        ascii(host.strip_suffix(default).unwrap_or(host))
    )
}

fn is_scheme(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.bytes()
            .all(|c| c.is_ascii_alphanumeric() || b"+.-".contains(&c))
}

/// A configured origin, normalised: http(s), a host, no path, query or
/// fragment (a trailing `/` is allowed).
fn normalise(s: &str) -> Option<String> {
    let o = origin_of(s, "");
    let host = o.split_once("://")?.1;
    let tail = s.trim().trim_end_matches('/');
    let tail = &tail[tail.find("://")? + 3..];
    (!host.is_empty() && !tail.contains(['/', '?', '#', '@', '\\'])).then_some(o)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    const PAGE: &str = "https://innsyn.example.no";

    fn site(foreign: Foreign) -> Site {
        Site {
            trusted: vec!["https://statistikk.example.no".into()],
            foreign,
            ..Site::default()
        }
    }

    #[test]
    fn the_pages_own_and_trusted_origins_are_trusted() {
        let s = site(Foreign::Refuse);
        for url in [
            "data/catalog.json",
            "/data/catalog.json",
            "?x",
            "https://innsyn.example.no/annen/katalog.json",
            "HTTPS://Innsyn.Example.NO:443/k.json",
            "//innsyn.example.no/k.json",
            "https://statistikk.example.no/katalog.json",
        ] {
            assert_eq!(trust(PAGE, url, &s), Trust::Trusted, "{url}");
        }
    }

    #[test]
    fn any_other_origin_is_foreign() {
        let s = site(Foreign::Refuse);
        let refused = |o: &str| Trust::Refused(o.to_string());
        let cases = [
            ("https://other.example/k.json", "other.example"),
            ("//other.example/k.json", "other.example"),
            ("\\\\other.example/k.json", "other.example"),
            ("/\\other.example/k.json", "other.example"),
            (" https://other.example/k.json", "other.example"),
            ("ht\ttps://other.example", "other.example"),
            (
                "http://innsyn.example.no/k.json",
                "http://innsyn.example.no",
            ),
            (
                "https://innsyn.example.no:8443/k.json",
                "innsyn.example.no:8443",
            ),
            (
                "https://innsyn.example.no@other.example/k.json",
                "other.example",
            ),
            (
                "https://innsyn.example.no:443@other.example/",
                "other.example",
            ),
            (
                "https://other.example\\@innsyn.example.no/",
                "other.example",
            ),
            (
                "https://innsyn.example.no.other.example/",
                "innsyn.example.no.other.example",
            ),
            (
                "https://statistikk.example.no.evil/",
                "statistikk.example.no.evil",
            ),
            ("data:application/json,{}", "data:"),
            ("javascript:alert(1)", "javascript:"),
        ];
        for (url, origin) in cases {
            assert_eq!(trust(PAGE, url, &s), refused(origin), "{url}");
        }
        assert_eq!(
            trust(PAGE, "https://other.example/k.json", &site(Foreign::Mark)),
            Trust::Marked("other.example".into())
        );
        // A page on plain http: the same address on https is another origin.
        let http = "http://127.0.0.1:8080";
        assert_eq!(trust(http, "data/catalog.json", &s), Trust::Trusted);
        assert_eq!(
            trust(http, "//127.0.0.1:9090/k.json", &s),
            refused("http://127.0.0.1:9090")
        );
    }

    #[test]
    fn files_on_other_origins_are_named() {
        assert_eq!(file_origins("data/barn.json", PAGE), None);
        assert_eq!(file_origins("SSB 12345", PAGE), None);
        assert_eq!(
            file_origins("https://innsyn.example.no/data/a.json ÷ data/b.json", PAGE),
            None
        );
        assert_eq!(
            file_origins(
                "https://a.example/x.json ÷ https://A.example:443/y.json",
                PAGE
            )
            .as_deref(),
            Some("a.example")
        );
        assert_eq!(
            file_origins("http://b.example:81/x ÷ https://c.example/y", PAGE).as_deref(),
            Some("http://b.example:81, c.example")
        );
    }

    #[test]
    fn reads_the_bundled_configuration() {
        let (s, diags) = parse(include_str!("../../../public/data/site.json")).unwrap();
        assert_eq!(diags, vec![]);
        assert_eq!(s.foreign, Foreign::Refuse);
        assert_eq!(s.publisher.get(Lang::En), "Innsyn");
        assert!(s.trusted.is_empty());
    }

    #[test]
    fn reads_a_configuration_with_diagnostics() {
        let src = r#"{
  "format": "innsyn-site/1",
  "publisher": { "nb": "KS", "nn": "KS", "en": "KS (Norway)" },
  "trusted_catalog_origins": ["https://Stat.Example.no/", "http://x.example:80", "https://a.example/sti", "ftp://f.example", 7],
  "foreign_catalogs": "mark"
}"#;
        let (s, diags) = parse(src).unwrap();
        assert_eq!(s.publisher.get(Lang::En), "KS (Norway)");
        assert_eq!(s.trusted, ["https://stat.example.no", "http://x.example"]);
        assert_eq!(s.foreign, Foreign::Mark);
        let found: Vec<_> = diags
            .iter()
            .map(|d| (d.code, d.path.as_str(), d.line))
            .collect();
        assert_eq!(
            found,
            [
                ("BAD_ORIGIN", "$.trusted_catalog_origins[2]", 4),
                ("BAD_ORIGIN", "$.trusted_catalog_origins[3]", 4),
                ("BAD_ORIGIN", "$.trusted_catalog_origins[4]", 4),
            ]
        );
        // Every mistake leaves the safe default.
        let (s, diags) =
            parse(r#"{"format": "innsyn-site/2", "foreign_catalogs": "allow"}"#).unwrap();
        assert_eq!(s, Site::default());
        let codes: Vec<_> = diags.iter().map(|d| (d.code, d.path.as_str())).collect();
        assert_eq!(
            codes,
            [
                ("UNKNOWN_FORMAT", "$.format"),
                ("MISSING_FIELD", "$.publisher"),
                ("BAD_FIELD", "$.foreign_catalogs"),
            ]
        );
        let (_, diags) = parse(r#"{"format": "innsyn-site/1", "publisher": "KS", "trusted_catalog_origins": "https://a.example"}"#).unwrap();
        assert_eq!(diags[0].code, "WRONG_TYPE");
        assert!(parse("{").is_err());
    }
}

//! What `innsyn fetch` needs from the domain besides the requests
//! ([`crate::ssb`]): the name of a table's snapshot file, whether an answer
//! is the table that was asked for, SSB's error bodies (RFC 7807 problem
//! JSON) and a table's metadata, and which of the requested codes a table
//! does not have. Everything is read with this crate's own JSON parser.

use crate::json::{self, JVal, Json};
use crate::model::Dataset;
use crate::ssb::TableRequest;

/// The file a table's snapshot is written to, beside the catalog.
pub fn file_name(table: &str) -> String {
    format!("ssb-{table}.json")
}

/// Whether a dataset SSB sent is `table`: its `extension.px.tableid`, or,
/// without one, a label such as "12367: Detaljerte regnskapstall …".
pub fn is_table(ds: &Dataset, table: &str) -> bool {
    match &ds.table {
        Some(t) => t == table,
        None => ds
            .label
            .as_deref()
            .and_then(|l| l.strip_prefix(table))
            .is_some_and(|rest| rest.starts_with(':')),
    }
}

/// What a dataset says it is, for messages: its table id, else its label.
pub fn what_table(ds: &Dataset) -> String {
    ds.table
        .clone()
        .or_else(|| ds.label.clone())
        .unwrap_or_else(|| "?".into())
}

/// SSB's answer to a request it refuses (`{"type","title","status","detail"}`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Problem {
    pub kind: Option<String>,
    pub title: Option<String>,
    /// The status in the body, which can differ from the HTTP status: an
    /// unknown table asked for data is HTTP 400 with `"status": 404`.
    pub status: Option<u16>,
    pub detail: Option<String>,
}

impl Problem {
    /// `title: detail`, or whichever of them there is.
    pub fn text(&self) -> String {
        match (&self.title, &self.detail) {
            (Some(t), Some(d)) if t != d => format!("{t}: {d}"),
            (Some(t), _) => t.clone(),
            (None, Some(d)) => d.clone(),
            (None, None) => self.kind.clone().unwrap_or_default(),
        }
    }
    /// "Non-existent table", whatever the HTTP status was.
    pub fn is_unknown_table(&self) -> bool {
        self.status == Some(404)
            || self
                .title
                .as_deref()
                .is_some_and(|t| t.eq_ignore_ascii_case("Non-existent table"))
    }
}

/// Reads a problem body; `None` when the bytes are not a JSON object with a
/// `title`, `detail` or `status`.
pub fn problem(bytes: &[u8]) -> Option<Problem> {
    let root = json::parse(json::decode(bytes).ok()?).ok()?;
    let s = |k: &str| root.get(k).and_then(Json::as_str).map(str::to_string);
    let p = Problem {
        kind: s("type"),
        title: s("title"),
        status: root
            .get("status")
            .and_then(Json::as_f64)
            .filter(|v| (100.0..1000.0).contains(v) && v.fract() == 0.0)
            .map(|v| v as u16),
        detail: s("detail"),
    };
    (p.title.is_some() || p.detail.is_some() || p.status.is_some()).then_some(p)
}

/// A table's dimensions and codes, from `/tables/{id}/metadata` (JSON-stat
/// 2.0 without values).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TableMeta {
    pub table: Option<String>,
    pub label: Option<String>,
    pub dims: Vec<MetaDim>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct MetaDim {
    pub id: String,
    pub label: String,
    /// The category ids in the table's order.
    pub codes: Vec<String>,
}

/// Reads a table's metadata; `None` when the bytes are not JSON-stat with
/// an `id` list and a `dimension` object.
pub fn metadata(bytes: &[u8]) -> Option<TableMeta> {
    let root = json::parse(json::decode(bytes).ok()?).ok()?;
    let ids = root.get("id")?.as_arr()?;
    let dims_j = root.get("dimension")?;
    let mut dims = Vec::new();
    for id in ids.iter().filter_map(Json::as_str) {
        let Some(d) = dims_j.get(id) else { continue };
        let index = d.get("category").and_then(|c| c.get("index"));
        let codes = match index.map(|i| &i.v) {
            Some(JVal::Arr(a)) => a
                .iter()
                .filter_map(|c| c.as_str().map(str::to_string))
                .collect(),
            Some(JVal::Obj(m)) => {
                let mut pairs: Vec<(f64, String)> = m
                    .iter()
                    .map(|m| (m.value.as_f64().unwrap_or(f64::MAX), m.key.to_string()))
                    .collect();
                pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
                pairs.into_iter().map(|(_, c)| c).collect()
            }
            // A dimension of one category may give only its label.
            _ => d
                .get("category")
                .and_then(|c| c.get("label"))
                .and_then(Json::as_obj)
                .map(|m| m.iter().map(|m| m.key.to_string()).collect())
                .unwrap_or_default(),
        };
        dims.push(MetaDim {
            id: id.to_string(),
            label: d
                .get("label")
                .and_then(Json::as_str)
                .unwrap_or(id)
                .to_string(),
            codes,
        });
    }
    Some(TableMeta {
        table: root
            .get("extension")
            .and_then(|e| e.get("px"))
            .and_then(|p| p.get("tableid"))
            .and_then(Json::as_str)
            .map(str::to_string),
        label: root.get("label").and_then(Json::as_str).map(str::to_string),
        dims,
    })
}

/// What a table lacks of what was asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Missing {
    pub dim: String,
    /// The codes the table does not have in `dim`; empty when the table has
    /// no dimension `dim` at all.
    pub codes: Vec<String>,
}

/// The dimensions and codes of `requests` that `meta` does not have, in the
/// order asked. SSB matches ids and codes without regard to case, and so
/// does this; `*` (every code) is never missing, and codes read in one of
/// SSB's code lists (`codelist[Dim]`) are not checked: the metadata lists
/// the table's own codes only.
pub fn missing_codes(meta: &TableMeta, requests: &[TableRequest]) -> Vec<Missing> {
    let mut out: Vec<Missing> = Vec::new();
    for r in requests {
        for (dim, codes) in &r.codes {
            let slot = match out.iter().position(|m| m.dim == *dim) {
                Some(i) => i,
                None => {
                    out.push(Missing {
                        dim: dim.clone(),
                        codes: Vec::new(),
                    });
                    out.len() - 1
                }
            };
            let Some(md) = meta.dims.iter().find(|d| d.id.eq_ignore_ascii_case(dim)) else {
                continue;
            };
            if r.codelists.iter().any(|(d, _)| d.eq_ignore_ascii_case(dim)) {
                continue;
            }
            for c in codes.iter().filter(|c| *c != "*") {
                let known = md.codes.iter().any(|k| k.eq_ignore_ascii_case(c));
                if !known && !out[slot].codes.contains(c) {
                    out[slot].codes.push(c.clone());
                }
            }
        }
    }
    out.retain(|m| {
        !m.codes.is_empty() || !meta.dims.iter().any(|d| d.id.eq_ignore_ascii_case(&m.dim))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const META: &str = r#"{"version": "2.0", "class": "dataset",
        "label": "12367: Detaljerte regnskapstall", "id": ["KOKkommuneregion0000", "KOKfunksjon0000", "Tid"],
        "size": [2, 2, 1], "extension": {"px": {"tableid": "12367"}},
        "dimension": {
          "KOKkommuneregion0000": {"label": "region", "category": {"index": {"EAK": 0, "3401": 1}}},
          "KOKfunksjon0000": {"label": "funksjon", "category": {"index": ["FGK8b", "100"]}},
          "Tid": {"label": "år", "category": {"label": {"2020": "2020"}}}}}"#;

    fn request(codes: &[(&str, &[&str])]) -> TableRequest {
        TableRequest {
            table: "12367".into(),
            lang: "no".into(),
            codes: codes
                .iter()
                .map(|(d, c)| (d.to_string(), c.iter().map(|c| c.to_string()).collect()))
                .collect(),
            codelists: Vec::new(),
        }
    }

    #[test]
    fn metadata_is_read_with_codes_in_order() {
        let m = metadata(META.as_bytes()).unwrap();
        assert_eq!(m.table.as_deref(), Some("12367"));
        assert_eq!(m.dims.len(), 3);
        assert_eq!(m.dims[0].codes, ["EAK", "3401"]);
        assert_eq!(m.dims[1].codes, ["FGK8b", "100"]);
        assert_eq!(m.dims[2].codes, ["2020"]);
        assert!(metadata(b"<html>").is_none());
        assert!(metadata(br#"{"title": "x"}"#).is_none());
    }

    #[test]
    fn missing_codes_and_dimensions_are_named() {
        let m = metadata(META.as_bytes()).unwrap();
        let reqs = [
            request(&[
                ("KOKkommuneregion0000", &["eak", "3401"]),
                ("KOKfunksjon0000", &["FGK8b", "FGK99"]),
                ("KOKart0000", &["AGD2"]),
                ("Tid", &["*"]),
            ]),
            request(&[("KOKfunksjon0000", &["FGK99", "FGK98"])]),
        ];
        assert_eq!(
            missing_codes(&m, &reqs),
            [
                Missing {
                    dim: "KOKfunksjon0000".into(),
                    codes: vec!["FGK99".into(), "FGK98".into()]
                },
                Missing {
                    dim: "KOKart0000".into(),
                    codes: vec![]
                }
            ]
        );
        assert!(missing_codes(&m, &reqs[..0]).is_empty());
        // Codes of a code list are not the table's own: not checked.
        let mut listed = request(&[("KOKfunksjon0000", &["H17"])]);
        listed.codelists = vec![("KOKfunksjon0000".into(), "agg_X".into())];
        assert!(missing_codes(&m, &[listed]).is_empty());
    }

    #[test]
    fn problems_are_read_and_an_unknown_table_is_recognised() {
        let p = problem(br#"{"type":"Parameter error","title":"Non-existent value","status":400}"#)
            .unwrap();
        assert_eq!(p.title.as_deref(), Some("Non-existent value"));
        assert_eq!(p.text(), "Non-existent value");
        assert!(!p.is_unknown_table());
        let t = problem(br#"{"type":"Parameter error","title":"Non-existent table","status":404}"#)
            .unwrap();
        assert!(t.is_unknown_table());
        assert!(problem(b"<html><body>Bad Request</body></html>").is_none());
        assert!(problem(b"{}").is_none());
    }

    #[test]
    fn an_answer_is_the_table_by_its_id_or_its_label() {
        let mut ds = Dataset {
            table: Some("12367".into()),
            ..Default::default()
        };
        assert!(is_table(&ds, "12367"));
        assert!(!is_table(&ds, "08655"));
        ds.table = None;
        ds.label = Some("12367: Detaljerte regnskapstall".into());
        assert!(is_table(&ds, "12367"));
        assert!(!is_table(&ds, "1236"));
        ds.label = Some("08655: Byggjekostnadsindeks".into());
        assert!(!is_table(&ds, "12367"));
        assert_eq!(what_table(&ds), "08655: Byggjekostnadsindeks");
        assert_eq!(file_name("12367"), "ssb-12367.json");
    }
}

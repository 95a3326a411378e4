//! Fetches that succeed: one answer, and a split request merged.

use std::path::Path;
use std::process::Command;

use innsyn_core::registry::Registry;
use innsyn_core::{catalog, define, read};
use serde_json::{json, Value};

use crate::mock::{ok, problem, Mock};
use crate::site::{data_request, target, Site, CATALOG};
use crate::{kostra, BIN, ROOT};

/// SSB answering the data request with its 12367 answer.
fn answering_12367() -> Mock {
    Mock::start(|t, _| {
        if data_request(t) {
            ok(kostra())
        } else {
            problem(404, json!({"title": "Not found"}))
        }
    })
}

#[test]
fn a_fetch_writes_the_answer_and_a_catalog_that_points_at_it() {
    let site = Site::new("fresh", CATALOG);
    let mock = answering_12367();
    let (code, out, _) = site.fetch(&mock, &[]);
    assert_eq!(code, 0, "{out}");
    // Exactly the requests TableRequest::url writes: one for the table.
    let expected = site.expected(&mock.api());
    assert_eq!(expected.len(), 1);
    assert_eq!(
        mock.requests(),
        expected.iter().map(|u| target(u)).collect::<Vec<_>>()
    );
    // The answer, byte for byte.
    assert_eq!(site.snapshot().unwrap(), kostra());
    assert_eq!(site.files(), ["catalog.json", "ssb-12367.json"]);
    assert!(
        out.contains("12367: 1 forespørsel, 1250 celler, 25997 byte — ny: ssb-12367.json (oppdatert hos SSB 2021-06-13T22:00:00Z)"),
        "{out}"
    );

    let cat = site.written();
    for i in 0..2 {
        let ind = &cat["indicators"][i];
        assert_eq!(ind["url"], "ssb-12367.json");
        assert_eq!(ind["ssb"]["live"], true, "the definition is kept");
        let snap = &ind["snapshot"];
        assert_eq!(snap["table"], "12367");
        assert_eq!(snap["requests"], json!(expected));
        assert_eq!(snap["updated"], "2021-06-13T22:00:00Z");
        let fetched = snap["fetched"].as_str().unwrap();
        assert!(
            fetched.len() == 20
                && fetched.ends_with('Z')
                && fetched.as_bytes()[10] == b'T'
                && fetched.starts_with("20"),
            "{fetched}"
        );
    }
    // Every relative address still reaches the same file from out/.
    for (addr, file) in [
        (&cat["regions"], "regions.json"),
        (&cat["boundaries"]["url"], "kart/k.geojson"),
        (&cat["indicators"][2]["url"], "filer/bygg.json"),
    ] {
        let addr = addr.as_str().unwrap();
        assert!(addr.starts_with("../src/"), "{addr}");
        let path = site.out.join(addr.split('?').next().unwrap());
        assert_eq!(
            path.canonicalize().unwrap(),
            site.src.join(file).canonicalize().unwrap()
        );
    }
    assert_eq!(cat["indicators"][2]["url"], "../src/filer/bygg.json?v=1");
    // The publisher's order is kept.
    let text = std::fs::read_to_string(site.out.join("catalog.json")).unwrap();
    let at = |k: &str| text.find(&format!("\"{k}\"")).unwrap();
    assert!(at("format") < at("title") && at("title") < at("regions"));
    assert!(at("boundaries") < at("indicators") && at("indicators") < at("dashboards"));
    assert!(at("dashboards") < at("comparisons"));

    // The app reads it: the catalog is valid, and every definition derives
    // its indicator from the snapshot without an error.
    let path = site.out.join("catalog.json");
    let (parsed, diags) = catalog::parse(&text, &path.to_string_lossy()).unwrap();
    assert!(!innsyn_core::diag::has_errors(&diags), "{diags:?}");
    let file = read::read_bytes(
        &site.snapshot().unwrap(),
        &Registry::bundled(),
        read::Options::default(),
    )
    .unwrap();
    for id in ["grunnskole", "helse"] {
        let def = parsed.indicator(id).unwrap();
        assert!(def.fetched.is_some());
        assert!(def.url().unwrap().ends_with("ssb-12367.json"));
        let (ind, d) = define::derive(def, &file.datasets[0]);
        assert!(!innsyn_core::diag::has_errors(&d), "{id}: {d:?}");
        assert_eq!(ind.meta.unwrap().fetched.as_deref(), fetched_of(&cat, id));
    }
}

fn fetched_of<'a>(cat: &'a Value, id: &str) -> Option<&'a str> {
    cat["indicators"]
        .as_array()?
        .iter()
        .find(|i| i["id"] == id)?["snapshot"]["fetched"]
        .as_str()
}

/// The 12367 file cut to the categories of `dim` that `query` asks for, as
/// SSB would answer the part of a split request (in the table's order).
fn slice(file: &Value, dim: &str, query: &str) -> Value {
    let key = format!("valueCodes[{dim}]=");
    let asked: Vec<&str> = query
        .split('&')
        .find_map(|p| p.strip_prefix(&key))
        .unwrap()
        .split(',')
        .collect();
    let ids: Vec<&str> = file["id"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let sizes: Vec<usize> = file["size"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap() as usize)
        .collect();
    let k = ids.iter().position(|d| *d == dim).unwrap();
    let index = file["dimension"][dim]["category"]["index"]
        .as_object()
        .unwrap();
    let mut codes: Vec<(&String, usize)> = index
        .iter()
        .map(|(c, p)| (c, p.as_u64().unwrap() as usize))
        .collect();
    codes.sort_by_key(|c| c.1);
    let kept: Vec<(&String, usize)> = codes
        .into_iter()
        .filter(|(c, _)| asked.contains(&c.as_str()))
        .collect();
    let mut out = file.clone();
    let mut new_sizes = sizes.clone();
    new_sizes[k] = kept.len();
    out["size"] = json!(new_sizes);
    let cat = &mut out["dimension"][dim]["category"];
    cat["index"] = Value::Object(
        kept.iter()
            .enumerate()
            .map(|(i, (c, _))| ((*c).clone(), json!(i)))
            .collect(),
    );
    cat["label"] = Value::Object(
        kept.iter()
            .map(|(c, _)| {
                (
                    (*c).clone(),
                    file["dimension"][dim]["category"]["label"][c.as_str()].clone(),
                )
            })
            .collect(),
    );
    let total: usize = sizes.iter().product();
    let (mut values, mut status) = (Vec::new(), serde_json::Map::new());
    for i in 0..total {
        let mut rest = i;
        let mut coords = vec![0; sizes.len()];
        for d in (0..sizes.len()).rev() {
            coords[d] = rest % sizes[d];
            rest /= sizes[d];
        }
        let Some(pos) = kept.iter().position(|(_, p)| *p == coords[k]) else {
            continue;
        };
        coords[k] = pos;
        let j = coords
            .iter()
            .zip(&new_sizes)
            .fold(0, |acc, (c, s)| acc * s + c);
        values.push(file["value"][i].clone());
        if let Some(s) = file["status"].get(i.to_string()) {
            status.insert(j.to_string(), s.clone());
        }
    }
    out["value"] = Value::Array(values);
    out["status"] = Value::Object(status);
    out
}

#[test]
fn a_split_request_is_merged_into_one_file_with_every_cell() {
    // KOKart0000 long enough that the URL passes 2 000 characters: the
    // request is split in two, each half with real codes among made-up ones.
    let fakes = |from: usize| {
        (from..from + 110)
            .map(|i| format!("\"X{i:04}\""))
            .collect::<Vec<_>>()
            .join(",")
    };
    let catalog = CATALOG.replace(
        r#""KOKart0000": "AGD2", "ContentsCode": "KOSbelop0000" } },
    { "id": "helse""#,
        &format!(
            r#""KOKart0000": ["AGD4", "AGD10", {}, "AGD2", "AGD56", "AGD28", {}], "ContentsCode": "KOSbelop0000" }} }},
    {{ "id": "helse""#,
            fakes(0),
            fakes(200)
        ),
    );
    assert_ne!(catalog, CATALOG);
    let site = Site::new("split", &catalog);
    let probe = site.expected("http://127.0.0.1:1/api/pxwebapi/v2");
    assert_eq!(probe.len(), 2, "the test needs a request split in two");
    let file: Value = serde_json::from_slice(&kostra()).unwrap();
    let mock = Mock::start(move |t, _| {
        if data_request(t) {
            ok(slice(&file, "KOKart0000", t).to_string().into_bytes())
        } else {
            problem(404, json!({"title": "Not found"}))
        }
    });
    let (code, out, _) = site.fetch(&mock, &["--lang", "en"]);
    assert_eq!(code, 0, "{out}");
    let expected = site.expected(&mock.api());
    assert_eq!(
        mock.requests(),
        expected.iter().map(|u| target(u)).collect::<Vec<_>>()
    );
    assert!(out.contains("12367: 2 requests, 1250 cells"), "{out}");
    assert_eq!(
        site.written()["indicators"][0]["snapshot"]["requests"],
        json!(expected)
    );
    // Cell for cell the table SSB would have sent in one answer.
    let cells = |path: &Path| {
        let o = Command::new(BIN).arg("cells").arg(path).output().unwrap();
        assert_eq!(o.status.code(), Some(0));
        String::from_utf8(o.stdout).unwrap()
    };
    let whole = format!("{ROOT}/tests/data/jsonstat/ssb/12367_kostra_regnskap.json");
    assert_eq!(
        cells(&site.out.join("ssb-12367.json")),
        cells(Path::new(&whole))
    );
    let merged: Value = serde_json::from_slice(&site.snapshot().unwrap()).unwrap();
    let original: Value = serde_json::from_slice(&kostra()).unwrap();
    for key in ["label", "source", "updated", "extension", "role"] {
        assert_eq!(merged[key], original[key], "{key}");
    }
    assert_eq!(merged["dimension"], original["dimension"]);
}

/// A snapshot Innsyn did not fetch itself (the bundled expenditure, taken
/// from a republisher) is replaced by SSB's own answer, and no longer says
/// whom it came through.
#[test]
fn a_republished_snapshot_is_replaced_by_ssbs_own_answer() {
    let republished = CATALOG.replace(
        r#"{ "id": "grunnskole", "ssb""#,
        r#"{ "id": "grunnskole", "url": "filer/bygg.json", "snapshot": { "fetched": "2026-09-14T06:34:00Z", "via": "Lippen1995/Project_statsbudsjett" }, "ssb""#,
    );
    assert_ne!(republished, CATALOG);
    let site = Site::new("republished", &republished);
    let mock = answering_12367();
    let (code, out, _) = site.fetch(&mock, &[]);
    assert_eq!(code, 0, "{out}");
    let ind = &site.written()["indicators"][0];
    assert_eq!(ind["url"], "ssb-12367.json");
    assert_eq!(ind["snapshot"]["table"], "12367");
    assert!(ind["snapshot"].get("via").is_none(), "{ind}");
    assert_ne!(ind["snapshot"]["fetched"], "2026-09-14T06:34:00Z");
}

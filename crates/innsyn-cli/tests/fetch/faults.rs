//! SSB's faults: each after a good first run, which must keep its snapshot;
//! and 429 retried after `Retry-After`.

use std::thread;
use std::time::Duration;

use serde_json::{json, Value};

use crate::mock::{ok, problem, Mock, Reply};
use crate::site::{data_request, Site, CATALOG};
use crate::{kostra, ssb_file, API_PATH};

/// A good first run, then `fault` in a second: the second must exit 1, keep
/// the snapshot byte for byte and the catalog's provenance, and leave no
/// stray file. Returns the second run's output and requests.
fn fault(
    name: &str,
    catalog: &str,
    handler: impl Fn(&str, usize) -> Reply + Send + Sync + 'static,
    extra: &[&str],
) -> (String, Vec<String>, Duration) {
    let site = Site::new(name, catalog);
    let good = Mock::start(|_, _| ok(kostra()));
    let (code, out, _) = site.fetch(&good, &[]);
    assert_eq!(code, 0, "{out}");
    drop(good);
    let before = site.snapshot().unwrap();
    let provenance = site.written()["indicators"][0]["snapshot"].clone();
    // The clock moves on, so a new provenance would show.
    thread::sleep(Duration::from_millis(1_100));

    let bad = Mock::start(handler);
    let (code, out, took) = site.fetch(&bad, extra);
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        site.snapshot().unwrap(),
        before,
        "the snapshot is unchanged"
    );
    let cat = site.written();
    for i in 0..2 {
        assert_eq!(cat["indicators"][i]["url"], "ssb-12367.json");
        assert_eq!(cat["indicators"][i]["snapshot"], provenance);
    }
    assert_eq!(site.files(), ["catalog.json", "ssb-12367.json"]);
    let since = provenance["fetched"].as_str().unwrap();
    let kept_nb = format!("beholder forrige øyeblikksbilde ssb-12367.json, hentet {since}");
    let kept_en = format!("keeping the last good snapshot ssb-12367.json, fetched {since}");
    assert!(out.contains(&kept_nb) || out.contains(&kept_en), "{out}");
    assert!(out.contains("12367"), "{out}");
    (out, bad.requests(), took)
}

#[test]
fn a_server_error_keeps_the_last_snapshot_and_is_not_retried() {
    let (out, reqs, _) = fault(
        "500",
        CATALOG,
        |_, _| {
            problem(
                500,
                json!({"title": "Internal Server Error", "status": 500}),
            )
        },
        &[],
    );
    assert_eq!(reqs.len(), 1, "{reqs:?}");
    assert!(out.contains("tabell 12367: SSB svarte HTTP 500"), "{out}");
    assert!(
        out.contains(&format!(
            "{API_PATH}/tables/12367/data?lang=no&outputFormat=json-stat2"
        )),
        "{out}"
    );
}

#[test]
fn a_stalled_connection_times_out() {
    let (out, reqs, took) = fault(
        "stall",
        CATALOG,
        |_, _| Reply::Stall,
        &["--timeout", "1", "--lang", "en"],
    );
    assert_eq!(reqs.len(), 1);
    assert!(
        out.contains("table 12367: no answer from SSB within 1 s (timeout)"),
        "{out}"
    );
    assert!(took < Duration::from_secs(4), "{took:?}");
}

#[test]
fn truncated_json_is_rejected() {
    let (out, _, _) = fault(
        "truncated",
        CATALOG,
        |_, _| ok(kostra()[..10_000].to_vec()),
        &["--lang", "en"],
    );
    assert!(
        out.contains("table 12367: the answer cannot be read"),
        "{out}"
    );
    assert!(out.contains("/tables/12367/data?"), "{out}");
}

#[test]
fn an_html_error_page_with_status_200_is_rejected() {
    let (out, _, _) = fault(
        "html",
        CATALOG,
        |_, _| {
            Reply::Answer(
                200,
                "text/html",
                vec![],
                b"<!DOCTYPE html><html><body><h1>Vedlikehold</h1></body></html>".to_vec(),
            )
        },
        &[],
    );
    assert!(
        out.contains("tabell 12367: svaret er en HTML-side, ikke JSON-stat"),
        "{out}"
    );
}

#[test]
fn a_valid_answer_of_another_table_is_rejected() {
    let (out, _, _) = fault(
        "wrong-table",
        CATALOG,
        |_, _| ok(ssb_file("08655_byggekostnadsindeks.json")),
        &["--lang", "en"],
    );
    assert!(
        out.contains("table 12367: the answer is table 08655, not 12367"),
        "{out}"
    );
}

/// SSB's metadata for 12367: the file's dimensions, every region asked for.
fn metadata(site_catalog: &str) -> Vec<u8> {
    let mut meta: Value = serde_json::from_slice(&kostra()).unwrap();
    let regions = Site::new("meta-probe", site_catalog).requests()[0].codes[0]
        .1
        .clone();
    let cat = &mut meta["dimension"]["KOKkommuneregion0000"]["category"];
    cat["index"] = Value::Object(
        regions
            .iter()
            .enumerate()
            .map(|(i, c)| (c.clone(), json!(i)))
            .collect(),
    );
    cat["label"] = Value::Object(regions.iter().map(|c| (c.clone(), json!(c))).collect());
    meta["size"][0] = json!(regions.len());
    let m = meta.as_object_mut().unwrap();
    m.remove("value");
    m.remove("status");
    meta.to_string().into_bytes()
}

#[test]
fn an_unknown_code_is_named_from_the_tables_metadata() {
    let catalog = CATALOG.replace("\"FGK9\"", "\"FGK99\"");
    let meta = metadata(&catalog);
    let (out, reqs, _) = fault(
        "unknown-code",
        &catalog,
        move |t, _| {
            if data_request(t) {
                problem(
                    400,
                    json!({"type": "Parameter error", "title": "Non-existent value", "status": 400}),
                )
            } else if t == format!("{API_PATH}/tables/12367/metadata?lang=no") {
                ok(meta.clone())
            } else {
                problem(404, json!({"title": "Not found"}))
            }
        },
        &[],
    );
    assert_eq!(reqs.len(), 2, "one data and one metadata request: {reqs:?}");
    assert_eq!(reqs[1], format!("{API_PATH}/tables/12367/metadata?lang=no"));
    assert!(
        out.contains("tabell 12367 («12367: Detaljerte regnskapstall driftsregnskapet, etter region, regnskapsomfang, funksjon, art, statistikkvariabel og år») har ikke koden «FGK99» i dimensjonen «KOKfunksjon0000» (funksjon)"),
        "{out}"
    );
    assert!(out.contains("«Non-existent value»"), "{out}");
    assert!(
        !out.contains("dimensjonen «KOKkommuneregion0000»"),
        "no region is named: {out}"
    );
}

#[test]
fn an_unknown_table_is_named() {
    let (out, reqs, _) = fault(
        "unknown-table",
        CATALOG,
        |t, _| {
            if data_request(t) {
                // PxWebApi 2.0 answers data requests for a missing table with 400.
                problem(
                    400,
                    json!({"type": "Parameter error", "title": "Non-existent table", "status": 404}),
                )
            } else {
                problem(
                    404,
                    json!({"type": "Parameter error", "title": "Non-existent table", "status": 404}),
                )
            }
        },
        &["--lang", "en"],
    );
    assert_eq!(reqs.len(), 2);
    assert!(out.contains("table 12367: SSB has no table 12367"), "{out}");
}

#[test]
fn too_many_requests_waits_for_retry_after_then_succeeds() {
    let site = Site::new("429", CATALOG);
    let mock = Mock::start(|_, n| {
        if n == 0 {
            Reply::Answer(
                429,
                "application/problem+json",
                vec![("Retry-After", "1".into())],
                br#"{"title":"Too Many Requests","status":429,"detail":"30 request per minute"}"#
                    .to_vec(),
            )
        } else {
            ok(kostra())
        }
    });
    let (code, out, took) = site.fetch(&mock, &[]);
    assert_eq!(code, 0, "{out}");
    let reqs = mock.requests();
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[0], reqs[1]);
    assert!(took >= Duration::from_secs(1), "{took:?}");
    assert!(
        out.contains("SSB svarte 429; venter 1 s og prøver igjen (1 av 3)"),
        "{out}"
    );
    assert!(out.contains("12367: 2 forespørsler"), "{out}");
    assert_eq!(site.snapshot().unwrap(), kostra());
}

#[test]
fn retries_are_bounded() {
    let (out, reqs, _) = fault(
        "429-forever",
        CATALOG,
        |_, _| {
            Reply::Answer(
                503,
                "text/plain",
                vec![("Retry-After", "1".into())],
                b"busy".to_vec(),
            )
        },
        &["--retries", "1"],
    );
    assert_eq!(reqs.len(), 2, "one try and one retry: {reqs:?}");
    assert!(out.contains("SSB svarte HTTP 503"), "{out}");
}

#[test]
fn without_an_earlier_snapshot_the_indicator_stays_as_it_was() {
    let site = Site::new("no-previous", CATALOG);
    let mock = Mock::start(|_, _| problem(500, json!({"title": "Internal Server Error"})));
    let (code, out, _) = site.fetch(&mock, &["--lang", "en"]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(site.files(), ["catalog.json"], "no snapshot is written");
    let cat = site.written();
    let source: Value = serde_json::from_str(CATALOG).unwrap();
    for i in 0..2 {
        let ind = &cat["indicators"][i];
        assert_eq!(ind, &source["indicators"][i], "left as it was");
        assert!(ind.get("url").is_none() && ind.get("snapshot").is_none());
    }
    assert!(
        out.contains("FAILED; no earlier snapshot, left as they were: grunnskole (live from SSB), helse (live from SSB)"),
        "{out}"
    );
}

/// SSB failing keeps a republished snapshot as it was, with its provenance.
#[test]
fn a_republished_snapshot_is_kept_when_ssb_fails() {
    let republished = CATALOG.replace(
        r#"{ "id": "grunnskole", "ssb""#,
        r#"{ "id": "grunnskole", "url": "filer/bygg.json", "snapshot": { "fetched": "2026-09-14T06:34:00Z", "via": "Lippen1995/Project_statsbudsjett" }, "ssb""#,
    );
    let site = Site::new("republished-kept", &republished);
    let mock = Mock::start(|_, _| problem(500, json!({"title": "Internal Server Error"})));
    let (code, out, _) = site.fetch(&mock, &["--lang", "en"]);
    assert_eq!(code, 1, "{out}");
    let ind = &site.written()["indicators"][0];
    assert_eq!(ind["snapshot"]["via"], "Lippen1995/Project_statsbudsjett");
    assert!(
        ind["url"].as_str().unwrap().ends_with("filer/bygg.json"),
        "{ind}"
    );
}

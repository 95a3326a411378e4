//! `innsyn fetch` against a mock PxWebApi 2.0 on 127.0.0.1 that replays
//! SSB's real answers from `tests/data/jsonstat/ssb` and SSB's faults. Every
//! mock stops by itself (at the latest after 30 s; a stalled connection
//! after 4 s), so no test can hang.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use innsyn_core::registry::Registry;
use innsyn_core::{catalog, define, read, ssb};
use serde_json::{json, Value};

const BIN: &str = env!("CARGO_BIN_EXE_innsyn");
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
const API_PATH: &str = "/api/pxwebapi/v2";

fn ssb_file(name: &str) -> Vec<u8> {
    std::fs::read(format!("{ROOT}/tests/data/jsonstat/ssb/{name}")).unwrap()
}
fn kostra() -> Vec<u8> {
    ssb_file("12367_kostra_regnskap.json")
}

// ---------------------------------------------------------------- the mock

enum Reply {
    Answer(u16, &'static str, Vec<(&'static str, String)>, Vec<u8>),
    /// Accepts, reads the request, never answers.
    Stall,
}

fn ok(body: Vec<u8>) -> Reply {
    Reply::Answer(200, "application/json; charset=UTF-8", vec![], body)
}
fn problem(status: u16, body: Value) -> Reply {
    Reply::Answer(
        status,
        "application/problem+json",
        vec![],
        body.to_string().into_bytes(),
    )
}

type Handler = dyn Fn(&str, usize) -> Reply + Send + Sync;

struct Mock {
    port: u16,
    log: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Mock {
    /// `handler` gets the request's path and query and its number (from 0).
    fn start(handler: impl Fn(&str, usize) -> Reply + Send + Sync + 'static) -> Mock {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let handler: Arc<Handler> = Arc::new(handler);
        let (l, s) = (log.clone(), stop.clone());
        let thread = thread::spawn(move || {
            let deadline = Instant::now() + Duration::from_secs(30);
            while !s.load(Ordering::SeqCst) && Instant::now() < deadline {
                match listener.accept() {
                    Ok((conn, _)) => {
                        let (l, s, h) = (l.clone(), s.clone(), handler.clone());
                        thread::spawn(move || serve(conn, &l, &*h, &s));
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                        thread::sleep(Duration::from_millis(5))
                    }
                    Err(_) => break,
                }
            }
        });
        Mock {
            port,
            log,
            stop,
            thread: Some(thread),
        }
    }
    fn api(&self) -> String {
        format!("http://127.0.0.1:{}{API_PATH}", self.port)
    }
    fn requests(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }
}

impl Drop for Mock {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// One request per connection: the answer says `Connection: close`.
fn serve(mut conn: TcpStream, log: &Mutex<Vec<String>>, handler: &Handler, stop: &AtomicBool) {
    let _ = conn.set_nonblocking(false);
    let _ = conn.set_read_timeout(Some(Duration::from_secs(2)));
    let mut head = Vec::new();
    let mut chunk = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match conn.read(&mut chunk) {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&chunk[..n]),
        }
        if head.len() > 65_536 {
            return;
        }
    }
    let text = String::from_utf8_lossy(&head);
    let target = text.split_whitespace().nth(1).unwrap_or("").to_string();
    let n = {
        let mut l = log.lock().unwrap();
        l.push(target.clone());
        l.len() - 1
    };
    match handler(&target, n) {
        Reply::Stall => {
            let until = Instant::now() + Duration::from_secs(4);
            while !stop.load(Ordering::SeqCst) && Instant::now() < until {
                thread::sleep(Duration::from_millis(20));
            }
        }
        Reply::Answer(status, kind, headers, body) => {
            let mut out = format!(
                "HTTP/1.1 {status} X\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n",
                body.len()
            );
            for (k, v) in headers {
                out.push_str(&format!("{k}: {v}\r\n"));
            }
            out.push_str("\r\n");
            let _ = conn.write_all(out.as_bytes());
            let _ = conn.write_all(&body);
            let _ = conn.flush();
        }
    }
}

// ---------------------------------------------------------------- a site

const CATALOG: &str = r#"{
  "format": "innsyn-catalog/1",
  "title": { "nb": "Test", "en": "Test" },
  "regions": "regions.json",
  "boundaries": { "url": "kart/k.geojson", "attribution": "© Kartverket (CC BY 4.0)", "join": "kommunenummer_2024" },
  "indicators": [
    { "id": "grunnskole", "ssb": { "table": "12367", "live": true }, "unit": "1000 kr",
      "select": { "KOKregnskapsomfa0000": "A", "KOKfunksjon0000": "FGK8b", "KOKart0000": "AGD2", "ContentsCode": "KOSbelop0000" } },
    { "id": "helse", "ssb": { "table": "12367", "live": true },
      "select": { "KOKregnskapsomfa0000": "A", "KOKfunksjon0000": "FGK9", "KOKart0000": "AGD2", "ContentsCode": "KOSbelop0000" } },
    { "id": "bygg", "url": "filer/bygg.json?v=1" }
  ],
  "dashboards": { "region": ["grunnskole", "helse"] },
  "comparisons": ["EAKUO", "EAK"]
}
"#;

struct Site {
    root: PathBuf,
    src: PathBuf,
    out: PathBuf,
}

/// A passing test leaves nothing behind; a failing one leaves its files.
impl Drop for Site {
    fn drop(&mut self) {
        if !thread::panicking() {
            let _ = std::fs::remove_dir_all(&self.root);
        }
    }
}

impl Site {
    /// A catalog in `src/` beside its registry, boundaries and another
    /// file; the output goes to `out/`.
    fn new(name: &str, catalog: &str) -> Site {
        let root = std::env::temp_dir().join(format!("innsyn-fetch-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let (src, out) = (root.join("src"), root.join("out"));
        for d in ["kart", "filer"] {
            std::fs::create_dir_all(src.join(d)).unwrap();
        }
        std::fs::copy(
            format!("{ROOT}/public/data/regions.json"),
            src.join("regions.json"),
        )
        .unwrap();
        std::fs::copy(
            format!("{ROOT}/tests/data/geo/hedmark_oppland_2024geom_small.geojson"),
            src.join("kart/k.geojson"),
        )
        .unwrap();
        std::fs::write(
            src.join("filer/bygg.json"),
            ssb_file("08655_byggekostnadsindeks.json"),
        )
        .unwrap();
        std::fs::write(src.join("catalog.json"), catalog).unwrap();
        Site { root, src, out }
    }
    fn catalog(&self) -> String {
        self.src.join("catalog.json").to_string_lossy().into_owned()
    }
    /// The requests for the catalog and its registry.
    fn requests(&self) -> Vec<ssb::TableRequest> {
        let text = std::fs::read_to_string(self.catalog()).unwrap();
        let (cat, _) = catalog::parse(&text, &self.catalog()).unwrap();
        let reg = std::fs::read_to_string(self.src.join("regions.json")).unwrap();
        let (reg, _) = Registry::parse(&reg).unwrap();
        ssb::table_requests(&cat, &reg, "no")
    }
    /// The requests `innsyn fetch` must send: `TableRequest::url`.
    fn expected(&self, api: &str) -> Vec<String> {
        self.requests().iter().map(|r| r.url(api)).collect()
    }
    fn snapshot(&self) -> Option<Vec<u8>> {
        std::fs::read(self.out.join("ssb-12367.json")).ok()
    }
    fn written(&self) -> Value {
        serde_json::from_str(&std::fs::read_to_string(self.out.join("catalog.json")).unwrap())
            .unwrap()
    }
    fn files(&self) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(&self.out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }
    fn fetch(&self, mock: &Mock, extra: &[&str]) -> (i32, String, Duration) {
        let started = Instant::now();
        let out = Command::new(BIN)
            .arg("fetch")
            .arg(self.catalog())
            .arg("--out")
            .arg(&self.out)
            .args([
                "--api",
                &mock.api(),
                "--per-minute",
                "1000",
                "--timeout",
                "2",
            ])
            .args(extra)
            // The mock is on 127.0.0.1: no proxy in between.
            .env_remove("ALL_PROXY")
            .env_remove("all_proxy")
            .env_remove("HTTPS_PROXY")
            .env_remove("https_proxy")
            .env_remove("HTTP_PROXY")
            .env_remove("http_proxy")
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned()
                + &String::from_utf8_lossy(&out.stderr),
            started.elapsed(),
        )
    }
}

/// The path and query a URL asks for.
fn target(url: &str) -> String {
    let rest = url.split_once("://").unwrap().1;
    rest[rest.find('/').unwrap()..].to_string()
}

fn data_request(t: &str) -> bool {
    t.starts_with(&format!("{API_PATH}/tables/12367/data?"))
}

// ---------------------------------------------------------------- tests

#[test]
fn a_fetch_writes_the_answer_and_a_catalog_that_points_at_it() {
    let site = Site::new("fresh", CATALOG);
    let mock = Mock::start(|t, _| {
        if data_request(t) {
            ok(kostra())
        } else {
            problem(404, json!({"title": "Not found"}))
        }
    });
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

#[test]
fn unusable_input_exits_2_without_asking_ssb() {
    let site = Site::new("unusable", CATALOG);
    let mock = Mock::start(|_, _| ok(kostra()));
    let run = |args: &[&str]| {
        let out = Command::new(BIN).arg("fetch").args(args).output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let cat = site.catalog();
    let out = site.out.to_string_lossy().into_owned();
    let api = mock.api();
    for (args, says) in [
        (vec![], "katalogen mangler"),
        (vec![cat.as_str()], "--out DIR mangler"),
        (vec![cat.as_str(), "--out"], "--out trenger en verdi"),
        (
            vec![cat.as_str(), "--out", &out, "--per-minute", "0"],
            "--per-minute skal være et heltall fra 1",
        ),
        (
            vec![cat.as_str(), "--out", &out, "--ssb-lang", "nb"],
            "--ssb-lang skal være no eller en",
        ),
        (
            vec![cat.as_str(), "--out", &out, "--frobnicate", "1"],
            "ukjent valg --frobnicate",
        ),
        (
            vec![
                cat.as_str(),
                "--out",
                &out,
                "--lang",
                "en",
                "--timeout",
                "x",
            ],
            "--timeout must be a whole number",
        ),
        (
            vec!["/nonexistent/catalog.json", "--out", &out, "--api", &api],
            "/nonexistent/catalog.json",
        ),
    ] {
        let (code, err) = run(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    // A catalog with errors, and one without SSB sources.
    let broken = site.src.join("broken.json");
    std::fs::write(
        &broken,
        CATALOG.replace("innsyn-catalog/1", "innsyn-catalog/9"),
    )
    .unwrap();
    let (code, err) = run(&[broken.to_str().unwrap(), "--out", &out, "--api", &api]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("katalogen har feil; ingenting er hentet"),
        "{err}"
    );
    let files_only = site.src.join("files.json");
    std::fs::write(
        &files_only,
        r#"{"format": "innsyn-catalog/1", "indicators": [{"id": "bygg", "url": "filer/bygg.json"}]}"#,
    )
    .unwrap();
    let (code, err) = run(&[
        files_only.to_str().unwrap(),
        "--out",
        &out,
        "--api",
        &api,
        "--lang",
        "en",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("the catalog has no indicator with \"ssb\"; nothing to fetch"),
        "{err}"
    );
    assert!(mock.requests().is_empty(), "{:?}", mock.requests());
    assert!(!site.out.join("catalog.json").exists());
}

#[test]
fn help_lists_fetch() {
    let out = Command::new(BIN).arg("--help").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("innsyn fetch CATALOG --out DIR"), "{text}");
    assert!(text.contains("--per-minute N"), "{text}");
}

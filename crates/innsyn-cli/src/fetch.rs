//! `innsyn fetch CATALOG --out DIR`: the publishing step. Asks SSB's
//! PxWebApi 2.0 for every table the catalog names (the requests of
//! `innsyn_core::ssb::table_requests`, nothing else), checks every answer with
//! the reader `innsyn validate` uses, writes `DIR/ssb-{table}.json` atomically
//! and `DIR/catalog.json` pointing at the snapshots with their provenance.
//! A table that fails keeps its last good snapshot. Documented in
//! `docs/fetch.md`.

use std::collections::{HashMap, VecDeque};
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use innsyn_core::catalog;

use crate::args::{self, tr};
use innsyn_core::diag::{has_errors, Severity};
use innsyn_core::i18n::Lang;
use innsyn_core::read;
use innsyn_core::registry::Registry;
use innsyn_core::snapshot;
use innsyn_core::ssb::{self, TableRequest};
use serde_json::{Map, Value};

/// Sent with every request, so SSB can see who asks.
pub const USER_AGENT: &str = concat!(
    "Innsyn/",
    env!("CARGO_PKG_VERSION"),
    " (innsyn fetch; child welfare statistics dashboard)"
);
/// SSB's limit: 30 requests a minute per IP address.
const PER_MINUTE: usize = 30;
const TIMEOUT_SECS: u64 = 60;
const CONNECT_SECS: u64 = 10;
const RETRIES: u32 = 3;
/// Wait before retrying a 429/503 that gives no `Retry-After`; doubled each time.
const BACKOFF_SECS: u64 = 10;
/// A `Retry-After` longer than this is not waited for: the table fails.
const MAX_RETRY_AFTER_SECS: u64 = 120;

const USAGE: &str = fetch_usage!();

// ---------------------------------------------------------------- arguments

#[derive(Debug)]
struct Args {
    catalog: String,
    out: PathBuf,
    api: String,
    ssb_lang: String,
    lang: Lang,
    per_minute: usize,
    timeout: Duration,
    retries: u32,
}

fn parse_args(mut p: lexopt::Parser, lang: Lang) -> Result<Args, String> {
    use lexopt::prelude::*;
    let mut catalog = None;
    let mut flags: HashMap<&str, String> = HashMap::new();
    let mut chosen = lang;
    while let Some(arg) = p.next().map_err(|e| args::message(e, lang))? {
        let key = match arg {
            Long("help") | Short('h') => crate::help(crate::HELP),
            Long("lang") => {
                chosen = args::lang_value(&mut p, lang)?;
                continue;
            }
            Long("out") => "out",
            Long("api") => "api",
            Long("ssb-lang") => "ssb-lang",
            Long("per-minute") => "per-minute",
            Long("timeout") => "timeout",
            Long("retries") => "retries",
            Value(v) if catalog.is_none() => {
                catalog = Some(args::text(v, lang)?);
                continue;
            }
            Value(v) => {
                let v = v.to_string_lossy();
                return Err(tr(
                    lang,
                    format!("bare én katalog, ikke også «{v}»"),
                    format!("one catalog only, not also \"{v}\""),
                ));
            }
            other => return Err(args::message(other.unexpected(), lang)),
        };
        let v = args::value(&mut p, lang)?;
        flags.insert(key, v);
    }
    let Some(catalog) = catalog else {
        return Err(tr(lang, "katalogen mangler", "the catalog is missing"));
    };
    let Some(out) = flags.get("out") else {
        return Err(tr(lang, "--out DIR mangler", "--out DIR is missing"));
    };
    let number = |k: &str, default: u64, range: std::ops::RangeInclusive<u64>| match flags.get(k) {
        None => Ok(default),
        Some(v) => v.parse().ok().filter(|n| range.contains(n)).ok_or(tr(
            lang,
            format!(
                "--{k} skal være et heltall fra {} til {}",
                range.start(),
                range.end()
            ),
            format!(
                "--{k} must be a whole number from {} to {}",
                range.start(),
                range.end()
            ),
        )),
    };
    let api = flags
        .get("api")
        .map_or(ssb::API, String::as_str)
        .to_string();
    if !(api.starts_with("https://") || api.starts_with("http://")) {
        return Err(tr(
            lang,
            "--api skal være en http(s)-adresse",
            "--api must be an http(s) address",
        ));
    }
    let ssb_lang = flags.get("ssb-lang").map_or("no", String::as_str);
    if !matches!(ssb_lang, "no" | "en") {
        return Err(tr(
            lang,
            "--ssb-lang skal være no eller en",
            "--ssb-lang must be no or en",
        ));
    }
    Ok(Args {
        catalog,
        out: PathBuf::from(out),
        api,
        ssb_lang: ssb_lang.to_string(),
        lang: chosen,
        per_minute: number("per-minute", PER_MINUTE as u64, 1..=100_000)? as usize,
        timeout: Duration::from_secs(number("timeout", TIMEOUT_SECS, 1..=3_600)?),
        retries: number("retries", RETRIES as u64, 0..=10)? as u32,
    })
}

// ---------------------------------------------------------------- rate limit

/// Time as the limiter sees it; tests give it a clock they move themselves.
pub trait Clock {
    /// Time since some fixed start.
    fn now(&self) -> Duration;
    fn sleep(&mut self, d: Duration);
}

struct RealClock(Instant);

impl Clock for RealClock {
    fn now(&self) -> Duration {
        self.0.elapsed()
    }
    fn sleep(&mut self, d: Duration) {
        std::thread::sleep(d)
    }
}

/// At most `limit` requests in any window of `window` (a sliding window,
/// as SSB counts).
pub struct Limiter {
    limit: usize,
    window: Duration,
    sent: VecDeque<Duration>,
}

impl Limiter {
    pub fn new(limit: usize, window: Duration) -> Limiter {
        Limiter {
            limit: limit.max(1),
            window,
            sent: VecDeque::new(),
        }
    }

    /// How long to wait at `now` before another request may be sent.
    pub fn delay(&mut self, now: Duration) -> Duration {
        while self.sent.front().is_some_and(|&t| t + self.window <= now) {
            self.sent.pop_front();
        }
        if self.sent.len() < self.limit {
            Duration::ZERO
        } else {
            self.sent[0] + self.window - now
        }
    }

    /// Waits until a request may be sent and counts it; returns the wait.
    pub fn acquire(&mut self, clock: &mut impl Clock) -> Duration {
        let mut waited = Duration::ZERO;
        loop {
            let d = self.delay(clock.now());
            if d.is_zero() {
                break;
            }
            clock.sleep(d);
            waited += d;
        }
        self.sent.push_back(clock.now());
        waited
    }
}

// ---------------------------------------------------------------- HTTP

struct Http {
    agent: ureq::Agent,
    limiter: Limiter,
    clock: RealClock,
    retries: u32,
    timeout: Duration,
    lang: Lang,
    /// Requests sent, retries included.
    sent: usize,
}

struct Answer {
    status: u16,
    body: Vec<u8>,
}

/// `Retry-After` in seconds (the HTTP-date form is not used by SSB).
pub fn retry_after(value: Option<&str>) -> Option<u64> {
    value?.trim().parse().ok()
}

impl Http {
    fn new(a: &Args) -> Http {
        let config = ureq::Agent::config_builder()
            .user_agent(USER_AGENT)
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(CONNECT_SECS).min(a.timeout)))
            .timeout_send_request(Some(a.timeout))
            .timeout_recv_response(Some(a.timeout))
            .timeout_recv_body(Some(a.timeout))
            .max_redirects(3)
            .build();
        Http {
            agent: config.into(),
            limiter: Limiter::new(a.per_minute, Duration::from_secs(60)),
            clock: RealClock(Instant::now()),
            retries: a.retries,
            timeout: a.timeout,
            lang: a.lang,
            sent: 0,
        }
    }

    /// GET `url`, waiting for the rate limit, and after 429 or 503 for
    /// `Retry-After` (at most `retries` times). Other statuses are returned
    /// as they are; `Err` when no answer came.
    fn get(&mut self, url: &str) -> Result<Answer, String> {
        let mut attempt = 0;
        loop {
            self.limiter.acquire(&mut self.clock);
            self.sent += 1;
            let (status, wait, body) = self.once(url)?;
            if matches!(status, 429 | 503) && attempt < self.retries {
                let secs = wait.unwrap_or(BACKOFF_SECS << attempt);
                if secs > MAX_RETRY_AFTER_SECS {
                    eprintln!(
                        "{}",
                        tr(
                            self.lang,
                            format!("  SSB svarte {status} og ber oss vente {secs} s; gir opp denne tabellen"),
                            format!("  SSB answered {status} and asks us to wait {secs} s; giving up on this table"),
                        )
                    );
                    return Ok(Answer { status, body });
                }
                attempt += 1;
                eprintln!(
                    "{}",
                    tr(
                        self.lang,
                        format!("  SSB svarte {status}; venter {secs} s og prøver igjen ({attempt} av {})", self.retries),
                        format!("  SSB answered {status}; waiting {secs} s and trying again ({attempt} of {})", self.retries),
                    )
                );
                self.clock.sleep(Duration::from_secs(secs));
                continue;
            }
            return Ok(Answer { status, body });
        }
    }

    fn once(&self, url: &str) -> Result<(u16, Option<u64>, Vec<u8>), String> {
        let lang = self.lang;
        let why = |e: ureq::Error| match e {
            ureq::Error::Timeout(_) => tr(
                lang,
                format!(
                    "SSB svarte ikke innen {} s (tidsavbrudd)",
                    self.timeout.as_secs()
                ),
                format!(
                    "no answer from SSB within {} s (timeout)",
                    self.timeout.as_secs()
                ),
            ),
            ureq::Error::BodyExceedsLimit(_) => tr(
                lang,
                format!(
                    "svaret er større enn {} MB",
                    read::MAX_FILE_BYTES / 1_000_000
                ),
                format!(
                    "the answer is larger than {} MB",
                    read::MAX_FILE_BYTES / 1_000_000
                ),
            ),
            e => tr(lang, format!("ingen svar: {e}"), format!("no answer: {e}")),
        };
        let mut resp = self.agent.get(url).call().map_err(why)?;
        let status = resp.status().as_u16();
        let wait = retry_after(
            resp.headers()
                .get("retry-after")
                .and_then(|v| v.to_str().ok()),
        );
        let body = resp
            .body_mut()
            .with_config()
            .limit(read::MAX_FILE_BYTES as u64)
            .read_to_vec()
            .map_err(why)?;
        Ok((status, wait, body))
    }
}

// ---------------------------------------------------------------- answers

/// What an accepted answer holds.
struct Info {
    cells: usize,
    updated: Option<String>,
}

/// An answer is used only if the reader of `innsyn validate` finds no error
/// in it, it has a dataset, every dataset is the table asked for and has the
/// dimensions asked for.
fn check_answer(
    table: &str,
    body: &[u8],
    registry: &Registry,
    req: &TableRequest,
    lang: Lang,
) -> Result<Info, String> {
    let html = body
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'<');
    let out = match read::read_bytes(body, registry, read::Options::default()) {
        Ok(out) => out,
        Err(_) if html => {
            return Err(tr(
                lang,
                "svaret er en HTML-side, ikke JSON-stat",
                "the answer is an HTML page, not JSON-stat",
            ))
        }
        Err(e) => {
            return Err(tr(
                lang,
                format!(
                    "svaret kan ikke leses (linje {}, kolonne {}: {})",
                    e.line,
                    e.col,
                    e.message_nb()
                ),
                format!(
                    "the answer cannot be read (line {}, column {}: {})",
                    e.line,
                    e.col,
                    e.message_en()
                ),
            ))
        }
    };
    if has_errors(&out.diagnostics) {
        let errors: Vec<_> = out
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        return Err(tr(
            lang,
            format!(
                "svaret har {} feil; den første: {}",
                errors.len(),
                errors[0].to_line(lang)
            ),
            format!(
                "the answer has {} errors; the first: {}",
                errors.len(),
                errors[0].to_line(lang)
            ),
        ));
    }
    if out.datasets.is_empty() {
        return Err(tr(
            lang,
            "svaret har ikke noe datasett",
            "the answer has no dataset",
        ));
    }
    for ds in &out.datasets {
        if !snapshot::is_table(ds, table) {
            let what = snapshot::what_table(ds);
            return Err(tr(
                lang,
                format!("svaret er tabell {what}, ikke {table}"),
                format!("the answer is table {what}, not {table}"),
            ));
        }
        for (dim, _) in &req.codes {
            if !ds.dims.iter().any(|d| d.id.eq_ignore_ascii_case(dim)) {
                return Err(tr(
                    lang,
                    format!("svaret mangler dimensjonen «{dim}»"),
                    format!("the answer lacks the dimension \"{dim}\""),
                ));
            }
        }
    }
    Ok(Info {
        cells: out.datasets.iter().map(|d| d.cell_count()).sum(),
        updated: out.datasets.iter().filter_map(|d| d.updated.clone()).max(),
    })
}

/// At most ten codes, then how many more.
fn some(codes: &[String]) -> String {
    let mut s = codes
        .iter()
        .take(10)
        .map(|c| format!("«{c}»"))
        .collect::<Vec<_>>()
        .join(", ");
    if codes.len() > 10 {
        s.push_str(&format!(" (+{})", codes.len() - 10));
    }
    s
}

/// After a 400 or 404: what SSB said, and from the table's metadata what it
/// lacks of what was asked (one metadata request).
fn diagnose(
    http: &mut Http,
    api: &str,
    table: &str,
    reqs: &[&TableRequest],
    answer: &Answer,
) -> String {
    let lang = http.lang;
    let said = snapshot::problem(&answer.body)
        .map(|p| format!("HTTP {}, «{}»", answer.status, p.text()))
        .unwrap_or_else(|| format!("HTTP {}", answer.status));
    let ssb_lang = reqs.first().map_or("no", |r| r.lang.as_str());
    let meta_url = format!(
        "{}/tables/{table}/metadata?lang={ssb_lang}",
        api.trim_end_matches('/')
    );
    let meta = match http.get(&meta_url) {
        Ok(a) if a.status == 200 => a,
        Ok(a)
            if a.status == 404
                || snapshot::problem(&a.body).is_some_and(|p| p.is_unknown_table()) =>
        {
            return tr(
                lang,
                format!(
                    "SSB har ingen tabell {table} ({said}; metadata: HTTP {})",
                    a.status
                ),
                format!(
                    "SSB has no table {table} ({said}; metadata: HTTP {})",
                    a.status
                ),
            );
        }
        Ok(a) => {
            return tr(
                lang,
                format!(
                    "SSB avviste forespørselen ({said}); metadataene svarte HTTP {}",
                    a.status
                ),
                format!(
                    "SSB refused the request ({said}); the metadata answered HTTP {}",
                    a.status
                ),
            )
        }
        Err(e) => {
            return tr(
                lang,
                format!("SSB avviste forespørselen ({said}); metadataene: {e}"),
                format!("SSB refused the request ({said}); the metadata: {e}"),
            )
        }
    };
    let Some(m) = snapshot::metadata(&meta.body) else {
        return tr(
            lang,
            format!("SSB avviste forespørselen ({said}); metadataene {meta_url} kan ikke leses"),
            format!("SSB refused the request ({said}); the metadata {meta_url} cannot be read"),
        );
    };
    let owned: Vec<TableRequest> = reqs.iter().map(|r| (*r).clone()).collect();
    let missing = snapshot::missing_codes(&m, &owned);
    if missing.is_empty() {
        return tr(
            lang,
            format!("SSB avviste forespørselen ({said}), men tabell {table} har alle dimensjonene og kodene det ble spurt om"),
            format!("SSB refused the request ({said}), yet table {table} has every dimension and code asked for"),
        );
    }
    let name = m
        .label
        .as_deref()
        .map(|l| format!("{table} («{l}»)"))
        .unwrap_or_else(|| table.to_string());
    let parts: Vec<String> = missing
        .iter()
        .map(|x| {
            let label = m
                .dims
                .iter()
                .find(|d| d.id.eq_ignore_ascii_case(&x.dim))
                .map(|d| format!(" ({})", d.label))
                .unwrap_or_default();
            match x.codes.len() {
                0 => tr(
                    lang,
                    format!("ingen dimensjon «{}»", x.dim),
                    format!("no dimension \"{}\"", x.dim),
                ),
                1 => tr(
                    lang,
                    format!(
                        "ikke koden {} i dimensjonen «{}»{label}",
                        some(&x.codes),
                        x.dim
                    ),
                    format!(
                        "not the code {} in the dimension \"{}\"{label}",
                        some(&x.codes),
                        x.dim
                    ),
                ),
                _ => tr(
                    lang,
                    format!(
                        "ikke kodene {} i dimensjonen «{}»{label}",
                        some(&x.codes),
                        x.dim
                    ),
                    format!(
                        "not the codes {} in the dimension \"{}\"{label}",
                        some(&x.codes),
                        x.dim
                    ),
                ),
            }
        })
        .collect();
    tr(
        lang,
        format!("SSB avviste forespørselen ({said}): tabell {name} har {}; rett «select» i katalogen", parts.join("; ")),
        format!("SSB refused the request ({said}): table {name} has {}; correct \"select\" in the catalog", parts.join("; ")),
    )
}

// ---------------------------------------------------------------- merging

/// The category ids of dimension `dim` of a JSON-stat 2.0 dataset, in order.
fn category_ids(ds: &Value, dim: &str) -> Result<Vec<String>, String> {
    let cat = &ds["dimension"][dim]["category"];
    match &cat["index"] {
        Value::Array(a) => Ok(a
            .iter()
            .filter_map(|c| c.as_str().map(str::to_string))
            .collect()),
        Value::Object(o) => {
            let mut v: Vec<(u64, String)> = o
                .iter()
                .map(|(k, p)| (p.as_u64().unwrap_or(u64::MAX), k.clone()))
                .collect();
            v.sort();
            Ok(v.into_iter().map(|(_, k)| k).collect())
        }
        _ => match &cat["label"] {
            Value::Object(o) if o.len() == 1 => Ok(o.keys().cloned().collect()),
            _ => Err(format!("dimension {dim} has no category index")),
        },
    }
}

/// One cell's value and status of a part, JSON-stat's dense and sparse forms.
fn cell(v: &Value, i: usize) -> Option<&Value> {
    match v {
        Value::Array(a) if a.len() == 1 => a.first(),
        Value::Array(a) => a.get(i),
        Value::Object(o) => o.get(&i.to_string()),
        Value::String(_) => Some(v),
        _ => None,
    }
}

/// The parts of a split request as one JSON-stat 2.0 dataset: the same
/// dimensions, the categories of each dimension in the order they first
/// appear, every cell where its part put it. Label, source, extension, role,
/// notes and links are the first part's, `updated` the latest; the
/// category labels, units and notes of all parts are kept.
pub fn merge(parts: &[Value]) -> Result<Value, String> {
    let first = parts.first().and_then(Value::as_object).ok_or("no part")?;
    let ids: Vec<String> = first
        .get("id")
        .and_then(Value::as_array)
        .ok_or("no id")?
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    let mut union: Vec<Vec<String>> = vec![Vec::new(); ids.len()];
    let mut part_ids: Vec<Vec<Vec<String>>> = Vec::new();
    for p in parts {
        let same = p["id"].as_array().is_some_and(|a| {
            a.iter()
                .map(|v| v.as_str())
                .eq(ids.iter().map(|s| Some(s.as_str())))
        });
        if !same {
            return Err("the parts do not have the same dimensions".into());
        }
        let mut per_dim = Vec::new();
        for (k, dim) in ids.iter().enumerate() {
            let codes = category_ids(p, dim)?;
            for c in &codes {
                if !union[k].contains(c) {
                    union[k].push(c.clone());
                }
            }
            per_dim.push(codes);
        }
        part_ids.push(per_dim);
    }
    let pos: Vec<HashMap<&str, usize>> = union
        .iter()
        .map(|u| u.iter().enumerate().map(|(i, c)| (c.as_str(), i)).collect())
        .collect();
    let n: usize = union.iter().map(Vec::len).product();
    if n > innsyn_core::jsonstat::MAX_CELLS {
        return Err(format!("{n} cells are too many"));
    }
    let mut values = vec![Value::Null; n];
    let mut status: Vec<Option<Value>> = vec![None; n];
    for (p, codes) in parts.iter().zip(&part_ids) {
        let sizes: Vec<usize> = codes.iter().map(Vec::len).collect();
        let count: usize = sizes.iter().product();
        let mut coords = vec![0usize; sizes.len()];
        for i in 0..count {
            let mut g = 0;
            for (k, &c) in coords.iter().enumerate() {
                g = g * union[k].len() + pos[k][codes[k][c].as_str()];
            }
            if let Some(v) = cell(&p["value"], i) {
                values[g] = v.clone();
            }
            if let Some(s) = cell(&p["status"], i).filter(|s| !s.is_null()) {
                status[g] = Some(s.clone());
            }
            for k in (0..coords.len()).rev() {
                coords[k] += 1;
                if coords[k] < sizes[k] {
                    break;
                }
                coords[k] = 0;
            }
        }
    }
    let mut out = first.clone();
    out.insert(
        "size".into(),
        Value::Array(union.iter().map(|u| Value::from(u.len())).collect()),
    );
    let mut dims = Map::new();
    for (k, dim) in ids.iter().enumerate() {
        let mut d = first["dimension"][dim]
            .as_object()
            .cloned()
            .unwrap_or_default();
        let mut cat = Map::new();
        let index: Map<String, Value> = union[k]
            .iter()
            .enumerate()
            .map(|(i, c)| (c.clone(), Value::from(i)))
            .collect();
        cat.insert("index".into(), Value::Object(index));
        let mut keys: Vec<String> = Vec::new();
        for p in parts {
            for key in p["dimension"][dim]["category"]
                .as_object()
                .into_iter()
                .flat_map(|o| o.keys())
            {
                if key != "index" && !keys.contains(key) {
                    keys.push(key.clone());
                }
            }
        }
        for key in keys {
            let all: Vec<&Value> = parts
                .iter()
                .map(|p| &p["dimension"][dim]["category"][&key])
                .filter(|v| !v.is_null())
                .collect();
            if all.iter().all(|v| v.is_object()) {
                let mut m = Map::new();
                for c in &union[k] {
                    if let Some(v) = all.iter().find_map(|o| o.get(c)) {
                        m.insert(c.clone(), v.clone());
                    }
                }
                cat.insert(key, Value::Object(m));
            } else if let Some(v) = all.first() {
                cat.insert(key, (*v).clone());
            }
        }
        d.insert("category".into(), Value::Object(cat));
        dims.insert(dim.clone(), Value::Object(d));
    }
    out.insert("dimension".into(), Value::Object(dims));
    out.insert("value".into(), Value::Array(values));
    let status: Map<String, Value> = status
        .into_iter()
        .enumerate()
        .filter_map(|(i, s)| s.map(|s| (i.to_string(), s)))
        .collect();
    if status.is_empty() {
        out.remove("status");
    } else {
        out.insert("status".into(), Value::Object(status));
    }
    if let Some(u) = parts.iter().filter_map(|p| p["updated"].as_str()).max() {
        out.insert("updated".into(), Value::from(u));
    }
    Ok(Value::Object(out))
}

// ---------------------------------------------------------------- files

/// Writes `DIR/name` through a temporary file in `DIR`, so a reader sees the
/// old file or the new one, never a part.
fn write_atomic(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, dir.join(name))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// `scheme:` at the start (http:, https:, data: …).
fn has_scheme(href: &str) -> bool {
    href.split_once(':').is_some_and(|(s, _)| {
        s.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
    })
}

/// A relative address (not absolute, not from the root of the site).
fn is_relative(href: &str) -> bool {
    !href.is_empty() && !href.starts_with(['/', '#', '?']) && !has_scheme(href)
}

/// `..` and `.` taken out without touching the disk.
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if matches!(out.components().next_back(), Some(Component::Normal(_))) {
                    out.pop();
                } else {
                    out.push("..");
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// The address of `target` from a document in `base_dir` (both absolute).
fn relative_to(base_dir: &Path, target: &Path) -> String {
    let b: Vec<_> = base_dir.components().collect();
    let t: Vec<_> = target.components().collect();
    let common = b.iter().zip(&t).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = vec!["..".to_string(); b.len() - common];
    parts.extend(
        t[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

/// A relative address written in a document in `from` (absolute), as a
/// document in `to` (absolute) must write it to reach the same file.
/// Other addresses stay as they are.
pub fn rebase(href: &str, from: &Path, to: &Path) -> String {
    if !is_relative(href) {
        return href.to_string();
    }
    let cut = href.find(['?', '#']).unwrap_or(href.len());
    let (path, rest) = href.split_at(cut);
    let target = normalize(&from.join(path));
    format!("{}{rest}", relative_to(to, &target))
}

/// RFC 3339 in UTC, to the second: `2026-11-20T10:04:05Z`.
pub fn rfc3339(t: SystemTime) -> String {
    let secs = t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Howard Hinnant's civil_from_days.
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3_600,
        rem % 3_600 / 60,
        rem % 60
    )
}

/// The snapshots a previous run left in `dir`: per table the address and
/// the `snapshot` object from `dir/catalog.json`, when its file is there.
fn previous(dir: &Path) -> HashMap<String, (String, Value)> {
    let mut out = HashMap::new();
    let Ok(text) = std::fs::read_to_string(dir.join("catalog.json")) else {
        return out;
    };
    let Ok(old) = serde_json::from_str::<Value>(&text) else {
        return out;
    };
    for ind in old["indicators"].as_array().into_iter().flatten() {
        let (Some(table), Some(url)) = (ind["snapshot"]["table"].as_str(), ind["url"].as_str())
        else {
            continue;
        };
        if is_relative(url)
            && dir
                .join(url.split(['?', '#']).next().unwrap_or(url))
                .is_file()
        {
            out.entry(table.to_string())
                .or_insert((url.to_string(), ind["snapshot"].clone()));
        }
    }
    out
}

// ---------------------------------------------------------------- the command

enum Outcome {
    Fresh { file: String, snapshot: Value },
    Failed { kept: Option<(String, Value)> },
}

struct TableReport {
    table: String,
    requests: usize,
    cells: usize,
    bytes: usize,
    outcome: Outcome,
}

/// Fetches one table's requests, checks them, merges split answers and
/// writes the snapshot. `Err` is the reason it failed (already worded).
fn fetch_table(
    http: &mut Http,
    a: &Args,
    dir: &Path,
    table: &str,
    reqs: &[&TableRequest],
    registry: &Registry,
    report: &mut TableReport,
) -> Result<Value, String> {
    let lang = a.lang;
    let mut bodies = Vec::new();
    let mut updated = None;
    let mut cells = 0;
    for r in reqs {
        let url = r.url(&a.api);
        let answer = http.get(&url).map_err(|e| format!("{e}\n    {url}"))?;
        report.bytes += answer.body.len();
        if answer.status != 200 {
            let problem = snapshot::problem(&answer.body);
            let refused = matches!(answer.status, 400 | 404)
                || problem
                    .as_ref()
                    .is_some_and(|p| matches!(p.status, Some(400 | 404)));
            let why = if refused {
                diagnose(http, &a.api, table, reqs, &answer)
            } else {
                let said = problem
                    .map(|p| format!(" «{}»", p.text()))
                    .unwrap_or_default();
                tr(
                    lang,
                    format!("SSB svarte HTTP {}{said}", answer.status),
                    format!("SSB answered HTTP {}{said}", answer.status),
                )
            };
            return Err(format!("{why}\n    {url}"));
        }
        let info = check_answer(table, &answer.body, registry, r, lang)
            .map_err(|e| format!("{e}\n    {url}"))?;
        cells = info.cells;
        updated = updated.max(info.updated);
        bodies.push(answer.body);
    }
    let bytes = if bodies.len() == 1 {
        bodies.pop().unwrap_or_default()
    } else {
        let parts: Vec<Value> = bodies
            .iter()
            .map(|b| serde_json::from_slice(b))
            .collect::<Result<_, _>>()
            .map_err(|e| e.to_string())?;
        let merged = merge(&parts).and_then(|m| serde_json::to_vec(&m).map_err(|e| e.to_string()));
        let merged = merged.map_err(|e| {
            tr(
                lang,
                format!("de {} delsvarene kan ikke slås sammen: {e}", parts.len()),
                format!("the {} partial answers cannot be merged: {e}", parts.len()),
            )
        })?;
        let info = check_answer(table, &merged, registry, reqs[0], lang).map_err(|e| {
            tr(
                lang,
                format!("de sammenslåtte delsvarene: {e}"),
                format!("the merged partial answers: {e}"),
            )
        })?;
        cells = info.cells;
        merged
    };
    let file = snapshot::file_name(table);
    write_atomic(dir, &file, &bytes).map_err(|e| format!("{}: {e}", dir.join(&file).display()))?;
    report.cells = cells;
    let mut snap = Map::new();
    snap.insert("table".into(), Value::from(table));
    snap.insert("fetched".into(), Value::from(rfc3339(SystemTime::now())));
    snap.insert(
        "requests".into(),
        Value::Array(reqs.iter().map(|r| Value::from(r.url(&a.api))).collect()),
    );
    if let Some(u) = updated {
        snap.insert("updated".into(), Value::from(u));
    }
    Ok(Value::Object(snap))
}

fn usage_error(lang: Lang, msg: &str) -> ExitCode {
    eprintln!("innsyn fetch: {msg}");
    eprint!("{}", tr(lang, "BRUK:\n", "USAGE:\n"));
    eprint!("{USAGE}");
    ExitCode::from(2)
}

/// The input, read and checked before anything is asked or written.
struct Input {
    root: Value,
    requests: Vec<TableRequest>,
    /// The catalog's folder and DIR, absolute.
    from: PathBuf,
    to: PathBuf,
    registry: Registry,
}

/// Reads the catalog as the app reads it (addresses relative to the file),
/// its registry when that is a local file, makes the requests and DIR.
/// `Err` is the message for exit code 2.
fn load(a: &Args) -> Result<Input, String> {
    let lang = a.lang;
    let text = crate::read_file(&a.catalog)
        .and_then(|b| {
            String::from_utf8(b).map_err(|_| tr(lang, "ikke UTF-8-tekst", "not UTF-8 text"))
        })
        .map_err(|e| format!("{}: {e}", a.catalog))?;
    let (cat, diags) = catalog::parse(&text, &a.catalog).map_err(|e| {
        tr(
            lang,
            format!(
                "{}: linje {}, kolonne {}: {}",
                a.catalog,
                e.line,
                e.col,
                e.message_nb()
            ),
            format!(
                "{}: line {}, column {}: {}",
                a.catalog,
                e.line,
                e.col,
                e.message_en()
            ),
        )
    })?;
    for d in &diags {
        eprintln!("{}: {}", a.catalog, d.to_line(lang));
    }
    if has_errors(&diags) {
        return Err(tr(
            lang,
            format!("{}: katalogen har feil; ingenting er hentet", a.catalog),
            format!("{}: the catalog has errors; nothing was fetched", a.catalog),
        ));
    }
    let root: Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", a.catalog))?;
    let catalog_dir = Path::new(&a.catalog)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let registry = match root["regions"].as_str().filter(|h| is_relative(h)) {
        Some(href) => {
            let path = catalog_dir.join(href.split(['?', '#']).next().unwrap_or(href));
            let shown = path.display();
            let (reg, d) = crate::read_file(&path.to_string_lossy())
                .and_then(|b| {
                    let t = String::from_utf8(b).map_err(|_| "not UTF-8".to_string())?;
                    Registry::parse(&t).map_err(|e| e.message_en())
                })
                .map_err(|e| format!("{shown}: {e}"))?;
            for d in &d {
                eprintln!("{shown}: {}", d.to_line(lang));
            }
            if has_errors(&d) {
                return Err(format!(
                    "{shown}: {}",
                    tr(lang, "registeret har feil", "the registry has errors")
                ));
            }
            reg
        }
        None => Registry::bundled(),
    };
    let requests = ssb::table_requests(&cat, &registry, &a.ssb_lang);
    if requests.is_empty() {
        return Err(tr(
            lang,
            format!(
                "{}: katalogen har ingen indikator med «ssb»; ingenting å hente",
                a.catalog
            ),
            format!(
                "{}: the catalog has no indicator with \"ssb\"; nothing to fetch",
                a.catalog
            ),
        ));
    }
    std::fs::create_dir_all(&a.out).map_err(|e| format!("{}: {e}", a.out.display()))?;
    let from = catalog_dir
        .canonicalize()
        .map_err(|e| format!("{}: {e}", catalog_dir.display()))?;
    let to = a
        .out
        .canonicalize()
        .map_err(|e| format!("{}: {e}", a.out.display()))?;
    Ok(Input {
        root,
        requests,
        from,
        to,
        registry,
    })
}

/// Each table in turn; a failure is reported and the last good snapshot
/// (from DIR's previous catalog) kept.
fn fetch_all(a: &Args, input: &Input) -> Vec<TableReport> {
    let old = previous(&input.to);
    let mut tables: Vec<(String, Vec<&TableRequest>)> = Vec::new();
    for r in &input.requests {
        match tables.iter_mut().find(|(t, _)| *t == r.table) {
            Some((_, v)) => v.push(r),
            None => tables.push((r.table.clone(), vec![r])),
        }
    }
    println!(
        "{}",
        tr(
            a.lang,
            format!("innsyn fetch: {} tabell(er) fra {}", tables.len(), a.api),
            format!("innsyn fetch: {} table(s) from {}", tables.len(), a.api),
        )
    );
    let mut http = Http::new(a);
    let mut reports = Vec::new();
    for (table, reqs) in &tables {
        let before = http.sent;
        let mut report = TableReport {
            table: table.clone(),
            requests: 0,
            cells: 0,
            bytes: 0,
            outcome: Outcome::Failed { kept: None },
        };
        let result = fetch_table(
            &mut http,
            a,
            &input.to,
            table,
            reqs,
            &input.registry,
            &mut report,
        );
        report.outcome = match result {
            Ok(snapshot) => Outcome::Fresh {
                file: snapshot::file_name(table),
                snapshot,
            },
            Err(why) => {
                eprintln!(
                    "{}",
                    tr(
                        a.lang,
                        format!("innsyn fetch: tabell {table}: {why}"),
                        format!("innsyn fetch: table {table}: {why}"),
                    )
                );
                Outcome::Failed {
                    kept: old.get(table).cloned(),
                }
            }
        };
        report.requests = http.sent - before;
        reports.push(report);
    }
    reports
}

/// The catalog for DIR: relative addresses rebased, each SSB indicator
/// pointed at its fresh or kept snapshot. Returns, per table that failed
/// with no snapshot to keep, its indicators as they were left.
fn rewrite(
    root: &mut Value,
    reports: &[TableReport],
    from: &Path,
    to: &Path,
    lang: Lang,
) -> HashMap<String, Vec<String>> {
    for pointer in ["/regions", "/boundaries/url"] {
        if let Some(v) = root.pointer_mut(pointer) {
            if let Some(h) = v.as_str().map(|h| rebase(h, from, to)) {
                *v = Value::from(h);
            }
        }
    }
    let mut left_as_is: HashMap<String, Vec<String>> = HashMap::new();
    let indicators = root.get_mut("indicators").and_then(Value::as_array_mut);
    for o in indicators
        .into_iter()
        .flatten()
        .filter_map(Value::as_object_mut)
    {
        if let Some(h) = o
            .get("url")
            .and_then(Value::as_str)
            .map(|h| rebase(h, from, to))
        {
            o.insert("url".into(), Value::from(h));
        }
        let table = o
            .get("ssb")
            .and_then(|s| s.get("table"))
            .and_then(Value::as_str);
        let Some(rep) = reports.iter().find(|r| Some(r.table.as_str()) == table) else {
            continue;
        };
        let (url, snap) = match &rep.outcome {
            Outcome::Fresh { file, snapshot } => (file, snapshot),
            Outcome::Failed {
                kept: Some((url, snapshot)),
            } => (url, snapshot),
            Outcome::Failed { kept: None } => {
                let id = o.get("id").and_then(Value::as_str).unwrap_or("?");
                let how = match o.get("url").and_then(Value::as_str) {
                    Some(u) => format!("{id} → {u}"),
                    None => tr(
                        lang,
                        format!("{id} (direkte fra SSB)"),
                        format!("{id} (live from SSB)"),
                    ),
                };
                left_as_is.entry(rep.table.clone()).or_default().push(how);
                continue;
            }
        };
        o.insert("url".into(), Value::from(url.as_str()));
        o.insert("snapshot".into(), snap.clone());
    }
    left_as_is
}

/// One line per table: requests, cells, bytes and the outcome. `true` when
/// every table is fresh.
fn summary(reports: &[TableReport], left_as_is: &HashMap<String, Vec<String>>, lang: Lang) -> bool {
    let mut all_fresh = true;
    for r in reports {
        let what = match &r.outcome {
            Outcome::Fresh { file, snapshot } => {
                let updated = snapshot["updated"].as_str().unwrap_or("?");
                tr(
                    lang,
                    format!("ny: {file} (oppdatert hos SSB {updated})"),
                    format!("fresh: {file} (updated at SSB {updated})"),
                )
            }
            Outcome::Failed {
                kept: Some((url, snap)),
            } => {
                all_fresh = false;
                let since = snap["fetched"].as_str().unwrap_or("?");
                tr(
                    lang,
                    format!("FEILET; beholder forrige øyeblikksbilde {url}, hentet {since}"),
                    format!("FAILED; keeping the last good snapshot {url}, fetched {since}"),
                )
            }
            Outcome::Failed { kept: None } => {
                all_fresh = false;
                let ids = left_as_is
                    .get(&r.table)
                    .map(|v| v.join(", "))
                    .unwrap_or_default();
                tr(
                    lang,
                    format!("FEILET; ingen tidligere øyeblikksbilde, står som før: {ids}"),
                    format!("FAILED; no earlier snapshot, left as they were: {ids}"),
                )
            }
        };
        let one = r.requests == 1;
        let requests = tr(
            lang,
            if one { "forespørsel" } else { "forespørsler" },
            if one { "request" } else { "requests" },
        );
        let (cells, bytes) = (tr(lang, "celler", "cells"), tr(lang, "byte", "bytes"));
        println!(
            "  {}: {} {requests}, {} {cells}, {} {bytes} — {what}",
            r.table, r.requests, r.cells, r.bytes
        );
    }
    all_fresh
}

pub fn run(p: lexopt::Parser, lang: Lang) -> ExitCode {
    let a = match parse_args(p, lang) {
        Ok(a) => a,
        Err(e) => return usage_error(lang, &e),
    };
    let lang = a.lang;
    let fail = |msg: String| {
        eprintln!("innsyn fetch: {msg}");
        ExitCode::from(2)
    };
    let mut input = match load(&a) {
        Ok(i) => i,
        Err(e) => return fail(e),
    };
    let reports = fetch_all(&a, &input);
    let left_as_is = rewrite(&mut input.root, &reports, &input.from, &input.to, lang);
    let mut text = match serde_json::to_string_pretty(&input.root) {
        Ok(t) => t,
        Err(e) => return fail(e.to_string()),
    };
    text.push('\n');
    // What is written is what the app will read.
    let out_path = input.to.join("catalog.json");
    match catalog::parse(&text, &out_path.to_string_lossy()) {
        Ok((_, d)) if !has_errors(&d) => {}
        Ok((_, d)) => {
            for d in &d {
                eprintln!("{}: {}", out_path.display(), d.to_line(lang));
            }
            return fail(tr(
                lang,
                "den nye katalogen har feil; ikke skrevet",
                "the new catalog has errors; not written",
            ));
        }
        Err(e) => return fail(e.message_en()),
    }
    if let Err(e) = write_atomic(&input.to, "catalog.json", text.as_bytes()) {
        return fail(format!("{}: {e}", out_path.display()));
    }
    let all_fresh = summary(&reports, &left_as_is, lang);
    println!("{}", out_path.display());
    ExitCode::from(if all_fresh { 0 } else { 1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    struct FakeClock(Duration);
    impl Clock for FakeClock {
        fn now(&self) -> Duration {
            self.0
        }
        fn sleep(&mut self, d: Duration) {
            self.0 += d;
        }
    }

    #[test]
    fn the_limiter_allows_30_in_any_minute() {
        let mut clock = FakeClock(Duration::ZERO);
        let mut l = Limiter::new(30, Duration::from_secs(60));
        let mut sent = Vec::new();
        for _ in 0..100 {
            l.acquire(&mut clock);
            sent.push(clock.now());
            clock.0 += Duration::from_millis(100); // each request takes a moment
        }
        // No window of 60 s holds more than 30 requests …
        for (i, &t) in sent.iter().enumerate() {
            let in_window = sent[i..]
                .iter()
                .take_while(|&&u| u < t + Duration::from_secs(60))
                .count();
            assert!(in_window <= 30, "{in_window} requests from {t:?}");
        }
        // … and the limiter waits no longer than it must: the 31st goes
        // exactly a minute after the first.
        assert_eq!(sent[30], sent[0] + Duration::from_secs(60));
        assert!(sent[99] < Duration::from_secs(200), "{:?}", sent[99]);
    }

    #[test]
    fn the_limiter_never_waits_for_slow_requests() {
        let mut clock = FakeClock(Duration::ZERO);
        let mut l = Limiter::new(30, Duration::from_secs(60));
        for _ in 0..50 {
            assert_eq!(l.acquire(&mut clock), Duration::ZERO);
            clock.0 += Duration::from_secs(3);
        }
        let mut one = Limiter::new(1, Duration::from_secs(60));
        assert_eq!(one.acquire(&mut clock), Duration::ZERO);
        assert_eq!(one.acquire(&mut clock), Duration::from_secs(60));
    }

    #[test]
    fn retry_after_is_read_in_seconds() {
        assert_eq!(retry_after(Some("1")), Some(1));
        assert_eq!(retry_after(Some(" 30 ")), Some(30));
        assert_eq!(retry_after(Some("Wed, 21 Oct 2026 07:28:00 GMT")), None);
        assert_eq!(retry_after(None), None);
    }

    #[test]
    fn times_are_rfc3339_utc() {
        assert_eq!(rfc3339(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        let t = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        assert_eq!(rfc3339(t), "2023-11-14T22:13:20Z");
        let leap = UNIX_EPOCH + Duration::from_secs(951_825_600); // 2000-02-29T12:00:00Z
        assert_eq!(rfc3339(leap), "2000-02-29T12:00:00Z");
    }

    #[test]
    fn relative_addresses_are_rebased() {
        let from = Path::new("/site/public/data");
        assert_eq!(
            rebase("regions.json", from, Path::new("/site/public/data")),
            "regions.json"
        );
        assert_eq!(
            rebase("regions.json", from, Path::new("/site/public/data/snap")),
            "../regions.json"
        );
        assert_eq!(
            rebase("demo/a.json?v=2#x", from, Path::new("/out")),
            "../site/public/data/demo/a.json?v=2#x"
        );
        assert_eq!(
            rebase("../kart/k.geojson", from, Path::new("/site/public")),
            "kart/k.geojson"
        );
        for kept in [
            "https://data.ssb.no/x.json",
            "/data/x.json",
            "data:application/json,{}",
        ] {
            assert_eq!(rebase(kept, from, Path::new("/out")), kept);
        }
    }

    #[test]
    fn split_parts_merge_into_one_dataset() {
        let part = |codes: &[&str], values: Vec<Value>, status: Value| {
            let index: Map<String, Value> = codes
                .iter()
                .enumerate()
                .map(|(i, c)| (c.to_string(), Value::from(i)))
                .collect();
            let label: Map<String, Value> = codes
                .iter()
                .map(|c| (c.to_string(), Value::from(format!("R{c}"))))
                .collect();
            serde_json::json!({
                "class": "dataset", "version": "2.0", "label": "1: T", "updated": format!("2020-0{}-01", codes.len()),
                "id": ["r", "t"], "size": [codes.len(), 2],
                "dimension": {
                    "r": {"label": "region", "category": {"index": index, "label": label}},
                    "t": {"label": "år", "category": {"index": {"2019": 0, "2020": 1}}}
                },
                "value": values, "status": status, "extension": {"px": {"tableid": "1"}}
            })
        };
        let a = part(
            &["a"],
            vec![1.into(), Value::Null],
            serde_json::json!({"1": ":"}),
        );
        let b = part(
            &["b", "c"],
            vec![2.into(), 3.into(), 4.5.into(), 5.into()],
            Value::Null,
        );
        let m = merge(&[a, b]).unwrap();
        assert_eq!(m["size"], serde_json::json!([3, 2]));
        assert_eq!(m["value"], serde_json::json!([1, null, 2, 3, 4.5, 5]));
        assert_eq!(m["status"], serde_json::json!({"1": ":"}));
        assert_eq!(
            m["dimension"]["r"]["category"]["label"],
            serde_json::json!({"a": "Ra", "b": "Rb", "c": "Rc"})
        );
        assert_eq!(m["updated"], "2020-02-01");
        assert_eq!(m["extension"]["px"]["tableid"], "1");
        let bad = serde_json::json!({"id": ["x"], "dimension": {}});
        assert!(merge(&[m, bad]).is_err());
    }
}

//! What became of each table: the catalog for DIR pointed at the fresh or
//! kept snapshots, and one line per table.

use std::collections::HashMap;
use std::path::Path;

use crate::args::tr;
use innsyn_core::i18n::Lang;
use serde_json::Value;

use super::files::rebase;

pub(super) enum Outcome {
    Fresh { file: String, snapshot: Value },
    Failed { kept: Option<(String, Value)> },
}

pub(super) struct TableReport {
    pub(super) table: String,
    pub(super) requests: usize,
    pub(super) cells: usize,
    pub(super) bytes: usize,
    pub(super) outcome: Outcome,
}

/// The catalog for DIR: relative addresses rebased, each SSB indicator
/// pointed at its fresh or kept snapshot. Returns, per table that failed
/// with no snapshot to keep, its indicators as they were left.
pub(super) fn rewrite(
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
pub(super) fn summary(
    reports: &[TableReport],
    left_as_is: &HashMap<String, Vec<String>>,
    lang: Lang,
) -> bool {
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

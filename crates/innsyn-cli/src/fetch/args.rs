//! The arguments of `innsyn fetch`, read and checked before anything is asked.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Duration;

use crate::args::{self, tr};
use innsyn_core::i18n::Lang;
use innsyn_core::ssb;

/// SSB's limit: 30 requests a minute per IP address.
const PER_MINUTE: usize = 30;
const TIMEOUT_SECS: u64 = 60;
const RETRIES: u32 = 3;

#[derive(Debug)]
pub(super) struct Args {
    pub(super) catalog: String,
    pub(super) out: PathBuf,
    pub(super) api: String,
    pub(super) ssb_lang: String,
    pub(super) lang: Lang,
    pub(super) per_minute: usize,
    pub(super) timeout: Duration,
    pub(super) retries: u32,
}

pub(super) fn parse_args(mut p: lexopt::Parser, lang: Lang) -> Result<Args, String> {
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

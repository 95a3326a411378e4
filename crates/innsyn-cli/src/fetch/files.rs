//! Files and addresses: atomic writes, relative addresses rebased from the
//! catalog's folder to DIR, the time of a fetch, and the snapshots a
//! previous run left.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::Value;

/// Writes `DIR/name` through a temporary file in `DIR`, so a reader sees the
/// old file or the new one, never a part.
pub(super) fn write_atomic(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
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
pub(super) fn is_relative(href: &str) -> bool {
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
pub(super) fn previous(dir: &Path) -> HashMap<String, (String, Value)> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

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
}

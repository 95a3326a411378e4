//! Demonstration series for the bundled catalog. Real KOSTRA figures for all
//! 48 municipalities and years are not in the project, so the bundled
//! dashboards show made-up but plausible numbers, marked `"demo": true` in
//! every file; the app labels every view that shows them.
//!
//! Deterministic: the same command writes the same bytes (a test checks that
//! the committed files are exactly what this writes).

use innsyn_core::registry::Registry;
use serde_json::{json, Value};

pub const YEARS: std::ops::RangeInclusive<u16> = 2017..=2024;

/// A small deterministic hash → [0, 1).
fn noise(a: &str, b: u64) -> f64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ b.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    for byte in a.bytes() {
        h ^= byte as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    (h >> 11) as f64 / (1u64 << 53) as f64
}

/// Children with measures per 1000 inhabitants 0–17, as numerator/denominator.
pub fn barn_med_tiltak(reg: &Registry) -> Value {
    let mut values = Vec::new();
    for m in &reg.municipalities {
        let size = 250.0 + 6500.0 * noise(&m.id, 1).powi(2);
        let level = 22.0 + 30.0 * noise(&m.id, 2);
        let trend = -1.5 + 3.5 * noise(&m.id, 3);
        for (k, year) in YEARS.enumerate() {
            let code = m.code_in(year);
            let children = (size * (1.0 - 0.008 * k as f64)).round();
            let rate = (level + trend * k as f64 + 6.0 * (noise(&m.id, 10 + k as u64) - 0.5)).max(5.0);
            let count = (children * rate / 1000.0).round();
            let mut o = json!({ "region": code, "period": year.to_string() });
            if noise(&m.id, 99) < 0.03 && year == 2019 {
                // A year the municipality did not report: no number, and why.
                o["value"] = Value::Null;
                o["status"] = json!("..");
            } else if count < 5.0 {
                // Small numbers are suppressed, as SSB does.
                o["value"] = Value::Null;
                o["status"] = json!(":");
                o["denominator"] = json!(children as i64);
            } else {
                o["value"] = json!((count / children * 10000.0).round() / 10.0);
                o["numerator"] = json!(count as i64);
                o["denominator"] = json!(children as i64);
            }
            values.push(o);
        }
    }
    json!({
        "format": "innsyn-indicator/1",
        "id": "barn-med-tiltak",
        "demo": true,
        "title": {
            "nb": "Barn med barnevernstiltak per 1000 barn",
            "nn": "Barn med barnevernstiltak per 1000 barn",
            "en": "Children with child welfare measures per 1,000 children"
        },
        "description": {
            "nb": "Barn med tiltak fra barnevernet i løpet av året, per 1000 innbyggere 0–17 år. Fiktive tall laget av Innsyn.",
            "nn": "Barn med tiltak frå barnevernet i løpet av året, per 1000 innbyggjarar 0–17 år. Fiktive tal laga av Innsyn.",
            "en": "Children receiving child welfare measures during the year, per 1,000 inhabitants aged 0–17. Fictitious figures made by Innsyn."
        },
        "unit": { "nb": "per 1000 barn 0–17 år", "nn": "per 1000 barn 0–17 år", "en": "per 1,000 children aged 0–17" },
        "decimals": 1,
        "rate": {
            "per": 1000,
            "numerator": { "nb": "Barn med tiltak", "nn": "Barn med tiltak", "en": "Children with measures" },
            "denominator": { "nb": "Innbyggere 0–17 år", "nn": "Innbyggjarar 0–17 år", "en": "Inhabitants aged 0–17" }
        },
        "higher_is": "neither",
        "source": { "name": "Innsyn (fiktive demonstrasjonstall)" },
        "licence": "CC0-1.0",
        "values": values
    })
}

/// Writes a file with the metadata pretty-printed and one observation per line.
pub fn to_text(doc: &Value) -> String {
    let mut head = doc.clone();
    let values = head.as_object_mut().and_then(|o| o.remove("values")).unwrap_or(Value::Array(vec![]));
    let head = serde_json::to_string_pretty(&head).unwrap_or_default();
    let lines: Vec<String> = values.as_array().into_iter().flatten().map(|v| format!("    {v}")).collect();
    let head = head.trim_end().trim_end_matches('}').trim_end();
    format!("{head},\n  \"values\": [\n{}\n  ]\n}}\n", lines.join(",\n"))
}

/// Every demonstration file: (file name, contents).
pub fn files(reg: &Registry) -> Vec<(&'static str, String)> {
    vec![("barn-med-tiltak.json", to_text(&barn_med_tiltak(reg)))]
}

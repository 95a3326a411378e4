//! The simple format's metadata: id, texts, unit, decimals, rate,
//! direction, source, aggregation, licence, demo and updated.

use crate::diag::{Diags, Msg};
use crate::fields::{Need::*, Obj};
use crate::json::{JVal, Json};
use crate::model::{Direction, IndicatorMeta, Rate};

use super::FORMAT;
use crate::limits::safe_link;

/// Everything but the observations.
pub(super) fn metadata(root: &Obj, d: &mut Diags) -> IndicatorMeta {
    if let Some(f) = root.str("format", Optional, d) {
        if f != FORMAT {
            d.warn(
                "FORMAT_VERSION",
                "$.format",
                root.get("format").map_or(0, |j| j.start),
                Msg::new(
                    format!("Ukjent versjon «{f}»; leser som {FORMAT}"),
                    format!("Unknown version \"{f}\"; reading as {FORMAT}"),
                ),
            );
        }
    }
    let id = match root.str("id", Optional, d) {
        Some(id) if !id.trim().is_empty() => id.to_string(),
        _ => {
            d.error_hint(
                "MISSING_FIELD",
                "$.id",
                root.start(),
                Msg::new("Mangler «id»", "Missing \"id\""),
                Msg::new(
                    "Gi indikatoren en kort id, for eksempel \"barn-med-tiltak\"",
                    "Give the indicator a short id, e.g. \"barn-med-tiltak\"",
                ),
            );
            String::new()
        }
    };
    let title = root.text("title", Required, d).unwrap_or_default();
    let description = root.text("description", Required, d).unwrap_or_default();
    let unit = root.text("unit", Required, d).unwrap_or_default();
    let decimals = match root.f64("decimals", Optional, d) {
        None => 0,
        Some(n) if (0.0..=6.0).contains(&n) && n.fract() == 0.0 => n as u8,
        Some(_) => {
            root.bad(
                "BAD_DECIMALS",
                "decimals",
                "et heltall fra 0 til 6",
                "a whole number from 0 to 6",
                d,
            );
            0
        }
    };
    let rate = root.obj("rate", Optional, d).and_then(|r| {
        let per = r.f64("per", Optional, d).unwrap_or(1.0);
        let numerator = r.text("numerator", Required, d);
        let denominator = r.text("denominator", Required, d);
        Some(Rate {
            per,
            numerator: numerator?,
            denominator: denominator?,
        })
    });
    let direction = match root.str("higher_is", Optional, d) {
        Some("better") => Direction::HigherIsBetter,
        Some("worse") => Direction::HigherIsWorse,
        Some("neither") | None => Direction::Neither,
        Some(_) => {
            root.bad(
                "BAD_FIELD",
                "higher_is",
                "better, worse eller neither",
                "better, worse or neither",
                d,
            );
            Direction::Neither
        }
    };
    // `source` is a name, or `{"name": …, "url": …, "table": …}`.
    let (mut source, mut source_url, mut table) = (None, None, None);
    match root.get("source") {
        None => {}
        Some(Json {
            v: JVal::Str(name), ..
        }) => source = Some(name.to_string()),
        Some(_) => {
            if let Some(s) = root.obj("source", Optional, d) {
                source = s.string("name", Optional, d);
                table = s.string("table", Optional, d);
                source_url = s.str("url", Optional, d).and_then(|u| {
                    if safe_link(u) {
                        return Some(u.to_string());
                    }
                    d.warn(
                        "UNSAFE_LINK",
                        "$.source.url",
                        s.get("url").map_or(0, |j| j.start),
                        Msg::new(
                            "Lenken er ikke http(s) og vises ikke",
                            "The link is not http(s) and is not shown",
                        ),
                    );
                    None
                });
            }
        }
    }
    let summable = match root.str("aggregation", Optional, d) {
        None | Some("none") => false,
        Some("sum") => true,
        Some(_) => {
            root.bad(
                "BAD_FIELD",
                "aggregation",
                "\"sum\" eller \"none\"",
                "\"sum\" or \"none\"",
                d,
            );
            false
        }
    };
    if summable && rate.is_some() {
        d.warn("BAD_FIELD", "$.aggregation", root.get("aggregation").map_or(0, |j| j.start), Msg::new("En andel slås sammen med teller og nevner, ikke ved å summere; «aggregation» blir ikke brukt", "A rate is combined by its numerator and denominator, not summed; \"aggregation\" is not used"));
    }
    IndicatorMeta {
        id,
        title,
        description,
        unit,
        decimals,
        rate,
        direction,
        source,
        source_url,
        table,
        licence: root.string("licence", Optional, d),
        demo: root.flag("demo", d),
        summable,
        updated: root.string("updated", Optional, d),
        ..Default::default()
    }
}

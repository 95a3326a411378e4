//! The list of Word documents a site publishes (`rapport/reports.json`,
//! written by `innsyn report`), which the report page links to.

use crate::i18n::Lang;

/// Where the published Word documents are listed (`innsyn report` writes
/// it beside them; `scripts/build.sh` puts both in the site).
pub const PUBLISHED: &str = "rapport/reports.json";

/// A Word document of the site: whose, in which language, its file name
/// (beside [`PUBLISHED`]) and its size.
#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    pub id: String,
    pub lang: Lang,
    pub file: String,
    pub bytes: u64,
}

/// The list of published Word documents (`innsyn-reports/1`); entries
/// that cannot be used (no id, an unknown language, a file name with a
/// path in it) are left out.
pub fn published(src: &str) -> Vec<Published> {
    use crate::fields::{Need::*, Obj};
    let Ok(json) = crate::json::parse(src) else {
        return Vec::new();
    };
    let mut d = crate::diag::Diags::new(src);
    let root = Obj::root(&json);
    if root.str("format", Required, &mut d) != Some("innsyn-reports/1") {
        return Vec::new();
    }
    root.objs("reports", Required, &mut d)
        .iter()
        .filter_map(|r| {
            let file = r.string("file", Required, &mut d)?;
            let plain = !file.is_empty()
                && file.ends_with(".docx")
                && file
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
                && !file.starts_with('.');
            Some(Published {
                id: r.string("id", Required, &mut d)?,
                lang: Lang::from_code(r.str("lang", Required, &mut d)?)?,
                bytes: r.f64("bytes", Optional, &mut d).unwrap_or(0.0).max(0.0) as u64,
                file: Some(file).filter(|_| plain)?,
            })
        })
        .collect()
}

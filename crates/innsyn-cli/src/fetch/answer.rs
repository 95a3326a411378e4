//! What is done with an answer of SSB's: checked before it is used, and
//! after a refusal, explained from the table's metadata.

use crate::args::tr;
use innsyn_core::diag::{has_errors, Severity};
use innsyn_core::i18n::Lang;
use innsyn_core::read;
use innsyn_core::registry::Registry;
use innsyn_core::snapshot;
use innsyn_core::ssb::TableRequest;

use super::http::{Answer, Http};

/// What an accepted answer holds.
pub(super) struct Info {
    pub(super) cells: usize,
    pub(super) updated: Option<String>,
}

/// An answer is used only if the reader of `innsyn validate` finds no error
/// in it, it has a dataset, every dataset is the table asked for and has the
/// dimensions asked for.
pub(super) fn check_answer(
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
pub(super) fn diagnose(
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

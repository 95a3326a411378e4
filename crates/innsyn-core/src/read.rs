//! The one entry point for indicator files: bytes in, datasets plus diagnostics out.
//!
//! `Err` only when the bytes cannot be read as JSON at all (empty, binary,
//! truncated, too large, too deep). Everything else is data: whatever could be
//! read, and a diagnostic for each problem.

use crate::diag::{Diagnostic, Diags, Msg};
use crate::json::{self, ParseError, ParseErrorKind};
use crate::jsonstat;
use crate::model::{Dataset, Dimension};
use crate::registry::Registry;
use crate::simple;

/// Files larger than this are refused before parsing (SSB's largest KOSTRA
/// extracts for all municipalities are a few MB).
pub const MAX_FILE_BYTES: usize = 64_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// JSON-stat (2.0 dataset, collection or dimension; 1.x bundle).
    JsonStat,
    /// Innsyn's simple indicator format.
    Simple,
    Unknown,
}

#[derive(Debug)]
pub struct ReadOutput {
    pub format: Format,
    pub datasets: Vec<Dataset>,
    /// Dimensions from JSON-stat `dimension` documents.
    pub dimensions: Vec<Dimension>,
    pub diagnostics: Vec<Diagnostic>,
}

/// What a reader keeps besides the numbers.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Keep every value's text as written (for `innsyn cells`); costs memory.
    pub keep_raw: bool,
}

impl ReadOutput {
    pub fn has_errors(&self) -> bool {
        crate::diag::has_errors(&self.diagnostics)
    }
}

pub fn read_bytes(
    bytes: &[u8],
    registry: &Registry,
    opts: Options,
) -> Result<ReadOutput, ParseError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ParseError {
            kind: ParseErrorKind::TooLarge {
                limit: MAX_FILE_BYTES,
            },
            offset: 0,
            line: 1,
            col: 1,
        });
    }
    read_with(json::decode(bytes)?, registry, opts)
}

pub fn read_str(src: &str, registry: &Registry) -> Result<ReadOutput, ParseError> {
    read_with(src, registry, Options::default())
}

pub fn read_with(src: &str, registry: &Registry, opts: Options) -> Result<ReadOutput, ParseError> {
    if src.len() > MAX_FILE_BYTES {
        return Err(ParseError {
            kind: ParseErrorKind::TooLarge {
                limit: MAX_FILE_BYTES,
            },
            offset: 0,
            line: 1,
            col: 1,
        });
    }
    let root = json::parse(src)?;
    let mut d = Diags::new(src);
    let mut dimensions = Vec::new();
    let (format, datasets) = if simple::is_simple(&root) {
        (
            Format::Simple,
            simple::read(&root, src, registry, &mut d)
                .into_iter()
                .collect(),
        )
    } else if jsonstat::is_jsonstat(&root) {
        let out = jsonstat::read(root, src, opts.keep_raw, registry, &mut d);
        dimensions = out.dimensions;
        (Format::JsonStat, out.datasets)
    } else {
        d.error_hint(
            "UNKNOWN_FORMAT",
            "$",
            root.start,
            Msg::new("Fila er gyldig JSON, men ikke en indikatorfil Innsyn kjenner", "The file is valid JSON, but not an indicator file Innsyn knows"),
            Msg::new("Innsyn leser JSON-stat og formatet i docs/data-format.md (\"format\": \"innsyn-indicator/1\")", "Innsyn reads JSON-stat and the format in docs/data-format.md (\"format\": \"innsyn-indicator/1\")"),
        );
        (Format::Unknown, Vec::new())
    };
    Ok(ReadOutput {
        format,
        datasets,
        dimensions,
        diagnostics: d.list,
    })
}

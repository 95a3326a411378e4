//! What makes a text unreadable as JSON, with its line and column.

use std::fmt;

use super::MAX_DEPTH;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseErrorKind {
    Empty,
    NotUtf8,
    TooDeep,
    TooLarge { limit: usize },
    Unexpected(String),
    UnexpectedEnd,
    TrailingData,
    BadNumber,
    BadEscape,
    ControlInString,
}

/// Why a text is not JSON at all, with the place it stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub kind: ParseErrorKind,
    pub offset: usize,
    pub line: u32,
    pub col: u32,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line,
            self.col,
            self.message_en()
        )
    }
}

impl ParseError {
    pub fn message_en(&self) -> String {
        match &self.kind {
            ParseErrorKind::Empty => "the file is empty".into(),
            ParseErrorKind::NotUtf8 => {
                "the file is not UTF-8 text (is it a spreadsheet or a zip file?)".into()
            }
            ParseErrorKind::TooDeep => format!("JSON nested deeper than {MAX_DEPTH} levels"),
            ParseErrorKind::TooLarge { limit } => {
                format!("the file is larger than {} MB", limit / 1_000_000)
            }
            ParseErrorKind::Unexpected(c) => format!("unexpected {c}"),
            ParseErrorKind::UnexpectedEnd => {
                "the JSON ends too early (is the file cut off?)".into()
            }
            ParseErrorKind::TrailingData => "more text after the end of the JSON value".into(),
            ParseErrorKind::BadNumber => "malformed number".into(),
            ParseErrorKind::BadEscape => "malformed escape in a string".into(),
            ParseErrorKind::ControlInString => "control character inside a string".into(),
        }
    }
    pub fn message_nb(&self) -> String {
        match &self.kind {
            ParseErrorKind::Empty => "fila er tom".into(),
            ParseErrorKind::NotUtf8 => {
                "fila er ikke UTF-8-tekst (er det et regneark eller en zip-fil?)".into()
            }
            ParseErrorKind::TooDeep => format!("JSON er nøstet dypere enn {MAX_DEPTH} nivåer"),
            ParseErrorKind::TooLarge { limit } => {
                format!("fila er større enn {} MB", limit / 1_000_000)
            }
            ParseErrorKind::Unexpected(c) => format!("uventet {c}"),
            ParseErrorKind::UnexpectedEnd => "JSON slutter for tidlig (er fila avkortet?)".into(),
            ParseErrorKind::TrailingData => "mer tekst etter slutten av JSON-verdien".into(),
            ParseErrorKind::BadNumber => "feil i et tall".into(),
            ParseErrorKind::BadEscape => "feil escape-sekvens i en tekst".into(),
            ParseErrorKind::ControlInString => "kontrolltegn inne i en tekst".into(),
        }
    }
}

/// Line and column (both 1-based, column in characters) of a byte offset.
pub fn line_col(src: &str, offset: usize) -> (u32, u32) {
    let offset = offset.min(src.len());
    let before = &src.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    // Count characters, not bytes: continuation bytes are 0b10xxxxxx.
    let col = before[line_start..]
        .iter()
        .filter(|&&b| (b & 0xC0) != 0x80)
        .count() as u32
        + 1;
    (line, col)
}

/// Decode bytes as UTF-8 text (a leading BOM is dropped), or say where it is not.
pub fn decode(bytes: &[u8]) -> Result<&str, ParseError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or("");
        let (line, col) = line_col(valid, offset);
        ParseError {
            kind: ParseErrorKind::NotUtf8,
            offset,
            line,
            col,
        }
    })
}

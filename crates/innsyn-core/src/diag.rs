//! Diagnostics: what readers say about a file besides the data they could read.
//!
//! Bad data is data: a reader returns what it could read plus a list of these.
//! Each one names the place (JSON path, line, column), says what is wrong in
//! Norwegian and English, and where it can, how to fix it.

use crate::i18n::Lang;
use crate::json::line_col;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// A text in Norwegian bokmål and English. Nynorsk readers get the bokmål text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub nb: String,
    pub en: String,
}

impl Msg {
    pub fn new(nb: impl Into<String>, en: impl Into<String>) -> Msg {
        Msg {
            nb: nb.into(),
            en: en.into(),
        }
    }
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Nb | Lang::Nn => &self.nb,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable machine code, e.g. `VALUE_LEN_MISMATCH`.
    pub code: &'static str,
    /// JSON path of the offending value, e.g. `$.dimension.sex.category.index[2]`.
    pub path: String,
    pub line: u32,
    pub col: u32,
    pub message: Msg,
    pub hint: Option<Msg>,
}

impl Diagnostic {
    /// One line for terminals: `error[CODE] $.path (line 3, col 8): message`.
    pub fn to_line(&self, lang: Lang) -> String {
        let sev = match (self.severity, lang) {
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Error, _) => "feil",
            (Severity::Warning, _) => "advarsel",
        };
        let (l, c) = match lang {
            Lang::En => ("line", "col"),
            _ => ("linje", "kol"),
        };
        let mut s = format!(
            "{sev}[{}] {} ({l} {}, {c} {}): {}",
            self.code,
            self.path,
            self.line,
            self.col,
            self.message.get(lang)
        );
        if let Some(h) = &self.hint {
            s.push_str(" — ");
            s.push_str(h.get(lang));
        }
        s
    }
}

/// Collects diagnostics for one source text; turns byte offsets into line/column.
pub struct Diags<'a> {
    src: &'a str,
    pub list: Vec<Diagnostic>,
}

/// At most this many diagnostics are kept per file; a hostile file cannot
/// make the list grow without bound.
pub const MAX_DIAGNOSTICS: usize = 200;

impl<'a> Diags<'a> {
    pub fn new(src: &'a str) -> Self {
        Diags {
            src,
            list: Vec::new(),
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        path: &str,
        offset: u32,
        message: Msg,
        hint: Option<Msg>,
    ) {
        let len = self.list.len();
        let at = if len < MAX_DIAGNOSTICS {
            len
        } else {
            if len == MAX_DIAGNOSTICS {
                let too_many = self.make(
                    Severity::Warning,
                    "TOO_MANY_DIAGNOSTICS",
                    "$",
                    offset,
                    Msg::new(
                        format!("Mer enn {MAX_DIAGNOSTICS} meldinger; resten er utelatt"),
                        format!("More than {MAX_DIAGNOSTICS} messages; the rest are left out"),
                    ),
                    None,
                );
                self.list.push(too_many);
            }
            // Still count errors as errors even when not listed: the first
            // error goes to the top.
            if severity != Severity::Error || has_errors(&self.list) {
                return;
            }
            0
        };
        let d = self.make(severity, code, path, offset, message, hint);
        self.list.insert(at, d);
    }

    fn make(
        &self,
        severity: Severity,
        code: &'static str,
        path: &str,
        offset: u32,
        message: Msg,
        hint: Option<Msg>,
    ) -> Diagnostic {
        let (line, col) = line_col(self.src, offset as usize);
        Diagnostic {
            severity,
            code,
            path: path.to_string(),
            line,
            col,
            message,
            hint,
        }
    }

    pub fn error(&mut self, code: &'static str, path: &str, offset: u32, message: Msg) {
        self.push(Severity::Error, code, path, offset, message, None);
    }
    pub fn error_hint(
        &mut self,
        code: &'static str,
        path: &str,
        offset: u32,
        message: Msg,
        hint: Msg,
    ) {
        self.push(Severity::Error, code, path, offset, message, Some(hint));
    }
    pub fn warn(&mut self, code: &'static str, path: &str, offset: u32, message: Msg) {
        self.push(Severity::Warning, code, path, offset, message, None);
    }
    pub fn warn_hint(
        &mut self,
        code: &'static str,
        path: &str,
        offset: u32,
        message: Msg,
        hint: Msg,
    ) {
        self.push(Severity::Warning, code, path, offset, message, Some(hint));
    }
}

/// Appends an object key to a JSON path, quoting keys that are not plain identifiers.
pub fn path_key(base: &str, key: &str) -> String {
    if !key.is_empty()
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !key.starts_with(|c: char| c.is_ascii_digit())
    {
        format!("{base}.{key}")
    } else {
        format!(
            "{base}[\"{}\"]",
            key.replace('\\', "\\\\").replace('"', "\\\"")
        )
    }
}

pub fn path_index(base: &str, i: usize) -> String {
    format!("{base}[{i}]")
}

pub fn has_errors(list: &[Diagnostic]) -> bool {
    list.iter().any(|d| d.severity == Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_quote_odd_keys() {
        assert_eq!(path_key("$", "dimension"), "$.dimension");
        assert_eq!(path_key("$.value", "12"), "$.value[\"12\"]");
        assert_eq!(path_key("$", "a\"b"), "$[\"a\\\"b\"]");
        assert_eq!(path_index("$.id", 2), "$.id[2]");
    }

    #[test]
    fn list_is_bounded_but_keeps_errors_visible() {
        let mut d = Diags::new("x");
        for _ in 0..1000 {
            d.warn("W", "$", 0, Msg::new("a", "a"));
        }
        d.error("E", "$", 0, Msg::new("b", "b"));
        assert_eq!(d.list.len(), MAX_DIAGNOSTICS + 2);
        assert!(has_errors(&d.list));
    }
}

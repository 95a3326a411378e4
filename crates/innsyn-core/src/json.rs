//! A small JSON parser that keeps the byte position of every value.
//!
//! Readers need positions to report diagnostics with line and column, and they
//! must never panic or recurse without bound on hostile input. serde_json keeps
//! no positions for values, so the domain crate parses JSON itself.

use std::fmt;

/// Deepest nesting accepted. JSON-stat needs about 8 levels; 128 is generous.
pub const MAX_DEPTH: usize = 128;

/// One parsed JSON value with its byte span in the source text.
#[derive(Debug, Clone, PartialEq)]
pub struct Json {
    /// Byte offset where the value starts.
    pub start: u32,
    /// Byte offset just past the value.
    pub end: u32,
    pub v: JVal,
}

#[derive(Debug, Clone, PartialEq)]
pub enum JVal {
    Null,
    Bool(bool),
    Num(f64),
    Str(Box<str>),
    Arr(Box<[Json]>),
    /// A long array holding only numbers and nulls, stored compactly: one f64
    /// per item, `null` as NaN (JSON has no NaN, so this is unambiguous).
    /// Use [`Json::num_items`] to read it; item positions are found again by
    /// [`item_spans`] when a diagnostic or a raw dump needs them.
    NumArr(Box<[f64]>),
    Obj(Box<[Member]>),
}

/// Arrays of numbers at least this long are stored as [`JVal::NumArr`].
pub const COMPACT_FROM: usize = 64;

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: Box<str>,
    pub key_start: u32,
    pub value: Json,
}

impl Json {
    pub fn get(&self, key: &str) -> Option<&Json> {
        match &self.v {
            JVal::Obj(m) => m.iter().rev().find(|m| &*m.key == key).map(|m| &m.value),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match &self.v {
            JVal::Str(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        match self.v {
            JVal::Num(n) => Some(n),
            _ => None,
        }
    }
    pub fn as_arr(&self) -> Option<&[Json]> {
        match &self.v {
            JVal::Arr(a) => Some(a),
            _ => None,
        }
    }
    pub fn as_obj(&self) -> Option<&[Member]> {
        match &self.v {
            JVal::Obj(m) => Some(m),
            _ => None,
        }
    }
    /// The items of an array of numbers and nulls, in either representation;
    /// `None` if this is not an array or an item is something else.
    pub fn num_items(&self) -> Option<Vec<Option<f64>>> {
        match &self.v {
            JVal::NumArr(v) => Some(
                v.iter()
                    .map(|x| if x.is_nan() { None } else { Some(*x) })
                    .collect(),
            ),
            JVal::Arr(a) => a
                .iter()
                .map(|j| match j.v {
                    JVal::Num(n) => Some(Some(n)),
                    JVal::Null => Some(None),
                    _ => None,
                })
                .collect(),
            _ => None,
        }
    }
    pub fn is_null(&self) -> bool {
        matches!(self.v, JVal::Null)
    }
    /// The JSON type name, for messages.
    pub fn type_name(&self) -> &'static str {
        match self.v {
            JVal::Null => "null",
            JVal::Bool(_) => "boolean",
            JVal::Num(_) => "number",
            JVal::Str(_) => "string",
            JVal::Arr(_) | JVal::NumArr(_) => "array",
            JVal::Obj(_) => "object",
        }
    }
    /// The value's text exactly as written in `src`.
    pub fn raw<'a>(&self, src: &'a str) -> &'a str {
        src.get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }
}

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

/// Parse a whole JSON text.
pub fn parse(src: &str) -> Result<Json, ParseError> {
    let mut p = Parser {
        s: src.as_bytes(),
        i: 0,
        src,
    };
    p.ws();
    if p.i >= p.s.len() {
        return Err(p.err(ParseErrorKind::Empty));
    }
    let v = p.value(0)?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.err(ParseErrorKind::TrailingData));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    src: &'a str,
}

impl Parser<'_> {
    fn err(&self, kind: ParseErrorKind) -> ParseError {
        let (line, col) = line_col(self.src, self.i);
        ParseError {
            kind,
            offset: self.i,
            line,
            col,
        }
    }

    fn unexpected(&self) -> ParseError {
        match self.src[self.i..].chars().next() {
            None => self.err(ParseErrorKind::UnexpectedEnd),
            Some(c) if c.is_control() => self.err(ParseErrorKind::Unexpected(format!(
                "control character U+{:04X}",
                c as u32
            ))),
            Some(c) => self.err(ParseErrorKind::Unexpected(format!("'{c}'"))),
        }
    }

    fn ws(&mut self) {
        while let Some(&b) = self.s.get(self.i) {
            if matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                self.i += 1;
            } else {
                break;
            }
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.err(ParseErrorKind::TooDeep));
        }
        let start = self.i;
        let v = match self.s.get(self.i) {
            None => return Err(self.err(ParseErrorKind::UnexpectedEnd)),
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => JVal::Str(self.string()?.into_boxed_str()),
            Some(b't') => self.literal("true", JVal::Bool(true))?,
            Some(b'f') => self.literal("false", JVal::Bool(false))?,
            Some(b'n') => self.literal("null", JVal::Null)?,
            Some(b'-' | b'0'..=b'9') => JVal::Num(self.number()?),
            Some(_) => return Err(self.unexpected()),
        };
        Ok(Json {
            start: start as u32,
            end: self.i as u32,
            v,
        })
    }

    fn literal(&mut self, word: &str, v: JVal) -> Result<JVal, ParseError> {
        if self.s[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            Ok(v)
        } else {
            Err(self.unexpected())
        }
    }

    fn number(&mut self) -> Result<f64, ParseError> {
        let start = self.i;
        let digits = |p: &mut Self| {
            let s = p.i;
            while matches!(p.s.get(p.i), Some(b'0'..=b'9')) {
                p.i += 1;
            }
            p.i - s
        };
        if self.s.get(self.i) == Some(&b'-') {
            self.i += 1;
        }
        match self.s.get(self.i) {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return Err(self.err(ParseErrorKind::BadNumber)),
        }
        if self.s.get(self.i) == Some(&b'.') {
            self.i += 1;
            if digits(self) == 0 {
                return Err(self.err(ParseErrorKind::BadNumber));
            }
        }
        if matches!(self.s.get(self.i), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.s.get(self.i), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if digits(self) == 0 {
                return Err(self.err(ParseErrorKind::BadNumber));
            }
        }
        let n: f64 = self.src[start..self.i]
            .parse()
            .map_err(|_| self.err(ParseErrorKind::BadNumber))?;
        if !n.is_finite() {
            self.i = start;
            return Err(self.err(ParseErrorKind::BadNumber));
        }
        Ok(n)
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let h = self
            .s
            .get(self.i..self.i + 4)
            .ok_or_else(|| self.err(ParseErrorKind::BadEscape))?;
        let h = std::str::from_utf8(h)
            .ok()
            .and_then(|h| u32::from_str_radix(h, 16).ok());
        let h = h.ok_or_else(|| self.err(ParseErrorKind::BadEscape))?;
        self.i += 4;
        Ok(h)
    }

    fn string(&mut self) -> Result<String, ParseError> {
        self.i += 1; // opening quote
        let mut out = String::new();
        loop {
            let run = self.i;
            while let Some(&b) = self.s.get(self.i) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            out.push_str(&self.src[run..self.i]);
            match self.s.get(self.i) {
                None => return Err(self.err(ParseErrorKind::UnexpectedEnd)),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = match self.s.get(self.i) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.i += 1;
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi)
                                && self.s[self.i..].starts_with(b"\\u")
                            {
                                self.i += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.err(ParseErrorKind::BadEscape));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            // A lone surrogate becomes U+FFFD rather than an error.
                            out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                            continue;
                        }
                        _ => return Err(self.err(ParseErrorKind::BadEscape)),
                    };
                    self.i += 1;
                    out.push(c);
                }
                Some(_) => return Err(self.err(ParseErrorKind::ControlInString)),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<JVal, ParseError> {
        let open = self.i;
        self.i += 1;
        // Numbers and nulls go to `nums` while every item so far is one; the
        // first other item turns them into nodes (positions found by rescanning).
        let mut nums: Vec<f64> = Vec::with_capacity(self.count_numeric_items(self.i));
        let mut items: Option<Vec<Json>> = None;
        self.ws();
        if self.s.get(self.i) == Some(&b']') {
            self.i += 1;
            return Ok(JVal::Arr(Box::default()));
        }
        loop {
            self.ws();
            let item = self.value(depth + 1)?;
            match (&mut items, &item.v) {
                (None, JVal::Num(n)) => nums.push(*n),
                (None, JVal::Null) => nums.push(f64::NAN),
                (None, _) => {
                    let mut nodes = nodes_of(self.src, open, &nums);
                    nodes.push(item);
                    items = Some(nodes);
                    nums = Vec::new();
                }
                (Some(list), _) => list.push(item),
            }
            self.ws();
            match self.s.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(match items {
                        Some(list) => JVal::Arr(list.into_boxed_slice()),
                        None if nums.len() >= COMPACT_FROM => JVal::NumArr(nums.into_boxed_slice()),
                        None => JVal::Arr(nodes_of(self.src, open, &nums).into_boxed_slice()),
                    });
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    /// If the array whose items start at byte `from` holds only numbers and
    /// nulls, how many: one quick pass over the bytes, so the value buffer of
    /// a large dataset is allocated once at its final size instead of
    /// doubling (which would briefly hold two copies). 0 when unsure.
    fn count_numeric_items(&self, from: usize) -> usize {
        let rest = self.s.get(from..).unwrap_or_default();
        let mut items = 1;
        for &b in rest {
            match b {
                b',' => items += 1,
                b']' => return if items >= COMPACT_FROM { items } else { 0 },
                b'0'..=b'9'
                | b'-'
                | b'+'
                | b'.'
                | b'e'
                | b'E'
                | b'n'
                | b'u'
                | b'l'
                | b' '
                | b'\t'
                | b'\n'
                | b'\r' => {}
                _ => return 0,
            }
        }
        0
    }

    /// If the object whose members start at byte `from` is flat (no nested
    /// objects or arrays), how many members: like [`Self::count_numeric_items`],
    /// so that SSB's large `status` objects are allocated once. 0 when unsure.
    fn count_flat_members(&self, from: usize) -> usize {
        let rest = self.s.get(from..).unwrap_or_default();
        let (mut members, mut in_str, mut escaped) = (1, false, false);
        for &b in rest {
            if in_str {
                match (escaped, b) {
                    (true, _) => escaped = false,
                    (false, b'\\') => escaped = true,
                    (false, b'"') => in_str = false,
                    _ => {}
                }
                continue;
            }
            match b {
                b'"' => in_str = true,
                b',' => members += 1,
                b'}' => return if members >= COMPACT_FROM { members } else { 0 },
                b'{' | b'[' => return 0,
                _ => {}
            }
        }
        0
    }

    fn object(&mut self, depth: usize) -> Result<JVal, ParseError> {
        self.i += 1;
        let mut members = Vec::with_capacity(self.count_flat_members(self.i));
        self.ws();
        if self.s.get(self.i) == Some(&b'}') {
            self.i += 1;
            return Ok(JVal::Obj(Box::default()));
        }
        loop {
            self.ws();
            if self.s.get(self.i) != Some(&b'"') {
                return Err(self.unexpected());
            }
            let key_start = self.i as u32;
            let key = self.string()?.into_boxed_str();
            self.ws();
            if self.s.get(self.i) != Some(&b':') {
                return Err(self.unexpected());
            }
            self.i += 1;
            self.ws();
            let value = self.value(depth + 1)?;
            members.push(Member {
                key,
                key_start,
                value,
            });
            self.ws();
            match self.s.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(JVal::Obj(members.into_boxed_slice()));
                }
                _ => return Err(self.unexpected()),
            }
        }
    }
}

/// Byte spans of the items of an array of numbers and nulls starting at
/// byte `open` (its `[`). Only for arrays the parser accepted.
pub fn item_spans(src: &str, open: u32, count: usize) -> Vec<(u32, u32)> {
    let b = src.as_bytes();
    let mut i = open as usize + 1;
    let mut out = Vec::with_capacity(count);
    while out.len() < count && i < b.len() {
        while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r' | b',') {
            i += 1;
        }
        let start = i;
        while i < b.len() && !matches!(b[i], b' ' | b'\t' | b'\n' | b'\r' | b',' | b']') {
            i += 1;
        }
        out.push((start as u32, i as u32));
    }
    out
}

fn nodes_of(src: &str, open: usize, nums: &[f64]) -> Vec<Json> {
    item_spans(src, open as u32, nums.len())
        .into_iter()
        .zip(nums)
        .map(|((start, end), n)| Json {
            start,
            end,
            v: if n.is_nan() {
                JVal::Null
            } else {
                JVal::Num(*n)
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_values_with_spans() {
        let src = r#"{"a": [1, -2.5e1, null], "b": "x\u00e6\n", "c": true}"#;
        let j = parse(src).unwrap();
        let a = j.get("a").unwrap().as_arr().unwrap();
        assert_eq!(a[1].as_f64(), Some(-25.0));
        assert_eq!(a[1].raw(src), "-2.5e1");
        assert!(a[2].is_null());
        assert_eq!(j.get("b").unwrap().as_str(), Some("xæ\n"));
        assert_eq!(j.get("c").unwrap().v, JVal::Bool(true));
    }

    #[test]
    fn long_numeric_arrays_are_compact_and_keep_positions() {
        let items: Vec<String> = (0..100)
            .map(|i| {
                if i % 7 == 0 {
                    "null".into()
                } else {
                    format!("{i}.5")
                }
            })
            .collect();
        let src = format!("[ {} ]", items.join(" ,\n"));
        let j = parse(&src).unwrap();
        assert!(matches!(j.v, JVal::NumArr(_)));
        let vals = j.num_items().unwrap();
        assert_eq!((vals[0], vals[1], vals[99]), (None, Some(1.5), Some(99.5)));
        let spans = item_spans(&src, j.start, 100);
        assert_eq!(&src[spans[98].0 as usize..spans[98].1 as usize], "null");
        assert_eq!(&src[spans[99].0 as usize..spans[99].1 as usize], "99.5");
        // A text item after many numbers: every item becomes a node, positions intact.
        let src2 = format!("[{}, \"x\"]", items.join(","));
        let j2 = parse(&src2).unwrap();
        let a = j2.as_arr().unwrap();
        assert_eq!(
            (a.len(), a[99].raw(&src2), a[100].as_str()),
            (101, "99.5", Some("x"))
        );
    }

    #[test]
    fn surrogate_pairs_decode() {
        assert_eq!(parse(r#""\ud83d\ude00""#).unwrap().as_str(), Some("😀"));
    }

    #[test]
    fn errors_carry_line_and_column() {
        let e = parse("{\n  \"a\": 1,\n  \"b\": tru\n}").unwrap_err();
        assert_eq!((e.line, e.col), (3, 8));
        assert_eq!(parse("   ").unwrap_err().kind, ParseErrorKind::Empty);
        assert_eq!(
            parse("[1,").unwrap_err().kind,
            ParseErrorKind::UnexpectedEnd
        );
        assert_eq!(
            parse("[1] x").unwrap_err().kind,
            ParseErrorKind::TrailingData
        );
        for cut in ["[", "{", "[1,", "{\"a\":", " [ ", "[[", "{\"a\":{"] {
            assert_eq!(
                parse(cut).unwrap_err().kind,
                ParseErrorKind::UnexpectedEnd,
                "{cut}"
            );
        }
        assert_eq!(parse("01").unwrap_err().kind, ParseErrorKind::TrailingData);
        assert_eq!(parse("1e999").unwrap_err().kind, ParseErrorKind::BadNumber);
        assert_eq!(
            parse("\"a\u{1}\"").unwrap_err().kind,
            ParseErrorKind::ControlInString
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep).unwrap_err().kind, ParseErrorKind::TooDeep);
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn column_counts_characters() {
        assert_eq!(line_col("æøå x", "æøå ".len()), (1, 5));
    }

    #[test]
    fn decode_rejects_binary_and_strips_bom() {
        assert_eq!(decode(&[0xEF, 0xBB, 0xBF, b'1']).unwrap(), "1");
        let e = decode(b"ab\n\xff\xfe").unwrap_err();
        assert_eq!((e.kind, e.line, e.col), (ParseErrorKind::NotUtf8, 2, 1));
    }
}

//! The parser: bounded depth, positions kept, arrays of numbers stored compactly.

use super::error::line_col;
use super::{JVal, Json, Member, ParseError, ParseErrorKind, COMPACT_FROM, MAX_DEPTH};

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

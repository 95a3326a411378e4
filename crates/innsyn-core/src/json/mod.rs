//! A small JSON parser that keeps the byte position of every value.
//!
//! Readers need positions to report diagnostics with line and column, and they
//! must never panic or recurse without bound on hostile input. serde_json keeps
//! no positions for values, so the domain crate parses JSON itself.

mod error;
mod parser;

pub use error::{decode, line_col, ParseError, ParseErrorKind};
pub use parser::{item_spans, parse};

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

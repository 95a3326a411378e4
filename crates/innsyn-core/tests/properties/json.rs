//! The JSON parser: any text is parsed or refused at a place inside it;
//! every value's span is inside its parent's and is exactly its text;
//! printed JSON parses back to the same values; nesting deeper than 128 is
//! refused, and nothing shallower is.

use innsyn_core::json::{item_spans, line_col, parse, JVal, Json, ParseErrorKind, MAX_DEPTH};
use proptest::prelude::*;

use crate::{config, real_files};

/// A JSON value as the generator makes it.
#[derive(Debug, Clone)]
pub(crate) enum V {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<V>),
    Obj(Vec<(String, V)>),
}

/// Compact JSON text, strings escaped as JSON requires.
pub(crate) fn print(v: &V, out: &mut String) {
    match v {
        V::Null => out.push_str("null"),
        V::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        V::Num(n) => out.push_str(&n.to_string()),
        V::Str(s) => print_str(s, out),
        V::Arr(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                print(item, out);
            }
            out.push(']');
        }
        V::Obj(members) => {
            out.push('{');
            for (i, (k, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                print_str(k, out);
                out.push(':');
                print(item, out);
            }
            out.push('}');
        }
    }
}

fn print_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

pub(crate) fn text_of(v: &V) -> String {
    let mut s = String::new();
    print(v, &mut s);
    s
}

/// Finite numbers: whole, decimal, tiny and huge.
pub(crate) fn number() -> BoxedStrategy<f64> {
    prop_oneof![
        (-100_000i64..100_000).prop_map(|n| n as f64),
        (-1e6f64..1e6),
        any::<f64>().prop_filter("finite", |n| n.is_finite()),
    ]
    .boxed()
}

/// Any JSON value up to a few levels deep, with keys and strings from
/// `words` as well as arbitrary text; arrays long enough to be stored
/// compactly turn up too.
pub(crate) fn value(words: &'static [&'static str]) -> impl Strategy<Value = V> {
    let word = prop_oneof![
        4 => prop::sample::select(words).prop_map(str::to_string),
        1 => any::<String>(),
    ];
    let leaf = prop_oneof![
        Just(V::Null),
        any::<bool>().prop_map(V::Bool),
        number().prop_map(V::Num),
        word.clone().prop_map(V::Str),
    ];
    let long = prop::collection::vec(prop::option::of(number()), 60..80)
        .prop_map(|v| V::Arr(v.into_iter().map(|n| n.map_or(V::Null, V::Num)).collect()))
        .boxed();
    leaf.prop_recursive(5, 64, 8, move |inner| {
        prop_oneof![
            4 => prop::collection::vec(inner.clone(), 0..8).prop_map(V::Arr),
            4 => prop::collection::vec((word.clone(), inner), 0..8).prop_map(V::Obj),
            1 => long.clone(),
        ]
    })
}

/// The parsed value is the generated one, and every span is the value's
/// own printed text.
fn same(src: &str, j: &Json, v: &V) -> Result<(), TestCaseError> {
    prop_assert_eq!(j.raw(src), text_of(v));
    match (&j.v, v) {
        (JVal::Null, V::Null) => {}
        (JVal::Bool(a), V::Bool(b)) => prop_assert_eq!(a, b),
        (JVal::Num(a), V::Num(b)) => prop_assert_eq!(a, b),
        (JVal::Str(a), V::Str(b)) => prop_assert_eq!(&**a, b.as_str()),
        (JVal::Arr(a), V::Arr(b)) => {
            prop_assert_eq!(a.len(), b.len());
            for (a, b) in a.iter().zip(b) {
                same(src, a, b)?;
            }
        }
        (JVal::NumArr(a), V::Arr(b)) => {
            prop_assert_eq!(a.len(), b.len());
            let spans = item_spans(src, j.start, a.len());
            for ((n, (s, e)), b) in a.iter().zip(spans).zip(b) {
                prop_assert_eq!(&src[s as usize..e as usize], text_of(b));
                match b {
                    V::Null => prop_assert!(n.is_nan()),
                    V::Num(b) => prop_assert_eq!(n, b),
                    other => prop_assert!(false, "{other:?} in a compact array"),
                }
            }
        }
        (JVal::Obj(a), V::Obj(b)) => {
            prop_assert_eq!(a.len(), b.len());
            for (a, (k, b)) in a.iter().zip(b) {
                prop_assert_eq!(&*a.key, k.as_str());
                same(src, &a.value, b)?;
            }
        }
        (j, v) => prop_assert!(false, "{j:?} parsed from {v:?}"),
    }
    Ok(())
}

/// Spans nest and stay inside the text; returns how many containers
/// enclose the deepest value (what `MAX_DEPTH` bounds).
pub(crate) fn spans_nest(src: &str, j: &Json, depth: usize) -> Result<usize, TestCaseError> {
    prop_assert!(j.start <= j.end && j.end as usize <= src.len(), "{j:?}");
    prop_assert!(src.is_char_boundary(j.start as usize) && src.is_char_boundary(j.end as usize));
    prop_assert!(depth <= MAX_DEPTH);
    let mut deepest = depth;
    let mut child = |c: &Json| -> Result<(), TestCaseError> {
        prop_assert!(j.start < c.start && c.end < j.end, "{c:?} outside {j:?}");
        deepest = deepest.max(spans_nest(src, c, depth + 1)?);
        Ok(())
    };
    match &j.v {
        JVal::Arr(items) => items.iter().try_for_each(&mut child)?,
        JVal::Obj(members) => members.iter().try_for_each(|m| child(&m.value))?,
        JVal::NumArr(n) if !n.is_empty() => deepest = depth + 1,
        _ => {}
    }
    Ok(deepest)
}

/// Parsed, or refused at a place inside the text with its line and column.
pub(crate) fn check_parse(src: &str) -> Result<Option<usize>, TestCaseError> {
    match parse(src) {
        Ok(j) => Ok(Some(spans_nest(src, &j, 0)?)),
        Err(e) => {
            prop_assert!(e.offset <= src.len(), "{e:?}");
            prop_assert_eq!((e.line, e.col), line_col(src, e.offset));
            Ok(None)
        }
    }
}

/// Bits of JSON and near-JSON, so that random text gets past the first byte.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\"a\"",
    "\"\\u00e6\"",
    "\"\\ud800\"",
    "\\",
    "null",
    "true",
    "fals",
    "0",
    "-",
    "1.5e3",
    "1e999",
    "-0",
    "01",
    ".5",
    " ",
    "\n",
    "\t",
    "æ",
    "\u{0}",
];

pub(crate) fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..60).prop_map(|t| t.concat())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_text_is_parsed_or_refused_in_place(src in prop_oneof![any::<String>(), token_soup()]) {
        check_parse(&src)?;
    }

    #[test]
    fn printed_json_parses_back_to_the_same_values(v in value(&["a", "b", "value", "0402", ""])) {
        let src = text_of(&v);
        let j = parse(&src).map_err(|e| TestCaseError::fail(format!("{e}: {src}")))?;
        same(&src, &j, &v)?;
        spans_nest(&src, &j, 0)?;
    }

    #[test]
    fn nesting_deeper_than_128_is_refused_and_nothing_shallower(
        file in 0..real_files().len(),
        levels in 0usize..200,
        object in any::<bool>(),
    ) {
        let text = std::str::from_utf8(&real_files()[file]).unwrap();
        let inner = check_parse(text)?.expect("a real file parses");
        let (open, close) = if object { ("{\"a\":", "}") } else { ("[", "]") };
        let deep = format!("{}{text}{}", open.repeat(levels), close.repeat(levels));
        match parse(&deep) {
            Ok(j) => {
                prop_assert!(levels + inner <= MAX_DEPTH, "{} levels accepted", levels + inner);
                prop_assert_eq!(spans_nest(&deep, &j, 0)?, levels + inner);
            }
            Err(e) => {
                prop_assert!(levels + inner > MAX_DEPTH, "{e}");
                prop_assert_eq!(e.kind, ParseErrorKind::TooDeep);
            }
        }
        crate::check_read(deep.as_bytes())?;
    }
}

//! The simple indicator format (`innsyn-indicator/1`, docs/data-format.md)
//! as the tool writes it, for `convert` and `demo`: serde structs, and one
//! layout — the metadata pretty-printed, one observation per line — written
//! by a serde_json formatter, so no JSON is put together by hand.
//!
//! Fields are declared in alphabetical order: the committed demonstration
//! files have their keys sorted, and must stay byte for byte the same.

use std::io;

use serde::{Serialize, Serializer};
use serde_json::ser::{Formatter, Serializer as JsonSerializer};

pub const FORMAT: &str = "innsyn-indicator/1";

/// A text: a plain string (bokmål), or bokmål with nynorsk and English.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Text {
    Plain(String),
    Langs {
        #[serde(skip_serializing_if = "Option::is_none")]
        en: Option<String>,
        nb: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        nn: Option<String>,
    },
}

impl Text {
    pub fn new(nb: &str, nn: &str, en: &str) -> Text {
        Text::Langs {
            en: Some(en.into()),
            nb: nb.into(),
            nn: Some(nn.into()),
        }
    }
}

/// A number as a spreadsheet shows it: `1000`, not `1000.0`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num(pub f64);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Whole numbers up to 2^53 are exact as integers.
        if self.0.fract() == 0.0 && self.0.abs() < 9.007_199_254_740_992e15 {
            s.serialize_i64(self.0 as i64)
        } else {
            s.serialize_f64(self.0)
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Rate {
    pub denominator: Text,
    pub numerator: Text,
    pub per: Num,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Source {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One region and period. `N` is how its numbers are written: [`Num`]
/// (`295`) for `convert`, `f64` (`295.0`) for the demonstration files.
#[derive(Debug, Clone, Serialize)]
pub struct Observation<N> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub denominator: Option<N>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub numerator: Option<N>,
    pub period: String,
    pub region: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `null` when missing (with the reason in `status`).
    pub value: Option<N>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Indicator<N> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aggregation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u8>,
    #[serde(skip_serializing_if = "is_false")]
    pub demo: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    pub format: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub higher_is: Option<String>,
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate: Option<Rate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
    pub values: Vec<Observation<N>>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl<N> Indicator<N> {
    /// An indicator with only its id and observations.
    pub fn new(id: &str, values: Vec<Observation<N>>) -> Self {
        Indicator {
            aggregation: None,
            decimals: None,
            demo: false,
            description: None,
            format: FORMAT,
            higher_is: None,
            id: id.to_string(),
            licence: None,
            rate: None,
            source: None,
            title: None,
            unit: None,
            values,
        }
    }
}

/// The file's text: the metadata pretty-printed, each observation on a
/// line of its own, a newline at the end.
pub fn to_text<T: Serialize>(doc: &T) -> String {
    let mut out = Vec::new();
    let mut ser = JsonSerializer::with_formatter(&mut out, Lines::default());
    // Serializing these structs into memory cannot fail.
    doc.serialize(&mut ser)
        .expect("an indicator file serializes");
    out.push(b'\n');
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// serde_json's pretty layout (two spaces) down to the first list; what is
/// inside a list's items is written compactly, one item a line.
#[derive(Default)]
struct Lines {
    level: usize,
    /// The level of the list whose items are written compactly.
    list: Option<usize>,
    has_value: bool,
}

impl Lines {
    fn compact(&self) -> bool {
        self.list.is_some_and(|l| self.level > l)
    }
    fn open<W: ?Sized + io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(bracket)
    }
    fn close<W: ?Sized + io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        let compact = self.compact();
        if self.list == Some(self.level) {
            // The list itself closes.
            self.list = None;
        }
        self.level -= 1;
        if self.has_value && !compact {
            w.write_all(b"\n")?;
            self.indent(w)?;
        }
        self.has_value = true;
        w.write_all(bracket)
    }
    fn item<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if self.compact() {
            return if first { Ok(()) } else { w.write_all(b",") };
        }
        w.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(w)
    }
    fn indent<W: ?Sized + io::Write>(&self, w: &mut W) -> io::Result<()> {
        for _ in 0..self.level {
            w.write_all(b"  ")?;
        }
        Ok(())
    }
}

impl Formatter for Lines {
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        if self.list.is_none() {
            self.list = Some(self.level + 1);
        }
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(if self.compact() { b":" } else { b": " })
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_pretty_observations_one_a_line() {
        let mut doc = Indicator::new(
            "x",
            vec![
                Observation {
                    denominator: Some(Num(4289.0)),
                    numerator: None,
                    period: "2018".into(),
                    region: "0402".into(),
                    status: None,
                    value: Some(Num(42.2)),
                },
                Observation {
                    denominator: None,
                    numerator: None,
                    period: "2018".into(),
                    region: "0432".into(),
                    status: Some(":".into()),
                    value: None,
                },
            ],
        );
        doc.title = Some(Text::Langs {
            en: None,
            nb: "«Sitat» \"og\" \\ linje\nny".into(),
            nn: None,
        });
        doc.rate = Some(Rate {
            denominator: Text::Plain("d".into()),
            numerator: Text::Plain("n".into()),
            per: Num(1000.0),
        });
        assert_eq!(
            to_text(&doc),
            r#"{
  "format": "innsyn-indicator/1",
  "id": "x",
  "rate": {
    "denominator": "d",
    "numerator": "n",
    "per": 1000
  },
  "title": {
    "nb": "«Sitat» \"og\" \\ linje\nny"
  },
  "values": [
    {"denominator":4289,"period":"2018","region":"0402","value":42.2},
    {"period":"2018","region":"0432","status":":","value":null}
  ]
}
"#
        );
    }

    #[test]
    fn numbers_as_written_in_a_spreadsheet() {
        let s = |v: f64| serde_json::to_string(&Num(v)).unwrap();
        assert_eq!(
            (s(295.0), s(2073.5), s(-3.0), s(0.1)),
            ("295".into(), "2073.5".into(), "-3".into(), "0.1".into())
        );
    }
}

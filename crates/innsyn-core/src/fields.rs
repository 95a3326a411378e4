//! Reading a JSON document field by field: the one place that says a field
//! is missing or of the wrong type, with the same code, path and position
//! everywhere (the catalog and its indicator definitions, the region
//! registry, GeoJSON boundaries, the simple format's metadata), and the one
//! decoder of translated text.
//!
//! - A required field that is absent or `null` is `MISSING_FIELD`, an error,
//!   at the field's path (`$.indicators[2].id`) and the position of the
//!   object that lacks it.
//! - A field of the wrong JSON type is `WRONG_TYPE` at the field's path and
//!   position: an error when the field is required, else a warning, and the
//!   value is not used.
//! - An optional field that is absent or `null` is simply not there.
//!
//! What a value means (a link that is not http(s), a year out of range, an
//! unknown word) is for each format to say, with its own codes.
//!
//! Plain functions over `&mut Diags`, no closures or generics, so each is
//! compiled once into the web app's wasm.

use crate::diag::{path_index, path_key, Diags, Msg, Severity};
use crate::json::{JVal, Json};
use crate::model::I18nText;

/// Whether a field must be there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Optional,
    /// Absent: `MISSING_FIELD`; wrong type: `WRONG_TYPE` as an error; a
    /// translated text without nn or en: `MISSING_TRANSLATION`.
    Required,
}

/// What a field should have been, for `WRONG_TYPE` messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Number,
    Bool,
    Year,
    TextList,
    ObjectList,
    Object,
    TranslatedText,
    /// `[column, row]`: two whole numbers from 0 to 63.
    Tile,
}

impl Kind {
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Kind::Text => ("tekst", "text"),
            Kind::Number => ("et tall", "a number"),
            Kind::Bool => ("true eller false", "true or false"),
            Kind::Year => ("et årstall", "a year"),
            Kind::TextList | Kind::ObjectList => ("en liste", "a list"),
            Kind::Object => ("et objekt", "an object"),
            Kind::TranslatedText => ("tekst", "text"),
            Kind::Tile => ("[kolonne, rad]", "[column, row]"),
        }
    }
}

/// The JSON type of a value in words, for messages.
fn type_words(j: &Json) -> (&'static str, &'static str) {
    match j.v {
        JVal::Null => ("null", "null"),
        JVal::Bool(_) => ("true/false", "true/false"),
        JVal::Num(_) => ("et tall", "a number"),
        JVal::Str(_) => ("tekst", "text"),
        JVal::Arr(_) => ("en liste", "a list"),
        JVal::NumArr(_) => ("en liste av tall", "a list of numbers"),
        JVal::Obj(_) => ("et objekt", "an object"),
    }
}

/// `WRONG_TYPE` for the value `j` at `path`: an error when it is required,
/// else a warning (the value is not used).
pub fn wrong_type(d: &mut Diags, path: &str, j: &Json, need: Need, want: Kind) {
    let (want_nb, want_en) = want.words();
    let (is_nb, is_en) = type_words(j);
    let (severity, nb_tail, en_tail) = match need {
        Need::Required => (Severity::Error, "", ""),
        Need::Optional => (Severity::Warning, "; blir ikke brukt", "; not used"),
    };
    d.push(
        severity,
        "WRONG_TYPE",
        path,
        j.start,
        Msg::new(
            format!("Skal være {want_nb}, er {is_nb}{nb_tail}"),
            format!("Should be {want_en}, is {is_en}{en_tail}"),
        ),
        None,
    );
}

/// `MISSING_FIELD` for `key` of the object at `path`, which starts at `at`.
pub fn missing(d: &mut Diags, path: &str, key: &str, at: u32) {
    d.error(
        "MISSING_FIELD",
        &path_key(path, key),
        at,
        Msg::new(format!("Mangler «{key}»"), format!("Missing \"{key}\"")),
    );
}

/// `UNKNOWN_FORMAT` unless the document's `format` is `want`; `what_nb` and
/// `what_en` name the kind of document ("En katalog", "A catalog").
pub fn format(root: &Obj, want: &str, what_nb: &str, what_en: &str, d: &mut Diags) {
    if root.get("format").and_then(Json::as_str) != Some(want) {
        d.error(
            "UNKNOWN_FORMAT",
            "$.format",
            root.start(),
            Msg::new(
                format!("{what_nb} skal ha \"format\": \"{want}\""),
                format!("{what_en} needs \"format\": \"{want}\""),
            ),
        );
    }
}

/// An object of the document at its JSON path. A value that is not an
/// object reads as one without fields.
#[derive(Debug, Clone)]
pub struct Obj<'a> {
    pub json: &'a Json,
    pub path: String,
}

impl<'a> Obj<'a> {
    /// The document itself, at `$`.
    pub fn root(json: &'a Json) -> Obj<'a> {
        Obj {
            json,
            path: "$".to_string(),
        }
    }

    pub fn new(json: &'a Json, path: String) -> Obj<'a> {
        Obj { json, path }
    }

    /// The path of a field of this object.
    pub fn key_path(&self, key: &str) -> String {
        path_key(&self.path, key)
    }

    /// Where this object starts in the source.
    pub fn start(&self) -> u32 {
        self.json.start
    }

    /// The field, when it is there and not `null`; no diagnostic.
    pub fn get(&self, key: &str) -> Option<&'a Json> {
        self.json.get(key).filter(|j| !j.is_null())
    }

    /// The field, or `MISSING_FIELD` when it is required and not there.
    pub fn field(&self, key: &str, need: Need, d: &mut Diags) -> Option<&'a Json> {
        let j = self.get(key);
        if j.is_none() && need == Need::Required {
            missing(d, &self.path, key, self.json.start);
        }
        j
    }

    /// A warning `code` (`BAD_FIELD`, `BAD_DECIMALS` …): the field `key` is
    /// of the right type but has a value that is not understood, and is not
    /// used. `want` says what it should be.
    pub fn bad(&self, code: &'static str, key: &str, want_nb: &str, want_en: &str, d: &mut Diags) {
        d.warn(
            code,
            &self.key_path(key),
            self.get(key).map_or(self.json.start, |j| j.start),
            Msg::new(
                format!("Skal være {want_nb}; blir ikke brukt"),
                format!("Should be {want_en}; not used"),
            ),
        );
    }

    /// `WRONG_TYPE` for the field `key`, whose value is `j`.
    pub fn wrong(&self, key: &str, j: &Json, need: Need, want: Kind, d: &mut Diags) {
        wrong_type(d, &self.key_path(key), j, need, want);
    }

    pub fn str(&self, key: &str, need: Need, d: &mut Diags) -> Option<&'a str> {
        let j = self.field(key, need, d)?;
        match &j.v {
            JVal::Str(s) => Some(s),
            _ => {
                self.wrong(key, j, need, Kind::Text, d);
                None
            }
        }
    }

    pub fn string(&self, key: &str, need: Need, d: &mut Diags) -> Option<String> {
        Some(self.str(key, need, d)?.to_string())
    }

    pub fn f64(&self, key: &str, need: Need, d: &mut Diags) -> Option<f64> {
        let j = self.field(key, need, d)?;
        match j.v {
            JVal::Num(n) => Some(n),
            _ => {
                self.wrong(key, j, need, Kind::Number, d);
                None
            }
        }
    }

    /// An optional `true`/`false`, false when not there.
    pub fn flag(&self, key: &str, d: &mut Diags) -> bool {
        let Some(j) = self.get(key) else {
            return false;
        };
        match j.v {
            JVal::Bool(b) => b,
            _ => {
                self.wrong(key, j, Need::Optional, Kind::Bool, d);
                false
            }
        }
    }

    /// A year: a whole number from 1 to 9999.
    pub fn year(&self, key: &str, need: Need, d: &mut Diags) -> Option<u16> {
        let j = self.field(key, need, d)?;
        match j.v {
            JVal::Num(n) if n.fract() == 0.0 && (1.0..=9999.0).contains(&n) => Some(n as u16),
            _ => {
                self.wrong(key, j, need, Kind::Year, d);
                None
            }
        }
    }

    /// A list of texts; an item that is not text is reported and left out.
    pub fn strs(&self, key: &str, need: Need, d: &mut Diags) -> Vec<String> {
        let Some(items) = self.list(key, need, Kind::TextList, d) else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, x) in items.iter().enumerate() {
            match &x.v {
                JVal::Str(s) => out.push(s.to_string()),
                _ => wrong_type(d, &path_index(&self.key_path(key), i), x, need, Kind::Text),
            }
        }
        out
    }

    /// A translated text (see [`text`]).
    pub fn text(&self, key: &str, need: Need, d: &mut Diags) -> Option<I18nText> {
        let j = self.field(key, need, d)?;
        text(j, &self.key_path(key), need, d)
    }

    /// A nested object with its path.
    pub fn obj(&self, key: &str, need: Need, d: &mut Diags) -> Option<Obj<'a>> {
        let j = self.field(key, need, d)?;
        match j.v {
            JVal::Obj(_) => Some(Obj::new(j, self.key_path(key))),
            _ => {
                self.wrong(key, j, need, Kind::Object, d);
                None
            }
        }
    }

    /// The items of a list (of objects); `None` when it is not there or
    /// not a list.
    pub fn arr(&self, key: &str, need: Need, d: &mut Diags) -> Option<&'a [Json]> {
        self.list(key, need, Kind::ObjectList, d)
    }

    fn list(&self, key: &str, need: Need, want: Kind, d: &mut Diags) -> Option<&'a [Json]> {
        let j = self.field(key, need, d)?;
        match &j.v {
            JVal::Arr(a) => Some(a),
            _ => {
                self.wrong(key, j, need, want, d);
                None
            }
        }
    }

    /// A list of objects, each with its path (`$.key[i]`); an item that is
    /// not an object is reported and left out.
    pub fn objs(&self, key: &str, need: Need, d: &mut Diags) -> Vec<Obj<'a>> {
        let Some(items) = self.arr(key, need, d) else {
            return Vec::new();
        };
        let base = self.key_path(key);
        let mut out = Vec::with_capacity(items.len());
        for (i, x) in items.iter().enumerate() {
            let path = path_index(&base, i);
            match x.v {
                JVal::Obj(_) => out.push(Obj::new(x, path)),
                _ => wrong_type(d, &path, x, need, Kind::Object),
            }
        }
        out
    }
}

/// A translated text: a string (bokmål) or `{"nb": …, "nn": …, "en": …}`
/// (`"no"` is read as `"nb"`). An object without bokmål is `MISSING_FIELD`;
/// a required one without nynorsk or English is `MISSING_TRANSLATION` (a
/// plain string is bokmål on purpose and is not).
pub fn text(j: &Json, path: &str, need: Need, d: &mut Diags) -> Option<I18nText> {
    match &j.v {
        JVal::Str(s) => Some(I18nText::plain(s.to_string())),
        JVal::Obj(_) => {
            let o = Obj::new(j, path.to_string());
            let nb_key = if o.get("nb").is_some() { "nb" } else { "no" };
            let nb = o.string(nb_key, Need::Optional, d);
            let Some(nb) = nb else {
                d.error(
                    "MISSING_FIELD",
                    &path_key(path, "nb"),
                    j.start,
                    Msg::new(
                        "Mangler bokmålstekst («nb»)",
                        "Missing the bokmål text (\"nb\")",
                    ),
                );
                return None;
            };
            let t = I18nText {
                nb,
                nn: o.string("nn", Need::Optional, d),
                en: o.string("en", Need::Optional, d),
            };
            if need == Need::Required && (t.nn.is_none() || t.en.is_none()) {
                d.warn(
                    "MISSING_TRANSLATION",
                    path,
                    j.start,
                    Msg::new(
                        "Mangler nynorsk eller engelsk tekst; bokmål vises i stedet",
                        "Missing nynorsk or English text; bokmål is shown instead",
                    ),
                );
            }
            Some(t)
        }
        _ => {
            wrong_type(d, path, j, need, Kind::TranslatedText);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;

    fn codes<'a>(d: &'a Diags) -> Vec<(Severity, &'static str, &'a str, (u32, u32))> {
        d.list
            .iter()
            .map(|x| (x.severity, x.code, x.path.as_str(), (x.line, x.col)))
            .collect()
    }

    #[test]
    fn missing_and_wrong_types_are_reported_alike() {
        let src = "{\"a\": \"x\", \"n\": \"2\",\n \"y\": 2020.5, \"l\": [\"p\", 3], \"f\": \"true\", \"z\": null}";
        let root = json::parse(src).unwrap();
        let o = Obj::root(&root);
        let mut d = Diags::new(src);
        assert_eq!(o.str("a", Need::Required, &mut d), Some("x"));
        assert_eq!(o.str("b", Need::Required, &mut d), None);
        assert_eq!(o.str("z", Need::Optional, &mut d), None, "null is absent");
        assert_eq!(o.f64("n", Need::Optional, &mut d), None);
        assert_eq!(o.f64("n", Need::Required, &mut d), None);
        assert_eq!(o.year("y", Need::Optional, &mut d), None);
        assert_eq!(o.strs("l", Need::Optional, &mut d), ["p"]);
        assert!(!o.flag("f", &mut d));
        use Severity::*;
        assert_eq!(
            codes(&d),
            [
                (Error, "MISSING_FIELD", "$.b", (1, 1)),
                (Warning, "WRONG_TYPE", "$.n", (1, 17)),
                (Error, "WRONG_TYPE", "$.n", (1, 17)),
                (Warning, "WRONG_TYPE", "$.y", (2, 7)),
                (Warning, "WRONG_TYPE", "$.l[1]", (2, 26)),
                (Warning, "WRONG_TYPE", "$.f", (2, 35)),
            ]
        );
        assert_eq!(
            d.list[1].message.en,
            "Should be a number, is text; not used"
        );
        assert_eq!(d.list[0].message.nb, "Mangler «b»");
    }

    #[test]
    fn nested_objects_and_lists_carry_their_paths() {
        let src = r#"{"list": [{"id": "a"}, 7, {"x": 1}], "o": {"deep": {"k": 5}}}"#;
        let root = json::parse(src).unwrap();
        let mut d = Diags::new(src);
        let items = Obj::root(&root).objs("list", Need::Optional, &mut d);
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].path, "$.list[2]");
        assert_eq!(items[1].str("id", Need::Required, &mut d), None);
        let deep = Obj::root(&root)
            .obj("o", Need::Required, &mut d)
            .and_then(|o| o.obj("deep", Need::Required, &mut d))
            .unwrap();
        assert_eq!(deep.str("k", Need::Optional, &mut d), None);
        let got: Vec<_> = d.list.iter().map(|x| (x.code, x.path.as_str())).collect();
        assert_eq!(
            got,
            [
                ("WRONG_TYPE", "$.list[1]"),
                ("MISSING_FIELD", "$.list[2].id"),
                ("WRONG_TYPE", "$.o.deep.k"),
            ]
        );
    }

    #[test]
    fn one_decoder_of_translated_text() {
        let src = r#"{"plain": "Tekst", "full": {"nb": "a", "nn": "b", "en": "c"},
            "no": {"no": "gammel", "en": "old"}, "odd": {"nb": "a", "nn": 5, "en": "c"},
            "none": {"en": "only"}, "num": 12}"#;
        let root = json::parse(src).unwrap();
        let o = Obj::root(&root);
        let mut d = Diags::new(src);
        let t = |k: &str, need: Need, d: &mut Diags| o.text(k, need, d);
        assert_eq!(
            t("plain", Need::Required, &mut d),
            Some(I18nText::plain("Tekst"))
        );
        assert_eq!(
            t("full", Need::Required, &mut d)
                .unwrap()
                .get(crate::i18n::Lang::Nn),
            "b"
        );
        assert_eq!(t("no", Need::Optional, &mut d).unwrap().nb, "gammel");
        assert_eq!(t("odd", Need::Optional, &mut d).unwrap().nn, None);
        assert_eq!(t("none", Need::Optional, &mut d), None);
        assert_eq!(t("num", Need::Optional, &mut d), None);
        assert_eq!(t("no", Need::Required, &mut d).unwrap().en.unwrap(), "old");
        let got: Vec<_> = d
            .list
            .iter()
            .map(|x| (x.severity, x.code, x.path.as_str()))
            .collect();
        use Severity::*;
        assert_eq!(
            got,
            [
                (Warning, "WRONG_TYPE", "$.odd.nn"),
                (Error, "MISSING_FIELD", "$.none.nb"),
                (Warning, "WRONG_TYPE", "$.num"),
                (Warning, "MISSING_TRANSLATION", "$.no"),
            ]
        );
    }
}

//! The report's prose as data (`innsyn-report/1`, the build's
//! `data/report.json`): its title, the law it answers, the seven chapters
//! of Bufdir's outline with guidance and questions, and the themes of
//! chapter 4 with the indicators each shows. Every text in nb, nn and en.
//! Documented in `docs/data-format.md`.

use crate::diag::{Diagnostic, Diags};
use crate::fields::{self, Need::*, Obj};
use crate::json::{self, ParseError};
use crate::model::I18nText;

pub const FORMAT: &str = "innsyn-report/1";

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Template {
    pub title: I18nText,
    /// Under the title on the cover: a draft, to edit.
    pub subtitle: I18nText,
    /// What the law asks and how the chapters follow Bufdir's guide.
    pub law: I18nText,
    /// Where the municipality writes («Skriv her.»).
    pub write_here: I18nText,
    /// The label of a publisher's own figures.
    pub own_figures: I18nText,
    pub sections: Vec<Section>,
    pub themes: Vec<ThemeDef>,
}

/// A chapter: its guidance and questions, and what Innsyn fills in.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub id: String,
    pub number: u8,
    pub title: I18nText,
    /// What belongs in the chapter.
    pub guidance: Vec<I18nText>,
    /// Questions the chapter should answer.
    pub questions: Vec<I18nText>,
    pub fill: Fill,
}

/// What Innsyn puts into a chapter beside its guidance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    /// Nothing: the municipality writes it.
    Nothing,
    /// The key facts from the figures (the summary).
    Facts,
    /// The service and its organisation, from the registry.
    Organisation,
    /// The themes with figures.
    Themes,
}

/// A theme of chapter 4.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeDef {
    pub id: String,
    pub title: I18nText,
    /// Catalog indicator ids, in the order shown.
    pub indicators: Vec<String>,
    /// Where SSB publishes the theme's figures.
    pub where_: I18nText,
    pub intro: I18nText,
    /// Questions councillors can ask the administration.
    pub questions: Vec<I18nText>,
}

/// Every text of a list, each required in nb, nn and en.
fn texts(o: &Obj, key: &str, d: &mut Diags) -> Vec<I18nText> {
    let Some(items) = o.arr(key, Optional, d) else {
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .filter_map(|(i, j)| {
            fields::text(
                j,
                &crate::diag::path_index(&o.key_path(key), i),
                Required,
                d,
            )
        })
        .collect()
}

/// Reads a report template. A chapter or theme that cannot be read is
/// reported and left out.
pub fn parse(src: &str) -> Result<(Template, Vec<Diagnostic>), ParseError> {
    let json = json::parse(src)?;
    let mut d = Diags::new(src);
    let d = &mut d;
    let root = Obj::root(&json);
    fields::format(&root, FORMAT, "En rapportmal", "A report template", d);
    let text = |key: &str, d: &mut Diags| root.text(key, Required, d).unwrap_or_default();
    let mut t = Template {
        title: text("title", d),
        subtitle: text("subtitle", d),
        law: text("law", d),
        write_here: text("write_here", d),
        own_figures: text("own_figures", d),
        ..Default::default()
    };
    for s in root.objs("sections", Required, d) {
        let (Some(id), Some(title)) = (s.string("id", Required, d), s.text("title", Required, d))
        else {
            continue;
        };
        let number = s.f64("number", Required, d).unwrap_or(0.0);
        let fill = match (
            s.flag("facts", d),
            s.flag("organisation", d),
            s.flag("themes", d),
        ) {
            (true, _, _) => Fill::Facts,
            (_, true, _) => Fill::Organisation,
            (_, _, true) => Fill::Themes,
            _ => Fill::Nothing,
        };
        t.sections.push(Section {
            id,
            number: number.clamp(0.0, 99.0) as u8,
            title,
            guidance: texts(&s, "guidance", d),
            questions: texts(&s, "questions", d),
            fill,
        });
    }
    for th in root.objs("themes", Required, d) {
        let (Some(id), Some(title)) = (th.string("id", Required, d), th.text("title", Required, d))
        else {
            continue;
        };
        t.themes.push(ThemeDef {
            id,
            title,
            indicators: th.strs("indicators", Required, d),
            where_: th.text("where", Required, d).unwrap_or_default(),
            intro: th.text("intro", Optional, d).unwrap_or_default(),
            questions: texts(&th, "questions", d),
        });
    }
    let list = std::mem::take(&mut d.list);
    Ok((t, list))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_template_reads_clean_and_has_bufdirs_seven_chapters() {
        let src = include_str!("../../../../public/data/report.json");
        let (t, diags) = parse(src).unwrap();
        assert!(diags.is_empty(), "{diags:#?}");
        let numbers: Vec<u8> = t.sections.iter().map(|s| s.number).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5, 6, 7]);
        let fills: Vec<Fill> = t.sections.iter().map(|s| s.fill).collect();
        use Fill::*;
        assert_eq!(
            fills,
            [
                Facts,
                Nothing,
                Organisation,
                Themes,
                Nothing,
                Nothing,
                Nothing
            ]
        );
        assert_eq!(t.themes.len(), 6);
        assert!(t.themes.iter().all(|th| !th.questions.is_empty()));
    }

    #[test]
    fn a_broken_template_says_where() {
        let src = r#"{"format": "innsyn-report/1", "title": {"nb": "T"}, "subtitle": "S",
            "law": "L", "write_here": "W", "own_figures": "O",
            "sections": [{"number": 1, "title": "Uten id"},
                         {"id": "a", "number": 2, "title": {"nb": "A", "nn": "A", "en": "A"}, "guidance": [3]}],
            "themes": [{"id": "t", "title": {"nb": "T", "nn": "T", "en": "T"}, "indicators": ["x"],
                        "where": {"nb": "W", "nn": "W", "en": "W"}}]}"#;
        let (t, diags) = parse(src).unwrap();
        let codes: Vec<(&str, &str)> = diags.iter().map(|d| (d.code, d.path.as_str())).collect();
        assert!(
            codes.contains(&("MISSING_FIELD", "$.sections[0].id")),
            "{codes:?}"
        );
        assert!(
            codes.iter().any(|(_, p)| *p == "$.sections[1].guidance[0]"),
            "{codes:?}"
        );
        assert!(
            codes
                .iter()
                .any(|(c, p)| *c == "MISSING_TRANSLATION" && *p == "$.title"),
            "{codes:?}"
        );
        assert_eq!(t.sections.len(), 1);
        assert_eq!(t.themes[0].indicators, ["x"]);
        assert!(parse("[").is_err());
    }
}

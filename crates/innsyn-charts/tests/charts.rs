//! The charts as drawn once and then written in a language: no word of any
//! language in what is drawn, so a language switch changes only numbers.

use innsyn_charts::{line_style, lines, ranking};
use innsyn_core::chart::changed_texts;
use innsyn_core::i18n::Lang;
use innsyn_core::model::{I18nText, IndicatorMeta};
use innsyn_core::present::{RankRow, Ranking};
use innsyn_core::status::Status;

fn row(name: &str, value: Option<f64>, status: Option<&str>) -> RankRow {
    RankRow {
        id: name.into(),
        name: name.into(),
        code: name.into(),
        value,
        status: status.map(Status::parse),
    }
}

fn three() -> Ranking {
    Ranking {
        period: "2024".into(),
        rows: vec![
            row("Hamar", Some(20730.5), None),
            row("Os & Våler", Some(1234.0), None),
            row("Engerdal", None, Some(":")),
        ],
        meta: IndicatorMeta {
            title: I18nText {
                nb: "Netto driftsutgifter".into(),
                nn: None,
                en: Some("Net operating expenditure".into()),
            },
            decimals: 1,
            ..Default::default()
        },
    }
}

#[test]
fn a_ranking_is_drawn_without_words_and_written_in_each_language() {
    let drawn = ranking(&three(), 600.0).unwrap();
    let (nb, en) = (drawn.in_lang(Lang::Nb), drawn.in_lang(Lang::En));
    for svg in [&nb, &en] {
        // The places' own names, a missing value's symbol; no title.
        assert!(svg.contains(">Engerdal (:)<"), "{svg}");
        assert!(!svg.contains("Netto") && !svg.contains("Net operating"));
    }
    assert!(
        nb.contains(">20\u{a0}730,5<") && nb.contains(">1\u{a0}234,0<"),
        "{nb}"
    );
    assert!(
        en.contains(">20,730.5<") && en.contains(">1,234.0<"),
        "{en}"
    );
    // From one language to the other only texts change, and only numbers.
    let changed = changed_texts(&nb, &en).expect("the same markup");
    assert!(changed.len() >= 2);
    assert!(changed.iter().all(|(_, t)| t
        .bytes()
        .all(|b| b.is_ascii_digit() || b".,-k".contains(&b))));
}

type Points = Vec<(String, Option<f64>)>;

fn points(values: &[Option<f64>]) -> Points {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| ((2015 + i).to_string(), *v))
        .collect()
}

#[test]
fn lines_name_their_series_only_in_a_file() {
    let (own, other) = (
        points(&[Some(1.5), Some(2.25), None, Some(3.0)]),
        points(&[Some(2.0), Some(2.5), Some(2.75), Some(3.5)]),
    );
    let series = [
        ("Hedmark (beregnet)", own.as_slice()),
        ("Landet", other.as_slice()),
    ];
    let page = lines(&series, &[2], 600.0, 240.0, false).unwrap();
    let file = lines(&series, &[2], 600.0, 240.0, true).unwrap();
    let (nb, en) = (page.in_lang(Lang::Nb), page.in_lang(Lang::En));
    assert!(!nb.contains("Hedmark") && !nb.contains("Landet"), "{nb}");
    let named = file.in_lang(Lang::Nb);
    assert!(
        named.contains(">Hedmark (beregnet)<") && named.contains(">Landet<"),
        "{named}"
    );
    // The break is marked in both; the numbers are the language's.
    assert!(nb.contains("class=\"breaks\"") && en.contains("class=\"breaks\""));
    assert!(nb.contains(">2,4<") && en.contains(">2.4<"), "{nb}\n{en}");
    assert!(changed_texts(&nb, &en).is_some_and(|c| !c.is_empty()));
    // Names alone never redraw the page's chart.
    let renamed = [
        ("Hedmark (computed)", own.as_slice()),
        ("Norway", other.as_slice()),
    ];
    assert_eq!(lines(&renamed, &[2], 600.0, 240.0, false).unwrap(), page);
    // No number at all: no chart.
    let empty = points(&[None, None]);
    assert!(lines(&[("x", empty.as_slice())], &[], 600.0, 240.0, false).is_err());
}

#[test]
fn the_legend_beside_a_chart_draws_each_line_as_the_chart_does() {
    let (first, none) = line_style(0);
    assert_eq!((first.as_str(), none), ("#1f4e8c", None));
    let styles: Vec<_> = (1..4).map(line_style).collect();
    for (colour, dash) in &styles {
        assert!(colour.starts_with('#') && colour.len() == 7 && *colour != first);
        assert!(dash.is_some());
    }
    // Three further lines differ by dash as well as colour; then they repeat.
    assert_ne!(styles[0].1, styles[1].1);
    assert_ne!(styles[1].1, styles[2].1);
    assert_eq!(line_style(4), line_style(1));
}

#[test]
fn names_from_a_file_are_text_in_the_svg_escaped_once() {
    let mut r = three();
    r.rows[0].name = r#"<script>alert("x")</script> & b"#.into();
    let svg = ranking(&r, 600.0).unwrap().in_lang(Lang::Nb);
    assert!(!svg.contains("<script"), "{svg}");
    assert!(
        svg.contains(">&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; b<"),
        "{svg}"
    );
    assert!(svg.contains(">Os &amp; Våler<"), "{svg}");
    let p = points(&[Some(1.0), Some(2.0)]);
    let series = [
        (r#"<img src=x onerror="y">"#, p.as_slice()),
        ("b", p.as_slice()),
    ];
    let named = lines(&series, &[], 600.0, 240.0, true)
        .unwrap()
        .in_lang(Lang::Nb);
    assert!(!named.contains("<img"), "{named}");
    assert!(
        named.contains(">&lt;img src=x onerror=\"y\"&gt;<"),
        "{named}"
    );
}

//! What a chart needs besides charts-rs, kept here so it is tested natively:
//! the width a chart is drawn at, and the numbers in its SVG written the way
//! the page's language writes them. `src/charts.rs` (the only caller of
//! charts-rs) applies them to the SVG charts-rs draws.

use crate::i18n::{format_number, Lang};

/// The width a chart is drawn at: the panel's inner width (page and panel
/// padding taken off), so its text keeps its size on phones and desktops.
pub fn chart_width(viewport: f64) -> f32 {
    let padding = if viewport >= 768.0 {
        2.0 * 16.0 + 2.0 * 24.0
    } else {
        4.0 * 16.0
    };
    (viewport.min(72.0 * 16.0) - padding).clamp(256.0, 1088.0) as f32
}

/// Rewrites every SVG text node that is only a number (axis ticks, value
/// labels) the way `lang` writes numbers: `28,1` and `20 730` in Norwegian.
/// Integers of up to four digits stay as written, so years read `2017`
/// (Norwegian typography allows `2073` without a space). With `labels`,
/// the value labels (the `<text>`s with a `dx`, which axis ticks have not)
/// get that many decimals: charts-rs drops trailing zeros ("56"), the
/// figure keeps its decimals ("56,0").
pub fn localize(svg: &str, lang: Lang, labels: Option<u8>) -> String {
    let mut out = String::with_capacity(svg.len() + 64);
    let mut rest = svg;
    while let Some(gt) = rest.find('>') {
        let label = labels.filter(|_| rest[..gt].contains(" dx="));
        out.push_str(&rest[..=gt]);
        rest = &rest[gt + 1..];
        let end = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..end];
        let t = text.trim();
        // charts-rs writes large ticks in thousands or millions: "2.1k", "1.6M".
        let scaled = ['k', 'M'].into_iter().find_map(|suffix| {
            let n = t.strip_suffix(suffix)?;
            (n.contains('.') && n.parse::<f64>().is_ok()).then_some((n, suffix))
        });
        if let Some((n, suffix)) = scaled {
            let decimals = n.split_once('.').map_or(0, |(_, f)| f.len()) as u8;
            out.push_str(&format_number(
                n.parse().unwrap_or_default(),
                decimals,
                lang,
            ));
            out.push(suffix);
            rest = &rest[end..];
            continue;
        }
        match t.parse::<f64>() {
            Ok(v) if label.is_some() => out.push_str(&format_number(v, label.unwrap_or(0), lang)),
            Ok(_) if t.trim_start_matches('-').len() <= 4 && !t.contains('.') => out.push_str(text),
            Ok(v)
                if !t.is_empty()
                    && t.bytes()
                        .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-') =>
            {
                let decimals = t.split_once('.').map_or(0, |(_, f)| f.len()) as u8;
                out.push_str(&format_number(v, decimals, lang));
            }
            _ => out.push_str(text),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Marks breaks on a line chart of `categories` periods: at each
/// `(index, number)` a dashed vertical line on the boundary before that
/// period (between the two points it separates) with its number at the
/// top, which the figure's text explains. The positions are read from
/// charts-rs's x axis (`M{x} {y}h{width}`, one tick per boundary) and its
/// topmost grid line; a chart without them is returned unmarked.
pub fn mark_breaks(svg: &str, categories: usize, breaks: &[(usize, usize)]) -> String {
    let nums = |s: &str| -> Option<(f32, f32, f32)> {
        let (x, rest) = s.split_once(' ')?;
        let (y, rest) = rest.split_once('h')?;
        let w = rest
            .split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .next()?;
        Some((x.parse().ok()?, y.parse().ok()?, w.parse().ok()?))
    };
    let path_after = |marker: &str| {
        let at = svg.find(marker)? + marker.len();
        nums(&svg[at..])
    };
    let (Some((x0, axis, w)), Some((_, top, _))) = (
        path_after(r##"<g stroke="#6E7079"><path d="M"##),
        path_after(r##"<g stroke="#E0E6F2"><path d="M"##),
    ) else {
        return svg.to_string();
    };
    let Some(end) = svg
        .rfind("</svg>")
        .filter(|_| categories > 0 && !breaks.is_empty())
    else {
        return svg.to_string();
    };
    let mut marks = String::new();
    for &(i, n) in breaks {
        let x = x0 + w * i as f32 / categories as f32;
        marks.push_str(&format!(
            r##"<path d="M{x:.1} {top}V{axis}" stroke="#1b1f24" stroke-width="1.5" stroke-dasharray="4 3"/><text x="{:.1}" y="{:.1}" font-size="12" font-weight="700" fill="#1b1f24" stroke="#fff" stroke-width="3" paint-order="stroke">{n}</text>"##,
            x + 3.0,
            top + 11.0
        ));
    }
    format!(
        "{}<g class=\"breaks\">{marks}</g>{}",
        &svg[..end],
        &svg[end..]
    )
}

/// What changes from chart `old` to chart `new` when only the words and
/// numbers of their `<text>` elements differ (a language switch): each
/// changed element's position among the chart's `<text>` elements and its
/// new content as text (entities decoded). `None` when anything else
/// differs: then the chart is drawn anew. So a language switch rewrites a
/// few text nodes instead of making the browser parse every chart again.
pub fn changed_texts(old: &str, new: &str) -> Option<Vec<(usize, String)>> {
    let (a, b) = (old.split("</text>"), new.split("</text>"));
    if a.clone().count() != b.clone().count() {
        return None;
    }
    let mut changed = Vec::new();
    let mut pieces = a.zip(b).enumerate().peekable();
    while let Some((i, (x, y))) = pieces.next() {
        if pieces.peek().is_none() {
            // After the last text element: markup only.
            return (x == y).then_some(changed);
        }
        let (mx, tx) = x.split_at(x.rfind('>')? + 1);
        let (my, ty) = y.split_at(y.rfind('>')? + 1);
        if mx != my || !mx.contains("<text") {
            return None;
        }
        if tx != ty {
            changed.push((i, unescape(ty)));
        }
    }
    Some(changed)
}

/// The text an SVG text node's content stands for (the inverse of
/// `export::svg::esc`).
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_numbers_are_written_the_norwegian_way() {
        let svg = r#"<svg><text x="1.5">20730</text><text>28.1</text><text>Os 1.2</text><text>-3.25</text><text>2017</text></svg>"#;
        assert_eq!(
            localize(svg, Lang::Nb, None),
            "<svg><text x=\"1.5\">20\u{a0}730</text><text>28,1</text><text>Os 1.2</text><text>-3,25</text><text>2017</text></svg>"
        );
        assert_eq!(
            localize(svg, Lang::En, None),
            svg.replace("20730", "20,730")
        );
        assert_eq!(
            localize(
                "<text>2.1k</text><text>350</text><text>1.6M</text>",
                Lang::Nb,
                None
            ),
            "<text>2,1k</text><text>350</text><text>1,6M</text>"
        );
    }

    #[test]
    fn bar_labels_keep_the_figures_decimals() {
        let svg = r#"<svg><text x="15" y="117">60</text><text x="9" dx="3" dy="5">56</text><text dx="3">43.25</text><text dx="3">2073</text></svg>"#;
        assert_eq!(
            localize(svg, Lang::Nb, Some(2)),
            "<svg><text x=\"15\" y=\"117\">60</text><text x=\"9\" dx=\"3\" dy=\"5\">56,00</text><text dx=\"3\">43,25</text><text dx=\"3\">2\u{a0}073,00</text></svg>"
        );
        assert!(localize(svg, Lang::En, Some(1)).contains(">56.0<"));
        // Without a figure's decimals, labels stay as charts-rs wrote them.
        let plain = localize(svg, Lang::Nb, None);
        assert!(
            plain.contains(">56<") && plain.contains(">43,25<"),
            "{plain}"
        );
    }

    #[test]
    fn text_that_is_not_only_a_number_is_left_as_it_is() {
        for svg in [
            "",
            "no markup 1234.5",
            "<text>1.2.3</text><text>1e5</text><text>k</text><text>.k</text>",
            "<text>unterminated 12.5",
            "<g>></g><text>-</text>",
        ] {
            assert_eq!(localize(svg, Lang::Nb, None), svg, "{svg}");
        }
    }

    #[test]
    fn breaks_are_marked_on_the_boundary_before_their_period() {
        // As charts-rs 2.3 draws a line chart of 2015–2025 at 600 px.
        let svg = r##"<svg width="600"><g stroke="#E0E6F2"><path d="M26 27h569M26 56.7h569"/></g><g stroke="#6E7079"><path d="M26 205h569M26 205v5M77.7 205v5"/></g></svg>"##;
        let out = mark_breaks(svg, 11, &[(5, 1), (7, 2)]);
        // 2020 is the sixth period: its boundary is the sixth tick, 26 + 569 × 5/11.
        assert!(out.contains(r##"<path d="M284.6 27V205""##), "{out}");
        assert!(out.contains(r##"<path d="M388.1 27V205""##), "{out}");
        assert!(out.contains(">1</text>") && out.contains(">2</text>"));
        assert!(out.ends_with("</g></svg>"));
        // Nothing to mark, or no axis to read: unchanged.
        assert_eq!(mark_breaks(svg, 11, &[]), svg);
        assert_eq!(mark_breaks("<svg></svg>", 11, &[(5, 1)]), "<svg></svg>");
    }

    #[test]
    fn charts_are_drawn_at_the_width_they_are_shown() {
        assert_eq!(chart_width(375.0), 311.0);
        assert_eq!(chart_width(1280.0), 72.0 * 16.0 - 80.0);
        assert_eq!(chart_width(200.0), 256.0);
        // From 768 px the panel has its own padding; never wider than 1088.
        assert_eq!(chart_width(768.0), 768.0 - 80.0);
        assert_eq!(chart_width(767.0), 767.0 - 64.0);
        assert_eq!(chart_width(10_000.0), 72.0 * 16.0 - 80.0);
    }

    #[test]
    fn a_language_switch_changes_only_the_texts_that_differ() {
        let nb = r#"<svg><g><text x="1">2017</text><text dx="3">1&#160;234,5</text></g><text x="9">Os &amp; Våler</text></svg>"#;
        let en = r#"<svg><g><text x="1">2017</text><text dx="3">1,234.5</text></g><text x="9">Os &amp; Våler</text></svg>"#;
        assert_eq!(
            changed_texts(nb, en),
            Some(vec![(1, "1,234.5".to_string())])
        );
        assert_eq!(changed_texts(en, en), Some(vec![]));
        let renamed = en.replace("Os &amp; Våler", "&lt;b&gt; &quot;x&quot; &#39;y&#39;");
        assert_eq!(
            changed_texts(en, &renamed),
            Some(vec![(2, r#"<b> "x" 'y'"#.to_string())])
        );
        // The real thing: a chart drawn in nb and localized in en.
        let real = nb.replace("1&#160;234,5", "1234.5");
        let (a, b) = (
            localize(&real, Lang::Nb, Some(1)),
            localize(&real, Lang::En, Some(1)),
        );
        assert_eq!(changed_texts(&a, &b), Some(vec![(1, "1,234.5".into())]));
    }

    #[test]
    fn any_other_difference_draws_the_chart_anew() {
        let svg = r#"<svg><text x="1">a</text><text x="2">b</text></svg>"#;
        for other in [
            r#"<svg><text x="1">a</text><text x="3">b</text></svg>"#,
            r#"<svg><text x="1">a</text></svg>"#,
            r#"<svg><text x="1">a</text><text x="2">b</text><text x="2">c</text></svg>"#,
            r#"<svg><text x="1">a</text><text x="2">b</text></svg><g/>"#,
            r#"<svg width="2"><text x="1">a</text><text x="2">b</text></svg>"#,
            // Markup inside an element's text is markup.
            r#"<svg><text x="1">a</text><text x="2"><tspan>b</tspan></text></svg>"#,
            "",
        ] {
            assert_eq!(changed_texts(svg, other), None, "{other}");
        }
        // Without text elements the charts are the same or not.
        assert_eq!(changed_texts("<svg/>", "<svg/>"), Some(vec![]));
        assert_eq!(changed_texts("<svg/>", "<svg></svg>"), None);
        assert_eq!(changed_texts("a</text>", "b</text>"), None);
    }
}

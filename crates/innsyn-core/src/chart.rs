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
/// (Norwegian typography allows `2073` without a space).
pub fn localize_numbers(svg: &str, lang: Lang) -> String {
    localize(svg, lang, None)
}

/// The same, and the value labels (the `<text>`s with a `dx`, which axis
/// ticks have not) with `labels` decimals: charts-rs drops trailing zeros
/// ("56"), the figure keeps its decimals ("56,0").
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
        // charts-rs writes large ticks in thousands: "2.1k".
        if let Some(n) = t
            .strip_suffix('k')
            .filter(|n| n.contains('.') && n.parse::<f64>().is_ok())
        {
            let decimals = n.split_once('.').map_or(0, |(_, f)| f.len()) as u8;
            out.push_str(&format_number(
                n.parse().unwrap_or_default(),
                decimals,
                lang,
            ));
            out.push('k');
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_numbers_are_written_the_norwegian_way() {
        let svg = r#"<svg><text x="1.5">20730</text><text>28.1</text><text>Os 1.2</text><text>-3.25</text><text>2017</text></svg>"#;
        assert_eq!(
            localize_numbers(svg, Lang::Nb),
            "<svg><text x=\"1.5\">20\u{a0}730</text><text>28,1</text><text>Os 1.2</text><text>-3,25</text><text>2017</text></svg>"
        );
        assert_eq!(
            localize_numbers(svg, Lang::En),
            svg.replace("20730", "20,730")
        );
        assert_eq!(
            localize_numbers("<text>2.1k</text><text>350</text>", Lang::Nb),
            "<text>2,1k</text><text>350</text>"
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
        assert_eq!(
            localize(svg, Lang::Nb, None),
            localize_numbers(svg, Lang::Nb)
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
            assert_eq!(localize_numbers(svg, Lang::Nb), svg, "{svg}");
        }
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
}

//! A chart as a file of its own: the chart's SVG inside a frame that
//! carries its title, unit, the demonstration label for made-up figures
//! and the source lines, so a copied image never loses them. The PNG is
//! drawn in the browser from this same SVG.

/// The texts around a chart.
pub struct Frame<'a> {
    pub title: &'a str,
    /// The unit line under the title.
    pub subtitle: &'a str,
    /// «Fiktive tall – kun til demonstrasjon», for demonstration figures.
    pub demo: Option<&'a str>,
    /// Source, file, dates, notes: under the chart.
    pub footer: &'a [String],
}

const PAD: f32 = 12.0;
const FONT: &str = "Roboto, Arial, Helvetica, sans-serif";

/// The width and height of an SVG from its root element's attributes.
pub fn size(svg: &str) -> Option<(f32, f32)> {
    let root = &svg[svg.find("<svg")?..];
    let root = &root[..root.find('>')?];
    let attr = |name: &str| -> Option<f32> {
        let at = root.find(&format!(" {name}=\""))? + name.len() + 3;
        root[at..]
            .split('"')
            .next()?
            .trim_end_matches("px")
            .parse()
            .ok()
    };
    Some((attr("width")?, attr("height")?))
}

/// Escapes text for an SVG text node or attribute.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// `text` broken at spaces into lines of at most `chars` characters (a
/// word longer than that stays whole).
pub fn wrap(text: &str, chars: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > chars {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The chart `chart` (an SVG with `width` and `height`) framed by `f`, on
/// a white ground, as one standalone SVG; `None` when the chart's size
/// cannot be read.
pub fn framed(chart: &str, f: &Frame) -> Option<String> {
    let (w, h) = size(chart)?;
    // About 0.55 em a character in this face.
    let per_line = |size: f32| (((w - 2.0 * PAD) / (size * 0.55)) as usize).max(20);
    let mut body = String::new();
    let mut y = PAD;
    let text = |body: &mut String, y: &mut f32, s: &str, size: f32, extra: &str| {
        for line in wrap(s, per_line(size)) {
            *y += size * 1.25;
            body.push_str(&format!(
                "<text x=\"{PAD}\" y=\"{:.1}\" font-size=\"{size}\"{extra}>{}</text>",
                *y - size * 0.25,
                esc(&line)
            ));
        }
    };
    text(&mut body, &mut y, f.title, 16.0, " font-weight=\"bold\"");
    text(&mut body, &mut y, f.subtitle, 12.0, " fill=\"#3d4550\"");
    if let Some(d) = f.demo {
        text(
            &mut body,
            &mut y,
            d,
            13.0,
            " font-weight=\"bold\" fill=\"#8a1c00\"",
        );
    }
    y += PAD / 2.0;
    body.push_str(&format!("<g transform=\"translate(0 {y:.1})\">{chart}</g>"));
    y += h + PAD / 2.0;
    for line in f.footer {
        text(&mut body, &mut y, line, 11.0, " fill=\"#3d4550\"");
    }
    y += PAD;
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{y:.0}\" viewBox=\"0 0 {w} {y:.0}\" font-family=\"{FONT}\" fill=\"#1b1f24\"><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>{body}</svg>"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHART: &str = "<svg width=\"300\" height=\"120\" viewBox=\"0 0 300 120\" xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>";

    #[test]
    fn the_frame_carries_title_unit_demo_label_and_source() {
        let footer = vec!["Kilde: Statistisk sentralbyrå, tabell 12275 (NLOD) & <co>".to_string()];
        let s = framed(
            CHART,
            &Frame {
                title: "Barn med tiltak 2024",
                subtitle: "Enhet: per 1000 barn",
                demo: Some("Fiktive tall – kun til demonstrasjon"),
                footer: &footer,
            },
        )
        .unwrap();
        assert!(s.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\""));
        for t in [
            "Barn med tiltak 2024",
            "Enhet: per 1000 barn",
            "Fiktive tall – kun til demonstrasjon",
            "&amp; &lt;co&gt;",
        ] {
            assert!(s.contains(t), "{t} in {s}");
        }
        assert!(s.contains(CHART));
        let (w, h) = size(&s).unwrap();
        assert_eq!(w, 300.0);
        assert!(h > 120.0 + 16.0 * 1.25 + 12.0 * 1.25 + 13.0 * 1.25, "{h}");
        assert!(!s.contains("<script"));
    }

    #[test]
    fn long_lines_wrap_at_spaces() {
        assert_eq!(
            wrap("Kilde: Statistisk sentralbyrå tabell", 20),
            ["Kilde: Statistisk", "sentralbyrå tabell"]
        );
        assert_eq!(
            wrap("Langtordutenmellomrom kort", 5),
            ["Langtordutenmellomrom", "kort"]
        );
        assert!(wrap("   ", 10).is_empty());
    }

    #[test]
    fn a_chart_without_a_size_is_not_framed() {
        assert_eq!(size("<svg viewBox=\"0 0 1 1\"></svg>"), None);
        assert!(framed(
            "<g/>",
            &Frame {
                title: "",
                subtitle: "",
                demo: None,
                footer: &[]
            }
        )
        .is_none());
    }
}

/// The map's five classes as fills with the text colour on each (the same
/// as `public/style.css`'s `.c0`–`.c4`), and the fill of "no figure".
pub const CLASS_FILLS: [(&str, &str); 5] = [
    ("#ffffcc", "#1b1f24"),
    ("#a1dab4", "#1b1f24"),
    ("#41b6c4", "#1b1f24"),
    ("#225ea8", "#ffffff"),
    ("#0c2c84", "#ffffff"),
];
const MISSING_FILL: &str = "#e9ecf0";

/// One place on a map: its class (`None`: no figure), and either its
/// square on the tile map (column, row, short name, value as text) or its
/// shape (SVG path data).
pub struct Place<'a> {
    pub class: Option<usize>,
    pub tile: Option<(u8, u8, &'a str, &'a str)>,
    pub path: Option<&'a str>,
}

/// A map as a standalone SVG `width` wide: the tiles (squares with their
/// short name and value) or the shapes (drawn in a `0 0 600 height` box),
/// then the legend, one swatch and text per class and "no figure" — so a
/// downloaded map tells its classes in words, not by colour alone — and
/// the map's attribution.
pub fn map(
    places: &[Place],
    shapes_height: Option<f32>,
    legend: &[(Option<usize>, String)],
    attribution: &str,
) -> String {
    let fill = |c: Option<usize>| c.map_or((MISSING_FILL, "#1b1f24"), |c| CLASS_FILLS[c.min(4)]);
    let mut body = String::new();
    let (w, mut y) = match shapes_height {
        Some(h) => {
            for p in places {
                if let Some(d) = p.path {
                    let dash = if p.class.is_none() {
                        " stroke-dasharray=\"3 2\""
                    } else {
                        ""
                    };
                    body.push_str(&format!(
                        "<path d=\"{}\" fill=\"{}\" stroke=\"#6b7380\" stroke-width=\"0.8\"{dash}/>",
                        esc(d),
                        fill(p.class).0
                    ));
                }
            }
            (600.0, h)
        }
        None => {
            let cell = 46.0;
            let (mut cols, mut rows) = (0u8, 0u8);
            for p in places {
                if let Some((col, row, abbr, value)) = p.tile {
                    cols = cols.max(col + 1);
                    rows = rows.max(row + 1);
                    let (x, y) = (col as f32 * cell, row as f32 * cell);
                    let (bg, ink) = fill(p.class);
                    body.push_str(&format!(
                        "<rect x=\"{x}\" y=\"{y}\" width=\"43\" height=\"43\" rx=\"3\" fill=\"{bg}\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"{ink}\">{}</text><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\" fill=\"{ink}\">{}</text>",
                        x + 21.5, y + 19.0, esc(abbr), x + 21.5, y + 32.0, esc(value)
                    ));
                }
            }
            ((cols as f32 * cell).max(300.0), rows as f32 * cell)
        }
    };
    for (class, text) in legend {
        y += 20.0;
        body.push_str(&format!(
            "<rect x=\"0\" y=\"{:.1}\" width=\"14\" height=\"14\" fill=\"{}\" stroke=\"#6b7380\" stroke-width=\"0.5\"/><text x=\"20\" y=\"{:.1}\" font-size=\"12\">{}</text>",
            y - 12.0,
            fill(*class).0,
            y,
            esc(text)
        ));
    }
    y += 20.0;
    body.push_str(&format!(
        "<text x=\"0\" y=\"{y:.1}\" font-size=\"11\">{}</text>",
        esc(attribution)
    ));
    y += 8.0;
    // The frame's margin on both sides.
    let w = w + 2.0 * PAD;
    format!("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{y:.0}\" viewBox=\"0 0 {w} {y:.0}\"><g transform=\"translate({PAD} 0)\">{body}</g></svg>")
}

#[cfg(test)]
mod map_tests {
    use super::*;

    #[test]
    fn a_map_carries_its_values_and_legend_as_text() {
        let places = [
            Place {
                class: Some(4),
                tile: Some((0, 0, "HAM", "52,3")),
                path: None,
            },
            Place {
                class: None,
                tile: Some((2, 1, "VÅL", ":")),
                path: None,
            },
        ];
        let legend = vec![
            (Some(0), "under 20,0".to_string()),
            (None, "mangler tall".to_string()),
        ];
        let s = map(&places, None, &legend, "© Kartverket");
        for t in [
            "HAM",
            "52,3",
            "VÅL",
            ">:<",
            "under 20,0",
            "mangler tall",
            "#0c2c84",
            MISSING_FILL,
            "© Kartverket",
        ] {
            assert!(s.contains(t), "{t} in {s}");
        }
        assert_eq!(size(&s).map(|(w, _)| w), Some(324.0));
        let shapes = [Place {
            class: Some(1),
            tile: None,
            path: Some("M0 0L10 10Z"),
        }];
        let s = map(&shapes, Some(400.0), &legend, "");
        assert!(s.contains("<path d=\"M0 0L10 10Z\" fill=\"#a1dab4\""));
        assert_eq!(size(&s).map(|(w, _)| w), Some(624.0));
    }

    #[test]
    fn the_fills_are_the_stylesheets() {
        let css = include_str!("../../../../public/style.css");
        for (k, (bg, ink)) in CLASS_FILLS.iter().enumerate() {
            let rule = format!(".c{k}, .swatch.c{k} {{ background: {bg}; color: {ink}; }}");
            assert!(css.contains(&rule), "{rule}");
        }
    }
}

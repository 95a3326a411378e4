//! Municipality boundaries from a GeoJSON FeatureCollection (WGS84 lon/lat,
//! e.g. Kartverket's), projected to SVG path data for a choropleth.
//!
//! The projection is equirectangular with longitude scaled by cos(mean
//! latitude): at Innlandet's size the distortion is invisible, and it needs
//! no projection library.

use crate::diag::{path_index, Diagnostic, Diags, Msg};
use crate::json::{self, JVal, Json, ParseError};

/// One feature: its join code and its polygons (outer ring first, then holes).
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub code: String,
    pub polygons: Vec<Vec<Vec<(f64, f64)>>>,
}

/// A shape projected for SVG: the path data and the point to label it at.
#[derive(Debug, Clone, PartialEq)]
pub struct Projected {
    pub code: String,
    pub d: String,
}

fn ring(j: &Json) -> Option<Vec<(f64, f64)>> {
    let pts = j.as_arr()?;
    let mut out = Vec::with_capacity(pts.len());
    for p in pts {
        let xy = p.num_items()?;
        match xy[..] {
            [Some(x), Some(y), ..]
                if x.is_finite()
                    && y.is_finite()
                    && (-180.0..=180.0).contains(&x)
                    && (-90.0..=90.0).contains(&y) =>
            {
                out.push((x, y))
            }
            _ => return None,
        }
    }
    (out.len() >= 3).then_some(out)
}

fn polygon(j: &Json) -> Option<Vec<Vec<(f64, f64)>>> {
    j.as_arr()?.iter().map(ring).collect()
}

/// Reads the features whose property `join` holds a code.
pub fn parse(src: &str, join: &str) -> Result<(Vec<Shape>, Vec<Diagnostic>), ParseError> {
    let root = json::parse(src)?;
    let mut d = Diags::new(src);
    let mut shapes = Vec::new();
    let features = root.get("features").and_then(Json::as_arr).unwrap_or(&[]);
    if features.is_empty() {
        d.error(
            "NO_FEATURES",
            "$.features",
            root.start,
            Msg::new("Fila har ingen «features»", "The file has no \"features\""),
        );
    }
    for (i, f) in features.iter().enumerate() {
        let path = path_index("$.features", i);
        let code = f
            .get("properties")
            .and_then(|p| p.get(join))
            .map(|c| match &c.v {
                JVal::Str(s) => s.to_string(),
                JVal::Num(n) => format!("{n:04}"),
                _ => String::new(),
            });
        let Some(code) = code.filter(|c| !c.is_empty()) else {
            d.warn(
                "NO_JOIN_CODE",
                &path,
                f.start,
                Msg::new(
                    format!("Objektet mangler egenskapen «{join}»"),
                    format!("The feature lacks the property \"{join}\""),
                ),
            );
            continue;
        };
        let geom = f.get("geometry");
        let polygons = match (
            geom.and_then(|g| g.get("type")).and_then(Json::as_str),
            geom.and_then(|g| g.get("coordinates")),
        ) {
            (Some("Polygon"), Some(c)) => polygon(c).map(|p| vec![p]),
            (Some("MultiPolygon"), Some(c)) => {
                c.as_arr().and_then(|ps| ps.iter().map(polygon).collect())
            }
            _ => None,
        };
        match polygons {
            Some(polygons) => shapes.push(Shape { code, polygons }),
            None => d.warn(
                "BAD_GEOMETRY",
                &path,
                f.start,
                Msg::new(
                    "Geometrien er ikke et gyldig (multi)polygon",
                    "The geometry is not a valid (multi)polygon",
                ),
            ),
        }
    }
    Ok((shapes, d.list))
}

/// Projects shapes into a `width`-wide box; returns the paths and the height.
pub fn project(shapes: &[Shape], width: f64) -> (Vec<Projected>, f64) {
    let pts = shapes
        .iter()
        .flat_map(|s| s.polygons.iter().flatten().flatten());
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for &(x, y) in pts {
        x0 = x0.min(x);
        x1 = x1.max(x);
        y0 = y0.min(y);
        y1 = y1.max(y);
    }
    if x0 > x1 {
        return (Vec::new(), 0.0);
    }
    let k = ((y0 + y1) / 2.0).to_radians().cos();
    let scale = width / ((x1 - x0) * k).max(1e-9);
    let height = (y1 - y0) * scale;
    let paths = shapes
        .iter()
        .map(|s| {
            let mut d = String::new();
            for ring in s.polygons.iter().flatten() {
                let mut last = (f64::NAN, f64::NAN);
                for (i, &(x, y)) in ring.iter().enumerate() {
                    let p = (
                        (((x - x0) * k * scale) * 10.0).round() / 10.0,
                        (((y1 - y) * scale) * 10.0).round() / 10.0,
                    );
                    if p == last {
                        continue;
                    }
                    d.push_str(&format!(
                        "{}{},{}",
                        if i == 0 { 'M' } else { 'L' },
                        p.0,
                        p.1
                    ));
                    last = p;
                }
                d.push('Z');
            }
            Projected {
                code: s.code.clone(),
                d,
            }
        })
        .collect();
    (paths, height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polygons_and_multipolygons_project_into_the_box() {
        let src = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"k":"0402"},"geometry":{"type":"Polygon","coordinates":[[[10,60],[11,60],[11,61],[10,60]]]}},
            {"type":"Feature","properties":{"k":402},"geometry":{"type":"MultiPolygon","coordinates":[[[[11,61],[12,61],[12,62],[11,61]]]]}},
            {"type":"Feature","properties":{},"geometry":null},
            {"type":"Feature","properties":{"k":"x"},"geometry":{"type":"Polygon","coordinates":[[[500,60],[11,60],[11,61]]]}}
        ]}"#;
        let (shapes, diags) = parse(src, "k").unwrap();
        assert_eq!(shapes.len(), 2);
        assert_eq!(shapes[1].code, "0402");
        assert_eq!(
            diags.iter().map(|d| d.code).collect::<Vec<_>>(),
            ["NO_JOIN_CODE", "BAD_GEOMETRY"]
        );
        let (paths, h) = project(&shapes, 100.0);
        assert!(paths[0].d.starts_with("M0,") && paths[0].d.ends_with('Z'));
        assert!(
            h > 100.0,
            "two degrees of latitude are taller than two of longitude up here"
        );
    }
}

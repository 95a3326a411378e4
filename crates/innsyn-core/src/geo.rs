//! Municipality boundaries from a GeoJSON FeatureCollection (WGS84 lon/lat,
//! e.g. Kartverket's), projected to SVG path data for a choropleth.
//!
//! The projection is equirectangular with longitude scaled by cos(mean
//! latitude): at Innlandet's size the distortion is invisible, and it needs
//! no projection library.

use crate::diag::{Diagnostic, Diags, Msg};
use crate::fields::{Need::*, Obj};
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
    let json = json::parse(src)?;
    let mut d = Diags::new(src);
    let d = &mut d;
    let features = Obj::root(&json).objs("features", Optional, d);
    if features.is_empty() {
        d.error(
            "NO_FEATURES",
            "$.features",
            json.start,
            Msg::new("Fila har ingen «features»", "The file has no \"features\""),
        );
    }
    let mut shapes = Vec::with_capacity(features.len());
    for f in &features {
        if let Some(shape) = feature(f, join, d) {
            shapes.push(shape);
        }
    }
    let list = std::mem::take(&mut d.list);
    Ok((shapes, list))
}

/// One feature: its join code (text, or a number written with four
/// digits) and its Polygon or MultiPolygon.
fn feature(f: &Obj, join: &str, d: &mut Diags) -> Option<Shape> {
    let code = match f.obj("properties", Optional, d).and_then(|p| p.get(join)) {
        Some(Json {
            v: JVal::Str(s), ..
        }) => s.to_string(),
        Some(Json {
            v: JVal::Num(n), ..
        }) => format!("{n:04}"),
        _ => String::new(),
    };
    if code.is_empty() {
        d.warn(
            "NO_JOIN_CODE",
            &f.path,
            f.start(),
            Msg::new(
                format!("Objektet mangler egenskapen «{join}»"),
                format!("The feature lacks the property \"{join}\""),
            ),
        );
        return None;
    }
    let geom = f.obj("geometry", Optional, d);
    let polygons = match geom
        .as_ref()
        .map(|g| (g.str("type", Optional, d), g.get("coordinates")))
    {
        Some((Some("Polygon"), Some(c))) => polygon(c).map(|p| vec![p]),
        Some((Some("MultiPolygon"), Some(c))) => {
            c.as_arr().and_then(|ps| ps.iter().map(polygon).collect())
        }
        _ => None,
    };
    if polygons.is_none() {
        d.warn(
            "BAD_GEOMETRY",
            &f.path,
            f.start(),
            Msg::new(
                "Geometrien er ikke et gyldig (multi)polygon",
                "The geometry is not a valid (multi)polygon",
            ),
        );
    }
    Some(Shape {
        code,
        polygons: polygons?,
    })
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
    fn kartverkets_boundaries_read_clean() {
        let src = include_str!("../../../tests/data/geo/hedmark_oppland_2024geom_small.geojson");
        let (shapes, diags) = parse(src, "kommunenummer_2024").unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(shapes.len(), 48);
    }

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

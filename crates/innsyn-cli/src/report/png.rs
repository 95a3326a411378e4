//! A chart's SVG (innsyn-charts, as the app draws it) as a PNG for the
//! Word document, drawn by resvg with DejaVu Sans Condensed compiled in: the same
//! pixels on every machine, whatever fonts it has.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use super::docx::Image;

fn fonts() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        // Condensed: close to the widths of the Roboto charts-rs lays out by.
        db.load_font_data(dejavu::sans_condensed::regular().to_vec());
        db.load_font_data(dejavu::sans_condensed::bold().to_vec());
        db.set_sans_serif_family("DejaVu Sans Condensed");
        Arc::new(db)
    })
    .clone()
}

/// The SVG drawn at `scale` times its size on a white ground; the image
/// keeps the SVG's size as its size on the page.
pub fn image(svg: &str, scale: f32) -> Result<Image, String> {
    let opt = usvg::Options {
        fontdb: fonts(),
        font_family: "DejaVu Sans Condensed".into(),
        ..Default::default()
    };
    let tree = usvg::Tree::from_str(svg, &opt).map_err(|e| e.to_string())?;
    let size = tree.size().to_int_size();
    let (w, h) = (size.width(), size.height());
    let px = |v: u32| (v as f32 * scale).round() as u32;
    let mut pixmap = tiny_skia::Pixmap::new(px(w), px(h)).ok_or("a chart without size")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let png = pixmap.encode_png().map_err(|e| e.to_string())?;
    Ok(Image {
        png,
        width: w,
        height: h,
    })
}

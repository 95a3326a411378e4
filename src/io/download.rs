//! Downloads: a file made in the page handed to the browser (a `data:`
//! link with `download`, so no request and nothing the page's policy
//! refuses), a PNG drawn from an SVG, and which menu button was clicked.

use wasm_bindgen::JsCast;

use super::document;

/// Hands `text` to the browser as a file called `name` (a `data:` address
/// on a link with `download`: built from what the page holds, no request,
/// and allowed by the page's policy).
pub fn download_text(name: &str, mime: &str, text: &str) {
    let url = format!(
        "data:{mime};charset=utf-8,{}",
        js_sys::encode_uri_component(text)
    );
    download_url(name, &url);
}

fn download_url(name: &str, url: &str) {
    let Some(doc) = document() else { return };
    let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let _ = a.set_attribute("href", url);
    let _ = a.set_attribute("download", name);
    // Not in the page: the app's click listener never sees it.
    a.click();
}

/// Draws `svg` (`width` × `height`) at twice its size on a canvas and hands
/// the PNG to the browser as `name`.
pub fn download_png(name: &str, svg: &str, width: f64, height: f64) {
    let (Some(doc), Ok(img)) = (document(), web_sys::HtmlImageElement::new()) else {
        return;
    };
    let name = name.to_string();
    let image = img.clone();
    let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
        let canvas = doc
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok());
        let Some(canvas) = canvas else { return };
        canvas.set_width((width * 2.0) as u32);
        canvas.set_height((height * 2.0) as u32);
        let ctx = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        if let Some(ctx) = ctx {
            let _ = ctx.scale(2.0, 2.0);
            let _ = ctx.draw_image_with_html_image_element(&image, 0.0, 0.0);
            if let Ok(url) = canvas.to_data_url() {
                download_url(&name, &url);
            }
        }
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&format!(
        "data:image/svg+xml;charset=utf-8,{}",
        js_sys::encode_uri_component(svg)
    ));
}

/// Whether the `<details>` a `toggle` event came from is open now.
pub fn details_open(ev: &web_sys::Event) -> bool {
    ev.current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| el.has_attribute("open"))
}

/// The key (`data-k`) of the button a click in a menu was on.
pub fn clicked_key(ev: &web_sys::MouseEvent) -> Option<usize> {
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    el.closest("button[data-k]")
        .ok()??
        .get_attribute("data-k")?
        .parse()
        .ok()
}

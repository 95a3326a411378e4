//! All browser IO: fetching files and reading/writing the address bar.
//! Nothing else in the app talks to the network or to `window.location`.

use gloo_net::http::Request;
use innsyn_core::embed::MESSAGE_TYPE;
use innsyn_core::read::MAX_FILE_BYTES;
use wasm_bindgen::JsValue;

/// Why a file could not be fetched, for the panel that asked for it.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    Network(String),
    Status(u16, String),
    TooLarge(usize),
}

/// Fetches a text file relative to the page. Refuses files larger than the
/// readers accept, by their Content-Length when the server sends one.
pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let resp = Request::get(url)
        .send()
        .await
        .map_err(|e| FetchError::Network(e.to_string()))?;
    if !resp.ok() {
        return Err(FetchError::Status(resp.status(), resp.status_text()));
    }
    if let Some(len) = resp
        .headers()
        .get("content-length")
        .and_then(|l| l.parse::<usize>().ok())
    {
        if len > MAX_FILE_BYTES {
            return Err(FetchError::TooLarge(len));
        }
    }
    let text = resp
        .text()
        .await
        .map_err(|e| FetchError::Network(e.to_string()))?;
    if text.len() > MAX_FILE_BYTES {
        return Err(FetchError::TooLarge(text.len()));
    }
    Ok(text)
}

/// The query string of the page, with its `?`.
pub fn location_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The address of an in-app link the reader clicked, when the app should
/// follow it in place: a plain left click on an `<a>` (HTML or SVG) whose
/// `href` is a query string of this page. The browser's own default is then
/// prevented. Clicks with Ctrl, Cmd, Shift or Alt, other buttons, links
/// with `target` (other than `_self`), `download` or `rel=external`, and
/// links elsewhere are left to the browser (a new tab, a download …), as
/// leptos_router's anchor handler does.
pub fn in_app_link(ev: &web_sys::MouseEvent) -> Option<String> {
    use wasm_bindgen::JsCast;
    if ev.default_prevented()
        || ev.button() != 0
        || ev.ctrl_key()
        || ev.meta_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return None;
    }
    let a = ev
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??;
    let attr = |k: &str| a.get_attribute(k).unwrap_or_default();
    let target = attr("target");
    if a.has_attribute("download")
        || !(target.is_empty() || target == "_self")
        || attr("rel").split_whitespace().any(|r| r == "external")
    {
        return None;
    }
    let href = attr("href");
    href.starts_with('?').then(|| {
        ev.prevent_default();
        href
    })
}

/// Puts a new query string in the address bar as a new history entry.
pub fn push_query(qs: &str) {
    set_query(qs, true)
}

/// Puts a new query string in the address bar in place of the current entry
/// (for a slider: one history entry per choice, not per step).
pub fn replace_query(qs: &str) {
    set_query(qs, false)
}

fn set_query(qs: &str, push: bool) {
    let Some(w) = web_sys::window() else { return };
    let url = format!("{}{qs}", w.location().pathname().unwrap_or_default());
    if let Ok(h) = w.history() {
        let _ = if push {
            h.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            h.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}

/// Sets `<html lang>` and the document title.
pub fn set_document_lang_and_title(lang: &str, title: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("lang", lang);
    }
    doc.set_title(title);
}

/// Shows `text` in the notice over a foreign catalog's figures, a landmark
/// named `label` (`index.html`'s `#innsyn-notice`, before the app: first on
/// the page), or with `None` hides it. Set as text, never markup.
pub fn set_notice(notice: Option<(&str, &str)>) {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("innsyn-notice"))
    else {
        return;
    };
    let _ = match notice {
        None => el.set_attribute("hidden", ""),
        Some((label, text)) => {
            if let Ok(Some(strong)) = el.query_selector("strong") {
                strong.set_text_content(Some(text));
            }
            let _ = el.set_attribute("aria-label", label);
            el.remove_attribute("hidden")
        }
    };
}

/// The window's inner width in CSS pixels (for drawing charts at the size they are shown).
pub fn viewport_width() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .unwrap_or(1024.0)
}

/// Reads a file the user picked or dropped, locally: nothing leaves the browser.
pub async fn read_local_file(file: &web_sys::File) -> Result<Vec<u8>, FetchError> {
    let size = file.size() as usize;
    if size > MAX_FILE_BYTES {
        return Err(FetchError::TooLarge(size));
    }
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| FetchError::Network(format!("{e:?}")))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// The page's full address (for the printed summary of a scenario).
pub fn location_href() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Today's date as (year, month, day), from the browser's clock.
pub fn today() -> (u32, u32, u32) {
    let d = js_sys::Date::new_0();
    (d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Whether the page is inside a frame (an embed).
pub fn in_frame() -> bool {
    web_sys::window()
        .and_then(|w| w.parent().ok().flatten().map(|p| p != w))
        .unwrap_or(false)
}

/// The height of the page's content in CSS pixels: the root element's box,
/// which holds the margins of the body's last child (its `scrollHeight`
/// would be at least the frame's height, so it could never shrink).
pub fn content_height() -> f64 {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .map(|e| e.get_bounding_client_rect().height().ceil())
        .unwrap_or(0.0)
}

/// Tells the parent window the content height, and nothing else: Innsyn's
/// namespaced message and the one Datawrapper embeds send. The height is no
/// secret, so the target origin is `*`; the parent page is never read.
pub fn post_height(id: &str, height: f64) {
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
        return;
    };
    let ours = js_sys::Object::new();
    let set = |o: &js_sys::Object, k: &str, v: JsValue| {
        let _ = js_sys::Reflect::set(o, &JsValue::from_str(k), &v);
    };
    set(&ours, "type", MESSAGE_TYPE.into());
    set(&ours, "id", id.into());
    set(&ours, "height", height.into());
    let _ = parent.post_message(&ours, "*");
    let inner = js_sys::Object::new();
    set(&inner, id, height.into());
    let datawrapper = js_sys::Object::new();
    set(&datawrapper, "datawrapper-height", inner.into());
    let _ = parent.post_message(&datawrapper, "*");
}

/// Calls `f` whenever the page's size changes (load, data arriving,
/// interaction, window resize), for as long as the page lives.
pub fn on_resize(f: impl Fn() + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let cb = Closure::<dyn Fn()>::new(f);
    if let Ok(observer) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    cb.forget();
}

/// Calls `f(height)` for every height message on this page's own origin
/// from the frame `frame()` gives at that moment (the preview of the "Bygg
/// inn" dialog). One listener for the page's life.
pub fn on_frame_height(
    frame: impl Fn() -> Option<web_sys::HtmlIFrameElement> + 'static,
    f: impl Fn(f64) + 'static,
) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(w) = web_sys::window() else { return };
    let origin = origin();
    let cb = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        // The frame's window is another realm's: compared as JS values
        // (`instanceof Window` would fail across realms).
        let from_frame = frame()
            .and_then(|f| f.content_window())
            .map(JsValue::from)
            .zip(e.source().map(JsValue::from))
            .is_some_and(|(a, b)| a == b);
        if e.origin() != origin || !from_frame {
            return;
        }
        let data = e.data();
        let get = |k: &str| js_sys::Reflect::get(&data, &JsValue::from_str(k)).ok();
        if get("type").and_then(|t| t.as_string()).as_deref() == Some(MESSAGE_TYPE) {
            if let Some(h) = get("height").and_then(|h| h.as_f64()) {
                f(h);
            }
        }
    });
    let _ = w.add_event_listener_with_callback("message", cb.as_ref().unchecked_ref());
    cb.forget();
}

/// The page's address without its query string: where the app is served.
pub fn app_base() -> String {
    let path = web_sys::window().and_then(|w| w.location().pathname().ok());
    format!("{}{}", origin(), path.unwrap_or_default())
}

/// The page's origin (`location.origin`).
pub fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Puts text on the clipboard.
pub fn copy_text(text: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// Opens a `<dialog>` as a modal, or closes it.
pub fn show_dialog(el: &web_sys::HtmlDialogElement, open: bool) {
    if open {
        let _ = el.show_modal();
    } else {
        el.close();
    }
}

/// The text of the page's main heading (to title an embed).
pub fn main_heading() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("main h1").ok().flatten())
        .and_then(|h| h.text_content())
        .unwrap_or_default()
}

/// The frame's `name`, which a host page may set to tell its embeds apart.
pub fn frame_name() -> String {
    web_sys::window()
        .and_then(|w| w.name().ok())
        .unwrap_or_default()
}

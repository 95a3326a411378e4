//! The page in a frame (an embed) and the frames on the page: whether it
//! is framed, its content height told to the parent, and the heights the
//! "Bygg inn" dialog's preview frame tells it.

use innsyn_core::embed::MESSAGE_TYPE;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;

use super::origin;

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

/// The frame's `name`, which a host page may set to tell its embeds apart.
pub fn frame_name() -> String {
    web_sys::window()
        .and_then(|w| w.name().ok())
        .unwrap_or_default()
}

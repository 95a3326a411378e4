//! All browser IO: fetching files and reading/writing the address bar.
//! Nothing else in the app talks to the network or to `window.location`.

use gloo_net::http::Request;
use innsyn_core::head::Head;
use innsyn_core::query::Query;
use innsyn_core::read::MAX_FILE_BYTES;
use innsyn_core::route::{self, Addresses};
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;

mod download;
mod frame;
mod tools;
pub use download::{clicked_key, details_open, download_png, download_text};
pub use frame::{content_height, frame_name, in_frame, on_frame_height, on_resize, post_height};
pub use tools::{app_root, hand_over, keep_mounted};

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

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
    if let Some(text) = rendered_file(url) {
        return Ok(text);
    }
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

/// A file the page was rendered with at publish time (`scripts/render.mjs`
/// puts each in a `<script type="application/json" data-innsyn-file>`), so
/// the app taking the page over fetches nothing the page already holds.
fn rendered_file(url: &str) -> Option<String> {
    let list = document()?
        .query_selector_all("script[data-innsyn-file]")
        .ok()?;
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .find(|e| e.get_attribute("data-innsyn-file").as_deref() == Some(url))
        .and_then(|e| e.text_content())
}

thread_local! {
    static ADDRESSES: Addresses = document()
        .and_then(|d| d.query_selector("meta[name=innsyn-paths]").ok().flatten())
        .map_or(Addresses::QueryString, |_| Addresses::Paths);
}

/// How this page writes addresses: stable paths on a page rendered at
/// publish time (it carries `<meta name="innsyn-paths">` and a `<base>`
/// pointing at the site's root), else the query string of the one page.
pub fn addresses() -> Addresses {
    ADDRESSES.with(|a| *a)
}

/// The site's root on a page of stable paths (its base URI).
fn site_root() -> String {
    document()
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default()
}

/// The query of the page's address: its query string, read over the page
/// its stable path names (on a rendered page).
pub fn location_query() -> Query {
    let Some(l) = web_sys::window().map(|w| w.location()) else {
        return Query::default();
    };
    let search = l.search().unwrap_or_default();
    match addresses() {
        Addresses::QueryString => Query::parse(&search),
        Addresses::Paths => {
            let here = format!(
                "{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default()
            );
            let path = here.strip_prefix(&site_root()).unwrap_or("");
            route::from_href(path, &search)
        }
    }
}

/// The page an in-app link leads to, when the app should follow it in
/// place: a plain left click on an `<a>` (HTML or SVG) whose `href` is a
/// page of this site (a query string; on a rendered page also a stable
/// path). The browser's own default is then prevented. Clicks with Ctrl,
/// Cmd, Shift or Alt, other buttons, links with `target` (other than
/// `_self`), `download` or `rel=external`, and links elsewhere (a data
/// file, another site) are left to the browser (a new tab, a download …),
/// as leptos_router's anchor handler does.
pub fn in_app_link(ev: &web_sys::MouseEvent) -> Option<Query> {
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
    let (path, qs) = href.split_once('?').unwrap_or((&href, ""));
    let path = path.trim_start_matches("./");
    let in_app = match addresses() {
        Addresses::QueryString => href.starts_with('?'),
        // Every link the app writes is relative to the site's root.
        Addresses::Paths => path.is_empty() || route::from_path(path).is_some(),
    };
    in_app.then(|| {
        ev.prevent_default();
        route::from_href(path, qs)
    })
}

/// Puts the address of `q` in the address bar as a new history entry.
pub fn push(q: &Query) {
    set_address(q, true)
}

/// Puts the address of `q` in the address bar in place of the current
/// entry (for a slider: one history entry per choice, not per step).
pub fn replace(q: &Query) {
    set_address(q, false)
}

fn set_address(q: &Query, push: bool) {
    let Some(w) = web_sys::window() else { return };
    let url = match addresses() {
        Addresses::QueryString => format!(
            "{}{}",
            w.location().pathname().unwrap_or_default(),
            q.to_query_string()
        ),
        // Relative to the base URI, the site's root: history resolves it.
        Addresses::Paths => route::to_href(q),
    };
    if let Ok(h) = w.history() {
        let _ = if push {
            h.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            h.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}

/// The page as rendered at publish time, if this is one: its content
/// (`#innsyn[data-rendered]`) and the address it was rendered for.
pub fn rendered_page() -> Option<(web_sys::HtmlElement, Query)> {
    let el = document()?
        .query_selector("#innsyn[data-rendered]")
        .ok()??
        .dyn_into::<web_sys::HtmlElement>()
        .ok()?;
    let href = el.get_attribute("data-rendered")?;
    let (path, qs) = href.split_once('?').unwrap_or((&href, ""));
    Some((el, route::from_href(path, qs)))
}

/// A hidden element after `el` for the app to render into while the
/// rendered page stays on screen.
pub fn hidden_root_after(el: &web_sys::HtmlElement) -> Option<web_sys::HtmlElement> {
    let root = document()?
        .create_element("div")
        .ok()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()?;
    root.set_hidden(true);
    el.after_with_node_1(&root).ok()?;
    Some(root)
}

/// Puts `next` in the place of the rendered page `old` once `next` is as
/// far as `old` (no more panels still loading than the rendered page had,
/// which are those its publisher left to load live), or after 5 s.
pub fn take_over(old: web_sys::HtmlElement, next: web_sys::HtmlElement) {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    let Some(w) = web_sys::window() else { return };
    let loading =
        |e: &web_sys::HtmlElement| e.query_selector_all(".loading").map_or(0, |l| l.length());
    let left = loading(&old);
    let ticks = Rc::new(Cell::new(0u32));
    let id = Rc::new(Cell::new(0i32));
    let (w2, id2) = (w.clone(), id.clone());
    let cb = Closure::<dyn Fn()>::new(move || {
        ticks.set(ticks.get() + 1);
        let ready = next.query_selector("main").ok().flatten().is_some() && loading(&next) <= left;
        if ready || ticks.get() > 100 {
            w2.clear_interval_with_handle(id2.get());
            let (x, y) = (w2.scroll_x().unwrap_or(0.0), w2.scroll_y().unwrap_or(0.0));
            old.remove();
            next.set_id("innsyn");
            next.set_hidden(false);
            w2.scroll_to_with_x_and_y(x, y);
        }
    });
    if let Ok(handle) =
        w.set_interval_with_callback_and_timeout_and_arguments_0(cb.as_ref().unchecked_ref(), 50)
    {
        id.set(handle);
    }
    cb.forget();
}

/// Sets `<html lang>`, and the document's title and description when
/// `head` gives them.
pub fn set_document_head(lang: &str, head: Option<&Head>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("lang", lang);
    }
    let Some(head) = head else { return };
    doc.set_title(&head.title);
    if let Ok(Some(meta)) = doc.query_selector("meta[name=description]") {
        let _ = meta.set_attribute("content", &head.description);
    }
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

/// The time of day by the browser's clock, "20:31".
pub fn clock() -> String {
    let d = js_sys::Date::new_0();
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The page's address without its query string: where the app is served;
/// on a page of stable paths, the site's root.
pub fn app_base() -> String {
    if addresses() == Addresses::Paths {
        return site_root();
    }
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

/// Puts text on the clipboard and says whether the browser let it (no
/// clipboard API outside a secure context, permission refused, …).
pub async fn write_clipboard(text: &str) -> bool {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    if js_sys::Reflect::get(&nav, &JsValue::from_str("clipboard"))
        .map_or(true, |c| c.is_undefined())
    {
        return false;
    }
    let promise = nav.clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Shows the hidden box around the text field `id`, focuses the field and
/// selects its text (a link to copy by hand).
pub fn show_field(id: &str) {
    let Some(el) = document().and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    if let Some(parent) = el.parent_element() {
        let _ = parent.remove_attribute("hidden");
    }
    if let Ok(input) = el.dyn_into::<web_sys::HtmlInputElement>() {
        let _ = input.focus();
        input.select();
    }
}

/// Brings the element `id` into view and moves the focus to it (a table
/// of contents' link followed in place).
pub fn go_to(id: &str) {
    let Some(el) = document().and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    el.scroll_into_view();
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
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

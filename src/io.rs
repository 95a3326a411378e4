//! All browser IO: fetching files and reading/writing the address bar.
//! Nothing else in the app talks to the network or to `window.location`.

use gloo_net::http::Request;
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

/// Puts a new query string in the address bar as a new history entry.
pub fn push_query(qs: &str) {
    let Some(w) = web_sys::window() else { return };
    let path = w.location().pathname().unwrap_or_default();
    let url = if qs.is_empty() {
        path
    } else {
        format!("{path}{qs}")
    };
    if let Ok(h) = w.history() {
        let _ = h.push_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Puts a new query string in the address bar in place of the current entry
/// (for a slider: one history entry per choice, not per step).
pub fn replace_query(qs: &str) {
    let Some(w) = web_sys::window() else { return };
    let path = w.location().pathname().unwrap_or_default();
    let url = if qs.is_empty() {
        path
    } else {
        format!("{path}{qs}")
    };
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
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


//! The tools module (the app with every page, `--features tools`), loaded
//! when a reader opens one of the pages the first-load module leaves out.
//! The build names it in `<meta name="innsyn-tools">` (`scripts/tools.mjs`:
//! its JS module, its wasm and the wasm's integrity); the JS module's own
//! integrity is in the page's import map. Handing over: the tools module
//! is imported and compiled while this app still shows its page, then this
//! app is unmounted (its listeners go with its owner) and the tools
//! module's `start_tools` mounts the whole app in its place.

use std::any::Any;
use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::document;

#[wasm_bindgen(inline_js = "export async function import_tools(js, wasm, integrity) {
  const m = await import(new URL(js, document.baseURI).href);
  await m.default({ module_or_path: fetch(wasm, integrity ? { integrity } : {}) });
  return m.start_tools;
}")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn import_tools(js: &str, wasm: &str, integrity: &str) -> Result<JsValue, JsValue>;
}

thread_local! {
    /// This app as mounted: its unmount handle.
    static MOUNTED: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
}

/// Keeps this app's unmount handle, for handing the page over.
pub fn keep_mounted(handle: Box<dyn Any>) {
    MOUNTED.with(|m| *m.borrow_mut() = Some(handle));
}

/// The root an app handed over from left (`#innsyn`, not a rendered page).
pub fn app_root() -> Option<web_sys::HtmlElement> {
    document()?
        .query_selector("#innsyn:not([data-rendered])")
        .ok()??
        .dyn_into()
        .ok()
}

/// Loads the tools module and gives the page to it; the error says why not.
pub async fn hand_over() -> Result<(), String> {
    let meta = document()
        .and_then(|d| d.query_selector("meta[name=innsyn-tools]").ok().flatten())
        .ok_or("meta innsyn-tools")?;
    let attr = |a: &str| meta.get_attribute(a).unwrap_or_default();
    let start = import_tools(
        &attr("content"),
        &attr("data-wasm"),
        &attr("data-integrity"),
    )
    .await
    .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))?
    .dyn_into::<js_sys::Function>()
    .map_err(|_| "start_tools".to_string())?;
    // Its own root (`#innsyn`, where it took a rendered page's place) stays,
    // empty, for the tools module to mount in.
    drop(MOUNTED.with(|m| m.borrow_mut().take()));
    start
        .call0(&JsValue::NULL)
        .map(|_| ())
        .map_err(|e| format!("{e:?}"))
}

//! A panic shows a friendly message instead of a dead page. `index.html`
//! holds a hidden alert with the message in all three languages; the hook
//! reveals it in the page's language and logs the details to the console.

use wasm_bindgen::JsCast;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Innsyn: {info}").into());
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let lang = doc
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .unwrap_or_else(|| "nb".into());
        if let Some(el) = doc
            .get_element_by_id("innsyn-panic")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            el.set_hidden(false);
            if let Ok(list) = el.query_selector_all("[lang]") {
                for i in 0..list.length() {
                    if let Some(n) = list
                        .item(i)
                        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        n.set_hidden(n.get_attribute("lang").as_deref() != Some(lang.as_str()));
                    }
                }
            }
        }
    }));
}

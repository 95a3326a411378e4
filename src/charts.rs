//! A chart on the page: the SVG `innsyn_charts` draws (the only markup the
//! app ever sets as inner HTML, and only here), as an image with a text
//! alternative.

pub use innsyn_charts::{line_style, lines, ranking, Drawn};
use innsyn_core::chart::changed_texts;
use leptos::html::Div;
use leptos::prelude::*;

/// The chart as an image whose text alternative is `label`; hidden while
/// its table is shown. A new SVG that differs from the one shown only in
/// its texts (a language switch) rewrites those text nodes; any other is
/// set anew.
#[component]
pub fn Chart(
    svg: Signal<String>,
    label: Signal<String>,
    hidden: Signal<bool>,
    #[prop(optional)] line: bool,
) -> impl IntoView {
    let host = NodeRef::<Div>::new();
    Effect::new(move |shown: Option<String>| {
        let new = svg.get();
        let Some(el) = host.get() else {
            return String::new();
        };
        let patched = shown
            .as_deref()
            .and_then(|old| changed_texts(old, &new))
            .is_some_and(|changes| {
                let Ok(texts) = el.query_selector_all("text") else {
                    return false;
                };
                changes.into_iter().all(|(i, text)| {
                    let Some(node) = texts.item(i as u32) else {
                        return false;
                    };
                    // Its one text node rewritten, not replaced.
                    match node.first_child().filter(|t| t.next_sibling().is_none()) {
                        Some(t) => t.set_node_value(Some(&text)),
                        None => node.set_text_content(Some(&text)),
                    }
                    true
                })
            });
        if !patched {
            el.set_inner_html(&new);
        }
        new
    });
    view! {
        <div node_ref=host class=if line { "chart line" } else { "chart" } role="img" aria-label=move || label.get() hidden=move || hidden.get()></div>
    }
}

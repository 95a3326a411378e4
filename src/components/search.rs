//! The municipality search field.

use std::sync::Arc;

use innsyn_core::i18n::T;
use innsyn_core::query::{Query, View};
use innsyn_core::registry::Registry;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::nav::Nav;

/// Search as you type: a text field with the 48 names as suggestions
/// (a native datalist: keyboard and screen-reader friendly).
#[component]
pub fn MunicipalitySearch() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    let names: Vec<(String, String)> = registry
        .municipalities
        .iter()
        .map(|m| (m.name.clone(), m.id.clone()))
        .collect();
    let lookup = names.clone();
    let go = move |value: String| {
        let v = value.trim().to_lowercase();
        if let Some((_, id)) = lookup
            .iter()
            .find(|(n, id)| n.to_lowercase() == v || *id == v)
        {
            nav.go(Query {
                view: View::Municipality,
                region: Some(id.clone()),
                ..nav.query.get_untracked()
            });
        }
    };
    let go2 = go.clone();
    view! {
        <div class="picker search">
            <label for="muni-search">{nav.t(T::ChooseMunicipality)}</label>
            <p class="hint" id="muni-search-hint">{nav.t(T::ChooseMunicipalityHint)}</p>
            <input
                id="muni-search"
                type="search"
                list="muni-names"
                autocomplete="off"
                aria-describedby="muni-search-hint"
                on:change=move |ev| {
                    if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                        go(i.value());
                    }
                }
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" {
                        if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            go2(i.value());
                        }
                    }
                }
            />
            <datalist id="muni-names">{names.into_iter().map(|(n, _)| view! { <option value=n></option> }).collect_view()}</datalist>
        </div>
    }
}

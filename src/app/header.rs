//! The site header's navigation: the main menu and the language switch.

use innsyn_core::i18n::{Lang, T};
use innsyn_core::query::{Query, View};
use leptos::prelude::*;

use crate::nav::Nav;

/// The site's pages; the current one is marked.
#[component]
pub fn MainMenu() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let item = move |view: View, label: T| {
        let target = move || nav.query.get().page(view);
        view! {
            <li>
                <a
                    href=move || { let q = target().to_query_string(); if q.is_empty() { "?".to_string() } else { q } }
                    aria-current=move || (nav.query.get().view == view).then_some("page")
                    on:click=move |ev| {
                        ev.prevent_default();
                        nav.go(target());
                    }
                >
                    {move || label.get(nav.lang())}
                </a>
            </li>
        }
    };
    view! {
        <nav class="main-menu wrap" aria-label=nav.t(T::NavMain)>
            <ul>
                {item(View::Overview, T::NavOverview)}
                {item(View::Region, T::NavRegions)}
                {item(View::Municipality, T::NavMunicipality)}
                {item(View::Indicator, T::NavIndicators)}
                {item(View::Cooperation, T::NavCooperation)}
                {item(View::Validate, T::NavValidate)}
            </ul>
        </nav>
    }
}

/// Links to the same page in the other languages; the current one is marked.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let nav = expect_context::<Nav>();
    view! {
        <nav class="lang-switch" aria-label=nav.t(T::LanguageLabel)>
            <ul>
                {Lang::ALL
                    .into_iter()
                    .map(|l| {
                        let href = move || Query { lang: l, ..nav.query.get() }.to_query_string();
                        let href = move || { let h = href(); if h.is_empty() { "?".to_string() } else { h } };
                        view! {
                            <li>
                                <a
                                    href=href
                                    lang=l.code()
                                    aria-current=move || (nav.lang() == l).then_some("true")
                                    on:click=move |ev| {
                                        ev.prevent_default();
                                        nav.go(Query { lang: l, ..nav.query.get_untracked() });
                                    }
                                >
                                    {l.own_name()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

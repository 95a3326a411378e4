//! The site header's navigation: the main menu and the language switch,
//! plain links that [`crate::nav`] follows in place.

use innsyn_core::i18n::{Lang, T};
use innsyn_core::query::{Query, View};
use leptos::prelude::*;

use crate::nav::{href, Nav};

/// The site's pages; the current one is marked.
#[component]
pub fn MainMenu() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let item = move |view: View, label: T| {
        view! {
            <li>
                <a href=move || href(&nav.page(view)) aria-current=move || (nav.view.get() == view).then_some("page")>
                    {nav.t(label)}
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
                        // The same page with every choice kept: the whole query.
                        let to = move || href(&Query { lang: l, ..nav.query.get() });
                        view! {
                            <li>
                                <a href=to lang=l.code() aria-current=move || (nav.lang() == l).then_some("true")>
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

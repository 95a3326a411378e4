//! The shell: the top layer. It provides the contexts (URL state, then the
//! site's catalog and registry), draws the header (language switch, main
//! menu; in embed mode a compact header), the footer and the "Bygg inn"
//! dialog, and maps the view to its page. Nothing below imports it.
//!
//! Every string from a data file is rendered as text (Leptos escapes it); the
//! only inner HTML is the SVG from [`crate::charts`].

mod embed;
mod header;

use innsyn_core::i18n::T;
use innsyn_core::query::View;
use leptos::prelude::*;

use crate::io;
use crate::load::with_site;
use crate::nav::provide_app_context;
use crate::pages::{
    cooperation::CooperationPage, indicator::IndicatorPage, municipality::MunicipalityPage,
    overview::OverviewPage, region::RegionPage, validate::ValidatePage,
};
use embed::{report_height, EmbedDialog, EmbedHeader};
use header::{LangSwitch, MainMenu};

#[component]
pub fn App() -> impl IntoView {
    let nav = provide_app_context();
    // Pages are rebuilt only when the view changes, not on every query change
    // (a language switch re-renders text in place and fetches nothing).
    let current_view = nav.view;
    let embed = Memo::new(move |_| nav.query.with(|q| q.embed));
    Effect::new(move |_| {
        let lang = nav.lang();
        io::set_document_lang_and_title(
            lang.code(),
            &format!("{} – {}", T::AppName.get(lang), T::Tagline.get(lang)),
        );
    });
    if embed.get_untracked() && io::in_frame() {
        report_height(nav);
    }
    view! {
        {move || if embed.get() {
            view! { <EmbedHeader/> }.into_any()
        } else {
            view! {
                <a class="skip" href="#main">{nav.t(T::SkipToContent)}</a>
                <header class="site-header">
                    <div class="wrap header-row">
                        <p class="brand">{nav.t(T::AppName)}</p>
                        <LangSwitch/>
                    </div>
                    <MainMenu/>
                </header>
            }
            .into_any()
        }}
        <main id="main" class="wrap" tabindex="-1">
            {with_site(move || move || match current_view.get() {
                View::Validate => view! { <ValidatePage/> }.into_any(),
                View::Region => view! { <RegionPage/> }.into_any(),
                View::Municipality => view! { <MunicipalityPage/> }.into_any(),
                View::Indicator => view! { <IndicatorPage/> }.into_any(),
                View::Cooperation => view! { <CooperationPage/> }.into_any(),
                _ => view! { <OverviewPage/> }.into_any(),
            })}
        </main>
        {move || (!embed.get()).then(|| view! {
            <EmbedDialog/>
            <footer class="site-footer">
                <div class="wrap"><p>{nav.t(T::Footer)}</p></div>
            </footer>
        })}
    }
}

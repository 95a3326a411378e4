//! The shell: the top layer. It provides the contexts (URL state, then the
//! site's catalog and registry), shows the notice over a foreign catalog's
//! figures (`index.html`'s, through `io`: first on the page), the header (language switch, main
//! menu; in embed mode a compact header), the footer (with the link to the
//! accessibility statement), «Kopier lenke» and the "Bygg inn" dialog, and
//! maps the view to its page. Nothing below imports it.
//!
//! Every string from a data file is rendered as text (Leptos escapes it); the
//! only inner HTML is the SVG from [`crate::charts`].

mod embed;
mod header;
mod share;
#[cfg(not(feature = "tools"))]
mod tools;

use innsyn_core::head::head;
use innsyn_core::i18n::T;
use innsyn_core::query::View;
use leptos::prelude::*;

use crate::io;
use crate::load::{self, with_site};
use crate::nav::{href, provide_app_context};
#[cfg(feature = "tools")]
use crate::pages::{
    accessibility::AccessibilityPage, cooperation::CooperationPage, report::ReportPage,
    validate::ValidatePage,
};
use crate::pages::{
    indicator::IndicatorPage, municipality::MunicipalityPage, overview::OverviewPage,
    region::RegionPage,
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
    let site = load::site();
    Effect::new(move |_| {
        let lang = nav.lang();
        // The page's own title and description once the site's names are
        // loaded (until then a rendered page keeps those it was written with).
        let head = site.with(|s| {
            let s = s.as_ref()?.as_ref().ok()?;
            Some(nav.query.with(|q| head(q, &s.registry, Some(&s.catalog))))
        });
        // A foreign catalog the site shows: the notice over its figures
        // (first on the page, in embeds and print too), and the title with it.
        let notice = load::foreign(site).map(|(origin, publisher)| {
            let (notice, not_from) = (T::ForeignNotice.get(lang), T::NotFrom.get(lang));
            (
                T::ForeignSource.get(lang),
                origin.clone(),
                format!("{notice} {origin} — {not_from} {}", publisher.get(lang)),
            )
        });
        io::set_notice(
            notice
                .as_ref()
                .map(|(label, _, text)| (*label, text.as_str())),
        );
        let head = head.map(|mut h| {
            if let Some((label, origin, _)) = &notice {
                h.title = format!("{label}: {origin} – {}", h.title);
            }
            h
        });
        io::set_document_head(lang.code(), head.as_ref());
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
            {with_site(site, move || move || match current_view.get() {
                View::Region => view! { <RegionPage/> }.into_any(),
                View::Municipality => view! { <MunicipalityPage/> }.into_any(),
                View::Indicator => view! { <IndicatorPage/> }.into_any(),
                #[cfg(feature = "tools")]
                View::Validate => view! { <ValidatePage/> }.into_any(),
                #[cfg(feature = "tools")]
                View::Cooperation => view! { <CooperationPage/> }.into_any(),
                #[cfg(feature = "tools")]
                View::Accessibility => view! { <AccessibilityPage/> }.into_any(),
                #[cfg(feature = "tools")]
                View::Report => view! { <ReportPage/> }.into_any(),
                #[cfg(not(feature = "tools"))]
                View::Validate | View::Cooperation | View::Accessibility | View::Report => view! { <tools::Tools/> }.into_any(),
                View::Overview => view! { <OverviewPage/> }.into_any(),
            })}
        </main>
        {move || (!embed.get()).then(|| view! {
            <EmbedDialog/>
            <footer class="site-footer">
                <div class="wrap">
                    <p>{nav.t(T::Footer)}</p>
                    <p><a href=move || href(&nav.page(View::Accessibility))>{nav.t(T::NavAccessibility)}</a></p>
                </div>
            </footer>
        })}
    }
}

//! The first-load module's stand-in for the tools (the cooperation
//! simulator, the file checker, the accessibility statement): it loads the
//! tools module — the whole app with every page — and hands the page over
//! to it, which then serves the rest of the visit. If the module cannot be
//! had, it says so in the page's heading and the rest of the site works.

use innsyn_core::i18n::T;
use innsyn_core::query::View;
use leptos::prelude::*;

use crate::io;
use crate::nav::{href, Nav};

#[component]
pub fn Tools() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let (failed, set_failed) = signal(None::<String>);
    leptos::task::spawn_local(async move {
        if let Err(e) = io::hand_over().await {
            set_failed.set(Some(e));
        }
    });
    move || match failed.get() {
        None => {
            view! { <p class="tools-wait" role="status">{nav.t(T::LoadingTools)}</p> }.into_any()
        }
        Some(e) => view! {
            <div class="error" role="alert">
                <h1>{nav.t(T::LoadError)}</h1>
                <p>{e}</p>
                <p><a href=move || href(&nav.page(View::Overview))>{nav.t(T::NavOverview)}</a></p>
            </div>
        }
        .into_any(),
    }
}

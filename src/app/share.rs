//! «Kopier lenke»: copies the view's canonical address — the stable path
//! on a rendered page, else the query string; never the embed address —
//! and says so in a polite live region. When the browser refuses the
//! clipboard, the link is shown in a read-only, selected field instead.

use innsyn_core::embed;
use innsyn_core::i18n::T;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::io;
use crate::nav::Nav;

/// The id of the fallback field.
const FIELD: &str = "copy-link-url";

#[component]
pub fn CopyLink() -> impl IntoView {
    let nav = expect_context::<Nav>();
    // The link last copied: the confirmation is shown while it is this view's.
    let (copied, set_copied) = signal(String::new());
    let url = move || embed::full_url(&io::app_base(), io::addresses(), &nav.query.get());
    let copy = move |_| {
        let u = url();
        spawn_local(async move {
            if io::write_clipboard(&u).await {
                set_copied.set(u);
            } else {
                io::show_field(FIELD);
            }
        });
    };
    view! {
        <div class="copy-link">
            <button type="button" class="toggle" on:click=copy>{nav.t(T::CopyLink)}</button>
            " "<span role="status" aria-live="polite">{move || (copied.get() == url()).then(|| T::LinkCopied.get(nav.lang()))}</span>
            <div hidden>
                <label for=FIELD>{nav.t(T::LinkField)}</label>
                <input id=FIELD type="text" readonly prop:value=url/>
            </div>
        </div>
    }
}

//! Embedding: the compact header of an embedded view, the height reported
//! to the host page, and the "Bygg inn" dialog with its snippet and preview.

use innsyn_core::embed;
use innsyn_core::i18n::T;
use leptos::prelude::*;

use innsyn_core::query::View;

use super::share::CopyLink;
use crate::io;
use crate::nav::Nav;

/// In embed mode inside a frame: tells the parent the content height
/// whenever it changes (load, data arriving, interaction, resize). The id is
/// the frame's `name` when the host gave one, else the view's query string.
pub fn report_height(nav: Nav) {
    let id = Some(io::frame_name())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| nav.query.get_untracked().to_query_string());
    io::on_resize(move || io::post_height(&id, io::content_height()));
}

/// The compact header of an embedded view: the name, links to the same
/// view and to the accessibility statement in the full site, in a new tab
/// (never the top window), and «Kopier lenke» (the full view's link).
#[component]
pub fn EmbedHeader() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let full = move |q| embed::full_url(&io::app_base(), io::addresses(), &q);
    let href = move || full(nav.query.get());
    let statement = move || full(nav.page(View::Accessibility));
    view! {
        <header class="embed-header wrap">
            <p class="brand">{nav.t(T::AppName)}</p>
            <a href=href target="_blank" rel="noopener">{nav.t(T::SeeMore)}" "<span class="hint">{nav.t(T::NewTab)}</span></a>
            <a class="statement-link" href=statement target="_blank" rel="noopener">{nav.t(T::NavAccessibility)}" "<span class="hint">{nav.t(T::NewTab)}</span></a>
            <CopyLink/>
        </header>
    }
}

/// "Bygg inn": the snippet for this view, a copy button and a preview of the
/// embed at a chosen width, whose height follows its content.
#[component]
pub fn EmbedDialog() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let frame = NodeRef::<leptos::html::Iframe>::new();
    let (open, set_open) = signal(false);
    let (width, set_width) = signal(375u32);
    let (height, set_height) = signal(0.0f64);
    let (copied, set_copied) = signal(false);
    let (title, set_title) = signal(String::new());
    io::on_frame_height(move || frame.get_untracked(), move |h| set_height.set(h));
    let snippet = move || {
        let h = height.get();
        let h = if h > 0.0 {
            h.ceil() as u32
        } else {
            embed::DEFAULT_HEIGHT
        };
        embed::snippet(
            &io::app_base(),
            io::addresses(),
            &nav.query.get(),
            &title.get(),
            h,
        )
    };
    let show = move |on: bool| {
        if on {
            set_title.set(format!(
                "{}: {}",
                T::AppName.get(nav.lang()),
                io::main_heading()
            ));
            set_copied.set(false);
            // This view's preview measures again; no height from the last one.
            set_height.set(0.0);
        }
        set_open.set(on);
        if let Some(d) = dialog.get() {
            io::show_dialog(&d, on);
        }
    };
    view! {
        <div class="wrap embed-tools">
            <CopyLink/>
            <button type="button" class="toggle" aria-haspopup="dialog" on:click=move |_| show(true)>{nav.t(T::EmbedButton)}</button>
        </div>
        <dialog node_ref=dialog class="embed-dialog" aria-labelledby="embed-h" on:close=move |_| set_open.set(false)>
            <h2 id="embed-h">{nav.t(T::EmbedTitle)}</h2>
            <p>{nav.t(T::EmbedIntro)}</p>
            <label for="embed-code">{nav.t(T::EmbedCode)}</label>
            <textarea id="embed-code" readonly rows="5" prop:value=snippet></textarea>
            <p>
                <button type="button" class="toggle" on:click=move |_| { io::copy_text(&snippet()); set_copied.set(true); }>{nav.t(T::Copy)}</button>
                " "<span role="status">{move || copied.get().then(|| T::Copied.get(nav.lang()))}</span>
            </p>
            <div class="picker">
                <label for="embed-width">{nav.t(T::PreviewWidth)}</label>
                <select id="embed-width" on:change=move |ev| if let Ok(w) = event_target_value(&ev).parse() { set_width.set(w) }>
                    {[320u32, 375, 640].map(|w| view! { <option value=w.to_string() selected=move || width.get() == w>{format!("{w} px")}</option> })}
                </select>
            </div>
            <p class="hint">{move || format!("{}: {} × {} px", T::Preview.get(nav.lang()), width.get(), height.get().ceil())}</p>
            <div class="preview">
                {move || open.get().then(|| view! {
                    <iframe node_ref=frame src=embed::embed_url(&io::app_base(), io::addresses(), &nav.query.get_untracked()) title=move || title.get() width=move || width.get().to_string() height=move || (height.get().max(200.0).ceil() as u32).to_string()></iframe>
                })}
            </div>
            <button type="button" class="toggle" on:click=move |_| show(false)>{nav.t(T::Close)}</button>
        </dialog>
    }
}

//! A chart on the page: the SVG `innsyn_charts` draws (the only markup the
//! app ever sets as inner HTML, and only here), as an image with a text
//! alternative.

pub use innsyn_charts::{lines_svg, ranking_svg};
use leptos::prelude::*;

/// The chart as an image whose text alternative is `label`; hidden while
/// its table is shown.
#[component]
pub fn Chart(
    svg: Signal<String>,
    label: Signal<String>,
    hidden: Signal<bool>,
    #[prop(optional)] line: bool,
) -> impl IntoView {
    view! {
        <div class=if line { "chart line" } else { "chart" } role="img" aria-label=move || label.get() hidden=move || hidden.get() inner_html=move || svg.get()></div>
    }
}

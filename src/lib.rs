//! Innsyn's web app: a Leptos single-page app, all state in the query string.
//!
//! Layers, top to bottom (a module imports only from its own layer's
//! allowed modules and the layers below; `tests/structure` checks it):
//!
//! - [`app`]: the shell — contexts, header, footer, the "Bygg inn" dialog,
//!   view → page;
//! - [`pages`]: one module per page; pages never import pages;
//! - [`components`]: figure shell, chart, ranking, trend, map, cards, search;
//!   they never import pages or the shell;
//! - the bottom: [`load`] (catalog and indicator files, with their loading
//!   and error states), [`nav`] (the URL state), [`io`] (the only module
//!   that fetches or touches the address bar), [`charts`] (the only module
//!   that calls charts-rs), [`panic`] (the friendly message shown if the
//!   app panics).

pub mod app;
pub mod charts;
pub mod components;
pub mod io;
pub mod load;
pub mod nav;
pub mod pages;
pub mod panic;

/// Reads a file's text exactly as the app does, with the region registry in
/// `regions`, and returns its number of cells. Exported for the reader
/// benchmark (scripts/bench.mjs), which times it against jsonstat-toolkit in
/// the same browser.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn read_cells(text: &str, regions: &str) -> usize {
    let registry = innsyn_core::registry::Registry::parse(regions)
        .map(|(r, _)| r)
        .unwrap_or_default();
    innsyn_core::read::read_str(text, &registry)
        .map(|o| o.datasets.iter().map(|d| d.cell_count()).sum())
        .unwrap_or(0)
}

/// Entry point: installs the panic hook and mounts the app on `<body>`.
pub fn start() {
    panic::install();
    leptos::mount::mount_to_body(app::App);
}

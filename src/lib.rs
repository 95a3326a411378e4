//! Innsyn's web app: a Leptos single-page app, all state in the query string.
//!
//! - [`app`]: the page and its components;
//! - [`load`]: loading the catalog and indicator files, with their loading and error states;
//! - [`io`]: the only module that fetches files or touches the address bar;
//! - [`charts`]: the only module that calls charts-rs;
//! - [`indicator`]: one indicator for all 48: explanation, year, map, ranking;
//! - [`overview`]: the first page: search, region links, tile map, ranking;
//! - [`municipality`]: the municipality profile and the municipality search;
//! - [`region`]: the region dashboard (counties and regional councils);
//! - [`cooperation`]: the simulator of a shared child welfare service;
//! - [`trend`]: a computed figure over time, chart and table, shared by both;
//! - [`validate`]: the page where publishers check a file in the browser;
//! - [`panic`]: the friendly message shown if the app panics.

pub mod app;
pub mod charts;
pub mod cooperation;
pub mod indicator;
pub mod io;
pub mod load;
pub mod municipality;
pub mod overview;
pub mod panic;
pub mod region;
pub mod trend;
pub mod validate;

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

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

/// Entry point: installs the panic hook and mounts the app on `<body>`. A
/// page rendered at publish time (`scripts/render.mjs`, made by this same
/// app) stays on screen while the app renders the same view hidden beside
/// it from the files the page holds, then gives way to it; a page opened
/// with another query (`?catalog=`, an old link) gives way at once. The
/// first-load module leaves a rendered page of a tool on screen for the
/// tools module, which it loads at once.
pub fn start() {
    panic::install();
    let Some((rendered, query)) = io::rendered_page() else {
        return mount_to_body();
    };
    if !cfg!(feature = "tools") && is_tool(query.view) && query == io::location_query() {
        // If the tools cannot be had, this app says so in the page.
        return leptos::task::spawn_local(async move {
            if io::hand_over().await.is_err() {
                take_over(rendered, query);
            }
        });
    }
    take_over(rendered, query);
}

/// Mounts the app on `<body>`, or in the app root a page handed over to
/// the tools module left (`#innsyn`, see `io::hand_over`).
fn mount_to_body() {
    let root =
        io::app_root().unwrap_or_else(|| leptos::prelude::document().body().expect("a body"));
    io::keep_mounted(Box::new(leptos::mount::mount_to(root, app::App)));
}

/// Renders beside the rendered page and takes its place when ready.
fn take_over(rendered: web_sys::HtmlElement, query: innsyn_core::query::Query) {
    let Some(root) = io::hidden_root_after(&rendered) else {
        return mount_to_body();
    };
    io::keep_mounted(Box::new(leptos::mount::mount_to(root.clone(), app::App)));
    if query != io::location_query() {
        rendered.remove();
        root.set_id("innsyn");
        root.set_hidden(false);
    } else {
        io::take_over(rendered, root);
    }
}

/// The pages of the tools module.
fn is_tool(view: innsyn_core::query::View) -> bool {
    use innsyn_core::query::View;
    matches!(
        view,
        View::Cooperation | View::Validate | View::Accessibility | View::Report
    )
}

/// The tools module's entry, called by the first-load module when it hands
/// a page over (`io::hand_over`).
#[cfg(feature = "tools")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn start_tools() {
    start();
}

/// The stable paths of every page a site publishes, one per line, for
/// `scripts/render.mjs`: from the site's catalog and region registry.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn published_pages(catalog: &str, regions: &str) -> String {
    let Ok((catalog, _)) = innsyn_core::catalog::parse(catalog, "data/catalog.json") else {
        return String::new();
    };
    let registry = innsyn_core::registry::Registry::parse(regions)
        .map(|(r, _)| r)
        .unwrap_or_default();
    innsyn_core::route::published_pages(&catalog, &registry)
        .iter()
        .map(innsyn_core::route::to_href)
        .collect::<Vec<_>>()
        .join("\n")
}

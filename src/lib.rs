//! Innsyn's web app: a Leptos single-page app, all state in the query string.
//!
//! - [`app`]: the page and its components;
//! - [`io`]: the only module that fetches files or touches the address bar;
//! - [`charts`]: the only module that calls charts-rs;
//! - [`validate`]: the page where publishers check a file in the browser;
//! - [`panic`]: the friendly message shown if the app panics.

pub mod app;
pub mod charts;
pub mod io;
pub mod panic;
pub mod validate;

/// Entry point: installs the panic hook and mounts the app on `<body>`.
pub fn start() {
    panic::install();
    leptos::mount::mount_to_body(app::App);
}

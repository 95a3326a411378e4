//! Loading what the pages show: the catalog and indicator files. One place
//! for the loading and error states every page and card shows, so a bad or
//! missing file is always reported the same way, in the panel that wanted it.

use std::sync::Arc;

use innsyn_core::catalog::{self, Catalog};
use innsyn_core::i18n::{Lang, T};
use innsyn_core::model::Dataset;
use innsyn_core::read;
use innsyn_core::registry::Registry;
use leptos::prelude::*;

use crate::app::{fetch_error_text, parse_error_text, Nav};
use crate::io;

/// The bundled catalog, used unless `?catalog=` names another.
pub const DEFAULT_CATALOG: &str = "data/catalog.json";

/// Fetches and reads a catalog; an error is a sentence for the page.
pub async fn load_catalog(url: String, lang: Lang) -> Result<Arc<Catalog>, String> {
    let text = io::fetch_text(&url)
        .await
        .map_err(|e| fetch_error_text(&e, lang))?;
    let (cat, diags) = catalog::parse(&text, &url).map_err(|e| parse_error_text(&e, lang))?;
    match diags
        .iter()
        .find(|d| d.severity == innsyn_core::diag::Severity::Error)
    {
        Some(d) => Err(d.to_line(lang)),
        None => Ok(Arc::new(cat)),
    }
}

/// Fetches and reads one indicator file; an error is a sentence for the panel.
pub async fn load_dataset(
    url: String,
    registry: Arc<Registry>,
    lang: Lang,
) -> Result<Arc<Dataset>, String> {
    let text = io::fetch_text(&url)
        .await
        .map_err(|e| fetch_error_text(&e, lang))?;
    match read::read_str(&text, &registry) {
        Err(e) => Err(parse_error_text(&e, lang)),
        Ok(mut out) if !out.has_errors() && !out.datasets.is_empty() => {
            Ok(Arc::new(out.datasets.remove(0)))
        }
        Ok(out) => Err(out
            .diagnostics
            .iter()
            .take(3)
            .map(|d| d.to_line(lang))
            .collect::<Vec<_>>()
            .join("; ")),
    }
}

fn loading(nav: Nav) -> AnyView {
    view! { <p class="loading" role="status">{nav.t(T::Loading)}</p> }.into_any()
}

fn failed(nav: Nav, file: String, msg: String) -> AnyView {
    view! { <div class="error" role="alert"><h2>{nav.t(T::LoadError)}</h2><p>{file}</p><p>{msg}</p></div> }.into_any()
}

/// The catalog named by `?catalog=` (or the bundled one), rendered by `body`
/// once loaded. Loading reads the language untracked: a language switch
/// fetches nothing.
pub fn with_catalog<V: IntoView + 'static>(
    body: impl Fn(Arc<Catalog>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let url = Memo::new(move |_| {
        nav.query
            .get()
            .catalog
            .unwrap_or_else(|| DEFAULT_CATALOG.to_string())
    });
    let catalog =
        LocalResource::new(move || load_catalog(url.get(), nav.query.get_untracked().lang));
    move || match catalog.get() {
        None => loading(nav),
        Some(Err(msg)) => failed(nav, url.get_untracked(), msg),
        Some(Ok(cat)) => body(cat).into_any(),
    }
}

/// The indicator file at `url()`, rendered by `body` once read.
pub fn with_dataset<V: IntoView + 'static>(
    url: impl Fn() -> String + Send + Sync + 'static,
    body: impl Fn(Arc<Dataset>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    let url = Memo::new(move |_| url());
    let data = LocalResource::new(move || {
        load_dataset(url.get(), registry.clone(), nav.query.get_untracked().lang)
    });
    move || match data.get() {
        None => loading(nav),
        Some(Err(msg)) => failed(nav, url.get_untracked(), msg),
        Some(Ok(ds)) => body(ds).into_any(),
    }
}

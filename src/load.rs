//! Loading what the pages show: the catalog and indicator files. One place
//! for the loading and error states every page and card shows, so a bad or
//! missing file is always reported the same way, in the panel that wanted it.

use std::sync::Arc;

use innsyn_core::catalog::{self, Catalog};
use innsyn_core::diag::{Diagnostic, Severity};
use innsyn_core::i18n::{Lang, T};
use innsyn_core::model::Dataset;
use innsyn_core::read;
use innsyn_core::registry::Registry;
use leptos::prelude::*;
use leptos::tachys::reactive_graph::OwnedView;

use crate::app::{fetch_error_text, parse_error_text, Nav};
use crate::io;

/// The bundled catalog, used unless `?catalog=` names another.
pub const DEFAULT_CATALOG: &str = "data/catalog.json";
/// The region registry served with the app, used when a catalog names none.
pub const DEFAULT_REGIONS: &str = "data/regions.json";

fn first_error(diags: &[Diagnostic], lang: Lang) -> Option<String> {
    diags
        .iter()
        .find(|d| d.severity == Severity::Error)
        .map(|d| d.to_line(lang))
}

/// Fetches and reads a catalog and the region registry it names. An error is
/// a sentence for the page, naming the file it is about.
pub async fn load_site(
    url: String,
    lang: Lang,
) -> Result<(Arc<Catalog>, Arc<Registry>), (String, String)> {
    let failed = |file: &str| {
        let file = file.to_string();
        move |msg: String| (file, msg)
    };
    let text = io::fetch_text(&url)
        .await
        .map_err(|e| fetch_error_text(&e, lang))
        .map_err(failed(&url))?;
    let (cat, diags) = catalog::parse(&text, &url)
        .map_err(|e| parse_error_text(&e, lang))
        .map_err(failed(&url))?;
    first_error(&diags, lang)
        .map_or(Ok(()), Err)
        .map_err(failed(&url))?;
    let regions = cat
        .regions
        .clone()
        .unwrap_or_else(|| DEFAULT_REGIONS.to_string());
    let text = io::fetch_text(&regions)
        .await
        .map_err(|e| fetch_error_text(&e, lang))
        .map_err(failed(&regions))?;
    let (registry, diags) = Registry::parse(&text)
        .map_err(|e| parse_error_text(&e, lang))
        .map_err(failed(&regions))?;
    first_error(&diags, lang)
        .map_or(Ok(()), Err)
        .map_err(failed(&regions))?;
    Ok((Arc::new(cat), Arc::new(registry)))
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

/// The catalog named by `?catalog=` (or the bundled one) and its region
/// registry; once both are read, `body` is rendered with them in context
/// (`Arc<Catalog>`, `Arc<Registry>`). Loading reads the language untracked: a
/// language switch fetches nothing.
pub fn with_site<V: IntoView + 'static>(
    body: impl Fn() -> V + Send + Sync + 'static,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let url = Memo::new(move |_| {
        nav.query
            .get()
            .catalog
            .unwrap_or_else(|| DEFAULT_CATALOG.to_string())
    });
    let site = LocalResource::new(move || load_site(url.get(), nav.query.get_untracked().lang));
    move || match site.get() {
        None => loading(nav),
        Some(Err((file, msg))) => failed(nav, file, msg),
        Some(Ok((catalog, registry))) => {
            let owner = Owner::current().expect("rendered inside the app").child();
            let view = owner.with(|| {
                provide_context(catalog);
                provide_context(registry);
                body()
            });
            OwnedView::new_with_owner(view, owner).into_any()
        }
    }
}

/// An indicator file being fetched and read; several panels may show one load.
pub type DatasetLoad = LocalResource<Result<Arc<Dataset>, String>>;

/// Starts loading the indicator file at `url` (read in the language of the
/// moment; a language switch fetches nothing).
pub fn load(url: String) -> DatasetLoad {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    LocalResource::new(move || {
        load_dataset(
            url.clone(),
            registry.clone(),
            nav.query.get_untracked().lang,
        )
    })
}

/// A panel's content for a load: loading, the error naming the file, or `body`.
fn render<V: IntoView + 'static>(
    nav: Nav,
    state: Option<Result<Arc<Dataset>, String>>,
    file: impl FnOnce() -> String,
    body: &impl Fn(Arc<Dataset>) -> V,
) -> AnyView {
    match state {
        None => loading(nav),
        Some(Err(msg)) => failed(nav, file(), msg),
        Some(Ok(ds)) => body(ds).into_any(),
    }
}

/// The indicator file of `load`, rendered by `body` once read.
pub fn with_load<V: IntoView + 'static>(
    load: DatasetLoad,
    file: String,
    body: impl Fn(Arc<Dataset>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    move || render(nav, load.get(), || file.clone(), &body)
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
    move || render(nav, data.get(), || url.get_untracked(), &body)
}

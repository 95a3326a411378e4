//! Loading what the pages show: the site (its configuration, whose
//! catalog it may show, the catalog and region registry),
//! indicator files, boundaries and the accessibility statement. One loader for every panel ([`panel`]):
//! its loading state, its error (a typed [`LoadError`], written in the
//! language of the moment, under the title of what failed and naming the
//! file) or its body — so a bad or missing file is always reported the same
//! way, in the panel that wanted it. Loading never reads the language: a
//! language switch fetches nothing. Bottom layer: uses `nav` and `io`.

mod error;
mod files;

use std::sync::Arc;

use innsyn_core::catalog::{Boundaries, Catalog, IndicatorDef};
use innsyn_core::geo::Projected;
use innsyn_core::i18n::T;
use innsyn_core::model::{Dataset, I18nText};
use innsyn_core::query::Query;
use innsyn_core::registry::Registry;
use innsyn_core::statement::Statement;
use leptos::context::Provider;
use leptos::prelude::*;

pub use error::LoadError;
pub use files::ReportFiles;

use crate::nav::{href, Nav};

/// The bundled catalog, used unless `?catalog=` names another.
pub const DEFAULT_CATALOG: &str = "data/catalog.json";
/// The catalog of made-up demonstration figures, offered when SSB cannot be reached.
pub const DEMO_CATALOG: &str = "data/demo/catalog.json";
/// The region registry served with the app, used when a catalog names none.
pub const DEFAULT_REGIONS: &str = "data/regions.json";

/// Something a panel waits for; several panels may show one load.
pub type Loading<T> = LocalResource<Result<T, LoadError>>;

/// A boundaries file's shapes as paths on the map, and the map's height.
pub type Outlines = Arc<(Vec<Projected>, f64)>;

/// How a failed panel is headed: the title of what it shows (when known),
/// the file it comes from, and its heading level; and whether its figures
/// are asked from SSB's live API.
#[derive(Clone)]
pub struct Head {
    pub title: Option<I18nText>,
    pub file: String,
    pub level: Level,
    pub live: bool,
}

#[derive(Clone, Copy, PartialEq)]
pub enum Level {
    /// The panel is the page: its error is the page's h1.
    Page,
    /// A panel of its own: an h2.
    Panel,
    /// Part of a panel with its own heading.
    Inline,
}

impl Head {
    /// The head of an indicator's panel: its catalog title and file.
    pub fn of(def: Option<&IndicatorDef>, level: Level) -> Head {
        let catalog = expect_context::<Arc<Catalog>>();
        Head {
            title: def.and_then(|d| d.overrides.title.clone()),
            file: def.map(|d| catalog.file_label(d)).unwrap_or_default(),
            level,
            live: def.is_some_and(|d| catalog.is_live(d)),
        }
    }
}

/// Where an indicator's figures come from, for the source line and errors.
pub fn file_of(def: &IndicatorDef) -> String {
    expect_context::<Arc<Catalog>>().file_label(def)
}

/// The files an indicator of the page was read from (both parts of a
/// computed rate), each with the name it is downloaded under and its text
/// as published, when the visit has read it.
pub fn source_files(id: &str) -> Vec<(String, std::rc::Rc<str>)> {
    let catalog = expect_context::<Arc<Catalog>>();
    let registry = expect_context::<Arc<Registry>>();
    let Some(def) = catalog.indicator(id) else {
        return Vec::new();
    };
    let parts: Vec<&IndicatorDef> = match def.rate() {
        Some(r) => [&r.numerator, &r.denominator]
            .into_iter()
            .filter_map(|p| catalog.indicator(p))
            .collect(),
        None => vec![def],
    };
    parts
        .into_iter()
        .filter_map(|d| {
            let (url, from_ssb) = files::address(d, &catalog, &registry).ok()?;
            let table = d.ssb().filter(|_| from_ssb).map(|s| s.table.as_str());
            let name = innsyn_core::export::source_file_name(&url, table);
            Some((name, files::text_of(&url)?))
        })
        .collect()
}

/// Starts loading the indicator `def()` of the catalog (again when it
/// changes), by its definition: its file, SSB's live answer, or both parts
/// of a computed rate.
pub fn indicator(
    def: impl Fn() -> Option<IndicatorDef> + Send + Sync + 'static,
) -> Loading<Arc<Dataset>> {
    let registry = expect_context::<Arc<Registry>>();
    let catalog = expect_context::<Arc<Catalog>>();
    let nav = expect_context::<Nav>();
    LocalResource::new(move || {
        let (catalog, registry, def) = (catalog.clone(), registry.clone(), def());
        let prices = nav.prices.get();
        async move {
            match def {
                Some(d) => files::indicator(d, catalog, registry, prices).await,
                None => Err(LoadError::Empty),
            }
        }
    })
}

/// The accessibility statement (`data/accessibility.json`) as the page:
/// its loading state, its error as the page's heading, or `body` with the
/// statement and the site's publisher. Loaded once, with a signal rather
/// than a resource (a resource of a new type costs the wasm ≈2 KiB).
pub fn with_statement(
    body: impl Fn(Arc<Statement>, I18nText) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let (got, set) = signal(None);
    leptos::task::spawn_local(async move { set.set(Some(files::statement().await)) });
    let head = Head {
        title: None,
        file: innsyn_core::statement::FILE.to_string(),
        level: Level::Page,
        live: false,
    };
    move || match got.get() {
        None => loading(nav, false),
        Some(Err(e)) => failed(nav, head.clone(), e),
        Some(Ok((st, publisher))) => body(st, publisher),
    }
}

/// The council report's files (`data/report.json`, the figures it draws
/// on, the published Word documents) as the page: its loading state, its
/// template's error as the page's heading, or `body`.
pub fn with_report(
    body: impl Fn(Arc<ReportFiles>) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let (catalog, registry) = (
        expect_context::<Arc<Catalog>>(),
        expect_context::<Arc<Registry>>(),
    );
    let (got, set) = signal(None);
    leptos::task::spawn_local(async move {
        set.set(Some(files::report(catalog, registry).await.map(Arc::new)))
    });
    let head = Head {
        title: None,
        file: innsyn_core::report::FILE.to_string(),
        level: Level::Page,
        live: false,
    };
    move || match got.get() {
        None => loading(nav, false),
        Some(Err(e)) => failed(nav, head.clone(), e),
        Some(Ok(files)) => body(files),
    }
}

/// A panel still loading; one waiting for SSB's live API says so, in a line.
fn loading(nav: Nav, live: bool) -> AnyView {
    let text = nav.t(if live { T::AskingSsb } else { T::Loading });
    view! { <p class="loading" role="status">{text}</p> }.into_any()
}

/// Starts loading a catalog's boundaries file.
pub fn boundaries(b: &Boundaries) -> Loading<Outlines> {
    let (url, join) = (b.url.clone(), b.join.clone());
    LocalResource::new(move || files::boundaries(url.clone(), join.clone()))
}

/// The one panel loader: `load` shown as its loading state, as its error
/// under `head`, or, once there, by `body`.
pub fn panel<D: Clone + 'static, V: IntoView + 'static>(
    load: Loading<D>,
    head: impl Fn() -> Head + Send + Sync + 'static,
    body: impl Fn(D) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    move || match load.get() {
        None => loading(nav, head().live),
        Some(Err(e)) => failed(nav, head(), e),
        Some(Ok(v)) => body(v).into_any(),
    }
}

/// A panel whose figures could not be had: under its title when known,
/// naming the file; live SSB figures offer the demonstration catalog
/// instead (a site of its own: never mixed), a refused catalog the site's
/// own figures.
fn failed(nav: Nav, head: Head, e: LoadError) -> AnyView {
    if e.from_ssb() && head.level == Level::Panel {
        return live_line(nav, head, e);
    }
    let Head {
        title, file, level, ..
    } = head;
    let file = e.file().map_or(file, str::to_string);
    let refused = matches!(e.inner(), LoadError::Refused(..));
    let (catalog, offer) = if refused {
        (None, T::OwnFigures)
    } else {
        (Some(DEMO_CATALOG.to_string()), T::SeeDemo)
    };
    let offer = (refused || e.from_ssb()).then(|| {
        let to = href(&Query {
            catalog,
            ..nav.query.get_untracked()
        });
        view! { <p><a href=to>{nav.t(offer)}</a></p> }
    });
    let title = move || title.as_ref().map(|t| t.get(nav.lang()).to_string());
    let error = nav.t(if refused {
        T::CatalogRefused
    } else {
        T::LoadError
    });
    let head = match (title().is_some(), level) {
        (true, Level::Page) => view! { <h1>{title}</h1><p><strong>{error}</strong></p> }.into_any(),
        (true, Level::Panel) => {
            view! { <h2>{title}</h2><p><strong>{error}</strong></p> }.into_any()
        }
        (false, Level::Page) => view! { <h1>{error}</h1> }.into_any(),
        (false, Level::Panel) => view! { <h2>{error}</h2> }.into_any(),
        (_, Level::Inline) => view! { <p><strong>{error}</strong></p> }.into_any(),
    };
    view! {
        <div class="error" role="alert">{head}<p>{file}</p><p>{move || e.text(nav.lang())}</p>{offer}</div>
    }
    .into_any()
}

/// A card whose figures only SSB's live API has, and SSB did not give
/// them: one line under the cards with figures — its title, why, when SSB
/// was asked — and the demonstration catalog.
fn live_line(nav: Nav, head: Head, e: LoadError) -> AnyView {
    let to = href(&Query {
        catalog: Some(DEMO_CATALOG.to_string()),
        ..nav.query.get_untracked()
    });
    let asked = files::ssb_asked().unwrap_or_default();
    let text = move || {
        let lang = nav.lang();
        let title = head.title.as_ref().map_or("", |t| t.get(lang));
        format!(
            "{title}: {} {}",
            e.text(lang),
            T::SsbAskedAt.fill(lang, &asked)
        )
    };
    view! { <p class="live-line">{text}" "<a href=to>{nav.t(T::SeeDemo)}</a></p> }.into_any()
}

/// What every page is shown with: the catalog and its region registry,
/// and for a foreign catalog the site shows under its notice, that
/// catalog's origin (as shown) and the site's publisher.
#[derive(Clone)]
pub struct Site {
    pub catalog: Arc<Catalog>,
    pub registry: Arc<Registry>,
    pub foreign: Foreign,
}

/// A foreign catalog the site shows under its notice: its origin (as
/// shown) and the site's publisher.
pub type Foreign = Option<(String, I18nText)>;

/// Starts loading the site: its configuration, then the catalog named by
/// `?catalog=` (or the bundled one) unless the configuration refuses it,
/// and its region registry (again when the catalog changes).
pub fn site() -> Loading<Site> {
    let nav = expect_context::<Nav>();
    let url = Memo::new(move |_| {
        nav.query.with(|q| {
            q.catalog
                .clone()
                .unwrap_or_else(|| DEFAULT_CATALOG.to_string())
        })
    });
    LocalResource::new(move || files::site(url.get()))
}

/// The foreign catalog of the loaded site, if it shows one (tracked).
pub fn foreign(site: Loading<Site>) -> Foreign {
    site.with(|s| s.as_ref()?.as_ref().ok()?.foreign.clone())
}

/// The `site` in a panel whose error is the page's; once loaded, `body` is
/// rendered with its catalog and registry provided (`Arc<Catalog>`,
/// `Arc<Registry>`) to everything below it.
pub fn with_site<V: IntoView + 'static>(
    site: Loading<Site>,
    body: impl Fn() -> V + Send + Sync + 'static,
) -> impl IntoView {
    let body = Arc::new(body);
    let head = || Head {
        title: None,
        file: String::new(),
        level: Level::Page,
        live: false,
    };
    panel(site, head, move |s: Site| {
        let body = body.clone();
        view! { <Provider value=s.catalog><Provider value=s.registry>{body()}</Provider></Provider> }
    })
}

/// The indicator `def()` of the catalog in a panel, rendered by `body` once loaded.
pub fn with_indicator<V: IntoView + 'static>(
    def: impl Fn() -> Option<IndicatorDef> + Send + Sync + 'static,
    body: impl Fn(Arc<Dataset>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    indicator_panel(def, Level::Panel, body)
}

/// The same for a page that is all one indicator: its error is the page's
/// level-one heading.
pub fn with_indicator_page<V: IntoView + 'static>(
    def: impl Fn() -> Option<IndicatorDef> + Send + Sync + 'static,
    body: impl Fn(Arc<Dataset>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    indicator_panel(def, Level::Page, body)
}

fn indicator_panel<V: IntoView + 'static>(
    def: impl Fn() -> Option<IndicatorDef> + Send + Sync + 'static,
    level: Level,
    body: impl Fn(Arc<Dataset>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let def = Memo::new(move |_| def());
    let head = move || Head::of(def.get_untracked().as_ref(), level);
    panel(indicator(move || def.get()), head, body)
}

//! Loading what the pages show: the catalog and indicator files. One place
//! for the loading and error states every page and card shows, so a bad or
//! missing file is always reported the same way, in the panel that wanted it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Poll, Waker};

use innsyn_core::catalog::{self, Catalog, IndicatorDef};
use innsyn_core::define::{self, Source};
use innsyn_core::diag::{Diagnostic, Severity};
use innsyn_core::i18n::{Lang, T};
use innsyn_core::json::ParseError;
use innsyn_core::model::Dataset;
use innsyn_core::query::Query;
use innsyn_core::read;
use innsyn_core::registry::Registry;
use innsyn_core::ssb;
use leptos::context::Provider;
use leptos::prelude::*;

use crate::io::{self, FetchError};
use crate::nav::{href, Nav};

/// The bundled catalog, used unless `?catalog=` names another.
pub const DEFAULT_CATALOG: &str = "data/catalog.json";
/// The catalog of made-up demonstration figures, offered when SSB cannot be reached.
pub const DEMO_CATALOG: &str = "data/demo/catalog.json";
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

/// Why a panel has no figures: a sentence in the language of the moment,
/// and whether the figures were to come live from SSB (the panel then
/// offers the demonstration catalog).
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub msg: String,
    pub from_ssb: bool,
}

impl From<String> for Failure {
    fn from(msg: String) -> Failure {
        Failure {
            msg,
            from_ssb: false,
        }
    }
}

/// A file being read, once for the whole visit: every panel that asks for
/// it waits for the same read. (A hand-written shared future: the futures
/// crate's `Shared` cost more wasm than this.)
#[derive(Default)]
struct Pending {
    result: Option<Result<Arc<Dataset>, Failure>>,
    waiting: Vec<Waker>,
}

thread_local! {
    /// Every file (and live SSB answer) read during the visit, by address:
    /// several indicators on one table cost one request, and a page that
    /// shows it again fetches nothing.
    static FILES: RefCell<HashMap<String, Rc<RefCell<Pending>>>> = RefCell::new(HashMap::new());
}

/// The file at `url` read into its first dataset, fetched once per visit.
fn read_file(
    url: String,
    registry: Arc<Registry>,
    lang: Lang,
    from_ssb: bool,
) -> impl Future<Output = Result<Arc<Dataset>, Failure>> {
    let slot = FILES
        .with(|f| f.borrow().get(&url).cloned())
        .unwrap_or_else(|| {
            let slot = Rc::new(RefCell::new(Pending::default()));
            FILES.with(|f| f.borrow_mut().insert(url.clone(), slot.clone()));
            let done = slot.clone();
            leptos::task::spawn_local(async move {
                let result = fetch_and_read(&url, &registry, lang, from_ssb).await;
                let waiting = {
                    let mut p = done.borrow_mut();
                    p.result = Some(result);
                    std::mem::take(&mut p.waiting)
                };
                waiting.into_iter().for_each(Waker::wake);
            });
            slot
        });
    std::future::poll_fn(move |cx| {
        let mut p = slot.borrow_mut();
        match &p.result {
            Some(r) => Poll::Ready(r.clone()),
            None => {
                p.waiting.push(cx.waker().clone());
                Poll::Pending
            }
        }
    })
}

async fn fetch_and_read(
    url: &str,
    registry: &Registry,
    lang: Lang,
    from_ssb: bool,
) -> Result<Arc<Dataset>, Failure> {
    let text = io::fetch_text(url).await.map_err(|e| Failure {
        msg: if from_ssb {
            ssb_error_text(&e, lang)
        } else {
            fetch_error_text(&e, lang)
        },
        from_ssb,
    })?;
    match read::read_str(&text, registry) {
        Err(e) => Err(Failure::from(parse_error_text(&e, lang))),
        Ok(mut out) if !out.has_errors() && !out.datasets.is_empty() => {
            Ok(Arc::new(out.datasets.remove(0)))
        }
        Ok(out) => Err(Failure::from(lines(&out.diagnostics, lang))),
    }
}

fn lines(diags: &[Diagnostic], lang: Lang) -> String {
    diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .take(3)
        .map(|d| d.to_line(lang))
        .collect::<Vec<_>>()
        .join("; ")
}

/// What to tell a reader when SSB did not give the figures.
fn ssb_error_text(e: &io::FetchError, lang: Lang) -> String {
    match e {
        io::FetchError::Status(429, _) => T::SsbBusy.get(lang).to_string(),
        io::FetchError::Network(_) => T::SsbUnreachable.get(lang).to_string(),
        other => format!(
            "{} {}",
            T::SsbFailed.get(lang),
            fetch_error_text(other, lang)
        ),
    }
}

/// The figures of one indicator of the catalog, as a cube every page can
/// show: its file (or SSB's live answer) read and derived by its
/// definition, or for a computed rate both parts loaded and divided.
pub async fn load_indicator(
    def: IndicatorDef,
    catalog: Arc<Catalog>,
    registry: Arc<Registry>,
    lang: Lang,
) -> Result<Arc<Dataset>, Failure> {
    match &def.source {
        Source::Rate(rd) => {
            let part = |id: &str| {
                catalog
                    .indicator(id)
                    .cloned()
                    .ok_or_else(|| Failure::from(format!("{}: {id}", T::LoadError.get(lang))))
            };
            let (n, d) = (part(&rd.numerator)?, part(&rd.denominator)?);
            let num = derived(n, &catalog, &registry, lang).await?;
            let den = derived(d, &catalog, &registry, lang).await?;
            Ok(Arc::new(define::rate(&def, rd, &num, &den, &registry)))
        }
        Source::File { .. } => derived(def, &catalog, &registry, lang).await,
    }
}

/// A file-based indicator: its file or live SSB answers, derived.
async fn derived(
    def: IndicatorDef,
    catalog: &Catalog,
    registry: &Arc<Registry>,
    lang: Lang,
) -> Result<Arc<Dataset>, Failure> {
    let (url, from_ssb) = match (def.url(), def.ssb()) {
        (Some(u), _) => (u.to_string(), false),
        (None, Some(s)) => match &ssb::requests_for(catalog, registry, &s.table, "no")[..] {
            [one] => (one.url(ssb::API), true),
            // Too large for one request: a snapshot (innsyn fetch) merges the parts.
            _ => return Err(Failure::from(T::SsbTooLarge.get(lang).to_string())),
        },
        (None, None) => return Err(Failure::from(T::EmptyData.get(lang).to_string())),
    };
    let ds = read_file(url, registry.clone(), lang, from_ssb).await?;
    let (cube, diags) = define::derive(&def, &ds);
    if diags.iter().any(|d| d.severity == Severity::Error) {
        return Err(Failure::from(lines(&diags, lang)));
    }
    Ok(Arc::new(cube))
}

/// Where an indicator's figures come from, for the source line and errors.
pub fn file_of(def: &IndicatorDef) -> String {
    expect_context::<Arc<Catalog>>().file_label(def)
}

fn loading(nav: Nav) -> AnyView {
    view! { <p class="loading" role="status">{nav.t(T::Loading)}</p> }.into_any()
}

fn failed(nav: Nav, file: String, msg: String) -> AnyView {
    view! { <div class="error" role="alert"><h2>{nav.t(T::LoadError)}</h2><p>{file}</p><p>{msg}</p></div> }.into_any()
}

/// A panel whose figures could not be had, under the indicator's title when
/// the catalog gives one; live SSB figures offer the demonstration catalog
/// instead (a page of its own: never mixed).
fn failed_panel(nav: Nav, def: Option<&IndicatorDef>, f: Failure, page: bool) -> AnyView {
    let title = def.and_then(|d| d.overrides.title.clone());
    let file = def.map(file_of).unwrap_or_default();
    let demo = f.from_ssb.then(|| {
        // Another catalog: the site context is loaded anew for it, so no
        // page mixes demonstration and real figures.
        let to = href(&Query {
            catalog: Some(DEMO_CATALOG.to_string()),
            ..nav.query.get_untracked()
        });
        view! { <p><a href=to>{nav.t(T::SeeDemo)}</a></p> }
    });
    // The page's own heading when the panel is the whole page.
    let head = match (title, page) {
        (Some(t), false) => view! { <h2>{move || t.get(nav.lang()).to_string()}</h2><p><strong>{nav.t(T::LoadError)}</strong></p> }.into_any(),
        (Some(t), true) => view! { <h1>{move || t.get(nav.lang()).to_string()}</h1><p><strong>{nav.t(T::LoadError)}</strong></p> }.into_any(),
        (None, false) => view! { <h2>{nav.t(T::LoadError)}</h2> }.into_any(),
        (None, true) => view! { <h1>{nav.t(T::LoadError)}</h1> }.into_any(),
    };
    view! { <div class="error" role="alert">{head}<p>{file}</p><p>{f.msg}</p>{demo}</div> }
        .into_any()
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
    let site = LocalResource::new(move || load_site(url.get(), nav.lang.get_untracked()));
    let body = Arc::new(body);
    move || match site.get() {
        None => loading(nav),
        Some(Err((file, msg))) => failed(nav, file, msg),
        Some(Ok((catalog, registry))) => {
            let body = body.clone();
            view! { <Provider value=catalog><Provider value=registry>{body()}</Provider></Provider> }
                .into_any()
        }
    }
}

/// An indicator being loaded; several panels may show one load.
pub type DatasetLoad = LocalResource<Result<Arc<Dataset>, Failure>>;

/// Starts loading an indicator of the catalog (messages in the language of
/// the moment; a language switch fetches nothing).
pub fn load(def: IndicatorDef) -> DatasetLoad {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    let catalog = expect_context::<Arc<Catalog>>();
    LocalResource::new(move || {
        load_indicator(
            def.clone(),
            catalog.clone(),
            registry.clone(),
            nav.lang.get_untracked(),
        )
    })
}

/// A panel's content for a load: loading, the error naming the file, or `body`.
fn render<V: IntoView + 'static>(
    nav: Nav,
    state: Option<Result<Arc<Dataset>, Failure>>,
    def: Option<&IndicatorDef>,
    page: bool,
    body: &impl Fn(Arc<Dataset>) -> V,
) -> AnyView {
    match state {
        None => loading(nav),
        Some(Err(f)) => failed_panel(nav, def, f, page),
        Some(Ok(ds)) => body(ds).into_any(),
    }
}

/// The indicator `def` being loaded by `load`, rendered by `body` once read.
pub fn with_load<V: IntoView + 'static>(
    load: DatasetLoad,
    def: IndicatorDef,
    body: impl Fn(Arc<Dataset>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    move || render(nav, load.get(), Some(&def), false, &body)
}

/// The indicator `def()` of the catalog, rendered by `body` once loaded.
pub fn with_indicator<V: IntoView + 'static>(
    def: impl Fn() -> Option<IndicatorDef> + Send + Sync + 'static,
    body: impl Fn(Arc<Dataset>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    indicator_view(def, false, body)
}

/// The same for a page that is all one indicator: its error is the page's
/// level-one heading.
pub fn with_indicator_page<V: IntoView + 'static>(
    def: impl Fn() -> Option<IndicatorDef> + Send + Sync + 'static,
    body: impl Fn(Arc<Dataset>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    indicator_view(def, true, body)
}

fn indicator_view<V: IntoView + 'static>(
    def: impl Fn() -> Option<IndicatorDef> + Send + Sync + 'static,
    page: bool,
    body: impl Fn(Arc<Dataset>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    let catalog = expect_context::<Arc<Catalog>>();
    let def = Memo::new(move |_| def());
    let data = LocalResource::new(move || {
        let (catalog, registry) = (catalog.clone(), registry.clone());
        let lang = nav.lang.get_untracked();
        let def = def.get();
        async move {
            match def {
                Some(d) => load_indicator(d, catalog, registry, lang).await,
                None => Err(Failure::from(T::EmptyData.get(lang).to_string())),
            }
        }
    });
    move || render(nav, data.get(), def.get_untracked().as_ref(), page, &body)
}

pub fn fetch_error_text(e: &FetchError, lang: Lang) -> String {
    match (e, lang) {
        (FetchError::Status(404, _), Lang::En) => "The file was not found (404).".into(),
        (FetchError::Status(404, _), Lang::Nn) => "Fann ikkje fila (404).".into(),
        (FetchError::Status(404, _), Lang::Nb) => "Fant ikke fila (404).".into(),
        (FetchError::Status(s, t), Lang::En) => format!("The server answered {s} {t}."),
        (FetchError::Status(s, t), _) => format!("Tjeneren svarte {s} {t}."),
        (FetchError::TooLarge(n), Lang::En) => {
            format!("The file is too large ({} MB).", n / 1_000_000)
        }
        (FetchError::TooLarge(n), _) => format!("Fila er for stor ({} MB).", n / 1_000_000),
        (FetchError::Network(m), Lang::En) => format!("Network error: {m}"),
        (FetchError::Network(m), Lang::Nn) => format!("Nettverksfeil: {m}"),
        (FetchError::Network(m), Lang::Nb) => format!("Nettverksfeil: {m}"),
    }
}

/// "Line 3, column 8: …" for a file that is not JSON.
pub fn parse_error_text(e: &ParseError, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Line {}, column {}: {}", e.line, e.col, e.message_en()),
        Lang::Nn => format!("Linje {}, kolonne {}: {}", e.line, e.col, e.message_nb()),
        Lang::Nb => format!("Linje {}, kolonne {}: {}", e.line, e.col, e.message_nb()),
    }
}

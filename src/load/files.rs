//! Reading files: the site's configuration, catalog and registry, indicator files (or
//! SSB's live answers) read once per visit, boundaries. Errors are typed
//! ([`LoadError`]); nothing here knows the language.

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Poll, Waker};

use innsyn_core::catalog::{self, Catalog, IndicatorDef};
use innsyn_core::define::{self, Source};
use innsyn_core::diag::Diagnostic;
use innsyn_core::geo;
use innsyn_core::json::ParseError;
use innsyn_core::model::{Dataset, I18nText};
use innsyn_core::read;
use innsyn_core::registry::Registry;
use innsyn_core::report::{self, Published, Template};
use innsyn_core::site::{self, Trust};
use innsyn_core::ssb;
use innsyn_core::statement::{self, Statement};

use super::{LoadError, Site, DEFAULT_REGIONS};
use crate::io::{self, FetchError};

/// The site's configuration, then — unless it refuses a catalog from
/// where `url` is — the catalog and the region registry it names. An
/// error names the file it is about.
pub async fn site(url: String) -> Result<Site, LoadError> {
    let config = match io::fetch_text(site::FILE).await {
        // A host without the file: the safe defaults (foreign catalogs refused).
        Err(FetchError::Status(404, _)) => site::Site::default(),
        text => checked(site::FILE, text, site::parse)?,
    };
    let foreign = match site::trust(&io::origin(), &url, &config) {
        Trust::Trusted => None,
        Trust::Marked(origin) => Some((origin, config.publisher)),
        Trust::Refused(origin) => {
            let refused = LoadError::Refused(origin, config.publisher);
            return Err(LoadError::At(url, Box::new(refused)));
        }
    };
    let text = io::fetch_text(&url).await;
    let cat = checked(&url, text, |t| catalog::parse(t, &url))?;
    let regions = cat
        .regions
        .clone()
        .unwrap_or_else(|| DEFAULT_REGIONS.to_string());
    let registry = checked(&regions, io::fetch_text(&regions).await, Registry::parse)?;
    Ok(Site {
        catalog: Arc::new(cat),
        registry: Arc::new(registry),
        foreign,
    })
}

/// The accessibility statement, and the site's publisher (whom it names
/// when the catalog gives no contact; without `site.json`, the default).
pub async fn statement() -> Result<(Arc<Statement>, I18nText), LoadError> {
    let text = io::fetch_text(statement::FILE).await;
    let st = checked(statement::FILE, text, statement::parse)?;
    let config = io::fetch_text(site::FILE).await.ok();
    let config = config
        .and_then(|t| site::parse(&t).ok())
        .unwrap_or_default()
        .0;
    Ok((Arc::new(st), config.publisher))
}

/// What the council report is made from: its template, the figures of
/// its indicators the site holds in files, in current prices (those only
/// SSB's live API has are not asked for: the report says where SSB
/// publishes them), each that cannot be read with why, and the Word
/// documents published beside it (none on a build that made none).
pub struct ReportFiles {
    pub template: Arc<Template>,
    pub data: report::Data,
    pub problems: Vec<(String, LoadError)>,
    pub published: Vec<Published>,
}

pub async fn report(
    catalog: Arc<Catalog>,
    registry: Arc<Registry>,
) -> Result<ReportFiles, LoadError> {
    let text = io::fetch_text(report::FILE).await;
    let template = checked(report::FILE, text, report::parse)?;
    let mut data = report::Data::new();
    let mut problems = Vec::new();
    for id in report::indicators(&template, &catalog) {
        let Some(def) = catalog.indicator(&id).cloned() else {
            continue;
        };
        if !report::in_files(&catalog, &id) {
            continue;
        }
        let current = Some(innsyn_core::prices::CURRENT.to_string());
        match indicator(def, catalog.clone(), registry.clone(), current).await {
            Ok(ds) => {
                data.insert(id, ds);
            }
            Err(e) => problems.push((id, e)),
        }
    }
    let published = io::fetch_text(report::PUBLISHED)
        .await
        .map(|t| report::published(&t))
        .unwrap_or_default();
    Ok(ReportFiles {
        template: Arc::new(template),
        data,
        problems,
        published,
    })
}

/// A fetched file read by `parse`: what cannot be fetched or read, or its
/// first error, is an error about `file`.
fn checked<T>(
    file: &str,
    text: Result<String, FetchError>,
    parse: impl FnOnce(&str) -> Result<(T, Vec<Diagnostic>), ParseError>,
) -> Result<T, LoadError> {
    let read = || {
        let (value, diags) = parse(&text.map_err(LoadError::Fetch)?).map_err(LoadError::Parse)?;
        LoadError::invalid(&diags, 1).map_or(Ok(value), Err)
    };
    read().map_err(|e| LoadError::At(file.to_string(), Box::new(e)))
}

/// A boundaries file (GeoJSON) read into its shapes, projected once into
/// the map's 600-wide box (every year the map shows draws the same paths).
pub async fn boundaries(url: String, join: String) -> Result<super::Outlines, LoadError> {
    let text = io::fetch_text(&url).await.map_err(LoadError::Fetch)?;
    let (shapes, diags) = geo::parse(&text, &join).map_err(LoadError::Parse)?;
    if shapes.is_empty() {
        return Err(LoadError::invalid(&diags, 3).unwrap_or(LoadError::Empty));
    }
    Ok(Arc::new(geo::project(&shapes, 600.0)))
}

/// A file being read, once for the whole visit: every panel that asks for
/// it waits for the same read. (A hand-written shared future: the futures
/// crate's `Shared` cost more wasm than this.)
#[derive(Default)]
struct Pending {
    result: Option<Result<Arc<Dataset>, LoadError>>,
    waiting: Vec<Waker>,
}

thread_local! {
    /// Every file (and live SSB answer) read during the visit, by address:
    /// several indicators on one table cost one request, and a page that
    /// shows it again fetches nothing.
    static FILES: RefCell<HashMap<String, Rc<RefCell<Pending>>>> = RefCell::new(HashMap::new());
    /// Their text as published, for the reader who downloads the source file.
    static TEXTS: RefCell<HashMap<String, Rc<str>>> = RefCell::new(HashMap::new());
    /// When SSB's live API was last asked during the visit ("20:31").
    static ASKED: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// When SSB's live API was last asked during the visit, by the browser's clock.
pub fn ssb_asked() -> Option<String> {
    ASKED.with(|a| a.borrow().clone())
}

/// The text of the file at `url` as it was read during the visit.
pub fn text_of(url: &str) -> Option<Rc<str>> {
    TEXTS.with(|t| t.borrow().get(url).cloned())
}

/// The file at `url` read into its first dataset, fetched once per visit.
fn read_file(
    url: String,
    registry: Arc<Registry>,
    from_ssb: bool,
) -> impl Future<Output = Result<Arc<Dataset>, LoadError>> {
    let slot = FILES
        .with(|f| f.borrow().get(&url).cloned())
        .unwrap_or_else(|| {
            let slot = Rc::new(RefCell::new(Pending::default()));
            FILES.with(|f| f.borrow_mut().insert(url.clone(), slot.clone()));
            let done = slot.clone();
            leptos::task::spawn_local(async move {
                let result = fetch_and_read(&url, &registry, from_ssb).await;
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
    from_ssb: bool,
) -> Result<Arc<Dataset>, LoadError> {
    if from_ssb {
        ASKED.with(|a| *a.borrow_mut() = Some(io::clock()));
    }
    let text = io::fetch_text(url).await.map_err(if from_ssb {
        LoadError::Ssb
    } else {
        LoadError::Fetch
    })?;
    TEXTS.with(|t| {
        t.borrow_mut()
            .insert(url.to_string(), Rc::from(text.as_str()))
    });
    match read::read_str(&text, registry) {
        Err(e) => Err(LoadError::Parse(e)),
        Ok(mut out) if !out.has_errors() && !out.datasets.is_empty() => {
            Ok(Arc::new(out.datasets.remove(0)))
        }
        Ok(out) => Err(LoadError::invalid(&out.diagnostics, 3).unwrap_or(LoadError::Empty)),
    }
}

/// The figures of one indicator of the catalog, as a cube every page can
/// show: its file (or SSB's live answer) read and derived by its
/// definition, or for a computed rate both parts loaded and divided; kroner
/// in the prices the reader chose (`prices`, the URL's).
pub async fn indicator(
    def: IndicatorDef,
    catalog: Arc<Catalog>,
    registry: Arc<Registry>,
    prices: Option<String>,
) -> Result<Arc<Dataset>, LoadError> {
    let ds = in_current_prices(def, &catalog, &registry).await?;
    Ok(
        match innsyn_core::prices::shown(&ds, &catalog.prices, prices.as_deref()) {
            Some(fixed) => Arc::new(fixed),
            None => ds,
        },
    )
}

async fn in_current_prices(
    def: IndicatorDef,
    catalog: &Arc<Catalog>,
    registry: &Arc<Registry>,
) -> Result<Arc<Dataset>, LoadError> {
    match &def.source {
        Source::Rate(rd) => {
            let part = |id: &str| {
                catalog
                    .indicator(id)
                    .cloned()
                    .ok_or_else(|| LoadError::NoPart(id.to_string()))
            };
            let (n, d) = (part(&rd.numerator)?, part(&rd.denominator)?);
            let num = derived(n, catalog, registry).await?;
            let den = derived(d, catalog, registry).await?;
            Ok(Arc::new(define::rate(&def, rd, &num, &den, registry)))
        }
        Source::File { .. } => derived(def, catalog, registry).await,
    }
}

/// Where a file-based indicator is read from: its file, or the one live
/// SSB request it needs (and whether it is SSB's).
pub fn address(
    def: &IndicatorDef,
    catalog: &Catalog,
    registry: &Registry,
) -> Result<(String, bool), LoadError> {
    match (def.url(), def.ssb()) {
        (Some(u), _) => Ok((u.to_string(), false)),
        (None, Some(s)) => match &ssb::requests_for(catalog, registry, &s.table, "no")[..] {
            [one] => Ok((one.url(ssb::API), true)),
            // Too large for one request: a snapshot (innsyn fetch) merges the parts.
            _ => Err(LoadError::SsbTooLarge),
        },
        (None, None) => Err(LoadError::Empty),
    }
}

/// A file-based indicator: its file or live SSB answers, derived.
async fn derived(
    def: IndicatorDef,
    catalog: &Catalog,
    registry: &Arc<Registry>,
) -> Result<Arc<Dataset>, LoadError> {
    let (url, from_ssb) = address(&def, catalog, registry)?;
    let ds = read_file(url, registry.clone(), from_ssb).await?;
    let (cube, diags) = define::derive(&def, &ds);
    if let Some(e) = LoadError::invalid(&diags, 3) {
        return Err(e);
    }
    Ok(Arc::new(cube))
}

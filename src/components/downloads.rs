//! What a reader takes away from a figure: its table as CSV (for Excel and
//! for scripts), its chart as SVG and PNG framed with title, unit, source
//! and the demonstration label, and the source file as published; and a
//! page's every figure as one CSV ([`PageFile`], [`page_download`]). All
//! built in the browser from what the page holds: no request, works
//! offline once the page is loaded.
//!
//! Size: everything here is a plain `dyn` closure read at click time and
//! one click listener per menu, not signals or a handler per button —
//! reactive types and distinct closures cost wasm per type.

use std::sync::{Arc, Mutex};

use innsyn_core::catalog::Catalog;
use innsyn_core::export::{self, long::Block, svg, Dialect, Table};
use innsyn_core::i18n::{Lang, T};
use innsyn_core::model::IndicatorMeta;
use leptos::prelude::*;

use crate::io;
use crate::load;
use crate::nav::{self, Nav};

/// A text in a language, read when needed.
pub type Text = Arc<dyn Fn(Lang) -> String + Send + Sync>;
/// A figure's table in a language, read when drawn or downloaded.
pub type TableOf = Arc<dyn Fn(Lang) -> Table + Send + Sync>;
/// An indicator's figures on the page, for the page's one file.
pub type BlockOf = Arc<dyn Fn(Lang) -> Block + Send + Sync>;
type CsvOf = Arc<dyn Fn(Lang, Dialect) -> String + Send + Sync>;

/// What a menu offers.
pub struct Offer {
    /// The files' name before the extension, e.g. «Barn med tiltak – Gjøvik 2017 2024».
    name: Text,
    csv: CsvOf,
    /// The framed chart (SVG), when there is one.
    image: Option<Text>,
    /// The indicator whose source files are offered ("" for none).
    id: String,
}

impl Offer {
    /// A figure's downloads: `table` with the lines about `meta` and
    /// `file`, and — given the chart's SVG and title — the framed chart.
    pub fn figure(
        meta: IndicatorMeta,
        file: String,
        table: TableOf,
        name: Text,
        chart: Option<(Text, Text)>,
    ) -> Offer {
        let (m, f) = (Arc::new(meta), Arc::new(file));
        let (m2, f2) = (m.clone(), f.clone());
        let image = chart.map(|(svg, title)| -> Text {
            Arc::new(move |lang| {
                let about = export::about(&m2, &f2, lang);
                // Unit and demo label go above the chart, the rest below.
                let footer: Vec<String> = about
                    .into_iter()
                    .filter(|l| l != T::DemoLabel.get(lang))
                    .skip(1)
                    .collect();
                let unit = format!("{}: {}", T::Unit.get(lang), m2.unit.get(lang));
                let frame = svg::Frame {
                    title: &title(lang),
                    subtitle: &unit,
                    demo: m2.demo.then(|| T::DemoLabel.get(lang)),
                    footer: &footer,
                };
                svg::framed(&svg(lang), &frame).unwrap_or_default()
            })
        });
        let id = m.id.clone();
        Offer {
            name,
            csv: Arc::new(move |lang, d| {
                export::csv(&table(lang), &export::about(&m, &f, lang), d, lang)
            }),
            image,
            id,
        }
    }
}

/// The labels of the menu's buttons, by the key each button carries.
const ITEMS: [T; 4] = [T::CsvExcel, T::CsvPlain, T::ImageSvg, T::ImagePng];

/// The download menu: a disclosure with one button per file and a status
/// line that says what was downloaded.
pub fn downloads(o: Offer, summary: Text, hint: Option<T>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let (done, set_done) = signal(String::new());
    let sources = if o.id.is_empty() {
        Vec::new()
    } else {
        load::source_files(&o.id)
    };
    let shown = if o.image.is_some() { 4 } else { 2 };
    let mut buttons: Vec<(usize, T, String)> =
        (0..shown).map(|k| (k, ITEMS[k], String::new())).collect();
    for (j, (name, _)) in sources.iter().enumerate() {
        buttons.push((4 + j, T::SourceFile, format!(" ({name})")));
    }
    let Offer {
        name, csv, image, ..
    } = o;
    let click = move |ev: leptos::ev::MouseEvent| {
        let Some(k) = io::clicked_key(&ev) else {
            return;
        };
        let lang = nav.lang();
        let file = |ext: &str| export::file_name(&[&name(lang)], ext);
        let saved = match (k, &image) {
            (0 | 1, _) => {
                let d = if k == 0 {
                    Dialect::Excel
                } else {
                    Dialect::Plain
                };
                let f = file("csv");
                io::download_text(&f, "text/csv", &csv(lang, d));
                f
            }
            (2, Some(img)) => {
                let f = file("svg");
                io::download_text(&f, "image/svg+xml", &img(lang));
                f
            }
            (3, Some(img)) => {
                let s = img(lang);
                let Some((w, h)) = svg::size(&s) else { return };
                let f = file("png");
                io::download_png(&f, &s, w as f64, h as f64);
                f
            }
            _ => {
                let Some((f, text)) = sources.get(k - 4) else {
                    return;
                };
                io::download_text(f, "application/json", text);
                f.clone()
            }
        };
        set_done.set(saved);
    };
    // Its buttons are written in the page's language while it is open:
    // opened (a click or a key on its summary) before the browser shows them.
    let (open, set_open) = signal(false);
    let menu = nav::part_while(open.into(), move || {
        let nav = expect_context::<Nav>();
        view! {
            {hint.map(|h| view! { <p class="hint">{nav.t(h)}</p> })}
            <ul on:click=click>
                {buttons.into_iter().map(|(k, label, more)| view! {
                    <li><button type="button" data-k=k.to_string()>{move || format!("{}{more}", label.get(nav.lang()))}</button></li>
                }).collect_view()}
            </ul>
            <p class="done" role="status">{move || {
                let d = done.get();
                (!d.is_empty()).then(|| T::Downloaded.fill(nav.lang(), &d))
            }}</p>
        }
        .into_any()
    });
    view! {
        <details class="downloads" on:toggle=move |ev| set_open.set(io::details_open(&ev))>
            <summary on:click=move |_| set_open.set(true)>{move || summary(nav.lang())}</summary>
            {menu}
        </details>
    }
}

/// «Last ned», the summary of a figure's menu.
pub fn download_label() -> Text {
    Arc::new(|lang| T::Download.get(lang).to_string())
}

/// The figures of every indicator a page shows, gathered as its cards
/// load, for the page's one file.
#[derive(Clone, Default)]
pub struct PageFile(Arc<Mutex<Vec<(String, BlockOf)>>>);

impl PageFile {
    /// A new, empty page file for the page being built and everything in it.
    pub fn provide() {
        provide_context(PageFile::default());
    }

    /// Adds an indicator's figures (read when downloaded); gone again with
    /// the card.
    pub fn add(block: BlockOf, id: String) {
        let Some(p) = use_context::<PageFile>() else {
            return;
        };
        if let Ok(mut v) = p.0.lock() {
            v.push((id.clone(), block));
        }
        on_cleanup(move || {
            if let Ok(mut v) = p.0.lock() {
                v.retain(|(k, _)| *k != id);
            }
        });
    }
}

/// The page's one file: every indicator × area × period, as CSV for
/// Excel or for scripts, named after the page (`barnevern-gjovik.csv`),
/// in the catalog's order of indicators.
pub fn page_download(title: Text) -> impl IntoView {
    let page = expect_context::<PageFile>();
    let catalog = expect_context::<Arc<Catalog>>();
    let t = title.clone();
    let csv: CsvOf = Arc::new(move |lang, d| {
        let list = page.0.lock().map(|v| v.clone()).unwrap_or_default();
        let blocks: Vec<Block> = catalog
            .indicators
            .iter()
            .filter_map(|i| list.iter().find(|(id, _)| *id == i.id))
            .map(|(_, b)| b(lang))
            .collect();
        export::long::page_csv(&t(lang), &blocks, d, lang)
    });
    let offer = Offer {
        name: Arc::new(move |lang| format!("barnevern {}", title(lang))),
        csv,
        image: None,
        id: String::new(),
    };
    let summary: Text =
        Arc::new(|lang| format!("{}: {}", T::Download.get(lang), T::PageData.get(lang)));
    view! { <div class="page-file">{downloads(offer, summary, Some(T::PageDataHint))}</div> }
}

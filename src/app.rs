//! The page: header with language switch, the chart panel, the municipality list.
//!
//! Every string from a data file is rendered as text (Leptos escapes it); the
//! only inner HTML is the SVG from [`crate::charts`].

use std::sync::Arc;

use innsyn_core::embed;
use innsyn_core::i18n::{format_timestamp, Lang, T};
use innsyn_core::json::ParseError;
use innsyn_core::model::IndicatorMeta;
use innsyn_core::present::{self, Ranking};
use innsyn_core::query::{Query, View};
use innsyn_core::registry::Registry;
use leptos::prelude::*;

use crate::charts::{self, Chart};
use crate::cooperation::CooperationPage;
use crate::indicator::IndicatorPage;
use crate::io::{self, FetchError};
use crate::load::with_site;
use crate::municipality::MunicipalityPage;
use crate::overview::OverviewPage;
use crate::region::RegionPage;
use crate::validate::ValidatePage;

/// The URL state, shared by every component.
#[derive(Clone, Copy)]
pub struct Nav {
    /// Window width in CSS pixels, kept current on resize.
    pub viewport: ReadSignal<f64>,
    pub query: ReadSignal<Query>,
    set_query: WriteSignal<Query>,
}

impl Nav {
    /// An interface string that follows the language. Every call returns the
    /// same closure type, so the renderer is compiled once for all of them
    /// (dozens of distinct closures made the wasm tens of KiB larger).
    pub fn t(self, key: T) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || key.get(self.lang())
    }
    pub fn lang(&self) -> Lang {
        self.query.get().lang
    }

    /// Another page of the site about `region`, keeping language, embed mode
    /// and catalog.
    pub fn to(&self, view: View, region: String) -> Query {
        Query {
            region: Some(region),
            ..self.query.get().page(view)
        }
    }

    /// Goes to a new query: a new history entry, and the page follows.
    pub fn go(&self, q: Query) {
        io::push_query(&q.to_query_string());
        self.set_query.set(q);
    }
    /// Changes the query in place (no new history entry).
    pub fn replace(&self, q: Query) {
        io::replace_query(&q.to_query_string());
        self.set_query.set(q);
    }
}

/// Sets up what every component expects: the URL state (following
/// back/forward), the viewport width and the region registry.
pub fn provide_app_context() -> Nav {
    let (query, set_query) = signal(Query::parse(&io::location_search()));
    let (viewport, set_viewport) = signal(io::viewport_width());
    let nav = Nav {
        viewport,
        query,
        set_query,
    };
    provide_context(nav);
    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        set_query.set(Query::parse(&io::location_search()))
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        set_viewport.set(io::viewport_width())
    });
    on_cleanup(move || {
        popstate.remove();
        resize.remove();
    });
    nav
}

#[component]
pub fn App() -> impl IntoView {
    let nav = provide_app_context();
    // Pages are rebuilt only when the view changes, not on every query change
    // (a language switch re-renders text in place and fetches nothing).
    let current_view = Memo::new(move |_| nav.query.get().view);
    let embed = Memo::new(move |_| nav.query.get().embed);
    Effect::new(move |_| {
        let lang = nav.lang();
        io::set_document_lang_and_title(
            lang.code(),
            &format!("{} – {}", T::AppName.get(lang), T::Tagline.get(lang)),
        );
    });
    if embed.get_untracked() && io::in_frame() {
        report_height(nav);
    }
    view! {
        {move || if embed.get() {
            view! { <EmbedHeader/> }.into_any()
        } else {
            view! {
                <a class="skip" href="#main">{nav.t(T::SkipToContent)}</a>
                <header class="site-header">
                    <div class="wrap header-row">
                        <p class="brand">{nav.t(T::AppName)}</p>
                        <LangSwitch/>
                    </div>
                    <MainMenu/>
                </header>
            }
            .into_any()
        }}
        <main id="main" class="wrap" tabindex="-1">
            {with_site(move || move || match current_view.get() {
                View::Validate => view! { <ValidatePage/> }.into_any(),
                View::Region => view! { <RegionPage/> }.into_any(),
                View::Municipality => view! { <MunicipalityPage/> }.into_any(),
                View::Indicator => view! { <IndicatorPage/> }.into_any(),
                View::Cooperation => view! { <CooperationPage/> }.into_any(),
                _ => view! { <OverviewPage/> }.into_any(),
            })}
        </main>
        {move || (!embed.get()).then(|| view! {
            <EmbedDialog/>
            <footer class="site-footer">
                <div class="wrap"><p>{nav.t(T::Footer)}</p></div>
            </footer>
        })}
    }
}

/// In embed mode inside a frame: tells the parent the content height
/// whenever it changes (load, data arriving, interaction, resize). The id is
/// the frame's `name` when the host gave one, else the view's query string.
fn report_height(nav: Nav) {
    let id = Some(io::frame_name())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| nav.query.get_untracked().to_query_string());
    io::on_resize(move || io::post_height(&id, io::content_height()));
}

/// The compact header of an embedded view: the name and a link to the same
/// view in the full site, in a new tab (never the top window).
#[component]
fn EmbedHeader() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let href = move || embed::full_url(&io::app_base(), &nav.query.get());
    view! {
        <header class="embed-header wrap">
            <p class="brand">{nav.t(T::AppName)}</p>
            <a href=href target="_blank" rel="noopener">{nav.t(T::SeeMore)}" "<span class="hint">{nav.t(T::NewTab)}</span></a>
        </header>
    }
}

/// "Bygg inn": the snippet for this view, a copy button and a preview of the
/// embed at a chosen width, whose height follows its content.
#[component]
fn EmbedDialog() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let frame = NodeRef::<leptos::html::Iframe>::new();
    let (open, set_open) = signal(false);
    let (width, set_width) = signal(375u32);
    let (height, set_height) = signal(0.0f64);
    let (copied, set_copied) = signal(false);
    let (title, set_title) = signal(String::new());
    io::on_frame_height(move || frame.get_untracked(), move |h| set_height.set(h));
    let snippet = move || {
        let h = height.get();
        let h = if h > 0.0 {
            h.ceil() as u32
        } else {
            embed::DEFAULT_HEIGHT
        };
        embed::snippet(&io::app_base(), &nav.query.get(), &title.get(), h)
    };
    let show = move |on: bool| {
        if on {
            set_title.set(format!(
                "{}: {}",
                T::AppName.get(nav.lang()),
                io::main_heading()
            ));
            set_copied.set(false);
            // This view's preview measures again; no height from the last one.
            set_height.set(0.0);
        }
        set_open.set(on);
        if let Some(d) = dialog.get() {
            io::show_dialog(&d, on);
        }
    };
    view! {
        <div class="wrap embed-tools">
            <button type="button" class="toggle" aria-haspopup="dialog" on:click=move |_| show(true)>{nav.t(T::EmbedButton)}</button>
        </div>
        <dialog node_ref=dialog class="embed-dialog" aria-labelledby="embed-h" on:close=move |_| set_open.set(false)>
            <h2 id="embed-h">{nav.t(T::EmbedTitle)}</h2>
            <p>{nav.t(T::EmbedIntro)}</p>
            <label for="embed-code">{nav.t(T::EmbedCode)}</label>
            <textarea id="embed-code" readonly rows="5" prop:value=snippet></textarea>
            <p>
                <button type="button" class="toggle" on:click=move |_| { io::copy_text(&snippet()); set_copied.set(true); }>{nav.t(T::Copy)}</button>
                " "<span role="status">{move || copied.get().then(|| T::Copied.get(nav.lang()))}</span>
            </p>
            <div class="picker">
                <label for="embed-width">{nav.t(T::PreviewWidth)}</label>
                <select id="embed-width" on:change=move |ev| if let Ok(w) = event_target_value(&ev).parse() { set_width.set(w) }>
                    {[320u32, 375, 640].map(|w| view! { <option value=w.to_string() selected=move || width.get() == w>{format!("{w} px")}</option> })}
                </select>
            </div>
            <p class="hint">{move || format!("{}: {} × {} px", T::Preview.get(nav.lang()), width.get(), height.get().ceil())}</p>
            <div class="preview">
                {move || open.get().then(|| view! {
                    <iframe node_ref=frame src=embed::embed_url(&io::app_base(), &nav.query.get_untracked()) title=move || title.get() width=move || width.get().to_string() height=move || (height.get().max(200.0).ceil() as u32).to_string()></iframe>
                })}
            </div>
            <button type="button" class="toggle" on:click=move |_| show(false)>{nav.t(T::Close)}</button>
        </dialog>
    }
}

/// The site's pages; the current one is marked.
#[component]
fn MainMenu() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let item = move |view: View, label: T| {
        let target = move || nav.query.get().page(view);
        view! {
            <li>
                <a
                    href=move || { let q = target().to_query_string(); if q.is_empty() { "?".to_string() } else { q } }
                    aria-current=move || (nav.query.get().view == view).then_some("page")
                    on:click=move |ev| {
                        ev.prevent_default();
                        nav.go(target());
                    }
                >
                    {move || label.get(nav.lang())}
                </a>
            </li>
        }
    };
    view! {
        <nav class="main-menu wrap" aria-label=nav.t(T::NavMain)>
            <ul>
                {item(View::Overview, T::NavOverview)}
                {item(View::Region, T::NavRegions)}
                {item(View::Municipality, T::NavMunicipality)}
                {item(View::Indicator, T::NavIndicators)}
                {item(View::Cooperation, T::NavCooperation)}
                {item(View::Validate, T::NavValidate)}
            </ul>
        </nav>
    }
}

/// Links to the same page in the other languages; the current one is marked.
#[component]
fn LangSwitch() -> impl IntoView {
    let nav = expect_context::<Nav>();
    view! {
        <nav class="lang-switch" aria-label=nav.t(T::LanguageLabel)>
            <ul>
                {Lang::ALL
                    .into_iter()
                    .map(|l| {
                        let href = move || Query { lang: l, ..nav.query.get() }.to_query_string();
                        let href = move || { let h = href(); if h.is_empty() { "?".to_string() } else { h } };
                        view! {
                            <li>
                                <a
                                    href=href
                                    lang=l.code()
                                    aria-current=move || (nav.lang() == l).then_some("true")
                                    on:click=move |ev| {
                                        ev.prevent_default();
                                        nav.go(Query { lang: l, ..nav.query.get() });
                                    }
                                >
                                    {l.own_name()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
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

/// The width a chart is drawn at: the panel's inner width (page and panel
/// padding taken off), so its text keeps its size on phones and desktops.
pub fn chart_width(viewport: f64) -> f32 {
    let padding = if viewport >= 768.0 {
        2.0 * 16.0 + 2.0 * 24.0
    } else {
        4.0 * 16.0
    };
    (viewport.min(72.0 * 16.0) - padding).clamp(256.0, 1088.0) as f32
}

/// The chart, its text summary, the demo label, the source line and the table toggle.
/// `nested`: inside a card that has its own heading and demo label, so the
/// figure's heading is an h3 and the label is not repeated.
#[component]
pub fn RankingFigure(
    ranking: Ranking,
    file: String,
    #[prop(optional)] nested: bool,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let (show_table, set_show_table) = signal(false);
    let r = Arc::new(ranking);
    let id = format!("fig-{}{}", r.meta.id, if nested { "-members" } else { "" });
    let heading_id = format!("{id}-h");
    let table_id = format!("{id}-table");
    let (r1, r2, r3, r4) = (r.clone(), r.clone(), r.clone(), r.clone());
    let svg = Memo::new(move |_| {
        charts::ranking_svg(&r1, nav.lang(), chart_width(nav.viewport.get())).unwrap_or_default()
    });
    view! {
        <figure class="figure" aria-labelledby=heading_id.clone()>
            {if nested {
                view! { <h3 id=heading_id.clone()>{move || format!("{} {}", T::MembersIn.get(nav.lang()), r2.period)}</h3> }.into_any()
            } else {
                view! { <h2 id=heading_id.clone()>{move || format!("{} {}", r2.meta.title.get(nav.lang()), r2.period)}</h2> }.into_any()
            }}
            <p class="unit">{move || format!("{}: {}", T::Unit.get(nav.lang()), r3.meta.unit.get(nav.lang()))}</p>
            {(r.meta.demo && !nested).then(|| view! {
                <p class="demo-label"><strong>{nav.t(T::DemoLabel)}</strong>" "{nav.t(T::DemoExplained)}</p>
            })}
            <Chart
                svg=Signal::derive(move || svg.get())
                label=Signal::derive(move || r4.summary(nav.lang()))
                hidden=Signal::derive(move || show_table.get())
            />
            <RankingTable ranking=r.clone() id=table_id.clone() hidden=show_table/>
            <figcaption>
                <p class="summary">{ let r = r.clone(); move || r.summary(nav.lang()) }</p>
                {source_and_toggle(&r.meta, file, table_id, show_table, set_show_table)}
            </figcaption>
        </figure>
    }
}

/// A figure's provenance — source, table (linked), the file it came from,
/// when the publisher last updated the figures and when Innsyn's snapshot
/// was fetched, and every note of the file — and the button that switches
/// between the chart and its table.
pub fn source_and_toggle(
    meta: &IndicatorMeta,
    file: String,
    table_id: String,
    show_table: ReadSignal<bool>,
    set_show_table: WriteSignal<bool>,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let source = meta.source.clone().unwrap_or_else(|| "–".into());
    // Each table named, linked to its page: SSB's tables by their number.
    let tables: Vec<String> = meta
        .table
        .iter()
        .flat_map(|t| t.split(", "))
        .map(str::to_string)
        .collect();
    let from_ssb = meta
        .source
        .as_deref()
        .is_some_and(|s| s.contains("Statistisk sentralbyrå"));
    let only_link = meta
        .source_url
        .clone()
        .filter(|u| innsyn_core::simple::safe_link(u) && tables.len() == 1);
    let table = (!tables.is_empty()).then(|| {
        let items = tables
            .into_iter()
            .enumerate()
            .map(|(i, t)| {
                let href = if from_ssb && t.bytes().all(|b| b.is_ascii_digit()) {
                    Some(innsyn_core::ssb::table_page(&t))
                } else {
                    only_link.clone()
                };
                let sep = if i == 0 { "" } else { ", " };
                match href {
                    Some(href) => {
                        view! { {sep}<a href=href rel="noopener noreferrer">{t}</a> }.into_any()
                    }
                    None => view! { {sep}{t} }.into_any(),
                }
            })
            .collect_view();
        view! { ", "{nav.t(T::TableNo)}" "{items} }
    });
    let licence = meta.licence.clone().map(|l| format!(" ({l})"));
    let (updated, fetched) = (meta.updated.clone(), meta.fetched.clone());
    let dates = (updated.is_some() || fetched.is_some()).then(|| {
        view! {
            <p class="dates">{move || {
                let lang = nav.lang();
                let mut parts = Vec::new();
                if let Some(u) = updated.as_deref().and_then(|u| format_timestamp(u, lang)) {
                    parts.push(format!("{} {u}", T::Updated.get(lang)));
                }
                if let Some(f) = fetched.as_deref().and_then(|f| format_timestamp(f, lang)) {
                    parts.push(format!("{} {f}", T::FetchedFromSsb.get(lang)));
                }
                parts.join(" · ")
            }}</p>
        }
    });
    let notes = (!meta.notes.is_empty()).then(|| {
        let items = meta
            .notes
            .iter()
            .map(|n| view! { <li>{n.clone()}</li> })
            .collect_view();
        view! { <div class="notes"><p>{nav.t(T::Notes)}":"</p><ul>{items}</ul></div> }
    });
    view! {
        <p class="source">{nav.t(T::Source)}": "{source}{table}{licence}" · "{file}</p>
        {dates}
        {notes}
        <button
            type="button"
            class="toggle"
            aria-controls=table_id
            aria-expanded=move || if show_table.get() { "true" } else { "false" }
            on:click=move |_| set_show_table.update(|v| *v = !*v)
        >
            {move || if show_table.get() { T::ShowChart.get(nav.lang()) } else { T::ShowTable.get(nav.lang()) }}
        </button>
    }
}

/// A card's headline: the figure, large, and its unit.
pub fn big_value(value: f64, decimals: u8, unit: &str, lang: Lang) -> impl IntoView {
    view! {
        <p class="big">
            <span class="value">{innsyn_core::i18n::format_number(value, decimals, lang)}</span>" "
            <span class="unit">{unit.to_string()}</span>
        </p>
    }
}

/// The members left out of a computed figure, each with its reason (nothing
/// when none is).
pub fn left_out_list(lines: Vec<String>, lang: Lang) -> impl IntoView {
    (!lines.is_empty()).then(|| {
        view! {
            <div class="left-out">
                <p>{format!("{} ({}):", T::LeftOut.get(lang), lines.len())}</p>
                <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            </div>
        }
    })
}

/// A numeric table cell: the formatted number, with the raw number in
/// `data-value` (empty when missing); `missing` is shown when there is none.
pub fn value_cell(v: Option<f64>, decimals: u8, lang: Lang, missing: &str) -> impl IntoView {
    view! {
        <td class="num" data-value=v.map(|v| v.to_string()).unwrap_or_default()>
            {v.map(|v| innsyn_core::i18n::format_number(v, decimals, lang)).unwrap_or_else(|| missing.to_string())}
        </td>
    }
}

/// The ranking as a real table; value cells carry the raw number in `data-value`.
#[component]
fn RankingTable(ranking: Arc<Ranking>, id: String, hidden: ReadSignal<bool>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let (r1, r2) = (ranking.clone(), ranking.clone());
    view! {
        <div
            class="table-wrap"
            hidden=move || !hidden.get()
            id=id
            tabindex="0"
            role="region"
            aria-label=move || format!("{} {} – {}", r1.meta.title.get(nav.lang()), r1.period, T::Table.get(nav.lang()))
        >
            <table>
                <caption>{move || format!("{} {} ({})", r2.meta.title.get(nav.lang()), r2.period, r2.meta.unit.get(nav.lang()))}</caption>
                <thead>
                    <tr>
                        <th scope="col">{nav.t(T::Municipality)}</th>
                        <th scope="col" class="num">{nav.t(T::Value)}</th>
                        <th scope="col">{nav.t(T::Status)}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let lang = nav.lang();
                        ranking
                            .rows
                            .iter()
                            .map(|row| {
                                let note = match (&row.value, &row.status) {
                                    (Some(_), None) => String::new(),
                                    (Some(_), Some(s)) => s.meaning(lang),
                                    (None, s) => present::reason(s.as_ref(), lang),
                                };
                                let symbol = row.status.as_ref().map(|s| s.symbol().to_string());
                                view! {
                                    <tr>
                                        <th scope="row">{row.name.clone()}" "<span class="code">{row.code.clone()}</span></th>
                                        {value_cell(row.value, ranking.meta.decimals, lang, symbol.as_deref().unwrap_or("–"))}
                                        <td>{note}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}

/// The 48 municipalities with their numbers over time, county and regional council.
#[component]
pub fn MunicipalityList() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    view! {
        <section class="panel" aria-labelledby="munis-h">
            <h2 id="munis-h">{nav.t(T::Municipalities)}</h2>
            <p>{nav.t(T::MunicipalitiesIntro)}</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label=move || format!("{} – {}", T::Municipalities.get(nav.lang()), T::Table.get(nav.lang()))>
                <table class="municipalities">
                    <thead>
                        <tr>
                            <th scope="col">{nav.t(T::Municipality)}</th>
                            <th scope="col">{move || T::Number2017.get(nav.lang())}</th>
                            <th scope="col">{move || T::Number2020.get(nav.lang())}</th>
                            <th scope="col">{move || T::Number2024.get(nav.lang())}</th>
                            <th scope="col">{nav.t(T::County)}</th>
                            <th scope="col">{nav.t(T::RegionalCouncil)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let lang = nav.lang();
                            registry
                                .municipalities
                                .iter()
                                .map(|m| {
                                    let county = registry.county_name(m.old_county()).unwrap_or_default().to_string();
                                    let council = m.council.as_ref().and_then(|c| registry.councils.iter().find(|g| &g.id == c)).map(|g| g.name.clone()).unwrap_or_default();
                                    let council = if m.council_unverified { format!("{council} ({})", T::Unverified.get(lang)) } else { council };
                                    view! {
                                        <tr>
                                            <th scope="row">{m.name.clone()}</th>
                                            <td>{m.code_in(2019).to_string()}</td>
                                            <td>{m.code_in(2020).to_string()}</td>
                                            <td>{m.code_in(2024).to_string()}</td>
                                            <td>{county}</td>
                                            <td>{council}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

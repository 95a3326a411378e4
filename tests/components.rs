//! Component tests in headless Chromium (wasm-bindgen-test): real panels are
//! mounted, fed files through `data:` URLs (or a missing path), and the DOM is
//! checked. Run with `cargo test --target wasm32-unknown-unknown --test components`.

use innsyn_core::i18n::Lang;
use std::sync::Arc;

use innsyn_core::catalog::{Catalog, IndicatorDef};
use innsyn_core::define::Source;
use innsyn_core::present;
use innsyn_core::registry::Registry;
use innsyn_web::components::ranking::RankingFigure;
use innsyn_web::load::with_indicator;
use innsyn_web::nav::provide_app_context;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DEMO: &str = include_str!("../public/data/demo/barn-med-tiltak.json");

fn data_url(json: &str) -> String {
    format!(
        "data:application/json;charset=utf-8,{}",
        js_sys::encode_uri_component(json)
    )
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// An indicator of a catalog whose file is at `url` (a `data:` URL, which a
/// catalog file could not name).
fn indicator(url: String) -> IndicatorDef {
    IndicatorDef {
        id: "t".into(),
        source: Source::File {
            url: Some(url),
            ssb: None,
        },
        select: Vec::new(),
        overrides: Default::default(),
        demo: false,
        fetched: None,
        via: None,
        gross: None,
        theme: None,
        path: "$.indicators[0]".into(),
    }
}

/// What the pages do with an indicator: the shared loader (loading and
/// error states) and the ranking figure.
#[component]
fn Panel(def: IndicatorDef) -> impl IntoView {
    let registry = expect_context::<Arc<Registry>>();
    view! {
        <section class="panel">
            {with_indicator(move || Some(def.clone()), move |ds| present::ranking(&ds, &registry, None).map(|r| view! { <RankingFigure ranking=r file=String::new()/> }))}
        </section>
    }
}

thread_local! {
    /// The URL state of the panel mounted last.
    static NAV: std::cell::Cell<Option<innsyn_web::nav::Nav>> = const { std::cell::Cell::new(None) };
}

/// Mounts a Panel for `url` in a fresh element and waits until it has left
/// the loading state (or 5 s pass).
async fn mount_panel(url: String) -> web_sys::HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().dyn_into().unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let nav = provide_app_context();
        NAV.with(|n| n.set(Some(nav)));
        // The app fetches the registry its catalog names; here the project's own.
        provide_context(Arc::new(Registry::bundled()));
        let def = indicator(url.clone());
        provide_context(Arc::new(Catalog {
            indicators: vec![def.clone()],
            ..Default::default()
        }));
        view! { <Panel def=def/> }
    });
    handle.forget();
    for _ in 0..100 {
        leptos::task::tick().await;
        if host.query_selector(".loading").unwrap().is_none()
            && host.query_selector("section").unwrap().is_some()
        {
            break;
        }
        sleep(50).await;
    }
    host
}

fn text(el: &web_sys::HtmlElement, sel: &str) -> String {
    el.query_selector(sel)
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_valid_file_gives_chart_summary_and_table() {
    let host = mount_panel(data_url(DEMO)).await;
    let chart = host
        .query_selector(".chart[role=img]")
        .unwrap()
        .expect("chart container");
    assert!(
        chart.inner_html().starts_with("<svg"),
        "chart is charts-rs SVG"
    );
    assert!(chart
        .get_attribute("aria-label")
        .unwrap()
        .contains("48 kommuner i 2024"));
    assert!(text(&host, ".demo-label").contains("Fiktive tall – kun til demonstrasjon"));
    let rows = host.query_selector_all("tbody tr").unwrap();
    assert_eq!(rows.length(), 48);
    // Value cells carry the raw number beside the Norwegian text.
    let first = host.query_selector("tbody td.num").unwrap().unwrap();
    let raw: f64 = first.get_attribute("data-value").unwrap().parse().unwrap();
    assert_eq!(
        first.text_content().unwrap(),
        innsyn_core::i18n::format_number(raw, 1, Lang::Nb)
    );
    // The table is hidden until asked for; the toggle says what it controls.
    let wrap: web_sys::HtmlElement = host
        .query_selector(".figure .table-wrap")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(wrap.hidden());
    let button: web_sys::HtmlElement = host
        .query_selector("button.toggle")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    button.click();
    leptos::task::tick().await;
    assert!(!wrap.hidden());
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(button.text_content().unwrap(), "Vis som figur");
}

#[wasm_bindgen_test]
async fn a_missing_file_shows_an_error_in_its_panel() {
    let host = mount_panel("data/finnes-ikke.json".into()).await;
    let alert = text(&host, "[role=alert]");
    assert!(alert.contains("Kunne ikke laste data"), "{alert}");
    assert!(alert.contains("404"), "{alert}");
    assert!(alert.contains("data/finnes-ikke.json"), "{alert}");
}

#[wasm_bindgen_test]
async fn an_error_is_written_in_the_language_of_the_moment() {
    let host = mount_panel("data/finnes-ikke.json".into()).await;
    assert!(text(&host, "[role=alert]").contains("Fant ikke fila (404)."));
    let nav = NAV.with(|n| n.get()).expect("mounted");
    for (lang, want) in [
        (Lang::Nn, "Kunne ikkje laste data"),
        (Lang::En, "The file was not found (404)."),
    ] {
        nav.replace(innsyn_core::query::Query {
            lang,
            ..nav.query.get_untracked()
        });
        leptos::task::tick().await;
        let alert = text(&host, "[role=alert]");
        assert!(alert.contains(want), "{lang:?}: {alert}");
        assert!(alert.contains("data/finnes-ikke.json"), "{alert}");
    }
    nav.replace(innsyn_core::query::Query::default());
}

#[wasm_bindgen_test]
async fn malformed_json_names_line_and_column() {
    let host = mount_panel(data_url(
        "{\n  \"format\": \"innsyn-indicator/1\",\n  \"values\": [1, 2,\n",
    ))
    .await;
    let alert = text(&host, "[role=alert]");
    assert!(alert.contains("Kunne ikke laste data"), "{alert}");
    assert!(alert.contains("Linje 4, kolonne 1"), "{alert}");
}

#[wasm_bindgen_test]
async fn hostile_strings_stay_text() {
    let evil = DEMO.replacen(
        "\"Barn med barnevernstiltak per 1000 barn\"",
        "\"<img src=x onerror=alert(1)>\"",
        1,
    );
    let host = mount_panel(data_url(&evil)).await;
    assert!(
        host.query_selector("img").unwrap().is_none(),
        "no element was created from file text"
    );
    assert!(text(&host, "h2").contains("<img src=x onerror=alert(1)>"));
    assert!(
        !host
            .query_selector(".chart")
            .unwrap()
            .unwrap()
            .inner_html()
            .contains("<img"),
        "SVG labels are escaped"
    );
}

#[wasm_bindgen_test]
async fn a_file_with_errors_lists_its_diagnostics() {
    let bad = DEMO
        .replacen("\"value\":57.4", "\"value\":\"57,4\"", 1)
        .replacen("\"value\":", "\"value\":\"12,5\",\"x\":", 1);
    let host = mount_panel(data_url(&bad)).await;
    let alert = text(&host, "[role=alert]");
    assert!(alert.contains("VALUE_NOT_NUMBER"), "{alert}");
    assert!(
        alert.contains("12.5"),
        "the hint gives the fixed number: {alert}"
    );
}

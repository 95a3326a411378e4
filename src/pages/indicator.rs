//! The indicator view (`?view=indicator&indicator=ID&year=Y&measure=…`): one
//! indicator for all 48 municipalities — what it counts in plain language,
//! a year slider, the rate or the counts behind it, the map and the ranking.

use std::sync::Arc;

use innsyn_core::catalog::Catalog;
use innsyn_core::i18n::T;
use innsyn_core::model::{Dataset, I18nText};
use innsyn_core::present;
use innsyn_core::query::Query;
use innsyn_core::registry::Registry;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::cards::demo_label;
use crate::components::map::{self, MunicipalityMap, Shapes};
use crate::components::prices::price_switch;
use crate::components::ranking::RankingFigure;
use crate::load::{self, with_indicator_page};
use crate::nav::Nav;

#[component]
pub fn IndicatorPage() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    let cat = expect_context::<Arc<Catalog>>();
    {
        let cat2 = cat.clone();
        let chosen = Memo::new(move |_| {
            let wanted = nav.query.get().indicator;
            wanted
                .and_then(|id| cat2.indicator(&id).cloned())
                .or_else(|| cat2.indicators.first().cloned())
        });
        let ids: Vec<(String, Option<I18nText>)> = cat
            .indicators
            .iter()
            .map(|i| (i.id.clone(), i.overrides.title.clone()))
            .collect();
        let (shapes, registry) = (map::shapes(), registry.clone());
        let file = move || chosen.get().map(|c| load::file_of(&c)).unwrap_or_default();
        with_indicator_page(
            move || chosen.get(),
            move |ds| body(ds, registry.clone(), ids.clone(), file(), shapes.clone()),
        )
    }
}

fn body(
    ds: Arc<Dataset>,
    registry: Arc<Registry>,
    ids: Vec<(String, Option<I18nText>)>,
    file: String,
    shapes: Option<Shapes>,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let meta = ds.meta.clone().unwrap_or_default();
    let periods = ds.periods_with_values();
    let latest = periods.last().cloned().unwrap_or_default();
    let (first, last) = (periods.first().cloned().unwrap_or_default(), latest.clone());
    let year = {
        let (periods, latest) = (periods.clone(), latest.clone());
        Memo::new(move |_| {
            nav.query
                .get()
                .year
                .map(|y| y.to_string())
                .filter(|y| periods.contains(y))
                .unwrap_or_else(|| latest.clone())
        })
    };
    let measure = Memo::new(move |_| nav.query.get().measure);
    let all: Vec<usize> = (0..registry.municipalities.len()).collect();
    let ranking = {
        let (ds, registry) = (ds.clone(), registry.clone());
        Memo::new(move |_| {
            present::ranking_measure(
                &ds,
                &registry,
                Some(&year.get()),
                &all,
                measure.get().as_deref(),
            )
        })
    };
    let m = meta.clone();
    let explanation = move || {
        let lang = nav.lang();
        view! {
            <section class="panel" aria-labelledby="about-h">
                <h2 id="about-h">{T::AboutIndicator.get(lang)}</h2>
                <p>{m.description.get(lang).to_string()}</p>
                {m.rate.as_ref().map(|r| view! {
                    <dl class="facts">
                        <dt>{T::Numerator.get(lang)}</dt><dd>{r.numerator.get(lang).to_string()}</dd>
                        <dt>{T::Denominator.get(lang)}</dt><dd>{r.denominator.get(lang).to_string()}</dd>
                    </dl>
                })}
                <p>{present::direction(m.direction).get(lang)}</p>
            </section>
        }
    };
    let m2 = meta.clone();
    let switch = move || {
        m2.rate.clone().map(|r| {
            let lang = nav.lang();
            let current = measure.get();
            let option = move |value: Option<&'static str>, label: String| {
                let checked = current.as_deref() == value;
                view! {
                    <label class="radio">
                        <input type="radio" name="measure" checked=checked on:change=move |_| nav.go(Query { measure: value.map(str::to_string), ..nav.query.get_untracked() })/>
                        {label}
                    </label>
                }
            };
            view! {
                <fieldset class="measure">
                    <legend>{T::ShowAs.get(lang)}</legend>
                    {option(None, format!("{} ({})", m2.title.get(lang), T::RateWord.get(lang)))}
                    {option(Some("numerator"), r.numerator.get(lang).to_string())}
                    {option(Some("denominator"), r.denominator.get(lang).to_string())}
                </fieldset>
            }
        })
    };
    let (min, max) = (
        first
            .get(..4)
            .and_then(|y| y.parse::<u16>().ok())
            .unwrap_or(0),
        last.get(..4)
            .and_then(|y| y.parse::<u16>().ok())
            .unwrap_or(0),
    );
    let m3 = meta.clone();
    view! {
        <h1>{move || m3.title.get(nav.lang()).to_string()}</h1>
        <div class="picker">
            <label for="indicator-page-select">{nav.t(T::ChooseIndicatorPage)}</label>
            <select id="indicator-page-select" on:change=move |ev| {
                if let Some(v) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value()) {
                    nav.go(Query { indicator: Some(v), year: None, measure: None, ..nav.query.get_untracked() });
                }
            }>
                {ids.into_iter().map(|(id, title)| {
                    let sel = id == meta.id;
                    let (m, label) = (meta.clone(), id.clone());
                    let text = move || match (sel, &title) {
                        (true, _) => m.title.get(nav.lang()).to_string(),
                        (false, Some(t)) => t.get(nav.lang()).to_string(),
                        (false, None) => label.clone(),
                    };
                    view! { <option value=id selected=sel>{text}</option> }
                }).collect_view()}
            </select>
        </div>
        {meta.demo.then(|| demo_label(false))}
        {explanation}
        <div class="picker year">
            <label for="year-slider">{move || format!("{}: {}", T::Year.get(nav.lang()), year.get())}</label>
            <input
                id="year-slider"
                type="range"
                min=min
                max=max
                step="1"
                prop:value=move || year.get()
                aria-valuetext=move || year.get()
                on:input=move |ev| {
                    if let Some(v) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).and_then(|i| i.value().parse::<u16>().ok()) {
                        nav.replace(Query { year: Some(v), ..nav.query.get_untracked() });
                    }
                }
            />
        </div>
        {switch}
        {price_switch(&meta, "indicator")}
        {move || match ranking.get() {
            None => view! { <p class="empty" role="status">{T::EmptyData.get(nav.lang())}</p> }.into_any(),
            Some(r) => view! {
                <MunicipalityMap ranking=r.clone() shapes=shapes.clone()/>
                <section class="panel"><RankingFigure ranking=r file=file.clone()/></section>
            }
            .into_any(),
        }}
    }
}

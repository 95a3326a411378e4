//! The overview (`?view=overview`, the default page): find a municipality,
//! county or regional council; a tile map of the 48 coloured by a chosen
//! indicator (`?indicator=`, `?year=`); the ranking; the list of the 48.

use std::sync::Arc;

use innsyn_core::aggregate::{computed_label, Rule};
use innsyn_core::catalog::Catalog;
use innsyn_core::i18n::T;
use innsyn_core::model::Dataset;
use innsyn_core::model::I18nText;
use innsyn_core::present;
use innsyn_core::query::{Query, View};
use innsyn_core::registry::Registry;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::cards::demo_label;
use crate::components::map::{self, MunicipalityMap, Shapes};
use crate::components::prices::price_switch;
use crate::components::ranking::RankingFigure;
use crate::components::search::MunicipalitySearch;
use crate::components::trend::TrendFigure;
use crate::load::{self, panel, with_indicator, Head, Level};
use crate::nav::{href, Nav};

#[component]
pub fn OverviewPage() -> impl IntoView {
    let nav = expect_context::<Nav>();
    view! {
        <h1>{nav.t(T::Tagline)}</h1>
        <Spending/>
        <MunicipalitySearch/>
        <RegionLinks/>
        {
            let cat = expect_context::<Arc<Catalog>>();
            let cat2 = cat.clone();
            // The chosen indicator, or the one the catalog starts with, or its first.
            let chosen = Memo::new(move |_| {
                let wanted = nav.query.get().indicator.or_else(|| cat2.start.indicator.clone());
                wanted.and_then(|id| cat2.indicator(&id).cloned()).or_else(|| cat2.indicators.first().cloned())
            });
            let options: Vec<(String, Option<I18nText>)> = cat
                .indicators
                .iter()
                .map(|i| (i.id.clone(), i.overrides.title.clone()))
                .collect();
            view! { <IndicatorMap chosen=chosen options=options shapes=map::shapes()/> }
        }
        <MunicipalityList/>
    }
}

/// What the municipalities spent (the catalog's `start`): the sentence a
/// councillor can repeat, and their total over time, computed from the
/// members. Nothing when the catalog names no spending indicator.
#[component]
fn Spending() -> impl IntoView {
    let cat = expect_context::<Arc<Catalog>>();
    let def = |id: &Option<String>| id.as_ref().and_then(|i| cat.indicator(i)).cloned();
    let (total, per_child) = (def(&cat.start.spending), def(&cat.start.per_child));
    total.map(|def| {
        let head = Head::of(Some(&def), Level::Panel);
        let totals = load::indicator(move || Some(def.clone()));
        let per = load::indicator(move || per_child.clone());
        let body = move |ds: Arc<Dataset>| {
            let head = head.clone();
            panel(
                per,
                move || head.clone(),
                move |per: Arc<Dataset>| spending(ds.clone(), per),
            )
        };
        let head2 = Head::of(None, Level::Panel);
        view! {
            <section class="panel card spending" aria-labelledby="spending-h">
                {panel(totals, move || head2.clone(), body)}
            </section>
        }
    })
}

fn spending(ds: Arc<Dataset>, per_child: Arc<Dataset>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let cat = expect_context::<Arc<Catalog>>();
    let registry = expect_context::<Arc<Registry>>();
    let meta = ds.meta.clone().unwrap_or_default();
    let index = match &meta.fixed {
        Some(f) => cat.prices.index(&f.id),
        None => cat.prices.default_index(),
    }
    .cloned();
    let facts = present::spending(&ds, Some(&per_child), &registry, index.as_ref());
    let all: Vec<usize> = (0..registry.municipalities.len()).collect();
    let rows = {
        let series = present::group_series(&ds, &registry, Rule::Sum, &|_| all.clone());
        Memo::new(move |_| present::computed_rows(&series, &[], nav.lang()))
    };
    let n = registry.municipalities.len().to_string();
    let own_name = move || {
        let lang = nav.lang();
        format!(
            "{} ({})",
            T::AllMunicipalities.fill(lang, &n),
            computed_label(lang)
        )
    };
    let file = cat
        .indicator(&meta.id)
        .map(load::file_of)
        .unwrap_or_default();
    let title = meta.clone();
    view! {
        <h2 id="spending-h">{nav.t(T::WhatItCosts)}</h2>
        {meta.demo.then(|| demo_label(false))}
        <p class="lead">{move || facts.as_ref().map(|f| f.sentence(index.as_ref(), nav.lang())).unwrap_or_default()}</p>
        {price_switch(&meta, "start")}
        <h3>{move || title.title.get(nav.lang()).to_string()}</h3>
        <TrendFigure
            id="start-series".to_string()
            meta=meta
            file=file
            own_name=Signal::derive(own_name)
            rows=rows.into()
            others=Signal::derive(Vec::new)
            note=T::Coverage
        />
    }
}

/// Links to the region dashboards.
#[component]
fn RegionLinks() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    let (mut groups, councils) = present::region_groups(&registry);
    groups.extend(councils);
    view! {
        <nav class="region-links" aria-labelledby="region-links-h">
            <h2 id="region-links-h">{nav.t(T::RegionsLinks)}</h2>
            <ul>
                {groups.into_iter().map(|(id, name)| {
                    view! {
                        <li><a href=move || href(&nav.to(View::Region, id.clone()))>{name}</a></li>
                    }
                }).collect_view()}
            </ul>
        </nav>
    }
}

#[component]
fn IndicatorMap(
    chosen: Memo<Option<innsyn_core::catalog::IndicatorDef>>,
    options: Vec<(String, Option<I18nText>)>,
    shapes: Option<Shapes>,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    with_indicator(
        move || chosen.get(),
        move |ds| {
            let current = chosen.get_untracked().map(|c| c.id).unwrap_or_default();
            let meta = ds.meta.clone().unwrap_or_default();
            let options = options.clone();
            let select = view! {
                <div class="picker">
                    <label for="indicator-select">{nav.t(T::ChooseIndicator)}</label>
                    <select id="indicator-select" on:change=move |ev| {
                        if let Some(v) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value()) {
                            nav.go(Query { indicator: Some(v), ..nav.query.get_untracked() });
                        }
                    }>
                        // Others are named by the catalog's title, else by id:
                        // naming them from their files would cost a fetch each.
                        {options.into_iter().map(|(id, title)| {
                            let m = meta.clone();
                            let selected = id == current;
                            let label = id.clone();
                            view! { <option value=id selected=selected>{move || match (selected, &title) {
                                (true, _) => m.title.get(nav.lang()).to_string(),
                                (false, Some(t)) => t.get(nav.lang()).to_string(),
                                (false, None) => label.clone(),
                            }}</option> }
                        }).collect_view()}
                    </select>
                </div>
            };
            let year = nav.query.get_untracked().year.map(|y| y.to_string());
            let ranking = present::ranking(&ds, &registry, year.as_deref())
                .or_else(|| present::ranking(&ds, &registry, None));
            let file = chosen
                .get_untracked()
                .map(|c| load::file_of(&c))
                .unwrap_or_default();
            let shapes = shapes.clone();
            view! {
                {select}
                {match ranking {
                    None => view! { <p class="empty" role="status">{nav.t(T::EmptyData)}</p> }.into_any(),
                    Some(r) => view! {
                        <MunicipalityMap ranking=r.clone() shapes=shapes/>
                        <section class="panel"><RankingFigure ranking=r file=file/></section>
                    }
                    .into_any(),
                }}
            }
        },
    )
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
                    <caption>{nav.t(T::Municipalities)}</caption>
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

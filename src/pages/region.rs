//! The region dashboard (`?view=region&region=04`): for a county or regional
//! council, one card per indicator in the catalog with the region's figure
//! computed from its municipalities (sum/sum, labelled, with coverage), the
//! changes over one and five years, a trend line with its table, and the
//! members ranked.

use std::sync::Arc;

use innsyn_core::aggregate::{computed_label, Rule};
use innsyn_core::catalog::{Catalog, IndicatorDef};
use innsyn_core::export::long::{self, Block};
use innsyn_core::head::DEFAULT_REGION;
use innsyn_core::i18n::{Lang, T};
use innsyn_core::model::Dataset;
use innsyn_core::present::{self, trend};
use innsyn_core::query::{Query, View};
use innsyn_core::registry::Registry;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::cards::{
    big_value, changes, demo_label, direction, indicator_card, left_out_list,
};
use crate::components::downloads::{page_download, PageFile};
use crate::components::prices::{growth_line, price_switch};
use crate::components::ranking::RankingFigure;
use crate::components::trend::TrendFigure;
use crate::nav::Nav;

#[component]
pub fn RegionPage() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    let region = Memo::new(move |_| {
        nav.query
            .get()
            .region
            .unwrap_or_else(|| DEFAULT_REGION.to_string())
    });
    let reg = registry.clone();
    let name = Memo::new(move |_| reg.group_name(&region.get()).map(str::to_string));
    PageFile::provide();
    view! {
        <h1>{move || name.get().unwrap_or_else(|| region.get())}</h1>
        <RegionPicker region=region/>
        {page_download(Arc::new(move |_| name.get_untracked().unwrap_or_default()))}
        {let cat = expect_context::<Arc<Catalog>>(); move || {
            if name.get().is_none() {
                let msg = T::UnknownRegion.fill(nav.lang(), &region.get());
                return view! { <p class="error" role="alert">{msg}</p> }.into_any();
            }
            cat.dashboard(&cat.region_dashboard)
                .into_iter()
                .map(|ind| view! { <RegionCard indicator=ind region=region comparisons=cat.comparisons.clone()/> })
                .collect_view()
                .into_any()
        }}
    }
}

/// Choose a county or regional council; the choice goes into the URL.
#[component]
fn RegionPicker(region: Memo<String>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    let (counties, councils) = present::region_groups(&registry);
    let option = move |(id, name): (String, String)| {
        let selected = {
            let id = id.clone();
            move || region.get() == id
        };
        view! { <option value=id selected=selected>{name}</option> }
    };
    view! {
        <div class="picker">
            <label for="region-select">{nav.t(T::ChooseRegion)}</label>
            <select
                id="region-select"
                on:change=move |ev| {
                    let value = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value());
                    if let Some(v) = value {
                        nav.go(Query { view: View::Region, region: Some(v), ..nav.query.get_untracked() });
                    }
                }
            >
                <optgroup label=nav.t(T::Counties)>{counties.into_iter().map(option).collect_view()}</optgroup>
                <optgroup label=nav.t(T::Councils)>{councils.into_iter().map(option).collect_view()}</optgroup>
            </select>
        </div>
    }
}

/// One indicator for the region.
#[component]
fn RegionCard(
    indicator: IndicatorDef,
    region: Memo<String>,
    comparisons: Vec<String>,
) -> impl IntoView {
    let registry = expect_context::<Arc<Registry>>();
    indicator_card(indicator, move |ds, file| {
        card_body(ds, region, registry.clone(), file, comparisons.clone())
    })
}

fn card_body(
    ds: Arc<Dataset>,
    region: Memo<String>,
    registry: Arc<Registry>,
    file: String,
    comparisons: Vec<String>,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let meta = ds.meta.clone().unwrap_or_default();
    let id = format!("card-{}", meta.id);
    let rule = meta.rule();
    // The region's figure in every period, recomputed when the region changes.
    let (ds2, reg2) = (ds.clone(), registry.clone());
    let series = Memo::new(move |_| {
        let id = region.get();
        present::group_series(&ds2, &reg2, rule, &|year| {
            reg2.group_members(&id, year).unwrap_or_default()
        })
    });
    let (m1, reg3, ds3) = (meta.clone(), registry.clone(), ds.clone());
    let headline = move || {
        let lang = nav.lang();
        let s = series.get();
        let Some(t) = trend(&present::values(&s)) else {
            let text = if rule == Rule::NotCombinable {
                T::NotCombinable
            } else {
                T::NoFigure
            };
            return view! { <p class="no-figure">{text.get(lang)}</p> }.into_any();
        };
        // Only a council is ranked (among the councils; a county has no
        // peers here), and only by a figure that compares areas of any size.
        let rank = present::comparable(&m1)
            .then(|| present::council_rank(&ds3, &reg3, rule, &region.get(), &t.period))
            .flatten();
        let latest = s.iter().find(|(p, _)| *p == t.period).map(|(_, c)| c);
        let coverage = latest.map(|c| c.coverage(lang)).unwrap_or_default();
        let left_out = latest
            .map(|c| present::left_out_lines(c, &reg3, lang))
            .unwrap_or_default();
        view! {
            {big_value(t.value, m1.decimals, m1.unit.get(lang), lang)}
            <p class="computed">{format!("{} · {} · {}: {coverage}", t.period, computed_label(lang), T::Coverage.get(lang))}</p>
            {changes(&t, m1.decimals, lang)}
            {growth_line(&m1, &present::values(&s))}
            {rank.map(|(r, n)| view! { <p class="rank">{format!("{} {r} / {n}", T::RankOf.get(lang))}<span class="hint">{format!(" ({})", T::RankCouncilsExplained.get(lang))}</span></p> })}
            {left_out_list(left_out, lang)}
        }
        .into_any()
    };
    // A council is drawn against its county; a county against the country.
    let others = {
        let (ds, registry) = (ds.clone(), registry.clone());
        Memo::new(move |_| {
            let counties = present::comparison_groups(&registry, &region.get());
            present::comparison_lines(&ds, &registry, &counties, &comparisons, nav.lang())
        })
    };
    let rows = Memo::new(move |_| present::computed_rows(&series.get(), &others.get(), nav.lang()));
    let block = {
        let (meta, file, ds, registry) = (meta.clone(), file.clone(), ds.clone(), registry.clone());
        Arc::new(move |lang: Lang| {
            let id = region.get_untracked();
            let own = format!(
                "{} ({})",
                registry.group_name(&id).unwrap_or_default(),
                computed_label(lang)
            );
            let mut list = vec![long::computed(own, &series.get_untracked(), lang)];
            others.with_untracked(|o| list.extend(o.iter().map(long::line)));
            let members = registry.group_members(&id, 2024).unwrap_or_default();
            list.extend(long::members(&ds, &registry, &members, lang));
            Block {
                meta: meta.clone(),
                file: file.clone(),
                series: list,
            }
        })
    };
    PageFile::add(block, meta.id.clone());
    let own_name = {
        let registry = registry.clone();
        move || {
            format!(
                "{} ({})",
                registry.group_name(&region.get()).unwrap_or_default(),
                computed_label(nav.lang())
            )
        }
    };
    let members_ranking = {
        let (ds, registry) = (ds.clone(), registry.clone());
        move || {
            let members = registry
                .group_members(&region.get(), 2024)
                .unwrap_or_default();
            present::ranking_of(&ds, &registry, None, &members)
        }
    };
    let ranking_file = file.clone();
    let title = meta.clone();
    view! {
        <h2 id=format!("{id}-h")>{move || title.title.get(nav.lang()).to_string()}</h2>
        {meta.demo.then(|| demo_label(false))}
        {headline}
        {direction(meta.direction)}
        {price_switch(&meta, &id)}
        <TrendFigure
            id=format!("{id}-series")
            meta=meta
            file=file
            own_name=Signal::derive(own_name)
            rows=rows.into()
            others=others.into()
            note=T::Coverage
        />
        {move || members_ranking().map(|r| view! { <RankingFigure ranking=r file=ranking_file.clone() nested=true/> })}
    }
}

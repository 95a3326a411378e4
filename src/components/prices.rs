//! Kroner in current or fixed prices: the switch a card of kroner offers
//! (the URL's `prices`, so every card and page follows it), and the
//! growth since the first year in both, the index named.

use std::sync::Arc;

use innsyn_core::catalog::Catalog;
use innsyn_core::i18n::T;
use innsyn_core::model::IndicatorMeta;
use innsyn_core::prices::{self, Choice, CURRENT};
use innsyn_core::query::Query;
use leptos::prelude::*;

use crate::nav::Nav;

/// «Fra 2015 til 2025: +85 % i løpende kroner, +29 % i faste kroner
/// (kommunal deflator).» for a series of kroner, by the index it is shown
/// in, else the catalog's default; nothing for figures that are not kroner.
pub fn growth_line(meta: &IndicatorMeta, series: &[(String, Option<f64>)]) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let catalog = expect_context::<Arc<Catalog>>();
    let p = &catalog.prices;
    let index = match &meta.fixed {
        Some(f) => p.index(&f.id),
        None => p.default_index(),
    }
    .filter(|_| meta.money)?;
    let g = prices::growth(series, index, meta.fixed.is_some())?;
    let index = index.clone();
    Some(view! { <p class="growth">{move || g.sentence(&index, nav.lang())}</p> })
}

/// The choice of prices for a card of kroner: each of the catalog's
/// indexes (fixed prices) and current prices. `id` makes the radio group's
/// name unique on the page.
pub fn price_switch(meta: &IndicatorMeta, id: &str) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let catalog = expect_context::<Arc<Catalog>>();
    (meta.money && !catalog.prices.indexes.is_empty()).then(|| {
        let name = format!("prices-{id}");
        let default = catalog.prices.default.clone();
        let chosen = match catalog.prices.choose(nav.prices.get_untracked().as_deref()) {
            Choice::Current => CURRENT.to_string(),
            Choice::Fixed(i) => i.id.clone(),
        };
        let mut options: Vec<(String, Option<innsyn_core::model::I18nText>)> = catalog
            .prices
            .indexes
            .iter()
            .map(|i| (i.id.clone(), Some(i.name.clone())))
            .collect();
        options.push((CURRENT.to_string(), None));
        let radios = options
            .into_iter()
            .map(|(value, index)| {
                let checked = value == chosen;
                // The catalog's default is the URL without `prices`.
                let wanted = (Some(&value) != default.as_ref()).then(|| value.clone());
                let label = move || {
                    let lang = nav.lang();
                    match &index {
                        Some(i) => format!("{}, {}", T::FixedPrices.get(lang), i.get(lang)),
                        None => T::CurrentPrices.get(lang).to_string(),
                    }
                };
                view! {
                    <label class="radio">
                        <input type="radio" name=name.clone() checked=checked on:change=move |_| {
                            nav.go(Query { prices: wanted.clone(), ..nav.query.get_untracked() })
                        }/>
                        {label}
                    </label>
                }
            })
            .collect_view();
        view! {
            <fieldset class="measure prices">
                <legend>{nav.t(T::KronerIn)}</legend>
                {radios}
            </fieldset>
        }
    })
}

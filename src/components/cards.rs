//! Small pieces of a card: the demo label, the headline figure, the
//! changes, what a higher value means, the members left out of a computed
//! figure, a numeric table cell.

use std::sync::Arc;

use innsyn_core::catalog::IndicatorDef;
use innsyn_core::i18n::format_change;
use innsyn_core::i18n::{format_number, Lang, T};
use innsyn_core::model::{Dataset, Direction};
use innsyn_core::present::{self, Trend};
use leptos::prelude::*;

use crate::load::{self, with_indicator};
use crate::nav::{self, Nav};

/// A card of one indicator: its panel, loading state and error, then
/// `body` with the figures and where they come from.
pub fn indicator_card<V: IntoView + 'static>(
    def: IndicatorDef,
    body: impl Fn(Arc<Dataset>, String) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let file = load::file_of(&def);
    view! {
        <section class="panel card">
            {with_indicator(move || Some(def.clone()), move |ds| nav::part(|| body(ds, file.clone()).into_any()))}
        </section>
    }
}

/// «Fiktive tall – kun til demonstrasjon», with its explanation when `explained`.
pub fn demo_label(explained: bool) -> impl IntoView {
    let nav = expect_context::<Nav>();
    view! {
        <p class="demo-label"><strong>{nav.t(T::DemoLabel)}</strong>{explained.then(|| view! { " "{nav.t(T::DemoExplained)} })}</p>
    }
}

/// "Høyere er bedre." and its kin.
pub fn direction(d: Direction) -> impl IntoView {
    let nav = expect_context::<Nav>();
    view! { <p class="direction">{nav.t(present::direction(d))}</p> }
}

/// The changes since one and five periods before: "Endring fra 2023: +1,2".
pub fn changes(t: &Trend, decimals: u8, lang: Lang) -> impl IntoView {
    let items = [&t.change_1, &t.change_5]
        .into_iter()
        .flatten()
        .map(|(p, d)| {
            let c = format!(
                "{} {p}: {}",
                T::ChangeFrom.get(lang),
                format_change(*d, decimals, lang)
            );
            view! { <li>{c}</li> }
        })
        .collect_view();
    view! { <ul class="changes">{items}</ul> }
}

/// A card's headline: the figure, large, and its unit.
pub fn big_value(value: f64, decimals: u8, unit: &str, lang: Lang) -> impl IntoView {
    view! {
        <p class="big">
            <span class="value">{format_number(value, decimals, lang)}</span>" "
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
            {v.map(|v| format_number(v, decimals, lang)).unwrap_or_else(|| missing.to_string())}
        </td>
    }
}

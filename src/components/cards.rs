//! Small pieces of a card: the headline figure, the members left out of a
//! computed figure, a numeric table cell.

use innsyn_core::i18n::{Lang, T};
use leptos::prelude::*;

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

//! The scenario's members: presets in a select, every municipality as a checkbox.

use std::sync::Arc;

use innsyn_core::cooperation::{self as coop, PresetKind};
use innsyn_core::i18n::T;
use innsyn_core::query::Query;
use innsyn_core::registry::Registry;
use leptos::prelude::*;

use crate::nav::Nav;

use super::{Chosen, Presets};

/// Presets in a select, and every municipality as a checkbox, by county.
#[component]
pub(super) fn MemberPicker(chosen: Chosen, presets: Presets) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    let Presets { all, current } = presets;
    // A preset is a new history entry; ticking a box replaces the current one.
    let set = move |members: Vec<String>, new_entry: bool| {
        let q = Query {
            members,
            ..nav.query.get()
        };
        if new_entry {
            nav.go(q)
        } else {
            nav.replace(q)
        }
    };
    let group = move |kind: PresetKind, label: T| {
        view! {
            <optgroup label=nav.t(label)>
                {move || all.get().into_iter().enumerate().filter(|(_, p)| p.kind == kind).map(|(i, p)| {
                    let name = if p.external.is_empty() { p.name } else { format!("{} (+ {})", p.name, p.external.join(", ")) };
                    view! { <option value=i.to_string() selected=move || current.get() == Some(i)>{name}</option> }
                }).collect_view()}
            </optgroup>
        }
    };
    let reg = registry.clone();
    let county = move |id: &'static str| {
        let reg = reg.clone();
        let boxes = reg
            .county_members(id, 2019)
            .into_iter()
            .map(|i| {
                let reg = reg.clone();
                let name = reg.municipalities[i].name.clone();
                view! {
                    <li><label>
                        <input
                            type="checkbox"
                            prop:checked=move || chosen.get().0.contains(&i)
                            on:change=move |_| {
                                let mut m = chosen.get_untracked().0;
                                match m.iter().position(|&x| x == i) {
                                    Some(k) => { m.remove(k); }
                                    None => m.push(i),
                                }
                                set(coop::ids_of(&reg, &m), false);
                            }
                        />
                        {name}
                    </label></li>
                }
            })
            .collect_view();
        view! {
            <fieldset>
                <legend>{registry.county_name(id).unwrap_or(id).to_string()}</legend>
                <ul class="checks">{boxes}</ul>
            </fieldset>
        }
    };
    view! {
        <div class="panel chooser no-print">
            <div class="picker">
                <label for="preset-select">{nav.t(T::StartFrom)}</label>
                <select id="preset-select" on:change=move |ev| {
                    if let Some(p) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| all.get_untracked().get(i).cloned()) {
                        set(p.members, true);
                    }
                }>
                    <option value="" selected=move || current.get().is_none()>{nav.t(T::StartFromNone)}</option>
                    {group(PresetKind::Service, T::PresetServices)}
                    {group(PresetKind::Council, T::Councils)}
                    {group(PresetKind::Scenario, T::PresetScenarios)}
                </select>
            </div>
            <details class="members" open=chosen.get_untracked().0.is_empty()>
                <summary>{move || format!("{} ({} {})", T::ChooseMembers.get(nav.lang()), chosen.get().0.len(), T::Selected.get(nav.lang()))}</summary>
                {county("04")}
                {county("05")}
            </details>
            <button type="button" on:click=move |_| set(Vec::new(), true)>{nav.t(T::ClearMembers)}</button>
        </div>
    }
}

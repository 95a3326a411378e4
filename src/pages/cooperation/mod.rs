//! The cooperation simulator (`?view=cooperation&members=3407,3447,3448`):
//! pick municipalities — freely or from the shared services, regional
//! councils and the catalog's scenarios — and see one combined child welfare
//! service: every indicator computed from the members (counts summed, rates
//! sum/sum) beside each member, their counties and the catalog's comparison
//! regions; what cannot be combined listed with its reason; a robustness
//! panel; and a one-page printout for a council meeting.

mod card;
mod picker;
mod print;
mod robustness;

use std::sync::Arc;

use innsyn_core::catalog::{Catalog, IndicatorDef};
use innsyn_core::cooperation::{self as coop, Preset, PresetKind};
use innsyn_core::i18n::{format_date, Lang, T};
use innsyn_core::model::Dataset;
use innsyn_core::registry::Registry;
use leptos::prelude::*;

use crate::components::downloads::{page_download, PageFile};
use crate::io;
use crate::load::{self, Loading};
use crate::nav::Nav;

use card::CooperationCard;
use picker::MemberPicker;
use print::PrintSummary;
use robustness::RobustnessPanel;

/// The chosen municipalities (registry indices) and the codes in the link
/// that name none.
pub(super) type Chosen = Memo<(Vec<usize>, Vec<String>)>;

/// The ready-made sets (in the page's language), and which of them the
/// chosen municipalities are, if any.
#[derive(Clone, Copy)]
pub(super) struct Presets {
    pub(super) all: Memo<Vec<Preset>>,
    pub(super) current: Memo<Option<usize>>,
}

impl Presets {
    pub(super) fn current_untracked(&self) -> Option<Preset> {
        let i = self.current.get_untracked()?;
        self.all.with_untracked(|a| a.get(i).cloned())
    }
    pub(super) fn current(&self) -> Option<Preset> {
        self.current
            .get()
            .and_then(|i| self.all.get().get(i).cloned())
    }
}

#[component]
pub fn CooperationPage() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    let catalog = expect_context::<Arc<Catalog>>();
    let reg = registry.clone();
    let chosen: Chosen = Memo::new(move |_| coop::members(&reg, &nav.query.get().members));
    let (reg, cat) = (registry.clone(), catalog.clone());
    let all = Memo::new(move |_| coop::presets(&reg, &cat, nav.lang()));
    let current = Memo::new(move |_| coop::matching_preset(&all.get(), &registry, &chosen.get().0));
    let presets = Presets { all, current };
    let members = Memo::new(move |_| chosen.get().0);
    let enough = Memo::new(move |_| members.get().len() >= 2);
    // Each file is loaded once, however many panels show it.
    let co = &catalog.cooperation;
    let mut loads: Vec<(IndicatorDef, Loading<Arc<Dataset>>)> = Vec::new();
    for id in co.indicators.iter().chain(&co.staff).chain(&co.caseload) {
        if let Some(ind) = catalog
            .indicator(id)
            .filter(|_| !loads.iter().any(|(i, _)| &i.id == id))
        {
            let def = ind.clone();
            loads.push((ind.clone(), load::indicator(move || Some(def.clone()))));
        }
    }
    let find = |id: &String| loads.iter().find(|(i, _)| &i.id == id).cloned();
    let staff = co.staff.as_ref().and_then(find);
    let caseload = co.caseload.as_ref().and_then(find);
    let cards: Vec<(IndicatorDef, Loading<Arc<Dataset>>)> =
        co.indicators.iter().filter_map(find).collect();
    let comparisons = catalog.comparisons.clone();
    PageFile::provide();
    view! {
        <h1>{nav.t(T::CooperationTitle)}</h1>
        <p class="intro">{nav.t(T::CooperationIntro)}</p>
        <noscript><p class="hint">{nav.t(T::NeedsScript)}</p></noscript>
        <MemberPicker chosen=chosen presets=presets/>
        {move || if enough.get() {
            view! {
                <ScenarioSummary chosen=chosen presets=presets/>
                <RobustnessPanel staff=staff.clone() caseload=caseload.clone() members=members/>
                <PrintSummary cards=cards.clone() members=members comparisons=comparisons.clone()/>
                {cards.iter().cloned().map(|(ind, ld)| view! {
                    <CooperationCard indicator=ind load=ld members=members comparisons=comparisons.clone()/>
                }).collect_view()}
            }
            .into_any()
        } else {
            view! { <p class="prompt panel" role="status">{nav.t(T::PickTwo)}</p> }.into_any()
        }}
    }
}

/// The scenario's name and members, with what the link named that Innsyn
/// does not know; on paper also the date and the link.
#[component]
fn ScenarioSummary(chosen: Chosen, presets: Presets) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    let preset = move || presets.current();
    let names = move || {
        let names: Vec<String> = chosen
            .get()
            .0
            .iter()
            .map(|&i| registry.municipalities[i].name.clone())
            .collect();
        let lang = nav.lang();
        let n = names.len();
        let what = T::MunicipalitiesWord.get(lang);
        format!("{n} {what}: {}.", join_names(&names, lang))
    };
    let (y, m, d) = io::today();
    view! {
        <section class="panel scenario" aria-labelledby="scenario-h">
            <h2 id="scenario-h">{move || preset().map(|p| p.name).unwrap_or_else(|| T::YourScenario.get(nav.lang()).to_string())}</h2>
            {move || preset().map(|p| view! { <p class="kind">{match p.kind {
                PresetKind::Service => T::KindService,
                PresetKind::Council => T::RegionalCouncil,
                PresetKind::Scenario => T::KindScenario,
            }.get(nav.lang())}</p> })}
            <p class="members-line">{names}</p>
            {move || preset().filter(|p| !p.external.is_empty()).map(|p| view! {
                <p class="note">{nav.t(T::ExternalMembers)}" "{p.external.join(", ")}</p>
            })}
            {move || Some(chosen.get().1).filter(|u| !u.is_empty()).map(|u| view! {
                <p class="note warning">{nav.t(T::UnknownMembers)}" "{u.join(", ")}</p>
            })}
            <p class="print-only">{move || format!("{} {} · {}", T::PrintedOn.get(nav.lang()), format_date((y, m, d), nav.lang()), { nav.query.get(); io::location_href() })}</p>
            <button type="button" class="print no-print" on:click=|_| io::print()>{nav.t(T::PrintSummary)}</button>
            {page_download(Arc::new(move |lang| presets.current_untracked().map(|p| p.name).unwrap_or_else(|| T::YourScenario.get(lang).to_string())))}
        </section>
    }
}

/// "A, B og C".
fn join_names(names: &[String], lang: Lang) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), T::And.get(lang)),
    }
}

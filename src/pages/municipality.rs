//! The municipality profile (`?view=municipality&region=3411`, any number the
//! municipality has had): which regional council and shared child welfare
//! service it belongs to, and every indicator with its rank among the 48,
//! its changes, and its county's computed figure alongside.

use std::sync::Arc;

use innsyn_core::catalog::{Catalog, IndicatorDef};
use innsyn_core::define::Gross;
use innsyn_core::export::long::{self, Block};
use innsyn_core::head::DEFAULT_MUNICIPALITY;
use innsyn_core::i18n::{format_number, Lang, T};
use innsyn_core::model::Dataset;
use innsyn_core::present::{self, trend};
use innsyn_core::query::View;
use innsyn_core::registry::{RegionRef, Registry};
use leptos::prelude::*;

use crate::components::cards::{big_value, changes, demo_label, direction, indicator_card};
use crate::components::downloads::{page_download, PageFile};
use crate::components::prices::{growth_line, price_switch};
use crate::components::search::MunicipalitySearch;
use crate::components::trend::TrendFigure;
use crate::load::{self, panel, Head, Level};
use crate::nav::{href, Nav};

#[component]
pub fn MunicipalityPage() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    PageFile::provide();
    let reg = registry.clone();
    let muni = Memo::new(move |_| {
        let code = nav
            .query
            .get()
            .region
            .unwrap_or_else(|| DEFAULT_MUNICIPALITY.to_string());
        match reg.resolve(&code) {
            Some(RegionRef::Municipality(i)) => Ok(i),
            _ => Err(code),
        }
    });
    view! {
        {move || match muni.get() {
            Err(code) => {
                let msg = T::UnknownMunicipality.fill(nav.lang(), &code);
                view! { <h1>{T::NavMunicipality.get(nav.lang())}</h1><MunicipalitySearch/><p class="error" role="alert">{msg}</p> }.into_any()
            }
            Ok(i) => {
                let m = registry.municipalities[i].clone();
                let title = m.name.clone();
                view! {
                    <h1>{m.name.clone()}</h1>
                    <MunicipalitySearch/>
                    <MunicipalityFacts muni=i/>
                    {page_download(Arc::new(move |_| title.clone()))}
                }
                .into_any()
            }
        }}
        {let cat = expect_context::<Arc<Catalog>>(); move || match muni.get() {
            Err(_) => ().into_any(),
            Ok(i) => cat
                .dashboard(&cat.region_dashboard)
                .into_iter()
                .map(|ind| view! { <MunicipalityCard indicator=ind muni=i comparisons=cat.comparisons.clone()/> })
                .collect_view()
                .into_any(),
        }}
    }
}

/// Numbers over time, county, regional council, shared child welfare service.
#[component]
fn MunicipalityFacts(muni: usize) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    let m = registry.municipalities[muni].clone();
    let numbers = m
        .numbers
        .iter()
        .map(|n| {
            format!(
                "{} ({}–{})",
                n.code,
                n.from,
                n.to.map(|t| t.to_string()).unwrap_or_default()
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let county = format!(
        "{} → {}",
        registry.county_name(m.old_county()).unwrap_or_default(),
        registry.county_name(m.county_in(2024)).unwrap_or_default()
    );
    let council = m
        .council
        .as_ref()
        .and_then(|c| registry.councils.iter().find(|g| &g.id == c))
        .map(|g| (g.id.clone(), g.name.clone()));
    let partners = registry.service_partners(&m.id);
    let service = (!partners.is_empty()).then(|| partners.join(", "));
    let unverified = m.council_unverified;
    // The council report: the municipality's, and its shared service's.
    let shared = registry
        .services
        .iter()
        .find(|g| g.members.contains(&m.id))
        .map(|g| g.id.clone());
    let report = m.id.clone();
    let reports = view! {
        <ul class="report-links">
            <li><a href=move || href(&nav.to(View::Report, report.clone()))>{move || nav.t(T::ReportLink)}</a></li>
            {shared.map(|id| view! { <li><a href=move || href(&nav.to(View::Report, id.clone()))>{move || nav.t(T::ReportOfService)}</a></li> })}
        </ul>
    };
    view! {
        <dl class="facts panel">
            <dt>{nav.t(T::NumberLabel)}</dt><dd>{numbers}</dd>
            <dt>{nav.t(T::County)}</dt><dd>{county}</dd>
            <dt>{nav.t(T::RegionalCouncil)}</dt>
            <dd>{council.map(|(id, name)| {
                view! {
                    <a href=move || href(&nav.to(View::Region, id.clone()))>{name}</a>
                    {unverified.then(|| view! { " (" {nav.t(T::Unverified)} ")" })}
                }
            })}</dd>
            <dt>{nav.t(T::SharedService)}</dt>
            <dd>{move || {
                let lang = nav.lang();
                match &service {
                    Some(others) => format!("{} {others} {}", T::SharedWith.get(lang), T::ServiceAsOf.get(lang)),
                    None => format!("{} {}", T::OwnService.get(lang), T::ServiceAsOf.get(lang)),
                }
            }}</dd>
        </dl>
        {reports}
    }
}

#[component]
fn MunicipalityCard(
    indicator: IndicatorDef,
    muni: usize,
    comparisons: Vec<String>,
) -> impl IntoView {
    let registry = expect_context::<Arc<Registry>>();
    indicator_card(indicator, move |ds, file| {
        card(ds, muni, registry.clone(), file, comparisons.clone())
    })
}

fn card(
    ds: Arc<Dataset>,
    muni: usize,
    registry: Arc<Registry>,
    file: String,
    comparisons: Vec<String>,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let meta = ds.meta.clone().unwrap_or_default();
    let m = registry.municipalities[muni].clone();
    let parts = present::municipality_series(&ds, &registry, muni);
    let own: Vec<(String, Option<f64>)> = parts
        .iter()
        .map(|(p, part)| (p.clone(), part.value))
        .collect();
    // Rates only (a count of one municipality beside a county's total says
    // nothing): its old county (Hedmark or Oppland) computed, then the
    // country and its KOSTRA group as the file publishes them.
    let (counties, comparisons) = (
        present::comparison_groups(&registry, &m.id),
        m.comparisons(&comparisons),
    );
    let has_county = !counties.is_empty();
    let others = {
        let (ds, registry) = (ds.clone(), registry.clone());
        Memo::new(move |_| {
            present::comparison_lines(&ds, &registry, &counties, &comparisons, nav.lang())
        })
    };
    let block = {
        let (meta, file, parts, name, code) = (
            meta.clone(),
            file.clone(),
            parts.clone(),
            m.name.clone(),
            m.id.clone(),
        );
        Arc::new(move |lang: Lang| {
            let mut series = vec![long::municipality(name.clone(), code.clone(), &parts, lang)];
            others.with_untracked(|o| series.extend(o.iter().map(long::line)));
            Block {
                meta: meta.clone(),
                file: file.clone(),
                series,
            }
        })
    };
    PageFile::add(block, meta.id.clone());
    let rows = Memo::new(move |_| present::municipality_rows(&parts, &others.get(), nav.lang()));
    let t = trend(&own);
    let rank = t
        .as_ref()
        .and_then(|t| present::rank(&ds, &registry, muni, &t.period));
    let decimals = meta.decimals;
    let (m1, m2) = (meta.clone(), meta.clone());
    let catalog = expect_context::<Arc<Catalog>>();
    let gross = catalog.indicator(&meta.id).and_then(|d| d.gross.clone());
    let name = m.name.clone();
    view! {
        <h2>{move || m1.title.get(nav.lang()).to_string()}</h2>
        {meta.demo.then(|| demo_label(false))}
        {move || {
            let lang = nav.lang();
            match &t {
                None => {
                    // Why the latest period has no number.
                    let why = rows.with(|r| r.last().map(|r| format!("{}: {}", r.period, r.note))).unwrap_or_default();
                    view! { <p class="no-figure">{T::NoFigure.get(lang)}" "{why}</p> }.into_any()
                }
                Some(t) => {
                    // The county's computed figure in the same period, when compared.
                    let county_now = others.with(|o| {
                        let (n, s) = o.first().filter(|_| has_county)?;
                        let v = s.iter().find(|(p, _)| *p == t.period)?.1?;
                        Some((n.clone(), v))
                    });
                    view! {
                        {big_value(t.value, decimals, m2.unit.get(lang), lang)}
                        <p class="computed">{t.period.clone()}</p>
                        {rank.map(|(r, n)| view! { <p class="rank">{format!("{} {r} / {n}", T::RankOf.get(lang))}<span class="hint">{format!(" ({})", T::RankExplained.get(lang))}</span></p> })}
                        {county_now.map(|(n, v)| view! { <p class="compare">{format!("{n}: {}", format_number(v, decimals, lang))}</p> })}
                        {changes(t, decimals, lang)}
                        {growth_line(&m2, &own)}
                    }
                    .into_any()
                }
            }
        }}
        {direction(meta.direction)}
        {price_switch(&meta, &format!("m-{}", meta.id))}
        {gross.map(|g| gross_notes(ds.clone(), g, muni))}
        <TrendFigure
            id=format!("m-{}-series", meta.id)
            region=m.id.clone()
            meta=meta
            file=file
            own_name=Signal::derive(move || name.clone())
            rows=rows.into()
            others=others.into()
            note=T::Status
        />
    }
}

/// Why a municipality's gross figures part ways with its net ones, where
/// they do (host-municipality accounting, refunds, net above gross): the
/// net indicator loaded beside the gross one.
fn gross_notes(gross: Arc<Dataset>, g: Gross, muni: usize) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let catalog = expect_context::<Arc<Catalog>>();
    let registry = expect_context::<Arc<Registry>>();
    let net = catalog.indicator(&g.net).cloned();
    let head = Head::of(net.as_ref(), Level::Inline);
    panel(
        load::indicator(move || net.clone()),
        move || head.clone(),
        move |net: Arc<Dataset>| {
            let (gross, registry) = (gross.clone(), registry.clone());
            move || {
                let notes =
                    present::gross_notes(&gross, &net, &registry, muni, g.note_above, nav.lang());
                (!notes.is_empty()).then(|| {
                    let items = notes
                        .into_iter()
                        .map(|n| view! { <li>{n}</li> })
                        .collect_view();
                    view! { <ul class="gross-notes">{items}</ul> }
                })
            }
        },
    )
}

//! The municipality profile (`?view=municipality&region=3411`, any number the
//! municipality has had): which regional council and shared child welfare
//! service it belongs to, and every indicator with its rank among the 48,
//! its changes, and its county's computed figure alongside.

use std::sync::Arc;

use innsyn_core::aggregate::computed_label;
use innsyn_core::catalog::{Catalog, IndicatorDef};
use innsyn_core::i18n::{format_number, Lang, T};
use innsyn_core::model::Dataset;
use innsyn_core::present::{self, format_change, reason, trend};
use innsyn_core::query::View;
use innsyn_core::registry::{RegionRef, Registry};
use leptos::prelude::*;

use crate::charts::{self, chart_width, Chart};
use crate::components::cards::{big_value, value_cell};
use crate::components::figure::source_and_toggle;
use crate::components::search::MunicipalitySearch;
use crate::load::{self, with_indicator};
use crate::nav::{href, Nav};

/// The municipality shown when the link names none: Hamar.
pub const DEFAULT_MUNICIPALITY: &str = "3403";

#[component]
pub fn MunicipalityPage() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
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
                let msg = match nav.lang() {
                    Lang::En => format!("Innsyn knows no municipality «{code}» in Hedmark or Oppland."),
                    Lang::Nn => format!("Innsyn kjenner ingen kommune «{code}» i Hedmark eller Oppland."),
                    Lang::Nb => format!("Innsyn kjenner ingen kommune «{code}» i Hedmark eller Oppland."),
                };
                view! { <h1>{T::NavMunicipality.get(nav.lang())}</h1><MunicipalitySearch/><p class="error" role="alert">{msg}</p> }.into_any()
            }
            Ok(i) => {
                let m = registry.municipalities[i].clone();
                view! {
                    <h1>{m.name.clone()}</h1>
                    <MunicipalitySearch/>
                    <MunicipalityFacts muni=i/>
                }
                .into_any()
            }
        }}
        {let cat = expect_context::<Arc<Catalog>>(); move || match muni.get() {
            Err(_) => ().into_any(),
            Ok(i) => cat
                .region_dashboard
                .iter()
                .filter_map(|id| cat.indicator(id).cloned())
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
    let service = registry
        .services
        .iter()
        .find(|s| s.members.contains(&m.id))
        .map(|s| {
            let mut others: Vec<String> = s
                .members
                .iter()
                .filter(|x| **x != m.id)
                .filter_map(|x| registry.municipality(x))
                .map(|x| x.name.clone())
                .collect();
            others.extend(s.external.iter().map(|(_, n)| n.clone()));
            others.join(", ")
        });
    let unverified = m.council_unverified;
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
    }
}

#[component]
fn MunicipalityCard(
    indicator: IndicatorDef,
    muni: usize,
    comparisons: Vec<String>,
) -> impl IntoView {
    let registry = expect_context::<Arc<Registry>>();
    let file = load::file_of(&indicator);
    view! {
        <section class="panel card">
            {with_indicator(move || Some(indicator.clone()), move |ds| card(ds, muni, registry.clone(), file.clone(), comparisons.clone()))}
        </section>
    }
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
    let own: Vec<(String, Option<f64>)> = present::municipality_series(&ds, &registry, muni)
        .into_iter()
        .map(|(p, part)| (p, part.value))
        .collect();
    let parts = present::municipality_series(&ds, &registry, muni);
    // The county it belonged to before 2020 (Hedmark or Oppland), computed.
    let county_id = m.old_county().to_string();
    let county_name = registry
        .county_name(&county_id)
        .unwrap_or_default()
        .to_string();
    // Only a rate compares with the county on one axis; a count (årsverk) of
    // one municipality next to a county total would say nothing.
    let compare = matches!(meta.rule(), innsyn_core::aggregate::Rule::Ratio { .. });
    let county: Vec<(String, Option<f64>)> =
        present::group_series(&ds, &registry, meta.rule(), &|y| {
            registry.county_members(&county_id, y)
        })
        .into_iter()
        .map(|(p, c)| (p, c.value.filter(|_| compare)))
        .collect();
    // The country and the municipality's KOSTRA group as the file publishes
    // them, for rates.
    let published: Vec<(String, Vec<(String, Option<f64>)>)> = if compare {
        m.comparisons(&comparisons)
            .iter()
            .filter_map(|c| present::published_series(&ds, c).map(|s| (c.clone(), s)))
            .collect()
    } else {
        Vec::new()
    };
    let (published1, published2) = (published.clone(), published);
    let reg_names = registry.clone();
    let t = trend(&own);
    let rank = t
        .as_ref()
        .and_then(|t| present::rank(&ds, &registry, muni, &t.period));
    let id = format!("m-{}", meta.id);
    let (show_table, set_show_table) = signal(false);
    let table_id = format!("{id}-series");
    let decimals = meta.decimals;
    let (m1, m2, m3) = (meta.clone(), meta.clone(), meta.clone());
    let (own1, county1, county2) = (own.clone(), county.clone(), county.clone());
    let (name1, name2, cname1, cname2, cname3) = (
        m.name.clone(),
        m.name.clone(),
        county_name.clone(),
        county_name.clone(),
        county_name.clone(),
    );
    let latest_missing = parts
        .last()
        .map(|(p, part)| (p.clone(), part.status.clone()))
        .filter(|(_, _)| t.is_none());
    view! {
        <h2>{move || m1.title.get(nav.lang()).to_string()}</h2>
        {meta.demo.then(|| view! { <p class="demo-label"><strong>{nav.t(T::DemoLabel)}</strong></p> })}
        {move || {
            let lang = nav.lang();
            match &t {
                None => {
                    let why = latest_missing.as_ref().map(|(p, s)| format!("{p}: {}", reason(s.as_ref(), lang))).unwrap_or_default();
                    view! { <p class="no-figure">{T::NoFigure.get(lang)}" "{why}</p> }.into_any()
                }
                Some(t) => {
                    let change = |c: &Option<(String, f64)>| c.as_ref().map(|(p, d)| format!("{} {p}: {}", T::ChangeFrom.get(lang), format_change(*d, decimals, lang)));
                    let changes: Vec<String> = [change(&t.change_1), change(&t.change_5)].into_iter().flatten().collect();
                    let county_now = county1.iter().find(|(p, _)| *p == t.period).and_then(|(_, v)| *v);
                    view! {
                        {big_value(t.value, decimals, m2.unit.get(lang), lang)}
                        <p class="computed">{t.period.clone()}</p>
                        {rank.map(|(r, n)| view! { <p class="rank">{format!("{} {r} / {n}", T::RankOf.get(lang))}<span class="hint">{format!(" ({})", T::RankExplained.get(lang))}</span></p> })}
                        {county_now.map(|v| view! {
                            <p class="compare">{format!("{cname1} ({}): {}", computed_label(lang), format_number(v, decimals, lang))}</p>
                        })}
                        <ul class="changes">{changes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                    }
                    .into_any()
                }
            }
        }}
        <figure class="figure">
            <Chart
                svg=Signal::derive(move || {
                    let lang = nav.lang();
                    let w = chart_width(nav.viewport.get()).min(640.0);
                    let county_label = format!("{cname2} ({})", computed_label(lang));
                    let mut lines = vec![(name2.as_str(), own1.as_slice())];
                    if compare {
                        lines.push((county_label.as_str(), county2.as_slice()));
                    }
                    let names: Vec<String> = published1.iter().map(|(c, _)| present::comparison_name(c, &reg_names, lang)).collect();
                    lines.extend(names.iter().zip(&published1).map(|(n, (_, s))| (n.as_str(), s.as_slice())));
                    charts::lines_svg(&lines, lang, w, 240.0).unwrap_or_default()
                })
                label=Signal::derive(move || {
                    let who = if compare { format!("{name1} {} {county_name}", T::And.get(nav.lang())) } else { name1.clone() };
                    format!("{} – {who}. {}", m3.title.get(nav.lang()), T::ShowTable.get(nav.lang()))
                })
                hidden=Signal::derive(move || show_table.get())
                line=true
            />
            <div class="table-wrap" id=table_id.clone() hidden=move || !show_table.get() tabindex="0" role="region" aria-label=move || format!("{} – {}", T::Development.get(nav.lang()), T::Table.get(nav.lang()))>
                <table>
                    <thead><tr>
                        <th scope="col">{nav.t(T::Period)}</th>
                        <th scope="col" class="num">{m.name.clone()}</th>
                        {compare.then(|| view! { <th scope="col" class="num">{cname3}</th> })}
                        {let (p, r) = (published2.clone(), registry.clone()); move || p.iter().map(|(c, _)| view! { <th scope="col" class="num">{present::comparison_name(c, &r, nav.lang())}</th> }).collect_view()}
                        <th scope="col">{nav.t(T::Status)}</th>
                    </tr></thead>
                    <tbody>
                        {move || {
                            let lang = nav.lang();
                            parts.iter().zip(&county).enumerate().map(|(i, ((p, part), (_, cv)))| {
                                let extra: Vec<Option<f64>> = published2.iter().map(|(_, s)| s.get(i).and_then(|x| x.1)).collect();
                                let note = if part.value.is_none() { reason(part.status.as_ref(), lang) } else { String::new() };
                                view! {
                                    <tr>
                                        <th scope="row">{p.clone()}</th>
                                        {value_cell(part.value, decimals, lang, part.status.as_ref().map_or("–", |s| s.symbol()))}
                                        {compare.then(|| value_cell(*cv, decimals, lang, "–"))}
                                        {extra.into_iter().map(|v| value_cell(v, decimals, lang, "–")).collect_view()}
                                        <td>{note}</td>
                                    </tr>
                                }
                            }).collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            <figcaption>
                {source_and_toggle(&meta, file, table_id, show_table, set_show_table)}
            </figcaption>
        </figure>
        <p class="direction">{move || match meta.direction {
            innsyn_core::model::Direction::HigherIsBetter => T::HigherBetter,
            innsyn_core::model::Direction::HigherIsWorse => T::HigherWorse,
            innsyn_core::model::Direction::Neither => T::HigherNeither,
        }.get(nav.lang())}</p>
    }
}

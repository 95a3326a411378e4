//! The cooperation simulator (`?view=cooperation&members=3407,3447,3448`):
//! pick municipalities — freely or from the shared services, regional
//! councils and the catalog's scenarios — and see one combined child welfare
//! service: every indicator computed from the members (counts summed, rates
//! sum/sum) beside each member, their counties and the catalog's comparison
//! regions; what cannot be combined listed with its reason; a robustness
//! panel; and a one-page printout for a council meeting.

use std::sync::Arc;

use innsyn_core::aggregate::{computed_label, Rule};
use innsyn_core::catalog::{Catalog, IndicatorDef};
use innsyn_core::cooperation::{self as coop, Preset, PresetKind, RowKind, DEFAULT_THRESHOLD};
use innsyn_core::i18n::{count_decimals, format_date, format_number, Lang, T};
use innsyn_core::model::Dataset;
use innsyn_core::present;
use innsyn_core::query::{parse_threshold, Query};
use innsyn_core::registry::Registry;
use leptos::prelude::*;

use crate::app::{big_value, left_out_list, value_cell, Nav};
use crate::io;
use crate::load::{self, with_load, DatasetLoad};
use crate::trend::TrendFigure;

/// The chosen municipalities (registry indices) and the codes in the link
/// that name none.
type Chosen = Memo<(Vec<usize>, Vec<String>)>;

/// The ready-made sets (in the page's language), and which of them the
/// chosen municipalities are, if any.
#[derive(Clone, Copy)]
struct Presets {
    all: Memo<Vec<Preset>>,
    current: Memo<Option<usize>>,
}

impl Presets {
    fn current(&self) -> Option<Preset> {
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
    let mut loads: Vec<(IndicatorDef, DatasetLoad)> = Vec::new();
    for id in co.indicators.iter().chain(&co.staff).chain(&co.caseload) {
        if let Some(ind) = catalog
            .indicator(id)
            .filter(|_| !loads.iter().any(|(i, _)| &i.id == id))
        {
            loads.push((ind.clone(), load::load(ind.clone())));
        }
    }
    let find = |id: &String| loads.iter().find(|(i, _)| &i.id == id).cloned();
    let staff = co.staff.as_ref().and_then(find);
    let caseload = co.caseload.as_ref().and_then(find);
    let cards: Vec<(IndicatorDef, DatasetLoad)> = co.indicators.iter().filter_map(find).collect();
    let comparisons = catalog.comparisons.clone();
    view! {
        <h1>{nav.t(T::CooperationTitle)}</h1>
        <p class="intro">{nav.t(T::CooperationIntro)}</p>
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

/// Presets in a select, and every municipality as a checkbox, by county.
#[component]
fn MemberPicker(chosen: Chosen, presets: Presets) -> impl IntoView {
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

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// "A, B og C".
fn join_names(names: &[String], lang: Lang) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), T::And.get(lang)),
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
        let what = match lang {
            Lang::Nb => "kommuner",
            Lang::Nn => "kommunar",
            Lang::En => "municipalities",
        };
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
        </section>
    }
}

/// Staff of the combined service, members below the size threshold, and
/// caseload per årsverk before and after.
#[component]
fn RobustnessPanel(
    staff: Option<(IndicatorDef, DatasetLoad)>,
    caseload: Option<(IndicatorDef, DatasetLoad)>,
    members: Memo<Vec<usize>>,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    let catalog = expect_context::<Arc<Catalog>>();
    let default = catalog.cooperation.threshold.unwrap_or(DEFAULT_THRESHOLD);
    let threshold = Memo::new(move |_| nav.query.get().threshold.unwrap_or(default));
    let source = catalog.cooperation.threshold_source.clone();
    let hint = move || match &source {
        Some(s) => format!(
            "{}: {}",
            T::ThresholdSource.get(nav.lang()),
            s.get(nav.lang())
        ),
        None => T::ThresholdAssumption.get(nav.lang()).to_string(),
    };
    let body = match staff {
        None => view! { <p class="no-figure">{nav.t(T::NoStaffIndicator)}</p> }.into_any(),
        Some((ind, ld)) => with_load(ld, ind.clone(), move |staff: Arc<Dataset>| {
            let registry = registry.clone();
            let caseload = caseload.clone();
            move || {
                let lang = nav.lang();
                let case = caseload.as_ref().and_then(|(_, l)| l.get());
                let case_ds = case.clone().and_then(Result::ok);
                let r = coop::robustness(Some(&staff), case_ds.as_deref(), &registry, &members.get(), threshold.get());
                // Short headings for a phone: the units ("Årsverk", "Barn per årsverk").
                let unit = |ds: Option<&Dataset>| ds.and_then(|d| d.meta.as_ref()).map(|m| capitalized(m.unit.get(lang))).unwrap_or_default();
                let (staff_title, case_title) = (unit(Some(&staff)), unit(case_ds.as_deref()));
                let demo = staff.meta.as_ref().is_some_and(|m| m.demo) || case_ds.as_ref().and_then(|d| d.meta.as_ref()).is_some_and(|m| m.demo);
                let yes_no = |below: Option<bool>| match below {
                    Some(true) => T::Yes.get(lang),
                    Some(false) => T::No.get(lang),
                    None => "–",
                };
                let t = r.threshold;
                let rows = r.members.iter().map(|m| view! {
                    <tr>
                        <th scope="row">{registry.municipalities[m.muni].name.clone()}</th>
                        {value_cell(m.staff, r.staff_decimals, lang, "–")}
                        {value_cell(m.caseload, r.caseload_decimals, lang, "–")}
                        <td>{yes_no(m.staff.map(|s| s < t))}</td>
                    </tr>
                }).collect_view();
                let total = r.total_staff.as_ref().and_then(|c| c.value);
                let after = r.caseload_after.as_ref().and_then(|c| c.value);
                view! {
                    {demo.then(|| view! { <p class="demo-label"><strong>{T::DemoLabel.get(lang)}</strong></p> })}
                    <ul class="findings">{r.sentences(&registry, lang).into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                    {matches!(case, Some(Err(_))).then(|| view! { <p class="error">{format!("{}: {}", T::LoadError.get(lang), caseload.as_ref().map(|(i, _)| load::file_of(&i)).unwrap_or_default())}</p> })}
                    <div class="table-wrap" tabindex="0" role="region" aria-label=format!("{} – {}", T::Robustness.get(lang), T::Table.get(lang))>
                        <table>
                            <caption>{format!("{} {}", T::Robustness.get(lang), r.staff_period.clone().unwrap_or_default())}</caption>
                            <thead><tr>
                                <th scope="col">{T::Municipality.get(lang)}</th>
                                <th scope="col" class="num">{staff_title}</th>
                                <th scope="col" class="num">{case_title}</th>
                                <th scope="col">{format!("{} {}", T::BelowThreshold.get(lang), format_number(t, count_decimals(t), lang))}</th>
                            </tr></thead>
                            <tbody>
                                {rows}
                                <tr class="combined">
                                    <th scope="row">{format!("{} ({})", coop::combined_name(lang), computed_label(lang))}</th>
                                    {value_cell(total, r.staff_decimals, lang, "–")}
                                    {value_cell(after, r.caseload_decimals, lang, "–")}
                                    <td>{yes_no(total.map(|s| s < t))}</td>
                                </tr>
                            </tbody>
                        </table>
                    </div>
                }
            }
        })
        .into_any(),
    };
    view! {
        <section class="panel robustness" aria-labelledby="robust-h">
            <h2 id="robust-h">{nav.t(T::Robustness)}</h2>
            <div class="picker threshold no-print">
                <label for="threshold">{nav.t(T::Threshold)}</label>
                <input
                    id="threshold"
                    type="number"
                    min="0.5"
                    max="10000"
                    step="0.5"
                    inputmode="decimal"
                    aria-describedby="threshold-hint"
                    prop:value=move || threshold.get().to_string()
                    on:change=move |ev| {
                        let v = parse_threshold(&event_target_value(&ev));
                        if let Some(v) = v {
                            nav.replace(Query { threshold: Some(v).filter(|v| *v != default), ..nav.query.get() });
                        }
                    }
                />
            </div>
            <p class="hint" id="threshold-hint">{hint}</p>
            {body}
        </section>
    }
}

/// The key figures of every indicator in one table, with coverage notes and
/// sources: what goes on paper (print only), so that the printout of any
/// scenario fits on one page.
#[component]
fn PrintSummary(
    cards: Vec<(IndicatorDef, DatasetLoad)>,
    members: Memo<Vec<usize>>,
    comparisons: Vec<String>,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    let table = move || {
        let lang = nav.lang();
        let members = members.get();
        let loaded: Vec<(IndicatorDef, Arc<Dataset>, coop::Figures)> = cards
            .iter()
            .filter_map(|(ind, ld)| {
                let ds = ld.get()?.ok()?;
                let f = coop::figures(&ds, &registry, &members, &comparisons, None, lang)?;
                Some((ind.clone(), ds, f))
            })
            .collect();
        // One row per area (the combined service, its coverage, each member,
        // then every county and region any indicator has), one column per
        // indicator: a scenario of any size stays on one page.
        let combined = format!("{} ({})", coop::combined_name(lang), computed_label(lang));
        let mut areas: Vec<String> = vec![combined.clone()];
        for (_, _, f) in &loaded {
            for r in f.rows.iter().filter(|r| r.kind != RowKind::Combined) {
                if !areas.contains(&r.name) {
                    areas.push(r.name.clone());
                }
            }
        }
        let head = loaded
            .iter()
            .map(|(_, ds, f)| {
                let m = ds.meta.clone().unwrap_or_default();
                let label = format!("{} ({}), {}", m.title.get(lang), m.unit.get(lang), f.period);
                view! { <th scope="col" class="num">{label}</th> }
            })
            .collect_view();
        let mut notes: Vec<String> = Vec::new();
        for (ind, ds, f) in &loaded {
            let title = ds
                .meta
                .as_ref()
                .map(|m| m.title.get(lang).to_string())
                .unwrap_or_default();
            let coverage = if f.rule == Rule::NotCombinable {
                T::NotCombinable.get(lang).to_string()
            } else {
                format!("{}: {}", T::Coverage.get(lang), f.combined.coverage(lang))
            };
            notes.push(format!("{title}: {coverage}"));
            for l in present::left_out_lines(&f.combined, &registry, lang) {
                notes.push(format!("{title}: {l}"));
            }
            let source = ds
                .meta
                .as_ref()
                .and_then(|m| m.source.clone())
                .unwrap_or_default();
            notes.push(format!(
                "{}: {source} · {}",
                T::Source.get(lang),
                load::file_of(&ind)
            ));
        }
        let rows = areas
            .into_iter()
            .map(|area| {
                let cells = loaded
                    .iter()
                    .map(|(_, ds, f)| {
                        let decimals = ds.meta.as_ref().map_or(0, |m| m.decimals);
                        let value = if area == combined {
                            f.combined.value
                        } else {
                            f.rows.iter().find(|r| r.name == area).and_then(|r| r.value)
                        };
                        value_cell(value, decimals, lang, "–")
                    })
                    .collect_view();
                let class = if area == combined { "combined" } else { "" };
                view! { <tr class=class><th scope="row">{area}</th>{cells}</tr> }
            })
            .collect_view();
        let demo = loaded
            .iter()
            .any(|(_, ds, _)| ds.meta.as_ref().is_some_and(|m| m.demo));
        view! {
            {demo.then(|| view! { <p class="demo-label"><strong>{T::DemoLabel.get(lang)}</strong></p> })}
            <table>
                <thead><tr>
                    <th scope="col">{T::Area.get(lang)}</th>
                    {head}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <ul class="notes">{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
        }
    };
    view! { <section class="print-only key-figures">{table}</section> }
}

/// One indicator for the combined service.
#[component]
fn CooperationCard(
    indicator: IndicatorDef,
    load: DatasetLoad,
    members: Memo<Vec<usize>>,
    comparisons: Vec<String>,
) -> impl IntoView {
    let file = load::file_of(&indicator);
    view! {
        <section class="panel card">
            {with_load(load, indicator.clone(), move |ds| card_body(ds, members, comparisons.clone(), file.clone()))}
        </section>
    }
}

fn card_body(
    ds: Arc<Dataset>,
    members: Memo<Vec<usize>>,
    comparisons: Vec<String>,
    file: String,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    let meta = ds.meta.clone().unwrap_or_default();
    let id = format!("coop-{}", meta.id);
    let (d, r, c) = (ds.clone(), registry.clone(), comparisons.clone());
    let figures = Memo::new(move |_| coop::figures(&d, &r, &members.get(), &c, None, nav.lang()));
    let (d, r) = (ds.clone(), registry.clone());
    let series = Memo::new(move |_| coop::series(&d, &r, &members.get()));
    let (d, r) = (ds.clone(), registry.clone());
    let others = Memo::new(move |_| {
        present::comparison_lines(
            &d,
            &r,
            &coop::counties(&r, &members.get()),
            &comparisons,
            nav.lang(),
        )
    });
    let m = meta.clone();
    let headline = move || {
        let lang = nav.lang();
        let Some(f) = figures.get() else {
            return view! { <p class="no-figure">{T::NoFigure.get(lang)}</p> }.into_any();
        };
        let left_out = present::left_out_lines(&f.combined, &registry, lang);
        let value = match (f.rule, f.combined.value) {
            (Rule::NotCombinable, _) => {
                view! { <p class="no-figure">{T::NotCombinable.get(lang)}</p> }.into_any()
            }
            (_, None) => view! { <p class="no-figure">{T::NoFigure.get(lang)}</p> }.into_any(),
            (_, Some(v)) => {
                let parts = m
                    .rate
                    .as_ref()
                    .zip(f.combined.numerator.zip(f.combined.denominator))
                    .map(|(rate, (n, d))| {
                        format!(
                            "= {} {} / {} {}",
                            format_number(n, count_decimals(n), lang),
                            rate.numerator.get(lang).to_lowercase(),
                            format_number(d, count_decimals(d), lang),
                            rate.denominator.get(lang).to_lowercase()
                        )
                    });
                view! {
                    {big_value(v, m.decimals, m.unit.get(lang), lang)}
                    {parts.map(|p| view! { <p class="parts">{p}</p> })}
                    <p class="computed">{format!("{} · {} · {}: {}", f.period, computed_label(lang), T::Coverage.get(lang), f.combined.coverage(lang))}</p>
                }
                .into_any()
            }
        };
        view! {
            {value}
            {left_out_list(left_out, lang)}
        }
        .into_any()
    };
    let m = meta.clone();
    let latest = move || {
        let lang = nav.lang();
        let f = figures.get()?;
        let rate = m.rate.clone();
        let head = rate.as_ref().map(|r| {
            view! {
                <th scope="col" class="num">{r.numerator.get(lang).to_string()}</th>
                <th scope="col" class="num">{r.denominator.get(lang).to_string()}</th>
            }
        });
        // One number of decimals per column, the most any of its counts needs.
        let col = |get: fn(&coop::Row) -> Option<f64>| {
            f.rows
                .iter()
                .filter_map(get)
                .map(count_decimals)
                .max()
                .unwrap_or(0)
        };
        let (nd, dd) = (col(|r| r.numerator), col(|r| r.denominator));
        let rows = f
            .rows
            .into_iter()
            .map(|row| {
                let class = match row.kind {
                    RowKind::Combined => "combined",
                    RowKind::Member => "member",
                    RowKind::County | RowKind::Published => "comparison",
                };
                let parts = rate.as_ref().map(|_| {
                    view! {
                        {value_cell(row.numerator, nd, lang, "–")}
                        {value_cell(row.denominator, dd, lang, "–")}
                    }
                });
                view! {
                    <tr class=class>
                        <th scope="row">{row.name}</th>
                        {value_cell(row.value, m.decimals, lang, "–")}
                        {parts}
                        <td>{row.note}</td>
                    </tr>
                }
            })
            .collect_view();
        let label = format!(
            "{} {}: {} ({})",
            T::LatestFigures.get(lang),
            f.period,
            m.title.get(lang),
            m.unit.get(lang)
        );
        let caption = label.clone();
        Some(view! {
            <div class="table-wrap" tabindex="0" role="region" aria-label=label>
                <table class="latest">
                    <caption>{caption}</caption>
                    <thead><tr>
                        <th scope="col">{T::Area.get(lang)}</th>
                        <th scope="col" class="num">{T::Value.get(lang)}</th>
                        {head}
                        <th scope="col">{T::Note.get(lang)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })
    };
    let title = meta.clone();
    view! {
        <h2 id=format!("{id}-h")>{move || title.title.get(nav.lang()).to_string()}</h2>
        {meta.demo.then(|| view! { <p class="demo-label"><strong>{nav.t(T::DemoLabel)}</strong></p> })}
        {headline}
        {latest}
        <TrendFigure
            id=format!("{id}-series")
            meta=meta
            file=file
            own_name=Signal::derive(move || format!("{} ({})", coop::combined_name(nav.lang()), computed_label(nav.lang())))
            series=Signal::derive(move || series.get())
            others=Signal::derive(move || others.get())
        />
    }
}

//! The robustness panel: staff of the combined service, members below the
//! size threshold, caseload per årsverk before and after.

use std::sync::Arc;

use innsyn_core::aggregate::computed_label;
use innsyn_core::catalog::{Catalog, IndicatorDef};
use innsyn_core::cooperation::{self as coop, DEFAULT_THRESHOLD};
use innsyn_core::i18n::{count_decimals, format_number, T};
use innsyn_core::model::Dataset;
use innsyn_core::query::{parse_threshold, Query};
use innsyn_core::registry::Registry;
use leptos::prelude::*;

use crate::components::cards::demo_label;
use crate::components::cards::value_cell;
use crate::load::{self, panel, Head, Level, Loading};
use crate::nav::Nav;

/// Staff of the combined service, members below the size threshold, and
/// caseload per årsverk before and after.
#[component]
pub(super) fn RobustnessPanel(
    staff: Option<(IndicatorDef, Loading<Arc<Dataset>>)>,
    caseload: Option<(IndicatorDef, Loading<Arc<Dataset>>)>,
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
        Some((ind, ld)) => panel(ld, move || Head::of(Some(&ind), Level::Panel), move |staff: Arc<Dataset>| {
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
                    {demo.then(|| demo_label(false))}
                    <ul class="findings">{r.sentences(&registry, lang).into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                    {case.as_ref().and_then(|c| c.as_ref().err()).map(|e| view! { <p class="error">{format!("{}: {} – {}", T::LoadError.get(lang), caseload.as_ref().map(|(i, _)| load::file_of(i)).unwrap_or_default(), e.text(lang))}</p> })}
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
                            nav.replace(Query { threshold: Some(v).filter(|v| *v != default), ..nav.query.get_untracked() });
                        }
                    }
                />
            </div>
            <p class="hint" id="threshold-hint">{hint}</p>
            {body}
        </section>
    }
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

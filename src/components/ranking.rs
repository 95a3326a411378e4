//! The ranking of the municipalities: a charts-rs bar chart with its text
//! summary, demo label and source, and the same figures as a real table,
//! in the figure shell.

use std::sync::Arc;

use innsyn_core::chart::chart_width;
use innsyn_core::export::{Cell, Row, Table};
use innsyn_core::i18n::{Lang, T};
use innsyn_core::present::{self, Ranking};
use leptos::prelude::*;

use crate::charts;
use crate::components::downloads::Text;
use crate::components::figure::{figure, Figure};
use crate::nav::Nav;

/// The ranking in the figure shell. `nested`: inside a card that has its
/// own heading and demo label, so the figure's heading is an h3 and the
/// label is not repeated.
#[component]
pub fn RankingFigure(
    ranking: Ranking,
    file: String,
    #[prop(optional)] nested: bool,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let r = Arc::new(ranking);
    let id = format!("fig-{}{}", r.meta.id, if nested { "-members" } else { "" });
    let heading_id = format!("{id}-h");
    let (r1, r2, r3, r4, r5) = (r.clone(), r.clone(), r.clone(), r.clone(), r.clone());
    // Drawn when the width changes; a language switch writes its numbers.
    let drawn = Memo::new(move |_| {
        charts::ranking(&r1, chart_width(nav.viewport.get())).unwrap_or_default()
    });
    let svg = Memo::new(move |_| drawn.with(|d| d.in_lang(nav.lang())));
    let title = move || format!("{} {}", r2.meta.title.get(nav.lang()), r2.period);
    let heading = if nested {
        let period = r.period.clone();
        view! { <h3 id=heading_id.clone()>{move || format!("{} {period}", T::MembersIn.get(nav.lang()))}</h3> }.into_any()
    } else {
        let title = title.clone();
        view! { <h2 id=heading_id.clone()>{title}</h2> }.into_any()
    };
    let head = view! {
        {heading}
        <p class="unit">{move || format!("{}: {}", T::Unit.get(nav.lang()), r3.meta.unit.get(nav.lang()))}</p>
        {r.meta.summable.then(|| view! { <p class="hint">{nav.t(T::CountsFollowSize)}</p> })}
    };
    let r6 = r.clone();
    let t2: Text = Arc::new(move |lang| format!("{} {}", r6.meta.title.get(lang), r6.period));
    figure(
        Figure {
            id: format!("{id}-table"),
            labelledby: Some(heading_id),
            meta: r.meta.clone(),
            file,
            demo: !nested,
            svg: svg.into(),
            legend: None,
            image: Arc::new(move |lang| drawn.with_untracked(|d| d.in_lang(lang))),
            summary: Signal::derive(move || r4.summary(nav.lang())),
            table_label: Signal::derive(move || {
                format!("{} – {}", title(), T::Table.get(nav.lang()))
            }),
            line: false,
            table_only: false,
            title: t2.clone(),
            name: t2,
            table: Arc::new(move |lang| ranking_table(&r5, lang)),
        },
        head,
        (),
    )
}

/// The ranking as a table model: municipality (with its number), value,
/// and the meaning of its status or why it has none.
pub fn ranking_table(r: &Ranking, lang: Lang) -> Table {
    let rows = r
        .rows
        .iter()
        .map(|row| {
            let note = match (&row.value, &row.status) {
                (Some(_), None) => String::new(),
                (Some(_), Some(s)) => s.meaning(lang),
                (None, s) => present::reason(s.as_ref(), lang),
            };
            let symbol = row.status.as_ref().map_or("–", |s| s.symbol()).to_string();
            Row {
                class: "",
                cells: vec![
                    Cell::Head(row.name.clone(), Some(row.code.clone())),
                    Cell::Num(row.value, r.meta.decimals, symbol),
                    Cell::Text(note),
                ],
            }
        })
        .collect();
    Table {
        caption: format!(
            "{} {} ({})",
            r.meta.title.get(lang),
            r.period,
            r.meta.unit.get(lang)
        ),
        head: vec![
            (T::Municipality.get(lang).to_string(), false),
            (T::Value.get(lang).to_string(), true),
            (T::Status.get(lang).to_string(), false),
        ],
        rows,
    }
}

//! The accessibility statement (`?view=accessibility`, `tilgjengelighet/`):
//! the prose and the WCAG table of `data/accessibility.json`
//! (`innsyn_core::statement`), fetched through the panel loader and shown
//! as text, and whom to contact — the catalog's `contact`, or, when it
//! names none, the site's publisher. Links only to an address
//! (`mailto:`) or an http(s) page.

use std::sync::Arc;

use innsyn_core::catalog::Catalog;
use innsyn_core::i18n::format_date;
use innsyn_core::model::I18nText;
use innsyn_core::statement::{Block, ContactWords, Criteria, Statement};
use leptos::prelude::*;

use crate::load;
use crate::nav::Nav;

/// A text of the file in the page's language (follows a language switch).
fn tx(nav: Nav, t: &I18nText) -> impl Fn() -> String + Send + Sync + 'static {
    let t = t.clone();
    move || t.get(nav.lang()).to_string()
}

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let catalog = expect_context::<Arc<Catalog>>();
    load::with_statement(move |st, publisher| {
        statement_view(nav, &st, &catalog, publisher).into_any()
    })
}

fn statement_view(
    nav: Nav,
    st: &Statement,
    catalog: &Catalog,
    publisher: I18nText,
) -> impl IntoView {
    let sections = st
        .sections
        .iter()
        .map(|s| {
            let blocks = s
                .blocks
                .iter()
                .map(|b| block(nav, b, st, catalog, &publisher))
                .collect_view();
            view! { <section><h2>{tx(nav, &s.heading)}</h2>{blocks}</section> }
        })
        .collect_view();
    view! { <article class="statement"><h1>{tx(nav, &st.title)}</h1>{sections}</article> }
}

fn block(nav: Nav, b: &Block, st: &Statement, catalog: &Catalog, publisher: &I18nText) -> AnyView {
    match b {
        Block::Text(t) => view! { <p>{tx(nav, t)}</p> }.into_any(),
        Block::List(items) => {
            let items = items.iter().map(|t| view! { <li>{tx(nav, t)}</li> });
            view! { <ul>{items.collect_view()}</ul> }.into_any()
        }
        Block::Link(t, url) => view! { <p><a href=url.clone()>{tx(nav, t)}</a></p> }.into_any(),
        Block::Criteria => table(nav, &st.criteria).into_any(),
        Block::Date(t) => {
            let (t, date) = (t.clone(), st.date);
            let text = move || {
                let lang = nav.lang();
                let d = date.map(|d| format_date(d, lang)).unwrap_or_default();
                t.get(lang).replacen("{}", &d, 1)
            };
            view! { <p class="statement-date">{text}</p> }.into_any()
        }
        Block::Contact(words) => contact(nav, words, catalog, publisher.clone()),
    }
}

/// The success criteria, one row each: number and name, level, status, note.
fn table(nav: Nav, c: &Criteria) -> impl IntoView {
    let cols = c
        .columns
        .iter()
        .map(|t| view! { <th scope="col">{tx(nav, t)}</th> })
        .collect_view();
    let rows = c
        .items
        .iter()
        .map(|i| {
            let name = i.name.clone();
            let (id, word) = (i.id.clone(), c.word(i.status).cloned().unwrap_or_default());
            let note = i.note.clone().unwrap_or_default();
            view! {
                <tr data-criterion=i.id.clone() data-status=i.status.code()>
                    <th scope="row">{move || format!("{id} {}", name.get(nav.lang()))}</th>
                    <td>{i.level.clone()}</td>
                    <td>{tx(nav, &word)}</td>
                    <td>{tx(nav, &note)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="criteria-caption">
            <table class="criteria">
                <caption id="criteria-caption">{tx(nav, &c.caption)}</caption>
                <thead><tr>{cols}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// Whom to contact: the catalog's contact (its email linked only when it is
/// an address, its page only when http(s)), else the site's publisher.
fn contact(nav: Nav, w: &ContactWords, catalog: &Catalog, publisher: I18nText) -> AnyView {
    let Some(c) = catalog.contact.clone() else {
        let missing = w.missing.clone();
        let text = move || {
            let lang = nav.lang();
            missing.get(lang).replacen("{}", publisher.get(lang), 1)
        };
        return view! { <p class="contact">{text}</p> }.into_any();
    };
    let name = c.name.as_ref().map(|n| view! { <li>{tx(nav, n)}</li> });
    let email = c.email.clone().map(|e| {
        let link = match c.mailto() {
            Some(href) => view! { <a href=href>{e}</a> }.into_any(),
            None => e.into_any(),
        };
        view! { <li>{tx(nav, &w.email)}": "{link}</li> }
    });
    let url = c
        .url
        .clone()
        .map(|u| view! { <li>{tx(nav, &w.web)}": "<a href=u.clone()>{u.clone()}</a></li> });
    view! { <ul class="contact">{name}{email}{url}</ul> }.into_any()
}

//! The municipalities on a map: a tile map (one square per municipality at
//! its `tile` in the registry), or, when the catalog names a boundaries
//! file, a choropleth of the real shapes. Five quantile classes of a
//! colour-blind-safe palette; every square and shape shows or announces its
//! value as text.

use std::sync::Arc;

use innsyn_core::catalog::{Boundaries, Catalog};
use innsyn_core::export::svg;
use innsyn_core::i18n::{Lang, T};
use innsyn_core::present::{self, reason, Ranking, Tile};
use innsyn_core::query::View;
use innsyn_core::registry::{RegionRef, Registry};
use leptos::prelude::*;

use crate::components::cards::demo_label;
use crate::components::downloads::{download_label, downloads, Offer, Text};
use crate::components::ranking::ranking_table;
use crate::load::{self, panel, Head, Level, Loading, Outlines};
use crate::nav::{href, Nav};

/// A catalog's boundaries and their shapes being loaded (once per page:
/// every year or indicator shown on the page draws the same shapes).
#[derive(Clone)]
pub struct Shapes {
    pub boundaries: Boundaries,
    pub load: Loading<Outlines>,
}

/// The shapes of the site's catalog, when it names a boundaries file.
pub fn shapes() -> Option<Shapes> {
    let catalog = expect_context::<Arc<Catalog>>();
    catalog.boundaries.clone().map(|b| Shapes {
        load: load::boundaries(&b),
        boundaries: b,
    })
}

/// The map panel: its heading, demo label and hint, the tile map — or the
/// choropleth when the catalog names a boundaries file — the name and
/// value of the square or shape in focus, the legend and the attribution.
#[component]
pub fn MunicipalityMap(ranking: Ranking, shapes: Option<Shapes>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    let (tiles, breaks) = present::tile_map(&ranking, &registry);
    let r = Arc::new(ranking);
    let offer = map_offer(r.clone(), tiles.clone(), breaks.clone(), shapes.clone());
    let (focused, set_focused) = signal(String::new());
    let (rt, rl) = (r.clone(), r.clone());
    let (hint, attribution, body) = match shapes {
        Some(s) => (
            T::MapExplainedShapes,
            Some(s.boundaries.attribution.clone()),
            choropleth(r.clone(), tiles, s, set_focused).into_any(),
        ),
        None => (
            T::MapExplained,
            None,
            tile_map(r.clone(), tiles, set_focused).into_any(),
        ),
    };
    view! {
        <section class="panel map" aria-labelledby="map-h">
            <h2 id="map-h">{move || format!("{}: {} {}", T::MapTitle.get(nav.lang()), rt.meta.title.get(nav.lang()), rt.period)}</h2>
            {r.meta.demo.then(|| demo_label(false))}
            <p class="hint">{nav.t(hint)}</p>
            {body}
            <p class="tile-focus" aria-live="polite">{move || focused.get()}</p>
            <div class="legend" role="group" aria-label=nav.t(T::Legend)>
                <ul>{move || legend_view(legend_items(&rl, &breaks, nav.lang()))}</ul>
            </div>
            <p class="source">{match attribution {
                Some(a) => a.into_any(),
                None => nav.t(T::MapAttribution).into_any(),
            }}</p>
            {downloads(offer, download_label(), None)}
        </section>
    }
}

/// The map's downloads: the figures as in the ranking's table, and the map
/// itself (tiles, or the shapes once loaded) with its legend in words.
fn map_offer(r: Arc<Ranking>, tiles: Vec<Tile>, breaks: Vec<f64>, shapes: Option<Shapes>) -> Offer {
    let registry = expect_context::<Arc<Registry>>();
    let (r1, r2, r3) = (r.clone(), r.clone(), r.clone());
    let title: Text = Arc::new(move |lang| {
        format!(
            "{}: {} {}",
            T::MapTitle.get(lang),
            r1.meta.title.get(lang),
            r1.period
        )
    });
    let shapes_attribution = shapes.as_ref().map(|s| s.boundaries.attribution.clone());
    let svg: Text = Arc::new(move |lang| {
        let legend: Vec<(Option<usize>, String)> = legend_items(&r2, &breaks, lang)
            .into_iter()
            .map(|(class, text)| (CLASS_CSS.iter().position(|c| *c == class), text))
            .collect();
        let values: Vec<String> = tiles
            .iter()
            .map(|t| {
                t.value
                    .map(|v| r2.format(v, lang))
                    .unwrap_or_else(|| t.status.as_ref().map_or("–", |s| s.symbol()).to_string())
            })
            .collect();
        let shapes = shapes
            .as_ref()
            .and_then(|s| s.load.get_untracked().and_then(Result::ok));
        let Some(list) = shapes else {
            let places: Vec<svg::Place> = tiles
                .iter()
                .zip(&values)
                .map(|(t, v)| svg::Place {
                    class: t.class,
                    tile: Some((t.col, t.row, &t.abbr, v)),
                    path: None,
                })
                .collect();
            return svg::map(&places, None, &legend, T::MapAttribution.get(lang));
        };
        let (paths, height) = &*list;
        let places: Vec<svg::Place> = paths
            .iter()
            .filter_map(|p| {
                let Some(RegionRef::Municipality(i)) = registry.resolve(&p.code) else {
                    return None;
                };
                let t = tiles
                    .iter()
                    .find(|t| t.id == registry.municipalities[i].id)?;
                Some(svg::Place {
                    class: t.class,
                    tile: None,
                    path: Some(&p.d),
                })
            })
            .collect();
        let attribution = shapes_attribution.clone().unwrap_or_default();
        svg::map(&places, Some(*height as f32), &legend, &attribution)
    });
    let file = expect_context::<Arc<Catalog>>()
        .indicator(&r.meta.id)
        .map(load::file_of)
        .unwrap_or_default();
    let table = Arc::new(move |lang| ranking_table(&r3, lang));
    let r4 = r.clone();
    let name: Text =
        Arc::new(move |lang| format!("kart {} {}", r4.meta.title.get(lang), r4.period));
    Offer::figure(r.meta.clone(), file, table, name, Some((svg, title)))
}

/// "Hamar: 52,3 per 1000 barn", or why there is no figure.
fn describe(r: &Ranking, t: &Tile, lang: Lang) -> String {
    match t.value {
        Some(v) => format!(
            "{}: {} {}",
            t.name,
            r.format(v, lang),
            r.meta.unit.get(lang)
        ),
        None => format!("{}: {}", t.name, reason(t.status.as_ref(), lang)),
    }
}

/// The legend of both maps: class ranges, then "no figure".
fn legend_items(r: &Ranking, breaks: &[f64], lang: Lang) -> Vec<(String, String)> {
    let f = |v: f64| r.format(v, lang);
    let mut items: Vec<(String, String)> = Vec::new();
    for (k, b) in breaks.iter().enumerate() {
        let text = if k == 0 {
            format!("{} {}", T::Under.get(lang), f(*b))
        } else {
            format!("{} – {}", f(breaks[k - 1]), f(*b))
        };
        items.push((CLASS_CSS[k].to_string(), text));
    }
    let top = breaks
        .last()
        .map(|b| format!("{} {}", f(*b), T::AndAbove.get(lang)))
        .unwrap_or_default();
    items.push((CLASS_CSS[breaks.len()].to_string(), top));
    items.push(("missing".to_string(), T::NoValue.get(lang).to_string()));
    items
}

fn legend_view(items: Vec<(String, String)>) -> impl IntoView {
    items.into_iter().map(|(class, text)| view! { <li><span class=format!("swatch {class}") aria-hidden="true"></span>{text}</li> }).collect_view()
}

/// The municipalities' real shapes (e.g. Kartverket's boundaries), coloured
/// by class; each shape is a link (SVG `<a>`) that announces name and value.
fn choropleth(
    r: Arc<Ranking>,
    tiles: Vec<Tile>,
    shapes: Shapes,
    focus: WriteSignal<String>,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    let Shapes { boundaries, load } = shapes;
    let head = move || Head {
        live: false,
        title: None,
        file: boundaries.url.clone(),
        level: Level::Inline,
    };
    panel(load, head, move |list| {
        let (paths, height) = &*list;
        let shapes = paths
            .iter()
            .filter_map(|p| {
                let id = match registry.resolve(&p.code) {
                    Some(RegionRef::Municipality(i)) => registry.municipalities[i].id.clone(),
                    _ => return None,
                };
                let t = tiles.iter().find(|t| t.id == id)?.clone();
                let class = t.class.map_or("shape missing".to_string(), |c| {
                    format!("shape {}", CLASS_CSS[c])
                });
                let r = r.clone();
                let label = move || describe(&r, &t, nav.lang());
                let (l1, l2) = (label.clone(), label.clone());
                Some(view! {
                    <g><a
                        href=move || href(&nav.to(View::Municipality, id.clone()))
                        aria-label=label
                        on:focus=move |_| focus.set(l1())
                        on:mouseenter=move |_| focus.set(l2())
                    ><path d=p.d.clone() class=class></path></a></g>
                })
            })
            .collect_view();
        view! {
            <svg class="choropleth" viewBox=format!("0 0 600 {:.0}", height.ceil()) role="group" aria-labelledby="map-h">{shapes}</svg>
        }
    })
}

/// Five classes of a colour-blind-safe sequential palette (ColorBrewer
/// YlGnBu), darkest for the highest values; the text colour on each keeps
/// 4.5:1 contrast. Every tile also shows its value as text.
const CLASS_CSS: [&str; 5] = ["c0", "c1", "c2", "c3", "c4"];

/// One square per municipality at its place on the tile map, showing its
/// short name and value; each square is a link to the profile.
fn tile_map(r: Arc<Ranking>, tiles: Vec<Tile>, focus: WriteSignal<String>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let cols = tiles.iter().map(|t| t.col).max().unwrap_or(0) as usize + 1;
    let squares = tiles
        .into_iter()
        .map(|t| {
            let class = t.class.map_or("tile missing".to_string(), |c| {
                format!("tile {}", CLASS_CSS[c])
            });
            let (id, abbr) = (t.id.clone(), t.abbr.clone());
            let (col, row) = ((t.col + 1).to_string(), (t.row + 1).to_string());
            let t = Arc::new(t);
            let value = {
                let (r, t) = (r.clone(), t.clone());
                move || {
                    t.value.map(|v| r.format(v, nav.lang())).unwrap_or_else(|| {
                        t.status.as_ref().map_or("–", |s| s.symbol()).to_string()
                    })
                }
            };
            let says = {
                let (r, t) = (r.clone(), t.clone());
                move || describe(&r, &t, nav.lang())
            };
            let (s1, s2, s3, v1) = (says.clone(), says.clone(), says.clone(), value.clone());
            view! {
                <li style:grid-column=col style:grid-row=row>
                    <a
                        class=class
                        href=move || href(&nav.to(View::Municipality, id.clone()))
                        aria-label=move || format!("{} {} – {}", t.abbr, v1(), s1())
                        title=s2
                        on:focus=move |_| focus.set(s3())
                        on:mouseenter=move |_| focus.set(says())
                    >
                        <span class="abbr">{abbr}</span>" "
                        <span class="val">{value}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="tilemap" style:grid-template-columns=format!("repeat({cols}, minmax(0, 1fr))")>{squares}</ul>
    }
}

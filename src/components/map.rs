//! The municipalities on a map: a tile map (one square per municipality at
//! its `tile` in the registry), or, when the catalog names a boundaries
//! file, a choropleth of the real shapes. Five quantile classes of a
//! colour-blind-safe palette; every square and shape shows or announces its
//! value as text.

use std::sync::Arc;

use innsyn_core::catalog::{Boundaries, Catalog};
use innsyn_core::geo::{self, Shape};
use innsyn_core::i18n::{Lang, T};
use innsyn_core::present::{self, reason, Ranking, Tile};
use innsyn_core::query::View;
use innsyn_core::registry::Registry;
use leptos::prelude::*;

use crate::load::{self, panel, Head, Level, Loading};
use crate::nav::{href, Nav};

/// A catalog's boundaries and their shapes being loaded (once per page:
/// every year or indicator shown on the page draws the same shapes).
#[derive(Clone)]
pub struct Shapes {
    pub boundaries: Boundaries,
    pub load: Loading<Arc<Vec<Shape>>>,
}

/// The shapes of the site's catalog, when it names a boundaries file.
pub fn shapes() -> Option<Shapes> {
    let catalog = expect_context::<Arc<Catalog>>();
    catalog.boundaries.clone().map(|b| Shapes {
        load: load::boundaries(&b),
        boundaries: b,
    })
}

/// The choropleth when the catalog names a boundaries file, else the tile map.
#[component]
pub fn MunicipalityMap(ranking: Ranking, shapes: Option<Shapes>) -> impl IntoView {
    match shapes {
        Some(s) => view! { <ChoroplethMap ranking=ranking shapes=s/> }.into_any(),
        None => view! { <TileMap ranking=ranking/> }.into_any(),
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

/// The municipalities' real shapes (e.g. Kartverket's boundaries), coloured by
/// class; each shape is focusable, announces name and value, and opens the
/// profile with Enter or a click. The attribution is always shown.
#[component]
fn ChoroplethMap(ranking: Ranking, shapes: Shapes) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    let (tiles, breaks) = present::tile_map(&ranking, &registry);
    let r = Arc::new(ranking);
    let Shapes { boundaries, load } = shapes;
    let file = boundaries.url.clone();
    let head = move || Head {
        title: None,
        file: file.clone(),
        level: Level::Inline,
    };
    let (focused, set_focused) = signal(String::new());
    let rt = r.clone();
    let rl = r.clone();
    let attribution = boundaries.attribution.clone();
    view! {
        <section class="panel map" aria-labelledby="map-h">
            <h2 id="map-h">{move || format!("{}: {} {}", T::MapTitle.get(nav.lang()), rt.meta.title.get(nav.lang()), rt.period)}</h2>
            {r.meta.demo.then(|| view! { <p class="demo-label"><strong>{nav.t(T::DemoLabel)}</strong></p> })}
            <p class="hint">{nav.t(T::MapExplainedShapes)}</p>
            {panel(load, head, move |list| {
                        let (paths, height) = geo::project(&list, 600.0);
                        let tiles = tiles.clone();
                        let registry = registry.clone();
                        let r = r.clone();
                        view! {
                            <svg class="choropleth" viewBox=format!("0 0 600 {:.0}", height.ceil()) role="group" aria-labelledby="map-h">
                                {paths.into_iter().filter_map(|p| {
                                    let id = match registry.resolve(&p.code) {
                                        Some(innsyn_core::registry::RegionRef::Municipality(i)) => registry.municipalities[i].id.clone(),
                                        _ => return None,
                                    };
                                    let t = tiles.iter().find(|t| t.id == id)?.clone();
                                    let class = t.class.map_or("shape missing".to_string(), |c| format!("shape {}", CLASS_CSS[c]));
                                    let r = r.clone();
                                    let label = move || match t.value {
                                        Some(v) => format!("{}: {} {}", t.name, r.format(v, nav.lang()), r.meta.unit.get(nav.lang())),
                                        None => format!("{}: {}", t.name, reason(t.status.as_ref(), nav.lang())),
                                    };
                                    let (l1, l2) = (label.clone(), label.clone());
                                    // A real link (SVG <a>), followed in place by nav.
                                    Some(view! {
                                        <g><a
                                            href=move || href(&nav.to(View::Municipality, id.clone()))
                                            aria-label=label
                                            on:focus=move |_| set_focused.set(l1())
                                            on:mouseenter=move |_| set_focused.set(l2())
                                        ><path d=p.d class=class></path></a></g>
                                    })
                                }).collect_view()}
                            </svg>
                        }
            })}
            <p class="tile-focus" aria-live="polite">{move || focused.get()}</p>
            <div class="legend" role="group" aria-label=nav.t(T::Legend)>
                <ul>{move || legend_view(legend_items(&rl, &breaks, nav.lang()))}</ul>
            </div>
            <p class="source">{attribution}</p>
        </section>
    }
}

/// Five classes of a colour-blind-safe sequential palette (ColorBrewer
/// YlGnBu), darkest for the highest values; the text colour on each keeps
/// 4.5:1 contrast. Every tile also shows its value as text.
const CLASS_CSS: [&str; 5] = ["c0", "c1", "c2", "c3", "c4"];

#[component]
fn TileMap(ranking: Ranking) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    let (tiles, breaks) = present::tile_map(&ranking, &registry);
    let r = Arc::new(ranking);
    let (focused, set_focused) = signal(String::new());
    let describe = {
        let r = r.clone();
        move |t: &Tile, lang: Lang| match t.value {
            Some(v) => format!(
                "{}: {} {}",
                t.name,
                r.format(v, lang),
                r.meta.unit.get(lang)
            ),
            None => format!("{}: {}", t.name, reason(t.status.as_ref(), lang)),
        }
    };
    let rl = r.clone();
    let cols = tiles.iter().map(|t| t.col).max().unwrap_or(0) as usize + 1;
    let rt = r.clone();
    view! {
        <section class="panel map" aria-labelledby="map-h">
            <h2 id="map-h">{move || format!("{}: {} {}", T::MapTitle.get(nav.lang()), rt.meta.title.get(nav.lang()), rt.period)}</h2>
            {r.meta.demo.then(|| view! { <p class="demo-label"><strong>{nav.t(T::DemoLabel)}</strong></p> })}
            <p class="hint">{nav.t(T::MapExplained)}</p>
            <ul class="tilemap" style:grid-template-columns=format!("repeat({cols}, minmax(0, 1fr))")>
                {tiles.into_iter().map(|t| {
                    let class = t.class.map_or("tile missing".to_string(), |c| format!("tile {}", CLASS_CSS[c]));
                    let id = t.id.clone();
                    let value = {
                        let (r, t) = (r.clone(), t.clone());
                        move || t.value.map(|v| r.format(v, nav.lang())).unwrap_or_else(|| t.status.as_ref().map(|s| s.symbol().to_string()).unwrap_or("–".into()))
                    };
                    let (t1, t2, d1, d2, v1) = (t.clone(), t.clone(), describe.clone(), describe.clone(), value.clone());
                    view! {
                        <li style:grid-column=(t.col + 1).to_string() style:grid-row=(t.row + 1).to_string()>
                            <a
                                class=class
                                href=move || href(&nav.to(View::Municipality, id.clone()))
                                aria-label=move || format!("{} {} – {}", t1.abbr, v1(), d1(&t1, nav.lang()))
                                title=move || d2(&t2, nav.lang())
                                on:focus={let t = t.clone(); let d = describe.clone(); move |_| set_focused.set(d(&t, nav.lang()))}
                                on:mouseenter={let t = t.clone(); let d = describe.clone(); move |_| set_focused.set(d(&t, nav.lang()))}
                            >
                                <span class="abbr">{t.abbr.clone()}</span>" "
                                <span class="val">{value}</span>
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="tile-focus" aria-live="polite">{move || focused.get()}</p>
            <div class="legend" role="group" aria-label=nav.t(T::Legend)>
                <ul>{move || legend_view(legend_items(&rl, &breaks, nav.lang()))}</ul>
            </div>
            <p class="source">{nav.t(T::MapAttribution)}</p>
        </section>
    }
}

//! One JSON-stat dimension: categories (index, label, child), its role, units
//! and coordinates, notes and links, each checked against the dataset.

use std::collections::HashMap;

use crate::diag::{path_index, path_key, Diags, Msg};
use crate::json::{JVal, Json};
use crate::limits::safe_link;
use crate::model::{Category, Dimension, Link, Unit};

pub(super) fn str_list(j: Option<&Json>) -> Option<Vec<String>> {
    j?.as_arr()?
        .iter()
        .map(|x| x.as_str().map(str::to_string))
        .collect()
}

pub(super) fn usize_list(j: Option<&Json>) -> Option<Vec<usize>> {
    j?.num_items()?
        .into_iter()
        .map(|x| {
            x.filter(|v| *v >= 0.0 && v.fract() == 0.0)
                .map(|v| v as usize)
        })
        .collect()
}

pub(super) fn notes(j: Option<&Json>) -> Vec<String> {
    match j.map(|j| &j.v) {
        Some(JVal::Str(s)) => vec![s.to_string()],
        Some(JVal::Arr(a)) => a
            .iter()
            .filter_map(|x| x.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

pub(super) fn links(j: Option<&Json>, path: &str, d: &mut Diags) -> Vec<Link> {
    let mut out = Vec::new();
    for m in j.and_then(Json::as_obj).unwrap_or(&[]) {
        for (i, l) in m.value.as_arr().unwrap_or(&[]).iter().enumerate() {
            let Some(href) = l.get("href").and_then(Json::as_str) else {
                continue;
            };
            if safe_link(href) {
                out.push(Link {
                    href: href.to_string(),
                    label: l.get("label").and_then(Json::as_str).map(str::to_string),
                    rel: m.key.to_string(),
                });
            } else {
                d.warn(
                    "UNSAFE_LINK",
                    &path_key(&path_index(&path_key(path, &m.key), i), "href"),
                    l.start,
                    Msg::new(
                        "Lenken er ikke http(s) og vises ikke",
                        "The link is not http(s) and is not shown",
                    ),
                );
            }
        }
    }
    out
}

/// Reads one dimension. `size` is the size the dataset declares for it.
pub(super) fn dimension(
    id: &str,
    j: &Json,
    path: &str,
    size: Option<usize>,
    d: &mut Diags,
) -> Option<Dimension> {
    let Some(cat) = j.get("category") else {
        d.error(
            "MISSING_FIELD",
            path,
            j.start,
            Msg::new(
                format!("Dimensjonen «{id}» mangler «category»"),
                format!("Dimension \"{id}\" lacks \"category\""),
            ),
        );
        return None;
    };
    let cpath = path_key(path, "category");
    let labels = cat.get("label").and_then(Json::as_obj);
    // Category ids in order: from index (array or object), else from label.
    let ids: Vec<String> = match cat.get("index") {
        Some(Json {
            v: JVal::Arr(a), ..
        }) => {
            let mut ids = Vec::with_capacity(a.len());
            for (i, x) in a.iter().enumerate() {
                match x.as_str() {
                    Some(s) => ids.push(s.to_string()),
                    None => {
                        d.error(
                            "WRONG_TYPE",
                            &path_index(&path_key(&cpath, "index"), i),
                            x.start,
                            Msg::new(
                                "Kategori-id skal være tekst",
                                "A category id should be text",
                            ),
                        );
                        return None;
                    }
                }
            }
            ids
        }
        Some(Json {
            v: JVal::Obj(m),
            start,
            ..
        }) => {
            let mut slots: Vec<Option<String>> = vec![None; m.len()];
            let mut ok = true;
            for mem in m {
                match mem.value.as_f64() {
                    Some(p)
                        if p >= 0.0
                            && p.fract() == 0.0
                            && (p as usize) < m.len()
                            && slots[p as usize].is_none() =>
                    {
                        slots[p as usize] = Some(mem.key.to_string())
                    }
                    _ => ok = false,
                }
            }
            if !ok {
                d.error_hint(
                    "INDEX_POSITIONS_INVALID",
                    &path_key(&cpath, "index"),
                    *start,
                    Msg::new(format!("Posisjonene i «index» for «{id}» skal være 0 til {} uten hull eller gjentak", m.len().saturating_sub(1)), format!("The positions in \"index\" of \"{id}\" should be 0 to {} without gaps or repeats", m.len().saturating_sub(1))),
                    Msg::new("Nummerer kategoriene 0, 1, 2 … i den rekkefølgen verdiene står", "Number the categories 0, 1, 2 … in the order of the values"),
                );
                return None;
            }
            slots.into_iter().flatten().collect()
        }
        Some(other) => {
            d.error(
                "WRONG_TYPE",
                &path_key(&cpath, "index"),
                other.start,
                Msg::new(
                    "«index» skal være en liste eller et objekt",
                    "\"index\" should be an array or an object",
                ),
            );
            return None;
        }
        None => match labels {
            Some(l) => l.iter().map(|m| m.key.to_string()).collect(),
            None => {
                d.error(
                    "MISSING_FIELD",
                    &cpath,
                    cat.start,
                    Msg::new(
                        format!("Dimensjonen «{id}» har verken «index» eller «label»"),
                        format!("Dimension \"{id}\" has neither \"index\" nor \"label\""),
                    ),
                );
                return None;
            }
        },
    };
    if let Some(size) = size {
        if size != ids.len() {
            d.error_hint(
                "INDEX_COUNT_MISMATCH",
                &cpath,
                cat.start,
                Msg::new(
                    format!(
                        "«size» sier {size} kategorier for «{id}», men dimensjonen har {}",
                        ids.len()
                    ),
                    format!(
                        "\"size\" says {size} categories for \"{id}\", but the dimension has {}",
                        ids.len()
                    ),
                ),
                Msg::new(
                    "Rett «size» eller kategoriene så de stemmer overens",
                    "Correct \"size\" or the categories so that they agree",
                ),
            );
            return None;
        }
    }
    let pos: HashMap<&str, usize> = ids
        .iter()
        .enumerate()
        .map(|(i, s)| (s.as_str(), i))
        .collect();
    if pos.len() != ids.len() {
        d.error(
            "DUPLICATE_CATEGORY",
            &path_key(&cpath, "index"),
            cat.start,
            Msg::new(
                format!("En kategori står to ganger i «{id}»"),
                format!("A category appears twice in \"{id}\""),
            ),
        );
        return None;
    }
    let mut cats: Vec<Category> = ids
        .iter()
        .map(|i| Category {
            id: i.clone(),
            label: i.clone(),
            ..Default::default()
        })
        .collect();
    // Keyed objects must name existing categories.
    let keyed = |key: &str, code: &'static str, d: &mut Diags| -> Vec<(usize, Json)> {
        let mut out = Vec::new();
        for m in cat.get(key).and_then(Json::as_obj).unwrap_or(&[]) {
            match pos.get(&*m.key) {
                Some(&i) => out.push((i, m.value.clone())),
                None => d.error(
                    code,
                    &path_key(&path_key(&cpath, key), &m.key),
                    m.key_start,
                    Msg::new(
                        format!("«{}» i «{key}» er ingen kategori i «{id}»", m.key),
                        format!("\"{}\" in \"{key}\" is not a category of \"{id}\"", m.key),
                    ),
                ),
            }
        }
        out
    };
    for (i, v) in keyed("label", "LABEL_KEY_UNKNOWN", d) {
        if let Some(s) = v.as_str() {
            cats[i].label = s.to_string();
        }
    }
    for (i, v) in keyed("unit", "UNIT_KEY_UNKNOWN", d) {
        let text = |k: &str| v.get(k).and_then(Json::as_str).map(str::to_string);
        cats[i].unit = Some(Unit {
            // SSB writes the unit's name as `base` (from JSON-stat's drafts).
            label: text("label").or_else(|| text("base")),
            decimals: v
                .get("decimals")
                .and_then(Json::as_f64)
                .filter(|x| *x >= 0.0 && *x <= 15.0)
                .map(|x| x as u8),
            symbol: text("symbol"),
            position: text("position"),
        });
    }
    keyed("coordinates", "COORD_KEY_UNKNOWN", d);
    for (i, v) in keyed("note", "NOTE_KEY_UNKNOWN", d) {
        cats[i].note = notes(Some(&v));
    }
    // Hierarchy: child ids must exist and must not form a cycle.
    for m in cat.get("child").and_then(Json::as_obj).unwrap_or(&[]) {
        let p = path_key(&path_key(&cpath, "child"), &m.key);
        let Some(&parent) = pos.get(&*m.key) else {
            d.error(
                "CHILD_ID_UNKNOWN",
                &p,
                m.key_start,
                Msg::new(
                    format!("«{}» er ingen kategori i «{id}»", m.key),
                    format!("\"{}\" is not a category of \"{id}\"", m.key),
                ),
            );
            continue;
        };
        for (k, c) in m.value.as_arr().unwrap_or(&[]).iter().enumerate() {
            match c.as_str().and_then(|c| pos.get(c)) {
                Some(&child) => cats[child].parent = Some(parent),
                None => d.error(
                    "CHILD_ID_UNKNOWN",
                    &path_index(&p, k),
                    c.start,
                    Msg::new(
                        format!(
                            "Underkategorien «{}» finnes ikke i «{id}»",
                            c.as_str().unwrap_or("?")
                        ),
                        format!(
                            "The child category \"{}\" does not exist in \"{id}\"",
                            c.as_str().unwrap_or("?")
                        ),
                    ),
                ),
            }
        }
    }
    for start in 0..cats.len() {
        let (mut at, mut steps) = (start, 0);
        while let Some(p) = cats[at].parent {
            at = p;
            steps += 1;
            if steps > cats.len() {
                d.error(
                    "CHILD_CYCLE",
                    &path_key(&cpath, "child"),
                    cat.get("child").map_or(cat.start, |c| c.start),
                    Msg::new(
                        format!("Hierarkiet i «{id}» går i ring (via «{}»)", cats[start].id),
                        format!(
                            "The hierarchy of \"{id}\" is a cycle (through \"{}\")",
                            cats[start].id
                        ),
                    ),
                );
                for c in &mut cats {
                    c.parent = None;
                }
                break;
            }
        }
        if cats.iter().all(|c| c.parent.is_none()) {
            break;
        }
    }
    let label = j
        .get("label")
        .and_then(Json::as_str)
        .unwrap_or(id)
        .to_string();
    let mut dim = Dimension::new(id, label, None, cats);
    dim.note = notes(j.get("note"));
    dim.links = links(j.get("link"), path, d);
    Some(dim)
}

//! JSON-stat reader: 2.0 `dataset`, `collection` (embedded datasets, nested
//! collections) and `dimension` classes, and 1.x bundles (`{"name": dataset}`)
//! as SSB's older API returns them.
//!
//! Cells are addressed row-major (the last dimension varies fastest) and are
//! filled exactly as the reference reader jsonstat-toolkit fills them: a
//! status string, or an array of length 1, applies to every cell; shorter
//! arrays are padded with missing cells. Where the file breaks the format the
//! cells are still filled that way, and a diagnostic says what is wrong.
//!
//! - `dimension`: one dimension (categories, roles, units, hierarchy);
//! - `cells`: the `value` and `status` of a dataset, filled as jsonstat-toolkit fills them.

mod cells;
mod dimension;

use crate::diag::{path_index, path_key, Diags, Msg};
use crate::json::{JVal, Json};
use crate::model::{Dataset, Dimension, Role};
use crate::registry::Registry;

use crate::limits::cube_cells;
use cells::{read_status, read_values};
use dimension::{dimension, links, notes, str_list, usize_list};
pub struct Out {
    pub datasets: Vec<Dataset>,
    pub dimensions: Vec<Dimension>,
}

/// Is this parsed document JSON-stat (any version or class)?
pub fn is_jsonstat(root: &Json) -> bool {
    root.get("class").is_some()
        || root.get("dimension").is_some()
        || bundle_members(root).next().is_some()
}

fn bundle_members(root: &Json) -> impl Iterator<Item = &crate::json::Member> {
    root.as_obj()
        .unwrap_or(&[])
        .iter()
        .filter(|m| m.value.get("dimension").is_some() && m.value.get("value").is_some())
}

pub fn read(root: Json, src: &str, keep_raw: bool, registry: &Registry, d: &mut Diags) -> Out {
    let mut out = read_tree(root, src, keep_raw, d);
    for ds in &out.datasets {
        check_regions(ds, registry, d);
    }
    out.datasets.shrink_to_fit();
    out
}

/// Region codes Innsyn cannot place are reported once per dataset.
fn check_regions(ds: &Dataset, registry: &Registry, d: &mut Diags) {
    let Some(r) = ds.region_dim() else { return };
    let unknown: Vec<&str> = ds.dims[r]
        .categories
        .iter()
        .map(|c| c.id.as_str())
        .filter(|c| registry.resolve(c).is_none())
        .collect();
    if let Some(first) = unknown.first() {
        let list = unknown
            .iter()
            .take(5)
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        let more = if unknown.len() > 5 {
            format!(" (+{})", unknown.len() - 5)
        } else {
            String::new()
        };
        d.warn_hint(
            "UNKNOWN_REGION",
            &path_key(&path_key("$.dimension", &ds.dims[r].id), "category"),
            0,
            Msg::new(format!("Ukjente regionkoder i «{}»: {list}{more}", ds.dims[r].id), format!("Unknown region codes in \"{}\": {list}{more}", ds.dims[r].id)),
            Msg::new(format!("«{first}» er verken et kommunenummer, et fylkesnummer eller en SSB-kode (EAK, EAKUO, EKGnn)"), format!("\"{first}\" is neither a municipality number, a county number nor an SSB code (EAK, EAKUO, EKGnn)")),
        );
    }
}

fn read_tree(root: Json, src: &str, keep_raw: bool, d: &mut Diags) -> Out {
    let mut out = Out {
        datasets: Vec::new(),
        dimensions: Vec::new(),
    };
    if let Some(e) = root.get("error") {
        d.error(
            "JSONSTAT_ERROR",
            "$.error",
            e.start,
            Msg::new(
                format!("Fila melder en feil fra kilden: {}", e.raw(src)),
                format!("The file reports an error from its source: {}", e.raw(src)),
            ),
        );
    }
    match root.get("class").and_then(Json::as_str) {
        Some("dataset") => out.datasets.extend(dataset(root, "$", src, keep_raw, d)),
        Some("collection") => collection(root, "$", src, keep_raw, d, &mut out),
        Some("dimension") => {
            let id = root
                .get("id")
                .and_then(Json::as_str)
                .or_else(|| root.get("label").and_then(Json::as_str))
                .unwrap_or("dimension")
                .to_string();
            out.dimensions.extend(dimension(&id, &root, "$", None, d));
        }
        Some(other) => d.error(
            "UNKNOWN_CLASS",
            "$.class",
            root.get("class").map_or(0, |j| j.start),
            Msg::new(
                format!("Ukjent JSON-stat-klasse «{other}»"),
                format!("Unknown JSON-stat class \"{other}\""),
            ),
        ),
        None if root.get("dimension").is_some() => {
            out.datasets.extend(dataset(root, "$", src, keep_raw, d))
        }
        None => {
            let Json {
                v: JVal::Obj(members),
                ..
            } = root
            else {
                return out;
            };
            let mut warned = false;
            for m in members.into_vec() {
                if m.value.get("dimension").is_none() || m.value.get("value").is_none() {
                    continue;
                }
                if !warned {
                    d.warn_hint(
                        "BUNDLE_DEPRECATED",
                        "$",
                        0,
                        Msg::new("Fila er en JSON-stat 1.x-bunt; Innsyn leser den, men formatet er foreldet", "The file is a JSON-stat 1.x bundle; Innsyn reads it, but the format is deprecated"),
                        Msg::new("Bruk JSON-stat 2.0 med \"class\": \"dataset\" eller \"collection\"", "Use JSON-stat 2.0 with \"class\": \"dataset\" or \"collection\""),
                    );
                    warned = true;
                }
                let path = path_key("$", &m.key);
                let label = m.key.to_string();
                if let Some(mut ds) = dataset(m.value, &path, src, keep_raw, d) {
                    ds.label.get_or_insert(label);
                    out.datasets.push(ds);
                }
            }
        }
    }
    out
}

fn collection(root: Json, path: &str, src: &str, keep_raw: bool, d: &mut Diags, out: &mut Out) {
    let Json {
        v: JVal::Obj(members),
        ..
    } = root
    else {
        return;
    };
    let Some(link) = members
        .into_vec()
        .into_iter()
        .find(|m| &*m.key == "link")
        .map(|m| m.value)
    else {
        return;
    };
    let Json {
        v: JVal::Obj(rels), ..
    } = link
    else {
        return;
    };
    let Some(items) = rels
        .into_vec()
        .into_iter()
        .find(|m| &*m.key == "item")
        .map(|m| m.value)
    else {
        return;
    };
    let Json {
        v: JVal::Arr(items),
        ..
    } = items
    else {
        return;
    };
    for (i, item) in items.into_vec().into_iter().enumerate() {
        let p = path_index(&path_key(&path_key(path, "link"), "item"), i);
        let embedded = item.get("value").is_some()
            || item.get("dimension").is_some()
            || item.get("link").is_some();
        match item.get("class").and_then(Json::as_str) {
            Some("dataset") if embedded => out.datasets.extend(dataset(item, &p, src, keep_raw, d)),
            Some("collection") if embedded => collection(item, &p, src, keep_raw, d, out),
            // An item that only links elsewhere: nothing to read here.
            _ => {}
        }
    }
}

fn dataset(j: Json, path: &str, src: &str, keep_raw: bool, d: &mut Diags) -> Option<Dataset> {
    // 1.x keeps id, size and role inside "dimension".
    let dims_j = j.get("dimension");
    let v1 = j.get("id").is_none() && dims_j.and_then(|x| x.get("id")).is_some();
    let meta_src = if v1 { dims_j } else { Some(&j) };
    let ids = str_list(meta_src.and_then(|m| m.get("id")));
    let sizes = usize_list(meta_src.and_then(|m| m.get("size")));
    let (Some(ids), Some(sizes)) = (ids, sizes) else {
        d.error_hint(
            "MISSING_FIELD",
            path,
            j.start,
            Msg::new(
                "Datasettet mangler «id» eller «size» (eller de har feil type)",
                "The dataset lacks \"id\" or \"size\" (or they have the wrong type)",
            ),
            Msg::new(
                "«id» er en liste med dimensjonsnavn, «size» en liste med antall kategorier",
                "\"id\" is a list of dimension names, \"size\" a list of category counts",
            ),
        );
        return None;
    };
    if ids.len() != sizes.len() {
        d.error(
            "ID_SIZE_LEN_MISMATCH",
            &path_key(path, "size"),
            j.get("size").map_or(j.start, |s| s.start),
            Msg::new(
                format!(
                    "«id» har {} dimensjoner, men «size» har {} tall",
                    ids.len(),
                    sizes.len()
                ),
                format!(
                    "\"id\" has {} dimensions, but \"size\" has {} numbers",
                    ids.len(),
                    sizes.len()
                ),
            ),
        );
        return None;
    }
    let Some(dims_j) = dims_j.and_then(|x| x.as_obj().map(|_| x)) else {
        d.error(
            "MISSING_FIELD",
            &path_key(path, "dimension"),
            j.start,
            Msg::new(
                "Datasettet mangler «dimension»",
                "The dataset lacks \"dimension\"",
            ),
        );
        return None;
    };
    let dpath = path_key(path, "dimension");
    let mut broken = false;
    for id in &ids {
        if dims_j.get(id).is_none() {
            d.error(
                "DIM_KEY_ID_MISMATCH",
                &dpath,
                dims_j.start,
                Msg::new(
                    format!("«{id}» står i «id», men ikke i «dimension»"),
                    format!("\"{id}\" is in \"id\" but not in \"dimension\""),
                ),
            );
            broken = true;
        }
    }
    for m in dims_j.as_obj().unwrap_or(&[]) {
        if !ids.iter().any(|i| *i == *m.key) && !(v1 && matches!(&*m.key, "id" | "size" | "role")) {
            d.error(
                "DIM_KEY_ID_MISMATCH",
                &path_key(&dpath, &m.key),
                m.key_start,
                Msg::new(
                    format!("«{}» står i «dimension», men ikke i «id»", m.key),
                    format!("\"{}\" is in \"dimension\" but not in \"id\"", m.key),
                ),
            );
        }
    }
    if broken {
        return None;
    }
    let mut dims = Vec::with_capacity(ids.len());
    for (id, &size) in ids.iter().zip(&sizes) {
        dims.push(dimension(
            id,
            dims_j.get(id)?,
            &path_key(&dpath, id),
            Some(size),
            d,
        )?);
    }
    // Roles.
    let role_j = j
        .get("role")
        .or_else(|| if v1 { dims_j.get("role") } else { None });
    for m in role_j.and_then(Json::as_obj).unwrap_or(&[]) {
        let role = match &*m.key {
            "time" => Some(Role::Time),
            "geo" => Some(Role::Geo),
            "metric" => Some(Role::Metric),
            _ => None,
        };
        for (k, x) in m.value.as_arr().unwrap_or(&[]).iter().enumerate() {
            match x.as_str().and_then(|x| ids.iter().position(|i| i == x)) {
                Some(i) => dims[i].role = role.or(dims[i].role),
                None => d.error(
                    "ROLE_ID_UNKNOWN",
                    &path_index(&path_key(&path_key(path, "role"), &m.key), k),
                    x.start,
                    Msg::new(
                        format!(
                            "Rollen «{}» viser til {}, som ikke er en dimensjon",
                            m.key,
                            x.raw(src)
                        ),
                        format!(
                            "Role \"{}\" names {}, which is not a dimension",
                            m.key,
                            x.raw(src)
                        ),
                    ),
                ),
            }
        }
    }
    for dim in &dims {
        if dim.role == Some(Role::Metric) && dim.categories.iter().any(|c| c.unit.is_none()) {
            d.warn(
                "METRIC_UNIT_MISSING",
                &path_key(&path_key(&dpath, &dim.id), "category"),
                dims_j.get(&dim.id).map_or(0, |x| x.start),
                Msg::new(
                    format!(
                        "Måledimensjonen «{}» oppgir ikke enhet for alle kategorier",
                        dim.id
                    ),
                    format!(
                        "The metric dimension \"{}\" does not give a unit for every category",
                        dim.id
                    ),
                ),
            );
        }
    }
    let n = cube_cells(
        &sizes,
        src.len(),
        d,
        &path_key(path, "size"),
        j.start,
        Msg::new("«size»", "\"size\""),
        Msg::new("Sjekk tallene i «size»", "Check the numbers in \"size\""),
    )?;

    let mut ds = Dataset {
        label: j.get("label").and_then(Json::as_str).map(str::to_string),
        source: j.get("source").and_then(Json::as_str).map(str::to_string),
        updated: j.get("updated").and_then(Json::as_str).map(str::to_string),
        table: j
            .get("extension")
            .and_then(|e| e.get("px"))
            .and_then(|p| p.get("tableid"))
            .and_then(Json::as_str)
            .map(str::to_string),
        note: notes(j.get("note")),
        links: links(j.get("link"), path, d),
        dims,
        ..Default::default()
    };
    read_status(&j, path, n, &mut ds, d);
    // Values last: the (possibly large) value buffer is moved, not copied.
    let Json {
        v: JVal::Obj(members),
        start: ds_start,
        ..
    } = j
    else {
        return None;
    };
    let Some(value) = members
        .into_vec()
        .into_iter()
        .find(|m| &*m.key == "value")
        .map(|m| m.value)
    else {
        d.error(
            "MISSING_FIELD",
            &path_key(path, "value"),
            ds_start,
            Msg::new("Datasettet mangler «value»", "The dataset lacks \"value\""),
        );
        return None;
    };
    read_values(value, path, n, src, keep_raw, &mut ds, d);
    for (i, s) in ds.status.iter() {
        if !s.has_value() && ds.values.get(i).is_some() {
            d.warn(
                "VALUE_WITH_MISSING_STATUS",
                &path_key(path, "status"),
                0,
                Msg::new(
                    format!("Celle {i} har både et tall og status «{}»", s.symbol()),
                    format!("Cell {i} has both a number and status \"{}\"", s.symbol()),
                ),
            );
            break;
        }
    }
    Some(ds)
}

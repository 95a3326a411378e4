//! JSON-stat reader: 2.0 `dataset`, `collection` (embedded datasets, nested
//! collections) and `dimension` classes, and 1.x bundles (`{"name": dataset}`)
//! as SSB's older API returns them.
//!
//! Cells are addressed row-major (the last dimension varies fastest) and are
//! filled exactly as the reference reader jsonstat-toolkit fills them: a
//! status string, or an array of length 1, applies to every cell; shorter
//! arrays are padded with missing cells. Where the file breaks the format the
//! cells are still filled that way, and a diagnostic says what is wrong.

use std::collections::HashMap;

use crate::diag::{path_index, path_key, Diags, Msg};
use crate::json::{item_spans, JVal, Json};
use crate::model::{
    Category, Dataset, Dimension, Link, Role, StatusBuilder, StatusMap, Unit, Values,
};
use crate::registry::Registry;
use crate::simple::safe_link;
use crate::status::Status;

/// Cubes larger than this are refused (SSB's own API limit is far below),
/// and so are cubes with more than four cells per byte of the file.
pub const MAX_CELLS: usize = 50_000_000;

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

fn str_list(j: Option<&Json>) -> Option<Vec<String>> {
    j?.as_arr()?
        .iter()
        .map(|x| x.as_str().map(str::to_string))
        .collect()
}

fn usize_list(j: Option<&Json>) -> Option<Vec<usize>> {
    j?.num_items()?
        .into_iter()
        .map(|x| {
            x.filter(|v| *v >= 0.0 && v.fract() == 0.0)
                .map(|v| v as usize)
        })
        .collect()
}

fn notes(j: Option<&Json>) -> Vec<String> {
    match j.map(|j| &j.v) {
        Some(JVal::Str(s)) => vec![s.to_string()],
        Some(JVal::Arr(a)) => a
            .iter()
            .filter_map(|x| x.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

fn links(j: Option<&Json>, path: &str, d: &mut Diags) -> Vec<Link> {
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
fn dimension(
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
            label: text("label"),
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
    // A file cannot honestly describe many more cells than it has bytes;
    // the cap keeps memory bounded by the file's size.
    let limit = MAX_CELLS.min((4 * src.len()).max(1_000_000));
    let n = sizes
        .iter()
        .try_fold(1usize, |a, &b| a.checked_mul(b))
        .filter(|n| *n <= limit);
    let Some(n) = n else {
        d.error_hint(
            "TOO_MANY_CELLS",
            &path_key(path, "size"),
            j.start,
            Msg::new(format!("«size» gir flere enn {limit} celler, mer enn en fil på denne størrelsen kan beskrive"), format!("\"size\" gives more than {limit} cells, more than a file of this size can describe")),
            Msg::new("Sjekk tallene i «size»", "Check the numbers in \"size\""),
        );
        return None;
    };

    let mut ds = Dataset {
        label: j.get("label").and_then(Json::as_str).map(str::to_string),
        source: j.get("source").and_then(Json::as_str).map(str::to_string),
        updated: j.get("updated").and_then(Json::as_str).map(str::to_string),
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

fn read_status(j: &Json, path: &str, n: usize, ds: &mut Dataset, d: &mut Diags) {
    let Some(st) = j.get("status") else { return };
    let mut pairs = StatusBuilder::default();
    let spath = path_key(path, "status");
    match &st.v {
        JVal::Null => {}
        JVal::Str(s) => {
            ds.status = StatusMap::all(Status::parse(s), n);
            return;
        }
        JVal::Arr(a) => {
            if a.len() == 1 && n != 1 {
                if let Some(s) = a[0].as_str() {
                    ds.status = StatusMap::all(Status::parse(s), n);
                }
                return;
            }
            if a.len() != n {
                d.error_hint(
                    "STATUS_LEN_MISMATCH",
                    &spath,
                    st.start,
                    Msg::new(format!("«status» har {} elementer, men datasettet har {n} celler", a.len()), format!("\"status\" has {} items, but the dataset has {n} cells", a.len())),
                    Msg::new("Gi én status per celle (null for ingen), eller bruk et objekt med cellenummer som nøkler", "Give one status per cell (null for none), or use an object keyed by cell index"),
                );
            }
            for (i, x) in a.iter().enumerate().take(n) {
                match &x.v {
                    JVal::Str(s) => {
                        pairs.push(i, Status::parse(s));
                    }
                    JVal::Null => {}
                    _ => d.warn(
                        "WRONG_TYPE",
                        &path_index(&spath, i),
                        x.start,
                        Msg::new(
                            "En status skal være tekst eller null",
                            "A status should be text or null",
                        ),
                    ),
                }
            }
        }
        JVal::NumArr(_) => d.warn(
            "WRONG_TYPE",
            &spath,
            st.start,
            Msg::new(
                "«status» skal inneholde tekst, ikke tall",
                "\"status\" should hold text, not numbers",
            ),
        ),
        JVal::Obj(m) => {
            for mem in m {
                match mem.key.parse::<usize>() {
                    Ok(i) if i < n => match &mem.value.v {
                        JVal::Str(s) => {
                            pairs.push(i, Status::parse(s));
                        }
                        JVal::Null => {}
                        _ => d.warn(
                            "WRONG_TYPE",
                            &path_key(&spath, &mem.key),
                            mem.value.start,
                            Msg::new(
                                "En status skal være tekst eller null",
                                "A status should be text or null",
                            ),
                        ),
                    },
                    _ => d.error(
                        "STATUS_KEY_OUT_OF_RANGE",
                        &path_key(&spath, &mem.key),
                        mem.key_start,
                        Msg::new(
                            format!(
                                "Nøkkelen «{}» er ikke et cellenummer fra 0 til {}",
                                mem.key,
                                n.saturating_sub(1)
                            ),
                            format!(
                                "The key \"{}\" is not a cell index from 0 to {}",
                                mem.key,
                                n.saturating_sub(1)
                            ),
                        ),
                    ),
                }
            }
        }
        _ => d.error(
            "WRONG_TYPE",
            &spath,
            st.start,
            Msg::new(
                "«status» skal være tekst, en liste eller et objekt",
                "\"status\" should be text, an array or an object",
            ),
        ),
    }
    ds.status = pairs.finish();
}

/// One value item: a number, null, or text (a diagnostic says what it means).
fn value_item(x: &Json, i: usize, vpath: &str, src: &str, d: &mut Diags) -> Option<f64> {
    match &x.v {
        JVal::Num(v) => Some(*v),
        JVal::Null => None,
        JVal::Str(s) => {
            let fixed = s.trim().replace(['\u{a0}', ' '], "").replace(',', ".");
            if !s.trim().is_empty() && fixed.parse::<f64>().is_ok() {
                d.error_hint(
                    "VALUE_NOT_NUMBER",
                    &path_index(vpath, i),
                    x.start,
                    Msg::new(
                        format!("Verdien «{s}» er tekst, ikke et tall"),
                        format!("The value \"{s}\" is text, not a number"),
                    ),
                    Msg::new(
                        format!("Skriv tallet uten anførselstegn og med desimalpunktum: {fixed}"),
                        format!(
                            "Write the number without quotes and with a decimal point: {fixed}"
                        ),
                    ),
                );
            } else if i == 0 || d.list.iter().all(|x| x.code != "VALUE_IS_TEXT") {
                d.warn(
                    "VALUE_IS_TEXT",
                    &path_index(vpath, i),
                    x.start,
                    Msg::new(
                        "Datasettet har tekstverdier; Innsyn viser dem som manglende tall",
                        "The dataset has text values; Innsyn shows them as missing numbers",
                    ),
                );
            }
            None
        }
        _ => {
            d.error(
                "VALUE_NOT_NUMBER",
                &path_index(vpath, i),
                x.start,
                Msg::new(
                    format!(
                        "En verdi skal være et tall eller null, er {}",
                        x.raw(src).chars().take(40).collect::<String>()
                    ),
                    format!("A value should be a number or null, is {}", x.type_name()),
                ),
            );
            None
        }
    }
}

fn raw_text(x: &Json, src: &str) -> Option<Box<str>> {
    match &x.v {
        JVal::Null => None,
        JVal::Str(s) => Some(s.clone()),
        _ => Some(x.raw(src).into()),
    }
}

fn read_values(
    value: Json,
    path: &str,
    n: usize,
    src: &str,
    keep_raw: bool,
    ds: &mut Dataset,
    d: &mut Diags,
) {
    let vpath = path_key(path, "value");
    let len_mismatch = |len: usize, d: &mut Diags| {
        d.error_hint(
            "VALUE_LEN_MISMATCH",
            &vpath,
            value.start,
            Msg::new(
                format!("«value» har {len} elementer, men «size» gir {n} celler"),
                format!("\"value\" has {len} items, but \"size\" gives {n} cells"),
            ),
            Msg::new(
                "Hver kombinasjon av kategorier skal ha én verdi (null når den mangler)",
                "Every combination of categories needs one value (null when missing)",
            ),
        );
    };
    let start = value.start;
    match value.v {
        JVal::NumArr(buf) => {
            if buf.len() != n {
                len_mismatch(buf.len(), d);
            }
            if keep_raw {
                let spans = item_spans(src, start, buf.len());
                let mut raw: Vec<Option<Box<str>>> = spans
                    .iter()
                    .map(|&(a, b)| {
                        Some(&src[a as usize..b as usize])
                            .filter(|t| *t != "null")
                            .map(Into::into)
                    })
                    .collect();
                raw.resize(n, None);
                ds.raw_values = Some(raw);
            }
            let fill = buf.len() == 1 && n > 1;
            let first = buf.first().copied();
            ds.values = Values::from_nan_encoded(buf.into_vec());
            if fill {
                ds.values = (0..n).map(|_| first.filter(|v| !v.is_nan())).collect();
            }
            ds.values.resize(n);
        }
        JVal::Arr(items) => {
            if items.len() != n {
                len_mismatch(items.len(), d);
            }
            let fill = items.len() == 1 && n > 1;
            let mut values = Values::missing(n);
            let mut raw = keep_raw.then(|| vec![None; n]);
            for (i, x) in items.iter().enumerate().take(n) {
                values.set(i, value_item(x, i, &vpath, src, d));
                if let Some(r) = raw.as_mut() {
                    r[i] = raw_text(x, src);
                }
            }
            if fill {
                let v = values.get(0);
                values = (0..n).map(|_| v).collect();
                if let Some(r) = raw.as_mut() {
                    let first = r[0].clone();
                    r.iter_mut().for_each(|x| *x = first.clone());
                }
            }
            ds.values = values;
            ds.raw_values = raw;
        }
        JVal::Obj(members) => {
            let mut values = Values::missing(n);
            let mut raw = keep_raw.then(|| vec![None; n]);
            for m in &members {
                match m.key.parse::<usize>() {
                    Ok(i) if i < n => {
                        values.set(i, value_item(&m.value, i, &vpath, src, d));
                        if let Some(r) = raw.as_mut() {
                            r[i] = raw_text(&m.value, src);
                        }
                    }
                    _ => d.error(
                        "SPARSE_KEY_OUT_OF_RANGE",
                        &path_key(&vpath, &m.key),
                        m.key_start,
                        Msg::new(
                            format!(
                                "Nøkkelen «{}» er ikke et cellenummer fra 0 til {}",
                                m.key,
                                n.saturating_sub(1)
                            ),
                            format!(
                                "The key \"{}\" is not a cell index from 0 to {}",
                                m.key,
                                n.saturating_sub(1)
                            ),
                        ),
                    ),
                }
            }
            ds.values = values;
            ds.raw_values = raw;
        }
        JVal::Null => {
            ds.values = Values::missing(n);
        }
        _ => d.error(
            "WRONG_TYPE",
            &vpath,
            start,
            Msg::new(
                "«value» skal være en liste eller et objekt",
                "\"value\" should be an array or an object",
            ),
        ),
    }
}

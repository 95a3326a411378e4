//! The answers of a split request merged into one JSON-stat 2.0 dataset.

use std::collections::HashMap;

use serde_json::{Map, Value};

/// The category ids of dimension `dim` of a JSON-stat 2.0 dataset, in order.
fn category_ids(ds: &Value, dim: &str) -> Result<Vec<String>, String> {
    let cat = &ds["dimension"][dim]["category"];
    match &cat["index"] {
        Value::Array(a) => Ok(a
            .iter()
            .filter_map(|c| c.as_str().map(str::to_string))
            .collect()),
        Value::Object(o) => {
            let mut v: Vec<(u64, String)> = o
                .iter()
                .map(|(k, p)| (p.as_u64().unwrap_or(u64::MAX), k.clone()))
                .collect();
            v.sort();
            Ok(v.into_iter().map(|(_, k)| k).collect())
        }
        _ => match &cat["label"] {
            Value::Object(o) if o.len() == 1 => Ok(o.keys().cloned().collect()),
            _ => Err(format!("dimension {dim} has no category index")),
        },
    }
}

/// One cell's value and status of a part, JSON-stat's dense and sparse forms.
fn cell(v: &Value, i: usize) -> Option<&Value> {
    match v {
        Value::Array(a) if a.len() == 1 => a.first(),
        Value::Array(a) => a.get(i),
        Value::Object(o) => o.get(&i.to_string()),
        Value::String(_) => Some(v),
        _ => None,
    }
}

/// The parts of a split request as one JSON-stat 2.0 dataset: the same
/// dimensions, the categories of each dimension in the order they first
/// appear, every cell where its part put it. Label, source, extension, role,
/// notes and links are the first part's, `updated` the latest; the
/// category labels, units and notes of all parts are kept.
pub fn merge(parts: &[Value]) -> Result<Value, String> {
    let first = parts.first().and_then(Value::as_object).ok_or("no part")?;
    let ids: Vec<String> = first
        .get("id")
        .and_then(Value::as_array)
        .ok_or("no id")?
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    let mut union: Vec<Vec<String>> = vec![Vec::new(); ids.len()];
    let mut part_ids: Vec<Vec<Vec<String>>> = Vec::new();
    for p in parts {
        let same = p["id"].as_array().is_some_and(|a| {
            a.iter()
                .map(|v| v.as_str())
                .eq(ids.iter().map(|s| Some(s.as_str())))
        });
        if !same {
            return Err("the parts do not have the same dimensions".into());
        }
        let mut per_dim = Vec::new();
        for (k, dim) in ids.iter().enumerate() {
            let codes = category_ids(p, dim)?;
            for c in &codes {
                if !union[k].contains(c) {
                    union[k].push(c.clone());
                }
            }
            per_dim.push(codes);
        }
        part_ids.push(per_dim);
    }
    let pos: Vec<HashMap<&str, usize>> = union
        .iter()
        .map(|u| u.iter().enumerate().map(|(i, c)| (c.as_str(), i)).collect())
        .collect();
    let n: usize = union.iter().map(Vec::len).product();
    if n > innsyn_core::limits::MAX_CELLS {
        return Err(format!("{n} cells are too many"));
    }
    let mut values = vec![Value::Null; n];
    let mut status: Vec<Option<Value>> = vec![None; n];
    for (p, codes) in parts.iter().zip(&part_ids) {
        let sizes: Vec<usize> = codes.iter().map(Vec::len).collect();
        let count: usize = sizes.iter().product();
        let mut coords = vec![0usize; sizes.len()];
        for i in 0..count {
            let mut g = 0;
            for (k, &c) in coords.iter().enumerate() {
                g = g * union[k].len() + pos[k][codes[k][c].as_str()];
            }
            if let Some(v) = cell(&p["value"], i) {
                values[g] = v.clone();
            }
            if let Some(s) = cell(&p["status"], i).filter(|s| !s.is_null()) {
                status[g] = Some(s.clone());
            }
            for k in (0..coords.len()).rev() {
                coords[k] += 1;
                if coords[k] < sizes[k] {
                    break;
                }
                coords[k] = 0;
            }
        }
    }
    let mut out = first.clone();
    out.insert(
        "size".into(),
        Value::Array(union.iter().map(|u| Value::from(u.len())).collect()),
    );
    let mut dims = Map::new();
    for (k, dim) in ids.iter().enumerate() {
        let mut d = first["dimension"][dim]
            .as_object()
            .cloned()
            .unwrap_or_default();
        let mut cat = Map::new();
        let index: Map<String, Value> = union[k]
            .iter()
            .enumerate()
            .map(|(i, c)| (c.clone(), Value::from(i)))
            .collect();
        cat.insert("index".into(), Value::Object(index));
        let mut keys: Vec<String> = Vec::new();
        for p in parts {
            for key in p["dimension"][dim]["category"]
                .as_object()
                .into_iter()
                .flat_map(|o| o.keys())
            {
                if key != "index" && !keys.contains(key) {
                    keys.push(key.clone());
                }
            }
        }
        for key in keys {
            let all: Vec<&Value> = parts
                .iter()
                .map(|p| &p["dimension"][dim]["category"][&key])
                .filter(|v| !v.is_null())
                .collect();
            if all.iter().all(|v| v.is_object()) {
                let mut m = Map::new();
                for c in &union[k] {
                    if let Some(v) = all.iter().find_map(|o| o.get(c)) {
                        m.insert(c.clone(), v.clone());
                    }
                }
                cat.insert(key, Value::Object(m));
            } else if let Some(v) = all.first() {
                cat.insert(key, (*v).clone());
            }
        }
        d.insert("category".into(), Value::Object(cat));
        dims.insert(dim.clone(), Value::Object(d));
    }
    out.insert("dimension".into(), Value::Object(dims));
    out.insert("value".into(), Value::Array(values));
    let status: Map<String, Value> = status
        .into_iter()
        .enumerate()
        .filter_map(|(i, s)| s.map(|s| (i.to_string(), s)))
        .collect();
    if status.is_empty() {
        out.remove("status");
    } else {
        out.insert("status".into(), Value::Object(status));
    }
    if let Some(u) = parts.iter().filter_map(|p| p["updated"].as_str()).max() {
        out.insert("updated".into(), Value::from(u));
    }
    Ok(Value::Object(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_parts_merge_into_one_dataset() {
        let part = |codes: &[&str], values: Vec<Value>, status: Value| {
            let index: Map<String, Value> = codes
                .iter()
                .enumerate()
                .map(|(i, c)| (c.to_string(), Value::from(i)))
                .collect();
            let label: Map<String, Value> = codes
                .iter()
                .map(|c| (c.to_string(), Value::from(format!("R{c}"))))
                .collect();
            serde_json::json!({
                "class": "dataset", "version": "2.0", "label": "1: T", "updated": format!("2020-0{}-01", codes.len()),
                "id": ["r", "t"], "size": [codes.len(), 2],
                "dimension": {
                    "r": {"label": "region", "category": {"index": index, "label": label}},
                    "t": {"label": "år", "category": {"index": {"2019": 0, "2020": 1}}}
                },
                "value": values, "status": status, "extension": {"px": {"tableid": "1"}}
            })
        };
        let a = part(
            &["a"],
            vec![1.into(), Value::Null],
            serde_json::json!({"1": ":"}),
        );
        let b = part(
            &["b", "c"],
            vec![2.into(), 3.into(), 4.5.into(), 5.into()],
            Value::Null,
        );
        let m = merge(&[a, b]).unwrap();
        assert_eq!(m["size"], serde_json::json!([3, 2]));
        assert_eq!(m["value"], serde_json::json!([1, null, 2, 3, 4.5, 5]));
        assert_eq!(m["status"], serde_json::json!({"1": ":"}));
        assert_eq!(
            m["dimension"]["r"]["category"]["label"],
            serde_json::json!({"a": "Ra", "b": "Rb", "c": "Rc"})
        );
        assert_eq!(m["updated"], "2020-02-01");
        assert_eq!(m["extension"]["px"]["tableid"], "1");
        let bad = serde_json::json!({"id": ["x"], "dimension": {}});
        assert!(merge(&[m, bad]).is_err());
    }
}

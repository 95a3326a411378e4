//! The cells of a JSON-stat dataset: `value` (array or sparse object) and
//! `status` (string, array or object), filled exactly as jsonstat-toolkit
//! fills them, with a diagnostic wherever the file breaks the format.

use crate::diag::{path_index, path_key, Diags, Msg};
use crate::json::{item_spans, JVal, Json};
use crate::model::{Dataset, StatusBuilder, StatusMap, Values};
use crate::status::Status;

pub(super) fn read_status(j: &Json, path: &str, n: usize, ds: &mut Dataset, d: &mut Diags) {
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
pub(super) fn value_item(x: &Json, i: usize, vpath: &str, src: &str, d: &mut Diags) -> Option<f64> {
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

pub(super) fn raw_text(x: &Json, src: &str) -> Option<Box<str>> {
    match &x.v {
        JVal::Null => None,
        JVal::Str(s) => Some(s.clone()),
        _ => Some(x.raw(src).into()),
    }
}

pub(super) fn read_values(
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

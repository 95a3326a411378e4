//! Changes made to real files: cut short, bytes flipped, brackets and other
//! bits of JSON put in, parts taken out, repeated or taken from another file;
//! and, keeping it JSON, one of its values replaced, taken out or doubled.

use innsyn_core::json::{JVal, Json};
use proptest::prelude::*;
use proptest::sample::Index;

use crate::json::{value, V};
use crate::{real_files, WORDS};

#[derive(Debug, Clone)]
pub(crate) enum Change {
    Truncate(Index),
    /// The byte at a place XORed with a non-zero mask.
    Flip(Index, u8),
    Insert(Index, &'static str),
    Delete(Index, u8),
    /// A run of the file written twice (duplicate keys, observations, items).
    Repeat(Index, u16),
    /// A run of another real file put in.
    Splice(Index, usize, Index, u16),
}

const BITS: &[&str] = &[
    "[",
    "]",
    "{",
    "}",
    "\"",
    ",",
    ":",
    "null",
    "-1",
    "1e308",
    "0.5",
    "\"..\"",
    "\":\"",
    "{\"a\":[",
    "]]]",
    "}}",
    "\\u0000",
    "\\",
    "\u{feff}",
    "æ",
    "\"value\":",
    "\"status\":",
    "\"size\":[999999999,999999999],",
    "\"index\":{\"x\":7},",
    "\"region\":\"0402\",",
];

fn change() -> impl Strategy<Value = Change> {
    let files = real_files().len();
    prop_oneof![
        1 => any::<Index>().prop_map(Change::Truncate),
        3 => (any::<Index>(), 1u8..=255).prop_map(|(i, m)| Change::Flip(i, m)),
        3 => (any::<Index>(), prop::sample::select(BITS)).prop_map(|(i, s)| Change::Insert(i, s)),
        2 => (any::<Index>(), any::<u8>()).prop_map(|(i, n)| Change::Delete(i, n)),
        1 => (any::<Index>(), 1u16..2_000).prop_map(|(i, n)| Change::Repeat(i, n)),
        1 => (any::<Index>(), 0..files, any::<Index>(), 1u16..2_000)
            .prop_map(|(i, f, j, n)| Change::Splice(i, f, j, n)),
    ]
}

/// One real file (by its place in `real_files`) and one to five changes.
pub(crate) fn changed_file() -> impl Strategy<Value = (usize, Vec<Change>)> {
    (0..real_files().len(), prop::collection::vec(change(), 1..6))
}

pub(crate) fn apply(file: &[u8], changes: &[Change]) -> Vec<u8> {
    let mut b = file.to_vec();
    for c in changes {
        let at = |i: &Index, len: usize| i.index(len + 1);
        match c {
            Change::Truncate(i) => b.truncate(at(i, b.len())),
            Change::Flip(i, m) if !b.is_empty() => {
                let k = i.index(b.len());
                b[k] ^= m;
            }
            Change::Flip(..) => {}
            Change::Insert(i, s) => {
                let k = at(i, b.len());
                b.splice(k..k, s.bytes());
            }
            Change::Delete(i, n) => {
                let k = at(i, b.len());
                let end = (k + *n as usize).min(b.len());
                b.drain(k..end);
            }
            Change::Repeat(i, n) => {
                let k = at(i, b.len());
                let run = b[k..(k + *n as usize).min(b.len())].to_vec();
                b.splice(k..k, run);
            }
            Change::Splice(i, f, j, n) => {
                let other = &real_files()[*f];
                let from = at(j, other.len());
                let run = &other[from..(from + *n as usize).min(other.len())];
                let k = at(i, b.len());
                b.splice(k..k, run.iter().copied());
            }
        }
    }
    b
}

/// A parsed file as a value the generator's printer writes.
pub(crate) fn tree(j: &Json) -> V {
    match &j.v {
        JVal::Null => V::Null,
        JVal::Bool(b) => V::Bool(*b),
        JVal::Num(n) => V::Num(*n),
        JVal::Str(s) => V::Str(s.to_string()),
        JVal::Arr(items) => V::Arr(items.iter().map(tree).collect()),
        JVal::NumArr(n) => V::Arr(
            n.iter()
                .map(|n| if n.is_nan() { V::Null } else { V::Num(*n) })
                .collect(),
        ),
        JVal::Obj(m) => V::Obj(
            m.iter()
                .map(|m| (m.key.to_string(), tree(&m.value)))
                .collect(),
        ),
    }
}

/// A change to one value of a real file's tree (counted in document order),
/// so that the file stays JSON and reaches the readers.
#[derive(Debug, Clone)]
pub(crate) enum Edit {
    Replace(Index, V),
    /// The value taken out of its array or object.
    Remove(Index),
    /// The value written twice in its array or object.
    Twice(Index),
}

pub(crate) fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let edit = prop_oneof![
        2 => (any::<Index>(), value(WORDS)).prop_map(|(i, v)| Edit::Replace(i, v)),
        1 => any::<Index>().prop_map(Edit::Remove),
        1 => any::<Index>().prop_map(Edit::Twice),
    ];
    prop::collection::vec(edit, 1..5)
}

fn count(v: &V) -> usize {
    1 + match v {
        V::Arr(items) => items.iter().map(count).sum(),
        V::Obj(m) => m.iter().map(|(_, v)| count(v)).sum(),
        _ => 0,
    }
}

/// Applies `edit` to the `k`-th value below `v` (`v` itself is 0 and only
/// replaced); `k` counts down as values are passed.
fn edit_at(v: &mut V, k: &mut usize, edit: &Edit) -> bool {
    if *k == 0 {
        if let Edit::Replace(_, new) = edit {
            *v = new.clone();
        }
        return true;
    }
    *k -= 1;
    let n = match v {
        V::Arr(items) => items.len(),
        V::Obj(m) => m.len(),
        _ => return false,
    };
    for i in 0..n {
        let child = match v {
            V::Arr(items) => &mut items[i],
            V::Obj(m) => &mut m[i].1,
            _ => unreachable!(),
        };
        let hit = *k == 0;
        if edit_at(child, k, edit) {
            if hit {
                match (edit, &mut *v) {
                    (Edit::Remove(_), V::Arr(items)) => drop(items.remove(i)),
                    (Edit::Remove(_), V::Obj(m)) => drop(m.remove(i)),
                    (Edit::Twice(_), V::Arr(items)) => items.insert(i, items[i].clone()),
                    (Edit::Twice(_), V::Obj(m)) => m.insert(i, m[i].clone()),
                    _ => {}
                }
            }
            return true;
        }
    }
    false
}

pub(crate) fn edit(mut v: V, edits: &[Edit]) -> V {
    for e in edits {
        let (Edit::Replace(i, _) | Edit::Remove(i) | Edit::Twice(i)) = e;
        let mut k = i.index(count(&v));
        edit_at(&mut v, &mut k, e);
    }
    v
}

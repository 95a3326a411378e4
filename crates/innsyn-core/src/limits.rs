//! What no file can make Innsyn do, however it is written: hold more cells
//! than its size can honestly describe, or follow a link that is not
//! http(s). The readers (`jsonstat`, `simple`) and everything that shows a
//! link from a file (`catalog`, `statement`, the app's source lines) ask
//! here, so each rule is written once.

use crate::diag::{Diags, Msg};

/// Cubes larger than this are refused (SSB's own API limit is far below),
/// and so are cubes with more than four cells per byte of the file.
pub const MAX_CELLS: usize = 50_000_000;

/// The cells of a cube of `sizes` read from a file of `src_len` bytes: at
/// most four a byte, at least a million, never more than [`MAX_CELLS`]. A
/// file cannot honestly describe many more cells than it has bytes; the cap
/// keeps memory bounded by the file's size. Past it, `TOO_MANY_CELLS` at
/// `path` says that `what` gives too many, and there is no cube. The simple
/// format's cube is bounded the same way.
pub fn cube_cells(
    sizes: &[usize],
    src_len: usize,
    d: &mut Diags,
    path: &str,
    offset: u32,
    what: Msg,
    hint: Msg,
) -> Option<usize> {
    let limit = MAX_CELLS.min(src_len.saturating_mul(4).max(1_000_000));
    let n = sizes
        .iter()
        .try_fold(1usize, |a, &b| a.checked_mul(b))
        .filter(|n| *n <= limit);
    if n.is_none() {
        d.error_hint(
            "TOO_MANY_CELLS",
            path,
            offset,
            Msg::new(
                format!("{} gir flere enn {limit} celler, mer enn en fil på denne størrelsen kan beskrive", what.nb),
                format!("{} gives more than {limit} cells, more than a file of this size can describe", what.en),
            ),
            hint,
        );
    }
    n
}

/// Keeps http(s) links only.
pub fn safe_link(url: &str) -> bool {
    let u = url.trim_start().to_ascii_lowercase();
    (u.starts_with("https://") || u.starts_with("http://")) && u.len() > "https://".len()
}

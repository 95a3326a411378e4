//! `innsyn fetch` against a mock PxWebApi 2.0 on 127.0.0.1 that replays
//! SSB's real answers from `tests/data/jsonstat/ssb` and SSB's faults. Every
//! mock stops by itself (at the latest after 30 s; a stalled connection
//! after 4 s), so no test can hang.
//!
//! `mock` is the stand-in for SSB, `site` a catalog and its files in a
//! temporary folder; `fresh` fetches that succeed, `faults` SSB's faults
//! (each keeping the last good snapshot), `input` what is refused before
//! anything is asked.

mod faults;
mod fresh;
mod input;
mod mock;
mod site;

pub(crate) const BIN: &str = env!("CARGO_BIN_EXE_innsyn");
pub(crate) const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
pub(crate) const API_PATH: &str = "/api/pxwebapi/v2";

pub(crate) fn ssb_file(name: &str) -> Vec<u8> {
    std::fs::read(format!("{ROOT}/tests/data/jsonstat/ssb/{name}")).unwrap()
}
pub(crate) fn kostra() -> Vec<u8> {
    ssb_file("12367_kostra_regnskap.json")
}

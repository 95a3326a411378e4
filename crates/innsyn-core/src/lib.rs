//! Innsyn's domain: everything that needs no browser.
//!
//! - [`aggregate`]: combining regions: sums, sum/sum rates, coverage;
//! - [`cooperation`]: the simulator of a shared child welfare service: combined
//!   figures, presets, robustness;
//! - [`catalog`]: which indicator files exist and which dashboards show them;
//! - [`chart`]: a chart's width and the numbers in its SVG in the page's language;
//! - [`fields`]: reading catalog, registry, GeoJSON and simple-format fields
//!   with one way of reporting missing fields and wrong types;
//! - [`define`]: indicator definitions (select, overrides, computed rates) and
//!   the indicator cube made from a file;
//! - [`export`]: downloads: a figure's table as CSV, its chart as a framed SVG, a page as one long CSV;
//! - [`events`]: breaks and notes the catalog marks on series;
//! - [`embed`]: the addresses and snippet for embedding a view in another site;
//! - [`convert`]: tidy CSV from a spreadsheet read into rows (`innsyn convert` writes them);
//! - [`json`]: a JSON parser that keeps positions, bounded on hostile input;
//! - [`read`]: the entry point for indicator files, returning datasets plus [`diag`]nostics;
//! - [`jsonstat`]: JSON-stat 2.0 datasets, collections, dimensions and 1.x bundles;
//! - [`simple`]: Innsyn's own indicator format;
//! - [`limits`]: what no file can make Innsyn do: too many cells, a link that is not http(s);
//! - [`site`]: the site configuration and whose catalog a page may show;
//! - [`ssb`]: the PxWebApi 2.0 requests a catalog's SSB tables need;
//! - [`statement`]: the accessibility statement (its data file) and the catalog's contact;
//! - [`model`]: the cube every reader produces; [`status`]: SSB's cell symbols;
//! - [`registry`]: municipalities, numbers over time, counties, councils, services;
//! - [`geo`]: municipality boundaries (GeoJSON) projected to SVG paths;
//! - [`i18n`]: interface strings in nb/nn/en and Norwegian number formatting;
//! - [`present`]: view models (rankings, text summaries) the app renders;
//! - [`prices`]: price indexes and kroner in fixed prices;
//! - [`query`]: the URL query string, Innsyn's public API.
//! - [`route`]: stable paths of the pages rendered at publish time (`kommune/3407/`).
//!
//! This crate depends on no web crate, so it is tested natively with `cargo test`.

pub mod aggregate;
pub mod catalog;
pub mod chart;
pub mod convert;
pub mod cooperation;
pub mod define;
pub mod diag;
pub mod embed;
pub mod events;
pub mod export;
pub mod fields;
pub mod geo;
pub mod head;
pub mod i18n;
pub mod json;
pub mod jsonstat;
pub mod limits;
pub mod model;
pub mod present;
pub mod prices;
pub mod query;
pub mod read;
pub mod registry;
pub mod report;
pub mod route;
pub mod simple;
pub mod site;
pub mod snapshot;
pub mod ssb;
pub mod statement;
pub mod status;

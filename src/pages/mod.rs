//! The pages, one module each; the shell maps the view to one of them.
//! Pages never import pages: what two pages share is a component.
//!
//! - [`overview`]: the first page: search, region links, map, ranking, the 48;
//! - [`region`]: the region dashboard (counties and regional councils);
//! - [`municipality`]: the municipality profile;
//! - [`indicator`]: one indicator for all 48: explanation, year, map, ranking;
//! - [`cooperation`]: the simulator of a shared child welfare service;
//! - [`validate`]: the page where publishers check a file in the browser;
//! - [`accessibility`]: the accessibility statement (its prose is a data file);
//! - [`report`]: the state report to the council, drafted from the figures.
//!
//! The last four are tools: compiled only into the tools module (feature
//! `tools`), which the first-load module loads when one is opened.

#[cfg(feature = "tools")]
pub mod accessibility;
#[cfg(feature = "tools")]
pub mod cooperation;
pub mod indicator;
pub mod municipality;
pub mod overview;
pub mod region;
#[cfg(feature = "tools")]
pub mod report;
#[cfg(feature = "tools")]
pub mod validate;

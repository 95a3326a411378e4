//! Components: the pieces pages are made of. They never import a page or
//! the shell; they may use each other and the bottom layer (`nav`, `load`,
//! `io`, `charts`).
//!
//! - [`figure`]: the figure shell (heading, demo label, chart ⇄ table, summary, source);
//! - [`ranking`]: the municipalities ranked, chart and table;
//! - [`trend`]: a figure over time against its comparison lines;
//! - [`map`]: the tile map and the choropleth;
//! - [`cards`]: a card's panel, demo label, headline figure, changes, direction,
//!   members left out, table cells;
//! - [`search`]: the municipality search field;
//! - [`table`]: the one renderer of a figure's table (`export::Table`);
//! - [`downloads`]: a figure's downloads, and a page's one file;
//! - [`prices`]: current or fixed prices for kroner, and their growth in both.

pub mod cards;
pub mod downloads;
pub mod figure;
pub mod map;
pub mod prices;
pub mod ranking;
pub mod search;
pub mod table;
pub mod trend;

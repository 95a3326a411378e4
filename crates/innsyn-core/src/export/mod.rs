//! What a reader takes away: a figure's table as the page shows it and as
//! CSV, the chart as a self-contained SVG that keeps its title, unit,
//! source and demonstration label, a whole page's figures as one long CSV,
//! and file names a person understands. Built from what the page already
//! holds; the app only hands the bytes to the browser.
//!
//! - `mod.rs`: [`Table`] (the one model of every figure table: the app
//!   renders it as `<table>`, [`csv`] writes it; [`series_table`] a
//!   figure over time), [`about`] (the lines
//!   that say where a figure comes from), [`file_name`];
//! - `long.rs`: a page's every indicator × area × period ([`long::page_csv`]);
//! - `svg.rs`: the chart framed with its texts ([`svg::framed`]).

pub mod long;
pub mod svg;

use crate::events::{self, Event};
use crate::i18n::{format_timestamp, round_half_away, Lang, T};
use crate::model::IndicatorMeta;
use crate::present::{Line, SeriesRow};
use crate::status::Status;

/// A table as the page shows it: caption, column heads, rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub caption: String,
    /// Column heads; `true` for a column of numbers (right-aligned).
    pub head: Vec<(String, bool)>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// A class for the row (`combined`, `member`, `comparison`), or "".
    pub class: &'static str,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// The row's header: a name, with its region code when it has one
    /// (the code is a column of its own in CSV).
    Head(String, Option<String>),
    Text(String),
    /// A number with the figure's decimals; without one, what the cell
    /// shows instead (SSB's symbol, or "–").
    Num(Option<f64>, u8, String),
}

/// A figure over time as a table, as the page and the report show it: the
/// period, the own line's value, the note (why a value is missing, its
/// coverage, and the events of the period), and the comparison lines.
#[allow(clippy::too_many_arguments)]
pub fn series_table(
    caption: String,
    own_name: &str,
    note: &str,
    rows: &[SeriesRow],
    others: &[Line],
    shown: &[&Event],
    decimals: u8,
    lang: Lang,
) -> Table {
    let mut head = vec![
        (T::Period.get(lang).to_string(), false),
        (own_name.to_string(), true),
        (note.to_string(), false),
    ];
    head.extend(others.iter().map(|(n, _)| (n.clone(), true)));
    let rows = rows
        .iter()
        .map(|r| {
            let note = match events::row_note(shown, &r.period, lang) {
                Some(m) if r.note.is_empty() => m,
                Some(m) => format!("{} · {m}", r.note),
                None => r.note.clone(),
            };
            let mut cells = vec![
                Cell::Head(r.period.clone(), None),
                Cell::Num(r.value, decimals, r.symbol.clone()),
                Cell::Text(note),
            ];
            cells.extend(r.others.iter().map(|v| Cell::Num(*v, decimals, "–".into())));
            Row { class: "", cells }
        })
        .collect();
    Table {
        caption,
        head,
        rows,
    }
}

/// How a CSV is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// For Norwegian Excel: UTF-8 with BOM, `;` between cells, decimal
    /// comma, CRLF; the lines about the figure first, one cell each.
    Excel,
    /// For scripts: `,` and `.`, LF, no BOM; the lines about the figure
    /// first as `# ` comments (pandas `comment="#"`, R `comment.char`).
    Plain,
}

impl Dialect {
    fn sep(self) -> char {
        match self {
            Dialect::Excel => ';',
            Dialect::Plain => ',',
        }
    }
    fn eol(self) -> &'static str {
        match self {
            Dialect::Excel => "\r\n",
            Dialect::Plain => "\n",
        }
    }
}

/// A CSV being written in one dialect.
pub(crate) struct Csv {
    d: Dialect,
    out: String,
}

impl Csv {
    pub(crate) fn new(d: Dialect) -> Csv {
        let out = if d == Dialect::Excel { "\u{feff}" } else { "" };
        Csv {
            d,
            out: out.to_string(),
        }
    }
    /// A line about the data (title, unit, source, a symbol's meaning).
    pub(crate) fn about(&mut self, line: &str) {
        match self.d {
            Dialect::Excel => self.row(&[text(line)]),
            Dialect::Plain => {
                self.out.push_str("# ");
                self.out.push_str(&line.replace(['\r', '\n'], " "));
                self.out.push('\n');
            }
        }
    }
    pub(crate) fn blank(&mut self) {
        self.out.push_str(self.d.eol());
    }
    pub(crate) fn row(&mut self, cells: &[String]) {
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                self.out.push(self.d.sep());
            }
            self.out.push_str(&quote(c, self.d.sep()));
        }
        self.out.push_str(self.d.eol());
    }
    pub(crate) fn number(&self, v: f64, decimals: u8) -> String {
        // Rounded as the page rounds (half away from zero).
        let s = format!("{:.*}", decimals as usize, round_half_away(v, decimals));
        let s = if s
            .trim_start_matches('-')
            .bytes()
            .all(|b| b == b'0' || b == b'.')
        {
            s.trim_start_matches('-').to_string()
        } else {
            s
        };
        match self.d {
            Dialect::Excel => s.replace('.', ","),
            Dialect::Plain => s,
        }
    }
    pub(crate) fn finish(self) -> String {
        self.out
    }
}

/// A text cell from a data file or the interface: never a formula when a
/// spreadsheet opens it (a leading `=`, `+`, `@` or a `-` before text gets
/// an apostrophe, as OWASP advises against CSV injection).
pub(crate) fn text(s: &str) -> String {
    let mut chars = s.chars();
    let risky = match chars.next() {
        Some('=' | '+' | '@' | '\t' | '\r') => true,
        Some('-') => chars
            .next()
            .is_some_and(|c| !c.is_ascii_digit() && c != ' '),
        _ => false,
    };
    if risky {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn quote(cell: &str, sep: char) -> String {
    if cell.contains([sep, '"', '\n', '\r']) || cell.starts_with(' ') || cell.ends_with(' ') {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

impl Table {
    /// The column heads as CSV writes them: a header cell with a code
    /// gets a code column after it.
    fn csv_head(&self, lang: Lang) -> Vec<String> {
        let coded = self.rows.iter().any(|r| {
            r.cells
                .first()
                .is_some_and(|c| matches!(c, Cell::Head(_, Some(_))))
        });
        let mut out = Vec::new();
        for (i, (h, _)) in self.head.iter().enumerate() {
            out.push(text(h));
            if i == 0 && coded {
                out.push(T::Code.get(lang).to_string());
            }
        }
        out
    }

    /// The status symbols the table shows in place of a number.
    pub fn symbols(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for row in &self.rows {
            for c in &row.cells {
                if let Cell::Num(None, _, s) = c {
                    if !out.contains(s) {
                        out.push(s.clone());
                    }
                }
            }
        }
        out
    }
}

/// What a symbol shown instead of a number means ("–": no reason given).
pub fn symbol_meaning(symbol: &str, lang: Lang) -> String {
    let status = (symbol != "–").then(|| Status::parse(symbol));
    format!(
        "{symbol} = {}",
        crate::present::reason(status.as_ref(), lang)
    )
}

/// The table as CSV: the lines `about` it, the meaning of every symbol it
/// shows instead of a number, a blank line, then its head and rows with
/// numbers in the figure's decimals (without grouping, so a spreadsheet
/// reads them as numbers).
pub fn csv(table: &Table, about: &[String], d: Dialect, lang: Lang) -> String {
    let mut w = Csv::new(d);
    w.about(&table.caption);
    for line in about {
        w.about(line);
    }
    for s in table.symbols() {
        w.about(&symbol_meaning(&s, lang));
    }
    w.blank();
    w.row(&table.csv_head(lang));
    for row in &table.rows {
        let mut cells = Vec::with_capacity(row.cells.len() + 1);
        for c in &row.cells {
            match c {
                Cell::Head(name, code) => {
                    cells.push(text(name));
                    if let Some(code) = code {
                        cells.push(text(code));
                    }
                }
                Cell::Text(t) => cells.push(text(t)),
                Cell::Num(Some(v), dec, _) => cells.push(w.number(*v, *dec)),
                Cell::Num(None, _, s) => cells.push(text(s)),
            }
        }
        w.row(&cells);
    }
    w.finish()
}

/// The lines that say what a figure is and where it comes from, as a
/// download carries them: unit, source with its tables and licence, the
/// file, the dates, the KOSTRA release, the notes, and the demonstration
/// label for made-up figures.
pub fn about(meta: &IndicatorMeta, file: &str, lang: Lang) -> Vec<String> {
    let mut out = vec![format!("{}: {}", T::Unit.get(lang), meta.unit.get(lang))];
    out.push(source_line(meta, lang));
    out.push(format!("{}: {file}", T::File.get(lang)));
    out.extend(dates(meta, lang));
    for n in &meta.notes {
        out.push(format!("{}: {n}", T::Notes.get(lang)));
    }
    if meta.demo {
        out.insert(0, T::DemoLabel.get(lang).to_string());
    }
    out
}

/// «Kilde: Statistisk sentralbyrå, tabell 12275 (NLOD)».
pub fn source_line(meta: &IndicatorMeta, lang: Lang) -> String {
    let mut s = format!(
        "{}: {}",
        T::Source.get(lang),
        meta.source.as_deref().unwrap_or("–")
    );
    if let Some(t) = &meta.table {
        s.push_str(&format!(", {} {t}", T::TableNo.get(lang)));
    }
    if let Some(l) = &meta.licence {
        s.push_str(&format!(" ({l})"));
    }
    s
}

/// «Sist oppdatert …», «Hentet fra SSB …» and the KOSTRA release, as far
/// as the file and catalog say.
pub fn dates(meta: &IndicatorMeta, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(u) = meta
        .updated
        .as_deref()
        .and_then(|u| format_timestamp(u, lang))
    {
        out.push(format!("{} {u}", T::Updated.get(lang)));
    }
    if let Some(f) = meta
        .fetched
        .as_deref()
        .and_then(|f| format_timestamp(f, lang))
    {
        let via = meta
            .via
            .as_ref()
            .map(|v| format!(" {} {v}", T::Via.get(lang)));
        out.push(format!(
            "{} {f}{}",
            T::FetchedFromSsb.get(lang),
            via.unwrap_or_default()
        ));
    }
    if let Some(r) = meta.release {
        out.push(r.text(lang).to_string());
    }
    if let Some(f) = &meta.fixed {
        let by = T::FixedKronerBy.fill(lang, &f.base.to_string());
        out.push(format!("{by} {} ({})", f.index.get(lang), f.source));
    }
    out
}

/// A file name a person understands: the parts in lower case, Norwegian
/// letters spelled out (`ø` → `o`, `æ` → `ae`, `å` → `a`), everything else
/// a hyphen: `barnevern-gjovik-2024.csv`.
pub fn file_name(parts: &[&str], ext: &str) -> String {
    let mut out = String::new();
    for part in parts {
        for c in part.chars().map(|c| c.to_ascii_lowercase()) {
            let ascii = match c {
                'æ' | 'Æ' => "ae",
                'ø' | 'Ø' | 'ö' | 'Ö' => "o",
                'å' | 'Å' | 'á' | 'à' | 'ä' | 'Ä' => "a",
                'é' | 'è' | 'É' => "e",
                c if c.is_ascii_alphanumeric() => {
                    out.push(c);
                    continue;
                }
                _ => "-",
            };
            out.push_str(ascii);
        }
        out.push('-');
    }
    let mut name = String::new();
    for c in out.chars() {
        if c != '-' || !(name.is_empty() || name.ends_with('-')) {
            name.push(c);
        }
    }
    let name = name.trim_end_matches('-');
    let name = if name.is_empty() { "innsyn" } else { name };
    format!("{name}.{ext}")
}

/// The name a published file is downloaded under: the last part of its
/// address (`barn-med-tiltak.json`), or for SSB's answer `ssb-<table>.json`.
pub fn source_file_name(url: &str, ssb_table: Option<&str>) -> String {
    if let Some(t) = ssb_table {
        return file_name(&["ssb", t], "json");
    }
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let last = path.rsplit('/').next().unwrap_or(path);
    match last.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => file_name(&[stem], &ext.to_ascii_lowercase()),
        _ => file_name(&[last], "json"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            caption: "Barn med tiltak 2024 (per 1000 barn)".into(),
            head: vec![
                ("Kommune".into(), false),
                ("Verdi".into(), true),
                ("Merknad".into(), false),
            ],
            rows: vec![
                Row {
                    class: "",
                    cells: vec![
                        Cell::Head("Gjøvik".into(), Some("3407".into())),
                        Cell::Num(Some(2073.456), 1, "–".into()),
                        Cell::Text(String::new()),
                    ],
                },
                Row {
                    class: "",
                    cells: vec![
                        Cell::Head("=HYPERLINK(\"x\")".into(), Some("3401".into())),
                        Cell::Num(None, 1, ":".into()),
                        Cell::Text("skjult; personvern".into()),
                    ],
                },
            ],
        }
    }

    #[test]
    fn excel_csv_has_bom_semicolons_decimal_comma_and_meanings() {
        let s = csv(
            &table(),
            &["Enhet: per 1000 barn".into()],
            Dialect::Excel,
            Lang::Nb,
        );
        assert!(s.starts_with("\u{feff}Barn med tiltak 2024 (per 1000 barn)\r\n"));
        assert!(s.contains("Enhet: per 1000 barn\r\n"));
        assert!(
            s.contains("\r\n: = Tall kan ikke offentliggjøres (skjult av personvernhensyn)\r\n"),
            "{s}"
        );
        assert!(s.contains("\r\n\r\nKommune;Kode;Verdi;Merknad\r\n"));
        assert!(s.contains("Gjøvik;3407;2073,5;\r\n"), "{s}");
        // A formula from a data file stays text; a separator inside a cell is quoted.
        assert!(
            s.contains("\"'=HYPERLINK(\"\"x\"\")\";3401;:;\"skjult; personvern\"\r\n"),
            "{s}"
        );
    }

    #[test]
    fn plain_csv_is_for_scripts() {
        let s = csv(
            &table(),
            &["Enhet: per 1000 barn".into()],
            Dialect::Plain,
            Lang::En,
        );
        assert!(s.starts_with("# Barn med tiltak 2024 (per 1000 barn)\n# Enhet: per 1000 barn\n"));
        assert!(!s.contains('\r') && !s.contains('\u{feff}'));
        assert!(
            s.contains("\n\nKommune,Code,Verdi,Merknad\nGjøvik,3407,2073.5,\n"),
            "{s}"
        );
        assert!(s.contains(",3401,:,skjult; personvern\n"), "{s}");
        // Every data line has as many cells as the head (no comma inside a cell unquoted).
        let data: Vec<&str> = s
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect();
        assert_eq!(data.len(), 3);
    }

    #[test]
    fn numbers_round_like_the_page_and_never_show_minus_zero() {
        let w = Csv::new(Dialect::Excel);
        assert_eq!(w.number(-0.04, 1), "0,0");
        assert_eq!(w.number(-1.25, 1), "-1,3");
        assert_eq!(w.number(2.675, 2), "2,68");
        assert_eq!(w.number(28.0, 1), "28,0");
        assert_eq!(Csv::new(Dialect::Plain).number(1234.0, 0), "1234");
    }

    #[test]
    fn text_cells_never_become_formulas() {
        assert_eq!(text("=1+1"), "'=1+1");
        assert_eq!(text("+47"), "'+47");
        assert_eq!(text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text("-cmd"), "'-cmd");
        assert_eq!(text("-"), "-");
        assert_eq!(text("-3,5"), "-3,5");
        assert_eq!(text("Hamar"), "Hamar");
    }

    #[test]
    fn a_cell_is_quoted_when_a_spreadsheet_would_misread_it() {
        for (cell, want) in [
            ("Hamar", "Hamar"),
            ("a;b", "\"a;b\""),
            ("sa \"ja\"", "\"sa \"\"ja\"\"\""),
            ("to\nlinjer", "\"to\nlinjer\""),
            (" foran", "\" foran\""),
            ("bak ", "\"bak \""),
        ] {
            assert_eq!(quote(cell, ';'), want, "{cell:?}");
        }
        assert_eq!(quote("a;b", ','), "a;b");
    }

    #[test]
    fn file_names_a_person_understands() {
        assert_eq!(
            file_name(&["barnevern", "Gjøvik", "2024"], "csv"),
            "barnevern-gjovik-2024.csv"
        );
        assert_eq!(
            file_name(&["Åsnes", "Sør-Aurdal"], "png"),
            "asnes-sor-aurdal.png"
        );
        assert_eq!(
            file_name(&["Nord-Fron / Sel (beregnet)"], "svg"),
            "nord-fron-sel-beregnet.svg"
        );
        assert_eq!(file_name(&["", "…"], "csv"), "innsyn.csv");
        assert_eq!(
            file_name(&["Ærlig", "Ærø æ", "Café É"], "csv"),
            "aerlig-aero-ae-cafe-e.csv"
        );
        // A name that is only an extension keeps it as the name.
        assert_eq!(source_file_name("data/.json", None), "json.json");
        assert_eq!(
            source_file_name("data/demo/barn-med-tiltak.json", None),
            "barn-med-tiltak.json"
        );
        assert_eq!(
            source_file_name("https://x.no/a/B%20c.JSON?x=1", None),
            "b-20c.json"
        );
        assert_eq!(
            source_file_name(
                "https://data.ssb.no/api/pxwebapi/v2/tables/12275/data?x",
                Some("12275")
            ),
            "ssb-12275.json"
        );
    }

    #[test]
    fn about_lines_carry_source_dates_notes_and_the_demo_label() {
        let mut meta = IndicatorMeta {
            source: Some("Statistisk sentralbyrå".into()),
            table: Some("12275".into()),
            licence: Some("NLOD".into()),
            updated: Some("2025-03-14T07:00:00Z".into()),
            notes: vec!["Tall for 2024 er ureviderte.".into()],
            demo: true,
            release: Some(crate::define::Release::Unrevised),
            ..Default::default()
        };
        meta.unit = crate::model::I18nText::plain("per 1000 barn");
        let lines = about(&meta, "data/x.json", Lang::Nb);
        assert_eq!(lines[0], "Fiktive tall – kun til demonstrasjon");
        assert!(
            lines.contains(&"Kilde: Statistisk sentralbyrå, tabell 12275 (NLOD)".to_string()),
            "{lines:?}"
        );
        assert!(lines.contains(&"Fil: data/x.json".to_string()));
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("Sist oppdatert 14.03.2025")),
            "{lines:?}"
        );
        assert!(lines.contains(&"Merknader: Tall for 2024 er ureviderte.".to_string()));
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("Siste år: ureviderte KOSTRA-tall (publisert 15. mars")),
            "{lines:?}"
        );
    }
}

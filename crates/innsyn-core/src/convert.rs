//! Tidy CSV (region, period, value, optional status, numerator, denominator)
//! as spreadsheets export it, read into rows for `innsyn convert`, which
//! writes them in the simple indicator format. Spreadsheets export CSV with
//! `;` and decimal commas in Norway, with `,` and decimal points elsewhere:
//! both are accepted. Problems are diagnostics with the CSV line and column.
//! The writing is the tool's (serde, in `innsyn-cli`); the written file is
//! then read back by the same reader that `validate` uses.

use crate::diag::{Diagnostic, Diags, Msg};

/// One line of the CSV.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    pub region: String,
    pub period: String,
    pub value: Option<f64>,
    /// SSB's symbol, when the line gives one.
    pub status: Option<String>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
}

fn split(line: &str, sep: char) -> Vec<(usize, String)> {
    // (column start in characters, field) with "quoted" fields.
    let (mut out, mut cur, mut quoted, mut start, mut prev_quote) =
        (Vec::new(), String::new(), false, 1usize, false);
    for (i, c) in line.chars().enumerate() {
        match c {
            '"' if quoted => {
                quoted = false;
                prev_quote = true;
                continue;
            }
            '"' if prev_quote => {
                cur.push('"');
                quoted = true;
            }
            '"' => quoted = true,
            c if c == sep && !quoted => {
                out.push((start, std::mem::take(&mut cur)));
                start = i + 2;
            }
            c => cur.push(c),
        }
        prev_quote = false;
    }
    out.push((start, cur));
    out
}

/// Parses a number as a spreadsheet writes it: `12.5`, `12,5`, `2 073`, `-3`.
fn number(s: &str) -> Result<Option<f64>, ()> {
    let t: String = s
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if t.is_empty() {
        return Ok(None);
    }
    if t.contains('.') && t.contains(',') {
        return Err(());
    }
    match t.replace(',', ".").parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(()),
    }
}

/// Reads CSV text: the rows, or `None` when the header lacks the columns
/// region, period and value; and the diagnostics (line and column).
pub fn read_csv(csv: &str) -> (Option<Vec<Row>>, Vec<Diagnostic>) {
    let mut d = Diags::new(csv);
    let csv = csv.strip_prefix('\u{feff}').unwrap_or(csv);
    let mut lines = csv
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let mut rows = Vec::new();
    let Some((_, head)) = lines.next() else {
        return (Some(rows), d.list);
    };
    let sep = if head.matches(';').count() > head.matches(',').count() {
        ';'
    } else {
        ','
    };
    let cols: Vec<String> = split(head, sep)
        .into_iter()
        .map(|(_, h)| h.trim().to_ascii_lowercase())
        .collect();
    let find = |names: &[&str]| cols.iter().position(|c| names.contains(&c.as_str()));
    let region = find(&["region", "kommunenummer", "kommune", "regionkode"]);
    let period = find(&["period", "periode", "år", "year", "aar"]);
    let value = find(&["value", "verdi"]);
    let status = find(&["status", "merknad"]);
    let numerator = find(&["numerator", "teller"]);
    let denominator = find(&["denominator", "nevner"]);
    let (Some(region), Some(period), Some(value)) = (region, period, value) else {
        d.error_hint(
            "CSV_COLUMNS",
            "header",
            0,
            Msg::new(
                "Første linje må ha kolonnene region, period og value",
                "The first line must have the columns region, period and value",
            ),
            Msg::new(
                "Valgfritt: status, numerator, denominator. Skilletegn ; eller ,",
                "Optional: status, numerator, denominator. Separator ; or ,",
            ),
        );
        return (None, d.list);
    };
    let mut offset = head.len() + 1;
    for (_, line) in lines {
        offset = csv.find(line).unwrap_or(offset);
        let fields = split(line, sep);
        let get = |i: Option<usize>| {
            i.and_then(|i| fields.get(i))
                .map(|(c, f)| (*c, f.trim().to_string()))
        };
        let num = |i: Option<usize>, name: &str, d: &mut Diags| -> Option<f64> {
            let (col, f) = get(i)?;
            match number(&f) {
                Ok(v) => v,
                Err(()) => {
                    d.error_hint(
                        "VALUE_NOT_NUMBER",
                        name,
                        (offset + col - 1) as u32,
                        Msg::new(format!("«{f}» i kolonnen {name} er ikke et tall"), format!("\"{f}\" in column {name} is not a number")),
                        Msg::new("Skriv tall uten tusenskille-punktum, for eksempel 2073 eller 12,5; la feltet stå tomt og oppgi status når tallet mangler", "Write numbers without thousands dots, e.g. 2073 or 12.5; leave the field empty and give a status when the number is missing"),
                    );
                    None
                }
            }
        };
        rows.push(Row {
            region: get(Some(region)).map(|x| x.1).unwrap_or_default(),
            period: get(Some(period)).map(|x| x.1).unwrap_or_default(),
            value: num(Some(value), "value", &mut d),
            status: get(status).map(|x| x.1).filter(|s| !s.is_empty()),
            numerator: num(numerator, "numerator", &mut d),
            denominator: num(denominator, "denominator", &mut d),
        });
        offset += line.len() + 1;
    }
    (Some(rows), d.list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norwegian_excel_csv_reads_clean() {
        let csv = "\u{feff}Region;Periode;Verdi;Status\n0402;2018;295;\n0403;2018;2 073,5;\n0432;2018;;:\n";
        let (rows, diags) = read_csv(csv);
        assert!(diags.is_empty(), "{diags:?}");
        let rows = rows.unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(
            (rows[1].region.as_str(), rows[1].value),
            ("0403", Some(2073.5))
        );
        assert_eq!(
            (rows[2].value, rows[2].status.as_deref()),
            (None, Some(":"))
        );
        assert_eq!(rows[0].status, None);
    }

    #[test]
    fn quoted_fields_and_comma_separators() {
        let (rows, diags) = read_csv("region,period,value,teller\n\"0402\",2018,\"12,5\",3\n");
        assert!(diags.is_empty(), "{diags:?}");
        let r = &rows.unwrap()[0];
        assert_eq!(
            (r.region.as_str(), r.value, r.numerator),
            ("0402", Some(12.5), Some(3.0))
        );
    }

    #[test]
    fn bad_numbers_and_missing_columns_are_named_with_line_and_column() {
        let (_, diags) = read_csv("region,period,value\n0402,2018,\"1.234,5\"\n");
        assert_eq!(
            (diags[0].code, diags[0].line, diags[0].col),
            ("VALUE_NOT_NUMBER", 2, 11)
        );
        let (rows, diags) = read_csv("kommune,verdi\n0402,1\n");
        assert_eq!((rows, diags[0].code), (None, "CSV_COLUMNS"));
    }
}

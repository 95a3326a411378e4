//! Tidy CSV (region, period, value, optional status, numerator, denominator)
//! plus metadata → Innsyn's simple indicator format. Spreadsheets export CSV
//! with `;` and decimal commas in Norway, with `,` and decimal points
//! elsewhere: both are accepted. Problems are diagnostics with the CSV line
//! and column; the written file is then read back by the same reader that
//! `validate` uses, so its diagnostics are the same.

use crate::diag::{Diagnostic, Diags, Msg};

/// Metadata given on the command line.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub id: String,
    pub title: [Option<String>; 3],
    pub description: [Option<String>; 3],
    pub unit: [Option<String>; 3],
    pub decimals: Option<u8>,
    /// `per`, numerator label (nb), denominator label (nb).
    pub rate: Option<(f64, String, String)>,
    pub higher_is: Option<String>,
    /// `sum` for counts that may be added up across municipalities.
    pub aggregation: Option<String>,
    pub source_name: Option<String>,
    pub source_url: Option<String>,
    pub source_table: Option<String>,
    pub licence: Option<String>,
}

/// A JSON string literal.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
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

fn text_obj(t: &[Option<String>; 3]) -> Option<String> {
    let nb = t[0].as_ref()?;
    let mut parts = vec![format!("\"nb\": {}", quote(nb))];
    for (k, v) in [("nn", &t[1]), ("en", &t[2])] {
        if let Some(v) = v {
            parts.push(format!("\"{k}\": {}", quote(v)));
        }
    }
    Some(format!("{{ {} }}", parts.join(", ")))
}

/// Converts CSV text. Returns the JSON text (even with problems, as far as it
/// could be made) and the CSV diagnostics.
pub fn csv_to_simple(csv: &str, meta: &Meta) -> (String, Vec<Diagnostic>) {
    let mut d = Diags::new(csv);
    let csv = csv.strip_prefix('\u{feff}').unwrap_or(csv);
    let mut lines = csv
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let mut rows = Vec::new();
    if let Some((_, head)) = lines.next() {
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
            return (String::new(), d.list);
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
            let v = num(Some(value), "value", &mut d);
            let n = num(numerator, "numerator", &mut d);
            let den = num(denominator, "denominator", &mut d);
            let mut parts = vec![
                format!(
                    "\"region\": {}",
                    quote(&get(Some(region)).map(|x| x.1).unwrap_or_default())
                ),
                format!(
                    "\"period\": {}",
                    quote(&get(Some(period)).map(|x| x.1).unwrap_or_default())
                ),
                format!("\"value\": {}", v.map_or("null".into(), |v| v.to_string())),
            ];
            if let Some((_, s)) = get(status).filter(|(_, s)| !s.is_empty()) {
                parts.push(format!("\"status\": {}", quote(&s)));
            }
            if let Some(n) = n {
                parts.push(format!("\"numerator\": {n}"));
            }
            if let Some(den) = den {
                parts.push(format!("\"denominator\": {den}"));
            }
            rows.push(format!("    {{ {} }}", parts.join(", ")));
            offset += line.len() + 1;
        }
    }
    let mut head = vec![
        format!("  \"format\": \"innsyn-indicator/1\""),
        format!("  \"id\": {}", quote(&meta.id)),
    ];
    for (key, t) in [
        ("title", &meta.title),
        ("description", &meta.description),
        ("unit", &meta.unit),
    ] {
        if let Some(obj) = text_obj(t) {
            head.push(format!("  \"{key}\": {obj}"));
        }
    }
    if let Some(dec) = meta.decimals {
        head.push(format!("  \"decimals\": {dec}"));
    }
    if let Some((per, num, den)) = &meta.rate {
        head.push(format!(
            "  \"rate\": {{ \"per\": {per}, \"numerator\": {}, \"denominator\": {} }}",
            quote(num),
            quote(den)
        ));
    }
    if let Some(h) = &meta.higher_is {
        head.push(format!("  \"higher_is\": {}", quote(h)));
    }
    if let Some(a) = &meta.aggregation {
        head.push(format!("  \"aggregation\": {}", quote(a)));
    }
    let source: Vec<String> = [
        ("name", &meta.source_name),
        ("url", &meta.source_url),
        ("table", &meta.source_table),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.as_ref().map(|v| format!("\"{k}\": {}", quote(v))))
    .collect();
    if !source.is_empty() {
        head.push(format!("  \"source\": {{ {} }}", source.join(", ")));
    }
    if let Some(l) = &meta.licence {
        head.push(format!("  \"licence\": {}", quote(l)));
    }
    head.push(format!("  \"values\": [\n{}\n  ]", rows.join(",\n")));
    (format!("{{\n{}\n}}\n", head.join(",\n")), d.list)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read;
    use crate::registry::Registry;

    fn meta() -> Meta {
        Meta {
            id: "barn-med-tiltak".into(),
            title: [
                Some("Barn med tiltak".into()),
                Some("Barn med tiltak".into()),
                Some("Children with measures".into()),
            ],
            description: [
                Some("Barn med tiltak i løpet av året".into()),
                Some("Barn med tiltak i løpet av året".into()),
                Some("Children with measures during the year".into()),
            ],
            unit: [
                Some("barn".into()),
                Some("barn".into()),
                Some("children".into()),
            ],
            ..Default::default()
        }
    }

    #[test]
    fn norwegian_excel_csv_converts_and_reads_clean() {
        let csv = "\u{feff}Region;Periode;Verdi;Status\n0402;2018;295;\n0403;2018;2 073,5;\n0432;2018;;:\n";
        let (json, diags) = csv_to_simple(csv, &meta());
        assert!(diags.is_empty(), "{diags:?}");
        let out = read::read_str(&json, &Registry::bundled()).unwrap();
        assert!(out.diagnostics.is_empty(), "{:?}\n{json}", out.diagnostics);
        let ds = &out.datasets[0];
        assert_eq!(
            ds.cell_at(&["value", "0403", "2018"]).unwrap().value,
            Some(2073.5)
        );
        assert_eq!(
            ds.cell_at(&["value", "0432", "2018"]).unwrap().status,
            Some(&crate::status::Status::Confidential)
        );
    }

    #[test]
    fn bad_numbers_and_missing_columns_are_named_with_line_and_column() {
        let (_, diags) = csv_to_simple("region,period,value\n0402,2018,\"1.234,5\"\n", &meta());
        assert_eq!(
            (diags[0].code, diags[0].line, diags[0].col),
            ("VALUE_NOT_NUMBER", 2, 11)
        );
        let (_, diags) = csv_to_simple("kommune,verdi\n0402,1\n", &meta());
        assert_eq!(diags[0].code, "CSV_COLUMNS");
    }

    #[test]
    fn text_is_escaped() {
        let mut m = meta();
        m.title[0] = Some("«Sitat» \"og\" \\ linje\nny".into());
        let (json, _) = csv_to_simple("region,period,value\n0402,2018,1\n", &m);
        let out = read::read_str(&json, &Registry::bundled()).unwrap();
        assert_eq!(
            out.datasets[0].meta.as_ref().unwrap().title.nb,
            "«Sitat» \"og\" \\ linje\nny"
        );
    }
}

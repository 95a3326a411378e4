//! Numbers, dates and timestamps written the way each language writes them.

use super::Lang;

/// Formats a number the way the language writes it: `2 073` and `28,8` in
/// Norwegian (no-break space between thousands, decimal comma), `2,073` and
/// `28.8` in English. Rounds half away from zero to `decimals` places.
/// The decimals a count needs (0, 1 or 2): `219` children, `18.2` årsverk.
pub fn count_decimals(v: f64) -> u8 {
    (0..2)
        .find(|&d| {
            let x = v * 10f64.powi(d as i32);
            (x.round() - x).abs() < 1e-6
        })
        .unwrap_or(2)
}

/// A date the way the language writes it: "23.11.2026"; in English the
/// unambiguous "2026-11-23".
pub fn format_date((y, m, d): (u32, u32, u32), lang: Lang) -> String {
    match lang {
        Lang::Nb | Lang::Nn => format!("{d:02}.{m:02}.{y}"),
        Lang::En => format!("{y}-{m:02}-{d:02}"),
    }
}

pub fn format_number(v: f64, decimals: u8, lang: Lang) -> String {
    let (group, point) = match lang {
        Lang::Nb | Lang::Nn => ('\u{a0}', ','),
        Lang::En => (',', '.'),
    };
    let s = format!("{:.*}", decimals as usize, round_half_away(v, decimals));
    let (sign, s) = match s.strip_prefix('-') {
        Some(rest) if rest.bytes().any(|b| b.is_ascii_digit() && b != b'0') => ("-", rest),
        Some(rest) => ("", rest),
        None => ("", s.as_str()),
    };
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let mut out = String::with_capacity(s.len() + 4);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

pub(crate) fn round_half_away(v: f64, decimals: u8) -> f64 {
    let f = 10f64.powi(decimals as i32);
    let x = v * f;
    // A relative nudge of 1e-12 puts 2.675 (stored as 2.67499…) back on the tie.
    (x + x * 1e-12).round() / f
}

/// A signed change the way the language writes it: "+1,2", "-0,4", "±0".
pub fn format_change(v: f64, decimals: u8, lang: Lang) -> String {
    let s = format_number(v.abs(), decimals, lang);
    if s.chars().all(|c| c == '0' || c == ',' || c == '.') {
        format!("±{s}")
    } else if v > 0.0 {
        format!("+{s}")
    } else {
        format!("-{s}")
    }
}

/// Items for a sentence: «2018», «2018 og 2019», «2018, 2019 og 2020».
pub fn and_list(items: &[String], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!(
            "{} {} {last}",
            init.join(", "),
            if lang == Lang::En { "and" } else { "og" }
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_in_a_sentence() {
        let y = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(and_list(&y(&[]), Lang::Nb), "");
        assert_eq!(and_list(&y(&["2018"]), Lang::Nb), "2018");
        assert_eq!(and_list(&y(&["2018", "2019"]), Lang::En), "2018 and 2019");
        assert_eq!(
            and_list(&y(&["2018", "2019", "2020"]), Lang::Nn),
            "2018, 2019 og 2020"
        );
    }

    #[test]
    fn norwegian_number_format() {
        assert_eq!(format_number(2073.0, 0, Lang::Nb), "2\u{a0}073");
        assert_eq!(format_number(28.8, 1, Lang::Nn), "28,8");
        assert_eq!(format_number(207.7, 1, Lang::Nb), "207,7");
        assert_eq!(
            format_number(1234567.891, 2, Lang::Nb),
            "1\u{a0}234\u{a0}567,89"
        );
        assert_eq!(format_number(-55623.0, 0, Lang::Nb), "-55\u{a0}623");
        assert_eq!(format_number(-0.04, 1, Lang::Nb), "0,0");
        assert_eq!(format_number(2073.0, 0, Lang::En), "2,073");
        assert_eq!(format_number(28.75, 1, Lang::En), "28.8");
        assert_eq!(format_number(2.675, 2, Lang::Nb), "2,68");
        assert_eq!(format_number(999.96, 1, Lang::Nb), "1\u{a0}000,0");
    }

    #[test]
    fn counts_get_the_decimals_they_need() {
        assert_eq!(count_decimals(219.0), 0);
        assert_eq!(count_decimals(5.3 + 8.6 + 4.3), 1);
        assert_eq!(count_decimals(4.25), 2);
    }

    #[test]
    fn dates() {
        assert_eq!(format_date((2026, 11, 3), Lang::Nn), "03.11.2026");
        assert_eq!(format_date((2026, 11, 3), Lang::En), "2026-11-03");
    }
}

/// The date of an ISO 8601 date or time, written by [`format_date`]. A time
/// in UTC (`2019-06-14T22:00:00Z`, as SSB writes `updated`) is first moved
/// to Norwegian time, so the date is the one SSB's pages show.
pub fn format_timestamp(iso: &str, lang: Lang) -> Option<String> {
    let num = |a: usize, b: usize| iso.get(a..b).and_then(|s| s.parse::<u32>().ok());
    let (mut y, mut m, mut d) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    if !(1..=12).contains(&m) || d == 0 || d > days_in(y, m) {
        return None;
    }
    if let (Some(h), true) = (num(11, 13), iso.ends_with('Z')) {
        // Europe/Oslo: UTC+2 from the last Sunday of March to the last
        // Sunday of October (01:00 UTC), else UTC+1.
        let minutes_utc = ((ordinal(y, m, d) as i64) * 24 + h as i64) * 60;
        let start = (ordinal(y, 3, last_sunday(y, 3)) as i64 * 24 + 1) * 60;
        let end = (ordinal(y, 10, last_sunday(y, 10)) as i64 * 24 + 1) * 60;
        let offset = if (start..end).contains(&minutes_utc) {
            2
        } else {
            1
        };
        if h + offset >= 24 {
            d += 1;
            if d > days_in(y, m) {
                d = 1;
                m += 1;
                if m > 12 {
                    m = 1;
                    y += 1;
                }
            }
        }
    }
    Some(format_date((y, m, d), lang))
}

fn leap(y: u32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in(y: u32, m: u32) -> u32 {
    match m {
        2 if leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Day of the year, from 0.
fn ordinal(y: u32, m: u32, d: u32) -> u32 {
    (1..m).map(|k| days_in(y, k)).sum::<u32>() + d - 1
}

/// The last Sunday of month `m` (day of the month).
fn last_sunday(y: u32, m: u32) -> u32 {
    // Days since 1970-01-01 (a Thursday) of the month's last day.
    let days: u32 = (1970..y)
        .map(|k| if leap(k) { 366 } else { 365 })
        .sum::<u32>()
        + ordinal(y, m, days_in(y, m));
    let weekday = (days + 4) % 7; // 0 = Sunday
    days_in(y, m) - weekday
}

#[cfg(test)]
mod timestamp_tests {
    use super::*;

    #[test]
    fn dates_are_norwegian_dates() {
        // SSB's `updated` for KOSTRA's June publication: midnight in Oslo.
        let f = format_timestamp;
        assert_eq!(f("2019-06-14T22:00:00Z", Lang::Nb).unwrap(), "15.06.2019");
        assert_eq!(f("2021-06-13T22:00:00Z", Lang::En).unwrap(), "2021-06-14");
        // Winter time: UTC+1.
        assert_eq!(f("2024-03-14T23:00:00Z", Lang::Nn).unwrap(), "15.03.2024");
        assert_eq!(f("2024-12-31T23:30:00Z", Lang::Nb).unwrap(), "01.01.2025");
        assert_eq!(f("2024-03-14T22:00:00Z", Lang::Nb).unwrap(), "14.03.2024");
        assert_eq!(f("2026-11-20", Lang::Nb).unwrap(), "20.11.2026");
        assert_eq!(f("2026-02-30", Lang::Nb), None);
        assert_eq!(f("i går", Lang::Nb), None);
        assert_eq!(last_sunday(2024, 3), 31);
        assert_eq!(last_sunday(2024, 10), 27);
    }
}

//! Kroner in fixed prices: the catalog's price indexes (`"prices"`), the
//! reader's choice between current and fixed prices, and a cube of current
//! kroner turned into kroner of one base year.
//!
//! An index is given as published: yearly levels (SSB's consumer price
//! index, 2015 = 100) or yearly growth in per cent (the municipal deflator
//! of the state budget, year Y = growth from Y−1 to Y), chained here into
//! levels. Only ratios between years are used, so the index's own base
//! year does not matter. A year the index does not cover has no fixed-price
//! figure ([`Status::NoPriceIndex`]); it is never estimated.

use crate::diag::Diags;
use crate::fields::{Need::*, Obj};
use crate::i18n::{Lang, T};
use crate::json::JVal;
pub use crate::model::FixedPrices;
use crate::model::{Dataset, I18nText};
use crate::status::Status;

/// A price index of the catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct PriceIndex {
    pub id: String,
    /// «kommunal deflator», «konsumprisindeksen (KPI)».
    pub name: I18nText,
    /// Why and when to use it, for the reader.
    pub description: Option<I18nText>,
    /// Who publishes it, as shown under the figure.
    pub source: String,
    /// (year, level), consecutive years in order.
    levels: Vec<(u16, f64)>,
}

impl PriceIndex {
    /// An index from its levels by year (consecutive years, in order).
    pub fn from_levels(id: &str, name: I18nText, source: &str, levels: Vec<(u16, f64)>) -> Self {
        PriceIndex {
            id: id.to_string(),
            name,
            description: None,
            source: source.to_string(),
            levels,
        }
    }

    /// An index from yearly growth in per cent: the year before the first
    /// growth is 100, each next year the one before times (1 + g/100).
    pub fn from_growth(id: &str, name: I18nText, source: &str, growth: &[(u16, f64)]) -> Self {
        let mut levels = Vec::with_capacity(growth.len() + 1);
        if let Some(&(first, _)) = growth.first() {
            levels.push((first - 1, 100.0));
        }
        for &(year, g) in growth {
            let before = levels.last().map_or(100.0, |l| l.1);
            levels.push((year, before * (1.0 + g / 100.0)));
        }
        PriceIndex::from_levels(id, name, source, levels)
    }

    /// The index's level in `year`, when it covers that year.
    pub fn level(&self, year: u16) -> Option<f64> {
        self.levels.iter().find(|l| l.0 == year).map(|l| l.1)
    }

    /// What one krone of `year` is worth in kroner of `base`.
    pub fn factor(&self, year: u16, base: u16) -> Option<f64> {
        Some(self.level(base)? / self.level(year)?)
    }

    /// The years the index covers, first and last.
    pub fn span(&self) -> Option<(u16, u16)> {
        Some((self.levels.first()?.0, self.levels.last()?.0))
    }
}

/// The catalog's price indexes and the one shown unless the reader picks
/// another.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Prices {
    pub indexes: Vec<PriceIndex>,
    pub default: Option<String>,
}

/// Current or fixed prices, as the page shows kroner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Choice<'a> {
    Current,
    Fixed(&'a PriceIndex),
}

/// The `prices` value of the URL that means current prices.
pub const CURRENT: &str = "current";

impl Prices {
    pub fn index(&self, id: &str) -> Option<&PriceIndex> {
        self.indexes.iter().find(|i| i.id == id)
    }

    /// The catalog's default index, when it has one.
    pub fn default_index(&self) -> Option<&PriceIndex> {
        self.default.as_deref().and_then(|d| self.index(d))
    }

    /// What the URL's `prices` asks for: `current`, an index by id, or —
    /// absent or unknown — the catalog's default (current prices when the
    /// catalog names none).
    pub fn choose(&self, wanted: Option<&str>) -> Choice<'_> {
        match wanted {
            Some(CURRENT) => Choice::Current,
            Some(id) if self.index(id).is_some() => Choice::Fixed(self.index(id).unwrap()),
            _ => self.default_index().map_or(Choice::Current, Choice::Fixed),
        }
    }

    /// Reads the catalog's `"prices": {"default": id, "indexes": […]}`.
    pub fn parse(o: &Obj, d: &mut Diags) -> Prices {
        let mut out = Prices::default();
        for ix in o.objs("indexes", Optional, d) {
            if let Some(i) = parse_index(&ix, d) {
                if out.index(&i.id).is_some() {
                    ix.bad(
                        "BAD_FIELD",
                        "id",
                        "en id som ikke er brukt før",
                        "an id not used before",
                        d,
                    );
                } else {
                    out.indexes.push(i);
                }
            }
        }
        if let Some(id) = o.str("default", Optional, d) {
            if out.index(id).is_some() {
                out.default = Some(id.to_string());
            } else {
                o.bad(
                    "BAD_FIELD",
                    "default",
                    "id-en til en av «indexes»",
                    "the id of one of \"indexes\"",
                    d,
                );
            }
        }
        out
    }
}

/// One index: `id`, `name`, `source`, optional `description`, and either
/// `levels` or `growth`, both `{"2015": number, …}` over consecutive years.
fn parse_index(o: &Obj, d: &mut Diags) -> Option<PriceIndex> {
    let id = o.str("id", Required, d);
    let name = o.text("name", Required, d);
    let source = o.str("source", Required, d);
    let description = o.text("description", Optional, d);
    let years = |key: &str, d: &mut Diags| -> Option<Vec<(u16, f64)>> {
        let series = o.obj(key, Optional, d)?;
        let mut out: Vec<(u16, f64)> = Vec::new();
        for m in series.json.as_obj().unwrap_or(&[]) {
            let year = m
                .key
                .parse::<u16>()
                .ok()
                .filter(|y| (1800..=2200).contains(y));
            match (year, &m.value.v) {
                // The JSON reader has no number that is not finite.
                (Some(y), JVal::Num(v)) => out.push((y, *v)),
                _ => series.bad(
                    "BAD_FIELD",
                    &m.key,
                    "et årstall med et tall",
                    "a year with a number",
                    d,
                ),
            }
        }
        out.sort_by_key(|p| p.0);
        if out.is_empty() || out.windows(2).any(|w| w[1].0 != w[0].0 + 1) {
            o.bad(
                "BAD_FIELD",
                key,
                "tall for år etter hverandre, uten hull",
                "figures for consecutive years, without gaps",
                d,
            );
            return None;
        }
        Some(out)
    };
    let index = match (years("levels", d), years("growth", d)) {
        (Some(l), None) if l.iter().all(|p| p.1 > 0.0) => {
            PriceIndex::from_levels(id?, name?, source?, l)
        }
        (None, Some(g)) if g.iter().all(|p| p.1 > -100.0) => {
            PriceIndex::from_growth(id?, name?, source?, &g)
        }
        _ => {
            o.bad(
                "BAD_FIELD",
                "levels",
                "enten «levels» (positive nivåer) eller «growth» (vekst i prosent)",
                "either \"levels\" (positive levels) or \"growth\" (growth in per cent)",
                d,
            );
            return None;
        }
    };
    Some(PriceIndex {
        description,
        ..index
    })
}

/// The latest year with a number in the cube: the year whose kroner a
/// fixed-price figure is given in, so that its latest value is the one
/// published.
pub fn base_year(ds: &Dataset) -> Option<u16> {
    ds.periods_with_values()
        .last()
        .map(|p| crate::model::period_year(p))
        .filter(|y| *y > 0)
}

/// The cube in kroner of `base` by `index`: each period's value (and a
/// rate's numerator) times the index's factor; a period the index does not
/// cover has no number ([`Status::NoPriceIndex`]). A cube that is not
/// kroner in current prices is returned as it is.
pub fn fixed(ds: &Dataset, index: &PriceIndex, base: u16) -> Dataset {
    let mut out = ds.clone();
    let Some(meta) = out.meta.as_mut().filter(|m| m.money && m.fixed.is_none()) else {
        return out;
    };
    let fixed = FixedPrices {
        id: index.id.clone(),
        index: index.name.clone(),
        source: index.source.clone(),
        base,
    };
    meta.unit = I18nText {
        nb: format!("{}, {}", meta.unit.get(Lang::Nb), fixed.label(Lang::Nb)),
        nn: Some(format!(
            "{}, {}",
            meta.unit.get(Lang::Nn),
            fixed.label(Lang::Nn)
        )),
        en: Some(format!(
            "{}, {}",
            meta.unit.get(Lang::En),
            fixed.label(Lang::En)
        )),
    };
    meta.fixed = Some(fixed);
    let (Some(t), m) = (ds.time_dim(), ds.metric_dim()) else {
        return out;
    };
    let denominator = m.and_then(|m| ds.dims[m].position("denominator"));
    let mut status: Vec<(usize, Status)> = ds.status.iter().map(|(i, s)| (i, s.clone())).collect();
    for i in 0..ds.cell_count() {
        let c = ds.coords_of(i);
        if m.is_some_and(|m| Some(c[m]) == denominator) {
            continue;
        }
        let year = crate::model::period_year(&ds.dims[t].categories[c[t]].id);
        match index.factor(year, base) {
            Some(f) => out.values.set(i, ds.values.get(i).map(|v| v * f)),
            // A number the index cannot convert: none, and why (a gap
            // keeps its own reason).
            None if ds.values.get(i).is_some() => {
                out.values.set(i, None);
                if m.is_none_or(|m| c[m] == 0) {
                    status.retain(|(at, _)| *at != i);
                    status.push((i, Status::NoPriceIndex));
                }
            }
            None => {}
        }
    }
    out.status = crate::model::StatusMap::from_pairs(status);
    out
}

/// The cube as the page shows it: kroner in current prices turned into
/// fixed prices of its latest year when the reader's choice (`wanted`, the
/// URL's `prices`) or the catalog's default is an index; `None` when it is
/// shown as it is (current prices chosen, or not kroner).
pub fn shown(ds: &Dataset, prices: &Prices, wanted: Option<&str>) -> Option<Dataset> {
    match prices.choose(wanted) {
        Choice::Fixed(index) if ds.meta.as_ref().is_some_and(|m| m.money) => {
            Some(fixed(ds, index, base_year(ds)?))
        }
        _ => None,
    }
}

/// The change of a series from its first to its last period with a
/// number, in current and in fixed prices.
#[derive(Debug, Clone, PartialEq)]
pub struct Growth {
    pub from: String,
    pub to: String,
    /// Per cent, in current prices.
    pub current: f64,
    /// Per cent, in fixed prices by the index; `None` when the index does
    /// not cover both years.
    pub fixed: Option<f64>,
}

/// The growth of a series of kroner (a count or a rate per person) in
/// current and in fixed prices by `index`. `fixed`: the series is already
/// in fixed prices by that index (as [`fixed`] gives it), else current.
pub fn growth(series: &[(String, Option<f64>)], index: &PriceIndex, fixed: bool) -> Option<Growth> {
    let mut with = series.iter().filter_map(|(p, v)| v.map(|v| (p, v)));
    let (p0, v0) = with.next()?;
    let (p1, v1) = with.last()?;
    if v0 <= 0.0 {
        return None;
    }
    let (y0, y1) = (crate::model::period_year(p0), crate::model::period_year(p1));
    // What a krone of the first year is worth in the last year's kroner.
    let f = index.factor(y0, y1);
    let ratio = v1 / v0;
    let (current, real) = if fixed {
        (f.map(|f| ratio * f), Some(ratio))
    } else {
        (Some(ratio), f.map(|f| ratio / f))
    };
    Some(Growth {
        from: p0.clone(),
        to: p1.clone(),
        current: (current? - 1.0) * 100.0,
        fixed: real.map(|r| (r - 1.0) * 100.0),
    })
}

impl Growth {
    /// «Fra 2015 til 2025: +85 % i løpende kroner, +29 % i faste kroner
    /// (kommunal deflator).»
    pub fn sentence(&self, index: &PriceIndex, lang: Lang) -> String {
        let pct = |v: f64| format!("{} %", crate::i18n::format_change(v, 0, lang));
        let mut s = format!(
            "{}: {} {}",
            T::FromTo.fill(lang, &self.from).replacen("{}", &self.to, 1),
            pct(self.current),
            T::InCurrentKroner.get(lang)
        );
        if let Some(f) = self.fixed {
            s.push_str(&format!(
                ", {} {} ({})",
                pct(f),
                T::InFixedKroner.get(lang),
                index.name.get(lang)
            ));
        }
        s.push('.');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deflator() -> PriceIndex {
        PriceIndex::from_growth(
            "d",
            I18nText::plain("kommunal deflator"),
            "FIN",
            &[(2016, 2.6), (2017, 2.4)],
        )
    }

    #[test]
    fn growth_is_chained_into_levels() {
        let d = deflator();
        assert_eq!(d.span(), Some((2015, 2017)));
        assert_eq!(d.level(2015), Some(100.0));
        assert!((d.level(2017).unwrap() - 100.0 * 1.026 * 1.024).abs() < 1e-9);
        assert!((d.factor(2015, 2017).unwrap() - 1.026 * 1.024).abs() < 1e-9);
        assert_eq!(d.factor(2014, 2017), None);
    }

    #[test]
    fn growth_in_current_and_fixed_prices() {
        let d = deflator();
        let s = vec![
            ("2015".to_string(), Some(100.0)),
            ("2016".to_string(), None),
            ("2017".to_string(), Some(110.0)),
        ];
        let g = growth(&s, &d, false).unwrap();
        assert_eq!((g.from.as_str(), g.to.as_str()), ("2015", "2017"));
        assert!((g.current - 10.0).abs() < 1e-9);
        let fixed = (110.0 / (100.0 * 1.026 * 1.024) - 1.0) * 100.0;
        assert!((g.fixed.unwrap() - fixed).abs() < 1e-9);
        assert_eq!(
            g.sentence(&d, Lang::Nb),
            "Fra 2015 til 2017: +10 % i løpende kroner, +5 % i faste kroner (kommunal deflator)."
        );
        // A first value of zero has no growth.
        let zero = vec![
            ("2015".to_string(), Some(0.0)),
            ("2017".to_string(), Some(1.0)),
        ];
        assert_eq!(growth(&zero, &d, false), None);
        // The same series in fixed 2017 kroner gives the same growth.
        let f = d.factor(2015, 2017).unwrap();
        let in_fixed = vec![
            ("2015".to_string(), Some(100.0 * f)),
            ("2017".to_string(), Some(110.0)),
        ];
        let h = growth(&in_fixed, &d, true).unwrap();
        assert!((h.current - g.current).abs() < 1e-9);
        assert!((h.fixed.unwrap() - g.fixed.unwrap()).abs() < 1e-9);
    }

    #[test]
    fn the_choice_follows_the_url_and_falls_back_to_the_default() {
        let p = Prices {
            indexes: vec![deflator()],
            default: Some("d".into()),
        };
        assert_eq!(p.choose(None), Choice::Fixed(&p.indexes[0]));
        assert_eq!(p.choose(Some("current")), Choice::Current);
        assert_eq!(p.choose(Some("nope")), Choice::Fixed(&p.indexes[0]));
        assert_eq!(Prices::default().choose(None), Choice::Current);
        // Another index by its id; an index the catalog does not have is not the default.
        let two = Prices {
            indexes: vec![
                deflator(),
                PriceIndex {
                    id: "kpi".into(),
                    ..deflator()
                },
            ],
            default: Some("d".into()),
        };
        assert_eq!(two.choose(Some("kpi")), Choice::Fixed(&two.indexes[1]));
        assert_eq!(two.default_index(), Some(&two.indexes[0]));
    }

    fn parse(src: &str) -> (Prices, Vec<String>) {
        let json = crate::json::parse(src).unwrap();
        let mut d = Diags::new(src);
        let p = Prices::parse(&Obj::root(&json), &mut d);
        (
            p,
            d.list
                .into_iter()
                .map(|d| format!("{} {}", d.code, d.path))
                .collect(),
        )
    }

    #[test]
    fn the_catalogs_indexes_are_read_as_published_and_checked() {
        let (p, diags) = parse(
            r#"{"default": "kpi", "indexes": [
                {"id": "kpi", "name": {"nb": "KPI", "nn": "KPI", "en": "CPI"}, "source": "SSB", "levels": {"2016": 103.6, "2015": 100}},
                {"id": "def", "name": "deflator", "description": "Lønn og priser", "source": "FIN", "growth": {"2016": 2.6, "2017": 2.4}},
                {"id": "gap", "name": "x", "source": "y", "levels": {"2015": 100, "2017": 110}},
                {"id": "none", "name": "x", "source": "y"},
                {"id": "neg", "name": "x", "source": "y", "levels": {"2015": -1}},
                {"id": "zero", "name": "x", "source": "y", "levels": {"2015": 0}},
                {"id": "fall", "name": "x", "source": "y", "growth": {"2016": -100}},
                {"id": "kpi", "name": "again", "source": "y", "levels": {"2015": 1}},
                {"name": "no id", "source": "y", "levels": {"2015": 1}}
            ]}"#,
        );
        let ids: Vec<&str> = p.indexes.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["kpi", "def"]);
        assert_eq!(p.default.as_deref(), Some("kpi"));
        let kpi = &p.indexes[0];
        assert_eq!(
            (kpi.span(), kpi.level(2016), kpi.name.get(Lang::En)),
            (Some((2015, 2016)), Some(103.6), "CPI")
        );
        assert_eq!(
            p.indexes[1].description.as_ref().map(|d| d.nb.as_str()),
            Some("Lønn og priser")
        );
        assert_eq!(p.indexes[1].span(), Some((2015, 2017)));
        assert_eq!(
            diags,
            [
                "BAD_FIELD $.indexes[2].levels",
                "BAD_FIELD $.indexes[2].levels",
                "BAD_FIELD $.indexes[3].levels",
                "BAD_FIELD $.indexes[4].levels",
                "BAD_FIELD $.indexes[5].levels",
                "BAD_FIELD $.indexes[6].levels",
                "BAD_FIELD $.indexes[7].id",
                "MISSING_FIELD $.indexes[8].id",
            ]
        );
        let (p, diags) = parse(
            r#"{"default": "nope", "indexes": [{"id": "a", "name": "a", "source": "s", "growth": {"2016": 1, "x": 2}}]}"#,
        );
        assert_eq!(p.default, None);
        assert_eq!(
            diags,
            ["BAD_FIELD $.indexes[0].growth.x", "BAD_FIELD $.default"]
        );
    }

    /// Net expenditure in 1 000 kr of two years, a count of kroner.
    fn kroner(money: bool) -> Dataset {
        let src = r#"{"format": "innsyn-indicator/1", "id": "k", "title": "Netto", "description": "d",
            "unit": {"nb": "1 000 kr", "nn": "1 000 kr", "en": "NOK 1,000"}, "source": "SSB", "aggregation": "sum",
            "values": [{"region": "3401", "period": "2016", "value": 100, "status": "*"},
                       {"region": "3401", "period": "2017", "value": 110},
                       {"region": "3403", "period": "2017", "value": null, "status": ":"}]}"#;
        let reg = crate::registry::Registry::bundled();
        let mut ds = crate::read::read_str(src, &reg).unwrap().datasets.remove(0);
        ds.meta.as_mut().unwrap().money = money;
        ds
    }

    #[test]
    fn kroner_in_fixed_prices_of_the_latest_year() {
        let ds = kroner(true);
        assert_eq!(base_year(&ds), Some(2017));
        // A cube whose latest period is no year has no year's kroner.
        let mut odd = kroner(true);
        let t = odd.time_dim().unwrap();
        for c in &mut odd.dims[t].categories {
            c.id = format!("x{}", c.id);
        }
        assert_eq!(base_year(&odd), None);
        let f = fixed(&ds, &deflator(), 2017);
        let at = |p: &str, r: &str| {
            f.cell_at(&["value", r, p])
                .map(|c| (c.value, c.status.cloned()))
        };
        // 2016 in 2017 kroner; a status that travels with a number stays.
        assert_eq!(
            at("2016", "3401"),
            Some((Some(100.0 * 1.024), Some(Status::Provisional)))
        );
        assert_eq!(at("2017", "3401"), Some((Some(110.0), None)));
        assert_eq!(at("2017", "3403"), Some((None, Some(Status::Confidential))));
        let meta = f.meta.as_ref().unwrap();
        assert_eq!(
            meta.unit.get(Lang::Nb),
            "1 000 kr, faste 2017-kroner (kommunal deflator)"
        );
        assert_eq!(
            meta.unit.get(Lang::Nn),
            "1 000 kr, faste 2017-kroner (kommunal deflator)"
        );
        assert_eq!(
            meta.unit.get(Lang::En),
            "NOK 1,000, fixed 2017 kroner (kommunal deflator)"
        );
        let fx = meta.fixed.as_ref().unwrap();
        assert_eq!(
            (fx.id.as_str(), fx.source.as_str(), fx.base),
            ("d", "FIN", 2017)
        );
        // Not kroner, or already in fixed prices: as it is.
        assert_eq!(fixed(&kroner(false), &deflator(), 2017), kroner(false));
        assert_eq!(fixed(&f, &deflator(), 2017), f);
        // A year the index lacks: no figure, and why — in place of the
        // status it had.
        let short = PriceIndex::from_levels("s", I18nText::plain("s"), "S", vec![(2017, 1.0)]);
        let g = fixed(&ds, &short, 2017);
        assert_eq!(
            g.cell_at(&["value", "3401", "2016"])
                .map(|c| (c.value, c.status.cloned())),
            Some((None, Some(Status::NoPriceIndex)))
        );
        assert_eq!(g.status.len(), ds.status.len(), "one status a cell");
        // How the page shows it: the reader's choice, else the catalog's default.
        let p = Prices {
            indexes: vec![deflator()],
            default: Some("d".into()),
        };
        assert_eq!(shown(&ds, &p, None), Some(f));
        assert_eq!(shown(&ds, &p, Some(CURRENT)), None);
        assert_eq!(shown(&kroner(false), &p, None), None);
    }

    #[test]
    fn growth_in_words_down_as_well_as_up() {
        let d = deflator();
        let down = Growth {
            from: "2015".into(),
            to: "2017".into(),
            current: -4.4,
            fixed: None,
        };
        assert_eq!(
            down.sentence(&d, Lang::En),
            "From 2015 to 2017: -4 % in current kroner."
        );
        assert_eq!(
            Growth {
                fixed: Some(0.2),
                ..down
            }
            .sentence(&d, Lang::Nn),
            "Frå 2015 til 2017: -4 % i løpande kroner, ±0 % i faste kroner (kommunal deflator)."
        );
        // An index that does not cover the first year gives no growth in
        // fixed prices; shown in fixed prices, none at all.
        let late = PriceIndex::from_levels("l", I18nText::plain("l"), "L", vec![(2017, 1.0)]);
        let s = vec![
            ("2015".to_string(), Some(100.0)),
            ("2017".to_string(), Some(120.0)),
        ];
        let g = growth(&s, &late, false).unwrap();
        assert!((g.current - 20.0).abs() < 1e-9 && g.fixed.is_none());
        assert_eq!(growth(&s, &late, true), None);
        // One year has no growth.
        assert_eq!(growth(&s[..1], &d, false), None);
        assert_eq!(growth(&[], &d, false), None);
    }
}

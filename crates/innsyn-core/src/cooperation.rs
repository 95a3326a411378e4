//! The cooperation simulator: what one shared (inter-municipal) child welfare
//! service made of some municipalities would look like, computed from the
//! members' own figures by the rules in [`crate::aggregate`] — counts summed,
//! rates as sum(numerators) / sum(denominators) — with what cannot be
//! combined said, not faked, and a plain-language robustness summary.

use crate::aggregate::{combine, computed_label, Combined, Part, Rule};
use crate::catalog::Catalog;
use crate::i18n::{count_decimals, format_number, Lang};
use crate::model::Dataset;
use crate::present::{group_figure, group_series, municipality_part, published_series, reason};
use crate::registry::{RegionRef, Registry};
use crate::status::Status;

/// The size threshold (årsverk) when the catalog gives none. No official
/// minimum size for a child welfare service was found, so this is Innsyn's
/// assumption, shown as such, and the user can change it.
pub const DEFAULT_THRESHOLD: f64 = 5.0;

/// Where a ready-made set of municipalities comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresetKind {
    /// A shared child welfare service in the register extract of 2021.
    Service,
    /// A regional council.
    Council,
    /// A scenario named in the catalog.
    Scenario,
}

/// A ready-made set of municipalities.
#[derive(Debug, Clone, PartialEq)]
pub struct Preset {
    pub kind: PresetKind,
    pub id: String,
    pub name: String,
    /// Municipality ids, in registry order.
    pub members: Vec<String>,
    /// Members outside Hedmark and Oppland (names): in the service, but
    /// without figures here.
    pub external: Vec<String>,
}

/// The existing shared services, the regional councils and the catalog's
/// scenarios, in that order.
pub fn presets(registry: &Registry, catalog: &Catalog, lang: Lang) -> Vec<Preset> {
    let groups = |kind, groups: &[crate::registry::Group]| -> Vec<Preset> {
        groups
            .iter()
            .map(|g| Preset {
                kind,
                id: g.id.clone(),
                name: g.name.clone(),
                members: ids(registry, &g.members),
                external: g.external.iter().map(|(_, name)| name.clone()).collect(),
            })
            .collect()
    };
    let mut out = groups(PresetKind::Service, &registry.services);
    out.extend(groups(PresetKind::Council, &registry.councils));
    out.extend(catalog.cooperation.scenarios.iter().map(|s| Preset {
        kind: PresetKind::Scenario,
        id: s.id.clone(),
        name: s.name.get(lang).to_string(),
        members: ids(registry, &s.members),
        external: Vec::new(),
    }));
    out
}

/// Municipality ids in registry order, for any numbers they are given by.
fn ids(registry: &Registry, codes: &[String]) -> Vec<String> {
    ids_of(registry, &members(registry, codes).0)
}

/// The ids (2024 numbers) of some municipalities, in registry order and each
/// once: how a scenario is written into the URL.
pub fn ids_of(registry: &Registry, members: &[usize]) -> Vec<String> {
    let mut m = members.to_vec();
    m.sort_unstable();
    m.dedup();
    m.into_iter()
        .map(|i| registry.municipalities[i].id.clone())
        .collect()
}

/// The municipalities (registry indices, in registry order, each once) that
/// `codes` name by any number they have had, and the codes that name none.
pub fn members(registry: &Registry, codes: &[String]) -> (Vec<usize>, Vec<String>) {
    let mut found = Vec::new();
    let mut unknown = Vec::new();
    for code in codes {
        match registry.resolve(code) {
            Some(RegionRef::Municipality(i)) => found.push(i),
            _ => unknown.push(code.clone()),
        }
    }
    found.sort_unstable();
    found.dedup();
    (found, unknown)
}

/// The position of the (first) preset with exactly these members, if any.
pub fn matching_preset(
    presets: &[Preset],
    registry: &Registry,
    members: &[usize],
) -> Option<usize> {
    let ids = ids_of(registry, members);
    presets.iter().position(|p| p.members == ids)
}

/// The counties (before the 2020 reform: 04 Hedmark, 05 Oppland) the members
/// belong to, each once.
pub fn counties(registry: &Registry, members: &[usize]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for &i in members {
        let c = registry.municipalities[i].old_county().to_string();
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// Which line of the latest-year table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// The combined service (computed).
    Combined,
    Member,
    /// A county, computed the same way.
    County,
    /// A comparison region as the file publishes it.
    Published,
}

/// One line of the latest-year table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub kind: RowKind,
    pub name: String,
    pub value: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    /// Coverage of a computed figure, or why a cell has no number.
    pub note: String,
}

/// An indicator for a scenario in one period.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub period: String,
    pub rule: Rule,
    pub combined: Combined,
    /// Combined, members, counties, published comparison regions.
    pub rows: Vec<Row>,
}

/// The combined service's figure in `period` (default: the latest period of
/// the file), beside each member, the members' counties (computed) and the
/// catalog's comparison regions (as published).
pub fn figures(
    ds: &Dataset,
    registry: &Registry,
    members: &[usize],
    comparisons: &[String],
    period: Option<&str>,
    lang: Lang,
) -> Option<Figures> {
    let rule = ds.meta.as_ref()?.rule();
    let period = match period {
        Some(p) => p.to_string(),
        None => ds.periods_with_values().pop()?,
    };
    let parts: Vec<Part> = members
        .iter()
        .map(|&m| municipality_part(ds, registry, m, &period))
        .collect();
    let combined = combine(rule, &parts);
    let computed = |name: &str, c: &Combined| Row {
        kind: RowKind::Combined,
        name: format!("{name} ({})", computed_label(lang)),
        value: c.value,
        numerator: c.numerator,
        denominator: c.denominator,
        note: if rule == Rule::NotCombinable {
            crate::i18n::T::NotCombinable.get(lang).to_string()
        } else {
            c.coverage(lang)
        },
    };
    let mut rows = vec![computed(combined_name(lang), &combined)];
    for (&m, p) in members.iter().zip(&parts) {
        let note = match combined.left_out.iter().find(|(r, _)| *r == p.region) {
            Some((_, why)) => why.text(lang),
            None if p.value.is_none() => reason(p.status.as_ref(), lang),
            None => String::new(),
        };
        rows.push(Row {
            kind: RowKind::Member,
            name: registry.municipalities[m].name.clone(),
            value: p.value,
            numerator: p.numerator,
            denominator: p.denominator,
            note,
        });
    }
    let year = crate::model::period_year(&period);
    for county in counties(registry, members) {
        let c = group_figure(
            ds,
            registry,
            rule,
            &registry.county_members(&county, year),
            &period,
        );
        rows.push(Row {
            kind: RowKind::County,
            ..computed(registry.county_name(&county).unwrap_or(&county), &c)
        });
    }
    for code in comparisons {
        let Some(series) = published_series(ds, code) else {
            continue;
        };
        let value = series
            .into_iter()
            .find(|(p, _)| *p == period)
            .and_then(|(_, v)| v);
        rows.push(Row {
            kind: RowKind::Published,
            name: crate::present::comparison_name(code, registry, lang),
            value,
            numerator: None,
            denominator: None,
            note: published_label(lang).to_string(),
        });
    }
    Some(Figures {
        period,
        rule,
        combined,
        rows,
    })
}

/// The combined service's figure in every period of the file.
pub fn series(ds: &Dataset, registry: &Registry, members: &[usize]) -> Vec<(String, Combined)> {
    let rule = ds.meta.as_ref().map_or(Rule::NotCombinable, |m| m.rule());
    group_series(ds, registry, rule, &|_| members.to_vec())
}

pub fn combined_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "Samlet tjeneste",
        Lang::Nn => "Samla teneste",
        Lang::En => "Combined service",
    }
}

fn published_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "som publisert av kilden",
        Lang::Nn => "som publisert av kjelda",
        Lang::En => "as published by the source",
    }
}

/// One member in the robustness panel.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberSize {
    pub muni: usize,
    /// Its own årsverk; `None` with the reason when it has no figure.
    pub staff: Option<f64>,
    pub staff_status: Option<Status>,
    /// Its own caseload per årsverk.
    pub caseload: Option<f64>,
}

/// The robustness of a scenario: staff of the combined service, members
/// below the size threshold, and the spread of caseload per årsverk before
/// and after.
#[derive(Debug, Clone, PartialEq)]
pub struct Robustness {
    pub threshold: f64,
    pub staff_period: Option<String>,
    pub staff_decimals: u8,
    /// The combined service's årsverk (summed), with coverage.
    pub total_staff: Option<Combined>,
    pub caseload_period: Option<String>,
    pub caseload_decimals: u8,
    /// Caseload per årsverk of the combined service (sum/sum).
    pub caseload_after: Option<Combined>,
    pub members: Vec<MemberSize>,
}

impl Robustness {
    /// Members with fewer årsverk than the threshold.
    pub fn below(&self) -> impl Iterator<Item = &MemberSize> {
        self.members
            .iter()
            .filter(|m| m.staff.is_some_and(|s| s < self.threshold))
    }

    /// The lowest and highest caseload per årsverk among the members.
    pub fn caseload_range(&self) -> Option<(f64, f64)> {
        self.members
            .iter()
            .filter_map(|m| m.caseload)
            .fold(None, |acc, v| match acc {
                None => Some((v, v)),
                Some((lo, hi)) => Some((v.min(lo), v.max(hi))),
            })
    }

    /// The panel's findings as sentences, for people without statistics
    /// training.
    pub fn sentences(&self, registry: &Registry, lang: Lang) -> Vec<String> {
        let n = self.members.len();
        let sd = self.staff_decimals;
        let f = |v: f64, d: u8| format_number(v, d, lang);
        let name = |m: &MemberSize| registry.municipalities[m.muni].name.clone();
        let mut out = Vec::new();
        match (&self.total_staff, &self.staff_period) {
            (Some(c), Some(p)) if c.value.is_some() => {
                let v = f(c.value.unwrap_or_default(), sd);
                let cov = c.coverage(lang);
                out.push(match lang {
                    Lang::Nb => format!("Den samlede tjenesten ville hatt {v} årsverk ({p}, beregnet for {cov})."),
                    Lang::Nn => format!("Den samla tenesta ville hatt {v} årsverk ({p}, berekna for {cov})."),
                    Lang::En => format!("The combined service would have {v} full-time equivalents ({p}, computed for {cov})."),
                });
            }
            _ => out.push(
                match lang {
                    Lang::Nb => "Det finnes ingen tall for årsverk for disse kommunene.",
                    Lang::Nn => "Det finst ingen tal for årsverk for desse kommunane.",
                    Lang::En => {
                        "There are no figures for full-time equivalents for these municipalities."
                    }
                }
                .to_string(),
            ),
        }
        let t = f(self.threshold, count_decimals(self.threshold));
        let below: Vec<String> = self
            .below()
            .map(|m| format!("{} ({})", name(m), f(m.staff.unwrap_or_default(), sd)))
            .collect();
        let k = below.len();
        if self.total_staff.as_ref().is_some_and(|c| c.value.is_some()) {
            out.push(match (k, lang) {
                (0, Lang::Nb) => format!("Ingen av de {n} kommunene har under {t} årsverk hver for seg."),
                (0, Lang::Nn) => format!("Ingen av dei {n} kommunane har under {t} årsverk kvar for seg."),
                (0, Lang::En) => format!("None of the {n} municipalities has fewer than {t} full-time equivalents on its own."),
                (_, Lang::Nb) => format!("{k} av {n} kommuner har under {t} årsverk hver for seg: {}.", below.join(", ")),
                (_, Lang::Nn) => format!("{k} av {n} kommunar har under {t} årsverk kvar for seg: {}.", below.join(", ")),
                (_, Lang::En) => format!("{k} of {n} municipalities have fewer than {t} full-time equivalents on their own: {}.", below.join(", ")),
            });
        }
        let unknown: Vec<String> = self
            .members
            .iter()
            .filter(|m| m.staff.is_none())
            .map(|m| format!("{} ({})", name(m), reason(m.staff_status.as_ref(), lang)))
            .collect();
        if !unknown.is_empty() && unknown.len() < n {
            out.push(match lang {
                Lang::Nb => format!("Uten tall for årsverk: {}.", unknown.join(", ")),
                Lang::Nn => format!("Utan tal for årsverk: {}.", unknown.join(", ")),
                Lang::En => format!(
                    "No figure for full-time equivalents: {}.",
                    unknown.join(", ")
                ),
            });
        }
        let cd = self.caseload_decimals;
        if let (Some((lo, hi)), Some(after)) = (
            self.caseload_range(),
            self.caseload_after.as_ref().and_then(|c| c.value),
        ) {
            let p = self.caseload_period.clone().unwrap_or_default();
            let (lo, hi, after) = (f(lo, cd), f(hi, cd), f(after, cd));
            out.push(match lang {
                Lang::Nb => format!("Barn per årsverk ({p}): fra {lo} til {hi} i kommunene hver for seg; {after} i den samlede tjenesten."),
                Lang::Nn => format!("Barn per årsverk ({p}): frå {lo} til {hi} i kommunane kvar for seg; {after} i den samla tenesta."),
                Lang::En => format!("Children per full-time equivalent ({p}): from {lo} to {hi} in the municipalities on their own; {after} in the combined service."),
            });
        }
        out
    }
}

/// The robustness of the service made of `members`, from the staff file
/// (a count) and the caseload file (a rate), each in its latest period.
pub fn robustness(
    staff: Option<&Dataset>,
    caseload: Option<&Dataset>,
    registry: &Registry,
    members: &[usize],
    threshold: f64,
) -> Robustness {
    let latest = |ds: Option<&Dataset>| ds.and_then(|d| d.periods_with_values().pop());
    let decimals =
        |ds: Option<&Dataset>| ds.and_then(|d| d.meta.as_ref()).map_or(1, |m| m.decimals);
    let (staff_period, caseload_period) = (latest(staff), latest(caseload));
    let parts = |ds: Option<&Dataset>, period: &Option<String>| -> Vec<Option<Part>> {
        members
            .iter()
            .map(|&m| Some(municipality_part(ds?, registry, m, period.as_deref()?)))
            .collect()
    };
    let (sp, cp) = (
        parts(staff, &staff_period),
        parts(caseload, &caseload_period),
    );
    let combined = |ds: Option<&Dataset>, parts: &[Option<Part>]| -> Option<Combined> {
        let rule = ds?.meta.as_ref()?.rule();
        Some(combine(
            rule,
            &parts.iter().flatten().cloned().collect::<Vec<_>>(),
        ))
    };
    Robustness {
        threshold,
        staff_decimals: decimals(staff),
        total_staff: combined(staff, &sp).filter(|_| staff_is_count(staff)),
        caseload_decimals: decimals(caseload),
        caseload_after: combined(caseload, &cp),
        staff_period,
        caseload_period,
        members: members
            .iter()
            .zip(sp.iter().zip(&cp))
            .map(|(&muni, (s, c))| MemberSize {
                muni,
                staff: s.as_ref().and_then(|p| p.value),
                staff_status: s.as_ref().and_then(|p| p.status.clone()),
                caseload: c.as_ref().and_then(|p| p.value),
            })
            .collect(),
    }
}

/// Årsverk are summed only when the file says its figure is a count.
fn staff_is_count(staff: Option<&Dataset>) -> bool {
    staff
        .and_then(|d| d.meta.as_ref())
        .is_some_and(|m| m.rule() == Rule::Sum)
}

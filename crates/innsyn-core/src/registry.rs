//! The region registry: the 48 municipalities of Hedmark and Oppland with their
//! numbers over time, the counties, the regional councils and the shared child
//! welfare services. Read from `public/data/regions.json`, the project's own file.
//!
//! A municipality's stable id is its number from 2024. Every number it has had
//! (04xx/05xx until 2019, 34xx/30xx from 2020, 32xx from 2024) resolves to it,
//! so a series continues across renumbering.

use crate::diag::{Diagnostic, Diags, Msg};
use crate::fields::{Kind, Need::*, Obj};
use crate::i18n::Lang;
use crate::json::{self, ParseError};
use crate::model::I18nText;

/// The project's registry, compiled in for the CLI and the tests. The web app
/// fetches the registry its catalog names instead (`src/load.rs`).
pub const BUNDLED: &str = include_str!("../../../public/data/regions.json");

#[derive(Debug, Clone, PartialEq)]
pub struct NumberPeriod {
    pub code: String,
    pub from: u16,
    /// Last year the number was used; `None` while still in use.
    pub to: Option<u16>,
    pub county: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Municipality {
    pub id: String,
    pub name: String,
    pub numbers: Vec<NumberPeriod>,
    pub council: Option<String>,
    pub council_unverified: bool,
    /// Its official written standard, when the registry gives it.
    pub language_form: Option<LanguageForm>,
    /// SSB's code for its KOSTRA group (`EKG11` …), when the registry gives it.
    pub kostra_group: Option<String>,
    /// Column and row on the tile map (roughly where it lies).
    pub tile: Option<(u8, u8)>,
}

impl Municipality {
    /// The numbering period covering `year`, clamped to the known range.
    fn period_in(&self, year: u16) -> &NumberPeriod {
        let first = &self.numbers[0];
        self.numbers
            .iter()
            .find(|p| p.from <= year && p.to.is_none_or(|t| year <= t))
            .unwrap_or(if year < first.from {
                first
            } else {
                &self.numbers[self.numbers.len() - 1]
            })
    }
    /// The number this municipality had in `year` (clamped to the known range).
    pub fn code_in(&self, year: u16) -> &str {
        &self.period_in(year).code
    }
    /// The county it belonged to in `year`.
    pub fn county_in(&self, year: u16) -> &str {
        &self.period_in(year).county
    }
    /// The regions its figures are compared with: the catalog's, then its
    /// own KOSTRA group when the registry names one.
    pub fn comparisons(&self, catalog: &[String]) -> Vec<String> {
        let mut out = catalog.to_vec();
        out.extend(
            self.kostra_group
                .iter()
                .filter(|g| !catalog.contains(g))
                .cloned(),
        );
        out
    }
    /// The county before the 2020 reform: 04 Hedmark or 05 Oppland.
    pub fn old_county(&self) -> &str {
        self.numbers
            .first()
            .map(|p| p.county.as_str())
            .unwrap_or("")
    }
}

/// A municipality's official written standard (its målvedtak, Lovdata
/// FOR-2019-12-20-2114): what its own documents are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LanguageForm {
    Bokmal,
    Nynorsk,
    /// Neither chosen: either may be used.
    Neutral,
}

impl LanguageForm {
    /// The language a document for it is written in: bokmål for a neutral
    /// municipality (the reader may pick nynorsk).
    pub fn lang(self) -> Lang {
        match self {
            LanguageForm::Nynorsk => Lang::Nn,
            LanguageForm::Bokmal | LanguageForm::Neutral => Lang::Nb,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct County {
    pub id: String,
    pub name: String,
    pub from: u16,
    pub to: Option<u16>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub id: String,
    pub name: String,
    /// Municipality ids (2024 numbers).
    pub members: Vec<String>,
    /// Members outside Hedmark and Oppland, as (number, name).
    pub external: Vec<(String, String)>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Registry {
    pub municipalities: Vec<Municipality>,
    pub counties: Vec<County>,
    pub councils: Vec<Group>,
    pub services: Vec<Group>,
    /// The KOSTRA grouping the municipalities' `kostra_group` belongs to:
    /// the first year of figures it applies to, and its name. SSB regroups
    /// now and then, so a group's figures before `from` are another group.
    pub kostra_groups: Option<(u16, I18nText)>,
}

/// What a region code found in a data file stands for.
#[derive(Debug, Clone, PartialEq)]
pub enum RegionRef {
    /// Index into `Registry::municipalities`.
    Municipality(usize),
    County(String),
    /// SSB `EAK`.
    Country,
    /// SSB `EAKUO`.
    CountryWithoutOslo,
    /// SSB `EKGnn`.
    KostraGroup(u8),
    Council(usize),
    Service(usize),
    /// A Norwegian municipality number outside Hedmark and Oppland.
    OtherMunicipality,
}

impl Registry {
    pub fn bundled() -> Registry {
        // The bundled file is checked by tests; fall back to empty rather than panic.
        Registry::parse(BUNDLED).map(|(r, _)| r).unwrap_or_default()
    }

    pub fn parse(src: &str) -> Result<(Registry, Vec<Diagnostic>), ParseError> {
        let json = json::parse(src)?;
        let mut d = Diags::new(src);
        let d = &mut d;
        let root = Obj::root(&json);
        let mut reg = Registry::default();
        for m in root.objs("municipalities", Optional, d) {
            if let Some(m) = municipality(&m, d) {
                reg.municipalities.push(m);
            }
        }
        for c in root.objs("counties", Optional, d) {
            let (id, name) = (c.string("id", Required, d), c.string("name", Required, d));
            let (from, to) = (c.year("from", Required, d), c.year("to", Optional, d));
            if let (Some(id), Some(name), Some(from)) = (id, name, from) {
                reg.counties.push(County { id, name, from, to });
            }
        }
        reg.councils = groups(&root, "councils", &reg, d);
        reg.services = groups(&root, "services", &reg, d);
        reg.kostra_groups = root.obj("kostra_groups", Optional, d).and_then(|k| {
            let from = k.year("from", Required, d);
            Some((from?, k.text("name", Required, d)?))
        });
        let list = std::mem::take(&mut d.list);
        Ok((reg, list))
    }

    pub fn municipality(&self, id: &str) -> Option<&Municipality> {
        self.municipalities.iter().find(|m| m.id == id)
    }

    /// Resolves any region code seen in SSB files or our own files.
    pub fn resolve(&self, code: &str) -> Option<RegionRef> {
        let code = code.trim();
        let code = code
            .strip_prefix("K-")
            .or_else(|| code.strip_prefix("F-"))
            .unwrap_or(code);
        if let Some(i) = self
            .municipalities
            .iter()
            .position(|m| m.id == code || m.numbers.iter().any(|n| n.code == code))
        {
            return Some(RegionRef::Municipality(i));
        }
        // KOSTRA writes a county's municipalities added up as `EKAnn`.
        let county = code.strip_prefix("EKA").unwrap_or(code);
        if self.counties.iter().any(|c| c.id == county) {
            return Some(RegionRef::County(county.to_string()));
        }
        match code {
            "EAK" | "0" | "0000" => return Some(RegionRef::Country),
            "EAKUO" => return Some(RegionRef::CountryWithoutOslo),
            _ => {}
        }
        if let Some(n) = code.strip_prefix("EKG").and_then(|n| n.parse::<u8>().ok()) {
            return Some(RegionRef::KostraGroup(n));
        }
        if let Some(i) = self.councils.iter().position(|c| c.id == code) {
            return Some(RegionRef::Council(i));
        }
        if let Some(i) = self.services.iter().position(|c| c.id == code) {
            return Some(RegionRef::Service(i));
        }
        if code.len() == 4 && code.bytes().all(|b| b.is_ascii_digit()) {
            return Some(RegionRef::OtherMunicipality);
        }
        None
    }

    /// Municipalities (indices) that made up county `id` in `year`. A county
    /// stays computable in the years before it was formed and after it was
    /// dissolved, with the members of its first or last year: Hedmark (04)
    /// and Oppland (05) after 2019 as in 2019, Innlandet (34) before 2020 as
    /// the 46 municipalities that formed it, so a series runs across the
    /// 2020 reform in fixed borders.
    pub fn county_members(&self, id: &str, year: u16) -> Vec<usize> {
        let Some(c) = self.counties.iter().find(|c| c.id == id) else {
            return Vec::new();
        };
        let year = year.clamp(c.from, c.to.unwrap_or(u16::MAX).max(c.from));
        self.municipalities
            .iter()
            .enumerate()
            .filter(|(_, m)| m.county_in(year) == id)
            .map(|(i, _)| i)
            .collect()
    }

    /// The names of the municipalities a municipality shares its child
    /// welfare service with (the registry's services, members outside the
    /// 48 too); empty when it runs its own.
    pub fn service_partners(&self, id: &str) -> Vec<String> {
        let Some(s) = self
            .services
            .iter()
            .find(|s| s.members.iter().any(|m| m == id))
        else {
            return Vec::new();
        };
        s.members
            .iter()
            .filter(|x| *x != id)
            .filter_map(|x| self.municipality(x))
            .map(|x| x.name.clone())
            .chain(s.external.iter().map(|(_, n)| n.clone()))
            .collect()
    }

    /// Members (indices) of a county or regional council in `year`.
    pub fn group_members(&self, id: &str, year: u16) -> Option<Vec<usize>> {
        if self.counties.iter().any(|c| c.id == id) {
            return Some(self.county_members(id, year));
        }
        let g = self
            .councils
            .iter()
            .chain(&self.services)
            .find(|g| g.id == id)?;
        Some(
            g.members
                .iter()
                .filter_map(|m| self.municipalities.iter().position(|x| &x.id == m))
                .collect(),
        )
    }

    /// The name of a county, regional council or shared service.
    pub fn group_name(&self, id: &str) -> Option<&str> {
        self.county_name(id).or_else(|| {
            self.councils
                .iter()
                .chain(&self.services)
                .find(|g| g.id == id)
                .map(|g| g.name.as_str())
        })
    }

    pub fn county_name(&self, id: &str) -> Option<&str> {
        self.counties
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.as_str())
    }
}

/// One entry of `municipalities`, with its numbers over time.
fn municipality(m: &Obj, d: &mut Diags) -> Option<Municipality> {
    let (id, name) = (m.string("id", Required, d), m.string("name", Required, d));
    let mut numbers = Vec::new();
    for c in m.objs("codes", Optional, d) {
        let (code, from) = (c.string("code", Required, d), c.year("from", Required, d));
        let (to, county) = (c.year("to", Optional, d), c.string("county", Required, d));
        if let (Some(code), Some(from), Some(county)) = (code, from, county) {
            numbers.push(NumberPeriod {
                code,
                from,
                to,
                county,
            });
        }
    }
    let (id, name) = (id?, name?);
    if numbers.is_empty() {
        d.error(
            "REGISTRY_ENTRY",
            &m.path,
            m.start(),
            Msg::new("Kommunen har ingen nummer", "Municipality has no numbers"),
        );
        return None;
    }
    let tile = match m.get("tile") {
        None => None,
        Some(t) => {
            let xy = t.num_items().unwrap_or_default();
            match xy[..] {
                [Some(x), Some(y)]
                    if (0.0..64.0).contains(&x)
                        && (0.0..64.0).contains(&y)
                        && x.fract() == 0.0
                        && y.fract() == 0.0 =>
                {
                    Some((x as u8, y as u8))
                }
                _ => {
                    m.wrong("tile", t, Optional, Kind::Tile, d);
                    None
                }
            }
        }
    };
    Some(Municipality {
        id,
        name,
        numbers,
        council: m.string("council", Optional, d),
        council_unverified: m.flag("council_unverified", d),
        language_form: language_form(&m, d),
        kostra_group: m.string("kostra_group", Optional, d),
        tile,
    })
}

/// `"language_form"`: `bokmål`, `nynorsk` or `nøytral`.
fn language_form(m: &Obj, d: &mut Diags) -> Option<LanguageForm> {
    let form = match m.string("language_form", Optional, d)?.as_str() {
        "bokmål" => LanguageForm::Bokmal,
        "nynorsk" => LanguageForm::Nynorsk,
        "nøytral" => LanguageForm::Neutral,
        _ => {
            m.bad(
                "BAD_FIELD",
                "language_form",
                "bokmål, nynorsk eller nøytral",
                "bokmål, nynorsk or nøytral",
                d,
            );
            return None;
        }
    };
    Some(form)
}

/// The regional councils or the shared services: members are municipality
/// ids of the registry; a group without a name is named after its members.
fn groups(root: &Obj, key: &str, reg: &Registry, d: &mut Diags) -> Vec<Group> {
    let mut out = Vec::new();
    for g in root.objs(key, Optional, d) {
        let members = g.strs("members", Optional, d);
        for m in &members {
            if reg.municipality(m).is_none() {
                d.error(
                    "REGISTRY_UNKNOWN_MEMBER",
                    &g.key_path("members"),
                    g.start(),
                    Msg::new(
                        format!("Ukjent kommune {m}"),
                        format!("Unknown municipality {m}"),
                    ),
                );
            }
        }
        let mut external = Vec::new();
        for e in g.objs("external_members", Optional, d) {
            let (code, name) = (e.string("code", Required, d), e.string("name", Required, d));
            if let (Some(code), Some(name)) = (code, name) {
                external.push((code, name));
            }
        }
        let Some(id) = g.string("id", Required, d) else {
            continue;
        };
        let name = match g.string("name", Optional, d) {
            Some(name) => name,
            None => {
                let mut names: Vec<&str> = members
                    .iter()
                    .filter_map(|m| reg.municipality(m))
                    .map(|x| x.name.as_str())
                    .collect();
                names.extend(external.iter().map(|(_, n)| n.as_str()));
                names.join(", ")
            }
        };
        out.push(Group {
            id,
            name,
            members,
            external,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_registry_reads_clean() {
        let (reg, diags) = Registry::parse(BUNDLED).unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(reg.municipalities.len(), 48);
        assert_eq!(reg.councils.len(), 10);
        let members: usize = reg.councils.iter().map(|c| c.members.len()).sum();
        assert_eq!(members, 48, "every municipality is in exactly one council");
        let mut tiles: Vec<(u8, u8)> = reg
            .municipalities
            .iter()
            .map(|m| m.tile.expect("every municipality has a tile"))
            .collect();
        tiles.sort();
        tiles.dedup();
        assert_eq!(tiles.len(), 48, "no two municipalities share a tile");
    }

    #[test]
    fn a_municipality_is_compared_with_its_kostra_group() {
        let src = r#"{"format": "innsyn-regions/1", "municipalities": [
            {"id": "3403", "name": "Hamar", "kostra_group": "EKG13", "codes": [{"code": "3403", "from": 2020, "county": "34"}]},
            {"id": "3412", "name": "Løten", "codes": [{"code": "3412", "from": 2020, "county": "34"}]}]}"#;
        let (reg, diags) = Registry::parse(src).unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        let catalog = ["EAKUO".to_string()];
        assert_eq!(
            reg.municipalities[0].comparisons(&catalog),
            ["EAKUO", "EKG13"]
        );
        assert_eq!(reg.municipalities[1].comparisons(&catalog), ["EAKUO"]);
        assert_eq!(
            reg.municipalities[0].comparisons(&["EKG13".into()]),
            ["EKG13"]
        );
    }

    #[test]
    fn a_written_standard_is_one_of_three() {
        let src = r#"{"format": "innsyn-regions/1", "municipalities": [
            {"id": "3433", "name": "Skjåk", "language_form": "nynorsk", "codes": [{"code": "3433", "from": 2020, "county": "34"}]},
            {"id": "3412", "name": "Løten", "language_form": "svensk", "codes": [{"code": "3412", "from": 2020, "county": "34"}]}]}"#;
        let (reg, diags) = Registry::parse(src).unwrap();
        let forms: Vec<_> = reg.municipalities.iter().map(|m| m.language_form).collect();
        assert_eq!(forms, [Some(LanguageForm::Nynorsk), None]);
        let codes: Vec<_> = diags.iter().map(|d| (d.code, d.path.as_str())).collect();
        assert_eq!(codes, [("BAD_FIELD", "$.municipalities[1].language_form")]);
    }

    #[test]
    fn numbers_resolve_across_renumbering() {
        let reg = Registry::bundled();
        let lunner = |c: &str| match reg.resolve(c) {
            Some(RegionRef::Municipality(i)) => reg.municipalities[i].name.clone(),
            other => format!("{other:?}"),
        };
        assert_eq!(lunner("0533"), "Lunner");
        assert_eq!(lunner("3054"), "Lunner");
        assert_eq!(lunner("3234"), "Lunner");
        assert_eq!(lunner("K-0412"), "Ringsaker");
        let l = reg.municipality("3234").unwrap();
        assert_eq!(
            (l.code_in(2018), l.code_in(2021), l.code_in(2024)),
            ("0533", "3054", "3234")
        );
        assert_eq!(
            (l.county_in(2018), l.county_in(2021), l.county_in(2025)),
            ("05", "30", "32")
        );
        assert_eq!(reg.resolve("EAKUO"), Some(RegionRef::CountryWithoutOslo));
        assert_eq!(reg.resolve("EKG16"), Some(RegionRef::KostraGroup(16)));
        assert_eq!(reg.resolve("0301"), Some(RegionRef::OtherMunicipality));
        assert_eq!(reg.resolve("9x"), None);
    }

    #[test]
    fn counties_over_time() {
        let reg = Registry::bundled();
        assert_eq!(reg.county_members("04", 2018).len(), 22);
        assert_eq!(reg.county_members("05", 2018).len(), 26);
        assert_eq!(
            reg.county_members("04", 2022).len(),
            22,
            "Hedmark stays computable after 2020"
        );
        assert_eq!(
            reg.county_members("34", 2018),
            reg.county_members("34", 2020),
            "Innlandet before 2020: the 46 that formed it"
        );
        assert_eq!(
            reg.county_members("34", 2021).len(),
            46,
            "Lunner and Jevnaker went to Viken"
        );
        assert_eq!(reg.county_members("32", 2024).len(), 2);
        assert_eq!(reg.group_members("hadeland", 2024).unwrap().len(), 3);
        assert_eq!(reg.group_name("04"), Some("Hedmark"));
        assert_eq!(reg.group_name("hamarregionen"), Some("Hamarregionen"));
        assert_eq!(reg.group_members("nope", 2024), None);
    }
}

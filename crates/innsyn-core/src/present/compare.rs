//! What a region is compared with: the county a figure is drawn against,
//! and the comparison lines (counties computed, regions as published).

use crate::aggregate::Rule;
use crate::i18n::Lang;
use crate::model::Dataset;
use crate::registry::{RegionRef, Registry};

use super::group_series;
use crate::model::period_year;

/// The groups a region's figure is drawn against, each computed from its
/// members: a municipality against the county it belonged to before 2020
/// (Hedmark or Oppland), Innlandet and its regional council; a regional
/// council against the county of its members and Innlandet; Hedmark and
/// Oppland against Innlandet. Innlandet itself is compared with the
/// country, as published. A scenario's members: see `cooperation::counties`.
pub fn comparison_groups(registry: &Registry, region: &str) -> Vec<String> {
    const INNLANDET: &str = "34";
    let mut out: Vec<String> = match registry.resolve(region) {
        Some(RegionRef::Municipality(i)) => {
            let m = &registry.municipalities[i];
            [Some(m.old_county()), Some(INNLANDET), m.council.as_deref()]
                .into_iter()
                .flatten()
                .map(str::to_string)
                .collect()
        }
        Some(RegionRef::Council(i)) => registry.councils[i]
            .members
            .first()
            .and_then(|m| registry.municipality(m))
            .map(|m| vec![m.old_county().to_string(), INNLANDET.to_string()])
            .unwrap_or_default(),
        Some(RegionRef::County(c)) if c == "04" || c == "05" => vec![INNLANDET.to_string()],
        _ => Vec::new(),
    };
    out.retain(|g| registry.group_name(g).is_some());
    out
}

/// A region's figures as the file publishes them (e.g. `EAKUO`), per period.
pub fn published_series(ds: &Dataset, code: &str) -> Option<Vec<(String, Option<f64>)>> {
    let (t, r) = (ds.time_dim()?, ds.region_dim()?);
    let ri = ds.dims[r].position(code)?;
    let m = ds.metric_dim();
    Some(
        ds.dims[t]
            .categories
            .iter()
            .enumerate()
            .map(|(ti, c)| {
                let mut coords = vec![0; ds.dims.len()];
                coords[t] = ti;
                coords[r] = ri;
                if let Some(m) = m {
                    coords[m] = 0;
                }
                (
                    c.id.clone(),
                    ds.index_of(&coords).and_then(|i| ds.values.get(i)),
                )
            })
            .collect(),
    )
}

/// A named line of a chart: (name, value per period).
pub type Line = (String, Vec<(String, Option<f64>)>);

/// The lines a computed figure is drawn against: the `groups` (counties
/// and councils computed the same way, "Hedmark (beregnet)") and the
/// catalog's comparison regions as the file publishes them. Only for rates:
/// a region's count of årsverk next to the country's would say nothing.
pub fn comparison_lines(
    ds: &Dataset,
    registry: &Registry,
    groups: &[String],
    comparisons: &[String],
    lang: Lang,
) -> Vec<Line> {
    let rule = ds.meta.as_ref().map_or(Rule::NotCombinable, |m| m.rule());
    if !matches!(rule, Rule::Ratio { .. }) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for g in groups {
        let series = group_series(ds, registry, rule, &|y| {
            registry.group_members(g, y).unwrap_or_default()
        });
        out.push((
            format!(
                "{} ({})",
                registry.group_name(g).unwrap_or(g),
                crate::aggregate::computed_label(lang)
            ),
            series.into_iter().map(|(p, c)| (p, c.value)).collect(),
        ));
    }
    for code in comparisons {
        if let Some(series) = published_series(ds, code) {
            out.push((
                comparison_name(code, registry, lang),
                kostra_cut(code, registry, series),
            ));
        }
    }
    out
}

/// A KOSTRA group's published figures only from the year the registry's
/// grouping applies: before it, SSB's group of that number had other members.
pub fn kostra_cut(
    code: &str,
    registry: &Registry,
    series: Vec<(String, Option<f64>)>,
) -> Vec<(String, Option<f64>)> {
    match (registry.resolve(code), &registry.kostra_groups) {
        (Some(crate::registry::RegionRef::KostraGroup(_)), Some((from, _))) => series
            .into_iter()
            .map(|(p, v)| {
                let v = v.filter(|_| period_year(&p) >= *from);
                (p, v)
            })
            .collect(),
        _ => series,
    }
}

/// The name of a comparison region code: "Landet uten Oslo", "KOSTRA-gruppe 13" …
pub fn comparison_name(code: &str, registry: &Registry, lang: Lang) -> String {
    use crate::registry::RegionRef;
    match registry.resolve(code) {
        Some(RegionRef::Country) => match lang {
            Lang::En => "Norway".into(),
            _ => "Landet".into(),
        },
        Some(RegionRef::CountryWithoutOslo) => match lang {
            Lang::En => "Norway excluding Oslo".into(),
            Lang::Nn => "Landet utan Oslo".into(),
            Lang::Nb => "Landet uten Oslo".into(),
        },
        Some(RegionRef::KostraGroup(n)) => {
            let name = match lang {
                Lang::En => format!("KOSTRA group {n}"),
                _ => format!("KOSTRA-gruppe {n}"),
            };
            match &registry.kostra_groups {
                Some((_, classification)) => format!("{name} ({})", classification.get(lang)),
                None => name,
            }
        }
        _ => registry.group_name(code).unwrap_or(code).to_string(),
    }
}

/// The region dashboards there are: the counties (Hedmark, Oppland,
/// Innlandet) and the regional councils, as (id, name).
pub fn region_groups(registry: &Registry) -> (Vec<(String, String)>, Vec<(String, String)>) {
    let counties = ["04", "05", "34"]
        .iter()
        .filter_map(|id| {
            registry
                .county_name(id)
                .map(|n| (id.to_string(), n.to_string()))
        })
        .collect();
    let councils = registry
        .councils
        .iter()
        .map(|c| (c.id.clone(), c.name.clone()))
        .collect();
    (counties, councils)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_are_drawn_against_their_county_innlandet_and_council() {
        let reg = Registry::bundled();
        assert_eq!(comparison_groups(&reg, "hadeland"), ["05", "34"]);
        assert_eq!(comparison_groups(&reg, "hamarregionen"), ["04", "34"]);
        // Hamar under its 2018 and its 2024 number.
        assert_eq!(
            comparison_groups(&reg, "0403"),
            ["04", "34", "hamarregionen"]
        );
        assert_eq!(
            comparison_groups(&reg, "3403"),
            ["04", "34", "hamarregionen"]
        );
        // Lunner was in Oppland until 2020, and is in Hadeland.
        assert_eq!(comparison_groups(&reg, "3234"), ["05", "34", "hadeland"]);
        assert_eq!(comparison_groups(&reg, "04"), ["34"]);
        assert!(comparison_groups(&reg, "34").is_empty());
        assert!(comparison_groups(&reg, "atlantis").is_empty());
    }

    #[test]
    fn comparison_regions_are_drawn_as_published_and_named() {
        let reg = Registry::bundled();
        let src = r#"{"format": "innsyn-indicator/1", "id": "r", "title": "T", "description": "d", "unit": "u", "source": "S",
            "rate": {"per": 1000, "numerator": "n", "denominator": "d"}, "values": [
            {"region": "EAK", "period": "2023", "value": 40}, {"region": "EAK", "period": "2024", "value": 41},
            {"region": "EAKUO", "period": "2024", "value": 39},
            {"region": "EKG13", "period": "2023", "value": 30}, {"region": "EKG13", "period": "2024", "value": 31},
            {"region": "3401", "period": "2024", "value": 35, "numerator": 35, "denominator": 1000}]}"#;
        let ds = crate::read::read_str(src, &reg).unwrap().datasets.remove(0);
        let codes = [
            "EAK".to_string(),
            "EAKUO".into(),
            "EKG13".into(),
            "EKG99".into(),
        ];
        let lines = |lang| comparison_lines(&ds, &reg, &[], &codes, lang);
        let pts =
            |v: [Option<f64>; 2]| vec![("2023".to_string(), v[0]), ("2024".to_string(), v[1])];
        // The KOSTRA group only from the year the registry's grouping applies
        // (2024): before it SSB's group of that number had other members.
        assert_eq!(
            lines(Lang::Nb),
            vec![
                ("Landet".to_string(), pts([Some(40.0), Some(41.0)])),
                ("Landet uten Oslo".to_string(), pts([None, Some(39.0)])),
                (
                    "KOSTRA-gruppe 13 (KOSTRA-grupper fra 2024-tallene)".to_string(),
                    pts([None, Some(31.0)])
                ),
            ]
        );
        let names: Vec<String> = lines(Lang::En).into_iter().map(|(n, _)| n).collect();
        assert_eq!(
            names,
            [
                "Norway",
                "Norway excluding Oslo",
                "KOSTRA group 13 (KOSTRA groups from the 2024 figures)"
            ]
        );
        assert_eq!(comparison_name("EAKUO", &reg, Lang::Nn), "Landet utan Oslo");
        assert_eq!(comparison_name("hadeland", &reg, Lang::En), "Hadeland");
        // A count is compared with nothing.
        let mut count = ds.clone();
        count.meta.as_mut().unwrap().rate = None;
        count.meta.as_mut().unwrap().summable = true;
        assert!(comparison_lines(&count, &reg, &["04".into()], &codes, Lang::Nb).is_empty());
    }

    #[test]
    fn the_dashboards_are_three_counties_and_the_councils() {
        let reg = Registry::bundled();
        let (counties, councils) = region_groups(&reg);
        let names: Vec<&str> = counties.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(names, ["Hedmark", "Oppland", "Innlandet"]);
        assert_eq!(councils.len(), reg.councils.len());
        assert!(councils
            .iter()
            .any(|(id, n)| id == "hadeland" && n == "Hadeland"));
    }
}

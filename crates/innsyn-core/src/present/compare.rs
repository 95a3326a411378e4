//! What a region is compared with: the county a figure is drawn against.

use crate::registry::{RegionRef, Registry};

/// The counties (old county ids, "04"/"05") a region's figure is drawn
/// against: a regional council against the county of its members, a
/// municipality against the county it belonged to before 2020 (Hedmark or
/// Oppland); a county has none of its own (it is compared with the
/// country). A scenario's members: see `cooperation::counties`.
pub fn comparison_counties(registry: &Registry, region: &str) -> Vec<String> {
    if let Some(c) = registry.councils.iter().find(|c| c.id == region) {
        return c
            .members
            .first()
            .and_then(|m| registry.municipality(m))
            .map(|m| m.old_county().to_string())
            .into_iter()
            .collect();
    }
    match registry.resolve(region) {
        Some(RegionRef::Municipality(i)) => {
            vec![registry.municipalities[i].old_county().to_string()]
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn councils_and_municipalities_are_drawn_against_their_county() {
        let reg = Registry::bundled();
        assert_eq!(comparison_counties(&reg, "hadeland"), ["05"]);
        assert_eq!(comparison_counties(&reg, "hamarregionen"), ["04"]);
        // Hamar under its 2018 and its 2024 number.
        assert_eq!(comparison_counties(&reg, "0403"), ["04"]);
        assert_eq!(comparison_counties(&reg, "3403"), ["04"]);
        // Lunner was in Oppland until 2020.
        assert_eq!(comparison_counties(&reg, "3234"), ["05"]);
        assert!(comparison_counties(&reg, "04").is_empty());
        assert!(comparison_counties(&reg, "atlantis").is_empty());
    }
}

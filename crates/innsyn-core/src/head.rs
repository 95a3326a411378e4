//! What a page calls itself: its `<title>` and its description, in its
//! language, from the page's query alone (and the registry's and catalog's
//! names), so the app sets them when it navigates and a rendered page
//! carries them without running anything. Every page a site publishes has
//! its own title (WCAG 2.1 2.4.2; tested over `route::published_pages`).
//! The rendered page puts its first figure's sentence before the
//! description (`scripts/render.mjs`): a figure the page shows.

use crate::catalog::Catalog;
use crate::i18n::{and_list, T};
use crate::query::{Query, View};
use crate::registry::{RegionRef, Registry};
use crate::report::Subject;

/// The region dashboard a link that names none shows: Hedmark.
pub const DEFAULT_REGION: &str = "04";
/// The municipality profile a link that names none shows: Hamar.
pub const DEFAULT_MUNICIPALITY: &str = "3403";

/// A page's title and description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub title: String,
    pub description: String,
}

/// The title and description of the page `q` shows. `catalog` names the
/// indicators (`None` while it loads: the indicator's id stands in).
pub fn head(q: &Query, registry: &Registry, catalog: Option<&Catalog>) -> Head {
    let lang = q.lang;
    let region = |default: &str| q.region.clone().unwrap_or_else(|| default.to_string());
    let (title, description) = match q.view {
        View::Overview => (
            T::Tagline.get(lang).to_string(),
            T::DescOverview.get(lang).to_string(),
        ),
        View::Region => {
            let id = region(DEFAULT_REGION);
            let name = registry.group_name(&id).unwrap_or(&id).to_string();
            (
                T::TitleInFigures.fill(lang, &name),
                T::DescRegion.fill(lang, &name),
            )
        }
        View::Municipality => {
            let id = region(DEFAULT_MUNICIPALITY);
            let name = match registry.resolve(&id) {
                Some(RegionRef::Municipality(i)) => registry.municipalities[i].name.clone(),
                _ => id,
            };
            (
                T::TitleInFigures.fill(lang, &name),
                T::DescMunicipality.fill(lang, &name),
            )
        }
        View::Indicator => {
            let def = catalog.and_then(|c| match &q.indicator {
                Some(id) => c.indicators.iter().find(|i| &i.id == id),
                None => c.indicators.first(),
            });
            let name = def
                .and_then(|d| d.overrides.title.as_ref())
                .map(|t| t.get(lang).to_string())
                .or_else(|| def.map(|d| d.id.clone()))
                .or_else(|| q.indicator.clone())
                .unwrap_or_else(|| T::NavIndicators.get(lang).to_string());
            let description = def
                .and_then(|d| d.overrides.description.as_ref())
                .map(|t| first_sentence(t.get(lang)))
                .unwrap_or_else(|| T::DescIndicator.fill(lang, &name));
            (T::TitleIndicator.fill(lang, &name), description)
        }
        View::Cooperation => {
            let names: Vec<String> = q
                .members
                .iter()
                .filter_map(|m| match registry.resolve(m)? {
                    RegionRef::Municipality(i) => Some(registry.municipalities[i].name.clone()),
                    _ => None,
                })
                .collect();
            let title = T::CooperationTitle.get(lang);
            let title = if names.is_empty() {
                title.to_string()
            } else {
                format!("{title} {}", and_list(&names, lang))
            };
            (title, T::DescCooperation.get(lang).to_string())
        }
        View::Validate => (
            T::ValidateTitle.get(lang).to_string(),
            T::DescValidate.get(lang).to_string(),
        ),
        View::Accessibility => (
            T::NavAccessibility.get(lang).to_string(),
            T::DescAccessibility.get(lang).to_string(),
        ),
        View::Report => {
            let id = region(DEFAULT_MUNICIPALITY);
            let name = Subject::find(registry, &id)
                .map(|s| s.name(registry, lang))
                .unwrap_or(id);
            (
                T::TitleReport.fill(lang, &name),
                T::DescReport.fill(lang, &name),
            )
        }
    };
    let title = if q.embed {
        T::TitleEmbedded.fill(lang, &title)
    } else {
        title
    };
    Head {
        title: format!("{title} – {}", T::AppName.get(lang)),
        description,
    }
}

/// The first sentence of a text: up to the first «. » followed by a
/// capital (not an ordinal, «1. januar»), or all of it.
fn first_sentence(text: &str) -> String {
    let text = text.trim();
    let end = text
        .match_indices(". ")
        .map(|(i, _)| i)
        .find(|&i| text[i + 2..].chars().next().is_some_and(char::is_uppercase));
    match end {
        Some(i) => text[..=i].to_string(),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route::{published_pages, to_path};
    use std::collections::HashMap;

    fn bundled() -> (Registry, Catalog) {
        let src = include_str!("../../../public/data/catalog.json");
        let (catalog, _) = crate::catalog::parse(src, "data/catalog.json").unwrap();
        (Registry::bundled(), catalog)
    }

    #[test]
    fn pages_name_their_subject_in_their_language() {
        let (reg, cat) = bundled();
        let page = |query: &str| head(&Query::parse(query), &reg, Some(&cat));
        assert_eq!(
            page("view=municipality&region=3411").title,
            "Ringsaker – barnevern i tall – Innsyn"
        );
        // Any number the municipality has had.
        assert_eq!(
            page("view=municipality&region=0412&lang=nn").title,
            "Ringsaker – barnevern i tal – Innsyn"
        );
        assert_eq!(
            page("view=region&region=34&lang=en").title,
            "Innlandet – child welfare in figures – Innsyn"
        );
        assert_eq!(
            page("view=report&region=bv-dovre-lesja").title,
            "Tilstandsrapport om barnevernstjenesten – Barnevernstjenesten for Dovre og Lesja – Innsyn"
        );
        assert_eq!(
            page("view=indicator&indicator=aarsverk&lang=en").title,
            "Child welfare staff (full-time equivalents) – all municipalities – Innsyn"
        );
        assert_eq!(
            page("view=cooperation&members=3407,3447,3448").title,
            "Hva om vi slo oss sammen? Gjøvik, Søndre Land og Nordre Land – Innsyn"
        );
        assert_eq!(
            page("view=municipality&region=3411&embed=1").title,
            "Ringsaker – barnevern i tall (innebygd versjon) – Innsyn"
        );
        let m = page("view=municipality&region=3411&lang=en");
        assert!(m.description.contains("Ringsaker"), "{}", m.description);
        // What a link names that does not exist still titles its page.
        assert_eq!(
            page("view=municipality&region=9999").title,
            "9999 – barnevern i tall – Innsyn"
        );
    }

    #[test]
    fn every_published_page_has_a_title_of_its_own_and_a_description() {
        let (reg, cat) = bundled();
        let mut seen: HashMap<String, String> = HashMap::new();
        for q in published_pages(&cat, &reg) {
            let path = to_path(&q).unwrap();
            let h = head(&q, &reg, Some(&cat));
            assert!(!h.description.trim().is_empty(), "{path}: no description");
            assert!(h.description.len() <= 300, "{path}: {}", h.description);
            if let Some(other) = seen.insert(h.title.clone(), path.clone()) {
                panic!("{path} and {other} are both titled «{}»", h.title);
            }
        }
        assert!(seen.len() > 600);
    }

    #[test]
    fn the_first_sentence_of_a_description() {
        assert_eq!(first_sentence(" Antall barn. Fra SSB. "), "Antall barn.");
        assert_eq!(first_sentence("Per 1. januar. Fra SSB."), "Per 1. januar.");
        assert_eq!(first_sentence("F.eks. slik"), "F.eks. slik");
    }
}

//! Whom a report is about: a municipality, or a shared child welfare
//! service as its members together; its name, file names and languages.

use crate::i18n::{and_list, Lang};
use crate::registry::{LanguageForm, RegionRef, Registry};

/// Whom a report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// A municipality (index into `Registry::municipalities`).
    Municipality(usize),
    /// A shared child welfare service of the registry (index into
    /// `Registry::services`): its members together.
    Service(usize),
}

impl Subject {
    /// The subject an id names: a municipality by any number it has had,
    /// or a shared service by its id.
    pub fn find(registry: &Registry, id: &str) -> Option<Subject> {
        match registry.resolve(id)? {
            RegionRef::Municipality(i) => Some(Subject::Municipality(i)),
            RegionRef::Service(i) => Some(Subject::Service(i)),
            _ => None,
        }
    }

    /// Every municipality, then every shared service.
    pub fn all(registry: &Registry) -> Vec<Subject> {
        let m = (0..registry.municipalities.len()).map(Subject::Municipality);
        m.chain((0..registry.services.len()).map(Subject::Service))
            .collect()
    }

    /// Its id in links and file names: the municipality's number from
    /// 2024, or the service's id.
    pub fn id(self, registry: &Registry) -> &str {
        match self {
            Subject::Municipality(i) => &registry.municipalities[i].id,
            Subject::Service(i) => &registry.services[i].id,
        }
    }

    /// «Hamar kommune», «Barnevernstjenesten for Gjøvik, Søndre Land og
    /// Nordre Land».
    pub fn name(self, registry: &Registry, lang: Lang) -> String {
        match self {
            Subject::Municipality(i) => {
                let n = &registry.municipalities[i].name;
                match lang {
                    Lang::En => format!("{n} municipality"),
                    _ => format!("{n} kommune"),
                }
            }
            Subject::Service(i) => {
                let names = self.all_names(registry, i);
                let names = and_list(&names, lang);
                match lang {
                    Lang::Nb => format!("Barnevernstjenesten for {names}"),
                    Lang::Nn => format!("Barnevernstenesta for {names}"),
                    Lang::En => format!("The child welfare service of {names}"),
                }
            }
        }
    }

    /// The name of its Word document in `lang`:
    /// `tilstandsrapport-hamar-nb.docx`, `tilstandsrapport-bv-dovre-lesja-nn.docx`.
    pub fn file_name(self, registry: &Registry, lang: Lang) -> String {
        let short = match self {
            Subject::Municipality(i) => &registry.municipalities[i].name,
            Subject::Service(i) => &registry.services[i].id,
        };
        crate::export::file_name(&["tilstandsrapport", short, lang.code()], "docx")
    }

    /// A service's members by name, those outside Hedmark and Oppland too.
    fn all_names(self, registry: &Registry, service: usize) -> Vec<String> {
        let g = &registry.services[service];
        let inside = self
            .members(registry)
            .into_iter()
            .map(|m| registry.municipalities[m].name.clone());
        inside
            .chain(g.external.iter().map(|(_, n)| n.clone()))
            .collect()
    }

    /// The municipalities its figures are of (registry indices).
    pub fn members(self, registry: &Registry) -> Vec<usize> {
        match self {
            Subject::Municipality(i) => vec![i],
            Subject::Service(i) => {
                crate::cooperation::members(registry, &registry.services[i].members).0
            }
        }
    }

    /// The languages its report is written in, its official written
    /// standard first: a nynorsk municipality's in nynorsk, a bokmål one's
    /// in bokmål, a neutral one's in bokmål and nynorsk; a service's in
    /// its members' common standard (both when they differ or one is
    /// neutral); every report also in English.
    pub fn languages(self, registry: &Registry) -> Vec<Lang> {
        let forms: Vec<Option<LanguageForm>> = self
            .members(registry)
            .iter()
            .map(|&m| registry.municipalities[m].language_form)
            .collect();
        let has = |f| forms.contains(&Some(f));
        let (nn, nb) = (has(LanguageForm::Nynorsk), has(LanguageForm::Bokmal));
        let both = forms.is_empty()
            || forms
                .iter()
                .any(|f| matches!(f, None | Some(LanguageForm::Neutral)))
            || (nn && nb);
        let mut out = vec![if nn && !nb { Lang::Nn } else { Lang::Nb }];
        if both {
            out.push(if out[0] == Lang::Nn {
                Lang::Nb
            } else {
                Lang::Nn
            });
        }
        out.push(Lang::En);
        out
    }
}

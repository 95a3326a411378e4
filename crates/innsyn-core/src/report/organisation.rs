//! Chapter 3, the service and its organisation, from the registry: who
//! runs the service, with whom, its size and what changed.

use crate::i18n::{and_list, format_number, Lang};
use crate::registry::{LanguageForm, Registry};

use super::{w, Block, Data, Subject};

/// Chapter 3's facts from the registry: numbers, county, regional council,
/// shared service, KOSTRA group, written standard, children 0–17.
pub(super) fn chapter(
    registry: &Registry,
    data: &Data,
    subject: Subject,
    lang: Lang,
) -> Vec<Block> {
    let mut terms = Vec::new();
    let members = subject.members(registry);
    match subject {
        Subject::Municipality(i) => {
            let m = &registry.municipalities[i];
            let numbers: Vec<String> = m
                .numbers
                .iter()
                .map(|n| match n.to {
                    Some(to) => format!("{} ({}–{to})", n.code, n.from),
                    None => format!("{} ({} →)", n.code, n.from),
                })
                .collect();
            terms.push((
                w(
                    lang,
                    "Kommunenummer",
                    "Kommunenummer",
                    "Municipality number",
                ),
                numbers.join(", "),
            ));
            terms.push((
                w(lang, "Fylke", "Fylke", "County"),
                format!(
                    "{} → {}",
                    registry.county_name(m.old_county()).unwrap_or_default(),
                    registry.county_name(m.county_in(2024)).unwrap_or_default()
                ),
            ));
            let partners = registry.service_partners(&m.id);
            terms.push((
                w(lang, "Barnevernstjeneste", "Barnevernsteneste", "Child welfare service"),
                match (partners.is_empty(), lang) {
                    (true, Lang::Nb) => "Egen tjeneste (registeret per 23.02.2021; kontroller at det stemmer i dag)".to_string(),
                    (true, Lang::Nn) => "Eiga teneste (registeret per 23.02.2021; kontroller at det stemmer i dag)".to_string(),
                    (true, Lang::En) => "Its own service (register of 23.02.2021; check that it still holds)".to_string(),
                    (false, Lang::Nb) => format!("Interkommunal, med {} (registeret per 23.02.2021; kontroller at det stemmer i dag)", and_list(&partners, lang)),
                    (false, Lang::Nn) => format!("Interkommunal, med {} (registeret per 23.02.2021; kontroller at det stemmer i dag)", and_list(&partners, lang)),
                    (false, Lang::En) => format!("Inter-municipal, with {} (register of 23.02.2021; check that it still holds)", and_list(&partners, lang)),
                },
            ));
            if let Some(form) = m.language_form {
                let f = match form {
                    LanguageForm::Bokmal => w(lang, "bokmål", "bokmål", "Bokmål"),
                    LanguageForm::Nynorsk => w(lang, "nynorsk", "nynorsk", "Nynorsk"),
                    LanguageForm::Neutral => w(lang, "nøytral", "nøytral", "neutral"),
                };
                terms.push((w(lang, "Målform", "Målform", "Written standard"), f));
            }
        }
        Subject::Service(i) => {
            let g = &registry.services[i];
            let mut names: Vec<String> = members
                .iter()
                .map(|&m| registry.municipalities[m].name.clone())
                .collect();
            names.extend(g.external.iter().map(|(_, n)| {
                format!(
                    "{n} ({})",
                    w(
                        lang,
                        "utenfor Hedmark og Oppland",
                        "utanfor Hedmark og Oppland",
                        "outside Hedmark and Oppland"
                    )
                )
            }));
            terms.push((
                w(
                    lang,
                    "Kommunene i tjenesten",
                    "Kommunane i tenesta",
                    "Municipalities in the service",
                ),
                format!(
                    "{} ({})",
                    and_list(&names, lang),
                    w(
                        lang,
                        "registeret per 23.02.2021",
                        "registeret per 23.02.2021",
                        "register of 23.02.2021"
                    )
                ),
            ));
        }
    }
    let mut councils: Vec<String> = Vec::new();
    let mut groups: Vec<String> = Vec::new();
    for &m in &members {
        let mu = &registry.municipalities[m];
        if let Some(c) = mu.council.as_deref().and_then(|c| registry.group_name(c)) {
            if !councils.iter().any(|x| x == c) {
                councils.push(c.to_string());
            }
        }
        if let Some(g) = &mu.kostra_group {
            let name = crate::present::comparison_name(g, registry, lang);
            if !groups.contains(&name) {
                groups.push(name);
            }
        }
    }
    if !councils.is_empty() {
        terms.push((
            w(lang, "Regionråd", "Regionråd", "Regional council"),
            and_list(&councils, lang),
        ));
    }
    if !groups.is_empty() {
        terms.push((
            w(lang, "KOSTRA-gruppe", "KOSTRA-gruppe", "KOSTRA group"),
            and_list(&groups, lang),
        ));
    }
    // Children and staff, where the files have them: the latest year.
    for (id, label) in [
        (
            "innbyggere-0-17",
            w(
                lang,
                "Innbyggere 0–17 år",
                "Innbyggarar 0–17 år",
                "Inhabitants aged 0–17",
            ),
        ),
        (
            "aarsverk",
            w(
                lang,
                "Årsverk i barnevernstjenesten",
                "Årsverk i barnevernstenesta",
                "Child welfare staff (full-time equivalents)",
            ),
        ),
    ] {
        let value = data.get(id).and_then(|ds| {
            let series = crate::cooperation::series(ds, registry, &members);
            let (p, c) = series.iter().rev().find(|(_, c)| c.is_complete())?;
            let decimals = ds.meta.as_ref().map_or(0, |m| m.decimals);
            Some(format!("{} ({p})", format_number(c.value?, decimals, lang)))
        });
        terms.push((
            label,
            value.unwrap_or_else(|| {
                w(
                    lang,
                    "ikke i filene Innsyn har – fyll inn",
                    "ikkje i filene Innsyn har – fyll inn",
                    "not in the files Innsyn holds – fill in",
                )
            }),
        ));
    }
    vec![Block::Terms(terms)]
}

//! Gross beside net: where a municipality's gross expenditure parts ways
//! with its net, the figures are shown as published with what the
//! accounts cannot say themselves — the likely reason. A host municipality
//! of a shared service books the whole service's costs as gross and the
//! other members' payments as income; net is the comparable figure.

use crate::i18n::{format_number, Lang};
use crate::model::Dataset;
use crate::registry::Registry;

use super::municipality_series;

/// The notes on a municipality's gross figures: the years gross is more
/// than `above` times net, with the shared service it belongs to (by the
/// registry) as the likely reason or, without one, income such as refunds;
/// and the years net is above gross, shown as published.
pub fn gross_notes(
    gross: &Dataset,
    net: &Dataset,
    registry: &Registry,
    muni: usize,
    above: f64,
    lang: Lang,
) -> Vec<String> {
    let net: Vec<_> = municipality_series(net, registry, muni);
    let (mut high, mut low) = (Vec::new(), Vec::new());
    for (p, g) in municipality_series(gross, registry, muni) {
        let n = net.iter().find(|(q, _)| *q == p).and_then(|(_, n)| n.value);
        match (g.value, n) {
            (Some(g), Some(n)) if n > 0.0 && g > above * n => high.push(p),
            (Some(g), Some(n)) if n > g => low.push(p),
            _ => {}
        }
    }
    let m = &registry.municipalities[muni];
    let mut out = Vec::new();
    if !high.is_empty() {
        let (ys, x) = (
            crate::i18n::and_list(&high, lang),
            format_number(above, 1, lang),
        );
        let partners = registry.service_partners(&m.id);
        out.push(match (partners.is_empty(), lang) {
            (false, Lang::Nb) => format!("{ys}: brutto er mer enn {x} ganger netto. {} deler barnevernstjeneste med {} (registeret per februar 2021). Vertskommunen i et slikt samarbeid fører utgiftene til hele tjenesten som brutto og det de andre betaler som inntekt; det er trolig grunnen. Netto er tallet som kan sammenlignes.", m.name, partners.join(", ")),
            (false, Lang::Nn) => format!("{ys}: brutto er meir enn {x} gonger netto. {} deler barnevernsteneste med {} (registeret per februar 2021). Vertskommunen i eit slikt samarbeid fører utgiftene til heile tenesta som brutto og det dei andre betaler som inntekt; det er truleg grunnen. Netto er talet som kan samanliknast.", m.name, partners.join(", ")),
            (false, Lang::En) => format!("{ys}: gross is more than {x} times net. {} shares its child welfare service with {} (register of February 2021). The host municipality of such a service books the whole service's costs as gross and what the others pay as income; that is the likely reason. Net is the comparable figure.", m.name, partners.join(", ")),
            (true, Lang::Nb) => format!("{ys}: brutto er mer enn {x} ganger netto: kommunen har store inntekter på barnevernet, for eksempel refusjoner eller betaling fra andre kommuner. Netto er tallet som kan sammenlignes."),
            (true, Lang::Nn) => format!("{ys}: brutto er meir enn {x} gonger netto: kommunen har store inntekter på barnevernet, til dømes refusjonar eller betaling frå andre kommunar. Netto er talet som kan samanliknast."),
            (true, Lang::En) => format!("{ys}: gross is more than {x} times net: the municipality has large income on child welfare, such as refunds or payments from other municipalities. Net is the comparable figure."),
        });
    }
    if !low.is_empty() {
        let ys = crate::i18n::and_list(&low, lang);
        out.push(match lang {
            Lang::Nb => format!("{ys}: netto er høyere enn brutto. Slik er tallene publisert av SSB; Innsyn retter dem ikke."),
            Lang::Nn => format!("{ys}: netto er høgare enn brutto. Slik er tala publiserte av SSB; Innsyn rettar dei ikkje."),
            Lang::En => format!("{ys}: net is above gross. That is how SSB published the figures; Innsyn does not correct them."),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A cube of one municipality (Hamar) over three years.
    fn cube(id: &str, values: [f64; 3]) -> Dataset {
        let rows: Vec<String> = ["2020", "2021", "2022"]
            .iter()
            .zip(values)
            .map(|(p, v)| format!(r#"{{"region": "3403", "period": "{p}", "value": {v}}}"#))
            .collect();
        let src = format!(
            r#"{{"format": "innsyn-indicator/1", "id": "{id}", "title": "t", "description": "d",
                "unit": "1 000 kr", "source": "SSB", "aggregation": "sum", "values": [{}]}}"#,
            rows.join(",")
        );
        let reg = Registry::bundled();
        crate::read::read_str(&src, &reg)
            .unwrap()
            .datasets
            .remove(0)
    }

    #[test]
    fn a_note_only_beyond_the_ratio_and_where_net_is_above_gross() {
        let reg = Registry::bundled();
        let hamar = reg
            .municipalities
            .iter()
            .position(|m| m.id == "3403")
            .unwrap();
        // 2020: exactly 1.5 times; 2021: more; 2022: net equal to gross.
        let gross = cube("g", [300.0, 301.0, 200.0]);
        let net = cube("n", [200.0, 200.0, 200.0]);
        let notes = gross_notes(&gross, &net, &reg, hamar, 1.5, Lang::En);
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(
            notes[0].starts_with("2021: gross is more than 1.5 times net"),
            "{notes:?}"
        );
        // A net of zero has no ratio; net above gross is noted as published.
        let net = cube("n", [0.0, 200.0, 200.5]);
        let notes = gross_notes(&gross, &net, &reg, hamar, 1.5, Lang::En);
        assert!(notes[0].starts_with("2021: gross"), "{notes:?}");
        assert!(
            notes[1].starts_with("2022: net is above gross"),
            "{notes:?}"
        );
    }
}

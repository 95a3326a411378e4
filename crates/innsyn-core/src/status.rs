//! SSB's standard table symbols (standardtegn) and what they mean.
//!
//! Source: SSB, "Standardtegn i tabeller". A missing or suppressed value is
//! never 0 or NaN in Innsyn: it is `None` together with one of these reasons.

use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Status {
    /// `.` Category not applicable (e.g. a municipality number before it existed).
    NotApplicable,
    /// `..` Data not available.
    NotAvailable,
    /// `...` Data not yet available.
    NotYetAvailable,
    /// `:` Not for publication (suppressed to protect privacy).
    Confidential,
    /// `-` Nil: the value is exactly zero.
    Nil,
    /// `*` Provisional figure.
    Provisional,
    /// Any other status text a publisher used; shown as written.
    Other(String),
    /// Innsyn's own: kroner of a year the chosen price index does not
    /// cover, which therefore have no figure in fixed prices (`..`).
    NoPriceIndex,
}

impl Status {
    pub fn parse(symbol: &str) -> Status {
        match symbol.trim() {
            "." => Status::NotApplicable,
            ".." => Status::NotAvailable,
            "..." => Status::NotYetAvailable,
            ":" => Status::Confidential,
            "-" => Status::Nil,
            "*" => Status::Provisional,
            other => Status::Other(other.to_string()),
        }
    }

    /// The symbol as SSB writes it.
    pub fn symbol(&self) -> &str {
        match self {
            Status::NotApplicable => ".",
            Status::NotAvailable => "..",
            Status::NotYetAvailable => "...",
            Status::Confidential => ":",
            Status::Nil => "-",
            Status::Provisional => "*",
            Status::Other(s) => s,
            Status::NoPriceIndex => "..",
        }
    }

    /// Whether a cell with this status may still carry a usable number.
    /// Provisional figures and nil are values; the others explain a gap.
    pub fn has_value(&self) -> bool {
        matches!(self, Status::Nil | Status::Provisional | Status::Other(_))
    }

    pub fn meaning(&self, lang: Lang) -> String {
        let (nb, nn, en) = match self {
            Status::NotApplicable => (
                "Tall kan ikke forekomme",
                "Tal kan ikkje førekome",
                "Category not applicable",
            ),
            Status::NotAvailable => ("Oppgave mangler", "Oppgåve manglar", "Data not available"),
            Status::NotYetAvailable => (
                "Oppgave mangler foreløpig",
                "Oppgåve manglar førebels",
                "Data not yet available",
            ),
            Status::Confidential => (
                "Tall kan ikke offentliggjøres (skjult av personvernhensyn)",
                "Tal kan ikkje offentleggjerast (skjult av omsyn til personvern)",
                "Not for publication (suppressed to protect privacy)",
            ),
            Status::Nil => ("Null", "Null", "Nil"),
            Status::Provisional => ("Foreløpig tall", "Førebels tal", "Provisional figure"),
            Status::NoPriceIndex => (
                "Ingen prisindeks for året: kan ikke vises i faste priser",
                "Ingen prisindeks for året: kan ikkje visast i faste prisar",
                "No price index for the year: cannot be shown in fixed prices",
            ),
            Status::Other(s) => {
                return match lang {
                    Lang::En => format!("Status «{s}» from the publisher"),
                    Lang::Nn => format!("Status «{s}» frå utgjevaren"),
                    Lang::Nb => format!("Status «{s}» fra utgiveren"),
                }
            }
        };
        match lang {
            Lang::Nb => nb,
            Lang::Nn => nn,
            Lang::En => en,
        }
        .to_string()
    }
}

/// Why a cell has no number, when its status gives no reason.
pub fn missing_without_reason(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "Mangler (ingen årsak oppgitt i fila)",
        Lang::Nn => "Manglar (inga årsak oppgitt i fila)",
        Lang::En => "Missing (the file gives no reason)",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_round_trip() {
        for s in [".", "..", "...", ":", "-", "*", "B"] {
            assert_eq!(Status::parse(s).symbol(), s);
        }
        assert_eq!(Status::parse(":"), Status::Confidential);
        assert!(Status::parse(":").meaning(Lang::En).contains("privacy"));
        assert!(!Status::Confidential.has_value());
        assert!(Status::Provisional.has_value());
    }
}

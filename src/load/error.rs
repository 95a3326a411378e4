//! Why a panel has no figures: a typed reason, turned into a sentence only
//! when it is shown, in the language of that moment (a language switch
//! re-renders the message; nothing is frozen in the language of the load).

use innsyn_core::diag::{Diagnostic, Severity};
use innsyn_core::i18n::{Lang, T};
use innsyn_core::json::ParseError;
use innsyn_core::model::I18nText;

use crate::io::FetchError;

#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The file could not be fetched.
    Fetch(FetchError),
    /// SSB's API did not give the figures live (the panel then offers the
    /// demonstration catalog).
    Ssb(FetchError),
    /// The file is not JSON.
    Parse(ParseError),
    /// The file's first errors (at most three).
    Invalid(Vec<Diagnostic>),
    /// A computed rate names a part the catalog does not have.
    NoPart(String),
    /// A live SSB table too large for one request.
    SsbTooLarge,
    /// Nothing to show (no definition, or no figures in the file).
    Empty,
    /// A catalog on an origin the site does not trust (`innsyn_core::site`):
    /// not fetched. The origin as shown, and the site's publisher.
    Refused(String, I18nText),
    /// The error is about another file than the panel's own (the site's
    /// catalog or region registry).
    At(String, Box<LoadError>),
}

impl LoadError {
    /// The file's first `n` errors, when it has any.
    pub fn invalid(diags: &[Diagnostic], n: usize) -> Option<LoadError> {
        let errors: Vec<Diagnostic> = diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .take(n)
            .cloned()
            .collect();
        (!errors.is_empty()).then_some(LoadError::Invalid(errors))
    }

    /// The error itself, whatever file it is about.
    pub fn inner(&self) -> &LoadError {
        match self {
            LoadError::At(_, e) => e.inner(),
            e => e,
        }
    }

    /// Whether the figures were to come live from SSB.
    pub fn from_ssb(&self) -> bool {
        matches!(self.inner(), LoadError::Ssb(_))
    }

    /// The file the error is about, when it is not the panel's own.
    pub fn file(&self) -> Option<&str> {
        match self {
            LoadError::At(f, _) => Some(f),
            _ => None,
        }
    }

    /// The sentence for the reader, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            LoadError::Fetch(e) => fetch_text(e, lang),
            LoadError::Ssb(FetchError::Status(429, _)) => T::SsbBusy.get(lang).to_string(),
            LoadError::Ssb(FetchError::Network(_)) => T::SsbUnreachable.get(lang).to_string(),
            LoadError::Ssb(e) => format!("{} {}", T::SsbFailed.get(lang), fetch_text(e, lang)),
            LoadError::Parse(e) => format!(
                "{} {}, {} {}: {}",
                T::LineWord.get(lang),
                e.line,
                T::ColumnWord.get(lang),
                e.col,
                if lang == Lang::En {
                    e.message_en()
                } else {
                    e.message_nb()
                }
            ),
            LoadError::Invalid(diags) => diags
                .iter()
                .map(|d| d.to_line(lang))
                .collect::<Vec<_>>()
                .join("; "),
            LoadError::NoPart(id) => format!("{}: {id}", T::LoadError.get(lang)),
            LoadError::SsbTooLarge => T::SsbTooLarge.get(lang).to_string(),
            LoadError::Empty => T::EmptyData.get(lang).to_string(),
            LoadError::Refused(origin, publisher) => format!(
                "{} {}",
                T::OnlyPublisher.fill(lang, publisher.get(lang)),
                T::NotApproved.fill(lang, origin)
            ),
            LoadError::At(_, e) => e.text(lang),
        }
    }
}

fn fetch_text(e: &FetchError, lang: Lang) -> String {
    match e {
        FetchError::Status(404, _) => T::FileNotFound.get(lang).to_string(),
        FetchError::Status(s, t) => format!("{} {s} {t}.", T::ServerAnswered.get(lang)),
        FetchError::TooLarge(n) => {
            format!("{} ({} MB).", T::FileTooLarge.get(lang), n / 1_000_000)
        }
        FetchError::Network(m) => format!("{}: {m}", T::NetworkError.get(lang)),
    }
}

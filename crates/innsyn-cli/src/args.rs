//! Command-line arguments, read with lexopt, with every message in bokmål
//! or English (`--lang nb|en`). A usage error exits 2 with a message that
//! says what is wrong, then the usage.

use std::ffi::OsString;
use std::process::ExitCode;

use innsyn_core::i18n::Lang;
use lexopt::{Error, Parser, ValueExt};

/// The text in the language of the messages.
pub fn tr(lang: Lang, nb: impl Into<String>, en: impl Into<String>) -> String {
    if lang == Lang::En {
        en.into()
    } else {
        nb.into()
    }
}

/// The language asked for with `--lang en` (or `--lang=en`) anywhere on the
/// command line, so that errors found before it are in that language too.
pub fn lang_hint(args: &[OsString]) -> Lang {
    let en = args.iter().enumerate().any(|(i, a)| {
        a == "--lang=en" || (a == "--lang" && args.get(i + 1).is_some_and(|v| v == "en"))
    });
    if en {
        Lang::En
    } else {
        Lang::Nb
    }
}

/// lexopt's error in words.
pub fn message(e: Error, lang: Lang) -> String {
    match e {
        Error::MissingValue { option: Some(o) } => tr(
            lang,
            format!("{o} trenger en verdi"),
            format!("{o} needs a value"),
        ),
        Error::MissingValue { option: None } => tr(lang, "en verdi mangler", "a value is missing"),
        Error::UnexpectedOption(o) => tr(
            lang,
            format!("ukjent valg {o}"),
            format!("unknown option {o}"),
        ),
        Error::UnexpectedArgument(v) => tr(
            lang,
            format!("uventet argument «{}»", v.to_string_lossy()),
            format!("unexpected argument \"{}\"", v.to_string_lossy()),
        ),
        Error::UnexpectedValue { option, .. } => tr(
            lang,
            format!("{option} tar ingen verdi"),
            format!("{option} takes no value"),
        ),
        Error::NonUnicodeValue(v) => tr(
            lang,
            format!("«{}» er ikke gyldig UTF-8", v.to_string_lossy()),
            format!("\"{}\" is not valid UTF-8", v.to_string_lossy()),
        ),
        e => e.to_string(),
    }
}

/// The value of the option just read, as text.
pub fn value(p: &mut Parser, lang: Lang) -> Result<String, String> {
    p.value()
        .and_then(|v| v.string())
        .map_err(|e| message(e, lang))
}

/// A positional argument as text.
pub fn text(v: OsString, lang: Lang) -> Result<String, String> {
    v.string().map_err(|e| message(e, lang))
}

/// The value of `--lang`: nb or en.
pub fn lang_value(p: &mut Parser, lang: Lang) -> Result<Lang, String> {
    match value(p, lang)?.as_str() {
        "nb" => Ok(Lang::Nb),
        "en" => Ok(Lang::En),
        _ => Err(tr(
            lang,
            "--lang skal være nb eller en",
            "--lang must be nb or en",
        )),
    }
}

/// `--{name}` is missing.
pub fn missing(lang: Lang, what: &str) -> String {
    tr(
        lang,
        format!("{what} mangler"),
        format!("{what} is missing"),
    )
}

/// Exit 2: `innsyn CMD: message` (`innsyn: message` without a command),
/// then the usage.
pub fn usage_error(cmd: &str, msg: &str, usage: &str) -> ExitCode {
    let sep = if cmd.is_empty() { "" } else { " " };
    eprintln!("innsyn{sep}{cmd}: {msg}");
    eprint!("{usage}");
    ExitCode::from(2)
}

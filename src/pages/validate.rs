//! The validator page (`?view=validate`): a publisher picks or drops a file
//! and sees the same diagnostics as `innsyn validate`, computed in the
//! browser by the same reader. Nothing is uploaded.

use std::sync::Arc;

use innsyn_core::diag::{Diagnostic, Severity};
use innsyn_core::i18n::{format_number, Lang, T};
use innsyn_core::json::ParseError;
use innsyn_core::read::{self, Format};
use innsyn_core::registry::Registry;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::io;
use crate::load::LoadError;
use crate::nav::Nav;

/// What the page shows about one checked file.
#[derive(Debug, Clone)]
pub struct Checked {
    pub name: String,
    pub size: usize,
    /// The summary, or why the file could not be read (written when shown).
    pub outcome: Result<Summary, LoadError>,
}

#[derive(Debug, Clone)]
pub struct Summary {
    pub format: Format,
    pub datasets: usize,
    pub cells: usize,
    pub diagnostics: Vec<Diagnostic>,
}

/// Checks bytes exactly as `innsyn validate` does.
pub fn check(bytes: &[u8], registry: &Registry) -> Result<Summary, ParseError> {
    let out = read::read_bytes(bytes, registry, read::Options::default())?;
    Ok(Summary {
        format: out.format,
        datasets: out.datasets.len(),
        cells: out.datasets.iter().map(|d| d.cell_count()).sum(),
        diagnostics: out.diagnostics,
    })
}

#[component]
pub fn ValidatePage() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let registry = expect_context::<Arc<Registry>>();
    let (checked, set_checked) = signal(None::<Arc<Checked>>);
    let (busy, set_busy) = signal(false);
    let take = move |file: web_sys::File| {
        let registry = registry.clone();
        set_busy.set(true);
        spawn_local(async move {
            let name = file.name();
            let size = file.size() as usize;
            let outcome = match io::read_local_file(&file).await {
                Err(e) => Err(LoadError::Fetch(e)),
                Ok(bytes) => check(&bytes, &registry).map_err(LoadError::Parse),
            };
            set_checked.set(Some(Arc::new(Checked {
                name,
                size,
                outcome,
            })));
            set_busy.set(false);
        });
    };
    let take_input = take.clone();
    let on_change = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        if let Some(f) = input.and_then(|i| i.files()).and_then(|l| l.get(0)) {
            take_input(f);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(f) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|l| l.get(0))
        {
            take(f);
        }
    };
    view! {
        <h1>{nav.t(T::ValidateTitle)}</h1>
        <section class="panel validate">
            <p>{nav.t(T::ValidateIntro)}</p>
            <noscript><p class="hint">{nav.t(T::NeedsScript)}</p></noscript>
            <div class="dropzone" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
                <label for="file-input" class="file-label">{nav.t(T::ChooseFile)}</label>
                <input id="file-input" type="file" accept=".json,application/json" on:change=on_change/>
                <p class="drop-hint">{nav.t(T::DropHere)}</p>
            </div>
        </section>
        <section class="panel" aria-live="polite" aria-busy=move || busy.get().then_some("true")>
            {move || checked.get().map(|c| view! { <Report checked=c/> })}
        </section>
    }
}

#[component]
fn Report(checked: Arc<Checked>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    move || {
        let lang = nav.lang();
        let size = format!(
            "{} kB",
            format_number(checked.size as f64 / 1000.0, 1, lang)
        );
        let heading = format!("{}: {} ({size})", T::Verdict.get(lang), checked.name);
        match &checked.outcome {
            Err(msg) => view! {
                <h2>{heading}</h2>
                <div class="error" role="alert"><p><strong>{T::Unreadable.get(lang)}</strong></p><p>{msg.text(lang)}</p></div>
            }
            .into_any(),
            Ok(s) => {
                let errors = s.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
                let verdict = if errors > 0 { T::Invalid } else { T::Valid };
                let format = match s.format {
                    Format::JsonStat => T::FormatJsonStat,
                    Format::Simple => T::FormatSimple,
                    Format::Unknown => T::FormatUnknown,
                };
                view! {
                    <h2>{heading}</h2>
                    <p class={if errors > 0 { "verdict bad" } else { "verdict good" }}>
                        <span aria-hidden="true">{if errors > 0 { "✖ " } else { "✔ " }}</span>
                        <strong>{verdict.get(lang)}</strong>
                    </p>
                    <dl class="facts">
                        <dt>{T::FileFormat.get(lang)}</dt><dd>{format.get(lang)}</dd>
                        <dt>{T::DatasetsAndCells.get(lang)}</dt>
                        <dd>{format!("{} / {}", format_number(s.datasets as f64, 0, lang), format_number(s.cells as f64, 0, lang))}</dd>
                    </dl>
                    {if s.diagnostics.is_empty() {
                        view! { <p>{T::NoProblems.get(lang)}</p> }.into_any()
                    } else {
                        diagnostics_table(&s.diagnostics, lang).into_any()
                    }}
                }
                .into_any()
            }
        }
    }
}

fn diagnostics_table(list: &[Diagnostic], lang: Lang) -> impl IntoView {
    let (line, col) = (T::LineLower.get(lang), T::ColumnWord.get(lang));
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=T::Message.get(lang)>
            <table class="diagnostics-table">
                <thead>
                    <tr>
                        <th scope="col">{T::Severity.get(lang)}</th>
                        <th scope="col">{T::Place.get(lang)}</th>
                        <th scope="col">{T::Message.get(lang)}</th>
                        <th scope="col">{T::Code.get(lang)}</th>
                    </tr>
                </thead>
                <tbody>
                    {list
                        .iter()
                        .map(|d| {
                            let (sev, class) = match d.severity {
                                Severity::Error => (T::ErrorWord.get(lang), "sev-error"),
                                Severity::Warning => (T::WarningWord.get(lang), "sev-warning"),
                            };
                            view! {
                                <tr>
                                    <td class=class>{sev}</td>
                                    <td><code>{d.path.clone()}</code><br/>{format!("{line} {}, {col} {}", d.line, d.col)}</td>
                                    <td>{d.message.get(lang).to_string()}{d.hint.as_ref().map(|h| view! { <br/><span class="hint">{h.get(lang).to_string()}</span> })}</td>
                                    <td><code>{d.code}</code></td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

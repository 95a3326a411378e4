//! The council report over the bundled data (and SSB's Hedmark 2018
//! figures, where SSB suppressed cells): every number a paragraph states is
//! the cube's, computed again here by hand; a shared service is its
//! members together; a host municipality's gross figures say why; a
//! publisher's own figures land in their theme, marked; and each language
//! stays in its own words.

use std::collections::HashMap;

use innsyn_core::aggregate::Rule;
use innsyn_core::catalog::{self, Catalog};
use innsyn_core::i18n::{format_number, Lang};
use innsyn_core::model::Dataset;
use innsyn_core::present;
use innsyn_core::prices;
use innsyn_core::registry::{RegionRef, Registry};
use innsyn_core::report::{self, Block, Figure, Report, Subject, Theme};

const PUBLIC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/");

fn read(p: &str) -> Option<String> {
    std::fs::read_to_string(format!("{PUBLIC}{p}")).ok()
}

/// The bundled catalog with `extra` indicators put first, and files of
/// `own` (path → text) beside the bundled ones.
fn site(extra: &str, own: &[(&str, &str)]) -> (Catalog, report::Template, report::Data) {
    let src = read("data/catalog.json").unwrap().replacen(
        "\"indicators\": [",
        &format!("\"indicators\": [{extra}"),
        1,
    );
    let (cat, diags) = catalog::parse(&src, "data/catalog.json").unwrap();
    assert!(diags.is_empty(), "{diags:#?}");
    let (t, diags) = report::parse(&read("data/report.json").unwrap()).unwrap();
    assert!(diags.is_empty(), "{diags:#?}");
    let files: HashMap<String, String> = own
        .iter()
        .map(|(p, t)| (p.to_string(), t.to_string()))
        .collect();
    let reg = Registry::bundled();
    let ids = report::indicators(&t, &cat);
    let (data, problems) = report::load(&cat, &reg, &ids, &|p| {
        files.get(p).cloned().or_else(|| read(p))
    });
    assert!(problems.is_empty(), "{problems:?}");
    (cat, t, data)
}

/// The report of the subject `id` on a site of [`site`].
fn report_in(site: &(Catalog, report::Template, report::Data), id: &str, lang: Lang) -> Report {
    let (cat, t, data) = site;
    let reg = Registry::bundled();
    report::build(t, cat, &reg, data, Subject::find(&reg, id).unwrap(), lang)
}

fn report_of(id: &str, lang: Lang) -> Report {
    report_in(&site("", &[]), id, lang)
}

fn themes(r: &Report) -> Vec<&Theme> {
    r.chapters
        .iter()
        .flat_map(|c| &c.blocks)
        .filter_map(|b| match b {
            Block::Theme(t) => Some(t),
            _ => None,
        })
        .collect()
}

fn figure<'a>(r: &'a Report, indicator: &str) -> &'a Figure {
    themes(r)
        .into_iter()
        .flat_map(|t| &t.figures)
        .find(|f| f.indicator == indicator)
        .unwrap_or_else(|| panic!("{indicator} in the report"))
}

/// The indicator's cube as the report shows it: in the catalog's default
/// prices.
fn shown(cat: &Catalog, data: &report::Data, id: &str) -> Dataset {
    let ds = data.get(id).unwrap();
    prices::shown(ds, &cat.prices, None).unwrap_or_else(|| (**ds).clone())
}

fn muni(reg: &Registry, id: &str) -> usize {
    match reg.resolve(id) {
        Some(RegionRef::Municipality(i)) => i,
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_paragraphs_numbers_are_the_cubes() {
    let (cat, _, data) = site("", &[]);
    let reg = Registry::bundled();
    let r = report_of("3403", Lang::Nb);
    let f = figure(&r, "netto-per-innbygger-0-17");
    let ds = shown(&cat, &data, "netto-per-innbygger-0-17");
    let hamar = present::municipality_series(&ds, &reg, muni(&reg, "3403"));
    let (p1, v1) = hamar
        .iter()
        .rev()
        .find_map(|(p, x)| Some((p, x.value?)))
        .unwrap();
    let (p0, _) = hamar.iter().find_map(|(p, x)| Some((p, x.value?))).unwrap();
    let num = |v: f64| format_number(v, 0, Lang::Nb);
    assert_eq!(p1, "2025");
    assert!(
        f.paragraph.starts_with(&format!(
            "I 2025 var tallet for Hamar {} kr per innbygger 0–17 år",
            num(v1)
        )),
        "{}",
        f.paragraph
    );
    // Innlandet: the sum of its members' kroner over the sum of their children.
    let rule = ds.meta.as_ref().unwrap().rule();
    assert!(matches!(rule, Rule::Ratio { .. }));
    let innlandet = present::group_series(&ds, &reg, rule, &|y| reg.county_members("34", y));
    let inn = innlandet
        .iter()
        .find(|(p, _)| p == p1)
        .unwrap()
        .1
        .value
        .unwrap();
    assert!(
        f.paragraph
            .contains(&format!("Innlandet (beregnet) {}", num(inn))),
        "{}",
        f.paragraph
    );
    let below = ((v1 / inn - 1.0) * 100.0).abs();
    assert!(f.paragraph.contains(&format!(
        "Hamar lå {} % under Innlandet (beregnet).",
        format_number(below, 0, Lang::Nb)
    )));
    // The growth since the first year, in fixed and in current kroner.
    let index = cat.prices.default_index().unwrap();
    let points: Vec<(String, Option<f64>)> =
        hamar.iter().map(|(p, x)| (p.clone(), x.value)).collect();
    let g = prices::growth(&points, index, true).unwrap();
    assert_eq!(&g.from, p0);
    let pct = |v: f64| format_number(v.abs(), 0, Lang::Nb);
    assert!(
        f.paragraph.contains(&format!(
            "{} % mindre enn i 2015 i faste kroner (kommunal deflator), {} % mer i løpende kroner",
            pct(g.fixed.unwrap()),
            pct(g.current)
        )),
        "{}",
        f.paragraph
    );
    // Its table is the cube, year by year; the breaks are named.
    for ((p, part), row) in hamar.iter().zip(&f.table.rows) {
        match (&row.cells[0], &row.cells[1]) {
            (report_cell_head, innsyn_core::export::Cell::Num(v, 0, _)) => {
                assert_eq!(
                    report_cell_head,
                    &innsyn_core::export::Cell::Head(p.clone(), None)
                );
                assert_eq!(*v, part.value);
            }
            other => panic!("{other:?}"),
        }
    }
    assert!(f
        .paragraph
        .contains("Serien har brudd i 2020 (Nye kommunenummer) og 2022 (Barnevernsreformen)"));
    assert_eq!(f.chart.as_ref().unwrap().breaks.len(), 2);
    // Under the figure, its source and tables; the same line as on the last page.
    assert!(
        f.source
            .starts_with("Kilde: Statistisk sentralbyrå, tabell 12362"),
        "{}",
        f.source
    );
    assert!(f.about.contains(&f.source));
    assert!(f
        .about
        .iter()
        .any(|l| l == "Fil: data/ssb/12362-barnevern.json ÷ data/ssb/07459-befolkning-0-17.json"));
    assert!(
        f.about
            .iter()
            .any(|l| l.contains("Siste år: reviderte KOSTRA-tall")),
        "{:?}",
        f.about
    );
    // The summary states it too, and the sources are on the last page.
    let facts = r.chapters[0].blocks.iter().find_map(|b| match b {
        Block::Facts(f) => Some(f),
        _ => None,
    });
    assert!(facts.unwrap().iter().any(|l| l.contains(&num(v1))));
    assert!(r.sources.iter().any(|s| s
        .lines
        .iter()
        .any(|l| l.contains("Hentet fra SSB 14.09.2026"))));
}

#[test]
fn a_shared_service_is_its_members_together() {
    let (cat, _, data) = site("", &[]);
    let reg = Registry::bundled();
    let r = report_of("bv-gjovik-sondre-land-nordre-land", Lang::Nb);
    assert_eq!(
        r.subject,
        "Barnevernstjenesten for Gjøvik, Søndre Land og Nordre Land"
    );
    let f = figure(&r, "innbyggere-0-17");
    let ds = shown(&cat, &data, "innbyggere-0-17");
    let sum: f64 = ["3407", "3447", "3448"]
        .iter()
        .map(|id| {
            let s = present::municipality_series(&ds, &reg, muni(&reg, id));
            s.iter()
                .find(|(p, _)| p == "2026")
                .unwrap()
                .1
                .value
                .unwrap()
        })
        .sum();
    assert!(
        f.paragraph.starts_with(&format!(
            "I 2026 var tallet for Samlet tjeneste (beregnet) {} personer.",
            format_number(sum, 0, Lang::Nb)
        )),
        "{}",
        f.paragraph
    );
    // Per child: all their kroner over all their children, beside the county.
    let per = figure(&r, "netto-per-innbygger-0-17");
    assert!(
        per.paragraph.contains("Oppland (beregnet)"),
        "{}",
        per.paragraph
    );
    assert_eq!(per.table.head[2].0, "Kommuner med tall");
    let text = r.plain();
    assert!(text.contains(
        "Kommunene i tjenesten: Gjøvik, Søndre Land og Nordre Land (registeret per 23.02.2021)"
    ));
    assert!(text.contains("slik simulatoren for samarbeid regner dem"));
    // A service with members outside the two counties says so.
    let os = report_of("bv-os-roros-holtalen", Lang::Nn).plain();
    assert!(
        os.contains("Røros og Holtålen er òg med i tenesta, men ligg utanfor Hedmark og Oppland"),
        "{os}"
    );
}

#[test]
fn a_host_municipality_is_told_why_gross_is_far_above_net() {
    let r = report_of("3407", Lang::Nb);
    let gross = figure(&r, "brutto-driftsutgifter");
    assert!(
        gross.paragraph.contains("2015, 2016, 2017, 2018, 2019 og 2020: brutto er mer enn 1,5 ganger netto. Gjøvik deler barnevernstjeneste med Søndre Land, Nordre Land"),
        "{}",
        gross.paragraph
    );
    assert!(gross
        .paragraph
        .contains("Vertskommunen i et slikt samarbeid"));
    // Net is not gross: no such note there.
    assert!(!figure(&r, "netto-driftsutgifter")
        .paragraph
        .contains("Vertskommunen"));
}

/// SSB's Hedmark 2018 figures, where SSB suppressed Folldal's children
/// with care and with support measures (`:`).
const SUPPRESSED: &str = r#"{"id": "omsorgstiltak-2018", "url": "ssb/barnevern-2018-hedmark.json", "theme": "tiltak",
    "select": {"ContentsCode": "barn_tiltak_aaret_omsorg"}, "aggregation": "sum",
    "title": {"nb": "Barn med omsorgstiltak, Hedmark 2018", "nn": "Barn med omsorgstiltak, Hedmark 2018", "en": "Children with care measures, Hedmark 2018"}},"#;

#[test]
fn a_suppressed_cell_says_why_and_is_never_zero() {
    let suppressed = site(SUPPRESSED, &[]);
    let r = report_in(&suppressed, "3429", Lang::Nb);
    let tiltak = themes(&r).into_iter().find(|t| t.id == "tiltak").unwrap();
    let f = &tiltak.figures[0];
    assert_eq!(f.own, None, "SSB's figures are not the municipality's own");
    assert!(f.chart.is_none(), "one year: its table only");
    assert!(
        f.paragraph
            .starts_with("Ingen tall for 2018: Tall kan ikke offentliggjøres"),
        "{}",
        f.paragraph
    );
    assert!(!f.paragraph.contains(" 0 "), "{}", f.paragraph);
    assert_eq!(
        f.table.rows[0].cells[1],
        innsyn_core::export::Cell::Num(None, 0, ":".into())
    );
    // The theme still says what it does not hold.
    assert!(tiltak
        .missing
        .as_ref()
        .unwrap()
        .text
        .contains("tabell 12275"));
    // Elverum, whose figure SSB published, has it.
    let elverum = report_in(&suppressed, "3420", Lang::Nb);
    let e = &themes(&elverum)
        .into_iter()
        .find(|t| t.id == "tiltak")
        .unwrap()
        .figures[0];
    assert!(
        e.paragraph.starts_with("I 2018 var tallet for Elverum "),
        "{}",
        e.paragraph
    );
}

/// A municipality's own figures (its half-yearly reporting to the county
/// governor), in Innsyn's format, placed in the investigations theme.
const OWN: &str =
    r#"{"id": "fristbrudd", "url": "egne/hamar-fristbrudd.json", "theme": "undersokelser"},"#;
const OWN_FILE: &str = r#"{"format": "innsyn-indicator/1", "id": "fristbrudd",
    "title": {"nb": "Undersøkelser med fristbrudd", "nn": "Undersøkingar med fristbrot", "en": "Investigations past the deadline"},
    "description": "Hamar kommunes rapportering til Statsforvalteren.", "unit": {"nb": "prosent", "nn": "prosent", "en": "per cent"},
    "decimals": 1, "source": {"name": "Hamar kommune"},
    "values": [{"region": "3403", "period": "2023", "value": 12.5}, {"region": "3403", "period": "2024", "value": 8.0},
               {"region": "3403", "period": "2025", "value": 4.2}]}"#;

#[test]
fn a_publishers_own_figures_land_in_their_theme_marked_as_its_own() {
    let own = site(OWN, &[("data/egne/hamar-fristbrudd.json", OWN_FILE)]);
    let build = |id: &str, lang| report_in(&own, id, lang);
    let r = build("3403", Lang::Nn);
    let th = themes(&r)
        .into_iter()
        .find(|t| t.id == "undersokelser")
        .unwrap();
    let f = &th.figures[0];
    assert_eq!(f.own.as_deref(), Some("Kommunen sine eigne tal"));
    assert_eq!(f.title, "Undersøkingar med fristbrot");
    assert!(
        f.paragraph
            .starts_with("I 2025 var talet for Hamar 4,2 prosent."),
        "{}",
        f.paragraph
    );
    // SSB's figures of the theme are still named as missing, and where to find them.
    assert!(th.missing.as_ref().unwrap().text.contains("12286"));
    // Another municipality's report has no empty figure of Hamar's file.
    let other = build("3401", Lang::Nb);
    assert!(themes(&other)
        .into_iter()
        .find(|t| t.id == "undersokelser")
        .unwrap()
        .figures
        .is_empty());
}

/// Words only one of the two written standards uses.
const ONLY_NB: &[&str] = &[
    " ikke ",
    " hva ",
    " hvordan ",
    " hvilke",
    " noen ",
    " fra ",
    " tjenesten",
    " kommunene ",
    " tallene",
    " mer enn",
    " lavere",
    " høyere",
];
const ONLY_NN: &[&str] = &[
    " ikkje ",
    " kva ",
    " korleis ",
    " nokon ",
    " frå ",
    " tenesta",
    " kommunane ",
    " tala ",
    " meir ",
    " lågare",
    " høgare",
    " eit ",
];

/// The report's own words: its text without the sources (notes as the
/// files carry them) and the catalog's names of counties and councils.
fn own_words(r: &Report) -> String {
    let mut r = r.clone();
    r.sources.clear();
    format!(
        " {} ",
        r.plain().replace(['\n', '.', ',', ':', ';', '(', ')'], " ")
    )
}

#[test]
fn bokmal_and_nynorsk_stay_apart() {
    for id in ["3433", "3403", "bv-skjak-lom-vaga-sel", "3407"] {
        let nn = own_words(&report_of(id, Lang::Nn));
        for w in ONLY_NB {
            assert!(!nn.contains(w), "{id} nn has «{w}»");
        }
        let nb = own_words(&report_of(id, Lang::Nb));
        for w in ONLY_NN {
            assert!(!nb.contains(w), "{id} nb has «{w}»");
        }
        let en = own_words(&report_of(id, Lang::En));
        for w in [" ikke ", " ikkje ", " og ", " tallet ", " talet "] {
            assert!(!en.contains(w), "{id} en has «{w}»");
        }
    }
}

//! `innsyn report` over the bundled data: the Word package holds what Word
//! and LibreOffice need (the end-to-end tests open it in LibreOffice):
//! heading styles, a table of contents, tables, charts as images with
//! their text alternative, page numbers, the language, and the figures.

use std::io::Read;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_innsyn");
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn part(zip: &mut zip::ZipArchive<std::fs::File>, name: &str) -> String {
    let mut s = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

fn count(s: &str, what: &str) -> usize {
    s.matches(what).count()
}

#[test]
fn a_report_is_a_word_document_with_real_headings_tables_and_described_charts() {
    let dir = std::env::temp_dir().join(format!("innsyn-report-{}", std::process::id()));
    let out = Command::new(BIN)
        .current_dir(ROOT)
        .args([
            "report",
            "--out",
            dir.to_str().unwrap(),
            "--subject",
            "3433",
            "--date",
            "2026-12-06",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Skjåk writes nynorsk: its report in nynorsk and English, none in bokmål.
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "reports.json",
            "tilstandsrapport-skjak-en.docx",
            "tilstandsrapport-skjak-nn.docx"
        ]
    );
    let list = std::fs::read_to_string(dir.join("reports.json")).unwrap();
    let published = innsyn_core::report::published(&list);
    assert_eq!(published.len(), 2);
    assert_eq!(published[0].file, "tilstandsrapport-skjak-nn.docx");

    let file = std::fs::File::open(dir.join("tilstandsrapport-skjak-nn.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let types = part(&mut zip, "[Content_Types].xml");
    assert!(types.contains("wordprocessingml.document.main+xml"));
    let doc = part(&mut zip, "word/document.xml");
    // Seven chapters and the sources; six themes; a heading per figure.
    assert_eq!(count(&doc, "<w:pStyle w:val=\"Heading1\"/>"), 8);
    assert_eq!(count(&doc, "<w:pStyle w:val=\"Heading2\"/>"), 6);
    assert!(
        doc.contains(">1 Samandrag<") && doc.contains(">4.5 Økonomi<") && doc.contains(">Kjelder<")
    );
    assert!(
        doc.contains(" TOC \\o \"1-2\" \\h \\z \\u "),
        "a table of contents field"
    );
    // Every chart an image with its text alternative, and a table beside it.
    let images = (0..zip.len())
        .filter(|&i| zip.by_index(i).unwrap().name().starts_with("word/media/"))
        .count();
    assert_eq!(images, count(&doc, "<wp:docPr "));
    assert!(images >= 3, "{images}");
    for descr in doc.split("<wp:docPr ").skip(1) {
        let d = descr
            .split("descr=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        assert!(d.starts_with("Linjediagram, 2015–"), "{d}");
    }
    assert!(
        count(&doc, "<w:tbl>") > images,
        "a table per figure, and the organisation's"
    );
    assert!(
        doc.contains("<w:tblHeader/>"),
        "header rows repeat across pages"
    );
    // The figures: Skjåk's latest children 0–17, as the cube has them.
    assert!(
        doc.contains("I 2026 var talet for Skjåk "),
        "the generated paragraph"
    );
    let footer = part(&mut zip, "word/footer1.xml");
    assert!(footer.contains(" PAGE ") && footer.contains("Skjåk kommune"));
    assert!(part(&mut zip, "word/styles.xml").contains("<w:lang w:val=\"nn-NO\"/>"));
    assert!(part(&mut zip, "docProps/core.xml").contains("<dc:language>nn-NO</dc:language>"));
    assert!(part(&mut zip, "word/_rels/document.xml.rels").contains("Target=\"media/figure1.png\""));
    // The sources and the date, last.
    let sources = doc.rfind(">Kjelder<").unwrap();
    assert!(
        doc[sources..].contains("Henta frå SSB 14.09.2026")
            || doc[sources..].contains("Hentet fra SSB 14.09.2026")
    );
    assert!(doc[sources..].contains("Laga av Innsyn 2026-12-06."));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_unknown_subject_is_a_usage_error() {
    let out = Command::new(BIN)
        .current_dir(ROOT)
        .args(["report", "--out", "/nonexistent/x", "--subject", "9999"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ingen kommune eller tjeneste «9999»"));
}

//! A report as a Word document (Office Open XML, ISO/IEC 29500), written
//! by hand: a zip of a few XML parts. Real heading styles (Word's
//! navigation pane and table of contents use them), a table of contents
//! field, tables as tables with a repeated header row, charts as PNG
//! images with their text alternative (`wp:docPr/@descr`, what docx-rs
//! cannot write), page numbers in the footer, A4, the document's language
//! for the spelling checker, and the sources last. Every text from the
//! report is escaped: data is text, never markup.

use std::io::Write;

use innsyn_core::export::{Cell, Table};
use innsyn_core::i18n::{format_number, Lang, T};
use innsyn_core::report::{Block, Figure, Report, Theme};

/// A chart drawn for the document: PNG bytes and its size on the page in
/// pixels at 96 dpi.
pub struct Image {
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

struct Words {
    contents: &'static str,
    sources: &'static str,
    figure: &'static str,
    table: &'static str,
    page: &'static str,
    made: &'static str,
    lang_tag: &'static str,
}

/// The document's own words: the report's (the interface strings the
/// report page shows too) and the Word file's.
fn words(lang: Lang) -> Words {
    let (page, made, lang_tag) = match lang {
        Lang::Nb => ("side", "Laget av Innsyn", "nb-NO"),
        Lang::Nn => ("side", "Laga av Innsyn", "nn-NO"),
        Lang::En => ("page", "Made by Innsyn", "en-GB"),
    };
    Words {
        contents: T::ReportContents.get(lang),
        sources: T::ReportSources.get(lang),
        figure: T::ReportFigure.get(lang),
        table: T::ReportTable.get(lang),
        page,
        made,
        lang_tag,
    }
}

/// Text for XML: `&`, `<`, `>`, quotes escaped, and characters XML 1.0
/// cannot carry dropped.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The document being written: its body and its images.
struct Doc<'a> {
    body: String,
    images: Vec<&'a Image>,
    /// Bookmarks of the headings, for the table of contents' links.
    headings: Vec<(u8, String, String)>,
}

impl<'a> Doc<'a> {
    fn para(&mut self, style: Option<&str>, text: &str) {
        self.para_with(style, "", text);
    }

    /// A paragraph of one run, with extra paragraph properties.
    fn para_with(&mut self, style: Option<&str>, ppr: &str, text: &str) {
        let style = style
            .map(|s| format!("<w:pStyle w:val=\"{s}\"/>"))
            .unwrap_or_default();
        self.body.push_str(&format!(
            "<w:p><w:pPr>{style}{ppr}</w:pPr><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            esc(text)
        ));
    }

    fn heading(&mut self, level: u8, text: &str) {
        let id = self.headings.len();
        let name = format!("_Toc{:08}", id + 1);
        self.body.push_str(&format!(
            "<w:p><w:pPr><w:pStyle w:val=\"Heading{level}\"/></w:pPr><w:bookmarkStart w:id=\"{id}\" w:name=\"{name}\"/><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r><w:bookmarkEnd w:id=\"{id}\"/></w:p>",
            esc(text)
        ));
        self.headings.push((level, name, text.to_string()));
    }

    fn bullets(&mut self, items: &[String]) {
        for i in items {
            self.para(Some("ListBullet"), i);
        }
    }

    fn page_break(&mut self) {
        self.body
            .push_str("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
    }

    fn table(&mut self, t: &Table, lang: Lang) {
        // 16 cm of text width, in twentieths of a point, shared by weight:
        // the period narrow, numbers wider, a note widest.
        let weights: Vec<f32> = t
            .head
            .iter()
            .enumerate()
            .map(|(i, (_, num))| match (i, num) {
                (0, _) => 1.0,
                (_, true) => 1.4,
                (_, false) => 2.4,
            })
            .collect();
        let total: f32 = weights.iter().sum::<f32>().max(1.0);
        let widths: Vec<u32> = weights
            .iter()
            .map(|w| (9070.0 * w / total) as u32)
            .collect();
        let mut x = String::from(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
        );
        for w in &widths {
            x.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
        }
        x.push_str("</w:tblGrid>");
        let cell = |i: usize, text: &str, right: bool, bold: bool| {
            let width = widths.get(i).copied().unwrap_or(1000);
            let jc = if right { "<w:jc w:val=\"right\"/>" } else { "" };
            let b = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
            format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>{jc}</w:pPr><w:r>{b}<w:t xml:space=\"preserve\">{}</w:t></w:r></w:p></w:tc>",
                esc(text)
            )
        };
        // The header row repeats on every page the table runs over.
        x.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (i, (h, num)) in t.head.iter().enumerate() {
            x.push_str(&cell(i, h, *num, true));
        }
        x.push_str("</w:tr>");
        for r in &t.rows {
            x.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for (i, c) in r.cells.iter().enumerate() {
                x.push_str(&match c {
                    Cell::Head(s, _) => cell(i, s, false, true),
                    Cell::Text(s) => cell(i, s, false, false),
                    Cell::Num(Some(v), d, _) => cell(i, &format_number(*v, *d, lang), true, false),
                    Cell::Num(None, _, sym) => cell(i, sym, true, false),
                });
            }
            x.push_str("</w:tr>");
        }
        x.push_str("</w:tbl>");
        self.body.push_str(&x);
    }

    /// An image in a paragraph of its own, kept with its caption.
    fn image(&mut self, img: &'a Image, descr: &str, name: &str) {
        self.images.push(img);
        let n = self.images.len();
        let (cx, cy) = (u64::from(img.width) * 9525, u64::from(img.height) * 9525);
        self.body.push_str(&format!(
            "<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"{n}\" name=\"{name}\" descr=\"{descr}\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic><pic:nvPicPr><pic:cNvPr id=\"{n}\" name=\"{name}\" descr=\"{descr}\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rIdImage{n}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>",
            name = esc(name),
            descr = esc(descr),
        ));
    }
}

/// The document of `report`, its charts in `images` (one per figure with a
/// chart, in order), made on `date` (shown on the cover and last page).
pub fn write(report: &Report, images: &[Option<Image>], date: &str) -> Result<Vec<u8>, String> {
    let lang = report.lang;
    let wd = words(lang);
    let mut doc = Doc {
        body: String::new(),
        images: Vec::new(),
        headings: Vec::new(),
    };
    // The cover.
    doc.para(Some("Title"), &report.title);
    doc.para(Some("Subtitle"), &report.subject);
    if let Some(y) = &report.year {
        doc.para(Some("Subtitle"), y);
    }
    doc.para(None, &report.subtitle);
    doc.para(None, &format!("{} {date}.", wd.made));
    doc.page_break();
    // Where the table of contents goes (filled in once the headings are known).
    const TOC: &str = "\u{0}TOC\u{0}";
    doc.body.push_str(TOC);
    doc.page_break();
    let mut figures = images.iter();
    for c in &report.chapters {
        doc.heading(1, &format!("{} {}", c.number, c.title));
        for b in &c.blocks {
            block(&mut doc, b, &mut figures, &wd, lang);
        }
    }
    doc.page_break();
    doc.heading(1, wd.sources);
    for s in &report.sources {
        doc.para_with(Some("SourceTitle"), "<w:keepNext/>", &s.title);
        for l in &s.lines {
            doc.para(Some("SourceLine"), l);
        }
    }
    doc.para(None, &format!("{} {date}.", wd.made));
    let toc = toc(&doc.headings, wd.contents);
    let body = doc.body.replace(TOC, &toc);
    let document = document_xml(&body);
    package(report, &document, &doc.images, &wd, date)
}

fn block<'a>(
    doc: &mut Doc<'a>,
    b: &Block,
    figures: &mut std::slice::Iter<'a, Option<Image>>,
    wd: &Words,
    lang: Lang,
) {
    match b {
        Block::Text(t) => doc.para(None, t),
        Block::Guidance { heading, items } => {
            doc.para_with(Some("Guidance"), "<w:keepNext/>", &format!("{heading}:"));
            for i in items {
                doc.para(Some("Guidance"), i);
            }
        }
        Block::Facts(items) => doc.bullets(items),
        Block::Terms(terms) => {
            let t = Table {
                caption: String::new(),
                head: Vec::new(),
                rows: terms
                    .iter()
                    .map(|(k, v)| innsyn_core::export::Row {
                        class: "",
                        cells: vec![Cell::Head(k.clone(), None), Cell::Text(v.clone())],
                    })
                    .collect(),
            };
            doc.terms(&t);
        }
        Block::Questions { heading, items } => {
            doc.para_with(Some("QuestionsHeading"), "<w:keepNext/>", heading);
            doc.bullets(items);
        }
        Block::WriteHere(t) => doc.para(Some("WriteHere"), t),
        Block::Theme(th) => theme(doc, th, figures, wd, lang),
    }
}

impl Doc<'_> {
    /// Terms and what they are: a table of two columns without a header.
    fn terms(&mut self, t: &Table) {
        let mut x = String::from("<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"2800\"/><w:gridCol w:w=\"6270\"/></w:tblGrid>");
        for r in &t.rows {
            x.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for (i, c) in r.cells.iter().enumerate() {
                let (text, bold) = match c {
                    Cell::Head(s, _) => (s.as_str(), true),
                    Cell::Text(s) => (s.as_str(), false),
                    Cell::Num(..) => ("", false),
                };
                let w = if i == 0 { 2800 } else { 6270 };
                let b = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
                x.push_str(&format!("<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr><w:r>{b}<w:t xml:space=\"preserve\">{}</w:t></w:r></w:p></w:tc>", esc(text)));
            }
            x.push_str("</w:tr>");
        }
        x.push_str("</w:tbl>");
        self.body.push_str(&x);
    }
}

fn theme<'a>(
    doc: &mut Doc<'a>,
    th: &Theme,
    figures: &mut std::slice::Iter<'a, Option<Image>>,
    wd: &Words,
    lang: Lang,
) {
    doc.heading(2, &format!("{} {}", th.number, th.title));
    if !th.intro.is_empty() {
        doc.para(None, &th.intro);
    }
    for f in &th.figures {
        figure(doc, f, figures.next().and_then(Option::as_ref), wd, lang);
    }
    if let Some(m) = &th.missing {
        doc.bullets(&m.titles);
        doc.para(None, &m.text);
        doc.para(Some("WriteHere"), "…");
    }
    if !th.questions.is_empty() {
        let heading = T::ReportQuestions.get(lang);
        doc.para_with(Some("QuestionsHeading"), "<w:keepNext/>", heading);
        doc.bullets(&th.questions);
    }
}

fn figure<'a>(doc: &mut Doc<'a>, f: &Figure, img: Option<&'a Image>, wd: &Words, lang: Lang) {
    doc.heading(3, &f.title);
    if let Some(own) = &f.own {
        doc.para(Some("Label"), own);
    }
    doc.para(None, &f.paragraph);
    if let Some(img) = img {
        doc.image(img, &f.summary, &format!("{} {}", wd.figure, f.number));
        doc.para(
            Some("Caption"),
            &format!("{} {}: {} ({})", wd.figure, f.number, f.title, f.unit),
        );
    }
    doc.para_with(
        Some("Caption"),
        "<w:keepNext/>",
        &format!("{} {}: {}", wd.table, f.number, f.table.caption),
    );
    doc.table(&f.table, lang);
    doc.para(Some("Note"), &f.source);
    for e in &f.explained {
        doc.para(Some("Note"), e);
    }
}

/// The table of contents: a TOC field over heading levels 1–3, its result
/// the headings as links (Word fills in the page numbers when it updates
/// the field, which it offers on opening).
fn toc(headings: &[(u8, String, String)], title: &str) -> String {
    let mut x = format!(
        "<w:p><w:pPr><w:pStyle w:val=\"TOCHeading\"/></w:pPr><w:r><w:t>{}</w:t></w:r></w:p>",
        esc(title)
    );
    x.push_str("<w:p><w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r></w:p>");
    for (level, bookmark, text) in headings.iter().filter(|(l, ..)| *l <= 2) {
        x.push_str(&format!(
            "<w:p><w:pPr><w:pStyle w:val=\"TOC{level}\"/></w:pPr><w:hyperlink w:anchor=\"{bookmark}\" w:history=\"1\"><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:hyperlink></w:p>",
            esc(text)
        ));
    }
    x.push_str("<w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>");
    x
}

const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"";

fn document_xml(body: &str) -> String {
    // A4 portrait, 2.5 cm margins; the cover (first page) without a footer.
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {NS}><w:body>{body}<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1418\" w:right=\"1418\" w:bottom=\"1418\" w:left=\"1418\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/><w:titlePg/></w:sectPr></w:body></w:document>"
    )
}

fn footer_xml(report: &Report, wd: &Words) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr {NS}><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{} – {} – {} </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:ftr>",
        esc(&report.title),
        esc(&report.subject),
        wd.page
    )
}

/// The styles: Normal, the title page's, headings 1–3 (with outline
/// levels: the navigation pane and the table of contents), captions,
/// guidance (shaded, to delete), the writing space, bullets, tables.
fn styles_xml(wd: &Words) -> String {
    let lang = wd.lang_tag;
    let para = |id: &str, name: &str, ppr: &str, rpr: &str| {
        format!("<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>")
    };
    let heading = |n: u8, size: u8, before: u16| {
        para(
            &format!("Heading{n}"),
            &format!("heading {n}"),
            &format!("<w:keepNext/><w:keepLines/><w:spacing w:before=\"{before}\" w:after=\"120\"/><w:outlineLvl w:val=\"{}\"/>", n - 1),
            &format!("<w:b/><w:color w:val=\"1F4E8C\"/><w:sz w:val=\"{size}\"/>"),
        )
    };
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\"Calibri\" w:cs=\"Calibri\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"{lang}\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
    );
    s.push_str(&para(
        "Title",
        "Title",
        "<w:spacing w:before=\"2400\" w:after=\"240\"/>",
        "<w:b/><w:color w:val=\"1F4E8C\"/><w:sz w:val=\"52\"/>",
    ));
    s.push_str(&para(
        "Subtitle",
        "Subtitle",
        "<w:spacing w:after=\"240\"/>",
        "<w:sz w:val=\"32\"/>",
    ));
    s.push_str(&heading(1, 36, 360));
    s.push_str(&heading(2, 30, 300));
    s.push_str(&heading(3, 24, 240));
    s.push_str(&para(
        "Caption",
        "caption",
        "<w:keepNext/><w:spacing w:before=\"60\" w:after=\"120\"/>",
        "<w:i/><w:sz w:val=\"20\"/>",
    ));
    s.push_str(&para(
        "TOCHeading",
        "TOC Heading",
        "<w:spacing w:before=\"240\" w:after=\"240\"/>",
        "<w:b/><w:color w:val=\"1F4E8C\"/><w:sz w:val=\"36\"/>",
    ));
    s.push_str(&para(
        "TOC1",
        "toc 1",
        "<w:spacing w:after=\"60\"/>",
        "<w:b/>",
    ));
    s.push_str(&para(
        "TOC2",
        "toc 2",
        "<w:spacing w:after=\"40\"/><w:ind w:left=\"440\"/>",
        "",
    ));
    s.push_str(&para("Guidance", "Innsyn guidance", "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"EEF2F7\"/><w:spacing w:after=\"60\"/><w:ind w:left=\"113\" w:right=\"113\"/>", "<w:i/><w:color w:val=\"3A3F45\"/>"));
    s.push_str(&para("WriteHere", "Innsyn write here", "<w:pBdr><w:left w:val=\"single\" w:sz=\"12\" w:space=\"4\" w:color=\"A84A00\"/></w:pBdr><w:spacing w:before=\"120\" w:after=\"240\"/>", "<w:color w:val=\"5A5F66\"/>"));
    s.push_str(&para(
        "QuestionsHeading",
        "Innsyn questions",
        "<w:keepNext/><w:spacing w:before=\"180\" w:after=\"60\"/>",
        "<w:b/>",
    ));
    s.push_str(&para(
        "ListBullet",
        "List Bullet",
        "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr><w:spacing w:after=\"60\"/>",
        "",
    ));
    s.push_str(&para(
        "TableText",
        "Innsyn table text",
        "<w:spacing w:after=\"0\"/>",
        "<w:sz w:val=\"19\"/>",
    ));
    s.push_str(&para(
        "Note",
        "Innsyn note",
        "<w:spacing w:before=\"60\" w:after=\"60\"/>",
        "<w:sz w:val=\"19\"/>",
    ));
    s.push_str(&para(
        "Label",
        "Innsyn label",
        "",
        "<w:b/><w:color w:val=\"A84A00\"/>",
    ));
    s.push_str(&para(
        "SourceTitle",
        "Innsyn source title",
        "<w:spacing w:before=\"180\" w:after=\"40\"/>",
        "<w:b/>",
    ));
    s.push_str(&para(
        "SourceLine",
        "Innsyn source line",
        "<w:spacing w:after=\"20\"/>",
        "<w:sz w:val=\"19\"/>",
    ));
    s.push_str(&para(
        "Footer",
        "footer",
        "",
        "<w:sz w:val=\"18\"/><w:color w:val=\"5A5F66\"/>",
    ));
    s.push_str("<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8A9099\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8A9099\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8A9099\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8A9099\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8A9099\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8A9099\"/></w:tblBorders><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>");
    s.push_str("</w:styles>");
    s
}

const NUMBERING: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";

/// Word updates the table of contents when the document is opened.
const SETTINGS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:updateFields w:val=\"true\"/><w:defaultTabStop w:val=\"708\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>";

fn package(
    report: &Report,
    document: &str,
    images: &[&Image],
    wd: &Words,
    date: &str,
) -> Result<Vec<u8>, String> {
    let mut types = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"png\" ContentType=\"image/png\"/>");
    for (part, ty) in [
        (
            "/word/document.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        ),
        (
            "/word/styles.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
        ),
        (
            "/word/settings.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
        ),
        (
            "/word/numbering.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
        ),
        (
            "/word/footer1.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
        ),
        (
            "/docProps/core.xml",
            "application/vnd.openxmlformats-package.core-properties+xml",
        ),
        (
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        ),
    ] {
        types.push_str(&format!(
            "<Override PartName=\"{part}\" ContentType=\"{ty}\"/>"
        ));
    }
    types.push_str("</Types>");
    let rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/><Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>";
    let rel = |id: &str, ty: &str, target: &str| {
        format!("<Relationship Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{ty}\" Target=\"{target}\"/>")
    };
    let mut doc_rels = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    doc_rels.push_str(&rel("rIdStyles", "styles", "styles.xml"));
    doc_rels.push_str(&rel("rIdSettings", "settings", "settings.xml"));
    doc_rels.push_str(&rel("rIdNumbering", "numbering", "numbering.xml"));
    doc_rels.push_str(&rel("rIdFooter", "footer", "footer1.xml"));
    for n in 1..=images.len() {
        doc_rels.push_str(&rel(
            &format!("rIdImage{n}"),
            "image",
            &format!("media/figure{n}.png"),
        ));
    }
    doc_rels.push_str("</Relationships>");
    let core = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{} – {}</dc:title><dc:creator>Innsyn</dc:creator><dc:language>{}</dc:language><dcterms:created xsi:type=\"dcterms:W3CDTF\">{date}T00:00:00Z</dcterms:created></cp:coreProperties>",
        esc(&report.title),
        esc(&report.subject),
        wd.lang_tag
    );
    let app = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>Innsyn</Application></Properties>";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let mut put = |name: &str, bytes: &[u8]| -> Result<(), String> {
        zip.start_file(name, opts).map_err(|e| e.to_string())?;
        zip.write_all(bytes).map_err(|e| e.to_string())
    };
    put("[Content_Types].xml", types.as_bytes())?;
    put("_rels/.rels", rels.as_bytes())?;
    put("word/document.xml", document.as_bytes())?;
    put("word/_rels/document.xml.rels", doc_rels.as_bytes())?;
    put("word/styles.xml", styles_xml(wd).as_bytes())?;
    put("word/settings.xml", SETTINGS.as_bytes())?;
    put("word/numbering.xml", NUMBERING.as_bytes())?;
    put("word/footer1.xml", footer_xml(report, wd).as_bytes())?;
    put("docProps/core.xml", core.as_bytes())?;
    put("docProps/app.xml", app.as_bytes())?;
    for (n, img) in images.iter().enumerate() {
        put(&format!("word/media/figure{}.png", n + 1), &img.png)?;
    }
    zip.finish()
        .map(std::io::Cursor::into_inner)
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_from_data_is_escaped_never_markup() {
        assert_eq!(
            esc("<w:p>\"A & B\"</w:p>\u{1}\u{fffe}\n"),
            "&lt;w:p&gt;&quot;A &amp; B&quot;&lt;/w:p&gt; "
        );
    }
}

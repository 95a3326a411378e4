//! The accessibility statement (tilgjengelighetserklæring,
//! `innsyn-accessibility/1`, the build's `data/accessibility.json`): its
//! prose in nb, nn and en as sections of paragraphs, lists and links, and
//! the table of WCAG 2.1 A/AA success criteria with their status. The prose
//! is data, not code, so it costs the first load nothing; the app shows it
//! as text. Whom to contact is the catalog's (`contact`, read by
//! [`contact`]): each publisher puts in its own. Documented in
//! `docs/data-format.md`.

use crate::diag::{Diagnostic, Diags, Msg};
use crate::fields::{self, Need::*, Obj};
use crate::json::{self, ParseError};
use crate::limits::safe_link;
use crate::model::I18nText;

pub const FORMAT: &str = "innsyn-accessibility/1";
/// Where the app reads it, beside the bundled catalog.
pub const FILE: &str = "data/accessibility.json";

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Statement {
    pub title: I18nText,
    /// When the statement was made (year, month, day).
    pub date: Option<(u32, u32, u32)>,
    pub sections: Vec<Section>,
    pub criteria: Criteria,
}

/// A section: an `h2` and what follows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: I18nText,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph.
    Text(I18nText),
    /// A bulleted list.
    List(Vec<I18nText>),
    /// A paragraph that is a link (http(s) only).
    Link(I18nText, String),
    /// The table of success criteria.
    Criteria,
    /// The statement's date, `{}` in the text replaced by it.
    Date(I18nText),
    /// Whom to contact (the catalog's), with the words it is shown with.
    Contact(ContactWords),
}

/// The words around the catalog's contact: `missing` (with `{}` for the
/// site's publisher) when the catalog names none.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ContactWords {
    pub missing: I18nText,
    pub email: I18nText,
    pub web: I18nText,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Met,
    Partly,
    NotMet,
    NotApplicable,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Met,
        Status::Partly,
        Status::NotMet,
        Status::NotApplicable,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Partly => "partly",
            Status::NotMet => "not_met",
            Status::NotApplicable => "not_applicable",
        }
    }
}

/// One WCAG success criterion.
#[derive(Debug, Clone, PartialEq)]
pub struct Criterion {
    /// `1.1.1`.
    pub id: String,
    /// `A` or `AA`.
    pub level: String,
    pub name: I18nText,
    pub status: Status,
    pub note: Option<I18nText>,
}

/// The table: its caption, column headings (criterion, level, status,
/// note), the word for each status (in [`Status::ALL`]'s order) and rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Criteria {
    pub caption: I18nText,
    pub columns: Vec<I18nText>,
    pub status: Vec<I18nText>,
    pub items: Vec<Criterion>,
}

impl Criteria {
    /// The word for a status.
    pub fn word(&self, s: Status) -> Option<&I18nText> {
        self.status.get(s as usize)
    }
}

/// Whom to contact about accessibility: the catalog's `contact`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Contact {
    pub name: Option<I18nText>,
    /// As given; linked only when it looks like an address ([`Contact::mailto`]).
    pub email: Option<String>,
    /// http(s) only.
    pub url: Option<String>,
}

impl Contact {
    /// The `mailto:` link of the email, when it looks like an address.
    pub fn mailto(&self) -> Option<String> {
        let e = self.email.as_deref()?;
        looks_like_email(e).then(|| format!("mailto:{e}"))
    }
}

/// An address a `mailto:` link can carry as it is: `local@domain.tld` of
/// ASCII letters, digits and `.+-_` (no `?`, `&`, `%`, spaces: nothing
/// that could add headers or break the link).
pub fn looks_like_email(e: &str) -> bool {
    let Some((local, domain)) = e.split_once('@') else {
        return false;
    };
    let ok = |s: &str, extra: &str| {
        !s.is_empty()
            && !s.starts_with('.')
            && !s.ends_with('.')
            && !s.contains("..")
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || extra.contains(c))
    };
    e.len() <= 254 && ok(local, ".+-_") && ok(domain, ".-") && domain.contains('.')
}

/// The catalog's optional `contact`: `name` (text or `{nb, nn, en}`),
/// `email` and `url`. An email that is no address is kept as text but not
/// linked (`BAD_EMAIL`); a url that is not http(s) is not used
/// (`UNSAFE_LINK`). `None` when nothing usable is given.
pub fn contact(root: &Obj, d: &mut Diags) -> Option<Contact> {
    let o = root.obj("contact", Optional, d)?;
    let name = o.text("name", Optional, d);
    let email = o.string("email", Optional, d);
    if email.as_deref().is_some_and(|e| !looks_like_email(e)) {
        o.bad(
            "BAD_EMAIL",
            "email",
            "en e-postadresse (navn@domene.no); vises uten lenke",
            "an email address (name@domain.no); shown without a link",
            d,
        );
    }
    let url = match o.str("url", Optional, d) {
        Some(u) if safe_link(u) => Some(u.to_string()),
        Some(_) => {
            o.bad(
                "UNSAFE_LINK",
                "url",
                "en http(s)-adresse",
                "an http(s) address",
                d,
            );
            None
        }
        None => None,
    };
    let c = Contact { name, email, url };
    (c != Contact::default()).then_some(c)
}

/// `YYYY-MM-DD`.
fn parse_date(s: &str) -> Option<(u32, u32, u32)> {
    let mut it = s.split('-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// Reads a statement. Every text is required in nb, nn and en
/// (`MISSING_TRANSLATION` otherwise); a block or criterion that cannot be
/// read is reported and left out.
pub fn parse(src: &str) -> Result<(Statement, Vec<Diagnostic>), ParseError> {
    let json = json::parse(src)?;
    let mut d = Diags::new(src);
    let d = &mut d;
    let root = Obj::root(&json);
    fields::format(
        &root,
        FORMAT,
        "En tilgjengelighetserklæring",
        "An accessibility statement",
        d,
    );
    let mut st = Statement {
        title: root.text("title", Required, d).unwrap_or_default(),
        ..Default::default()
    };
    if let Some(s) = root.str("date", Required, d) {
        st.date = parse_date(s);
        if st.date.is_none() {
            root.bad("BAD_DATE", "date", "ÅÅÅÅ-MM-DD", "YYYY-MM-DD", d);
        }
    }
    for s in root.objs("sections", Required, d) {
        let heading = s.text("heading", Required, d).unwrap_or_default();
        let mut blocks = Vec::new();
        for b in s.objs("blocks", Required, d) {
            if let Some(block) = block(&b, d) {
                blocks.push(block);
            }
        }
        st.sections.push(Section { heading, blocks });
    }
    if let Some(c) = root.obj("criteria", Required, d) {
        st.criteria = criteria(&c, d);
    }
    let list = std::mem::take(&mut d.list);
    Ok((st, list))
}

fn block(b: &Obj, d: &mut Diags) -> Option<Block> {
    if b.get("p").is_some() {
        return Some(Block::Text(b.text("p", Required, d)?));
    }
    if let Some(items) = b.arr("list", Optional, d) {
        let path = b.key_path("list");
        let items = items.iter().enumerate();
        let list = items.filter_map(|(i, j)| fields::text(j, &format!("{path}[{i}]"), Required, d));
        return Some(Block::List(list.collect()));
    }
    if let Some(l) = b.obj("link", Optional, d) {
        let text = l.text("text", Required, d);
        let url = l.str("url", Required, d);
        if url.is_some_and(|u| !safe_link(u)) {
            l.bad(
                "UNSAFE_LINK",
                "url",
                "en http(s)-adresse",
                "an http(s) address",
                d,
            );
        }
        return Some(Block::Link(
            text?,
            url.filter(|u| safe_link(u))?.to_string(),
        ));
    }
    if b.flag("criteria", d) {
        return Some(Block::Criteria);
    }
    if b.get("date").is_some() {
        return Some(Block::Date(b.text("date", Required, d)?));
    }
    if let Some(c) = b.obj("contact", Optional, d) {
        let mut w = |k: &str| c.text(k, Required, d).unwrap_or_default();
        return Some(Block::Contact(ContactWords {
            missing: w("missing"),
            email: w("email"),
            web: w("web"),
        }));
    }
    d.warn(
        "BAD_BLOCK",
        &b.path,
        b.start(),
        Msg::new(
            "Skal ha «p», «list», «link», «criteria», «date» eller «contact»; blir ikke brukt",
            "Should have \"p\", \"list\", \"link\", \"criteria\", \"date\" or \"contact\"; not used",
        ),
    );
    None
}

fn criteria(c: &Obj, d: &mut Diags) -> Criteria {
    let caption = c.text("caption", Required, d).unwrap_or_default();
    let words = |key: &str, keys: &[&str], d: &mut Diags| -> Vec<I18nText> {
        let o = c.obj(key, Required, d);
        keys.iter()
            .map(|k| {
                o.as_ref()
                    .and_then(|o| o.text(k, Required, d))
                    .unwrap_or_default()
            })
            .collect()
    };
    let columns = words("columns", &["criterion", "level", "status", "note"], d);
    let codes = Status::ALL.map(Status::code);
    let status = words("status", &codes, d);
    let mut items: Vec<Criterion> = Vec::new();
    for i in c.objs("items", Required, d) {
        let id = i.string("id", Required, d);
        let level = i.string("level", Required, d);
        let name = i.text("name", Required, d);
        let st = i.str("status", Required, d);
        let status = st.and_then(|s| Status::ALL.into_iter().find(|x| x.code() == s));
        if st.is_some() && status.is_none() {
            i.bad(
                "BAD_STATUS",
                "status",
                "«met», «partly», «not_met» eller «not_applicable»",
                "\"met\", \"partly\", \"not_met\" or \"not_applicable\"",
                d,
            );
        }
        if level.as_deref().is_some_and(|l| l != "A" && l != "AA") {
            i.bad("BAD_FIELD", "level", "«A» eller «AA»", "\"A\" or \"AA\"", d);
        }
        if let Some(id) = &id {
            if items.iter().any(|x| &x.id == id) {
                d.error(
                    "DUPLICATE_CRITERION",
                    &i.path,
                    i.start(),
                    Msg::new(
                        format!("Kriteriet «{id}» står to ganger"),
                        format!("The criterion \"{id}\" is listed twice"),
                    ),
                );
                continue;
            }
        }
        let note = i.text("note", Optional, d);
        if let (Some(id), Some(level), Some(name), Some(status)) = (id, level, name, status) {
            items.push(Criterion {
                id,
                level,
                name,
                status,
                note,
            });
        }
    }
    Criteria {
        caption,
        columns,
        status,
        items,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn codes(d: &[Diagnostic]) -> Vec<(&'static str, &str)> {
        d.iter().map(|x| (x.code, x.path.as_str())).collect()
    }

    /// Every success criterion of WCAG 2.1 at levels A and AA.
    const WCAG21_A_AA: [&str; 50] = [
        "1.1.1", "1.2.1", "1.2.2", "1.2.3", "1.2.4", "1.2.5", "1.3.1", "1.3.2", "1.3.3", "1.3.4",
        "1.3.5", "1.4.1", "1.4.2", "1.4.3", "1.4.4", "1.4.5", "1.4.10", "1.4.11", "1.4.12",
        "1.4.13", "2.1.1", "2.1.2", "2.1.4", "2.2.1", "2.2.2", "2.3.1", "2.4.1", "2.4.2", "2.4.3",
        "2.4.4", "2.4.5", "2.4.6", "2.4.7", "2.5.1", "2.5.2", "2.5.3", "2.5.4", "3.1.1", "3.1.2",
        "3.2.1", "3.2.2", "3.2.3", "3.2.4", "3.3.1", "3.3.2", "3.3.3", "3.3.4", "4.1.1", "4.1.2",
        "4.1.3",
    ];

    #[test]
    fn the_bundled_statement_reads_cleanly_and_lists_every_criterion() {
        let (st, d) = parse(include_str!("../../../public/data/accessibility.json")).unwrap();
        assert_eq!(codes(&d), [], "no diagnostics");
        let ids: Vec<&str> = st.criteria.items.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            ids, WCAG21_A_AA,
            "every A/AA criterion of WCAG 2.1, in order"
        );
        assert!(st.date.is_some());
        assert_eq!(st.criteria.columns.len(), 4);
        assert_eq!(st.criteria.status.len(), 4);
        let blocks: Vec<&Block> = st.sections.iter().flat_map(|s| &s.blocks).collect();
        let count = |f: fn(&Block) -> bool| blocks.iter().filter(|b| f(b)).count();
        assert_eq!(count(|b| matches!(b, Block::Criteria)), 1);
        assert_eq!(count(|b| matches!(b, Block::Contact(_))), 1);
        assert_eq!(count(|b| matches!(b, Block::Date(_))), 1);
        assert_eq!(
            count(|b| matches!(b, Block::Link(_, u) if u.contains("uutilsynet.no"))),
            1
        );
        // An honest statement: what is only partly met says why.
        for c in &st.criteria.items {
            if matches!(c.status, Status::Partly | Status::NotMet) {
                assert!(c.note.is_some(), "{} needs a note", c.id);
            }
        }
        assert_ne!(st.title.get(Lang::Nn), st.title.get(Lang::Nb));
    }

    #[test]
    fn bad_blocks_links_statuses_and_dates_are_reported_and_left_out() {
        let src = r#"{"format": "innsyn-accessibility/1", "title": "T", "date": "2026-13-01",
          "sections": [{"heading": "H", "blocks": [
            {"p": "a"}, {"link": {"text": "x", "url": "javascript:alert(1)"}}, {"img": "y"},
            {"list": ["i", 3]}, {"criteria": true}]}],
          "criteria": {"caption": "C",
            "columns": {"criterion": "k", "level": "n", "status": "s", "note": "m"},
            "status": {"met": "o", "partly": "d", "not_met": "i", "not_applicable": "r"},
            "items": [{"id": "1.1.1", "level": "A", "name": "N", "status": "met"},
                      {"id": "1.1.1", "level": "A", "name": "N", "status": "met"},
                      {"id": "1.2.1", "level": "AAA", "name": "N", "status": "maybe"}]}}"#;
        let (st, d) = parse(src).unwrap();
        let got = codes(&d);
        for want in [
            ("BAD_DATE", "$.date"),
            ("UNSAFE_LINK", "$.sections[0].blocks[1].link.url"),
            ("BAD_BLOCK", "$.sections[0].blocks[2]"),
            ("WRONG_TYPE", "$.sections[0].blocks[3].list[1]"),
            ("DUPLICATE_CRITERION", "$.criteria.items[1]"),
            ("BAD_STATUS", "$.criteria.items[2].status"),
            ("BAD_FIELD", "$.criteria.items[2].level"),
        ] {
            assert!(got.contains(&want), "{want:?} in {got:?}");
        }
        assert_eq!(st.date, None);
        let blocks = &st.sections[0].blocks;
        assert_eq!(blocks.len(), 3, "the paragraph, the list and the table");
        assert_eq!(blocks[1], Block::List(vec![I18nText::plain("i")]));
        assert_eq!(st.criteria.items.len(), 1);
        assert_eq!(
            st.criteria.word(Status::NotApplicable),
            Some(&I18nText::plain("r"))
        );
    }

    fn contact_of(src: &str) -> (Option<Contact>, Vec<Diagnostic>) {
        let j = json::parse(src).unwrap();
        let mut d = Diags::new(src);
        let c = contact(&Obj::root(&j), &mut d);
        (c, d.list)
    }

    #[test]
    fn a_contact_links_only_an_address_and_an_http_page() {
        let (c, d) = contact_of(
            r#"{"contact": {"name": {"nb": "KS", "nn": "KS", "en": "KS"},
               "email": "uu@ks.no", "url": "https://www.ks.no/uu"}}"#,
        );
        assert_eq!(codes(&d), []);
        let c = c.unwrap();
        assert_eq!(c.mailto().as_deref(), Some("mailto:uu@ks.no"));
        assert_eq!(c.url.as_deref(), Some("https://www.ks.no/uu"));

        let (c, d) = contact_of(
            r#"{"contact": {"email": "ring oss på 12345678", "url": "javascript:alert(1)"}}"#,
        );
        assert_eq!(
            codes(&d),
            [
                ("BAD_EMAIL", "$.contact.email"),
                ("UNSAFE_LINK", "$.contact.url")
            ]
        );
        let c = c.unwrap();
        assert_eq!(c.mailto(), None, "not linked");
        assert_eq!(
            c.email.as_deref(),
            Some("ring oss på 12345678"),
            "shown as text"
        );
        assert_eq!(c.url, None);

        assert_eq!(contact_of("{}").0, None);
        assert_eq!(contact_of(r#"{"contact": {"url": "data:x"}}"#).0, None);
        let (c, d) = contact_of(r#"{"contact": "post@ks.no"}"#);
        assert_eq!((c, codes(&d)), (None, vec![("WRONG_TYPE", "$.contact")]));
    }

    #[test]
    fn what_counts_as_an_address() {
        for ok in ["a@b.no", "fornavn.etternavn+uu@kommune-x.kommune.no"] {
            assert!(looks_like_email(ok), "{ok}");
        }
        for bad in [
            "",
            "a@b",
            "@b.no",
            "a@.no",
            "a@b.no?bcc=c@d.no",
            "a b@c.no",
            "a@b@c.no",
            "javascript:a@b.no",
            "a@b..no",
            "<a@b.no>",
            "a%40@b.no",
        ] {
            assert!(!looks_like_email(bad), "{bad}");
        }
    }
}

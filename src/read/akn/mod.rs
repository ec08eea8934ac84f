//! Akoma Ntoso 3.0 read back into the model: our own AKN4UN output, and AKN from
//! other tools as far as the model can hold it.
//!
//! AKN is already structured, so this reader needs none of the text readers' shape
//! rules: it maps elements to the model ([`meta`] for the metadata, cover page and
//! preface; [`body`] for the preamble, the operative part, the conclusions, the
//! annexes and the inline content). What the model cannot hold is reported as a
//! warning naming the element and its line, never dropped silently. The XML itself is
//! parsed by [`tree`], which refuses what could make it fetch or explode.

mod body;
mod error;
mod meta;
mod tree;

use crate::diag::Diagnostic;
use crate::model::{Footnote, Resolution};
use std::collections::{HashMap, HashSet};
use tree::Element;

pub use error::AknError;

/// The Akoma Ntoso 3.0 namespace.
pub const AKN_NS: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// Larger AKN files are refused (our largest is about 1 MB).
pub const MAX_BYTES: usize = 64 << 20;

/// Attributes every element may carry that the model does not need: element ids
/// are assigned again from the structure when the document is written.
const ID_ATTRS: &[&str] = &["eId", "wId", "GUID"];

impl AknError {
    fn at(e: &Element, message: impl Into<String>) -> AknError {
        AknError {
            offset: Some(e.pos),
            ..AknError::new(0, 0, message)
        }
    }
}

/// Whether `text` is an XML document to be read as AKN: it opens with an XML
/// declaration, or with a tag and names the AKN 3.0 namespace near its start.
pub fn looks_like(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with("<?xml") {
        return true;
    }
    // The first 4 KiB, cut back to a character boundary.
    let mut end = t.len().min(4096);
    while !t.is_char_boundary(end) {
        end -= 1;
    }
    let head = t.get(..end).unwrap_or_default();
    t.starts_with('<') && head.contains(AKN_NS)
}

/// The document and its warnings.
#[derive(Debug)]
pub struct Read {
    pub doc: Resolution,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads an AKN document.
pub fn read(text: &str) -> Result<Read, AknError> {
    let mut out = read_located(text).map_err(|mut e| {
        if let Some(at) = e.offset.take() {
            (e.line, e.column) = tree::locate(text, at);
        }
        e
    })?;
    recognise_facts(&mut out.doc);
    Ok(out)
}

/// The facts the text readers recognise beside the printed words (the adoption line's
/// parts, the meeting kind, article numbers), recognised the same way here, since AKN
/// carries the printed words.
fn recognise_facts(doc: &mut Resolution) {
    use crate::model::Block;
    use crate::read::lex::{
        heading::article_number, masthead::adoption_parts, meeting::meeting_kind,
    };
    let m = &doc.meta;
    doc.meta.adoption_parts = m.adoption_line.as_deref().map(|line| {
        let date = m.adopted.as_ref().map(|d| d.text.as_str());
        adoption_parts(line, m.organ, date)
    });
    doc.meta.known_work = crate::read::lex::work::known_work(&doc.meta);
    if let Some(c) = doc.closing.as_mut() {
        c.meeting_kind = c.meeting.as_deref().map(meeting_kind);
    }
    fn walk(blocks: &mut [Block]) {
        for b in blocks {
            match b {
                Block::Paragraph(p) => {
                    p.article = p
                        .heading
                        .as_ref()
                        .and_then(|h| article_number(&h.to_plain()));
                }
                Block::Section(s) => walk(&mut s.children),
            }
        }
    }
    walk(&mut doc.preamble);
    walk(&mut doc.body);
    for a in &mut doc.annexes {
        walk(&mut a.blocks);
    }
}

fn read_located(text: &str) -> Result<Read, AknError> {
    if text.len() > MAX_BYTES {
        return Err(AknError::new(
            1,
            1,
            format!(
                "the file has {} MiB, more than the {} MiB an AKN file may have",
                text.len() >> 20,
                MAX_BYTES >> 20
            ),
        ));
    }
    let tree = tree::parse(text)?;
    let root = tree.root();
    if root.name != "akomaNtoso" {
        return Err(AknError::at(
            &root,
            format!(
                "not Akoma Ntoso: the root element is <{}>, not <akomaNtoso>",
                qualified(&root)
            ),
        ));
    }
    let ns_attr = match root.prefix {
        Some(p) => format!("xmlns:{p}"),
        None => "xmlns".to_string(),
    };
    match root.attr(&ns_attr) {
        Some(AKN_NS) => {}
        Some(other) => {
            return Err(AknError::at(
                &root,
                format!(
                "wrong namespace: <akomaNtoso> is in {other}, not in Akoma Ntoso 3.0 ({AKN_NS})"
            ),
            ))
        }
        None => {
            return Err(AknError::at(
                &root,
                format!(
                    "wrong namespace: <akomaNtoso> has no namespace; Akoma Ntoso 3.0 is {AKN_NS}"
                ),
            ))
        }
    }
    let mut r = Reader {
        footnotes: Vec::new(),
        prefix: root.prefix.map(String::from),
        pending: Vec::new(),
        note_index: HashMap::new(),
        noted: HashSet::new(),
        committee: None,
    };
    r.attrs(&root, &[], true);
    let mut docs = root.elements();
    let Some(doc_el) = docs.next() else {
        return Err(AknError::at(
            &root,
            "a required part is missing: <akomaNtoso> holds no document",
        ));
    };
    for extra in docs {
        r.warn(
            &extra,
            format!(
                "<{}> after the first document is not read: one document per file",
                extra.name
            ),
        );
    }
    let mut doc = r.document(&doc_el)?;
    doc.footnotes = std::mem::take(&mut r.footnotes);
    Ok(Read {
        doc,
        diagnostics: r.diagnostics(text),
    })
}

/// The element's name as written.
fn qualified(e: &Element) -> String {
    match e.prefix {
        Some(p) => format!("{p}:{}", e.name),
        None => e.name.to_string(),
    }
}

/// The state of one reading: warnings and the footnotes met so far.
struct Reader {
    /// Warnings by the byte offset of their element, located when the reading is done.
    pending: Vec<(usize, String)>,
    /// Each footnote once, in the order of its first mark.
    footnotes: Vec<Footnote>,
    /// Marker → index in `footnotes` (a file may hold many notes).
    note_index: HashMap<String, usize>,
    /// Element names already reported as read as another (one warning per name).
    noted: HashSet<String>,
    /// The prefix of the AKN namespace (`None` when it is the default one).
    prefix: Option<String>,
    /// The masthead's committee line and its offset, kept with a draft's submission line.
    committee: Option<(usize, String)>,
}

impl Reader {
    fn warn(&mut self, e: &Element, message: impl Into<String>) {
        self.pending.push((e.pos, message.into()));
    }

    /// The warnings in the order of the file, each at its line and column: one pass
    /// over the text, however many warnings and however long its lines.
    fn diagnostics(&mut self, text: &str) -> Vec<Diagnostic> {
        self.pending.sort_by_key(|(at, _)| *at);
        let bytes = text.as_bytes();
        let (mut line, mut column, mut from) = (1, 1, 0);
        let mut out = Vec::with_capacity(self.pending.len());
        for (at, message) in self.pending.drain(..) {
            let at = at.min(bytes.len());
            for &b in bytes.get(from..at).unwrap_or_default() {
                if b == b'\n' {
                    line += 1;
                    column = 1;
                } else if b & 0xC0 != 0x80 {
                    // Not a UTF-8 continuation byte: a character starts here.
                    column += 1;
                }
            }
            from = at.max(from);
            out.push(Diagnostic::warning(line, message).with_column(column));
        }
        out
    }

    /// Warns about an element the model has no place for, with the text it loses.
    fn not_read(&mut self, e: &Element, within: &str) {
        let text = e.text();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let shown: String = text.chars().take(60).collect();
        let more = if shown.len() < text.len() { "…" } else { "" };
        let lost = if text.is_empty() {
            String::new()
        } else {
            format!(" (text not kept: \"{shown}{more}\")")
        };
        self.warn(
            e,
            format!(
                "<{}> in <{within}> is not read: the model has no place for it{lost}",
                qualified(e)
            ),
        );
    }

    /// Warns about each attribute of `e` outside `known` (ids and namespace
    /// declarations aside, and on the root only those).
    fn attrs(&mut self, e: &Element, known: &[&str], ns_ok: bool) {
        let unknown: Vec<String> = e
            .attrs
            .iter()
            .filter(|(k, _)| {
                !known.contains(k)
                    && !ID_ATTRS.contains(k)
                    && !(ns_ok && (*k == "xmlns" || k.starts_with("xmlns:")))
                    && !k.starts_with("xml:")
            })
            .map(|(k, v)| format!("{k}=\"{v}\""))
            .collect();
        if !unknown.is_empty() {
            self.warn(
                e,
                format!(
                    "attribute{} {} of <{}> not kept: the model has no place for {}",
                    if unknown.len() > 1 { "s" } else { "" },
                    unknown.join(", "),
                    qualified(e),
                    if unknown.len() > 1 { "them" } else { "it" }
                ),
            );
        }
    }

    /// Whether `e` is in the AKN namespace (by its prefix).
    fn is_akn(&self, e: &Element) -> bool {
        e.prefix == self.prefix.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection_needs_xml() {
        assert!(looks_like("<?xml version=\"1.0\"?><a/>"));
        assert!(looks_like(&format!(
            "\u{feff}<akomaNtoso xmlns=\"{AKN_NS}\">"
        )));
        assert!(!looks_like("<<ODS JOB NO>>N1051986E<<ODS JOB NO>>"));
        assert!(!looks_like("The General Assembly,\n"));
        let long = format!("<a>{}", "é".repeat(5000));
        assert!(!looks_like(&long));
    }

    #[test]
    fn the_root_must_be_akn() {
        let e = read("<html/>").unwrap_err();
        assert!(e.message.starts_with("not Akoma Ntoso"), "{}", e.message);
        let e = read("<akomaNtoso xmlns=\"http://www.akomantoso.org/2.0\"/>").unwrap_err();
        assert!(e.message.starts_with("wrong namespace"), "{}", e.message);
        let e = read(&format!("<akomaNtoso xmlns=\"{AKN_NS}\"/>")).unwrap_err();
        assert!(e.message.contains("holds no document"), "{}", e.message);
        let big = " ".repeat(MAX_BYTES + 1);
        assert!(read(&big).unwrap_err().message.contains("MiB"));
    }

    /// A prefixed namespace reads as the default one; metadata the model has no place for
    /// is a warning at its line and column.
    #[test]
    fn prefixed_akn_and_unread_metadata() {
        let xml = format!(
            "<akn:akomaNtoso xmlns:akn=\"{AKN_NS}\">\n<akn:doc name=\"annex\">\n<akn:meta>\n\
             <akn:identification source=\"#x\"><akn:FRBRExpression><akn:FRBRlanguage language=\"fra\"/></akn:FRBRExpression></akn:identification>\n\
             <akn:lifecycle source=\"#x\"><akn:eventRef date=\"2020-01-01\"/></akn:lifecycle>\n\
             </akn:meta>\n<akn:mainBody><akn:paragraph><akn:num>1.</akn:num><akn:content><akn:p>Texte.</akn:p></akn:content></akn:paragraph></akn:mainBody>\n\
             </akn:doc>\n</akn:akomaNtoso>"
        );
        let out = read(&xml).unwrap();
        assert_eq!(out.doc.meta.language, "fr");
        assert_eq!(out.doc.operative_paragraphs().len(), 1);
        assert_eq!(
            out.doc.operative_paragraphs()[0].content[0].to_plain(),
            "Texte."
        );
        let at: Vec<(usize, usize, &str)> = out
            .diagnostics
            .iter()
            .map(|d| (d.line, d.column, d.message.as_str()))
            .collect();
        assert!(
            at.iter()
                .any(|(l, c, m)| (*l, *c) == (2, 1) && m.contains("an AKN doc")),
            "{at:?}"
        );
        assert!(
            at.iter().any(|(l, c, m)| (*l, *c) == (5, 1)
                && m.starts_with("<akn:lifecycle> in <meta> is not read")),
            "{at:?}"
        );
    }

    /// A draft's parts: the kind by the statement's name, the committee of the cover
    /// page, a submission line written plain (its sponsors found as in a text), the
    /// revision of the symbol; italics with the emphasis class stay emphasis.
    #[test]
    fn a_draft_and_its_parts() {
        use crate::model::{DocKind, Inline};
        let doc = |cover: &str, preface: &str| {
            format!(
                "<akomaNtoso xmlns=\"{AKN_NS}\"><statement name=\"draftResolution\"><meta>\
                 <identification source=\"#x\"/></meta>\
                 <coverPage><container name=\"masthead\">{cover}</container></coverPage>\
                 <preface>{preface}</preface><mainBody><paragraph><num>1.</num><content>\
                 <p><i>Decides</i> to cite the <i class=\"emphasis\">Treaty Series</i>.</p>\
                 </content></paragraph></mainBody></statement></akomaNtoso>"
            )
        };
        let committee =
            "<p><inline name=\"committee\" refersTo=\"#committee\">Third Committee</inline></p>";
        let symbol = "<p><docNumber refersTo=\"#symbol\">A/C.3/80/L.3/Rev.1</docNumber></p>";
        let line = "<p><inline name=\"submission\" refersTo=\"#submission\">Albania, \
                    Andorra and Chile: draft resolution</inline></p>";
        let out = read(&doc(&format!("{symbol}{committee}"), line)).unwrap();
        let m = &out.doc.meta;
        assert_eq!(m.kind, DocKind::DraftResolution);
        let d = m.draft.as_ref().expect("draft");
        assert_eq!(d.submitted, "Albania, Andorra and Chile: draft resolution");
        assert_eq!(d.sponsors, ["Albania", "Andorra", "Chile"]);
        assert_eq!(d.committee.as_deref(), Some("Third Committee"));
        assert_eq!(d.revision, Some(1));
        let p = &out.doc.operative_paragraphs()[0].content[0];
        assert!(matches!(&p.0[0], Inline::Phrase { text } if text == "Decides"));
        assert!(matches!(&p.0[2], Inline::Emphasis { text } if text == "Treaty Series"));
        // A committee without a submission line has no place: said, not dropped silently.
        let out = read(&doc(committee, "")).unwrap();
        assert!(out.doc.meta.draft.is_none());
        assert!(
            out.diagnostics
                .iter()
                .any(|d| d.message.contains("\"Third Committee\" without")),
            "{:?}",
            out.diagnostics
        );
    }
}

//! Akoma Ntoso 3.0 as profiled by AKN4UN: the resolution as one `<statement>`.
//!
//! Mapping, IRIs, eIds and the date rules: docs/akn.md (after the project's
//! ../shared/docs/akn4un.md). Element ids are the model's (`eid`, set once after reading), so Markdown anchors
//! and PDF destinations name the same places.

mod meta;
mod xml;

use crate::model::ids::with_ids;
use crate::model::{
    Block, Closing, DocKind, Draft, Inline, Meta, Paragraph, RefKind, Resolution, Section, Span,
    Text,
};
use crate::write::error::WriteError;
use crate::write::format::Writer;
use crate::write::options::WriteOptions;
use crate::write::shared::{push_date, push_document_url, push_number, text_size};
use meta::Names;
use xml::Xml;

const AKN_NS: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
/// The attributes of an element, as the XML writer takes them.
type Attrs<'a> = &'a [(&'a str, &'a str)];

/// The class of a `<sup>` that is a note mark whose note the text does not print (the
/// AKN reader reads it back as such).
const UNPRINTED_NOTE: &str = "unprinted-note";

/// The Akoma Ntoso writer (`--to akn`): AKN4UN XML, valid against the OASIS schema.
pub struct Akn;

impl Writer for Akn {
    fn name(&self) -> &'static str {
        "akn"
    }
    fn extension(&self) -> &'static str {
        "akn.xml"
    }
    fn write(&self, doc: &Resolution, opts: &WriteOptions) -> Result<Vec<u8>, WriteError> {
        render(doc, opts)
    }
}

/// The whole XML document.
pub fn render(doc: &Resolution, opts: &WriteOptions) -> Result<Vec<u8>, WriteError> {
    let doc = &*with_ids(doc);
    let names = Names::new(doc, opts.markup_date);

    // Everything after `meta` first, so that `references` lists exactly the TLCs used.
    // The markup is about as long again as the text.
    let size = text_size(doc);
    let mut w = W {
        doc,
        names: &names,
        x: Xml::new(2, 2 * size + 1024),
        attr: String::new(),
    };
    w.cover_page();
    w.preface();
    w.preamble();
    w.main_body();
    w.conclusions();
    w.attachments();
    let body_used = std::mem::take(&mut w.x.used);
    let body = w.x.finish();

    let mut x = Xml::new(0, body.len() + 8192);
    x.raw(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    if meta::has_proprietary(doc) {
        x.open(
            "akomaNtoso",
            &[("xmlns", AKN_NS), ("xmlns:akn4un", meta::AKN4UN_NS)],
        );
    } else {
        x.open("akomaNtoso", &[("xmlns", AKN_NS)]);
    }
    x.open(
        "statement",
        &[
            ("name", meta::statement_name(doc.meta.kind)),
            ("contains", "originalVersion"),
        ],
    );
    x.open("meta", &[]);
    meta::identification(&mut x, doc, &names, "main", doc.meta.title.as_deref());
    meta::publication(&mut x, doc);
    let mut used = std::mem::take(&mut x.used);
    used.extend(body_used);
    used.insert("converter".into());
    meta::references(&mut x, doc, &names, &used)?;
    meta::proprietary(&mut x, doc);
    x.close("meta");
    x.raw(&body);
    x.close("statement");
    x.close("akomaNtoso");
    let mut out = x.finish();
    out.push('\n');
    Ok(out.into_bytes())
}

/// The context of inline content: the eId that prefixes its refs and notes (`id` then
/// `suffix`, joined only when a ref or note needs it), and their counters.
struct Ctx<'c> {
    id: &'c str,
    suffix: &'c str,
    refs: usize,
    notes: usize,
}

impl<'c> Ctx<'c> {
    fn new(id: &'c str) -> Ctx<'c> {
        Ctx::with_suffix(id, "")
    }

    fn with_suffix(id: &'c str, suffix: &'c str) -> Ctx<'c> {
        Ctx {
            id,
            suffix,
            refs: 0,
            notes: 0,
        }
    }

    /// `{id}{suffix}__{what}_{n}`.
    fn child(&self, what: &str, n: usize) -> String {
        let mut s = String::with_capacity(self.id.len() + self.suffix.len() + what.len() + 6);
        s.push_str(self.id);
        s.push_str(self.suffix);
        s.push_str("__");
        s.push_str(what);
        s.push('_');
        push_number(&mut s, n);
        s
    }
}

struct W<'a> {
    doc: &'a Resolution,
    names: &'a Names,
    x: Xml,
    /// Scratch space for an attribute value built from parts.
    attr: String,
}

impl<'a> W<'a> {
    // ---- inline content -------------------------------------------------

    fn inlines(&mut self, t: &Text, ctx: &mut Ctx, in_note: bool) {
        for (k, i) in t.0.iter().enumerate() {
            match i {
                Inline::Text { text } => self.x.text(text),
                Inline::Phrase { text } => {
                    self.x.inline("i", &[]);
                    self.x.text(text);
                    self.x.end("i");
                }
                // Italics that are no leading phrase carry a class, so that they read back as such.
                Inline::Emphasis { text } => {
                    self.x.inline("i", &[("class", "emphasis")]);
                    self.x.text(text);
                    self.x.end("i");
                }
                Inline::NoteRef { marker } => self.note(marker, ctx, in_note),
                // No note to hold: the raised number as printed, its class saying why.
                Inline::UnprintedNoteRef { marker } => {
                    self.x.inline("sup", &[("class", UNPRINTED_NOTE)]);
                    self.x.text(marker);
                    self.x.end("sup");
                }
                Inline::Ref { text, symbol, kind } if joint(text, symbol, *kind).is_some() => {
                    // A joint symbol (`A/51/113-S/1996/276`): one ref for each document.
                    let (a, b) = joint(text, symbol, *kind).unwrap_or_default();
                    for (n, part) in [a, b].into_iter().enumerate() {
                        if n > 0 {
                            self.x.text("-");
                        }
                        ctx.refs += 1;
                        let id = ctx.child("ref", ctx.refs);
                        self.attr.clear();
                        push_document_url(&mut self.attr, part, &self.doc.meta.language);
                        self.x.inline("ref", &[("eId", &id), ("href", &self.attr)]);
                        self.x.text(part);
                        self.x.end("ref");
                    }
                }
                Inline::Ref { text, symbol, .. } => {
                    ctx.refs += 1;
                    let id = ctx.child("ref", ctx.refs);
                    self.attr.clear();
                    match dated_resolution(symbol, t.0.get(k + 1..).unwrap_or_default()) {
                        Some(iri) => self.attr.push_str(&iri),
                        None => push_document_url(&mut self.attr, symbol, &self.doc.meta.language),
                    }
                    self.x.inline("ref", &[("eId", &id), ("href", &self.attr)]);
                    self.x.text(text);
                    self.x.end("ref");
                }
                Inline::Date { text, date } => {
                    self.attr.clear();
                    push_date(&mut self.attr, *date);
                    self.x.inline("date", &[("date", &self.attr)]);
                    self.x.text(text);
                    self.x.end("date");
                }
            }
        }
    }

    /// A footnote, in full, where its mark is. A mark inside a note's own text,
    /// or one whose note is missing, keeps only its printed marker.
    fn note(&mut self, marker: &str, ctx: &mut Ctx, in_note: bool) {
        let note = self.doc.footnote(marker).filter(|_| !in_note);
        let Some(note) = note else {
            self.x.inline("sup", &[]);
            self.x.text(marker);
            self.x.end("sup");
            return;
        };
        ctx.notes += 1;
        let id = ctx.child("authorialNote", ctx.notes);
        self.x.inline(
            "authorialNote",
            &[("marker", marker), ("placement", "bottom"), ("eId", &id)],
        );
        self.x.inline("p", &[]);
        self.inlines(&note.text, &mut Ctx::new(&id), true);
        self.x.end("p");
        self.x.end("authorialNote");
    }

    /// `<p>…</p>` on its own line.
    fn p(&mut self, t: &Text, ctx: &mut Ctx) {
        self.x.line("p", &[]);
        self.inlines(t, ctx, false);
        self.x.end_line("p");
    }

    /// One `p` per printed paragraph (those of `texts`, then of `more`); an empty `p`
    /// where there is none, since the schema wants at least one block.
    fn ps(&mut self, texts: &[Text], more: &[Text], ctx: &mut Ctx) {
        if texts.is_empty() && more.is_empty() {
            self.x.empty("p", &[]);
        }
        for t in texts.iter().chain(more) {
            self.p(t, ctx);
        }
    }

    /// `<name eId="{id}{suffix}">` on a new line.
    fn open_with_id(&mut self, name: &str, id: &str, suffix: &str) {
        self.attr.clear();
        self.attr.push_str(id);
        self.attr.push_str(suffix);
        self.x.open(name, &[("eId", &self.attr)]);
    }

    // ---- coverPage and preface --------------------------------------------

    fn cover_page(&mut self) {
        let m = &self.doc.meta;
        let has_masthead = m.symbol.is_some()
            || m.issued.is_some()
            || m.distribution.is_some()
            || m.session.is_some()
            || !m.agenda_items.is_empty();
        if !has_masthead {
            return;
        }
        let organ = format!("#{}", self.names.organ);
        let x = &mut self.x;
        x.open("coverPage", &[]);
        x.open(
            "container",
            &[("name", "masthead"), ("eId", "coverPage__container_1")],
        );
        let line = |x: &mut Xml, el: &str, attrs: &[(&str, &str)], text: &str| {
            x.line("p", &[]);
            x.inline(el, attrs);
            x.text(text);
            x.end(el);
            x.end_line("p");
        };
        // "United Nations" heads every UN masthead; it is written when the masthead's symbol is.
        if let Some(s) = &m.symbol {
            line(x, "docAuthority", &[("refersTo", "#un")], "United Nations");
            line(x, "docNumber", &[("refersTo", "#symbol")], s);
        }
        line(x, "docAuthority", &[("refersTo", &organ)], m.organ.name());
        if let Some(d) = &m.distribution {
            let text = format!("Distr.: {d}");
            let attrs = [("name", "distribution"), ("refersTo", "#distribution")];
            line(x, "inline", &attrs, &text);
        }
        if let Some(d) = &m.issued {
            let date = d.date.to_string();
            let attrs = [("date", date.as_str()), ("refersTo", "#dateOfIssuance")];
            line(x, "docDate", &attrs, &d.text);
        }
        if let Some(s) = &m.session {
            let value = s.number.to_string();
            let attrs = [("value", value.as_str()), ("refersTo", "#session")];
            line(x, "session", &attrs, &s.printed);
        }
        if let Some(c) = m.draft.as_ref().and_then(|d| d.committee.as_deref()) {
            let attrs = [("name", "committee"), ("refersTo", "#committee")];
            line(x, "inline", &attrs, c);
        }
        for a in &m.agenda_items {
            let attrs = [("name", "agendaItem"), ("refersTo", "#agendaItem")];
            line(x, "inline", &attrs, &format!("Agenda item {}", a.item));
            if let Some(t) = &a.title {
                let attrs = [("name", "agendaItemTitle"), ("refersTo", "#agendaItem")];
                line(x, "inline", &attrs, t);
            }
        }
        x.close("container");
        x.close("coverPage");
    }

    fn preface(&mut self) {
        let m = &self.doc.meta;
        if m.adoption_line.is_none()
            && m.draft.is_none()
            && m.origin.is_none()
            && m.title.is_none()
            && m.number.is_none()
        {
            return;
        }
        self.x.open("preface", &[]);
        if let Some(line) = &m.adoption_line {
            self.adoption_line(line);
        }
        if let Some(o) = &m.origin {
            self.p(&o.text, &mut Ctx::new("preface"));
        }
        if let Some(d) = &m.draft {
            self.submission(d);
        }
        if m.number.is_some() || m.title.is_some() {
            self.x.line("p", &[]);
            if let Some(n) = &m.number {
                self.x.inline("docNumber", &[]);
                // The Council's number ("1454 (2002)") is printed without a full stop.
                if m.organ == crate::model::Organ::SecurityCouncil {
                    self.x.text(n);
                } else {
                    self.x.text(&format!("{n}."));
                }
                self.x.end("docNumber");
                if m.title.is_some() {
                    self.x.text(" ");
                }
            }
            if let Some(t) = &m.title {
                let refers = format!("#{}", meta::title_concept(m.kind));
                self.x.inline("docTitle", &[("refersTo", &refers)]);
                self.x.text(t);
                self.x.end("docTitle");
            }
            self.x.end_line("p");
        }
        self.x.close("preface");
    }

    /// A draft's submission line as printed, each sponsor a `docProponent` where it
    /// stands in the line (in printed order; the line is written plain if one is not found).
    fn submission(&mut self, d: &Draft) {
        let line = d.submitted.as_str();
        let mut at = Vec::with_capacity(d.sponsors.len());
        let mut from = 0;
        for s in &d.sponsors {
            match line.get(from..).and_then(|rest| rest.find(s.as_str())) {
                Some(i) => {
                    at.push((from + i, from + i + s.len()));
                    from += i + s.len();
                }
                None => break,
            }
        }
        let x = &mut self.x;
        x.line("p", &[]);
        x.inline(
            "inline",
            &[("name", "submission"), ("refersTo", "#submission")],
        );
        if at.len() == d.sponsors.len() {
            let mut last = 0;
            for (k, &(a, b)) in at.iter().enumerate() {
                x.text(line.get(last..a).unwrap_or_default());
                let id = format!("#{}", meta::sponsor_id(k));
                x.inline("docProponent", &[("refersTo", &id), ("as", "#author")]);
                x.text(line.get(a..b).unwrap_or_default());
                x.end("docProponent");
                last = b;
            }
            x.text(line.get(last..).unwrap_or_default());
        } else {
            x.text(line);
        }
        x.end("inline");
        x.end_line("p");
    }

    /// "Resolution adopted by the General Assembly on 13 December 2010", with the
    /// document type, the organ and the adoption date marked where the reader found them.
    fn adoption_line(&mut self, line: &str) {
        let m = &self.doc.meta;
        let organ = format!("#{}", self.names.organ);
        let parts = m.adoption_parts.unwrap_or_default();
        let iso = m.adopted.as_ref().map(|d| d.date.to_string());
        let x = &mut self.x;
        x.line("p", &[]);
        x.inline("docTitle", &[]);
        let mut at = 0;
        let mut mark = |x: &mut Xml, span: Option<Span>, element: &str, attrs: &[(&str, &str)]| {
            let Some((before, text)) =
                span.and_then(|s| Some((line.get(at..s.start)?, line.get(s.start..s.end)?)))
            else {
                return;
            };
            x.text(before);
            x.inline(element, attrs);
            x.text(text);
            x.end(element);
            at += before.len() + text.len();
        };
        let date_attrs = iso
            .as_deref()
            .map(|iso| [("date", iso), ("refersTo", "#adoptionDate")]);
        let organ_attrs = [("refersTo", organ.as_str())];
        let mut spans: Vec<(Span, &str, Attrs)> = Vec::new();
        spans.extend(parts.doc_type.map(|s| (s, "docType", &[][..])));
        spans.extend(parts.organ.map(|s| (s, "docAuthority", &organ_attrs[..])));
        if let Some(attrs) = &date_attrs {
            spans.extend(parts.date.map(|s| (s, "docDate", &attrs[..])));
        }
        // In the order printed: Chinese sets the date before the organ.
        spans.sort_by_key(|(s, _, _)| s.start);
        for (span, element, attrs) in spans {
            mark(x, Some(span), element, attrs);
        }
        x.text(line.get(at..).unwrap_or_default());
        x.end("docTitle");
        x.end_line("p");
    }

    // ---- preamble -------------------------------------------------------

    fn preamble(&mut self) {
        let doc = self.doc;
        if doc.formula.is_none() && doc.preamble.is_empty() {
            return;
        }
        self.x.open("preamble", &[]);
        let after = doc.formula.as_ref().is_some_and(|f| f.after_preamble);
        if !after {
            self.formula();
        }
        self.preamble_blocks(&doc.preamble);
        if after {
            self.formula();
        }
        self.x.close("preamble");
    }

    fn formula(&mut self) {
        let Some(f) = &self.doc.formula else {
            return;
        };
        let id = "preamble__formula_1";
        let attrs = [("name", "enactingFormula"), ("eId", id)];
        self.x.open("formula", &attrs);
        let mut ctx = Ctx::new(id);
        if let Some(t) = &f.lead {
            self.p(t, &mut ctx);
        }
        // The formula is printed in italics, as the leading phrases are: a plain formula is
        // one `<i>` (read back as plain text).
        if !f.text.0.is_empty() && f.text.0.iter().all(|i| matches!(i, Inline::Text { .. })) {
            self.x.line("p", &[]);
            self.x.inline("i", &[]);
            for i in &f.text.0 {
                if let Inline::Text { text } = i {
                    self.x.text(text);
                }
            }
            self.x.end("i");
            self.x.end_line("p");
        } else {
            self.p(&f.text, &mut ctx);
        }
        if let Some(t) = &f.proclamation {
            self.p(t, &mut ctx);
        }
        self.x.close("formula");
    }

    fn preamble_blocks(&mut self, blocks: &[Block]) {
        for b in blocks {
            match b {
                Block::Paragraph(p) => self.recital(p),
                Block::Section(s) => {
                    // The preamble has no sections in AKN: the heading becomes a
                    // container of its own, its paragraphs follow as siblings.
                    let id = s.eid.as_str();
                    let attrs = [
                        ("name", "crossHeading"),
                        ("eId", id),
                        ("refersTo", "#preamble"),
                    ];
                    self.x.open("container", &attrs);
                    let mut ctx = Ctx::new(id);
                    self.x.line("p", &[]);
                    if let Some(n) = &s.num {
                        self.x.text(n);
                        self.x.text(" ");
                    }
                    self.inlines(&s.heading, &mut ctx, false);
                    self.x.end_line("p");
                    self.x.close("container");
                    self.preamble_blocks(&s.children);
                }
            }
        }
    }

    /// A preambular paragraph: a `container` named from its leading phrase.
    fn recital(&mut self, p: &Paragraph) {
        let id = p.eid.as_str();
        self.attr.clear();
        container_name(p, &self.doc.meta, &mut self.attr);
        self.x
            .open("container", &[("name", &self.attr), ("eId", id)]);
        let mut ctx = Ctx::new(id);
        if let Some(h) = &p.heading {
            self.p(h, &mut ctx);
        }
        if !p.content.is_empty() || p.subparagraphs.is_empty() {
            self.ps(&p.content, &[], &mut ctx);
        }
        if !p.subparagraphs.is_empty() {
            self.block_list(id, &p.subparagraphs);
            for t in &p.wrap_up {
                self.p(t, &mut ctx);
            }
        }
        self.x.close("container");
    }

    /// Sub-paragraphs of a preambular paragraph: `blockList` / `item` (containers hold blocks only).
    fn block_list(&mut self, parent: &str, items: &[Paragraph]) {
        self.open_with_id("blockList", parent, "__list_1");
        for it in items {
            let id = it.eid.as_str();
            self.x.open("item", &[("eId", id)]);
            self.num(it);
            let mut ctx = Ctx::new(id);
            if !it.content.is_empty() || it.subparagraphs.is_empty() {
                self.ps(&it.content, &[], &mut ctx);
            }
            if !it.subparagraphs.is_empty() {
                self.block_list(id, &it.subparagraphs);
                for t in &it.wrap_up {
                    self.p(t, &mut ctx);
                }
            }
            self.x.close("item");
        }
        self.x.close("blockList");
    }

    // ---- mainBody -------------------------------------------------------

    fn main_body(&mut self) {
        self.x.open("mainBody", &[]);
        if self.doc.body.is_empty() {
            // The schema wants one child; an empty operative part stays empty.
            self.x.empty("p", &[]);
        }
        let doc = self.doc;
        self.blocks(&doc.body);
        self.x.close("mainBody");
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for b in blocks {
            match b {
                Block::Paragraph(p) => {
                    // An unnumbered paragraph under an "Article N" heading is an article.
                    let element = if p.num.is_none() && p.article.is_some() {
                        "article"
                    } else {
                        "paragraph"
                    };
                    self.hier(p, element);
                }
                Block::Section(s) => self.section(s),
            }
        }
    }

    fn num(&mut self, p: &Paragraph) {
        if let Some(n) = &p.num {
            // A label the reader inferred is not printed: the editor supplied it.
            let attrs: &[(&str, &str)] = if p.num_inferred {
                &[("status", "editorial")]
            } else {
                &[]
            };
            self.x.leaf("num", attrs, n);
        }
    }

    /// A paragraph, article or point: `num`, `heading`, then `content`, or a
    /// `list` of `intro`, points and `wrapUp`.
    fn hier(&mut self, p: &Paragraph, element: &str) {
        let id = p.eid.as_str();
        self.x.open(element, &[("eId", id)]);
        self.num(p);
        if let Some(h) = &p.heading {
            self.x.line("heading", &[]);
            self.inlines(h, &mut Ctx::new(id), false);
            self.x.end_line("heading");
        }
        if element == "article" && !p.subparagraphs.is_empty() {
            // A declaration article holds its paragraphs, as `paragraph`s, without a list.
            if !p.content.is_empty() {
                self.open_with_id("intro", id, "__intro");
                self.ps(&p.content, &[], &mut Ctx::with_suffix(id, "__intro"));
                self.x.close("intro");
            }
            for sp in &p.subparagraphs {
                self.hier(sp, "paragraph");
            }
            if !p.wrap_up.is_empty() {
                self.open_with_id("wrapUp", id, "__wrapup");
                self.ps(&p.wrap_up, &[], &mut Ctx::with_suffix(id, "__wrapup"));
                self.x.close("wrapUp");
            }
        } else if p.subparagraphs.is_empty() {
            self.open_with_id("content", id, "__content");
            self.ps(
                &p.content,
                &p.wrap_up,
                &mut Ctx::with_suffix(id, "__content"),
            );
            self.x.close("content");
        } else {
            self.open_with_id("list", id, "__list_1");
            if !p.content.is_empty() {
                let suffix = "__list_1__intro";
                self.open_with_id("intro", id, suffix);
                self.ps(&p.content, &[], &mut Ctx::with_suffix(id, suffix));
                self.x.close("intro");
            }
            for sp in &p.subparagraphs {
                self.hier(sp, "point");
            }
            if !p.wrap_up.is_empty() {
                let suffix = "__list_1__wrapup";
                self.open_with_id("wrapUp", id, suffix);
                self.ps(&p.wrap_up, &[], &mut Ctx::with_suffix(id, suffix));
                self.x.close("wrapUp");
            }
            self.x.close("list");
        }
        self.x.close(element);
    }

    fn section(&mut self, s: &Section) {
        let id = s.eid.as_str();
        self.x.open("section", &[("eId", id)]);
        if let Some(n) = &s.num {
            self.x.leaf("num", &[], n);
        }
        self.x.line("heading", &[]);
        self.inlines(&s.heading, &mut Ctx::new(id), false);
        self.x.end_line("heading");
        self.blocks(&s.children);
        self.x.close("section");
    }

    // ---- conclusions and attachments ----------------------------------------

    fn conclusions(&mut self) {
        let Some(Closing {
            meeting,
            date,
            vote,
            vote_notes,
            ..
        }) = &self.doc.closing
        else {
            return;
        };
        if meeting.is_none() && date.is_none() {
            return;
        }
        let cid = "conclusions__container_1";
        let x = &mut self.x;
        x.open("conclusions", &[]);
        x.open("container", &[("name", "conclusion"), ("eId", cid)]);
        if let Some(mt) = meeting {
            let refers = format!(
                "#{}",
                meta::meeting_id(self.doc.closing.as_ref().and_then(|c| c.meeting_kind))
            );
            let eid = format!("{cid}__event_1");
            x.line("p", &[]);
            x.inline("event", &[("eId", &eid), ("refersTo", &refers)]);
            x.text(mt);
            x.end("event");
            x.end_line("p");
        }
        if let Some(d) = date {
            let adopted = self.doc.meta.adopted.as_ref().map(|a| a.date);
            let refers = if adopted == Some(d.date) {
                "#adoptionDate"
            } else {
                "#meetingDate"
            };
            let iso = d.date.to_string();
            x.line("p", &[]);
            x.inline("docDate", &[("date", &iso), ("refersTo", refers)]);
            x.text(&d.text);
            x.end("docDate");
            x.end_line("p");
        }
        if let Some(v) = vote {
            // The notes marked after the vote line, each in full at its mark.
            let mut t = vec![Inline::Text { text: v.clone() }];
            t.extend(
                vote_notes
                    .iter()
                    .map(|m| Inline::NoteRef { marker: m.clone() }),
            );
            self.p(&Text(t), &mut Ctx::new(cid));
        }
        let x = &mut self.x;
        x.close("container");
        x.close("conclusions");
    }

    /// Each annex as an `attachment` holding a `doc name="annex"` with its own identification.
    fn attachments(&mut self) {
        let doc = self.doc;
        if doc.annexes.is_empty() {
            return;
        }
        self.x.open("attachments", &[]);
        for (i, a) in doc.annexes.iter().enumerate() {
            let id = a.eid.as_str();
            self.x.open("attachment", &[("eId", id)]);
            self.x.open("doc", &[("name", "annex")]);
            self.x.open("meta", &[]);
            let title = a.title.as_ref().map(Text::to_plain);
            let component = format!("annex_{}", i + 1);
            meta::identification(&mut self.x, doc, self.names, &component, title.as_deref());
            self.x.close("meta");
            self.x.open("preface", &[]);
            self.x.line("p", &[]);
            self.x.inline("docNumber", &[]);
            self.x.text(&a.label);
            self.x.end("docNumber");
            self.x.end_line("p");
            if let Some(t) = &a.title {
                self.x.line("p", &[]);
                self.x.inline("docTitle", &[]);
                self.inlines(t, &mut Ctx::with_suffix(id, "__preface"), false);
                self.x.end("docTitle");
                self.x.end_line("p");
            }
            self.x.close("preface");
            self.x.open("mainBody", &[]);
            if a.blocks.is_empty() {
                self.x.empty("p", &[]);
            }
            self.blocks(&a.blocks);
            self.x.close("mainBody");
            self.x.close("doc");
            self.x.close("attachment");
        }
        self.x.close("attachments");
    }
}

/// The two documents of a joint symbol printed as it is (`A/51/113-S/1996/276`: a
/// General Assembly and a Security Council document).
fn joint<'a>(text: &'a str, symbol: &str, kind: RefKind) -> Option<(&'a str, &'a str)> {
    if kind != RefKind::Symbol || text != symbol {
        return None;
    }
    let at = text.find("-S/")?;
    let (a, b) = (&text[..at], &text[at + 1..]);
    (a.starts_with("A/") && a.len() > 2 && b.len() > 2 && !b.contains("-S/")).then_some((a, b))
}

/// The AKN Work IRI of a General Assembly resolution whose adoption date the text gives
/// right after it ("resolution 46/182 of 19 December 1991" →
/// `/akn/un/statement/deliberation/un-ga/1991-12-19/46-182`); `None` (an undocs.org link)
/// otherwise, and for numbers the IRI could not be read back from (`-` or `_` in them).
pub(crate) fn dated_resolution(symbol: &str, after: &[Inline]) -> Option<String> {
    let number = symbol.strip_prefix("A/RES/")?;
    let ok = |c: char| c.is_ascii_alphanumeric() || c == '/' || c == ' ' || c == '(' || c == ')';
    if number.is_empty() || !number.chars().all(ok) || number.contains("  ") {
        return None;
    }
    let [Inline::Text { text: of }, Inline::Date { date, .. }, ..] = after else {
        return None;
    };
    if !matches!(of.trim(), "of" | "du" | "de" | "del")
        || !of.starts_with(' ')
        || !of.ends_with(' ')
    {
        return None;
    }
    let number: String = number
        .trim()
        .chars()
        .map(|c| match c {
            '/' => '-',
            ' ' => '_',
            c => c,
        })
        .collect();
    Some(format!(
        "/akn/un/statement/deliberation/un-ga/{date}/{number}"
    ))
}

/// `container/@name` from the leading phrase, in camel case: "Referring also" → `referringAlso`;
/// appended to `name`. The names are English in every language: the leading phrase of a text
/// in another language is named by [`english_opener`], else `preambularParagraph`.
fn container_name(p: &Paragraph, meta: &Meta, name: &mut String) {
    let phrase = p.content.first().and_then(|t| {
        t.0.iter().find_map(|i| match i {
            Inline::Phrase { text } => Some(text.as_str()),
            _ => None,
        })
    });
    let start = name.len();
    if !meta.language.trim().to_ascii_lowercase().starts_with("en") {
        let english = phrase.and_then(english_opener).map(|n| {
            // A declaration's recitals are its "Whereas" clauses (the Universal Declaration's
            // "Considérant", "Considerando", "Принимая во внимание").
            if n == "considering" && meta.kind == DocKind::Declaration {
                "whereas"
            } else {
                n
            }
        });
        name.push_str(english.unwrap_or("preambularParagraph"));
        return;
    }
    for word in phrase
        .unwrap_or_default()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let first_word = name.len() == start;
        if word.is_ascii() {
            // The usual case, without the Unicode case tables.
            for (i, c) in word.bytes().enumerate() {
                let c = if i == 0 && !first_word {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                };
                name.push(char::from(c));
            }
            continue;
        }
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            if first_word {
                name.extend(first.to_lowercase());
            } else {
                name.extend(first.to_uppercase());
            }
            name.extend(chars.flat_map(char::to_lowercase));
        }
    }
    if name.len() == start {
        name.push_str("preambularParagraph");
    }
}

/// The English name of a leading phrase in another language of the UN (and the Universal
/// Declaration's translations), from its first word: "Rappelant" → `recalling`,
/// "Принимая во внимание" → `considering`, "鉴于" → `whereas`.
fn english_opener(phrase: &str) -> Option<&'static str> {
    const ZH: &[(&str, &str)] = &[
        ("鉴于", "whereas"),
        ("回顾", "recalling"),
        ("又回顾", "recallingAlso"),
        ("重申", "reaffirming"),
        ("认识到", "recognizing"),
        ("确认", "recognizing"),
        ("注意到", "noting"),
        ("强调", "stressing"),
        ("欢迎", "welcoming"),
        ("深信", "convinced"),
        ("关切", "concerned"),
        ("考虑到", "bearingInMind"),
        ("表示", "expressing"),
        ("申明", "affirming"),
    ];
    let phrase = phrase.trim();
    if let Some((_, n)) = ZH.iter().find(|(w, _)| phrase.starts_with(w)) {
        return Some(n);
    }
    let first: String = phrase
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())?
        .chars()
        .flat_map(char::to_lowercase)
        .collect();
    Some(match first.as_str() {
        "rappelant" | "recordando" | "ссылаясь" | "напоминая" => "recalling",
        "réaffirmant" | "reafirmando" | "подтверждая" => "reaffirming",
        "affirmant" | "afirmando" => "affirming",
        "considérant" | "considerando" | "considérand" | "considerând" | "принимая"
        | "considerato" => "considering",
        "consciente" | "conscient" | "conscients" | "conscientes" | "сознавая" => {
            "conscious"
        }
        "convaincue" | "convaincu" | "convencida" | "convencido" | "будучи" => "convinced",
        "notant" | "constatant" | "observando" | "tomando" | "отмечая" => "noting",
        "prenant" => "takingNote",
        "soulignant" | "destacando" | "subrayando" | "подчеркивая" => "stressing",
        "reconnaissant" | "reconociendo" | "признавая" => "recognizing",
        "accueillant" | "acogiendo" | "приветствуя" => "welcoming",
        "profondément" | "profundamente" | "глубоко" => "deeplyConcerned",
        "gravement" | "gravemente" => "gravelyConcerned",
        "préoccupée" | "préoccupé" | "preocupada" | "preocupado" | "обеспокоенная" => {
            "concerned"
        }
        "ayant" | "habiendo" => "having",
        "tenant" | "teniendo" | "учитывая" => "bearingInMind",
        "exprimant" | "expresando" | "выражая" => "expressing",
        "guidée" | "guidé" | "guiada" | "guiado" | "руководствуясь" => "guidedBy",
        "résolue" | "résolu" | "decidida" | "decidido" | "преисполненная" => {
            "determined"
        }
        "sachant" | "sabiendo" => "aware",
        "insistant" | "poniendo" => "emphasizing",
        "وإذ" | "ولما" | "لما" | "إذ" | "da" | "overwegende" => "whereas",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recital(phrase: &str) -> Paragraph {
        Paragraph {
            content: vec![Text(vec![
                Inline::Phrase {
                    text: phrase.into(),
                },
                Inline::Text {
                    text: " to its resolution,".into(),
                },
            ])],
            ..Paragraph::default()
        }
    }

    fn name_of(p: &Paragraph) -> String {
        named(p, "en", DocKind::Resolution)
    }

    fn named(p: &Paragraph, language: &str, kind: DocKind) -> String {
        let meta = Meta {
            language: language.into(),
            kind,
            ..Meta::default()
        };
        let mut name = String::new();
        container_name(p, &meta, &mut name);
        name
    }

    #[test]
    fn dated_resolutions_get_their_work_iri() {
        let of = |t: &str| Inline::Text { text: t.into() };
        let date = Inline::Date {
            text: "19 December 1991".into(),
            date: crate::model::Date::new(1991, 12, 19).unwrap(),
        };
        let after = [of(" of "), date.clone()];
        assert_eq!(
            dated_resolution("A/RES/46/182", &after).as_deref(),
            Some("/akn/un/statement/deliberation/un-ga/1991-12-19/46-182")
        );
        assert_eq!(
            dated_resolution("A/RES/68/247 B", &after).as_deref(),
            Some("/akn/un/statement/deliberation/un-ga/1991-12-19/68-247_B")
        );
        // No date right after it, another document, or a number the IRI cannot give back.
        assert_eq!(
            dated_resolution("A/RES/46/182", &[of(" and "), date.clone()]),
            None
        );
        assert_eq!(dated_resolution("A/RES/46/182", &after[..1]), None);
        assert_eq!(dated_resolution("S/RES/1631(2005)", &after), None);
        assert_eq!(dated_resolution("A/RES/ES-10/19", &after), None);
    }

    #[test]
    fn joint_symbols_are_split() {
        let j = "A/51/113-S/1996/276";
        assert_eq!(
            joint(j, j, RefKind::Symbol),
            Some(("A/51/113", "S/1996/276"))
        );
        assert_eq!(joint("A/51/113", "A/51/113", RefKind::Symbol), None);
        assert_eq!(joint("resolution 51/113", j, RefKind::Symbol), None);
        assert_eq!(joint(j, j, RefKind::GaResolution), None);
    }

    #[test]
    fn container_names_come_from_the_leading_phrase() {
        assert_eq!(name_of(&recital("Referring also")), "referringAlso");
        assert_eq!(name_of(&recital("Deeply concerned")), "deeplyConcerned");
        // English names in every language.
        let res = DocKind::Resolution;
        assert_eq!(named(&recital("Rappelant"), "fr", res), "recalling");
        assert_eq!(
            named(&recital("Profondément préoccupée"), "fr", res),
            "deeplyConcerned"
        );
        assert_eq!(named(&recital("Inventé"), "fr", res), "preambularParagraph");
        assert_eq!(
            named(&recital("Принимая во внимание"), "ru", DocKind::Declaration),
            "whereas"
        );
        assert_eq!(
            named(&recital("鉴于"), "zh", DocKind::Declaration),
            "whereas"
        );
        assert_eq!(named(&recital("وإذ تشير"), "ar", res), "whereas");
        let plain = Paragraph {
            content: vec![Text::plain("Whereas recognition")],
            ..Paragraph::default()
        };
        assert_eq!(name_of(&plain), "preambularParagraph");
    }
}

//! The document element and its parts after `meta`: preamble, operative part,
//! conclusions, attachments, and the inline content of every `p`.

use super::error::AknError;
use super::meta::Facts;
use super::tree::{Element, Kid};
use super::{qualified, Reader};
use crate::model::{
    Annex, Block, Closing, DateText, DocKind, Footnote, Formula, Inline, Meta, Paragraph, RefKind,
    Resolution, Section, Text,
};

/// Elements that group provisions under a heading: read as sections.
const GROUPS: &[&str] = &[
    "part",
    "subpart",
    "chapter",
    "subchapter",
    "title",
    "subtitle",
    "division",
    "subdivision",
    "book",
    "tome",
    "hcontainer",
    "level",
];

/// Numbered provisions: read as paragraphs, and under one as its sub-paragraphs.
const PROVISIONS: &[&str] = &[
    "paragraph",
    "subparagraph",
    "article",
    "point",
    "subsection",
    "clause",
    "subclause",
    "item",
    "rule",
    "subrule",
    "indent",
    "alinea",
    "proviso",
];

impl Reader {
    /// The document element (`statement`, or another type read where its structure fits).
    pub(super) fn document(&mut self, el: &Element) -> Result<Resolution, AknError> {
        let mut doc = Resolution::default();
        doc.meta.source_format = crate::model::SourceFormat::Akn;
        match (el.name, el.attr("name")) {
            ("statement", Some("resolution")) => doc.meta.kind = DocKind::Resolution,
            ("statement", Some("declaration")) => doc.meta.kind = DocKind::Declaration,
            ("statement", Some("decision")) => doc.meta.kind = DocKind::Decision,
            ("statement", Some("draftResolution")) => doc.meta.kind = DocKind::DraftResolution,
            ("statement", Some("draftDecision")) => doc.meta.kind = DocKind::DraftDecision,
            ("statement", Some("amendment")) => doc.meta.kind = DocKind::Amendment,
            ("statement", name) => self.warn(
                el,
                format!(
                    "a statement named \"{}\": read as a resolution",
                    name.unwrap_or_default()
                ),
            ),
            ("act" | "bill" | "doc" | "debate" | "debateReport" | "judgment" | "officialGazette"
            | "documentCollection" | "amendment" | "amendmentList" | "portion", _) => self.warn(
                el,
                format!(
                    "an AKN {} is not a UN resolution: read as a statement where its structure fits",
                    el.name
                ),
            ),
            _ => {
                return Err(AknError::at(
                    el,
                    format!("not Akoma Ntoso: <{}> is not a document type", qualified(el)),
                ))
            }
        }
        self.attrs(el, &["name", "contains"], false);
        let Some(meta) = el.child("meta") else {
            return Err(AknError::at(
                el,
                format!("a required part is missing: <{}> has no <meta>", el.name),
            ));
        };
        if meta.child("identification").is_none() {
            return Err(AknError::at(
                &meta,
                "a required part is missing: <meta> has no <identification>",
            ));
        }
        let main = el.elements().find(|e| {
            matches!(
                e.name,
                "mainBody"
                    | "body"
                    | "debateBody"
                    | "judgmentBody"
                    | "collectionBody"
                    | "portionBody"
                    | "amendmentBody"
            )
        });
        if main.is_none() {
            return Err(AknError::at(
                el,
                format!(
                    "a required part is missing: <{}> has no body (<mainBody> or <body>)",
                    el.name
                ),
            ));
        }
        let facts = self.meta(&meta, &mut doc.meta);
        for part in el.elements() {
            if !self.is_akn(&part) {
                self.not_read(&part, el.name);
                continue;
            }
            match part.name {
                "meta" => {}
                "coverPage" => self.cover_page(&part, &mut doc.meta),
                "preface" => self.preface(&part, &mut doc.meta, facts.ours),
                "preamble" => self.preamble(&part, &mut doc),
                "conclusions" => doc.closing = self.conclusions(&part, &mut doc.meta, &facts),
                "attachments" => {
                    for a in part.elements() {
                        if let Some(annex) = self.attachment(&a) {
                            doc.annexes.push(annex);
                        }
                    }
                }
                _ if main.is_some_and(|m| m.is(&part)) => {
                    self.attrs(&part, &[], false);
                    doc.body = self.blocks(&part, 1);
                }
                _ => self.not_read(&part, el.name),
            }
        }
        if doc.meta.title.is_none() {
            doc.meta.title = facts.name;
        }
        self.finish_draft(&mut doc.meta);
        Ok(doc)
    }

    // ---- preamble ----------------------------------------------------------

    fn preamble(&mut self, el: &Element, doc: &mut Resolution) {
        self.attrs(el, &[], false);
        // Sections of the preamble are flat in AKN: a crossHeading, then its
        // paragraphs, whose eIds begin with the heading's.
        let mut open: Vec<(String, Section)> = Vec::new();
        let mut seen_block = false;
        for c in el.elements() {
            let id = c.attr("eId").unwrap_or_default().to_string();
            let is_heading = c.name == "container" && c.attr("name") == Some("crossHeading");
            if c.name == "formula" {
                self.attrs(&c, &["name"], false);
                let mut ps: Vec<Text> = Vec::new();
                for p in c.elements() {
                    if self.is_p(&p, "formula") {
                        ps.push(self.text_of(&p));
                    }
                }
                // One p: the formula; two: the formula and its proclamation; three: lead, formula, proclamation.
                let lead = if ps.len() >= 3 {
                    Some(ps.remove(0))
                } else {
                    None
                };
                let mut ps = ps.into_iter();
                if let Some(mut text) = ps.next() {
                    // The writer puts the formula in italics, one <i>: plain text in the model.
                    if let [Inline::Phrase { text: t }] = text.0.as_slice() {
                        text = Text::plain(t);
                    }
                    doc.formula = Some(Formula {
                        lead,
                        text,
                        proclamation: ps.next(),
                        after_preamble: seen_block,
                    });
                }
                for extra in ps {
                    self.warn(
                        &c,
                        format!(
                            "a fourth line in the formula is not kept: \"{}\"",
                            extra.to_plain()
                        ),
                    );
                }
                continue;
            }
            seen_block = true;
            while let Some((open_id, _)) = open.last() {
                let inside = !open_id.is_empty()
                    && id.len() > open_id.len() + 2
                    && id.starts_with(open_id.as_str())
                    && id.get(open_id.len()..open_id.len() + 2) == Some("__");
                if inside {
                    break;
                }
                close_section(&mut open, &mut doc.preamble);
            }
            if is_heading {
                self.attrs(&c, &["name", "refersTo"], false);
                let mut heading = c
                    .elements()
                    .find(|p| p.name == "p")
                    .map(|p| self.text_of(&p))
                    .unwrap_or_default();
                let num = split_num(&mut heading, &id);
                open.push((
                    id,
                    Section {
                        eid: String::new(),
                        num,
                        heading,
                        level: u8::try_from(open.len() + 1).unwrap_or(u8::MAX),
                        children: Vec::new(),
                    },
                ));
                continue;
            }
            let block = match c.name {
                "container" | "p" | "blockContainer" => Block::Paragraph(self.recital(&c)),
                _ => {
                    self.not_read(&c, "preamble");
                    continue;
                }
            };
            match open.last_mut() {
                Some((_, s)) => s.children.push(block),
                None => doc.preamble.push(block),
            }
        }
        while !open.is_empty() {
            close_section(&mut open, &mut doc.preamble);
        }
    }

    /// A preambular paragraph: `p`s, a `blockList` of items, `p`s after it.
    fn recital(&mut self, c: &Element) -> Paragraph {
        let mut p = Paragraph::default();
        if c.name == "p" {
            p.content.push(self.text_of(c));
            return p;
        }
        self.attrs(c, &["name", "refersTo"], false);
        self.list_item_body(c, &mut p);
        p
    }

    /// The inside of a recital or an item: `num`, `p`s, a `blockList`, `p`s after it.
    fn list_item_body(&mut self, c: &Element, p: &mut Paragraph) {
        for x in c.elements() {
            match x.name {
                "num" => self.num(&x, p),
                "p" if x.self_closing && x.is_empty() => {}
                "p" if p.subparagraphs.is_empty() => p.content.push(self.text_of(&x)),
                "p" => p.wrap_up.push(self.text_of(&x)),
                "blockList" => {
                    self.attrs(&x, &[], false);
                    for item in x.elements() {
                        if item.name == "item" {
                            self.attrs(&item, &[], false);
                            let mut sp = Paragraph::default();
                            self.list_item_body(&item, &mut sp);
                            p.subparagraphs.push(sp);
                        } else {
                            self.not_read(&item, "blockList");
                        }
                    }
                }
                _ => self.not_read(&x, c.name),
            }
        }
    }

    fn num(&mut self, x: &Element, p: &mut Paragraph) {
        self.attrs(x, &["status"], false);
        p.num = Some(x.text());
        p.num_inferred = x.attr("status") == Some("editorial");
    }

    // ---- operative part ------------------------------------------------------

    /// The blocks of a `mainBody`, `section` or `body`, at section depth `level`.
    fn blocks(&mut self, el: &Element, level: u8) -> Vec<Block> {
        let mut out = Vec::new();
        for c in el.elements() {
            let name = c.name;
            if name == "section"
                && c.child("content").is_none()
                && c.child("intro").is_none()
                && c.child("list").is_none()
                || GROUPS.contains(&name)
            {
                out.push(Block::Section(self.section(&c, level)));
            } else if name == "section" || PROVISIONS.contains(&name) {
                out.push(Block::Paragraph(self.provision(&c)));
            } else if name == "p" {
                if !(c.self_closing && c.is_empty()) {
                    // Text straight in the body: an unnumbered paragraph.
                    let text = self.text_of(&c);
                    out.push(Block::Paragraph(Paragraph {
                        content: vec![text],
                        ..Paragraph::default()
                    }));
                }
            } else if matches!(name, "num" | "heading" | "subheading" | "crossHeading") {
                // The section's own, read by `section`.
            } else {
                self.not_read(&c, el.name);
            }
        }
        out
    }

    fn section(&mut self, c: &Element, level: u8) -> Section {
        self.attrs(c, &[], false);
        if c.name != "section" && !self.foreign_noted(c) {
            self.warn(c, format!("<{}> read as a section", c.name));
        }
        let num = c.child("num").map(|n| {
            self.attrs(&n, &[], false);
            n.text()
        });
        let heading = c
            .child("heading")
            .or_else(|| c.child("crossHeading"))
            .map(|h| self.text_of(&h))
            .unwrap_or_default();
        if let Some(s) = c.child("subheading") {
            self.not_read(&s, c.name);
        }
        Section {
            eid: String::new(),
            num,
            heading,
            level,
            children: self.blocks(c, level.saturating_add(1)),
        }
    }

    /// Whether a warning about this kind of element was already given (one per name).
    fn foreign_noted(&mut self, c: &Element) -> bool {
        !self.noted.insert(c.name.to_string())
    }

    /// A paragraph, article or point: `num`, `heading`, then `content`, or a list of
    /// `intro`, points and `wrapUp`.
    fn provision(&mut self, c: &Element) -> Paragraph {
        self.attrs(c, &[], false);
        if !matches!(c.name, "paragraph" | "article" | "point") && !self.foreign_noted(c) {
            self.warn(c, format!("<{}> read as a paragraph", c.name));
        }
        let mut p = Paragraph::default();
        for x in c.elements() {
            match x.name {
                "num" => self.num(&x, &mut p),
                "heading" => {
                    self.attrs(&x, &[], false);
                    p.heading = Some(self.text_of(&x));
                }
                "content" => {
                    self.attrs(&x, &[], false);
                    let target = if p.subparagraphs.is_empty() {
                        &mut p.content
                    } else {
                        &mut p.wrap_up
                    };
                    let texts = self.ps(&x);
                    target.extend(texts);
                }
                "list" | "blockList" => {
                    self.attrs(&x, &[], false);
                    for y in x.elements() {
                        match y.name {
                            "intro" | "listIntroduction" => {
                                self.attrs(&y, &[], false);
                                let texts = self.ps(&y);
                                p.content.extend(texts);
                            }
                            "wrapUp" | "listWrapUp" => {
                                self.attrs(&y, &[], false);
                                let texts = self.ps(&y);
                                p.wrap_up.extend(texts);
                            }
                            n if n == "section" || PROVISIONS.contains(&n) => {
                                p.subparagraphs.push(self.provision(&y))
                            }
                            _ => self.not_read(&y, x.name),
                        }
                    }
                }
                "intro" => {
                    self.attrs(&x, &[], false);
                    let texts = self.ps(&x);
                    p.content.extend(texts);
                }
                "wrapUp" => {
                    self.attrs(&x, &[], false);
                    let texts = self.ps(&x);
                    p.wrap_up.extend(texts);
                }
                n if n == "section" || PROVISIONS.contains(&n) => {
                    p.subparagraphs.push(self.provision(&x))
                }
                _ => self.not_read(&x, c.name),
            }
        }
        p
    }

    /// The `p`s of a `content`, `intro` or `wrapUp` (`<p/>` is the writer's "none").
    fn ps(&mut self, el: &Element) -> Vec<Text> {
        let mut out = Vec::new();
        for p in el.elements() {
            if p.name == "p" && p.self_closing && p.is_empty() {
                continue;
            }
            if self.is_p(&p, el.name) {
                out.push(self.text_of(&p));
            }
        }
        out
    }

    /// Whether `p` is a `p` (or a block the model reads as one); warns otherwise.
    fn is_p(&mut self, p: &Element, within: &str) -> bool {
        match p.name {
            "p" => true,
            "blockContainer" | "block" => {
                self.warn(p, format!("<{}> read as a paragraph of text", p.name));
                true
            }
            _ => {
                self.not_read(p, within);
                false
            }
        }
    }

    // ---- conclusions and attachments -------------------------------------------

    fn conclusions(&mut self, el: &Element, meta: &mut Meta, facts: &Facts) -> Option<Closing> {
        let mut closing = Closing {
            meeting_kind: None,
            meeting: None,
            meeting_number: None,
            date: None,
            vote: None,
            vote_notes: Vec::new(),
        };
        let mut ps: Vec<Element> = Vec::new();
        for c in el.elements() {
            match c.name {
                "container" | "blockContainer" => {
                    self.attrs(&c, &["name"], false);
                    ps.extend(c.elements());
                }
                _ => ps.push(c),
            }
        }
        for p in ps {
            if p.name != "p" {
                self.not_read(&p, "conclusions");
                continue;
            }
            let marked: Vec<Element> = p.elements().collect();
            match marked.as_slice() {
                [x] if x.name == "event" && !p.has_loose_text() => {
                    self.attrs(x, &["refersTo"], false);
                    let refers = x
                        .attr("refersTo")
                        .unwrap_or_default()
                        .trim_start_matches('#');
                    closing.meeting = Some(x.text());
                    closing.meeting_number = facts
                        .events
                        .iter()
                        .find(|(id, _)| id == refers)
                        .and_then(|(_, href)| meeting_number(href));
                }
                [x] if x.name == "docDate" && !p.has_loose_text() => {
                    self.attrs(x, &["refersTo", "date"], false);
                    if let Some(date) = self.date_attr(x, "date") {
                        let d = DateText {
                            date,
                            text: x.text(),
                        };
                        // The Security Council's adoption date, which no adoption line gives
                        // in the older texts (it is in their heading).
                        if meta.adopted.is_none() && x.attr("refersTo") == Some("#adoptionDate") {
                            meta.adopted = Some(d.clone());
                        }
                        closing.date = Some(d);
                    }
                }
                // The vote line: "[Adopted without a vote.]" (General Assembly, Human
                // Rights Council), "Adopted unanimously at the 83rd meeting." (Security Council).
                [] if closing.vote.is_none()
                    && (p.text().starts_with('[')
                        || crate::read::lex::council::vote_line(&p.text()).is_some()) =>
                {
                    closing.vote = Some(p.text())
                }
                // The vote line with the notes marked after it.
                marks
                    if closing.vote.is_none()
                        && marks
                            .iter()
                            .all(|x| matches!(x.name, "authorialNote" | "sup")) =>
                {
                    let t = self.inlines(&p);
                    let vote = t.to_plain();
                    let vote = vote.trim();
                    if vote.starts_with('[') || crate::read::lex::council::vote_line(vote).is_some()
                    {
                        closing.vote = Some(vote.to_string());
                        closing.vote_notes =
                            t.0.iter()
                                .filter_map(|i| match i {
                                    Inline::NoteRef { marker } => Some(marker.clone()),
                                    _ => None,
                                })
                                .collect();
                    } else {
                        self.not_read(&p, "conclusions");
                    }
                }
                _ => self.not_read(&p, "conclusions"),
            }
        }
        let any = closing.meeting.is_some() || closing.date.is_some() || closing.vote.is_some();
        any.then_some(closing)
    }

    fn attachment(&mut self, a: &Element) -> Option<Annex> {
        if a.name != "attachment" {
            self.not_read(a, "attachments");
            return None;
        }
        self.attrs(a, &[], false);
        // Another tool's label and title, beside the document.
        let label = a.child("heading").map(|h| h.text());
        let title = a.child("subheading").map(|t| self.text_of(&t));
        let Some(d) = a.elements().find(|e| e.name == "doc") else {
            self.warn(a, "an empty <attachment>: no annex");
            return None;
        };
        if d.attr("name") != Some("annex") {
            self.warn(
                &d,
                format!(
                    "an attachment <{} name=\"{}\"> read as an annex",
                    d.name,
                    d.attr("name").unwrap_or_default()
                ),
            );
        }
        self.attrs(&d, &["name", "contains"], false);
        let mut annex = Annex {
            eid: String::new(),
            label: label.unwrap_or_default(),
            title,
            blocks: Vec::new(),
        };
        for x in a.elements() {
            if !matches!(x.name, "doc" | "heading" | "subheading") {
                self.not_read(&x, "attachment");
            }
        }
        for part in d.elements() {
            match part.name {
                // The annex's identification is made again from the document's.
                "meta" => {}
                "preface" => {
                    for p in part.elements() {
                        for x in p.elements() {
                            match x.name {
                                "docNumber" => annex.label = x.text(),
                                "docTitle" => annex.title = Some(self.text_of(&x)),
                                _ => self.not_read(&x, "preface"),
                            }
                        }
                    }
                }
                "mainBody" | "body" => annex.blocks = self.blocks(&part, 1),
                _ => self.not_read(&part, d.name),
            }
        }
        Some(annex)
    }

    // ---- inline content ----------------------------------------------------------

    /// The inline content of a `p`, `heading` or `docTitle`.
    pub(super) fn text_of(&mut self, el: &Element) -> Text {
        self.attrs(el, &[], false);
        self.inlines(el)
    }

    pub(super) fn inlines(&mut self, el: &Element) -> Text {
        let mut out = Vec::new();
        self.push_inlines(el, &mut out);
        join_symbols(&mut out);
        Text(out)
    }

    fn push_inlines(&mut self, el: &Element, out: &mut Vec<Inline>) {
        for k in el.kids() {
            match k {
                Kid::Text(t) => push_plain(out, t),
                Kid::Element(x) => self.inline(&x, out),
            }
        }
    }

    fn inline(&mut self, x: &Element, out: &mut Vec<Inline>) {
        match x.name {
            "i" => {
                let emphasis = x.attr("class") == Some("emphasis");
                self.attrs(x, if emphasis { &["class"] } else { &[] }, false);
                if x.elements().next().is_some() {
                    self.warn(x, "markup inside <i> is not kept: read as its text");
                }
                let text = x.text();
                out.push(if emphasis {
                    Inline::Emphasis { text }
                } else {
                    Inline::Phrase { text }
                });
            }
            "sup" => {
                // A mark whose note the text does not print, as the AKN writer sets it.
                let unprinted = x.attr("class") == Some("unprinted-note");
                self.attrs(x, if unprinted { &["class"] } else { &[] }, false);
                let marker = x.text();
                out.push(if unprinted {
                    Inline::UnprintedNoteRef { marker }
                } else {
                    Inline::NoteRef { marker }
                });
            }
            "authorialNote" | "note" => {
                self.attrs(x, &["marker", "placement"], false);
                let marker = match x.attr("marker") {
                    Some(m) => m.to_string(),
                    None => {
                        let n = self.footnotes.len() + 1;
                        self.warn(x, format!("a note without a marker: numbered {n}"));
                        n.to_string()
                    }
                };
                let mut text = Text::default();
                for p in x.elements() {
                    if !self.is_p(&p, "authorialNote") {
                        continue;
                    }
                    if !text.0.is_empty() {
                        self.warn(&p, "a note's second paragraph is joined to the first");
                        push_plain(&mut text.0, " ");
                    }
                    let t = self.text_of(&p);
                    for i in t.0 {
                        match i {
                            Inline::Text { text: s } => push_plain(&mut text.0, &s),
                            other => text.0.push(other),
                        }
                    }
                }
                if x.has_loose_text() {
                    self.warn(x, "text straight in a note, outside its <p>, is not kept");
                }
                let known = self
                    .note_index
                    .get(&marker)
                    .and_then(|&i| self.footnotes.get(i));
                match known {
                    Some(f) if f.text != text => self.warn(
                        x,
                        format!(
                            "a second note marked {marker} with another text: the first is kept"
                        ),
                    ),
                    Some(_) => {}
                    None => {
                        self.note_index.insert(marker.clone(), self.footnotes.len());
                        self.footnotes.push(Footnote {
                            marker: marker.clone(),
                            text,
                        })
                    }
                }
                out.push(Inline::NoteRef { marker });
            }
            "ref" => {
                self.attrs(x, &["href"], false);
                let text = x.text();
                let href = x.attr("href").unwrap_or_default();
                let symbol = match symbol_of(href) {
                    Some(s) => s,
                    None => {
                        self.warn(x, format!("a reference to {href}, not to a UN document: its address is kept as the symbol"));
                        href.to_string()
                    }
                };
                let kind = ref_kind(&text, &symbol);
                out.push(Inline::Ref { text, kind, symbol });
            }
            "date" => {
                self.attrs(x, &["date", "refersTo"], false);
                let text = x.text();
                match self.date_attr(x, "date") {
                    Some(date) => out.push(Inline::Date { text, date }),
                    None => push_plain(out, &text),
                }
            }
            // Inline elements whose words the model keeps without the markup.
            "b" | "u" | "span" | "term" | "def" | "inline" | "abbr" | "docTitle" | "docNumber"
            | "docDate" | "docType" | "docAuthority" | "organization" | "person" | "location"
            | "concept" | "object" | "event" | "entity" | "quantity" | "role" | "signature"
            | "affectedDocument" | "relatedDocument" | "mref" | "rref" | "a" | "remark" | "sub"
            | "img" | "br" | "eol" | "eop" | "noteRef" | "placeholder" | "omissis" => {
                self.warn(
                    x,
                    format!(
                        "<{}> is not kept as markup: its text is read as plain text",
                        qualified(x)
                    ),
                );
                if x.name == "br" || x.name == "eol" {
                    push_plain(out, " ");
                }
                self.push_inlines(x, out);
            }
            _ => self.not_read(x, "p"),
        }
    }
}

/// Appends plain text, joined to a plain run before it.
fn push_plain(out: &mut Vec<Inline>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(Inline::Text { text }) = out.last_mut() {
        text.push_str(s);
    } else {
        out.push(Inline::Text {
            text: s.to_string(),
        });
    }
}

fn close_section(open: &mut Vec<(String, Section)>, top: &mut Vec<Block>) {
    if let Some((_, s)) = open.pop() {
        match open.last_mut() {
            Some((_, parent)) => parent.children.push(Block::Section(s)),
            None => top.push(Block::Section(s)),
        }
    }
}

/// A preambular heading is written "num heading" in one `p`: the number is its first
/// word when that word gives the section's eId (`preamble__sec_I` for "I").
fn split_num(heading: &mut Text, id: &str) -> Option<String> {
    let token = id.rsplit("__").next()?.strip_prefix("sec_")?;
    let Some(Inline::Text { text }) = heading.0.first_mut() else {
        return None;
    };
    let (word, rest) = text.split_once(' ')?;
    let t = num_token(word);
    let same = !t.is_empty()
        && (token == t
            || token
                .strip_prefix(t.as_str())
                .and_then(|r| r.strip_prefix('_'))
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit())));
    if !same {
        return None;
    }
    let num = word.to_string();
    *text = rest.to_string();
    if text.is_empty() {
        heading.0.remove(0);
    }
    Some(num)
}

/// The eId token of a printed number, as the writer makes it: brackets and final
/// punctuation off, `.`, `/` and spaces to `-`.
fn num_token(num: &str) -> String {
    num.trim()
        .trim_matches(|c: char| matches!(c, '(' | ')' | '.' | ':' | ' '))
        .chars()
        .filter_map(|c| match c {
            '.' | '/' | ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The document symbol of a `https://undocs.org/{lang}/{symbol}` address.
/// A joint symbol the writer gives one ref per document (`<ref>A/51/113</ref>-<ref>S/1996/276</ref>`)
/// is one reference in the model again, as the text readers find it.
fn join_symbols(out: &mut Vec<Inline>) {
    let mut i = 0;
    while i + 2 < out.len() {
        let joined = match (&out[i], &out[i + 1], &out[i + 2]) {
            (
                Inline::Ref {
                    text: a,
                    symbol: sa,
                    kind: RefKind::Symbol,
                },
                Inline::Text { text: dash },
                Inline::Ref {
                    text: b,
                    symbol: sb,
                    kind: RefKind::Symbol,
                },
            ) if dash == "-"
                && a == sa
                && b == sb
                && a.starts_with("A/")
                && b.starts_with("S/") =>
            {
                Some(format!("{a}-{b}"))
            }
            _ => None,
        };
        if let Some(j) = joined {
            out.splice(
                i..i + 3,
                [Inline::Ref {
                    text: j.clone(),
                    symbol: j,
                    kind: RefKind::Symbol,
                }],
            );
        }
        i += 1;
    }
}

fn symbol_of(href: &str) -> Option<String> {
    // A General Assembly resolution as its AKN Work IRI (the writer's form for a resolution
    // whose date the text gives): `/akn/un/statement/deliberation/un-ga/1991-12-19/46-182`.
    if let Some(rest) = href.strip_prefix("/akn/un/statement/deliberation/un-ga/") {
        let (date, number) = rest.split_once('/')?;
        let dated = date.len() == 10 && date.bytes().all(|b| b.is_ascii_digit() || b == b'-');
        if !dated || number.is_empty() || number.contains('/') {
            return None;
        }
        let number: String = number
            .chars()
            .map(|c| match c {
                '-' => '/',
                '_' => ' ',
                c => c,
            })
            .collect();
        return Some(format!("A/RES/{number}"));
    }
    let rest = href.strip_prefix("https://undocs.org/")?;
    let (_, symbol) = rest.split_once('/')?;
    let mut out = String::with_capacity(symbol.len());
    let mut s = symbol;
    while let Some(i) = s.find('%') {
        out.push_str(s.get(..i)?);
        let code = s.get(i + 1..i + 3)?;
        out.push(match code {
            "20" => ' ',
            "23" => '#',
            "3F" => '?',
            "25" => '%',
            _ => return None,
        });
        s = s.get(i + 3..)?;
    }
    out.push_str(s);
    Some(out)
}

/// What a reference names: a resolution cited by its number ("resolution 59/50",
/// "1631 (2005)") or a document cited by its symbol as printed.
fn ref_kind(text: &str, symbol: &str) -> RefKind {
    if text == symbol {
        RefKind::Symbol
    } else if symbol.starts_with("A/RES/") {
        RefKind::GaResolution
    } else if symbol.starts_with("S/RES/") {
        RefKind::ScResolution
    } else {
        RefKind::Symbol
    }
}

/// The meeting's number from its TLCEvent address (`…-plenary-64`, `…-meeting-40`).
fn meeting_number(href: &str) -> Option<u32> {
    let (head, n) = href.rsplit_once('-')?;
    if !(head.ends_with("-plenary") || head.ends_with("-meeting")) {
        return None;
    }
    n.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_from_addresses() {
        assert_eq!(
            symbol_of("https://undocs.org/en/A/RES/68/247%20B").as_deref(),
            Some("A/RES/68/247 B")
        );
        assert_eq!(symbol_of("/akn/za/act/2020/1"), None);
        assert_eq!(ref_kind("59/50", "A/RES/59/50"), RefKind::GaResolution);
        assert_eq!(ref_kind("A/RES/59/50", "A/RES/59/50"), RefKind::Symbol);
        assert_eq!(
            ref_kind("1631 (2005)", "S/RES/1631(2005)"),
            RefKind::ScResolution
        );
        assert_eq!(
            meeting_number("/akn/ontology/event/un/un-ga-65-plenary-64"),
            Some(64)
        );
        assert_eq!(
            meeting_number("/akn/ontology/event/un/un-ga-65-plenary-meeting"),
            None
        );
    }

    #[test]
    fn preambular_heading_numbers() {
        let mut h = Text::plain("I General matters");
        assert_eq!(split_num(&mut h, "preamble__sec_I").as_deref(), Some("I"));
        assert_eq!(h.to_plain(), "General matters");
        let mut h = Text::plain("Introduction to it");
        assert_eq!(split_num(&mut h, "preamble__sec_1"), None);
        let mut h = Text::plain("A. First");
        assert_eq!(
            split_num(&mut h, "preamble__sec_A_2").as_deref(),
            Some("A.")
        );
    }
}

//! Typeset PDF in the UN print layout (`--to pdf`).
//!
//! `mod.rs` turns the model into styled blocks and page furniture,
//! [`layout`] breaks lines and pages, [`draw`] writes the PDF. The geometry
//! is the one measured from the official print (docs/pdf.md).

mod barcode;
pub mod draw;
mod embed;
pub mod fonts;
pub mod layout;
mod meta;
pub(super) mod paper;
mod tagged;

use crate::lang;
use crate::model::{Block as MBlock, Inline, Paragraph, Resolution, Section, Text};
use crate::write::error::WriteError;
use crate::write::format::Writer;
use crate::write::options::WriteOptions;
use crate::write::shared::document_url;
use draw::furniture;
pub use fonts::FontFamily;
use layout::{Align, Block, Geometry, Page, Para, RuleOut, Span, Style, Target};
use meta::Info;
pub use paper::PaperSize;
use std::fmt::Write as _;
use tagged::Role;

/// The PDF writer.
pub struct Pdf;

impl Writer for Pdf {
    fn name(&self) -> &'static str {
        "pdf"
    }
    fn extension(&self) -> &'static str {
        "pdf"
    }
    fn write(&self, doc: &Resolution, opts: &WriteOptions) -> Result<Vec<u8>, WriteError> {
        self.write_noting(doc, opts, &mut Vec::new())
    }
    fn write_noting(
        &self,
        doc: &Resolution,
        opts: &WriteOptions,
        warnings: &mut Vec<String>,
    ) -> Result<Vec<u8>, WriteError> {
        let mut missing = draw::Lacking::default();
        let pdf = match &opts.font_family {
            Some(family) => {
                let faces = fonts::Faces::parse(family).map_err(WriteError::Font)?;
                write_with(doc, opts, &faces, &mut missing)
            }
            None => write_with(
                doc,
                opts,
                fonts::default_faces().map_err(WriteError::Font)?,
                &mut missing,
            ),
        }?;
        if !missing.missing.is_empty() {
            warnings.push(missing_glyphs(&missing.missing, opts.font_family.is_some()));
        }
        if !missing.substituted.is_empty() {
            warnings.extend(substituted_glyphs(
                &missing.substituted,
                opts.font_family.is_some(),
            ));
        }
        Ok(pdf)
    }
}

/// The warning for characters the font cannot show: how many, the first few.
fn missing_glyphs(missing: &[char], own_font: bool) -> String {
    let mut list = String::new();
    for (i, c) in missing.iter().take(5).enumerate() {
        if i > 0 {
            list.push_str(", ");
        }
        let _ = write!(list, "{c} (U+{:04X})", u32::from(*c));
    }
    if missing.len() > 5 {
        list.push_str(", …");
    }
    let font = if own_font {
        "the --font-dir family"
    } else {
        "the built-in font"
    };
    let n = missing.len();
    let chars = if n == 1 { "character" } else { "characters" };
    format!(
        "{font} has no glyph for {n} {chars}, shown as empty boxes: {list}; \
         --font-dir can name a font family that has them"
    )
}

/// The note for characters shown by the glyph of a look-alike (U+2011 as a hyphen).
/// The built-in face's look-alikes are part of its design (docs/pdf.md) and lose nothing
/// (the text keeps each character's own code), so only a `--font-dir` family is noted.
fn substituted_glyphs(subs: &[(char, char)], own_font: bool) -> Option<String> {
    if !own_font || subs.is_empty() {
        return None;
    }
    let list: Vec<String> = subs
        .iter()
        .map(|(c, f)| {
            format!(
                "U+{:04X} with the glyph of U+{:04X}",
                u32::from(*c),
                u32::from(*f)
            )
        })
        .collect();
    Some(format!(
        "the --font-dir family lacks some characters and shows them with a look-alike: {}",
        list.join(", ")
    ))
}

// Geometry of the UN print on Letter paper (docs/pdf.md), in points.
const LEFT: f32 = 123.4;
const WIDTH: f32 = 367.7;
/// The measure of justified text: the print's justified lines end at x 488.9, a
/// little short of the block's right edge (where right-aligned lines end); fitted
/// with [`fonts::TRACKING`] on the line breaks of the official PDFs (docs/pdf.md).
const JUSTIFIED: f32 = 365.5;
const INDENT: f32 = 23.7;
const TAB: f32 = 23.8;
const BODY: f32 = 10.0;
const LEADING: f32 = 12.0;
const PARA_SPACE: f32 = 6.0;
const PAGE_RIGHT: f32 = 554.2;
const PAGE_LEFT: f32 = 60.0;
/// The measure of agenda titles in the masthead: the print breaks them between 248
/// and 265 pt (A/RES/80/34), though once at 273 pt (A/RES/80/3).
const AGENDA_WIDTH: f32 = 255.0;
/// Where footnote numbers end (a one-digit number starts at 117.0).
const NOTE_NUMBER_END: f32 = 119.8;

const GEOMETRY: Geometry = Geometry {
    left: LEFT,
    width: WIDTH,
    top_first: 522.9,
    top: 707.5,
    // Page 1 keeps room for the barcode and the print's QR code; later pages run lower
    // (the last note line's baseline in the print: y 88 on page 1, y 59.6 after).
    bottom_first: 88.0,
    bottom: 59.6,
    note_size: 8.5,
    note_leading: 10.5,
    note_rule_gap: 14.0,
    note_rule: (99.6 - LEFT, 173.6 - LEFT),
    // The print sets the separator right under the last body line (0.4 pt between
    // their boxes): 9.5 pt from that baseline to the separator's.
    note_clearance: 6.5,
};

fn write_with(
    doc: &Resolution,
    opts: &WriteOptions,
    faces: &fonts::Faces,
    missing: &mut draw::Lacking,
) -> Result<Vec<u8>, WriteError> {
    let lang = doc.meta.language.as_str();
    // As printed, no word is broken at a line end unless asked.
    let hyph = lang
        .as_bytes()
        .get(..2)
        .and_then(|b| <[u8; 2]>::try_from(b).ok())
        .and_then(hypher::Lang::from_iso)
        .filter(|_| opts.hyphenate);
    let b = Builder {
        doc,
        opts,
        lang,
        m: faces,
        roles: std::cell::RefCell::new(Vec::new()),
        in_annex: std::cell::Cell::new(false),
    };
    let (blocks, marks) = b.blocks();
    let notes = b.notes(&marks);
    // Agenda titles in the masthead push the heading down; a text without a
    // masthead starts at the top of the page.
    let mut geometry = GEOMETRY;
    geometry.top_first = if b.has_masthead() {
        geometry.top_first.min(b.masthead_bottom() - 21.3)
    } else {
        geometry.top
    };
    let mut pages = layout::paginate(faces, &geometry, &blocks, &notes, hyph);
    let n = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        let top = if i == 0 {
            b.masthead(faces, page);
            geometry.top_first
        } else {
            b.running_head(faces, page, i + 1, n);
            geometry.top
        };
        // Content in reading order: what stands above the text block first, the page foot
        // last, so that text extraction reads the page as a person does.
        let zone = |y: f32| {
            if y > top + 1.0 {
                0
            } else if y < geometry.bottom_on(i) - 12.0 {
                2
            } else {
                1
            }
        };
        page.runs.sort_by_key(|r| zone(r.y));
    }
    let m = &doc.meta;
    let symbol = m.symbol.clone().unwrap_or_default();
    let title = match (&m.number, &m.title) {
        (Some(n), Some(t)) => format!("{n}. {t}"),
        (None, Some(t)) => t.clone(),
        _ => symbol.clone(),
    };
    let mut keywords: Vec<String> = vec![
        "United Nations".into(),
        lang::printed_organ(m.organ, lang).into(),
    ];
    keywords.extend(m.symbol.iter().cloned());
    keywords.extend(m.number.iter().map(|n| format!("resolution {n}")));
    keywords.extend(m.session.iter().map(|s| s.printed.clone()));
    let info = Info {
        title,
        subject: symbol,
        author: lang::printed_organ(m.organ, lang).to_string(),
        keywords,
        language: lang.to_string(),
        date: m
            .adopted
            .as_ref()
            .or(m.issued.as_ref())
            .map(|d| (d.date.year(), d.date.month(), d.date.day())),
    };
    let paper = opts.paper.paper();
    let roles = b.roles.borrow();
    draw::render(faces, &info, paper, &pages, &roles, missing).map_err(WriteError::Pdf)
}

struct Builder<'a> {
    doc: &'a Resolution,
    opts: &'a WriteOptions,
    lang: &'a str,
    m: &'a dyn layout::Measure,
    /// The structure elements of the tagged PDF, by number.
    roles: std::cell::RefCell<Vec<Role>>,
    /// Inside an annex, numbered paragraphs start at the margin.
    in_annex: std::cell::Cell<bool>,
}

impl Builder<'_> {
    /// A new structure element.
    fn tag(&self, role: Role) -> u32 {
        let mut roles = self.roles.borrow_mut();
        roles.push(role);
        u32::try_from(roles.len() - 1).unwrap_or(layout::NO_ELEM)
    }

    /// Inline text to spans: phrases in italics, references linked, marks raised.
    fn spans(&self, t: &Text, base: Style, marks: &mut Vec<String>) -> Vec<Span> {
        let mut out = Vec::new();
        for i in &t.0 {
            match i {
                Inline::Text { text } => out.push(Span::new(glue(text), base)),
                // A document symbol is never broken across lines, a date not after its day.
                Inline::Date { text, .. } => out.push(Span::new(date(text), base)),
                Inline::Phrase { text } | Inline::Emphasis { text } => {
                    out.push(Span::new(glue(text), base.italic()))
                }
                Inline::Ref { text, symbol, .. } => {
                    let mut s = Span::new(no_break(text), base);
                    if self.opts.links {
                        s.target = Some(Target::Uri(document_url(symbol, self.lang)));
                    }
                    out.push(s);
                }
                Inline::NoteRef { marker } => {
                    if !marks.contains(marker) {
                        marks.push(marker.clone());
                    }
                    let known = self.doc.footnote(marker).is_some();
                    out.push(Span {
                        text: marker.clone(),
                        style: Style::Regular,
                        mark: Some(marker.clone()),
                        target: known.then(|| Target::Note(marker.clone())),
                    });
                }
                // Raised as printed; no note to set at the foot of the page.
                Inline::UnprintedNoteRef { marker } => out.push(Span {
                    text: marker.clone(),
                    style: Style::Regular,
                    mark: Some(marker.clone()),
                    target: None,
                }),
            }
        }
        out
    }

    fn para(&self, spans: Vec<Span>) -> Para {
        let mut p = Para::new(spans, BODY, LEADING, JUSTIFIED);
        p.space_before = PARA_SPACE;
        p
    }

    /// The flow: heading, formula, preamble, operative part, closing, annexes.
    /// Also returns the footnote markers in order of use.
    fn blocks(&self) -> (Vec<Block>, Vec<String>) {
        let d = self.doc;
        let m = &d.meta;
        let w = lang::print_words(self.lang);
        let mut marks = Vec::new();
        let mut out = Vec::new();
        let is_resolution = matches!(
            m.kind,
            crate::model::DocKind::Resolution | crate::model::DocKind::Decision
        );
        // The Security Council prints its heading ("Resolution 1454 (2002)") above the
        // adoption line, and no adoption line where the text gives none.
        let council = m.organ == crate::model::Organ::SecurityCouncil;
        if let Some(n) = m.number.as_ref().filter(|_| council) {
            let heading = lang::printed_resolution(self.lang, n);
            let mut p = Para::new(vec![Span::new(&heading, Style::Bold)], 14.0, 15.0, WIDTH);
            p.align = Align::Left;
            p.keep_with_next = true;
            p.elem = self.tag(Role::H(1));
            p.bookmark = Some((heading.clone(), 1));
            out.push(Block::Para(p));
        }
        // Preface.
        let adoption = m.adoption_line.clone().or_else(|| {
            m.adopted
                .as_ref()
                .filter(|_| !council)
                .map(|a| format!("{} {}", w.adopted, a.text))
        });
        if let Some(line) = adoption.filter(|_| is_resolution) {
            // As printed, the date of adoption starts a line of its own, with the
            // preposition before it ("on 14 October 2025": 27 of the 29 official prints,
            // those of 2025; the two of 2018 end the first line with "on").
            let date = m.adopted.as_ref().map(|a| a.text.as_str()).unwrap_or("");
            let lines: Vec<&str> = match line.strip_suffix(date) {
                Some(head) if !date.is_empty() && !head.trim().is_empty() => {
                    let head = head.trim_end();
                    match head.rsplit_once(' ') {
                        Some((first, word))
                            if word.chars().next().is_some_and(char::is_lowercase) =>
                        {
                            let at = first.len() + 1;
                            vec![first, line.get(at..).unwrap_or(date)]
                        }
                        _ => vec![head, date],
                    }
                }
                _ => vec![line.as_str()],
            };
            for l in lines {
                let mut p = Para::new(vec![Span::new(l, Style::Bold)], 14.0, 15.0, WIDTH);
                p.align = Align::Left;
                p.keep_with_next = true;
                p.elem = self.tag(Role::P);
                out.push(Block::Para(p));
            }
        }
        if let Some(o) = &m.origin {
            let mut spans = self.spans(&o.text, Style::Italic, &mut marks);
            // The brackets are roman, the words inside italic.
            unitalicise_brackets(&mut spans);
            let mut p = Para::new(spans, BODY, LEADING, WIDTH);
            p.align = Align::Left;
            p.space_before = 12.0;
            p.keep_with_next = true;
            p.elem = self.tag(Role::P);
            out.push(Block::Para(p));
        }
        // A draft's submission line, as printed above its title: bold, 10 on 12.
        if let Some(dr) = &m.draft {
            let mut p = Para::new(
                vec![Span::new(dr.submitted.clone(), Style::Bold)],
                BODY,
                LEADING,
                WIDTH,
            );
            p.align = Align::Left;
            p.space_before = 12.0;
            p.keep_with_next = true;
            p.elem = self.tag(Role::P);
            out.push(Block::Para(p));
        }
        if (m.number.is_some() && !council) || m.title.is_some() {
            let mut p = Para::new(
                vec![Span::new(m.title.clone().unwrap_or_default(), Style::Bold)],
                12.0,
                14.0,
                WIDTH,
            );
            if let Some(n) = m.number.as_ref().filter(|_| !council) {
                // The number hangs in the left margin, as printed; a long one
                // is pushed left so that it keeps a gap before the title.
                let label = format!("{n}.");
                let w = self.m.width(Style::Bold, 12.0, &label);
                let at = (85.1 - LEFT).min(-w - 6.0);
                p.label = Some((vec![Span::new(label, Style::Bold)], at));
            }
            p.align = Align::Left;
            p.space_before = 11.4;
            p.keep_with_next = true;
            p.elem = self.tag(Role::H(1));
            p.bookmark = Some((
                match (&m.number, &m.title) {
                    (Some(n), Some(t)) => format!("{n}. {t}"),
                    (Some(n), None) => n.clone(),
                    (None, t) => t.clone().unwrap_or_default(),
                },
                1,
            ));
            out.push(Block::Para(p));
        }
        let mut formula_done = false;
        let formula = |out: &mut Vec<Block>, marks: &mut Vec<String>| {
            if let Some(f) = &d.formula {
                if let Some(lead) = &f.lead {
                    let mut p = self.para(self.spans(lead, Style::Regular, marks));
                    p.first = INDENT;
                    p.elem = self.tag(Role::P);
                    out.push(Block::Para(p));
                }
                let mut spans = self.spans(&f.text, Style::Italic, marks);
                unitalicise_trailing_comma(&mut spans);
                let mut p = self.para(spans);
                p.first = INDENT;
                p.space_before = 12.1;
                p.elem = self.tag(Role::P);
                out.push(Block::Para(p));
                if let Some(pr) = &f.proclamation {
                    let mut p = self.para(self.spans(pr, Style::Regular, marks));
                    p.first = INDENT;
                    p.elem = self.tag(Role::P);
                    out.push(Block::Para(p));
                }
            }
        };
        if d.formula.as_ref().is_some_and(|f| !f.after_preamble) {
            formula(&mut out, &mut marks);
            formula_done = true;
        }
        let start = out.len();
        self.flow_blocks(&d.preamble, false, &mut out, &mut marks);
        if let Some(Block::Para(p)) = out.get_mut(start) {
            p.bookmark = Some((w.preamble_outline.into(), 1));
        }
        if !formula_done {
            formula(&mut out, &mut marks);
        }
        let start = out.len();
        self.flow_blocks(&d.body, true, &mut out, &mut marks);
        if let Some(Block::Para(p)) = out.get_mut(start) {
            p.bookmark = Some((w.operative_outline.into(), 1));
        }
        // The first block may be on page 1 with nothing above it: no space then.
        if let Some(Block::Para(p)) = out.first_mut() {
            p.space_before = 0.0;
        }
        if let Some(c) = &d.closing {
            // The Council prints only its vote line, which names the meeting.
            let lines: Vec<&str> = c
                .meeting
                .iter()
                .map(String::as_str)
                .chain(c.date.iter().map(|d| d.text.as_str()))
                .filter(|_| !council)
                .chain(c.vote.iter().map(String::as_str))
                .collect();
            let n = lines.len();
            for (i, l) in lines.into_iter().enumerate() {
                // The vote line is the last; the notes marked after it follow it.
                let spans = if i + 1 == n && c.vote.is_some() && !c.vote_notes.is_empty() {
                    let mut t = vec![crate::model::Inline::Text {
                        text: l.to_string(),
                    }];
                    t.extend(
                        c.vote_notes
                            .iter()
                            .map(|m| crate::model::Inline::NoteRef { marker: m.clone() }),
                    );
                    self.spans(&Text(t), Style::Italic, &mut marks)
                } else {
                    vec![Span::new(l, Style::Italic)]
                };
                let mut p = Para::new(spans, BODY, LEADING, WIDTH);
                p.align = Align::Right;
                p.elem = self.tag(Role::P);
                p.space_before = if i == 0 { 12.0 } else { 0.0 };
                // The last line keeps the closing rule with it (a rule never opens a page).
                p.keep_with_next = i + 1 < n || d.annexes.is_empty();
                out.push(Block::Para(p));
            }
            // The closing rule ends the document: after the annexes when there are any.
            if n > 0 && d.annexes.is_empty() {
                out.push(Block::Rule {
                    x1: 270.2 - LEFT,
                    x2: 342.2 - LEFT,
                    thickness: 0.25,
                    space_before: 12.0,
                });
            }
        }
        for a in &d.annexes {
            // As printed (A/RES/80/3): the annex follows on the same page, its label
            // and title in bold at the text size.
            let mut p = Para::new(
                vec![Span::new(a.label.as_str(), Style::Bold)],
                BODY,
                LEADING,
                WIDTH,
            );
            p.align = Align::Left;
            p.space_before = 19.0;
            p.keep_with_next = true;
            p.elem = self.tag(Role::H(1));
            let label = if a.label.trim().is_empty() {
                w.annex_outline.to_string()
            } else {
                a.label.clone()
            };
            p.bookmark = Some((
                match &a.title {
                    Some(t) => format!("{label}: {}", t.to_plain()),
                    None => label,
                },
                1,
            ));
            out.push(Block::Para(p));
            if let Some(t) = &a.title {
                let mut p = Para::new(self.spans(t, Style::Bold, &mut marks), BODY, LEADING, WIDTH);
                p.align = Align::Left;
                p.elem = self.tag(Role::H(1));
                p.space_before = 6.0;
                p.keep_with_next = true;
                out.push(Block::Para(p));
            }
            let start = out.len();
            self.in_annex.set(true);
            self.flow_blocks(&a.blocks, false, &mut out, &mut marks);
            self.in_annex.set(false);
            if let Some(Block::Para(p)) = out.get_mut(start) {
                p.space_before = 12.0;
            }
        }
        // The document ends with the short centred rule, after its annexes too.
        if !d.annexes.is_empty() {
            if let Some(Block::Para(p)) = out.last_mut() {
                p.keep_with_next = true;
            }
            out.push(Block::Rule {
                x1: 270.2 - LEFT,
                x2: 342.2 - LEFT,
                thickness: 0.25,
                space_before: 12.0,
            });
        }
        (out, marks)
    }

    fn flow_blocks(
        &self,
        blocks: &[MBlock],
        operative: bool,
        out: &mut Vec<Block>,
        marks: &mut Vec<String>,
    ) {
        for b in blocks {
            match b {
                MBlock::Paragraph(p) => self.paragraph(p, 0, operative, out, marks),
                MBlock::Section(s) => self.section(s, operative, out, marks),
            }
        }
    }

    fn section(&self, s: &Section, operative: bool, out: &mut Vec<Block>, marks: &mut Vec<String>) {
        let style = if s.level <= 1 {
            Style::Bold
        } else {
            Style::BoldItalic
        };
        let mut p = self.para(self.spans(&s.heading, style, marks));
        p.align = Align::Left;
        p.space_before = 12.0;
        p.keep_with_next = true;
        let level = s.level.clamp(1, 5) + 1;
        p.elem = self.tag(Role::H(level));
        let heading = s.heading.to_plain();
        p.bookmark = Some((
            match &s.num {
                Some(n) => format!("{n} {heading}"),
                None => heading,
            },
            level,
        ));
        if let Some(n) = &s.num {
            // The number hangs, the heading runs over under its first word.
            p.label = Some((vec![Span::new(n.as_str(), style)], 0.0));
            p.first = INDENT;
            p.rest = INDENT;
        }
        out.push(Block::Para(p));
        self.flow_blocks(&s.children, operative, out, marks);
    }

    /// A paragraph and its sub-paragraphs; `depth` 0 for a top-level paragraph.
    fn paragraph(
        &self,
        p: &Paragraph,
        depth: usize,
        operative: bool,
        out: &mut Vec<Block>,
        marks: &mut Vec<String>,
    ) {
        if let Some(h) = &p.heading {
            let mut hp = self.para(self.spans(h, Style::Bold, marks));
            hp.align = Align::Center;
            hp.space_before = 12.0;
            hp.keep_with_next = true;
            // Articles: a heading of their own, an outline entry under the part.
            hp.elem = self.tag(Role::H(3));
            hp.bookmark = Some((h.to_plain(), 2));
            out.push(Block::Para(hp));
        }
        // As printed: the number indented one step; in an annex, at the margin.
        let steps = if self.in_annex.get() {
            depth
        } else {
            depth + 1
        };
        let label_at = INDENT * steps as f32;
        let mut first_text = true;
        for t in &p.content {
            let mut q = self.para(self.spans(t, Style::Regular, marks));
            // A numbered paragraph is a list item; its further text, a paragraph in it.
            q.elem = self.tag(if p.num.is_some() && first_text {
                Role::Li(depth)
            } else {
                Role::P
            });
            match (&p.num, first_text) {
                (Some(n), true) => {
                    q.label = Some((vec![Span::new(n.as_str(), Style::Regular)], label_at));
                    q.first = self.after_label(n, label_at);
                }
                _ => {
                    q.first = if operative || depth > 0 {
                        label_at
                    } else {
                        INDENT
                    }
                }
            }
            first_text = false;
            out.push(Block::Para(q));
        }
        if first_text {
            if let Some(n) = &p.num {
                // A label with no text of its own (the list follows).
                let mut q = self.para(Vec::new());
                q.elem = self.tag(Role::Li(depth));
                q.label = Some((vec![Span::new(n.as_str(), Style::Regular)], label_at));
                q.first = self.after_label(n, label_at);
                q.keep_with_next = true;
                out.push(Block::Para(q));
            }
        }
        for s in &p.subparagraphs {
            self.paragraph(s, depth + 1, operative, out, marks);
        }
        for t in &p.wrap_up {
            let mut q = self.para(self.spans(t, Style::Regular, marks));
            q.first = label_at;
            q.elem = self.tag(Role::P);
            out.push(Block::Para(q));
        }
    }

    /// Where text starts after a label: the tab stop, or one space further
    /// when the label is wider than the stop.
    fn after_label(&self, label: &str, at: f32) -> f32 {
        let w = self.m.width(Style::Regular, BODY, label);
        let space = self.m.width(Style::Regular, BODY, " ");
        if w + space > TAB {
            at + w + space
        } else {
            at + TAB
        }
    }

    /// The notes, in order of first mark, as paragraphs in the note style.
    fn notes(&self, marks: &[String]) -> Vec<(String, Para)> {
        let mut out = Vec::new();
        let order: Vec<&str> = self
            .doc
            .footnotes
            .iter()
            .map(|f| f.marker.as_str())
            .collect();
        // A note with no mark in the text is set after the note before it
        // (or before the first marked note), so that no note is lost.
        let marked: Vec<&str> = order
            .iter()
            .copied()
            .filter(|o| marks.iter().any(|m| m == o))
            .collect();
        let mut anchor = marked.first().copied().unwrap_or("");
        for marker in order {
            let Some(f) = self.doc.footnote(marker) else {
                continue;
            };
            let key = if marks.iter().any(|m| m == marker) {
                anchor = marker;
                marker
            } else {
                anchor
            };
            let mut ignored = Vec::new();
            let spans = self.spans(&f.text, Style::Regular, &mut ignored);
            let mut p = Para::new(spans, GEOMETRY.note_size, GEOMETRY.note_leading, WIDTH);
            p.align = Align::Left;
            p.elem = self.tag(Role::Note);
            // Note numbers end at one place, as printed: two digits start further left.
            let mark_size = GEOMETRY.note_size * layout::MARK_SCALE;
            let w =
                self.m.width(Style::Regular, mark_size, &f.marker) - mark_size * fonts::TRACKING;
            p.label = Some((
                vec![Span {
                    text: f.marker.clone(),
                    style: Style::Regular,
                    mark: Some(f.marker.clone()),
                    target: None,
                }],
                NOTE_NUMBER_END - LEFT - w,
            ));
            out.push((key.to_string(), p));
        }
        out
    }

    /// Whether page 1 carries the masthead (resolutions, decisions and drafts do; a
    /// declaration's text does not).
    fn has_masthead(&self) -> bool {
        self.doc.meta.kind != crate::model::DocKind::Declaration
    }

    /// The baseline of the last masthead line at the left (session, agenda).
    fn masthead_bottom(&self) -> f32 {
        let mut out = Vec::new();
        self.agenda_lines(&mut out);
        567.6 - 11.7 * out.len() as f32
    }

    /// Session, agenda items and their titles, as printed at the left.
    fn agenda_lines(&self, out: &mut Vec<(String, Style)>) {
        let meta = &self.doc.meta;
        let w = lang::print_words(self.lang);
        if let Some(s) = &meta.session {
            out.push((s.printed.clone(), Style::Bold));
        }
        // A draft's committee, bold as printed ("Third Committee").
        if let Some(c) = meta.draft.as_ref().and_then(|d| d.committee.as_deref()) {
            for l in simple_lines(self.m, c, Style::Bold, 10.0, AGENDA_WIDTH) {
                out.push((l, Style::Bold));
            }
        }
        let items: Vec<&str> = meta.agenda_items.iter().map(|a| a.item.as_str()).collect();
        match items.as_slice() {
            [] => {}
            [one] => out.push((format!("{} {one}", w.agenda_item), Style::Regular)),
            [init @ .., last] => out.push((
                format!("{} {} {} {last}", w.agenda_items, init.join(", "), w.and),
                Style::Regular,
            )),
        }
        for a in &meta.agenda_items {
            if let Some(t) = &a.title {
                // Bold, as printed.
                for l in simple_lines(self.m, t, Style::Bold, 10.0, AGENDA_WIDTH) {
                    out.push((l, Style::Bold));
                }
            }
        }
    }

    /// Page 1: "United Nations", the symbol, the organ, distribution and date,
    /// the rules, session and agenda items, and the job number at the foot.
    fn masthead(&self, m: &dyn layout::Measure, page: &mut Page) {
        let meta = &self.doc.meta;
        if !self.has_masthead() {
            return;
        }
        let w = lang::print_words(self.lang);
        page.runs.push(furniture(
            LEFT,
            731.1,
            Style::Regular,
            14.0,
            w.united_nations,
        ));
        if let Some(sym) = &meta.symbol {
            let mut chars = sym.chars();
            let first: String = chars.next().map(String::from).unwrap_or_default();
            let rest: String = chars.collect();
            let w1 = m.width(Style::Regular, 20.0, &first);
            let w2 = m.width(Style::Regular, 10.0, &rest);
            // Flush with the end of the rule below (the last letter's spacing is blank).
            let x = 552.6 + 10.0 * fonts::TRACKING - w1 - w2;
            page.runs
                .push(furniture(x, 731.2, Style::Regular, 20.0, &first));
            page.runs
                .push(furniture(x + w1, 731.2, Style::Regular, 10.0, &rest));
        }
        page.rules.push(RuleOut {
            x1: 60.0,
            x2: 552.6,
            y: 727.0,
            thickness: 0.5,
        });
        page.runs.push(furniture(
            LEFT,
            701.3,
            Style::Bold,
            20.0,
            lang::printed_organ(meta.organ, self.lang),
        ));
        let distr = match meta.distribution.as_deref() {
            Some(d) if self.lang == "en" && d != "General" => format!("Distr.: {d}"),
            _ if meta.kind.is_draft() => w.distr_limited.to_string(),
            _ => w.distr.to_string(),
        };
        page.runs
            .push(furniture(397.0, 703.2, Style::Regular, 10.0, &distr));
        if let Some(i) = &meta.issued {
            page.runs
                .push(furniture(397.0, 691.4, Style::Regular, 10.0, &i.text));
        }
        page.rules.push(RuleOut {
            x1: 59.3,
            x2: 551.9,
            y: 582.35,
            thickness: 1.5,
        });
        let mut lines = Vec::new();
        self.agenda_lines(&mut lines);
        for (k, (text, style)) in lines.iter().enumerate() {
            let y = 567.6 - 11.7 * k as f32;
            page.runs.push(furniture(PAGE_LEFT, y, *style, 10.0, text));
        }
        if let Some(j) = &meta.job_number {
            page.runs.push(furniture(
                65.4,
                42.3,
                Style::Regular,
                10.0,
                &format!("{j} ({})", w.letter),
            ));
            page.barcode = barcode::text(j);
        }
    }

    /// Pages 2 and after: the symbol and the rule at the head, the folio and
    /// the job number at the foot, on alternating sides.
    fn running_head(&self, m: &dyn layout::Measure, page: &mut Page, n: usize, total: usize) {
        let meta = &self.doc.meta;
        let even = n % 2 == 0;
        let place = |text: &str, style: Style, size: f32, left: bool| -> f32 {
            if left {
                PAGE_LEFT
            } else {
                PAGE_RIGHT - m.width(style, size, text)
            }
        };
        // The symbol; a text without one (the Universal Declaration) is headed by its title.
        if let Some(sym) = meta.symbol.as_ref().or(meta.title.as_ref()) {
            let x = place(sym, Style::Bold, 8.5, even);
            page.runs.push(furniture(x, 731.1, Style::Bold, 8.5, sym));
            page.rules.push(RuleOut {
                x1: 59.3,
                x2: 552.1,
                y: 727.0,
                thickness: 0.5,
            });
        }
        let folio = format!("{n}/{total}");
        let x = place(&folio, Style::Bold, 8.5, even);
        page.runs.push(furniture(x, 34.9, Style::Bold, 8.5, &folio));
        if let Some(j) = &meta.job_number {
            let x = place(j, Style::Regular, 7.0, !even);
            page.runs.push(furniture(x, 36.7, Style::Regular, 7.0, j));
        }
    }
}

/// Greedy lines for masthead text (not justified, no hyphenation).
fn simple_lines(
    m: &dyn layout::Measure,
    text: &str,
    style: Style,
    size: f32,
    width: f32,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        let trial = if cur.is_empty() {
            word.to_string()
        } else {
            format!("{cur} {word}")
        };
        if m.width(style, size, &trial) > width && !cur.is_empty() {
            out.push(std::mem::replace(&mut cur, word.to_string()));
        } else {
            cur = trial;
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// A date as the print sets it: a no-break space after the day (`6 December`),
/// a line may break before the year. In the order year-month-day nothing changes.
fn date(text: &str) -> String {
    match text.split_once(' ') {
        Some((day, rest)) if day.chars().all(|c| c.is_ascii_digit()) => {
            format!("{day}\u{a0}{rest}")
        }
        _ => text.to_string(),
    }
}

/// `text` with its spaces made no-break.
fn no_break(text: &str) -> String {
    text.replace(' ', "\u{a0}")
}

/// `text` with no-break spaces where a line must not break, by the typographic
/// rules of the print: before high punctuation standing apart (French `; : ! ?`,
/// closing guillemet) and after an opening guillemet; between a short abbreviation
/// with a capital and a number (`No. 12`, `Vol. 3`).
fn glue(text: &str) -> String {
    let high = |c: char| matches!(c, ';' | ':' | '!' | '?' | '»');
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    // Start of the current word, for the abbreviation rule.
    let mut word_start = 0;
    while let Some((i, c)) = chars.next() {
        if c != ' ' {
            if c.is_whitespace() {
                word_start = i + c.len_utf8();
            }
            out.push(c);
            continue;
        }
        let next = chars.peek().map(|&(_, n)| n);
        let word = text.get(word_start..i).unwrap_or("");
        let after = text.get(i + 1..).unwrap_or("");
        let next_word_high = next.is_some_and(high)
            && after
                .split(' ')
                .next()
                .is_some_and(|w| w.chars().all(|c| high(c) || c == '.'));
        let abbrev = word.ends_with('.')
            && word.chars().next().is_some_and(char::is_uppercase)
            && (2..=5).contains(&word.chars().count())
            && word.trim_end_matches('.').chars().all(char::is_alphabetic)
            && next.is_some_and(|n| n.is_ascii_digit());
        if next_word_high || word == "«" || abbrev {
            out.push('\u{a0}');
        } else {
            out.push(' ');
        }
        word_start = i + 1;
    }
    out
}

/// "[without reference …]": the brackets roman, the rest as styled.
fn unitalicise_brackets(spans: &mut Vec<Span>) {
    let mut out = Vec::with_capacity(spans.len() + 2);
    for s in spans.drain(..) {
        if s.mark.is_some() || s.target.is_some() || s.style != Style::Italic {
            out.push(s);
            continue;
        }
        let mut buf = String::new();
        let mut roman = false;
        for c in s.text.chars() {
            let is_bracket = c == '[' || c == ']';
            if is_bracket != roman && !buf.is_empty() {
                let style = if roman { Style::Regular } else { s.style };
                out.push(Span::new(std::mem::take(&mut buf), style));
            }
            roman = is_bracket;
            buf.push(c);
        }
        if !buf.is_empty() {
            let style = if roman { Style::Regular } else { s.style };
            out.push(Span::new(buf, style));
        }
    }
    *spans = out;
}

/// "The General Assembly," — the comma is roman.
fn unitalicise_trailing_comma(spans: &mut Vec<Span>) {
    let Some(last) = spans.last_mut() else {
        return;
    };
    if last.mark.is_none() && last.style == Style::Italic {
        if let Some(stripped) = last.text.strip_suffix(',') {
            last.text = stripped.to_string();
            spans.push(Span::new(",", Style::Regular));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glue_keeps_together_what_must_not_break() {
        assert_eq!(
            glue("see No. 12 and Vol. 3"),
            "see No.\u{a0}12 and Vol.\u{a0}3"
        );
        assert_eq!(
            glue("Décide : il ; « oui » ?"),
            "Décide\u{a0}: il\u{a0}; «\u{a0}oui\u{a0}»\u{a0}?"
        );
        // A number after a sentence, a colon inside a word: unchanged.
        assert_eq!(glue("the Nations. 12 States"), "the Nations. 12 States");
        assert_eq!(glue("ratio 3:1 here"), "ratio 3:1 here");
        assert_eq!(no_break("S/RES/2334 (2016)"), "S/RES/2334\u{a0}(2016)");
        assert_eq!(date("10 December 2010"), "10\u{a0}December 2010");
        assert_eq!(date("December 10, 2010"), "December 10, 2010");
    }
}

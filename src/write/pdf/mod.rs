//! Typeset PDF in the UN print layout (`--to pdf`).
//!
//! `mod.rs` turns the model into styled blocks and page furniture,
//! [`layout`] breaks lines and pages, [`draw`] writes the PDF. The geometry
//! is the one measured from the official print (docs/pdf.md).

mod cff;
mod deflate;
pub mod draw;
mod embed;
pub mod fonts;
pub mod layout;
mod wrap;

use crate::model::{Block as MBlock, Inline, Organ, Paragraph, Resolution, Section, Text};
use crate::write::{document_url, WriteError, WriteOptions, Writer};
use draw::{furniture, Info, Paper};
pub use fonts::FontFamily;
use layout::{Align, Block, Geometry, Page, Para, RuleOut, Span, Style, Target};
use std::fmt::Write as _;

/// Paper size. The text block is the same on both, centred on A4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PaperSize {
    /// US Letter, 612 × 792 pt (New York documents).
    #[default]
    Letter,
    /// A4, 595.276 × 841.89 pt.
    A4,
}

impl PaperSize {
    fn paper(self) -> Paper {
        match self {
            PaperSize::Letter => Paper {
                width: 612.0,
                height: 792.0,
                dx: 0.0,
                dy: 0.0,
            },
            PaperSize::A4 => Paper {
                width: 595.276,
                height: 841.89,
                dx: (595.276 - 612.0) / 2.0,
                dy: (841.89 - 792.0) / 2.0,
            },
        }
    }
}

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
        let mut missing = Vec::new();
        let pdf = match &opts.font_family {
            Some(family) => {
                let faces = fonts::Faces::parse(family).map_err(WriteError)?;
                write_with(doc, opts, &faces, &mut missing)
            }
            None => write_with(
                doc,
                opts,
                fonts::default_faces().map_err(WriteError)?,
                &mut missing,
            ),
        }?;
        if !missing.is_empty() {
            warnings.push(missing_glyphs(&missing, opts.font_family.is_some()));
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

// Geometry of the UN print on Letter paper (docs/pdf.md), in points.
const LEFT: f32 = 123.4;
const WIDTH: f32 = 367.7;
const INDENT: f32 = 23.7;
const TAB: f32 = 23.8;
const BODY: f32 = 10.0;
const LEADING: f32 = 12.0;
const PARA_SPACE: f32 = 6.0;
const PAGE_RIGHT: f32 = 554.2;
const PAGE_LEFT: f32 = 60.0;

const GEOMETRY: Geometry = Geometry {
    left: LEFT,
    width: WIDTH,
    top_first: 522.9,
    top: 707.5,
    bottom: 72.0,
    note_size: 8.5,
    note_leading: 10.5,
    note_rule_gap: 14.0,
    note_rule: (99.6 - LEFT, 173.6 - LEFT),
    note_clearance: 12.0,
};

fn write_with(
    doc: &Resolution,
    opts: &WriteOptions,
    faces: &fonts::Faces,
    missing: &mut Vec<char>,
) -> Result<Vec<u8>, WriteError> {
    let lang = doc.meta.language.as_str();
    let hyph = lang
        .as_bytes()
        .get(..2)
        .and_then(|b| <[u8; 2]>::try_from(b).ok())
        .and_then(hypher::Lang::from_iso);
    let b = Builder {
        doc,
        opts,
        lang,
        m: faces,
    };
    let (blocks, marks) = b.blocks();
    let notes = b.notes(&marks);
    // Agenda titles in the masthead push the heading down.
    let mut geometry = GEOMETRY;
    geometry.top_first = geometry.top_first.min(b.masthead_bottom() - 24.0);
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
            } else if y < geometry.bottom - 12.0 {
                2
            } else {
                1
            }
        };
        page.runs.sort_by_key(|r| zone(r.y));
    }
    let bookmarks: Vec<(String, usize)> = pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            p.bookmarks
                .iter()
                .map(move |(name, _)| (name.clone(), i + 1))
        })
        .collect();
    let m = &doc.meta;
    let symbol = m.symbol.clone().unwrap_or_default();
    let title = match (&m.number, &m.title) {
        (Some(n), Some(t)) => format!("{n}. {t}"),
        (None, Some(t)) => t.clone(),
        _ => symbol.clone(),
    };
    let mut keywords: Vec<String> = vec!["United Nations".into(), organ_name(m.organ, lang).into()];
    keywords.extend(m.symbol.iter().cloned());
    keywords.extend(m.number.iter().map(|n| format!("resolution {n}")));
    keywords.extend(m.session.iter().map(|s| s.printed.clone()));
    let info = Info {
        title,
        subject: symbol,
        author: organ_name(m.organ, lang).to_string(),
        keywords,
        language: lang.to_string(),
    };
    let paper = opts.paper.paper();
    draw::render(faces, &info, paper, &pages, &bookmarks, missing).map_err(WriteError)
}

/// Printed words of the masthead, per language.
struct Words {
    united_nations: &'static str,
    distr: &'static str,
    agenda_item: &'static str,
    agenda_items: &'static str,
    and: &'static str,
    adopted: &'static str,
    annex_outline: &'static str,
    preamble_outline: &'static str,
    operative_outline: &'static str,
    /// The language letter after the job number: "(E)".
    letter: &'static str,
}

fn words(lang: &str) -> Words {
    match lang {
        "fr" => Words {
            united_nations: "Nations Unies",
            distr: "Distr. générale",
            agenda_item: "Point de l’ordre du jour",
            agenda_items: "Points de l’ordre du jour",
            and: "et",
            adopted: "Résolution adoptée par l’Assemblée générale le",
            annex_outline: "Annexe",
            preamble_outline: "Préambule",
            operative_outline: "Dispositif",
            letter: "F",
        },
        "es" => Words {
            united_nations: "Naciones Unidas",
            distr: "Distr. general",
            agenda_item: "Tema del programa",
            agenda_items: "Temas del programa",
            and: "y",
            adopted: "Resolución aprobada por la Asamblea General el",
            annex_outline: "Anexo",
            preamble_outline: "Preámbulo",
            operative_outline: "Parte dispositiva",
            letter: "S",
        },
        "ru" => Words {
            united_nations: "Организация Объединенных Наций",
            distr: "Distr.: General",
            agenda_item: "Пункт повестки дня",
            agenda_items: "Пункты повестки дня",
            and: "и",
            adopted: "Резолюция, принятая Генеральной Ассамблеей",
            annex_outline: "Приложение",
            preamble_outline: "Преамбула",
            operative_outline: "Постановляющая часть",
            letter: "R",
        },
        _ => Words {
            united_nations: "United Nations",
            distr: "Distr.: General",
            agenda_item: "Agenda item",
            agenda_items: "Agenda items",
            and: "and",
            adopted: "Resolution adopted by the General Assembly on",
            annex_outline: "Annex",
            preamble_outline: "Preamble",
            operative_outline: "Operative part",
            letter: "E",
        },
    }
}

fn organ_name(organ: Organ, lang: &str) -> &'static str {
    match (organ, lang) {
        (Organ::GeneralAssembly, "fr") => "Assemblée générale",
        (Organ::GeneralAssembly, "es") => "Asamblea General",
        (Organ::GeneralAssembly, "ru") => "Генеральная Ассамблея",
        (Organ::SecurityCouncil, "fr") => "Conseil de sécurité",
        (Organ::SecurityCouncil, "es") => "Consejo de Seguridad",
        (Organ::SecurityCouncil, "ru") => "Совет Безопасности",
        (o, _) => o.name(),
    }
}

struct Builder<'a> {
    doc: &'a Resolution,
    opts: &'a WriteOptions,
    lang: &'a str,
    m: &'a dyn layout::Measure,
}

impl Builder<'_> {
    /// Inline text to spans: phrases in italics, references linked, marks raised.
    fn spans(&self, t: &Text, base: Style, marks: &mut Vec<String>) -> Vec<Span> {
        let mut out = Vec::new();
        for i in &t.0 {
            match i {
                Inline::Text { text } | Inline::Date { text, .. } => {
                    out.push(Span::new(text.as_str(), base));
                }
                Inline::Phrase { text } | Inline::Emphasis { text } => {
                    out.push(Span::new(text.as_str(), base.italic()))
                }
                Inline::Ref { text, symbol, .. } => {
                    let mut s = Span::new(text.as_str(), base);
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
            }
        }
        out
    }

    fn para(&self, spans: Vec<Span>) -> Para {
        let mut p = Para::new(spans, BODY, LEADING, WIDTH);
        p.space_before = PARA_SPACE;
        p
    }

    /// The flow: heading, formula, preamble, operative part, closing, annexes.
    /// Also returns the footnote markers in order of use.
    fn blocks(&self) -> (Vec<Block>, Vec<String>) {
        let d = self.doc;
        let m = &d.meta;
        let w = words(self.lang);
        let mut marks = Vec::new();
        let mut out = Vec::new();
        let is_resolution = m.kind == crate::model::DocKind::Resolution;
        // Preface.
        let adoption = m.adoption_line.clone().or_else(|| {
            m.adopted
                .as_ref()
                .map(|a| format!("{} {}", w.adopted, a.text))
        });
        if let Some(line) = adoption.filter(|_| is_resolution) {
            // As printed, the date of adoption stands on a line of its own.
            let date = m.adopted.as_ref().map(|a| a.text.as_str()).unwrap_or("");
            let lines: Vec<&str> = match line.strip_suffix(date) {
                Some(head) if !date.is_empty() && !head.trim().is_empty() => {
                    vec![head.trim_end(), date]
                }
                _ => vec![line.as_str()],
            };
            for l in lines {
                let mut p = Para::new(vec![Span::new(l, Style::Bold)], 14.0, 15.0, WIDTH);
                p.align = Align::Left;
                p.keep_with_next = true;
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
            out.push(Block::Para(p));
        }
        if m.number.is_some() || m.title.is_some() {
            let mut p = Para::new(
                vec![Span::new(m.title.clone().unwrap_or_default(), Style::Bold)],
                12.0,
                14.0,
                WIDTH,
            );
            if let Some(n) = &m.number {
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
            out.push(Block::Para(p));
        }
        let mut formula_done = false;
        let formula = |out: &mut Vec<Block>, marks: &mut Vec<String>| {
            if let Some(f) = &d.formula {
                if let Some(lead) = &f.lead {
                    let mut p = self.para(self.spans(lead, Style::Regular, marks));
                    p.first = INDENT;
                    out.push(Block::Para(p));
                }
                let mut spans = self.spans(&f.text, Style::Italic, marks);
                unitalicise_trailing_comma(&mut spans);
                let mut p = self.para(spans);
                p.first = INDENT;
                p.space_before = 12.1;
                out.push(Block::Para(p));
                if let Some(pr) = &f.proclamation {
                    let mut p = self.para(self.spans(pr, Style::Regular, marks));
                    p.first = INDENT;
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
            p.bookmark = Some(w.preamble_outline.into());
        }
        if !formula_done {
            formula(&mut out, &mut marks);
        }
        let start = out.len();
        self.flow_blocks(&d.body, true, &mut out, &mut marks);
        if let Some(Block::Para(p)) = out.get_mut(start) {
            p.bookmark = Some(w.operative_outline.into());
        }
        // The first block may be on page 1 with nothing above it: no space then.
        if let Some(Block::Para(p)) = out.first_mut() {
            p.space_before = 0.0;
        }
        if let Some(c) = &d.closing {
            let lines: Vec<&str> = c
                .meeting
                .iter()
                .map(String::as_str)
                .chain(c.date.iter().map(|d| d.text.as_str()))
                .chain(c.vote.iter().map(String::as_str))
                .collect();
            let n = lines.len();
            for (i, l) in lines.into_iter().enumerate() {
                let mut p = Para::new(vec![Span::new(l, Style::Italic)], BODY, LEADING, WIDTH);
                p.align = Align::Right;
                p.space_before = if i == 0 { 12.0 } else { 0.0 };
                p.keep_with_next = i + 1 < n;
                out.push(Block::Para(p));
            }
            if n > 0 {
                out.push(Block::Rule {
                    x1: 270.2 - LEFT,
                    x2: 342.2 - LEFT,
                    thickness: 0.25,
                    space_before: 12.0,
                });
            }
        }
        for a in &d.annexes {
            let mut p = Para::new(
                vec![Span::new(a.label.as_str(), Style::Bold)],
                14.0,
                15.0,
                WIDTH,
            );
            p.align = Align::Left;
            p.new_page = true;
            p.keep_with_next = true;
            p.bookmark = Some(if a.label.trim().is_empty() {
                w.annex_outline.to_string()
            } else {
                a.label.clone()
            });
            out.push(Block::Para(p));
            if let Some(t) = &a.title {
                let mut p = Para::new(self.spans(t, Style::Bold, &mut marks), 14.0, 15.0, WIDTH);
                p.align = Align::Left;
                p.space_before = 12.0;
                p.keep_with_next = true;
                out.push(Block::Para(p));
            }
            let start = out.len();
            self.flow_blocks(&a.blocks, false, &mut out, &mut marks);
            if let Some(Block::Para(p)) = out.get_mut(start) {
                p.space_before = 18.0;
            }
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
            out.push(Block::Para(hp));
        }
        let label_at = INDENT * (depth as f32 + 1.0);
        let mut first_text = true;
        for t in &p.content {
            let mut q = self.para(self.spans(t, Style::Regular, marks));
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
            p.label = Some((
                vec![Span {
                    text: f.marker.clone(),
                    style: Style::Regular,
                    mark: Some(f.marker.clone()),
                    target: None,
                }],
                117.0 - LEFT,
            ));
            out.push((key.to_string(), p));
        }
        out
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
        let w = words(self.lang);
        if let Some(s) = &meta.session {
            out.push((s.printed.clone(), Style::Bold));
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
                for l in simple_lines(self.m, t, Style::Regular, 10.0, 230.0) {
                    out.push((l, Style::Regular));
                }
            }
        }
    }

    /// Page 1: "United Nations", the symbol, the organ, distribution and date,
    /// the rules, session and agenda items, and the job number at the foot.
    fn masthead(&self, m: &dyn layout::Measure, page: &mut Page) {
        let meta = &self.doc.meta;
        if meta.kind != crate::model::DocKind::Resolution {
            return;
        }
        let w = words(self.lang);
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
            let x = 555.0 - w1 - w2;
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
            organ_name(meta.organ, self.lang),
        ));
        let distr = match meta.distribution.as_deref() {
            Some(d) if self.lang == "en" && d != "General" => format!("Distr.: {d}"),
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
        if let Some(sym) = &meta.symbol {
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

//! Markdown for wikis: CommonMark + GFM (footnotes), readable as plain text.
//!
//! Layout (see docs/markdown.md): optional YAML front matter; an `#` heading with the
//! number and title; the adoption and origin lines; the formula in italics; one Markdown
//! paragraph per printed paragraph; operative numbers written as escaped text (`5\.`) so
//! that no renderer can renumber them; sub-paragraphs in nested block quotes, their printed
//! labels the only markers; sections and annexes as headings; the closing lines; GFM
//! footnotes.
//!
//! Every element with an AKN eId starts with `<a id="…"></a>`, the only HTML we write.
//! Every piece of source text goes through [`escape`], so it can never make markup.
//!
//! The whole document is written into one buffer: a block is written in place and taken
//! back when it turns out blank ([`Sink`]), and inline text is cleaned into a reused
//! scratch buffer, then escaped a run of plain bytes at a time.

use crate::lang;
use crate::model::ids::with_ids;
use crate::model::{
    Annex, Block, DocKind, Formula, Inline, Organ, Paragraph, Resolution, Section, Text,
};
use crate::write::error::WriteError;
use crate::write::format::Writer;
use crate::write::options::WriteOptions;
use crate::write::shared::{find_byte, push_document_url, text_size, FastHash};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// The Markdown writer (`--to md`): CommonMark with footnotes and YAML front matter.
pub struct Markdown;

impl Writer for Markdown {
    fn name(&self) -> &'static str {
        "md"
    }
    fn extension(&self) -> &'static str {
        "md"
    }
    fn write(&self, doc: &Resolution, opts: &WriteOptions) -> Result<Vec<u8>, WriteError> {
        Ok(render(doc, opts).into_bytes())
    }
}

/// The whole document as Markdown text, ending with one newline.
pub fn render(doc: &Resolution, opts: &WriteOptions) -> String {
    let doc = &*with_ids(doc);
    let mut w = W::new(doc, opts);
    // The Markdown is the text plus anchors, escapes and links.
    let size = text_size(doc);
    let mut out = String::with_capacity(size + size / 4 + 1024);
    if opts.front_matter {
        out.push_str(&front_matter(doc));
    }
    let mut top = Sink::new(&mut out);
    w.title(&mut top);
    if let Some(f) = doc.formula.as_ref().filter(|f| !f.after_preamble) {
        w.formula(f, &mut top);
    }
    w.blocks(&doc.preamble, 1, &mut top);
    if let Some(f) = doc.formula.as_ref().filter(|f| f.after_preamble) {
        w.formula(f, &mut top);
    }
    w.blocks(&doc.body, 1, &mut top);
    if let Some(c) = &doc.closing {
        // Notes no mark places are referenced before the marks of the vote line (when no
        // annex follows with marks of its own): the notes then come in the order of their
        // definitions for every renderer (some number them by reference, some by definition).
        if !c.vote_notes.is_empty() && doc.annexes.is_empty() {
            let b = top.open();
            for (i, f) in doc.footnotes.iter().enumerate() {
                if c.vote_notes.contains(&f.marker) || w.used.get(i) != Some(&false) {
                    continue;
                }
                if let Some(label) = w.labels.get(i) {
                    if top.out.len() > b.content {
                        top.out.push(' ');
                    }
                    top.out.push_str("[^");
                    top.out.push_str(label);
                    top.out.push(']');
                }
                if let Some(u) = w.used.get_mut(i) {
                    *u = true;
                }
            }
            top.close(b);
        }
        // Two paragraphs rather than a hard break: no trailing backslash in the plain text.
        // The Council prints only its vote line, which names the meeting.
        let council = doc.meta.organ == Organ::SecurityCouncil;
        let date = c
            .date
            .as_ref()
            .map(|d| d.text.as_str())
            .filter(|_| !council);
        let meeting = c.meeting.as_deref().filter(|_| !council);
        for (line, vote) in [(meeting, false), (date, false), (c.vote.as_deref(), true)] {
            let Some(line) = line.filter(|l| !l.trim().is_empty()) else {
                continue;
            };
            let b = top.open();
            escape_into(top.out, &clean(line), true);
            // The notes marked after the vote line.
            for m in c.vote_notes.iter().filter(|_| vote) {
                w.mark(m, top.out);
            }
            top.close(b);
        }
    }
    for a in &doc.annexes {
        w.annex(a, &mut top);
    }
    // The definitions are rendered first: a mark inside a note places that note.
    let mut definitions = String::new();
    for (i, f) in doc.footnotes.iter().enumerate() {
        let Some(label) = w.labels.get(i) else {
            break;
        };
        if !definitions.is_empty() {
            definitions.push_str("\n\n");
        }
        definitions.push_str("[^");
        definitions.push_str(label);
        definitions.push_str("]: ");
        w.inlines(&f.text, true, false, &mut definitions);
        trim_end(&mut definitions);
    }
    // A note whose mark the model does not place still gets a reference, gathered in one
    // paragraph before the definitions: renderers drop a definition nobody references.
    let b = top.open();
    for (label, _) in w.labels.iter().zip(&w.used).filter(|(_, used)| !**used) {
        if top.out.len() > b.content {
            top.out.push(' ');
        }
        top.out.push_str("[^");
        top.out.push_str(label);
        top.out.push(']');
    }
    top.close(b);
    let b = top.open();
    top.out.push_str(&definitions);
    top.close(b);
    out.push('\n');
    out
}

/// Where blocks are written: blocks are separated by a blank line and a blank one is
/// dropped.
struct Sink<'o> {
    out: &'o mut String,
    /// Blocks kept so far.
    count: usize,
}

/// An open block: where it starts (with its separator) and where its content starts.
struct Mark {
    start: usize,
    content: usize,
}

impl<'o> Sink<'o> {
    fn new(out: &'o mut String) -> Self {
        Sink { out, count: 0 }
    }

    /// Starts a block: writes the separator.
    fn open(&mut self) -> Mark {
        let start = self.out.len();
        if self.count > 0 {
            self.out.push_str("\n\n");
        }
        Mark {
            start,
            content: self.out.len(),
        }
    }

    /// Ends a block, taking it back when it is blank.
    fn close(&mut self, m: Mark) {
        let content = self.out.get(m.content..).unwrap_or_default();
        if content.trim().is_empty() {
            self.out.truncate(m.start);
        } else {
            self.count += 1;
        }
    }
}

struct W<'a> {
    doc: &'a Resolution,
    opts: &'a WriteOptions,
    /// The GFM label of each footnote, by position.
    labels: Vec<String>,
    /// Footnote marker → position of its note.
    by_marker: HashMap<&'a str, usize, FastHash>,
    /// Whether each note has been referenced so far, by position.
    used: Vec<bool>,
    /// Scratch space for [`W::inlines`], reused: the cleaned text of one `Text`, its
    /// pieces (ranges of that text), a link's URL.
    buf: String,
    pieces: Vec<Piece<'a>>,
    url: String,
}

impl<'a> W<'a> {
    fn new(doc: &'a Resolution, opts: &'a WriteOptions) -> Self {
        let mut labels = Vec::new();
        let mut by_marker = HashMap::default();
        let mut taken: HashSet<String, FastHash> = HashSet::default();
        for (i, f) in doc.footnotes.iter().enumerate() {
            // GFM labels cannot hold every character a marker may have (`*`, `†`, spaces).
            let simple = !f.marker.is_empty()
                && f.marker.len() <= 20
                && f.marker.chars().all(|c| c.is_ascii_alphanumeric());
            let mut label = if simple && !by_marker.contains_key(f.marker.as_str()) {
                f.marker.clone()
            } else {
                fallback_label(i)
            };
            // Labels match case-insensitively; a clash gets the positional label.
            let mut k = 1;
            while taken.contains(&label.to_ascii_lowercase()) {
                k += 1;
                label = format!("{}_{k}", fallback_label(i));
            }
            taken.insert(label.to_ascii_lowercase());
            labels.push(label);
            // A marker given to two notes names the first; the second is left unplaced.
            by_marker.entry(f.marker.as_str()).or_insert(i);
        }
        W {
            doc,
            opts,
            used: vec![false; labels.len()],
            labels,
            by_marker,
            buf: String::new(),
            pieces: Vec::new(),
            url: String::new(),
        }
    }

    fn title(&mut self, top: &mut Sink) {
        let doc = self.doc;
        let m = &doc.meta;
        let number = m.number.as_deref().map(clean).filter(|s| !s.is_empty());
        let title = m.title.as_deref().map(clean).filter(|s| !s.is_empty());
        let council = m.organ == Organ::SecurityCouncil;
        let heading = match (number, title) {
            // "Resolution 1454 (2002)", as the Council heads its resolutions.
            (Some(n), None) if council => Cow::Owned(lang::printed_resolution(&m.language, &n)),
            (Some(n), Some(t)) if n.ends_with('.') => Cow::Owned(format!("{n} {t}")),
            (Some(n), Some(t)) => Cow::Owned(format!("{n}. {t}")),
            (Some(n), None) => n,
            (None, Some(t)) => t,
            (None, None) => m
                .symbol
                .as_deref()
                .map(clean)
                .filter(|s| !s.is_empty())
                .unwrap_or(Cow::Borrowed(m.organ.name())),
        };
        let b = top.open();
        top.out.push_str("# ");
        escape_into(top.out, &heading, false);
        top.close(b);
        if let Some(l) = m.adoption_line.as_deref() {
            let b = top.open();
            escape_into(top.out, &clean(l), true);
            top.close(b);
        }
        if let Some(o) = &m.origin {
            self.text(&o.text, top);
        }
        // A draft's submission line, as printed above its title.
        if let Some(d) = &m.draft {
            let b = top.open();
            escape_into(top.out, &clean(&d.submitted), true);
            top.close(b);
        }
    }

    /// The formula in italics, with the words printed before it ("Now, therefore,") and a
    /// proclamation that continues it as upright paragraphs of their own, as printed.
    fn formula(&mut self, f: &'a Formula, top: &mut Sink) {
        if let Some(lead) = &f.lead {
            self.text(lead, top);
        }
        let b = top.open();
        let star = top.out.len();
        top.out.push('*');
        self.inlines(&f.text, true, true, top.out);
        emphasis(top.out, star, None, None);
        top.close(b);
        if let Some(p) = &f.proclamation {
            self.text(p, top);
        }
    }

    /// Blocks of the preamble, the body or an annex; `depth` is the heading depth of a
    /// section at this level (1 = `##` in the body).
    fn blocks(&mut self, blocks: &'a [Block], depth: usize, top: &mut Sink) {
        for b in blocks {
            match b {
                Block::Paragraph(p) => self.paragraph(p, depth, top),
                Block::Section(s) => self.section(s, depth, top),
            }
        }
    }

    fn section(&mut self, s: &'a Section, depth: usize, top: &mut Sink) {
        let b = open_heading(top, depth + 1, &s.eid);
        let num = s.num.as_deref().map(clean).filter(|n| !n.is_empty());
        if let Some(n) = &num {
            escape_into(top.out, n, false);
        }
        self.spaced_inlines(&s.heading, num.is_some(), false, top.out);
        close_heading(top, b);
        self.blocks(&s.children, depth + 1, top);
    }

    fn annex(&mut self, a: &'a Annex, top: &mut Sink) {
        let b = open_heading(top, 2, &a.eid);
        escape_into(top.out, &clean(&a.label), false);
        close_heading(top, b);
        let mut depth = 1;
        if let Some(t) = a.title.as_ref().filter(|t| !t.is_empty()) {
            let b = open_heading(top, 3, "");
            self.inlines(t, false, false, top.out);
            close_heading(top, b);
            depth = 2;
        }
        self.blocks(&a.blocks, depth + 1, top);
    }

    /// A top-level paragraph (preambular, operative, or one of an annex).
    fn paragraph(&mut self, p: &'a Paragraph, depth: usize, top: &mut Sink) {
        let mut anchor = p.eid.as_str();
        if let Some(h) = p.heading.as_ref().filter(|h| !h.is_empty()) {
            // The anchor goes on the heading ("Article 1") so a link lands above it.
            let b = open_heading(top, depth + 1, anchor);
            self.inlines(h, false, false, top.out);
            close_heading(top, b);
            anchor = "";
        }
        self.paragraph_blocks(p, anchor, top);
    }

    /// The paragraph's own blocks: first line with anchor and number, further printed
    /// paragraphs, the sub-paragraphs, the wrap-up. An empty one is left out.
    fn paragraph_blocks(&mut self, p: &'a Paragraph, anchor: &str, sink: &mut Sink) {
        let b = sink.open();
        anchor_tag(sink.out, anchor);
        let num = p.num.as_deref().map(clean).filter(|n| !n.is_empty());
        if let Some(n) = &num {
            escape_into(sink.out, n, sink.out.len() == b.content);
        }
        if let Some(t) = p.content.first() {
            let line_start = sink.out.len() == b.content;
            self.spaced_inlines(t, num.is_some(), line_start, sink.out);
        }
        sink.close(b);
        for t in p.content.iter().skip(1) {
            self.text(t, sink);
        }
        if !p.subparagraphs.is_empty() {
            let b = sink.open();
            self.quote(&p.subparagraphs, sink.out);
            sink.close(b);
        }
        for t in &p.wrap_up {
            self.text(t, sink);
        }
    }

    /// Sub-paragraphs as a block quote, each one's blocks as blocks of the quote: the
    /// printed label is the only marker (every renderer shows a list's bullet or number
    /// besides it), and a quote nests the same way in every renderer (`> > (i)` inside
    /// `> (b)`), where Python-Markdown nests a list only when it is indented four spaces.
    fn quote(&mut self, items: &'a [Paragraph], out: &mut String) {
        let mut inner = String::new();
        let mut sink = Sink::new(&mut inner);
        for sp in items {
            if let Some(h) = sp.heading.as_ref().filter(|h| !h.is_empty()) {
                self.text(h, &mut sink);
            }
            self.paragraph_blocks(sp, &sp.eid, &mut sink);
        }
        if !inner.is_empty() {
            push_quoted(out, &inner);
        }
    }

    /// A whole text as a block of its own.
    fn text(&mut self, t: &'a Text, sink: &mut Sink) {
        let b = sink.open();
        self.inlines(t, true, false, sink.out);
        sink.close(b);
    }

    /// Inline content after what is already written, with a space before it when `space`
    /// and it is not empty.
    fn spaced_inlines(&mut self, t: &'a Text, space: bool, line_start: bool, out: &mut String) {
        let before = out.len();
        if space {
            out.push(' ');
        }
        let start = out.len();
        self.inlines(t, line_start, false, out);
        if out.len() == start {
            out.truncate(before);
        }
    }

    /// The position and label of the note a mark links to, if the mark is written. A mark
    /// whose note is missing from the model cannot be linked: dropped. So is a second
    /// mark of a note: pandoc makes a copy of the note for every further reference.
    fn note_link(&self, marker: &str) -> Option<(usize, &str)> {
        let n = self.by_marker.get(marker).copied()?;
        if self.used.get(n) != Some(&false) {
            return None;
        }
        Some((n, self.labels.get(n)?))
    }

    /// A footnote mark, `[^label]`, when its note is written and not marked yet.
    fn mark(&mut self, marker: &str, out: &mut String) {
        if let Some((n, label)) = self.note_link(marker) {
            out.push_str("[^");
            out.push_str(label);
            out.push(']');
            if let Some(u) = self.used.get_mut(n) {
                *u = true;
            }
        }
    }

    /// Renders inline content; `line_start` when it opens a line. Inside emphasis,
    /// leading phrases stay plain (no nesting).
    fn inlines(&mut self, t: &'a Text, line_start: bool, in_emphasis: bool, out: &mut String) {
        let mut buf = std::mem::take(&mut self.buf);
        let mut pieces = std::mem::take(&mut self.pieces);
        split_pieces(t, &mut buf, &mut pieces);
        let start = out.len();
        // Where the last note mark written ends: a link right after it needs a separator.
        let mut after_mark = None;
        for (i, p) in pieces.iter().enumerate() {
            let at_start = line_start && out.len() == start;
            match p {
                Piece::Plain(r) => {
                    let s = buf.get(r.clone()).unwrap_or_default();
                    // "[^1](a)" would read as a link: the bracket after a mark is escaped.
                    let after_note = i > 0 && matches!(pieces.get(i - 1), Some(Piece::Note(_)));
                    match s.strip_prefix('(').filter(|_| after_note) {
                        Some(rest) => {
                            out.push_str("\\(");
                            escape_into(out, rest, false);
                        }
                        None => escape_into(out, s, at_start),
                    }
                }
                Piece::Phrase(r) if in_emphasis => {
                    escape_into(out, buf.get(r.clone()).unwrap_or_default(), at_start);
                }
                Piece::Phrase(r) => {
                    // At a line start too: the emphasis may fall back to plain text.
                    let star = out.len();
                    let prev = out.get(start..star).and_then(|s| s.chars().next_back());
                    out.push('*');
                    escape_into(out, buf.get(r.clone()).unwrap_or_default(), at_start);
                    // A mark that is not written is no neighbour.
                    let next = (pieces.get(i + 1..).unwrap_or_default().iter())
                        .find(|p| !matches!(p, Piece::Note(m) if self.note_link(m).is_none()))
                        .and_then(|n| n.first_char(&buf, self.opts.links));
                    emphasis(out, star, prev, next);
                }
                Piece::Note(marker) => {
                    if let Some((n, label)) = self.note_link(marker) {
                        out.push_str("[^");
                        out.push_str(label);
                        out.push(']');
                        after_mark = Some(out.len());
                        if let Some(u) = self.used.get_mut(n) {
                            *u = true;
                        }
                    }
                }
                Piece::Ref(r, symbol) => {
                    let text = buf.get(r.clone()).unwrap_or_default();
                    let symbol = symbol.trim();
                    if self.opts.links && !symbol.is_empty() {
                        // `[^1][63/3](…)` reads as text and a link, the mark lost: an empty
                        // comment (invisible when rendered) keeps the two apart.
                        if after_mark == Some(out.len()) {
                            out.push_str(MARK_LINK_SEPARATOR);
                        }
                        out.push('[');
                        escape_into(out, text, at_start);
                        out.push_str("](");
                        self.url.clear();
                        push_document_url(&mut self.url, symbol, &self.doc.meta.language);
                        out.push_str(&destination(&self.url));
                        out.push(')');
                    } else {
                        escape_into(out, text, at_start);
                    }
                }
            }
        }
        self.buf = buf;
        self.pieces = pieces;
    }
}

/// Written between a note mark and a link glued to it.
pub const MARK_LINK_SEPARATOR: &str = "<!-- -->";

/// Inline content after whitespace clean-up: adjacent runs merged, ends trimmed, each
/// link text trimmed (spaces moved outside the brackets). Texts are ranges of the
/// cleaned text.
enum Piece<'a> {
    Plain(Range<usize>),
    Phrase(Range<usize>),
    Note(&'a str),
    Ref(Range<usize>, &'a str),
}

impl Piece<'_> {
    /// The first character the piece renders, for the emphasis flanking rules; `links`:
    /// references are written as links.
    fn first_char(&self, buf: &str, links: bool) -> Option<char> {
        match self {
            Piece::Note(_) => Some('['),
            Piece::Ref(_, symbol) if links && !symbol.trim().is_empty() => Some('['),
            Piece::Plain(r) | Piece::Phrase(r) | Piece::Ref(r, _) => buf
                .get(r.clone())
                .and_then(|s| s.chars().next())
                .map(|c| match u8::try_from(c).ok().and_then(always_escaped) {
                    Some(e) => e.chars().next().unwrap_or(c),
                    None => c,
                }),
        }
    }
}

/// Splits `t` into pieces; their text is cleaned into `buf`.
fn split_pieces<'a>(t: &'a Text, buf: &mut String, out: &mut Vec<Piece<'a>>) {
    buf.clear();
    out.clear();
    for i in &t.0 {
        match i {
            Inline::Text { text } | Inline::Date { text, .. } => {
                let r = clean_inner(buf, text);
                match out.last_mut() {
                    Some(Piece::Plain(prev)) => append(buf, prev, r),
                    _ => out.push(Piece::Plain(r)),
                }
            }
            // Both in `*…*`: a phrase and an italic run next to it are one emphasis.
            Inline::Phrase { text } | Inline::Emphasis { text } => {
                // Whitespace stays outside the `*` delimiters (CommonMark flanking rules).
                let r = clean_inner(buf, text);
                let (lead, core, trail) = split_spaces(buf, r);
                push_plain(buf, out, lead);
                if !core.is_empty() {
                    match out.last_mut() {
                        Some(Piece::Phrase(prev)) => append(buf, prev, core),
                        _ => out.push(Piece::Phrase(core)),
                    }
                }
                push_plain(buf, out, trail);
            }
            Inline::NoteRef { marker } => out.push(Piece::Note(marker)),
            // No note to link to: the number raised as printed, in superscript digits
            // (no footnote reference that would dangle, no HTML).
            Inline::UnprintedNoteRef { marker } => {
                let start = buf.len();
                buf.extend(marker.chars().map(superscript));
                push_plain(buf, out, start..buf.len());
            }
            Inline::Ref { text, symbol, .. } => {
                let r = clean_inner(buf, text);
                let (lead, core, trail) = split_spaces(buf, r);
                push_plain(buf, out, lead);
                if !core.is_empty() {
                    out.push(Piece::Ref(core, symbol));
                }
                push_plain(buf, out, trail);
            }
        }
    }
    // Leading and trailing whitespace means nothing in Markdown (or makes code blocks).
    if let Some(Piece::Plain(r)) = out.first_mut() {
        let s = buf.get(r.clone()).unwrap_or_default();
        r.start = r.end - s.trim_start().len();
    }
    if let Some(Piece::Plain(r)) = out.last_mut() {
        let s = buf.get(r.clone()).unwrap_or_default();
        r.end = r.start + s.trim_end().len();
    }
    out.retain(|p| !matches!(p, Piece::Plain(r) if r.is_empty()));
}

/// The superscript form of a digit (`1` → `¹`); any other character as it is.
fn superscript(c: char) -> char {
    match c {
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '0' | '4'..='9' => char::from_u32(0x2070 + u32::from(c) - u32::from('0')).unwrap_or(c),
        _ => c,
    }
}

/// The leading whitespace, the rest trimmed, and the trailing whitespace of `buf[r]`. All
/// whitespace is both leading and trailing.
fn split_spaces(buf: &str, r: Range<usize>) -> (Range<usize>, Range<usize>, Range<usize>) {
    let s = buf.get(r.clone()).unwrap_or_default();
    let lead = s.len() - s.trim_start().len();
    let core = s.trim().len();
    let trail = s.len() - s.trim_end().len();
    (
        r.start..r.start + lead,
        r.start + lead..r.start + lead + core,
        r.end - trail..r.end,
    )
}

fn push_plain(buf: &mut String, out: &mut Vec<Piece>, r: Range<usize>) {
    if r.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(Piece::Plain(prev)) => append(buf, prev, r),
        _ => out.push(Piece::Plain(r)),
    }
}

/// Extends the piece text `prev` with `buf[r]`: in place when `r` follows it, else as a
/// copy of both at the end of `buf` (the same whitespace used twice).
fn append(buf: &mut String, prev: &mut Range<usize>, r: Range<usize>) {
    if r.is_empty() {
        return;
    }
    if prev.end == r.start {
        prev.end = r.end;
    } else {
        let mut both = String::from(buf.get(prev.clone()).unwrap_or_default());
        both.push_str(buf.get(r).unwrap_or_default());
        let start = buf.len();
        buf.push_str(&both);
        *prev = start..buf.len();
    }
}

/// Makes `out[star]`, a `*` before the escaped phrase that ends `out`, and a `*` after it
/// emphasis when CommonMark will read it so there; otherwise drops the `*` and leaves
/// the plain text (the words matter more than the italics). `prev` and `next` are the
/// characters around it.
fn emphasis(out: &mut String, star: usize, prev: Option<char>, next: Option<char>) {
    let inner = out.get(star + 1..).unwrap_or_default();
    let (Some(first), Some(last)) = (inner.chars().next(), inner.chars().next_back()) else {
        out.truncate(star);
        return;
    };
    // Unsure characters count as punctuation inside the phrase and as not punctuation
    // around it: either way a doubtful `*` is dropped rather than shown as text.
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let left =
        !first.is_whitespace() && (!maybe_punct(first) || space(prev) || prev.is_some_and(punct));
    let right =
        !last.is_whitespace() && (!maybe_punct(last) || space(next) || next.is_some_and(punct));
    // A `*` right before would join our delimiter run.
    let glued = prev == Some('*') || next == Some('*');
    if left && right && !glued {
        out.push('*');
    } else {
        out.remove(star);
    }
}

/// Anything CommonMark might count as punctuation (Unicode P* and S*): not a letter,
/// digit or space. Also format characters, marks and private use, which it does not.
fn maybe_punct(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

/// Characters CommonMark surely counts as punctuation: ASCII, and the Unicode blocks of
/// punctuation and symbols real resolutions use (Latin-1, general punctuation, currency,
/// arrows and mathematical operators, CJK, full-width and Arabic punctuation).
fn punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c,
            '\u{a1}'..='\u{a9}' | '\u{ab}' | '\u{ac}' | '\u{ae}'..='\u{b1}' | '\u{b4}'
            | '\u{b6}'..='\u{b8}' | '\u{bb}' | '\u{bf}' | '\u{d7}' | '\u{f7}'
            | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}' | '\u{20a0}'..='\u{20c0}'
            | '\u{2190}'..='\u{22ff}' | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}'
            | '\u{3014}'..='\u{301f}' | '\u{ff01}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}'
            | '\u{ff3b}'..='\u{ff40}' | '\u{ff5b}'..='\u{ff65}' | '\u{60c}' | '\u{60d}'
            | '\u{61b}' | '\u{61f}' | '\u{66a}'..='\u{66d}' | '\u{6d4}')
}

/// Starts a `## ` heading block, with an anchor when `anchor` is an id.
fn open_heading(sink: &mut Sink, level: usize, anchor: &str) -> Mark {
    let b = sink.open();
    for _ in 0..level.clamp(1, 6) {
        sink.out.push('#');
    }
    sink.out.push(' ');
    anchor_tag(sink.out, anchor);
    b
}

/// Ends a heading block: no trailing spaces.
fn close_heading(sink: &mut Sink, b: Mark) {
    trim_end(sink.out);
    sink.close(b);
}

/// Drops trailing whitespace.
fn trim_end(s: &mut String) {
    let n = s.trim_end().len();
    s.truncate(n);
}

/// `<a id="…"></a>`, or nothing without an id.
fn anchor_tag(out: &mut String, id: &str) {
    if id.is_empty() {
        return;
    }
    out.push_str("<a id=\"");
    if !id.contains(['"', '&', '<', '>']) {
        out.push_str(id);
        out.push_str("\"></a>");
        return;
    }
    for c in id.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out.push_str("\"></a>");
}

/// Appends `block` as a block quote: `> ` before each line, `>` alone for a blank one
/// (it separates the quote's paragraphs without ending the quote).
fn push_quoted(out: &mut String, block: &str) {
    for (i, line) in block.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push('>');
        if !line.is_empty() {
            out.push(' ');
            out.push_str(line);
        }
    }
}

/// A link destination: bare when safe, else in `<…>` with `<`, `>` and `\` escaped.
fn destination(url: &str) -> Cow<'_, str> {
    let mut depth = 0i32;
    let mut balanced = true;
    for c in url.bytes() {
        match c {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                balanced &= depth >= 0;
            }
            _ => {}
        }
    }
    balanced &= depth == 0;
    let plain = balanced
        && !url.is_empty()
        && url
            .chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && !matches!(c, '<' | '>' | '\\'));
    if plain {
        return Cow::Borrowed(url);
    }
    let mut out = String::from("<");
    for c in url.chars() {
        match c {
            '<' | '>' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_whitespace() || c.is_control() => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('>');
    Cow::Owned(out)
}

/// Fallback footnote label for a marker GFM cannot use as a label.
fn fallback_label(index: usize) -> String {
    format!("n{}", index + 1)
}

/// Text of a one-line field: whitespace runs (tabs, line breaks) become one space, trimmed.
fn clean(s: &str) -> Cow<'_, str> {
    // Usually already so: words separated by single spaces.
    let tidy = !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains("  ")
        && !s.chars().any(|c| c != ' ' && c.is_whitespace());
    if tidy {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// Inline text, appended to `buf`: line breaks and tabs become spaces (a newline could
/// start a new block, a tab trips linters), control characters are dropped; other
/// spacing is kept as printed. Returns where it went.
fn clean_inner(buf: &mut String, s: &str) -> Range<usize> {
    let start = buf.len();
    let b = s.as_bytes();
    let mut run = 0;
    let mut from = 0;
    // Only the characters that start with a suspect byte are looked at (most texts have none).
    while let Some(i) = find_byte(b, from, suspect) {
        let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        from = i + c.len_utf8();
        let space = c.is_whitespace() && c != ' ' && c != '\u{a0}';
        if space || c.is_control() {
            buf.push_str(s.get(run..i).unwrap_or_default());
            if space {
                buf.push(' ');
            }
            run = from;
        }
    }
    buf.push_str(s.get(run..).unwrap_or_default());
    start..buf.len()
}

/// Whether byte `c` may start a character [`clean_inner`] changes: a C0 control, DEL, or
/// the first byte of a C1 control, NEL or a Unicode space (U+1680, U+2000–U+206F, U+3000).
fn suspect(c: u8) -> bool {
    (c < 0x20) | (c == 0x7f) | (c == 0xc2) | (c.wrapping_sub(0xe1) < 3)
}

/// How a character that is escaped wherever it occurs is written. A backslash escape
/// only where every renderer takes the backslash off: Python-Markdown (MkDocs) removes it
/// only before ``\ ` * _ { } [ ] ( ) > # + - . !`` and, with its tables extension, `|`;
/// elsewhere (`\$`, `\~`) it shows the backslash, so the others are character references,
/// which every renderer decodes.
fn always_escaped(c: u8) -> Option<&'static str> {
    Some(match c {
        b'\\' => "\\\\",
        b'`' => "\\`",
        b'*' => "\\*",
        b'_' => "\\_",
        b'[' => "\\[",
        b']' => "\\]",
        b'>' => "\\>",
        b'#' => "\\#",
        b'|' => "\\|",
        // `{#id}`, `{: .class}` at the end of a block: attributes in Python-Markdown.
        b'{' => "\\{",
        b'<' => "&lt;",
        b'~' => "&#126;",
        b'$' => "&#36;",
        b'^' => "&#94;",
        b'@' => "&#64;",
        _ => return None,
    })
}

/// Bytes [`escape`] looks at: those of [`always_escaped`] and those escaped only next to
/// certain others (`&`, `:`, `.`, and `)` after a number at a line start).
static SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let bytes = b"\\`*_[]<>#|{~$^@&:.)";
    let mut i = 0;
    while i < bytes.len() {
        t[bytes[i] as usize] = true;
        i += 1;
    }
    t
};

/// A few ranges that hold every [`SPECIAL`] byte (and a few others): a test the
/// compiler vectorises, for [`find_byte`] to skip plain text with.
fn maybe_special(c: u8) -> bool {
    // `#$%&'()*`, `.`, `:;<=>?@`, `[\]^_``, `{|}~`: few enough tests to vectorise.
    (c.wrapping_sub(b'#') < 8)
        | (c == b'.')
        | (c.wrapping_sub(b':') < 7)
        | (c.wrapping_sub(b'[') < 6)
        | (c.wrapping_sub(b'{') < 4)
}

/// Escapes source text so it reads as itself: no emphasis, code, link, autolink, HTML,
/// entity, math, strikethrough, table, attribute list, mention or emoji can come out of
/// it, and no backslash shows in any renderer.
/// `line_start`: the text opens a line, so block markers (`-`, `+`, `=`, `1.`) are escaped too.
#[cfg(test)]
fn escape(s: &str, line_start: bool) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_into(&mut out, s, line_start);
    out
}

/// [`escape`], appended to `out`. Every character that matters is ASCII, so this works on
/// bytes and copies the runs between them.
fn escape_into(out: &mut String, s: &str, line_start: bool) {
    let b = s.as_bytes();
    let mut run = 0;
    // At a line start, digits then `.` or `)` would open an ordered list.
    let mut list_delim = None;
    if line_start {
        let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits > 0 && matches!(b.get(digits), Some(b'.' | b')')) {
            list_delim = Some(digits);
        }
        match b.first() {
            Some(b'-' | b'+') => out.push('\\'),
            // A setext underline; `\=` would show its backslash in Python-Markdown.
            Some(b'=') => {
                out.push_str("&#61;");
                run = 1;
            }
            _ => {}
        }
    }
    let mut from = run;
    while let Some(i) = find_byte(b, from, maybe_special) {
        from = i + 1;
        let c = b.get(i).copied().unwrap_or_default();
        if !SPECIAL[usize::from(c)] {
            continue;
        }
        let next = b.get(i + 1).copied();
        let escaped = match c {
            // `&amp;`, `&#38;`: an entity would be decoded.
            b'&' if next.is_some_and(|n| n.is_ascii_alphanumeric() || n == b'#') => "&amp;",
            // `http://`: a GFM autolink; `:smile:`: an emoji shortcode.
            b':' if b.get(i + 1..i + 3) == Some(&b"//"[..]) || shortcode(b, i) => "&#58;",
            // `www.`: a GFM autolink.
            b'.' if list_delim == Some(i) || www_before(s, i) => "\\.",
            b')' if list_delim == Some(i) => "\\)",
            c => match always_escaped(c) {
                Some(e) => e,
                None => continue,
            },
        };
        out.push_str(s.get(run..i).unwrap_or_default());
        out.push_str(escaped);
        run = i + 1;
    }
    out.push_str(s.get(run..).unwrap_or_default());
}

/// `:name:` starting at byte `i`, as GitHub and GitLab turn into emoji.
fn shortcode(b: &[u8], i: usize) -> bool {
    let mut j = i + 1;
    while let Some(&c) = b.get(j) {
        if c.is_ascii_alphanumeric() || matches!(c, b'_' | b'+' | b'-') {
            j += 1;
        } else {
            return c == b':' && j > i + 1;
        }
    }
    false
}

/// True when byte `i` of `s` is the dot of a word-initial `www.`.
fn www_before(s: &str, i: usize) -> bool {
    let Some(start) = i.checked_sub(3) else {
        return false;
    };
    let w = (s.as_bytes().get(start..i))
        .is_some_and(|w| w.iter().all(|c| c.eq_ignore_ascii_case(&b'w')));
    let boundary = || {
        (s.get(..start))
            .and_then(|before| before.chars().next_back())
            .is_none_or(|c| !c.is_alphanumeric())
    };
    w && boundary()
}

/// YAML front matter with the known metadata, between `---` lines, then a blank line.
fn front_matter(doc: &Resolution) -> String {
    let m = &doc.meta;
    let mut lines = vec!["---".to_string()];
    fn known(v: Option<&str>) -> Option<Cow<'_, str>> {
        v.map(clean).filter(|v| !v.is_empty())
    }
    // The organ, where it is not the General Assembly.
    let organ = (m.organ != Organ::GeneralAssembly).then(|| m.organ.name());
    for (key, value) in [
        ("organ", known(organ)),
        ("symbol", known(m.symbol.as_deref())),
        ("number", known(m.number.as_deref())),
        ("title", known(m.title.as_deref())),
    ] {
        if let Some(v) = value {
            lines.push(format!("{key}: {}", yaml_quote(&v)));
        }
    }
    // A resolution is the default kind; a declaration's text says what it is.
    if !matches!(m.kind, DocKind::Resolution | DocKind::Declaration) {
        lines.push(format!("kind: {}", yaml_quote(m.kind.name())));
    }
    if let Some(d) = &m.adopted {
        // A plain ISO date: wiki engines read it as a date.
        lines.push(format!("adopted: {}", d.date));
    }
    if let Some(s) = &m.session {
        lines.push(format!("session: {}", s.number));
    }
    let items: Vec<Cow<str>> = m
        .agenda_items
        .iter()
        .filter_map(|a| known(Some(&a.item)))
        .collect();
    if !items.is_empty() {
        lines.push("agenda_items:".to_string());
        lines.extend(items.iter().map(|a| format!("  - {}", yaml_quote(a))));
    }
    if let Some(d) = &m.draft {
        if let Some(v) = known(m.distribution.as_deref()) {
            lines.push(format!("distribution: {}", yaml_quote(&v)));
        }
        if let Some(c) = known(d.committee.as_deref()) {
            lines.push(format!("committee: {}", yaml_quote(&c)));
        }
        let sponsors: Vec<Cow<str>> = d.sponsors.iter().filter_map(|s| known(Some(s))).collect();
        if !sponsors.is_empty() {
            lines.push("sponsors:".to_string());
            lines.extend(sponsors.iter().map(|s| format!("  - {}", yaml_quote(s))));
        }
        if let Some(r) = d.revision {
            lines.push(format!("revision: {r}"));
        }
        if let Some(a) = known(d.amends.as_deref()) {
            lines.push(format!("amends: {}", yaml_quote(&a)));
        }
    }
    let origin = m.origin.as_ref().map(|o| o.text.to_plain());
    if let Some(o) = known(origin.as_deref()) {
        lines.push(format!("origin: {}", yaml_quote(&o)));
    }
    // The Council's meeting and vote line, which it prints in place of closing lines.
    if let Some(c) = doc
        .closing
        .as_ref()
        .filter(|_| m.organ == Organ::SecurityCouncil)
    {
        for (key, value) in [("meeting", &c.meeting), ("vote", &c.vote)] {
            if let Some(v) = known(value.as_deref()) {
                lines.push(format!("{key}: {}", yaml_quote(&v)));
            }
        }
    }
    if let Some(l) = known(Some(&m.language)) {
        lines.push(format!("language: {}", yaml_quote(&l)));
    }
    lines.push("---".to_string());
    lines.join("\n") + "\n\n"
}

/// A YAML double-quoted scalar (every string is quoted: no `no`/`on`/`1e3` surprises).
fn yaml_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    // Usually plain ASCII with nothing to escape.
    if s.bytes()
        .all(|b| (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\')
    {
        out.push_str(s);
        out.push('"');
        return out;
    }
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            // Not printable in YAML: C0, DEL, C1 (except NEL), surrogates can't occur, U+FFFE/F.
            c if (c as u32) < 0x20
                || (0x7f..=0x9f).contains(&(c as u32))
                || c == '\u{feff}'
                || c == '\u{fffe}'
                || c == '\u{ffff}' =>
            {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        AgendaItem, Closing, Date, DateText, Footnote, Formula, Meta, Origin, RefKind, Session,
    };
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

    fn plain(s: &str) -> Inline {
        Inline::Text { text: s.into() }
    }
    fn phrase(s: &str) -> Inline {
        Inline::Phrase { text: s.into() }
    }
    fn para(num: Option<&str>, inl: Vec<Inline>) -> Paragraph {
        Paragraph {
            num: num.map(String::from),
            content: vec![Text(inl)],
            ..Paragraph::default()
        }
    }

    /// Modelled on A/RES/65/122, with the parts the seed lacks (sub-paragraphs, a section, an annex).
    fn sample() -> Resolution {
        let date = |y, m, d| Date::new(y, m, d).unwrap();
        let mut p3 = para(
            Some("3."),
            vec![phrase("Requests"), plain(" the Secretary-General:")],
        );
        let mut b = para(Some("(b)"), vec![plain("To consider:")]);
        b.subparagraphs = vec![
            para(Some("(i)"), vec![plain("first;")]),
            para(Some("(ii)"), vec![plain("second;")]),
        ];
        p3.subparagraphs = vec![para(Some("(a)"), vec![plain("To report;")]), b];
        p3.wrap_up = vec![Text::plain("and to act accordingly;")];
        Resolution {
            meta: Meta {
                symbol: Some("A/RES/65/122".into()),
                number: Some("65/122".into()),
                title: Some("Cooperation between the United Nations and the CSTO".into()),
                session: Some(Session {
                    number: 65,
                    printed: "Sixty-fifth session".into(),
                }),
                adopted: Some(DateText {
                    date: date(2010, 12, 13),
                    text: "13 December 2010".into(),
                }),
                agenda_items: vec![AgendaItem {
                    item: "122 (f)".into(),
                    title: None,
                }],
                origin: Some(Origin {
                    text: Text(vec![
                        plain("[without reference to a Main Committee ("),
                        Inline::Ref {
                            text: "A/65/L.6".into(),
                            kind: RefKind::Symbol,
                            symbol: "A/65/L.6".into(),
                        },
                        plain(")]"),
                    ]),
                    committee: None,
                    symbols: vec!["A/65/L.6".into()],
                }),
                adoption_line: Some(
                    "Resolution adopted by the General Assembly on 13 December 2010".into(),
                ),
                language: "en".into(),
                source_format: crate::model::SourceFormat::Ods,
                ..Meta::default()
            },
            formula: Some(Formula {
                lead: None,
                text: Text::plain("The General Assembly,"),
                proclamation: None,
                after_preamble: false,
            }),
            preamble: vec![
                Block::Paragraph(para(
                    None,
                    vec![
                        phrase("Referring"),
                        plain(" to its "),
                        Inline::Ref {
                            text: "resolution 59/50".into(),
                            kind: RefKind::GaResolution,
                            symbol: "A/RES/59/50".into(),
                        },
                        plain(" of "),
                        Inline::Date {
                            text: "2 December 2004".into(),
                            date: date(2004, 12, 2),
                        },
                        plain(","),
                    ],
                )),
                Block::Paragraph(para(
                    None,
                    vec![
                        phrase("Referring also"),
                        plain(" to Security Council "),
                        Inline::Ref {
                            text: "resolution 1631 (2005)".into(),
                            kind: RefKind::ScResolution,
                            symbol: "S/RES/1631(2005)".into(),
                        },
                        plain(" and security,"),
                        Inline::NoteRef { marker: "1".into() },
                    ],
                )),
            ],
            body: vec![
                Block::Paragraph(para(
                    Some("1."),
                    vec![phrase("Notes"), plain(" the activity;")],
                )),
                Block::Section(Section {
                    eid: String::new(),
                    num: Some("I.".into()),
                    heading: Text::plain("Cooperation"),
                    level: 1,
                    children: vec![
                        Block::Paragraph(para(
                            Some("2."),
                            vec![phrase("Also notes"), plain(" the importance;")],
                        )),
                        Block::Paragraph(p3),
                    ],
                }),
            ],
            closing: Some(Closing {
                meeting_kind: None,
                meeting: Some("64th plenary meeting".into()),
                meeting_number: Some(64),
                date: Some(DateText {
                    date: date(2010, 12, 13),
                    text: "13 December 2010".into(),
                }),
                vote: None,
                vote_notes: Vec::new(),
            }),
            annexes: vec![Annex {
                eid: String::new(),
                label: "Annex".into(),
                title: Some(Text::plain("Joint Declaration")),
                blocks: vec![Block::Paragraph(para(
                    Some("1."),
                    vec![plain("Annex text.")],
                ))],
            }],
            footnotes: vec![Footnote {
                marker: "1".into(),
                text: Text::plain("See resolutions 49/57 and 49/60."),
            }],
        }
    }

    fn options() -> Options {
        Options::ENABLE_FOOTNOTES
            | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
            | Options::ENABLE_TABLES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS
            | Options::ENABLE_MATH
            | Options::ENABLE_GFM
            | Options::ENABLE_SUPERSCRIPT
            | Options::ENABLE_WIKILINKS
    }

    /// The text a reader sees, outside footnote definitions and front matter; blocks
    /// separated by newlines; also every event that is not plain text or structure.
    fn read_back(md: &str) -> (String, Vec<String>) {
        let mut text = String::new();
        let mut other = Vec::new();
        let mut skip = 0;
        for ev in Parser::new_ext(md, options()) {
            match ev {
                Event::Start(Tag::FootnoteDefinition(_) | Tag::MetadataBlock(_)) => {
                    other.push(format!("{ev:?}"));
                    skip += 1
                }
                Event::End(TagEnd::FootnoteDefinition | TagEnd::MetadataBlock(_)) => skip -= 1,
                Event::Text(t) if skip == 0 => text.push_str(&t),
                Event::SoftBreak if skip == 0 => text.push(' '),
                Event::End(TagEnd::Paragraph | TagEnd::Heading(_)) if skip == 0 => {
                    if !text.ends_with('\n') {
                        text.push('\n')
                    }
                }
                Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::BlockQuote(None))
                | Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::BlockQuote(None))
                | Event::Text(_)
                | Event::SoftBreak => {}
                Event::Html(h) | Event::InlineHtml(h) => other.push(format!("Html:{h}")),
                e => other.push(format!("{e:?}")),
            }
        }
        (text, other)
    }

    /// `<a id="…">` (an id without quotes or markup) or `</a>`.
    fn is_anchor_html(e: &str) -> bool {
        let Some(h) = e.strip_prefix("Html:") else {
            return false;
        };
        h == "</a>"
            || h.strip_prefix("<a id=\"")
                .and_then(|r| r.strip_suffix("\">"))
                .is_some_and(|id| !id.is_empty() && !id.contains(['"', '<', '>', '&']))
    }

    #[test]
    fn sample_reads_back_in_order() {
        let md = render(&sample(), &WriteOptions::default());
        let (text, _) = read_back(&md);
        if std::env::var_os("UNRES_SHOW").is_some() {
            eprintln!("{md}");
        }
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                "65/122. Cooperation between the United Nations and the CSTO",
                "Resolution adopted by the General Assembly on 13 December 2010",
                "[without reference to a Main Committee (A/65/L.6)]",
                "The General Assembly,",
                "Referring to its resolution 59/50 of 2 December 2004,",
                "Referring also to Security Council resolution 1631 (2005) and security,",
                "1. Notes the activity;",
                "I. Cooperation",
                "2. Also notes the importance;",
                "3. Requests the Secretary-General:",
                "(a) To report;",
                "(b) To consider:",
                "(i) first;",
                "(ii) second;",
                "and to act accordingly;",
                "64th plenary meeting",
                "13 December 2010",
                "Annex",
                "Joint Declaration",
                "1. Annex text.",
            ]
        );
    }

    #[test]
    fn structure_anchors_links_and_notes() {
        let doc = sample();
        let md = render(&doc, &WriteOptions::default());
        let (_, other) = read_back(&md);
        let html: Vec<&String> = other.iter().filter(|e| e.starts_with("Html:")).collect();
        assert!(html.len() > 10);
        for h in &html {
            assert!(is_anchor_html(h), "unexpected HTML {h}");
        }
        for id in [
            "preamble__container_1",
            "para_1",
            "sec_I",
            "sec_I__para_3__list_1__point_b__list_1__point_ii",
            "att_1",
            "att_1__para_1",
        ] {
            assert!(
                md.contains(&format!("<a id=\"{id}\"></a>")),
                "no anchor {id}\n{md}"
            );
        }
        assert!(md.contains("[resolution 59/50](https://undocs.org/en/A/RES/59/50)"));
        assert!(md.contains("(https://undocs.org/en/S/RES/1631(2005))"));
        assert!(md.contains("security,[^1]"));
        assert!(md.contains("\n[^1]: See resolutions 49/57 and 49/60.\n"));
        assert!(md.contains("*Referring also* to"));
        assert!(md.contains("\n*The General Assembly,*\n"));
        assert!(md.contains("\n## <a id=\"sec_I\"></a>I. Cooperation\n"));
        let defs = other
            .iter()
            .filter(|e| e.starts_with("Start(FootnoteDefinition"))
            .count();
        let refs = other
            .iter()
            .filter(|e| e.starts_with("FootnoteReference"))
            .count();
        assert_eq!((defs, refs), (1, 1));
        // Sub-paragraphs nest: (i) sits in a quote inside the quote that holds (b).
        let depth = Parser::new_ext(&md, options())
            .scan(0i32, |d, e| {
                match e {
                    Event::Start(Tag::BlockQuote(_)) => *d += 1,
                    Event::End(TagEnd::BlockQuote(_)) => *d -= 1,
                    Event::Text(ref t) if t.starts_with("(ii)") => return Some(*d),
                    _ => {}
                }
                Some(-1)
            })
            .max();
        assert_eq!(depth, Some(2));
        // No list anywhere: numbers and labels are text, the only markers shown.
        assert!(!other
            .iter()
            .any(|e| e.contains("List(") || e.contains("Item")));
        assert!(md.starts_with("---\nsymbol: \"A/RES/65/122\"\n"));
        assert!(md.contains("\nadopted: 2010-12-13\nsession: 65\nagenda_items:\n  - \"122 (f)\"\n"));
    }

    #[test]
    fn options_turn_off_links_and_front_matter() {
        let opts = WriteOptions {
            links: false,
            front_matter: false,
            ..WriteOptions::default()
        };
        let md = render(&sample(), &opts);
        assert!(md.starts_with("# 65/122. Cooperation"));
        assert!(!md.contains("](http"));
        let (_, other) = read_back(&md);
        assert!(!other.iter().any(|e| e.contains("Link")));
        assert!(md.contains("its resolution 59/50 of"));
    }

    #[test]
    fn output_is_deterministic() {
        let a = render(&sample(), &WriteOptions::default());
        let b = render(&sample(), &WriteOptions::default());
        assert_eq!(a, b);
    }

    const NASTY: &[&str] = &[
        "*bold* _it_ __x__ **y** `code` ``z`` [link](http://x.org) ![img](a.png) <b>html</b> <!-- c -->",
        "# not a heading",
        "1. not a list",
        "12) not a list either",
        "- dash + plus = equals > quote",
        "+ plus",
        "=====",
        "---",
        "> quote",
        "| a | b |",
        "&amp; &#38; &copy; R&D a & b",
        "back\\slash \\* \\",
        "~~strike~~ ~sub~ ^sup^ $x^2$ $$y$$",
        "https://example.org and www.example.org and mail@example.org",
        ":smile: :+1: 10:30 ratio 1:2",
        "[^1] footnote lookalike [[wiki]] [x]: /url",
        "<https://auto.link> <mail@x.org>",
        "    four spaces",
        "trailing hash #",
        "tab\there",
        "é – “quotes” — 1 000 [a](b) *",
        "#5 @user !12 %milestone ~label $snippet &epic",
        "ends with two spaces  ",
        "5.",
        "a\\",
    ];

    /// Every special character survives: the text events of the parsed output equal the input.
    #[test]
    fn special_characters_survive() {
        for (i, s) in NASTY.iter().enumerate() {
            let mut doc = sample();
            doc.meta.title = Some((*s).into());
            doc.meta.number = None;
            let mut p = para(None, vec![phrase(s), plain(" "), plain(s)]);
            p.content.push(Text::plain(*s));
            p.wrap_up.push(Text(vec![Inline::Ref {
                text: (*s).into(),
                kind: RefKind::Symbol,
                symbol: (*s).into(),
            }]));
            p.subparagraphs = vec![para(Some(s), vec![plain(s)])];
            doc.preamble = vec![Block::Paragraph(p)];
            doc.footnotes[0].text = Text::plain(*s);
            doc.closing = Some(Closing {
                meeting_kind: None,
                meeting: Some((*s).into()),
                meeting_number: None,
                date: None,
                vote: None,
                vote_notes: Vec::new(),
            });
            let md = render(&doc, &WriteOptions::default());
            let (text, other) = read_back(&md);
            if std::env::var_os("UNRES_SHOW").is_some() {
                eprintln!("{md}");
            }
            // Runs of spaces inside a text are kept but mean nothing to a renderer: compare words.
            let ws = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            let expect = ws(s);
            let expect = expect.as_str();
            let text: Vec<String> = text.lines().map(ws).collect();
            let lines: Vec<&str> = text.iter().map(String::as_str).collect();
            assert_eq!(lines[0], expect, "case {i}: title\n{md}");
            // Paragraph: phrase + text; continuation; sub-paragraph label + text; wrap-up.
            let at = lines
                .iter()
                .position(|l| l.starts_with("Referring") || *l == format!("{expect} {expect}"));
            let at = at.unwrap_or_else(|| panic!("case {i}: paragraph missing\n{md}"));
            assert_eq!(lines[at], format!("{expect} {expect}"), "case {i}\n{md}");
            assert_eq!(lines[at + 1], expect, "case {i}\n{md}");
            assert_eq!(
                lines[at + 2],
                format!("{expect} {expect}"),
                "case {i}\n{md}"
            );
            assert_eq!(lines[at + 3], expect, "case {i}\n{md}");
            assert!(lines.contains(&expect), "case {i}: closing\n{md}");
            // Nothing but the anchors, one footnote, the links we made and one emphasis.
            for e in &other {
                let ok = is_anchor_html(e)
                    || e.starts_with("Start(Emphasis")
                    || e.starts_with("End(Emphasis")
                    || e.starts_with("Start(Link")
                    || e.starts_with("End(Link")
                    || e.contains("Footnote")
                    || e.contains("BlockQuote")
                    || e.contains("MetadataBlock");
                assert!(ok, "case {i}: unexpected {e}\n{md}");
            }
            let links = other.iter().filter(|e| e.starts_with("Start(Link")).count();
            assert_eq!(links, 2, "case {i}: links\n{md}"); // the origin's and ours
                                                           // The footnote text survives too.
            let mut in_def = false;
            let mut note = String::new();
            for ev in Parser::new_ext(&md, options()) {
                match ev {
                    Event::Start(Tag::FootnoteDefinition(_)) => in_def = true,
                    Event::End(TagEnd::FootnoteDefinition) => in_def = false,
                    Event::Text(t) if in_def => note.push_str(&t),
                    _ => {}
                }
            }
            assert_eq!(ws(&note), expect, "case {i}: note\n{md}");
        }
    }

    #[test]
    fn footnote_labels_and_repeated_or_missing_marks() {
        let mut doc = sample();
        doc.footnotes.push(Footnote {
            marker: "*".into(),
            text: Text::plain("Starred note."),
        });
        if let Some(Block::Paragraph(p)) = doc.body.first_mut() {
            p.content[0].0.extend([
                Inline::NoteRef { marker: "*".into() },
                plain(" again"),
                Inline::NoteRef { marker: "1".into() },
                Inline::NoteRef { marker: "9".into() },
            ]);
        }
        let md = render(&doc, &WriteOptions::default());
        // The second mark of note 1 is not linked again (pandoc would copy the note).
        assert!(md.contains("the activity;[^n2] again\n"), "{md}");
        assert!(md.contains("\n[^n2]: Starred note.\n"), "{md}");
        let (_, other) = read_back(&md);
        let defs = other
            .iter()
            .filter(|e| e.starts_with("Start(FootnoteDefinition"))
            .count();
        let refs = other
            .iter()
            .filter(|e| e.starts_with("FootnoteReference"))
            .count();
        assert_eq!((defs, refs), (2, 2));
    }

    #[test]
    fn unplaced_and_duplicate_notes_are_still_referenced() {
        let mut doc = sample();
        doc.footnotes.push(Footnote {
            marker: "2".into(),
            text: Text::plain("No mark in the text."),
        });
        doc.footnotes.push(Footnote {
            marker: "1".into(),
            text: Text::plain("Same marker as note 1."),
        });
        let md = render(&doc, &WriteOptions::default());
        assert!(md.contains("\n\n[^2] [^n3]\n\n[^1]: See"), "{md}");
        assert!(md.contains("\n[^n3]: Same marker as note 1.\n"), "{md}");
        let (_, other) = read_back(&md);
        let defs = other
            .iter()
            .filter(|e| e.starts_with("Start(FootnoteDefinition"))
            .count();
        let refs = other
            .iter()
            .filter(|e| e.starts_with("FootnoteReference"))
            .count();
        assert_eq!((defs, refs), (3, 3));
    }

    /// A backslash only where Python-Markdown takes it off too; character references elsewhere.
    #[test]
    fn escapes_every_renderer_removes() {
        assert_eq!(
            escape("US$ 5 ~x^2 @un <b> {#id} A&B http://x.org :ok: a|b", false),
            "US&#36; 5 &#126;x&#94;2 &#64;un &lt;b\\> \\{\\#id} A&amp;B http&#58;//x.org &#58;ok: a\\|b"
        );
        assert_eq!(escape("=== x", true), "&#61;== x");
        assert_eq!(escape("www.un.org", false), "www\\.un.org");
    }

    #[test]
    fn numbers_at_a_line_start_are_escaped() {
        assert_eq!(escape("5. Decides", true), "5\\. Decides");
        assert_eq!(escape("12) x", true), "12\\) x");
        assert_eq!(escape("5. Decides", false), "5. Decides");
        assert_eq!(escape("- a", true), "\\- a");
        assert_eq!(escape("2010. x", false), "2010. x");
    }

    #[test]
    fn declaration_formula_after_preamble_and_articles() {
        let mut art = para(None, vec![plain("All human beings are born free.")]);
        art.heading = Some(Text::plain("Article 1"));
        art.article = Some("1".into());
        let doc = Resolution {
            meta: Meta {
                title: Some("Universal Declaration of Human Rights".into()),
                language: "en".into(),
                ..Meta::default()
            },
            formula: Some(Formula {
                lead: Some(Text::plain("Now, therefore,")),
                text: Text::plain("The General Assembly"),
                proclamation: Some(Text::plain("Proclaims this Universal Declaration")),
                after_preamble: true,
            }),
            preamble: vec![Block::Paragraph(para(
                None,
                vec![phrase("Whereas"), plain(" recognition,")],
            ))],
            body: vec![Block::Paragraph(art)],
            ..Resolution::default()
        };
        let md = render(&doc, &WriteOptions::default());
        assert!(md.starts_with("---\ntitle: \"Universal Declaration of Human Rights\"\nlanguage: \"en\"\n---\n\n# Universal Declaration of Human Rights\n"), "{md}");
        let (text, _) = read_back(&md);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[1..],
            [
                "Whereas recognition,",
                "Now, therefore,",
                "The General Assembly",
                "Proclaims this Universal Declaration",
                "Article 1",
                "All human beings are born free.",
            ]
        );
        assert!(md.contains("\n*The General Assembly*\n"));
        assert!(
            md.contains("\n## <a id=\"art_1\"></a>Article 1\n\nAll human"),
            "{md}"
        );
    }

    #[test]
    fn yaml_strings_are_quoted_and_escaped() {
        assert_eq!(yaml_quote("no"), "\"no\"");
        assert_eq!(
            yaml_quote("a \"b\" \\ c\u{85}"),
            "\"a \\\"b\\\" \\\\ c\\u0085\""
        );
    }

    #[test]
    fn destinations_stay_inside_the_link() {
        assert_eq!(
            destination("https://x/S/RES/1(2005)"),
            "https://x/S/RES/1(2005)"
        );
        assert_eq!(destination("https://x/a)b"), "<https://x/a)b>");
        assert_eq!(destination("https://x/a<b>\\"), "<https://x/a\\<b\\>\\\\>");
    }

    /// A phrase glued to a reference: the reference's first character decides whether the
    /// closing `*` parses, and without links that is a letter, not `[`.
    #[test]
    fn phrase_before_a_reference_without_links() {
        let mut doc = sample();
        doc.preamble = vec![Block::Paragraph(para(
            None,
            vec![
                phrase("Recalling,"),
                Inline::Ref {
                    text: "resolution 59/50".into(),
                    kind: RefKind::GaResolution,
                    symbol: "A/RES/59/50".into(),
                },
            ],
        ))];
        for links in [true, false] {
            let opts = WriteOptions {
                links,
                ..WriteOptions::default()
            };
            let md = render(&doc, &opts);
            let (text, _) = read_back(&md);
            assert!(
                text.contains("\nRecalling,resolution 59/50\n"),
                "links {links}: {text}\n{md}"
            );
        }
    }

    #[test]
    fn emphasis_falls_back_to_plain_when_it_would_not_parse() {
        // Closing `*` after punctuation, followed by a letter: not right-flanking.
        let emphasised = |inner: &str, next| {
            let mut out = format!("x *{inner}");
            emphasis(&mut out, 2, Some(' '), next);
            out
        };
        assert_eq!(emphasised("a,", Some('b')), "x a,");
        assert_eq!(emphasised("a", Some(' ')), "x *a*");
    }
}

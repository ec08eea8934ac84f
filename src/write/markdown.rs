//! Markdown for wikis: CommonMark + GFM (footnotes), readable as plain text.
//!
//! Layout (see docs/markdown.md): optional YAML front matter; an `#` heading with the
//! number and title; the adoption and origin lines; the formula in italics; one Markdown
//! paragraph per printed paragraph; operative numbers written as escaped text (`5\.`) so
//! that no renderer can renumber them; sub-paragraphs as nested `-` lists that keep their
//! printed labels; sections and annexes as headings; the closing lines; GFM footnotes.
//!
//! Every element with an AKN eId starts with `<a id="…"></a>`, the only HTML we write.
//! Every piece of source text goes through [`escape`], so it can never make markup.

use super::ids::Ids;
use super::{document_url, WriteError, WriteOptions, Writer};
use crate::model::{Annex, Block, Inline, Paragraph, Resolution, Section, Text};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

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
    let w = W::new(doc, opts);
    let mut blocks: Vec<String> = Vec::new();
    w.title(&mut blocks);
    if let Some(f) = doc.formula.as_ref().filter(|f| !f.after_preamble) {
        w.formula(f, &mut blocks);
    }
    w.blocks(&doc.preamble, 1, &mut blocks);
    if let Some(f) = doc.formula.as_ref().filter(|f| f.after_preamble) {
        w.formula(f, &mut blocks);
    }
    w.blocks(&doc.body, 1, &mut blocks);
    if let Some(c) = &doc.closing {
        // Two paragraphs rather than a hard break: no trailing backslash in the plain text.
        if let Some(m) = c.meeting.as_deref().filter(|m| !m.trim().is_empty()) {
            blocks.push(escape(&clean(m), true));
        }
        if let Some(d) = c.date.as_ref().filter(|d| !d.text.trim().is_empty()) {
            blocks.push(escape(&clean(&d.text), true));
        }
        if let Some(v) = c.vote.as_deref().filter(|v| !v.trim().is_empty()) {
            blocks.push(escape(&clean(v), true));
        }
    }
    for a in &doc.annexes {
        w.annex(a, &mut blocks);
    }
    let mut definitions = Vec::new();
    for (f, label) in doc.footnotes.iter().zip(&w.labels) {
        let text = w.text(&f.text, true);
        definitions.push(format!("[^{label}]: {text}").trim_end().to_string());
    }
    // A note whose mark the model does not place still gets a reference, gathered in one
    // paragraph before the definitions: renderers drop a definition nobody references.
    let used = w.used.borrow();
    let unplaced: Vec<String> = (w.labels.iter().enumerate())
        .filter(|(i, _)| !used.contains(i))
        .map(|(_, label)| format!("[^{label}]"))
        .collect();
    if !unplaced.is_empty() {
        blocks.push(unplaced.join(" "));
    }
    blocks.extend(definitions);
    blocks.retain(|b| !b.trim().is_empty());

    let mut out = String::new();
    if opts.front_matter {
        out.push_str(&front_matter(doc));
    }
    out.push_str(&blocks.join("\n\n"));
    out.push('\n');
    out
}

struct W<'a> {
    doc: &'a Resolution,
    opts: &'a WriteOptions,
    ids: Ids,
    /// The GFM label of each footnote, by position.
    labels: Vec<String>,
    /// Footnote marker → position of its note.
    by_marker: HashMap<&'a str, usize>,
    /// Notes referenced so far.
    used: RefCell<HashSet<usize>>,
}

impl<'a> W<'a> {
    fn new(doc: &'a Resolution, opts: &'a WriteOptions) -> Self {
        let mut labels = Vec::new();
        let mut by_marker = HashMap::new();
        let mut taken = HashSet::new();
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
            ids: Ids::new(doc),
            labels,
            by_marker,
            used: RefCell::new(HashSet::new()),
        }
    }

    fn title(&self, blocks: &mut Vec<String>) {
        let m = &self.doc.meta;
        let number = m.number.as_deref().map(clean).filter(|s| !s.is_empty());
        let title = m.title.as_deref().map(clean).filter(|s| !s.is_empty());
        let heading = match (number, title) {
            (Some(n), Some(t)) if n.ends_with('.') => format!("{n} {t}"),
            (Some(n), Some(t)) => format!("{n}. {t}"),
            (Some(n), None) => n,
            (None, Some(t)) => t,
            (None, None) => m
                .symbol
                .as_deref()
                .map(clean)
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| m.organ.name().to_string()),
        };
        blocks.push(format!("# {}", escape(&heading, false)));
        if let Some(l) = m.adoption_line.as_deref() {
            blocks.push(escape(&clean(l), true));
        }
        if let Some(o) = &m.origin {
            blocks.push(self.text(&o.text, true));
        }
    }

    /// The formula in italics, with the words printed before it ("Now, therefore,") and a
    /// proclamation that continues it as upright paragraphs of their own, as printed.
    fn formula(&self, f: &crate::model::Formula, out: &mut Vec<String>) {
        if let Some(lead) = &f.lead {
            out.push(self.text(lead, true));
        }
        let body = self.inlines(&f.text, true, true);
        out.push(emphasis(String::new(), &body, None));
        if let Some(p) = &f.proclamation {
            out.push(self.text(p, true));
        }
    }

    /// Blocks of the preamble, the body or an annex; `depth` is the heading depth of a
    /// section at this level (1 = `##` in the body).
    fn blocks(&self, blocks: &[Block], depth: usize, out: &mut Vec<String>) {
        for b in blocks {
            match b {
                Block::Paragraph(p) => self.paragraph(p, depth, out),
                Block::Section(s) => self.section(s, depth, out),
            }
        }
    }

    fn section(&self, s: &Section, depth: usize, out: &mut Vec<String>) {
        let mut h = String::new();
        if let Some(n) = s.num.as_deref().map(clean).filter(|n| !n.is_empty()) {
            h.push_str(&escape(&n, false));
        }
        let text = self.inlines(&s.heading, false, false);
        if !text.is_empty() {
            if !h.is_empty() {
                h.push(' ');
            }
            h.push_str(&text);
        }
        out.push(heading(depth + 1, self.ids.section(s), &h));
        self.blocks(&s.children, depth + 1, out);
    }

    fn annex(&self, a: &Annex, out: &mut Vec<String>) {
        out.push(heading(
            2,
            self.ids.annex(a),
            &escape(&clean(&a.label), false),
        ));
        let mut depth = 1;
        if let Some(t) = a.title.as_ref().filter(|t| !t.is_empty()) {
            out.push(heading(3, "", &self.inlines(t, false, false)));
            depth = 2;
        }
        self.blocks(&a.blocks, depth + 1, out);
    }

    /// A top-level paragraph (preambular, operative, or one of an annex).
    fn paragraph(&self, p: &Paragraph, depth: usize, out: &mut Vec<String>) {
        let mut anchor = self.ids.paragraph(p);
        if let Some(h) = p.heading.as_ref().filter(|h| !h.is_empty()) {
            // The anchor goes on the heading ("Article 1") so a link lands above it.
            out.push(heading(depth + 1, anchor, &self.inlines(h, false, false)));
            anchor = "";
        }
        out.extend(self.paragraph_blocks(p, anchor));
    }

    /// The paragraph's own blocks: first line with anchor and number, further printed
    /// paragraphs, the sub-paragraph list, the wrap-up.
    fn paragraph_blocks(&self, p: &Paragraph, anchor: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut first = anchor_tag(anchor);
        let num = p.num.as_deref().map(clean).filter(|n| !n.is_empty());
        if let Some(n) = &num {
            first.push_str(&escape(n, first.is_empty()));
        }
        if let Some(t) = p.content.first() {
            let text = self.text(t, first.is_empty());
            if !text.is_empty() {
                if num.is_some() {
                    first.push(' ');
                }
                first.push_str(&text);
            }
        }
        out.push(first);
        for t in p.content.iter().skip(1) {
            out.push(self.text(t, true));
        }
        if !p.subparagraphs.is_empty() {
            out.push(self.list(&p.subparagraphs));
        }
        for t in &p.wrap_up {
            out.push(self.text(t, true));
        }
        out.retain(|b| !b.is_empty());
        out
    }

    /// Sub-paragraphs as a `-` list; each item keeps its printed label. Loose (blank
    /// lines between items) because items are long legal paragraphs.
    fn list(&self, items: &[Paragraph]) -> String {
        let mut rendered = Vec::new();
        for sp in items {
            let mut blocks = Vec::new();
            if let Some(h) = sp.heading.as_ref().filter(|h| !h.is_empty()) {
                blocks.push(self.text(h, true));
            }
            blocks.extend(self.paragraph_blocks(sp, self.ids.paragraph(sp)));
            if blocks.is_empty() {
                continue;
            }
            let mut item = String::new();
            for (i, b) in blocks.iter().enumerate() {
                if i > 0 {
                    item.push_str("\n\n");
                }
                item.push_str(&indent(b, if i == 0 { "- " } else { "  " }, "  "));
            }
            rendered.push(item);
        }
        rendered.join("\n\n")
    }

    /// A whole text as a block's content; `line_start` when it opens a line.
    fn text(&self, t: &Text, line_start: bool) -> String {
        self.inlines(t, line_start, false)
    }

    /// Renders inline content. Inside emphasis, leading phrases stay plain (no nesting).
    fn inlines(&self, t: &Text, line_start: bool, in_emphasis: bool) -> String {
        let pieces = pieces(t);
        let mut out = String::new();
        for (i, p) in pieces.iter().enumerate() {
            let at_start = line_start && out.is_empty();
            match p {
                Piece::Plain(s) => {
                    // "[^1](a)" would read as a link: the bracket after a mark is escaped.
                    let after_note = i > 0 && matches!(pieces.get(i - 1), Some(Piece::Note(_)));
                    match s.strip_prefix('(').filter(|_| after_note) {
                        Some(rest) => {
                            out.push_str("\\(");
                            out.push_str(&escape(rest, false));
                        }
                        None => out.push_str(&escape(s, at_start)),
                    }
                }
                Piece::Phrase(s) if in_emphasis => out.push_str(&escape(s, at_start)),
                Piece::Phrase(s) => {
                    // At a line start too: the emphasis may fall back to plain text.
                    let inner = escape(s, at_start);
                    let next = pieces.get(i + 1).and_then(|n| n.first_char());
                    out = emphasis(out, &inner, next);
                }
                Piece::Note(marker) => {
                    // A mark whose note is missing from the model cannot be linked: dropped.
                    let n = self.by_marker.get(marker.as_str()).copied();
                    if let Some((n, label)) = n.and_then(|n| Some((n, self.labels.get(n)?))) {
                        out.push_str(&format!("[^{label}]"));
                        self.used.borrow_mut().insert(n);
                    }
                }
                Piece::Ref(text, symbol) => {
                    let inner = escape(text, at_start);
                    if self.opts.links && !symbol.trim().is_empty() {
                        let url = document_url(symbol.trim(), &self.doc.meta.language);
                        out.push_str(&format!("[{inner}]({})", destination(&url)));
                    } else {
                        out.push_str(&inner);
                    }
                }
            }
        }
        out
    }
}

/// Inline content after whitespace clean-up: adjacent runs merged, ends trimmed, each
/// link text trimmed (spaces moved outside the brackets).
enum Piece {
    Plain(String),
    Phrase(String),
    Note(String),
    Ref(String, String),
}

impl Piece {
    /// The first character the piece renders, for the emphasis flanking rules.
    fn first_char(&self) -> Option<char> {
        match self {
            Piece::Plain(s) | Piece::Phrase(s) => {
                s.chars()
                    .next()
                    .map(|c| if needs_escape(c) { '\\' } else { c })
            }
            Piece::Note(_) | Piece::Ref(..) => Some('['),
        }
    }
}

fn pieces(t: &Text) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for i in &t.0 {
        match i {
            Inline::Text { text } | Inline::Date { text, .. } => {
                let s = clean_inner(text);
                match out.last_mut() {
                    Some(Piece::Plain(prev)) => prev.push_str(&s),
                    _ => out.push(Piece::Plain(s)),
                }
            }
            Inline::Phrase { text } => {
                // Whitespace stays outside the `*` delimiters (CommonMark flanking rules).
                let s = clean_inner(text);
                let lead = &s[..s.len() - s.trim_start().len()];
                let trail = &s[s.trim_end().len()..];
                let core = s.trim();
                push_plain(&mut out, lead);
                if !core.is_empty() {
                    match out.last_mut() {
                        Some(Piece::Phrase(prev)) => prev.push_str(core),
                        _ => out.push(Piece::Phrase(core.to_string())),
                    }
                }
                push_plain(&mut out, trail);
            }
            Inline::NoteRef { marker } => out.push(Piece::Note(marker.clone())),
            Inline::Ref { text, symbol, .. } => {
                let s = clean_inner(text);
                let lead = &s[..s.len() - s.trim_start().len()];
                let trail = &s[s.trim_end().len()..];
                push_plain(&mut out, lead);
                if !s.trim().is_empty() {
                    out.push(Piece::Ref(s.trim().to_string(), symbol.clone()));
                }
                push_plain(&mut out, trail);
            }
        }
    }
    // Leading and trailing whitespace means nothing in Markdown (or makes code blocks).
    if let Some(Piece::Plain(s)) = out.first_mut() {
        *s = s.trim_start().to_string();
    }
    if let Some(Piece::Plain(s)) = out.last_mut() {
        *s = s.trim_end().to_string();
    }
    out.retain(|p| !matches!(p, Piece::Plain(s) if s.is_empty()));
    out
}

fn push_plain(out: &mut Vec<Piece>, s: &str) {
    if s.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(Piece::Plain(prev)) => prev.push_str(s),
        _ => out.push(Piece::Plain(s.to_string())),
    }
}

/// Appends `*inner*` to `out` when CommonMark will read it as emphasis there; otherwise
/// the plain text (the words matter more than the italics).
fn emphasis(mut out: String, inner: &str, next: Option<char>) -> String {
    let prev = out.chars().last();
    let (Some(first), Some(last)) = (inner.chars().next(), inner.chars().last()) else {
        return out;
    };
    let punct = |c: char| c.is_ascii_punctuation() || is_unicode_punct(c);
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let left = !first.is_whitespace() && (!punct(first) || space(prev) || prev.is_some_and(punct));
    let right = !last.is_whitespace() && (!punct(last) || space(next) || next.is_some_and(punct));
    // A `*` right before would join our delimiter run.
    let glued = prev == Some('*') || next == Some('*');
    if left && right && !glued {
        out.push('*');
        out.push_str(inner);
        out.push('*');
    } else {
        out.push_str(inner);
    }
    out
}

fn is_unicode_punct(c: char) -> bool {
    // Close enough to Unicode P* and S* for flanking decisions on real text.
    !c.is_alphanumeric() && !c.is_whitespace() && !c.is_control()
}

/// `## text` with an optional anchor before the text.
fn heading(level: usize, anchor: &str, text: &str) -> String {
    let hashes = "#".repeat(level.clamp(1, 6));
    format!("{hashes} {}{text}", anchor_tag(anchor))
        .trim_end()
        .to_string()
}

/// `<a id="…"></a>`, or nothing without an id.
fn anchor_tag(id: &str) -> String {
    if id.is_empty() {
        return String::new();
    }
    let mut out = String::from("<a id=\"");
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
    out
}

/// Prefixes the first line with `first` and the other non-empty lines with `rest`.
fn indent(block: &str, first: &str, rest: &str) -> String {
    let mut out = String::new();
    for (i, line) in block.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if i == 0 {
            out.push_str(first);
        } else if !line.is_empty() {
            out.push_str(rest);
        }
        out.push_str(line);
    }
    out
}

/// A link destination: bare when safe, else in `<…>` with `<`, `>` and `\` escaped.
fn destination(url: &str) -> String {
    let mut depth = 0i32;
    let mut balanced = true;
    for c in url.chars() {
        match c {
            '(' => depth += 1,
            ')' => {
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
        return url.to_string();
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
    out
}

/// Fallback footnote label for a marker GFM cannot use as a label.
fn fallback_label(index: usize) -> String {
    format!("n{}", index + 1)
}

/// Text of a one-line field: whitespace runs (tabs, line breaks) become one space, trimmed.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Inline text: line breaks and tabs become spaces (a newline could start a new block,
/// a tab trips linters); other spacing is kept as printed.
fn clean_inner(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_whitespace() && c != ' ' && c != '\u{a0}' {
                ' '
            } else {
                c
            }
        })
        .filter(|c| !c.is_control())
        .collect()
}

/// Characters that are escaped wherever they occur.
fn needs_escape(c: char) -> bool {
    matches!(
        c,
        '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '$' | '^' | '@'
    )
}

/// Escapes source text so it reads as itself: no emphasis, code, link, autolink, HTML,
/// entity, math, strikethrough, table, mention or emoji can come out of it.
/// `line_start`: the text opens a line, so block markers (`-`, `+`, `=`, `1.`) are escaped too.
pub fn escape(s: &str, line_start: bool) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    // At a line start, digits then `.` or `)` would open an ordered list.
    let mut list_delim = None;
    if line_start {
        let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits > 0 && matches!(chars.get(digits), Some('.') | Some(')')) {
            list_delim = Some(digits);
        }
    }
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let escaped = needs_escape(c)
            || (i == 0 && line_start && matches!(c, '-' | '+' | '='))
            || list_delim == Some(i)
            // `&amp;`, `&#38;`: an entity would be decoded.
            || (c == '&' && next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '#'))
            // `http://`: a GFM autolink; `:smile:`: an emoji shortcode.
            || (c == ':' && (chars.get(i + 1..i + 3) == Some(&['/', '/'][..]) || shortcode(&chars, i)))
            // `www.`: a GFM autolink.
            || (c == '.' && www_before(&chars, i));
        if escaped {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `:name:` starting at `i`, as GitHub and GitLab turn into emoji.
fn shortcode(chars: &[char], i: usize) -> bool {
    let mut j = i + 1;
    while let Some(&c) = chars.get(j) {
        if c.is_ascii_alphanumeric() || matches!(c, '_' | '+' | '-') {
            j += 1;
        } else {
            return c == ':' && j > i + 1;
        }
    }
    false
}

/// True when `chars[i]` is the dot of a word-initial `www.`.
fn www_before(chars: &[char], i: usize) -> bool {
    if i < 3 {
        return false;
    }
    let w = chars
        .get(i - 3..i)
        .is_some_and(|s| s.iter().all(|c| c.eq_ignore_ascii_case(&'w')));
    let boundary = i == 3 || chars.get(i - 4).is_some_and(|c| !c.is_alphanumeric());
    w && boundary
}

/// YAML front matter with the known metadata, between `---` lines, then a blank line.
fn front_matter(doc: &Resolution) -> String {
    let m = &doc.meta;
    let mut lines = vec!["---".to_string()];
    let known = |v: Option<&str>| v.map(clean).filter(|v| !v.is_empty());
    for (key, value) in [
        ("symbol", known(m.symbol.as_deref())),
        ("number", known(m.number.as_deref())),
        ("title", known(m.title.as_deref())),
    ] {
        if let Some(v) = value {
            lines.push(format!("{key}: {}", yaml_quote(&v)));
        }
    }
    if let Some(d) = &m.adopted {
        // A plain ISO date: wiki engines read it as a date.
        lines.push(format!("adopted: {}", d.date));
    }
    if let Some(s) = &m.session {
        lines.push(format!("session: {}", s.number));
    }
    let items: Vec<String> = m
        .agenda_items
        .iter()
        .filter_map(|a| known(Some(&a.item)))
        .collect();
    if !items.is_empty() {
        lines.push("agenda_items:".to_string());
        lines.extend(items.iter().map(|a| format!("  - {}", yaml_quote(a))));
    }
    if let Some(o) = m
        .origin
        .as_ref()
        .and_then(|o| known(Some(&o.text.to_plain())))
    {
        lines.push(format!("origin: {}", yaml_quote(&o)));
    }
    if let Some(l) = known(Some(&m.language)) {
        lines.push(format!("language: {}", yaml_quote(&l)));
    }
    lines.push("---".to_string());
    lines.join("\n") + "\n\n"
}

/// A YAML double-quoted scalar (every string is quoted: no `no`/`on`/`1e3` surprises).
fn yaml_quote(s: &str) -> String {
    let mut out = String::from("\"");
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
                source_format: "ODS".into(),
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
                meeting: Some("64th plenary meeting".into()),
                meeting_number: Some(64),
                date: Some(DateText {
                    date: date(2010, 12, 13),
                    text: "13 December 2010".into(),
                }),
                vote: None,
            }),
            annexes: vec![Annex {
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
                Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) if skip == 0 => {
                    if !text.ends_with('\n') {
                        text.push('\n')
                    }
                }
                Event::Start(
                    Tag::Paragraph | Tag::Heading { .. } | Tag::List(None) | Tag::Item,
                )
                | Event::End(
                    TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::List(false) | TagEnd::Item,
                )
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
        // Items nest: (i) sits in a list inside the list that holds (b).
        let depth = Parser::new_ext(&md, options())
            .scan(0i32, |d, e| {
                match e {
                    Event::Start(Tag::List(_)) => *d += 1,
                    Event::End(TagEnd::List(_)) => *d -= 1,
                    Event::Text(ref t) if t.starts_with("(ii)") => return Some(*d),
                    _ => {}
                }
                Some(-1)
            })
            .max();
        assert_eq!(depth, Some(2));
        // No ordered list anywhere: operative numbers are text.
        assert!(!other.iter().any(|e| e.contains("List(Some")));
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
                meeting: Some((*s).into()),
                meeting_number: None,
                date: None,
                vote: None,
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
                    || e.contains("List(")
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
        assert!(md.contains("the activity;[^n2] again[^1]\n"), "{md}");
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
        assert_eq!((defs, refs), (2, 3));
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

    #[test]
    fn emphasis_falls_back_to_plain_when_it_would_not_parse() {
        // Closing `*` after punctuation, followed by a letter: not right-flanking.
        assert_eq!(emphasis("x ".into(), "a,", Some('b')), "x a,");
        assert_eq!(emphasis("x ".into(), "a", Some(' ')), "x *a*");
    }
}

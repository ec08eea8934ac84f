//! Measuring, line breaking and pagination. Pure: no printpdf here, so it can
//! be unit-tested with a fake [`Measure`].
//!
//! Input is a list of [`Block`]s already styled by `mod.rs`; output is a list
//! of [`Page`]s with every run of text at its absolute position.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;

/// The four styles of a family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Regular,
    Italic,
    Bold,
    BoldItalic,
}

impl Style {
    pub fn index(self) -> usize {
        match self {
            Style::Regular => 0,
            Style::Italic => 1,
            Style::Bold => 2,
            Style::BoldItalic => 3,
        }
    }

    /// The same style in italics (an italic phrase inside bold text stays bold).
    pub fn italic(self) -> Style {
        match self {
            Style::Regular | Style::Italic => Style::Italic,
            Style::Bold | Style::BoldItalic => Style::BoldItalic,
        }
    }
}

/// Text widths in points.
pub trait Measure {
    fn width(&self, style: Style, size: f32, text: &str) -> f32;
}

/// Where a piece of text links to.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Uri(String),
    /// A footnote, by marker.
    Note(String),
}

/// A run of inline text with one style.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub style: Style,
    /// A footnote mark: smaller and raised; its note is laid out with the line that carries it.
    pub mark: Option<String>,
    pub target: Option<Target>,
}

impl Span {
    pub fn new(text: impl Into<String>, style: Style) -> Span {
        Span {
            text: text.into(),
            style,
            mark: None,
            target: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Justify,
    Left,
    Center,
    Right,
}

/// A paragraph to set. Offsets are from the left edge of the text block.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub spans: Vec<Span>,
    pub size: f32,
    pub leading: f32,
    /// Where the first line's text starts.
    pub first: f32,
    /// Where runover lines start.
    pub rest: f32,
    /// Where the right edge of the text is.
    pub right: f32,
    /// A number or label set before the first line's text, at this offset.
    pub label: Option<(Vec<Span>, f32)>,
    pub align: Align,
    pub space_before: f32,
    /// Never the last thing on a page (headings).
    pub keep_with_next: bool,
    /// Start a new page before this paragraph (annexes).
    pub new_page: bool,
    /// An outline entry pointing here, and its level (1 at the top).
    pub bookmark: Option<(String, u8)>,
    /// The structure element the text belongs to (tagged PDF), or [`NO_ELEM`].
    pub elem: u32,
}

/// No structure element: page furniture (an artifact).
pub const NO_ELEM: u32 = u32::MAX;

impl Para {
    pub fn new(spans: Vec<Span>, size: f32, leading: f32, right: f32) -> Para {
        Para {
            spans,
            size,
            leading,
            first: 0.0,
            rest: 0.0,
            right,
            label: None,
            align: Align::Justify,
            space_before: 0.0,
            keep_with_next: false,
            new_page: false,
            bookmark: None,
            elem: NO_ELEM,
        }
    }
}

/// A block of the flow.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Para(Para),
    /// A horizontal rule from `x1` to `x2` (block offsets), `space_before` under the previous line.
    Rule {
        x1: f32,
        x2: f32,
        thickness: f32,
        space_before: f32,
    },
}

/// One piece of a run: text, or a space stretched by `extra` points.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text(String),
    /// A space character followed by this many points of additional advance.
    Space(f32),
}

/// Text in one style at an absolute position.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub x: f32,
    pub y: f32,
    pub style: Style,
    pub size: f32,
    pub pieces: Vec<Piece>,
    /// Where the run's last advance ends.
    pub end: f32,
    /// The structure element it belongs to, or [`NO_ELEM`].
    pub elem: u32,
    /// A link to a document: printed blue.
    pub blue: bool,
}

/// A link area.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub x1: f32,
    pub x2: f32,
    pub y1: f32,
    pub y2: f32,
    pub target: Target,
    /// The structure element of the text that carries it.
    pub elem: u32,
}

/// A rule on the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RuleOut {
    pub x1: f32,
    pub x2: f32,
    pub y: f32,
    pub thickness: f32,
}

/// One laid-out page: body text and footnotes, with links and outline entries.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub runs: Vec<Run>,
    pub rules: Vec<RuleOut>,
    pub links: Vec<Link>,
    /// Outline entries: title, level, baseline of the line they point to.
    pub bookmarks: Vec<(String, u8, f32)>,
    /// Footnote marker → baseline of its first line, for links from the marks.
    pub note_anchors: Vec<(String, f32)>,
    /// The text of a Code 39 barcode at the foot (page 1: the job number).
    pub barcode: Option<String>,
}

/// Page geometry, in points from the bottom-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    pub left: f32,
    pub width: f32,
    /// First baseline on page 1 (below the masthead) and on later pages.
    pub top_first: f32,
    pub top: f32,
    /// The lowest baseline of body text or notes, on page 1 and on later pages.
    pub bottom_first: f32,
    pub bottom: f32,
    pub note_size: f32,
    pub note_leading: f32,
    /// Footnote separator: distance above the first note's baseline.
    pub note_rule_gap: f32,
    /// Footnote separator rule, from the left edge of the text block.
    pub note_rule: (f32, f32),
    /// Minimum gap between the last body baseline and the separator.
    pub note_clearance: f32,
}

impl Geometry {
    /// The lowest baseline on page `i` (0 for page 1).
    pub fn bottom_on(&self, i: usize) -> f32 {
        if i == 0 {
            self.bottom_first
        } else {
            self.bottom
        }
    }
}

/// A laid-out line before it is given its page and baseline.
#[derive(Debug, Clone, PartialEq)]
struct Line {
    /// Runs with `y` relative to the baseline.
    runs: Vec<Run>,
    links: Vec<Link>,
    leading: f32,
    /// Markers of the footnotes marked on this line.
    marks: Vec<String>,
    rule: Option<RuleOut>,
    /// Which body line this is, in the order of the flow (see [`Flow::placed`]).
    key: usize,
}

impl Line {
    fn placed(&self, y: f32) -> (Vec<Run>, Vec<Link>) {
        let runs = self
            .runs
            .iter()
            .map(|r| Run {
                y: r.y + y,
                ..r.clone()
            })
            .collect();
        let links = self
            .links
            .iter()
            .map(|l| Link {
                y1: l.y1 + y,
                y2: l.y2 + y,
                ..l.clone()
            })
            .collect();
        (runs, links)
    }
}

// ---------------------------------------------------------------- line breaking

/// A piece of a word in one style, borrowed from its span.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Seg<'a> {
    text: &'a str,
    style: Style,
    mark: bool,
    target: Option<usize>,
}

/// A textwrap fragment: a word or a part of a hyphenated word. Its segments and
/// marks are ranges of the paragraph's [`Frags`].
#[derive(Debug, Clone)]
struct Frag {
    segs: (usize, usize),
    width: f64,
    ws: f64,
    /// Width of the hyphen drawn when the line breaks after this fragment.
    pen: f64,
    marks: (usize, usize),
}

impl Fragment for Frag {
    fn width(&self) -> f64 {
        self.width
    }
    fn whitespace_width(&self) -> f64 {
        self.ws
    }
    fn penalty_width(&self) -> f64 {
        self.pen
    }
}

/// The fragments of a paragraph, with their segments (and each segment's width) and
/// footnote markers in shared lists.
#[derive(Default)]
struct Frags<'a> {
    frags: Vec<Frag>,
    segs: Vec<(Seg<'a>, f32)>,
    marks: Vec<&'a str>,
}

impl<'a> Frags<'a> {
    fn segs(&self, f: &Frag) -> &[(Seg<'a>, f32)] {
        self.segs.get(f.segs.0..f.segs.1).unwrap_or(&[])
    }

    fn marks(&self, f: &Frag) -> &[&'a str] {
        self.marks.get(f.marks.0..f.marks.1).unwrap_or(&[])
    }
}

/// Size of a footnote mark relative to the text.
pub const MARK_SCALE: f32 = 0.65;
/// How far a mark is raised, relative to the text size.
const MARK_RAISE: f32 = 0.35;

fn seg_size(seg: &Seg, size: f32) -> f32 {
    if seg.mark {
        size * MARK_SCALE
    } else {
        size
    }
}

fn seg_width(m: &dyn Measure, seg: &Seg, size: f32) -> f32 {
    m.width(seg.style, seg_size(seg, size), seg.text) + if seg.mark { mark_gap(size) } else { 0.0 }
}

/// The gap before a footnote mark: as printed (0.6 pt at 10 pt), enough for text
/// extraction to see the mark as a word of its own (`2025 4`, not `20254`).
fn mark_gap(size: f32) -> f32 {
    size * 0.035
}

fn is_space(c: char) -> bool {
    // No-break spaces do not break.
    c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}' && c != '\u{2007}'
}

/// Syllable lengths of `word` from hypher, remembered per thread: words come back
/// often in a document and across a batch, and hyphenating one costs thousands of
/// instructions. The memory is bounded by starting over when it is full.
fn syllables(word: &str, lang: hypher::Lang, out: &mut Vec<usize>) {
    type Memo = Vec<(hypher::Lang, HashMap<Box<str>, Box<[u8]>>)>;
    thread_local! {
        static MEMO: RefCell<Memo> = const { RefCell::new(Vec::new()) };
    }
    const MAX_WORDS: usize = 50_000;
    MEMO.with_borrow_mut(|memo| {
        let k = match memo.iter().position(|(l, _)| *l == lang) {
            Some(k) => k,
            None => {
                memo.push((lang, HashMap::new()));
                memo.len() - 1
            }
        };
        let Some((_, map)) = memo.get_mut(k) else {
            return;
        };
        if let Some(lens) = map.get(word) {
            out.extend(lens.iter().map(|&l| usize::from(l)));
            return;
        }
        let start = out.len();
        out.extend(hypher::hyphenate(word, lang).map(str::len));
        // Words are at most MAX_INLINE_SIZE bytes: every length fits in a byte.
        let lens: Option<Box<[u8]>> = out
            .get(start..)
            .unwrap_or(&[])
            .iter()
            .map(|&l| u8::try_from(l).ok())
            .collect();
        if let Some(lens) = lens {
            if map.len() >= MAX_WORDS {
                map.clear();
            }
            map.insert(word.into(), lens);
        }
    });
}

/// Hyphenation points of a word (byte offsets into `text`, each a break
/// after which a hyphen is drawn), or explicit hyphens (no hyphen drawn).
fn break_points(
    text: &str,
    lang: Option<hypher::Lang>,
    out: &mut Vec<(usize, bool)>,
    scratch: &mut Vec<usize>,
) {
    out.clear();
    // Explicit hyphens break without an added hyphen. Slashes do not: document
    // symbols stay whole unless too long for the line (see `split_overlong`).
    let mut start = 0;
    for (i, _) in text.match_indices('-') {
        if i > 0 && i + 1 < text.len() {
            hyphenate_part(text, start, i + 1, lang, out, scratch);
            out.push((i + 1, false));
            start = i + 1;
        }
    }
    hyphenate_part(text, start, text.len(), lang, out, scratch);
    // Chinese and Japanese are written without spaces: a line may break between any two
    // characters where either is one of theirs (UAX #14, ideographic), except before
    // closing punctuation or after an opening bracket. Their lead bytes are 0xE3–0xEF.
    if text.bytes().any(|b| (0xe3..=0xef).contains(&b)) {
        let mut prev: Option<char> = None;
        for (i, c) in text.char_indices() {
            if let Some(p) = prev {
                if (ideographic(p) || ideographic(c)) && !no_line_start(c) && !no_line_end(p) {
                    out.push((i, false));
                }
            }
            prev = Some(c);
        }
    }
    out.sort_unstable();
    out.dedup_by_key(|b| b.0);
}

/// Characters of scripts written without spaces between words: kana, CJK ideographs,
/// CJK and full-width punctuation.
fn ideographic(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}')
}

/// Punctuation a line may not start with (closing marks, stops, the small kana).
fn no_line_start(c: char) -> bool {
    matches!(
        c,
        '、' | '。'
            | '，'
            | '．'
            | '：'
            | '；'
            | '？'
            | '！'
            | '）'
            | '」'
            | '』'
            | '】'
            | '〉'
            | '》'
            | '〕'
            | '］'
            | '｝'
            | '”'
            | '’'
            | '…'
            | '‥'
            | '・'
            | '々'
            | 'ー'
            | ')'
            | ']'
            | '}'
            | ','
            | '.'
            | ':'
            | ';'
            | '?'
            | '!'
            | '%'
    )
}

/// Punctuation a line may not end with (opening marks).
fn no_line_end(c: char) -> bool {
    matches!(
        c,
        '（' | '「'
            | '『'
            | '【'
            | '〈'
            | '《'
            | '〔'
            | '［'
            | '｛'
            | '“'
            | '‘'
            | '('
            | '['
            | '{'
    )
}

/// Adds the hyphenation points of `text[s..e]`, a word or a part of a word
/// between explicit hyphens.
fn hyphenate_part(
    text: &str,
    s: usize,
    e: usize,
    lang: Option<hypher::Lang>,
    out: &mut Vec<(usize, bool)>,
    scratch: &mut Vec<usize>,
) {
    let Some(lang) = lang else {
        return;
    };
    let part = text.get(s..e).unwrap_or("");
    // Only the alphabetic core is hyphenated; punctuation stays attached.
    let core_start = part
        .char_indices()
        .find(|(_, c)| c.is_alphabetic())
        .map(|(i, _)| i);
    let core_end = part
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphabetic())
        .map(|(i, c)| i + c.len_utf8());
    let (Some(cs), Some(ce)) = (core_start, core_end) else {
        return;
    };
    let core = part.get(cs..ce).unwrap_or("");
    // hypher takes words of at most MAX_INLINE_SIZE bytes (it panics beyond, without
    // its `alloc` feature); longer "words" are broken by width instead.
    if core.len() < 6
        || core.chars().count() < 6
        || core.len() > hypher::MAX_INLINE_SIZE
        || !core.chars().all(char::is_alphabetic)
    {
        return;
    }
    // Words in capitals (acronyms) are not hyphenated.
    if core.chars().filter(|c| c.is_uppercase()).count() > 1 {
        return;
    }
    let mut at = s + cs;
    scratch.clear();
    syllables(core, lang, scratch);
    for len in scratch.iter().take(scratch.len().saturating_sub(1)) {
        at += len;
        out.push((at, true));
    }
}

/// Splits a word's segments at byte offset `at` of their concatenated text.
fn split_segs<'a>(segs: &[Seg<'a>], at: usize, left: &mut Vec<Seg<'a>>, right: &mut Vec<Seg<'a>>) {
    left.clear();
    right.clear();
    let mut pos = 0;
    for s in segs {
        let end = pos + s.text.len();
        if end <= at {
            left.push(*s);
        } else if pos >= at {
            right.push(*s);
        } else {
            let k = at - pos;
            if let (Some(a), Some(b)) = (s.text.get(..k), s.text.get(k..)) {
                left.push(Seg { text: a, ..*s });
                right.push(Seg { text: b, ..*s });
            } else {
                left.push(*s);
            }
        }
        pos = end;
    }
}

/// Builds the fragments of a paragraph: words, split at hyphenation points,
/// and words too wide for the narrowest line split anywhere.
struct Builder<'m, 'a> {
    m: &'m dyn Measure,
    size: f32,
    min_width: f32,
    lang: Option<hypher::Lang>,
    space: f64,
    hyphen: f64,
    out: Frags<'a>,
    // Scratch space, reused from word to word.
    text: String,
    breaks: Vec<(usize, bool)>,
    syllables: Vec<usize>,
    rest: Vec<Seg<'a>>,
    left: Vec<Seg<'a>>,
    right: Vec<Seg<'a>>,
}

impl<'a> Builder<'_, 'a> {
    fn word(&mut self, segs: &[Seg<'a>], marks: (usize, usize)) {
        let mut breaks = std::mem::take(&mut self.breaks);
        match segs {
            [one] => break_points(one.text, self.lang, &mut breaks, &mut self.syllables),
            _ => {
                self.text.clear();
                segs.iter().for_each(|s| self.text.push_str(s.text));
                break_points(&self.text, self.lang, &mut breaks, &mut self.syllables);
            }
        }
        let mut rest = std::mem::take(&mut self.rest);
        rest.clear();
        rest.extend_from_slice(segs);
        let mut consumed = 0;
        for &(at, hyph) in &breaks {
            let (mut left, mut right) = (
                std::mem::take(&mut self.left),
                std::mem::take(&mut self.right),
            );
            split_segs(&rest, at - consumed, &mut left, &mut right);
            if !left.is_empty() && !right.is_empty() {
                self.piece(&left, hyph, None);
                std::mem::swap(&mut rest, &mut right);
                consumed = at;
            }
            self.left = left;
            self.right = right;
        }
        self.piece(&rest, false, Some(marks));
        self.rest = rest;
        self.breaks = breaks;
    }

    /// Adds the fragments of one piece of a word; `marks` for the last piece.
    fn piece(&mut self, segs: &[Seg<'a>], hyph: bool, marks: Option<(usize, usize)>) {
        let (m, size) = (self.m, self.size);
        let start = self.out.segs.len();
        self.out
            .segs
            .extend(segs.iter().map(|s| (*s, seg_width(m, s, size))));
        let total = self
            .out
            .segs
            .get(start..)
            .unwrap_or(&[])
            .iter()
            .map(|s| s.1)
            .sum::<f32>();
        let max = self.min_width;
        if total <= max || max <= 0.0 {
            self.out.frags.push(Frag {
                segs: (start, self.out.segs.len()),
                width: f64::from(total),
                ws: 0.0,
                pen: 0.0,
                marks: (0, 0),
            });
        } else {
            self.out.segs.truncate(start);
            self.split_overlong(segs, max);
        }
        if let Some(f) = self.out.frags.last_mut() {
            if let Some(marks) = marks {
                f.ws = self.space;
                f.marks = marks;
            } else if hyph {
                f.pen = self.hyphen;
            }
        }
    }

    /// Splits a piece wider than `max` into fragments that fit (no hyphen drawn).
    fn split_overlong(&mut self, segs: &[Seg<'a>], max: f32) {
        let (m, size) = (self.m, self.size);
        let mut chunk_start = self.out.segs.len();
        let mut w = 0.0;
        for s in segs {
            let mut buf = 0;
            for (i, c) in s.text.char_indices() {
                let mut one = [0u8; 4];
                let cw = m.width(s.style, seg_size(s, size), c.encode_utf8(&mut one));
                if w + cw > max && (w > 0.0) {
                    if buf < i {
                        let seg = Seg {
                            text: s.text.get(buf..i).unwrap_or(""),
                            ..*s
                        };
                        self.out.segs.push((seg, seg_width(m, &seg, size)));
                    }
                    self.push_chunk(chunk_start);
                    chunk_start = self.out.segs.len();
                    buf = i;
                    w = 0.0;
                }
                w += cw;
            }
            if buf < s.text.len() {
                let seg = Seg {
                    text: s.text.get(buf..).unwrap_or(""),
                    ..*s
                };
                self.out.segs.push((seg, seg_width(m, &seg, size)));
            }
        }
        if chunk_start < self.out.segs.len() {
            self.push_chunk(chunk_start);
        }
    }

    fn push_chunk(&mut self, start: usize) {
        let end = self.out.segs.len();
        let width = self
            .out
            .segs
            .get(start..end)
            .unwrap_or(&[])
            .iter()
            .map(|s| s.1)
            .sum::<f32>();
        self.out.frags.push(Frag {
            segs: (start, end),
            width: f64::from(width),
            ws: 0.0,
            pen: 0.0,
            marks: (0, 0),
        });
    }
}

/// Splits spans into words and builds their fragments, keeping link targets by index.
fn fragments<'a>(
    m: &dyn Measure,
    spans: &'a [Span],
    size: f32,
    min_width: f32,
    lang: Option<hypher::Lang>,
    targets: &mut Vec<Target>,
) -> Frags<'a> {
    // About one word in six bytes of text.
    let words_hint = spans.iter().map(|s| s.text.len()).sum::<usize>() / 6 + 1;
    let mut b = Builder {
        m,
        size,
        min_width,
        lang,
        space: f64::from(m.width(Style::Regular, size, " ")),
        hyphen: f64::from(m.width(Style::Regular, size, "-")),
        out: Frags {
            frags: Vec::with_capacity(words_hint),
            segs: Vec::with_capacity(words_hint),
            marks: Vec::new(),
        },
        text: String::new(),
        breaks: Vec::new(),
        syllables: Vec::new(),
        rest: Vec::new(),
        left: Vec::new(),
        right: Vec::new(),
    };
    let mut cur: Vec<Seg<'a>> = Vec::new();
    // Where the current word's footnote markers start.
    let mut marks_start = 0;
    for span in spans {
        let target = span.target.as_ref().map(|t| {
            targets.push(t.clone());
            targets.len() - 1
        });
        if let Some(mark) = &span.mark {
            cur.push(Seg {
                text: &span.text,
                style: Style::Regular,
                mark: true,
                target,
            });
            b.out.marks.push(mark);
            continue;
        }
        let seg = |text: &'a str| Seg {
            text,
            style: span.style,
            mark: false,
            target,
        };
        let mut start = None;
        for (i, c) in span.text.char_indices() {
            if is_space(c) {
                if let Some(s) = start.take() {
                    cur.push(seg(span.text.get(s..i).unwrap_or("")));
                }
                if !cur.is_empty() {
                    b.word(&cur, (marks_start, b.out.marks.len()));
                    cur.clear();
                    marks_start = b.out.marks.len();
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        if let Some(s) = start {
            cur.push(seg(span.text.get(s..).unwrap_or("")));
        }
    }
    if !cur.is_empty() {
        b.word(&cur, (marks_start, b.out.marks.len()));
    }
    b.out
}

/// Breaks a paragraph into lines (runs relative to the baseline, x absolute).
fn break_para(m: &dyn Measure, p: &Para, left: f32, lang: Option<hypher::Lang>) -> Vec<Line> {
    let mut targets = Vec::new();
    let w_first = (p.right - p.first).max(1.0);
    let w_rest = (p.right - p.rest).max(1.0);
    // Headings and other ragged lines are not hyphenated, as printed.
    let lang = if p.align == Align::Justify {
        lang
    } else {
        None
    };
    let all = fragments(m, &p.spans, p.size, w_first.min(w_rest), lang, &mut targets);
    let frags = &all.frags;
    let widths = [f64::from(w_first), f64::from(w_rest)];
    // First fit, as the print is set: a line takes every word that fits at its
    // natural width (spaces unstretched), then its spaces stretch to the measure.
    let lines: Vec<&[Frag]> = wrap_first_fit(frags, &widths);
    let mut out = Vec::with_capacity(lines.len());
    let n = lines.len();
    // The width of a space in each style and size, as the runs need it.
    let mut space: Option<(Style, f32, f32)> = None;
    for (i, frags) in lines.into_iter().enumerate() {
        let last = i + 1 == n;
        let start = if i == 0 { p.first } else { p.rest };
        let avail = p.right - start;
        let mut runs = Vec::new();
        let mut links = Vec::new();
        if i == 0 {
            if let Some((label, at)) = &p.label {
                let mut x = left + at;
                for s in label {
                    let (size, y) = if s.mark.is_some() {
                        (p.size * MARK_SCALE, p.size * MARK_RAISE)
                    } else {
                        (p.size, 0.0)
                    };
                    let w = m.width(s.style, size, &s.text);
                    push_text(&mut runs, x, y, s.style, size, &s.text, w, false);
                    x += w;
                }
            }
        }
        let hyphen_end = frags.last().is_some_and(|f| f.pen > 0.0);
        let gaps = frags
            .iter()
            .take(frags.len().saturating_sub(1))
            .filter(|f| f.ws > 0.0)
            .count();
        let natural = natural_width(frags) as f32;
        let extra = if p.align == Align::Justify && !last && gaps > 0 {
            ((avail - natural) / gaps as f32).max(-0.5)
        } else {
            0.0
        };
        let mut x = left
            + start
            + match p.align {
                Align::Center => ((avail - natural) / 2.0).max(0.0),
                Align::Right => (avail - natural).max(0.0),
                _ => 0.0,
            };
        let mut marks = Vec::new();
        let nf = frags.len();
        for (k, f) in frags.iter().enumerate() {
            marks.extend(all.marks(f).iter().map(|m| m.to_string()));
            for &(s, w) in all.segs(f) {
                let size = seg_size(&s, p.size);
                let y = if s.mark { p.size * MARK_RAISE } else { 0.0 };
                let target = s.target.and_then(|t| targets.get(t));
                let blue = matches!(target, Some(Target::Uri(_)));
                let gap = if s.mark { mark_gap(p.size) } else { 0.0 };
                push_text(&mut runs, x + gap, y, s.style, size, s.text, w - gap, blue);
                if let Some(t) = target {
                    add_link(&mut links, x, x + w, p.size, t);
                }
                x += w;
            }
            if k + 1 == nf {
                if hyphen_end {
                    let style = all.segs(f).last().map_or(Style::Regular, |s| s.0.style);
                    let w = m.width(style, p.size, "-");
                    push_text(&mut runs, x, 0.0, style, p.size, "-", w, false);
                }
            } else if f.ws > 0.0 {
                let gap = f.ws as f32 + extra;
                if let Some(r) = runs.last_mut() {
                    // Keep a real space so text extraction sees the word break.
                    let own = match space {
                        Some((st, sz, w)) if st == r.style && sz == r.size => w,
                        _ => {
                            let w = m.width(r.style, r.size, " ");
                            space = Some((r.style, r.size, w));
                            w
                        }
                    };
                    r.pieces.push(Piece::Space(gap - own));
                    r.end += gap;
                }
                x += gap;
            }
        }
        for r in &mut runs {
            r.elem = p.elem;
        }
        for l in &mut links {
            l.elem = p.elem;
        }
        out.push(Line {
            runs,
            links,
            leading: p.leading,
            marks,
            rule: None,
            key: usize::MAX,
        });
    }
    out
}

/// Width of a line of fragments, with the hyphen when it ends in one.
fn natural_width(frags: &[Frag]) -> f64 {
    frags.iter().map(|f| f.width).sum::<f64>()
        + frags
            .iter()
            .take(frags.len().saturating_sub(1))
            .map(|f| f.ws)
            .sum::<f64>()
        + frags.last().map_or(0.0, |f| f.pen)
}

/// Appends text to the last run when it continues it exactly, else starts a run at `x`.
#[allow(clippy::too_many_arguments)]
fn push_text(
    runs: &mut Vec<Run>,
    x: f32,
    y: f32,
    style: Style,
    size: f32,
    text: &str,
    w: f32,
    blue: bool,
) {
    if let Some(r) = runs.last_mut() {
        if r.style == style
            && r.size == size
            && r.y == y
            && r.blue == blue
            && (x - r.end).abs() < 0.001
        {
            match r.pieces.last_mut() {
                Some(Piece::Text(t)) => t.push_str(text),
                _ => r.pieces.push(Piece::Text(text.to_string())),
            }
            r.end = x + w;
            return;
        }
    }
    // Room for a line's words: a run grows word by word.
    let mut t = String::with_capacity(text.len().max(64));
    t.push_str(text);
    runs.push(Run {
        x,
        y,
        style,
        size,
        pieces: vec![Piece::Text(t)],
        end: x + w,
        elem: NO_ELEM,
        blue,
    });
}

fn add_link(links: &mut Vec<Link>, x1: f32, x2: f32, size: f32, t: &Target) {
    if let Some(l) = links.last_mut() {
        if &l.target == t && x1 - l.x2 < size * 0.6 {
            l.x2 = x2;
            return;
        }
    }
    links.push(Link {
        x1,
        x2,
        y1: -size * 0.25,
        y2: size * 0.8,
        target: t.clone(),
        elem: NO_ELEM,
    });
}

// ---------------------------------------------------------------- pagination

/// The flow of lines into pages.
struct Flow<'a> {
    g: &'a Geometry,
    pages: Vec<Page>,
    /// Baseline of the last body line on the current page; `None` at the top.
    y: Option<f32>,
    /// Note lines on the current page, in order (shared: snapshots copy them).
    foot: Vec<Rc<Line>>,
    /// Note lines to continue on the next page.
    carry: Vec<Rc<Line>>,
    /// Feet of the finished pages (note lines), placed at the end.
    feet: Vec<Vec<Rc<Line>>>,
    /// Whether the current page has body lines.
    has_body: bool,
    notes: &'a dyn Fn(&str) -> Vec<Line>,
    placed_notes: Vec<String>,
    /// Body lines placed: page index, [`Line::key`], baseline. Their runs go to the
    /// pages once the flow is final.
    placed: Vec<(usize, usize, f32)>,
}

/// The state of a [`Flow`] to go back to. Pages only grow between a snapshot and
/// its restore, so the last page is kept as the lengths of its lists.
struct Snapshot {
    pages_len: usize,
    last: [usize; 5],
    y: Option<f32>,
    foot: Vec<Rc<Line>>,
    carry: Vec<Rc<Line>>,
    feet_len: usize,
    has_body: bool,
    placed_notes: usize,
    placed: usize,
}

impl Flow<'_> {
    fn top(&self) -> f32 {
        if self.pages.len() == 1 {
            self.g.top_first
        } else {
            self.g.top
        }
    }

    fn bottom(&self) -> f32 {
        self.g.bottom_on(self.pages.len() - 1)
    }

    /// The lowest body baseline allowed with `n` note lines at the foot.
    fn limit(&self, n: usize) -> f32 {
        if n == 0 {
            self.bottom()
        } else {
            self.bottom()
                + (n - 1) as f32 * self.g.note_leading
                + self.g.note_rule_gap
                + self.g.note_clearance
        }
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            pages_len: self.pages.len(),
            last: self.pages.last().map_or([0; 5], |p| {
                [
                    p.runs.len(),
                    p.rules.len(),
                    p.links.len(),
                    p.bookmarks.len(),
                    p.note_anchors.len(),
                ]
            }),
            y: self.y,
            foot: self.foot.clone(),
            carry: self.carry.clone(),
            feet_len: self.feet.len(),
            has_body: self.has_body,
            placed_notes: self.placed_notes.len(),
            placed: self.placed.len(),
        }
    }

    fn restore(&mut self, s: Snapshot) {
        self.pages.truncate(s.pages_len);
        if let Some(p) = self.pages.last_mut() {
            let [runs, rules, links, bookmarks, anchors] = s.last;
            p.runs.truncate(runs);
            p.rules.truncate(rules);
            p.links.truncate(links);
            p.bookmarks.truncate(bookmarks);
            p.note_anchors.truncate(anchors);
        }
        self.y = s.y;
        self.foot = s.foot;
        self.carry = s.carry;
        self.feet.truncate(s.feet_len);
        self.has_body = s.has_body;
        self.placed_notes.truncate(s.placed_notes);
        self.placed.truncate(s.placed);
    }

    fn new_page(&mut self) {
        self.feet.push(std::mem::take(&mut self.foot));
        self.pages.push(Page::default());
        self.y = None;
        self.has_body = false;
        // Continued notes go first, but leave at least half the page for text.
        let max = ((self.top() - self.bottom()) / 2.0 / self.g.note_leading) as usize;
        let take = self.carry.len().min(max.max(1));
        let rest = self.carry.split_off(take);
        self.foot = std::mem::replace(&mut self.carry, rest);
    }

    /// Places a line, breaking the page when needed. Returns whether a page
    /// break happened before it.
    fn place(&mut self, line: &Line, space_before: f32) -> bool {
        let mut new_notes: Vec<Rc<Line>> = Vec::new();
        for m in &line.marks {
            if !self.placed_notes.iter().any(|p| p == m) {
                new_notes.extend((self.notes)(m).into_iter().map(Rc::new));
            }
        }
        let mut broke = false;
        loop {
            let y = match self.y {
                None => self.top(),
                Some(y) => y - space_before - line.leading,
            };
            if y >= self.limit(self.foot.len() + new_notes.len()) {
                self.put(line, y, new_notes);
                return broke;
            }
            if !self.has_body {
                break;
            }
            self.new_page();
            broke = true;
        }
        // An empty page and the notes do not fit: set what fits, carry the rest.
        let y = self
            .y
            .map_or(self.top(), |y| y - space_before - line.leading);
        let mut k = 0;
        while k < new_notes.len() && y >= self.limit(self.foot.len() + k + 1) {
            k += 1;
        }
        let rest = new_notes.split_off(k);
        self.carry.extend(rest);
        self.put(line, y, new_notes);
        broke
    }

    fn put(&mut self, line: &Line, y: f32, notes: Vec<Rc<Line>>) {
        for m in &line.marks {
            if !self.placed_notes.iter().any(|p| p == m) {
                self.placed_notes.push(m.clone());
            }
        }
        self.foot.extend(notes);
        self.placed
            .push((self.pages.len().saturating_sub(1), line.key, y));
        self.y = Some(y);
        self.has_body = true;
    }

    fn page_no(&self) -> usize {
        self.pages.len()
    }

    /// Places the lines of one paragraph, with a page break before line
    /// `forced`; returns the page of the first line and the first line that
    /// went to a new page, if any.
    fn place_lines(
        &mut self,
        lines: &[Line],
        space_before: f32,
        forced: Option<usize>,
    ) -> (usize, Option<usize>) {
        let mut first_page = self.page_no();
        let mut first_break = None;
        for (i, l) in lines.iter().enumerate() {
            if forced == Some(i) && self.has_body {
                self.new_page();
                first_break.get_or_insert(i);
            }
            let sb = if i == 0 { space_before } else { 0.0 };
            if self.place(l, sb) {
                first_break.get_or_insert(i);
            }
            if i == 0 {
                first_page = self.page_no();
            }
        }
        (first_page, first_break)
    }

    /// Places a paragraph with no single line left alone at a page's foot
    /// (orphan) or head (widow); returns the page of its first line.
    fn place_para(&mut self, lines: &[Line], space_before: f32) -> usize {
        let snap = self.snapshot();
        let (page, brk) = self.place_lines(lines, space_before, None);
        let n = lines.len();
        let forced = match brk {
            Some(1) if n >= 2 => Some(0),
            Some(i) if i >= 2 && n - i == 1 => Some(if i >= 3 { i - 1 } else { 0 }),
            _ => None,
        };
        match forced {
            None => page,
            Some(f) => {
                self.restore(snap);
                self.place_lines(lines, space_before, Some(f)).0
            }
        }
    }
}

/// Lays out the blocks and their footnotes into pages.
pub fn paginate(
    m: &dyn Measure,
    g: &Geometry,
    blocks: &[Block],
    notes: &[(String, Para)],
    lang: Option<hypher::Lang>,
) -> Vec<Page> {
    let note_lines = |marker: &str| -> Vec<Line> {
        let mut out = Vec::new();
        for (_, p) in notes.iter().filter(|(k, _)| k == marker) {
            let mut lines = break_para(m, p, g.left, lang);
            // Marks inside notes do not pull further notes.
            for l in &mut lines {
                l.marks.clear();
            }
            let own = p
                .label
                .as_ref()
                .and_then(|(l, _)| l.first())
                .and_then(|s| s.mark.clone());
            if let (Some(first), Some(own)) = (lines.first_mut(), own) {
                first.marks = vec![format!("\u{0}{own}")];
            }
            out.extend(lines);
        }
        out
    };
    let mut flow = Flow {
        g,
        pages: vec![Page::default()],
        y: None,
        foot: Vec::new(),
        carry: Vec::new(),
        feet: Vec::new(),
        has_body: false,
        notes: &note_lines,
        placed_notes: Vec::new(),
        placed: Vec::new(),
    };
    let mut laid: Vec<(Vec<Line>, &Block)> = blocks
        .iter()
        .map(|b| match b {
            Block::Para(p) => (break_para(m, p, g.left, lang), b),
            Block::Rule {
                x1, x2, thickness, ..
            } => (
                vec![Line {
                    runs: Vec::new(),
                    links: Vec::new(),
                    leading: 0.0,
                    marks: Vec::new(),
                    rule: Some(RuleOut {
                        x1: g.left + x1,
                        x2: g.left + x2,
                        y: 0.0,
                        thickness: *thickness,
                    }),
                    key: usize::MAX,
                }],
                b,
            ),
        })
        .collect();
    for (key, line) in laid.iter_mut().flat_map(|(l, _)| l).enumerate() {
        line.key = key;
    }
    let mut i = 0;
    while i < laid.len() {
        // A heading is placed together with what follows it.
        let mut j = i;
        while j + 1 < laid.len() && keeps(laid[j].1) {
            j += 1;
        }
        let snap = flow.snapshot();
        let first_pages = place_group(&mut flow, &laid[i..=j]);
        let split = first_pages.windows(2).any(|w| w[0] != w[1]);
        if split && j > i && snap.has_body {
            flow.restore(snap);
            flow.new_page();
            place_group(&mut flow, &laid[i..=j]);
        }
        i = j + 1;
    }
    // Leftover continued notes get pages of their own.
    while !flow.carry.is_empty() {
        flow.new_page();
    }
    flow.feet.push(std::mem::take(&mut flow.foot));
    let mut pages = flow.pages;
    // The body lines go to their pages, moved rather than copied: each is placed once.
    let mut lines: Vec<Line> = laid.into_iter().flat_map(|(l, _)| l).collect();
    for (page, key, y) in flow.placed {
        let (Some(page), Some(line)) = (pages.get_mut(page), lines.get_mut(key)) else {
            continue;
        };
        page.runs
            .extend(std::mem::take(&mut line.runs).into_iter().map(|mut r| {
                r.y += y;
                r
            }));
        page.links
            .extend(std::mem::take(&mut line.links).into_iter().map(|mut l| {
                l.y1 += y;
                l.y2 += y;
                l
            }));
        if let Some(r) = line.rule {
            page.rules.push(RuleOut { y: r.y + y, ..r });
        }
    }
    for (i, (page, foot)) in pages.iter_mut().zip(flow.feet).enumerate() {
        set_foot(page, g, g.bottom_on(i), foot);
    }
    pages
}

fn keeps(b: &Block) -> bool {
    matches!(b, Block::Para(p) if p.keep_with_next)
}

/// Places a group of blocks; returns the page of each block's first line
/// and, for headings, of their last line.
fn place_group(flow: &mut Flow, group: &[(Vec<Line>, &Block)]) -> Vec<usize> {
    let mut pages = Vec::new();
    for (lines, block) in group {
        match block {
            Block::Para(p) => {
                if p.new_page && flow.has_body {
                    flow.new_page();
                }
                let placed = flow.placed.len();
                let first = flow.place_para(lines, p.space_before);
                if let Some((b, level)) = &p.bookmark {
                    // The baseline of the paragraph's first line.
                    let key = lines.first().map(|l| l.key);
                    let y = flow
                        .placed
                        .get(placed..)
                        .unwrap_or(&[])
                        .iter()
                        .find(|e| Some(e.1) == key)
                        .map_or_else(|| flow.top(), |e| e.2);
                    if let Some(page) = flow.pages.get_mut(first.saturating_sub(1)) {
                        page.bookmarks.push((b.clone(), *level, y));
                    }
                }
                pages.push(first);
                if p.keep_with_next {
                    pages.push(flow.page_no());
                }
            }
            Block::Rule { space_before, .. } => {
                // A rule that does not fit under the text above it is left out rather
                // than opening a page on its own.
                let snap = flow.snapshot();
                let pages_before = flow.pages.len();
                for l in lines {
                    flow.place(l, *space_before);
                }
                if flow.pages.len() > pages_before {
                    flow.restore(snap);
                }
            }
        }
    }
    // Only the last line of a heading and the first of what follows matter.
    if pages.len() >= 2 {
        let n = pages.len();
        pages[n - 2..].to_vec()
    } else {
        pages
    }
}

/// The footnote separator as printed.
pub const NOTE_RULE: &str = "__________________";

/// Sets the note lines at the foot of a page, bottom-aligned, under a short rule.
fn set_foot(page: &mut Page, g: &Geometry, bottom: f32, foot: Vec<Rc<Line>>) {
    if foot.is_empty() {
        return;
    }
    let n = foot.len();
    let top = bottom + (n - 1) as f32 * g.note_leading;
    // The UN print sets the separator as a row of bold underscores, not a drawn line:
    // text extracted from our PDF then shows the same "____" row as the official one.
    let x = g.left + g.note_rule.0;
    page.runs.push(Run {
        x,
        y: top + g.note_rule_gap - 3.0,
        style: Style::Bold,
        size: 8.0,
        pieces: vec![Piece::Text(NOTE_RULE.to_string())],
        end: g.left + g.note_rule.1,
        elem: NO_ELEM,
        blue: false,
    });
    for (k, line) in foot.into_iter().enumerate() {
        let y = top - k as f32 * g.note_leading;
        for m in &line.marks {
            if let Some(marker) = m.strip_prefix('\u{0}') {
                page.note_anchors.push((marker.to_string(), y));
            }
        }
        let (runs, links) = line.placed(y);
        page.runs.extend(runs);
        page.links.extend(links);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character 5 pt wide at size 10.
    struct Mono;
    impl Measure for Mono {
        fn width(&self, _: Style, size: f32, text: &str) -> f32 {
            text.chars().count() as f32 * size * 0.5
        }
    }

    fn geo() -> Geometry {
        Geometry {
            left: 100.0,
            width: 200.0,
            top_first: 500.0,
            top: 700.0,
            bottom_first: 72.0,
            bottom: 72.0,
            note_size: 8.0,
            note_leading: 10.0,
            note_rule_gap: 14.0,
            note_rule: (-20.0, 50.0),
            note_clearance: 12.0,
        }
    }

    fn para(text: &str) -> Para {
        Para::new(vec![Span::new(text, Style::Regular)], 10.0, 12.0, 200.0)
    }

    fn text_of(page: &Page) -> String {
        let mut s = String::new();
        for r in &page.runs {
            for p in &r.pieces {
                match p {
                    Piece::Text(t) => s.push_str(t),
                    Piece::Space(_) => s.push(' '),
                }
            }
            s.push('|');
        }
        s
    }

    #[test]
    fn justified_lines_end_at_the_right_edge() {
        let text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau";
        let pages = paginate(&Mono, &geo(), &[Block::Para(para(text))], &[], None);
        assert_eq!(pages.len(), 1);
        let runs = &pages[0].runs;
        assert!(runs.len() >= 3);
        for r in &runs[..runs.len() - 1] {
            let mut w = 0.0;
            for p in &r.pieces {
                match p {
                    Piece::Text(t) => w += Mono.width(r.style, r.size, t),
                    Piece::Space(extra) => w += 5.0 + extra,
                }
            }
            assert!((r.x + w - 300.0).abs() < 0.01, "line ends at {}", r.x + w);
        }
    }

    #[test]
    fn chinese_breaks_between_characters_not_before_closing_punctuation() {
        let sentence = "人人生而自由，在尊严和权利上一律平等。";
        let text = sentence.repeat(5);
        let pages = paginate(&Mono, &geo(), &[Block::Para(para(&text))], &[], None);
        let t = text_of(&pages[0]);
        let lines: Vec<&str> = t.split('|').filter(|l| !l.is_empty()).collect();
        assert!(lines.len() >= 3, "{t}");
        assert_eq!(lines.concat(), text, "every character kept, in order");
        // 40 characters fit a line; lines other than the last are filled but for a
        // character held back by the punctuation rule.
        for l in &lines[..lines.len() - 1] {
            let n = l.chars().count();
            assert!((38..=40).contains(&n), "{n}: {l}");
        }
        for l in &lines {
            assert!(!l.starts_with(['，', '。']), "{l}");
        }
    }

    #[test]
    fn overlong_words_are_broken_not_overfull() {
        let long = "x".repeat(100);
        let pages = paginate(&Mono, &geo(), &[Block::Para(para(&long))], &[], None);
        for r in &pages[0].runs {
            let w: f32 = r
                .pieces
                .iter()
                .map(|p| match p {
                    Piece::Text(t) => Mono.width(r.style, r.size, t),
                    Piece::Space(e) => 5.0 + e,
                })
                .sum();
            assert!(r.x + w <= 300.01);
        }
        assert_eq!(text_of(&pages[0]).matches('x').count(), 100);
    }

    #[test]
    fn hyphenation_draws_a_hyphen_and_keeps_every_letter() {
        let text = "internationalization internationalization internationalization";
        let mut p = para(text);
        p.right = 120.0;
        let pages = paginate(
            &Mono,
            &geo(),
            &[Block::Para(p)],
            &[],
            Some(hypher::Lang::English),
        );
        let t = text_of(&pages[0]);
        assert!(t.contains("-|"), "{t}");
        assert_eq!(
            t.replace("-|", "")
                .replace('|', " ")
                .split_whitespace()
                .count(),
            3
        );
    }

    #[test]
    fn no_orphan_and_no_widow() {
        // Fill the page to leave room for exactly one more line, then a 4-line paragraph.
        let g = geo();
        let filler = "word ".repeat(40 * 44);
        let mut blocks = vec![Block::Para(para(&filler))];
        blocks.push(Block::Para(para(&"word ".repeat(40 * 4))));
        let pages = paginate(&Mono, &g, &blocks, &[], None);
        assert!(pages.len() >= 2);
        for page in &pages {
            let ys: Vec<f32> = page.runs.iter().map(|r| r.y).collect();
            assert!(!ys.is_empty());
        }
        // The second paragraph's first line never stands alone at the foot.
        let last_page = pages.last().unwrap();
        assert!(last_page.runs.len() >= 2);
    }

    #[test]
    fn footnotes_go_to_the_foot_of_the_marking_page() {
        let mut p = para("Recalling something");
        p.spans.push(Span {
            text: "1".into(),
            style: Style::Regular,
            mark: Some("1".into()),
            target: Some(Target::Note("1".into())),
        });
        // Notes carry their printed number as a marked label, as the writer builds them.
        let mut note = para("See resolution 49/57.");
        note.label = Some((
            vec![Span {
                text: "1".into(),
                style: Style::Regular,
                mark: Some("1".into()),
                target: None,
            }],
            0.0,
        ));
        let pages = paginate(
            &Mono,
            &geo(),
            &[Block::Para(p)],
            &[("1".into(), note)],
            None,
        );
        assert_eq!(pages.len(), 1);
        let (m, y) = &pages[0].note_anchors[0];
        assert_eq!(m, "1");
        assert!((y - 72.0).abs() < 0.01);
        assert!(pages[0]
            .runs
            .iter()
            .any(|r| r.pieces == vec![Piece::Text(NOTE_RULE.to_string())]));
        assert!(matches!(pages[0].links[0].target, Target::Note(_)));
    }

    #[test]
    fn a_long_note_continues_on_the_next_page() {
        let mut p = para("Mark");
        p.spans.push(Span {
            text: "1".into(),
            style: Style::Regular,
            mark: Some("1".into()),
            target: None,
        });
        let note = para(&"note ".repeat(40 * 60));
        let pages = paginate(
            &Mono,
            &geo(),
            &[Block::Para(p)],
            &[("1".into(), note)],
            None,
        );
        assert!(pages.len() >= 2);
        for page in &pages {
            for r in &page.runs {
                assert!(r.y >= 72.0 - 0.01 && r.y <= 700.0 + 0.01, "{}", r.y);
            }
        }
    }

    #[test]
    fn a_heading_is_never_last_on_a_page() {
        let g = geo();
        let mut blocks = vec![Block::Para(para(&"word ".repeat(40 * 46)))];
        let mut h = para("Heading");
        h.keep_with_next = true;
        blocks.push(Block::Para(h));
        blocks.push(Block::Para(para(&"word ".repeat(40 * 3))));
        let pages = paginate(&Mono, &g, &blocks, &[], None);
        let heading_page = pages
            .iter()
            .position(|p| text_of(p).contains("Heading"))
            .unwrap();
        let page = &pages[heading_page];
        let hy = page
            .runs
            .iter()
            .find(|r| matches!(&r.pieces[0], Piece::Text(t) if t == "Heading"))
            .unwrap()
            .y;
        assert!(page.runs.iter().any(|r| r.y < hy), "heading last on page");
    }
}

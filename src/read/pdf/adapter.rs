//! The one place where the PDF reader meets the shared reader internals: the layout
//! rebuilt from geometry becomes [`Prepared`] and goes through the shared rules of shape.

use std::collections::HashSet;

use super::geometry::{self, Layout, Line};
use crate::model::{Block, Inline, Paragraph, Resolution, Text};
use crate::read::format::Format;
use crate::read::lex::heading::annex_label;
use crate::read::lex::label::joins_without_space;
use crate::read::lex::masthead;
use crate::read::lex::reference::symbol_token;
use crate::read::output::{ReadError, ReadErrorKind, ReadOutput};
use crate::read::prepared::{Note, Para, Prepared};
use crate::read::shape;

/// Reads a PDF file's bytes into the model.
pub fn read(bytes: &[u8]) -> Result<ReadOutput, ReadError> {
    let pages =
        super::pages(bytes).map_err(|e| ReadError::new(ReadErrorKind::Pdf(e.to_string()), 0))?;
    let layout = geometry::layout(&pages);
    let prep = prepare(&layout);
    // The masthead's first line ends with the document's symbol, printed top right: a
    // draft's symbol (A/C.1/80/L.17) too, which the resolution rules do not take.
    let printed = prep
        .masthead
        .first()
        .and_then(|p| p.text.split_whitespace().last())
        .and_then(symbol_token)
        .map(str::to_string);
    let mut out = shape::build(prep, Format::Pdf)?;
    if out.doc.meta.symbol.is_none() {
        out.doc.meta.symbol = printed;
    }
    emphasize(&mut out.doc, &layout);
    Ok(out)
}

/// The layout as the shared rules take it: masthead lines (everything before the
/// adoption line, and the first page's foot), body paragraphs with their marks written
/// `[^n]` where the raised number stood, and the notes.
pub fn prepare(layout: &Layout) -> Prepared {
    let vocab = Words::of(layout);
    let markers: HashSet<&str> = layout.notes.iter().map(|n| n.marker.as_str()).collect();
    let mut prep = Prepared::default();
    let adoption = layout
        .blocks
        .iter()
        .position(|b| masthead::opens_adoption_line(&join(&b.lines, &vocab, &markers)));
    // Without an adoption line (a draft), the masthead is the first page's top: down to
    // the block set out in the left margin (session, committee, agenda item).
    let body_from = adoption.unwrap_or_else(|| draft_masthead_end(layout));
    for b in &layout.blocks[..body_from] {
        for (k, l) in b.lines.iter().enumerate() {
            prep.masthead.push(Para {
                line: b.line + k,
                text: join(std::slice::from_ref(l), &vocab, &markers),
            });
        }
    }
    if body_from > 0 {
        for l in &layout.first_foot {
            prep.masthead.push(Para {
                line: 0,
                text: l.text(),
            });
        }
    }
    for b in &layout.blocks[body_from..] {
        for (line, lines) in annex_apart(b) {
            let text = join(lines, &vocab, &markers);
            if !text.is_empty() {
                prep.body.push(Para { line, text });
            }
        }
    }
    for n in &layout.notes {
        let text = join(&n.lines, &vocab, &HashSet::new());
        if n.marker.is_empty() {
            // Note text without a number before it: it can only belong to the note before.
            if let Some(last) = prep.notes.last_mut() {
                last.text.push(' ');
                last.text.push_str(&text);
            }
            continue;
        }
        prep.notes.push(Note {
            marker: n.marker.clone(),
            text,
            line: n.line,
        });
    }
    prep
}

/// A block's lines, with a line that is an annex's label ("Annex", "Annex II") set
/// apart from the lines before and after it: the print sets the label over the
/// annex's title (both in bold, no wider gap) and can start the annex at a page's top
/// right after the closing lines. Each part with the document line it starts on.
fn annex_apart(b: &geometry::Block) -> Vec<(usize, &[Line])> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (k, l) in b.lines.iter().enumerate() {
        if b.lines.len() > 1 && annex_label(&l.text()) {
            if k > start {
                parts.push((b.line + start, &b.lines[start..k]));
            }
            parts.push((b.line + k, &b.lines[k..=k]));
            start = k + 1;
        }
    }
    if start < b.lines.len() {
        parts.push((b.line + start, &b.lines[start..]));
    }
    parts
}

/// Blocks of the first page's top down to the last one that starts in the left margin,
/// well left of the text's edge; 0 when there is none.
fn draft_masthead_end(layout: &Layout) -> usize {
    let mut counts: std::collections::BTreeMap<i32, usize> = Default::default();
    for l in layout.blocks.iter().flat_map(|b| &b.lines) {
        *counts.entry(l.x0.round() as i32).or_default() += 1;
    }
    let Some(margin) = counts
        .into_iter()
        .max_by_key(|&(_, n)| n)
        .map(|(x, _)| x as f32)
    else {
        return 0;
    };
    layout
        .blocks
        .iter()
        .enumerate()
        .take_while(|(_, b)| b.page == 0)
        .filter(|(_, b)| {
            b.lines
                .first()
                .is_some_and(|l| l.x0 < margin - 30.0 && l.size <= 11.0)
        })
        .last()
        .map_or(0, |(k, _)| k + 1)
}

/// The words of the document, lowercased, and whether its lines are broken inside words
/// (a printer that hyphenates): a line-end hyphen goes only where that is shown.
struct Words {
    set: HashSet<String>,
    /// Some line-end hyphen joins two pieces into a word the document has elsewhere.
    auto: bool,
}

impl Words {
    fn of(layout: &Layout) -> Words {
        let mut set = HashSet::new();
        let lines = || {
            layout
                .blocks
                .iter()
                .map(|b| &b.lines)
                .chain(layout.notes.iter().map(|n| &n.lines))
        };
        for ls in lines() {
            let mut after_hyphen = false;
            for l in ls {
                let text = l.text();
                let words = text.split(|c: char| !c.is_alphanumeric() && c != '-');
                // The piece after a line-end hyphen is no word of its own.
                for w in words.skip(usize::from(after_hyphen)) {
                    if !w.is_empty() && !w.ends_with('-') {
                        // The parts of a compound are words too (nuclear-weapon-free).
                        if w.contains('-') {
                            set.extend(
                                w.split('-')
                                    .filter(|p| !p.is_empty())
                                    .map(str::to_lowercase),
                            );
                        }
                        set.insert(w.to_lowercase());
                    }
                }
                after_hyphen = text.trim_end().ends_with('-');
            }
        }
        let mut words = Words { set, auto: false };
        let breaks: Vec<(String, String)> = lines()
            .flat_map(|ls| ls.windows(2))
            .filter_map(|w| {
                let a = w[0].text();
                let stem = a.trim_end().strip_suffix('-')?;
                let head: String = stem
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphabetic())
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let tail: String = w[1]
                    .text()
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .collect();
                Some((head, tail))
            })
            .collect();
        // A printer that hyphenates shows it: a break that joins into a word of the
        // document, or two breaks into pieces that are no words and that the
        // dictionary would break there.
        words.auto = breaks.iter().any(|(h, t)| words.in_document(h, t))
            || breaks
                .iter()
                .filter(|(h, t)| words.dictionary_break(h, t))
                .count()
                >= 2;
        words
    }

    /// The joined word is a word of the document and the hyphenated one is not.
    fn in_document(&self, head: &str, tail: &str) -> bool {
        !head.is_empty()
            && !tail.is_empty()
            && self.set.contains(&format!("{head}{tail}").to_lowercase())
            && !self.set.contains(&format!("{head}-{tail}").to_lowercase())
    }

    /// Whether the hyphen between `head` and `tail` at a line end is the printer's: the
    /// joined word is a word of the document; or the printer hyphenates, neither piece
    /// is a word of the document and the dictionary breaks the joined word there.
    fn soft_break(&self, head: &str, tail: &str) -> bool {
        if self.in_document(head, tail) {
            return true;
        }
        self.auto && self.dictionary_break(head, tail)
    }

    /// Neither piece (nor the hyphenated word) is a word of the document, the second
    /// starts in lower case, and the dictionary breaks the joined word just there.
    fn dictionary_break(&self, head: &str, tail: &str) -> bool {
        let lower = |s: &str| s.to_lowercase();
        if head.is_empty()
            || tail.is_empty()
            || !tail.starts_with(char::is_lowercase)
            || self.set.contains(&lower(head))
            || self.set.contains(&lower(tail))
            || self.set.contains(&lower(&format!("{head}-{tail}")))
        {
            return false;
        }
        let joined = lower(&format!("{head}{tail}"));
        let mut at = 0;
        // The dictionary of the word's script: Cyrillic is Russian, Latin English.
        let lang = if joined
            .chars()
            .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
        {
            hypher::Lang::Russian
        } else {
            hypher::Lang::English
        };
        hypher::hyphenate(&joined, lang).any(|syl| {
            at += syl.len();
            at == head.len()
        })
    }
}

/// The text of lines joined: raised numbers that name a note become `[^n]`, a
/// line-end hyphen is dropped only where the joined word is a word of the document.
fn join(lines: &[Line], vocab: &Words, markers: &HashSet<&str>) -> String {
    let mut out = String::new();
    for l in lines {
        let mut text = String::new();
        for s in &l.spans {
            let t = s.text.trim();
            if s.raised && markers.contains(t) {
                text.truncate(text.trim_end().len());
                text.push_str("[^");
                text.push_str(t);
                text.push_str("] ");
            } else {
                text.push_str(&s.text);
            }
        }
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        if out.is_empty() {
            out.push_str(text);
            continue;
        }
        if out.ends_with('-') && out[..out.len() - 1].ends_with(char::is_alphabetic) {
            let head_start = out[..out.len() - 1]
                .rfind(|c: char| !c.is_alphanumeric())
                .map_or(0, |k| k + out[k..].chars().next().map_or(1, char::len_utf8));
            let head = &out[head_start..out.len() - 1];
            let tail: String = text.chars().take_while(|c| c.is_alphanumeric()).collect();
            if vocab.soft_break(head, &tail) {
                out.pop();
            }
            out.push_str(text);
            continue;
        }
        if !joins_without_space(&out, text) {
            out.push(' ');
        }
        out.push_str(text);
    }
    out.trim_end().to_string()
}

/// Italic runs of a block: the leading one (at the start, after a number or label) and
/// the others. A block in italics throughout (the formula, the closing lines) has none.
fn italic_runs(lines: &[Line]) -> (Option<String>, Vec<String>) {
    let spans: Vec<&geometry::Span> = lines
        .iter()
        .flat_map(|l| &l.spans)
        .filter(|s| !s.raised)
        .collect();
    let visible = |s: &&&geometry::Span| !s.text.trim().is_empty();
    if spans.iter().filter(visible).all(|s| s.italic) {
        return (None, Vec::new());
    }
    // A number or label before the phrase: short, upright, one word.
    let label = |s: &geometry::Span| {
        let t = s.text.trim();
        !s.italic && t.len() <= 6 && !t.contains(' ')
    };
    let lead_at = match spans.first() {
        Some(s) if s.italic => Some(0),
        Some(s) if label(s) && spans.get(1).is_some_and(|n| n.italic) => Some(1),
        _ => None,
    };
    let mut runs: Vec<(usize, String)> = Vec::new();
    let mut open = false;
    for (k, s) in spans.iter().enumerate() {
        if s.italic {
            match runs.last_mut() {
                Some((_, r)) if open => {
                    r.push(' ');
                    r.push_str(s.text.trim());
                }
                _ => runs.push((k, s.text.trim().to_string())),
            }
            open = true;
        } else {
            open = false;
        }
    }
    let mut lead = None;
    let mut rest = Vec::new();
    for (k, r) in runs {
        let r = r.split_whitespace().collect::<Vec<_>>().join(" ");
        // Punctuation alone in italics is no emphasis.
        if !r.chars().any(char::is_alphanumeric) {
            continue;
        }
        if Some(k) == lead_at {
            lead = Some(r);
        } else {
            rest.push(r);
        }
    }
    (lead, rest)
}

/// Where `needle` stands in `hay`, whitespace ignored on both sides: a run read over a
/// line break ("Seventy- eighth") still finds its text. Byte range in `hay`.
fn find_loose(hay: &str, needle: &str) -> Option<(usize, usize)> {
    let want: Vec<char> = needle.chars().filter(|c| !c.is_whitespace()).collect();
    let first = *want.first()?;
    for (start, c) in hay.char_indices() {
        if c != first {
            continue;
        }
        let mut k = 0;
        for (i, h) in hay[start..].char_indices() {
            if h.is_whitespace() {
                continue;
            }
            if want.get(k) != Some(&h) {
                break;
            }
            k += 1;
            if k == want.len() {
                return Some((start, start + i + h.len_utf8()));
            }
        }
    }
    None
}

/// The PDF's italics in the model: each paragraph's leading phrase is its italic run,
/// and the other italic runs become [`Inline::Emphasis`], in order.
fn emphasize(doc: &mut Resolution, layout: &Layout) {
    let mut leads: Vec<String> = Vec::new();
    let mut runs: Vec<String> = Vec::new();
    for b in &layout.blocks {
        let (lead, rest) = italic_runs(&b.lines);
        leads.extend(lead);
        runs.extend(rest);
    }
    let mut note_runs: Vec<String> = Vec::new();
    for n in &layout.notes {
        note_runs.extend(italic_runs(&n.lines).1);
        if let (Some(l), _) = italic_runs(&n.lines) {
            note_runs.push(l);
        }
    }
    let mut m = Marker {
        leads,
        runs,
        next_lead: 0,
    };
    for blocks in [&mut doc.preamble, &mut doc.body] {
        m.blocks(blocks);
    }
    for a in &mut doc.annexes {
        m.blocks(&mut a.blocks);
    }
    let mut m = Marker {
        leads: Vec::new(),
        runs: note_runs,
        next_lead: 0,
    };
    for f in &mut doc.footnotes {
        m.text(&mut f.text);
    }
}

struct Marker {
    leads: Vec<String>,
    runs: Vec<String>,
    next_lead: usize,
}

impl Marker {
    fn blocks(&mut self, blocks: &mut [Block]) {
        for b in blocks {
            match b {
                Block::Paragraph(p) => self.paragraph(p),
                Block::Section(s) => self.blocks(&mut s.children),
            }
        }
    }

    fn paragraph(&mut self, p: &mut Paragraph) {
        if let Some(first) = p.content.first_mut() {
            self.lead(first);
        }
        for t in &mut p.content {
            self.text(t);
        }
        for s in &mut p.subparagraphs {
            self.paragraph(s);
        }
        for t in &mut p.wrap_up {
            self.text(t);
        }
    }

    /// Sets the leading phrase to the italic run the paragraph opens with, if one of the
    /// next few leading runs is the start of its text.
    fn lead(&mut self, t: &mut Text) {
        let head: String =
            t.0.iter()
                .take_while(|i| matches!(i, Inline::Phrase { .. } | Inline::Text { .. }))
                .map(Inline::text)
                .collect();
        let Some(k) = (self.next_lead..self.leads.len().min(self.next_lead + 4))
            .find(|&k| find_loose(&head, &self.leads[k]).is_some_and(|(s, _)| s == 0))
        else {
            return;
        };
        self.next_lead = k + 1;
        let Some((_, end)) = find_loose(&head, &self.leads[k]) else {
            return;
        };
        let n =
            t.0.iter()
                .take_while(|i| matches!(i, Inline::Phrase { .. } | Inline::Text { .. }))
                .count();
        let rest = head[end..].to_string();
        let mut new = vec![Inline::Phrase {
            text: head[..end].to_string(),
        }];
        if !rest.is_empty() {
            new.push(Inline::Text { text: rest });
        }
        t.0.splice(..n, new);
    }

    /// Splits the next italic runs out of the plain text of `t`, in order. When one of
    /// the next few runs is found first, the runs before it are given up (they stood in
    /// a reference or a date, or the shared rules moved them).
    fn text(&mut self, t: &mut Text) {
        let mut i = 0;
        while i < t.0.len() && !self.runs.is_empty() {
            let Inline::Text { text } = &t.0[i] else {
                i += 1;
                continue;
            };
            let hit = (0..self.runs.len().min(4))
                .find_map(|j| find_loose(text, &self.runs[j]).map(|r| (j, r)));
            let Some((j, (s, e))) = hit else {
                i += 1;
                continue;
            };
            let (before, mid, after) = (
                text[..s].to_string(),
                text[s..e].to_string(),
                text[e..].to_string(),
            );
            let mut new = Vec::new();
            if !before.is_empty() {
                new.push(Inline::Text { text: before });
            }
            new.push(Inline::Emphasis { text: mid });
            let rest = !after.is_empty();
            if rest {
                new.push(Inline::Text { text: after });
            }
            let len = new.len();
            t.0.splice(i..=i, new);
            self.runs.drain(..=j);
            // Go on in the text after the run.
            i += if rest { len - 1 } else { len };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geometry::Span;

    fn span(text: &str, italic: bool) -> Span {
        Span {
            text: text.into(),
            x0: 0.0,
            x1: 0.0,
            size: 10.0,
            italic,
            bold: false,
            raised: false,
        }
    }

    fn line(spans: Vec<Span>) -> Line {
        Line {
            page: 0,
            y: 0.0,
            x0: 0.0,
            x1: 0.0,
            size: 10.0,
            spans,
        }
    }

    /// An annex label alone on its line is a part of its own, between the lines before
    /// it (a date at a page break) and its title after it.
    #[test]
    fn an_annex_label_stands_apart() {
        let b = geometry::Block {
            line: 10,
            page: 0,
            lines: vec![
                line(vec![span("22 December 2023", false)]),
                line(vec![span("Annex II", false)]),
                line(vec![span("Staffing table", false)]),
                line(vec![span("for 2026", false)]),
            ],
        };
        let parts: Vec<(usize, usize)> = annex_apart(&b)
            .iter()
            .map(|(no, ls)| (*no, ls.len()))
            .collect();
        assert_eq!(parts, vec![(10, 1), (11, 1), (12, 2)]);
        // A label alone is the whole block; a line that names an annex in a sentence is none.
        let alone = geometry::Block {
            line: 3,
            page: 0,
            lines: vec![line(vec![span("Annex", false)])],
        };
        assert_eq!(annex_apart(&alone).len(), 1);
        let text = geometry::Block {
            line: 3,
            page: 0,
            lines: vec![
                line(vec![span("as set out in the", false)]),
                line(vec![span("annex to the present resolution;", false)]),
            ],
        };
        assert_eq!(annex_apart(&text).len(), 1);
    }

    #[test]
    fn runs_over_a_line_break_are_found_without_their_spaces() {
        let hay = "see Official Records of the General Assembly, Seventy-eighth Session";
        let (s, e) = find_loose(
            hay,
            "Official Records of the General Assembly, Seventy- eighth",
        )
        .unwrap();
        assert_eq!(
            &hay[s..e],
            "Official Records of the General Assembly, Seventy-eighth"
        );
        assert_eq!(find_loose("abc", "abd"), None);
        assert_eq!(find_loose("abc", ""), None);
    }

    #[test]
    fn the_leading_run_follows_a_number_and_other_runs_are_kept() {
        let lines = [
            line(vec![
                span("2. ", false),
                span("Reiterates its call ", true),
                span("upon all, ", false),
            ]),
            line(vec![span("see ", false), span("Treaty ", true)]),
            line(vec![span("Series", true), span(", vol. 1.", false)]),
        ];
        let (lead, rest) = italic_runs(&lines);
        assert_eq!(lead.as_deref(), Some("Reiterates its call"));
        assert_eq!(rest, vec!["Treaty Series".to_string()]);
        // A block in italics throughout (the formula) has no runs.
        let formula = [line(vec![
            span("The General Assembly", true),
            span(",", true),
        ])];
        assert_eq!(italic_runs(&formula), (None, Vec::new()));
    }

    #[test]
    fn emphasis_splits_plain_text_only() {
        let mut m = Marker {
            leads: vec!["Once again urges".into()],
            runs: vec!["proprio motu".into()],
            next_lead: 0,
        };
        let mut t = Text(vec![
            Inline::Phrase {
                text: "Once".into(),
            },
            Inline::Text {
                text: " again urges States to act proprio motu now".into(),
            },
        ]);
        m.lead(&mut t);
        m.text(&mut t);
        assert_eq!(
            t.0,
            vec![
                Inline::Phrase {
                    text: "Once again urges".into()
                },
                Inline::Text {
                    text: " States to act ".into()
                },
                Inline::Emphasis {
                    text: "proprio motu".into()
                },
                Inline::Text {
                    text: " now".into()
                },
            ]
        );
    }
}
#[cfg(test)]
mod hyphen_tests {
    use super::*;

    #[test]
    fn printer_breaks_are_undone_only_where_shown() {
        let set: HashSet<String> = ["twenty", "first", "capacity", "measures"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let w = Words { set, auto: true };
        let syl: Vec<&str> = hypher::hyphenate("encourage", hypher::Lang::English).collect();
        assert!(w.dictionary_break("en", "courage"), "{syl:?}");
        assert!(w.soft_break("en", "courage"));
        assert!(!w.soft_break("twenty", "first"));
        assert!(!w.soft_break("capacity", "building"));
        let plain = Words {
            set: HashSet::new(),
            auto: false,
        };
        assert!(!plain.soft_break("en", "courage"));
    }

    fn line(spans: &[(&str, bool)]) -> Line {
        Line {
            page: 0,
            y: 0.0,
            x0: 0.0,
            x1: 0.0,
            size: 10.0,
            spans: spans
                .iter()
                .map(|&(text, raised)| geometry::Span {
                    text: text.into(),
                    x0: 0.0,
                    x1: 0.0,
                    size: if raised { 6.0 } else { 10.0 },
                    italic: false,
                    bold: false,
                    raised,
                })
                .collect(),
        }
    }

    /// Lines joined: a printer's break undone where the document has the word, a real
    /// hyphen at a line's end and a non-breaking one (U+2011) kept, a raised number that names a note
    /// written `[^n]` at its very place, one that does not left as text.
    #[test]
    fn lines_join_with_their_hyphens_and_marks() {
        let set: HashSet<String> = ["implementation", "capacity", "building"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let w = Words { set, auto: true };
        let markers: HashSet<&str> = ["1"].into_iter().collect();
        let lines = [
            line(&[("the implemen-", false)]),
            line(&[("tation of capacity-", false)]),
            line(&[("building in the Non\u{2011}Self-", false)]),
            line(&[("Governing Territories,", false), ("1", true)]),
            line(&[(" and", false), ("2", true)]),
        ];
        assert_eq!(
            join(&lines, &w, &markers),
            "the implementation of capacity-building in the Non\u{2011}Self-Governing Territories,[^1] and2"
        );
    }
}

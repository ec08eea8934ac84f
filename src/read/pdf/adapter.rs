//! The one place where the PDF reader meets the shared reader internals: the layout
//! rebuilt from geometry becomes [`Prepared`] and goes through the shared rules of shape.

use std::collections::HashSet;

use super::geometry::{self, Layout, Line};
use crate::read::masthead;
use crate::read::structure::{self, Note, Para, Prepared};
use crate::read::{Format, ReadError, ReadOutput};

/// Reads a PDF file's bytes into the model.
pub fn read(bytes: &[u8]) -> Result<ReadOutput, ReadError> {
    let pages = super::pages(bytes).map_err(|e| ReadError {
        line: 0,
        message: e.to_string(),
    })?;
    let layout = geometry::layout(&pages);
    structure::build(prepare(&layout), Format::Pdf)
}

/// The layout as the shared rules take it: masthead lines (everything before the
/// adoption line, and the first page's foot), body paragraphs with their marks written
/// `[^n]` where the raised number stood, and the notes.
pub fn prepare(layout: &Layout) -> Prepared {
    let vocab = vocabulary(layout);
    let markers: HashSet<&str> = layout.notes.iter().map(|n| n.marker.as_str()).collect();
    let mut prep = Prepared::default();
    let adoption = layout
        .blocks
        .iter()
        .position(|b| masthead::opens_adoption_line(&join(&b.lines, &vocab, &markers)));
    let body_from = adoption.unwrap_or(0);
    for b in &layout.blocks[..body_from] {
        for (k, l) in b.lines.iter().enumerate() {
            prep.masthead.push(Para {
                line: b.line + k,
                text: join(std::slice::from_ref(l), &vocab, &markers),
            });
        }
    }
    if adoption.is_some() {
        for l in &layout.first_foot {
            prep.masthead.push(Para {
                line: 0,
                text: l.text(),
            });
        }
    }
    for b in &layout.blocks[body_from..] {
        let text = join(&b.lines, &vocab, &markers);
        if !text.is_empty() {
            prep.body.push(Para { line: b.line, text });
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

/// Every word of the document, lowercased: a line-end hyphen goes only where the
/// joined word is one of them.
fn vocabulary(layout: &Layout) -> HashSet<String> {
    let mut out = HashSet::new();
    let lines = layout
        .blocks
        .iter()
        .flat_map(|b| &b.lines)
        .chain(layout.notes.iter().flat_map(|n| &n.lines));
    for l in lines {
        for w in l.text().split(|c: char| !c.is_alphanumeric() && c != '-') {
            if !w.is_empty() && !w.ends_with('-') {
                out.insert(w.to_lowercase());
            }
        }
    }
    out
}

/// The text of lines joined: raised numbers that name a note become `[^n]`, a
/// line-end hyphen is dropped only where the joined word is a word of the document.
fn join(lines: &[Line], vocab: &HashSet<String>, markers: &HashSet<&str>) -> String {
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
            let joined = format!("{head}{tail}").to_lowercase();
            let hyphenated = format!("{head}-{tail}").to_lowercase();
            if !tail.is_empty() && vocab.contains(&joined) && !vocab.contains(&hyphenated) {
                out.pop();
            }
            out.push_str(text);
            continue;
        }
        if !structure::joins_without_space(&out, text) {
            out.push(' ');
        }
        out.push_str(text);
    }
    out.trim_end().to_string()
}

//! Footnote marks placed through the document against the notes found.

use super::unprinted::{Unprinted, UnprintedMarks};
use crate::diag::{Diagnostic, Kind};
use crate::lang;
use crate::lang::en;
use crate::lang::is_one_of;
use crate::model::Text;
use crate::read::lex::date::month_number;
use crate::read::lex::mark::{mark_candidates, MarkCandidate, Strength};
use crate::read::lex::reference::{build_text, Piece};
use crate::read::lex::text::{lower_position, words};
use crate::read::prepared::Note;
use std::borrow::Cow;
use std::iter::Peekable;

/// Places footnote marks through the document, in order, against the notes found.
pub(crate) struct MarkPlacer {
    /// Note numbers that exist.
    pub(crate) known: Vec<u32>,
    /// Next note number expected to be marked for the first time.
    pub(crate) expected_idx: usize,
    pub(crate) marked: Vec<u32>,
    pub(crate) diags: Vec<Diagnostic>,
    /// The input line of the paragraph being read, for messages.
    pub(crate) line: usize,
    /// Marks whose notes the text does not print, found over the whole document.
    pub(crate) unprinted: UnprintedMarks,
}

impl MarkPlacer {
    pub(crate) fn new(notes: &[Note], _diags: &mut [Diagnostic]) -> Self {
        let mut known: Vec<u32> = notes.iter().filter_map(|n| n.marker.parse().ok()).collect();
        known.sort_unstable();
        known.dedup();
        MarkPlacer {
            known,
            expected_idx: 0,
            marked: Vec::new(),
            diags: Vec::new(),
            line: 0,
            unprinted: UnprintedMarks::default(),
        }
    }

    pub(crate) fn accept(&self, c: &MarkCandidate, s: &str) -> bool {
        let expected = self.known.get(self.expected_idx).copied();
        if c.strength == Strength::Explicit {
            // Glued to one or two capitals and out of turn, it was a name with a number.
            let token = s[..c.start]
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("");
            let name = !token.is_empty()
                && token.len() <= 2
                && token.chars().all(|ch| ch.is_ascii_uppercase());
            return !(name && expected != Some(c.value));
        }
        let is_next = expected == Some(c.value);
        // A mark set apart by a space ("Court, 1") is weaker: it may not skip a note.
        let spaced = s[c.start..].starts_with(char::is_whitespace);
        let is_skip = !spaced
            && (self.known.get(self.expected_idx + 1) == Some(&c.value)
                || self.known.get(self.expected_idx + 2) == Some(&c.value));
        let is_repeat = self.marked.contains(&c.value);
        if !(is_next || is_repeat || is_skip) {
            return false;
        }
        let prev_word = s[..c.start]
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("");
        let next_word = words(&s[c.end..]).next().unwrap_or("");
        let next_clean = next_word.trim_end_matches([',', '.', ';', ':']);
        if month_number(next_clean).is_some()
            || (is_one_of(next_clean, en::QUANTITY_WORDS)
                && c.strength == Strength::Spaced
                && !is_next)
            || next_word.starts_with('(') && c.strength == Strength::Spaced
            || (spaced && next_word.starts_with(|ch: char| ch.is_ascii_digit()))
        {
            return false;
        }
        match c.strength {
            Strength::Explicit => true,
            Strength::Glued | Strength::Year => {
                is_next || (is_repeat && c.strength == Strength::Glued) || is_skip
            }
            Strength::Punct => is_next || is_repeat || is_skip,
            Strength::Spaced => {
                // Not lowercased: a lowercase copy is a number or empty exactly when the word is.
                let pw =
                    prev_word.trim_matches(|ch: char| matches!(ch, '“' | '”' | '"' | '(' | ')'));
                // After a number only a year takes a mark ("of 1990 3").
                let year =
                    pw.len() == 4 && pw.parse::<u32>().is_ok_and(|y| (1900..=2099).contains(&y));
                if lower_position(pw, lang::en::NOT_BEFORE_MARK.iter().copied()).is_some()
                    || (pw.chars().all(|ch| ch.is_ascii_digit()) && !(year && is_next))
                    || pw.is_empty()
                {
                    return false;
                }
                // A repeated note after a space: only after a capitalised name ("Goals 2").
                is_next || (is_repeat && prev_word.chars().next().is_some_and(char::is_uppercase))
            }
        }
    }

    /// Splits the marks out of `s` and builds its inline text.
    pub(crate) fn text(&mut self, s: &str, phrase: bool, english: bool) -> Text {
        let mut pieces = Vec::new();
        let mut pos = 0;
        let mut unprinted = self.unprinted.take(s).into_iter().peekable();
        if !self.known.is_empty() || s.contains("[^") {
            for c in mark_candidates(s) {
                flush(s, c.start, &mut pos, &mut pieces, &mut unprinted);
                if c.start < pos {
                    continue;
                }
                if !self.accept(&c, s) {
                    // A `[^n]` the extraction made of a name ("P[^5]" for "P5") is text again.
                    if c.strength == Strength::Explicit {
                        pieces.push(Piece::Text(Cow::Owned(format!(
                            "{}{}",
                            &s[pos..c.start],
                            c.value
                        ))));
                        pos = c.end;
                    }
                    continue;
                }
                let t = &s[pos..c.start];
                if !t.is_empty() {
                    pieces.push(Piece::Text(Cow::Borrowed(t)));
                }
                if !self.known.contains(&c.value) {
                    self.diags.push(Diagnostic::warn(
                        Kind::UnmatchedNote,
                        self.line,
                        format!("footnote mark {} has no note in the text", c.value),
                    ));
                }
                pieces.push(Piece::Mark(c.value.to_string()));
                if self.known.get(self.expected_idx) == Some(&c.value) {
                    self.expected_idx += 1;
                } else if let Some(k) = self
                    .known
                    .get(self.expected_idx..)
                    .and_then(|rest| rest.iter().position(|&n| n == c.value))
                {
                    // Notes before it were never marked: go on after it.
                    self.expected_idx += k + 1;
                }
                if !self.marked.contains(&c.value) {
                    self.marked.push(c.value);
                }
                pos = c.end;
            }
        }
        flush(s, s.len() + 1, &mut pos, &mut pieces, &mut unprinted);
        let rest = &s[pos..];
        if !rest.is_empty() {
            pieces.push(Piece::Text(Cow::Borrowed(rest)));
        }
        // Trim: a mark at the end leaves the text before it untouched; trailing spaces go.
        if let Some(Piece::Text(t)) = pieces.last_mut() {
            match t {
                Cow::Borrowed(b) => *b = b.trim_end(),
                Cow::Owned(o) => o.truncate(o.trim_end().len()),
            }
            if t.is_empty() {
                pieces.pop();
            }
        }
        if let Some(Piece::Text(t)) = pieces.first_mut() {
            match t {
                Cow::Borrowed(b) => *b = b.trim_start(),
                Cow::Owned(o) => {
                    let lead = o.len() - o.trim_start().len();
                    o.drain(..lead);
                }
            }
        }
        build_text(&pieces, phrase, english)
    }

    pub(crate) fn report_unmarked(&mut self, diags: &mut Vec<Diagnostic>) {
        diags.append(&mut self.diags);
        for n in &self.known {
            if !self.marked.contains(n) {
                diags.push(Diagnostic::warn(
                    Kind::UnmatchedNote,
                    0,
                    format!("footnote {n} has no mark in the text"),
                ));
            }
        }
    }
}

/// Places each mark whose note is not printed here that starts before `to`, with the
/// text before it.
fn flush<'s>(
    s: &'s str,
    to: usize,
    pos: &mut usize,
    pieces: &mut Vec<Piece<'s>>,
    unprinted: &mut Peekable<std::vec::IntoIter<Unprinted>>,
) {
    while let Some(u) = unprinted.next_if(|u| u.start < to) {
        if u.start < *pos {
            continue;
        }
        if let Some(t) = s.get(*pos..u.start).filter(|t| !t.is_empty()) {
            pieces.push(Piece::Text(Cow::Borrowed(t)));
        }
        pieces.push(Piece::Unprinted(u.marker));
        *pos = u.end;
    }
}

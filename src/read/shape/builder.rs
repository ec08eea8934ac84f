//! The document's zones in order: preface, formula, preamble, operative part,
//! closing lines, annexes.

use super::notes::MarkPlacer;
use super::paragraph::sub_label_full;
use super::paragraph::to_blocks;
use super::raw::{Item, Raw, RawAnnex, Zone};
use super::unprinted::{item_texts, UnprintedMarks};
use crate::diag::{Diagnostic, Kind};
use crate::model::{
    Annex, Closing, DateText, DocKind, Footnote, Formula, Meta, Organ, Resolution, Text,
};
use crate::read::lex::council::{vote_line, vote_line_start};
use crate::read::lex::date::month_number;
use crate::read::lex::draft::Submission;
use crate::read::lex::heading::is_separator;
use crate::read::lex::label::operative_number;
use crate::read::lex::meeting::{meeting_kind, meeting_number};
use crate::read::lex::ocr::damaged_number;
use crate::read::lex::reference::{build_text, Piece};
use crate::read::lex::text::words;
use crate::read::output::ReadError;
use crate::read::prepared::{Note, Para};
use std::borrow::Cow;

/// The zones of the document as they are read.
#[derive(Default)]
pub(crate) struct Builder {
    pub(crate) notes: Vec<Note>,
    pub(crate) zone_started: bool,
    pub(crate) title: Option<String>,
    pub(crate) number: Option<String>,
    pub(crate) formula: Option<String>,
    pub(crate) formula_lead: Option<String>,
    pub(crate) proclamation: Option<String>,
    pub(crate) formula_after: bool,
    pub(crate) preamble: Vec<Item>,
    pub(crate) body: Vec<Item>,
    pub(crate) annexes: Vec<RawAnnex>,
    pub(crate) meeting: Option<String>,
    pub(crate) meeting_date: Option<DateText>,
    pub(crate) vote: Option<String>,
    /// Footnote marks printed after the vote line.
    pub(crate) vote_marks: Vec<String>,
    pub(crate) doc_title: Option<String>,
    /// The title as printed on the number line, before any continuation: running heads repeat it.
    pub(crate) title_line: Option<String>,
    /// Paragraphs are never continuations of the one before (one-per-line input).
    pub(crate) separate: bool,
    /// A draft's submission line, as printed and as recognised.
    pub(crate) submission: Option<(String, Submission)>,
    /// The text is a decision (its adoption line, or a text opening with the organ).
    pub(crate) decision: bool,
    /// The decision's text runs on from the organ's name: it has no leading phrase.
    pub(crate) running_text: bool,
}

/// Where the reading of the body stands: the next paragraph, the zone, the next
/// footnote number due, and whether the operative part is in an article.
pub(crate) struct Cursor {
    pub(crate) i: usize,
    pub(crate) zone: Zone,
    pub(crate) next_note: u32,
    pub(crate) in_article: bool,
}

impl Builder {
    /// Reads the body paragraphs in order, each by the rules of the zone it is in
    /// (see the `preface`, `preamble`, `operative` and `closing` modules).
    pub(crate) fn run(
        &mut self,
        body: &[Para],
        meta: &mut Meta,
        diags: &mut Vec<Diagnostic>,
    ) -> Result<(), ReadError> {
        let mut cur = Cursor {
            i: 0,
            zone: Zone::Preface,
            next_note: 1,
            in_article: false,
        };
        let mut note_numbers: Vec<u32> = self
            .notes
            .iter()
            .filter_map(|n| n.marker.parse().ok())
            .collect();
        note_numbers.sort_unstable();
        if let Some(&max) = note_numbers.last() {
            cur.next_note = max + 1;
        }
        while let Some(p) = body.get(cur.i) {
            let text = p.text.trim();
            cur.i += 1;
            // A line of asterisks between parts of the text is an ornament, no paragraph.
            if text.is_empty() || is_separator(text) {
                continue;
            }
            // A footnote left in the body as "N text" (its number is the next one due).
            if let Some((n, rest)) = split_note(text) {
                if n == cur.next_note && cur.zone != Zone::Preface && !rest.is_empty() {
                    self.notes.push(Note {
                        marker: n.to_string(),
                        text: rest.to_string(),
                        line: p.line,
                    });
                    cur.next_note += 1;
                    continue;
                }
            }
            // A running head repeating the title line, left in the body by the extraction.
            if cur.zone != Zone::Preface
                && cur.zone != Zone::Closing
                && self.title_line.as_deref() == Some(text)
            {
                continue;
            }
            if self.decision_item(&mut cur, p, text) {
                continue;
            }
            // The Council's vote line ends its text: "Adopted unanimously at the 83rd
            // meeting.", on its own or joined to the paragraph before it.
            let mut vote = None;
            let mut text = text;
            if meta.organ == Organ::SecurityCouncil
                && matches!(cur.zone, Zone::Preamble | Zone::Body | Zone::Annex)
            {
                if let Some(v) = vote_line(text) {
                    vote = Some(v);
                    text = "";
                } else if let Some(k) = vote_line_start(text) {
                    vote = vote_line(&text[k..]);
                    text = text[..k].trim_end();
                }
            }
            // A paragraph number damaged by OCR ("14,", "ll."): read as the number due.
            let repaired;
            if matches!(cur.zone, Zone::Preamble | Zone::Body) && operative_number(text).is_none() {
                let expected = match cur.zone {
                    Zone::Body => self.last_number().map_or(1, |n| n + 1),
                    _ => 1,
                };
                if let Some(rest) = damaged_number(text, expected) {
                    diags.push(Diagnostic::warn(
                        Kind::InferredLabel,
                        p.line,
                        format!("paragraph number damaged in the text, read as {expected}."),
                    ));
                    repaired = format!("{expected}. {rest}");
                    text = &repaired;
                }
            }
            if let Some(v) = vote {
                if !text.is_empty() {
                    self.zone(&mut cur, p, text, body, meta, diags);
                }
                self.meeting.get_or_insert(v.meeting);
                if self.meeting_date.is_none() {
                    self.meeting_date = meta.adopted.clone();
                }
                self.vote = Some(v.text);
                self.vote_marks = v.marks;
                cur.zone = Zone::Closing;
                if !v.rest.is_empty() {
                    self.closing(&mut cur, p, &v.rest, body, diags);
                }
                continue;
            }
            if self.zone(&mut cur, p, text, body, meta, diags) {
                continue;
            }
            self.zone_started = cur.zone != Zone::Preface;
        }
        // A footnote text left in the body can end up as the last line of the previous paragraph's text:
        // nothing more to do here; marks are placed in `finish`.
        Ok(())
    }

    /// The number of the last numbered operative paragraph so far.
    fn last_number(&self) -> Option<u32> {
        self.body.iter().rev().find_map(|i| match i {
            Item::Para(r) => r.num.as_deref()?.trim_end_matches('.').parse().ok(),
            Item::Heading { .. } => None,
        })
    }

    /// Reads one paragraph by the rules of the zone it is in. Returns whether it was taken.
    fn zone(
        &mut self,
        cur: &mut Cursor,
        p: &Para,
        text: &str,
        body: &[Para],
        meta: &mut Meta,
        diags: &mut Vec<Diagnostic>,
    ) -> bool {
        match cur.zone {
            Zone::Preface => self.preface(cur, p, text, body, meta, diags),
            Zone::Preamble => self.preamble(cur, p, text, body, meta),
            Zone::Body | Zone::Annex => self.operative(cur, p, text, body, diags),
            Zone::Closing => self.closing(cur, p, text, body, diags),
        }
    }

    /// Whether the document is a decision, adopted or draft.
    pub(crate) fn is_decision(&self) -> bool {
        self.decision
            || self
                .submission
                .as_ref()
                .is_some_and(|(_, s)| s.kind == DocKind::DraftDecision)
    }

    /// A decision's lettered item ("(a) Expresses its gratitude …"): an item of the
    /// decision itself, not a sub-paragraph of the recital before it. Only the next
    /// letter is one: "(i)" under "(h)", but not under "(a)".
    fn decision_item(&mut self, cur: &mut Cursor, p: &Para, text: &str) -> bool {
        if !self.is_decision() || !matches!(cur.zone, Zone::Preamble | Zone::Body) {
            return false;
        }
        let Some((num, rest)) = sub_label_full(text) else {
            return false;
        };
        let letter = |n: &str| {
            let bare = n.trim_matches(['(', ')']);
            let mut cs = bare.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) if c.is_ascii_lowercase() => Some(c as u8),
                _ => None,
            }
        };
        let Some(this) = letter(&num) else {
            return false;
        };
        let last = self.body.iter().rev().find_map(|i| match i {
            Item::Para(r) => Some(r.num.as_deref().and_then(letter)),
            Item::Heading { .. } => None,
        });
        let next = match last {
            None => this == b'a',
            Some(Some(l)) => this == l + 1,
            Some(None) => false,
        };
        if !next {
            return false;
        }
        cur.zone = Zone::Body;
        self.body.push(Item::Para(Raw {
            line: p.line,
            num: Some(num),
            content: vec![rest],
            ..Raw::default()
        }));
        true
    }

    pub(crate) fn finish(
        mut self,
        mut meta: Meta,
        diags: &mut Vec<Diagnostic>,
    ) -> Result<Resolution, ReadError> {
        let english = meta.language.is_empty() || meta.language == "en";
        if meta.number.is_none() {
            meta.number = self.number.clone();
        }
        // The Council's resolution was adopted at its meeting: the closing's date is the
        // adoption date, printed in the heading or the adoption line.
        if meta.organ == Organ::SecurityCouncil && self.meeting_date.is_none() {
            self.meeting_date = meta.adopted.clone();
        }
        if meta.title.is_none() {
            meta.title = self.title.clone().or(self.doc_title.clone());
        }
        let mut marks = MarkPlacer::new(&self.notes, diags);
        let mut texts = Vec::new();
        item_texts(&self.preamble, &mut texts);
        item_texts(&self.body, &mut texts);
        for a in &self.annexes {
            item_texts(&a.items, &mut texts);
        }
        marks.unprinted = UnprintedMarks::find(&texts, &marks.known);
        let preamble = to_blocks(self.preamble, &mut marks, english, true);
        let body = to_blocks(self.body, &mut marks, english, !self.running_text);
        let annexes: Vec<Annex> = self
            .annexes
            .into_iter()
            .map(|a| Annex {
                label: a.label,
                title: a.title.map(Text::plain),
                blocks: to_blocks(a.items, &mut marks, english, false),
                eid: String::new(),
            })
            .collect();
        // Marks after the Council's vote line point to their notes too.
        marks
            .marked
            .extend(self.vote_marks.iter().filter_map(|m| m.parse::<u32>().ok()));
        marks.report_unmarked(diags);
        let footnotes = self
            .notes
            .iter()
            .map(|n| Footnote {
                marker: n.marker.clone(),
                text: build_text(&[Piece::Text(Cow::Borrowed(&n.text))], false, english),
            })
            .collect();
        let formula = self.formula.map(|f| Formula {
            lead: self.formula_lead.map(Text::plain),
            text: Text::plain(f),
            proclamation: self
                .proclamation
                .map(|p| build_text(&[Piece::Text(Cow::Owned(p))], true, english)),
            after_preamble: self.formula_after,
        });
        let closing = (self.meeting.is_some() || self.meeting_date.is_some()).then(|| Closing {
            meeting_number: self.meeting.as_deref().and_then(meeting_number),
            meeting_kind: self.meeting.as_deref().map(meeting_kind),
            meeting: self.meeting,
            date: self.meeting_date,
            vote: self.vote,
            vote_notes: self.vote_marks,
        });
        Ok(Resolution {
            meta,
            formula,
            preamble,
            body,
            closing,
            annexes,
            footnotes,
        })
    }
}

pub(crate) fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    out
}

/// "1 See resolution 70/1." → (1, "See resolution 70/1.").
pub(crate) fn split_note(s: &str) -> Option<(u32, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &s[digits..];
    if !rest.starts_with([' ', '\t', '\u{a0}']) {
        return None;
    }
    let rest = rest.trim_start();
    // A note text starts with a capital, a symbol or a quote; "1 December 2025" is a date, not a note.
    let first_word = words(rest).next().unwrap_or("");
    if month_number(first_word.trim_end_matches([',', '.'])).is_some() {
        return None;
    }
    // Or a letter of a script without capitals (Chinese, Arabic).
    let opens = |c: char| {
        c.is_uppercase()
            || c == '“'
            || c == '"'
            || c.is_ascii_digit()
            || (c.is_alphabetic() && !c.is_lowercase())
    };
    if !rest.chars().next().is_some_and(opens) {
        return None;
    }
    Some((s[..digits].parse().ok()?, rest))
}

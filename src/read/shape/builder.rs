//! The document's zones in order: preface, formula, preamble, operative part,
//! closing lines, annexes.

use super::masthead::{read_adoption_line, read_origin};
use super::notes::MarkPlacer;
use super::paragraph::{
    append_continuation, body_para, last_text_of, push_sub, sub_label_full, to_blocks,
};
use super::raw::{Item, Raw, RawAnnex, Zone};
use crate::diag::{Diagnostic, Kind};
use crate::model::{Annex, Closing, DateText, Footnote, Formula, Meta, Organ, Resolution, Text};
use crate::read::lex::date::{month_number, parse_date};
use crate::read::lex::heading::{
    annex_label, article_heading, heading_num, looks_like_heading, starts_lower, text_ended,
};
use crate::read::lex::label::{is_han, number_title, operative_number};
use crate::read::lex::masthead::{adoption_has_date, is_adoption_line};
use crate::read::lex::meeting::{meeting_kind, meeting_line, meeting_number};
use crate::read::lex::opener::{opener, preamble_opener};
use crate::read::lex::organ::formula_organ;
use crate::read::lex::reference::{build_text, Piece};
use crate::read::lex::text::{lower_eq, lowercase, words};
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
    pub(crate) doc_title: Option<String>,
    /// The title as printed on the number line, before any continuation: running heads repeat it.
    pub(crate) title_line: Option<String>,
    /// Paragraphs are never continuations of the one before (one-per-line input).
    pub(crate) separate: bool,
}

impl Builder {
    pub(crate) fn run(
        &mut self,
        body: &[Para],
        meta: &mut Meta,
        diags: &mut Vec<Diagnostic>,
    ) -> Result<(), ReadError> {
        let mut zone = Zone::Preface;
        let mut i = 0;
        let mut next_note: u32 = 1;
        let mut note_numbers: Vec<u32> = self
            .notes
            .iter()
            .filter_map(|n| n.marker.parse().ok())
            .collect();
        note_numbers.sort_unstable();
        if let Some(&max) = note_numbers.last() {
            next_note = max + 1;
        }
        let mut in_article = false;
        while i < body.len() {
            let p = &body[i];
            let text = p.text.trim();
            i += 1;
            if text.is_empty() {
                continue;
            }
            // A footnote left in the body as "N text" (its number is the next one due).
            if let Some((n, rest)) = split_note(text) {
                if n == next_note && zone != Zone::Preface && !rest.is_empty() {
                    self.notes.push(Note {
                        marker: n.to_string(),
                        text: rest.to_string(),
                        line: p.line,
                    });
                    next_note += 1;
                    continue;
                }
            }
            // A running head repeating the title line, left in the body by the extraction.
            if zone != Zone::Preface
                && zone != Zone::Closing
                && self.title_line.as_deref() == Some(text)
            {
                continue;
            }
            match zone {
                Zone::Preface => {
                    if let Some(organ) = formula_organ(text) {
                        meta.organ = organ;
                        self.formula = Some(text.to_string());
                        zone = Zone::Preamble;
                        continue;
                    }
                    if is_adoption_line(text) {
                        let mut line = text.to_string();
                        // The date may be on the next line.
                        if !adoption_has_date(&line) {
                            if let Some(next) = body.get(i) {
                                if next.text.trim().starts_with("on ")
                                    || parse_date(next.text.trim()).is_some()
                                {
                                    line.push(' ');
                                    line.push_str(next.text.trim());
                                    i += 1;
                                }
                            }
                        }
                        read_adoption_line(&line, meta);
                        continue;
                    }
                    if text.starts_with('[') {
                        let mut line = text.to_string();
                        while !line.contains(']') && i < body.len() {
                            line.push(' ');
                            line.push_str(body[i].text.trim());
                            i += 1;
                        }
                        read_origin(&line, meta);
                        continue;
                    }
                    if let Some((num, title)) = number_title(text) {
                        self.number = Some(num);
                        // Long enough not to be a line of text by chance (a Chinese title
                        // has no spaces to count).
                        if title.split_whitespace().count() >= 3
                            || title.chars().filter(|&c| is_han(c)).count() >= 6
                        {
                            self.title_line = Some(title.clone());
                        }
                        let mut title = title;
                        // The title may run over the following lines, up to the formula.
                        while let Some(next) = body.get(i) {
                            let nt = next.text.trim();
                            if formula_organ(nt).is_some()
                                || nt.starts_with('[')
                                || operative_number(nt).is_some()
                            {
                                break;
                            }
                            if !title.is_empty() {
                                title.push(' ');
                            }
                            title.push_str(nt);
                            i += 1;
                        }
                        self.title = Some(title);
                        continue;
                    }
                    if preamble_opener(text) {
                        self.formula_after = true;
                        zone = Zone::Preamble;
                        self.preamble.push(Item::Para(Raw {
                            line: p.line,
                            content: vec![text.to_string()],
                            ..Raw::default()
                        }));
                        continue;
                    }
                    if self.doc_title.is_none()
                        && self.number.is_none()
                        && meta.adoption_line.is_none()
                        && looks_like_heading(text)
                    {
                        self.doc_title = Some(text.to_string());
                        continue;
                    }
                    // Compared without a lowercase copy of what is often a long paragraph.
                    if [
                        "preamble",
                        "préambule",
                        "преамбула",
                        "preámbulo",
                        "präambel",
                        "preambolo",
                        "preâmbulo",
                        "序言",
                        "الديباجة",
                    ]
                    .iter()
                    .any(|w| lower_eq(text, w))
                    {
                        continue;
                    }
                    if !self.zone_started {
                        diags.push(Diagnostic::warn(
                            Kind::IgnoredText,
                            p.line,
                            format!("text before the formula ignored: {}", clip(text)),
                        ));
                    }
                }
                Zone::Preamble => {
                    // A formula after the preamble (declarations): "Now, therefore, The General
                    // Assembly"; on its own line, or run together with its lead and proclamation.
                    let found = match formula_organ(text) {
                        Some(organ) => Some((organ, None, text, None)),
                        // Only a preamble that opened without a formula has one to come.
                        None if self.formula.is_none() => inline_formula(text)
                            .map(|f| (f.organ, f.lead, f.formula, Some(f.proclamation))),
                        None => None,
                    };
                    if let Some((organ, lead, formula, proclamation)) = found {
                        meta.organ = organ;
                        self.formula = Some(formula.to_string());
                        self.formula_after = true;
                        if let Some(lead) = lead {
                            self.formula_lead = Some(lead.to_string());
                        } else if let Some(Item::Para(last)) = self.preamble.last() {
                            // "Now, therefore," before it is the formula's lead; a Chinese
                            // paragraph is one "word", so its length counts too.
                            let t = last.content.join(" ");
                            if t.split_whitespace().count() <= 4
                                && t.chars().nth(30).is_none()
                                && t.ends_with([',', '，', '،'])
                                && last.subs.is_empty()
                            {
                                self.formula_lead = Some(t);
                                self.preamble.pop();
                            }
                        }
                        if let Some(p) = proclamation {
                            self.proclamation = Some(p.to_string());
                        } else if let Some(next) = body.get(i) {
                            // A proclamation that continues the formula.
                            let nt = next.text.trim();
                            if !article_heading(nt)
                                && operative_number(nt).is_none()
                                && starts_proclamation(nt)
                            {
                                self.proclamation = Some(nt.to_string());
                                i += 1;
                            }
                        }
                        // A proclamation cut before its end goes on in the next lines
                        // ("تنادي بهذا الإعلان العالمي لحقوق الإنسان" / "على أنه المستوى …").
                        if let Some(p) = self.proclamation.as_mut() {
                            while !text_ended(p) {
                                let Some(nt) = body.get(i).map(|n| n.text.trim()) else {
                                    break;
                                };
                                if nt.is_empty()
                                    || article_heading(nt)
                                    || operative_number(nt).is_some()
                                    || annex_label(nt)
                                {
                                    break;
                                }
                                p.push(' ');
                                p.push_str(nt);
                                i += 1;
                            }
                        }
                        zone = Zone::Body;
                        continue;
                    }
                    if operative_number(text).is_some() || article_heading(text) {
                        zone = Zone::Body;
                        i -= 1;
                        continue;
                    }
                    // A section heading ("I", "II. Title"): it opens the operative part when
                    // numbered paragraphs follow it, else it heads preambular paragraphs.
                    if let Some((num, htext, level)) = heading_num(text) {
                        let ahead: Vec<&str> =
                            body[i..].iter().take(2).map(|p| p.text.trim()).collect();
                        let title_next = htext.is_empty()
                            && ahead.first().is_some_and(|t| looks_like_heading(t));
                        let after = if title_next {
                            ahead.get(1)
                        } else {
                            ahead.first()
                        };
                        if after.is_some_and(|t| operative_number(t).is_some()) {
                            zone = Zone::Body;
                            i -= 1;
                            continue;
                        }
                        let mut htext = htext;
                        if title_next {
                            htext = ahead.first().map(|t| t.to_string()).unwrap_or_default();
                            i += 1;
                        }
                        self.preamble.push(Item::Heading {
                            num: Some(num),
                            text: htext,
                            level,
                        });
                        continue;
                    }
                    if let Some((num, rest)) = sub_label_full(text) {
                        if let Some(Item::Para(last)) = self.preamble.last_mut() {
                            push_sub(last, num, rest, p.line);
                            continue;
                        }
                    }
                    if let Some(Item::Para(last)) =
                        self.preamble.last_mut().filter(|_| !self.separate)
                    {
                        // A recital may open in lower case ("принимая во внимание" in the
                        // Russian Declaration): an opener is never a continuation.
                        let opens = starts_lower(text) && opener(text);
                        if !opens && (starts_lower(text) || !text_ended(&last_text_of(last))) {
                            append_continuation(last, text);
                            continue;
                        }
                        // Items of a list whose labels were lost ("… a major contribution to:"):
                        // they run until a paragraph opens with a preambular phrase.
                        let intro_colon = last.subs.is_empty()
                            && last
                                .content
                                .last()
                                .is_some_and(|c| c.trim_end().ends_with(':'));
                        let in_list =
                            !last.subs.is_empty() && last.subs.iter().all(|s| s.num.is_none());
                        if (intro_colon || in_list) && !opener(text) {
                            last.subs.push(Raw {
                                line: p.line,
                                content: vec![text.to_string()],
                                ..Raw::default()
                            });
                            continue;
                        }
                    }
                    // "Adopts the following declaration:" — an unnumbered operative paragraph.
                    if is_unnumbered_operative(text) && !self.formula_after {
                        zone = Zone::Body;
                        i -= 1;
                        continue;
                    }
                    self.preamble.push(Item::Para(Raw {
                        line: p.line,
                        content: vec![text.to_string()],
                        ..Raw::default()
                    }));
                }
                Zone::Body | Zone::Annex => {
                    // "1997年10月28日" over "第37次全体会议": the Chinese texts give the date first.
                    if text.len() < 40 && text.starts_with(|c: char| c.is_ascii_digit()) {
                        let next = body.get(i).map(|n| n.text.trim());
                        let closing = next
                            .and_then(meeting_line)
                            .filter(|m| m.1.is_none())
                            .and_then(|(m, _)| parse_date(text).map(|d| (m, d)));
                        if let Some((meeting, date)) = closing {
                            self.meeting = Some(meeting);
                            self.meeting_date = Some(DateText {
                                date,
                                text: text.to_string(),
                            });
                            i += 1;
                            zone = Zone::Closing;
                            continue;
                        }
                    }
                    if let Some((meeting, date)) = meeting_line(text) {
                        self.meeting = Some(meeting);
                        self.meeting_date = date;
                        if self.meeting_date.is_none() {
                            if let Some(next) = body.get(i) {
                                if let Some(d) = parse_date(next.text.trim()) {
                                    self.meeting_date = Some(DateText {
                                        date: d,
                                        text: next.text.trim().to_string(),
                                    });
                                    i += 1;
                                }
                            }
                        }
                        zone = Zone::Closing;
                        continue;
                    }
                    if annex_label(text) {
                        self.start_annex(text, body, &mut i);
                        zone = Zone::Annex;
                        in_article = false;
                        continue;
                    }
                    let items = if zone == Zone::Annex {
                        match self.annexes.last_mut() {
                            Some(a) => &mut a.items,
                            None => &mut self.body,
                        }
                    } else {
                        &mut self.body
                    };
                    body_para(
                        items,
                        text,
                        p.line,
                        body.get(i).map(|n| n.text.trim()),
                        &mut in_article,
                        self.separate,
                        diags,
                    );
                }
                Zone::Closing => {
                    // "[Adopted without a vote.]", "[Adopted by a recorded vote of 31 to 15.]".
                    if self.vote.is_none()
                        && text.starts_with('[')
                        && text.ends_with(']')
                        && text.contains("dopted")
                    {
                        self.vote = Some(text.to_string());
                        continue;
                    }
                    if annex_label(text) {
                        self.start_annex(text, body, &mut i);
                        zone = Zone::Annex;
                        in_article = false;
                        continue;
                    }
                    if let Some((n, rest)) = split_note(text) {
                        if !rest.is_empty() && n >= 1 {
                            self.notes.push(Note {
                                marker: n.to_string(),
                                text: rest.to_string(),
                                line: p.line,
                            });
                            next_note = n + 1;
                            continue;
                        }
                    }
                    if starts_lower(text) {
                        if let Some(n) = self.notes.last_mut() {
                            n.text.push(' ');
                            n.text.push_str(text);
                            continue;
                        }
                    }
                    diags.push(Diagnostic::warn(
                        Kind::IgnoredText,
                        p.line,
                        format!("text after the closing lines ignored: {}", clip(text)),
                    ));
                }
            }
            self.zone_started = zone != Zone::Preface;
        }
        // A footnote text left in the body can end up as the last line of the previous paragraph's text:
        // nothing more to do here; marks are placed in `finish`.
        Ok(())
    }

    pub(crate) fn start_annex(&mut self, label: &str, body: &[Para], i: &mut usize) {
        let mut annex = RawAnnex {
            label: label.trim().to_string(),
            ..RawAnnex::default()
        };
        if let Some(next) = body.get(*i) {
            let nt = next.text.trim();
            if operative_number(nt).is_none()
                && heading_num(nt).is_none()
                && !nt.is_empty()
                && !nt.ends_with([',', ';'])
            {
                annex.title = Some(nt.to_string());
                *i += 1;
            }
        }
        self.annexes.push(annex);
    }

    pub(crate) fn finish(
        self,
        mut meta: Meta,
        diags: &mut Vec<Diagnostic>,
    ) -> Result<Resolution, ReadError> {
        let english = meta.language.is_empty() || meta.language == "en";
        if meta.number.is_none() {
            meta.number = self.number.clone();
        }
        if meta.title.is_none() {
            meta.title = self.title.clone().or(self.doc_title.clone());
        }
        let mut marks = MarkPlacer::new(&self.notes, diags);
        let preamble = to_blocks(self.preamble, &mut marks, english, true);
        let body = to_blocks(self.body, &mut marks, english, true);
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

/// "Proclaims this …", "провозглашает …": a verb that continues the formula.
pub(crate) fn starts_proclamation(s: &str) -> bool {
    // Chinese has no spaces: the verb is the paragraph's first characters.
    if s.starts_with("发布") || s.starts_with("發布") {
        return true;
    }
    let first = words(s).next().unwrap_or("");
    matches!(
        &*lowercase(first),
        "proclaims"
            | "proclame"
            | "proclama"
            | "провозглашает"
            | "adopts"
            | "declares"
            | "verkündet"
            | "proclamă"
            | "proclamou"
            | "تنادي"
    )
}

/// A formula run together with its lead and proclamation in one paragraph.
pub(crate) struct InlineFormula<'a> {
    pub(crate) organ: Organ,
    pub(crate) lead: Option<&'a str>,
    pub(crate) formula: &'a str,
    pub(crate) proclamation: &'a str,
}

/// "因此现在,大会,发布这一世界人权宣言,…" (the Unicode UDHR's Chinese text): the lead, the
/// formula and the proclamation in one paragraph. The formula is one of its first
/// comma-separated pieces, and a proclamation verb follows it.
pub(crate) fn inline_formula(s: &str) -> Option<InlineFormula<'_>> {
    let mut start = 0;
    // The lead is a few words: the formula's comma is near the start.
    for (i, c) in s.char_indices().take_while(|&(i, _)| i < 60) {
        if !matches!(c, ',' | '，' | '،') {
            continue;
        }
        let end = i + c.len_utf8();
        let piece = s[start..end].trim();
        if let Some(organ) = formula_organ(piece) {
            let proclamation = s[end..].trim_start();
            let lead = s[..start].trim();
            return (starts_proclamation(proclamation) && lead.chars().nth(30).is_none())
                .then_some(InlineFormula {
                    organ,
                    lead: (!lead.is_empty()).then_some(lead),
                    formula: piece,
                    proclamation,
                });
        }
        start = end;
    }
    None
}

/// An operative verb in the third person opening a paragraph that ends with ':' or '.'.
pub(crate) fn is_unnumbered_operative(s: &str) -> bool {
    let first = words(s).next().unwrap_or("");
    let t = s.trim_end();
    let verb = first.chars().next().is_some_and(char::is_uppercase)
        && first.ends_with('s')
        && !first.ends_with("ss")
        && first.chars().all(char::is_alphabetic);
    verb && (t.ends_with(':') || t.ends_with('.'))
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

//! Inline recognition: leading phrases, references to UN documents, the text of
//! a paragraph split into inlines.

use super::date::find_dates;
use super::text::{lower_eq, lowercase, lowercase_in, word_spans, WordSpans};
use crate::lang::en;
use crate::lang::{self, is_one_of};
use crate::model::{Inline, RefKind, Text};
use std::borrow::Cow;

/// Byte length of the leading phrase of a paragraph (the words printed in italics):
/// "Recalling also", "Calling upon", "Taking note with appreciation", "Decides".
pub fn leading_phrase_len(s: &str, english: bool) -> usize {
    // A phrase is a few words: look at the paragraph's start only.
    let cut = match s.as_bytes().get(..=120) {
        None => s.len(),
        // 121 ASCII bytes: the 121st character starts at byte 120.
        Some(head) if head.is_ascii() => 120,
        Some(_) => s.char_indices().nth(120).map_or(s.len(), |(i, _)| i),
    };
    let s = &s[..cut];
    // Most phrases end after a word or two: find the words as they are needed.
    let mut spans = LazyWords {
        iter: WordSpans::new(s),
        seen: Vec::with_capacity(8),
    };
    let Some((s0, e0)) = spans.get(0) else {
        return 0;
    };
    let first = &s[s0..e0];
    let first_alpha = first.trim_end_matches([',', ':', ';']);
    // The Russian Declaration prints its recitals after the first, and its proclamation,
    // in lower case ("принимая во внимание", "провозглашает"): the word is the phrase.
    if s0 == 0
        && first_alpha.starts_with(char::is_lowercase)
        && (is_one_of(first_alpha, lang::RECITAL_OPENERS)
            || is_one_of(first_alpha, lang::PROCLAMATION_VERBS))
    {
        return first_alpha.len();
    }
    if s0 != 0
        || !first_alpha.chars().next().is_some_and(char::is_uppercase)
        || !first_alpha
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '’' || c == '\'')
        || first_alpha.chars().count() < 3
    {
        return 0;
    }
    // A capitalised first word followed by more capitalised words is a name, not a phrase.
    if first_alpha.chars().skip(1).all(char::is_uppercase) {
        return 0;
    }
    if !english || first.len() != first_alpha.len() {
        return first_alpha.len();
    }
    let mut end = e0;
    // The first word is capitalised: lowercased on the stack.
    let mut buf = [0u8; 32];
    let lower_first = lowercase_in(first_alpha, &mut buf);
    let mut i = 1;
    // The verb of the phrase, which decides what may follow it: the first word, or the
    // word after the adverbs before it ("Also calls upon", "Once again urges").
    let mut head: Cow<'_, str> = Cow::Owned(lower_first.to_string());
    // "Also decides", "Strongly condemns", "Once again urges", "Also strongly condemns":
    // adverbs take the verb after them.
    if is_one_of(&lower_first, en::PHRASE_ADVERBS) || lower_first == en::HAVING {
        while let Some((si, ei)) = spans.get(i) {
            let w = &s[si..ei];
            let wa = w.trim_end_matches([',', ':', ';']);
            // "Having in mind": a small word is no participle; the phrase goes on below.
            if !wa.chars().all(char::is_alphabetic)
                || !wa.chars().next().is_some_and(char::is_lowercase)
                || is_one_of(wa, en::FUNCTION_WORDS)
            {
                break;
            }
            end = si + wa.len();
            i += 1;
            if wa.len() != w.len() {
                return end;
            }
            // "Having also considered": the auxiliary's adverb, then its participle.
            // "Having been briefed": the passive auxiliary takes its participle too.
            let more = (is_one_of(wa, en::PHRASE_ADVERBS) || wa == en::AGAIN || wa == en::BEEN)
                && spans.get(i).is_some_and(|(a, b)| {
                    s[a..b]
                        .trim_end_matches([',', ':', ';'])
                        .chars()
                        .all(char::is_lowercase)
                });
            if !more {
                head = lowercase(wa);
                break;
            }
        }
    }
    let head: &str = &head;
    let mut prev = head.to_string();
    while let Some((si, ei)) = spans.get(i) {
        let w = &s[si..ei];
        let wa = w.trim_end_matches([',', ':', ';']);
        let lw = lowercase(wa);
        let lw: &str = &lw;
        let mut take = 1;
        let ok = if lw == en::IN && !is_one_of(head, en::BEAR_VERBS) {
            // "Condemns in the strongest possible terms": the whole manner is italic.
            let n = strongest_terms(&mut spans, s, i);
            take = n;
            n > 0
        } else if lw == en::AND && prev == head {
            // "Deplores and condemns", "Recognizing and reaffirming": a second verb of the
            // same form joins the first.
            take = 2;
            let suffix = if head.ends_with("ing") { "ing" } else { "s" };
            head.ends_with(suffix)
                && spans.get(i + 1).is_some_and(|(a, b)| {
                    let v = s[a..b].trim_end_matches([',', ':', ';']);
                    v.len() > 4
                        && v.ends_with(suffix)
                        && v.chars().all(char::is_lowercase)
                        && !is_one_of(v, en::FUNCTION_WORDS)
                })
        } else if lw == en::ONCE {
            // "Reaffirms once again".
            take = 2;
            next_word(&mut spans, s, i + 1).is_some_and(|n| n == en::AGAIN)
        } else if is_one_of(lw, en::PHRASE_REPEATS) {
            // "Recalling further its …" but not "Encourages further efforts": the adverb
            // belongs to the phrase when what follows it is not the noun it qualifies.
            // "also" and "again" qualify no noun: they always go with the verb.
            wa.len() != w.len()
                || lw != en::FURTHER
                || spans.get(i + 1).is_none_or(|(a, b)| {
                    let next = lowercase(s[a..b].trim_end_matches([',', ';', ':']));
                    is_one_of(&next, en::AFTER_REPEAT)
                        || s[a..b].chars().next().is_some_and(char::is_uppercase)
                })
        } else if is_one_of(lw, en::POSTPOSED_ADVERBS) {
            true
        } else if lw == en::UPON || lw == en::FOR || lw == en::ON_WORD {
            // "Calls upon", "Calls for", "Reiterates its call upon".
            is_one_of(&prev, en::CALL_VERBS)
                || (prev == en::AGAIN && is_one_of(head, en::CALL_VERBS))
        } else if lw == en::NOTE {
            is_one_of(head, en::TAKE_VERBS)
        } else if lw == en::INTO {
            // "Taking into account", "Takes into consideration".
            is_one_of(head, en::TAKE_VERBS)
                && next_word(&mut spans, s, i + 1).is_some_and(|n| is_one_of(&n, en::INTO_NOUNS))
        } else if is_one_of(lw, en::INTO_NOUNS) {
            prev == en::INTO
        } else if lw == en::FORWARD {
            // "Looks forward".
            is_one_of(head, en::LOOK_VERBS)
        } else if lw == en::IN {
            is_one_of(head, en::BEAR_VERBS)
                && spans
                    .get(i + 1)
                    .is_some_and(|(a, b)| s[a..b].trim_end_matches(',') == en::MIND)
        } else if lw == en::MIND {
            is_one_of(head, en::BEAR_VERBS)
        } else if is_one_of(lw, en::POSSESSIVES) {
            // "Reiterates its request", "Reaffirming its strong support": the possessive
            // goes with the verb when a noun of stance follows, not with the object
            // ("Reaffirms its resolution 1234").
            is_one_of(head, en::EXPRESS_VERBS) && stance_follows(&mut spans, s, i + 1)
        } else if lw == en::WITH {
            next_word(&mut spans, s, i + 1).is_some_and(|next| is_one_of(&next, en::WITH_NOUNS))
        } else if is_one_of(lw, en::FEELINGS) {
            // "Expressing concern", "Noting with concern".
            i >= 2 || is_one_of(head, en::EXPRESS_VERBS)
        } else if is_one_of(lw, en::INTENSIFIERS) {
            (i >= 2 || is_one_of(head, en::EXPRESS_VERBS))
                && next_word(&mut spans, s, i + 1).is_some_and(|next| {
                    is_one_of(&next, en::PHRASE_TAIL) || is_one_of(&next, en::STANCES)
                })
        } else if is_one_of(lw, en::STANCES) {
            is_one_of(&prev, en::POSSESSIVES) || is_one_of(&prev, en::INTENSIFIERS)
        } else {
            false
        };
        if !ok || !wa.chars().all(char::is_alphabetic) {
            break;
        }
        if take > 1 {
            // A fixed run of words: end after its last.
            let Some((_, b)) = spans.get(i + take - 1) else {
                break;
            };
            let last = s[..b].trim_end_matches([',', ':', ';']);
            end = last.len();
            i += take;
            if last.len() != b {
                break;
            }
            let word = last.rsplit(char::is_whitespace).next().unwrap_or("");
            prev.clear();
            prev.push_str(word);
            continue;
        }
        end = si + wa.len();
        i += 1;
        prev.clear();
        prev.push_str(lw);
        if wa.len() != w.len() {
            break;
        }
    }
    end
}

/// The number of words of "in the strongest (possible) terms" at `i`, or 0.
fn strongest_terms(spans: &mut LazyWords, s: &str, i: usize) -> usize {
    for run in en::STRONGEST_TERMS {
        let matches = run.iter().enumerate().all(|(k, want)| {
            spans
                .get(i + k)
                .is_some_and(|(a, b)| s[a..b].trim_end_matches([',', ';', ':']) == *want)
        });
        if matches {
            return run.len();
        }
    }
    0
}

/// Whether a noun of stance follows at `i`, perhaps after an adjective ("its commitment",
/// "its strong support", "their deep concern").
fn stance_follows(spans: &mut LazyWords, s: &str, i: usize) -> bool {
    let Some(w) = next_word(spans, s, i) else {
        return false;
    };
    if is_one_of(&w, en::STANCES)
        || is_one_of(&w, en::PHRASE_TAIL) && !is_one_of(&w, en::INTENSIFIERS)
    {
        return true;
    }
    is_one_of(&w, en::INTENSIFIERS)
        && next_word(spans, s, i + 1)
            .is_some_and(|n| is_one_of(&n, en::STANCES) || is_one_of(&n, en::FEELINGS))
}

/// The word at `i` in lowercase, without a final comma or semicolon.
fn next_word<'s>(spans: &mut LazyWords, s: &'s str, i: usize) -> Option<Cow<'s, str>> {
    spans
        .get(i)
        .map(|(a, b)| lowercase(s[a..b].trim_end_matches([',', ';'])))
}

/// Word spans found on demand, kept for a second look.
pub(crate) struct LazyWords<'a> {
    pub(crate) iter: WordSpans<'a>,
    pub(crate) seen: Vec<(usize, usize)>,
}

impl LazyWords<'_> {
    pub(crate) fn get(&mut self, i: usize) -> Option<(usize, usize)> {
        while self.seen.len() <= i {
            let w = self.iter.next()?;
            self.seen.push(w);
        }
        self.seen.get(i).copied()
    }
}

/// UN document series that a symbol may start with.
pub(crate) const SERIES: &[&str] = &[
    "A", "S", "E", "ST", "TD", "DP", "UNEP", "FCCC", "CRC", "CCPR", "CEDAW", "CERD", "CAT", "CRPD",
    "CMW", "HRI", "ICCD", "UNW", "SG", "T", "CBD", "ECE", "ESCAP", "ECLAC", "ECA", "ESCWA",
    "UNCITRAL", "CD", "CCW", "BWC", "APLC", "NPT", "ATT", "GC", "IDB", "WFP", "UNICEF",
];

/// If `tok` (a whitespace-free token) is a document symbol, its clean form.
pub fn symbol_token(tok: &str) -> Option<&str> {
    // Every symbol has a '/': most words are rejected on that alone.
    if !tok.as_bytes().contains(&b'/') {
        return None;
    }
    let t = tok.trim_start_matches(['(', '[', '“', '"', '‘']);
    let mut t = t.trim_end_matches([',', ';', ':', '”', '"', '’', ']']);
    // A closing bracket belongs to the symbol only if it opens inside it: GC(69)/RES/9.
    while t.ends_with(')') && t.matches('(').count() < t.matches(')').count() {
        t = &t[..t.len() - 1];
        t = t.trim_end_matches([',', ';', ':', '.']);
    }
    let t = t.trim_end_matches('.');
    let t = t.trim_end_matches([',', ';', ':', ')']);
    let (head, rest) = t.split_once('/')?;
    let series = head.split('(').next().unwrap_or(head);
    let series = series.split('.').next().unwrap_or(series);
    if rest.is_empty() || !SERIES.contains(&series) {
        return None;
    }
    if !t.chars().any(|c| c.is_ascii_digit()) || t.contains("//") || t.ends_with('/') {
        return None;
    }
    if !t
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '(' | ')' | '-'))
    {
        return None;
    }
    Some(t)
}

#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Keyword {
    Resolution,
    Decision,
}

/// "resolution(s)" or "decision(s)", in any case and between any punctuation.
pub(crate) fn keyword(w: &str) -> Option<Keyword> {
    // The shortest keyword has 8 letters: shorter words are most words.
    if w.len() < 8 {
        return None;
    }
    // ASCII punctuation around the word ("resolutions,", "(decision") is cut on bytes;
    // anything else goes the slow way.
    let b = w.as_bytes();
    let a = b.iter().take_while(|c| c.is_ascii_punctuation()).count();
    let e = b.len()
        - b.iter()
            .skip(a)
            .rev()
            .take_while(|c| c.is_ascii_punctuation())
            .count();
    let alnum = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphanumeric);
    let core = match w.get(a..e) {
        Some(core) if a < e && alnum(a) && alnum(e - 1) => core,
        _ => w.trim_matches(|c: char| !c.is_alphanumeric()),
    };
    let is = |x: &str| core.eq_ignore_ascii_case(x);
    if en::RESOLUTION_WORDS.iter().any(|w| is(w)) {
        Some(Keyword::Resolution)
    } else if en::DECISION_WORDS.iter().any(|w| is(w)) {
        Some(Keyword::Decision)
    } else {
        None
    }
}

/// Whether `b` holds an ASCII digit; blocks are tested whole, which the compiler turns into vector code.
pub(crate) fn has_ascii_digit(b: &[u8]) -> bool {
    b.chunks(64)
        .any(|block| block.iter().fold(false, |any, c| any | c.is_ascii_digit()))
}

/// Whether `s` holds "(dddd)": four ASCII digits in brackets.
pub(crate) fn has_bracketed_year(s: &str) -> bool {
    let b = s.as_bytes();
    s.match_indices('(').any(|(i, _)| {
        b.get(i + 1..i + 5)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
            && b.get(i + 5) == Some(&b')')
    })
}

/// Whether `s` holds "esolution" or "ecision" in any ASCII case: without it, no word is a [`keyword`].
pub(crate) fn has_keyword_stem(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        c | 0x20 == b'e'
            && b.get(i + 1..).is_some_and(|rest| {
                starts_with_ci(rest, b"solution") || starts_with_ci(rest, b"cision")
            })
    })
}

pub(crate) fn starts_with_ci(s: &[u8], prefix: &[u8]) -> bool {
    s.get(..prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
}

/// `word.to_lowercase().contains(lower)` for an ASCII `lower`, allocating only for non-ASCII words.
pub(crate) fn lower_contains(word: &str, lower: &str) -> bool {
    if word.is_ascii() {
        let n = lower.len();
        return word
            .as_bytes()
            .windows(n)
            .any(|w| w.eq_ignore_ascii_case(lower.as_bytes()));
    }
    word.to_lowercase().contains(lower)
}

/// Splits `s` into text, references and dates.
///
/// GA resolution numbers are recognised only after "resolution(s)" (or "decision(s)"),
/// so that "2017/18" stays text; Security Council resolutions need "Security Council" before.
pub fn recognise(s: &str, out: &mut Vec<Inline>) {
    // Most paragraphs hold no reference: a reference needs a '/' or a keyword, which
    // whole-text byte scans rule out; a date needs digits.
    let has_slash = s.as_bytes().contains(&b'/');
    if !has_slash && !has_ascii_digit(s.as_bytes()) {
        push_text(out, s);
        return;
    }
    // Without a '/' only a Security Council resolution can be referred to: after a
    // keyword, with its year in brackets, "1631 (2005)".
    let refs_possible = has_slash || (has_bracketed_year(s) && has_keyword_stem(s));
    let mut spans: Vec<(usize, usize, Inline)> = Vec::new();
    // The words are needed for references only; dates are found from their digits.
    let words = if refs_possible {
        word_spans(s)
    } else {
        Vec::new()
    };
    // Context: which series a bare number refers to, set by "resolution(s)" and kept
    // through a list ("53/72 of 4 December 1998, 54/43 of …") until a sentence ends.
    #[derive(Clone, Copy, PartialEq)]
    enum Ctx {
        None,
        Ga,
        GaDecision,
        Sc,
        Hrc,
        Ecosoc,
    }
    let mut ctx = Ctx::None;
    let mut since = 0usize;
    for (wi, &(ws, we)) in words.iter().enumerate() {
        let w = &s[ws..we];
        let keyword = keyword(w);
        if keyword == Some(Keyword::Resolution) {
            let before = &words[wi.saturating_sub(4)..wi];
            let has = |x: &str| {
                before.iter().any(|&(a, b)| {
                    lower_eq(s[a..b].trim_matches(|c: char| !c.is_alphanumeric()), x)
                })
            };
            ctx = if has("security") {
                Ctx::Sc
            } else if has("rights") && has("council") {
                Ctx::Hrc
            } else if has("social") && has("council") {
                Ctx::Ecosoc
            } else {
                Ctx::Ga
            };
            since = 0;
            continue;
        }
        if keyword == Some(Keyword::Decision) {
            ctx = if words[wi.saturating_sub(3)..wi]
                .iter()
                .any(|&(a, b)| lower_contains(&s[a..b], "council"))
            {
                Ctx::None
            } else {
                Ctx::GaDecision
            };
            since = 0;
            continue;
        }
        since += 1;
        // Every symbol has a '/': skip the call for the other words.
        let sym = if w.bytes().any(|c| c == b'/') {
            symbol_token(w)
        } else {
            None
        };
        if let Some(sym) = sym {
            let start = ws + w.find(sym).unwrap_or(0);
            spans.push((
                start,
                start + sym.len(),
                Inline::Ref {
                    text: sym.to_string(),
                    kind: RefKind::Symbol,
                    symbol: sym.to_string(),
                },
            ));
        } else if ctx != Ctx::None && since <= 12 {
            let core = w.trim_start_matches(['(', '“', '"']);
            let core_start = ws + (w.len() - core.len());
            let num: &str = core.trim_end_matches([',', ';', ':', '.', ')', '”', '"']);
            let is_slash = num.split_once('/').is_some_and(|(a, b)| {
                !a.is_empty()
                    && !b.is_empty()
                    && a.chars().all(|c| c.is_ascii_digit())
                    && b.chars().all(|c| c.is_ascii_digit())
                    && a.len() <= 4
            });
            match ctx {
                Ctx::Ga | Ctx::GaDecision | Ctx::Hrc | Ctx::Ecosoc if is_slash => {
                    // "35/142 B": a capital letter part.
                    let mut text_end = core_start + num.len();
                    let mut sym_num = num.to_string();
                    if num.len() == core.len() {
                        if let Some(&(ns, ne)) = words.get(wi + 1) {
                            let nw = s[ns..ne].trim_end_matches([',', ';', ':', '.']);
                            if nw.len() == 1
                                && nw.chars().all(|c| c.is_ascii_uppercase())
                                && ns == text_end + 1
                            {
                                text_end = ns + 1;
                                sym_num = format!("{num} {nw}");
                            }
                        }
                    }
                    let symbol = match ctx {
                        Ctx::GaDecision => format!("A/DEC/{sym_num}"),
                        Ctx::Hrc => format!("A/HRC/RES/{sym_num}"),
                        Ctx::Ecosoc => format!("E/RES/{sym_num}"),
                        _ => format!("A/RES/{sym_num}"),
                    };
                    let kind = if ctx == Ctx::Ga {
                        RefKind::GaResolution
                    } else {
                        RefKind::Symbol
                    };
                    spans.push((
                        core_start,
                        text_end,
                        Inline::Ref {
                            text: s[core_start..text_end].to_string(),
                            kind,
                            symbol,
                        },
                    ));
                    since = 0;
                }
                Ctx::Sc
                    if num.chars().all(|c| c.is_ascii_digit())
                        && !num.is_empty()
                        && num.len() == core.len() =>
                {
                    // "1631 (2005)"
                    if let Some(&(ns, ne)) = words.get(wi + 1) {
                        let nw = &s[ns..ne];
                        let year = nw.trim_end_matches([',', ';', ':', '.']);
                        if year.len() == 6
                            && year.starts_with('(')
                            && year.ends_with(')')
                            && year[1..5].chars().all(|c| c.is_ascii_digit())
                        {
                            let end = ns + year.len();
                            spans.push((
                                core_start,
                                end,
                                Inline::Ref {
                                    text: s[core_start..end].to_string(),
                                    kind: RefKind::ScResolution,
                                    symbol: format!("S/RES/{}{}", num, year),
                                },
                            ));
                            since = 0;
                        }
                    }
                }
                _ => {}
            }
        }
        if w.ends_with('.') && !w.ends_with("para.") && !w.ends_with("No.") && !w.ends_with("vol.")
        {
            ctx = Ctx::None;
        }
    }
    for (a, b, d) in find_dates(s) {
        if !spans.iter().any(|&(x, y, _)| a < y && x < b) {
            spans.push((
                a,
                b,
                Inline::Date {
                    text: s[a..b].to_string(),
                    date: d,
                },
            ));
        }
    }
    spans.sort_by_key(|x| x.0);
    let mut pos = 0;
    for (a, b, inl) in spans {
        if a < pos {
            continue;
        }
        push_text(out, &s[pos..a]);
        out.push(inl);
        pos = b;
    }
    push_text(out, &s[pos..]);
}

/// Appends plain text, merging with a preceding plain run.
pub fn push_text(out: &mut Vec<Inline>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(Inline::Text { text }) = out.last_mut() {
        text.push_str(s);
    } else {
        out.push(Inline::Text {
            text: s.to_string(),
        });
    }
}

/// Builds a [`Text`] from a string whose footnote marks are already split out:
/// `pieces` alternates text and marks.
pub fn build_text(pieces: &[Piece<'_>], phrase: bool, english: bool) -> Text {
    let mut out = Vec::new();
    let mut first = true;
    for p in pieces {
        match p {
            Piece::Mark(m) => out.push(Inline::NoteRef { marker: m.clone() }),
            Piece::Unprinted(m) => out.push(Inline::UnprintedNoteRef { marker: m.clone() }),
            Piece::Text(t) => {
                let mut rest: &str = t;
                if first && phrase {
                    let n = leading_phrase_len(rest, english);
                    if n > 0 {
                        out.push(Inline::Phrase {
                            text: rest[..n].to_string(),
                        });
                        rest = &rest[n..];
                    }
                }
                recognise(rest, &mut out);
            }
        }
        first = false;
    }
    Text(out)
}

/// A run of text (mostly borrowed from the paragraph) or a footnote mark.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece<'a> {
    Text(Cow<'a, str>),
    Mark(String),
    /// A mark whose note the text does not print.
    Unprinted(String),
}

pub(crate) fn digits_len(s: &str, start: usize) -> usize {
    s[start..].bytes().take_while(u8::is_ascii_digit).count()
}

#[cfg(test)]
mod tests {
    use super::super::date::*;
    use super::super::mark::*;
    use super::super::number::*;
    use super::super::text::*;
    use super::*;
    use crate::model::*;

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("13 December 2010").map(|d| d.to_string()),
            Some("2010-12-13".into())
        );
        assert_eq!(
            parse_date("10 février 2011").map(|d| d.to_string()),
            Some("2011-02-10".into())
        );
        assert_eq!(
            parse_date("19 сентября 2025 года").map(|d| d.to_string()),
            Some("2025-09-19".into())
        );
        assert_eq!(parse_date("31 February 2011"), None);
        assert_eq!(parse_date("December 2010"), None);
        let s = "of 2 December 2004, in which it granted from 5 to 8 August 2025";
        let found = find_dates(s);
        assert_eq!(found.len(), 2);
        assert_eq!(&s[found[0].0..found[0].1], "2 December 2004");
        assert_eq!(&s[found[1].0..found[1].1], "8 August 2025");
    }

    #[test]
    fn whitespace_on_bytes() {
        // Every character: the byte test agrees with `char::is_whitespace`.
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            let s = format!("{c}x");
            let n = whitespace_len(&s, 0, s.as_bytes()[0]);
            assert_eq!(n > 0, c.is_whitespace(), "{c:?}");
            if n > 0 {
                assert_eq!(n, c.len_utf8());
            }
        }
        let s = "a\u{a0}b\u{2003}c  d’e\u{3000}";
        let words: Vec<&str> = word_spans(s).iter().map(|&(a, b)| &s[a..b]).collect();
        assert_eq!(words, s.split_whitespace().collect::<Vec<_>>());
    }

    /// The dates as first found: over every triple of words.
    fn dates_by_words(s: &str) -> Vec<(usize, usize, Date)> {
        let words = word_spans(s);
        let mut out = Vec::new();
        let mut i = 0;
        while i + 2 < words.len() {
            let (s0, e0) = words[i];
            let (s1, e1) = words[i + 1];
            let (s2, e2) = words[i + 2];
            let day = &s[s0..e0];
            let month = &s[s1..e1];
            let year_tok = &s[s2..e2];
            let year = year_tok.trim_end_matches(|c: char| !c.is_ascii_digit());
            let adjacent = s[e0..s1].chars().all(|c| c == ' ' || c == '\u{a0}')
                && s[e1..s2].chars().all(|c| c == ' ' || c == '\u{a0}');
            if adjacent && day.len() <= 2 && year.len() == 4 && year_tok.len() - year.len() <= 1 {
                if let Some(d) = date_of(day, month, year) {
                    out.push((s0, s2 + year.len(), d));
                    i += 3;
                    continue;
                }
            }
            i += 1;
        }
        out
    }

    #[test]
    fn dates_from_digits_as_from_words() {
        for s in [
            "of 2 December 2004, in which it granted from 5 to 8 August 2025",
            "13 December 2010",
            "+5 May 2011 and 05\u{a0}mai\u{a0}2012. 31 February 2011",
            "x13 December 2010 1\tMay 2010 1 May\n2010 1  May  2010",
            "19 сентября 2025 года; 1 juin 20101 1 juin 2010a 1 juin 2010ab",
            "\u{3000}7 March 1999\u{2003}8 March 1999 é9 March 1999 ’9 March 1999",
            "1 2 3 4 May 2000 12 May 20000 12 Mayo 2000 9 diciembre 1999",
            "7 March 1999",
            "7 March",
            "2 2",
        ] {
            assert_eq!(find_dates(s), dates_by_words(s), "{s}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config {
            cases: 2000,
            failure_persistence: None,
            ..proptest::test_runner::Config::default()
        })]
        /// Texts of words and spaces of the kinds dates are made of.
        #[test]
        fn dates_and_words_on_bytes_agree(
            pieces in proptest::collection::vec((0usize..17, 0usize..9), 0..16)
        ) {
            const WORDS: [&str; 17] = [
                "1", "12", "+5", "123", "x1", "May", "mai", "décembre", "сентября", "Mayo",
                "2010", "2010.", "20101", "2010a", "x", "é1", "’3",
            ];
            const SPACES: [&str; 9] =
                [" ", " ", "  ", "\u{a0}", " \u{a0}", "\t", "\n", "\u{2003}\u{85}", ""];
            let s: String = pieces.iter().map(|&(w, sp)| format!("{}{}", WORDS[w], SPACES[sp])).collect();
            proptest::prop_assert_eq!(find_dates(&s), dates_by_words(&s));
            let words: Vec<&str> = word_spans(&s).iter().map(|&(a, b)| &s[a..b]).collect();
            proptest::prop_assert_eq!(words, s.split_whitespace().collect::<Vec<_>>());
        }
    }

    #[test]
    fn ordinals() {
        assert_eq!(ordinal_word("Sixty-fifth"), Some(65));
        assert_eq!(ordinal_word("Eightieth"), Some(80));
        assert_eq!(ordinal_word("Seventy-third"), Some(73));
        assert_eq!(ordinal_word("Tenth"), Some(10));
        assert_eq!(ordinal_word("Sixty-fiveth"), None);
        assert_eq!(numeric_ordinal("64th"), Some(64));
        assert_eq!(numeric_ordinal("52nd"), Some(52));
        assert_eq!(numeric_ordinal("64"), None);
    }

    fn phrase(s: &str) -> &str {
        &s[..leading_phrase_len(s, true)]
    }

    #[test]
    fn leading_phrases() {
        assert_eq!(phrase("Recalling also its resolution"), "Recalling also");
        assert_eq!(phrase("Referring to its resolution"), "Referring");
        assert_eq!(phrase("Calling upon the Secretary-General"), "Calling upon");
        assert_eq!(phrase("Also decides to include"), "Also decides");
        assert_eq!(phrase("Once again urges all States"), "Once again urges");
        assert_eq!(
            phrase("Further requests the Secretary-General"),
            "Further requests"
        );
        assert_eq!(phrase("Encourages further efforts by"), "Encourages");
        assert_eq!(
            phrase("Recalling further its resolution"),
            "Recalling further"
        );
        assert_eq!(phrase("Welcoming also the report"), "Welcoming also");
        assert_eq!(phrase("Decides, without setting a precedent"), "Decides");
        assert_eq!(
            phrase("Taking note with appreciation of the report"),
            "Taking note with appreciation"
        );
        assert_eq!(
            phrase("Expressing its appreciation to the Secretary-General"),
            "Expressing its appreciation"
        );
        assert_eq!(phrase("Bearing in mind that"), "Bearing in mind");
        assert_eq!(phrase("Noting with concern that"), "Noting with concern");
        assert_eq!(phrase("Recalling, in that regard, the report"), "Recalling");
        assert_eq!(phrase("the text"), "");
        assert_eq!(phrase("UNESCO is"), "");
    }

    /// The whole phrase: auxiliaries with their participle, adverbs before and after the
    /// verb, the possessive and the noun of stance, fixed manners; never the object.
    #[test]
    fn whole_phrases_by_grammar() {
        for (s, want) in [
            ("Having considered the report", "Having considered"),
            ("Having also considered the note", "Having also considered"),
            ("Having taken note of the report", "Having taken note"),
            ("Also calls upon all States", "Also calls upon"),
            ("Further calls for the release", "Further calls for"),
            ("Calls for the immediate release", "Calls for"),
            (
                "Calls once again upon Member States",
                "Calls once again upon",
            ),
            ("Also takes note of the report", "Also takes note"),
            ("Also strongly condemns all acts", "Also strongly condemns"),
            ("Urgently requests the parties", "Urgently requests"),
            ("Expressing concern that the", "Expressing concern"),
            ("Expresses grave concern at the", "Expresses grave concern"),
            ("Expresses its conviction that", "Expresses its conviction"),
            ("Reiterates its request to the", "Reiterates its request"),
            (
                "Reiterates its call upon all States",
                "Reiterates its call upon",
            ),
            (
                "Reaffirming its strong support for",
                "Reaffirming its strong support",
            ),
            ("Taking into account the views", "Taking into account"),
            ("Takes into consideration the", "Takes into consideration"),
            ("Looks forward to the report", "Looks forward"),
            ("Condemns unequivocally all acts", "Condemns unequivocally"),
            (
                "Condemns in the strongest possible terms the attacks",
                "Condemns in the strongest possible terms",
            ),
            ("Reaffirms once again that", "Reaffirms once again"),
            ("Having in mind the efforts", "Having in mind"),
            ("Noting also international efforts", "Noting also"),
            (
                "Deplores and condemns in the strongest terms all",
                "Deplores and condemns in the strongest terms",
            ),
            (
                "Recognizing and reaffirming the",
                "Recognizing and reaffirming",
            ),
            ("Welcomes and encourages the", "Welcomes and encourages"),
            ("Notes and the", "Notes"),
            ("Decides and its", "Decides"),
            ("Encourages further international efforts", "Encourages"),
            ("Having been briefed by the", "Having been briefed"),
            (
                "Reiterating its call on all parties",
                "Reiterating its call on",
            ),
        ] {
            assert_eq!(phrase(s), want, "{s}");
        }
        // The object stays out of the phrase.
        for (s, want) in [
            ("Reaffirms its resolution 1325 (2000)", "Reaffirms"),
            ("Reiterates its support", "Reiterates its support"),
            ("Recalls its resolutions", "Recalls"),
            ("Notes in particular the", "Notes"),
            ("Calls attention to", "Calls"),
            ("Takes action", "Takes"),
            ("Decides in principle", "Decides"),
        ] {
            assert_eq!(phrase(s), want, "{s}");
        }
    }

    /// Recitals and the proclamation printed in lower case (the Russian Declaration)
    /// keep their phrase; other words in lower case open no phrase.
    #[test]
    fn lower_case_recital_openers() {
        let ru = |s: &str| s[..leading_phrase_len(s, false)].to_string();
        assert_eq!(ru("принимая во внимание, что признание"), "принимая");
        assert_eq!(ru("Принимая во внимание, что признание"), "Принимая");
        assert_eq!(
            ru("провозглашает настоящую Всеобщую декларацию"),
            "провозглашает"
        );
        assert_eq!(ru("признание достоинства"), "");
        assert_eq!(phrase("whereas the text"), "whereas");
        assert_eq!(phrase("the text"), "");
    }

    fn refs(s: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        recognise(s, &mut out);
        out.into_iter()
            .filter_map(|i| match i {
                Inline::Ref { text, symbol, .. } => Some((text, symbol)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn references() {
        assert_eq!(
            refs("its resolution 59/50 of 2 December 2004"),
            vec![("59/50".into(), "A/RES/59/50".into())]
        );
        assert_eq!(
            refs("its resolutions 53/72 of 4 December 1998, 54/43 of 1 December 1999 and 35/142 B of 12 December 1980"),
            vec![
                ("53/72".into(), "A/RES/53/72".into()),
                ("54/43".into(), "A/RES/54/43".into()),
                ("35/142 B".into(), "A/RES/35/142 B".into())
            ]
        );
        assert_eq!(
            refs("Security Council resolution 1631 (2005) of 17 October 2005"),
            vec![("1631 (2005)".into(), "S/RES/1631(2005)".into())]
        );
        assert_eq!(
            refs("[without reference to a Main Committee (A/65/L.6)]"),
            vec![("A/65/L.6".into(), "A/65/L.6".into())]
        );
        assert_eq!(
            refs("See A/66/89/Corr.1."),
            vec![("A/66/89/Corr.1".into(), "A/66/89/Corr.1".into())]
        );
        assert_eq!(refs("the report for 2017/18;"), vec![]);
        assert_eq!(
            refs("(A/80/534, para. 7)"),
            vec![("A/80/534".into(), "A/80/534".into())]
        );
    }

    fn marks(s: &str) -> Vec<(u32, Strength)> {
        mark_candidates(s)
            .into_iter()
            .map(|c| (c.value, c.strength))
            .collect()
    }

    #[test]
    fn footnote_mark_shapes() {
        assert_eq!(marks("peace and security,1 "), vec![(1, Strength::Punct)]);
        assert_eq!(marks("United Nations1 are"), vec![(1, Strength::Glued)]);
        assert_eq!(marks("the Framework 2 and"), vec![(2, Strength::Spaced)]);
        assert_eq!(marks("in 19904 and"), vec![(4, Strength::Year)]);
        assert_eq!(marks("Governors”; 3 and"), vec![(3, Strength::Punct)]);
        assert_eq!(marks("text[^12] more"), vec![(12, Strength::Explicit)]);
        assert!(marks("1,000 people and 3.4 per cent")
            .iter()
            .all(|m| m.1 == Strength::Spaced || m.0 != 4));
        assert_eq!(marks("the P5 and G20 met"), vec![]);
    }
}

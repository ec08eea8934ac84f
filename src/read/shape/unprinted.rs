//! Footnote marks whose notes the text does not print.
//!
//! The Council's yearly volumes number their notes through the volume and set them
//! apart from the resolutions, so a resolution taken from one keeps marks with no note:
//! "the situation in Somalia, 174", "on 18 December 1991 175 and". A number alone is
//! weak evidence, so such a mark is read only where the document gives more:
//!
//! - a run: two or more numbers, each set apart by a space after the end of a clause
//!   (`,` `;` after a word) or after a date, with consecutive values in reading order,
//!   and no note of these numbers in the text;
//! - an OCR `!` for a raised 1 ("Agreements! concluded"): glued to a word the text
//!   prints elsewhere without it, before a lowercase word, when the word with an `l`
//!   added is nowhere in the text (else the `!` stands for that `l`: "Genera! to").

use super::raw::{Item, Raw};
use crate::lang::en;
use crate::read::lex::date::{month_number, parse_date};
use std::collections::HashSet;

/// A mark found in a text: the bytes it takes (with the space before it) and its number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unprinted {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) marker: String,
}

/// What the whole document shows: the numbers of the runs, each to be placed once, and
/// the words a `!` may follow as a mark.
#[derive(Debug, Default)]
pub(crate) struct UnprintedMarks {
    values: Vec<u32>,
    bang_words: HashSet<String>,
}

impl UnprintedMarks {
    /// Looks through every text of the document; `known`: the numbers of the notes it prints.
    pub(crate) fn find(texts: &[&str], known: &[u32]) -> Self {
        let spaced: Vec<u32> = texts
            .iter()
            .flat_map(|s| spaced_marks(s))
            .map(|(_, _, v)| v)
            .collect();
        // Each number in a run: the next one follows it, or the one before precedes it.
        let runs: Vec<u32> = spaced
            .iter()
            .enumerate()
            .filter(|&(k, &v)| {
                let after = spaced.get(k + 1..).unwrap_or_default();
                let before = spaced.get(..k).unwrap_or_default();
                after.contains(&(v + 1)) || (v > 0 && before.contains(&(v - 1)))
            })
            .map(|(_, &v)| v)
            .filter(|v| !known.contains(v))
            .collect();
        // A note of the run marked again later ("Somalia; 184") is its mark too.
        let values = spaced.into_iter().filter(|v| runs.contains(v)).collect();
        let mut bang_words = HashSet::new();
        let bangs: Vec<&str> = texts.iter().flat_map(|s| bang_marks(s)).collect();
        if !bangs.is_empty() {
            let mut count: std::collections::HashMap<&str, usize> = Default::default();
            for s in texts {
                for w in s
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|w| !w.is_empty())
                {
                    *count.entry(w).or_default() += 1;
                }
            }
            for w in bangs {
                let with_l = format!("{w}l");
                // Printed at least once more without the `!`, and no word it would complete.
                if count.get(w).copied().unwrap_or(0) >= 2 && !count.contains_key(with_l.as_str()) {
                    bang_words.insert(w.to_string());
                }
            }
        }
        UnprintedMarks { values, bang_words }
    }

    /// Nothing to place.
    pub(crate) fn is_empty(&self) -> bool {
        self.values.is_empty() && self.bang_words.is_empty()
    }

    /// The marks in `s`, in order; each number of a run is placed once.
    pub(crate) fn take(&mut self, s: &str) -> Vec<Unprinted> {
        if self.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (start, end, v) in spaced_marks(s) {
            if let Some(k) = self.values.iter().position(|&x| x == v) {
                self.values.remove(k);
                out.push(Unprinted {
                    start,
                    end,
                    marker: v.to_string(),
                });
            }
        }
        for (k, _) in s.match_indices('!') {
            let word = word_before(s, k);
            if !word.is_empty() && self.bang_words.contains(word) && lower_after(s, k + 1) {
                out.push(Unprinted {
                    start: k,
                    end: k + 1,
                    marker: "1".to_string(),
                });
            }
        }
        out.sort_by_key(|u| u.start);
        out
    }
}

/// Every text of the items, in reading order.
pub(crate) fn item_texts<'a>(items: &'a [Item], out: &mut Vec<&'a str>) {
    fn raw<'a>(r: &'a Raw, out: &mut Vec<&'a str>) {
        out.extend(r.content.iter().map(String::as_str));
        for s in &r.subs {
            raw(s, out);
        }
        out.extend(r.wrap.iter().map(String::as_str));
    }
    for i in items {
        match i {
            Item::Heading { text, .. } => out.push(text),
            Item::Para(r) => raw(r, out),
        }
    }
}

/// The letters right before byte `k` of `s`.
fn word_before(s: &str, k: usize) -> &str {
    let before = s.get(..k).unwrap_or_default();
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(k, |(i, _)| i);
    before.get(start..).unwrap_or_default()
}

/// A space, then a lowercase word, from byte `k` of `s`.
fn lower_after(s: &str, k: usize) -> bool {
    let rest = s.get(k..).unwrap_or_default();
    rest.starts_with(char::is_whitespace)
        && rest
            .trim_start()
            .starts_with(|c: char| c.is_alphabetic() && c.is_lowercase())
}

/// The words a `!` is glued to in `s` as a raised 1 may be: three letters or more,
/// mid-sentence (a lowercase word follows).
fn bang_marks(s: &str) -> Vec<&str> {
    s.match_indices('!')
        .map(|(k, _)| (k, word_before(s, k)))
        .filter(|&(k, w)| w.chars().count() >= 3 && lower_after(s, k + 1))
        .map(|(_, w)| w)
        .collect()
}

/// Numbers in `s` that stand as a mark may: one to three digits after a space, the
/// token before ending a clause (`Somalia,`) or a date (`18 December 1991`, `1992,`),
/// at the end of the text or before a function word ("175 and the League …").
/// Each as (start with the space before it, end, value).
fn spaced_marks(s: &str) -> Vec<(usize, usize, u32)> {
    let tokens: Vec<(usize, &str)> = s
        .split_whitespace()
        .map(|t| (t.as_ptr() as usize - s.as_ptr() as usize, t))
        .collect();
    let mut out = Vec::new();
    for (k, &(at, t)) in tokens.iter().enumerate() {
        if t.is_empty()
            || t.len() > 3
            || t.starts_with('0')
            || !t.bytes().all(|b| b.is_ascii_digit())
        {
            continue;
        }
        let Ok(v) = t.parse::<u32>() else { continue };
        let Some(&(_, prev)) = k.checked_sub(1).and_then(|j| tokens.get(j)) else {
            continue;
        };
        let ends_clause = prev.ends_with([',', ';']);
        let bare = prev.trim_end_matches([',', ';']);
        let words_before: Vec<&str> = tokens
            .get(k.saturating_sub(3)..k)
            .unwrap_or_default()
            .iter()
            .map(|&(_, w)| w.trim_end_matches([',', ';']))
            .collect();
        let is_date = bare.len() == 4
            && bare.bytes().all(|b| b.is_ascii_digit())
            && (parse_date(&words_before.join(" ")).is_some()
                || words_before
                    .get(words_before.len().saturating_sub(2))
                    .is_some_and(|m| month_number(m).is_some()));
        let after_word = ends_clause && bare.chars().next_back().is_some_and(char::is_alphabetic);
        if !(is_date || after_word) {
            continue;
        }
        // A count goes on with what it counts ("15 persons"), a mark with the sentence.
        if tokens
            .get(k + 1)
            .is_some_and(|&(_, next)| !en::FUNCTION_WORDS.contains(&next))
        {
            continue;
        }
        let start = s.get(..at).map_or(at, |b| b.trim_end().len());
        out.push((start, at + t.len(), v));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_after_clause_ends_and_dates() {
        let texts = [
            "Considering the request by Somalia to consider the situation in Somalia, 174",
            "Taking note of the appeals on 16 December 1991, of the Organization of African Unity on 18 December 1991 175 and the League of Arab States on 5 January 1992, 176",
        ];
        let mut m = UnprintedMarks::find(&texts, &[]);
        let a = m.take(texts[0]);
        assert_eq!(a.len(), 1);
        assert_eq!(
            (&texts[0][..a[0].start], a[0].marker.as_str()),
            (texts[0].trim_end_matches(" 174"), "174")
        );
        let b: Vec<String> = m.take(texts[1]).into_iter().map(|u| u.marker).collect();
        assert_eq!(b, ["175", "176"]);
    }

    #[test]
    fn numbers_that_are_text_stay_text() {
        // Alone, not consecutive, after a number, before a count, or with a printed note.
        let texts = [
            "Recalling its resolutions, 12",
            "Decides to consider paragraphs 3, 4 and 5, 6 months later",
            "Notes that on 5 January 1992, 15 persons were killed, 16 wounded",
            "in the region, 40",
        ];
        assert!(UnprintedMarks::find(&texts, &[]).is_empty());
        let texts = ["the situation, 3", "the report, 4"];
        assert!(UnprintedMarks::find(&texts, &[3, 4]).is_empty());
        assert!(!UnprintedMarks::find(&texts, &[]).is_empty());
    }

    #[test]
    fn an_ocr_bang_is_a_raised_one_only_after_a_whole_word() {
        let texts = [
            "Having noted the several Armistice Agreements! concluded by negotiations",
            "Finds that the Armistice Agreements constitute an important step",
        ];
        let mut m = UnprintedMarks::find(&texts, &[]);
        let u = m.take(texts[0]);
        assert_eq!(u.len(), 1);
        assert_eq!(
            (&texts[0][u[0].start..u[0].end], u[0].marker.as_str()),
            ("!", "1")
        );
        // The `!` is the `l` of a word the text prints whole, or of a word printed once.
        let texts = [
            "Requests the Secretary-Genera! to submit a report",
            "Thanks the Secretary-General",
            "Decides to remain seized of the matter unti! a peaceful solution",
            "Welcome! the end",
        ];
        assert!(UnprintedMarks::find(&texts, &[]).is_empty());
    }
}

//! Places in a text where a footnote mark may stand.

use super::reference::digits_len;
use crate::lang::en;
use crate::lang::is_one_of;

/// A place in a text where a footnote mark may stand.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkCandidate {
    /// Byte range of the digits (or `[^n]`) to remove.
    pub start: usize,
    pub end: usize,
    pub value: u32,
    pub strength: Strength,
}

/// How sure the shape of a candidate makes it a mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// A digit run after a space: "Framework 2".
    Spaced,
    /// Glued to a year: "19904" = 1990 + 4.
    Year,
    /// After punctuation: "2024,1", "Governors”; 3".
    Punct,
    /// Glued to a word: "Nations1".
    Glued,
    /// Written `[^n]`.
    Explicit,
}

/// The index of the first digit or '[' in `b` from `from` on (or the length): the
/// bytes that can start a mark candidate. Whole blocks are tested first, which the
/// compiler turns into vector code, as most bytes of a text are neither.
pub(crate) fn next_digit_or_bracket(b: &[u8], from: usize) -> usize {
    let hit = |c: u8| c.is_ascii_digit() || c == b'[';
    let mut i = from;
    while let Some(block) = b.get(i..i + 16) {
        if block.iter().fold(false, |any, &c| any | hit(c)) {
            break;
        }
        i += 16;
    }
    while b.get(i).is_some_and(|&c| !hit(c)) {
        i += 1;
    }
    i.min(b.len())
}

/// Finds the places in `s` where a footnote mark may stand.
pub fn mark_candidates(s: &str) -> Vec<MarkCandidate> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'[' && b.get(i + 1) == Some(&b'^') {
            let ds = i + 2;
            let mut de = ds;
            while de < b.len() && b[de].is_ascii_digit() {
                de += 1;
            }
            if de > ds && b.get(de) == Some(&b']') {
                if let Ok(v) = s[ds..de].parse() {
                    out.push(MarkCandidate {
                        start: i,
                        end: de + 1,
                        value: v,
                        strength: Strength::Explicit,
                    });
                }
                i = de + 1;
                continue;
            }
        }
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            i = next_digit_or_bracket(b, i + 1);
            continue;
        }
        let start = i;
        let mut end = i;
        while end < b.len() && b[end].is_ascii_digit() {
            end += 1;
        }
        i = end;
        // What follows must end the mark: space, end, or closing punctuation then space.
        let after = &s[end..];
        let next = after.chars().next();
        let ends_ok = match next {
            None => true,
            Some(c) if c.is_whitespace() => true,
            Some(c) if matches!(c, ',' | ';' | ':' | '.' | ')') => after[c.len_utf8()..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace),
            // "Secretary-General, 2and": the extraction glued the mark to the next word.
            Some(c) if c.is_lowercase() => {
                let word_len = after
                    .find(|c: char| !c.is_alphabetic())
                    .unwrap_or(after.len());
                let suffix = &after[..word_len];
                let ordinal = is_one_of(suffix, en::ORDINAL_SUFFIXES)
                    || is_one_of(suffix, en::LATIN_NUMBER_SUFFIXES);
                let after_punct_space = s[..start].ends_with(", ") || s[..start].ends_with("; ");
                !ordinal && after_punct_space && digits_len(s, start) <= 2
            }
            _ => false,
        };
        if !ends_ok {
            continue;
        }
        let glued_after = next.is_some_and(char::is_lowercase);
        let before = &s[..start];
        let prev = before.chars().next_back();
        let digits = &s[start..end];
        match prev {
            Some(c) if c.is_alphabetic() || matches!(c, '”' | '’' | '"' | ')') => {
                // Glued to a word. Reject tokens that look like names with numbers ("P5", "G20", "COP29").
                let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
                let mut letters = word.chars().filter(|c| c.is_alphabetic());
                // A closing bracket or quote ends the word: "(Protocol V)8" is a mark.
                let all_caps = c.is_alphabetic()
                    && letters.clone().count() <= 4
                    && letters.all(char::is_uppercase);
                if digits.len() <= 3 && !all_caps {
                    if let Ok(v) = digits.parse() {
                        out.push(MarkCandidate {
                            start,
                            end,
                            value: v,
                            strength: Strength::Glued,
                        });
                    }
                }
            }
            Some(c) if matches!(c, ',' | ';' | ':' | '.') => {
                // "2024,1" but not "1,000", "3.4", "C-24/DEC.4", "Corr.1" or "1.A.04".
                let before_p = before[..before.len() - 1].chars().next_back();
                let token: &str = before.rsplit(char::is_whitespace).next().unwrap_or("");
                let token_body = &token[..token.len().saturating_sub(1)];
                let in_symbol = c == '.'
                    && (token_body.contains('/')
                        || token_body.contains('.')
                        || token_body.chars().next().is_some_and(|x| x.is_ascii_digit())
                        // "A.2": a capital letter and a number, a label as in "GC(69)/RES/9 A.2".
                        || (!token_body.is_empty()
                            && token_body.len() <= 2
                            && token_body.chars().all(|x| x.is_ascii_uppercase())));
                let is_number_sep = in_symbol
                    || before_p.is_some_and(|x| x.is_ascii_digit())
                        && (c == '.' || digits.len() == 3);
                if digits.len() <= 3 && !is_number_sep {
                    if let Ok(v) = digits.parse() {
                        out.push(MarkCandidate {
                            start,
                            end,
                            value: v,
                            strength: Strength::Punct,
                        });
                    }
                }
            }
            Some(c) if c.is_whitespace() => {
                let before_t = before.trim_end();
                let prev_tok = before_t.rsplit(char::is_whitespace).next().unwrap_or("");
                let strength = if prev_tok.ends_with([',', ';', ':', '.', '”', '’', '"']) {
                    Strength::Punct
                } else {
                    Strength::Spaced
                };
                if digits.len() <= 3 && !before_t.is_empty() {
                    if let Ok(v) = digits.parse() {
                        out.push(MarkCandidate {
                            // Glued to the next word, the space before the mark is the word's own.
                            start: if glued_after {
                                start
                            } else {
                                start - (before.len() - before_t.len())
                            },
                            end,
                            value: v,
                            strength,
                        });
                    }
                }
            }
            _ => {}
        }
        // A year with a mark glued on: "19904", "2014–20243".
        if digits.len() >= 5 && digits.len() <= 7 {
            let year: u32 = digits[..4].parse().unwrap_or(0);
            if (1900..=2099).contains(&year) && !digits[4..].starts_with('0') {
                if let Ok(v) = digits[4..].parse() {
                    out.push(MarkCandidate {
                        start: start + 4,
                        end,
                        value: v,
                        strength: Strength::Year,
                    });
                }
            }
        }
    }
    out
}

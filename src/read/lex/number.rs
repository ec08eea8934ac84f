//! Ordinal and cardinal number words ("sixty-fifth", "71st").

use super::text::lowercase;
use crate::lang;
use crate::lang::en::{HUNDRED, HUNDREDTH, TEENS, TENS, UNITS};
use crate::lang::is_one_of;
use crate::lang::{NUMBER_ENDINGS, NUMBER_STEMS};

/// An English ordinal word: "Sixty-fifth" → 65, "Eightieth" → 80, "hundredth" → 100.
pub fn ordinal_word(word: &str) -> Option<u32> {
    let w = lowercase(word);
    let w = w.trim();
    if HUNDREDTH.contains(&w) {
        return Some(100);
    }
    if let Some(rest) = HUNDRED.iter().find_map(|h| w.strip_prefix(h)) {
        return ordinal_word(rest).map(|n| 100 + n);
    }
    if let Some(&(_, _, n)) = UNITS.iter().find(|(o, _, _)| *o == w) {
        return Some(n);
    }
    if let Some(&(_, n)) = TEENS.iter().find(|(o, _)| *o == w) {
        return Some(n);
    }
    if let Some(&(_, _, n)) = TENS.iter().find(|(o, _, _)| *o == w) {
        return Some(n);
    }
    let (tens, unit) = w.split_once(['-', '‑', ' '])?;
    let &(_, _, t) = TENS.iter().find(|(_, c, _)| *c == tens)?;
    let &(_, _, u) = UNITS.iter().find(|(o, _, _)| *o == unit)?;
    Some(t + u)
}

/// The value of one number word (lowercase), by its stem and ending.
pub(crate) fn number_word(w: &str) -> Option<u32> {
    NUMBER_ENDINGS.iter().find_map(|end| {
        let stem = w.strip_suffix(end)?;
        NUMBER_STEMS
            .iter()
            .find(|(s, _)| *s == stem)
            .map(|&(_, n)| n)
    })
}

/// An ordinal of several words in French, Spanish or Russian, as session lines print it:
/// "Soixante-cinquième", "soixante et onzième", "quatre-vingtième", "Sexagésimo quinto",
/// "Decimoséptimo", "Шестьдесят пятая". `None` unless every word is a number word.
pub fn ordinal_phrase(s: &str) -> Option<u32> {
    let lower = s.to_lowercase();
    let mut total = 0u32;
    let mut prev = 0u32;
    let mut any = false;
    for w in lower
        .split(['-', ' ', '\u{a0}'])
        .filter(|w| !w.is_empty() && *w != lang::fr::AND)
    {
        // Spanish writes 11–19 as one word: "decimoséptimo".
        let (w, extra) = match w.strip_prefix(lang::es::TEEN_PREFIX) {
            Some(rest) if !rest.is_empty() => (rest, 10),
            _ => (w, 0),
        };
        let n = number_word(w)?;
        if n == 20 && prev == 4 {
            // "quatre-vingt(s)": 4 × 20.
            total += 80 - 4;
        } else {
            total += n + extra;
        }
        prev = n;
        any = true;
    }
    (any && total > 0).then_some(total)
}

/// "64th", "52nd", "3rd", "1st" → the number.
pub fn numeric_ordinal(word: &str) -> Option<u32> {
    let n = word.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, suffix) = word.split_at(n);
    if digits.is_empty() || !is_one_of(suffix, lang::ORDINAL_SUFFIXES) {
        return None;
    }
    digits.parse().ok()
}

//! Dates in the official languages: "13 December 2010", "13 de diciembre de 2010",
//! "1997年10月28日".

use super::text::{
    ends_whitespace, lower_position, next_digit, skip_spaces, whitespace_len, word_end,
};
use crate::lang::is_one_of;
use crate::lang::{ar, MONTHS};
use crate::model::Date;

/// The month number of a month name in any supported language.
pub fn month_number(word: &str) -> Option<u8> {
    // Compared without allocating a lowercase copy: this runs for many words.
    let k = lower_position(word, MONTHS.iter().map(|&(m, _)| m))?;
    MONTHS.get(k).map(|&(_, n)| n)
}

/// Parses a whole string "13 December 2010" (also "13 de diciembre de 2010", "13 декабря 2010 года").
pub fn parse_date(s: &str) -> Option<Date> {
    let words: Vec<&str> = s
        .split_whitespace()
        .filter(|w| !matches!(*w, "de" | "года" | "г."))
        // Arabic "10 كانون الأول/ديسمبر 2010": the Egyptian month name after the slash.
        .filter(|w| !is_one_of(w, ar::LEVANTINE_MONTHS))
        .map(|w| match w.split_once('/') {
            Some((_, m)) if !w.is_ascii() => m,
            _ => w,
        })
        .collect();
    match words.as_slice() {
        [w] => chinese_date(w),
        [a, b, y] => {
            let y = y.trim_end_matches([',', '.', ';']);
            // "13 December 2010", or "December 13, 2010".
            date_of(a, b, y).or_else(|| date_of(b.trim_end_matches(','), a, y))
        }
        _ => None,
    }
}

/// "1997年10月28日".
pub(crate) fn chinese_date(w: &str) -> Option<Date> {
    let (y, rest) = w.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let d = rest.strip_suffix('日')?;
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if y.len() != 4 || !all_digits(y) || !all_digits(m) || !all_digits(d) {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

pub(crate) fn date_of(d: &str, m: &str, y: &str) -> Option<Date> {
    // French prints the first of the month as "1er".
    let day: u8 = d.strip_suffix("er").unwrap_or(d).parse().ok()?;
    let month = month_number(m)?;
    if y.len() != 4 {
        return None;
    }
    let year: u16 = y.parse().ok()?;
    Date::new(year, month, day)
}

/// Finds the dates "D Month YYYY" in `s`: (byte start, byte end, date).
///
/// A date is three whitespace-separated words set apart by spaces or no-break spaces
/// only: a day of at most two bytes, a month name, a year of four digits (and at most
/// one more character). The day holds a digit as its last byte, so the search starts
/// from the digits rather than from every word.
pub fn find_dates(s: &str) -> Vec<(usize, usize, Date)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut p = 0;
    while let Some(e0) = next_digit(b, p).map(|d| d + 1) {
        p = e0;
        // The day ends here: the text ends or a whitespace character follows
        // (a day is never the last word: the month and year must follow).
        if b.get(e0).is_none_or(|&c| whitespace_len(s, e0, c) == 0) {
            continue;
        }
        // ... and it starts one or two bytes before, at the start or after a whitespace character.
        let starts_word = |k: usize| k == 0 || ends_whitespace(s, k - 1);
        let s0 = if starts_word(e0 - 1) {
            e0 - 1
        } else if e0 >= 2 && b.get(e0 - 2).is_some_and(|c| c.is_ascii()) && starts_word(e0 - 2) {
            e0 - 2
        } else {
            continue;
        };
        let Some(s1) = skip_spaces(s, e0) else {
            continue;
        };
        let e1 = word_end(s, s1);
        let Some(s2) = skip_spaces(s, e1) else {
            continue;
        };
        let e2 = word_end(s, s2);
        let (Some(day), Some(month), Some(year_tok)) =
            (s.get(s0..e0), s.get(s1..e1), s.get(s2..e2))
        else {
            continue;
        };
        let year = year_tok.trim_end_matches(|c: char| !c.is_ascii_digit());
        if year.len() == 4 && year_tok.len() - year.len() <= 1 {
            if let Some(d) = date_of(day, month, year) {
                out.push((s0, s2 + year.len(), d));
            }
        }
    }
    out
}

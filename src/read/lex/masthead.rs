//! Masthead fields: resolution symbol, job number, and how an adoption line opens.

use super::date::{find_dates, parse_date};
use crate::lang::{en, ADOPTION_OPENINGS};
use crate::model::{AdoptionParts, Date, Span};

/// Inserts spaces where an export glued masthead fields together:
/// "United NationsA/RES/65/122General AssemblyDistr.: General" → "United Nations A/RES/65/122 General Assembly Distr.: General".
pub fn unglue(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if let Some(p) = prev {
            let glued = (p.is_lowercase() && c.is_uppercase())
                || (p.is_ascii_digit() && c.is_uppercase() && c != 'E')
                || (p.is_ascii_digit() && c.is_alphabetic() && c.is_uppercase());
            if glued {
                out.push(' ');
            }
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// Finds a resolution symbol ("A/RES/65/122", "S/RES/2370 (2017)", "A/HRC/RES/5/1") in `s`.
pub fn find_symbol(s: &str) -> Option<String> {
    let idx = s.find("/RES/")?;
    let before = &s[..idx];
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_ascii_uppercase() || c == '/')
        .last()
        .map(|(i, _)| i)
        .unwrap_or(idx);
    let after = &s[idx + 5..];
    let mut end = idx + 5;
    for (i, c) in after.char_indices() {
        if c.is_ascii_digit() || c == '/' {
            end = idx + 5 + i + 1;
        } else {
            break;
        }
    }
    let mut sym = s[start..end].trim_end_matches('/').to_string();
    // A letter part: "A/RES/68/247 B".
    let rest = &s[end..];
    let mut rc = rest.chars();
    if let (Some(' '), Some(l)) = (rc.next(), rc.next()) {
        if l.is_ascii_uppercase() && rc.next().is_none_or(|c| !c.is_alphanumeric()) {
            sym.push(' ');
            sym.push(l);
        }
    }
    (start < idx && sym.len() > idx - start + 5).then_some(sym)
}

/// "25-16680 (E)", "18-18142 (E)    021118", "10-51986" → "25-16680".
pub fn job_number(s: &str) -> Option<String> {
    // It opens with two digits: most lines are told apart before splitting words.
    if !s.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let first = s.split_whitespace().next()?;
    let b = first.as_bytes();
    let ok = b.len() == 8
        && b[2] == b'-'
        && b[..2].iter().all(u8::is_ascii_digit)
        && b[3..].iter().all(u8::is_ascii_digit);
    if !ok {
        return None;
    }
    let rest: Vec<&str> = s.split_whitespace().skip(1).collect();
    let rest_ok = rest.iter().all(|w| {
        (w.starts_with('(') && w.ends_with(')') && w.len() <= 4)
            || w.chars().all(|c| c.is_ascii_digit())
    });
    rest_ok.then(|| first.to_string())
}

/// Whether `line` starts like an adoption line (see [`ADOPTION_OPENINGS`]), perhaps glued
/// to what follows.
pub fn opens_adoption_line(line: &str) -> bool {
    ADOPTION_OPENINGS.iter().any(|o| line.starts_with(o))
}

/// Whether `text` holds an adoption line anywhere.
pub fn has_adoption_line(text: &str) -> bool {
    ADOPTION_OPENINGS.iter().any(|o| text.contains(o))
}

/// Whether `line` is an adoption line (see [`ADOPTION_OPENINGS`]).
pub fn is_adoption_line(line: &str) -> bool {
    ADOPTION_OPENINGS.iter().any(|o| {
        line.strip_prefix(o)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))
    })
}

/// The byte offsets where the words of `s` start.
pub(crate) fn word_starts(s: &str) -> impl Iterator<Item = usize> + '_ {
    s.char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace()
                && s.get(..i)
                    .is_some_and(|b| b.is_empty() || b.ends_with(char::is_whitespace))
        })
        .map(|(i, _)| i)
}

/// The date that ends `line`, and its text: "… on 13 December 2010", "… el 13 de
/// diciembre de 2010", "… 13 декабря 2010 года", "… في 13 كانون الأول/ديسمبر 2010".
pub(crate) fn final_date(line: &str) -> Option<(usize, Date)> {
    let starts: Vec<usize> = word_starts(line).collect();
    // The shortest tail of three to six words that reads as a date.
    starts.iter().rev().skip(2).take(4).find_map(|&i| {
        let tail = line.get(i..)?;
        parse_date(tail).map(|d| (i, d))
    })
}

/// Whether an adoption line gives its date (else the date may be on the next line).
pub fn adoption_has_date(line: &str) -> bool {
    !find_dates(line).is_empty() || final_date(line).is_some()
}

/// Where the document type, the organ's name and the date stand in an adoption line,
/// found in order: the English "Resolution" opening the line, then `organ` after it, then `date`
/// (as printed) after that.
pub(crate) fn adoption_parts(line: &str, organ: &str, date: Option<&str>) -> AdoptionParts {
    let mut parts = AdoptionParts::default();
    let mut at = 0;
    if line.starts_with(en::DOC_TYPE) {
        at = en::DOC_TYPE.len();
        parts.doc_type = Some(Span { start: 0, end: at });
    }
    if let Some(i) = line.get(at..).and_then(|r| r.find(organ)) {
        let start = at + i;
        at = start + organ.len();
        parts.organ = Some(Span { start, end: at });
    }
    if let Some(d) = date.filter(|d| !d.is_empty()) {
        if let Some(i) = line.get(at..).and_then(|r| r.find(d)) {
            parts.date = Some(Span {
                start: at + i,
                end: at + i + d.len(),
            });
        }
    }
    parts
}

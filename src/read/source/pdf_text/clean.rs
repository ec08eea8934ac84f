//! Spaces of extracted text: runs of spaces, no-break and soft hyphens, the columns of
//! `pdftotext -layout`.

use crate::read::lex::text::{HIGH, ONES};
use std::borrow::Cow;

/// Trims and folds runs of white space to one space.
pub(crate) fn clean_spaces(s: &str) -> String {
    clean(s).into_owned()
}

/// [`clean_spaces`], borrowing from `s` when there is nothing to fold.
pub(crate) fn clean(s: &str) -> Cow<'_, str> {
    // No-break spaces are the print's own and stay: only ASCII white space folds.
    let t = s.trim_ascii();
    let b = t.as_bytes();
    let Some(first) = fold_at(b, 0) else {
        return Cow::Borrowed(t);
    };
    let mut out = String::with_capacity(t.len());
    // Text up to `copied` is in `out`.
    let mut copied = 0;
    let mut fold = Some(first);
    while let Some(k) = fold {
        let run = b
            .get(k..)
            .unwrap_or(&[])
            .iter()
            .take_while(|c| c.is_ascii_whitespace())
            .count();
        out.push_str(t.get(copied..k).unwrap_or(""));
        out.push(' ');
        copied = k + run;
        fold = fold_at(b, copied);
    }
    out.push_str(t.get(copied..).unwrap_or(""));
    Cow::Owned(out)
}

/// Where the first run of white space from `from` on starts that is not one plain space
/// (as `u8::is_ascii_whitespace` has it). Eight bytes are read at a time while they hold no
/// control byte and no two spaces in a row.
pub(crate) fn fold_at(b: &[u8], from: usize) -> Option<usize> {
    let folds = |i: usize| {
        b.get(i).is_some_and(|&c| {
            c.is_ascii_whitespace()
                && (c != b' ' || b.get(i + 1).is_some_and(u8::is_ascii_whitespace))
        })
    };
    let mut i = from;
    while let Some(w) = b.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
        let x = u64::from_le_bytes(w);
        // Top bits: of some byte if one is below 0x20; of each space (and maybe of a '!'
        // just after one).
        let control = x.wrapping_sub(0x20 * ONES) & !x & HIGH;
        let v = x ^ (0x20 * ONES);
        let spaces = v.wrapping_sub(ONES) & !v & HIGH;
        // A space in the last byte may have white space after it, in the next eight.
        if control != 0 || spaces & (spaces >> 8) != 0 || spaces >> 63 != 0 {
            if let Some(k) = (i..i + 8).find(|&k| folds(k)) {
                return Some(k);
            }
        }
        i += 8;
    }
    (i..b.len()).find(|&k| folds(k))
}

/// A layout line with its wide gaps kept as line breaks, so that right-aligned
/// masthead fields ("General Assembly      Distr.: General") read as separate fields.
pub(crate) fn collapse_layout(s: &str) -> String {
    let t: Cow<str> = if s.contains('\x0C') {
        s.replace('\x0C', "").into()
    } else {
        s.into()
    };
    // The pieces between runs of three spaces (as `split("   ")`), trimmed, one space apart.
    let mut out = String::with_capacity(t.len());
    let mut rest = t.as_ref();
    loop {
        let gap = rest.as_bytes().windows(3).position(|w| w == b"   ");
        let (chunk, after) = match gap {
            Some(k) => (rest.get(..k).unwrap_or(""), rest.get(k + 3..)),
            None => (rest, None),
        };
        let c = chunk.trim();
        if !c.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(c);
        }
        match after {
            Some(a) => rest = a,
            None => return out,
        }
    }
}

//! A content-stream tokenizer over the inflated bytes: operands borrowed where they can
//! be (lopdf's parser makes an owned object of each, which was most of a page's time).

use std::borrow::Cow;

/// An operand of a content-stream operator.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand<'a> {
    Num(f32),
    Name(&'a [u8]),
    Str(Cow<'a, [u8]>),
    /// A hexadecimal string as written between `<` and `>`, decoded by [`hex_into`] where
    /// it is shown: a page shows thousands, most of one glyph, and a vector each cost 4 %
    /// of a reading.
    Hex(&'a [u8]),
    Array(Vec<Operand<'a>>),
    /// A dictionary, `true`, `null`…: nothing the walk reads.
    Other,
}

impl Operand<'_> {
    pub fn num(&self) -> Option<f32> {
        match self {
            Operand::Num(n) if n.is_finite() => Some(*n),
            _ => None,
        }
    }
}

/// Walks `data`, calling `f(operator, operands)` for each operator.
pub fn each_op<'a>(data: &'a [u8], mut f: impl FnMut(&'a [u8], &[Operand<'a>])) {
    let mut pos = 0;
    let mut operands: Vec<Operand<'a>> = Vec::new();
    // The vectors of arrays already read, emptied for the next ones (a page shows
    // thousands of `[…] TJ`).
    let mut spare: Vec<Vec<Operand<'a>>> = Vec::new();
    while let Some(tok) = next(data, &mut pos, 0, &mut spare) {
        match tok {
            Tok::Op(op) => {
                f(op, &operands);
                for o in operands.drain(..) {
                    if let Operand::Array(mut items) = o {
                        if spare.len() < 16 {
                            items.clear();
                            spare.push(items);
                        }
                    }
                }
                if op == b"BI" {
                    skip_inline_image(data, &mut pos);
                }
            }
            Tok::Operand(o) => {
                // A damaged stream must not pile up operands without end.
                if operands.len() < 64 {
                    operands.push(o);
                }
            }
            Tok::Close => {}
        }
    }
}

enum Tok<'a> {
    Op(&'a [u8]),
    Operand(Operand<'a>),
    /// `]` (or a stray `>>`, `)`).
    Close,
}

const WHITE: u8 = 1;
const DELIM: u8 = 2;

/// The class of each byte: white space, delimiter or regular (0). One table lookup
/// per byte where two `matches!` cost a chain of compares.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let white = b" \n\r\t\x0C\0";
    let mut i = 0;
    while i < white.len() {
        t[white[i] as usize] = WHITE;
        i += 1;
    }
    let delim = b"()<>[]{}/%";
    let mut i = 0;
    while i < delim.len() {
        t[delim[i] as usize] = DELIM;
        i += 1;
    }
    t
};

fn is_white(b: u8) -> bool {
    CLASS[b as usize] == WHITE
}

/// Past the regular bytes from `p`: the end of a name, number or operator.
fn regular_end(d: &[u8], p: usize) -> usize {
    d.get(p..)
        .and_then(|rest| rest.iter().position(|&b| CLASS[b as usize] != 0))
        .map_or(d.len(), |k| p + k)
}

fn next<'a>(
    d: &'a [u8],
    pos: &mut usize,
    depth: u8,
    spare: &mut Vec<Vec<Operand<'a>>>,
) -> Option<Tok<'a>> {
    loop {
        let &c = d.get(*pos)?;
        if is_white(c) {
            *pos += 1;
        } else if c == b'%' {
            while d.get(*pos).is_some_and(|&b| b != b'\n' && b != b'\r') {
                *pos += 1;
            }
        } else {
            break;
        }
    }
    let start = *pos;
    let c = d[start];
    match c {
        b'/' => {
            *pos = regular_end(d, start + 1);
            Some(Tok::Operand(Operand::Name(&d[start + 1..*pos])))
        }
        b'(' => Some(Tok::Operand(Operand::Str(literal(d, pos)))),
        b'<' if d.get(start + 1) == Some(&b'<') => {
            skip_dict(d, pos);
            Some(Tok::Operand(Operand::Other))
        }
        b'<' => {
            let body = start + 1;
            let end = d
                .get(body..)
                .and_then(|rest| rest.iter().position(|&b| b == b'>'))
                .map_or(d.len(), |k| body + k);
            *pos = (end + 1).min(d.len());
            Some(Tok::Operand(Operand::Hex(&d[body..end])))
        }
        b'[' => {
            *pos += 1;
            let mut items = spare.pop().unwrap_or_default();
            // Nesting is bounded: a damaged stream cannot exhaust the stack.
            if depth >= 16 {
                return Some(Tok::Operand(Operand::Array(items)));
            }
            loop {
                match next(d, pos, depth + 1, spare) {
                    Some(Tok::Operand(o)) => {
                        if items.len() < 1 << 16 {
                            items.push(o);
                        }
                    }
                    Some(Tok::Close) | None => break,
                    // An operator inside an array: the array was never closed.
                    Some(Tok::Op(_)) => break,
                }
            }
            Some(Tok::Operand(Operand::Array(items)))
        }
        b']' | b')' | b'>' | b'{' | b'}' => {
            *pos += 1;
            Some(Tok::Close)
        }
        _ => {
            *pos = regular_end(d, start);
            let word = &d[start..*pos];
            if let Some(n) = number(word) {
                Some(Tok::Operand(Operand::Num(n)))
            } else if matches!(word, b"true" | b"false" | b"null") {
                Some(Tok::Operand(Operand::Other))
            } else {
                Some(Tok::Op(word))
            }
        }
    }
}

/// The bytes of a hexadecimal string's body into `out` (emptied first): white space and
/// other bytes skipped, an odd last digit padded with 0.
pub fn hex_into(raw: &[u8], out: &mut Vec<u8>) {
    out.clear();
    let mut hi: Option<u8> = None;
    for &b in raw {
        let v = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            b'A'..=b'F' => b - b'A' + 10,
            _ => continue,
        };
        match hi.take() {
            Some(h) => out.push((h << 4) | v),
            None => hi = Some(v),
        }
    }
    if let Some(h) = hi {
        out.push(h << 4);
    }
}

/// A number as PDF writes it (`-.5`, `3.`, `+2`); `None` for a word with any other
/// byte (an operator); malformed numbers (`1-2`, `..`) read as 0.
fn number(w: &[u8]) -> Option<f32> {
    let mut neg = false;
    let mut int = 0f64;
    let mut frac = 0f64;
    let mut scale = 1f64;
    let mut dot = false;
    for (i, &b) in w.iter().enumerate() {
        match b {
            b'-' if i == 0 => neg = true,
            b'+' if i == 0 => {}
            b'.' if !dot => dot = true,
            b'0'..=b'9' if dot => {
                scale /= 10.0;
                frac += f64::from(b - b'0') * scale;
            }
            b'0'..=b'9' => int = int * 10.0 + f64::from(b - b'0'),
            b'.' | b'-' | b'+' => {}
            _ => return None,
        }
    }
    let v = (int + frac) as f32;
    Some(if neg { -v } else { v })
}

/// A literal string from its `(`: balanced parentheses, escapes.
fn literal<'a>(d: &'a [u8], pos: &mut usize) -> Cow<'a, [u8]> {
    *pos += 1;
    let start = *pos;
    let mut depth = 1u32;
    let mut escaped = false;
    // Borrowed when there is no escape in it.
    let mut i = start;
    while let Some(&b) = d.get(i) {
        match b {
            b'\\' => {
                escaped = true;
                i += 2;
                continue;
            }
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            _ => {}
        }
        i += 1;
    }
    let end = i.min(d.len());
    *pos = (end + 1).min(d.len());
    let raw = &d[start..end];
    if !escaped {
        return Cow::Borrowed(raw);
    }
    let mut out = Vec::with_capacity(raw.len());
    let mut k = 0;
    while let Some(&b) = raw.get(k) {
        k += 1;
        if b != b'\\' {
            out.push(b);
            continue;
        }
        let Some(&e) = raw.get(k) else { break };
        k += 1;
        match e {
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'\r' => {
                if raw.get(k) == Some(&b'\n') {
                    k += 1;
                }
            }
            b'\n' => {}
            b'0'..=b'7' => {
                let mut v = u32::from(e - b'0');
                for _ in 0..2 {
                    match raw.get(k) {
                        Some(&o @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(o - b'0');
                            k += 1;
                        }
                        _ => break,
                    }
                }
                out.push((v & 0xFF) as u8);
            }
            other => out.push(other),
        }
    }
    Cow::Owned(out)
}

fn skip_dict(d: &[u8], pos: &mut usize) {
    let mut depth = 0i32;
    while *pos < d.len() {
        if d[*pos..].starts_with(b"<<") {
            depth += 1;
            *pos += 2;
        } else if d[*pos..].starts_with(b">>") {
            depth -= 1;
            *pos += 2;
            if depth <= 0 {
                return;
            }
        } else if d[*pos] == b'(' {
            let _ = literal(d, pos);
        } else {
            *pos += 1;
        }
    }
}

/// After `BI`: past the image's parameters, `ID`, its data and `EI`.
fn skip_inline_image(d: &[u8], pos: &mut usize) {
    // The parameters end at the operator ID.
    while *pos + 2 <= d.len() {
        if &d[*pos..*pos + 2] == b"ID"
            && d.get(*pos + 2).is_none_or(|&b| is_white(b))
            && (*pos == 0 || is_white(d[*pos - 1]))
        {
            *pos += 3;
            break;
        }
        *pos += 1;
    }
    // The data ends at EI between white space.
    while *pos + 2 <= d.len() {
        if &d[*pos..*pos + 2] == b"EI"
            && *pos > 0
            && is_white(d[*pos - 1])
            && d.get(*pos + 2).is_none_or(|&b| is_white(b))
        {
            *pos += 2;
            return;
        }
        *pos += 1;
    }
    *pos = d.len();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(data: &[u8]) -> Vec<(String, Vec<Operand<'_>>)> {
        let mut out = Vec::new();
        each_op(data, |op, args| {
            out.push((String::from_utf8_lossy(op).into_owned(), args.to_vec()))
        });
        out
    }

    #[test]
    fn operators_and_operands() {
        let got = ops(
            b"BT /F1 9.96 Tf 1 0 0 1 -.5 +3. Tm [(Ab\\(c\\)) -250 <0041>] TJ (x\\101\\\ny) Tj ET",
        );
        assert_eq!(got[1].0, "Tf");
        assert_eq!(got[1].1, vec![Operand::Name(b"F1"), Operand::Num(9.96)]);
        assert_eq!(got[2].1[4], Operand::Num(-0.5));
        assert_eq!(got[2].1[5], Operand::Num(3.0));
        assert_eq!(
            got[3].1,
            vec![Operand::Array(vec![
                Operand::Str(Cow::Owned(b"Ab(c)".to_vec())),
                Operand::Num(-250.0),
                Operand::Hex(b"0041"),
            ])]
        );
        assert_eq!(got[4].1, vec![Operand::Str(Cow::Owned(b"xAy".to_vec()))]);
        assert_eq!(got[5].0, "ET");
    }

    #[test]
    fn hex_strings_decode_past_white_space_and_pad_an_odd_digit() {
        let mut out = vec![9];
        hex_into(b"00 4c\n4", &mut out);
        assert_eq!(out, vec![0x00, 0x4C, 0x40]);
        hex_into(b"", &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn inline_images_dictionaries_and_comments_are_skipped() {
        let got = ops(b"/P <</MCID 0 /T (a>>b)>> BDC % note\nBI /W 2 /H 1 ID \x00EI\xff EI q Q");
        let names: Vec<&str> = got.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(names, vec!["BDC", "BI", "q", "Q"]);
    }

    #[test]
    fn damaged_streams_end_without_panic() {
        for bad in [
            &b"[[[[[[[[[[[[[[[[[[[[[[[[["[..],
            b"(unclosed",
            b"<abc",
            b"BI ID",
            b"<<",
            b")>]",
        ] {
            let _ = ops(bad);
        }
    }
}

//! Words of a text: lowercase comparison without copies, word spans, whitespace.

use std::borrow::Cow;

/// `word.to_lowercase()`, written into `buf` when the word is ASCII and fits.
pub(crate) fn lowercase_in<'a>(word: &'a str, buf: &'a mut [u8; 32]) -> Cow<'a, str> {
    match buf.get_mut(..word.len()) {
        Some(lower) if word.is_ascii() => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            match std::str::from_utf8(lower) {
                Ok(l) => Cow::Borrowed(l),
                Err(_) => Cow::Owned(word.to_lowercase()),
            }
        }
        _ => lowercase(word),
    }
}

/// `word.to_lowercase()`, borrowed when that changes nothing (ASCII without capitals):
/// most words of a text.
pub(crate) fn lowercase(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|c| c.is_ascii() && !c.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// The position of the first of `lowers` (written in lowercase) equal to
/// `word.to_lowercase()`, without allocating.
pub(crate) fn lower_position<'a>(
    word: &str,
    mut lowers: impl Iterator<Item = &'a str>,
) -> Option<usize> {
    if word.is_ascii() {
        // ASCII lowercase keeps the length: most entries fail on it alone.
        lowers.position(|l| l.len() == word.len() && word.eq_ignore_ascii_case(l))
    } else {
        lowers.position(|l| lower_eq(word, l))
    }
}

/// `word.to_lowercase() == lower` for a `lower` written in lowercase, without allocating.
pub(crate) fn lower_eq(word: &str, lower: &str) -> bool {
    if word.is_ascii() {
        return word.eq_ignore_ascii_case(lower);
    }
    // `str::to_lowercase` differs from per-char lowercasing only for a final 'Σ',
    // and neither 'σ' nor 'ς' is in the words compared with.
    word.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

/// The index of the first ASCII digit of `b` from `from` on. Whole blocks are tested
/// first, which the compiler turns into vector code, as most bytes of a text are not digits.
pub(crate) fn next_digit(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(block) = b.get(i..i + 16) {
        if block.iter().fold(false, |any, c| any | c.is_ascii_digit()) {
            break;
        }
        i += 16;
    }
    let rest = b.get(i..)?;
    rest.iter().position(u8::is_ascii_digit).map(|k| i + k)
}

/// From the whitespace after a word at `i`: the start of the next word, if only spaces
/// and no-break spaces come between.
pub(crate) fn skip_spaces(s: &str, mut i: usize) -> Option<usize> {
    let b = s.as_bytes();
    loop {
        match b.get(i)? {
            b' ' => i += 1,
            0xc2 if b.get(i + 1) == Some(&0xa0) => i += 2,
            &c if whitespace_len(s, i, c) > 0 => return None,
            _ => return Some(i),
        }
    }
}

/// The end of the word starting at `i`: the next whitespace character or the end.
pub(crate) fn word_end(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    while let Some(&c) = b.get(i) {
        if MAY_START_SPACE[usize::from(c)] && whitespace_len(s, i, c) > 0 {
            break;
        }
        i += 1;
    }
    i
}

/// Whether a whitespace character of `s` ends at byte `j`.
pub(crate) fn ends_whitespace(s: &str, j: usize) -> bool {
    let b = s.as_bytes();
    match b.get(j) {
        None => false,
        Some(&c) if c < 0x80 => matches!(c, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' '),
        // U+0085 and U+00A0 have two bytes, the other non-ASCII spaces three.
        Some(&c) => {
            (j >= 1 && b.get(j - 1) == Some(&0xc2) && matches!(c, 0x85 | 0xa0))
                || (j >= 2
                    && b.get(j - 2)
                        .is_some_and(|&l| whitespace_len(s, j - 2, l) == 3))
        }
    }
}

/// Byte spans of the whitespace-separated words of `s` (whitespace as `char::is_whitespace`).
pub(crate) fn word_spans(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(s.len() / 6 + 1);
    out.extend(WordSpans::new(s));
    out
}

/// The whitespace-separated words of `s`: `str::split_whitespace`, on bytes.
pub(crate) fn words(s: &str) -> impl Iterator<Item = &str> {
    WordSpans::new(s).map(move |(a, b)| s.get(a..b).unwrap_or_default())
}

/// The byte spans of the words of a text, one by one (see [`word_spans`]).
pub(crate) struct WordSpans<'a> {
    pub(crate) s: &'a str,
    pub(crate) pos: usize,
}

impl<'a> WordSpans<'a> {
    pub(crate) fn new(s: &'a str) -> Self {
        WordSpans { s, pos: 0 }
    }
}

impl Iterator for WordSpans<'_> {
    type Item = (usize, usize);

    #[inline]
    fn next(&mut self) -> Option<(usize, usize)> {
        // Works on bytes: only ASCII bytes and a few lead bytes can start a whitespace
        // character, and this runs over every paragraph several times.
        let s = self.s;
        let b = s.as_bytes();
        let mut i = self.pos;
        // Skip whitespace.
        let start = loop {
            let &c = b.get(i)?;
            match whitespace_len(s, i, c) {
                0 => break i,
                n => i += n,
            }
        };
        // Run to the end of the word.
        i += 1;
        while let Some(&c) = b.get(i) {
            if MAY_START_SPACE[usize::from(c)] {
                let n = whitespace_len(s, i, c);
                if n > 0 {
                    // The space after the word need not be looked at again.
                    self.pos = i + n;
                    return Some((start, i));
                }
            }
            i += 1;
        }
        self.pos = i;
        Some((start, i))
    }
}

/// Bytes that may start a whitespace character: ASCII spaces and the lead bytes of
/// U+0085, U+00A0, U+1680, U+2000–U+205F and U+3000.
pub(crate) static MAY_START_SPACE: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    while k < 256 {
        t[k] = matches!(k, 0x09..=0x0d | 0x20 | 0xc2 | 0xe1 | 0xe2 | 0xe3);
        k += 1;
    }
    t
};

/// The byte length of the whitespace character starting at byte `i` of `s` (whose
/// byte is `c`), or 0 when there is none (also inside a multi-byte character).
#[inline(always)]
pub(crate) fn whitespace_len(s: &str, i: usize, c: u8) -> usize {
    match c {
        b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => 1,
        0xc2 | 0xe1 | 0xe2 | 0xe3 => {
            let b = s.as_bytes();
            let (b1, b2) = (b.get(i + 1).copied(), b.get(i + 2).copied());
            // The UTF-8 forms of the non-ASCII whitespace characters.
            let space = match (c, b1, b2) {
                (0xc2, Some(0x85 | 0xa0), _) => return 2,
                (0xe1, Some(0x9a), Some(0x80)) => true,
                (0xe2, Some(0x80), Some(0x80..=0x8a | 0xa8 | 0xa9 | 0xaf)) => true,
                (0xe2, Some(0x81), Some(0x9f)) => true,
                (0xe3, Some(0x80), Some(0x80)) => true,
                _ => false,
            };
            if space {
                3
            } else {
                0
            }
        }
        _ => 0,
    }
}

/// Byte classes for [`Words`]: ASCII white space, lead bytes of other white space, and lead
/// bytes of a hyphen ('-', U+2011) or a soft hyphen (U+00AD).
pub(crate) const SPACE: u8 = 1;
pub(crate) const MAY_DASH: u8 = 2;
pub(crate) const MAY_SOFT: u8 = 4;
pub(crate) const MAY_SPACE: u8 = 8;

pub(crate) const fn byte_classes() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        let mut c = 0;
        // As `char::is_whitespace` (with U+000B, unlike `u8::is_ascii_whitespace`).
        if matches!(b, b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' | b' ') {
            c |= SPACE;
        }
        if matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
            c |= MAY_SPACE;
        }
        if b == b'-' || b == 0xE2 {
            c |= MAY_DASH;
        }
        if b == 0xC2 {
            c |= MAY_SOFT;
        }
        t[i] = c;
        i += 1;
    }
    t
}

pub(crate) static BYTE_CLASSES: [u8; 256] = byte_classes();

/// The words of a text between white space, as `split_whitespace` gives them, found byte by
/// byte: only a few lead bytes can start a white-space character other than ASCII.
pub(crate) struct Words<'a> {
    pub(crate) text: &'a str,
    pub(crate) at: usize,
    /// The byte classes found in the last word.
    pub(crate) marks: u8,
    /// All white space so far was plain spaces.
    pub(crate) plain: bool,
}

impl<'a> Words<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Words {
            text,
            at: 0,
            marks: 0,
            plain: true,
        }
    }

    /// The length of the white-space character at byte `i`, if it is one.
    #[inline]
    pub(crate) fn space_at(&self, i: usize) -> Option<usize> {
        let class = BYTE_CLASSES[usize::from(*self.text.as_bytes().get(i)?)];
        if class & SPACE != 0 {
            Some(1)
        } else if class & MAY_SPACE != 0 {
            self.wide_space_at(i)
        } else {
            None
        }
    }

    /// The length of the white-space character beyond ASCII at byte `i`, if it is one.
    #[inline(never)]
    pub(crate) fn wide_space_at(&self, i: usize) -> Option<usize> {
        let c = self.text.get(i..)?.chars().next()?;
        c.is_whitespace().then_some(c.len_utf8())
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        let b = self.text.as_bytes();
        let mut i = self.at;
        while let Some(n) = self.space_at(i) {
            self.plain &= b.get(i) == Some(&b' ');
            i += n;
        }
        let start = i;
        let mut marks = 0;
        loop {
            // Eight bytes at a time up to the first that may matter: white space, '-', or
            // beyond ASCII. The lowest top bit set marks it (higher ones may be false).
            if let Some(w) = b.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
                let x = u64::from_le_bytes(w);
                let dash = x ^ (u64::from(b'-') * ONES);
                let flags = x.wrapping_sub(0x21 * ONES) & !x & HIGH
                    | dash.wrapping_sub(ONES) & !dash & HIGH
                    | x & HIGH;
                i += (flags.trailing_zeros() / 8) as usize;
                if flags == 0 {
                    continue;
                }
            }
            let Some(&c) = b.get(i) else { break };
            let class = BYTE_CLASSES[usize::from(c)];
            if class & SPACE != 0 || class & MAY_SPACE != 0 && self.wide_space_at(i).is_some() {
                break;
            }
            marks |= class;
            i += 1;
        }
        self.at = i;
        self.marks = marks;
        if start == i {
            return None;
        }
        self.text.get(start..i)
    }
}

/// Stands for a line-end hyphen until the document's words decide it.
pub(crate) const SOFT: char = '\u{AD}';

/// Every byte one, and every byte's top bit: for reading eight bytes at a time.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

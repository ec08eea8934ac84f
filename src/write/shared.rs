//! Helpers the writers share: the UN's document links, a fast hasher for short keys,
//! a byte search, and numbers and dates written without the formatting machinery.

use crate::model::{Block, Date, Paragraph, Resolution, Text};
use std::fmt::Write;
use std::hash::{BuildHasherDefault, Hasher};

/// The UN's permanent link for a document symbol, used by every writer that links:
/// `https://undocs.org/{lang}/{symbol}` (e.g. `https://undocs.org/en/A/RES/59/50`).
pub fn document_url(symbol: &str, lang: &str) -> String {
    let mut out = String::new();
    push_document_url(&mut out, symbol, lang);
    out
}

/// [`document_url`], appended to `out`.
pub fn push_document_url(out: &mut String, symbol: &str, lang: &str) {
    let lang = if lang.is_empty() { "en" } else { lang };
    out.push_str("https://undocs.org/");
    out.push_str(lang);
    out.push('/');
    let mut run = 0;
    for (i, c) in symbol.bytes().enumerate() {
        let escaped = match c {
            b' ' => "%20",
            b'#' => "%23",
            b'?' => "%3F",
            b'%' => "%25",
            _ => continue,
        };
        out.push_str(symbol.get(run..i).unwrap_or_default());
        out.push_str(escaped);
        run = i + 1;
    }
    out.push_str(symbol.get(run..).unwrap_or_default());
}

/// FxHash, as in rustc: much cheaper than the default SipHash for the writers' short
/// keys (eIds, footnote markers). The keys come from one document and
/// the maps stay small, so the default's resistance to crafted collisions buys nothing
/// that matters.
#[derive(Default)]
pub(crate) struct Fx(u64);

pub(crate) type FastHash = BuildHasherDefault<Fx>;

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            self.add(u64::from_le_bytes(word));
        }
        let mut word = [0u8; 8];
        let rest = chunks.remainder();
        if let Some(w) = word.get_mut(..rest.len()) {
            w.copy_from_slice(rest);
        }
        self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 56));
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn finish(&self) -> u64 {
        // The multiply leaves the low bits, which pick the bucket, weakest: rotate the
        // better high bits down.
        self.0.rotate_left(26)
    }
}

/// The position of the first byte of `b` from `from` on for which `hit` holds. Sixteen
/// bytes at a time are tested with no early exit, which the compiler turns into vector
/// code: long runs of ordinary text are skipped quickly.
#[inline(always)]
pub(crate) fn find_byte(b: &[u8], from: usize, hit: impl Fn(u8) -> bool) -> Option<usize> {
    let any = |chunk: &[u8]| chunk.iter().fold(false, |acc, &c| acc | hit(c));
    let mut i = from;
    while let Some(chunk) = b.get(i..i + 16) {
        if any(chunk) {
            break;
        }
        i += 16;
    }
    let tail = b.get(i..)?;
    if tail.len() < 16 {
        // The last few bytes are tested at once too: as the last sixteen of `b` when there
        // are so many, else padded with a copy of their first byte (which adds no hit).
        let last = match b
            .get(b.len().saturating_sub(16)..)
            .filter(|l| l.len() == 16)
        {
            Some(last) => any(last),
            None => {
                let mut padded = [tail.first().copied()?; 16];
                padded.get_mut(..tail.len())?.copy_from_slice(tail);
                any(&padded)
            }
        };
        if !last {
            return None;
        }
    }
    tail.iter().position(|&c| hit(c)).map(|p| i + p)
}

/// `n` in decimal ASCII digits, written into `digits`, without the formatting machinery.
pub(crate) fn decimal(n: u64, digits: &mut [u8; 20]) -> &[u8] {
    let mut start = digits.len();
    let mut rest = n;
    for d in digits.iter_mut().rev() {
        *d = b'0' + (rest % 10) as u8;
        rest /= 10;
        start -= 1;
        if rest == 0 {
            break;
        }
    }
    digits.get(start..).unwrap_or_default()
}

/// Appends `n` in decimal, as `write!(out, "{n}")` would.
pub(crate) fn push_number(out: &mut String, n: usize) {
    let mut digits = [0; 20];
    let text = decimal(n as u64, &mut digits);
    out.push_str(std::str::from_utf8(text).unwrap_or_default());
}

/// Appends the date as `YYYY-MM-DD`, as its `Display` does.
pub(crate) fn push_date(out: &mut String, d: Date) {
    match iso_date(d) {
        Some(b) => out.push_str(std::str::from_utf8(&b).unwrap_or_default()),
        None => {
            let _ = write!(out, "{d}");
        }
    }
}

/// The date as `YYYY-MM-DD` (what its `Display` writes) when its year has four digits,
/// as every valid date's has.
pub(crate) fn iso_date(d: Date) -> Option<[u8; 10]> {
    let y = d.year();
    if !(1000..=9999).contains(&y) {
        return None;
    }
    let digit = |n: u16| b'0' + (n % 10) as u8;
    let (m, day) = (u16::from(d.month()), u16::from(d.day()));
    Some([
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(day / 10),
        digit(day),
    ])
}

/// About how many bytes of text the document holds, to size output buffers up front.
pub(crate) fn text_size(doc: &Resolution) -> usize {
    fn text(t: &Text) -> usize {
        t.0.iter().map(|i| i.text().len() + 8).sum()
    }
    fn paragraph(p: &Paragraph) -> usize {
        let texts = p.content.iter().chain(&p.wrap_up).chain(&p.heading);
        64 + texts.map(text).sum::<usize>() + p.subparagraphs.iter().map(paragraph).sum::<usize>()
    }
    fn blocks(b: &[Block]) -> usize {
        b.iter()
            .map(|b| match b {
                Block::Paragraph(p) => paragraph(p),
                Block::Section(s) => 64 + text(&s.heading) + blocks(&s.children),
            })
            .sum()
    }
    let m = &doc.meta;
    512 + m.title.as_ref().map_or(0, String::len)
        + m.origin.as_ref().map_or(0, |o| text(&o.text))
        + doc.formula.as_ref().map_or(0, |f| {
            text(&f.text)
                + f.lead.as_ref().map_or(0, text)
                + f.proclamation.as_ref().map_or(0, text)
        })
        + blocks(&doc.preamble)
        + blocks(&doc.body)
        + doc
            .annexes
            .iter()
            .map(|a| 64 + blocks(&a.blocks))
            .sum::<usize>()
        + doc
            .footnotes
            .iter()
            .map(|f| 16 + text(&f.text))
            .sum::<usize>()
}

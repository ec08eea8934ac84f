//! The language of a text when nothing printed names it.

use crate::lang::{es, fr};
use crate::read::lex::text::{ends_whitespace, whitespace_len};
use crate::read::prepared::Para;

pub(crate) fn guess_language(body: &[Para]) -> String {
    let mut cyr = 0usize;
    let mut latin = 0usize;
    let mut bytes = 0usize;
    for p in body.iter().take(40) {
        let b = p.text.as_bytes();
        // Counted on bytes: U+0400–U+04FF are the characters whose UTF-8 lead byte is 0xD0–0xD3.
        cyr += count_bytes(b, |c| c & 0xfc == 0xd0);
        latin += count_bytes(b, |c| c.is_ascii_alphabetic());
        bytes += b.len();
    }
    // Latin and Cyrillic letters fill most of the bytes of a text in those scripts; only
    // when they do not are the Chinese and Arabic characters counted.
    if (latin + 2 * cyr) * 2 < bytes {
        let (mut han, mut arabic) = (0, 0);
        for p in body.iter().take(40) {
            let b = p.text.as_bytes();
            // U+4000–U+9FFF (CJK ideographs): lead bytes 0xE4–0xE9; U+0600–U+06FF (Arabic): 0xD8–0xDB.
            han += count_bytes(b, |c| (0xe4..=0xe9).contains(&c));
            arabic += count_bytes(b, |c| c & 0xfc == 0xd8);
        }
        // Each count is one per character: the script with the most characters decides.
        if han > latin.max(cyr).max(arabic) {
            return "zh".into();
        }
        if arabic > latin.max(cyr) {
            return "ar".into();
        }
    }
    if cyr > latin {
        return "ru".into();
    }
    let mut fr = 0usize;
    let mut es = 0usize;
    for p in body.iter().take(40) {
        count_language_words(&p.text, &mut fr, &mut es);
    }
    if fr > 5 && fr > es {
        "fr".into()
    } else if es > 5 {
        "es".into()
    } else {
        "en".into()
    }
}

/// Counts the whole words of `s` that `lang::fr::COMMON_WORDS` and `lang::es::COMMON_WORDS` list. Words start at the
/// start and after a whitespace character; these are found eight bytes at a time, as
/// this reads the first paragraphs of every document.
pub(crate) fn count_language_words(s: &str, fr: &mut usize, es: &mut usize) {
    let b = s.as_bytes();
    let mut word_at = |i: usize| {
        // Most words start with another letter: decided here, before any call.
        if b.get(i)
            .is_some_and(|&c| COMMON_BY_FIRST_BYTE[usize::from(c)].1 > 0)
        {
            count_language_word(s, i, fr, es);
        }
    };
    word_at(0);
    let mut chunks = b.chunks_exact(8);
    let mut i = 0;
    for chunk in chunks.by_ref() {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        // The bytes below 0x21 or from 0x80 on, the only ones that can end a whitespace
        // character: per byte, the top bit of `low + 0x5f` is set from 0x21 on, and no
        // byte carries into the next.
        let low = x & 0x7f7f_7f7f_7f7f_7f7f;
        let mut may_end = (!(low + 0x5f5f_5f5f_5f5f_5f5f) | x) & 0x8080_8080_8080_8080;
        while may_end != 0 {
            let j = i + (may_end.trailing_zeros() / 8) as usize;
            may_end &= may_end - 1;
            if ends_whitespace(s, j) {
                word_at(j + 1);
            }
        }
        i += 8;
    }
    for j in i..b.len() {
        if ends_whitespace(s, j) {
            word_at(j + 1);
        }
    }
}

/// Counts the word of `s` at byte `i` if it is one of [`language_words`].
pub(crate) fn count_language_word(s: &str, i: usize, fr: &mut usize, es: &mut usize) {
    let b = s.as_bytes();
    let Some(&first) = b.get(i) else { return };
    let (start, n) = COMMON_BY_FIRST_BYTE[usize::from(first)];
    for &(w, french) in COMMON.get(start..start + n).unwrap_or_default() {
        let end = i + w.len();
        let whole = b.get(i..end) == Some(w.as_bytes())
            && b.get(end).is_none_or(|&c| whitespace_len(s, end, c) > 0);
        if whole {
            if french {
                *fr += 1;
            } else {
                *es += 1;
            }
            return;
        }
    }
}

/// The number of bytes of `b` that pass `f`, counted in blocks small enough for a byte
/// counter, which the compiler turns into vector code.
pub(crate) fn count_bytes(b: &[u8], f: impl Fn(u8) -> bool) -> usize {
    b.chunks(255)
        .map(|block| {
            let n = block.iter().fold(0u8, |n, &c| n + u8::from(f(c)));
            usize::from(n)
        })
        .sum()
}

/// How many common words there are in French and Spanish together.
const N_COMMON: usize = fr::COMMON_WORDS.len() + es::COMMON_WORDS.len();

/// The French (true) and Spanish (false) common words, ordered by their first byte.
static COMMON: [(&str, bool); N_COMMON] = {
    let mut all = [("", false); N_COMMON];
    let mut k = 0;
    while k < fr::COMMON_WORDS.len() {
        all[k] = (fr::COMMON_WORDS[k], true);
        k += 1;
    }
    while k < N_COMMON {
        all[k] = (es::COMMON_WORDS[k - fr::COMMON_WORDS.len()], false);
        k += 1;
    }
    // A stable insertion sort by first byte, at compile time.
    let mut i = 1;
    while i < N_COMMON {
        let mut j = i;
        while j > 0 && all[j - 1].0.as_bytes()[0] > all[j].0.as_bytes()[0] {
            let t = all[j - 1];
            all[j - 1] = all[j];
            all[j] = t;
            j -= 1;
        }
        i += 1;
    }
    all
};

/// For each first byte, where the words starting with it stand in [`COMMON`] and how
/// many there are: most words of a text are told apart by this alone.
static COMMON_BY_FIRST_BYTE: [(usize, usize); 256] = {
    let mut t = [(0, 0); 256];
    let mut k = 0;
    while k < N_COMMON {
        let b = COMMON[k].0.as_bytes()[0] as usize;
        if t[b].1 == 0 {
            t[b].0 = k;
        }
        t[b].1 += 1;
        k += 1;
    }
    t
};

//! Repairs of justification artefacts in PDF text: words split or glued by the
//! extractor, resolved against the document's own vocabulary.

use crate::lang;
use crate::lang::en::{self, TENS, UNITS};
use crate::lang::is_one_of;
use crate::read::lex::text::{Words, HIGH, MAY_DASH, MAY_SOFT, ONES, SOFT};
use std::collections::HashMap;

/// The vocabulary's hasher: words are short and SipHash's strength is not needed here, so
/// eight bytes are mixed at a time with a multiply (as rustc's FxHash does).
#[derive(Default)]
pub struct WordHasher(u64);

impl WordHasher {
    const K: u64 = 0xf135_7aea_2e62_a9c5;

    pub(crate) fn mix(&mut self, x: u64) {
        self.0 = self.0.wrapping_add(x).wrapping_mul(Self::K);
    }
}

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        // The multiply leaves its best bits high; the table indexes with the low ones.
        self.0.rotate_left(26)
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.mix(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        // The last 1 to 7 bytes in two overlapping reads (or three single bytes); with the
        // length, different tails give different values.
        let n = rest.len();
        let read = |k: usize, w: usize| {
            rest.get(k..k + w).map_or(0, |b| {
                b.iter().rev().fold(0u64, |x, &b| x << 8 | u64::from(b))
            })
        };
        let x = match n {
            0 => return,
            1..=3 => read(0, 1) | read(n / 2, 1) << 8 | read(n - 1, 1) << 16,
            _ => read(0, 4) | read(n - 4, 4) << 32,
        };
        self.mix(x ^ ((n as u64) << 59));
    }
    fn write_u8(&mut self, i: u8) {
        self.mix(u64::from(i));
    }
}

pub(crate) type Counts<'a> = HashMap<&'a str, usize, std::hash::BuildHasherDefault<WordHasher>>;

/// Word counts of a document, borrowing the words from its text.
#[derive(Default)]
pub(crate) struct Vocab<'a> {
    /// Words trimmed of punctuation, with their places in `counts`.
    pub(crate) words: Counts<'a>,
    pub(crate) counts: Vec<usize>,
    /// The parts of compounds ("non" of "non-State"), counted apart from the words.
    pub(crate) parts: Counts<'a>,
    /// The words of each text, in the order of [`vocabulary`]'s texts, when the text can
    /// be read again from them: only plain spaces between words, and no soft hyphen.
    pub(crate) texts: Vec<Option<std::ops::Range<usize>>>,
    pub(crate) tokens: Vec<Token>,
}

/// A word of a text: where it is, and the place of its trimmed form in `Vocab::counts`.
#[derive(Clone, Copy)]
pub(crate) struct Token {
    pub(crate) at: usize,
    pub(crate) len: usize,
    pub(crate) id: Option<usize>,
}

impl<'a> Vocab<'a> {
    /// Counts the word `w` and gives its place; `may_dash`: it may have a hyphen.
    pub(crate) fn add(&mut self, w: &'a str, may_dash: bool) -> usize {
        let next = self.counts.len();
        let id = *self.words.entry(w).or_insert(next);
        match self.counts.get_mut(id) {
            Some(n) => *n += 1,
            None => self.counts.push(1),
        }
        // The parts of a compound count as words too, marked apart ("non" of "non-State").
        if may_dash && w.contains(['-', '\u{2011}']) {
            for part in w.split(['-', '\u{2011}']).filter(|p| !p.is_empty()) {
                *self.parts.entry(part).or_insert(0) += 1;
            }
        }
        id
    }

    /// How often the document has the word `w`.
    pub(crate) fn count(&self, w: &str) -> usize {
        // A key led by PART names a part (words never start with PART: it is no alphanumeric).
        match w.strip_prefix(PART) {
            Some(part) => self.parts.get(part).copied().unwrap_or(0),
            None => self.word_count(w),
        }
    }

    /// How often the document has the word `w` (not a part).
    pub(crate) fn word_count(&self, w: &str) -> usize {
        self.words
            .get(w)
            .and_then(|&id| self.counts.get(id))
            .copied()
            .unwrap_or(0)
    }

    /// The word stands in the document, alone or as a part of a compound.
    pub(crate) fn known(&self, w: &str) -> bool {
        self.count(w) > 0 || self.parts.contains_key(w)
    }
}

/// Word counts of the document, for deciding repairs, from the texts in the order given.
pub(crate) fn vocabulary<'a>(texts: &[&'a str]) -> Vocab<'a> {
    let size: usize = texts.iter().map(|t| t.len()).sum();
    // About one new word in every ten bytes of a document, and a word in every five: the
    // tables seldom grow.
    let mut v = Vocab {
        words: Counts::with_capacity_and_hasher(size / 10, Default::default()),
        counts: Vec::with_capacity(size / 10),
        tokens: Vec::with_capacity(size / 5),
        texts: Vec::with_capacity(texts.len()),
        ..Vocab::default()
    };
    for &t in texts {
        // Soft hyphens are resolved before repair: then the text is read anew.
        let keep = !t.contains(SOFT);
        let first = v.tokens.len();
        let mut words = Words::new(t);
        while let Some(w) = words.next() {
            let marks = words.marks;
            let at = words.at - w.len();
            let core = trim_non_alnum(w);
            let id = if core.is_empty() || marks & MAY_SOFT != 0 && core.contains(SOFT) {
                None
            } else {
                Some(v.add(core, marks & MAY_DASH != 0))
            };
            if keep {
                v.tokens.push(Token {
                    at,
                    len: w.len(),
                    id,
                });
            }
        }
        if keep && words.plain {
            v.texts.push(Some(first..v.tokens.len()));
        } else {
            v.tokens.truncate(first);
            v.texts.push(None);
        }
    }
    v
}

/// Repairs justification artefacts: "high -level", "Secretary -General", "Confere nce",
/// "h umankind", "Countries ”". `scratch` is a buffer for looking up joined words.
/// `tokens`: the words of `s` as the vocabulary read them, if it kept them.
pub(crate) fn repair(
    s: &str,
    tokens: Option<&[Token]>,
    vocab: &Vocab,
    scratch: &mut String,
) -> String {
    // Line-end hyphens first: each word that has one is decided, the rest copied.
    let mut resolved = String::new();
    let (s, tokens) = if s.contains(SOFT) {
        let mut rest = s;
        while let Some(k) = rest.find(SOFT) {
            let (before, after) = rest.split_at(k);
            let start = before.rfind(' ').map_or(0, |p| p + 1);
            let end = after.find(' ').map_or(rest.len(), |p| k + p);
            resolved.push_str(&rest[..start]);
            resolved.push_str(&resolve_soft(&rest[start..end], vocab));
            rest = &rest[end..];
        }
        resolved.push_str(rest);
        (resolved.as_str(), None)
    } else {
        (s, tokens)
    };
    let mut words = match tokens {
        Some(t) => WordSource::Tokens(s, t.iter()),
        None => WordSource::Scan(SpaceWords::new(s)),
    };
    let mut out = Repaired::new(s);
    // The last word looked up in the vocabulary: the second piece of one pair is the
    // first of the next.
    let mut last: Option<(&str, usize)> = None;
    let mut next_word = words.next();
    while let Some(word) = next_word {
        next_word = words.next();
        let w = word.text;
        let next = next_word.map(|n| n.text);
        // "post -" "conflict" / "high -level": the hyphen lost its word.
        if let Some(rest) = w.strip_prefix('-') {
            let text = out.text();
            if rest.chars().next().is_some_and(char::is_alphabetic)
                && text.chars().next_back().is_some_and(char::is_alphanumeric)
            {
                text.push('-');
                text.push_str(rest);
                continue;
            }
        }
        if w == "-" {
            if let Some(next) = next {
                let text = out.text();
                if text.chars().next_back().is_some_and(char::is_alphabetic)
                    && next.chars().next().is_some_and(char::is_lowercase)
                {
                    text.push('-');
                    text.push_str(next);
                    next_word = words.next();
                    continue;
                }
            }
        }
        // "nuclear- weapon-free", "capacity- building": a hyphen the justification set apart.
        // "information- and infrastructure-sharing" is a suspended hyphen and stays.
        if w.len() > 1
            && w.ends_with('-')
            && w.chars().rev().nth(1).is_some_and(char::is_alphabetic)
        {
            if let Some(next) = next {
                let suspended = is_one_of(next, lang::SUSPENDING_WORDS);
                if !suspended && next.chars().next().is_some_and(char::is_alphabetic) {
                    out.push(w).push_str(next);
                    next_word = words.next();
                    continue;
                }
            }
        }
        if let Some(fixed) = number_compound(w) {
            out.push(&fixed);
            continue;
        }
        // A closing quote set off by a space: "Countries ”".
        if w.as_bytes().first() == Some(&0xE2)
            && w.starts_with('”')
            && w.chars().nth(1).is_none_or(|c| !c.is_alphanumeric())
        {
            let text = out.text();
            if !text.is_empty() {
                text.push_str(w);
                continue;
            }
        }
        // A comma set off by a space ("in Persons , annexed"): no language sets one so.
        if w.starts_with(',') && w.chars().nth(1).is_none_or(|c| !c.is_alphanumeric()) {
            let text = out.text();
            if text.chars().next_back().is_some_and(char::is_alphanumeric) {
                text.push_str(w);
                continue;
            }
        }
        // A word split in two: join when only the whole is a word of this document.
        if let Some(next) = next_word {
            if split_word_repair(word, next, vocab, scratch, &mut last) {
                out.push(w).push_str(next.text);
                next_word = words.next();
                continue;
            }
        }
        out.keep(word.at, w);
    }
    out.finish()
}

/// A repaired text being written: words a space apart. Words that stay as they were are
/// copied from the source in runs, not one by one.
pub(crate) struct Repaired<'a> {
    pub(crate) source: &'a str,
    pub(crate) text: String,
    /// The source's words from `.0` to `.1`, kept and not yet copied.
    pub(crate) run: Option<(usize, usize)>,
}

impl<'a> Repaired<'a> {
    pub(crate) fn new(source: &'a str) -> Self {
        Repaired {
            source,
            text: String::with_capacity(source.len()),
            run: None,
        }
    }

    /// Keeps the source's word `w`, which starts at byte `at`.
    pub(crate) fn keep(&mut self, at: usize, w: &str) {
        let end = at + w.len();
        match &mut self.run {
            // One space apart in the source: as in the text.
            Some((_, e)) if *e + 1 == at => *e = end,
            _ => {
                self.flush();
                self.run = Some((at, end));
            }
        }
    }

    /// Writes a new word; the text, to extend it.
    pub(crate) fn push(&mut self, w: &str) -> &mut String {
        let text = self.text();
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(w);
        text
    }

    /// The text so far, all words written.
    pub(crate) fn text(&mut self) -> &mut String {
        self.flush();
        &mut self.text
    }

    pub(crate) fn flush(&mut self) {
        if let Some((a, b)) = self.run.take() {
            if !self.text.is_empty() {
                self.text.push(' ');
            }
            self.text.push_str(self.source.get(a..b).unwrap_or(""));
        }
    }

    pub(crate) fn finish(mut self) -> String {
        self.flush();
        self.text
    }
}

/// A word of a text between single spaces.
#[derive(Clone, Copy)]
pub(crate) struct SpaceWord<'a> {
    /// Where it starts in the text.
    pub(crate) at: usize,
    pub(crate) text: &'a str,
    /// Its trimmed form's place in the vocabulary, when known.
    pub(crate) id: Option<usize>,
}

/// The words of a text for repair: those the vocabulary kept, or read anew.
pub(crate) enum WordSource<'s, 't> {
    Tokens(&'s str, std::slice::Iter<'t, Token>),
    Scan(SpaceWords<'s>),
}

impl<'s> Iterator for WordSource<'s, '_> {
    type Item = SpaceWord<'s>;
    fn next(&mut self) -> Option<SpaceWord<'s>> {
        match self {
            WordSource::Tokens(text, tokens) => tokens.next().and_then(|t| {
                Some(SpaceWord {
                    at: t.at,
                    text: text.get(t.at..t.at + t.len)?,
                    id: t.id,
                })
            }),
            WordSource::Scan(words) => words.next(),
        }
    }
}

/// The words of a text between single spaces (`split(' ')` without the empty pieces), found
/// byte by byte: the general searcher costs more than these short words.
pub(crate) struct SpaceWords<'a> {
    pub(crate) text: &'a str,
    pub(crate) at: usize,
}

impl<'a> SpaceWords<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        SpaceWords { text, at: 0 }
    }
}

impl<'a> Iterator for SpaceWords<'a> {
    type Item = SpaceWord<'a>;
    fn next(&mut self) -> Option<SpaceWord<'a>> {
        let rest = self.text.as_bytes().get(self.at..)?;
        let start = self.at + rest.iter().take_while(|&&c| c == b' ').count();
        let word = self.text.as_bytes().get(start..)?;
        let len = word.iter().position(|&c| c == b' ').unwrap_or(word.len());
        self.at = start + len;
        if len == 0 {
            return None;
        }
        Some(SpaceWord {
            at: start,
            text: self.text.get(start..start + len)?,
            id: None,
        })
    }
}

/// The lines of a text as `str::lines` gives them, their ends found eight bytes at a time.
pub(crate) struct Lines<'a>(pub(crate) &'a str);

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        if self.0.is_empty() {
            return None;
        }
        let b = self.0.as_bytes();
        let mut i = 0;
        let end = loop {
            let Some(w) = b.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) else {
                break b
                    .get(i..)
                    .and_then(|r| r.iter().position(|&c| c == b'\n'))
                    .map(|k| i + k);
            };
            let v = u64::from_le_bytes(w) ^ (u64::from(b'\n') * ONES);
            // The lowest top bit set is the first newline (higher ones may be false).
            let newlines = v.wrapping_sub(ONES) & !v & HIGH;
            if newlines != 0 {
                break Some(i + (newlines.trailing_zeros() / 8) as usize);
            }
            i += 8;
        };
        let Some(k) = end else {
            return Some(std::mem::take(&mut self.0));
        };
        let (line, rest) = (self.0.get(..k)?, self.0.get(k + 1..)?);
        self.0 = rest;
        Some(line.strip_suffix('\r').unwrap_or(line))
    }
}

/// Prefix of vocabulary entries that are parts of compounds.
pub(crate) const PART: char = '\u{1}';

/// Decides a line-end hyphen: the joined word if the document uses it, the hyphen if the
/// document writes the compound so or both halves are its words, else the joined word.
pub(crate) fn resolve_soft(w: &str, vocab: &Vocab) -> String {
    let Some(k) = w.find(SOFT) else {
        return w.to_string();
    };
    let (left, right) = (&w[..k], &w[k + SOFT.len_utf8()..]);
    let joined = format!("{left}{right}");
    let hyphened = format!("{left}-{right}");
    let core = |x: &str| x.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    if vocab.count(&core(&joined)) > 0 {
        return joined;
    }
    if vocab.count(&core(&hyphened)) > 0 {
        return hyphened;
    }
    let l = core(left);
    let l = l.rsplit(['-', '\u{2011}']).next().unwrap_or("");
    let r = core(right);
    let r = r.split(['-', '\u{2011}']).next().unwrap_or("");
    if l.chars().count() >= 2 && r.chars().count() >= 2 && vocab.known(l) && vocab.known(r) {
        return hyphened;
    }
    // Prefixes and number words that English writes with a hyphen ("post-conflict", "sixty-first").
    let lower = l.to_lowercase();
    if is_one_of(lower.as_str(), en::COMPOUND_HEADS) && r.chars().count() >= 2 {
        return hyphened;
    }
    joined
}

/// "twentyfirst" (a hyphen lost by the extraction) → "twenty-first".
pub(crate) fn number_compound(w: &str) -> Option<String> {
    // Cheap tests first: this runs for every word. It starts as a tens word does.
    let first = w.as_bytes().first()?.to_ascii_lowercase();
    if w.len() < 8
        || !TENS
            .iter()
            .any(|&(_, cardinal, _)| cardinal.as_bytes().first() == Some(&first))
    {
        return None;
    }
    let core = w.trim_end_matches(|c: char| !is_alphabetic(c));
    if core.len() < 8 || !core.is_ascii() {
        return None;
    }
    let tens = TENS
        .iter()
        .map(|&(_, cardinal, _)| cardinal)
        .find(|t| core.len() > t.len() && core[..t.len()].eq_ignore_ascii_case(t))?;
    let rest = &core[tens.len()..];
    if !UNITS.iter().any(|&(ordinal, cardinal, _)| {
        rest.eq_ignore_ascii_case(ordinal) || rest.eq_ignore_ascii_case(cardinal)
    }) {
        return None;
    }
    Some(format!(
        "{}-{}{}",
        &core[..tens.len()],
        &core[tens.len()..],
        &w[core.len()..]
    ))
}

/// Short words of the document's languages that stand alone.
pub(crate) fn is_function_word(w: &str) -> bool {
    // Most words are longer or start otherwise: told apart before the list is searched.
    w.len() <= FUNCTION_WORD_MAX_LEN
        && w.as_bytes()
            .first()
            .is_some_and(|&b| FUNCTION_WORD_FIRST_BYTES[usize::from(b)])
        && is_one_of(w, lang::FUNCTION_WORDS)
}

/// The byte length of the longest of [`lang::FUNCTION_WORDS`].
const FUNCTION_WORD_MAX_LEN: usize = {
    let mut max = 0;
    let mut k = 0;
    while k < lang::FUNCTION_WORDS.len() {
        if lang::FUNCTION_WORDS[k].len() > max {
            max = lang::FUNCTION_WORDS[k].len();
        }
        k += 1;
    }
    max
};

/// The bytes [`lang::FUNCTION_WORDS`] start with.
static FUNCTION_WORD_FIRST_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    while k < lang::FUNCTION_WORDS.len() {
        t[lang::FUNCTION_WORDS[k].as_bytes()[0] as usize] = true;
        k += 1;
    }
    t
};

/// Whether `a` and `b` are the pieces of one word split by a justification gap: then the
/// repair writes them together.
pub(crate) fn split_word_repair<'s>(
    a_word: SpaceWord<'s>,
    b_word: SpaceWord<'s>,
    vocab: &Vocab,
    scratch: &mut String,
    last: &mut Option<(&'s str, usize)>,
) -> bool {
    let (a, b) = (a_word.text, b_word.text);
    // Cheap tests first: this runs for every pair of words. `b` must be lowercase letters
    // (punctuation after them allowed).
    let b_core = match b.as_bytes().last() {
        Some(l) if l.is_ascii_alphanumeric() => b,
        _ => b.trim_end_matches(|c: char| !is_alphanumeric(c)),
    };
    // Most words that fail, fail on their first byte.
    if b.as_bytes()
        .first()
        .is_some_and(|c| c.is_ascii() && !c.is_ascii_lowercase())
    {
        return false;
    }
    let lowercase = |w: &str| {
        w.bytes().all(|c| c.is_ascii_lowercase())
            || !w.is_ascii() && w.chars().all(|c| is_alphabetic(c) && c.is_lowercase())
    };
    if b_core.is_empty() || !lowercase(b_core) {
        return false;
    }
    // "possess or", "are a": a function word after a word is never the end of a split word.
    if is_function_word(b_core) {
        return false;
    }
    let a_core = match a.as_bytes().first() {
        Some(f) if f.is_ascii_alphanumeric() => a,
        _ => a.trim_start_matches(|c: char| !is_alphanumeric(c)),
    };
    let same = |x: &str, y: &str| x.as_ptr() == y.as_ptr() && x.len() == y.len();
    // The word looked up last passed the tests on `b` above: it is letters.
    let cached = last.filter(|(w, _)| same(w, a_core)).map(|(_, n)| n);
    if a_core.is_empty() || cached.is_none() && !a_core.chars().all(is_alphabetic) {
        return false;
    }
    // Both pieces passed the tests: they are letters, and their trimmed forms are the
    // vocabulary's own, whose places the words may know.
    let count = |w: &str, id: Option<usize>| match id {
        Some(id) => vocab.counts.get(id).copied().unwrap_or(0),
        None => vocab.word_count(w),
    };
    // The pieces count themselves once: a piece is a word if it stands elsewhere too.
    let a_known = a_core.len() > 1 && cached.unwrap_or_else(|| count(a_core, a_word.id)) > 1
        || matches!(a_core, "a" | "A" | "I");
    let b_count = count(b_core, b_word.id);
    *last = Some((b_core, b_count));
    let b_known = b_core.len() > 1 && b_count > 1;
    // The whole word occurs elsewhere and a piece is no word by itself; or, with no
    // other occurrence, a piece that is no word is followed by a common word ending.
    if a_known && b_known {
        return false;
    }
    scratch.clear();
    scratch.push_str(a_core);
    scratch.push_str(b_core);
    count(scratch, None) >= 1
        || !a_known
            && !b_known
            && is_one_of(b_core, en::SPLIT_SUFFIXES)
            && a_core.chars().count() >= 2
}

/// `s.trim()`, with runs of plain spaces (layout text's indents) skipped byte by byte.
pub(crate) fn trim(s: &str) -> &str {
    let start = s.bytes().take_while(|&b| b == b' ').count();
    let t = s.get(start..).unwrap_or("");
    let end = t.len() - t.bytes().rev().take_while(|&b| b == b' ').count();
    t.get(..end).unwrap_or("").trim()
}

/// `char::is_alphabetic`, with the letters and punctuation common in the documents
/// answered without the Unicode table search (a test checks every character).
pub(crate) fn is_alphabetic(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\x7f' | '×' | '÷' | '\u{2000}'..='\u{206f}' => false,
        '\u{c0}'..='\u{ff}' | '\u{400}'..='\u{481}' => true,
        _ => c.is_alphabetic(),
    }
}

/// `char::is_alphanumeric`, with the same shortcuts as [`is_alphabetic`].
pub(crate) fn is_alphanumeric(c: char) -> bool {
    match c {
        '0'..='9' => true,
        '\0'..='\x7f' | '×' | '÷' | '\u{2000}'..='\u{206f}' | '\u{c0}'..='\u{ff}' => {
            is_alphabetic(c)
        }
        '\u{400}'..='\u{481}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// `w.trim_matches(|c| !c.is_alphanumeric())`: most words need no trimming.
pub(crate) fn trim_non_alnum(w: &str) -> &str {
    match (w.as_bytes().first(), w.as_bytes().last()) {
        (Some(f), Some(l)) if f.is_ascii_alphanumeric() && l.is_ascii_alphanumeric() => w,
        _ => w.trim_matches(|c: char| !is_alphanumeric(c)),
    }
}

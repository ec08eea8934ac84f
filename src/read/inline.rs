//! Recognisers shared by the readers: dates, ordinals, leading phrases,
//! references to UN documents, footnote marks.

use std::borrow::Cow;

use crate::model::{Date, Inline, RefKind, Text};

const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    // French
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    // Spanish
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    // Arabic: the UN prints the Levantine and the Egyptian name, "كانون الأول/ديسمبر";
    // the second is read (see `parse_date`).
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("ابريل", 4),
    ("مايو", 5),
    ("يونيه", 6),
    ("يونيو", 6),
    ("يوليه", 7),
    ("يوليو", 7),
    ("أغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    // Russian (genitive, as dates are printed)
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
];

/// The month number of a month name in any supported language.
pub fn month_number(word: &str) -> Option<u8> {
    // Compared without allocating a lowercase copy: this runs for many words.
    let k = lower_position(word, MONTHS.iter().map(|&(m, _)| m))?;
    MONTHS.get(k).map(|&(_, n)| n)
}

/// `word.to_lowercase()`, written into `buf` when the word is ASCII and fits.
fn lowercase_in<'a>(word: &'a str, buf: &'a mut [u8; 32]) -> Cow<'a, str> {
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

/// Parses a whole string "13 December 2010" (also "13 de diciembre de 2010", "13 декабря 2010 года").
pub fn parse_date(s: &str) -> Option<Date> {
    let words: Vec<&str> = s
        .split_whitespace()
        .filter(|w| !matches!(*w, "de" | "года" | "г."))
        // Arabic "10 كانون الأول/ديسمبر 2010": the Egyptian month name after the slash.
        .filter(|w| !LEVANTINE_MONTHS.contains(w))
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

/// The first word of the Levantine month names ("كانون الثاني/يناير", "آذار/مارس"), the
/// part of an Arabic date that is not read.
const LEVANTINE_MONTHS: &[&str] = &[
    "كانون",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين",
];

/// "1997年10月28日".
fn chinese_date(w: &str) -> Option<Date> {
    let (y, rest) = w.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let d = rest.strip_suffix('日')?;
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if y.len() != 4 || !all_digits(y) || !all_digits(m) || !all_digits(d) {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

fn date_of(d: &str, m: &str, y: &str) -> Option<Date> {
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

/// The index of the first ASCII digit of `b` from `from` on. Whole blocks are tested
/// first, which the compiler turns into vector code, as most bytes of a text are not digits.
fn next_digit(b: &[u8], from: usize) -> Option<usize> {
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
fn skip_spaces(s: &str, mut i: usize) -> Option<usize> {
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
fn word_end(s: &str, mut i: usize) -> usize {
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
    s: &'a str,
    pos: usize,
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
static MAY_START_SPACE: [bool; 256] = {
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

pub(crate) const UNITS: &[(&str, &str, u32)] = &[
    ("first", "one", 1),
    ("second", "two", 2),
    ("third", "three", 3),
    ("fourth", "four", 4),
    ("fifth", "five", 5),
    ("sixth", "six", 6),
    ("seventh", "seven", 7),
    ("eighth", "eight", 8),
    ("ninth", "nine", 9),
];
const TEENS: &[(&str, u32)] = &[
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
];
pub(crate) const TENS: &[(&str, &str, u32)] = &[
    ("twentieth", "twenty", 20),
    ("thirtieth", "thirty", 30),
    ("fortieth", "forty", 40),
    ("fiftieth", "fifty", 50),
    ("sixtieth", "sixty", 60),
    ("seventieth", "seventy", 70),
    ("eightieth", "eighty", 80),
    ("ninetieth", "ninety", 90),
];

/// An English ordinal word: "Sixty-fifth" → 65, "Eightieth" → 80, "hundredth" → 100.
pub fn ordinal_word(word: &str) -> Option<u32> {
    let w = lowercase(word);
    let w = w.trim();
    if w == "hundredth" || w == "one hundredth" {
        return Some(100);
    }
    if let Some(rest) = w
        .strip_prefix("one hundred and ")
        .or_else(|| w.strip_prefix("one hundred "))
    {
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

/// French, Spanish and Russian number words as session lines use them, by the stem
/// they share in cardinals and ordinals ("soixant-e", "cinqu-ième"; "sexagésim-o",
/// "quint-o"; "шестьдесят", "пят-ая"). French and Spanish compounds add up
/// ("quatre-vingt" is 4 then 20 × 4: see [`ordinal_phrase`]).
const NUMBER_STEMS: &[(&str, u32)] = &[
    // French
    ("premi", 1),
    ("un", 1),
    ("deux", 2),
    ("second", 2),
    ("trois", 3),
    ("quatr", 4),
    ("cinqu", 5),
    ("six", 6),
    ("sept", 7),
    ("huit", 8),
    ("neuv", 9),
    ("dix", 10),
    ("onz", 11),
    ("douz", 12),
    ("treiz", 13),
    ("quatorz", 14),
    ("quinz", 15),
    ("seiz", 16),
    ("vingt", 20),
    ("trent", 30),
    ("quarant", 40),
    ("cinquant", 50),
    ("soixant", 60),
    ("cent", 100),
    // Spanish
    ("primer", 1),
    ("segund", 2),
    ("tercer", 3),
    ("cuart", 4),
    ("quint", 5),
    ("sext", 6),
    ("séptim", 7),
    ("octav", 8),
    ("noven", 9),
    ("décim", 10),
    ("undécim", 11),
    ("duodécim", 12),
    ("vigésim", 20),
    ("trigésim", 30),
    ("cuadragésim", 40),
    ("quincuagésim", 50),
    ("sexagésim", 60),
    ("septuagésim", 70),
    ("octogésim", 80),
    ("nonagésim", 90),
    ("centésim", 100),
    // Russian
    ("перв", 1),
    ("втор", 2),
    ("трет", 3),
    ("четвёрт", 4),
    ("четверт", 4),
    ("пят", 5),
    ("шест", 6),
    ("седьм", 7),
    ("восьм", 8),
    ("девят", 9),
    ("десят", 10),
    ("одиннадцат", 11),
    ("двенадцат", 12),
    ("тринадцат", 13),
    ("четырнадцат", 14),
    ("пятнадцат", 15),
    ("шестнадцат", 16),
    ("семнадцат", 17),
    ("восемнадцат", 18),
    ("девятнадцат", 19),
    ("двадцат", 20),
    ("двадцать", 20),
    ("тридцат", 30),
    ("тридцать", 30),
    ("сорок", 40),
    ("пятьдесят", 50),
    ("шестьдесят", 60),
    ("семьдесят", 70),
    ("восемьдесят", 80),
    ("девяност", 90),
    ("девяносто", 90),
    ("сороков", 40),
    ("пятидесят", 50),
    ("шестидесят", 60),
    ("семидесят", 70),
    ("восьмидесят", 80),
    ("сот", 100),
    ("сто", 100),
];

/// Endings of the number words in [`NUMBER_STEMS`]: French ordinal and cardinal, Spanish
/// ordinal (both genders), Russian ordinal (the cases a session line uses).
const NUMBER_ENDINGS: &[&str] = &[
    "ième", "ier", "ière", "e", "s", "o", "a", "ая", "ой", "ий", "ый", "ого", "",
];

/// The value of one number word (lowercase), by its stem and ending.
fn number_word(w: &str) -> Option<u32> {
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
        .filter(|w| !w.is_empty() && *w != "et")
    {
        // Spanish writes 11–19 as one word: "decimoséptimo".
        let (w, extra) = match w.strip_prefix("decimo") {
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
    if digits.is_empty()
        || !matches!(
            suffix,
            "st" | "nd" | "rd" | "th" | "e" | "re" | "er" | "ème" | "-е" | "-й" | "ª" | ".ª" | "º"
        )
    {
        return None;
    }
    digits.parse().ok()
}

/// Words that may extend a leading phrase after its first word.
const PHRASE_TAIL: &[&str] = &[
    "also",
    "further",
    "furthermore",
    "moreover",
    "again",
    "once",
    "in",
    "mind",
    "upon",
    "note",
    "with",
    "appreciation",
    "satisfaction",
    "concern",
    "deep",
    "grave",
    "serious",
    "great",
    "its",
    "their",
    "gratitude",
    "regret",
    "support",
    "thanks",
    "interest",
    "solidarity",
    "alarm",
    "full",
    "particular",
    "regard",
    "account",
];

/// Byte length of the leading phrase of a paragraph (the words printed in italics):
/// "Recalling also", "Calling upon", "Taking note with appreciation", "Decides".
pub fn leading_phrase_len(s: &str, english: bool) -> usize {
    // A phrase is a few words: look at the paragraph's start only.
    let cut = match s.as_bytes().get(..=120) {
        None => s.len(),
        // 121 ASCII bytes: the 121st character starts at byte 120.
        Some(head) if head.is_ascii() => 120,
        Some(_) => s.char_indices().nth(120).map_or(s.len(), |(i, _)| i),
    };
    let s = &s[..cut];
    // Most phrases end after a word or two: find the words as they are needed.
    let mut spans = LazyWords {
        iter: WordSpans::new(s),
        seen: Vec::with_capacity(8),
    };
    let Some((s0, e0)) = spans.get(0) else {
        return 0;
    };
    let first = &s[s0..e0];
    let first_alpha = first.trim_end_matches([',', ':', ';']);
    if s0 != 0
        || !first_alpha.chars().next().is_some_and(char::is_uppercase)
        || !first_alpha
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '’' || c == '\'')
        || first_alpha.chars().count() < 3
    {
        return 0;
    }
    // A capitalised first word followed by more capitalised words is a name, not a phrase.
    if first_alpha.chars().skip(1).all(char::is_uppercase) {
        return 0;
    }
    if !english || first.len() != first_alpha.len() {
        return first_alpha.len();
    }
    let mut end = e0;
    // The first word is capitalised: lowercased on the stack.
    let mut buf = [0u8; 32];
    let lower_first = lowercase_in(first_alpha, &mut buf);
    let mut i = 1;
    // "Also decides", "Strongly condemns": the adverb takes the verb after it.
    if matches!(
        &*lower_first,
        "also"
            | "further"
            | "furthermore"
            | "moreover"
            | "again"
            | "strongly"
            | "firmly"
            | "deeply"
            | "gravely"
            | "seriously"
            | "fully"
    ) {
        if let Some((s1, e1)) = spans.get(1) {
            let w = &s[s1..e1];
            let wa = w.trim_end_matches([',', ':', ';']);
            if wa.chars().all(char::is_alphabetic)
                && wa.chars().next().is_some_and(char::is_lowercase)
            {
                end = s1 + wa.len();
                i = 2;
                if wa.len() != w.len() {
                    return end;
                }
            }
        }
    }
    while let Some((si, ei)) = spans.get(i) {
        let w = &s[si..ei];
        let wa = w.trim_end_matches([',', ':', ';']);
        let lw = lowercase(wa);
        let ok = match &*lw {
            // "Recalling further its …" but not "Encourages further efforts": the adverb
            // belongs to the phrase when what follows it is not the noun it qualifies.
            "also" | "further" | "furthermore" | "moreover" | "again" => {
                wa.len() != w.len()
                    || spans.get(i + 1).is_none_or(|(a, b)| {
                        let next = lowercase(s[a..b].trim_end_matches([',', ';', ':']));
                        matches!(
                            &*next,
                            "that"
                                | "to"
                                | "the"
                                | "its"
                                | "their"
                                | "his"
                                | "her"
                                | "all"
                                | "on"
                                | "in"
                                | "with"
                                | "by"
                                | "of"
                                | "a"
                                | "an"
                                | "this"
                                | "these"
                                | "those"
                                | "upon"
                                | "for"
                                | "further"
                                | "also"
                                | "note"
                                | "resolution"
                                | "resolutions"
                                | "decision"
                                | "decisions"
                                | "article"
                                | "paragraph"
                                | "once"
                                | "again"
                                | "and"
                                | "at"
                                | "from"
                                | "as"
                                | "every"
                                | "each"
                                | "both"
                                | "any"
                                | "whether"
                                | "how"
                                | "what"
                                | "when"
                                | "where"
                                | "which"
                        ) || s[a..b].chars().next().is_some_and(char::is_uppercase)
                    })
            }
            "upon" => matches!(&*lower_first, "calls" | "calling" | "call"),
            "note" => matches!(&*lower_first, "takes" | "taking" | "take" | "took"),
            "in" => {
                matches!(&*lower_first, "bearing" | "bears")
                    && spans
                        .get(i + 1)
                        .is_some_and(|(a, b)| s[a..b].trim_end_matches(',') == "mind")
            }
            "mind" => matches!(&*lower_first, "bearing" | "bears"),
            "its" | "their" => {
                matches!(
                    &*lower_first,
                    "expressing"
                        | "expresses"
                        | "reiterating"
                        | "reiterates"
                        | "reaffirming"
                        | "reaffirms"
                ) && spans.get(i + 1).is_some_and(|(a, b)| {
                    PHRASE_TAIL.contains(&&*lowercase(s[a..b].trim_end_matches([',', ';'])))
                })
            }
            "with" => spans.get(i + 1).is_some_and(|(a, b)| {
                let next = lowercase(s[a..b].trim_end_matches([',', ';']));
                matches!(
                    &*next,
                    "appreciation"
                        | "satisfaction"
                        | "concern"
                        | "deep"
                        | "grave"
                        | "serious"
                        | "great"
                        | "regret"
                        | "alarm"
                        | "interest"
                )
            }),
            "appreciation" | "satisfaction" | "concern" | "gratitude" | "regret" | "thanks"
            | "alarm" | "interest" | "solidarity" | "support" => i >= 2,
            "deep" | "grave" | "serious" | "great" | "full" | "particular" => {
                i >= 2
                    && spans.get(i + 1).is_some_and(|(a, b)| {
                        PHRASE_TAIL.contains(&&*lowercase(s[a..b].trim_end_matches([',', ';'])))
                    })
            }
            _ => false,
        };
        if !ok || !wa.chars().all(char::is_alphabetic) {
            break;
        }
        end = si + wa.len();
        i += 1;
        if wa.len() != w.len() {
            break;
        }
    }
    end
}

/// Word spans found on demand, kept for a second look.
struct LazyWords<'a> {
    iter: WordSpans<'a>,
    seen: Vec<(usize, usize)>,
}

impl LazyWords<'_> {
    fn get(&mut self, i: usize) -> Option<(usize, usize)> {
        while self.seen.len() <= i {
            let w = self.iter.next()?;
            self.seen.push(w);
        }
        self.seen.get(i).copied()
    }
}

/// UN document series that a symbol may start with.
const SERIES: &[&str] = &[
    "A", "S", "E", "ST", "TD", "DP", "UNEP", "FCCC", "CRC", "CCPR", "CEDAW", "CERD", "CAT", "CRPD",
    "CMW", "HRI", "ICCD", "UNW", "SG", "T", "CBD", "ECE", "ESCAP", "ECLAC", "ECA", "ESCWA",
    "UNCITRAL", "CD", "CCW", "BWC", "APLC", "NPT", "ATT", "GC", "IDB", "WFP", "UNICEF",
];

/// If `tok` (a whitespace-free token) is a document symbol, its clean form.
pub fn symbol_token(tok: &str) -> Option<&str> {
    // Every symbol has a '/': most words are rejected on that alone.
    if !tok.as_bytes().contains(&b'/') {
        return None;
    }
    let t = tok.trim_start_matches(['(', '[', '“', '"', '‘']);
    let mut t = t.trim_end_matches([',', ';', ':', '”', '"', '’', ']']);
    // A closing bracket belongs to the symbol only if it opens inside it: GC(69)/RES/9.
    while t.ends_with(')') && t.matches('(').count() < t.matches(')').count() {
        t = &t[..t.len() - 1];
        t = t.trim_end_matches([',', ';', ':', '.']);
    }
    let t = t.trim_end_matches('.');
    let t = t.trim_end_matches([',', ';', ':', ')']);
    let (head, rest) = t.split_once('/')?;
    let series = head.split('(').next().unwrap_or(head);
    let series = series.split('.').next().unwrap_or(series);
    if rest.is_empty() || !SERIES.contains(&series) {
        return None;
    }
    if !t.chars().any(|c| c.is_ascii_digit()) || t.contains("//") || t.ends_with('/') {
        return None;
    }
    if !t
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '(' | ')' | '-'))
    {
        return None;
    }
    Some(t)
}

#[derive(Clone, Copy, PartialEq)]
enum Keyword {
    Resolution,
    Decision,
}

/// "resolution(s)" or "decision(s)", in any case and between any punctuation.
fn keyword(w: &str) -> Option<Keyword> {
    // The shortest keyword has 8 letters: shorter words are most words.
    if w.len() < 8 {
        return None;
    }
    // ASCII punctuation around the word ("resolutions,", "(decision") is cut on bytes;
    // anything else goes the slow way.
    let b = w.as_bytes();
    let a = b.iter().take_while(|c| c.is_ascii_punctuation()).count();
    let e = b.len()
        - b.iter()
            .skip(a)
            .rev()
            .take_while(|c| c.is_ascii_punctuation())
            .count();
    let alnum = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphanumeric);
    let core = match w.get(a..e) {
        Some(core) if a < e && alnum(a) && alnum(e - 1) => core,
        _ => w.trim_matches(|c: char| !c.is_alphanumeric()),
    };
    let is = |x: &str| core.eq_ignore_ascii_case(x);
    if is("resolution") || is("resolutions") {
        Some(Keyword::Resolution)
    } else if is("decision") || is("decisions") {
        Some(Keyword::Decision)
    } else {
        None
    }
}

/// Whether `b` holds an ASCII digit; blocks are tested whole, which the compiler turns into vector code.
fn has_ascii_digit(b: &[u8]) -> bool {
    b.chunks(64)
        .any(|block| block.iter().fold(false, |any, c| any | c.is_ascii_digit()))
}

/// Whether `s` holds "(dddd)": four ASCII digits in brackets.
fn has_bracketed_year(s: &str) -> bool {
    let b = s.as_bytes();
    s.match_indices('(').any(|(i, _)| {
        b.get(i + 1..i + 5)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
            && b.get(i + 5) == Some(&b')')
    })
}

/// Whether `s` holds "esolution" or "ecision" in any ASCII case: without it, no word is a [`keyword`].
fn has_keyword_stem(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        c | 0x20 == b'e'
            && b.get(i + 1..).is_some_and(|rest| {
                starts_with_ci(rest, b"solution") || starts_with_ci(rest, b"cision")
            })
    })
}

fn starts_with_ci(s: &[u8], prefix: &[u8]) -> bool {
    s.get(..prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
}

/// `word.to_lowercase().contains(lower)` for an ASCII `lower`, allocating only for non-ASCII words.
fn lower_contains(word: &str, lower: &str) -> bool {
    if word.is_ascii() {
        let n = lower.len();
        return word
            .as_bytes()
            .windows(n)
            .any(|w| w.eq_ignore_ascii_case(lower.as_bytes()));
    }
    word.to_lowercase().contains(lower)
}

/// Splits `s` into text, references and dates.
///
/// GA resolution numbers are recognised only after "resolution(s)" (or "decision(s)"),
/// so that "2017/18" stays text; Security Council resolutions need "Security Council" before.
pub fn recognise(s: &str, out: &mut Vec<Inline>) {
    // Most paragraphs hold no reference: a reference needs a '/' or a keyword, which
    // whole-text byte scans rule out; a date needs digits.
    let has_slash = s.as_bytes().contains(&b'/');
    if !has_slash && !has_ascii_digit(s.as_bytes()) {
        push_text(out, s);
        return;
    }
    // Without a '/' only a Security Council resolution can be referred to: after a
    // keyword, with its year in brackets, "1631 (2005)".
    let refs_possible = has_slash || (has_bracketed_year(s) && has_keyword_stem(s));
    let mut spans: Vec<(usize, usize, Inline)> = Vec::new();
    // The words are needed for references only; dates are found from their digits.
    let words = if refs_possible {
        word_spans(s)
    } else {
        Vec::new()
    };
    // Context: which series a bare number refers to, set by "resolution(s)" and kept
    // through a list ("53/72 of 4 December 1998, 54/43 of …") until a sentence ends.
    #[derive(Clone, Copy, PartialEq)]
    enum Ctx {
        None,
        Ga,
        GaDecision,
        Sc,
        Hrc,
        Ecosoc,
    }
    let mut ctx = Ctx::None;
    let mut since = 0usize;
    for (wi, &(ws, we)) in words.iter().enumerate() {
        let w = &s[ws..we];
        let keyword = keyword(w);
        if keyword == Some(Keyword::Resolution) {
            let before = &words[wi.saturating_sub(4)..wi];
            let has = |x: &str| {
                before.iter().any(|&(a, b)| {
                    lower_eq(s[a..b].trim_matches(|c: char| !c.is_alphanumeric()), x)
                })
            };
            ctx = if has("security") {
                Ctx::Sc
            } else if has("rights") && has("council") {
                Ctx::Hrc
            } else if has("social") && has("council") {
                Ctx::Ecosoc
            } else {
                Ctx::Ga
            };
            since = 0;
            continue;
        }
        if keyword == Some(Keyword::Decision) {
            ctx = if words[wi.saturating_sub(3)..wi]
                .iter()
                .any(|&(a, b)| lower_contains(&s[a..b], "council"))
            {
                Ctx::None
            } else {
                Ctx::GaDecision
            };
            since = 0;
            continue;
        }
        since += 1;
        // Every symbol has a '/': skip the call for the other words.
        let sym = if w.bytes().any(|c| c == b'/') {
            symbol_token(w)
        } else {
            None
        };
        if let Some(sym) = sym {
            let start = ws + w.find(sym).unwrap_or(0);
            spans.push((
                start,
                start + sym.len(),
                Inline::Ref {
                    text: sym.to_string(),
                    kind: RefKind::Symbol,
                    symbol: sym.to_string(),
                },
            ));
        } else if ctx != Ctx::None && since <= 12 {
            let core = w.trim_start_matches(['(', '“', '"']);
            let core_start = ws + (w.len() - core.len());
            let num: &str = core.trim_end_matches([',', ';', ':', '.', ')', '”', '"']);
            let is_slash = num.split_once('/').is_some_and(|(a, b)| {
                !a.is_empty()
                    && !b.is_empty()
                    && a.chars().all(|c| c.is_ascii_digit())
                    && b.chars().all(|c| c.is_ascii_digit())
                    && a.len() <= 4
            });
            match ctx {
                Ctx::Ga | Ctx::GaDecision | Ctx::Hrc | Ctx::Ecosoc if is_slash => {
                    // "35/142 B": a capital letter part.
                    let mut text_end = core_start + num.len();
                    let mut sym_num = num.to_string();
                    if num.len() == core.len() {
                        if let Some(&(ns, ne)) = words.get(wi + 1) {
                            let nw = s[ns..ne].trim_end_matches([',', ';', ':', '.']);
                            if nw.len() == 1
                                && nw.chars().all(|c| c.is_ascii_uppercase())
                                && ns == text_end + 1
                            {
                                text_end = ns + 1;
                                sym_num = format!("{num} {nw}");
                            }
                        }
                    }
                    let symbol = match ctx {
                        Ctx::GaDecision => format!("A/DEC/{sym_num}"),
                        Ctx::Hrc => format!("A/HRC/RES/{sym_num}"),
                        Ctx::Ecosoc => format!("E/RES/{sym_num}"),
                        _ => format!("A/RES/{sym_num}"),
                    };
                    let kind = if ctx == Ctx::Ga {
                        RefKind::GaResolution
                    } else {
                        RefKind::Symbol
                    };
                    spans.push((
                        core_start,
                        text_end,
                        Inline::Ref {
                            text: s[core_start..text_end].to_string(),
                            kind,
                            symbol,
                        },
                    ));
                    since = 0;
                }
                Ctx::Sc
                    if num.chars().all(|c| c.is_ascii_digit())
                        && !num.is_empty()
                        && num.len() == core.len() =>
                {
                    // "1631 (2005)"
                    if let Some(&(ns, ne)) = words.get(wi + 1) {
                        let nw = &s[ns..ne];
                        let year = nw.trim_end_matches([',', ';', ':', '.']);
                        if year.len() == 6
                            && year.starts_with('(')
                            && year.ends_with(')')
                            && year[1..5].chars().all(|c| c.is_ascii_digit())
                        {
                            let end = ns + year.len();
                            spans.push((
                                core_start,
                                end,
                                Inline::Ref {
                                    text: s[core_start..end].to_string(),
                                    kind: RefKind::ScResolution,
                                    symbol: format!("S/RES/{}{}", num, year),
                                },
                            ));
                            since = 0;
                        }
                    }
                }
                _ => {}
            }
        }
        if w.ends_with('.') && !w.ends_with("para.") && !w.ends_with("No.") && !w.ends_with("vol.")
        {
            ctx = Ctx::None;
        }
    }
    for (a, b, d) in find_dates(s) {
        if !spans.iter().any(|&(x, y, _)| a < y && x < b) {
            spans.push((
                a,
                b,
                Inline::Date {
                    text: s[a..b].to_string(),
                    date: d,
                },
            ));
        }
    }
    spans.sort_by_key(|x| x.0);
    let mut pos = 0;
    for (a, b, inl) in spans {
        if a < pos {
            continue;
        }
        push_text(out, &s[pos..a]);
        out.push(inl);
        pos = b;
    }
    push_text(out, &s[pos..]);
}

/// Appends plain text, merging with a preceding plain run.
pub fn push_text(out: &mut Vec<Inline>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(Inline::Text { text }) = out.last_mut() {
        text.push_str(s);
    } else {
        out.push(Inline::Text {
            text: s.to_string(),
        });
    }
}

/// Builds a [`Text`] from a string whose footnote marks are already split out:
/// `pieces` alternates text and marks.
pub fn build_text(pieces: &[Piece<'_>], phrase: bool, english: bool) -> Text {
    let mut out = Vec::new();
    let mut first = true;
    for p in pieces {
        match p {
            Piece::Mark(m) => out.push(Inline::NoteRef { marker: m.clone() }),
            Piece::Text(t) => {
                let mut rest: &str = t;
                if first && phrase {
                    let n = leading_phrase_len(rest, english);
                    if n > 0 {
                        out.push(Inline::Phrase {
                            text: rest[..n].to_string(),
                        });
                        rest = &rest[n..];
                    }
                }
                recognise(rest, &mut out);
            }
        }
        first = false;
    }
    Text(out)
}

/// A run of text (mostly borrowed from the paragraph) or a footnote mark.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece<'a> {
    Text(Cow<'a, str>),
    Mark(String),
}

fn digits_len(s: &str, start: usize) -> usize {
    s[start..].bytes().take_while(u8::is_ascii_digit).count()
}

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
fn next_digit_or_bracket(b: &[u8], from: usize) -> usize {
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
                let ordinal = matches!(
                    &after[..word_len],
                    "st" | "nd" | "rd" | "th" | "bis" | "ter"
                );
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("13 December 2010").map(|d| d.to_string()),
            Some("2010-12-13".into())
        );
        assert_eq!(
            parse_date("10 février 2011").map(|d| d.to_string()),
            Some("2011-02-10".into())
        );
        assert_eq!(
            parse_date("19 сентября 2025 года").map(|d| d.to_string()),
            Some("2025-09-19".into())
        );
        assert_eq!(parse_date("31 February 2011"), None);
        assert_eq!(parse_date("December 2010"), None);
        let s = "of 2 December 2004, in which it granted from 5 to 8 August 2025";
        let found = find_dates(s);
        assert_eq!(found.len(), 2);
        assert_eq!(&s[found[0].0..found[0].1], "2 December 2004");
        assert_eq!(&s[found[1].0..found[1].1], "8 August 2025");
    }

    #[test]
    fn whitespace_on_bytes() {
        // Every character: the byte test agrees with `char::is_whitespace`.
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            let s = format!("{c}x");
            let n = whitespace_len(&s, 0, s.as_bytes()[0]);
            assert_eq!(n > 0, c.is_whitespace(), "{c:?}");
            if n > 0 {
                assert_eq!(n, c.len_utf8());
            }
        }
        let s = "a\u{a0}b\u{2003}c  d’e\u{3000}";
        let words: Vec<&str> = word_spans(s).iter().map(|&(a, b)| &s[a..b]).collect();
        assert_eq!(words, s.split_whitespace().collect::<Vec<_>>());
    }

    /// The dates as first found: over every triple of words.
    fn dates_by_words(s: &str) -> Vec<(usize, usize, Date)> {
        let words = word_spans(s);
        let mut out = Vec::new();
        let mut i = 0;
        while i + 2 < words.len() {
            let (s0, e0) = words[i];
            let (s1, e1) = words[i + 1];
            let (s2, e2) = words[i + 2];
            let day = &s[s0..e0];
            let month = &s[s1..e1];
            let year_tok = &s[s2..e2];
            let year = year_tok.trim_end_matches(|c: char| !c.is_ascii_digit());
            let adjacent = s[e0..s1].chars().all(|c| c == ' ' || c == '\u{a0}')
                && s[e1..s2].chars().all(|c| c == ' ' || c == '\u{a0}');
            if adjacent && day.len() <= 2 && year.len() == 4 && year_tok.len() - year.len() <= 1 {
                if let Some(d) = date_of(day, month, year) {
                    out.push((s0, s2 + year.len(), d));
                    i += 3;
                    continue;
                }
            }
            i += 1;
        }
        out
    }

    #[test]
    fn dates_from_digits_as_from_words() {
        for s in [
            "of 2 December 2004, in which it granted from 5 to 8 August 2025",
            "13 December 2010",
            "+5 May 2011 and 05\u{a0}mai\u{a0}2012. 31 February 2011",
            "x13 December 2010 1\tMay 2010 1 May\n2010 1  May  2010",
            "19 сентября 2025 года; 1 juin 20101 1 juin 2010a 1 juin 2010ab",
            "\u{3000}7 March 1999\u{2003}8 March 1999 é9 March 1999 ’9 March 1999",
            "1 2 3 4 May 2000 12 May 20000 12 Mayo 2000 9 diciembre 1999",
            "7 March 1999",
            "7 March",
            "2 2",
        ] {
            assert_eq!(find_dates(s), dates_by_words(s), "{s}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config {
            cases: 2000,
            failure_persistence: None,
            ..proptest::test_runner::Config::default()
        })]
        /// Texts of words and spaces of the kinds dates are made of.
        #[test]
        fn dates_and_words_on_bytes_agree(
            pieces in proptest::collection::vec((0usize..17, 0usize..9), 0..16)
        ) {
            const WORDS: [&str; 17] = [
                "1", "12", "+5", "123", "x1", "May", "mai", "décembre", "сентября", "Mayo",
                "2010", "2010.", "20101", "2010a", "x", "é1", "’3",
            ];
            const SPACES: [&str; 9] =
                [" ", " ", "  ", "\u{a0}", " \u{a0}", "\t", "\n", "\u{2003}\u{85}", ""];
            let s: String = pieces.iter().map(|&(w, sp)| format!("{}{}", WORDS[w], SPACES[sp])).collect();
            proptest::prop_assert_eq!(find_dates(&s), dates_by_words(&s));
            let words: Vec<&str> = word_spans(&s).iter().map(|&(a, b)| &s[a..b]).collect();
            proptest::prop_assert_eq!(words, s.split_whitespace().collect::<Vec<_>>());
        }
    }

    #[test]
    fn ordinals() {
        assert_eq!(ordinal_word("Sixty-fifth"), Some(65));
        assert_eq!(ordinal_word("Eightieth"), Some(80));
        assert_eq!(ordinal_word("Seventy-third"), Some(73));
        assert_eq!(ordinal_word("Tenth"), Some(10));
        assert_eq!(ordinal_word("Sixty-fiveth"), None);
        assert_eq!(numeric_ordinal("64th"), Some(64));
        assert_eq!(numeric_ordinal("52nd"), Some(52));
        assert_eq!(numeric_ordinal("64"), None);
    }

    fn phrase(s: &str) -> &str {
        &s[..leading_phrase_len(s, true)]
    }

    #[test]
    fn leading_phrases() {
        assert_eq!(phrase("Recalling also its resolution"), "Recalling also");
        assert_eq!(phrase("Referring to its resolution"), "Referring");
        assert_eq!(phrase("Calling upon the Secretary-General"), "Calling upon");
        assert_eq!(phrase("Also decides to include"), "Also decides");
        assert_eq!(phrase("Encourages further efforts by"), "Encourages");
        assert_eq!(
            phrase("Recalling further its resolution"),
            "Recalling further"
        );
        assert_eq!(phrase("Welcoming also the report"), "Welcoming also");
        assert_eq!(phrase("Decides, without setting a precedent"), "Decides");
        assert_eq!(
            phrase("Taking note with appreciation of the report"),
            "Taking note with appreciation"
        );
        assert_eq!(
            phrase("Expressing its appreciation to the Secretary-General"),
            "Expressing its appreciation"
        );
        assert_eq!(phrase("Bearing in mind that"), "Bearing in mind");
        assert_eq!(phrase("Noting with concern that"), "Noting with concern");
        assert_eq!(phrase("Recalling, in that regard, the report"), "Recalling");
        assert_eq!(phrase("the text"), "");
        assert_eq!(phrase("UNESCO is"), "");
    }

    fn refs(s: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        recognise(s, &mut out);
        out.into_iter()
            .filter_map(|i| match i {
                Inline::Ref { text, symbol, .. } => Some((text, symbol)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn references() {
        assert_eq!(
            refs("its resolution 59/50 of 2 December 2004"),
            vec![("59/50".into(), "A/RES/59/50".into())]
        );
        assert_eq!(
            refs("its resolutions 53/72 of 4 December 1998, 54/43 of 1 December 1999 and 35/142 B of 12 December 1980"),
            vec![
                ("53/72".into(), "A/RES/53/72".into()),
                ("54/43".into(), "A/RES/54/43".into()),
                ("35/142 B".into(), "A/RES/35/142 B".into())
            ]
        );
        assert_eq!(
            refs("Security Council resolution 1631 (2005) of 17 October 2005"),
            vec![("1631 (2005)".into(), "S/RES/1631(2005)".into())]
        );
        assert_eq!(
            refs("[without reference to a Main Committee (A/65/L.6)]"),
            vec![("A/65/L.6".into(), "A/65/L.6".into())]
        );
        assert_eq!(
            refs("See A/66/89/Corr.1."),
            vec![("A/66/89/Corr.1".into(), "A/66/89/Corr.1".into())]
        );
        assert_eq!(refs("the report for 2017/18;"), vec![]);
        assert_eq!(
            refs("(A/80/534, para. 7)"),
            vec![("A/80/534".into(), "A/80/534".into())]
        );
    }

    fn marks(s: &str) -> Vec<(u32, Strength)> {
        mark_candidates(s)
            .into_iter()
            .map(|c| (c.value, c.strength))
            .collect()
    }

    #[test]
    fn footnote_mark_shapes() {
        assert_eq!(marks("peace and security,1 "), vec![(1, Strength::Punct)]);
        assert_eq!(marks("United Nations1 are"), vec![(1, Strength::Glued)]);
        assert_eq!(marks("the Framework 2 and"), vec![(2, Strength::Spaced)]);
        assert_eq!(marks("in 19904 and"), vec![(4, Strength::Year)]);
        assert_eq!(marks("Governors”; 3 and"), vec![(3, Strength::Punct)]);
        assert_eq!(marks("text[^12] more"), vec![(12, Strength::Explicit)]);
        assert!(marks("1,000 people and 3.4 per cent")
            .iter()
            .all(|m| m.1 == Strength::Spaced || m.0 != 4));
        assert_eq!(marks("the P5 and G20 met"), vec![]);
    }
}

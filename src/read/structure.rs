//! From logical paragraphs to the model: the rules of a resolution's shape,
//! shared by every reader.
//!
//! A reader turns its input into [`Prepared`]: the masthead lines, the body as
//! paragraphs in order, and the footnotes it found at page feet. This module
//! recognises the preface, the formula, preambular and operative paragraphs,
//! sub-paragraphs, headings, the closing lines, annexes, and places the
//! footnote marks.

use std::borrow::Cow;

use super::inline::{self, MarkCandidate, Piece, Strength};
use super::masthead;
use super::{Format, ReadError, ReadOutput};
use crate::diag::Diagnostic;
use crate::model::*;

/// A logical paragraph of the body and the input line it starts on.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub line: usize,
    pub text: String,
}

/// Paragraphs of the texts given, numbered from line 1 (for tests).
#[cfg(test)]
pub(crate) fn paras(texts: &[&str]) -> Vec<Para> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Para {
            line: i + 1,
            text: t.to_string(),
        })
        .collect()
}

/// A footnote found by a reader (at a page foot or after a `---` line).
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub marker: String,
    pub text: String,
    pub line: usize,
}

/// Metadata hints from YAML front matter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    pub symbol: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub language: Option<String>,
    pub line: usize,
}

/// What a format-specific reader hands to the shared rules.
#[derive(Debug, Default)]
pub struct Prepared {
    pub front: Option<FrontMatter>,
    /// Masthead lines (symbol, Distr., session, agenda item, job number…), wherever they were.
    pub masthead: Vec<Para>,
    pub body: Vec<Para>,
    pub notes: Vec<Note>,
    pub diagnostics: Vec<Diagnostic>,
    /// ODS job code (`N1051986E`), from the ODS fields.
    pub ods_job: Option<String>,
    /// Symbol from the ODS fields.
    pub ods_symbol: Option<String>,
    /// Each paragraph stands on its own line: never join one to the one before.
    pub lines_are_paragraphs: bool,
}

/// A paragraph while it is being built: text not yet split into inlines.
#[derive(Debug, Clone, Default)]
struct Raw {
    line: usize,
    num: Option<String>,
    num_inferred: bool,
    heading: Option<String>,
    content: Vec<String>,
    subs: Vec<Raw>,
    wrap: Vec<String>,
}

/// An item of a zone before sections are folded into a tree.
#[derive(Debug, Clone)]
enum Item {
    Heading {
        num: Option<String>,
        text: String,
        level: u8,
    },
    Para(Raw),
}

#[derive(Debug, Default)]
struct RawAnnex {
    label: String,
    title: Option<String>,
    items: Vec<Item>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    Preface,
    Preamble,
    Body,
    Closing,
    Annex,
}

/// Recognises the structure of `prep` and fills the model.
pub fn build(prep: Prepared, format: Format) -> Result<ReadOutput, ReadError> {
    let mut diags = prep.diagnostics;
    let mut meta = Meta {
        source_format: format.name().to_string(),
        ..Meta::default()
    };
    masthead::read_masthead(&prep.masthead, &mut meta, &mut diags);
    if let Some(sym) = &prep.ods_symbol {
        if meta.symbol.is_none() {
            meta.symbol = Some(sym.clone());
        }
    }
    meta.ods_job = prep.ods_job.clone();

    let mut b = Builder {
        notes: prep.notes,
        separate: prep.lines_are_paragraphs,
        ..Builder::default()
    };
    b.run(&prep.body, &mut meta, &mut diags)?;

    // Front matter: hints only; the printed masthead wins.
    if let Some(front) = &prep.front {
        masthead::apply_front_matter(front, &mut meta, &mut diags);
    }
    if meta.language.is_empty() {
        meta.language = guess_language(&prep.body);
    }

    let first_line = prep.body.first().map(|p| p.line).unwrap_or(1);
    let has_formula = b.formula.is_some();
    let n_ops = b.body.iter().filter(|i| matches!(i, Item::Para(_))).count();
    if !has_formula && n_ops == 0 {
        return Err(ReadError {
            column: 0,
            line: first_line,
            message: "not a resolution: no enacting formula (\"The General Assembly,\") and no operative paragraphs found"
                .into(),
        });
    }
    if b.preamble.is_empty() && n_ops == 0 {
        return Err(ReadError {
            column: 0,
            line: first_line,
            message: "not a resolution: no paragraphs after the formula".into(),
        });
    }
    if meta.symbol.is_none() && meta.number.is_none() {
        meta.kind = DocKind::Declaration;
    }
    b.title = complete_title(b.title.take(), prep.front.as_ref(), &meta, &mut diags);
    b.finish(meta, &mut diags).map(|doc| ReadOutput {
        doc,
        diagnostics: diags,
    })
}

/// Words a printed title cannot end with: the line was cut.
const CUT_ENDINGS: &[&str] = &[
    "the", "of", "in", "into", "on", "and", "to", "for", "a", "an", "at", "by", "with", "from",
    "or", "its", "their",
];

/// The printed title, completed when the text lost its second line: a longer title that
/// starts with exactly the printed words (front matter, agenda item title) completes it.
/// A title that is visibly cut and cannot be completed is left unknown.
fn complete_title(
    title: Option<String>,
    front: Option<&FrontMatter>,
    meta: &Meta,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    // Fold ASCII spaces only: a printed no-break space stays.
    let title = title
        .filter(|t| !t.trim().is_empty())?
        .split_ascii_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut candidates: Vec<String> = Vec::new();
    if let Some(f) = front.and_then(|f| f.title.as_deref()) {
        candidates.push(f.trim().trim_end_matches(':').trim().to_string());
    }
    for a in &meta.agenda_items {
        if let Some(t) = &a.title {
            candidates.push(t.trim().to_string());
        }
    }
    for c in candidates {
        let c = c.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
        if c.len() > title.len() && c.starts_with(&title) && c[title.len()..].starts_with(' ') {
            return Some(c);
        }
    }
    let last = title.split_whitespace().last().unwrap_or("").to_lowercase();
    if CUT_ENDINGS.contains(&last.as_str()) {
        diags.push(Diagnostic::warning(0, format!("the title \"{title}\" is cut off in this text and cannot be completed; left unknown")));
        return None;
    }
    Some(title)
}

fn guess_language(body: &[Para]) -> String {
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

/// Whitespace-separated words typical of French (true) or Spanish (false), by first byte.
fn language_words(first: u8) -> &'static [(&'static str, bool)] {
    match first {
        b'l' => &[("les", true), ("los", false), ("las", false)],
        b'd' => &[("des", true), ("dans", true), ("del", false)],
        b'e' => &[("est", true)],
        b'u' => &[("une", true), ("una", false)],
        b'p' => &[("pour", true), ("para", false)],
        b'C' => &[("Considérant", true), ("Considerando", false)],
        _ => &[],
    }
}

/// Counts the whole words of `s` that [`language_words`] lists. Words start at the
/// start and after a whitespace character; these are found eight bytes at a time, as
/// this reads the first paragraphs of every document.
fn count_language_words(s: &str, fr: &mut usize, es: &mut usize) {
    let b = s.as_bytes();
    let mut word_at = |i: usize| {
        // Most words start with another letter: decided here, before any call.
        if let Some(&(b'l' | b'd' | b'e' | b'u' | b'p' | b'C')) = b.get(i) {
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
            if inline::ends_whitespace(s, j) {
                word_at(j + 1);
            }
        }
        i += 8;
    }
    for j in i..b.len() {
        if inline::ends_whitespace(s, j) {
            word_at(j + 1);
        }
    }
}

/// Counts the word of `s` at byte `i` if it is one of [`language_words`].
fn count_language_word(s: &str, i: usize, fr: &mut usize, es: &mut usize) {
    let b = s.as_bytes();
    let Some(&first) = b.get(i) else { return };
    for &(w, french) in language_words(first) {
        let end = i + w.len();
        let whole = b.get(i..end) == Some(w.as_bytes())
            && b.get(end)
                .is_none_or(|&c| inline::whitespace_len(s, end, c) > 0);
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
fn count_bytes(b: &[u8], f: impl Fn(u8) -> bool) -> usize {
    b.chunks(255)
        .map(|block| {
            let n = block.iter().fold(0u8, |n, &c| n + u8::from(f(c)));
            usize::from(n)
        })
        .sum()
}

#[derive(Default)]
struct Builder {
    notes: Vec<Note>,
    zone_started: bool,
    title: Option<String>,
    number: Option<String>,
    formula: Option<String>,
    formula_lead: Option<String>,
    proclamation: Option<String>,
    formula_after: bool,
    preamble: Vec<Item>,
    body: Vec<Item>,
    annexes: Vec<RawAnnex>,
    meeting: Option<String>,
    meeting_date: Option<DateText>,
    vote: Option<String>,
    doc_title: Option<String>,
    /// The title as printed on the number line, before any continuation: running heads repeat it.
    title_line: Option<String>,
    /// Paragraphs are never continuations of the one before (one-per-line input).
    separate: bool,
}

/// Is this the enacting formula ("The General Assembly,") in a supported language?
pub fn formula_organ(s: &str) -> Option<Organ> {
    // The longest formula is a few words: do not copy long paragraphs to find out.
    if s.len() > 80 {
        return None;
    }
    let t = s.trim().trim_end_matches([',', ':']).trim();
    // A bare name is a masthead line or wrapped text: each language marks the formula
    // its own way (see [`Marked`]).
    fn named(
        names: &[(&str, Organ, Marked)],
        body: &str,
        ok: impl Fn(Marked) -> bool,
        same: fn(&str, &str) -> bool,
    ) -> Option<Organ> {
        names
            .iter()
            .find(|&&(name, _, marked)| ok(marked) && same(body, name))
            .map(|&(_, organ, _)| organ)
    }
    // An ASCII line (most lines asked about) is compared without a lowercase copy, and
    // with the ASCII names only.
    if t.is_ascii() {
        let ascii = ORGAN_NAMES.get(..ASCII_ORGAN_NAMES).unwrap_or_default();
        return match t.get(..4).filter(|the| the.eq_ignore_ascii_case("the ")) {
            Some(_) => named(
                ascii,
                t.get(4..).unwrap_or_default(),
                |_| true,
                str::eq_ignore_ascii_case,
            ),
            None => named(ascii, t, |m| m == Marked::Plain, str::eq_ignore_ascii_case),
        };
    }
    let comma = s.trim_end().ends_with([',', '，', '،']);
    let lower = t.replace('’', "'").to_lowercase();
    let lower = lower.trim_end_matches(['，', '،', '：']).trim_end();
    if let Some(body) = lower.strip_prefix("the ") {
        return named(ORGAN_NAMES, body, |_| true, |a, b| a == b);
    }
    // "إن الجمعية العامة،" (resolutions), "فإن الجمعية العامة" (the Universal Declaration).
    if let Some(body) = lower
        .strip_prefix("إن ")
        .or_else(|| lower.strip_prefix("فإن "))
    {
        return named(
            ORGAN_NAMES,
            body.trim_start(),
            |m| m == Marked::Particle,
            |a, b| a == b,
        );
    }
    named(
        ORGAN_NAMES,
        lower,
        |m| m == Marked::Plain || (m == Marked::Comma && comma),
        |a, b| a == b,
    )
}

/// What makes an organ's name the enacting formula rather than a masthead line or
/// wrapped text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marked {
    /// The name alone ("L'Assemblée générale").
    Plain,
    /// "The" before it (English).
    The,
    /// A comma after it ("大会，"): the Chinese masthead prints "大会" alone.
    Comma,
    /// "إن" or "فإن" before it: the Arabic masthead prints "الجمعية العامة" alone.
    Particle,
}

/// How many of [`ORGAN_NAMES`] (the first ones) are ASCII.
const ASCII_ORGAN_NAMES: usize = {
    let mut k = 0;
    while k < ORGAN_NAMES.len() && ORGAN_NAMES[k].0.is_ascii() {
        k += 1;
    }
    k
};

/// The names of the organs in the formula, in lowercase with straight apostrophes, and
/// what marks the name as the formula; the ASCII names first.
const ORGAN_NAMES: &[(&str, Organ, Marked)] = &[
    ("general assembly", Organ::GeneralAssembly, Marked::The),
    ("security council", Organ::SecurityCouncil, Marked::The),
    (
        "human rights council",
        Organ::HumanRightsCouncil,
        Marked::The,
    ),
    (
        "economic and social council",
        Organ::EconomicAndSocialCouncil,
        Marked::The,
    ),
    ("la asamblea general", Organ::GeneralAssembly, Marked::Plain),
    (
        "die generalversammlung",
        Organ::GeneralAssembly,
        Marked::Plain,
    ),
    (
        "l'assemblea generale",
        Organ::GeneralAssembly,
        Marked::Plain,
    ),
    ("a assembleia geral", Organ::GeneralAssembly, Marked::Plain),
    (
        "de algemene vergadering",
        Organ::GeneralAssembly,
        Marked::Plain,
    ),
    (
        "le conseil des droits de l'homme",
        Organ::HumanRightsCouncil,
        Marked::Plain,
    ),
    (
        "el consejo de seguridad",
        Organ::SecurityCouncil,
        Marked::Plain,
    ),
    (
        "el consejo de derechos humanos",
        Organ::HumanRightsCouncil,
        Marked::Plain,
    ),
    (
        "l'assemblée générale",
        Organ::GeneralAssembly,
        Marked::Plain,
    ),
    (
        "генеральная ассамблея",
        Organ::GeneralAssembly,
        Marked::Plain,
    ),
    ("大会", Organ::GeneralAssembly, Marked::Comma),
    ("大會", Organ::GeneralAssembly, Marked::Comma),
    ("الجمعية العامة", Organ::GeneralAssembly, Marked::Particle),
    (
        "le conseil de sécurité",
        Organ::SecurityCouncil,
        Marked::Plain,
    ),
    ("совет безопасности", Organ::SecurityCouncil, Marked::Plain),
    ("安全理事会", Organ::SecurityCouncil, Marked::Comma),
    ("مجلس الأمن", Organ::SecurityCouncil, Marked::Particle),
    ("人权理事会", Organ::HumanRightsCouncil, Marked::Comma),
    (
        "مجلس حقوق الإنسان",
        Organ::HumanRightsCouncil,
        Marked::Particle,
    ),
    (
        "le conseil économique et social",
        Organ::EconomicAndSocialCouncil,
        Marked::Plain,
    ),
    (
        "经济及社会理事会",
        Organ::EconomicAndSocialCouncil,
        Marked::Comma,
    ),
    (
        "المجلس الاقتصادي والاجتماعي",
        Organ::EconomicAndSocialCouncil,
        Marked::Particle,
    ),
];

/// `65/122. Title` → ("65/122", "Title"); `73/6.` alone → ("73/6", "").
fn number_title(s: &str) -> Option<(String, String)> {
    let t = s.trim();
    let (head, rest) = match t.split_once(|c: char| c.is_whitespace()) {
        Some((h, r)) => (h, r.trim()),
        None => (t, ""),
    };
    // "68/247 B." has a letter part.
    let (head, rest) = if !head.ends_with('.') {
        let (part, rest2) = rest.split_once(' ').unwrap_or((rest, ""));
        if part.len() == 2
            && part.ends_with('.')
            && part.starts_with(|c: char| c.is_ascii_uppercase())
        {
            (format!("{head} {}", &part[..1]), rest2.trim())
        } else {
            return None;
        }
    } else {
        (head.trim_end_matches('.').to_string(), rest)
    };
    let core = head.split(' ').next().unwrap_or("");
    let (a, b) = core.split_once('/')?;
    if a.is_empty()
        || b.is_empty()
        || a.len() > 4
        || !a.chars().all(|c| c.is_ascii_digit())
        || !b.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    Some((head, rest.to_string()))
}

/// `12. text` → ("12.", "text"); the number alone → ("12.", "").
///
/// Also the numbers of the Chinese and Arabic texts: "1.请秘书长" (no space before the
/// ideographs), "1 - تؤكد" and "١. تؤكد" (Arabic-Indic digits), given as "1.".
pub fn operative_number(s: &str) -> Option<(String, &str)> {
    let digits: usize = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return arabic_indic_number(s);
    }
    if digits > 3 {
        return None;
    }
    let rest = &s[digits..];
    let Some(rest) = rest.strip_prefix('.') else {
        return arabic_dash_number(&s[..digits], rest);
    };
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace) || rest.starts_with(is_han)) {
        return None;
    }
    Some((s[..digits + 1].to_string(), rest.trim_start()))
}

/// "1 - تؤكد …": the Arabic texts set the number apart by a dash; given as "1.". Only
/// before Arabic text: "1 - 2" is a range.
fn arabic_dash_number<'a>(digits: &str, rest: &'a str) -> Option<(String, &'a str)> {
    let after = rest
        .trim_start_matches(' ')
        .strip_prefix(['-', '–'])?
        .trim_start();
    after
        .starts_with(is_arabic_letter)
        .then(|| (format!("{digits}."), after))
}

/// "١. …", "١ - …": a number in Arabic-Indic digits, given in ASCII digits as "1.".
fn arabic_indic_number(s: &str) -> Option<(String, &str)> {
    // Their UTF-8 starts with 0xD9: most lines fail here.
    if s.as_bytes().first() != Some(&0xd9) {
        return None;
    }
    let mut ascii = String::new();
    let mut end = 0;
    for (i, c) in s.char_indices() {
        // U+0660–U+0669 are the digits 0–9.
        match u8::try_from(u32::from(c).wrapping_sub(0x660)) {
            Ok(d) if d <= 9 => ascii.push(char::from(b'0' + d)),
            _ => break,
        }
        end = i + c.len_utf8();
    }
    if ascii.is_empty() || ascii.len() > 3 {
        return None;
    }
    let rest = &s[end..];
    match rest.strip_prefix('.') {
        Some(r) if r.is_empty() || r.starts_with(char::is_whitespace) => {
            Some((format!("{ascii}."), r.trim_start()))
        }
        Some(_) => None,
        None => arabic_dash_number(&ascii, rest),
    }
}

/// A CJK ideograph (the unified block and extension A), which follows a number or a
/// label without a space in Chinese texts.
fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}')
}

/// Whether a line ending in `before` and going on with `after` joins without a space:
/// between Chinese characters and punctuation (quotation marks looked through), as
/// Chinese puts no space between words.
pub fn joins_without_space(before: &str, after: &str) -> bool {
    let wide = |c: Option<char>| {
        c.is_some_and(|c| {
            is_han(c) || matches!(c, '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}')
        })
    };
    let quote = |c: &char| matches!(c, '“' | '”' | '‘' | '’');
    // Most lines end in ASCII: decided on the last byte.
    before.as_bytes().last().is_some_and(|&b| b >= 0x80)
        && wide(before.chars().rev().find(|c| !quote(c)))
        && wide(after.chars().find(|c| !quote(c)))
}

/// A letter of the Arabic alphabet (U+0621–U+064A).
fn is_arabic_letter(c: char) -> bool {
    ('\u{621}'..='\u{64a}').contains(&c)
}

/// `(a) text`, `(iv) text`, `(a)` alone → (label inside brackets, rest).
///
/// Also the Arabic letters of the Arabic texts, "(أ) …", "(هـ) …", a label without a
/// space before Chinese text, "(a)立即…", and the Spanish and French form without the
/// opening bracket, "a) …", "ii) …".
pub fn sub_label(s: &str) -> Option<(String, &str)> {
    let Some(rest) = s.strip_prefix('(') else {
        return closing_label(s);
    };
    let close = rest.find(')')?;
    let label = &rest[..close];
    if label.is_empty() || label.len() > 6 {
        return None;
    }
    let after = &rest[close + 1..];
    let spaced = after.is_empty() || after.starts_with(char::is_whitespace);
    // Arabic labels run in the abjad order (أ, ب, ج, د, هـ, …): one letter, "هـ" with its tatweel.
    if label.starts_with(is_arabic_letter) {
        let one = label.chars().filter(|&c| c != '\u{640}').count() == 1;
        return (one && label.chars().all(|c| is_arabic_letter(c) || c == '\u{640}') && spaced)
            .then(|| (label.to_string(), after.trim_start()));
    }
    let ok =
        label.chars().all(|c| c.is_ascii_lowercase()) || label.chars().all(|c| c.is_ascii_digit());
    if !ok || !(spaced || after.starts_with(is_han)) {
        return None;
    }
    // Lowercase labels are one letter (a–z, aa) or a roman numeral.
    if label.chars().all(|c| c.is_ascii_lowercase())
        && label.len() > 1
        && roman_value(label).is_none()
        && !is_double_letter(label)
    {
        return None;
    }
    Some((label.to_string(), after.trim_start()))
}

/// "a) …", "ii) …": a lowercase letter or roman numeral with only its closing bracket.
fn closing_label(s: &str) -> Option<(String, &str)> {
    let n = s.bytes().take_while(u8::is_ascii_lowercase).count();
    if n == 0 || n > 4 {
        return None;
    }
    let after = s[n..].strip_prefix(')')?;
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    let label = &s[..n];
    (n == 1 || roman_value(label).is_some() || is_double_letter(label))
        .then(|| (label.to_string(), after.trim_start()))
}

fn is_double_letter(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 2 && b[0] == b[1]
}

/// The value of a lowercase or uppercase roman numeral.
pub fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 8 {
        return None;
    }
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c.to_ascii_lowercase() {
            'i' => 1,
            'v' => 5,
            'x' => 10,
            'l' => 50,
            'c' => 100,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    // Reject non-canonical forms such as "iiii" or "vv".
    (to_roman(total).eq_ignore_ascii_case(s)).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    const T: &[(u32, &str)] = &[
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut s = String::new();
    for &(v, r) in T {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

fn letter_value(s: &str) -> Option<u32> {
    let b = s.as_bytes();
    match b {
        [c] if c.is_ascii_lowercase() => Some(u32::from(c - b'a') + 1),
        [c, d] if c == d && c.is_ascii_lowercase() => Some(26 + u32::from(c - b'a') + 1),
        _ => None,
    }
}

fn letter_label(n: u32) -> String {
    if n == 0 {
        return String::new();
    }
    if n <= 26 {
        char::from(b'a' + (n - 1) as u8).to_string()
    } else {
        let c = char::from(b'a' + ((n - 27) % 26) as u8);
        format!("{c}{c}")
    }
}

/// A section heading: "I. Global context", "A. Title", "I." alone; returns (num, text, level).
fn heading_num(s: &str) -> Option<(String, String, u8)> {
    let (head, rest) = s.split_once(' ').unwrap_or((s, ""));
    // The print also sets a section number alone, without a full stop ("II" over its title).
    if !head.is_empty()
        && head.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
        && roman_value(head).is_some()
        && (rest.is_empty() || (looks_like_heading(rest) && rest.split_whitespace().count() >= 2))
    {
        return Some((head.to_string(), rest.trim().to_string(), 1));
    }
    let n = head.strip_suffix('.')?;
    if n.is_empty() {
        return None;
    }
    let rest = rest.trim();
    if rest.ends_with([',', ';']) {
        return None;
    }
    if n.chars().all(|c| c.is_ascii_uppercase())
        && roman_value(n).is_some()
        && (n.len() > 1 || matches!(n, "I" | "V" | "X"))
    {
        return Some((format!("{n}."), rest.to_string(), 1));
    }
    if n.len() == 1 && n.chars().all(|c| c.is_ascii_uppercase()) {
        return Some((format!("{n}."), rest.to_string(), 2));
    }
    None
}

/// "第37次全体会议" (37th plenary meeting): the meeting's number.
fn chinese_meeting(t: &str) -> Option<u32> {
    let rest = t.strip_prefix('第')?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = rest.get(digits..)?;
    if !(after == "次全体会议" || after == "次会议") {
        return None;
    }
    rest.get(..digits)?.parse().ok()
}

/// "1997年10月28日", "第37次全体会议": the closing lines of a Chinese text, never
/// paragraph text.
pub fn chinese_closing_line(t: &str) -> bool {
    // A Chinese date is at most 17 bytes: most lines fail on the length or first byte.
    match t.as_bytes().first() {
        Some(b'0'..=b'9') => t.len() <= 17 && !t.is_ascii() && inline::parse_date(t).is_some(),
        Some(0xe7) => chinese_meeting(t).is_some(),
        _ => false,
    }
}

/// The words after the ordinal of a meeting line, longest first: English, French,
/// Spanish, Russian.
const MEETING_WORDS: &[&str] = &[
    "plenary meeting",
    "séance plénière",
    "sesión plenaria",
    "пленарное заседание",
    "meeting",
    "séance",
    "sesión",
    "заседание",
];

/// "الجلسة العامة 71" (plenary meeting 71): the meeting's number, in ASCII or
/// Arabic-Indic digits.
fn arabic_meeting(t: &str) -> Option<u32> {
    let rest = t.strip_prefix("الجلسة")?.trim_start();
    let rest = rest.strip_prefix("العامة").unwrap_or(rest).trim();
    let mut n: u32 = 0;
    let mut digits = 0;
    for c in rest.chars() {
        let d = c.to_digit(10).or_else(|| {
            ('\u{660}'..='\u{669}')
                .contains(&c)
                .then(|| u32::from(c) - 0x660)
        })?;
        n = n.checked_mul(10)?.checked_add(d)?;
        digits += 1;
    }
    (1..=4).contains(&digits).then_some(n)
}

/// The number of a meeting line in any language: "64th plenary meeting", "71e séance
/// plénière", "71ª sesión plenaria", "71-е пленарное заседание", "الجلسة العامة 71",
/// "第37次全体会议".
fn meeting_number(m: &str) -> Option<u32> {
    m.split_whitespace()
        .next()
        .and_then(inline::numeric_ordinal)
        .or_else(|| chinese_meeting(m))
        .or_else(|| arabic_meeting(m))
}

/// Where the meeting of a line that opens with an ordinal ends: after "plenary meeting",
/// "séance plénière", "sesión plenaria", "пленарное заседание" or a bare "meeting" word.
fn ordinal_meeting_end(t: &str) -> Option<usize> {
    // The line opens with an ordinal number: most paragraphs fail here, before any search.
    let first = inline::words(t).next()?;
    inline::numeric_ordinal(first)?;
    let after = t.get(first.len()..)?.trim_start();
    MEETING_WORDS
        .iter()
        .find(|w| after.starts_with(*w))
        .map(|w| t.len() - after.len() + w.len())
        // "5th meeting of the Committee": the phrase may come later on the line.
        .or_else(|| t.find(" meeting").map(|i| i + " meeting".len()))
}

/// Whether `t` opens with a plenary meeting line in any language (what follows may be
/// glued on).
pub fn opens_meeting_line(t: &str) -> bool {
    chinese_meeting(t).is_some()
        || arabic_meeting(t).is_some()
        || ordinal_meeting_end(t)
            .and_then(|end| t.get(..end))
            .is_some_and(|m| MEETING_WORDS[..4].iter().any(|w| m.ends_with(w)))
}

/// "64th plenary meeting" (with the date on the same line in some texts), and the same
/// in the other official languages (see [`meeting_number`]).
fn meeting_line(s: &str) -> Option<(String, Option<DateText>)> {
    let t = s.trim();
    if chinese_meeting(t).is_some() || arabic_meeting(t).is_some() {
        return Some((t.to_string(), None));
    }
    let end = ordinal_meeting_end(t)?;
    let meeting = t.get(..end)?.to_string();
    // Russian sets the date after a comma: "71-е пленарное заседание, 10 декабря 2010 года".
    let rest = t.get(end..)?.trim_start_matches(',').trim();
    if rest.is_empty() {
        return Some((meeting, None));
    }
    let date = inline::parse_date(rest)?;
    Some((
        meeting,
        Some(DateText {
            date,
            text: rest.to_string(),
        }),
    ))
}

/// `t` without a final "and" after a comma or semicolon ("…; and", "…, y", "…; и"): the
/// last item of a list, or a recital of the Declaration in Spanish or Russian.
pub(crate) fn strip_final_and(t: &str) -> &str {
    [" and", " и", " et", " y"]
        .iter()
        .find_map(|w| t.strip_suffix(w).filter(|r| r.ends_with([';', ','])))
        .unwrap_or(t)
}

/// Ends as a paragraph ends: final punctuation, perhaps followed by a closing quote or a footnote number.
fn text_ended(s: &str) -> bool {
    let t = s
        .trim_end()
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
    let t = strip_final_and(t);
    let t = t.trim_end_matches(['”', '"', '’', ')', '」']);
    // With the Chinese (full-width) and Arabic stops, commas and semicolons.
    t.ends_with([
        '.', ',', ';', ':', '!', '?', ']', '。', '，', '；', '：', '！', '？', '،', '؛', '؟',
    ])
}

fn starts_lower(s: &str) -> bool {
    s.chars()
        .find(|c| !matches!(c, '“' | '"' | '‘' | '(' | '['))
        .is_some_and(char::is_lowercase)
}

/// A short line without final punctuation that starts with a capital: a heading.
fn looks_like_heading(s: &str) -> bool {
    let t = s.trim();
    // Chinese and Arabic have no capitals, and Chinese no spaces between words: there a
    // heading is a line short in characters without final punctuation.
    if t.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase())
    {
        return t.chars().nth(60).is_none()
            && inline::words(t).take(15).count() <= 14
            && !text_ended(t);
    }
    // Counting stops past the limit: paragraphs are long.
    let words = inline::words(t).take(15).count();
    words > 0
        && words <= 14
        && t.chars().next().is_some_and(char::is_uppercase)
        && !t.ends_with(['.', ',', ';', ':'])
        && !t.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// "Article 1", "Article premier", "Статья 1", "第一条": article headings of a declaration.
pub(crate) fn article_heading(s: &str) -> bool {
    let t = s.trim();
    if is_cjk_article(t) {
        return true;
    }
    let mut w = inline::words(t);
    let (Some(a), Some(b), None) = (w.next(), w.next(), w.next()) else {
        return false;
    };
    matches!(
        &*inline::lowercase(a),
        "article" | "artículo" | "статья" | "articolo" | "artikel" | "artigo" | "المادة"
    ) && (b
        .chars()
        .all(|c| c.is_ascii_digit() || ('\u{660}'..='\u{669}').contains(&c))
        || matches!(b, "premier" | "first" | "primero" | "primo" | "1.º" | "1º"))
}

/// "第一条", "第 1 条", "第二十九條": an article heading in Chinese or Japanese, one to
/// four numerals (Han, ASCII or full-width digits) between 第 and 条.
fn is_cjk_article(t: &str) -> bool {
    let Some(mid) = t
        .strip_prefix('第')
        .and_then(|r| r.strip_suffix(['条', '條']))
    else {
        return false;
    };
    let mut n = 0;
    for c in mid.chars().filter(|c| !c.is_whitespace()) {
        let numeral = c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || "〇一二三四五六七八九十百".contains(c);
        if !numeral {
            return false;
        }
        n += 1;
    }
    (1..=4).contains(&n)
}

/// The number of a Chinese article heading ([`is_cjk_article`]): "第二十九条" → 29,
/// "第 1 条" → 1.
pub fn cjk_article_number(t: &str) -> Option<u32> {
    let t = t.trim();
    if !is_cjk_article(t) {
        return None;
    }
    let mid = t.strip_prefix('第')?.strip_suffix(['条', '條'])?;
    let digit = |c: char| match c {
        '0'..='9' => Some(u32::from(c) - u32::from('0')),
        '０'..='９' => Some(u32::from(c) - u32::from('０')),
        _ => None,
    };
    let mut total = 0;
    if mid
        .chars()
        .filter(|c| !c.is_whitespace())
        .all(|c| digit(c).is_some())
    {
        for d in mid.chars().filter_map(digit) {
            total = total * 10 + d;
        }
        return Some(total).filter(|&n| n > 0);
    }
    // Han numerals: 十 and 百 multiply the numeral before them (一 when there is none),
    // so 二十九 = 2×10 + 9 and 十一 = 10 + 1.
    let mut unit: Option<u32> = None;
    for c in mid.chars().filter(|c| !c.is_whitespace()) {
        match c {
            '十' => total += unit.take().unwrap_or(1) * 10,
            '百' => total += unit.take().unwrap_or(1) * 100,
            _ => {
                let v = "〇一二三四五六七八九".chars().position(|h| h == c)?;
                unit = Some(u32::try_from(v).ok()?);
            }
        }
    }
    Some(total + unit.unwrap_or(0)).filter(|&n| n > 0)
}

/// Annex labels: "Annex", "Annex I", "Annex II", "Annexe", "Anexo", "Приложение".
fn annex_label(s: &str) -> bool {
    let t = s.trim();
    let mut w = inline::words(t);
    let first = w.next().unwrap_or("");
    let second = w.next();
    if w.next().is_some() {
        return false;
    }
    matches!(first, "Annex" | "Annexe" | "Anexo" | "Приложение" | "ANNEX")
        && second.is_none_or(|s| {
            roman_value(s).is_some()
                || s.len() == 1 && s.chars().all(|c| c.is_ascii_uppercase())
                || s.chars().all(|c| c.is_ascii_digit())
        })
}

/// A paragraph that opens a preamble in a declaration ("Whereas …", "Considérant …",
/// "鉴于…", "لما كان …").
fn preamble_opener(s: &str) -> bool {
    // Chinese has no spaces: the opener is the paragraph's first characters.
    if s.starts_with("鉴于") || s.starts_with("鑑於") {
        return true;
    }
    let first = inline::words(s).next().unwrap_or("").trim_end_matches(',');
    matches!(
        &*inline::lowercase(first),
        "whereas"
            | "considérant"
            | "considerando"
            | "принимая"
            | "considerato"
            | "da"
            | "overwegende"
            | "لما"
            | "لمّا"
            | "ولما"
            | "ولمّا"
    )
}

impl Builder {
    fn run(
        &mut self,
        body: &[Para],
        meta: &mut Meta,
        diags: &mut Vec<Diagnostic>,
    ) -> Result<(), ReadError> {
        let mut zone = Zone::Preface;
        let mut i = 0;
        let mut next_note: u32 = 1;
        let mut note_numbers: Vec<u32> = self
            .notes
            .iter()
            .filter_map(|n| n.marker.parse().ok())
            .collect();
        note_numbers.sort_unstable();
        if let Some(&max) = note_numbers.last() {
            next_note = max + 1;
        }
        let mut in_article = false;
        while i < body.len() {
            let p = &body[i];
            let text = p.text.trim();
            i += 1;
            if text.is_empty() {
                continue;
            }
            // A footnote left in the body as "N text" (its number is the next one due).
            if let Some((n, rest)) = split_note(text) {
                if n == next_note && zone != Zone::Preface && !rest.is_empty() {
                    self.notes.push(Note {
                        marker: n.to_string(),
                        text: rest.to_string(),
                        line: p.line,
                    });
                    next_note += 1;
                    continue;
                }
            }
            // A running head repeating the title line, left in the body by the extraction.
            if zone != Zone::Preface
                && zone != Zone::Closing
                && self.title_line.as_deref() == Some(text)
            {
                continue;
            }
            match zone {
                Zone::Preface => {
                    if let Some(organ) = formula_organ(text) {
                        meta.organ = organ;
                        self.formula = Some(text.to_string());
                        zone = Zone::Preamble;
                        continue;
                    }
                    if masthead::is_adoption_line(text) {
                        let mut line = text.to_string();
                        // The date may be on the next line.
                        if !masthead::adoption_has_date(&line) {
                            if let Some(next) = body.get(i) {
                                if next.text.trim().starts_with("on ")
                                    || inline::parse_date(next.text.trim()).is_some()
                                {
                                    line.push(' ');
                                    line.push_str(next.text.trim());
                                    i += 1;
                                }
                            }
                        }
                        masthead::read_adoption_line(&line, meta);
                        continue;
                    }
                    if text.starts_with('[') {
                        let mut line = text.to_string();
                        while !line.contains(']') && i < body.len() {
                            line.push(' ');
                            line.push_str(body[i].text.trim());
                            i += 1;
                        }
                        masthead::read_origin(&line, meta);
                        continue;
                    }
                    if let Some((num, title)) = number_title(text) {
                        self.number = Some(num);
                        // Long enough not to be a line of text by chance (a Chinese title
                        // has no spaces to count).
                        if title.split_whitespace().count() >= 3
                            || title.chars().filter(|&c| is_han(c)).count() >= 6
                        {
                            self.title_line = Some(title.clone());
                        }
                        let mut title = title;
                        // The title may run over the following lines, up to the formula.
                        while let Some(next) = body.get(i) {
                            let nt = next.text.trim();
                            if formula_organ(nt).is_some()
                                || nt.starts_with('[')
                                || operative_number(nt).is_some()
                            {
                                break;
                            }
                            if !title.is_empty() {
                                title.push(' ');
                            }
                            title.push_str(nt);
                            i += 1;
                        }
                        self.title = Some(title);
                        continue;
                    }
                    if preamble_opener(text) {
                        self.formula_after = true;
                        zone = Zone::Preamble;
                        self.preamble.push(Item::Para(Raw {
                            line: p.line,
                            content: vec![text.to_string()],
                            ..Raw::default()
                        }));
                        continue;
                    }
                    if self.doc_title.is_none()
                        && self.number.is_none()
                        && meta.adoption_line.is_none()
                        && looks_like_heading(text)
                    {
                        self.doc_title = Some(text.to_string());
                        continue;
                    }
                    // Compared without a lowercase copy of what is often a long paragraph.
                    if [
                        "preamble",
                        "préambule",
                        "преамбула",
                        "preámbulo",
                        "präambel",
                        "preambolo",
                        "preâmbulo",
                        "序言",
                        "الديباجة",
                    ]
                    .iter()
                    .any(|w| inline::lower_eq(text, w))
                    {
                        continue;
                    }
                    if !self.zone_started {
                        diags.push(Diagnostic::warning(
                            p.line,
                            format!("text before the formula ignored: {}", clip(text)),
                        ));
                    }
                }
                Zone::Preamble => {
                    // A formula after the preamble (declarations): "Now, therefore, The General
                    // Assembly"; on its own line, or run together with its lead and proclamation.
                    let found = match formula_organ(text) {
                        Some(organ) => Some((organ, None, text, None)),
                        // Only a preamble that opened without a formula has one to come.
                        None if self.formula.is_none() => inline_formula(text)
                            .map(|f| (f.organ, f.lead, f.formula, Some(f.proclamation))),
                        None => None,
                    };
                    if let Some((organ, lead, formula, proclamation)) = found {
                        meta.organ = organ;
                        self.formula = Some(formula.to_string());
                        self.formula_after = true;
                        if let Some(lead) = lead {
                            self.formula_lead = Some(lead.to_string());
                        } else if let Some(Item::Para(last)) = self.preamble.last() {
                            // "Now, therefore," before it is the formula's lead; a Chinese
                            // paragraph is one "word", so its length counts too.
                            let t = last.content.join(" ");
                            if t.split_whitespace().count() <= 4
                                && t.chars().nth(30).is_none()
                                && t.ends_with([',', '，', '،'])
                                && last.subs.is_empty()
                            {
                                self.formula_lead = Some(t);
                                self.preamble.pop();
                            }
                        }
                        if let Some(p) = proclamation {
                            self.proclamation = Some(p.to_string());
                        } else if let Some(next) = body.get(i) {
                            // A proclamation that continues the formula.
                            let nt = next.text.trim();
                            if !article_heading(nt)
                                && operative_number(nt).is_none()
                                && starts_proclamation(nt)
                            {
                                self.proclamation = Some(nt.to_string());
                                i += 1;
                            }
                        }
                        // A proclamation cut before its end goes on in the next lines
                        // ("تنادي بهذا الإعلان العالمي لحقوق الإنسان" / "على أنه المستوى …").
                        if let Some(p) = self.proclamation.as_mut() {
                            while !text_ended(p) {
                                let Some(nt) = body.get(i).map(|n| n.text.trim()) else {
                                    break;
                                };
                                if nt.is_empty()
                                    || article_heading(nt)
                                    || operative_number(nt).is_some()
                                    || annex_label(nt)
                                {
                                    break;
                                }
                                p.push(' ');
                                p.push_str(nt);
                                i += 1;
                            }
                        }
                        zone = Zone::Body;
                        continue;
                    }
                    if operative_number(text).is_some() || article_heading(text) {
                        zone = Zone::Body;
                        i -= 1;
                        continue;
                    }
                    // A section heading ("I", "II. Title"): it opens the operative part when
                    // numbered paragraphs follow it, else it heads preambular paragraphs.
                    if let Some((num, htext, level)) = heading_num(text) {
                        let ahead: Vec<&str> =
                            body[i..].iter().take(2).map(|p| p.text.trim()).collect();
                        let title_next = htext.is_empty()
                            && ahead.first().is_some_and(|t| looks_like_heading(t));
                        let after = if title_next {
                            ahead.get(1)
                        } else {
                            ahead.first()
                        };
                        if after.is_some_and(|t| operative_number(t).is_some()) {
                            zone = Zone::Body;
                            i -= 1;
                            continue;
                        }
                        let mut htext = htext;
                        if title_next {
                            htext = ahead.first().map(|t| t.to_string()).unwrap_or_default();
                            i += 1;
                        }
                        self.preamble.push(Item::Heading {
                            num: Some(num),
                            text: htext,
                            level,
                        });
                        continue;
                    }
                    if let Some((num, rest)) = sub_label_full(text) {
                        if let Some(Item::Para(last)) = self.preamble.last_mut() {
                            push_sub(last, num, rest, p.line);
                            continue;
                        }
                    }
                    if let Some(Item::Para(last)) =
                        self.preamble.last_mut().filter(|_| !self.separate)
                    {
                        // A recital may open in lower case ("принимая во внимание" in the
                        // Russian Declaration): an opener is never a continuation.
                        let opens = starts_lower(text) && super::pdf_text::opener(text);
                        if !opens && (starts_lower(text) || !text_ended(&last_text_of(last))) {
                            append_continuation(last, text);
                            continue;
                        }
                        // Items of a list whose labels were lost ("… a major contribution to:"):
                        // they run until a paragraph opens with a preambular phrase.
                        let intro_colon = last.subs.is_empty()
                            && last
                                .content
                                .last()
                                .is_some_and(|c| c.trim_end().ends_with(':'));
                        let in_list =
                            !last.subs.is_empty() && last.subs.iter().all(|s| s.num.is_none());
                        if (intro_colon || in_list) && !super::pdf_text::opener(text) {
                            last.subs.push(Raw {
                                line: p.line,
                                content: vec![text.to_string()],
                                ..Raw::default()
                            });
                            continue;
                        }
                    }
                    // "Adopts the following declaration:" — an unnumbered operative paragraph.
                    if is_unnumbered_operative(text) && !self.formula_after {
                        zone = Zone::Body;
                        i -= 1;
                        continue;
                    }
                    self.preamble.push(Item::Para(Raw {
                        line: p.line,
                        content: vec![text.to_string()],
                        ..Raw::default()
                    }));
                }
                Zone::Body | Zone::Annex => {
                    // "1997年10月28日" over "第37次全体会议": the Chinese texts give the date first.
                    if text.len() < 40 && text.starts_with(|c: char| c.is_ascii_digit()) {
                        let next = body.get(i).map(|n| n.text.trim());
                        let closing = next
                            .and_then(meeting_line)
                            .filter(|m| m.1.is_none())
                            .and_then(|(m, _)| inline::parse_date(text).map(|d| (m, d)));
                        if let Some((meeting, date)) = closing {
                            self.meeting = Some(meeting);
                            self.meeting_date = Some(DateText {
                                date,
                                text: text.to_string(),
                            });
                            i += 1;
                            zone = Zone::Closing;
                            continue;
                        }
                    }
                    if let Some((meeting, date)) = meeting_line(text) {
                        self.meeting = Some(meeting);
                        self.meeting_date = date;
                        if self.meeting_date.is_none() {
                            if let Some(next) = body.get(i) {
                                if let Some(d) = inline::parse_date(next.text.trim()) {
                                    self.meeting_date = Some(DateText {
                                        date: d,
                                        text: next.text.trim().to_string(),
                                    });
                                    i += 1;
                                }
                            }
                        }
                        zone = Zone::Closing;
                        continue;
                    }
                    if annex_label(text) {
                        self.start_annex(text, body, &mut i);
                        zone = Zone::Annex;
                        in_article = false;
                        continue;
                    }
                    let items = if zone == Zone::Annex {
                        match self.annexes.last_mut() {
                            Some(a) => &mut a.items,
                            None => &mut self.body,
                        }
                    } else {
                        &mut self.body
                    };
                    body_para(
                        items,
                        text,
                        p.line,
                        body.get(i).map(|n| n.text.trim()),
                        &mut in_article,
                        self.separate,
                        diags,
                    );
                }
                Zone::Closing => {
                    // "[Adopted without a vote.]", "[Adopted by a recorded vote of 31 to 15.]".
                    if self.vote.is_none()
                        && text.starts_with('[')
                        && text.ends_with(']')
                        && text.contains("dopted")
                    {
                        self.vote = Some(text.to_string());
                        continue;
                    }
                    if annex_label(text) {
                        self.start_annex(text, body, &mut i);
                        zone = Zone::Annex;
                        in_article = false;
                        continue;
                    }
                    if let Some((n, rest)) = split_note(text) {
                        if !rest.is_empty() && n >= 1 {
                            self.notes.push(Note {
                                marker: n.to_string(),
                                text: rest.to_string(),
                                line: p.line,
                            });
                            next_note = n + 1;
                            continue;
                        }
                    }
                    if starts_lower(text) {
                        if let Some(n) = self.notes.last_mut() {
                            n.text.push(' ');
                            n.text.push_str(text);
                            continue;
                        }
                    }
                    diags.push(Diagnostic::warning(
                        p.line,
                        format!("text after the closing lines ignored: {}", clip(text)),
                    ));
                }
            }
            self.zone_started = zone != Zone::Preface;
        }
        // A footnote text left in the body can end up as the last line of the previous paragraph's text:
        // nothing more to do here; marks are placed in `finish`.
        Ok(())
    }

    fn start_annex(&mut self, label: &str, body: &[Para], i: &mut usize) {
        let mut annex = RawAnnex {
            label: label.trim().to_string(),
            ..RawAnnex::default()
        };
        if let Some(next) = body.get(*i) {
            let nt = next.text.trim();
            if operative_number(nt).is_none()
                && heading_num(nt).is_none()
                && !nt.is_empty()
                && !nt.ends_with([',', ';'])
            {
                annex.title = Some(nt.to_string());
                *i += 1;
            }
        }
        self.annexes.push(annex);
    }

    fn finish(self, mut meta: Meta, diags: &mut Vec<Diagnostic>) -> Result<Resolution, ReadError> {
        let english = meta.language.is_empty() || meta.language == "en";
        if meta.number.is_none() {
            meta.number = self.number.clone();
        }
        if meta.title.is_none() {
            meta.title = self.title.clone().or(self.doc_title.clone());
        }
        let mut marks = MarkPlacer::new(&self.notes, diags);
        let preamble = to_blocks(self.preamble, &mut marks, english, true);
        let body = to_blocks(self.body, &mut marks, english, true);
        let annexes: Vec<Annex> = self
            .annexes
            .into_iter()
            .map(|a| Annex {
                label: a.label,
                title: a.title.map(Text::plain),
                blocks: to_blocks(a.items, &mut marks, english, false),
            })
            .collect();
        marks.report_unmarked(diags);
        let footnotes = self
            .notes
            .iter()
            .map(|n| Footnote {
                marker: n.marker.clone(),
                text: inline::build_text(&[Piece::Text(Cow::Borrowed(&n.text))], false, english),
            })
            .collect();
        let formula = self.formula.map(|f| Formula {
            lead: self.formula_lead.map(Text::plain),
            text: Text::plain(f),
            proclamation: self
                .proclamation
                .map(|p| inline::build_text(&[Piece::Text(Cow::Owned(p))], true, english)),
            after_preamble: self.formula_after,
        });
        let closing = (self.meeting.is_some() || self.meeting_date.is_some()).then(|| Closing {
            meeting_number: self.meeting.as_deref().and_then(meeting_number),
            meeting: self.meeting,
            date: self.meeting_date,
            vote: self.vote,
        });
        Ok(Resolution {
            meta,
            formula,
            preamble,
            body,
            closing,
            annexes,
            footnotes,
        })
    }
}

fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    out
}

/// "Proclaims this …", "провозглашает …": a verb that continues the formula.
fn starts_proclamation(s: &str) -> bool {
    // Chinese has no spaces: the verb is the paragraph's first characters.
    if s.starts_with("发布") || s.starts_with("發布") {
        return true;
    }
    let first = inline::words(s).next().unwrap_or("");
    matches!(
        &*inline::lowercase(first),
        "proclaims"
            | "proclame"
            | "proclama"
            | "провозглашает"
            | "adopts"
            | "declares"
            | "verkündet"
            | "proclamă"
            | "proclamou"
            | "تنادي"
    )
}

/// A formula run together with its lead and proclamation in one paragraph.
struct InlineFormula<'a> {
    organ: Organ,
    lead: Option<&'a str>,
    formula: &'a str,
    proclamation: &'a str,
}

/// "因此现在,大会,发布这一世界人权宣言,…" (the Unicode UDHR's Chinese text): the lead, the
/// formula and the proclamation in one paragraph. The formula is one of its first
/// comma-separated pieces, and a proclamation verb follows it.
fn inline_formula(s: &str) -> Option<InlineFormula<'_>> {
    let mut start = 0;
    // The lead is a few words: the formula's comma is near the start.
    for (i, c) in s.char_indices().take_while(|&(i, _)| i < 60) {
        if !matches!(c, ',' | '，' | '،') {
            continue;
        }
        let end = i + c.len_utf8();
        let piece = s[start..end].trim();
        if let Some(organ) = formula_organ(piece) {
            let proclamation = s[end..].trim_start();
            let lead = s[..start].trim();
            return (starts_proclamation(proclamation) && lead.chars().nth(30).is_none())
                .then_some(InlineFormula {
                    organ,
                    lead: (!lead.is_empty()).then_some(lead),
                    formula: piece,
                    proclamation,
                });
        }
        start = end;
    }
    None
}

/// An operative verb in the third person opening a paragraph that ends with ':' or '.'.
fn is_unnumbered_operative(s: &str) -> bool {
    let first = inline::words(s).next().unwrap_or("");
    let t = s.trim_end();
    let verb = first.chars().next().is_some_and(char::is_uppercase)
        && first.ends_with('s')
        && !first.ends_with("ss")
        && first.chars().all(char::is_alphabetic);
    verb && (t.ends_with(':') || t.ends_with('.'))
}

/// "1 See resolution 70/1." → (1, "See resolution 70/1.").
fn split_note(s: &str) -> Option<(u32, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &s[digits..];
    if !rest.starts_with([' ', '\t', '\u{a0}']) {
        return None;
    }
    let rest = rest.trim_start();
    // A note text starts with a capital, a symbol or a quote; "1 December 2025" is a date, not a note.
    let first_word = inline::words(rest).next().unwrap_or("");
    if inline::month_number(first_word.trim_end_matches([',', '.'])).is_some() {
        return None;
    }
    // Or a letter of a script without capitals (Chinese, Arabic).
    let opens = |c: char| {
        c.is_uppercase()
            || c == '“'
            || c == '"'
            || c.is_ascii_digit()
            || (c.is_alphabetic() && !c.is_lowercase())
    };
    if !rest.chars().next().is_some_and(opens) {
        return None;
    }
    Some((s[..digits].parse().ok()?, rest))
}

/// A sub-paragraph label with its text; the label is returned as printed, "(a)" or "a)".
fn sub_label_full(s: &str) -> Option<(String, String)> {
    let (label, rest) = sub_label(s)?;
    let printed = if s.starts_with('(') {
        format!("({label})")
    } else {
        format!("{label})")
    };
    Some((printed, rest.to_string()))
}

fn append_continuation(raw: &mut Raw, text: &str) {
    // Continue the last thing written: the wrap-up, the last sub-paragraph, or the content.
    let join = |t: &mut String| {
        if !joins_without_space(t, text) {
            t.push(' ');
        }
        t.push_str(text);
    };
    if let Some(w) = raw.wrap.last_mut() {
        join(w);
    } else if let Some(last) = raw.subs.last_mut() {
        append_continuation(last, text);
    } else if let Some(c) = raw.content.last_mut() {
        join(c);
    } else {
        raw.content.push(text.to_string());
    }
}

/// Adds a labelled sub-paragraph at the right depth: letters under the paragraph,
/// romans under the last letter ("(i)" after "(h)" is a letter).
fn push_sub(para: &mut Raw, label: String, text: String, line: usize) {
    let inner = label.trim_matches(['(', ')']).to_string();
    let last_letter = para
        .subs
        .last()
        .and_then(|s| s.num.as_deref())
        .map(|n| n.trim_matches(['(', ')']).to_string());
    let letter_next = match &last_letter {
        Some(l) => letter_value(l)
            .zip(letter_value(&inner))
            .is_some_and(|(a, b)| b == a + 1),
        None => letter_value(&inner) == Some(1),
    };
    let is_roman = roman_value(&inner).is_some();
    let new = Raw {
        line,
        num: Some(label),
        content: if text.is_empty() { vec![] } else { vec![text] },
        ..Raw::default()
    };
    if letter_next || !is_roman || para.subs.is_empty() {
        // Roman list directly under the paragraph when it has no lettered list.
        if is_roman && !letter_next && !para.subs.is_empty() {
            para.subs.push(new);
            return;
        }
        para.subs.push(new);
        return;
    }
    // A roman label under the last lettered sub-paragraph; a deeper letter list nests likewise.
    if let Some(last) = para.subs.last_mut() {
        let last_inner = last
            .num
            .as_deref()
            .map(|n| n.trim_matches(['(', ')']).to_string())
            .unwrap_or_default();
        if roman_value(&last_inner).is_some() && letter_value(&last_inner).is_none() {
            para.subs.push(new);
        } else {
            last.subs.push(new);
        }
    }
}

/// One paragraph of the operative part (or an annex).
fn body_para(
    items: &mut Vec<Item>,
    text: &str,
    line: usize,
    next: Option<&str>,
    in_article: &mut bool,
    separate: bool,
    diags: &mut Vec<Diagnostic>,
) {
    if article_heading(text) {
        *in_article = true;
        items.push(Item::Para(Raw {
            line,
            heading: Some(text.to_string()),
            ..Raw::default()
        }));
        return;
    }
    if let Some((num, rest)) = operative_number(text) {
        if *in_article {
            if let Some(Item::Para(last)) = items.last_mut() {
                last.subs.push(Raw {
                    line,
                    num: Some(num),
                    content: vec![rest.to_string()],
                    ..Raw::default()
                });
                return;
            }
        }
        items.push(Item::Para(Raw {
            line,
            num: Some(num),
            content: if rest.is_empty() {
                vec![]
            } else {
                vec![rest.to_string()]
            },
            ..Raw::default()
        }));
        return;
    }
    if let Some((num, rest)) = sub_label_full(text) {
        if let Some(Item::Para(last)) = items.last_mut() {
            infer_missing_labels(last, &num, diags);
            push_sub(last, num, rest, line);
            return;
        }
    }
    // A bare "I." gets its title from the next paragraph (below).
    if let Some((num, htext, level)) = heading_num(text) {
        items.push(Item::Heading {
            num: Some(num),
            text: htext,
            level,
        });
        return;
    }
    // Text after a bare "I." heading is its title.
    if let Some(Item::Heading { text: ht, .. }) = items.last_mut() {
        if ht.is_empty() {
            *ht = text.to_string();
            return;
        }
    }
    if let Some(Item::Para(last)) = items.last_mut() {
        let last_text = last_text_of(last);
        // A page break split the paragraph (the text goes on in lower case, or the part
        // before did not end), or the number stood alone on its line.
        let continues =
            !separate && (starts_lower(text) || (!last_text.is_empty() && !text_ended(&last_text)));
        if continues || (last.content.is_empty() && last.subs.is_empty() && last.num.is_some()) {
            // A page break split the paragraph, or the number stood alone on its line.
            if last.content.is_empty() && last.subs.is_empty() {
                last.content.push(text.to_string());
            } else {
                append_continuation(last, text);
            }
            return;
        }
        if !*in_article {
            // Items of a list whose labels the extraction lost: the paragraph's intro ends with ':'.
            let intro_colon = last.subs.is_empty()
                && last
                    .content
                    .last()
                    .is_some_and(|c| c.trim_end().ends_with(':'));
            let in_list = !last.subs.is_empty()
                && last.wrap.is_empty()
                && last_text.trim_end().ends_with(';');
            if (intro_colon || in_list) && !looks_like_heading(text) {
                last.subs.push(Raw {
                    line,
                    num: None,
                    content: vec![text.to_string()],
                    ..Raw::default()
                });
                return;
            }
            if !last.subs.is_empty()
                && last.wrap.is_empty()
                && !looks_like_heading(text)
                && !last_text.trim_end().ends_with(':')
            {
                last.wrap.push(text.to_string());
                return;
            }
        } else if !looks_like_heading(text) || last.heading.is_some() {
            last.content.push(text.to_string());
            return;
        }
    }
    if looks_like_heading(text)
        && next.is_some_and(|n| {
            operative_number(n).is_some() || heading_num(n).is_some() || looks_like_heading(n)
        })
    {
        let level = items.iter().rev().find_map(|i| match i {
            Item::Heading {
                num: Some(_),
                level,
                ..
            } => Some(*level + 1),
            _ => None,
        });
        items.push(Item::Heading {
            num: None,
            text: text.to_string(),
            level: level.unwrap_or(1).min(3),
        });
        return;
    }
    items.push(Item::Para(Raw {
        line,
        content: vec![text.to_string()],
        ..Raw::default()
    }));
}

fn last_text_of(r: &Raw) -> String {
    if let Some(w) = r.wrap.last() {
        return w.clone();
    }
    if let Some(s) = r.subs.last() {
        return last_text_of(s);
    }
    r.content.last().cloned().unwrap_or_default()
}

/// When "(c)" follows unlabelled items, they were "(a)" and "(b)": fill the labels in.
fn infer_missing_labels(para: &mut Raw, label: &str, diags: &mut Vec<Diagnostic>) {
    let inner = label.trim_matches(['(', ')']);
    let Some(v) = letter_value(inner) else { return };
    let unlabelled: Vec<usize> = para
        .subs
        .iter()
        .enumerate()
        .filter(|(_, s)| s.num.is_none())
        .map(|(i, _)| i)
        .collect();
    if unlabelled.is_empty() {
        return;
    }
    // Certain only when every earlier item lacks a label and their count fits.
    if unlabelled.len() == para.subs.len() && para.subs.len() as u32 == v - 1 {
        label_in_order(&mut para.subs, "the labels after it", diags);
    }
}

/// Gives the items the labels (a), (b), … and reports each as inferred from `from`.
fn label_in_order(subs: &mut [Raw], from: &str, diags: &mut Vec<Diagnostic>) {
    for (k, s) in subs.iter_mut().enumerate() {
        let label = format!("({})", letter_label(k as u32 + 1));
        diags.push(Diagnostic::warning(
            s.line,
            format!("sub-paragraph label {label} missing; inferred from {from}"),
        ));
        s.num = Some(label);
        s.num_inferred = true;
    }
}

/// Labels for a list none of whose items kept a label: (a), (b), … in order.
fn infer_whole_list(para: &mut Raw, diags: &mut Vec<Diagnostic>) {
    for s in para.subs.iter_mut() {
        infer_whole_list(s, diags);
    }
    if para.subs.len() >= 2 && para.subs.iter().all(|s| s.num.is_none()) {
        label_in_order(&mut para.subs, "the list's order", diags);
    } else if para.subs.len() == 1 && para.subs[0].num.is_none() {
        // A single unlabelled "item" is just more text of the paragraph.
        let only = para.subs.remove(0);
        para.content.extend(only.content);
    }
}

/// Folds items into blocks (sections nest by level) and turns raw text into inlines.
fn to_blocks(items: Vec<Item>, marks: &mut MarkPlacer, english: bool, phrases: bool) -> Vec<Block> {
    // Stack of open sections: (section, level).
    let mut root: Vec<Block> = Vec::new();
    let mut stack: Vec<Section> = Vec::new();
    fn close_to(stack: &mut Vec<Section>, root: &mut Vec<Block>, level: u8) {
        while stack.last().is_some_and(|s| s.level >= level) {
            if let Some(s) = stack.pop() {
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Block::Section(s)),
                    None => root.push(Block::Section(s)),
                }
            }
        }
    }
    for item in items {
        match item {
            Item::Heading { num, text, level } => {
                close_to(&mut stack, &mut root, level);
                let heading = marks.text(&text, false, english);
                stack.push(Section {
                    num,
                    heading,
                    level,
                    children: Vec::new(),
                });
            }
            Item::Para(mut raw) => {
                let mut sink = Vec::new();
                infer_whole_list(&mut raw, &mut sink);
                marks.diags.extend(sink);
                let p = raw_to_paragraph(raw, marks, english, phrases);
                match stack.last_mut() {
                    Some(s) => s.children.push(Block::Paragraph(p)),
                    None => root.push(Block::Paragraph(p)),
                }
            }
        }
    }
    close_to(&mut stack, &mut root, 0);
    root
}

fn raw_to_paragraph(raw: Raw, marks: &mut MarkPlacer, english: bool, phrase: bool) -> Paragraph {
    marks.line = raw.line;
    let content: Vec<Text> = raw
        .content
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.trim().is_empty())
        .map(|(k, c)| marks.text(c, phrase && k == 0, english))
        .collect();
    let subparagraphs = raw
        .subs
        .into_iter()
        .map(|s| raw_to_paragraph(s, marks, english, false))
        .collect();
    let wrap_up = raw
        .wrap
        .iter()
        .map(|w| marks.text(w, false, english))
        .collect();
    Paragraph {
        num: raw.num,
        num_inferred: raw.num_inferred,
        heading: raw.heading.map(Text::plain),
        content,
        subparagraphs,
        wrap_up,
    }
}

/// Places footnote marks through the document, in order, against the notes found.
struct MarkPlacer {
    /// Note numbers that exist.
    known: Vec<u32>,
    /// Next note number expected to be marked for the first time.
    expected_idx: usize,
    marked: Vec<u32>,
    diags: Vec<Diagnostic>,
    /// The input line of the paragraph being read, for messages.
    line: usize,
}

/// Words after which a spaced number is a reference, not a mark ("paragraph 2", "on 5").
const NOT_BEFORE_MARK: &[&str] = &[
    "paragraph",
    "paragraphs",
    "para",
    "para.",
    "paras.",
    "article",
    "articles",
    "resolution",
    "resolutions",
    "chapter",
    "annex",
    "item",
    "items",
    "rule",
    "rules",
    "no.",
    "vol.",
    "page",
    "pages",
    "section",
    "sections",
    "principle",
    "principles",
    "goal",
    "target",
    "targets",
    "phase",
    "part",
    "decision",
    "decisions",
    "and",
    "or",
    "to",
    "on",
    "of",
    "from",
    "the",
    "in",
    "at",
    "by",
    "some",
    "about",
    "than",
    "over",
    "under",
    "with",
    "for",
    "nearly",
    "almost",
    "least",
    "until",
    "since",
    "between",
    "protocol",
    "level",
    "category",
    "group",
    "table",
    "figure",
    "volume",
    "step",
    "tier",
    "stage",
    "number",
    "recommendation",
    "recommendations",
    "option",
    "module",
    "session",
    "meeting",
    "every",
    "first",
    "last",
    "per",
    "approximately",
    "only",
    "all",
    "within",
];

impl MarkPlacer {
    fn new(notes: &[Note], _diags: &mut [Diagnostic]) -> Self {
        let mut known: Vec<u32> = notes.iter().filter_map(|n| n.marker.parse().ok()).collect();
        known.sort_unstable();
        known.dedup();
        MarkPlacer {
            known,
            expected_idx: 0,
            marked: Vec::new(),
            diags: Vec::new(),
            line: 0,
        }
    }

    fn accept(&self, c: &MarkCandidate, s: &str) -> bool {
        let expected = self.known.get(self.expected_idx).copied();
        if c.strength == Strength::Explicit {
            // Glued to one or two capitals and out of turn, it was a name with a number.
            let token = s[..c.start]
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("");
            let name = !token.is_empty()
                && token.len() <= 2
                && token.chars().all(|ch| ch.is_ascii_uppercase());
            return !(name && expected != Some(c.value));
        }
        let is_next = expected == Some(c.value);
        // A mark set apart by a space ("Court, 1") is weaker: it may not skip a note.
        let spaced = s[c.start..].starts_with(char::is_whitespace);
        let is_skip = !spaced
            && (self.known.get(self.expected_idx + 1) == Some(&c.value)
                || self.known.get(self.expected_idx + 2) == Some(&c.value));
        let is_repeat = self.marked.contains(&c.value);
        if !(is_next || is_repeat || is_skip) {
            return false;
        }
        let prev_word = s[..c.start]
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("");
        let next_word = inline::words(&s[c.end..]).next().unwrap_or("");
        let next_clean = next_word.trim_end_matches([',', '.', ';', ':']);
        if inline::month_number(next_clean).is_some()
            || matches!(next_clean, "per" | "percent" | "%" | "million" | "billion" | "years" | "per cent" | "and" if c.strength == Strength::Spaced && !is_next)
            || next_word.starts_with('(') && c.strength == Strength::Spaced
            || (spaced && next_word.starts_with(|ch: char| ch.is_ascii_digit()))
        {
            return false;
        }
        match c.strength {
            Strength::Explicit => true,
            Strength::Glued | Strength::Year => {
                is_next || (is_repeat && c.strength == Strength::Glued) || is_skip
            }
            Strength::Punct => is_next || is_repeat || is_skip,
            Strength::Spaced => {
                // Not lowercased: a lowercase copy is a number or empty exactly when the word is.
                let pw =
                    prev_word.trim_matches(|ch: char| matches!(ch, '“' | '”' | '"' | '(' | ')'));
                // After a number only a year takes a mark ("of 1990 3").
                let year =
                    pw.len() == 4 && pw.parse::<u32>().is_ok_and(|y| (1900..=2099).contains(&y));
                if inline::lower_position(pw, NOT_BEFORE_MARK.iter().copied()).is_some()
                    || (pw.chars().all(|ch| ch.is_ascii_digit()) && !(year && is_next))
                    || pw.is_empty()
                {
                    return false;
                }
                // A repeated note after a space: only after a capitalised name ("Goals 2").
                is_next || (is_repeat && prev_word.chars().next().is_some_and(char::is_uppercase))
            }
        }
    }

    /// Splits the marks out of `s` and builds its inline text.
    fn text(&mut self, s: &str, phrase: bool, english: bool) -> Text {
        let mut pieces = Vec::new();
        let mut pos = 0;
        if !self.known.is_empty() || s.contains("[^") {
            for c in inline::mark_candidates(s) {
                if c.start < pos {
                    continue;
                }
                if !self.accept(&c, s) {
                    // A `[^n]` the extraction made of a name ("P[^5]" for "P5") is text again.
                    if c.strength == Strength::Explicit {
                        pieces.push(Piece::Text(Cow::Owned(format!(
                            "{}{}",
                            &s[pos..c.start],
                            c.value
                        ))));
                        pos = c.end;
                    }
                    continue;
                }
                let t = &s[pos..c.start];
                if !t.is_empty() {
                    pieces.push(Piece::Text(Cow::Borrowed(t)));
                }
                if !self.known.contains(&c.value) {
                    self.diags.push(Diagnostic::warning(
                        self.line,
                        format!("footnote mark {} has no note in the text", c.value),
                    ));
                }
                pieces.push(Piece::Mark(c.value.to_string()));
                if self.known.get(self.expected_idx) == Some(&c.value) {
                    self.expected_idx += 1;
                } else if let Some(k) = self
                    .known
                    .get(self.expected_idx..)
                    .and_then(|rest| rest.iter().position(|&n| n == c.value))
                {
                    // Notes before it were never marked: go on after it.
                    self.expected_idx += k + 1;
                }
                if !self.marked.contains(&c.value) {
                    self.marked.push(c.value);
                }
                pos = c.end;
            }
        }
        let rest = &s[pos..];
        if !rest.is_empty() {
            pieces.push(Piece::Text(Cow::Borrowed(rest)));
        }
        // Trim: a mark at the end leaves the text before it untouched; trailing spaces go.
        if let Some(Piece::Text(t)) = pieces.last_mut() {
            match t {
                Cow::Borrowed(b) => *b = b.trim_end(),
                Cow::Owned(o) => o.truncate(o.trim_end().len()),
            }
            if t.is_empty() {
                pieces.pop();
            }
        }
        if let Some(Piece::Text(t)) = pieces.first_mut() {
            match t {
                Cow::Borrowed(b) => *b = b.trim_start(),
                Cow::Owned(o) => {
                    let lead = o.len() - o.trim_start().len();
                    o.drain(..lead);
                }
            }
        }
        inline::build_text(&pieces, phrase, english)
    }

    fn report_unmarked(&mut self, diags: &mut Vec<Diagnostic>) {
        diags.append(&mut self.diags);
        for n in &self.known {
            if !self.marked.contains(n) {
                diags.push(Diagnostic::warning(
                    0,
                    format!("footnote {n} has no mark in the text"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_headings_in_several_scripts() {
        for h in [
            "Article 1",
            "Article premier",
            "Статья 12",
            "المادة ١",
            "第一条",
            "第 1 条",
            "第二十九条",
            "第三十條",
            "第１条",
        ] {
            assert!(article_heading(h), "{h}");
        }
        for h in [
            "第条",
            "第一条款",
            "第一百二十三条",
            "第一条 人人生而自由",
            "Article 1 of the Charter",
            "Articles 1",
        ] {
            assert!(!article_heading(h), "{h}");
        }
    }

    #[test]
    fn numbers_and_labels() {
        assert_eq!(
            operative_number("12. Decides"),
            Some(("12.".into(), "Decides"))
        );
        assert_eq!(operative_number("1."), Some(("1.".into(), "")));
        assert_eq!(operative_number("2024. Year"), None);
        assert_eq!(operative_number("3.4 per cent"), None);
        assert_eq!(
            sub_label("(a) To continue"),
            Some(("a".into(), "To continue"))
        );
        assert_eq!(sub_label("(iv) text"), Some(("iv".into(), "text")));
        assert_eq!(sub_label("(see below)"), None);
        assert_eq!(sub_label("(ab) x"), None);
        assert_eq!(roman_value("xiv"), Some(14));
        assert_eq!(roman_value("iiii"), None);
        assert_eq!(
            number_title("65/122.\tCooperation"),
            Some(("65/122".into(), "Cooperation".into()))
        );
        assert_eq!(number_title("73/6."), Some(("73/6".into(), String::new())));
        assert_eq!(
            number_title("68/247 B. Title"),
            Some(("68/247 B".into(), "Title".into()))
        );
        assert_eq!(
            heading_num("II. Implementation of"),
            Some(("II.".into(), "Implementation of".into(), 1))
        );
        assert_eq!(heading_num("I."), Some(("I.".into(), String::new(), 1)));
        assert_eq!(
            heading_num("A. Title"),
            Some(("A.".into(), "Title".into(), 2))
        );
        assert_eq!(heading_num("II"), Some(("II".into(), String::new(), 1)));
        assert_eq!(
            heading_num("IV Strengthening of cooperation"),
            Some(("IV".into(), "Strengthening of cooperation".into(), 1))
        );
        assert_eq!(heading_num("I am"), None);
    }

    #[test]
    fn closing_and_formula() {
        assert_eq!(
            meeting_line("64th plenary meeting").map(|m| m.0),
            Some("64th plenary meeting".into())
        );
        let (m, d) = meeting_line("52nd plenary meeting 1 December 2025").unwrap();
        assert_eq!(m, "52nd plenary meeting");
        assert_eq!(d.unwrap().date.to_string(), "2025-12-01");
        assert_eq!(
            formula_organ("The General Assembly,"),
            Some(Organ::GeneralAssembly)
        );
        assert_eq!(
            formula_organ("L’Assemblée générale"),
            Some(Organ::GeneralAssembly)
        );
        assert_eq!(
            formula_organ("Генеральная Ассамблея,"),
            Some(Organ::GeneralAssembly)
        );
        assert_eq!(formula_organ("The General Assembly decides"), None);
    }

    #[test]
    fn meeting_lines_in_the_official_languages() {
        for (line, meeting, number) in [
            ("71e séance plénière", "71e séance plénière", 71),
            ("1re séance plénière", "1re séance plénière", 1),
            ("71ª sesión plenaria", "71ª sesión plenaria", 71),
            ("71.ª sesión plenaria", "71.ª sesión plenaria", 71),
            ("71-е пленарное заседание", "71-е пленарное заседание", 71),
            ("الجلسة العامة 71", "الجلسة العامة 71", 71),
            ("الجلسة العامة ٧١", "الجلسة العامة ٧١", 71),
            ("第37次全体会议", "第37次全体会议", 37),
        ] {
            let (m, d) = meeting_line(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!((m.as_str(), d.is_none()), (meeting, true), "{line}");
            assert_eq!(meeting_number(&m), Some(number), "{line}");
        }
        let (m, d) = meeting_line("71-е пленарное заседание, 10 декабря 2010 года").unwrap();
        assert_eq!(m, "71-е пленарное заседание");
        assert_eq!(d.map(|d| d.date.to_string()).as_deref(), Some("2010-12-10"));
        for date in [
            "10 décembre 2010",
            "1er décembre 2010",
            "10 de diciembre de 2010",
            "10 декабря 2010 года",
            "10 كانون الأول/ديسمبر 2010",
        ] {
            let d = inline::parse_date(date).unwrap_or_else(|| panic!("{date}"));
            assert!(d.to_string().starts_with("2010-12-"), "{date}");
        }
        assert_eq!(
            inline::parse_date("28 حزيران/يونيه 2013").map(|d| d.to_string()),
            Some("2013-06-28".into())
        );
        for not in ["الجلسة", "الجلسة العامة", "71e Commission", "Article 71"] {
            assert!(meeting_line(not).is_none(), "{not}");
        }
    }

    #[test]
    fn roman_after_h_is_a_letter() {
        let mut p = Raw::default();
        for l in ["a", "b", "c", "d", "e", "f", "g", "h", "i"] {
            push_sub(&mut p, format!("({l})"), "x".into(), 1);
        }
        assert_eq!(p.subs.len(), 9);
        let mut q = Raw::default();
        push_sub(&mut q, "(a)".into(), "x".into(), 1);
        push_sub(&mut q, "(i)".into(), "x".into(), 1);
        push_sub(&mut q, "(ii)".into(), "x".into(), 1);
        push_sub(&mut q, "(b)".into(), "x".into(), 1);
        assert_eq!(q.subs.len(), 2);
        assert_eq!(q.subs[0].subs.len(), 2);
    }

    #[test]
    fn language_words_counted_as_whole_words() {
        let s = "les\u{a0}des  est\tunes une\u{2003}pour, para\u{3000}los las del del\u{85}Considérant x";
        let (mut fr, mut es) = (0, 0);
        count_language_words(s, &mut fr, &mut es);
        let mut fr2 = 0;
        let mut es2 = 0;
        for w in s.split_whitespace() {
            match w {
                "les" | "des" | "est" | "une" | "dans" | "pour" | "Considérant" => fr2 += 1,
                "los" | "las" | "del" | "una" | "para" | "Considerando" => es2 += 1,
                _ => {}
            }
        }
        assert_eq!((fr, es), (fr2, es2));
        assert_eq!((fr, es), (5, 5));
        for j in 0..s.len() {
            let ends = s.is_char_boundary(j + 1)
                && s[..j + 1]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_whitespace);
            assert_eq!(inline::ends_whitespace(s, j), ends, "{j}");
        }
    }

    #[test]
    fn language_from_the_script() {
        let zh = paras(&["鉴于对人类家庭所有成员的固有尊严及其平等的和不移的权利的承认,乃是世界自由、正义与和平的基础,"]);
        assert_eq!(guess_language(&zh), "zh");
        let ar = paras(&["لمّا كان الاعتراف بالكرامة المتأصلة في جميع أعضاء الأسرة البشرية"]);
        assert_eq!(guess_language(&ar), "ar");
        // A few Latin symbols do not outweigh the script of the text.
        let ar_symbols = paras(&[
            "وإذ تشير إلى قراراتها 40 / 152 سين المؤرخ 16 كانون الأول/ ديسمبر 1985 (A/RES/40/152)،",
        ]);
        assert_eq!(guess_language(&ar_symbols), "ar");
        let es = paras(&["Considerando que la libertad, la justicia y la paz en el mundo tienen por base el reconocimiento de la dignidad intrínseca y de los derechos iguales e inalienables de todos los miembros de la familia humana; los pueblos de las Naciones Unidas para una vida mejor, las personas y los Estados"]);
        assert_eq!(guess_language(&es), "es");
        let ru = paras(&["Принимая во внимание, что признание достоинства, присущего всем членам человеческой семьи"]);
        assert_eq!(guess_language(&ru), "ru");
        let en = paras(&[
            "Whereas recognition of the inherent dignity (人权) is the foundation of freedom",
        ]);
        assert_eq!(guess_language(&en), "en");
    }

    #[test]
    fn formulas_in_chinese_arabic_and_spanish() {
        for (line, organ) in [
            ("大会，", Organ::GeneralAssembly),
            ("大会,", Organ::GeneralAssembly),
            ("　　大会，", Organ::GeneralAssembly),
            ("大會，", Organ::GeneralAssembly),
            ("安全理事会，", Organ::SecurityCouncil),
            ("إن الجمعية العامة،", Organ::GeneralAssembly),
            ("فإن الجمعية العامة", Organ::GeneralAssembly),
            ("إن مجلس الأمن،", Organ::SecurityCouncil),
            ("إن مجلس حقوق الإنسان،", Organ::HumanRightsCouncil),
            ("La Asamblea General,", Organ::GeneralAssembly),
            ("El Consejo de Seguridad,", Organ::SecurityCouncil),
        ] {
            assert_eq!(formula_organ(line), Some(organ), "{line}");
        }
        // The bare names are masthead lines ("联合国 / 大会", "الأمم المتحدة / الجمعية العامة").
        for line in ["大会", "الجمعية العامة", "大会决议", "General Assembly"] {
            assert_eq!(formula_organ(line), None, "{line}");
        }
    }

    #[test]
    fn ascii_organ_names_come_first() {
        for (k, (name, _, _)) in ORGAN_NAMES.iter().enumerate() {
            assert_eq!(name.is_ascii(), k < ASCII_ORGAN_NAMES, "{name}");
        }
    }

    #[test]
    fn formula_run_together_with_its_lead_and_proclamation() {
        let f = inline_formula(
            "因此现在,大会,发布这一世界人权宣言,作为所有人民和所有国家努力实现的共同标准;",
        )
        .unwrap();
        assert_eq!(f.organ, Organ::GeneralAssembly);
        assert_eq!(f.lead, Some("因此现在,"));
        assert_eq!(f.formula, "大会,");
        assert!(f.proclamation.starts_with("发布这一世界人权宣言"));
        let f = inline_formula("大会，发布这一世界人权宣言，作为共同标准；").unwrap();
        assert_eq!((f.lead, f.formula), (None, "大会，"));
        // Not without a proclamation, nor in an ordinary paragraph.
        assert!(inline_formula("大会,回顾其决议,").is_none());
        assert!(inline_formula("Recalling, in this regard, its resolution 70/1,").is_none());
    }

    #[test]
    fn openers_and_proclamations() {
        assert!(preamble_opener("鉴于对人权的无视和侮蔑已发展为野蛮暴行,"));
        assert!(preamble_opener("鑑於對人權的無視和侮蔑已發展為野蠻暴行，"));
        assert!(preamble_opener("لمّا كان الاعتراف بالكرامة المتأصلة"));
        assert!(preamble_opener("ولما كان تناسي حقوق الإنسان"));
        assert!(preamble_opener("Considerando que la libertad"));
        assert!(!preamble_opener("回顾其决议,"));
        assert!(starts_proclamation("发布这一世界人权宣言,作为"));
        assert!(starts_proclamation("تنادي بهذا الإعلان العالمي لحقوق الإنسان"));
        assert!(starts_proclamation("Proclama la presente Declaración"));
        assert!(!starts_proclamation("第一条"));
    }

    #[test]
    fn headings_and_endings_without_capitals_or_spaces() {
        assert!(looks_like_heading("世界人权宣言"));
        assert!(looks_like_heading("联合国同各国议会联盟的合作"));
        assert!(looks_like_heading("الإعلان العالمي لحقوق الإنسان"));
        assert!(!looks_like_heading("鉴于有必要促进各国间友好关系的发展，"));
        assert!(!looks_like_heading("人人有权享有生命、自由和人身安全。"));
        assert!(!looks_like_heading(&"人".repeat(61)));
        for s in [
            "发展，",
            "安全。",
            "合作;",
            "协定；",
            "السلاح،",
            "السلاح؛",
            "للجنة:",
        ] {
            assert!(text_ended(s), "{s}");
        }
        assert!(!text_ended("تنادي بهذا الإعلان العالمي لحقوق الإنسان"));
    }

    #[test]
    fn numbers_and_labels_of_chinese_and_arabic_texts() {
        assert_eq!(
            operative_number("1.请秘书长采取有效措施"),
            Some(("1.".into(), "请秘书长采取有效措施"))
        );
        assert_eq!(operative_number("12. 决定"), Some(("12.".into(), "决定")));
        assert_eq!(
            operative_number("1 - تؤكد مجددا"),
            Some(("1.".into(), "تؤكد مجددا"))
        );
        assert_eq!(operative_number("١٢. تطلب"), Some(("12.".into(), "تطلب")));
        assert_eq!(operative_number("٣ - تقرر"), Some(("3.".into(), "تقرر")));
        assert_eq!(operative_number("1 - 2 December"), None);
        assert_eq!(operative_number("1.5亿"), None);
        assert_eq!(operative_number("١٢٣٤. x"), None);
        assert_eq!(sub_label("(أ) تنعقد"), Some(("أ".into(), "تنعقد")));
        assert_eq!(sub_label("(هـ) نص"), Some(("هـ".into(), "نص")));
        assert_eq!(sub_label("(أب) نص"), None);
        assert_eq!(sub_label("(a)立即增设"), Some(("a".into(), "立即增设")));
        assert_eq!(
            sub_label("a) ¿Cuáles son"),
            Some(("a".into(), "¿Cuáles son"))
        );
        assert_eq!(sub_label("ii) texto"), Some(("ii".into(), "texto")));
        assert_eq!(sub_label("ab) x"), None);
        assert_eq!(sub_label("a)x"), None);
        assert_eq!(sub_label_full("b) texto").map(|l| l.0), Some("b)".into()));
        assert_eq!(sub_label_full("(b) text").map(|l| l.0), Some("(b)".into()));
    }

    #[test]
    fn chinese_article_numbers() {
        for (h, n) in [
            ("第一条", 1),
            ("第十条", 10),
            ("第十一条", 11),
            ("第二十九条", 29),
            ("第三十條", 30),
            ("第一百条", 100),
            ("第 1 条", 1),
            ("第１２条", 12),
        ] {
            assert_eq!(cjk_article_number(h), Some(n), "{h}");
        }
        assert_eq!(cjk_article_number("第条"), None);
        assert_eq!(cjk_article_number("Article 1"), None);
    }

    #[test]
    fn chinese_closing_lines() {
        assert_eq!(chinese_meeting("第37次全体会议"), Some(37));
        assert_eq!(chinese_meeting("第37次会议"), Some(37));
        assert_eq!(chinese_meeting("第一条"), None);
        assert_eq!(
            inline::parse_date("1997年10月28日").map(|d| d.to_string()),
            Some("1997-10-28".into())
        );
        assert_eq!(inline::parse_date("1997年13月28日"), None);
    }

    /// The OHCHR text of the Chinese Declaration: full-width punctuation, the lead, the
    /// formula and the proclamation on lines of their own.
    #[test]
    fn chinese_declaration_with_its_formula_on_separate_lines() {
        let text = "世界人权宣言\n序言\n\
\u{3000}\u{3000}鉴于有必要促进各国间友好关系的发展，\n\
\u{3000}\u{3000}鉴于对这些权利和自由的普遍了解对于这个誓愿的充分实现具有很大的重要性，\n\
\u{3000}\u{3000}因此现在，\n\u{3000}\u{3000}大会，\n\
\u{3000}\u{3000}发布这一世界人权宣言，作为所有人民和所有国家努力实现的共同标准；\n\
第一条\n\u{3000}\u{3000}人人生而自由，在尊严和权利上一律平等。\n";
        let out = crate::read::read(text, None).unwrap();
        let doc = out.doc;
        assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
        assert_eq!(doc.meta.language, "zh");
        assert_eq!(doc.meta.title.as_deref(), Some("世界人权宣言"));
        let f = doc.formula.unwrap();
        assert_eq!(f.text.to_plain(), "大会，");
        assert_eq!(f.lead.map(|l| l.to_plain()).as_deref(), Some("因此现在，"));
        assert!(f
            .proclamation
            .is_some_and(|p| p.to_plain().starts_with("发布")));
        assert_eq!(doc.preamble.len(), 2);
        assert_eq!(doc.body.len(), 1);
    }

    /// Chinese lines wrapped inside a sentence join without a space.
    #[test]
    fn wrapped_chinese_lines_join_without_a_space() {
        let text = "52/7. 联合国同各国议会联盟的合作\n\n大会，\n\n\
回顾1996年10月25日第51/7号决议，其中欢迎联合国同各国议会联盟\n\
缔结合作协定，这是这两个组织之间增加和加强合作的一个重要步骤，\n\n\
1. 赞赏地注意到联合国同各国议会联盟之间的合作有所增加；\n\n\
2. 建议进一步加强这一合作。\n\n1997年10月28日\n第37次全体会议\n";
        for format in [Format::Pdftotext, Format::Cleaned] {
            let doc = crate::read::read(text, Some(format)).unwrap().doc;
            let pre = doc.preambular_paragraphs();
            assert_eq!(pre.len(), 1, "{format:?}");
            let t = pre[0].content[0].to_plain();
            assert!(t.contains("联盟缔结"), "{format:?}: {t}");
            assert_eq!(doc.operative_paragraphs().len(), 2, "{format:?}");
            assert_eq!(doc.closing.and_then(|c| c.meeting_number), Some(37));
        }
        assert!(joins_without_space("联盟", "缔结"));
        assert!(joins_without_space("重要步骤，", "“合作”"));
        assert!(!joins_without_space("the", "Assembly"));
        assert!(joins_without_space("合作”", "的项目"));
        assert!(!joins_without_space("联盟", "A/52/456"));
        assert!(!joins_without_space("“", "“"));
    }

    /// An Arabic masthead names the Assembly bare: that line is not the formula.
    #[test]
    fn arabic_masthead_name_is_not_the_formula() {
        let text = "الأمم المتحدة\nالجمعية العامة\nإن الجمعية العامة،\n\
إذ تلاحظ الأهمية الحاسمة للتدابير الفعالة في مجال التحقق،\n\
1 - تؤكد مجددا الأهمية الحاسمة للتدابير الفعالة في مجال التحقق؛\n\
2 - تطلب إلى الأمين العام أن يقدم تقريرا.\n";
        let doc = crate::read::read(text, None).unwrap().doc;
        assert_eq!(
            doc.formula.map(|f| f.text.to_plain()).as_deref(),
            Some("إن الجمعية العامة،")
        );
        assert_eq!(doc.preamble.len(), 1);
        let nums: Vec<Option<String>> = doc
            .body
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) => p.num.clone(),
                Block::Section(_) => None,
            })
            .collect();
        assert_eq!(nums, [Some("1.".into()), Some("2.".into())]);
    }

    #[test]
    fn notes_split() {
        assert_eq!(
            split_note("1 See resolutions 49/57 and 49/60."),
            Some((1, "See resolutions 49/57 and 49/60."))
        );
        assert_eq!(split_note("13 December 2010"), None);
        assert_eq!(split_note("1. Notes"), None);
    }
}

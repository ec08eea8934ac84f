//! The words of each language, one module per language, and the tables that join
//! them for the recognisers.
//!
//! Everything a reader matches and a writer prints in one language stands in that
//! language's module. The joined tables keep the order of the languages the
//! recognisers were written with (English, French, Spanish, then the others), built
//! at compile time.

pub mod ar;
pub mod de;
pub mod en;
pub mod es;
pub mod fr;
pub mod it;
pub mod nl;
pub mod pt;
pub mod ro;
pub mod ru;
pub mod zh;

mod kinds;

pub use kinds::{CouncilWords, DraftWords, Marked, PrintWords};

use crate::model::Organ;

/// The titles of the Universal Declaration of Human Rights in every language known here.
pub const UDHR_TITLES: &[&str] = &[
    en::UDHR_TITLE,
    fr::UDHR_TITLE,
    es::UDHR_TITLE,
    ru::UDHR_TITLE,
    ar::UDHR_TITLE,
    zh::UDHR_TITLE,
    de::UDHR_TITLE,
    it::UDHR_TITLE,
    nl::UDHR_TITLE,
    pt::UDHR_TITLE,
    ro::UDHR_TITLE,
];

/// A work whose text identifies itself by its title only (no symbol, number or date
/// printed): its titles in every language, the resolution's number as a Work IRI
/// segment, and its adoption date (year, month, day).
pub struct KnownWork {
    /// The titles, one per language.
    pub titles: &'static [&'static str],
    /// The adopting resolution's number as a Work IRI segment.
    pub number: &'static str,
    /// The adoption date: year, month, day.
    pub date: (u16, u8, u8),
}

/// The works known by their titles.
pub const KNOWN_WORKS: &[KnownWork] = &[KnownWork {
    titles: UDHR_TITLES,
    number: "217_A_III",
    date: (1948, 12, 10),
}];

/// Whether `word` is one of `list`. The words are short: compared inline, byte by byte
/// after their lengths, rather than through a library call each as `contains` does.
#[inline]
pub fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter()
        .any(|w| w.len() == word.len() && w.bytes().zip(word.bytes()).all(|(a, b)| a == b))
}

/// The words the PDF writer prints for a language (ISO 639-1); English for the others.
pub fn print_words(lang: &str) -> &'static PrintWords {
    match lang {
        "fr" => &fr::PRINT,
        "es" => &es::PRINT,
        "ru" => &ru::PRINT,
        _ => &en::PRINT,
    }
}

/// The organ's name as printed in a language, where it differs from English.
pub fn printed_organ(organ: Organ, lang: &str) -> &'static str {
    let table: &[(Organ, &str)] = match lang {
        "fr" => fr::PRINTED_ORGANS,
        "es" => es::PRINTED_ORGANS,
        "ru" => ru::PRINTED_ORGANS,
        "ar" => ar::PRINTED_ORGANS,
        "zh" => zh::PRINTED_ORGANS,
        _ => &[],
    };
    table
        .iter()
        .find(|&&(o, _)| o == organ)
        .map_or(organ.name(), |&(_, n)| n)
}

/// A Security Council resolution's heading as printed in a language, its number given
/// ("Resolution 1454 (2002)", "第1454(2002)号决议"); English for the languages not known.
pub fn printed_resolution(lang: &str, number: &str) -> String {
    let w = match lang {
        "fr" => &fr::COUNCIL,
        "es" => &es::COUNCIL,
        "ru" => &ru::COUNCIL,
        "ar" => &ar::COUNCIL,
        "zh" => &zh::COUNCIL,
        _ => &en::COUNCIL,
    };
    if w.resolution_end.is_empty() {
        format!("{} {number}", w.printed)
    } else {
        // Chinese prints the number without spaces: "第1454(2002)号决议".
        let number: String = number.split_whitespace().collect();
        format!("{}{number}{}", w.printed, w.resolution_end)
    }
}

/// The official languages other than English, as ISO 639-1 codes.
pub const OFFICIAL_LANGUAGES: &[&str] = &["fr", "es", "ru", "ar", "zh"];

/// The Security Council's words in each official language, English first.
pub const COUNCIL_WORDS: &[&CouncilWords] = &[
    &en::COUNCIL,
    &fr::COUNCIL,
    &es::COUNCIL,
    &ru::COUNCIL,
    &ar::COUNCIL,
    &zh::COUNCIL,
];

/// The entries of several tables in one, in the order given, built at compile time.
macro_rules! join {
    ($t:ty; $($part:expr),+ $(,)?) => {{
        const PARTS: &[&[$t]] = &[$($part),+];
        const LEN: usize = {
            let mut n = 0;
            let mut i = 0;
            while i < PARTS.len() {
                n += PARTS[i].len();
                i += 1;
            }
            n
        };
        const ALL: [$t; LEN] = {
            let mut out = [PARTS[0][0]; LEN];
            let (mut k, mut i) = (0, 0);
            while i < PARTS.len() {
                let mut j = 0;
                while j < PARTS[i].len() {
                    out[k] = PARTS[i][j];
                    k += 1;
                    j += 1;
                }
                i += 1;
            }
            out
        };
        &ALL
    }};
}

/// Month names in lowercase, with their numbers.
pub const MONTHS: &[(&str, u8)] =
    join!((&str, u8); en::MONTHS, fr::MONTHS, es::MONTHS, ar::MONTHS, ru::MONTHS);

/// The words of drafts and decisions in each official language.
pub const DRAFT_WORDS: &[&DraftWords] = &[
    &en::DRAFT,
    &fr::DRAFT,
    &es::DRAFT,
    &ru::DRAFT,
    &ar::DRAFT,
    &zh::DRAFT,
];

/// How an adoption line opens in each official language.
pub const ADOPTION_OPENINGS: &[&str] = &[
    en::ADOPTION_OPENING,
    fr::ADOPTION_OPENING,
    es::ADOPTION_OPENING,
    ru::ADOPTION_OPENING,
    ar::ADOPTION_OPENING,
];

/// The organs as adoption lines name them in French, Spanish, Russian and Arabic
/// (English names go through the formula's names).
pub const ADOPTING_ORGANS: &[(&str, Organ)] = join!((&str, Organ); fr::ADOPTING_ORGANS, es::ADOPTING_ORGANS, ru::ADOPTING_ORGANS, ar::ADOPTING_ORGANS);

/// The organs' names in the formula, the ASCII names first (see [`ASCII_ORGAN_NAMES`]).
pub const ORGAN_NAMES: &[(&str, Organ, Marked)] = &ascii_first(*join!(
    (&str, Organ, Marked);
    en::ORGAN_NAMES,
    es::ORGAN_NAMES,
    de::ORGAN_NAMES,
    it::ORGAN_NAMES,
    pt::ORGAN_NAMES,
    nl::ORGAN_NAMES,
    fr::ORGAN_NAMES,
    ru::ORGAN_NAMES,
    zh::ORGAN_NAMES,
    ar::ORGAN_NAMES,
));

/// How many of [`ORGAN_NAMES`] (the first ones) are ASCII.
pub const ASCII_ORGAN_NAMES: usize = {
    let mut k = 0;
    while k < ORGAN_NAMES.len() && ORGAN_NAMES[k].0.is_ascii() {
        k += 1;
    }
    k
};

/// The names with ASCII names first, each group in its order.
const fn ascii_first<const N: usize>(
    names: [(&'static str, Organ, Marked); N],
) -> [(&'static str, Organ, Marked); N] {
    let mut out = names;
    let mut k = 0;
    let mut pass = 0;
    while pass < 2 {
        let mut i = 0;
        while i < N {
            if names[i].0.is_ascii() == (pass == 0) {
                out[k] = names[i];
                k += 1;
            }
            i += 1;
        }
        pass += 1;
    }
    out
}

/// The words after the ordinal of a plenary meeting line, then of any meeting line:
/// English, French, Spanish, Russian, the longest first.
pub const MEETING_WORDS: &[&str] = &[
    en::PLENARY_MEETING,
    fr::PLENARY_MEETING,
    es::PLENARY_MEETING,
    ru::PLENARY_MEETING,
    en::MEETING,
    fr::MEETING,
    es::MEETING,
    ru::MEETING,
];

/// The words that make a meeting plenary, in lowercase, in every official language.
pub const PLENARY_WORDS: &[&str] = &[
    en::PLENARY,
    fr::PLENARY,
    es::PLENARY,
    ru::PLENARY,
    ar::PLENARY,
    zh::PLENARY,
];

/// How many of [`MEETING_WORDS`] (the first ones) name a plenary meeting.
pub const PLENARY_MEETING_WORDS: usize = 4;

/// Stems of the French, Spanish and Russian number words.
pub const NUMBER_STEMS: &[(&str, u32)] =
    join!((&str, u32); fr::NUMBER_STEMS, es::NUMBER_STEMS, ru::NUMBER_STEMS);

/// Endings of the number words in [`NUMBER_STEMS`], and none at all last.
pub const NUMBER_ENDINGS: &[&str] =
    join!(&str; fr::NUMBER_ENDINGS, es::NUMBER_ENDINGS, ru::NUMBER_ENDINGS, &[""]);

/// The agenda line in French, Spanish, Russian and Arabic: opening word (singular,
/// plural), closing phrase, and the word between two items.
pub const AGENDA_LINES: &[(&str, &str, &str, &str)] = join!(
    (&str, &str, &str, &str);
    en::AGENDA_LINES,
    fr::AGENDA_LINES,
    es::AGENDA_LINES,
    ru::AGENDA_LINES,
    ar::AGENDA_LINES,
);

/// The heading "Preamble" in every language, in lowercase.
pub const PREAMBLE_HEADINGS: &[&str] = join!(&str; &[en::PREAMBLE_HEADING], &[fr::PREAMBLE_HEADING], &[es::PREAMBLE_HEADING], &[ru::PREAMBLE_HEADING], &[ar::PREAMBLE_HEADING], &[zh::PREAMBLE_HEADING], &[de::PREAMBLE_HEADING], &[it::PREAMBLE_HEADING], &[pt::PREAMBLE_HEADING]);

/// The word of an article heading in every language, in lowercase ("article" is English and French).
pub const ARTICLES: &[&str] = join!(&str; &[en::ARTICLE], &[es::ARTICLE], &[ru::ARTICLE], &[it::ARTICLE], &[de::ARTICLE], &[pt::ARTICLE], &[ar::ARTICLE]);

/// The words for "first" in an article heading.
pub const FIRST_WORDS: &[&str] = join!(&str; &[fr::FIRST], &[en::FIRST], es::FIRST, &[it::FIRST]);

/// The label of an annex in every language, as printed.
pub const ANNEX_LABELS: &[&str] = join!(&str; en::ANNEX, fr::ANNEX, es::ANNEX, ru::ANNEX);

/// The words that open a declaration's recitals, in lowercase.
pub const RECITAL_OPENERS: &[&str] = join!(&str; &[en::WHEREAS], &[fr::WHEREAS], &[es::WHEREAS], &[ru::WHEREAS], &[it::WHEREAS], &[de::WHEREAS], &[nl::WHEREAS], ar::WHEREAS);

/// The word "and" ending the item before the last of a list, with its space.
pub const FINAL_ANDS: &[&str] =
    join!(&str; &[en::FINAL_AND], &[ru::FINAL_AND], &[fr::FINAL_AND], &[es::FINAL_AND]);

/// The verbs that continue a declaration's formula, in lowercase.
pub const PROCLAMATION_VERBS: &[&str] = join!(&str; en::PROCLAIMS, fr::PROCLAIMS, es::PROCLAIMS, ru::PROCLAIMS, de::PROCLAIMS, ro::PROCLAIMS, pt::PROCLAIMS, ar::PROCLAIMS);

/// The word a Main Committee's name ends with, in the order the origin line is searched.
pub const COMMITTEES: &[&str] =
    join!(&str; &[en::COMMITTEE], &[fr::COMMITTEE], &[es::COMMITTEE], &[ru::COMMITTEE]);

/// The French and Spanish words that open preambular paragraphs, as printed.
pub const ROMANCE_OPENERS: &[&str] = join!(&str; fr::OPENERS, es::OPENERS);

/// The words of the session line in Spanish, French and Russian, in the order searched
/// (English is read on its own: its ordinal comes first).
pub const SESSION_WORDS: &[&str] = &[es::SESSION, fr::SESSION, ru::SESSION];

/// Annex labels that open a line of their own in the text of a PDF (English, French,
/// Spanish).
pub const ANNEX_LINE_STARTS: &[&str] = &[en::ANNEX[0], fr::ANNEX[0], es::ANNEX[0]];

/// Short words that stand alone in English, French, Spanish and Russian.
pub const FUNCTION_WORDS: &[&str] =
    join!(&str; en::FUNCTION_WORDS, fr::FUNCTION_WORDS, es::FUNCTION_WORDS, ru::FUNCTION_WORDS);

/// Ordinal suffixes after digits in English, French, Russian and Spanish.
pub const ORDINAL_SUFFIXES: &[&str] = join!(&str; en::ORDINAL_SUFFIXES, fr::ORDINAL_SUFFIXES, ru::ORDINAL_SUFFIXES, es::ORDINAL_SUFFIXES);

/// Words after a suspended hyphen in English, French, Spanish and Russian.
pub const SUSPENDING_WORDS: &[&str] = join!(&str; en::SUSPENDING_WORDS, fr::SUSPENDING_WORDS, es::SUSPENDING_WORDS, ru::SUSPENDING_WORDS);

/// The words before a date on the line after an adoption line (English, French, Spanish,
/// Arabic).
pub const DATE_INTRODUCERS: &[&str] = &[
    en::DATE_INTRODUCER,
    fr::DATE_INTRODUCER,
    es::DATE_INTRODUCER,
    ar::DATE_INTRODUCER,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_tables_hold_every_entry_in_order() {
        assert_eq!(MONTHS.len(), 12 * 4 + ar::MONTHS.len());
        assert_eq!(MONTHS[12], ("janvier", 1));
        assert_eq!(MONTHS.last(), ru::MONTHS.last());
        assert_eq!(ORGAN_NAMES.len(), 26);
        assert!(ORGAN_NAMES[..ASCII_ORGAN_NAMES]
            .iter()
            .all(|n| n.0.is_ascii()));
        assert!(ORGAN_NAMES[ASCII_ORGAN_NAMES..]
            .iter()
            .all(|n| !n.0.is_ascii()));
        assert_eq!(ASCII_ORGAN_NAMES, 12);
        assert_eq!(NUMBER_ENDINGS.last(), Some(&""));
        assert_eq!(AGENDA_LINES.len(), 6);
        let lens = [
            PREAMBLE_HEADINGS.len(),
            ARTICLES.len(),
            FIRST_WORDS.len(),
            ANNEX_LABELS.len(),
            RECITAL_OPENERS.len(),
            FINAL_ANDS.len(),
            PROCLAMATION_VERBS.len(),
            COMMITTEES.len(),
        ];
        assert_eq!(lens, [9, 7, 6, 5, 11, 4, 10, 4]);
        assert_eq!(COMMITTEES[0], " Committee");
        assert!(MEETING_WORDS[..PLENARY_MEETING_WORDS]
            .iter()
            .all(|w| w.contains(' ')));
    }

    #[test]
    fn council_headings_are_printed_in_their_language() {
        let printed = ["en", "fr", "es", "ru", "ar", "zh", "de"]
            .map(|l| printed_resolution(l, "1454 (2002)"));
        assert_eq!(
            printed,
            [
                "Resolution 1454 (2002)",
                "Résolution 1454 (2002)",
                "Resolución 1454 (2002)",
                "Резолюция 1454 (2002)",
                "القرار 1454 (2002)",
                "第1454(2002)号决议",
                "Resolution 1454 (2002)",
            ]
        );
    }
}

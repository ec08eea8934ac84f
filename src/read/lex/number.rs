//! Ordinal and cardinal number words ("sixty-fifth", "71st").

use super::text::*;

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
pub(crate) const TEENS: &[(&str, u32)] = &[
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
pub(crate) const NUMBER_STEMS: &[(&str, u32)] = &[
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
pub(crate) const NUMBER_ENDINGS: &[&str] = &[
    "ième", "ier", "ière", "e", "s", "o", "a", "ая", "ой", "ий", "ый", "ого", "",
];

/// The value of one number word (lowercase), by its stem and ending.
pub(crate) fn number_word(w: &str) -> Option<u32> {
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

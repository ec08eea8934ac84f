//! Numbers and labels: "65/122.", "12.", "(a)", "ii)", roman numerals, letters.

use super::draft::decision_text;
use super::opener::opener;
use super::organ::formula_organ;

/// `65/122. Title` → ("65/122", "Title"); `73/6.` alone → ("73/6", "").
pub(crate) fn number_title(s: &str) -> Option<(String, String)> {
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

/// Whether `next` ends a resolution's title that runs on from its number line, `title`
/// being the title so far: the formula, a decision's text, the origin in brackets, an
/// operative number, or a recital's opener where the formula was not printed (a title
/// goes straight on to "Reaffirming …").
pub(crate) fn ends_numbered_title(title: &str, next: &str) -> bool {
    formula_organ(next).is_some()
        || decision_text(next)
        || next.starts_with('[')
        || operative_number(next).is_some()
        || (!title.is_empty() && opener(next))
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
pub(crate) fn arabic_dash_number<'a>(digits: &str, rest: &'a str) -> Option<(String, &'a str)> {
    let after = rest
        .trim_start_matches(' ')
        .strip_prefix(['-', '–'])?
        .trim_start();
    after
        .starts_with(is_arabic_letter)
        .then(|| (format!("{digits}."), after))
}

/// "١. …", "١ - …": a number in Arabic-Indic digits, given in ASCII digits as "1.".
pub(crate) fn arabic_indic_number(s: &str) -> Option<(String, &str)> {
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
pub(crate) fn is_han(c: char) -> bool {
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
pub(crate) fn is_arabic_letter(c: char) -> bool {
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
    // Numbered labels run (1) to (99); "(1989)" opening a wrapped line is the year of a
    // resolution cited on the line before ("644 / (1989) of 7 November 1989").
    let ok = label.chars().all(|c| c.is_ascii_lowercase())
        || (label.len() <= 2 && label.chars().all(|c| c.is_ascii_digit()));
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
pub(crate) fn closing_label(s: &str) -> Option<(String, &str)> {
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

pub(crate) fn is_double_letter(s: &str) -> bool {
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

pub(crate) fn to_roman(mut n: u32) -> String {
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

pub(crate) fn letter_value(s: &str) -> Option<u32> {
    let b = s.as_bytes();
    match b {
        [c] if c.is_ascii_lowercase() => Some(u32::from(c - b'a') + 1),
        [c, d] if c == d && c.is_ascii_lowercase() => Some(26 + u32::from(c - b'a') + 1),
        _ => None,
    }
}

pub(crate) fn letter_label(n: u32) -> String {
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

#[cfg(test)]
mod tests {
    use super::ends_numbered_title;

    #[test]
    fn a_numbered_title_ends_where_the_text_begins() {
        let title = "Enhancing the contributions of the Commission";
        for next in [
            "The General Assembly,",
            "Reaffirming its resolution 70/1 of 25 September 2015,",
            "[on the report of the Third Committee (A/78/482)]",
            "1. Decides to convene",
        ] {
            assert!(ends_numbered_title(title, next), "{next}");
        }
        for next in [
            "implementation of the 2030 Agenda",
            "Prevention and Criminal Justice",
        ] {
            assert!(!ends_numbered_title(title, next), "{next}");
        }
        // The title's own first line is never taken for a recital.
        assert!(!ends_numbered_title("", "Recalling the past"));
    }
}

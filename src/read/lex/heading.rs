//! Heading and paragraph-end shapes: section headings, article headings, annex
//! labels, final punctuation.

use super::date::month_number;
use super::label::roman_value;
use super::text::{lower_eq, lowercase, words};
use crate::lang::is_one_of;
use crate::lang::{self, zh};

/// A section heading: "I. Global context", "A. Title", "I." alone; returns (num, text, level).
pub(crate) fn heading_num(s: &str) -> Option<(String, String, u8)> {
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

/// `t` without a final "and" after a comma or semicolon ("…; and", "…, y", "…; и"): the
/// last item of a list, or a recital of the Declaration in Spanish or Russian.
pub(crate) fn strip_final_and(t: &str) -> &str {
    lang::FINAL_ANDS
        .iter()
        .find_map(|w| t.strip_suffix(w).filter(|r| r.ends_with([';', ','])))
        .unwrap_or(t)
}

/// Ends as a paragraph ends: final punctuation, perhaps followed by a closing quote or a footnote number.
pub(crate) fn text_ended(s: &str) -> bool {
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

pub(crate) fn starts_lower(s: &str) -> bool {
    s.chars()
        .find(|c| !matches!(c, '“' | '"' | '‘' | '(' | '['))
        .is_some_and(char::is_lowercase)
}

/// A short line without final punctuation that starts with a capital: a heading.
pub(crate) fn looks_like_heading(s: &str) -> bool {
    let t = s.trim();
    // Chinese and Arabic have no capitals, and Chinese no spaces between words: there a
    // heading is a line short in characters without final punctuation.
    if t.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase())
    {
        return t.chars().nth(60).is_none() && words(t).take(15).count() <= 14 && !text_ended(t);
    }
    // Counting stops past the limit: paragraphs are long.
    let words = words(t).take(15).count();
    words > 0
        && words <= 14
        && t.chars().next().is_some_and(char::is_uppercase)
        && !t.ends_with(['.', ',', ';', ':'])
        && !t.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// A heading as the print sets it over a numbered paragraph: it opens with a capital,
/// ends without a paragraph's punctuation (a note mark after it aside) and runs to two
/// dozen words ("Financing of the appropriation for the period from 1 July 2024 to
/// 30 June 2025", "Section 11 United Nations system support for …: The Africa We
/// Want"). Longer than [`looks_like_heading`] allows: it is asked only of a paragraph
/// the next number follows, where a paragraph would have ended in punctuation.
pub(crate) fn heading_over_number(s: &str) -> bool {
    let t = s.trim();
    let n = words(t).take(25).count();
    (1..=24).contains(&n)
        && t.chars().next().is_some_and(char::is_uppercase)
        && !text_ended(t)
        && !is_separator(t)
}

/// The label line of a heading whose title follows on the next line: a capitalised word
/// and a number ("Part IV", "Section 9", "Section 29A", "Income section 2"), a word in
/// lower case between them at most. Not a month and a year ("June 2025"), nor an annex
/// label or an article heading.
pub(crate) fn heading_label(s: &str) -> bool {
    let ws: Vec<&str> = words(s.trim()).take(4).collect();
    let (first, middle, num) = match ws.as_slice() {
        [a, n] => (*a, None, *n),
        [a, m, n] => (*a, Some(*m), *n),
        _ => return false,
    };
    let capital = first.chars().next().is_some_and(char::is_uppercase)
        && first.chars().all(char::is_alphabetic)
        && month_number(first).is_none();
    let lower = middle.is_none_or(|m| m.chars().all(char::is_lowercase));
    let digits = num.trim_end_matches(|c: char| c.is_ascii_uppercase());
    let number = (!digits.is_empty()
        && digits.len() <= 3
        && digits.chars().all(|c| c.is_ascii_digit())
        && num.len() - digits.len() <= 1)
        || (num.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')) && roman_value(num).is_some());
    // An annex's label and an article's heading are read as such.
    capital && lower && number && !annex_label(s) && !article_heading(s)
}

/// A separator line of asterisks ("* * *", "***"): an ornament between parts of the
/// text, never text of a paragraph.
pub(crate) fn is_separator(s: &str) -> bool {
    let t = s.trim();
    t.chars().filter(|&c| c == '*').count() >= 3 && t.chars().all(|c| c == '*' || c.is_whitespace())
}

/// "Preamble", "Préambule", "ПРЕАМБУЛА", "序言": the heading over a declaration's
/// recitals (compared without a lowercase copy of what is often a long paragraph).
pub(crate) fn preamble_heading(s: &str) -> bool {
    let t = s.trim();
    lang::PREAMBLE_HEADINGS.iter().any(|w| lower_eq(t, w))
}

/// "Article 1", "Article premier", "Статья 1", "第一条": article headings of a declaration.
pub(crate) fn article_heading(s: &str) -> bool {
    let t = s.trim();
    if is_cjk_article(t) {
        return true;
    }
    let mut w = words(t);
    let (Some(a), Some(b), None) = (w.next(), w.next(), w.next()) else {
        return false;
    };
    is_one_of(&lowercase(a), lang::ARTICLES)
        && (b
            .chars()
            .all(|c| c.is_ascii_digit() || ('\u{660}'..='\u{669}').contains(&c))
            || is_one_of(b, lang::FIRST_WORDS))
}

/// "第一条", "第 1 条", "第二十九條": an article heading in Chinese or Japanese, one to
/// four numerals (Han, ASCII or full-width digits) between 第 and 条.
pub(crate) fn is_cjk_article(t: &str) -> bool {
    let Some(mid) = t
        .strip_prefix(zh::ORDINAL)
        .and_then(|r| r.strip_suffix(zh::ARTICLE))
    else {
        return false;
    };
    let mut n = 0;
    for c in mid.chars().filter(|c| !c.is_whitespace()) {
        let numeral = c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || zh::DIGITS.contains(c)
            || c == zh::TEN
            || c == zh::HUNDRED;
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
    let mid = t.strip_prefix(zh::ORDINAL)?.strip_suffix(zh::ARTICLE)?;
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
            zh::TEN => total += unit.take().unwrap_or(1) * 10,
            zh::HUNDRED => total += unit.take().unwrap_or(1) * 100,
            _ => {
                let v = zh::DIGITS.chars().position(|h| h == c)?;
                unit = Some(u32::try_from(v).ok()?);
            }
        }
    }
    Some(total + unit.unwrap_or(0)).filter(|&n| n > 0)
}

/// Annex labels: "Annex", "Annex I", "Annex II", "Annexe", "Anexo", "Приложение".
pub(crate) fn annex_label(s: &str) -> bool {
    let t = s.trim();
    let mut w = words(t);
    let first = w.next().unwrap_or("");
    let second = w.next();
    if w.next().is_some() {
        return false;
    }
    is_one_of(first, lang::ANNEX_LABELS)
        && second.is_none_or(|s| {
            roman_value(s).is_some()
                || s.len() == 1 && s.chars().all(|c| c.is_ascii_uppercase())
                || s.chars().all(|c| c.is_ascii_digit())
        })
}

/// The number an "Article 12" heading (any language: "Статья 12", "المادة ١٢",
/// "第十二条") gives its paragraph, in ASCII digits: a heading of two words, a capital
/// (or a script without capitals) and a number.
pub(crate) fn article_number(heading: &str) -> Option<String> {
    // "第十一条": no spaces, Han numerals.
    if let Some(n) = cjk_article_number(heading) {
        return Some(n.to_string());
    }
    let mut words = heading.split_whitespace();
    let first = words.next()?;
    let n = words.next()?;
    let opens = |c: char| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase());
    if words.next().is_some() || !first.chars().next().is_some_and(opens) {
        return None;
    }
    if n.chars().all(|c| c.is_ascii_digit()) {
        return Some(n.to_string());
    }
    // "Article premier", "Artículo primero": the first article.
    if is_one_of(&lowercase(n), lang::FIRST_WORDS) {
        return Some("1".to_string());
    }
    // Arabic-Indic digits (U+0660–U+0669), given in ASCII.
    n.chars()
        .map(|c| {
            u32::from(c)
                .checked_sub(0x660)
                .filter(|&d| d <= 9)
                .and_then(|d| char::from_digit(d, 10))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first article of a declaration is article 1 in every language that names it
    /// in words ("Article premier", "Artículo primero", "Articolo primo").
    #[test]
    fn article_numbers_in_each_language() {
        for (heading, n) in [
            ("Article 1", "1"),
            ("Article premier", "1"),
            ("Artículo primero", "1"),
            ("Artículo 1.º", "1"),
            ("Articolo primo", "1"),
            ("Artículo 1", "1"),
            ("Статья 1", "1"),
            ("Статья 30", "30"),
            ("المادة ١٢", "12"),
            ("المادة 1", "1"),
            ("第一条", "1"),
            ("第二十九条", "29"),
        ] {
            assert!(article_heading(heading), "{heading}");
            assert_eq!(article_number(heading).as_deref(), Some(n), "{heading}");
        }
        assert_eq!(article_number("Article deuxième"), None);
        assert_eq!(article_number("article premier"), None);
        assert_eq!(article_number("Article premier bis"), None);
    }

    /// A heading over a numbered paragraph may run long, and a note mark may follow it;
    /// a paragraph that ends in punctuation, a wrapped line in lower case, or a run of
    /// more than two dozen words is none.
    #[test]
    fn headings_over_a_number() {
        for h in [
            "Financing of the appropriation for the period from 1 July 2024 to 30 June 2025",
            "Section 11 United Nations system support for the African Union’s Agenda 2063: The Africa We Want",
            "Final report",
            "Scope 3",
        ] {
            assert!(heading_over_number(h), "{h}");
        }
        for t in [
            "Decides to appropriate the amount of 74,611,100 dollars;",
            "Recognizing also that the index may inform future initiatives,",
            "the period from 1 July 2024 to 30 June 2025",
            "* * *",
            "",
            &"Word ".repeat(25),
        ] {
            assert!(!heading_over_number(t), "{t}");
        }
    }

    #[test]
    fn heading_labels_are_a_word_and_a_number() {
        for s in [
            "Part IV",
            "Section 9",
            "Section 29A",
            "Income section 2",
            "Chapter XII",
        ] {
            assert!(heading_label(s), "{s}");
        }
        for s in [
            "June 2025",
            "Annex II",
            "Article 12",
            "Part",
            "Section 9 Economic and social affairs",
            "section 9",
            "Income Section 2",
            "Goal 14,",
            "Section 12345",
        ] {
            assert!(!heading_label(s), "{s}");
        }
    }

    #[test]
    fn separators_are_asterisks_alone() {
        for s in ["* * *", "***", "  *  *  *  "] {
            assert!(is_separator(s), "{s}");
        }
        for s in [
            "*",
            "* *",
            "*2521054*",
            "* Any changes to the list of sponsors",
            "",
        ] {
            assert!(!is_separator(s), "{s}");
        }
    }

    #[test]
    fn preamble_headings() {
        for h in [
            "Preamble",
            "Préambule",
            "ПРЕАМБУЛА",
            "Преамбула",
            " Preamble ",
        ] {
            assert!(preamble_heading(h), "{h}");
        }
        assert!(!preamble_heading("Preamble to the Charter"));
        assert!(!preamble_heading("Whereas"));
    }
}

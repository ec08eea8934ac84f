//! Masthead fields: resolution symbol, job number, and how an adoption line opens.

use super::date::{find_dates, parse_date};
use crate::lang::{
    en, printed_organ, ADOPTING_ORGANS, ADOPTION_OPENINGS, COUNCIL_WORDS, OFFICIAL_LANGUAGES,
};
use crate::model::{AdoptionParts, Date, Organ, Span};

/// Inserts spaces where an export glued masthead fields together:
/// "United NationsA/RES/65/122General AssemblyDistr.: General" → "United Nations A/RES/65/122 General Assembly Distr.: General".
pub fn unglue(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if let Some(p) = prev {
            let glued = (p.is_lowercase() && c.is_uppercase())
                || (p.is_ascii_digit() && c.is_uppercase() && c != 'E')
                || (p.is_ascii_digit() && c.is_alphabetic() && c.is_uppercase());
            if glued {
                out.push(' ');
            }
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// Finds a resolution symbol ("A/RES/65/122", "S/RES/2370 (2017)", "A/HRC/RES/5/1") in `s`.
pub fn find_symbol(s: &str) -> Option<String> {
    let idx = s.find("/RES/")?;
    let before = &s[..idx];
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_ascii_uppercase() || c == '/')
        .last()
        .map(|(i, _)| i)
        .unwrap_or(idx);
    let after = &s[idx + 5..];
    let mut end = idx + 5;
    for (i, c) in after.char_indices() {
        if c.is_ascii_digit() || c == '/' {
            end = idx + 5 + i + 1;
        } else {
            break;
        }
    }
    let mut sym = s[start..end].trim_end_matches('/').to_string();
    // A letter part: "A/RES/68/247 B".
    let rest = &s[end..];
    let mut rc = rest.chars();
    if let (Some(' '), Some(l)) = (rc.next(), rc.next()) {
        if l.is_ascii_uppercase() && rc.next().is_none_or(|c| !c.is_alphanumeric()) {
            sym.push(' ');
            sym.push(l);
        }
    }
    (start < idx && sym.len() > idx - start + 5).then_some(sym)
}

/// "25-16680 (E)", "18-18142 (E)    021118", "10-51986" → "25-16680".
pub fn job_number(s: &str) -> Option<String> {
    // It opens with two digits: most lines are told apart before splitting words.
    if !s.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let first = s.split_whitespace().next()?;
    let b = first.as_bytes();
    let ok = b.len() == 8
        && b[2] == b'-'
        && b[..2].iter().all(u8::is_ascii_digit)
        && b[3..].iter().all(u8::is_ascii_digit);
    if !ok {
        return None;
    }
    let rest: Vec<&str> = s.split_whitespace().skip(1).collect();
    let rest_ok = rest.iter().all(|w| {
        (w.starts_with('(') && w.ends_with(')') && w.len() <= 4)
            || w.chars().all(|c| c.is_ascii_digit())
    });
    rest_ok.then(|| first.to_string())
}

/// Whether `line` starts like an adoption line (see [`ADOPTION_OPENINGS`]), perhaps glued
/// to what follows.
pub fn opens_adoption_line(line: &str) -> bool {
    ADOPTION_OPENINGS.iter().any(|o| line.starts_with(o))
}

/// Whether `text` holds an adoption line anywhere.
pub fn has_adoption_line(text: &str) -> bool {
    ADOPTION_OPENINGS.iter().any(|o| text.contains(o))
}

/// Whether `line` is an adoption line (see [`ADOPTION_OPENINGS`]).
pub fn is_adoption_line(line: &str) -> bool {
    ADOPTION_OPENINGS.iter().any(|o| {
        line.strip_prefix(o)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))
    })
}

/// The byte offsets where the words of `s` start.
pub(crate) fn word_starts(s: &str) -> impl Iterator<Item = usize> + '_ {
    s.char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace()
                && s.get(..i)
                    .is_some_and(|b| b.is_empty() || b.ends_with(char::is_whitespace))
        })
        .map(|(i, _)| i)
}

/// The date that ends `line`, and its text: "… on 13 December 2010", "… el 13 de
/// diciembre de 2010", "… 13 декабря 2010 года", "… في 13 كانون الأول/ديسمبر 2010".
pub(crate) fn final_date(line: &str) -> Option<(usize, Date)> {
    let starts: Vec<usize> = word_starts(line).collect();
    // The shortest tail of three to six words that reads as a date.
    starts.iter().rev().skip(2).take(4).find_map(|&i| {
        let tail = line.get(i..)?;
        parse_date(tail).map(|d| (i, d))
    })
}

/// Whether an adoption line gives its date (else the date may be on the next line).
pub fn adoption_has_date(line: &str) -> bool {
    !find_dates(line).is_empty() || final_date(line).is_some()
}

/// Where the document type, the organ's name and the date stand in an adoption line,
/// found in order: the document type opening the line ("Resolution", "Résolution",
/// "Резолюция"), then the organ's name after it in any official language ("Security
/// Council", "Conseil de sécurité", "Советом Безопасности", "安全理事会"), then `date` (as
/// printed) after that.
pub(crate) fn adoption_parts(line: &str, organ: Organ, date: Option<&str>) -> AdoptionParts {
    let mut parts = AdoptionParts::default();
    let mut at = 0;
    let doc_type = std::iter::once(en::DOC_TYPE)
        .chain(
            COUNCIL_WORDS
                .iter()
                .filter(|w| w.resolution_end.is_empty())
                .map(|w| w.printed),
        )
        .find(|d| {
            line.strip_prefix(d)
                .is_some_and(|rest| !rest.starts_with(char::is_alphabetic))
        });
    if let Some(d) = doc_type {
        at = d.len();
        parts.doc_type = Some(Span { start: 0, end: at });
    }
    let names = std::iter::once(organ.name())
        .chain(
            ADOPTING_ORGANS
                .iter()
                .filter(|&&(_, o)| o == organ)
                .map(|&(n, _)| n),
        )
        .chain(OFFICIAL_LANGUAGES.iter().map(|l| printed_organ(organ, l)));
    let rest = line.get(at..).unwrap_or_default();
    if let Some((i, name)) = names.filter_map(|n| Some((rest.find(n)?, n))).next() {
        let start = at + i;
        at = start + name.len();
        parts.organ = Some(Span { start, end: at });
    }
    if let Some(d) = date.filter(|d| !d.is_empty()) {
        // After the organ; Chinese opens the line with it ("2002年12月30日安全理事会…").
        let before = parts.organ.map_or(0, |o| o.start);
        let start = line
            .get(at..)
            .and_then(|r| r.find(d))
            .map(|i| at + i)
            .or_else(|| line.get(..before).and_then(|r| r.find(d)));
        if let Some(start) = start {
            parts.date = Some(Span {
                start,
                end: start + d.len(),
            });
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adoption_parts_in_every_official_language() {
        let cases = [
            (
                "Resolution adopted by the General Assembly on 13 December 2010",
                Organ::GeneralAssembly,
                "13 December 2010",
                Some("Resolution"),
                "General Assembly",
            ),
            (
                "Adopted by the Security Council at its 3238th meeting, on 16 June 1993",
                Organ::SecurityCouncil,
                "16 June 1993",
                None,
                "Security Council",
            ),
            (
                "Adoptée par le Conseil de sécurité à sa 4689e séance, le 30 décembre 2002",
                Organ::SecurityCouncil,
                "30 décembre 2002",
                None,
                "Conseil de sécurité",
            ),
            (
                "Resolución aprobada por el Consejo de Seguridad en su 4689ª sesión, celebrada el 30 de diciembre de 2002",
                Organ::SecurityCouncil,
                "30 de diciembre de 2002",
                Some("Resolución"),
                "Consejo de Seguridad",
            ),
            (
                "принятая Советом Безопасности на его 4689-м заседании 30 декабря 2002 года",
                Organ::SecurityCouncil,
                "30 декабря 2002 года",
                None,
                "Советом Безопасности",
            ),
            (
                "الذي اتخذه مجلس الأمن في جلسته 4689 المعقودة في 30 كانون الأول/ديسمبر 2002",
                Organ::SecurityCouncil,
                "30 كانون الأول/ديسمبر 2002",
                None,
                "مجلس الأمن",
            ),
            (
                "2002年12月30日安全理事会第4689次会议通过",
                Organ::SecurityCouncil,
                "2002年12月30日",
                None,
                "安全理事会",
            ),
        ];
        for (line, organ, date, doc_type, name) in cases {
            let p = adoption_parts(line, organ, Some(date));
            let part = |s: Option<Span>| s.and_then(|s| line.get(s.start..s.end));
            assert_eq!(part(p.doc_type), doc_type, "{line}");
            assert_eq!(part(p.organ), Some(name), "{line}");
            assert_eq!(part(p.date), Some(date), "{line}");
        }
        // A word that only begins like the document type is none.
        let p = adoption_parts("Resolutions adopted", Organ::GeneralAssembly, None);
        assert_eq!(p.doc_type, None);
    }
}

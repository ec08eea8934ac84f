//! The lines a Security Council resolution prints around its text: the heading with its
//! number and year ("13 (1946). Resolution of 12 December 1946", "Resolution 253 (1968)
//! of 29 May 1968", "RESOLUTION 841 (1993)"), the Council's adoption line ("Adopted by
//! the Security Council at its 3238th meeting, on 16 June 1993") and the vote line at
//! the end ("Adopted unanimously at the 83rd meeting.").

use super::date::{chinese_date, parse_date};
use super::number::numeric_ordinal;
use super::text::lowercase;
use crate::lang::{ar, en, zh, CouncilWords, COUNCIL_WORDS};
use crate::model::DateText;

/// A Council resolution's heading: its number, year and (when printed) date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CouncilHeading {
    /// The number as the symbol has it: `253 (1968)`.
    pub number: String,
    /// The adoption date, when the heading gives it.
    pub date: Option<DateText>,
}

impl CouncilHeading {
    /// The document symbol: `S/RES/253 (1968)`.
    pub fn symbol(&self) -> String {
        format!("S/RES/{}", self.number)
    }
}

/// "253 (1968)" at the start of `s`: the number and the year, and what follows. OCR damage
/// inside the year's brackets ("(197-4)") is read past when four digits remain.
fn number_year(s: &str) -> Option<(String, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=5).contains(&digits) {
        return None;
    }
    let n: u32 = s.get(..digits)?.parse().ok()?;
    let rest = s.get(digits..)?.trim_start().strip_prefix('(')?;
    let close = rest.find(')')?;
    let inside = rest.get(..close)?;
    // A year, perhaps with a stray mark in it: nothing but digits and punctuation.
    if inside.len() > 7 || inside.chars().any(char::is_alphabetic) {
        return None;
    }
    let year: String = inside.chars().filter(char::is_ascii_digit).collect();
    let y: u16 = year.parse().ok()?;
    if year.len() != 4 || !(1945..=2999).contains(&y) || n == 0 {
        return None;
    }
    Some((format!("{n} ({year})"), rest.get(close + 1..)?))
}

/// The heading word of `w` at the start of `t`, in any case: what follows it.
fn strip_heading_word<'a>(t: &'a str, w: &CouncilWords) -> Option<&'a str> {
    let head = t.get(..w.resolution.len())?;
    if lowercase(head) != w.resolution {
        return None;
    }
    t.get(w.resolution.len()..)
}

/// A Council heading in any of the printed styles, on one line, in any official language.
pub(crate) fn council_heading(s: &str) -> Option<CouncilHeading> {
    let t = s.trim();
    // Headings are short: most paragraphs fail here.
    if t.len() > 90 {
        return None;
    }
    let first = t.split_whitespace().next()?;
    if lowercase(first) == en::COUNCIL_RESOLUTION {
        // "Resolution 253 (1968)", "RESOLUTION 841 (1993)", "Resolution 253 (1968) of 29 May 1968".
        let (number, rest) = number_year(t.get(first.len()..)?.trim_start())?;
        let rest = rest.trim();
        let date = if rest.is_empty() {
            None
        } else {
            Some(heading_date_words(rest)?)
        };
        return Some(CouncilHeading { number, date });
    }
    // "Résolution 1454 (2002)", "Резолюция 1454 (2002)", "القرار 1454 (2002)",
    // "第1454(2002)号决议": the number alone, the date is on the adoption line.
    if !t.starts_with(|c: char| c.is_ascii_digit()) {
        return COUNCIL_WORDS.iter().skip(1).find_map(|w| {
            let rest = strip_heading_word(t, w)?;
            // A word that only begins like the heading word is no heading ("Résolutions").
            if w.resolution_end.is_empty() && !rest.starts_with(char::is_whitespace) {
                return None;
            }
            let (number, rest) = number_year(rest.trim_start())?;
            (rest.trim() == w.resolution_end).then_some(CouncilHeading { number, date: None })
        });
    }
    // "13 (1946). Resolution of 12 December 1946", "1 (1946) Resolution of 25 January 1946".
    let (number, rest) = number_year(t)?;
    let rest = rest.trim_start_matches('.').trim_start();
    let word = rest.split_whitespace().next()?;
    if lowercase(word) != en::COUNCIL_RESOLUTION {
        return None;
    }
    let date = heading_date_words(rest.get(word.len()..)?)?;
    Some(CouncilHeading {
        number,
        date: Some(date),
    })
}

/// "of 29 May 1968", "11 November 1993", "of 30 May 1992 54" (a footnote mark after it).
pub(crate) fn heading_date_words(s: &str) -> Option<DateText> {
    let s = s.trim();
    let s = s.strip_prefix(en::HEADING_OF).unwrap_or(s).trim();
    let words: Vec<&str> = s.split_whitespace().collect();
    // The date is the first three words; a mark may follow.
    if words.len() < 3 || words.len() > 4 {
        return None;
    }
    if let Some(mark) = words.get(3) {
        if !mark.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    let text = words.get(..3)?.join(" ");
    let date = parse_date(&text)?;
    Some(DateText { date, text })
}

/// "Adopted by the Security Council at its 3238th meeting, on 16 June 1993" (its lines
/// joined), in any official language: the meeting ("3238th meeting", "4689e séance",
/// "الجلسة 4689", "第4689次会议") and the date when the line gives it.
pub(crate) fn council_adoption(s: &str) -> Option<(String, Option<DateText>)> {
    let t = s.trim();
    COUNCIL_WORDS.iter().find_map(|w| adoption_in(t, w))
}

/// Where an adoption line starts that was joined to the heading before it ("Резолюция
/// 1454 (2002) принятая Советом Безопасности …": a line that opens in lowercase reads as
/// the continuation of the one before).
pub(crate) fn adoption_after_heading(s: &str) -> Option<usize> {
    COUNCIL_WORDS
        .iter()
        .filter(|w| !w.date_first)
        .find_map(|w| {
            let k = s.find(w.adopted).filter(|&k| k > 0)?;
            let joined =
                council_heading(s.get(..k)?).is_some() && adoption_in(s.get(k..)?, w).is_some();
            joined.then_some(k)
        })
}

/// The adoption line in the words of one language.
fn adoption_in(t: &str, w: &CouncilWords) -> Option<(String, Option<DateText>)> {
    if w.date_first {
        // "2002年12月30日安全理事会第4689次会议通过".
        let (day, rest) = t.split_once(w.adopted)?;
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let after = rest.get(digits..)?;
        if digits == 0 || after.strip_prefix(w.meeting)?.trim() != w.date_introducer {
            return None;
        }
        let number = rest.get(..digits)?;
        let day = day.trim();
        let date = chinese_date(day).map(|date| DateText {
            date,
            text: day.to_string(),
        });
        return Some((format!("{}{number}{}", zh::ORDINAL, w.meeting), date));
    }
    let rest = t.strip_prefix(w.adopted)?;
    let ordinal = rest.split_whitespace().next()?;
    let meeting = if w.bare_number {
        // "جلسته 4689": the number alone, named as a closing line names a meeting.
        if !ordinal.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        format!("{} {ordinal}", ar::MEETING)
    } else {
        numeric_ordinal(ordinal)?;
        format!("{ordinal} {}", w.meeting)
    };
    let after = rest.get(ordinal.len()..)?.trim_start();
    let after = after.strip_prefix(w.meeting)?;
    let date = after
        .trim_start_matches(',')
        .trim()
        .strip_prefix(w.date_introducer)
        .map(str::trim)
        .and_then(|d| {
            let d = d.trim_end_matches('.');
            parse_date(d).map(|date| DateText {
                date,
                text: d.to_string(),
            })
        });
    Some((meeting, date))
}

/// The vote line at the end of a Council resolution, its lines joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct VoteLine {
    /// The meeting it names: "83rd meeting".
    pub meeting: String,
    /// The line as printed, without footnote marks after it.
    pub text: String,
    /// Footnote marks printed after the line ("… by 9 votes to none. 21").
    pub marks: Vec<String>,
    /// Text joined after the line and its marks (a footnote: "22 Adopted without vote.").
    pub rest: String,
}

/// "Adopted unanimously at the 83rd meeting.", "Adopted at the 2330th meeting by 13 votes
/// to none, with 2 abstentions (…)", "Adopted at the 2nd meeting. 22".
pub(crate) fn vote_line(s: &str) -> Option<VoteLine> {
    let t = s.trim();
    if !t.starts_with(en::VOTE_OPENING) || t.starts_with(en::COUNCIL_ADOPTED) {
        return None;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    // "at the 83rd meeting": an ordinal, then the word within two words ("2714th (closed)
    // meeting"), printed with OCR damage at times ("meting", "meetings").
    let is_meeting = |w: &str| w.starts_with(en::MEETING_STEM);
    let k = words
        .iter()
        .take(9)
        .position(|w| numeric_ordinal(w).is_some())?;
    let last = (k + 1..=k + 2).find(|&j| words.get(j).is_some_and(|w| is_meeting(w)))?;
    let meeting = words
        .get(k..=last)?
        .join(" ")
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')')
        .to_string();
    let digits = |w: &&str| w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit());
    // A number before a capital or another number is a mark or opens a note ("meetings
    // 6 6 In the absence …"); "by 9 votes to 1 (Ukrainian …)" is not.
    let mark_at = |j: usize| {
        words.get(j).is_some_and(digits)
            && words
                .get(j + 1)
                .is_none_or(|n| digits(n) || n.starts_with(|c: char| c.is_uppercase()))
    };
    // The line is one sentence: it ends at the first full stop after the meeting, or
    // where a mark follows.
    let end = (last..words.len())
        .find(|&j| words.get(j).is_some_and(|w| w.ends_with('.')) || mark_at(j + 1))
        .map_or(words.len(), |j| j + 1);
    // Marks after it: numbers, each followed by another or by nothing (a number before
    // a capital opens a note: "22 Adopted without vote.").
    let mut after = end;
    let mut marks = Vec::new();
    while let Some(w) = words.get(after).filter(|w| digits(w)) {
        let next = words.get(after + 1);
        if next.is_some_and(|n| !digits(n)) {
            break;
        }
        marks.push((*w).to_string());
        after += 1;
    }
    let text = words.get(..end)?.join(" ");
    if text.len() > 400 {
        return None;
    }
    Some(VoteLine {
        meeting,
        text,
        marks,
        rest: words.get(after..).unwrap_or_default().join(" "),
    })
}

/// Where a vote line starts inside a paragraph it was joined to ("… the United Nations.
/// Adopted without a vote at the 3002nd meeting."): after the end of a sentence.
pub(crate) fn vote_line_start(s: &str) -> Option<usize> {
    let opening = format!(" {}", en::VOTE_OPENING);
    s.rmatch_indices(opening.as_str())
        .map(|(k, _)| k)
        .filter(|&k| {
            s.get(..k)
                .is_some_and(|b| b.ends_with(['.', '”', ')', ';', ':', ',']))
        })
        .find(|&k| s.get(k + 1..).and_then(vote_line).is_some())
        .map(|k| k + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_of_every_era() {
        let h = council_heading("13 (1946). Resolution of 12 December 1946").unwrap();
        assert_eq!(h.number, "13 (1946)");
        assert_eq!(h.symbol(), "S/RES/13 (1946)");
        assert_eq!(h.date.unwrap().date.to_string(), "1946-12-12");
        let h = council_heading("1 (1946) Resolution of 25 January 1946").unwrap();
        assert_eq!(h.number, "1 (1946)");
        let h = council_heading("Resolution 253 (1968) of 29 May 1968").unwrap();
        assert_eq!(
            (h.number.as_str(), h.date.map(|d| d.text)),
            ("253 (1968)", Some("29 May 1968".to_string()))
        );
        let h = council_heading("Resolution 757 (1992) of 30 May 1992 54").unwrap();
        assert_eq!(h.date.unwrap().date.to_string(), "1992-05-30");
        let h = council_heading("Resolution 883 (1993) 11 November 1993").unwrap();
        assert_eq!(h.date.unwrap().date.to_string(), "1993-11-11");
        let h = council_heading("RESOLUTION 841 (1993)").unwrap();
        assert_eq!((h.number.as_str(), h.date), ("841 (1993)", None));
        assert_eq!(
            council_heading("Resolution 361 (197-4) of 30 August 1974")
                .unwrap()
                .number,
            "361 (1974)"
        );
        assert!(council_heading("Resolution 253 (1968) was adopted by the Council").is_none());
        assert!(council_heading("Recalling its resolution 253 (1968) of 29 May 1968,").is_none());
        assert!(council_heading("13 (1946) of the General Assembly").is_none());
    }

    #[test]
    fn adoption_and_vote_lines() {
        let (m, d) = council_adoption(
            "Adopted by the Security Council at its 3238th meeting, on 16 June 1993",
        )
        .unwrap();
        assert_eq!(m, "3238th meeting");
        assert_eq!(d.unwrap().date.to_string(), "1993-06-16");
        let v = vote_line("Adopted unanimously at the 83rd meeting.").unwrap();
        assert_eq!(v.meeting, "83rd meeting");
        assert!(v.marks.is_empty());
        let v = vote_line("Adopted at the 462nd meeting by 9 votes 10 none. 21").unwrap();
        assert_eq!(
            (v.text.as_str(), v.marks),
            (
                "Adopted at the 462nd meeting by 9 votes 10 none.",
                vec!["21".to_string()]
            )
        );
        let v = vote_line("Adopted at the 2nd meeting. 22 22 Adopted without vote.").unwrap();
        assert_eq!(
            (v.text.as_str(), v.marks, v.rest.as_str()),
            (
                "Adopted at the 2nd meeting.",
                vec!["22".to_string()],
                "22 Adopted without vote."
            )
        );
        let v = vote_line("Adopted at the 23111th meeting by 14 votes to none.").unwrap();
        assert_eq!(v.meeting, "23111th meeting");
        assert!(vote_line("Adopted by the Security Council at its 3238th meeting").is_none());
        assert_eq!(
            vote_line("Adopted unanimously at the 2714th (closed) meeting.")
                .unwrap()
                .meeting,
            "2714th (closed) meeting"
        );
        assert_eq!(
            vote_line(
                "Adopted at the 1771st meting by 14 votes to none, with 1 abstention (China)."
            )
            .unwrap()
            .meeting,
            "1771st meting"
        );
        let joined = "States of Micronesia be admitted to membership in the United Nations. Adopted without a vote at the 3002nd meeting.";
        let k = vote_line_start(joined).unwrap();
        assert_eq!(&joined[k..k + 16], "Adopted without ");
        assert!(
            vote_line_start("Decides that the measures adopted at the 83rd meeting stay.")
                .is_none()
        );
        assert!(vote_line("Adopts the following measures at its next meeting").is_none());
    }

    #[test]
    fn headings_and_adoption_lines_in_every_official_language() {
        let cases = [
            (
                "Résolution 1454 (2002)",
                "Adoptée par le Conseil de sécurité à sa 4689e séance, le 30 décembre 2002",
                "4689e séance",
                "30 décembre 2002",
            ),
            (
                "RESOLUCIÓN 1454 (2002)",
                "Aprobada por el Consejo de Seguridad en su 4689ª sesión, celebrada el 30 de diciembre de 2002",
                "4689ª sesión",
                "30 de diciembre de 2002",
            ),
            (
                "Резолюция 1454 (2002)",
                "принятая Советом Безопасности на его 4689-м заседании 30 декабря 2002 года",
                "4689-м заседании",
                "30 декабря 2002 года",
            ),
            (
                "القرار 1454 (2002)",
                "الذي اتخذه مجلس الأمن في جلسته 4689 المعقودة في 30 كانون الأول/ديسمبر 2002",
                "الجلسة 4689",
                "30 كانون الأول/ديسمبر 2002",
            ),
            (
                "第1454(2002)号决议",
                "2002年12月30日安全理事会第4689次会议通过",
                "第4689次会议",
                "2002年12月30日",
            ),
        ];
        for (heading, line, meeting, date) in cases {
            let h = council_heading(heading).unwrap();
            assert_eq!(
                (h.symbol(), h.date),
                ("S/RES/1454 (2002)".to_string(), None)
            );
            let (m, d) = council_adoption(line).unwrap();
            let d = d.unwrap();
            assert_eq!((m.as_str(), d.text.as_str()), (meeting, date), "{line}");
            assert_eq!(d.date.to_string(), "2002-12-30");
            assert_eq!(crate::read::lex::meeting::meeting_number(&m), Some(4689));
        }
        assert!(council_heading("Résolutions 1454 (2002)").is_none());
        assert!(council_heading("Rappelant sa résolution 1454 (2002),").is_none());
        assert!(council_heading("第1454(2002)号决议所设委员会").is_none());
        assert!(council_adoption("Adoptée par le Conseil de sécurité à sa séance").is_none());
        assert!(council_adoption("2002年12月30日安全理事会第4689次会议").is_none());
        let joined = "Резолюция 1454 (2002) принятая Советом Безопасности на его 4689-м заседании";
        let k = adoption_after_heading(joined).unwrap();
        assert_eq!(joined[..k].trim(), "Резолюция 1454 (2002)");
        assert!(
            adoption_after_heading("принятая Советом Безопасности на его 4689-м заседании")
                .is_none()
        );
        assert!(adoption_after_heading(
            "Рассмотрев доклад, принятая Советом Безопасности на его 4689-м заседании"
        )
        .is_none());
    }
}

//! The lines a Security Council resolution prints around its text: the heading with its
//! number and year ("13 (1946). Resolution of 12 December 1946", "Resolution 253 (1968)
//! of 29 May 1968", "RESOLUTION 841 (1993)"), the Council's adoption line ("Adopted by
//! the Security Council at its 3238th meeting, on 16 June 1993") and the vote line at
//! the end ("Adopted unanimously at the 83rd meeting.").

use super::date::{chinese_date, parse_date};
use super::number::numeric_ordinal;
use super::text::lowercase;
use crate::lang::{ar, zh, CouncilWords, COUNCIL_WORDS};
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

/// A Council heading in any of the printed styles, on one line, in any official language:
/// "Resolution 253 (1968)", "RESOLUTION 841 (1993)", "Resolution 500 (1982) of 28 January
/// 1982" ("Résolution 500 (1982) du 28 janvier 1982", "Резолюция 500 (1982) от 28 января
/// 1982 года", …), "13 (1946). Resolution of 12 December 1946", "第1454(2002)号决议".
pub(crate) fn council_heading(s: &str) -> Option<CouncilHeading> {
    let t = s.trim();
    // Headings are short: most paragraphs fail here (Cyrillic and Arabic take two bytes
    // a letter).
    if t.len() > 120 {
        return None;
    }
    // "13 (1946). Resolution of 12 December 1946", "1 (1946) Resolution of 25 January 1946".
    if t.starts_with(|c: char| c.is_ascii_digit()) {
        let (number, rest) = number_year(t)?;
        let rest = rest.trim_start_matches('.').trim_start();
        return COUNCIL_WORDS
            .iter()
            .filter(|w| w.resolution_end.is_empty())
            .find_map(|w| {
                let after = strip_heading_word(rest, w)?;
                if !after.starts_with(char::is_whitespace) {
                    return None;
                }
                let date = heading_date_in(after, w)?;
                Some(CouncilHeading {
                    number: number.clone(),
                    date: Some(date),
                })
            });
    }
    COUNCIL_WORDS.iter().find_map(|w| {
        let rest = strip_heading_word(t, w)?;
        // A word that only begins like the heading word is no heading ("Résolutions").
        if w.resolution_end.is_empty() && !rest.starts_with(char::is_whitespace) {
            return None;
        }
        let (number, rest) = number_year(rest.trim_start())?;
        let rest = rest.trim_start().strip_prefix(w.resolution_end)?.trim();
        let date = if rest.is_empty() {
            None
        } else {
            Some(heading_date_in(rest, w)?)
        };
        Some(CouncilHeading { number, date })
    })
}

/// "of 29 May 1968", "11 November 1993", "of 30 May 1992 54" (a footnote mark after it),
/// "du 28 janvier 1982", ", de 28 de enero de 1982", in any official language.
pub(crate) fn heading_date_words(s: &str) -> Option<DateText> {
    COUNCIL_WORDS.iter().find_map(|w| heading_date_in(s, w))
}

/// The date of a heading in the words of one language (its word before the date optional).
fn heading_date_in(s: &str, w: &CouncilWords) -> Option<DateText> {
    let s = s.trim().trim_start_matches(',').trim_start();
    let s = s
        .strip_prefix(w.heading_of)
        .filter(|_| !w.heading_of.is_empty())
        .unwrap_or(s)
        .trim();
    // Dates are a few words; a mark may follow.
    let n = s.split_whitespace().count();
    if n == 0 || n > 7 {
        return None;
    }
    let date = |d: &str| {
        parse_date(d).map(|date| DateText {
            date,
            text: d.to_string(),
        })
    };
    date(s).or_else(|| {
        let (head, mark) = s.rsplit_once(' ')?;
        let is_mark = mark.len() <= 3 && mark.bytes().all(|b| b.is_ascii_digit());
        is_mark.then(|| date(head.trim_end())).flatten()
    })
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
/// to none, with 2 abstentions (…)", "Adopted at the 2nd meeting. 22", and the same in
/// every official language ("Adoptée à l'unanimité à la 1382e séance.", "Принята
/// единогласно на 1382-м заседании.", "在第1382次会议上一致通过。").
pub(crate) fn vote_line(s: &str) -> Option<VoteLine> {
    let t = s.trim();
    COUNCIL_WORDS.iter().find_map(|w| vote_in(t, w))
}

/// The vote line in the words of one language.
fn vote_in(t: &str, w: &CouncilWords) -> Option<VoteLine> {
    // The adoption line under the heading opens with the same word.
    if !t.starts_with(w.vote) || t.starts_with(w.adopted) {
        return None;
    }
    if w.date_first {
        return chinese_vote(t, w);
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let (k, last) = if w.bare_number {
        // "في الجلسة 1382": the meeting's word, then its number.
        let k = words.iter().take(9).position(|x| *x == w.vote_meeting)?;
        let number = words
            .get(k + 1)?
            .trim_end_matches(|c: char| !c.is_alphanumeric());
        if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        (k, k + 1)
    } else {
        // "at the 83rd meeting": an ordinal, then the word within two words ("2714th
        // (closed) meeting"), printed with OCR damage at times ("meting", "meetings").
        let k = words
            .iter()
            .take(9)
            .position(|x| numeric_ordinal(x).is_some())?;
        let last = (k + 1..=k + 2)
            .find(|&j| words.get(j).is_some_and(|x| x.starts_with(w.vote_meeting)))?;
        (k, last)
    };
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
    let text = words.get(..end)?.join(" ");
    marks_after(meeting, text, words.get(end..).unwrap_or_default())
}

/// "在第1382次会议上一致通过。": the meeting, then the line ends with "通过".
fn chinese_vote(t: &str, w: &CouncilWords) -> Option<VoteLine> {
    let rest = t.strip_prefix(w.vote)?.strip_prefix(zh::ORDINAL)?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let number = rest.get(..digits).filter(|d| !d.is_empty())?;
    let after = rest.get(digits..)?.strip_prefix(w.vote_meeting)?;
    let end = after.find(w.date_introducer)? + w.date_introducer.len();
    let end = end
        + after
            .get(end..)?
            .strip_prefix('。')
            .map_or(0, |_| '。'.len_utf8());
    let text_len = t.len() - after.len() + end;
    let words: Vec<&str> = t.get(text_len..)?.split_whitespace().collect();
    marks_after(
        format!("{}{number}{}", zh::ORDINAL, w.vote_meeting),
        t.get(..text_len)?.to_string(),
        &words,
    )
}

/// The vote line with the marks printed after it: numbers, each followed by another or
/// by nothing (a number before a capital opens a note: "22 Adopted without vote.").
fn marks_after(meeting: String, text: String, after: &[&str]) -> Option<VoteLine> {
    let digits = |w: &&str| w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit());
    let mut k = 0;
    let mut marks = Vec::new();
    while let Some(w) = after.get(k).filter(|w| digits(w)) {
        if after.get(k + 1).is_some_and(|n| !digits(n)) {
            break;
        }
        marks.push((*w).to_string());
        k += 1;
    }
    if text.len() > 400 {
        return None;
    }
    Some(VoteLine {
        meeting,
        text,
        marks,
        rest: after.get(k..).unwrap_or_default().join(" "),
    })
}

/// Where a vote line starts inside a paragraph it was joined to ("… the United Nations.
/// Adopted without a vote at the 3002nd meeting."): after the end of a sentence.
pub(crate) fn vote_line_start(s: &str) -> Option<usize> {
    COUNCIL_WORDS
        .iter()
        .filter(|w| !w.date_first)
        .find_map(|w| {
            let opening = format!(" {}", w.vote);
            s.rmatch_indices(opening.as_str())
                .map(|(k, _)| k)
                .filter(|&k| {
                    s.get(..k)
                        .is_some_and(|b| b.ends_with(['.', '”', ')', ';', ':', ',']))
                })
                .find(|&k| s.get(k + 1..).and_then(|v| vote_in(v, w)).is_some())
                .map(|k| k + 1)
        })
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

    #[test]
    fn dated_headings_and_vote_lines_in_every_official_language() {
        // The yearly volumes' heading with its date, in each language.
        let headings = [
            (
                "Resolution 500 (1982) of 28 January 1982",
                "28 January 1982",
            ),
            (
                "Résolution 500 (1982) du 28 janvier 1982",
                "28 janvier 1982",
            ),
            (
                "Resolución 500 (1982), de 28 de enero de 1982",
                "28 de enero de 1982",
            ),
            (
                "Резолюция 500 (1982) от 28 января 1982 года",
                "28 января 1982 года",
            ),
            (
                "القرار 500 (1982) المؤرخ 28 كانون الثاني/يناير 1982",
                "28 كانون الثاني/يناير 1982",
            ),
            ("第500(1982)号决议 1982年1月28日", "1982年1月28日"),
            (
                "13 (1946). Résolution du 28 janvier 1982",
                "28 janvier 1982",
            ),
            (
                "Резолюция 500 (1982) от 28 января 1982 года 54",
                "28 января 1982 года",
            ),
        ];
        for (line, date) in headings {
            let h = council_heading(line).unwrap_or_else(|| panic!("{line}"));
            let d = h.date.unwrap_or_else(|| panic!("{line}: no date"));
            assert_eq!(
                (d.text.as_str(), d.date.to_string()),
                (date, "1982-01-28".to_string()),
                "{line}"
            );
        }
        assert_eq!(council_heading(headings[1].0).unwrap().number, "500 (1982)");
        assert!(council_heading("Résolution 500 (1982) du Conseil").is_none());
        assert!(council_heading("Резолюция 500 (1982) от имени Совета").is_none());
        // The vote line at the end, unanimous or by a vote, with the meeting it names.
        let votes = [
            ("Adoptée à l'unanimité à la 1382e séance.", "1382e séance"),
            (
                "Adoptée à la 2330e séance par 13 voix contre zéro, avec 2 abstentions (Pologne, Union des Républiques socialistes soviétiques).",
                "2330e séance",
            ),
            ("Aprobada por unanimidad en la 1382ª sesión.", "1382ª sesión"),
            (
                "Aprobada en la 2330ª sesión por 13 votos contra ninguno y 2 abstenciones (Polonia, Unión de Repúblicas Socialistas Soviéticas).",
                "2330ª sesión",
            ),
            ("Принята единогласно на 1382-м заседании.", "1382-м заседании"),
            (
                "Принята на 2330-м заседании 13 голосами против 0 при 2 воздержавшихся (Польша, Союз Советских Социалистических Республик).",
                "2330-м заседании",
            ),
            ("اتخذ بالإجماع في الجلسة 1382.", "الجلسة 1382"),
            (
                "اتخذ في الجلسة 2330 بأغلبية 13 صوتا مقابل لا شيء وامتناع عضوين عن التصويت.",
                "الجلسة 2330",
            ),
            ("在第1382次会议上一致通过。", "第1382次会议"),
            ("在第2330次会议上以13票对0票、2票弃权通过。", "第2330次会议"),
        ];
        for (line, meeting) in votes {
            let v = vote_line(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!((v.meeting.as_str(), v.text.as_str()), (meeting, line));
            assert!(v.marks.is_empty() && v.rest.is_empty(), "{line}");
            let n = crate::read::lex::meeting::meeting_number(&v.meeting);
            assert!(matches!(n, Some(1382 | 2330)), "{line}: {n:?}");
        }
        let v = vote_line("Принята единогласно на 1382-м заседании. 21").unwrap();
        assert_eq!(v.marks, ["21"]);
        // The adoption line under the heading is no vote line, in any language.
        for w in COUNCIL_WORDS.iter().filter(|w| !w.date_first) {
            assert!(vote_line(&format!("{}4689e séance", w.adopted)).is_none());
        }
        assert!(vote_line(
            "Adoptée par le Conseil de sécurité à sa 4689e séance, le 30 décembre 2002"
        )
        .is_none());
        assert!(vote_line("Aprobada la propuesta en la sesión siguiente").is_none());
        assert!(vote_line("在第二次会议上通过").is_none());
        // Joined to the paragraph before it.
        let joined =
            "Decide seguir ocupándose de la cuestión. Aprobada por unanimidad en la 1382ª sesión.";
        let k = vote_line_start(joined).unwrap();
        assert!(joined[k..].starts_with("Aprobada por"));
    }
}

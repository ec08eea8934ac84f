//! The meeting line of the closing: "64th plenary meeting" in every official language.

use super::date::parse_date;
use super::number::numeric_ordinal;
use super::text::words;
use crate::lang::{ar, zh, MEETING_WORDS, PLENARY_MEETING_WORDS, PLENARY_WORDS};
use crate::model::{DateText, MeetingKind};

/// "第37次全体会议" (37th plenary meeting): the meeting's number.
pub(crate) fn chinese_meeting(t: &str) -> Option<u32> {
    let rest = t.strip_prefix(zh::ORDINAL)?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = rest.get(digits..)?;
    if !(after == zh::PLENARY_MEETING || after == zh::MEETING) {
        return None;
    }
    rest.get(..digits)?.parse().ok()
}

/// "1997年10月28日", "第37次全体会议": the closing lines of a Chinese text, never
/// paragraph text.
pub fn chinese_closing_line(t: &str) -> bool {
    // A Chinese date is at most 17 bytes: most lines fail on the length or first byte.
    match t.as_bytes().first() {
        Some(b'0'..=b'9') => t.len() <= 17 && !t.is_ascii() && parse_date(t).is_some(),
        Some(0xe7) => chinese_meeting(t).is_some(),
        _ => false,
    }
}

/// "الجلسة العامة 71" (plenary meeting 71): the meeting's number, in ASCII or
/// Arabic-Indic digits.
pub(crate) fn arabic_meeting(t: &str) -> Option<u32> {
    let rest = t.strip_prefix(ar::MEETING)?.trim_start();
    let rest = rest.strip_prefix(ar::PLENARY).unwrap_or(rest).trim();
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
pub(crate) fn meeting_number(m: &str) -> Option<u32> {
    m.split_whitespace()
        .next()
        .and_then(numeric_ordinal)
        .or_else(|| chinese_meeting(m))
        .or_else(|| arabic_meeting(m))
}

/// Where the meeting of a line that opens with an ordinal ends: after "plenary meeting",
/// "séance plénière", "sesión plenaria", "пленарное заседание" or a bare "meeting" word.
pub(crate) fn ordinal_meeting_end(t: &str) -> Option<usize> {
    // The line opens with an ordinal number: most paragraphs fail here, before any search.
    let first = words(t).next()?;
    numeric_ordinal(first)?;
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
            .is_some_and(|m| {
                MEETING_WORDS[..PLENARY_MEETING_WORDS]
                    .iter()
                    .any(|w| m.ends_with(w))
            })
}

/// "64th plenary meeting" (with the date on the same line in some texts), and the same
/// in the other official languages (see [`meeting_number`]).
pub(crate) fn meeting_line(s: &str) -> Option<(String, Option<DateText>)> {
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
    let date = parse_date(rest)?;
    Some((
        meeting,
        Some(DateText {
            date,
            text: rest.to_string(),
        }),
    ))
}

/// The kind of meeting a meeting line names, in any official language ("64th plenary
/// meeting", "71e séance plénière", "71-е пленарное заседание", "الجلسة العامة 71",
/// "第37次全体会议").
pub(crate) fn meeting_kind(line: &str) -> MeetingKind {
    let lower = line.to_lowercase();
    if PLENARY_WORDS.iter().any(|w| lower.contains(w)) {
        MeetingKind::Plenary
    } else {
        MeetingKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plenary_meetings_in_every_official_language() {
        for line in [
            "64th plenary meeting",
            "71e séance plénière",
            "71ª sesión plenaria",
            "71-е пленарное заседание",
            "الجلسة العامة 71",
            "第37次全体会议",
        ] {
            assert_eq!(meeting_kind(line), MeetingKind::Plenary, "{line}");
        }
        for line in [
            "3238th meeting",
            "4689e séance",
            "4689ª sesión",
            "4689-м заседании",
            "الجلسة 4689",
            "第4689次会议",
        ] {
            assert_eq!(meeting_kind(line), MeetingKind::Other, "{line}");
        }
    }
}

//! Footnotes at the page feet, told from the body by their rule, their numbers and their
//! place on the page.

use super::clean::clean_spaces;
use super::furniture::{is_folio, is_furniture, is_running_title};
use super::join::starts_lower;
use super::line::L;
use crate::read::lex::masthead::{find_symbol, job_number};
use crate::read::prepared::Note;

/// Reads the notes of one page foot, from `start` to the end of the page; returns where the page goes on.
pub(crate) fn collect_notes(
    lines: &[(usize, &str)],
    start: usize,
    symbol: Option<&str>,
    title: Option<&str>,
    head_ends_foot: bool,
    notes: &mut Vec<Note>,
    job: &mut Option<String>,
) -> usize {
    enum Tok {
        Num(u32, usize),
        NumText(u32, String, usize),
        Text(String, usize),
    }
    let mut toks = Vec::new();
    let mut i = start;
    // Inside a note an asterisk opens ("* A/80/150.", "** Any changes …"): it has no
    // numbered mark in the body, so it is left out, as the PDF reader leaves it.
    let mut in_star = false;
    while i < lines.len() {
        let (no, raw) = lines[i];
        if raw.starts_with('\x0C') || raw.contains('\x0C') {
            break;
        }
        let t = clean_spaces(raw);
        i += 1;
        if t.is_empty() {
            continue;
        }
        if is_furniture(&t, symbol) {
            // Page 1's foot carries the job number among the notes.
            if job.is_none() {
                *job = t.split_whitespace().find_map(job_number);
            }
            // PyMuPDF text: the running head of the next page ends the notes.
            if head_ends_foot && (find_symbol(&t).is_some_and(|s| s == t) || is_folio(&t)) {
                i -= 1;
                break;
            }
            continue;
        }
        if head_ends_foot && is_running_title(&t, title, lines, i, false) {
            i -= 1;
            break;
        }
        if is_star_note(&t) {
            in_star = true;
            continue;
        }
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        if in_star && digits == 0 {
            continue;
        }
        in_star = false;
        if digits > 0 && digits <= 3 && digits == t.len() {
            if let Ok(n) = t.parse() {
                toks.push(Tok::Num(n, no));
            }
            continue;
        }
        // "1 See …", or glued as some extractions give a raised number: "10Report of …".
        let glued = t[digits..].starts_with(|c: char| c.is_uppercase() || c == '“');
        if digits > 0 && digits <= 3 && (t[digits..].starts_with(' ') || glued) {
            if let Ok(n) = t[..digits].parse() {
                toks.push(Tok::NumText(n, t[digits..].trim().to_string(), no));
                continue;
            }
        }
        toks.push(Tok::Text(t, no));
    }
    // Notes run 1..N through the document: each page foot goes on from the last number
    // seen. A number that is not the next one is text ("26 August–4 September 2002" going
    // on from the line before); a text that starts anew after a finished note is the next
    // note, whose number the extraction put elsewhere (plain pdftotext moves some numbers
    // after the notes, where they are dropped as numbers already given).
    let mut expected = notes
        .last()
        .and_then(|n| n.marker.parse::<u32>().ok())
        .map_or(1, |n| n + 1);
    let mut page_notes: Vec<Note> = Vec::new();
    // The numbers standing alone on their lines, in order: a text without a number of
    // its own starts a note only when its number stands later in the foot, and not just
    // before the next text (that number is the next text's own).
    let bare: Vec<(usize, u32)> = toks
        .iter()
        .enumerate()
        .filter_map(|(k, t)| match t {
            Tok::Num(n, _) => Some((k, *n)),
            _ => None,
        })
        .collect();
    let last_text = toks.iter().rposition(|t| !matches!(t, Tok::Num(..)));
    let displaced = |k: usize, n: u32| {
        bare.iter()
            .any(|&(j, m)| m == n && j > k && (j > k + 1 || last_text.is_none_or(|t| t < j)))
    };
    for (k, tok) in toks.into_iter().enumerate() {
        let (n, text, no) = match tok {
            Tok::Num(n, no) => (Some(n), None, no),
            Tok::NumText(n, text, no) => (Some(n), Some(text), no),
            Tok::Text(t, no) => (None, Some(t), no),
        };
        // A line that starts with a number inside an unfinished note goes on with it
        // ("Rio de Janeiro," / "3 – 14 June 1992, …", "28 and 29 June 2012"): when what
        // follows the number opens no note, when the number skips one, or when the
        // number stands later in the foot on its own line, as note numbers do.
        let unfinished = page_notes
            .last()
            .or(notes.last())
            .is_some_and(|l| !l.text.is_empty() && !ends_note(&l.text));
        let goes_on = |n: u32, t: &str| {
            unfinished
                && (!t.starts_with(|c: char| c.is_uppercase() || c == '“' || c == '"')
                    || n > expected
                    || bare.iter().any(|&(j, m)| m == n && j > k))
        };
        match (n, text) {
            (Some(n), text)
                if n >= expected
                    && n <= expected + 2
                    && !text.as_deref().is_some_and(|t| goes_on(n, t)) =>
            {
                page_notes.push(Note {
                    marker: n.to_string(),
                    text: text.unwrap_or_default(),
                    line: no,
                });
                expected = n + 1;
            }
            // A number already given (or far off) alone on its line.
            (Some(_), None) => {}
            (n, Some(t)) => {
                let t = match n {
                    Some(n) => format!("{n} {t}"),
                    None => t,
                };
                // Numbers set before their texts ("1", "2", then the two texts) take
                // them in order.
                if let Some(l) = page_notes.iter_mut().find(|l| l.text.is_empty()) {
                    l.text = t;
                    continue;
                }
                let last = match page_notes.last_mut() {
                    Some(l) => Some(l),
                    // A note running over from the previous page.
                    None => notes.last_mut(),
                };
                match last {
                    Some(l)
                        if !ends_note(&l.text) || starts_lower(&t) || !displaced(k, expected) =>
                    {
                        l.text.push(' ');
                        l.text.push_str(&t);
                    }
                    _ => {
                        page_notes.push(Note {
                            marker: expected.to_string(),
                            text: t,
                            line: no,
                        });
                        expected += 1;
                    }
                }
            }
            (None, None) => {}
        }
    }
    notes.extend(page_notes);
    i
}

pub(crate) fn ends_note(t: &str) -> bool {
    t.trim_end().ends_with(['.', ')'])
}

/// The usual left edge of body text on each page (layout text), by page number.
pub(crate) fn page_bases(lines: &[L]) -> Vec<usize> {
    let mut seen: Vec<(usize, usize)> = lines
        .iter()
        .filter(|l| l.text.len() > 50)
        .map(|l| (l.page, l.indent))
        .collect();
    seen.sort_unstable();
    let mut bases = vec![0; seen.last().map_or(0, |x| x.0 + 1)];
    // Each page's commonest indent, the smaller one of a tie; (page, indent, count) of the best so far.
    let mut best: Option<(usize, usize, usize)> = None;
    for group in seen.chunk_by(|a, b| a == b) {
        let Some(&(page, indent)) = group.first() else {
            continue;
        };
        let n = group.len();
        if best.is_none_or(|(p, _, m)| p != page || n > m) {
            best = Some((page, indent, n));
            if let Some(b) = bases.get_mut(page) {
                *b = indent;
            }
        }
    }
    bases
}

/// A note an asterisk opens: "* A/80/150.", "** Any changes to the list of sponsors …"
/// (not a barcode, "*2519373*").
pub(crate) fn is_star_note(t: &str) -> bool {
    let stars = t.bytes().take_while(|&b| b == b'*').count();
    (1..=3).contains(&stars)
        && !t.ends_with('*')
        && t.get(stars..).is_some_and(|r| {
            r.starts_with(' ')
                && r.trim_start()
                    .starts_with(|c: char| c.is_uppercase() || c == '“' || c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::collect_notes;
    use crate::read::prepared::Note;

    /// The notes of a page foot given as lines, after `earlier` notes.
    fn foot(lines: &[&str], earlier: &[(&str, &str)]) -> Vec<(String, String)> {
        let lines: Vec<(usize, &str)> = lines.iter().copied().enumerate().collect();
        let mut notes: Vec<Note> = earlier
            .iter()
            .map(|(m, t)| Note {
                marker: m.to_string(),
                text: t.to_string(),
                line: 0,
            })
            .collect();
        let mut job = None;
        collect_notes(&lines, 0, None, None, false, &mut notes, &mut job);
        notes.into_iter().map(|n| (n.marker, n.text)).collect()
    }

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn a_line_opening_with_a_number_out_of_turn_goes_on_with_its_note() {
        let got = foot(
            &[
                "1 Report of the Summit, Johannesburg,",
                "26 August–4 September 2002, annex.",
                "2 Ibid.",
            ],
            &[],
        );
        let want = [
            (
                "1",
                "Report of the Summit, Johannesburg, 26 August–4 September 2002, annex.",
            ),
            ("2", "Ibid."),
        ];
        assert_eq!(got, pairs(&want));
    }

    #[test]
    fn a_number_that_opens_no_note_goes_on_with_an_unfinished_one() {
        // Layout text: note numbers stand on their own lines, so "3" before the rest of
        // the line is the day of a date; "and 29 June" opens no note.
        let got = foot(
            &[
                "1",
                "Report of the Conference, Rio de Janeiro,",
                "3 – 14 June 1992, annex I.",
                "2",
                "Ibid., annex II.",
                "3",
                "Held in Rio de Janeiro on",
                "28 and 29 June 2012.",
            ],
            &[],
        );
        let want = [
            (
                "1",
                "Report of the Conference, Rio de Janeiro, 3 – 14 June 1992, annex I.",
            ),
            ("2", "Ibid., annex II."),
            ("3", "Held in Rio de Janeiro on 28 and 29 June 2012."),
        ];
        assert_eq!(got, pairs(&want));
    }

    #[test]
    fn notes_an_asterisk_opens_are_left_out_of_the_numbered_ones() {
        let got = foot(
            &[
                "* A/80/150.",
                "** Any changes to the list of sponsors will be reflected in the",
                "official record of the meeting.",
                "1",
                "A/CONF.243/2025/1, annex.",
            ],
            &[],
        );
        assert_eq!(got, pairs(&[("1", "A/CONF.243/2025/1, annex.")]));
    }

    #[test]
    fn numbers_moved_after_the_notes_are_given_back_in_order() {
        let got = foot(
            &[
                "Resolution 66/288, annex.",
                "Resolution 69/313, annex.",
                "8",
                "United Nations, Treaty Series, vol. 1771.",
                "6",
                "7",
            ],
            &[("5", "Ibid.")],
        );
        let want = [
            ("5", "Ibid."),
            ("6", "Resolution 66/288, annex."),
            ("7", "Resolution 69/313, annex."),
            ("8", "United Nations, Treaty Series, vol. 1771."),
        ];
        assert_eq!(got, pairs(&want));
    }

    #[test]
    fn numbers_set_before_their_texts_take_them_in_order() {
        let got = foot(&["1", "2", "A/78/73.", "A/78/365."], &[]);
        assert_eq!(got, pairs(&[("1", "A/78/73."), ("2", "A/78/365.")]));
    }

    #[test]
    fn a_note_goes_on_over_a_line_and_a_page_break() {
        // "Sales No." ends like a note, but no number waits for a next note.
        let got = foot(
            &[
                "3",
                "The Yearbook (United Nations publication, Sales No.",
                "E.86.IX.7), appendix VII.",
                "4",
                "Ibid.",
            ],
            &[],
        );
        let want = [
            (
                "3",
                "The Yearbook (United Nations publication, Sales No. E.86.IX.7), appendix VII.",
            ),
            ("4", "Ibid."),
        ];
        assert_eq!(got, pairs(&want));
        // The next page's foot opens with the rest of the last note.
        let got = foot(
            &["and Corr.1, chap. I, resolution 2.", "5 Ibid."],
            &[("4", "Report of the Conference, Doha, 5–9 March 2023")],
        );
        let want = [
            (
                "4",
                "Report of the Conference, Doha, 5–9 March 2023 and Corr.1, chap. I, resolution 2.",
            ),
            ("5", "Ibid."),
        ];
        assert_eq!(got, pairs(&want));
    }
}

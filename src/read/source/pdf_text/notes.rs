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
        if head_ends_foot && is_running_title(&t, title, lines, i) {
            i -= 1;
            break;
        }
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
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
    // Pair numbers with texts. Texts are grouped: a group ends with a line ending in '.'.
    let mut pending: Vec<(u32, usize)> = Vec::new();
    let mut groups: Vec<(String, usize, bool)> = Vec::new(); // (text, line, closed)
    let mut page_notes: Vec<Note> = Vec::new();
    for tok in toks {
        match tok {
            Tok::NumText(n, text, no) => {
                flush_groups(&mut pending, &mut groups, &mut page_notes, notes);
                page_notes.push(Note {
                    marker: n.to_string(),
                    text,
                    line: no,
                });
            }
            Tok::Num(n, no) => pending.push((n, no)),
            Tok::Text(t, no) => {
                if pending.is_empty() && groups.is_empty() {
                    // The last note goes on unless it ended and this starts anew: then this
                    // text waits for its number (plain pdftotext puts numbers after texts).
                    if let Some(last) = page_notes.last_mut() {
                        if !ends_note(&last.text) || starts_lower(&t) {
                            last.text.push(' ');
                            last.text.push_str(&t);
                            continue;
                        }
                    }
                    if page_notes.is_empty() {
                        // A note running over from the previous page.
                        if let Some(last) = notes.last_mut() {
                            if !ends_note(&last.text) {
                                last.text.push(' ');
                                last.text.push_str(&t);
                                continue;
                            }
                        }
                    }
                }
                match groups.last_mut() {
                    Some((g, _, closed)) if !*closed => {
                        g.push(' ');
                        g.push_str(&t);
                        *closed = ends_note(&t);
                    }
                    _ => groups.push((t.clone(), no, ends_note(&t))),
                }
                // With the number first (layout text), each text belongs to the number before it.
                if pending.len() == groups.len() && groups.last().is_some_and(|g| g.2) {
                    flush_groups(&mut pending, &mut groups, &mut page_notes, notes);
                }
            }
        }
    }
    flush_groups(&mut pending, &mut groups, &mut page_notes, notes);
    notes.extend(page_notes);
    i
}

pub(crate) fn ends_note(t: &str) -> bool {
    t.trim_end().ends_with(['.', ')'])
}

/// Pairs the pending numbers (in increasing order) with the text groups (in order).
pub(crate) fn flush_groups(
    pending: &mut Vec<(u32, usize)>,
    groups: &mut Vec<(String, usize, bool)>,
    page: &mut Vec<Note>,
    earlier: &mut [Note],
) {
    if pending.is_empty() && groups.is_empty() {
        return;
    }
    pending.sort_unstable();
    // More groups than numbers: the first group continues a note from the previous page,
    // extra ones continue the group before them.
    while groups.len() > pending.len() && !groups.is_empty() {
        if pending.is_empty() || groups.len() > pending.len() {
            let (g, _, _) = groups.remove(0);
            let target = page.last_mut().or(earlier.last_mut());
            if let Some(n) = target {
                n.text.push(' ');
                n.text.push_str(&g);
            }
        }
    }
    for (k, (n, no)) in pending.iter().enumerate() {
        let text = groups.get(k).map(|g| g.0.clone()).unwrap_or_default();
        page.push(Note {
            marker: n.to_string(),
            text,
            line: *no,
        });
    }
    page.sort_by_key(|n| n.marker.parse::<u32>().unwrap_or(u32::MAX));
    pending.clear();
    groups.clear();
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

//! What plain `pdftotext` does to a page and how it is undone. It writes the text in the
//! order of the content stream, so the pieces of a paragraph's first line, set apart by
//! wide justification gaps, can come after the paragraph's other lines; and it joins a
//! line that ends in a hyphen to the next one, dropping the hyphen ("capacitybuilding",
//! "self determination", "Secretary__________" with the note rule). The evidence left is
//! the lines' lengths, the blank lines around the displaced pieces, the labels, and the
//! document's own words.

use super::super::repair::{vocabulary, Vocab};
use super::join::{bare_label, ends_para, soft_start};
use super::line::L;
use crate::lang::en::{BOUND_PREFIXES, COMPOUND_HEADS, PARTICIPLE_ENDINGS, TENS, UNITS};
use crate::lang::is_one_of;
use crate::read::lex::text::SOFT;
use std::borrow::Cow;

/// The shortest run of underscores that is a note rule glued to a line.
const GLUED_RULE: usize = 10;

/// "… of the Secretary__________________": the text of a line whose hyphen was dropped
/// as the note rule below it was joined to it. The text comes back with its hyphen; the
/// joiner decides as at any line-end hyphen.
pub(crate) fn glued_rule(t: &str) -> Option<String> {
    let head = t.trim_end_matches('_');
    (t.len() - head.len() >= GLUED_RULE && head.ends_with(char::is_alphanumeric))
        .then(|| format!("{head}-"))
}

/// Puts back the pieces of a paragraph's first line that plain pdftotext set after the
/// paragraph: a bare label, the paragraph's other lines (the last ending it), then
/// pieces each between blank lines that end nothing, before the next paragraph opens.
/// The pieces are the whole first line when the one line after the label is short and
/// ends the paragraph ("(a)", "period;", "65,459,100 dollars, being … for the"); else they
/// go on from the line after the label ("4.", "Decides that the … arrangements", "for",
/// "the", "four").
pub(crate) fn restore_first_lines(lines: &mut [L<'_>], width: usize) {
    let mut k = 0;
    while k < lines.len() {
        k = match displaced(lines, k, width) {
            Some((x_end, y_end)) => {
                let xs = x_end - k - 1;
                if xs == 1 {
                    // label, x1, y… → label, y…, x1
                    if let Some(s) = lines.get_mut(k + 1..y_end) {
                        s.rotate_left(1);
                    }
                } else if let Some(s) = lines.get_mut(k + 2..y_end) {
                    // label, x1, x2…, y… → label, x1, y…, x2…
                    s.rotate_left(xs - 1);
                }
                for l in lines.get_mut(k + 1..y_end).unwrap_or_default() {
                    l.blank_before = false;
                }
                y_end
            }
            None => k + 1,
        };
    }
}

/// Lines `k + 1..x_end` after the bare label at `k` and the displaced pieces
/// `x_end..y_end`, when the lines show the shape [`restore_first_lines`] undoes.
fn displaced(lines: &[L<'_>], k: usize, width: usize) -> Option<(usize, usize)> {
    let label = lines.get(k)?;
    if !bare_label(&label.text) {
        return None;
    }
    let same = |l: &L| l.page == label.page && !l.after_break;
    let mut x_end = k + 1;
    while lines.get(x_end).is_some_and(|l| {
        x_end - k <= 4 && same(l) && !l.blank_before && !soft_start(&l.text) && !l.formula
    }) {
        x_end += 1;
    }
    let mut y_end = x_end;
    while lines.get(y_end).is_some_and(|l| {
        y_end - x_end < 6
            && same(l)
            && l.blank_before
            && !ends_para(&l.text)
            && !soft_start(&l.text)
            && !l.formula
    }) {
        y_end += 1;
    }
    let xs = lines.get(k + 1..x_end)?;
    let ys = lines.get(x_end..y_end)?;
    let (first, last) = (xs.first()?, xs.last()?);
    if ys.is_empty() || !ends_para(&last.text) {
        return None;
    }
    // The next paragraph opens after the pieces, or the page ends.
    if let Some(next) = lines.get(y_end) {
        if !(next.after_break || next.page != label.page || soft_start(&next.text)) {
            return None;
        }
    }
    let chars = |l: &L| l.text.chars().count();
    let pieces: usize = ys.iter().map(|l| chars(l) + 1).sum();
    let whole = xs.len() == 1 && ends_para(&first.text) && chars(first) * 3 < width;
    let rest = !ends_para(&first.text)
        && xs.len() >= 2
        && ys.iter().all(|l| chars(l) * 2 < width)
        && chars(first) + pieces <= width + 10;
    (whole || rest).then_some((x_end, y_end))
}

/// A line longer than the longest full lines (their ninth decile) by this much holds two
/// lines joined at a hyphen.
const JOINED_BY: usize = 6;

/// Where, about a full line's length from the start of the line before, the joint of two
/// joined lines is looked for (characters before and after).
const BEFORE: usize = 30;
const AFTER: usize = 12;

/// Marks with a soft hyphen the joints of lines plain pdftotext joined at a line-end
/// hyphen, so that the repair decides, with the document's words, between the compound
/// ("capacity-building", "self-determination", "Secretary-General", "Two-State") and the
/// broken word. A joint is found about a full line's length into the line, where a word
/// changes to a capital inside ("SecretaryGeneral"), is two words of the document glued
/// ("capacitybuilding", "selfconfidence"), or is two words the document writes with a
/// hyphen ("self determination").
pub(crate) fn mark_joints(lines: &mut [L<'_>]) {
    let (full, longest) = widths(lines);
    if full == 0
        || !lines
            .iter()
            .any(|l| l.text.chars().count() > longest + JOINED_BY)
    {
        return;
    }
    let mended: Vec<(usize, String)> = {
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_ref()).collect();
        let vocab = vocabulary(&texts);
        texts
            .iter()
            .enumerate()
            .filter(|(_, t)| t.chars().count() > longest + JOINED_BY)
            .filter_map(|(i, t)| mark_line(t, full, longest, &vocab).map(|m| (i, m)))
            .collect()
    };
    for (i, t) in mended {
        if let Some(l) = lines.get_mut(i) {
            l.text = Cow::Owned(t);
        }
    }
}

/// The length of a full line (the median of the lines longer than half the ninth
/// decile), and of the longest full lines (the ninth decile of the lines up to one and a
/// half full lines): the joined lines, a few, are left out.
fn widths(lines: &[L<'_>]) -> (usize, usize) {
    let mut ends: Vec<usize> = lines.iter().map(|l| l.text.chars().count()).collect();
    ends.sort_unstable();
    let decile = |e: &[usize]| e.get(e.len() * 9 / 10).copied().unwrap_or(0);
    let d = decile(&ends);
    let full = ends
        .get(ends.partition_point(|&e| e * 2 < d)..)
        .unwrap_or_default();
    let full = full.get(full.len() / 2).copied().unwrap_or(0);
    let kept = ends
        .get(..ends.partition_point(|&e| e * 2 <= full * 3))
        .unwrap_or_default();
    (full, decile(kept))
}

/// What tells a joint.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Evidence {
    /// A capital after small letters inside a word ("SecretaryGeneral"): a hyphen for
    /// sure, set as it stands.
    Capital,
    /// The document's words: a soft hyphen, for the repair to decide.
    Words,
    /// Weaker evidence of the document's words, taken only where nothing stronger is near.
    Weak,
}

/// A joint: where in the line (byte), whether it replaces a space, its place in
/// characters, and its evidence.
#[derive(Clone, Copy)]
struct Joint {
    at: usize,
    space: bool,
    pos: usize,
    evidence: Evidence,
}

/// The joints of the line `t`, the first about `width` (a full line) in, the next about
/// as far from it, as long as what is left is longer than `longest` (the longest full
/// lines).
fn mark_line(t: &str, width: usize, longest: usize, vocab: &Vocab) -> Option<String> {
    // Words with their byte and character places.
    let mut words: Vec<(usize, usize, &str)> = Vec::new();
    let mut chars = 0;
    let mut at = 0;
    for w in t.split(' ') {
        if !w.is_empty() {
            words.push((at, chars, w));
        }
        at += w.len() + 1;
        chars += w.chars().count() + 1;
    }
    let total = t.chars().count();
    let mut joints: Vec<Joint> = Vec::new();
    let mut start = 0;
    while total.saturating_sub(start) > longest + JOINED_BY {
        let target = start + width;
        let lo = target.saturating_sub(BEFORE);
        let hi = target + AFTER;
        let mut best: Option<Joint> = None;
        for (n, &(at, pos, w)) in words.iter().enumerate() {
            if pos + w.chars().count() < lo || pos > hi {
                continue;
            }
            let next = words.get(n + 1).map(|&(_, _, w)| w);
            let found = inside(w, vocab)
                .map(|(k, evidence)| Joint {
                    at: at + k,
                    space: false,
                    pos: pos + w.get(..k).map_or(0, |h| h.chars().count()),
                    evidence,
                })
                .or_else(|| {
                    next.filter(|nx| spaced(w, nx, vocab)).map(|_| Joint {
                        at: at + w.len(),
                        space: true,
                        pos: pos + w.chars().count(),
                        evidence: Evidence::Words,
                    })
                });
            let Some(j) = found else {
                continue;
            };
            if !(lo..=hi).contains(&j.pos) {
                continue;
            }
            let cost = |j: &Joint| {
                j.pos.abs_diff(target) + usize::from(j.evidence == Evidence::Weak) * BEFORE
            };
            if best.is_none_or(|b| cost(&j) < cost(&b)) {
                best = Some(j);
            }
        }
        match best {
            Some(j) => {
                joints.push(j);
                start = j.pos;
            }
            // Not found (a word broken at the line's end, rightly joined): the line is
            // taken as long as the longest, so that no joint is looked for where none is.
            None => start += longest,
        }
    }
    if joints.is_empty() {
        return None;
    }
    let mut out = t.to_string();
    for j in joints.iter().rev() {
        let mark = if j.evidence == Evidence::Capital {
            '-'
        } else {
            SOFT
        };
        if j.space {
            out.replace_range(j.at..j.at + 1, mark.encode_utf8(&mut [0; 4]));
        } else if out.is_char_boundary(j.at) {
            out.insert(j.at, mark);
        }
    }
    Some(out)
}

/// Where in the word `w` a dropped hyphen stood (byte), and whether the evidence is weak:
/// a capital after a small letter ("SecretaryGeneral"), a compound the document writes
/// with a hyphen ("capacitybuilding"), a prefix before a word of the document
/// ("highlevel"), or, weaker, a prefix the document writes with a hyphen elsewhere
/// ("selfconfidence" beside "self-efficacy") or two words of the document the second of
/// which is a participle ("equitybased").
fn inside(w: &str, vocab: &Vocab) -> Option<(usize, Evidence)> {
    let core = w.trim_matches(|c: char| !c.is_alphanumeric());
    let off = w.len() - w.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
    if core.len() < 5 || !core.chars().all(|c| c.is_alphabetic() || c == '-') {
        return None;
    }
    // The joint can be in any part of a compound ("nuclearweapon-free",
    // "nuclear-weaponfree", "Under-SecretaryGeneral").
    let mut weak = None;
    let mut at = 0;
    for seg in core.split('-') {
        match in_part(core, at, seg, vocab) {
            Some((k, Evidence::Weak)) => {
                weak = weak.or(Some((off + k, Evidence::Weak)));
            }
            Some((k, e)) => return Some((off + k, e)),
            None => {}
        }
        at += seg.len() + 1;
    }
    weak
}

/// [`inside`] for the part `seg` of the word `core`, starting at byte `at` of it.
fn in_part(core: &str, at: usize, seg: &str, vocab: &Vocab) -> Option<(usize, Evidence)> {
    let mut prev: Option<char> = None;
    for (k, c) in seg.char_indices() {
        // Names are written so too ("McDonald", "YouTube", "WhatsApp"): both sides long.
        if k >= 4 && c.is_uppercase() && prev.is_some_and(char::is_lowercase) && seg.len() - k >= 4
        {
            return Some((at + k, Evidence::Capital));
        }
        prev = Some(c);
    }
    let lower = seg.to_lowercase();
    if lower.len() != seg.len() {
        return None;
    }
    let mut weak = None;
    for (k, _) in seg.char_indices().skip(2) {
        let (left, right) = core.split_at(at + k);
        let head = lower.get(..k).unwrap_or("");
        let part = seg.get(k..).unwrap_or("");
        if part.chars().count() < 2 {
            break;
        }
        let head_word = seg.get(..k).unwrap_or("");
        let head = is_one_of(head, COMPOUND_HEADS);
        if vocab.count(&format!("{left}-{right}")) > 0 || head && vocab.known(part) {
            return Some((at + k, Evidence::Words));
        }
        if part.chars().count() < 3 {
            continue;
        }
        // A prefix the document writes before a hyphen elsewhere ("self-efficacy").
        let prefix = head
            && head_word.len() >= 4
            && part.len() >= 5
            && vocab.parts.contains_key(head_word)
            && vocab.count(core) <= 1;
        let participle = part.len() >= 6 && PARTICIPLE_ENDINGS.iter().any(|e| part.ends_with(e))
            || part.len() >= 4 && part.ends_with("ed");
        let words = participle
            && head_word.len() >= 3
            && vocab.known(head_word)
            && vocab.known(part)
            && vocab.count(core) <= 1;
        if weak.is_none() && (prefix || words) {
            weak = Some((at + k, Evidence::Weak));
        }
    }
    weak
}

/// "self determination": two words the document writes as one with a hyphen, a prefix
/// that is no word and a word, or a tens word and a unit ("seventy ninth").
fn spaced(a: &str, b: &str, vocab: &Vocab) -> bool {
    if a.is_empty() || !a.chars().all(char::is_alphabetic) {
        return false;
    }
    let b = b.trim_end_matches(|c: char| !c.is_alphanumeric());
    if !b.starts_with(char::is_alphabetic) {
        return false;
    }
    let lower = a.to_lowercase();
    let number = TENS.iter().any(|&(_, cardinal, _)| cardinal == lower)
        && UNITS
            .iter()
            .any(|&(ordinal, cardinal, _)| b == ordinal || b == cardinal);
    number || is_one_of(&lower, BOUND_PREFIXES) || vocab.count(&format!("{a}-{b}")) > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line<'a>(text: &'a str, blank_before: bool) -> L<'a> {
        L {
            no: 0,
            text: Cow::Borrowed(text),
            indent: 0,
            page: 0,
            blank_before,
            after_break: false,
            formula: false,
        }
    }

    fn texts(lines: &[L]) -> Vec<String> {
        lines.iter().map(|l| l.text.to_string()).collect()
    }

    #[test]
    fn a_first_line_set_after_its_paragraph_comes_back() {
        let mut lines = vec![
            line("5.", false),
            line("Fund:", false),
            line(
                "The Secretary-General is authorized to advance from the Working Capital",
                true,
            ),
            line(
                "(a) Such sums as may be necessary to finance budgetary appropriations",
                true,
            ),
        ];
        restore_first_lines(&mut lines, 85);
        assert_eq!(
            texts(&lines),
            [
                "5.",
                "The Secretary-General is authorized to advance from the Working Capital",
                "Fund:",
                "(a) Such sums as may be necessary to finance budgetary appropriations"
            ]
        );
        assert!(!lines.iter().skip(1).take(2).any(|l| l.blank_before));
    }

    #[test]
    fn the_pieces_of_a_first_line_go_on_from_its_start() {
        let mut lines = vec![
            line("1.", false),
            line("Takes note of the report", false),
            line("recommendations contained therein;", false),
            line("of", true),
            line("the", true),
            line("Secretary-General 5 and", true),
            line("the", true),
            line("2.", true),
        ];
        restore_first_lines(&mut lines, 85);
        assert_eq!(
            texts(&lines),
            [
                "1.",
                "Takes note of the report",
                "of",
                "the",
                "Secretary-General 5 and",
                "the",
                "recommendations contained therein;",
                "2."
            ]
        );
    }

    #[test]
    fn paragraphs_and_headings_in_order_stay() {
        // A heading between blank lines after a whole paragraph is no displaced piece.
        let mut lines = vec![
            line("3.", false),
            line(
                "Decides to remain seized of the matter and to keep the question under review;",
                false,
            ),
            line("Programme of work", true),
            line("4.", true),
        ];
        let before = texts(&lines);
        restore_first_lines(&mut lines, 85);
        assert_eq!(texts(&lines), before);
        // Nor a sentence that ends between blank lines.
        let mut lines = vec![
            line("(d)", false),
            line("VI.", false),
            line("Decide on the organization of its work.", true),
            line("Conduct of business", true),
        ];
        let before = texts(&lines);
        restore_first_lines(&mut lines, 85);
        assert_eq!(texts(&lines), before);
    }

    #[test]
    fn a_rule_glued_to_a_line_gives_the_line_its_hyphen_back() {
        assert_eq!(
            glued_rule("takes note of the report of the Secretary__________________").as_deref(),
            Some("takes note of the report of the Secretary-")
        );
        assert_eq!(glued_rule("__________________"), None);
        assert_eq!(glued_rule("the field_name"), None);
    }

    #[test]
    fn joints_of_lines_joined_at_a_hyphen_are_found_near_a_full_line() {
        let full = "the quick account of the matters before the Assembly and of the many";
        let texts = [
            format!("{full} capacity-building needs, and of a second line that runs on"),
            format!("{full} to the SecretaryGeneral on the implementation of it all and more"),
            format!("{full} texts on self determination of peoples and on capacitybuilding today"),
            format!("{full} texts on the right to self-determination and other matters here"),
            format!("{full} of the seventy ninth session and of other matters for them all"),
            format!("{full} everything that is framework and stakeholders in one long line"),
            format!("{full} of the nuclearweapon-free zone and of the nuclear-weapon-free one"),
            format!("{full} of the nuclear-weaponfree zone and of the follow-up to it all"),
            format!("{full} of the Under-SecretaryGeneral and of the followup to it all too"),
        ];
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let vocab = vocabulary(&refs);
        let width = full.len() + 8;
        let marked: Vec<Option<String>> = refs
            .iter()
            .map(|t| mark_line(t, width, width + 4, &vocab))
            .collect();
        assert_eq!(marked[0], None);
        assert!(marked[1]
            .as_deref()
            .is_some_and(|m| m.contains("Secretary-General")));
        assert!(marked[2]
            .as_deref()
            .is_some_and(|m| m.contains("self\u{ad}determination")));
        // Only one joint in a line of two lines: the nearer.
        assert!(marked[2]
            .as_deref()
            .is_some_and(|m| m.contains("capacitybuilding")));
        assert_eq!(marked[3], None);
        assert!(marked[4]
            .as_deref()
            .is_some_and(|m| m.contains("seventy\u{ad}ninth")));
        assert_eq!(marked[5], None);
        assert!(marked[6]
            .as_deref()
            .is_some_and(|m| m.contains("nuclear\u{ad}weapon-free")));
    }
}

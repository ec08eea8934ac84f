//! Text extracted from the official PDF (PyMuPDF raw text, the cleaned
//! Markdown-like text, `pdftotext -layout`, plain `pdftotext`) and one-block-
//! per-line text.
//!
//! Removes page furniture (running heads, folios, job numbers, barcodes),
//! takes the footnotes from the page feet, joins hard-wrapped lines and
//! paragraphs split by page breaks, and repairs justification artefacts.

use super::repair::{repair, trim, vocabulary, Lines};
use crate::diag::{Diagnostic, Kind};
use crate::lang;
use crate::read::format::Format;
use crate::read::lex::draft;
use crate::read::lex::heading::{annex_label, heading_over_number};
use crate::read::lex::label::{ends_numbered_title, number_title, operative_number, sub_label};
use crate::read::lex::masthead::{find_symbol, job_number, opens_adoption_line};
use crate::read::lex::number::numeric_ordinal;
use crate::read::lex::opener::{opener, operative_verb, participle_opener};
use crate::read::lex::organ::formula_organ;
use crate::read::prepared::{FrontMatter, Note, Para, Prepared};
use std::borrow::Cow;

mod clean;
mod furniture;
mod join;
mod line;
mod notes;
mod order;

use clean::{clean, clean_spaces, collapse_layout};
use furniture::{
    is_furniture, is_note_rule, is_running_title, is_typed_rule, page_heads, repeated_heads,
    title_guess,
};
use join::{bare_label, ends_para, join_line, quote_balance, starts_new, Seen};
use line::L;
use notes::{collect_notes, is_star_note, page_bases};
use order::{glued_rule, mark_joints, restore_first_lines};

/// The YAML front matter block (between `---` lines at the very start), if any.
pub fn front_matter_block(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("---\n")?;
    let end = rest
        .find("\n---\n")
        .or_else(|| rest.strip_suffix("\n---").map(|r| r.len()))?;
    Some(&rest[..end])
}

pub(crate) fn parse_front_matter(block: &str) -> FrontMatter {
    let mut f = FrontMatter {
        line: 1,
        ..FrontMatter::default()
    };
    for line in block.lines() {
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        let v = v.trim().trim_matches('"').trim().to_string();
        if v.is_empty() {
            continue;
        }
        match k.trim() {
            "symbol" => f.symbol = Some(v),
            "title" => f.title = Some(v),
            "date" => f.date = Some(v),
            "language" => f.language = Some(v),
            _ => {}
        }
    }
    f
}

/// Prepares any of the PDF-derived formats.
pub fn prepare(text: &str, format: Format) -> Prepared {
    let mut prep = Prepared::default();
    let mut body_text = text;
    let mut offset = 0usize;
    if let Some(block) = front_matter_block(text) {
        prep.front = Some(parse_front_matter(block));
        let skip = 4 + block.len() + 5;
        body_text = text.get(skip.min(text.len())..).unwrap_or("");
        offset = block.lines().count() + 2;
    }
    let raw_lines: Vec<(usize, &str)> = Lines(body_text)
        .enumerate()
        .map(|(i, l)| (i + 1 + offset, l))
        .collect();

    if format == Format::Lines {
        prep.lines_are_paragraphs = true;
        for (no, l) in raw_lines {
            let t = clean_spaces(l);
            if !t.is_empty() {
                prep.body.push(Para { line: no, text: t });
            }
        }
        return prep;
    }

    // The cleaned format keeps its notes after a final `---` line as `[^n]: text`.
    let mut lines: Vec<(usize, &str)> = Vec::with_capacity(raw_lines.len());
    let mut leftovers: Vec<(usize, String)> = Vec::new();
    let mut in_defs = false;
    // The highest paragraph number among `lines[..scanned]`, found when a note needs it.
    let mut max_op: Option<u32> = None;
    let mut scanned = 0;
    for (no, l) in raw_lines {
        let t = trim(l);
        if t == "---" && format == Format::Cleaned {
            in_defs = true;
            continue;
        }
        if let Some(def) = t.strip_prefix("[^") {
            if let Some((n, rest)) = def.split_once("]:") {
                if n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty() {
                    let mut text = clean_spaces(rest);
                    // The body can run on glued to a note: "A/79/88. 4. Decides … 52nd plenary meeting …".
                    for (_, l) in lines.get(scanned..).unwrap_or(&[]) {
                        let op = operative_number(l.trim())
                            .and_then(|(n, _)| n.trim_end_matches('.').parse::<u32>().ok());
                        max_op = max_op.max(op);
                    }
                    scanned = lines.len();
                    let next_op = max_op.map_or(1, |m| m + 1);
                    if let Some(k) = text.find(&format!(". {next_op}. ")) {
                        let body = text[k + 2..].to_string();
                        text.truncate(k + 1);
                        let meeting = body
                            .find(lang::en::SPACED_PLENARY_MEETING)
                            .and_then(|m| body[..m].rfind(". ").map(|d| d + 1));
                        match meeting {
                            Some(cut) => {
                                leftovers.push((no, body[..cut].trim().to_string()));
                                leftovers.push((no, body[cut..].trim().to_string()));
                            }
                            None => leftovers.push((no, body.trim().to_string())),
                        }
                    }
                    prep.notes.push(Note {
                        marker: n.to_string(),
                        text,
                        line: no,
                    });
                    in_defs = true;
                    continue;
                }
            }
        }
        if in_defs && format == Format::Cleaned {
            // Body text that resumes after the notes ("4. Decides …", the meeting line).
            let resumes = operative_number(t).is_some()
                || sub_label(t).is_some()
                || (t.contains(lang::en::SPACED_PLENARY_MEETING)
                    && t.split_whitespace()
                        .next()
                        .and_then(numeric_ordinal)
                        .is_some());
            if !resumes {
                // A definition's continuation line.
                if let Some(last) = prep.notes.last_mut() {
                    if !t.is_empty() {
                        last.text.push(' ');
                        last.text.push_str(&clean_spaces(t));
                    }
                }
                continue;
            }
            in_defs = false;
        }
        lines.push((no, l));
    }

    // Body text recovered from note lines goes back after a blank line.
    for (no, t) in &leftovers {
        lines.push((*no, ""));
        lines.push((*no, t.as_str()));
    }
    let symbol = lines
        .iter()
        .take(40)
        .find_map(|(_, l)| find_symbol(l))
        .or_else(|| draft::symbol(lines.iter().take(10).map(|(_, l)| *l)));
    // A draft prints no adoption line: its masthead ends where the submission line begins.
    let draft_start = if lines.iter().any(|(_, l)| opens_adoption_line(&clean(l))) {
        None
    } else {
        let cleaned: Vec<Cow<str>> = lines.iter().take(80).map(|(_, l)| clean(l)).collect();
        let refs: Vec<&str> = cleaned.iter().map(|c| c.as_ref()).collect();
        draft::submission_lines(&refs).map(|(start, _)| start)
    };
    let title = title_guess(&lines);
    let heads = page_heads(&lines, symbol.as_deref());
    // The number line's own words: a running head may repeat exactly them.
    let title_line: Option<String> = lines.iter().find_map(|(_, l)| {
        // It starts with a digit: only then is the line cleaned.
        if !l
            .trim_ascii_start()
            .starts_with(|c: char| c.is_ascii_digit())
        {
            return None;
        }
        let t = clean_spaces(l);
        let (head, rest) = t.split_once(' ')?;
        let num = head.strip_suffix('.')?;
        (num.contains('/')
            && num
                .split('/')
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
            && rest.split_whitespace().count() >= 3)
            .then(|| rest.to_string())
    });
    let mut seen_formula = false;
    // PyMuPDF text, and any text without form feeds: a page foot ends where the next
    // page's head (symbol, folio, running title) begins.
    let form_feeds = lines.iter().any(|(_, l)| l.contains('\x0C'));
    let head_ends_foot = format == Format::Pymupdf || !form_feeds;
    // Without form feeds, the running head is told by its repeating beside the furniture.
    let repeated = if form_feeds {
        Vec::new()
    } else {
        repeated_heads(&lines, symbol.as_deref(), format == Format::Pymupdf)
    };

    // Pass 1: furniture and page feet.
    let mut out: Vec<L> = Vec::new();
    let mut page = 0usize;
    let mut blank = false;
    let mut brk = false;
    let mut i = 0;
    let mut seen_adoption = false;
    let mut masthead_done = false;
    // Where each masthead line stood, and whether any blank line or page break came
    // before the adoption line.
    let mut masthead_lines: Vec<(usize, usize, bool, bool)> = Vec::new();
    let (mut masthead_blank, mut masthead_brk) = (false, false);
    let mut furniture_job: Option<String> = None;
    let mut barcode: Option<String> = None;
    // The page whose foot holds notes marked with asterisks, once one is seen.
    let mut star_page: Option<usize> = None;
    // The last page whose running head `page_heads` found.
    let mut head_page: Option<usize> = None;
    while i < lines.len() {
        let (no, raw) = lines[i];
        i += 1;
        let mut raw = raw;
        if let Some(r) = raw.strip_prefix('\x0C') {
            page += 1;
            brk = true;
            raw = r;
        }
        let form_feed = form_feeds && raw.contains('\x0C');
        if form_feed {
            page += 1;
            brk = true;
        }
        let raw: Cow<str> = if form_feed {
            raw.replace('\x0C', "").into()
        } else {
            raw.into()
        };
        let t = match &raw {
            Cow::Borrowed(r) => clean(r),
            Cow::Owned(r) => Cow::Owned(clean_spaces(r)),
        };
        if t.is_empty() {
            blank = true;
            continue;
        }
        if !seen_adoption && (opens_adoption_line(&t) || draft_start == Some(i - 1)) {
            seen_adoption = true;
            masthead_done = true;
            // The adoption line follows whatever break the masthead had.
            blank |= masthead_blank;
            brk |= masthead_brk;
        }
        if !masthead_done {
            // Everything before the adoption line is the masthead (when there is one).
            prep.masthead.push(Para {
                line: no,
                text: collapse_layout(&raw),
            });
            // Where the line stood, should it turn out to be text (no adoption line).
            masthead_lines.push((
                raw.bytes().take_while(|&b| b == b' ').count(),
                page,
                blank,
                brk,
            ));
            masthead_blank |= blank;
            masthead_brk |= brk;
            blank = false;
            brk = false;
            continue;
        }
        if heads.get(i - 1).copied().unwrap_or(false) {
            head_page = Some(page);
            brk = true;
            continue;
        }
        if repeated.get(i - 1).copied().unwrap_or(false) {
            brk = true;
            continue;
        }
        if is_furniture(&t, symbol.as_deref()) {
            if let Some(j) = job_number(&t).or_else(|| t.split_whitespace().find_map(job_number)) {
                furniture_job.get_or_insert(j);
            }
            if t.starts_with('*') && t.ends_with('*') {
                barcode.get_or_insert(t.to_string());
            }
            brk = true;
            continue;
        }
        // Notes an asterisk opens ("* Any changes to the list of sponsors …"), at a page
        // foot with no rule above them: the rest of the page is notes. They have no
        // numbered mark in the text, so they are left out, as the PDF reader leaves them.
        if form_feeds && (star_page == Some(page) || is_star_note(&t)) {
            if star_page != Some(page) {
                prep.diagnostics.push(Diagnostic::warn(
                    Kind::IgnoredText,
                    no,
                    format!(
                        "note marked with an asterisk left out: {}",
                        t.chars().take(60).collect::<String>()
                    ),
                ));
            }
            star_page = Some(page);
            brk = true;
            continue;
        }
        let formula = formula_organ(&t).is_some();
        seen_formula |= formula;
        let after_annex = out
            .last()
            .is_some_and(|l: &L| l.text.starts_with(lang::en::ANNEX[0]));
        // A page whose head was found has no running title left: a line of the title's
        // words below it is text ("banning the production …" going on from the page before).
        if !after_annex
            && head_page != Some(page)
            && ((seen_formula && title_line.as_deref() == Some(&*t))
                || is_running_title(&t, title.as_deref(), &lines, i, format == Format::Pymupdf))
        {
            brk = true;
            continue;
        }
        if is_typed_rule(&t) {
            // Notes typed under it: their block ends at a page break, or at a blank line
            // before a line that opens no note ("12 Ibid." opens one).
            let mut end = i;
            while end < lines.len() && !lines[end].1.contains('\x0C') {
                if lines[end].1.trim().is_empty() {
                    let next = lines[end..].iter().find(|(_, l)| !l.trim().is_empty());
                    if !next.is_some_and(|(_, l)| opens_typed_note(l)) {
                        break;
                    }
                }
                end += 1;
            }
            let before = prep.notes.len();
            let stop = collect_notes(
                &lines[..end],
                i,
                symbol.as_deref(),
                title.as_deref(),
                false,
                &mut prep.notes,
                &mut furniture_job,
            );
            if prep.notes.len() > before {
                i = stop;
            }
            brk = true;
            continue;
        }
        let glued = glued_rule(&t);
        if is_note_rule(&t) || glued.is_some() {
            if let Some(text) = glued {
                out.push(L {
                    no,
                    formula: false,
                    text: Cow::Owned(text),
                    indent: raw.bytes().take_while(|&b| b == b' ').count(),
                    page,
                    blank_before: blank,
                    after_break: brk,
                });
                blank = false;
            }
            // The page foot: notes until the page ends.
            let end = collect_notes(
                &lines,
                i,
                symbol.as_deref(),
                title.as_deref(),
                head_ends_foot,
                &mut prep.notes,
                &mut furniture_job,
            );
            i = end;
            brk = true;
            continue;
        }
        let indent = raw.bytes().take_while(|&b| b == b' ').count();
        out.push(L {
            no,
            text: t,
            indent,
            page,
            blank_before: blank,
            after_break: brk,
            formula,
        });
        blank = false;
        brk = false;
    }
    if !masthead_done {
        // No adoption line: there was no masthead after all.
        let mh = std::mem::take(&mut prep.masthead);
        let mut text_lines = Vec::with_capacity(mh.len() + out.len());
        // Page furniture (folios, the symbol) is dropped as in the body, leaving a break.
        let mut furniture = false;
        for (p, (indent, page, blank_before, after_break)) in mh.into_iter().zip(masthead_lines) {
            let text: Cow<'_, str> = Cow::Owned(clean_spaces(&p.text));
            if is_furniture(&text, symbol.as_deref()) {
                furniture = true;
                continue;
            }
            text_lines.push(L {
                no: p.line,
                formula: formula_organ(&text).is_some(),
                text,
                indent,
                page,
                blank_before,
                after_break: after_break || std::mem::take(&mut furniture),
            });
        }
        text_lines.append(&mut out);
        out = text_lines;
    }
    if let Some(j) = furniture_job {
        prep.masthead.push(Para { line: 0, text: j });
    }
    if let Some(b) = barcode {
        prep.masthead.push(Para { line: 0, text: b });
    }

    let width = text_width(&out);
    if format == Format::Pdftotext {
        mark_joints(&mut out);
        restore_first_lines(&mut out, width);
    }

    // Pass 2: join lines into paragraphs.
    let bases = page_bases(&out);
    // The body starts at the formula: title and masthead lines are set short on purpose.
    let first_body = out.iter().position(|l| l.formula).unwrap_or(out.len());
    // Annexes hold lists and tables, whose lines are short without ending anything.
    let first_annex = out
        .iter()
        .position(|l| {
            l.text.starts_with(lang::en::ANNEX[0]) && l.text.split_whitespace().nth(2).is_none()
        })
        .unwrap_or(out.len());
    let mut paras: Vec<Para> = Vec::new();
    let mut prev: Option<&L> = None;
    // Open quotation marks in the paragraph so far, kept as lines join (not recounted).
    let mut open_quotes = 0i64;
    // The operative number of the last paragraph that opened with one.
    let mut last_op: Option<u32> = None;
    // The paragraph being joined is the title; a title was seen.
    let (mut title_open, mut title_seen) = (false, false);
    for (k, l) in out.iter().enumerate() {
        let new = match (prev, paras.last()) {
            (Some(p), Some(acc)) => {
                // The short last line of a paragraph of several lines (plain pdftotext
                // can set a short line before the full one above it).
                let short = k > first_body + 1
                    && k < first_annex
                    && acc.text.len() >= p.text.len() + SHORT_BY
                    && !bare_label(&p.text)
                    // A sentence can end short inside a paragraph; paragraphs end in ',' or ';'.
                    && !p.text.ends_with('.')
                    && p.page == l.page
                    && !l.after_break
                    && p.indent + p.text.chars().count() + SHORT_BY < width;
                // Plain pdftotext sets a number alone on its line, and the first one can
                // follow a heading or a recital with nothing else to tell it (in the body: after
                // the formula, or the title where no formula was printed).
                let numbered_next = match last_op {
                    Some(n) => op_value(&l.text) == Some(n + 1),
                    None => (k > first_body || title_seen) && op_value(&l.text) == Some(1),
                };
                let due = last_op.map_or(1, |n| n + 1);
                // The paragraph so far is an annex's title: the one after its label.
                let annex_title = paras
                    .len()
                    .checked_sub(2)
                    .and_then(|j| paras.get(j))
                    .is_some_and(|t| annex_label(&t.text));
                let seen = Seen {
                    prev_short: short,
                    numbered_next,
                    operative_turn: operative_turn(&out, k, &acc.text),
                    title_ends: title_open && ends_numbered_title(&acc.text, &l.text),
                    heading_next: heads_number(&out[k..], due),
                    annex_title,
                };
                starts_new(p, l, &acc.text, open_quotes > 0, format, &bases, seen)
            }
            _ => true,
        };
        if new {
            if let Some(n) = op_value(&l.text) {
                last_op = Some(n);
            }
        }
        if new {
            // The paragraph after a resolution's number ("78/225."), or opening with it, is
            // its title, before the formula.
            title_open = k < first_body
                && !title_seen
                && (number_title(&l.text).is_some_and(|(_, t)| !t.is_empty())
                    || paras
                        .last()
                        .is_some_and(|p| number_title(&p.text).is_some_and(|(_, t)| t.is_empty())));
            title_seen |= title_open;
            open_quotes = quote_balance(&l.text);
            paras.push(Para {
                line: l.no,
                text: l.text.to_string(),
            });
        } else if let Some(acc) = paras.last_mut() {
            open_quotes += quote_balance(&l.text);
            join_line(&mut acc.text, &l.text);
        }
        prev = Some(l);
    }

    // Pass 3: repair justification artefacts against the document's own words.
    let texts: Vec<&str> = paras
        .iter()
        .map(|p| p.text.as_str())
        .chain(prep.notes.iter().map(|n| n.text.as_str()))
        .collect();
    let vocab = vocabulary(&texts);
    let mut scratch = String::new();
    let repaired: Vec<String> = texts
        .iter()
        .enumerate()
        .map(|(k, t)| {
            let tokens = vocab.texts.get(k).cloned().flatten();
            let tokens = tokens.and_then(|r| vocab.tokens.get(r));
            repair(t, tokens, &vocab, &mut scratch)
        })
        .collect();
    for (t, fixed) in paras
        .iter_mut()
        .map(|p| &mut p.text)
        .chain(prep.notes.iter_mut().map(|n| &mut n.text))
        .zip(repaired)
    {
        *t = fixed;
    }
    prep.body = paras;
    if prep.body.is_empty() {
        prep.diagnostics
            .push(Diagnostic::warn(Kind::NoBody, 0, "no body text found"));
    }
    prep
}

/// Whether the line `k` of `lines` turns from the preamble to a single unnumbered operative
/// paragraph: the paragraph so far `acc` is a recital ended by a comma, the line opens with
/// a verb in the third person ("Takes note of …"), and the first line from it that ends a
/// paragraph ends as an operative one does (a full stop, a semicolon or a colon).
fn operative_turn(lines: &[L], k: usize, acc: &str) -> bool {
    let ends_comma = |t: &str| {
        t.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ')
            .ends_with(',')
    };
    let Some(l) = lines.get(k) else {
        return false;
    };
    if !(ends_comma(acc) && operative_verb(&l.text) && (opener(acc) || participle_opener(acc))) {
        return false;
    }
    lines
        .get(k..)
        .unwrap_or_default()
        .iter()
        .take(12)
        .find(|x| ends_para(&x.text))
        .is_some_and(|x| !ends_comma(&x.text))
}

/// The value of an operative number opening a line followed by a capital ("12. Decides"),
/// or alone on its line as plain pdftotext sets it ("12.").
fn op_value(t: &str) -> Option<u32> {
    let (num, rest) = operative_number(t)?;
    if !(rest.is_empty() || rest.starts_with(char::is_uppercase)) {
        return None;
    }
    num.trim_end_matches('.').parse().ok()
}

/// Whether `lines` open with a few heading lines (one to four: "Part IV", "International
/// cooperation for development", "Section 9", "Economic and social affairs") over the line
/// that opens operative paragraph `due`.
fn heads_number(lines: &[L], due: u32) -> bool {
    let Some(first) = lines.first() else {
        return false;
    };
    if !heading_over_number(&first.text) {
        return false;
    }
    for l in lines.iter().skip(1).take(4) {
        if op_value(&l.text) == Some(due) {
            return true;
        }
        if !heading_over_number(&l.text) {
            return false;
        }
    }
    false
}

/// How far short of the right margin a line stops when it ends its paragraph: more than
/// the longest word a justified line can leave out.
const SHORT_BY: usize = 24;

/// Where full lines end (indent and characters): the ninth decile of the body's lines.
fn text_width(lines: &[L]) -> usize {
    let mut ends: Vec<usize> = lines
        .iter()
        .map(|l| l.indent + l.text.chars().count())
        .collect();
    ends.sort_unstable();
    ends.get(ends.len() * 9 / 10).copied().unwrap_or(0)
}

/// Text whose paragraphs share one long line, set apart by runs of spaces.
pub fn is_flattened(text: &str) -> bool {
    // More than five lines with text settle it: the scan stops there.
    let mut lines = 0;
    let mut longest = 0;
    for l in text.lines() {
        longest = longest.max(l.len());
        if !is_blank(l) {
            lines += 1;
            if lines > 5 {
                return false;
            }
        }
    }
    longest > 500 && text.matches("  ").count() >= 4
}

/// `l.trim().is_empty()`, deciding on the first byte that is not ASCII white space.
pub fn is_blank(l: &str) -> bool {
    match l
        .bytes()
        .find(|b| !matches!(b, b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' | b' '))
    {
        None => true,
        Some(b) if b.is_ascii() => false,
        Some(_) => l.trim().is_empty(),
    }
}

/// Breaks a flattened text into lines at its runs of two or more spaces, a blank line
/// between the pieces, so that it reads like raw PDF text.
pub fn unflatten(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for line in text.lines() {
        let mut rest = line.trim();
        while let Some(k) = rest.find("  ") {
            out.push_str(rest[..k].trim_end());
            out.push_str("\n\n");
            rest = rest[k..].trim_start();
        }
        out.push_str(rest);
        out.push_str("\n\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::repair::*;
    use super::furniture::is_folio;
    use super::*;
    use crate::read::lex::text::*;

    #[test]
    fn char_shortcuts_agree_with_std() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn word_splitters_agree_with_std() {
        let texts = [
            "",
            "  ",
            "one",
            " a  b\tc\u{a0}d\u{2003}e\u{3000}f\u{85}g\u{1680}h\u{205f} ",
            "“Quoted,” said — he\x0Bthen\x0C\r\nнет  ",
            " \x0B\u{a0}",
            "twelve bytes  here, then one space after another: a b c d e f g h",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z",
            "no-double_spaces-in-here!-just-words!-and-bangs! ok",
            "eight by  tes",
            "seven b  ytes",
            "\u{a0}x",
            "\t\x0B",
        ];
        for t in texts {
            assert_eq!(
                Words::new(t).collect::<Vec<_>>(),
                t.split_whitespace().collect::<Vec<_>>()
            );
            let spaced: Vec<&str> = t.split(' ').filter(|w| !w.is_empty()).collect();
            assert_eq!(
                SpaceWords::new(t).map(|x| x.text).collect::<Vec<_>>(),
                spaced
            );
            assert_eq!(
                clean_spaces(t),
                t.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
            );
            assert_eq!(
                trim_non_alnum(t),
                t.trim_matches(|c: char| !c.is_alphanumeric())
            );
            assert_eq!(is_blank(t), t.trim().is_empty());
            assert_eq!(trim(t), t.trim());
        }
        // Every white-space character starts with a byte `Words` looks at.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let s = c.encode_utf8(&mut buf);
            assert_eq!(Words::new(s).next().is_none(), c.is_whitespace(), "{c:?}");
        }
    }

    #[test]
    fn layout_lines_collapse_as_split_on_three_spaces() {
        let by_split = |s: &str| {
            let t = s.replace('\x0C', "");
            let parts: Vec<&str> = t
                .split("   ")
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect();
            parts.join(" ")
        };
        for s in [
            "",
            "   ",
            "General Assembly      Distr.: General",
            "a  b   c    d     e      f",
            "\x0C  x\u{a0}   y\t   z  ",
            "     ",
            "ab",
        ] {
            assert_eq!(collapse_layout(s), by_split(s), "{s:?}");
        }
    }

    #[test]
    fn space_words_know_where_they_start() {
        for t in [
            "a bc Def ghi, jkl mnopqrstuvwxyz  é x",
            "",
            "  ",
            "lowercase",
        ] {
            for w in SpaceWords::new(t) {
                assert_eq!(t.get(w.at..w.at + w.text.len()), Some(w.text));
            }
        }
    }

    #[test]
    fn repair_reads_the_vocabulary_words_as_it_would_read_the_text() {
        let texts = [
            "United Nations Confere nce on the Conference of “States” , high -level and post - conflict",
            "the h umankind of humankind; nuclear- weapon-free and nuclear-weapon-free zones",
            "a\u{a0}no-break space, twentyfirst and Countries ” here",
            "a soft hy\u{ad}phen in a text with hyphen and soft words",
            "",
        ];
        let vocab = vocabulary(&texts);
        let mut kept = 0;
        for (k, t) in texts.iter().enumerate() {
            let tokens = vocab.texts.get(k).cloned().flatten();
            let tokens = tokens.and_then(|r| vocab.tokens.get(r));
            kept += usize::from(tokens.is_some());
            let mut scratch = String::new();
            assert_eq!(
                repair(t, tokens, &vocab, &mut scratch),
                repair(t, None, &vocab, &mut scratch),
                "{t:?}"
            );
        }
        assert_eq!(kept, 3);
    }

    #[test]
    fn words_mark_their_bytes_at_any_offset() {
        let pieces = [
            "a",
            "word",
            "seventeen",
            "non-State",
            "long-winded-compound",
            "нет",
            "Ёлка-палка",
            "“quoted”",
            "soft\u{ad}ly",
            "\u{a0}",
            "\u{2003}",
            " ",
            "  ",
            "\t",
            "\x01",
            "!",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let t = format!("{a}{b} {c}{a}x{b}");
                    let mut words = Words::new(&t);
                    let mut got = Vec::new();
                    while let Some(w) = words.next() {
                        let marks = w.bytes().fold(0, |m, c| m | BYTE_CLASSES[usize::from(c)]);
                        assert_eq!(words.marks, marks, "{w:?} in {t:?}");
                        got.push(w);
                    }
                    assert_eq!(got, t.split_whitespace().collect::<Vec<_>>(), "{t:?}");
                }
            }
        }
    }

    #[test]
    fn lines_agree_with_std() {
        for t in [
            "",
            "\n",
            "a",
            "a\n",
            "a\n\n",
            "a\r\nb\r",
            "\r\n\r\n",
            "a line of more than eight bytes\nand another one\r\n\nlast",
            "twelve bytes\n12345678\n1234567\n123456789\n",
        ] {
            assert_eq!(
                Lines(t).collect::<Vec<_>>(),
                t.lines().collect::<Vec<_>>(),
                "{t:?}"
            );
        }
    }

    /// The paragraphs `prepare` makes of `text` read as `format`, first words only.
    fn para_starts(text: &str, format: Format) -> Vec<String> {
        prepare(text, format)
            .body
            .iter()
            .map(|p| {
                p.text
                    .split_whitespace()
                    .take(3)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn paragraphs_without_blank_lines_end_by_grammar_length_and_numbers() {
        // Plain text: full lines run to about 85 characters.
        let full =
            "the quick account of the matters before the Assembly and of the many reports on them";
        let text = format!(
            "The General Assembly,\n\
Noting with concern the negative impact of the crisis on {full}\n\
and on the economy,\n\
Inviting the international community to provide continued support in {full}\n\
of the country, and “ethnic cleansing in all its forms,\n\
1. Decides to act on {full}\n\
in the light of its work;\n\
Budget performance report for the period\n\
2. Takes note of the report on {full}\n\
in the light of its work;\n\
Part one of the programme\n\
3. Requests the Secretary-General to {full}\n\
and report.\n"
        );
        assert_eq!(
            para_starts(&text, Format::Pdftotext),
            [
                "The General Assembly,",
                "Noting with concern",
                "Inviting the international",
                "1. Decides to",
                "Budget performance report",
                "2. Takes note",
                "Part one of",
                "3. Requests the",
            ]
        );
    }

    /// Heading lines over the number due stand apart from the paragraph before them,
    /// after a semicolon or a comma, a heading's label holds its title, a lettered
    /// section stands apart from the heading above it; a line of
    /// asterisks stands alone; a fragment of a word or two before a line keeps it.
    #[test]
    fn headings_and_separators_stand_apart() {
        let full =
            "the quick account of the matters before the Assembly and of the many reports on them";
        let text = format!(
            "The General Assembly,\n\
Recalling its resolution on {full}\n\
and on the economy,\n\
* * *\n\
Recognizing the role of energy hubs in {full}\n\
and on the economy,\n\
Final report\n\
1. Decides to act on {full}\n\
in the light of its work;\n\
Financing of the appropriation for the period from 1 July 2024 to 30 June 2025\n\
2. Takes note of the report on {full}\n\
in the light of its work;\n\
Part IV\n\
International cooperation for development\n\
A. Regional cooperation\n\
Section 9\n\
Economic and social affairs\n\
3. Requests the Secretary-General to {full}\n\
and report;\n\
Rule 7\n\
General powers of the presiding President\n\
1. The Presidents shall take turns in presiding.\n\
4.\n\
zones;\n\
Encourages efforts to reinforce coordination among all\n\
5. Decides to remain seized of the matter.\n"
        );
        assert_eq!(
            para_starts(&text, Format::Pdftotext),
            [
                "The General Assembly,",
                "Recalling its resolution",
                "* * *",
                "Recognizing the role",
                "Final report",
                "1. Decides to",
                "Financing of the",
                "2. Takes note",
                "Part IV International",
                "A. Regional cooperation",
                "Section 9 Economic",
                "3. Requests the",
                "Rule 7 General",
                "1. The Presidents",
                "4. zones; Encourages",
                "5. Decides to",
            ]
        );
    }

    /// A numbered section, its number alone on its line, under a title that ends without
    /// punctuation; in -layout text, an annex's title ends at a blank line.
    #[test]
    fn section_numbers_and_annex_titles_end_headings() {
        let text = "Annex\n\
Political Declaration adopted at the Forum\n\
I.\n\
Our shared commitment\n\
1. We, the Heads of State, have met.\n";
        assert_eq!(
            para_starts(text, Format::Pdftotext),
            [
                "Annex",
                "Political Declaration adopted",
                "I. Our shared",
                "1. We, the"
            ]
        );
        let layout = "                Annex\n\
                Political declaration of the high-level meeting on universal\n\
                health coverage\n\
\n\
                Universal health coverage: expanding our ambition\n";
        assert_eq!(
            para_starts(layout, Format::PdftotextLayout),
            [
                "Annex",
                "Political declaration of",
                "Universal health coverage:"
            ]
        );
    }

    #[test]
    fn plain_text_turns_from_the_preamble_where_the_lines_show_it() {
        let full =
            "the quick account of the matters before the Assembly and of the many reports on them";
        // A title run on from its number, with no formula printed, ends at a recital; the
        // first operative number, alone on its line, follows a heading.
        let text = format!(
            "78/225.\n\n\
Enhancing the contributions of the Commission on Crime Prevention to the\n\
implementation of the Agenda for Sustainable Development\n\
Reaffirming its resolution 70/1 of 25 September 2015, on {full}\n\
and on the economy,\n\
Recognizing the importance of {full}\n\
for all,\n\
I\n\
International Convention on the Elimination of All Forms of Racial Discrimination\n\
1.\n\
Reaffirms the importance of {full}\n\
and of the Convention;\n\
2.\n\
Calls upon States to {full}\n\
without delay.\n"
        );
        assert_eq!(
            para_starts(&text, Format::Pdftotext),
            [
                "78/225.",
                "Enhancing the contributions",
                "Reaffirming its resolution",
                "Recognizing the importance",
                "I International Convention",
                "1. Reaffirms the",
                "2. Calls upon",
            ]
        );
        // A single unnumbered operative paragraph after the last recital, and a recital
        // that goes on after a line ending in a comma.
        let text = format!(
            "The General Assembly,\n\
Recalling its resolutions 60/254 of 8 May 2006 and {full},\n\
Having considered the report of the Ethics Office, 1\n\
States that have not done so, and {full},\n\
Takes note of the report of the Ethics Office.\n"
        );
        assert_eq!(
            para_starts(&text, Format::Pdftotext),
            [
                "The General Assembly,",
                "Recalling its resolutions",
                "Having considered the",
                "Takes note of",
            ]
        );
    }

    #[test]
    fn furniture() {
        assert!(is_furniture("2/5", None));
        assert!(is_furniture("18-18142 (E) 021118", None));
        assert!(is_furniture("2/5 18-18142", None));
        assert!(is_furniture("*1817962*", None));
        assert!(is_furniture("A/RES/73/7", Some("A/RES/73/7")));
        assert!(!is_furniture("2017/18", None) || is_folio("2017/18"));
        assert!(!is_folio("2017/18"));
        assert!(!is_furniture("73/6.", None));
        assert!(is_furniture("+1/5", None));
        assert!(!is_furniture("Recalling 2/5", None));
        assert!(is_furniture("2/5 A/RES/73/7", Some("A/RES/73/7")));
        assert!(!is_furniture("\u{a0}", Some("\u{a0}")));
    }

    #[test]
    fn repairs() {
        let mut v = Vocab::default();
        for w in [
            "Conference",
            "humankind",
            "order",
            "States",
            "in",
            "the",
            "of",
        ] {
            v.words.insert(w, v.counts.len());
            v.counts.push(2);
        }
        let repair = |s: &str, v: &Vocab| repair(s, None, v, &mut String::new());
        assert_eq!(
            repair("United Nations Confere nce on", &v),
            "United Nations Conference on"
        );
        assert_eq!(
            repair("for all h umankind and o rder", &v),
            "for all humankind and order"
        );
        assert_eq!(
            repair("post -conflict and high -level", &v),
            "post-conflict and high-level"
        );
        assert_eq!(
            repair("Developing Countries ” and", &v),
            "Developing Countries” and"
        );
        assert_eq!(
            repair("Trafficking in Persons , annexed to 1,000 , 2", &v),
            "Trafficking in Persons, annexed to 1,000, 2"
        );
        assert_eq!(repair("in the", &v), "in the");
        let mut acc = "in conflict and post -".to_string();
        join_line(&mut acc, "conflict societies");
        assert_eq!(acc, "in conflict and post-conflict societies");
    }
}

/// A typed note's first line: its number, a space, its text ("3 See A/65/PV.60.").
fn opens_typed_note(l: &str) -> bool {
    let t = l.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits) && t[digits..].starts_with(' ') && t.len() > digits + 1
}

#[cfg(test)]
mod typed_rule_tests {
    /// Notes typed after a `---` line at each page's end: notes, in order, and the
    /// rule in no paragraph.
    #[test]
    fn notes_after_a_typed_rule_are_notes() -> Result<(), Box<dyn std::error::Error>> {
        let text = "Resolution adopted by the General Assembly on 13 December 2010\n\n\
65/122. Cooperation between the United Nations and the Organization\n\n\
The General Assembly,\n\n\
Recalling its resolution 64/10 of 5 November 2009,1\n\n\
Noting the report of the Secretary-General,2\n\n\
---\n1 See A/64/PV.45.\n2 A/65/382.\n\n\
1. Takes note of the report;\n\n\
2. Decides to include the item in the agenda of its sixty-sixth session.3\n\n\
---\n3 See A/65/PV.60.\n\n\
60th plenary meeting\n13 December 2010\n";
        let doc = crate::read::read(text, None)?.doc;
        let notes: Vec<String> = doc.footnotes.iter().map(|n| n.text.to_plain()).collect();
        assert_eq!(notes, ["See A/64/PV.45.", "A/65/382.", "See A/65/PV.60."]);
        let paras = doc
            .preambular_paragraphs()
            .into_iter()
            .chain(doc.operative_paragraphs());
        for p in paras {
            let t: String = p.content.iter().map(|c| c.to_plain()).collect();
            assert!(!t.contains("---"), "{t}");
        }
        assert_eq!(doc.operative_paragraphs().len(), 2);
        Ok(())
    }
}

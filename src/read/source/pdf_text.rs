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
use crate::lang::is_one_of;
use crate::read::format::Format;
use crate::read::lex::date::{month_number, parse_date};
use crate::read::lex::heading::{article_heading, strip_final_and};
use crate::read::lex::label::{joins_without_space, operative_number, roman_value, sub_label};
use crate::read::lex::masthead::{adoption_has_date, find_symbol, job_number, opens_adoption_line};
use crate::read::lex::meeting::{chinese_closing_line, opens_meeting_line};
use crate::read::lex::number::numeric_ordinal;
use crate::read::lex::opener::opener;
use crate::read::lex::organ::formula_organ;
use crate::read::lex::text::{Words, HIGH, ONES, SOFT};
use crate::read::prepared::{FrontMatter, Note, Para, Prepared};
use std::borrow::Cow;

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

/// A line of input with what the joiner needs to know about it.
#[derive(Debug, Clone)]
pub(crate) struct L<'a> {
    pub(crate) no: usize,
    /// Cleaned; borrowed from the input when there was nothing to clean.
    pub(crate) text: Cow<'a, str>,
    pub(crate) indent: usize,
    pub(crate) page: usize,
    /// A blank line stood before it.
    pub(crate) blank_before: bool,
    /// Page furniture or notes were removed just before it.
    pub(crate) after_break: bool,
    /// It is a formula line ("The General Assembly,").
    pub(crate) formula: bool,
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
    let symbol = lines.iter().take(40).find_map(|(_, l)| find_symbol(l));
    let title = title_guess(&lines);
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
        if !seen_adoption && opens_adoption_line(&t) {
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
        let formula = formula_organ(&t).is_some();
        seen_formula |= formula;
        let after_annex = out
            .last()
            .is_some_and(|l: &L| l.text.starts_with(lang::en::ANNEX[0]));
        if !after_annex
            && ((seen_formula && title_line.as_deref() == Some(&*t))
                || is_running_title(&t, title.as_deref(), &lines, i))
        {
            brk = true;
            continue;
        }
        if is_note_rule(&t) {
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

    // Pass 2: join lines into paragraphs.
    let bases = page_bases(&out);
    let mut paras: Vec<Para> = Vec::new();
    let mut prev: Option<&L> = None;
    // Open quotation marks in the paragraph so far, kept as lines join (not recounted).
    let mut open_quotes = 0i64;
    for l in &out {
        let new = match (prev, paras.last()) {
            (Some(p), Some(acc)) => starts_new(p, l, &acc.text, open_quotes > 0, format, &bases),
            _ => true,
        };
        if new {
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

/// Trims and folds runs of white space to one space.
pub(crate) fn clean_spaces(s: &str) -> String {
    clean(s).into_owned()
}

/// [`clean_spaces`], borrowing from `s` when there is nothing to fold.
pub(crate) fn clean(s: &str) -> Cow<'_, str> {
    // No-break spaces are the print's own and stay: only ASCII white space folds.
    let t = s.trim_ascii();
    let b = t.as_bytes();
    let Some(first) = fold_at(b, 0) else {
        return Cow::Borrowed(t);
    };
    let mut out = String::with_capacity(t.len());
    // Text up to `copied` is in `out`.
    let mut copied = 0;
    let mut fold = Some(first);
    while let Some(k) = fold {
        let run = b
            .get(k..)
            .unwrap_or(&[])
            .iter()
            .take_while(|c| c.is_ascii_whitespace())
            .count();
        out.push_str(t.get(copied..k).unwrap_or(""));
        out.push(' ');
        copied = k + run;
        fold = fold_at(b, copied);
    }
    out.push_str(t.get(copied..).unwrap_or(""));
    Cow::Owned(out)
}

/// Where the first run of white space from `from` on starts that is not one plain space
/// (as `u8::is_ascii_whitespace` has it). Eight bytes are read at a time while they hold no
/// control byte and no two spaces in a row.
pub(crate) fn fold_at(b: &[u8], from: usize) -> Option<usize> {
    let folds = |i: usize| {
        b.get(i).is_some_and(|&c| {
            c.is_ascii_whitespace()
                && (c != b' ' || b.get(i + 1).is_some_and(u8::is_ascii_whitespace))
        })
    };
    let mut i = from;
    while let Some(w) = b.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
        let x = u64::from_le_bytes(w);
        // Top bits: of some byte if one is below 0x20; of each space (and maybe of a '!'
        // just after one).
        let control = x.wrapping_sub(0x20 * ONES) & !x & HIGH;
        let v = x ^ (0x20 * ONES);
        let spaces = v.wrapping_sub(ONES) & !v & HIGH;
        // A space in the last byte may have white space after it, in the next eight.
        if control != 0 || spaces & (spaces >> 8) != 0 || spaces >> 63 != 0 {
            if let Some(k) = (i..i + 8).find(|&k| folds(k)) {
                return Some(k);
            }
        }
        i += 8;
    }
    (i..b.len()).find(|&k| folds(k))
}

/// A layout line with its wide gaps kept as line breaks, so that right-aligned
/// masthead fields ("General Assembly      Distr.: General") read as separate fields.
pub(crate) fn collapse_layout(s: &str) -> String {
    let t: Cow<str> = if s.contains('\x0C') {
        s.replace('\x0C', "").into()
    } else {
        s.into()
    };
    // The pieces between runs of three spaces (as `split("   ")`), trimmed, one space apart.
    let mut out = String::with_capacity(t.len());
    let mut rest = t.as_ref();
    loop {
        let gap = rest.as_bytes().windows(3).position(|w| w == b"   ");
        let (chunk, after) = match gap {
            Some(k) => (rest.get(..k).unwrap_or(""), rest.get(k + 3..)),
            None => (rest, None),
        };
        let c = chunk.trim();
        if !c.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(c);
        }
        match after {
            Some(a) => rest = a,
            None => return out,
        }
    }
}

/// Folios ("2/5"), the symbol, job numbers, barcodes and date stamps, alone or together on a line.
pub(crate) fn is_furniture(t: &str, symbol: Option<&str>) -> bool {
    if symbol == Some(t) && !t.trim().is_empty() {
        return true;
    }
    // A first token of furniture starts with a digit or sign (folio, job number, date
    // stamp), '*' (barcode) or as the symbol does: most lines fail on their first byte.
    if let Some(&first) = t.as_bytes().first() {
        if first.is_ascii_graphic()
            && !matches!(first, b'0'..=b'9' | b'+' | b'*')
            && symbol.is_none_or(|s| s.as_bytes().first() != Some(&first))
        {
            return false;
        }
    }
    // Tokens are read one at a time: most lines fail on their first.
    let mut tokens = t.split_whitespace().peekable();
    if tokens.peek().is_none() {
        return false;
    }
    let mut any = false;
    while let Some(tok) = tokens.next() {
        let is = is_folio(tok)
            || symbol == Some(tok)
            || job_number(tok).is_some()
            || (tok == "(E)" && any)
            // The release date stamp ("021118"), next to the job number or alone.
            || (tok.len() == 6
                && tok.bytes().all(|b| b.is_ascii_digit())
                && (any || tokens.peek().is_none()))
            || (tok.len() > 2
                && tok.starts_with('*')
                && tok.ends_with('*')
                && tok[1..tok.len() - 1]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric()));
        if !is {
            return false;
        }
        any = true;
    }
    any
}

pub(crate) fn is_folio(tok: &str) -> bool {
    let Some((a, b)) = tok.split_once('/') else {
        return false;
    };
    let (Ok(x), Ok(y)) = (a.parse::<u32>(), b.parse::<u32>()) else {
        return false;
    };
    x >= 1 && x <= y && y <= 500 && !a.starts_with('0')
}

pub(crate) fn is_note_rule(t: &str) -> bool {
    t.len() >= 5 && t.chars().all(|c| c == '_')
}

/// The title from the number-and-title line and what follows it up to the formula.
pub(crate) fn title_guess(lines: &[(usize, &str)]) -> Option<String> {
    let start = lines.iter().position(|(_, l)| {
        let t = l.trim();
        let head = t.split_whitespace().next().unwrap_or("");
        head.ends_with('.')
            && head.contains('/')
            && head
                .trim_end_matches('.')
                .split('/')
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    })?;
    let mut title = String::new();
    let first = clean_spaces(lines[start].1);
    let rest = first.split_once(' ').map(|x| x.1).unwrap_or("");
    title.push_str(rest);
    for (_, l) in lines.iter().skip(start + 1).take(6) {
        let t = clean_spaces(l);
        if t.is_empty() {
            if title.is_empty() {
                continue;
            }
            break;
        }
        if formula_organ(&t).is_some() {
            break;
        }
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(&t);
    }
    (!title.is_empty()).then_some(title)
}

/// A running head with the (short) title, next to other furniture.
pub(crate) fn is_running_title(
    t: &str,
    title: Option<&str>,
    lines: &[(usize, &str)],
    next: usize,
) -> bool {
    let Some(title) = title else { return false };
    let tn = t.trim();
    // Longer than the title: neither the title nor a line of it.
    if tn.len() > title.len()
        || t.ends_with(['.', ',', ';', ':'])
        || t.split_whitespace().nth(1).is_none()
    {
        return false;
    }
    // The running head is the title, or a line of it when it wraps.
    if !(title == tn || (contains_short(title, tn) && tn.split_whitespace().nth(2).is_some())) {
        return false;
    }
    // Furniture (symbol, folio, job number) must be close by: it is a page head, not the title itself.
    let near = |l: &&(usize, &str)| {
        let c = clean_spaces(l.1);
        is_folio(&c) || find_symbol(&c).is_some_and(|s| s == c) || job_number(&c).is_some()
    };
    let after = lines.iter().skip(next).take(4).any(|l| near(&l));
    let before = lines
        .iter()
        .take(next.saturating_sub(1))
        .rev()
        .take(4)
        .any(|l| near(&l));
    after || before
}

/// `hay.contains(needle)` for a short haystack, such as a title: a plain scan costs less
/// than setting up the general searcher for every line.
pub(crate) fn contains_short(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return true;
    };
    // UTF-8 is self-synchronising: a byte match of a whole text is a match of its characters.
    h.len() >= n.len()
        && h.windows(n.len())
            .any(|w| w.first() == Some(&first) && w == n)
}

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

/// Ends like the end of a paragraph (footnote digits after the punctuation allowed).
pub(crate) fn ends_para(s: &str) -> bool {
    let t = s.trim_end();
    let t = t.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
    let t = strip_final_and(t);
    // With the Chinese (full-width) and Arabic stops, commas and semicolons.
    t.ends_with([
        '.', ';', ':', ',', '?', '!', '”', ']', '。', '，', '；', '：', '،', '؛', '؟',
    ])
}

/// A bare number or label: "1.", "(a)", "I.", "73/6.".
pub(crate) fn bare_label(s: &str) -> bool {
    let t = s.trim();
    // "(viii)" is the longest.
    if t.len() > 8 {
        return false;
    }
    operative_number(t).is_some_and(|(_, rest)| rest.is_empty())
        || sub_label(t).is_some_and(|(_, rest)| rest.is_empty())
        || (t.len() <= 5
            && roman_value(t.trim_end_matches('.')).is_some()
            && t.chars().all(|c| c.is_ascii_uppercase() || c == '.'))
}

/// Opens a new structural unit whatever came before; `formula`: `c` is a formula line.
pub(crate) fn hard_start(c: &str, formula: bool) -> bool {
    let first = Words::new(c).next();
    formula
        || opens_adoption_line(c)
        || (first.is_some_and(|w| w.starts_with(|ch: char| ch.is_ascii_digit()))
            && opens_meeting_line(c))
        || first.is_some_and(|w| is_one_of(w, lang::ANNEX_LINE_STARTS))
            && c.split_whitespace().nth(2).is_none()
        || chinese_closing_line(c)
        // "Article 11" of a declaration: a heading line of its own.
        || c.len() < 40 && article_heading(c)
}

/// Open “ less closing ” quotation marks in `t`.
pub(crate) fn quote_balance(t: &str) -> i64 {
    // Both marks start with the byte E2: most lines have none.
    if !t.as_bytes().contains(&0xE2) {
        return 0;
    }
    t.matches('“').count() as i64 - t.matches('”').count() as i64
}

/// Opens a paragraph when the line before ended one.
pub(crate) fn soft_start(c: &str) -> bool {
    operative_number(c).is_some()
        || sub_label(c).is_some()
        || c.starts_with('[')
        || bare_label(c)
        || {
            let head = Words::new(c).next().unwrap_or("");
            head.ends_with('.')
                && head.contains('/')
                && head.chars().next().is_some_and(|ch| ch.is_ascii_digit())
        }
        || {
            let (h, _) = c.split_once(' ').unwrap_or((c, ""));
            h.ends_with('.')
                && h.len() <= 6
                && roman_value(h.trim_end_matches('.')).is_some()
                && h.chars().all(|ch| ch.is_ascii_uppercase() || ch == '.')
        }
}

/// Whether `cur` opens a new paragraph after `prev`, which ended the paragraph `acc` so far.
/// Checks on `acc` are bounded to short paragraphs, so that joining stays linear.
pub(crate) fn starts_new(
    prev: &L,
    cur: &L,
    acc: &str,
    in_quote: bool,
    format: Format,
    bases: &[usize],
) -> bool {
    let c: &str = &cur.text;
    let p: &str = &prev.text;
    if bare_label(acc) {
        return false;
    }
    // A footnote left in the body ("4 A/50/426, annex.") never runs on into the text after it,
    // nor an article heading into its article.
    if note_like(acc) || acc.len() < 40 && article_heading(acc) {
        return true;
    }
    // Formula, adoption, meeting and annex lines are short.
    let short = acc.len() < 160;
    let acc_hard = || {
        // A paragraph of one line is that line, whose formula test is known.
        let formula = if acc == p {
            prev.formula
        } else {
            formula_organ(acc).is_some()
        };
        hard_start(acc, formula)
    };
    if hard_start(c, cur.formula) || short && !opens_adoption_line(acc) && acc_hard() {
        return true;
    }
    if short && opens_adoption_line(acc) {
        // "Resolution adopted by the General Assembly" / "on 19 September 2025" (or "le",
        // "el", "في" and the date).
        let date_next =
            lang::DATE_INTRODUCERS.iter().any(|w| c.starts_with(w)) || parse_date(c).is_some();
        return !date_next || adoption_has_date(acc);
    }
    if acc.starts_with('[') && acc.len() < 400 && !acc.contains(']') {
        return false;
    }
    // Inside a quotation ("entitled “… All States,\nTaking into Particular Account …”").
    if in_quote {
        return false;
    }
    let ended = ends_para(p) || (acc.len() < 400 && heading_like(acc));
    if ended && soft_start(c) {
        return true;
    }
    match format {
        // One paragraph per line mostly, but a paragraph can follow another without a blank line.
        Format::Cleaned => (cur.blank_before && !starts_lower(c)) || (ended && opener(c)),
        Format::Pymupdf => {
            if cur.after_break {
                ended && opener(c)
            } else {
                cur.blank_before
                    && !starts_lower(c)
                    && (ended || !c.starts_with(|ch: char| ch.is_ascii_digit()))
            }
        }
        Format::PdftotextLayout => {
            let base = bases.get(cur.page).copied().unwrap_or(0);
            (cur.indent >= base + 4 && ended && (!starts_lower(c) || opener(c)))
                || (ended && opener(c) && cur.after_break)
        }
        _ => ended && opener(c),
    }
}

/// "4 A/50/426, annex.": a footnote's number, a space and its text.
pub(crate) fn note_like(s: &str) -> bool {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 || !s[digits..].starts_with(' ') {
        return false;
    }
    let rest = s[digits..].trim_start();
    let first = rest.split_whitespace().next().unwrap_or("");
    month_number(first.trim_end_matches([',', '.'])).is_none()
        && rest
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c == '“')
        && s.trim_end().ends_with('.')
}

pub(crate) fn heading_like(acc: &str) -> bool {
    let t = acc.trim();
    if t.ends_with(['.', ',', ';', ':']) {
        return false;
    }
    // Words are counted only as far as the limits.
    let at_most = |n: usize| Words::new(t).nth(n).is_none();
    // "II. Implementation of …" headings run long.
    let (h, _) = t.split_once(' ').unwrap_or((t, ""));
    let numbered = h.ends_with('.') && roman_value(h.trim_end_matches('.')).is_some();
    (numbered && at_most(30))
        || (t.chars().next().is_some_and(char::is_uppercase)
            && !t.contains(lang::en::SPACED_THE)
            && at_most(12))
}

pub(crate) fn starts_lower(s: &str) -> bool {
    s.chars()
        .find(|c| !matches!(c, '“' | '"' | '‘' | '('))
        .is_some_and(char::is_lowercase)
}

/// Joins a hard-wrapped line onto its paragraph.
pub(crate) fn join_line(acc: &mut String, next: &str) {
    // A hyphen at the end of a line: a word broken by the typesetter ("encour-" + "age")
    // or a compound's own hyphen ("seventy-" + "fourth"). Marked for now; `repair` decides
    // with the document's own words.
    if acc.ends_with('-') && !acc.ends_with(" -") {
        let broken = acc.chars().rev().nth(1).is_some_and(char::is_alphabetic)
            && next.chars().next().is_some_and(char::is_lowercase);
        if broken {
            acc.pop();
            acc.push(SOFT);
        }
        acc.push_str(next);
        return;
    }
    // "post -" + "conflict": a justification artefact of a hyphen.
    if acc.ends_with(" -") {
        acc.pop();
        acc.pop();
        acc.push('-');
        acc.push_str(next);
        return;
    }
    // Chinese lines break inside words, and its words have no spaces between them.
    if !joins_without_space(acc, next) {
        acc.push(' ');
    }
    acc.push_str(next);
}

#[cfg(test)]
mod tests {
    use super::super::repair::*;
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
        assert_eq!(repair("in the", &v), "in the");
        let mut acc = "in conflict and post -".to_string();
        join_line(&mut acc, "conflict societies");
        assert_eq!(acc, "in conflict and post-conflict societies");
    }
}

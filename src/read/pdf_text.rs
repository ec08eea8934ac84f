//! Text extracted from the official PDF (PyMuPDF raw text, the cleaned
//! Markdown-like text, `pdftotext -layout`, plain `pdftotext`) and one-block-
//! per-line text.
//!
//! Removes page furniture (running heads, folios, job numbers, barcodes),
//! takes the footnotes from the page feet, joins hard-wrapped lines and
//! paragraphs split by page breaks, and repairs justification artefacts.

use super::inline;
use super::masthead::{self, find_symbol, job_number};
use super::structure::{
    self, formula_organ, operative_number, sub_label, FrontMatter, Note, Para, Prepared,
};
use super::Format;
use crate::diag::Diagnostic;
use std::borrow::Cow;
use std::collections::HashMap;

/// The YAML front matter block (between `---` lines at the very start), if any.
pub fn front_matter_block(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("---\n")?;
    let end = rest
        .find("\n---\n")
        .or_else(|| rest.strip_suffix("\n---").map(|r| r.len()))?;
    Some(&rest[..end])
}

fn parse_front_matter(block: &str) -> FrontMatter {
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
struct L<'a> {
    no: usize,
    /// Cleaned; borrowed from the input when there was nothing to clean.
    text: Cow<'a, str>,
    indent: usize,
    page: usize,
    /// A blank line stood before it.
    blank_before: bool,
    /// Page furniture or notes were removed just before it.
    after_break: bool,
    /// It is a formula line ("The General Assembly,").
    formula: bool,
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
                            .find(" plenary meeting")
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
                || (t.contains(" plenary meeting")
                    && t.split_whitespace()
                        .next()
                        .and_then(inline::numeric_ordinal)
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
        if !seen_adoption && masthead::opens_adoption_line(&t) {
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
        let after_annex = out.last().is_some_and(|l: &L| l.text.starts_with("Annex"));
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
            .push(Diagnostic::warning(0, "no body text found"));
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
fn clean_spaces(s: &str) -> String {
    clean(s).into_owned()
}

/// [`clean_spaces`], borrowing from `s` when there is nothing to fold.
fn clean(s: &str) -> Cow<'_, str> {
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
fn fold_at(b: &[u8], from: usize) -> Option<usize> {
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
fn collapse_layout(s: &str) -> String {
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
fn is_furniture(t: &str, symbol: Option<&str>) -> bool {
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

fn is_folio(tok: &str) -> bool {
    let Some((a, b)) = tok.split_once('/') else {
        return false;
    };
    let (Ok(x), Ok(y)) = (a.parse::<u32>(), b.parse::<u32>()) else {
        return false;
    };
    x >= 1 && x <= y && y <= 500 && !a.starts_with('0')
}

fn is_note_rule(t: &str) -> bool {
    t.len() >= 5 && t.chars().all(|c| c == '_')
}

/// The title from the number-and-title line and what follows it up to the formula.
fn title_guess(lines: &[(usize, &str)]) -> Option<String> {
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
fn is_running_title(t: &str, title: Option<&str>, lines: &[(usize, &str)], next: usize) -> bool {
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
fn contains_short(hay: &str, needle: &str) -> bool {
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
fn collect_notes(
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

fn ends_note(t: &str) -> bool {
    t.trim_end().ends_with(['.', ')'])
}

/// Pairs the pending numbers (in increasing order) with the text groups (in order).
fn flush_groups(
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
fn page_bases(lines: &[L]) -> Vec<usize> {
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
fn ends_para(s: &str) -> bool {
    let t = s.trim_end();
    let t = t.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
    let t = structure::strip_final_and(t);
    // With the Chinese (full-width) and Arabic stops, commas and semicolons.
    t.ends_with([
        '.', ';', ':', ',', '?', '!', '”', ']', '。', '，', '；', '：', '،', '؛', '؟',
    ])
}

/// A bare number or label: "1.", "(a)", "I.", "73/6.".
fn bare_label(s: &str) -> bool {
    let t = s.trim();
    // "(viii)" is the longest.
    if t.len() > 8 {
        return false;
    }
    operative_number(t).is_some_and(|(_, rest)| rest.is_empty())
        || sub_label(t).is_some_and(|(_, rest)| rest.is_empty())
        || (t.len() <= 5
            && structure::roman_value(t.trim_end_matches('.')).is_some()
            && t.chars().all(|c| c.is_ascii_uppercase() || c == '.'))
}

/// Opens a new structural unit whatever came before; `formula`: `c` is a formula line.
fn hard_start(c: &str, formula: bool) -> bool {
    let first = Words::new(c).next();
    formula
        || masthead::opens_adoption_line(c)
        || (first.is_some_and(|w| w.starts_with(|ch: char| ch.is_ascii_digit()))
            && structure::opens_meeting_line(c))
        || matches!(first, Some("Annex" | "Annexe" | "Anexo"))
            && c.split_whitespace().nth(2).is_none()
        || structure::chinese_closing_line(c)
        // "Article 11" of a declaration: a heading line of its own.
        || c.len() < 40 && structure::article_heading(c)
}

/// Open “ less closing ” quotation marks in `t`.
fn quote_balance(t: &str) -> i64 {
    // Both marks start with the byte E2: most lines have none.
    if !t.as_bytes().contains(&0xE2) {
        return 0;
    }
    t.matches('“').count() as i64 - t.matches('”').count() as i64
}

/// Opens a paragraph when the line before ended one.
fn soft_start(c: &str) -> bool {
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
                && structure::roman_value(h.trim_end_matches('.')).is_some()
                && h.chars().all(|ch| ch.is_ascii_uppercase() || ch == '.')
        }
}

/// Common openers of preambular paragraphs.
pub const OPENERS: &[&str] = &[
    "Recalling",
    "Reaffirming",
    "Desirous",
    "Anxious",
    "Confident",
    "Resolved",
    "Appreciative",
    "Satisfied",
    "Disturbed",
    "Shocked",
    "Ever",
    "Encouraged",
    "Acting",
    "Noting",
    "Welcoming",
    "Recognizing",
    "Emphasizing",
    "Stressing",
    "Convinced",
    "Concerned",
    "Expressing",
    "Acknowledging",
    "Bearing",
    "Taking",
    "Mindful",
    "Aware",
    "Conscious",
    "Determined",
    "Underlining",
    "Reiterating",
    "Deeply",
    "Gravely",
    "Alarmed",
    "Affirming",
    "Considering",
    "Guided",
    "Having",
    "Desiring",
    "Believing",
    "Encouraged",
    "Commending",
    "Appreciating",
    "Highlighting",
    "Underscoring",
    "Regretting",
    "Referring",
    "Calling",
    "Observing",
    "Acknowledging",
    "Cognizant",
    "Realizing",
    "Seriously",
    "Strongly",
    "Reiterating",
    "Wishing",
    "Looking",
    "Viewing",
    "Whereas",
    "Pointing",
    "Deploring",
    "Condemning",
    "Expressing",
    "Further",
    "Also",
    "Keeping",
    "Seeking",
    "Fully",
    "Re-emphasizing",
    "Bearing",
    "Declaring",
    "Affirming",
    // Further openers of the UN's preambular phrases.
    "Honouring",
    "Sharing",
    "Encouraging",
    "Urging",
    "Approving",
    "Endorsing",
    "Expecting",
    "Fulfilling",
    "Reminding",
    "Paying",
    "Profoundly",
    "Reassured",
    "Saluting",
    "Commemorating",
    "Celebrating",
    "Applauding",
    "Accepting",
    "Committed",
    "Resolving",
    "Responding",
    "Supporting",
    "Troubled",
    "Thanking",
    "Renewing",
    "Reviewing",
    "Inspired",
    "Heartened",
    "Gratified",
    "Dismayed",
    "Distressed",
    "Contemplating",
    "Guided",
    "Cognisant",
    "Recognising",
    "Emphasising",
    "Realising",
];

pub fn opener(c: &str) -> bool {
    let first = Words::new(c).next().unwrap_or("").trim_end_matches(',');
    OPENERS.contains(&first) || other_opener(c, first)
}

/// Openers of preambular paragraphs in French ("Rappelant", "Considérant", "Consciente"),
/// Spanish ("Recordando", "Teniendo", "Convencida"), Russian ("Ссылаясь", and "принимая"
/// in lower case as the Universal Declaration prints it), Arabic ("وإذ", "ولما") and
/// Chinese ("鉴于"). French and Spanish present participles and gerunds are told by their
/// endings; a capital is asked of them, so that a wrapped line does not pass.
fn other_opener(c: &str, first: &str) -> bool {
    const WORDS: &[&str] = &[
        "Consciente",
        "Convaincue",
        "Profondément",
        "Gravement",
        "Préoccupée",
        "Résolue",
        "Soucieuse",
        "Déterminée",
        "Guidée",
        "Convencida",
        "Preocupada",
        "Profundamente",
        "Guiada",
        "Decidida",
        "Alarmada",
        "Considérant",
    ];
    const RUSSIAN: &[&str] = &[
        "принимая",
        "ссылаясь",
        "подтверждая",
        "отмечая",
        "признавая",
        "учитывая",
        "напоминая",
        "сознавая",
        "памятуя",
        "будучи",
        "выражая",
        "приветствуя",
        "подчеркивая",
        "считая",
        "рассмотрев",
        "констатируя",
        "желая",
        "руководствуясь",
        "вновь",
        "глубоко",
        "серьезно",
        "поощряя",
        "осуждая",
        "исходя",
    ];
    let capital = first.starts_with(char::is_uppercase);
    // English has words in -ant too ("Pursuant to", "Significant progress"): a French
    // participle is followed by a French word.
    let french = first.ends_with("ant") && {
        let next = c.get(first.len()..).unwrap_or("").split_whitespace().next();
        next.is_some_and(|w| {
            matches!(
                w,
                "que"
                    | "la"
                    | "le"
                    | "les"
                    | "sa"
                    | "son"
                    | "ses"
                    | "avec"
                    | "également"
                    | "aussi"
                    | "en"
                    | "de"
                    | "des"
                    | "du"
                    | "à"
                    | "au"
                    | "aux"
                    | "par"
                    | "notamment"
                    | "une"
                    | "un"
                    | "tous"
                    | "toutes"
                    | "leur"
                    | "leurs"
                    | "note"
                    | "acte"
                    | "compte"
            ) || w.starts_with(['l', 'd', 'q']) && w.contains(['’', '\''])
        })
    };
    let romance = first.chars().count() >= 6
        && (french || first.ends_with("ando") || first.ends_with("iendo"));
    capital && (romance || WORDS.contains(&first))
        || RUSSIAN
            .iter()
            .any(|w| first.len() == w.len() && inline::lowercase(first) == *w)
        || matches!(first, "إذ" | "وإذ" | "لما" | "ولما")
        || c.starts_with("鉴于")
        || c.starts_with("鑑於")
}

/// Whether `cur` opens a new paragraph after `prev`, which ended the paragraph `acc` so far.
/// Checks on `acc` are bounded to short paragraphs, so that joining stays linear.
fn starts_new(
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
    if note_like(acc) || acc.len() < 40 && structure::article_heading(acc) {
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
    if hard_start(c, cur.formula) || short && !masthead::opens_adoption_line(acc) && acc_hard() {
        return true;
    }
    if short && masthead::opens_adoption_line(acc) {
        // "Resolution adopted by the General Assembly" / "on 19 September 2025" (or "le",
        // "el", "في" and the date).
        let date_next = ["on ", "le ", "el ", "في "]
            .iter()
            .any(|w| c.starts_with(w))
            || inline::parse_date(c).is_some();
        return !date_next || masthead::adoption_has_date(acc);
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
fn note_like(s: &str) -> bool {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 || !s[digits..].starts_with(' ') {
        return false;
    }
    let rest = s[digits..].trim_start();
    let first = rest.split_whitespace().next().unwrap_or("");
    inline::month_number(first.trim_end_matches([',', '.'])).is_none()
        && rest
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c == '“')
        && s.trim_end().ends_with('.')
}

fn heading_like(acc: &str) -> bool {
    let t = acc.trim();
    if t.ends_with(['.', ',', ';', ':']) {
        return false;
    }
    // Words are counted only as far as the limits.
    let at_most = |n: usize| Words::new(t).nth(n).is_none();
    // "II. Implementation of …" headings run long.
    let (h, _) = t.split_once(' ').unwrap_or((t, ""));
    let numbered = h.ends_with('.') && structure::roman_value(h.trim_end_matches('.')).is_some();
    (numbered && at_most(30))
        || (t.chars().next().is_some_and(char::is_uppercase) && !t.contains(" the ") && at_most(12))
}

fn starts_lower(s: &str) -> bool {
    s.chars()
        .find(|c| !matches!(c, '“' | '"' | '‘' | '('))
        .is_some_and(char::is_lowercase)
}

/// Joins a hard-wrapped line onto its paragraph.
/// Stands for a line-end hyphen until the document's words decide it.
const SOFT: char = '\u{AD}';

fn join_line(acc: &mut String, next: &str) {
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
    if !structure::joins_without_space(acc, next) {
        acc.push(' ');
    }
    acc.push_str(next);
}

/// The vocabulary's hasher: words are short and SipHash's strength is not needed here, so
/// eight bytes are mixed at a time with a multiply (as rustc's FxHash does).
#[derive(Default)]
pub struct WordHasher(u64);

impl WordHasher {
    const K: u64 = 0xf135_7aea_2e62_a9c5;

    fn mix(&mut self, x: u64) {
        self.0 = self.0.wrapping_add(x).wrapping_mul(Self::K);
    }
}

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        // The multiply leaves its best bits high; the table indexes with the low ones.
        self.0.rotate_left(26)
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.mix(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        // The last 1 to 7 bytes in two overlapping reads (or three single bytes); with the
        // length, different tails give different values.
        let n = rest.len();
        let read = |k: usize, w: usize| {
            rest.get(k..k + w).map_or(0, |b| {
                b.iter().rev().fold(0u64, |x, &b| x << 8 | u64::from(b))
            })
        };
        let x = match n {
            0 => return,
            1..=3 => read(0, 1) | read(n / 2, 1) << 8 | read(n - 1, 1) << 16,
            _ => read(0, 4) | read(n - 4, 4) << 32,
        };
        self.mix(x ^ ((n as u64) << 59));
    }
    fn write_u8(&mut self, i: u8) {
        self.mix(u64::from(i));
    }
}

type Counts<'a> = HashMap<&'a str, usize, std::hash::BuildHasherDefault<WordHasher>>;

/// Word counts of a document, borrowing the words from its text.
#[derive(Default)]
struct Vocab<'a> {
    /// Words trimmed of punctuation, with their places in `counts`.
    words: Counts<'a>,
    counts: Vec<usize>,
    /// The parts of compounds ("non" of "non-State"), counted apart from the words.
    parts: Counts<'a>,
    /// The words of each text, in the order of [`vocabulary`]'s texts, when the text can
    /// be read again from them: only plain spaces between words, and no soft hyphen.
    texts: Vec<Option<std::ops::Range<usize>>>,
    tokens: Vec<Token>,
}

/// A word of a text: where it is, and the place of its trimmed form in `Vocab::counts`.
#[derive(Clone, Copy)]
struct Token {
    at: usize,
    len: usize,
    id: Option<usize>,
}

impl<'a> Vocab<'a> {
    /// Counts the word `w` and gives its place; `may_dash`: it may have a hyphen.
    fn add(&mut self, w: &'a str, may_dash: bool) -> usize {
        let next = self.counts.len();
        let id = *self.words.entry(w).or_insert(next);
        match self.counts.get_mut(id) {
            Some(n) => *n += 1,
            None => self.counts.push(1),
        }
        // The parts of a compound count as words too, marked apart ("non" of "non-State").
        if may_dash && w.contains(['-', '\u{2011}']) {
            for part in w.split(['-', '\u{2011}']).filter(|p| !p.is_empty()) {
                *self.parts.entry(part).or_insert(0) += 1;
            }
        }
        id
    }

    /// How often the document has the word `w`.
    fn count(&self, w: &str) -> usize {
        // A key led by PART names a part (words never start with PART: it is no alphanumeric).
        match w.strip_prefix(PART) {
            Some(part) => self.parts.get(part).copied().unwrap_or(0),
            None => self.word_count(w),
        }
    }

    /// How often the document has the word `w` (not a part).
    fn word_count(&self, w: &str) -> usize {
        self.words
            .get(w)
            .and_then(|&id| self.counts.get(id))
            .copied()
            .unwrap_or(0)
    }

    /// The word stands in the document, alone or as a part of a compound.
    fn known(&self, w: &str) -> bool {
        self.count(w) > 0 || self.parts.contains_key(w)
    }
}

/// Word counts of the document, for deciding repairs, from the texts in the order given.
fn vocabulary<'a>(texts: &[&'a str]) -> Vocab<'a> {
    let size: usize = texts.iter().map(|t| t.len()).sum();
    // About one new word in every ten bytes of a document, and a word in every five: the
    // tables seldom grow.
    let mut v = Vocab {
        words: Counts::with_capacity_and_hasher(size / 10, Default::default()),
        counts: Vec::with_capacity(size / 10),
        tokens: Vec::with_capacity(size / 5),
        texts: Vec::with_capacity(texts.len()),
        ..Vocab::default()
    };
    for &t in texts {
        // Soft hyphens are resolved before repair: then the text is read anew.
        let keep = !t.contains(SOFT);
        let first = v.tokens.len();
        let mut words = Words::new(t);
        while let Some(w) = words.next() {
            let marks = words.marks;
            let at = words.at - w.len();
            let core = trim_non_alnum(w);
            let id = if core.is_empty() || marks & MAY_SOFT != 0 && core.contains(SOFT) {
                None
            } else {
                Some(v.add(core, marks & MAY_DASH != 0))
            };
            if keep {
                v.tokens.push(Token {
                    at,
                    len: w.len(),
                    id,
                });
            }
        }
        if keep && words.plain {
            v.texts.push(Some(first..v.tokens.len()));
        } else {
            v.tokens.truncate(first);
            v.texts.push(None);
        }
    }
    v
}

/// Repairs justification artefacts: "high -level", "Secretary -General", "Confere nce",
/// "h umankind", "Countries ”". `scratch` is a buffer for looking up joined words.
/// `tokens`: the words of `s` as the vocabulary read them, if it kept them.
fn repair(s: &str, tokens: Option<&[Token]>, vocab: &Vocab, scratch: &mut String) -> String {
    // Line-end hyphens first: each word that has one is decided, the rest copied.
    let mut resolved = String::new();
    let (s, tokens) = if s.contains(SOFT) {
        let mut rest = s;
        while let Some(k) = rest.find(SOFT) {
            let (before, after) = rest.split_at(k);
            let start = before.rfind(' ').map_or(0, |p| p + 1);
            let end = after.find(' ').map_or(rest.len(), |p| k + p);
            resolved.push_str(&rest[..start]);
            resolved.push_str(&resolve_soft(&rest[start..end], vocab));
            rest = &rest[end..];
        }
        resolved.push_str(rest);
        (resolved.as_str(), None)
    } else {
        (s, tokens)
    };
    let mut words = match tokens {
        Some(t) => WordSource::Tokens(s, t.iter()),
        None => WordSource::Scan(SpaceWords::new(s)),
    };
    let mut out = Repaired::new(s);
    // The last word looked up in the vocabulary: the second piece of one pair is the
    // first of the next.
    let mut last: Option<(&str, usize)> = None;
    let mut next_word = words.next();
    while let Some(word) = next_word {
        next_word = words.next();
        let w = word.text;
        let next = next_word.map(|n| n.text);
        // "post -" "conflict" / "high -level": the hyphen lost its word.
        if let Some(rest) = w.strip_prefix('-') {
            let text = out.text();
            if rest.chars().next().is_some_and(char::is_alphabetic)
                && text.chars().next_back().is_some_and(char::is_alphanumeric)
            {
                text.push('-');
                text.push_str(rest);
                continue;
            }
        }
        if w == "-" {
            if let Some(next) = next {
                let text = out.text();
                if text.chars().next_back().is_some_and(char::is_alphabetic)
                    && next.chars().next().is_some_and(char::is_lowercase)
                {
                    text.push('-');
                    text.push_str(next);
                    next_word = words.next();
                    continue;
                }
            }
        }
        // "nuclear- weapon-free", "capacity- building": a hyphen the justification set apart.
        // "information- and infrastructure-sharing" is a suspended hyphen and stays.
        if w.len() > 1
            && w.ends_with('-')
            && w.chars().rev().nth(1).is_some_and(char::is_alphabetic)
        {
            if let Some(next) = next {
                let suspended = matches!(
                    next,
                    "and"
                        | "or"
                        | "nor"
                        | "to"
                        | "as"
                        | "and/or"
                        | "et"
                        | "ou"
                        | "y"
                        | "o"
                        | "и"
                        | "или"
                );
                if !suspended && next.chars().next().is_some_and(char::is_alphabetic) {
                    out.push(w).push_str(next);
                    next_word = words.next();
                    continue;
                }
            }
        }
        if let Some(fixed) = number_compound(w) {
            out.push(&fixed);
            continue;
        }
        // A closing quote set off by a space: "Countries ”".
        if w.as_bytes().first() == Some(&0xE2)
            && w.starts_with('”')
            && w.chars().nth(1).is_none_or(|c| !c.is_alphanumeric())
        {
            let text = out.text();
            if !text.is_empty() {
                text.push_str(w);
                continue;
            }
        }
        // A word split in two: join when only the whole is a word of this document.
        if let Some(next) = next_word {
            if split_word_repair(word, next, vocab, scratch, &mut last) {
                out.push(w).push_str(next.text);
                next_word = words.next();
                continue;
            }
        }
        out.keep(word.at, w);
    }
    out.finish()
}

/// A repaired text being written: words a space apart. Words that stay as they were are
/// copied from the source in runs, not one by one.
struct Repaired<'a> {
    source: &'a str,
    text: String,
    /// The source's words from `.0` to `.1`, kept and not yet copied.
    run: Option<(usize, usize)>,
}

impl<'a> Repaired<'a> {
    fn new(source: &'a str) -> Self {
        Repaired {
            source,
            text: String::with_capacity(source.len()),
            run: None,
        }
    }

    /// Keeps the source's word `w`, which starts at byte `at`.
    fn keep(&mut self, at: usize, w: &str) {
        let end = at + w.len();
        match &mut self.run {
            // One space apart in the source: as in the text.
            Some((_, e)) if *e + 1 == at => *e = end,
            _ => {
                self.flush();
                self.run = Some((at, end));
            }
        }
    }

    /// Writes a new word; the text, to extend it.
    fn push(&mut self, w: &str) -> &mut String {
        let text = self.text();
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(w);
        text
    }

    /// The text so far, all words written.
    fn text(&mut self) -> &mut String {
        self.flush();
        &mut self.text
    }

    fn flush(&mut self) {
        if let Some((a, b)) = self.run.take() {
            if !self.text.is_empty() {
                self.text.push(' ');
            }
            self.text.push_str(self.source.get(a..b).unwrap_or(""));
        }
    }

    fn finish(mut self) -> String {
        self.flush();
        self.text
    }
}

/// A word of a text between single spaces.
#[derive(Clone, Copy)]
struct SpaceWord<'a> {
    /// Where it starts in the text.
    at: usize,
    text: &'a str,
    /// Its trimmed form's place in the vocabulary, when known.
    id: Option<usize>,
}

/// The words of a text for repair: those the vocabulary kept, or read anew.
enum WordSource<'s, 't> {
    Tokens(&'s str, std::slice::Iter<'t, Token>),
    Scan(SpaceWords<'s>),
}

impl<'s> Iterator for WordSource<'s, '_> {
    type Item = SpaceWord<'s>;
    fn next(&mut self) -> Option<SpaceWord<'s>> {
        match self {
            WordSource::Tokens(text, tokens) => tokens.next().and_then(|t| {
                Some(SpaceWord {
                    at: t.at,
                    text: text.get(t.at..t.at + t.len)?,
                    id: t.id,
                })
            }),
            WordSource::Scan(words) => words.next(),
        }
    }
}

/// The words of a text between single spaces (`split(' ')` without the empty pieces), found
/// byte by byte: the general searcher costs more than these short words.
struct SpaceWords<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> SpaceWords<'a> {
    fn new(text: &'a str) -> Self {
        SpaceWords { text, at: 0 }
    }
}

impl<'a> Iterator for SpaceWords<'a> {
    type Item = SpaceWord<'a>;
    fn next(&mut self) -> Option<SpaceWord<'a>> {
        let rest = self.text.as_bytes().get(self.at..)?;
        let start = self.at + rest.iter().take_while(|&&c| c == b' ').count();
        let word = self.text.as_bytes().get(start..)?;
        let len = word.iter().position(|&c| c == b' ').unwrap_or(word.len());
        self.at = start + len;
        if len == 0 {
            return None;
        }
        Some(SpaceWord {
            at: start,
            text: self.text.get(start..start + len)?,
            id: None,
        })
    }
}

/// The lines of a text as `str::lines` gives them, their ends found eight bytes at a time.
struct Lines<'a>(&'a str);

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        if self.0.is_empty() {
            return None;
        }
        let b = self.0.as_bytes();
        let mut i = 0;
        let end = loop {
            let Some(w) = b.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) else {
                break b
                    .get(i..)
                    .and_then(|r| r.iter().position(|&c| c == b'\n'))
                    .map(|k| i + k);
            };
            let v = u64::from_le_bytes(w) ^ (u64::from(b'\n') * ONES);
            // The lowest top bit set is the first newline (higher ones may be false).
            let newlines = v.wrapping_sub(ONES) & !v & HIGH;
            if newlines != 0 {
                break Some(i + (newlines.trailing_zeros() / 8) as usize);
            }
            i += 8;
        };
        let Some(k) = end else {
            return Some(std::mem::take(&mut self.0));
        };
        let (line, rest) = (self.0.get(..k)?, self.0.get(k + 1..)?);
        self.0 = rest;
        Some(line.strip_suffix('\r').unwrap_or(line))
    }
}

/// Every byte one, and every byte's top bit: for reading eight bytes at a time.
const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Prefix of vocabulary entries that are parts of compounds.
const PART: char = '\u{1}';

/// Decides a line-end hyphen: the joined word if the document uses it, the hyphen if the
/// document writes the compound so or both halves are its words, else the joined word.
fn resolve_soft(w: &str, vocab: &Vocab) -> String {
    let Some(k) = w.find(SOFT) else {
        return w.to_string();
    };
    let (left, right) = (&w[..k], &w[k + SOFT.len_utf8()..]);
    let joined = format!("{left}{right}");
    let hyphened = format!("{left}-{right}");
    let core = |x: &str| x.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    if vocab.count(&core(&joined)) > 0 {
        return joined;
    }
    if vocab.count(&core(&hyphened)) > 0 {
        return hyphened;
    }
    let l = core(left);
    let l = l.rsplit(['-', '\u{2011}']).next().unwrap_or("");
    let r = core(right);
    let r = r.split(['-', '\u{2011}']).next().unwrap_or("");
    if l.chars().count() >= 2 && r.chars().count() >= 2 && vocab.known(l) && vocab.known(r) {
        return hyphened;
    }
    // Prefixes and number words that English writes with a hyphen ("post-conflict", "sixty-first").
    let lower = l.to_lowercase();
    if COMPOUND_HEADS.contains(&lower.as_str()) && r.chars().count() >= 2 {
        return hyphened;
    }
    joined
}

/// English prefixes and number words written with a hyphen; other compounds are decided by
/// the document's own words (a part seen in another hyphenated word).
const COMPOUND_HEADS: &[&str] = &[
    "post", "pre", "non", "co", "anti", "multi", "inter", "intra", "self", "well", "cross",
    "counter", "semi", "sub", "socio", "macro", "micro", "ex", "mid", "long", "short", "high",
    "low", "large", "small", "full", "half", "follow", "twenty", "thirty", "forty", "fifty",
    "sixty", "seventy", "eighty", "ninety", "one", "two", "three", "four", "five",
];

/// "twentyfirst" (a hyphen lost by the extraction) → "twenty-first".
fn number_compound(w: &str) -> Option<String> {
    // Cheap tests first: this runs for every word. It starts as a tens word does.
    let first = w.as_bytes().first()?.to_ascii_lowercase();
    if w.len() < 8
        || !inline::TENS
            .iter()
            .any(|&(_, cardinal, _)| cardinal.as_bytes().first() == Some(&first))
    {
        return None;
    }
    let core = w.trim_end_matches(|c: char| !is_alphabetic(c));
    if core.len() < 8 || !core.is_ascii() {
        return None;
    }
    let tens = inline::TENS
        .iter()
        .map(|&(_, cardinal, _)| cardinal)
        .find(|t| core.len() > t.len() && core[..t.len()].eq_ignore_ascii_case(t))?;
    let rest = &core[tens.len()..];
    if !inline::UNITS.iter().any(|&(ordinal, cardinal, _)| {
        rest.eq_ignore_ascii_case(ordinal) || rest.eq_ignore_ascii_case(cardinal)
    }) {
        return None;
    }
    Some(format!(
        "{}-{}{}",
        &core[..tens.len()],
        &core[tens.len()..],
        &w[core.len()..]
    ))
}

/// Short words of the document's languages that stand alone.
fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "and"
            | "or"
            | "nor"
            | "the"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "as"
            | "is"
            | "are"
            | "be"
            | "it"
            | "its"
            | "we"
            | "us"
            | "our"
            | "no"
            | "not"
            | "if"
            | "so"
            | "de"
            | "la"
            | "le"
            | "les"
            | "et"
            | "ou"
            | "el"
            | "y"
            | "o"
            | "en"
            | "и"
            | "в"
            | "на"
            | "с"
    )
}

/// Word endings that a justification gap splits off ("econ omy", "cooperat ion").
const SUFFIXES: &[&str] = &[
    "e", "s", "y", "ty", "ity", "ion", "ions", "tion", "tions", "sion", "ance", "ence", "nce",
    "nance", "omy", "ment", "ments", "ness", "ing", "ed", "es", "ally", "ly", "ive", "ous", "ates",
    "ated", "ful", "ists", "ize", "ized", "ible", "ics", "ical", "ary", "ory",
];

/// Whether `a` and `b` are the pieces of one word split by a justification gap: then the
/// repair writes them together.
fn split_word_repair<'s>(
    a_word: SpaceWord<'s>,
    b_word: SpaceWord<'s>,
    vocab: &Vocab,
    scratch: &mut String,
    last: &mut Option<(&'s str, usize)>,
) -> bool {
    let (a, b) = (a_word.text, b_word.text);
    // Cheap tests first: this runs for every pair of words. `b` must be lowercase letters
    // (punctuation after them allowed).
    let b_core = match b.as_bytes().last() {
        Some(l) if l.is_ascii_alphanumeric() => b,
        _ => b.trim_end_matches(|c: char| !is_alphanumeric(c)),
    };
    // Most words that fail, fail on their first byte.
    if b.as_bytes()
        .first()
        .is_some_and(|c| c.is_ascii() && !c.is_ascii_lowercase())
    {
        return false;
    }
    let lowercase = |w: &str| {
        w.bytes().all(|c| c.is_ascii_lowercase())
            || !w.is_ascii() && w.chars().all(|c| is_alphabetic(c) && c.is_lowercase())
    };
    if b_core.is_empty() || !lowercase(b_core) {
        return false;
    }
    // "possess or", "are a": a function word after a word is never the end of a split word.
    if is_function_word(b_core) {
        return false;
    }
    let a_core = match a.as_bytes().first() {
        Some(f) if f.is_ascii_alphanumeric() => a,
        _ => a.trim_start_matches(|c: char| !is_alphanumeric(c)),
    };
    let same = |x: &str, y: &str| x.as_ptr() == y.as_ptr() && x.len() == y.len();
    // The word looked up last passed the tests on `b` above: it is letters.
    let cached = last.filter(|(w, _)| same(w, a_core)).map(|(_, n)| n);
    if a_core.is_empty() || cached.is_none() && !a_core.chars().all(is_alphabetic) {
        return false;
    }
    // Both pieces passed the tests: they are letters, and their trimmed forms are the
    // vocabulary's own, whose places the words may know.
    let count = |w: &str, id: Option<usize>| match id {
        Some(id) => vocab.counts.get(id).copied().unwrap_or(0),
        None => vocab.word_count(w),
    };
    // The pieces count themselves once: a piece is a word if it stands elsewhere too.
    let a_known = a_core.len() > 1 && cached.unwrap_or_else(|| count(a_core, a_word.id)) > 1
        || matches!(a_core, "a" | "A" | "I");
    let b_count = count(b_core, b_word.id);
    *last = Some((b_core, b_count));
    let b_known = b_core.len() > 1 && b_count > 1;
    // The whole word occurs elsewhere and a piece is no word by itself; or, with no
    // other occurrence, a piece that is no word is followed by a common word ending.
    if a_known && b_known {
        return false;
    }
    scratch.clear();
    scratch.push_str(a_core);
    scratch.push_str(b_core);
    count(scratch, None) >= 1
        || !a_known && !b_known && SUFFIXES.contains(&b_core) && a_core.chars().count() >= 2
}

/// `s.trim()`, with runs of plain spaces (layout text's indents) skipped byte by byte.
fn trim(s: &str) -> &str {
    let start = s.bytes().take_while(|&b| b == b' ').count();
    let t = s.get(start..).unwrap_or("");
    let end = t.len() - t.bytes().rev().take_while(|&b| b == b' ').count();
    t.get(..end).unwrap_or("").trim()
}

/// `char::is_alphabetic`, with the letters and punctuation common in the documents
/// answered without the Unicode table search (a test checks every character).
fn is_alphabetic(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\x7f' | '×' | '÷' | '\u{2000}'..='\u{206f}' => false,
        '\u{c0}'..='\u{ff}' | '\u{400}'..='\u{481}' => true,
        _ => c.is_alphabetic(),
    }
}

/// `char::is_alphanumeric`, with the same shortcuts as [`is_alphabetic`].
fn is_alphanumeric(c: char) -> bool {
    match c {
        '0'..='9' => true,
        '\0'..='\x7f' | '×' | '÷' | '\u{2000}'..='\u{206f}' | '\u{c0}'..='\u{ff}' => {
            is_alphabetic(c)
        }
        '\u{400}'..='\u{481}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// `w.trim_matches(|c| !c.is_alphanumeric())`: most words need no trimming.
fn trim_non_alnum(w: &str) -> &str {
    match (w.as_bytes().first(), w.as_bytes().last()) {
        (Some(f), Some(l)) if f.is_ascii_alphanumeric() && l.is_ascii_alphanumeric() => w,
        _ => w.trim_matches(|c: char| !is_alphanumeric(c)),
    }
}

/// Byte classes for [`Words`]: ASCII white space, lead bytes of other white space, and lead
/// bytes of a hyphen ('-', U+2011) or a soft hyphen (U+00AD).
const SPACE: u8 = 1;
const MAY_DASH: u8 = 2;
const MAY_SOFT: u8 = 4;
const MAY_SPACE: u8 = 8;

const fn byte_classes() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        let mut c = 0;
        // As `char::is_whitespace` (with U+000B, unlike `u8::is_ascii_whitespace`).
        if matches!(b, b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' | b' ') {
            c |= SPACE;
        }
        if matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
            c |= MAY_SPACE;
        }
        if b == b'-' || b == 0xE2 {
            c |= MAY_DASH;
        }
        if b == 0xC2 {
            c |= MAY_SOFT;
        }
        t[i] = c;
        i += 1;
    }
    t
}

static BYTE_CLASSES: [u8; 256] = byte_classes();

/// The words of a text between white space, as `split_whitespace` gives them, found byte by
/// byte: only a few lead bytes can start a white-space character other than ASCII.
struct Words<'a> {
    text: &'a str,
    at: usize,
    /// The byte classes found in the last word.
    marks: u8,
    /// All white space so far was plain spaces.
    plain: bool,
}

impl<'a> Words<'a> {
    fn new(text: &'a str) -> Self {
        Words {
            text,
            at: 0,
            marks: 0,
            plain: true,
        }
    }

    /// The length of the white-space character at byte `i`, if it is one.
    #[inline]
    fn space_at(&self, i: usize) -> Option<usize> {
        let class = BYTE_CLASSES[usize::from(*self.text.as_bytes().get(i)?)];
        if class & SPACE != 0 {
            Some(1)
        } else if class & MAY_SPACE != 0 {
            self.wide_space_at(i)
        } else {
            None
        }
    }

    /// The length of the white-space character beyond ASCII at byte `i`, if it is one.
    #[inline(never)]
    fn wide_space_at(&self, i: usize) -> Option<usize> {
        let c = self.text.get(i..)?.chars().next()?;
        c.is_whitespace().then_some(c.len_utf8())
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        let b = self.text.as_bytes();
        let mut i = self.at;
        while let Some(n) = self.space_at(i) {
            self.plain &= b.get(i) == Some(&b' ');
            i += n;
        }
        let start = i;
        let mut marks = 0;
        loop {
            // Eight bytes at a time up to the first that may matter: white space, '-', or
            // beyond ASCII. The lowest top bit set marks it (higher ones may be false).
            if let Some(w) = b.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
                let x = u64::from_le_bytes(w);
                let dash = x ^ (u64::from(b'-') * ONES);
                let flags = x.wrapping_sub(0x21 * ONES) & !x & HIGH
                    | dash.wrapping_sub(ONES) & !dash & HIGH
                    | x & HIGH;
                i += (flags.trailing_zeros() / 8) as usize;
                if flags == 0 {
                    continue;
                }
            }
            let Some(&c) = b.get(i) else { break };
            let class = BYTE_CLASSES[usize::from(c)];
            if class & SPACE != 0 || class & MAY_SPACE != 0 && self.wide_space_at(i).is_some() {
                break;
            }
            marks |= class;
            i += 1;
        }
        self.at = i;
        self.marks = marks;
        if start == i {
            return None;
        }
        self.text.get(start..i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

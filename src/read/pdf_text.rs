//! Text extracted from the official PDF (PyMuPDF raw text, the cleaned
//! Markdown-like text, `pdftotext -layout`, plain `pdftotext`) and one-block-
//! per-line text.
//!
//! Removes page furniture (running heads, folios, job numbers, barcodes),
//! takes the footnotes from the page feet, joins hard-wrapped lines and
//! paragraphs split by page breaks, and repairs justification artefacts.

use super::inline;
use super::masthead::{find_symbol, job_number};
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
struct L {
    no: usize,
    text: String,
    indent: usize,
    page: usize,
    /// A blank line stood before it.
    blank_before: bool,
    /// Page furniture or notes were removed just before it.
    after_break: bool,
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
    let raw_lines: Vec<(usize, &str)> = body_text
        .lines()
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
    for (no, l) in raw_lines {
        let t = l.trim();
        if t == "---" && format == Format::Cleaned {
            in_defs = true;
            continue;
        }
        if let Some(def) = t.strip_prefix("[^") {
            if let Some((n, rest)) = def.split_once("]:") {
                if n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty() {
                    let mut text = clean_spaces(rest);
                    // The body can run on glued to a note: "A/79/88. 4. Decides … 52nd plenary meeting …".
                    let next_op = lines
                        .iter()
                        .filter_map(|(_, l)| {
                            operative_number(l.trim())
                                .and_then(|(n, _)| n.trim_end_matches('.').parse::<u32>().ok())
                        })
                        .max()
                        .map_or(1, |m| m + 1);
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
    let head_ends_foot =
        format == Format::Pymupdf || !lines.iter().any(|(_, l)| l.contains('\x0C'));

    // Pass 1: furniture and page feet.
    let mut out: Vec<L> = Vec::new();
    let mut page = 0usize;
    let mut blank = false;
    let mut brk = false;
    let mut i = 0;
    let mut seen_adoption = false;
    let mut masthead_done = false;
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
        if raw.contains('\x0C') {
            page += 1;
            brk = true;
        }
        let raw = raw.replace('\x0C', "");
        let t = clean_spaces(&raw);
        if t.is_empty() {
            blank = true;
            continue;
        }
        if !seen_adoption && t.starts_with("Resolution adopted by") {
            seen_adoption = true;
            masthead_done = true;
        }
        if !masthead_done {
            // Everything before the adoption line is the masthead (when there is one).
            prep.masthead.push(Para {
                line: no,
                text: collapse_layout(&raw),
            });
            continue;
        }
        if is_furniture(&t, symbol.as_deref()) {
            if let Some(j) = job_number(&t).or_else(|| t.split_whitespace().find_map(job_number)) {
                furniture_job.get_or_insert(j);
            }
            if t.starts_with('*') && t.ends_with('*') {
                barcode.get_or_insert(t.clone());
            }
            brk = true;
            continue;
        }
        if formula_organ(&t).is_some() {
            seen_formula = true;
        }
        let after_annex = out.last().is_some_and(|l: &L| l.text.starts_with("Annex"));
        if !after_annex
            && ((seen_formula && title_line.as_deref() == Some(t.as_str()))
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
        let indent = raw.chars().take_while(|c| *c == ' ').count();
        out.push(L {
            no,
            text: t,
            indent,
            page,
            blank_before: blank,
            after_break: brk,
        });
        blank = false;
        brk = false;
    }
    if !masthead_done {
        // No adoption line: there was no masthead after all.
        let mh = std::mem::take(&mut prep.masthead);
        out = mh
            .into_iter()
            .map(|p| L {
                no: p.line,
                text: clean_spaces(&p.text),
                indent: 0,
                page: 0,
                blank_before: true,
                after_break: false,
            })
            .chain(out)
            .collect();
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
    let quotes = |t: &str| t.matches('“').count() as i64 - t.matches('”').count() as i64;
    for l in &out {
        let new = match (prev, paras.last()) {
            (Some(p), Some(acc)) => starts_new(p, l, &acc.text, open_quotes > 0, format, &bases),
            _ => true,
        };
        if new {
            open_quotes = quotes(&l.text);
            paras.push(Para {
                line: l.no,
                text: l.text.clone(),
            });
        } else if let Some(acc) = paras.last_mut() {
            open_quotes += quotes(&l.text);
            join_line(&mut acc.text, &l.text);
        }
        prev = Some(l);
    }

    // Pass 3: repair justification artefacts against the document's own words.
    let vocab = vocabulary(&paras, &prep.notes);
    for p in &mut paras {
        p.text = repair(&p.text, &vocab);
    }
    for n in &mut prep.notes {
        n.text = repair(&n.text, &vocab);
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
    let longest = text.lines().map(str::len).max().unwrap_or(0);
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    longest > 500 && lines <= 5 && text.matches("  ").count() >= 4
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
    // No-break spaces are the print's own and stay.
    s.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// A layout line with its wide gaps kept as line breaks, so that right-aligned
/// masthead fields ("General Assembly      Distr.: General") read as separate fields.
fn collapse_layout(s: &str) -> String {
    let t = s.replace('\x0C', "");
    let mut parts = Vec::new();
    for chunk in t.split("   ") {
        let c = chunk.trim();
        if !c.is_empty() {
            parts.push(c.to_string());
        }
    }
    parts.join(" ")
}

/// Folios ("2/5"), the symbol, job numbers, barcodes and date stamps, alone or together on a line.
fn is_furniture(t: &str, symbol: Option<&str>) -> bool {
    let tokens: Vec<&str> = t.split_whitespace().collect();
    if tokens.is_empty() {
        return false;
    }
    let mut i = 0;
    let mut any = false;
    while i < tokens.len() {
        let tok = tokens[i];
        let is = is_folio(tok)
            || symbol.is_some_and(|s| tok == s || t == s)
            || job_number(tok).is_some()
            || (tok == "(E)" && any)
            // The release date stamp ("021118"), next to the job number or alone.
            || (tok.len() == 6 && tok.chars().all(|c| c.is_ascii_digit()) && (any || tokens.len() == 1))
            || (tok.len() > 2
                && tok.starts_with('*')
                && tok.ends_with('*')
                && tok[1..tok.len() - 1]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric()));
        if symbol.is_some_and(|s| t == s) {
            return true;
        }
        if !is {
            return false;
        }
        any = true;
        i += 1;
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
    if t.ends_with(['.', ',', ';', ':']) || t.split_whitespace().count() < 2 {
        return false;
    }
    let Some(title) = title else { return false };
    let tn = t.trim();
    // The running head is the title, or a line of it when it wraps.
    if !(title == tn || (title.contains(tn) && tn.split_whitespace().count() >= 3)) {
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

/// The usual left edge of body text on each page (layout text).
fn page_bases(lines: &[L]) -> HashMap<usize, usize> {
    let mut counts: HashMap<usize, HashMap<usize, usize>> = HashMap::new();
    for l in lines {
        if l.text.len() > 50 {
            *counts
                .entry(l.page)
                .or_default()
                .entry(l.indent)
                .or_default() += 1;
        }
    }
    counts
        .into_iter()
        .map(|(p, c)| {
            let base = c
                .into_iter()
                .max_by_key(|&(indent, n)| (n, std::cmp::Reverse(indent)))
                .map(|x| x.0)
                .unwrap_or(0);
            (p, base)
        })
        .collect()
}

/// Ends like the end of a paragraph (footnote digits after the punctuation allowed).
fn ends_para(s: &str) -> bool {
    let t = s.trim_end();
    let t = t.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
    t.ends_with(['.', ';', ':', ',', '”', ']'])
}

/// A bare number or label: "1.", "(a)", "I.", "73/6.".
fn bare_label(s: &str) -> bool {
    let t = s.trim();
    operative_number(t).is_some_and(|(_, rest)| rest.is_empty())
        || sub_label(t).is_some_and(|(_, rest)| rest.is_empty())
        || (t.len() <= 5
            && structure::roman_value(t.trim_end_matches('.')).is_some()
            && t.chars().all(|c| c.is_ascii_uppercase() || c == '.'))
}

/// Opens a new structural unit whatever came before.
fn hard_start(c: &str) -> bool {
    formula_organ(c).is_some()
        || c.starts_with("Resolution adopted by")
        || (c.contains(" plenary meeting")
            && c.split_whitespace()
                .next()
                .and_then(inline::numeric_ordinal)
                .is_some())
        || matches!(
            c.split_whitespace().next(),
            Some("Annex" | "Annexe" | "Anexo")
        ) && c.split_whitespace().count() <= 2
}

/// Opens a paragraph when the line before ended one.
fn soft_start(c: &str) -> bool {
    operative_number(c).is_some()
        || sub_label(c).is_some()
        || c.starts_with('[')
        || bare_label(c)
        || {
            let head = c.split_whitespace().next().unwrap_or("");
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
];

pub fn opener(c: &str) -> bool {
    let first = c
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(',');
    OPENERS.contains(&first)
}

/// Whether `cur` opens a new paragraph after `prev`, which ended the paragraph `acc` so far.
/// Checks on `acc` are bounded to short paragraphs, so that joining stays linear.
fn starts_new(
    prev: &L,
    cur: &L,
    acc: &str,
    in_quote: bool,
    format: Format,
    bases: &HashMap<usize, usize>,
) -> bool {
    let c = cur.text.as_str();
    let p = prev.text.as_str();
    if bare_label(acc) {
        return false;
    }
    // A footnote left in the body ("4 A/50/426, annex.") never runs on into the text after it.
    if note_like(acc) {
        return true;
    }
    // Formula, adoption, meeting and annex lines are short.
    let short = acc.len() < 160;
    if hard_start(c) || short && hard_start(acc) && !acc.starts_with("Resolution adopted by") {
        return true;
    }
    if short && acc.starts_with("Resolution adopted by") {
        // "Resolution adopted by the General Assembly" / "on 19 September 2025"
        return !(c.starts_with("on ") || inline::parse_date(c).is_some())
            || !inline::find_dates(acc).is_empty();
    }
    if acc.starts_with('[') && acc.len() < 400 && !acc.contains(']') {
        return false;
    }
    // Inside a quotation ("entitled “… All States,\nTaking into Particular Account …”").
    if in_quote {
        return false;
    }
    let ended = ends_para(p) || (acc.len() < 400 && heading_like(acc));
    if soft_start(c) && ended {
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
            let base = bases.get(&cur.page).copied().unwrap_or(0);
            (cur.indent >= base + 4 && ended && !starts_lower(c))
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
    let words = t.split_whitespace().count();
    if t.ends_with(['.', ',', ';', ':']) {
        return false;
    }
    // "II. Implementation of …" headings run long.
    let (h, _) = t.split_once(' ').unwrap_or((t, ""));
    let numbered = h.ends_with('.') && structure::roman_value(h.trim_end_matches('.')).is_some();
    (numbered && words <= 30)
        || (words <= 12 && t.chars().next().is_some_and(char::is_uppercase) && !t.contains(" the "))
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
    acc.push(' ');
    acc.push_str(next);
}

/// FNV-1a: the vocabulary is hashed word by word, and SipHash's strength is not needed here.
#[derive(Default)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Word counts of a document.
type Vocab = HashMap<String, usize, std::hash::BuildHasherDefault<Fnv>>;

/// Word counts of the document, for deciding repairs.
fn vocabulary(paras: &[Para], notes: &[Note]) -> Vocab {
    let mut v = Vocab::default();
    for t in paras
        .iter()
        .map(|p| p.text.as_str())
        .chain(notes.iter().map(|n| n.text.as_str()))
    {
        for w in t.split_whitespace() {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            if w.is_empty() || w.contains(SOFT) {
                continue;
            }
            *v.entry(w.to_string()).or_insert(0) += 1;
            // The parts of a compound count as words too, marked apart ("non" of "non-State").
            if w.contains(['-', '\u{2011}']) {
                for part in w.split(['-', '\u{2011}']).filter(|p| !p.is_empty()) {
                    *v.entry(format!("{PART}{part}")).or_insert(0) += 1;
                }
            }
        }
    }
    v
}

/// Repairs justification artefacts: "high -level", "Secretary -General", "Confere nce",
/// "h umankind", "Countries ”".
fn repair(s: &str, vocab: &Vocab) -> String {
    let resolved: String;
    let s = if s.contains(SOFT) {
        resolved = s
            .split(' ')
            .map(|w| resolve_soft(w, vocab))
            .collect::<Vec<_>>()
            .join(" ");
        resolved.as_str()
    } else {
        s
    };
    let words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
    // Words that stay as they are are borrowed: most of a text is copied once, at the end.
    let mut out: Vec<Cow<str>> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        // "post -" "conflict" / "high -level": the hyphen lost its word.
        if let Some(rest) = w.strip_prefix('-') {
            if !rest.is_empty() && rest.chars().next().is_some_and(char::is_alphabetic) {
                if let Some(last) = out.last_mut() {
                    if last.chars().last().is_some_and(char::is_alphanumeric) {
                        let last = last.to_mut();
                        last.push('-');
                        last.push_str(rest);
                        i += 1;
                        continue;
                    }
                }
            }
        }
        if w == "-" {
            if let (Some(last), Some(next)) = (out.last_mut(), words.get(i + 1)) {
                if last.chars().last().is_some_and(char::is_alphabetic)
                    && next.chars().next().is_some_and(char::is_lowercase)
                {
                    let last = last.to_mut();
                    last.push('-');
                    last.push_str(next);
                    i += 2;
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
            if let Some(next) = words.get(i + 1) {
                let suspended = matches!(
                    *next,
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
                    out.push(Cow::Owned(format!("{w}{next}")));
                    i += 2;
                    continue;
                }
            }
        }
        if let Some(fixed) = number_compound(w) {
            out.push(Cow::Owned(fixed));
            i += 1;
            continue;
        }
        // A closing quote set off by a space: "Countries ”".
        if w.starts_with('”') && w.chars().nth(1).is_none_or(|c| !c.is_alphanumeric()) {
            if let Some(last) = out.last_mut() {
                last.to_mut().push_str(w);
                i += 1;
                continue;
            }
        }
        // A word split in two: join when only the whole is a word of this document.
        if let Some(next) = words.get(i + 1) {
            if let Some(joined) = split_word_repair(w, next, vocab) {
                out.push(Cow::Owned(joined));
                i += 2;
                continue;
            }
        }
        out.push(Cow::Borrowed(w));
        i += 1;
    }
    out.join(" ")
}

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
    let known = |x: &str| vocab.contains_key(x) || vocab.contains_key(&format!("{PART}{x}"));
    if vocab.contains_key(&core(&joined)) {
        return joined;
    }
    if vocab.contains_key(&core(&hyphened)) {
        return hyphened;
    }
    let l = core(left);
    let l = l.rsplit(['-', '\u{2011}']).next().unwrap_or("");
    let r = core(right);
    let r = r.split(['-', '\u{2011}']).next().unwrap_or("");
    if l.chars().count() >= 2 && r.chars().count() >= 2 && known(l) && known(r) {
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
    let core = w.trim_end_matches(|c: char| !c.is_alphabetic());
    // Cheap tests first: this runs for every word.
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
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "or", "nor", "the", "of", "to", "in", "on", "at", "by", "for", "as", "is",
    "are", "be", "it", "its", "we", "us", "our", "no", "not", "if", "so", "de", "la", "le", "les",
    "et", "ou", "el", "y", "o", "en", "и", "в", "на", "с",
];

/// Word endings that a justification gap splits off ("econ omy", "cooperat ion").
const SUFFIXES: &[&str] = &[
    "e", "s", "y", "ty", "ity", "ion", "ions", "tion", "tions", "sion", "ance", "ence", "nce",
    "nance", "omy", "ment", "ments", "ness", "ing", "ed", "es", "ally", "ly", "ive", "ous", "ates",
    "ated", "ful", "ists", "ize", "ized", "ible", "ics", "ical", "ary", "ory",
];

fn split_word_repair(a: &str, b: &str, vocab: &Vocab) -> Option<String> {
    let a_core = a.trim_start_matches(|c: char| !c.is_alphanumeric());
    if a_core.is_empty() || !a_core.chars().all(char::is_alphabetic) {
        return None;
    }
    let b_core = b.trim_end_matches(|c: char| !c.is_alphanumeric());
    if b_core.is_empty()
        || !b_core.chars().all(char::is_alphabetic)
        || !b_core.chars().all(char::is_lowercase)
    {
        return None;
    }
    let count = |w: &str| vocab.get(w).copied().unwrap_or(0);
    // The pieces count themselves once: a piece is a word if it stands elsewhere too.
    let a_known = count(a_core) > 1 && a_core.len() > 1 || matches!(a_core, "a" | "A" | "I");
    let b_known = count(b_core) > 1 && b_core.len() > 1 || FUNCTION_WORDS.contains(&b_core);
    // "possess or", "are a": a function word after a word is never the end of a split word.
    if FUNCTION_WORDS.contains(&b_core) {
        return None;
    }
    // The whole word occurs elsewhere and a piece is no word by itself; or, with no
    // other occurrence, a piece that is no word is followed by a common word ending.
    if a_known && b_known {
        return None;
    }
    let whole = format!("{a_core}{b_core}");
    let suffix = SUFFIXES.contains(&b_core) && a_core.chars().count() >= 2;
    if (count(&whole) >= 1 && (!a_known || !b_known)) || (!a_known && !b_known && suffix) {
        let lead = &a[..a.len() - a_core.len()];
        let tail = &b[b_core.len()..];
        return Some(format!("{lead}{whole}{tail}"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

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
            v.insert(w.to_string(), 2);
        }
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

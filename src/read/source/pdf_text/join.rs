//! Lines joined into paragraphs: where a paragraph ends, where a new one starts, and how
//! a hard-wrapped line joins the one before.

use super::line::L;
use crate::lang;
use crate::lang::is_one_of;
use crate::read::format::Format;
use crate::read::lex::date::{month_number, parse_date};
use crate::read::lex::draft;
use crate::read::lex::heading::{
    article_heading, heading_label, heading_num, heading_over_number, is_separator,
    looks_like_heading, preamble_heading, strip_final_and,
};
use crate::read::lex::label::{joins_without_space, operative_number, roman_value, sub_label};
use crate::read::lex::masthead::{adoption_has_date, opens_adoption_line};
use crate::read::lex::meeting::{chinese_closing_line, opens_meeting_line};
use crate::read::lex::opener::{opener, participle_opener};
use crate::read::lex::organ::formula_organ;
use crate::read::lex::text::{Words, SOFT};

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
        // "Article 11" or "Preamble" of a declaration: a heading line of its own.
        || c.len() < 40 && (article_heading(c) || preamble_heading(c))
}

/// Open “ less closing ” quotation marks in `t`.
pub(crate) fn quote_balance(t: &str) -> i64 {
    // Both marks start with the byte E2: most lines have none.
    if !t.as_bytes().contains(&0xE2) {
        return 0;
    }
    t.matches('“').count() as i64 - t.matches('”').count() as i64
}

/// "(2021)": a year in brackets, as after a Security Council resolution's number.
fn is_year_label(l: &str) -> bool {
    let d = l.trim_matches(['(', ')', '.']);
    d.len() == 4 && d.bytes().all(|b| b.is_ascii_digit())
}

/// Opens a paragraph when the line before ended one.
pub(crate) fn soft_start(c: &str) -> bool {
    operative_number(c).is_some()
        // "(2021) and 2642 (2022)": a year wrapped after a resolution number is no label.
        || sub_label(c).is_some_and(|(l, _)| !is_year_label(&l))
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

/// What the joiner saw around a line beyond the lines themselves.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Seen {
    /// The line before stops well short of the right margin, ending a paragraph of
    /// several lines.
    pub(crate) prev_short: bool,
    /// The line opens with the operative number after the last one seen, or with the
    /// first ("1.") where none was seen yet.
    pub(crate) numbered_next: bool,
    /// The line opens with a verb in the third person after a recital, and its
    /// paragraph ends as an operative one does ("Takes note of the report.").
    pub(crate) operative_turn: bool,
    /// The paragraph so far is a resolution's title, run on from its number, and the
    /// line ends it (the formula, or a recital where the formula was not printed).
    pub(crate) title_ends: bool,
    /// The line and the few after it are headings that the next operative number
    /// follows ("Financing of the appropriation …" over "13. Decides …").
    pub(crate) heading_next: bool,
    /// The paragraph so far is an annex's title (the one after the annex's label).
    pub(crate) annex_title: bool,
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
    seen: Seen,
) -> bool {
    let Seen {
        prev_short,
        numbered_next,
        operative_turn,
        title_ends,
        heading_next,
        annex_title,
    } = seen;
    let c: &str = &cur.text;
    let p: &str = &prev.text;
    // A bare label, and the label line of a heading, hold the line after them ("Part X"
    // over "Jointly financed …", though an adverb and a participle open it).
    if bare_label(acc) || heading_label(acc) && !soft_start(c) && !heading_label(c) {
        return false;
    }
    // The next operative number at a line's start opens its paragraph whatever ended
    // before it (a heading between paragraphs ends in no punctuation, a stray quotation
    // mark leaves a quotation open).
    if numbered_next || title_ends {
        return true;
    }
    // A line of asterisks stands alone, between the paragraphs it parts.
    if is_separator(c) || is_separator(acc) {
        return true;
    }
    // A lettered section ("A. Plenary meetings") under the numbered heading above it
    // ("I. Organization of work"); a numbered section ("I. Our shared commitment") under
    // a title or heading that ends without punctuation.
    if acc.len() < 400
        && heading_num(c).is_some_and(|(_, t, level)| {
            (level == 2 && heading_like(acc))
                || (level == 1
                    && (t.is_empty() || looks_like_heading(&t))
                    && heading_over_number(acc))
        })
    {
        return true;
    }
    // An annex's title ends at a blank line in -layout text (a subtitle, a table or the
    // first paragraph comes after it).
    if annex_title
        && format == Format::PdftotextLayout
        && cur.blank_before
        && !cur.after_break
        && !starts_lower(c)
    {
        return true;
    }
    // The label line of a heading ("Section 9" over its title) after a paragraph or a
    // heading that ended.
    if heading_label(c) && (ends_para(p) || heading_like(acc)) {
        return true;
    }
    // A number after a labelled heading ("Rule 7" over "General powers of the presiding
    // President") opens its paragraph: the heading ends in no punctuation.
    if soft_start(c) && labelled_heading(acc) {
        return true;
    }
    // A heading over the next number, after a paragraph that ended (not after a colon:
    // a heading's own line can end in one, "… Agenda 2063:" over "The Africa We Want").
    // A paragraph of a word or two ("8. zones;") is a fragment plain pdftotext set
    // before the line it ends, not a paragraph a heading follows.
    if heading_next
        && ends_para(p)
        && !p.trim_end().ends_with(':')
        && Words::new(acc).nth(3).is_some()
    {
        return true;
    }
    // A draft's submission line is a paragraph of its own, before the title; a decision's
    // text, opening with the organ, starts one.
    if acc.len() < 4000 && draft::submission_ends(acc, p, c) || draft::decision_text(c) {
        return true;
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
    let ended = ends_para(p) || (acc.len() < 400 && heading_like(acc));
    // Inside a quotation ("entitled “… All States,\nTaking into Particular Account …”"),
    // unless a line that stops short of the margin ended the paragraph and a number
    // opens the next: a quotation mark alone never holds a paragraph open.
    if in_quote {
        return prev_short && ended && soft_start(c);
    }
    if ended && soft_start(c) {
        return true;
    }
    // A line that stops well short of the right margin ends its paragraph (or heading):
    // what follows in capitals or digits opens the next.
    if prev_short
        && matches!(format, Format::Pdftotext | Format::PdftotextLayout)
        && c.starts_with(|ch: char| ch.is_uppercase() || ch.is_ascii_digit() || ch == '(')
    {
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
            // Only a paragraph's first line is indented: a number there opens one, and a
            // blank line inside a paragraph comes only with a page break.
            (cur.indent >= base + 4 && soft_start(c))
                || (cur.blank_before && !cur.after_break && ended && !starts_lower(c))
                || (cur.indent >= base + 4 && ended && (!starts_lower(c) || opener(c)))
                || (ended && opener(c) && cur.after_break)
        }
        _ => ended && (opener(c) || participle_opener(c) || operative_turn),
    }
}

/// A heading with its label line ("Rule 7 General powers of the presiding President",
/// "Section 9 Economic and social affairs"): the label's words, then a title that does
/// not end as a paragraph does.
pub(crate) fn labelled_heading(acc: &str) -> bool {
    if acc.len() >= 300 || !heading_over_number(acc) {
        return false;
    }
    let ws: Vec<&str> = acc.split_whitespace().take(3).collect();
    (2..=3).any(|n| ws.get(..n).is_some_and(|w| heading_label(&w.join(" "))))
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

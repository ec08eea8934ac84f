//! Text whose paragraphs are set apart by blank lines, each hard-wrapped: the Security
//! Council's yearly volumes as transcribed (CR-UNSC), and plain text of its official
//! prints. A blank line ends a paragraph, unless the text goes on in lower case after a
//! paragraph left unfinished (a page break); without a blank line a new paragraph starts
//! only where the line before ended one and a number, a label, the formula or the vote
//! line opens the next.

use super::repair::{resolve_soft, vocabulary, Lines};
use crate::lang::en;
use crate::read::lex::heading::{starts_lower, text_ended};
use crate::read::lex::label::{operative_number, sub_label};
use crate::read::lex::masthead::{find_symbol, job_number};
use crate::read::lex::opener::{opener, operative_verb};
use crate::read::lex::organ::formula_organ;
use crate::read::lex::text::SOFT;
use crate::read::prepared::{Para, Prepared};

/// Page furniture of an official print: the running head (the symbol, "S/RES/1445
/// (2002)") and the job number ("02-72318 (E)").
fn is_furniture(t: &str, symbol: Option<&str>) -> bool {
    let head = symbol.is_some_and(|s| {
        t.strip_prefix(s).is_some_and(|rest| {
            let rest = rest.trim();
            rest.is_empty() || rest.starts_with('(') && rest.ends_with(')') && rest.len() <= 6
        })
    });
    head || job_number(t).is_some()
}

/// Opens a paragraph directly under a line that ended one.
fn opens(t: &str) -> bool {
    operative_number(t).is_some()
        || sub_label(t).is_some()
        || formula_organ(t).is_some()
        || t.starts_with(en::VOTE_OPENING)
        || note_start(t)
        || opener(t)
        || operative_verb(t)
}

/// "30 One member (China) did not participate in the voting.": a footnote's number and
/// its text, which opens with a capital.
fn note_start(t: &str) -> bool {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && t.get(digits..)
            .and_then(|r| r.strip_prefix(' '))
            .is_some_and(|r| r.starts_with(char::is_uppercase))
}

/// The formula stands alone, whatever the lines around it.
fn formula(s: &str) -> bool {
    formula_organ(s).is_some() && !starts_lower(s)
}

/// Whether the line `t` goes on with the paragraph `acc`; `blank`: a blank line (or page
/// furniture) stands between them.
fn continues(acc: &str, t: &str, blank: bool) -> bool {
    if formula(t) {
        return false;
    }
    if blank {
        // A page break inside a sentence: the text goes on in lower case, or after a
        // long unfinished paragraph (a heading is shorter) with nothing that opens one.
        !text_ended(acc) && (starts_lower(t) || (acc.len() > 100 && !opens(t)))
    } else {
        !(formula(acc) || (text_ended(acc) && opens(t)))
    }
}

/// Joins a wrapped line onto its paragraph; a hyphen at the line's end is left for the
/// repair to decide ("Commis-" + "sion" or "self-" + "determination").
fn join(acc: &mut String, next: &str) {
    if acc.ends_with('-')
        && acc.chars().rev().nth(1).is_some_and(char::is_alphabetic)
        && next.starts_with(char::is_lowercase)
    {
        acc.pop();
        acc.push(SOFT);
    } else {
        acc.push(' ');
    }
    acc.push_str(next);
}

/// Prepares text set in blank-line paragraphs.
pub fn prepare(text: &str) -> Prepared {
    let mut prep = Prepared::default();
    let symbol = Lines(text).take(10).find_map(find_symbol);
    let mut paras: Vec<Para> = Vec::new();
    let mut blank = true;
    for (i, raw) in Lines(text).enumerate() {
        let t = raw
            .split(|c: char| c.is_whitespace() || c == '\x0C')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if t.is_empty() {
            blank = true;
            continue;
        }
        if is_furniture(&t, symbol.as_deref()) && !paras.is_empty() {
            blank = true;
            continue;
        }
        let line = i + 1;
        match paras.last_mut() {
            Some(last) if continues(&last.text, &t, blank) => join(&mut last.text, &t),
            _ => paras.push(Para { line, text: t }),
        }
        blank = false;
    }
    // Line-end hyphens, decided against the document's own words. Nothing else is
    // repaired: these texts have no justification artefacts, and a space printed before a
    // closing quote stays.
    let texts: Vec<&str> = paras.iter().map(|p| p.text.as_str()).collect();
    let vocab = vocabulary(&texts);
    let repaired: Vec<Option<String>> = texts
        .iter()
        .map(|t| {
            t.contains(SOFT).then(|| {
                t.split(' ')
                    .map(|w| resolve_soft(w, &vocab))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        })
        .collect();
    for (p, fixed) in paras.iter_mut().zip(repaired) {
        if let Some(f) = fixed {
            p.text = f;
        }
    }
    prep.body = paras;
    prep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_part_paragraphs() {
        let text = "United Nations S/RES/253 (1968)\n\nResolution 253 (1968)\nof 29 May 1968\nThe Security Council,\nRecalling its resolu-\ntions,\n\n\
1. Decides:\n(a) To act;\n\n(b) To report on the\n\n02-72318 (E)\n\nS/RES/253 (1968)\n\nmatter.\nAdopted unanimously at the\n1428th meeting.\n";
        let prep = prepare(text);
        let got: Vec<&str> = prep.body.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            got,
            vec![
                "United Nations S/RES/253 (1968)",
                "Resolution 253 (1968) of 29 May 1968",
                "The Security Council,",
                "Recalling its resolutions,",
                "1. Decides:",
                "(a) To act;",
                "(b) To report on the matter.",
                "Adopted unanimously at the 1428th meeting.",
            ]
        );
    }
}

//! From logical paragraphs to the model: the rules of a resolution's shape, shared by
//! every input format.
//!
//! A source turns its input into [`Prepared`]: the masthead lines, the body as
//! paragraphs in order, and the footnotes it found. This module dispatches to one
//! module per part of the document: the masthead ([`masthead`]), the zones in order
//! ([`builder`]: preface, formula, preamble, operative part, closing, annexes), a
//! paragraph and its sub-paragraphs ([`paragraph`]), the footnote marks ([`notes`]).

mod annex;
mod builder;
mod closing;
mod language;
pub(crate) mod masthead;
mod notes;
mod operative;
mod paragraph;
mod preamble;
mod preface;
mod raw;
#[cfg(test)]
mod tests;
mod unprinted;

use self::builder::Builder;
use self::language::guess_language;
use self::masthead::{apply_front_matter, read_masthead};
use self::raw::Item;
use crate::diag::{Diagnostic, Kind};
use crate::lang;
use crate::lang::is_one_of;
use crate::model::{DocKind, Draft, Meta};
use crate::read::format::Format;
use crate::read::lex::draft::{revision, without_marks};
use crate::read::lex::masthead::adoption_parts;
use crate::read::output::{ReadError, ReadErrorKind, ReadOutput};
use crate::read::prepared::{FrontMatter, Prepared};

/// Recognises the structure of `prep` and fills the model.
pub fn build(prep: Prepared, format: Format) -> Result<ReadOutput, ReadError> {
    let mut diags = prep.diagnostics;
    let mut meta = Meta {
        source_format: format.into(),
        ..Meta::default()
    };
    read_masthead(&prep.masthead, &mut meta, &mut diags);
    if let Some(sym) = &prep.ods_symbol {
        if meta.symbol.is_none() {
            meta.symbol = Some(sym.clone());
        }
    }
    meta.ods_job = prep.ods_job.clone();

    let mut b = Builder {
        notes: prep.notes,
        separate: prep.lines_are_paragraphs,
        ..Builder::default()
    };
    b.run(&prep.body, &mut meta, &mut diags)?;

    // Front matter: hints only; the printed masthead wins.
    if let Some(front) = &prep.front {
        apply_front_matter(front, &mut meta, &mut diags);
    }
    if meta.language.is_empty() {
        meta.language = guess_language(&prep.body);
    }

    let first_line = prep.body.first().map(|p| p.line).unwrap_or(1);
    let has_formula = b.formula.is_some();
    let n_ops = b.body.iter().filter(|i| matches!(i, Item::Para(_))).count();
    if !has_formula && n_ops == 0 {
        return Err(ReadError::new(ReadErrorKind::NoFormula, first_line));
    }
    if b.preamble.is_empty() && n_ops == 0 {
        return Err(ReadError::new(ReadErrorKind::NoParagraphs, first_line));
    }
    // The masthead's committee line is kept for a draft only.
    let committee = meta.draft.take().and_then(|d| d.committee);
    if let Some((printed, s)) = b.submission.take() {
        meta.kind = s.kind;
        meta.draft = Some(Draft {
            // Without its note marks: the notes an asterisk marks are not kept.
            submitted: without_marks(&printed)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            sponsors: s.sponsors,
            committee,
            revision: meta.symbol.as_deref().and_then(revision),
            amends: s.amends,
        });
    } else if b.decision {
        meta.kind = DocKind::Decision;
    } else if meta.symbol.is_none() && meta.number.is_none() {
        meta.kind = DocKind::Declaration;
    }
    b.title = complete_title(b.title.take(), prep.front.as_ref(), &meta, &mut diags);
    b.finish(meta, &mut diags).map(|mut doc| {
        let m = &doc.meta;
        doc.meta.adoption_parts = m.adoption_line.as_deref().map(|line| {
            let date = m.adopted.as_ref().map(|d| d.text.as_str());
            adoption_parts(line, m.organ, date)
        });
        doc.meta.known_work = crate::read::lex::work::known_work(&doc.meta);
        ReadOutput {
            doc,
            diagnostics: diags,
        }
    })
}

/// The printed title, completed when the text lost its second line: a longer title that
/// starts with exactly the printed words (front matter, agenda item title) completes it.
/// A title that is visibly cut and cannot be completed is left unknown.
pub(crate) fn complete_title(
    title: Option<String>,
    front: Option<&FrontMatter>,
    meta: &Meta,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    // Fold ASCII spaces only: a printed no-break space stays.
    let title = title
        .filter(|t| !t.trim().is_empty())?
        .split_ascii_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut candidates: Vec<String> = Vec::new();
    if let Some(f) = front.and_then(|f| f.title.as_deref()) {
        candidates.push(f.trim().trim_end_matches(':').trim().to_string());
    }
    for a in &meta.agenda_items {
        if let Some(t) = &a.title {
            candidates.push(t.trim().to_string());
        }
    }
    for c in candidates {
        let c = c.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
        if c.len() > title.len() && c.starts_with(&title) && c[title.len()..].starts_with(' ') {
            return Some(c);
        }
    }
    let last = title.split_whitespace().last().unwrap_or("").to_lowercase();
    if is_one_of(last.as_str(), lang::en::CUT_ENDINGS) {
        diags.push(Diagnostic::warn(Kind::CutTitle, 0, format!("the title \"{title}\" is cut off in this text and cannot be completed; left unknown")));
        return None;
    }
    Some(title)
}

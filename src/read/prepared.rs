//! What a source hands to the shape rules: the intermediate between reading an input
//! format and recognising a resolution's parts.
//!
//! Every input format (ODS export, text of a PDF, a PDF itself) produces a [`Prepared`]:
//! the masthead lines wherever they stood, the body as logical paragraphs in reading
//! order, the footnotes found at page feet or after the body, and hints from front
//! matter. [`crate::read::shape`] turns it into the model.
//!
//! A source does no more than its format asks: it removes page furniture, joins the lines
//! of a paragraph, and takes the notes out of the text; which paragraph is the formula, a
//! recital or an operative paragraph is left to the shape rules. A paragraph's text is as
//! printed, on one line (hard line breaks joined with a space, a line-end hyphen resolved).
//!
//! ```text
//! ods export ─┐
//! PDF text   ─┼─▶ Prepared { front, masthead, body, notes, … } ─▶ shape::build ─▶ Resolution
//! PDF        ─┘
//! ```

use crate::diag::Diagnostic;

/// A logical paragraph of the body (or a masthead line) and the input line it starts on.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    /// The 1-based line of the input where the paragraph starts (for diagnostics; a
    /// source without lines, such as a PDF, gives the page's first line or 0).
    pub line: usize,
    /// The paragraph as printed, its lines joined; its number or label ("1.", "(a)")
    /// still at its start, footnote marks still in place.
    pub text: String,
}

/// Paragraphs of the texts given, numbered from line 1 (for tests).
#[cfg(test)]
pub(crate) fn paras(texts: &[&str]) -> Vec<Para> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Para {
            line: i + 1,
            text: t.to_string(),
        })
        .collect()
}

/// A footnote found by a source (at a page foot or after a `---` line).
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// The marker as printed before the note ("1", "*"); the shape rules find the same
    /// marker in the text.
    pub marker: String,
    /// The note's text, its lines joined.
    pub text: String,
    /// The 1-based input line where the note starts.
    pub line: usize,
}

/// Metadata hints from YAML front matter (or a PDF's document information): used only
/// where the printed text says nothing, and reported where it disagrees.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    /// Document symbol, e.g. `A/RES/65/122`.
    pub symbol: Option<String>,
    /// The title, which completes a printed title cut at a line end.
    pub title: Option<String>,
    /// A date, ISO 8601 (`2010-12-13`).
    pub date: Option<String>,
    /// ISO 639-1 language code, e.g. `en`.
    pub language: Option<String>,
    /// The 1-based input line of the hints (for diagnostics).
    pub line: usize,
}

/// What a source hands to the shape rules.
#[derive(Debug, Default)]
pub struct Prepared {
    /// Hints from front matter, if the input had any.
    pub front: Option<FrontMatter>,
    /// Masthead lines (symbol, Distr., session, agenda item, job number, barcode…),
    /// wherever they were printed, in order.
    pub masthead: Vec<Para>,
    /// The body in reading order: from the adoption line (or the title) to the last
    /// annex, page furniture and notes removed.
    pub body: Vec<Para>,
    /// The footnotes, in order.
    pub notes: Vec<Note>,
    /// Warnings of the source (they come first in the reader's output).
    pub diagnostics: Vec<Diagnostic>,
    /// ODS job code (`N1051986E`), from the ODS fields.
    pub ods_job: Option<String>,
    /// Symbol from the ODS fields.
    pub ods_symbol: Option<String>,
    /// Each paragraph stands on its own line: never join one to the one before.
    pub lines_are_paragraphs: bool,
}

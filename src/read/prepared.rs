//! What a source hands to the shape rules: the intermediate between reading an input
//! format and recognising a resolution's parts.
//!
//! Every input format (ODS export, text of a PDF, a PDF itself) produces a [`Prepared`]:
//! the masthead lines wherever they stood, the body as logical paragraphs in reading
//! order, the footnotes found at page feet or after the body, and hints from front
//! matter. [`crate::read::shape`] turns it into the model.

use crate::diag::Diagnostic;

/// A logical paragraph of the body and the input line it starts on.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub line: usize,
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

/// A footnote found by a reader (at a page foot or after a `---` line).
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub marker: String,
    pub text: String,
    pub line: usize,
}

/// Metadata hints from YAML front matter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    pub symbol: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub language: Option<String>,
    pub line: usize,
}

/// What a format-specific reader hands to the shared rules.
#[derive(Debug, Default)]
pub struct Prepared {
    pub front: Option<FrontMatter>,
    /// Masthead lines (symbol, Distr., session, agenda item, job number…), wherever they were.
    pub masthead: Vec<Para>,
    pub body: Vec<Para>,
    pub notes: Vec<Note>,
    pub diagnostics: Vec<Diagnostic>,
    /// ODS job code (`N1051986E`), from the ODS fields.
    pub ods_job: Option<String>,
    /// Symbol from the ODS fields.
    pub ods_symbol: Option<String>,
    /// Each paragraph stands on its own line: never join one to the one before.
    pub lines_are_paragraphs: bool,
}

//! What reading produces: the document and its warnings, or why it failed.

use crate::decode::DecodeError;
use crate::diag::Diagnostic;
use crate::model::Resolution;

/// What a reader produced: the document and its warnings.
#[derive(Debug)]
pub struct ReadOutput {
    /// The document.
    pub doc: Resolution,
    /// Warnings about the input, by line (an error ends the reading as a [`ReadError`]).
    pub diagnostics: Vec<Diagnostic>,
}

/// Why a text could not be read as a resolution, and the line where it shows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ReadError {
    /// The 1-based line of the input (0: the whole input).
    pub line: usize,
    /// What went wrong.
    pub kind: ReadErrorKind,
    /// What `kind` says, as printed.
    pub message: String,
}

impl ReadError {
    /// An error of `kind` at `line`.
    pub fn new(kind: ReadErrorKind, line: usize) -> ReadError {
        ReadError {
            line,
            message: kind.to_string(),
            kind,
        }
    }
}

/// The kinds of [`ReadError`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReadErrorKind {
    /// The bytes are not text (empty, binary, odd UTF-16).
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// Neither an enacting formula nor operative paragraphs.
    #[error("not a resolution: no enacting formula (\"The General Assembly,\") and no operative paragraphs found")]
    NoFormula,
    /// A formula with nothing after it.
    #[error("not a resolution: no paragraphs after the formula")]
    NoParagraphs,
}

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
    /// The 1-based column (in characters) on that line, when known; 0 otherwise.
    pub column: usize,
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
            column: 0,
            message: kind.to_string(),
            kind,
        }
    }

    /// The same error at `column` of its line.
    pub fn at_column(mut self, column: usize) -> ReadError {
        self.column = column;
        self
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
    /// `--from pdf` for an input without the `%PDF-` header.
    #[error("not a PDF: no %PDF- header")]
    NotPdf,
    /// A PDF that cannot be read: encrypted, without a text layer, damaged.
    #[error("{0}")]
    Pdf(String),
    /// An XML file that cannot be read as Akoma Ntoso (not well formed, not AKN, a
    /// required part missing).
    #[error("{0}")]
    Akn(String),
}

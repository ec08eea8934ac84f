//! What reading produces: the document and its warnings, or why it failed.

use crate::diag::Diagnostic;
use crate::model::Resolution;

/// What a reader produced: the document and its warnings.
#[derive(Debug)]
pub struct ReadOutput {
    pub doc: Resolution,
    pub diagnostics: Vec<Diagnostic>,
}

/// Why a text could not be read as a resolution.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ReadError {
    pub line: usize,
    pub message: String,
}

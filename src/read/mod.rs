//! Readers: format detection and the `read` entry point.

use crate::diag::Diagnostic;
use crate::model::Resolution;

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain-text export of the ODS Word file (tabs, `[DU1]`, `<<ODS …>>`, masthead after the body).
    Ods,
    /// Raw PyMuPDF text of the official PDF: hard-wrapped, page furniture and notes inline.
    Pymupdf,
    /// Cleaned Markdown-like text: one paragraph per line, `[^n]:` notes at the end.
    Cleaned,
    /// `pdftotext -layout`: indentation as spaces, form feeds, notes at page feet.
    PdftotextLayout,
    /// `pdftotext` default mode: reading order, hard-wrapped, form feeds.
    Pdftotext,
    /// One block per line, no resolution frame (e.g. HTML converted to lines).
    Lines,
}

impl Format {
    pub const ALL: &'static [Format] = &[
        Format::Ods,
        Format::Pymupdf,
        Format::Cleaned,
        Format::PdftotextLayout,
        Format::Pdftotext,
        Format::Lines,
    ];

    /// The name used with `--from`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Ods => "ods",
            Format::Pymupdf => "pymupdf",
            Format::Cleaned => "cleaned",
            Format::PdftotextLayout => "pdftotext-layout",
            Format::Pdftotext => "pdftotext",
            Format::Lines => "lines",
        }
    }

    pub fn from_name(s: &str) -> Option<Format> {
        Format::ALL.iter().copied().find(|f| f.name() == s)
    }
}

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

/// Decodes `bytes` and reads them; decoding warnings come first in the diagnostics.
pub fn read_bytes(bytes: &[u8], format: Option<Format>) -> Result<ReadOutput, ReadError> {
    let decoded = crate::decode::decode(bytes).map_err(|e| ReadError {
        line: 0,
        message: e.to_string(),
    })?;
    let mut out = read(&decoded.text, format)?;
    let mut diags = decoded.warnings;
    diags.append(&mut out.diagnostics);
    out.diagnostics = diags;
    Ok(out)
}

/// Reads `text` (already decoded) as `format`, or as the detected format.
pub fn read(_text: &str, _format: Option<Format>) -> Result<ReadOutput, ReadError> {
    Err(ReadError {
        line: 0,
        message: "reader not written yet".into(),
    })
}

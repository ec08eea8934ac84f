//! Why a PDF could not be read.

/// Why a PDF could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    #[error("the PDF is encrypted; decrypt it first (e.g. `qpdf --decrypt in.pdf out.pdf`)")]
    Encrypted,
    #[error("the PDF is damaged or truncated: {0}")]
    Damaged(String),
    #[error("the PDF has no pages")]
    NoPages,
    #[error("the PDF has no text layer ({0} page(s) of images only): it is a scan; run OCR on it first (e.g. `ocrmypdf in.pdf out.pdf`)")]
    ImageOnly(usize),
    #[error("the PDF shows no text")]
    NoText,
}

//! The PDF reader: the official PDF read in-process, from its glyphs and their geometry.
//!
//! `objects` (the file, through lopdf) → `fonts` + `content` (every glyph with its
//! position, size and style; the rules drawn) → `geometry` (lines, page furniture,
//! footnote areas, paragraphs, marks, italic runs) → `adapter` (to the shared rules
//! of a resolution's shape).

pub mod adapter;
pub mod content;
pub mod fonts;
pub mod geometry;
pub mod lexer;
pub mod objects;

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

/// Whether `bytes` are a PDF: the `%PDF-` header, within the first kilobyte as readers allow.
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(6)
        .any(|w| w.starts_with(b"%PDF-") && w[5].is_ascii_digit())
}

/// Reads the glyphs of every page of a PDF.
pub fn pages(bytes: &[u8]) -> Result<Vec<content::Page>, PdfError> {
    let doc = objects::load(bytes)?;
    let mut cache = content::FontCache::default();
    let pages = content::pages(&doc, &mut cache);
    if pages.is_empty() {
        return Err(PdfError::NoPages);
    }
    if pages
        .iter()
        .all(|p| p.glyphs.iter().all(|g| g.ch.is_whitespace()))
    {
        let images = pages.iter().filter(|p| p.images > 0).count();
        return Err(if images > 0 {
            PdfError::ImageOnly(images)
        } else {
            PdfError::NoText
        });
    }
    Ok(pages)
}

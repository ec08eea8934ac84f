//! The PDF reader: the official PDF read in-process, from its glyphs and their geometry.
//!
//! `objects` (the file, through lopdf) → `fonts` + `content` (every glyph with its
//! position, size and style; the rules drawn) → `geometry` (lines, page furniture,
//! footnote areas, paragraphs, marks, italic runs) → `adapter` (to the shared rules
//! of a resolution's shape).

pub mod adapter;
pub mod content;
mod error;
pub mod fonts;
pub mod geometry;
mod lazy;
pub mod lexer;
pub mod objects;

pub use error::PdfError;

/// Whether `bytes` are a PDF: the `%PDF-` header, within the first kilobyte as readers allow.
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(6)
        .any(|w| w.starts_with(b"%PDF-") && w[5].is_ascii_digit())
}

/// Reads the glyphs of every page of a PDF.
pub fn pages(bytes: &[u8]) -> Result<Vec<content::Page>, PdfError> {
    // Only the objects the pages reach, where the cross-references read cleanly (an
    // official PDF's structure tree and font programs are most of its objects); else
    // the whole file.
    let doc = match lazy::load(bytes) {
        Some(doc) => doc,
        None => objects::load(bytes)?,
    };
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

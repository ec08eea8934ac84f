//! The options every writer is given.

use crate::model::Date;
use crate::write::pdf::fonts::FontFamily;
use crate::write::pdf::paper::PaperSize;
use std::sync::Arc;

/// Options shared by all writers; each writer reads the ones it knows.
#[derive(Debug, Clone)]
pub struct WriteOptions {
    /// Turn references to other documents into links (Markdown, PDF).
    pub links: bool,
    /// Write YAML front matter (Markdown).
    pub front_matter: bool,
    /// The date recorded as the markup date in AKN; `None` uses the documented fixed rule.
    pub markup_date: Option<Date>,
    /// PDF: the paper size.
    pub paper: PaperSize,
    /// PDF: a font family to use instead of the built-in one (read by the caller).
    pub font_family: Option<Arc<FontFamily>>,
    /// PDF: break words at line ends by hyphenation (the print does not).
    pub hyphenate: bool,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            links: true,
            front_matter: true,
            markup_date: None,
            paper: PaperSize::Letter,
            font_family: None,
            hyphenate: false,
        }
    }
}

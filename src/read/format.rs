//! The input formats a text may come in.

use crate::model::SourceFormat;

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
    /// Paragraphs set apart by blank lines, hard-wrapped (the Security Council's volumes).
    Paragraphs,
    /// The whole document on one (or a few) lines, paragraphs set apart by runs of spaces.
    OneLine,
    /// Akoma Ntoso 3.0 XML: our own AKN4UN output, or AKN from another tool.
    Akn,
    /// A PDF file, read from its glyphs and their geometry (told by its `%PDF-` header).
    Pdf,
}

impl Format {
    /// Every format, in the order `--from` lists them.
    pub const ALL: &'static [Format] = &[
        Format::Ods,
        Format::Pymupdf,
        Format::Cleaned,
        Format::PdftotextLayout,
        Format::Pdftotext,
        Format::Lines,
        Format::Paragraphs,
        Format::OneLine,
        Format::Akn,
        Format::Pdf,
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
            Format::Paragraphs => "paragraphs",
            Format::OneLine => "one-line",
            Format::Akn => "akn",
            Format::Pdf => "pdf",
        }
    }

    /// The format named `s` (as with `--from`).
    pub fn from_name(s: &str) -> Option<Format> {
        Format::ALL.iter().copied().find(|f| f.name() == s)
    }
}

impl From<Format> for SourceFormat {
    fn from(f: Format) -> SourceFormat {
        match f {
            Format::Ods => SourceFormat::Ods,
            Format::Pymupdf => SourceFormat::Pymupdf,
            Format::Cleaned => SourceFormat::Cleaned,
            Format::PdftotextLayout => SourceFormat::PdftotextLayout,
            Format::Pdftotext => SourceFormat::Pdftotext,
            Format::Lines => SourceFormat::Lines,
            Format::Paragraphs => SourceFormat::Paragraphs,
            Format::OneLine => SourceFormat::OneLine,
            Format::Akn => SourceFormat::Akn,
            Format::Pdf => SourceFormat::Pdf,
        }
    }
}

//! Writers: one module per output format, all behind the [`Writer`] trait.
//!
//! Adding a format is one new file plus one line in [`WRITERS`].

use crate::model::Resolution;

pub mod akn;
pub mod ids;
pub mod json;
pub mod markdown;
pub mod pdf;

/// Options shared by all writers; each writer reads the ones it knows.
#[derive(Debug, Clone)]
pub struct WriteOptions {
    /// Turn references to other documents into links (Markdown, PDF).
    pub links: bool,
    /// Write YAML front matter (Markdown).
    pub front_matter: bool,
    /// The date recorded as the markup date in AKN; `None` uses the documented fixed rule.
    pub markup_date: Option<crate::model::Date>,
    /// PDF: the paper size.
    pub paper: pdf::PaperSize,
    /// PDF: a font family to use instead of the built-in one (read by the caller).
    pub font_family: Option<std::sync::Arc<pdf::FontFamily>>,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            links: true,
            front_matter: true,
            markup_date: None,
            paper: pdf::PaperSize::Letter,
            font_family: None,
        }
    }
}

/// An error from a writer.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct WriteError(pub String);

/// One output format.
pub trait Writer: Sync {
    /// The name used with `--to`.
    fn name(&self) -> &'static str;
    /// The file-name extension, without the leading dot (`akn.xml`).
    fn extension(&self) -> &'static str;
    /// Renders the document.
    fn write(&self, doc: &Resolution, opts: &WriteOptions) -> Result<Vec<u8>, WriteError>;
}

/// Every available writer, in the order outputs are produced.
pub static WRITERS: &[&dyn Writer] = &[&akn::Akn, &markdown::Markdown, &pdf::Pdf, &json::Json];

/// The writer registered under `name`.
pub fn writer(name: &str) -> Option<&'static dyn Writer> {
    WRITERS.iter().copied().find(|w| w.name() == name)
}

/// The UN's permanent link for a document symbol, used by every writer that links:
/// `https://undocs.org/{lang}/{symbol}` (e.g. `https://undocs.org/en/A/RES/59/50`).
pub fn document_url(symbol: &str, lang: &str) -> String {
    let lang = if lang.is_empty() { "en" } else { lang };
    let mut out = format!("https://undocs.org/{lang}/");
    for c in symbol.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '#' => out.push_str("%23"),
            '?' => out.push_str("%3F"),
            '%' => out.push_str("%25"),
            c => out.push(c),
        }
    }
    out
}

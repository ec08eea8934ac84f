//! Writers: one module per output format, all behind the [`Writer`] trait.
//!
//! Each writer walks the [`Resolution`](crate::model::Resolution) and renders it in memory; [`WRITERS`] lists them
//! and [`writer`] finds one by the name used with `--to` (`akn`, `md`, `pdf`, `json`).
//! Adding a format is one new file plus one line in [`WRITERS`].

mod akn;
mod error;
mod format;
mod json;
mod markdown;
mod options;
mod pdf;
mod shared;

pub use akn::Akn;
pub use json::{schema as json_schema, Json};
pub use markdown::Markdown;
pub use pdf::{FontFamily, PaperSize, Pdf};

pub use error::WriteError;
pub use format::Writer;
pub use options::WriteOptions;
pub use shared::{document_url, push_document_url};

/// Every available writer, in the order outputs are produced.
pub static WRITERS: &[&dyn Writer] = &[&akn::Akn, &markdown::Markdown, &pdf::Pdf, &json::Json];

/// The writer registered under `name`.
pub fn writer(name: &str) -> Option<&'static dyn Writer> {
    WRITERS.iter().copied().find(|w| w.name() == name)
}

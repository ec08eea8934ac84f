//! unres turns United Nations resolutions into Akoma Ntoso XML (AKN4UN), Markdown, a typeset
//! PDF in the UN print layout, and JSON, through one model, as pandoc does:
//!
//! ```text
//! bytes ──decode──▶ text ──read──▶ Resolution (model) ──write──▶ AKN XML | Markdown | PDF | JSON
//! ```
//!
//! - [`read`]: the input formats (the ODS Word export, PDF text from PyMuPDF or
//!   `pdftotext`, cleaned Markdown-like text, one block per line, one line, and Akoma Ntoso
//!   XML read back), detected or named, read into a [`model::Resolution`] with
//!   [`Diagnostic`]s tied to input lines.
//! - [`model`]: the resolution as plain data (serde and JSON Schema derives).
//! - [`write`](mod@write): one [`write::Writer`] per output format, registered in [`write::WRITERS`].
//!
//! The library reads and writes bytes in memory; it touches neither files nor the terminal.
//! The `unres` command line (the default `cli` feature) is built on it.
//!
//! # Example
//!
//! ```
//! use unres::read::read;
//! use unres::write::{writer, WriteOptions};
//!
//! let text = "\
//! Resolution adopted by the General Assembly on 13 December 2010
//!
//! 65/122. Cooperation between the United Nations and a regional organization
//!
//! The General Assembly,
//!
//! Recalling its resolution 59/50 of 2 December 2004,
//!
//! 1. Notes the activity of the organization;
//!
//! 2. Requests the Secretary-General to report.
//!
//! 64th plenary meeting
//! 13 December 2010
//! ";
//! // The format is detected when not given.
//! let out = read(text, None)?;
//! assert!(out.diagnostics.is_empty());
//! let doc = &out.doc;
//! assert_eq!(doc.meta.number.as_deref(), Some("65/122"));
//! assert_eq!(doc.operative_paragraphs().len(), 2);
//!
//! let opts = WriteOptions::default();
//! let markdown = writer("md").ok_or("no Markdown writer")?.write(doc, &opts)?;
//! assert!(String::from_utf8(markdown)?.contains("the activity of the organization"));
//! let akn = writer("akn").ok_or("no AKN writer")?.write(doc, &opts)?;
//! assert!(akn.starts_with(b"<?xml"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![warn(missing_docs)]

mod decode;
pub mod diag;
mod lang;
pub mod model;
pub mod read;
pub mod write;

pub use diag::{Diagnostic, Severity};

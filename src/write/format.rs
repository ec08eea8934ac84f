//! The [`Writer`] trait every output format implements.

use crate::model::Resolution;
use crate::write::error::WriteError;
use crate::write::options::WriteOptions;

/// One output format.
pub trait Writer: Sync {
    /// The name used with `--to`.
    fn name(&self) -> &'static str;
    /// The file-name extension, without the leading dot (`akn.xml`).
    fn extension(&self) -> &'static str;
    /// Renders the document.
    fn write(&self, doc: &Resolution, opts: &WriteOptions) -> Result<Vec<u8>, WriteError>;
    /// Renders the document, noting in `warnings` what the output cannot show as the
    /// model has it (the PDF's fonts may lack characters).
    fn write_noting(
        &self,
        doc: &Resolution,
        opts: &WriteOptions,
        warnings: &mut Vec<String>,
    ) -> Result<Vec<u8>, WriteError> {
        let _ = warnings;
        self.write(doc, opts)
    }
}

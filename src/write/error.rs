//! Why a writer could not render a document.

/// Why a writer could not render a document. The model a reader produces always renders;
/// these are a caller's font that cannot be used, or a bug of a writer, stated as such.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WriteError {
    /// AKN: an element points at a person or organisation with no entry in the references
    /// (a bug of the AKN writer, reported rather than left as a dangling pointer).
    #[error("no TLC for #{0}")]
    MissingReference(String),
    /// PDF: a font of the family cannot be read or embedded.
    #[error("{0}")]
    Font(String),
    /// PDF: the file could not be assembled.
    #[error("{0}")]
    Pdf(String),
    /// JSON: the model could not be serialized.
    #[error(transparent)]
    Json(#[from] serde_json::Error),
}

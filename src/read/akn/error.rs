//! Why an AKN file cannot be read.

/// Why an AKN file cannot be read, with the line and column (1-based) concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AknError {
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// The byte offset of the element concerned, until [`read`](super::read) turns it into the line
    /// and column.
    pub(super) offset: Option<usize>,
}

impl AknError {
    pub fn new(line: usize, column: usize, message: impl Into<String>) -> AknError {
        AknError {
            line,
            column,
            message: message.into(),
            offset: None,
        }
    }
}

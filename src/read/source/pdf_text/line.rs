//! A line of a PDF's text as the joiner sees it.

use std::borrow::Cow;

/// A line of input with what the joiner needs to know about it.
#[derive(Debug, Clone)]
pub(crate) struct L<'a> {
    pub(crate) no: usize,
    /// Cleaned; borrowed from the input when there was nothing to clean.
    pub(crate) text: Cow<'a, str>,
    pub(crate) indent: usize,
    pub(crate) page: usize,
    /// A blank line stood before it.
    pub(crate) blank_before: bool,
    /// Page furniture or notes were removed just before it.
    pub(crate) after_break: bool,
    /// It is a formula line ("The General Assembly,").
    pub(crate) formula: bool,
}

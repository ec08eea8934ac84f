//! The shapes of the word tables every language fills.

/// What makes an organ's name the enacting formula rather than a masthead line or
/// wrapped text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marked {
    /// The name alone ("L'Assemblée générale").
    Plain,
    /// "The" before it (English).
    The,
    /// A comma after it ("大会，"): the Chinese masthead prints "大会" alone.
    Comma,
    /// "إن" or "فإن" before it: the Arabic masthead prints "الجمعية العامة" alone.
    Particle,
}

/// The words the PDF writer prints in the masthead and outline.
#[derive(Debug, Clone, Copy)]
pub struct PrintWords {
    pub united_nations: &'static str,
    pub distr: &'static str,
    pub agenda_item: &'static str,
    pub agenda_items: &'static str,
    pub and: &'static str,
    /// The adoption line before its date, for a document that does not print one.
    pub adopted: &'static str,
    pub annex_outline: &'static str,
    pub preamble_outline: &'static str,
    pub operative_outline: &'static str,
    /// The language letter after the job number: "(E)".
    pub letter: &'static str,
}

//! Diagnostics: warnings and errors tied to a line of the input.

use std::fmt;

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The document was read, but something in it may not be as printed.
    Warning,
    /// The document cannot be converted.
    Error,
}

/// What a diagnostic is about, so that a program can tell warnings apart without
/// reading their messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Kind {
    /// The bytes are not valid UTF-8 and were decoded as Windows-1252.
    Encoding,
    /// Text where the document has none (before the formula, after the closing lines)
    /// was left out.
    IgnoredText,
    /// A sub-paragraph label missing from the text was inferred from its neighbours.
    InferredLabel,
    /// The title is visibly cut off and could not be completed.
    CutTitle,
    /// A footnote mark with no note, or a note with no mark.
    UnmatchedNote,
    /// Masthead lines that could not be read as printed (several agenda items, one title).
    Masthead,
    /// Front matter that disagrees with the printed text (the printed text is kept).
    FrontMatter,
    /// No body text was found in the input.
    NoBody,
    /// A reader's input could not be read (an error).
    Read,
    /// Any other message (from a caller of the library, such as the command line).
    Other,
}

/// A message about the input, with the 1-based line it concerns (0 = the whole file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The 1-based line of the input; 0 for the whole file.
    pub line: usize,
    /// The 1-based column on that line (in characters), when known; 0 otherwise.
    pub column: usize,
    /// Warning or error.
    pub severity: Severity,
    /// What the message is about.
    pub kind: Kind,
    /// What is wrong, in a sentence.
    pub message: String,
}

impl Diagnostic {
    /// A warning of a known kind about `line`.
    pub fn warn(kind: Kind, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            line,
            column: 0,
            severity: Severity::Warning,
            kind,
            message: message.into(),
        }
    }
    /// A warning of no particular kind about `line`.
    pub fn warning(line: usize, message: impl Into<String>) -> Self {
        Diagnostic::warn(Kind::Other, line, message)
    }
    /// An error of no particular kind about `line`.
    pub fn error(line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            line,
            column: 0,
            severity: Severity::Error,
            kind: Kind::Other,
            message: message.into(),
        }
    }

    /// The same, at `column` of its line.
    pub fn with_column(mut self, column: usize) -> Self {
        self.column = column;
        self
    }

    /// `PATH:LINE: warning: …` (`PATH:LINE:COLUMN: …` when the column is known) as
    /// printed on standard error.
    pub fn display<'a>(&'a self, path: &'a str) -> impl fmt::Display + 'a {
        DiagDisplay { d: self, path }
    }
}

struct DiagDisplay<'a> {
    d: &'a Diagnostic,
    path: &'a str,
}

impl fmt::Display for DiagDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.d.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{}:{}:", self.path, self.d.line.max(1))?;
        if self.d.column > 0 {
            write!(f, "{}:", self.d.column)?;
        }
        write!(f, " {}: {}", sev, self.d.message)
    }
}

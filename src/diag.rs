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

/// A message about the input, with the 1-based line it concerns (0 = the whole file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The 1-based line of the input; 0 for the whole file.
    pub line: usize,
    /// The 1-based column on that line (in characters), when known; 0 otherwise.
    pub column: usize,
    /// Warning or error.
    pub severity: Severity,
    /// What is wrong, in a sentence.
    pub message: String,
}

impl Diagnostic {
    /// A warning about `line`.
    pub fn warning(line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            line,
            column: 0,
            severity: Severity::Warning,
            message: message.into(),
        }
    }
    /// An error about `line`.
    pub fn error(line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            line,
            column: 0,
            severity: Severity::Error,
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

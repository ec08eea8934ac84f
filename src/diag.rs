//! Diagnostics: warnings and errors tied to a line of the input.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Warning,
    Error,
}

/// A message about the input, with the 1-based line it concerns (0 = the whole file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub line: usize,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    pub fn warning(line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            line,
            severity: Severity::Warning,
            message: message.into(),
        }
    }
    pub fn error(line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            line,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    /// `PATH:LINE: warning: …` as printed on standard error.
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
        write!(
            f,
            "{}:{}: {}: {}",
            self.path,
            self.d.line.max(1),
            sev,
            self.d.message
        )
    }
}

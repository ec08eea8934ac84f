//! A paragraph while it is being built, before its text is split into inlines.

/// A paragraph while it is being built: text not yet split into inlines.
#[derive(Debug, Clone, Default)]
pub(crate) struct Raw {
    pub(crate) line: usize,
    pub(crate) num: Option<String>,
    pub(crate) num_inferred: bool,
    pub(crate) heading: Option<String>,
    pub(crate) content: Vec<String>,
    pub(crate) subs: Vec<Raw>,
    pub(crate) wrap: Vec<String>,
}

impl Raw {
    /// An unnumbered paragraph of one text, begun at `line`.
    pub(crate) fn text(line: usize, text: &str) -> Raw {
        Raw {
            line,
            content: vec![text.to_string()],
            ..Raw::default()
        }
    }
}

/// An item of a zone before sections are folded into a tree.
#[derive(Debug, Clone)]
pub(crate) enum Item {
    Heading {
        num: Option<String>,
        text: String,
        level: u8,
    },
    Para(Raw),
}

#[derive(Debug, Default)]
pub(crate) struct RawAnnex {
    pub(crate) label: String,
    pub(crate) title: Option<String>,
    pub(crate) items: Vec<Item>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Zone {
    Preface,
    Preamble,
    Body,
    Closing,
    Annex,
}

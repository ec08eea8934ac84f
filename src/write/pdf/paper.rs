//! The paper sizes and the page geometry each gives.

/// Page size and the shift applied to the Letter layout (A4 centres it).
#[derive(Debug, Clone, Copy)]
pub struct Paper {
    pub width: f32,
    pub height: f32,
    pub dx: f32,
    pub dy: f32,
}

/// Paper size. The text block is the same on both, centred on A4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PaperSize {
    /// US Letter, 612 × 792 pt (New York documents).
    #[default]
    Letter,
    /// A4, 595.276 × 841.89 pt.
    A4,
}

impl PaperSize {
    /// The page size and the shift of the Letter layout on it.
    pub(super) fn paper(self) -> Paper {
        match self {
            PaperSize::Letter => Paper {
                width: 612.0,
                height: 792.0,
                dx: 0.0,
                dy: 0.0,
            },
            PaperSize::A4 => Paper {
                width: 595.276,
                height: 841.89,
                dx: (595.276 - 612.0) / 2.0,
                dy: (841.89 - 792.0) / 2.0,
            },
        }
    }
}

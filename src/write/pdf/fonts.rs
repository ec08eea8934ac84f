//! Fonts: the family (four styles), their widths for layout, their glyphs for the PDF.
//!
//! The default family is Liberation Serif (metrically Times New Roman, the face
//! of the UN print; SIL Open Font License, `fonts/liberation/`), compiled in and
//! parsed once per process. A user family arrives as bytes in
//! [`WriteOptions`](crate::write::WriteOptions); the writer does no I/O.

use super::layout::{Measure, Style};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

/// A font family as file contents: regular, italic, bold and bold italic.
#[derive(Clone, PartialEq, Eq)]
pub struct FontFamily {
    /// The regular face: a TrueType or OpenType file.
    pub regular: Vec<u8>,
    /// The italic face (the regular one again when the family has none).
    pub italic: Vec<u8>,
    /// The bold face.
    pub bold: Vec<u8>,
    /// The bold italic face.
    pub bold_italic: Vec<u8>,
}

impl std::fmt::Debug for FontFamily {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The bytes would flood any debug print of the options.
        f.debug_struct("FontFamily")
            .field("regular", &self.regular.len())
            .field("italic", &self.italic.len())
            .field("bold", &self.bold.len())
            .field("bold_italic", &self.bold_italic.len())
            .finish()
    }
}

/// Code points below this have their glyph and width cached (Latin, Greek, Cyrillic).
const CACHED: usize = 0x500;
/// Marks a filled cache entry (an unfilled one is 0).
const FILLED: u64 = 1 << 48;

/// One parsed style: metrics for layout, glyphs and the file for embedding.
pub struct Face<'a> {
    /// The font file.
    pub data: &'a [u8],
    pub metrics: ttf_parser::Face<'a>,
    per_em: f32,
    /// Glyph id (bits 32–47) and advance in ems (f32 bits 0–31) of the first
    /// code points, filled on first use: the hot path of measuring and of
    /// encoding text, without a cmap lookup. Filling is idempotent, so threads
    /// sharing the default faces may race on an entry harmlessly.
    cache: Box<[AtomicU64]>,
}

impl<'a> Face<'a> {
    fn new(bytes: &'a [u8], which: &str) -> Result<Face<'a>, String> {
        let metrics = ttf_parser::Face::parse(bytes, 0)
            .map_err(|e| format!("cannot read the {which} font: {e}"))?;
        // Only TrueType and CFF outlines can be embedded.
        let raw = metrics.raw_face();
        let outlines = [b"glyf", b"CFF "]
            .iter()
            .any(|t| raw.table(ttf_parser::Tag::from_bytes(t)).is_some());
        if !outlines {
            return Err(format!("cannot embed the {which} font"));
        }
        let per_em = f32::from(metrics.units_per_em().max(1));
        Ok(Face {
            data: bytes,
            metrics,
            per_em,
            cache: (0..CACHED).map(|_| AtomicU64::new(0)).collect(),
        })
    }

    /// Glyph id and width in ems of one character; a missing glyph is
    /// `.notdef` (glyph 0), with its width.
    pub fn glyph(&self, c: char) -> (u16, f32) {
        let Some(slot) = self.cache.get(c as usize) else {
            return self.lookup(c);
        };
        let v = slot.load(Ordering::Relaxed);
        if v & FILLED != 0 {
            return ((v >> 32) as u16, f32::from_bits(v as u32));
        }
        let (gid, em) = self.lookup(c);
        slot.store(
            FILLED | (u64::from(gid) << 32) | u64::from(em.to_bits()),
            Ordering::Relaxed,
        );
        (gid, em)
    }

    fn lookup(&self, c: char) -> (u16, f32) {
        let gid = self
            .metrics
            .glyph_index(c)
            .or_else(|| self.metrics.glyph_index(fallback(c)?))
            .unwrap_or(ttf_parser::GlyphId(0));
        let em = f32::from(self.metrics.glyph_hor_advance(gid).unwrap_or(0)) / self.per_em;
        (gid.0, em)
    }

    /// Whether the font has a glyph for `c`.
    fn has(&self, c: char) -> bool {
        self.metrics.glyph_index(c).is_some()
    }

    /// The character whose glyph shows `c`: itself, or its [`fallback`] when the
    /// font lacks it and has that.
    pub fn shown(&self, c: char) -> char {
        match fallback(c) {
            Some(f) if !self.has(c) && self.has(f) => f,
            _ => c,
        }
    }
}

/// A character that looks the same as `c`, for a font that lacks `c`: the
/// no-break forms of the hyphen and the spaces (they only differ in line breaking,
/// which the layout has done), and typographic variants of dashes and quotes.
pub fn fallback(c: char) -> Option<char> {
    Some(match c {
        '\u{2010}' | '\u{2011}' => '-',
        '\u{2007}' | '\u{2008}' | '\u{2009}' | '\u{200a}' | '\u{202f}' | '\u{205f}' => ' ',
        '\u{2012}' => '\u{2013}',
        '\u{2015}' => '\u{2014}',
        '\u{2212}' => '-',
        '\u{2032}' => '\'',
        '\u{2033}' => '"',
        _ => return None,
    })
}

/// The four faces of a family.
pub struct Faces<'a> {
    pub faces: [Face<'a>; 4],
}

impl<'a> Faces<'a> {
    pub fn parse(family: &'a FontFamily) -> Result<Faces<'a>, String> {
        Faces::from_bytes([
            &family.regular,
            &family.italic,
            &family.bold,
            &family.bold_italic,
        ])
    }

    fn from_bytes(files: [&'a [u8]; 4]) -> Result<Faces<'a>, String> {
        let [r, i, b, bi] = files;
        Ok(Faces {
            faces: [
                Face::new(r, "regular")?,
                Face::new(i, "italic")?,
                Face::new(b, "bold")?,
                Face::new(bi, "bold italic")?,
            ],
        })
    }

    pub fn face(&self, style: Style) -> &Face<'a> {
        &self.faces[style.index()]
    }
}

/// Letter spacing of the print, in ems: its words are set about 0.22 pt a letter
/// wider than Times New Roman's advances at 10 pt (fitted on the line breaks of the
/// 29 official PDFs, docs/pdf.md). Drawn as the `Tc` operator, and measured here, so
/// that lines break where the print's do.
pub const TRACKING: f32 = 0.022;

impl Measure for Faces<'_> {
    fn width(&self, style: Style, size: f32, text: &str) -> f32 {
        let face = self.face(style);
        text.chars()
            .map(|c| face.glyph(c).1 + TRACKING)
            .sum::<f32>()
            * size
    }
}

/// The compiled-in default family: Liberation Serif 2.1.5 (`fonts/liberation/`).
const DEFAULT_FAMILY: [&[u8]; 4] = [
    include_bytes!("../../../fonts/liberation/LiberationSerif-Regular.ttf"),
    include_bytes!("../../../fonts/liberation/LiberationSerif-Italic.ttf"),
    include_bytes!("../../../fonts/liberation/LiberationSerif-Bold.ttf"),
    include_bytes!("../../../fonts/liberation/LiberationSerif-BoldItalic.ttf"),
];

/// The default faces, parsed once per process.
pub fn default_faces() -> Result<&'static Faces<'static>, String> {
    static FACES: OnceLock<Result<Faces<'static>, String>> = OnceLock::new();
    FACES
        .get_or_init(|| Faces::from_bytes(DEFAULT_FAMILY))
        .as_ref()
        .map_err(Clone::clone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_family_loads_and_measures() {
        let f = default_faces().unwrap();
        let w = f.width(Style::Regular, 10.0, "General Assembly");
        assert!(w > 50.0 && w < 100.0, "{w}");
        // Bold is wider than regular.
        assert!(f.width(Style::Bold, 10.0, "General Assembly") > w);
        // Times New Roman's widths: "General Assembly" is 74.15 pt at 10 pt.
        assert!((w - 74.15 - 16.0 * TRACKING * 10.0).abs() < 0.01, "{w}");
        // Cyrillic and Greek are covered.
        assert!(f.face(Style::Regular).has('Ж'));
        assert!(f.face(Style::Italic).has('λ'));
    }

    #[test]
    fn cached_glyphs_match_the_cmap() {
        let f = default_faces().unwrap().face(Style::Regular);
        for c in ['a', 'Ж', '\u{4ff}', '\u{500}', '€', '\u{0}'] {
            let first = f.glyph(c);
            assert_eq!(first, f.lookup(c), "{c:?}");
            assert_eq!(f.glyph(c), first, "{c:?}");
        }
    }
}

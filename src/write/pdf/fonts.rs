//! Fonts: the family (four styles), their widths for layout, their glyphs for the PDF.
//!
//! The default family is Libertinus Serif from `typst-assets`, compiled in and
//! parsed once per process. A user family arrives as bytes in
//! [`WriteOptions`](crate::write::WriteOptions); the writer does no I/O.

use super::cff::SubrCache;
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
    /// For subsetting a CFF font: the subroutines of each glyph.
    pub subrs: SubrCache,
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
            subrs: SubrCache::default(),
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
            .unwrap_or(ttf_parser::GlyphId(0));
        let em = f32::from(self.metrics.glyph_hor_advance(gid).unwrap_or(0)) / self.per_em;
        (gid.0, em)
    }

    /// Whether the font has a glyph for `c`.
    #[cfg(test)]
    fn has(&self, c: char) -> bool {
        self.metrics.glyph_index(c).is_some()
    }
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

impl Measure for Faces<'_> {
    fn width(&self, style: Style, size: f32, text: &str) -> f32 {
        let face = self.face(style);
        text.chars().map(|c| face.glyph(c).1).sum::<f32>() * size
    }
}

/// The PostScript name of a font file, from its `name` table, without parsing the
/// rest of the font.
fn postscript_name(bytes: &[u8]) -> Option<String> {
    let raw = ttf_parser::RawFace::parse(bytes, 0).ok()?;
    let table = ttf_parser::name::Table::parse(raw.table(ttf_parser::Tag::from_bytes(b"name"))?)?;
    table
        .names
        .into_iter()
        .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .find_map(|n| n.to_string())
}

/// The compiled-in default family (Libertinus Serif), borrowed from `typst-assets`.
fn default_family() -> Result<[&'static [u8]; 4], String> {
    let mut styles: [Option<&'static [u8]>; 4] = [None; 4];
    // The four styles come first in typst-assets: stop as soon as they are found.
    for bytes in typst_assets::fonts() {
        let slot = match postscript_name(bytes).as_deref() {
            Some("LibertinusSerif-Regular") => 0,
            Some("LibertinusSerif-Italic") => 1,
            Some("LibertinusSerif-Bold") => 2,
            Some("LibertinusSerif-BoldItalic") => 3,
            _ => continue,
        };
        styles[slot] = Some(bytes);
        if let [Some(r), Some(i), Some(b), Some(bi)] = styles {
            return Ok([r, i, b, bi]);
        }
    }
    Err("the built-in Libertinus Serif family is incomplete".to_string())
}

/// The default faces, parsed once per process.
pub fn default_faces() -> Result<&'static Faces<'static>, String> {
    static FACES: OnceLock<Result<Faces<'static>, String>> = OnceLock::new();
    FACES
        .get_or_init(|| Faces::from_bytes(default_family()?))
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

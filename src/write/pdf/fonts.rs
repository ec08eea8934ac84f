//! Fonts: the family (four styles), their widths for layout, their PDF handles.
//!
//! The default family is Libertinus Serif from `typst-assets`, compiled in and
//! parsed once per process. A user family arrives as bytes in
//! [`WriteOptions`](crate::write::WriteOptions); the writer does no I/O.

use super::layout::{Measure, Style};
use printpdf::ParsedFont;
use std::sync::OnceLock;

/// A font family as file contents: regular, italic, bold and bold italic.
#[derive(Clone, PartialEq, Eq)]
pub struct FontFamily {
    pub regular: Vec<u8>,
    pub italic: Vec<u8>,
    pub bold: Vec<u8>,
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

/// One parsed style: metrics for layout and the font for embedding.
pub struct Face<'a> {
    metrics: ttf_parser::Face<'a>,
    /// Advance widths per em of the first 0x500 code points (Latin, Greek,
    /// Cyrillic): the hot path of measuring, without a cmap lookup.
    ascii: Vec<f32>,
    per_em: f32,
    pub parsed: ParsedFont,
}

impl<'a> Face<'a> {
    fn new(bytes: &'a [u8], which: &str) -> Result<Face<'a>, String> {
        let metrics = ttf_parser::Face::parse(bytes, 0)
            .map_err(|e| format!("cannot read the {which} font: {e}"))?;
        let per_em = f32::from(metrics.units_per_em().max(1));
        let mut warn = Vec::new();
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warn)
            .ok_or_else(|| format!("cannot embed the {which} font"))?;
        let mut face = Face {
            metrics,
            ascii: Vec::new(),
            per_em,
            parsed,
        };
        face.ascii = (0u32..0x500)
            .map(|c| char::from_u32(c).map_or(0.0, |c| face.lookup(c)))
            .collect();
        Ok(face)
    }

    /// Width of one character in ems; a missing glyph counts as `.notdef`'s width.
    fn lookup(&self, c: char) -> f32 {
        let gid = self
            .metrics
            .glyph_index(c)
            .unwrap_or(ttf_parser::GlyphId(0));
        f32::from(self.metrics.glyph_hor_advance(gid).unwrap_or(0)) / self.per_em
    }

    fn char_em(&self, c: char) -> f32 {
        match self.ascii.get(c as usize) {
            Some(w) => *w,
            None => self.lookup(c),
        }
    }

    /// Whether the font has a glyph for `c`.
    pub fn has(&self, c: char) -> bool {
        self.metrics.glyph_index(c).is_some()
    }
}

/// The four faces of a family.
pub struct Faces<'a> {
    pub faces: [Face<'a>; 4],
}

impl<'a> Faces<'a> {
    pub fn parse(family: &'a FontFamily) -> Result<Faces<'a>, String> {
        Ok(Faces {
            faces: [
                Face::new(&family.regular, "regular")?,
                Face::new(&family.italic, "italic")?,
                Face::new(&family.bold, "bold")?,
                Face::new(&family.bold_italic, "bold italic")?,
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
        text.chars().map(|c| face.char_em(c)).sum::<f32>() * size
    }
}

/// The compiled-in default family (Libertinus Serif).
fn default_family() -> Result<&'static FontFamily, String> {
    static FAMILY: OnceLock<Result<FontFamily, String>> = OnceLock::new();
    FAMILY
        .get_or_init(|| {
            let mut styles: [Option<&[u8]>; 4] = [None; 4];
            for bytes in typst_assets::fonts() {
                let Ok(face) = ttf_parser::Face::parse(bytes, 0) else {
                    continue;
                };
                let name = face
                    .names()
                    .into_iter()
                    .filter(|n| n.name_id == ttf_parser::name_id::FULL_NAME)
                    .find_map(|n| n.to_string())
                    .unwrap_or_default();
                let slot = match name.as_str() {
                    "Libertinus Serif Regular" | "Libertinus Serif" => 0,
                    "Libertinus Serif Italic" => 1,
                    "Libertinus Serif Bold" => 2,
                    "Libertinus Serif Bold Italic" => 3,
                    _ => continue,
                };
                styles[slot] = Some(bytes);
            }
            match styles {
                [Some(r), Some(i), Some(b), Some(bi)] => Ok(FontFamily {
                    regular: r.to_vec(),
                    italic: i.to_vec(),
                    bold: b.to_vec(),
                    bold_italic: bi.to_vec(),
                }),
                _ => Err("the built-in Libertinus Serif family is incomplete".to_string()),
            }
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// The default faces, parsed once per process.
pub fn default_faces() -> Result<&'static Faces<'static>, String> {
    static FACES: OnceLock<Result<Faces<'static>, String>> = OnceLock::new();
    FACES
        .get_or_init(|| Faces::parse(default_family()?))
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
}

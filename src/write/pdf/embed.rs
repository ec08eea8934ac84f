//! Embedding a face in the PDF: a subset of the glyphs the document shows, their
//! widths, and a ToUnicode map so that the text can be extracted.
//!
//! Text is shown by glyph id through `/Identity-H`: the code of a glyph is its
//! number in the subset. Every font is subset by the `subsetter` crate.

use super::fonts::Face;
use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};
use std::io::Write as _;

/// The zlib level of the content streams.
const LEVEL: u32 = 6;

/// No character shows this glyph.
pub const UNUSED: u32 = u32::MAX;

/// The default width of the CID fonts (glyphs not in `/W`).
const DEFAULT_WIDTH: i64 = 1000;

/// A font program and how it is embedded.
enum Program {
    /// `OTTO` (CFF outlines): `/CIDFontType0`, `/FontFile3` of `/Subtype /OpenType`.
    OpenType(Vec<u8>),
    /// TrueType outlines: `/CIDFontType2`, `/FontFile2`.
    TrueType(Vec<u8>),
}

fn program(face: &Face, glyphs: &[u16]) -> Result<Program, String> {
    let remapper = subsetter::GlyphRemapper::new_from_glyphs(glyphs);
    let font = subsetter::subset(face.data, 0, &remapper)
        .map_err(|e| format!("cannot subset a font: {e}"))?;
    Ok(if font.starts_with(b"OTTO") {
        Program::OpenType(font)
    } else {
        Program::TrueType(font)
    })
}

/// Compression of the content streams: zlib through `flate2`, at the level that
/// measured best for size against time on our pages (docs/performance.md).
pub struct Deflater {
    level: flate2::Compression,
}

impl Deflater {
    pub fn new() -> Deflater {
        Deflater {
            level: flate2::Compression::new(LEVEL),
        }
    }

    fn zlib(&self, content: &[u8]) -> Vec<u8> {
        let mut z =
            flate2::write::ZlibEncoder::new(Vec::with_capacity(content.len() / 3 + 64), self.level);
        // Writing to a Vec cannot fail.
        z.write_all(content)
            .and_then(|()| z.finish())
            .unwrap_or_default()
    }

    /// A stream of `content`, compressed when that makes it smaller.
    pub fn stream(&mut self, dict: Dictionary, content: Vec<u8>) -> Stream {
        let mut stream = Stream::new(dict, Vec::new());
        let packed = self.zlib(&content);
        if packed.is_empty() {
            stream.set_content(content);
            return stream;
        }
        if packed.len() + 19 < content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(packed);
        } else {
            stream.set_content(content);
        }
        stream
    }
}

fn be16(table: Option<&[u8]>, at: usize) -> i64 {
    table
        .and_then(|t| t.get(at..at + 2)?.try_into().ok())
        .map_or(0, |b: [u8; 2]| i64::from(i16::from_be_bytes(b)))
}

/// Embeds the glyphs of `face` that `chars` marks as used (by glyph id, the
/// character shown, or [`UNUSED`]) as the font `tag`; `aliases` are further
/// characters shown by a glyph that another character already uses (glyph id,
/// character). Returns the font's dictionary and the code that shows each glyph
/// (by glyph id) and then each alias.
pub fn embed(
    doc: &mut lopdf::Document,
    face: &Face,
    tag: &str,
    chars: &[u32],
    aliases: &[(u16, char)],
) -> Result<(ObjectId, Vec<u16>), String> {
    // .notdef and the used glyphs, in order: their codes are 0, 1, 2, …
    let glyphs: Vec<u16> = std::iter::once(0)
        .chain(
            (1..chars.len())
                .filter(|&g| chars.get(g).is_some_and(|&c| c != UNUSED))
                .filter_map(|g| u16::try_from(g).ok()),
        )
        .collect();
    let mut codes = vec![0u16; chars.len() + aliases.len()];
    for (code, &g) in glyphs.iter().enumerate() {
        if let Some(slot) = codes.get_mut(usize::from(g)) {
            *slot = code as u16;
        }
    }
    // An alias gets a code of its own after the glyphs' (mapped to its glyph by
    // /CIDToGIDMap, which TrueType fonts have); a CFF font shows it by the glyph's code.
    let truetype = face
        .metrics
        .raw_face()
        .table(ttf_parser::Tag::from_bytes(b"glyf"))
        .is_some();
    let mut alias_codes: Vec<(u16, u16, char)> = Vec::new();
    for (i, &(g, c)) in aliases.iter().enumerate() {
        let glyph_code = codes.get(usize::from(g)).copied().unwrap_or(0);
        let code = if truetype {
            let code = (glyphs.len() + alias_codes.len()) as u16;
            alias_codes.push((code, glyph_code, c));
            code
        } else {
            glyph_code
        };
        if let Some(slot) = codes.get_mut(chars.len() + i) {
            *slot = code;
        }
    }
    let m = &face.metrics;
    let raw = m.raw_face();
    let table = |t: &[u8; 4]| raw.table(ttf_parser::Tag::from_bytes(t));
    let (head, hhea, os2) = (table(b"head"), table(b"hhea"), table(b"OS/2"));
    let per_em = m.units_per_em();
    let scale = if per_em == 0 {
        1.0
    } else {
        1000.0 / f32::from(per_em)
    };
    let scaled = |v: i64| (v as f32 * scale).round() as i64;

    // Widths in thousandths of an em, truncated, by code.
    let width = |g: u16| {
        let w = m.glyph_hor_advance(ttf_parser::GlyphId(g)).unwrap_or(0);
        Object::Integer((f32::from(w) * 1000.0 / f32::from(per_em)) as i64)
    };
    let widths: Vec<Object> = glyphs
        .iter()
        .map(|&g| width(g))
        .chain(
            alias_codes
                .iter()
                .map(|&(_, gc, _)| width(glyphs.get(usize::from(gc)).copied().unwrap_or(0))),
        )
        .collect();

    let name = m
        .names()
        .into_iter()
        .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .find_map(|n| n.to_string())
        .unwrap_or_else(|| tag.to_string());
    // The subset tag: six capitals (ISO 32000-1, 9.6.4).
    let face_name = format!("{}+{name}", tag.get(..6).unwrap_or(tag));

    // The font program is stored as it is: outlines hardly compress (by a sixth),
    // and compressing them cost more than the rest of the PDF.
    let (subtype, file_key, file) = match program(face, &glyphs)? {
        Program::OpenType(font) => {
            let dict = Dictionary::from_iter(vec![("Subtype", Object::Name(b"OpenType".to_vec()))]);
            ("CIDFontType0", "FontFile3", Stream::new(dict, font))
        }
        Program::TrueType(font) => {
            let dict = Dictionary::from_iter(vec![("Length1", Object::Integer(font.len() as i64))]);
            ("CIDFontType2", "FontFile2", Stream::new(dict, font))
        }
    };
    let file = doc.add_object(file);

    // The descriptor's metrics, as printpdf wrote them: hhea's ascent and descent
    // (also the cap height), head's box, the slant from hhea's caret, the stem
    // width from OS/2's weight class.
    let ascent = scaled(be16(hhea, 4));
    let descent = scaled(be16(hhea, 6));
    let bbox = [36, 38, 40, 42].map(|at| Object::Integer(scaled(be16(head, at))));
    let (rise, run) = (be16(hhea, 18), be16(hhea, 20));
    let italic_angle = if rise == 0 {
        0
    } else {
        (-(run as f32).atan2(rise as f32).to_degrees()).round() as i64
    };
    let flags = (1 << 5) | if italic_angle != 0 { 1 << 6 } else { 0 };
    let weight = be16(os2, 4) as u16;
    let stem_v = if weight == 0 {
        80
    } else {
        50 + (f32::from(weight) / 65.0).powi(2).round() as i64
    };
    let font_name = || Object::Name(face_name.as_bytes().to_vec());
    let descriptor = doc.add_object(Dictionary::from_iter(vec![
        ("Type", Object::Name(b"FontDescriptor".to_vec())),
        ("FontName", font_name()),
        ("Ascent", Object::Integer(ascent)),
        ("Descent", Object::Integer(descent)),
        ("CapHeight", Object::Integer(ascent)),
        ("ItalicAngle", Object::Integer(italic_angle)),
        ("Flags", Object::Integer(flags)),
        ("StemV", Object::Integer(stem_v)),
        ("FontBBox", Object::Array(bbox.to_vec())),
        (file_key, Object::Reference(file)),
    ]));
    let to_unicode = Stream::new(
        Dictionary::new(),
        to_unicode_cmap(tag, &glyphs, chars, &alias_codes),
    );
    let to_unicode = doc.add_object(to_unicode);
    let cid_font = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"Font".to_vec())),
        ("BaseFont", font_name()),
        ("Subtype", Object::Name(subtype.as_bytes().to_vec())),
        (
            "CIDSystemInfo",
            Object::Dictionary(Dictionary::from_iter(vec![
                (
                    "Registry",
                    Object::String(b"Adobe".to_vec(), StringFormat::Literal),
                ),
                (
                    "Ordering",
                    Object::String(b"Identity".to_vec(), StringFormat::Literal),
                ),
                ("Supplement", Object::Integer(0)),
            ])),
        ),
        (
            "W",
            Object::Array(vec![Object::Integer(0), Object::Array(widths)]),
        ),
        ("DW", Object::Integer(DEFAULT_WIDTH)),
        ("FontDescriptor", Object::Reference(descriptor)),
    ]);
    let mut cid_font = cid_font;
    if !alias_codes.is_empty() {
        // Codes up to the glyphs' are the subset's glyph ids; an alias, its glyph's.
        let mut map = Vec::with_capacity(2 * (glyphs.len() + alias_codes.len()));
        for code in 0..glyphs.len() as u16 {
            map.extend_from_slice(&code.to_be_bytes());
        }
        for &(_, gc, _) in &alias_codes {
            map.extend_from_slice(&gc.to_be_bytes());
        }
        let map = doc.add_object(Stream::new(Dictionary::new(), map));
        cid_font.set("CIDToGIDMap", Object::Reference(map));
    }
    let font = doc.add_object(Dictionary::from_iter(vec![
        ("Type", Object::Name(b"Font".to_vec())),
        ("Subtype", Object::Name(b"Type0".to_vec())),
        ("BaseFont", font_name()),
        ("Encoding", Object::Name(b"Identity-H".to_vec())),
        ("ToUnicode", Object::Reference(to_unicode)),
        (
            "DescendantFonts",
            Object::Array(vec![Object::Dictionary(cid_font)]),
        ),
    ]));
    Ok((font, codes))
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

fn hex4(out: &mut Vec<u8>, v: u16) {
    for shift in [12, 8, 4, 0] {
        out.push(HEX[usize::from(v >> shift & 0xf)]);
    }
}

/// The ToUnicode CMap: each code to the character its glyph shows, consecutive
/// codes for consecutive characters as one range. Small: stored uncompressed.
fn to_unicode_cmap(
    tag: &str,
    glyphs: &[u16],
    chars: &[u32],
    aliases: &[(u16, u16, char)],
) -> Vec<u8> {
    let mut out = Vec::with_capacity(600 + glyphs.len() * 8);
    out.extend_from_slice(
        format!(
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
             /CIDSystemInfo 3 dict dup begin\n/Registry (FontSpecific) def\n\
             /Ordering ({tag}) def\n/Supplement 0 def\nend def\n\
             /CMapName /FontSpecific-{tag} def\n/CMapType 2 def\n\
             1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        )
        .as_bytes(),
    );
    // (first code, last code, first character); a range stays within one high byte
    // of code and character (the CMap syntax increments only the last byte).
    let mut ranges: Vec<(u16, u16, u32)> = Vec::new();
    let all = glyphs
        .iter()
        .enumerate()
        .filter_map(|(code, &g)| Some((code as u16, *chars.get(usize::from(g))?)))
        .chain(aliases.iter().map(|&(code, _, c)| (code, c as u32)));
    for (code, c) in all {
        if c == UNUSED {
            continue;
        }
        match ranges.last_mut() {
            Some((first, last, start))
                if *last + 1 == code
                    && *start + u32::from(code - *first) == c
                    && code & 0xff != 0
                    && c & 0xff != 0
                    && c < 0x1_0000 =>
            {
                *last = code;
            }
            _ => ranges.push((code, code, c)),
        }
    }
    let dst = |out: &mut Vec<u8>, c: u32| {
        out.push(b'<');
        let mut units = [0u16; 2];
        for &u in char::from_u32(c)
            .unwrap_or('\u{fffd}')
            .encode_utf16(&mut units)
            .iter()
        {
            hex4(out, u);
        }
        out.push(b'>');
    };
    // At most 100 entries a block (the limit of the CMap syntax).
    for block in ranges.chunks(100) {
        out.extend_from_slice(format!("{} beginbfrange\n", block.len()).as_bytes());
        for &(first, last, c) in block {
            out.push(b'<');
            hex4(&mut out, first);
            out.extend_from_slice(b"> <");
            hex4(&mut out, last);
            out.extend_from_slice(b"> ");
            dst(&mut out, c);
            out.push(b'\n');
        }
        out.extend_from_slice(b"endbfrange\n");
    }
    out.extend_from_slice(b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out
}

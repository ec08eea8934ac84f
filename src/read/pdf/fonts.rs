//! Fonts of a PDF page: from character codes to Unicode text and glyph advances,
//! and the style (italic, bold) a font's descriptor and name give.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object};

use super::objects::{deref, number};

/// A font as the content walk needs it.
#[derive(Debug, Default)]
pub struct Font {
    pub italic: bool,
    pub bold: bool,
    /// Codes are two bytes (a Type0 font), else one.
    two_byte: bool,
    /// Code → text, from the ToUnicode CMap.
    to_unicode: HashMap<u32, Box<str>>,
    /// One-byte code → text, from the font's encoding (used where ToUnicode is silent).
    simple: Vec<Option<Box<str>>>,
    /// Advance of each code, in thousandths of the font size.
    widths: HashMap<u32, f32>,
    default_width: f32,
    /// Text and advance by code, dense (built once from the maps above): a glyph costs
    /// two indexings, not two hash lookups.
    text_by_code: Vec<Option<Box<str>>>,
    width_by_code: Vec<f32>,
}

/// One character code shown by a text operator.
pub struct Code<'a> {
    pub text: &'a str,
    /// Advance in thousandths of the font size.
    pub width: f32,
    /// The single-byte code 32, to which word spacing applies.
    pub space: bool,
}

impl Font {
    /// Reads the font dictionary `dict`; whatever is missing or malformed is left out.
    pub fn load(doc: &Document, dict: &Dictionary) -> Font {
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let base = dict
            .get(b"BaseFont")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let mut font = Font {
            two_byte: subtype == b"Type0",
            default_width: 1000.0,
            ..Font::default()
        };
        let mut descriptor = dict.get(b"FontDescriptor").ok().and_then(|o| deref(doc, o));
        if font.two_byte {
            let desc = dict
                .get(b"DescendantFonts")
                .ok()
                .and_then(|o| deref(doc, o))
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .and_then(|o| deref(doc, o))
                .and_then(|o| o.as_dict().ok());
            if let Some(d) = desc {
                font.default_width = d.get(b"DW").ok().and_then(number).unwrap_or(1000.0);
                if let Some(w) = d
                    .get(b"W")
                    .ok()
                    .and_then(|o| deref(doc, o))
                    .and_then(|o| o.as_array().ok())
                {
                    font.cid_widths(doc, w);
                }
                descriptor = d.get(b"FontDescriptor").ok().and_then(|o| deref(doc, o));
            }
        } else {
            font.simple_widths(doc, dict);
            font.simple = simple_encoding(doc, dict);
        }
        if let Some(stream) = dict
            .get(b"ToUnicode")
            .ok()
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_stream().ok())
        {
            if let Ok(data) = stream.decompressed_content_with_limit(1 << 22) {
                font.to_unicode = parse_cmap(&data);
            } else if stream.filters().map(|f| f.is_empty()).unwrap_or(true) {
                font.to_unicode = parse_cmap(&stream.content);
            }
        }
        let name = String::from_utf8_lossy(base).to_ascii_lowercase();
        let (mut flags, mut angle) = (0i64, 0.0f32);
        if let Some(d) = descriptor.and_then(|o| o.as_dict().ok()) {
            flags = d.get(b"Flags").and_then(Object::as_i64).unwrap_or(0);
            angle = d.get(b"ItalicAngle").ok().and_then(number).unwrap_or(0.0);
            let weight = d.get(b"FontWeight").ok().and_then(number).unwrap_or(0.0);
            font.bold = weight >= 600.0;
        }
        // Flags bit 7 is Italic, bit 19 ForceBold; the name tells what a subset's flags may not.
        font.italic = flags & 64 != 0
            || angle.abs() > 0.5
            || name.contains("italic")
            || name.contains("oblique");
        font.bold |= flags & (1 << 18) != 0
            || name.contains("bold")
            || name.contains("black")
            || name.contains("heavy");
        font.densify();
        font
    }

    fn densify(&mut self) {
        let top = self
            .to_unicode
            .keys()
            .chain(self.widths.keys())
            .copied()
            .max()
            .unwrap_or(0)
            .max(self.simple.len().saturating_sub(1) as u32)
            .min(0xFFFF) as usize;
        // Filled from the maps' entries: a font of a few thousand glyph ids costs as many
        // stores, not as many hash lookups.
        let mut text: Vec<Option<Box<str>>> = vec![None; top + 1];
        for (&c, t) in &self.to_unicode {
            if let Some(slot) = text.get_mut(c as usize) {
                *slot = Some(t.clone());
            }
        }
        if !self.two_byte {
            for (slot, t) in text.iter_mut().zip(&self.simple) {
                if slot.is_none() {
                    slot.clone_from(t);
                }
            }
        }
        let mut widths = vec![self.default_width; top + 1];
        for (&c, &w) in &self.widths {
            if let Some(slot) = widths.get_mut(c as usize) {
                *slot = w;
            }
        }
        self.text_by_code = text;
        self.width_by_code = widths;
    }

    /// Splits `bytes` into character codes and calls `f` on each.
    pub fn each_code(&self, bytes: &[u8], mut f: impl FnMut(Code<'_>)) {
        let step = if self.two_byte { 2 } else { 1 };
        for chunk in bytes.chunks(step) {
            let code = chunk.iter().fold(0u32, |a, &b| (a << 8) | u32::from(b));
            let text = self
                .text_by_code
                .get(code as usize)
                .and_then(|t| t.as_deref())
                .unwrap_or("");
            let width = self
                .width_by_code
                .get(code as usize)
                .copied()
                .unwrap_or(self.default_width);
            f(Code {
                text,
                width,
                space: !self.two_byte && code == 32,
            });
        }
    }

    fn simple_widths(&mut self, doc: &Document, dict: &Dictionary) {
        let first = dict
            .get(b"FirstChar")
            .ok()
            .and_then(number)
            .unwrap_or(0.0)
            .max(0.0) as u32;
        if let Some(ws) = dict
            .get(b"Widths")
            .ok()
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_array().ok())
        {
            for (k, w) in ws.iter().enumerate().take(256) {
                if let Some(w) = deref(doc, w).and_then(number) {
                    self.widths.insert(first.saturating_add(k as u32), w);
                }
            }
        }
        // Without widths, a missing glyph takes the average width of a text face.
        self.default_width = 500.0;
    }

    /// `/W [c [w1 w2 …] c1 c2 w …]`.
    fn cid_widths(&mut self, doc: &Document, w: &[Object]) {
        let mut i = 0;
        while i < w.len() {
            let Some(c) = number(&w[i]) else { break };
            let c = c.max(0.0) as u32;
            match w.get(i + 1).and_then(|o| deref(doc, o)) {
                Some(Object::Array(ws)) => {
                    for (k, x) in ws.iter().enumerate().take(1 << 16) {
                        if let Some(x) = number(x) {
                            self.widths.insert(c.saturating_add(k as u32), x);
                        }
                    }
                    i += 2;
                }
                Some(o) => {
                    let (Some(last), Some(x)) = (number(o), w.get(i + 2).and_then(number)) else {
                        break;
                    };
                    let last = (last.max(0.0) as u32).min(c.saturating_add(1 << 16));
                    for code in c..=last {
                        self.widths.insert(code, x);
                    }
                    i += 3;
                }
                None => break,
            }
        }
    }
}

/// The text of each one-byte code under the font's `/Encoding` (WinAnsi, Standard,
/// MacRoman, `/Differences`), as lopdf's tables give it.
fn simple_encoding(doc: &Document, dict: &Dictionary) -> Vec<Option<Box<str>>> {
    // Without /Encoding lopdf would read the ToUnicode map, which we read ourselves.
    let mut plain = dict.clone();
    plain.remove(b"ToUnicode");
    if !plain.has(b"Encoding") {
        plain.set("Encoding", Object::Name(b"StandardEncoding".to_vec()));
    }
    let Ok(enc) = plain.get_font_encoding(doc) else {
        return Vec::new();
    };
    (0u8..=255)
        .map(|b| {
            enc.bytes_to_string(&[b])
                .ok()
                .filter(|s| !s.is_empty())
                .map(String::into_boxed_str)
        })
        .collect()
}

/// Reads the `bfchar` and `bfrange` sections of a ToUnicode CMap.
pub fn parse_cmap(data: &[u8]) -> HashMap<u32, Box<str>> {
    let mut out = HashMap::new();
    let toks = tokens(data);
    let mut i = 0;
    while i < toks.len() {
        match toks[i] {
            Tok::Word(b"beginbfchar") => {
                i += 1;
                while i + 1 < toks.len() {
                    match (&toks[i], &toks[i + 1]) {
                        (Tok::Hex(src), Tok::Hex(dst)) => {
                            out.insert(code_of(src), utf16(dst).into_boxed_str());
                            i += 2;
                        }
                        _ => break,
                    }
                }
            }
            Tok::Word(b"beginbfrange") => {
                i += 1;
                while i + 2 < toks.len() {
                    let (Tok::Hex(lo), Tok::Hex(hi)) = (&toks[i], &toks[i + 1]) else {
                        break;
                    };
                    let (lo, hi) = (code_of(lo), code_of(hi));
                    // A damaged range must not fill memory.
                    let hi = hi.min(lo.saturating_add(0xFFFF));
                    match &toks[i + 2] {
                        Tok::Hex(dst) => {
                            let mut units = utf16_units(dst);
                            for code in lo..=hi {
                                out.insert(code, String::from_utf16_lossy(&units).into_boxed_str());
                                if let Some(last) = units.last_mut() {
                                    *last = last.wrapping_add(1);
                                }
                            }
                            i += 3;
                        }
                        Tok::Open => {
                            let mut j = i + 3;
                            let mut code = lo;
                            while let Some(Tok::Hex(dst)) = toks.get(j) {
                                if code <= hi {
                                    out.insert(code, utf16(dst).into_boxed_str());
                                }
                                code = code.saturating_add(1);
                                j += 1;
                            }
                            i = j + 1;
                        }
                        _ => break,
                    }
                }
            }
            _ => i += 1,
        }
    }
    out
}

#[derive(Debug, PartialEq)]
enum Tok<'a> {
    Hex(Vec<u8>),
    Word(&'a [u8]),
    Open,
    Close,
}

fn tokens(data: &[u8]) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = data.get(i) {
        match c {
            b'<' if data.get(i + 1) != Some(&b'<') => {
                let end = data[i..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(data.len(), |p| i + p);
                let digits: Vec<u8> = data[i + 1..end]
                    .iter()
                    .filter_map(|&b| (b as char).to_digit(16).map(|d| d as u8))
                    .collect();
                let bytes = digits
                    .chunks(2)
                    .map(|p| (p[0] << 4) | p.get(1).copied().unwrap_or(0))
                    .collect();
                out.push(Tok::Hex(bytes));
                i = end + 1;
            }
            b'[' => {
                out.push(Tok::Open);
                i += 1;
            }
            b']' => {
                out.push(Tok::Close);
                i += 1;
            }
            b'%' => {
                while data.get(i).is_some_and(|&b| b != b'\n' && b != b'\r') {
                    i += 1;
                }
            }
            c if c.is_ascii_alphanumeric() => {
                let start = i;
                while data.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                    i += 1;
                }
                out.push(Tok::Word(&data[start..i]));
            }
            _ => i += 1,
        }
    }
    out
}

fn code_of(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |a, &b| (a << 8) | u32::from(b))
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|p| (u16::from(p[0]) << 8) | u16::from(p.get(1).copied().unwrap_or(0)))
        .collect()
}

fn utf16(bytes: &[u8]) -> String {
    String::from_utf16_lossy(&utf16_units(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cmap_chars_and_ranges() {
        let cmap = b"/CIDInit /ProcSet findresource begin\n2 beginbfchar\n<0003> <0020>\n<0011> <FB01>\nendbfchar\n\
1 beginbfrange\n<0024> <0026> <0041>\nendbfrange\n1 beginbfrange\n<0030> <0031> [<0066006C> <00E9>]\nendbfrange\nend";
        let m = parse_cmap(cmap);
        assert_eq!(m.get(&3).map(|s| &**s), Some(" "));
        assert_eq!(m.get(&0x11).map(|s| &**s), Some("\u{FB01}"));
        assert_eq!(m.get(&0x26).map(|s| &**s), Some("C"));
        assert_eq!(m.get(&0x30).map(|s| &**s), Some("fl"));
        assert_eq!(m.get(&0x31).map(|s| &**s), Some("é"));
    }

    #[test]
    fn damaged_cmaps_do_not_panic() {
        for bad in [
            &b"beginbfrange <00> <FFFFFFFF> <0041>"[..],
            b"beginbfchar <0",
            b"beginbfrange <01> <05> [<0041>",
            b"<",
            b"",
        ] {
            let _ = parse_cmap(bad);
        }
    }
}

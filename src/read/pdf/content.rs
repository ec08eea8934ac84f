//! The content-stream walk: text state, positions and fonts of every glyph shown,
//! and the thin horizontal rules drawn (a footnote area starts under one).

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::fonts::Font;
use super::lexer::{self, Operand};
use super::objects::{deref, dict_entry, number, page_box, page_resources, STREAM_LIMIT};

/// One glyph shown on a page, in page space (points, y upwards).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    /// Start of the baseline.
    pub x: f32,
    pub y: f32,
    /// Advance along the baseline.
    pub w: f32,
    /// Font size as set on the page (after scaling).
    pub size: f32,
    pub italic: bool,
    pub bold: bool,
    pub ch: char,
}

/// A horizontal rule: a thin filled rectangle or a stroked horizontal line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
}

/// What a page shows.
#[derive(Debug, Default)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    /// Bottom of the page box: glyph positions are made relative to it.
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
    /// Images drawn (for telling a scanned document).
    pub images: usize,
}

/// Fonts are read once per document, whatever page uses them; the text state holds a
/// font's index, so showing a string costs no hash lookup.
#[derive(Default)]
pub struct FontCache {
    by_id: HashMap<ObjectId, usize>,
    fonts: Vec<Font>,
}

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m × n` in PDF's row-vector convention.
fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn apply(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    char_space: f32,
    word_space: f32,
    scale: f32,
    leading: f32,
    rise: f32,
    /// Index in the [`FontCache`].
    font: Option<usize>,
    size: f32,
}

/// Reads every page of `doc`.
pub fn pages(doc: &Document, cache: &mut FontCache) -> Vec<Page> {
    doc.get_pages()
        .values()
        .map(|&id| page(doc, id, cache))
        .collect()
}

fn page(doc: &Document, id: ObjectId, cache: &mut FontCache) -> Page {
    let [x0, y0, x1, y1] = page_box(doc, id);
    let mut out = Page {
        width: x1 - x0,
        height: y1 - y0,
        ..Page::default()
    };
    let data = page_content(doc, id);
    // A glyph costs about six bytes of content (`(A)4` and its neighbours): reserving
    // for them spares the copies of a growing vector.
    out.glyphs.reserve(data.len().min(STREAM_LIMIT) / 6);
    let res = page_resources(doc, id);
    let mut w = Walker {
        doc,
        cache,
        out: &mut out,
        path: Vec::new(),
        budget: 1_000_000,
        hex: Vec::new(),
    };
    // The page box's origin becomes (0, 0).
    let ctm = [1.0, 0.0, 0.0, 1.0, -x0, -y0];
    w.run(&data, res, ctm, 0);
    out
}

/// A page's content streams inflated and joined, each followed by a newline, as lopdf's
/// `get_page_content_with_limit` gives them (empty where it fails). A plain
/// `/FlateDecode` stream is inflated here into the one buffer, sized from the start:
/// lopdf's decoder grew a vector from twice the compressed size, copying it each time.
fn page_content(doc: &Document, id: ObjectId) -> Vec<u8> {
    let mut content = Vec::new();
    for sid in doc.get_page_contents(id) {
        let Ok(stream) = doc.get_object(sid).and_then(Object::as_stream) else {
            continue;
        };
        let remaining = STREAM_LIMIT.saturating_sub(content.len());
        if !inflate_into(stream, &mut content, remaining) {
            match stream.decompressed_content_with_limit(remaining) {
                Ok(data) => content.extend_from_slice(&data),
                Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                    ..
                })) => return Vec::new(),
                // lopdf falls back to the raw bytes of a stream it cannot decode.
                Err(_) if stream.content.len() > remaining => return Vec::new(),
                Err(_) => content.extend_from_slice(&stream.content),
            }
        }
        content.push(b'\n');
    }
    content
}

/// Inflates a stream whose only filter is `/FlateDecode` (no predictor) onto `out`;
/// `false`, with `out` as it was, for any other stream, a damaged one or one larger
/// than `limit`.
fn inflate_into(stream: &lopdf::Stream, out: &mut Vec<u8>, limit: usize) -> bool {
    let plain = stream
        .filters()
        .is_ok_and(|f| f.len() == 1 && f[0] == b"FlateDecode")
        && !stream.dict.has(b"DecodeParms");
    if !plain || stream.content.is_empty() {
        return false;
    }
    let start = out.len();
    let mut z = flate2::Decompress::new(true);
    // Content streams inflate about sixfold.
    out.reserve(stream.content.len().saturating_mul(8).min(limit));
    loop {
        let consumed = usize::try_from(z.total_in()).unwrap_or(usize::MAX);
        let Some(input) = stream.content.get(consumed..) else {
            break;
        };
        let before = (z.total_in(), z.total_out());
        match z.decompress_vec(input, out, flate2::FlushDecompress::None) {
            Ok(flate2::Status::StreamEnd) => return true,
            Ok(_) if out.len() - start > limit => break,
            Ok(_) if out.len() == out.capacity() => out.reserve(out.capacity() - start + 1),
            // No room was lacking and nothing moved: the data ends before the stream does.
            Ok(_) if before == (z.total_in(), z.total_out()) => break,
            Ok(_) => {}
            Err(_) => break,
        }
    }
    out.truncate(start);
    false
}

struct Walker<'a, 'd> {
    doc: &'d Document,
    cache: &'a mut FontCache,
    out: &'a mut Page,
    /// Segments of the current path, in page space.
    path: Vec<(f32, f32, f32, f32)>,
    /// Operators left for the page: forms that call each other cannot make it endless.
    budget: usize,
    /// The bytes of the hexadecimal string being shown, reused.
    hex: Vec<u8>,
}

impl<'d> Walker<'_, 'd> {
    fn run(&mut self, data: &[u8], res: Option<&'d Dictionary>, ctm: Matrix, depth: u8) {
        let fonts = res.and_then(|r| dict_entry(self.doc, r, b"Font"));
        let xobjects = res.and_then(|r| dict_entry(self.doc, r, b"XObject"));
        let mut gs = State {
            ctm,
            char_space: 0.0,
            word_space: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            font: None,
            size: 0.0,
        };
        let mut stack: Vec<State> = Vec::new();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        let mut cur = (0.0f32, 0.0f32);
        let mut by_name: Vec<(&[u8], Option<usize>)> = Vec::new();
        lexer::each_op(data, |operator, operands| {
            if self.budget == 0 {
                return;
            }
            self.budget -= 1;
            let num = |k: usize| operands.get(k).and_then(Operand::num).unwrap_or(0.0);
            match operator {
                b"q" if stack.len() < 64 => stack.push(gs.clone()),
                b"Q" => {
                    if let Some(s) = stack.pop() {
                        gs = s;
                    }
                }
                b"cm" => {
                    let m = [num(0), num(1), num(2), num(3), num(4), num(5)];
                    gs.ctm = mul(&m, &gs.ctm);
                }
                b"BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                b"Tc" => gs.char_space = num(0),
                b"Tw" => gs.word_space = num(0),
                b"Tz" => gs.scale = num(0) / 100.0,
                b"TL" => gs.leading = num(0),
                b"Ts" => gs.rise = num(0),
                b"Tf" => {
                    gs.size = num(1);
                    let Some(Operand::Name(name)) = operands.first() else {
                        gs.font = None;
                        return;
                    };
                    // A page sets its few fonts hundreds of times: their indices by name.
                    if let Some(&(_, k)) = by_name.iter().find(|(n, _)| n == name) {
                        gs.font = k;
                        return;
                    }
                    let k = fonts
                        .and_then(|f| f.get(name).ok())
                        .and_then(|o| o.as_reference().ok())
                        .map(|id| self.font_index(id));
                    if by_name.len() < 64 {
                        by_name.push((name, k));
                    }
                    gs.font = k;
                }
                b"Td" | b"TD" => {
                    if operator == b"TD" {
                        gs.leading = -num(1);
                    }
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, num(0), num(1)], &tlm);
                    tm = tlm;
                }
                b"Tm" => {
                    tlm = [num(0), num(1), num(2), num(3), num(4), num(5)];
                    tm = tlm;
                }
                b"T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                    tm = tlm;
                }
                b"Tj" | b"'" | b"\"" | b"TJ" => {
                    if operator == b"'" || operator == b"\"" {
                        if operator == b"\"" {
                            gs.word_space = num(0);
                            gs.char_space = num(1);
                        }
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                        tm = tlm;
                    }
                    let items: &[Operand] = match operator {
                        b"TJ" => match operands.first() {
                            Some(Operand::Array(a)) => a,
                            _ => &[],
                        },
                        b"\"" => operands.get(2).map_or(&[], std::slice::from_ref),
                        _ => operands.first().map_or(&[], std::slice::from_ref),
                    };
                    for item in items {
                        match item {
                            Operand::Str(bytes) => self.show(bytes, &gs, &mut tm),
                            Operand::Hex(raw) => {
                                let mut bytes = std::mem::take(&mut self.hex);
                                lexer::hex_into(raw, &mut bytes);
                                self.show(&bytes, &gs, &mut tm);
                                self.hex = bytes;
                            }
                            o => {
                                let adj = o.num().unwrap_or(0.0);
                                let tx = -adj / 1000.0 * gs.size * gs.scale;
                                tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                            }
                        }
                    }
                }
                b"m" => cur = apply(&gs.ctm, num(0), num(1)),
                b"l" => {
                    let p = apply(&gs.ctm, num(0), num(1));
                    if self.path.len() < 4096 {
                        self.path.push((cur.0, cur.1, p.0, p.1));
                    }
                    cur = p;
                }
                b"re" => {
                    let (x, y, w, h) = (num(0), num(1), num(2), num(3));
                    let (ax, ay) = apply(&gs.ctm, x, y);
                    let (bx, by) = apply(&gs.ctm, x + w, y + h);
                    // A thin rectangle is drawn as a line of its own height.
                    if (by - ay).abs() <= 2.0 && self.path.len() < 4096 {
                        let ym = (ay + by) / 2.0;
                        self.path.push((ax.min(bx), ym, ax.max(bx), ym));
                    }
                }
                b"S" | b"s" | b"f" | b"F" | b"f*" | b"B" | b"B*" | b"b" | b"b*" => {
                    for (ax, ay, bx, by) in self.path.drain(..) {
                        if (ay - by).abs() < 0.5 && (bx - ax).abs() > 20.0 {
                            self.out.rules.push(Rule {
                                x0: ax.min(bx),
                                x1: ax.max(bx),
                                y: ay,
                            });
                        }
                    }
                }
                b"n" => self.path.clear(),
                b"BI" => self.out.images += 1,
                b"Do" => {
                    let Some(Operand::Name(name)) = operands.first() else {
                        return;
                    };
                    let Some(obj) = xobjects
                        .and_then(|x| x.get(name).ok())
                        .and_then(|o| deref(self.doc, o))
                    else {
                        return;
                    };
                    let Ok(stream) = obj.as_stream() else {
                        return;
                    };
                    match stream.dict.get(b"Subtype").and_then(Object::as_name) {
                        Ok(b"Image") => self.out.images += 1,
                        Ok(b"Form") if depth < 8 => {
                            let m = stream
                                .dict
                                .get(b"Matrix")
                                .ok()
                                .and_then(|o| deref(self.doc, o))
                                .and_then(|o| o.as_array().ok())
                                .map(|a| a.iter().filter_map(number).collect::<Vec<_>>());
                            let m = match m.as_deref() {
                                Some(&[a, b, c, d, e, f]) => [a, b, c, d, e, f],
                                _ => IDENTITY,
                            };
                            let form_res = dict_entry(self.doc, &stream.dict, b"Resources").or(res);
                            if let Ok(data) = stream.decompressed_content_with_limit(STREAM_LIMIT) {
                                self.run(&data, form_res, mul(&m, &gs.ctm), depth + 1);
                            } else if stream.filters().map(|f| f.is_empty()).unwrap_or(true) {
                                self.run(&stream.content, form_res, mul(&m, &gs.ctm), depth + 1);
                            }
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
        });
    }

    /// The font object `id`'s index in the cache, read on first use.
    fn font_index(&mut self, id: ObjectId) -> usize {
        if let Some(&k) = self.cache.by_id.get(&id) {
            return k;
        }
        let font = self
            .doc
            .get_dictionary(id)
            .map(|d| Font::load(self.doc, d))
            .unwrap_or_default();
        let k = self.cache.fonts.len();
        self.cache.fonts.push(font);
        self.cache.by_id.insert(id, k);
        k
    }

    /// Shows a string: one glyph per character, advancing the text matrix.
    fn show(&mut self, bytes: &[u8], gs: &State, tm: &mut Matrix) {
        let Some(font) = gs.font.and_then(|k| self.cache.fonts.get(k)) else {
            return;
        };
        let glyphs = &mut self.out.glyphs;
        let scaled = [gs.size * gs.scale, 0.0, 0.0, gs.size, 0.0, gs.rise];
        // Within one string only the translation of tm moves, so the glyph size and the
        // advance's factor are the same for every glyph and the origin is computed alone
        // (the full products per glyph were a tenth of a reading).
        let trm = mul(&mul(&scaled, tm), &gs.ctm);
        let size = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
        // The first entry of tm × ctm.
        let along = tm[0] * gs.ctm[0] + tm[1] * gs.ctm[2];
        let c = gs.ctm;
        font.each_code(bytes, |code| {
            // The translation of scaled × tm, then of that × ctm.
            let s4 = scaled[4] * tm[0] + scaled[5] * tm[2] + tm[4];
            let s5 = scaled[4] * tm[1] + scaled[5] * tm[3] + tm[5];
            let (x0, y0) = (s4 * c[0] + s5 * c[2] + c[4], s4 * c[1] + s5 * c[3] + c[5]);
            let mut tx = code.width / 1000.0 * gs.size + gs.char_space;
            if code.space {
                tx += gs.word_space;
            }
            tx *= gs.scale;
            // The advance in page space.
            let advance = tx * along;
            let glyph = |ch, x, w| Glyph {
                x,
                y: y0,
                w,
                size,
                italic: font.italic,
                bold: font.bold,
                ch,
            };
            let mut chars = code.text.chars();
            match (chars.next(), chars.next()) {
                // Most codes are one character that needs no splitting.
                (Some(ch), None) if !splits(ch) => {
                    if glyphs.len() < 1 << 20 {
                        // `+ advance × 0`: a non-finite advance drops the glyph, as below.
                        glyphs.push(glyph(ch, x0 + advance * 0.0, advance));
                    }
                }
                _ => {
                    let chars = expand(code.text);
                    let n = chars.clone().count().max(1) as f32;
                    for (k, ch) in chars.enumerate() {
                        if glyphs.len() >= 1 << 20 {
                            break;
                        }
                        glyphs.push(glyph(ch, x0 + advance * k as f32 / n, advance / n));
                    }
                }
            }
            // tm := translate(tx, 0) × tm, of which only the translation changes.
            tm[4] += tx * tm[0];
            tm[5] += tx * tm[1];
        });
    }
}

/// Whether [`expand`] changes the character.
fn splits(c: char) -> bool {
    matches!(c, '\u{A0}' | '\u{FB00}'..='\u{FB06}')
}

/// The characters of a code's text, ligatures split (ﬁ → f, i), a no-break space as a
/// space: a printer sets it only to keep words on one line (`No. 52373`), and the
/// text readers read the words apart as spaces.
fn expand(text: &str) -> impl Iterator<Item = char> + Clone + '_ {
    text.chars().flat_map(|c| {
        let s: &'static str = match c {
            '\u{A0}' => " ",
            '\u{FB00}' => "ff",
            '\u{FB01}' => "fi",
            '\u{FB02}' => "fl",
            '\u{FB03}' => "ffi",
            '\u{FB04}' => "ffl",
            '\u{FB05}' | '\u{FB06}' => "st",
            _ => "",
        };
        let single = s.is_empty().then_some(c);
        s.chars().chain(single)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ligatures_split() {
        assert_eq!(expand("\u{FB01}x\u{FB04}").collect::<String>(), "fixffl");
        assert_eq!(expand("No.\u{A0}1").collect::<String>(), "No. 1");
        for c in ['\u{A0}', '\u{FB00}', '\u{FB06}', 'a', '\u{FB07}'] {
            assert_eq!(
                splits(c),
                expand(&c.to_string()).ne(std::iter::once(c)),
                "{c:?}"
            );
        }
    }

    #[test]
    fn matrices_compose_as_pdf_says() {
        let t = [1.0, 0.0, 0.0, 1.0, 10.0, 20.0];
        let s = [2.0, 0.0, 0.0, 2.0, 0.0, 0.0];
        // Translate, then scale: the translation is scaled too.
        assert_eq!(apply(&mul(&t, &s), 1.0, 1.0), (22.0, 42.0));
    }
}

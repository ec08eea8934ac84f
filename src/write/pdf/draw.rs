//! Turning laid-out pages into printpdf operations and a PDF file.

use super::embed::{self, Deflater, UNUSED};
use super::fonts::Faces;
use super::layout::{Link, Page, Piece, RuleOut, Run, Style, Target};
use lopdf::{Dictionary, Object, ObjectId};
use printpdf::{
    Actions, BorderArray, Destination, Line, LinePoint, LinkAnnotation, Mm, Op, PageAnnotId,
    PageAnnotation, PdfDocument, PdfPage, PdfSaveOptions, Point, Pt, Rect,
};

/// Document-level metadata.
pub struct Info {
    pub title: String,
    pub subject: String,
    pub author: String,
    pub keywords: Vec<String>,
    pub language: String,
}

/// Page size and the shift applied to the Letter layout (A4 centres it).
#[derive(Debug, Clone, Copy)]
pub struct Paper {
    pub width: f32,
    pub height: f32,
    pub dx: f32,
    pub dy: f32,
}

/// Resource names of the four faces. The first six letters also make the subset
/// tag (e.g. UNRSAA+LibertinusSerif-Regular); fixed, so that every write of the same
/// input gives the same bytes.
const FONT_NAMES: [&str; 4] = ["UNRSAA", "UNRSAB", "UNRSAC", "UNRSAD"];

/// Draws the pages and serialises the document. The characters the faces have no
/// glyph for (shown as .notdef, an empty box) go to `missing`, once each, sorted.
///
/// printpdf builds the document: pages, rules, links, bookmarks, metadata. The text
/// and its fonts are added to what it gives: the text as content of our own (shown
/// by glyph id), the fonts subset by [`embed`](super::embed), which is much cheaper
/// than printpdf's own font handling.
pub fn render(
    faces: &Faces,
    info: &Info,
    paper: Paper,
    sheets: &[Page],
    bookmarks: &[(String, usize)],
    missing: &mut Vec<char>,
) -> Result<Vec<u8>, String> {
    let mut doc = PdfDocument::new(&info.title);
    let i = &mut doc.metadata.info;
    i.document_title = info.title.clone();
    i.subject = info.subject.clone();
    i.author = info.author.clone();
    i.keywords = info.keywords.clone();
    i.creator = "unres".into();
    i.producer = "unres".into();
    let mut pages = Vec::with_capacity(sheets.len());
    for sheet in sheets {
        let mut ops = Vec::with_capacity(sheet.rules.len() * 2 + sheet.links.len());
        for r in &sheet.rules {
            rule_ops(&mut ops, r, paper);
        }
        for l in &sheet.links {
            if let Some(op) = link_op(l, sheets, paper) {
                ops.push(op);
            }
        }
        pages.push(PdfPage::new(
            Mm::from(Pt(paper.width)),
            Mm::from(Pt(paper.height)),
            ops,
        ));
    }
    for (i, (name, page)) in bookmarks.iter().enumerate() {
        doc.bookmarks.map.insert(
            PageAnnotId(format!("B{i:04}")),
            PageAnnotation {
                name: name.clone(),
                page: *page,
            },
        );
    }
    doc.with_pages(pages);
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&PdfSaveOptions::default(), &mut warnings);
    // printpdf does not write the document language; assistive tools need it.
    if !info.language.is_empty() {
        if let Ok(cat) = lo.catalog_mut() {
            cat.set(
                "Lang",
                lopdf::Object::string_literal(info.language.as_bytes().to_vec()),
            );
        }
    }
    // printpdf writes a random /ID; derive it from the content instead.
    let id = lopdf::Object::String(
        content_id(info, sheets).to_vec(),
        lopdf::StringFormat::Hexadecimal,
    );
    lo.trailer
        .set("ID", lopdf::Object::Array(vec![id.clone(), id]));

    let mut z = Deflater::new();
    // The glyphs each face shows, with the character for text extraction.
    let mut used: [Vec<u32>; 4] = Default::default();
    for (u, face) in used.iter_mut().zip(&faces.faces) {
        *u = vec![UNUSED; usize::from(face.metrics.number_of_glyphs())];
    }
    // Every run's glyphs, in order, for the content streams.
    let mut gids: Vec<u16> = Vec::new();
    // The faces some run shows: each is embedded, even when it has none of the glyphs.
    let mut shown = [false; 4];
    let mut lacking = std::collections::BTreeSet::new();
    for r in sheets.iter().flat_map(|s| &s.runs) {
        let k = r.style.index();
        let (Some(face), Some(u)) = (faces.faces.get(k), used.get_mut(k)) else {
            continue;
        };
        if let Some(s) = shown.get_mut(k) {
            *s = true;
        }
        for_each_char(r, |c| {
            let (gid, _) = face.glyph(c);
            gids.push(gid);
            if gid != 0 {
                if let Some(slot) = u.get_mut(usize::from(gid)) {
                    *slot = c as u32;
                }
            } else if !invisible(c) {
                lacking.insert(c);
            }
        });
    }
    missing.extend(lacking);
    let mut fonts = Dictionary::new();
    let mut codes: [Vec<u16>; 4] = Default::default();
    for (k, face) in faces.faces.iter().enumerate() {
        let (Some(u), Some(name)) = (used.get(k), FONT_NAMES.get(k)) else {
            continue;
        };
        if !shown.get(k).copied().unwrap_or(false) {
            continue;
        }
        let (font, c) = embed::embed(&mut lo, face, name, u)?;
        fonts.set(*name, Object::Reference(font));
        if let Some(slot) = codes.get_mut(k) {
            *slot = c;
        }
    }

    // Our text before printpdf's rules on each page, and our fonts in its (shared)
    // font resources.
    let page_ids: Vec<ObjectId> = lo.get_pages().into_values().collect();
    let mut w = ContentWriter::default();
    let mut gids = gids.iter();
    for (page_id, sheet) in page_ids.iter().zip(sheets) {
        let (contents, resources) = {
            let page = lo
                .get_dictionary(*page_id)
                .map_err(|e| format!("printpdf gave no page: {e}"))?;
            (
                page.get(b"Contents").and_then(Object::as_reference),
                page.get(b"Resources").and_then(Object::as_reference),
            )
        };
        if let Ok(res) = resources {
            let font_dict = lo
                .get_dictionary(res)
                .and_then(|d| d.get(b"Font"))
                .and_then(Object::as_reference);
            if let Ok(Object::Dictionary(d)) = font_dict.and_then(|f| lo.get_object_mut(f)) {
                if d.is_empty() {
                    d.extend(&fonts);
                }
            }
        }
        w.out.clear();
        if !sheet.runs.is_empty() {
            w.out.extend_from_slice(b"BT\n");
            let mut state = TextState::default();
            for r in &sheet.runs {
                w.text(&mut state, r, paper, &codes, &mut gids);
            }
            w.out.extend_from_slice(b"ET\n");
        }
        let stream = contents.and_then(|c| lo.get_object_mut(c));
        if let Ok(Object::Stream(s)) = stream {
            w.out.extend_from_slice(&s.content);
            *s = z.stream(s.dict.clone(), std::mem::take(&mut w.out));
        }
    }
    let mut out = Vec::new();
    lo.save_to(&mut out)
        .map_err(|e| format!("cannot serialise the PDF: {e}"))?;
    Ok(out)
}

/// Characters that take no room and show nothing, so need no glyph: spaces, controls,
/// the soft hyphen, zero-width and bidirectional format characters.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// Calls `f` with every character a run shows, its spaces included.
fn for_each_char(r: &Run, mut f: impl FnMut(char)) {
    for p in &r.pieces {
        match p {
            Piece::Text(t) => t.chars().for_each(&mut f),
            Piece::Space(_) => f(' '),
        }
    }
}

/// The font and size in force in the page's text object.
#[derive(Default)]
struct TextState {
    font: Option<usize>,
    size: f32,
}

/// Writes content streams. Numbers print as printpdf (through lopdf) wrote them,
/// Rust's shortest form of the `f32`, and are remembered: the same few values
/// (margins, sizes, a line's space stretch) come back all the time.
struct ContentWriter {
    out: Vec<u8>,
    /// Direct-mapped by the value's bits: (bits, length, digits); length 0 is empty.
    nums: Box<[(u32, u8, [u8; 15])]>,
}

impl Default for ContentWriter {
    fn default() -> ContentWriter {
        ContentWriter {
            out: Vec::new(),
            nums: vec![(0, 0, [0; 15]); 256].into_boxed_slice(),
        }
    }
}

impl ContentWriter {
    fn num(&mut self, v: f32) {
        let bits = v.to_bits();
        let slot = (bits.wrapping_mul(0x9E37_79B9) >> 24) as usize;
        if let Some((b, len, digits)) = self.nums.get(slot) {
            if *b == bits && *len > 0 {
                self.out
                    .extend_from_slice(digits.get(..usize::from(*len)).unwrap_or(&[]));
                return;
            }
        }
        use std::io::Write;
        let start = self.out.len();
        let _ = write!(self.out, "{v}");
        let printed = self.out.get(start..).unwrap_or(&[]);
        if let (Some(entry), Ok(len)) = (self.nums.get_mut(slot), u8::try_from(printed.len())) {
            if let Some(dst) = entry.2.get_mut(..printed.len()) {
                dst.copy_from_slice(printed);
                *entry = (bits, len, entry.2);
            }
        }
    }

    /// Appends a glyph code to a literal string: two bytes, escaped where the
    /// string syntax needs it (a bare carriage return would be read as a line feed).
    fn code(&mut self, code: u16) {
        for b in code.to_be_bytes() {
            match b {
                b'(' | b')' | b'\\' => self.out.extend_from_slice(&[b'\\', b]),
                b'\r' => self.out.extend_from_slice(b"\\r"),
                _ => self.out.push(b),
            }
        }
    }

    /// A run of text inside the page's text object: its glyph codes in a `Tj`, or a
    /// `TJ` when spaces are stretched. The font is set only when it changes. `gids`
    /// gives the run's glyphs, one a character, spaces included.
    fn text(
        &mut self,
        state: &mut TextState,
        r: &Run,
        paper: Paper,
        codes: &[Vec<u16>; 4],
        gids: &mut std::slice::Iter<u16>,
    ) {
        let k = r.style.index();
        let (Some(codes), Some(name)) = (codes.get(k), FONT_NAMES.get(k)) else {
            return;
        };
        if state.font != Some(k) || state.size != r.size {
            self.out.push(b'/');
            self.out.extend_from_slice(name.as_bytes());
            self.out.push(b' ');
            self.num(r.size);
            self.out.extend_from_slice(b" Tf\n");
            *state = TextState {
                font: Some(k),
                size: r.size,
            };
        }
        self.out.extend_from_slice(b"1 0 0 1 ");
        self.num(r.x + paper.dx);
        self.out.push(b' ');
        self.num(r.y + paper.dy);
        self.out.extend_from_slice(b" Tm\n");
        if r.pieces.is_empty() {
            return;
        }
        // Strings of glyph codes, between them the extra advance of stretched spaces
        // (in thousandths of an em; negative moves right).
        let single = !r
            .pieces
            .iter()
            .any(|p| matches!(p, Piece::Space(extra) if extra.abs() > 0.0005));
        self.out
            .extend_from_slice(if single { b"(" } else { b"[(" });
        let mut open = true;
        let mut code = |w: &mut ContentWriter| {
            let gid = gids.next().copied().unwrap_or(0);
            w.code(codes.get(usize::from(gid)).copied().unwrap_or(0));
        };
        for p in &r.pieces {
            match p {
                Piece::Text(t) => {
                    if !open && !t.is_empty() {
                        self.out.push(b'(');
                        open = true;
                    }
                    t.chars().for_each(|_| code(self));
                }
                Piece::Space(extra) => {
                    if !open {
                        self.out.push(b'(');
                        open = true;
                    }
                    code(self);
                    if extra.abs() > 0.0005 {
                        self.out.push(b')');
                        self.num(-extra * 1000.0 / r.size);
                        open = false;
                    }
                }
            }
        }
        if open {
            self.out.push(b')');
        }
        self.out
            .extend_from_slice(if single { b"Tj\n" } else { b"]TJ\n" });
    }
}

fn rule_ops(ops: &mut Vec<Op>, r: &RuleOut, paper: Paper) {
    let pt = |x: f32, y: f32| LinePoint {
        p: Point {
            x: Pt(x + paper.dx),
            y: Pt(y + paper.dy),
        },
        bezier: false,
    };
    ops.extend([
        Op::SetOutlineThickness {
            pt: Pt(r.thickness),
        },
        Op::DrawLine {
            line: Line {
                points: vec![pt(r.x1, r.y), pt(r.x2, r.y)],
                is_closed: false,
            },
        },
    ]);
}

fn link_op(l: &Link, sheets: &[Page], paper: Paper) -> Option<Op> {
    let actions = match &l.target {
        Target::Uri(u) => Actions::uri(u.clone()),
        Target::Note(marker) => {
            let (page, y) = sheets.iter().enumerate().find_map(|(i, s)| {
                s.note_anchors
                    .iter()
                    .find(|(m, _)| m == marker)
                    .map(|(_, y)| (i + 1, *y))
            })?;
            Actions::go_to(Destination::Xyz {
                page,
                left: None,
                top: Some(y + paper.dy + 12.0),
                zoom: None,
            })
        }
    };
    let rect = Rect::from_xywh(
        Pt(l.x1 + paper.dx),
        Pt(l.y1 + paper.dy),
        Pt(l.x2 - l.x1),
        Pt(l.y2 - l.y1),
    );
    Some(Op::LinkAnnotation {
        link: LinkAnnotation::new(
            rect,
            actions,
            Some(BorderArray::Solid([0.0, 0.0, 0.0])),
            None,
            None,
        ),
    })
}

/// A styled line of furniture text at an absolute position.
pub fn furniture(x: f32, y: f32, style: Style, size: f32, text: &str) -> Run {
    Run {
        x,
        y,
        style,
        size,
        pieces: vec![Piece::Text(text.to_string())],
        end: x,
    }
}

/// A 16-byte identifier from the document's metadata and text (FNV-1a, twice).
fn content_id(info: &Info, pages: &[Page]) -> [u8; 16] {
    let mut h: [u64; 2] = [0xcbf2_9ce4_8422_2325, 0x8422_2325_cbf2_9ce4];
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            for (k, x) in h.iter_mut().enumerate() {
                *x ^= u64::from(b) ^ (k as u64);
                *x = x.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
    };
    feed(info.title.as_bytes());
    feed(info.subject.as_bytes());
    feed(info.language.as_bytes());
    for p in pages {
        feed(b"\x0c");
        for r in &p.runs {
            for piece in &r.pieces {
                if let Piece::Text(t) = piece {
                    feed(t.as_bytes());
                }
            }
        }
    }
    let mut out = [0u8; 16];
    out[..8].copy_from_slice(&h[0].to_be_bytes());
    out[8..].copy_from_slice(&h[1].to_be_bytes());
    out
}

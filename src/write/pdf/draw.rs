//! Turning laid-out pages into printpdf operations and a PDF file.

use super::barcode;
use super::embed::{self, Deflater, UNUSED};
use super::fonts::Faces;
use super::layout::{Link, Page, Piece, RuleOut, Run, Style, Target, NO_ELEM};
use super::meta::{self, Info};
use super::paper::Paper;
use super::tagged::{self, Annot, Role};
use lopdf::{Dictionary, Object, ObjectId};
use printpdf::{Line, LinePoint, Mm, Op, PdfDocument, PdfPage, PdfSaveOptions, Point, Pt};

/// Resource names of the four faces. The first six letters also make the subset
/// tag (e.g. UNRSAA+LiberationSerif); fixed, so that every write of the same
/// input gives the same bytes.
const FONT_NAMES: [&str; 4] = ["UNRSAA", "UNRSAB", "UNRSAC", "UNRSAD"];

/// Characters the faces lack: shown as .notdef (an empty box), or by the glyph of
/// a [`fallback`](super::fonts::fallback). Each once, sorted.
#[derive(Debug, Default)]
pub struct Lacking {
    pub missing: Vec<char>,
    pub substituted: Vec<(char, char)>,
}

/// Draws the pages and serialises the document; what the faces lack goes to `lacking`.
///
/// printpdf builds the document: pages and rules. The rest is added to what it
/// gives: the text as content of our own (shown by glyph id, marked for the
/// structure tree), the fonts subset by [`embed`](super::embed), the links, the
/// structure tree ([`tagged`]), the outline and the metadata ([`meta`]).
pub fn render(
    faces: &Faces,
    info: &Info,
    paper: Paper,
    sheets: &[Page],
    roles: &[Role],
    report: &mut Lacking,
) -> Result<Vec<u8>, String> {
    let mut doc = PdfDocument::new(&info.title);
    let mut pages = Vec::with_capacity(sheets.len());
    for sheet in sheets {
        let mut ops = Vec::with_capacity(sheet.rules.len() * 2);
        for r in &sheet.rules {
            rule_ops(&mut ops, r, paper);
        }
        pages.push(PdfPage::new(
            Mm::from(Pt(paper.width)),
            Mm::from(Pt(paper.height)),
            ops,
        ));
    }
    doc.with_pages(pages);
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&PdfSaveOptions::default(), &mut warnings);
    // Marked content, structure, XMP and the outline's settings are PDF 1.7 (ISO 32000-1).
    lo.version = "1.7".to_string();
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
    // Every run's glyphs, in order, for the content streams: a glyph id, or for a
    // character that shares another's glyph (U+2011 shown as '-'), the number of
    // glyphs plus its index in `aliases`, so that it keeps its own code and extracts
    // as itself.
    let mut gids: Vec<u32> = Vec::new();
    let mut aliases: [Vec<(u16, char)>; 4] = Default::default();
    // The faces some run shows: each is embedded, even when it has none of the glyphs.
    let mut shown = [false; 4];
    let mut lacking = std::collections::BTreeSet::new();
    let mut substituted = std::collections::BTreeSet::new();
    for r in sheets.iter().flat_map(|s| &s.runs) {
        let k = r.style.index();
        let (Some(face), Some(u), Some(al)) =
            (faces.faces.get(k), used.get_mut(k), aliases.get_mut(k))
        else {
            continue;
        };
        let glyphs = u.len() as u32;
        if let Some(s) = shown.get_mut(k) {
            *s = true;
        }
        for_each_char(r, |c| {
            let (gid, _) = face.glyph(c);
            if gid != 0 {
                let shown = face.shown(c);
                if shown != c {
                    substituted.insert((c, shown));
                }
                match u.get_mut(usize::from(gid)) {
                    Some(slot) if *slot == UNUSED || *slot == c as u32 => {
                        *slot = c as u32;
                        gids.push(u32::from(gid));
                    }
                    _ => {
                        let i = al.iter().position(|&(_, a)| a == c).unwrap_or_else(|| {
                            al.push((gid, c));
                            al.len() - 1
                        });
                        gids.push(glyphs + i as u32);
                    }
                }
            } else {
                gids.push(0);
            }
            if gid == 0 && !invisible(c) {
                lacking.insert(c);
            }
        });
    }
    report.missing.extend(lacking);
    report.substituted.extend(substituted);
    let mut fonts = Dictionary::new();
    let mut codes: [Vec<u16>; 4] = Default::default();
    for (k, face) in faces.faces.iter().enumerate() {
        let (Some(u), Some(name)) = (used.get(k), FONT_NAMES.get(k)) else {
            continue;
        };
        if !shown.get(k).copied().unwrap_or(false) {
            continue;
        }
        let al = aliases.get(k).map_or(&[][..], Vec::as_slice);
        let (font, c) = embed::embed(&mut lo, face, name, u, al)?;
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
    let mut marks: Vec<Vec<u32>> = Vec::with_capacity(sheets.len());
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
        // Each element's text on the page is one marked-content sequence (its MCID the
        // index in `page_marks`); furniture is an artifact.
        let mut page_marks: Vec<u32> = Vec::new();
        if !sheet.runs.is_empty() {
            w.out.extend_from_slice(b"BT\n");
            let mut state = TextState::default();
            let mut open: Option<u32> = None;
            for r in &sheet.runs {
                if open != Some(r.elem) {
                    if open.is_some() {
                        w.out.extend_from_slice(b"EMC\n");
                    }
                    let role = roles.get(r.elem as usize).copied();
                    match role {
                        Some(role) if r.elem != NO_ELEM => {
                            use std::io::Write;
                            let _ = writeln!(
                                w.out,
                                "/{} <</MCID {}>> BDC",
                                role.name(),
                                page_marks.len()
                            );
                            page_marks.push(r.elem);
                        }
                        _ => w.out.extend_from_slice(b"/Artifact BMC\n"),
                    }
                    open = Some(r.elem);
                }
                w.text(&mut state, r, paper, &codes, &mut gids);
            }
            if open.is_some() {
                w.out.extend_from_slice(b"EMC\n");
            }
            w.out.extend_from_slice(b"ET\n");
        }
        marks.push(page_marks);
        let stream = contents.and_then(|c| lo.get_object_mut(c));
        if let Ok(Object::Stream(s)) = stream {
            // printpdf's rules: page furniture.
            if !s.content.is_empty() {
                w.out.extend_from_slice(b"/Artifact BMC\n");
                w.out.extend_from_slice(&s.content);
                w.out.extend_from_slice(b"\nEMC\n");
            }
            if let Some(bars) = sheet.barcode.as_deref() {
                w.out.extend_from_slice(b"/Artifact BMC\n");
                barcode::draw(&mut w.out, bars, paper);
                w.out.extend_from_slice(b"EMC\n");
            }
            *s = z.stream(s.dict.clone(), std::mem::take(&mut w.out));
        }
    }
    finish(&mut lo, info, paper, sheets, roles, &page_ids, &marks);
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
    blue: bool,
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
        gids: &mut std::slice::Iter<u32>,
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
            self.num(r.size * super::fonts::TRACKING);
            self.out.extend_from_slice(b" Tc\n");
            state.font = Some(k);
            state.size = r.size;
        }
        if state.blue != r.blue {
            // Links to documents are blue, as printed.
            self.out
                .extend_from_slice(if r.blue { b"0 0 1 rg\n" } else { b"0 g\n" });
            state.blue = r.blue;
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
            w.code(codes.get(gid as usize).copied().unwrap_or(0));
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

/// Links, structure tree, outline, metadata, page boxes: what printpdf does not write
/// (or not as needed) is set on its document.
fn finish(
    lo: &mut lopdf::Document,
    info: &Info,
    paper: Paper,
    sheets: &[Page],
    roles: &[Role],
    page_ids: &[ObjectId],
    marks: &[Vec<u32>],
) {
    let mut annots = Vec::new();
    let rect = |l: &Link| {
        Object::Array(
            [
                l.x1 + paper.dx,
                l.y1 + paper.dy,
                l.x2 + paper.dx,
                l.y2 + paper.dy,
            ]
            .iter()
            .map(|&v| Object::Real(v))
            .collect(),
        )
    };
    for (i, (sheet, &page_id)) in sheets.iter().zip(page_ids).enumerate() {
        let mut refs = Vec::new();
        for l in &sheet.links {
            let mut d = Dictionary::from_iter(vec![
                ("Type", Object::Name(b"Annot".to_vec())),
                ("Subtype", Object::Name(b"Link".to_vec())),
                ("Rect", rect(l)),
                ("Border", Object::Array(vec![0.into(), 0.into(), 0.into()])),
                ("P", Object::Reference(page_id)),
            ]);
            match &l.target {
                Target::Uri(u) => {
                    d.set(
                        "A",
                        Dictionary::from_iter(vec![
                            ("S", Object::Name(b"URI".to_vec())),
                            ("URI", Object::string_literal(u.as_bytes().to_vec())),
                        ]),
                    );
                    d.set("Contents", meta::text(u));
                }
                Target::Note(marker) => {
                    let Some((page, y)) = sheets.iter().enumerate().find_map(|(k, s)| {
                        s.note_anchors
                            .iter()
                            .find(|(m, _)| m == marker)
                            .map(|(_, y)| (k, *y))
                    }) else {
                        continue;
                    };
                    let Some(&target) = page_ids.get(page) else {
                        continue;
                    };
                    d.set(
                        "Dest",
                        Object::Array(vec![
                            Object::Reference(target),
                            Object::Name(b"XYZ".to_vec()),
                            Object::Null,
                            Object::Real(y + paper.dy + 12.0),
                            Object::Null,
                        ]),
                    );
                    d.set("Contents", meta::text(&format!("Note {marker}")));
                }
            }
            let id = lo.add_object(d);
            refs.push(Object::Reference(id));
            if l.elem != NO_ELEM {
                annots.push(Annot {
                    page: i,
                    id,
                    elem: l.elem,
                });
            }
        }
        if let Ok(Object::Dictionary(d)) = lo.get_object_mut(page_id) {
            // The exact page box (printpdf's goes through millimetres).
            let bx = Object::Array(vec![
                0.into(),
                0.into(),
                Object::Real(paper.width),
                Object::Real(paper.height),
            ]);
            for key in ["MediaBox", "TrimBox", "CropBox", "BleedBox", "ArtBox"] {
                if key == "MediaBox" || d.has(key.as_bytes()) {
                    d.set(key, bx.clone());
                }
            }
            if !refs.is_empty() {
                d.set("Annots", Object::Array(refs));
                // Tab order follows the structure.
                d.set("Tabs", Object::Name(b"S".to_vec()));
            }
        }
    }
    let tree = tagged::structure(lo, roles, page_ids, marks, &annots);
    let entries: Vec<meta::Entry> = sheets
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            s.bookmarks
                .iter()
                .map(move |(title, level, y)| meta::Entry {
                    title: title.clone(),
                    level: *level,
                    page: i,
                    top: y + paper.dy + 14.0,
                })
        })
        .collect();
    let outline = meta::outline(lo, page_ids, &entries);
    let metadata = lo.add_object(info.metadata_stream());
    let info_id = lo.add_object(info.dictionary());
    lo.trailer.set("Info", Object::Reference(info_id));
    if let Ok(cat) = lo.catalog_mut() {
        cat.set("StructTreeRoot", Object::Reference(tree));
        cat.set(
            "MarkInfo",
            Dictionary::from_iter(vec![("Marked", Object::Boolean(true))]),
        );
        if !info.language.is_empty() {
            cat.set("Lang", meta::text(&info.language));
        }
        cat.set("Metadata", Object::Reference(metadata));
        cat.set(
            "ViewerPreferences",
            Dictionary::from_iter(vec![("DisplayDocTitle", Object::Boolean(true))]),
        );
        cat.remove(b"Outlines");
        cat.remove(b"PageMode");
        if let Some(o) = outline {
            cat.set("Outlines", Object::Reference(o));
            cat.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
        }
    }
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
        elem: NO_ELEM,
        blue: false,
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

//! Turning laid-out pages into printpdf operations and a PDF file.

use super::fonts::Faces;
use super::layout::{Link, Page, Piece, RuleOut, Run, Style, Target};
use printpdf::{
    Actions, BorderArray, Destination, FontId, Line, LinePoint, LinkAnnotation, Mm, Op,
    PageAnnotId, PageAnnotation, PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions,
    Point, Pt, Rect, TextItem, TextMatrix,
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

/// Draws the pages and serialises the document.
pub fn render(
    faces: &Faces,
    info: &Info,
    paper: Paper,
    sheets: &[Page],
    bookmarks: &[(String, usize)],
) -> Result<Vec<u8>, String> {
    let mut doc = PdfDocument::new(&info.title);
    let i = &mut doc.metadata.info;
    i.document_title = info.title.clone();
    i.subject = info.subject.clone();
    i.author = info.author.clone();
    i.keywords = info.keywords.clone();
    i.creator = "unres".into();
    i.producer = "unres".into();
    // Fixed ids instead of printpdf's process-wide counter, so that every
    // write of the same input gives the same bytes (the id's first six
    // letters also become the subset tag, e.g. UNRSAA+LibertinusSerif).
    let handles: Vec<PdfFontHandle> = faces
        .faces
        .iter()
        .zip(["UNRSAA", "UNRSAB", "UNRSAC", "UNRSAD"])
        .map(|(f, id)| {
            let id = FontId(id.to_string());
            doc.resources
                .fonts
                .map
                .insert(id.clone(), PdfFont::new(f.parsed.clone()));
            PdfFontHandle::External(id)
        })
        .collect();
    let mut pages = Vec::with_capacity(sheets.len());
    for sheet in sheets {
        let mut ops = Vec::with_capacity(sheet.runs.len() * 5 + 8);
        for r in &sheet.runs {
            text_ops(&mut ops, &handles, r, paper);
        }
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
    compress_streams(&mut lo);
    let mut out = Vec::new();
    lo.save_to(&mut out)
        .map_err(|e| format!("cannot serialise the PDF: {e}"))?;
    Ok(out)
}

fn text_ops(ops: &mut Vec<Op>, handles: &[PdfFontHandle], r: &Run, paper: Paper) {
    let Some(font) = handles.get(r.style.index()).or(handles.first()) else {
        return;
    };
    let mut items: Vec<TextItem> = Vec::with_capacity(r.pieces.len() * 2);
    for p in &r.pieces {
        match p {
            Piece::Text(t) => match items.last_mut() {
                Some(TextItem::Text(s)) => s.push_str(t),
                _ => items.push(TextItem::Text(t.clone())),
            },
            Piece::Space(extra) => {
                match items.last_mut() {
                    Some(TextItem::Text(s)) => s.push(' '),
                    _ => items.push(TextItem::Text(" ".into())),
                }
                if extra.abs() > 0.0005 {
                    // TJ offsets are in thousandths of an em; negative moves right.
                    items.push(TextItem::Offset(-extra * 1000.0 / r.size));
                }
            }
        }
    }
    ops.extend([
        Op::StartTextSection,
        Op::SetFont {
            font: font.clone(),
            size: Pt(r.size),
        },
        Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(r.x + paper.dx), Pt(r.y + paper.dy)),
        },
        Op::ShowText { items },
        Op::EndTextSection,
    ]);
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

/// Compresses every stream that may be, at zlib's fastest level: lopdf's own `compress`
/// uses the best (slowest) level, which took more than a third of the time of a PDF for
/// a few per cent of size.
fn compress_streams(doc: &mut lopdf::Document) {
    use std::io::Write;
    for object in doc.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        if enc.write_all(&stream.content).is_err() {
            continue;
        }
        if let Ok(packed) = enc.finish() {
            if packed.len() + 19 < stream.content.len() {
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(packed);
            }
        }
    }
}

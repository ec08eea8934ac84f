//! Loading only what the pages need: the cross-reference data read directly, then the
//! objects reachable from the page tree parsed one by one through lopdf's reader.
//!
//! An official PDF is tagged: its structure tree (hundreds of small dictionaries in an
//! object stream) and its embedded font programs are most of the file, and the text
//! walk reads none of them. Anything unexpected (no `startxref`, a table that does not
//! parse, an object that is not where the table says, encryption) returns `None`, and
//! the caller loads the whole file with lopdf as before.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap, HashSet};

use lopdf::xref::{decode_xref_stream_with_limit, Xref, XrefEntry, XrefType};
use lopdf::{Dictionary, Document, Object, ObjectId, ObjectStream, Reader};

use super::objects::STREAM_LIMIT;

/// Entries whose objects the text walk never reads: followed, they would load the
/// structure tree, annotations, font programs, colour profiles and the like.
const UNREAD: &[&[u8]] = &[
    b"Parent",
    b"StructTreeRoot",
    b"Annots",
    b"Metadata",
    b"FontFile",
    b"FontFile2",
    b"FontFile3",
    b"CIDSet",
    b"CIDToGIDMap",
    b"ColorSpace",
    b"ExtGState",
    b"Pattern",
    b"Shading",
    b"Properties",
    b"Group",
    b"SMask",
    b"Mask",
    b"Thumb",
    b"PieceInfo",
    b"B",
    b"OCProperties",
    b"Outlines",
    b"Names",
    b"AcroForm",
    b"OpenAction",
    b"Dests",
    b"ParentTree",
];

/// Cross-reference sections followed at most (incremental updates, linearized files).
const MAX_SECTIONS: usize = 64;

/// What a trailer says that the loader needs.
#[derive(Default)]
struct Trailer {
    root: Option<ObjectId>,
    prev: Option<usize>,
    xref_stream: Option<usize>,
    encrypted: bool,
}

/// The document with the objects the pages reach, or `None` to load it whole.
pub fn load(bytes: &[u8]) -> Option<Document> {
    // Offsets count from the header, as lopdf counts them.
    let start = bytes.windows(5).position(|w| w == b"%PDF-")?;
    let buf = bytes.get(start..)?;
    let (xref, root) = cross_references(buf)?;
    let reader = Reader {
        buffer: buf,
        document: Document {
            reference_table: xref,
            ..Document::new()
        },
        encryption_state: None,
        raw_objects: BTreeMap::new(),
        password: None,
        strict: false,
        max_decompressed_size: Some(STREAM_LIMIT),
    };
    let mut streams: HashMap<u32, BTreeMap<ObjectId, Object>> = HashMap::new();
    let mut objects: BTreeMap<ObjectId, Object> = BTreeMap::new();
    // The catalog: only its page tree is read.
    let catalog = fetch(&reader, root, &mut streams)?;
    let mut todo: Vec<ObjectId> = catalog
        .as_dict()
        .ok()?
        .get(b"Pages")
        .and_then(Object::as_reference)
        .ok()
        .into_iter()
        .collect();
    objects.insert(root, catalog);
    while let Some(id) = todo.pop() {
        if objects.contains_key(&id) {
            continue;
        }
        let obj = fetch(&reader, id, &mut streams)?;
        references(&obj, &mut todo, 0);
        objects.insert(id, obj);
    }
    let mut doc = reader.document;
    doc.max_id = doc.reference_table.max_id();
    doc.objects = objects;
    let mut trailer = Dictionary::new();
    trailer.set("Root", Object::Reference(root));
    doc.trailer = trailer;
    Some(doc)
}

/// The object `id`, from its offset or from its object stream (parsed once).
fn fetch(
    reader: &Reader<'_>,
    id: ObjectId,
    streams: &mut HashMap<u32, BTreeMap<ObjectId, Object>>,
) -> Option<Object> {
    match reader.document.reference_table.get(id.0)? {
        XrefEntry::Normal { .. } => reader.get_object(id, &mut HashSet::new()).ok(),
        XrefEntry::Compressed { container, .. } => {
            let objects = match streams.entry(*container) {
                Entry::Occupied(e) => e.into_mut(),
                Entry::Vacant(e) => {
                    let obj = reader.get_object((*e.key(), 0), &mut HashSet::new()).ok()?;
                    let Object::Stream(mut stream) = obj else {
                        return None;
                    };
                    let parsed =
                        ObjectStream::new_with_limit(&mut stream, Some(STREAM_LIMIT)).ok()?;
                    e.insert(parsed.objects)
                }
            };
            objects.remove(&id)
        }
        XrefEntry::Free | XrefEntry::UnusableFree => None,
    }
}

/// Pushes the references `o` holds, except under the entries the walk never reads.
fn references(o: &Object, todo: &mut Vec<ObjectId>, depth: u8) {
    if depth > 32 {
        return;
    }
    let dict = |d: &Dictionary, todo: &mut Vec<ObjectId>| {
        for (k, v) in d.iter() {
            if !UNREAD.contains(&k.as_slice()) {
                references(v, todo, depth + 1);
            }
        }
    };
    match o {
        Object::Reference(id) => todo.push(*id),
        Object::Array(a) => a.iter().for_each(|x| references(x, todo, depth + 1)),
        Object::Dictionary(d) => dict(d, todo),
        Object::Stream(s) => dict(&s.dict, todo),
        _ => {}
    }
}

/// Every cross-reference section from the last `startxref` back through `/Prev` and
/// `/XRefStm`; the first entry found for an object (the newest) wins. With the root.
fn cross_references(buf: &[u8]) -> Option<(Xref, ObjectId)> {
    let at = buf.windows(9).rposition(|w| w == b"startxref")?;
    let (first, _) = uint(buf, skip_white(buf, at + 9))?;
    let mut entries: BTreeMap<u32, XrefEntry> = BTreeMap::new();
    let mut root = None;
    let mut pending = vec![usize::try_from(first).ok()?];
    let mut seen = HashSet::new();
    while let Some(offset) = pending.pop() {
        if !seen.insert(offset) || seen.len() > MAX_SECTIONS {
            continue;
        }
        let p = skip_white(buf, offset);
        let trailer = if buf.get(p..)?.starts_with(b"xref") {
            table(buf, p + 4, &mut entries)?
        } else {
            xref_stream(buf, p, &mut entries)?
        };
        if trailer.encrypted {
            return None;
        }
        root = root.or(trailer.root);
        // The stream of a hybrid file completes its table before older sections.
        if let Some(prev) = trailer.prev {
            pending.push(prev);
        }
        if let Some(stm) = trailer.xref_stream {
            pending.push(stm);
        }
    }
    let mut xref = Xref::new(0, XrefType::CrossReferenceTable);
    for (id, e) in entries {
        xref.insert(id, e);
    }
    Some((xref, root?))
}

/// A classic table from after `xref`; returns its trailer.
fn table(buf: &[u8], mut p: usize, entries: &mut BTreeMap<u32, XrefEntry>) -> Option<Trailer> {
    loop {
        p = skip_white(buf, p);
        if buf.get(p..)?.starts_with(b"trailer") {
            return Some(trailer(buf, skip_white(buf, p + 7)));
        }
        let (first, q) = uint(buf, p)?;
        let (count, q) = uint(buf, skip_white(buf, q))?;
        p = q;
        for k in 0..count.min(1 << 23) {
            let (offset, q) = uint(buf, skip_white(buf, p))?;
            let (generation, q) = uint(buf, skip_white(buf, q))?;
            let q = skip_white(buf, q);
            let kind = *buf.get(q)?;
            p = q + 1;
            let id = u32::try_from(first.checked_add(k)?).ok()?;
            match kind {
                b'n' => {
                    entries.entry(id).or_insert(XrefEntry::Normal {
                        offset: u32::try_from(offset).ok()?,
                        generation: u16::try_from(generation).ok()?,
                    });
                }
                b'f' => {}
                _ => return None,
            }
        }
    }
}

/// A cross-reference stream at `p` (`n g obj << … >> stream`); returns its dictionary's
/// trailer entries.
fn xref_stream(buf: &[u8], p: usize, entries: &mut BTreeMap<u32, XrefEntry>) -> Option<Trailer> {
    let (num, q) = uint(buf, p)?;
    let (generation, q) = uint(buf, skip_white(buf, q))?;
    if !buf.get(skip_white(buf, q)..)?.starts_with(b"obj") {
        return None;
    }
    let id = (u32::try_from(num).ok()?, u16::try_from(generation).ok()?);
    let mut table = Xref::new(id.0.checked_add(1)?, XrefType::CrossReferenceStream);
    table.insert(
        id.0,
        XrefEntry::Normal {
            offset: u32::try_from(p).ok()?,
            generation: id.1,
        },
    );
    let reader = Reader {
        buffer: buf,
        document: Document {
            reference_table: table,
            ..Document::new()
        },
        encryption_state: None,
        raw_objects: BTreeMap::new(),
        password: None,
        strict: false,
        max_decompressed_size: Some(STREAM_LIMIT),
    };
    let Object::Stream(stream) = reader.get_object(id, &mut HashSet::new()).ok()? else {
        return None;
    };
    let (xref, dict) = decode_xref_stream_with_limit(stream, Some(STREAM_LIMIT)).ok()?;
    for (k, e) in xref.entries {
        if matches!(e, XrefEntry::Normal { .. } | XrefEntry::Compressed { .. }) {
            entries.entry(k).or_insert(e);
        }
    }
    Some(Trailer {
        root: dict.get(b"Root").and_then(Object::as_reference).ok(),
        prev: dict
            .get(b"Prev")
            .and_then(Object::as_i64)
            .ok()
            .and_then(|v| usize::try_from(v).ok()),
        xref_stream: None,
        encrypted: dict.has(b"Encrypt"),
    })
}

/// The entries of a trailer dictionary starting at `p` (`<<`), read at its top level.
fn trailer(buf: &[u8], mut p: usize) -> Trailer {
    let mut t = Trailer::default();
    let mut depth = 0u32;
    while let Some(&c) = buf.get(p) {
        if buf[p..].starts_with(b"<<") {
            depth += 1;
            p += 2;
        } else if buf[p..].starts_with(b">>") {
            depth = depth.saturating_sub(1);
            p += 2;
            if depth == 0 {
                break;
            }
        } else if c == b'(' {
            p = past_literal(buf, p);
        } else if c == b'<' {
            p = buf[p..]
                .iter()
                .position(|&b| b == b'>')
                .map_or(buf.len(), |k| p + k + 1);
        } else if c == b'/' && depth == 1 {
            let end = buf[p + 1..]
                .iter()
                .position(|&b| is_white(b) || b"()<>[]{}/%".contains(&b))
                .map_or(buf.len(), |k| p + 1 + k);
            let name = &buf[p + 1..end];
            p = end;
            let int = |q: usize| uint(buf, skip_white(buf, q));
            match name {
                b"Root" => {
                    if let Some((n, q)) = int(p) {
                        if let Some((g, q)) = int(q) {
                            if buf.get(skip_white(buf, q)) == Some(&b'R') {
                                t.root = u32::try_from(n).ok().zip(u16::try_from(g).ok());
                            }
                        }
                    }
                }
                b"Prev" => t.prev = int(p).and_then(|(v, _)| usize::try_from(v).ok()),
                b"XRefStm" => t.xref_stream = int(p).and_then(|(v, _)| usize::try_from(v).ok()),
                b"Encrypt" => t.encrypted = true,
                _ => {}
            }
        } else {
            p += 1;
        }
    }
    t
}

/// Past a literal string starting at `p` (`(`): nested parentheses, escapes.
fn past_literal(buf: &[u8], mut p: usize) -> usize {
    let mut depth = 0u32;
    while let Some(&c) = buf.get(p) {
        p += 1;
        match c {
            b'\\' => p += 1,
            b'(' => depth += 1,
            b')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            _ => {}
        }
    }
    p.min(buf.len())
}

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0C' | b'\0')
}

/// Past white space and comments.
fn skip_white(buf: &[u8], mut p: usize) -> usize {
    while let Some(&c) = buf.get(p) {
        if is_white(c) {
            p += 1;
        } else if c == b'%' {
            while buf.get(p).is_some_and(|&b| b != b'\n' && b != b'\r') {
                p += 1;
            }
        } else {
            break;
        }
    }
    p
}

/// An unsigned integer at `p` and the position after it.
fn uint(buf: &[u8], p: usize) -> Option<(u64, usize)> {
    let digits = buf
        .get(p..)?
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if digits == 0 || digits > 12 {
        return None;
    }
    let v = buf[p..p + digits]
        .iter()
        .fold(0u64, |a, &b| a * 10 + u64::from(b - b'0'));
    Some((v, p + digits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailer_entries_at_the_top_level_only() {
        let t = trailer(
            b"<< /Size 9 /Info << /Root 7 0 R >> /ID [<00ff><a1>] /Root 1 0 R /Prev 1234 /XRefStm 99 >>",
            0,
        );
        assert_eq!(t.root, Some((1, 0)));
        assert_eq!(t.prev, Some(1234));
        assert_eq!(t.xref_stream, Some(99));
        assert!(!t.encrypted);
        assert!(trailer(b"<</Encrypt 5 0 R/Root 1 0 R>>", 0).encrypted);
    }

    #[test]
    fn newest_table_entry_wins_and_free_entries_give_way() {
        let mut entries = BTreeMap::new();
        entries.insert(
            2,
            XrefEntry::Normal {
                offset: 500,
                generation: 0,
            },
        );
        let body = b" 0 4\n0000000000 65535 f\r\n0000000015 00000 n\r\n0000000099 00000 n\r\n0000000000 00000 f\r\ntrailer\n<</Root 1 0 R>>";
        let t = table(body, 0, &mut entries).unwrap_or_default();
        assert_eq!(t.root, Some((1, 0)));
        let offsets: Vec<(u32, u32)> = entries
            .iter()
            .filter_map(|(k, e)| match e {
                XrefEntry::Normal { offset, .. } => Some((*k, *offset)),
                _ => None,
            })
            .collect();
        assert_eq!(offsets, vec![(1, 15), (2, 500)]);
    }

    /// The repository's official PDF: the objects the pages reach give the very glyphs,
    /// rules and images the whole load gives, from a fraction of the objects.
    #[test]
    fn the_pages_read_as_from_the_whole_file() {
        use super::super::{content, objects};
        let bytes = include_bytes!("../../../tests/corpus/A_RES_80_1-EN.pdf");
        let lazy = load(bytes).expect("cross-references read");
        let whole = objects::load(bytes).expect("loaded");
        assert!(lazy.objects.len() < whole.objects.len());
        let a = content::pages(&lazy, &mut content::FontCache::default());
        let b = content::pages(&whole, &mut content::FontCache::default());
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(
                (&x.glyphs, &x.rules, x.images),
                (&y.glyphs, &y.rules, y.images)
            );
        }
        assert!(a.iter().map(|p| p.glyphs.len()).sum::<usize>() > 1000);
    }

    #[test]
    fn damaged_tables_give_up() {
        let mut entries = BTreeMap::new();
        assert!(table(b" 0 2\n0000000000 65535 x\r\n", 0, &mut entries).is_none());
        assert!(table(b" 0 9\n0000000010 00000 n\r\n", 0, &mut entries).is_none());
        assert!(load(b"%PDF-1.7\nstartxref\n999999\n%%EOF").is_none());
        assert!(load(b"%PDF-1.7\n").is_none());
    }
}

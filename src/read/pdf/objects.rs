//! The PDF file's objects, through lopdf: loading, pages, resources.

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::error::PdfError;

/// The most any stream may inflate to: a small file cannot claim unbounded memory.
pub const STREAM_LIMIT: usize = 64 << 20;

/// Parses the whole file with lopdf (every object; broken cross-references rebuilt);
/// encrypted files are refused (the reader has no password). The reader tries
/// the load of only the objects the pages reach first (`lazy.rs`).
pub fn load(bytes: &[u8]) -> Result<Document, PdfError> {
    let opts = lopdf::LoadOptions {
        max_decompressed_size: Some(STREAM_LIMIT),
        ..Default::default()
    };
    let doc = match Document::load_mem_with_options(bytes, opts) {
        Ok(d) => d,
        Err(
            lopdf::Error::Decryption(_)
            | lopdf::Error::InvalidPassword
            | lopdf::Error::UnsupportedSecurityHandler(_),
        ) => return Err(PdfError::Encrypted),
        Err(e) => return Err(PdfError::Damaged(e.to_string())),
    };
    // lopdf opens a file encrypted with an empty user password; one it could not is refused.
    if doc.trailer.get(b"Encrypt").is_ok() && doc.encryption_state.is_none() {
        return Err(PdfError::Encrypted);
    }
    Ok(doc)
}

/// The object `o` points to (or `o` itself), following at most a few references.
pub fn deref<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    let mut o = o;
    for _ in 0..8 {
        match o {
            Object::Reference(id) => o = doc.get_object(*id).ok()?,
            _ => return Some(o),
        }
    }
    None
}

/// A number object as `f32`.
pub fn number(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

/// A dictionary entry that is a dictionary, through references.
pub fn dict_entry<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    deref(doc, d.get(key).ok()?)?.as_dict().ok()
}

/// A page's resources, inherited from its parents when the page has none.
pub fn page_resources(doc: &Document, page: ObjectId) -> Option<&Dictionary> {
    let mut node = doc.get_dictionary(page).ok()?;
    for _ in 0..32 {
        if let Some(r) = dict_entry(doc, node, b"Resources") {
            return Some(r);
        }
        node = dict_entry(doc, node, b"Parent")?;
    }
    None
}

/// A page's box (MediaBox, inherited), as x0, y0, x1, y1.
pub fn page_box(doc: &Document, page: ObjectId) -> [f32; 4] {
    let mut node = doc.get_dictionary(page).ok();
    for _ in 0..32 {
        let Some(n) = node else { break };
        if let Some(a) = n
            .get(b"MediaBox")
            .ok()
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_array().ok())
        {
            let v: Vec<f32> = a
                .iter()
                .filter_map(|o| deref(doc, o).and_then(number))
                .collect();
            if let [x0, y0, x1, y1] = v[..] {
                return [x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)];
            }
        }
        node = dict_entry(doc, n, b"Parent");
    }
    // US Letter, the size of the official English PDFs.
    [0.0, 0.0, 612.0, 792.0]
}

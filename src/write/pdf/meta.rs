//! Document-level parts of the PDF: the information dictionary, the XMP metadata
//! stream and the outline. Dates come from the document, so the same input gives
//! the same bytes.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};
use std::fmt::Write as _;

/// Document-level metadata.
pub struct Info {
    pub title: String,
    pub subject: String,
    pub author: String,
    pub keywords: Vec<String>,
    pub language: String,
    /// The date of the document (adoption, else issue): year, month, day.
    pub date: Option<(u16, u8, u8)>,
}

/// A text string: PDFDocEncoding when ASCII, else UTF-16BE with its byte order mark.
pub fn text(s: &str) -> Object {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xfe, 0xff];
        for u in s.encode_utf16() {
            bytes.extend_from_slice(&u.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

impl Info {
    /// `D:YYYYMMDD000000Z`, or `None` without a date.
    fn pdf_date(&self) -> Option<String> {
        self.date
            .map(|(y, m, d)| format!("D:{y:04}{m:02}{d:02}000000Z"))
    }

    fn iso_date(&self) -> Option<String> {
        self.date
            .map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}T00:00:00Z"))
    }

    /// The information dictionary.
    pub fn dictionary(&self) -> Dictionary {
        let mut d = Dictionary::new();
        d.set("Title", text(&self.title));
        if !self.subject.is_empty() {
            d.set("Subject", text(&self.subject));
        }
        d.set("Author", text(&self.author));
        d.set("Keywords", text(&self.keywords.join("; ")));
        d.set("Creator", text("unres"));
        d.set("Producer", text("unres"));
        if let Some(date) = self.pdf_date() {
            d.set("CreationDate", text(&date));
            d.set("ModDate", text(&date));
        }
        d
    }

    /// The XMP packet: title, symbol, language, author, keywords and dates, as in
    /// the information dictionary.
    pub fn xmp(&self) -> Vec<u8> {
        let mut x = String::with_capacity(2048);
        x.push_str(
            "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
             <x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
             <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
             <rdf:Description rdf:about=\"\"\n \
             xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n \
             xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n \
             xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n",
        );
        let lang = if self.language.is_empty() {
            "x-default"
        } else {
            self.language.as_str()
        };
        let _ = write!(
            x,
            "<dc:format>application/pdf</dc:format>\n\
             <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:title>\n\
             <dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>\n\
             <dc:language><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:language>\n",
            escape(&self.title),
            escape(&self.author),
            escape(lang),
        );
        if !self.subject.is_empty() {
            let _ = write!(
                x,
                "<dc:identifier>{}</dc:identifier>\n\
                 <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:description>\n",
                escape(&self.subject),
                escape(&self.subject),
            );
        }
        let _ = write!(
            x,
            "<pdf:Keywords>{}</pdf:Keywords>\n<pdf:Producer>unres</pdf:Producer>\n\
             <xmp:CreatorTool>unres</xmp:CreatorTool>\n",
            escape(&self.keywords.join("; "))
        );
        if let Some(d) = self.iso_date() {
            let _ = write!(
                x,
                "<xmp:CreateDate>{d}</xmp:CreateDate>\n<xmp:ModifyDate>{d}</xmp:ModifyDate>\n\
                 <xmp:MetadataDate>{d}</xmp:MetadataDate>\n"
            );
        }
        x.push_str("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
        x.into_bytes()
    }

    /// The metadata stream, uncompressed so that any tool can read it.
    pub fn metadata_stream(&self) -> Stream {
        let dict = Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Metadata".to_vec())),
            ("Subtype", Object::Name(b"XML".to_vec())),
        ]);
        Stream::new(dict, self.xmp()).with_compression(false)
    }
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One outline entry: title, level (1 at the top), page index, the y it points to.
pub struct Entry {
    pub title: String,
    pub level: u8,
    pub page: usize,
    pub top: f32,
}

/// Writes the outline (entries in order, nested by level, all open); returns its root.
pub fn outline(doc: &mut Document, pages: &[ObjectId], entries: &[Entry]) -> Option<ObjectId> {
    if entries.is_empty() {
        return None;
    }
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = entries.iter().map(|_| doc.new_object_id()).collect();
    // Each entry's parent (an index, or None for the root).
    let mut parent: Vec<Option<usize>> = Vec::with_capacity(entries.len());
    let mut stack: Vec<usize> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        while stack
            .last()
            .and_then(|&s| entries.get(s))
            .is_some_and(|s| s.level >= e.level)
        {
            stack.pop();
        }
        parent.push(stack.last().copied());
        stack.push(i);
    }
    let children = |p: Option<usize>| -> Vec<usize> {
        (0..entries.len())
            .filter(|&i| parent.get(i).copied().flatten() == p)
            .collect()
    };
    let descendants = |p: usize| -> i64 {
        let mut n = 0;
        let mut k = p + 1;
        while k < entries.len() {
            let mut a = parent.get(k).copied().flatten();
            let mut inside = false;
            while let Some(x) = a {
                if x == p {
                    inside = true;
                    break;
                }
                a = parent.get(x).copied().flatten();
            }
            if !inside {
                break;
            }
            n += 1;
            k += 1;
        }
        n
    };
    for (i, e) in entries.iter().enumerate() {
        let mut d = Dictionary::new();
        d.set("Title", text(&e.title));
        let up = parent
            .get(i)
            .copied()
            .flatten()
            .and_then(|p| ids.get(p).copied())
            .unwrap_or(root);
        d.set("Parent", Object::Reference(up));
        let siblings = children(parent.get(i).copied().flatten());
        let at = siblings.iter().position(|&s| s == i);
        if let Some(prev) = at
            .and_then(|a| a.checked_sub(1))
            .and_then(|a| siblings.get(a))
        {
            d.set("Prev", Object::Reference(ids[*prev]));
        }
        if let Some(next) = at.and_then(|a| siblings.get(a + 1)) {
            d.set("Next", Object::Reference(ids[*next]));
        }
        let kids = children(Some(i));
        if let (Some(f), Some(l)) = (kids.first(), kids.last()) {
            d.set("First", Object::Reference(ids[*f]));
            d.set("Last", Object::Reference(ids[*l]));
            d.set("Count", Object::Integer(descendants(i)));
        }
        if let Some(&page) = pages.get(e.page) {
            d.set(
                "Dest",
                Object::Array(vec![
                    Object::Reference(page),
                    Object::Name(b"XYZ".to_vec()),
                    Object::Null,
                    Object::Real(e.top),
                    Object::Null,
                ]),
            );
        }
        if let Some(&id) = ids.get(i) {
            doc.objects.insert(id, Object::Dictionary(d));
        }
    }
    let top = children(None);
    let mut d = Dictionary::new();
    d.set("Type", Object::Name(b"Outlines".to_vec()));
    if let (Some(f), Some(l)) = (top.first(), top.last()) {
        d.set("First", Object::Reference(ids[*f]));
        d.set("Last", Object::Reference(ids[*l]));
    }
    d.set("Count", Object::Integer(entries.len() as i64));
    doc.objects.insert(root, Object::Dictionary(d));
    Some(root)
}

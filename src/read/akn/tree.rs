//! The XML of an AKN file as a small tree of elements and text, built from quick-xml's
//! streaming reader; each element keeps its line and column for diagnostics.
//!
//! Nothing outside the document is ever read: a DOCTYPE is refused (AKN needs none,
//! and its internal subset is where entities would be declared), entity references
//! other than XML's five and character references are errors, and the nesting depth is
//! bounded, so no input can make the reader fetch, expand or recurse without end.

use super::AknError;
use quick_xml::events::{BytesStart, Event};
use quick_xml::XmlVersion;
use std::borrow::Cow;

/// Elements nested deeper than this are refused (our own AKN nests about 15 deep).
pub const MAX_DEPTH: usize = 200;

/// One element: its local name, namespace prefix, attributes and children.
#[derive(Debug, Default)]
pub struct Element {
    pub name: String,
    /// The prefix of the qualified name (`akn4un` for `akn4un:barcode`), if any.
    pub prefix: Option<String>,
    pub attrs: Vec<(String, String)>,
    pub kids: Vec<Kid>,
    pub line: usize,
    pub column: usize,
    /// Written `<x/>` rather than `<x></x>`: our writer marks an absent paragraph so.
    pub self_closing: bool,
}

/// A child of an element.
#[derive(Debug)]
pub enum Kid {
    Element(Element),
    Text(String),
}

impl Element {
    /// The value of attribute `name` (qualified as written).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The child elements, in order.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.kids.iter().filter_map(|k| match k {
            Kid::Element(e) => Some(e),
            Kid::Text(_) => None,
        })
    }

    /// The first child element named `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// All the text inside, in order, markup left out.
    pub fn text(&self) -> String {
        let mut s = String::new();
        self.push_text(&mut s);
        s
    }

    fn push_text(&self, out: &mut String) {
        for k in &self.kids {
            match k {
                Kid::Text(t) => out.push_str(t),
                Kid::Element(e) => e.push_text(out),
            }
        }
    }

    /// Text directly inside that is not only the indentation between elements.
    pub fn has_loose_text(&self) -> bool {
        self.kids
            .iter()
            .any(|k| matches!(k, Kid::Text(t) if !t.trim().is_empty()))
    }
}

/// Byte offsets to 1-based lines and columns (in characters), advancing as the reader does.
struct Lines<'a> {
    text: &'a str,
    at: usize,
    line: usize,
    line_start: usize,
}

impl Lines<'_> {
    fn position(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        if offset < self.at {
            // Positions only move forward, but be safe: count again from the start.
            self.at = 0;
            self.line = 1;
            self.line_start = 0;
        }
        let bytes = self.text.as_bytes();
        for (i, &b) in bytes.iter().enumerate().take(offset).skip(self.at) {
            if b == b'\n' {
                self.line += 1;
                self.line_start = i + 1;
            }
        }
        self.at = offset;
        let column = 1 + self
            .text
            .get(self.line_start..offset)
            .map_or(0, |s| s.chars().count());
        (self.line, column)
    }
}

/// Parses `text` into its root element.
pub fn parse(text: &str) -> Result<Element, AknError> {
    let mut reader = quick_xml::Reader::from_str(text);
    let config = reader.config_mut();
    config.trim_text(false);
    config.check_end_names = true;
    config.expand_empty_elements = false;
    let mut lines = Lines {
        text,
        at: 0,
        line: 1,
        line_start: 0,
    };
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let start = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                let at = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
                let (line, column) = lines.position(at);
                return Err(AknError::new(
                    line,
                    column,
                    format!("not well-formed XML: {e}"),
                ));
            }
        };
        let here = |lines: &mut Lines| lines.position(start);
        match event {
            Event::Start(s) | Event::Empty(s) if root.is_some() => {
                let (line, column) = here(&mut lines);
                return Err(AknError::new(
                    line,
                    column,
                    format!(
                        "not well-formed XML: a second root element <{}>",
                        s.name().as_ref()
                    ),
                ));
            }
            Event::Start(s) => {
                if stack.len() >= MAX_DEPTH {
                    let (line, column) = here(&mut lines);
                    return Err(AknError::new(
                        line,
                        column,
                        format!("elements nested more than {MAX_DEPTH} deep"),
                    ));
                }
                let (line, column) = here(&mut lines);
                stack.push(element(&s, line, column, false)?);
            }
            Event::Empty(s) => {
                let (line, column) = here(&mut lines);
                let e = element(&s, line, column, true)?;
                match stack.last_mut() {
                    Some(parent) => parent.kids.push(Kid::Element(e)),
                    None => root = Some(e),
                }
            }
            Event::End(_) => {
                // quick-xml has checked that the names match.
                if let Some(e) = stack.pop() {
                    match stack.last_mut() {
                        Some(parent) => parent.kids.push(Kid::Element(e)),
                        None => root = Some(e),
                    }
                }
            }
            Event::Text(t) => push_text(&mut stack, &t.xml10_content()),
            Event::CData(c) => {
                let s = c.xml10_content();
                push_text(&mut stack, &s);
            }
            Event::GeneralRef(r) => {
                let (line, column) = here(&mut lines);
                let resolved: Cow<str> = if r.is_char_ref() {
                    match r.resolve_char_ref() {
                        Ok(Some(c)) => Cow::Owned(c.to_string()),
                        _ => {
                            return Err(AknError::new(
                                line,
                                column,
                                format!("not well-formed XML: a bad character reference &{};", &*r),
                            ))
                        }
                    }
                } else {
                    match quick_xml::escape::resolve_predefined_entity(&r) {
                        Some(s) => Cow::Borrowed(s),
                        None => {
                            return Err(AknError::new(
                                line,
                                column,
                                format!(
                                    "unknown entity &{};: only XML's own entities are read, none is expanded from a DTD",
                                    &*r
                                ),
                            ))
                        }
                    }
                };
                push_text(&mut stack, &resolved);
            }
            Event::DocType(_) => {
                let (line, column) = here(&mut lines);
                return Err(AknError::new(
                    line,
                    column,
                    "a DOCTYPE is not read: Akoma Ntoso needs none, and entities are not expanded",
                ));
            }
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(open) = stack.last() {
        return Err(AknError::new(
            open.line,
            open.column,
            format!("not well-formed XML: <{}> is never closed", open.name),
        ));
    }
    root.ok_or_else(|| AknError::new(1, 1, "not Akoma Ntoso: the file holds no XML element"))
}

fn push_text(stack: &mut [Element], s: &str) {
    let Some(parent) = stack.last_mut() else {
        // Text outside the root: only whitespace is well formed there, and quick-xml
        // leaves the rest to us; it carries nothing.
        return;
    };
    if let Some(Kid::Text(t)) = parent.kids.last_mut() {
        t.push_str(s);
    } else if !s.is_empty() {
        parent.kids.push(Kid::Text(s.to_string()));
    }
}

fn element(
    s: &BytesStart,
    line: usize,
    column: usize,
    self_closing: bool,
) -> Result<Element, AknError> {
    let qname = s.name();
    let (local, prefix) = qname.decompose();
    let mut attrs = Vec::new();
    for a in s.attributes() {
        let a = a.map_err(|e| AknError::new(line, column, format!("not well-formed XML: {e}")))?;
        let value = a
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|e| AknError::new(line, column, format!("in an attribute value: {e}")))?;
        attrs.push((a.key.as_ref().to_string(), value.into_owned()));
    }
    Ok(Element {
        name: local.as_ref().to_string(),
        prefix: prefix.map(|p| p.as_ref().to_string()),
        attrs,
        kids: Vec::new(),
        line,
        column,
        self_closing,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_entities_and_positions() {
        let root =
            parse("<?xml version=\"1.0\"?>\n<a x=\"1&amp;2\">\n  <b>x &lt; y&#10;</b><c/></a>")
                .unwrap();
        assert_eq!(root.name, "a");
        assert_eq!(root.attr("x"), Some("1&2"));
        let b = root.child("b").unwrap();
        assert_eq!(b.text(), "x < y\n");
        assert_eq!((b.line, b.column), (3, 3));
        assert!(root.child("c").unwrap().self_closing);
        assert!(!b.self_closing);
    }

    #[test]
    fn no_entity_is_expanded() {
        let e = parse("<a>&ext;</a>").unwrap_err();
        assert!(e.message.contains("unknown entity &ext;"), "{}", e.message);
        let e = parse("<!DOCTYPE a [<!ENTITY ext SYSTEM \"http://example.org/x\">]><a>&ext;</a>")
            .unwrap_err();
        assert!(e.message.contains("DOCTYPE"), "{}", e.message);
        assert_eq!((e.line, e.column), (1, 1));
    }

    #[test]
    fn malformed_xml_is_located() {
        let e = parse("<a>\n  <b></c></a>").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(
            e.message.starts_with("not well-formed XML"),
            "{}",
            e.message
        );
        let e = parse("<a>\n<b>").unwrap_err();
        assert!(e.message.contains("never closed") || e.message.starts_with("not well-formed"));
        let deep = "<a>".repeat(MAX_DEPTH + 1);
        let e = parse(&deep).unwrap_err();
        assert!(e.message.contains("nested"), "{}", e.message);
    }
}

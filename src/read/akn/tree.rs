//! The XML of an AKN file as a small tree of elements and text, built from quick-xml's
//! streaming reader; each element keeps its line and column for diagnostics.
//!
//! Nothing outside the document is ever read: a DOCTYPE is refused (AKN needs none,
//! and its internal subset is where entities would be declared), entity references
//! other than XML's five and character references are errors, and the nesting depth is
//! bounded, so no input can make the reader fetch, expand or recurse without end.

use super::error::AknError;
use quick_xml::events::{BytesStart, Event};
use quick_xml::XmlVersion;
use std::borrow::Cow;

/// Elements nested deeper than this are refused (our own AKN nests about 15 deep).
pub const MAX_DEPTH: usize = 200;

/// One element: its local name, namespace prefix, attributes and children, borrowed
/// from the text where they need no unescaping.
#[derive(Debug, Default)]
pub struct Element<'a> {
    pub name: &'a str,
    /// The prefix of the qualified name (`akn4un` for `akn4un:barcode`), if any.
    pub prefix: Option<&'a str>,
    pub attrs: Vec<(&'a str, Cow<'a, str>)>,
    pub kids: Vec<Kid<'a>>,
    /// Byte offset of the start tag: [`locate`] turns it into a line and column when a
    /// message needs it.
    pub pos: usize,
    /// Written `<x/>` rather than `<x></x>`: our writer marks an absent paragraph so.
    pub self_closing: bool,
}

/// A child of an element.
#[derive(Debug)]
pub enum Kid<'a> {
    Element(Element<'a>),
    Text(Cow<'a, str>),
}

impl<'a> Element<'a> {
    /// The value of attribute `name` (qualified as written).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_ref())
    }

    /// The child elements, in order.
    pub fn elements(&self) -> impl Iterator<Item = &Element<'a>> {
        self.kids.iter().filter_map(|k| match k {
            Kid::Element(e) => Some(e),
            Kid::Text(_) => None,
        })
    }

    /// The first child element named `name`.
    pub fn child(&self, name: &str) -> Option<&Element<'a>> {
        self.elements().find(|e| e.name == name)
    }

    /// All the text inside, in order, markup left out.
    pub fn text(&self) -> String {
        // The usual case: one run of text.
        if let [Kid::Text(t)] = self.kids.as_slice() {
            return t.to_string();
        }
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

/// The 1-based line and column (in characters) of byte `offset` of `text`.
pub fn locate(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = text.get(..end).unwrap_or_default();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = 1 + before.bytes().filter(|&b| b == b'\n').count();
    let column = 1 + before.get(line_start..).map_or(0, |s| s.chars().count());
    (line, column)
}

/// `s`, borrowed from `text` when it is a slice of it (quick-xml hands out slices of
/// its input where nothing had to be unescaped), else copied.
fn rebase<'a>(text: &'a str, s: &str) -> Cow<'a, str> {
    let start = (s.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    match text.get(start..start.wrapping_add(s.len())) {
        Some(t) if t.as_ptr() == s.as_ptr() => Cow::Borrowed(t),
        _ => Cow::Owned(s.to_string()),
    }
}

fn borrowed<'a>(text: &'a str, s: &str) -> &'a str {
    match rebase(text, s) {
        Cow::Borrowed(t) => t,
        // Names are never unescaped, so this does not happen; an empty name then.
        Cow::Owned(_) => "",
    }
}

/// Parses `text` into its root element.
pub fn parse(text: &str) -> Result<Element<'_>, AknError> {
    let mut reader = quick_xml::Reader::from_str(text);
    let config = reader.config_mut();
    config.trim_text(false);
    config.check_end_names = true;
    config.expand_empty_elements = false;
    let err = |at: usize, message: String| {
        let (line, column) = locate(text, at);
        AknError::new(line, column, message)
    };
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let start = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                let at = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
                return Err(err(at, format!("not well-formed XML: {e}")));
            }
        };
        match event {
            Event::Start(s) | Event::Empty(s) if root.is_some() => {
                return Err(err(
                    start,
                    format!(
                        "not well-formed XML: a second root element <{}>",
                        s.name().as_ref()
                    ),
                ));
            }
            Event::Start(s) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(err(
                        start,
                        format!("elements nested more than {MAX_DEPTH} deep"),
                    ));
                }
                stack.push(element(text, &s, start, false).map_err(|m| err(start, m))?);
            }
            Event::Empty(s) => {
                let e = element(text, &s, start, true).map_err(|m| err(start, m))?;
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
            Event::Text(t) => push_text(&mut stack, t.xml10_content()),
            Event::CData(c) => push_text(&mut stack, c.xml10_content()),
            Event::GeneralRef(r) => {
                let resolved: Cow<str> = if r.is_char_ref() {
                    match r.resolve_char_ref() {
                        Ok(Some(c)) => Cow::Owned(c.to_string()),
                        _ => {
                            return Err(err(
                                start,
                                format!("not well-formed XML: a bad character reference &{};", &*r),
                            ))
                        }
                    }
                } else {
                    match quick_xml::escape::resolve_predefined_entity(&r) {
                        Some(s) => Cow::Borrowed(s),
                        None => {
                            return Err(err(
                                start,
                                format!(
                                    "unknown entity &{};: only XML's own entities are read, none is expanded from a DTD",
                                    &*r
                                ),
                            ))
                        }
                    }
                };
                push_text(&mut stack, resolved);
            }
            Event::DocType(_) => {
                return Err(err(
                    start,
                    "a DOCTYPE is not read: Akoma Ntoso needs none, and entities are not expanded"
                        .into(),
                ));
            }
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(open) = stack.last() {
        return Err(err(
            open.pos,
            format!("not well-formed XML: <{}> is never closed", open.name),
        ));
    }
    root.ok_or_else(|| AknError::new(1, 1, "not Akoma Ntoso: the file holds no XML element"))
}

fn push_text<'a>(stack: &mut [Element<'a>], s: Cow<'a, str>) {
    let Some(parent) = stack.last_mut() else {
        // Text outside the root: only whitespace is well formed there, and quick-xml
        // leaves the rest to us; it carries nothing.
        return;
    };
    if let Some(Kid::Text(t)) = parent.kids.last_mut() {
        t.to_mut().push_str(&s);
    } else if !s.is_empty() {
        parent.kids.push(Kid::Text(s));
    }
}

fn element<'a>(
    text: &'a str,
    s: &BytesStart,
    pos: usize,
    self_closing: bool,
) -> Result<Element<'a>, String> {
    let qname = s.name();
    let (local, prefix) = qname.decompose();
    let mut attrs = Vec::new();
    for a in s.attributes() {
        let a = a.map_err(|e| format!("not well-formed XML: {e}"))?;
        let value = a
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|e| format!("in an attribute value: {e}"))?;
        let key = borrowed(text, a.key.as_ref());
        attrs.push((key, rebase(text, &value)));
    }
    Ok(Element {
        name: borrowed(text, local.as_ref()),
        prefix: prefix.map(|p| borrowed(text, p.as_ref())),
        attrs,
        kids: Vec::new(),
        pos,
        self_closing,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_entities_and_positions() {
        let text = "<?xml version=\"1.0\"?>\n<a x=\"1&amp;2\">\n  <b>x &lt; y&#10;</b><c/></a>";
        let root = parse(text).unwrap();
        assert_eq!(root.name, "a");
        assert_eq!(root.attr("x"), Some("1&2"));
        let b = root.child("b").unwrap();
        assert_eq!(b.text(), "x < y\n");
        assert_eq!(locate(text, b.pos), (3, 3));
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
        assert_eq!(e.line, 2, "{e:?}");
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

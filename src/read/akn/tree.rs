//! The XML of an AKN file as a small tree of elements and text, built from quick-xml's
//! streaming reader; each element keeps its line and column for diagnostics.
//!
//! The tree lives in a few flat lists (elements, their attributes, their children, the
//! runs of text), each element's attributes and children side by side: reading a file
//! allocates a handful of lists, not two per element, and dropping it frees them at once.
//!
//! Nothing outside the document is ever read: a DOCTYPE is refused (AKN needs none,
//! and its internal subset is where entities would be declared), entity references
//! other than XML's five and character references are errors, and the nesting depth is
//! bounded, so no input can make the reader fetch, expand or recurse without end.

use super::error::AknError;
use quick_xml::events::{BytesStart, Event};
use quick_xml::XmlVersion;
use std::borrow::Cow;
use std::ops::Range;

/// Elements nested deeper than this are refused (our own AKN nests about 15 deep).
pub const MAX_DEPTH: usize = 200;

/// A parsed document: its elements and text, borrowed from the file where they need
/// no unescaping.
#[derive(Debug, Default)]
pub struct Tree<'a> {
    nodes: Vec<Node<'a>>,
    attrs: Vec<(&'a str, Cow<'a, str>)>,
    kids: Vec<KidIx>,
    texts: Vec<Cow<'a, str>>,
    root: u32,
}

#[derive(Debug)]
struct Node<'a> {
    name: &'a str,
    prefix: Option<&'a str>,
    attrs: Range<u32>,
    kids: Range<u32>,
    pos: usize,
    self_closing: bool,
}

/// A child in [`Tree::kids`]: an index into the elements or into the texts.
#[derive(Debug, Clone, Copy)]
enum KidIx {
    Element(u32),
    Text(u32),
}

/// One element of a [`Tree`]: its local name, namespace prefix, attributes and
/// children.
#[derive(Debug, Clone, Copy)]
pub struct Element<'t, 'a> {
    tree: &'t Tree<'a>,
    index: u32,
    pub name: &'a str,
    /// The prefix of the qualified name (`akn4un` for `akn4un:barcode`), if any.
    pub prefix: Option<&'a str>,
    pub attrs: &'t [(&'a str, Cow<'a, str>)],
    /// Byte offset of the start tag: [`locate`] turns it into a line and column when a
    /// message needs it.
    pub pos: usize,
    /// Written `<x/>` rather than `<x></x>`: our writer marks an absent paragraph so.
    pub self_closing: bool,
    kids: &'t [KidIx],
}

/// A child of an element.
#[derive(Debug, Clone, Copy)]
pub enum Kid<'t, 'a> {
    Element(Element<'t, 'a>),
    Text(&'t str),
}

fn range<'l, T>(list: &'l [T], r: &Range<u32>) -> &'l [T] {
    let (start, end) = (r.start as usize, r.end as usize);
    list.get(start..end).unwrap_or_default()
}

impl<'a> Tree<'a> {
    /// The root element.
    pub fn root(&self) -> Element<'_, 'a> {
        self.element(self.root)
    }

    fn element(&self, index: u32) -> Element<'_, 'a> {
        match self.nodes.get(index as usize) {
            Some(n) => Element {
                tree: self,
                index,
                name: n.name,
                prefix: n.prefix,
                attrs: range(&self.attrs, &n.attrs),
                pos: n.pos,
                self_closing: n.self_closing,
                kids: range(&self.kids, &n.kids),
            },
            // Indices are made by the parser; none is out of range.
            None => Element {
                tree: self,
                index,
                name: "",
                prefix: None,
                attrs: &[],
                pos: 0,
                self_closing: true,
                kids: &[],
            },
        }
    }

    fn kid(&self, k: KidIx) -> Kid<'_, 'a> {
        match k {
            KidIx::Element(i) => Kid::Element(self.element(i)),
            KidIx::Text(i) => Kid::Text(self.texts.get(i as usize).map_or("", |t| t)),
        }
    }
}

impl<'t, 'a> Element<'t, 'a> {
    /// The value of attribute `name` (qualified as written).
    pub fn attr(&self, name: &str) -> Option<&'t str> {
        self.attrs
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_ref())
    }

    /// The children, in order.
    pub fn kids(&self) -> impl Iterator<Item = Kid<'t, 'a>> + use<'t, 'a> {
        let tree = self.tree;
        self.kids.iter().map(move |&k| tree.kid(k))
    }

    /// Whether the element has no children at all (no text either).
    pub fn is_empty(&self) -> bool {
        self.kids.is_empty()
    }

    /// The child elements, in order.
    pub fn elements(&self) -> impl Iterator<Item = Element<'t, 'a>> + use<'t, 'a> {
        let tree = self.tree;
        self.kids.iter().filter_map(move |&k| match k {
            KidIx::Element(i) => Some(tree.element(i)),
            KidIx::Text(_) => None,
        })
    }

    /// The first child element named `name`.
    pub fn child(&self, name: &str) -> Option<Element<'t, 'a>> {
        self.elements().find(|e| e.name == name)
    }

    /// Whether `other` is this very element (not only one alike).
    pub fn is(&self, other: &Element) -> bool {
        std::ptr::eq(self.tree, other.tree) && self.index == other.index
    }

    /// All the text inside, in order, markup left out.
    pub fn text(&self) -> String {
        // The usual case: one run of text.
        if let [KidIx::Text(_)] = self.kids {
            if let Some(Kid::Text(t)) = self.kids().next() {
                return t.to_string();
            }
        }
        let mut s = String::new();
        self.push_text(&mut s);
        s
    }

    fn push_text(&self, out: &mut String) {
        for k in self.kids() {
            match k {
                Kid::Text(t) => out.push_str(t),
                Kid::Element(e) => e.push_text(out),
            }
        }
    }

    /// Text directly inside that is not only the indentation between elements.
    pub fn has_loose_text(&self) -> bool {
        self.kids()
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

/// Parses `text` into its tree.
pub fn parse(text: &str) -> Result<Tree<'_>, AknError> {
    let mut reader = quick_xml::Reader::from_str(text);
    let config = reader.config_mut();
    config.trim_text(false);
    config.check_end_names = true;
    config.expand_empty_elements = false;
    let err = |at: usize, message: String| {
        let (line, column) = locate(text, at);
        AknError::new(line, column, message)
    };
    let mut tree = Tree::default();
    // The open elements (their index and where their children start on `open_kids`),
    // and the children met so far of all of them: an element's are moved to
    // `tree.kids`, side by side, when it closes.
    let mut stack: Vec<(u32, usize)> = Vec::new();
    let mut open_kids: Vec<KidIx> = Vec::new();
    let mut has_root = false;
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
            Event::Start(s) | Event::Empty(s) if has_root && stack.is_empty() => {
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
                let i = element(&mut tree, text, &s, start, false).map_err(|m| err(start, m))?;
                stack.push((i, open_kids.len()));
                if !has_root {
                    has_root = true;
                    tree.root = i;
                }
            }
            Event::Empty(s) => {
                let i = element(&mut tree, text, &s, start, true).map_err(|m| err(start, m))?;
                if has_root {
                    open_kids.push(KidIx::Element(i));
                } else {
                    has_root = true;
                    tree.root = i;
                }
            }
            Event::End(_) => {
                // quick-xml has checked that the names match.
                if let Some((i, from)) = stack.pop() {
                    let first = index(tree.kids.len())?;
                    tree.kids
                        .extend(open_kids.drain(from.min(open_kids.len())..));
                    let last = index(tree.kids.len())?;
                    if let Some(n) = tree.nodes.get_mut(i as usize) {
                        n.kids = first..last;
                    }
                    if !stack.is_empty() {
                        open_kids.push(KidIx::Element(i));
                    }
                }
            }
            Event::Text(t) => push_text(&mut tree, &stack, &mut open_kids, t.xml10_content())?,
            Event::CData(c) => push_text(&mut tree, &stack, &mut open_kids, c.xml10_content())?,
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
                push_text(&mut tree, &stack, &mut open_kids, resolved)?;
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
    if let Some(open) = stack.last().and_then(|&(i, _)| tree.nodes.get(i as usize)) {
        return Err(err(
            open.pos,
            format!("not well-formed XML: <{}> is never closed", open.name),
        ));
    }
    if !has_root {
        return Err(AknError::new(
            1,
            1,
            "not Akoma Ntoso: the file holds no XML element",
        ));
    }
    Ok(tree)
}

/// `n` as an index of the tree's lists (a file of 64 MiB holds fewer than 2^32 of anything).
fn index(n: usize) -> Result<u32, AknError> {
    u32::try_from(n).map_err(|_| AknError::new(1, 1, "the file holds too many elements"))
}

/// Adds text to the children of the innermost open element, joined to text just before
/// it (a run of text is split around each entity reference).
fn push_text<'a>(
    tree: &mut Tree<'a>,
    stack: &[(u32, usize)],
    open_kids: &mut Vec<KidIx>,
    s: Cow<'a, str>,
) -> Result<(), AknError> {
    let Some(&(_, from)) = stack.last() else {
        // Text outside the root: only whitespace is well formed there, and quick-xml
        // leaves the rest to us; it carries nothing.
        return Ok(());
    };
    if open_kids.len() > from {
        if let Some(KidIx::Text(i)) = open_kids.last() {
            if let Some(t) = tree.texts.get_mut(*i as usize) {
                t.to_mut().push_str(&s);
                return Ok(());
            }
        }
    }
    if !s.is_empty() {
        let i = index(tree.texts.len())?;
        tree.texts.push(s);
        open_kids.push(KidIx::Text(i));
    }
    Ok(())
}

/// Up to this many attributes, each name is compared with those before it.
const SORTED_CHECK: usize = 16;

fn repeated(key: &str) -> String {
    format!("not well-formed XML: the attribute {key} is repeated")
}

/// Adds the element of start tag `s` (its attributes, no children yet) and returns its
/// index.
fn element<'a>(
    tree: &mut Tree<'a>,
    text: &'a str,
    s: &BytesStart,
    pos: usize,
    self_closing: bool,
) -> Result<u32, String> {
    let qname = s.name();
    let (local, prefix) = qname.decompose();
    let first = tree.attrs.len();
    // quick-xml's own check for a repeated name keeps a list per tag; the names
    // collected here are that list already.
    let mut all = s.attributes();
    all.with_checks(false);
    for a in all {
        let a = a.map_err(|e| format!("not well-formed XML: {e}"))?;
        let key = borrowed(text, a.key.as_ref());
        let mine = tree.attrs.get(first..).unwrap_or_default();
        if mine.len() < SORTED_CHECK && mine.iter().any(|(k, _)| *k == key) {
            return Err(repeated(key));
        }
        let value = a
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|e| format!("in an attribute value: {e}"))?;
        tree.attrs.push((key, rebase(text, &value)));
    }
    let mine = tree.attrs.get(first..).unwrap_or_default();
    if mine.len() > SORTED_CHECK {
        // Many attributes: sorted names, so a tag cannot make the check quadratic.
        let mut keys: Vec<&str> = mine.iter().map(|(k, _)| *k).collect();
        keys.sort_unstable();
        if let Some(w) = keys.windows(2).find(|w| w.first() == w.get(1)) {
            return Err(repeated(w.first().copied().unwrap_or_default()));
        }
    }
    let too_many = |_| "the file holds too many elements".to_string();
    let attrs = u32::try_from(first).map_err(too_many)?
        ..u32::try_from(tree.attrs.len()).map_err(too_many)?;
    let i = u32::try_from(tree.nodes.len()).map_err(too_many)?;
    tree.nodes.push(Node {
        name: borrowed(text, local.as_ref()),
        prefix: prefix.map(|p| borrowed(text, p.as_ref())),
        attrs,
        kids: 0..0,
        pos,
        self_closing,
    });
    Ok(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_entities_and_positions() {
        let text = "<?xml version=\"1.0\"?>\n<a x=\"1&amp;2\">\n  <b>x &lt; y&#10;</b><c/></a>";
        let tree = parse(text).unwrap();
        let root = tree.root();
        assert_eq!(root.name, "a");
        assert_eq!(root.attr("x"), Some("1&2"));
        let b = root.child("b").unwrap();
        assert_eq!(b.text(), "x < y\n");
        assert_eq!(locate(text, b.pos), (3, 3));
        assert!(root.child("c").unwrap().self_closing);
        assert!(!b.self_closing);
    }

    #[test]
    fn a_repeated_attribute_is_refused() {
        let e = parse("<a x=\"1\" y=\"2\" x=\"3\"/>").unwrap_err();
        assert!(
            e.message.contains("attribute x is repeated"),
            "{}",
            e.message
        );
        let many: String = (0..40).map(|i| format!(" a{i}=\"{i}\"")).collect();
        assert!(parse(&format!("<a{many}/>")).is_ok());
        let e = parse(&format!("<a{many} a3=\"x\"/>")).unwrap_err();
        assert!(
            e.message.contains("attribute a3 is repeated"),
            "{}",
            e.message
        );
    }

    /// Each element's children and attributes, and text split around a reference joined
    /// again, in a tree of flat lists.
    #[test]
    fn children_in_order() {
        let tree = parse("<a k=\"v\">x &amp; y<b n=\"1\"><c/>t</b>z<d/></a>").unwrap();
        let a = tree.root();
        assert_eq!(a.kids().count(), 4);
        assert_eq!(a.text(), "x & ytz");
        let names: Vec<&str> = a.elements().map(|e| e.name).collect();
        assert_eq!(names, ["b", "d"]);
        let b = a.child("b").unwrap();
        assert_eq!(b.attr("n"), Some("1"));
        assert_eq!(a.attr("k"), Some("v"));
        assert_eq!(b.text(), "t");
        assert!(b.child("c").unwrap().is_empty());
        assert!(b.is(&a.child("b").unwrap()) && !b.is(&a));
        assert!(a.has_loose_text() && !b.child("c").unwrap().has_loose_text());
        let e = parse("<a/><b/>").unwrap_err();
        assert!(e.message.contains("second root"), "{}", e.message);
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

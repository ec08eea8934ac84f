//! A small XML emitter over quick-xml: block elements on their own indented
//! lines, mixed content (inside `p`, `num`, `heading`…) written with no added
//! whitespace, so the source's spacing between inline elements is kept.

use crate::write::WriteError;
use quick_xml::escape::partial_escape;
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};
use std::borrow::Cow;
use std::collections::BTreeSet;

/// Attribute names whose `#id` values must resolve to an element of the document.
const POINTER_ATTRS: &[&str] = &["href", "refersTo", "source", "as"];

pub struct Xml {
    w: quick_xml::Writer<Vec<u8>>,
    depth: usize,
    /// Every local pointer (`#x` → `x`) written so far, so the references
    /// block can list exactly the TLCs that are used.
    pub used: BTreeSet<String>,
    /// The first write error; later writes are skipped (writing to a Vec cannot
    /// really fail, but errors stay values).
    err: Option<std::io::Error>,
}

impl Xml {
    /// An emitter whose first block element is indented `depth` levels.
    pub fn new(depth: usize) -> Xml {
        Xml {
            w: quick_xml::Writer::new(Vec::new()),
            depth,
            used: BTreeSet::new(),
            err: None,
        }
    }

    pub fn finish(self) -> Result<Vec<u8>, WriteError> {
        match self.err {
            Some(e) => Err(WriteError(format!("akn: {e}"))),
            None => Ok(self.w.into_inner()),
        }
    }

    fn ev(&mut self, e: Event<'_>) {
        if self.err.is_none() {
            if let Err(e) = self.w.write_event(e) {
                self.err = Some(e);
            }
        }
    }

    /// Writes bytes that are already XML (the declaration line, another emitter's output).
    pub fn raw(&mut self, bytes: &[u8]) {
        if self.err.is_none() {
            self.w.get_mut().extend_from_slice(bytes);
        }
    }

    fn newline(&mut self) {
        let mut s = String::with_capacity(1 + 2 * self.depth);
        s.push('\n');
        for _ in 0..self.depth {
            s.push_str("  ");
        }
        self.ev(Event::Text(BytesText::from_escaped(s)));
    }

    fn start<'a>(&mut self, name: &'a str, attrs: &[(&'a str, &'a str)]) -> BytesStart<'a> {
        let mut s = BytesStart::new(name);
        for &(k, v) in attrs {
            if POINTER_ATTRS.contains(&k) {
                if let Some(id) = v.strip_prefix('#') {
                    self.used.insert(id.to_string());
                }
            }
            s.push_attribute((k, clean(v).as_ref()));
        }
        s
    }

    /// `<name …>` on a new line; what follows is indented one level deeper.
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.newline();
        let s = self.start(name, attrs);
        self.ev(Event::Start(s));
        self.depth += 1;
    }

    /// `</name>` on a new line, closing [`Xml::open`].
    pub fn close(&mut self, name: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.newline();
        self.ev(Event::End(BytesEnd::new(name)));
    }

    /// `<name …/>` on a new line.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.newline();
        let s = self.start(name, attrs);
        self.ev(Event::Empty(s));
    }

    /// `<name …>` on a new line whose content is mixed: close it with [`Xml::end_line`].
    pub fn line(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.newline();
        self.inline(name, attrs);
    }

    /// Closes an element opened with [`Xml::line`] (nothing added before the end tag).
    pub fn end_line(&mut self, name: &str) {
        self.end(name);
    }

    /// `<name …>` inside mixed content.
    pub fn inline(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let s = self.start(name, attrs);
        self.ev(Event::Start(s));
    }

    /// `</name>` inside mixed content.
    pub fn end(&mut self, name: &str) {
        self.ev(Event::End(BytesEnd::new(name)));
    }

    /// Character data, escaped (`<`, `>`, `&`).
    pub fn text(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        let c = clean(s);
        let escaped = partial_escape(c.as_ref()).into_owned();
        self.ev(Event::Text(BytesText::from_escaped(escaped)));
    }

    /// A whole element with text only, on its own line: `<name …>text</name>`.
    pub fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.line(name, attrs);
        self.text(text);
        self.end_line(name);
    }
}

/// Drops the characters XML 1.0 cannot carry (C0 controls other than tab,
/// line feed and carriage return), which page furniture can leave behind.
fn clean(s: &str) -> Cow<'_, str> {
    let bad = |c: char| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}'
    };
    if s.chars().any(bad) {
        Cow::Owned(s.chars().filter(|&c| !bad(c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_indented_and_mixed_content_is_not() {
        let mut x = Xml::new(0);
        x.open("a", &[("refersTo", "#x")]);
        x.line("p", &[]);
        x.text("one ");
        x.inline("i", &[]);
        x.text("<two> & \"three\"");
        x.end("i");
        x.text("\u{c} four");
        x.end_line("p");
        x.close("a");
        let out = String::from_utf8(x.finish().unwrap()).unwrap();
        assert_eq!(
            out,
            "\n<a refersTo=\"#x\">\n  <p>one <i>&lt;two&gt; &amp; \"three\"</i> four</p>\n</a>"
        );
    }

    #[test]
    fn pointers_are_recorded() {
        let mut x = Xml::new(0);
        x.empty(
            "r",
            &[
                ("href", "#a"),
                ("as", "#b"),
                ("name", "#c"),
                ("source", "x"),
            ],
        );
        let used: Vec<_> = x.used.iter().cloned().collect();
        assert_eq!(used, ["a", "b"]);
    }
}

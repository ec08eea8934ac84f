//! A small XML emitter: block elements on their own indented lines, mixed content
//! (inside `p`, `num`, `heading`…) written with no added whitespace, so the source's
//! spacing between inline elements is kept.
//!
//! Everything is appended to one buffer. Escaping is quick-xml's, which this emitter
//! used before: `<`, `>`, `&` and `\r` in text, and also `"`, `'`, `\n` and `\t` in
//! attribute values.

use crate::write::shared::find_byte;
use std::collections::BTreeSet;

/// Attribute names whose `#id` values must resolve to an element of the document.
const POINTER_ATTRS: &[&str] = &["href", "refersTo", "source", "as"];

pub struct Xml {
    out: String,
    depth: usize,
    /// Every local pointer (`#x` → `x`) written so far, so the references
    /// block can list exactly the TLCs that are used.
    pub used: BTreeSet<String>,
}

impl Xml {
    /// An emitter whose first block element is indented `depth` levels, with room
    /// for `capacity` bytes.
    pub fn new(depth: usize, capacity: usize) -> Xml {
        Xml {
            out: String::with_capacity(capacity),
            depth,
            used: BTreeSet::new(),
        }
    }

    pub fn finish(self) -> String {
        self.out
    }

    /// Writes text that is already XML (the declaration line, another emitter's output).
    pub fn raw(&mut self, xml: &str) {
        self.out.push_str(xml);
    }

    fn newline(&mut self) {
        const INDENT: &str = concat!(
            "\n",
            "                                ",
            "                                "
        );
        match INDENT.get(..1 + 2 * self.depth) {
            Some(s) => self.out.push_str(s),
            None => {
                self.out.push('\n');
                for _ in 0..self.depth {
                    self.out.push_str("  ");
                }
            }
        }
    }

    /// `<name` and the attributes.
    fn start(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        for &(k, v) in attrs {
            if let Some(id) = v.strip_prefix('#') {
                if POINTER_ATTRS.contains(&k) && !self.used.contains(id) {
                    self.used.insert(id.to_string());
                }
            }
            self.out.push(' ');
            self.out.push_str(k);
            self.out.push_str("=\"");
            push_escaped(&mut self.out, v, attr_special);
            self.out.push('"');
        }
    }

    /// `<name …>` on a new line; what follows is indented one level deeper.
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.newline();
        self.start(name, attrs);
        self.out.push('>');
        self.depth += 1;
    }

    /// `</name>` on a new line, closing [`Xml::open`].
    pub fn close(&mut self, name: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.newline();
        self.end(name);
    }

    /// `<name …/>` on a new line.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.newline();
        self.start(name, attrs);
        self.out.push_str("/>");
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
        self.start(name, attrs);
        self.out.push('>');
    }

    /// `</name>` inside mixed content.
    pub fn end(&mut self, name: &str) {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// Character data, escaped (`<`, `>`, `&`).
    pub fn text(&mut self, s: &str) {
        push_escaped(&mut self.out, s, text_special);
    }

    /// A whole element with text only, on its own line: `<name …>text</name>`.
    pub fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.line(name, attrs);
        self.text(text);
        self.end_line(name);
    }
}

/// Whether [`push_escaped`] must look at byte `c` of text: the escaped characters, the
/// C0 controls XML 1.0 cannot carry (tab and line feed can stay), and 0xEF, which
/// starts U+FFFE and U+FFFF.
fn text_special(c: u8) -> bool {
    (c < 0x20 && c != b'\t' && c != b'\n') | (c == b'<') | (c == b'>') | (c == b'&') | (c == 0xef)
}

/// The same in an attribute value, where quotes, tab and line feed are escaped too.
fn attr_special(c: u8) -> bool {
    (c < 0x20) | (c == b'<') | (c == b'>') | (c == b'&') | (c == b'"') | (c == b'\'') | (c == 0xef)
}

/// Appends `s` escaped, without the characters XML 1.0 cannot carry (C0 controls other
/// than tab, line feed and carriage return; U+FFFE, U+FFFF), which page furniture can
/// leave behind. Runs of other characters are copied as they are.
fn push_escaped(out: &mut String, s: &str, special: impl Fn(u8) -> bool + Copy) {
    let b = s.as_bytes();
    let mut run = 0;
    let mut from = 0;
    while let Some(i) = find_byte(b, from, special) {
        from = i + 1;
        let (replacement, len) = match b.get(i) {
            Some(b'<') => ("&lt;", 1),
            Some(b'>') => ("&gt;", 1),
            Some(b'&') => ("&amp;", 1),
            Some(b'\r') => ("&#13;", 1),
            Some(b'"') => ("&quot;", 1),
            Some(b'\'') => ("&apos;", 1),
            Some(b'\t') => ("&#9;", 1),
            Some(b'\n') => ("&#10;", 1),
            Some(0xef) => {
                if b.get(i + 1) == Some(&0xbf) && matches!(b.get(i + 2), Some(0xbe | 0xbf)) {
                    ("", 3)
                } else {
                    continue;
                }
            }
            // Other C0 controls.
            _ => ("", 1),
        };
        out.push_str(s.get(run..i).unwrap_or_default());
        out.push_str(replacement);
        run = i + len;
        from = run;
    }
    out.push_str(s.get(run..).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_indented_and_mixed_content_is_not() {
        let mut x = Xml::new(0, 0);
        x.open("a", &[("refersTo", "#x")]);
        x.line("p", &[]);
        x.text("one ");
        x.inline("i", &[]);
        x.text("<two> & \"three\"");
        x.end("i");
        x.text("\u{c} four");
        x.end_line("p");
        x.close("a");
        assert_eq!(
            x.finish(),
            "\n<a refersTo=\"#x\">\n  <p>one <i>&lt;two&gt; &amp; \"three\"</i> four</p>\n</a>"
        );
    }

    #[test]
    fn pointers_are_recorded() {
        let mut x = Xml::new(0, 0);
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

    /// Escaping and cleaning as quick-xml's `partial_escape` and attribute escaping,
    /// which this emitter used before, after dropping the characters XML cannot carry.
    #[test]
    fn escaping_is_quick_xml_s() {
        use quick_xml::escape::partial_escape;
        use quick_xml::events::attributes::Attribute;
        let bad = |c: char| {
            (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}'
        };
        let pieces = [
            "a",
            "<",
            ">",
            "&",
            "\r",
            "\n",
            "\t",
            "\"",
            "'",
            "\u{0}",
            "\u{1}",
            "\u{1f}",
            "\u{7f}",
            "\u{fffe}",
            "\u{ffff}",
            "\u{fffd}",
            "\u{feff}",
            "é",
            "ï¿",
            "Ж",
            "🙂",
            " ",
            "&amp;",
            "0123456789abcdef",
        ];
        let mut cases = vec![String::new()];
        for a in pieces {
            for b in pieces {
                for c in ["", "x", "<", "\u{ffff}", "0123456789abcde"] {
                    cases.push(format!("{a}{b}{c}"));
                    cases.push(format!("{c}{a}0123456789{b}"));
                }
            }
        }
        for s in &cases {
            let clean: String = s.chars().filter(|&c| !bad(c)).collect();
            let mut text = String::new();
            push_escaped(&mut text, s, text_special);
            assert_eq!(text, partial_escape(clean.as_str()), "text {s:?}");
            let mut attr = String::new();
            push_escaped(&mut attr, s, attr_special);
            let value = Attribute::from(("k", clean.as_str())).value;
            assert_eq!(attr, &*value, "attribute {s:?}");
        }
    }
}

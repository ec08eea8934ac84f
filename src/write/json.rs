//! JSON: the model itself, pretty-printed.
//!
//! The text is exactly what `serde_json::to_vec_pretty` writes (two-space indent, `": "`,
//! the same string escapes), but written faster, into one buffer sized from the model:
//! serde_json's pretty printer writes indentation two bytes at a time and looks at every
//! byte of a string on its own. The bulk of the model (blocks, paragraphs, texts) is
//! written field by field below; the rest goes through [`Pretty`], a small serde
//! serializer that writes what serde_json writes for any value.

use super::{find_byte, iso_date, WriteError, WriteOptions, Writer};
use crate::model::{Annex, Block, Footnote, Inline, Paragraph, Resolution, Section, Text};
use serde::ser::{self, Serialize};
use std::fmt;

pub struct Json;

impl Writer for Json {
    fn name(&self) -> &'static str {
        "json"
    }
    fn extension(&self) -> &'static str {
        "json"
    }
    fn write(&self, doc: &Resolution, _: &WriteOptions) -> Result<Vec<u8>, WriteError> {
        // Keys and indentation about double the text.
        let capacity = 3 * super::text_size(doc) + 4096;
        let mut p = Pretty {
            out: Vec::with_capacity(capacity),
            depth: 0,
        };
        resolution(&mut p, doc).map_err(|e| WriteError(e.to_string()))?;
        let mut out = p.out;
        out.push(b'\n');
        Ok(out)
    }
}

/// The JSON Schema of the model, as committed in `schemas/resolution.schema.json`.
pub fn schema() -> String {
    let schema = schemars::schema_for!(Resolution);
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}

// The bulk of the model (blocks, paragraphs, texts, annexes, notes) is written below
// field by field, as its derived `Serialize` writes it, which saves serde's dispatch per
// field; the rest goes through the serializer. Each struct is destructured whole, so a
// field added to the model does not compile until it is written here, and
// `the_model_as_serde_json_writes_it` checks names, order and skip rules.

fn resolution(p: &mut Pretty, doc: &Resolution) -> Result<(), Error> {
    let Resolution {
        meta,
        formula,
        preamble,
        body,
        closing,
        annexes,
        footnotes,
    } = doc;
    let mut o = p.open(b'{');
    o.member("meta", meta)?;
    if let Some(f) = formula {
        o.member("formula", f)?;
    }
    if !preamble.is_empty() {
        o.key("preamble");
        seq(o.p, preamble, block)?;
    }
    if !body.is_empty() {
        o.key("body");
        seq(o.p, body, block)?;
    }
    if let Some(c) = closing {
        o.member("closing", c)?;
    }
    if !annexes.is_empty() {
        o.key("annexes");
        seq(o.p, annexes, annex)?;
    }
    if !footnotes.is_empty() {
        o.key("footnotes");
        seq(o.p, footnotes, footnote)?;
    }
    o.close(b'}');
    Ok(())
}

/// A JSON array of `items`, each written by `each`.
fn seq<T>(
    p: &mut Pretty,
    items: &[T],
    each: impl Fn(&mut Pretty, &T) -> Result<(), Error>,
) -> Result<(), Error> {
    let mut a = p.open(b'[');
    for item in items {
        a.element();
        each(a.p, item)?;
    }
    a.close(b']');
    Ok(())
}

/// A block, tagged with its `type`.
fn block(p: &mut Pretty, b: &Block) -> Result<(), Error> {
    match b {
        Block::Paragraph(para) => paragraph(p, para, Some("paragraph")),
        Block::Section(s) => section(p, s),
    }
}

fn paragraph(p: &mut Pretty, para: &Paragraph, tag: Option<&str>) -> Result<(), Error> {
    let Paragraph {
        num,
        num_inferred,
        heading,
        content,
        subparagraphs,
        wrap_up,
    } = para;
    let mut o = p.open(b'{');
    if let Some(t) = tag {
        o.key("type");
        o.p.plain_string(t);
    }
    if let Some(n) = num {
        o.key("num");
        o.p.string(n);
    }
    if *num_inferred {
        o.key("num_inferred");
        o.p.out.extend_from_slice(b"true");
    }
    if let Some(h) = heading {
        o.key("heading");
        text(o.p, h)?;
    }
    if !content.is_empty() {
        o.key("content");
        seq(o.p, content, text)?;
    }
    if !subparagraphs.is_empty() {
        o.key("subparagraphs");
        seq(o.p, subparagraphs, |p, sp| paragraph(p, sp, None))?;
    }
    if !wrap_up.is_empty() {
        o.key("wrap_up");
        seq(o.p, wrap_up, text)?;
    }
    o.close(b'}');
    Ok(())
}

fn section(p: &mut Pretty, s: &Section) -> Result<(), Error> {
    let Section {
        num,
        heading,
        level,
        children,
    } = s;
    let mut o = p.open(b'{');
    o.key("type");
    o.p.plain_string("section");
    if let Some(n) = num {
        o.key("num");
        o.p.string(n);
    }
    o.key("heading");
    text(o.p, heading)?;
    o.key("level");
    o.p.number(u64::from(*level));
    if !children.is_empty() {
        o.key("children");
        seq(o.p, children, block)?;
    }
    o.close(b'}');
    Ok(())
}

fn annex(p: &mut Pretty, a: &Annex) -> Result<(), Error> {
    let Annex {
        label,
        title,
        blocks,
    } = a;
    let mut o = p.open(b'{');
    o.key("label");
    o.p.string(label);
    if let Some(t) = title {
        o.key("title");
        text(o.p, t)?;
    }
    if !blocks.is_empty() {
        o.key("blocks");
        seq(o.p, blocks, block)?;
    }
    o.close(b'}');
    Ok(())
}

fn footnote(p: &mut Pretty, f: &Footnote) -> Result<(), Error> {
    let Footnote { marker, text: t } = f;
    let mut o = p.open(b'{');
    o.key("marker");
    o.p.string(marker);
    o.key("text");
    text(o.p, t)?;
    o.close(b'}');
    Ok(())
}

/// A text: the array of its inline pieces, each tagged with its `type`.
fn text(p: &mut Pretty, t: &Text) -> Result<(), Error> {
    seq(p, &t.0, inline)
}

fn inline(p: &mut Pretty, i: &Inline) -> Result<(), Error> {
    let mut o = p.open(b'{');
    o.key("type");
    match i {
        Inline::Text { text } => {
            o.p.plain_string("text");
            o.key("text");
            o.p.string(text);
        }
        Inline::Phrase { text } => {
            o.p.plain_string("phrase");
            o.key("text");
            o.p.string(text);
        }
        Inline::Emphasis { text } => {
            o.p.plain_string("emphasis");
            o.key("text");
            o.p.string(text);
        }
        Inline::NoteRef { marker } => {
            o.p.plain_string("note_ref");
            o.key("marker");
            o.p.string(marker);
        }
        Inline::Ref { text, kind, symbol } => {
            o.p.plain_string("ref");
            o.key("text");
            o.p.string(text);
            o.member("kind", kind)?;
            o.key("symbol");
            o.p.string(symbol);
        }
        Inline::Date { text, date } => {
            o.p.plain_string("date");
            o.key("text");
            o.p.string(text);
            match iso_date(*date) {
                Some(iso) => {
                    o.key("date");
                    o.p.out.push(b'"');
                    o.p.out.extend_from_slice(&iso);
                    o.p.out.push(b'"');
                }
                None => o.member("date", date)?,
            }
        }
    }
    o.close(b'}');
    Ok(())
}

/// `value` as `serde_json::to_vec_pretty` writes it, in a buffer of `capacity` bytes to start with.
#[cfg(test)]
fn to_vec_pretty<T: Serialize + ?Sized>(value: &T, capacity: usize) -> Result<Vec<u8>, Error> {
    let mut p = Pretty {
        out: Vec::with_capacity(capacity),
        depth: 0,
    };
    value.serialize(&mut p)?;
    Ok(p.out)
}

/// Why a value could not be written as JSON (its `Serialize` failed, or a map key is not a string).
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// The serializer: the output and the nesting depth.
struct Pretty {
    out: Vec<u8>,
    depth: usize,
}

impl Pretty {
    /// A line break and the indentation of the current depth, after a comma when `comma`.
    #[inline(always)]
    fn newline(&mut self, comma: bool) {
        // A copy of a fixed size, then cut to length: cheaper than a copy of any size.
        const INDENT: &[u8; 66] =
            b",\n                                                                ";
        let start = usize::from(!comma);
        let len = 2 + 2 * self.depth - start;
        let end = self.out.len() + len;
        match INDENT.get(start..start + 64) {
            Some(s) if len <= 64 => {
                self.out.extend_from_slice(s);
                self.out.truncate(end);
            }
            _ => {
                self.out
                    .extend_from_slice(INDENT.get(start..2).unwrap_or_default());
                for _ in 0..self.depth {
                    self.out.extend_from_slice(b"  ");
                }
            }
        }
    }

    /// A string in quotes, escaped as serde_json does: `"` and `\`, the C0 controls
    /// (`\b`, `\t`, `\n`, `\f`, `\r`, else `\u00XX`); everything else as it is.
    fn string(&mut self, s: &str) {
        let b = s.as_bytes();
        self.out.push(b'"');
        let mut run = 0;
        while let Some(i) = find_byte(b, run, |c| (c < 0x20) | (c == b'"') | (c == b'\\')) {
            self.out
                .extend_from_slice(b.get(run..i).unwrap_or_default());
            let c = b.get(i).copied().unwrap_or_default();
            match c {
                b'"' => self.out.extend_from_slice(b"\\\""),
                b'\\' => self.out.extend_from_slice(b"\\\\"),
                0x08 => self.out.extend_from_slice(b"\\b"),
                b'\t' => self.out.extend_from_slice(b"\\t"),
                b'\n' => self.out.extend_from_slice(b"\\n"),
                0x0c => self.out.extend_from_slice(b"\\f"),
                b'\r' => self.out.extend_from_slice(b"\\r"),
                _ => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    let hex = |n: u8| HEX.get(usize::from(n)).copied().unwrap_or(b'0');
                    self.out.extend_from_slice(&[
                        b'\\',
                        b'u',
                        b'0',
                        b'0',
                        hex(c >> 4),
                        hex(c & 0xf),
                    ]);
                }
            }
            run = i + 1;
        }
        self.out.extend_from_slice(b.get(run..).unwrap_or_default());
        self.out.push(b'"');
    }

    /// A string known to need no escaping (a name of this module's).
    #[inline]
    fn plain_string(&mut self, s: &str) {
        self.out.push(b'"');
        self.out.extend_from_slice(s.as_bytes());
        self.out.push(b'"');
    }

    /// An unsigned number in decimal.
    fn number(&mut self, n: u64) {
        let mut digits = [0; 20];
        self.out.extend_from_slice(super::decimal(n, &mut digits));
    }

    /// A scalar that is rare in the model (signed or wide integers, floats), written by
    /// serde_json itself: its compact and pretty forms of a scalar are the same.
    fn scalar<T: Serialize>(&mut self, v: T) -> Result<(), Error> {
        serde_json::to_writer(&mut self.out, &v).map_err(|e| Error(e.to_string()))
    }

    /// Opens an object or array.
    #[inline]
    fn open(&mut self, bracket: u8) -> Compound<'_> {
        self.out.push(bracket);
        self.depth += 1;
        Compound {
            p: self,
            first: true,
            variant: false,
        }
    }

    /// Opens the object `{"variant": …}` around a variant's content, up to the content.
    fn begin_variant(&mut self, variant: &str) {
        self.out.push(b'{');
        self.depth += 1;
        self.newline(false);
        self.string(variant);
        self.out.extend_from_slice(b": ");
    }

    /// Closes the object [`Pretty::begin_variant`] opened.
    fn end_variant(&mut self) {
        self.depth = self.depth.saturating_sub(1);
        self.newline(false);
        self.out.push(b'}');
    }
}

/// An open object or array.
struct Compound<'p> {
    p: &'p mut Pretty,
    /// Nothing written in it yet.
    first: bool,
    /// It is the content of a `{"variant": …}` object, to be closed with it.
    variant: bool,
}

impl Compound<'_> {
    /// Starts an element or a key: the separator, a line break, the indentation.
    #[inline(always)]
    fn element(&mut self) {
        self.p.newline(!self.first);
        self.first = false;
    }

    /// Starts a member whose name needs no escaping (one of this module's): `"key": `.
    #[inline(always)]
    fn key(&mut self, key: &str) {
        self.element();
        self.p.out.push(b'"');
        self.p.out.extend_from_slice(key.as_bytes());
        self.p.out.extend_from_slice(b"\": ");
    }

    /// A member `"key": value`, the name escaped if it needs it.
    fn member<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        if key.bytes().all(|c| c >= 0x20 && c != b'"' && c != b'\\') {
            self.key(key);
        } else {
            self.element();
            self.p.string(key);
            self.p.out.extend_from_slice(b": ");
        }
        value.serialize(&mut *self.p)
    }

    /// Closes it (and the variant object around it): the last line break only when
    /// something was written, as `{}` and `[]` stay on one line.
    #[inline(always)]
    fn close(self, bracket: u8) {
        self.p.depth = self.p.depth.saturating_sub(1);
        if !self.first {
            self.p.newline(false);
        }
        self.p.out.push(bracket);
        if self.variant {
            self.p.end_variant();
        }
    }
}

impl<'p> ser::Serializer for &'p mut Pretty {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'p>;
    type SerializeTuple = Compound<'p>;
    type SerializeTupleStruct = Compound<'p>;
    type SerializeTupleVariant = Compound<'p>;
    type SerializeMap = Compound<'p>;
    type SerializeStruct = Compound<'p>;
    type SerializeStructVariant = Compound<'p>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.scalar(v)
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.scalar(v)
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.scalar(v)
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.scalar(v)
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.scalar(v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.number(u64::from(v));
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.number(u64::from(v));
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.number(u64::from(v));
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.number(v);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.scalar(v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.scalar(v)
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.scalar(v)
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let mut seq = self.open(b'[');
        for &b in v {
            seq.element();
            seq.p.number(u64::from(b));
        }
        seq.close(b']');
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.begin_variant(variant);
        value.serialize(&mut *self)?;
        self.end_variant();
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'p>, Error> {
        Ok(self.open(b'['))
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'p>, Error> {
        Ok(self.open(b'['))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'p>, Error> {
        Ok(self.open(b'['))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'p>, Error> {
        self.begin_variant(variant);
        let mut inner = self.open(b'[');
        inner.variant = true;
        Ok(inner)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'p>, Error> {
        Ok(self.open(b'{'))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'p>, Error> {
        Ok(self.open(b'{'))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'p>, Error> {
        self.begin_variant(variant);
        let mut inner = self.open(b'{');
        inner.variant = true;
        Ok(inner)
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element();
        value.serialize(&mut *self.p)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b']');
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        // The model has no maps; keys are written as serde_json writes string, number
        // and bool keys, anything else is refused as serde_json refuses it.
        let json = serde_json::to_string(key).map_err(|e| Error(e.to_string()))?;
        let number = json
            .bytes()
            .all(|c| c.is_ascii_digit() || b"-+.eE".contains(&c));
        self.element();
        if json.starts_with('"') {
            self.p.out.extend_from_slice(json.as_bytes());
        } else if !json.is_empty() && (number || json == "true" || json == "false") {
            self.p.string(&json);
        } else {
            return Err(Error("key must be a string".into()));
        }
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.p.out.extend_from_slice(b": ");
        value.serialize(&mut *self.p)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b'}');
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.member(key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b'}');
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.member(key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b'}');
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use std::collections::BTreeMap;

    fn same<T: Serialize>(v: &T) {
        let ours = to_vec_pretty(v, 0).unwrap();
        let theirs = serde_json::to_vec_pretty(v).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&theirs)
        );
    }

    #[derive(Serialize)]
    enum E {
        Unit,
        New(u8),
        Tuple(u8, String),
        Struct { a: Vec<u8>, b: Option<i64> },
        Empty {},
    }

    #[derive(Serialize)]
    struct Unit;

    #[derive(Serialize)]
    struct All {
        b: bool,
        i: (i8, i16, i32, i64, i128),
        u: (u8, u16, u32, u64, u128),
        f: (f32, f64, f64, f64),
        c: char,
        s: &'static str,
        bytes: serde_bytes_like::Bytes,
        none: Option<u8>,
        unit: (),
        unit_struct: Unit,
        empty_seq: Vec<u8>,
        empty_map: BTreeMap<String, u8>,
        nested: Vec<Vec<Vec<u8>>>,
        enums: Vec<E>,
        map: BTreeMap<String, Vec<u8>>,
        int_keys: BTreeMap<u32, bool>,
    }

    mod serde_bytes_like {
        pub struct Bytes(pub Vec<u8>);
        impl serde::Serialize for Bytes {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(&self.0)
            }
        }
    }

    /// The parts written field by field, with every field and variant, come out as the
    /// derived `Serialize` and serde_json write them.
    #[test]
    fn the_model_as_serde_json_writes_it() {
        use crate::model::*;
        let date = Date::new(2010, 12, 13).unwrap();
        let text = |s: &str| {
            Text(vec![
                Inline::Phrase { text: s.into() },
                Inline::Text {
                    text: format!(" {s}\t\"\\\u{1}é"),
                },
                Inline::Emphasis { text: s.into() },
                Inline::NoteRef { marker: "1".into() },
                Inline::Ref {
                    text: "resolution 59/50".into(),
                    kind: RefKind::GaResolution,
                    symbol: "A/RES/59/50".into(),
                },
                Inline::Date {
                    text: "13 December 2010".into(),
                    date,
                },
            ])
        };
        let point = Paragraph {
            num: Some("(a)".into()),
            num_inferred: true,
            heading: None,
            content: vec![text("To report")],
            subparagraphs: vec![],
            wrap_up: vec![],
        };
        let paragraph = Paragraph {
            num: Some("1.".into()),
            num_inferred: false,
            heading: Some(text("Article 1")),
            content: vec![text("Decides"), Text(vec![])],
            subparagraphs: vec![point.clone(), Paragraph::default()],
            wrap_up: vec![text("and")],
        };
        let section = Section {
            num: Some("I.".into()),
            heading: text("Heading"),
            level: 1,
            children: vec![Block::Paragraph(paragraph.clone())],
        };
        let bare_section = Section {
            num: None,
            heading: Text(vec![]),
            level: 2,
            children: vec![],
        };
        let blocks = vec![
            Block::Paragraph(paragraph),
            Block::Paragraph(Paragraph::default()),
            Block::Section(section),
            Block::Section(bare_section),
        ];
        let doc = Resolution {
            meta: Meta {
                title: Some("Title".into()),
                language: "en".into(),
                ..Meta::default()
            },
            formula: Some(Formula {
                lead: None,
                text: text("The General Assembly,"),
                proclamation: None,
                after_preamble: true,
            }),
            preamble: blocks.clone(),
            body: blocks.clone(),
            closing: Some(Closing {
                meeting: Some("64th plenary meeting".into()),
                meeting_number: Some(64),
                date: Some(DateText {
                    date,
                    text: "13 December 2010".into(),
                }),
                vote: None,
            }),
            annexes: vec![
                Annex {
                    label: "Annex".into(),
                    title: Some(text("Declaration")),
                    blocks,
                },
                Annex {
                    label: "Annex II".into(),
                    title: None,
                    blocks: vec![],
                },
            ],
            footnotes: vec![Footnote {
                marker: "1".into(),
                text: text("See"),
            }],
        };
        for doc in [doc, Resolution::default()] {
            let ours = Json.write(&doc, &WriteOptions::default()).unwrap();
            let mut theirs = serde_json::to_vec_pretty(&doc).unwrap();
            theirs.push(b'\n');
            assert_eq!(
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&theirs)
            );
        }
    }

    /// Every shape of the serde data model comes out as serde_json writes it.
    #[test]
    fn as_serde_json_writes_it() {
        let all = All {
            b: true,
            i: (-1, -300, i32::MIN, i64::MAX, -5),
            u: (255, 65535, 7, u64::MAX, u128::MAX),
            f: (1.5, -0.0, f64::NAN, 1e300),
            c: '\u{1}',
            s: "a\"b\\c\u{0}\u{8}\t\n\u{b}\u{c}\r\u{1f}\u{7f}é🙂/",
            bytes: serde_bytes_like::Bytes(vec![0, 1, 255]),
            none: None,
            unit: (),
            unit_struct: Unit,
            empty_seq: vec![],
            empty_map: BTreeMap::new(),
            nested: vec![vec![], vec![vec![1, 2], vec![]]],
            enums: vec![
                E::Unit,
                E::New(3),
                E::Tuple(4, "x".into()),
                E::Struct {
                    a: vec![5],
                    b: Some(-6),
                },
                E::Struct { a: vec![], b: None },
                E::Empty {},
            ],
            map: [("k\"".to_string(), vec![1]), ("z".to_string(), vec![])]
                .into_iter()
                .collect(),
            int_keys: [(1, true), (20, false)].into_iter().collect(),
        };
        same(&all);
        same(&"");
        same(&Vec::<u8>::new());
        same(&E::Tuple(
            1,
            "long enough to take the sixteen-byte path\u{1b}".into(),
        ));
    }
}

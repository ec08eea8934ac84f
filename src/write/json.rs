//! JSON: the model itself, as `serde_json` pretty-prints it (two-space indent), with a
//! final newline. The model's serde derives are the format; `schemas/resolution.schema.json`
//! describes it.

use crate::model::Resolution;
use crate::write::error::WriteError;
use crate::write::format::Writer;
use crate::write::options::WriteOptions;
use crate::write::shared::text_size;
use serde::Serialize;
use serde_json::ser::Formatter;
use std::io;

/// The JSON writer (`--to json`).
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
        let mut out = Vec::with_capacity(3 * text_size(doc) + 4096);
        let mut ser = serde_json::Serializer::with_formatter(&mut out, Layout::default());
        doc.serialize(&mut ser)?;
        out.push(b'\n');
        Ok(out)
    }
}

/// `serde_json`'s `PrettyFormatter` layout (two-space indent), with each line break and its
/// indentation written at once rather than two bytes at a time: about a fifth of the JSON
/// writer's instructions.
#[derive(Default)]
struct Layout {
    depth: usize,
    has_value: bool,
}

/// A comma, a line break and enough indentation for [`Layout`]'s usual depths.
const BREAK: &[u8; 2 + 2 * 32] =
    b",\n                                                                ";

impl Layout {
    /// A line break (after a comma unless `first`) and the indentation of the current depth.
    fn line<W: ?Sized + io::Write>(&self, w: &mut W, first: bool) -> io::Result<()> {
        let from = usize::from(first);
        match BREAK.get(from..2 + 2 * self.depth) {
            Some(b) => w.write_all(b),
            None => {
                w.write_all(&BREAK[from..2])?;
                (0..self.depth).try_for_each(|_| w.write_all(b"  "))
            }
        }
    }
}

impl Formatter for Layout {
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"[")
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.line(w, true)?;
        }
        w.write_all(b"]")
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.line(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"{")
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.line(w, true)?;
        }
        w.write_all(b"}")
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.line(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// The JSON Schema of the model, as committed in `schemas/resolution.schema.json`.
pub fn schema() -> String {
    let schema = schemars::schema_for!(Resolution);
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    /// The output reads back into the same model, laid out as `to_vec_pretty` lays it out.
    #[test]
    fn reads_back_as_the_model() {
        let mut doc = Resolution::default();
        doc.meta.symbol = Some("A/RES/65/122".into());
        doc.body.push(Block::Paragraph(Paragraph {
            num: Some("1.".into()),
            content: vec![Text(vec![
                Inline::Phrase {
                    text: "Notes".into(),
                },
                Inline::Text {
                    text: " the \"report\"\t\u{1}é".into(),
                },
                Inline::NoteRef { marker: "1".into() },
            ])],
            ..Paragraph::default()
        }));
        // Deeper than the indentation kept ready, and empty arrays and objects.
        let mut deep = serde_json::json!([]);
        for _ in 0..40 {
            deep = serde_json::json!([{ "a": deep, "b": {}, "c": [] }]);
        }
        let mut ours = Vec::new();
        deep.serialize(&mut serde_json::Serializer::with_formatter(
            &mut ours,
            Layout::default(),
        ))
        .unwrap();
        assert_eq!(ours, serde_json::to_vec_pretty(&deep).unwrap());
        let out = Json.write(&doc, &WriteOptions::default()).unwrap();
        let back: Resolution = serde_json::from_slice(&out).unwrap();
        assert_eq!(back, doc);
        let mut pretty = serde_json::to_vec_pretty(&doc).unwrap();
        pretty.push(b'\n');
        assert_eq!(
            String::from_utf8(out).unwrap(),
            String::from_utf8(pretty).unwrap()
        );
    }
}

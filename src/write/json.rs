//! JSON: the model itself, as `serde_json` pretty-prints it (two-space indent), with a
//! final newline. The model's serde derives are the format; `schemas/resolution.schema.json`
//! describes it.

use super::{WriteError, WriteOptions, Writer};
use crate::model::Resolution;

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
        let mut out = Vec::with_capacity(3 * super::text_size(doc) + 4096);
        serde_json::to_writer_pretty(&mut out, doc)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    /// The output reads back into the same model; two-space indent, a final newline.
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
        let out = Json.write(&doc, &WriteOptions::default()).unwrap();
        let back: Resolution = serde_json::from_slice(&out).unwrap();
        assert_eq!(back, doc);
        assert!(out.starts_with(b"{\n  \"meta\": {\n    \""));
        assert!(out.ends_with(b"}\n"));
    }
}

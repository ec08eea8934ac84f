//! JSON: the model itself, pretty-printed.

use super::{WriteError, WriteOptions, Writer};
use crate::model::Resolution;

pub struct Json;

impl Writer for Json {
    fn name(&self) -> &'static str {
        "json"
    }
    fn extension(&self) -> &'static str {
        "json"
    }
    fn write(&self, doc: &Resolution, _: &WriteOptions) -> Result<Vec<u8>, WriteError> {
        let mut out = serde_json::to_vec_pretty(doc).map_err(|e| WriteError(e.to_string()))?;
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

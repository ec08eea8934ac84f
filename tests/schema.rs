//! The committed JSON Schema of the model must be what the code generates.

use std::path::Path;

#[test]
fn committed_schema_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/resolution.schema.json");
    let generated = unres::write::json_schema();
    if std::env::var_os("UNRES_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schemas/resolution.schema.json is stale: regenerate it with `unres schema > schemas/resolution.schema.json` (or UNRES_BLESS=1 cargo test --test schema)"
    );
    // It is a real schema of the model.
    let v: serde_json::Value = serde_json::from_str(&generated).unwrap();
    assert_eq!(v["title"], "Resolution");
    assert!(v["$defs"]["Paragraph"].is_object());
}

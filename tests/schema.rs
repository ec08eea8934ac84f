//! The committed JSON Schema of the model must be what the code generates, accept every
//! JSON output and reject any key the model does not have.

mod common;

use serde_json::Value;
use std::path::{Path, PathBuf};
use unres::model::Resolution;
use unres::write::{writer, WriteOptions};

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

/// Every object the schema describes lists its keys and allows no other.
#[test]
fn every_object_of_the_schema_is_closed() {
    fn walk(v: &Value, at: &str, objects: &mut usize, open: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                if m.contains_key("properties") {
                    *objects += 1;
                    if m.get("additionalProperties") != Some(&Value::Bool(false)) {
                        open.push(at.to_string());
                    }
                }
                for (k, v) in m {
                    walk(v, &format!("{at}/{k}"), objects, open);
                }
            }
            Value::Array(a) => {
                for (i, v) in a.iter().enumerate() {
                    walk(v, &format!("{at}/{i}"), objects, open);
                }
            }
            _ => {}
        }
    }
    let schema: Value = serde_json::from_str(&unres::write::json_schema()).unwrap();
    let (mut objects, mut open) = (0, Vec::new());
    walk(&schema, "", &mut objects, &mut open);
    // Twelve structs and five kinds of inline, at least.
    assert!(objects >= 17, "only {objects} object schemas");
    assert!(open.is_empty(), "objects that allow unknown keys: {open:?}");
}

/// The model's own reading of JSON refuses an unknown key, naming it, at every level.
#[test]
fn the_model_refuses_unknown_keys() {
    let doc = unres::read::read_bytes(common::SMALL_RESOLUTION.as_bytes(), None)
        .expect("reads")
        .doc;
    let json: Value = serde_json::to_value(&doc).unwrap();
    assert!(serde_json::from_value::<Resolution>(json.clone()).is_ok());
    for pointer in [
        "",
        "/meta",
        "/formula",
        "/preamble/0",
        "/preamble/0/content/0/0",
        "/body/1",
        "/closing",
    ] {
        let mut bad = json.clone();
        let target = bad.pointer_mut(pointer).and_then(Value::as_object_mut);
        let target = target.unwrap_or_else(|| panic!("no object at {pointer:?}"));
        target.insert("unknown_key".into(), Value::Bool(true));
        let err = serde_json::from_value::<Resolution>(bad).expect_err(pointer);
        assert!(err.to_string().contains("unknown_key"), "{pointer}: {err}");
    }
}

/// The schema (checked by Python's `jsonschema`, draft 2020-12) accepts the JSON of every
/// shared document and rejects it with an unknown key added to any kind of object in it.
#[test]
fn schema_accepts_outputs_and_rejects_unknown_keys() {
    let Some(shared) = common::shared("schema_accepts_outputs_and_rejects_unknown_keys") else {
        return;
    };
    if !common::tool("schema_accepts_outputs_and_rejects_unknown_keys", "python3") {
        return;
    }
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("schema");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("output dir");
    let json = writer("json").expect("json writer registered");
    let mut files = Vec::new();
    for path in common::documents(&shared) {
        let doc = common::read_doc(&path).doc;
        let out = dir.join(format!("{}.json", files.len()));
        std::fs::write(&out, json.write(&doc, &WriteOptions::default()).unwrap()).unwrap();
        files.push(out);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = std::process::Command::new("python3")
        .arg(root.join("tests/schema/validate.py"))
        .arg(root.join("schemas/resolution.schema.json"))
        .args(&files)
        .output()
        .expect("run validate.py");
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !common::python_ran(
        "schema_accepts_outputs_and_rejects_unknown_keys",
        "jsonschema",
        &out,
    ) {
        return;
    }
    assert!(out.status.success(), "validate.py failed:\n{stderr}");
    let r: Value = serde_json::from_slice(&out.stdout).expect("report JSON");
    println!("{r}");
    assert_eq!(r["valid"], files.len(), "invalid: {}", r["invalid"]);
    assert_eq!(
        r["accepted"],
        Value::Array(Vec::new()),
        "unknown keys accepted"
    );
    let rejected = r["rejected"].as_array().map_or(0, Vec::len);
    // Metadata, formula, paragraphs, sections, every kind of inline, closing, notes.
    assert!(rejected > 30, "only {rejected} kinds of object tried");
}

//! Reading our own Akoma Ntoso back, over every document of the shared folder:
//! text → model → AKN → model gives the same model (less what AKN does not carry,
//! listed in [`not_carried`] and in docs/akn.md), AKN → model → AKN gives the same
//! bytes, and AKN → Markdown and → PDF equal text → Markdown and → PDF.

mod common;

use serde_json::Value;
use std::path::{Path, PathBuf};
use unres::read::{read_bytes, Format};
use unres::write::{writer, WriteOptions};

/// Every input of the shared folder that converts: the seed, the corpus and the
/// Security Council texts.
fn inputs(shared: &Path) -> Vec<PathBuf> {
    let mut v = common::documents(shared);
    v.extend(common::corpus_documents(&shared.join("security-council")));
    v
}

/// What AKN does not carry, by design, taken out of the model read from the text:
/// - `meta.source_format`: the input format of the text (the AKN read back is `akn`);
/// - footnotes no mark in the text points to: AKN writes a note where it is marked;
/// - text after the sub-paragraphs of a paragraph that has none: AKN's `content`
///   holds it after the paragraph's own text (that is where it is printed);
/// - a closing that has only the vote line: conclusions are written from the meeting
///   line and its date.
fn not_carried(v: &mut Value) {
    if let Some(m) = v.get_mut("meta").and_then(Value::as_object_mut) {
        m.remove("source_format");
    }
    let marked = marks(v);
    if let Some(notes) = v.get_mut("footnotes").and_then(Value::as_array_mut) {
        notes.retain(|n| {
            marked
                .iter()
                .any(|m| Some(m.as_str()) == n["marker"].as_str())
        });
        if notes.is_empty() {
            v.as_object_mut().map(|o| o.remove("footnotes"));
        }
    }
    merge_wrap_up(v);
    let closing_empty = v
        .get("closing")
        .is_some_and(|c| c.get("meeting").is_none() && c.get("date").is_none());
    if closing_empty {
        v.as_object_mut().map(|o| o.remove("closing"));
    }
}

/// Every note marker used outside the footnotes.
fn marks(v: &Value) -> Vec<String> {
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(o) => {
                if o.get("type").and_then(Value::as_str) == Some("note_ref") {
                    if let Some(m) = o.get("marker").and_then(Value::as_str) {
                        out.push(m.to_string());
                    }
                }
                for (k, x) in o {
                    if k != "footnotes" {
                        walk(x, out);
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(v, &mut out);
    out
}

fn merge_wrap_up(v: &mut Value) {
    match v {
        Value::Object(o) => {
            let no_subs = o.get("subparagraphs").is_none();
            if no_subs
                && o.contains_key("wrap_up")
                && o.get("type").and_then(Value::as_str) == Some("paragraph")
            {
                if let Some(Value::Array(w)) = o.remove("wrap_up") {
                    let content = o
                        .entry("content")
                        .or_insert_with(|| Value::Array(Vec::new()));
                    if let Value::Array(c) = content {
                        c.extend(w);
                    }
                }
            }
            for (_, x) in o.iter_mut() {
                merge_wrap_up(x);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(merge_wrap_up),
        _ => {}
    }
}

/// The first place two JSON values differ, as a path.
fn first_difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for k in x.keys().chain(y.keys()) {
                let p = format!("{path}.{k}");
                match (x.get(k), y.get(k)) {
                    (Some(u), Some(w)) => {
                        if let Some(d) = first_difference(u, w, &p) {
                            return Some(d);
                        }
                    }
                    (u, w) => return Some(format!("{p}: {u:?} vs {w:?}")),
                }
            }
            None
        }
        (Value::Array(x), Value::Array(y)) => {
            for (i, (u, w)) in x.iter().zip(y).enumerate() {
                if let Some(d) = first_difference(u, w, &format!("{path}[{i}]")) {
                    return Some(d);
                }
            }
            (x.len() != y.len()).then(|| format!("{path}: {} vs {} items", x.len(), y.len()))
        }
        _ => (a != b).then(|| format!("{path}: {a} vs {b}")),
    }
}

#[test]
fn our_akn_reads_back_to_the_same_model_and_outputs() {
    let Some(shared) = common::shared("akn_read") else {
        return;
    };
    let opts = WriteOptions::default();
    let akn = writer("akn").expect("akn writer");
    let md = writer("md").expect("md writer");
    let pdf = writer("pdf").expect("pdf writer");
    let (mut models, mut xml, mut mds, mut pdfs, mut n) = (0, 0, 0, 0, 0);
    let mut failures = Vec::new();
    for path in inputs(&shared) {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bytes = std::fs::read(&path).expect("read input");
        let Ok(first) = read_bytes(&bytes, None) else {
            continue;
        };
        n += 1;
        let doc = first.doc;
        let xml1 = akn.write(&doc, &opts).expect("write akn");
        let back = match read_bytes(&xml1, None) {
            Ok(b) => b,
            Err(e) => {
                failures.push(format!(
                    "{name}: AKN not read: {}:{}: {}",
                    e.line, e.column, e.message
                ));
                continue;
            }
        };
        assert!(
            back.diagnostics.is_empty(),
            "{name}: warnings on our own AKN: {:?}",
            back.diagnostics
        );
        let mut expected = serde_json::to_value(&doc).expect("json");
        let mut got = serde_json::to_value(&back.doc).expect("json");
        not_carried(&mut expected);
        if let Some(m) = got.get_mut("meta").and_then(Value::as_object_mut) {
            assert_eq!(
                m.remove("source_format"),
                Some(Value::from("akn")),
                "{name}"
            );
        }
        match first_difference(&expected, &got, "") {
            None => models += 1,
            Some(d) => failures.push(format!("{name}: model {d}")),
        }
        let xml2 = akn.write(&back.doc, &opts).expect("write akn again");
        if xml2 == xml1 {
            xml += 1;
        } else {
            failures.push(format!("{name}: AKN differs after reading it back"));
        }
        if md.write(&back.doc, &opts).ok() == md.write(&doc, &opts).ok() {
            mds += 1;
        } else {
            failures.push(format!("{name}: Markdown differs"));
        }
        if pdf.write(&back.doc, &opts).ok() == pdf.write(&doc, &opts).ok() {
            pdfs += 1;
        } else {
            failures.push(format!("{name}: PDF differs"));
        }
    }
    eprintln!("AKN read back over {n} documents: models {models}, AKN {xml}, Markdown {mds}, PDF {pdfs} identical");
    assert!(n > 150, "only {n} documents converted");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn akn_is_detected_and_forced() {
    let Some(shared) = common::shared("akn_read") else {
        return;
    };
    let doc = common::read_doc(&shared.join("seed/A_RES_65_122.en.txt")).doc;
    let xml = writer("akn")
        .expect("akn")
        .write(&doc, &WriteOptions::default())
        .expect("akn");
    let text = String::from_utf8(xml).expect("utf-8");
    assert_eq!(unres::read::detect(&text), Format::Akn);
    assert_eq!(Format::from_name("akn"), Some(Format::Akn));
    let forced = read_bytes(text.as_bytes(), Some(Format::Akn)).expect("read");
    assert_eq!(forced.doc.meta.symbol.as_deref(), Some("A/RES/65/122"));
}

//! `--to md` as readers see it: every Markdown output of the shared folder (seed, corpus,
//! the Security Council texts that read) rendered by cmark-gfm, Python-Markdown (as MkDocs
//! runs it), markdown-it and pandoc 3, all in one Python process (tests/render/render.py).
//! Checked for each renderer: the body words in order (≥ 99.5 % of `.body.txt`), every
//! number and label shown once and nested as in the model, one footnote per note of the
//! model (the truth's count, where the reader finds every note) with a back-link, no
//! backslash and no front matter shown; and the same words, note words and italics in all
//! four.

mod common;

use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use unres::model::{Block, Paragraph, Resolution};
use unres::write::{writer, WriteOptions};

/// The shared documents: the seed, the corpus, then the Security Council texts.
fn documents(shared: &Path) -> Vec<PathBuf> {
    let mut out = common::documents(shared);
    let mut sc: Vec<PathBuf> = std::fs::read_dir(shared.join("security-council"))
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    sc.retain(|p| {
        let n = p.to_string_lossy();
        n.ends_with(".txt") && !n.ends_with(".body.txt")
    });
    sc.sort();
    out.extend(sc);
    out
}

/// Every printed paragraph number and sub-paragraph label in reading order, with its depth
/// (0 for a paragraph, 1 for `(a)`, 2 for `(i)`).
fn labels(doc: &Resolution) -> Vec<(String, usize)> {
    fn para(p: &Paragraph, depth: usize, out: &mut Vec<(String, usize)>) {
        let num = p.num.as_deref().unwrap_or_default();
        let num = num.split_whitespace().collect::<Vec<_>>().join(" ");
        if !num.is_empty() {
            out.push((num, depth));
        }
        for sp in &p.subparagraphs {
            para(sp, depth + 1, out);
        }
    }
    fn blocks(bs: &[Block], out: &mut Vec<(String, usize)>) {
        for b in bs {
            match b {
                Block::Paragraph(p) => para(p, 0, out),
                Block::Section(s) => blocks(&s.children, out),
            }
        }
    }
    let mut out = Vec::new();
    blocks(&doc.preamble, &mut out);
    blocks(&doc.body, &mut out);
    for a in &doc.annexes {
        blocks(&a.blocks, &mut out);
    }
    out
}

/// The distinct notes of the truth file beside `path`, if there is one.
fn truth_notes(path: &Path) -> Option<u64> {
    let text = std::fs::read_to_string(common::truth_path(path)).ok()?;
    let v: Value = serde_json::from_str(&text).expect("truth JSON");
    v["footnotes"].as_u64()
}

fn front_matter_lines(md: &str) -> Vec<String> {
    let Some(rest) = md.strip_prefix("---\n") else {
        return Vec::new();
    };
    rest.lines()
        .take_while(|l| *l != "---")
        .map(String::from)
        .collect()
}

#[test]
fn renderers_show_every_output_right() {
    let Some(shared) = common::shared("renderers_show_every_output_right") else {
        return;
    };
    if !common::tool("renderers_show_every_output_right", "python3") {
        return;
    }
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("markdown_render");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("output dir");
    let md_writer = writer("md").expect("md writer registered");
    let mut manifest = Vec::new();
    let mut unread = Vec::new();
    let mut reader_gaps = Vec::new();
    for path in documents(&shared) {
        let bytes = std::fs::read(&path).expect("read document");
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().trim_end_matches(".txt").to_string())
            .unwrap_or_default();
        let doc = match unres::read::read_bytes(&bytes, None) {
            Ok(out) => out.doc,
            Err(e) => {
                unread.push(format!("{name}: {}:{}", e.line, e.message));
                continue;
            }
        };
        let md = md_writer
            .write(&doc, &WriteOptions::default())
            .expect("md writes");
        let md = String::from_utf8(md).expect("UTF-8");
        let md_path = dir.join(format!("{name}.md"));
        std::fs::write(&md_path, &md).expect("write Markdown");
        let body = common::body_path(&path);
        // The writer shows every note of the model; where the reader found fewer than the
        // truth has, that is the reader's gap (tests/corpus.rs), listed below.
        let notes = doc.footnotes.len() as u64;
        if let Some(truth) = truth_notes(&path).filter(|t| *t != notes) {
            reader_gaps.push(format!("{name}: {notes} of {truth} notes"));
        }
        manifest.push(json!({
            "name": name,
            "md": md_path,
            "body": body.is_file().then_some(body),
            "notes": notes,
            "labels": labels(&doc),
            "backslashes": bytes.iter().filter(|b| **b == b'\\').count(),
            "front_matter": front_matter_lines(&md),
        }));
    }
    // Only the Security Council texts may fail to read; the others must all render.
    assert!(
        unread.iter().all(|u| u.starts_with("S_RES_")),
        "documents not read: {unread:?}"
    );
    let manifest_path = dir.join("manifest.json");
    std::fs::write(&manifest_path, serde_json::to_vec(&manifest).expect("JSON"))
        .expect("write manifest");

    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/render/render.py");
    let out = std::process::Command::new("python3")
        .arg(&script)
        .arg(&manifest_path)
        .output()
        .expect("run render.py");
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !common::python_ran("renderers_show_every_output_right", "renderers", &out) {
        return;
    }
    assert!(out.status.success(), "render.py failed:\n{stderr}");
    let report: Value = serde_json::from_slice(&out.stdout).expect("report JSON");

    println!("renderers: {}", report["renderers"]);
    println!(
        "{} documents ({} not read: {unread:?})",
        manifest.len(),
        unread.len()
    );
    println!("notes the reader does not find (not checked here): {reader_gaps:?}");
    // Per renderer: documents passing, documents, the lowest share of body words in order.
    let mut per_renderer: BTreeMap<String, (usize, usize, f64)> = BTreeMap::new();
    let mut failures = Vec::new();
    for d in report["documents"].as_array().expect("documents") {
        let renderer = d["renderer"].as_str().unwrap_or_default().to_string();
        let name = d["name"].as_str().unwrap_or_default();
        let problems: Vec<&str> = d["failures"]
            .as_array()
            .map(|f| f.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let entry = per_renderer
            .entry(renderer.clone())
            .or_insert((0, 0, 100.0));
        entry.1 += 1;
        if let (Some(kept), Some(all)) = (d["words"][0].as_f64(), d["words"][1].as_f64()) {
            entry.2 = entry.2.min(100.0 * kept / all.max(1.0));
        }
        if problems.is_empty() {
            entry.0 += 1;
        }
        for p in problems {
            failures.push(format!("{renderer}: {name}: {p}"));
        }
    }
    for (r, (pass, all, words)) in &per_renderer {
        println!("{r}: {pass}/{all} documents pass; body words in order ≥ {words:.2} %");
    }
    assert_eq!(
        per_renderer.values().map(|(_, all, _)| all).sum::<usize>(),
        4 * manifest.len(),
        "every document rendered by the four renderers"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

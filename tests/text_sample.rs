//! The text readings of every `../shared/pdf-sample` PDF (`pdftotext -layout` and plain
//! `pdftotext`) meet the invariants of the PDF read directly (tests/common/sample.rs) and
//! agree with it on the structure and 99.5 % of the words. Resolutions and drafts are
//! held alike (KNOWN names the cause of each reading that still fails).

mod common;

use common::sample::{disagreement, problems_of};
use std::path::{Path, PathBuf};

/// (file, reading, cause): text readings that still fail, and why.
const KNOWN: &[(&str, &str, &str)] = &[];

fn files(shared: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(shared.join("pdf-sample"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 140, "expected the 140 PDFs of pdf-sample");
    files
}

/// What is wrong with the reading `pdftotext args` of `path` (nothing when all holds).
fn text_problems(path: &Path, args: &[&str]) -> Vec<String> {
    let direct = match unres::read::read_bytes(&std::fs::read(path).unwrap(), None) {
        Ok(o) => o.doc,
        Err(e) => return vec![format!("the PDF does not convert: {}", e.message)],
    };
    let out = std::process::Command::new("pdftotext")
        .args(args)
        .arg(path)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext {}", path.display());
    let text = match unres::read::read_bytes(&out.stdout, None) {
        Ok(o) => o.doc,
        Err(e) => return vec![format!("the text does not convert: {}", e.message)],
    };
    let mut p = problems_of(&text, path);
    p.extend(disagreement(&direct, &text));
    p
}

fn run(test: &str, reading: &str, args: &[&str]) {
    let Some(shared) = common::shared(test) else {
        return;
    };
    if !common::tool(test, "pdftotext") {
        return;
    }
    let (mut res_ok, mut res_all, mut draft_ok, mut draft_all) = (0, 0, 0, 0);
    let mut failures = Vec::new();
    for f in files(&shared) {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let ps = text_problems(&f, args);
        for p in &ps {
            println!("{name}: {reading}: {p}");
        }
        if name.starts_with("A_RES_") {
            res_all += 1;
            res_ok += usize::from(ps.is_empty());
        } else {
            draft_all += 1;
            draft_ok += usize::from(ps.is_empty());
        }
        let known = KNOWN.iter().find(|(n, r, _)| *n == name && *r == reading);
        if let Some((_, _, why)) = known {
            println!("{name}: {reading}: known: {why}");
        }
        if ps.is_empty() == known.is_some() {
            failures.push(name);
        }
    }
    println!("{reading}: resolutions {res_ok}/{res_all} meet every invariant and agree with the PDF; drafts {draft_ok}/{draft_all}");
    assert!(
        failures.is_empty(),
        "{reading}: {} files fail (or pass despite a known cause): {}",
        failures.len(),
        failures.join(", ")
    );
}

#[test]
fn layout_text_agrees_with_the_pdf() {
    run(
        "layout_text_agrees_with_the_pdf",
        "pdftotext -layout",
        &["-layout"],
    );
}

#[test]
fn plain_text_agrees_with_the_pdf() {
    run("plain_text_agrees_with_the_pdf", "pdftotext", &[]);
}

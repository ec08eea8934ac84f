//! The text readings of every `../shared/pdf-sample` PDF (`pdftotext -layout`, plain
//! `pdftotext`, and PyMuPDF's `page.get_text()` with the pages joined, with or without
//! form feeds, as tests/pymupdf_text.py extracts it) meet the invariants of the PDF read directly
//! (tests/common/sample.rs) and agree with it on the structure and 99.5 % of the words.
//! Resolutions and drafts are held alike (KNOWN names the cause of each reading that still
//! fails). The PyMuPDF reading is skipped with a note when PyMuPDF is not installed
//! (`pip install pymupdf`), failed when `UNRES_REQUIRE_SHARED` is set.

mod common;

use common::sample::{disagreement, problems_of};
use std::path::{Path, PathBuf};

/// (file, reading, cause): text readings that still fail, and why.
const KNOWN: &[(&str, &str, &str)] = &[];

/// How a reading is made: by `pdftotext ARGS`, or read from a folder the test extracted into.
enum Reading<'a> {
    Pdftotext(&'a [&'a str]),
    Extracted(&'a Path),
}

/// The text of `path` in `reading`.
fn extract(path: &Path, reading: &Reading) -> Vec<u8> {
    match reading {
        Reading::Pdftotext(args) => common::pdftotext(path, args),
        Reading::Extracted(dir) => {
            let txt = dir.join(path.with_extension("txt").file_name().unwrap());
            std::fs::read(&txt).unwrap_or_else(|e| panic!("{}: {e}", txt.display()))
        }
    }
}

/// What is wrong with the text `text` of `path` (nothing when all holds).
fn text_problems(path: &Path, text: &[u8]) -> Vec<String> {
    let direct = match unres::read::read_bytes(&std::fs::read(path).unwrap(), None) {
        Ok(o) => o.doc,
        Err(e) => return vec![format!("the PDF does not convert: {}", e.message)],
    };
    let text = match unres::read::read_bytes(text, None) {
        Ok(o) => o.doc,
        Err(e) => return vec![format!("the text does not convert: {}", e.message)],
    };
    let mut p = problems_of(&text, path);
    p.extend(disagreement(&direct, &text));
    p
}

fn run(shared: &Path, reading_name: &str, reading: &Reading) {
    let mut tally = common::sample::Tally::default();
    let mut failures = Vec::new();
    for f in common::pdf_sample(shared) {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let ps = text_problems(&f, &extract(&f, reading));
        for p in &ps {
            println!("{name}: {reading_name}: {p}");
        }
        tally.add(&name, ps.is_empty());
        let known = KNOWN
            .iter()
            .find(|(n, r, _)| *n == name && *r == reading_name);
        if let Some((_, _, why)) = known {
            println!("{name}: {reading_name}: known: {why}");
        }
        if ps.is_empty() == known.is_some() {
            failures.push(name);
        }
    }
    println!("{reading_name}: resolutions {}/{} meet every invariant and agree with the PDF; drafts {}/{}",
        tally.res_ok, tally.res_all, tally.draft_ok, tally.draft_all);
    assert!(
        failures.is_empty(),
        "{reading_name}: {} files fail (or pass despite a known cause): {}",
        failures.len(),
        failures.join(", ")
    );
}

fn run_pdftotext(test: &str, reading_name: &str, args: &[&str]) {
    let Some(shared) = common::shared(test) else {
        return;
    };
    if !common::tool(test, "pdftotext") {
        return;
    }
    run(&shared, reading_name, &Reading::Pdftotext(args));
}

#[test]
fn layout_text_agrees_with_the_pdf() {
    run_pdftotext(
        "layout_text_agrees_with_the_pdf",
        "pdftotext -layout",
        &["-layout"],
    );
}

#[test]
fn plain_text_agrees_with_the_pdf() {
    run_pdftotext("plain_text_agrees_with_the_pdf", "pdftotext", &[]);
}

/// PyMuPDF's text of every PDF, its pages joined by `sep_args` (none: `""`; `-f`: form
/// feeds), against the PDF read directly; skipped or failed as the other tools when
/// PyMuPDF is missing.
fn run_pymupdf(test: &str, reading_name: &str, sep_args: &[&str]) {
    let Some(shared) = common::shared(test) else {
        return;
    };
    if !common::tool(test, "python3") {
        return;
    }
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(test);
    let _ = std::fs::remove_dir_all(&dir);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pymupdf_text.py");
    let out = std::process::Command::new("python3")
        .arg(&script)
        .args(sep_args)
        .arg("-o")
        .arg(&dir)
        .args(common::pdf_sample(&shared))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !common::python_ran(test, "PyMuPDF", &out) {
        return;
    }
    assert!(out.status.success(), "{}: {stderr}", script.display());
    run(&shared, reading_name, &Reading::Extracted(&dir));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn pymupdf_text_agrees_with_the_pdf() {
    run_pymupdf("pymupdf_text_agrees_with_the_pdf", "pymupdf", &[]);
}

#[test]
fn pymupdf_text_with_form_feeds_agrees_with_the_pdf() {
    run_pymupdf(
        "pymupdf_text_with_form_feeds_agrees_with_the_pdf",
        "pymupdf, form feeds",
        &["-f"],
    );
}

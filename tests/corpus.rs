//! Every document of the shared corpus (and the seed) against its truth file; and, with no
//! shared folder needed, the small real corpus kept in `tests/corpus/`.
//!
//! Prints a table of the fields right per document, and fails on any
//! resolution field that differs, or on body words below 99.5 % in order.

mod common;

use common::truth::{table, table_with};
use std::path::{Path, PathBuf};

/// Each document's path and bytes.
fn read_all(docs: &[PathBuf]) -> Vec<(PathBuf, Vec<u8>)> {
    docs.iter()
        .map(|p| (p.clone(), std::fs::read(p).unwrap()))
        .collect()
}

/// The documents kept in the repository (`tests/corpus/`, one or two of each input variant
/// of the shared corpus), read on every run, shared folder or not.
#[test]
fn repo_corpus_matches_truth() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let docs = common::corpus_documents(&dir);
    assert!(
        docs.len() >= 7,
        "expected the 7 documents of {}, found {}",
        dir.display(),
        docs.len()
    );
    let inputs = read_all(&docs);
    let failures = table(&inputs, 99.5);
    assert!(
        failures.is_empty(),
        "{} mismatches (see the table above)",
        failures.len()
    );
}

#[test]
fn corpus_matches_truth() {
    let Some(shared) = common::shared("corpus_matches_truth") else {
        return;
    };
    let docs = common::documents(&shared);
    assert!(
        docs.len() >= 33,
        "expected the seed and 32 corpus documents, found {}",
        docs.len()
    );
    let inputs = read_all(&docs);
    let failures = table(&inputs, 99.5);
    assert!(
        failures.is_empty(),
        "{} mismatches (see the table above)",
        failures.len()
    );
}

/// The Security Council resolutions with a truth file (one of each era's printed shape):
/// every field, the vote line included, and the body words.
#[test]
fn security_council_matches_truth() {
    let Some(shared) = common::shared("security_council_matches_truth") else {
        return;
    };
    let mut docs = common::corpus_documents(&shared.join("security-council"));
    docs.retain(|p| common::truth_path(p).exists());
    assert!(
        docs.len() >= 15,
        "expected the 15 Security Council documents with truth, found {}",
        docs.len()
    );
    let inputs = read_all(&docs);
    let failures = table(&inputs, 99.5);
    assert!(
        failures.is_empty(),
        "{} mismatches (see the table above)",
        failures.len()
    );
}

/// Each corpus document typeset by our PDF writer, extracted again with `pdftotext`
/// (layout and raw), must read back to the same truth: new layouts and page breaks
/// for the PDF-text readers, and a check that the PDF keeps the document whole.
#[test]
fn corpus_survives_our_pdf_and_pdftotext() {
    let Some(shared) = common::shared("corpus_survives_our_pdf_and_pdftotext") else {
        return;
    };
    if !common::tool("corpus_survives_our_pdf_and_pdftotext", "pdftotext") {
        return;
    }
    let dir = std::env::temp_dir().join(format!("unres-roundtrip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pdf_writer = unres::write::writer("pdf").expect("pdf writer registered");
    let opts = unres::write::WriteOptions::default();
    let mut layout = Vec::new();
    let mut raw = Vec::new();
    for path in common::documents(&shared) {
        let doc = common::read_doc(&path).doc;
        let pdf = dir.join("doc.pdf");
        std::fs::write(&pdf, pdf_writer.write(&doc, &opts).unwrap()).unwrap();
        layout.push((path.clone(), common::pdftotext(&pdf, &["-layout"])));
        raw.push((path.clone(), common::pdftotext(&pdf, &[])));
    }
    std::fs::remove_dir_all(&dir).unwrap();
    println!("== pdftotext -layout of our PDF");
    let mut failures = table(&layout, 99.0);
    // Plain pdftotext reads our lines in an order of its own (a short last line before the
    // line above it), so only reading and the words are held to account there.
    println!("== pdftotext of our PDF");
    failures.extend(table_with(&raw, 98.5, false));
    assert!(
        failures.is_empty(),
        "{} mismatches after the round trip (see the tables above)",
        failures.len()
    );
}

/// Other extractions of the corpus documents (e.g. PyMuPDF text of the official PDFs),
/// checked against the same truth: `UNRES_EXTRA=DIR cargo test --test corpus -- --ignored`.
/// A file `DIR/[prefix_]A_RES_73_7.en.txt` is compared with `corpus/A_RES_73_7.en.truth.json`.
#[test]
#[ignore = "needs UNRES_EXTRA, a folder of extra extractions"]
fn extra_extractions_match_truth() {
    let Some(shared) = common::shared("extra_extractions_match_truth") else {
        return;
    };
    let dir = PathBuf::from(std::env::var_os("UNRES_EXTRA").expect("set UNRES_EXTRA to a folder"));
    let mut inputs = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for p in names {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        // Strip a prefix before "A_RES".
        let start = name.find("A_RES").unwrap_or(0);
        let truth_doc = shared.join("corpus").join(&name[start..]);
        if truth_doc.with_extension("truth.json").exists() {
            inputs.push((truth_doc, std::fs::read(&p).unwrap()));
        }
    }
    let failures = table(&inputs, 99.0);
    assert!(failures.is_empty(), "{} mismatches", failures.len());
}

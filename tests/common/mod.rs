//! Helpers shared by the integration tests: where `../shared` is, and the external tools.
#![allow(dead_code)]

pub mod gen;
pub mod sample;
pub mod truth;

use std::path::{Path, PathBuf};

/// True when CI demands that the shared folder and the external validators exist.
pub fn required() -> bool {
    std::env::var("UNRES_REQUIRE_SHARED").is_ok_and(|v| !v.is_empty() && v != "0")
}

/// The shared folder (`UNRES_SHARED`, default `../shared`), or `None` with a printed skip note.
/// Panics instead of skipping when `UNRES_REQUIRE_SHARED` is set.
pub fn shared(test: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("UNRES_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    if dir.join("corpus").is_dir() && dir.join("seed").is_dir() {
        return Some(dir);
    }
    if required() {
        panic!(
            "{test}: shared folder {} missing and UNRES_REQUIRE_SHARED is set",
            dir.display()
        );
    }
    eprintln!(
        "{test}: skipped, shared folder {} not found (set UNRES_SHARED)",
        dir.display()
    );
    None
}

/// Whether an external tool is on PATH; panics when missing and required, else prints a skip note.
pub fn tool(test: &str, name: &str) -> bool {
    let found = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).any(|d| d.join(name).is_file()))
        .unwrap_or(false);
    if found {
        return true;
    }
    if required() {
        panic!("{test}: {name} not found on PATH and UNRES_REQUIRE_SHARED is set");
    }
    eprintln!("{test}: skipped, {name} not found on PATH");
    false
}

/// The exit code of the Python checkers in `tests/` when the module they need is missing.
pub const MISSING: i32 = 3;

/// Whether a Python checker could run: `false`, with a skip note, when `what` (its module)
/// is missing; panics instead when `UNRES_REQUIRE_SHARED` is set.
pub fn python_ran(test: &str, what: &str, out: &std::process::Output) -> bool {
    if out.status.code() != Some(MISSING) {
        return true;
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !required(),
        "{test}: {what} missing and UNRES_REQUIRE_SHARED is set: {stderr}"
    );
    eprintln!("{test}: skipped, {stderr}");
    false
}

/// Runs `pdftotext` on a PDF, with extra arguments, and returns the text.
pub fn pdftotext(pdf: &Path, args: &[&str]) -> Vec<u8> {
    let out = std::process::Command::new("pdftotext")
        .args(args)
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    out.stdout
}

/// The 140 official PDFs of `pdf-sample`, sorted.
pub fn pdf_sample(shared: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(shared.join("pdf-sample"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 140, "expected the 140 PDFs of pdf-sample");
    files
}

/// The drafts (draft resolutions, decisions and amendments) among [`pdf_sample`].
pub fn pdf_sample_drafts(shared: &Path) -> Vec<PathBuf> {
    let mut files = pdf_sample(shared);
    files.retain(|p| {
        p.file_name()
            .is_some_and(|n| !n.to_string_lossy().starts_with("A_RES_"))
    });
    files
}

/// Every input document of the shared folder: the seed, then the corpus, sorted.
pub fn documents(shared: &Path) -> Vec<PathBuf> {
    let mut out = vec![shared.join("seed/A_RES_65_122.en.txt")];
    out.extend(corpus_documents(&shared.join("corpus")));
    out
}

/// The documents of a corpus folder (each `X.txt` beside its `X.truth.json`), sorted.
pub fn corpus_documents(dir: &Path) -> Vec<PathBuf> {
    let mut corpus: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    corpus.retain(|p| {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        name.ends_with(".txt") && !name.ends_with(".body.txt") && !name.ends_with(".annex.txt")
    });
    corpus.sort();
    corpus
}

/// The truth file beside a document (`X.en.txt` → `X.en.truth.json`).
pub fn truth_path(doc: &Path) -> PathBuf {
    doc.with_extension("truth.json")
}

/// The body text beside a document (`X.en.txt` → `X.en.body.txt`).
pub fn body_path(doc: &Path) -> PathBuf {
    doc.with_extension("body.txt")
}

/// Reads a document through the library.
pub fn read_doc(path: &Path) -> unres::read::ReadOutput {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    unres::read::read_bytes(&bytes, None)
        .unwrap_or_else(|e| panic!("{}:{}: {}", path.display(), e.line, e.message))
}

/// Length of the longest common subsequence of two word lists (for "words in order" checks).
pub fn lcs_len(a: &[&str], b: &[&str]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// A temporary directory for one test, removed when dropped; unique per process and call.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("unres-test-{}-{tag}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A small resolution, as plain text in the PDF-extraction shape.
pub const SMALL_RESOLUTION: &str = "\
Resolution adopted by the General Assembly on 13 December 2010

65/122. Cooperation between the United Nations and a regional organization

The General Assembly,

Recalling its resolution 59/50 of 2 December 2004,

1. Notes the activity of the organization;

2. Requests the Secretary-General to report.

64th plenary meeting
13 December 2010
";

/// The Security Council resolutions of the shared folder (`security-council/`), sorted.
pub fn security_council_documents(shared: &Path) -> Vec<PathBuf> {
    corpus_documents(&shared.join("security-council"))
}

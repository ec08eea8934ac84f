//! `cargo bench`: the reader, each writer, and the whole conversion, on the seed and on
//! the largest corpus document (the shared folder: `UNRES_SHARED`, default `../shared`).
//!
//! Benchmark ids are `DOCUMENT` for the reader and the pipeline, `WRITER/DOCUMENT` for
//! the writers; every registered writer is measured, whatever formats exist.

use divan::{black_box, Bencher};
use std::path::PathBuf;
use std::sync::OnceLock;
use unres::model::Resolution;
use unres::write::{WriteOptions, WRITERS};

// The allocator of the `unres` binary, so the figures are those a user gets.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// (name, bytes, model) of the seed and the largest corpus document.
fn documents() -> &'static [(String, Vec<u8>, Resolution)] {
    static DOCS: OnceLock<Vec<(String, Vec<u8>, Resolution)>> = OnceLock::new();
    DOCS.get_or_init(|| {
        let shared = std::env::var_os("UNRES_SHARED")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
        let seed = shared.join("seed/A_RES_65_122.en.txt");
        let largest = std::fs::read_dir(shared.join("corpus"))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                let n = p.to_string_lossy();
                n.ends_with(".txt") && !n.ends_with(".body.txt")
            })
            .max_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0));
        let mut out = Vec::new();
        for (name, path) in [("seed", Some(seed)), ("largest", largest)] {
            let Some(bytes) = path.and_then(|p| std::fs::read(p).ok()) else {
                eprintln!(
                    "bench: {name} not found under {} (set UNRES_SHARED)",
                    shared.display()
                );
                continue;
            };
            match unres::read::read_bytes(&bytes, None) {
                Ok(r) => out.push((name.to_string(), bytes, r.doc)),
                Err(e) => eprintln!("bench: {name} does not read: {}", e.message),
            }
        }
        out
    })
}

fn doc(name: &str) -> &'static (String, Vec<u8>, Resolution) {
    documents()
        .iter()
        .find(|d| d.0 == name)
        .unwrap_or_else(|| panic!("no document {name}"))
}

fn doc_names() -> impl Iterator<Item = String> {
    documents().iter().map(|d| d.0.clone())
}

fn writer_cases() -> impl Iterator<Item = String> {
    WRITERS
        .iter()
        .flat_map(|w| doc_names().map(move |d| format!("{}/{d}", w.name())))
}

#[divan::bench(args = doc_names())]
fn read(bencher: Bencher, name: &str) {
    let bytes = &doc(name).1;
    bencher
        .counter(divan::counter::BytesCount::new(bytes.len()))
        .bench(|| unres::read::read_bytes(black_box(bytes), None));
}

#[divan::bench(args = writer_cases())]
fn write(bencher: Bencher, case: &str) {
    let (w, d) = case.split_once('/').unwrap_or((case, ""));
    let writer = unres::write::writer(w).unwrap_or_else(|| panic!("no writer {w}"));
    let model = &doc(d).2;
    let opts = WriteOptions::default();
    bencher.bench(|| writer.write(black_box(model), &opts));
}

/// Read once, then every registered writer: one document's whole conversion, in memory.
#[divan::bench(args = doc_names())]
fn convert_all_formats(bencher: Bencher, name: &str) {
    let bytes = &doc(name).1;
    let opts = WriteOptions::default();
    bencher.bench(|| {
        let Ok(r) = unres::read::read_bytes(black_box(bytes), None) else {
            return 0;
        };
        WRITERS
            .iter()
            .filter_map(|w| w.write(&r.doc, &opts).ok())
            .map(|b| b.len())
            .sum::<usize>()
    });
}

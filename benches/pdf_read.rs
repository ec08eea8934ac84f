//! `cargo bench --bench pdf_read`: a 5-page official PDF (A/RES/73/6, from the shared
//! folder: `UNRES_SHARED`, default `../shared`) read into the model, and its stages.

use divan::{black_box, Bencher};
use std::path::PathBuf;
use std::sync::OnceLock;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

fn pdf() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let shared = std::env::var_os("UNRES_SHARED")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
        let path = shared.join("official-pdf/A_RES_73_6-EN.pdf");
        std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    })
}

/// The whole reading: bytes to the model.
#[divan::bench]
fn to_model(b: Bencher) {
    let bytes = pdf();
    b.bench(|| unres::read::read_bytes(black_box(bytes), None));
}

/// Parsing every object of the file with lopdf: what the reader no longer pays, as it
/// parses only the objects the pages reach.
#[divan::bench]
fn objects(b: Bencher) {
    let bytes = pdf();
    b.bench(|| lopdf::Document::load_mem(black_box(bytes)).map(|d| d.get_pages().len()));
}

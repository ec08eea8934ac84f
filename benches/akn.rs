//! `cargo bench --bench akn`: reading Akoma Ntoso back against writing it, on the seed
//! and on the largest corpus document (the shared folder: `UNRES_SHARED`, default
//! `../shared`). Reading should cost no more than writing.

use divan::{black_box, Bencher};
use std::path::PathBuf;
use std::sync::OnceLock;
use unres::model::Resolution;
use unres::read::Format;
use unres::write::{writer, WriteOptions};

// The allocator of the `unres` binary, so the figures are those a user gets.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// (name, model, its AKN) of the seed and the largest corpus document.
fn documents() -> &'static [(String, Resolution, Vec<u8>)] {
    static DOCS: OnceLock<Vec<(String, Resolution, Vec<u8>)>> = OnceLock::new();
    DOCS.get_or_init(|| {
        let shared = std::env::var_os("UNRES_SHARED")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
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
        let seed = Some(shared.join("seed/A_RES_65_122.en.txt"));
        let akn = writer("akn").expect("the AKN writer");
        let mut out = Vec::new();
        for (name, path) in [("seed", seed), ("largest", largest)] {
            let Some(bytes) = path.and_then(|p| std::fs::read(p).ok()) else {
                eprintln!(
                    "bench: {name} not found under {} (set UNRES_SHARED)",
                    shared.display()
                );
                continue;
            };
            let Ok(r) = unres::read::read_bytes(&bytes, None) else {
                eprintln!("bench: {name} does not read");
                continue;
            };
            match akn.write(&r.doc, &WriteOptions::default()) {
                Ok(xml) => out.push((name.to_string(), r.doc, xml)),
                Err(e) => eprintln!("bench: {name}: {e}"),
            }
        }
        out
    })
}

fn doc(name: &str) -> &'static (String, Resolution, Vec<u8>) {
    documents()
        .iter()
        .find(|d| d.0 == name)
        .unwrap_or_else(|| panic!("no document {name}"))
}

fn doc_names() -> impl Iterator<Item = String> {
    documents().iter().map(|d| d.0.clone())
}

/// The model to AKN XML.
#[divan::bench(args = doc_names())]
fn write_akn(bencher: Bencher, name: &str) {
    let (_, model, xml) = doc(name);
    let akn = writer("akn").expect("the AKN writer");
    let opts = WriteOptions::default();
    bencher
        .counter(divan::counter::BytesCount::new(xml.len()))
        .bench(|| akn.write(black_box(model), &opts));
}

/// AKN XML back to the model, from bytes as the command line reads a file.
#[divan::bench(args = doc_names())]
fn read_akn(bencher: Bencher, name: &str) {
    let xml = &doc(name).2;
    bencher
        .counter(divan::counter::BytesCount::new(xml.len()))
        .bench(|| unres::read::read_bytes(black_box(xml), Some(Format::Akn)));
}

/// quick-xml's own pass over the same AKN, events read and dropped: the floor of any
/// reader built on it (it checks the UTF-8 of every event again).
#[divan::bench(args = doc_names())]
fn xml_events(bencher: Bencher, name: &str) {
    let xml = std::str::from_utf8(&doc(name).2).unwrap_or_default();
    bencher
        .counter(divan::counter::BytesCount::new(xml.len()))
        .bench(|| {
            let mut reader = quick_xml::Reader::from_str(black_box(xml));
            let mut events = 0usize;
            while !matches!(
                reader.read_event(),
                Ok(quick_xml::events::Event::Eof) | Err(_)
            ) {
                events += 1;
            }
            events
        });
}

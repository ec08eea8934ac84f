//! How long the PDF writer takes for a resolution of about five pages.

#[path = "../tests/pdf/sample.rs"]
mod sample;

use unres::write::{Pdf, WriteOptions, Writer};

// The allocator of the `unres` binary, so the figures are those a user gets.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

#[divan::bench]
fn five_page_resolution(bencher: divan::Bencher) {
    let doc = sample::sample(6);
    let opts = WriteOptions::default();
    // Parse the built-in fonts once, as a long-running process would.
    let _ = Pdf.write(&doc, &opts);
    bencher.bench(|| Pdf.write(divan::black_box(&doc), &opts));
}

/// The same with Liberation Serif (TrueType outlines), when installed.
#[divan::bench]
fn five_page_resolution_liberation(bencher: divan::Bencher) {
    let dir = std::path::Path::new("/usr/share/fonts/truetype/liberation2");
    let read =
        |s: &str| std::fs::read(dir.join(format!("LiberationSerif-{s}.ttf"))).unwrap_or_default();
    let family = unres::write::FontFamily {
        regular: read("Regular"),
        italic: read("Italic"),
        bold: read("Bold"),
        bold_italic: read("BoldItalic"),
    };
    let doc = sample::sample(6);
    let opts = WriteOptions {
        font_family: Some(std::sync::Arc::new(family)),
        ..WriteOptions::default()
    };
    bencher.bench(|| Pdf.write(divan::black_box(&doc), &opts));
}

//! How long the PDF writer takes for a resolution of about five pages.

#[path = "../tests/pdf/sample.rs"]
mod sample;

use unres::write::{pdf::Pdf, WriteOptions, Writer};

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

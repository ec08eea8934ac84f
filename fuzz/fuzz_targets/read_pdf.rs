//! Any bytes after a `%PDF-` header through the PDF reader, then every writer:
//! an error is fine, a panic or a hang is a bug. Seed it with `../shared/official-pdf`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unres::read;
use unres::write::{WriteOptions, WRITERS};

fuzz_target!(|data: &[u8]| {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend_from_slice(data);
    for input in [data, &bytes[..]] {
        let Ok(out) = read::read_bytes(input, None) else {
            continue;
        };
        let opts = WriteOptions::default();
        for w in WRITERS {
            let _ = w.write(&out.doc, &opts);
        }
    }
});

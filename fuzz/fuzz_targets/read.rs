//! Any bytes through the reader, detected and as every input format, then every writer:
//! an error is fine, a panic or a hang is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unres::read::{self, Format};
use unres::write::{WriteOptions, WRITERS};

fuzz_target!(|data: &[u8]| {
    let Ok(out) = read::read_bytes(data, None) else {
        return;
    };
    let opts = WriteOptions::default();
    for w in WRITERS {
        let _ = w.write(&out.doc, &opts);
    }
    if let Ok(text) = std::str::from_utf8(data) {
        for f in Format::ALL {
            let _ = read::read(text, Some(*f));
        }
    }
});

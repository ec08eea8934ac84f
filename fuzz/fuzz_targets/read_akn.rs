//! Any bytes through the Akoma Ntoso reader, then every writer; what reads once must
//! read again from our own AKN. An error is fine, a panic or a hang is a bug. Start it
//! from AKN files (see fuzz/README.md) so that the mutations stay close to AKN.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unres::read::{self, Format};
use unres::write::{writer, WriteOptions, WRITERS};

fuzz_target!(|data: &[u8]| {
    let Ok(out) = read::read_bytes(data, Some(Format::Akn)) else {
        return;
    };
    let opts = WriteOptions::default();
    for w in WRITERS {
        let _ = w.write(&out.doc, &opts);
    }
    let Some(akn) = writer("akn") else {
        return;
    };
    if let Ok(xml) = akn.write(&out.doc, &opts) {
        assert!(
            read::read_bytes(&xml, Some(Format::Akn)).is_ok(),
            "our own AKN of a document read from AKN does not read back"
        );
    }
});

//! What the command line prints besides diagnostics: bytes on standard output, usage
//! errors.

use std::io::Write;

pub(crate) fn print_stdout(bytes: &[u8]) -> i32 {
    match std::io::stdout().lock().write_all(bytes) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("unres: error: cannot write to standard output: {e}");
            1
        }
    }
}

pub(crate) fn usage(msg: &str) -> i32 {
    eprintln!("unres: error: {msg}");
    2
}

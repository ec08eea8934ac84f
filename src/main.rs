//! The `unres` command line. The library (`unres`) does the converting; this binary
//! parses arguments, walks folders, runs batches in parallel and writes files.

mod cli;

// mimalloc: the reader and writers allocate many small strings; glibc's malloc/free
// was about a fifth of the instructions of a batch. Set here, not in the library, so
// that users of the library keep their own allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(cli::main())
}

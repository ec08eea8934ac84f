//! The `unres` command line. The library (`unres`) does the converting; this binary
//! parses arguments, walks folders, runs batches in parallel and writes files.

mod cli;

// mimalloc: the reader and writers allocate many small strings; glibc's malloc/free
// was about a fifth of the instructions of a batch. Set here, not in the library, so
// that users of the library keep their own allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    keep_freed_memory();
    std::process::exit(cli::main())
}

/// mimalloc gives freed pages back to the system 10 ms after they empty. A batch frees a
/// document's memory and takes it again for the next one a few milliseconds later, and
/// with transparent huge pages each return costs the zeroing of a fresh 2 MiB page on the
/// next touch: 12 % of a PDF batch's time in `clear_page_erms` (perf). Kept for a second,
/// the pages are reused while the batch runs and still returned when it idles.
fn keep_freed_memory() {
    // Index of `mi_option_purge_delay` in mimalloc 3's `mi_option_t` (the Rust binding
    // has no named constant for it).
    const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: sets a plain integer option before any thread other than this one exists.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 1000) }
}

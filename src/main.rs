// mimalloc: the reader and writers allocate many small strings; glibc's malloc/free
// was about a fifth of the instructions of a batch.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(unres::cli::main())
}

fn main() {
    std::process::exit(unres::cli::main())
}

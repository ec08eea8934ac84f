//! The command line: argument parsing and the subcommands; exit codes.
//!
//! Part of the binary, not of the library: the library never touches the file system
//! or the terminal. The arguments are in [`args`]; converting runs in [`batch`]; reading
//! a font folder in [`fonts`]; printing in [`out`].

mod args;
mod batch;
mod fonts;
mod out;

use args::{Cli, Command};
use clap::{CommandFactory, Parser};
use out::print_stdout;
use unres::write;

/// Runs the command line and returns the exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match cli.command {
        Command::Schema => {
            print!("{}", write::json_schema());
            0
        }
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "unres", &mut out);
            print_stdout(&out)
        }
        Command::Man => {
            let mut out = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut out) {
                Ok(()) => print_stdout(&out),
                Err(e) => {
                    eprintln!("unres: error: cannot render the manual page: {e}");
                    1
                }
            }
        }
        Command::Convert(args) => batch::convert(&args),
    }
}

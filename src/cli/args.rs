//! The command line's arguments (clap).

use clap::{Args, Parser, Subcommand};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use unres::read::Format;
use unres::write;

const EXAMPLES: &str = "\
Examples:
  unres convert A_RES_65_122.en.txt              every format, beside the current directory
  unres convert A_RES_65_122.en.txt --to md -o - print the Markdown
  unres convert corpus/ --to md,json -o out/     a folder tree, in parallel, structure kept
  unres convert corpus/ -o out/ -j 2 --json -q   two threads, a JSON summary for scripts
  unres convert - --from cleaned --to json -o -  standard input to standard output
  unres completions bash > ~/.local/share/bash-completion/completions/unres
  unres man > unres.1";

#[derive(Parser, Debug)]
#[command(
    name = "unres",
    version,
    about = "Convert United Nations resolutions to Akoma Ntoso XML, Markdown, PDF and JSON",
    after_help = EXAMPLES
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Convert resolutions to the chosen formats.
    #[command(after_help = EXAMPLES)]
    Convert(ConvertArgs),
    /// Print the JSON Schema of the resolution model.
    Schema,
    /// Print a shell completion script to standard output.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to standard output.
    Man,
}

#[derive(Args, Debug)]
pub struct ConvertArgs {
    /// Input files, directories (every *.txt, *.xml and *.pdf below them) or `-` for standard input.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output formats, comma-separated. Default: every available format.
    #[arg(long = "to", value_delimiter = ',')]
    pub to: Vec<String>,
    /// Output directory; `-` writes to standard output (one input, one format).
    #[arg(short = 'o', long = "output", default_value = ".")]
    pub output: PathBuf,
    /// Input format; detected when not given.
    #[arg(long = "from", value_parser = parse_format)]
    pub from: Option<Format>,
    /// Markdown: leave out the YAML front matter.
    #[arg(long)]
    pub no_front_matter: bool,
    /// Markdown and PDF: do not turn references into links.
    #[arg(long)]
    pub no_links: bool,
    /// AKN: the markup date (YYYY-MM-DD) recorded in the manifestation. Default: the day of
    /// SOURCE_DATE_EPOCH when it is set, else today (UTC)
    #[arg(long, value_parser = parse_date)]
    pub markup_date: Option<unres::model::Date>,
    /// PDF: paper size, `letter` (default, New York documents) or `a4`.
    #[arg(long, value_parser = parse_paper, default_value = "letter")]
    pub paper: write::PaperSize,
    /// PDF: a directory with a font family to use instead of the built-in
    /// Liberation Serif: *-Regular and, if it has them, *-Italic, *-Bold and
    /// *-BoldItalic .ttf/.otf files (e.g. Noto Serif SC for Chinese).
    #[arg(long, value_name = "DIR")]
    pub font_dir: Option<PathBuf>,
    /// PDF: hyphenate words at line ends (the UN print does not).
    #[arg(long)]
    pub hyphenate: bool,
    /// Threads for a batch. Default: one per core.
    #[arg(short = 'j', long = "jobs")]
    pub jobs: Option<NonZeroUsize>,
    /// No progress bar, no warnings, no summary: only errors.
    #[arg(short = 'q', long)]
    pub quiet: bool,
    /// Print a JSON summary of the run on standard output.
    #[arg(long)]
    pub json: bool,
}

fn parse_paper(s: &str) -> Result<write::PaperSize, String> {
    match s.to_ascii_lowercase().as_str() {
        "letter" => Ok(write::PaperSize::Letter),
        "a4" => Ok(write::PaperSize::A4),
        _ => Err(format!("unknown paper size '{s}' (expected letter or a4)")),
    }
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::from_name(s).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        format!(
            "unknown input format '{s}' (expected one of: {})",
            names.join(", ")
        )
    })
}

fn parse_date(s: &str) -> Result<unres::model::Date, String> {
    unres::model::Date::parse_iso(s).ok_or_else(|| format!("not a date (YYYY-MM-DD): {s}"))
}

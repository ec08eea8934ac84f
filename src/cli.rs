//! The command line: argument parsing, file handling, exit codes.
//!
//! The only module that touches the file system and the terminal.

use crate::diag::{Diagnostic, Severity};
use crate::read::{self, Format};
use crate::write::{self, WriteOptions, Writer};
use clap::{Args, Parser, Subcommand};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

#[derive(Parser, Debug)]
#[command(
    name = "unres",
    version,
    about = "Convert United Nations resolutions to Akoma Ntoso XML, Markdown, PDF and JSON"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Convert resolutions to the chosen formats.
    Convert(ConvertArgs),
    /// Print the JSON Schema of the resolution model.
    Schema,
}

#[derive(Args, Debug)]
pub struct ConvertArgs {
    /// Input files, directories (every *.txt below them) or `-` for standard input.
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
    /// AKN: the markup date (YYYY-MM-DD) recorded in the manifestation.
    #[arg(long, value_parser = parse_date)]
    pub markup_date: Option<crate::model::Date>,
    /// PDF: paper size, `letter` (default, New York documents) or `a4`.
    #[arg(long, value_parser = parse_paper, default_value = "letter")]
    pub paper: write::pdf::PaperSize,
    /// PDF: a directory with a serif family to use instead of the built-in
    /// Libertinus Serif: *-Regular, *-Italic, *-Bold and *-BoldItalic .ttf/.otf
    /// files (e.g. Liberation Serif).
    #[arg(long, value_name = "DIR")]
    pub font_dir: Option<PathBuf>,
}

fn parse_paper(s: &str) -> Result<write::pdf::PaperSize, String> {
    match s.to_ascii_lowercase().as_str() {
        "letter" => Ok(write::pdf::PaperSize::Letter),
        "a4" => Ok(write::pdf::PaperSize::A4),
        _ => Err(format!("unknown paper size '{s}' (expected letter or a4)")),
    }
}

/// Reads a font family from a directory: one file per style, found by its name's ending.
fn read_font_dir(dir: &Path) -> Result<write::pdf::FontFamily, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read font directory {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "ttf" | "otf"))
        })
        .collect();
    files.sort();
    let find = |suffix: &str| -> Result<Vec<u8>, String> {
        let path = files
            .iter()
            .find(|p| {
                p.file_stem()
                    .and_then(|s| s.to_str())
                    .is_some_and(|s| s.to_ascii_lowercase().ends_with(suffix))
            })
            .ok_or_else(|| {
                format!(
                    "no *{suffix}.ttf or *{suffix}.otf font in {}",
                    dir.display()
                )
            })?;
        std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    Ok(write::pdf::FontFamily {
        regular: find("-regular")?,
        italic: find("-italic")?,
        bold: find("-bold")?,
        bold_italic: find("-bolditalic")?,
    })
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

fn parse_date(s: &str) -> Result<crate::model::Date, String> {
    crate::model::Date::parse_iso(s).ok_or_else(|| format!("not a date (YYYY-MM-DD): {s}"))
}

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
            print!("{}", write::json::schema());
            0
        }
        Command::Convert(args) => convert(&args),
    }
}

/// One input to convert: where it comes from and where its outputs go.
struct Job {
    /// The path as shown in messages.
    display: String,
    source: Source,
    /// Output directory (relative structure kept for directory inputs).
    out_dir: PathBuf,
    /// Output file name without extension.
    stem: String,
}

enum Source {
    Stdin,
    File(PathBuf),
}

fn usage(msg: &str) -> i32 {
    eprintln!("unres: error: {msg}");
    2
}

fn convert(args: &ConvertArgs) -> i32 {
    let writers: Vec<&'static dyn Writer> = if args.to.is_empty() {
        write::WRITERS.to_vec()
    } else {
        let mut ws = Vec::new();
        for name in &args.to {
            match write::writer(name.trim()) {
                Some(w) if !ws.iter().any(|x: &&dyn Writer| x.name() == w.name()) => ws.push(w),
                Some(_) => {}
                None => {
                    let names: Vec<&str> = write::WRITERS.iter().map(|w| w.name()).collect();
                    return usage(&format!(
                        "unknown output format '{name}' (available: {})",
                        names.join(", ")
                    ));
                }
            }
        }
        ws
    };
    let to_stdout = args.output.as_os_str() == "-";
    let mut failed = false;
    let jobs = match collect_jobs(args, &mut failed) {
        Ok(j) => j,
        Err(code) => return code,
    };
    if to_stdout && (jobs.len() != 1 || writers.len() != 1) {
        return usage("-o - needs exactly one input and one output format");
    }
    let font_family = match &args.font_dir {
        None => None,
        Some(dir) => match read_font_dir(dir) {
            Ok(f) => Some(std::sync::Arc::new(f)),
            Err(e) => return usage(&e),
        },
    };
    let opts = WriteOptions {
        links: !args.no_links,
        front_matter: !args.no_front_matter,
        markup_date: args.markup_date,
        paper: args.paper,
        font_family,
    };
    for job in &jobs {
        if !convert_one(job, args.from, &writers, &opts, to_stdout) {
            failed = true;
        }
    }
    i32::from(failed)
}

fn collect_jobs(args: &ConvertArgs, failed: &mut bool) -> Result<Vec<Job>, i32> {
    let mut jobs = Vec::new();
    let mut stdin_seen = false;
    for input in &args.inputs {
        if input.as_os_str() == "-" {
            if stdin_seen {
                return Err(usage("standard input given twice"));
            }
            stdin_seen = true;
            jobs.push(Job {
                display: "<stdin>".into(),
                source: Source::Stdin,
                out_dir: args.output.clone(),
                stem: "stdin".into(),
            });
        } else if input.is_dir() {
            let mut files = Vec::new();
            if let Err(e) = walk_txt(input, &mut files) {
                eprintln!("{}:0: error: {e}", input.display());
                *failed = true;
            }
            files.sort();
            for f in files {
                let rel_dir = f
                    .parent()
                    .and_then(|p| p.strip_prefix(input).ok())
                    .unwrap_or(Path::new(""));
                jobs.push(Job {
                    display: f.display().to_string(),
                    stem: stem_of(&f),
                    out_dir: args.output.join(rel_dir),
                    source: Source::File(f),
                });
            }
        } else {
            jobs.push(Job {
                display: input.display().to_string(),
                stem: stem_of(input),
                out_dir: args.output.clone(),
                source: Source::File(input.clone()),
            });
        }
    }
    Ok(jobs)
}

fn walk_txt(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk_txt(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
    Ok(())
}

/// The file name without its last extension.
fn stem_of(p: &Path) -> String {
    p.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into())
}

fn report(display: &str, diags: &[Diagnostic]) {
    let stderr = std::io::stderr();
    let mut e = stderr.lock();
    for d in diags {
        let _ = writeln!(e, "{}", d.display(display));
    }
}

fn convert_one(
    job: &Job,
    from: Option<Format>,
    writers: &[&dyn Writer],
    opts: &WriteOptions,
    to_stdout: bool,
) -> bool {
    let bytes = match &job.source {
        Source::Stdin => {
            let mut b = Vec::new();
            std::io::stdin().read_to_end(&mut b).map(|_| b)
        }
        Source::File(p) => std::fs::read(p),
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            report(
                &job.display,
                &[Diagnostic::error(0, format!("cannot read: {e}"))],
            );
            return false;
        }
    };
    let out = match read::read_bytes(&bytes, from) {
        Ok(o) => o,
        Err(e) => {
            report(&job.display, &[Diagnostic::error(e.line, e.message)]);
            return false;
        }
    };
    report(&job.display, &out.diagnostics);
    if out
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error)
    {
        return false;
    }
    let mut ok = true;
    for w in writers {
        let bytes = match w.write(&out.doc, opts) {
            Ok(b) => b,
            Err(e) => {
                report(
                    &job.display,
                    &[Diagnostic::error(0, format!("{} output: {e}", w.name()))],
                );
                ok = false;
                continue;
            }
        };
        let res = if to_stdout {
            std::io::stdout().lock().write_all(&bytes)
        } else {
            let path = job.out_dir.join(format!("{}.{}", job.stem, w.extension()));
            write_atomic(&path, &bytes)
        };
        if let Err(e) = res {
            report(
                &job.display,
                &[Diagnostic::error(
                    0,
                    format!("cannot write {} output: {e}", w.name()),
                )],
            );
            ok = false;
        }
    }
    ok
}

/// Writes to a temporary file beside `path`, then renames it into place.
fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

//! The command line: argument parsing, file handling, batch runs, exit codes.
//!
//! The only module that touches the file system and the terminal.
//!
//! A batch (a directory, or several inputs) runs in parallel on a rayon pool
//! (`-j N`), one document at a time per thread: read, render every output in
//! memory, write each through a temporary file and a rename, then drop it all.
//! What is kept per document is its path (to refuse two inputs that would
//! write the same output) and, for a failure, one line for the summary.

use crate::diag::{Diagnostic, Severity};
use crate::read::{self, Format};
use crate::write::{self, WriteOptions, Writer};
use clap::{Args, CommandFactory, Parser, Subcommand};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{IsTerminal, Read, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Instant;

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
    /// Input files, directories (every *.txt and *.pdf below them) or `-` for standard input.
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
    /// PDF: a directory with a font family to use instead of the built-in
    /// Libertinus Serif: *-Regular and, if it has them, *-Italic, *-Bold and
    /// *-BoldItalic .ttf/.otf files (e.g. Liberation Serif; Noto Serif SC for Chinese).
    #[arg(long, value_name = "DIR")]
    pub font_dir: Option<PathBuf>,
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
    let stems: Vec<String> = files
        .iter()
        .map(|p| {
            p.file_stem()
                .and_then(|s| s.to_str())
                .map(str::to_ascii_lowercase)
                .unwrap_or_default()
        })
        .collect();
    let Some(styles) = choose_family(&stems) else {
        return Err(format!(
            "no font family in {} (a regular face named *-Regular.ttf/.otf or without a style \
             ending, and optionally *-Italic, *-Bold, *-BoldItalic)",
            dir.display()
        ));
    };
    let read = |i: usize| -> Result<Vec<u8>, String> {
        let path = files.get(i).ok_or("font file list changed")?;
        std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    Ok(write::pdf::FontFamily {
        regular: read(styles[0])?,
        italic: read(styles[1])?,
        bold: read(styles[2])?,
        bold_italic: read(styles[3])?,
    })
}

/// Style endings of font file names (lowercase), by style: regular, italic, bold, bold italic.
const STYLE_ENDINGS: [&[&str]; 4] = [
    &["-regular", "-book", "-roman", ""],
    &["-italic", "-oblique"],
    &["-bold"],
    &["-bolditalic", "-boldoblique"],
];

/// Picks a family among font file stems (lowercase) and returns the index of the file for
/// each style: regular, italic, bold, bold italic. A family is a regular face and whatever
/// styles it has; a missing style falls back (bold italic to bold, else italic; the others
/// to regular), as fonts for Chinese and Japanese come without italics. The family with the
/// most styles is taken, a serif (the UN print is set in one) before others, then by name.
fn choose_family(stems: &[String]) -> Option<[usize; 4]> {
    let find = |family: &str, style: usize| {
        STYLE_ENDINGS[style].iter().find_map(|end| {
            stems
                .iter()
                .position(|s| s.strip_suffix(end) == Some(family))
        })
    };
    let mut best: Option<(usize, bool, [usize; 4])> = None;
    for (i, stem) in stems.iter().enumerate() {
        // A face is regular if its stem is a family name plus a regular ending, and the
        // family is not itself another face's style ("x-bold" is not the family of "x-bold").
        let family = STYLE_ENDINGS[0]
            .iter()
            .find_map(|end| stem.strip_suffix(end).filter(|f| !f.is_empty()));
        let Some(family) = family else { continue };
        let is_style = STYLE_ENDINGS[1..]
            .iter()
            .flat_map(|e| e.iter())
            .any(|end| family.ends_with(end));
        if is_style || find(family, 0) != Some(i) {
            continue;
        }
        let (italic, bold, bold_italic) = (find(family, 1), find(family, 2), find(family, 3));
        let count = [italic, bold, bold_italic].iter().flatten().count();
        let serif = family.contains("serif") && !family.contains("sans");
        let styles = [
            i,
            italic.unwrap_or(i),
            bold.unwrap_or(i),
            bold_italic.or(bold).or(italic).unwrap_or(i),
        ];
        if best.is_none_or(|(c, s, _)| (count, serif) > (c, s)) {
            best = Some((count, serif, styles));
        }
    }
    best.map(|(_, _, styles)| styles)
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
        Command::Convert(args) => convert(&args),
    }
}

fn print_stdout(bytes: &[u8]) -> i32 {
    match std::io::stdout().lock().write_all(bytes) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("unres: error: cannot write to standard output: {e}");
            1
        }
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
    /// An earlier input that writes the same output file: this one is refused.
    conflict: Option<String>,
}

enum Source {
    Stdin,
    File(PathBuf),
    /// A directory that could not be listed: a failure of its own.
    Unreadable(String),
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
    let (jobs, batch) = match collect_jobs(args, &writers, to_stdout) {
        Ok(j) => j,
        Err(code) => return code,
    };
    if to_stdout && (jobs.len() != 1 || writers.len() != 1 || args.json) {
        return usage("-o - needs exactly one input and one output format, and no --json");
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
    let started = Instant::now();
    let progress = (batch && !args.quiet && std::io::stderr().is_terminal())
        .then(|| progress_bar(jobs.len() as u64));
    let run = Run {
        from: args.from,
        writers: &writers,
        opts: &opts,
        to_stdout,
        quiet: args.quiet,
        progress,
        summary: Mutex::new(Summary::default()),
    };
    if jobs.len() <= 1 {
        jobs.iter().for_each(|j| run.job(j));
    } else {
        let mut pool = rayon::ThreadPoolBuilder::new();
        if let Some(n) = args.jobs {
            pool = pool.num_threads(n.get());
        }
        match pool.build() {
            Ok(pool) => pool.install(|| jobs.par_iter().for_each(|j| run.job(j))),
            // No threads to be had: the same work, one after the other.
            Err(_) => jobs.iter().for_each(|j| run.job(j)),
        }
    }
    if let Some(pb) = &run.progress {
        pb.finish_and_clear();
    }
    let mut summary = run
        .summary
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    summary.failures.sort_by(|a, b| a.path.cmp(&b.path));
    if args.json {
        let mut out = serde_json::to_vec_pretty(&summary).unwrap_or_default();
        out.push(b'\n');
        print_stdout(&out);
    } else if batch && !args.quiet {
        eprint!("{}", summary.human(started.elapsed().as_secs_f64()));
    }
    i32::from(summary.failed > 0)
}

/// Every input as a job, in order: command-line order, files sorted within a directory.
/// The flag says whether this is a batch (a directory or several inputs).
fn collect_jobs(
    args: &ConvertArgs,
    writers: &[&dyn Writer],
    to_stdout: bool,
) -> Result<(Vec<Job>, bool), i32> {
    let mut jobs = Vec::new();
    let mut batch = args.inputs.len() > 1;
    let mut stdin_seen = false;
    for input in &args.inputs {
        if input.as_os_str() == "-" {
            if stdin_seen {
                return Err(usage("standard input given twice"));
            }
            stdin_seen = true;
            jobs.push(Job::new(
                "<stdin>".into(),
                Source::Stdin,
                &args.output,
                "stdin",
            ));
        } else if input.is_dir() {
            batch = true;
            let mut files = Vec::new();
            if let Err(e) = walk_txt(input, &mut files) {
                let msg = format!("cannot list the directory: {e}");
                let display = input.display().to_string();
                jobs.push(Job::new(display, Source::Unreadable(msg), &args.output, ""));
            }
            files.sort();
            for f in files {
                let rel_dir = f
                    .parent()
                    .and_then(|p| p.strip_prefix(input).ok())
                    .unwrap_or(Path::new(""));
                let out_dir = args.output.join(rel_dir);
                let display = f.display().to_string();
                jobs.push(Job::new(
                    display,
                    Source::File(f.clone()),
                    &out_dir,
                    &stem_of(&f),
                ));
            }
        } else {
            let display = input.display().to_string();
            let source = Source::File(input.clone());
            jobs.push(Job::new(display, source, &args.output, &stem_of(input)));
        }
    }
    if !to_stdout && jobs.len() > 1 {
        mark_conflicts(&mut jobs, writers);
    }
    Ok((jobs, batch))
}

impl Job {
    fn new(display: String, source: Source, out_dir: &Path, stem: &str) -> Job {
        Job {
            display,
            source,
            out_dir: out_dir.to_path_buf(),
            stem: stem.to_string(),
            conflict: None,
        }
    }

    fn output(&self, w: &dyn Writer) -> PathBuf {
        self.out_dir
            .join(format!("{}.{}", self.stem, w.extension()))
    }
}

/// Marks each job that would write a file an earlier job writes.
fn mark_conflicts(jobs: &mut [Job], writers: &[&dyn Writer]) {
    let mut seen: HashMap<PathBuf, usize> = HashMap::new();
    for i in 0..jobs.len() {
        if matches!(jobs[i].source, Source::Unreadable(_)) {
            continue;
        }
        let mut conflict = None;
        for w in writers {
            let out = jobs[i].output(*w);
            match seen.get(&out) {
                Some(&first) if conflict.is_none() => {
                    conflict = Some(format!(
                        "output {} would overwrite the output of {}; nothing written",
                        out.display(),
                        jobs[first].display
                    ));
                }
                Some(_) => {}
                None => {
                    seen.insert(out, i);
                }
            }
        }
        jobs[i].conflict = conflict;
    }
}

fn walk_txt(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk_txt(&path, out)?;
        } else if path
            .extension()
            .is_some_and(|e| e == "txt" || e.eq_ignore_ascii_case("pdf"))
        {
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

fn progress_bar(len: u64) -> indicatif::ProgressBar {
    let pb = indicatif::ProgressBar::with_draw_target(
        Some(len),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{bar:40} {pos}/{len} documents, {per_sec}, {elapsed} (eta {eta})",
    ) {
        pb.set_style(style);
    }
    pb
}

/// What a batch ends with: counts, and the failures with their paths.
#[derive(Debug, Default, serde::Serialize)]
struct Summary {
    /// Inputs seen (files, standard input, unreadable directories).
    inputs: usize,
    /// Inputs whose every output was written.
    converted: usize,
    failed: usize,
    /// Output files written.
    outputs: usize,
    /// Warnings, over all inputs.
    warnings: usize,
    /// Inputs with at least one warning.
    documents_with_warnings: usize,
    failures: Vec<Failure>,
}

#[derive(Debug, serde::Serialize)]
struct Failure {
    path: String,
    line: usize,
    message: String,
}

impl Summary {
    fn human(&self, seconds: f64) -> String {
        let mut s = format!(
            "unres: {} of {} converted ({} files written), {} failed, {} warnings in {} documents, {:.2} s\n",
            self.converted,
            self.inputs,
            self.outputs,
            self.failed,
            self.warnings,
            self.documents_with_warnings,
            seconds
        );
        for f in &self.failures {
            s.push_str(&format!(
                "  failed: {}:{}: {}\n",
                f.path,
                f.line.max(1),
                f.message
            ));
        }
        s
    }
}

/// What one input came to.
struct Outcome {
    warnings: usize,
    outputs: usize,
    /// The first error, if the input failed.
    error: Option<Diagnostic>,
}

/// The shared state of a run: options, progress, the running summary.
struct Run<'a> {
    from: Option<Format>,
    writers: &'a [&'a dyn Writer],
    opts: &'a WriteOptions,
    to_stdout: bool,
    quiet: bool,
    progress: Option<indicatif::ProgressBar>,
    summary: Mutex<Summary>,
}

impl Run<'_> {
    /// Converts one input, never panicking out: a panic in a reader or a writer fails this input only.
    fn job(&self, job: &Job) {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.convert(job)))
            .unwrap_or_else(|_| {
                let d = Diagnostic::error(0, "internal error (a bug in unres): the conversion panicked; please report this input");
                self.report(&job.display, std::slice::from_ref(&d));
                Outcome {
                    warnings: 0,
                    outputs: 0,
                    error: Some(d),
                }
            });
        let mut s = self
            .summary
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        s.inputs += 1;
        s.outputs += outcome.outputs;
        s.warnings += outcome.warnings;
        s.documents_with_warnings += usize::from(outcome.warnings > 0);
        match outcome.error {
            None => s.converted += 1,
            Some(d) => {
                s.failed += 1;
                s.failures.push(Failure {
                    path: job.display.clone(),
                    line: d.line,
                    message: d.message,
                });
            }
        }
        drop(s);
        if let Some(pb) = &self.progress {
            pb.inc(1);
        }
    }

    /// Prints diagnostics, errors always, warnings unless quiet; above the progress bar.
    fn report(&self, display: &str, diags: &[Diagnostic]) {
        let print = || {
            let stderr = std::io::stderr();
            let mut e = stderr.lock();
            for d in diags {
                if !self.quiet || d.severity == Severity::Error {
                    let _ = writeln!(e, "{}", d.display(display));
                }
            }
        };
        match &self.progress {
            Some(pb) => pb.suspend(print),
            None => print(),
        }
    }

    fn fail(&self, display: &str, d: Diagnostic, warnings: usize) -> Outcome {
        self.report(display, std::slice::from_ref(&d));
        Outcome {
            warnings,
            outputs: 0,
            error: Some(d),
        }
    }

    fn convert(&self, job: &Job) -> Outcome {
        if let Some(msg) = &job.conflict {
            return self.fail(&job.display, Diagnostic::error(0, msg.clone()), 0);
        }
        let bytes = match &job.source {
            Source::Stdin => read_limited(std::io::stdin().lock(), 0),
            Source::File(p) => std::fs::File::open(p).and_then(|f| {
                let size = f.metadata().map(|m| m.len()).unwrap_or(0);
                read_limited(f, size)
            }),
            Source::Unreadable(msg) => {
                return self.fail(&job.display, Diagnostic::error(0, msg.clone()), 0)
            }
        };
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => {
                let d = Diagnostic::error(0, format!("cannot read: {e}"));
                return self.fail(&job.display, d, 0);
            }
        };
        let out = match read::read_bytes(&bytes, self.from) {
            Ok(o) => o,
            Err(e) => return self.fail(&job.display, Diagnostic::error(e.line, e.message), 0),
        };
        drop(bytes);
        self.report(&job.display, &out.diagnostics);
        let warnings = out
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count();
        if let Some(d) = out
            .diagnostics
            .iter()
            .find(|d| d.severity == Severity::Error)
        {
            return Outcome {
                warnings,
                outputs: 0,
                error: Some(d.clone()),
            };
        }
        // Every output is rendered before any is written: a writer's error leaves no file behind.
        let mut rendered = Vec::with_capacity(self.writers.len());
        let mut notes = Vec::new();
        let mut warnings = warnings;
        for w in self.writers {
            match w.write_noting(&out.doc, self.opts, &mut notes) {
                Ok(b) => {
                    let d: Vec<Diagnostic> = notes
                        .drain(..)
                        .map(|n| Diagnostic::warning(0, format!("{} output: {n}", w.name())))
                        .collect();
                    warnings += d.len();
                    self.report(&job.display, &d);
                    rendered.push((*w, b));
                }
                Err(e) => {
                    let d = Diagnostic::error(0, format!("{} output: {e}", w.name()));
                    return self.fail(&job.display, d, warnings);
                }
            }
        }
        drop(out);
        // Every output goes to the job's folder: made once, not once per file.
        if !self.to_stdout && !job.out_dir.as_os_str().is_empty() {
            if let Err(e) = std::fs::create_dir_all(&job.out_dir) {
                let msg = format!("cannot create folder {}: {e}", job.out_dir.display());
                return self.fail(&job.display, Diagnostic::error(0, msg), warnings);
            }
        }
        let mut outputs = 0;
        for (w, bytes) in rendered {
            let res = if self.to_stdout {
                std::io::stdout().lock().write_all(&bytes)
            } else {
                write_atomic(&job.output(w), &bytes)
            };
            match res {
                Ok(()) => outputs += 1,
                Err(e) => {
                    let d = Diagnostic::error(0, format!("cannot write {} output: {e}", w.name()));
                    self.report(&job.display, std::slice::from_ref(&d));
                    return Outcome {
                        warnings,
                        outputs,
                        error: Some(d),
                    };
                }
            }
        }
        Outcome {
            warnings,
            outputs,
            error: None,
        }
    }
}

/// The largest input read: far above any resolution (the largest corpus text is 29 KB),
/// and a clear refusal instead of minutes of work on a file that is not one.
pub const MAX_INPUT_BYTES: u64 = 16 << 20;

/// Reads everything, or fails when there is more than [`MAX_INPUT_BYTES`]. `size`, when
/// known (a file's length), sizes the buffer so that one read takes the input whole and
/// one more sees its end, and refuses too large an input before reading it.
fn read_limited(r: impl Read, size: u64) -> std::io::Result<Vec<u8>> {
    if size > MAX_INPUT_BYTES {
        return Err(too_large());
    }
    let mut b = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    r.take(MAX_INPUT_BYTES + 1).read_to_end(&mut b)?;
    if b.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_large());
    }
    Ok(b)
}

fn too_large() -> std::io::Error {
    std::io::Error::other(format!(
        "input too large (over {} MiB); not a resolution",
        MAX_INPUT_BYTES >> 20
    ))
}

/// Writes to a temporary file beside `path`, then renames it into place: a reader of
/// `path` sees the old file or the whole new one, never a part, even if unres is killed.
///
/// No fsync: it costs about 3 ms a file here (three files a document would cap a batch
/// near 100 documents a second), and guards only against a power cut, like `cp` or pandoc.
/// The caller has made the folder.
fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    static TMP_COUNTER: AtomicU64 = AtomicU64::new(0);
    static PID: std::sync::OnceLock<u32> = std::sync::OnceLock::new();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let n = TMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = path.with_file_name(format!(
        ".{name}.{}-{n}.tmp",
        PID.get_or_init(std::process::id)
    ));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick(names: &[&str]) -> Option<[String; 4]> {
        let stems: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        choose_family(&stems).map(|i| i.map(|i| stems[i].clone()))
    }

    #[test]
    fn font_family_chosen_from_a_folder() {
        // Debian's liberation2: three whole families, the serif taken.
        let lib = [
            "liberationmono-bold",
            "liberationmono-bolditalic",
            "liberationmono-italic",
            "liberationmono-regular",
            "liberationsans-bold",
            "liberationsans-bolditalic",
            "liberationsans-italic",
            "liberationsans-regular",
            "liberationserif-bold",
            "liberationserif-bolditalic",
            "liberationserif-italic",
            "liberationserif-regular",
        ];
        assert_eq!(
            pick(&lib).unwrap(),
            [
                "liberationserif-regular",
                "liberationserif-italic",
                "liberationserif-bold",
                "liberationserif-bolditalic"
            ]
        );
        // DejaVu: no "-Regular", obliques, a condensed family beside.
        let dejavu = [
            "dejavusans",
            "dejavusans-bold",
            "dejavusans-boldoblique",
            "dejavusans-oblique",
            "dejavusanscondensed",
            "dejavusanscondensed-bold",
            "dejavuserif",
            "dejavuserif-bold",
            "dejavuserif-bolditalic",
            "dejavuserif-italic",
        ];
        assert_eq!(
            pick(&dejavu).unwrap(),
            [
                "dejavuserif",
                "dejavuserif-italic",
                "dejavuserif-bold",
                "dejavuserif-bolditalic"
            ]
        );
        // A Chinese family without italics: italic falls back to regular, bold italic to bold.
        let cjk = [
            "notoserifsc-bold",
            "notoserifsc-light",
            "notoserifsc-regular",
        ];
        assert_eq!(
            pick(&cjk).unwrap(),
            [
                "notoserifsc-regular",
                "notoserifsc-regular",
                "notoserifsc-bold",
                "notoserifsc-bold"
            ]
        );
        // Styles without their regular face are no family.
        assert_eq!(pick(&["x-bold", "x-italic", "x-bolditalic"]), None);
        assert_eq!(pick(&[]), None);
    }
}

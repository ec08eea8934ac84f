//! Converting: the inputs as jobs, each read, rendered and written; the summary.
//!
//! A batch (a directory, or several inputs) runs in parallel on a rayon pool
//! (`-j N`), one document at a time per thread: read, render every output in
//! memory, write each through a temporary file and a rename, then drop it all.
//! What is kept per document is its path (to refuse two inputs that would
//! write the same output) and, for a failure, one line for the summary.

use super::args::ConvertArgs;
use super::out::{print_stdout, usage};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Instant;
use unres::diag::{Diagnostic, Severity};
use unres::read::{self, Format};
use unres::write::{self, WriteOptions, Writer};

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

pub(crate) fn convert(args: &ConvertArgs) -> i32 {
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
        Some(dir) => match super::fonts::read_font_dir(dir) {
            Ok(f) => Some(std::sync::Arc::new(f)),
            Err(e) => return usage(&e),
        },
    };
    let markup_date = match args.markup_date {
        Some(d) => Some(d),
        None if !writers.iter().any(|w| w.name() == "akn") => None,
        None => match conversion_date() {
            Ok(d) => Some(d),
            Err(e) => return usage(&e),
        },
    };
    let opts = WriteOptions {
        links: !args.no_links,
        front_matter: !args.no_front_matter,
        markup_date,
        paper: args.paper,
        font_family,
        hyphenate: args.hyphenate,
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
/// The AKN markup date when `--markup-date` is not given: the day of `SOURCE_DATE_EPOCH`
/// (seconds since 1970, UTC) when it is set, so that the output is reproducible; else today (UTC).
fn conversion_date() -> Result<unres::model::Date, String> {
    let secs = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) if !v.trim().is_empty() => v.trim().parse::<i64>().map_err(|_| {
            format!("SOURCE_DATE_EPOCH must be a number of seconds since 1970, not '{v}'")
        })?,
        _ => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX)),
    };
    date_of_epoch(secs)
        .ok_or_else(|| format!("SOURCE_DATE_EPOCH {secs} is not a date of years 1–9999"))
}

/// The UTC day of a Unix time (days to civil date, H. Hinnant's algorithm).
fn date_of_epoch(secs: i64) -> Option<unres::model::Date> {
    let z = secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    unres::model::Date::new(
        u16::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    )
}

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
            if let Err(e) = walk_inputs(input, &mut files) {
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

fn walk_inputs(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk_inputs(&path, out)?;
        } else if path
            .extension()
            .is_some_and(|e| e == "txt" || e == "xml" || e.eq_ignore_ascii_case("pdf"))
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
            Err(e) => {
                let d = Diagnostic::error(e.line, e.message).with_column(e.column);
                return self.fail(&job.display, d, 0);
            }
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
#[test]
fn epoch_seconds_give_the_utc_day() {
    use unres::model::Date;
    assert_eq!(date_of_epoch(0), Date::new(1970, 1, 1));
    assert_eq!(date_of_epoch(951_782_400), Date::new(2000, 2, 29));
    assert_eq!(date_of_epoch(1_733_529_599), Date::new(2024, 12, 6));
    assert_eq!(date_of_epoch(-86_400), Date::new(1969, 12, 31));
}

//! `unres convert DIR` as a batch, through the built binary: folder structure kept,
//! the same bytes whatever the thread count, collisions refused, the summary, quiet
//! runs; and the command-line polish (completions, man, version, help).

mod common;

use common::{TempDir, SMALL_RESOLUTION};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn unres(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_unres"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run unres");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    out
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temp path")
}

/// A tree of small documents: `n` under `a/`, `n` under `b/c/`, and one bad file.
fn tree(root: &Path, n: usize) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for (dir, k) in [("a", 0), ("b/c", 1)] {
        let d = root.join(dir);
        std::fs::create_dir_all(&d).expect("mkdir");
        for i in 0..n {
            let p = d.join(format!("doc{i}.txt"));
            let text = SMALL_RESOLUTION.replace("Notes the", &format!("Notes ({k}, {i}) the"));
            std::fs::write(&p, text).expect("write");
            files.push(p);
        }
    }
    std::fs::write(root.join("a/not-text.md"), "ignored: not *.txt").expect("write");
    std::fs::write(root.join("b/bad.txt"), b"\0\0\0").expect("write");
    files
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(files_under(&p));
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_tree_keeps_its_structure_and_the_same_bytes_whatever_the_threads() {
    let tmp = TempDir::new("tree");
    let input = tmp.0.join("in");
    let files = tree(&input, 12);
    let one = tmp.0.join("one");
    let two = tmp.0.join("two");
    let r1 = unres(&["convert", s(&input), "-o", s(&one), "-j", "1"]);
    let r2 = unres(&["convert", s(&input), "-o", s(&two), "-j", "2"]);
    assert_eq!(r1.status.code(), Some(1), "the bad file fails the run");
    assert_eq!(r2.status.code(), Some(1));
    let mut expected = Vec::new();
    for f in &files {
        let rel = f
            .strip_prefix(&input)
            .expect("under input")
            .with_extension("");
        for w in unres::write::WRITERS {
            expected.push(one.join(format!("{}.{}", rel.display(), w.extension())));
        }
    }
    expected.sort();
    assert_eq!(files_under(&one), expected);
    for f in &expected {
        let g = two.join(f.strip_prefix(&one).expect("under one"));
        assert_eq!(
            std::fs::read(f).expect("read"),
            std::fs::read(&g).expect("read"),
            "{} differs between -j 1 and -j 2",
            g.display()
        );
    }
    // Every document's own text went to its own output.
    let json = one.join("b/c/doc7.json");
    let text = std::fs::read_to_string(&json).expect("read");
    assert!(text.contains("(1, 7)") && !text.contains("(0, 7)"));
    // The summary, on standard error: counts and the failure with its path.
    let stderr = String::from_utf8_lossy(&r2.stderr);
    let n = files.len();
    assert!(
        stderr.contains(&format!("unres: {n} of {} converted", n + 1)),
        "{stderr}"
    );
    let bad = input.join("b/bad.txt");
    assert!(stderr.contains(&format!("  failed: {}:1: binary data", bad.display())));
    // Not a terminal: no progress bar drawn.
    assert!(
        !stderr.contains('\r') && !stderr.contains('\x1b'),
        "{stderr:?}"
    );
}

#[test]
fn json_summary_and_quiet() {
    let tmp = TempDir::new("json");
    let input = tmp.0.join("in");
    let files = tree(&input, 3);
    // One warning: a Windows-1252 quote in a file that is otherwise UTF-8 text.
    let (head, tail) = SMALL_RESOLUTION.split_once("Notes").expect("Notes");
    let warn = [head.as_bytes(), b"Notes \x93quoted\x94", tail.as_bytes()].concat();
    std::fs::write(input.join("a/warn.txt"), warn).expect("write");
    let out = unres(&[
        "convert",
        s(&input),
        "-o",
        s(&tmp.0.join("out")),
        "--json",
        "-q",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let converted = files.len() + 1;
    assert_eq!(v["inputs"], converted + 1);
    assert_eq!(v["converted"], converted);
    assert_eq!(v["failed"], 1);
    assert_eq!(v["outputs"], converted * unres::write::WRITERS.len());
    assert_eq!(v["warnings"], 1);
    assert_eq!(v["documents_with_warnings"], 1);
    assert_eq!(
        v["failures"][0]["path"],
        s(&input.join("b/bad.txt")).to_string()
    );
    // Quiet: the error line only, no warning, no summary.
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(lines[0].contains(": error: binary data"), "{stderr}");
}

#[test]
fn two_inputs_writing_the_same_file_the_later_one_fails() {
    let tmp = TempDir::new("collide");
    for d in ["x", "y"] {
        std::fs::create_dir_all(tmp.0.join(d)).expect("mkdir");
        let text = SMALL_RESOLUTION.replace("Notes the", &format!("Notes {d} the"));
        std::fs::write(tmp.0.join(d).join("same.txt"), text).expect("write");
    }
    let out_dir = tmp.0.join("out");
    let x = tmp.0.join("x");
    let y = tmp.0.join("y");
    let out = unres(&["convert", s(&x), s(&y), "-o", s(&out_dir), "-j", "2"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let later = y.join("same.txt");
    let earlier = x.join("same.txt");
    assert!(
        stderr.contains(&format!(
            "{}:1: error: output {}",
            later.display(),
            out_dir.join("same.").display()
        )) && stderr.contains(&format!(
            "would overwrite the output of {}",
            earlier.display()
        )),
        "{stderr}"
    );
    let json = std::fs::read_to_string(out_dir.join("same.json")).expect("first output");
    assert!(json.contains(" x the"), "{json}");
    assert!(!json.contains(" y the"));
    assert_eq!(files_under(&out_dir).len(), unres::write::WRITERS.len());
}

#[test]
fn a_single_file_is_quiet_and_stdout_rules_hold() {
    let tmp = TempDir::new("single");
    let f = tmp.0.join("one.txt");
    std::fs::write(&f, SMALL_RESOLUTION).expect("write");
    let out = unres(&["convert", s(&f), "-o", s(&tmp.0.join("out"))]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty() && out.stdout.is_empty());
    let out = unres(&["convert", s(&f), "-o", "-", "--to", "json", "--json"]);
    assert_eq!(out.status.code(), Some(2));
    let out = unres(&["convert", s(&f), "-j", "0"]);
    assert_eq!(out.status.code(), Some(2), "-j 0 is a usage error");
}

#[test]
fn completions_man_version_help() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = unres(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("unres") && text.contains("convert"),
            "{shell}"
        );
        assert!(
            text.contains("--jobs") || text.contains("-l jobs"),
            "{shell}: convert's flags completed"
        );
    }
    assert_eq!(unres(&["completions", "tcsh"]).status.code(), Some(2));
    let man = unres(&["man"]);
    assert_eq!(man.status.code(), Some(0));
    let man = String::from_utf8_lossy(&man.stdout);
    assert!(man.starts_with(".ie") || man.starts_with(".TH"), "{man}");
    assert!(man.contains(".TH unres 1") && man.contains("convert"));
    let v = unres(&["--version"]);
    assert_eq!(
        String::from_utf8_lossy(&v.stdout).trim(),
        format!("unres {}", env!("CARGO_PKG_VERSION"))
    );
    for args in [&["--help"][..], &["convert", "--help"]] {
        let h = unres(args);
        assert_eq!(h.status.code(), Some(0));
        let h = String::from_utf8_lossy(&h.stdout);
        assert!(
            h.contains("Examples:") && h.contains("unres convert corpus/"),
            "{h}"
        );
    }
}

/// The shared corpus as a batch: every document converted, the same bytes as one at a time.
#[test]
fn corpus_batch_matches_single_runs() {
    let Some(shared) = common::shared("corpus_batch_matches_single_runs") else {
        return;
    };
    let tmp = TempDir::new("corpus");
    let input = tmp.0.join("in");
    std::fs::create_dir_all(&input).expect("mkdir");
    let docs = common::documents(&shared);
    for d in &docs {
        std::fs::copy(d, input.join(d.file_name().expect("name"))).expect("copy");
    }
    let batch = tmp.0.join("batch");
    let out = unres(&["convert", s(&input), "-o", s(&batch), "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["inputs"], docs.len());
    assert_eq!(v["failed"], 0, "{v}");
    let single = tmp.0.join("single");
    for d in docs.iter().take(4) {
        let r = unres(&["convert", s(d), "-o", s(&single)]);
        assert_eq!(r.status.code(), Some(0));
    }
    for f in files_under(&single) {
        let b = batch.join(f.file_name().expect("name"));
        assert_eq!(
            std::fs::read(&f).ok(),
            std::fs::read(&b).ok(),
            "{}",
            b.display()
        );
    }
}

/// An output folder that cannot be made (a file is in its place) fails the documents that
/// go there, with the folder named, and no others.
#[test]
fn an_output_folder_that_cannot_be_made_fails_only_its_documents() {
    let tmp = TempDir::new("blocked");
    let input = tmp.0.join("in");
    tree(&input, 2);
    let out = tmp.0.join("out");
    std::fs::create_dir_all(out.join("b")).expect("mkdir");
    std::fs::write(out.join("b/c"), "a file where a folder goes").expect("write");
    let r = unres(&["convert", s(&input), "-o", s(&out), "--to", "md", "-j", "1"]);
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("b/c/doc0.txt:") && stderr.contains("cannot create folder"),
        "{stderr}"
    );
    assert!(
        out.join("a/doc0.md").is_file() && out.join("a/doc1.md").is_file(),
        "{stderr}"
    );
    let blocked = files_under(&out.join("b"));
    assert_eq!(
        blocked,
        vec![out.join("b/c")],
        "nothing else under b/: {blocked:?}"
    );
}

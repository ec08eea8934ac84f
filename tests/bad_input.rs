//! Bad input, end to end through the built binary: each input gets a clear
//! `PATH:LINE: error: …` (exit 1, no output file) or a correct output, never a
//! panic or a hang. The inputs are generated here, in temporary folders.

mod common;

use common::{TempDir, SMALL_RESOLUTION};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};
use unres::model::{Block, Paragraph, Resolution};

/// Runs the binary; fails the test on a hang (no answer in `limit`) or a panic.
fn run(args: &[&std::ffi::OsStr], limit: Duration) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_unres"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn unres");
    // Drain the pipes on threads so a large output cannot block the child.
    let mut so = child.stdout.take().expect("stdout");
    let mut se = child.stderr.take().expect("stderr");
    let out_t = std::thread::spawn(move || {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut so, &mut b).map(|_| b)
    });
    let err_t = std::thread::spawn(move || {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut se, &mut b).map(|_| b)
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("unres {args:?} hangs: no answer after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let out = Output {
        status,
        stdout: out_t.join().expect("join").expect("read stdout"),
        stderr: err_t.join().expect("join").expect("read stderr"),
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("internal error"),
        "unres {args:?} panicked:\n{stderr}"
    );
    out
}

/// The same in the cleaned shape, with `[^n]` marks and `[^n]:` notes.
const CLEANED: &str = "\
Resolution adopted by the General Assembly on 1 December 2025

80/12. Objective information on military matters

The General Assembly,

Recalling its resolution 59/50 of 2 December 2004,[^1]

1. Notes the activity of the organization;

2. Requests the Secretary-General to report.

64th plenary meeting
1 December 2025

[^1]: A/54/298.
";

fn with_notes(s: &str) -> String {
    SMALL_RESOLUTION.replace("Notes", &format!("Notes {s}"))
}

/// What a case must come to.
enum Expect {
    /// Exit 1, `PATH:LINE: error: …` containing this text, no output file.
    Error(&'static str),
    /// Exit 0; the check gets the model read back from the JSON output and standard error.
    Converted(fn(&Resolution, &str)),
}

struct Case {
    name: &'static str,
    bytes: Vec<u8>,
    expect: Expect,
}

fn paragraphs(doc: &Resolution) -> Vec<&Paragraph> {
    doc.body
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p),
            Block::Section(_) => None,
        })
        .collect()
}

fn first_operative(doc: &Resolution) -> String {
    paragraphs(doc)
        .first()
        .and_then(|p| p.content.first())
        .map(|t| t.to_plain())
        .unwrap_or_default()
}

const SPECIAL: &str = "<b>&amp; \"x\" 'y' ]]> *star* _u_ [link](x) # `code` | a \\ back <!-- c -->";
const RTL: &str = "الأمم المتحدة שלום";

fn cases() -> Vec<Case> {
    let utf16 = |le: bool| {
        let mut b = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in with_notes("caf\u{e9}").encode_utf16() {
            b.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        b
    };
    let mut big = String::with_capacity(50 << 20);
    while big.len() < 50 << 20 {
        big.push_str(SMALL_RESOLUTION);
    }
    let long_word = "x".repeat(200_000);
    vec![
        Case {
            name: "empty",
            bytes: Vec::new(),
            expect: Expect::Error("empty input"),
        },
        Case {
            name: "blank",
            bytes: b" \n\n\t\n".to_vec(),
            expect: Expect::Error("empty input"),
        },
        Case {
            name: "binary",
            bytes: (0..=255u8).cycle().take(4096).collect(),
            expect: Expect::Error("binary data"),
        },
        Case {
            name: "nul-bytes",
            bytes: SMALL_RESOLUTION.replace("Notes", "No\0tes").into_bytes(),
            expect: Expect::Error("binary data"),
        },
        Case {
            name: "invalid-utf8",
            bytes: SMALL_RESOLUTION
                .replace("Notes", "Notes \u{1}")
                .into_bytes()
                .iter()
                .map(|&b| if b == 1 { 0xFF } else { b })
                .collect(),
            expect: Expect::Converted(|doc, stderr| {
                assert!(stderr.contains(":9: warning: not valid UTF-8"), "{stderr}");
                assert!(first_operative(doc).starts_with("Notes \u{ff} the activity"));
            }),
        },
        Case {
            name: "utf16le",
            bytes: utf16(true),
            expect: Expect::Converted(|doc, _| {
                assert_eq!(
                    first_operative(doc),
                    "Notes caf\u{e9} the activity of the organization;"
                );
            }),
        },
        Case {
            name: "utf16be",
            bytes: utf16(false),
            expect: Expect::Converted(|doc, _| {
                assert_eq!(
                    first_operative(doc),
                    "Notes caf\u{e9} the activity of the organization;"
                );
            }),
        },
        Case {
            name: "windows-1252",
            bytes: with_notes("\u{201c}quoted\u{201d} caf\u{e9}")
                .chars()
                .map(|c| match c {
                    '\u{201c}' => 0x93,
                    '\u{201d}' => 0x94,
                    '\u{e9}' => 0xE9,
                    c => c as u8,
                })
                .collect(),
            expect: Expect::Converted(|doc, stderr| {
                assert!(stderr.contains("decoded as Windows-1252"), "{stderr}");
                assert_eq!(
                    first_operative(doc),
                    "Notes \u{201c}quoted\u{201d} caf\u{e9} the activity of the organization;"
                );
            }),
        },
        Case {
            name: "fifty-megabytes",
            bytes: big.into_bytes(),
            expect: Expect::Error("input too large"),
        },
        Case {
            name: "long-word",
            bytes: with_notes(&long_word).into_bytes(),
            expect: Expect::Converted(|doc, _| {
                let t = first_operative(doc);
                assert!(t.contains(&"x".repeat(200_000)), "the long word is cut");
            }),
        },
        // Neither the formula nor a recital after the title: nothing opens the text.
        Case {
            name: "no-formula",
            bytes: SMALL_RESOLUTION
                .replace("The General Assembly,\n", "")
                .replace("Recalling its resolution 59/50 of 2 December 2004,\n", "")
                .into_bytes(),
            expect: Expect::Error("not a resolution"),
        },
        // A numbered resolution whose formula was not printed (as A/RES/78/225): the
        // title ends at the first recital, which opens the preamble.
        Case {
            name: "formula-not-printed",
            bytes: SMALL_RESOLUTION
                .replace("The General Assembly,\n", "")
                .into_bytes(),
            expect: Expect::Converted(|doc, _| {
                assert_eq!(
                    doc.meta.title.as_deref(),
                    Some("Cooperation between the United Nations and a regional organization")
                );
                assert_eq!(doc.preambular_paragraphs().len(), 1);
                assert_eq!(paragraphs(doc).len(), 2);
            }),
        },
        Case {
            name: "duplicate-numbers",
            bytes: SMALL_RESOLUTION
                .replace("2. Requests", "1. Requests")
                .into_bytes(),
            expect: Expect::Converted(|doc, _| {
                let ps = paragraphs(doc);
                assert_eq!(ps.len(), 2, "both paragraphs kept");
                assert!(ps.iter().all(|p| p.num.as_deref() == Some("1.")));
                assert!(ps[1].content[0].to_plain().starts_with("Requests"));
            }),
        },
        Case {
            name: "note-without-mark",
            bytes: CLEANED
                .replace(
                    "[^1]: A/54/298.",
                    "[^1]: A/54/298.\n\n[^3]: A note with no mark.",
                )
                .into_bytes(),
            expect: Expect::Converted(|doc, stderr| {
                assert!(
                    stderr.contains("warning: footnote 3 has no mark"),
                    "{stderr}"
                );
                assert_eq!(doc.footnotes.len(), 2);
                assert_eq!(doc.footnotes[1].text.to_plain(), "A note with no mark.");
            }),
        },
        Case {
            name: "special-characters",
            bytes: with_notes(SPECIAL).into_bytes(),
            expect: Expect::Converted(|doc, _| {
                assert_eq!(
                    first_operative(doc),
                    format!("Notes {SPECIAL} the activity of the organization;")
                );
            }),
        },
        Case {
            name: "right-to-left",
            bytes: with_notes(RTL).into_bytes(),
            expect: Expect::Converted(|doc, _| {
                assert_eq!(
                    first_operative(doc),
                    format!("Notes {RTL} the activity of the organization;")
                );
            }),
        },
    ]
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

/// Checks what every written output says, with an independent reader where there is one.
fn check_outputs(name: &str, out_dir: &Path, needle: Option<&str>) -> Resolution {
    let mut doc = None;
    let files = files_under(out_dir);
    assert_eq!(
        files.len(),
        unres::write::WRITERS.len(),
        "{name}: one file per writer: {files:?}"
    );
    for w in unres::write::WRITERS {
        let path = out_dir.join(format!("{name}.{}", w.extension()));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(!bytes.is_empty(), "{}: empty", path.display());
        if w.extension() == "json" {
            doc = Some(serde_json::from_slice::<Resolution>(&bytes).expect("JSON reads back"));
        }
        if w.extension().ends_with("xml") {
            let text = std::str::from_utf8(&bytes).expect("XML is UTF-8");
            let xml = roxmltree::Document::parse(text)
                .unwrap_or_else(|e| panic!("{}: not well-formed: {e}", path.display()));
            if let Some(n) = needle {
                let all: String = xml
                    .descendants()
                    .filter(|d| d.is_text())
                    .filter_map(|d| d.text())
                    .collect();
                assert!(all.contains(n), "{}: text lost", path.display());
            }
        }
        if w.extension() == "md" {
            if let Some(n) = needle {
                let md = std::str::from_utf8(&bytes).expect("Markdown is UTF-8");
                let mut text = String::new();
                for ev in pulldown_cmark::Parser::new(md) {
                    match ev {
                        pulldown_cmark::Event::Text(t) | pulldown_cmark::Event::Code(t) => {
                            text.push_str(&t)
                        }
                        pulldown_cmark::Event::SoftBreak => text.push(' '),
                        _ => {}
                    }
                }
                assert!(
                    text.contains(n),
                    "{}: Markdown does not read back as the text: {text}",
                    path.display()
                );
            }
        }
    }
    doc.expect("the json writer is registered")
}

#[test]
fn each_bad_input_gets_a_clear_message_or_a_correct_output() {
    let tmp = TempDir::new("table");
    for case in cases() {
        let input = tmp.0.join(format!("{}.txt", case.name));
        std::fs::write(&input, &case.bytes).expect("write input");
        let out_dir = tmp.0.join(format!("out-{}", case.name));
        let out = run(
            &[
                "convert".as_ref(),
                input.as_os_str(),
                "-o".as_ref(),
                out_dir.as_os_str(),
            ],
            Duration::from_secs(120),
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        match case.expect {
            Expect::Error(what) => {
                assert_eq!(out.status.code(), Some(1), "{}: {stderr}", case.name);
                let prefix = format!("{}:", input.display());
                let line = stderr
                    .lines()
                    .find(|l| l.contains(": error: "))
                    .unwrap_or_else(|| panic!("{}: no error line: {stderr}", case.name));
                let rest = line.strip_prefix(&prefix).unwrap_or_else(|| {
                    panic!(
                        "{}: error line does not start with the path: {line}",
                        case.name
                    )
                });
                let (num, msg) = rest.split_once(": error: ").unwrap_or(("", ""));
                assert!(
                    num.parse::<usize>().is_ok_and(|n| n >= 1),
                    "{}: no line number: {line}",
                    case.name
                );
                assert!(msg.contains(what), "{}: {line}", case.name);
                assert!(
                    files_under(&out_dir).is_empty(),
                    "{}: output left behind",
                    case.name
                );
            }
            Expect::Converted(check) => {
                assert_eq!(out.status.code(), Some(0), "{}: {stderr}", case.name);
                let needle = match case.name {
                    "special-characters" => Some(SPECIAL),
                    "right-to-left" => Some(RTL),
                    _ => None,
                };
                let doc = check_outputs(case.name, &out_dir, needle);
                check(&doc, &stderr);
            }
        }
        let _ = std::fs::remove_file(&input);
    }
}

/// All the bad inputs in one folder: the good ones are converted, the bad ones listed, exit 1.
#[test]
fn one_bad_file_never_stops_the_others() {
    let tmp = TempDir::new("batch");
    let input = tmp.0.join("in");
    let mut bad = Vec::new();
    let mut good = Vec::new();
    for case in cases() {
        // The 50 MB file has its own test above; here it would only cost time.
        if case.name == "fifty-megabytes" {
            continue;
        }
        let dir = input.join(if case.name.len() % 2 == 0 {
            "even"
        } else {
            "odd"
        });
        std::fs::create_dir_all(&dir).expect("mkdir");
        let path = dir.join(format!("{}.txt", case.name));
        std::fs::write(&path, &case.bytes).expect("write input");
        match case.expect {
            Expect::Error(_) => bad.push(path),
            Expect::Converted(_) => good.push(path),
        }
    }
    let out_dir = tmp.0.join("out");
    let out = run(
        &[
            "convert".as_ref(),
            input.as_os_str(),
            "-o".as_ref(),
            out_dir.as_os_str(),
            "-j".as_ref(),
            "2".as_ref(),
            "--json".as_ref(),
        ],
        Duration::from_secs(120),
    );
    assert_eq!(out.status.code(), Some(1));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON summary");
    assert_eq!(summary["inputs"], bad.len() + good.len());
    assert_eq!(summary["converted"], good.len());
    assert_eq!(summary["failed"], bad.len());
    let failed: Vec<&str> = summary["failures"]
        .as_array()
        .expect("failures")
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    let mut expected: Vec<String> = bad.iter().map(|p| p.display().to_string()).collect();
    expected.sort();
    assert_eq!(failed, expected);
    for p in &good {
        let rel = p.strip_prefix(&input).expect("under input");
        let stem = rel.with_extension("");
        for w in unres::write::WRITERS {
            let o = out_dir.join(format!("{}.{}", stem.display(), w.extension()));
            assert!(o.is_file(), "{} missing", o.display());
        }
    }
    for p in &bad {
        let rel = p.strip_prefix(&input).expect("under input");
        let dir = out_dir.join(rel.parent().expect("parent"));
        let stem = rel
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        let left: Vec<PathBuf> = files_under(&dir)
            .into_iter()
            .filter(|f| {
                f.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(&stem))
            })
            .collect();
        assert!(left.is_empty(), "{}: output left: {left:?}", p.display());
    }
    assert!(
        files_under(&out_dir)
            .iter()
            .all(|f| !f.to_string_lossy().ends_with(".tmp")),
        "temporary files left"
    );
}

/// A footnote mark with no note is reported.
/// Input: the cleaned text above with `;[^2]` after "organization" and no `[^2]:` note.
#[test]
fn mark_without_note_is_reported() {
    let tmp = TempDir::new("mark");
    let input = tmp.0.join("mark.txt");
    std::fs::write(
        &input,
        CLEANED.replace("organization;", "organization;[^2]"),
    )
    .expect("write");
    let out = run(
        &[
            "convert".as_ref(),
            input.as_os_str(),
            "-o".as_ref(),
            tmp.0.join("out").as_os_str(),
        ],
        Duration::from_secs(60),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning:") && stderr.contains('2'),
        "{stderr}"
    );
}

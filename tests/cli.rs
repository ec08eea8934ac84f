//! The command-line contract: outputs, names, exit codes, messages, encodings, bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_unres"))
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/A_RES_65_122.txt")
}

/// A fresh empty directory for one test.
fn tempdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("unres-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn converts_the_sample_to_json_named_after_the_input() {
    let out = tempdir("json");
    let o = run(&[
        "convert",
        fixture().to_str().unwrap(),
        "--to",
        "json",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(files_in(&out), vec!["A_RES_65_122.json"]);
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("A_RES_65_122.json")).unwrap()).unwrap();
    assert_eq!(v["meta"]["symbol"], "A/RES/65/122");
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn json_snapshot_of_the_seed() {
    let o = run(&[
        "convert",
        fixture().to_str().unwrap(),
        "--to",
        "json",
        "-o",
        "-",
    ]);
    assert!(o.status.success());
    let snap = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/A_RES_65_122.json");
    if std::env::var_os("UNRES_BLESS").is_some() {
        std::fs::write(&snap, &o.stdout).unwrap();
    }
    let want = std::fs::read(&snap).unwrap_or_default();
    assert!(
        want == o.stdout,
        "seed JSON differs from tests/snapshots/A_RES_65_122.json (UNRES_BLESS=1 rewrites it)"
    );
}

#[test]
fn same_input_same_bytes() {
    let a = run(&[
        "convert",
        fixture().to_str().unwrap(),
        "--to",
        "json",
        "-o",
        "-",
    ]);
    let b = run(&[
        "convert",
        fixture().to_str().unwrap(),
        "--to",
        "json",
        "-o",
        "-",
    ]);
    assert_eq!(a.stdout, b.stdout);
}

/// UTF-16 (both byte orders), CRLF, CR and Windows-1252 copies of the seed give the seed's JSON.
#[test]
fn encodings_and_line_endings_give_the_same_model() {
    let dir = tempdir("enc");
    let text = std::fs::read_to_string(fixture()).unwrap();
    let reference = run(&[
        "convert",
        fixture().to_str().unwrap(),
        "--to",
        "json",
        "-o",
        "-",
    ])
    .stdout;
    let mut variants: Vec<(&str, Vec<u8>)> = Vec::new();
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for u in text.encode_utf16() {
        le.extend_from_slice(&u.to_le_bytes());
        be.extend_from_slice(&u.to_be_bytes());
    }
    variants.push(("utf16le", le));
    variants.push(("utf16be", be));
    variants.push((
        "bom",
        [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
    ));
    variants.push(("crlf", text.replace('\n', "\r\n").into_bytes()));
    variants.push(("cr", text.replace('\n', "\r").into_bytes()));
    // The seed is ASCII but for its quotes; Windows-1252 encodes them as 0x93/0x94 if present.
    let cp1252: Vec<u8> = text
        .chars()
        .map(|c| match c {
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            '\u{2019}' => 0x92,
            '\u{2013}' => 0x96,
            c if (c as u32) < 0x80 => c as u8,
            _ => b'?',
        })
        .chain(b"\xe9".iter().copied().take(0))
        .collect();
    // Force the fallback with one byte that is not UTF-8, in a place the model ignores (the masthead block end).
    let mut cp1252 = cp1252;
    cp1252.extend_from_slice(b"\n\xA0\n");
    variants.push(("cp1252", cp1252));
    for (name, bytes) in &variants {
        let p = dir.join(format!("{name}.txt"));
        std::fs::write(&p, bytes).unwrap();
        let o = run(&["convert", p.to_str().unwrap(), "--to", "json", "-o", "-"]);
        assert!(
            o.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(
            o.stdout == reference,
            "{name}: JSON differs from the UTF-8 seed's"
        );
        if *name == "cp1252" {
            assert!(
                String::from_utf8_lossy(&o.stderr).contains("warning: not valid UTF-8"),
                "cp1252 decoding is reported"
            );
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_inputs_fail_with_a_message_naming_the_file_and_leave_no_output() {
    let dir = tempdir("bad");
    let out = dir.join("out");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty.txt", Vec::new()),
        ("binary.txt", vec![0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0xff, 0xfe, 0x00, 0x01]),
        ("nul.txt", b"The General Assembly,\n\x00\x00\n1. Decides;\n".to_vec()),
        ("prose.txt", b"It was a bright cold day in April, and the clocks were striking thirteen.\nWinston Smith slipped quickly through the glass doors.\n".to_vec()),
        ("invalid-utf16.txt", vec![0xFF, 0xFE, 0x41]),
    ];
    for (name, bytes) in &cases {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        let o = run(&[
            "convert",
            p.to_str().unwrap(),
            "--to",
            "json",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(1), "{name} must fail with exit 1");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(&format!("{}:", p.display())) && err.contains(": error: "),
            "{name}: message names the file: {err}"
        );
        let left = if out.exists() { files_in(&out) } else { vec![] };
        assert!(
            left.is_empty(),
            "{name}: no output may be left, found {left:?}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn one_bad_input_does_not_stop_the_others() {
    let dir = tempdir("mixed");
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"").unwrap();
    let out = dir.join("out");
    let o = run(&[
        "convert",
        bad.to_str().unwrap(),
        fixture().to_str().unwrap(),
        "--to",
        "json",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(files_in(&out), vec!["A_RES_65_122.json"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["convert"]).status.code(), Some(2));
    assert_eq!(
        run(&["convert", fixture().to_str().unwrap(), "--to", "docx"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(
        run(&[
            "convert",
            fixture().to_str().unwrap(),
            fixture().to_str().unwrap(),
            "--to",
            "json",
            "-o",
            "-"
        ])
        .status
        .code(),
        Some(2)
    );
}

#[test]
fn reads_standard_input() {
    let text = std::fs::read(fixture()).unwrap();
    let mut child = bin()
        .args(["convert", "-", "--to", "json", "-o", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(&text).unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["meta"]["number"], "65/122");
}

#[test]
fn schema_command_prints_the_committed_schema() {
    let o = run(&["schema"]);
    assert!(o.status.success());
    let committed =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/resolution.schema.json"))
            .unwrap();
    assert_eq!(o.stdout, committed);
}

//! Akoma Ntoso as an input of the command line: an AKN file converts to Markdown and
//! PDF as its text does, and a bad XML file gets `PATH:LINE:COLUMN: error: …`, exit
//! 1 and no output.

mod common;

use common::{TempDir, SMALL_RESOLUTION};
use std::path::Path;
use std::process::{Command, Output};

fn unres(args: &[&str], dir: &Path) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_unres"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run unres");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    out
}

fn files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    v.sort();
    v
}

#[test]
fn an_akn_file_converts_to_markdown_and_pdf() {
    let tmp = TempDir::new("akn-cli");
    let dir = &tmp.0;
    std::fs::write(dir.join("res.txt"), SMALL_RESOLUTION).expect("write");
    let out = unres(
        &["convert", "res.txt", "--to", "akn,md,pdf", "-o", "text"],
        dir,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The AKN file alone, detected from its content, then named with --from.
    std::fs::create_dir_all(dir.join("in")).expect("mkdir");
    std::fs::copy(dir.join("text/res.akn.xml"), dir.join("in/res.xml")).expect("copy");
    for (extra, outdir) in [(None, "from-akn"), (Some("akn"), "forced")] {
        let mut args = vec!["convert", "in/res.xml", "--to", "md,pdf", "-o", outdir];
        if let Some(f) = extra {
            args.extend(["--from", f]);
        }
        let out = unres(&args, dir);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        for ext in ["md", "pdf"] {
            let from_text =
                std::fs::read(dir.join(format!("text/res.{ext}"))).expect("text output");
            let from_akn =
                std::fs::read(dir.join(format!("{outdir}/res.{ext}"))).expect("akn output");
            assert!(
                from_text == from_akn,
                "{ext} from AKN differs from {ext} from text"
            );
        }
    }
    // A folder picks up *.xml beside *.txt.
    std::fs::copy(dir.join("res.txt"), dir.join("in/other.txt")).expect("copy");
    let out = unres(&["convert", "in", "--to", "md", "-o", "batch", "-q"], dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(files(&dir.join("batch")), ["other.md", "res.md"]);
}

const NS: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

#[test]
fn bad_xml_is_an_error_at_its_line_and_column() {
    let tmp = TempDir::new("akn-bad");
    let dir = &tmp.0;
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "unclosed.xml",
            format!("<?xml version=\"1.0\"?>\n<akomaNtoso xmlns=\"{NS}\">\n  <statement>\n</akomaNtoso>\n"),
            ":4:",
        ),
        (
            "namespace.xml",
            "<?xml version=\"1.0\"?>\n<akomaNtoso xmlns=\"http://www.akomantoso.org/2.0\"><act/></akomaNtoso>\n".into(),
            ":2:1: error: wrong namespace",
        ),
        (
            "html.xml",
            "<?xml version=\"1.0\"?>\n<html><body/></html>\n".into(),
            ":2:1: error: not Akoma Ntoso",
        ),
        (
            "no-body.xml",
            format!("<?xml version=\"1.0\"?>\n<akomaNtoso xmlns=\"{NS}\">\n  <statement name=\"resolution\">\n    <meta><identification source=\"#x\"/></meta>\n  </statement>\n</akomaNtoso>\n"),
            ":3:3: error: a required part is missing",
        ),
        (
            "entity.xml",
            format!("<?xml version=\"1.0\"?>\n<akomaNtoso xmlns=\"{NS}\">\n  <statement>&xxe;</statement>\n</akomaNtoso>\n"),
            ":3:14: error: unknown entity &xxe;",
        ),
        (
            "doctype.xml",
            format!("<?xml version=\"1.0\"?>\n<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM \"http://127.0.0.1:9/x\">]>\n<akomaNtoso xmlns=\"{NS}\"><statement>&xxe;</statement></akomaNtoso>\n"),
            ":2:1: error: a DOCTYPE is not read",
        ),
    ];
    for (name, xml, expected) in &cases {
        std::fs::write(dir.join(name), xml).expect("write");
        let outdir = format!("out-{name}");
        let out = unres(&["convert", name, "-o", &outdir], dir);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
        assert!(
            stderr.starts_with(&format!("{name}{expected}")),
            "{name}: expected {expected:?} in {stderr:?}"
        );
        assert!(
            !dir.join(&outdir).exists() || files(&dir.join(&outdir)).is_empty(),
            "{name}: output written"
        );
    }
}

/// The markup date: `--markup-date`, else the day of `SOURCE_DATE_EPOCH`, else today; the
/// same `SOURCE_DATE_EPOCH` gives the same bytes.
#[test]
fn the_markup_date_is_the_conversion_date_unless_fixed() {
    let tmp = TempDir::new("akn-markup-date");
    let dir = &tmp.0;
    std::fs::write(dir.join("res.txt"), SMALL_RESOLUTION).expect("write");
    let run = |epoch: Option<&str>, extra: &[&str]| -> String {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_unres"));
        cmd.args(["convert", "res.txt", "--to", "akn", "-o", "-"])
            .args(extra)
            .current_dir(dir)
            .env_remove("SOURCE_DATE_EPOCH");
        if let Some(e) = epoch {
            cmd.env("SOURCE_DATE_EPOCH", e);
        }
        let out = cmd.output().expect("run unres");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let markup = |xml: &str| -> String {
        let at = xml.find("name=\"markup\"").expect("markup date");
        xml[at - 12..at - 2].to_string()
    };
    // 2024-12-06 23:59:59 UTC.
    let a = run(Some("1733529599"), &[]);
    assert_eq!(markup(&a), "2024-12-06");
    assert_eq!(a, run(Some("1733529599"), &[]));
    assert_eq!(
        markup(&run(Some("1733529599"), &["--markup-date", "2025-01-02"])),
        "2025-01-02"
    );
    // Without either, today (not the document's date of issue).
    let today = markup(&run(None, &[]));
    assert!(today.as_str() > "2025-01-01", "{today}");
    // A SOURCE_DATE_EPOCH that is not a number is an error, for AKN only.
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_unres"));
    let out = cmd
        .args(["convert", "res.txt", "--to", "akn", "-o", "bad"])
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", "soon")
        .output()
        .expect("run unres");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("SOURCE_DATE_EPOCH"));
}

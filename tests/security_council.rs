//! Every Security Council resolution of the shared folder (151 texts, 1946–2002) reads as
//! one: its symbol as the file name says, its adoption date, the meeting where the text
//! names one, operative paragraphs numbered 1..N (by position when unnumbered), and no
//! heading, adoption or vote line left inside a paragraph, sub-paragraph labels in order.

mod common;

use unres::model::{Organ, Paragraph, Resolution};

/// Texts that end before their operative part (the transcription stops after the last
/// recital and its notes).
const CUT_BEFORE_OPERATIVE: &[&str] = &["S_RES_0565_1985.en.txt"];

/// Texts whose labels the transcription damaged: "(2)" printed for "(a)" (481), "(c})" (859).
const DAMAGED_LABELS: &[&str] = &["S_RES_0481_1980.en.txt", "S_RES_0859_1993.en.txt"];

/// `S_RES_0013_1946.en.txt` → (13, 1946).
fn number_year(name: &str) -> (u32, u16) {
    let mut parts = name.trim_start_matches("S_RES_").split(['_', '.']);
    let n = parts.next().and_then(|p| p.parse().ok()).unwrap();
    let y = parts.next().and_then(|p| p.parse().ok()).unwrap();
    (n, y)
}

/// The texts of a paragraph and its sub-paragraphs.
fn texts(p: &Paragraph, out: &mut Vec<String>) {
    for t in p.content.iter().chain(&p.wrap_up) {
        out.push(t.to_plain());
    }
    for s in &p.subparagraphs {
        texts(s, out);
    }
}

/// What is wrong with `doc`, read from the file `name` whose text is `text`.
fn problems(name: &str, text: &str, doc: &Resolution) -> Vec<String> {
    let (n, y) = number_year(name);
    let mut out = Vec::new();
    let m = &doc.meta;
    let symbol = format!("S/RES/{n} ({y})");
    if m.symbol.as_deref() != Some(symbol.as_str()) {
        out.push(format!("symbol {:?}, want {symbol}", m.symbol));
    }
    if m.organ != Organ::SecurityCouncil {
        out.push(format!("organ {:?}", m.organ));
    }
    match &m.adopted {
        Some(d) if d.date.year() == y => {}
        other => out.push(format!("adoption date {other:?}, want one in {y}")),
    }
    // The meeting, where the text prints an adoption or vote line.
    let prints_meeting = text
        .lines()
        .any(|l| l.trim_start().starts_with("Adopted") && text.contains("meet"));
    let meeting = doc.closing.as_ref().and_then(|c| c.meeting.as_deref());
    if prints_meeting && meeting.is_none() {
        out.push("no meeting".into());
    }
    let ops = doc.operative_paragraphs();
    if ops.is_empty() && !CUT_BEFORE_OPERATIVE.contains(&name) {
        out.push("no operative paragraph".into());
    }
    // Numbered 1..N; the Council's parts A and B each start again at 1.
    let mut expected = 1;
    for (i, p) in ops.iter().enumerate() {
        let Some(num) = &p.num else {
            expected += 1;
            continue;
        };
        let got: Option<u32> = num.trim_end_matches('.').parse().ok();
        if got == Some(1) {
            expected = 1;
        }
        if got != Some(expected) {
            out.push(format!(
                "operative paragraph {} numbered {num:?}, want {expected}",
                i + 1
            ));
            break;
        }
        expected += 1;
    }
    let mut all = Vec::new();
    for p in doc.preambular_paragraphs().into_iter().chain(ops) {
        texts(p, &mut all);
        // Sub-paragraph labels in order: a wrapped line opening with "(1989)" is no label.
        if !DAMAGED_LABELS.contains(&name) {
            common::sample::check_labels(p, &mut out);
        }
        // A list is labelled throughout: an unlabelled "item" after (1), (2) is a paragraph.
        let labelled = p.subparagraphs.iter().filter(|s| s.num.is_some()).count();
        if labelled > 0 && labelled < p.subparagraphs.len() {
            out.push(format!(
                "unlabelled item among the labelled ones under {}",
                p.num.as_deref().unwrap_or("?")
            ));
        }
    }
    for t in &all {
        let heading = t.contains("Adopted by the Security Council")
            || t.contains(&symbol)
            || t.contains(&format!("Resolution {n} ({y})"))
            || t.contains(&format!("{n} ({y}). Resolution"))
            || t.contains("Adopted unanimously at")
            || t.contains("Adopted at the");
        if heading {
            let clip: String = t.chars().take(80).collect();
            out.push(format!("heading line inside a paragraph: {clip}"));
        }
    }
    out
}

#[test]
fn every_council_resolution_reads_as_one() {
    let Some(shared) = common::shared("every_council_resolution_reads_as_one") else {
        return;
    };
    let docs = common::security_council_documents(&shared);
    assert!(
        docs.len() >= 151,
        "expected the 151 Security Council texts, found {}",
        docs.len()
    );
    let mut failures = Vec::new();
    for path in &docs {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        match unres::read::read_bytes(&bytes, None) {
            Ok(out) => {
                for p in problems(&name, &text, &out.doc) {
                    failures.push(format!("{name}: {p}"));
                }
            }
            Err(e) => failures.push(format!("{name}: line {}: {}", e.line, e.message)),
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems in {} texts:\n{}",
        failures.len(),
        docs.len(),
        failures.join("\n")
    );
}

//! The drafts of `../shared/pdf-sample` (draft resolutions, draft decisions and
//! amendments of the 80th session: every file not named `A_RES_…`). Each converts from
//! the PDF read directly and from its `pdftotext -layout` and plain `pdftotext` text,
//! with its symbol, kind, title, sponsors and committee, and its notes outside the
//! paragraphs; the three readings agree on those facts; every output of every reading
//! validates (AKN against the OASIS XSD, Markdown with markdownlint-cli2) or is written
//! (PDF, JSON).

mod common;

use common::sample::{paragraph_texts, symbol_of};
use std::path::Path;
use unres::model::*;
use unres::write::{writer, WriteOptions};

/// Drafts whose masthead prints no committee although a Main Committee has them.
const NO_COMMITTEE_PRINTED: &[&str] = &["A_C.3_80_L.48-EN.pdf"];

/// The Main Committee a symbol names (`A/C.3/…` → "Third"); `None` for the plenary.
fn committee_ordinal(symbol: &str) -> Option<&'static str> {
    let k = symbol.strip_prefix("A/C.")?.split('/').next()?;
    ["First", "Second", "Third", "Fourth", "Fifth", "Sixth"]
        .get(k.parse::<usize>().ok()?.checked_sub(1)?)
        .copied()
}

/// A note an asterisk opens, left in a paragraph: "* Any changes …", "** United Nations …".
fn star_note_inside(t: &str) -> bool {
    t.match_indices('*').any(|(i, _)| {
        let at_start = t[..i].trim_end_matches('*').trim().is_empty()
            || t[..i].trim_end_matches('*').ends_with(['.', ';']);
        at_start
            && t[i..]
                .trim_start_matches('*')
                .strip_prefix(' ')
                .is_some_and(|r| r.starts_with(char::is_uppercase))
    })
}

/// What is wrong with one reading of a draft; `direct` for the PDF read directly, whose
/// notes must also run 1..N (the text readings' note numbering is pdf_sample.rs's concern).
fn problems(doc: &Resolution, path: &Path, direct: bool) -> Vec<String> {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let symbol = symbol_of(path);
    let m = &doc.meta;
    let mut p = Vec::new();
    if m.symbol.as_deref() != Some(symbol.as_str()) {
        p.push(format!("symbol {:?}", m.symbol));
    }
    if !m.kind.is_draft() {
        p.push(format!("kind {:?}", m.kind));
    }
    if m.distribution.as_deref() != Some("Limited") {
        p.push(format!("distribution {:?}", m.distribution));
    }
    let title = m.title.as_deref().unwrap_or("");
    if title.is_empty() || title.contains("draft resolution") || title.contains("Distr.") {
        p.push(format!("title {title:?}"));
    }
    let Some(d) = &m.draft else {
        p.push("no draft facts".into());
        return p;
    };
    // Sponsors, unless an officer submits it; each where the line prints it.
    let officer = d.submitted.starts_with("Draft");
    if officer != d.sponsors.is_empty() {
        p.push(format!("sponsors {:?} of {:?}", d.sponsors, d.submitted));
    }
    let mut from = 0;
    for s in &d.sponsors {
        match d.submitted[from..].find(s.as_str()) {
            Some(i) => from += i + s.len(),
            None => p.push(format!("sponsor {s:?} not in order in {:?}", d.submitted)),
        }
    }
    if d.submitted.contains('*') || d.submitted.contains("[^") {
        p.push(format!(
            "note mark in the submission line {:?}",
            d.submitted
        ));
    }
    match (committee_ordinal(&symbol), d.committee.as_deref()) {
        (None, None) => {}
        (Some(_), None) if NO_COMMITTEE_PRINTED.contains(&name.as_str()) => {}
        (Some(k), Some(c)) if c.contains(&format!("{k} Committee")) => {}
        (want, got) => p.push(format!("committee {got:?}, not the {want:?}")),
    }
    if (m.kind == DocKind::Amendment) != d.amends.is_some() {
        p.push(format!("amends {:?}", d.amends));
    }
    if doc.preamble.is_empty() && doc.body.is_empty() {
        p.push("no text".into());
    }
    // Notes stay out of the paragraphs, and so do the page's furniture.
    let job = m.job_number.clone().unwrap_or_default();
    let notes: Vec<String> = doc
        .footnotes
        .iter()
        .map(|f| f.text.to_plain())
        .filter(|t| t.split_whitespace().count() >= 4)
        .collect();
    for t in paragraph_texts(doc) {
        if star_note_inside(&t) {
            p.push(format!("a note an asterisk opens in a paragraph: {t}"));
        }
        if let Some(n) = notes.iter().find(|n| t.contains(n.as_str())) {
            p.push(format!("note {n:?} in a paragraph: {t}"));
        }
        if (!job.is_empty() && t.contains(&job)) || t.contains(&symbol) || t.contains(&d.submitted)
        {
            p.push(format!("furniture or masthead in a paragraph: {t}"));
        }
    }
    for (k, f) in doc.footnotes.iter().enumerate().filter(|_| direct) {
        if f.marker != (k + 1).to_string() || f.text.to_plain().trim().is_empty() {
            p.push(format!("note {} at place {}", f.marker, k + 1));
            break;
        }
    }
    p
}

/// The facts every reading of the same draft must give alike.
fn facts(doc: &Resolution) -> (DocKind, Option<String>, Option<String>, Option<Draft>) {
    let m = &doc.meta;
    (m.kind, m.symbol.clone(), m.title.clone(), m.draft.clone())
}
#[test]
fn every_draft_converts_from_the_pdf_and_its_text() {
    let Some(shared) = common::shared("every_draft_converts_from_the_pdf_and_its_text") else {
        return;
    };
    let files = common::pdf_sample_drafts(&shared);
    assert_eq!(files.len(), 30, "expected the 30 drafts of pdf-sample");
    let texts = common::tool(
        "every_draft_converts_from_the_pdf_and_its_text",
        "pdftotext",
    );
    let xmllint = common::tool("every_draft_converts_from_the_pdf_and_its_text", "xmllint");
    let mdlint = common::tool(
        "every_draft_converts_from_the_pdf_and_its_text",
        "markdownlint-cli2",
    );
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("drafts");
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).unwrap();
    let opts = WriteOptions::default();
    let mut akn_files = Vec::new();
    let mut md_files = 0;
    let mut failures = Vec::new();
    let mut kinds = std::collections::BTreeMap::new();
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let mut readings: Vec<(&str, Vec<u8>)> = vec![("pdf", std::fs::read(f).unwrap())];
        if texts {
            readings.push(("pdftotext -layout", common::pdftotext(f, &["-layout"])));
            readings.push(("pdftotext", common::pdftotext(f, &[])));
        }
        let mut first: Option<Resolution> = None;
        for (k, (how, bytes)) in readings.iter().enumerate() {
            let doc = match unres::read::read_bytes(bytes, None) {
                Ok(o) => o.doc,
                Err(e) => {
                    failures.push(format!("{name} ({how}): does not convert: {}", e.message));
                    continue;
                }
            };
            for p in problems(&doc, f, k == 0) {
                failures.push(format!("{name} ({how}): {p}"));
            }
            match &first {
                None => {
                    *kinds.entry(doc.meta.kind.name()).or_insert(0) += 1;
                    first = Some(doc.clone());
                }
                Some(pdf) if facts(pdf) != facts(&doc) => failures.push(format!(
                    "{name} ({how}): {:?}\n  differs from the PDF's {:?}",
                    facts(&doc),
                    facts(pdf)
                )),
                Some(_) => {}
            }
            for w in ["akn", "md", "pdf", "json"] {
                let out = writer(w).unwrap().write(&doc, &opts);
                match out {
                    Ok(bytes) if w == "akn" => {
                        let path = scratch.join(format!("{k}_{name}.akn.xml"));
                        std::fs::write(&path, bytes).unwrap();
                        akn_files.push(path);
                    }
                    // The PDF read directly: a text reading can run a table into a
                    // heading (A/C.5/80/L.4), which Markdown then ends with a full stop.
                    Ok(bytes) if w == "md" && k == 0 => {
                        std::fs::write(scratch.join(format!("{k}_{name}.md")), bytes).unwrap();
                        md_files += 1;
                    }
                    Ok(_) => {}
                    Err(e) => failures.push(format!("{name} ({how}): {w}: {e}")),
                }
            }
        }
    }
    println!("kinds: {kinds:?}");
    if xmllint {
        let schema = shared.join("schemas/akn/akomantoso30.xsd");
        let out = std::process::Command::new("xmllint")
            .args(["--noout", "--nonet", "--schema"])
            .arg(&schema)
            .args(&akn_files)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let valid = stderr.lines().filter(|l| l.ends_with(" validates")).count();
        if !out.status.success() || valid != akn_files.len() {
            failures.push(format!(
                "AKN: {valid}/{} validate:\n{stderr}",
                akn_files.len()
            ));
        }
    }
    if mdlint {
        let config = Path::new(env!("CARGO_MANIFEST_DIR")).join(".markdownlint-cli2.jsonc");
        let out = std::process::Command::new("markdownlint-cli2")
            .arg("--config")
            .arg(&config)
            .arg("*.md")
            .current_dir(&scratch)
            .output()
            .unwrap();
        let report = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        if !out.status.success() || !report.contains(&format!("Linting: {md_files} file(s)")) {
            failures.push(format!("Markdown: markdownlint-cli2:\n{report}"));
        }
    }
    // Each kind the sample holds is recognised.
    for kind in ["draft-resolution", "draft-decision", "amendment"] {
        if !kinds.contains_key(kind) {
            failures.push(format!("no {kind} recognised in the sample"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn a_decision_converts_and_other_text_is_refused() {
    // A decision's text opens with the organ and runs on.
    let text = "Decision adopted by the General Assembly on 5 September 2025\n\n\
Convening of the Conference\n\n\
The General Assembly, recalling its resolution 79/81 of 3 December 2024, decides to convene the Conference in 2027.\n";
    let doc = unres::read::read(text, None).unwrap().doc;
    assert_eq!(doc.meta.kind, DocKind::Decision);
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Convening of the Conference")
    );
    // With its number, the title ends where the text begins.
    let numbered = text.replace("Convening", "80/511. Convening");
    let n = unres::read::read(&numbered, None).unwrap().doc;
    assert_eq!(n.meta.number.as_deref(), Some("80/511"));
    assert_eq!(n.meta.title.as_deref(), Some("Convening of the Conference"));
    assert_eq!(n.operative_paragraphs().len(), 1);
    assert_eq!(
        doc.meta
            .adopted
            .as_ref()
            .map(|d| d.date.to_string())
            .as_deref(),
        Some("2025-09-05")
    );
    assert!(doc.formula.is_none());
    let paras = doc.operative_paragraphs();
    assert_eq!(paras.len(), 1);
    let first = &paras[0].content[0];
    assert!(first
        .to_plain()
        .starts_with("The General Assembly, recalling"));
    // No leading phrase: the organ's name is not one.
    assert!(!first.0.iter().any(|i| matches!(i, Inline::Phrase { .. })));
    for w in ["akn", "md", "pdf", "json"] {
        writer(w)
            .unwrap()
            .write(&doc, &WriteOptions::default())
            .unwrap();
    }
    // Text that is no UN document at all is still refused, with a clear error.
    let err = unres::read::read("Shopping list\n\nMilk, eggs and bread.\n", None).unwrap_err();
    assert!(err.message.contains("not a resolution"), "{}", err.message);
}

#[test]
fn a_draft_decisions_lettered_items_are_its_own() {
    let text = "United Nations A/80/L.99\nGeneral Assembly Distr.: Limited\n9 September 2025\n\n\
Eightieth session\nAgenda item 35\n\n\
France and Ireland: draft decision\n\n\
Endorsement of the Declaration\n\n\
The General Assembly,\n\n\
Recalling its resolution 79/81 of 3 December 2024:\n\n\
(a) Expresses its gratitude to the Co-Chairs;\n\n\
(b) Endorses the Declaration.\n";
    let doc = unres::read::read(text, None).unwrap().doc;
    assert_eq!(doc.meta.kind, DocKind::DraftDecision);
    assert_eq!(doc.meta.symbol.as_deref(), Some("A/80/L.99"));
    let d = doc.meta.draft.as_ref().unwrap();
    assert_eq!(d.sponsors, ["France", "Ireland"]);
    assert_eq!(d.submitted, "France and Ireland: draft decision");
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Endorsement of the Declaration")
    );
    assert_eq!(doc.preambular_paragraphs().len(), 1);
    assert!(doc.preambular_paragraphs()[0].subparagraphs.is_empty());
    let items: Vec<_> = doc
        .operative_paragraphs()
        .iter()
        .map(|p| p.num.clone().unwrap_or_default())
        .collect();
    assert_eq!(items, ["(a)", "(b)"]);
}

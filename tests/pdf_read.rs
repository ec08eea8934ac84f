//! The official PDFs read directly (no extraction) against the truth of the same
//! resolutions: every field, body words in order, no page furniture in the text.

mod common;

use std::path::PathBuf;

use common::truth::table_amended;
use serde_json::Value;
use unres::model::Resolution;

/// The official PDFs and the corpus document (truth beside it) each stands for.
fn official_pdfs(shared: &std::path::Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut pdfs: Vec<PathBuf> = std::fs::read_dir(shared.join("official-pdf"))
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    pdfs.retain(|p| p.extension().is_some_and(|e| e == "pdf"));
    pdfs.sort();
    pdfs.iter()
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().replace("-EN", "");
            let doc = shared.join("corpus").join(format!("{name}.en.txt"));
            (doc, std::fs::read(p).unwrap())
        })
        .collect()
}

/// The truth was made from text extracted from these PDFs; where that text lost a value
/// (the truth's notes say so and leave it null), the PDF must give it in full: the job
/// number that matches the barcode, the title whose first line the notes quote.
fn complete_lost_values(truth: &mut Value, doc: &Resolution) -> Vec<String> {
    let notes = truth["notes"].as_str().unwrap_or("").to_string();
    let mut out = Vec::new();
    if truth["job_number"].is_null() && notes.contains("job number") {
        let job = doc.meta.job_number.clone().unwrap_or_default();
        let barcode = doc.meta.barcode.clone().unwrap_or_default();
        if !job.is_empty() && barcode.trim_matches('*') == job.replace('-', "") {
            out.push(format!(
                "job number {job} (lost by the text, matches the barcode {barcode})"
            ));
            truth["job_number"] = Value::from(job);
        }
    }
    if truth["title"].is_null() && notes.contains("title is null") {
        let title = doc.meta.title.clone().unwrap_or_default();
        let first_words: String = title
            .split_whitespace()
            .take(6)
            .collect::<Vec<_>>()
            .join(" ");
        if !first_words.is_empty() && notes.contains(&first_words) {
            out.push(format!("title \"{title}\" (cut in the text)"));
            truth["title"] = Value::from(title);
        }
    }
    out
}

#[test]
fn official_pdfs_match_truth() {
    let Some(shared) = common::shared("official_pdfs_match_truth") else {
        return;
    };
    let inputs = official_pdfs(&shared);
    assert_eq!(inputs.len(), 29, "expected the 29 official PDFs");
    let failures = table_amended(&inputs, 99.5, true, &complete_lost_values);
    assert!(
        failures.is_empty(),
        "{} mismatches (see the table above)",
        failures.len()
    );
}

/// Running heads, folios and job numbers never reach a paragraph.
#[test]
fn no_page_furniture_in_the_text() {
    let Some(shared) = common::shared("no_page_furniture_in_the_text") else {
        return;
    };
    let mut bad = Vec::new();
    for (doc, bytes) in official_pdfs(&shared) {
        let out = unres::read::read_bytes(&bytes, None).unwrap();
        let job = out.doc.meta.job_number.clone().unwrap_or_default();
        let md = unres::write::writer("md")
            .unwrap()
            .write(&out.doc, &Default::default())
            .unwrap();
        let md = String::from_utf8(md).unwrap();
        // The body: after the front matter and the heading.
        let body = md.split("\n---\n").nth(1).unwrap_or("");
        let n = unres::read::pdf::pages(&bytes).unwrap().len();
        let folios: Vec<String> = (1..=n).map(|k| format!("{k}/{n}")).collect();
        for line in body.lines() {
            let folio = n > 1
                && line
                    .split_whitespace()
                    .any(|w| folios.iter().any(|f| f == w));
            if (!job.is_empty() && line.contains(&job)) || folio || line.contains("Please recycle")
            {
                bad.push(format!("{}: {line}", doc.display()));
            }
        }
    }
    assert!(bad.is_empty(), "furniture in the text:\n{}", bad.join("\n"));
}

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

/// The official PDF kept in the repository (`tests/corpus/`), so that a fresh clone
/// tests the PDF reader on a real print without the shared folder.
#[test]
fn repo_pdf_matches_truth() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let bytes = std::fs::read(dir.join("A_RES_80_1-EN.pdf")).unwrap();
    assert_match_truth(&[(dir.join("A_RES_80_1.en.txt"), bytes)]);
}

/// Every field right and 99.5 % of body words in order, for PDFs standing for the
/// documents (truth beside them); a value the truth's text lost may come from the PDF.
fn assert_match_truth(inputs: &[(PathBuf, Vec<u8>)]) {
    let failures = table_amended(inputs, 99.5, true, &complete_lost_values);
    assert!(
        failures.is_empty(),
        "{} mismatches (see the table above)",
        failures.len()
    );
}

#[test]
fn official_pdfs_match_truth() {
    let Some(shared) = common::shared("official_pdfs_match_truth") else {
        return;
    };
    let inputs = official_pdfs(&shared);
    assert_eq!(inputs.len(), 29, "expected the 29 official PDFs");
    assert_match_truth(&inputs);
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
        let n = lopdf::Document::load_mem(&bytes).unwrap().get_pages().len();
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

/// A one-page PDF made with lopdf: `content` drawn, with a Helvetica font `F1` and an
/// image `Im1`; `encrypt` adds an `/Encrypt` entry that no empty password opens.
fn made_pdf(content: &str, encrypt: bool) -> Vec<u8> {
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let image = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => 2, "Height" => 2,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
        },
        vec![0, 255, 255, 0],
    ));
    let content = doc.add_object(Stream::new(dictionary! {}, content.as_bytes().to_vec()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content,
        "Resources" => dictionary! {
            "Font" => dictionary! { "F1" => font },
            "XObject" => dictionary! { "Im1" => image },
        },
        "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    if encrypt {
        let enc = doc.add_object(dictionary! {
            "Filter" => "Standard", "V" => 2, "R" => 3, "Length" => 128, "P" => -4,
            "O" => Object::string_literal(vec![1u8; 32]),
            "U" => Object::string_literal(vec![2u8; 32]),
        });
        doc.trailer.set("Encrypt", enc);
        doc.trailer.set(
            "ID",
            vec![
                Object::string_literal(vec![3u8; 16]),
                Object::string_literal(vec![3u8; 16]),
            ],
        );
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn read_error(bytes: &[u8]) -> String {
    match unres::read::read_bytes(bytes, None) {
        Ok(_) => panic!("read without an error"),
        Err(e) => e.message,
    }
}

#[test]
fn bad_pdfs_get_clear_errors() {
    let scan = made_pdf("q 612 0 0 792 0 0 cm /Im1 Do Q", false);
    let m = read_error(&scan);
    assert!(m.contains("no text layer") && m.contains("OCR"), "{m}");
    let m = read_error(&made_pdf(
        "BT /F1 12 Tf 72 700 Td (Hello world) Tj ET",
        false,
    ));
    assert!(m.contains("not a resolution"), "{m}");
    let m = read_error(&made_pdf("BT /F1 12 Tf 72 700 Td (Hello) Tj ET", true));
    assert!(m.contains("encrypted"), "{m}");
    let m = read_error(b"%PDF-1.7\n1 0 obj <<");
    assert!(m.contains("damaged or truncated"), "{m}");
}

/// A PDF cut short (a download that stopped) is an error or a partial reading, never a panic.
#[test]
fn truncated_official_pdfs_never_panic() {
    let Some(shared) = common::shared("truncated_official_pdfs_never_panic") else {
        return;
    };
    let bytes = std::fs::read(shared.join("official-pdf/A_RES_80_4-EN.pdf")).unwrap();
    for k in 1..20 {
        let _ = unres::read::read_bytes(&bytes[..bytes.len() * k / 20], None);
    }
}

#[test]
fn cli_names_the_pdf_that_fails() {
    let dir = common::TempDir::new("pdf-bad");
    let path = dir.0.join("scan.pdf");
    std::fs::write(&path, made_pdf("q 612 0 0 792 0 0 cm /Im1 Do Q", false)).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_unres"))
        .arg("convert")
        .arg(&path)
        .arg("-o")
        .arg(&dir.0)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("scan.pdf") && stderr.contains("OCR"),
        "{stderr}"
    );
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config {
        cases: 256,
        rng_seed: common::gen::seed(),
        failure_persistence: None,
        ..Default::default()
    })]

    /// Random bytes after the header: an error, never a panic.
    #[test]
    fn random_bytes_after_the_header_never_panic(tail in proptest::collection::vec(proptest::num::u8::ANY, 0..2048)) {
        let mut bytes = b"%PDF-1.7\n".to_vec();
        bytes.extend(tail);
        let _ = unres::read::read_bytes(&bytes, None);
    }

    /// A small PDF with bytes changed anywhere: an error or a reading, never a panic.
    #[test]
    fn mutated_pdfs_never_panic(edits in proptest::collection::vec((proptest::num::usize::ANY, proptest::num::u8::ANY), 1..8)) {
        let mut bytes = made_pdf("BT /F1 12 Tf 72 700 Td (The General Assembly,) Tj 0 -14 Td [(1. Decides) -250 (it;)] TJ ET", false);
        for (at, b) in edits {
            let n = bytes.len();
            bytes[at % n] = b;
        }
        let _ = unres::read::read_bytes(&bytes, None);
    }
}

/// Every corpus document typeset by our PDF writer reads back, through the PDF reader,
/// to its truth: a second layout (our own print) for the geometry rules.
#[test]
fn corpus_survives_our_pdf_read_directly() {
    let Some(shared) = common::shared("corpus_survives_our_pdf_read_directly") else {
        return;
    };
    let pdf_writer = unres::write::writer("pdf").expect("pdf writer registered");
    let opts = unres::write::WriteOptions::default();
    let mut inputs = Vec::new();
    for path in common::documents(&shared) {
        let doc = common::read_doc(&path).doc;
        inputs.push((path, pdf_writer.write(&doc, &opts).unwrap()));
    }
    // Measured: 822/822 fields, 43379/43382 body words in order; what is left are a few words
    // our writer breaks where the dictionary would not (French read with English rules).
    let failures = table_amended(&inputs, 99.0, true, &|_, _| Vec::new());
    assert!(
        failures.is_empty(),
        "{} mismatches after the round trip (see the table above)",
        failures.len()
    );
}

/// Every preambular and operative paragraph of the official PDFs opens with its leading
/// phrase, taken from the italic run the PDF prints there; titles cited in italics are
/// emphasis.
#[test]
fn leading_phrases_and_emphasis_come_from_the_italics() {
    use unres::model::Inline;
    let Some(shared) = common::shared("leading_phrases_and_emphasis_come_from_the_italics") else {
        return;
    };
    let mut missing = Vec::new();
    let mut emphasis = 0;
    for (doc_path, bytes) in official_pdfs(&shared) {
        let doc = unres::read::read_bytes(&bytes, None).unwrap().doc;
        for p in doc
            .preambular_paragraphs()
            .into_iter()
            .chain(doc.operative_paragraphs())
        {
            let opens = p
                .content
                .first()
                .and_then(|t| t.0.first())
                .is_some_and(|i| matches!(i, Inline::Phrase { .. }));
            if !opens && p.heading.is_none() {
                missing.push(format!(
                    "{}: {}",
                    doc_path.display(),
                    p.content.first().map(|t| t.to_plain()).unwrap_or_default()
                ));
            }
        }
        emphasis += doc
            .footnotes
            .iter()
            .flat_map(|f| &f.text.0)
            .filter(|i| matches!(i, Inline::Emphasis { text } if text == "Treaty Series"))
            .count();
    }
    assert!(
        missing.is_empty(),
        "no leading phrase:\n{}",
        missing.join("\n")
    );
    // United Nations, *Treaty Series*, vol. …: in the notes of many of these resolutions.
    assert!(emphasis >= 10, "Treaty Series in italics {emphasis} times");
}

/// A form that draws itself ten times, nested: the walk stops at its budget.
#[test]
fn self_calling_forms_end() {
    use lopdf::{dictionary, Object, Stream};
    let mut bytes_doc = lopdf::Document::load_mem(&made_pdf("/Fm1 Do", false)).unwrap();
    let form_id = bytes_doc.new_object_id();
    let page_id = *bytes_doc.get_pages().values().next().unwrap();
    let form = Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()],
            "Resources" => dictionary! { "XObject" => dictionary! { "Fm1" => form_id } },
        },
        b"/Fm1 Do /Fm1 Do /Fm1 Do /Fm1 Do /Fm1 Do /Fm1 Do /Fm1 Do /Fm1 Do /Fm1 Do /Fm1 Do".to_vec(),
    );
    bytes_doc.objects.insert(form_id, Object::Stream(form));
    if let Ok(page) = bytes_doc.get_dictionary_mut(page_id) {
        page.set(
            "Resources",
            dictionary! { "XObject" => dictionary! { "Fm1" => form_id } },
        );
    }
    let mut bytes = Vec::new();
    bytes_doc.save_to(&mut bytes).unwrap();
    let m = read_error(&bytes);
    assert!(m.contains("no text"), "{m}");
}

//! The PDF writer: structure, fonts, text, geometry, over the hand-built
//! sample and every shared document.

mod common;
#[path = "pdf/sample.rs"]
mod sample;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use unres::model::Resolution;
use unres::write::{FontFamily, PaperSize, Pdf};
use unres::write::{WriteOptions, Writer};

fn out_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("pdf")
        .join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(cmd: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new(cmd).args(args).output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

fn have_tools(test: &str) -> bool {
    ["qpdf", "pdffonts", "pdftotext", "pdfinfo"]
        .iter()
        .all(|t| common::tool(test, t))
}

/// A word from `pdftotext -bbox`, with its box (top-down y, as pdftotext gives it).
struct Word {
    text: String,
    x1: f32,
    y1: f32,
    x2: f32,
    y2: f32,
    page: usize,
}

fn attr(line: &str, name: &str) -> Option<f32> {
    let key = format!("{name}=\"");
    let rest = &line[line.find(&key)? + key.len()..];
    rest[..rest.find('"')?].parse().ok()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Words with their boxes, and the page sizes.
fn bbox(pdf: &Path) -> (Vec<Word>, Vec<(f32, f32)>) {
    // In the order of the content (ours is the reading order, and the tags say so):
    // pdftotext's own column guessing reads a two-line paragraph whose number stands
    // alone at the left as two columns, for the official print as for ours.
    let (ok, out) = run("pdftotext", &["-bbox", "-raw", pdf.to_str().unwrap(), "-"]);
    assert!(ok, "pdftotext failed on {}: {out}", pdf.display());
    let mut words = Vec::new();
    let mut pages = Vec::new();
    for line in out.lines() {
        let line = line.trim();
        if line.starts_with("<page") {
            pages.push((attr(line, "width").unwrap(), attr(line, "height").unwrap()));
        } else if line.starts_with("<word") {
            let text =
                line[line.find('>').unwrap() + 1..line.rfind("</word>").unwrap()].to_string();
            words.push(Word {
                text: unescape(&text),
                x1: attr(line, "xMin").unwrap(),
                y1: attr(line, "yMin").unwrap(),
                x2: attr(line, "xMax").unwrap(),
                y2: attr(line, "yMax").unwrap(),
                page: pages.len(),
            });
        }
    }
    (words, pages)
}

/// The words of the PDF in reading order, with hyphenated line ends joined
/// (keeping the hyphen when only the hyphenated form is a word of `vocab`)
/// and footnote marks glued to a word taken off.
fn pdf_words(words: &[Word], vocab: &HashSet<&str>, markers: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut w = words[i].text.clone();
        while w.ends_with('-') && i + 1 < words.len() && words[i + 1].y1 > words[i].y2 - 1.0 {
            let next = &words[i + 1].text;
            let joined = format!("{}{}", &w[..w.len() - 1], next);
            let kept = format!("{w}{next}");
            w = if !vocab.contains(joined.as_str()) && vocab.contains(kept.as_str()) {
                kept
            } else {
                joined
            };
            i += 1;
        }
        if !vocab.contains(w.as_str()) {
            for m in markers {
                if let Some(s) = w
                    .strip_suffix(m.as_str())
                    .or_else(|| w.strip_prefix(m.as_str()))
                {
                    if vocab.contains(s) {
                        w = s.to_string();
                        break;
                    }
                }
            }
        }
        out.push(w);
        i += 1;
    }
    out
}

/// One document's checks; returns a table row or the failures.
struct Row {
    name: String,
    pages: usize,
    words: usize,
    found: usize,
    notes: String,
}

fn check_pdf(
    name: &str,
    pdf: &Path,
    doc: &Resolution,
    body: Option<&str>,
    paper: (f32, f32),
) -> Result<Row, String> {
    let mut errors = Vec::new();
    let p = pdf.to_str().unwrap();
    let (ok, out) = run("qpdf", &["--check", p]);
    if !ok || !out.contains("No syntax or stream encoding errors") {
        errors.push(format!("qpdf --check: {out}"));
    }
    let (ok, out) = run("pdffonts", &[p]);
    let fonts: Vec<&str> = out.lines().skip(2).collect();
    if !ok || fonts.is_empty() {
        errors.push(format!("pdffonts: {out}"));
    }
    for f in &fonts {
        let cols: Vec<&str> = f.split_whitespace().collect();
        let n = cols.len();
        // ... emb sub uni objnum gen
        if n < 6 || cols[n - 5] != "yes" || cols[n - 4] != "yes" || !cols[0].contains('+') {
            errors.push(format!("font not embedded and subset: {f}"));
        }
    }
    let (words, pages) = bbox(pdf);
    for (w, h) in &pages {
        if (w - paper.0).abs() > 1.0 || (h - paper.1).abs() > 1.0 {
            errors.push(format!("page size {w} x {h}, expected {paper:?}"));
        }
    }
    // Geometry: furniture stays 36 pt inside the paper; body text stays in the
    // text block (hanging numbers may reach 60 pt into the left margin).
    let dx = (paper.0 - 612.0) / 2.0;
    let dy = (paper.1 - 792.0) / 2.0;
    // On page 1 the body starts below the masthead's left column (session,
    // agenda items), which sits in the margin under the thick rule.
    let body_top = words
        .iter()
        .filter(|w| w.page == 1 && w.y1 - dy > 792.0 - 582.0 && (w.x1 - dx - 60.0).abs() < 0.5)
        .map(|w| w.y2 - dy)
        .fold(792.0 - 540.0, f32::max);
    for w in &words {
        let (top, bottom) = (w.y1 - dy, w.y2 - dy);
        let in_paper = w.x1 >= 36.0 + dx.min(0.0)
            && w.x2 <= paper.0 - 36.0
            && w.y1 >= 18.0
            && w.y2 <= paper.1 - 18.0;
        let body_band = if w.page == 1 {
            top >= body_top - 0.5
        } else {
            top > 792.0 - 720.0
        } && bottom < 792.0 - 60.0;
        let in_block = w.x1 >= 123.4 + dx - 60.0 && w.x2 <= 491.1 + dx + 0.6;
        if !in_paper || (body_band && !in_block) {
            errors.push(format!(
                "page {}: '{}' at x {:.1}–{:.1}, y {:.1}–{:.1} is outside the text area",
                w.page, w.text, w.x1, w.x2, w.y1, w.y2
            ));
        }
    }
    let markers: Vec<String> = doc.footnotes.iter().map(|f| f.marker.clone()).collect();
    let mut row = Row {
        name: name.to_string(),
        pages: pages.len(),
        words: 0,
        found: 0,
        notes: String::new(),
    };
    if let Some(body) = body {
        let expected: Vec<&str> = body.split_whitespace().collect();
        let vocab: HashSet<&str> = expected.iter().copied().collect();
        let got = pdf_words(&words, &vocab, &markers);
        let got_refs: Vec<&str> = got.iter().map(String::as_str).collect();
        row.words = expected.len();
        row.found = common::lcs_len(&expected, &got_refs);
        if (row.found as f64) < 0.99 * expected.len() as f64 {
            errors.push(format!(
                "only {}/{} body words in order",
                row.found, row.words
            ));
        }
    }
    // Every footnote's text comes back, in order, at the foot of a page.
    let mut notes_found = 0;
    for f in &doc.footnotes {
        let plain = f.text.to_plain();
        let nw: Vec<&str> = plain.split_whitespace().collect();
        let vocab: HashSet<&str> = nw.iter().copied().collect();
        let got = pdf_words(&words, &vocab, &markers);
        let got_refs: Vec<&str> = got.iter().map(String::as_str).collect();
        let found = common::lcs_len(&nw, &got_refs);
        if (found as f64) >= 0.95 * nw.len() as f64 {
            notes_found += 1;
        } else {
            errors.push(format!(
                "footnote {} not found: {found}/{} words",
                f.marker,
                nw.len()
            ));
        }
    }
    row.notes = format!("{notes_found}/{}{}", doc.footnotes.len(), row.notes);
    if errors.is_empty() {
        Ok(row)
    } else {
        Err(format!("{name}:\n  {}", errors.join("\n  ")))
    }
}

fn write_pdf(doc: &Resolution, opts: &WriteOptions, dir: &Path, stem: &str) -> PathBuf {
    let bytes = Pdf
        .write(doc, opts)
        .unwrap_or_else(|e| panic!("{stem}: PDF writer failed: {e}"));
    let path = dir.join(format!("{stem}.pdf"));
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The body words of a hand-built document, as `.body.txt` would give them.
fn sample_body(doc: &Resolution) -> String {
    let mut out = Vec::new();
    if let Some(f) = &doc.formula {
        out.push(f.text.to_plain());
    }
    fn walk(blocks: &[unres::model::Block], out: &mut Vec<String>) {
        for b in blocks {
            match b {
                unres::model::Block::Paragraph(p) => para(p, out),
                unres::model::Block::Section(s) => walk(&s.children, out),
            }
        }
    }
    fn para(p: &unres::model::Paragraph, out: &mut Vec<String>) {
        for (i, t) in p.content.iter().enumerate() {
            let num = if i == 0 {
                p.num.clone().unwrap_or_default()
            } else {
                String::new()
            };
            out.push(format!("{num} {}", t.to_plain()));
        }
        for s in &p.subparagraphs {
            para(s, out);
        }
        for t in &p.wrap_up {
            out.push(t.to_plain());
        }
    }
    walk(&doc.preamble, &mut out);
    walk(&doc.body, &mut out);
    if let Some(c) = &doc.closing {
        out.extend(c.meeting.clone());
        out.extend(c.date.as_ref().map(|d| d.text.clone()));
    }
    out.join("\n")
}

#[test]
fn sample_passes_every_check_and_is_deterministic() {
    if !have_tools("sample_passes_every_check") {
        return;
    }
    let doc = sample::sample(4);
    let dir = out_dir("sample");
    let opts = WriteOptions::default();
    let a = Pdf.write(&doc, &opts).unwrap();
    let b = Pdf.write(&doc, &opts).unwrap();
    if a != b {
        std::fs::write(dir.join("a.pdf"), &a).unwrap();
        std::fs::write(dir.join("b.pdf"), &b).unwrap();
        panic!(
            "same input, different bytes (a.pdf, b.pdf in {})",
            dir.display()
        );
    }
    let path = write_pdf(&doc, &opts, &dir, "sample");
    let row = check_pdf(
        "sample",
        &path,
        &doc,
        Some(&sample_body(&doc)),
        (612.0, 792.0),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(row.pages >= 3, "{} pages", row.pages);
    // Metadata and navigation.
    let (_, info) = run("pdfinfo", &[path.to_str().unwrap()]);
    assert!(info.contains("Subject:         A/RES/65/122"), "{info}");
    assert!(info.contains("Author:          General Assembly"), "{info}");
    // Dated from the document (adopted 13 December 2010), not from the run.
    assert!(
        info.contains("CreationDate:    Mon Dec 13 00:00:00 2010 UTC"),
        "{info}"
    );
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(info.contains("PDF version:     1.7"), "{info}");
    assert!(info.contains("Page size:       612 x 792 pts"), "{info}");
    assert!(
        !info.contains("PDF subtype"),
        "a PDF/X or PDF/A claim: {info}"
    );
    let (_, meta) = run("pdfinfo", &["-meta", path.to_str().unwrap()]);
    assert!(
        meta.contains("<dc:identifier>A/RES/65/122</dc:identifier>")
            && meta.contains("<rdf:li>en</rdf:li>")
            && meta.contains("<xmp:CreateDate>2010-12-13T00:00:00Z</xmp:CreateDate>"),
        "{meta}"
    );
    let raw = {
        let (_, o) = run(
            "qpdf",
            &[
                "--qdf",
                "--object-streams=disable",
                path.to_str().unwrap(),
                "-",
            ],
        );
        o
    };
    assert!(raw.contains("/Lang (en)"), "no /Lang");
    assert!(
        raw.contains("https://undocs.org/en/A/RES/59/50"),
        "no reference link"
    );
    assert!(raw.contains("/Contents (Note 1)"), "no link to a note");
    assert!(raw.contains("/Outlines"), "no bookmarks");
    // Links off.
    let off = WriteOptions {
        links: false,
        ..WriteOptions::default()
    };
    let path_off = write_pdf(&doc, &off, &dir, "sample-nolinks");
    let (_, raw_off) = run(
        "qpdf",
        &[
            "--qdf",
            "--object-streams=disable",
            path_off.to_str().unwrap(),
            "-",
        ],
    );
    assert!(!raw_off.contains("undocs.org"), "links not turned off");
}

#[test]
fn a4_keeps_the_text_block_centred() {
    if !have_tools("a4_keeps_the_text_block_centred") {
        return;
    }
    let doc = sample::sample(2);
    let opts = WriteOptions {
        paper: PaperSize::A4,
        ..WriteOptions::default()
    };
    let path = write_pdf(&doc, &opts, &out_dir("a4"), "sample-a4");
    check_pdf(
        "sample-a4",
        &path,
        &doc,
        Some(&sample_body(&doc)),
        (595.276, 841.89),
    )
    .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn page_one_renders_not_blank() {
    if !common::tool("page_one_renders_not_blank", "pdftoppm") {
        return;
    }
    let doc = match common::shared("page_one_renders_not_blank") {
        Some(shared) => match unres::read::read_bytes(
            &std::fs::read(shared.join("seed/A_RES_65_122.en.txt")).unwrap(),
            None,
        ) {
            Ok(out) => out.doc,
            Err(e) => {
                eprintln!(
                    "page_one_renders_not_blank: seed not readable yet ({}), using the sample",
                    e.message
                );
                sample::sample(1)
            }
        },
        None => sample::sample(1),
    };
    let dir = out_dir("png");
    let path = write_pdf(&doc, &WriteOptions::default(), &dir, "seed");
    let prefix = dir.join("seed");
    let (ok, out) = run(
        "pdftoppm",
        &[
            "-png",
            "-r",
            "40",
            "-gray",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            path.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    assert!(ok, "{out}");
    let png = std::fs::read(dir.join("seed.png")).unwrap();
    // A blank page compresses to almost nothing; a page of text does not.
    assert!(
        png.len() > 8_000,
        "page 1 looks blank ({} bytes)",
        png.len()
    );
    let (ok, out) = run(
        "pdftoppm",
        &[
            "-gray",
            "-r",
            "40",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            path.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    assert!(ok, "{out}");
    let pgm = std::fs::read(dir.join("seed.pgm")).unwrap();
    // Skip the three header lines of the PGM, then count inked pixels.
    let mut newlines = 0;
    let start = pgm
        .iter()
        .position(|&b| {
            newlines += usize::from(b == b'\n');
            newlines == 3
        })
        .unwrap()
        + 1;
    let inked = pgm[start..].iter().filter(|&&b| b < 160).count();
    assert!(inked > 1000, "page 1 has only {inked} inked pixels");
}

fn liberation() -> Option<FontFamily> {
    let dir = Path::new("/usr/share/fonts/truetype/liberation2");
    let read = |s: &str| std::fs::read(dir.join(format!("LiberationSerif-{s}.ttf"))).ok();
    Some(FontFamily {
        regular: read("Regular")?,
        italic: read("Italic")?,
        bold: read("Bold")?,
        bold_italic: read("BoldItalic")?,
    })
}

#[test]
fn a_user_font_family_is_embedded() {
    if !have_tools("a_user_font_family_is_embedded") {
        return;
    }
    let Some(family) = liberation() else {
        assert!(
            !common::required(),
            "Liberation Serif (fonts-liberation2) missing and UNRES_REQUIRE_SHARED is set"
        );
        eprintln!("a_user_font_family_is_embedded: skipped, Liberation Serif not installed");
        return;
    };
    let doc = sample::sample(2);
    let opts = WriteOptions {
        font_family: Some(Arc::new(family)),
        ..WriteOptions::default()
    };
    let path = write_pdf(&doc, &opts, &out_dir("liberation"), "sample-liberation");
    check_pdf(
        "sample-liberation",
        &path,
        &doc,
        Some(&sample_body(&doc)),
        (612.0, 792.0),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (_, fonts) = run("pdffonts", &[path.to_str().unwrap()]);
    assert!(fonts.contains("LiberationSerif"), "{fonts}");
    assert!(!fonts.contains("Libertinus"), "{fonts}");
    // From the command line, Debian's folder holds Mono, Sans and Serif: the serif is taken.
    let out = out_dir("font-dir");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/A_RES_65_122.txt");
    let status = Command::new(env!("CARGO_BIN_EXE_unres"))
        .args(["convert", "--to", "pdf", "-q", "--font-dir"])
        .arg("/usr/share/fonts/truetype/liberation2")
        .arg("-o")
        .arg(&out)
        .arg(&fixture)
        .status()
        .unwrap();
    assert!(status.success());
    let (_, fonts) = run(
        "pdffonts",
        &[out.join("A_RES_65_122.pdf").to_str().unwrap()],
    );
    assert!(fonts.contains("LiberationSerif-Italic"), "{fonts}");
    assert!(
        !fonts.contains("Mono") && !fonts.contains("Sans"),
        "{fonts}"
    );
    // A folder without a whole family is a usage error naming the folder.
    let empty = out_dir("font-dir-empty");
    let res = Command::new(env!("CARGO_BIN_EXE_unres"))
        .args(["convert", "--to", "pdf", "--font-dir"])
        .arg(&empty)
        .arg("-o")
        .arg(&out)
        .arg(&fixture)
        .output()
        .unwrap();
    assert_eq!(res.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&res.stderr).contains("no font family"));
    // A broken font is an error, not a panic.
    let bad = FontFamily {
        regular: vec![1, 2, 3],
        italic: vec![],
        bold: vec![],
        bold_italic: vec![],
    };
    let opts = WriteOptions {
        font_family: Some(Arc::new(bad)),
        ..WriteOptions::default()
    };
    assert!(Pdf.write(&doc, &opts).is_err());
}

#[test]
fn every_shared_document_converts_and_checks() {
    let Some(shared) = common::shared("every_shared_document_converts_and_checks") else {
        return;
    };
    if !have_tools("every_shared_document_converts_and_checks") {
        return;
    }
    let dir = out_dir("corpus");
    let docs = common::documents(&shared);
    let mut jobs = Vec::new();
    let mut skipped = Vec::new();
    for path in &docs {
        let name = path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .trim_end_matches(".txt")
            .to_string();
        match unres::read::read_bytes(&std::fs::read(path).unwrap(), None) {
            // Only read errors are skipped; the writer must handle whatever the reader gives.
            Err(e) => skipped.push(format!("{name}: read error: {}", e.message)),
            Ok(out) => {
                let pdf = write_pdf(&out.doc, &WriteOptions::default(), &dir, &name);
                let body = std::fs::read_to_string(common::body_path(path)).ok();
                jobs.push((name, pdf, out.doc, body));
            }
        }
    }
    // The external tools run on both cores.
    let results: Vec<Result<Row, String>> = std::thread::scope(|s| {
        let half = jobs.len().div_ceil(2).max(1);
        let handles: Vec<_> = jobs
            .chunks(half)
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .map(|(n, p, d, b)| check_pdf(n, p, d, b.as_deref(), (612.0, 792.0)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    println!(
        "{:<28} {:>5} {:>12} {:>7} {:>6}",
        "document", "pages", "words", "order", "notes"
    );
    let mut failures = Vec::new();
    for r in results {
        match r {
            Ok(r) => println!(
                "{:<28} {:>5} {:>5}/{:<6} {:>6.2}% {:>6}",
                r.name,
                r.pages,
                r.found,
                r.words,
                100.0 * r.found as f64 / r.words.max(1) as f64,
                r.notes
            ),
            Err(e) => failures.push(e),
        }
    }
    for s in &skipped {
        println!("skipped ({s})");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        skipped.len() < docs.len() || !common::required(),
        "no document could be read"
    );
}

/// Text the font cannot show: the PDF stays whole (every font its pages use embedded,
/// even one that shows only empty boxes), and the command line says what is missing.
#[test]
fn characters_without_a_glyph_are_reported_and_the_pdf_stays_whole() {
    if !have_tools("characters_without_a_glyph_are_reported_and_the_pdf_stays_whole") {
        return;
    }
    let dir = out_dir("no-glyph");
    // The formula (italic) has no character the built-in font shows.
    let input = dir.join("zh.txt");
    std::fs::write(
        &input,
        "大会，\n\n1.\t发布这一世界人权宣言 Universal Declaration\n\n2.\t决定 to remain seized.\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_unres"))
        .args(["convert", "--to", "pdf", "-o"])
        .arg(&dir)
        .arg(&input)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("warning: pdf output: the built-in font has no glyph for 15 characters")
            && stderr.contains("一 (U+4E00), 世 (U+4E16)"),
        "{stderr}"
    );
    let pdf = dir.join("zh.pdf");
    let p = pdf.to_str().unwrap();
    let (ok, check) = run("qpdf", &["--check", p]);
    assert!(ok, "{check}");
    // pdftotext complains about a font a page uses but does not have.
    let (ok, text) = run("pdftotext", &[p, "-"]);
    assert!(
        ok && !text.contains("Unknown font") && !text.contains("Error"),
        "{text}"
    );
    assert!(text.contains("Universal Declaration"), "{text}");
    let (_, fonts) = run("pdffonts", &[p]);
    assert!(fonts.contains("LiberationSerif-Italic"), "{fonts}");
}

/// The structure tree, walked in order: a `P` or `LI` for every paragraph of the
/// model, numbered paragraphs as list items, a `Note` per footnote, a `Link` per
/// link annotation, and marked content met in the order of the pages' content (the
/// tag order is the reading order).
#[test]
fn the_structure_tree_has_every_paragraph_in_reading_order() {
    use lopdf::{Dictionary, Document, Object};
    let doc = sample::sample(3);
    let bytes = Pdf.write(&doc, &WriteOptions::default()).unwrap();
    let pdf = Document::load_mem(&bytes).unwrap();
    let deref = |o: &Object| -> Object {
        match o {
            Object::Reference(id) => pdf.get_object(*id).unwrap().clone(),
            other => other.clone(),
        }
    };
    let catalog = pdf.catalog().unwrap();
    let mark_info = deref(catalog.get(b"MarkInfo").unwrap());
    assert_eq!(
        mark_info.as_dict().unwrap().get(b"Marked").unwrap(),
        &Object::Boolean(true)
    );
    let root = deref(catalog.get(b"StructTreeRoot").unwrap());
    let document = deref(root.as_dict().unwrap().get(b"K").unwrap());
    let pages: Vec<lopdf::ObjectId> = pdf.get_pages().into_values().collect();
    // (structure type, marked content as (page, MCID)) in tree order.
    let mut elems: Vec<(String, Vec<(usize, i64)>)> = Vec::new();
    let mut links = 0;
    fn walk(
        d: &Dictionary,
        deref: &dyn Fn(&Object) -> Object,
        pages: &[lopdf::ObjectId],
        out: &mut Vec<(String, Vec<(usize, i64)>)>,
        links: &mut usize,
    ) {
        let s = String::from_utf8_lossy(d.get(b"S").unwrap().as_name().unwrap()).to_string();
        let at = out.len();
        out.push((s.clone(), Vec::new()));
        let kids = match d.get(b"K") {
            Ok(Object::Array(a)) => a.clone(),
            Ok(o) => vec![o.clone()],
            Err(_) => Vec::new(),
        };
        for k in kids {
            let k = deref(&k);
            let Ok(kd) = k.as_dict() else { continue };
            match kd.get(b"Type").and_then(Object::as_name) {
                Ok(b"MCR") => {
                    let pg = kd.get(b"Pg").unwrap().as_reference().unwrap();
                    let page = pages.iter().position(|p| *p == pg).unwrap();
                    let mcid = kd.get(b"MCID").unwrap().as_i64().unwrap();
                    out[at].1.push((page, mcid));
                }
                Ok(b"OBJR") => *links += usize::from(s == "Link"),
                _ => walk(kd, deref, pages, out, links),
            }
        }
    }
    walk(
        document.as_dict().unwrap(),
        &deref,
        &pages,
        &mut elems,
        &mut links,
    );
    assert_eq!(elems[0].0, "Document");
    let count = |s: &str| elems.iter().filter(|e| e.0 == s).count();
    // Numbered paragraphs (and sub-paragraphs) are list items, in lists.
    fn numbered(blocks: &[unres::model::Block]) -> usize {
        fn para(p: &unres::model::Paragraph) -> usize {
            usize::from(p.num.is_some()) + p.subparagraphs.iter().map(para).sum::<usize>()
        }
        blocks
            .iter()
            .map(|b| match b {
                unres::model::Block::Paragraph(p) => para(p),
                unres::model::Block::Section(s) => numbered(&s.children),
            })
            .sum()
    }
    let items = numbered(&doc.preamble) + numbered(&doc.body);
    assert!(items > 0);
    assert_eq!(count("LI"), items, "{elems:?}");
    assert!(count("L") >= 1);
    // Every preambular paragraph is a P (besides the masthead's, heading's, closing's).
    assert!(count("P") >= doc.preamble.len(), "{elems:?}");
    assert_eq!(count("Note"), doc.footnotes.len());
    assert!(count("H1") >= 1);
    assert!(links >= 2, "{links} links");
    // Tag order is content order: elements come in the order of their first marked
    // content, and each one's content page by page, MCID by MCID (a paragraph that
    // runs over a page keeps its parts together, before the note set at that page's foot).
    let firsts: Vec<(usize, i64)> = elems.iter().filter_map(|e| e.1.first().copied()).collect();
    assert!(firsts.windows(2).all(|w| w[0] < w[1]), "{firsts:?}");
    for e in &elems {
        assert!(e.1.windows(2).all(|w| w[0] < w[1]), "{e:?}");
    }
    let order: Vec<(usize, i64)> = elems.iter().flat_map(|e| e.1.clone()).collect();
    let mut sorted = order.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), order.len(), "marked content in two elements");
    let per_page = |p: usize| order.iter().filter(|(pg, _)| *pg == p).count() as i64;
    for (p, &id) in pages.iter().enumerate() {
        // Each page's MCIDs are 0, 1, 2, … and its dictionary points into the parent tree.
        assert_eq!(
            order.iter().filter(|(pg, _)| *pg == p).map(|x| x.1).max(),
            Some(per_page(p) - 1)
        );
        let page = pdf.get_dictionary(id).unwrap();
        assert_eq!(
            page.get(b"StructParents").unwrap().as_i64().unwrap(),
            p as i64
        );
    }
    // The text of the first list item starts its paragraph's number.
    let li = elems.iter().position(|e| e.0 == "LI").unwrap();
    assert!(elems[..li].iter().any(|e| e.0 == "P"));
}

/// qpdf finds nothing wrong in what we write, outline and structure included.
#[test]
fn qpdf_check_is_clean() {
    if !have_tools("qpdf_check_is_clean") {
        return;
    }
    let doc = sample::sample(3);
    let path = write_pdf(&doc, &WriteOptions::default(), &out_dir("qpdf"), "sample");
    let (ok, out) = run("qpdf", &["--check", path.to_str().unwrap()]);
    assert!(
        ok && out.contains("No syntax or stream encoding errors"),
        "{out}"
    );
    assert!(!out.to_lowercase().contains("warning"), "{out}");
}

/// As printed, no word is broken at a line end unless `--hyphenate` asks for it.
#[test]
fn words_are_hyphenated_only_when_asked() {
    if !have_tools("words_are_hyphenated_only_when_asked") {
        return;
    }
    let doc = sample::sample(3);
    let text_words: HashSet<String> = sample_body(&doc)
        .split_whitespace()
        .map(str::to_string)
        .collect();
    // Line ends with a hyphen that no word of the text has there.
    let inserted = |opts: &WriteOptions, stem: &str| -> usize {
        let path = write_pdf(&doc, opts, &out_dir("hyphens"), stem);
        // Plain pdftotext joins a word hyphenated at a line end; -layout keeps the lines.
        let (_, text) = run("pdftotext", &["-layout", path.to_str().unwrap(), "-"]);
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        lines
            .windows(2)
            .filter(|w| {
                let (Some(end), Some(next)) = (
                    w[0].split_whitespace().last(),
                    w[1].split_whitespace().next(),
                ) else {
                    return false;
                };
                end.ends_with('-')
                    && end.len() > 1
                    && !text_words
                        .iter()
                        .any(|t| t.contains(&format!("{end}{next}")))
            })
            .count()
    };
    assert_eq!(inserted(&WriteOptions::default(), "plain"), 0);
    let opts = WriteOptions {
        hyphenate: true,
        ..WriteOptions::default()
    };
    assert!(inserted(&opts, "hyphenated") > 0);
}

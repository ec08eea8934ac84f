//! AKN made by another tool: Laws.Africa's bluebell (`bluebell-akn` 3.1.1) turned the
//! marked-up texts `tests/fixtures/bluebell-{statement,act}.txt` into the `.akn.xml`
//! fixtures beside them. They are read as far as the model holds them; everything
//! else is a warning that names the element and its line and column.

use std::path::Path;
use unres::model::{Block, Inline};
use unres::read::{read_bytes, Format, ReadOutput};
use unres::Severity;

fn read_fixture(name: &str) -> ReadOutput {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let bytes = std::fs::read(&path).expect("fixture");
    assert!(unres::read::detect(std::str::from_utf8(&bytes).expect("utf-8")) == Format::Akn);
    read_bytes(&bytes, None).expect("read")
}

/// `LINE:COLUMN message` of each warning.
fn warnings(out: &ReadOutput) -> Vec<String> {
    out.diagnostics
        .iter()
        .map(|d| {
            assert_eq!(d.severity, Severity::Warning);
            format!("{}:{} {}", d.line, d.column, d.message)
        })
        .collect()
}

fn assert_warned(all: &[String], expected: &[&str]) {
    assert_eq!(all.len(), expected.len(), "{all:#?}");
    for (w, e) in all.iter().zip(expected) {
        assert!(w.starts_with(e), "expected {e:?}, got {w:?}");
    }
}

#[test]
fn a_bluebell_statement() {
    let out = read_fixture("bluebell-statement.akn.xml");
    let doc = &out.doc;
    // Kept: the preamble, the numbered paragraphs with their points, leading phrases
    // in <i>, the note at its mark, the reference, the cross-heading, the annex.
    assert_eq!(doc.meta.language, "en");
    assert_eq!(doc.preambular_paragraphs().len(), 2);
    let noting = &doc.preambular_paragraphs()[1].content[0].0;
    assert_eq!(
        noting[0],
        Inline::Phrase {
            text: "Noting".into()
        }
    );
    assert!(noting.contains(&Inline::NoteRef { marker: "1".into() }));
    assert_eq!(doc.footnotes.len(), 1);
    assert_eq!(doc.footnotes[0].text.to_plain(), "A/65/123.");
    let ops = doc.operative_paragraphs();
    assert_eq!(ops.len(), 3);
    assert_eq!(ops[1].subparagraphs.len(), 2);
    assert_eq!(
        ops[1].subparagraphs[0].content[0].to_plain(),
        "To act in good faith;"
    );
    assert!(ops[1].subparagraphs[1].content[0]
        .0
        .iter()
        .any(|i| matches!(
            i,
            Inline::Ref { symbol, .. } if symbol == "A/RES/59/50"
        )));
    assert!(matches!(&doc.body[2], Block::Section(s) if s.heading.to_plain() == "Final matters"));
    assert_eq!(doc.annexes.len(), 1);
    assert_eq!(doc.annexes[0].label, "Annex");
    assert_eq!(doc.annexes[0].blocks.len(), 1);
    // Warned: what the model has no place for, each with its line and column.
    assert_warned(
        &warnings(&out),
        &[
            "2:3 a statement named \"statement\": read as a resolution",
            "4:7 the FRBR identification of another tool",
            "10:11 the author \"\" is not a UN organ",
            "33:7 <p> in <preface> is not read", // "The General Assembly," outside a formula
            "36:30 <b> is not kept as markup",
            "54:52 <term> is not kept as markup",
            "64:7 attribute name=\"hcontainer\" of <hcontainer> not kept",
            "64:7 <hcontainer> read as a section",
            "75:7 <p> in <conclusions> is not read", // a meeting line without <event>
            "81:9 an attachment <doc name=\"annexure\"> read as an annex",
        ],
    );
}

#[test]
fn a_bluebell_act() {
    let out = read_fixture("bluebell-act.akn.xml");
    let doc = &out.doc;
    // Kept: chapters and sections that only group become sections; sections with
    // their own text, subsections and paragraphs become paragraphs and points.
    let Block::Section(chapter) = &doc.body[0] else {
        panic!("a chapter is a section: {:?}", doc.body[0]);
    };
    assert_eq!(chapter.num.as_deref(), Some("1"));
    assert_eq!(chapter.heading.to_plain(), "General provisions");
    let Block::Section(definitions) = &chapter.children[0] else {
        panic!("section 1 only groups its subsections");
    };
    assert_eq!(definitions.level, 2);
    assert_eq!(definitions.children.len(), 2);
    let Block::Paragraph(application) = &chapter.children[1] else {
        panic!("section 2 has its own text");
    };
    assert_eq!(
        application
            .heading
            .as_ref()
            .map(|h| h.to_plain())
            .as_deref(),
        Some("Application")
    );
    assert_eq!(application.subparagraphs.len(), 2);
    assert_eq!(doc.annexes[0].label, "Schedule 1");
    assert_eq!(
        doc.annexes[0]
            .title
            .as_ref()
            .map(|t| t.to_plain())
            .as_deref(),
        Some("Forms")
    );
    assert_warned(
        &warnings(&out),
        &[
            "2:3 an AKN act is not a UN resolution: read as a statement where its structure fits",
            "4:7 the FRBR identification of another tool (/akn/za/act/2025/1)",
            "10:11 the author \"\" is not a UN organ",
            "36:7 <chapter> read as a section",
            "42:11 <subsection> read as a paragraph",
            "45:104 <b> is not kept as markup",
            "51:74 <inline> is not kept as markup",
            "55:9 <section> read as a paragraph",
            "80:9 an attachment <doc name=\"schedule\"> read as an annex",
        ],
    );
    // And it converts: the act's words reach the Markdown.
    let md = unres::write::writer("md")
        .expect("md")
        .write(doc, &unres::write::WriteOptions::default())
        .expect("markdown");
    assert!(String::from_utf8(md)
        .expect("utf-8")
        .contains("This Act binds the parties:"));
}

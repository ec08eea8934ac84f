//! Reading our own Akoma Ntoso back, over every document of the shared folder:
//! text → model → AKN → model gives the same model (less what AKN does not carry,
//! listed in [`not_carried`] and in docs/akn.md), AKN → model → AKN gives the same
//! bytes, and AKN → Markdown and → PDF equal text → Markdown and → PDF.

mod common;

use serde_json::Value;
use std::path::Path;
use unres::read::{read_bytes, Format};
use unres::write::{writer, WriteOptions};

/// Every input of the shared folder that converts: the seed, the corpus, the Security
/// Council texts and the drafts of `pdf-sample` (read from the PDF), and a decision.
fn inputs(shared: &Path) -> Vec<(String, Vec<u8>)> {
    let mut paths = common::documents(shared);
    paths.extend(common::corpus_documents(&shared.join("security-council")));
    let drafts = common::pdf_sample_drafts(shared);
    assert!(
        drafts.len() > 20,
        "only {} drafts in pdf-sample",
        drafts.len()
    );
    paths.extend(drafts);
    let mut v: Vec<(String, Vec<u8>)> = paths
        .into_iter()
        .map(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, std::fs::read(&p).expect("read input"))
        })
        .collect();
    v.push(("decision".into(), DECISION.as_bytes().to_vec()));
    v
}

/// A decision: its number, title and one text that opens with the organ.
const DECISION: &str = "Decision adopted by the General Assembly on 5 September 2025\n\n\
80/511. Convening of the Conference\n\n\
The General Assembly, recalling its resolution 79/81 of 3 December 2024, decides to convene the Conference in 2027.\n";

/// What AKN does not carry, by design, taken out of the model read from the text:
/// - `meta.source_format`: the input format of the text (the AKN read back is `akn`);
/// - footnotes no mark in the text points to: AKN writes a note where it is marked;
/// - text after the sub-paragraphs of a paragraph that has none: AKN's `content`
///   holds it after the paragraph's own text (that is where it is printed);
/// - a closing that has only the vote line: conclusions are written from the meeting
///   line and its date.
fn not_carried(v: &mut Value) {
    if let Some(m) = v.get_mut("meta").and_then(Value::as_object_mut) {
        m.remove("source_format");
    }
    let marked = marks(v);
    if let Some(notes) = v.get_mut("footnotes").and_then(Value::as_array_mut) {
        notes.retain(|n| {
            marked
                .iter()
                .any(|m| Some(m.as_str()) == n["marker"].as_str())
        });
        if notes.is_empty() {
            v.as_object_mut().map(|o| o.remove("footnotes"));
        }
    }
    merge_wrap_up(v);
    let closing_empty = v
        .get("closing")
        .is_some_and(|c| c.get("meeting").is_none() && c.get("date").is_none());
    if closing_empty {
        v.as_object_mut().map(|o| o.remove("closing"));
    }
}

/// Every note marker used outside the footnotes.
fn marks(v: &Value) -> Vec<String> {
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(o) => {
                if o.get("type").and_then(Value::as_str) == Some("note_ref") {
                    if let Some(m) = o.get("marker").and_then(Value::as_str) {
                        out.push(m.to_string());
                    }
                }
                for (k, x) in o {
                    if k != "footnotes" {
                        walk(x, out);
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(v, &mut out);
    // The marks after the vote line.
    if let Some(a) = v["closing"]["vote_notes"].as_array() {
        out.extend(a.iter().filter_map(Value::as_str).map(String::from));
    }
    out
}

fn merge_wrap_up(v: &mut Value) {
    match v {
        Value::Object(o) => {
            let no_subs = o.get("subparagraphs").is_none();
            if no_subs
                && o.contains_key("wrap_up")
                && o.get("type").and_then(Value::as_str) == Some("paragraph")
            {
                if let Some(Value::Array(w)) = o.remove("wrap_up") {
                    let content = o
                        .entry("content")
                        .or_insert_with(|| Value::Array(Vec::new()));
                    if let Value::Array(c) = content {
                        c.extend(w);
                    }
                }
            }
            for (_, x) in o.iter_mut() {
                merge_wrap_up(x);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(merge_wrap_up),
        _ => {}
    }
}

/// The first place two JSON values differ, as a path.
fn first_difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for k in x.keys().chain(y.keys()) {
                let p = format!("{path}.{k}");
                match (x.get(k), y.get(k)) {
                    (Some(u), Some(w)) => {
                        if let Some(d) = first_difference(u, w, &p) {
                            return Some(d);
                        }
                    }
                    (u, w) => return Some(format!("{p}: {u:?} vs {w:?}")),
                }
            }
            None
        }
        (Value::Array(x), Value::Array(y)) => {
            for (i, (u, w)) in x.iter().zip(y).enumerate() {
                if let Some(d) = first_difference(u, w, &format!("{path}[{i}]")) {
                    return Some(d);
                }
            }
            (x.len() != y.len()).then(|| format!("{path}: {} vs {} items", x.len(), y.len()))
        }
        _ => (a != b).then(|| format!("{path}: {a} vs {b}")),
    }
}

#[test]
fn our_akn_reads_back_to_the_same_model_and_outputs() {
    let Some(shared) = common::shared("akn_read") else {
        return;
    };
    let opts = WriteOptions::default();
    let akn = writer("akn").expect("akn writer");
    let md = writer("md").expect("md writer");
    let pdf = writer("pdf").expect("pdf writer");
    let (mut models, mut xml, mut mds, mut pdfs, mut n) = (0, 0, 0, 0, 0);
    let mut failures = Vec::new();
    let mut kinds = std::collections::BTreeSet::new();
    for (name, bytes) in inputs(&shared) {
        let Ok(first) = read_bytes(&bytes, None) else {
            continue;
        };
        n += 1;
        kinds.insert(first.doc.meta.kind.name());
        let doc = first.doc;
        let xml1 = akn.write(&doc, &opts).expect("write akn");
        let back = match read_bytes(&xml1, None) {
            Ok(b) => b,
            Err(e) => {
                failures.push(format!(
                    "{name}: AKN not read: {}:{}: {}",
                    e.line, e.column, e.message
                ));
                continue;
            }
        };
        assert!(
            back.diagnostics.is_empty(),
            "{name}: warnings on our own AKN: {:?}",
            back.diagnostics
        );
        let mut expected = serde_json::to_value(&doc).expect("json");
        let mut got = serde_json::to_value(&back.doc).expect("json");
        not_carried(&mut expected);
        if let Some(m) = got.get_mut("meta").and_then(Value::as_object_mut) {
            assert_eq!(
                m.remove("source_format"),
                Some(Value::from("akn")),
                "{name}"
            );
        }
        match first_difference(&expected, &got, "") {
            None => models += 1,
            Some(d) => failures.push(format!("{name}: model {d}")),
        }
        let xml2 = akn.write(&back.doc, &opts).expect("write akn again");
        if xml2 == xml1 {
            xml += 1;
        } else {
            failures.push(format!("{name}: AKN differs after reading it back"));
        }
        // The outputs of the document as AKN carries it: without the notes no mark
        // points to (a mark after the Security Council's vote line is not kept).
        let marked = marks(&serde_json::to_value(&doc).expect("json"));
        let mut doc = doc;
        doc.footnotes.retain(|f| marked.contains(&f.marker));
        if md.write(&back.doc, &opts).ok() == md.write(&doc, &opts).ok() {
            mds += 1;
        } else {
            failures.push(format!("{name}: Markdown differs"));
        }
        if pdf.write(&back.doc, &opts).ok() == pdf.write(&doc, &opts).ok() {
            pdfs += 1;
        } else {
            failures.push(format!("{name}: PDF differs"));
        }
    }
    eprintln!("AKN read back over {n} documents: models {models}, AKN {xml}, Markdown {mds}, PDF {pdfs} identical");
    assert!(n > 150, "only {n} documents converted");
    // Every kind is among them.
    for k in [
        "resolution",
        "decision",
        "draft-resolution",
        "draft-decision",
        "amendment",
    ] {
        assert!(kinds.contains(k), "no {k} among the inputs: {kinds:?}");
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn akn_is_detected_and_forced() {
    let Some(shared) = common::shared("akn_read") else {
        return;
    };
    let doc = common::read_doc(&shared.join("seed/A_RES_65_122.en.txt")).doc;
    let xml = writer("akn")
        .expect("akn")
        .write(&doc, &WriteOptions::default())
        .expect("akn");
    let text = String::from_utf8(xml).expect("utf-8");
    assert_eq!(unres::read::detect(&text), Format::Akn);
    assert_eq!(Format::from_name("akn"), Some(Format::Akn));
    let forced = read_bytes(text.as_bytes(), Some(Format::Akn)).expect("read");
    assert_eq!(forced.doc.meta.symbol.as_deref(), Some("A/RES/65/122"));
}

/// What AKN does not carry of a generated model, made as the reader gives it back:
/// footnotes in the order of their first marks, adjacent plain runs as one, a
/// reference's kind from its symbol, and a preambular paragraph's number (not written)
/// and heading (written as its first line of text; its list items' headings are not
/// written).
fn as_read_back(doc: &unres::model::Resolution) -> unres::model::Resolution {
    use unres::model::{Block, Inline, Paragraph, RefKind, Text};
    fn text(t: &mut Text) {
        let mut out: Vec<Inline> = Vec::with_capacity(t.0.len());
        for i in t.0.drain(..) {
            match (out.last_mut(), i) {
                (Some(Inline::Text { text: a }), Inline::Text { text: b }) => a.push_str(&b),
                (_, Inline::Ref { text, symbol, .. }) => {
                    let kind = if text == symbol {
                        RefKind::Symbol
                    } else if symbol.starts_with("A/RES/") {
                        RefKind::GaResolution
                    } else if symbol.starts_with("S/RES/") {
                        RefKind::ScResolution
                    } else {
                        RefKind::Symbol
                    };
                    out.push(Inline::Ref { text, kind, symbol });
                }
                (_, i) => out.push(i),
            }
        }
        t.0 = out;
    }
    fn paragraph(p: &mut Paragraph, preamble: bool) {
        if preamble {
            p.num = None;
            p.num_inferred = false;
            if let Some(h) = p.heading.take() {
                p.content.insert(0, h);
            }
        }
        p.heading.iter_mut().for_each(text);
        p.content.iter_mut().for_each(text);
        p.wrap_up.iter_mut().for_each(text);
        for s in &mut p.subparagraphs {
            if preamble {
                // An item of a recital's list is written without its heading.
                s.heading = None;
            }
            paragraph(s, false);
        }
    }
    fn blocks(bs: &mut [Block], preamble: bool) {
        for b in bs {
            match b {
                Block::Paragraph(p) => paragraph(p, preamble),
                Block::Section(s) => {
                    text(&mut s.heading);
                    blocks(&mut s.children, preamble);
                }
            }
        }
    }
    let mut d = doc.clone();
    d.meta.source_format = unres::model::SourceFormat::Akn;
    blocks(&mut d.preamble, true);
    blocks(&mut d.body, false);
    d.footnotes.iter_mut().for_each(|f| text(&mut f.text));
    // The order of the first marks, in the order the document is written.
    fn marks_in(t: &Text, out: &mut Vec<String>) {
        for i in &t.0 {
            if let Inline::NoteRef { marker } = i {
                if !out.contains(marker) {
                    out.push(marker.clone());
                }
            }
        }
    }
    fn marks_p(p: &Paragraph, out: &mut Vec<String>) {
        p.heading.iter().for_each(|t| marks_in(t, out));
        p.content.iter().for_each(|t| marks_in(t, out));
        p.subparagraphs.iter().for_each(|s| marks_p(s, out));
        p.wrap_up.iter().for_each(|t| marks_in(t, out));
    }
    fn marks_b(bs: &[Block], out: &mut Vec<String>) {
        for b in bs {
            match b {
                Block::Paragraph(p) => marks_p(p, out),
                Block::Section(s) => {
                    marks_in(&s.heading, out);
                    marks_b(&s.children, out);
                }
            }
        }
    }
    let mut seen = Vec::new();
    if let Some(o) = &d.meta.origin {
        marks_in(&o.text, &mut seen);
    }
    if let Some(f) = &d.formula {
        for t in [&f.lead, &Some(f.text.clone()), &f.proclamation]
            .into_iter()
            .flatten()
        {
            marks_in(t, &mut seen);
        }
    }
    marks_b(&d.preamble, &mut seen);
    marks_b(&d.body, &mut seen);
    for a in &d.annexes {
        a.title.iter().for_each(|t| marks_in(t, &mut seen));
        marks_b(&a.blocks, &mut seen);
    }
    let notes = std::mem::take(&mut d.footnotes);
    d.footnotes = seen
        .iter()
        .filter_map(|m| notes.iter().find(|f| &f.marker == m).cloned())
        .collect();
    d
}

/// The lines where two XML outputs differ.
fn line_diff(a: &[u8], b: &[u8]) -> String {
    let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
    a.lines()
        .zip(b.lines())
        .filter(|(x, y)| x != y)
        .map(|(x, y)| format!("- {x}\n+ {y}\n"))
        .collect()
}

/// Whether the preamble has what AKN does not carry and what still shapes the AKN: a
/// numbered paragraph under a heading (its eId is made from its number) or a
/// paragraph's heading (written as its first line, so the next line's leading phrase
/// no longer names the container).
fn preamble_not_carried(blocks: &[unres::model::Block]) -> bool {
    use unres::model::Block;
    blocks.iter().any(|b| match b {
        Block::Section(s) => {
            preamble_not_carried(&s.children)
                || s.children
                    .iter()
                    .any(|c| matches!(c, Block::Paragraph(p) if p.num.is_some()))
        }
        Block::Paragraph(p) => p.heading.is_some(),
    })
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config {
        cases: 128,
        failure_persistence: None,
        rng_seed: common::gen::seed(),
        ..proptest::test_runner::Config::default()
    })]

    /// Any model written as AKN reads back as itself (less what AKN does not carry),
    /// without a warning, and writes the same AKN again.
    #[test]
    fn generated_models_survive_akn(doc in common::gen::resolution()) {
        let opts = WriteOptions::default();
        let akn = writer("akn").expect("akn writer");
        let xml = akn.write(&doc, &opts).map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
        // As text: the byte reader would also bring the text to NFC, as for every input.
        let text = String::from_utf8(xml.clone()).map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
        let back = unres::read::read(&text, None).map_err(|e| {
            proptest::test_runner::TestCaseError::fail(format!("{}:{}: {}\n{}", e.line, e.column, e.message, String::from_utf8_lossy(&xml)))
        })?;
        proptest::prop_assert!(back.diagnostics.is_empty(), "{:?}", back.diagnostics);
        // The model as data: the facts recognised beside the printed words (ids, the
        // meeting kind, article numbers) are derived, not carried, and a generated model
        // has none.
        let data = |d: &unres::model::Resolution| serde_json::to_value(d).expect("model serialises");
        proptest::prop_assert_eq!(data(&back.doc), data(&as_read_back(&doc)));
        let again = akn.write(&back.doc, &opts).map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
        // Where the preamble has what AKN does not carry (see `preamble_not_carried`),
        // the first AKN differs from the second; the second reads back to itself.
        let third = unres::read::read(&String::from_utf8_lossy(&again), None)
            .map_err(|e| proptest::test_runner::TestCaseError::fail(e.message))
            .and_then(|b| akn.write(&b.doc, &opts).map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string())))?;
        proptest::prop_assert!(third == again, "{}", line_diff(&third, &again));
        if !preamble_not_carried(&doc.preamble) {
            proptest::prop_assert!(again == xml, "{}", line_diff(&again, &xml));
        }
    }
}

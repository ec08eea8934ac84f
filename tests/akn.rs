//! The AKN writer: schema validity (xmllint, one call for every document),
//! counts against the truth files, unique eIds, no dangling `#` pointers, and
//! a snapshot of the seed.

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use unres::model::*;
use unres::write::{writer, WriteOptions};

const AKN_NS: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

fn akn(doc: &Resolution, opts: &WriteOptions) -> String {
    let w = writer("akn").expect("akn writer registered");
    String::from_utf8(w.write(doc, opts).unwrap()).unwrap()
}

fn t(s: &str) -> Inline {
    Inline::Text { text: s.into() }
}
fn ph(s: &str) -> Inline {
    Inline::Phrase { text: s.into() }
}
fn date(y: u16, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap()
}
fn para(num: Option<&str>, content: Vec<Inline>) -> Paragraph {
    Paragraph {
        num: num.map(String::from),
        content: vec![Text(content)],
        ..Paragraph::default()
    }
}

/// A document shaped like the seed (A/RES/65/122), with the parts the seed
/// lacks (sub-paragraphs, a section, an annex, a preamble heading) added.
fn sample() -> Resolution {
    let meta = Meta {
        // "Resolution adopted by the General Assembly on 13 December 2010"
        known_work: None,
        adoption_parts: Some(AdoptionParts {
            doc_type: Some(Span { start: 0, end: 10 }),
            organ: Some(Span { start: 26, end: 42 }),
            date: Some(Span { start: 46, end: 62 }),
        }),
        kind: DocKind::Resolution,
        organ: Organ::GeneralAssembly,
        symbol: Some("A/RES/65/122".into()),
        number: Some("65/122".into()),
        title: Some("Cooperation between the United Nations and the Collective Security Treaty Organization".into()),
        session: Some(Session { number: 65, printed: "Sixty-fifth session".into() }),
        adopted: Some(DateText { date: date(2010, 12, 13), text: "13 December 2010".into() }),
        issued: Some(DateText { date: date(2011, 2, 10), text: "10 February 2011".into() }),
        distribution: Some("General".into()),
        agenda_items: vec![AgendaItem { item: "122 (f)".into(), title: None }],
        origin: Some(Origin {
            text: Text(vec![
                t("[without reference to a Main Committee ("),
                Inline::Ref { text: "A/65/L.6".into(), kind: RefKind::Symbol, symbol: "A/65/L.6".into() },
                t(")]"),
            ]),
            committee: None,
            symbols: vec!["A/65/L.6".into()],
        }),
        adoption_line: Some("Resolution adopted by the General Assembly on 13 December 2010".into()),
        draft: None,
        job_number: Some("10-51986".into()),
        ods_job: Some("N1051986E".into()),
        barcode: Some("1051986".into()),
        language: "en".into(),
        source_format: unres::model::SourceFormat::Ods,
    };
    let recital1 = para(
        None,
        vec![
            ph("Referring"),
            t(" to its "),
            Inline::Ref { text: "resolution 59/50".into(), kind: RefKind::GaResolution, symbol: "A/RES/59/50".into() },
            t(" of "),
            Inline::Date { text: "2 December 2004".into(), date: date(2004, 12, 2) },
            t(", in which it granted the Collective Security Treaty Organization observer status & more,"),
        ],
    );
    let recital2 = para(
        None,
        vec![
            ph("Referring also"),
            t(" to "),
            Inline::Ref {
                text: "Security Council resolution 1631 (2005)".into(),
                kind: RefKind::ScResolution,
                symbol: "S/RES/1631(2005)".into(),
            },
            t(" in maintaining international peace and security,"),
            Inline::NoteRef { marker: "1".into() },
            t(" "),
        ],
    );
    let heading = Section {
        eid: String::new(),
        num: None,
        heading: Text::plain("Preambular heading"),
        level: 1,
        children: vec![Block::Paragraph(para(
            None,
            vec![ph("Welcoming"), t(" efforts,")],
        ))],
    };
    let mut op2 = para(Some("2."), vec![ph("Invites"), t(":")]);
    let mut b = para(Some("(b)"), vec![t("the organizations:")]);
    b.subparagraphs = vec![
        para(Some("(i)"), vec![t("first;")]),
        para(Some("(ii)"), vec![t("second;")]),
    ];
    op2.subparagraphs = vec![para(Some("(a)"), vec![t("the Secretary-General;")]), b];
    op2.wrap_up = vec![Text::plain("to cooperate;")];
    let mut op3 = para(
        Some("3."),
        vec![
            ph("Requests"),
            t(" a report;"),
            Inline::NoteRef { marker: "1".into() },
        ],
    );
    op3.num_inferred = true;
    Resolution {
        meta,
        formula: Some(Formula {
            lead: None,
            text: Text(vec![ph("The General Assembly"), t(",")]),
            proclamation: None,
            after_preamble: false,
        }),
        preamble: vec![
            Block::Paragraph(recital1),
            Block::Paragraph(recital2),
            Block::Section(heading),
        ],
        body: vec![
            Block::Paragraph(para(
                Some("1."),
                vec![ph("Notes"), t(" the activity <of> the Organization;")],
            )),
            Block::Paragraph(op2),
            Block::Section(Section {
                eid: String::new(),
                num: Some("I.".into()),
                heading: Text::plain("Follow-up"),
                level: 1,
                children: vec![Block::Paragraph(op3)],
            }),
        ],
        closing: Some(Closing {
            meeting_kind: Some(MeetingKind::Plenary),
            meeting: Some("64th plenary meeting".into()),
            meeting_number: Some(64),
            date: Some(DateText {
                date: date(2010, 12, 13),
                text: "13 December 2010".into(),
            }),
            vote: None,
            vote_notes: Vec::new(),
        }),
        annexes: vec![Annex {
            eid: String::new(),
            label: "Annex".into(),
            title: Some(Text::plain("Joint Declaration")),
            blocks: vec![Block::Paragraph(para(Some("1."), vec![t("We declare.")]))],
        }],
        footnotes: vec![Footnote {
            marker: "1".into(),
            text: Text(vec![
                t("See resolutions "),
                Inline::Ref {
                    text: "49/57".into(),
                    kind: RefKind::GaResolution,
                    symbol: "A/RES/49/57".into(),
                },
                t("."),
            ]),
        }],
    }
}

/// A declaration without masthead, number or dates, like the Universal Declaration files.
fn declaration() -> Resolution {
    let mut art = para(None, vec![]);
    art.heading = Some(Text::plain("Article 1"));
    art.article = Some("1".into());
    art.content = vec![];
    art.subparagraphs = vec![
        para(Some("1."), vec![t("Everyone.")]),
        para(Some("2."), vec![t("No one.")]),
    ];
    Resolution {
        meta: Meta {
            kind: DocKind::Declaration,
            title: Some("Universal Declaration of Human Rights".into()),
            language: "en".into(),
            source_format: unres::model::SourceFormat::Lines,
            ..Meta::default()
        },
        formula: Some(Formula {
            lead: Some(Text::plain("Now, therefore,")),
            text: Text::plain("The General Assembly"),
            proclamation: Some(Text::plain("Proclaims this Declaration.")),
            after_preamble: true,
        }),
        preamble: vec![Block::Paragraph(para(
            None,
            vec![t("Whereas recognition,")],
        ))],
        body: vec![Block::Paragraph(art)],
        ..Resolution::default()
    }
}

/// Odd shapes the readers may produce: sub-paragraphs in the preamble, a mark
/// without its note, a mark inside a note, an empty section, duplicated numbers,
/// unnumbered paragraphs, control characters, an empty annex, another organ.
fn edge_cases() -> Resolution {
    let mut recital = para(None, vec![ph("Noting"), t(" that:")]);
    recital.subparagraphs = vec![
        para(Some("(a)"), vec![t("one;")]),
        para(Some("(b)"), vec![t("two\u{c}\u{0};")]),
    ];
    recital.wrap_up = vec![Text::plain("and so,")];
    let mut headed = para(
        Some("2."),
        vec![t("Text"), Inline::NoteRef { marker: "9".into() }],
    );
    headed.heading = Some(Text::plain("Heading of 2"));
    Resolution {
        meta: Meta {
            organ: Organ::SecurityCouncil,
            number: Some("2250 (2015)".into()),
            language: "fr".into(),
            ..Meta::default()
        },
        preamble: vec![Block::Paragraph(recital)],
        body: vec![
            Block::Paragraph(para(
                Some("1."),
                vec![t("a"), Inline::NoteRef { marker: "2".into() }],
            )),
            Block::Paragraph(para(Some("1."), vec![t("again")])),
            Block::Paragraph(headed),
            Block::Paragraph(para(None, vec![t("unnumbered")])),
            Block::Section(Section {
                eid: String::new(),
                num: Some("A.".into()),
                heading: Text::plain("Empty section"),
                level: 1,
                children: vec![],
            }),
        ],
        closing: Some(Closing {
            meeting_kind: Some(MeetingKind::Other),
            meeting: Some("7573rd meeting".into()),
            meeting_number: Some(7573),
            date: None,
            vote: None,
            vote_notes: Vec::new(),
        }),
        annexes: vec![Annex {
            eid: String::new(),
            label: "Annex".into(),
            title: None,
            blocks: vec![],
        }],
        footnotes: vec![Footnote {
            marker: "2".into(),
            text: Text(vec![
                t("Note with a mark"),
                Inline::NoteRef { marker: "2".into() },
            ]),
        }],
        ..Resolution::default()
    }
}

// ---- checks on the XML read back --------------------------------------------

fn elements<'a>(root: roxmltree::Node<'a, 'a>, name: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    root.descendants()
        .filter(|n| {
            n.is_element()
                && n.tag_name().name() == name
                && n.tag_name().namespace() == Some(AKN_NS)
        })
        .collect()
}

fn child<'a>(n: roxmltree::Node<'a, 'a>, name: &str) -> Option<roxmltree::Node<'a, 'a>> {
    n.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

/// Unique eIds, and every `#id` in href/refersTo/source/as names one of them.
fn check_ids(label: &str, xml: &str) -> Result<(), String> {
    let d = roxmltree::Document::parse(xml).map_err(|e| format!("{label}: not XML: {e}"))?;
    let mut ids = HashSet::new();
    for n in d.descendants().filter(|n| n.is_element()) {
        if let Some(id) = n.attribute("eId") {
            if !ids.insert(id) {
                return Err(format!("{label}: duplicate eId {id}"));
            }
        }
    }
    for n in d.descendants().filter(|n| n.is_element()) {
        for a in ["href", "refersTo", "source", "as"] {
            if let Some(v) = n.attribute(a).and_then(|v| v.strip_prefix('#')) {
                if !ids.contains(v) {
                    return Err(format!(
                        "{label}: {a}=\"#{v}\" on <{}> dangles",
                        n.tag_name().name()
                    ));
                }
            }
        }
    }
    Ok(())
}

/// What the truth file counts, as found in the XML.
#[derive(Debug, PartialEq)]
struct Counts {
    containers: usize,
    paragraphs: usize,
    points: usize,
    notes: usize,
}

fn counts(xml: &str) -> Counts {
    let d = roxmltree::Document::parse(xml).unwrap();
    let statement = d.root_element().first_element_child().unwrap();
    let preamble = child(statement, "preamble");
    let containers = preamble
        .map(|p| {
            elements(p, "container")
                .iter()
                .filter(|c| c.attribute("name") != Some("crossHeading"))
                .count()
        })
        .unwrap_or(0);
    let body = child(statement, "mainBody").unwrap();
    // A declaration article's paragraphs are `paragraph`s inside it: sub-paragraphs.
    let in_article = |n: &roxmltree::Node| {
        n.parent_element()
            .is_some_and(|p| p.has_tag_name((AKN_NS, "article")))
    };
    let paragraphs = elements(body, "paragraph")
        .iter()
        .filter(|n| !in_article(n))
        .count()
        + elements(body, "article").len();
    let article_paragraphs = elements(body, "paragraph")
        .iter()
        .filter(|n| in_article(n))
        .count();
    Counts {
        containers,
        paragraphs,
        points: elements(body, "point").len() + article_paragraphs,
        notes: elements(d.root_element(), "authorialNote").len(),
    }
}

/// The same counts taken from the model, to tell a writer fault (XML differs from
/// the model) from a reader fault (the model differs from the truth).
fn model_counts(doc: &Resolution) -> Counts {
    fn points(p: &Paragraph) -> usize {
        p.subparagraphs.iter().map(|s| 1 + points(s)).sum()
    }
    fn marks(t: &Text) -> usize {
        t.0.iter()
            .filter(|i| matches!(i, Inline::NoteRef { .. }))
            .count()
    }
    fn para_marks(p: &Paragraph) -> usize {
        let own: usize = p
            .heading
            .iter()
            .chain(&p.content)
            .chain(&p.wrap_up)
            .map(marks)
            .sum();
        own + p.subparagraphs.iter().map(para_marks).sum::<usize>()
    }
    fn block_marks(bs: &[Block]) -> usize {
        bs.iter()
            .map(|b| match b {
                Block::Paragraph(p) => para_marks(p),
                Block::Section(s) => marks(&s.heading) + block_marks(&s.children),
            })
            .sum()
    }
    let m = &doc.meta;
    let mut notes = block_marks(&doc.preamble) + block_marks(&doc.body);
    notes += m.origin.iter().map(|o| marks(&o.text)).sum::<usize>();
    if let Some(f) = &doc.formula {
        notes += [f.lead.as_ref(), Some(&f.text), f.proclamation.as_ref()]
            .into_iter()
            .flatten()
            .map(marks)
            .sum::<usize>();
    }
    for a in &doc.annexes {
        notes += a.title.iter().map(marks).sum::<usize>() + block_marks(&a.blocks);
    }
    let ops = doc.operative_paragraphs();
    Counts {
        containers: doc.preambular_paragraphs().len(),
        paragraphs: ops.len(),
        points: ops.iter().map(|p| points(p)).sum(),
        notes,
    }
}

fn truth_counts(truth: &serde_json::Value) -> Counts {
    let n = |k: &str| truth[k].as_u64().unwrap_or(0) as usize;
    let points = truth["subparagraphs"]
        .as_object()
        .map(|m| m.values().map(|v| v.as_array().map_or(0, Vec::len)).sum())
        .unwrap_or(0);
    Counts {
        containers: n("preambular_paragraphs"),
        paragraphs: n("operative_paragraphs"),
        points,
        notes: truth["footnote_anchor_words"]
            .as_array()
            .map_or(0, Vec::len),
    }
}

/// Validates every file with one xmllint call; returns the failing files' messages.
fn xmllint(shared: &Path, files: &[PathBuf]) -> Result<(), String> {
    let schema = shared.join("schemas/akn/akomantoso30.xsd");
    let out = std::process::Command::new("xmllint")
        .args(["--noout", "--nonet", "--schema"])
        .arg(&schema)
        .args(files)
        .output()
        .map_err(|e| format!("xmllint: {e}"))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    let validated = stderr.lines().filter(|l| l.ends_with(" validates")).count();
    if out.status.success() && validated == files.len() {
        Ok(())
    } else {
        Err(format!("{validated}/{} validate:\n{stderr}", files.len()))
    }
}

fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

// ---- tests --------------------------------------------------------------------

/// The file's name and its model, or `None` with the failure noted.
fn read_or_note(path: &Path, failures: &mut Vec<String>) -> Option<(String, Resolution)> {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let bytes = std::fs::read(path).unwrap();
    match unres::read::read_bytes(&bytes, None) {
        Ok(out) => Some((name, out.doc)),
        Err(e) => {
            failures.push(format!("{name}: cannot read: {e}"));
            None
        }
    }
}

#[test]
fn sample_has_the_expected_structure() {
    let doc = sample();
    let xml = akn(&doc, &WriteOptions::default());
    check_ids("sample", &xml).unwrap();
    assert_eq!(
        counts(&xml),
        Counts {
            containers: 3,
            paragraphs: 3,
            points: 4,
            notes: 2
        }
    );
    let d = roxmltree::Document::parse(&xml).unwrap();
    let root = d.root_element();
    let ids: Vec<&str> = root
        .descendants()
        .filter_map(|n| n.attribute("eId"))
        .collect();
    for id in [
        "preamble__formula_1",
        "preamble__container_1",
        "preamble__container_1__ref_1",
        "preamble__container_2__authorialNote_1",
        "preamble__container_2__authorialNote_1__ref_1",
        "para_1__content",
        "para_2__list_1__intro",
        "para_2__list_1__point_a__content",
        "para_2__list_1__point_b__list_1__point_i",
        "para_2__list_1__wrapup",
        "sec_I__para_3__content__authorialNote_1",
        "conclusions__container_1__event_1",
        "att_1__para_1",
        "preface__ref_1",
    ] {
        assert!(ids.contains(&id), "missing eId {id} in {ids:?}");
    }
    // Leading phrases in <i>, container names from them.
    let names: Vec<&str> = elements(root, "container")
        .iter()
        .filter_map(|c| c.attribute("name"))
        .collect();
    assert_eq!(
        names,
        [
            "masthead",
            "referring",
            "referringAlso",
            "crossHeading",
            "welcoming",
            "conclusion"
        ]
    );
    // A resolution whose date the text gives: its AKN Work IRI.
    assert!(xml.contains("<p><i>Referring</i> to its <ref eId=\"preamble__container_1__ref_1\" href=\"/akn/un/statement/deliberation/un-ga/2004-12-02/59-50\">resolution 59/50</ref> of <date date=\"2004-12-02\">2 December 2004</date>, in which"));
    // The note sits exactly at its mark, the source's space after it kept.
    assert!(xml.contains("security,<authorialNote marker=\"1\" placement=\"bottom\" eId=\"preamble__container_2__authorialNote_1\"><p>See resolutions <ref"));
    assert!(xml.contains("</authorialNote> </p>"));
    assert!(xml.contains("href=\"https://undocs.org/en/S/RES/1631(2005)\""));
    assert!(xml.contains("the activity &lt;of&gt; the Organization;"));
    assert!(xml.contains("<num status=\"editorial\">3.</num>"));
    // IRIs and dates.
    for s in [
        "<FRBRuri value=\"/akn/un/statement/deliberation/un-ga/2010-12-13/65-122\"/>",
        "<FRBRthis value=\"/akn/un/statement/deliberation/un-ga/2010-12-13/65-122/eng@2010-12-13/!main\"/>",
        "<FRBRuri value=\"/akn/un/statement/deliberation/un-ga/2010-12-13/65-122/eng@2010-12-13.xml\"/>",
        "<FRBRnumber value=\"65-122\" showAs=\"65/122\"/>",
        // Default markup date: the date of issue.
        "<FRBRdate date=\"2011-02-10\" name=\"markup\"/>",
        "<akn4un:jobNumber>10-51986</akn4un:jobNumber>",
        "<p><docTitle><docType>Resolution</docType> adopted by the <docAuthority refersTo=\"#generalAssembly\">General Assembly</docAuthority> on <docDate date=\"2010-12-13\" refersTo=\"#adoptionDate\">13 December 2010</docDate></docTitle></p>",
        "<p><docNumber>65/122.</docNumber> <docTitle refersTo=\"#resolutionTitle\">Cooperation",
        "<TLCEvent eId=\"plenaryMeeting\" href=\"/akn/ontology/event/un/un-ga-65-plenary-64\" showAs=\"64th plenary meeting\"/>",
    ] {
        assert!(xml.contains(s), "missing {s}\n{xml}");
    }
}

#[test]
fn markup_date_option_wins_and_output_is_deterministic() {
    let doc = sample();
    let opts = WriteOptions {
        markup_date: Date::new(2025, 1, 2),
        ..WriteOptions::default()
    };
    let a = akn(&doc, &opts);
    assert!(a.contains("<FRBRdate date=\"2025-01-02\" name=\"markup\"/>"));
    assert_eq!(a, akn(&doc, &opts));
}

#[test]
fn declaration_invents_no_date_or_number() {
    // The reader knows the Universal Declaration by its title (the model carries it).
    let mut udhr = declaration();
    udhr.meta.known_work = Some(unres::model::KnownWork {
        number: "217_A_III".into(),
        date: Date::new(1948, 12, 10).unwrap(),
    });
    let xml = akn(&udhr, &WriteOptions::default());
    check_ids("declaration", &xml).unwrap();
    assert!(xml.contains("<statement name=\"declaration\" contains=\"originalVersion\">"));
    // The Universal Declaration is known by its title: resolution 217 A (III).
    assert!(xml.contains(
        "<FRBRuri value=\"/akn/un/statement/deliberation/un-ga/1948-12-10/217_A_III\"/>"
    ));
    assert!(
        xml.contains("<FRBRalias value=\"Universal Declaration of Human Rights\" name=\"title\"/>")
    );
    assert!(!xml.contains("FRBRnumber"));
    // Another declaration printing no date: the fixed "no date" value, an ASCII slug.
    let mut other = declaration();
    other.meta.title = Some("Déclaration sur le Progrès".into());
    let other = akn(&other, &WriteOptions::default());
    assert!(other.contains("<FRBRuri value=\"/akn/un/statement/deliberation/un-ga/0001-01-01/declaration-sur-le-progres\"/>"));
    assert!(other.contains("<FRBRdate date=\"0001-01-01\" name=\"unknown\"/>"));
    assert!(!xml.contains("coverPage"));
    assert!(!xml.contains("conclusions"));
    assert!(xml.contains("<article eId=\"art_1\">"));
    // The article's paragraphs are its `paragraph`s.
    assert!(xml.contains("<paragraph eId=\"art_1__para_1\">"));
    // The formula follows the preamble's recitals.
    let recital = xml.find("preamble__container_1").unwrap();
    let formula = xml.find("preamble__formula_1").unwrap();
    assert!(recital < formula);
}

#[test]
fn edge_cases_stay_unique_and_resolved() {
    let xml = akn(&edge_cases(), &WriteOptions::default());
    check_ids("edge", &xml).unwrap();
    for s in [
        "<FRBRuri value=\"/akn/un/statement/deliberation/un-sc/0001-01-01/2250_(2015)\"/>",
        "<FRBRlanguage language=\"fra\"/>",
        "<blockList eId=\"preamble__container_1__list_1\">",
        "<item eId=\"preamble__container_1__list_1__item_b\">",
        "<p>two;</p>",
        "<paragraph eId=\"para_1_2\">",
        "<paragraph eId=\"para_u1\">",
        "<heading>Heading of 2</heading>",
        // No note 9: the printed marker stays; a mark inside a note is not expanded again.
        "Text<sup>9</sup></p>",
        "<p>Note with a mark<sup>2</sup></p>",
        "<TLCOrganization eId=\"securityCouncil\" href=\"/akn/ontology/organization/un/un-sc\"",
        "<TLCEvent eId=\"meeting\" href=\"/akn/ontology/event/un/un-sc-meeting-7573\"",
    ] {
        assert!(xml.contains(s), "missing {s}\n{xml}");
    }
}

/// The hand-built documents, validated in the same xmllint call as the corpus.
fn hand_built() -> Vec<(&'static str, Resolution)> {
    let mut ru = declaration();
    ru.meta.language = "ru".into();
    ru.meta.title = Some("Всеобщая декларация прав человека".into());
    vec![
        ("sample", sample()),
        ("declaration", declaration()),
        ("declaration_ru", ru),
        ("edge", edge_cases()),
        ("empty", Resolution::default()),
    ]
}

/// Every document of the seed and corpus: valid (one xmllint call for all of
/// them and the hand-built ones), counts as in its truth file, unique eIds, no
/// dangling pointer.
#[test]
fn all_documents_validate_and_match_truth() {
    let Some(shared) = common::shared("all_documents_validate_and_match_truth") else {
        return;
    };
    if !common::tool("all_documents_validate_and_match_truth", "xmllint") {
        return;
    }
    let dir = scratch("akn_corpus");
    let mut files = Vec::new();
    let mut failures = Vec::new();
    for (name, doc) in hand_built() {
        let out = dir.join(format!("{name}.akn.xml"));
        std::fs::write(&out, akn(&doc, &WriteOptions::default())).unwrap();
        files.push(out);
    }
    for path in common::documents(&shared) {
        let Some((name, doc)) = read_or_note(&path, &mut failures) else {
            continue;
        };
        let xml = akn(&doc, &WriteOptions::default());
        if let Err(e) = check_ids(&name, &xml) {
            failures.push(e);
        }
        let truth: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(common::truth_path(&path)).unwrap())
                .unwrap();
        let (got, model, want) = (counts(&xml), model_counts(&doc), truth_counts(&truth));
        if got != model {
            failures.push(format!("{name}: XML counts {got:?}, model {model:?}"));
        } else if got != want {
            failures.push(format!("{name}: counts {got:?}, truth {want:?}"));
        }
        let out = dir.join(name.replace(".txt", ".akn.xml"));
        std::fs::write(&out, xml).unwrap();
        files.push(out);
    }
    // The Security Council resolutions: valid, unique eIds, no dangling pointer.
    for path in common::security_council_documents(&shared) {
        let Some((name, doc)) = read_or_note(&path, &mut failures) else {
            continue;
        };
        let xml = akn(&doc, &WriteOptions::default());
        if let Err(e) = check_ids(&name, &xml) {
            failures.push(e);
        }
        if !xml.contains("/akn/un/statement/deliberation/un-sc/") {
            failures.push(format!("{name}: not a Security Council Work IRI"));
        }
        let out = dir.join(name.replace(".txt", ".akn.xml"));
        std::fs::write(&out, xml).unwrap();
        files.push(out);
    }
    if let Err(e) = xmllint(&shared, &files) {
        failures.push(e);
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!(
        "all_documents_validate_and_match_truth: {} documents validate",
        files.len()
    );
}

/// Compares `xml` with the committed snapshot `name`; `UNRES_BLESS=1` rewrites it.
fn snapshot(name: &str, xml: &str) {
    let snap = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var("UNRES_BLESS").is_ok_and(|v| v == "1") {
        std::fs::create_dir_all(snap.parent().unwrap()).unwrap();
        std::fs::write(&snap, xml).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&snap).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with UNRES_BLESS=1 to create it)",
            snap.display()
        )
    });
    if xml != want {
        let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), xml.lines().collect());
        let first = w
            .iter()
            .zip(&g)
            .position(|(a, b)| a != b)
            .unwrap_or(w.len().min(g.len()));
        let show = |v: &[&str]| {
            v.iter()
                .skip(first)
                .take(3)
                .map(|l| format!("    {l}"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        panic!(
            "AKN differs from {} at line {}:\n  expected:\n{}\n  got:\n{}\n(rerun with UNRES_BLESS=1 to accept)",
            snap.display(),
            first + 1,
            show(&w),
            show(&g)
        );
    }
}

/// The seed's AKN, pinned.
#[test]
fn seed_snapshot() {
    let Some(shared) = common::shared("seed_snapshot") else {
        return;
    };
    let bytes = std::fs::read(shared.join("seed/A_RES_65_122.en.txt")).unwrap();
    let doc = match unres::read::read_bytes(&bytes, None) {
        Ok(out) => out.doc,
        Err(e) => {
            eprintln!("seed_snapshot: skipped, the reader cannot read the seed yet: {e}");
            return;
        }
    };
    snapshot(
        "A_RES_65_122.en.akn.xml",
        &akn(&doc, &WriteOptions::default()),
    );
}

/// The hand-built sample's AKN, pinned (covers what the seed lacks: lists, sections, an annex).
#[test]
fn sample_snapshot() {
    snapshot("sample.akn.xml", &akn(&sample(), &WriteOptions::default()));
}

/// The truth counts of every subparagraph label (roman nested as `a.i`) are points.
#[test]
fn truth_counts_read_nested_labels() {
    let v: serde_json::Value = serde_json::from_str(
        r#"{"preambular_paragraphs":2,"operative_paragraphs":3,"subparagraphs":{"1":["a","b","b.i"]},"footnote_anchor_words":["x"]}"#,
    )
    .unwrap();
    assert_eq!(
        truth_counts(&v),
        Counts {
            containers: 2,
            paragraphs: 3,
            points: 3,
            notes: 1
        }
    );
}

/// The validation step itself can fail: one invalid file among valid ones is reported.
#[test]
fn xmllint_check_rejects_an_invalid_file() {
    let Some(shared) = common::shared("xmllint_check_rejects_an_invalid_file") else {
        return;
    };
    if !common::tool("xmllint_check_rejects_an_invalid_file", "xmllint") {
        return;
    }
    let tests = shared.join("schemas/akn/tests");
    let files = [
        tests.join("minimal-valid.xml"),
        tests.join("deliberately-invalid.xml"),
    ];
    let err = xmllint(&shared, &files).unwrap_err();
    assert!(err.starts_with("1/2 validate"), "{err}");
    xmllint(&shared, &files[..1]).unwrap();
}

//! Readers: format detection and the `read` entry point.
//!
//! Imports run one way, from the bottom up:
//!
//! - `lex`: recognisers of words, numbers, dates, labels and phrases (the words of
//!   each language come from `lang`);
//! - `source`: one module per input format, turning the input into `Prepared`
//!   (lines, paragraphs, notes);
//! - `shape`: the parts of a resolution recognised in a `Prepared`, filling the model;
//! - this module: detection and the entry points.

mod akn;
mod format;
mod lex;
mod output;
mod pdf;
mod prepared;
mod shape;
mod source;

pub use format::Format;
pub use output::{ReadError, ReadErrorKind, ReadOutput};

use source::{ods, paragraphs, pdf_text};

/// Decodes `bytes` and reads them; decoding warnings come first in the diagnostics.
/// A PDF (by its `%PDF-` header, whatever `format` says) is read from its glyphs.
pub fn read_bytes(bytes: &[u8], format: Option<Format>) -> Result<ReadOutput, ReadError> {
    if pdf::is_pdf(bytes) {
        let mut out = pdf::adapter::read(bytes)?;
        // Element ids: once, on the finished document.
        crate::model::ids::assign(&mut out.doc);
        return Ok(out);
    }
    if format == Some(Format::Pdf) {
        return Err(ReadError::new(ReadErrorKind::NotPdf, 0));
    }
    let decoded =
        crate::decode::decode(bytes).map_err(|e| ReadError::new(ReadErrorKind::Decode(e), 0))?;
    let mut out = read(&decoded.text, format)?;
    let mut diags = decoded.warnings;
    diags.append(&mut out.diagnostics);
    out.diagnostics = diags;
    Ok(out)
}

/// Reads `text` (already decoded) as `format`, or as the detected format.
pub fn read(text: &str, format: Option<Format>) -> Result<ReadOutput, ReadError> {
    let stripped: String;
    let (text, format) = match format {
        Some(f) => (text, f),
        None => match detect(text) {
            // PyMuPDF's pages joined by form feeds read as those joined without (each
            // page's text ends with a line break, so the lines and their numbers stay).
            Format::Pymupdf if text.contains('\x0C') => {
                stripped = text.replace('\x0C', "");
                (stripped.as_str(), detect(&stripped))
            }
            f => (text, f),
        },
    };
    let prep = match format {
        // AKN is structured already: it is read into the model directly.
        Format::Akn => {
            let out = akn::read(text).map_err(|e| {
                ReadError::new(ReadErrorKind::Akn(e.message), e.line).at_column(e.column)
            })?;
            let mut doc = out.doc;
            crate::model::ids::assign(&mut doc);
            return Ok(ReadOutput {
                doc,
                diagnostics: out.diagnostics,
            });
        }
        Format::Ods => ods::prepare(text),
        Format::Paragraphs => paragraphs::prepare(text),
        // Told as PyMuPDF text, form feeds and all: its page heads are found by their
        // repeating, as without them.
        Format::Pymupdf if text.contains('\x0C') => {
            pdf_text::prepare(&text.replace('\x0C', ""), format)
        }
        Format::Pymupdf
        | Format::Cleaned
        | Format::PdftotextLayout
        | Format::Pdftotext
        | Format::Lines => pdf_text::prepare(text, format),
        // Runs of spaces stand for the line breaks: then it reads as raw PDF text.
        Format::OneLine => pdf_text::prepare(&pdf_text::unflatten(text), Format::Pymupdf),
        // A PDF is bytes, not text: only `read_bytes` reads it.
        Format::Pdf => return Err(ReadError::new(ReadErrorKind::NotPdf, 0)),
    };
    let mut out = shape::build(prep, format)?;
    // Element ids: once, on the finished document.
    crate::model::ids::assign(&mut out.doc);
    Ok(out)
}

/// Guesses the input format from its text.
pub fn detect(text: &str) -> Format {
    if akn::looks_like(text) {
        return Format::Akn;
    }
    if pdf_text::is_flattened(text) {
        return Format::OneLine;
    }
    // A Security Council resolution as its yearly volumes print it: the heading with its
    // number and year near the top, paragraphs set apart by blank lines.
    if text
        .lines()
        .filter(|l| !pdf_text::is_blank(l))
        .take(8)
        .any(|l| lex::council::council_heading(l).is_some())
    {
        return Format::Paragraphs;
    }
    // Word's text export: its footnote and bookmark markers, or the ODS fields.
    if text.contains("<<ODS ")
        || text.contains("[DU1]")
        || text.contains("[footnoteRef:")
        || text.contains("[bookmark: ")
        || text.lines().any(is_ods_numbered)
    {
        return Format::Ods;
    }
    if let Some(front) = pdf_text::front_matter_block(text) {
        if front.contains("extract_version: \"1.0") {
            return Format::Pymupdf;
        }
        return Format::Cleaned;
    }
    if text.contains("\n[^1]:") || text.starts_with("[^1]:") {
        return Format::Cleaned;
    }
    let lines: Vec<&str> = text.lines().filter(|l| !pdf_text::is_blank(l)).collect();
    if text.contains('\x0C') || lines.iter().any(|l| lex::masthead::has_adoption_line(l)) {
        let indented = lines.iter().filter(|l| l.starts_with("     ")).count();
        if indented * 4 > lines.len() {
            return Format::PdftotextLayout;
        }
        // PyMuPDF ends its lines with a space, pdftotext never: with form feeds (its pages
        // joined by them), most long lines end so.
        let long = lines.iter().filter(|l| l.trim().len() > 40);
        let spaced = long.clone().filter(|l| l.ends_with(' ')).count();
        if spaced > 0 && (!text.contains('\x0C') || spaced * 2 > long.count()) {
            return Format::Pymupdf;
        }
        // A PDF's lines are short; whole paragraphs on long lines are cleaned text.
        let long = lines.iter().filter(|l| l.chars().count() > 250).count();
        if !text.contains('\x0C') && long >= 3 {
            return Format::Cleaned;
        }
        return Format::Pdftotext;
    }
    if !text.contains(crate::lang::en::DISTR)
        && lines.iter().all(|l| !l.contains("plenary meeting"))
    {
        return Format::Lines;
    }
    Format::Pdftotext
}

/// "<TAB>1.<TAB>Notes …": the ODS export's numbering.
fn is_ods_numbered(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('\t') else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && rest[digits..].starts_with(".\t")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Kind;
    use crate::model::Block;

    const SECTIONED: &str = "Resolution adopted by the General Assembly on 5 December 2025\n\n\
[on the report of the Third Committee (A/80/999)]\n\n\
80/999. Omnibus resolution\n\n\
The General Assembly,\n\n\
Recalling its resolution 79/1,\n\n\
I\n\nFirst matters\n\n\
1. Decides something;\n\n\
2. Requests the Secretary-General:\n\n\
(a) To act;\n\n\
(b) To report;\n\n\
II\n\nSecond matters\n\n\
3. Decides to remain seized of the matter.\n\n\
99th plenary meeting 5 December 2025\n";

    #[test]
    fn sections_without_full_stops_group_their_paragraphs() {
        let out = read(SECTIONED, Some(Format::Cleaned)).unwrap();
        let doc = out.doc;
        assert_eq!(doc.preambular_paragraphs().len(), 1);
        assert_eq!(doc.operative_paragraphs().len(), 3);
        let sections: Vec<(String, String, usize)> = doc
            .body
            .iter()
            .filter_map(|b| match b {
                Block::Section(s) => Some((
                    s.num.clone().unwrap_or_default(),
                    s.heading.to_plain(),
                    s.children.len(),
                )),
                Block::Paragraph(_) => None,
            })
            .collect();
        assert_eq!(
            sections,
            vec![
                ("I".into(), "First matters".into(), 2),
                ("II".into(), "Second matters".into(), 1)
            ]
        );
        assert_eq!(doc.operative_paragraphs()[1].subparagraphs.len(), 2);
        assert_eq!(
            doc.meta
                .origin
                .as_ref()
                .and_then(|o| o.committee.clone())
                .as_deref(),
            Some("Third Committee")
        );
        assert_eq!(doc.closing.and_then(|c| c.meeting_number), Some(99));
    }

    #[test]
    fn errors_and_warnings_have_kinds() {
        let e = read("Some words.\n\nMore words.\n", Some(Format::Cleaned)).unwrap_err();
        assert_eq!((e.kind.clone(), e.line), (ReadErrorKind::NoFormula, 1));
        assert_eq!(e.to_string(), e.message);
        let e = read_bytes(b"", None).unwrap_err();
        assert!(matches!(e.kind, ReadErrorKind::Decode(_)), "{e:?}");
        // A footnote without its mark: the warning says what it is about.
        let text = format!("{SECTIONED}\n---\n[^7]: A note nobody marks.\n");
        let out = read(&text, Some(Format::Cleaned)).unwrap();
        let kinds: Vec<Kind> = out.diagnostics.iter().map(|d| d.kind).collect();
        assert!(
            kinds.contains(&Kind::UnmatchedNote),
            "{:?}",
            out.diagnostics
        );
        assert!(!kinds.contains(&Kind::Other), "{:?}", out.diagnostics);
        let bytes = b"The General Assembly,\n\n1. D\xe9cides;\n";
        let out = read_bytes(bytes, None).unwrap();
        assert_eq!(
            out.diagnostics.first().map(|d| d.kind),
            Some(Kind::Encoding)
        );
    }

    #[test]
    fn detects_each_format() {
        assert_eq!(
            detect("[DU1]\nResolution adopted by the General Assembly\n\t1.\tNotes;\n"),
            Format::Ods
        );
        assert_eq!(
            detect("---\nsymbol: A/RES/80/1\nextract_version: \"1.0.0\"\n---\nUnited Nations\n"),
            Format::Pymupdf
        );
        assert_eq!(
            detect("---\nsymbol: A/RES/80/1\nextract_version: \"1.3.0\"\n---\nUnited Nations\n"),
            Format::Cleaned
        );
        assert_eq!(
            detect("Universal Declaration\nPreamble\nWhereas recognition,\n"),
            Format::Lines
        );
        let flat = format!(
            "United Nations   A/RES/1/1   {}",
            "The General Assembly,   Recalling it,   ".repeat(30)
        );
        assert_eq!(detect(&flat), Format::OneLine);
    }

    #[test]
    fn pymupdf_pages_joined_by_form_feeds_read_as_joined_without() {
        // PyMuPDF ends its lines with a space; pdftotext never does.
        let pages = [
            "Resolution adopted by the General Assembly on 13 December 2010 \n\
65/122. Cooperation between the United Nations and a regional organization \n\
The General Assembly, \n \nRecalling its resolution 59/50 of 2 December 2004 and all the \n\
resolutions on the matter adopted since then, \n",
            "1. Notes the activity of the organization in the region and beyond it; \n \n\
2. Requests the Secretary-General to report. \n \n64th plenary meeting \n13 December 2010 \n",
        ];
        let joined = pages.concat();
        let fed = pages.join("\x0C");
        assert_eq!(detect(&fed), Format::Pymupdf);
        assert_eq!(detect(&fed.replace(" \n", "\n")), Format::Pdftotext);
        let (a, b) = (read(&joined, None).unwrap(), read(&fed, None).unwrap());
        assert_eq!(a.doc.operative_paragraphs().len(), 2);
        assert_eq!(
            serde_json::to_string(&a.doc).unwrap(),
            serde_json::to_string(&b.doc).unwrap()
        );
    }
}

#[cfg(test)]
mod one_line_tests {
    use super::*;
    use crate::model::Organ;

    /// A Human Rights Council resolution flattened to one line, with its vote after the closing lines.
    const HRC: &str = "United Nations   A/HRC/RES/54/1   General Assembly   Distr.: General 16 October 2023   \
Original: English   Human Rights Council   Fifty-fourth session   Agenda item 3   Promotion and protection of all \
human rights   Resolution adopted by the Human Rights Council on 11 October 2023   54/1. Human rights and \
international solidarity   The Human Rights Council,   Guided by the purposes and principles of the Charter,   \
1. Reaffirms that international solidarity is a broad concept;   2. Requests a report at its fifty-seventh \
session.   40th meeting 11 October 2023   [Adopted by a recorded vote of 31 to 15.]\n";

    #[test]
    fn a_one_line_council_resolution() {
        assert_eq!(detect(HRC), Format::OneLine);
        let doc = read(HRC, None).unwrap().doc;
        assert_eq!(doc.meta.organ, Organ::HumanRightsCouncil);
        assert_eq!(doc.meta.symbol.as_deref(), Some("A/HRC/RES/54/1"));
        assert_eq!(doc.meta.session.as_ref().map(|s| s.number), Some(54));
        assert_eq!(
            doc.meta.title.as_deref(),
            Some("Human rights and international solidarity")
        );
        assert_eq!(doc.preambular_paragraphs().len(), 1);
        assert_eq!(doc.operative_paragraphs().len(), 2);
        let closing = doc.closing.unwrap();
        assert_eq!(closing.meeting_number, Some(40));
        assert_eq!(
            closing.vote.as_deref(),
            Some("[Adopted by a recorded vote of 31 to 15.]")
        );
    }
}

#[cfg(test)]
mod council_volume_tests {
    use super::*;
    use crate::model::{MeetingKind, Organ};

    /// A Council resolution as the yearly volumes print it, in each official language:
    /// the heading with its date, the formula, two paragraphs, the vote line.
    const TEXTS: &[(&str, &str)] = &[
        (
            "Resolution 500 (1982) of 28 January 1982",
            "The Security Council,\n\n1. Decides to call an emergency special session;\n\n2. Requests the Secretary-General to report.\n\nAdopted at the 2330th meeting by 13 votes to none, with 2 abstentions (Poland, Union of Soviet Socialist Republics).",
        ),
        (
            "Résolution 500 (1982) du 28 janvier 1982",
            "Le Conseil de sécurité,\n\n1. Décide de convoquer une session extraordinaire d'urgence;\n\n2. Prie le Secrétaire général de lui faire rapport.\n\nAdoptée à la 2330e séance par 13 voix contre zéro, avec 2 abstentions (Pologne, Union des Républiques socialistes soviétiques).",
        ),
        (
            "Resolución 500 (1982), de 28 de enero de 1982",
            "El Consejo de Seguridad,\n\n1. Decide convocar un período extraordinario de sesiones de emergencia;\n\n2. Pide al Secretario General que le presente un informe.\n\nAprobada en la 2330ª sesión por 13 votos contra ninguno y 2 abstenciones (Polonia, Unión de Repúblicas Socialistas Soviéticas).",
        ),
        (
            "Резолюция 500 (1982) от 28 января 1982 года",
            "Совет Безопасности,\n\n1. постановляет созвать чрезвычайную специальную сессию;\n\n2. просит Генерального секретаря представить доклад.\n\nПринята на 2330-м заседании 13 голосами против 0 при 2 воздержавшихся (Польша, Союз Советских Социалистических Республик).",
        ),
        (
            "القرار 500 (1982) المؤرخ 28 كانون الثاني/يناير 1982",
            "إن مجلس الأمن،\n\n1. يقرر الدعوة إلى عقد دورة استثنائية طارئة؛\n\n2. يطلب إلى الأمين العام أن يقدم تقريرا.\n\nاتخذ في الجلسة 2330 بأغلبية 13 صوتا مقابل لا شيء وامتناع عضوين عن التصويت.",
        ),
        (
            "第500(1982)号决议 1982年1月28日",
            "安全理事会，\n\n1. 决定召开一届紧急特别会议；\n\n2. 请秘书长提出报告。\n\n在第2330次会议上以13票对0票、2票弃权通过。",
        ),
    ];

    #[test]
    fn the_volumes_shape_reads_in_every_official_language() {
        for (heading, text) in TEXTS {
            let input = format!("{heading}\n\n{text}\n");
            assert_eq!(detect(&input), Format::Paragraphs, "{heading}");
            let doc = read(&input, None)
                .unwrap_or_else(|e| panic!("{heading}: {}", e.message))
                .doc;
            let m = &doc.meta;
            assert_eq!(m.organ, Organ::SecurityCouncil, "{heading}");
            assert_eq!(m.symbol.as_deref(), Some("S/RES/500 (1982)"), "{heading}");
            assert_eq!(
                m.adopted.as_ref().map(|d| d.date.to_string()).as_deref(),
                Some("1982-01-28"),
                "{heading}"
            );
            assert_eq!(doc.operative_paragraphs().len(), 2, "{heading}");
            let c = doc
                .closing
                .as_ref()
                .unwrap_or_else(|| panic!("{heading}: no closing"));
            assert_eq!(c.meeting_number, Some(2330), "{heading}");
            assert_eq!(c.meeting_kind, Some(MeetingKind::Other), "{heading}");
            let vote = text.lines().last().unwrap_or_default();
            assert_eq!(c.vote.as_deref(), Some(vote), "{heading}");
        }
    }
}

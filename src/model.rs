//! The one intermediate model of a UN resolution.
//!
//! Readers fill it, writers only walk it. Plain data: no I/O, no formatting.
//! Everything a writer needs (a leading phrase, a footnote's place, a
//! reference's target) is put here once by the reader.

pub mod ids;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// A whole document: metadata, preface, preamble, operative part, closing, annexes, notes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Resolution {
    /// Masthead, preface and provenance.
    pub meta: Meta,
    /// The enacting formula ("The General Assembly,").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formula: Option<Formula>,
    /// Preambular paragraphs (and any headings among them), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<Block>,
    /// The operative part: numbered paragraphs and the sections that group them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub body: Vec<Block>,
    /// The closing meeting line and its date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing: Option<Closing>,
    /// Annexes, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annexes: Vec<Annex>,
    /// Footnotes, each once, in order of their markers. Marks in the text are
    /// [`Inline::NoteRef`]s that name a note's marker; a note may be marked twice.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<Footnote>,
}

/// What kind of document this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DocKind {
    /// A resolution with its masthead, preface and closing.
    #[default]
    Resolution,
    /// A decision: its number, title and one text ("The General Assembly, recalling …,
    /// decides …"), or a formula over lettered items.
    Decision,
    /// A draft resolution (`A/C.3/80/L.26`): sponsors and committee in [`Meta::draft`].
    DraftResolution,
    /// A draft decision: a decision's text under a draft's masthead.
    DraftDecision,
    /// Amendments to a draft (`…: amendment to draft resolution A/80/L.18`): the
    /// instructions are the operative paragraphs.
    Amendment,
    /// The text of a declaration (or other annex) without a resolution frame.
    Declaration,
}

impl DocKind {
    /// True for the kinds a Main Committee or the plenary has before it, not yet adopted.
    pub fn is_draft(self) -> bool {
        matches!(
            self,
            DocKind::DraftResolution | DocKind::DraftDecision | DocKind::Amendment
        )
    }

    /// The kind's name as serialised ("draft-resolution").
    pub fn name(self) -> &'static str {
        match self {
            DocKind::Resolution => "resolution",
            DocKind::Decision => "decision",
            DocKind::DraftResolution => "draft-resolution",
            DocKind::DraftDecision => "draft-decision",
            DocKind::Amendment => "amendment",
            DocKind::Declaration => "declaration",
        }
    }
}

/// The organ that adopted the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Organ {
    /// The General Assembly (`A/RES/…`).
    #[default]
    GeneralAssembly,
    /// The Security Council (`S/RES/…`).
    SecurityCouncil,
    /// The Human Rights Council (`A/HRC/RES/…`).
    HumanRightsCouncil,
    /// The Economic and Social Council (`E/RES/…`).
    EconomicAndSocialCouncil,
}

impl Organ {
    /// The organ's name as printed ("General Assembly").
    pub fn name(self) -> &'static str {
        match self {
            Organ::GeneralAssembly => "General Assembly",
            Organ::SecurityCouncil => "Security Council",
            Organ::HumanRightsCouncil => "Human Rights Council",
            Organ::EconomicAndSocialCouncil => "Economic and Social Council",
        }
    }

    /// Short identifier used in IRIs (AKN4UN actor segment).
    pub fn actor(self) -> &'static str {
        match self {
            Organ::GeneralAssembly => "un-ga",
            Organ::SecurityCouncil => "un-sc",
            Organ::HumanRightsCouncil => "un-hrc",
            Organ::EconomicAndSocialCouncil => "un-ecosoc",
        }
    }
}

/// Metadata: the masthead, the preface and the provenance of the text.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// A resolution, a decision, a draft, or a declaration's text without the resolution frame.
    pub kind: DocKind,
    /// The organ that adopted it.
    pub organ: Organ,
    /// Document symbol, e.g. `A/RES/65/122`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// Resolution number as printed without the final full stop, e.g. `65/122`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Title as printed, on one line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Session, e.g. 65 printed "Sixty-fifth session".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<Session>,
    /// Adoption date (from the "Resolution adopted by … on …" line).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopted: Option<DateText>,
    /// Date of issue (under "Distr.: General").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<DateText>,
    /// Distribution, e.g. `General`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distribution: Option<String>,
    /// The agenda items of the preface, as printed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agenda_items: Vec<AgendaItem>,
    /// The bracketed origin line: "[without reference to a Main Committee (A/65/L.6)]".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
    /// The adoption line as printed: "Resolution adopted by the General Assembly on 13 December 2010".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adoption_line: Option<String>,
    /// Where the parts of the adoption line stand in [`Meta::adoption_line`]: the document
    /// type, the organ ([`Meta::organ`]) and the date ([`Meta::adopted`]).
    /// Recognised by the reader; not serialised (the line itself is).
    #[serde(skip)]
    pub adoption_parts: Option<AdoptionParts>,
    /// The resolution a text that prints no symbol, number or date comes from, known
    /// by its title (the Universal Declaration: 217 A (III) of 10 December 1948).
    /// Recognised by the reader; not serialised (the title is).
    #[serde(skip)]
    pub known_work: Option<KnownWork>,
    /// What a draft prints under its masthead: the submission line, sponsors, committee,
    /// revision. `None` for adopted texts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<Draft>,
    /// Job number as printed in the footer, without " (E)", e.g. `10-51986`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_number: Option<String>,
    /// The ODS job code, e.g. `N1051986E`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ods_job: Option<String>,
    /// Barcode text without its asterisks, e.g. `1051986`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub barcode: Option<String>,
    /// ISO 639-1 language code of the text, e.g. `en`.
    pub language: String,
    /// Which input format the text came in.
    pub source_format: SourceFormat,
}

/// What a draft resolution, draft decision or amendment prints above its title.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// The submission line as printed, on one line: "Albania, Andorra and Chile: draft
    /// resolution", "Draft resolution submitted by the Chair of the Committee following
    /// informal consultations".
    pub submitted: String,
    /// The sponsoring States, in printed order; empty when an officer submits it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sponsors: Vec<String>,
    /// The committee named in the masthead ("Third Committee"); `None` in plenary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee: Option<String>,
    /// The revision the symbol names (`…/Rev.1` → 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<u32>,
    /// The draft an amendment amends, e.g. `A/80/L.18`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amends: Option<String>,
}

/// The input format a document was read from (the names of `--from`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub enum SourceFormat {
    /// `ods`: plain-text export of the ODS Word file.
    #[serde(rename = "ods")]
    Ods,
    /// `pymupdf`: raw PyMuPDF text of the official PDF.
    #[serde(rename = "pymupdf")]
    Pymupdf,
    /// `cleaned`: Markdown-like text, one paragraph per line.
    #[serde(rename = "cleaned")]
    Cleaned,
    /// `pdftotext-layout`: `pdftotext -layout` of the official PDF.
    #[serde(rename = "pdftotext-layout")]
    PdftotextLayout,
    /// `pdftotext`: `pdftotext` in reading order.
    #[serde(rename = "pdftotext")]
    Pdftotext,
    /// `lines`: one block per line, no resolution frame.
    #[serde(rename = "lines")]
    Lines,
    /// `paragraphs`: paragraphs set apart by blank lines, hard-wrapped.
    #[serde(rename = "paragraphs")]
    Paragraphs,
    /// `one-line`: the whole document on one line.
    #[serde(rename = "one-line")]
    OneLine,
    /// `akn`: Akoma Ntoso XML.
    #[serde(rename = "akn")]
    Akn,
    /// `pdf`: the PDF read directly.
    #[serde(rename = "pdf")]
    Pdf,
    /// `unknown`: built by a program, not read from an input.
    #[default]
    #[serde(rename = "unknown")]
    Unknown,
}

impl SourceFormat {
    /// The name as serialised (and as given to `--from`).
    pub fn name(self) -> &'static str {
        match self {
            SourceFormat::Ods => "ods",
            SourceFormat::Pymupdf => "pymupdf",
            SourceFormat::Cleaned => "cleaned",
            SourceFormat::PdftotextLayout => "pdftotext-layout",
            SourceFormat::Pdftotext => "pdftotext",
            SourceFormat::Lines => "lines",
            SourceFormat::Paragraphs => "paragraphs",
            SourceFormat::OneLine => "one-line",
            SourceFormat::Akn => "akn",
            SourceFormat::Pdf => "pdf",
            SourceFormat::Unknown => "unknown",
        }
    }
}

impl fmt::Display for SourceFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A part of a printed line, as a byte range of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Span {
    /// The first byte of the part.
    pub start: usize,
    /// The byte after the part.
    pub end: usize,
}

/// The parts of the adoption line ("Resolution adopted by the General Assembly on 13
/// December 2010") a reader recognised, each where it stands in the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct AdoptionParts {
    /// The document type ("Resolution").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_type: Option<Span>,
    /// The adopting organ's name ([`Meta::organ`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organ: Option<Span>,
    /// The adoption date ([`Meta::adopted`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Span>,
}

/// A session of the organ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// The session's number: 65 for the sixty-fifth.
    pub number: u32,
    /// As printed: "Sixty-fifth session".
    pub printed: String,
}

/// An agenda item as printed in the masthead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    /// The item designation, e.g. `122 (f)`.
    pub item: String,
    /// The agenda item's title when the masthead prints it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// The origin line of the preface.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Origin {
    /// The line as printed, with its brackets; document symbols are [`Inline::Ref`]s.
    pub text: Text,
    /// The Main Committee ("Third Committee"); `None` means without reference to a Main Committee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee: Option<String>,
    /// The document symbols cited, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub symbols: Vec<String>,
}

/// The enacting formula.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Formula {
    /// Words printed before the formula ("Now, therefore,").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<Text>,
    /// The formula itself: "The General Assembly,".
    pub text: Text,
    /// A proclamation that continues the formula ("Proclaims this Universal Declaration …").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proclamation: Option<Text>,
    /// True when the formula follows the preamble instead of opening it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub after_preamble: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A block of the preamble, body or an annex.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph.
    Paragraph(Paragraph),
    /// A heading with the blocks under it.
    Section(Section),
}

/// A heading with the blocks under it ("I. Global context …", "A. …").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Printed number, e.g. `I.` or `A.`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num: Option<String>,
    /// The heading's text.
    pub heading: Text,
    /// Nesting depth, 1 for the outermost sections.
    pub level: u8,
    /// The blocks under the heading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Block>,
    /// The element id (AKN eId, `sec_I`), set by [`ids::assign`].
    #[serde(skip)]
    pub eid: String,
}

/// A paragraph: preambular, operative, or a sub-paragraph at any depth.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    /// The printed number or label: `1.`, `(a)`, `(i)`. `None` for unnumbered paragraphs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num: Option<String>,
    /// True when the label was not in the text but inferred from its neighbours.
    #[serde(default, skip_serializing_if = "is_false")]
    pub num_inferred: bool,
    /// A heading printed above the paragraph ("Article 1").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<Text>,
    /// The paragraph's text; several entries when it runs over several printed paragraphs.
    /// With sub-paragraphs this is the text before the list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub content: Vec<Text>,
    /// The sub-paragraphs ((a), (b), …; (i), (ii), … under them), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subparagraphs: Vec<Paragraph>,
    /// Text after the sub-paragraphs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wrap_up: Vec<Text>,
    /// The number its heading gives an unnumbered paragraph ("Article 12", "第十二条" →
    /// `12`), in ASCII digits. Recognised by the reader; not serialised (the heading is).
    #[serde(skip)]
    pub article: Option<String>,
    /// The element id (AKN eId, `para_8__list_1__point_a`), set by [`ids::assign`].
    #[serde(skip)]
    pub eid: String,
}

/// The closing lines: "64th plenary meeting" / "13 December 2010".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Closing {
    /// The meeting line as printed: "64th plenary meeting".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
    /// The meeting's number ("64th" → 64).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_number: Option<u32>,
    /// What kind of meeting the line names. Recognised by the reader; not serialised
    /// (the line is).
    #[serde(skip)]
    pub meeting_kind: Option<MeetingKind>,
    /// The date line under it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DateText>,
    /// How it was adopted, as printed after the closing lines: "[Adopted without a vote.]".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote: Option<String>,
    /// Footnote marks printed after the vote line ("… by 14 votes to none. 30"), each
    /// naming a [`Footnote`] as an [`Inline::NoteRef`] does.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vote_notes: Vec<String>,
}

/// A resolution known by the title of the text it adopted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownWork {
    /// The resolution's number as a Work IRI segment: `217_A_III`.
    pub number: String,
    /// Its adoption date.
    pub date: Date,
}

/// The kind of meeting that adopted a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum MeetingKind {
    /// A plenary meeting ("64th plenary meeting").
    Plenary,
    /// Any other meeting ("40th meeting").
    Other,
}

/// An annex: its label, title and content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Annex {
    /// The label as printed: "Annex", "Annex I".
    pub label: String,
    /// The title under the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// The annex's content.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocks: Vec<Block>,
    /// The element id prefix (AKN eId, `att_1`), set by [`ids::assign`].
    #[serde(skip)]
    pub eid: String,
}

/// A footnote: the printed marker and its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Footnote {
    /// The printed marker, e.g. `1` or `*`, named by [`Inline::NoteRef`]s.
    pub marker: String,
    /// The note's text.
    pub text: Text,
}

/// Inline content: a run of text with its recognised parts.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Text(pub Vec<Inline>);

impl Text {
    /// Text with a single plain run.
    pub fn plain(s: impl Into<String>) -> Self {
        let s = s.into();
        if s.is_empty() {
            Text(Vec::new())
        } else {
            Text(vec![Inline::Text { text: s }])
        }
    }

    /// The printed words, without footnote marks.
    pub fn to_plain(&self) -> String {
        let mut out = String::new();
        for i in &self.0 {
            match i {
                Inline::Text { text }
                | Inline::Phrase { text }
                | Inline::Emphasis { text }
                | Inline::Ref { text, .. }
                | Inline::Date { text, .. } => out.push_str(text),
                Inline::NoteRef { .. } | Inline::UnprintedNoteRef { .. } => {}
            }
        }
        out
    }

    /// True when there is no text and no footnote mark.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|i| match i {
            Inline::NoteRef { .. } | Inline::UnprintedNoteRef { .. } => false,
            _ => i.text().is_empty(),
        })
    }
}

/// One piece of inline content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Inline {
    /// Plain text.
    Text {
        /// The text.
        text: String,
    },
    /// The leading phrase of a paragraph, printed in italics: "Recalling also", "Decides".
    Phrase {
        /// The phrase.
        text: String,
    },
    /// Other text printed in italics: a title cited (*Treaty Series*, *Official Records
    /// of the General Assembly*), a Latin phrase. Only a reader that sees the faces (the
    /// PDF reader) gives it.
    Emphasis {
        /// The words in italics.
        text: String,
    },
    /// A footnote mark; `marker` names a [`Footnote`].
    NoteRef {
        /// The footnote's marker.
        marker: String,
    },
    /// A footnote mark whose note this text does not print (the Council's yearly volumes
    /// set the notes apart from the resolutions): the mark as printed, and no
    /// [`Footnote`] has it.
    UnprintedNoteRef {
        /// The mark's number as printed (an OCR `!` for a raised 1 is `1`).
        marker: String,
    },
    /// A reference to another UN document.
    Ref {
        /// The reference as printed: "resolution 59/50".
        text: String,
        /// What kind of document it names.
        kind: RefKind,
        /// The document symbol it points to, e.g. `A/RES/59/50`, `S/RES/1631(2005)`, `A/65/L.6`.
        symbol: String,
    },
    /// A date in the text, with its ISO form.
    Date {
        /// The date as printed.
        text: String,
        /// The date.
        date: Date,
    },
}

impl Inline {
    /// The printed text of this piece (empty for a footnote mark, printed or not).
    pub fn text(&self) -> &str {
        match self {
            Inline::Text { text }
            | Inline::Phrase { text }
            | Inline::Emphasis { text }
            | Inline::Ref { text, .. }
            | Inline::Date { text, .. } => text,
            Inline::NoteRef { .. } | Inline::UnprintedNoteRef { .. } => "",
        }
    }
}

/// What a reference points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RefKind {
    /// A General Assembly resolution ("resolution 59/50").
    GaResolution,
    /// A Security Council resolution ("Security Council resolution 1631 (2005)").
    ScResolution,
    /// Any other document symbol ("A/65/L.6").
    Symbol,
}

/// A printed date and its ISO form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateText {
    /// The date.
    pub date: Date,
    /// As printed: "13 December 2010".
    pub text: String,
}

/// A validated calendar date, serialised as ISO 8601 `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// A date, if it exists in the Gregorian calendar (years 1000–9999).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if !(1000..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        (day <= days).then_some(Date { year, month, day })
    }

    /// The year, 1000–9999.
    pub fn year(self) -> u16 {
        self.year
    }
    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }
    /// The day of the month, from 1.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let y = s.get(0..4)?.parse().ok()?;
        let m = s.get(5..7)?.parse().ok()?;
        let d = s.get(8..10)?.parse().ok()?;
        Date::new(y, m, d)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse_iso(&s).ok_or_else(|| serde::de::Error::custom(format!("not a date: {s}")))
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "description": "A calendar date, ISO 8601 (YYYY-MM-DD)."
        })
    }
}

/// Walk helpers shared by writers and tests.
impl Resolution {
    /// All operative paragraphs of the body, in order, looking through sections.
    pub fn operative_paragraphs(&self) -> Vec<&Paragraph> {
        let mut out = Vec::new();
        collect_paragraphs(&self.body, &mut out);
        out
    }

    /// All preambular paragraphs, in order, looking through sections.
    pub fn preambular_paragraphs(&self) -> Vec<&Paragraph> {
        let mut out = Vec::new();
        collect_paragraphs(&self.preamble, &mut out);
        out
    }

    /// The footnote with this marker.
    pub fn footnote(&self, marker: &str) -> Option<&Footnote> {
        self.footnotes.iter().find(|f| f.marker == marker)
    }
}

fn collect_paragraphs<'a>(blocks: &'a [Block], out: &mut Vec<&'a Paragraph>) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => out.push(p),
            Block::Section(s) => collect_paragraphs(&s.children, out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_validated() {
        assert!(Date::new(2010, 12, 13).is_some());
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(2010, 4, 31).is_none());
        assert!(Date::new(2010, 13, 1).is_none());
        assert_eq!(
            Date::parse_iso("2010-12-13").map(|d| d.to_string()),
            Some("2010-12-13".into())
        );
        assert!(Date::parse_iso("2010-1-13").is_none());
    }

    #[test]
    fn date_serialises_as_iso_string() {
        let d = Date::new(2011, 2, 10).unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2011-02-10\"");
        let back: Date = serde_json::from_str("\"2011-02-10\"").unwrap();
        assert_eq!(back, d);
        assert!(serde_json::from_str::<Date>("\"2011-02-30\"").is_err());
    }

    #[test]
    fn plain_text_skips_marks() {
        let t = Text(vec![
            Inline::Phrase {
                text: "Recalling".into(),
            },
            Inline::Text {
                text: " peace and security,".into(),
            },
            Inline::NoteRef { marker: "1".into() },
        ]);
        assert_eq!(t.to_plain(), "Recalling peace and security,");
    }
}

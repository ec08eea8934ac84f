//! The `meta` block: FRBR identification, publication, the TLC references and
//! the proprietary job numbers. IRI forms and the date rules are documented in
//! docs/akn.md.

use super::xml::Xml;
use crate::model::{Date, DocKind, MeetingKind, Organ, Resolution};
use crate::write::error::WriteError;
use std::borrow::Cow;
use std::collections::BTreeSet;

/// Namespace of the `akn4un:` proprietary metadata (as in docs/akn4un.md's skeleton).
pub const AKN4UN_NS: &str = "http://un.org/akn4un";

/// Stands in for a date the document does not show, where the schema demands
/// one (`FRBRdate/@date`); always written with `name="unknown"`.
const NO_DATE: &str = "0001-01-01";

/// The names every part of the output agrees on: IRIs, language, organ id.
pub struct Names {
    /// eId of the organ's TLCOrganization (`generalAssembly`).
    pub organ: &'static str,
    /// ISO 639-2 code (`eng`).
    pub lang3: String,
    /// Work IRI without component (`/akn/un/statement/deliberation/un-ga/2010-12-13/65-122`).
    pub work: String,
    /// Expression IRI without component (`…/eng@2010-12-13`).
    pub expression: String,
    /// The Work date: the adoption date, else the meeting date of the closing.
    pub work_date: Option<Date>,
    /// The manifestation date: `--markup-date`, else the fixed rule.
    pub markup: Option<Date>,
}

impl Names {
    pub fn new(doc: &Resolution, markup_date: Option<Date>) -> Names {
        let m = &doc.meta;
        let known = m.known_work.as_ref().map(|k| (k.number.as_str(), k.date));
        let work_date = m
            .adopted
            .as_ref()
            .map(|d| d.date)
            .or_else(|| {
                doc.closing
                    .as_ref()
                    .and_then(|c| c.date.as_ref())
                    .map(|d| d.date)
            })
            .or(known.map(|k| k.1));
        let markup = markup_date
            .or_else(|| m.issued.as_ref().map(|d| d.date))
            .or(work_date);
        // The IRIs are always dated: the Work date, else the date of issue, else the
        // fixed "no date" value (docs/akn.md).
        let iri_date = work_date
            .or_else(|| m.issued.as_ref().map(|d| d.date))
            .map_or_else(|| NO_DATE.to_string(), |d| d.to_string());
        let number = match known {
            Some((n, _)) => n.to_string(),
            None => number_segment(doc),
        };
        let work = format!(
            "/akn/un/statement/{}/{}/{iri_date}/{number}",
            subtype(m.kind),
            m.organ.actor()
        );
        let lang3 = lang3(&m.language);
        let expression = format!("{work}/{lang3}@{iri_date}");
        Names {
            organ: organ_id(m.organ),
            lang3,
            work,
            expression,
            work_date,
            markup,
        }
    }
}

/// eId of an organ's TLCOrganization.
pub fn organ_id(o: Organ) -> &'static str {
    match o {
        Organ::GeneralAssembly => "generalAssembly",
        Organ::SecurityCouncil => "securityCouncil",
        Organ::HumanRightsCouncil => "humanRightsCouncil",
        Organ::EconomicAndSocialCouncil => "economicAndSocialCouncil",
    }
}

/// The docNumber segment, ASCII: the number (`65/122` → `65-122`, `68/247 B` → `68-247_B`),
/// else the symbol the same way, else an ASCII slug of the title, else `untitled`.
fn number_segment(doc: &Resolution) -> String {
    let m = &doc.meta;
    let iri = |s: &str| -> String {
        let mut out = String::new();
        for c in s.trim().chars() {
            match c {
                '/' => out.push('-'),
                c if c.is_whitespace() => out.push('_'),
                c if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '(' | ')') => {
                    out.push(c)
                }
                c => out.push_str(fold(c).unwrap_or_default()),
            }
        }
        out
    };
    if let Some(n) = m.number.as_deref().map(iri).filter(|s| !s.is_empty()) {
        return n;
    }
    if let Some(s) = m.symbol.as_deref().map(iri).filter(|s| !s.is_empty()) {
        return s;
    }
    let slug = m.title.as_deref().map(ascii_slug).unwrap_or_default();
    if slug.is_empty() {
        "untitled".into()
    } else {
        slug
    }
}

/// Lower-case words joined by `-`: "Universal Declaration of Human Rights" → `universal-declaration-of-human-rights`.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for word in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// [`slug`] in ASCII: Latin letters lose their accents, Cyrillic is transliterated;
/// a title with letters of another script is named by a hash of it (`t-` and 16
/// hex digits of its FNV-1a), so that the slug stays stable and distinct.
pub fn ascii_slug(s: &str) -> String {
    let lower = slug(s);
    let mut out = String::with_capacity(lower.len());
    for c in lower.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            match fold(c) {
                Some(f) => out.push_str(f),
                None => {
                    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
                    for b in lower.bytes() {
                        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
                    }
                    return format!("t-{h:016x}");
                }
            }
        }
    }
    out
}

/// The ASCII form of a lower-case letter: Latin without its accent, Cyrillic transliterated.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => "i",
        'ł' | 'ľ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ș' | 'ş' => "s",
        'ß' => "ss",
        'ť' | 'ț' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' => "i",
        'й' | 'ы' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ю' => "yu",
        'я' => "ya",
        _ => return None,
    })
}

/// ISO 639-1 → ISO 639-2 for the UN's languages; other codes pass through, none gives `und`.
fn lang3(code: &str) -> String {
    let c = code.trim().to_ascii_lowercase();
    let three = match c.as_str() {
        "en" => "eng",
        "fr" => "fra",
        "es" => "spa",
        "ru" => "rus",
        "ar" => "ara",
        "zh" => "zho",
        "de" => "deu",
        "" => "und",
        other => other,
    };
    three.to_string()
}

fn frbr_date(x: &mut Xml, date: Option<Date>, name: &str) {
    match date {
        Some(d) => x.empty("FRBRdate", &[("date", &d.to_string()), ("name", name)]),
        None => x.empty("FRBRdate", &[("date", NO_DATE), ("name", "unknown")]),
    }
}

/// `identification` for the main document (`component` = `main`) or an annex (`annex_1`).
pub fn identification(
    x: &mut Xml,
    doc: &Resolution,
    names: &Names,
    component: &str,
    name: Option<&str>,
) {
    let m = &doc.meta;
    let organ = format!("#{}", names.organ);
    x.open("identification", &[("source", "#converter")]);

    x.open("FRBRWork", &[]);
    x.empty(
        "FRBRthis",
        &[("value", &format!("{}/!{component}", names.work))],
    );
    x.empty("FRBRuri", &[("value", &names.work)]);
    if let Some(s) = &m.symbol {
        x.empty("FRBRalias", &[("value", s), ("name", "symbol")]);
    }
    if let Some(t) = m.title.as_deref().filter(|t| !t.is_empty()) {
        x.empty("FRBRalias", &[("value", t), ("name", "title")]);
    }
    // A draft is dated by its issue: it has no adoption.
    let (work_date, date_name) = if m.kind.is_draft() {
        (m.issued.as_ref().map(|d| d.date), "issuance")
    } else {
        (names.work_date, "adoption")
    };
    frbr_date(x, work_date, date_name);
    x.empty("FRBRauthor", &[("href", &organ), ("as", "#author")]);
    x.empty("FRBRcountry", &[("value", "un")]);
    x.empty("FRBRsubtype", &[("value", subtype(m.kind))]);
    if let Some(n) = &m.number {
        let value = names.work.rsplit('/').next().unwrap_or_default();
        x.empty("FRBRnumber", &[("value", value), ("showAs", n)]);
    }
    if let Some(t) = name.filter(|t| !t.is_empty()) {
        x.empty("FRBRname", &[("value", t)]);
    }
    x.close("FRBRWork");

    x.open("FRBRExpression", &[]);
    x.empty(
        "FRBRthis",
        &[("value", &format!("{}/!{component}", names.expression))],
    );
    x.empty("FRBRuri", &[("value", &names.expression)]);
    frbr_date(x, work_date, date_name);
    x.empty("FRBRauthor", &[("href", &organ), ("as", "#author")]);
    x.empty("FRBRlanguage", &[("language", &names.lang3)]);
    x.close("FRBRExpression");

    x.open("FRBRManifestation", &[]);
    x.empty(
        "FRBRthis",
        &[("value", &format!("{}/!{component}.xml", names.expression))],
    );
    x.empty(
        "FRBRuri",
        &[("value", &format!("{}.xml", names.expression))],
    );
    frbr_date(x, names.markup, "markup");
    x.empty("FRBRauthor", &[("href", "#converter"), ("as", "#editor")]);
    x.empty("FRBRformat", &[("value", "xml")]);
    x.close("FRBRManifestation");

    x.close("identification");
}

/// `publication`: the official document of the date of issue, when both are printed.
pub fn publication(x: &mut Xml, doc: &Resolution) {
    let m = &doc.meta;
    if let (Some(issued), Some(symbol)) = (&m.issued, &m.symbol) {
        x.empty(
            "publication",
            &[
                ("date", &issued.date.to_string()),
                ("name", "officialDocument"),
                ("showAs", symbol),
                ("number", symbol),
            ],
        );
    }
}

/// One entry of the references block.
struct Tlc<'a> {
    element: &'static str,
    id: Cow<'a, str>,
    href: Cow<'a, str>,
    show: Cow<'a, str>,
}

/// Every TLC this document could point to, in output order.
fn candidates<'a>(doc: &'a Resolution, names: &Names) -> Vec<Tlc<'a>> {
    let m = &doc.meta;
    let tlc = |element, id: &'static str, href: Cow<'a, str>, show: Cow<'a, str>| Tlc {
        element,
        id: Cow::Borrowed(id),
        href,
        show,
    };
    macro_rules! concept {
        ($id:literal, $show:expr) => {
            tlc(
                "TLCConcept",
                $id,
                Cow::Borrowed(concat!("/akn/ontology/concept/un/", $id)),
                $show,
            )
        };
    }
    let mut v = Vec::with_capacity(16);
    v.extend([
        tlc(
            "TLCOrganization",
            "un",
            "/akn/ontology/organization/un/un".into(),
            "United Nations".into(),
        ),
        tlc(
            "TLCOrganization",
            names.organ,
            format!("/akn/ontology/organization/un/{}", m.organ.actor()).into(),
            m.organ.name().into(),
        ),
        tlc(
            "TLCOrganization",
            "converter",
            "/akn/ontology/organization/unres".into(),
            "unres".into(),
        ),
        tlc(
            "TLCRole",
            "author",
            "/akn/ontology/role/un/author".into(),
            "Author".into(),
        ),
        tlc(
            "TLCRole",
            "editor",
            "/akn/ontology/role/un/editor".into(),
            "Editor".into(),
        ),
    ]);
    if let Some(meeting) = doc.closing.as_ref().and_then(|c| c.meeting.as_deref()) {
        let number = doc.closing.as_ref().and_then(|c| c.meeting_number);
        let kind = doc.closing.as_ref().and_then(|c| c.meeting_kind);
        v.push(tlc(
            "TLCEvent",
            meeting_id(kind),
            meeting_href(doc, meeting, kind, number).into(),
            meeting.into(),
        ));
    }
    let distribution = match &m.distribution {
        Some(d) => format!("Distr.: {d}").into(),
        None => "".into(),
    };
    v.extend([
        concept!("symbol", "Document symbol".into()),
        concept!("distribution", distribution),
        concept!("dateOfIssuance", "Date of issuance".into()),
        concept!("session", format!("{} session", m.organ.name()).into()),
        concept!("agendaItem", "Agenda item".into()),
        concept!("adoptionDate", "Adoption date".into()),
        concept!("meetingDate", "Meeting date".into()),
        concept!("resolutionTitle", "Resolution title".into()),
        concept!("decisionTitle", "Decision title".into()),
        concept!("draftResolutionTitle", "Draft resolution title".into()),
        concept!("draftDecisionTitle", "Draft decision title".into()),
        concept!("amendmentTitle", "Amendment title".into()),
        concept!("declarationTitle", "Declaration title".into()),
        concept!("preamble", "Preamble".into()),
        concept!("committee", "Main Committee".into()),
        concept!("submission", "Submission line".into()),
    ]);
    // The sponsors of a draft, each a Member State (or observer) in printed order.
    if let Some(d) = &m.draft {
        for (k, s) in d.sponsors.iter().enumerate() {
            v.push(Tlc {
                element: "TLCOrganization",
                id: Cow::Owned(sponsor_id(k)),
                href: format!("/akn/ontology/organization/un/{}", ascii_slug(s)).into(),
                show: Cow::Borrowed(s),
            });
        }
    }
    v
}

/// eId of the meeting's TLCEvent.
pub fn meeting_id(kind: Option<MeetingKind>) -> &'static str {
    match kind {
        Some(MeetingKind::Plenary) => "plenaryMeeting",
        Some(MeetingKind::Other) | None => "meeting",
    }
}

/// `/akn/ontology/event/un/un-ga-65-plenary-64`: organ, session and meeting number
/// where the document shows them, else a slug of the meeting line.
fn meeting_href(
    doc: &Resolution,
    meeting: &str,
    kind: Option<MeetingKind>,
    number: Option<u32>,
) -> String {
    let m = &doc.meta;
    let mut s = format!("/akn/ontology/event/un/{}", m.organ.actor());
    if let Some(session) = &m.session {
        s.push_str(&format!("-{}", session.number));
    }
    match number {
        Some(n) if kind == Some(MeetingKind::Plenary) => s.push_str(&format!("-plenary-{n}")),
        Some(n) => s.push_str(&format!("-meeting-{n}")),
        None => {
            s.push('-');
            s.push_str(&slug(meeting));
        }
    }
    s
}

/// `references`: the TLCs that `used` names, in a fixed order. A pointer with no
/// TLC is a bug of this writer, reported as an error rather than left dangling.
pub fn references(
    x: &mut Xml,
    doc: &Resolution,
    names: &Names,
    used: &BTreeSet<String>,
) -> Result<(), WriteError> {
    let all = candidates(doc, names);
    if let Some(missing) = used
        .iter()
        .find(|u| !all.iter().any(|t| t.id == u.as_str()))
    {
        return Err(WriteError::MissingReference(missing.clone()));
    }
    x.open("references", &[("source", "#converter")]);
    for t in all.iter().filter(|t| used.contains(t.id.as_ref())) {
        x.empty(
            t.element,
            &[("eId", &t.id), ("href", &t.href), ("showAs", &t.show)],
        );
    }
    x.close("references");
    Ok(())
}

/// Whether the document has anything for `proprietary` (and so needs the `akn4un` namespace).
pub fn has_proprietary(doc: &Resolution) -> bool {
    let m = &doc.meta;
    m.job_number.is_some() || m.ods_job.is_some() || m.barcode.is_some()
}

/// `proprietary`: the job number, ODS job code and barcode as printed.
pub fn proprietary(x: &mut Xml, doc: &Resolution) {
    if !has_proprietary(doc) {
        return;
    }
    let m = &doc.meta;
    x.open("proprietary", &[("source", "#converter")]);
    for (name, value) in [
        ("akn4un:jobNumber", &m.job_number),
        ("akn4un:odsJobCode", &m.ods_job),
        ("akn4un:barcode", &m.barcode),
    ] {
        if let Some(v) = value {
            x.leaf(name, &[], v);
        }
    }
    x.close("proprietary");
}

/// `statement/@name`.
pub fn statement_name(kind: DocKind) -> &'static str {
    match kind {
        DocKind::Resolution => "resolution",
        DocKind::Decision => "decision",
        DocKind::DraftResolution => "draftResolution",
        DocKind::DraftDecision => "draftDecision",
        DocKind::Amendment => "amendment",
        DocKind::Declaration => "declaration",
    }
}

/// The TLCConcept a `docTitle` refers to, by kind (`resolutionTitle`).
pub fn title_concept(kind: DocKind) -> &'static str {
    match kind {
        DocKind::Resolution => "resolutionTitle",
        DocKind::Decision => "decisionTitle",
        DocKind::DraftResolution => "draftResolutionTitle",
        DocKind::DraftDecision => "draftDecisionTitle",
        DocKind::Amendment => "amendmentTitle",
        DocKind::Declaration => "declarationTitle",
    }
}

/// The Work IRI's subtype: an adopted text is a deliberation, a draft or an amendment
/// is a proposal before the organ (docs/akn.md).
fn subtype(kind: DocKind) -> &'static str {
    if kind.is_draft() {
        "proposal"
    } else {
        "deliberation"
    }
}

/// eId of a sponsor's TLCOrganization: `sponsor_1`, in printed order.
pub fn sponsor_id(k: usize) -> String {
    format!("sponsor_{}", k + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateText, Meta};

    #[test]
    fn iris_follow_the_naming_convention() {
        let mut doc = Resolution {
            meta: Meta {
                number: Some("68/247 B".into()),
                adopted: Some(DateText {
                    date: Date::new(2014, 4, 2).unwrap(),
                    text: "2 April 2014".into(),
                }),
                language: "es".into(),
                ..Meta::default()
            },
            ..Resolution::default()
        };
        let n = Names::new(&doc, None);
        assert_eq!(
            n.work,
            "/akn/un/statement/deliberation/un-ga/2014-04-02/68-247_B"
        );
        assert_eq!(n.expression, format!("{}/spa@2014-04-02", n.work));
        assert_eq!(n.markup, Date::new(2014, 4, 2));
        doc.meta.adopted = None;
        doc.meta.number = None;
        doc.meta.title = Some("Universal Declaration of Human Rights".into());
        // The reader knows the work by its title (read::lex::work); the writer reads the fact.
        doc.meta.known_work = Some(crate::model::KnownWork {
            number: "217_A_III".into(),
            date: Date::new(1948, 12, 10).expect("date"),
        });
        let n = Names::new(&doc, Date::new(2020, 1, 1));
        assert_eq!(
            n.work,
            "/akn/un/statement/deliberation/un-ga/1948-12-10/217_A_III"
        );
        assert_eq!(n.markup, Date::new(2020, 1, 1));
        assert_eq!(n.work_date, Date::new(1948, 12, 10));
        // Every language of it: the same Work.
        doc.meta.title = Some("Déclaration universelle des droits de l'homme".into());
        doc.meta.language = "fr".into();
        let fr = Names::new(&doc, None);
        assert_eq!(fr.work, n.work);
        assert_eq!(fr.expression, format!("{}/fra@1948-12-10", n.work));
        // Another text without number, symbol or date: an ASCII slug of its title, the
        // "no date" value.
        doc.meta.title = Some("Décision sur l'Ordre du jour".into());
        doc.meta.known_work = None;
        let n = Names::new(&doc, None);
        assert_eq!(
            n.work,
            "/akn/un/statement/deliberation/un-ga/0001-01-01/decision-sur-l-ordre-du-jour"
        );
        assert_eq!(
            ascii_slug("Всеобщая декларация"),
            "vseobshchaya-deklaratsiya"
        );
        assert!(ascii_slug("世界人权宣言").starts_with("t-"));
        assert_eq!(ascii_slug("世界人权宣言").len(), 18);
    }
}

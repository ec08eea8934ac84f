//! The words of the Spanish texts.

use super::kinds::CouncilWords;
use super::kinds::DraftWords;
use super::kinds::Marked;
use super::kinds::PrintWords;
use crate::model::DocKind;
use crate::model::Organ;

/// Month names, in lowercase.
pub const MONTHS: &[(&str, u8)] = &[
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
];

/// The organs' names in the enacting formula, in lowercase with straight apostrophes,
/// and what marks the name as the formula.
pub const ORGAN_NAMES: &[(&str, Organ, Marked)] = &[
    ("la asamblea general", Organ::GeneralAssembly, Marked::Plain),
    (
        "el consejo de seguridad",
        Organ::SecurityCouncil,
        Marked::Plain,
    ),
    (
        "el consejo de derechos humanos",
        Organ::HumanRightsCouncil,
        Marked::Plain,
    ),
];

/// How an adoption line opens.
pub const ADOPTION_OPENING: &str = "Resolución aprobada por";

/// The organs as adoption lines name them.
pub const ADOPTING_ORGANS: &[(&str, Organ)] = &[
    (COUNCIL_NAME, Organ::SecurityCouncil),
    ("Consejo de Derechos Humanos", Organ::HumanRightsCouncil),
    (
        "Consejo Económico y Social",
        Organ::EconomicAndSocialCouncil,
    ),
];

/// The words after the ordinal of a plenary meeting line.
pub const PLENARY_MEETING: &str = "sesión plenaria";

/// The word after the ordinal of another meeting line.
pub const MEETING: &str = "sesión";

/// The word that makes a meeting plenary ("71ª sesión plenaria").
pub const PLENARY: &str = "plenaria";

/// Stems of the number words (ordinal and cardinal), by value.
pub const NUMBER_STEMS: &[(&str, u32)] = &[
    ("primer", 1),
    ("segund", 2),
    ("tercer", 3),
    ("cuart", 4),
    ("quint", 5),
    ("sext", 6),
    ("séptim", 7),
    ("octav", 8),
    ("noven", 9),
    ("décim", 10),
    ("undécim", 11),
    ("duodécim", 12),
    ("vigésim", 20),
    ("trigésim", 30),
    ("cuadragésim", 40),
    ("quincuagésim", 50),
    ("sexagésim", 60),
    ("septuagésim", 70),
    ("octogésim", 80),
    ("nonagésim", 90),
    ("centésim", 100),
];

/// Endings of the number words: ordinal, both genders.
pub const NUMBER_ENDINGS: &[&str] = &["o", "a"];

/// The agenda line: opening word (singular, plural), closing phrase, and the word
/// between two items.
pub const AGENDA_LINES: &[(&str, &str, &str, &str)] = &[("Tema", "Temas", " del programa", " y ")];

/// The words the PDF writer prints.
pub const PRINT: PrintWords = PrintWords {
    united_nations: "Naciones Unidas",
    distr: "Distr. general",
    distr_limited: "Distr. limitada",
    agenda_item: "Tema del programa",
    agenda_items: "Temas del programa",
    and: "y",
    adopted: "Resolución aprobada por la Asamblea General el",
    annex_outline: "Anexo",
    preamble_outline: "Preámbulo",
    operative_outline: "Parte dispositiva",
    letter: "S",
};

/// The organs' names as the PDF writer prints them.
pub const PRINTED_ORGANS: &[(Organ, &str)] = &[
    (Organ::GeneralAssembly, "Asamblea General"),
    (Organ::SecurityCouncil, COUNCIL_NAME),
];

/// The heading "Preamble" over a declaration's recitals, in lowercase.
pub const PREAMBLE_HEADING: &str = "preámbulo";

/// The word of an article heading ("Article 1"), in lowercase.
pub const ARTICLE: &str = "artículo";

/// The word for "first" in an article heading ("Article premier").
pub const FIRST: &[&str] = &["primero", "1.º", "1º"];

/// The label of an annex ("Annex I"), as printed.
pub const ANNEX: &[&str] = &["Anexo"];

/// The word that opens a declaration's recitals ("Whereas"), in lowercase.
pub const WHEREAS: &str = "considerando";

/// The word "and" that may end the item before the last of a list, with its space.
pub const FINAL_AND: &str = " y";

/// The verbs that continue a declaration's formula ("Proclaims this …"), in lowercase.
pub const PROCLAIMS: &[&str] = &["proclama"];

/// The word a Main Committee's name ends with in an origin line ("Third Committee").
pub const COMMITTEE: &str = " Comisión";

/// Words that open preambular paragraphs, as printed.
pub const OPENERS: &[&str] = &[
    "Convencida",
    "Preocupada",
    "Profundamente",
    "Guiada",
    "Decidida",
    "Alarmada",
];

/// The endings of a gerund ("Recordando", "Teniendo"), which opens a recital.
pub const GERUND_ENDINGS: &[&str] = &["ando", "iendo"];

/// The words of the session line ("Sexagésimo quinto período de sesiones"), with
/// their space.
pub const SESSION: &str = " período de sesiones";

/// Short words that stand alone: a justification gap beside them splits no word.
pub const FUNCTION_WORDS: &[&str] = &["el", "y", "o", "en"];

/// Words common in Spanish texts and rare in the others: they tell the language when no
/// masthead names it.
pub const COMMON_WORDS: &[&str] = &["los", "las", "del", "una", "para", "Considerando"];

/// Ordinal suffixes after digits ("71ª", "1.º").
pub const ORDINAL_SUFFIXES: &[&str] = &["ª", ".ª", "º"];

/// Words after a suspended hyphen.
pub const SUSPENDING_WORDS: &[&str] = &["y", "o"];

/// The word before a date that follows an adoption line on the next line, with its space.
pub const DATE_INTRODUCER: &str = "el ";

/// The prefix of the ordinals 11–19, written as one word ("decimoséptimo").
pub const TEEN_PREFIX: &str = "decimo";

/// The title of the Universal Declaration of Human Rights, which prints no symbol,
/// number or date of its own.
pub const UDHR_TITLE: &str = "Declaración Universal de Derechos Humanos";

/// A draft's submission line and a decision's adoption line.
pub const DRAFT: DraftWords = DraftWords {
    kinds: &[
        ("proyecto de resolución", DocKind::DraftResolution),
        ("proyecto de decisión", DocKind::DraftDecision),
        ("enmiendas al", DocKind::Amendment),
        ("enmienda al", DocKind::Amendment),
    ],
    openings: &[
        ("Proyecto de resolución", DocKind::DraftResolution),
        ("Proyecto de decisión", DocKind::DraftDecision),
    ],
    and: " y ",
    comma: ", ",
    names_with_and: &[
        "Antigua y Barbuda",
        "Bosnia y Herzegovina",
        "Saint Kitts y Nevis",
        "San Vicente y las Granadinas",
        "Santo Tomé y Príncipe",
        "Trinidad y Tabago",
        "Reino Unido de Gran Bretaña e Irlanda del Norte",
    ],
    particles: &["de", "del", "la", "las", "los", "el", "y", "e"],
    decision_adopted: "Decisión adoptada por",
    run_on: &[
        "de", "del", "la", "el", "los", "las", "por", "y", "a", "sobre",
    ],
    instructions: &[
        "Suprímase",
        "Sustitúyase",
        "Insértese",
        "Añádase",
        "Después",
        "Antes",
        "En",
    ],
    paragraph: "párrafo",
    committee_end: " Comisión",
    committee_start: "",
};

/// The Security Council's heading and adoption line ("Resolución 1454 (2002)", "Aprobada
/// por el Consejo de Seguridad en su 4689ª sesión, celebrada el 30 de diciembre de 2002").
pub const COUNCIL: CouncilWords = CouncilWords {
    resolution: "resolución",
    resolution_end: "",
    printed: "Resolución",
    adopted: "Aprobada por el Consejo de Seguridad en su ",
    bare_number: false,
    meeting: MEETING,
    date_introducer: "celebrada el ",
    date_first: false,
    united_nations: PRINT.united_nations,
    organ: COUNCIL_NAME,
    heading_of: "de ",
    // "Aprobada por unanimidad en la 1382ª sesión.", "Aprobada en la 2330ª sesión por 13
    // votos contra ninguno y 2 abstenciones (…)".
    vote: "Aprobada ",
    vote_meeting: MEETING,
};

/// The Council's name as its masthead prints it.
pub const COUNCIL_NAME: &str = "Consejo de Seguridad";

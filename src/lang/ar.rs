//! The words of the Arabic texts.

use super::kinds::CouncilWords;
use super::kinds::DraftWords;
use super::kinds::Marked;
use crate::model::DocKind;
use crate::model::Organ;

/// Month names (the Egyptian names: the UN prints the Levantine and the Egyptian
/// name, "كانون الأول/ديسمبر", and the second is read).
pub const MONTHS: &[(&str, u8)] = &[
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("ابريل", 4),
    ("مايو", 5),
    ("يونيه", 6),
    ("يونيو", 6),
    ("يوليه", 7),
    ("يوليو", 7),
    ("أغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
];

/// The Levantine month names printed before the Egyptian ones ("كانون الأول/ديسمبر").
pub const LEVANTINE_MONTHS: &[&str] = &[
    "كانون",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين",
];

/// The organs' names in the enacting formula, in lowercase with straight apostrophes,
/// and what marks the name as the formula.
pub const ORGAN_NAMES: &[(&str, Organ, Marked)] = &[
    ("الجمعية العامة", Organ::GeneralAssembly, Marked::Particle),
    ("مجلس الأمن", Organ::SecurityCouncil, Marked::Particle),
    (
        "مجلس حقوق الإنسان",
        Organ::HumanRightsCouncil,
        Marked::Particle,
    ),
    (
        "المجلس الاقتصادي والاجتماعي",
        Organ::EconomicAndSocialCouncil,
        Marked::Particle,
    ),
];

/// How an adoption line opens.
pub const ADOPTION_OPENING: &str = "قرار اتخذته";

/// The organs as adoption lines name them.
pub const ADOPTING_ORGANS: &[(&str, Organ)] = &[
    (COUNCIL_NAME, Organ::SecurityCouncil),
    ("مجلس حقوق الإنسان", Organ::HumanRightsCouncil),
    ("المجلس الاقتصادي والاجتماعي", Organ::EconomicAndSocialCouncil),
];

/// The agenda line: opening word (singular, plural), closing phrase, and the word
/// between two items.
pub const AGENDA_LINES: &[(&str, &str, &str, &str)] =
    &[("البند", "البنود", " من جدول الأعمال", " و")];

/// The heading "Preamble" over a declaration's recitals, in lowercase.
pub const PREAMBLE_HEADING: &str = "الديباجة";

/// The word of an article heading ("Article 1"), in lowercase.
pub const ARTICLE: &str = "المادة";

/// The word that opens a declaration's recitals ("Whereas"), in lowercase.
pub const WHEREAS: &[&str] = &["لما", "لمّا", "ولما", "ولمّا"];

/// The verbs that continue a declaration's formula ("Proclaims this …"), in lowercase.
pub const PROCLAIMS: &[&str] = &["تنادي"];

/// The noun of a Main Committee's name in an origin line ("اللجنة الثالثة").
pub const COMMITTEE: &str = "اللجنة ";

/// Words that open preambular paragraphs ("وإذ").
pub const OPENERS: &[&str] = &["إذ", "وإذ", "لما", "ولما"];

/// The word of a meeting line, before its number ("الجلسة 71").
pub const MEETING: &str = "الجلسة";

/// The word that makes it a plenary meeting ("الجلسة العامة 71").
pub const PLENARY: &str = "العامة";

/// The word before a date that follows an adoption line on the next line, with its space.
pub const DATE_INTRODUCER: &str = "في ";

/// The definite article, which an ordinal after "اللجنة" carries ("الثالثة").
pub const DEFINITE_ARTICLE: &str = "ال";

/// The title of the Universal Declaration of Human Rights, which prints no symbol,
/// number or date of its own.
pub const UDHR_TITLE: &str = "الإعلان العالمي لحقوق الإنسان";

/// A draft's submission line and a decision's adoption line.
pub const DRAFT: DraftWords = DraftWords {
    kinds: &[
        ("مشروع قرار", DocKind::DraftResolution),
        ("مشروع مقرر", DocKind::DraftDecision),
        ("تعديلات على", DocKind::Amendment),
        ("تعديل على", DocKind::Amendment),
    ],
    openings: &[
        ("مشروع قرار", DocKind::DraftResolution),
        ("مشروع مقرر", DocKind::DraftDecision),
    ],
    and: " و",
    comma: "، ",
    names_with_and: &["أنتيغوا وبربودا", "البوسنة والهرسك", "ترينيداد وتوباغو"],
    particles: &[],
    decision_adopted: "مقرر اتخذته",
    run_on: &[],
    instructions: &[],
    paragraph: "الفقرة",
    committee_end: "",
    committee_start: "اللجنة ",
};

/// The Security Council's heading and adoption line ("القرار 1454 (2002)", "الذي اتخذه
/// مجلس الأمن في جلسته 4689 المعقودة في 30 كانون الأول/ديسمبر 2002").
pub const COUNCIL: CouncilWords = CouncilWords {
    resolution: "القرار",
    resolution_end: "",
    printed: "القرار",
    adopted: "الذي اتخذه مجلس الأمن في جلسته ",
    bare_number: true,
    meeting: "",
    date_introducer: "المعقودة في ",
    date_first: false,
    united_nations: "الأمم المتحدة",
    organ: COUNCIL_NAME,
    heading_of: "المؤرخ ",
    // "اتخذ بالإجماع في الجلسة 1382.", "اتخذ في الجلسة 2330 بأغلبية 13 صوتا مقابل لا شيء
    // وامتناع عضوين عن التصويت (…)".
    vote: "اتخذ ",
    vote_meeting: MEETING,
};

/// The Council's name as its masthead prints it.
pub const COUNCIL_NAME: &str = "مجلس الأمن";

/// The organs' names as the masthead prints them.
pub const PRINTED_ORGANS: &[(Organ, &str)] = &[
    (Organ::GeneralAssembly, "الجمعية العامة"),
    (Organ::SecurityCouncil, COUNCIL_NAME),
];

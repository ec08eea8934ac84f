//! The words of the Russian texts.

use super::kinds::CouncilWords;
use super::kinds::DraftWords;
use super::kinds::Marked;
use super::kinds::PrintWords;
use crate::model::DocKind;
use crate::model::Organ;

/// Month names in the genitive, as dates are printed, in lowercase.
pub const MONTHS: &[(&str, u8)] = &[
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
];

/// The organs' names in the enacting formula, in lowercase with straight apostrophes,
/// and what marks the name as the formula.
pub const ORGAN_NAMES: &[(&str, Organ, Marked)] = &[
    (
        "генеральная ассамблея",
        Organ::GeneralAssembly,
        Marked::Plain,
    ),
    ("совет безопасности", Organ::SecurityCouncil, Marked::Plain),
];

/// How an adoption line opens.
pub const ADOPTION_OPENING: &str = "Резолюция, принятая";

/// The organs as adoption lines name them.
pub const ADOPTING_ORGANS: &[(&str, Organ)] = &[
    ("Советом Безопасности", Organ::SecurityCouncil),
    ("Советом по правам человека", Organ::HumanRightsCouncil),
    (
        "Экономическим и Социальным Советом",
        Organ::EconomicAndSocialCouncil,
    ),
];

/// The words after the ordinal of a plenary meeting line.
pub const PLENARY_MEETING: &str = "пленарное заседание";

/// The word after the ordinal of another meeting line.
pub const MEETING: &str = "заседание";

/// The word that makes a meeting plenary ("71-е пленарное заседание").
pub const PLENARY: &str = "пленарн";

/// Stems of the number words (ordinal and cardinal), by value.
pub const NUMBER_STEMS: &[(&str, u32)] = &[
    ("перв", 1),
    ("втор", 2),
    ("трет", 3),
    ("четвёрт", 4),
    ("четверт", 4),
    ("пят", 5),
    ("шест", 6),
    ("седьм", 7),
    ("восьм", 8),
    ("девят", 9),
    ("десят", 10),
    ("одиннадцат", 11),
    ("двенадцат", 12),
    ("тринадцат", 13),
    ("четырнадцат", 14),
    ("пятнадцат", 15),
    ("шестнадцат", 16),
    ("семнадцат", 17),
    ("восемнадцат", 18),
    ("девятнадцат", 19),
    ("двадцат", 20),
    ("двадцать", 20),
    ("тридцат", 30),
    ("тридцать", 30),
    ("сорок", 40),
    ("пятьдесят", 50),
    ("шестьдесят", 60),
    ("семьдесят", 70),
    ("восемьдесят", 80),
    ("девяност", 90),
    ("девяносто", 90),
    ("сороков", 40),
    ("пятидесят", 50),
    ("шестидесят", 60),
    ("семидесят", 70),
    ("восьмидесят", 80),
    ("сот", 100),
    ("сто", 100),
];

/// Endings of the number words: ordinal, in the cases a session line uses.
pub const NUMBER_ENDINGS: &[&str] = &["ая", "ой", "ий", "ый", "ого"];

/// The agenda line: opening word (singular, plural), closing phrase, and the word
/// between two items.
pub const AGENDA_LINES: &[(&str, &str, &str, &str)] =
    &[("Пункт", "Пункты", " повестки дня", " и ")];

/// The words the PDF writer prints.
pub const PRINT: PrintWords = PrintWords {
    united_nations: "Организация Объединенных Наций",
    distr: "Distr.: General",
    distr_limited: "Distr.: Limited",
    agenda_item: "Пункт повестки дня",
    agenda_items: "Пункты повестки дня",
    and: "и",
    adopted: "Резолюция, принятая Генеральной Ассамблеей",
    annex_outline: "Приложение",
    preamble_outline: "Преамбула",
    operative_outline: "Постановляющая часть",
    letter: "R",
};

/// The organs' names as the PDF writer prints them.
pub const PRINTED_ORGANS: &[(Organ, &str)] = &[
    (Organ::GeneralAssembly, "Генеральная Ассамблея"),
    (Organ::SecurityCouncil, COUNCIL_NAME),
];

/// The heading "Preamble" over a declaration's recitals, in lowercase.
pub const PREAMBLE_HEADING: &str = "преамбула";

/// The word of an article heading ("Article 1"), in lowercase.
pub const ARTICLE: &str = "статья";

/// The label of an annex ("Annex I"), as printed.
pub const ANNEX: &[&str] = &["Приложение"];

/// The word that opens a declaration's recitals ("Whereas"), in lowercase.
pub const WHEREAS: &str = "принимая";

/// The word "and" that may end the item before the last of a list, with its space.
pub const FINAL_AND: &str = " и";

/// The verbs that continue a declaration's formula ("Proclaims this …"), in lowercase.
pub const PROCLAIMS: &[&str] = &["провозглашает"];

/// The word a Main Committee's name ends with in an origin line ("Third Committee").
pub const COMMITTEE: &str = " комитета";

/// Words that open preambular paragraphs, in lowercase.
pub const OPENERS: &[&str] = &[
    "принимая",
    "ссылаясь",
    "подтверждая",
    "отмечая",
    "признавая",
    "учитывая",
    "напоминая",
    "сознавая",
    "памятуя",
    "будучи",
    "выражая",
    "приветствуя",
    "подчеркивая",
    "считая",
    "рассмотрев",
    "констатируя",
    "желая",
    "руководствуясь",
    "вновь",
    "глубоко",
    "серьезно",
    "поощряя",
    "осуждая",
    "исходя",
];

/// The word of the session line ("Шестьдесят пятая сессия"), with its space.
pub const SESSION: &str = " сессия";

/// Short words that stand alone: a justification gap beside them splits no word.
pub const FUNCTION_WORDS: &[&str] = &["и", "в", "на", "с"];

/// Ordinal suffixes after digits ("71-е", "71-й").
pub const ORDINAL_SUFFIXES: &[&str] = &["-е", "-й", "-м"];

/// Words after a suspended hyphen.
pub const SUSPENDING_WORDS: &[&str] = &["и", "или"];

/// The title of the Universal Declaration of Human Rights, which prints no symbol,
/// number or date of its own.
pub const UDHR_TITLE: &str = "Всеобщая декларация прав человека";

/// A draft's submission line and a decision's adoption line.
pub const DRAFT: DraftWords = DraftWords {
    kinds: &[
        ("проект резолюции", DocKind::DraftResolution),
        ("проект решения", DocKind::DraftDecision),
        ("поправки к", DocKind::Amendment),
        ("поправка к", DocKind::Amendment),
    ],
    openings: &[
        ("Проект резолюции", DocKind::DraftResolution),
        ("Проект решения", DocKind::DraftDecision),
    ],
    and: " и ",
    comma: ", ",
    names_with_and: &[
        "Антигуа и Барбуда",
        "Босния и Герцеговина",
        "Сент-Китс и Невис",
        "Сент-Винсент и Гренадины",
        "Сан-Томе и Принсипи",
        "Тринидад и Тобаго",
        "Соединенное Королевство Великобритании и Северной Ирландии",
    ],
    particles: &["и"],
    decision_adopted: "Решение, принятое",
    run_on: &["и", "по", "на", "в", "с"],
    instructions: &[
        "Исключить",
        "Заменить",
        "Вставить",
        "Добавить",
        "После",
        "В",
    ],
    paragraph: "пункт",
    committee_end: " комитет",
    committee_start: "",
};

/// The Security Council's heading and adoption line ("Резолюция 1454 (2002)", "принятая
/// Советом Безопасности на его 4689-м заседании 30 декабря 2002 года").
pub const COUNCIL: CouncilWords = CouncilWords {
    resolution: "резолюция",
    resolution_end: "",
    printed: "Резолюция",
    adopted: "принятая Советом Безопасности на его ",
    bare_number: false,
    meeting: "заседании",
    date_introducer: "",
    date_first: false,
    united_nations: PRINT.united_nations,
    organ: COUNCIL_NAME,
    heading_of: "от ",
    // "Принята единогласно на 1382-м заседании.", "Принята на 2330-м заседании 13
    // голосами против 0 при 2 воздержавшихся (…)".
    vote: "Принята ",
    vote_meeting: "заседании",
};

/// The Council's name as its masthead prints it.
pub const COUNCIL_NAME: &str = "Совет Безопасности";

//! The words of the French texts.

use super::kinds::CouncilWords;
use super::kinds::DraftWords;
use super::kinds::Marked;
use super::kinds::PrintWords;
use crate::model::DocKind;
use crate::model::Organ;

/// Month names, in lowercase.
pub const MONTHS: &[(&str, u8)] = &[
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
];

/// The organs' names in the enacting formula, in lowercase with straight apostrophes,
/// and what marks the name as the formula.
pub const ORGAN_NAMES: &[(&str, Organ, Marked)] = &[
    (
        "le conseil des droits de l'homme",
        Organ::HumanRightsCouncil,
        Marked::Plain,
    ),
    (
        "l'assemblée générale",
        Organ::GeneralAssembly,
        Marked::Plain,
    ),
    (
        "le conseil de sécurité",
        Organ::SecurityCouncil,
        Marked::Plain,
    ),
    (
        "le conseil économique et social",
        Organ::EconomicAndSocialCouncil,
        Marked::Plain,
    ),
];

/// How an adoption line opens.
pub const ADOPTION_OPENING: &str = "Résolution adoptée par";

/// The organs as adoption lines name them.
pub const ADOPTING_ORGANS: &[(&str, Organ)] = &[
    (COUNCIL_NAME, Organ::SecurityCouncil),
    ("Conseil des droits de l", Organ::HumanRightsCouncil),
    (
        "Conseil économique et social",
        Organ::EconomicAndSocialCouncil,
    ),
];

/// The words after the ordinal of a plenary meeting line.
pub const PLENARY_MEETING: &str = "séance plénière";

/// The word after the ordinal of another meeting line.
pub const MEETING: &str = "séance";

/// The word that makes a meeting plenary ("71e séance plénière").
pub const PLENARY: &str = "plénière";

/// Stems of the number words (ordinal and cardinal), by value.
pub const NUMBER_STEMS: &[(&str, u32)] = &[
    ("premi", 1),
    ("un", 1),
    ("deux", 2),
    ("second", 2),
    ("trois", 3),
    ("quatr", 4),
    ("cinqu", 5),
    ("six", 6),
    ("sept", 7),
    ("huit", 8),
    ("neuv", 9),
    ("dix", 10),
    ("onz", 11),
    ("douz", 12),
    ("treiz", 13),
    ("quatorz", 14),
    ("quinz", 15),
    ("seiz", 16),
    ("vingt", 20),
    ("trent", 30),
    ("quarant", 40),
    ("cinquant", 50),
    ("soixant", 60),
    ("cent", 100),
];

/// Endings of the number words: ordinal and cardinal.
pub const NUMBER_ENDINGS: &[&str] = &["ième", "ier", "ière", "e", "s"];

/// The agenda line: opening word (singular, plural), closing phrase (with either
/// apostrophe), and the word between two items.
pub const AGENDA_LINES: &[(&str, &str, &str, &str)] = &[
    ("Point", "Points", " de l’ordre du jour", " et "),
    ("Point", "Points", " de l'ordre du jour", " et "),
];

/// The words the PDF writer prints.
pub const PRINT: PrintWords = PrintWords {
    united_nations: "Nations Unies",
    distr: "Distr. générale",
    distr_limited: "Distr. limitée",
    agenda_item: "Point de l’ordre du jour",
    agenda_items: "Points de l’ordre du jour",
    and: "et",
    adopted: "Résolution adoptée par l’Assemblée générale le",
    annex_outline: "Annexe",
    preamble_outline: "Préambule",
    operative_outline: "Dispositif",
    letter: "F",
};

/// The organs' names as the PDF writer prints them.
pub const PRINTED_ORGANS: &[(Organ, &str)] = &[
    (Organ::GeneralAssembly, "Assemblée générale"),
    (Organ::SecurityCouncil, COUNCIL_NAME),
];

/// The heading "Preamble" over a declaration's recitals, in lowercase.
pub const PREAMBLE_HEADING: &str = "préambule";

// The word of an article heading is "article", as in English (en::ARTICLE).

/// The word for "first" in an article heading ("Article premier").
pub const FIRST: &str = "premier";

/// The label of an annex ("Annex I"), as printed.
pub const ANNEX: &[&str] = &["Annexe"];

/// The word that opens a declaration's recitals ("Whereas"), in lowercase.
pub const WHEREAS: &str = "considérant";

/// The word "and" that may end the item before the last of a list, with its space.
pub const FINAL_AND: &str = " et";

/// The verbs that continue a declaration's formula ("Proclaims this …"), in lowercase.
pub const PROCLAIMS: &[&str] = &["proclame"];

/// The word a Main Committee's name ends with in an origin line ("Third Committee").
pub const COMMITTEE: &str = " Commission";

/// Words that open preambular paragraphs, as printed.
pub const OPENERS: &[&str] = &[
    "Consciente",
    "Convaincue",
    "Profondément",
    "Gravement",
    "Préoccupée",
    "Résolue",
    "Soucieuse",
    "Déterminée",
    "Guidée",
    "Considérant",
];

/// The ending of a present participle ("Rappelant"): an opener when a French word follows.
pub const PARTICIPLE_ENDING: &str = "ant";

/// French words that follow a participle opening a recital ("Rappelant que", "Notant avec").
pub const AFTER_PARTICIPLE: &[&str] = &[
    "que",
    "la",
    "le",
    "les",
    "sa",
    "son",
    "ses",
    "avec",
    "également",
    "aussi",
    "en",
    "de",
    "des",
    "du",
    "à",
    "au",
    "aux",
    "par",
    "notamment",
    "une",
    "un",
    "tous",
    "toutes",
    "leur",
    "leurs",
    "note",
    "acte",
    "compte",
];

/// The word of the session line ("Soixante-cinquième session"), with its space.
pub const SESSION: &str = " session";

/// Short words that stand alone: a justification gap beside them splits no word.
pub const FUNCTION_WORDS: &[&str] = &["de", "la", "le", "les", "et", "ou"];

/// Words common in French texts and rare in the others: they tell the language when no
/// masthead names it.
pub const COMMON_WORDS: &[&str] = &["les", "des", "dans", "est", "une", "pour", "Considérant"];

/// Ordinal suffixes after digits ("71e", "1re", "1er").
pub const ORDINAL_SUFFIXES: &[&str] = &["e", "re", "er", "ème"];

/// Words after a suspended hyphen.
pub const SUSPENDING_WORDS: &[&str] = &["et", "ou"];

/// The word before a date that follows an adoption line on the next line, with its space.
pub const DATE_INTRODUCER: &str = "le ";

/// "and" between the words of a number ("soixante et onzième").
pub const AND: &str = "et";

/// The title of the Universal Declaration of Human Rights, which prints no symbol,
/// number or date of its own.
pub const UDHR_TITLE: &str = "Déclaration universelle des droits de l’homme";

/// A draft's submission line and a decision's adoption line.
pub const DRAFT: DraftWords = DraftWords {
    kinds: &[
        ("projet de résolution", DocKind::DraftResolution),
        ("projet de décision", DocKind::DraftDecision),
        ("amendements au", DocKind::Amendment),
        ("amendement au", DocKind::Amendment),
    ],
    openings: &[
        ("Projet de résolution", DocKind::DraftResolution),
        ("Projet de décision", DocKind::DraftDecision),
    ],
    and: " et ",
    comma: ", ",
    names_with_and: &[
        "Antigua-et-Barbuda",
        "Bosnie-Herzégovine",
        "Saint-Kitts-et-Nevis",
        "Saint-Vincent-et-les Grenadines",
        "Sao Tomé-et-Principe",
        "Trinité-et-Tobago",
        "Royaume-Uni de Grande-Bretagne et d’Irlande du Nord",
    ],
    particles: &["de", "du", "des", "la", "le", "les", "et", "d’", "l’"],
    decision_adopted: "Décision adoptée par",
    run_on: &[
        "de", "du", "des", "la", "le", "les", "par", "et", "à", "sur",
    ],
    instructions: &[
        "Supprimer",
        "Remplacer",
        "Insérer",
        "Ajouter",
        "Après",
        "Avant",
        "Au",
        "Dans",
    ],
    paragraph: "paragraphe",
    committee_end: " Commission",
    committee_start: "",
};

/// The Security Council's heading and adoption line ("Résolution 1454 (2002)", "Adoptée
/// par le Conseil de sécurité à sa 4689e séance, le 30 décembre 2002").
pub const COUNCIL: CouncilWords = CouncilWords {
    resolution: "résolution",
    resolution_end: "",
    printed: "Résolution",
    adopted: "Adoptée par le Conseil de sécurité à sa ",
    bare_number: false,
    meeting: MEETING,
    date_introducer: DATE_INTRODUCER,
    date_first: false,
    united_nations: PRINT.united_nations,
    organ: COUNCIL_NAME,
    heading_of: "du ",
    // "Adoptée à l'unanimité à la 1382e séance.", "Adoptée à la 2330e séance par 13 voix
    // contre zéro, avec 2 abstentions (…)".
    vote: "Adoptée ",
    vote_meeting: MEETING,
};

/// The Council's name as its masthead prints it.
pub const COUNCIL_NAME: &str = "Conseil de sécurité";

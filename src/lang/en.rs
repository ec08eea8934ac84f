//! The words of the English texts.

use super::kinds::CouncilWords;
use super::kinds::DraftWords;
use super::kinds::Marked;
use super::kinds::PrintWords;
use crate::model::DocKind;
use crate::model::Organ;

/// Month names, in lowercase.
pub const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
];

/// The organs' names in the enacting formula, in lowercase with straight apostrophes,
/// and what marks the name as the formula.
pub const ORGAN_NAMES: &[(&str, Organ, Marked)] = &[
    ("general assembly", Organ::GeneralAssembly, Marked::The),
    ("security council", Organ::SecurityCouncil, Marked::The),
    (
        "human rights council",
        Organ::HumanRightsCouncil,
        Marked::The,
    ),
    (
        "economic and social council",
        Organ::EconomicAndSocialCouncil,
        Marked::The,
    ),
];

/// How an adoption line opens.
pub const ADOPTION_OPENING: &str = "Resolution adopted by";

/// Common openers of preambular paragraphs.
/// Endings of the participles that open preambular paragraphs beyond the list below
/// ("Inviting the …", "Alarmed by …"), told by grammar: a capitalised participle followed
/// by a word in lower case.
pub const PARTICIPLE_ENDINGS: &[&str] = &["ing", "ed"];

/// The ending of an adverb that takes the participle after it ("Deeply concerned").
pub const ADVERB_ENDING: &str = "ly";

/// Words in lower case inside a capitalised title ("Stockpiling and Use of …"): after a
/// capitalised word they show a name, not a participle opening a paragraph.
pub const TITLE_JOINERS: &[&str] = &["and", "or", "of"];

pub const PREAMBULAR_OPENERS: &[&str] = &[
    "Recalling",
    "Reaffirming",
    "Desirous",
    "Anxious",
    "Confident",
    "Resolved",
    "Appreciative",
    "Satisfied",
    "Disturbed",
    "Shocked",
    "Ever",
    "Encouraged",
    "Acting",
    "Noting",
    "Welcoming",
    "Recognizing",
    "Emphasizing",
    "Stressing",
    "Convinced",
    "Concerned",
    "Expressing",
    "Acknowledging",
    "Bearing",
    "Taking",
    "Mindful",
    "Aware",
    "Conscious",
    "Determined",
    "Underlining",
    "Reiterating",
    "Deeply",
    "Gravely",
    "Alarmed",
    "Affirming",
    "Considering",
    "Guided",
    "Having",
    "Desiring",
    "Believing",
    "Encouraged",
    "Commending",
    "Appreciating",
    "Highlighting",
    "Underscoring",
    "Regretting",
    "Referring",
    "Calling",
    "Observing",
    "Acknowledging",
    "Cognizant",
    "Realizing",
    "Seriously",
    "Strongly",
    "Reiterating",
    "Wishing",
    "Looking",
    "Viewing",
    "Whereas",
    "Pointing",
    "Deploring",
    "Condemning",
    "Expressing",
    "Further",
    "Also",
    "Keeping",
    "Seeking",
    "Fully",
    "Re-emphasizing",
    "Bearing",
    "Declaring",
    "Affirming",
    "Honouring",
    "Sharing",
    "Encouraging",
    "Urging",
    "Approving",
    "Endorsing",
    "Expecting",
    "Fulfilling",
    "Reminding",
    "Paying",
    "Profoundly",
    "Reassured",
    "Saluting",
    "Commemorating",
    "Celebrating",
    "Applauding",
    "Accepting",
    "Committed",
    "Resolving",
    "Responding",
    "Supporting",
    "Troubled",
    "Thanking",
    "Renewing",
    "Reviewing",
    "Inspired",
    "Heartened",
    "Gratified",
    "Dismayed",
    "Distressed",
    "Contemplating",
    "Guided",
    "Cognisant",
    "Recognising",
    "Emphasising",
    "Realising",
];

/// The words after the ordinal of a plenary meeting line.
pub const PLENARY_MEETING: &str = "plenary meeting";

/// The word after the ordinal of another meeting line.
pub const MEETING: &str = "meeting";

/// Ordinal and cardinal words of the units.
pub const UNITS: &[(&str, &str, u32)] = &[
    ("first", "one", 1),
    ("second", "two", 2),
    ("third", "three", 3),
    ("fourth", "four", 4),
    ("fifth", "five", 5),
    ("sixth", "six", 6),
    ("seventh", "seven", 7),
    ("eighth", "eight", 8),
    ("ninth", "nine", 9),
];

/// Ordinal words from ten to nineteen.
pub const TEENS: &[(&str, u32)] = &[
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
];

/// Ordinal and cardinal words of the tens.
pub const TENS: &[(&str, &str, u32)] = &[
    ("twentieth", "twenty", 20),
    ("thirtieth", "thirty", 30),
    ("fortieth", "forty", 40),
    ("fiftieth", "fifty", 50),
    ("sixtieth", "sixty", 60),
    ("seventieth", "seventy", 70),
    ("eightieth", "eighty", 80),
    ("ninetieth", "ninety", 90),
];

/// Words a printed title cannot end with: the line was cut.
pub const CUT_ENDINGS: &[&str] = &[
    "the", "of", "in", "into", "on", "and", "to", "for", "a", "an", "at", "by", "with", "from",
    "or", "its", "their",
];

/// The words the PDF writer prints.
pub const PRINT: PrintWords = PrintWords {
    united_nations: "United Nations",
    distr: "Distr.: General",
    distr_limited: "Distr.: Limited",
    agenda_item: "Agenda item",
    agenda_items: "Agenda items",
    and: "and",
    adopted: "Resolution adopted by the General Assembly on",
    annex_outline: "Annex",
    preamble_outline: "Preamble",
    operative_outline: "Operative part",
    letter: "E",
};

/// The document type that opens an adoption line ("Resolution adopted by …").
pub const DOC_TYPE: &str = "Resolution";

/// The heading "Preamble" over a declaration's recitals, in lowercase.
pub const PREAMBLE_HEADING: &str = "preamble";

/// The word of an article heading ("Article 1"), in lowercase.
pub const ARTICLE: &str = "article";

/// The word for "first" in an article heading ("Article premier").
pub const FIRST: &str = "first";

/// The label of an annex ("Annex I"), as printed.
pub const ANNEX: &[&str] = &["Annex", "ANNEX"];

/// The word that opens a declaration's recitals ("Whereas"), in lowercase.
pub const WHEREAS: &str = "whereas";

/// The word "and" that may end the item before the last of a list, with its space.
pub const FINAL_AND: &str = " and";

/// The verbs that continue a declaration's formula ("Proclaims this …"), in lowercase.
pub const PROCLAIMS: &[&str] = &["proclaims", "adopts", "declares"];

/// The word a Main Committee's name ends with in an origin line ("Third Committee").
pub const COMMITTEE: &str = " Committee";

/// Words after which a spaced number is a reference, not a footnote mark
/// ("paragraph 2", "on 5").
pub const NOT_BEFORE_MARK: &[&str] = &[
    "paragraph",
    "paragraphs",
    "para",
    "para.",
    "paras.",
    "article",
    "articles",
    "resolution",
    "resolutions",
    "chapter",
    "annex",
    "item",
    "items",
    "rule",
    "rules",
    "no.",
    "vol.",
    "page",
    "pages",
    "section",
    "sections",
    "principle",
    "principles",
    "goal",
    "target",
    "targets",
    "phase",
    "part",
    "decision",
    "decisions",
    "and",
    "or",
    "to",
    "on",
    "of",
    "from",
    "the",
    "in",
    "at",
    "by",
    "some",
    "about",
    "than",
    "over",
    "under",
    "with",
    "for",
    "nearly",
    "almost",
    "least",
    "until",
    "since",
    "between",
    "protocol",
    "level",
    "category",
    "group",
    "table",
    "figure",
    "volume",
    "step",
    "tier",
    "stage",
    "number",
    "recommendation",
    "recommendations",
    "option",
    "module",
    "session",
    "meeting",
    "every",
    "first",
    "last",
    "per",
    "approximately",
    "only",
    "all",
    "within",
];

/// What an origin line says before "Main Committee" when it names none ("without
/// reference to a Main Committee").
pub const A_MAIN: &str = " a Main";

/// The word of the session line ("Sixty-fifth session"), with its space.
pub const SESSION: &str = " session";

/// How the agenda line opens ("Agenda item 122 (f)", "Agenda items 12 and 115").
pub const AGENDA_ITEM: &str = "Agenda item";

/// The agenda line of a plenary draft before the agenda is adopted ("Item 35 of the
/// provisional agenda"): opening word (singular, plural), closing phrase, the word
/// between two items.
pub const AGENDA_LINES: &[(&str, &str, &str, &str)] =
    &[("Item", "Items", " of the provisional agenda", " and ")];

/// Masthead lines that name the Organization and the organ, never an agenda title.
pub const MASTHEAD_NAMES: &[&str] = &["United Nations", "General Assembly"];

/// "and", as a word.
pub const AND: &str = "and";

/// The word that makes a meeting line a plenary meeting, in lowercase.
pub const PLENARY: &str = "plenary";

/// Adverbs that take the verb after them into a leading phrase ("Also decides",
/// "Strongly condemns").
/// "Once again urges": the two-word adverb before the verb of a leading phrase.
pub const ONCE: &str = "once";
pub const AGAIN: &str = "again";
/// "Having considered", "Having also examined": the auxiliary takes its participle.
pub const HAVING: &str = "having";
/// "Calls for".
pub const FOR: &str = "for";
/// "further", which may also qualify the noun after it ("further efforts").
pub const FURTHER: &str = "further";
/// "Calls on", "Reiterating its call on".
pub const ON_WORD: &str = "on";
/// "Having been informed": the passive auxiliary after "Having".
pub const BEEN: &str = "been";
/// "Taking into account": "into", and the nouns it takes in a phrase.
pub const INTO: &str = "into";
pub const INTO_NOUNS: &[&str] = &["account", "consideration"];
/// "Looks forward": the verbs "forward" follows in a phrase.
pub const LOOK_VERBS: &[&str] = &["looks", "looking", "look"];
pub const FORWARD: &str = "forward";
/// Adverbs after the verb that the phrase keeps ("Condemns unequivocally").
pub const POSTPOSED_ADVERBS: &[&str] = &["unequivocally", "firmly", "strongly", "once"];
/// "Condemns in the strongest possible terms": the manner printed in the phrase.
pub const STRONGEST_TERMS: &[&[&str]] = &[
    &["in", "the", "strongest", "possible", "terms"],
    &["in", "the", "strongest", "terms"],
];
/// Nouns of stance after a possessive in a phrase ("Reiterates its request",
/// "Reaffirms its commitment", "Expresses its conviction").
pub const STANCES: &[&str] = &[
    "call",
    "calls",
    "request",
    "requests",
    "commitment",
    "commitments",
    "demand",
    "demands",
    "appeal",
    "appeals",
    "conviction",
    "invitation",
    "approval",
    "determination",
    "recognition",
    "condemnation",
    "belief",
    "support",
    "readiness",
    "willingness",
    "intention",
    "position",
    "hope",
    "wish",
    "desire",
    "expectation",
    "expectations",
    "sympathy",
    "condolences",
    "endorsement",
    "resolve",
    "encouragement",
    "opposition",
    "rejection",
    "concerns",
];

pub const PHRASE_ADVERBS: &[&str] = &[
    "once",
    "also",
    "further",
    "furthermore",
    "moreover",
    "again",
    "strongly",
    "firmly",
    "deeply",
    "gravely",
    "seriously",
    "fully",
    "unequivocally",
    "urgently",
    "profoundly",
    "resolutely",
    "solemnly",
    "sincerely",
    "warmly",
    "categorically",
];

/// Adverbs that may go on a leading phrase ("Recalling also", "Recalling further").
pub const PHRASE_REPEATS: &[&str] = &["also", "further", "furthermore", "moreover", "again"];

/// Words after such an adverb that show it belongs to the phrase ("Recalling further
/// its …"), not to the noun after it ("Encourages further efforts").
pub const AFTER_REPEAT: &[&str] = &[
    "that",
    "to",
    "the",
    "its",
    "their",
    "his",
    "her",
    "all",
    "on",
    "in",
    "with",
    "by",
    "of",
    "a",
    "an",
    "this",
    "these",
    "those",
    "upon",
    "for",
    "further",
    "also",
    "note",
    "resolution",
    "resolutions",
    "decision",
    "decisions",
    "article",
    "paragraph",
    "once",
    "again",
    "and",
    "at",
    "from",
    "as",
    "every",
    "each",
    "both",
    "any",
    "whether",
    "how",
    "what",
    "when",
    "where",
    "which",
];

/// "Calling upon": the verbs "upon" follows in a phrase.
pub const CALL_VERBS: &[&str] = &["calls", "calling", "call"];
/// "upon".
pub const UPON: &str = "upon";

/// "Taking note": the verbs "note" follows in a phrase.
pub const TAKE_VERBS: &[&str] = &["takes", "taking", "take", "took", "taken"];
/// "note".
pub const NOTE: &str = "note";

/// "Bearing in mind": the verbs "in mind" follows in a phrase.
pub const BEAR_VERBS: &[&str] = &["bearing", "bears", "having"];
/// "in".
pub const IN: &str = "in";
/// "mind".
pub const MIND: &str = "mind";

/// "Expressing its deep concern": the possessives after such a verb.
pub const POSSESSIVES: &[&str] = &["its", "their"];
/// The verbs a possessive follows in a phrase.
pub const EXPRESS_VERBS: &[&str] = &[
    "expressing",
    "expresses",
    "reiterating",
    "reiterates",
    "reaffirming",
    "reaffirms",
    "affirming",
    "affirms",
    "re-emphasizing",
    "re-emphasizes",
    "renewing",
    "renews",
];

/// "with", which a phrase goes on with before one of [`WITH_NOUNS`].
pub const WITH: &str = "with";
/// "Noting with appreciation": the words after "with" in a phrase.
pub const WITH_NOUNS: &[&str] = &[
    "appreciation",
    "satisfaction",
    "concern",
    "deep",
    "grave",
    "serious",
    "great",
    "profound",
    "regret",
    "alarm",
    "interest",
];

/// Nouns that end a phrase ("Expressing its appreciation", "Noting with concern").
pub const FEELINGS: &[&str] = &[
    "appreciation",
    "satisfaction",
    "concern",
    "gratitude",
    "regret",
    "thanks",
    "alarm",
    "interest",
    "solidarity",
    "support",
];

/// Adjectives before such a noun ("Noting with deep concern").
pub const INTENSIFIERS: &[&str] = &[
    "deep",
    "grave",
    "serious",
    "great",
    "full",
    "particular",
    "profound",
    "strong",
    "firm",
    "unequivocal",
    "unwavering",
    "continued",
    "sincere",
    "gravest",
    "deepest",
];

/// Words that may extend a leading phrase after its first word.
pub const PHRASE_TAIL: &[&str] = &[
    "also",
    "further",
    "furthermore",
    "moreover",
    "again",
    "once",
    "in",
    "mind",
    "upon",
    "note",
    "with",
    "appreciation",
    "satisfaction",
    "concern",
    "deep",
    "grave",
    "serious",
    "great",
    "its",
    "their",
    "gratitude",
    "regret",
    "support",
    "thanks",
    "interest",
    "solidarity",
    "alarm",
    "full",
    "particular",
    "regard",
    "account",
];

/// The plenary meeting words with the space before them, as they follow the ordinal.
pub const SPACED_PLENARY_MEETING: &str = " plenary meeting";

/// "the" between spaces: a line that has it is text, not a heading.
pub const SPACED_THE: &str = " the ";

/// Short words that stand alone: a justification gap beside them splits no word.
pub const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "or", "nor", "the", "of", "to", "in", "on", "at", "by", "for", "as", "is",
    "are", "be", "it", "its", "we", "us", "our", "no", "not", "if", "so",
];

/// Prefixes and number words written with a hyphen ("post-conflict", "twenty-first").
pub const COMPOUND_HEADS: &[&str] = &[
    "post", "pre", "non", "co", "anti", "multi", "inter", "intra", "self", "well", "cross",
    "counter", "semi", "sub", "socio", "macro", "micro", "ex", "mid", "long", "short", "high",
    "low", "large", "small", "full", "half", "follow", "twenty", "thirty", "forty", "fifty",
    "sixty", "seventy", "eighty", "ninety", "one", "two", "three", "four", "five",
];

/// Prefixes that stand as no word of their own: a word after one of them at a line's
/// joint is a compound that lost its hyphen ("self determination", "non State"). Not
/// "inter" nor "sub", which stand in Latin phrases ("inter alia", "sub judice").
pub const BOUND_PREFIXES: &[&str] = &[
    "non", "co", "anti", "multi", "intra", "self", "semi", "socio", "macro", "micro", "pre",
];

/// Word endings a justification gap splits off ("econ omy", "cooperat ion").
pub const SPLIT_SUFFIXES: &[&str] = &[
    "e", "s", "y", "ty", "ity", "ion", "ions", "tion", "tions", "sion", "ance", "ence", "nce",
    "nance", "omy", "ment", "ments", "ness", "ing", "ed", "es", "ally", "ly", "ive", "ous", "ates",
    "ated", "ful", "ists", "ize", "ized", "ible", "ics", "ical", "ary", "ory",
];

/// Ordinal suffixes after digits ("64th", "52nd").
pub const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th"];

/// Latin suffixes of inserted paragraph numbers ("5 bis", "5 ter").
pub const LATIN_NUMBER_SUFFIXES: &[&str] = &["bis", "ter"];

/// Words after a suspended hyphen ("information- and infrastructure-sharing").
pub const SUSPENDING_WORDS: &[&str] = &["and", "or", "nor", "to", "as", "and/or"];

/// The word before a date that follows an adoption line on the next line ("on 19
/// September 2025"), with its space.
pub const DATE_INTRODUCER: &str = "on ";

/// What names the organ in an English adoption line ("Resolution adopted by the General
/// Assembly on 13 December 2010"), and what ends it.
pub const BY: &str = " by ";
/// See [`BY`].
pub const ON: &str = " on ";

/// What the vote line after the closing says ("[Adopted without a vote.]"), capital or not.
pub const ADOPTED_STEM: &str = "dopted";

/// Words that make "resolution 59/50" a reference to a resolution.
pub const RESOLUTION_WORDS: &[&str] = &["resolution", "resolutions"];
/// Words that make "decision 59/50" a reference to a decision.
pub const DECISION_WORDS: &[&str] = &["decision", "decisions"];

/// Words after a spaced number that make it a quantity, not a footnote mark ("5 per
/// cent", "10 million").
pub const QUANTITY_WORDS: &[&str] = &[
    "per", "percent", "%", "million", "billion", "years", "per cent", "and",
];

/// "hundredth" as an ordinal word.
pub const HUNDREDTH: &[&str] = &["hundredth", "one hundredth"];

/// "one hundred and" before the rest of an ordinal ("one hundred and first"), longest first.
pub const HUNDRED: &[&str] = &["one hundred and ", "one hundred "];

/// The title of the Universal Declaration of Human Rights, which prints no symbol,
/// number or date of its own.
pub const UDHR_TITLE: &str = "Universal Declaration of Human Rights";

/// A draft's submission line and a decision's adoption line.
pub const DRAFT: DraftWords = DraftWords {
    kinds: &[
        ("draft resolution", DocKind::DraftResolution),
        ("draft decision", DocKind::DraftDecision),
        ("amendments to", DocKind::Amendment),
        ("amendment to", DocKind::Amendment),
    ],
    openings: &[
        ("Draft resolution", DocKind::DraftResolution),
        ("Draft decision", DocKind::DraftDecision),
    ],
    and: " and ",
    comma: ", ",
    names_with_and: &[
        "Antigua and Barbuda",
        "Bosnia and Herzegovina",
        "Saint Kitts and Nevis",
        "Saint Vincent and the Grenadines",
        "Sao Tome and Principe",
        "Trinidad and Tobago",
        "United Kingdom of Great Britain and Northern Ireland",
    ],
    particles: &["of", "the", "and", "(The)", "of)", "the)", "d’"],
    decision_adopted: "Decision adopted by",
    run_on: &[
        "of",
        "the",
        "on",
        "by",
        "following",
        "and",
        "to",
        "for",
        "draft",
        "with",
    ],
    instructions: &[
        "Delete", "Replace", "Insert", "Add", "After", "Before", "In",
    ],
    paragraph: "paragraph",
    committee_end: " Committee",
    committee_start: "",
};

/// The word of a Security Council resolution's heading ("Resolution 253 (1968)",
/// "RESOLUTION 841 (1993)", "13 (1946). Resolution of 12 December 1946"), in lowercase.
pub const COUNCIL_RESOLUTION: &str = "resolution";

/// The word before the date of a Council heading ("of 29 May 1968"), with its space.
pub const HEADING_OF: &str = "of ";

/// How the Council's adoption line opens ("Adopted by the Security Council at its 3238th
/// meeting, on 16 June 1993").
pub const COUNCIL_ADOPTED: &str = "Adopted by the Security Council at its ";

/// How the Council's vote line opens ("Adopted unanimously at the 83rd meeting.",
/// "Adopted at the 2330th meeting by 13 votes to none, …").
pub const VOTE_OPENING: &str = "Adopted ";

/// The distribution field of a masthead ("Distr.: General"; French and Spanish print
/// "Distr. générale", "Distr. general").
pub const DISTR: &str = "Distr.";

/// What the word "meeting" of a vote line starts with, OCR damage allowed ("meting").
pub const MEETING_STEM: &str = "me";

/// The Security Council's heading and adoption line.
pub const COUNCIL: CouncilWords = CouncilWords {
    resolution: COUNCIL_RESOLUTION,
    resolution_end: "",
    printed: DOC_TYPE,
    adopted: COUNCIL_ADOPTED,
    bare_number: false,
    meeting: MEETING,
    date_introducer: DATE_INTRODUCER,
    date_first: false,
    united_nations: MASTHEAD_NAMES[0],
    organ: COUNCIL_NAME,
    heading_of: HEADING_OF,
    vote: VOTE_OPENING,
    vote_meeting: MEETING_STEM,
};

/// The Council's name as its masthead prints it.
pub const COUNCIL_NAME: &str = "Security Council";

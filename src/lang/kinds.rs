//! The shapes of the word tables every language fills.

use crate::model::DocKind;

/// What makes an organ's name the enacting formula rather than a masthead line or
/// wrapped text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marked {
    /// The name alone ("L'Assemblée générale").
    Plain,
    /// "The" before it (English).
    The,
    /// A comma after it ("大会，"): the Chinese masthead prints "大会" alone.
    Comma,
    /// "إن" or "فإن" before it: the Arabic masthead prints "الجمعية العامة" alone.
    Particle,
}

/// The words of a draft's submission line ("Albania and Chile: draft resolution",
/// "Draft resolution submitted by the Chair") and of a decision's adoption line.
#[derive(Debug, Clone, Copy)]
pub struct DraftWords {
    /// What follows the sponsors and their colon, as printed, and the kind it names.
    pub kinds: &'static [(&'static str, DocKind)],
    /// How a draft an officer submits opens, and the kind it names.
    pub openings: &'static [(&'static str, DocKind)],
    /// The word before the last sponsor, with its spaces (" and ").
    pub and: &'static str,
    /// The separator between sponsors.
    pub comma: &'static str,
    /// States whose names hold the word `and` (the list's last "and" is not theirs).
    pub names_with_and: &'static [&'static str],
    /// Lowercase words a State's name may hold ("Bolivia (Plurinational State of)").
    pub particles: &'static [&'static str],
    /// How a decision's adoption line opens ("Decision adopted by").
    pub decision_adopted: &'static str,
    /// Words that end a line of an officer's submission line that goes on ("… the
    /// Chair on the recommendation of the" / "Economic and Social Council").
    pub run_on: &'static [&'static str],
    /// The verbs an amendment's instructions open with ("Delete", "Replace", "After").
    pub instructions: &'static [&'static str],
    /// The word an instruction names its place with ("paragraph").
    pub paragraph: &'static str,
    /// How the committee line of a draft's masthead ends ("Third Committee") or, in a
    /// language that puts the noun first, opens ("اللجنة الثالثة").
    pub committee_end: &'static str,
    pub committee_start: &'static str,
}

/// The words the PDF writer prints in the masthead and outline.
#[derive(Debug, Clone, Copy)]
pub struct PrintWords {
    pub united_nations: &'static str,
    pub distr: &'static str,
    /// The distribution line of a draft ("Distr.: Limited").
    pub distr_limited: &'static str,
    pub agenda_item: &'static str,
    pub agenda_items: &'static str,
    pub and: &'static str,
    /// The adoption line before its date, for a document that does not print one.
    pub adopted: &'static str,
    pub annex_outline: &'static str,
    pub preamble_outline: &'static str,
    pub operative_outline: &'static str,
    /// The language letter after the job number: "(E)".
    pub letter: &'static str,
}

/// The words of a Security Council resolution's heading ("Resolution 1454 (2002)",
/// "第1454(2002)号决议") and adoption line ("Adopted by the Security Council at its 4689th
/// meeting, on 30 December 2002").
#[derive(Debug, Clone, Copy)]
pub struct CouncilWords {
    /// The word before the number in the heading, in lowercase ("résolution", "第").
    pub resolution: &'static str,
    /// What follows the number in the heading ("号决议"), or nothing.
    pub resolution_end: &'static str,
    /// The heading word as printed ("Résolution").
    pub printed: &'static str,
    /// The adoption line up to the meeting's number, spaces included.
    pub adopted: &'static str,
    /// Whether the meeting's number stands without an ordinal ending ("جلسته 4689").
    pub bare_number: bool,
    /// The words after the number ("séance", "заседании"), or nothing.
    pub meeting: &'static str,
    /// What comes before the date, after the meeting and its comma ("le ", "celebrada el ");
    /// where the date comes first (Chinese), the word that ends the line ("通过").
    pub date_introducer: &'static str,
    /// Whether the date opens the line, before `adopted` (Chinese).
    pub date_first: bool,
    /// The first words of the masthead ("United Nations"), before the symbol.
    pub united_nations: &'static str,
    /// The Council's name as the masthead prints it ("Conseil de sécurité").
    pub organ: &'static str,
    /// The word before the date in the yearly volumes' heading ("Resolution 500 (1982)
    /// of 28 January 1982", "du", "от"), with its space; nothing where the date follows
    /// bare (Chinese).
    pub heading_of: &'static str,
    /// How the vote line at the end opens ("Adopted unanimously at the 1382nd meeting.",
    /// "Adoptée à l'unanimité à la 1382e séance."), with its space in a spaced script.
    pub vote: &'static str,
    /// The meeting's word in the vote line, or what it starts with where OCR damages it
    /// ("me" for "meeting", "meting"); before the number where `bare_number` is set
    /// ("في الجلسة 1382"), after it otherwise ("1382-м заседании", "第1382次会议").
    pub vote_meeting: &'static str,
}

//! What a draft prints above its title: the submission line, with the sponsors and the
//! kind ("Albania, Andorra and Chile: draft resolution"), or the officer who submits it
//! ("Draft resolution submitted by the Chair of the Committee"); the committee line of
//! its masthead; a decision's text that opens with the organ ("The General Assembly,
//! recalling …, decides …"); a decision's adoption line.

use super::organ::formula_organ;
use super::reference::symbol_token;
use crate::lang::{DraftWords, DRAFT_WORDS};
use crate::model::DocKind;

/// A draft's submission line, recognised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    /// What the line says the document is.
    pub kind: DocKind,
    /// The sponsoring States in printed order (none when an officer submits it).
    pub sponsors: Vec<String>,
    /// The draft an amendment amends.
    pub amends: Option<String>,
}

/// The longest submission line the sample shows has 70 sponsors: a sentence of text is
/// told apart by what it says, not its length; this only bounds the work.
const MAX_LEN: usize = 4000;

/// The submission line of a draft, in any language whose words are known.
pub fn submission(text: &str) -> Option<Submission> {
    let text = text.trim();
    // Most paragraphs are told apart without a copy: no colon, no opening.
    let opens = DRAFT_WORDS
        .iter()
        .any(|w| w.openings.iter().any(|(o, _)| text.starts_with(o)));
    if !opens && !text.contains([':', '：']) {
        return None;
    }
    let t = without_marks(text);
    if t.len() > MAX_LEN {
        return None;
    }
    let t = t.as_str();
    DRAFT_WORDS
        .iter()
        .find_map(|w| officer(t, w).or_else(|| sponsored(t, w)))
}

/// "Draft resolution submitted by the President of the General Assembly", "Draft
/// resolution" alone.
fn officer(t: &str, w: &DraftWords) -> Option<Submission> {
    w.openings.iter().find_map(|&(open, kind)| {
        let rest = t.strip_prefix(open)?;
        let alone = rest.is_empty();
        // The opening is the whole phrase: not "Draft resolutions" nor a sentence's subject
        // ("Draft resolution A/C.3/80/L.3 is withdrawn"); what follows names who submits it.
        let submitted = rest.starts_with(' ')
            && rest
                .split_whitespace()
                .next()
                .is_some_and(|v| v.chars().all(char::is_lowercase) && !v.contains('/'));
        (alone || submitted).then(|| Submission {
            kind,
            sponsors: Vec::new(),
            amends: None,
        })
    })
}

/// "Albania, Andorra and Chile: draft resolution", "Ukraine: amendment to draft
/// resolution A/80/L.3".
fn sponsored(t: &str, w: &DraftWords) -> Option<Submission> {
    let colon = t.rfind([':', '：'])?;
    let names = t.get(..colon)?.trim();
    let after = t.get(colon..)?.trim_start_matches([':', '：']).trim_start();
    let &(word, kind) = w.kinds.iter().find(|(k, _)| starts_with_fold(after, k))?;
    let rest = after.get(word.len()..)?;
    // Nothing but the kind and, for an amendment, what it amends.
    if kind != DocKind::Amendment && !rest.trim().is_empty() {
        return None;
    }
    let amends = (kind == DocKind::Amendment)
        .then(|| rest.split_whitespace().rev().find_map(symbol_token))
        .flatten()
        .map(str::to_string);
    if kind == DocKind::Amendment && amends.is_none() {
        return None;
    }
    let sponsors = split_sponsors(names, w)?;
    Some(Submission {
        kind,
        sponsors,
        amends,
    })
}

/// `a` starts with `b`, the first letter in either case ("Draft resolution" after a
/// colon is printed in lower case, a line of its own may be capitalised).
fn starts_with_fold(a: &str, b: &str) -> bool {
    let mut ac = a.chars();
    let mut bc = b.chars();
    match (ac.next(), bc.next()) {
        (Some(x), Some(y)) if x.to_lowercase().eq(y.to_lowercase()) => {
            ac.as_str().starts_with(bc.as_str())
        }
        _ => false,
    }
}

/// The names of a list "A, B, C and D", each a State's name: capitalised words, and
/// the lowercase particles a name holds.
pub fn split_sponsors(names: &str, w: &DraftWords) -> Option<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    let pieces: Vec<&str> = names.split(w.comma).map(str::trim).collect();
    let n = pieces.len();
    for (k, piece) in pieces.into_iter().enumerate() {
        if k + 1 == n {
            out.extend(split_last(piece, w).into_iter().map(str::to_string));
        } else {
            out.push(piece.to_string());
        }
    }
    let ok = !out.is_empty() && out.iter().all(|s| is_name(s, w));
    ok.then_some(out)
}

/// The last piece of the list: "Uruguay and Venezuela (Bolivarian Republic of)", but
/// "Trinidad and Tobago" whole.
fn split_last<'a>(piece: &'a str, w: &DraftWords) -> Vec<&'a str> {
    let mut from = 0;
    while let Some(i) = piece
        .get(from..)
        .and_then(|s| s.find(w.and))
        .map(|i| i + from)
    {
        let inside = w.names_with_and.iter().any(|name| {
            let and_at = name.find(w.and).unwrap_or(0);
            i >= and_at && piece.get(i - and_at..).is_some_and(|s| s.starts_with(name))
        });
        if !inside {
            let (a, b) = (piece.get(..i), piece.get(i + w.and.len()..));
            if let (Some(a), Some(b)) = (a, b) {
                return vec![a.trim(), b.trim()];
            }
        }
        from = i + w.and.len();
    }
    vec![piece]
}

/// A State's name: each word capitalised (or of a script without capitals), or one of
/// the particles; no digits.
fn is_name(s: &str, w: &DraftWords) -> bool {
    !s.is_empty()
        && s.split_whitespace().count() <= 10
        && !s.chars().any(|c| c.is_ascii_digit())
        && s.split_whitespace().all(|word| {
            let bare = word.trim_start_matches('(');
            w.particles.contains(&word)
                || bare
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()))
                || w.particles
                    .iter()
                    .any(|p| p.ends_with('’') && bare.starts_with(p))
        })
}

/// A line of the sponsors' list that does not end it: names only, with a comma in it or
/// at its end, or the list's "and" at its end (a name cut at the line end).
pub fn sponsor_line(line: &str) -> bool {
    let t = without_marks(line.trim());
    DRAFT_WORDS.iter().any(|w| {
        let trimmed = t.trim_end_matches(w.comma.trim_end());
        let listy =
            t.contains(w.comma) || t.ends_with(w.comma.trim_end()) || t.ends_with(w.and.trim_end());
        listy
            && trimmed
                .split(w.comma)
                .flat_map(|p| p.split(w.and))
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .all(|p| is_name(p.trim_start_matches(w.and.trim()).trim(), w))
    })
}

/// Where a draft's submission line stands among the lines of a text (cleaned, one
/// printed line each, up to the formula): its first and last line. The masthead is
/// what comes before it.
pub fn submission_lines(lines: &[&str]) -> Option<(usize, usize)> {
    for (e, line) in lines.iter().enumerate() {
        let t = line.trim();
        if formula_organ(t).is_some() || decision_text(t) {
            return None;
        }
        if let Some(s) = submission(t) {
            if s.sponsors.is_empty() {
                let mut end = e;
                while let (Some(a), Some(b)) = (lines.get(end), lines.get(end + 1)) {
                    if !officer_goes_on(a, b) {
                        break;
                    }
                    end += 1;
                }
                return Some((e, end));
            }
        }
        // The kind after the colon, on this line or alone on the next.
        let colon = t.contains([':', '：']);
        let kind_alone = e > 0
            && lines
                .get(e - 1)
                .is_some_and(|p| p.trim_end().trim_end_matches('*').ends_with([':', '：']))
            && submission(&format!("X: {t}")).is_some();
        if !(colon || kind_alone) {
            continue;
        }
        let mut start = if kind_alone { e - 1 } else { e };
        while start > 0 && lines.get(start - 1).is_some_and(|l| sponsor_line(l)) {
            start -= 1;
        }
        let mut joined = lines
            .get(start..=e)
            .unwrap_or_default()
            .iter()
            .map(|l| l.trim())
            .collect::<Vec<_>>()
            .join(" ");
        if submission(&joined).is_some() {
            return Some((start, e));
        }
        // What an amendment amends may stand on the next line.
        if let Some(next) = lines.get(e + 1) {
            joined.push(' ');
            joined.push_str(next.trim());
            if submission(&joined).is_some() {
                return Some((start, e + 1));
            }
        }
    }
    None
}

/// Whether an officer's submission line goes on from `line` to `next` ("… following" /
/// "informal consultations"); the title that follows starts a paragraph of its own.
pub fn officer_goes_on(line: &str, next: &str) -> bool {
    let next = next.trim_start();
    if next.starts_with(|c: char| c.is_lowercase() || c == '(') {
        return true;
    }
    let last = line.split_whitespace().last().unwrap_or("");
    DRAFT_WORDS.iter().any(|w| w.run_on.contains(&last))
}

/// Whether a paragraph being joined ends with its line: a draft's submission line is
/// complete (the sponsors' list closed by the kind; an officer's line that does not
/// go on), and the title follows as a paragraph of its own.
pub fn submission_ends(acc: &str, line: &str, next: &str) -> bool {
    match submission(acc) {
        Some(s) if s.sponsors.is_empty() => !officer_goes_on(line, next),
        Some(_) => true,
        None => false,
    }
}

/// Where a title the text ran on into the next paragraph ends: before a first operative
/// number ("… disaster 1. Replace …") or, in an amendment, before an instruction that names
/// a paragraph ("… personnel Delete the thirty-eighth preambular paragraph reading:").
pub fn title_end(text: &str, amendment: bool) -> Option<usize> {
    let numbered = text.match_indices(" 1. ").map(|(i, _)| i).find(|&i| {
        text.get(i + 4..)
            .is_some_and(|r| r.starts_with(char::is_uppercase))
    });
    let instruction = || {
        DRAFT_WORDS
            .iter()
            .flat_map(|w| w.instructions.iter().map(move |v| (*v, w.paragraph)))
            .filter_map(|(verb, paragraph)| {
                let i = text.find(&format!(" {verb} "))?;
                let after = text.get(i + 1..)?;
                let near: String = after.chars().take(60).collect();
                near.contains(paragraph).then_some(i)
            })
            .min()
    };
    numbered.or_else(|| amendment.then(instruction).flatten())
}

/// The text with the note marks the readers leave in it ("Palestine:**", "[^*]") taken out.
pub fn without_marks(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("[^") {
        out.push_str(&rest[..i]);
        match rest[i..].find(']') {
            Some(j) => rest = &rest[i + j + 1..],
            None => {
                rest = &rest[i..];
                break;
            }
        }
    }
    out.push_str(rest);
    out.replace('*', "")
}

/// The committee line of a draft's masthead: "Third Committee", "Special Political and
/// Decolonization Committee", "(Fourth Committee)", "Troisième Commission", "Третий
/// комитет", "اللجنة الثالثة", "第三委员会". A short line of a name: no digit, no full stop.
pub fn committee_line(t: &str) -> bool {
    let bare = t.trim().trim_start_matches('(').trim_end_matches(')');
    bare.len() <= 100
        && !bare.contains(|c: char| c.is_ascii_digit() || c == '.' || c == ',' || c == ':')
        && DRAFT_WORDS.iter().any(|w| {
            (!w.committee_end.is_empty() && bare.ends_with(w.committee_end))
                || (!w.committee_start.is_empty() && bare.starts_with(w.committee_start))
        })
}

/// A decision's text that opens with the organ: "The General Assembly, recalling …,
/// decides …". Not the formula of a resolution, which stands on its own line.
pub fn decision_text(t: &str) -> bool {
    let Some(i) = t.find(',') else {
        return false;
    };
    let rest = t.get(i + 1..).unwrap_or("").trim_start();
    rest.split_whitespace().count() >= 3
        && rest.starts_with(char::is_lowercase)
        && t.get(..=i).and_then(formula_organ).is_some()
}

/// A decision's adoption line: "Decision adopted by the General Assembly on …".
pub fn decision_adopted(t: &str) -> bool {
    DRAFT_WORDS
        .iter()
        .any(|w| t.starts_with(w.decision_adopted))
}

/// A draft's symbol as its masthead prints it, top right of the first lines:
/// `A/C.3/80/L.20`, `A/80/L.1`, `A/C.3/80/L.3/Rev.1`.
pub fn symbol<'a>(lines: impl Iterator<Item = &'a str>) -> Option<String> {
    lines
        .filter_map(|l| l.split_whitespace().last())
        .filter_map(symbol_token)
        .find(|s| s.contains("/L.") && s.starts_with("A/"))
        .map(str::to_string)
}

/// The revision a symbol names: `A/C.3/80/L.3/Rev.1` → 1.
pub fn revision(symbol: &str) -> Option<u32> {
    let i = symbol.rfind("/Rev.")?;
    symbol.get(i + 5..)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sub(t: &str) -> Option<(DocKind, Vec<String>, Option<String>)> {
        submission(t).map(|s| (s.kind, s.sponsors, s.amends))
    }

    #[test]
    fn sponsors_and_kind() {
        let (kind, sponsors, _) =
            sub("Bolivia (Plurinational State of), Cuba, Venezuela (Bolivarian Republic of) and Viet Nam: draft resolution").unwrap();
        assert_eq!(kind, DocKind::DraftResolution);
        assert_eq!(
            sponsors,
            [
                "Bolivia (Plurinational State of)",
                "Cuba",
                "Venezuela (Bolivarian Republic of)",
                "Viet Nam"
            ]
        );
        let (_, s, _) = sub("Poland: draft resolution").unwrap();
        assert_eq!(s, ["Poland"]);
        let (_, s, _) = sub("Spain, Suriname, Trinidad and Tobago: draft resolution").unwrap();
        assert_eq!(s, ["Spain", "Suriname", "Trinidad and Tobago"]);
        let (_, s, _) =
            sub("Chile, Côte d’Ivoire and Bosnia and Herzegovina: draft resolution").unwrap();
        assert_eq!(s, ["Chile", "Côte d’Ivoire", "Bosnia and Herzegovina"]);
        let (kind, s, _) =
            sub("France, Saudi Arabia and State of Palestine:** draft decision").unwrap();
        assert_eq!(kind, DocKind::DraftDecision);
        assert_eq!(s, ["France", "Saudi Arabia", "State of Palestine"]);
    }

    #[test]
    fn amendments_name_the_draft() {
        let (kind, s, amends) = sub(
            "United States of America: amendment to revised draft resolution A/C.3/80/L.3/Rev.1",
        )
        .unwrap();
        assert_eq!(kind, DocKind::Amendment);
        assert_eq!(s, ["United States of America"]);
        assert_eq!(amends.as_deref(), Some("A/C.3/80/L.3/Rev.1"));
        assert!(sub("Russian Federation:* amendment to draft resolution").is_none());
    }

    #[test]
    fn officers_submit_without_sponsors() {
        let (kind, s, _) =
            sub("Draft resolution submitted by the Chair of the Committee following informal consultations").unwrap();
        assert_eq!(kind, DocKind::DraftResolution);
        assert!(s.is_empty());
        assert_eq!(
            sub("Draft resolution").map(|s| s.0),
            Some(DocKind::DraftResolution)
        );
        assert_eq!(
            sub("Draft decision submitted by the President of the General Assembly*").map(|s| s.0),
            Some(DocKind::DraftDecision)
        );
        assert!(sub("Draft resolution A/C.3/80/L.3 was withdrawn.").is_none());
    }

    #[test]
    fn other_languages() {
        let (kind, s, _) = sub("Albanie, Andorre et Chili : projet de résolution").unwrap();
        assert_eq!(kind, DocKind::DraftResolution);
        assert_eq!(s, ["Albanie", "Andorre", "Chili"]);
        let (kind, s, _) = sub("Brasil, Kuwait y España: proyecto de decisión").unwrap();
        assert_eq!(kind, DocKind::DraftDecision);
        assert_eq!(s, ["Brasil", "Kuwait", "España"]);
    }

    #[test]
    fn text_is_not_a_submission() {
        assert!(sub("Promotion and protection of human rights: human rights questions").is_none());
        assert!(sub("Recalling its resolution 70/1: draft resolution").is_none());
        assert!(sub("The General Assembly,").is_none());
    }

    #[test]
    fn lines_of_the_sponsors_list() {
        assert!(sponsor_line(
            "Barbados, Belgium, Belize, Bolivia (Plurinational State of), Bosnia and"
        ));
        assert!(sponsor_line(
            "Paraguay, Peru, Poland, Portugal, Republic of Moldova, Romania, Saint Kitts"
        ));
        assert!(sponsor_line("Cyprus, Czechia, Denmark,"));
        assert!(!sponsor_line("Question of Palestine"));
        assert!(!sponsor_line("Agenda item 67"));
        assert!(!sponsor_line(
            "Promotion and protection of human rights: human"
        ));
        assert!(!sponsor_line(
            "Strengthening of the coordination of humanitarian and"
        ));
    }

    #[test]
    fn where_the_submission_stands() {
        let lines = [
            "Third Committee",
            "Agenda item 67",
            "Promotion and protection of the rights of children",
            "Andorra, Antigua and Barbuda, Argentina, Austria, Bahamas (The),",
            "Paraguay, Peru, Poland, Portugal, Republic of Moldova, Romania, Saint Kitts",
            "and Nevis, Saint Lucia and",
            "Venezuela (Bolivarian Republic of): draft resolution",
            "Rights of the child",
            "The General Assembly,",
        ];
        assert_eq!(submission_lines(&lines), Some((3, 6)));
        let lines = [
            "Crime prevention",
            "United States of America: amendment to revised draft resolution",
            "A/C.3/80/L.3/Rev.1",
            "Strengthening",
        ];
        assert_eq!(submission_lines(&lines), Some((1, 2)));
        let lines = [
            "Agenda item 99 (b)",
            "Algeria, Cuba and Viet Nam:",
            "draft resolution",
            "Nuclear disarmament",
        ];
        assert_eq!(submission_lines(&lines), Some((1, 2)));
        let lines = [
            "Agenda item 136",
            "Draft resolution submitted by the Chair of the Committee following",
            "informal consultations",
            "Questions relating to the budget",
        ];
        assert_eq!(submission_lines(&lines), Some((1, 2)));
        assert!(submission_ends(
            "Poland: draft resolution",
            "Poland: draft resolution",
            "Title"
        ));
        assert!(!submission_ends(
            "Draft resolution submitted by the Chair on the recommendation of the",
            "the",
            "Economic and Social Council"
        ));
        assert!(submission_ends(
            "Draft resolution submitted by the Chair following informal consultations",
            "informal consultations",
            "Questions"
        ));
        let lines = [
            "Resolution adopted by the General Assembly",
            "The General Assembly,",
            "Italy: draft resolution",
        ];
        assert_eq!(submission_lines(&lines), None);
    }

    #[test]
    fn a_title_ends_before_the_text() {
        let t = "Safety of personnel Delete the thirty-eighth preambular paragraph reading:";
        assert_eq!(title_end(t, true), Some(19));
        assert_eq!(title_end(t, false), None);
        let t = "Persistent legacy of the Chernobyl disaster 1. Replace “Chernobyl” in the title";
        assert_eq!(title_end(t, false), Some(43));
        assert_eq!(title_end("Rights of the child", true), None);
        assert_eq!(title_end("Cooperation In the Region", true), None);
    }

    #[test]
    fn committees_decisions_revisions() {
        assert!(committee_line("Third Committee"));
        assert!(committee_line(
            "Special Political and Decolonization Committee"
        ));
        assert!(committee_line("(Fourth Committee)"));
        assert!(committee_line("Troisième Commission"));
        assert!(committee_line("Tercera Comisión"));
        assert!(committee_line("Третий комитет"));
        assert!(committee_line("اللجنة الثالثة"));
        assert!(committee_line("第三委员会"));
        assert!(!committee_line("Distr.: Limited"));
        assert!(!committee_line("Agenda item 67"));
        assert!(!committee_line(
            "Report of the Committee on Relations with the Host Country"
        ));
        assert!(decision_text(
            "The General Assembly, recalling its resolutions 79/22 of 2 December 2024, decides to include the item."
        ));
        assert!(!decision_text("The General Assembly,"));
        assert!(decision_adopted(
            "Decision adopted by the General Assembly on 5 September 2025"
        ));
        assert_eq!(revision("A/C.3/80/L.3/Rev.1"), Some(1));
        let lines = ["United Nations      A/C.3/80/L.20", "General Assembly"];
        assert_eq!(symbol(lines.into_iter()).as_deref(), Some("A/C.3/80/L.20"));
        assert_eq!(revision("A/C.3/80/L.3"), None);
    }
}

//! The words that open preambular paragraphs ("Recalling", "Whereas").

use super::text::{lowercase, words, Words};
use crate::lang::en;
use crate::lang::is_one_of;
use crate::lang::{self, zh};

/// A paragraph that opens a preamble in a declaration ("Whereas …", "Considérant …",
/// "鉴于…", "لما كان …").
pub(crate) fn preamble_opener(s: &str) -> bool {
    // Chinese has no spaces: the opener is the paragraph's first characters.
    if zh::WHEREAS.iter().any(|w| s.starts_with(w)) {
        return true;
    }
    let first = words(s).next().unwrap_or("").trim_end_matches(',');
    is_one_of(&lowercase(first), lang::RECITAL_OPENERS)
}

pub fn opener(c: &str) -> bool {
    let first = Words::new(c).next().unwrap_or("").trim_end_matches(',');
    is_one_of(first, en::PREAMBULAR_OPENERS) || other_opener(c, first)
}

/// "Takes note of …", "Recommends to the General Assembly …": a verb in the third person
/// before a word in lower case, as an unnumbered operative paragraph opens.
pub(crate) fn operative_verb(t: &str) -> bool {
    let mut w = t.split_whitespace();
    let (Some(first), Some(second)) = (w.next(), w.next()) else {
        return false;
    };
    first.len() >= 5
        && first.starts_with(char::is_uppercase)
        && first.ends_with('s')
        && !first.ends_with("ss")
        && first.chars().all(char::is_alphabetic)
        && second.starts_with(char::is_lowercase)
}

/// An English participle that opens a paragraph though no list names it: "Inviting the
/// international community …", "Deeply alarmed by …". Capitalised, then a word in lower
/// case, so that names ("Beijing Declaration", "United Nations") do not pass. For joining
/// lines only: the items of a list inside a paragraph can open so too.
pub(crate) fn participle_opener(c: &str) -> bool {
    let mut ws = Words::new(c);
    let (Some(first), Some(second)) = (ws.next(), ws.next()) else {
        return false;
    };
    let participle = |w: &str| {
        w.len() >= 6
            && w.chars().all(char::is_alphabetic)
            && en::PARTICIPLE_ENDINGS.iter().any(|e| w.ends_with(e))
    };
    let rest_lower = |w: &str| w.chars().all(char::is_lowercase);
    let mut chars = first.chars();
    let capital = chars.next().is_some_and(char::is_uppercase) && rest_lower(chars.as_str());
    // "Marking 30 years": a number may follow the participle too.
    let next_ok = second.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit());
    if !capital || !next_ok || is_one_of(second, en::TITLE_JOINERS) {
        return false;
    }
    let lower_second = second.trim_end_matches(',');
    participle(first)
        || (first.ends_with(en::ADVERB_ENDING)
            && rest_lower(lower_second)
            && participle(lower_second))
}

/// Openers of preambular paragraphs in French ("Rappelant", "Considérant", "Consciente"),
/// Spanish ("Recordando", "Teniendo", "Convencida"), Russian ("Ссылаясь", and "принимая"
/// in lower case as the Universal Declaration prints it), Arabic ("وإذ", "ولما") and
/// Chinese ("鉴于"). French and Spanish present participles and gerunds are told by their
/// endings; a capital is asked of them, so that a wrapped line does not pass.
pub(crate) fn other_opener(c: &str, first: &str) -> bool {
    let capital = first.starts_with(char::is_uppercase);
    // English has words in -ant too ("Pursuant to", "Significant progress"): a French
    // participle is followed by a French word.
    let french = first.ends_with(lang::fr::PARTICIPLE_ENDING) && {
        let next = c.get(first.len()..).unwrap_or("").split_whitespace().next();
        next.is_some_and(|w| {
            is_one_of(w, lang::fr::AFTER_PARTICIPLE)
                || w.starts_with(['l', 'd', 'q']) && w.contains(['’', '\''])
        })
    };
    let romance = first.chars().count() >= 6
        && (french || lang::es::GERUND_ENDINGS.iter().any(|e| first.ends_with(e)));
    capital && (romance || is_one_of(first, lang::ROMANCE_OPENERS))
        || lang::ru::OPENERS
            .iter()
            .any(|w| first.len() == w.len() && lowercase(first) == *w)
        || is_one_of(first, lang::ar::OPENERS)
        || zh::WHEREAS.iter().any(|w| c.starts_with(w))
}

/// An operative verb in the third person opening a paragraph that ends with ':' or '.'.
/// The Security Council ends one with ';' as well ("Takes note of … ;", "Decides:").
pub(crate) fn is_unnumbered_operative(s: &str) -> bool {
    let first = words(s).next().unwrap_or("").trim_end_matches([':', ',']);
    // A footnote mark may follow the final stop ("… six additional principles. 19").
    let t = s
        .trim_end()
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
    let verb = first.chars().next().is_some_and(char::is_uppercase)
        && first.ends_with('s')
        && !first.ends_with("ss")
        && first.chars().all(char::is_alphabetic);
    verb && t.ends_with([':', '.', ';']) && !opener(s)
}

#[cfg(test)]
mod tests {
    use super::participle_opener;

    #[test]
    fn participles_open_by_grammar_and_names_do_not() {
        for s in [
            "Inviting the international community to provide",
            "Taking into account its resolutions",
            "Deeply alarmed by the situation",
            "Strongly condemning all acts",
            "Encouraged by the progress",
            "Marking 30 years since the adoption",
        ] {
            assert!(participle_opener(s), "{s}");
        }
        for s in [
            "Beijing Declaration and Platform for Action,",
            "Stockpiling and Use of Chemical Weapons",
            "United Nations Development Programme",
            "Recalling",
            "Sterling",
            "Fully",
            "Peacebuilding Commission",
            "IMPLEMENTING the text",
        ] {
            assert!(!participle_opener(s), "{s}");
        }
    }
}

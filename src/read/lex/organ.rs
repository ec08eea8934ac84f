//! The enacting formula: "The General Assembly," and the other organs' names.

use crate::lang::{Marked, ASCII_ORGAN_NAMES, ORGAN_NAMES};
use crate::model::Organ;

/// Is this the enacting formula ("The General Assembly,") in a supported language?
pub fn formula_organ(s: &str) -> Option<Organ> {
    // The longest formula is a few words: do not copy long paragraphs to find out.
    if s.len() > 80 {
        return None;
    }
    let t = s.trim().trim_end_matches([',', ':']).trim();
    // A bare name is a masthead line or wrapped text: each language marks the formula
    // its own way (see [`Marked`]).
    fn named(
        names: &[(&str, Organ, Marked)],
        body: &str,
        ok: impl Fn(Marked) -> bool,
        same: fn(&str, &str) -> bool,
    ) -> Option<Organ> {
        names
            .iter()
            .find(|&&(name, _, marked)| ok(marked) && same(body, name))
            .map(|&(_, organ, _)| organ)
    }
    // An ASCII line (most lines asked about) is compared without a lowercase copy, and
    // with the ASCII names only.
    if t.is_ascii() {
        let ascii = ORGAN_NAMES.get(..ASCII_ORGAN_NAMES).unwrap_or_default();
        return match t.get(..4).filter(|the| the.eq_ignore_ascii_case("the ")) {
            Some(_) => named(
                ascii,
                t.get(4..).unwrap_or_default(),
                |_| true,
                str::eq_ignore_ascii_case,
            ),
            None => named(ascii, t, |m| m == Marked::Plain, str::eq_ignore_ascii_case),
        };
    }
    let comma = s.trim_end().ends_with([',', '，', '،']);
    let lower = t.replace('’', "'").to_lowercase();
    let lower = lower.trim_end_matches(['，', '،', '：']).trim_end();
    if let Some(body) = lower.strip_prefix("the ") {
        return named(ORGAN_NAMES, body, |_| true, |a, b| a == b);
    }
    // "إن الجمعية العامة،" (resolutions), "فإن الجمعية العامة" (the Universal Declaration).
    if let Some(body) = lower
        .strip_prefix("إن ")
        .or_else(|| lower.strip_prefix("فإن "))
    {
        return named(
            ORGAN_NAMES,
            body.trim_start(),
            |m| m == Marked::Particle,
            |a, b| a == b,
        );
    }
    named(
        ORGAN_NAMES,
        lower,
        |m| m == Marked::Plain || (m == Marked::Comma && comma),
        |a, b| a == b,
    )
}

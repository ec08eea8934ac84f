//! The enacting formula: "The General Assembly," and the other organs' names.

use crate::model::*;

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

/// What makes an organ's name the enacting formula rather than a masthead line or
/// wrapped text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marked {
    /// The name alone ("L'Assemblée générale").
    Plain,
    /// "The" before it (English).
    The,
    /// A comma after it ("大会，"): the Chinese masthead prints "大会" alone.
    Comma,
    /// "إن" or "فإن" before it: the Arabic masthead prints "الجمعية العامة" alone.
    Particle,
}

/// How many of [`ORGAN_NAMES`] (the first ones) are ASCII.
pub(crate) const ASCII_ORGAN_NAMES: usize = {
    let mut k = 0;
    while k < ORGAN_NAMES.len() && ORGAN_NAMES[k].0.is_ascii() {
        k += 1;
    }
    k
};

/// The names of the organs in the formula, in lowercase with straight apostrophes, and
/// what marks the name as the formula; the ASCII names first.
pub(crate) const ORGAN_NAMES: &[(&str, Organ, Marked)] = &[
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
    ("la asamblea general", Organ::GeneralAssembly, Marked::Plain),
    (
        "die generalversammlung",
        Organ::GeneralAssembly,
        Marked::Plain,
    ),
    (
        "l'assemblea generale",
        Organ::GeneralAssembly,
        Marked::Plain,
    ),
    ("a assembleia geral", Organ::GeneralAssembly, Marked::Plain),
    (
        "de algemene vergadering",
        Organ::GeneralAssembly,
        Marked::Plain,
    ),
    (
        "le conseil des droits de l'homme",
        Organ::HumanRightsCouncil,
        Marked::Plain,
    ),
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
    (
        "l'assemblée générale",
        Organ::GeneralAssembly,
        Marked::Plain,
    ),
    (
        "генеральная ассамблея",
        Organ::GeneralAssembly,
        Marked::Plain,
    ),
    ("大会", Organ::GeneralAssembly, Marked::Comma),
    ("大會", Organ::GeneralAssembly, Marked::Comma),
    ("الجمعية العامة", Organ::GeneralAssembly, Marked::Particle),
    (
        "le conseil de sécurité",
        Organ::SecurityCouncil,
        Marked::Plain,
    ),
    ("совет безопасности", Organ::SecurityCouncil, Marked::Plain),
    ("安全理事会", Organ::SecurityCouncil, Marked::Comma),
    ("مجلس الأمن", Organ::SecurityCouncil, Marked::Particle),
    ("人权理事会", Organ::HumanRightsCouncil, Marked::Comma),
    (
        "مجلس حقوق الإنسان",
        Organ::HumanRightsCouncil,
        Marked::Particle,
    ),
    (
        "le conseil économique et social",
        Organ::EconomicAndSocialCouncil,
        Marked::Plain,
    ),
    (
        "经济及社会理事会",
        Organ::EconomicAndSocialCouncil,
        Marked::Comma,
    ),
    (
        "المجلس الاقتصادي والاجتماعي",
        Organ::EconomicAndSocialCouncil,
        Marked::Particle,
    ),
];

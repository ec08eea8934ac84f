//! The words of the German texts (the Universal Declaration's translation).

use super::kinds::Marked;
use crate::model::Organ;

/// The organs' names in the enacting formula, in lowercase with straight apostrophes,
/// and what marks the name as the formula.
pub const ORGAN_NAMES: &[(&str, Organ, Marked)] = &[(
    "die generalversammlung",
    Organ::GeneralAssembly,
    Marked::Plain,
)];

/// The heading "Preamble" over a declaration's recitals, in lowercase.
pub const PREAMBLE_HEADING: &str = "präambel";

/// The word of an article heading ("Article 1"), in lowercase.
pub const ARTICLE: &str = "artikel";

/// The word that opens a declaration's recitals ("Whereas"), in lowercase.
pub const WHEREAS: &str = "da";

/// The verbs that continue a declaration's formula ("Proclaims this …"), in lowercase.
pub const PROCLAIMS: &[&str] = &["verkündet"];

/// The title of the Universal Declaration of Human Rights, which prints no symbol,
/// number or date of its own.
pub const UDHR_TITLE: &str = "Allgemeine Erklärung der Menschenrechte";

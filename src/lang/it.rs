//! The words of the Italian texts (the Universal Declaration's translation).

use super::kinds::Marked;
use crate::model::Organ;

/// The organs' names in the enacting formula, in lowercase with straight apostrophes,
/// and what marks the name as the formula.
pub const ORGAN_NAMES: &[(&str, Organ, Marked)] = &[(
    "l'assemblea generale",
    Organ::GeneralAssembly,
    Marked::Plain,
)];

/// The heading "Preamble" over a declaration's recitals, in lowercase.
pub const PREAMBLE_HEADING: &str = "preambolo";

/// The word of an article heading ("Article 1"), in lowercase.
pub const ARTICLE: &str = "articolo";

/// The word for "first" in an article heading ("Article premier").
pub const FIRST: &str = "primo";

/// The word that opens a declaration's recitals ("Whereas"), in lowercase.
pub const WHEREAS: &str = "considerato";

/// The title of the Universal Declaration of Human Rights, which prints no symbol,
/// number or date of its own.
pub const UDHR_TITLE: &str = "Dichiarazione universale dei diritti umani";

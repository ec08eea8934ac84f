//! The words of the Dutch texts (the Universal Declaration's translation).

use super::kinds::Marked;
use crate::model::Organ;

/// The organs' names in the enacting formula, in lowercase with straight apostrophes,
/// and what marks the name as the formula.
pub const ORGAN_NAMES: &[(&str, Organ, Marked)] = &[(
    "de algemene vergadering",
    Organ::GeneralAssembly,
    Marked::Plain,
)];

/// The word that opens a declaration's recitals ("Whereas"), in lowercase.
pub const WHEREAS: &str = "overwegende";

/// The title of the Universal Declaration of Human Rights, which prints no symbol,
/// number or date of its own.
pub const UDHR_TITLE: &str = "Universele Verklaring van de Rechten van de Mens";

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

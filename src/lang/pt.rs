//! The words of the Portuguese texts (the Universal Declaration's translation).

use super::kinds::Marked;
use crate::model::Organ;

/// The organs' names in the enacting formula, in lowercase with straight apostrophes,
/// and what marks the name as the formula.
pub const ORGAN_NAMES: &[(&str, Organ, Marked)] =
    &[("a assembleia geral", Organ::GeneralAssembly, Marked::Plain)];

/// The heading "Preamble" over a declaration's recitals, in lowercase.
pub const PREAMBLE_HEADING: &str = "preâmbulo";

/// The word of an article heading ("Article 1"), in lowercase.
pub const ARTICLE: &str = "artigo";

/// The verbs that continue a declaration's formula ("Proclaims this …"), in lowercase.
pub const PROCLAIMS: &[&str] = &["proclamou"];

/// The title of the Universal Declaration of Human Rights, which prints no symbol,
/// number or date of its own.
pub const UDHR_TITLE: &str = "Declaração Universal dos Direitos Humanos";

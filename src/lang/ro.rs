//! The words of the Romanian texts (the Universal Declaration's translation).

/// The verbs that continue a declaration's formula ("Proclaims this …"), in lowercase.
pub const PROCLAIMS: &[&str] = &["proclamă"];

/// The title of the Universal Declaration of Human Rights, which prints no symbol,
/// number or date of its own.
pub const UDHR_TITLE: &str = "Declarația Universală a Drepturilor Omului";
